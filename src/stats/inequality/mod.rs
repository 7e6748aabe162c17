//! The slope and relative index of inequality (SII, RII): a weighted
//! regression of the quantiles' values on their positions in the
//! cumulative population, with simulated or analytic limits.
//!
//! Over 500 lines with its documentation: 329 lines of code and 303 of doc
//! comments (every public item and method carries a runnable example).

mod simulation;

use std::fmt;
use std::str::FromStr;

use super::z_value;
use crate::error::{Error, Result};

/// The repetitions of the simulation unless told otherwise (the reference's default).
///
/// # Example
/// The default interval of [`Sii`](crate::Sii) and of the `method` column:
/// ```
/// use indikator::SiiInterval;
/// use indikator::stats::{SII_DEFAULT_SEED, SII_REPETITIONS};
/// assert_eq!(SII_REPETITIONS, 100_000);
/// let default = SiiInterval::default();
/// assert_eq!(default, SiiInterval::Simulation { repetitions: SII_REPETITIONS, seed: SII_DEFAULT_SEED });
/// assert_eq!(default.label(), "simulation, 100000 repetitions, seed 1");
/// ```
pub const SII_REPETITIONS: usize = 100_000;
/// The fewest repetitions the simulation accepts (the reference's rule).
///
/// # Example
/// Life expectancy by deprivation quintile of the region: 500
/// repetitions are refused, [`SII_MIN_REPETITIONS`] are enough.
/// ```
/// use indikator::prelude::*;
/// use indikator::stats::{SII_DEFAULT_SEED, SII_MIN_REPETITIONS};
///
/// let quintiles = df!(
///     "quintile" => [1, 2, 3, 4, 5],
///     "population" => [26_000, 26_500, 26_200, 26_800, 26_500],
///     "value" => [79.8, 81.0, 81.9, 82.6, 83.4],
///     "lower" => [78.9, 80.1, 81.1, 81.8, 82.6],
///     "upper" => [80.7, 81.9, 82.7, 83.4, 84.2],
/// )?;
/// let sii = |repetitions| {
///     Sii::new("quintile", "population")
///         .limits("lower", "upper")
///         .simulation(repetitions, SII_DEFAULT_SEED)
///         .compute(quintiles.clone().lazy())
/// };
/// assert_eq!(SII_MIN_REPETITIONS, 1_000);
/// let refused = sii(500).unwrap_err();
/// assert!(matches!(refused, Error::InvalidArgument { ref argument, .. } if argument == "repetitions"));
/// assert_eq!(sii(SII_MIN_REPETITIONS)?.height(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SII_MIN_REPETITIONS: usize = 1_000;
/// The seed of the simulation unless told otherwise.
///
/// # Example
/// The same seed gives the same simulated limits on every run:
/// ```
/// use indikator::stats::{slope_index, IndicatorType, SiiInterval, SiiSpec};
/// use indikator::stats::{SII_DEFAULT_SEED, SII_MIN_REPETITIONS};
/// assert_eq!(SII_DEFAULT_SEED, 1);
/// let spec = SiiSpec { indicator_type: IndicatorType::Normal, transform: false, multiplier: 1.0 };
/// let interval = SiiInterval::Simulation { repetitions: SII_MIN_REPETITIONS, seed: SII_DEFAULT_SEED };
/// let pops = [26_000.0, 26_500.0, 26_200.0, 26_800.0, 26_500.0];
/// let life_expectancy = [79.8, 81.0, 81.9, 82.6, 83.4];
/// let se = [0.45, 0.44, 0.43, 0.42, 0.42];
/// let run = || slope_index(&pops, &life_expectancy, &se, &spec, interval, &[0.95]).unwrap();
/// assert_eq!(run().sii_limits, run().sii_limits);
/// ```
pub const SII_DEFAULT_SEED: u64 = 1;

