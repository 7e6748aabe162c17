//! The cells of a reported file, read as a spreadsheet user sees them: a
//! header row (row 1) and the rows below it, each with its row number. CSV
//! is read with polars (every column as text; `;` as the separator when
//! the header uses it, as Swedish spreadsheets export); XLSX with calamine,
//! from the sheet named [`REPORT_SHEET`], else the first sheet with an
//! `id` column.

use std::io::Cursor;
use std::path::Path;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::NaiveDate;
use polars::prelude::*;

use super::REPORT_SHEET;
use crate::error::{Error, Result};

/// One cell's content.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    /// Nothing written (or only spaces).
    Empty,
    /// Text, trimmed.
    Text(String),
    /// A number cell.
    Number(f64),
    /// A TRUE/FALSE cell.
    Bool(bool),
    /// A date cell.
    Date(NaiveDate),
}

impl Cell {
    fn text(s: &str) -> Cell {
        let t = s.trim();
        if t.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(t.to_string())
        }
    }

    /// The cell as the user wrote it, for messages.
    pub(super) fn shown(&self) -> String {
        match self {
            Cell::Empty => "an empty cell".into(),
            Cell::Text(t) => format!("{t:?}"),
            Cell::Number(x) => format!("the number {x}"),
            Cell::Bool(b) => format!("the truth value {}", if *b { "TRUE" } else { "FALSE" }),
            Cell::Date(d) => format!("the date {d}"),
        }
    }
}

/// The header and rows of the sheet read.
#[derive(Debug, Clone)]
pub(super) struct Sheet {
    /// The sheet's name (XLSX), `None` for CSV.
    pub name: Option<String>,
    /// The header cells, lower-cased and trimmed.
    pub header: Vec<String>,
    /// Each row below the header: its row number (the header is row 1) and cells.
    pub rows: Vec<(usize, Vec<Cell>)>,
}

/// Whether the path names an XLSX workbook (else it is read as CSV).
pub(super) fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"))
}

/// Read the cells of a reported file's bytes.
///
/// # Errors
/// [`Error::File`] when the file is not a readable CSV or XLSX file, or
/// has no sheet with an `id` column.
pub(super) fn read(path: &Path, bytes: &[u8]) -> Result<Sheet> {
    if is_xlsx(path) {
        read_xlsx(path, bytes)
    } else if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        read_csv(path, bytes)
    } else {
        Err(Error::file(
            path,
            "a reported file is an XLSX workbook (.xlsx) or a CSV file (.csv)",
        ))
    }
}

fn read_csv(path: &Path, bytes: &[u8]) -> Result<Sheet> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let separator = if first_line.contains(&b';') && !first_line.contains(&b',') {
        b';'
    } else {
        b','
    };
    let frame = CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .with_parse_options(CsvParseOptions::default().with_separator(separator))
        .into_reader_with_file_handle(Cursor::new(bytes.to_vec()))
        .finish()
        .map_err(|e| {
            Error::file(
                path,
                format!("not a readable CSV file (UTF-8 expected): {e}"),
            )
        })?;
    let header = frame
        .get_column_names()
        .iter()
        .map(|n| n.trim().to_lowercase())
        .collect();
    let mut columns = Vec::with_capacity(frame.width());
    for c in frame.columns() {
        columns.push(c.cast(&DataType::String)?.str()?.clone());
    }
    let rows = (0..frame.height())
        .map(|i| {
            let cells = columns
                .iter()
                .map(|c| c.get(i).map_or(Cell::Empty, Cell::text))
                .collect();
            (i + 2, cells)
        })
        .collect();
    Ok(Sheet {
        name: None,
        header,
        rows,
    })
}

/// Excel's serial day number as a date (the 1900 system, days from 1899-12-30).
fn serial_date(serial: f64) -> Option<NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_signed(chrono::Duration::days(serial.floor() as i64))
}

fn cell_of(data: &Data) -> std::result::Result<Cell, String> {
    Ok(match data {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s),
        Data::Float(x) => Cell::Number(*x),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => match serial_date(d.as_f64()) {
            Some(date) => Cell::Date(date),
            None => return Err(format!("a date out of range ({})", d.as_f64())),
        },
        Data::Error(e) => return Err(format!("a cell error ({e})")),
    })
}

fn read_xlsx(path: &Path, bytes: &[u8]) -> Result<Sheet> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| Error::file(path, format!("not a readable XLSX workbook: {e}")))?;
    let names = book.sheet_names();
    let mut order: Vec<String> = names
        .iter()
        .filter(|n| *n == REPORT_SHEET)
        .cloned()
        .collect();
    order.extend(names.iter().filter(|n| *n != REPORT_SHEET).cloned());
    for name in order {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| Error::file(path, format!("sheet {name}: cannot be read: {e}")))?;
        let Some((first_row, first_col)) = range.start() else {
            continue;
        };
        let mut rows = range.rows();
        let Some(header_cells) = rows.next() else {
            continue;
        };
        // Columns before the range's first are empty: pad them so that
        // positions are the sheet's.
        let pad = first_col as usize;
        let header: Vec<String> = std::iter::repeat_n(String::new(), pad)
            .chain(header_cells.iter().map(|c| match c {
                Data::String(s) => s.trim().to_lowercase(),
                other => other.to_string().trim().to_lowercase(),
            }))
            .collect();
        if !header.iter().any(|h| h == "id") {
            continue;
        }
        let header_row = first_row as usize + 1;
        let mut out = Vec::new();
        for (k, cells) in rows.enumerate() {
            let number = header_row + 1 + k;
            let mut row = vec![Cell::Empty; pad];
            for (j, data) in cells.iter().enumerate() {
                row.push(cell_of(data).map_err(|e| {
                    let column = header.get(pad + j).map_or("?", String::as_str);
                    Error::file(path, format!("sheet {name}, row {number} ({column}): {e}"))
                })?);
            }
            out.push((number, row));
        }
        return Ok(Sheet {
            name: Some(name),
            header,
            rows: out,
        });
    }
    Err(Error::file(
        path,
        format!(
            "no sheet has a header row with an `id` column (sheets: {}); the template's sheet is {REPORT_SHEET}",
            names.join(", ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_are_numbered_as_a_spreadsheet_counts_and_semicolons_are_read() {
        let sheet = read(
            Path::new("r.csv"),
            "\u{feff}id;period;value\nx;2024-delar;12,5\ny;2024-delar;\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(sheet.header, ["id", "period", "value"]);
        assert_eq!(sheet.rows[0].0, 2);
        assert_eq!(sheet.rows[0].1[2], Cell::Text("12,5".into()));
        assert_eq!(
            sheet.rows[1],
            (
                3,
                vec![
                    Cell::Text("y".into()),
                    Cell::Text("2024-delar".into()),
                    Cell::Empty
                ]
            )
        );
        assert_eq!(serial_date(45_536.0), NaiveDate::from_ymd_opt(2024, 9, 1));
    }

    #[test]
    fn other_files_are_refused_by_name() {
        let err = read(Path::new("r.txt"), b"id").unwrap_err().to_string();
        assert_eq!(
            err,
            "file `r.txt`: a reported file is an XLSX workbook (.xlsx) or a CSV file (.csv)"
        );
    }
}
