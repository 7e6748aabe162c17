//! The delårsbokslut report: every indicator of a catalogue computed for a
//! period, last year and a trend, assessed, suppressed, and written as HTML
//! (with inline SVG charts), XLSX, Parquet and CSV with provenance.

mod benchmark;
mod check;
mod compute;
mod evaluate;
mod inputs;
mod long;
mod model;
mod run;

pub use model::{BenchmarkValue, IndicatorResult, InputFile, Point, RatingResult, Report};
pub use benchmark::{Benchmarks, RIKET};
pub use check::check as check_catalog;
pub use inputs::sha256_hex;
pub use run::{is_synthetic, run as run_catalog, RunOptions};
