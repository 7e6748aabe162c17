//! Each bad input gives a typed error whose message names the column or
//! argument, the rule, and the value seen. Messages are asserted word for word.

use indikator::{
    Confidence, Count, Dsr, Isr, Mean, Pool, Proportion, Rate, Reference, StandardPopulation,
    Statistic,
};
use polars::prelude::*;

fn rates() -> DataFrame {
    df!("area" => ["A", "B"], "x" => [5i64, 12], "n" => [100i64, 200]).unwrap()
}

fn err<S: Statistic>(stat: S, data: DataFrame) -> String {
    stat.compute(data.lazy()).unwrap_err().to_string()
}

#[test]
fn negative_numerator() {
    let data = df!("area" => ["A", "B"], "x" => [5i64, -3], "n" => [100i64, 200]).unwrap();
    assert_eq!(
        err(Rate::new("x", "n").by(["area"]), data),
        "column `x`: numerator values must be >= 0; found -3 in group area=B"
    );
}

#[test]
fn negative_denominator() {
    let data = df!("x" => [5i64], "n" => [-100i64]).unwrap();
    assert_eq!(
        err(Rate::new("x", "n"), data),
        "column `n`: denominator values must be >= 0; found -100"
    );
}

#[test]
fn zero_denominator() {
    let data = df!("area" => ["A"], "x" => [0i64], "n" => [0i64]).unwrap();
    assert_eq!(
        err(Rate::new("x", "n").by(["area"]), data),
        "column `n`: denominators must be > 0 (summed over the group); found 0 in group area=A"
    );
}

#[test]
fn zero_denominator_for_a_proportion() {
    let data = df!("x" => [0i64], "n" => [0i64]).unwrap();
    assert_eq!(
        err(Proportion::new("x", "n"), data),
        "column `n`: denominators must be > 0 (summed over the group); found 0"
    );
}

#[test]
fn numerator_above_denominator_for_a_proportion() {
    let data = df!("unit" => ["BUP"], "x" => [101i64], "n" => [100i64]).unwrap();
    assert_eq!(
        err(Proportion::new("x", "n").by(["unit"]), data),
        "column `x`: numerators must be <= denominators for a proportion; found 101 > 100 in group unit=BUP"
    );
}

#[test]
fn confidence_outside_the_allowed_set() {
    assert_eq!(
        Confidence::from_level(0.9).unwrap_err().to_string(),
        "argument `confidence`: confidence must be 0.95, 0.998 or both (also written 95, 99.8, \"95%\", \"99.8%\", \"both\"); got 0.9"
    );
    assert_eq!(
        Confidence::from_levels(&[0.95, 0.99]).unwrap_err().to_string(),
        "argument `confidence`: confidence must be 0.95, 0.998 or both (also written 95, 99.8, \"95%\", \"99.8%\", \"both\"); got 0.99"
    );
}

#[test]
fn missing_numerator_column() {
    assert_eq!(
        err(Rate::new("deaths", "n"), rates()),
        "column `deaths` (numerator) not found; the frame has: area, x, n"
    );
}

#[test]
fn missing_group_column() {
    assert_eq!(
        err(Rate::new("x", "n").by(["kommun"]), rates()),
        "column `kommun` (group) not found; the frame has: area, x, n"
    );
}

#[test]
fn text_numerator() {
    let data = df!("x" => ["5"], "n" => [100i64]).unwrap();
    assert_eq!(
        err(Rate::new("x", "n"), data),
        "column `x` (numerator) must be numeric (integer or float), found dtype str"
    );
}

#[test]
fn float_group_column() {
    let data = df!("g" => [1.5], "x" => [5i64], "n" => [100i64]).unwrap();
    assert_eq!(
        err(Rate::new("x", "n").by(["g"]), data),
        "column `g` (group) must be a string, integer, boolean, date or categorical column, found dtype f64"
    );
}

#[test]
fn null_group_key() {
    let data = df!("g" => [Some("A"), None], "x" => [5i64, 1], "n" => [100i64, 100]).unwrap();
    assert_eq!(err(Rate::new("x", "n").by(["g"]), data), "column `g`: grouping columns must not contain missing values (fill or drop them first); found 1 missing");
}

