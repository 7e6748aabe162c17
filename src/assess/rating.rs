//! The rating of a goal (måluppfyllelse), the reasons a value can be
//! missing, and the roll-up of ratings per perspective.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How well a target was met.
///
/// A three-colour target for the share of calls answered: green from 90 %,
/// yellow from 80 %; 84 % is yellow:
///
/// ```
/// use indikator::{Observed, Rating, Target};
///
/// let target = Target::Range { green: 90.0, yellow: 80.0, unit: "%".into() };
/// let rating = target.assess(&Observed::value(84.0))?.rating;
/// assert_eq!(rating, Some(Rating::Partly));
/// let r = Rating::Partly;
/// assert_eq!((r.label(), r.swedish(), r.colour()), ("partly", "delvis uppfylld", "yellow"));
/// // Ratings sort best first.
/// assert!(Rating::Fulfilled < Rating::Partly && Rating::Partly < Rating::NotFulfilled);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
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
    ///
    /// The `rating` cell of 84 % against at least 90 %:
    ///
    /// ```
    /// use indikator::{Observed, Target};
    ///
    /// let rating = Target::at_least(90.0).assess(&Observed::value(84.0))?.rating.unwrap();
    /// assert_eq!(rating.label(), "not fulfilled");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Rating::Fulfilled => "fulfilled",
            Rating::Partly => "partly",
            Rating::NotFulfilled => "not fulfilled",
        }
    }

    /// `uppfylld`, `delvis uppfylld`, `ej uppfylld`.
    ///
    /// Readmissions fell from 15.1 % to 14.2 %, as the target wanted:
    ///
    /// ```
    /// use indikator::{Observed, Target};
    ///
    /// let observed = Observed::value(14.2).previous(15.1);
    /// let rating = Target::decrease().assess(&observed)?.rating.unwrap();
    /// assert_eq!(rating.swedish(), "uppfylld");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn swedish(self) -> &'static str {
        match self {
            Rating::Fulfilled => "uppfylld",
            Rating::Partly => "delvis uppfylld",
            Rating::NotFulfilled => "ej uppfylld",
        }
    }

    /// `green`, `yellow`, `red`.
    ///
    /// The traffic light of each rating, as the report colours the goals:
    ///
    /// ```
    /// use indikator::Rating;
    ///
    /// let colours = [Rating::Fulfilled, Rating::Partly, Rating::NotFulfilled].map(Rating::colour);
    /// assert_eq!(colours, ["green", "yellow", "red"]);
    /// ```
    pub fn colour(self) -> &'static str {
        match self {
            Rating::Fulfilled => "green",
            Rating::Partly => "yellow",
            Rating::NotFulfilled => "red",
        }
    }
}

