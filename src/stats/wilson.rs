//! Wilson score limits of a proportion.

use super::z_value;

/// The two Wilson limits, or `None` outside `0 <= x <= n, n > 0`.
fn wilson(x: f64, n: f64, level: f64, sign: f64) -> Option<f64> {
    if !(x >= 0.0 && n > 0.0 && x <= n) {
        return None;
    }
    // At the edges the limit is exact; computing it would round to 1 ulp off.
    if (sign < 0.0 && x == 0.0) || (sign > 0.0 && x == n) {
        return Some(if sign < 0.0 { 0.0 } else { 1.0 });
    }
    let z = z_value(level);
    let z2 = z * z;
    let root = (z2 + 4.0 * x * (1.0 - x / n)).sqrt();
    let limit = (2.0 * x + z2 + sign * z * root) / (2.0 * (n + z2));
    Some(limit.clamp(0.0, 1.0))
}

/// Lower Wilson score limit of the proportion `x / n` (as a proportion of 1).
///
/// # Method
/// `(2x + z² − z√(z² + 4x(1 − x/n))) / (2(n + z²))`, without continuity
/// correction (Wilson 1927; Newcombe 1998, method 3). `None` unless
/// `0 <= x <= n` and `n > 0`.
///
/// # Example
/// 65 of 100 BUP patients treated within vårdgarantin's 30 days:
/// ```
/// use indikator::stats::wilson_lower;
/// // PHEindicatormethods' testdata_B_W (65 of 100): 0.55254443296887967.
/// assert!((wilson_lower(65.0, 100.0, 0.95).unwrap() - 0.55254443296887967).abs() < 1e-12);
/// // 450 of 600 at Ortopedi: the formula by hand with scipy's norm.ppf(0.975).
/// assert!((wilson_lower(450.0, 600.0, 0.95).unwrap() - 0.7138357639563884).abs() < 1e-12);
/// assert_eq!(wilson_lower(0.0, 100.0, 0.95), Some(0.0));
/// assert_eq!(wilson_lower(101.0, 100.0, 0.95), None);
/// ```
pub fn wilson_lower(x: f64, n: f64, level: f64) -> Option<f64> {
    wilson(x, n, level, -1.0)
}

/// Upper Wilson score limit: `(2x + z² + z√(z² + 4x(1 − x/n))) / (2(n + z²))`.
/// `None` unless `0 <= x <= n` and `n > 0`.
///
/// # Example
/// 65 of 100 BUP patients treated within vårdgarantin's 30 days, in per cent:
/// ```
/// use indikator::stats::wilson_upper;
/// // PHEindicatormethods' testdata_B_W (65 of 100): 0.73635751756902468.
/// let upper = wilson_upper(65.0, 100.0, 0.95).unwrap();
/// assert!((upper - 0.73635751756902468).abs() < 1e-12);
/// assert_eq!(format!("{:.1} %", upper * 100.0), "73.6 %");
/// // 450 of 600 at Ortopedi: the formula by hand with scipy's norm.ppf(0.975).
/// assert!((wilson_upper(450.0, 600.0, 0.95).unwrap() - 0.7829833855367613).abs() < 1e-12);
/// assert_eq!(wilson_upper(100.0, 100.0, 0.95), Some(1.0));
/// ```
pub fn wilson_upper(x: f64, n: f64, level: f64) -> Option<f64> {
    wilson(x, n, level, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::test_util::assert_close;

    /// Wilson rows of PHEindicatormethods' `testdata_B_W`.
    #[test]
    fn reproduces_phe_wilson_rows() {
        let cases = [
            (65.0, 100.0, 0.95, 0.55254443296887967, 0.73635751756902468),
            (
                1045.0,
                5000.0,
                0.95,
                0.19795549880013297,
                0.22049130373189027,
            ),
            (0.445, 1.0, 0.95, 4.3817447720588223E-2, 0.93346212769791559),
            (65.0, 100.0, 0.998, 0.49549465740704313, 0.77835406140896968),
            (
                0.445,
                1.0,
                0.998,
                1.9347006132900975E-2,
                0.97022599470195414,
            ),
        ];
        for (x, n, level, lo, hi) in cases {
            assert_close(wilson_lower(x, n, level).unwrap(), lo, 1e-12, "lower");
            assert_close(wilson_upper(x, n, level).unwrap(), hi, 1e-12, "upper");
        }
    }

    #[test]
    fn edges_of_the_domain() {
        assert_eq!(wilson_lower(0.0, 10.0, 0.95), Some(0.0));
        assert_eq!(wilson_upper(10.0, 10.0, 0.95), Some(1.0));
        assert_eq!(wilson_upper(511.0, 511.0, 0.95), Some(1.0));
        assert_eq!(wilson_lower(11.0, 10.0, 0.95), None);
        assert_eq!(wilson_lower(1.0, 0.0, 0.95), None);
        assert_eq!(wilson_upper(-1.0, 10.0, 0.95), None);
    }
}
