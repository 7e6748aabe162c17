//! The months target on a monthly table ("signifikant minskning i minst 4
//! av 6 månader"): each month's test checked against scipy/statsmodels on
//! hand-worked cases, and the N-of-M rule with months missing, months not
//! significant, a series too short, named months not yet over, both
//! directions.

use indikator::{
    assess_months, assess_table, Count, Direction, MissingReason, Proportion, Rate, Rating, Target,
};
use polars::prelude::*;

use crate::common::texts;

fn months_target(at_least: u32, of: u32, direction: Direction) -> Target {
    Target::Months {
        at_least,
        of,
        direction,
        from_month: None,
    }
}

/// Months from January of `first` for as many values as given.
fn labels(first: i32, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("{}-{:02}", first + (i / 12) as i32, i % 12 + 1))
        .collect()
}

/// A monthly share table (percent) from counts of 10 000 each month.
fn shares(first: i32, x: &[i64]) -> DataFrame {
    let frame = df!(
        "period" => labels(first, x.len()),
        "x" => x,
        "n" => vec![10_000i64; x.len()],
    )
    .unwrap();
    Proportion::new("x", "n")
        .multiplier(100.0)
        .by(["period"])
        .compute(frame.lazy())
        .unwrap()
}

/// Twelve months of 10 %, then `now` out of 10 000 for each later month.
fn year_then(now: &[i64]) -> DataFrame {
    let mut x = vec![1_000i64; 12];
    x.extend_from_slice(now);
    shares(2023, &x)
}

fn f64s(frame: &DataFrame, name: &str) -> Vec<Option<f64>> {
    frame.column(name).unwrap().f64().unwrap().iter().collect()
}

fn close(got: Option<f64>, want: f64, what: &str) {
    let got = got.unwrap_or(f64::NAN);
    let tolerance = 1e-9 * want.abs().max(1.0);
    assert!((got - want).abs() <= tolerance, "{what}: {got} vs {want}");
}

/// One month against the same month a year earlier, tested.
fn one_month(statistic: &str, x1: f64, n1: Option<f64>, x2: f64, n2: Option<f64>) -> DataFrame {
    let table = df!(
        "period" => ["2023-03", "2024-03"],
        "numerator" => [x2, x1],
        "denominator" => [n2, n1],
        "value" => [1.0, 1.0],
        "statistic" => [statistic; 2],
        "confidence" => ["95%"; 2],
    )
    .unwrap();
    let rated = assess_months(&table, &months_target(1, 1, Direction::Decrease)).unwrap();
    rated.months
}

#[test]
fn the_test_of_two_proportions_is_newcombe_s_as_statsmodels_computes_it() {
    // statsmodels 0.15.0, confint_proportions_2indep(x1, n1, x2, n2,
    // method="newcomb", compare="diff", alpha=0.05): this month (x1/n1)
    // minus the same month a year earlier (x2/n2), in proportions.
    let cases = [
        (
            1100.0,
            12000.0,
            1250.0,
            11800.0,
            -0.02185570748515088,
            -0.006685236145556228,
        ),
        (
            1180.0,
            12000.0,
            1210.0,
            11900.0,
            -0.010959383732765032,
            0.004261244786355901,
        ),
        (
            3.0,
            40.0,
            9.0,
            42.0,
            -0.29250060698929825,
            0.018005912098883248,
        ),
        (
            0.0,
            25.0,
            4.0,
            30.0,
            -0.296813266820363,
            0.022159805850075237,
        ),
        (
            56.0,
            70.0,
            48.0,
            80.0,
            0.05243147240236498,
            0.33387265403690614,
        ),
    ];
    for (x1, n1, x2, n2, lo, hi) in cases {
        let months = one_month("percentage", x1, Some(n1), x2, Some(n2));
        let what = format!("{x1}/{n1} vs {x2}/{n2}");
        // Percentages: the limits are in percentage points.
        close(f64s(&months, "lower")[0], lo * 100.0, &what);
        close(f64s(&months, "upper")[0], hi * 100.0, &what);
        close(
            f64s(&months, "estimate")[0],
            (x1 / n1 - x2 / n2) * 100.0,
            &what,
        );
        let direction = texts(&months, "direction")[0].clone();
        let expected = if hi < 0.0 {
            "lower"
        } else if lo > 0.0 {
            "higher"
        } else {
            "similar"
        };
        assert_eq!(direction, expected, "{what}");
    }
}

