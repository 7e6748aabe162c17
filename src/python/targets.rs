//! The classes of periods, targets and assessments: `Period`, `Target`
//! (every form of the plans, built by static methods) and `Assessment`.

use std::collections::HashMap;

use chrono::NaiveDate;
use pyo3::prelude::*;

use super::args::parsed as parse;
use super::errors::to_py_err;
use crate::assess::{Assessment, Comparison, Direction, MissingReason, Observed, Op, Target};
use crate::period::Period;

/// A reporting period: parse it from a Swedish or ISO-like form.
#[pyclass(
    name = "Period",
    module = "indikator",
    frozen,
    eq,
    ord,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct PyPeriod(pub Period);

#[pymethods]
impl PyPeriod {
    #[new]
    fn new(text: &str) -> PyResult<Self> {
        parse(text).map(PyPeriod)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("Period('{}')", self.0.iso())
    }

    /// The ISO-like form, e.g. "2017-T2".
    #[getter]
    fn iso(&self) -> String {
        self.0.iso()
    }

    /// The first day.
    #[getter]
    fn start(&self) -> NaiveDate {
        self.0.start()
    }

    /// The last day (inclusive).
    #[getter]
    fn end(&self) -> NaiveDate {
        self.0.end()
    }

    fn contains(&self, day: NaiveDate) -> bool {
        self.0.contains(day)
    }

    fn previous_year(&self) -> Self {
        PyPeriod(self.0.previous_year())
    }

    fn shift_years(&self, years: i32) -> Self {
        PyPeriod(self.0.shift_years(years))
    }
}

/// The outcome of rating a target.
#[pyclass(name = "Assessment", module = "indikator", frozen)]
pub(crate) struct PyAssessment(pub(crate) Assessment);

#[pymethods]
impl PyAssessment {
    /// "fulfilled", "partly", "not fulfilled", or None when the value is missing.
    #[getter]
    fn rating(&self) -> Option<&'static str> {
        self.0.rating.map(|r| r.label())
    }

    /// The Swedish words: the rating or the reason it is missing.
    #[getter]
    fn rating_sv(&self) -> &'static str {
        self.0.swedish()
    }

    /// "green", "yellow", "red" or "grey".
    #[getter]
    fn colour(&self) -> &'static str {
        self.0.colour()
    }

    /// The rule and the outcome in Swedish.
    #[getter]
    fn rule(&self) -> String {
        self.0.rule.clone()
    }

    /// Why the value is missing, or None.
    #[getter]
    fn missing(&self) -> Option<&'static str> {
        self.0.missing.map(MissingReason::name)
    }

    fn __repr__(&self) -> String {
        format!("Assessment({}: {})", self.0.swedish(), self.0.rule)
    }
}

/// A target of the region's plans.
#[pyclass(name = "Target", module = "indikator", frozen, eq, from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyTarget(pub Target);

fn op_target(op: Op, value: f64, unit: &str) -> PyResult<PyTarget> {
    checked(Target::Threshold {
        op,
        value,
        unit: unit.to_string(),
    })
}

fn checked(t: Target) -> PyResult<PyTarget> {
    t.validate().map_err(to_py_err)?;
    Ok(PyTarget(t))
}

#[pymethods]
impl PyTarget {
    #[staticmethod]
    #[pyo3(signature = (value, unit = ""))]
    fn at_least(value: f64, unit: &str) -> PyResult<Self> {
        op_target(Op::AtLeast, value, unit)
    }

    #[staticmethod]
    #[pyo3(signature = (value, unit = ""))]
    fn at_most(value: f64, unit: &str) -> PyResult<Self> {
        op_target(Op::AtMost, value, unit)
    }

    #[staticmethod]
    #[pyo3(signature = (value, unit = ""))]
    fn above(value: f64, unit: &str) -> PyResult<Self> {
        op_target(Op::Above, value, unit)
    }

    #[staticmethod]
    #[pyo3(signature = (value, unit = ""))]
    fn below(value: f64, unit: &str) -> PyResult<Self> {
        op_target(Op::Below, value, unit)
    }

    #[staticmethod]
    #[pyo3(signature = (green, yellow, unit = ""))]
    fn range(green: f64, yellow: f64, unit: &str) -> PyResult<Self> {
        checked(Target::Range {
            green,
            yellow,
            unit: unit.to_string(),
        })
    }

