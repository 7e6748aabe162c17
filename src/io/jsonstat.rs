//! JSON-stat 2.0 datasets, what SCB's PxWeb API returns (v2 by default,
//! v1 with `"response": {"format": "json-stat2"}`), read after the format's
//! published description (json-stat.org, version 2.0). The bundle of
//! version 1.0 (PxWeb v1's `json-stat`) is read too.
//!
//! Read: `id`, `size`, `role`, each dimension's `label` and `category`
//! (`index` as an array or an object, or absent for a single category;
//! `label`; `unit` with `decimals`), `value` as an array or as an object
//! of positions, `status` as a text, an array or an object; kept as
//! metadata: `label`, `source`, `updated`, `note`, the PxWeb extension's
//! table id. Not read: collections and `link`s to other datasets, `child`
//! hierarchies, `coordinates`, `error` documents.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Map, Value};

use super::json::{shown, Doc, JsonPath};
use super::tidy::{cells, Cube, Dim, Role};
use super::{StatTable, TableMeta};
use crate::error::{Error, Result};

/// Read a JSON-stat file into a tidy frame and its metadata (as
/// [`read_px`](crate::read_px): per dimension its codes, named after the
/// dimension's label, and `<label>_label`; `value`; `status` — the
/// dataset's status code of a cell, null when it has none).
///
/// ```
/// let json = r#"{"version": "2.0", "class": "dataset", "label": "Folkmängd",
///   "id": ["Region", "Tid"], "size": [2, 1],
///   "dimension": {
///     "Region": {"label": "region", "category": {"index": ["2380", "2309"],
///                "label": {"2380": "Östersund", "2309": "Krokom"}}},
///     "Tid": {"label": "år", "category": {"index": {"2023": 0}}}},
///   "value": [65000, null], "status": {"1": ".."}}"#;
/// let table = indikator::read_jsonstat_str(json, "folk.json")?;
/// assert_eq!(table.frame.column("region_label")?.str()?.get(0), Some("Östersund"));
/// assert_eq!(table.frame.column("status")?.str()?.get(1), Some(".."));
/// # Ok::<(), indikator::Error>(())
/// ```
///
/// # Errors
/// [`Error::File`] when unreadable; [`Error::Format`] naming the line and
/// the key of the first fault: not JSON, no `id`/`size`/`dimension`, sizes
/// that disagree with the categories, values that are not numbers, a
/// `value` array of the wrong length.
pub fn read_jsonstat(path: impl AsRef<Path>) -> Result<StatTable> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    read_jsonstat_str(&text, &path.display().to_string())
}

/// [`read_jsonstat`] of a document's text; `name` names it in messages.
///
/// # Errors
/// As [`read_jsonstat`].
///
/// # Example
/// The population of Åre and Berg as PxWeb v2 answers it (the last
/// dimension varies fastest, so Berg's 2024 is the last cell):
///
/// ```
/// use indikator::{read_jsonstat_str, Role};
///
/// let json = r#"{"version": "2.0", "class": "dataset", "label": "Folkmängd efter region och år",
///   "source": "SCB", "updated": "2024-02-21T07:00:00Z",
///   "id": ["Region", "ContentsCode", "Tid"], "size": [2, 1, 2],
///   "role": {"geo": ["Region"], "metric": ["ContentsCode"], "time": ["Tid"]},
///   "dimension": {
///     "Region": {"label": "region", "category": {"index": ["2321", "2326"],
///                "label": {"2321": "Åre", "2326": "Berg"}}},
///     "ContentsCode": {"label": "tabellinnehåll", "category": {"label": {"BE0101N1": "Folkmängd"},
///                      "unit": {"BE0101N1": {"label": "antal", "decimals": 0}}}},
///     "Tid": {"label": "år", "category": {"index": ["2023", "2024"]}}},
///   "value": [12005, 12097, 6847, 6812]}"#;
/// let table = read_jsonstat_str(json, "folkmangd.json")?;
/// assert_eq!(table.frame.height(), 4);
/// assert_eq!(table.frame.column("region_label")?.str()?.get(3), Some("Berg"));
/// assert_eq!(table.frame.column("value")?.i64()?.get(3), Some(6812));
/// assert_eq!(table.meta.unit.as_deref(), Some("antal"));
/// assert_eq!(table.meta.dimensions[2].role, Some(Role::Time));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_jsonstat_str(text: &str, name: &str) -> Result<StatTable> {
    let doc = Doc::parse(text, name, "JSON-stat")?;
    let (path, dataset) = dataset(&doc)?;
    let (cube, meta) = read(&doc, &path, dataset)?;
    Ok(StatTable {
        frame: cube.frame(name)?,
        meta,
    })
}

