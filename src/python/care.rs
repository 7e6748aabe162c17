//! Wrappers of the record-level care indicators: options in, one Rust call, a frame out.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::args;
use super::errors::{detached, for_argument, to_py_err};
use super::measures::standard_from;
use crate::care::{
    CauseSet, Chronic, Continuity, DeathColumns, ListingColumns, Mortality, PlanColumns,
    PopulationColumns, Readmission, ReportingRate, Sip, StayColumns, VisitColumns, WaitColumns,
    WaitLimits, Waits,
};
use crate::period::PeriodKind;

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

fn parsed<T: std::str::FromStr<Err = crate::Error>>(text: &str) -> PyResult<T> {
    text.parse().map_err(to_py_err)
}

/// The `per` argument: a kind of period, named `per` in its error.
fn period_kind(per: Option<&str>) -> PyResult<Option<PeriodKind>> {
    per.map(|text| text.parse().map_err(|e| to_py_err(for_argument(e, "per"))))
        .transpose()
}

#[pyfunction]
#[pyo3(signature = (what, records, measure, period, snapshots, per, by, limits, exclude_pvv, exclude_mov,
                    bins, as_of, invalid, confidence, columns, pvv, mov))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn waits(
    py: Python<'_>,
    what: &str,
    records: PyDataFrame,
    measure: &str,
    period: &str,
    snapshots: Option<Vec<NaiveDate>>,
    per: Option<&str>,
    by: Vec<String>,
    limits: Vec<(String, u32)>,
    exclude_pvv: bool,
    exclude_mov: bool,
    bins: Vec<u32>,
    as_of: Option<NaiveDate>,
    invalid: &str,
    confidence: &Bound<'_, PyAny>,
    columns: [String; 3],
    pvv: Option<String>,
    mov: Option<String>,
) -> PyResult<PyDataFrame> {
    let [decided, completed, kind] = columns;
    let mut wait_limits = WaitLimits::law();
    for (kind, days) in limits {
        wait_limits = wait_limits.with_limit(kind, days);
    }
    let options = Waits {
        measure: parsed(measure)?,
        period: parsed(period)?,
        snapshots,
        per: period_kind(per)?,
        by,
        limits: wait_limits,
        exclude_pvv,
        exclude_mov,
        bins,
        as_of,
        invalid: parsed(invalid)?,
        confidence: args::confidence(confidence)?,
        columns: WaitColumns {
            decided,
            completed,
            kind,
            pvv,
            mov,
        },
    };
    let what = what.to_string();
    detached(py, move || match what.as_str() {
        "distribution" => options.distribution(&records.0),
        "quality" => options.quality(&records.0),
        "summary" => options.summary(&records.0),
        _ => options.fulfilment(&records.0),
    })
    .map(PyDataFrame)
}

#[pyfunction]
pub(crate) fn summarise_months(
    py: Python<'_>,
    monthly: PyDataFrame,
    by: Vec<String>,
    month: String,
    confidence: &Bound<'_, PyAny>,
) -> PyResult<PyDataFrame> {
    let confidence = args::confidence(confidence)?;
    detached(py, move || {
        crate::care::summarise_months(&monthly.0, &by, &month, confidence)
    })
    .map(PyDataFrame)
}

#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub(crate) fn reporting_rate(
    py: Python<'_>,
    reports: PyDataFrame,
    unit: String,
    period: String,
    expected: Vec<String>,
    periods: Option<Vec<String>>,
    rule: f64,
    confidence: &Bound<'_, PyAny>,
) -> PyResult<PyDataFrame> {
    let options = ReportingRate {
        unit,
        period,
        expected,
        periods,
        rule,
        confidence: args::confidence(confidence)?,
    };
    detached(py, move || options.compute(&reports.0)).map(PyDataFrame)
}

