//! Readmission within 30 days of people 65+: each rule worked by hand.

use chrono::NaiveDate;
use indikator::{Period, PeriodKind, Readmission};
use polars::prelude::*;

use crate::common::{floats, texts};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// One stay: (patient, admitted, discharged, age, acute, discharge type, sex).
type Stay<'a> = (
    &'a str,
    &'a str,
    Option<&'a str>,
    i32,
    bool,
    &'a str,
    &'a str,
);

fn stays(rows: &[Stay]) -> DataFrame {
    df!(
        "patient_id" => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        "admitted" => rows.iter().map(|r| d(r.1)).collect::<Vec<_>>(),
        "discharged" => rows.iter().map(|r| r.2.map(d)).collect::<Vec<_>>(),
        "age" => rows.iter().map(|r| r.3).collect::<Vec<_>>(),
        "acute" => rows.iter().map(|r| r.4).collect::<Vec<_>>(),
        "discharge_type" => rows.iter().map(|r| r.5).collect::<Vec<_>>(),
        "sex" => rows.iter().map(|r| r.6).collect::<Vec<_>>(),
    )
    .unwrap()
}

/// A date column of a result.
fn dates(df: &DataFrame, column: &str) -> Vec<Option<NaiveDate>> {
    df.column(column)
        .unwrap()
        .date()
        .unwrap()
        .as_date_iter()
        .collect()
}

fn year(y: &str) -> Readmission {
    let mut r = Readmission::new(y.parse::<Period>().unwrap());
    r.as_of = Some(d("2026-01-01"));
    r
}

#[test]
fn readmission_on_day_30_counts_and_on_day_31_does_not() {
    let s = stays(&[
        ("a", "2024-03-01", Some("2024-03-10"), 80, true, "home", "K"),
        ("a", "2024-04-09", Some("2024-04-12"), 80, true, "home", "K"), // day 30
        ("b", "2024-03-01", Some("2024-03-10"), 80, true, "home", "K"),
        ("b", "2024-04-10", Some("2024-04-12"), 80, true, "home", "K"), // day 31
        ("z", "2024-12-30", Some("2024-12-31"), 70, true, "home", "M"), // data end
    ]);
    let out = year("2024").stays(&s).unwrap();
    assert_eq!(texts(&out, "patient_id"), ["a", "a", "b", "b", "z"]);
    let readmitted: Vec<Option<bool>> = out
        .column("readmitted")
        .unwrap()
        .bool()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(
        readmitted,
        [
            Some(true),
            Some(false),
            Some(false),
            Some(false),
            Some(false)
        ]
    );
    assert_eq!(floats(&out, "days_to_readmission")[0], Some(30.0));
}

#[test]
fn a_same_day_admission_is_a_transfer_joined_into_one_stay() {
    let s = stays(&[
        (
            "a",
            "2024-03-01",
            Some("2024-03-05"),
            80,
            true,
            "transfer",
            "K",
        ),
        ("a", "2024-03-05", Some("2024-03-20"), 80, true, "home", "K"),
    ]);
    let out = year("2024").stays(&s).unwrap();
    assert_eq!(out.height(), 1, "one joined stay");
    assert_eq!(dates(&out, "discharged"), [Some(d("2024-03-20"))]);
    assert_eq!(dates(&out, "admitted"), [Some(d("2024-03-01"))]);
    // Without joining, the transfer is a readmission on day 0.
    let mut apart = year("2024");
    apart.merge_transfers = false;
    let share = apart.share(&s).unwrap();
    assert_eq!(floats(&share, "numerator"), [Some(1.0)]);
    assert_eq!(floats(&share, "denominator"), [Some(2.0)]);
    let q = year("2024").quality(&s).unwrap();
    let rules = texts(&q, "rule");
    assert!(rules.iter().any(|r| r.starts_with("transfers joined")));
}

/// The count of a rule of the quality table.
fn rule_count(q: &DataFrame, prefix: &str) -> Option<f64> {
    let rules = texts(q, "rule");
    let counts = floats(q, "count");
    rules
        .iter()
        .position(|r| r.starts_with(prefix))
        .and_then(|i| counts[i])
}

#[test]
fn the_day_after_a_discharge_to_another_hospital_is_a_transfer_and_no_other_day() {
    let s = stays(&[
        // Transferred to another hospital, admitted there the next day: one episode.
        (
            "a",
            "2024-03-01",
            Some("2024-03-05"),
            80,
            true,
            "annat sjukhus",
            "K",
        ),
        ("a", "2024-03-06", Some("2024-03-20"), 80, true, "hem", "K"),
        // Home, back the next day: a readmission on day 1.
        ("b", "2024-03-01", Some("2024-03-05"), 80, true, "hem", "K"),
        ("b", "2024-03-06", Some("2024-03-20"), 80, true, "hem", "K"),
        // Transferred, admitted two days later: a readmission on day 2.
        (
            "c",
            "2024-03-01",
            Some("2024-03-05"),
            80,
            true,
            "Annat sjukhus",
            "M",
        ),
        ("c", "2024-03-07", Some("2024-03-20"), 80, true, "hem", "M"),
        // A chain of transfers (next day, then same day) ends in a death: no index stay.
        (
            "d",
            "2024-05-01",
            Some("2024-05-03"),
            90,
            true,
            "transfer",
            "M",
        ),
        (
            "d",
            "2024-05-04",
            Some("2024-05-10"),
            90,
            true,
            "överflyttad",
            "M",
        ),
        ("d", "2024-05-10", Some("2024-05-12"), 90, true, "död", "M"),
    ]);
    let out = year("2024").stays(&s).unwrap();
    assert_eq!(texts(&out, "patient_id"), ["a", "b", "b", "c", "c"]);
    assert_eq!(dates(&out, "admitted")[0], Some(d("2024-03-01")));
    assert_eq!(dates(&out, "discharged")[0], Some(d("2024-03-20")));
    assert_eq!(
        floats(&out, "days_to_readmission"),
        [None, Some(1.0), None, Some(2.0), None]
    );
    let q = year("2024").quality(&s).unwrap();
    assert_eq!(rule_count(&q, "transfers joined"), Some(3.0));
    assert_eq!(rule_count(&q, "discharges of patients who died"), Some(1.0));
    // With no transfer types only the same day is a transfer: a and d are readmitted on day 1.
    let mut untyped = year("2024");
    untyped.transferred.clear();
    let q = untyped.quality(&s).unwrap();
    assert_eq!(rule_count(&q, "transfers joined"), Some(1.0));
    let out = untyped.stays(&s).unwrap();
    assert_eq!(
        texts(&out, "patient_id"),
        ["a", "a", "b", "b", "c", "c", "d"]
    );
    assert_eq!(floats(&out, "days_to_readmission")[6], Some(1.0));
}

