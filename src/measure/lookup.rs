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
/// A key column missing from either frame, or two rows of `table` with the
/// same key (naming the key and the `role` of `table`).
pub(crate) fn lookup(
    keys: &DataFrame,
    table: &DataFrame,
    on: &[String],
    role: &str,
) -> Result<(DataFrame, Vec<bool>)> {
    for key in on {
        require(keys.schema(), key, role)?;
        require(table.schema(), key, role)?;
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
    let mut joined = keys
        .select(names.iter().cloned())?
        .lazy()
        .with_row_index(ROW, None)
        .join(
            table.clone().lazy().with_column(lit(true).alias(FOUND)),
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
