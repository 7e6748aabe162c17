//! Vårdgaranti from referral records: each rule of the national measures at
//! its boundary, worked by hand.

use chrono::NaiveDate;
use indikator::{Period, PeriodKind, WaitLimits, Waits};
use polars::prelude::*;

use crate::common::{floats, texts};

pub(crate) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// One referral: (decided, completed, kind, pvv, mov, unit).
pub(crate) type Referral<'a> = (&'a str, Option<&'a str>, &'a str, bool, bool, &'a str);

pub(crate) fn referrals(rows: &[Referral]) -> DataFrame {
    df!(
        "decided" => rows.iter().map(|r| d(r.0)).collect::<Vec<_>>(),
        "completed" => rows.iter().map(|r| r.1.map(d)).collect::<Vec<_>>(),
        "kind" => rows.iter().map(|r| r.2).collect::<Vec<_>>(),
        "pvv" => rows.iter().map(|r| r.3).collect::<Vec<_>>(),
        "mov" => rows.iter().map(|r| r.4).collect::<Vec<_>>(),
        "unit" => rows.iter().map(|r| r.5).collect::<Vec<_>>(),
    )
    .unwrap()
}

pub(crate) fn period(s: &str) -> Period {
    s.parse().unwrap()
}

pub(crate) fn completed(p: &str) -> Waits {
    Waits::completed(period(p)).as_of(d("2025-06-30"))
}

#[test]
fn a_wait_of_exactly_the_limit_is_within_and_one_day_more_is_not() {
    // 90 days from 2024-01-01 is 2024-03-31 (leap year: 31 + 29 + 30 = 90).
    let r = referrals(&[
        (
            "2024-01-01",
            Some("2024-03-31"),
            "first_visit",
            false,
            false,
            "Ortopedi",
        ),
        (
            "2024-01-01",
            Some("2024-04-01"),
            "first_visit",
            false,
            false,
            "Ortopedi",
        ),
    ]);
    let out = completed("2024").fulfilment(&r).unwrap();
    assert_eq!(floats(&out, "numerator"), [Some(1.0)]);
    assert_eq!(floats(&out, "denominator"), [Some(2.0)]);
    assert_eq!(floats(&out, "value"), [Some(50.0)]);
    assert_eq!(floats(&out, "median_days"), [Some(90.5)]);
}

#[test]
fn the_primary_care_assessment_limit_is_7_days_before_2019_and_3_from_2019() {
    let r = referrals(&[
        // decided 2018-12-28, 7 days: within under the old rule
        (
            "2018-12-28",
            Some("2019-01-04"),
            "primary_assessment",
            false,
            false,
            "HC",
        ),
        // decided 2019-01-02, 3 days within, 4 days not
        (
            "2019-01-02",
            Some("2019-01-05"),
            "primary_assessment",
            false,
            false,
            "HC",
        ),
        (
            "2019-01-02",
            Some("2019-01-06"),
            "primary_assessment",
            false,
            false,
            "HC",
        ),
        // same-day contact: 0 days within, 1 day not
        (
            "2019-01-02",
            Some("2019-01-02"),
            "primary_contact",
            false,
            false,
            "HC",
        ),
        (
            "2019-01-02",
            Some("2019-01-03"),
            "primary_contact",
            false,
            false,
            "HC",
        ),
    ]);
    let out = completed("jan 2019").by(["kind"]).fulfilment(&r).unwrap();
    assert_eq!(
        texts(&out, "kind"),
        ["primary_assessment", "primary_contact"]
    );
    assert_eq!(floats(&out, "numerator"), [Some(2.0), Some(1.0)]);
    assert_eq!(floats(&out, "denominator"), [Some(3.0), Some(2.0)]);
}

#[test]
fn bup_limits_are_30_days_and_a_custom_60_day_rule_replaces_a_limit() {
    let r = referrals(&[
        (
            "2024-01-01",
            Some("2024-01-31"),
            "bup_assessment",
            false,
            false,
            "BUP",
        ),
        (
            "2024-01-01",
            Some("2024-02-01"),
            "bup_in_depth",
            false,
            false,
            "BUP",
        ),
        (
            "2024-01-01",
            Some("2024-03-01"),
            "first_visit",
            false,
            false,
            "Ortopedi",
        ),
        (
            "2024-01-01",
            Some("2024-03-02"),
            "first_visit",
            false,
            false,
            "Ortopedi",
        ),
    ]);
    let law = completed("2024").by(["kind"]).fulfilment(&r).unwrap();
    assert_eq!(floats(&law, "numerator"), [Some(1.0), Some(0.0), Some(2.0)]);
    // 2024-01-01 → 2024-03-01 is 60 days, → 03-02 is 61.
    let plan = completed("2024")
        .by(["kind"])
        .limits(WaitLimits::law().with_limit("first_visit", 60))
        .fulfilment(&r)
        .unwrap();
    assert_eq!(
        floats(&plan, "numerator"),
        [Some(1.0), Some(0.0), Some(1.0)]
    );
}

