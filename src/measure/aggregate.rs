//! One pass over the records: validate and sum the value columns per group.
//!
//! Every frame-level statistic starts here. The pass checks the columns'
//! presence and types, sums each value column per group, and gathers what
//! the checks need (minimum, count of missing and of non-finite values) so
//! that bad data is reported by column, rule, value and group without a
//! second scan.

use polars::prelude::*;

use super::columns::{
    group_label, reject_null_keys, require_distinct, require_keys, require_numeric, schema_of,
    string_lists,
};
use super::grouping::{span_label, Grouping, PoolMethod};
use super::output::{is_output_column, COUNT_COLUMNS, DERIVED_COLUMNS, META_COLUMNS};
use crate::engine::{collect_sums, is_whole};
use crate::error::{Error, Result};

/// A numeric input column of a statistic.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Input<'a> {
    /// The column name.
    pub column: &'a str,
    /// Its role in messages, e.g. "numerator".
    pub role: &'a str,
    /// Whether negative values are an error.
    pub non_negative: bool,
}

impl<'a> Input<'a> {
    /// A non-negative numerator and denominator, the inputs of most statistics.
    pub fn pair(numerator: &'a str, denominator: &'a str) -> [Input<'a>; 2] {
        [
            Input {
                column: numerator,
                role: "numerator",
                non_negative: true,
            },
            Input {
                column: denominator,
                role: "denominator",
                non_negative: true,
            },
        ]
    }
}

/// Per-group sums of the inputs, with their group keys.
pub(crate) struct Summary {
    /// The group key columns (and the pooled-period label, if pooling).
    pub keys: DataFrame,
    /// Per input: the group's sum, or `None` when a value in the group was missing.
    pub sums: Vec<Vec<Option<f64>>>,
    /// The further aggregations the caller asked for, one column each.
    pub extra: DataFrame,
}

const SUM: &str = "__ik_sum_";
const NULLS: &str = "__ik_nulls_";
const MIN: &str = "__ik_min_";
const NONFINITE: &str = "__ik_nonfinite_";
const PERIODS: &str = "__ik_periods";
const ROWS: &str = "__ik_rows";

/// The grouping columns of a [`Grouping`], after checking them against the schema.
pub(crate) fn group_columns(schema: &Schema, grouping: &Grouping) -> Result<Vec<String>> {
    let keys = grouping
        .by
        .iter()
        .chain(grouping.pool.iter().map(|p| &p.column));
    if let Some(name) = keys.into_iter().find(|b| is_output_column(b)) {
        let reserved: Vec<&str> = COUNT_COLUMNS
            .iter()
            .chain(&DERIVED_COLUMNS)
            .chain(&META_COLUMNS)
            .copied()
            .collect();
        return Err(Error::argument(
            "by",
            &format!(
                "a grouping column must not be named like an output column ({})",
                reserved.join(", ")
            ),
            format!("`{name}`"),
        ));
    }
    require_keys(schema, &grouping.by, "group")?;
    if let Some(pool) = &grouping.pool {
        require_keys(schema, std::slice::from_ref(&pool.column), "period to pool")?;
        if grouping.by.contains(&pool.column) {
            return Err(Error::argument(
                "pool",
                "the pooled period column must not also be a `by` column",
                format!("`{}`", pool.column),
            ));
        }
    }
    Ok(grouping.by.clone())
}

