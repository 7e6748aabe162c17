//! Vårdgaranti summaries over months: the mean of monthly shares against the
//! pooled share, the reporting rate, and splits that lose days (the rules of
//! waits.rs, summarised as the region reports them).

use chrono::NaiveDate;
use indikator::{summarise_months, Confidence, PeriodKind, Waits};
use polars::prelude::*;

use crate::common::{floats, texts};
use crate::waits::{completed, d, period, referrals};

/// The region's plan: BUP first assessment within 30 days, January–August
/// 2018, reported as "63,5 %" — the mean of the monthly shares 38, 63, 73,
/// 65, 60, 82, 90, 37.
#[test]
fn bup_2018_mean_of_months_is_63_5_and_the_pooled_share_differs_with_volumes() {
    let months = [
        (1, 19, 50),
        (2, 63, 100),
        (3, 73, 100),
        (4, 13, 20),
        (5, 30, 50),
        (6, 41, 50),
        (7, 9, 10),
        (8, 37, 100),
    ];
    let mut decided = Vec::new();
    let mut done = Vec::new();
    for (m, within, total) in months {
        let completed = NaiveDate::from_ymd_opt(2018, m, 28).unwrap();
        for k in 0..total {
            let days = if k < within { 20 } else { 45 };
            decided.push(completed - chrono::Duration::days(days));
            done.push(completed);
        }
    }
    let n = decided.len();
    let r = df!(
        "decided" => decided, "completed" => done,
        "kind" => vec!["bup_assessment"; n], "pvv" => vec![false; n], "mov" => vec![false; n],
    )
    .unwrap();
    let w = Waits::completed(period("jan–aug 2018")).as_of(d("2019-01-01"));
    let monthly = w.clone().per(PeriodKind::Month).fulfilment(&r).unwrap();
    let shares: Vec<f64> = floats(&monthly, "value").into_iter().flatten().collect();
    assert_eq!(shares, [38.0, 63.0, 73.0, 65.0, 60.0, 82.0, 90.0, 37.0]);
    let s = w.summary(&r).unwrap();
    assert_eq!(
        texts(&s, "summary"),
        ["pooled share", "mean of monthly shares"]
    );
    let v = floats(&s, "value");
    assert!((v[1].unwrap() - 63.5).abs() < 1e-12);
    // Pooled: 285 of 480 = 59,375 %.
    assert!((v[0].unwrap() - 285.0 / 480.0 * 100.0).abs() < 1e-12);
    assert_eq!(floats(&s, "months"), [Some(8.0), Some(8.0)]);
    // With equal volumes the two agree.
    let equal = df!(
        "period" => (1..=8).map(|m| format!("2018-{m:02}")).collect::<Vec<_>>(),
        "numerator" => [38.0, 63.0, 73.0, 65.0, 60.0, 82.0, 90.0, 37.0],
        "denominator" => [100.0; 8],
        "value" => [38.0, 63.0, 73.0, 65.0, 60.0, 82.0, 90.0, 37.0],
    )
    .unwrap();
    let s = summarise_months(&equal, Vec::<String>::new(), "period", Confidence::P95).unwrap();
    let v = floats(&s, "value");
    assert!((v[0].unwrap() - 63.5).abs() < 1e-12 && (v[1].unwrap() - 63.5).abs() < 1e-12);
}

#[test]
fn reporting_rate_is_checked_against_the_95_percent_rule_and_names_missing_units() {
    let units: Vec<String> = (1..=20).map(|k| format!("HC {k}")).collect();
    let mut month = Vec::new();
    let mut unit = Vec::new();
    for (m, reporting) in [("2024-01", 19), ("2024-02", 18)] {
        for u in units.iter().take(reporting) {
            month.push(m.to_string());
            unit.push(u.clone());
        }
    }
    month.push("2024-02".into());
    unit.push("HC Gamla".into());
    let reports = df!("month" => month, "unit" => unit).unwrap();
    let mut rate = indikator::ReportingRate::new("unit", "month", units.clone());
    rate.periods = Some(vec!["2024-01".into(), "2024-02".into(), "2024-03".into()]);
    let out = rate.compute(&reports).unwrap();
    assert_eq!(floats(&out, "value"), [Some(95.0), Some(90.0), Some(0.0)]);
    let meets: Vec<Option<bool>> = out
        .column("meets_rule")
        .unwrap()
        .bool()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(meets, [Some(true), Some(false), Some(false)]);
    assert_eq!(texts(&out, "missing_units")[1], "HC 19, HC 20");
    assert_eq!(texts(&out, "other_units")[1], "HC Gamla");
}

#[test]
fn a_split_that_loses_days_of_the_period_and_an_empty_summary_are_errors() {
    let r = referrals(&[(
        "2024-01-01",
        Some("2024-10-01"),
        "first_visit",
        false,
        false,
        "U",
    )]);
    let e = completed("2024")
        .per(PeriodKind::Delar)
        .fulfilment(&r)
        .unwrap_err()
        .to_string();
    assert!(e.contains("`per`") && e.contains("2024-09-01"), "{e}");
    let e = completed("T1 2024").summary(&r).unwrap_err().to_string();
    assert!(e.contains("at least one month"), "{e}");
    let mut huge = completed("2024");
    huge.bins = vec![30, u32::MAX];
    assert!(huge
        .distribution(&r)
        .unwrap_err()
        .to_string()
        .contains("at most"));
}
