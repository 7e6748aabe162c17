//! The workbook the responsible units fill in: an instructions sheet in
//! Swedish and the sheet [`REPORT_SHEET`] with one row per reported
//! measure (per kommun where it is answered per kommun) and per success
//! factor rated by hand, the columns of [`REPORTED_COLUMNS`] to fill in
//! (with validation lists for yes/no, statuses, ratings and kommuner) and
//! read-only help columns ([`HELP_COLUMNS`]: the name, kind, target…).
//!
//! Over 500 lines with its documentation: 385 lines of code and 183 of doc
//! comments (every public item and method carries a runnable example).

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::{
    rating_word, Answer, WorkStatus, HELP_COLUMNS, REPORTED_COLUMNS, REPORT_SHEET, STATUSES,
};
use crate::catalog::{Catalog, FactorRating, Frequency, MeasureKind};
use crate::error::{Error, Result};
use crate::geography::KOMMUNER;
use crate::period::Period;
use crate::synthetic::SYNTHETIC_BANNER;

/// Rows below the filled ones where the input columns stay open (added
/// answers, earlier periods).
const OPEN_ROWS: u32 = 200;

/// One row of a filled-in file (the demo's synthetic answers), or of the
/// template (no value).
///
/// The answer of the unit that owns the regional action plan against
/// suicide, written into the workbook it sends back:
///
/// ```
/// use indikator::chrono::NaiveDate;
/// use indikator::{reported_workbook, Answer, Catalog, Filled, Period, WorkStatus};
/// let period: Period = "2024-delar".parse()?;
/// let answer = Filled::new("suicid-handlingsplan", None, period)
///     .value(Answer::YesNo(true))
///     .status(WorkStatus::Done)
///     .comment("Antagen av regionstyrelsen i juni".into())
///     .reported_by("Folkhälsoenheten".into())
///     .reported_at(NaiveDate::from_ymd_opt(2024, 9, 5).unwrap());
/// assert_eq!((answer.value, answer.status), (Some(Answer::YesNo(true)), Some(WorkStatus::Done)));
/// let bytes = reported_workbook(&Catalog::shipped()?, period, &[answer], false)?;
/// assert!(bytes.starts_with(b"PK")); // an XLSX workbook is a zip archive
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Filled {
    /// The measure's or success factor's id.
    pub id: String,
    /// The kommun's code, for measures answered per kommun.
    pub kommun: Option<String>,
    /// The period of the answer.
    pub period: Period,
    /// The answer, `None` to leave it empty.
    pub value: Option<Answer>,
    /// The status of the work.
    pub status: Option<WorkStatus>,
    /// The comment.
    pub comment: String,
    /// Who reported.
    pub reported_by: String,
    /// When.
    pub reported_at: Option<NaiveDate>,
}

crate::setters::setters!(Filled {
    /// The answer, `None` to leave it empty.
    ///
    /// ```
    /// use indikator::{Answer, Filled, WorkStatus};
    /// let delar = "2024-delar".parse()?;
    /// let answered = Filled::new("suicid-handlingsplan", None, delar).value(Answer::YesNo(true));
    /// assert_eq!(answered.value, Some(Answer::YesNo(true)));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    some value: Answer,
    /// The status of the work.
    ///
    /// ```
    /// use indikator::{Answer, Filled, WorkStatus};
    /// let delar = "2024-delar".parse()?;
    /// let row = Filled::new("suicid-handlingsplan", None, delar).status(WorkStatus::InProgress);
    /// assert_eq!(row.status, Some(WorkStatus::InProgress));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    some status: WorkStatus,
    /// The comment.
    ///
    /// ```
    /// use indikator::{Answer, Filled, WorkStatus};
    /// let delar = "2024-delar".parse()?;
    /// let row = Filled::new("suicid-handlingsplan", None, delar).comment("Antagen i regionstyrelsen".into());
    /// assert_eq!(row.comment, "Antagen i regionstyrelsen");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    comment: String,
    /// Who reported.
    ///
    /// ```
    /// use indikator::{Answer, Filled, WorkStatus};
    /// let delar = "2024-delar".parse()?;
    /// let row = Filled::new("suicid-handlingsplan", None, delar).reported_by("Folkhälsoenheten".into());
    /// assert_eq!(row.reported_by, "Folkhälsoenheten");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    reported_by: String,
    /// When.
    ///
    /// ```
    /// use indikator::{Answer, Filled, WorkStatus};
    /// let delar = "2024-delar".parse()?;
    /// let day = indikator::chrono::NaiveDate::from_ymd_opt(2024, 9, 10).unwrap();
    /// let row = Filled::new("suicid-handlingsplan", None, delar).reported_at(day);
    /// assert_eq!(row.reported_at, Some(day));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    some reported_at: NaiveDate,
});

