//! Age ranges and the age bands of populations and standards: band labels
//! read as ages, bands inside, outside or straddling a range.

pub(super) use crate::measure::{band_range, Ages};

use crate::error::{Error, Result};

/// Whether `inner` lies within `outer`.
pub(in crate::care) fn contains(outer: Ages, inner: Ages) -> bool {
    inner.0 >= outer.0
        && match (outer.1, inner.1) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(o), Some(i)) => i <= o,
        }
}

/// Whether the ages `band` lie in `range`: wholly in (true) or wholly out
/// (false); a band straddling the range is an error.
pub(in crate::care) fn inside(band: Ages, range: Ages, label: &str, whose: &str) -> Result<bool> {
    if contains(range, band) {
        return Ok(true);
    }
    let below = band.1.is_some_and(|hi| hi < range.0);
    let above = range.1.is_some_and(|max| band.0 > max);
    if below || above {
        return Ok(false);
    }
    let shown = |r: Ages| match r.1 {
        Some(hi) => format!("{}–{hi}", r.0),
        None => format!("{}+", r.0),
    };
    Err(Error::AgeBands {
        column: "age".into(),
        problem: format!("straddles the age range {} ({whose})", shown(range)),
        bands: label.to_string(),
        location: String::new(),
    })
}

/// The standard band holding an age.
pub(super) fn band_of(age: f64, bands: &[(String, Ages)]) -> Option<String> {
    let a = age as u32;
    bands
        .iter()
        .find(|(_, b)| contains(*b, (a, Some(a))))
        .map(|(l, _)| l.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_in_out_or_straddling_the_range() {
        assert!(inside((15, Some(19)), (15, Some(24)), "15-19", "x").unwrap());
        assert!(!inside((25, Some(29)), (15, Some(24)), "25-29", "x").unwrap());
        assert!(!inside((0, Some(4)), (15, None), "0-4", "x").unwrap());
        let e = inside((10, Some(19)), (15, None), "10-19", "x")
            .unwrap_err()
            .to_string();
        assert!(e.contains("10-19") && e.contains("15+"), "{e}");
    }
}