/// What the values of the quantiles are, which sets their scale in the
/// simulation (the reference's `value_type`: 0, 1, 2).
///
/// # Example
/// ```
/// use indikator::IndicatorType;
/// let rate: IndicatorType = "rate".parse()?;
/// assert_eq!(rate, IndicatorType::Rate);
/// assert_eq!("2".parse::<IndicatorType>()?, IndicatorType::Proportion);
/// assert_eq!(IndicatorType::default().label(), "normal");
/// // A suicide rate of 16.5 per 100 000 on the log scale, and back.
/// assert!((rate.link(16.5) - 16.5f64.ln()).abs() < 1e-15);
/// assert!((rate.inverse(rate.link(16.5)) - 16.5).abs() < 1e-12);
/// // A share of 0.6 on the logit scale: ln(0.6 / 0.4).
/// assert!((IndicatorType::Proportion.link(0.6) - 1.5f64.ln()).abs() < 1e-15);
/// assert!("share".parse::<IndicatorType>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum IndicatorType {
    /// Any value with symmetric limits, e.g. life expectancy (0).
    #[default]
    Normal,
    /// A rate: limits and draws on the log scale (1).
    Rate,
    /// A proportion of 1 (0 < p < 1): limits and draws on the logit scale (2).
    Proportion,
}

impl IndicatorType {
    /// The scale of the limits and draws: identity, `ln` or logit.
    ///
    /// The standard error of a suicide rate on the log scale from its 95 %
    /// limits, as [`Sii`](crate::Sii) reads the limits of a rate:
    /// ```
    /// use indikator::IndicatorType;
    /// use indikator::stats::z_value;
    /// let rate = IndicatorType::Rate;
    /// let (lower, upper) = (12.135, 21.310); // per 100 000
    /// let se = (rate.link(upper) - rate.link(lower)) / (2.0 * z_value(0.95));
    /// // ln(21.310 / 12.135) / (2 · 1.959964), with python3.
    /// assert!((se - 0.143646).abs() < 1e-6);
    /// assert_eq!(IndicatorType::Normal.link(81.9), 81.9); // life expectancy as it is
    /// assert_eq!(IndicatorType::Proportion.link(0.5), 0.0); // logit of a half
    /// ```
    pub fn link(self, v: f64) -> f64 {
        match self {
            IndicatorType::Normal => v,
            IndicatorType::Rate => v.ln(),
            IndicatorType::Proportion => (v / (1.0 - v)).ln(),
        }
    }

    /// Back from the scale of [`IndicatorType::link`].
    ///
    /// A vårdgaranti share of 0.65 to the logit scale and back, and the
    /// middle of its limits 0.58 and 0.72 on that scale:
    /// ```
    /// use indikator::IndicatorType;
    /// let share = IndicatorType::Proportion;
    /// assert!((share.inverse(share.link(0.65)) - 0.65).abs() < 1e-15);
    /// let middle = share.inverse((share.link(0.58) + share.link(0.72)) / 2.0);
    /// // 1 / (1 + √((0.42 / 0.58) · (0.28 / 0.72))), with python3.
    /// assert!((middle - 0.6533093).abs() < 1e-7);
    /// assert_eq!(IndicatorType::Rate.inverse(0.0), 1.0); // exp(0)
    /// ```
    pub fn inverse(self, t: f64) -> f64 {
        match self {
            IndicatorType::Normal => t,
            IndicatorType::Rate => t.exp(),
            IndicatorType::Proportion => t.exp() / (1.0 + t.exp()),
        }
    }

    /// The name of the type, as the reference's `indicator_type` column.
    ///
    /// The label parses back to the type, as the reference's numbers do:
    /// ```
    /// use indikator::IndicatorType;
    /// assert_eq!(IndicatorType::Rate.label(), "rate");
    /// assert_eq!(IndicatorType::Proportion.to_string(), "proportion");
    /// let from_label: IndicatorType = IndicatorType::Normal.label().parse()?;
    /// assert_eq!(from_label, "0".parse::<IndicatorType>()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            IndicatorType::Normal => "normal",
            IndicatorType::Rate => "rate",
            IndicatorType::Proportion => "proportion",
        }
    }
}

