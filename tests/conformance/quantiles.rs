//! `testdata_Quantiles__testdata_Quantiles.csv`: quantiles assigned as the
//! reference's `phe_quantile` assigns them, in every case of its test
//! script (`testQuantiles.R`): grouped with the direction per group from a
//! polarity column, grouped with a fixed direction, ungrouped, and with
//! tied values; rows without a value get none.

use indikator::Quantiles;
use polars::prelude::*;

use crate::common::{floats, texts, Csv};

const FILE: &str = "testdata_Quantiles__testdata_Quantiles.csv";

/// The reference's polarity as the direction: low is good (or 1) puts the
/// highest values in quantile 1.
fn inverted(polarity: &str) -> bool {
    matches!(polarity, "RAG - Low is good" | "1")
}

/// The rows of a case as a frame with a boolean `invert` column.
fn frame(csv: &Csv, rows: &[usize]) -> DataFrame {
    let mut df = csv.frame(
        rows.to_vec(),
        &["IndSexRef", "ParentCode", "AreaCode", "GroupSet"],
        &["Value"],
    );
    let invert: Vec<bool> = rows
        .iter()
        .map(|&r| inverted(&csv.text(r, "Polarity")))
        .collect();
    df.with_column(Column::new("invert".into(), invert))
        .unwrap();
    df
}

fn check(csv: &Csv, rows: &[usize], quantiles: Quantiles, case: &str) {
    let out = quantiles.compute(frame(csv, rows).lazy()).unwrap();
    let (got, status) = (floats(&out, "quantile"), texts(&out, "quantile_status"));
    for (i, &row) in rows.iter().enumerate() {
        let want = csv.num(row, "QuantileInGrp");
        let area = csv.text(row, "AreaCode");
        assert_eq!(got[i], want, "{case}: {area} (row {})", row + 2);
        assert_eq!(status[i] == "ok", want.is_some(), "{case}: {}", status[i]);
    }
}

fn good(csv: &Csv, group_set: &str) -> Vec<usize> {
    (0..csv.rows.len())
        .filter(|&r| {
            csv.text(r, "Test").starts_with("Good") && csv.text(r, "GroupSet") == group_set
        })
        .collect()
}

#[test]
fn deciles_within_regions_with_the_direction_per_indicator() {
    let csv = Csv::read(FILE);
    let rows = good(&csv, "IndSexReg");
    assert_eq!(rows.len(), 339);
    let q = Quantiles::new("Value", 10)
        .by(["IndSexRef", "ParentCode"])
        .invert_by("invert");
    check(&csv, &rows, q, "grouped, direction from a column");
}

#[test]
fn deciles_within_regions_lowest_values_first() {
    let csv = Csv::read(FILE);
    let rows: Vec<usize> = good(&csv, "IndSexReg")
        .into_iter()
        .filter(|&r| csv.text(r, "IndSexRef") == "90366Female")
        .collect();
    let q = Quantiles::new("Value", 10)
        .by(["IndSexRef", "ParentCode"])
        .invert(false);
    check(&csv, &rows, q, "grouped, fixed direction");
}

#[test]
fn septiles_per_indicator() {
    let csv = Csv::read(FILE);
    let rows = good(&csv, "IndSex");
    let q = Quantiles::new("Value", 7)
        .by(["IndSexRef"])
        .invert_by("invert");
    check(&csv, &rows, q, "septiles");
}

#[test]
fn quartiles_of_everything_highest_values_first() {
    let csv = Csv::read(FILE);
    let rows = good(&csv, "None");
    check(&csv, &rows, Quantiles::new("Value", 4), "ungrouped");
    check(
        &csv,
        &rows,
        Quantiles::new("Value", 4).by(["GroupSet"]),
        "one group",
    );
}
