//! The slope and relative index of inequality of a table of quantiles.
//!
//! Over 500 lines with its documentation: 236 lines of code and 342 of doc
//! comments (every public item and method carries a runnable example).

mod inputs;

use polars::prelude::*;

use super::common::{Common, Statistic};
use super::output::{Estimate, Status, Table};
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::stats::{slope_index, IndicatorType, SiiInterval, SiiSpec, SII_MIN_REPETITIONS};

/// Where each quantile's uncertainty is read from.
///
/// Life expectancy by deprivation quintile of the region: a table whose
/// limits are in `lower`/`upper` is read the same way by default
/// ([`Spread::Auto`]) as when the columns are named ([`Sii::limits`]):
///
/// ```
/// use indikator::prelude::*;
/// use indikator::Spread;
///
/// let quintiles = df!(
///     "quintile" => [1i32, 2, 3, 4, 5],
///     "population" => [26_000i64, 26_500, 26_400, 26_600, 26_500],
///     "value" => [79.1, 80.6, 81.9, 82.7, 83.8],
///     "lower" => [78.2, 79.7, 81.0, 81.8, 82.9],
///     "upper" => [80.0, 81.5, 82.8, 83.6, 84.7],
/// )?;
/// let auto = Sii::new("quintile", "population").analytic();
/// let named = auto.clone().limits("lower", "upper");
/// assert_eq!(auto.spread, Spread::Auto);
/// assert!(matches!(&named.spread, Spread::Limits { level, .. } if *level == 0.95));
/// let (a, b) = (auto.compute(quintiles.clone().lazy())?, named.compute(quintiles.lazy())?);
/// assert!(a.select(["value", "lower", "upper"])?.equals_missing(&b.select(["value", "lower", "upper"])?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub enum Spread {
    /// A result table as it comes: `lower_95`/`upper_95`, else
    /// `lower`/`upper` at the table's `confidence` (95 % without one).
    #[default]
    Auto,
    /// These limit columns at this level (0.95 in the reference).
    Limits {
        /// The lower limit column.
        lower: String,
        /// The upper limit column.
        upper: String,
        /// Their confidence level, e.g. 0.95.
        level: f64,
    },
    /// A column of standard errors, on the log scale for rates and the logit
    /// scale for proportions (as the reference reads them).
    StandardError(String),
}

/// Which index a [`Sii`] returns.
///
/// The gap in life expectancy between the most and the least deprived
/// fifth of the region, in years and as a ratio. The fit is a regression of
/// the values on the quintiles' population midpoints, weighted by
/// population (intercept 78.763, slope 5.7345 by numpy's least squares);
/// the RII is the fitted value at the top over that at the bottom.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::InequalityIndex;
///
/// let quintiles = df!(
///     "quintile" => [1i32, 2, 3, 4, 5],
///     "population" => [26_000i64, 26_500, 26_400, 26_600, 26_500],
///     "value" => [79.1, 80.6, 81.9, 82.7, 83.8],
///     "lower" => [78.2, 79.7, 81.0, 81.8, 82.9],
///     "upper" => [80.0, 81.5, 82.8, 83.6, 84.7],
/// )?;
/// let sii = Sii::new("quintile", "population").analytic().compute(quintiles.clone().lazy())?;
/// let relative = Sii::new("quintile", "population").analytic().relative();
/// assert_eq!(relative.index, InequalityIndex::Relative);
/// let rii = relative.compute(quintiles.lazy())?;
/// let get = |t: &DataFrame, c: &str| t.column(c).unwrap().f64().unwrap().get(0).unwrap();
/// assert!((get(&sii, "value") - 5.734546376057513).abs() < 1e-9);
/// assert!((get(&rii, "value") - 1.0728077299592893).abs() < 1e-12);
/// assert_eq!(rii.column("statistic")?.str()?.get(0), Some("relative index of inequality"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum InequalityIndex {
    /// The slope index (SII): an absolute gap, in the value's units.
    #[default]
    Slope,
    /// The relative index (RII): a ratio.
    Relative,
}