impl fmt::Display for IndicatorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for IndicatorType {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "normal" | "other" | "0" => Ok(IndicatorType::Normal),
            "rate" | "1" => Ok(IndicatorType::Rate),
            "proportion" | "2" => Ok(IndicatorType::Proportion),
            _ => Err(Error::argument(
                "indicator_type",
                "indicator_type must be \"normal\", \"rate\" or \"proportion\"",
                format!("{s:?}"),
            )),
        }
    }
}

/// How the limits of an SII or RII are found.
///
/// # Example
/// Life expectancy by deprivation quintile: the analytic limits, and the
/// simulation's, which converge to them for normal values.
/// ```
/// use indikator::SiiInterval;
/// use indikator::stats::{slope_index, IndicatorType, SiiSpec};
/// let spec = SiiSpec { indicator_type: IndicatorType::Normal, transform: false, multiplier: 1.0 };
/// let pops = [26_000.0, 26_500.0, 26_200.0, 26_800.0, 26_500.0];
/// let (values, se) = ([79.8, 81.0, 81.9, 82.6, 83.4], [0.45, 0.44, 0.43, 0.42, 0.42]);
/// let fit = |interval| slope_index(&pops, &values, &se, &spec, interval, &[0.95]).unwrap();
/// let analytic = fit(SiiInterval::Analytic).sii_limits[0];
/// // Weighted least squares by hand with numpy: s ± 1.959964·sd(s).
/// assert!((analytic.0 - 3.045870952785163).abs() < 1e-9);
/// assert!((analytic.1 - 5.732709424693452).abs() < 1e-9);
/// let simulated = fit(SiiInterval::Simulation { repetitions: 100_000, seed: 1 }).sii_limits[0];
/// assert!((simulated.0 - analytic.0).abs() < 0.05 && (simulated.1 - analytic.1).abs() < 0.05);
/// assert_eq!(SiiInterval::Analytic.label(), "analytic (regression standard error)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SiiInterval {
    /// The reference's simulation: each quantile's value drawn `repetitions`
    /// times from its sampling distribution, the regression refitted each
    /// time, the limits read from the sorted results. Seeded: the same
    /// seed gives the same limits.
    Simulation {
        /// Draws per quantile (at least [`SII_MIN_REPETITIONS`]).
        repetitions: usize,
        /// The seed of the generator.
        seed: u64,
    },
    /// The regression's standard error from the quantiles' own variances
    /// (no simulation): what the simulation converges to for normal values.
    Analytic,
}

impl Default for SiiInterval {
    fn default() -> Self {
        SiiInterval::Simulation {
            repetitions: SII_REPETITIONS,
            seed: SII_DEFAULT_SEED,
        }
    }
}

impl SiiInterval {
    /// The text of the `method` column, e.g. "simulation, 100000 repetitions, seed 1".
    ///
    /// The `method` column of an SII of life expectancy by deprivation
    /// quintile:
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
    /// let sii = Sii::new("quintile", "population").analytic().compute(quintiles.lazy())?;
    /// let method = SiiInterval::Analytic.label();
    /// assert_eq!(sii.column("method")?.str()?.get(0), Some(method.as_str()));
    /// let simulated = SiiInterval::Simulation { repetitions: 1_000, seed: 7 };
    /// assert_eq!(simulated.label(), "simulation, 1000 repetitions, seed 7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn label(self) -> String {
        match self {
            SiiInterval::Simulation { repetitions, seed } => {
                format!("simulation, {repetitions} repetitions, seed {seed}")
            }
            SiiInterval::Analytic => "analytic (regression standard error)".to_string(),
        }
    }
}

