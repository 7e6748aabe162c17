//! Which direction of an indicator is good.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Whether a high or a low value is good, or neither.
///
/// Decides whether a significant difference reads as "better"/"worse" or
/// only "higher"/"lower".
///
/// A suicide rate of 19.0 per 100 000 [15.2, 22.8] against riket's 13.0:
///
/// ```
/// use indikator::{compare_estimate_with_benchmark, Comparison, Polarity};
///
/// let limits = [(0.95, Some(15.2), Some(22.8))];
/// let judged = |p| compare_estimate_with_benchmark(Some(19.0), &limits, Some(13.0), p).0;
/// assert_eq!(judged(Polarity::LowIsGood), Comparison::Worse);
/// assert_eq!(judged(Polarity::NoJudgement), Comparison::Higher);
/// // The catalogue's name reads back; no judgement is the default.
/// assert_eq!("low_is_good".parse::<Polarity>()?, Polarity::LowIsGood);
/// assert_eq!(Polarity::default(), Polarity::NoJudgement);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Polarity {
    /// A high value is good (e.g. a share treated within 90 days).
    HighIsGood,
    /// A low value is good (e.g. a suicide rate, readmissions).
    LowIsGood,
    /// No judgement: differences are only higher or lower (e.g. SIP counts).
    #[default]
    NoJudgement,
}

const ACCEPTED: &str = "one of \"high_is_good\", \"low_is_good\", \"no_judgement\"";

impl Polarity {
    /// The snake_case name, as accepted by [`Polarity::from_str`].
    ///
    /// The name the catalogue writes for a suicide rate, read back:
    ///
    /// ```
    /// use indikator::Polarity;
    ///
    /// let suicide = Polarity::LowIsGood;
    /// assert_eq!(suicide.name(), "low_is_good");
    /// assert_eq!(suicide.name().parse::<Polarity>()?, suicide);
    /// assert_eq!(Polarity::HighIsGood.to_string(), "high_is_good");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Polarity::HighIsGood => "high_is_good",
            Polarity::LowIsGood => "low_is_good",
            Polarity::NoJudgement => "no_judgement",
        }
    }
}

impl fmt::Display for Polarity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Polarity {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_lowercase().replace([' ', '-'], "_").as_str() {
            "high_is_good" | "high" => Ok(Polarity::HighIsGood),
            "low_is_good" | "low" => Ok(Polarity::LowIsGood),
            "no_judgement" | "no_judgment" | "none" => Ok(Polarity::NoJudgement),
            _ => Err(Error::argument("polarity", ACCEPTED, format!("{s:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_rejects_others() {
        for p in [
            Polarity::HighIsGood,
            Polarity::LowIsGood,
            Polarity::NoJudgement,
        ] {
            assert_eq!(p.name().parse::<Polarity>().unwrap(), p);
        }
        let e = "up".parse::<Polarity>().unwrap_err().to_string();
        assert!(
            e.contains("polarity") && e.contains("high_is_good") && e.contains("\"up\""),
            "{e}"
        );
    }
}
