//! Looking up the rows of one table by the keys of another.

use polars::prelude::*;

use super::columns::{group_label, require};
use crate::error::{Error, Result};

const ROW: &str = "__ik_row";
const FOUND: &str = "__ik_found";

/// For each row of `keys`, the row of `table` with the same values in the
/// columns `on`: a left join that keeps the order of `keys`. Returns the
/// joined frame (the key columns of `keys`, then every other column of
/// `table`) and whether each row found a match.
///
/// # Errors
/// A key column missing from either frame or of different dtypes in the two
/// (naming both dtypes), or two rows of `table` with the same key (naming the
/// key and the `role` of `table`).
pub(crate) fn lookup(
    keys: &DataFrame,
    table: &DataFrame,
    on: &[String],
    role: &str,
) -> Result<(DataFrame, Vec<bool>)> {
    for key in on {
        let ours = require(keys.schema(), key, role)?;
        let theirs = require(table.schema(), key, role)?;
        if ours != theirs && !(ours.is_integer() && theirs.is_integer()) {
            return Err(Error::WrongDtype {
                column: key.clone(),
                role: format!("key matching the {role}"),
                expected: format!(
                    "the same dtype in both tables ({ours} in one, {theirs} in the {role}: cast \
                     one, e.g. to text)"
                ),
                found: theirs.to_string(),
            });
        }
    }
    let names: Vec<PlSmallStr> = on.iter().map(|s| PlSmallStr::from(s.as_str())).collect();
    let table_keys = table.select(names.iter().cloned())?;
    if let Some(row) = table_keys
        .is_duplicated()?
        .iter()
        .position(|d| d == Some(true))
    {
        return Err(Error::data(
            &on.join(", "),
            &format!("the {role} must have one row per group"),
            "a duplicated group",
            group_label(&table_keys, row),
        ));
    }
    let on_exprs: Vec<Expr> = on.iter().map(|b| col(b.as_str())).collect();
    // Whole-number keys of different widths (Int32 years against Int64) are
    // the same numbers: both sides are widened.
    let widened: Vec<Expr> = on
        .iter()
        .filter(|k| {
            keys.schema()
                .get(k.as_str())
                .is_some_and(|d| d.is_integer())
        })
        .map(|k| col(k.as_str()).cast(DataType::Int64))
        .collect();
    let mut joined = keys
        .select(names.iter().cloned())?
        .lazy()
        .with_columns(widened.clone())
        .with_row_index(ROW, None)
        .join(
            table
                .clone()
                .lazy()
                .with_columns(widened)
                .with_column(lit(true).alias(FOUND)),
            on_exprs.clone(),
            on_exprs,
            JoinArgs::new(JoinType::Left),
        )
        .sort([ROW], SortMultipleOptions::default())
        .collect()?;
    let found = joined
        .column(FOUND)?
        .bool()?
        .iter()
        .map(|f| f.is_some())
        .collect();
    let _ = joined.drop_in_place(ROW)?;
    let _ = joined.drop_in_place(FOUND)?;
    Ok((joined, found))
}
