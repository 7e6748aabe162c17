//! `testdata_Mean__testdata_Mean.csv` and `..._Mean_results.csv`.

use indikator::{Confidence, Mean};
use polars::prelude::*;

use crate::common::{assert_matches, floats, Csv, BOTH, GOLDEN_REL_TOL};

const COUNTS: [(&str, &str); 3] = [
    ("sum", "value_sum"),
    ("denominator", "value_count"),
    ("sd", "stdev"),
];

#[test]
fn grouped_means_at_both_levels() {
    let csv = Csv::read("testdata_Mean__testdata_Mean.csv");
    let golden = Csv::read("testdata_Mean__testdata_Mean_results.csv");
    let data = csv.frame(0..csv.rows.len(), &["area"], &["values"]);
    let out = Mean::new("values")
        .by(["area"])
        .confidence(Confidence::Both)
        .compute(data.lazy())
        .unwrap();
    assert_eq!(out.height(), 2);
    for i in 0..2 {
        for (ours, theirs) in COUNTS.iter().chain(&BOTH) {
            assert_matches(
                floats(&out, ours)[i],
                golden.num(i, theirs),
                GOLDEN_REL_TOL,
                &format!("row {i} {ours}"),
            );
        }
    }
}

#[test]
fn ungrouped_mean_of_all_values() {
    let csv = Csv::read("testdata_Mean__testdata_Mean.csv");
    let golden = Csv::read("testdata_Mean__testdata_Mean_results.csv");
    let data = csv.frame(0..csv.rows.len(), &[], &["values"]);
    let out = Mean::new("values")
        .confidence(Confidence::Both)
        .compute(data.lazy())
        .unwrap();
    assert_eq!(out.height(), 1);
    assert_eq!(golden.text(2, "area"), "No grouping");
    for (ours, theirs) in COUNTS.iter().chain(&BOTH) {
        assert_matches(
            floats(&out, ours)[0],
            golden.num(2, theirs),
            GOLDEN_REL_TOL,
            ours,
        );
    }
}
