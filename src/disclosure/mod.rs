//! Small-number suppression: primary and secondary, visible in a flag column.
//!
//! Every output of the crate can go through [`Suppression::apply`]: a count
//! from 1 up to (not including) the threshold is masked together with every
//! value computed from it; zero is not masked. Where the table holds totals
//! (given as [`Margin`]s), further cells are masked so that no masked cell
//! can be recomputed by one subtraction along a row or column. Masked values
//! become null (never zero), a `suppressed` column says `none`, `primary`
//! or `secondary`, and unmasked values are returned unchanged.

mod lines;

use std::collections::HashMap;

use polars::prelude::*;

pub use lines::{exposed, protect, Flag, Line};

use crate::error::{Error, Result};
use crate::measure::{column_of, COUNT_COLUMNS, DERIVED_COLUMNS};

/// The symbol a report shows in place of a masked value.
pub const SUPPRESSED_SYMBOL: &str = "..";

/// The flag column added to a suppressed table.
pub const FLAG_COLUMN: &str = "suppressed";

/// A total category in a key column: the rows with `column == total` are the
/// sums of the rows with the other categories (the other key columns equal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Margin {
    /// The key column holding the categories and the total, e.g. `"sex"`.
    pub column: String,
    /// The label of the total category, e.g. `"Totalt"`.
    pub total: String,
}

/// Options for small-number suppression.
///
/// # Example
/// ```
/// use indikator::{Margin, Suppression};
/// use polars::prelude::*;
///
/// let table = df!(
///     "sex" => ["kvinnor", "män", "Totalt"],
///     "numerator" => [3, 12, 15],
///     "value" => [0.3, 1.2, 0.75],
/// )?;
/// let out = Suppression::new()
///     .counts(["numerator"])
///     .margin(Margin { column: "sex".into(), total: "Totalt".into() })
///     .apply(&table)?;
/// let flags: Vec<_> = out.column("suppressed")?.str()?.iter().flatten().collect();
/// assert_eq!(flags, ["primary", "secondary", "none"]);
/// assert_eq!(out.column("value")?.f64()?.get(0), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Suppression {
    /// Counts greater than 0 and below this are masked (default 5).
    pub threshold: f64,
    /// Count columns tested by the primary rule; empty means `numerator`
    /// and `denominator` (the standard output schema).
    pub counts: Vec<String>,
    /// Further columns masked with a row; by default the derived columns of
    /// the standard schema that are present (`value`, limits, `sd`).
    pub also: Vec<String>,
    /// Totals in the table.
    pub margins: Vec<Margin>,
    /// The key columns of the table (default: the margin columns); the
    /// cells of a line share every key but the margin's.
    pub keys: Vec<String>,
}

impl Default for Suppression {
    fn default() -> Self {
        Suppression {
            threshold: 5.0,
            counts: Vec::new(),
            also: Vec::new(),
            margins: Vec::new(),
            keys: Vec::new(),
        }
    }
}

impl Suppression {
    /// Suppression below 5, on the standard schema, without totals.
    pub fn new() -> Self {
        Self::default()
    }

    /// Set the threshold (counts > 0 and below it are masked).
    pub fn threshold(mut self, threshold: f64) -> Self {
        self.threshold = threshold;
        self
    }

    /// Name the count columns.
    pub fn counts<I: IntoIterator<Item = S>, S: Into<String>>(mut self, columns: I) -> Self {
        self.counts = columns.into_iter().map(Into::into).collect();
        self
    }

    /// Add a total category.
    pub fn margin(mut self, margin: Margin) -> Self {
        self.margins.push(margin);
        self
    }

    /// Name the key columns of the table.
    pub fn keys<I: IntoIterator<Item = S>, S: Into<String>>(mut self, columns: I) -> Self {
        self.keys = columns.into_iter().map(Into::into).collect();
        self
    }

