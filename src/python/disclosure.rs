//! The wrapper of small-number suppression.

use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::errors::detached;
use crate::disclosure::{Margin, Suppression};

#[pyfunction]
#[pyo3(signature = (table, threshold, counts, also, totals, keys))]
pub(crate) fn suppress(
    py: Python<'_>,
    table: PyDataFrame,
    threshold: f64,
    counts: Vec<String>,
    also: Vec<String>,
    totals: Vec<(String, String)>,
    keys: Vec<String>,
) -> PyResult<PyDataFrame> {
    let margins = totals
        .into_iter()
        .map(|(column, total)| Margin { column, total })
        .collect();
    let suppression = Suppression {
        threshold,
        counts,
        also,
        margins,
        keys,
    };
    detached(py, move || suppression.apply(&table.0)).map(PyDataFrame)
}