    #[staticmethod]
    #[pyo3(signature = (*, equal_meets = false, significant = false))]
    fn increase(equal_meets: bool, significant: bool) -> PyResult<Self> {
        checked(Target::Direction {
            direction: Direction::Increase,
            equal_meets,
            significant,
        })
    }

    #[staticmethod]
    #[pyo3(signature = (*, equal_meets = false, significant = false))]
    fn decrease(equal_meets: bool, significant: bool) -> PyResult<Self> {
        checked(Target::Direction {
            direction: Direction::Decrease,
            equal_meets,
            significant,
        })
    }

    #[staticmethod]
    #[pyo3(signature = (change, baseline, deadline = None, unit = ""))]
    fn relative(
        change: f64,
        baseline: &Bound<'_, PyAny>,
        deadline: Option<i32>,
        unit: &str,
    ) -> PyResult<Self> {
        let baseline = period_arg(baseline)?;
        checked(Target::Relative {
            change,
            baseline,
            deadline,
            unit: unit.to_string(),
        })
    }

    #[staticmethod]
    fn every_unit(target: &PyTarget) -> PyResult<Self> {
        checked(Target::EveryUnit {
            target: Box::new(target.0.clone()),
        })
    }

    #[staticmethod]
    #[pyo3(signature = (at_least, of, direction, *, from_month = None))]
    fn months(at_least: u32, of: u32, direction: &str, from_month: Option<u32>) -> PyResult<Self> {
        let direction: Direction = parse(direction)?;
        checked(Target::Months {
            at_least,
            of,
            direction,
            from_month,
        })
    }

    #[staticmethod]
    #[pyo3(signature = (expected = true))]
    fn yes_no(expected: bool) -> Self {
        PyTarget(Target::YesNo { expected })
    }

    #[staticmethod]
    fn status() -> Self {
        PyTarget(Target::Status)
    }

    #[staticmethod]
    fn qualitative() -> Self {
        PyTarget(Target::Qualitative)
    }

    /// The rule in Swedish words.
    #[getter]
    fn words(&self) -> String {
        self.0.words()
    }

    fn __repr__(&self) -> String {
        format!("Target({})", self.0.words())
    }

    /// Rate one observation; see the stub for the arguments.
    #[pyo3(signature = (value = None, *, missing = None, previous = None, vs_previous = None,
                        baseline = None, units = None, months = None))]
    #[allow(clippy::too_many_arguments)]
    fn assess(
        &self,
        value: Option<&Bound<'_, PyAny>>,
        missing: Option<&str>,
        previous: Option<f64>,
        vs_previous: Option<&str>,
        baseline: Option<f64>,
        units: Option<HashMap<String, Option<f64>>>,
        months: Option<Vec<String>>,
    ) -> PyResult<PyAssessment> {
        let mut observed = Observed {
            missing: missing.map(parse::<MissingReason>).transpose()?,
            previous,
            vs_previous: vs_previous.map(parse::<Comparison>).transpose()?,
            baseline,
            ..Default::default()
        };
        if let Some(v) = value {
            if let Ok(flag) = v.cast::<pyo3::types::PyBool>() {
                observed.text = Some(if flag.is_true() { "ja" } else { "nej" }.to_string());
            } else if let Ok(text) = v.extract::<String>() {
                observed.text = Some(text);
            } else {
                observed.value = Some(v.extract::<f64>()?);
            }
        }
        if let Some(units) = units {
            let mut units: Vec<_> = units.into_iter().collect();
            units.sort_by(|a, b| a.0.cmp(&b.0));
            observed.units = units;
        }
        if let Some(months) = months {
            observed.months = months
                .iter()
                .map(|m| parse::<Comparison>(m))
                .collect::<PyResult<_>>()?;
        }
        self.0
            .assess(&observed)
            .map(PyAssessment)
            .map_err(to_py_err)
    }
}

fn period_arg(value: &Bound<'_, PyAny>) -> PyResult<Period> {
    if let Ok(p) = value.extract::<PyRef<'_, PyPeriod>>() {
        return Ok(p.0);
    }
    if let Ok(year) = value.extract::<i32>() {
        return parse(&year.to_string());
    }
    parse(&value.extract::<String>()?)
}
