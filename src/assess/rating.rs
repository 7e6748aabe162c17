//! The rating of a goal (måluppfyllelse), the reasons a value can be
//! missing, and the roll-up of ratings per perspective.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How well a target was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rating {
    /// Uppfylld (green).
    Fulfilled,
    /// Delvis uppfylld (yellow).
    Partly,
    /// Ej uppfylld (red).
    NotFulfilled,
}

impl Rating {
    /// `fulfilled`, `partly`, `not fulfilled`.
    pub fn label(self) -> &'static str {
        match self {
            Rating::Fulfilled => "fulfilled",
            Rating::Partly => "partly",
            Rating::NotFulfilled => "not fulfilled",
        }
    }

    /// `uppfylld`, `delvis uppfylld`, `ej uppfylld`.
    pub fn swedish(self) -> &'static str {
        match self {
            Rating::Fulfilled => "uppfylld",
            Rating::Partly => "delvis uppfylld",
            Rating::NotFulfilled => "ej uppfylld",
        }
    }

    /// `green`, `yellow`, `red`.
    pub fn colour(self) -> &'static str {
        match self {
            Rating::Fulfilled => "green",
            Rating::Partly => "yellow",
            Rating::NotFulfilled => "red",
        }
    }
}

/// Why a value is missing, shown instead of a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingReason {
    /// The unit did not report (ej rapporterat).
    NotReported,
    /// The indicator cannot be measured (ej mätbart).
    NotMeasurable,
    /// The source has not yet published the period (ännu ej publicerat),
    /// e.g. the cause-of-death register's year t before autumn t+1.
    NotYetPublished,
    /// Measured only at year end (mäts vid årets slut).
    MeasuredAtYearEnd,
    /// The value is suppressed to protect individuals (skyddat, "..").
    Suppressed,
}

const REASONS: &str = "one of \"not_reported\", \"not_measurable\", \"not_yet_published\", \
\"measured_at_year_end\", \"suppressed\"";

impl MissingReason {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            MissingReason::NotReported => "not_reported",
            MissingReason::NotMeasurable => "not_measurable",
            MissingReason::NotYetPublished => "not_yet_published",
            MissingReason::MeasuredAtYearEnd => "measured_at_year_end",
            MissingReason::Suppressed => "suppressed",
        }
    }

    /// The Swedish words of the reports.
    pub fn swedish(self) -> &'static str {
        match self {
            MissingReason::NotReported => "ej rapporterat",
            MissingReason::NotMeasurable => "ej mätbart",
            MissingReason::NotYetPublished => "ännu ej publicerat",
            MissingReason::MeasuredAtYearEnd => "mäts vid årets slut",
            MissingReason::Suppressed => "skyddat (för få fall)",
        }
    }
}

impl FromStr for MissingReason {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let key = s.trim().to_lowercase().replace([' ', '-'], "_");
        [
            MissingReason::NotReported,
            MissingReason::NotMeasurable,
            MissingReason::NotYetPublished,
            MissingReason::MeasuredAtYearEnd,
            MissingReason::Suppressed,
        ]
        .into_iter()
        .find(|r| r.name() == key)
        .ok_or_else(|| Error::argument("missing", REASONS, format!("{s:?}")))
    }
}

/// The outcome of assessing a target: a rating, or the reason there is none,
/// and the rule in words with the outcome ("minst 90 % — utfall 84 %").
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The rating; `None` when the value is missing.
    pub rating: Option<Rating>,
    /// Why there is no rating.
    pub missing: Option<MissingReason>,
    /// The rule and the outcome in Swedish.
    pub rule: String,
}

impl Assessment {
    /// The colour of the rating, `grey` when it is missing.
    pub fn colour(&self) -> &'static str {
        self.rating.map_or("grey", Rating::colour)
    }

    /// The Swedish words: the rating, or the reason it is missing.
    pub fn swedish(&self) -> &'static str {
        match (self.rating, self.missing) {
            (Some(r), _) => r.swedish(),
            (None, Some(m)) => m.swedish(),
            (None, None) => "ej bedömd",
        }
    }
}

impl fmt::Display for Assessment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.swedish(), self.rule)
    }
}

