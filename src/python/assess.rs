//! Wrappers of periods, comparisons, trends, targets and ratings.

use std::collections::HashMap;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::errors::{detached, to_py_err};
use crate::assess::{
    assess_table, assess_units, compare_with_benchmark, compare_with_previous,
    ratings_by_perspective, trend, Assessment, Benchmark, Comparison, Direction, Funnel,
    FunnelStatistic, MissingReason, Observed, Op, Polarity, RateKind, RatioKind, Target, Trend,
};
use crate::period::Period;

fn parse<T: std::str::FromStr<Err = crate::Error>>(text: &str) -> PyResult<T> {
    text.parse().map_err(to_py_err)
}

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
pub(crate) struct PyAssessment(Assessment);

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
    #[pyo3(signature = (at_least, of, direction))]
    fn months(at_least: u32, of: u32, direction: &str) -> PyResult<Self> {
        let direction: Direction = parse(direction)?;
        checked(Target::Months {
            at_least,
            of,
            direction,
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

#[pyfunction]
#[pyo3(signature = (table, benchmark_value, benchmark_column, benchmark_table, on, polarity, level))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn compare_benchmark(
    py: Python<'_>,
    table: PyDataFrame,
    benchmark_value: Option<f64>,
    benchmark_column: Option<String>,
    benchmark_table: Option<PyDataFrame>,
    on: Vec<String>,
    polarity: &str,
    level: Option<f64>,
) -> PyResult<PyDataFrame> {
    let polarity: Polarity = parse(polarity)?;
    let benchmark = match (benchmark_value, benchmark_column, benchmark_table) {
        (Some(v), _, _) => Benchmark::Value(v),
        (_, Some(c), _) => Benchmark::Column(c),
        (_, _, Some(t)) => Benchmark::Table { table: t.0, on },
        _ => {
            return Err(to_py_err(crate::Error::argument(
                "benchmark",
                "give a number, a column name or a table",
                "None",
            )))
        }
    };
    detached(py, move || {
        compare_with_benchmark(&table.0, &benchmark, polarity, level)
    })
    .map(PyDataFrame)
}

#[pyfunction]
#[pyo3(signature = (table, previous, on, time, polarity, level))]
pub(crate) fn compare_previous(
    py: Python<'_>,
    table: PyDataFrame,
    previous: PyDataFrame,
    on: Vec<String>,
    time: Option<String>,
    polarity: &str,
    level: Option<f64>,
) -> PyResult<PyDataFrame> {
    let polarity: Polarity = parse(polarity)?;
    detached(py, move || {
        compare_with_previous(&table.0, &previous.0, &on, time.as_deref(), polarity, level)
    })
    .map(PyDataFrame)
}

#[pyfunction]
#[pyo3(name = "trend", signature = (series, time, by, points, polarity, level))]
pub(crate) fn trend_table(
    py: Python<'_>,
    series: PyDataFrame,
    time: String,
    by: Vec<String>,
    points: usize,
    polarity: &str,
    level: Option<f64>,
) -> PyResult<PyDataFrame> {
    let options = Trend {
        time,
        by,
        points,
        polarity: parse(polarity)?,
        level,
    };
    detached(py, move || trend(&series.0, &options)).map(PyDataFrame)
}

#[pyfunction]
#[pyo3(name = "assess", signature = (table, target))]
pub(crate) fn assess_rows(
    py: Python<'_>,
    table: PyDataFrame,
    target: PyTarget,
) -> PyResult<PyDataFrame> {
    detached(py, move || assess_table(&table.0, &target.0)).map(PyDataFrame)
}

#[pyfunction]
#[pyo3(name = "assess_units", signature = (table, unit, target))]
pub(crate) fn assess_unit_rows(
    py: Python<'_>,
    table: PyDataFrame,
    unit: String,
    target: PyTarget,
) -> PyResult<PyAssessment> {
    detached(py, move || assess_units(&table.0, &unit, &target.0)).map(PyAssessment)
}

#[pyfunction]
#[pyo3(name = "ratings_by_perspective", signature = (table))]
pub(crate) fn ratings_per_perspective(py: Python<'_>, table: PyDataFrame) -> PyResult<PyDataFrame> {
    detached(py, move || ratings_by_perspective(&table.0)).map(PyDataFrame)
}

fn funnel_of(
    statistic: &str,
    numerator: String,
    denominator: Option<String>,
    rate: Option<String>,
    multiplier: Option<f64>,
    kind: Option<&str>,
    years: Option<f64>,
) -> PyResult<Funnel> {
    let bad = |argument: &str, rule: &str, got: String| {
        to_py_err(crate::Error::argument(argument, rule, got))
    };
    let statistic = match statistic {
        "proportion" => FunnelStatistic::Proportion {
            multiplier: multiplier.unwrap_or(1.0),
        },
        "ratio" => FunnelStatistic::Ratio {
            kind: match kind.unwrap_or("count") {
                "count" => RatioKind::Count,
                "isr" => RatioKind::Isr,
                other => {
                    return Err(bad(
                        "kind",
                        "ratios are \"count\" or \"isr\"",
                        format!("{other:?}"),
                    ))
                }
            },
        },
        "rate" => FunnelStatistic::Rate {
            kind: match kind.unwrap_or("crude") {
                "crude" => RateKind::Crude,
                "dsr" => RateKind::Dsr,
                other => {
                    return Err(bad(
                        "kind",
                        "rates are \"crude\" or \"dsr\"",
                        format!("{other:?}"),
                    ))
                }
            },
            multiplier: multiplier.unwrap_or(100_000.0),
            years: years.unwrap_or(1.0),
        },
        other => {
            return Err(bad(
                "statistic",
                "one of \"proportion\", \"ratio\", \"rate\"",
                format!("{other:?}"),
            ))
        }
    };
    Ok(Funnel {
        statistic,
        numerator,
        denominator,
        rate,
    })
}

#[pyfunction]
#[pyo3(signature = (data, what, statistic, numerator, denominator, rate, multiplier, kind, years))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn funnel(
    py: Python<'_>,
    data: PyDataFrame,
    what: &str,
    statistic: &str,
    numerator: String,
    denominator: Option<String>,
    rate: Option<String>,
    multiplier: Option<f64>,
    kind: Option<&str>,
    years: Option<f64>,
) -> PyResult<PyDataFrame> {
    let funnel = funnel_of(
        statistic,
        numerator,
        denominator,
        rate,
        multiplier,
        kind,
        years,
    )?;
    let what = what.to_string();
    detached(py, move || match what.as_str() {
        "limits" => funnel.limits(&data.0),
        "significance" => funnel.significance(&data.0),
        _ => funnel.points(&data.0),
    })
    .map(PyDataFrame)
}
