//! Pure numerical kernels on plain `f64`s: no polars, no allocation.
//!
//! Each kernel takes a confidence *level* such as `0.95` or `0.998`. Callers
//! in `measure` validate their inputs; the kernels document what they return
//! outside their domain (`None` where a limit does not exist).

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
