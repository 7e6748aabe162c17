//! The options every statistic shares, and the chainable setters for them.

use polars::prelude::*;

use super::confidence::{Confidence, OutputType};
use super::grouping::{Grouping, IntoColumns, Pool};
use crate::error::Result;

/// Grouping, confidence and output shape: the options every statistic has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Common {
    /// The groups to compute for, and pooling.
    pub grouping: Grouping,
    /// The confidence level(s) of the limits.
    pub confidence: Confidence,
    /// Which columns to return.
    pub output: OutputType,
}

/// A frame-level statistic: options with chainable setters and `compute`.
///
/// ```
/// use indikator::{Rate, Statistic, Confidence};
/// use polars::prelude::*;
///
/// let data = df!("kommun" => ["2380", "2309"], "deaths" => [9, 4], "population" => [64_000, 19_000])?;
/// let rates = Rate::new("deaths", "population")
///     .multiplier(100_000.0)
///     .by(["kommun"])
///     .confidence(Confidence::Both)
///     .compute(data.lazy())?;
/// assert_eq!(rates.height(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Statistic: Sized {
    /// The shared options, for the setters below.
    fn common_mut(&mut self) -> &mut Common;

    /// Compute the statistic over `data`, one row per group.
    ///
    /// # Errors
    /// See each statistic; always a typed [`crate::Error`] naming the column,
    /// the rule and the value, never a panic.
    fn compute(&self, data: LazyFrame) -> Result<DataFrame>;

    /// Group by these columns (none: one row for the whole frame).
    fn by(mut self, columns: impl IntoColumns) -> Self {
        self.common_mut().grouping.by = columns.into_columns();
        self
    }

    /// Pool periods, e.g. `Pool::sum("year")`.
    fn pool(mut self, pool: Pool) -> Self {
        self.common_mut().grouping.pool = Some(pool);
        self
    }

    /// Set the confidence level(s).
    fn confidence(mut self, confidence: Confidence) -> Self {
        self.common_mut().confidence = confidence;
        self
    }

    /// Set the output shape.
    fn output(mut self, output: OutputType) -> Self {
        self.common_mut().output = output;
        self
    }
}
