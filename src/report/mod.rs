//! The delårsbokslut report: every indicator of a catalogue computed for a
//! period, last year and a trend, assessed, suppressed, and written as HTML
//! (with inline SVG charts), XLSX, Parquet and CSV with provenance.

mod model;

pub use model::{BenchmarkValue, IndicatorResult, InputFile, Point, RatingResult, Report};
