//! The target forms of the region's plans and how each is rated.
//!
//! Every form is plain data (serde, tagged by `form`), so the TOML catalogue
//! can hold it: `{ form = "threshold", op = ">=", value = 90, unit = "%" }`.
//! Two-colour forms (a single threshold, a plain direction, yes/no) never
//! give "partly"; the others do, as each variant documents.

use serde::{Deserialize, Serialize};

use super::compare::Comparison;
use super::rating::{Assessment, MissingReason, Rating};
use crate::error::{Error, Result};
use crate::period::Period;
use crate::text::with_unit;

/// A comparison operator of a threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// At least: `>=`, "minst".
    #[serde(rename = ">=", alias = "≥", alias = "at_least")]
    AtLeast,
    /// At most: `<=`, "högst".
    #[serde(rename = "<=", alias = "≤", alias = "at_most")]
    AtMost,
    /// Above: `>`, "över".
    #[serde(rename = ">", alias = "above")]
    Above,
    /// Below: `<`, "under".
    #[serde(rename = "<", alias = "below")]
    Below,
}

impl Op {
    fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Op::AtLeast => value >= threshold,
            Op::AtMost => value <= threshold,
            Op::Above => value > threshold,
            Op::Below => value < threshold,
        }
    }

    fn swedish(self) -> &'static str {
        match self {
            Op::AtLeast => "minst",
            Op::AtMost => "högst",
            Op::Above => "över",
            Op::Below => "under",
        }
    }
}

/// Which way a value should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// "ska öka".
    Increase,
    /// "ska minska".
    Decrease,
}

impl std::str::FromStr for Direction {
    type Err = Error;

    /// `increase` / `decrease` (also `öka` / `minska`).
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_lowercase().as_str() {
            "increase" | "öka" => Ok(Direction::Increase),
            "decrease" | "minska" => Ok(Direction::Decrease),
            _ => Err(Error::argument(
                "direction",
                "one of \"increase\", \"decrease\"",
                format!("{s:?}"),
            )),
        }
    }
}

impl Direction {
    fn swedish(self) -> &'static str {
        match self {
            Direction::Increase => "öka",
            Direction::Decrease => "minska",
        }
    }

    fn moved(self, from: f64, to: f64) -> bool {
        match self {
            Direction::Increase => to > from,
            Direction::Decrease => to < from,
        }
    }
}

fn default_true() -> bool {
    true
}

/// A target, in one of the forms the region's plans use.
///
/// ```
/// use indikator::{Observed, Rating, Target};
/// let target: Target = Target::at_least(90.0).unit("%");
/// let a = target.assess(&Observed::value(84.0))?;
/// assert_eq!(a.rating, Some(Rating::NotFulfilled));
/// assert_eq!(a.rule, "minst 90\u{a0}% — utfall 84\u{a0}%");
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "form", rename_all = "snake_case", deny_unknown_fields)]
pub enum Target {
    /// A threshold, two colours: "minst 90 %", "100 %", "under 15 %".
    Threshold {
        /// The comparison.
        op: Op,
        /// The threshold.
        value: f64,
        /// The unit written after numbers ("%", "per 100 000"); may be empty.
        #[serde(default)]
        unit: String,
    },
    /// Three colours: green from `green`, yellow from `yellow`, red beyond.
    /// High is good when `green > yellow`, low is good when `green < yellow`;
    /// both bounds are inclusive.
    Range {
        /// Where green starts.
        green: f64,
        /// Where yellow starts.
        yellow: f64,
        /// The unit written after numbers.
        #[serde(default)]
        unit: String,
    },
    /// A direction against the same period a year earlier: "ska öka från
    /// föregående år" (a tertial against the same tertial last year).
    /// An unchanged value does not meet it unless `equal_meets`. With
    /// `significant`, a move whose confidence intervals overlap is only
    /// "partly"; without it the form has two colours.
    Direction {
        /// Increase or decrease.
        direction: Direction,
        /// Whether an unchanged value meets the target (default false).
        #[serde(default)]
        equal_meets: bool,
        /// Whether the change must be statistically significant (default false).
        #[serde(default)]
        significant: bool,
    },
    /// A relative change against a baseline period by a deadline: "halvera
    /// till 2019" against 2011–2015 is `change = -0.5`; "+20 %" is `0.2`.
    /// Fulfilled when the value reaches baseline × (1 + change); partly when
    /// it has moved from the baseline in the right direction; else not.
    Relative {
        /// The relative change, e.g. -0.5, -0.1, 0.2.
        change: f64,
        /// The baseline period, e.g. "2011–2015".
        baseline: Period,
        /// The year by which the change should be reached.
        #[serde(default)]
        deadline: Option<i32>,
        /// The unit written after numbers.
        #[serde(default)]
        unit: String,
    },
    /// Every unit must meet a threshold or range: "90 % i varje kommun".
    /// Fulfilled when all units meet it, partly when some do, else not; a
    /// unit without a value does not meet it.
    EveryUnit {
        /// The target each unit must meet (a threshold or a range).
        target: Box<Target>,
    },
    /// A significant change against the same month a year earlier in at
    /// least `at_least` of the latest `of` months ("minst 4 av 6 månader").
    /// Partly when at least one month but fewer than `at_least` qualify.
    Months {
        /// How many months must qualify.
        at_least: u32,
        /// Of how many (the latest).
        of: u32,
        /// The direction that qualifies.
        direction: Direction,
    },
    /// A yes/no question ("Har planen följts upp?"), two colours.
    YesNo {
        /// The answer that fulfils the target (default yes).
        #[serde(default = "default_true")]
        expected: bool,
    },
    /// A status value: Klart (fulfilled), Pågår (partly), Ej påbörjat (not).
    Status,
    /// The region's three-level scale for success factors: green (fulfilled),
    /// yellow (right actions planned or started), red (wrong or no actions).
    Qualitative,
}

