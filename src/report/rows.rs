//! A table of the data directory as the report uses it: held in memory,
//! or scanned for each use ([`Rows`]), and what is done with either: the
//! catalogue's filters, a scan collected, the span of a date column.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use polars::prelude::*;

use crate::error::Result;

/// A table of the data directory: held in memory, or scanned for each use.
#[derive(Clone)]
pub enum Rows {
    /// Read once and held.
    Held(DataFrame),
    /// A Parquet scan of the needed columns, read again at each use with
    /// that use's filter.
    Scanned(Box<LazyFrame>),
}

impl std::fmt::Debug for Rows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rows::Held(frame) => write!(f, "Rows::Held({} rows)", frame.height()),
            Rows::Scanned(_) => write!(f, "Rows::Scanned"),
        }
    }
}

impl Rows {
    /// The rows as a lazy query (over the held frame, or the scan).
    pub fn lazy(&self) -> LazyFrame {
        match self {
            Rows::Held(frame) => frame.clone().lazy(),
            Rows::Scanned(scan) => scan.as_ref().clone(),
        }
    }

    /// Every row.
    ///
    /// # Errors
    /// A scan that cannot be read.
    pub fn frame(&self) -> Result<DataFrame> {
        match self {
            Rows::Held(frame) => Ok(frame.clone()),
            Rows::Scanned(scan) => Ok(scan.as_ref().clone().collect()?),
        }
    }

    /// The rows where `keep` holds (read from the file for a scan).
    ///
    /// # Errors
    /// A column of `keep` the table lacks; a scan that cannot be read.
    pub fn filter(&self, keep: Expr) -> Result<DataFrame> {
        let mut frame = self.lazy().filter(keep).collect()?;
        // One chunk per column: the care layer reads records by row.
        frame.rechunk_mut_par();
        Ok(frame)
    }

    /// A date column as an expression: as it is stored when it is a date
    /// (so that a scan compares it with the row groups' statistics), else
    /// cast to a date.
    ///
    /// # Errors
    /// A scan whose schema cannot be read.
    pub fn date(&self, name: &str) -> Result<Expr> {
        Ok(match self.schema()?.get(name) {
            Some(DataType::Date) => col(name),
            _ => col(name).cast(DataType::Date),
        })
    }

    /// The column names and types.
    ///
    /// # Errors
    /// A scan whose schema cannot be read.
    pub fn schema(&self) -> Result<SchemaRef> {
        match self {
            Rows::Held(frame) => Ok(frame.schema().clone()),
            Rows::Scanned(scan) => Ok(scan.as_ref().clone().collect_schema()?),
        }
    }

    /// The number of rows (a count query for a scan).
    ///
    /// # Errors
    /// A scan that cannot be read.
    pub fn height(&self) -> Result<usize> {
        match self {
            Rows::Held(frame) => Ok(frame.height()),
            Rows::Scanned(scan) => {
                let n = scan.as_ref().clone().select([len()]).collect()?;
                let count = n.columns()[0].cast(&DataType::UInt64)?;
                Ok(count.u64()?.get(0).unwrap_or(0) as usize)
            }
        }
    }
}

/// The rows of a scan, in one chunk per column (the care layer reads records by row).
pub(super) fn collect_rows(scan: LazyFrame) -> Result<DataFrame> {
    let mut frame = scan.collect()?;
    frame.rechunk_mut_par();
    Ok(frame)
}

/// Keep the rows whose column (as text) holds one of the values.
pub(super) fn filtered(rows: Rows, filters: &BTreeMap<String, Vec<String>>) -> Result<Rows> {
    if filters.is_empty() {
        return Ok(rows);
    }
    let schema = rows.schema()?;
    let mut keep = lit(true);
    for (column, values) in filters {
        if !schema.contains(column) {
            // The error that names the column and lists the table's (all
            // of them: a table lacking a column it needs is read whole).
            crate::measure::column_of(&DataFrame::empty_with_schema(&schema), column, "filter")?;
        }
        let text = col(column.as_str()).cast(DataType::String);
        let any = values.iter().fold(lit(false), |any, v| {
            any.or(text.clone().eq(lit(v.as_str())))
        });
        keep = keep.and(any.fill_null(lit(false)));
    }
    Ok(match rows {
        Rows::Held(_) => Rows::Held(rows.filter(keep)?),
        Rows::Scanned(scan) => Rows::Scanned(Box::new(scan.filter(keep))),
    })
}

/// The first and last date of a column (`None` when it is missing, not
/// dates or empty).
pub(super) fn date_span(
    rows: &Rows,
    column: String,
) -> Result<Option<(String, NaiveDate, NaiveDate)>> {
    if !rows.schema()?.contains(&column) {
        return Ok(None);
    }
    let date = col(column.as_str()).cast(DataType::Date);
    let Ok(span) = rows
        .lazy()
        .select([date.clone().min().alias("first"), date.max().alias("last")])
        .collect()
    else {
        return Ok(None);
    };
    let day = |name: &str| {
        span.column(name)
            .ok()
            .and_then(|c| c.date().ok()?.as_date_iter().next().flatten())
    };
    Ok(match (day("first"), day("last")) {
        (Some(first), Some(last)) => Some((column, first, last)),
        _ => None,
    })
}