/// The options of one SII: what the values are, whether the regression is
/// on their link scale, and the multiplier.
///
/// # Example
/// Life expectancy by deprivation quintile, as it is and with the polarity
/// reversed (a negative multiplier also inverts the RII):
/// ```
/// use indikator::stats::{slope_index, IndicatorType, SiiInterval, SiiSpec};
/// let spec = SiiSpec { indicator_type: IndicatorType::Normal, transform: false, multiplier: 1.0 };
/// let reversed = SiiSpec { multiplier: -1.0, ..spec };
/// let pops = [26_000.0, 26_500.0, 26_200.0, 26_800.0, 26_500.0];
/// let (values, se) = ([79.8, 81.0, 81.9, 82.6, 83.4], [0.45, 0.44, 0.43, 0.42, 0.42]);
/// let fit = |spec: &SiiSpec| slope_index(&pops, &values, &se, spec, SiiInterval::Analytic, &[0.95]).unwrap();
/// let (plain, flipped) = (fit(&spec), fit(&reversed));
/// // numpy.polyfit(midpoints, values, 1, w=√shares): slope 4.389290188739308.
/// assert!((plain.sii - 4.389290188739308).abs() < 1e-9);
/// assert!((flipped.sii + plain.sii).abs() < 1e-12);
/// assert!((flipped.rii - 1.0 / plain.rii).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SiiSpec {
    /// Normal, rate or proportion.
    pub indicator_type: IndicatorType,
    /// Fit on the log (rate) or logit (proportion) scale and transform back.
    pub transform: bool,
    /// Multiplies the SII; a negative one also inverts the RII (polarity).
    pub multiplier: f64,
}

/// An SII and RII with their limits, one pair per confidence level asked.
///
/// # Example
/// Life expectancy by deprivation quintile of the region, 95 % and 99.8 %:
/// ```
/// use indikator::stats::{slope_index, IndicatorType, SiiInterval, SiiSpec};
/// let spec = SiiSpec { indicator_type: IndicatorType::Normal, transform: false, multiplier: 1.0 };
/// let pops = [26_000.0, 26_500.0, 26_200.0, 26_800.0, 26_500.0];
/// let (values, se) = ([79.8, 81.0, 81.9, 82.6, 83.4], [0.45, 0.44, 0.43, 0.42, 0.42]);
/// let est = slope_index(&pops, &values, &se, &spec, SiiInterval::Analytic, &[0.95, 0.998]).unwrap();
/// // Weighted least squares by hand with numpy: intercept c, slope s.
/// assert!((est.intercept - 79.55429429956972).abs() < 1e-9); // c
/// assert!((est.sii - 4.389290188739308).abs() < 1e-9); // s: 4.4 years
/// assert!((est.rii - 1.0551735167458214).abs() < 1e-12); // (c + s) / c
/// assert_eq!((est.sii_limits.len(), est.rii_limits.len()), (2, 2));
/// let (lo, hi) = est.sii_limits[0];
/// assert!((lo - 3.045870952785163).abs() < 1e-9 && (hi - 5.732709424693452).abs() < 1e-9);
/// assert!(est.sii_limits[1].0 < lo); // 99.8 % is wider
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SiiEstimate {
    /// The slope index: fitted value at the top of the ranking (x = 1) less
    /// that at the bottom (x = 0), times the multiplier.
    pub sii: f64,
    /// The relative index: the fitted value at x = 1 over that at x = 0
    /// (inverted for a negative multiplier).
    pub rii: f64,
    /// The fitted value at x = 0 (times |multiplier| when transformed).
    pub intercept: f64,
    /// `(lower, upper)` of the SII per level.
    pub sii_limits: Vec<(f64, f64)>,
    /// `(lower, upper)` of the RII per level.
    pub rii_limits: Vec<(f64, f64)>,
}

/// The midpoints of each quantile's share of the cumulative population: the
/// x of the regression (`a₁/2`, `a₁ + a₂/2`, …).
///
/// # Example
/// ```
/// use indikator::stats::population_midpoints;
/// // Five equal quintiles of the region's 132 000.
/// let mid = population_midpoints(&[26_400.0; 5]);
/// let want = [0.1, 0.3, 0.5, 0.7, 0.9];
/// assert!(mid.iter().zip(want).all(|(m, w)| (m - w).abs() < 1e-12));
/// // Half, a quarter, a quarter: 1/4, 1/2 + 1/8, 3/4 + 1/8.
/// assert_eq!(population_midpoints(&[66_000.0, 33_000.0, 33_000.0]), [0.25, 0.625, 0.875]);
/// ```
pub fn population_midpoints(populations: &[f64]) -> Vec<f64> {
    let total: f64 = populations.iter().sum();
    let mut before = 0.0;
    populations
        .iter()
        .map(|p| {
            let share = p / total;
            let mid = share / 2.0 + before;
            before += share;
            mid
        })
        .collect()
}

