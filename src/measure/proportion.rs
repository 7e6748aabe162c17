//! Proportions with Wilson score limits.

use polars::prelude::*;

use super::aggregate::{summarise, Input};
use super::columns::group_label;
use super::common::{Common, Statistic};
use super::output::{Estimate, Status, Table};
use super::rate::require_positive;
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::stats::{wilson_lower, wilson_upper};

/// A proportion per group: `x` of `n`, as a proportion of 1 or a percentage.
///
/// # Method
/// Value `Σx / Σn × multiplier`; limits by the Wilson score method without
/// continuity correction (PHEindicatormethods `phe_proportion`).
///
/// # Errors
/// Missing or non-numeric columns; negative values; a group with `x > n`
/// or with `n <= 0`; a multiplier other than 1 or 100.
///
/// # Example
/// ```
/// use indikator::{Proportion, Statistic};
/// use indikator::polars::prelude::*;
///
/// let bup = df!("month" => ["jan", "feb"], "within_30" => [38, 63], "assessed" => [100, 100])?;
/// let share = Proportion::new("within_30", "assessed").percentage().by(["month"]).compute(bup.lazy())?;
/// // Groups are sorted: "feb" comes before "jan".
/// assert_eq!(share.column("value")?.f64()?.get(0), Some(63.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
/// Wilson, E. B. (1927), JASA 22, 209–212. Newcombe, R. G. (1998), Stat Med 17, 857–872.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Proportion {
    /// Column of cases (the part).
    pub numerator: String,
    /// Column of the total.
    pub denominator: String,
    /// 1 (proportion of 1, the default) or 100 (percentage).
    pub multiplier: f64,
    /// Grouping, confidence, output.
    pub common: Common,
}

impl Proportion {
    /// The proportion `numerator / denominator`, as a proportion of 1.
    ///
    /// Vårdgaranti in Östersund: 410 of 450 first visits within the limit.
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let waits = df!("kommun" => ["Östersund"], "within_limit" => [410i64], "completed" => [450i64])?;
    /// let share = Proportion::new("within_limit", "completed").compute(&waits)?;
    /// let get = |c: &str| share.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// // 410 / 450 = 0.9111; Wilson's 95 % limits by hand (Python): 0.8812 to 0.9340.
    /// assert!((get("value") - 410.0 / 450.0).abs() < 1e-15);
    /// assert!((get("lower") - 0.8812189489409606).abs() < 1e-9 && (get("upper") - 0.9340437222161524).abs() < 1e-9);
    /// assert_eq!(share.column("statistic")?.str()?.get(0), Some("proportion of 1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(numerator: impl Into<String>, denominator: impl Into<String>) -> Self {
        Proportion {
            numerator: numerator.into(),
            denominator: denominator.into(),
            multiplier: 1.0,
            common: Common::default(),
        }
    }

    /// Report as a percentage (multiplier 100).
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let waits = df!("within_limit" => [410i64], "completed" => [450i64])?;
    /// let share = Proportion::new("within_limit", "completed").percentage().compute(&waits)?;
    /// // 91.11 %, Wilson's upper 95 % limit 93.40 % (Python)
    /// assert!((share.column("value")?.f64()?.get(0).unwrap() - 91.11111111111111).abs() < 1e-9);
    /// assert!((share.column("upper")?.f64()?.get(0).unwrap() - 93.40437222161524).abs() < 1e-9);
    /// assert_eq!(share.column("statistic")?.str()?.get(0), Some("percentage"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn percentage(mut self) -> Self {
        self.multiplier = 100.0;
        self
    }

    /// Set the multiplier: 1 or 100.
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let waits = df!("within_limit" => [410i64], "completed" => [450i64])?;
    /// let percent = Proportion::new("within_limit", "completed").multiplier(100.0);
    /// assert_eq!(percent, Proportion::new("within_limit", "completed").percentage());
    /// assert!((percent.compute(&waits)?.column("value")?.f64()?.get(0).unwrap() - 91.11111111111111).abs() < 1e-9);
    /// let per_mille = Proportion::new("within_limit", "completed").multiplier(1000.0);
    /// assert!(matches!(per_mille.compute(&waits), Err(Error::InvalidArgument { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn multiplier(mut self, multiplier: f64) -> Self {
        self.multiplier = multiplier;
        self
    }
}

/// The estimate of one proportion from its summed numerator and denominator.
pub(crate) fn proportion_estimate(
    x: Option<f64>,
    n: Option<f64>,
    multiplier: f64,
    levels: &[f64],
) -> Estimate {
    match (x, n) {
        (None, _) => Estimate::missing(x, n, Status::NumeratorMissing),
        (_, None) => Estimate::missing(x, n, Status::DenominatorMissing),
        (Some(x), Some(n)) => {
            let mut limits = [(None, None); 2];
            for (slot, &level) in limits.iter_mut().zip(levels) {
                *slot = (
                    wilson_lower(x, n, level).map(|v| v * multiplier),
                    wilson_upper(x, n, level).map(|v| v * multiplier),
                );
            }
            Estimate {
                numerator: Some(x),
                denominator: Some(n),
                value: Some(x / n * multiplier),
                limits,
                method: Some("Wilson"),
                status: Status::Ok,
            }
        }
    }
}

/// Check a proportion multiplier: 1 or 100.
pub(crate) fn check_proportion_multiplier(multiplier: f64) -> Result<()> {
    if multiplier == 1.0 || multiplier == 100.0 {
        Ok(())
    } else {
        Err(Error::argument(
            "multiplier",
            "multiplier must be 1 (proportion) or 100 (percentage)",
            multiplier,
        ))
    }
}

impl Statistic for Proportion {
    fn common_mut(&mut self) -> &mut Common {
        &mut self.common
    }

    fn compute(&self, data: impl IntoFrame) -> Result<DataFrame> {
        let data = data.into_lazy_frame();
        check_proportion_multiplier(self.multiplier)?;
        let inputs = Input::pair(&self.numerator, &self.denominator);
        let summary = summarise(data, &self.common.grouping, &inputs, Vec::new())?;
        let (xs, ns) = (&summary.sums[0], &summary.sums[1]);
        require_positive(ns, &self.denominator, &summary.keys)?;
        for (row, (x, n)) in xs.iter().zip(ns).enumerate() {
            if let (Some(x), Some(n)) = (x, n) {
                if x > n {
                    let seen = format!("{x} > {n}");
                    return Err(Error::data(
                        &self.numerator,
                        "numerators must be <= denominators for a proportion",
                        seen,
                        group_label(&summary.keys, row),
                    ));
                }
            }
        }
        let statistic = if self.multiplier == 100.0 {
            "percentage".to_string()
        } else {
            "proportion of 1".to_string()
        };
        let levels = self.common.confidence.levels();
        let mut table = Table::new(summary.keys.clone(), self.common.confidence, statistic);
        for (x, n) in xs.iter().zip(ns) {
            table.push(proportion_estimate(*x, *n, self.multiplier, levels));
        }
        table.finish(self.common.output)
    }
}