#[test]
fn nan_value() {
    let data = df!("x" => [f64::NAN], "n" => [100.0]).unwrap();
    assert_eq!(
        err(Rate::new("x", "n"), data),
        "column `x`: values must be finite numbers; found NaN or infinity"
    );
}

#[test]
fn empty_frame() {
    let data = df!("x" => Vec::<i64>::new(), "n" => Vec::<i64>::new()).unwrap();
    assert_eq!(
        err(Rate::new("x", "n").by(Vec::<String>::new()), data.clone()),
        "argument `data`: the frame must have at least one row; got 0 rows"
    );
    let keyed =
        df!("g" => Vec::<String>::new(), "x" => Vec::<i64>::new(), "n" => Vec::<i64>::new())
            .unwrap();
    assert_eq!(
        err(Rate::new("x", "n").by(["g"]), keyed),
        "argument `data`: the frame must have at least one row; got 0 rows"
    );
}

#[test]
fn non_positive_multiplier() {
    assert_eq!(
        err(Rate::new("x", "n").multiplier(-1.0), rates()),
        "argument `multiplier`: multiplier must be a positive finite number; got -1"
    );
}

#[test]
fn proportion_multiplier_other_than_1_or_100() {
    assert_eq!(
        err(Proportion::new("x", "n").multiplier(1000.0), rates()),
        "argument `multiplier`: multiplier must be 1 (proportion) or 100 (percentage); got 1000"
    );
}

#[test]
fn same_column_twice() {
    assert_eq!(
        err(Rate::new("x", "x"), rates()),
        "argument `by`: a column can be used only once (as a group, numerator, denominator or age band); got `x`"
    );
}

#[test]
fn unknown_standard_population() {
    assert_eq!(
        StandardPopulation::by_name("sweden")
            .unwrap_err()
            .to_string(),
        "argument `standard`: unknown standard population; known: esp2013, esp1976; got \"sweden\""
    );
}

fn two_bands() -> StandardPopulation {
    StandardPopulation::new("two", vec![("0-64".into(), 80.0), ("65+".into(), 20.0)]).unwrap()
}

#[test]
fn duplicate_band_in_standard_population() {
    let err = StandardPopulation::new("dup", vec![("0-64".into(), 80.0), ("0-64".into(), 20.0)])
        .unwrap_err();
    assert_eq!(err.to_string(), "age bands in `age_band`: duplicated in the standard population: 0-64 (standard population dup)");
}

#[test]
fn band_missing_from_a_group() {
    let data = df!("area" => ["A", "A", "B"], "age" => ["0-64", "65+", "0-64"], "x" => [10i64, 20, 30], "n" => [1000i64, 100, 1000]).unwrap();
    assert_eq!(
        err(Dsr::new("x", "n", "age", two_bands()).by(["area"]), data),
        "age bands in `age`: missing from the data but present in the standard population two: 65+ in group area=B"
    );
}

#[test]
fn band_unknown_to_the_standard() {
    let data =
        df!("age" => ["0-64", "65+", "65-69"], "x" => [10i64, 20, 1], "n" => [1000i64, 100, 10])
            .unwrap();
    assert_eq!(
        err(Dsr::new("x", "n", "age", two_bands()), data),
        "age bands in `age`: present in the data but not in the standard population two (whose bands are 0-64, 65+): 65-69"
    );
}

#[test]
fn missing_age_band_column() {
    let data = df!("x" => [10i64], "n" => [1000i64]).unwrap();
    assert_eq!(
        err(Dsr::new("x", "n", "age", two_bands()), data),
        "column `age` (age band) not found; the frame has: x, n"
    );
}

#[test]
fn reference_with_zero_population() {
    let err = Reference::new(vec![("0-64".into(), 1.0, 0.0)]).unwrap_err();
    assert_eq!(err.to_string(), "column `reference population`: reference populations must be finite and > 0; found 0 for band 0-64");
}