#[test]
fn the_test_of_two_rates_is_the_exact_conditional_one_as_scipy_computes_it() {
    // scipy 1.17.1: binomtest(x1, x1 + x2, p = n1/(n1 + n2))
    // .proportion_ci(method="exact") (Clopper–Pearson), each limit π turned
    // into a rate ratio π/(1 − π) · n2/n1. statsmodels' test_poisson_2indep
    // (method="exact-cond") gives p = 0.0275, 0.701, 0.0158, 0.0357, 0.0987:
    // the same decisions at 5 %.
    let cases = [
        (
            30.0,
            10000.0,
            52.0,
            10500.0,
            0.37309998329872807,
            0.9674054073160713,
        ),
        (
            12.0,
            1000.0,
            15.0,
            1000.0,
            0.34191948281787277,
            1.8307423004262096,
        ),
        (0.0, 500.0, 7.0, 520.0, 0.0, 0.7215665393004458),
        (20.0, 1e4, 10.0, 1e4, 0.8935088903846911, 4.784552440338102),
    ];
    for (x1, n1, x2, n2, lo, hi) in cases {
        let months = one_month("rate per 100000", x1, Some(n1), x2, Some(n2));
        let what = format!("{x1}/{n1} vs {x2}/{n2}");
        close(f64s(&months, "lower")[0], lo, &what);
        close(f64s(&months, "upper")[0], hi, &what);
        let significant = months.column("significant").unwrap().bool().unwrap().get(0);
        assert_eq!(significant, Some(lo > 1.0 || hi < 1.0), "{what}");
    }
    // Counts (SIP, events) compare with equal exposure: 8 against 20.
    let months = one_month("count", 8.0, None, 20.0, None);
    close(f64s(&months, "lower")[0], 0.15238773523755078, "8 vs 20");
    close(f64s(&months, "upper")[0], 0.948058205046436, "8 vs 20");
    assert_eq!(texts(&months, "direction"), ["lower"]);
}

#[test]
fn four_of_six_months_from_a_table_of_two_years() {
    // 2024: Jan–Jun, the latest six: 9 % four times (significant), 9.9 % twice.
    let table = year_then(&[900, 990, 900, 900, 990, 900]);
    let rated = assess_months(&table, &months_target(4, 6, Direction::Decrease)).unwrap();
    assert_eq!(rated.assessment.rating, Some(Rating::Fulfilled));
    assert_eq!(
        rated.assessment.rule,
        "signifikant minskning mot samma månad föregående år i minst 4 av 6 månader — 4 av 6 \
         månader (jan 2024, mar 2024, apr 2024, jun 2024)"
    );
    let m = &rated.months;
    assert_eq!(texts(m, "period"), labels(2024, 6));
    assert_eq!(texts(m, "previous_period"), labels(2023, 6));
    assert_eq!(
        texts(m, "direction"),
        ["lower", "similar", "lower", "lower", "similar", "lower"]
    );
    // Three of six: partly; none: not fulfilled.
    let three = year_then(&[900, 990, 900, 990, 990, 900]);
    let a = assess_months(&three, &months_target(4, 6, Direction::Decrease)).unwrap();
    assert_eq!(a.assessment.rating, Some(Rating::Partly));
    let none = year_then(&[990; 6]);
    let a = assess_months(&none, &months_target(4, 6, Direction::Decrease)).unwrap();
    assert_eq!(a.assessment.rating, Some(Rating::NotFulfilled));
    assert!(
        a.assessment.rule.ends_with("— 0 av 6 månader"),
        "{}",
        a.assessment.rule
    );
}

#[test]
fn significant_increases_do_not_count_as_decreases_and_the_other_way() {
    let up = year_then(&[1_100; 6]);
    let down = assess_months(&up, &months_target(4, 6, Direction::Decrease)).unwrap();
    assert_eq!(down.assessment.rating, Some(Rating::NotFulfilled));
    assert_eq!(texts(&down.months, "direction"), ["higher"; 6]);
    let qualifies = |m: &DataFrame| -> Vec<Option<bool>> {
        m.column("qualifies")
            .unwrap()
            .bool()
            .unwrap()
            .iter()
            .collect()
    };
    // Significant, but the wrong way: no month counts towards a decrease.
    assert_eq!(qualifies(&down.months), [Some(false); 6]);
    let rise = assess_months(&up, &months_target(4, 6, Direction::Increase)).unwrap();
    assert_eq!(rise.assessment.rating, Some(Rating::Fulfilled));
    assert_eq!(qualifies(&rise.months), [Some(true); 6]);
}

