//! Rating an observation against a target: the colour, the rating and the
//! rule with its outcome, or the reason there is none.

use super::super::compare::Comparison;
use super::super::rating::{Assessment, MissingReason, Rating};
use super::words::short;
use super::{Direction, Observed, Target};
use crate::error::{Error, Result};

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
    ///
    /// # Example
    /// Readmissions should decrease, but last year's value is not at hand:
    /// no rating, "not measurable", and the rule says why. A value missing
    /// without a reason is an error:
    ///
    /// ```
    /// use indikator::{Error, MissingReason, Observed, Target};
    ///
    /// let a = Target::decrease().assess(&Observed::value(14.2))?;
    /// assert_eq!((a.rating, a.missing), (None, Some(MissingReason::NotMeasurable)));
    /// assert!(a.rule.ends_with("föregående värde saknas"));
    /// let unexplained = Target::at_least(90.0).assess(&Observed::default());
    /// assert!(matches!(unexplained, Err(Error::InvalidArgument { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
                ..
            } => months(&observed.months, &[], *at_least, *of, *direction, &words),
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

/// Rate a months target on each month's comparison, oldest first, with
/// the months' names (`labels`, one per comparison, or none) to say which
/// qualified and which could not be compared.
///
/// # Errors
/// A target that is not [`Target::Months`], or an invalid one.
pub(crate) fn months_rating(
    target: &Target,
    comparisons: &[Comparison],
    labels: &[String],
) -> Result<Assessment> {
    target.validate()?;
    match target {
        Target::Months {
            at_least,
            of,
            direction,
            ..
        } => Ok(months(
            comparisons,
            labels,
            *at_least,
            *of,
            *direction,
            &target.words(),
        )),
        other => Err(Error::argument("target", "a months target", other.words())),
    }
}

/// The latest `of` months rated: at least `at_least` significant moves in
/// `direction` fulfil it, fewer but some are partly, none not; a month not
/// compared counts as no move and is said; fewer than `of` months is not
/// measurable.
fn months(
    comparisons: &[Comparison],
    labels: &[String],
    at_least: u32,
    of: u32,
    direction: Direction,
    words: &str,
) -> Assessment {
    let of = of as usize;
    if comparisons.len() < of {
        return unrated(
            MissingReason::NotMeasurable,
            format!(
                "{words} — {} av {of} månader jämförda med samma månad föregående år; serien är \
                 för kort",
                comparisons.len()
            ),
        );
    }
    let start = comparisons.len() - of;
    let latest = &comparisons[start..];
    let named = |wanted: Comparison| -> Vec<&str> {
        latest
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == wanted)
            .filter_map(|(i, _)| labels.get(start + i).map(String::as_str))
            .collect()
    };
    let wanted = significant_towards(direction);
    let hits = latest.iter().filter(|c| **c == wanted).count() as u32;
    let rating = if hits >= at_least {
        Rating::Fulfilled
    } else if hits > 0 {
        Rating::Partly
    } else {
        Rating::NotFulfilled
    };
    let mut rule = format!("{words} — {hits} av {of} månader");
    let qualified = named(wanted);
    if !qualified.is_empty() {
        rule.push_str(&format!(" ({})", qualified.join(", ")));
    }
    let missing = latest
        .iter()
        .filter(|c| **c == Comparison::NotCompared)
        .count();
    if missing > 0 {
        let which = named(Comparison::NotCompared);
        let which = if which.is_empty() {
            String::new()
        } else {
            format!(": {}", which.join(", "))
        };
        rule.push_str(&format!(
            "; {missing} {} utan jämförelse räknas som ej signifikant{which}",
            if missing == 1 { "månad" } else { "månader" }
        ));
    }
    rated(rating, rule)
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
