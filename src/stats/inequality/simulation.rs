//! The reference's simulation of the SII's limits, seeded.

use super::{back_transformed, polarity, Fit, SiiSpec};
use crate::stats::Rng;

/// The stream of the generator, so that other users of a seed draw apart.
const STREAM: &str = "slope index of inequality";

/// The 1-based positions of the lower and upper limit among `repetitions`
/// sorted results at `level`, rounded half to even as R's `round` does.
pub(super) fn positions(repetitions: usize, level: f64) -> (usize, usize) {
    let upper_p = level + (1.0 - level) / 2.0;
    let reps = repetitions as f64;
    let at = |p: f64| ((reps * p).round_ties_even() as usize).clamp(1, repetitions);
    (at(1.0 - upper_p), at(upper_p))
}

/// The simulated limits `((sii_lo, sii_hi), (rii_lo, rii_hi))` per level.
///
/// Each repetition draws every quantile's value in turn (quantile 1
/// first) as `tᵢ + seᵢ·Z` on the link scale, backs it out of the link
/// unless the fit is transformed, and refits. The generator is seeded
/// afresh for each set of quantiles, so a group's limits depend on its own
/// data and the seed only.
pub(super) fn limits(
    fit: &Fit,
    link: &[f64],
    se: &[f64],
    spec: &SiiSpec,
    repetitions: usize,
    seed: u64,
    levels: &[f64],
) -> Vec<((f64, f64), (f64, f64))> {
    let mut rng = Rng::new(seed, STREAM);
    let g = spec.indicator_type;
    let m = spec.multiplier;
    let mut slopes = Vec::with_capacity(repetitions);
    let mut ratios = Vec::with_capacity(if spec.transform { 0 } else { repetitions });
    let mut y = vec![0.0; link.len()];
    for _ in 0..repetitions {
        for (i, yi) in y.iter_mut().enumerate() {
            let draw = link[i] + se[i] * rng.normal();
            *yi = if spec.transform {
                draw
            } else {
                g.inverse(draw)
            };
        }
        let (c, s) = fit.coefficients(&y);
        if spec.transform {
            slopes.push(s);
        } else {
            slopes.push(s * m);
            ratios.push(polarity((c + s) / c, m));
        }
    }
    slopes.sort_unstable_by(f64::total_cmp);
    ratios.sort_unstable_by(f64::total_cmp);
    levels
        .iter()
        .map(|&level| {
            let (lo, hi) = positions(repetitions, level);
            let pick = |sorted: &[f64]| (sorted[lo - 1], sorted[hi - 1]);
            if spec.transform {
                back_transformed(spec, fit, pick(&slopes))
            } else {
                (pick(&slopes), pick(&ratios))
            }
        })
        .collect()
}
