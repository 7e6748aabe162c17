//! The data directory: tables read once, each with the SHA-256 of its bytes
//! and its row count for the provenance of every figure. Parquet and CSV are
//! read as they are; a PC-Axis file (`.px`) or a JSON-stat answer (`.json`)
//! from SCB through the readers and [`harmonise`] (its values named after
//! the table: `population = "population.px"` gives a `population` column),
//! a Kolada answer (`.json`) as the frame of [`read_kolada_str`].
//! Files are resolved inside the directory; a path that escapes it is refused.
//!
//! At national scale the tables are large: a Parquet table is read with
//! only the columns the catalogue's indicators can use ([`Inputs::new`]
//! gathers them), hashed as a stream rather than held as bytes, and
//! released ([`Inputs::release`]) once no indicator still to run needs it.
//! A Parquet file of [`SCAN_FROM_BYTES`] or more is not held at all: it is
//! [`Rows::Scanned`](super::rows::Rows::Scanned), and each figure reads only its own rows of it (the
//! period's referrals, the visits of a continuity window), with the
//! filters pushed into the reader. Smaller tables are read once per run.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};

use polars::prelude::*;
use sha2::{Digest, Sha256};

use super::model::InputFile;
use super::reads::{readable_columns, TableReads};
use super::rows::Rows;
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::io::{harmonise, read_jsonstat_str, read_kolada_str, read_px_bytes, PxOptions};

/// Parquet files this large or larger are scanned per figure rather than
/// held in memory for the run (64 MiB of compressed Parquet holds about a
/// gigabyte of rows in memory: at the region's size no file comes near it;
/// at national scale the visits and the referrals pass it).
pub const SCAN_FROM_BYTES: u64 = 64 << 20;

