//! The trend test of the UK Fingertips platform: an inverse-variance
//! weighted least-squares slope over the latest points, its χ² statistic
//! (slope² / var(slope), one degree of freedom), and a robustness check that
//! the slope keeps its sign when any one point is left out.

/// The χ² critical value for one degree of freedom at 99.8 %: `qchisq(0.998, 1)`.
///
/// # Example
/// The value, and its use: the region's suicide rate per 100 000 falling
/// from 18.2 to 15.8 over 2019–2023 is not a significant trend.
/// ```
/// use indikator::stats::{trend_test, TrendDirection, TREND_CRITICAL_998};
/// assert!((TREND_CRITICAL_998 - 9.549535706083237).abs() < 1e-12); // scipy's chi2.ppf(0.998, 1)
/// let years = [2019.0, 2020.0, 2021.0, 2022.0, 2023.0];
/// let rates = [18.2, 17.5, 16.9, 16.1, 15.8];
/// let se = [1.6, 1.6, 1.5, 1.5, 1.5];
/// let (fit, direction) = trend_test(&years, &rates, &se, TREND_CRITICAL_998).unwrap();
/// assert!(fit.chi_square < TREND_CRITICAL_998);
/// assert_eq!(direction, TrendDirection::NoSignificantChange);
/// ```
pub const TREND_CRITICAL_998: f64 = 9.549_535_706_083_237;

/// A fitted weighted slope.
///
/// # Example
/// The region's suicide rate per 100 000, 2019–2023, with standard errors:
/// ```
/// use indikator::stats::weighted_slope;
/// let years = [2019.0, 2020.0, 2021.0, 2022.0, 2023.0];
/// let fit = weighted_slope(&years, &[18.2, 17.5, 16.9, 16.1, 15.8], &[1.6, 1.6, 1.5, 1.5, 1.5]).unwrap();
/// // numpy.polyfit with weights 1/se: −0.62 per year, se 0.49.
/// assert!((fit.slope - -0.6186677171209573).abs() < 1e-12);
/// assert!((fit.slope_se - 0.49011252035198055).abs() < 1e-12);
/// assert!((fit.chi_square - (fit.slope / fit.slope_se).powi(2)).abs() < 1e-12);
/// assert!((fit.chi_square - 1.5933945044135347).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct TrendFit {
    /// Change in value per unit of `x` (per year for yearly points).
    pub slope: f64,
    /// The standard error of the slope: `1 / sqrt(Σ w (x − x̄_w)²)`.
    pub slope_se: f64,
    /// `slope² / se²`, compared with a χ² quantile on one degree of freedom.
    pub chi_square: f64,
}

/// The direction a trend test found.
///
/// # Example
/// The share of patients treated within vårdgarantin's 90 days at one
/// clinic, 2019–2023, in per cent with standard errors of 0.8:
/// ```
/// use indikator::stats::{trend_test, TrendDirection, TREND_CRITICAL_998};
/// let years = [2019.0, 2020.0, 2021.0, 2022.0, 2023.0];
/// let rising = [61.0, 63.5, 66.0, 68.2, 71.0];
/// let (fit, direction) = trend_test(&years, &rising, &[0.8; 5], TREND_CRITICAL_998).unwrap();
/// assert_eq!(direction, TrendDirection::Increasing);
/// assert!(fit.slope > 2.0); // about 2.5 percentage points a year
/// let falling = [71.0, 68.2, 66.0, 63.5, 61.0];
/// let (_, direction) = trend_test(&years, &falling, &[0.8; 5], TREND_CRITICAL_998).unwrap();
/// assert_eq!(direction, TrendDirection::Decreasing);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TrendDirection {
    /// A significant rise whose sign survives leaving out any one point.
    Increasing,
    /// A significant fall whose sign survives leaving out any one point.
    Decreasing,
    /// Not significant, or the sign of the slope depends on a single point.
    NoSignificantChange,
}

