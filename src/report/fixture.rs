//! A small report for the writers' tests: two perspectives, a masked
//! kommun, a failed indicator, an indicator without a national value.

use polars::prelude::*;

use super::model::{BenchmarkValue, IndicatorResult, InputFile, Point, RatingResult, Report};
use crate::assess::{Perspective, Polarity, Rating};

/// A point with its 95 % limits.
pub(crate) fn point(label: &str, value: f64, lower: f64, upper: f64) -> Point {
    Point {
        label: label.into(),
        value: Some(value),
        lower: Some(lower),
        upper: Some(upper),
        status: "ok".into(),
        ..Default::default()
    }
}

/// A point masked by small-number suppression.
pub(crate) fn masked(label: &str) -> Point {
    Point {
        label: label.into(),
        value: None,
        status: "suppressed".into(),
        suppressed: true,
        ..Default::default()
    }
}

fn rating(rating: Option<Rating>, words: &str, rule: &str) -> RatingResult {
    RatingResult {
        rating,
        colour: rating.map_or("grey", Rating::colour).into(),
        words: words.into(),
        rule: rule.into(),
    }
}

fn waits() -> IndicatorResult {
    IndicatorResult {
        id: "vg-bup-30".into(),
        name_sv: "Väntetid BUP inom 30 dagar".into(),
        name_en: "CAMHS waits within 30 days".into(),
        perspective: Perspective::Patient,
        responsible: "Hälso- och sjukvårdsnämnden".into(),
        source: "Väntetidsdatabasen (SKR)".into(),
        unit: "%".into(),
        decimals: 1,
        polarity: Polarity::HighIsGood,
        target: Some("minst 90 %".into()),
        target_line: Some(90.0),
        current: Some(point("jan–aug 2024", 84.2, 80.1, 88.0)),
        previous: Some(point("jan–aug 2023", 81.0, 76.9, 85.1)),
        sex_difference: Some(super::SexDifference {
            measure: "kvinnor − män, procentenheter".into(),
            value: Some(-6.5),
            lower: Some(-12.25),
            upper: Some(-0.75),
            significant: Some(true),
            status: "ok".into(),
        }),
        riket: Some(BenchmarkValue {
            area: "Riket".into(),
            period: "2023".into(),
            value: 79.4,
            source: "Kolada U20466".into(),
        }),
        rating: Some(rating(
            Some(Rating::NotFulfilled),
            "ej uppfylld",
            "minst 90\u{a0}% — utfall 84,2\u{a0}%",
        )),
        trend: vec![
            point("jan–aug 2020", 78.0, 73.5, 82.5),
            point("jan–aug 2021", 80.5, 76.1, 84.9),
            Point {
                label: "jan–aug 2022".into(),
                status: "not_reported".into(),
                ..Default::default()
            },
            point("jan–aug 2023", 81.0, 76.9, 85.1),
            point("jan–aug 2024", 84.2, 80.1, 88.0),
        ],
        by_kommun: vec![
            point("Östersund", 86.0, 81.2, 89.8),
            point("Härjedalen", 72.5, 58.9, 83.0),
            point("Krokom", 91.3, 79.8, 96.6),
        ],
        error: None,
    }
}

fn suicide() -> IndicatorResult {
    IndicatorResult {
        id: "suicid".into(),
        name_sv: "Suicid per 100 000 invånare".into(),
        name_en: "Suicide per 100,000 inhabitants".into(),
        perspective: Perspective::Samhalle,
        responsible: "Regionstyrelsen".into(),
        source: "Dödsorsaksregistret <Socialstyrelsen> & egna beräkningar".into(),
        unit: "per 100 000".into(),
        decimals: 1,
        polarity: Polarity::LowIsGood,
        target: Some("ska minska".into()),
        target_line: None,
        current: Some(point("2019–2023", 17.3, 13.9, 21.3)),
        previous: Some(point("2018–2022", 18.1, 14.6, 22.2)),
        sex_difference: None,
        riket: None,
        rating: Some(rating(
            Some(Rating::Fulfilled),
            "uppfylld",
            "ska minska — från 18,1 till 17,3",
        )),
        trend: vec![
            point("2015–2019", 19.0, 15.4, 23.1),
            point("2016–2020", 18.6, 15.0, 22.7),
            point("2017–2021", 18.9, 15.3, 23.0),
            point("2018–2022", 18.1, 14.6, 22.2),
            point("2019–2023", 17.3, 13.9, 21.3),
        ],
        by_kommun: vec![
            point("Östersund", 15.2, 10.9, 20.6),
            point("Krokom", 19.8, 10.2, 34.6),
            masked("Bräcke"),
            point("Åre", 21.0, 11.2, 35.9),
            point("Strömsund", 16.4, 7.9, 30.2),
        ],
        error: None,
    }
}

fn vaccination() -> IndicatorResult {
    IndicatorResult {
        id: "vacc-mpr".into(),
        name_sv: "Vaccinationstäckning MPR".into(),
        name_en: "MMR vaccination coverage".into(),
        perspective: Perspective::Samhalle,
        responsible: "Smittskydd".into(),
        source: "Nationella vaccinationsregistret".into(),
        unit: "%".into(),
        decimals: 1,
        polarity: Polarity::HighIsGood,
        target: Some("minst 95 %".into()),
        target_line: Some(95.0),
        current: None,
        previous: None,
        sex_difference: None,
        riket: None,
        rating: None,
        trend: Vec::new(),
        by_kommun: Vec::new(),
        error: Some(
            "column `vaccinated` (numerator) not found; the frame has: kommun, year".into(),
        ),
    }
}

/// The long table: strings, numbers with nulls, a flag and a date.
fn long() -> PolarsResult<DataFrame> {
    let mut frame = df!(
        "indicator" => ["vg-bup-30", "suicid", "suicid"],
        "group" => ["Region", "Östersund", "Bräcke"],
        "value" => [Some(84.2), Some(15.2), None],
        "numerator" => [Some(421i64), Some(9), None],
        "suppressed" => [false, false, true],
    )?;
    let dates =
        Column::new("extracted".into(), [19_967i32, 19_967, 19_967]).cast(&DataType::Date)?;
    frame.with_column(dates)?;
    Ok(frame)
}

/// The test report: Patient and Samhälle, a masked kommun (Bräcke), a
/// failed indicator (MPR) and an indicator without a national value.
pub(crate) fn sample_report() -> Report {
    Report {
        title: "Hälsa och vård i Jämtland Härjedalen".into(),
        region: "Region Jämtland Härjedalen".into(),
        catalog: "region-jh 2024.1".into(),
        period: "jan–aug 2024".into(),
        previous_period: "jan–aug 2023".into(),
        synthetic: true,
        library_version: "0.1.0".into(),
        indicators: vec![waits(), suicide(), vaccination()],
        inputs: vec![
            InputFile {
                table: "waits".into(),
                file: "waits.parquet".into(),
                sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
                rows: 12_345,
            },
            InputFile {
                table: "deaths".into(),
                file: "deaths.csv".into(),
                sha256: "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752".into(),
                rows: 987,
            },
        ],
        benchmark_source: "Kolada, hämtad fil riket.json".into(),
        long: long().unwrap_or_default(),
    }
}
