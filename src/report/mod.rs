//! The delårsbokslut report: every indicator of a catalogue computed for a
//! period, last year and a trend, assessed, suppressed, and written as HTML
//! (with inline SVG charts), XLSX, Parquet and CSV with provenance.

mod benchmark;
mod chart;
mod check;
mod compute;
mod evaluate;
#[cfg(test)]
mod fixture;
mod html;
mod inputs;
mod life;
mod long;
mod model;
mod notebook;
mod points;
mod run;
mod sexdiff;
mod style;
mod write;
mod xlsx;

pub use benchmark::{Benchmarks, RIKET};
pub use chart::{kommun_chart, ratings_chart, trend_chart};
pub use check::check as check_catalog;
pub use html::html;
pub use model::{BenchmarkValue, IndicatorResult, InputFile, Point, RatingResult, Report};
#[cfg(feature = "python")]
pub(crate) use notebook::notebook_html;
pub use points::{group_points, trend_points};
pub use run::{run as run_catalog, RunOptions};
pub use sexdiff::SexDifference;
pub(crate) use style::fixed_number;
pub use write::{outputs, write_report, OUTPUT_FILES};
pub use xlsx::xlsx;
