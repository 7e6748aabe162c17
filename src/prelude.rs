//! The traits and the types most programs use, in one import:
//!
//! ```
//! use indikator::prelude::*;
//!
//! let deaths = df!(
//!     "kommun" => ["Östersund", "Krokom"],
//!     "deaths" => [12i64, 4],
//!     "population" => [64_000i64, 15_500],
//! )?;
//! let rates = Rate::new("deaths", "population")
//!     .multiplier(100_000.0)
//!     .by(["kommun"])
//!     .compute(deaths.lazy())?;
//! assert_eq!(rates.height(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! It brings polars' own prelude (from the polars this crate re-exports),
//! the traits whose methods the statistics and the care families share
//! ([`Statistic`], [`CareOptions`], [`RecordColumns`]), the statistics, the
//! care families, periods, targets and suppression, and [`Error`] and
//! [`Result`](crate::Result) as `IkResult` (so as not to shadow the
//! standard `Result`).

pub use crate::polars::prelude::*;

pub use crate::{
    assess_table, compare_with_benchmark, compare_with_previous, trend, CareOptions, Confidence,
    Continuity, Count, Difference, Dsr, Error, IntoColumns, IntoFrame, Isr, LifeExpectancy, Margin,
    Mean, Mortality, Period, PeriodKind, Polarity, Proportion, Quantiles, Rate, Rating,
    Readmission, RecordColumns, Sii, Sip, StandardPopulation, Statistic, Suppression, Target,
    Waits,
};

/// The crate's result type, named so as not to shadow `std::result::Result`.
pub use crate::Result as IkResult;
