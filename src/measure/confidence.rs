//! Confidence levels and the output shape, the two options every statistic shares.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

/// The confidence level(s) of the limits: 95 %, 99.8 %, or both at once.
///
/// 95 % and 99.8 % are the two levels the English public-health platform
/// (Fingertips) uses to rate indicators against a benchmark; no other level
/// is accepted, so that every table in a report is comparable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Confidence {
    /// 95 % limits in columns `lower`, `upper`.
    #[default]
    P95,
    /// 99.8 % limits in columns `lower`, `upper`.
    P998,
    /// Both, in columns `lower_95`, `upper_95`, `lower_99_8`, `upper_99_8`.
    Both,
}

const ACCEPTED: &str =
    "confidence must be 0.95, 0.998 or both (also written 95, 99.8, \"95%\", \"99.8%\", \"both\")";

impl Confidence {
    /// The levels as fractions, in increasing order.
    pub fn levels(self) -> &'static [f64] {
        match self {
            Confidence::P95 => &[0.95],
            Confidence::P998 => &[0.998],
            Confidence::Both => &[0.95, 0.998],
        }
    }

    /// Parse one level given as a fraction (0.95) or a percentage (95).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for any other number.
    pub fn from_level(level: f64) -> Result<Self> {
        if level == 0.95 || level == 95.0 {
            Ok(Confidence::P95)
        } else if level == 0.998 || level == 99.8 {
            Ok(Confidence::P998)
        } else {
            Err(Error::argument("confidence", ACCEPTED, level))
        }
    }

    /// Parse a list of levels: one level, or the two levels in any order.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an empty list, an unknown level or a repeat.
    pub fn from_levels(levels: &[f64]) -> Result<Self> {
        let shown = || format!("{levels:?}");
        match levels {
            [one] => Self::from_level(*one),
            [a, b] => match (Self::from_level(*a)?, Self::from_level(*b)?) {
                (Confidence::P95, Confidence::P998) | (Confidence::P998, Confidence::P95) => {
                    Ok(Confidence::Both)
                }
                _ => Err(Error::argument("confidence", ACCEPTED, shown())),
            },
            _ => Err(Error::argument("confidence", ACCEPTED, shown())),
        }
    }

    /// The names of the limit columns, as `(lower, upper)` per level.
    pub fn limit_columns(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Confidence::P95 | Confidence::P998 => &[("lower", "upper")],
            Confidence::Both => &[("lower_95", "upper_95"), ("lower_99_8", "upper_99_8")],
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Confidence::P95 => "95%",
            Confidence::P998 => "99.8%",
            Confidence::Both => "95%, 99.8%",
        })
    }
}

impl FromStr for Confidence {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let t = s.trim().trim_end_matches('%').trim();
        if t.eq_ignore_ascii_case("both") {
            return Ok(Confidence::Both);
        }
        match t.parse::<f64>().map(Self::from_level) {
            Ok(Ok(confidence)) => Ok(confidence),
            _ => Err(Error::argument("confidence", ACCEPTED, format!("{s:?}"))),
        }
    }
}

/// Which columns a statistic returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputType {
    /// Groups, numerator, denominator, value, limits, `status`, and the
    /// metadata `confidence`, `statistic`, `method`.
    #[default]
    Full,
    /// As `Full` without the metadata columns.
    Standard,
    /// Groups and `value`.
    Value,
    /// Groups and the lower limit(s).
    Lower,
    /// Groups and the upper limit(s).
    Upper,
}

impl FromStr for OutputType {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "full" => Ok(OutputType::Full),
            "standard" => Ok(OutputType::Standard),
            "value" => Ok(OutputType::Value),
            "lower" => Ok(OutputType::Lower),
            "upper" => Ok(OutputType::Upper),
            _ => Err(Error::argument(
                "output",
                "output must be one of full, standard, value, lower, upper",
                format!("{s:?}"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_accepted_forms() {
        for s in ["0.95", "95", "95%", " 95 % "] {
            assert_eq!(s.parse::<Confidence>().unwrap(), Confidence::P95, "{s}");
        }
        for s in ["0.998", "99.8", "99.8%"] {
            assert_eq!(s.parse::<Confidence>().unwrap(), Confidence::P998, "{s}");
        }
        assert_eq!("both".parse::<Confidence>().unwrap(), Confidence::Both);
        assert_eq!(
            Confidence::from_levels(&[0.998, 0.95]).unwrap(),
            Confidence::Both
        );
    }

    #[test]
    fn rejects_other_levels_with_the_accepted_list() {
        let err = Confidence::from_level(0.9).unwrap_err().to_string();
        assert_eq!(
            err,
            "argument `confidence`: confidence must be 0.95, 0.998 or both (also written 95, 99.8, \"95%\", \"99.8%\", \"both\"); got 0.9"
        );
        assert!(Confidence::from_levels(&[0.95, 0.95]).is_err());
        assert!(Confidence::from_levels(&[]).is_err());
        assert!("ninety".parse::<Confidence>().is_err());
        assert!("wide"
            .parse::<OutputType>()
            .unwrap_err()
            .to_string()
            .contains("full, standard"));
    }
}