/// The standard error of a value on the link scale of `indicator_type`,
/// from its limits at `level`: `(g(upper) − g(lower)) / (2z)`.
///
/// # Example
/// ```
/// use indikator::stats::link_se;
/// use indikator::IndicatorType;
/// // A suicide rate of 16.5 per 100 000 with 95 % limits 13.5 and 20.0:
/// // (ln 20 − ln 13.5) / (2 · 1.959964), by hand with scipy's norm.ppf.
/// let se = link_se(IndicatorType::Rate, 13.5, 20.0, 0.95);
/// assert!((se - 0.10026780879900778).abs() < 1e-14);
/// // A vårdgaranti share of 0.65 with limits 0.58 and 0.72, on the logit scale.
/// let se = link_se(IndicatorType::Proportion, 0.58, 0.72, 0.95);
/// assert!((se - 0.15859684705474122).abs() < 1e-14);
/// // Life expectancy 81.9 ± 0.8 years: se = 0.8 / 1.959964.
/// let se = link_se(IndicatorType::Normal, 81.1, 82.7, 0.95);
/// assert!((se - 0.8 / 1.959963984540054).abs() < 1e-12);
/// ```
pub fn link_se(indicator_type: IndicatorType, lower: f64, upper: f64, level: f64) -> f64 {
    (indicator_type.link(upper) - indicator_type.link(lower)) / z_value(level) / 2.0
}

/// The weighted least-squares fit: intercept, slope and the rows of
/// `(XᵀX)⁻¹Xᵀ` that turn a response into them.
pub(crate) struct Fit {
    pub intercept: f64,
    pub slope: f64,
    /// `√aᵢ`, the weight of each quantile in the response.
    pub root_share: Vec<f64>,
    /// The rows of `(XᵀX)⁻¹Xᵀ` for the intercept and the slope.
    pub hat: [Vec<f64>; 2],
}

impl Fit {
    /// Fit `√a·y = c·√a + s·b√a` (no free intercept), `a` the population
    /// shares and `b` their midpoints; `None` when the design is singular.
    fn new(populations: &[f64], y: &[f64]) -> Option<Fit> {
        let total: f64 = populations.iter().sum();
        let b = population_midpoints(populations);
        let root_share: Vec<f64> = populations.iter().map(|p| (p / total).sqrt()).collect();
        let (mut saa, mut sab, mut sbb) = (0.0, 0.0, 0.0);
        for (r, b) in root_share.iter().zip(&b) {
            saa += r * r;
            sab += r * r * b;
            sbb += r * r * b * b;
        }
        let det = saa * sbb - sab * sab;
        if !(det > 0.0 && det.is_finite()) {
            return None;
        }
        let h0: Vec<f64> = root_share
            .iter()
            .zip(&b)
            .map(|(r, b)| (sbb * r - sab * b * r) / det)
            .collect();
        let h1: Vec<f64> = root_share
            .iter()
            .zip(&b)
            .map(|(r, b)| (saa * b * r - sab * r) / det)
            .collect();
        let mut fit = Fit {
            intercept: 0.0,
            slope: 0.0,
            root_share,
            hat: [h0, h1],
        };
        (fit.intercept, fit.slope) = fit.coefficients(y);
        Some(fit)
    }

    /// Intercept and slope for the response `y` (before weighting).
    pub fn coefficients(&self, y: &[f64]) -> (f64, f64) {
        let (mut c, mut s) = (0.0, 0.0);
        for (i, yi) in y.iter().enumerate() {
            let w = self.root_share[i] * yi;
            c += self.hat[0][i] * w;
            s += self.hat[1][i] * w;
        }
        (c, s)
    }
}

/// An RII, inverted for a negative multiplier (the reference's polarity).
pub(crate) fn polarity(rii: f64, multiplier: f64) -> f64 {
    if multiplier < 0.0 {
        1.0 / rii
    } else {
        rii
    }
}

