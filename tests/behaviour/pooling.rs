//! Pooling several years: sums by default, averages on request, labelled with the span.

use indikator::{Pool, Rate};
use polars::prelude::*;

fn deaths() -> DataFrame {
    df!(
        "kommun" => ["2380", "2380", "2380", "2309", "2309", "2309"],
        "year" => [2021i64, 2022, 2023, 2021, 2022, 2023],
        "x" => [9i64, 7, 11, 2, 3, 1],
        "n" => [64_000i64, 64_500, 65_000, 19_000, 19_100, 19_200],
    )
    .unwrap()
}

fn col_f64(df: &DataFrame, name: &str) -> Vec<f64> {
    df.column(name)
        .unwrap()
        .f64()
        .unwrap()
        .iter()
        .map(|v| v.unwrap())
        .collect()
}

#[test]
fn pooled_sum_labels_the_span_and_sums_the_years() {
    let out = Rate::new("x", "n")
        .by(["kommun"])
        .pool(Pool::sum("year"))
        .compute(deaths().lazy())
        .unwrap();
    let years: Vec<&str> = out
        .column("year")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|s| s.unwrap())
        .collect();
    assert_eq!(years, ["2021–2023", "2021–2023"]);
    assert_eq!(col_f64(&out, "numerator"), [6.0, 27.0]);
    let periods: Vec<u32> = out
        .column("periods")
        .unwrap()
        .u32()
        .unwrap()
        .iter()
        .map(|v| v.unwrap())
        .collect();
    assert_eq!(periods, [3, 3]);
}

#[test]
fn averaging_keeps_the_value_and_widens_the_interval() {
    let sum = Rate::new("x", "n")
        .by(["kommun"])
        .pool(Pool::sum("year"))
        .compute(deaths().lazy())
        .unwrap();
    let avg = Rate::new("x", "n")
        .by(["kommun"])
        .pool(Pool::average("year"))
        .compute(deaths().lazy())
        .unwrap();
    for (a, b) in col_f64(&sum, "value").iter().zip(col_f64(&avg, "value")) {
        assert!((a - b).abs() < 1e-9 * a.abs());
    }
    for (row, (s, a)) in col_f64(&sum, "upper")
        .iter()
        .zip(col_f64(&avg, "upper"))
        .enumerate()
    {
        assert!(
            a > *s,
            "row {row}: averaged upper {a} should exceed pooled upper {s}"
        );
    }
    assert_eq!(col_f64(&avg, "numerator"), [2.0, 9.0]);
}

#[test]
fn gaps_in_the_years_are_listed() {
    let data = df!("year" => [2019i64, 2021], "x" => [1i64, 2], "n" => [10i64, 10]).unwrap();
    let out = Rate::new("x", "n")
        .pool(Pool::sum("year"))
        .compute(data.lazy())
        .unwrap();
    assert_eq!(
        out.column("year").unwrap().str().unwrap().get(0),
        Some("2019, 2021")
    );
}

#[test]
fn a_pooled_dsr_labels_each_group_once_even_when_a_band_lacks_a_year() {
    use indikator::{Dsr, StandardPopulation};
    let std =
        StandardPopulation::new("two", vec![("0-64".into(), 80.0), ("65+".into(), 20.0)]).unwrap();
    let data = df!(
        "year" => [2021i64, 2021, 2022],
        "age" => ["0-64", "65+", "0-64"],
        "x" => [10i64, 20, 12],
        "n" => [1000i64, 100, 1000],
    )
    .unwrap();
    let out = Dsr::new("x", "n", "age", std)
        .multiplier(1.0)
        .pool(Pool::sum("year"))
        .compute(data.lazy())
        .unwrap();
    assert_eq!(out.height(), 1);
    assert_eq!(
        out.column("year").unwrap().str().unwrap().get(0),
        Some("2021–2022")
    );
    // (22/2000 · 80 + 20/100 · 20) / 100
    let want = (22.0 / 2000.0 * 80.0 + 20.0 / 100.0 * 20.0) / 100.0;
    assert!((col_f64(&out, "value")[0] - want).abs() < 1e-12);
}

#[test]
fn averaged_row_counts_are_per_period() {
    use indikator::Count;
    let data = df!("year" => [2021i64, 2021, 2022, 2022]).unwrap();
    let out = Count::rows()
        .pool(Pool::average("year"))
        .compute(data.lazy())
        .unwrap();
    assert_eq!(col_f64(&out, "value"), [2.0]);
}