#[pyfunction]
#[pyo3(signature = (what, stays, period, per, by, min_age, days, acute_only, merge_transfers, died,
                    transferred, as_of, invalid, confidence, columns, discharge_type))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn readmission(
    py: Python<'_>,
    what: &str,
    stays: PyDataFrame,
    period: &str,
    per: Option<&str>,
    by: Vec<String>,
    min_age: f64,
    days: u32,
    acute_only: bool,
    merge_transfers: bool,
    died: Vec<String>,
    transferred: Vec<String>,
    as_of: Option<NaiveDate>,
    invalid: &str,
    confidence: &Bound<'_, PyAny>,
    columns: [String; 5],
    discharge_type: Option<String>,
) -> PyResult<PyDataFrame> {
    let [patient, admitted, discharged, age, acute] = columns;
    let options = Readmission {
        period: parsed(period)?,
        per: period_kind(per)?,
        by,
        min_age,
        days,
        acute_only,
        merge_transfers,
        died,
        transferred,
        as_of,
        invalid: parsed(invalid)?,
        confidence: args::confidence(confidence)?,
        columns: StayColumns {
            patient,
            admitted,
            discharged,
            age,
            acute,
            discharge_type,
        },
    };
    let what = what.to_string();
    detached(py, move || match what.as_str() {
        "stays" => options.stays(&stays.0),
        "quality" => options.quality(&stays.0),
        _ => options.share(&stays.0),
    })
    .map(PyDataFrame)
}

#[pyfunction]
#[pyo3(signature = (what, plans, period, per, by, age_limit, exclude_statuses, invalid, confidence, columns))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn sip(
    py: Python<'_>,
    what: &str,
    plans: PyDataFrame,
    period: &str,
    per: Option<&str>,
    by: Vec<String>,
    age_limit: u32,
    exclude_statuses: Vec<String>,
    invalid: &str,
    confidence: &Bound<'_, PyAny>,
    columns: [String; 5],
) -> PyResult<PyDataFrame> {
    let [plan, established, birth_date, age, status] = columns;
    let options = Sip {
        period: parsed(period)?,
        per: period_kind(per)?,
        by,
        age_limit,
        exclude_statuses,
        invalid: parsed(invalid)?,
        confidence: args::confidence(confidence)?,
        columns: PlanColumns {
            plan,
            established,
            birth_date,
            age,
            status,
        },
    };
    let what = what.to_string();
    detached(py, move || match what.as_str() {
        "change" => options.change(&plans.0),
        "quality" => options.quality(&plans.0),
        _ => options.counts(&plans.0),
    })
    .map(PyDataFrame)
}

#[pyfunction]
#[pyo3(signature = (what, deaths, population, causes, min_age, max_age, by, years, window, rolling, standard,
                    multiplier, confidence, invalid, death_columns, population_columns))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn mortality(
    py: Python<'_>,
    what: &str,
    deaths: PyDataFrame,
    population: PyDataFrame,
    causes: &Bound<'_, PyAny>,
    min_age: Option<u32>,
    max_age: Option<u32>,
    by: Vec<String>,
    years: Option<(i32, i32)>,
    window: u32,
    rolling: bool,
    standard: Option<&Bound<'_, PyAny>>,
    multiplier: f64,
    confidence: &Bound<'_, PyAny>,
    invalid: &str,
    death_columns: [String; 3],
    population_columns: [String; 3],
) -> PyResult<PyDataFrame> {
    let causes = if let Ok(name) = causes.extract::<String>() {
        CauseSet::named(&name).map_err(to_py_err)?
    } else {
        let ranges: Vec<String> = causes.extract()?;
        let ranges: Vec<&str> = ranges.iter().map(String::as_str).collect();
        CauseSet::ranges(&ranges.join(", "), &ranges).map_err(to_py_err)?
    };
    let [year, age, cause] = death_columns;
    let [p_year, p_age, people] = population_columns;
    let options = Mortality {
        causes,
        min_age,
        max_age,
        by,
        years,
        window,
        rolling,
        standard: standard.map(standard_from).transpose()?,
        multiplier,
        confidence: args::confidence(confidence)?,
        invalid: parsed(invalid)?,
        death_columns: DeathColumns { year, age, cause },
        population_columns: PopulationColumns {
            year: p_year,
            age: p_age,
            population: people,
        },
    };
    let what = what.to_string();
    detached(py, move || match what.as_str() {
        "quality" => options.quality(&deaths.0, &population.0),
        _ => options.rates(&deaths.0, &population.0),
    })
    .map(PyDataFrame)
}