impl Filled {
    /// An empty row for the measure or success factor `id` in `period`
    /// (`kommun`: the kommun's code, for a measure answered per kommun);
    /// the setters fill it in.
    ///
    /// ```
    /// use indikator::Filled;
    /// // Östersund's answer to a measure answered per kommun, still empty.
    /// let row = Filled::new("samverkansarena-finns", Some("2380"), "2024-delar".parse()?);
    /// assert_eq!((row.kommun.as_deref(), row.value.is_none()), (Some("2380"), true));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn new(id: &str, kommun: Option<&str>, period: Period) -> Filled {
        Filled {
            id: id.to_string(),
            kommun: kommun.map(str::to_string),
            period,
            value: None,
            status: None,
            comment: String::new(),
            reported_by: String::new(),
            reported_at: None,
        }
    }
}

/// The template's rows: every reported measure (each kommun of those
/// answered per kommun) and every success factor rated by hand, grouped by
/// goal and factor in catalogue order, for `period`.
pub fn template_rows(catalog: &Catalog, period: Period) -> Vec<Filled> {
    let mut rows = Vec::new();
    for goal in &catalog.goals {
        for factor in catalog.success_factors.iter().filter(|f| f.goal == goal.id) {
            if factor.rating == FactorRating::Reported {
                rows.push(Filled::new(&factor.id, None, period));
            }
            for m in catalog
                .measures
                .iter()
                .filter(|m| m.success_factor == factor.id)
            {
                if m.per_kommun {
                    for k in &KOMMUNER {
                        rows.push(Filled::new(&m.id, Some(k.code), period));
                    }
                } else {
                    rows.push(Filled::new(&m.id, None, period));
                }
            }
        }
    }
    rows
}

/// The empty template for `period`, as XLSX bytes.
///
/// # Errors
/// Only from the XLSX writer.
///
/// The shipped catalogue's template, read back as a reported file: a row
/// per success factor rated by hand and per measure (one for each kommun
/// where it is answered per kommun), none answered.
///
/// ```
/// use indikator::{reported_template, Catalog, FactorRating, Period, Reported};
///
/// let catalog = Catalog::shipped()?;
/// let period: Period = "2024-delar".parse()?;
/// let bytes = reported_template(&catalog, period)?;
/// assert!(bytes.starts_with(b"PK")); // an XLSX workbook is a zip archive
/// let dir = std::env::temp_dir().join("indikator-reported-template");
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("mall.xlsx"), &bytes)?;
/// let template = Reported::read(&dir.join("mall.xlsx"), &catalog, period)?;
/// let by_hand = catalog.success_factors.iter().filter(|f| f.rating == FactorRating::Reported);
/// let measures = catalog.measures.iter().map(|m| if m.per_kommun { 8 } else { 1 });
/// assert_eq!(template.values.len(), by_hand.count() + measures.sum::<usize>());
/// assert!(template.values.iter().all(|v| v.answer.is_none()));
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn template(catalog: &Catalog, period: Period) -> Result<Vec<u8>> {
    template_with(catalog, period, &template_rows(catalog, period), false)
}

/// Write the template for `period` to `path` (written beside it and renamed
/// into place).
///
/// # Errors
/// [`Error::File`] when it cannot be written.
///
/// ```
/// use indikator::{write_reported_template, Catalog, Period, Reported};
///
/// let catalog = Catalog::shipped()?;
/// let period: Period = "2024-delar".parse()?;
/// let dir = std::env::temp_dir().join("indikator-write-reported-template");
/// std::fs::create_dir_all(&dir)?;
/// let path = dir.join("rapportering-2024-delar.xlsx");
/// write_reported_template(&catalog, period, &path)?;
/// let template = Reported::read(&path, &catalog, period)?;
/// // samverkansarena-finns is answered per kommun: a row for each of the eight.
/// let arenas = template.values.iter().filter(|v| v.id == "samverkansarena-finns");
/// assert_eq!(arenas.count(), 8);
/// assert!(template.values.iter().all(|v| v.period == period && v.answer.is_none()));
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_template(catalog: &Catalog, period: Period, path: &Path) -> Result<()> {
    let bytes = template(catalog, period)?;
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| Error::io_in(&tmp, "cannot write the file", e))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io_in(path, "cannot move the file into place", e)
    })
}

