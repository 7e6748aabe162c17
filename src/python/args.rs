//! Parsing of the Python arguments every statistic shares.

use pyo3::prelude::*;

use super::errors::to_py_err;
use crate::measure::{Common, Confidence, Grouping, OutputType, Pool, PoolMethod};

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

/// The shared options from their Python forms.
pub(crate) fn common(
    by: Vec<String>,
    confidence_arg: &Bound<'_, PyAny>,
    output: &str,
    pool: Option<String>,
    pool_method: &str,
) -> PyResult<Common> {
    let method: PoolMethod = pool_method.parse().map_err(to_py_err)?;
    Ok(Common {
        grouping: Grouping {
            by,
            pool: pool.map(|column| Pool { column, method }),
        },
        confidence: confidence(confidence_arg)?,
        output: output.parse::<OutputType>().map_err(to_py_err)?,
    })
}
