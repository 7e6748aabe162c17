//! Readmission, SIP and mortality: per family one options object
//! (`ReadmissionOptions`, `SipOptions`, `MortalityOptions`) and one native
//! function per output.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::args::{columns, output, parsed, period_kind, CareArgs, StandardArg};
use super::errors::to_py_err;
use crate::care::{CauseSet, Mortality, Readmission, Sip, StayColumns};

/// `indikator._options.ReadmissionOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct ReadmissionArgs<'py> {
    common: CareArgs<'py>,
    period: String,
    per: Option<String>,
    min_age: f64,
    days: u32,
    acute_only: bool,
    merge_transfers: bool,
    died: Vec<String>,
    transferred: Vec<String>,
    as_of: Option<NaiveDate>,
    columns: BTreeMap<String, String>,
    discharge_type: bool,
}

impl TryFrom<ReadmissionArgs<'_>> for Readmission {
    type Error = PyErr;

    fn try_from(a: ReadmissionArgs<'_>) -> PyResult<Readmission> {
        let mut names: StayColumns = columns(&a.columns, "columns")?;
        if !a.discharge_type {
            names.discharge_type = None;
        }
        Ok(Readmission {
            period: parsed(&a.period)?,
            per: period_kind(a.per.as_deref())?,
            min_age: a.min_age,
            days: a.days,
            acute_only: a.acute_only,
            merge_transfers: a.merge_transfers,
            died: a.died,
            transferred: a.transferred,
            as_of: a.as_of,
            common: a.common.try_into()?,
            columns: names,
        })
    }
}

#[pyfunction]
pub(crate) fn readmission_share(
    py: Python<'_>,
    stays: PyDataFrame,
    options: ReadmissionArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |readmission: Readmission| {
        readmission.share(&stays.0)
    })
}

#[pyfunction]
pub(crate) fn readmission_stays(
    py: Python<'_>,
    stays: PyDataFrame,
    options: ReadmissionArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |readmission: Readmission| {
        readmission.stays(&stays.0)
    })
}

#[pyfunction]
pub(crate) fn readmission_quality(
    py: Python<'_>,
    stays: PyDataFrame,
    options: ReadmissionArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |readmission: Readmission| {
        readmission.quality(&stays.0)
    })
}

/// `indikator._options.SipOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct SipArgs<'py> {
    common: CareArgs<'py>,
    period: String,
    per: Option<String>,
    age_limit: u32,
    exclude_statuses: Vec<String>,
    columns: BTreeMap<String, String>,
}

impl TryFrom<SipArgs<'_>> for Sip {
    type Error = PyErr;

    fn try_from(a: SipArgs<'_>) -> PyResult<Sip> {
        Ok(Sip {
            period: parsed(&a.period)?,
            per: period_kind(a.per.as_deref())?,
            age_limit: a.age_limit,
            exclude_statuses: a.exclude_statuses,
            common: a.common.try_into()?,
            columns: columns(&a.columns, "columns")?,
        })
    }
}

#[pyfunction]
pub(crate) fn sip_counts(
    py: Python<'_>,
    plans: PyDataFrame,
    options: SipArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |sip: Sip| sip.counts(&plans.0))
}

#[pyfunction]
pub(crate) fn sip_change(
    py: Python<'_>,
    plans: PyDataFrame,
    options: SipArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |sip: Sip| sip.change(&plans.0))
}

#[pyfunction]
pub(crate) fn sip_quality(
    py: Python<'_>,
    plans: PyDataFrame,
    options: SipArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |sip: Sip| sip.quality(&plans.0))
}

/// The causes of death: a named set, or ICD-10 ranges.
#[derive(FromPyObject)]
pub(crate) enum CausesArg {
    /// "suicide", "suicide_wide".
    Named(String),
    /// Ranges such as "X60-X84" and single codes.
    Ranges(Vec<String>),
}

impl TryFrom<CausesArg> for CauseSet {
    type Error = PyErr;

    fn try_from(causes: CausesArg) -> PyResult<CauseSet> {
        match causes {
            CausesArg::Named(name) => CauseSet::named(&name),
            CausesArg::Ranges(ranges) => {
                let ranges: Vec<&str> = ranges.iter().map(String::as_str).collect();
                CauseSet::ranges(&ranges.join(", "), &ranges)
            }
        }
        .map_err(to_py_err)
    }
}

/// `indikator._options.MortalityOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct MortalityArgs<'py> {
    common: CareArgs<'py>,
    causes: CausesArg,
    min_age: Option<u32>,
    max_age: Option<u32>,
    years: Option<(i32, i32)>,
    window: u32,
    rolling: bool,
    standard: Option<StandardArg>,
    multiplier: f64,
    death_columns: BTreeMap<String, String>,
    population_columns: BTreeMap<String, String>,
}

impl TryFrom<MortalityArgs<'_>> for Mortality {
    type Error = PyErr;

    fn try_from(a: MortalityArgs<'_>) -> PyResult<Mortality> {
        Ok(Mortality {
            causes: a.causes.try_into()?,
            min_age: a.min_age,
            max_age: a.max_age,
            years: a.years,
            window: a.window,
            rolling: a.rolling,
            standard: a.standard.map(TryInto::try_into).transpose()?,
            multiplier: a.multiplier,
            common: a.common.try_into()?,
            death_columns: columns(&a.death_columns, "death_columns")?,
            population_columns: columns(&a.population_columns, "population_columns")?,
        })
    }
}

#[pyfunction]
pub(crate) fn mortality_rates(
    py: Python<'_>,
    deaths: PyDataFrame,
    population: PyDataFrame,
    options: MortalityArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |mortality: Mortality| {
        mortality.rates(&deaths.0, &population.0)
    })
}

#[pyfunction]
pub(crate) fn mortality_quality(
    py: Python<'_>,
    deaths: PyDataFrame,
    population: PyDataFrame,
    options: MortalityArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |mortality: Mortality| {
        mortality.quality(&deaths.0, &population.0)
    })
}
