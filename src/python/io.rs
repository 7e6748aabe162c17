//! The readers of SCB's and Kolada's files (`indikator.io`): each native
//! function reads with the GIL released and gives a frame; the metadata of
//! a PC-Axis or JSON-stat table crosses as JSON text, which
//! `python/indikator/io.py` turns into a dict.

use pyo3::prelude::*;
use pyo3::types::PyBytes;
use pyo3_polars::PyDataFrame;
use serde_json::json;

use super::errors::detached;
use crate::io::{PxOptions, StatTable, TableMeta};

/// The metadata as JSON text: every field of [`TableMeta`] by its name.
fn meta_json(meta: &TableMeta) -> String {
    let dimensions: Vec<_> = meta
        .dimensions
        .iter()
        .map(|d| {
            json!({
                "name": d.name,
                "id": d.id,
                "role": d.role.map(|r| r.as_str()),
                "size": d.size,
            })
        })
        .collect();
    json!({
        "format": meta.format,
        "table": meta.table,
        "title": meta.title,
        "contents": meta.contents,
        "unit": meta.unit,
        "units": meta.units,
        "source": meta.source,
        "last_updated": meta.last_updated,
        "language": meta.language,
        "encoding": meta.encoding,
        "decimals": meta.decimals,
        "notes": meta.notes,
        "symbols": meta.symbols,
        "dimensions": dimensions,
    })
    .to_string()
}

fn table(read: StatTable) -> (PyDataFrame, String) {
    let meta = meta_json(&read.meta);
    (PyDataFrame(read.frame), meta)
}

#[pyfunction]
#[pyo3(signature = (path, language=None))]
pub(crate) fn io_read_px(
    py: Python<'_>,
    path: String,
    language: Option<String>,
) -> PyResult<(PyDataFrame, String)> {
    detached(py, move || {
        crate::io::read_px(&path, &PxOptions { language }).map(table)
    })
}

/// `read_px` of an answer's bytes (`ik.io.fetch_pxweb`); `name` (the URL)
/// names it in messages.
#[pyfunction]
#[pyo3(signature = (data, name, language=None))]
pub(crate) fn io_read_px_bytes(
    py: Python<'_>,
    data: &Bound<'_, PyBytes>,
    name: String,
    language: Option<String>,
) -> PyResult<(PyDataFrame, String)> {
    let data = data.as_bytes().to_vec();
    detached(py, move || {
        crate::io::read_px_bytes(&data, &name, &PxOptions { language }).map(table)
    })
}

/// `read_jsonstat` of an answer's text.
#[pyfunction]
pub(crate) fn io_read_jsonstat_str(
    py: Python<'_>,
    text: String,
    name: String,
) -> PyResult<(PyDataFrame, String)> {
    detached(py, move || {
        crate::io::read_jsonstat_str(&text, &name).map(table)
    })
}

/// `read_kolada` of an answer's text (a page, or the pages as an array).
#[pyfunction]
pub(crate) fn io_read_kolada_str(
    py: Python<'_>,
    text: String,
    name: String,
) -> PyResult<PyDataFrame> {
    detached(py, move || {
        crate::io::read_kolada_str(&text, &name).map(PyDataFrame)
    })
}

#[pyfunction]
pub(crate) fn io_read_jsonstat(py: Python<'_>, path: String) -> PyResult<(PyDataFrame, String)> {
    detached(py, move || crate::io::read_jsonstat(&path).map(table))
}

#[pyfunction]
pub(crate) fn io_read_kolada(py: Python<'_>, paths: Vec<String>) -> PyResult<PyDataFrame> {
    detached(py, move || crate::io::read_kolada(&paths).map(PyDataFrame))
}

#[pyfunction]
pub(crate) fn io_harmonise(
    py: Python<'_>,
    frame: PyDataFrame,
    value: String,
) -> PyResult<PyDataFrame> {
    detached(py, move || {
        crate::io::harmonise(&frame.0, &value).map(PyDataFrame)
    })
}

#[pyfunction]
pub(crate) fn io_areas() -> PyDataFrame {
    PyDataFrame(crate::io::areas())
}
