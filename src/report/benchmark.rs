//! Outside benchmarks (riket, other regions): from a file the analyst
//! downloaded from Kolada (its JSON API format) or a plain table (Parquet or
//! CSV with `indicator`, `period`, `area`, `value`, optional `source`).
//!
//! Kolada's values for groups of municipalities are unweighted means of the
//! members; the report uses the riket row ("Riket", municipality `0000`).

use std::path::Path;

use polars::prelude::*;
use serde::Deserialize;

use super::inputs::read_frame;
use super::model::BenchmarkValue;
use crate::error::{Error, Result};
use crate::measure::{column_of, f64_values};
use crate::period::Period;

/// The area name of Sweden as a whole.
pub const RIKET: &str = "Riket";

/// Benchmark values by indicator (catalogue id or Kolada KPI), period and area.
#[derive(Debug, Clone, Default)]
pub struct Benchmarks {
    rows: Vec<Row>,
    /// Where they came from, in words.
    pub source: String,
}

#[derive(Debug, Clone)]
struct Row {
    indicator: String,
    period: String,
    area: String,
    value: f64,
    source: String,
}

#[derive(Deserialize)]
struct KoladaFile {
    values: Vec<KoladaEntry>,
}

#[derive(Deserialize)]
struct KoladaEntry {
    kpi: String,
    municipality: String,
    period: serde_json::Value,
    values: Vec<KoladaValue>,
}

#[derive(Deserialize)]
struct KoladaValue {
    gender: String,
    value: Option<f64>,
}

impl Benchmarks {
    /// Read a benchmark file: `.json` as Kolada's API format, else a table.
    ///
    /// # Errors
    /// [`Error::File`] when it cannot be read or parsed; a table without the
    /// columns `indicator`, `period`, `area`, `value`.
    pub fn read(path: &Path) -> Result<Benchmarks> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            return Benchmarks::kolada(&bytes, &name).map_err(|e| Error::file(path, e));
        }
        let frame = read_frame(path, bytes)?;
        Benchmarks::table(&frame, &name)
    }

    fn kolada(bytes: &[u8], name: &str) -> std::result::Result<Benchmarks, String> {
        let file: KoladaFile = serde_json::from_slice(bytes).map_err(|e| {
            format!("not a Kolada JSON file (kpi, municipality, period, values): {e}")
        })?;
        let mut rows = Vec::new();
        for entry in file.values {
            let period = match &entry.period {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let area = if entry.municipality == "0000" {
                RIKET.to_string()
            } else {
                entry.municipality.clone()
            };
            let total = entry.values.iter().find(|v| v.gender == "T");
            if let Some(value) = total.and_then(|v| v.value) {
                rows.push(Row {
                    indicator: entry.kpi.clone(),
                    period,
                    area,
                    value,
                    source: format!("Kolada {}, fil {name}", entry.kpi),
                });
            }
        }
        Ok(Benchmarks {
            rows,
            source: format!("Kolada (fil {name})"),
        })
    }

    /// Benchmarks from a table with `indicator`, `period`, `area`, `value`
    /// and optionally `source`.
    ///
    /// # Errors
    /// Missing columns or a non-numeric value column.
    pub fn table(frame: &DataFrame, name: &str) -> Result<Benchmarks> {
        let text = |c: &str| -> Result<Vec<Option<String>>> {
            let column = column_of(frame, c, "benchmark")?.cast(&DataType::String)?;
            Ok(column
                .str()?
                .iter()
                .map(|v| v.map(str::to_string))
                .collect())
        };
        let (indicators, periods, areas) = (text("indicator")?, text("period")?, text("area")?);
        let values = f64_values(frame, column_of(frame, "value", "benchmark")?.name())?;
        let sources = if frame.schema().contains("source") {
            text("source")?
        } else {
            vec![None; frame.height()]
        };
        let mut rows = Vec::with_capacity(frame.height());
        for i in 0..frame.height() {
            if let (Some(indicator), Some(period), Some(area), Some(value)) = (
                indicators[i].clone(),
                periods[i].clone(),
                areas[i].clone(),
                values[i],
            ) {
                let source = sources[i].clone().unwrap_or_else(|| format!("fil {name}"));
                rows.push(Row {
                    indicator,
                    period,
                    area,
                    value,
                    source: format!("{source} ({name})"),
                });
            }
        }
        Ok(Benchmarks {
            rows,
            source: format!("fil {name}"),
        })
    }

    /// The riket value of an indicator for a period: the row whose period is
    /// the period's label (Swedish or ISO form), else the whole year's.
    pub fn riket(&self, ids: &[&str], period: &str, year: Option<i32>) -> Option<BenchmarkValue> {
        let find = |label: &str| {
            self.rows.iter().find(|r| {
                r.area.eq_ignore_ascii_case(RIKET)
                    && ids.contains(&r.indicator.as_str())
                    && same_period(&r.period, label)
            })
        };
        let row = find(period).or_else(|| year.and_then(|y| find(&y.to_string())))?;
        Some(BenchmarkValue {
            area: RIKET.to_string(),
            period: row.period.clone(),
            value: row.value,
            source: row.source.clone(),
        })
    }
}

