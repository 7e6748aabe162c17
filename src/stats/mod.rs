//! Pure numerical kernels on plain `f64`s: no polars, no allocation.
//!
//! Each kernel takes a confidence *level* such as `0.95` or `0.998`. Callers
//! in `measure` validate their inputs; the kernels document what they return
//! outside their domain (`None` where a limit does not exist).
//!
//! # Example
//! Suicides in Östersund over five years, 52 deaths in 5 × 64 000
//! person-years, and 38 of 100 BUP patients treated within 30 days:
//! ```
//! use indikator::stats::{poisson_limits, wilson_lower, wilson_upper, PoissonMethod};
//! let (lo, hi, method) = poisson_limits(52.0, 0.95);
//! assert_eq!(method, PoissonMethod::Byar); // 10 events or more
//! let per_100_000 = |count: f64| count / (5.0 * 64_000.0) * 1e5;
//! // Byar's formula with scipy's norm.ppf(0.975): 38.8333 and 68.1925 deaths.
//! assert!((per_100_000(lo.unwrap()) - 12.135).abs() < 1e-3);
//! assert!((per_100_000(hi.unwrap()) - 21.310).abs() < 1e-3);
//! let (lo, hi) = (wilson_lower(38.0, 100.0, 0.95).unwrap(), wilson_upper(38.0, 100.0, 0.95).unwrap());
//! assert!(lo < 0.38 && 0.38 < hi);
//! // A limit that does not exist is `None`, not a panic.
//! assert_eq!(wilson_lower(120.0, 100.0, 0.95), None);
//! ```

mod byar;
mod continuity;
mod difference;
pub mod distributions;
mod dobson;
mod funnel;
mod inequality;
mod life_table;
mod poisson;
mod quantile;
mod rng;
pub mod special;
mod student_t;
mod trend;
mod wilson;

pub use byar::{byar_lower, byar_upper};
pub use continuity::{ContinuityIndex, ContinuityIndices};
pub use difference::{
    excludes, newcombe_limits, rate_difference_limits, rate_ratio_limits, RateRatioMethod,
};
pub use dobson::dobson_limits;
pub use funnel::{
    funnel_axis, funnel_count_limit, poisson_funnel_mean, proportion_funnel_limit, signif_ceiling,
    signif_floor,
};
pub use inequality::{
    link_se, population_midpoints, slope_index, IndicatorType, SiiEstimate, SiiInterval, SiiSpec,
    SII_DEFAULT_SEED, SII_MIN_REPETITIONS, SII_REPETITIONS,
};
pub use life_table::{
    life_table, LifeExpectancyAt, LifeTableBand, LifeTableGap, BAND_FRACTION, FIRST_YEAR_FRACTION,
    LIFE_EXPECTANCY_MAX_INTERVAL, LIFE_TABLE_MIN_POPULATION,
};
pub use poisson::{
    exact_poisson_lower, exact_poisson_upper, poisson_limits, PoissonMethod, EXACT_BELOW,
};
pub use quantile::assign_quantiles;
pub(crate) use rng::Rng;
pub use student_t::mean_limits;
pub use trend::{trend_test, weighted_slope, TrendDirection, TrendFit, TREND_CRITICAL_998};
pub use wilson::{wilson_lower, wilson_upper};

/// The two-sided standard normal quantile for a confidence level: `z` with
/// `P(|Z| < z) = level`, e.g. 1.959964 for 0.95 and 3.090232 for 0.998.
///
/// # Example
/// ```
/// use indikator::stats::z_value;
/// // scipy.stats.norm.ppf(0.975) and norm.ppf(0.999)
/// assert!((z_value(0.95) - 1.959963984540054).abs() < 1e-14);
/// assert!((z_value(0.998) - 3.090232306167813).abs() < 1e-14);
/// // A normal 95 % interval of a life expectancy of 81.9 years with se 0.4.
/// let (lo, hi) = (81.9 - z_value(0.95) * 0.4, 81.9 + z_value(0.95) * 0.4);
/// assert!((hi - lo - 1.568).abs() < 1e-3);
/// ```
pub fn z_value(level: f64) -> f64 {
    distributions::normal_quantile((1.0 + level) / 2.0)
}

#[cfg(test)]
pub(crate) mod test_util {
    /// Relative difference, with an absolute floor near zero.
    pub fn rel_err(got: f64, want: f64) -> f64 {
        if want == 0.0 {
            got.abs()
        } else {
            ((got - want) / want).abs()
        }
    }

    /// Assert `got` matches `want` to a relative tolerance, naming the case.
    pub fn assert_close(got: f64, want: f64, tol: f64, what: &str) {
        let err = rel_err(got, want);
        assert!(
            err <= tol,
            "{what}: got {got:e}, want {want:e}, relative error {err:e} > {tol:e}"
        );
    }
}