/// Why a value is missing, shown instead of a rating.
///
/// A kommun's count below the threshold is masked: its target gets the
/// reason, in grey, instead of a rating:
///
/// ```
/// use indikator::{MissingReason, Observed, Target};
///
/// let a = Target::at_most(15.0).assess(&Observed::missing(MissingReason::Suppressed))?;
/// assert_eq!((a.rating, a.colour()), (None, "grey"));
/// assert!(a.rule.ends_with("skyddat (för få fall)"));
/// // A `missing_reason` cell reads back, with spaces or underscores.
/// let reason: MissingReason = "not yet published".parse()?;
/// assert_eq!(reason, MissingReason::NotYetPublished);
/// assert_eq!(reason.name(), "not_yet_published");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
    ///
    /// The `missing_reason` cell of a masked count, read back:
    ///
    /// ```
    /// use indikator::MissingReason;
    ///
    /// assert_eq!(MissingReason::Suppressed.name(), "suppressed");
    /// assert_eq!(MissingReason::MeasuredAtYearEnd.name(), "measured_at_year_end");
    /// assert_eq!("measured_at_year_end".parse::<MissingReason>()?, MissingReason::MeasuredAtYearEnd);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// A kommun that did not report its SIP, and a count masked as too small:
    ///
    /// ```
    /// use indikator::MissingReason;
    ///
    /// assert_eq!(MissingReason::NotReported.swedish(), "ej rapporterat");
    /// assert_eq!(MissingReason::Suppressed.swedish(), "skyddat (för få fall)");
    /// ```
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
///
/// Ortopedi operated 76 % within the vårdgaranti's 90 days against a
/// target of at least 80 %:
///
/// ```
/// use indikator::{Observed, Rating, Target};
///
/// let a = Target::at_least(80.0).unit("%").assess(&Observed::value(76.0))?;
/// assert_eq!((a.rating, a.missing), (Some(Rating::NotFulfilled), None));
/// assert_eq!(a.colour(), "red");
/// assert_eq!(a.to_string(), "ej uppfylld: minst 80\u{a0}% — utfall 76\u{a0}%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
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
    ///
    /// A share of 84 % against green from 90 %, yellow from 80 %; and the
    /// same target for a kommun that did not report:
    ///
    /// ```
    /// use indikator::{MissingReason, Observed, Target};
    ///
    /// let target = Target::Range { green: 90.0, yellow: 80.0, unit: "%".into() };
    /// assert_eq!(target.assess(&Observed::value(84.0))?.colour(), "yellow");
    /// let unreported = target.assess(&Observed::missing(MissingReason::NotReported))?;
    /// assert_eq!(unreported.colour(), "grey");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn colour(&self) -> &'static str {
        self.rating.map_or("grey", Rating::colour)
    }

    /// The Swedish words: the rating, or the reason it is missing.
    ///
    /// Ortopedi at 76 % against at least 80 % within 90 days, and a year the
    /// cause-of-death register has not yet published:
    ///
    /// ```
    /// use indikator::{MissingReason, Observed, Target};
    ///
    /// let target = Target::at_least(80.0).unit("%");
    /// assert_eq!(target.assess(&Observed::value(76.0))?.swedish(), "ej uppfylld");
    /// let later = target.assess(&Observed::missing(MissingReason::NotYetPublished))?;
    /// assert_eq!(later.swedish(), "ännu ej publicerat");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
///
/// The catalogue names them in Swedish; the reports list them in order:
///
/// ```
/// use indikator::Perspective;
///
/// let p: Perspective = "samhälle".parse()?;
/// assert_eq!((p, p.name()), (Perspective::Samhalle, "Samhälle"));
/// let names = Perspective::ALL.map(Perspective::name);
/// assert_eq!(names, ["Samhälle", "Patient", "Medarbetare", "Verksamhetsresultat"]);
/// assert!("Ekonomi".parse::<Perspective>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
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
    ///
    /// The heading of a perspective in the report, and the catalogue's name read back:
    ///
    /// ```
    /// use indikator::Perspective;
    ///
    /// assert_eq!(Perspective::Samhalle.name(), "Samhälle");
    /// assert_eq!(Perspective::Verksamhetsresultat.name(), "Verksamhetsresultat");
    /// assert_eq!("medarbetare".parse::<Perspective>()?.name(), "Medarbetare");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
///
/// Three goals of the perspective Patient, one of them not yet measured:
///
/// ```
/// use indikator::{rating_counts, Perspective, Rating};
///
/// let counts = rating_counts([
///     (Perspective::Patient, Some(Rating::Fulfilled)),
///     (Perspective::Patient, Some(Rating::Partly)),
///     (Perspective::Patient, None),
///     (Perspective::Medarbetare, Some(Rating::NotFulfilled)),
/// ]);
/// let (perspective, patient) = counts[1];
/// assert_eq!(perspective, Perspective::Patient);
/// assert_eq!((patient.fulfilled, patient.partly, patient.not_fulfilled, patient.missing), (1, 1, 0, 1));
/// assert_eq!(counts[2].1.not_fulfilled, 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
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
