//! Small-number suppression: primary, secondary, zero cells, all-small and
//! nothing-to-mask tables, and an adversarial property over generated tables.
//!
//! Over 500 lines: the hand-worked tables and the generated ones share their
//! builders; splitting them would duplicate those.

use indikator::{Hierarchy, Margin, Suppression};
use polars::prelude::*;
use proptest::prelude::*;

use crate::common::{floats, strings, texts};

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
        .apply(standard_table(&[0, 1, 4, 5, 40]))
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
        .apply(standard_table(&[0, 0, 0]))
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

// --- The audit: a reader who solves linear programmes -------------------

/// A long table of a grid of counts (any number of dimensions, `sizes`
/// categories each, `leaves` in row-major order) with every total: the
/// label `T` in a dimension is the sum over it.
fn cube(sizes: &[usize], leaves: &[i64]) -> DataFrame {
    let dims = sizes.len();
    let extended: Vec<usize> = sizes.iter().map(|s| s + 1).collect();
    let cells: usize = extended.iter().product();
    let mut sums = vec![0i64; cells];
    let index = |at: &[usize]| at.iter().zip(&extended).fold(0, |i, (a, e)| i * e + a);
    for (leaf, &x) in leaves.iter().enumerate() {
        let mut at = vec![0; dims];
        let mut rest = leaf;
        for d in (0..dims).rev() {
            at[d] = rest % sizes[d];
            rest /= sizes[d];
        }
        // Add to every cell that is this leaf or one of its totals.
        for mask in 0..(1usize << dims) {
            let target: Vec<usize> = (0..dims)
                .map(|d| if mask >> d & 1 == 1 { sizes[d] } else { at[d] })
                .collect();
            sums[index(&target)] += x;
        }
    }
    let mut columns: Vec<Vec<String>> = vec![Vec::with_capacity(cells); dims];
    for cell in 0..cells {
        let mut rest = cell;
        for d in (0..dims).rev() {
            let a = rest % extended[d];
            rest /= extended[d];
            columns[d].push(if a == sizes[d] {
                "T".into()
            } else {
                format!("v{a}")
            });
        }
    }
    let mut out: Vec<Column> = columns
        .into_iter()
        .enumerate()
        .map(|(d, c)| Column::new(format!("d{d}").into(), c))
        .collect();
    out.push(Column::new("numerator".into(), sums));
    DataFrame::new(cells, out).unwrap()
}

fn cube_suppression(dims: usize) -> Suppression {
    (0..dims).fold(Suppression::new(), |s, d| {
        s.margin(Margin {
            column: format!("d{d}"),
            total: "T".into(),
        })
    })
}

fn bools(df: &DataFrame, column: &str) -> Vec<bool> {
    df.column(column)
        .unwrap()
        .bool()
        .unwrap()
        .iter()
        .map(|b| b.unwrap_or(false))
        .collect()
}

/// `table` as published if every non-zero cell were masked.
fn all_masked(table: &DataFrame, threshold: f64) -> DataFrame {
    let flags: Vec<&str> = floats(table, "numerator")
        .into_iter()
        .map(|x| match x.unwrap_or(0.0) {
            x if x > 0.0 && x < threshold => "primary",
            x if x > 0.0 => "secondary",
            _ => "none",
        })
        .collect();
    let mut full = table.clone();
    full.with_column(Column::new("suppressed".into(), flags))
        .unwrap();
    full
}

/// After suppression: every small count masked, published counts unchanged,
/// the audit passes (or fails only where no masking of non-zero cells
/// could mend it), and a second pass changes nothing.
fn check_protected(tables: &[DataFrame], s: &Suppression) -> Result<(), TestCaseError> {
    let out = s.apply_together(tables).unwrap();
    let audits = s.audit_together(&out).unwrap();
    let full: Vec<DataFrame> = tables.iter().map(|t| all_masked(t, s.threshold)).collect();
    let full_audits = s.audit_together(&full).unwrap();
    for (t, table) in tables.iter().enumerate() {
        let flags = texts(&out[t], "suppressed");
        let (before, after) = (floats(table, "numerator"), floats(&out[t], "numerator"));
        for i in 0..before.len() {
            let x = before[i].unwrap();
            if x > 0.0 && x < s.threshold {
                prop_assert_eq!(&flags[i], "primary", "small cell {} = {} published", i, x);
            }
            if flags[i] == "none" {
                prop_assert_eq!(after[i], before[i]);
            } else {
                prop_assert_eq!(after[i], None);
                prop_assert!(x > 0.0, "a zero cell masked");
            }
        }
        let passed = bools(&audits[t], "audit_passed");
        let findings = strings(&audits[t], "audit_findings");
        let mendable = bools(&full_audits[t], "audit_passed");
        for i in 0..passed.len() {
            prop_assert!(
                passed[i] || !mendable[i],
                "row {} of table {} fails the audit ({:?}) though masking more would mend it",
                i,
                t,
                findings[i]
            );
        }
    }
    let again = s.apply_together(&out).unwrap();
    for (a, o) in again.iter().zip(&out) {
        prop_assert!(a.equals_missing(o), "suppression is not idempotent");
    }
    Ok(())
}

