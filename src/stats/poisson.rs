//! Confidence limits of a Poisson count: exact below a threshold, Byar above.

use super::byar::{byar_lower, byar_upper};
use super::distributions::chi_square_quantile;

/// Which method gave the limits of a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoissonMethod {
    /// Exact limits from chi-square quantiles (counts below 10).
    Exact,
    /// Byar's approximation (counts of 10 and more).
    Byar,
}

impl PoissonMethod {
    /// The name written in the `method` column.
    pub fn label(self) -> &'static str {
        match self {
            PoissonMethod::Exact => "Exact",
            PoissonMethod::Byar => "Byar",
        }
    }
}

/// Counts below this use exact limits; PHEindicatormethods' rule.
pub const EXACT_BELOW: f64 = 10.0;

/// Exact lower limit of a Poisson count.
///
/// # Method
/// `χ²_{(1−level)/2, 2x} / 2` (Garwood 1936); `0` for `x = 0`. `None` for a
/// negative or NaN count.
pub fn exact_poisson_lower(x: f64, level: f64) -> Option<f64> {
    if x.is_nan() || x < 0.0 {
        return None;
    }
    if x == 0.0 {
        return Some(0.0);
    }
    Some(chi_square_quantile((1.0 - level) / 2.0, 2.0 * x) / 2.0)
}

/// Exact upper limit of a Poisson count: `χ²_{(1+level)/2, 2x+2} / 2` (Garwood 1936).
/// `None` for a negative or NaN count.
pub fn exact_poisson_upper(x: f64, level: f64) -> Option<f64> {
    if x.is_nan() || x < 0.0 {
        return None;
    }
    Some(chi_square_quantile((1.0 + level) / 2.0, 2.0 * x + 2.0) / 2.0)
}

/// Limits of a count with the method PHEindicatormethods uses: exact below
/// [`EXACT_BELOW`] events, Byar from there on. Returns `(lower, upper, method)`;
/// `None` limits only for a negative or NaN count.
pub fn poisson_limits(x: f64, level: f64) -> (Option<f64>, Option<f64>, PoissonMethod) {
    if x < EXACT_BELOW {
        (
            exact_poisson_lower(x, level),
            exact_poisson_upper(x, level),
            PoissonMethod::Exact,
        )
    } else {
        (
            byar_lower(x, level),
            byar_upper(x, level),
            PoissonMethod::Byar,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::test_util::assert_close;

    /// Limits of 1 and 5 events per 100 from PHEindicatormethods' `testdata_Rate`
    /// (rate = x, so the limits of the count are the table's limits).
    #[test]
    fn reproduces_phe_exact_rows() {
        let cases = [
            (1.0, 0.95, 2.5317807984289897E-2, 5.571643390938898),
            (1.0, 0.998, 1.0005003335835344E-3, 9.2334134764515845),
            (5.0, 0.95, 1.62348639011842, 11.668332079322669),
            (5.0, 0.998, 0.739371731917839, 16.454745203680105),
        ];
        for (x, level, lo, hi) in cases {
            let (l, u, m) = poisson_limits(x, level);
            assert_eq!(m, PoissonMethod::Exact);
            assert_close(l.unwrap(), lo, 1e-10, "exact lower");
            assert_close(u.unwrap(), hi, 1e-10, "exact upper");
        }
    }

    #[test]
    fn zero_events_have_lower_limit_zero() {
        let (l, u, _) = poisson_limits(0.0, 0.95);
        assert_eq!(l, Some(0.0));
        // −ln(0.025) = 3.6888794541139363: the exact upper limit of zero events.
        assert_close(u.unwrap(), 3.6888794541139363, 1e-12, "upper of 0");
    }

    #[test]
    fn switches_to_byar_at_ten() {
        assert_eq!(poisson_limits(9.999, 0.95).2, PoissonMethod::Exact);
        assert_eq!(poisson_limits(10.0, 0.95).2, PoissonMethod::Byar);
    }
}
