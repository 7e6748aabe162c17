//! Comparisons, trends and ratings over result tables.

use indikator::{
    assess_table, assess_units, compare_with_benchmark, compare_with_previous, period_expr, trend,
    Benchmark, Confidence, OutputType, Polarity, Proportion, Rating, Target, Trend,
};
use polars::prelude::*;

use crate::common::{floats, strings};

fn shares(within: [i64; 3], total: [i64; 3], confidence: Confidence) -> DataFrame {
    let data = df!(
        "kommun" => ["Berg", "Krokom", "Östersund"],
        "within" => within,
        "total" => total,
    )
    .unwrap();
    Proportion::new("within", "total")
        .percentage()
        .by(["kommun"])
        .confidence(confidence)
        .output(OutputType::Full)
        .compute(data.lazy())
        .unwrap()
}

#[test]
fn benchmark_comparison_gives_five_levels_with_both_confidences() {
    // 40/50 = 80 %, 95 % [66.9, 88.8], 99.8 % [60.6, 91.4].
    let t = shares([40, 40, 40], [50, 50, 50], Confidence::Both);
    let riket =
        df!("kommun" => ["Östersund", "Berg", "Krokom"], "value" => [62.0, 95.0, 90.0]).unwrap();
    let out = compare_with_benchmark(
        &t,
        &Benchmark::Table {
            table: riket,
            on: vec!["kommun".into()],
        },
        Polarity::HighIsGood,
        None,
    )
    .unwrap();
    assert_eq!(
        strings(&out, "vs_benchmark"),
        [
            Some("worse".into()),
            Some("worse".into()),
            Some("better".into())
        ]
    );
    let levels = floats(&out, "vs_benchmark_level");
    assert_eq!(levels, [Some(0.998), Some(0.95), Some(0.95)]);
    let same =
        compare_with_benchmark(&t, &Benchmark::Value(80.0), Polarity::HighIsGood, None).unwrap();
    assert_eq!(
        strings(&same, "vs_benchmark")[0].as_deref(),
        Some("similar")
    );
}

#[test]
fn benchmark_table_needs_one_row_per_group() {
    let t = shares([40, 40, 40], [50, 50, 50], Confidence::P95);
    let riket = df!("kommun" => ["Berg", "Berg"], "value" => [62.0, 95.0]).unwrap();
    let e = compare_with_benchmark(
        &t,
        &Benchmark::Table {
            table: riket,
            on: vec!["kommun".into()],
        },
        Polarity::HighIsGood,
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("one row per group") && e.contains("kommun=Berg"),
        "{e}"
    );
}

#[test]
fn single_limits_need_a_known_level() {
    let data = df!("x" => [4], "n" => [10]).unwrap();
    let t = Proportion::new("x", "n")
        .output(OutputType::Standard)
        .compute(data.lazy())
        .unwrap();
    let e = compare_with_benchmark(&t, &Benchmark::Value(0.5), Polarity::HighIsGood, None)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("confidence level of `lower`/`upper` is unknown"),
        "{e}"
    );
    assert!(
        compare_with_benchmark(&t, &Benchmark::Value(0.5), Polarity::HighIsGood, Some(0.95))
            .is_ok()
    );
}

#[test]
fn previous_period_overlap_means_no_change() {
    let now = shares([45, 30, 40], [50, 50, 50], Confidence::P95);
    let before = shares([30, 31, 40], [50, 50, 50], Confidence::P95);
    let out = compare_with_previous(
        &now,
        &before,
        &["kommun".to_string()],
        None,
        Polarity::HighIsGood,
        None,
    )
    .unwrap();
    // 90 % [78.6, 95.7] vs 60 % [46.2, 72.4]: better; 60 vs 62: similar; equal: similar.
    assert_eq!(
        strings(&out, "vs_previous"),
        [
            Some("better".into()),
            Some("similar".into()),
            Some("similar".into())
        ]
    );
    let prev = floats(&out, "previous_value");
    assert_eq!(prev, [Some(60.0), Some(62.0), Some(80.0)]);
}

#[test]
fn trend_reproduces_the_fingertips_case_in_a_table() {
    let series = df!(
        "year" => [2014, 2015, 2016, 2017, 2018, 2013],
        "value" => [24.67, 24.6, 28.0, 30.2, 30.6, 10.0],
        "lower" => [23.16, 23.15, 26.44, 28.63, 28.98, 1.0],
        "upper" => [26.25, 26.19, 29.64, 31.9, 32.25, 90.0],
    )
    .unwrap();
    let mut options = Trend::new("year");
    options.polarity = Polarity::LowIsGood;
    options.level = Some(0.95);
    let out = trend(&series, &options).unwrap();
    assert_eq!(strings(&out, "trend")[0].as_deref(), Some("increasing"));
    assert_eq!(strings(&out, "vs_trend")[0].as_deref(), Some("worse"));
    assert_eq!(strings(&out, "from")[0].as_deref(), Some("2014"));
    let chi = out
        .column("chi_square")
        .unwrap()
        .f64()
        .unwrap()
        .get(0)
        .unwrap();
    assert!((chi - 46.77).abs() < 0.005, "{chi}");
}

