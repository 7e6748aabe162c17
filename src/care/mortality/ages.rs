//! Age ranges and the age bands of populations and standards: band labels
//! read as ages, bands inside, outside or straddling a range.

use crate::error::{Error, Result};

/// An age range: first and last year of age (`None`: open).
pub(super) type Ages = (u32, Option<u32>);

/// The ages of a band label: "15-19", "15–19", "90+" (open); `None` if it is not one.
pub(super) fn band_range(label: &str) -> Option<Ages> {
    let l = label.trim();
    if let Some(from) = l.strip_suffix('+') {
        return from.trim().parse().ok().map(|f| (f, None));
    }
    let (a, b) = l.split_once(['-', '–'])?;
    let (a, b): (u32, u32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (a <= b).then_some((a, Some(b)))
}

/// Whether `inner` lies within `outer`.
pub(super) fn contains(outer: Ages, inner: Ages) -> bool {
    inner.0 >= outer.0
        && match (outer.1, inner.1) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(o), Some(i)) => i <= o,
        }
}

/// Whether the ages `band` lie in `range`: wholly in (true) or wholly out
/// (false); a band straddling the range is an error.
pub(super) fn inside(band: Ages, range: Ages, label: &str, whose: &str) -> Result<bool> {
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
    fn band_labels_read_as_ages() {
        assert_eq!(band_range("15-19"), Some((15, Some(19))));
        assert_eq!(band_range("15–19"), Some((15, Some(19))));
        assert_eq!(band_range("90+"), Some((90, None)));
        assert_eq!(band_range("19-15"), None);
        assert_eq!(band_range("ung"), None);
    }

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
