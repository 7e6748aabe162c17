//! Dobson's confidence limits of a weighted sum of Poisson counts (used for DSRs).

use super::byar::{byar_lower, byar_upper};

/// Limits of a directly standardised rate by Dobson's method.
///
/// `value` is the rate, `variance` its variance, and `total` the total count
/// of events it was built from, all on the same (unmultiplied) scale.
///
/// # Method
/// `value + √(variance / total) · (O_L − total)` and likewise with `O_U`,
/// where `O_L`, `O_U` are Byar's limits of the total count (Dobson et al. 1991;
/// PHEindicatormethods `calculate_dsr`). `None` when `total <= 0`.
///
/// # Example
/// An age-standardised suicide rate of the region over five years: 104
/// deaths, DSR 16.5 per 100 000 (0.000165 per person-year) with variance
/// 2.6e-10 (Σ wᵢ²xᵢ/nᵢ² over the age bands), limits per 100 000:
/// ```
/// use indikator::stats::dobson_limits;
/// let (lo, hi) = dobson_limits(16.5e-5, 2.6e-10, 104.0, 0.95).unwrap();
/// // By hand with Byar's limits of 104 (84.97369, 126.01454, scipy's norm.ppf):
/// // 16.5e-5 + √(2.6e-10 / 104) · (O − 104).
/// assert!((lo * 1e5 - 13.491676834033247).abs() < 1e-9);
/// assert!((hi * 1e5 - 19.980803766782762).abs() < 1e-9);
/// assert_eq!(dobson_limits(0.0, 0.0, 0.0, 0.95), None);
/// ```
pub fn dobson_limits(value: f64, variance: f64, total: f64, level: f64) -> Option<(f64, f64)> {
    if !(total > 0.0 && variance >= 0.0) {
        return None;
    }
    let scale = (variance / total).sqrt();
    let lower = byar_lower(total, level)?;
    let upper = byar_upper(total, level)?;
    Some((
        value + scale * (lower - total),
        value + scale * (upper - total),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_bracket_the_value() {
        let (lo, hi) = dobson_limits(0.1, 1e-5, 91.0, 0.95).unwrap();
        assert!(lo < 0.1 && 0.1 < hi);
    }

    #[test]
    fn no_events_no_limits() {
        assert_eq!(dobson_limits(0.0, 0.0, 0.0, 0.95), None);
    }
}
