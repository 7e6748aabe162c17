//! The Python module `indikator._indikator`: the only place pyo3 appears.
//!
//! Each family's options cross the boundary as one typed object (a dict
//! typed in `python/indikator/_options.py`, extracted into a mirror struct
//! and converted to the Rust options, see [`args`]), and each output has
//! its own native function. Wrappers release the GIL, call the Rust core,
//! and map errors (and any panic) to the exception classes of [`errors`].

mod args;
mod assess;
mod care;
mod continuity;
mod disclosure;
mod drugs;
mod errors;
mod expressions;
mod inequality;
mod io;
mod measures;
mod report;
mod targets;
mod waits;

use pyo3::prelude::*;

/// The extension allocates with the allocator of the Python polars it runs
/// beside (jemalloc, through the capsule polars exports), as pyo3-polars
/// recommends: frames cross between the two without a change of allocator,
/// and the streaming engine's buffers are reused instead of fresh zeroed
/// pages at every step. Without that capsule it falls back to the system's.
#[global_allocator]
static ALLOCATOR: pyo3_polars::PolarsAllocator = pyo3_polars::PolarsAllocator::new();

/// Raise a panic inside Rust, to prove it reaches Python as an exception.
/// Only in builds with the `test-hooks` feature (`make develop`), never in a wheel.
#[cfg(feature = "test-hooks")]
#[pyfunction]
fn _force_panic(py: Python<'_>) -> PyResult<()> {
    errors::detached(py, || -> crate::Result<()> {
        panic!("forced panic for a test")
    })
}

#[pymodule]
fn _indikator(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    for function in [
        wrap_pyfunction!(measures::count, m)?,
        wrap_pyfunction!(measures::rate, m)?,
        wrap_pyfunction!(measures::proportion, m)?,
        wrap_pyfunction!(measures::mean, m)?,
        wrap_pyfunction!(measures::dsr, m)?,
        wrap_pyfunction!(measures::isr, m)?,
        wrap_pyfunction!(measures::standard_population, m)?,
        wrap_pyfunction!(inequality::life_expectancy, m)?,
        wrap_pyfunction!(inequality::sii, m)?,
        wrap_pyfunction!(inequality::quantiles, m)?,
        wrap_pyfunction!(inequality::difference, m)?,
        wrap_pyfunction!(disclosure::suppress, m)?,
        wrap_pyfunction!(disclosure::suppression_audit, m)?,
        wrap_pyfunction!(assess::compare_benchmark, m)?,
        wrap_pyfunction!(assess::compare_previous, m)?,
        wrap_pyfunction!(assess::trend_table, m)?,
        wrap_pyfunction!(assess::assess_rows, m)?,
        wrap_pyfunction!(assess::assess_unit_rows, m)?,
        wrap_pyfunction!(assess::ratings_per_perspective, m)?,
        wrap_pyfunction!(assess::funnel_limits, m)?,
        wrap_pyfunction!(assess::funnel_significance, m)?,
        wrap_pyfunction!(assess::funnel_points, m)?,
        wrap_pyfunction!(continuity::continuity_patients, m)?,
        wrap_pyfunction!(continuity::continuity_summary, m)?,
        wrap_pyfunction!(continuity::continuity_quality, m)?,
        wrap_pyfunction!(continuity::continuity_rolling, m)?,
        wrap_pyfunction!(waits::waits_fulfilment, m)?,
        wrap_pyfunction!(waits::waits_distribution, m)?,
        wrap_pyfunction!(waits::waits_summary, m)?,
        wrap_pyfunction!(waits::waits_quality, m)?,
        wrap_pyfunction!(waits::summarise_months, m)?,
        wrap_pyfunction!(waits::reporting_rate, m)?,
        wrap_pyfunction!(care::readmission_share, m)?,
        wrap_pyfunction!(care::readmission_stays, m)?,
        wrap_pyfunction!(care::readmission_quality, m)?,
        wrap_pyfunction!(care::sip_counts, m)?,
        wrap_pyfunction!(care::sip_change, m)?,
        wrap_pyfunction!(care::sip_quality, m)?,
        wrap_pyfunction!(care::mortality_rates, m)?,
        wrap_pyfunction!(care::mortality_quality, m)?,
        wrap_pyfunction!(drugs::drugs_share, m)?,
        wrap_pyfunction!(drugs::drugs_quality, m)?,
        wrap_pyfunction!(report::svg_trend, m)?,
        wrap_pyfunction!(report::svg_by_kommun, m)?,
        wrap_pyfunction!(report::svg_ratings, m)?,
        wrap_pyfunction!(report::cli_main, m)?,
        wrap_pyfunction!(io::io_read_px, m)?,
        wrap_pyfunction!(io::io_read_jsonstat, m)?,
        wrap_pyfunction!(io::io_read_px_bytes, m)?,
        wrap_pyfunction!(io::io_read_jsonstat_str, m)?,
        wrap_pyfunction!(io::io_read_kolada_str, m)?,
        wrap_pyfunction!(io::io_read_kolada, m)?,
        wrap_pyfunction!(io::io_harmonise, m)?,
        wrap_pyfunction!(io::io_areas, m)?,
    ] {
        m.add_function(function)?;
    }
    #[cfg(feature = "test-hooks")]
    m.add_function(wrap_pyfunction!(_force_panic, m)?)?;
    m.add_class::<targets::PyPeriod>()?;
    m.add_class::<targets::PyTarget>()?;
    m.add_class::<targets::PyAssessment>()?;
    m.add_class::<report::PyCatalog>()?;
    m.add_class::<report::PyReport>()?;
    m.add("SUPPRESSED_SYMBOL", crate::disclosure::SUPPRESSED_SYMBOL)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
