//! The slope index of inequality and quantiles beyond the golden tables:
//! chained from a rate by decile, and bad inputs — each an error naming the
//! column, rule and value, or a missing value with its status.

use indikator::{Confidence, IndicatorType, Pool, Quantiles, Rate, Sii};
use polars::prelude::*;

use crate::common::{floats, texts};

fn deciles() -> DataFrame {
    df!(
        "area" => vec!["A"; 10],
        "decile" => (1..=10).collect::<Vec<i64>>(),
        "population" => [7291i64, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534],
        "value" => [75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3],
        "lower" => [72.7, 75.3, 80.9, 80.2, 77.1, 78.0, 79.0, 81.4, 75.8, 83.2],
        "upper" => [79.1, 81.4, 86.8, 87.1, 83.8, 84.2, 84.4, 86.9, 85.4, 89.4],
        "se" => [1.64, 1.58, 1.51, 1.78, 1.7, 1.56, 1.37, 1.4, 2.43, 1.57],
    )
    .unwrap()
}

fn sii() -> Sii {
    Sii::new("decile", "population")
        .by(["area"])
        .simulation(1_000, 1)
}

fn err(sii: Sii, data: DataFrame) -> String {
    sii.compute(data.lazy()).unwrap_err().to_string()
}

fn with(data: DataFrame, column: &str, row: usize, value: AnyValue) -> DataFrame {
    let mut values: Vec<AnyValue> = data
        .column(column)
        .unwrap()
        .as_materialized_series()
        .iter()
        .collect();
    values[row] = value;
    let dtype = data.column(column).unwrap().dtype().clone();
    let mut out = data.clone();
    let s = Series::from_any_values_and_dtype(column.into(), &values, &dtype, false).unwrap();
    out.with_column(s.into_column()).unwrap();
    out
}

#[test]
fn a_rate_by_decile_chains_into_its_sii() {
    let deaths = df!(
        "decile" => (1..=10).collect::<Vec<i64>>(),
        "deaths" => [95i64, 88, 80, 75, 70, 61, 58, 50, 44, 40],
        "population" => vec![10_000i64; 10],
    )
    .unwrap();
    let mut seen: Vec<(f64, f64)> = Vec::new();
    for confidence in [Confidence::P95, Confidence::Both, Confidence::P998] {
        let rates = Rate::new("deaths", "population")
            .by(["decile"])
            .confidence(confidence)
            .compute(deaths.clone().lazy())
            .unwrap();
        let out = Sii::new("decile", "denominator")
            .indicator_type(IndicatorType::Rate)
            .analytic()
            .compute(rates.lazy())
            .unwrap();
        let (value, lower, upper) = (
            floats(&out, "value")[0].unwrap(),
            floats(&out, "lower")[0].unwrap(),
            floats(&out, "upper")[0].unwrap(),
        );
        // About 55 fewer deaths per 100 000 from the most to the least deprived.
        assert!(value < -500.0 && value > -700.0, "{value}");
        assert!(lower < value && value < upper);
        seen.push((lower, upper));
    }
    // The limits read at the table's own level (`lower_95`, or `lower` at
    // its `confidence`): the same quantiles' errors whichever level it had.
    for (lower, upper) in &seen[1..] {
        assert!((lower / seen[0].0 - 1.0).abs() < 0.01, "{seen:?}");
        assert!((upper / seen[0].1 - 1.0).abs() < 0.01, "{seen:?}");
    }
}

#[test]
fn incomplete_groups_say_why() {
    let mut two = deciles();
    let mut b = deciles()
        .lazy()
        .with_column(lit("B").alias("area"))
        .collect()
        .unwrap();
    b = b.slice(0, 9);
    two.vstack_mut(&b).unwrap();
    let out = sii().compute(two.clone().lazy()).unwrap();
    assert_eq!(
        texts(&out, "status"),
        ["ok", "not every quantile has a value"]
    );
    assert_eq!(floats(&out, "value")[1], None);
    let gap = with(deciles(), "value", 4, AnyValue::Null);
    let out = sii().compute(gap.lazy()).unwrap();
    assert_eq!(texts(&out, "status"), ["not every quantile has a value"]);
}

