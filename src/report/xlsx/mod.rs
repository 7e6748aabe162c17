//! The report as an XLSX workbook: an overview, a sheet per perspective,
//! every success factor (`followup.rs`), the long table and the provenance
//! of the inputs. Numbers are written as numbers (formatted the Swedish
//! way), missing values as empty cells and masked values as `..`.
//!
//! Over 500 lines with its documentation: 459 lines of code and 56 of doc
//! comments (every public item and method carries a runnable example).

mod followup;

use polars::prelude::{Column, DataFrame, DataType, PolarsError, TimeUnit};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::model::{IndicatorResult, Point, Report};
use super::style::{rating_hex, rating_text_hex};
use crate::assess::Perspective;
use crate::disclosure::SUPPRESSED_SYMBOL;
use crate::error::{Error, Result};
use crate::synthetic::SYNTHETIC_BANNER;

/// The columns of a perspective's sheet, with their widths.
const INDICATOR_COLUMNS: [(&str, f64); 11] = [
    ("Indikator", 42.0),
    ("Värde", 14.0),
    ("Nedre 95 %", 12.0),
    ("Övre 95 %", 12.0),
    ("Föregående år", 15.0),
    ("Riket", 13.0),
    ("Kvinnor mot män", 40.0),
    ("Mål", 26.0),
    ("Bedömning", 24.0),
    ("Källa", 34.0),
    ("Ansvarig", 30.0),
];

/// Rows a sheet holds below its header.
const MAX_ROWS: usize = 1_048_575;
/// Columns a sheet holds.
const MAX_COLUMNS: usize = 16_384;
/// Excel's serial number of 1970-01-01 (days since 1899-12-30).
const UNIX_EPOCH_SERIAL: f64 = 25_569.0;

/// The report as an XLSX workbook, in memory.
///
/// Sheets: "Översikt" (title, period, ratings per perspective: of the
/// success factors when the catalogue has them), one sheet per perspective
/// with indicators, "Framgångsfaktorer" (every success factor by
/// perspective and goal, rated, with its measures; when the catalogue has
/// any), "Data" (the long table, every column,
/// bold header, autofilter, frozen top row) and "Underlag" (inputs with
/// SHA-256 and rows, library version, catalogue, benchmark source).
///
/// # Errors
/// A long table wider or longer than a sheet, a cell the writer refuses
/// (e.g. text over 32 767 characters), or a column polars cannot read.
///
/// ```
/// use indikator::render::xlsx;
/// use indikator::{run_catalog, Catalog, RunOptions};
///
/// let data = std::env::temp_dir().join("indikator-render-xlsx");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.02)?;
/// let report = run_catalog(&Catalog::shipped()?, &data, &RunOptions::new("2024-delar".parse()?))?;
/// let bytes = xlsx(&report)?;
/// assert!(bytes.starts_with(b"PK")); // an XLSX workbook is a zip archive
/// // A fixed creation time: the same report gives the same bytes.
/// assert_eq!(bytes, xlsx(&report)?);
/// std::fs::write(data.join("rapport.xlsx"), &bytes)?;
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn xlsx(report: &Report) -> Result<Vec<u8>> {
    let mut workbook = workbook(report).map_err(Fault::into_error)?;
    workbook
        .save_to_buffer()
        .map_err(|e| Fault::from(e).into_error())
}

/// What can go wrong while filling a workbook, turned into a crate error at
/// the end.
struct Fault(Error);

impl Fault {
    fn into_error(self) -> Error {
        self.0
    }
}

impl From<XlsxError> for Fault {
    fn from(e: XlsxError) -> Self {
        Fault(Error::Output {
            format: "XLSX workbook".into(),
            message: format!("rust_xlsxwriter refused it: {e}"),
        })
    }
}

impl From<PolarsError> for Fault {
    fn from(e: PolarsError) -> Self {
        Fault(Error::Polars(e))
    }
}

impl From<Error> for Fault {
    fn from(e: Error) -> Self {
        Fault(e)
    }
}

type Filled<T> = std::result::Result<T, Fault>;

