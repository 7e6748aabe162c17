//! Checking records against the rules of an indicator (an error, or the
//! records excluded and counted in the data-quality table), and the checks
//! of the options every family shares: the split of the period, days, the
//! extraction date, the period the records cover, reserved group names.

use chrono::NaiveDate;
use polars::prelude::*;

use super::columns::{date_of, day_number};
use crate::care::options::InvalidRecords;
use crate::error::{Error, Result};
use crate::period::{Period, PeriodKind};

/// The data-quality table of one computation: a count per rule.
#[derive(Debug, Default)]
pub(crate) struct Quality {
    rules: Vec<String>,
    counts: Vec<u64>,
}

impl Quality {
    /// Record `count` under `rule`.
    pub fn push(&mut self, rule: impl Into<String>, count: usize) {
        self.rules.push(rule.into());
        self.counts.push(count as u64);
    }

    /// `rule` and `count`.
    pub fn frame(self) -> Result<DataFrame> {
        Ok(DataFrame::new(
            self.rules.len(),
            vec![
                Column::new("rule".into(), self.rules),
                Column::new("count".into(), self.counts),
            ],
        )?)
    }
}

/// The rules records are checked against, row by row. With
/// [`InvalidRecords::Error`] the first broken rule is an error naming the
/// column, the rule, the value and the row; with
/// [`InvalidRecords::Exclude`] the row is left out and counted under
/// "excluded: <rule>".
pub(crate) struct Checks<'q> {
    mode: InvalidRecords,
    quality: &'q mut Quality,
    /// Whether each row is still kept.
    pub kept: Vec<bool>,
}

impl<'q> Checks<'q> {
    /// Checks over `rows` records.
    pub fn new(rows: usize, mode: InvalidRecords, quality: &'q mut Quality) -> Self {
        Checks {
            mode,
            quality,
            kept: vec![true; rows],
        }
    }

    /// Check one rule on every row still kept: `broken(i)` gives the value
    /// to show when row `i` breaks it.
    pub fn rule(
        &mut self,
        column: &str,
        rule: &str,
        mut broken: impl FnMut(usize) -> Option<String>,
    ) -> Result<()> {
        const EXCLUDE_HINT: &str = "to leave such records out and count them, exclude invalid \
            records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python";
        let mut count = 0;
        for i in 0..self.kept.len() {
            if !self.kept[i] {
                continue;
            }
            if let Some(value) = broken(i) {
                if self.mode == InvalidRecords::Error {
                    return Err(Error::data(
                        column,
                        &format!("{rule} ({EXCLUDE_HINT})"),
                        value,
                        format!("in row {i}"),
                    ));
                }
                self.kept[i] = false;
                count += 1;
            }
        }
        if self.mode == InvalidRecords::Exclude {
            self.quality.push(format!("excluded: {rule}"), count);
        }
        Ok(())
    }

    /// Reject rows where `missing(i)`: "`what` must be present".
    pub fn present(
        &mut self,
        column: &str,
        what: &str,
        missing: impl Fn(usize) -> bool,
    ) -> Result<()> {
        self.rule(column, &format!("{what} must be present"), |i| {
            missing(i).then(|| "a missing value".to_string())
        })
    }

    /// Ages must be present, finite and 0 or more.
    pub fn ages(&mut self, column: &str, ages: &[Option<f64>]) -> Result<()> {
        self.rule(
            column,
            "ages must be present and 0 or more",
            |i| match ages[i] {
                Some(a) if a >= 0.0 && a.is_finite() => None,
                Some(a) => Some(a.to_string()),
                None => Some("a missing value".into()),
            },
        )
    }

    /// `end` (in `column`) must not be before `start`, the `rule` saying so.
    pub fn ordered(
        &mut self,
        column: &str,
        rule: &str,
        start: &[Option<i32>],
        end: &[Option<i32>],
    ) -> Result<()> {
        self.rule(column, rule, |i| match (start[i], end[i]) {
            (Some(a), Some(b)) if b < a => Some(format!("{} before {}", date_of(b), date_of(a))),
            _ => None,
        })
    }

    /// Dates must not be after the extraction date `as_of`.
    pub fn not_after(
        &mut self,
        column: &str,
        days: &[Option<i32>],
        as_of: NaiveDate,
    ) -> Result<()> {
        let last = day_number(as_of);
        self.rule(
            column,
            &format!("dates must not be after the extraction date as_of = {as_of}"),
            |i| {
                days[i]
                    .filter(|d| *d > last)
                    .map(|d| date_of(d).to_string())
            },
        )
    }