/// The weighted slope of `values` on `x` with weights `1 / se²`.
///
/// `None` when the slices differ in length, there are fewer than two points,
/// a standard error is not positive and finite, a value or `x` is not finite,
/// or all `x` are equal (no slope exists).
///
/// # Example
/// ```
/// use indikator::stats::weighted_slope;
/// // Equal weights are ordinary least squares: y = 1, 3, 2 on x = 0, 1, 2
/// // has slope Σ(x − 1)(y − 2) / Σ(x − 1)² = 1/2, se 1/√2 (by hand).
/// let fit = weighted_slope(&[0.0, 1.0, 2.0], &[1.0, 3.0, 2.0], &[1.0; 3]).unwrap();
/// assert!((fit.slope - 0.5).abs() < 1e-15);
/// assert!((fit.slope_se - 0.5f64.sqrt()).abs() < 1e-15);
/// // The region's suicide rate per 100 000, 2019–2023: numpy.polyfit with weights 1/se.
/// let years = [2019.0, 2020.0, 2021.0, 2022.0, 2023.0];
/// let fit = weighted_slope(&years, &[18.2, 17.5, 16.9, 16.1, 15.8], &[1.6, 1.6, 1.5, 1.5, 1.5]).unwrap();
/// assert!((fit.slope - -0.6186677171209573).abs() < 1e-12);
/// // One year only, or a standard error of zero: no slope.
/// assert!(weighted_slope(&[2023.0], &[15.8], &[1.5]).is_none());
/// assert!(weighted_slope(&years[..2], &[18.2, 17.5], &[1.6, 0.0]).is_none());
/// ```
pub fn weighted_slope(x: &[f64], values: &[f64], se: &[f64]) -> Option<TrendFit> {
    if x.len() != values.len() || x.len() != se.len() || x.len() < 2 {
        return None;
    }
    let valid = |s: &f64| s.is_finite() && *s > 0.0;
    if !se.iter().all(valid) || !x.iter().chain(values).all(|v| v.is_finite()) {
        return None;
    }
    let weights: Vec<f64> = se.iter().map(|s| 1.0 / (s * s)).collect();
    let total: f64 = weights.iter().sum();
    let x_mean = weights.iter().zip(x).map(|(w, x)| w * x).sum::<f64>() / total;
    let y_mean = weights.iter().zip(values).map(|(w, y)| w * y).sum::<f64>() / total;
    let (mut sxx, mut sxy) = (0.0, 0.0);
    for ((w, x), y) in weights.iter().zip(x).zip(values) {
        sxx += w * (x - x_mean) * (x - x_mean);
        sxy += w * (x - x_mean) * (y - y_mean);
    }
    if sxx <= 0.0 || !sxx.is_finite() {
        return None;
    }
    let slope = sxy / sxx;
    Some(TrendFit {
        slope,
        slope_se: 1.0 / sxx.sqrt(),
        chi_square: slope * slope * sxx,
    })
}

