//! Wrappers of the main job: the catalogue, its run, the report and the
//! charts, and the `indikator` command for the Python console script.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyBytes;
use pyo3_polars::PyDataFrame;

use super::errors::{detached, to_py_err};
use crate::assess::RatingCounts;
use crate::catalog::Catalog;
use crate::period::Period;
use crate::report::{
    check_catalog, factor_table, group_points, html, kommun_chart, notebook_html, ratings_chart,
    run_catalog, trend_chart, trend_points, write_report, write_template, xlsx, Report, RunOptions,
};

/// A catalogue of indicators (see `indikator.Catalog`).
#[pyclass(name = "_Catalog", module = "indikator._indikator", frozen)]
pub(crate) struct PyCatalog(Catalog);

/// A finished report (see `indikator.Report`).
#[pyclass(name = "_Report", module = "indikator._indikator", frozen)]
pub(crate) struct PyReport(Report);

/// The synthetic data of the region, written once into the temporary
/// directory (deterministic for the default seed, and keyed by the
/// generator's fingerprint from `build.rs`, so a changed generator writes anew).
fn demo_dir() -> crate::Result<PathBuf> {
    // One writer at a time in this process; other processes write their own
    // temporary files (see `demo::write`) and rename them into place.
    static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = WRITING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = std::env::temp_dir().join(format!(
        "indikator-{}-demo-{}-{}",
        env!("CARGO_PKG_VERSION"),
        crate::demo::DEFAULT_SEED,
        env!("INDIKATOR_DEMO_FINGERPRINT"),
    ));
    // A directory of an older build may lack a file the data now have.
    let complete = crate::demo::PUBLISHED_FILES
        .iter()
        .chain([&crate::demo::REPORTED_FILE])
        .all(|f| dir.join(f).is_file());
    if !(crate::synthetic::is_synthetic(&dir) && complete) {
        crate::demo::write(&dir, crate::demo::DEFAULT_SEED, 1.0)?;
    }
    Ok(dir)
}

/// `indikator._options.RunOptions`: a run of a catalogue.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct RunArgs {
    period: String,
    data: Option<PathBuf>,
    benchmarks: Option<PathBuf>,
    reported: Option<PathBuf>,
    suppress: bool,
    strict: bool,
}

impl TryFrom<RunArgs> for (Option<PathBuf>, RunOptions) {
    type Error = PyErr;

    fn try_from(a: RunArgs) -> PyResult<(Option<PathBuf>, RunOptions)> {
        let period: Period = a.period.parse().map_err(to_py_err)?;
        Ok((
            a.data,
            RunOptions {
                period,
                suppress: a.suppress,
                strict: a.strict,
                benchmarks: a.benchmarks,
                progress: false,
                reported: a.reported,
            },
        ))
    }
}

#[pymethods]
impl PyCatalog {
    #[staticmethod]
    fn from_toml(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        detached(py, move || Catalog::from_path(&path)).map(PyCatalog)
    }

    #[staticmethod]
    fn from_string(py: Python<'_>, text: String) -> PyResult<Self> {
        detached(py, move || Catalog::from_toml_str(&text)).map(PyCatalog)
    }

    #[staticmethod]
    fn shipped(py: Python<'_>) -> PyResult<Self> {
        detached(py, Catalog::shipped).map(PyCatalog)
    }

    #[getter]
    fn ids(&self) -> Vec<String> {
        self.0.indicators.iter().map(|i| i.id.clone()).collect()
    }

    #[getter]
    fn version(&self) -> String {
        self.0.catalog.version.clone()
    }

    #[getter]
    fn title(&self) -> String {
        self.0.catalog.title.clone()
    }

    fn check(&self, py: Python<'_>, data: PathBuf) -> PyResult<Vec<String>> {
        let catalog = self.0.clone();
        detached(py, move || check_catalog(&catalog, &data))
    }

    fn run(&self, py: Python<'_>, options: RunArgs) -> PyResult<PyReport> {
        let (data, options): (Option<PathBuf>, RunOptions) = options.try_into()?;
        let catalog = self.0.clone();
        detached(py, move || {
            let data = match data {
                Some(d) => d,
                None => demo_dir()?,
            };
            run_catalog(&catalog, &data, &options)
        })
        .map(PyReport)
    }