#[test]
fn trend_needs_five_points_per_group() {
    let series = df!(
        "kommun" => ["Berg", "Berg", "Åre", "Åre", "Åre", "Åre", "Åre"],
        "year" => [2017, 2018, 2014, 2015, 2016, 2017, 2018],
        "value" => [1.0, 2.0, 10.0, 10.1, 9.9, 10.0, 10.05],
        "lower" => [0.5, 1.5, 9.0, 9.1, 8.9, 9.0, 9.05],
        "upper" => [1.5, 2.5, 11.0, 11.1, 10.9, 11.0, 11.05],
    )
    .unwrap();
    let mut options = Trend::new("year");
    options.by = vec!["kommun".into()];
    options.level = Some(0.95);
    let out = trend(&series, &options).unwrap();
    assert_eq!(
        strings(&out, "trend"),
        [None, Some("no significant change".into())]
    );
    assert_eq!(
        strings(&out, "status")[0].as_deref(),
        Some("fewer than 5 points with value and limits")
    );
    let dup = series.vstack(&series.head(Some(1))).unwrap();
    let e = trend(&dup, &options).unwrap_err().to_string();
    assert!(
        e.contains("one row per time") && e.contains("kommun=Berg"),
        "{e}"
    );
}

#[test]
fn rows_are_rated_and_missing_values_keep_their_reason() {
    let table = df!(
        "kommun" => ["Berg", "Krokom", "Åre"],
        "value" => [Some(92.0), Some(84.0), None],
        "status" => ["ok", "ok", "total count below 10"],
    )
    .unwrap();
    let out = assess_table(&table, &Target::at_least(90.0).unit("%")).unwrap();
    assert_eq!(
        strings(&out, "rating"),
        [Some("fulfilled".into()), Some("not fulfilled".into()), None]
    );
    assert_eq!(strings(&out, "colour")[2].as_deref(), Some("grey"));
    assert_eq!(
        strings(&out, "missing_reason")[2].as_deref(),
        Some("not_measurable")
    );
    assert_eq!(
        strings(&out, "rule")[1].as_deref(),
        Some("minst 90\u{a0}% — utfall 84\u{a0}%")
    );
}

#[test]
fn direction_target_reads_the_previous_period_columns() {
    let now = shares([45, 30, 40], [50, 50, 50], Confidence::P95);
    let before = shares([30, 31, 39], [50, 50, 50], Confidence::P95);
    let joined = compare_with_previous(
        &now,
        &before,
        &["kommun".to_string()],
        None,
        Polarity::HighIsGood,
        None,
    )
    .unwrap();
    let significant = Target::Direction {
        direction: indikator::Direction::Increase,
        equal_meets: false,
        significant: true,
    };
    let out = assess_table(&joined, &significant).unwrap();
    assert_eq!(
        strings(&out, "rating"),
        [
            Some("fulfilled".into()),
            Some("not fulfilled".into()),
            Some("partly".into())
        ]
    );
}

#[test]
fn every_kommun_from_a_table() {
    let table = df!("kommun" => ["Berg", "Krokom"], "value" => [Some(92.0), None::<f64>]).unwrap();
    let t = Target::EveryUnit {
        target: Box::new(Target::at_least(90.0)),
    };
    let a = assess_units(&table, "kommun", &t).unwrap();
    assert_eq!(a.rating, Some(Rating::Partly));
    assert!(a.rule.contains("Krokom saknas"), "{}", a.rule);
    let e = assess_table(&table, &t).unwrap_err().to_string();
    assert!(e.contains("assess_units"), "{e}");
}

#[test]
fn records_are_assigned_to_periods() {
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let visits =
        df!("date" => [Some(d(2017, 4, 30)), Some(d(2017, 5, 1)), Some(d(2017, 9, 1)), None])
            .unwrap();
    let run = |kind: &str, swedish: bool| {
        let out = visits
            .clone()
            .lazy()
            .select([period_expr(col("date"), kind.parse().unwrap(), swedish).alias("p")])
            .collect()
            .unwrap();
        strings(&out, "p")
    };
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        run("tertial", false),
        [s("2017-T1"), s("2017-T2"), s("2017-T3"), None]
    );
    assert_eq!(
        run("tertial", true),
        [s("T1 2017"), s("T2 2017"), s("T3 2017"), None]
    );
    assert_eq!(
        run("delår", true),
        [s("jan–aug 2017"), s("jan–aug 2017"), None, None]
    );
    assert_eq!(
        run("month", false),
        [s("2017-04"), s("2017-05"), s("2017-09"), None]
    );
    assert_eq!(
        run("halvår", false),
        [s("2017-H1"), s("2017-H1"), s("2017-H2"), None]
    );
    let e = "quarter"
        .parse::<indikator::PeriodKind>()
        .unwrap_err()
        .to_string();
    assert!(e.contains("tertial") && e.contains("\"quarter\""), "{e}");
    let bad = df!("date" => ["2017-01-01"])
        .unwrap()
        .lazy()
        .select([period_expr(col("date"), indikator::PeriodKind::Year, false)])
        .collect()
        .unwrap_err()
        .to_string();
    assert!(bad.contains("must be a date or datetime"), "{bad}");
}