/// Counts with many small ones: a third zero, two fifths from 1 to 4.
fn count() -> impl Strategy<Value = i64> {
    prop_oneof![3 => Just(0i64), 4 => 1i64..5, 3 => 5i64..40]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Two dimensions with row, column and grand totals.
    #[test]
    fn two_way_tables_pass_the_audit(
        (sizes, leaves) in (1usize..5, 1usize..5).prop_flat_map(|(r, c)| {
            (Just(vec![r, c]), proptest::collection::vec(count(), r * c))
        })
    ) {
        check_protected(&[cube(&sizes, &leaves)], &cube_suppression(2))?;
    }

    /// Three dimensions with every total.
    #[test]
    fn three_way_tables_pass_the_audit(
        (sizes, leaves) in (1usize..4, 1usize..4, 1usize..4).prop_flat_map(|(a, b, c)| {
            (Just(vec![a, b, c]), proptest::collection::vec(count(), a * b * c))
        })
    ) {
        check_protected(&[cube(&sizes, &leaves)], &cube_suppression(3))?;
    }

    /// The report's shape: a table by kommun and one by sex, each with the
    /// region's total, and the region alone, from one kommun × sex grid that
    /// is not published; the region's row is one cell in all three.
    #[test]
    fn tables_published_together_pass_the_audit_as_one(
        (kommuner, leaves) in (1usize..7).prop_flat_map(|k| (Just(k), proptest::collection::vec(count(), k * 2)))
    ) {
        let grid = cube(&[kommuner, 2], &leaves);
        let region = "T";
        let by = |key: &str, other: &str| {
            grid.clone().lazy()
                .filter(col(other).eq(lit(region)))
                .select([col(key), col("numerator")])
                .collect()
                .unwrap()
        };
        let (by_kommun, by_sex) = (by("d0", "d1"), by("d1", "d0"));
        let total = by_kommun.clone().lazy().filter(col("d0").eq(lit(region))).select([col("numerator")]).collect().unwrap();
        let s = cube_suppression(2);
        let tables = [total, by_kommun, by_sex];
        check_protected(&tables, &s)?;
        let out = s.apply_together(&tables).unwrap();
        let region_flag = |t: &DataFrame, key: Option<&str>| -> String {
            let row = key.map_or(0, |k| texts(t, k).iter().position(|v| v == region).unwrap());
            texts(t, "suppressed")[row].clone()
        };
        let flag = region_flag(&out[0], None);
        prop_assert_eq!(&region_flag(&out[1], Some("d0")), &flag);
        prop_assert_eq!(&region_flag(&out[2], Some("d1")), &flag);
    }
}

#[test]
fn a_hierarchy_kommun_omrade_region_is_protected_and_audited() {
    let table = df!(
        "area" => ["Berg", "Bräcke", "Söder", "Åre", "Krokom", "Norr", "Jämtland"],
        "numerator" => [1i64, 5, 6, 9, 11, 20, 26],
    )
    .unwrap();
    let s = Suppression::new().hierarchy(Hierarchy::new(
        "area",
        [
            ("Berg", "Söder"),
            ("Bräcke", "Söder"),
            ("Åre", "Norr"),
            ("Krokom", "Norr"),
            ("Söder", "Jämtland"),
            ("Norr", "Jämtland"),
        ],
    ));
    // Masking Bräcke beside Berg stops one subtraction, but a reader of the
    // flags knows Berg is 1 to 4 and Bräcke at least 5: with Söder = 6,
    // Berg is 1.
    let mut one_subtraction = table.clone();
    one_subtraction
        .with_column(Column::new(
            "suppressed".into(),
            [
                "primary",
                "secondary",
                "none",
                "none",
                "none",
                "none",
                "none",
            ],
        ))
        .unwrap();
    let audit = s.audit(&one_subtraction).unwrap();
    assert_eq!(
        strings(&audit, "audit_findings")[0].as_deref(),
        Some("pinned: numerator is 1 by the table and the flags")
    );
    // Masking Söder instead hides Berg (Söder = Berg + 5 is from 6 to 9),
    // and since Söder = 26 − Norr, Jämtland too: three cells, not four.
    let out = s.apply(&table).unwrap();
    assert_eq!(
        texts(&out, "suppressed"),
        [
            "primary",
            "none",
            "secondary",
            "none",
            "none",
            "none",
            "secondary"
        ]
    );
    let audit = s.audit(&out).unwrap();
    assert!(bools(&audit, "audit_passed").iter().all(|p| *p));
    assert_eq!(floats(&audit, "audit_upper_flags")[0], Some(4.0));
}

#[test]
fn unknown_hierarchy_labels_and_margin_columns_are_named() {
    let table = df!("area" => ["a", "b", "R"], "numerator" => [1i64, 2, 3]).unwrap();
    let err = Suppression::new()
        .hierarchy(Hierarchy::new("area", [("a", "R")]))
        .apply(&table)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "column `area`: every label must be in the hierarchy, which has: R, a; found \"b\""
    );
    let err = Suppression::new()
        .margin(Margin {
            column: "sex".into(),
            total: "Totalt".into(),
        })
        .apply(&table)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "column `sex` (key) not found; the frame has: area, numerator"
    );
}
