//! Suicide and other mortality from death records and population: cause
//! sets, age ranges at their boundaries, pooled and rolling windows, and
//! the region's published figures worked by hand.

use indikator::{CauseSet, Mortality, StandardPopulation};
use polars::prelude::*;

use crate::common::{floats, texts};

/// Deaths as (year, age, cause).
fn deaths(rows: &[(i32, i32, &str)]) -> DataFrame {
    df!(
        "year" => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        "age" => rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        "cause" => rows.iter().map(|r| r.2).collect::<Vec<_>>(),
    )
    .unwrap()
}

/// Population of ages 10–29 for the years, `per_age` people at each age.
fn population(years: std::ops::RangeInclusive<i32>, per_age: i64) -> DataFrame {
    let (mut y, mut a, mut n) = (Vec::new(), Vec::new(), Vec::new());
    for year in years {
        for age in 10..=29 {
            y.push(year);
            a.push(age);
            n.push(per_age);
        }
    }
    df!("year" => y, "age" => a, "population" => n).unwrap()
}

fn suicide() -> Mortality {
    Mortality::new(CauseSet::named("suicide").unwrap())
}

#[test]
fn suicide_ages_15_24_in_2016_is_6_90_per_100_000() {
    // 14 500 people aged 15–24 (1 450 per year of age), one suicide.
    let d = deaths(&[
        (2016, 19, "X70.9"), // counted: a sub-code of X60–X84
        (2016, 14, "X70"),   // too young
        (2016, 25, "X70"),   // too old
        (2016, 20, "Y20"),   // undetermined intent: only in the wide set
        (2016, 20, "X85"),   // assault
        (2016, 22, "V89.2"), // traffic
    ]);
    let out = suicide()
        .ages(15, Some(24))
        .rates(&d, population(2016..=2016, 1_450))
        .unwrap();
    assert_eq!(floats(&out, "numerator"), [Some(1.0)]);
    assert_eq!(floats(&out, "denominator"), [Some(14_500.0)]);
    let v = floats(&out, "value")[0].unwrap();
    assert_eq!(format!("{v:.2}"), "6.90");
    // Exact Poisson limits for one event: 0.0253 and 5.5716 events.
    let lo = floats(&out, "lower")[0].unwrap();
    assert!((lo - 0.025_317_8 / 14_500.0 * 1e5).abs() < 1e-3, "{lo}");
    let wide = Mortality::new(CauseSet::named("suicide_wide").unwrap())
        .ages(15, Some(24))
        .rates(&d, population(2016..=2016, 1_450))
        .unwrap();
    assert_eq!(floats(&wide, "numerator"), [Some(2.0)]);
}

#[test]
fn the_age_range_includes_both_boundary_ages() {
    let d = deaths(&[
        (2016, 15, "X60"),
        (2016, 24, "X84"),
        (2016, 14, "X60"),
        (2016, 25, "X84"),
    ]);
    let out = suicide()
        .ages(15, Some(24))
        .rates(&d, population(2016..=2016, 1_000))
        .unwrap();
    assert_eq!(floats(&out, "numerator"), [Some(2.0)]);
    let open = suicide()
        .ages(15, None)
        .rates(&d, population(2016..=2016, 1_000))
        .unwrap();
    assert_eq!(floats(&open, "numerator"), [Some(3.0)]);
    assert_eq!(floats(&open, "denominator"), [Some(15_000.0)]);
}

#[test]
fn a_five_year_window_gives_the_yearly_average_21_77_per_100_000() {
    // 16 suicides among 14 700 people aged 15–24 each year, 2011–2015.
    let rows: Vec<(i32, i32, &str)> = (0..16).map(|k| (2011 + k % 5, 16 + k % 8, "X70")).collect();
    let out = suicide()
        .ages(15, Some(24))
        .window(5, false)
        .rates(deaths(&rows), population(2011..=2015, 1_470))
        .unwrap();
    assert_eq!(texts(&out, "period"), ["2011–2015"]);
    assert_eq!(floats(&out, "denominator"), [Some(73_500.0)]);
    let v = floats(&out, "value")[0].unwrap();
    assert_eq!(format!("{v:.2}"), "21.77");
    assert_eq!(floats(&out, "years"), [Some(5.0)]);
    assert_eq!(floats(&out, "deaths_per_year"), [Some(3.2)]);
    let (lo, hi) = (
        floats(&out, "lower")[0].unwrap(),
        floats(&out, "upper")[0].unwrap(),
    );
    assert!(lo < v && v < hi);
}

