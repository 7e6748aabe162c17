//! Checking every row of a reported file against the catalogue and the
//! report period: each problem named by sheet, row and column, all of a
//! file's problems in one error.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::cells::{Cell, Sheet};
use super::{Answer, ReportedValue, WorkStatus, HELP_COLUMNS, REPORTED_COLUMNS};
use crate::assess::Rating;
use crate::catalog::{Catalog, FactorRating, MeasureKind};
use crate::error::{Error, Result};
use crate::geography::KOMMUNER;
use crate::period::Period;

/// Problems listed in one error, at most.
const MAX_LISTED: usize = 40;

/// What an id of the file stands for.
#[derive(Clone, Copy)]
enum Target {
    /// A reported measure of this kind (answered per kommun or not).
    Measure(MeasureKind, bool),
    /// A success factor rated by hand.
    Factor,
}

/// The ids the file may hold, and what each is.
fn known(catalog: &Catalog) -> Vec<(&str, Target)> {
    let mut ids = Vec::new();
    for factor in &catalog.success_factors {
        if factor.rating == FactorRating::Reported {
            ids.push((factor.id.as_str(), Target::Factor));
        }
        for m in catalog
            .measures
            .iter()
            .filter(|m| m.success_factor == factor.id)
        {
            ids.push((m.id.as_str(), Target::Measure(m.kind, m.per_kommun)));
        }
    }
    ids
}

/// The kommun a cell names (its code or name, any case).
fn kommun_code(text: &str) -> Option<&'static str> {
    let t = text.trim().to_lowercase();
    KOMMUNER
        .iter()
        .find(|k| k.code == t || k.name.to_lowercase() == t)
        .map(|k| k.code)
}

fn kommun_names() -> String {
    KOMMUNER
        .iter()
        .map(|k| k.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A number written in a cell: a number cell, or text with a decimal
/// comma or point, spaces as thousands separators and an optional `%`.
fn number(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(x) => Some(*x),
        Cell::Text(t) => {
            let cleaned: String = t
                .trim_end_matches('%')
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
                .map(|c| if c == ',' { '.' } else { c })
                .collect();
            cleaned.parse::<f64>().ok()
        }
        _ => None,
    }
    .filter(|x| x.is_finite())
}

fn rating(text: &str) -> Option<Rating> {
    match text.trim().to_lowercase().as_str() {
        "grön" | "gron" | "green" => Some(Rating::Fulfilled),
        "gul" | "yellow" => Some(Rating::Partly),
        "röd" | "rod" | "red" => Some(Rating::NotFulfilled),
        _ => None,
    }
}

/// The answer a value cell holds for an id of `kind`.
fn answer(kind: Option<MeasureKind>, cell: &Cell) -> Option<Answer> {
    let text = match cell {
        Cell::Text(t) => Some(t.as_str()),
        _ => None,
    };
    match kind {
        Some(MeasureKind::Number) => number(cell).map(Answer::Number),
        Some(MeasureKind::YesNo) => match (cell, text.map(|t| t.to_lowercase())) {
            (Cell::Bool(b), _) => Some(Answer::YesNo(*b)),
            (_, Some(t)) if t == "ja" || t == "yes" => Some(Answer::YesNo(true)),
            (_, Some(t)) if t == "nej" || t == "no" => Some(Answer::YesNo(false)),
            _ => None,
        },
        Some(MeasureKind::Status) => text.and_then(WorkStatus::parse).map(Answer::Status),
        Some(MeasureKind::Rating) | None => text.and_then(rating).map(Answer::Rating),
    }
}

fn date(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(*d),
        Cell::Text(t) => NaiveDate::parse_from_str(t, "%Y-%m-%d").ok(),
        _ => None,
    }
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Number(x) => crate::text::swedish_number(*x, 6),
        Cell::Bool(b) => if *b { "ja" } else { "nej" }.into(),
        Cell::Date(d) => d.to_string(),
    }
}

