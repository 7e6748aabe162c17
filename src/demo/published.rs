//! The synthetic tables in the forms the region fetches real ones in: the
//! population as SCB's statistical database downloads it (a PC-Axis file
//! in the layout of table BE0101N1, windows-1252) and riket's yearly values
//! as Kolada's API answers them — labelled synthetic in both, and read back
//! by the report through the readers.

use std::collections::HashMap;

use polars::prelude::*;
use serde_json::json;

use super::dates::extraction_date;
use super::population::{FIRST, LAST};
use crate::error::Result;
use crate::geography::{KOLADA_RIKET, KOMMUNER};
use crate::io::px::{quoted, PxTable, PxVariable};
use crate::synthetic::SYNTHETIC_NOTE;

/// The oldest age of the population table (100 = "100+ år").
const TOP_AGE: i32 = 100;

fn strings<'a>(frame: &'a DataFrame, column: &str) -> Result<Vec<&'a str>> {
    Ok(frame
        .column(column)?
        .str()?
        .iter()
        .map(|v| v.unwrap_or(""))
        .collect())
}

fn ints(frame: &DataFrame, column: &str) -> Result<Vec<i64>> {
    let column = frame.column(column)?.cast(&DataType::Int64)?;
    Ok(column.i64()?.iter().map(|v| v.unwrap_or(0)).collect())
}

fn variable(
    name: &str,
    id: &str,
    values: Vec<String>,
    codes: Vec<String>,
    time: bool,
) -> PxVariable {
    PxVariable {
        name: name.into(),
        id: id.into(),
        values,
        codes,
        time,
    }
}

/// The `population` table (`year`, `kommun`, `sex`, `age`, `population`)
/// as a PC-Axis file: stub region, ålder, kön; heading år; codes as SCB's
/// ("2380", "100+", 1 = män, 2 = kvinnor).
///
/// # Errors
/// A frame without those columns.
pub(crate) fn population_px(population: &DataFrame) -> Result<Vec<u8>> {
    let (years, kommuner, sexes, ages, people) = (
        ints(population, "year")?,
        strings(population, "kommun")?,
        strings(population, "sex")?,
        ints(population, "age")?,
        ints(population, "population")?,
    );
    let mut count = HashMap::with_capacity(people.len());
    for i in 0..people.len() {
        count.insert((years[i], kommuner[i], sexes[i], ages[i]), people[i]);
    }
    let years: Vec<i64> = (i64::from(FIRST)..=i64::from(LAST)).collect();
    let mut cells = Vec::with_capacity(count.len());
    for k in &KOMMUNER {
        for age in 0..=i64::from(TOP_AGE) {
            for sex in ["M", "K"] {
                for year in &years {
                    cells.push(count.get(&(*year, k.code, sex, age)).map(|&n| n as f64));
                }
            }
        }
    }
    let age_codes: Vec<String> = (0..=TOP_AGE)
        .map(|a| {
            if a == TOP_AGE {
                format!("{a}+")
            } else {
                a.to_string()
            }
        })
        .collect();
    let stamp = format!("\"{} 08:00\"", extraction_date().format("%Y%m%d"));
    let table = PxTable {
        head: vec![
            ("CHARSET", "\"ANSI\"".into()),
            ("AXIS-VERSION", "\"2013\"".into()),
            ("CODEPAGE", "\"windows-1252\"".into()),
            ("LANGUAGE", "\"sv\"".into()),
            ("CREATION-DATE", stamp.clone()),
            ("DECIMALS", "0".into()),
            ("SHOWDECIMALS", "0".into()),
            ("MATRIX", "\"SYNTBEF\"".into()),
            ("SUBJECT-CODE", "\"BE\"".into()),
            ("SUBJECT-AREA", "\"Befolkning\"".into()),
            (
                "TITLE",
                quoted("Folkmängden efter region, ålder, kön och år (SYNTETISKA DATA)"),
            ),
            ("CONTENTS", "\"Folkmängd (syntetisk)\"".into()),
        ],
        stub: vec![
            variable(
                "region",
                "Region",
                KOMMUNER
                    .iter()
                    .map(|k| format!("{} {}", k.code, k.name))
                    .collect(),
                KOMMUNER.iter().map(|k| k.code.to_string()).collect(),
                false,
            ),
            variable(
                "ålder",
                "Alder",
                age_codes.iter().map(|a| format!("{a} år")).collect(),
                age_codes,
                false,
            ),
            variable(
                "kön",
                "Kon",
                vec!["män".into(), "kvinnor".into()],
                vec!["1".into(), "2".into()],
                false,
            ),
        ],
        heading: vec![variable(
            "år",
            "Tid",
            years.iter().map(i64::to_string).collect(),
            years.iter().map(i64::to_string).collect(),
            true,
        )],
        tail: vec![
            ("UNITS", "\"antal\"".into()),
            ("LAST-UPDATED", stamp),
            ("SOURCE", quoted("indikator (syntetiska data, inte SCB)")),
            ("NOTE", quoted(SYNTHETIC_NOTE)),
        ],
        cells,
        decimals: 0,
    };
    table.to_bytes(encoding_rs::WINDOWS_1252)
}