/// The slope index of inequality (or the relative index) per group, from a
/// table with one row per quantile (e.g. a rate by deprivation decile),
/// quantile 1 at one end of the ranking (e.g. most deprived).
///
/// Output: the group columns, `numerator` (null), `denominator` (the
/// quantiles' population), `value`, the limits, `intercept` (the fitted
/// value at the bottom of the ranking), `status`, and `confidence`,
/// `statistic` ("slope index of inequality" or "relative index of
/// inequality"), `method` (the interval, and the scale of a transformed
/// fit).
///
/// # Method
/// [`crate::stats::slope_index`]: the reference's `phe_sii` — weighted
/// regression of the values on the midpoints of the quantiles' shares of
/// the cumulative population; for rates the log and for proportions the
/// logit of the limits give each quantile's standard error (`(g(upper) −
/// g(lower))/(2z)`); with `transform` the fit itself is on that scale.
/// Limits by the reference's simulation, seeded (default 100 000
/// repetitions, seed [`crate::stats::SII_DEFAULT_SEED`]): the same seed, data and options
/// give the same limits on every run; or analytically from the
/// regression's standard error ([`Sii::analytic`]).
///
/// A group missing a quantile, or with a quantile lacking its value, limits
/// or population, gets no value (`status` "not every quantile has a value";
/// the reference drops such groups with a warning).
///
/// # Errors
/// Missing or non-numeric columns; fewer than 5 or more than 100 quantiles
/// in the table; two rows for one quantile of a group; a population of zero
/// or less; a negative standard error; for rates a value or limit of zero or
/// less, for proportions one outside (0, 1); `transform` with a normal
/// indicator or with standard errors; fewer than 1 000 repetitions; a zero
/// or non-finite multiplier; pooling.
///
/// # Example
/// ```
/// use indikator::prelude::*;
///
/// let deciles = df!(
///     "decile" => (1..=10).collect::<Vec<i32>>(),
///     "population" => [7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534],
///     "value" => [75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3],
///     "lower" => [72.7, 75.3, 80.9, 80.2, 77.1, 78.0, 79.0, 81.4, 75.8, 83.2],
///     "upper" => [79.1, 81.4, 86.8, 87.1, 83.8, 84.2, 84.4, 86.9, 85.4, 89.4],
/// )?;
/// let sii = Sii::new("decile", "population").compute(deciles.lazy())?;
/// let value = sii.column("value")?.f64()?.get(0).unwrap();
/// assert!((value - 7.0002).abs() < 1e-4); // 7 years from the most to the least deprived
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
/// Low A, Low A (2004), J Public Health 26, 388–395. PHEindicatormethods
/// `phe_sii`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Sii {
    /// Column of the quantile (1, 2, …), ordered along the ranking.
    pub quantile: String,
    /// Column of each quantile's population.
    pub population: String,
    /// Column of each quantile's value (default `value`).
    pub value: String,
    /// Where the quantiles' uncertainty is read from.
    pub spread: Spread,
    /// Normal (default), rate or proportion.
    pub indicator_type: IndicatorType,
    /// Fit on the log / logit scale (rates and proportions only).
    pub transform: bool,
    /// Multiplies the SII (default 1); negative for a reversed polarity,
    /// which also inverts the RII.
    pub multiplier: f64,
    /// Simulated (default) or analytic limits.
    pub interval: SiiInterval,
    /// SII (default) or RII.
    pub index: InequalityIndex,
    /// Grouping, confidence, output (no pooling).
    pub common: Common,
}