#[test]
fn pvv_and_mov_leave_the_share_but_are_reported_and_the_exclusion_is_switchable() {
    let r = referrals(&[
        (
            "2024-01-01",
            Some("2024-02-01"),
            "first_visit",
            false,
            false,
            "U",
        ),
        (
            "2024-01-01",
            Some("2024-06-01"),
            "first_visit",
            false,
            false,
            "U",
        ),
        (
            "2024-01-01",
            Some("2024-06-01"),
            "first_visit",
            true,
            false,
            "U",
        ),
        (
            "2024-01-01",
            Some("2024-06-01"),
            "first_visit",
            false,
            true,
            "U",
        ),
    ]);
    let out = completed("2024").fulfilment(&r).unwrap();
    assert_eq!(floats(&out, "numerator"), [Some(1.0)]);
    assert_eq!(floats(&out, "denominator"), [Some(2.0)]);
    assert_eq!(floats(&out, "records"), [Some(4.0)]);
    assert_eq!(floats(&out, "pvv"), [Some(1.0)]);
    assert_eq!(floats(&out, "pvv_share"), [Some(25.0)]);
    assert_eq!(floats(&out, "mov_share"), [Some(25.0)]);
    let mut kept = completed("2024");
    kept.exclude_pvv = false;
    let out = kept.fulfilment(&r).unwrap();
    assert_eq!(floats(&out, "denominator"), [Some(3.0)]);
    assert_eq!(floats(&out, "numerator"), [Some(1.0)]);
}

#[test]
fn a_group_where_every_wait_is_patient_chosen_keeps_its_row_without_a_share() {
    let r = referrals(&[(
        "2024-01-01",
        Some("2024-06-01"),
        "first_visit",
        true,
        false,
        "U",
    )]);
    let out = completed("2024").fulfilment(&r).unwrap();
    assert_eq!(floats(&out, "value"), [None]);
    assert_eq!(texts(&out, "status"), ["denominator is zero"]);
}

#[test]
fn the_waiting_snapshot_counts_those_still_waiting_at_each_month_end() {
    let r = referrals(&[
        // waiting on 31 Jan (30 days) and 29 Feb (59 days); done 1 March
        (
            "2024-01-01",
            Some("2024-03-01"),
            "first_visit",
            false,
            false,
            "U",
        ),
        // done on 31 Jan itself: not waiting at the end of that day
        (
            "2023-10-01",
            Some("2024-01-31"),
            "first_visit",
            false,
            false,
            "U",
        ),
        // still waiting: 122 days on 31 Jan (> 90), 151 on 29 Feb
        ("2023-10-01", None, "first_visit", false, false, "U"),
        // decided after the January snapshot
        ("2024-02-10", None, "first_visit", false, false, "U"),
    ]);
    let out = Waits::waiting(period("T1 2024"))
        .as_of(d("2024-03-31"))
        .fulfilment(&r);
    // T1 2024 runs to April: a snapshot after as_of is an argument error.
    let e = out.unwrap_err().to_string();
    assert!(
        e.contains("extraction date") && e.contains("2024-03-31"),
        "{e}"
    );
    let mut w = Waits::waiting(period("T1 2024")).as_of(d("2024-03-31"));
    w.snapshots = Some(vec![d("2024-01-31"), d("2024-02-29")]);
    let out = w.fulfilment(&r).unwrap();
    assert_eq!(floats(&out, "denominator"), [Some(2.0), Some(3.0)]);
    assert_eq!(floats(&out, "numerator"), [Some(1.0), Some(2.0)]);
    let snaps: Vec<_> = out
        .column("snapshot")
        .unwrap()
        .date()
        .unwrap()
        .as_date_iter()
        .collect();
    assert_eq!(snaps, [Some(d("2024-01-31")), Some(d("2024-02-29"))]);
}

#[test]
fn default_snapshots_are_the_month_ends_of_the_period() {
    let w = Waits::waiting(period("T1 2024"));
    assert_eq!(
        w.snapshot_dates().unwrap(),
        [
            d("2024-01-31"),
            d("2024-02-29"),
            d("2024-03-31"),
            d("2024-04-30")
        ]
    );
}

