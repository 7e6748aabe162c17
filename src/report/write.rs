//! Writing a finished report: HTML, XLSX, and the long table as Parquet and
//! CSV. Every file is written beside its final name and renamed into place,
//! so a failed run never leaves a half-written file where the last good one was.

use std::path::{Path, PathBuf};

use polars::prelude::*;

use super::html::html;
use super::model::Report;
use super::xlsx::xlsx;
use crate::error::{Error, Result};

/// The file names of a report's outputs, in the order written.
///
/// ```
/// use indikator::OUTPUT_FILES;
///
/// // The page and the workbook (rapport), the long table twice (resultat).
/// assert_eq!(OUTPUT_FILES, ["rapport.html", "rapport.xlsx", "resultat.parquet", "resultat.csv"]);
/// let page = std::path::Path::new("ut/2024-delar").join(OUTPUT_FILES[0]);
/// assert_eq!(page.extension().and_then(|e| e.to_str()), Some("html"));
/// ```
pub const OUTPUT_FILES: [&str; 4] = [
    "rapport.html",
    "rapport.xlsx",
    "resultat.parquet",
    "resultat.csv",
];

/// Write the report's files into `out` (created if missing); returns their paths.
///
/// # Errors
/// [`Error::File`] when a file cannot be written; nothing half-written is left
/// under a final name.
///
/// ```
/// use indikator::polars::prelude::*;
/// use indikator::{run_catalog, write_report, Catalog, RunOptions, OUTPUT_FILES};
///
/// let data = std::env::temp_dir().join("indikator-write-report");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.02)?;
/// let report = run_catalog(&Catalog::shipped()?, &data, &RunOptions::new("2024-delar".parse()?))?;
/// let written = write_report(&report, &data.join("rapport-2024-delar"))?;
/// let names: Vec<_> = written.iter().filter_map(|p| p.file_name()?.to_str()).collect();
/// assert_eq!(names, OUTPUT_FILES);
/// // The long table, read back from its Parquet file.
/// let long = ParquetReader::new(std::fs::File::open(&written[2])?).finish()?;
/// assert_eq!(long.height(), report.long.height());
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_report(report: &Report, out: &Path) -> Result<Vec<PathBuf>> {
    let contents = outputs(report)?;
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    // Every file is made before any is put in place.
    let mut staged = Vec::new();
    for (name, bytes) in contents {
        let tmp = out.join(format!(".{name}.{}.tmp", std::process::id()));
        std::fs::write(&tmp, bytes).map_err(|e| Error::io(&tmp, e))?;
        staged.push((tmp, out.join(name)));
    }
    let mut written = Vec::new();
    for (tmp, path) in staged {
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))?;
        written.push(path);
    }
    Ok(written)
}

/// The report's files as bytes, named as [`OUTPUT_FILES`].
///
/// # Errors
/// Only from the XLSX and Parquet writers.
///
/// For a program that serves the files itself:
///
/// ```
/// use indikator::render::outputs;
/// use indikator::{run_catalog, Catalog, RunOptions, OUTPUT_FILES};
///
/// let data = std::env::temp_dir().join("indikator-render-outputs");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.02)?;
/// let report = run_catalog(&Catalog::shipped()?, &data, &RunOptions::new("2024-delar".parse()?))?;
/// let files = outputs(&report)?;
/// let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
/// assert_eq!(names, OUTPUT_FILES);
/// // resultat.csv: the long table, a header and a line per row.
/// let csv = String::from_utf8(files[3].1.clone())?;
/// assert!(csv.starts_with("indicator_id,"));
/// assert_eq!(csv.lines().count(), report.long.height() + 1);
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn outputs(report: &Report) -> Result<Vec<(&'static str, Vec<u8>)>> {
    let contents = [
        html(report).into_bytes(),
        xlsx(report)?,
        parquet_bytes(&report.long)?,
        csv_bytes(&report.long)?,
    ];
    Ok(OUTPUT_FILES.into_iter().zip(contents).collect())
}

/// The long table as Parquet bytes.
///
/// # Errors
/// Only from polars.
pub fn parquet_bytes(table: &DataFrame) -> Result<Vec<u8>> {
    let mut buffer = Vec::new();
    ParquetWriter::new(&mut buffer).finish(&mut table.clone())?;
    Ok(buffer)
}

/// The long table as CSV bytes (UTF-8, comma separated, header row).
///
/// # Errors
/// Only from polars.
pub fn csv_bytes(table: &DataFrame) -> Result<Vec<u8>> {
    let mut buffer = Vec::new();
    CsvWriter::new(&mut buffer)
        .include_header(true)
        .finish(&mut table.clone())?;
    Ok(buffer)
}