#[test]
fn observed_totals_missing_a_group() {
    let reference = Reference::new(vec![("all".into(), 10.0, 1000.0)]).unwrap();
    let data = df!("area" => ["A", "B"], "age" => ["all", "all"], "n" => [100i64, 100]).unwrap();
    let totals = df!("area" => ["A"], "obs" => [3i64]).unwrap();
    let stat = Isr::ratio("obs", "n", "age", reference)
        .observed_totals(totals)
        .by(["area"]);
    assert_eq!(
        err(stat, data),
        "column `obs`: every group needs an observed total; found none in group area=B"
    );
}

#[test]
fn pooling_over_a_group_column() {
    let data = df!("year" => [2021i64, 2022], "x" => [1i64, 2], "n" => [10i64, 10]).unwrap();
    assert_eq!(
        err(
            Rate::new("x", "n").by(["year"]).pool(Pool::sum("year")),
            data
        ),
        "argument `pool`: the pooled period column must not also be a `by` column; got `year`"
    );
}

#[test]
fn text_values_for_a_mean() {
    let data = df!("v" => ["high"]).unwrap();
    assert_eq!(
        err(Mean::new("v"), data),
        "column `v` (values) must be numeric (integer or float), found dtype str"
    );
}

#[test]
fn negative_counts_in_a_count_column() {
    let data = df!("plans" => [3i64, -1]).unwrap();
    assert_eq!(
        err(Count::of("plans"), data),
        "column `plans`: count values must be >= 0; found -1"
    );
}

#[test]
fn a_group_column_named_like_an_output_column() {
    let data = df!("status" => ["a"], "x" => [1i64], "n" => [10i64]).unwrap();
    let err = err(Rate::new("x", "n").by(["status"]), data);
    assert!(
        err.starts_with(
            "argument `by`: a grouping column must not be named like an output column ("
        ),
        "{err}"
    );
    assert!(err.ends_with("; got `status`"), "{err}");
}

#[test]
fn missing_periods_in_the_pooled_column() {
    let data = df!("year" => [Some(2021i64), None], "x" => [1i64, 2], "n" => [10i64, 10]).unwrap();
    assert_eq!(
        err(Rate::new("x", "n").pool(Pool::sum("year")), data),
        "column `year`: the period column to pool must not contain missing values; found 1 missing"
    );
}

#[test]
fn averaging_a_mean_over_periods() {
    let data = df!("year" => [2021i64, 2022], "v" => [1.0, 2.0]).unwrap();
    assert_eq!(
        err(Mean::new("v").pool(Pool::average("year")), data),
        "argument `pool_method`: a mean pools its values; averaging over periods applies to counts only; got average over `year`"
    );
}

#[test]
fn negative_observed_total_without_groups() {
    let reference = Reference::new(vec![("all".into(), 10.0, 1000.0)]).unwrap();
    let data = df!("age" => ["all"], "n" => [100i64]).unwrap();
    let totals = df!("obs" => [-3i64]).unwrap();
    let stat = Isr::ratio("obs", "n", "age", reference).observed_totals(totals);
    assert_eq!(
        err(stat, data),
        "column `obs`: observed totals must be finite and >= 0; found -3"
    );
}

#[test]
fn event_frequency_below_one() {
    let data =
        df!("age" => ["0-64", "65+"], "x" => [10i64, 20], "n" => [1000i64, 100], "f" => [1i64, 0])
            .unwrap();
    let stat = Dsr::new("x", "n", "age", two_bands()).events(indikator::Events::NonIndependent {
        frequency: "f".into(),
    });
    assert_eq!(
        err(stat, data),
        "column `f`: event frequencies must be whole numbers >= 1; found 0"
    );
}

#[test]
fn float_age_bands() {
    let data = df!("age" => [1.5], "x" => [10i64], "n" => [1000i64]).unwrap();
    assert_eq!(
        err(Dsr::new("x", "n", "age", two_bands()), data),
        "column `age` (age band) must be a string, integer, boolean, date or categorical column, found dtype f64"
    );
}