impl Sii {
    /// The SII over the quantiles in `quantile` with populations in `population`.
    ///
    /// Life expectancy by deprivation quintile of the region, with the
    /// defaults (values in `value`, limits read from `lower`/`upper`):
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::SiiInterval;
    /// let quintiles = df!(
    ///     "quintile" => [1, 2, 3, 4, 5],
    ///     "population" => [26_000, 26_500, 26_400, 26_600, 26_500],
    ///     "value" => [79.1, 80.6, 81.9, 82.7, 83.8],
    ///     "lower" => [78.2, 79.7, 81.0, 81.8, 82.9],
    ///     "upper" => [80.0, 81.5, 82.8, 83.6, 84.7],
    /// )?;
    /// let sii = Sii::new("quintile", "population");
    /// assert_eq!((sii.value.as_str(), sii.interval), ("value", SiiInterval::default()));
    /// let gap = sii.analytic().compute(quintiles.lazy())?;
    /// // numpy's weighted least squares of value on the population midpoints.
    /// let value = gap.column("value")?.f64()?.get(0).unwrap();
    /// assert!((value - 5.734546376057621).abs() < 1e-9); // 5.7 years
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(quantile: impl Into<String>, population: impl Into<String>) -> Self {
        Sii {
            quantile: quantile.into(),
            population: population.into(),
            value: "value".into(),
            spread: Spread::Auto,
            indicator_type: IndicatorType::Normal,
            transform: false,
            multiplier: 1.0,
            interval: SiiInterval::default(),
            index: InequalityIndex::Slope,
            common: Common::default(),
        }
    }

    /// Read the values from this column.
    ///
    /// ```
    /// use indikator::prelude::*;
    /// let quintiles = df!(
    ///     "quintile" => [1, 2, 3, 4, 5],
    ///     "population" => [26_000, 26_500, 26_400, 26_600, 26_500],
    ///     "life_expectancy" => [79.1, 80.6, 81.9, 82.7, 83.8],
    ///     "lower" => [78.2, 79.7, 81.0, 81.8, 82.9],
    ///     "upper" => [80.0, 81.5, 82.8, 83.6, 84.7],
    /// )?;
    /// let sii = Sii::new("quintile", "population")
    ///     .value("life_expectancy")
    ///     .limits("lower", "upper")
    ///     .analytic()
    ///     .compute(quintiles.lazy())?;
    /// let value = sii.column("value")?.f64()?.get(0).unwrap();
    /// assert!((value - 5.734546376057621).abs() < 1e-9); // numpy's weighted least squares
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value(mut self, column: impl Into<String>) -> Self {
        self.value = column.into();
        self
    }

