//! The data directory: tables read once, each with the SHA-256 of its bytes
//! and its row count for the provenance of every figure. Parquet and CSV are
//! read as they are; a PC-Axis file (`.px`) or a JSON-stat answer (`.json`)
//! from SCB through the readers and [`harmonise`] (its values named after
//! the table: `population = "population.px"` gives a `population` column),
//! a Kolada answer (`.json`) as the frame of [`read_kolada_str`].
//! Files are resolved inside the directory; a path that escapes it is refused.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use polars::prelude::*;
use sha2::{Digest, Sha256};

use super::model::InputFile;
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::io::{harmonise, read_jsonstat_str, read_kolada_str, read_px_bytes, PxOptions};

/// The tables of a data directory, read on first use.
#[derive(Debug)]
pub struct Inputs {
    dir: PathBuf,
    files: BTreeMap<String, String>,
    loaded: BTreeMap<String, (DataFrame, InputFile)>,
}

impl Inputs {
    /// The data directory `dir`, with the catalogue's table files.
    ///
    /// # Errors
    /// [`Error::File`] when `dir` is not a readable directory.
    pub fn new(dir: impl AsRef<Path>, catalog: &Catalog) -> Result<Self> {
        let dir = dir.as_ref();
        if !dir.is_dir() {
            return Err(Error::file(dir, "the data directory does not exist"));
        }
        let dir = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
        let mut files = BTreeMap::new();
        for ind in &catalog.indicators {
            for table in ind.statistic.tables() {
                files.insert(table.to_string(), catalog.table_file(table));
            }
        }
        for (table, file) in &catalog.tables {
            files.insert(table.clone(), file.clone());
        }
        Ok(Inputs {
            dir,
            files,
            loaded: BTreeMap::new(),
        })
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The path of a file named by the catalogue, inside the data directory.
    ///
    /// # Errors
    /// [`Error::File`] when the file is missing or resolves outside the directory.
    pub fn resolve(&self, file: &str) -> Result<PathBuf> {
        let path = self.dir.join(file);
        let real = path
            .canonicalize()
            .map_err(|e| Error::io_in(&path, "cannot be opened", e))?;
        if !real.starts_with(&self.dir) {
            return Err(Error::file(
                &path,
                "resolves outside the data directory; the catalogue may only name files inside it",
            ));
        }
        Ok(real)
    }

    fn file_of(&self, table: &str) -> String {
        self.files
            .get(table)
            .cloned()
            .unwrap_or_else(|| format!("{table}.parquet"))
    }

    /// A table, read on first use.
    ///
    /// # Errors
    /// [`Error::File`] when missing, unreadable or not Parquet/CSV;
    /// [`Error::Format`] for a malformed PC-Axis or JSON file.
    pub fn table(&mut self, table: &str) -> Result<DataFrame> {
        if let Some((frame, _)) = self.loaded.get(table) {
            return Ok(frame.clone());
        }
        let file = self.file_of(table);
        let path = self.resolve(&file)?;
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let frame = read_table(&path, &bytes, table)?;
        let input = InputFile {
            table: table.to_string(),
            file,
            sha256: sha256_hex(&bytes),
            rows: frame.height(),
        };
        self.loaded
            .insert(table.to_string(), (frame.clone(), input));
        Ok(frame)
    }

    /// The schema of a table without reading its rows (Parquet) or from its
    /// first rows (CSV).
    ///
    /// # Errors
    /// As [`Inputs::table`].
    pub fn schema(&self, table: &str) -> Result<Schema> {
        if let Some((frame, _)) = self.loaded.get(table) {
            return Ok(frame.schema().as_ref().clone());
        }
        let path = self.resolve(&self.file_of(table))?;
        if matches!(kind(&path), Kind::Px | Kind::Json) {
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            return Ok(read_table(&path, &bytes, table)?.schema().as_ref().clone());
        }
        let file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
        if kind(&path) == Kind::Csv {
            let frame = csv_options(Some(100))
                .into_reader_with_file_handle(file)
                .finish()
                .map_err(|e| Error::file(&path, format!("not a readable CSV file: {e}")))?;
            return Ok(frame.schema().as_ref().clone());
        }
        let schema = ParquetReader::new(file)
            .schema()
            .map_err(|e| Error::file(&path, format!("not a readable Parquet file: {e}")))?;
        Ok(Schema::from_arrow_schema(schema.as_ref()))
    }

    /// The input files read so far, by table name.
    pub fn used(&self) -> Vec<InputFile> {
        self.loaded.values().map(|(_, f)| f.clone()).collect()
    }

    /// The provenance of one table, when it was read.
    pub fn input(&self, table: &str) -> Option<&InputFile> {
        self.loaded.get(table).map(|(_, f)| f)
    }
}

/// The kinds of table files, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Parquet,
    Csv,
    Px,
    Json,
}

fn kind(path: &Path) -> Kind {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("csv") => Kind::Csv,
        Some("px") => Kind::Px,
        Some("json") => Kind::Json,
        _ => Kind::Parquet,
    }
}

/// Whether a JSON text is a Kolada answer rather than JSON-stat: an array
/// (of pages or entries), or an object whose `values` is an array and that
/// has no `dimension` (JSON-stat's values may be an array too).
pub(crate) fn is_kolada(text: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(_)) => true,
        Ok(serde_json::Value::Object(o)) => {
            o.get("values").is_some_and(serde_json::Value::is_array) && !o.contains_key("dimension")
        }
        _ => false,
    }
}

fn csv_options(rows: Option<usize>) -> CsvReadOptions {
    CsvReadOptions::default()
        .with_has_header(true)
        .with_n_rows(rows)
        .with_parse_options(CsvParseOptions::default().with_try_parse_dates(true))
}

/// A table file's bytes as a frame: Parquet, CSV (`.csv`), PC-Axis
/// (`.px`) or JSON (`.json`: a Kolada answer, else JSON-stat) — SCB's
/// tables harmonised, their values named `table`.
///
/// # Errors
/// [`Error::File`] naming the format when the bytes do not parse;
/// [`Error::Format`] from the PC-Axis and JSON readers.
pub fn read_table(path: &Path, bytes: &[u8], table: &str) -> Result<DataFrame> {
    let name = path.display().to_string();
    match kind(path) {
        Kind::Csv => csv_options(None)
            .into_reader_with_file_handle(Cursor::new(bytes))
            .finish()
            .map_err(|e| Error::file(path, format!("not a readable CSV file: {e}"))),
        Kind::Px => harmonise(
            &read_px_bytes(bytes, &name, &PxOptions::default())?.frame,
            table,
        ),
        Kind::Json => {
            let text = std::str::from_utf8(bytes)
                .map_err(|e| Error::file(path, format!("a JSON file must be UTF-8 ({e})")))?;
            if is_kolada(text) {
                read_kolada_str(text, &name)
            } else {
                harmonise(&read_jsonstat_str(text, &name)?.frame, table)
            }
        }
        Kind::Parquet => ParquetReader::new(Cursor::new(bytes))
            .finish()
            .map_err(|e| Error::file(path, format!("not a readable Parquet file: {e}"))),
    }
}

/// The SHA-256 of bytes, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