#[test]
fn rolling_windows_are_labelled_with_their_span_and_years_without_deaths_count_as_zero() {
    let d = deaths(&[(2011, 20, "X60"), (2013, 20, "X60"), (2014, 20, "X60")]);
    let out = suicide()
        .window(3, true)
        .rates(&d, population(2011..=2014, 100))
        .unwrap();
    assert_eq!(texts(&out, "period"), ["2011–2013", "2012–2014"]);
    assert_eq!(floats(&out, "numerator"), [Some(2.0), Some(2.0)]);
    assert_eq!(floats(&out, "denominator"), [Some(6_000.0), Some(6_000.0)]);
    let yearly = suicide().rates(&d, population(2011..=2014, 100)).unwrap();
    assert_eq!(texts(&yearly, "period"), ["2011", "2012", "2013", "2014"]);
    assert_eq!(
        floats(&yearly, "numerator"),
        [Some(1.0), Some(0.0), Some(1.0), Some(1.0)]
    );
}

#[test]
fn age_standardised_rates_use_the_standard_bands_of_the_age_range() {
    // 15–19: 4 deaths of 7 000; 20–24: 8 of 8 000. ESP 2013 weights 5 500 and 6 000.
    let mut rows = vec![(2016, 17, "X70"); 4];
    rows.extend(vec![(2016, 22, "X70"); 8]);
    let pop = df!(
        "year" => [2016; 10],
        "age" => [15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
        "population" => [1_400, 1_400, 1_400, 1_400, 1_400, 1_600, 1_600, 1_600, 1_600, 1_600],
    )
    .unwrap();
    let out = suicide()
        .ages(15, Some(24))
        .standardised(StandardPopulation::by_name("esp2013").unwrap())
        .rates(deaths(&rows), &pop)
        .unwrap();
    let want = (4.0 / 7_000.0 * 5_500.0 + 8.0 / 8_000.0 * 6_000.0) / 11_500.0 * 1e5;
    assert!((floats(&out, "value")[0].unwrap() - want).abs() < 1e-9);
    assert_eq!(floats(&out, "numerator"), [Some(12.0)]);
    // An age range that cuts a standard band is an error naming it.
    let e = suicide()
        .ages(18, None)
        .standardised(StandardPopulation::by_name("esp2013").unwrap())
        .rates(deaths(&rows), &pop)
        .unwrap_err()
        .to_string();
    assert!(e.contains("15-19") && e.contains("18+"), "{e}");
}

#[test]
fn deaths_without_population_and_years_without_population_are_errors() {
    let d = deaths(&[(2016, 20, "X60"), (2017, 20, "X60")]);
    let e = suicide()
        .rates(&d, population(2016..=2016, 100))
        .unwrap_err()
        .to_string();
    assert!(e.contains("every year") && e.contains("2017"), "{e}");
    let mut later = suicide();
    later.years = Some((2016, 2016));
    assert!(later.rates(&d, population(2016..=2016, 100)).is_ok());
    let mut elsewhere = deaths(&[(2016, 20, "X60")]);
    elsewhere
        .with_column(Column::new("kommun".into(), ["Berg"]))
        .unwrap();
    let mut pop = population(2016..=2016, 100);
    let n = pop.height();
    pop.with_column(Column::new("kommun".into(), vec!["Åre"; n]))
        .unwrap();
    let e = suicide()
        .by(["kommun"])
        .rates(&elsewhere, &pop)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("needs its population") && e.contains("kommun=Berg, year=2016"),
        "{e}"
    );
}

#[test]
fn a_cause_that_is_not_an_icd_code_is_an_error_or_excluded() {
    let d = deaths(&[(2016, 20, "X60"), (2016, 20, "okänd")]);
    let e = suicide()
        .rates(&d, population(2016..=2016, 100))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("`cause`") && e.contains("\"okänd\"") && e.contains("row 1"),
        "{e}"
    );
    let mut lenient = suicide();
    lenient.common.invalid = indikator::InvalidRecords::Exclude;
    let out = lenient.rates(&d, population(2016..=2016, 100)).unwrap();
    assert_eq!(floats(&out, "numerator"), [Some(1.0)]);
    let q = lenient.quality(&d, population(2016..=2016, 100)).unwrap();
    assert!(texts(&q, "rule").iter().any(|r| r.contains("ICD-10")));
}

#[test]
fn every_group_needs_population_for_every_year_of_the_range() {
    let mut d = deaths(&[(2015, 20, "X60"), (2016, 20, "X60")]);
    d.with_column(Column::new("kommun".into(), ["Åre", "Berg"]))
        .unwrap();
    let pop = df!(
        "year" => [2015, 2016, 2016], "age" => [20, 20, 20], "population" => [100, 100, 100],
        "kommun" => ["Åre", "Åre", "Berg"],
    )
    .unwrap();
    let e = suicide()
        .by(["kommun"])
        .window(2, false)
        .rates(&d, &pop)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("no population for 2015") && e.contains("kommun=Berg"),
        "{e}"
    );
}