    /// Read the uncertainty from 95 % limit columns.
    ///
    /// Limits in `lower_95`/`upper_95` as another tool wrote them; each
    /// quintile's standard error is (upper − lower) / (2 · 1.959964):
    /// ```
    /// use indikator::prelude::*;
    /// let quintiles = df!(
    ///     "quintile" => [1, 2, 3, 4, 5],
    ///     "population" => [26_000, 26_500, 26_400, 26_600, 26_500],
    ///     "value" => [79.1, 80.6, 81.9, 82.7, 83.8],
    ///     "lower_95" => [78.2, 79.7, 81.0, 81.8, 82.9],
    ///     "upper_95" => [80.0, 81.5, 82.8, 83.6, 84.7],
    /// )?;
    /// let sii = Sii::new("quintile", "population")
    ///     .limits("lower_95", "upper_95")
    ///     .analytic()
    ///     .compute(quintiles.lazy())?;
    /// let get = |c: &str| sii.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// // s ± 1.959964 · sd(s), the sandwich variance by hand with numpy.
    /// assert!((get("lower") - 4.313904210044256).abs() < 1e-9);
    /// assert!((get("upper") - 7.155188542070987).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn limits(mut self, lower: impl Into<String>, upper: impl Into<String>) -> Self {
        self.spread = Spread::Limits {
            lower: lower.into(),
            upper: upper.into(),
            level: 0.95,
        };
        self
    }

    /// Read the uncertainty from a column of standard errors.
    ///
    /// The standard errors the limits ±0.9 years stand for give the same
    /// limits as the limits themselves:
    /// ```
    /// use indikator::prelude::*;
    /// let quintiles = df!(
    ///     "quintile" => [1, 2, 3, 4, 5],
    ///     "population" => [26_000, 26_500, 26_400, 26_600, 26_500],
    ///     "value" => [79.1, 80.6, 81.9, 82.7, 83.8],
    ///     "lower" => [78.2, 79.7, 81.0, 81.8, 82.9],
    ///     "upper" => [80.0, 81.5, 82.8, 83.6, 84.7],
    /// )?;
    /// let with_se = quintiles.clone().lazy()
    ///     .with_column(((col("upper") - col("lower")) / lit(2.0 * 1.959963984540054)).alias("se"))
    ///     .collect()?;
    /// let by_limits = Sii::new("quintile", "population").analytic().compute(quintiles.lazy())?;
    /// let by_se = Sii::new("quintile", "population").se("se").analytic().compute(with_se.lazy())?;
    /// let lower = |t: &DataFrame| t.column("lower").unwrap().f64().unwrap().get(0).unwrap();
    /// assert!((lower(&by_se) - lower(&by_limits)).abs() < 1e-9);
    /// assert!((lower(&by_se) - 4.313904210044256).abs() < 1e-9); // numpy
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn se(mut self, column: impl Into<String>) -> Self {
        self.spread = Spread::StandardError(column.into());
        self
    }

    /// Say what the values are: normal, rate or proportion.
    ///
    /// Suicide per 100 000 by deprivation quintile: the limits of a rate
    /// are read on the log scale (the SII itself is the same straight line):
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::IndicatorType;
    /// let quintiles = df!(
    ///     "quintile" => [1, 2, 3, 4, 5],
    ///     "population" => [26_000, 26_500, 26_400, 26_600, 26_500],
    ///     "value" => [24.1, 19.8, 17.0, 14.2, 11.5],
    ///     "lower" => [19.9, 16.0, 13.6, 11.1, 8.7],
    ///     "upper" => [28.9, 24.2, 21.0, 17.9, 14.9],
    /// )?;
    /// let sii = Sii::new("quintile", "population")
    ///     .indicator_type(IndicatorType::Rate)
    ///     .analytic()
    ///     .compute(quintiles.lazy())?;
    /// let get = |c: &str| sii.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// // numpy: se = value · (ln upper − ln lower) / (2 · 1.959964), then the sandwich variance.
    /// assert!((get("value") + 15.358490386686002).abs() < 1e-9);
    /// assert!((get("lower") + 21.40823135378677).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn indicator_type(mut self, indicator_type: IndicatorType) -> Self {
        self.indicator_type = indicator_type;
        self
    }

    /// Fit on the log (rates) or logit (proportions) scale.
    ///
    /// Suicide per 100 000 by deprivation quintile, fitted on the log
    /// scale; a normal indicator cannot be transformed:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::IndicatorType;
    /// let quintiles = df!(
    ///     "quintile" => [1, 2, 3, 4, 5],
    ///     "population" => [26_000, 26_500, 26_400, 26_600, 26_500],
    ///     "value" => [24.1, 19.8, 17.0, 14.2, 11.5],
    ///     "lower" => [19.9, 16.0, 13.6, 11.1, 8.7],
    ///     "upper" => [28.9, 24.2, 21.0, 17.9, 14.9],
    /// )?;
    /// let log_fit = Sii::new("quintile", "population").indicator_type(IndicatorType::Rate).transform(true);
    /// let sii = log_fit.analytic().compute(quintiles.clone().lazy())?;
    /// // numpy: exp(c + s) − exp(c) of the weighted fit of ln(value).
    /// assert!((sii.column("value")?.f64()?.get(0).unwrap() + 15.663446897279671).abs() < 1e-9);
    /// assert_eq!(sii.column("method")?.str()?.get(0), Some("analytic (regression standard error), fitted on the log scale"));
    /// assert!(Sii::new("quintile", "population").transform(true).compute(quintiles.lazy()).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn transform(mut self, yes: bool) -> Self {
        self.transform = yes;
        self
    }

    /// Multiply the SII (a negative multiplier reverses the polarity).
    ///
    /// The gap in life expectancy read the other way, from the least to
    /// the most deprived:
    /// ```
    /// use indikator::prelude::*;
    /// let quintiles = df!(
    ///     "quintile" => [1, 2, 3, 4, 5],
    ///     "population" => [26_000, 26_500, 26_400, 26_600, 26_500],
    ///     "value" => [79.1, 80.6, 81.9, 82.7, 83.8],
    ///     "lower" => [78.2, 79.7, 81.0, 81.8, 82.9],
    ///     "upper" => [80.0, 81.5, 82.8, 83.6, 84.7],
    /// )?;
    /// let reversed = Sii::new("quintile", "population").analytic().multiplier(-1.0);
    /// let sii = reversed.compute(quintiles.lazy())?;
    /// let value = sii.column("value")?.f64()?.get(0).unwrap();
    /// assert!((value + 5.734546376057621).abs() < 1e-9); // numpy: −s
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn multiplier(mut self, multiplier: f64) -> Self {
        self.multiplier = multiplier;
        self
    }

    /// Simulate the limits with this many repetitions and this seed.
    ///
    /// A quick simulation of 2 000 repetitions, the same on every run with
    /// the same seed, close to the analytic limits (4.31 and 7.16 years):
    /// ```
    /// use indikator::prelude::*;
    /// let quintiles = df!(
    ///     "quintile" => [1, 2, 3, 4, 5],
    ///     "population" => [26_000, 26_500, 26_400, 26_600, 26_500],
    ///     "value" => [79.1, 80.6, 81.9, 82.7, 83.8],
    ///     "lower" => [78.2, 79.7, 81.0, 81.8, 82.9],
    ///     "upper" => [80.0, 81.5, 82.8, 83.6, 84.7],
    /// )?;
    /// let sii = Sii::new("quintile", "population").simulation(2_000, 42);
    /// let (first, second) = (sii.compute(quintiles.clone().lazy())?, sii.compute(quintiles.lazy())?);
    /// assert!(first.equals_missing(&second));
    /// assert_eq!(first.column("method")?.str()?.get(0), Some("simulation, 2000 repetitions, seed 42"));
    /// let lower = first.column("lower")?.f64()?.get(0).unwrap();
    /// assert!((lower - 4.313904210044256).abs() < 0.2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn simulation(mut self, repetitions: usize, seed: u64) -> Self {
        self.interval = SiiInterval::Simulation { repetitions, seed };
        self
    }

    /// Find the limits from the regression's standard error instead.
    ///
    /// ```
    /// use indikator::prelude::*;
    /// let quintiles = df!(
    ///     "quintile" => [1, 2, 3, 4, 5],
    ///     "population" => [26_000, 26_500, 26_400, 26_600, 26_500],
    ///     "value" => [79.1, 80.6, 81.9, 82.7, 83.8],
    ///     "lower" => [78.2, 79.7, 81.0, 81.8, 82.9],
    ///     "upper" => [80.0, 81.5, 82.8, 83.6, 84.7],
    /// )?;
    /// let sii = Sii::new("quintile", "population").analytic().compute(quintiles.lazy())?;
    /// let get = |c: &str| sii.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// // s ± 1.959964 · sd(s), the sandwich variance by hand with numpy.
    /// assert!((get("lower") - 4.313904210044256).abs() < 1e-9);
    /// assert!((get("upper") - 7.155188542070987).abs() < 1e-9);
    /// assert_eq!(sii.column("method")?.str()?.get(0), Some("analytic (regression standard error)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn analytic(mut self) -> Self {
        self.interval = SiiInterval::Analytic;
        self
    }

    /// Return the relative index of inequality (RII) instead of the SII.
    ///
    /// Life expectancy at the least deprived end over that at the most
    /// deprived, `(c + s) / c`:
    /// ```
    /// use indikator::prelude::*;
    /// let quintiles = df!(
    ///     "quintile" => [1, 2, 3, 4, 5],
    ///     "population" => [26_000, 26_500, 26_400, 26_600, 26_500],
    ///     "value" => [79.1, 80.6, 81.9, 82.7, 83.8],
    ///     "lower" => [78.2, 79.7, 81.0, 81.8, 82.9],
    ///     "upper" => [80.0, 81.5, 82.8, 83.6, 84.7],
    /// )?;
    /// let rii = Sii::new("quintile", "population").analytic().relative().compute(quintiles.lazy())?;
    /// let value = rii.column("value")?.f64()?.get(0).unwrap();
    /// assert!((value - 1.0728077299592906).abs() < 1e-12); // numpy: (78.763 + 5.735) / 78.763
    /// assert_eq!(rii.column("statistic")?.str()?.get(0), Some("relative index of inequality"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn relative(mut self) -> Self {
        self.index = InequalityIndex::Relative;
        self
    }

    fn check_options(&self) -> Result<()> {
        if !(self.multiplier.is_finite() && self.multiplier != 0.0) {
            return Err(Error::argument(
                "multiplier",
                "multiplier must be a finite number other than 0",
                self.multiplier,
            ));
        }
        if let SiiInterval::Simulation { repetitions, .. } = self.interval {
            if repetitions < SII_MIN_REPETITIONS {
                return Err(Error::argument(
                    "repetitions",
                    "the simulation needs at least 1000 repetitions",
                    repetitions,
                ));
            }
        }
        if self.transform && self.indicator_type == IndicatorType::Normal {
            return Err(Error::argument(
                "transform",
                "transform needs indicator_type rate or proportion",
                "normal",
            ));
        }
        if self.transform && matches!(self.spread, Spread::StandardError(_)) {
            return Err(Error::argument(
                "se",
                "a transformed fit reads the limits, not standard errors (the reference's rule)",
                "se given with transform",
            ));
        }
        if let Some(pool) = &self.common.grouping.pool {
            return Err(Error::argument(
                "pool",
                "an SII takes one row per quantile: pool the quantiles' counts before",
                format!("`{}`", pool.column),
            ));
        }
        Ok(())
    }

    fn method(&self) -> String {
        let scale = match (self.transform, self.indicator_type) {
            (true, IndicatorType::Rate) => ", fitted on the log scale",
            (true, IndicatorType::Proportion) => ", fitted on the logit scale",
            _ => "",
        };
        format!("{}{scale}", self.interval.label())
    }
}

