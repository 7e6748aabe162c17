//! Crude rates: `x / n × multiplier` with exact or Byar limits.

use polars::prelude::*;

use super::aggregate::{summarise, Input};
use super::columns::group_label;
use super::common::{Common, Statistic};
use super::output::{Estimate, Limits, Status, Table};
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::stats::poisson_limits;

/// A crude rate per group: events `x` per `n` persons (or person-years) times `multiplier`.
///
/// # Method
/// Value `Σx / Σn × multiplier`. Limits: exact Poisson limits of `Σx`
/// (chi-square) when `Σx < 10`, Byar's approximation from 10 events on,
/// divided by `Σn` and multiplied (PHEindicatormethods `phe_rate`). `x > n`
/// is allowed (events can outnumber people).
///
/// # Errors
/// Missing or non-numeric columns; negative values; a group whose
/// denominator sums to zero or less; a multiplier that is not a positive
/// finite number. A group with a missing numerator or denominator gets no
/// value and a `status` saying which.
///
/// # Example
/// ```
/// use indikator::{Rate, Statistic};
/// use indikator::polars::prelude::*;
///
/// let deaths = df!("year" => [2023, 2024], "suicides" => [20, 21], "population" => [131_000, 132_000])?;
/// let rate = Rate::new("suicides", "population").multiplier(100_000.0).by(["year"]).compute(deaths.lazy())?;
/// let value = rate.column("value")?.f64()?.get(0).unwrap();
/// assert!((value - 20.0 / 131_000.0 * 1e5).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
/// Breslow & Day (1987), *Statistical Methods in Cancer Research II*, IARC.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Rate {
    /// Column of events.
    pub numerator: String,
    /// Column of persons or person-years.
    pub denominator: String,
    /// Multiplier, e.g. 100 000 for "per 100 000" (default 100 000).
    pub multiplier: f64,
    /// Grouping, confidence, output.
    pub common: Common,
}

impl Rate {
    /// A rate of `numerator` per `denominator`, per 100 000 by default.
    ///
    /// Suicide in Östersund in a year, 10 deaths among 64 000:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let deaths = df!("kommun" => ["Östersund"], "deaths" => [10i64], "population" => [64_000i64])?;
    /// let rate = Rate::new("deaths", "population").compute(&deaths)?;
    /// let get = |c: &str| rate.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// // 10 / 64 000 × 100 000 = 15.625; Byar's 95 % limits by hand (Python): 7.48 to 28.74.
    /// assert!((get("value") - 15.625).abs() < 1e-12);
    /// assert!((get("lower") - 7.480390490574316).abs() < 1e-9 && (get("upper") - 28.73665407149449).abs() < 1e-9);
    /// assert_eq!(rate.column("statistic")?.str()?.get(0), Some("rate per 100000"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(numerator: impl Into<String>, denominator: impl Into<String>) -> Self {
        Rate {
            numerator: numerator.into(),
            denominator: denominator.into(),
            multiplier: 100_000.0,
            common: Common::default(),
        }
    }

    /// Set the multiplier (a positive finite number).
    ///
    /// Fall injuries 65+ in Östersund per 1 000:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let falls = df!("injuries" => [410i64], "population_65" => [16_300i64])?;
    /// let rate = Rate::new("injuries", "population_65").multiplier(1000.0).compute(&falls)?;
    /// // 410 / 16 300 × 1 000 = 25.15
    /// assert!((rate.column("value")?.f64()?.get(0).unwrap() - 25.153374233128833).abs() < 1e-9);
    /// assert!(Rate::new("injuries", "population_65").multiplier(0.0).compute(&falls).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn multiplier(mut self, multiplier: f64) -> Self {
        self.multiplier = multiplier;
        self
    }
}

/// Check a rate multiplier: positive and finite.
pub(crate) fn check_multiplier(multiplier: f64) -> Result<()> {
    if multiplier.is_finite() && multiplier > 0.0 {
        Ok(())
    } else {
        Err(Error::argument(
            "multiplier",
            "multiplier must be a positive finite number",
            multiplier,
        ))
    }
}

/// Format a multiplier for a statistic label: `100000`, `1000`, `2.5`.
pub(crate) fn multiplier_label(multiplier: f64) -> String {
    if multiplier.fract() == 0.0 && multiplier.abs() < 1e15 {
        format!("{}", multiplier as i64)
    } else {
        format!("{multiplier}")
    }
}

/// Poisson limits of the count `x`, each divided by `divisor` and multiplied by `scale`.
pub(crate) fn scaled_poisson_limits(x: f64, levels: &[f64], factor: f64) -> (Limits, &'static str) {
    let mut limits = [(None, None); 2];
    let mut method = "Exact";
    for (slot, &level) in limits.iter_mut().zip(levels) {
        let (lo, hi, m) = poisson_limits(x, level);
        *slot = (lo.map(|v| v * factor), hi.map(|v| v * factor));
        method = m.label();
    }
    (limits, method)
}

/// The estimate of one rate from its summed numerator and denominator.
pub(crate) fn rate_estimate(
    x: Option<f64>,
    n: Option<f64>,
    multiplier: f64,
    levels: &[f64],
) -> Estimate {
    match (x, n) {
        (None, _) => Estimate::missing(x, n, Status::NumeratorMissing),
        (_, None) => Estimate::missing(x, n, Status::DenominatorMissing),
        (Some(x), Some(n)) => {
            let factor = multiplier / n;
            let (limits, method) = scaled_poisson_limits(x, levels, factor);
            Estimate {
                numerator: Some(x),
                denominator: Some(n),
                value: Some(x * factor),
                limits,
                method: Some(method),
                status: Status::Ok,
            }
        }
    }
}

/// Reject a group whose denominator is zero or less.
pub(crate) fn require_positive(
    values: &[Option<f64>],
    column: &str,
    keys: &DataFrame,
) -> Result<()> {
    for (row, v) in values.iter().enumerate() {
        if let Some(v) = v {
            if *v <= 0.0 {
                return Err(Error::data(
                    column,
                    "denominators must be > 0 (summed over the group)",
                    v,
                    group_label(keys, row),
                ));
            }
        }
    }
    Ok(())
}

impl Statistic for Rate {
    fn common_mut(&mut self) -> &mut Common {
        &mut self.common
    }

    fn compute(&self, data: impl IntoFrame) -> Result<DataFrame> {
        let data = data.into_lazy_frame();
        check_multiplier(self.multiplier)?;
        let inputs = Input::pair(&self.numerator, &self.denominator);
        let summary = summarise(data, &self.common.grouping, &inputs, Vec::new())?;
        require_positive(&summary.sums[1], &self.denominator, &summary.keys)?;
        let levels = self.common.confidence.levels();
        let statistic = format!("rate per {}", multiplier_label(self.multiplier));
        let mut table = Table::new(summary.keys, self.common.confidence, statistic);
        for (x, n) in summary.sums[0].iter().zip(&summary.sums[1]) {
            table.push(rate_estimate(*x, *n, self.multiplier, levels));
        }
        table.finish(self.common.output)
    }
}
