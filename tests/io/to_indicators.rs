//! From the files to the indicators: SCB's population into a suicide rate
//! by kommun, Kolada's riket beside it.

use indikator::{
    areas, compare_with_benchmark, harmonise, read_jsonstat, read_kolada, read_px, Benchmark,
    CauseSet, Mortality, Polarity, PxOptions, Rate,
};
use polars::prelude::*;

use super::{data, texts};

fn population() -> DataFrame {
    let read = read_px(data("folkmangd.px"), &PxOptions::default()).unwrap();
    harmonise(&read.frame, "population").unwrap()
}

#[test]
fn the_population_comes_out_in_the_librarys_columns() {
    let p = population();
    assert_eq!(
        p.get_column_names(),
        [
            "year",
            "kommun",
            "kommun_name",
            "level",
            "sex",
            "age",
            "open",
            "population",
            "status"
        ]
    );
    assert_eq!(
        p.height(),
        2 * 101 * 2 * 2,
        "the totals of age are left out"
    );
    assert_eq!(p.column("year").unwrap().dtype(), &DataType::Int32);
    assert_eq!(texts(&p, "kommun")[0], "2380");
    assert_eq!(texts(&p, "kommun_name")[0], "Östersund");
    assert_eq!(texts(&p, "sex")[..4], ["M", "M", "K", "K"]);
    let open = p.column("open").unwrap().bool().unwrap();
    let age = p.column("age").unwrap().i32().unwrap();
    for i in 0..p.height() {
        assert_eq!(open.get(i), Some(age.get(i) == Some(100)));
    }
    // The JSON-stat answer of the same table comes out the same.
    let json = read_jsonstat(data("folkmangd.json")).unwrap();
    let from_json = harmonise(&json.frame, "population").unwrap();
    let order = ["year", "kommun", "sex", "age", "population"];
    let sorted = |f: &DataFrame| {
        f.select(order)
            .unwrap()
            .sort(order, Default::default())
            .unwrap()
    };
    assert!(sorted(&from_json).equals_missing(&sorted(&p)));
}

#[test]
fn a_suicide_rate_by_kommun_against_riket_from_kolada() {
    let deaths = df!(
        "kommun" => ["2380", "2380", "2380", "2309", "2380"],
        "year" => [2022, 2022, 2023, 2023, 2023],
        "age" => [34, 51, 19, 77, 8],
        "cause" => ["X70.0", "X80", "X70", "X61", "X70"],
    )
    .unwrap();
    let rates = Mortality::new(CauseSet::named("suicide").unwrap())
        .ages(15, None)
        .by(["kommun"])
        .rates(&deaths, population())
        .unwrap();
    let kolada = read_kolada([data("kolada-suicid.json")]).unwrap();
    let riket = kolada
        .lazy()
        .filter(
            col("municipality")
                .eq(lit("0000"))
                .and(col("gender").eq(lit("T"))),
        )
        .collect()
        .unwrap();
    let compared = compare_with_benchmark(
        &rates,
        &Benchmark::Table {
            table: riket,
            on: vec!["period".into()],
        },
        Polarity::LowIsGood,
        None,
    )
    .unwrap();
    let benchmark: Vec<Option<f64>> = compared
        .column("benchmark")
        .unwrap()
        .f64()
        .unwrap()
        .iter()
        .collect();
    let periods = texts(&compared, "period");
    for (p, b) in periods.iter().zip(&benchmark) {
        let expected = if p == "2022" { 14.6 } else { 14.2 };
        assert_eq!(*b, Some(expected), "{p}");
    }
    // One death in Östersund's 43 000 aged 15+ in 2023 lies below riket's 14.2.
    assert_eq!(
        texts(&compared, "vs_benchmark"),
        ["similar", "similar", "similar", "better"]
    );
}

#[test]
fn a_crude_rate_over_the_harmonised_population() {
    let p = population()
        .lazy()
        .filter(col("year").eq(lit(2023)))
        .group_by([col("kommun")])
        .agg([col("population").sum()])
        .with_column(lit(10i64).alias("events"))
        .sort(["kommun"], Default::default())
        .collect()
        .unwrap();
    let r = Rate::new("events", "population")
        .by(["kommun"])
        .compute(p.lazy())
        .unwrap();
    assert_eq!(texts(&r, "kommun"), ["2309", "2380"]);
}

#[test]
fn the_areas_are_the_regions_facts() {
    let a = areas();
    assert_eq!(texts(&a, "level")[..3], ["riket", "län", "kommun"]);
    assert_eq!(texts(&a, "name")[1], "Jämtlands län");
    assert_eq!(texts(&a, "kolada")[..2], ["0000", "0023"]);
}
