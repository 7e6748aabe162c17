//! Funnel-plot kernels, computed as PHEindicatormethods 2.1.0 computes them
//! (`R/Funnels.R`, `R/utils.R`): Wilson-score control limits for
//! proportions, exact Poisson limits found by the same 23-step bisection
//! for ratios and rates, the significance of a point, and the x-axis points.
//!
//! "2σ" limits are at p = 0.025 on each side (0.975), "3σ" at p = 0.001 (0.999).

use super::distributions::{chi_square_quantile, normal_quantile};

/// The proportion whose Wilson limit (one-sided tail `p`, e.g. 0.975) at
/// sample size `n` equals the average `average`, times `multiplier`: the
/// control limit of a proportion funnel at `n`. `high` picks the upper side.
///
/// # Example
/// The 95 % ("2σ", p = 0.975) limits, in per cent, of a funnel of
/// vårdgaranti shares around the region's 60 %, at a clinic with 200
/// patients:
/// ```
/// use indikator::stats::{proportion_funnel_limit, wilson_lower};
/// let upper = proportion_funnel_limit(0.975, 200.0, 0.6, true, 100.0);
/// let lower = proportion_funnel_limit(0.975, 200.0, 0.6, false, 100.0);
/// // Solved independently with scipy's brentq on the Wilson limits.
/// assert!((upper - 66.78951440445704).abs() < 1e-9);
/// assert!((lower - 53.21048559554282).abs() < 1e-9);
/// // At the upper limit the Wilson lower limit just touches the average.
/// let at_limit = wilson_lower(upper / 100.0 * 200.0, 200.0, 0.95).unwrap();
/// assert!((at_limit - 0.6).abs() < 1e-12);
/// ```
pub fn proportion_funnel_limit(p: f64, n: f64, average: f64, high: bool, multiplier: f64) -> f64 {
    let z = normal_quantile(p);
    let z2 = z * z;
    let a = average;
    let first = a * (n / z2 + 1.0);
    let root = ((-8.0 * a * (n / z2 + 1.0)).powi(2)
        - 64.0 * (1.0 / z2 + 1.0 / n) * a * (n * (a * (n / z2 + 2.0) - 1.0) + z2 * (a - 1.0)))
        .sqrt();
    let last = 1.0 / z2 + 1.0 / n;
    let r = if high {
        (first + root / 8.0) / last
    } else {
        (first - root / 8.0) / last
    };
    r / n * multiplier
}

/// P(lo ≤ X ≤ hi) for X ~ Poisson(mean), by the normalised series of the reference.
fn poisson_probability(mean: f64, lo: f64, hi: f64) -> f64 {
    let (mut q, mut total, mut sum, mut k) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    while k <= mean || q > total * 1e-10 {
        total += q;
        if lo <= k && k <= hi {
            sum += q;
        }
        if total > 1e30 {
            sum /= 1e30;
            total /= 1e30;
            q /= 1e30;
        }
        k += 1.0;
        q = q * mean / k;
    }
    sum / total
}

/// The Poisson mean at which `observed` sits at tail probability `p`:
/// with `high`, P(X ≤ observed) = p (the upper exact mean); otherwise
/// P(X ≥ observed) = p (the lower exact mean). Found, as the reference
/// finds it, by exactly 23 halvings of v in (0, 1) with mean = (1 + observed) v / (1 − v),
/// so the golden tables are reproduced to their printed digits.
///
/// # Example
/// The Poisson means at which 5 observed deaths sit at the 2.5 % tails:
/// the exact 95 % limits of 5, to the precision of the 23 halvings.
/// ```
/// use indikator::stats::poisson_funnel_mean;
/// let high = poisson_funnel_mean(5.0, 0.025, true); // P(X ≤ 5) = 0.025
/// let low = poisson_funnel_mean(5.0, 0.025, false); // P(X ≥ 5) = 0.025
/// // scipy: chi2.ppf(0.975, 12) / 2 and chi2.ppf(0.025, 10) / 2.
/// assert!((high - 11.66833207932267).abs() < 1e-4);
/// assert!((low - 1.6234863901184207).abs() < 1e-4);
/// ```
pub fn poisson_funnel_mean(observed: f64, p: f64, high: bool) -> f64 {
    let (mut v, mut dv) = (0.5f64, 0.5f64);
    let mean = |v: f64| (1.0 + observed) * v / (1.0 - v);
    while dv > 1e-7 {
        dv /= 2.0;
        let z = mean(v);
        let go_down = if high {
            poisson_probability(z, 0.0, observed) < p
        } else {
            poisson_probability(z, observed, 1e10) > p
        };
        if go_down {
            v -= dv;
        } else {
            v += dv;
        }
    }
    mean(v)
}