/// The positions of the reported columns, or the problem with the header.
fn columns(sheet: &Sheet) -> std::result::Result<HashMap<&'static str, usize>, String> {
    let mut at = HashMap::new();
    for (i, name) in sheet.header.iter().enumerate() {
        if name.is_empty() || HELP_COLUMNS.contains(&name.as_str()) {
            continue;
        }
        let Some(known) = REPORTED_COLUMNS.iter().find(|c| **c == name) else {
            return Err(format!(
                "the header has an unknown column {name:?}; the columns are {} (and the \
                 template's help columns {})",
                REPORTED_COLUMNS.join(", "),
                HELP_COLUMNS.join(", ")
            ));
        };
        if at.insert(*known, i).is_some() {
            return Err(format!("the column {known} is written twice in the header"));
        }
    }
    for required in ["id", "period", "value"] {
        if !at.contains_key(required) {
            return Err(format!(
                "the column {required} is missing from the header (it has: {})",
                sheet
                    .header
                    .iter()
                    .filter(|h| !h.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    Ok(at)
}

/// Every row checked; all problems of the file in one error.
pub(super) fn check(
    path: &Path,
    sheet: &Sheet,
    catalog: &Catalog,
    period: Period,
) -> Result<Vec<ReportedValue>> {
    let place = |row: usize, column: Option<&str>| {
        let sheet_name = sheet
            .name
            .as_ref()
            .map(|n| format!("sheet {n}, "))
            .unwrap_or_default();
        match column {
            Some(c) => format!("{sheet_name}row {row} ({c})"),
            None => format!("{sheet_name}row {row}"),
        }
    };
    let at = columns(sheet).map_err(|m| Error::file(path, format!("{}: {m}", place(1, None))))?;
    let known = known(catalog);
    let known_ids = || {
        known
            .iter()
            .map(|(id, _)| *id)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let previous = period.previous_year();
    let inside = |p: &Period, w: &Period| p.start() >= w.start() && p.end() <= w.end();
    let mut problems = Vec::new();
    let mut values = Vec::new();
    let mut seen: HashMap<(String, Option<String>, Period), usize> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let cell = |name: &str| -> &Cell {
            at.get(name)
                .and_then(|i| cells.get(*i))
                .unwrap_or(&Cell::Empty)
        };
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let mut problem = |column: Option<&str>, message: String| {
            problems.push(format!("{}: {message}", place(*row, column)));
        };
        let id = match cell("id") {
            Cell::Text(t) => t.clone(),
            Cell::Empty => {
                problem(
                    Some("id"),
                    format!(
                        "a row without an id (its value is {})",
                        cell("value").shown()
                    ),
                );
                continue;
            }
            other => {
                problem(Some("id"), format!("an id is text; got {}", other.shown()));
                continue;
            }
        };
        let Some((_, target)) = known.iter().find(|(k, _)| *k == id) else {
            let why = if catalog.indicator(&id).is_some() {
                format!("{id:?} is a computed indicator: its value comes from the data, not the reported file")
            } else if catalog.success_factor(&id).is_some() {
                format!("{id:?} is a success factor derived from its measures: its rating is not reported (report its measures)")
            } else {
                format!(
                    "unknown id {id:?}: not a reported measure or a success factor rated by hand \
                     in the catalogue (known: {})",
                    known_ids()
                )
            };
            problem(Some("id"), why);
            continue;
        };
        let (kind, per_kommun) = match target {
            Target::Measure(kind, per) => (Some(*kind), *per),
            Target::Factor => (None, false),
        };
        let mut ok = true;
        let kommun = match (cell("kommun"), per_kommun) {
            (Cell::Empty, false) => None,
            (Cell::Empty, true) => {
                problem(
                    Some("kommun"),
                    format!(
                        "{id:?} is answered per kommun: give the kommun (one of {})",
                        kommun_names()
                    ),
                );
                ok = false;
                None
            }
            (given, true) => match kommun_code(&text(given)) {
                Some(code) => Some(code.to_string()),
                None => {
                    problem(
                        Some("kommun"),
                        format!(
                            "{} is not a kommun of the region (one of {})",
                            given.shown(),
                            kommun_names()
                        ),
                    );
                    ok = false;
                    None
                }
            },
            (given, false) => {
                problem(
                    Some("kommun"),
                    format!(
                        "{id:?} is not answered per kommun: leave kommun empty; got {}",
                        given.shown()
                    ),
                );
                ok = false;
                None
            }
        };
        let parsed = match cell("period") {
            Cell::Empty => {
                problem(
                    Some("period"),
                    "the period is missing (e.g. \"jan–aug 2024\")".into(),
                );
                None
            }
            Cell::Text(t) => match t.parse::<Period>() {
                Ok(p) if inside(&p, &period) || inside(&p, &previous) => Some(p),
                Ok(p) => {
                    problem(
                        Some("period"),
                        format!(
                            "the period {p} lies outside the report period {period} (and the same \
                             period a year earlier, {previous})"
                        ),
                    );
                    None
                }
                Err(e) => {
                    problem(
                        Some("period"),
                        format!("{t:?} does not read as a period: {e}"),
                    );
                    None
                }
            },
            other => {
                problem(
                    Some("period"),
                    format!(
                        "a period is text (e.g. \"jan–aug 2024\"); got {}",
                        other.shown()
                    ),
                );
                None
            }
        };
        let value = cell("value");
        let answered = match value {
            Cell::Empty => None,
            given => match answer(kind, given) {
                Some(a) => Some(a),
                None => {
                    let what = kind.map_or("grön, gul or röd", MeasureKind::values);
                    problem(
                        Some("value"),
                        format!("the value of {id:?} is {what}; got {}", given.shown()),
                    );
                    ok = false;
                    None
                }
            },
        };
        let status = match cell("status") {
            Cell::Empty => None,
            Cell::Text(t) if WorkStatus::parse(t).is_some() => WorkStatus::parse(t),
            other => {
                problem(
                    Some("status"),
                    format!(
                        "the status is Ej påbörjat, Pågår, Arbete pågår or Klart; got {}",
                        other.shown()
                    ),
                );
                ok = false;
                None
            }
        };
        let reported_at = match cell("reported_at") {
            Cell::Empty => None,
            given => match date(given) {
                Some(d) => Some(d),
                None => {
                    problem(
                        Some("reported_at"),
                        format!("reported_at is a date (YYYY-MM-DD); got {}", given.shown()),
                    );
                    ok = false;
                    None
                }
            },
        };
        let Some(p) = parsed else {
            continue;
        };
        let key = (id.clone(), kommun.clone(), p);
        if let Some(first) = seen.get(&key) {
            let of = kommun
                .as_deref()
                .and_then(crate::geography::kommun_name)
                .map(|k| format!(" ({k})"))
                .unwrap_or_default();
            problem(
                None,
                format!("{id:?}{of} for {p} is reported twice (first in row {first})"),
            );
            continue;
        }
        seen.insert(key, *row);
        if ok {
            values.push(ReportedValue {
                id,
                kommun,
                period: p,
                answer: answered,
                status,
                comment: text(cell("comment")),
                reported_by: text(cell("reported_by")),
                reported_at,
                row: *row,
            });
        }
    }
    match problems.len() {
        0 => Ok(values),
        1 => Err(Error::file(path, problems.remove(0))),
        n => {
            let mut listed = problems
                .iter()
                .take(MAX_LISTED)
                .map(|p| format!("\n  {p}"))
                .collect::<String>();
            if n > MAX_LISTED {
                listed.push_str(&format!("\n  … and {} more", n - MAX_LISTED));
            }
            Err(Error::file(path, format!("{n} problems:{listed}")))
        }
    }
}
