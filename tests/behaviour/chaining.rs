//! The chaining matrix in Rust (the Python side is tests/python/test_chaining.py):
//! every result of the statistics and the care families goes, as it comes,
//! into every function that takes a result — the comparison with a
//! benchmark and with the same period a year earlier, the rating of a
//! target, the trend and suppression. RELIABILITY.md counts the cells.

use indikator::{
    assess_table, compare_with_benchmark, compare_with_previous, trend, Benchmark, Count, Dsr, Isr,
    Mean, Polarity, Proportion, Rate, Reference, StandardPopulation, Suppression, Target, Trend,
    TIME_COLUMNS,
};
use polars::prelude::*;

use crate::common::texts;

fn units() -> DataFrame {
    df!(
        "kommun" => ["Berg", "Bräcke", "Åre", "Östersund"].repeat(3),
        "year" => [[2022i64; 4], [2023; 4], [2024; 4]].concat(),
        "x" => [30i64, 20, 45, 600, 33, 22, 41, 610, 28, 19, 50, 640],
        "n" => [50i64, 40, 60, 700].repeat(3),
    )
    .unwrap()
}

fn bands() -> DataFrame {
    let esp = StandardPopulation::by_name("esp2013").unwrap();
    let labels: Vec<String> = esp.bands().iter().map(|(l, _)| l.clone()).collect();
    let k = labels.len();
    df!(
        "kommun" => [vec!["Berg"; k], vec!["Åre"; k]].concat(),
        "age_band" => [labels.clone(), labels].concat(),
        "deaths" => (0..2 * k as i64).map(|i| i % 4).collect::<Vec<_>>(),
        "pop" => (0..2 * k as i64).map(|i| 1000 + 10 * (i % k as i64)).collect::<Vec<_>>(),
    )
    .unwrap()
}

/// Every result, with its group columns.
fn results() -> Vec<(String, DataFrame, Vec<String>)> {
    let by = || ["kommun", "year"];
    let mut out: Vec<(String, DataFrame, Vec<String>)> = vec![
        (
            "count".into(),
            Count::of("x").by(by()).compute(units().lazy()).unwrap(),
            vec!["kommun".into()],
        ),
        (
            "rate".into(),
            Rate::new("x", "n")
                .by(by())
                .compute(units().lazy())
                .unwrap(),
            vec!["kommun".into()],
        ),
        (
            "proportion".into(),
            Proportion::new("x", "n")
                .by(by())
                .compute(units().lazy())
                .unwrap(),
            vec!["kommun".into()],
        ),
        (
            "mean".into(),
            Mean::new("x")
                .by(["kommun"])
                .compute(units().lazy())
                .unwrap(),
            vec!["kommun".into()],
        ),
        (
            "dsr".into(),
            Dsr::new(
                "deaths",
                "pop",
                "age_band",
                StandardPopulation::by_name("esp2013").unwrap(),
            )
            .by(["kommun"])
            .compute(bands().lazy())
            .unwrap(),
            vec!["kommun".into()],
        ),
        (
            "isr".into(),
            Isr::rate(
                "deaths",
                "pop",
                "age_band",
                Reference::from_frame(bands().head(Some(19)), "age_band", "deaths", "pop").unwrap(),
            )
            .by(["kommun"])
            .compute(bands().lazy())
            .unwrap(),
            vec!["kommun".into()],
        ),
    ];
    for (name, frame) in crate::cross_language::cases() {
        let groups: Vec<String> = ["unit", "sex", "kommun", "age_group", "summary", "bin"]
            .iter()
            .filter(|g| frame.schema().contains(g))
            .map(|g| g.to_string())
            .collect();
        out.push((name.to_string(), frame, groups));
    }
    out
}

fn time_of(frame: &DataFrame) -> Option<&'static str> {
    TIME_COLUMNS
        .iter()
        .copied()
        .find(|c| frame.schema().contains(c))
}

#[test]
fn every_result_goes_into_every_function_that_takes_one() {
    let mut cells = 0;
    for (name, result, groups) in results() {
        for column in ["value", "status", "confidence", "statistic", "method"] {
            assert!(result.schema().contains(column), "{name} lacks `{column}`");
        }
        let time = time_of(&result);
        // Against a benchmark, at the table's own level.
        let bench =
            compare_with_benchmark(&result, &Benchmark::Value(50.0), Polarity::HighIsGood, None)
                .unwrap_or_else(|e| panic!("{name} → benchmark: {e}"));
        assert_eq!(bench.height(), result.height());
        // Against the same period a year earlier, in the table itself.
        let keys: Vec<String> = groups
            .iter()
            .filter(|g| Some(g.as_str()) != time)
            .cloned()
            .collect();
        if time.is_some() || !keys.is_empty() {
            let previous =
                compare_with_previous(&result, &result, &keys, None, Polarity::HighIsGood, None)
                    .unwrap_or_else(|e| panic!("{name} → previous: {e}"));
            let rated = assess_table(&previous, &Target::increase())
                .unwrap_or_else(|e| panic!("{name} → direction target: {e}"));
            assert!(rated.schema().contains("rating"));
            cells += 2;
        }
        // A threshold target.
        let rated = assess_table(&result, &Target::at_least(1.0))
            .unwrap_or_else(|e| panic!("{name} → target: {e}"));
        assert_eq!(texts(&rated, "colour").len(), result.height());
        // Suppression on the standard schema.
        let masked = Suppression::new()
            .apply(&result)
            .unwrap_or_else(|e| panic!("{name} → suppression: {e}"));
        assert_eq!(masked.height(), result.height());
        cells += 3;
        // A trend where a group has three points in time.
        if let Some(time) = time {
            let mut options = Trend::new(time);
            options.by = keys.clone();
            options.points = 3;
            let points = result
                .clone()
                .lazy()
                .group_by(if keys.is_empty() {
                    vec![lit(1)]
                } else {
                    keys.iter().map(|k| col(k.as_str())).collect()
                })
                .agg([len().alias("n")])
                .collect()
                .unwrap();
            if points
                .column("n")
                .unwrap()
                .u32()
                .unwrap()
                .min()
                .unwrap_or(0)
                >= 3
            {
                trend(&result, &options).unwrap_or_else(|e| panic!("{name} → trend: {e}"));
                cells += 1;
            }
        }
    }
    // RELIABILITY.md gives the count.
    assert_eq!(cells, 77, "{cells} cells");
}