/// Validate `inputs`, then sum them per group of `grouping`.
///
/// `extra` are further aggregation expressions (aliased by the caller)
/// evaluated in the same pass and returned in [`Summary::extra`].
///
/// # Errors
/// A missing or non-numeric column, nulls in a grouping column, negative
/// values where forbidden, NaN or infinite values, or no rows at all.
pub(crate) fn summarise(
    lf: LazyFrame,
    grouping: &Grouping,
    inputs: &[Input<'_>],
    extra: Vec<Expr>,
) -> Result<Summary> {
    let schema = schema_of(&lf)?;
    let by = group_columns(&schema, grouping)?;
    for input in inputs {
        require_numeric(&schema, input.column, input.role)?;
    }
    let mut names: Vec<&str> = by.iter().map(String::as_str).collect();
    names.extend(inputs.iter().map(|i| i.column));
    names.extend(grouping.pool.iter().map(|p| p.column.as_str()));
    require_distinct(&names)?;

    let mut aggs = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let c = col(input.column).cast(DataType::Float64);
        aggs.push(c.clone().sum().alias(format!("{SUM}{i}")));
        aggs.push(c.clone().null_count().alias(format!("{NULLS}{i}")));
        aggs.push(c.clone().min().alias(format!("{MIN}{i}")));
        aggs.push(c.is_finite().not().sum().alias(format!("{NONFINITE}{i}")));
    }
    if let Some(pool) = &grouping.pool {
        aggs.push(
            col(pool.column.as_str())
                .null_count()
                .alias("__ik_pool_nulls"),
        );
        aggs.push(
            col(pool.column.as_str())
                .cast(DataType::String)
                .unique()
                .implode(false)
                .alias(PERIODS),
        );
    }
    aggs.push(len().alias(ROWS));
    let n_extra = extra.len();
    aggs.extend(extra);
    let key_exprs: Vec<Expr> = by.iter().map(|b| col(b.as_str())).collect();
    let grouped = if by.is_empty() {
        lf.select(aggs)
    } else {
        lf.group_by(key_exprs)
            .agg(aggs)
            .sort(by.clone(), SortMultipleOptions::default())
    };
    let out_schema = schema_of(&grouped)?;
    let whole = inputs
        .iter()
        .all(|i| schema.get(i.column).is_some_and(is_whole))
        && out_schema
            .iter_values()
            .skip(out_schema.len() - n_extra)
            .all(is_whole);
    let df = collect_sums(grouped, whole)?;
    let records: f64 = f64_values(&df, ROWS)?.iter().flatten().sum();
    if records == 0.0 {
        return Err(Error::argument(
            "data",
            "the frame must have at least one row",
            "0 rows",
        ));
    }
    let n_rows = df.height();
    let keys = df.select(by.iter().map(|s| PlSmallStr::from(s.as_str())))?;
    reject_null_keys(&keys)?;

    let mut sums = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        let sum = f64_values(&df, &format!("{SUM}{i}"))?;
        let nulls = f64_values(&df, &format!("{NULLS}{i}"))?;
        let min = f64_values(&df, &format!("{MIN}{i}"))?;
        let nonfinite = f64_values(&df, &format!("{NONFINITE}{i}"))?;
        for row in 0..n_rows {
            if nonfinite[row].unwrap_or(0.0) > 0.0 {
                return Err(Error::data(
                    input.column,
                    "values must be finite numbers",
                    "NaN or infinity",
                    group_label(&keys, row),
                ));
            }
            if let (true, Some(m)) = (input.non_negative, min[row]) {
                if m < 0.0 {
                    let rule = format!("{} values must be >= 0", input.role);
                    return Err(Error::data(input.column, &rule, m, group_label(&keys, row)));
                }
            }
        }
        let column: Vec<Option<f64>> = (0..n_rows)
            .map(|row| {
                if nulls[row].unwrap_or(0.0) > 0.0 {
                    None
                } else {
                    sum[row]
                }
            })
            .collect();
        sums.push(column);
    }

    let mut keys = keys;
    if let Some(pool) = &grouping.pool {
        let nulls: f64 = f64_values(&df, "__ik_pool_nulls")?.iter().flatten().sum();
        if nulls > 0.0 {
            return Err(Error::data(
                &pool.column,
                "the period column to pool must not contain missing values",
                format!("{nulls} missing"),
                "",
            ));
        }
        let (labels, counts) = period_labels(&df)?;
        if pool.method == PoolMethod::Average {
            for column in &mut sums {
                for (v, k) in column.iter_mut().zip(&counts) {
                    *v = v.map(|x| x / k);
                }
            }
        }
        keys.with_column(Column::new(pool.column.as_str().into(), labels))?;
        keys.with_column(Column::new(
            "periods".into(),
            counts.iter().map(|&k| k as u32).collect::<Vec<_>>(),
        ))?;
    }
    // The extra aggregations are the last columns of the group-by.
    let names = df.get_column_names();
    let extra_names: Vec<PlSmallStr> = names[names.len() - n_extra..]
        .iter()
        .map(|n| (*n).clone())
        .collect();
    let extra = df.select(extra_names)?;
    Ok(Summary { keys, sums, extra })
}

/// The values of a numeric column as `f64`.
pub(crate) fn f64_values(df: &DataFrame, name: &str) -> Result<Vec<Option<f64>>> {
    let s = df.column(name)?.cast(&DataType::Float64)?;
    Ok(s.f64()?.iter().collect())
}

/// Label and number of the pooled periods of each group.
fn period_labels(df: &DataFrame) -> Result<(Vec<String>, Vec<f64>)> {
    let lists = string_lists(df, PERIODS)?;
    let mut labels = Vec::with_capacity(lists.len());
    let mut counts = Vec::with_capacity(lists.len());
    for periods in lists {
        counts.push(periods.len().max(1) as f64);
        labels.push(span_label(&sort_periods(periods)));
    }
    Ok((labels, counts))
}

/// Sort period labels numerically when they are all integers, else as text.
fn sort_periods(mut periods: Vec<String>) -> Vec<String> {
    if periods.iter().all(|p| p.parse::<i64>().is_ok()) {
        periods.sort_by_key(|p| p.parse::<i64>().unwrap_or_default());
    } else {
        periods.sort();
    }
    periods
}
