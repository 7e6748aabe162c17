//! Continuity of care: the eligibility rules of the national definition at
//! their boundaries, the data-quality table, and the summaries.

use chrono::NaiveDate;
use indikator::{Chronic, Continuity};
use polars::prelude::*;

use crate::common::texts;

fn texts_of(df: &DataFrame) -> Vec<String> {
    texts(df, "patient_id")
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// One visit: (patient, clinician, profession, unit, date, diagnosis).
type Visit<'a> = (&'a str, Option<&'a str>, &'a str, &'a str, &'a str, &'a str);

fn visits(rows: &[Visit]) -> DataFrame {
    df!(
        "patient_id" => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        "clinician_id" => rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        "profession" => rows.iter().map(|r| r.2).collect::<Vec<_>>(),
        "unit" => rows.iter().map(|r| r.3).collect::<Vec<_>>(),
        "date" => rows.iter().map(|r| d(r.4)).collect::<Vec<_>>(),
        "diagnosis" => rows.iter().map(|r| r.5).collect::<Vec<_>>(),
    )
    .unwrap()
}

/// Listings as (patient, unit, from, to).
fn listings(rows: &[(&str, &str, &str, Option<&str>)]) -> DataFrame {
    df!(
        "patient_id" => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        "unit" => rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        "listed_from" => rows.iter().map(|r| d(r.2)).collect::<Vec<_>>(),
        "listed_to" => rows.iter().map(|r| r.3.map(d)).collect::<Vec<_>>(),
        "kommun" => rows.iter().map(|_| "Östersund").collect::<Vec<_>>(),
    )
    .unwrap()
}

const DOC: &str = "läkare";

fn quality(c: &Continuity, v: &DataFrame, l: &DataFrame, rule: &str) -> u64 {
    let q = c.compute(v, l).unwrap().quality;
    let rules: Vec<&str> = q
        .column("rule")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .flatten()
        .collect();
    let i = rules
        .iter()
        .position(|r| *r == rule)
        .unwrap_or_else(|| panic!("no rule {rule}: {rules:?}"));
    q.column("count").unwrap().u64().unwrap().get(i).unwrap()
}

fn listed_everywhere(patients: &[&str]) -> DataFrame {
    let rows: Vec<_> = patients
        .iter()
        .map(|p| (*p, "HC Lit", "2020-01-01", None))
        .collect();
    listings(&rows)
}

#[test]
fn exactly_three_visits_are_enough_two_are_not() {
    let v = visits(&[
        ("p3", Some("A"), DOC, "HC Lit", "2024-01-10", ""),
        ("p3", Some("A"), DOC, "HC Lit", "2024-02-10", ""),
        ("p3", Some("B"), DOC, "HC Lit", "2024-03-10", ""),
        ("p2", Some("A"), DOC, "HC Lit", "2024-01-10", ""),
        ("p2", Some("A"), DOC, "HC Lit", "2024-02-10", ""),
    ]);
    let c = Continuity::new(d("2024-08-31"));
    let l = listed_everywhere(&["p2", "p3"]);
    let out = c.patients(&v, &l).unwrap();
    assert_eq!(texts_of(&out), ["p3"]);
    // A A B: (4 + 1 − 3) / (3 · 2) = 1/3.
    assert!((out.column("coc").unwrap().f64().unwrap().get(0).unwrap() - 1.0 / 3.0).abs() < 1e-15);
    assert_eq!(
        quality(&c, &v, &l, "patients with fewer visits than min_visits"),
        1
    );
}

fn secon(visits: &DataFrame) -> f64 {
    let out = Continuity::new(d("2024-08-31"))
        .patients(visits, listed_everywhere(&["p1"]))
        .unwrap();
    out.column("secon").unwrap().f64().unwrap().get(0).unwrap()
}

#[test]
fn visits_on_the_same_day_are_taken_in_clinician_order_and_times_order_them() {
    // A, B, A on one day: taken as A A B, one of the two steps stays (1/2),
    // whatever the order of the rows.
    let rows = [
        ("p1", Some("A"), DOC, "HC Lit", "2024-03-01", ""),
        ("p1", Some("B"), DOC, "HC Lit", "2024-03-01", ""),
        ("p1", Some("A"), DOC, "HC Lit", "2024-03-01", ""),
    ];
    assert_eq!(secon(&visits(&rows)), 0.5);
    let mut reversed = rows;
    reversed.reverse();
    assert_eq!(secon(&visits(&reversed)), 0.5);
    // With times of day, the visits are taken in time: A 08:00, B 09:00, A 10:00 changes twice.
    let timed = visits(&rows)
        .lazy()
        .with_column(
            (col("date").cast(DataType::Datetime(TimeUnit::Milliseconds, None))
                + lit(Series::new(
                    "hour".into(),
                    [8, 9, 10].map(|h| chrono::Duration::hours(h).num_milliseconds()),
                ))
                .cast(DataType::Duration(TimeUnit::Milliseconds)))
            .alias("date"),
        )
        .collect()
        .unwrap();
    assert_eq!(secon(&timed), 0.0);
}

#[test]
fn visits_on_the_first_and_last_day_of_the_window_count() {
    // End 2024-08-31, 18 months: the window is 2023-03-01 … 2024-08-31.
    let c = Continuity::new(d("2024-08-31"));
    assert_eq!(c.start().unwrap(), d("2023-03-01"));
    let v = visits(&[
        ("p", Some("A"), DOC, "HC Lit", "2023-02-28", ""),
        ("p", Some("A"), DOC, "HC Lit", "2023-03-01", ""),
        ("p", Some("A"), DOC, "HC Lit", "2024-01-01", ""),
        ("p", Some("B"), DOC, "HC Lit", "2024-08-31", ""),
        ("p", Some("B"), DOC, "HC Lit", "2024-09-01", ""),
    ]);
    let out = c.patients(&v, listed_everywhere(&["p"])).unwrap();
    assert_eq!(out.column("visits").unwrap().u32().unwrap().get(0), Some(3));
    assert_eq!(
        quality(&c, &v, &listed_everywhere(&["p"]), "visits in the window"),
        3
    );
}

#[test]
fn visits_at_another_unit_do_not_count_unless_switched_off() {
    let v = visits(&[
        ("p", Some("A"), DOC, "HC Lit", "2024-01-10", ""),
        ("p", Some("A"), DOC, "HC Lit", "2024-02-10", ""),
        ("p", Some("C"), DOC, "HC Z", "2024-02-20", ""),
        ("p", Some("A"), DOC, "HC Lit", "2024-03-10", ""),
    ]);
    let l = listed_everywhere(&["p"]);
    let mut c = Continuity::new(d("2024-08-31"));
    let out = c.patients(&v, &l).unwrap();
    assert_eq!(out.column("coc").unwrap().f64().unwrap().get(0), Some(1.0));
    assert_eq!(
        quality(&c, &v, &l, "visits at another unit than the listing unit"),
        1
    );
    c.at_listing_unit = false;
    assert_eq!(
        c.patients(&v, &l)
            .unwrap()
            .column("visits")
            .unwrap()
            .u32()
            .unwrap()
            .get(0),
        Some(4)
    );
}

#[test]
fn a_change_of_listing_unit_counts_the_unit_listed_on_the_end_date() {
    let v = visits(&[
        ("p", Some("A"), DOC, "HC Lit", "2023-10-10", ""),
        ("p", Some("A"), DOC, "HC Lit", "2023-11-10", ""),
        ("p", Some("A"), DOC, "HC Lit", "2023-12-10", ""),
        ("p", Some("X"), DOC, "HC Z", "2024-05-10", ""),
        ("p", Some("Y"), DOC, "HC Z", "2024-06-10", ""),
        ("p", Some("X"), DOC, "HC Z", "2024-07-10", ""),
    ]);
    let l = listings(&[
        ("p", "HC Lit", "2015-01-01", Some("2024-03-31")),
        ("p", "HC Z", "2024-04-01", None),
    ]);
    let mut c = Continuity::new(d("2024-08-31"));
    c.by = vec!["unit".into()];
    let out = c.patients(&v, &l).unwrap();
    assert_eq!(
        out.column("unit").unwrap().str().unwrap().get(0),
        Some("HC Z")
    );
    // X Y X: (4 + 1 − 3) / 6.
    assert!((out.column("coc").unwrap().f64().unwrap().get(0).unwrap() - 1.0 / 3.0).abs() < 1e-15);
    // Listed at neither unit on the end date: not eligible.
    let ended = listings(&[("p", "HC Lit", "2015-01-01", Some("2024-03-31"))]);
    assert_eq!(c.patients(&v, &ended).unwrap().height(), 0);
    assert_eq!(
        quality(
            &c,
            &v,
            &ended,
            "visits of patients not listed on the end date"
        ),
        6
    );
}

#[test]
fn the_patients_are_the_same_with_or_without_the_quality_table() {
    // Listed patients with visits at their unit and elsewhere, a patient
    // listed at a unit that ended, one never listed, a missing clinician:
    // `compute` keeps every visit (to count what each rule leaves out),
    // `patients` only those that can count.
    let v = visits(&[
        ("p", Some("A"), DOC, "HC Lit", "2024-01-10", ""),
        ("p", Some("B"), DOC, "HC Lit", "2024-02-10", ""),
        ("p", Some("A"), DOC, "HC Z", "2024-02-11", ""),
        ("p", Some("A"), DOC, "HC Lit", "2024-03-10", ""),
        ("q", Some("A"), DOC, "HC Z", "2024-01-10", ""),
        ("q", Some("A"), DOC, "HC Z", "2024-02-10", ""),
        ("q", None, DOC, "HC Z", "2024-02-12", ""),
        ("q", Some("C"), DOC, "HC Z", "2024-03-10", ""),
        ("r", Some("A"), DOC, "HC Lit", "2024-01-10", ""),
        ("r", Some("A"), DOC, "HC Lit", "2024-02-10", ""),
        ("r", Some("A"), DOC, "HC Lit", "2024-03-10", ""),
        ("s", Some("A"), DOC, "HC Lit", "2024-01-10", ""),
        ("s", Some("A"), DOC, "HC Lit", "2024-02-10", ""),
        ("s", Some("A"), DOC, "HC Lit", "2024-03-10", ""),
    ]);
    let l = listings(&[
        ("p", "HC Lit", "2015-01-01", None),
        ("q", "HC Z", "2020-01-01", None),
        ("r", "HC Lit", "2015-01-01", Some("2024-03-31")),
    ]);
    let mut c = Continuity::new(d("2024-08-31"));
    c.by = vec!["unit".into(), "kommun".into()];
    let with_quality = c.compute(&v, &l).unwrap().patients;
    let without = c.patients(&v, &l).unwrap();
    assert_eq!(texts_of(&without), ["p", "q"]);
    assert!(
        with_quality.equals_missing(&without),
        "{with_quality}\n{without}"
    );
    assert_eq!(
        without.column("unit").unwrap().str().unwrap().get(1),
        Some("HC Z")
    );
}

#[test]
fn professions_missing_clinicians_and_chronic_disease() {
    let v = visits(&[
        ("p", Some("A"), DOC, "HC Lit", "2024-01-10", "E11.9"),
        ("p", Some("N1"), "sjuksköterska", "HC Lit", "2024-01-11", ""),
        ("p", None, DOC, "HC Lit", "2024-01-12", ""),
        ("p", Some("A"), DOC, "HC Lit", "2024-02-10", ""),
        ("p", Some("B"), DOC, "HC Lit", "2024-03-10", ""),
        ("q", Some("A"), DOC, "HC Lit", "2024-01-10", "J44"),
        ("q", Some("A"), "Läkare", "HC Lit", "2024-02-10", ""),
        ("q", Some("A"), DOC, "HC Lit", "2024-03-10", ""),
    ]);
    let l = listed_everywhere(&["p", "q"]);
    // "Läkare" is a doctor too: professions are matched ignoring ASCII case.
    let mut c = Continuity::new(d("2024-08-31"));
    assert_eq!(quality(&c, &v, &l, "visits by other professions"), 1);
    assert_eq!(
        quality(&c, &v, &l, "visits without a clinician (excluded)"),
        1
    );
    assert_eq!(texts_of(&c.patients(&v, &l).unwrap()), ["p", "q"]);
    c.chronic = Chronic::DiagnosisCodes(vec!["E11".into()]);
    assert_eq!(texts_of(&c.patients(&v, &l).unwrap()), ["p"]);
    c.chronic = Chronic::Patients(vec!["q".into()]);
    assert_eq!(texts_of(&c.patients(&v, &l).unwrap()), ["q"]);
    c.chronic = Chronic::All;
    c.professions = None;
    let all = c.patients(&v, &l).unwrap();
    assert_eq!(all.column("visits").unwrap().u32().unwrap().get(0), Some(4));
}

#[test]
fn summary_by_unit_has_mean_median_and_share() {
    let mut rows = Vec::new();
    for (p, seq) in [("p1", "AAA"), ("p2", "AAB"), ("p3", "ABC")] {
        for (i, c) in seq.chars().enumerate() {
            rows.push((
                p,
                Some(if c == 'A' {
                    "A"
                } else if c == 'B' {
                    "B"
                } else {
                    "C"
                }),
                DOC,
                "HC Lit",
                ["2024-01-10", "2024-02-10", "2024-03-10"][i],
                "",
            ));
        }
    }
    let v = visits(&rows);
    let mut c = Continuity::new(d("2024-08-31"));
    c.by = vec!["unit".into()];
    let s = c
        .summary(&v, listed_everywhere(&["p1", "p2", "p3"]))
        .unwrap();
    // COC 1, 1/3, 0: mean 4/9, median 1/3, share >= 0.5: 1 of 3.
    let get = |name: &str| s.column(name).unwrap().f64().unwrap().get(0).unwrap();
    assert!((get("value") - 4.0 / 9.0).abs() < 1e-15);
    assert!((get("median") - 1.0 / 3.0).abs() < 1e-15);
    assert!((get("at_or_above") - 1.0 / 3.0).abs() < 1e-15);
    assert!(get("lower") <= get("value") && get("value") <= get("upper"));
    assert!(
        get("at_or_above_lower") <= get("at_or_above")
            && get("at_or_above") <= get("at_or_above_upper")
    );
    assert_eq!(
        s.column("denominator").unwrap().f64().unwrap().get(0),
        Some(3.0)
    );
}

#[test]
fn bad_inputs_name_the_column_and_rule() {
    let v = visits(&[("p", Some("A"), DOC, "HC Lit", "2024-01-10", "")]);
    let twice = listings(&[
        ("p", "HC Lit", "2020-01-01", None),
        ("p", "HC Z", "2021-01-01", None),
    ]);
    let e = Continuity::new(d("2024-08-31"))
        .patients(&v, &twice)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("listed at one unit") && e.contains("\"p\""),
        "{e}"
    );
    // The summary, which makes no quality table, checks the listings too.
    let e = Continuity::new(d("2024-08-31"))
        .summary(&v, &twice)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("listed at one unit") && e.contains("\"p\""),
        "{e}"
    );
    let text_dates = v
        .clone()
        .lazy()
        .with_column(col("date").cast(DataType::String))
        .collect()
        .unwrap();
    let e = Continuity::new(d("2024-08-31"))
        .patients(&text_dates, listed_everywhere(&["p"]))
        .unwrap_err()
        .to_string();
    assert!(e.contains("`date` (visit date) must be a date"), "{e}");
    let mut c = Continuity::new(d("2024-08-31"));
    c.min_visits = 1;
    let e = c
        .patients(&v, listed_everywhere(&["p"]))
        .unwrap_err()
        .to_string();
    assert!(e.contains("min_visits") && e.contains("at least 2"), "{e}");
    let e = Continuity::new(d("2024-08-31"))
        .patients(v.drop("clinician_id").unwrap(), listed_everywhere(&["p"]))
        .unwrap_err()
        .to_string();
    assert!(e.contains("`clinician_id` (clinician) not found"), "{e}");
}

