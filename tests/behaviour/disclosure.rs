//! Small-number suppression: primary, secondary, zero cells, all-small and
//! nothing-to-mask tables, and an adversarial property over generated tables.

use indikator::{Margin, Suppression};
use polars::prelude::*;
use proptest::prelude::*;

use crate::common::{floats, texts};

fn standard_table(numerators: &[i64]) -> DataFrame {
    let n = numerators.len();
    df!(
        "kommun" => (0..n).map(|i| format!("k{i}")).collect::<Vec<_>>(),
        "numerator" => numerators,
        "denominator" => vec![1000i64; n],
        "value" => numerators.iter().map(|x| *x as f64 / 10.0).collect::<Vec<_>>(),
        "lower" => numerators.iter().map(|x| *x as f64 / 20.0).collect::<Vec<_>>(),
        "upper" => numerators.iter().map(|x| *x as f64 / 5.0).collect::<Vec<_>>(),
    )
    .unwrap()
}

#[test]
fn primary_masks_counts_from_one_to_below_the_threshold_and_what_is_built_on_them() {
    let out = Suppression::new()
        .apply(&standard_table(&[0, 1, 4, 5, 40]))
        .unwrap();
    assert_eq!(
        texts(&out, "suppressed"),
        ["none", "primary", "primary", "none", "none"]
    );
    assert_eq!(
        floats(&out, "numerator"),
        [Some(0.0), None, None, Some(5.0), Some(40.0)]
    );
    assert_eq!(
        floats(&out, "value"),
        [Some(0.0), None, None, Some(0.5), Some(4.0)]
    );
    assert_eq!(floats(&out, "upper")[2], None);
    assert_eq!(floats(&out, "denominator")[1], None);
}

#[test]
fn a_small_denominator_masks_the_row_too() {
    let table = df!("numerator" => [0i64, 2], "denominator" => [3i64, 50]).unwrap();
    let out = Suppression::new().apply(&table).unwrap();
    assert_eq!(texts(&out, "suppressed"), ["primary", "primary"]);
}

#[test]
fn zero_cells_are_published() {
    let out = Suppression::new()
        .apply(&standard_table(&[0, 0, 0]))
        .unwrap();
    assert_eq!(texts(&out, "suppressed"), ["none", "none", "none"]);
}

#[test]
fn nothing_to_mask_leaves_the_table_as_it_was() {
    let table = standard_table(&[10, 20, 30]);
    let out = Suppression::new().apply(&table).unwrap();
    assert!(out.drop("suppressed").unwrap().equals_missing(&table));
}

#[test]
fn a_table_whose_every_cell_is_small() {
    let table = df!("sex" => ["kvinnor", "män", "Totalt"], "numerator" => [1i64, 2, 3]).unwrap();
    let margin = Margin {
        column: "sex".into(),
        total: "Totalt".into(),
    };
    let out = Suppression::new().margin(margin).apply(&table).unwrap();
    assert_eq!(texts(&out, "suppressed"), ["primary", "primary", "primary"]);
    assert_eq!(floats(&out, "numerator"), [None, None, None]);
}

#[test]
fn one_masked_cell_in_a_row_with_a_total_masks_a_second_cell() {
    let table = df!(
        "sex" => ["kvinnor", "män", "Totalt"],
        "numerator" => [3i64, 12, 15],
    )
    .unwrap();
    let margin = Margin {
        column: "sex".into(),
        total: "Totalt".into(),
    };
    let out = Suppression::new().margin(margin).apply(&table).unwrap();
    assert_eq!(texts(&out, "suppressed"), ["primary", "secondary", "none"]);
    assert_eq!(floats(&out, "numerator"), [None, None, Some(15.0)]);
}

#[test]
fn a_threshold_and_named_count_columns() {
    let table = df!("deaths" => [7i64, 12], "population" => [900i64, 1200]).unwrap();
    let out = Suppression::new()
        .threshold(10.0)
        .counts(["deaths", "population"])
        .apply(&table)
        .unwrap();
    assert_eq!(texts(&out, "suppressed"), ["primary", "none"]);
    assert_eq!(floats(&out, "population"), [None, Some(1200.0)]);
}

#[test]
fn bad_arguments_are_named() {
    let table = standard_table(&[1]);
    assert_eq!(
        Suppression::new()
            .threshold(0.5)
            .apply(&table)
            .unwrap_err()
            .to_string(),
        "argument `threshold`: threshold must be a finite number >= 1; got 0.5"
    );
    assert_eq!(
        Suppression::new().counts(["deaths"]).apply(&table).unwrap_err().to_string(),
        "column `deaths` (count) not found; the frame has: kommun, numerator, denominator, value, lower, upper"
    );
    let margin = Margin {
        column: "kommun".into(),
        total: "Region".into(),
    };
    assert_eq!(
        Suppression::new().margin(margin).apply(&table).unwrap_err().to_string(),
        "column `kommun`: the total label of a margin must occur in its column; found no row labelled \"Region\""
    );
}