    fn template(&self, py: Python<'_>, period: &str, path: PathBuf) -> PyResult<()> {
        let period: Period = period.parse().map_err(to_py_err)?;
        let catalog = self.0.clone();
        detached(py, move || write_template(&catalog, period, &path))
    }

    #[getter]
    fn success_factor_ids(&self) -> Vec<String> {
        self.0
            .success_factors
            .iter()
            .map(|f| f.id.clone())
            .collect()
    }

    #[getter]
    fn measure_ids(&self) -> Vec<String> {
        self.0.measures.iter().map(|m| m.id.clone()).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "Catalog({:?}, version {:?}, {} indicators)",
            self.0.catalog.id,
            self.0.catalog.version,
            self.0.indicators.len()
        )
    }
}

#[pymethods]
impl PyReport {
    #[getter]
    fn table(&self) -> PyDataFrame {
        PyDataFrame(self.0.long.clone())
    }

    #[getter]
    fn period(&self) -> String {
        self.0.period.clone()
    }

    #[getter]
    fn success_factors(&self) -> PyResult<PyDataFrame> {
        factor_table(&self.0.followup)
            .map(PyDataFrame)
            .map_err(to_py_err)
    }

    #[getter]
    fn title(&self) -> String {
        self.0.title.clone()
    }

    #[getter]
    fn synthetic(&self) -> bool {
        self.0.synthetic
    }

    #[getter]
    fn failures(&self) -> Vec<(String, String)> {
        self.0
            .indicators
            .iter()
            .filter_map(|i| i.error.clone().map(|e| (i.id.clone(), e)))
            .collect()
    }

    fn html(&self, py: Python<'_>) -> PyResult<String> {
        let report = &self.0;
        py.detach(|| Ok(html(report)))
    }

    fn notebook_html(&self) -> String {
        notebook_html(&self.0)
    }

    fn xlsx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let report = &self.0;
        let bytes = py.detach(|| xlsx(report)).map_err(to_py_err)?;
        Ok(PyBytes::new(py, &bytes))
    }

    fn write(&self, py: Python<'_>, out: PathBuf) -> PyResult<Vec<PathBuf>> {
        let report = &self.0;
        py.detach(|| write_report(report, &out)).map_err(to_py_err)
    }

    fn __repr__(&self) -> String {
        format!(
            "Report({:?}, {}, {} indicators, {} failed)",
            self.0.title,
            self.0.period,
            self.0.indicators.len(),
            self.0
                .indicators
                .iter()
                .filter(|i| i.error.is_some())
                .count()
        )
    }
}

#[pyfunction]
#[pyo3(signature = (frame, label, title, unit, decimals, target))]
pub(crate) fn svg_trend(
    py: Python<'_>,
    frame: PyDataFrame,
    label: String,
    title: String,
    unit: String,
    decimals: usize,
    target: Option<f64>,
) -> PyResult<String> {
    detached(py, move || {
        let points = trend_points(&frame.0, &label)?;
        Ok(trend_chart(&title, &unit, decimals, &points, target))
    })
}

#[pyfunction]
#[pyo3(signature = (frame, label, title, unit, decimals, riket))]
pub(crate) fn svg_by_kommun(
    py: Python<'_>,
    frame: PyDataFrame,
    label: String,
    title: String,
    unit: String,
    decimals: usize,
    riket: Option<f64>,
) -> PyResult<String> {
    detached(py, move || {
        let points = group_points(&frame.0, &label, "kommun")?;
        Ok(kommun_chart(&title, &unit, decimals, &points, riket))
    })
}

#[pyfunction]
pub(crate) fn svg_ratings(
    title: &str,
    fulfilled: usize,
    partly: usize,
    not_fulfilled: usize,
    missing: usize,
) -> String {
    let counts = RatingCounts {
        fulfilled,
        partly,
        not_fulfilled,
        missing,
    };
    ratings_chart(title, &counts)
}

/// The `indikator` command; returns its exit code.
#[pyfunction]
pub(crate) fn cli_main(py: Python<'_>, args: Vec<String>) -> i32 {
    py.detach(|| crate::cli::main_with_args(args))
}
