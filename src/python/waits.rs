//! Vårdgaranti: one options object (`WaitsOptions`) and one native
//! function per output, the monthly summary and the reporting rate.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::args::{columns, confidence, output, parsed, period_kind, CareArgs};
use super::errors::detached;
use crate::care::{ReportingRate, WaitColumns, WaitLimits, Waits};

/// `indikator._options.WaitsOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct WaitsArgs<'py> {
    common: CareArgs<'py>,
    period: String,
    measure: String,
    snapshots: Option<Vec<NaiveDate>>,
    per: Option<String>,
    limits: BTreeMap<String, u32>,
    exclude_pvv: bool,
    exclude_mov: bool,
    bins: Vec<u32>,
    as_of: Option<NaiveDate>,
    columns: BTreeMap<String, String>,
    pvv: bool,
    mov: bool,
}

impl TryFrom<WaitsArgs<'_>> for Waits {
    type Error = PyErr;

    fn try_from(a: WaitsArgs<'_>) -> PyResult<Waits> {
        let mut names: WaitColumns = columns(&a.columns, "columns")?;
        if !a.pvv {
            names.pvv = None;
        }
        if !a.mov {
            names.mov = None;
        }
        let limits = a
            .limits
            .into_iter()
            .fold(WaitLimits::law(), |limits, (kind, days)| {
                limits.with_limit(kind, days)
            });
        Ok(Waits {
            measure: parsed(&a.measure)?,
            period: parsed(&a.period)?,
            snapshots: a.snapshots,
            per: period_kind(a.per.as_deref())?,
            limits,
            exclude_pvv: a.exclude_pvv,
            exclude_mov: a.exclude_mov,
            bins: a.bins,
            as_of: a.as_of,
            common: a.common.try_into()?,
            columns: names,
        })
    }
}

#[pyfunction]
pub(crate) fn waits_fulfilment(
    py: Python<'_>,
    records: PyDataFrame,
    options: WaitsArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |waits: Waits| {
        waits.fulfilment(&records.0)
    })
}

#[pyfunction]
pub(crate) fn waits_distribution(
    py: Python<'_>,
    records: PyDataFrame,
    options: WaitsArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |waits: Waits| {
        waits.distribution(&records.0)
    })
}

#[pyfunction]
pub(crate) fn waits_summary(
    py: Python<'_>,
    records: PyDataFrame,
    options: WaitsArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |waits: Waits| waits.summary(&records.0))
}

#[pyfunction]
pub(crate) fn waits_quality(
    py: Python<'_>,
    records: PyDataFrame,
    options: WaitsArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |waits: Waits| waits.quality(&records.0))
}

/// `indikator._options.MonthsOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct MonthsArgs<'py> {
    by: Vec<String>,
    month: String,
    confidence: Bound<'py, PyAny>,
}

#[pyfunction]
pub(crate) fn summarise_months(
    py: Python<'_>,
    monthly: PyDataFrame,
    options: MonthsArgs<'_>,
) -> PyResult<PyDataFrame> {
    let level = confidence(&options.confidence)?;
    let (by, month) = (options.by, options.month);
    detached(py, move || {
        crate::care::summarise_months(&monthly.0, &by, &month, level)
    })
    .map(PyDataFrame)
}

/// `indikator._options.ReportingRateOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct ReportingRateArgs<'py> {
    unit: String,
    period: String,
    expected: Vec<String>,
    periods: Option<Vec<String>>,
    rule: f64,
    confidence: Bound<'py, PyAny>,
}

impl TryFrom<ReportingRateArgs<'_>> for ReportingRate {
    type Error = PyErr;

    fn try_from(a: ReportingRateArgs<'_>) -> PyResult<ReportingRate> {
        Ok(ReportingRate {
            unit: a.unit,
            period: a.period,
            expected: a.expected,
            periods: a.periods,
            rule: a.rule,
            confidence: confidence(&a.confidence)?,
        })
    }
}

#[pyfunction]
pub(crate) fn reporting_rate(
    py: Python<'_>,
    reports: PyDataFrame,
    options: ReportingRateArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |rate: ReportingRate| {
        rate.compute(&reports.0)
    })
}
