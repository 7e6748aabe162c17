//! The statistics: per statistic one options object in, the Rust statistic
//! computed with the GIL released, a frame out.

use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::args::{StandardArg, StatisticArgs};
use super::errors::{detached, to_py_err};
use crate::measure::{
    Count, Dsr, Events, Isr, Mean, Proportion, Rate, Reference, StandardPopulation, Statistic,
};

/// Compute `statistic` over `data` with the GIL released.
fn computed<S: Statistic + Send>(
    py: Python<'_>,
    data: PyDataFrame,
    statistic: S,
) -> PyResult<PyDataFrame> {
    detached(py, move || statistic.compute(data.0.lazy())).map(PyDataFrame)
}

/// `indikator._options.CountOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct CountArgs<'py> {
    column: Option<String>,
    common: StatisticArgs<'py>,
}

#[pyfunction]
pub(crate) fn count(
    py: Python<'_>,
    data: PyDataFrame,
    options: CountArgs<'_>,
) -> PyResult<PyDataFrame> {
    let statistic = Count {
        column: options.column,
        common: options.common.try_into()?,
    };
    computed(py, data, statistic)
}

/// `indikator._options.FractionOptions`: a rate's or a proportion's.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct FractionArgs<'py> {
    x: String,
    n: String,
    multiplier: f64,
    common: StatisticArgs<'py>,
}

#[pyfunction]
pub(crate) fn rate(
    py: Python<'_>,
    data: PyDataFrame,
    options: FractionArgs<'_>,
) -> PyResult<PyDataFrame> {
    let statistic = Rate {
        numerator: options.x,
        denominator: options.n,
        multiplier: options.multiplier,
        common: options.common.try_into()?,
    };
    computed(py, data, statistic)
}

#[pyfunction]
pub(crate) fn proportion(
    py: Python<'_>,
    data: PyDataFrame,
    options: FractionArgs<'_>,
) -> PyResult<PyDataFrame> {
    let statistic = Proportion {
        numerator: options.x,
        denominator: options.n,
        multiplier: options.multiplier,
        common: options.common.try_into()?,
    };
    computed(py, data, statistic)
}

/// `indikator._options.MeanOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct MeanArgs<'py> {
    values: String,
    common: StatisticArgs<'py>,
}

#[pyfunction]
pub(crate) fn mean(
    py: Python<'_>,
    data: PyDataFrame,
    options: MeanArgs<'_>,
) -> PyResult<PyDataFrame> {
    let statistic = Mean {
        values: options.values,
        common: options.common.try_into()?,
    };
    computed(py, data, statistic)
}

/// `indikator._options.DsrOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct DsrArgs<'py> {
    x: String,
    n: String,
    age_band: String,
    standard: StandardArg,
    multiplier: f64,
    frequency: Option<String>,
    missing_as_zero: bool,
    common: StatisticArgs<'py>,
}

#[pyfunction]
pub(crate) fn dsr(
    py: Python<'_>,
    data: PyDataFrame,
    options: DsrArgs<'_>,
) -> PyResult<PyDataFrame> {
    let events = match options.frequency {
        Some(frequency) => Events::NonIndependent { frequency },
        None => Events::Independent,
    };
    let statistic = Dsr {
        numerator: options.x,
        denominator: options.n,
        age_band: options.age_band,
        standard: options.standard.try_into()?,
        multiplier: options.multiplier,
        events,
        missing_as_zero: options.missing_as_zero,
        common: options.common.try_into()?,
    };
    computed(py, data, statistic)
}

/// `indikator._options.IsrOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct IsrArgs<'py> {
    x: String,
    n: String,
    age_band: String,
    reference: PyDataFrame,
    ref_x: String,
    ref_n: String,
    ratio: bool,
    multiplier: f64,
    observed_totals: Option<PyDataFrame>,
    missing_as_zero: bool,
    common: StatisticArgs<'py>,
}

#[pyfunction]
pub(crate) fn isr(
    py: Python<'_>,
    data: PyDataFrame,
    options: IsrArgs<'_>,
) -> PyResult<PyDataFrame> {
    let a = options;
    let reference = Reference::from_frame(&a.reference.0, &a.age_band, &a.ref_x, &a.ref_n)
        .map_err(to_py_err)?;
    let base = if a.ratio {
        Isr::ratio(a.x, a.n, a.age_band, reference)
    } else {
        Isr::rate(a.x, a.n, a.age_band, reference)
    };
    let statistic = Isr {
        multiplier: a.multiplier,
        observed_totals: a.observed_totals.map(|t| t.0),
        missing_as_zero: a.missing_as_zero,
        common: a.common.try_into()?,
        ..base
    };
    computed(py, data, statistic)
}

#[pyfunction]
pub(crate) fn standard_population(name: &str) -> PyResult<PyDataFrame> {
    let sp = StandardPopulation::by_name(name).map_err(to_py_err)?;
    sp.to_frame().map(PyDataFrame).map_err(to_py_err)
}
