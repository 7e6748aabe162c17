//! Comparing two groups: the ratio and the difference of two rates, and the
//! difference of two proportions, each with confidence limits.

use std::fmt;
use std::str::FromStr;

use super::distributions::beta_quantile;
use super::{wilson_lower, wilson_upper, z_value};
use crate::error::{Error, Result};

/// How the limits of a rate ratio are found.
///
/// # Example
/// Suicides among women against men in the region over five years: 28 in
/// 330 000 person-years against 76 in 340 000.
/// ```
/// use indikator::RateRatioMethod;
/// use indikator::stats::rate_ratio_limits;
///
/// let method: RateRatioMethod = "log-normal".parse()?;
/// assert_eq!(method, RateRatioMethod::LogNormal);
/// assert_eq!(RateRatioMethod::default().label(), "exact conditional (Clopper-Pearson)");
///
/// let (lo, hi) = rate_ratio_limits(28.0, 330e3, 76.0, 340e3, 0.95, method);
/// // RR = 0.37959; exp(ln RR ± 1.959964·√(1/28 + 1/76)), by hand with scipy's norm.ppf.
/// assert!((lo.unwrap() - 0.24611259384672407).abs() < 1e-12);
/// assert!((hi.unwrap() - 0.5854435085443784).abs() < 1e-12);
/// // Exact conditional: scipy's beta.ppf(0.025, 28, 77) and beta.ppf(0.975, 29, 76) as odds.
/// let (lo, hi) = rate_ratio_limits(28.0, 330e3, 76.0, 340e3, 0.95, RateRatioMethod::ExactConditional);
/// assert!((lo.unwrap() - 0.23688851925600624).abs() < 1e-10);
/// assert!((hi.unwrap() - 0.5924754089421446).abs() < 1e-10);
/// assert!("wald".parse::<RateRatioMethod>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RateRatioMethod {
    /// Exact, conditional on the total count (the default): given
    /// `x₁ + x₂`, `x₁` is binomial with `π = RR·n₁ / (RR·n₁ + n₂)`;
    /// Clopper–Pearson limits of `π` give the limits of the ratio. Valid at
    /// any count, including zero in the first group.
    #[default]
    ExactConditional,
    /// Log-normal (Wald on the log scale): `ln RR ± z·√(1/x₁ + 1/x₂)`. Needs
    /// an event in both groups; close to the exact limits from ~10 events each.
    LogNormal,
}

impl RateRatioMethod {
    /// The name written in the `method` column.
    ///
    /// Suicides among men against women in the region over five years,
    /// with log-normal limits:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Contrast, RateRatioMethod};
    /// let deaths = df!("sex" => ["kvinnor", "män"], "deaths" => [28, 76], "population" => [330_000, 340_000])?;
    /// let rates = Rate::new("deaths", "population").by(["sex"]).compute(deaths.lazy())?;
    /// let ratio = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor"))
    ///     .ratio_method(RateRatioMethod::LogNormal)
    ///     .compute(&rates)?;
    /// assert_eq!(ratio.column("method")?.str()?.get(0), Some(RateRatioMethod::LogNormal.label()));
    /// assert_eq!(RateRatioMethod::LogNormal.label(), "log-normal");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            RateRatioMethod::ExactConditional => "exact conditional (Clopper-Pearson)",
            RateRatioMethod::LogNormal => "log-normal",
        }
    }
}

impl fmt::Display for RateRatioMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for RateRatioMethod {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace(['_', ' '], "-")
            .as_str()
        {
            "exact" | "exact-conditional" | "conditional" => Ok(RateRatioMethod::ExactConditional),
            "log-normal" | "lognormal" | "wald-log" => Ok(RateRatioMethod::LogNormal),
            _ => Err(Error::argument(
                "ratio_method",
                "ratio_method must be \"exact\" (exact conditional) or \"log-normal\"",
                format!("{s:?}"),
            )),
        }
    }
}

/// Whether counts `x` of `n` are usable: `x >= 0`, `n > 0`, both finite.
fn usable(x: f64, n: f64) -> bool {
    x >= 0.0 && n > 0.0 && x.is_finite() && n.is_finite()
}

/// Limits of the ratio of two rates `(x₁/n₁) / (x₂/n₂)`.
///
/// # Method
/// See [`RateRatioMethod`]. Exact conditional: `π_L = B⁻¹(α/2; x₁, x₂ + 1)`
/// (0 when `x₁ = 0`), `π_U = B⁻¹(1 − α/2; x₁ + 1, x₂)` (1 when `x₂ = 0`),
/// limits `π/(1 − π) · n₂/n₁` (Breslow & Day 1987, §2.3; R's `poisson.test`).
/// A limit that is infinite (no events in the second group) is `None`;
/// both are `None` without events in either group, for a log-normal limit
/// with a zero count, or when a count is negative or a denominator is not
/// positive.
///
/// # Example
/// ```
/// use indikator::stats::{rate_ratio_limits, RateRatioMethod};
/// // 20 deaths in 10 000 person-years against 10 in 10 000.
/// let (lo, hi) = rate_ratio_limits(20.0, 1e4, 10.0, 1e4, 0.95, RateRatioMethod::ExactConditional);
/// assert!(lo.unwrap() < 2.0 && 2.0 < hi.unwrap());
/// ```
///
/// # References
/// Breslow NE, Day NE (1987), *Statistical Methods in Cancer Research II*,
/// IARC, 93–95. Clopper CJ, Pearson ES (1934), Biometrika 26, 404–413.
pub fn rate_ratio_limits(
    x1: f64,
    n1: f64,
    x2: f64,
    n2: f64,
    level: f64,
    method: RateRatioMethod,
) -> (Option<f64>, Option<f64>) {
    if !usable(x1, n1) || !usable(x2, n2) || x1 + x2 == 0.0 {
        return (None, None);
    }
    let alpha = 1.0 - level;
    match method {
        RateRatioMethod::ExactConditional => {
            let odds = |pi: f64| pi / (1.0 - pi) * n2 / n1;
            let lower = if x1 == 0.0 {
                0.0
            } else {
                beta_quantile(alpha / 2.0, x1, x2 + 1.0)
            };
            let upper = if x2 == 0.0 {
                None
            } else {
                Some(odds(beta_quantile(1.0 - alpha / 2.0, x1 + 1.0, x2)))
            };
            (Some(odds(lower)), upper)
        }
        RateRatioMethod::LogNormal => {
            if x1 == 0.0 || x2 == 0.0 {
                return (None, None);
            }
            let log_ratio = (x1 / n1 / (x2 / n2)).ln();
            let half = z_value(level) * (1.0 / x1 + 1.0 / x2).sqrt();
            (
                Some((log_ratio - half).exp()),
                Some((log_ratio + half).exp()),
            )
        }
    }
}

