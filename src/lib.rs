//! # indikator
//!
//! Health and care indicators for a Swedish region (Region Jämtland
//! Härjedalen): counts, crude rates, proportions, means, directly and
//! indirectly standardised rates, each with confidence intervals computed
//! the way the reference implementation (the UK's PHEindicatormethods)
//! computes them, over polars frames.
//!
//! The crate is plain Rust; the Python bindings live behind the `python`
//! feature.
//!
//! ```
//! use indikator::{Proportion, Statistic, Confidence};
//! use polars::prelude::*;
//!
//! let waits = df!(
//!     "clinic" => ["BUP", "BUP", "Ortopedi"],
//!     "within_limit" => [38, 63, 410],
//!     "completed" => [100, 100, 450],
//! )?;
//! let shares = Proportion::new("within_limit", "completed")
//!     .percentage()
//!     .by(["clinic"])
//!     .confidence(Confidence::Both)
//!     .compute(waits.lazy())?;
//! assert_eq!(shares.column("value")?.f64()?.get(0), Some(50.5));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]
// Golden values are copied digit for digit from the reference tables.
#![cfg_attr(test, allow(clippy::excessive_precision))]

mod assess;
mod care;
#[cfg(feature = "report")]
mod catalog;
#[cfg(feature = "report")]
pub mod cli;
#[cfg(feature = "report")]
pub mod demo;
mod disclosure;
mod engine;
mod error;
mod measure;
mod period;
#[cfg(feature = "report")]
mod report;
pub mod stats;
mod text;

#[cfg(feature = "python")]
mod python;

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use assess::{
    assess_table, assess_units, compare_periods, compare_to_benchmark, compare_with_benchmark,
    compare_with_previous, rating_counts, ratings_by_perspective, trend, Assessment, Benchmark,
    Comparison, Direction, Funnel, FunnelStatistic, MissingReason, Observed, Op, Perspective,
    Polarity, RateKind, Rating, RatingCounts, RatioKind, Target, Trend, DSR_NOT_APPLICABLE,
};
pub use care::{
    bin_labels, summarise_months, CauseSet, Chronic, Continuity, ContinuityResult, DeathColumns,
    InvalidRecords, LimitRule, ListingColumns, Mortality, PlanColumns, PopulationColumns,
    Readmission, ReportingRate, Sip, StayColumns, VisitColumns, WaitColumns, WaitLimits,
    WaitMeasure, Waits, ADULTS, CAUSE_SETS, CHILDREN, WAIT_KINDS,
};
#[cfg(feature = "report")]
pub use catalog::{
    Catalog, CatalogInfo, Family, Indicator, SipGroup, Summary, WaitsMeasure, SHIPPED_CATALOG,
};
pub use disclosure::{
    exposed, protect, Flag, Hierarchy, Line, Margin, Suppression, FLAG_COLUMN, LP_TOLERANCE,
    SUPPRESSED_SYMBOL,
};
pub use error::{Error, Result};
pub use measure::{
    Common, Confidence, Count, Dsr, Events, Grouping, Isr, IsrKind, Mean, OutputType, Pool,
    PoolMethod, Proportion, Rate, Reference, StandardPopulation, Statistic, Status, DSR_MIN_EVENTS,
    STANDARD_POPULATIONS,
};
pub use period::{period_expr, period_labels, Period, PeriodKind, PERIOD_FORMS};
#[cfg(feature = "report")]
pub use report::{
    check_catalog, html as report_html, is_synthetic, kommun_chart, notebook_html,
    outputs as report_outputs, rating_hex, ratings_chart, run_catalog, sha256_hex, trend_chart,
    write_report, xlsx as report_xlsx, BenchmarkValue, Benchmarks, IndicatorResult, InputFile,
    Point, RatingResult, Report, RunOptions, OUTPUT_FILES, RIKET,
};
pub use stats::ContinuityIndex;
pub use text::swedish_number;
