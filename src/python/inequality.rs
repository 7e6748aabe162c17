//! Life expectancy, the slope and relative index of inequality, quantiles
//! and differences between groups: one options object each, the Rust
//! statistic computed with the GIL released, a frame out.

use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::args::{confidence, output, parsed, StatisticArgs};
use super::errors::{detached, to_py_err};
use crate::measure::{
    Confidence, Contrast, Difference, InequalityIndex, Invert, LifeExpectancy, Quantiles, Sii,
    Spread,
};
use crate::stats::{SiiInterval, SII_DEFAULT_SEED};

/// `indikator._options.LifeExpectancyOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct LifeExpectancyArgs<'py> {
    deaths: String,
    population: String,
    age: String,
    open_from: Option<u32>,
    at_ages: Option<Vec<u32>>,
    common: StatisticArgs<'py>,
}

impl TryFrom<LifeExpectancyArgs<'_>> for LifeExpectancy {
    type Error = PyErr;

    fn try_from(a: LifeExpectancyArgs<'_>) -> PyResult<LifeExpectancy> {
        let mut le = LifeExpectancy::new(a.deaths, a.population, a.age);
        if let Some(age) = a.open_from {
            le = le.open_from(age);
        }
        if let Some(ages) = a.at_ages {
            le = le.at_ages(ages);
        }
        le.common = a.common.try_into()?;
        Ok(le)
    }
}

#[pyfunction]
pub(crate) fn life_expectancy(
    py: Python<'_>,
    data: PyDataFrame,
    options: LifeExpectancyArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |le: LifeExpectancy| {
        le.compute(data.0.lazy())
    })
}

/// `indikator._options.SiiOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct SiiArgs<'py> {
    quantile: String,
    population: String,
    value: String,
    limits: Option<(String, String)>,
    limits_level: f64,
    se: Option<String>,
    indicator_type: String,
    transform: bool,
    multiplier: f64,
    interval: String,
    repetitions: usize,
    seed: Option<u64>,
    relative: bool,
    common: StatisticArgs<'py>,
}

impl TryFrom<SiiArgs<'_>> for Sii {
    type Error = PyErr;

    fn try_from(a: SiiArgs<'_>) -> PyResult<Sii> {
        let mut sii = Sii::new(a.quantile, a.population).value(a.value);
        sii.spread = match (a.limits, a.se) {
            (Some(_), Some(_)) => {
                return Err(to_py_err(crate::Error::argument(
                    "se",
                    "give the limit columns or a standard-error column, not both",
                    "both",
                )))
            }
            (Some((lower, upper)), None) => Spread::Limits {
                lower,
                upper,
                level: Confidence::from_level(a.limits_level)
                    .map_err(to_py_err)?
                    .levels()[0],
            },
            (None, Some(se)) => Spread::StandardError(se),
            (None, None) => Spread::Auto,
        };
        sii.indicator_type = parsed(&a.indicator_type)?;
        sii.transform = a.transform;
        sii.multiplier = a.multiplier;
        sii.interval = match a.interval.as_str() {
            "simulation" => SiiInterval::Simulation {
                repetitions: a.repetitions,
                seed: a.seed.unwrap_or(SII_DEFAULT_SEED),
            },
            "analytic" => SiiInterval::Analytic,
            other => {
                return Err(to_py_err(crate::Error::argument(
                    "interval",
                    "one of \"simulation\", \"analytic\"",
                    format!("{other:?}"),
                )))
            }
        };
        sii.index = if a.relative {
            InequalityIndex::Relative
        } else {
            InequalityIndex::Slope
        };
        sii.common = a.common.try_into()?;
        Ok(sii)
    }
}

#[pyfunction]
pub(crate) fn sii(
    py: Python<'_>,
    data: PyDataFrame,
    options: SiiArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |sii: Sii| sii.compute(data.0.lazy()))
}

/// `indikator._options.QuantileOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct QuantileArgs {
    value: String,
    n: u32,
    invert: Option<bool>,
    invert_by: Option<String>,
    by: Vec<String>,
}

impl TryFrom<QuantileArgs> for Quantiles {
    type Error = PyErr;

    fn try_from(a: QuantileArgs) -> PyResult<Quantiles> {
        let invert = match (a.invert, a.invert_by) {
            (Some(_), Some(_)) => {
                return Err(to_py_err(crate::Error::argument(
                    "invert_by",
                    "give `invert` or `invert_by`, not both",
                    "both",
                )))
            }
            (_, Some(column)) => Invert::Column(column),
            (flag, None) => Invert::Fixed(flag.unwrap_or(true)),
        };
        Ok(Quantiles {
            value: a.value,
            n: a.n,
            invert,
            by: a.by,
        })
    }
}

#[pyfunction]
pub(crate) fn quantiles(
    py: Python<'_>,
    data: PyDataFrame,
    options: QuantileArgs,
) -> PyResult<PyDataFrame> {
    output(py, options, move |q: Quantiles| q.compute(data.0.lazy()))
}

/// `indikator._options.DifferenceOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct DifferenceArgs<'py> {
    column: String,
    measure: String,
    between: Option<(String, String)>,
    against: Option<String>,
    total: Option<String>,
    ratio_method: String,
    multiplier: Option<f64>,
    confidence: Bound<'py, PyAny>,
    output: String,
}

impl TryFrom<DifferenceArgs<'_>> for Difference {
    type Error = PyErr;

    fn try_from(a: DifferenceArgs<'_>) -> PyResult<Difference> {
        let contrast = match (a.between, a.against.as_deref()) {
            (Some((group, reference)), None) => Contrast::between(group, reference),
            (None, Some("total")) => Contrast::EachVsTotal { total: a.total },
            (None, Some("rest")) => Contrast::EachVsRest,
            (None, Some(other)) => {
                return Err(to_py_err(crate::Error::argument(
                    "against",
                    "one of \"total\", \"rest\" (or name two groups with `between`)",
                    format!("{other:?}"),
                )))
            }
            (Some(_), Some(_)) | (None, None) => {
                return Err(to_py_err(crate::Error::argument(
                    "between",
                    "name two groups (`between=(group, reference)`) or `against=\"total\"` or \"rest\", one of them",
                    "both or neither",
                )))
            }
        };
        let mut difference = match a.measure.as_str() {
            "rate_ratio" => Difference::rate_ratio(a.column, contrast),
            "rate_difference" => Difference::rate_difference(a.column, contrast),
            "proportion_difference" => Difference::proportion_difference(a.column, contrast),
            other => {
                return Err(to_py_err(crate::Error::argument(
                    "measure",
                    "one of \"rate_ratio\", \"rate_difference\", \"proportion_difference\"",
                    format!("{other:?}"),
                )))
            }
        };
        difference = difference
            .ratio_method(parsed(&a.ratio_method)?)
            .confidence(confidence(&a.confidence)?)
            .output(parsed(&a.output)?);
        if let Some(m) = a.multiplier {
            difference = difference.multiplier(m);
        }
        Ok(difference)
    }
}

#[pyfunction]
pub(crate) fn difference(
    py: Python<'_>,
    table: PyDataFrame,
    options: DifferenceArgs<'_>,
) -> PyResult<PyDataFrame> {
    let difference = Difference::try_from(options)?;
    detached(py, move || difference.compute(&table.0)).map(PyDataFrame)
}
