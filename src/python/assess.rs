//! Comparisons, trends, ratings and funnels of result tables: per call one
//! options object and one native function per output.

use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::args::{output, parsed};
use super::errors::{detached, to_py_err};
use super::targets::{PyAssessment, PyTarget};
use crate::assess::{
    assess_table, assess_units, compare_with_benchmark, compare_with_previous,
    ratings_by_perspective, trend, Benchmark, Funnel, FunnelStatistic, Polarity, RateKind,
    RatioKind, Trend,
};

/// A benchmark: one value for every row, a column of the table, or a table of values.
#[derive(FromPyObject)]
pub(crate) enum BenchmarkArg {
    /// One value (riket).
    Value(f64),
    /// The name of a column of the table.
    Column(String),
    /// A table whose `value` column is matched on the `on` columns.
    Table(PyDataFrame),
}

/// `indikator._options.BenchmarkOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct BenchmarkArgs {
    benchmark: BenchmarkArg,
    on: Vec<String>,
    polarity: String,
    level: Option<f64>,
}

#[pyfunction]
pub(crate) fn compare_benchmark(
    py: Python<'_>,
    table: PyDataFrame,
    options: BenchmarkArgs,
) -> PyResult<PyDataFrame> {
    let polarity: Polarity = parsed(&options.polarity)?;
    let benchmark = match options.benchmark {
        BenchmarkArg::Value(v) => Benchmark::Value(v),
        BenchmarkArg::Column(c) => Benchmark::Column(c),
        BenchmarkArg::Table(t) => Benchmark::Table {
            table: t.0,
            on: options.on,
        },
    };
    let level = options.level;
    detached(py, move || {
        compare_with_benchmark(&table.0, &benchmark, polarity, level)
    })
    .map(PyDataFrame)
}

/// `indikator._options.PreviousOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct PreviousArgs {
    on: Vec<String>,
    time: Option<String>,
    polarity: String,
    level: Option<f64>,
}

#[pyfunction]
pub(crate) fn compare_previous(
    py: Python<'_>,
    table: PyDataFrame,
    previous: PyDataFrame,
    options: PreviousArgs,
) -> PyResult<PyDataFrame> {
    let polarity: Polarity = parsed(&options.polarity)?;
    let PreviousArgs {
        on, time, level, ..
    } = options;
    detached(py, move || {
        compare_with_previous(&table.0, &previous.0, &on, time.as_deref(), polarity, level)
    })
    .map(PyDataFrame)
}

/// `indikator._options.TrendOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct TrendArgs {
    time: String,
    by: Vec<String>,
    points: usize,
    polarity: String,
    level: Option<f64>,
}

impl TryFrom<TrendArgs> for Trend {
    type Error = PyErr;

    fn try_from(a: TrendArgs) -> PyResult<Trend> {
        Ok(Trend {
            time: a.time,
            by: a.by,
            points: a.points,
            polarity: parsed(&a.polarity)?,
            level: a.level,
        })
    }
}

#[pyfunction(name = "trend")]
pub(crate) fn trend_table(
    py: Python<'_>,
    series: PyDataFrame,
    options: TrendArgs,
) -> PyResult<PyDataFrame> {
    output(py, options, move |options: Trend| {
        trend(&series.0, &options)
    })
}

#[pyfunction(name = "assess")]
pub(crate) fn assess_rows(
    py: Python<'_>,
    table: PyDataFrame,
    target: PyTarget,
) -> PyResult<PyDataFrame> {
    detached(py, move || assess_table(&table.0, &target.0)).map(PyDataFrame)
}

#[pyfunction(name = "assess_units")]
pub(crate) fn assess_unit_rows(
    py: Python<'_>,
    table: PyDataFrame,
    unit: String,
    target: PyTarget,
) -> PyResult<PyAssessment> {
    detached(py, move || assess_units(&table.0, &unit, &target.0)).map(PyAssessment)
}

#[pyfunction(name = "ratings_by_perspective")]
pub(crate) fn ratings_per_perspective(py: Python<'_>, table: PyDataFrame) -> PyResult<PyDataFrame> {
    detached(py, move || ratings_by_perspective(&table.0)).map(PyDataFrame)
}

/// `indikator._options.FunnelOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct FunnelArgs {
    statistic: String,
    numerator: String,
    denominator: Option<String>,
    rate: Option<String>,
    multiplier: Option<f64>,
    kind: Option<String>,
    years: Option<f64>,
}

/// One of the named kinds, or an error naming `kind`, the rule and the value.
fn kind_of<K: Copy>(kind: Option<&str>, known: &[(&str, K)], rule: &str) -> PyResult<K> {
    let kind = kind.unwrap_or(known[0].0);
    known
        .iter()
        .find(|(name, _)| *name == kind)
        .map(|(_, k)| *k)
        .ok_or_else(|| to_py_err(crate::Error::argument("kind", rule, format!("{kind:?}"))))
}

impl TryFrom<FunnelArgs> for Funnel {
    type Error = PyErr;

    /// The kind defaults to the first named ("count", "crude"), the
    /// multiplier to the statistic's usual one, the years to 1.
    fn try_from(a: FunnelArgs) -> PyResult<Funnel> {
        let statistic = match a.statistic.as_str() {
            "proportion" => FunnelStatistic::Proportion {
                multiplier: a.multiplier.unwrap_or(1.0),
            },
            "ratio" => FunnelStatistic::Ratio {
                kind: kind_of(
                    a.kind.as_deref(),
                    &[("count", RatioKind::Count), ("isr", RatioKind::Isr)],
                    "ratios are \"count\" or \"isr\"",
                )?,
            },
            "rate" => FunnelStatistic::Rate {
                kind: kind_of(
                    a.kind.as_deref(),
                    &[("crude", RateKind::Crude), ("dsr", RateKind::Dsr)],
                    "rates are \"crude\" or \"dsr\"",
                )?,
                multiplier: a.multiplier.unwrap_or(100_000.0),
                years: a.years.unwrap_or(1.0),
            },
            other => {
                return Err(to_py_err(crate::Error::argument(
                    "statistic",
                    "one of \"proportion\", \"ratio\", \"rate\"",
                    format!("{other:?}"),
                )))
            }
        };
        Ok(Funnel {
            statistic,
            numerator: a.numerator,
            denominator: a.denominator,
            rate: a.rate,
        })
    }
}

#[pyfunction]
pub(crate) fn funnel_limits(
    py: Python<'_>,
    data: PyDataFrame,
    options: FunnelArgs,
) -> PyResult<PyDataFrame> {
    output(py, options, move |funnel: Funnel| funnel.limits(&data.0))
}

#[pyfunction]
pub(crate) fn funnel_significance(
    py: Python<'_>,
    data: PyDataFrame,
    options: FunnelArgs,
) -> PyResult<PyDataFrame> {
    output(py, options, move |funnel: Funnel| {
        funnel.significance(&data.0)
    })
}

#[pyfunction]
pub(crate) fn funnel_points(
    py: Python<'_>,
    data: PyDataFrame,
    options: FunnelArgs,
) -> PyResult<PyDataFrame> {
    output(py, options, move |funnel: Funnel| funnel.points(&data.0))
}
