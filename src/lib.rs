//! # indikator
//!
//! Health and care indicators for a Swedish region (Region Jämtland
//! Härjedalen): counts, crude rates, proportions, means, directly and
//! indirectly standardised rates, life expectancy and inequality, each with
//! confidence intervals computed the way the reference implementation (the
//! UK's PHEindicatormethods) computes them, over polars frames; the care
//! indicators of the region's plans from their records; periods, targets
//! and ratings; suppression of small numbers that withstands an audit; and
//! (feature `report`) the catalogue and the report of the delårsbokslut.
//!
//! ## Which type for which indicator of the plans
//!
//! | The plans' indicator | Type |
//! |---|---|
//! | Suicide per 100 000, five-year average, crude or age-standardised | [`Mortality`] (from the cause-of-death register), or [`Rate`] / [`Dsr`] on counts |
//! | Rates per 1 000 (fall injuries 65+, …) | [`Rate`], pooled over years with [`Pool`] |
//! | Vårdgaranti: share within 3, 30, 60 or 90 days | [`Waits`] (national rules, months, snapshots), [`summarise_months`], [`ReportingRate`] |
//! | 30-day readmission, 65 and over | [`Readmission`] |
//! | SIP, coordinated individual plans | [`Sip`] |
//! | Continuity of care in primary care | [`Continuity`] |
//! | Shares against a target | [`Proportion`], [`Target`], [`assess_table`] |
//! | Life expectancy; the gap between the least and most deprived; women against men | [`LifeExpectancy`], [`Sii`] with [`Quantiles`], [`Difference`] |
//! | Against riket and against the same period last year | [`compare_with_benchmark`], [`compare_with_previous`], [`trend`] |
//! | Month, tertial, delår, year | [`Period`], [`period_expr`] |
//! | Publishing small counts | [`Suppression`] (mask and audit) |
//! | The whole report (HTML, XLSX, Parquet, CSV) | `Catalog`, `run_catalog`, `write_report` (feature `report`) |
//!
//! Every function that reads a table takes [`IntoFrame`]: a `DataFrame`, a
//! `&DataFrame` or a `LazyFrame` (a scan of a Parquet file, say), and
//! every option has a chainable setter. Every result has one schema (the group columns, `numerator`,
//! `denominator`, `value`, `lower_*`/`upper_*`, `status`, `confidence`,
//! `statistic`, `method`), and every function that takes a result takes any
//! result of the crate as it comes. Errors are one type, [`Error`], naming
//! the column, the rule and the value seen; `?` converts it into a
//! `PolarsError` as well.
//!
//! ## Imports
//!
//! `use indikator::prelude::*;` brings the traits ([`Statistic`],
//! [`CareOptions`]), the main types and polars' own prelude. Use polars
//! through [`polars`] (re-exported: the crate's polars, so your frames are
//! of the same version) and dates through [`chrono`].
//!
//! The shared methods of the statistics and of the care families (`by`,
//! `confidence`, `compute`…) are the types' own as well, so a program that
//! imports only the types it uses compiles: one group name or many, any
//! table as input, and `?` from a function that returns `PolarsResult`:
//!
//! ```
//! use indikator::polars::prelude::*;
//! use indikator::{Rate, Waits};
//!
//! fn suicide_per_kommun(deaths: &DataFrame) -> PolarsResult<DataFrame> {
//!     // No `use indikator::Statistic`; `.by` takes one name; the
//!     // crate's error converts into polars' own with `?`.
//!     Ok(Rate::new("deaths", "population").multiplier(100_000.0).by("kommun").compute(deaths)?)
//! }
//! let deaths = df!(
//!     "kommun" => ["2380", "2309"],
//!     "deaths" => [12i64, 4],
//!     "population" => [64_000i64, 19_000],
//! )?;
//! let rates = suicide_per_kommun(&deaths)?;
//! // Sorted by kommun: Krokom (2309), then Östersund (2380): 12 / 64 000 × 100 000.
//! assert_eq!(rates.column("value")?.f64()?.get(1), Some(18.75));
//! // The care families likewise: no `use indikator::CareOptions`.
//! let waits = Waits::completed("2024-T1".parse()?).by("kommun").exclude_invalid();
//! assert_eq!(waits.common.by, ["kommun"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Features
//!
//! - `report`: the catalogue and the report (`Catalog`, `run_catalog`,
//!   `write_report`), its renderings (`render`: HTML, XLSX, SVG charts) and
//!   the synthetic data of the region (`demo`).
//! - `cli`: `report` and the `indikator` command (`cli`, with clap).
//! - `python`, `extension`: the Python bindings (built with maturin).
//!
//! ```
//! use indikator::prelude::*;
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
#![cfg_attr(docsrs, feature(doc_cfg))]
// Golden values are copied digit for digit from the reference tables.
#![cfg_attr(test, allow(clippy::excessive_precision))]

mod assess;
mod care;
#[cfg(feature = "report")]
mod catalog;
#[cfg(feature = "cli")]
#[cfg_attr(docsrs, doc(cfg(feature = "cli")))]
pub mod cli;
#[cfg(feature = "report")]
#[cfg_attr(docsrs, doc(cfg(feature = "report")))]
pub mod demo;
mod disclosure;
mod engine;
mod error;
mod geography;
mod input;
mod io;
mod measure;
mod period;
#[cfg(feature = "report")]
#[cfg_attr(docsrs, doc(cfg(feature = "report")))]
pub mod render;
#[cfg(feature = "report")]
mod report;
mod setters;
pub mod stats;
#[cfg(feature = "report")]
mod synthetic;
mod text;