#[test]
fn a_readmission_chain_counts_at_every_link() {
    let s = stays(&[
        ("a", "2024-01-01", Some("2024-01-05"), 82, true, "home", "K"),
        ("a", "2024-01-20", Some("2024-01-25"), 82, true, "home", "K"),
        ("a", "2024-02-10", Some("2024-02-15"), 82, true, "home", "K"),
        ("a", "2024-06-01", Some("2024-06-05"), 82, true, "home", "K"),
    ]);
    let share = year("2024").share(&s).unwrap();
    assert_eq!(floats(&share, "denominator"), [Some(4.0)]);
    assert_eq!(floats(&share, "numerator"), [Some(2.0)]);
}

#[test]
fn index_stays_need_age_65_at_admission_and_discharge_alive() {
    let s = stays(&[
        ("a", "2024-01-01", Some("2024-01-05"), 64, true, "home", "K"),
        ("a", "2024-01-10", Some("2024-01-12"), 65, true, "home", "K"),
        (
            "b",
            "2024-01-01",
            Some("2024-01-05"),
            90,
            true,
            "Avliden",
            "M",
        ),
        ("c", "2024-01-01", Some("2024-01-05"), 90, true, "home", "M"),
    ]);
    let out = year("2024").stays(&s).unwrap();
    assert_eq!(texts(&out, "patient_id"), ["a", "c"]);
    assert_eq!(floats(&out, "age"), [Some(65.0), Some(90.0)]);
    let mut younger = year("2024");
    younger.min_age = 0.0;
    // a's first stay (64) is now an index stay, readmitted on day 5.
    let share = younger.share(&s).unwrap();
    assert_eq!(floats(&share, "numerator"), [Some(1.0)]);
    assert_eq!(floats(&share, "denominator"), [Some(3.0)]);
}

#[test]
fn acute_only_skips_planned_readmissions_but_looks_past_them() {
    let s = stays(&[
        ("a", "2024-01-01", Some("2024-01-05"), 80, true, "home", "K"),
        (
            "a",
            "2024-01-10",
            Some("2024-01-12"),
            80,
            false,
            "home",
            "K",
        ), // planned, day 5
        ("a", "2024-01-20", Some("2024-01-22"), 80, true, "home", "K"), // acute, day 15
    ]);
    let all = year("2024").stays(&s).unwrap();
    assert_eq!(floats(&all, "days_to_readmission")[0], Some(5.0));
    let mut acute = year("2024");
    acute.acute_only = true;
    let out = acute.stays(&s).unwrap();
    assert_eq!(floats(&out, "days_to_readmission")[0], Some(15.0));
}

#[test]
fn shares_by_sex_and_month_with_the_follow_up_flag() {
    let s = stays(&[
        ("a", "2024-01-01", Some("2024-01-05"), 80, true, "home", "K"),
        ("a", "2024-01-20", Some("2024-01-25"), 80, true, "home", "K"),
        ("b", "2024-02-01", Some("2024-02-05"), 80, true, "home", "M"),
    ]);
    let out = year("2024")
        .by(["sex"])
        .per(PeriodKind::Month)
        .share(&s)
        .unwrap();
    assert_eq!(texts(&out, "sex"), ["K", "M"]);
    assert_eq!(texts(&out, "period"), ["2024-01", "2024-02"]);
    assert_eq!(floats(&out, "numerator"), [Some(1.0), Some(0.0)]);
    assert_eq!(floats(&out, "denominator"), [Some(2.0), Some(1.0)]);
    // Latest admission 1 February: every 30-day window ending after it is incomplete.
    assert_eq!(floats(&out, "follow_up_incomplete"), [Some(2.0), Some(1.0)]);
    let v = floats(&out, "value");
    assert_eq!(v[0], Some(50.0));
    let (lo, hi) = (
        floats(&out, "lower")[0].unwrap(),
        floats(&out, "upper")[0].unwrap(),
    );
    assert!(lo < 50.0 && 50.0 < hi);
}

#[test]
fn discharge_before_admission_is_an_error_naming_the_row() {
    let s = stays(&[("a", "2024-03-10", Some("2024-03-01"), 80, true, "home", "K")]);
    let e = year("2024").share(&s).unwrap_err().to_string();
    assert!(
        e.contains("`discharged`")
            && e.contains("2024-03-01 before 2024-03-10")
            && e.contains("row 0"),
        "{e}"
    );
    let e = year("2024")
        .share(s.drop("age").unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("`age`") && e.contains("not found"), "{e}");
}