#[test]
fn rolling_month_ends_compared_with_the_year_before() {
    // Patient p sees A three times in 2023 and A, B, C in 2024; q sees A, A, A throughout.
    let v = visits(&[
        ("p", Some("A"), DOC, "HC Lit", "2022-10-10", ""),
        ("p", Some("A"), DOC, "HC Lit", "2022-11-10", ""),
        ("p", Some("A"), DOC, "HC Lit", "2022-12-10", ""),
        ("p", Some("B"), DOC, "HC Lit", "2024-06-10", ""),
        ("p", Some("C"), DOC, "HC Lit", "2024-07-10", ""),
        ("q", Some("A"), DOC, "HC Lit", "2023-01-10", ""),
        ("q", Some("A"), DOC, "HC Lit", "2023-02-10", ""),
        ("q", Some("A"), DOC, "HC Lit", "2023-03-10", ""),
        ("q", Some("A"), DOC, "HC Lit", "2024-01-10", ""),
        ("q", Some("A"), DOC, "HC Lit", "2024-02-10", ""),
        ("q", Some("B"), DOC, "HC Lit", "2024-03-10", ""),
    ]);
    let mut c = Continuity::new(d("2024-08-31"));
    c.window_months = 12;
    c.by = vec!["unit".into()];
    let out = c
        .rolling(
            &v,
            listed_everywhere(&["p", "q"]),
            d("2024-07-15"),
            d("2024-08-31"),
            indikator::Polarity::HighIsGood,
        )
        .unwrap();
    let ends: Vec<_> = out
        .column("end")
        .unwrap()
        .date()
        .unwrap()
        .as_date_iter()
        .map(|e| e.unwrap())
        .collect();
    assert_eq!(ends, [d("2024-07-31"), d("2024-08-31")]);
    // July 2023 (window Aug 2022 – Jul 2023): p A A A and q A A A, mean COC 1.
    let previous: Vec<_> = out
        .column("previous_value")
        .unwrap()
        .f64()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(previous[0], Some(1.0));
    // July 2024 (window Aug 2023 – Jul 2024): p has only B, C (2 visits); q has A A B: COC 1/3.
    assert_eq!(
        out.column("denominator").unwrap().f64().unwrap().get(0),
        Some(1.0)
    );
    assert!(
        (out.column("value").unwrap().f64().unwrap().get(0).unwrap() - 1.0 / 3.0).abs() < 1e-15
    );
    // One patient has no t interval, so the comparison cannot be made.
    assert_eq!(
        out.column("vs_previous").unwrap().str().unwrap().get(0),
        Some("not compared")
    );
    let none = c
        .summary(&v, listed_everywhere(&["nobody"]))
        .unwrap_err()
        .to_string();
    assert!(
        none.contains("no patient meets the eligibility rules"),
        "{none}"
    );
    let e = c.rolling(
        &v,
        listed_everywhere(&["p"]),
        d("2024-08-31"),
        d("2024-07-31"),
        indikator::Polarity::HighIsGood,
    );
    assert!(e.unwrap_err().to_string().contains("must not be before"));
}
