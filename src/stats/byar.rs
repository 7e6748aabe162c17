//! Byar's approximation to the exact Poisson confidence limits of a count.

use super::z_value;

/// Lower confidence limit of a Poisson count by Byar's approximation.
///
/// # Method
/// `x · (1 − 1/(9x) − z/(3√x))³` with `z` the two-sided normal quantile of
/// `level` (Breslow & Day 1987, p. 69; PHEindicatormethods `byars_lower`).
///
/// Returns `Some(0.0)` for `x = 0` (the exact limit), and `None` where the
/// approximation has no meaning: `x < 0`, or a bracket below zero (for
/// example `x = 1` at 99.8 %), where the exact method must be used instead.
///
/// # Example
/// The lower 95 % limit of 104 suicides in the region over five years:
/// ```
/// use indikator::stats::byar_lower;
/// let lower = byar_lower(104.0, 0.95).unwrap();
/// // Byar's formula with scipy's norm.ppf(0.975): 84.97369371539266
/// // (the exact chi-square limit, chi2.ppf(0.025, 208) / 2, is 84.9755).
/// assert!((lower - 84.97369371539266).abs() < 1e-9);
/// // One event at 99.8 %: 1 − 1/9 − 3.0902/3 < 0, no Byar limit.
/// assert_eq!(byar_lower(1.0, 0.998), None);
/// assert_eq!(byar_lower(0.0, 0.95), Some(0.0));
/// ```
pub fn byar_lower(x: f64, level: f64) -> Option<f64> {
    if x.is_nan() || x < 0.0 {
        return None;
    }
    if x == 0.0 {
        return Some(0.0);
    }
    let base = 1.0 - 1.0 / (9.0 * x) - z_value(level) / (3.0 * x.sqrt());
    (base >= 0.0).then(|| x * base.powi(3))
}

/// Upper confidence limit of a Poisson count by Byar's approximation.
///
/// # Method
/// `(x + 1) · (1 − 1/(9(x + 1)) + z/(3√(x + 1)))³` (Breslow & Day 1987;
/// PHEindicatormethods `byars_upper`). Returns `None` for `x < 0` or NaN.
///
/// # Example
/// The upper 95 % limit of 104 suicides in the region over five years,
/// and the rate per 100 000 it gives over 5 × 132 000 person-years:
/// ```
/// use indikator::stats::byar_upper;
/// let upper = byar_upper(104.0, 0.95).unwrap();
/// // Byar's formula with scipy's norm.ppf(0.975): 126.01453598225416
/// // (the exact chi-square limit, chi2.ppf(0.975, 210) / 2, is 126.0134).
/// assert!((upper - 126.01453598225416).abs() < 1e-9);
/// let per_100_000 = upper / (5.0 * 132_000.0) * 1e5;
/// assert!((per_100_000 - 19.09).abs() < 0.01);
/// assert_eq!(byar_upper(-1.0, 0.95), None);
/// ```
pub fn byar_upper(x: f64, level: f64) -> Option<f64> {
    if x.is_nan() || x < 0.0 {
        return None;
    }
    let x1 = x + 1.0;
    Some(x1 * (1.0 - 1.0 / (9.0 * x1) + z_value(level) / (3.0 * x1.sqrt())).powi(3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::test_util::assert_close;

    /// Byar rows of PHEindicatormethods' `testdata_B_W` (also checked against
    /// the golden CSV in `tests/`), kept here so the kernel is tested alone.
    #[test]
    fn reproduces_phe_byar_rows() {
        let cases = [
            (65.0, 0.95, 50.163187710459454, 82.849138545939837),
            (1045.0, 0.95, 982.59320180733255, 1110.3312129856499),
            (1.0, 0.95, 1.3072132901504351E-2, 5.5637555824752605),
            (65.0, 0.998, 42.880261471480203, 94.000290844318016),
            (10.0, 0.998, 2.916318374695686, 24.193724927880535),
        ];
        for (x, level, lo, hi) in cases {
            assert_close(byar_lower(x, level).unwrap(), lo, 1e-12, "lower");
            assert_close(byar_upper(x, level).unwrap(), hi, 1e-12, "upper");
        }
    }

    #[test]
    fn lower_limit_is_absent_where_the_bracket_goes_negative() {
        // PHE expects NA for the lower 99.8 % limit of x = 1.
        assert_eq!(byar_lower(1.0, 0.998), None);
        assert_close(
            byar_upper(1.0, 0.998).unwrap(),
            9.362180217908362,
            1e-12,
            "upper",
        );
    }

    #[test]
    fn zero_and_negative_counts() {
        assert_eq!(byar_lower(0.0, 0.95), Some(0.0));
        assert!(byar_upper(0.0, 0.95).unwrap() > 0.0);
        assert_eq!(byar_lower(-1.0, 0.95), None);
        assert_eq!(byar_upper(-1.0, 0.95), None);
    }
}
