//! Outside benchmarks (riket, other regions): from a file the analyst
//! downloaded from Kolada (its API's JSON, read by the one Kolada reader,
//! [`read_kolada_str`]) or a plain table (Parquet or CSV with `indicator`,
//! `period`, `area`, `value`, optional `source`), or several such files.
//!
//! Kolada's values for groups of municipalities are unweighted means of the
//! members; the report uses the riket row ("Riket", municipality `0000`) of
//! both sexes (`T`); the other areas are kept by their Kolada id.

use std::path::Path;

use polars::prelude::*;

use super::inputs::read_table;
use super::model::BenchmarkValue;
use crate::error::{Error, Result};
use crate::geography::KOLADA_RIKET;
use crate::input::IntoFrame;
use crate::io::read_kolada_str;
use crate::measure::{column_of, f64_values};
use crate::period::Period;

/// The area name of Sweden as a whole.
///
/// A Kolada answer's riket row (municipality `0000`) is read as this area:
///
/// ```
/// use indikator::{read_kolada_str, Benchmarks, RIKET};
///
/// let answer = r#"{"count": 1, "values": [{"kpi": "vg-besok-90",
///     "municipality": "0000", "period": 2024,
///     "values": [{"count": 1, "gender": "T", "status": "", "value": 58.0}]}]}"#;
/// let kolada = read_kolada_str(answer, "riket-kolada.json")?;
/// let benchmarks = Benchmarks::kolada(&kolada, "riket-kolada.json")?;
/// let riket = benchmarks.riket(&["vg-besok-90"], "2024", Some(2024)).unwrap();
/// assert_eq!(RIKET, "Riket");
/// assert_eq!((riket.area.as_str(), riket.value), (RIKET, 58.0));
/// # Ok::<(), indikator::Error>(())
/// ```
pub const RIKET: &str = "Riket";

/// Benchmark values by indicator (catalogue id or Kolada KPI), period and area.
///
/// From a plain table: the delår's own row is found by either form of its
/// label, and the whole year's stands in for a period without one.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::Benchmarks;
///
/// let table = df!(
///     "indicator" => ["vg-besok-90", "vg-besok-90"],
///     "period" => ["2024-delar", "2024"],
///     "area" => ["Riket", "Riket"],
///     "value" => [56.5, 58.0],
/// )?;
/// let benchmarks = Benchmarks::table(&table, "riket.csv")?;
/// let delar = benchmarks.riket(&["vg-besok-90"], "jan–aug 2024", Some(2024)).unwrap();
/// assert_eq!((delar.value, delar.period.as_str()), (56.5, "2024-delar"));
/// let t1 = benchmarks.riket(&["vg-besok-90"], "T1 2024", Some(2024)).unwrap();
/// assert_eq!(t1.value, 58.0);
/// assert!(benchmarks.riket(&["bup-utredning-30"], "2024", Some(2024)).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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

