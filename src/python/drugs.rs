//! The drug family: one options object (`DrugOptions`) and one native
//! function per output (the share, the data-quality table).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::args::{columns, output, parsed, period_kind, CareArgs};
use super::errors::to_py_err;
use crate::care::{DrugSet, DrugUse};
use crate::period::PeriodKind;

/// The drugs: a named set, or ATC codes.
#[derive(FromPyObject)]
pub(crate) enum DrugsArg {
    /// "inappropriate", "antipsychotics", "nsaids".
    Named(String),
    /// ATC codes of any level ("N05A", "N05BA01").
    Codes(Vec<String>),
}

/// `indikator._options.DrugOptions`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct DrugArgs<'py> {
    common: CareArgs<'py>,
    drugs: DrugsArg,
    exclude_atc: Vec<String>,
    period: String,
    per: Option<String>,
    min_age: u32,
    as_of: Option<NaiveDate>,
    columns: BTreeMap<String, String>,
    population_columns: BTreeMap<String, String>,
}

impl TryFrom<DrugArgs<'_>> for DrugUse {
    type Error = PyErr;

    fn try_from(a: DrugArgs<'_>) -> PyResult<DrugUse> {
        let excluded: Vec<&str> = a.exclude_atc.iter().map(String::as_str).collect();
        let drugs = match a.drugs {
            DrugsArg::Named(name) if excluded.is_empty() => DrugSet::named(&name),
            DrugsArg::Named(name) => Err(crate::Error::argument(
                "exclude_atc",
                "codes left out of a list of ATC codes given as `drugs`; a named set has its own",
                format!("{excluded:?} with drugs={name:?}"),
            )),
            DrugsArg::Codes(codes) => {
                let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
                DrugSet::atc(&codes.join(", "), &codes, &excluded)
            }
        }
        .map_err(to_py_err)?;
        let mut drug_use = DrugUse::new(drugs, parsed(&a.period)?);
        drug_use.per = period_kind(a.per.as_deref())?.unwrap_or(PeriodKind::Month);
        drug_use.min_age = a.min_age;
        drug_use.as_of = a.as_of;
        drug_use.common = a.common.try_into()?;
        drug_use.columns = columns(&a.columns, "columns")?;
        drug_use.population_columns = columns(&a.population_columns, "population_columns")?;
        Ok(drug_use)
    }
}

#[pyfunction]
pub(crate) fn drugs_share(
    py: Python<'_>,
    dispensings: PyDataFrame,
    population: PyDataFrame,
    options: DrugArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |drugs: DrugUse| {
        drugs.share(&dispensings.0, &population.0)
    })
}

#[pyfunction]
pub(crate) fn drugs_quality(
    py: Python<'_>,
    dispensings: PyDataFrame,
    options: DrugArgs<'_>,
) -> PyResult<PyDataFrame> {
    output(py, options, move |drugs: DrugUse| {
        drugs.quality(&dispensings.0)
    })
}