fn fault(e: XlsxError) -> Error {
    Error::Output {
        format: "XLSX workbook".into(),
        message: format!("rust_xlsxwriter refused it: {e}"),
    }
}

/// A workbook in the template's form holding `rows` (the template's own,
/// or filled-in answers); `synthetic` labels it as the demo's.
///
/// # Errors
/// Only from the XLSX writer.
///
/// The regional action plan against suicide answered yes, the work done,
/// and Östersund's answer to a measure answered per kommun, written and
/// read back as a reported file:
///
/// ```
/// use indikator::{reported_workbook, Answer, Catalog, Filled, Period, Reported, WorkStatus};
///
/// let catalog = Catalog::shipped()?;
/// let period: Period = "2024-delar".parse()?;
/// let answers = [
///     Filled::new("suicid-handlingsplan", None, period)
///         .value(Answer::YesNo(true))
///         .status(WorkStatus::Done),
///     Filled::new("samverkansarena-finns", Some("2380"), period).value(Answer::YesNo(true)),
/// ];
/// let dir = std::env::temp_dir().join("indikator-reported-workbook");
/// std::fs::create_dir_all(&dir)?;
/// let file = dir.join("rapporterat.xlsx");
/// std::fs::write(&file, reported_workbook(&catalog, period, &answers, false)?)?;
/// let reported = Reported::read(&file, &catalog, period)?;
/// assert_eq!(reported.values.len(), 2);
/// let plan = reported.current("suicid-handlingsplan", None).unwrap();
/// assert_eq!((plan.answer, plan.status), (Some(Answer::YesNo(true)), Some(WorkStatus::Done)));
/// let ostersund = reported.current("samverkansarena-finns", Some("2380")).unwrap();
/// assert_eq!(ostersund.answer, Some(Answer::YesNo(true)));
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn template_with(
    catalog: &Catalog,
    period: Period,
    rows: &[Filled],
    synthetic: bool,
) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(1980, 1, 1).map_err(fault)?;
    let mut properties = DocProperties::new()
        .set_creation_datetime(&created)
        .set_title(format!("Rapportering {period}"));
    if synthetic {
        properties = properties.set_comment(SYNTHETIC_BANNER);
    }
    book.set_properties(&properties);
    instructions(book.add_worksheet(), catalog, period, synthetic).map_err(fault)?;
    answers(book.add_worksheet(), catalog, rows).map_err(fault)?;
    book.save_to_buffer().map_err(fault)
}

fn instructions(
    sheet: &mut Worksheet,
    catalog: &Catalog,
    period: Period,
    synthetic: bool,
) -> std::result::Result<(), XlsxError> {
    sheet.set_name("Anvisningar")?;
    sheet.set_column_width(0, 110)?;
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let warning = Format::new()
        .set_bold()
        .set_font_color(Color::RGB(0xb00020));
    let wrap = Format::new().set_text_wrap();
    let mut row = 0;
    if synthetic {
        sheet.write_string_with_format(row, 0, SYNTHETIC_BANNER, &warning)?;
        row += 1;
    }
    sheet.write_string_with_format(
        row,
        0,
        format!("Rapportering till uppföljningen, {period}"),
        &title,
    )?;
    sheet.write_string(
        row + 1,
        0,
        format!(
            "{} — indikatorkatalog {} {}",
            catalog.catalog.title, catalog.catalog.id, catalog.catalog.version
        ),
    )?;
    let lines = [
        ("Så fyller du i", true),
        ("Fyll i bladet Rapportering: en rad per mått och period, och en rad per framgångsfaktor som bedöms av den ansvariga.", false),
        ("Kolumnerna id, kommun och period är ifyllda. Skriv svaret i value, och vid behov status, comment, reported_by och reported_at (datum ÅÅÅÅ-MM-DD).", false),
        ("Kolumnerna till höger (namn, typ, mål, framgångsfaktor, ansvarig, strategi, prioritet, frekvens) är hjälptext och kan inte ändras.", false),
        ("Lämna value tom om ni inte kan svara: måttet redovisas då som \"ej rapporterat\", aldrig som noll.", false),
        ("Värden", true),
        ("Tal: ett tal med decimalkomma, t.ex. 12,5 (andelar i procent utan %-tecken).", false),
        ("Ja/nej: ja eller nej. Skriv i status hur arbetet går: Ej påbörjat, Pågår (Arbete pågår) eller Klart.", false),
        ("Status: Ej påbörjat, Pågår, Arbete pågår eller Klart.", false),
        ("Bedömning (framgångsfaktorer): grön = rätt åtgärder är genomförda; gul = rätt åtgärder är planerade eller påbörjade; röd = fel eller inga åtgärder. Motivera i comment.", false),
        ("Mått som besvaras per kommun har en rad per kommun; varje kommun ska svara.", false),
        ("Perioder", true),
        (&*format!("Rapportperioden är {period}. Rader får gälla den eller en del av den, eller samma period året innan ({}) för jämförelsen.", period.previous_year()), false),
        ("Varje id, kommun och period får förekomma en gång. Filen kontrolleras rad för rad när rapporten körs; fel anges med blad och rad.", false),
    ];
    let mut r = row + 3;
    for (text, heading) in lines {
        if heading {
            r += 1;
            sheet.write_string_with_format(r, 0, text, &bold)?;
        } else {
            sheet.write_string_with_format(r, 0, text, &wrap)?;
        }
        r += 1;
    }
    Ok(())
}

