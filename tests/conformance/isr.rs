//! `testdata_DSR_ISR__testdata_multiarea_isr.csv`, `..._refdata.csv`,
//! `..._multiarea_lookup.csv`, `..._err2.csv` and `..._testresults_ISR.csv`.
//!
//! Bands are matched by label; the reference and the data share the
//! workbook's labels (including its "55-69" typo), so no relabelling is needed.

use indikator::{Confidence, Isr, OutputType, Reference};
use polars::prelude::*;

use crate::common::{assert_matches, floats, strings, Csv, GOLDEN_REL_TOL};

fn reference() -> Reference {
    let csv = Csv::read("testdata_DSR_ISR__refdata.csv");
    let df = csv.frame(0..csv.rows.len(), &["Age Band"], &["refcount", "refpop"]);
    Reference::from_frame(&df, "Age Band", "refcount", "refpop").unwrap()
}

fn data() -> DataFrame {
    let csv = Csv::read("testdata_DSR_ISR__testdata_multiarea_isr.csv");
    csv.frame(0..csv.rows.len(), &["area", "ageband"], &["count", "pop"])
}

fn results() -> Csv {
    Csv::read("testdata_DSR_ISR__testresults_ISR.csv")
}

const ALL: [(&str, &str); 7] = [
    ("numerator", "observed"),
    ("expected", "expected"),
    ("value", "value"),
    ("lower_95", "lower95_0cl"),
    ("upper_95", "upper95_0cl"),
    ("lower_99_8", "lower99_8cl"),
    ("upper_99_8", "upper99_8cl"),
];

fn check(out: &DataFrame, golden_rows: &[usize], pairs: &[(&str, &str)]) {
    let golden = results();
    for (i, &row) in golden_rows.iter().enumerate() {
        assert_eq!(strings(out, "area")[i], Some(golden.text(row, "area")));
        assert_eq!(
            strings(out, "statistic")[i],
            Some(golden.text(row, "statistic"))
        );
        for (ours, theirs) in pairs {
            assert_matches(
                floats(out, ours)[i],
                golden.num(row, theirs),
                GOLDEN_REL_TOL,
                &format!("{} {ours}", golden.text(row, "area")),
            );
        }
    }
}

fn isr(
    kind: fn(&'static str, &'static str, &'static str, Reference) -> Isr,
    multiplier: f64,
) -> DataFrame {
    kind("count", "pop", "ageband", reference())
        .multiplier(multiplier)
        .by(["area"])
        .confidence(Confidence::Both)
        .missing_as_zero(true)
        .compute(data().lazy())
        .unwrap()
}

#[test]
fn isr_rate_per_100000() {
    let out = isr(Isr::rate, 100_000.0);
    check(&out, &[0, 1, 2], &ALL);
    check(&out, &[0, 1, 2], &[("ref_rate", "ref_rate")]);
    assert_eq!(
        strings(&out, "method"),
        [
            Some("Byar".to_string()),
            Some("Byar".to_string()),
            Some("Exact".to_string())
        ]
    );
}

#[test]
fn isr_rate_per_1000() {
    check(&isr(Isr::rate, 1000.0), &[3, 4, 5], &ALL);
}

#[test]
fn isr_ratio_x1_and_x100() {
    check(&isr(Isr::ratio, 1.0), &[6, 7, 8], &ALL);
    check(&isr(Isr::ratio, 100.0), &[9, 10, 11], &ALL);
}

#[test]
fn observed_given_as_totals() {
    let lookup = Csv::read("testdata_DSR_ISR__testdata_multiarea_lookup.csv");
    let totals = lookup.frame(0..3, &["area"], &["total_count"]);
    let out = Isr::rate("total_count", "pop", "ageband", reference())
        .observed_totals(totals)
        .by(["area"])
        .confidence(Confidence::Both)
        .missing_as_zero(true)
        .compute(data().lazy())
        .unwrap();
    check(&out, &[0, 1, 2], &ALL);
}

#[test]
fn zero_population_in_a_band_is_allowed() {
    // Golden rows 13-16: test_err2 (Area1 has population 0 in 5-9), 95 % only.
    let csv = Csv::read("testdata_DSR_ISR__testdata_err2.csv");
    let bands: Vec<String> = (0..2).flat_map(|_| reference_bands()).collect();
    let mut df = csv.frame(0..csv.rows.len(), &["area"], &["count", "pop"]);
    df.with_column(Column::new("ageband".into(), bands))
        .unwrap();
    let pairs = [
        ("numerator", "observed"),
        ("expected", "expected"),
        ("value", "value"),
        ("lower", "lower95_0cl"),
        ("upper", "upper95_0cl"),
    ];
    let rate = Isr::rate("count", "pop", "ageband", reference())
        .by(["area"])
        .output(OutputType::Full)
        .compute(df.clone().lazy())
        .unwrap();
    check(&rate, &[12, 13], &pairs);
    let ratio = Isr::ratio("count", "pop", "ageband", reference())
        .multiplier(100.0)
        .by(["area"])
        .compute(df.lazy())
        .unwrap();
    check(&ratio, &[14, 15], &pairs);
}

fn reference_bands() -> Vec<String> {
    let csv = Csv::read("testdata_DSR_ISR__refdata.csv");
    (0..csv.rows.len())
        .map(|r| csv.text(r, "Age Band"))
        .collect()
}