/// The dataset of a document: the document itself (2.0), or the one
/// dataset of a 1.0 bundle.
fn dataset<'v>(doc: &'v Doc<'_>) -> Result<(JsonPath, &'v Map<String, Value>)> {
    let top = JsonPath::default();
    let Some(object) = doc.value.as_object() else {
        return Err(doc.error(&top, "a JSON-stat document must be an object"));
    };
    match object.get("class").and_then(Value::as_str) {
        Some("dataset") => return Ok((top, object)),
        Some(other) => {
            return Err(doc.error(
                &top.key("class"),
                format!("a `{other}` is not read; only a `dataset` (ask PxWeb for one table)"),
            ))
        }
        None => {}
    }
    if object.contains_key("id") && object.contains_key("dimension") {
        return Ok((top, object));
    }
    let datasets: Vec<_> = object
        .iter()
        .filter(|(_, v)| v.get("dimension").is_some())
        .collect();
    match datasets.as_slice() {
        [(name, Value::Object(d))] => Ok((top.key(name), d)),
        [] => Err(doc.error(
            &top,
            "not a JSON-stat dataset: no `id`, `size` and `dimension`",
        )),
        _ => Err(doc.error(&top, "a bundle of several datasets; read one at a time")),
    }
}

fn texts(doc: &Doc<'_>, path: &JsonPath, value: Option<&Value>) -> Result<Vec<String>> {
    let Some(Value::Array(items)) = value else {
        return Err(doc.error(path, "missing or not an array"));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.as_str().map(str::to_string).ok_or_else(|| {
                doc.error(
                    &path.index(i),
                    format!("must be a text; found {}", shown(v)),
                )
            })
        })
        .collect()
}

