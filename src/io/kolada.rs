//! Kolada's values of KPIs for municipalities and regions, as its API
//! answers them (`/v2/data/kpi/{kpi}/year/{years}` and the v3 equivalent):
//! pages of `values`, each entry one KPI, municipality and year with a
//! value per gender. Saved as files — one page, the pages of one answer in
//! a JSON array, or several files — they become one frame.

use std::collections::HashSet;
use std::path::Path;

use polars::prelude::*;
use serde_json::Value;

use super::json::{shown, Doc, JsonPath};
use crate::error::{Error, Result};
use crate::geography::kolada_name;

/// The genders of Kolada: total, women (kvinnor), men.
///
/// The `gender` column of [`read_kolada`](crate::read_kolada) holds only
/// these; another is a format error:
///
/// ```
/// use indikator::{read_kolada_str, Error, KOLADA_GENDERS};
///
/// assert_eq!(KOLADA_GENDERS, ["T", "K", "M"]);
/// let entry = |gender: &str| {
///     format!(r#"[{{"kpi": "N00945", "municipality": "2321", "period": 2023,
///                  "values": [{{"gender": "{gender}", "status": "", "value": 10.2}}]}}]"#)
/// };
/// for gender in KOLADA_GENDERS {
///     let frame = read_kolada_str(&entry(gender), "are.json")?;
///     assert_eq!(frame.column("gender")?.str()?.get(0), Some(gender));
/// }
/// assert!(matches!(read_kolada_str(&entry("X"), "are.json"), Err(Error::Format { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const KOLADA_GENDERS: [&str; 3] = ["T", "K", "M"];

#[derive(Default)]
struct Rows {
    kpi: Vec<String>,
    municipality: Vec<String>,
    name: Vec<Option<&'static str>>,
    period: Vec<i32>,
    gender: Vec<String>,
    value: Vec<Option<f64>>,
    count: Vec<Option<i64>>,
    status: Vec<Option<String>>,
    seen: HashSet<(String, String, i32, String)>,
}

/// Read Kolada API answers saved as files into one frame: `kpi`,
/// `municipality` (Kolada's id: `0000` riket, `00LL` a region by its
/// county code, `KKKK` a kommun), `municipality_name` (from the region's
/// facts — riket, Jämtlands län and its kommuner; null for other areas),
/// `period` (the year, Int32: the time column `compare` matches), `gender`
/// (`T`, `K`, `M`), `value` (null where Kolada has none), `count` (for a
/// group of municipalities the members behind its unweighted mean) and
/// `status` (Kolada's status text, null when empty).
///
/// Each file holds one answer page (`{"values": [...], "next_page": ...}`),
/// the pages of an answer as a JSON array, or the entries alone.
///
/// ```
/// let page = r#"{"count": 1, "values": [{"kpi": "N00945", "municipality": "0000", "period": 2023,
///   "values": [{"count": 1, "gender": "T", "status": "", "value": 16.4}]}]}"#;
/// let frame = indikator::read_kolada_str(page, "riket.json")?;
/// assert_eq!(frame.column("municipality_name")?.str()?.get(0), Some("Riket"));
/// assert_eq!(frame.column("period")?.i32()?.get(0), Some(2023));
/// # Ok::<(), indikator::Error>(())
/// ```
///
/// # Errors
/// [`Error::File`] when a file cannot be read; [`Error::Format`] naming
/// the line and the key (`values[3].period`) of the first fault: not JSON,
/// an entry without `kpi`, `municipality`, `period` or `values`, a period
/// that is not a year, a gender other than T, K, M, a value that is not a
/// number, the same KPI, municipality, year and gender twice.
pub fn read_kolada<P: AsRef<Path>>(paths: impl IntoIterator<Item = P>) -> Result<DataFrame> {
    let mut pages = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        pages.push((path.display().to_string(), text));
    }
    read_kolada_pages(&pages)
}

/// [`read_kolada`] of one document's text; `name` names it in messages.
///
/// # Errors
/// As [`read_kolada`].
///
/// # Example
/// Östersund's values by gender (none for men) and the county's, with the
/// `count` of members Kolada gives for it:
///
/// ```
/// use indikator::read_kolada_str;
///
/// let page = r#"{"count": 2, "values": [
///   {"kpi": "N00945", "municipality": "2380", "period": 2023, "values": [
///     {"count": 1, "gender": "T", "status": "", "value": 12.1},
///     {"count": 1, "gender": "K", "status": "", "value": 11.4},
///     {"count": 1, "gender": "M", "status": "", "value": null}]},
///   {"kpi": "N00945", "municipality": "0023", "period": 2023, "values": [
///     {"count": 8, "gender": "T", "status": "", "value": 12.8}]}],
///   "next_page": null}"#;
/// let frame = read_kolada_str(page, "kolada.json")?;
/// assert_eq!(frame.height(), 4);
/// let names: Vec<_> = frame.column("municipality_name")?.str()?.iter().flatten().collect();
/// assert_eq!(names, ["Östersund", "Östersund", "Östersund", "Jämtlands län"]);
/// assert_eq!(frame.column("value")?.f64()?.get(2), None);
/// assert_eq!(frame.column("count")?.i64()?.get(3), Some(8));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_kolada_str(text: &str, name: &str) -> Result<DataFrame> {
    let mut rows = Rows::default();
    rows.read(text, name)?;
    rows.frame()
}