/// The limit of an observed count `observed` at two-sided `level` (0.95 or
/// 0.998) divided by `expected`: exact Poisson below 10 events, Byar from
/// 10. The lower limit of zero events is 0. Used to judge a point of a
/// ratio or rate funnel (significantly high when the lower limit is above
/// the average, low when the upper is below it).
///
/// # Example
/// Readmissions in two kommuner against those expected from the region's
/// rates: 4 in Ragunda (6.2 expected, exact limits) and 31 in Krokom (24.5
/// expected, Byar):
/// ```
/// use indikator::stats::funnel_count_limit;
/// // scipy: chi2.ppf(0.025, 8) / 2 / 6.2 and chi2.ppf(0.975, 10) / 2 / 6.2.
/// let (lo, hi) = (funnel_count_limit(4.0, 6.2, 0.95, false), funnel_count_limit(4.0, 6.2, 0.95, true));
/// assert!((lo - 0.1757847376816653).abs() < 1e-12);
/// assert!((hi - 1.6518691411941442).abs() < 1e-12);
/// // Byar's formula at 99.8 % with scipy's norm.ppf(0.999): the ratio
/// // 31 / 24.5 = 1.27 is not significantly high, its lower limit is below 1.
/// let lo = funnel_count_limit(31.0, 24.5, 0.998, false);
/// assert!((lo - 0.6759492808500509).abs() < 1e-12);
/// assert_eq!(funnel_count_limit(0.0, 6.2, 0.95, false), 0.0);
/// ```
pub fn funnel_count_limit(observed: f64, expected: f64, level: f64, high: bool) -> f64 {
    let limit = if observed == 0.0 && !high {
        0.0
    } else if observed < 10.0 {
        if high {
            chi_square_quantile(0.5 + level / 2.0, 2.0 * observed + 2.0) / 2.0
        } else {
            chi_square_quantile(0.5 - level / 2.0, 2.0 * observed) / 2.0
        }
    } else {
        let z = normal_quantile(0.5 + level / 2.0);
        if high {
            let o = observed + 1.0;
            o * (1.0 - 1.0 / (9.0 * o) + z / 3.0 / o.sqrt()).powi(3)
        } else {
            observed * (1.0 - 1.0 / (9.0 * observed) - z / 3.0 / observed.sqrt()).powi(3)
        }
    };
    limit / expected
}

/// The number of characters R prints for a whole number (`nchar(x)`): the
/// fixed form, or the scientific form when that is strictly shorter
/// (`1e+05` for 100 000).
fn r_nchar(x: f64) -> usize {
    let digits = format!("{:.0}", x.abs());
    let sign = usize::from(x < 0.0);
    let significant = digits.trim_end_matches('0').len().max(1);
    let exponent = digits.len() - 1;
    let exponent_width = if exponent >= 100 { 3 } else { 2 };
    let mantissa = if significant == 1 { 1 } else { significant + 1 };
    let scientific = mantissa + 2 + exponent_width;
    sign + digits.len().min(scientific)
}

/// Round down to a "nice" number below 95 % of `x` (the reference's `signif_floor`).
///
/// # Example
/// The start of a funnel's x-axis (when the largest unit is at most twice
/// the smallest) whose smallest kommun is Ragunda (about 5 400 people):
/// ```
/// use indikator::stats::signif_floor;
/// // 0.95 · 5 400 = 5 130, four digits: floored to thousands.
/// assert_eq!(signif_floor(5_400.0), 5_000.0);
/// // The reference's golden proportion funnel: 0.95 · 16 386 = 15 566.7.
/// assert_eq!(signif_floor(16_386.0), 10_000.0);
/// assert_eq!(signif_floor(0.0), 0.0);
/// ```
pub fn signif_floor(x: f64) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    let n = r_nchar((x * 0.95).floor()) as i32 - 1;
    let scale = 10f64.powi(n);
    (x * 0.95 / scale).floor() * scale
}

