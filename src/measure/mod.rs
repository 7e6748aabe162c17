//! Frame-level statistics over polars: one row per group, one output schema.
//!
//! Every statistic is an options struct implementing [`Statistic`]: build it,
//! set the shared options with the chainable setters, and call `compute`
//! on a `LazyFrame`. The result is a `DataFrame` (validation needs the data,
//! and the per-group result is small).

mod ages;
mod aggregate;
mod columns;
mod common;
mod confidence;
mod count;
mod difference;
mod dsr;
mod grouping;
mod isr;
mod life_expectancy;
mod lookup;
mod mean;
mod output;
mod proportion;
mod quantiles;
mod rate;
mod sii;
mod standard_population;

pub use common::{Common, Statistic};
pub use confidence::{Confidence, OutputType};
pub use count::Count;
pub use difference::{Contrast, Difference, DifferenceMeasure, VERSUS_COLUMN};
pub use dsr::{Dsr, Events, DSR_MIN_EVENTS};
pub use grouping::{Grouping, IntoColumns, Pool, PoolMethod};
pub use isr::{Isr, IsrKind, Reference};
pub use life_expectancy::{LifeExpectancy, START_AGE_COLUMN};
pub use mean::Mean;
pub use output::Status;
pub use proportion::Proportion;
pub use quantiles::{Invert, Quantiles, QUANTILE_COLUMN, QUANTILE_STATUS_COLUMN};
pub use rate::Rate;
pub use sii::{InequalityIndex, Sii, Spread};
pub use standard_population::{StandardPopulation, STANDARD_POPULATIONS};

pub(crate) use ages::{band_range, Ages};
pub(crate) use aggregate::f64_values;
pub(crate) use columns::{column_of, group_label, require, require_keys, require_numeric};
pub(crate) use difference::statistic_kind;
pub(crate) use lookup::lookup;
pub(crate) use output::{Estimate, Table, COUNT_COLUMNS, DERIVED_COLUMNS};
#[cfg(feature = "python")]
pub(crate) use proportion::check_proportion_multiplier;
pub(crate) use proportion::proportion_estimate;
pub(crate) use rate::check_multiplier;
#[cfg(feature = "python")]
pub(crate) use rate::rate_estimate;

crate::setters::statistic_methods!(Count, Rate, Proportion, Mean, Dsr, Isr, LifeExpectancy, Sii);
