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
///
/// A problem in a workbook is named by this sheet, its row and column;
/// here a unit sent in the template of two years ago:
///
/// ```
/// use indikator::{reported_template, Catalog, Reported, REPORT_SHEET};
///
/// let catalog = Catalog::shipped()?;
/// let dir = std::env::temp_dir().join("indikator-report-sheet");
/// std::fs::create_dir_all(&dir)?;
/// let file = dir.join("rapporterat.xlsx");
/// std::fs::write(&file, reported_template(&catalog, "2022-delar".parse()?)?)?;
/// let err = Reported::read(&file, &catalog, "2024-delar".parse()?).unwrap_err();
/// assert_eq!(REPORT_SHEET, "Rapportering");
/// assert!(err.to_string().contains(&format!("sheet {REPORT_SHEET}, row")), "{err}");
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const REPORT_SHEET: &str = "Rapportering";

/// The columns of a reported file, in the template's order: `id` (a
/// measure's or a success factor's), `kommun` (for measures answered per
/// kommun), `period`, `value`, `status` (of the work, beside a yes/no
/// answer), `comment`, `reported_by`, `reported_at`. `id`, `period` and
/// `value` are required.
///
/// A CSV file with these columns, read for the delår 2024:
///
/// ```
/// use indikator::{Answer, Catalog, Reported, WorkStatus, REPORTED_COLUMNS};
///
/// let dir = std::env::temp_dir().join("indikator-reported-columns");
/// std::fs::create_dir_all(&dir)?;
/// let file = dir.join("rapporterat.csv");
/// let row = "suicid-handlingsplan,,2024-delar,ja,Klart,Antagen,Folkhälsoenheten,2024-09-05";
/// std::fs::write(&file, format!("{}\n{row}\n", REPORTED_COLUMNS.join(",")))?;
/// let reported = Reported::read(&file, &Catalog::shipped()?, "2024-delar".parse()?)?;
/// let value = &reported.values[0];
/// assert_eq!(value.answer, Some(Answer::YesNo(true)));
/// assert_eq!(value.status, Some(WorkStatus::Done));
/// assert_eq!(value.comment, "Antagen");
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// Any other column is refused, naming the columns a file may have:
///
/// ```
/// use indikator::{Catalog, Reported, HELP_COLUMNS};
///
/// let dir = std::env::temp_dir().join("indikator-help-columns");
/// std::fs::create_dir_all(&dir)?;
/// let (catalog, period) = (Catalog::shipped()?, "2024-delar".parse()?);
/// let help = dir.join("med-hjalp.csv");
/// std::fs::write(&help, "id,period,value,namn\nsip-rutin-uppfoljd,2024-delar,ja,SIP-rutin\n")?;
/// assert_eq!(HELP_COLUMNS[0], "namn");
/// assert_eq!(Reported::read(&help, &catalog, period)?.values.len(), 1);
/// let other = dir.join("egen-kolumn.csv");
/// std::fs::write(&other, "id,period,value,anteckning\nsip-rutin-uppfoljd,2024-delar,ja,x\n")?;
/// let err = Reported::read(&other, &catalog, period).unwrap_err().to_string();
/// assert!(err.contains("unknown column \"anteckning\"") && err.contains("namn"), "{err}");
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// ```
/// use indikator::WorkStatus;
///
/// assert_eq!(WorkStatus::parse("Arbete pågår"), Some(WorkStatus::InProgress));
/// assert_eq!(WorkStatus::parse(" klar "), Some(WorkStatus::Done));
/// assert_eq!(WorkStatus::parse("not started"), Some(WorkStatus::NotStarted));
/// assert_eq!(WorkStatus::parse("snart klart"), None);
/// assert_eq!(WorkStatus::InProgress.swedish(), "Pågår");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum WorkStatus {
    /// Ej påbörjat.
    NotStarted,
    /// Pågår (also written "Arbete pågår").
    InProgress,
    /// Klart.
    Done,
}

/// The spellings a status is written with (any case).
///
/// ```
/// use indikator::{WorkStatus, STATUSES};
///
/// let read: Vec<Option<WorkStatus>> = STATUSES.iter().map(|s| WorkStatus::parse(s)).collect();
/// assert!(read.iter().all(Option::is_some));
/// // "Pågår" and "Arbete pågår" are the same status.
/// assert_eq!(read[1], read[2]);
/// assert_eq!(WorkStatus::parse(&STATUSES[3].to_uppercase()), Some(WorkStatus::Done));
/// ```
pub const STATUSES: [&str; 4] = ["Ej påbörjat", "Pågår", "Arbete pågår", "Klart"];

