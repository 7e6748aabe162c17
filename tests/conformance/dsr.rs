//! `testdata_DSR_ISR__testdata_multiarea.csv`, `..._testdata_1976.csv`,
//! `..._testdata_nonindepe.csv`, the `err` inputs, and `..._testresults_DSR.csv`.
//!
//! The golden tables label the 55–59 band "55-69" (a typo in the source
//! workbook; PHEindicatormethods matches by position). We match by label,
//! so the tests restore the true label before joining to ESP2013.

use indikator::{Confidence, Dsr, Events, StandardPopulation};
use polars::prelude::*;

use crate::common::{assert_matches, floats, strings, Csv, BOTH, GOLDEN_REL_TOL};

/// The ESP label of a golden band: "55-69" is the workbook's typo for
/// 55-59, and "00-04"/"05-09" are zero-padded.
fn true_band(label: &str) -> String {
    match label {
        "55-69" => "55-59".to_string(),
        "00-04" => "0-4".to_string(),
        "05-09" => "5-9".to_string(),
        other => other.to_string(),
    }
}

/// The frame of `rows` with an `age_band` column holding the true labels.
fn banded(csv: &Csv, rows: Vec<usize>, band: &str, group: &[&str], nums: &[&str]) -> DataFrame {
    let mut df = csv.frame(rows.clone(), group, nums);
    let labels: Vec<String> = rows
        .iter()
        .map(|&r| true_band(&csv.text(r, band)))
        .collect();
    df.with_column(Column::new("age_band".into(), labels))
        .unwrap();
    df
}

fn esp2013() -> StandardPopulation {
    StandardPopulation::by_name("esp2013").unwrap()
}

fn results() -> Csv {
    Csv::read("testdata_DSR_ISR__testresults_DSR.csv")
}

