//! Continuity of care: one options object (`ContinuityOptions`) and one
//! native function per output.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::args::{columns, output, parsed};
use super::errors::{detached, to_py_err};
use crate::assess::Polarity;
use crate::care::{Chronic, Continuity};

/// `indikator._options.ContinuityOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct ContinuityArgs {
    end: NaiveDate,
    window_months: u32,
    min_visits: u32,
    at_listing_unit: bool,
    professions: Option<Vec<String>>,
    contact_types: Option<Vec<String>>,
    chronic_patients: Option<Vec<String>>,
    chronic_codes: Option<Vec<String>>,
    index: String,
    threshold: f64,
    by: Vec<String>,
    visit_columns: BTreeMap<String, String>,
    listing_columns: BTreeMap<String, String>,
}

impl TryFrom<ContinuityArgs> for Continuity {
    type Error = PyErr;

    fn try_from(a: ContinuityArgs) -> PyResult<Continuity> {
        let chronic = match (a.chronic_patients, a.chronic_codes) {
            (None, None) => Chronic::All,
            (Some(ids), None) => Chronic::Patients(ids),
            (None, Some(codes)) => Chronic::DiagnosisCodes(codes),
            (Some(_), Some(_)) => return Err(to_py_err(crate::Error::argument(
                "chronic_patients",
                "give the chronic patients by id or by diagnosis code (chronic_codes), not both",
                "both",
            ))),
        };
        Ok(Continuity {
            end: a.end,
            window_months: a.window_months,
            min_visits: a.min_visits,
            at_listing_unit: a.at_listing_unit,
            professions: a.professions,
            contact_types: a.contact_types,
            chronic,
            index: parsed(&a.index)?,
            threshold: a.threshold,
            by: a.by,
            visit_columns: columns(&a.visit_columns, "visit_columns")?,
            listing_columns: columns(&a.listing_columns, "listing_columns")?,
        })
    }
}

#[pyfunction]
pub(crate) fn continuity_patients(
    py: Python<'_>,
    visits: PyDataFrame,
    listings: PyDataFrame,
    options: ContinuityArgs,
) -> PyResult<PyDataFrame> {
    output(py, options, move |continuity: Continuity| {
        continuity.patients(&visits.0, &listings.0)
    })
}

#[pyfunction]
pub(crate) fn continuity_summary(
    py: Python<'_>,
    visits: PyDataFrame,
    listings: PyDataFrame,
    options: ContinuityArgs,
) -> PyResult<PyDataFrame> {
    output(py, options, move |continuity: Continuity| {
        continuity.summary(&visits.0, &listings.0)
    })
}

#[pyfunction]
pub(crate) fn continuity_quality(
    py: Python<'_>,
    visits: PyDataFrame,
    listings: PyDataFrame,
    options: ContinuityArgs,
) -> PyResult<PyDataFrame> {
    output(py, options, move |continuity: Continuity| {
        Ok(continuity.compute(&visits.0, &listings.0)?.quality)
    })
}

/// The keys `indikator._options.RollingOptions` adds to `ContinuityOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct RollingArgs {
    start: NaiveDate,
    polarity: String,
}

/// `options` is one `RollingOptions` dict: the continuity options and the rolling ones.
#[pyfunction]
pub(crate) fn continuity_rolling(
    py: Python<'_>,
    visits: PyDataFrame,
    listings: PyDataFrame,
    options: &Bound<'_, PyAny>,
) -> PyResult<PyDataFrame> {
    let continuity = Continuity::try_from(options.extract::<ContinuityArgs>()?)?;
    let rolling: RollingArgs = options.extract()?;
    let polarity: Polarity = parsed(&rolling.polarity)?;
    let (first, last) = (rolling.start, continuity.end);
    detached(py, move || {
        continuity.rolling(&visits.0, &listings.0, first, last, polarity)
    })
    .map(PyDataFrame)
}
