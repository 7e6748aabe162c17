//! The options every statistic shares, and the chainable setters for them.

use polars::prelude::*;

use super::confidence::{Confidence, OutputType};
use super::grouping::{Grouping, IntoColumns, Pool};
use crate::error::Result;
use crate::input::IntoFrame;

/// Grouping, confidence and output shape: the options every statistic has.
///
/// The setters of [`Statistic`] fill it in; every statistic keeps it in its
/// `common` field:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{Common, OutputType, Pool};
///
/// let defaults = Common::default();
/// assert_eq!((defaults.confidence, defaults.output), (Confidence::P95, OutputType::Full));
/// assert!(defaults.grouping.by.is_empty() && defaults.grouping.pool.is_none());
///
/// let falls = Rate::new("injuries", "population")
///     .multiplier(1000.0)
///     .by(["kommun", "sex"])
///     .pool(Pool::sum("year"))
///     .confidence(Confidence::Both);
/// assert_eq!(falls.common.grouping.by, ["kommun", "sex"]);
/// assert_eq!(falls.common.grouping.pool, Some(Pool::sum("year")));
/// assert_eq!(falls.common.confidence, Confidence::Both);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
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
/// use indikator::polars::prelude::*;
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
    ///
    /// Every setter of this trait writes here; a generic function over
    /// statistics can too:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let mut suicide = Rate::new("deaths", "population");
    /// suicide.common_mut().confidence = Confidence::P998;
    /// assert_eq!(suicide, Rate::new("deaths", "population").confidence(Confidence::P998));
    /// assert_eq!(suicide.common.confidence.levels(), [0.998]);
    /// ```
    fn common_mut(&mut self) -> &mut Common;

    /// Compute the statistic over `data`, one row per group.
    ///
    /// # Errors
    /// See each statistic; always a typed [`crate::Error`] naming the column,
    /// the rule and the value, never a panic.
    ///
    /// Suicide per 100 000 in Östersund and Krokom, then a population
    /// column that is not there:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let deaths = df!("kommun" => ["Östersund", "Krokom"], "deaths" => [10i64, 3], "population" => [64_000i64, 15_600])?;
    /// let rates = Rate::new("deaths", "population").by("kommun").compute(&deaths)?;
    /// // Groups are sorted: Krokom first, 3 / 15 600 × 100 000 = 19.23; Östersund 15.625.
    /// let values: Vec<_> = rates.column("value")?.f64()?.iter().flatten().collect();
    /// assert!((values[0] - 19.230769230769230).abs() < 1e-9 && (values[1] - 15.625).abs() < 1e-9);
    /// let err = Rate::new("deaths", "folkmängd").compute(&deaths).unwrap_err();
    /// assert!(matches!(err, Error::ColumnNotFound { ref column, .. } if column == "folkmängd"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn compute(&self, data: impl IntoFrame) -> Result<DataFrame>;

    /// Group by these columns (none: one row for the whole frame).
    ///
    /// SIP plans counted by kommun and sex, and for the whole region:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let sip = df!("kommun" => ["Åre", "Åre", "Åre", "Berg"], "sex" => ["K", "M", "K", "K"], "plans" => [4i64, 3, 5, 2])?;
    /// let by_kommun_and_sex = Count::of("plans").by(["kommun", "sex"]).compute(&sip)?;
    /// assert_eq!(by_kommun_and_sex.height(), 3); // Berg K, Åre K, Åre M
    /// assert_eq!(by_kommun_and_sex.column("value")?.f64()?.get(1), Some(9.0)); // Åre K: 4 + 5
    /// let region = Count::of("plans").compute(&sip)?;
    /// assert_eq!(region.column("value")?.f64()?.get(0), Some(14.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn by(mut self, columns: impl IntoColumns) -> Self {
        self.common_mut().grouping.by = columns.into_columns();
        self
    }

    /// Pool periods, e.g. `Pool::sum("year")`.
    ///
    /// Suicide in Östersund over 2022–2024, one row for the three years:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Pool;
    ///
    /// let deaths = df!("year" => [2022i64, 2023, 2024], "deaths" => [10i64, 12, 8], "population" => [63_800i64, 64_000, 64_200])?;
    /// let pooled = Rate::new("deaths", "population").pool(Pool::sum("year")).compute(&deaths)?;
    /// assert_eq!(pooled.column("year")?.str()?.get(0), Some("2022–2024"));
    /// // 30 / 192 000 × 100 000
    /// assert!((pooled.column("value")?.f64()?.get(0).unwrap() - 15.625).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn pool(mut self, pool: Pool) -> Self {
        self.common_mut().grouping.pool = Some(pool);
        self
    }

    /// Set the confidence level(s).
    ///
    /// Vårdgaranti in Östersund, 410 of 450 within the limit, with 99.8 %
    /// limits (still in `lower`, `upper`):
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let waits = df!("within_limit" => [410i64], "completed" => [450i64])?;
    /// let share = Proportion::new("within_limit", "completed").confidence(Confidence::P998).compute(&waits)?;
    /// // Wilson's formula by hand (Python, z = norm.ppf(0.999)): 0.86066 to 0.94447.
    /// assert!((share.column("lower")?.f64()?.get(0).unwrap() - 0.8606644027672792).abs() < 1e-9);
    /// assert!((share.column("upper")?.f64()?.get(0).unwrap() - 0.9444718692811883).abs() < 1e-9);
    /// assert_eq!(share.column("confidence")?.str()?.get(0), Some("99.8%"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn confidence(mut self, confidence: Confidence) -> Self {
        self.common_mut().confidence = confidence;
        self
    }

    /// Set the output shape.
    ///
    /// Without the metadata columns, for a table to publish:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::OutputType;
    ///
    /// let deaths = df!("kommun" => ["Östersund", "Krokom"], "deaths" => [10i64, 3], "population" => [64_000i64, 15_600])?;
    /// let rates = Rate::new("deaths", "population").by("kommun").output(OutputType::Standard).compute(&deaths)?;
    /// let columns: Vec<&str> = rates.get_column_names().iter().map(|c| c.as_str()).collect();
    /// assert_eq!(columns, ["kommun", "numerator", "denominator", "value", "lower", "upper", "status"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn output(mut self, output: OutputType) -> Self {
        self.common_mut().output = output;
        self
    }
}
