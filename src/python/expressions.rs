//! Polars expression plugins: per-group rates and proportions with limits.
//!
//! Each expression *aggregates*: it sums `x` and `n` over the rows it sees
//! (a group inside `group_by().agg()`, a window with `.over()`, or the whole
//! column in `select`) and returns one struct `{value, lower, upper}` (or
//! the four limits with both levels), the same numbers as the frame
//! functions. The Python wrappers validate the arguments first, because an
//! error raised here reaches Python as polars' `ComputeError`.

use polars::prelude::*;
use pyo3_polars::derive::polars_expr;
use serde::Deserialize;

use crate::measure::{
    check_multiplier, check_proportion_multiplier, proportion_estimate, rate_estimate, Confidence,
};

#[derive(Deserialize)]
struct Kwargs {
    multiplier: f64,
    confidence: String,
}

fn fields(kwargs: &Kwargs) -> PolarsResult<Vec<Field>> {
    let confidence: Confidence = kwargs
        .confidence
        .parse()
        .map_err(|e: crate::Error| polars_err!(ComputeError: "{e}"))?;
    let mut names = vec!["value"];
    for (lo, hi) in confidence.limit_columns() {
        names.push(lo);
        names.push(hi);
    }
    Ok(names
        .into_iter()
        .map(|n| Field::new(n.into(), DataType::Float64))
        .collect())
}

fn struct_type(_input: &[Field], kwargs: Kwargs) -> PolarsResult<Field> {
    Ok(Field::new(
        "estimate".into(),
        DataType::Struct(fields(&kwargs)?),
    ))
}

fn summed(inputs: &[Series]) -> PolarsResult<(Option<f64>, Option<f64>)> {
    let total = |s: &Series| -> PolarsResult<Option<f64>> {
        let s = s.cast(&DataType::Float64)?;
        let ca = s.f64()?;
        if ca.null_count() > 0 {
            return Ok(None);
        }
        if let Some(v) = ca.iter().flatten().find(|v| *v < 0.0 || !v.is_finite()) {
            polars_bail!(ComputeError: "column `{}`: values must be finite and >= 0; found {v}", s.name());
        }
        Ok(Some(ca.sum().unwrap_or(0.0)))
    };
    Ok((total(&inputs[0])?, total(&inputs[1])?))
}

fn to_struct(
    kwargs: &Kwargs,
    value: Option<f64>,
    limits: &[(Option<f64>, Option<f64>)],
) -> PolarsResult<Series> {
    let fields = fields(kwargs)?;
    let mut columns = vec![Series::new(fields[0].name.clone(), [value])];
    for (i, (lo, hi)) in limits.iter().enumerate().take((fields.len() - 1) / 2) {
        columns.push(Series::new(fields[1 + 2 * i].name.clone(), [*lo]));
        columns.push(Series::new(fields[2 + 2 * i].name.clone(), [*hi]));
    }
    Ok(StructChunked::from_series("estimate".into(), 1, columns.iter())?.into_series())
}

fn levels(kwargs: &Kwargs) -> PolarsResult<&'static [f64]> {
    let c: Confidence = kwargs
        .confidence
        .parse()
        .map_err(|e: crate::Error| polars_err!(ComputeError: "{e}"))?;
    Ok(c.levels())
}

#[polars_expr(output_type_func_with_kwargs = struct_type)]
fn rate(inputs: &[Series], kwargs: Kwargs) -> PolarsResult<Series> {
    check_multiplier(kwargs.multiplier).map_err(|e| polars_err!(ComputeError: "{e}"))?;
    let (x, n) = summed(inputs)?;
    if let Some(n) = n.filter(|n| *n <= 0.0) {
        polars_bail!(ComputeError: "column `{}`: denominators must be > 0 (summed over the group); found {n}", inputs[1].name());
    }
    let e = rate_estimate(x, n, kwargs.multiplier, levels(&kwargs)?);
    to_struct(&kwargs, e.value, &e.limits)
}

#[polars_expr(output_type_func_with_kwargs = struct_type)]
fn proportion(inputs: &[Series], kwargs: Kwargs) -> PolarsResult<Series> {
    check_proportion_multiplier(kwargs.multiplier).map_err(|e| polars_err!(ComputeError: "{e}"))?;
    let (x, n) = summed(inputs)?;
    if let (Some(x), Some(n)) = (x, n) {
        if n <= 0.0 || x > n {
            polars_bail!(ComputeError: "column `{}`: numerators must be <= denominators and denominators > 0; found {x} of {n}", inputs[0].name());
        }
    }
    let e = proportion_estimate(x, n, kwargs.multiplier, levels(&kwargs)?);
    to_struct(&kwargs, e.value, &e.limits)
}

#[derive(Deserialize)]
struct PeriodKwargs {
    kind: String,
    swedish: bool,
}

fn period_type(input: &[Field], _kwargs: PeriodKwargs) -> PolarsResult<Field> {
    Ok(Field::new(input[0].name().clone(), DataType::String))
}

/// The label of the period containing each date (one row in, one row out).
#[polars_expr(output_type_func_with_kwargs = period_type)]
fn period(inputs: &[Series], kwargs: PeriodKwargs) -> PolarsResult<Series> {
    let kind: crate::period::PeriodKind = kwargs
        .kind
        .parse()
        .map_err(|e: crate::Error| polars_err!(ComputeError: "{e}"))?;
    crate::period::period_labels(&inputs[0], kind, kwargs.swedish)
        .map_err(|e| polars_err!(ComputeError: "{e}"))
}

#[derive(Deserialize)]
struct IndexKwargs {
    index: String,
}

fn index_type(_input: &[Field], kwargs: IndexKwargs) -> PolarsResult<Field> {
    Ok(Field::new(kwargs.index.as_str().into(), DataType::Float64))
}

/// A continuity index of the clinicians of the rows it sees, in row order
/// (one patient's visits inside `group_by(patient).agg(...)`).
#[polars_expr(output_type_func_with_kwargs = index_type)]
fn continuity(inputs: &[Series], kwargs: IndexKwargs) -> PolarsResult<Series> {
    let index: crate::stats::ContinuityIndex = kwargs
        .index
        .parse()
        .map_err(|e: crate::Error| polars_err!(ComputeError: "{e}"))?;
    let clinicians = inputs[0].cast(&DataType::String)?;
    let visits: Vec<&str> = clinicians.str()?.iter().flatten().collect();
    let value = crate::stats::ContinuityIndices::from_visits(&visits).get(index);
    Ok(Series::new(kwargs.index.as_str().into(), [value]))
}