/// The kind of a row in the help column `typ`.
fn kind_words(kind: Option<MeasureKind>, unit: &str) -> String {
    match kind {
        None => "bedömning (grön/gul/röd)".into(),
        Some(MeasureKind::Number) if unit.is_empty() => "tal".into(),
        Some(MeasureKind::Number) => format!("tal ({unit})"),
        Some(MeasureKind::YesNo) => "ja/nej (och status)".into(),
        Some(MeasureKind::Status) => "status".into(),
        Some(MeasureKind::Rating) => "bedömning (grön/gul/röd)".into(),
    }
}

/// The help columns of a row's id.
fn help(catalog: &Catalog, id: &str) -> (Option<MeasureKind>, [String; 8]) {
    if let Some(m) = catalog.measure(id) {
        let factor = catalog
            .success_factor(&m.success_factor)
            .map_or_else(String::new, |f| f.name_sv.clone());
        let frequency = match m.frequency {
            Frequency::HalfYearly => "halvårsvis",
            Frequency::Yearly => "årsvis",
        };
        let cells = [
            m.name_sv.clone(),
            kind_words(Some(m.kind), &m.unit),
            m.target.as_ref().map(|t| t.words()).unwrap_or_default(),
            factor,
            m.responsible.clone(),
            m.strategy.clone().unwrap_or_default(),
            m.priority.map(|p| p.to_string()).unwrap_or_default(),
            frequency.into(),
        ];
        return (Some(m.kind), cells);
    }
    let factor = catalog.success_factor(id);
    let goal = factor
        .and_then(|f| catalog.goal(&f.goal))
        .map_or_else(String::new, |g| format!("Mål: {}", g.name_sv));
    let cells = [
        factor.map_or_else(String::new, |f| format!("Framgångsfaktor: {}", f.name_sv)),
        kind_words(None, ""),
        "grön (rätt åtgärder genomförda)".into(),
        goal,
        factor.map_or_else(String::new, |f| f.responsible.clone()),
        String::new(),
        String::new(),
        String::new(),
    ];
    (None, cells)
}

fn list(
    values: &[&str],
    title: &str,
    message: &str,
) -> std::result::Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_list_strings(values)?
        .set_input_title(title)?
        .set_input_message(message)?
        .set_error_message(format!("Välj ett av: {}", values.join(", ")))
}

