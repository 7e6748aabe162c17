//! The Python module `indikator._indikator`: the only place pyo3 appears.
//!
//! Wrappers convert arguments, release the GIL, call the Rust core, and map
//! errors (and any panic) to the exception classes of [`errors`].

mod args;
mod assess;
mod care;
mod disclosure;
mod errors;
mod expressions;
mod measures;
mod report;

use pyo3::prelude::*;

/// The extension allocates with the allocator of the Python polars it runs
/// beside (jemalloc, through the capsule polars exports), as pyo3-polars
/// recommends: frames cross between the two without a change of allocator,
/// and the streaming engine's buffers are reused instead of fresh zeroed
/// pages at every step. Without that capsule it falls back to the system's.
#[global_allocator]
static ALLOCATOR: pyo3_polars::PolarsAllocator = pyo3_polars::PolarsAllocator::new();

#[pymodule]
fn _indikator(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_function(wrap_pyfunction!(measures::count, m)?)?;
    m.add_function(wrap_pyfunction!(measures::rate, m)?)?;
    m.add_function(wrap_pyfunction!(measures::proportion, m)?)?;
    m.add_function(wrap_pyfunction!(measures::mean, m)?)?;
    m.add_function(wrap_pyfunction!(measures::dsr, m)?)?;
    m.add_function(wrap_pyfunction!(measures::isr, m)?)?;
    m.add_function(wrap_pyfunction!(measures::standard_population, m)?)?;
    m.add_function(wrap_pyfunction!(measures::_force_panic, m)?)?;
    m.add_function(wrap_pyfunction!(disclosure::suppress, m)?)?;
    m.add_function(wrap_pyfunction!(disclosure::suppression_audit, m)?)?;
    m.add_class::<assess::PyPeriod>()?;
    m.add_class::<assess::PyTarget>()?;
    m.add_class::<assess::PyAssessment>()?;
    m.add_function(wrap_pyfunction!(assess::compare_benchmark, m)?)?;
    m.add_function(wrap_pyfunction!(assess::compare_previous, m)?)?;
    m.add_function(wrap_pyfunction!(assess::trend_table, m)?)?;
    m.add_function(wrap_pyfunction!(assess::assess_rows, m)?)?;
    m.add_function(wrap_pyfunction!(assess::assess_unit_rows, m)?)?;
    m.add_function(wrap_pyfunction!(assess::ratings_per_perspective, m)?)?;
    m.add_function(wrap_pyfunction!(assess::funnel, m)?)?;
    m.add_function(wrap_pyfunction!(care::continuity, m)?)?;
    m.add_function(wrap_pyfunction!(care::waits, m)?)?;
    m.add_function(wrap_pyfunction!(care::summarise_months, m)?)?;
    m.add_function(wrap_pyfunction!(care::reporting_rate, m)?)?;
    m.add_function(wrap_pyfunction!(care::readmission, m)?)?;
    m.add_function(wrap_pyfunction!(care::sip, m)?)?;
    m.add_function(wrap_pyfunction!(care::mortality, m)?)?;
    m.add_class::<report::PyCatalog>()?;
    m.add_class::<report::PyReport>()?;
    m.add_function(wrap_pyfunction!(report::svg_trend, m)?)?;
    m.add_function(wrap_pyfunction!(report::svg_by_kommun, m)?)?;
    m.add_function(wrap_pyfunction!(report::svg_ratings, m)?)?;
    m.add_function(wrap_pyfunction!(report::cli_main, m)?)?;
    m.add("SUPPRESSED_SYMBOL", crate::disclosure::SUPPRESSED_SYMBOL)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