fn check(out: &DataFrame, golden: &Csv, golden_rows: &[usize], pairs: &[(&str, &str)]) {
    for (i, &row) in golden_rows.iter().enumerate() {
        assert_eq!(strings(out, "area")[i], Some(golden.text(row, "area")));
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

fn multiarea() -> DataFrame {
    let csv = Csv::read("testdata_DSR_ISR__testdata_multiarea.csv");
    banded(
        &csv,
        (0..csv.rows.len()).collect(),
        "ageband",
        &["area"],
        &["count", "pop"],
    )
}

#[test]
fn dsr_per_100000_with_esp2013_at_both_levels() {
    let out = Dsr::new("count", "pop", "age_band", esp2013())
        .by(["area"])
        .confidence(Confidence::Both)
        .missing_as_zero(true)
        .compute(multiarea().lazy())
        .unwrap();
    let golden = results();
    // Golden rows 5-7: big, small, tiny per 100 000.
    check(&out, &golden, &[4, 5, 6], &BOTH);
    check(
        &out,
        &golden,
        &[4, 5, 6],
        &[("numerator", "total_count"), ("denominator", "total_pop")],
    );
    assert_eq!(
        strings(&out, "status")[2].as_deref(),
        Some("total count below 10")
    );
    assert_eq!(strings(&out, "method")[0].as_deref(), Some("Dobson"));
}

#[test]
fn dsr_per_10000() {
    let out = Dsr::new("count", "pop", "age_band", esp2013())
        .multiplier(10_000.0)
        .by(["area"])
        .confidence(Confidence::Both)
        .missing_as_zero(true)
        .compute(multiarea().lazy())
        .unwrap();
    check(&out, &results(), &[0, 1, 2], &BOTH);
    assert_eq!(
        strings(&out, "statistic")[0].as_deref(),
        Some("dsr per 10000")
    );
}

#[test]
fn a_missing_count_without_missing_as_zero_keeps_its_reason() {
    let out = Dsr::new("count", "pop", "age_band", esp2013())
        .by(["area"])
        .compute(multiarea().lazy())
        .unwrap();
    assert_eq!(
        strings(&out, "status")[2].as_deref(),
        Some("numerator missing")
    );
    assert_eq!(floats(&out, "value")[2], None);
}

#[test]
fn dsr_with_the_1976_standard() {
    let csv = Csv::read("testdata_DSR_ISR__testdata_1976.csv");
    let data = banded(
        &csv,
        (0..csv.rows.len()).collect(),
        "Age Band",
        &[],
        &["count", "pop"],
    );
    let out = Dsr::new(
        "count",
        "pop",
        "age_band",
        StandardPopulation::by_name("esp1976").unwrap(),
    )
    .compute(data.lazy())
    .unwrap();
    // Golden row 8 (per 100 000); only the value and 95 % limits are meaningful (see the README).
    let golden = results();
    for (ours, theirs) in [
        ("value", "value"),
        ("lower", "lower95_0cl"),
        ("upper", "upper95_0cl"),
        ("numerator", "total_count"),
    ] {
        assert_matches(
            floats(&out, ours)[0],
            golden.num(7, theirs),
            GOLDEN_REL_TOL,
            ours,
        );
    }
}

#[test]
fn the_1976_standard_as_data_from_the_input_column() {
    let csv = Csv::read("testdata_DSR_ISR__testdata_1976.csv");
    let data = banded(
        &csv,
        (0..csv.rows.len()).collect(),
        "Age Band",
        &[],
        &["count", "pop", "esp1976"],
    );
    let standard =
        StandardPopulation::from_frame("esp1976 from the table", &data, "age_band", "esp1976")
            .unwrap();
    let out = Dsr::new("count", "pop", "age_band", standard)
        .compute(data.lazy())
        .unwrap();
    assert_matches(
        floats(&out, "value")[0],
        results().num(7, "value"),
        GOLDEN_REL_TOL,
        "value",
    );
}

/// The loader of the R suite: pivot f1..f4 to (freq, persons), dropping f4
/// for the areas whose f4 cells are all empty, and keeping empty cells as missing.
fn nonindependent() -> DataFrame {
    let csv = Csv::read("testdata_DSR_ISR__testdata_nonindepe.csv");
    let mut area = Vec::new();
    let mut band = Vec::new();
    let mut pop = Vec::new();
    let mut freq = Vec::new();
    let mut persons = Vec::new();
    for f in 1..=4 {
        for row in 0..csv.rows.len() {
            let a = csv.text(row, "area");
            if f == 4 && a != "testdata_nonind_big" {
                continue;
            }
            area.push(a);
            band.push(csv.text(row, "ageband"));
            pop.push(csv.num(row, "pop"));
            freq.push(f as i64);
            persons.push(csv.num(row, &format!("f{f}")));
        }
    }
    let band: Vec<String> = band.iter().map(|b| true_band(b)).collect();
    df!("area" => area, "age_band" => band, "pop" => pop, "freq" => freq, "persons" => persons)
        .unwrap()
}

#[test]
fn non_independent_events_widen_the_limits() {
    let out = Dsr::new("persons", "pop", "age_band", esp2013())
        .events(Events::NonIndependent {
            frequency: "freq".into(),
        })
        .by(["area"])
        .confidence(Confidence::Both)
        .missing_as_zero(true)
        .compute(nonindependent().lazy())
        .unwrap();
    // Golden rows 9-12: big, dummy, small, tiny (sorted by area as we sort).
    check(&out, &results(), &[8, 9, 10, 11], &BOTH);
    check(
        &out,
        &results(),
        &[8, 9, 10],
        &[("numerator", "total_count"), ("denominator", "total_pop")],
    );
    assert_eq!(
        strings(&out, "method")[0].as_deref(),
        Some("Dobson, with confidence adjusted for non-independent events")
    );
}

fn error_of(name: &str, standard: Option<StandardPopulation>) -> String {
    let csv = Csv::read(name);
    let data = banded(
        &csv,
        (0..csv.rows.len()).collect(),
        "Age Band",
        &[],
        &["count", "pop", "stdpop"],
    );
    let standard = match standard {
        Some(s) => s,
        None => match StandardPopulation::from_frame("stdpop", &data, "age_band", "stdpop") {
            Ok(s) => s,
            Err(e) => return e.to_string(),
        },
    };
    Dsr::new("count", "pop", "age_band", standard)
        .compute(data.lazy())
        .unwrap_err()
        .to_string()
}

#[test]
fn err1_negative_count_is_rejected() {
    assert_eq!(
        error_of("testdata_DSR_ISR__testdata_err1.csv", None),
        "column `count`: numerator values must be >= 0; found -26 in group age_band=25-29"
    );
}

#[test]
fn err2_zero_population_is_rejected() {
    let csv = Csv::read("testdata_DSR_ISR__testdata_err2.csv");
    let mut band = Vec::new();
    for _ in ["Area1", "Area2"] {
        band.extend(esp2013().bands().iter().map(|b| b.0.clone()));
    }
    let mut data = csv.frame(0..csv.rows.len(), &["area"], &["count", "pop"]);
    data.with_column(Column::new("age_band".into(), band))
        .unwrap();
    let err = Dsr::new("count", "pop", "age_band", esp2013())
        .by(["area"])
        .compute(data.lazy())
        .unwrap_err();
    assert_eq!(err.to_string(), "column `pop`: denominators must be > 0 in every age band; found 0 in group area=Area1, age_band=5-9");
}

#[test]
fn err3_negative_population_is_rejected() {
    assert_eq!(
        error_of("testdata_DSR_ISR__testdata_err3.csv", None),
        "column `pop`: denominator values must be >= 0; found -558 in group age_band=5-9"
    );
}

#[test]
fn err4_negative_standard_weight_is_rejected() {
    assert_eq!(
        error_of("testdata_DSR_ISR__testdata_err4.csv", None),
        "column `weight`: standard population weights must be finite and >= 0; found -6000 for band 25-29"
    );
}