impl Statistic for Sii {
    fn common_mut(&mut self) -> &mut Common {
        &mut self.common
    }

    fn compute(&self, data: impl IntoFrame) -> Result<DataFrame> {
        let data = data.into_lazy_frame();
        self.check_options()?;
        let (keys, groups) = inputs::read(self, data)?;
        let spec = SiiSpec {
            indicator_type: self.indicator_type,
            transform: self.transform,
            multiplier: self.multiplier,
        };
        let levels = self.common.confidence.levels();
        let statistic = match self.index {
            InequalityIndex::Slope => "slope index of inequality",
            InequalityIndex::Relative => "relative index of inequality",
        };
        let mut table = Table::new(keys, self.common.confidence, statistic.into());
        table.method_text(self.method());
        let mut intercepts = Vec::with_capacity(groups.len());
        for group in &groups {
            let complete: Option<(Vec<f64>, Vec<f64>, Vec<f64>)> = group
                .complete
                .then(|| {
                    let all = |v: &[Option<f64>]| v.iter().copied().collect::<Option<Vec<f64>>>();
                    Some((
                        all(&group.populations)?,
                        all(&group.values)?,
                        all(&group.se)?,
                    ))
                })
                .flatten();
            let population = group.populations.iter().flatten().sum::<f64>();
            let Some((pops, values, se)) = complete else {
                let status = Status::QuantilesIncomplete;
                table.push(Estimate::missing(None, Some(population), status));
                intercepts.push(None);
                continue;
            };
            let estimate = slope_index(&pops, &values, &se, &spec, self.interval, levels);
            let picked = estimate.as_ref().map(|e| match self.index {
                InequalityIndex::Slope => (e.sii, &e.sii_limits),
                InequalityIndex::Relative => (e.rii, &e.rii_limits),
            });
            match picked {
                Some((value, limits)) if value.is_finite() => {
                    let mut pair = [(None, None); 2];
                    for (slot, (lo, hi)) in pair.iter_mut().zip(limits) {
                        *slot = (lo.is_finite().then_some(*lo), hi.is_finite().then_some(*hi));
                    }
                    table.push(Estimate {
                        numerator: None,
                        denominator: Some(population),
                        value: Some(value),
                        limits: pair,
                        method: Some("simulation or analytic"),
                        status: Status::Ok,
                    });
                    intercepts.push(estimate.map(|e| e.intercept));
                }
                _ => {
                    table.push(Estimate::missing(None, Some(population), Status::NotFinite));
                    intercepts.push(None);
                }
            }
        }
        table.add_column(Column::new("intercept".into(), intercepts));
        table.finish(self.common.output)
    }
}