/// [`read_kolada`] of several documents: `(name, text)` each.
///
/// # Errors
/// As [`read_kolada`].
pub(crate) fn read_kolada_pages(pages: &[(String, String)]) -> Result<DataFrame> {
    let mut rows = Rows::default();
    for (name, text) in pages {
        rows.read(text, name)?;
    }
    rows.frame()
}

impl Rows {
    fn read(&mut self, text: &str, name: &str) -> Result<()> {
        let doc = Doc::parse(text, name, "Kolada")?;
        let top = JsonPath::default();
        match &doc.value {
            Value::Object(_) => self.page(&doc, &top),
            Value::Array(items) if items.iter().all(|p| p.get("kpi").is_some()) => {
                (0..items.len()).try_for_each(|i| self.entry(&doc, &top.index(i), &items[i]))
            }
            Value::Array(items) if items.iter().all(|p| p.get("values").is_some()) => {
                (0..items.len()).try_for_each(|i| self.page(&doc, &top.index(i)))
            }
            Value::Array(_) => Err(doc.error(
                &top,
                "not a Kolada answer: an array must hold answer pages or entries \
                 (objects with kpi, municipality, period, values)",
            )),
            other => Err(doc.error(
                &top,
                format!(
                    "a Kolada answer is an object with `values`; found {}",
                    shown(other)
                ),
            )),
        }
    }

    fn page(&mut self, doc: &Doc<'_>, path: &JsonPath) -> Result<()> {
        let page = get(&doc.value, path);
        let Some(Value::Array(entries)) = page.and_then(|p| p.get("values")) else {
            return Err(doc.error(
                path,
                "not a Kolada answer: no `values` array (kpi, municipality, period, values)",
            ));
        };
        for (i, entry) in entries.iter().enumerate() {
            self.entry(doc, &path.key("values").index(i), entry)?;
        }
        Ok(())
    }

    fn entry(&mut self, doc: &Doc<'_>, path: &JsonPath, entry: &Value) -> Result<()> {
        let text = |key: &str| -> Result<String> {
            match entry.get(key) {
                Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
                Some(other) => Err(doc.error(
                    &path.key(key),
                    format!("must be a text; found {}", shown(other)),
                )),
                None if key == "municipality" && entry.get("ou").is_some() => Err(doc.error(
                    &path.key("ou"),
                    "organisational-unit data (`ou`) is not read; ask for municipality data",
                )),
                None => Err(doc.error(path, format!("an entry without `{key}`"))),
            }
        };
        let (kpi, municipality) = (text("kpi")?, text("municipality")?);
        let period = match entry.get("period") {
            Some(Value::Number(n)) => n.as_i64(),
            Some(Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        }
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1000..=9999).contains(y))
        .ok_or_else(|| {
            let seen = entry.get("period").map_or_else(|| "nothing".into(), shown);
            doc.error(&path.key("period"), format!("must be a year; found {seen}"))
        })?;
        let Some(Value::Array(values)) = entry.get("values") else {
            return Err(doc.error(
                &path.key("values"),
                "missing or not an array of values by gender",
            ));
        };
        for (k, v) in values.iter().enumerate() {
            let at = path.key("values").index(k);
            let gender = match v.get("gender") {
                Some(Value::String(g)) if KOLADA_GENDERS.contains(&g.as_str()) => g.clone(),
                other => {
                    let seen = other.map_or_else(|| "nothing".into(), shown);
                    return Err(doc.error(
                        &at.key("gender"),
                        format!("must be T, K or M; found {seen}"),
                    ));
                }
            };
            let value = match v.get("value") {
                None | Some(Value::Null) => None,
                Some(Value::Number(x)) => x.as_f64(),
                Some(other) => {
                    return Err(doc.error(
                        &at.key("value"),
                        format!("must be a number or null; found {}", shown(other)),
                    ))
                }
            };
            let count = match v.get("count") {
                None | Some(Value::Null) => None,
                Some(Value::Number(x)) if x.is_i64() || x.is_u64() => x.as_i64(),
                Some(other) => {
                    return Err(doc.error(
                        &at.key("count"),
                        format!("must be a whole number; found {}", shown(other)),
                    ))
                }
            };
            let key = (kpi.clone(), municipality.clone(), period, gender.clone());
            if !self.seen.insert(key) {
                return Err(doc.error(
                    &at,
                    format!("{kpi} for {municipality} in {period} ({gender}) is given twice (a page saved twice?)"),
                ));
            }
            self.kpi.push(kpi.clone());
            self.name.push(kolada_name(&municipality));
            self.municipality.push(municipality.clone());
            self.period.push(period);
            self.gender.push(gender);
            self.value.push(value);
            self.count.push(count);
            self.status.push(
                v.get("status")
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
        }
        Ok(())
    }

    fn frame(self) -> Result<DataFrame> {
        let n = self.kpi.len();
        Ok(DataFrame::new(
            n,
            vec![
                Column::new("kpi".into(), self.kpi),
                Column::new("municipality".into(), self.municipality),
                Column::new("municipality_name".into(), self.name),
                Column::new("period".into(), self.period),
                Column::new("gender".into(), self.gender),
                Column::new("value".into(), self.value),
                Column::new("count".into(), self.count),
                Column::new("status".into(), self.status),
            ],
        )?)
    }
}

fn get<'v>(value: &'v Value, path: &JsonPath) -> Option<&'v Value> {
    path.0.iter().try_fold(value, |v, step| match step {
        super::json::Step::Key(k) => v.get(k),
        super::json::Step::Index(i) => v.get(i),
    })
}
