//! Age-band labels read as ages: "15-19", "15–19", "90+", and for life
//! tables also a single year, "0".

/// An age range: the first and last year of age, `None` for an open band ("90+").
pub(crate) type Ages = (u32, Option<u32>);

/// The ages of a band label: "15-19", "15–19", "90+" (open); `None` if it is not one.
pub(crate) fn band_range(label: &str) -> Option<Ages> {
    let l = label.trim();
    if let Some(from) = l.strip_suffix('+') {
        return from.trim().parse().ok().map(|f| (f, None));
    }
    let (a, b) = l.split_once(['-', '–'])?;
    let (a, b): (u32, u32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (a <= b).then_some((a, Some(b)))
}

/// As [`band_range`], and a single year: "0" is the band 0–0.
pub(crate) fn band_or_year(label: &str) -> Option<Ages> {
    match label.trim().parse::<u32>() {
        Ok(year) => Some((year, Some(year))),
        Err(_) => band_range(label),
    }
}

/// A band written as a label: "15-19", "0", "90+".
pub(crate) fn band_label(ages: Ages) -> String {
    match ages {
        (from, None) => format!("{from}+"),
        (from, Some(to)) if to == from => from.to_string(),
        (from, Some(to)) => format!("{from}-{to}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_labels_read_as_ages() {
        assert_eq!(band_range("15-19"), Some((15, Some(19))));
        assert_eq!(band_range("15–19"), Some((15, Some(19))));
        assert_eq!(band_range(" 5 - 9 "), Some((5, Some(9))));
        assert_eq!(band_range("90+"), Some((90, None)));
        assert_eq!(band_range("90 +"), Some((90, None)));
        assert_eq!(band_range("19-15"), None);
        assert_eq!(band_range("ung"), None);
        assert_eq!(band_range("0"), None);
        assert_eq!(band_or_year("0"), Some((0, Some(0))));
        assert_eq!(band_or_year("1-4"), Some((1, Some(4))));
    }

    #[test]
    fn bands_written_back() {
        assert_eq!(band_label((0, Some(0))), "0");
        assert_eq!(band_label((1, Some(4))), "1-4");
        assert_eq!(band_label((85, None)), "85+");
    }
}