impl WorkStatus {
    /// A status written in any of [`STATUSES`] (or English), any case.
    ///
    /// The status column of a returned spreadsheet, as the units wrote it:
    ///
    /// ```
    /// use indikator::WorkStatus;
    /// let written = ["Klart", "arbete pågår", "Ej påbörjad", "In progress", "vet ej"];
    /// let read: Vec<Option<WorkStatus>> = written.iter().map(|s| WorkStatus::parse(s)).collect();
    /// assert_eq!(read, [
    ///     Some(WorkStatus::Done),
    ///     Some(WorkStatus::InProgress),
    ///     Some(WorkStatus::NotStarted),
    ///     Some(WorkStatus::InProgress),
    ///     None,
    /// ]);
    /// ```
    pub fn parse(text: &str) -> Option<WorkStatus> {
        match text.trim().to_lowercase().as_str() {
            "ej påbörjat" | "ej påbörjad" | "not started" => Some(WorkStatus::NotStarted),
            "pågår" | "arbete pågår" | "in progress" => Some(WorkStatus::InProgress),
            "klart" | "klar" | "done" => Some(WorkStatus::Done),
            _ => None,
        }
    }

    /// The plan's word: `Ej påbörjat`, `Pågår`, `Klart`.
    ///
    /// A status written in English, shown in the plan's word, which reads back
    /// as the same status:
    ///
    /// ```
    /// use indikator::WorkStatus;
    /// assert_eq!(WorkStatus::parse("done").map(WorkStatus::swedish), Some("Klart"));
    /// for status in [WorkStatus::NotStarted, WorkStatus::InProgress, WorkStatus::Done] {
    ///     assert_eq!(WorkStatus::parse(status.swedish()), Some(status));
    /// }
    /// ```
    pub fn swedish(self) -> &'static str {
        match self {
            WorkStatus::NotStarted => "Ej påbörjat",
            WorkStatus::InProgress => "Pågår",
            WorkStatus::Done => "Klart",
        }
    }
}