#[cfg(feature = "python")]
mod python;

/// The polars this crate is built against (0.55), re-exported so that a
/// user's frames are of the same polars: `use indikator::polars::prelude::*;`
/// instead of a `polars` dependency that must match to the minor version.
pub use polars;

/// The chrono this crate is built against (0.4), for the dates of
/// [`Period`] and of the care records.
pub use chrono;

pub mod prelude;

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use assess::{
    assess_months, assess_table, assess_units, compare_estimate_with_benchmark,
    compare_estimate_with_previous, compare_with_benchmark, compare_with_previous, derived_rating,
    headline_rows, rating_counts, ratings_by_perspective, trend, Assessment, Benchmark, Comparison,
    Direction, Funnel, FunnelStatistic, MissingReason, MonthsAssessment, Observed, Op, Perspective,
    Polarity, RateKind, Rating, RatingCounts, RatioKind, Target, Trend, BREAKDOWN_COLUMN,
    BREAKDOWN_TOTAL, DSR_NOT_APPLICABLE, MONTHS_TEST_PROPORTION, MONTHS_TEST_RATE, SERIES_COLUMN,
    SERIES_PERIOD, SERIES_SUCCESS_FACTOR, TIME_COLUMNS,
};
pub use care::{
    bin_labels, summarise_months, CareCommon, CareOptions, CauseSet, Chronic, ColumnSlot,
    Continuity, ContinuityResult, DeathColumns, DispensingColumns, DrugSet, DrugUse,
    InvalidRecords, LimitRule, ListingColumns, Mortality, PlanColumns, PopulationColumns,
    Readmission, RecordColumns, ReportingRate, Sip, StayColumns, VisitColumns, WaitColumns,
    WaitLimits, WaitMeasure, Waits, ADULTS, CAUSE_SETS, CHILDREN, DIED_DISCHARGE_TYPES, DRUG_SETS,
    DRUG_SETS_SOURCE, TRANSFER_DISCHARGE_TYPES, WAIT_KINDS,
};
#[cfg(feature = "report")]
#[cfg_attr(docsrs, doc(cfg(feature = "report")))]
pub use catalog::{
    Catalog, CatalogInfo, FactorRating, Family, Frequency, Goal, Indicator, MeasureKind,
    ReportedMeasure, SipGroup, SuccessFactor, Summary, WaitsMeasure, SHIPPED_CATALOG,
};
pub use disclosure::{
    exposed, protect, Flag, Hierarchy, Line, Margin, Suppression, FLAG_COLUMN, LP_TOLERANCE,
    PUBLISHED_MASK, SUPPRESSED_SYMBOL,
};
pub use error::{Error, Result, Seen};
pub use geography::{
    area_name, kolada_name, kommun_name, HealthCentre, Kommun, COUNTY_CODE, COUNTY_NAME,
    HALSOCENTRALER, KOLADA_RIKET, KOMMUNER, REGION_NAME, RIKET_CODE,
};
pub use input::IntoFrame;
pub use io::{
    areas, harmonise, read_jsonstat, read_jsonstat_str, read_kolada, read_kolada_str, read_px,
    read_px_bytes, read_px_metadata, Dimension, PxOptions, Role, StatTable, TableMeta,
    KOLADA_GENDERS,
};
#[cfg(feature = "fetch")]
#[cfg_attr(docsrs, doc(cfg(feature = "fetch")))]
pub use io::{fetch_kolada, fetch_pxweb, FetchOptions, KOLADA_API};
pub use measure::{
    Common, Confidence, Contrast, Count, Difference, DifferenceMeasure, Dsr, Events, Grouping,
    InequalityIndex, IntoColumns, Invert, Isr, IsrKind, LifeExpectancy, Mean, OutputType, Pool,
    PoolMethod, Proportion, Quantiles, Rate, Reference, Sii, Spread, StandardPopulation, Statistic,
    Status, DSR_MIN_EVENTS, QUANTILE_COLUMN, QUANTILE_STATUS_COLUMN, STANDARD_POPULATIONS,
    START_AGE_COLUMN, VERSUS_COLUMN,
};
pub use period::{
    period_expr, period_labels, Period, PeriodColumn, PeriodKind, TimeKey, PERIOD_FORMS,
};
#[cfg(feature = "report")]
#[cfg_attr(docsrs, doc(cfg(feature = "report")))]
pub use report::{
    check_catalog, factor_table, run_catalog, template as reported_template,
    template_with as reported_workbook, write_report, write_template as write_reported_template,
    Answer, BenchmarkValue, Benchmarks, Counted, FactorResult, Filled, GoalResult, IndicatorResult,
    InputFile, MeasureResult, RatingResult, Report, Reported, ReportedValue, RunOptions,
    SexDifference, WorkStatus, HELP_COLUMNS, OUTPUT_FILES, REPORTED_COLUMNS, REPORT_SHEET, RIKET,
    SERIES_FACTOR, SERIES_MONTH, SERIES_REPORTED, STATUSES,
};
pub use stats::{ContinuityIndex, IndicatorType, RateRatioMethod, SiiInterval};
#[cfg(feature = "report")]
#[cfg_attr(docsrs, doc(cfg(feature = "report")))]
pub use synthetic::{is_synthetic, SYNTHETIC_BANNER, SYNTHETIC_METADATA_KEY, SYNTHETIC_NOTE};
pub use text::swedish_number;