fn answers(
    sheet: &mut Worksheet,
    catalog: &Catalog,
    rows: &[Filled],
) -> std::result::Result<(), XlsxError> {
    sheet.set_name(REPORT_SHEET)?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0x1d5a8c))
        .set_font_color(Color::White)
        .set_border_bottom(FormatBorder::Thin);
    let open = Format::new().set_unlocked().set_num_format("@");
    let open_number = Format::new()
        .set_unlocked()
        .set_num_format("[$-41D]General");
    let open_date = Format::new().set_unlocked().set_num_format("yyyy-mm-dd");
    let helper = Format::new()
        .set_locked()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xeef1f4))
        .set_font_color(Color::RGB(0x5f6b7a));
    let widths = [26.0, 14.0, 14.0, 14.0, 14.0, 40.0, 22.0, 13.0];
    for (col, (name, width)) in (0u16..).zip(REPORTED_COLUMNS.iter().zip(widths)) {
        sheet.write_string_with_format(0, col, *name, &header)?;
        let format = if *name == "reported_at" {
            &open_date
        } else {
            &open
        };
        sheet.set_column_format(col, format)?;
        sheet.set_column_width(col, width)?;
    }
    let first_help = REPORTED_COLUMNS.len() as u16;
    let help_widths = [44.0, 18.0, 30.0, 36.0, 26.0, 26.0, 11.0, 11.0];
    for (k, (name, width)) in HELP_COLUMNS.iter().zip(help_widths).enumerate() {
        let col = first_help + k as u16;
        sheet.write_string_with_format(0, col, *name, &header)?;
        sheet.set_column_width(col, width)?;
    }
    let last = rows.len() as u32 + OPEN_ROWS;
    let statuses = list(
        &STATUSES,
        "Status",
        "Hur arbetet går: Ej påbörjat, Pågår eller Klart.",
    )?;
    sheet.add_data_validation(1, 4, last, 4, &statuses)?;
    let (from, to) = (
        ExcelDateTime::from_ymd(2000, 1, 1)?,
        ExcelDateTime::from_ymd(2100, 12, 31)?,
    );
    let dates = DataValidation::new()
        .allow_date(DataValidationRule::Between(from, to))
        .set_error_message("Ett datum, ÅÅÅÅ-MM-DD.")?;
    sheet.add_data_validation(1, 7, last, 7, &dates)?;
    let kommuner: Vec<&str> = KOMMUNER.iter().map(|k| k.name).collect();
    let yes_no = list(
        &["ja", "nej"],
        "Ja eller nej",
        "Svara ja eller nej; skriv arbetets status i status.",
    )?;
    let status_value = list(
        &STATUSES,
        "Status",
        "Ej påbörjat, Pågår, Arbete pågår eller Klart.",
    )?;
    let ratings = list(
        &["grön", "gul", "röd"],
        "Bedömning",
        "grön: genomfört; gul: planerat eller påbörjat; röd: fel eller inga åtgärder.",
    )?;
    let numbers = DataValidation::new()
        .allow_decimal_number(DataValidationRule::Between(-1e15, 1e15))
        .set_input_title("Tal")?
        .set_input_message("Ett tal med decimalkomma, t.ex. 12,5.")?
        .set_error_message("Ett tal, t.ex. 12,5.")?;
    let in_kommun = list(&kommuner, "Kommun", "Kommunen som svarar.")?;
    for (i, filled) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        let (kind, cells) = help(catalog, &filled.id);
        sheet.write_string_with_format(r, 0, &filled.id, &open)?;
        if let Some(code) = &filled.kommun {
            let name = crate::geography::kommun_name(code).unwrap_or(code);
            sheet.write_string_with_format(r, 1, name, &open)?;
            sheet.add_data_validation(r, 1, r, 1, &in_kommun)?;
        }
        sheet.write_string_with_format(r, 2, filled.period.to_string(), &open)?;
        match filled.value {
            Some(Answer::Number(x)) => {
                sheet.write_number_with_format(r, 3, x, &open_number)?;
            }
            Some(Answer::YesNo(b)) => {
                sheet.write_string_with_format(r, 3, if b { "ja" } else { "nej" }, &open)?;
            }
            Some(Answer::Status(s)) => {
                sheet.write_string_with_format(r, 3, s.swedish(), &open)?;
            }
            Some(Answer::Rating(rating)) => {
                sheet.write_string_with_format(r, 3, rating_word(rating), &open)?;
            }
            None => {}
        }
        let validation = match kind {
            Some(MeasureKind::Number) => &numbers,
            Some(MeasureKind::YesNo) => &yes_no,
            Some(MeasureKind::Status) => &status_value,
            Some(MeasureKind::Rating) | None => &ratings,
        };
        sheet.add_data_validation(r, 3, r, 3, validation)?;
        if let Some(status) = filled.status {
            sheet.write_string_with_format(r, 4, status.swedish(), &open)?;
        }
        for (col, text) in [(5, &filled.comment), (6, &filled.reported_by)] {
            if !text.is_empty() {
                sheet.write_string_with_format(r, col, text, &open)?;
            }
        }
        if let Some(d) = filled.reported_at {
            let at = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            sheet.write_datetime_with_format(r, 7, &at, &open_date)?;
        }
        for (k, text) in cells.iter().enumerate() {
            sheet.write_string_with_format(r, first_help + k as u16, text, &helper)?;
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    sheet.protect_with_options(&ProtectionOptions {
        insert_rows: true,
        delete_rows: true,
        format_columns: true,
        ..ProtectionOptions::default()
    });
    Ok(())
}
