//! SIP counts: plans counted once, age groups at the boundary, change
//! against the same period last year.

use chrono::NaiveDate;
use indikator::{Period, PeriodKind, Sip};
use polars::prelude::*;

use crate::common::{floats, texts};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// One plan row: (plan, established, birth date, kommun, status).
fn plans(rows: &[(i64, &str, &str, &str, &str)]) -> DataFrame {
    df!(
        "plan_id" => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        "established" => rows.iter().map(|r| d(r.1)).collect::<Vec<_>>(),
        "birth_date" => rows.iter().map(|r| d(r.2)).collect::<Vec<_>>(),
        "kommun" => rows.iter().map(|r| r.3).collect::<Vec<_>>(),
        "status" => rows.iter().map(|r| r.4).collect::<Vec<_>>(),
    )
    .unwrap()
}

fn sip(p: &str) -> Sip {
    Sip::new(p.parse::<Period>().unwrap())
}

#[test]
fn age_limit_boundary_the_18th_birthday_makes_an_adult() {
    let p = plans(&[
        (1, "2024-03-10", "2006-03-10", "Krokom", "Upprättad"), // 18 today: adult
        (2, "2024-03-10", "2006-03-11", "Krokom", "Upprättad"), // 17: child
    ]);
    let out = sip("2024").by(["kommun"]).counts(&p).unwrap();
    assert_eq!(texts(&out, "age_group"), ["barn och unga", "vuxna"]);
    assert_eq!(floats(&out, "value"), [Some(1.0), Some(1.0)]);
    // The region's child collaboration counts 0–20: both are children.
    let mut jamtbus = sip("2024").by(["kommun"]);
    jamtbus.age_limit = 21;
    let out = jamtbus.counts(&p).unwrap();
    assert_eq!(floats(&out, "value"), [Some(2.0), Some(0.0)]);
}

#[test]
fn a_plan_with_later_status_changes_is_counted_once() {
    let p = plans(&[
        (7, "2024-02-01", "1950-01-01", "Åre", "Upprättad"),
        (7, "2024-02-01", "1950-01-01", "Åre", "Uppföljd"),
        (7, "2024-02-01", "1950-01-01", "Åre", "Avslutad"),
    ]);
    let out = sip("2024").counts(&p).unwrap();
    assert_eq!(floats(&out, "value"), [Some(0.0), Some(1.0)]);
    let mut no_cancelled = sip("2024");
    no_cancelled.exclude_statuses = vec!["avslutad".into()];
    assert_eq!(
        floats(&no_cancelled.counts(&p).unwrap(), "value"),
        [Some(0.0), Some(0.0)]
    );
}

#[test]
fn counts_per_month_include_empty_months_as_zero() {
    let p = plans(&[
        (1, "2024-01-15", "1980-01-01", "Berg", "Upprättad"),
        (2, "2024-03-15", "1980-01-01", "Berg", "Upprättad"),
        (3, "2024-07-01", "1980-01-01", "Berg", "Upprättad"),
    ]);
    let out = sip("H1 2024").per(PeriodKind::Month).counts(&p).unwrap();
    assert_eq!(out.height(), 12, "2 age groups × 6 months");
    let adults = out
        .filter(
            &out.column("age_group")
                .unwrap()
                .str()
                .unwrap()
                .equal("vuxna"),
        )
        .unwrap();
    assert_eq!(
        floats(&adults, "value"),
        [
            Some(1.0),
            Some(0.0),
            Some(1.0),
            Some(0.0),
            Some(0.0),
            Some(0.0)
        ]
    );
    // The Poisson interval of a zero count starts at zero and is not empty.
    assert_eq!(floats(&adults, "lower")[1], Some(0.0));
    assert!(floats(&adults, "upper")[1].unwrap() > 3.0);
}

#[test]
fn change_against_the_same_period_last_year_rates_the_increase_target() {
    let p = plans(&[
        (1, "2023-02-01", "1980-01-01", "Ragunda", "x"),
        (2, "2023-03-01", "1980-01-01", "Ragunda", "x"),
        (3, "2024-02-01", "1980-01-01", "Ragunda", "x"),
        (4, "2024-03-01", "1980-01-01", "Ragunda", "x"),
        (5, "2024-04-01", "1980-01-01", "Ragunda", "x"),
        (6, "2023-05-01", "2010-01-01", "Ragunda", "x"),
        (7, "2024-09-01", "2010-01-01", "Ragunda", "x"), // outside jan–aug
    ]);
    let out = sip("jan–aug 2024").by(["kommun"]).change(&p).unwrap();
    assert_eq!(texts(&out, "age_group"), ["barn och unga", "vuxna"]);
    assert_eq!(floats(&out, "value"), [Some(0.0), Some(3.0)]);
    assert_eq!(floats(&out, "previous_value"), [Some(1.0), Some(2.0)]);
    assert_eq!(floats(&out, "difference"), [Some(-1.0), Some(1.0)]);
    assert_eq!(floats(&out, "change_percent"), [Some(-100.0), Some(50.0)]);
    // The same vocabulary as every rating: codes in English, words in Swedish.
    assert_eq!(texts(&out, "rating"), ["not fulfilled", "fulfilled"]);
    assert_eq!(texts(&out, "rating_sv"), ["ej uppfylld", "uppfylld"]);
    assert_eq!(texts(&out, "period"), ["2024-delar", "2024-delar"]);
    assert_eq!(texts(&out, "previous_period"), ["2023-delar", "2023-delar"]);
    // Poisson intervals of 0 vs 1 and 3 vs 2 overlap: no significant change.
    assert_eq!(texts(&out, "vs_previous"), ["similar", "similar"]);
    // The output schema, so compare, suppress and the plots take it as it comes.
    assert_eq!(texts(&out, "confidence"), ["95%", "95%"]);
}

#[test]
fn change_against_a_year_before_the_first_plan_is_not_a_year_of_zero_plans() {
    let p = plans(&[
        (1, "2024-02-01", "1980-01-01", "Ragunda", "x"),
        (2, "2024-03-01", "2010-01-01", "Ragunda", "x"),
    ]);
    let out = sip("jan–aug 2024").by(["kommun"]).change(&p).unwrap();
    assert_eq!(floats(&out, "previous_value"), [None, None]);
    assert_eq!(floats(&out, "difference"), [None, None]);
    assert_eq!(texts(&out, "vs_previous"), ["not compared", "not compared"]);
    assert_eq!(
        texts(&out, "missing_reason"),
        ["not_measurable", "not_measurable"]
    );
    // A period after the last plan is an error, not a count of zero.
    let e = sip("2026").counts(&p).unwrap_err().to_string();
    assert!(
        e.contains("`established` runs from 2024-02-01 to 2024-03-01") && e.contains("2026"),
        "{e}"
    );
}

#[test]
fn age_from_an_age_column_and_a_missing_birth_date_is_an_error() {
    let p = df!(
        "plan_id" => [1, 2], "established" => [d("2024-01-01"), d("2024-01-02")],
        "age" => [17, 18],
    )
    .unwrap();
    let out = sip("2024").counts(&p).unwrap();
    assert_eq!(floats(&out, "value"), [Some(1.0), Some(1.0)]);
    let e = sip("2024")
        .counts(p.drop("age").unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("birth_date") && e.contains("age"), "{e}");
    let nulls = df!(
        "plan_id" => [1], "established" => [d("2024-01-01")], "birth_date" => [None::<NaiveDate>],
    )
    .unwrap();
    let e = sip("2024").counts(&nulls).unwrap_err().to_string();
    assert!(e.contains("`birth_date`") && e.contains("row 0"), "{e}");
}