#[test]
fn completed_waits_split_by_month_of_completion() {
    let r = referrals(&[
        (
            "2024-01-01",
            Some("2024-01-20"),
            "first_visit",
            false,
            false,
            "U",
        ),
        (
            "2024-01-01",
            Some("2024-02-20"),
            "first_visit",
            false,
            false,
            "U",
        ),
        (
            "2023-06-01",
            Some("2024-02-21"),
            "first_visit",
            false,
            false,
            "U",
        ),
        (
            "2024-01-01",
            Some("2024-09-20"),
            "first_visit",
            false,
            false,
            "U",
        ),
    ]);
    let out = completed("jan–aug 2024")
        .per(PeriodKind::Month)
        .fulfilment(&r)
        .unwrap();
    assert_eq!(texts(&out, "period"), ["2024-01", "2024-02"]);
    assert_eq!(floats(&out, "denominator"), [Some(1.0), Some(2.0)]);
    assert_eq!(floats(&out, "numerator"), [Some(1.0), Some(1.0)]);
}

#[test]
fn distribution_bins_hold_every_wait_once_with_empty_bins_as_zero() {
    let r = referrals(&[
        (
            "2024-01-01",
            Some("2024-01-31"),
            "first_visit",
            false,
            false,
            "U",
        ), // 30
        (
            "2024-01-01",
            Some("2024-02-01"),
            "first_visit",
            false,
            false,
            "U",
        ), // 31
        (
            "2024-01-01",
            Some("2024-02-01"),
            "first_visit",
            false,
            false,
            "U",
        ), // 31
        (
            "2024-01-01",
            Some("2024-06-01"),
            "first_visit",
            false,
            false,
            "U",
        ), // 152
    ]);
    let out = completed("2024").distribution(&r).unwrap();
    assert_eq!(texts(&out, "bin"), ["0–30", "31–60", "61–90", "> 90"]);
    assert_eq!(
        floats(&out, "numerator"),
        [Some(1.0), Some(2.0), Some(0.0), Some(1.0)]
    );
    assert_eq!(
        floats(&out, "value"),
        [Some(25.0), Some(50.0), Some(0.0), Some(25.0)]
    );
    let mut custom = completed("2024");
    custom.bins = vec![30];
    let out = custom.by(["unit"]).distribution(&r).unwrap();
    assert_eq!(texts(&out, "bin"), ["0–30", "> 30"]);
    assert_eq!(floats(&out, "numerator"), [Some(1.0), Some(3.0)]);
}

#[test]
fn completion_before_decision_is_an_error_or_excluded_and_counted() {
    let r = referrals(&[
        (
            "2024-03-01",
            Some("2024-02-01"),
            "first_visit",
            false,
            false,
            "U",
        ),
        (
            "2024-01-01",
            Some("2024-02-01"),
            "first_visit",
            false,
            false,
            "U",
        ),
    ]);
    let e = completed("2024").fulfilment(&r).unwrap_err().to_string();
    assert!(
        e.contains("`completed`") && e.contains("before the decision"),
        "{e}"
    );
    assert!(
        e.contains("2024-02-01 before 2024-03-01") && e.contains("row 0"),
        "{e}"
    );
    let w = completed("2024").exclude_invalid();
    assert_eq!(
        floats(&w.fulfilment(&r).unwrap(), "denominator"),
        [Some(1.0)]
    );
    let q = w.quality(&r).unwrap();
    let rules = texts(&q, "rule");
    let i = rules
        .iter()
        .position(|r| r.contains("before the decision"))
        .unwrap();
    assert_eq!(q.column("count").unwrap().u64().unwrap().get(i), Some(1));
}

#[test]
fn future_dates_and_unknown_kinds_are_errors_naming_the_value() {
    let future = referrals(&[("2025-07-01", None, "first_visit", false, false, "U")]);
    let e = completed("2025")
        .fulfilment(&future)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("`decided`") && e.contains("2025-07-01") && e.contains("as_of"),
        "{e}"
    );
    let unknown = referrals(&[("2024-01-01", None, "förstabesök", false, false, "U")]);
    let e = completed("2024")
        .fulfilment(&unknown)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("`kind`") && e.contains("\"förstabesök\"") && e.contains("bup_in_depth"),
        "{e}"
    );
}

#[test]
fn a_missing_or_mistyped_column_is_named() {
    let r = referrals(&[("2024-01-01", None, "first_visit", false, false, "U")]);
    let e = completed("2024")
        .fulfilment(r.drop("mov").unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("`mov`") && e.contains("MOV"), "{e}");
    let mut no_mov = completed("2024");
    no_mov.columns.mov = None;
    assert!(no_mov.fulfilment(r.drop("mov").unwrap()).is_ok());
    let mut text_dates = r.clone();
    text_dates
        .with_column(Column::new("decided".into(), ["2024-01-01"]))
        .unwrap();
    let e = completed("2024")
        .fulfilment(&text_dates)
        .unwrap_err()
        .to_string();
    assert!(e.contains("`decided`") && e.contains("date"), "{e}");
}
