//! The options objects that cross the boundary: each family's options arrive
//! as one dict (typed in `python/indikator/_options.py`), extracted into a
//! mirror struct here, then converted to the Rust options with `TryFrom`.
//! Text-valued options are parsed with `FromStr`, which refuses unknown
//! values and names the valid ones; nothing falls through to a default.
//!
//! This module holds the parts every family shares: the confidence, the
//! statistics' common options, the care families' common options, column
//! names by role, and standard populations.

use std::collections::BTreeMap;
use std::str::FromStr;

use polars::prelude::DataFrame;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::errors::{detached, for_argument, to_py_err};
use crate::care::{CareCommon, RecordColumns};
use crate::measure::{Common, Confidence, Grouping, Pool, PoolMethod, StandardPopulation};
use crate::period::PeriodKind;

/// One output: the options object converted to the Rust options `O`, then
/// `output` run with them with the GIL released.
pub(crate) fn output<A, O, F>(py: Python<'_>, options: A, output: F) -> PyResult<PyDataFrame>
where
    O: TryFrom<A, Error = PyErr> + Send,
    F: FnOnce(O) -> crate::Result<DataFrame> + Send,
{
    let options = O::try_from(options)?;
    detached(py, move || output(options)).map(PyDataFrame)
}

/// Confidence from a float (0.95), a string ("99.8%", "both") or a sequence of floats.
pub(crate) fn confidence(value: &Bound<'_, PyAny>) -> PyResult<Confidence> {
    if let Ok(s) = value.extract::<String>() {
        return s.parse().map_err(to_py_err);
    }
    if let Ok(level) = value.extract::<f64>() {
        return Confidence::from_level(level).map_err(to_py_err);
    }
    if let Ok(levels) = value.extract::<Vec<f64>>() {
        return Confidence::from_levels(&levels).map_err(to_py_err);
    }
    Err(to_py_err(crate::Error::argument(
        "confidence",
        "confidence must be 0.95, 0.998 or both (also written 95, 99.8, \"95%\", \"99.8%\", \"both\")",
        value.repr().map(|r| r.to_string()).unwrap_or_default(),
    )))
}

/// A text option parsed into its type; the error names the option.
pub(crate) fn parsed<T: FromStr<Err = crate::Error>>(text: &str) -> PyResult<T> {
    text.parse().map_err(to_py_err)
}

/// The `per` option: a kind of period, named `per` in its error.
pub(crate) fn period_kind(per: Option<&str>) -> PyResult<Option<PeriodKind>> {
    per.map(|text| text.parse().map_err(|e| to_py_err(for_argument(e, "per"))))
        .transpose()
}

/// Column names from the caller's renames by role (`argument` names the
/// option in the error of an unknown role).
pub(crate) fn columns<C: RecordColumns>(
    renames: &BTreeMap<String, String>,
    argument: &str,
) -> PyResult<C> {
    C::renamed(
        argument,
        renames
            .iter()
            .map(|(role, name)| (role.as_str(), name.as_str())),
    )
    .map_err(to_py_err)
}

/// The options every statistic shares (`indikator._options.StatisticOptions`).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct StatisticArgs<'py> {
    by: Vec<String>,
    confidence: Bound<'py, PyAny>,
    output: String,
    pool: Option<String>,
    pool_method: String,
}

impl TryFrom<StatisticArgs<'_>> for Common {
    type Error = PyErr;

    fn try_from(a: StatisticArgs<'_>) -> PyResult<Common> {
        let method: PoolMethod = parsed(&a.pool_method)?;
        Ok(Common {
            grouping: Grouping {
                by: a.by,
                pool: a.pool.map(|column| Pool { column, method }),
            },
            confidence: confidence(&a.confidence)?,
            output: parsed(&a.output)?,
        })
    }
}

/// The options every family of care records shares (`indikator._options.CareOptions`).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct CareArgs<'py> {
    by: Vec<String>,
    invalid: String,
    confidence: Bound<'py, PyAny>,
}

impl TryFrom<CareArgs<'_>> for CareCommon {
    type Error = PyErr;

    fn try_from(a: CareArgs<'_>) -> PyResult<CareCommon> {
        Ok(CareCommon {
            by: a.by,
            invalid: parsed(&a.invalid)?,
            confidence: confidence(&a.confidence)?,
        })
    }
}

/// A standard population: a shipped one by name, or a frame of `age_band` and `weight`.
#[derive(FromPyObject)]
pub(crate) enum StandardArg {
    /// A shipped standard ("esp2013").
    Named(String),
    /// A frame with the columns `age_band` and `weight`.
    Table(PyDataFrame),
}

impl TryFrom<StandardArg> for StandardPopulation {
    type Error = PyErr;

    fn try_from(standard: StandardArg) -> PyResult<StandardPopulation> {
        match standard {
            StandardArg::Named(name) => StandardPopulation::by_name(&name),
            StandardArg::Table(frame) => {
                StandardPopulation::from_frame("supplied", &frame.0, "age_band", "weight")
            }
        }
        .map_err(to_py_err)
    }
}
