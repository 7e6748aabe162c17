//! The drug family on hand-built dispensings: distinct persons, the age
//! cut, the month of each dispensing, the population denominator, and the
//! records refused (with their messages) or excluded and counted.

use chrono::NaiveDate;
use indikator::{assess_months, Direction, DrugSet, DrugUse, PeriodKind, Rating, Target};
use polars::prelude::*;

use crate::common::texts;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Dispensings in January–March 2024 (every month has some).
fn dispensings() -> DataFrame {
    df!(
        "person_id" => ["a", "a", "a", "b", "c", "d", "e", "f", "a", "g"],
        "dispensed" => [d(2024, 1, 3), d(2024, 1, 31), d(2024, 2, 1), d(2024, 1, 9), d(2024, 1, 12),
                        d(2024, 2, 20), d(2024, 3, 4), d(2024, 3, 30), d(2024, 3, 15), d(2024, 1, 20)],
        // a: diazepam and tramadol in January (counted once), diazepam on 1 February.
        "atc" => ["N05BA01", "N02AX02", "N05BA01", "N05CD02", "N05BA01", "C07AB02", "N05CM06",
                  "N05BB01", "N05BA04", "N05BA01"],
        // Born 1949 is 75 in 2024 (the year's age, as the population's), 1950 is 74.
        "birth_date" => [d(1940, 5, 1), d(1940, 5, 1), d(1940, 5, 1), d(1949, 12, 31), d(1950, 1, 1),
                         d(1930, 2, 2), d(1944, 7, 7), d(1938, 3, 3), d(1940, 5, 1), d(1935, 8, 8)],
        "kommun" => ["2380", "2380", "2380", "2380", "2380", "2309", "2309", "2309", "2380", "2309"],
    )
    .unwrap()
}

fn population() -> DataFrame {
    df!(
        "year" => [2024i32; 6],
        "kommun" => ["2380", "2380", "2380", "2309", "2309", "2309"],
        "age" => ["70-74", "75-79", "80+", "70-74", "75-79", "80+"],
        "population" => [500i64, 300, 200, 120, 60, 40],
    )
    .unwrap()
}

fn inappropriate(period: &str) -> DrugUse {
    let mut drugs = DrugUse::new(
        DrugSet::named("inappropriate").unwrap(),
        period.parse().unwrap(),
    );
    drugs.as_of = Some(d(2024, 4, 15));
    drugs
}

fn f64s(frame: &DataFrame, name: &str) -> Vec<Option<f64>> {
    frame.column(name).unwrap().f64().unwrap().iter().collect()
}

#[test]
fn distinct_persons_per_month_of_the_population_aged_75_or_more() {
    let mut t1 = inappropriate("T1 2024");
    t1.as_of = Some(d(2024, 5, 15));
    let share = t1
        .by(["kommun"])
        .share(dispensings(), population())
        .unwrap_err()
        .to_string();
    // April has no dispensing at all: T1 (January–April) is not covered.
    assert_eq!(
        share,
        "column `dispensed`: every part of the period must have dispensings in the records (a \
         month without any is missing data, not zero use); found no dispensing at all in april \
         2024"
    );
    let share = inappropriate("2024-01")
        .by(["kommun"])
        .share(dispensings(), population())
        .unwrap();
    assert_eq!(texts(&share, "kommun"), ["2309", "2380"]);
    assert_eq!(texts(&share, "period"), ["2024-01", "2024-01"]);
    // 2380 in January: a (twice, two drugs) and b (75 in 2024); c is 74.
    // 2309: g. The denominators are 75-79 and 80+.
    assert_eq!(f64s(&share, "numerator"), [Some(1.0), Some(2.0)]);
    assert_eq!(f64s(&share, "denominator"), [Some(100.0), Some(500.0)]);
    assert_eq!(f64s(&share, "value"), [Some(1.0), Some(0.4)]);
    for column in [
        "lower",
        "upper",
        "status",
        "confidence",
        "statistic",
        "method",
    ] {
        assert!(share.schema().contains(column), "{column}");
    }
    assert_eq!(
        texts(&share, "statistic")[0],
        "share of persons aged 75+ dispensed inappropriate in the month (percent)"
    );
}