/// Limits of SII and RII from limits of the slope on the link scale, for a
/// transformed fit: the line is turned about its middle, `c + s/2`.
fn back_transformed(spec: &SiiSpec, fit: &Fit, slopes: (f64, f64)) -> ((f64, f64), (f64, f64)) {
    let g = spec.indicator_type;
    let middle = fit.intercept + fit.slope / 2.0;
    let ends = |s: f64| (g.inverse(middle + s / 2.0), g.inverse(middle - s / 2.0));
    let (top_lo, bottom_lo) = ends(slopes.0);
    let (top_hi, bottom_hi) = ends(slopes.1);
    let m = spec.multiplier;
    if m < 0.0 {
        (
            ((top_hi - bottom_hi) * m, (top_lo - bottom_lo) * m),
            (bottom_hi / top_hi, bottom_lo / top_lo),
        )
    } else {
        (
            ((top_lo - bottom_lo) * m, (top_hi - bottom_hi) * m),
            (top_lo / bottom_lo, top_hi / bottom_hi),
        )
    }
}

/// The SII and RII of one set of quantiles, with limits at each level.
///
/// `values` on their own scale, `se` on the link scale of
/// `spec.indicator_type` (see [`link_se`]), both in the order of the
/// ranking (quantile 1 first, e.g. most deprived).
///
/// # Method
/// Each quantile `i` has population share `aᵢ` and midpoint `bᵢ` of its
/// range in the cumulative population ([`population_midpoints`]). The fit
/// is least squares of `√aᵢ·yᵢ` on `√aᵢ` and `bᵢ√aᵢ` without a free
/// intercept (Low & Low 2004; the reference's `lm(yvals ~ sqrt_a + b_sqrt_a
/// − 1)`), `yᵢ` the value, or its log (rate) / logit (proportion) with
/// `transform`. Untransformed: SII = `s × multiplier`, RII = `(c + s)/c`;
/// transformed: SII = `(g⁻¹(c + s) − g⁻¹(c)) × multiplier`, RII =
/// `g⁻¹(c + s)/g⁻¹(c)`; a negative multiplier inverts the RII.
///
/// Limits, [`SiiInterval::Simulation`]: the reference's simulation — draws
/// `tᵢ + seᵢ·Z` on the link scale (back-transformed unless `transform`), the
/// fit repeated per draw, the limits the `round(R(1 − c'))`-th and
/// `round(R·c')`-th of the sorted results, `c' = (1 + level)/2`; transformed
/// fits turn the line about its middle with the slope's limits.
/// [`SiiInterval::Analytic`]: `Var(c, s) = H diag(aᵢσᵢ²) Hᵀ`, `H =
/// (XᵀX)⁻¹Xᵀ`, `σᵢ` the standard error of `yᵢ` (`seᵢ` on the link scale,
/// by the delta method `vᵢ·seᵢ` or `vᵢ(1 − vᵢ)·seᵢ` untransformed): SII ±
/// z·sd, RII by the delta method, transformed fits as the simulation.
///
/// `None` when the slices differ in length, a population is not positive,
/// a value, standard error or population is not finite, the positions
/// cannot be fitted (fewer than two quantiles), or a simulation has no
/// repetitions.
///
/// # Example
/// ```
/// use indikator::stats::{slope_index, IndicatorType, SiiInterval, SiiSpec};
/// let spec = SiiSpec { indicator_type: IndicatorType::Normal, transform: false, multiplier: 1.0 };
/// let pops = [100.0; 5];
/// let values = [70.0, 72.0, 74.0, 76.0, 78.0];
/// let est = slope_index(&pops, &values, &[0.5; 5], &spec, SiiInterval::Analytic, &[0.95]).unwrap();
/// assert!((est.sii - 10.0).abs() < 1e-12); // 2 per fifth of the population
/// ```
///
/// # References
/// Low A, Low A (2004), *Measuring the gap: quantifying and comparing local
/// health inequalities*, J Public Health 26, 388–395.
pub fn slope_index(
    populations: &[f64],
    values: &[f64],
    se: &[f64],
    spec: &SiiSpec,
    interval: SiiInterval,
    levels: &[f64],
) -> Option<SiiEstimate> {
    let k = populations.len();
    let finite = |s: &[f64]| s.iter().all(|v| v.is_finite());
    if values.len() != k || se.len() != k || !finite(populations) || !finite(values) {
        return None;
    }
    if !finite(se) || populations.iter().any(|p| *p <= 0.0) {
        return None;
    }
    if matches!(interval, SiiInterval::Simulation { repetitions: 0, .. }) {
        return None;
    }
    let g = spec.indicator_type;
    let link: Vec<f64> = values.iter().map(|v| g.link(*v)).collect();
    let y = if spec.transform { &link } else { values };
    let fit = Fit::new(populations, y)?;
    let (c, s, m) = (fit.intercept, fit.slope, spec.multiplier);
    let (sii, rii, intercept) = if spec.transform {
        let (top, bottom) = (g.inverse(c + s), g.inverse(c));
        (
            (top - bottom) * m,
            polarity(top / bottom, m),
            bottom * m.abs(),
        )
    } else {
        (s * m, polarity((c + s) / c, m), c)
    };
    let mut estimate = SiiEstimate {
        sii,
        rii,
        intercept,
        sii_limits: Vec::with_capacity(levels.len()),
        rii_limits: Vec::with_capacity(levels.len()),
    };
    let limits = match interval {
        SiiInterval::Simulation { repetitions, seed } => {
            simulation::limits(&fit, &link, se, spec, repetitions, seed, levels)
        }
        SiiInterval::Analytic => analytic_limits(&fit, values, se, spec, levels),
    };
    for (sii_limits, rii_limits) in limits {
        estimate.sii_limits.push(sii_limits);
        estimate.rii_limits.push(rii_limits);
    }
    Some(estimate)
}