/// The four perspectives of the region's balanced scorecard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Perspective {
    /// Samhälle (society, citizens).
    #[serde(rename = "Samhälle", alias = "samhalle", alias = "samhälle")]
    Samhalle,
    /// Patient.
    #[serde(alias = "patient")]
    Patient,
    /// Medarbetare (staff).
    #[serde(alias = "medarbetare")]
    Medarbetare,
    /// Verksamhetsresultat (operations and finance).
    #[serde(alias = "verksamhetsresultat")]
    Verksamhetsresultat,
}

impl Perspective {
    /// All four, in the order of the reports.
    pub const ALL: [Perspective; 4] = [
        Perspective::Samhalle,
        Perspective::Patient,
        Perspective::Medarbetare,
        Perspective::Verksamhetsresultat,
    ];

    /// The Swedish name.
    pub fn name(self) -> &'static str {
        match self {
            Perspective::Samhalle => "Samhälle",
            Perspective::Patient => "Patient",
            Perspective::Medarbetare => "Medarbetare",
            Perspective::Verksamhetsresultat => "Verksamhetsresultat",
        }
    }
}

impl FromStr for Perspective {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let key = s.trim().to_lowercase();
        Perspective::ALL
            .into_iter()
            .find(|p| {
                p.name().to_lowercase() == key || (key == "samhalle" && *p == Perspective::Samhalle)
            })
            .ok_or_else(|| {
                Error::argument(
                    "perspective",
                    "one of \"Samhälle\", \"Patient\", \"Medarbetare\", \"Verksamhetsresultat\"",
                    format!("{s:?}"),
                )
            })
    }
}

/// Counts of ratings in one perspective, for the pie chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RatingCounts {
    /// Uppfyllda.
    pub fulfilled: usize,
    /// Delvis uppfyllda.
    pub partly: usize,
    /// Ej uppfyllda.
    pub not_fulfilled: usize,
    /// Without a rating (missing value).
    pub missing: usize,
}

/// Count the ratings per perspective, every perspective listed (zeros included).
///
/// ```
/// use indikator::{rating_counts, Perspective, Rating};
/// let counts = rating_counts([
///     (Perspective::Patient, Some(Rating::Fulfilled)),
///     (Perspective::Patient, None),
///     (Perspective::Samhalle, Some(Rating::Partly)),
/// ]);
/// assert_eq!(counts[1].0, Perspective::Patient);
/// assert_eq!((counts[1].1.fulfilled, counts[1].1.missing), (1, 1));
/// ```
pub fn rating_counts(
    ratings: impl IntoIterator<Item = (Perspective, Option<Rating>)>,
) -> Vec<(Perspective, RatingCounts)> {
    let mut out: Vec<(Perspective, RatingCounts)> = Perspective::ALL
        .into_iter()
        .map(|p| (p, RatingCounts::default()))
        .collect();
    for (perspective, rating) in ratings {
        let Some((_, c)) = out.iter_mut().find(|(p, _)| *p == perspective) else {
            continue;
        };
        match rating {
            Some(Rating::Fulfilled) => c.fulfilled += 1,
            Some(Rating::Partly) => c.partly += 1,
            Some(Rating::NotFulfilled) => c.not_fulfilled += 1,
            None => c.missing += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(Rating::Partly.swedish(), "delvis uppfylld");
        assert_eq!(Rating::NotFulfilled.colour(), "red");
        let a = Assessment {
            rating: None,
            missing: Some(MissingReason::NotYetPublished),
            rule: "minst 90 %".into(),
        };
        assert_eq!((a.colour(), a.swedish()), ("grey", "ännu ej publicerat"));
    }

    #[test]
    fn reasons_and_perspectives_parse() {
        assert_eq!(
            "not yet published".parse::<MissingReason>().unwrap(),
            MissingReason::NotYetPublished
        );
        assert!("late"
            .parse::<MissingReason>()
            .unwrap_err()
            .to_string()
            .contains("not_reported"));
        assert_eq!(
            "samhälle".parse::<Perspective>().unwrap(),
            Perspective::Samhalle
        );
        assert!("Ekonomi".parse::<Perspective>().is_err());
    }
}