#[test]
fn a_month_missing_or_masked_counts_as_not_significant_and_is_named() {
    let table = year_then(&[900; 6]);
    // No row for May 2024, and March 2024 masked by suppression.
    let mut kept = table
        .lazy()
        .filter(col("period").neq(lit("2024-05")))
        .collect()
        .unwrap();
    let flags: Vec<&str> = texts(&kept, "period")
        .iter()
        .map(|p| if p == "2024-03" { "primary" } else { "none" })
        .collect();
    kept.with_column(Column::new("suppressed".into(), flags))
        .unwrap();
    let rated = assess_months(&kept, &months_target(4, 6, Direction::Decrease)).unwrap();
    assert_eq!(rated.assessment.rating, Some(Rating::Fulfilled));
    assert_eq!(
        rated.assessment.rule,
        "signifikant minskning mot samma månad föregående år i minst 4 av 6 månader — 4 av 6 \
         månader (jan 2024, feb 2024, apr 2024, jun 2024); 2 månader utan jämförelse räknas som \
         ej signifikant: mar 2024, maj 2024"
    );
    let m = &rated.months;
    assert_eq!(
        texts(m, "direction"),
        [
            "lower",
            "lower",
            "not compared",
            "lower",
            "not compared",
            "lower"
        ]
    );
    assert_eq!(
        m.column("note").unwrap().str().unwrap().get(2),
        Some("this month: masked (too few cases)")
    );
    assert_eq!(
        m.column("note").unwrap().str().unwrap().get(4),
        Some("this month: no row")
    );
    // Two more missing: three left, partly.
    let fewer = kept
        .lazy()
        .filter(col("period").neq(lit("2023-06")))
        .collect()
        .unwrap();
    let a = assess_months(&fewer, &months_target(4, 6, Direction::Decrease)).unwrap();
    assert_eq!(a.assessment.rating, Some(Rating::Partly));
    assert_eq!(
        a.months.column("note").unwrap().str().unwrap().get(5),
        Some("the month a year earlier: no row")
    );
}

#[test]
fn a_series_too_short_is_not_measurable_and_says_why() {
    // From March 2023 only: the same month a year before January 2024 is missing.
    let table = year_then(&[900; 6])
        .lazy()
        .filter(col("period").gt_eq(lit("2023-03")))
        .collect()
        .unwrap();
    let rated = assess_months(&table, &months_target(4, 6, Direction::Decrease)).unwrap();
    assert_eq!(rated.assessment.rating, None);
    assert_eq!(rated.assessment.missing, Some(MissingReason::NotMeasurable));
    assert!(
        rated
            .assessment
            .rule
            .ends_with("— serien börjar mars 2023; 6 månader mot samma månad föregående år kräver månader från januari 2023"),
        "{}",
        rated.assessment.rule
    );
    // The months there are are still shown.
    assert_eq!(rated.months.height(), 6);
    // A single year has no previous months at all.
    let one_year = shares(2024, &[900; 6]);
    let a = assess_months(&one_year, &months_target(4, 6, Direction::Decrease)).unwrap();
    assert_eq!(a.assessment.missing, Some(MissingReason::NotMeasurable));
}

#[test]
fn named_months_are_rated_when_over_and_measured_at_year_end_before() {
    let april_to_september = Target::Months {
        at_least: 4,
        of: 6,
        direction: Direction::Decrease,
        from_month: Some(4),
    };
    // The whole of 2024: April–September are over, October–December ignored.
    let mut now = vec![1_000i64; 12];
    for (i, x) in [(3, 900), (4, 900), (6, 900), (8, 900), (10, 800)] {
        now[i] = x;
    }
    let year = year_then(&now);
    let rated = assess_months(&year, &april_to_september).unwrap();
    assert_eq!(texts(&rated.months, "period"), labels(2024, 9)[3..]);
    assert_eq!(rated.assessment.rating, Some(Rating::Fulfilled));
    assert!(
        rated.assessment.rule.starts_with(
            "signifikant minskning mot samma månad föregående år i minst 4 av 6 månader \
             (april–september) — 4 av 6 månader (apr 2024, maj 2024, jul 2024, sep 2024)"
        ),
        "{}",
        rated.assessment.rule
    );
    // The delår (January–August): September is not over yet.
    let delar = year_then(&now[..8]);
    let interim = assess_months(&delar, &april_to_september).unwrap();
    assert_eq!(interim.assessment.rating, None);
    assert_eq!(
        interim.assessment.missing,
        Some(MissingReason::MeasuredAtYearEnd)
    );
    assert!(
        interim.assessment.rule.ends_with(
            "— april–september 2024 är inte avslutade (serien slutar augusti 2024); hittills 3 \
             av 5 månader"
        ),
        "{}",
        interim.assessment.rule
    );
    assert_eq!(interim.months.height(), 5);
}