/// The yearly riket values of the `riket` table (`indicator`, `period`,
/// `value`) as a Kolada answer: municipality `0000`, gender `T`. Kolada's
/// `kpi` holds the catalogue's indicator id — these are no Kolada KPIs —
/// and periods other than whole years, which Kolada does not have, are
/// left to the table.
///
/// # Errors
/// A frame without those columns.
pub(crate) fn riket_kolada(riket: &DataFrame) -> Result<String> {
    let (indicators, periods) = (strings(riket, "indicator")?, strings(riket, "period")?);
    let values = riket.column("value")?.f64()?;
    let mut entries = Vec::new();
    for (i, (indicator, period)) in indicators.iter().zip(&periods).enumerate() {
        let Ok(year) = period.parse::<i32>() else {
            continue;
        };
        entries.push(json!({
            "kpi": indicator,
            "municipality": KOLADA_RIKET,
            "period": year,
            "values": [{"count": 1, "gender": "T", "status": "", "value": values.get(i)}],
        }));
    }
    let answer = json!({
        "count": entries.len(),
        "values": entries,
        "note": SYNTHETIC_NOTE,
    });
    Ok(serde_json::to_string_pretty(&answer)
        .map_err(|e| crate::Error::file("riket-kolada.json", e))?
        + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{harmonise, read_kolada_str, read_px_bytes};

    #[test]
    fn the_population_reads_back_through_the_px_reader() {
        let population = super::super::population::Population::generate(1, 0.01)
            .frame()
            .unwrap();
        let bytes = population_px(&population).unwrap();
        assert!(bytes.windows(4).any(|w| w == b"k\xf6n\""), "windows-1252");
        let read = read_px_bytes(&bytes, "population.px", &Default::default()).unwrap();
        assert!(read.meta.notes[0].starts_with("SYNTETISKA DATA"));
        let back = harmonise(&read.frame, "population").unwrap();
        let order = ["year", "kommun", "sex", "age", "population"];
        let sorted = |f: &DataFrame| {
            let f = f.select(order).unwrap();
            let f = f
                .lazy()
                .with_column(col("population").cast(DataType::Int64))
                .collect()
                .unwrap();
            f.sort(order, Default::default()).unwrap()
        };
        assert!(sorted(&back).equals_missing(&sorted(&population)));
    }

    #[test]
    fn riket_reads_back_through_the_kolada_reader() {
        let riket = super::super::riket::generate().unwrap();
        let text = riket_kolada(&riket).unwrap();
        let frame = read_kolada_str(&text, "riket-kolada.json").unwrap();
        assert_eq!(frame.height(), 10 * 7, "the yearly values of 2019–2025");
        assert!(frame
            .column("municipality_name")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .all(|n| n == Some("Riket")));
    }
}