/// Limits of the difference of two rates `x₁/n₁ − x₂/n₂` (per unit of `n`).
///
/// # Method
/// Normal approximation on the Poisson variances:
/// `d ± z·√(x₁/n₁² + x₂/n₂²)` (statsmodels' `wald` for `compare="diff"`).
/// `None` for a negative count or a denominator that is not positive.
///
/// # Example
/// ```
/// use indikator::stats::rate_difference_limits;
/// let (lo, hi) = rate_difference_limits(30.0, 1e4, 10.0, 1e4, 0.95).unwrap();
/// assert!(lo > 0.0 && hi < 0.004);
/// ```
///
/// # References
/// Rothman KJ, Greenland S (1998), *Modern Epidemiology*, 2nd ed., 238–239.
pub fn rate_difference_limits(
    x1: f64,
    n1: f64,
    x2: f64,
    n2: f64,
    level: f64,
) -> Option<(f64, f64)> {
    if !usable(x1, n1) || !usable(x2, n2) {
        return None;
    }
    let d = x1 / n1 - x2 / n2;
    let half = z_value(level) * (x1 / (n1 * n1) + x2 / (n2 * n2)).sqrt();
    Some((d - half, d + half))
}

/// Limits of the difference of two proportions `x₁/n₁ − x₂/n₂`.
///
/// # Method
/// Newcombe's hybrid score interval (method 10), from the Wilson limits
/// `(l₁, u₁)`, `(l₂, u₂)` of each proportion:
/// `δ − √((p₁ − l₁)² + (u₂ − p₂)²)` to `δ + √((u₁ − p₁)² + (p₂ − l₂)²)`.
/// `None` unless `0 <= x <= n` and `n > 0` for both.
///
/// # Example
/// ```
/// use indikator::stats::newcombe_limits;
/// // Newcombe (1998), Table II, example (a): 56/70 − 48/80.
/// let (lo, hi) = newcombe_limits(56.0, 70.0, 48.0, 80.0, 0.95).unwrap();
/// assert_eq!((format!("{lo:.4}"), format!("{hi:.4}")), ("0.0524".into(), "0.3339".into()));
/// ```
///
/// # References
/// Newcombe RG (1998), *Interval estimation for the difference between
/// independent proportions: comparison of eleven methods*, Stat Med 17,
/// 873–890.
pub fn newcombe_limits(x1: f64, n1: f64, x2: f64, n2: f64, level: f64) -> Option<(f64, f64)> {
    let (l1, u1) = (wilson_lower(x1, n1, level)?, wilson_upper(x1, n1, level)?);
    let (l2, u2) = (wilson_lower(x2, n2, level)?, wilson_upper(x2, n2, level)?);
    let (p1, p2) = (x1 / n1, x2 / n2);
    let d = p1 - p2;
    let lower = d - ((p1 - l1).powi(2) + (u2 - p2).powi(2)).sqrt();
    let upper = d + ((u1 - p1).powi(2) + (p2 - l2).powi(2)).sqrt();
    Some((lower, upper))
}

/// Whether limits exclude the value of no difference (`null`: 1 for a
/// ratio, 0 for a difference); `None` when a limit is missing.
///
/// # Example
/// Whether suicides among women (28 in 330 000 person-years) differ from
/// those among men (76 in 340 000), and what a missing limit gives:
/// ```
/// use indikator::stats::{excludes, rate_ratio_limits, RateRatioMethod};
/// let (lo, hi) = rate_ratio_limits(28.0, 330e3, 76.0, 340e3, 0.95, RateRatioMethod::ExactConditional);
/// assert_eq!(excludes(1.0, lo, hi), Some(true)); // 0.24 to 0.59: below 1
/// // A difference of shares from −2 to +5 percentage points includes 0.
/// assert_eq!(excludes(0.0, Some(-0.02), Some(0.05)), Some(false));
/// // No events among men: no upper limit, but a lower one above 1 still counts.
/// assert_eq!(excludes(1.0, Some(1.4), None), Some(true));
/// assert_eq!(excludes(1.0, Some(0.6), None), None);
/// ```
pub fn excludes(null: f64, lower: Option<f64>, upper: Option<f64>) -> Option<bool> {
    match (lower, upper) {
        (Some(l), Some(u)) => Some(l > null || u < null),
        // An open upper limit still excludes a null below the lower one.
        (Some(l), None) if l > null => Some(true),
        _ => None,
    }
}
