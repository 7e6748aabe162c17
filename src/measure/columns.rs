//! Checks on the columns a statistic reads, before any computation.

use polars::prelude::*;

use crate::error::{Error, Result};

/// The schema of a lazy frame (resolving it is cheap: no data is read).
pub(crate) fn schema_of(lf: &LazyFrame) -> Result<SchemaRef> {
    Ok(lf.clone().collect_schema()?)
}

fn available(schema: &Schema) -> String {
    schema
        .iter_names()
        .map(|n| n.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The dtype of `column`, or [`Error::ColumnNotFound`] naming its `role`.
pub(crate) fn require<'a>(schema: &'a Schema, column: &str, role: &str) -> Result<&'a DataType> {
    schema.get(column).ok_or_else(|| Error::ColumnNotFound {
        column: column.to_string(),
        role: role.to_string(),
        available: available(schema),
    })
}

/// The column `name` of an eager frame, or [`Error::ColumnNotFound`] naming its `role`.
pub(crate) fn column_of<'a>(frame: &'a DataFrame, name: &str, role: &str) -> Result<&'a Column> {
    require(frame.schema(), name, role)?;
    Ok(frame.column(name)?)
}

/// The values of a list-of-strings column, one `Vec` per row (empty for null).
pub(crate) fn string_lists(frame: &DataFrame, name: &str) -> Result<Vec<Vec<String>>> {
    let lists = frame.column(name)?.list()?.clone();
    let mut out = Vec::with_capacity(lists.len());
    for list in lists.amortized_iter() {
        out.push(match list {
            Some(s) => s
                .as_ref()
                .str()?
                .iter()
                .flatten()
                .map(str::to_string)
                .collect(),
            None => Vec::new(),
        });
    }
    Ok(out)
}

/// Require a numeric (integer or float) column.
pub(crate) fn require_numeric(schema: &Schema, column: &str, role: &str) -> Result<()> {
    let dtype = require(schema, column, role)?;
    if dtype.is_primitive_numeric() {
        Ok(())
    } else {
        Err(Error::WrongDtype {
            column: column.to_string(),
            role: role.to_string(),
            expected: "numeric (integer or float)".to_string(),
            found: dtype.to_string(),
        })
    }
}

/// Require grouping columns of a type that can be grouped on and printed.
pub(crate) fn require_keys(schema: &Schema, by: &[String], role: &str) -> Result<()> {
    for column in by {
        let dtype = require(schema, column, role)?;
        if dtype.is_nested() || dtype.is_float() {
            return Err(Error::WrongDtype {
                column: column.clone(),
                role: role.to_string(),
                expected: "a string, integer, boolean, date or categorical column".to_string(),
                found: dtype.to_string(),
            });
        }
    }
    Ok(())
}

/// Reject a column named twice among the grouping and value columns.
pub(crate) fn require_distinct(names: &[&str]) -> Result<()> {
    for (i, a) in names.iter().enumerate() {
        if names[..i].contains(a) {
            return Err(Error::argument(
                "by",
                "a column can be used only once (as a group, numerator, denominator or age band)",
                format!("`{a}`"),
            ));
        }
    }
    Ok(())
}

/// A human description of row `i` of the key columns, e.g. ` in group kommun=2380, year=2024`.
pub(crate) fn group_label(keys: &DataFrame, i: usize) -> String {
    if keys.width() == 0 {
        return String::new();
    }
    let parts: Vec<String> = keys
        .columns()
        .iter()
        .map(|c| {
            let v = c.get(i).map(|v| match v {
                AnyValue::String(s) => s.to_string(),
                AnyValue::StringOwned(s) => s.to_string(),
                other => other.to_string(),
            });
            format!("{}={}", c.name(), v.unwrap_or_else(|_| "?".to_string()))
        })
        .collect();
    format!("in group {}", parts.join(", "))
}

/// One text key per row of the `columns` of `frame` (for matching rows of two frames).
pub(crate) fn key_strings(frame: &DataFrame, columns: &[String]) -> Result<Vec<String>> {
    let mut keys = vec![String::new(); frame.height()];
    for c in columns {
        let text = frame.column(c)?.cast(&DataType::String)?;
        for (key, v) in keys.iter_mut().zip(text.str()?.iter()) {
            key.push_str(v.unwrap_or_default());
            key.push('\u{1f}');
        }
    }
    Ok(keys)
}

/// Reject nulls in the grouping columns of an aggregated frame.
pub(crate) fn reject_null_keys(keys: &DataFrame) -> Result<()> {
    for c in keys.columns() {
        if c.null_count() > 0 {
            return Err(Error::data(
                c.name(),
                "grouping columns must not contain missing values (fill or drop them first)",
                format!("{} missing", c.null_count()),
                "",
            ));
        }
    }
    Ok(())
}
