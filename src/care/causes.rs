//! Sets of ICD-10 causes of death by code range: suicide (X60–X84), with
//! undetermined intent (Y10–Y34), or any ranges the caller names.

use std::fmt;

use crate::error::{Error, Result};

/// The named cause sets [`CauseSet::named`] knows.
///
/// Each name gives a set; any other name is an error that lists them:
///
/// ```
/// use indikator::{CauseSet, CAUSE_SETS};
/// assert_eq!(CAUSE_SETS, ["suicide", "suicide_wide"]);
/// for name in CAUSE_SETS {
///     // X70, hanging (intentional self-harm), is in both sets.
///     assert!(CauseSet::named(name)?.contains("X70.0")?);
/// }
/// let wrong = CauseSet::named("självmord").unwrap_err();
/// assert!(wrong.to_string().contains("suicide, suicide_wide"));
/// # Ok::<(), indikator::Error>(())
/// ```
pub const CAUSE_SETS: [&str; 2] = ["suicide", "suicide_wide"];

/// A set of ICD-10 codes given as ranges of categories or sub-codes.
///
/// Codes are compared without dots and case: "X70.9", "x709" and "X709"
/// are the same code. A code is in a range when it lies between the bounds
/// at the bounds' own precision, so the range X60–X84 holds X60, X70.9 and
/// X84.0, and the range X70.9 holds X70.9 and X70.91 but not X70.
///
/// ```
/// use indikator::CauseSet;
/// let suicide = CauseSet::named("suicide")?;
/// assert!(suicide.contains("X70.9")?);
/// assert!(!suicide.contains("Y20")?);
/// assert!(CauseSet::named("suicide_wide")?.contains("Y20")?);
/// let falls = CauseSet::ranges("falls", &["W00–W19"])?;
/// assert!(falls.contains("W19")? && !falls.contains("W20")?);
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CauseSet {
    name: String,
    ranges: Vec<(String, String)>,
}

impl CauseSet {
    /// A named set: `"suicide"` (X60–X84, intentional self-harm, the
    /// national definition) or `"suicide_wide"` (X60–X84 and Y10–Y34, adding
    /// events of undetermined intent).
    ///
    /// # Errors
    /// An unknown name, listing the known ones.
    ///
    /// # Example
    /// The wide definition adds deaths of undetermined intent (Y10–Y34):
    /// ```
    /// use indikator::{CauseSet, Error};
    /// let wide = CauseSet::named("Suicide_Wide")?; // case is ignored
    /// assert_eq!(wide.name(), "suicide_wide");
    /// assert!(wide.contains("Y20")? && !CauseSet::named("suicide")?.contains("Y20")?);
    /// let unknown = CauseSet::named("självmord").unwrap_err();
    /// assert!(matches!(unknown, Error::InvalidArgument { ref argument, .. } if argument == "causes"));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn named(name: &str) -> Result<Self> {
        match name.trim().to_lowercase().as_str() {
            "suicide" => CauseSet::ranges("suicide", &["X60-X84"]),
            "suicide_wide" => CauseSet::ranges("suicide_wide", &["X60-X84", "Y10-Y34"]),
            _ => Err(Error::argument(
                "causes",
                &format!(
                    "a named cause set ({}) or a list of ICD-10 ranges such as [\"X60-X84\"]",
                    CAUSE_SETS.join(", ")
                ),
                format!("{name:?}"),
            )),
        }
    }

    /// A set of ranges ("X60-X84", "Y10–Y34", or single codes "X70.9").
    ///
    /// # Errors
    /// No ranges; a bound that is not an ICD-10 code; a reversed range.
    ///
    /// # Example
    /// Deaths from falls (W00–W19) and from alcohol poisoning (X45), one
    /// range and one category:
    /// ```
    /// use indikator::CauseSet;
    /// let accidents = CauseSet::ranges("falls_and_alcohol", &["W00-W19", "X45"])?;
    /// assert!(accidents.contains("W01.9")? && accidents.contains("X45.0")?);
    /// assert!(!accidents.contains("W20")? && !accidents.contains("X46")?);
    /// assert_eq!(accidents.to_string(), "falls_and_alcohol (W00–W19, X45)");
    /// assert!(CauseSet::ranges("reversed", &["X84-X60"]).is_err());
    /// assert!(CauseSet::ranges("none", &[]).is_err());
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn ranges(name: &str, ranges: &[&str]) -> Result<Self> {
        if ranges.is_empty() {
            return Err(Error::argument(
                "causes",
                "at least one ICD-10 range",
                "none",
            ));
        }
        let mut parsed = Vec::with_capacity(ranges.len());
        for r in ranges {
            let (lo, hi) = match r.split_once(['-', '–']) {
                Some((lo, hi)) => (lo, hi),
                None => (*r, *r),
            };
            let bound = |b: &str| {
                normalise(b).ok_or_else(|| {
                    Error::argument(
                        "causes",
                        "ranges of ICD-10 codes: a letter, two digits, optional sub-code (\"X60-X84\", \"X70.9\")",
                        format!("{r:?}"),
                    )
                })
            };
            let (lo, hi) = (bound(lo)?, bound(hi)?);
            if *hi < lo[..hi.len().min(lo.len())] {
                return Err(Error::argument(
                    "causes",
                    "a range must not be reversed",
                    format!("{r:?}"),
                ));
            }
            parsed.push((lo, hi));
        }
        Ok(CauseSet {
            name: name.to_string(),
            ranges: parsed,
        })
    }

    /// The name of the set.
    ///
    /// ```
    /// use indikator::CauseSet;
    /// assert_eq!(CauseSet::named("suicide")?.name(), "suicide");
    /// let falls = CauseSet::ranges("falls", &["W00–W19"])?;
    /// assert_eq!(falls.name(), "falls");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether `code` is in the set.
    ///
    /// # Errors
    /// A code that is not an ICD-10 code (a letter, two digits, optional sub-code).
    ///
    /// # Example
    /// Underlying causes as the cause-of-death register writes them, with
    /// or without the dot:
    /// ```
    /// use indikator::{CauseSet, Error};
    /// let suicide = CauseSet::named("suicide")?;
    /// assert!(suicide.contains("X70.0")? && suicide.contains("x700")?);
    /// assert!(suicide.contains("X84")? && !suicide.contains("X85")?);
    /// assert!(!suicide.contains("I21.9")?); // a heart attack
    /// let not_a_code = suicide.contains("70.0").unwrap_err();
    /// assert!(matches!(not_a_code, Error::InvalidData { ref column, .. } if column == "cause"));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn contains(&self, code: &str) -> Result<bool> {
        let code = normalise(code).ok_or_else(|| {
            Error::data(
                "cause",
                "causes of death must be ICD-10 codes (a letter, two digits, optional sub-code)",
                format!("{code:?}"),
                "",
            )
        })?;
        Ok(self.ranges.iter().any(|(lo, hi)| {
            let at = |n: usize| &code[..n.min(code.len())];
            at(lo.len()) >= lo.as_str() && at(hi.len()) <= hi.as_str()
        }))
    }
}

