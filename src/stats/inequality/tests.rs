//! The tests of the SII kernel; the reference's golden table is in
//! `tests/conformance/sii.rs`.

use super::simulation::positions;
use super::*;
use crate::stats::test_util::assert_close;

fn normal(multiplier: f64) -> SiiSpec {
    SiiSpec {
        indicator_type: IndicatorType::Normal,
        transform: false,
        multiplier,
    }
}

/// The reference's example (its documentation, area 1): deciles of life expectancy.
fn deciles() -> ([f64; 10], [f64; 10], [f64; 10]) {
    let pops = [
        7291.0, 7997.0, 6105.0, 7666.0, 5790.0, 6934.0, 5918.0, 5974.0, 7147.0, 7534.0,
    ];
    let values = [75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3];
    let se = [1.64, 1.58, 1.51, 1.78, 1.7, 1.56, 1.37, 1.4, 2.43, 1.57];
    (pops, values, se)
}

#[test]
fn positions_round_half_to_even_like_r() {
    assert_eq!(positions(100_000, 0.95), (2500, 97500));
    assert_eq!(positions(100_000, 0.998), (100, 99900));
    assert_eq!(positions(1_000, 0.95), (25, 975));
    // 1 000 × 0.0005 = 0.5 rounds to 0, raised to the first result.
    assert_eq!(positions(1_000, 0.999), (1, 1000));
}

#[test]
fn midpoints_of_the_cumulative_population() {
    let b = population_midpoints(&[10.0, 30.0, 60.0]);
    assert_close(b[0], 0.05, 1e-15, "b1");
    assert_close(b[1], 0.25, 1e-15, "b2");
    assert_close(b[2], 0.70, 1e-15, "b3");
}

#[test]
fn the_same_seed_gives_the_same_limits_and_another_seed_others() {
    let (pops, values, se) = deciles();
    let run = |seed| {
        let interval = SiiInterval::Simulation {
            repetitions: 2_000,
            seed,
        };
        slope_index(&pops, &values, &se, &normal(1.0), interval, &[0.95]).unwrap()
    };
    assert_eq!(run(7), run(7));
    assert_ne!(run(7).sii_limits, run(8).sii_limits);
    assert_eq!(run(7).sii, run(8).sii);
}

#[test]
fn simulation_converges_to_the_analytic_interval_for_normal_values() {
    let (pops, values, se) = deciles();
    let levels = [0.95, 0.998];
    let analytic = slope_index(
        &pops,
        &values,
        &se,
        &normal(1.0),
        SiiInterval::Analytic,
        &levels,
    )
    .unwrap();
    let simulated = slope_index(
        &pops,
        &values,
        &se,
        &normal(1.0),
        SiiInterval::default(),
        &levels,
    )
    .unwrap();
    // The slope is linear in the draws: both intervals have the same
    // normal distribution, the simulated one read from 100 000 draws.
    for (a, s) in analytic.sii_limits.iter().zip(&simulated.sii_limits) {
        let half = (a.1 - a.0) / 2.0;
        assert!((a.0 - s.0).abs() < 0.03 * half, "{a:?} vs {s:?}");
        assert!((a.1 - s.1).abs() < 0.03 * half, "{a:?} vs {s:?}");
    }
    for (a, s) in analytic.rii_limits.iter().zip(&simulated.rii_limits) {
        let half = (a.1 - a.0) / 2.0;
        assert!((a.0 - s.0).abs() < 0.05 * half, "{a:?} vs {s:?}");
    }
}

#[test]
fn a_negative_multiplier_turns_the_sii_and_inverts_the_rii() {
    let (pops, values, se) = deciles();
    let up = slope_index(
        &pops,
        &values,
        &se,
        &normal(1.0),
        SiiInterval::Analytic,
        &[0.95],
    )
    .unwrap();
    let down = slope_index(
        &pops,
        &values,
        &se,
        &normal(-1.0),
        SiiInterval::Analytic,
        &[0.95],
    )
    .unwrap();
    assert_close(down.sii, -up.sii, 1e-15, "sii");
    assert_close(down.rii, 1.0 / up.rii, 1e-15, "rii");
    assert_close(down.sii_limits[0].0, -up.sii_limits[0].1, 1e-15, "lower");
    assert_close(
        down.rii_limits[0].1,
        1.0 / up.rii_limits[0].0,
        1e-15,
        "rii upper",
    );
}

#[test]
fn transformed_rates_fit_on_the_log_scale() {
    // Rates that fall by a constant factor: exactly log-linear.
    let pops = [1000.0; 5];
    let values: Vec<f64> = (0..5).map(|i| 10.0 * 0.8f64.powi(i)).collect();
    let spec = SiiSpec {
        indicator_type: IndicatorType::Rate,
        transform: true,
        multiplier: 1.0,
    };
    let est = slope_index(
        &pops,
        &values,
        &[0.1; 5],
        &spec,
        SiiInterval::Analytic,
        &[0.95],
    )
    .unwrap();
    // ln rate = ln 10 + 5 ln 0.8 · (x − 0.1): at x = 0 and x = 1.
    let bottom = 10.0 * 0.8f64.powf(-0.5);
    let top = 10.0 * 0.8f64.powf(4.5);
    assert_close(est.intercept, bottom, 1e-12, "intercept");
    assert_close(est.sii, top - bottom, 1e-12, "sii");
    assert_close(est.rii, top / bottom, 1e-12, "rii");
    let (lo, hi) = est.sii_limits[0];
    assert!(lo < est.sii && est.sii < hi, "{lo} {} {hi}", est.sii);
}

#[test]
fn refuses_what_cannot_be_fitted() {
    let spec = normal(1.0);
    let none = |pops: &[f64], values: &[f64], se: &[f64]| {
        slope_index(pops, values, se, &spec, SiiInterval::Analytic, &[0.95]).is_none()
    };
    assert!(none(&[1.0], &[2.0], &[0.1]));
    assert!(none(&[1.0, 0.0], &[2.0, 3.0], &[0.1, 0.1]));
    assert!(none(&[1.0, 2.0], &[2.0, f64::NAN], &[0.1, 0.1]));
    assert!(none(&[1.0, 2.0], &[2.0], &[0.1, 0.1]));
    let zero = SiiInterval::Simulation {
        repetitions: 0,
        seed: 1,
    };
    assert!(slope_index(&[1.0, 2.0], &[2.0, 3.0], &[0.1, 0.1], &spec, zero, &[0.95]).is_none());
}
