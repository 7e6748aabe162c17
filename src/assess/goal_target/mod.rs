//! The target forms of the region's plans and how each is rated.
//!
//! Every form is plain data (serde, tagged by `form`), so the TOML catalogue
//! can hold it: `{ form = "threshold", op = ">=", value = 90, unit = "%" }`.
//! Two-colour forms (a single threshold, a plain direction, yes/no) never
//! give "partly"; the others do, as each variant documents.
//!
//! `mod.rs` holds the forms and what is observed; `words.rs` says a target
//! in Swedish; `rating.rs` rates an observation against it.
//!
//! Over 500 lines with its documentation: 337 lines of code and 380 of doc
//! comments (every public item and method carries a runnable example).

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
///
/// "Under 15 %" of the patients 65 and over readmitted within 30 days is
/// not met by 15 %; "högst 15 %" is:
///
/// ```
/// use indikator::{Observed, Op, Rating, Target};
///
/// let threshold = |op| Target::Threshold { op, value: 15.0, unit: "%".into() };
/// let below = threshold(Op::Below).assess(&Observed::value(15.0))?;
/// assert_eq!(below.rating, Some(Rating::NotFulfilled));
/// let at_most = threshold(Op::AtMost).assess(&Observed::value(15.0))?;
/// assert_eq!(at_most.rating, Some(Rating::Fulfilled));
/// assert_eq!(at_most.rule, "högst 15\u{a0}% — utfall 15\u{a0}%");
/// // `Target::at_most(15.0)` is the same threshold.
/// assert_eq!(Target::at_most(15.0).unit("%"), threshold(Op::AtMost));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
///
/// "Ska minska": readmissions within 30 days, 14.2 % this tertial against
/// 15.1 % in the same tertial last year:
///
/// ```
/// use indikator::{Direction, Observed, Rating, Target};
///
/// let target = Target::Direction {
///     direction: Direction::Decrease,
///     equal_meets: false,
///     significant: false,
/// };
/// let observed = Observed::value(14.2).previous(15.1);
/// assert_eq!(target.assess(&observed)?.rating, Some(Rating::Fulfilled));
/// assert_eq!(target, Target::decrease());
/// // The catalogue's words read back, in English or Swedish.
/// assert_eq!("minska".parse::<Direction>()?, Direction::Decrease);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
#[non_exhaustive]
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
///
/// The share of SIP followed up should rise significantly: 62 % this
/// tertial against 58 % a year earlier, but the intervals overlap; and a
/// kommun that did not report gets its reason instead of a rating:
///
/// ```
/// use indikator::{Comparison, Direction, MissingReason, Observed, Rating, Target};
///
/// let target = Target::Direction { direction: Direction::Increase, equal_meets: false, significant: true };
/// let observed = Observed::value(62.0).previous(58.0).vs_previous(Comparison::Similar);
/// assert_eq!(target.assess(&observed)?.rating, Some(Rating::Partly));
/// let unreported = target.assess(&Observed::missing(MissingReason::NotReported))?;
/// assert_eq!((unreported.rating, unreported.swedish()), (None, "ej rapporterat"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
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