/// Round up to a "nice" number above 105 % of `x` (the reference's `signif_ceiling`).
///
/// # Example
/// The end of a funnel's x-axis whose largest kommun is Östersund (about
/// 64 000 people), and of one over the whole region (132 000):
/// ```
/// use indikator::stats::signif_ceiling;
/// // 1.05 · 64 000 = 67 200: five digits, rounded up to thousands.
/// assert_eq!(signif_ceiling(64_000.0), 68_000.0);
/// // 1.05 · 132 000 = 138 600: six digits, rounded up to ten thousands.
/// assert_eq!(signif_ceiling(132_000.0), 140_000.0);
/// // The reference's golden proportion funnel.
/// assert_eq!(signif_ceiling(102_950.0), 110_000.0);
/// ```
pub fn signif_ceiling(x: f64) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    let n = r_nchar((x * 1.05).ceil()) as i32 - 2;
    let scale = 10f64.powi(n);
    (x * 1.05 / scale).ceil() * scale
}

/// Round half to even, as R's `round`.
fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// The 100 strictly increasing whole x-axis points of a funnel from
/// `axis_min` to `axis_max`, spaced geometrically. `ratio` uses the
/// reference's ratio spacing (one step shorter, so it ends below the maximum).
///
/// # Example
/// The x-axis of a funnel of the eight kommuner, Ragunda (≈5 400) to
/// Östersund (≈64 000); the largest is more than twice the smallest, so
/// the axis starts at 0 as in the reference (else at [`signif_floor`]):
/// ```
/// use indikator::stats::{funnel_axis, signif_ceiling};
/// let max = signif_ceiling(64_000.0);
/// let x = funnel_axis(0.0, max, false);
/// assert_eq!(x.len(), 100);
/// assert_eq!((x[0], x[99]), (1.0, 68_000.0)); // whole numbers from 1
/// assert!(x.windows(2).all(|w| w[1] > w[0] && w[1].fract() == 0.0));
/// // A ratio funnel's axis stops short of the maximum.
/// assert!(funnel_axis(0.0, max, true)[99] < 68_000.0);
/// ```
pub fn funnel_axis(axis_min: f64, axis_max: f64, ratio: bool) -> Vec<f64> {
    let mut x = Vec::with_capacity(100);
    x.push(axis_min.max(1.0));
    for j in 2..=100u32 {
        let off = if ratio { j - 1 } else { j };
        let previous = x[x.len() - 1];
        let step = (axis_max / previous).powf(1.0 / f64::from(101 - off)) * previous;
        x.push(round_half_even(step).max(previous + 1.0));
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_prints_round_numbers_in_scientific_form() {
        assert_eq!(r_nchar(100000.0), 5); // "1e+05"
        assert_eq!(r_nchar(110000.0), 6); // "110000"
        assert_eq!(r_nchar(15567.0), 5);
        assert_eq!(r_nchar(7.0), 1);
    }

    #[test]
    fn nice_axis_bounds() {
        // The golden proportion funnel: denominators 16 386 … 102 950 give 0 … 110 000.
        assert_eq!(signif_ceiling(102950.0), 110000.0);
        assert_eq!(signif_floor(16386.0), 10000.0);
        assert_eq!(signif_ceiling(30929.0), 33000.0);
        assert_eq!(signif_floor(0.0), 0.0);
    }

    #[test]
    fn axis_is_strictly_increasing_and_ends_at_the_maximum() {
        let x = funnel_axis(0.0, 110000.0, false);
        assert_eq!(x.len(), 100);
        assert_eq!((x[0], x[1], x[99]), (1.0, 2.0, 110000.0));
        assert!(x.windows(2).all(|w| w[1] > w[0]));
        let r = funnel_axis(0.0, 750.0, true);
        assert!(r[99] < 750.0);
    }

    #[test]
    fn round_half_even_like_r() {
        assert_eq!(round_half_even(2.5), 2.0);
        assert_eq!(round_half_even(3.5), 4.0);
        assert_eq!(round_half_even(2.4), 2.0);
    }

    #[test]
    fn poisson_probability_sums_to_one() {
        assert!((poisson_probability(3.0, 0.0, 1e10) - 1.0).abs() < 1e-12);
        let p0 = poisson_probability(2.0, 0.0, 0.0);
        // The series stops once a term is below 1e-10 of the total.
        assert!((p0 - (-2.0f64).exp()).abs() < 1e-9);
    }
}