/// What was measured, and the context some targets need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Observed {
    /// The value (a share, rate, count…).
    pub value: Option<f64>,
    /// A text value: "ja"/"nej", a status, a colour of the qualitative scale.
    pub text: Option<String>,
    /// Why the value is missing.
    pub missing: Option<MissingReason>,
    /// The previous period's value ([`Target::Direction`]).
    pub previous: Option<f64>,
    /// The comparison with the previous period judged with
    /// `Polarity::NoJudgement` (higher / lower / similar), for `significant`.
    pub vs_previous: Option<Comparison>,
    /// The baseline period's value ([`Target::Relative`]).
    pub baseline: Option<f64>,
    /// Each unit's name and value ([`Target::EveryUnit`]).
    pub units: Vec<(String, Option<f64>)>,
    /// Each month's comparison with the same month a year earlier, judged
    /// with `Polarity::NoJudgement`, oldest first ([`Target::Months`]).
    pub months: Vec<Comparison>,
}

impl Observed {
    /// An observation of a single value.
    pub fn value(value: f64) -> Self {
        Observed {
            value: Some(value),
            ..Default::default()
        }
    }

    /// A text observation (yes/no, status, qualitative).
    pub fn text(text: impl Into<String>) -> Self {
        Observed {
            text: Some(text.into()),
            ..Default::default()
        }
    }

    /// A missing value and its reason.
    pub fn missing(reason: MissingReason) -> Self {
        Observed {
            missing: Some(reason),
            ..Default::default()
        }
    }
}

/// A number for the rule's words: whole numbers from 1 000, else one
/// decimal for percentages and two for other values (trailing zeros dropped).
fn short(x: f64, unit: &str) -> String {
    let decimals = if x.abs() >= 1000.0 {
        0
    } else if unit == "%" {
        1
    } else {
        2
    };
    with_unit(x, decimals, unit)
}

fn rated(rating: Rating, rule: String) -> Assessment {
    Assessment {
        rating: Some(rating),
        missing: None,
        rule,
    }
}

fn unrated(missing: MissingReason, rule: String) -> Assessment {
    Assessment {
        rating: None,
        missing: Some(missing),
        rule,
    }
}

fn two_colour(ok: bool) -> Rating {
    if ok {
        Rating::Fulfilled
    } else {
        Rating::NotFulfilled
    }
}

impl Target {
    /// "minst `value`" (`>=`).
    pub fn at_least(value: f64) -> Target {
        Target::threshold(Op::AtLeast, value)
    }

    /// "högst `value`" (`<=`).
    pub fn at_most(value: f64) -> Target {
        Target::threshold(Op::AtMost, value)
    }

    /// "över `value`" (`>`).
    pub fn above(value: f64) -> Target {
        Target::threshold(Op::Above, value)
    }

    /// "under `value`" (`<`).
    pub fn below(value: f64) -> Target {
        Target::threshold(Op::Below, value)
    }

    fn threshold(op: Op, value: f64) -> Target {
        Target::Threshold {
            op,
            value,
            unit: String::new(),
        }
    }

    /// "ska öka" against the previous period (unchanged does not meet it).
    pub fn increase() -> Target {
        Target::Direction {
            direction: Direction::Increase,
            equal_meets: false,
            significant: false,
        }
    }