crate::setters::setters!(Observed {
    /// The previous period's value ([`Target::Direction`]).
    ///
    /// Readmissions within 30 days should decrease: 14.2 % this tertial
    /// against 15.1 % in the same tertial last year:
    ///
    /// ```
    /// use indikator::{Observed, Rating, Target};
    ///
    /// let observed = Observed::value(14.2).previous(15.1);
    /// assert_eq!(observed.previous, Some(15.1));
    /// assert_eq!(Target::decrease().assess(&observed)?.rating, Some(Rating::Fulfilled));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    some previous: f64,
    /// The comparison with the previous period judged with
    /// `Polarity::NoJudgement` (higher / lower / similar), for `significant`.
    ///
    /// The share of SIP followed up should rise significantly: 62 % against
    /// 58 % a year earlier is fulfilled only if the rise is significant:
    ///
    /// ```
    /// use indikator::{Comparison, Direction, Observed, Rating, Target};
    ///
    /// let target = Target::Direction { direction: Direction::Increase, equal_meets: false, significant: true };
    /// let rose = Observed::value(62.0).previous(58.0);
    /// let significant = rose.clone().vs_previous(Comparison::Higher);
    /// assert_eq!(target.assess(&significant)?.rating, Some(Rating::Fulfilled));
    /// let overlapping = rose.vs_previous(Comparison::Similar);
    /// assert_eq!(target.assess(&overlapping)?.rating, Some(Rating::Partly));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    some vs_previous: Comparison,
    /// The baseline period's value ([`Target::Relative`]).
    ///
    /// Suicide should be halved by 2030 against 2011–2015: 12.0 per 100 000
    /// against a baseline of 18.0 has moved the right way but not reached
    /// 9.0:
    ///
    /// ```
    /// use indikator::{Observed, Rating, Target};
    ///
    /// let target = Target::Relative {
    ///     change: -0.5,
    ///     baseline: "2011–2015".parse()?,
    ///     deadline: Some(2030),
    ///     unit: "per 100 000".into(),
    /// };
    /// let a = target.assess(&Observed::value(12.0).baseline(18.0))?;
    /// assert_eq!(a.rating, Some(Rating::Partly));
    /// assert!(a.rule.contains("målvärde 9"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    some baseline: f64,
    /// Each unit's name and value ([`Target::EveryUnit`]).
    ///
    /// At least 90 % within the vårdgaranti in every kommun: Krokom falls
    /// short and Berg has no value, so the target is partly met:
    ///
    /// ```
    /// use indikator::{Observed, Rating, Target};
    ///
    /// let target = Target::EveryUnit { target: Box::new(Target::at_least(90.0).unit("%")) };
    /// let observed = Observed::default().units(vec![
    ///     ("Östersund".to_string(), Some(92.0)),
    ///     ("Krokom".to_string(), Some(88.5)),
    ///     ("Berg".to_string(), None),
    /// ]);
    /// let a = target.assess(&observed)?;
    /// assert_eq!(a.rating, Some(Rating::Partly));
    /// assert!(a.rule.contains("1 av 3 uppfyller"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    units: Vec<(String, Option<f64>)>,
    /// Each month's comparison with the same month a year earlier, judged
    /// with `Polarity::NoJudgement`, oldest first ([`Target::Months`]); a
    /// month that could not be compared is `Comparison::NotCompared`.
    ///
    /// Waits should fall significantly in at least 4 of the latest 6
    /// months; 4 did, one could not be compared:
    ///
    /// ```
    /// use indikator::{Comparison, Direction, Observed, Rating, Target};
    /// use Comparison::{Lower, NotCompared, Similar};
    ///
    /// let target = Target::Months { at_least: 4, of: 6, direction: Direction::Decrease, from_month: None };
    /// let observed = Observed::default().months(vec![Lower, Lower, Similar, Lower, Lower, NotCompared]);
    /// let a = target.assess(&observed)?;
    /// assert_eq!(a.rating, Some(Rating::Fulfilled));
    /// assert!(a.rule.contains("4 av 6 månader"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    months: Vec<Comparison>,
});

impl Observed {
    /// An observation of a single value.
    ///
    /// The share operated within 90 days, 84 %, against at least 90 %:
    ///
    /// ```
    /// use indikator::{Observed, Rating, Target};
    ///
    /// let observed = Observed::value(84.0);
    /// assert_eq!((observed.value, observed.text.as_deref()), (Some(84.0), None));
    /// let a = Target::at_least(90.0).unit("%").assess(&observed)?;
    /// assert_eq!(a.rating, Some(Rating::NotFulfilled));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value(value: f64) -> Self {
        Observed {
            value: Some(value),
            ..Default::default()
        }
    }

    /// A text observation (yes/no, status, qualitative).
    ///
    /// "Har planen följts upp?" answered "Ja", and an action still under way:
    ///
    /// ```
    /// use indikator::{Observed, Rating, Target};
    ///
    /// let followed_up = Target::YesNo { expected: true }.assess(&Observed::text("Ja"))?;
    /// assert_eq!(followed_up.rating, Some(Rating::Fulfilled));
    /// let action = Target::Status.assess(&Observed::text("Pågår"))?;
    /// assert_eq!(action.rating, Some(Rating::Partly));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(text: impl Into<String>) -> Self {
        Observed {
            text: Some(text.into()),
            ..Default::default()
        }
    }

    /// A missing value and its reason.
    ///
    /// The cause-of-death register has not yet published the year: no
    /// rating, the reason instead:
    ///
    /// ```
    /// use indikator::{MissingReason, Observed, Target};
    ///
    /// let observed = Observed::missing(MissingReason::NotYetPublished);
    /// let a = Target::below(15.0).assess(&observed)?;
    /// assert_eq!((a.rating, a.missing), (None, Some(MissingReason::NotYetPublished)));
    /// assert_eq!(a.swedish(), "ännu ej publicerat");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn missing(reason: MissingReason) -> Self {
        Observed {
            missing: Some(reason),
            ..Default::default()
        }
    }
}

