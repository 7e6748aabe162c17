//! The delårsbokslut report: every indicator of a catalogue computed for a
//! period, last year and a trend, assessed, suppressed, and written as HTML
//! (with inline SVG charts), XLSX, Parquet and CSV with provenance.

#[cfg(test)]
mod fixture;
mod html;
mod model;
mod svg;
mod xlsx;

pub use html::html;
pub use model::{BenchmarkValue, IndicatorResult, InputFile, Point, RatingResult, Report};
pub use svg::{kommun_chart, rating_hex, rating_text_hex, ratings_chart, trend_chart};
pub use xlsx::xlsx;