    /// "ska minska" against the previous period (unchanged does not meet it).
    pub fn decrease() -> Target {
        Target::Direction {
            direction: Direction::Decrease,
            equal_meets: false,
            significant: false,
        }
    }

    /// Set the unit written after numbers (thresholds, ranges, relative targets).
    pub fn unit(mut self, unit: &str) -> Target {
        match &mut self {
            Target::Threshold { unit: u, .. }
            | Target::Range { unit: u, .. }
            | Target::Relative { unit: u, .. } => *u = unit.to_string(),
            Target::EveryUnit { target } => **target = target.as_ref().clone().unit(unit),
            _ => {}
        }
        self
    }

    /// Check the target's own parameters.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a non-finite number, a range whose two
    /// bounds are equal, a relative change of −100 % or less, a `Months`
    /// target with `at_least` of 0 or above `of`, or an `EveryUnit` target
    /// whose inner target is not a threshold or range.
    pub fn validate(&self) -> Result<()> {
        let finite = |name: &str, v: f64| {
            if v.is_finite() {
                Ok(())
            } else {
                Err(Error::argument(name, "must be a finite number", v))
            }
        };
        match self {
            Target::Threshold { value, .. } => finite("value", *value),
            Target::Range { green, yellow, .. } => {
                finite("green", *green)?;
                finite("yellow", *yellow)?;
                if green == yellow {
                    return Err(Error::argument(
                        "yellow",
                        "a three-colour range needs different green and yellow bounds",
                        yellow,
                    ));
                }
                Ok(())
            }
            Target::Relative {
                change,
                baseline,
                deadline,
                ..
            } => {
                finite("change", *change)?;
                if *change <= -1.0 || *change == 0.0 {
                    return Err(Error::argument(
                        "change",
                        "a relative change is a non-zero fraction above −1 (−0.5 halves, 0.2 is +20 %)",
                        change,
                    ));
                }
                baseline.validate()?;
                if let Some(year) = deadline {
                    if *year < chrono::Datelike::year(&baseline.end()) {
                        return Err(Error::argument(
                            "deadline",
                            &format!(
                                "the deadline must not be before the baseline period {baseline}"
                            ),
                            year,
                        ));
                    }
                }
                Ok(())
            }
            Target::EveryUnit { target } => match target.as_ref() {
                Target::Threshold { .. } | Target::Range { .. } => target.validate(),
                other => Err(Error::argument(
                    "target",
                    "every-unit targets take a threshold or a range for each unit",
                    format!("{other:?}"),
                )),
            },
            Target::Months { at_least, of, .. } => {
                if *at_least == 0 || at_least > of {
                    return Err(Error::argument(
                        "at_least",
                        &format!("must be between 1 and `of` ({of})"),
                        at_least,
                    ));
                }
                Ok(())
            }
            Target::Direction { .. }
            | Target::YesNo { .. }
            | Target::Status
            | Target::Qualitative => Ok(()),
        }
    }

    /// The rule in Swedish words, without the outcome.
    pub fn words(&self) -> String {
        match self {
            Target::Threshold { op, value, unit } => {
                format!("{} {}", op.swedish(), short(*value, unit))
            }
            Target::Range {
                green,
                yellow,
                unit,
            } => {
                let (g, y) = (short(*green, unit), short(*yellow, unit));
                if green > yellow {
                    format!("grönt från {g}, gult från {y}")
                } else {
                    format!("grönt till och med {g}, gult till och med {y}")
                }
            }
            Target::Direction {
                direction,
                equal_meets,
                significant,
            } => {
                let mut w = format!(
                    "ska {} jämfört med samma period föregående år",
                    direction.swedish()
                );
                if *significant {
                    w.push_str(" (signifikant)");
                }
                if *equal_meets {
                    w.push_str(" (oförändrat räcker)");
                }
                w
            }
            Target::Relative {
                change,
                baseline,
                deadline,
                ..
            } => {
                let by = deadline.map(|y| format!(" till {y}")).unwrap_or_default();
                let change_words = if (*change + 0.5).abs() < 1e-12 {
                    "halvera".to_string()
                } else {
                    let sign = if *change > 0.0 { "+" } else { "" };
                    format!("{sign}{}", with_unit(change * 100.0, 1, "%"))
                };
                format!("{change_words} mot {baseline}{by}")
            }
            Target::EveryUnit { target } => format!("{} i varje enhet", target.words()),
            Target::Months {
                at_least,
                of,
                direction,
            } => {
                let kind = match direction {
                    Direction::Increase => "ökning",
                    Direction::Decrease => "minskning",
                };
                format!("signifikant {kind} mot samma månad föregående år i minst {at_least} av {of} månader")
            }
            Target::YesNo { expected } => if *expected { "ja" } else { "nej" }.to_string(),
            Target::Status => "klart".to_string(),
            Target::Qualitative => "grön (rätt åtgärder genomförda)".to_string(),
        }
    }