#[test]
fn each_dispensing_counts_in_its_own_month_and_empty_months_are_zero() {
    let share = inappropriate("2024-01")
        .per(PeriodKind::Month)
        .share(dispensings(), population())
        .unwrap();
    assert_eq!(f64s(&share, "numerator"), [Some(3.0)]);
    let mut drugs = inappropriate("2024-01");
    drugs.period = "T1 2024".parse().unwrap();
    drugs.as_of = Some(d(2024, 5, 2));
    let mut more = dispensings();
    more.vstack_mut(
        &df!(
            "person_id" => ["h"], "dispensed" => [d(2024, 4, 2)], "atc" => ["A02BC01"],
            "birth_date" => [d(1930, 1, 1)], "kommun" => ["2309"],
        )
        .unwrap(),
    )
    .unwrap();
    let drugs = drugs.by(["kommun"]);
    let share = drugs.share(&more, population()).unwrap();
    assert_eq!(
        texts(&share, "period"),
        ["2024-01", "2024-02", "2024-03", "2024-04", "2024-01", "2024-02", "2024-03", "2024-04"]
    );
    // 2309: g in January; d's metoprolol in February is not of the set,
    // zero; e and f in March; h's omeprazole in April, zero. 2380: a (31
    // January and 1 February: once in each month) and b in January; a's
    // oxazepam in March is not of the set.
    assert_eq!(
        f64s(&share, "numerator"),
        [
            Some(1.0),
            Some(0.0),
            Some(2.0),
            Some(0.0),
            Some(2.0),
            Some(1.0),
            Some(0.0),
            Some(0.0)
        ]
    );
    // Per tertial: a person in two months of T1 counts once.
    let mut whole = drugs.per(PeriodKind::Tertial);
    whole.common.by.clear();
    let t1 = whole.share(&more, population()).unwrap();
    assert_eq!(texts(&t1, "period"), ["2024-T1"]);
    assert_eq!(f64s(&t1, "numerator"), [Some(5.0)]);
    assert_eq!(f64s(&t1, "denominator"), [Some(600.0)]);
}

#[test]
fn without_birth_dates_the_age_column_is_the_age_and_single_years_of_population_work() {
    let records = dispensings()
        .drop("birth_date")
        .unwrap()
        .lazy()
        .with_column(lit(80).alias("age"))
        .collect()
        .unwrap();
    let population = df!(
        "year" => [2024i32, 2024, 2024],
        "age" => [74i32, 75, 99],
        "population" => [1000i64, 40, 60],
    )
    .unwrap();
    let share = inappropriate("2024-01")
        .share(&records, &population)
        .unwrap();
    // Everyone is 80: a, b, c, g.
    assert_eq!(f64s(&share, "numerator"), [Some(4.0)]);
    assert_eq!(f64s(&share, "denominator"), [Some(100.0)]);
    let mut younger = inappropriate("2024-01");
    younger.min_age = 65;
    let share = younger.share(&records, &population).unwrap();
    assert_eq!(f64s(&share, "denominator"), [Some(1100.0)]);
    // A band across the age limit cannot be split.
    let straddling = df!("year" => [2024i32], "age" => ["70-79"], "population" => [10i64]).unwrap();
    let e = inappropriate("2024-01")
        .share(&records, &straddling)
        .unwrap_err()
        .to_string();
    assert!(e.contains("straddles the age range 75+"), "{e}");
}

#[test]
fn custom_atc_codes_and_the_named_sets() {
    let mut antipsychotics = inappropriate("2024-01");
    antipsychotics.drugs =
        DrugSet::atc("bensodiazepiner", &["N05BA", "N05CD"], &["N05BA04"]).unwrap();
    let share = antipsychotics.share(dispensings(), population()).unwrap();
    assert_eq!(f64s(&share, "numerator"), [Some(3.0)]);
}

