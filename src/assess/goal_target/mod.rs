//! The target forms of the region's plans and how each is rated.
//!
//! Every form is plain data (serde, tagged by `form`), so the TOML catalogue
//! can hold it: `{ form = "threshold", op = ">=", value = 90, unit = "%" }`.
//! Two-colour forms (a single threshold, a plain direction, yes/no) never
//! give "partly"; the others do, as each variant documents.
//!
//! `mod.rs` holds the forms and what is observed; `words.rs` says a target
//! in Swedish; `rating.rs` rates an observation against it.

mod rating;
mod words;

pub(crate) use rating::months_rating;
pub(crate) use words::month_span;

use serde::{Deserialize, Serialize};

use super::compare::Comparison;
use super::rating::MissingReason;
use crate::error::{Error, Result};
use crate::period::Period;

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
    pub(super) fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Op::AtLeast => value >= threshold,
            Op::AtMost => value <= threshold,
            Op::Above => value > threshold,
            Op::Below => value < threshold,
        }
    }

    pub(super) fn swedish(self) -> &'static str {
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
    pub(super) fn swedish(self) -> &'static str {
        match self {
            Direction::Increase => "öka",
            Direction::Decrease => "minska",
        }
    }

    pub(super) fn moved(self, from: f64, to: f64) -> bool {
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
    /// least `at_least` of `of` months ("minst 4 av 6 månader"): the latest
    /// `of` months, or `of` months from the calendar month `from_month`
    /// ("april–september": `from_month = 4`, `of = 6`). Partly when at
    /// least one month but fewer than `at_least` qualify; a month that
    /// cannot be compared does not qualify. Fewer than `of` months is "not
    /// measurable". A result table is rated with
    /// [`assess_months`](crate::assess_months), which tests each month.
    Months {
        /// How many months must qualify.
        at_least: u32,
        /// Of how many (1–12).
        of: u32,
        /// The direction that qualifies.
        direction: Direction,
        /// The first calendar month (1–12) of the months, which must end
        /// within the year; absent: the latest `of` months.
        #[serde(default)]
        from_month: Option<u32>,
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
    /// with `Polarity::NoJudgement`, oldest first ([`Target::Months`]); a
    /// month that could not be compared is `Comparison::NotCompared`.
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
    /// target with `at_least` of 0 or above `of`, `of` above 12, or months
    /// from `from_month` that pass the year's end, or an `EveryUnit` target
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
            Target::Months {
                at_least,
                of,
                from_month,
                ..
            } => {
                if !(1..=12).contains(of) {
                    return Err(Error::argument(
                        "of",
                        "the months compared with the same month a year earlier are 1–12",
                        of,
                    ));
                }
                if *at_least == 0 || at_least > of {
                    return Err(Error::argument(
                        "at_least",
                        &format!("must be between 1 and `of` ({of})"),
                        at_least,
                    ));
                }
                if let Some(first) = from_month {
                    if !(1..=12).contains(first) || first + of - 1 > 12 {
                        return Err(Error::argument(
                            "from_month",
                            &format!(
                                "a calendar month 1–12 from which the {of} months end within the \
                                 year (at most {})",
                                13 - of
                            ),
                            first,
                        ));
                    }
                }
                Ok(())
            }
            Target::Direction { .. }
            | Target::YesNo { .. }
            | Target::Status
            | Target::Qualitative => Ok(()),
        }
    }
}