    /// Rate an observation against the target.
    ///
    /// A missing value gives no rating but its reason; context the target
    /// needs (the previous or baseline value) that is missing gives no
    /// rating and the reason "not measurable", with the rule saying what was
    /// missing.
    ///
    /// # Errors
    /// An invalid target (see [`Target::validate`]), a missing value without
    /// a reason, or a text value the form does not know.
    pub fn assess(&self, observed: &Observed) -> Result<Assessment> {
        self.validate()?;
        let words = self.words();
        let needs_text = matches!(
            self,
            Target::YesNo { .. } | Target::Status | Target::Qualitative
        );
        let uses_units_or_months = matches!(self, Target::EveryUnit { .. } | Target::Months { .. });
        if let Some(reason) = observed.missing {
            return Ok(unrated(reason, format!("{words} — {}", reason.swedish())));
        }
        if !uses_units_or_months {
            let present = if needs_text {
                observed.text.is_some()
            } else {
                observed.value.is_some()
            };
            if !present {
                return Err(Error::argument(
                    "missing",
                    "a missing value needs its reason (not_reported, not_measurable, \
                     not_yet_published, measured_at_year_end, suppressed)",
                    "no value and no reason",
                ));
            }
        }
        let value = observed.value.unwrap_or(f64::NAN);
        let outcome = |unit: &str| format!("{words} — utfall {}", short(value, unit));
        Ok(match self {
            Target::Threshold { op, value: t, unit } => {
                rated(two_colour(op.holds(value, *t)), outcome(unit))
            }
            Target::Range {
                green,
                yellow,
                unit,
            } => rated(range_rating(value, *green, *yellow), outcome(unit)),
            Target::Direction {
                direction,
                equal_meets,
                significant,
            } => {
                let Some(previous) = observed.previous else {
                    return Ok(unrated(
                        MissingReason::NotMeasurable,
                        format!("{} — föregående värde saknas", outcome("")),
                    ));
                };
                let moved = direction.moved(previous, value) || (*equal_meets && value == previous);
                let rule = format!(
                    "{} (samma period föregående år {})",
                    outcome(""),
                    short(previous, "")
                );
                let rating = match (moved, *significant, observed.vs_previous) {
                    (false, _, _) => Rating::NotFulfilled,
                    (true, false, _) => Rating::Fulfilled,
                    (true, true, Some(c)) if c == significant_towards(*direction) => {
                        Rating::Fulfilled
                    }
                    (true, true, Some(Comparison::NotCompared) | None) => {
                        return Ok(unrated(
                            MissingReason::NotMeasurable,
                            format!("{rule} — konfidensintervall saknas"),
                        ))
                    }
                    (true, true, Some(_)) => Rating::Partly,
                };
                rated(rating, rule)
            }
            Target::Relative { change, unit, .. } => {
                let Some(base) = observed.baseline else {
                    return Ok(unrated(
                        MissingReason::NotMeasurable,
                        format!("{} — basvärde saknas", outcome(unit)),
                    ));
                };
                let goal = base * (1.0 + change);
                let direction = if *change < 0.0 {
                    Direction::Decrease
                } else {
                    Direction::Increase
                };
                let reached = if *change < 0.0 {
                    value <= goal
                } else {
                    value >= goal
                };
                let rating = if reached {
                    Rating::Fulfilled
                } else if direction.moved(base, value) {
                    Rating::Partly
                } else {
                    Rating::NotFulfilled
                };
                let rule = format!(
                    "{words} (målvärde {}) — utfall {} (basvärde {})",
                    short(goal, unit),
                    short(value, unit),
                    short(base, unit)
                );
                rated(rating, rule)
            }
            Target::EveryUnit { target } => every_unit(target, &observed.units, &words)?,
            Target::Months {
                at_least,
                of,
                direction,
            } => {
                let latest = &observed.months[observed.months.len().saturating_sub(*of as usize)..];
                if latest.is_empty() {
                    return Ok(unrated(
                        MissingReason::NotMeasurable,
                        format!("{words} — månadsvärden saknas"),
                    ));
                }
                let wanted = significant_towards(*direction);
                let hits = latest.iter().filter(|c| **c == wanted).count() as u32;
                let rating = if hits >= *at_least {
                    Rating::Fulfilled
                } else if hits > 0 {
                    Rating::Partly
                } else {
                    Rating::NotFulfilled
                };
                rated(
                    rating,
                    format!("{words} — {hits} av {} månader", latest.len()),
                )
            }
            Target::YesNo { expected } => {
                let text = observed.text.as_deref().unwrap_or_default();
                let answer = yes_no(text)?;
                let said = if answer { "ja" } else { "nej" };
                rated(
                    two_colour(answer == *expected),
                    format!("{words} — utfall {said}"),
                )
            }
            Target::Status => {
                let text = observed.text.as_deref().unwrap_or_default();
                rated(
                    status(text)?,
                    format!("{words} — utfall {}", text.trim().to_lowercase()),
                )
            }
            Target::Qualitative => {
                let text = observed.text.as_deref().unwrap_or_default();
                rated(
                    colour(text)?,
                    format!("{words} — utfall {}", text.trim().to_lowercase()),
                )
            }
        })
    }
}

