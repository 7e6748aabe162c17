//! Thin wrappers: Python arguments in, the Rust statistic computed with the GIL released, a frame out.

use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::args::common;
use super::errors::{detached, to_py_err};
use crate::measure::{
    Count, Dsr, Events, Isr, Mean, Proportion, Rate, Reference, StandardPopulation, Statistic,
};

#[pyfunction]
#[pyo3(signature = (data, column, by, confidence, output, pool, pool_method))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn count(
    py: Python<'_>,
    data: PyDataFrame,
    column: Option<String>,
    by: Vec<String>,
    confidence: &Bound<'_, PyAny>,
    output: &str,
    pool: Option<String>,
    pool_method: &str,
) -> PyResult<PyDataFrame> {
    let stat = Count {
        column,
        common: common(by, confidence, output, pool, pool_method)?,
    };
    detached(py, move || stat.compute(data.0.lazy())).map(PyDataFrame)
}

#[pyfunction]
#[pyo3(signature = (data, x, n, by, multiplier, confidence, output, pool, pool_method))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn rate(
    py: Python<'_>,
    data: PyDataFrame,
    x: String,
    n: String,
    by: Vec<String>,
    multiplier: f64,
    confidence: &Bound<'_, PyAny>,
    output: &str,
    pool: Option<String>,
    pool_method: &str,
) -> PyResult<PyDataFrame> {
    let stat = Rate {
        numerator: x,
        denominator: n,
        multiplier,
        common: common(by, confidence, output, pool, pool_method)?,
    };
    detached(py, move || stat.compute(data.0.lazy())).map(PyDataFrame)
}

#[pyfunction]
#[pyo3(signature = (data, x, n, by, multiplier, confidence, output, pool, pool_method))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn proportion(
    py: Python<'_>,
    data: PyDataFrame,
    x: String,
    n: String,
    by: Vec<String>,
    multiplier: f64,
    confidence: &Bound<'_, PyAny>,
    output: &str,
    pool: Option<String>,
    pool_method: &str,
) -> PyResult<PyDataFrame> {
    let stat = Proportion {
        numerator: x,
        denominator: n,
        multiplier,
        common: common(by, confidence, output, pool, pool_method)?,
    };
    detached(py, move || stat.compute(data.0.lazy())).map(PyDataFrame)
}

#[pyfunction]
#[pyo3(signature = (data, values, by, confidence, output, pool, pool_method))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn mean(
    py: Python<'_>,
    data: PyDataFrame,
    values: String,
    by: Vec<String>,
    confidence: &Bound<'_, PyAny>,
    output: &str,
    pool: Option<String>,
    pool_method: &str,
) -> PyResult<PyDataFrame> {
    let stat = Mean {
        values,
        common: common(by, confidence, output, pool, pool_method)?,
    };
    detached(py, move || stat.compute(data.0.lazy())).map(PyDataFrame)
}

/// A standard population by name, or from a frame with `age_band` and `weight` columns.
pub(crate) fn standard_from(standard: &Bound<'_, PyAny>) -> PyResult<StandardPopulation> {
    if let Ok(name) = standard.extract::<String>() {
        return StandardPopulation::by_name(&name).map_err(to_py_err);
    }
    let frame: PyDataFrame = standard.extract()?;
    StandardPopulation::from_frame("supplied", &frame.0, "age_band", "weight").map_err(to_py_err)
}

#[pyfunction]
#[pyo3(signature = (data, x, n, age_band, standard, by, multiplier, confidence, output, pool, pool_method, frequency, missing_as_zero))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn dsr(
    py: Python<'_>,
    data: PyDataFrame,
    x: String,
    n: String,
    age_band: String,
    standard: &Bound<'_, PyAny>,
    by: Vec<String>,
    multiplier: f64,
    confidence: &Bound<'_, PyAny>,
    output: &str,
    pool: Option<String>,
    pool_method: &str,
    frequency: Option<String>,
    missing_as_zero: bool,
) -> PyResult<PyDataFrame> {
    let events = match frequency {
        Some(frequency) => Events::NonIndependent { frequency },
        None => Events::Independent,
    };
    let stat = Dsr {
        numerator: x,
        denominator: n,
        age_band,
        standard: standard_from(standard)?,
        multiplier,
        events,
        missing_as_zero,
        common: common(by, confidence, output, pool, pool_method)?,
    };
    detached(py, move || stat.compute(data.0.lazy())).map(PyDataFrame)
}

#[pyfunction]
#[pyo3(signature = (data, x, n, age_band, reference, ref_x, ref_n, ratio, by, multiplier, confidence, output, pool, pool_method, observed_totals, missing_as_zero))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn isr(
    py: Python<'_>,
    data: PyDataFrame,
    x: String,
    n: String,
    age_band: String,
    reference: PyDataFrame,
    ref_x: String,
    ref_n: String,
    ratio: bool,
    by: Vec<String>,
    multiplier: f64,
    confidence: &Bound<'_, PyAny>,
    output: &str,
    pool: Option<String>,
    pool_method: &str,
    observed_totals: Option<PyDataFrame>,
    missing_as_zero: bool,
) -> PyResult<PyDataFrame> {
    let reference =
        Reference::from_frame(&reference.0, &age_band, &ref_x, &ref_n).map_err(to_py_err)?;
    let base = if ratio {
        Isr::ratio(x, n, age_band, reference)
    } else {
        Isr::rate(x, n, age_band, reference)
    };
    let stat = Isr {
        multiplier,
        observed_totals: observed_totals.map(|t| t.0),
        missing_as_zero,
        common: common(by, confidence, output, pool, pool_method)?,
        ..base
    };
    detached(py, move || stat.compute(data.0.lazy())).map(PyDataFrame)
}

#[pyfunction]
pub(crate) fn standard_population(name: &str) -> PyResult<PyDataFrame> {
    let sp = StandardPopulation::by_name(name).map_err(to_py_err)?;
    sp.to_frame().map(PyDataFrame).map_err(to_py_err)
}

/// Raise a panic inside Rust, to prove it reaches Python as an exception (tests only).
#[pyfunction]
pub(crate) fn _force_panic(py: Python<'_>) -> PyResult<()> {
    detached(py, || -> crate::Result<()> {
        panic!("forced panic for a test")
    })
}
