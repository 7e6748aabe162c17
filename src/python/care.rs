//! Wrappers of the record-level care indicators.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::errors::{detached, to_py_err};
use crate::care::{Chronic, Continuity, ListingColumns, VisitColumns};

#[pyfunction]
#[pyo3(signature = (what, visits, listings, end, window_months, min_visits, at_listing_unit, professions,
                    contact_types, chronic_patients, chronic_codes, index, threshold, by, visit_columns,
                    listing_columns, first, polarity))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn continuity(
    py: Python<'_>,
    what: &str,
    visits: PyDataFrame,
    listings: PyDataFrame,
    end: NaiveDate,
    window_months: u32,
    min_visits: u32,
    at_listing_unit: bool,
    professions: Option<Vec<String>>,
    contact_types: Option<Vec<String>>,
    chronic_patients: Option<Vec<String>>,
    chronic_codes: Option<Vec<String>>,
    index: &str,
    threshold: f64,
    by: Vec<String>,
    visit_columns: [String; 7],
    listing_columns: [String; 4],
    first: Option<NaiveDate>,
    polarity: &str,
) -> PyResult<PyDataFrame> {
    let polarity: crate::assess::Polarity = polarity.parse().map_err(to_py_err)?;
    let chronic = match (chronic_patients, chronic_codes) {
        (Some(ids), _) => Chronic::Patients(ids),
        (None, Some(codes)) => Chronic::DiagnosisCodes(codes),
        (None, None) => Chronic::All,
    };
    let [patient, clinician, profession, unit, date, contact_type, diagnosis] = visit_columns;
    let [l_patient, l_unit, from, to] = listing_columns;
    let options = Continuity {
        end,
        window_months,
        min_visits,
        at_listing_unit,
        professions,
        contact_types,
        chronic,
        index: index.parse().map_err(to_py_err)?,
        threshold,
        by,
        visit_columns: VisitColumns {
            patient,
            clinician,
            profession,
            unit,
            date,
            contact_type,
            diagnosis,
        },
        listing_columns: ListingColumns {
            patient: l_patient,
            unit: l_unit,
            from,
            to,
        },
    };
    let what = what.to_string();
    detached(py, move || match what.as_str() {
        "summary" => options.summary(&visits.0, &listings.0),
        "quality" => options.compute(&visits.0, &listings.0).map(|r| r.quality),
        "rolling" => options.rolling(&visits.0, &listings.0, first.unwrap_or(end), end, polarity),
        _ => options.patients(&visits.0, &listings.0),
    })
    .map(PyDataFrame)
}
