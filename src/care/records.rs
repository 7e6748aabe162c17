//! What every record-level indicator needs: reading date, flag, age and text
//! columns; checking records against the rules (an error, or the records
//! excluded and counted); the data-quality table; and sums per group.

use std::str::FromStr;

use chrono::NaiveDate;
use polars::prelude::*;

use crate::engine::{collect, collect_sums, is_whole};
use crate::error::{Error, Result};
use crate::measure::{proportion_estimate, require, Confidence, Estimate, Status, Table};
use crate::period::{Period, PeriodKind};

/// What to do with a record that breaks a rule of an indicator (completion
/// before decision, a date in the future, an unknown kind, a missing key…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InvalidRecords {
    /// Stop with an error naming the column, the rule, the value and the row (the default).
    #[default]
    Error,
    /// Leave the record out and count it, by rule, in the data-quality table.
    Exclude,
}

impl FromStr for InvalidRecords {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "error" | "raise" => Ok(InvalidRecords::Error),
            "exclude" => Ok(InvalidRecords::Exclude),
            _ => Err(Error::argument(
                "invalid",
                "one of \"error\", \"exclude\"",
                format!("{s:?}"),
            )),
        }
    }
}

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
        let mut count = 0;
        for i in 0..self.kept.len() {
            if !self.kept[i] {
                continue;
            }
            if let Some(value) = broken(i) {
                if self.mode == InvalidRecords::Error {
                    return Err(Error::data(
                        column,
                        &format!("{rule} (pass invalid=\"exclude\" to leave such records out and count them)"),
                        value,
                        format!(" in row {i}"),
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

/// Require a date (or datetime) column; an all-null column has the null dtype and passes.
pub(crate) fn require_date(frame: &DataFrame, name: &str, role: &str) -> Result<()> {
    let dtype = require(frame.schema(), name, role)?;
    if matches!(
        dtype,
        DataType::Date | DataType::Datetime(_, _) | DataType::Null
    ) {
        Ok(())
    } else {
        Err(Error::WrongDtype {
            column: name.to_string(),
            role: role.to_string(),
            expected: "a date or datetime".to_string(),
            found: dtype.to_string(),
        })
    }
}

/// The calendar days of a date or datetime column, as days since 1970-01-01.
pub(crate) fn days(frame: &DataFrame, name: &str, role: &str) -> Result<Vec<Option<i32>>> {
    require_date(frame, name, role)?;
    let c = frame.column(name)?;
    let c = if c.dtype() == &DataType::Null {
        Column::full_null(c.name().clone(), c.len(), &DataType::Int32)
    } else {
        c.cast(&DataType::Date)?.cast(&DataType::Int32)?
    };
    Ok(c.i32()?.iter().collect())
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The day number (days since 1970-01-01) of a date.
pub(crate) fn day_number(date: NaiveDate) -> i32 {
    (date - EPOCH).num_days() as i32
}

/// The date of a day number.
pub(crate) fn date_of(day: i32) -> NaiveDate {
    EPOCH
        .checked_add_signed(chrono::Duration::days(i64::from(day)))
        .unwrap_or(NaiveDate::MAX)
}

/// A yes/no column: booleans, or integers 0/1. Missing values are "no".
pub(crate) fn flags(frame: &DataFrame, name: &str, role: &str) -> Result<Vec<Option<bool>>> {
    let dtype = require(frame.schema(), name, role)?;
    let c = frame.column(name)?;
    if dtype == &DataType::Boolean {
        return Ok(c.bool()?.iter().collect());
    }
    if dtype.is_integer() {
        let ints = c.cast(&DataType::Int64)?;
        let ints = ints.i64()?;
        if let Some((row, v)) = ints
            .iter()
            .enumerate()
            .find_map(|(i, v)| v.filter(|v| *v != 0 && *v != 1).map(|v| (i, v)))
        {
            return Err(Error::data(
                name,
                &format!("{role} flags must be true/false or 0/1"),
                v,
                format!(" in row {row}"),
            ));
        }
        return Ok(ints.iter().map(|v| v.map(|v| v == 1)).collect());
    }
    Err(Error::WrongDtype {
        column: name.to_string(),
        role: role.to_string(),
        expected: "boolean (or integer 0/1)".to_string(),
        found: dtype.to_string(),
    })
}

/// A numeric column as floats (ages, counts).
pub(crate) fn numbers(frame: &DataFrame, name: &str, role: &str) -> Result<Vec<Option<f64>>> {
    crate::measure::require_numeric(frame.schema(), name, role)?;
    let c = frame.column(name)?.cast(&DataType::Float64)?;
    Ok(c.f64()?.iter().collect())
}

/// A column as text (ids and codes of any dtype).
pub(crate) fn texts(frame: &DataFrame, name: &str, role: &str) -> Result<StringChunked> {
    require(frame.schema(), name, role)?;
    Ok(frame.column(name)?.cast(&DataType::String)?.str()?.clone())
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

/// The group columns of the given rows of `records`, in that order.
pub(crate) fn rows_of(records: &DataFrame, by: &[String], rows: &[usize]) -> Result<DataFrame> {
    let idx = IdxCa::from_vec("row".into(), rows.iter().map(|&i| i as IdxSize).collect());
    Ok(records.select(by.iter().map(String::as_str))?.take(&idx)?)
}

/// Sums of columns per group (sorted by the group columns): the key frame
/// and one vector per summed column. No `by` gives one row.
pub(crate) fn sums_by(
    frame: LazyFrame,
    by: &[String],
    columns: &[&str],
) -> Result<(DataFrame, Vec<Vec<f64>>)> {
    let schema = frame.clone().collect_schema()?;
    let whole = columns.iter().all(|c| schema.get(c).is_some_and(is_whole));
    let aggs: Vec<Expr> = columns
        .iter()
        .map(|c| col(*c).cast(DataType::Float64).sum().alias(*c))
        .collect();
    let summed = if by.is_empty() {
        collect_sums(frame.select(aggs), whole)?
    } else {
        collect_sums(
            frame
                .group_by(group_keys(by))
                .agg(aggs)
                .sort(group_names(by), SortMultipleOptions::default()),
            whole,
        )?
    };
    let keys = summed.select(by.iter().map(String::as_str))?;
    let mut sums = Vec::with_capacity(columns.len());
    for c in columns {
        sums.push(
            summed
                .column(c)?
                .f64()?
                .iter()
                .map(|v| v.unwrap_or(0.0))
                .collect(),
        );
    }
    Ok((keys, sums))
}

/// The median of the whole-number column `value` over the rows where the
/// boolean column `counted` is true, per group of `keys` — [`sums_by`]'s
/// key frame, which must hold every group of `frame` (null for a group
/// without such rows; a missing value is not counted). Each row is given
/// its group's row in `keys` by a join with that small frame; the values
/// are then bucketed by group ([`bucketed`]) and the middle of each bucket
/// found in place (the mean of the two middle values for an even count).
pub(crate) fn medians_by(
    frame: LazyFrame,
    by: &[String],
    keys: &DataFrame,
    value: &str,
    counted: &str,
) -> Result<Vec<Option<f64>>> {
    const GROUP: &str = "__ik_group";
    let rows = frame.filter(col(counted).and(col(value).is_not_null()));
    let numbered = if by.is_empty() {
        rows.with_column(lit(0).cast(IDX_DTYPE).alias(GROUP))
    } else {
        let mut args = JoinArgs::new(JoinType::Left);
        args.nulls_equal = true;
        let groups = keys.clone().with_row_index(GROUP.into(), None)?;
        rows.join(groups.lazy(), group_keys(by), group_keys(by), args)
    };
    let rows = collect(numbered.select([
        col(GROUP),
        col(value).strict_cast(DataType::Int64).alias(value),
    ]))?;
    let groups = rows.column(GROUP)?.idx()?;
    if groups.null_count() > 0 {
        return Err(polars_err!(
            ComputeError: "the medians' groups differ from the sums' ({} groups)", keys.height()
        )
        .into());
    }
    let values = rows.column(value)?.i64()?.rechunk();
    let values = values.cont_slice()?;
    let (starts, order) = bucketed(groups, keys.height())?;
    let mut bucket = Vec::new();
    Ok(starts
        .windows(2)
        .map(|w| {
            bucket.clear();
            bucket.extend(
                order[w[0] as usize..w[1] as usize]
                    .iter()
                    .map(|r| values[*r as usize]),
            );
            median(&mut bucket)
        })
        .collect())
}

/// The rows of `numbers` (each below `buckets`, none missing) bucketed by
/// number, a counting sort: `order` holds the rows of number 0, then of
/// number 1…, and the rows of number b are `order[starts[b]..starts[b + 1]]`.
pub(crate) fn bucketed(numbers: &IdxCa, buckets: usize) -> Result<(Vec<IdxSize>, Vec<IdxSize>)> {
    let mut starts = vec![0 as IdxSize; buckets + 1];
    for b in numbers.iter() {
        let b = b.filter(|b| (*b as usize) < buckets).ok_or_else(
            || polars_err!(ComputeError: "a number outside 0..{buckets} to bucket: {b:?}"),
        )?;
        starts[b as usize + 1] += 1;
    }
    for b in 0..buckets {
        starts[b + 1] += starts[b];
    }
    let mut next = starts.clone();
    let mut order = vec![0 as IdxSize; numbers.len()];
    for (row, b) in numbers.into_no_null_iter().enumerate() {
        let place = &mut next[b as usize];
        order[*place as usize] = row as IdxSize;
        *place += 1;
    }
    Ok((starts, order))
}

/// The median of `values` (reordered in place); `None` when there are none.
fn median(values: &mut [i64]) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let (below, upper, _) = values.select_nth_unstable(n / 2);
    let upper = *upper;
    let lower = if n % 2 == 1 {
        upper
    } else {
        *below.iter().max()?
    };
    Some((lower as f64 + upper as f64) / 2.0)
}

fn group_keys(by: &[String]) -> Vec<Expr> {
    by.iter().map(|b| col(b.as_str())).collect()
}

fn group_names(by: &[String]) -> Vec<PlSmallStr> {
    by.iter().map(|b| b.as_str().into()).collect()
}

/// Percentages per group from summed counts, with Wilson limits (as
/// [`crate::Proportion`]); a group where nothing was counted keeps its row
/// with status "denominator is zero" instead of an error or a NaN.
pub(crate) fn percentages(
    keys: DataFrame,
    parts: &[f64],
    wholes: &[f64],
    confidence: Confidence,
    statistic: &str,
) -> Table {
    let mut table = Table::new(keys, confidence, statistic.to_string());
    for (x, n) in parts.iter().zip(wholes) {
        table.push(if *n > 0.0 {
            proportion_estimate(Some(*x), Some(*n), 100.0, confidence.levels())
        } else {
            Estimate::missing(Some(*x), Some(*n), Status::DenominatorZero)
        });
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_equal_polars_medians() {
        // Groups with an odd and an even number of counted waits, repeated
        // values, a group where nothing is counted, a null group key.
        let frame = df!(
            "g" => [Some("a"), Some("a"), Some("a"), Some("b"), Some("b"), Some("b"), Some("b"),
                    Some("b"), Some("c"), Some("c"), None, Some("a")],
            "wait" => [5i32, 1, 9, 4, 4, 10, 2, 7, 3, 3, 8, 1000],
            "counted" => [true, true, true, true, true, true, true, false, false, false, true, false],
        )
        .unwrap();
        let by = vec!["g".to_string()];
        let (keys, _) = sums_by(frame.clone().lazy(), &by, &["counted"]).unwrap();
        let ours = medians_by(frame.clone().lazy(), &by, &keys, "wait", "counted").unwrap();
        let polars = frame
            .clone()
            .lazy()
            .group_by([col("g")])
            .agg([col("wait")
                .filter(col("counted"))
                .cast(DataType::Float64)
                .median()])
            .sort(["g"], SortMultipleOptions::default())
            .collect()
            .unwrap();
        let expected: Vec<Option<f64>> = polars
            .column("wait")
            .unwrap()
            .f64()
            .unwrap()
            .iter()
            .collect();
        // null group: 8; a: 1 5 9 → 5; b: 2 4 4 10 → 4; c: none counted.
        assert_eq!(expected, [Some(8.0), Some(5.0), Some(4.0), None]);
        assert_eq!(ours, expected);
        // Groups missing from the sums' are an error, not dropped.
        let other = keys.slice(1, 3);
        assert!(medians_by(frame.clone().lazy(), &by, &other, "wait", "counted").is_err());
        // Negative and extreme values.
        let far = df!("wait" => [-5i32, i32::MAX, i32::MIN], "counted" => [true; 3]).unwrap();
        let (one, _) = sums_by(far.clone().lazy(), &[], &["counted"]).unwrap();
        assert_eq!(
            medians_by(far.lazy(), &[], &one, "wait", "counted").unwrap(),
            [Some(-5.0)]
        );
        let (whole, _) = sums_by(frame.clone().lazy(), &[], &["counted"]).unwrap();
        // No groups: one median of every counted wait (1 2 4 4 5 8 9 10 → 4.5).
        assert_eq!(
            medians_by(frame.clone().lazy(), &[], &whole, "wait", "counted").unwrap(),
            [Some(4.5)]
        );
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [7, 1, 3, 3]), Some(3.0));
    }

    #[test]
    fn day_numbers_round_trip() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(date_of(day_number(d)), d);
        assert_eq!(day_number(EPOCH), 0);
    }

    #[test]
    fn flags_accept_booleans_and_zero_one_only() {
        let df = df!("a" => [Some(true), None], "b" => [0, 1], "c" => [0, 2]).unwrap();
        assert_eq!(flags(&df, "a", "PVV").unwrap(), [Some(true), None]);
        assert_eq!(flags(&df, "b", "PVV").unwrap(), [Some(false), Some(true)]);
        let e = flags(&df, "c", "PVV").unwrap_err().to_string();
        assert!(
            e.contains("`c`") && e.contains("0/1") && e.contains("row 1"),
            "{e}"
        );
    }

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