/// A long table of an r × c grid of counts with row, column and grand totals.
fn grid(cells: &[Vec<i64>]) -> DataFrame {
    let (mut rows, mut cols, mut counts) = (Vec::new(), Vec::new(), Vec::new());
    let c = cells[0].len();
    for (i, row) in cells.iter().enumerate() {
        for (j, x) in row.iter().enumerate() {
            rows.push(format!("r{i}"));
            cols.push(format!("c{j}"));
            counts.push(*x);
        }
        rows.push(format!("r{i}"));
        cols.push("T".to_string());
        counts.push(row.iter().sum());
    }
    for j in 0..=c {
        rows.push("T".to_string());
        cols.push(if j == c {
            "T".to_string()
        } else {
            format!("c{j}")
        });
        counts.push(if j == c {
            cells.iter().flatten().sum()
        } else {
            cells.iter().map(|r| r[j]).sum()
        });
    }
    df!("row" => rows, "col" => cols, "numerator" => counts).unwrap()
}

fn grid_suppression() -> Suppression {
    Suppression::new()
        .margin(Margin {
            column: "row".into(),
            total: "T".into(),
        })
        .margin(Margin {
            column: "col".into(),
            total: "T".into(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// After suppression, no masked cell equals a published total minus
    /// published cells along its row or column, unmasked values are unchanged,
    /// every small cell is masked, and a second pass changes nothing.
    #[test]
    fn no_masked_value_can_be_recomputed_by_one_subtraction(
        cells in (1usize..5, 1usize..5).prop_flat_map(|(r, c)| proptest::collection::vec(proptest::collection::vec(0i64..12, c), r))
    ) {
        let table = grid(&cells);
        let out = grid_suppression().apply(&table).unwrap();
        let f = texts(&out, "suppressed");
        let before = floats(&table, "numerator");
        let after = floats(&out, "numerator");
        let rows: Vec<String> = texts(&out, "row");
        let cols: Vec<String> = texts(&out, "col");
        for i in 0..before.len() {
            let x = before[i].unwrap();
            if x > 0.0 && x < 5.0 {
                prop_assert!(f[i] != "none", "small cell {i} = {x} published");
            }
            if f[i] == "none" {
                prop_assert_eq!(after[i], before[i]);
            } else {
                prop_assert_eq!(after[i], None);
            }
        }
        // Every line (along rows: same `row`; along columns: same `col`) has zero or at least two masked cells.
        for key in [&rows, &cols] {
            let mut lines: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
            for i in 0..f.len() {
                if f[i] != "none" {
                    *lines.entry(key[i].as_str()).or_default() += 1;
                }
            }
            for (line, masked) in lines {
                prop_assert!(masked != 1, "line {line} has exactly one masked cell");
            }
        }
        let again = grid_suppression().apply(&out).unwrap();
        prop_assert!(again.equals_missing(&out), "suppression is not idempotent");
    }

    /// The cells masked do not depend on the order of the rows (ties between
    /// equal candidates for secondary suppression are broken by the keys).
    #[test]
    fn suppression_does_not_depend_on_row_order(
        cells in (1usize..5, 1usize..5).prop_flat_map(|(r, c)| proptest::collection::vec(proptest::collection::vec(0i64..12, c), r))
    ) {
        let table = grid(&cells);
        let flags_by_key = |t: &DataFrame| -> Vec<(String, String, String)> {
            let out = grid_suppression().apply(t).unwrap();
            let mut v: Vec<_> = texts(&out, "row").into_iter()
                .zip(texts(&out, "col"))
                .zip(texts(&out, "suppressed"))
                .map(|((r, c), f)| (r, c, f))
                .collect();
            v.sort();
            v
        };
        prop_assert_eq!(flags_by_key(&table), flags_by_key(&table.reverse()));
    }
}

#[test]
fn masked_rows_say_suppressed_in_their_status() {
    let table =
        df!("numerator" => [2i64, 20], "denominator" => [100i64, 100], "status" => ["ok", "ok"])
            .unwrap();
    let out = Suppression::new().apply(&table).unwrap();
    let status: Vec<&str> = out
        .column("status")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .flatten()
        .collect();
    assert_eq!(status, ["suppressed", "ok"]);
}