/// Labels of the same period, in either form ("jan–aug 2024" = "2024-delar").
fn same_period(a: &str, b: &str) -> bool {
    if a.trim() == b.trim() {
        return true;
    }
    match (a.parse::<Period>(), b.parse::<Period>()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of a Kolada API answer (v2 `data/kpi/{kpi}/year/{year}`):
    /// one entry per municipality and period, values per gender.
    const KOLADA: &str = r#"{"count": 2, "values": [
        {"kpi": "N00000", "municipality": "0000", "period": 2024,
         "values": [{"count": 1, "gender": "K", "status": "", "value": 71.0},
                    {"count": 1, "gender": "M", "status": "", "value": 69.0},
                    {"count": 1, "gender": "T", "status": "", "value": 70.2}]},
        {"kpi": "N00000", "municipality": "2380", "period": 2024,
         "values": [{"count": 1, "gender": "T", "status": "", "value": 55.5}]}
    ]}"#;

    #[test]
    fn kolada_riket_is_the_0000_row_for_both_sexes() {
        let b = Benchmarks::kolada(KOLADA.as_bytes(), "kolada.json").unwrap();
        let riket = b
            .riket(&["bup-utredning-30", "N00000"], "jan–aug 2024", Some(2024))
            .unwrap();
        assert_eq!(riket.value, 70.2);
        assert_eq!(riket.period, "2024");
        assert_eq!(riket.source, "Kolada N00000, fil kolada.json");
        assert!(b.riket(&["N00000"], "2023", Some(2023)).is_none());
    }

    #[test]
    fn a_file_that_is_not_kolada_json_is_refused_with_its_reason() {
        let err = Benchmarks::kolada(b"{\"rows\": []}", "x.json").unwrap_err();
        assert!(err.contains("not a Kolada JSON file"), "{err}");
    }

    #[test]
    fn a_plain_table_matches_either_period_form() {
        let frame = df!(
            "indicator" => ["vg-besok-90", "vg-besok-90"],
            "period" => ["2024-delar", "2024"],
            "area" => ["Riket", "Riket"],
            "value" => [57.0, 58.5],
        )
        .unwrap();
        let b = Benchmarks::table(&frame, "riket.csv").unwrap();
        let riket = b
            .riket(&["vg-besok-90"], "jan–aug 2024", Some(2024))
            .unwrap();
        assert_eq!((riket.value, riket.period.as_str()), (57.0, "2024-delar"));
        let year = b.riket(&["vg-besok-90"], "T1 2024", Some(2024)).unwrap();
        assert_eq!(year.value, 58.5, "falls back to the whole year");
        assert!(b.riket(&["vg-besok-90"], "2019–2023", None).is_none());
    }
}