/// Analytic limits per level: see [`slope_index`].
fn analytic_limits(
    fit: &Fit,
    values: &[f64],
    se: &[f64],
    spec: &SiiSpec,
    levels: &[f64],
) -> Vec<((f64, f64), (f64, f64))> {
    let sd = |v: f64, se: f64| match (spec.transform, spec.indicator_type) {
        (true, _) | (false, IndicatorType::Normal) => se,
        (false, IndicatorType::Rate) => v * se,
        (false, IndicatorType::Proportion) => v * (1.0 - v) * se,
    };
    // Var(w_i) = a_i σ_i², with √a_i the weight of the response.
    let var_w: Vec<f64> = (0..values.len())
        .map(|i| (fit.root_share[i] * sd(values[i], se[i])).powi(2))
        .collect();
    let cov = |p: usize, q: usize| -> f64 {
        (0..var_w.len())
            .map(|i| fit.hat[p][i] * fit.hat[q][i] * var_w[i])
            .sum()
    };
    let (vcc, vcs, vss) = (cov(0, 0), cov(0, 1), cov(1, 1));
    let (c, s, m) = (fit.intercept, fit.slope, spec.multiplier);
    levels
        .iter()
        .map(|&level| {
            let z = z_value(level);
            let slopes = (s - z * vss.sqrt(), s + z * vss.sqrt());
            if spec.transform {
                return back_transformed(spec, fit, slopes);
            }
            let sii = ordered(slopes.0 * m, slopes.1 * m);
            // RII = (c + s)/c: gradient (−s/c², 1/c).
            let (gc, gs) = (-s / (c * c), 1.0 / c);
            let sd_rii = (gc * gc * vcc + 2.0 * gc * gs * vcs + gs * gs * vss).sqrt();
            let r = (c + s) / c;
            let (lo, hi) = (r - z * sd_rii, r + z * sd_rii);
            let rii = if m < 0.0 {
                (1.0 / hi, 1.0 / lo)
            } else {
                (lo, hi)
            };
            (sii, rii)
        })
        .collect()
}

/// A pair in increasing order.
fn ordered(a: f64, b: f64) -> (f64, f64) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

#[cfg(test)]
mod tests;