fn read(doc: &Doc<'_>, path: &JsonPath, set: &Map<String, Value>) -> Result<(Cube, TableMeta)> {
    // Version 1.0 keeps id, size and role inside `dimension`.
    let dimension = set.get("dimension").and_then(Value::as_object);
    let holder = if set.contains_key("id") {
        set
    } else {
        dimension.unwrap_or(set)
    };
    let holder_path = if set.contains_key("id") {
        path.clone()
    } else {
        path.key("dimension")
    };
    let ids = texts(doc, &holder_path.key("id"), holder.get("id"))?;
    let Some(Value::Array(size)) = holder.get("size") else {
        return Err(doc.error(&holder_path.key("size"), "missing or not an array"));
    };
    if size.len() != ids.len() {
        return Err(doc.error(
            &holder_path.key("size"),
            format!(
                "has {} sizes for {} dimensions in `id`",
                size.len(),
                ids.len()
            ),
        ));
    }
    let Some(dimension) = dimension else {
        return Err(doc.error(&path.key("dimension"), "missing or not an object"));
    };
    let roles = holder.get("role").and_then(Value::as_object);
    let role_of = |id: &str| {
        let has = |r: &str| {
            roles
                .and_then(|m| m.get(r))
                .and_then(Value::as_array)
                .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(id)))
        };
        [Role::Time, Role::Geo, Role::Metric]
            .into_iter()
            .find(|r| has(r.as_str()))
    };
    let mut dims = Vec::with_capacity(ids.len());
    let mut units = BTreeMap::new();
    let mut decimals = Vec::new();
    for (k, id) in ids.iter().enumerate() {
        let dpath = path.key("dimension").key(id);
        let Some(d) = dimension.get(id).and_then(Value::as_object) else {
            return Err(doc.error(
                &path.key("dimension"),
                format!("has no dimension `{id}` named in `id`"),
            ));
        };
        let (codes, labels) = categories(doc, &dpath.key("category"), d.get("category"))?;
        let expected = size[k].as_u64().map(|s| s as usize);
        if expected != Some(codes.len()) {
            return Err(doc.error(
                &holder_path.key("size").index(k),
                format!(
                    "says {} categories but dimension `{id}` has {}",
                    shown(&size[k]),
                    codes.len()
                ),
            ));
        }
        let category = d.get("category").and_then(Value::as_object);
        if let Some(unit) = category
            .and_then(|c| c.get("unit"))
            .and_then(Value::as_object)
        {
            for (code, u) in unit {
                if let Some(text) = u
                    .get("label")
                    .or_else(|| u.get("base"))
                    .and_then(Value::as_str)
                {
                    units.insert(code.clone(), text.to_string());
                }
                if let Some(n) = u.get("decimals").and_then(Value::as_u64) {
                    decimals.push(n as u32);
                }
            }
        }
        dims.push(Dim {
            name: d
                .get("label")
                .and_then(Value::as_str)
                .unwrap_or(id)
                .to_string(),
            id: id.clone(),
            role: role_of(id),
            codes,
            labels,
        });
    }
    let n = cells(dims.iter().map(|d| d.codes.len()))
        .ok_or_else(|| doc.error(&holder_path.key("size"), "a table too large to read"))?;
    let (values, whole) = read_values(doc, &path.key("value"), set.get("value"), n)?;
    let status = read_status(doc, &path.key("status"), set.get("status"), n)?;
    let extension = set.get("extension").and_then(|e| e.get("px"));
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
    let px_decimals = extension
        .and_then(|p| p.get("decimals"))
        .and_then(Value::as_u64);
    let declared = if decimals.is_empty() {
        px_decimals.map(|d| d as u32)
    } else {
        decimals.iter().copied().max()
    };
    let notes = match set.get("note") {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let meta = TableMeta {
        format: "JSON-stat".into(),
        table: text(extension.and_then(|p| p.get("tableid"))),
        title: text(set.get("label")),
        contents: text(extension.and_then(|p| p.get("contents"))),
        unit: (units.len() == 1)
            .then(|| units.values().next().cloned())
            .flatten(),
        units,
        source: text(set.get("source")),
        last_updated: text(set.get("updated")),
        language: text(extension.and_then(|p| p.get("language"))),
        encoding: "UTF-8".into(),
        decimals: declared,
        notes,
        symbols: BTreeMap::new(),
        dimensions: dims.iter().map(Dim::describe).collect(),
    };
    let cube = Cube {
        whole: whole && declared == Some(0),
        dims,
        values,
        status,
    };
    Ok((cube, meta))
}

