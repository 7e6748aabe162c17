//! `testdata_Proportion__testdata_Prop.csv` and `..._Prop_g.csv`.

use indikator::{Confidence, Proportion};
use polars::prelude::*;

use crate::common::{assert_matches, floats, strings, Csv, BOTH, GOLDEN_REL_TOL};

fn proportions(rows: std::ops::Range<usize>, multiplier: f64) -> (Csv, DataFrame) {
    let csv = Csv::read("testdata_Proportion__testdata_Prop.csv");
    let data = csv.frame(rows, &["Area"], &["Numerator", "Denominator"]);
    let out = Proportion::new("Numerator", "Denominator")
        .multiplier(multiplier)
        .by(["Area"])
        .confidence(Confidence::Both)
        .compute(data.lazy())
        .unwrap();
    (csv, out)
}

fn check(csv: &Csv, out: &DataFrame, rows: std::ops::Range<usize>) {
    let areas = strings(out, "Area");
    for (i, area) in areas.iter().enumerate() {
        let row = rows
            .clone()
            .find(|&r| Some(csv.text(r, "Area")) == *area)
            .unwrap();
        for (ours, theirs) in BOTH {
            assert_matches(
                floats(out, ours)[i],
                csv.num(row, theirs),
                GOLDEN_REL_TOL,
                &format!("{area:?} {ours}"),
            );
        }
        assert_eq!(
            strings(out, "statistic")[i],
            Some(csv.text(row, "statistic"))
        );
    }
}

#[test]
fn proportions_of_one_at_both_levels() {
    let (csv, out) = proportions(0..8, 1.0);
    check(&csv, &out, 0..8);
}

#[test]
fn percentages_at_both_levels() {
    let (csv, out) = proportions(8..16, 100.0);
    check(&csv, &out, 8..16);
}

#[test]
fn missing_inputs_give_missing_outputs() {
    let (csv, out) = proportions(16..19, 1.0);
    check(&csv, &out, 16..19);
    assert_eq!(
        strings(&out, "status")[1].as_deref(),
        Some("denominator missing")
    );
}

#[test]
fn grouped_rows_are_summed_per_group() {
    let csv = Csv::read("testdata_Proportion__testdata_Prop.csv");
    let golden = Csv::read("testdata_Proportion__testdata_Prop_g.csv");
    let data = csv.frame(0..csv.rows.len(), &["Area"], &["Numerator", "Denominator"]);
    let out = Proportion::new("Numerator", "Denominator")
        .by(["Area"])
        .compute(data.lazy())
        .unwrap();
    assert_eq!(out.height(), golden.rows.len());
    for (i, area) in strings(&out, "Area").iter().enumerate() {
        let row = golden.rows_where("Area", area.as_deref().unwrap())[0];
        for (ours, theirs) in [
            ("numerator", "Numerator"),
            ("value", "value"),
            ("lower", "lowercl"),
            ("upper", "uppercl"),
        ] {
            assert_matches(
                floats(&out, ours)[i],
                golden.num(row, theirs),
                GOLDEN_REL_TOL,
                &format!("{area:?} {ours}"),
            );
        }
    }
}