    /// Reject missing values in the group columns.
    pub fn keys_present(&mut self, frame: &DataFrame, by: &[String]) -> Result<()> {
        for b in by {
            let c = frame.column(b)?.clone();
            if c.null_count() == 0 {
                continue;
            }
            let missing = c.is_null();
            self.rule(b, "group columns must not be missing", |i| {
                missing
                    .get(i)
                    .unwrap_or(false)
                    .then(|| "a missing value".to_string())
            })?;
        }
        Ok(())
    }
}

/// Check that every day of `period` belongs to a period of `kind`
/// (a delår split of a period reaching past August would lose records).
pub(crate) fn check_per(per: Option<PeriodKind>, period: &Period) -> Result<()> {
    let Some(kind) = per else { return Ok(()) };
    let mut day = period.start();
    while day <= period.end() {
        if kind.containing(day).is_none() {
            return Err(Error::argument(
                "per",
                &format!(
                    "every day of the period must fall in a {kind:?} period; {day} falls in none"
                ),
                format!("{kind:?} over {period}"),
            ));
        }
        day = match day.succ_opt() {
            Some(d) => d,
            None => break,
        };
    }
    Ok(())
}

/// The most days a limit, follow-up or bin may have (100 years).
pub(crate) const MAX_DAYS: u32 = 36_525;

/// Check a number of days against [`MAX_DAYS`].
pub(crate) fn check_days(argument: &str, days: u32) -> Result<()> {
    if days > MAX_DAYS {
        return Err(Error::argument(
            argument,
            &format!("at most {MAX_DAYS} days"),
            days,
        ));
    }
    Ok(())
}

/// The extraction date: `as_of`, or today.
pub(crate) fn extraction_date(as_of: Option<NaiveDate>) -> NaiveDate {
    as_of.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Refuse a period the records cannot speak for, so that it never comes
/// back as a plausible zero: one that ends after the extraction date `as_of`
/// (its last days are not in the data), or that lies wholly before the first
/// or after the last of the record dates `dates` (the column `column`).
///
/// # Errors
/// [`Error::InvalidArgument`] naming the period, the rule and the dates the
/// records cover.
pub(crate) fn check_covered(
    period: &Period,
    as_of: Option<NaiveDate>,
    dates: &[Option<i32>],
    column: &str,
) -> Result<()> {
    if let Some(as_of) = as_of.filter(|d| period.end() > *d) {
        return Err(Error::argument(
            "period",
            &format!(
                "the period must end on or before the extraction date as_of = {as_of} (its \
                 last days are not in the data)"
            ),
            format!("{period} ({} – {})", period.start(), period.end()),
        ));
    }
    let (first, last) = dates
        .iter()
        .flatten()
        .fold((i32::MAX, i32::MIN), |(lo, hi), d| (lo.min(*d), hi.max(*d)));
    if first > last {
        return Ok(()); // no dates at all: the checks of the records say so
    }
    let (first, last) = (date_of(first), date_of(last));
    if period.end() < first || period.start() > last {
        return Err(Error::argument(
            "period",
            &format!("the period must overlap the records: `{column}` runs from {first} to {last}"),
            format!("{period} ({} – {})", period.start(), period.end()),
        ));
    }
    Ok(())
}

/// Reject `by` columns that the indicator adds itself (`period`, `age_group`…).
pub(crate) fn reserve(by: &[String], added: &[&str]) -> Result<()> {
    match by.iter().find(|b| added.contains(&b.as_str())) {
        Some(b) => Err(Error::argument(
            "by",
            &format!(
                "{} are added by the indicator; rename the column",
                added.join(", ")
            ),
            format!("`{b}`"),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_either_stop_or_count() {
        let mut q = Quality::default();
        let mut c = Checks::new(3, InvalidRecords::Error, &mut q);
        let e = c
            .rule("x", "x must be small", |i| (i == 1).then(|| "9".into()))
            .unwrap_err()
            .to_string();
        assert!(e.contains("x must be small") && e.contains("row 1"), "{e}");
        let mut q = Quality::default();
        let mut c = Checks::new(3, InvalidRecords::Exclude, &mut q);
        c.rule("x", "x must be small", |i| (i != 1).then(|| "9".into()))
            .unwrap();
        assert_eq!(c.kept, [false, true, false]);
        let table = q.frame().unwrap();
        assert_eq!(
            table.column("count").unwrap().u64().unwrap().get(0),
            Some(2)
        );
    }
}
