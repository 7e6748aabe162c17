//! Rust and Python give identical numbers: both compute the same cases over
//! the same synthetic record files (`tests/data/care/`) and must print every
//! number of the results exactly as `tests/data/care/expected.csv` holds it
//! (the shortest round-trip form of each double, the same in both
//! languages). `tests/python/test_care.py` checks the Python side.
//!
//! `INDIKATOR_BLESS=1 cargo test --test behaviour cross_language` rewrites
//! the expected file; the hand-worked tests of each indicator are what show
//! the numbers are right.

use std::path::PathBuf;

use chrono::NaiveDate;
use indikator::{
    CauseSet, InvalidRecords, Mortality, Period, PeriodKind, Readmission, Sip, StandardPopulation,
    Waits,
};
use polars::prelude::*;

use crate::common::Csv;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/care")
}

/// A frame of the file: `dates` parsed, `ints` as integers, the rest text.
fn read(name: &str, dates: &[&str], ints: &[&str]) -> DataFrame {
    let csv = Csv::read_path(&dir().join(name));
    let rows = 0..csv.rows.len();
    let mut cols = Vec::new();
    for c in &csv.header {
        let cells = rows.clone().map(|r| csv.text(r, c));
        let column = if dates.contains(&c.as_str()) {
            let v: Vec<Option<NaiveDate>> = cells.map(|t| t.parse().ok()).collect();
            Column::new(c.as_str().into(), v)
        } else if ints.contains(&c.as_str()) {
            let v: Vec<Option<i64>> = cells.map(|t| t.parse().ok()).collect();
            Column::new(c.as_str().into(), v)
        } else {
            Column::new(c.as_str().into(), cells.collect::<Vec<_>>())
        };
        cols.push(column);
    }
    DataFrame::new_infer_height(cols).unwrap()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn period(s: &str) -> Period {
    s.parse().unwrap()
}

/// The cases, each a name and a result frame.
pub(crate) fn cases() -> Vec<(&'static str, DataFrame)> {
    let referrals = read("referrals.csv", &["decided", "completed"], &["pvv", "mov"]);
    let stays = read("stays.csv", &["admitted", "discharged"], &["age", "acute"]);
    let plans = read("plans.csv", &["established", "birth_date"], &["plan_id"]);
    let deaths = read("deaths.csv", &[], &["year", "age"]);
    let population = read("population.csv", &[], &["year", "population"]);
    let waits = Waits::completed(period("jan–aug 2024"))
        .as_of(d("2024-08-31"))
        .by(["unit"]);
    let mut waiting = Waits::waiting(period("T1 2024"))
        .as_of(d("2024-08-31"))
        .by(["unit"]);
    waiting.common.invalid = InvalidRecords::Exclude;
    let readmission = {
        let mut r = Readmission::new(period("2024"))
            .by(["sex"])
            .per(PeriodKind::Tertial);
        r.as_of = Some(d("2025-06-30"));
        r
    };
    let suicide = Mortality::new(CauseSet::named("suicide").unwrap())
        .ages(15, None)
        .by(["sex"])
        .window(3, true);
    vec![
        (
            "waits_monthly",
            waits
                .clone()
                .per(PeriodKind::Month)
                .fulfilment(&referrals)
                .unwrap(),
        ),
        ("waits_summary", waits.summary(&referrals).unwrap()),
        (
            "waits_distribution",
            waits.distribution(&referrals).unwrap(),
        ),
        ("waits_waiting", waiting.fulfilment(&referrals).unwrap()),
        ("readmission", readmission.share(&stays).unwrap()),
        (
            "sip_change",
            Sip::new(period("jan–aug 2024"))
                .by(["kommun"])
                .change(&plans)
                .unwrap(),
        ),
        (
            "suicide_rolling",
            suicide.rates(&deaths, &population).unwrap(),
        ),
        (
            "suicide_dsr",
            Mortality::new(CauseSet::named("suicide_wide").unwrap())
                .ages(15, None)
                .window(5, false)
                .standardised(StandardPopulation::by_name("esp2013").unwrap())
                .rates(&deaths, &population)
                .unwrap(),
        ),
    ]
}

/// Every float cell as (case, row, column, text).
fn cells(name: &str, frame: &DataFrame) -> Vec<[String; 4]> {
    let mut out = Vec::new();
    for c in frame.columns() {
        if !c.dtype().is_float() {
            continue;
        }
        for (row, v) in c.f64().unwrap().iter().enumerate() {
            let text = v.map_or("null".to_string(), |v| format!("{v:?}"));
            out.push([
                name.to_string(),
                row.to_string(),
                c.name().to_string(),
                text,
            ]);
        }
    }
    out
}

#[test]
fn rust_reproduces_the_numbers_python_must_also_reproduce() {
    let got: Vec<[String; 4]> = cases().iter().flat_map(|(n, f)| cells(n, f)).collect();
    let path = dir().join("expected.csv");
    if std::env::var_os("INDIKATOR_BLESS").is_some() {
        let mut text = String::from("case,row,column,value\n");
        for [a, b, c, v] in &got {
            text.push_str(&format!("{a},{b},{c},{v}\n"));
        }
        std::fs::write(&path, text).unwrap();
    }
    let want = Csv::read_path(&path);
    assert_eq!(want.rows.len(), got.len(), "number of cells");
    for (i, g) in got.iter().enumerate() {
        let w: Vec<String> = (0..4).map(|k| want.rows[i][k].clone()).collect();
        assert_eq!(w, g.to_vec(), "cell {i}");
    }
}