/// The workbook with every sheet, not yet saved.
fn workbook(report: &Report) -> Filled<Workbook> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    // A fixed creation time: the same report gives the same bytes.
    let created = ExcelDateTime::from_ymd(1980, 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    overview(workbook.add_worksheet(), report, &formats)?;
    for perspective in Perspective::ALL {
        let indicators: Vec<&IndicatorResult> = report
            .indicators
            .iter()
            .filter(|i| i.perspective == perspective)
            .collect();
        if !indicators.is_empty() {
            let sheet = workbook.add_worksheet();
            sheet.set_name(sheet_name(perspective.name()))?;
            perspective_sheet(sheet, &indicators, &formats)?;
        }
    }
    if report.counted() == super::model::Counted::SuccessFactors {
        followup::factors_sheet(workbook.add_worksheet(), report, &formats)?;
    }
    data_sheet(workbook.add_worksheet(), &report.long, &formats)?;
    provenance(workbook.add_worksheet(), report, &formats)?;
    Ok(workbook)
}

/// A valid sheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    let trimmed = cleaned.trim_matches('\'').trim();
    if trimmed.is_empty() {
        "Blad".into()
    } else {
        trimmed.to_string()
    }
}

/// The formats shared by the sheets.
struct Formats {
    title: Format,
    bold: Format,
    header: Format,
    text: Format,
    warning: Format,
    date: Format,
    datetime: Format,
    hash: Format,
    masked: Format,
    count: Format,
}

impl Formats {
    fn new() -> Self {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color(Color::RGB(0x1d5a8c))
            .set_font_color(Color::White)
            .set_border_bottom(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(16),
            bold: Format::new().set_bold(),
            header,
            text: Format::new().set_text_wrap(),
            warning: Format::new()
                .set_bold()
                .set_font_color(Color::RGB(0xb00020)),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
            hash: Format::new().set_font_name("Consolas").set_font_size(9),
            masked: Format::new().set_align(FormatAlign::Right),
            count: Format::new().set_num_format("[$-41D]#,##0"),
        }
    }
}

/// The number format of an indicator's values: Swedish locale, its
/// decimals and its unit as literal text ("84,2 %").
fn number_format(decimals: usize, unit: &str) -> Format {
    let mut code = String::from("[$-41D]#,##0");
    if decimals > 0 {
        code.push('.');
        code.push_str(&"0".repeat(decimals.min(10)));
    }
    let unit: String = unit.chars().filter(|c| !matches!(c, '"' | '\\')).collect();
    if !unit.trim().is_empty() {
        code.push_str(&format!("\" {unit}\""));
    }
    Format::new().set_num_format(code)
}

/// The fill of a rating cell, the same colours as the charts.
fn rating_format(colour: &str) -> Format {
    Format::new()
        .set_background_color(Color::RGB(hex_rgb(rating_hex(colour))))
        .set_font_color(Color::RGB(hex_rgb(rating_text_hex(colour))))
        .set_bold()
}

/// `#rrggbb` as a number; grey for anything else.
fn hex_rgb(hex: &str) -> u32 {
    u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0x9aa1a9)
}

/// Title, period, the synthetic note and the ratings per perspective.
fn overview(sheet: &mut Worksheet, report: &Report, formats: &Formats) -> Filled<()> {
    sheet.set_name("Översikt")?;
    sheet.set_column_width(0, 30)?;
    for col in 1..=5 {
        sheet.set_column_width(col, 16)?;
    }
    sheet.write_string_with_format(0, 0, &report.title, &formats.title)?;
    sheet.write_string(1, 0, &report.region)?;
    sheet.write_string_with_format(
        2,
        0,
        format!("Delårsbokslut {}", report.period),
        &formats.bold,
    )?;
    sheet.write_string(
        3,
        0,
        format!("Jämförelseperiod: {}", report.previous_period),
    )?;
    sheet.write_string(4, 0, format!("Indikatorkatalog: {}", report.catalog))?;
    if report.synthetic {
        sheet.write_string_with_format(5, 0, SYNTHETIC_BANNER, &formats.warning)?;
    }
    let heading = 7;
    let (_, many) = report.counted().nouns();
    sheet.write_string_with_format(
        heading - 1,
        0,
        format!("Bedömning per perspektiv: antal {many}"),
        &formats.bold,
    )?;
    sheet.write_string_with_format(heading, 0, "Perspektiv", &formats.header)?;
    let columns = [
        ("Uppfylld", Some("green")),
        ("Delvis uppfylld", Some("yellow")),
        ("Ej uppfylld", Some("red")),
        ("Ej bedömd", Some("grey")),
        ("Totalt", None),
    ];
    for (col, (name, colour)) in (1u16..).zip(columns) {
        let format = colour.map_or(formats.header.clone(), rating_format);
        sheet.write_string_with_format(heading, col, name, &format)?;
    }
    let counts = report.pie_counts();
    let mut row = heading + 1;
    for (perspective, c) in counts {
        let numbers = [c.fulfilled, c.partly, c.not_fulfilled, c.missing];
        let total: usize = numbers.iter().sum();
        if total == 0 {
            continue;
        }
        sheet.write_string(row, 0, perspective.name())?;
        for (col, n) in (1u16..).zip(numbers.into_iter().chain([total])) {
            sheet.write_number(row, col, n as f64)?;
        }
        row += 1;
    }
    Ok(())
}

