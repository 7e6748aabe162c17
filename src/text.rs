//! Numbers written the Swedish way: decimal comma, a non-breaking space as
//! thousands separator and before a unit ("72 %", "21,77", "132 000").

/// The non-breaking space used between digit groups and before units.
pub const NBSP: char = '\u{a0}';

/// `x` with at most `decimals` decimals (trailing zeros dropped), a decimal
/// comma and non-breaking spaces between groups of thousands.
///
/// ```
/// use indikator::swedish_number;
/// assert_eq!(swedish_number(63.5, 1), "63,5");
/// assert_eq!(swedish_number(21.7749, 2), "21,77");
/// assert_eq!(swedish_number(84.0, 1), "84");
/// assert_eq!(swedish_number(-132000.0, 0), "−132\u{a0}000");
/// ```
pub fn swedish_number(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "–".into()
        } else {
            "∞".into()
        };
    }
    let fixed = format!("{:.*}", decimals, x.abs());
    let (whole, fraction) = match fixed.split_once('.') {
        Some((w, f)) => (w.to_string(), f.trim_end_matches('0').to_string()),
        None => (fixed.clone(), String::new()),
    };
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(NBSP);
        }
        grouped.push(c);
    }
    let negative = x < 0.0 && (whole.chars().any(|c| c != '0') || !fraction.is_empty());
    let sign = if negative { "−" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{fraction}")
    }
}

/// A number followed by its unit, e.g. `"84 %"`; no space before an empty unit.
pub(crate) fn with_unit(x: f64, decimals: usize, unit: &str) -> String {
    if unit.is_empty() {
        swedish_number(x, decimals)
    } else {
        format!("{}{NBSP}{unit}", swedish_number(x, decimals))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_forms() {
        assert_eq!(swedish_number(0.0, 2), "0");
        assert_eq!(swedish_number(-0.001, 1), "0");
        assert_eq!(swedish_number(1234.5, 1), "1\u{a0}234,5");
        assert_eq!(swedish_number(999.96, 1), "1\u{a0}000");
        assert_eq!(swedish_number(f64::NAN, 1), "–");
        assert_eq!(with_unit(72.0, 1, "%"), "72\u{a0}%");
        assert_eq!(with_unit(6.9, 1, ""), "6,9");
    }
}
