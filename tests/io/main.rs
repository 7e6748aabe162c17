//! The readers of SCB and Kolada files, on files written to the published
//! descriptions of their formats (tests/data/io/, see its README): several
//! dimensions, the missing-value markers, both encodings, malformed files
//! with the line and the key, and the way into the indicators.

mod jsonstat;
mod kolada;
mod px;
mod to_indicators;

use std::path::PathBuf;

/// A file of tests/data/io.
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/io")
        .join(name)
}

/// The texts of a string column (nulls as "").
pub fn texts(frame: &polars::prelude::DataFrame, column: &str) -> Vec<String> {
    frame
        .column(column)
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|v| v.unwrap_or("").to_string())
        .collect()
}