impl Target {
    /// "minst `value`" (`>=`).
    ///
    /// At least 90 % of the patients operated within the vårdgaranti's 90
    /// days; exactly 90 % meets it:
    ///
    /// ```
    /// use indikator::{Observed, Op, Rating, Target};
    ///
    /// let target = Target::at_least(90.0).unit("%");
    /// assert_eq!(target, Target::Threshold { op: Op::AtLeast, value: 90.0, unit: "%".into() });
    /// assert_eq!(target.assess(&Observed::value(90.0))?.rating, Some(Rating::Fulfilled));
    /// assert_eq!(target.words(), "minst 90\u{a0}%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at_least(value: f64) -> Target {
        Target::threshold(Op::AtLeast, value)
    }

    /// "högst `value`" (`<=`).
    ///
    /// At most 15 % of the patients 65 and over readmitted within 30 days:
    ///
    /// ```
    /// use indikator::{Observed, Rating, Target};
    ///
    /// let target = Target::at_most(15.0).unit("%");
    /// assert_eq!(target.assess(&Observed::value(15.0))?.rating, Some(Rating::Fulfilled));
    /// assert_eq!(target.assess(&Observed::value(15.1))?.rating, Some(Rating::NotFulfilled));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at_most(value: f64) -> Target {
        Target::threshold(Op::AtMost, value)
    }

    /// "över `value`" (`>`).
    ///
    /// Over 80 % of the calls to 1177 answered: exactly 80 % does not meet it:
    ///
    /// ```
    /// use indikator::{Observed, Rating, Target};
    ///
    /// let target = Target::above(80.0).unit("%");
    /// assert_eq!(target.assess(&Observed::value(80.0))?.rating, Some(Rating::NotFulfilled));
    /// assert_eq!(target.assess(&Observed::value(80.5))?.rating, Some(Rating::Fulfilled));
    /// assert_eq!(target.words(), "över 80\u{a0}%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn above(value: f64) -> Target {
        Target::threshold(Op::Above, value)
    }

    /// "under `value`" (`<`).
    ///
    /// Suicide under 15 per 100 000 (five-year average): 15.0 does not meet it:
    ///
    /// ```
    /// use indikator::{Observed, Rating, Target};
    ///
    /// let target = Target::below(15.0).unit("per 100 000");
    /// let a = target.assess(&Observed::value(15.0))?;
    /// assert_eq!(a.rating, Some(Rating::NotFulfilled));
    /// assert_eq!(a.rule, "under 15\u{a0}per 100 000 — utfall 15\u{a0}per 100 000");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// The number of SIP held should increase: 212 against 198 in the same
    /// tertial last year meets it, an unchanged 198 does not:
    ///
    /// ```
    /// use indikator::{Observed, Rating, Target};
    ///
    /// let target = Target::increase();
    /// assert_eq!(target.assess(&Observed::value(212.0).previous(198.0))?.rating, Some(Rating::Fulfilled));
    /// assert_eq!(target.assess(&Observed::value(198.0).previous(198.0))?.rating, Some(Rating::NotFulfilled));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn increase() -> Target {
        Target::Direction {
            direction: Direction::Increase,
            equal_meets: false,
            significant: false,
        }
    }

    /// "ska minska" against the previous period (unchanged does not meet it).
    ///
    /// Fall injuries 65+ per 1 000 should decrease; 32.5 against 31.8 a
    /// year earlier does not:
    ///
    /// ```
    /// use indikator::{Observed, Rating, Target};
    ///
    /// let target = Target::decrease();
    /// assert_eq!(target.words(), "ska minska jämfört med samma period föregående år");
    /// let a = target.assess(&Observed::value(32.5).previous(31.8))?;
    /// assert_eq!(a.rating, Some(Rating::NotFulfilled));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decrease() -> Target {
        Target::Direction {
            direction: Direction::Decrease,
            equal_meets: false,
            significant: false,
        }
    }

    /// Set the unit written after numbers (thresholds, ranges, relative targets).
    ///
    /// The unit appears in the rule's words; on an every-unit target it goes
    /// to the target each kommun must meet:
    ///
    /// ```
    /// use indikator::Target;
    ///
    /// assert_eq!(Target::at_least(90.0).unit("%").words(), "minst 90\u{a0}%");
    /// assert_eq!(Target::at_most(15.0).words(), "högst 15");
    /// let every = Target::EveryUnit { target: Box::new(Target::at_least(90.0)) }.unit("%");
    /// assert_eq!(every.words(), "minst 90\u{a0}% i varje enhet");
    /// ```
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
    ///
    /// # Example
    /// "April–september" is six months from month 4; from month 8 they
    /// would pass the year's end. A range needs two different bounds:
    ///
    /// ```
    /// use indikator::{Direction, Error, Target};
    ///
    /// let months = |from| Target::Months { at_least: 4, of: 6, direction: Direction::Decrease, from_month: Some(from) };
    /// assert!(months(4).validate().is_ok());
    /// assert!(matches!(months(8).validate(), Err(Error::InvalidArgument { .. })));
    /// let flat = Target::Range { green: 90.0, yellow: 90.0, unit: "%".into() };
    /// assert!(matches!(flat.validate(), Err(Error::InvalidArgument { .. })));
    /// ```
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
