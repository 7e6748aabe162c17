//! Student's t limits of a mean.

use super::distributions::student_t_quantile;

/// Limits of a sample mean: `mean ± t_{(1+level)/2, n−1} · sd / √n`.
///
/// # Method
/// Student's t distribution with `n − 1` degrees of freedom
/// (PHEindicatormethods `phe_mean`). `None` for fewer than two values or a
/// negative or NaN standard deviation.
///
/// # Example
/// The mean length of stay of 25 stays in geriatric care in Östersund:
/// 5.2 days, standard deviation 3.1.
/// ```
/// use indikator::stats::mean_limits;
/// let (lo, hi) = mean_limits(5.2, 3.1, 25.0, 0.95).unwrap();
/// // 5.2 ∓ t.ppf(0.975, 24) · 3.1 / 5, with scipy.stats.
/// assert!((lo - 3.920382891790625).abs() < 1e-12);
/// assert!((hi - 6.479617108209375).abs() < 1e-12);
/// assert_eq!(mean_limits(5.2, 3.1, 1.0, 0.95), None); // one stay: no interval
/// ```
pub fn mean_limits(mean: f64, sd: f64, n: f64, level: f64) -> Option<(f64, f64)> {
    if !(n >= 2.0 && sd >= 0.0 && mean.is_finite()) {
        return None;
    }
    let half = student_t_quantile((1.0 + level) / 2.0, n - 1.0) * sd / n.sqrt();
    Some((mean - half, mean + half))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::test_util::assert_close;

    /// Area1 of PHEindicatormethods' `testdata_Mean_results`.
    #[test]
    fn reproduces_phe_area1() {
        let (mean, sd, n) = (53.704345000000011, 20.975575257709309, 8.0);
        let (lo, hi) = mean_limits(mean, sd, n, 0.95).unwrap();
        assert_close(lo, 36.168325241336504, 1e-12, "lower 95");
        assert_close(hi, 71.240364758663517, 1e-12, "upper 95");
        let (lo, hi) = mean_limits(mean, sd, n, 0.998).unwrap();
        assert_close(lo, 18.216705294788838, 1e-12, "lower 99.8");
        assert_close(hi, 89.191984705211183, 1e-12, "upper 99.8");
    }

    #[test]
    fn one_value_has_no_interval() {
        assert_eq!(mean_limits(3.0, 0.0, 1.0, 0.95), None);
    }
}