impl Benchmarks {
    /// Read a benchmark file: `.json` as Kolada's API format, else a table.
    ///
    /// # Errors
    /// [`Error::File`] when it cannot be read or parsed, [`Error::Format`]
    /// for a malformed Kolada file; a table without the columns
    /// `indicator`, `period`, `area`, `value`.
    ///
    /// Riket's values in a table saved as CSV:
    ///
    /// ```
    /// use indikator::{Benchmarks, Error};
    /// let dir = std::env::temp_dir().join("indikator-Benchmarks-read");
    /// std::fs::create_dir_all(&dir)?;
    /// let path = dir.join("riket.csv");
    /// std::fs::write(&path, "indicator,period,area,value\naterinskrivning-65,2024,Riket,17.0\n")?;
    /// let benchmarks = Benchmarks::read(&path)?;
    /// assert_eq!(benchmarks.source, "fil riket.csv");
    /// let riket = benchmarks.riket(&["aterinskrivning-65"], "2024", Some(2024)).unwrap();
    /// assert_eq!(riket.value, 17.0);
    /// assert!(matches!(Benchmarks::read(&dir.join("saknas.csv")), Err(Error::File { .. })));
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
            let text = std::str::from_utf8(&bytes)
                .map_err(|e| Error::file(path, format!("a Kolada file must be UTF-8 ({e})")))?;
            return Benchmarks::kolada(&read_kolada_str(text, &path.display().to_string())?, &name);
        }
        let frame = read_table(path, &bytes, "benchmarks")?;
        Benchmarks::table(&frame, &name)
    }

    /// Read several benchmark files; a period's label is looked for in
    /// each in the order given (see [`Benchmarks::riket`]).
    ///
    /// # Errors
    /// As [`Benchmarks::read`].
    ///
    /// Riket's year from Kolada and its jan–aug from a table, as the shipped
    /// catalogue reads them:
    ///
    /// ```
    /// use indikator::Benchmarks;
    /// let dir = std::env::temp_dir().join("indikator-Benchmarks-read_all");
    /// std::fs::create_dir_all(&dir)?;
    /// let kolada = r#"{"count": 1, "values": [{"kpi": "vg-besok-90", "municipality": "0000",
    ///     "period": 2024, "values": [{"count": 1, "gender": "T", "status": "", "value": 58.0}]}]}"#;
    /// std::fs::write(dir.join("riket-kolada.json"), kolada)?;
    /// std::fs::write(dir.join("riket.csv"), "indicator,period,area,value\nvg-besok-90,2024-delar,Riket,56.5\n")?;
    /// let benchmarks = Benchmarks::read_all(&[dir.join("riket-kolada.json"), dir.join("riket.csv")])?;
    /// assert_eq!(benchmarks.source, "Kolada (fil riket-kolada.json); fil riket.csv");
    /// let year = benchmarks.riket(&["vg-besok-90"], "2024", Some(2024)).unwrap();
    /// let delar = benchmarks.riket(&["vg-besok-90"], "jan–aug 2024", Some(2024)).unwrap();
    /// assert_eq!((year.value, delar.value), (58.0, 56.5));
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_all(paths: &[impl AsRef<Path>]) -> Result<Benchmarks> {
        let mut all = Benchmarks::default();
        let mut sources = Vec::new();
        for path in paths {
            let one = Benchmarks::read(path.as_ref())?;
            all.rows.extend(one.rows);
            sources.push(one.source);
        }
        all.source = sources.join("; ");
        Ok(all)
    }

    /// Benchmarks from a frame of [`read_kolada`](crate::read_kolada): the
    /// values of both sexes (`T`), riket (`0000`) as "Riket".
    ///
    /// # Errors
    /// A frame without Kolada's columns.
    ///
    /// Kolada's answer for riket by sex and for Östersund: riket's value of
    /// both sexes is the benchmark:
    ///
    /// ```
    /// use indikator::{read_kolada_str, Benchmarks};
    /// let answer = r#"{"count": 2, "values": [
    ///     {"kpi": "aterinskrivning-65", "municipality": "0000", "period": 2024, "values": [
    ///         {"count": 1, "gender": "K", "status": "", "value": 16.1},
    ///         {"count": 1, "gender": "M", "status": "", "value": 17.9},
    ///         {"count": 1, "gender": "T", "status": "", "value": 17.0}]},
    ///     {"kpi": "aterinskrivning-65", "municipality": "2380", "period": 2024, "values": [
    ///         {"count": 1, "gender": "T", "status": "", "value": 15.2}]}]}"#;
    /// let kolada = read_kolada_str(answer, "kolada.json")?;
    /// let benchmarks = Benchmarks::kolada(&kolada, "kolada.json")?;
    /// let riket = benchmarks.riket(&["aterinskrivning-65"], "2024", Some(2024)).unwrap();
    /// assert_eq!(riket.value, 17.0);
    /// assert_eq!(riket.source, "Kolada aterinskrivning-65, fil kolada.json");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn kolada(frame: impl IntoFrame, name: &str) -> Result<Benchmarks> {
        let frame = &frame.into_data_frame()?;
        let text = |c: &str| -> Result<Vec<Option<String>>> {
            let column = column_of(frame, c, "Kolada")?.cast(&DataType::String)?;
            Ok(column
                .str()?
                .iter()
                .map(|v| v.map(str::to_string))
                .collect())
        };
        let (kpi, municipality, period, gender) = (
            text("kpi")?,
            text("municipality")?,
            text("period")?,
            text("gender")?,
        );
        let values = f64_values(frame, "value")?;
        let mut rows = Vec::new();
        for i in 0..frame.height() {
            let (Some(kpi), Some(m), Some(period), Some(value)) = (
                kpi[i].clone(),
                municipality[i].as_deref(),
                period[i].clone(),
                values[i],
            ) else {
                continue;
            };
            if gender[i].as_deref() != Some("T") {
                continue;
            }
            rows.push(Row {
                source: format!("Kolada {kpi}, fil {name}"),
                indicator: kpi,
                period,
                area: if m == KOLADA_RIKET {
                    RIKET.to_string()
                } else {
                    m.to_string()
                },
                value,
            });
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
    ///
    /// A table with a source per row; a row without a value is no benchmark,
    /// and a table without `area` is refused:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Benchmarks;
    /// let table = df!(
    ///     "indicator" => ["fallskador-65", "fallskador-65"],
    ///     "period" => ["2023", "2024"],
    ///     "area" => ["Riket", "Riket"],
    ///     "value" => [Some(28.3), None],
    ///     "source" => ["Socialstyrelsen", "Socialstyrelsen"],
    /// )?;
    /// let benchmarks = Benchmarks::table(&table, "riket.csv")?;
    /// let before = benchmarks.riket(&["fallskador-65"], "2023", Some(2023)).unwrap();
    /// assert_eq!((before.value, before.source.as_str()), (28.3, "Socialstyrelsen (riket.csv)"));
    /// assert!(benchmarks.riket(&["fallskador-65"], "2024", Some(2024)).is_none());
    /// let no_area = Benchmarks::table(table.drop("area")?, "riket.csv").unwrap_err();
    /// assert!(no_area.to_string().contains("`area`"), "{no_area}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn table(frame: impl IntoFrame, name: &str) -> Result<Benchmarks> {
        let frame = &frame.into_data_frame()?;
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

    /// The riket value of an indicator for a period: the first row whose
    /// period is the period's label (Swedish or ISO form), else the first
    /// of the whole year.
    ///
    /// The delår asked for in either form; the year standing in for a tertial;
    /// no riket row for 2023, only Östersund's:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Benchmarks;
    /// let table = df!(
    ///     "indicator" => ["vg-behandling-90"; 3],
    ///     "period" => ["2024", "jan–aug 2024", "2023"],
    ///     "area" => ["Riket", "Riket", "2380"],
    ///     "value" => [60.0, 58.5, 59.0],
    /// )?;
    /// let benchmarks = Benchmarks::table(&table, "riket.csv")?;
    /// let ids = ["vg-behandling-90"];
    /// assert_eq!(benchmarks.riket(&ids, "2024-delar", Some(2024)).unwrap().value, 58.5);
    /// assert_eq!(benchmarks.riket(&ids, "T1 2024", Some(2024)).unwrap().period, "2024");
    /// assert!(benchmarks.riket(&ids, "2023", Some(2023)).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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

    fn kolada(text: &str) -> Result<Benchmarks> {
        Benchmarks::kolada(&read_kolada_str(text, "kolada.json")?, "kolada.json")
    }

    #[test]
    fn kolada_riket_is_the_0000_row_for_both_sexes() {
        let b = kolada(KOLADA).unwrap();
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
        let err = kolada("{\"rows\": []}").unwrap_err().to_string();
        assert!(err.contains("not a Kolada answer"), "{err}");
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
