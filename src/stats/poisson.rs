//! Confidence limits of a Poisson count: exact below a threshold, Byar above.

use super::byar::{byar_lower, byar_upper};
use super::distributions::chi_square_quantile;

/// Which method gave the limits of a count.
///
/// # Example
/// Suicides over five years in Ragunda (7) and in the region (104):
/// ```
/// use indikator::stats::{poisson_limits, PoissonMethod};
/// let (_, _, small) = poisson_limits(7.0, 0.95);
/// let (_, _, large) = poisson_limits(104.0, 0.95);
/// assert_eq!(small, PoissonMethod::Exact);
/// assert_eq!(large, PoissonMethod::Byar);
/// assert_eq!((small.label(), large.label()), ("Exact", "Byar"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PoissonMethod {
    /// Exact limits from chi-square quantiles (counts below 10).
    Exact,
    /// Byar's approximation (counts of 10 and more).
    Byar,
}

impl PoissonMethod {
    /// The name written in the `method` column.
    ///
    /// Suicides over five years in Ragunda (7, exact limits) and in
    /// Östersund (52, Byar's):
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::stats::PoissonMethod;
    /// let suicides = df!(
    ///     "kommun" => ["Ragunda", "Östersund"],
    ///     "deaths" => [7, 52],
    ///     "person_years" => [5 * 5_400, 5 * 64_000],
    /// )?;
    /// let rates = Rate::new("deaths", "person_years").by(["kommun"]).compute(suicides.lazy())?;
    /// let method = rates.column("method")?.str()?;
    /// assert_eq!(method.get(0), Some(PoissonMethod::Exact.label()));
    /// assert_eq!(method.get(1), Some("Byar"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            PoissonMethod::Exact => "Exact",
            PoissonMethod::Byar => "Byar",
        }
    }
}

/// Counts below this use exact limits; PHEindicatormethods' rule.
///
/// # Example
/// ```
/// use indikator::stats::{poisson_limits, PoissonMethod, EXACT_BELOW};
/// assert_eq!(EXACT_BELOW, 10.0);
/// assert_eq!(poisson_limits(EXACT_BELOW - 1.0, 0.95).2, PoissonMethod::Exact);
/// assert_eq!(poisson_limits(EXACT_BELOW, 0.95).2, PoissonMethod::Byar);
/// ```
pub const EXACT_BELOW: f64 = 10.0;

/// Exact lower limit of a Poisson count.
///
/// # Method
/// `χ²_{(1−level)/2, 2x} / 2` (Garwood 1936); `0` for `x = 0`. `None` for a
/// negative or NaN count.
///
/// # Example
/// Seven suicides over five years in Ragunda:
/// ```
/// use indikator::stats::exact_poisson_lower;
/// // scipy.stats.chi2.ppf(0.025, 14) / 2 and chi2.ppf(0.001, 6) / 2
/// assert!((exact_poisson_lower(7.0, 0.95).unwrap() - 2.8143630515198654).abs() < 1e-12);
/// assert!((exact_poisson_lower(3.0, 0.998).unwrap() - 0.1905333775684032).abs() < 1e-12);
/// assert_eq!(exact_poisson_lower(0.0, 0.95), Some(0.0));
/// assert_eq!(exact_poisson_lower(-1.0, 0.95), None);
/// ```
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
///
/// # Example
/// Seven suicides over five years in Ragunda, and none:
/// ```
/// use indikator::stats::exact_poisson_upper;
/// // scipy.stats.chi2.ppf(0.975, 16) / 2
/// assert!((exact_poisson_upper(7.0, 0.95).unwrap() - 14.422675361702376).abs() < 1e-11);
/// // Zero events: −ln(0.025) = 3.6889.
/// assert!((exact_poisson_upper(0.0, 0.95).unwrap() - 0.025f64.ln().abs()).abs() < 1e-12);
/// assert_eq!(exact_poisson_upper(f64::NAN, 0.95), None);
/// ```
pub fn exact_poisson_upper(x: f64, level: f64) -> Option<f64> {
    if x.is_nan() || x < 0.0 {
        return None;
    }
    Some(chi_square_quantile((1.0 + level) / 2.0, 2.0 * x + 2.0) / 2.0)
}

/// Limits of a count with the method PHEindicatormethods uses: exact below
/// [`EXACT_BELOW`] events, Byar from there on. Returns `(lower, upper, method)`;
/// `None` limits only for a negative or NaN count.
///
/// # Example
/// Five fall injuries among Berg's 65+ (about 2 000 people) in a year, per
/// 1 000:
/// ```
/// use indikator::stats::{poisson_limits, PoissonMethod};
/// let (lo, hi, method) = poisson_limits(5.0, 0.95);
/// assert_eq!(method, PoissonMethod::Exact);
/// // scipy: chi2.ppf(0.025, 10) / 2 and chi2.ppf(0.975, 12) / 2.
/// assert!((lo.unwrap() - 1.6234863901184207).abs() < 1e-12);
/// assert!((hi.unwrap() - 11.66833207932267).abs() < 1e-11);
/// let per_1000 = |count: f64| count / 2_000.0 * 1_000.0;
/// assert!((per_1000(hi.unwrap()) - 5.834).abs() < 1e-3);
/// assert_eq!(poisson_limits(-2.0, 0.95).0, None);
/// ```
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
