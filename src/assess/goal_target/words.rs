//! A target in the Swedish words of the region's reports ("minst 90 %",
//! "ska öka jämfört med samma period föregående år").

use super::{Direction, Target};
use crate::period::MONTH_NAMES;
use crate::text::with_unit;

/// The calendar months from `first` (1–12), `of` of them: "april–september".
pub(crate) fn month_span(first: u32, of: u32) -> String {
    let name = |m: u32| MONTH_NAMES[(m.clamp(1, 12) - 1) as usize];
    if of <= 1 {
        name(first).to_string()
    } else {
        format!("{}–{}", name(first), name(first + of - 1))
    }
}

/// A number for the rule's words: whole numbers from 1 000, else one
/// decimal for percentages and two for other values (trailing zeros dropped).
pub(super) fn short(x: f64, unit: &str) -> String {
    let decimals = if x.abs() >= 1000.0 {
        0
    } else if unit == "%" {
        1
    } else {
        2
    };
    with_unit(x, decimals, unit)
}

impl Target {
    /// The rule in Swedish words, without the outcome.
    ///
    /// Three targets of the plans as the delårsbokslut writes them:
    ///
    /// ```
    /// use indikator::{Direction, Target};
    ///
    /// let range = Target::Range { green: 90.0, yellow: 80.0, unit: "%".into() };
    /// assert_eq!(range.words(), "grönt från 90\u{a0}%, gult från 80\u{a0}%");
    /// assert_eq!(Target::increase().words(), "ska öka jämfört med samma period föregående år");
    /// let summer = Target::Months { at_least: 4, of: 6, direction: Direction::Decrease, from_month: Some(4) };
    /// assert_eq!(
    ///     summer.words(),
    ///     "signifikant minskning mot samma månad föregående år i minst 4 av 6 månader (april–september)"
    /// );
    /// ```
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
                from_month,
            } => {
                let kind = match direction {
                    Direction::Increase => "ökning",
                    Direction::Decrease => "minskning",
                };
                let which = from_month
                    .map(|m| format!(" ({})", month_span(m, *of)))
                    .unwrap_or_default();
                format!(
                    "signifikant {kind} mot samma månad föregående år i minst {at_least} av {of} \
                     månader{which}"
                )
            }
            Target::YesNo { expected } => if *expected { "ja" } else { "nej" }.to_string(),
            Target::Status => "klart".to_string(),
            Target::Qualitative => "grön (rätt åtgärder genomförda)".to_string(),
        }
    }
}