/// The comparison (judged without polarity) that counts as a significant move.
fn significant_towards(direction: Direction) -> Comparison {
    match direction {
        Direction::Increase => Comparison::Higher,
        Direction::Decrease => Comparison::Lower,
    }
}

fn range_rating(value: f64, green: f64, yellow: f64) -> Rating {
    let good_from = |bound: f64| {
        if green > yellow {
            value >= bound
        } else {
            value <= bound
        }
    };
    if good_from(green) {
        Rating::Fulfilled
    } else if good_from(yellow) {
        Rating::Partly
    } else {
        Rating::NotFulfilled
    }
}

fn every_unit(target: &Target, units: &[(String, Option<f64>)], words: &str) -> Result<Assessment> {
    if units.is_empty() {
        return Ok(unrated(
            MissingReason::NotMeasurable,
            format!("{words} — inga enheter"),
        ));
    }
    let mut failing = Vec::new();
    for (name, value) in units {
        let ok = match value {
            Some(v) => target.assess(&Observed::value(*v))?.rating == Some(Rating::Fulfilled),
            None => false,
        };
        if !ok {
            failing.push(match value {
                Some(v) => format!("{name} {}", short(*v, unit_of(target))),
                None => format!("{name} saknas"),
            });
        }
    }
    let passing = units.len() - failing.len();
    let rating = if failing.is_empty() {
        Rating::Fulfilled
    } else if passing > 0 {
        Rating::Partly
    } else {
        Rating::NotFulfilled
    };
    let mut rule = format!("{words} — {passing} av {} uppfyller", units.len());
    if !failing.is_empty() {
        rule.push_str(&format!(" (ej: {})", failing.join(", ")));
    }
    Ok(rated(rating, rule))
}

fn unit_of(target: &Target) -> &str {
    match target {
        Target::Threshold { unit, .. }
        | Target::Range { unit, .. }
        | Target::Relative { unit, .. } => unit,
        _ => "",
    }
}

fn text_error(form: &str, accepted: &str, text: &str) -> Error {
    Error::argument(
        "text",
        &format!("a {form} value must be {accepted}"),
        format!("{text:?}"),
    )
}

fn yes_no(text: &str) -> Result<bool> {
    match text.trim().to_lowercase().as_str() {
        "ja" | "yes" | "true" | "1" => Ok(true),
        "nej" | "no" | "false" | "0" => Ok(false),
        _ => Err(text_error("yes/no", "ja/nej (or yes/no, true/false)", text)),
    }
}

fn status(text: &str) -> Result<Rating> {
    match text.trim().to_lowercase().as_str() {
        "klart" | "klar" | "done" => Ok(Rating::Fulfilled),
        "pågår" | "in progress" | "started" => Ok(Rating::Partly),
        "ej påbörjat" | "ej påbörjad" | "not started" => Ok(Rating::NotFulfilled),
        _ => Err(text_error("status", "Klart, Pågår or Ej påbörjat", text)),
    }
}

fn colour(text: &str) -> Result<Rating> {
    match text.trim().to_lowercase().as_str() {
        "grön" | "green" => Ok(Rating::Fulfilled),
        "gul" | "yellow" => Ok(Rating::Partly),
        "röd" | "red" => Ok(Rating::NotFulfilled),
        _ => Err(text_error(
            "qualitative",
            "grön, gul or röd (green, yellow, red)",
            text,
        )),
    }
}