#[test]
fn counts_rates_and_month_end_snapshots_are_monthly_series_too() {
    let periods = labels(2023, 24);
    let x: Vec<i64> = (0..24).map(|i| if i < 12 { 60 } else { 30 }).collect();
    let frame = df!("period" => periods.clone(), "x" => x, "n" => vec![50_000i64; 24]).unwrap();
    let rates = Rate::new("x", "n")
        .by(["period"])
        .compute(frame.clone().lazy())
        .unwrap();
    let a = assess_months(&rates, &months_target(6, 6, Direction::Decrease)).unwrap();
    assert_eq!(a.assessment.rating, Some(Rating::Fulfilled));
    assert_eq!(texts(&a.months, "measure"), ["rate ratio"; 6]);
    let counts = Count::of("x").by(["period"]).compute(frame.lazy()).unwrap();
    let a = assess_months(&counts, &months_target(6, 6, Direction::Decrease)).unwrap();
    assert_eq!(a.assessment.rating, Some(Rating::Fulfilled));
    // Month ends as dates (the waiting measure's snapshots).
    let ends: Vec<chrono::NaiveDate> = periods
        .iter()
        .map(|p| {
            let first: chrono::NaiveDate = format!("{p}-01").parse().unwrap();
            first + chrono::Months::new(1) - chrono::Days::new(1)
        })
        .collect();
    let mut snapshots = year_then(&[900; 12]).drop("period").unwrap();
    snapshots
        .insert_column(0, Column::new("snapshot".into(), ends))
        .unwrap();
    let a = assess_months(&snapshots, &months_target(4, 6, Direction::Decrease)).unwrap();
    assert_eq!(a.assessment.rating, Some(Rating::Fulfilled));
    assert_eq!(texts(&a.months, "period"), labels(2024, 12)[6..]);
}

#[test]
fn assess_table_gives_the_months_with_the_series_rating() {
    let table = year_then(&[900, 990, 900, 900, 990, 900]);
    let rated = assess_table(&table, &months_target(4, 6, Direction::Decrease)).unwrap();
    assert_eq!(rated.height(), 6);
    assert_eq!(texts(&rated, "rating"), ["fulfilled"; 6]);
    assert_eq!(texts(&rated, "colour"), ["green"; 6]);
}

#[test]
fn tables_that_are_not_one_monthly_series_are_refused() {
    let t = months_target(4, 6, Direction::Decrease);
    let tertials = df!(
        "period" => ["T1 2024"], "numerator" => [1.0], "denominator" => [2.0],
        "value" => [50.0], "statistic" => ["percentage"],
    )
    .unwrap();
    assert_eq!(
        assess_months(&tertials, &t).unwrap_err().to_string(),
        "column `period`: a months target needs a monthly series (months such as \"2024-03\", or \
         month-end dates); compute the statistic with per = month; found \"T1 2024\" in row 0"
    );
    let two_groups = df!(
        "kommun" => ["Berg", "Åre"], "period" => ["2024-01", "2024-01"],
        "numerator" => [1.0, 2.0], "denominator" => [2.0, 4.0],
        "value" => [50.0, 50.0], "statistic" => ["percentage"; 2],
    )
    .unwrap();
    assert_eq!(
        assess_months(&two_groups, &t).unwrap_err().to_string(),
        "column `period`: a months target rates one series, one row per month (a table of \
         several groups: filter it to one group); found \"2024-01\" in rows 0 and 1"
    );
    let means = df!(
        "period" => ["2024-01"], "numerator" => [1.0], "value" => [50.0],
        "statistic" => ["mean"],
    )
    .unwrap();
    assert_eq!(
        assess_months(&means, &t).unwrap_err().to_string(),
        "column `statistic`: a months target tests shares, rates or counts: the table's \
         `statistic` must say which (a percentage, a proportion, a rate per …, or count); found \
         \"mean\""
    );
    let no_time = df!("numerator" => [1.0], "value" => [1.0]).unwrap();
    assert_eq!(
        assess_months(&no_time, &t).unwrap_err().to_string(),
        "argument `table`: a months target needs a time column of months (period, year, \
         snapshot, end); got none"
    );
    assert!(assess_months(&no_time, &Target::at_least(1.0)).is_err());
}

#[test]
fn months_targets_check_their_months() {
    let bad = |at_least, of, from_month| {
        Target::Months {
            at_least,
            of,
            direction: Direction::Decrease,
            from_month,
        }
        .validate()
        .unwrap_err()
        .to_string()
    };
    assert_eq!(
        bad(4, 13, None),
        "argument `of`: the months compared with the same month a year earlier are 1–12; got 13"
    );
    assert_eq!(
        bad(4, 6, Some(8)),
        "argument `from_month`: a calendar month 1–12 from which the 6 months end within the \
         year (at most 7); got 8"
    );
    assert_eq!(
        bad(1, 1, Some(0)),
        "argument `from_month`: a calendar month 1–12 from which the 1 months end within the \
         year (at most 12); got 0"
    );
}
