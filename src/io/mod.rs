//! Reading the statistics an analyst of the region starts from: the
//! population from SCB's statistical database (PxWeb) as PC-Axis files or
//! JSON-stat, and comparison values from Kolada — each into a polars frame
//! the rest of the library reads as it comes.
//!
//! [`read_px`] and [`read_jsonstat`] give a tidy frame (per dimension its
//! codes and labels, `value` typed, `status` for the dots codes) and its
//! [`TableMeta`]; [`harmonise`] turns SCB's dimensions into the library's
//! columns (`kommun`, `year`, `sex`, `age`) for `Mortality` and `Rate`;
//! [`read_kolada`] gives Kolada's values for `compare_with_benchmark` and
//! the report's benchmarks; [`areas`] is the region's facts the readers
//! join to. With the `fetch` feature, `fetch_pxweb` and `fetch_kolada`
//! download them.

mod areas;
#[cfg(feature = "fetch")]
mod fetch;
mod harmonise;
mod json;
mod jsonstat;
mod kolada;
pub(crate) mod px;
mod tidy;

use std::collections::BTreeMap;

use polars::prelude::DataFrame;

pub use areas::areas;
#[cfg(feature = "fetch")]
pub use fetch::{fetch_kolada, fetch_pxweb, FetchOptions, KOLADA_API};
pub use harmonise::harmonise;
pub use jsonstat::{read_jsonstat, read_jsonstat_str};
pub use kolada::{read_kolada, read_kolada_str, KOLADA_GENDERS};
pub use px::{read_px, read_px_bytes, read_px_metadata, PxOptions};
pub use tidy::{Dimension, Role};

/// A statistical table read from a file: the tidy frame and what the file
/// says about it.
///
/// ```
/// use indikator::{read_px_bytes, PxOptions, StatTable};
///
/// let px = concat!(
///     "CODEPAGE=\"utf-8\";\nDECIMALS=0;\nMATRIX=\"BE0101N1\";\n",
///     "TITLE=\"Folkmängden efter region och år\";\nCONTENTS=\"Folkmängd\";\nUNITS=\"antal\";\n",
///     "STUB=\"region\";\nHEADING=\"år\";\n",
///     "VALUES(\"region\")=\"2303 Ragunda\",\"2305 Bräcke\";\nCODES(\"region\")=\"2303\",\"2305\";\n",
///     "VALUES(\"år\")=\"2023\",\"2024\";\nDATA=\n5300 5250\n6400 6350;\n",
/// );
/// let StatTable { frame, meta, .. } = read_px_bytes(px.as_bytes(), "folkmangd.px", &PxOptions::default())?;
/// assert_eq!(meta.format, "PC-Axis");
/// assert_eq!(frame.shape(), (4, 6));
/// // Ragunda 2024: the heading varies fastest.
/// assert_eq!(frame.column("value")?.i64()?.get(1), Some(5250));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct StatTable {
    /// Per dimension a column of codes (named after the dimension) and one
    /// of labels (`<name>_label`), then `value` and `status`.
    pub frame: DataFrame,
    /// Title, unit, source, last update and the rest.
    pub meta: TableMeta,
}

/// What a PC-Axis or JSON-stat file says about its table.
///
/// ```
/// use indikator::read_px_metadata;
///
/// let px = concat!(
///     "CODEPAGE=\"utf-8\";\nLANGUAGE=\"sv\";\nDECIMALS=0;\nMATRIX=\"BE0101N1\";\n",
///     "TITLE=\"Folkmängden efter region och år\";\nCONTENTS=\"Folkmängd\";\nUNITS=\"antal\";\n",
///     "SOURCE=\"Statistiska centralbyrån (SCB)\";\nLAST-UPDATED=\"20240221 08:00\";\n",
///     "NOTE=\"Folkmängden avser den 31 december.\";\nDATASYMBOL2=\"Uppgift saknas\";\n",
///     "STUB=\"region\";\nHEADING=\"år\";\n",
///     "VALUES(\"region\")=\"2361 Härjedalen\";\nVALUES(\"år\")=\"2024\";\nDATA=\n\"..\";\n",
/// );
/// let meta = read_px_metadata(px.as_bytes(), "folkmangd.px", &Default::default())?;
/// assert_eq!(meta.table.as_deref(), Some("BE0101N1"));
/// assert_eq!(meta.last_updated.as_deref(), Some("20240221 08:00"));
/// assert_eq!(meta.symbols[".."], "Uppgift saknas");
/// assert_eq!(meta.notes, ["Folkmängden avser den 31 december."]);
/// assert_eq!((meta.language.as_deref(), meta.decimals), (Some("sv"), Some(0)));
/// assert_eq!(meta.dimensions.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableMeta {
    /// `"PC-Axis"` or `"JSON-stat"`.
    pub format: String,
    /// The table's id (PX `MATRIX`, PxWeb's `tableid`), e.g. `BE0101N1`.
    pub table: Option<String>,
    /// The title (PX `TITLE`, JSON-stat `label`).
    pub title: Option<String>,
    /// What the values are (PX `CONTENTS`).
    pub contents: Option<String>,
    /// The unit of the values, when the table has one (`antal`).
    pub unit: Option<String>,
    /// The unit of each contents category, by its code, when the table
    /// has a contents dimension.
    pub units: BTreeMap<String, String>,
    /// The source (`SOURCE`, `source`).
    pub source: Option<String>,
    /// When the data were last updated, as the file writes it
    /// (`20240221 08:00`, `2024-02-21T07:00:00Z`).
    pub last_updated: Option<String>,
    /// The language of the labels read.
    pub language: Option<String>,
    /// The encoding the file was read in (`windows-1252`, `UTF-8`).
    pub encoding: String,
    /// The decimals the file declares.
    pub decimals: Option<u32>,
    /// The table's notes (`NOTEX`, `NOTE`, `note`), in order.
    pub notes: Vec<String>,
    /// What the file says its markers mean (PX `DATASYMBOL1`… by marker:
    /// `".."` → the text).
    pub symbols: BTreeMap<String, String>,
    /// The dimensions, in the order of the frame's columns.
    pub dimensions: Vec<Dimension>,
}
