//! The delårsbokslut report: every indicator of a catalogue computed for a
//! period, last year and a trend, assessed, suppressed, the follow-up's
//! success factors rated from their measures and the reported values, and
//! written as HTML (with inline SVG charts), XLSX, Parquet and CSV with
//! provenance.

mod benchmark;
mod chart;
mod check;
mod compute;
mod counts;
mod drugs;
mod evaluate;
#[cfg(test)]
mod fixture;
mod followup;
mod html;
mod inputs;
mod life;
mod long;
mod model;
mod months;
mod notebook;
mod points;
mod rating;
mod reads;
mod reported;
mod rows;
mod run;
mod sexdiff;
mod style;
mod write;
mod xlsx;

pub use benchmark::{Benchmarks, RIKET};
pub use chart::{kommun_chart, ratings_chart, trend_chart};
pub use check::check as check_catalog;
pub use followup::{factor_table, SERIES_FACTOR, SERIES_REPORTED};
pub use html::html;
pub use model::{
    BenchmarkValue, Counted, FactorResult, GoalResult, IndicatorResult, InputFile, MeasureResult,
    Point, RatingResult, Report,
};
pub use months::SERIES_MONTH;
#[cfg(feature = "python")]
pub(crate) use notebook::notebook_html;
pub use points::{group_points, trend_points};
pub(crate) use reported::template_rows;
pub use reported::{
    template, template_with, write_template, Answer, Filled, Reported, ReportedValue, WorkStatus,
    HELP_COLUMNS, REPORTED_COLUMNS, REPORT_SHEET, STATUSES,
};
pub use run::{run as run_catalog, RunOptions};
pub use sexdiff::SexDifference;
#[cfg(feature = "cli")]
pub(crate) use style::fixed_number;
pub use write::{outputs, write_report, OUTPUT_FILES};
pub use xlsx::xlsx;