/// A reported value, of the kind its measure takes.
///
/// A CSV file exported from a Swedish spreadsheet (`;`, decimal comma):
///
/// ```
/// use indikator::{Answer, Catalog, Rating, Reported};
///
/// let dir = std::env::temp_dir().join("indikator-answer");
/// std::fs::create_dir_all(&dir)?;
/// let file = dir.join("rapporterat.csv");
/// std::fs::write(
///     &file,
///     "id;period;value\nkulturutbud-utanfor;2024-delar;52,5 %\n\
///      sip-rutin-uppfoljd;2024-delar;nej\nsamverkan-skolan;2024-delar;gul\n",
/// )?;
/// let reported = Reported::read(&file, &Catalog::shipped()?, "2024-delar".parse()?)?;
/// let answers: Vec<Option<Answer>> = reported.values.iter().map(|v| v.answer).collect();
/// assert_eq!(answers, [
///     Some(Answer::Number(52.5)),
///     Some(Answer::YesNo(false)),
///     Some(Answer::Rating(Rating::Partly)),
/// ]);
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
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
///
/// A measure answered per kommun, the kommun given by name or code:
///
/// ```
/// use indikator::chrono::NaiveDate;
/// use indikator::{Answer, Catalog, Reported};
///
/// let dir = std::env::temp_dir().join("indikator-reported-value");
/// std::fs::create_dir_all(&dir)?;
/// let file = dir.join("rapporterat.csv");
/// std::fs::write(
///     &file,
///     "id,kommun,period,value,reported_by,reported_at\n\
///      samverkansarena-finns,Östersund,2024-delar,ja,Folkhälsoenheten,2024-09-05\n\
///      samverkansarena-finns,2326,2024-delar,nej,Folkhälsoenheten,2024-09-05\n",
/// )?;
/// let reported = Reported::read(&file, &Catalog::shipped()?, "2024-delar".parse()?)?;
/// let ostersund = &reported.values[0];
/// assert_eq!(ostersund.kommun.as_deref(), Some("2380"));
/// assert_eq!(ostersund.answer, Some(Answer::YesNo(true)));
/// assert_eq!(ostersund.reported_at, NaiveDate::from_ymd_opt(2024, 9, 5));
/// assert_eq!(ostersund.row, 2); // the header is row 1
/// assert_eq!(reported.values[1].kommun.as_deref(), Some("2326")); // Berg
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
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
///
/// Read for the delår 2024, with last year's answer kept for comparison:
///
/// ```
/// use indikator::{Answer, Catalog, Reported, WorkStatus};
///
/// let dir = std::env::temp_dir().join("indikator-reported");
/// std::fs::create_dir_all(&dir)?;
/// let file = dir.join("rapporterat.csv");
/// std::fs::write(
///     &file,
///     "id,period,value,status,comment\n\
///      suicid-handlingsplan,2024-delar,ja,Klart,Antagen i juni\n\
///      suicid-handlingsplan,2023-delar,nej,Pågår,\n\
///      kulturutbud-utanfor,2024-delar,,,Siffror saknas\n",
/// )?;
/// let reported = Reported::read(&file, &Catalog::shipped()?, "2024-delar".parse()?)?;
/// assert_eq!(reported.values.len(), 3);
/// let now = reported.current("suicid-handlingsplan", None).unwrap();
/// assert_eq!(now.answer, Some(Answer::YesNo(true)));
/// let before = reported.previous("suicid-handlingsplan", None).unwrap();
/// assert_eq!(before.status, Some(WorkStatus::InProgress));
/// // Left empty: ej rapporterat, never zero.
/// assert_eq!(reported.current("kulturutbud-utanfor", None).unwrap().answer, None);
/// assert_eq!(reported.file.as_ref().unwrap().rows, 3);
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    ///
    /// ```
    /// use indikator::Reported;
    /// let nothing = Reported::none();
    /// assert!(nothing.values.is_empty() && nothing.file.is_none());
    /// assert_eq!(nothing.current("suicid-handlingsplan", None), None); // ej rapporterat
    /// assert_eq!(nothing.provenance(), "");
    /// ```
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
    ///
    /// A file with a good row and an answer that does not fit its measure (a
    /// yes/no question): the error names the row and the column:
    ///
    /// ```
    /// use indikator::{Catalog, Error, Reported};
    /// let dir = std::env::temp_dir().join("indikator-Reported-read");
    /// std::fs::create_dir_all(&dir)?;
    /// let file = dir.join("rapporterat.csv");
    /// std::fs::write(&file, "id,period,value\n\
    ///     sip-rutin-uppfoljd,2024-delar,ja\n\
    ///     suicid-handlingsplan,2024-delar,kanske\n")?;
    /// let err = Reported::read(&file, &Catalog::shipped()?, "2024-delar".parse()?).unwrap_err();
    /// assert!(matches!(err, Error::File { .. }));
    /// assert!(err.to_string().contains("row 3 (value)"), "{err}");
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// No row for the delår itself: the first tertial's answer stands in; a
    /// measure answered per kommun is asked for by the kommun's code:
    ///
    /// ```
    /// use indikator::{Answer, Catalog, Period, Reported};
    /// let dir = std::env::temp_dir().join("indikator-Reported-current");
    /// std::fs::create_dir_all(&dir)?;
    /// let file = dir.join("rapporterat.csv");
    /// std::fs::write(&file, "id,kommun,period,value\n\
    ///     suicid-handlingsplan,,T1 2024,nej\n\
    ///     samverkansarena-finns,Östersund,2024-delar,ja\n")?;
    /// let reported = Reported::read(&file, &Catalog::shipped()?, "2024-delar".parse()?)?;
    /// let plan = reported.current("suicid-handlingsplan", None).unwrap();
    /// assert_eq!((plan.period, plan.answer), ("T1 2024".parse::<Period>()?, Some(Answer::YesNo(false))));
    /// let ostersund = reported.current("samverkansarena-finns", Some("2380")).unwrap();
    /// assert_eq!(ostersund.answer, Some(Answer::YesNo(true)));
    /// assert_eq!(reported.current("samverkansarena-finns", Some("2326")), None); // Berg: none
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn current(&self, id: &str, kommun: Option<&str>) -> Option<&ReportedValue> {
        self.period.and_then(|p| self.best(id, kommun, p))
    }

    /// The answer for the same period a year earlier.
    ///
    /// Last year's answer, the work then in progress; none yet this year:
    ///
    /// ```
    /// use indikator::{Catalog, Reported, WorkStatus};
    /// let dir = std::env::temp_dir().join("indikator-Reported-previous");
    /// std::fs::create_dir_all(&dir)?;
    /// let file = dir.join("rapporterat.csv");
    /// std::fs::write(&file, "id,period,value,status\nsuicid-handlingsplan,2023-delar,nej,Pågår\n")?;
    /// let reported = Reported::read(&file, &Catalog::shipped()?, "2024-delar".parse()?)?;
    /// let last_year = reported.previous("suicid-handlingsplan", None).unwrap();
    /// assert_eq!(last_year.status, Some(WorkStatus::InProgress));
    /// assert_eq!(reported.current("suicid-handlingsplan", None), None);
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn previous(&self, id: &str, kommun: Option<&str>) -> Option<&ReportedValue> {
        self.period
            .and_then(|p| self.best(id, kommun, p.previous_year()))
    }

    /// The provenance of the file, as the long table writes it.
    ///
    /// ```
    /// use indikator::{Catalog, Reported};
    /// let dir = std::env::temp_dir().join("indikator-Reported-provenance");
    /// std::fs::create_dir_all(&dir)?;
    /// let file = dir.join("rapporterat.csv");
    /// std::fs::write(&file, "id,period,value\nsip-rutin-uppfoljd,2024-delar,ja\n")?;
    /// let reported = Reported::read(&file, &Catalog::shipped()?, "2024-delar".parse()?)?;
    /// // The hash is what `sha256sum rapporterat.csv` prints for these 49 bytes.
    /// assert_eq!(
    ///     reported.provenance(),
    ///     "rapporterat.csv sha256=2f7792a039c7978cc6b5e78d43df20425e771afe4ae03911b0d8dfd8d70e2b4a rows=1"
    /// );
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn provenance(&self) -> String {
        self.file
            .as_ref()
            .map(|f| format!("{} sha256={} rows={}", f.file, f.sha256, f.rows))
            .unwrap_or_default()
    }
}