    /// Suppress `table`.
    ///
    /// # Errors
    /// A threshold below 1 or not finite; missing or non-numeric count
    /// columns; a negative or NaN count; a margin whose total label is absent from its column; two
    /// rows with the same keys; an unknown label in an existing `suppressed`
    /// column.
    pub fn apply(&self, table: &DataFrame) -> Result<DataFrame> {
        if !(self.threshold.is_finite() && self.threshold >= 1.0) {
            return Err(Error::argument(
                "threshold",
                "threshold must be a finite number >= 1",
                self.threshold,
            ));
        }
        let counts = self.count_columns(table)?;
        let mut flags = existing_flags(table)?;
        let sizes = crate::measure::f64_values(table, &counts[0])?;
        for column in &counts {
            let values = crate::measure::f64_values(table, column)?;
            if let Some(row) = values
                .iter()
                .position(|v| v.is_some_and(|v| v.is_nan() || v < 0.0))
            {
                return Err(Error::data(
                    column,
                    "counts to suppress must be 0 or more",
                    values[row].unwrap_or_default(),
                    format!(" in row {row}"),
                ));
            }
            for (flag, v) in flags.iter_mut().zip(values) {
                if let Some(v) = v {
                    if *flag == Flag::None && v > 0.0 && v < self.threshold {
                        *flag = Flag::Primary;
                    }
                }
            }
        }
        let (lines, rank) = self.lines(table)?;
        let sizes: Vec<f64> = sizes.iter().map(|s| s.unwrap_or(0.0)).collect();
        protect_in_key_order(&mut flags, &sizes, &lines, &rank);

        let mask: BooleanChunked = flags.iter().map(|f| f.masked()).collect();
        let mut masked_columns: Vec<&str> = counts.iter().map(String::as_str).collect();
        masked_columns.extend(self.also.iter().map(String::as_str));
        masked_columns.extend(
            DERIVED_COLUMNS
                .iter()
                .copied()
                .filter(|c| table.schema().contains(c)),
        );
        let mut out = table.clone();
        for name in masked_columns {
            let column = column_of(table, name, "column to mask")?;
            let nulls = Column::full_null(name.into(), table.height(), column.dtype());
            let kept = column.zip_with(&!&mask, &nulls)?;
            out.with_column(kept)?;
        }
        if let Ok(status) = table.column("status") {
            let reason = Column::new("status".into(), vec!["suppressed"; table.height()]);
            out.with_column(reason.zip_with(&mask, &status.cast(&DataType::String)?)?)?;
        }
        let labels: Vec<&str> = flags.iter().map(|f| f.label()).collect();
        out.with_column(Column::new(FLAG_COLUMN.into(), labels))?;
        Ok(out)
    }

    fn count_columns(&self, table: &DataFrame) -> Result<Vec<String>> {
        let counts: Vec<String> = if self.counts.is_empty() {
            COUNT_COLUMNS
                .iter()
                .filter(|c| table.schema().contains(c))
                .map(|c| c.to_string())
                .collect()
        } else {
            self.counts.clone()
        };
        if counts.is_empty() {
            return Err(Error::argument(
                "counts",
                "name the count columns to test (the table has no `numerator` or `denominator`)",
                "none",
            ));
        }
        for c in &counts {
            let column = column_of(table, c, "count")?;
            if !column.dtype().is_primitive_numeric() {
                return Err(Error::WrongDtype {
                    column: c.clone(),
                    role: "count".into(),
                    expected: "numeric (integer or float)".into(),
                    found: column.dtype().to_string(),
                });
            }
        }
        Ok(counts)
    }

