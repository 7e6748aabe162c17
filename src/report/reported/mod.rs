//! The values the responsible units report: a plain file (XLSX or CSV), one
//! row per measure and period — a number, ja/nej, a status or a rating, a
//! comment, who reported and when — and the rating of each success factor
//! rated by hand. `indikator template` writes the workbook the units fill
//! in ([`template`]); reading it checks every row ([`Reported::read`]).
//!
//! `cells.rs` reads a sheet's cells; `rows.rs` checks each row against the
//! catalogue and the report period; `template.rs` writes the workbook.

mod cells;
mod rows;
mod template;

use std::path::Path;

use chrono::NaiveDate;

use super::inputs::sha256_hex;
use super::model::InputFile;
use crate::assess::Rating;
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::period::Period;

pub(crate) use template::template_rows;
pub use template::{template, template_with, write_template, Filled};

/// The sheet of the workbook that holds the answers.
pub const REPORT_SHEET: &str = "Rapportering";

/// The columns of a reported file, in the template's order: `id` (a
/// measure's or a success factor's), `kommun` (for measures answered per
/// kommun), `period`, `value`, `status` (of the work, beside a yes/no
/// answer), `comment`, `reported_by`, `reported_at`. `id`, `period` and
/// `value` are required.
pub const REPORTED_COLUMNS: [&str; 8] = [
    "id",
    "kommun",
    "period",
    "value",
    "status",
    "comment",
    "reported_by",
    "reported_at",
];

/// The template's read-only help columns, ignored when the file is read.
pub const HELP_COLUMNS: [&str; 8] = [
    "namn",
    "typ",
    "mål",
    "framgångsfaktor",
    "ansvarig",
    "strategi",
    "prioritet",
    "frekvens",
];

/// The status of the work on a measure, in the plan's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkStatus {
    /// Ej påbörjat.
    NotStarted,
    /// Pågår (also written "Arbete pågår").
    InProgress,
    /// Klart.
    Done,
}

/// The spellings a status is written with (any case).
pub const STATUSES: [&str; 4] = ["Ej påbörjat", "Pågår", "Arbete pågår", "Klart"];

impl WorkStatus {
    /// A status written in any of [`STATUSES`] (or English), any case.
    pub fn parse(text: &str) -> Option<WorkStatus> {
        match text.trim().to_lowercase().as_str() {
            "ej påbörjat" | "ej påbörjad" | "not started" => Some(WorkStatus::NotStarted),
            "pågår" | "arbete pågår" | "in progress" => Some(WorkStatus::InProgress),
            "klart" | "klar" | "done" => Some(WorkStatus::Done),
            _ => None,
        }
    }

    /// The plan's word: `Ej påbörjat`, `Pågår`, `Klart`.
    pub fn swedish(self) -> &'static str {
        match self {
            WorkStatus::NotStarted => "Ej påbörjat",
            WorkStatus::InProgress => "Pågår",
            WorkStatus::Done => "Klart",
        }
    }
}

/// A reported value, of the kind its measure takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer {
    /// A number.
    Number(f64),
    /// Ja (true) or nej.
    YesNo(bool),
    /// A status.
    Status(WorkStatus),
    /// Grön, gul or röd.
    Rating(Rating),
}

/// The three-level scale in the reported file's words.
pub fn rating_word(rating: Rating) -> &'static str {
    match rating {
        Rating::Fulfilled => "grön",
        Rating::Partly => "gul",
        Rating::NotFulfilled => "röd",
    }
}

/// One row of the reported file, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedValue {
    /// The measure's or success factor's id.
    pub id: String,
    /// The kommun's code, for measures answered per kommun.
    pub kommun: Option<String>,
    /// The period the answer is for.
    pub period: Period,
    /// The answer; `None` when the value was left empty (ej rapporterat).
    pub answer: Option<Answer>,
    /// The status of the work, when given.
    pub status: Option<WorkStatus>,
    /// The comment (may be empty).
    pub comment: String,
    /// Who reported (may be empty).
    pub reported_by: String,
    /// When it was reported.
    pub reported_at: Option<NaiveDate>,
    /// The row of the file (the header is row 1).
    pub row: usize,
}

/// The reported values of one report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reported {
    /// The file read, for the provenance (`None`: no file given).
    pub file: Option<InputFile>,
    /// Every row, in the file's order.
    pub values: Vec<ReportedValue>,
    /// The report period the file was read for.
    period: Option<Period>,
}

impl Reported {
    /// Nothing reported: every reported measure and factor is "ej rapporterat".
    pub fn none() -> Reported {
        Reported::default()
    }

    /// Read and check a reported file (XLSX or CSV, by its extension) for
    /// `catalog` and the report `period`.
    ///
    /// Every row is checked: the id is a reported measure or a success
    /// factor rated by hand (the known ids are listed); `kommun` is given
    /// exactly for measures answered per kommun and names one of the
    /// region's kommuner; the period parses and lies in the report period
    /// or in the same period a year earlier (for comparisons); the value
    /// fits the kind (a number; ja/nej; Ej påbörjat, Pågår, Arbete pågår,
    /// Klart; grön/gul/röd); a status is one of those; `reported_at` is a
    /// date; no id, kommun and period twice. An empty value is not an
    /// error: the measure is "ej rapporterat", never zero.
    ///
    /// # Errors
    /// [`Error::File`] naming the file and, for each problem, the sheet
    /// (XLSX), the row (the header is row 1) and the column; every problem
    /// of the file in one message.
    pub fn read(path: &Path, catalog: &Catalog, period: Period) -> Result<Reported> {
        let bytes = std::fs::read(path).map_err(|e| Error::io_in(path, "cannot be opened", e))?;
        let sheet = cells::read(path, &bytes)?;
        let values = rows::check(path, &sheet, catalog, period)?;
        let file = InputFile {
            table: "reported".into(),
            file: path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            ),
            sha256: sha256_hex(&bytes),
            rows: sheet.rows.len(),
        };
        Ok(Reported {
            file: Some(file),
            values,
            period: Some(period),
        })
    }

    /// The row that answers for `id` (and `kommun`) in `within`: the one
    /// for `within` itself, else the latest answered one inside it.
    fn best(&self, id: &str, kommun: Option<&str>, within: Period) -> Option<&ReportedValue> {
        let inside = |p: &Period| p.start() >= within.start() && p.end() <= within.end();
        self.values
            .iter()
            .filter(|v| v.id == id && v.kommun.as_deref() == kommun && inside(&v.period))
            .max_by_key(|v| {
                (
                    v.period == within,
                    v.answer.is_some(),
                    v.period.end(),
                    v.period.start(),
                )
            })
    }

    /// The answer for the report period.
    pub fn current(&self, id: &str, kommun: Option<&str>) -> Option<&ReportedValue> {
        self.period.and_then(|p| self.best(id, kommun, p))
    }

    /// The answer for the same period a year earlier.
    pub fn previous(&self, id: &str, kommun: Option<&str>) -> Option<&ReportedValue> {
        self.period
            .and_then(|p| self.best(id, kommun, p.previous_year()))
    }

    /// The provenance of the file, as the long table writes it.
    pub fn provenance(&self) -> String {
        self.file
            .as_ref()
            .map(|f| format!("{} sha256={} rows={}", f.file, f.sha256, f.rows))
            .unwrap_or_default()
    }
}
