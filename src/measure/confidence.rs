//! Confidence levels and the output shape, the two options every statistic shares.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

/// The confidence level(s) of the limits: 95 %, 99.8 %, or both at once.
///
/// 95 % and 99.8 % are the two levels the English public-health platform
/// (Fingertips) uses to rate indicators against a benchmark; no other level
/// is accepted, so that every table in a report is comparable.
///
/// SIP shares by kommun with both levels' limits, and a level read from
/// text as a user writes it:
///
/// ```
/// use indikator::prelude::*;
///
/// let sip = df!("kommun" => ["Åre", "Berg"], "with_plan" => [18i64, 9], "patients" => [40i64, 25])?;
/// let shares = Proportion::new("with_plan", "patients")
///     .by("kommun")
///     .confidence(Confidence::Both)
///     .compute(sip.lazy())?;
/// for column in ["lower_95", "upper_95", "lower_99_8", "upper_99_8"] {
///     assert!(shares.column(column).is_ok(), "{column}");
/// }
/// let (wide, narrow) = (shares.column("lower_99_8")?.f64()?, shares.column("lower_95")?.f64()?);
/// assert!(wide.get(0).unwrap() < narrow.get(0).unwrap());
/// assert_eq!("99.8%".parse::<Confidence>()?, Confidence::P998);
/// assert!(Confidence::from_level(0.9).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
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
    ///
    /// ```
    /// use indikator::Confidence;
    ///
    /// assert_eq!(Confidence::P95.levels(), [0.95]);
    /// assert_eq!(Confidence::Both.levels(), [0.95, 0.998]);
    /// // One pair of limit columns per level.
    /// assert_eq!(Confidence::Both.levels().len(), Confidence::Both.limit_columns().len());
    /// ```
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
    ///
    /// A level as a user gives it, for a rate of suicide:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// assert_eq!(Confidence::from_level(0.95)?, Confidence::P95);
    /// let level = Confidence::from_level(99.8)?;
    /// let suicide = Rate::new("deaths", "population").confidence(level);
    /// assert_eq!(suicide.common.confidence, Confidence::P998);
    /// let err = Confidence::from_level(90.0).unwrap_err();
    /// assert!(matches!(err, Error::InvalidArgument { ref argument, .. } if argument == "confidence"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// ```
    /// use indikator::Confidence;
    ///
    /// assert_eq!(Confidence::from_levels(&[0.998, 0.95])?, Confidence::Both);
    /// assert_eq!(Confidence::from_levels(&[95.0])?, Confidence::P95);
    /// assert!(Confidence::from_levels(&[0.95, 95.0]).is_err()); // the same level twice
    /// assert!(Confidence::from_levels(&[]).is_err());
    /// # Ok::<(), indikator::Error>(())
    /// ```
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
    ///
    /// The limits of a vårdgaranti share, read by name at both levels:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let waits = df!("within_limit" => [410i64], "completed" => [450i64])?;
    /// let share = Proportion::new("within_limit", "completed").confidence(Confidence::Both).compute(&waits)?;
    /// assert_eq!(Confidence::Both.limit_columns(), [("lower_95", "upper_95"), ("lower_99_8", "upper_99_8")]);
    /// for (lower, upper) in Confidence::Both.limit_columns() {
    ///     let (lo, hi) = (share.column(lower)?.f64()?.get(0).unwrap(), share.column(upper)?.f64()?.get(0).unwrap());
    ///     assert!(lo < 410.0 / 450.0 && 410.0 / 450.0 < hi);
    /// }
    /// assert_eq!(Confidence::P998.limit_columns(), [("lower", "upper")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
///
/// Only the values, for a table of rates by kommun:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::OutputType;
///
/// let deaths = df!("kommun" => ["Östersund", "Krokom"], "deaths" => [12i64, 4], "population" => [64_000i64, 16_000])?;
/// let rates = Rate::new("deaths", "population")
///     .multiplier(100_000.0)
///     .by("kommun")
///     .output(OutputType::Value)
///     .compute(deaths.lazy())?;
/// let columns: Vec<&str> = rates.get_column_names().iter().map(|c| c.as_str()).collect();
/// assert_eq!(columns, ["kommun", "value"]);
/// // Groups come sorted: Krokom first, 4 / 16 000 × 100 000 = 25.
/// assert_eq!(rates.column("value")?.f64()?.get(0), Some(25.0));
/// assert_eq!("standard".parse::<OutputType>()?, OutputType::Standard);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
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