/// The Fingertips trend test: significant when the χ² statistic exceeds
/// `critical` (use [`TREND_CRITICAL_998`]) *and* every fit that leaves out
/// one point has a slope of the same sign. `None` when no slope exists (see
/// [`weighted_slope`]) or when fewer than three points make leaving one out
/// meaningless.
///
/// ```
/// use indikator::stats::{trend_test, TrendDirection, TREND_CRITICAL_998};
/// let x = [2014.0, 2015.0, 2016.0, 2017.0, 2018.0];
/// let values = [24.67, 24.6, 28.0, 30.2, 30.6];
/// let (lower, upper) = ([23.16, 23.15, 26.44, 28.63, 28.98], [26.25, 26.19, 29.64, 31.9, 32.25]);
/// // Standard errors from the 95 % limits, as Fingertips derives them.
/// let se: Vec<f64> = lower.iter().zip(upper).map(|(l, u)| (u - l) / 3.92).collect();
/// let (fit, direction) = trend_test(&x, &values, &se, TREND_CRITICAL_998).unwrap();
/// assert_eq!(direction, TrendDirection::Increasing);
/// assert!((fit.chi_square - 46.77).abs() < 0.005);
/// ```
pub fn trend_test(
    x: &[f64],
    values: &[f64],
    se: &[f64],
    critical: f64,
) -> Option<(TrendFit, TrendDirection)> {
    if x.len() < 3 {
        return None;
    }
    let fit = weighted_slope(x, values, se)?;
    let sign = fit.slope.signum();
    let significant = fit.chi_square > critical && fit.slope != 0.0;
    let robust = (0..x.len()).all(|left_out| {
        let without = |s: &[f64]| -> Vec<f64> {
            s.iter()
                .enumerate()
                .filter(|(i, _)| *i != left_out)
                .map(|(_, v)| *v)
                .collect()
        };
        weighted_slope(&without(x), &without(values), &without(se))
            .is_some_and(|f| f.slope.signum() == sign && f.slope != 0.0)
    });
    let direction = match (significant && robust, sign > 0.0) {
        (true, true) => TrendDirection::Increasing,
        (true, false) => TrendDirection::Decreasing,
        (false, _) => TrendDirection::NoSignificantChange,
    };
    Some((fit, direction))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::distributions::chi_square_quantile;

    /// The public test case of the issue: five yearly values with 95 % limits.
    /// The standard errors come from the limits as the Fingertips code
    /// (`TrendMarkerCalculator.cs`) derives them: (upper − lower) / 3.92.
    fn fingertips_case() -> ([f64; 5], [f64; 5], Vec<f64>) {
        let lower = [23.16, 23.15, 26.44, 28.63, 28.98];
        let upper = [26.25, 26.19, 29.64, 31.9, 32.25];
        let se = lower
            .iter()
            .zip(upper)
            .map(|(l, u)| (u - l) / 3.92)
            .collect();
        (
            [2014.0, 2015.0, 2016.0, 2017.0, 2018.0],
            [24.67, 24.6, 28.0, 30.2, 30.6],
            se,
        )
    }

    #[test]
    fn critical_value_is_the_998_quantile_of_chi_square_1() {
        let q = chi_square_quantile(0.998, 1.0);
        assert!((q - TREND_CRITICAL_998).abs() < 1e-9, "{q}");
        assert!((TREND_CRITICAL_998 - 9.5495).abs() < 1e-4);
    }

    #[test]
    fn fingertips_case_is_a_significant_increase_with_chi_square_46_77() {
        let (x, v, se) = fingertips_case();
        let (fit, direction) = trend_test(&x, &v, &se, TREND_CRITICAL_998).unwrap();
        assert_eq!(direction, TrendDirection::Increasing);
        // The published statistic is 46.77 (two decimals): 46.7653.
        assert!((fit.chi_square - 46.77).abs() < 0.005, "{}", fit.chi_square);
        assert!((fit.slope - 1.7516).abs() < 1e-3, "{}", fit.slope);
    }

    #[test]
    fn hand_worked_equal_weights_slope() {
        // Equal weights: ordinary least squares. y = 1, 3, 2 on x = 0, 1, 2,
        // means 1 and 2: slope = Σ(x−1)(y−2) / Σ(x−1)² = (1 + 0 + 0) / 2 = 0.5,
        // se = 1/√2, χ² = 0.25 · 2 = 0.5.
        let fit = weighted_slope(&[0.0, 1.0, 2.0], &[1.0, 3.0, 2.0], &[1.0; 3]).unwrap();
        assert!((fit.slope - 0.5).abs() < 1e-15);
        assert!((fit.slope_se - (0.5f64).sqrt()).abs() < 1e-15);
        assert!((fit.chi_square - 0.5).abs() < 1e-15);
    }

    #[test]
    fn a_sign_carried_by_one_point_is_not_significant() {
        // Flat, precise points and one extreme last point: χ² is large but
        // leaving out the last point gives a zero slope.
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let v = [10.0, 10.0, 10.0, 10.0, 50.0];
        let (fit, direction) = trend_test(&x, &v, &[0.1; 5], TREND_CRITICAL_998).unwrap();
        assert!(fit.chi_square > TREND_CRITICAL_998);
        assert_eq!(direction, TrendDirection::NoSignificantChange);
    }

    #[test]
    fn a_decrease_and_no_change() {
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let down = [30.0, 28.0, 25.0, 22.0, 20.0];
        let (_, d) = trend_test(&x, &down, &[0.5; 5], TREND_CRITICAL_998).unwrap();
        assert_eq!(d, TrendDirection::Decreasing);
        let noisy = [20.0, 21.0, 19.5, 20.5, 20.2];
        let (_, d) = trend_test(&x, &noisy, &[2.0; 5], TREND_CRITICAL_998).unwrap();
        assert_eq!(d, TrendDirection::NoSignificantChange);
    }

    #[test]
    fn undefined_cases_give_none() {
        assert!(weighted_slope(&[1.0], &[1.0], &[1.0]).is_none());
        assert!(weighted_slope(&[1.0, 1.0], &[1.0, 2.0], &[1.0, 1.0]).is_none());
        assert!(weighted_slope(&[1.0, 2.0], &[1.0, 2.0], &[0.0, 1.0]).is_none());
        assert!(weighted_slope(&[1.0, 2.0], &[1.0, f64::NAN], &[1.0, 1.0]).is_none());
        assert!(weighted_slope(&[1.0, 2.0], &[1.0], &[1.0, 1.0]).is_none());
        assert!(trend_test(&[1.0, 2.0], &[1.0, 2.0], &[1.0, 1.0], 1.0).is_none());
    }
}