#[test]
fn bad_quantile_tables_are_errors() {
    assert_eq!(
        err(sii(), deciles().slice(0, 3)),
        "column `decile`: the number of quantiles must be between 5 and 100; found 3"
    );
    assert_eq!(
        err(sii(), with(deciles(), "population", 1, AnyValue::Int64(-200))),
        "column `population`: quantile populations must be > 0; found -200 in group area=A, decile=2"
    );
    assert_eq!(
        err(
            sii().se("se"),
            with(deciles(), "se", 2, AnyValue::Float64(-5.0))
        ),
        "column `se`: standard errors must be >= 0; found -5 in group area=A, decile=3"
    );
    assert_eq!(
        err(sii().indicator_type(IndicatorType::Proportion), deciles()),
        "column `value`: proportions and their limits must be between 0 and 1 (proportions of 1; their logit is taken); found 75.9 in group area=A, decile=1"
    );
    assert_eq!(
        err(sii().indicator_type(IndicatorType::Rate), with(deciles(), "lower", 0, AnyValue::Float64(0.0))),
        "column `lower`: rates and their limits must be > 0 (their logarithm is taken); found 0 in group area=A, decile=1"
    );
    let mut twice = deciles();
    twice.vstack_mut(&deciles().slice(3, 1)).unwrap();
    assert_eq!(
        err(sii(), twice),
        "column `decile`: each group must have one row per quantile; found two rows in group area=A, decile=4"
    );
    assert_eq!(
        err(sii(), deciles().drop_many(["lower"])),
        "column `lower` (confidence limit or standard error) not found; the frame has: area, decile, population, value, upper, se"
    );
}

#[test]
fn bad_options_are_errors() {
    assert_eq!(
        err(sii().transform(true), deciles()),
        "argument `transform`: transform needs indicator_type rate or proportion; got normal"
    );
    assert_eq!(
        err(sii().indicator_type(IndicatorType::Rate).transform(true).se("se"), deciles()),
        "argument `se`: a transformed fit reads the limits, not standard errors (the reference's rule); got se given with transform"
    );
    assert_eq!(
        err(sii().simulation(999, 1), deciles()),
        "argument `repetitions`: the simulation needs at least 1000 repetitions; got 999"
    );
    assert_eq!(
        err(sii().multiplier(0.0), deciles()),
        "argument `multiplier`: multiplier must be a finite number other than 0; got 0"
    );
    assert_eq!(
        err(sii().pool(Pool::sum("year")), deciles()),
        "argument `pool`: an SII takes one row per quantile: pool the quantiles' counts before; got `year`"
    );
}

fn areas() -> DataFrame {
    df!(
        "region" => ["N", "N", "N", "S", "S"],
        "area" => ["a", "b", "c", "d", "e"],
        "rate" => [Some(12.0), Some(30.0), None, Some(18.0), Some(25.0)],
        "low_is_good" => [true, true, true, false, false],
    )
    .unwrap()
}

#[test]
fn more_quantiles_than_areas_says_so() {
    let out = Quantiles::new("rate", 3)
        .by(["region"])
        .compute(areas().lazy())
        .unwrap();
    let q = floats(&out, "quantile");
    assert_eq!(q, [None; 5]);
    assert_eq!(
        texts(&out, "quantile_status"),
        vec!["fewer values than quantiles"; 5]
    );
    let out = Quantiles::new("rate", 2)
        .by(["region"])
        .invert_by("low_is_good")
        .compute(areas().lazy())
        .unwrap();
    let q = floats(&out, "quantile");
    // North: high is put first; south: low first.
    assert_eq!(q, [Some(2.0), Some(1.0), None, Some(1.0), Some(2.0)]);
    assert_eq!(texts(&out, "quantile_status")[2], "value missing");
}

#[test]
fn bad_quantile_arguments_are_errors() {
    let e = |q: Quantiles, data: DataFrame| q.compute(data.lazy()).unwrap_err().to_string();
    assert_eq!(
        e(Quantiles::new("rate", 0), areas()),
        "argument `n`: the number of quantiles must be at least 1; got 0"
    );
    assert_eq!(
        e(Quantiles::new("rate", 2).invert_by("low_is_good"), areas()),
        "column `low_is_good`: the invert column must take one value in each group; found both true and false"
    );
    assert_eq!(
        e(Quantiles::new("rate", 2).invert_by("area"), areas()),
        "column `area` (invert) must be boolean (true: quantile 1 holds the highest values), found dtype str"
    );
    assert_eq!(
        e(Quantiles::new("value", 2), areas()),
        "column `value` (value) not found; the frame has: region, area, rate, low_is_good"
    );
    let taken = areas()
        .lazy()
        .with_column(lit(1).alias("quantile"))
        .collect()
        .unwrap();
    assert_eq!(
        e(Quantiles::new("rate", 2), taken),
        "argument `data`: the data must not have a column named like an output column; got `quantile`"
    );
}