/// A dimension's category codes in their order, and their labels.
fn categories(
    doc: &Doc<'_>,
    path: &JsonPath,
    category: Option<&Value>,
) -> Result<(Vec<String>, Vec<String>)> {
    let Some(category) = category.and_then(Value::as_object) else {
        return Err(doc.error(path, "missing or not an object"));
    };
    let labels = category.get("label").and_then(Value::as_object);
    let codes: Vec<String> = match category.get("index") {
        Some(Value::Array(_)) => texts(doc, &path.key("index"), category.get("index"))?,
        Some(Value::Object(index)) => {
            let mut codes = vec![None; index.len()];
            for (code, at) in index {
                let slot = at.as_u64().and_then(|i| codes.get_mut(i as usize));
                match slot {
                    Some(slot @ None) => *slot = Some(code.clone()),
                    _ => {
                        return Err(doc.error(
                            &path.key("index").key(code),
                            format!(
                                "positions must be 0 … {} once each; found {}",
                                index.len() - 1,
                                shown(at)
                            ),
                        ))
                    }
                }
            }
            codes.into_iter().flatten().collect()
        }
        None => match labels {
            Some(l) if l.len() == 1 => l.keys().cloned().collect(),
            _ => {
                return Err(doc.error(
                    path,
                    "has no `index`: required when a dimension has more than one category",
                ))
            }
        },
        Some(other) => {
            return Err(doc.error(
                &path.key("index"),
                format!("must be an array or an object; found {}", shown(other)),
            ))
        }
    };
    let labels = codes
        .iter()
        .map(|c| {
            labels
                .and_then(|l| l.get(c))
                .and_then(Value::as_str)
                .unwrap_or(c)
                .to_string()
        })
        .collect();
    Ok((codes, labels))
}

/// The values and whether all are whole numbers.
fn read_values(
    doc: &Doc<'_>,
    path: &JsonPath,
    value: Option<&Value>,
    n: usize,
) -> Result<(Vec<Option<f64>>, bool)> {
    let mut whole = true;
    let mut number = |v: &Value, at: JsonPath| -> Result<Option<f64>> {
        match v {
            Value::Null => Ok(None),
            Value::Number(x) => {
                whole &= x.is_i64() || x.is_u64();
                Ok(x.as_f64())
            }
            other => Err(doc.error(
                &at,
                format!("a value must be a number or null; found {}", shown(other)),
            )),
        }
    };
    match value {
        Some(Value::Array(items)) if items.len() == n => items
            .iter()
            .enumerate()
            .map(|(i, v)| number(v, path.index(i)))
            .collect::<Result<_>>()
            .map(|v| (v, whole)),
        Some(Value::Array(items)) => Err(doc.error(
            path,
            format!("has {} values; the sizes make {n}", items.len()),
        )),
        Some(Value::Object(sparse)) => {
            let mut values = vec![None; n];
            for (at, v) in sparse {
                let i = at.parse::<usize>().ok().filter(|&i| i < n).ok_or_else(|| {
                    doc.error(
                        &path.key(at),
                        format!("a position must be a whole number below {n}"),
                    )
                })?;
                values[i] = number(v, path.key(at))?;
            }
            Ok((values, whole))
        }
        _ => Err(doc.error(path, "missing, or neither an array nor an object")),
    }
}

fn read_status(
    doc: &Doc<'_>,
    path: &JsonPath,
    status: Option<&Value>,
    n: usize,
) -> Result<Vec<Option<String>>> {
    let text = |v: &Value| v.as_str().filter(|s| !s.is_empty()).map(str::to_string);
    match status {
        None | Some(Value::Null) => Ok(vec![None; n]),
        Some(Value::String(s)) => Ok(vec![Some(s.clone()).filter(|s| !s.is_empty()); n]),
        Some(Value::Array(items)) if items.len() == 1 => Ok(vec![text(&items[0]); n]),
        Some(Value::Array(items)) if items.len() == n => Ok(items.iter().map(text).collect()),
        Some(Value::Array(items)) => Err(doc.error(
            path,
            format!(
                "has {} codes; the sizes make {n} (or give one)",
                items.len()
            ),
        )),
        Some(Value::Object(sparse)) => {
            let mut out = vec![None; n];
            for (at, v) in sparse {
                let i = at.parse::<usize>().ok().filter(|&i| i < n).ok_or_else(|| {
                    doc.error(
                        &path.key(at),
                        format!("a position must be a whole number below {n}"),
                    )
                })?;
                out[i] = text(v);
            }
            Ok(out)
        }
        Some(other) => Err(doc.error(
            path,
            format!(
                "must be a text, an array or an object; found {}",
                shown(other)
            ),
        )),
    }
}