/// One row per indicator of a perspective.
fn perspective_sheet(
    sheet: &mut Worksheet,
    indicators: &[&IndicatorResult],
    formats: &Formats,
) -> Filled<()> {
    header_row(sheet, &INDICATOR_COLUMNS, formats)?;
    for (i, indicator) in indicators.iter().enumerate() {
        indicator_row(sheet, (i + 1) as u32, indicator, formats)?;
    }
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// A bold header with column widths.
fn header_row(sheet: &mut Worksheet, columns: &[(&str, f64)], formats: &Formats) -> Filled<()> {
    for (col, (name, width)) in (0u16..).zip(columns) {
        sheet.write_string_with_format(0, col, *name, &formats.header)?;
        sheet.set_column_width(col, *width)?;
    }
    Ok(())
}

fn indicator_row(
    sheet: &mut Worksheet,
    row: u32,
    indicator: &IndicatorResult,
    formats: &Formats,
) -> Filled<()> {
    sheet.write_string_with_format(row, 0, &indicator.name_sv, &formats.text)?;
    let number = number_format(indicator.decimals, &indicator.unit);
    let bare = number_format(indicator.decimals, "");
    if let Some(current) = &indicator.current {
        write_value(sheet, row, 1, current, current.value, &number, formats)?;
        write_value(sheet, row, 2, current, current.lower, &bare, formats)?;
        write_value(sheet, row, 3, current, current.upper, &bare, formats)?;
    }
    if let Some(previous) = &indicator.previous {
        write_value(sheet, row, 4, previous, previous.value, &number, formats)?;
    }
    if let Some(riket) = &indicator.riket {
        if riket.value.is_finite() {
            sheet.write_number_with_format(row, 5, riket.value, &number)?;
        }
    }
    let sex = super::style::sex_difference_words(indicator);
    sheet.write_string_with_format(row, 6, &sex, &formats.text)?;
    if let Some(target) = &indicator.target {
        sheet.write_string_with_format(row, 7, target, &formats.text)?;
    }
    rating_cell(sheet, row, indicator)?;
    sheet.write_string_with_format(row, 9, &indicator.source, &formats.text)?;
    sheet.write_string_with_format(row, 10, &indicator.responsible, &formats.text)?;
    Ok(())
}

/// A number of a point: `..` when the point is masked, empty when missing.
fn write_value(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    point: &Point,
    value: Option<f64>,
    format: &Format,
    formats: &Formats,
) -> Filled<()> {
    if point.suppressed {
        sheet.write_string_with_format(row, col, SUPPRESSED_SYMBOL, &formats.masked)?;
    } else if let Some(v) = value.filter(|v| v.is_finite()) {
        sheet.write_number_with_format(row, col, v, format)?;
    }
    Ok(())
}

/// The rating in words on its colour; why a failed indicator has none.
fn rating_cell(sheet: &mut Worksheet, row: u32, indicator: &IndicatorResult) -> Filled<()> {
    let (words, colour) = match (&indicator.error, &indicator.rating) {
        (Some(error), _) => (format!("Kunde inte beräknas: {error}"), "grey"),
        (None, Some(rating)) => (rating.words.clone(), rating.colour.as_str()),
        (None, None) => ("ej bedömd".to_string(), "grey"),
    };
    let format = rating_format(colour).set_text_wrap();
    sheet.write_string_with_format(row, 8, words, &format)?;
    Ok(())
}

/// The long table: every column, typed cells, bold header, autofilter and
/// a frozen top row.
fn data_sheet(sheet: &mut Worksheet, long: &DataFrame, formats: &Formats) -> Filled<()> {
    sheet.set_name("Data")?;
    if long.height() > MAX_ROWS || long.width() > MAX_COLUMNS {
        return Err(Fault(Error::Output {
            format: "XLSX workbook".into(),
            message: format!(
                "the long table must fit a sheet (at most {MAX_ROWS} rows, {MAX_COLUMNS} columns); it has {} rows, {} columns",
                long.height(),
                long.width()
            ),
        }));
    }
    for (col, column) in (0u16..).zip(long.columns()) {
        let name = column.name().as_str();
        sheet.write_string_with_format(0, col, name, &formats.header)?;
        sheet.set_column_width(col, (name.chars().count() as f64 + 4.0).clamp(10.0, 40.0))?;
        write_column(sheet, col, column, formats)?;
    }
    if long.width() > 0 {
        sheet.autofilter(0, 0, long.height() as u32, (long.width() - 1) as u16)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The cells of one column below the header: numbers, text, booleans and
/// dates as themselves, nulls as empty cells, anything else as its text.
fn write_column(sheet: &mut Worksheet, col: u16, column: &Column, formats: &Formats) -> Filled<()> {
    let row = |i: usize| (i + 1) as u32;
    match column.dtype() {
        DataType::String => {
            for (i, v) in column.str()?.iter().enumerate() {
                if let Some(text) = v {
                    sheet.write_string(row(i), col, text)?;
                }
            }
        }
        DataType::Boolean => {
            for (i, v) in column.bool()?.iter().enumerate() {
                if let Some(flag) = v {
                    sheet.write_boolean(row(i), col, flag)?;
                }
            }
        }
        DataType::Date => {
            let days = column.cast(&DataType::Int32)?;
            for (i, v) in days.i32()?.iter().enumerate() {
                if let Some(d) = v {
                    let serial = f64::from(d) + UNIX_EPOCH_SERIAL;
                    sheet.write_number_with_format(row(i), col, serial, &formats.date)?;
                }
            }
        }
        DataType::Datetime(unit, _) => {
            let per_day = match unit {
                TimeUnit::Milliseconds => 86_400e3,
                TimeUnit::Microseconds => 86_400e6,
                TimeUnit::Nanoseconds => 86_400e9,
            };
            let ticks = column.cast(&DataType::Int64)?;
            for (i, v) in ticks.i64()?.iter().enumerate() {
                if let Some(t) = v {
                    let serial = t as f64 / per_day + UNIX_EPOCH_SERIAL;
                    sheet.write_number_with_format(row(i), col, serial, &formats.datetime)?;
                }
            }
        }
        dtype if dtype.is_primitive_numeric() => {
            let numbers = column.cast(&DataType::Float64)?;
            for (i, v) in numbers.f64()?.iter().enumerate() {
                if let Some(x) = v.filter(|x| x.is_finite()) {
                    sheet.write_number(row(i), col, x)?;
                }
            }
        }
        _ => {
            for i in 0..column.len() {
                let value = column.get(i)?;
                if !value.is_null() {
                    sheet.write_string(row(i), col, value.to_string())?;
                }
            }
        }
    }
    Ok(())
}

/// Where the figures came from: version, catalogue, benchmarks, inputs.
fn provenance(sheet: &mut Worksheet, report: &Report, formats: &Formats) -> Filled<()> {
    sheet.set_name("Underlag")?;
    let facts = [
        (
            "Beräknad med",
            format!("indikator {}", report.library_version),
        ),
        ("Indikatorkatalog", report.catalog.clone()),
        ("Period", report.period.clone()),
        ("Jämförelseperiod", report.previous_period.clone()),
        (
            "Jämförelsevärden",
            if report.benchmark_source.is_empty() {
                "Inga jämförelsevärden angavs.".to_string()
            } else {
                report.benchmark_source.clone()
            },
        ),
    ];
    for (row, (label, value)) in (0u32..).zip(facts) {
        sheet.write_string_with_format(row, 0, label, &formats.bold)?;
        sheet.write_string(row, 1, value)?;
    }
    let mut row = 6;
    if report.synthetic {
        sheet.write_string_with_format(5, 0, SYNTHETIC_BANNER, &formats.warning)?;
        row = 7;
    }
    let columns = [
        ("Tabell", 20.0),
        ("Fil", 30.0),
        ("Rader", 12.0),
        ("SHA-256", 70.0),
    ];
    for (col, (name, width)) in (0u16..).zip(columns) {
        sheet.write_string_with_format(row, col, name, &formats.header)?;
        sheet.set_column_width(col, width)?;
    }
    for input in &report.inputs {
        row += 1;
        sheet.write_string(row, 0, &input.table)?;
        sheet.write_string(row, 1, &input.file)?;
        sheet.write_number_with_format(row, 2, input.rows as f64, &formats.count)?;
        sheet.write_string_with_format(row, 3, &input.sha256, &formats.hash)?;
    }
    sheet.write_string(
        row + 2,
        0,
        "Varje siffra i rapporten finns i den långa resultattabellen (bladet Data, \
         och som Parquet och CSV).",
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