/// The tables of a data directory, read on first use.
#[derive(Debug)]
pub struct Inputs {
    dir: PathBuf,
    files: BTreeMap<String, String>,
    /// Per table, the columns the indicators read (a table not in it: all).
    columns: BTreeMap<String, TableReads>,
    frames: BTreeMap<String, DataFrame>,
    read: BTreeMap<String, InputFile>,
    /// Parquet files this large or larger are scanned ([`SCAN_FROM_BYTES`]).
    scan_from: u64,
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
            columns: readable_columns(catalog),
            frames: BTreeMap::new(),
            read: BTreeMap::new(),
            scan_from: SCAN_FROM_BYTES,
        })
    }

    /// Scan the Parquet files of `bytes` or more (the tests scan every one).
    pub(crate) fn scanning_from(mut self, bytes: u64) -> Self {
        self.scan_from = bytes;
        self
    }

    /// Drop the frame of `table` (its provenance stays): no indicator
    /// still to run reads it. Read again if asked for.
    pub fn release(&mut self, table: &str) {
        self.frames.remove(table);
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

    /// A table as [`Rows`]: held when it was read whole (read on first
    /// use), scanned when its Parquet file has [`SCAN_FROM_BYTES`] or more.
    ///
    /// # Errors
    /// As [`Inputs::table`].
    pub fn rows(&mut self, table: &str) -> Result<Rows> {
        if let Some(frame) = self.frames.get(table) {
            return Ok(Rows::Held(frame.clone()));
        }
        let file = self.file_of(table);
        let path = self.resolve(&file)?;
        let size = std::fs::metadata(&path)
            .map_err(|e| Error::io(&path, e))?
            .len();
        if kind(&path) != Kind::Parquet || size < self.scan_from {
            return Ok(Rows::Held(self.table(table)?));
        }
        let unreadable =
            |e: PolarsError| Error::file(&path, format!("not a readable Parquet file: {e}"));
        let handle = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
        let mut reader = ParquetReader::new(handle);
        let rows = reader.num_rows().map_err(unreadable)?;
        let schema = reader.schema().map_err(unreadable)?;
        let names: Vec<&str> = schema.iter_names().map(|n| n.as_str()).collect();
        let wanted = projection(&names, self.columns.get(table));
        let columns: Vec<Expr> = names
            .iter()
            .filter(|n| wanted.is_none_or(|w| w.contains(**n)))
            .map(|n| col(*n))
            .collect();
        // The one file, as named: no glob patterns in the path, no
        // `key=value` directories read as columns.
        let args = ScanArgsParquet {
            glob: false,
            hive_options: HiveOptions::new_disabled(),
            ..ScanArgsParquet::default()
        };
        let scan =
            LazyFrame::scan_parquet(PlRefPath::try_from_path(&path).map_err(unreadable)?, args)
                .map_err(unreadable)?
                .select(columns);
        if !self.read.contains_key(table) {
            let input = InputFile {
                table: table.to_string(),
                file,
                sha256: sha256_file(&path)?,
                rows,
            };
            self.read.insert(table.to_string(), input);
        }
        Ok(Rows::Scanned(Box::new(scan)))
    }

    /// A table, read on first use.
    ///
    /// # Errors
    /// [`Error::File`] when missing, unreadable or not Parquet/CSV;
    /// [`Error::Format`] for a malformed PC-Axis or JSON file.
    pub fn table(&mut self, table: &str) -> Result<DataFrame> {
        if let Some(frame) = self.frames.get(table) {
            return Ok(frame.clone());
        }
        let file = self.file_of(table);
        let path = self.resolve(&file)?;
        let (frame, sha256) = if kind(&path) == Kind::Parquet {
            let reads = self.columns.get(table);
            (read_parquet(&path, reads)?, sha256_file(&path)?)
        } else {
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            (read_table(&path, &bytes, table)?, sha256_hex(&bytes))
        };
        // One chunk per column (a Parquet file gives one per row group):
        // the care layer reads records by row.
        let mut frame = frame;
        frame.rechunk_mut_par();
        let input = InputFile {
            table: table.to_string(),
            file,
            sha256,
            rows: frame.height(),
        };
        self.read.insert(table.to_string(), input);
        self.frames.insert(table.to_string(), frame.clone());
        Ok(frame)
    }

    /// The schema of a table without reading its rows (Parquet) or from its
    /// first rows (CSV).
    ///
    /// # Errors
    /// As [`Inputs::table`].
    pub fn schema(&self, table: &str) -> Result<Schema> {
        if let Some(frame) = self.frames.get(table) {
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
        self.read.values().cloned().collect()
    }

    /// The provenance of one table, when it was read.
    pub fn input(&self, table: &str) -> Option<&InputFile> {
        self.read.get(table)
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

/// The columns to read of a file with columns `names`: the readable ones,
/// or all (`None`) when the indicators name none of the table or the file
/// lacks a column they require (its error then lists every column).
fn projection<'a>(names: &[&str], reads: Option<&'a TableReads>) -> Option<&'a BTreeSet<String>> {
    let reads = reads?;
    let complete = reads.required.iter().all(|r| names.contains(&r.as_str()));
    complete.then_some(&reads.readable)
}

/// A Parquet file with the columns the indicators read ([`projection`]).
fn read_parquet(path: &Path, reads: Option<&TableReads>) -> Result<DataFrame> {
    let unreadable =
        |e: PolarsError| Error::file(path, format!("not a readable Parquet file: {e}"));
    let open = || std::fs::File::open(path).map_err(|e| Error::io(path, e));
    let mut reader = ParquetReader::new(open()?);
    let schema = reader.schema().map_err(unreadable)?;
    let names: Vec<&str> = schema.iter_names().map(|n| n.as_str()).collect();
    if let Some(wanted) = projection(&names, reads) {
        let present: Vec<String> = names
            .iter()
            .filter(|n| wanted.contains(**n))
            .map(|n| n.to_string())
            .collect();
        reader = ParquetReader::new(open()?).with_columns(Some(present));
    }
    reader.finish().map_err(unreadable)
}

/// The SHA-256 of a file, read in blocks, lower-case hex.
fn sha256_file(path: &Path) -> Result<String> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut block = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut block).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&block[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of bytes, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}
