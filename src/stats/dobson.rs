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
