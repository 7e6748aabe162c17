//! Assessing a figure: against a benchmark, the previous period and its own
//! trend (with the semantics of the UK Fingertips platform), and against the
//! targets of the region's plans, giving a rating (måluppfyllelse).
//!
//! Comparisons read tables in the output schema of `measure`; targets are
//! plain data that the TOML catalogue can hold.

mod compare;
mod estimates;
mod factor;
mod funnel;
mod goal_target;
mod matching;
mod months;
mod polarity;
mod previous;
mod rating;
mod table;
mod trend;

pub use compare::{
    compare_estimate_with_benchmark, compare_estimate_with_previous, compare_with_benchmark,
    Benchmark, Comparison,
};
pub use factor::derived_rating;
pub use funnel::{Funnel, FunnelStatistic, RateKind, RatioKind, DSR_NOT_APPLICABLE};
pub use goal_target::{Direction, Observed, Op, Target};
pub use matching::TIME_COLUMNS;
pub use months::{assess_months, MonthsAssessment, MONTHS_TEST_PROPORTION, MONTHS_TEST_RATE};
pub use polarity::Polarity;
pub use previous::compare_with_previous;
pub use rating::{rating_counts, Assessment, MissingReason, Perspective, Rating, RatingCounts};
pub use table::{
    assess_table, assess_units, headline_rows, ratings_by_perspective, BREAKDOWN_COLUMN,
    BREAKDOWN_TOTAL, SERIES_COLUMN, SERIES_PERIOD, SERIES_SUCCESS_FACTOR,
};
pub use trend::{trend, Trend};