    /// The additive lines that the margins define, and each row's rank in
    /// the order of its keys.
    fn lines(&self, table: &DataFrame) -> Result<(Vec<Line>, Vec<usize>)> {
        if self.margins.is_empty() {
            return Ok((Vec::new(), (0..table.height()).collect()));
        }
        let keys: Vec<String> = if self.keys.is_empty() {
            self.margins.iter().map(|m| m.column.clone()).collect()
        } else {
            self.keys.clone()
        };
        let mut text: HashMap<&str, Vec<String>> = HashMap::new();
        for k in &keys {
            let column = column_of(table, k, "key")?.cast(&DataType::String)?;
            let values = column
                .str()?
                .iter()
                .map(|v| v.unwrap_or("").to_string())
                .collect();
            text.insert(k.as_str(), values);
        }
        let row_key = |row: usize, skip: Option<&str>| -> Vec<&str> {
            keys.iter()
                .filter(|k| Some(k.as_str()) != skip)
                .map(|k| text[k.as_str()][row].as_str())
                .collect()
        };
        let mut seen = HashMap::new();
        for row in 0..table.height() {
            if let Some(first) = seen.insert(row_key(row, None), row) {
                return Err(Error::data(
                    &keys.join(", "),
                    "a table with totals must have one row per combination of keys",
                    format!("rows {first} and {row} alike"),
                    "",
                ));
            }
        }
        let mut in_key_order: Vec<usize> = (0..table.height()).collect();
        in_key_order.sort_by(|&a, &b| row_key(a, None).cmp(&row_key(b, None)));
        let mut rank = vec![0; table.height()];
        for (position, &row) in in_key_order.iter().enumerate() {
            rank[row] = position;
        }
        let mut lines = Vec::new();
        for margin in &self.margins {
            let values = text.get(margin.column.as_str()).ok_or_else(|| {
                Error::argument(
                    "keys",
                    "the key columns must include every margin column",
                    format!("`{}`", margin.column),
                )
            })?;
            if !values.contains(&margin.total) {
                return Err(Error::data(
                    &margin.column,
                    "the total label of a margin must occur in its column",
                    format!("no row labelled {:?}", margin.total),
                    "",
                ));
            }
            let mut groups: HashMap<Vec<&str>, (Vec<usize>, Option<usize>)> = HashMap::new();
            for (row, value) in values.iter().enumerate() {
                let entry = groups
                    .entry(row_key(row, Some(margin.column.as_str())))
                    .or_default();
                if *value == margin.total {
                    entry.1 = Some(row);
                } else {
                    entry.0.push(row);
                }
            }
            let mut found: Vec<Line> = groups
                .into_values()
                .filter_map(|(members, total)| {
                    total
                        .filter(|_| !members.is_empty())
                        .map(|total| Line { members, total })
                })
                .collect();
            found.sort_by_key(|l| l.total);
            lines.extend(found);
        }
        Ok((lines, rank))
    }
}

/// Secondary suppression decided over the rows in the order of their keys,
/// so that the cells it masks never depend on the order of the rows.
fn protect_in_key_order(flags: &mut [Flag], sizes: &[f64], lines: &[Line], rank: &[usize]) {
    let mut ranked_flags = vec![Flag::None; flags.len()];
    let mut ranked_sizes = vec![0.0; sizes.len()];
    for (row, &r) in rank.iter().enumerate() {
        ranked_flags[r] = flags[row];
        ranked_sizes[r] = sizes[row];
    }
    let mut ranked_lines: Vec<Line> = lines
        .iter()
        .map(|line| {
            let mut members: Vec<usize> = line.members.iter().map(|&m| rank[m]).collect();
            members.sort_unstable();
            Line {
                members,
                total: rank[line.total],
            }
        })
        .collect();
    ranked_lines.sort_by(|a, b| (a.total, &a.members).cmp(&(b.total, &b.members)));
    protect(&mut ranked_flags, &ranked_sizes, &ranked_lines);
    for (row, &r) in rank.iter().enumerate() {
        flags[row] = ranked_flags[r];
    }
}

/// Flags of an already suppressed table (so that suppression is idempotent).
fn existing_flags(table: &DataFrame) -> Result<Vec<Flag>> {
    let Ok(column) = table.column(FLAG_COLUMN) else {
        return Ok(vec![Flag::None; table.height()]);
    };
    let column = column.cast(&DataType::String)?;
    column
        .str()?
        .iter()
        .map(|v| {
            let v = v.unwrap_or("none");
            Flag::parse(v).ok_or_else(|| {
                Error::data(
                    FLAG_COLUMN,
                    "flags must be none, primary or secondary",
                    format!("{v:?}"),
                    "",
                )
            })
        })
        .collect()
}
