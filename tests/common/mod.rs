//! Shared helpers for the integration tests: reading the golden CSV tables
//! of PHEindicatormethods from `tests/data/conformance/phe/` (copied
//! into this repository) and comparing numbers at a named tolerance.
#![allow(dead_code)]

use std::path::PathBuf;

use polars::prelude::*;

/// Relative tolerance the golden tables are reproduced to (see their README).
pub const GOLDEN_REL_TOL: f64 = 1e-9;

/// Our column names and the golden tables' names for a value with limits at both levels.
pub const BOTH: [(&str, &str); 5] = [
    ("value", "value"),
    ("lower_95", "lower95_0cl"),
    ("upper_95", "upper95_0cl"),
    ("lower_99_8", "lower99_8cl"),
    ("upper_99_8", "upper99_8cl"),
];

/// The folder of the golden tables: `$INDIKATOR_GOLDEN_DIR`, or the
/// project's own copy, `tests/data/conformance/phe` (see its README).
pub fn golden_dir() -> PathBuf {
    match std::env::var_os("INDIKATOR_GOLDEN_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/conformance/phe"),
    }
}

/// A CSV table as text cells; blank trailing rows (spreadsheet export
/// artefacts) are dropped.
pub struct Csv {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Split CSV text into records of cells: quoted cells may hold commas and
/// line breaks; a leading byte-order mark is dropped.
fn records(text: &str) -> Vec<Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let (mut out, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    for ch in text.chars() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => row.push(std::mem::take(&mut cell)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                out.push(std::mem::take(&mut row));
            }
            _ => cell.push(ch),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        out.push(row);
    }
    out
}

impl Csv {
    /// Read a golden table by file name.
    pub fn read(name: &str) -> Csv {
        Csv::read_path(&golden_dir().join(name))
    }

    /// Read a CSV file.
    pub fn read_path(path: &std::path::Path) -> Csv {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let mut records = records(&text).into_iter();
        let header = records
            .next()
            .expect("header")
            .into_iter()
            .map(|h| h.trim().to_string())
            .collect();
        let rows = records
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .collect();
        Csv { header, rows }
    }

    fn index(&self, column: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == column)
            .unwrap_or_else(|| panic!("no column {column} in {:?}", self.header))
    }

    /// Text cell of 0-based data row `row`.
    pub fn text(&self, row: usize, column: &str) -> String {
        self.rows[row]
            .get(self.index(column))
            .cloned()
            .unwrap_or_default()
    }

    /// Numeric cell, `None` when blank or `NA`.
    pub fn num(&self, row: usize, column: &str) -> Option<f64> {
        let t = self.text(row, column);
        let t = t.trim();
        (!t.is_empty() && t != "NA").then(|| {
            t.parse::<f64>()
                .unwrap_or_else(|e| panic!("{column} row {row}: {t:?}: {e}"))
        })
    }

    /// A frame of the given 0-based rows: `text` columns as strings, `nums` as f64 (null when blank).
    pub fn frame(
        &self,
        rows: impl IntoIterator<Item = usize> + Clone,
        text: &[&str],
        nums: &[&str],
    ) -> DataFrame {
        let mut cols = Vec::new();
        for c in text {
            let v: Vec<String> = rows.clone().into_iter().map(|r| self.text(r, c)).collect();
            cols.push(Column::new((*c).into(), v));
        }
        for c in nums {
            let v: Vec<Option<f64>> = rows.clone().into_iter().map(|r| self.num(r, c)).collect();
            cols.push(Column::new((*c).into(), v));
        }
        DataFrame::new_infer_height(cols).unwrap()
    }

    /// 0-based indices of the rows whose `column` equals `value`.
    pub fn rows_where(&self, column: &str, value: &str) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&r| self.text(r, column) == value)
            .collect()
    }
}

/// Values of a float column of a result frame.
pub fn floats(df: &DataFrame, column: &str) -> Vec<Option<f64>> {
    df.column(column)
        .unwrap_or_else(|_| panic!("no column {column}: {:?}", df.get_column_names()))
        .cast(&DataType::Float64)
        .unwrap()
        .f64()
        .unwrap()
        .iter()
        .collect()
}

/// Values of a string column of a result frame.
pub fn strings(df: &DataFrame, column: &str) -> Vec<Option<String>> {
    df.column(column)
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|s| s.map(str::to_string))
        .collect()
}

/// Values of a string column that has no nulls.
pub fn texts(df: &DataFrame, column: &str) -> Vec<String> {
    strings(df, column)
        .into_iter()
        .map(|s| s.unwrap_or_else(|| panic!("null in `{column}`")))
        .collect()
}

/// Assert an optional number matches, both missing or relatively close.
pub fn assert_matches(got: Option<f64>, want: Option<f64>, tol: f64, what: &str) {
    match (got, want) {
        (None, None) => {}
        (Some(g), Some(w)) => {
            let err = if w == 0.0 {
                g.abs()
            } else {
                ((g - w) / w).abs()
            };
            assert!(
                err <= tol,
                "{what}: got {g:.17e}, want {w:.17e} (relative error {err:e})"
            );
        }
        _ => panic!("{what}: got {got:?}, want {want:?}"),
    }
}