impl fmt::Display for CauseSet {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ranges: Vec<String> = self
            .ranges
            .iter()
            .map(|(lo, hi)| {
                if lo == hi {
                    lo.clone()
                } else {
                    format!("{lo}–{hi}")
                }
            })
            .collect();
        write!(out, "{} ({})", self.name, ranges.join(", "))
    }
}

/// An ICD-10 code without dots, upper case: a letter, two digits, then
/// digits or letters; `None` if it is not one.
pub(crate) fn normalise(code: &str) -> Option<String> {
    let c: String = code
        .trim()
        .chars()
        .filter(|c| *c != '.')
        .collect::<String>()
        .to_uppercase();
    let b = c.as_bytes();
    let ok = b.len() >= 3
        && b.len() <= 7
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_digit()
        && b[2].is_ascii_digit()
        && b[3..].iter().all(u8::is_ascii_alphanumeric);
    ok.then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icd_sub_codes_match_their_category_range() {
        let s = CauseSet::named("suicide").unwrap();
        for code in ["X60", "X60.0", "x70.9", "X709", "X84", "X84.9"] {
            assert!(s.contains(code).unwrap(), "{code}");
        }
        for code in ["X59", "X59.9", "X85", "Y10", "W19"] {
            assert!(!s.contains(code).unwrap(), "{code}");
        }
    }

    #[test]
    fn a_sub_code_range_does_not_hold_its_bare_category() {
        let s = CauseSet::ranges("x", &["X70.9"]).unwrap();
        assert!(s.contains("X70.9").unwrap() && s.contains("X70.91").unwrap());
        assert!(!s.contains("X70").unwrap() && !s.contains("X70.8").unwrap());
    }

    #[test]
    fn bad_codes_and_ranges_are_errors() {
        assert!(CauseSet::ranges("x", &["60-84"]).is_err());
        assert!(CauseSet::ranges("x", &["X84-X60"])
            .unwrap_err()
            .to_string()
            .contains("reversed"));
        assert!(CauseSet::named("suicid")
            .unwrap_err()
            .to_string()
            .contains("suicide_wide"));
        let e = CauseSet::named("suicide")
            .unwrap()
            .contains("självmord")
            .unwrap_err()
            .to_string();
        assert!(e.contains("ICD-10") && e.contains("självmord"), "{e}");
    }
}