#[test]
fn bad_records_are_refused_with_their_row_or_excluded_and_counted() {
    let mut records = dispensings();
    records
        .with_column(Column::new(
            "atc".into(),
            [
                "N05BA01", "N02AX02", "N05BA01", "N5CD02", "N05BA01", "C07AB02", "N05CM06",
                "N05BB01", "N05BA04", "N05BA01",
            ],
        ))
        .unwrap();
    let e = inappropriate("2024-01")
        .share(&records, population())
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "column `atc`: ATC codes or their first levels: an anatomical group (A, B, C, D, G, H, J, \
         L, M, N, P, R, S, V), two digits, two letters, two digits (\"N05\", \"N05A\", \
         \"N05BA01\") (to leave such records out and count them, exclude invalid records: \
         `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found \"N5CD02\" in row 3"
    );
    let excluded = inappropriate("2024-01").exclude_invalid();
    let share = excluded.share(&records, population()).unwrap();
    assert_eq!(f64s(&share, "numerator"), [Some(2.0)]);
    let quality = excluded.quality(&records).unwrap();
    let rules = texts(&quality, "rule");
    let i = rules
        .iter()
        .position(|r| r.starts_with("excluded: ATC codes"))
        .unwrap();
    assert_eq!(
        quality.column("count").unwrap().u64().unwrap().get(i),
        Some(1)
    );
    // A dispensing after the extraction date.
    let mut late = inappropriate("2024-01");
    late.as_of = Some(d(2024, 3, 20));
    let e = late
        .share(dispensings(), population())
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "column `dispensed`: dates must not be after the extraction date as_of = 2024-03-20 (to \
         leave such records out and count them, exclude invalid records: `.exclude_invalid()` in \
         Rust, `invalid=\"exclude\"` in Python); found 2024-03-30 in row 7"
    );
    // A period after the extraction date.
    let e = inappropriate("2024-05")
        .share(dispensings(), population())
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("argument `period`: the period must end on or before the extraction date"),
        "{e}"
    );
    // A group without population.
    let e = inappropriate("2024-01")
        .by(["kommun"])
        .share(dispensings(), population().head(Some(3)))
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "column `population`: every group of the dispensings needs its population in every year; \
         found no population in group kommun=2309, year=2024"
    );
    // A population smaller than the persons dispensed (the wrong table).
    let small = df!("year" => [2024i32], "age" => ["80+"], "population" => [2i64]).unwrap();
    let e = inappropriate("2024-01")
        .share(dispensings(), &small)
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "column `population`: the population aged 75+ must be at least the persons dispensed; \
         found 3 persons dispensed of a population of 2 in group period=2024-01"
    );
}

#[test]
fn a_monthly_series_of_two_years_rates_the_months_target() {
    // 200 persons of 80+ each year; 20 dispensed in each month of 2023,
    // 8 in April–September 2024 (significant at 95 %), 20 otherwise.
    let mut ids = Vec::new();
    let mut dates = Vec::new();
    for year in [2023, 2024] {
        for month in 1..=12u32 {
            let n = if year == 2024 && (4..=9).contains(&month) {
                8
            } else {
                20
            };
            for p in 0..n {
                ids.push(format!("p{p}"));
                dates.push(d(year, month, 10));
            }
        }
    }
    let records = df!(
        "person_id" => ids.clone(), "dispensed" => dates, "atc" => vec!["N05AH04"; ids.len()],
        "age" => vec![82; ids.len()],
    )
    .unwrap();
    let population =
        df!("year" => [2023i32, 2024], "age" => ["80+", "80+"], "population" => [200i64, 200])
            .unwrap();
    let mut drugs = DrugUse::new(
        DrugSet::named("antipsychotics").unwrap(),
        "2023–2024".parse().unwrap(),
    );
    drugs.as_of = Some(d(2025, 1, 31));
    let monthly = drugs.share(&records, &population).unwrap();
    assert_eq!(monthly.height(), 24);
    let target = Target::Months {
        at_least: 4,
        of: 6,
        direction: Direction::Decrease,
        from_month: Some(4),
    };
    let rated = assess_months(&monthly, &target).unwrap();
    assert_eq!(
        rated.assessment.rating,
        Some(Rating::Fulfilled),
        "{}",
        rated.assessment.rule
    );
    assert_eq!(texts(&rated.months, "direction"), ["lower"; 6]);
}
