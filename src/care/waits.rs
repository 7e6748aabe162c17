//! Vårdgaranti: waiting times against the care guarantee (0–3–90–90, BUP
//! 30 + 30), measured the two ways of the national statistics — the patients
//! still waiting at a snapshot (*väntande*) and the patients whose
//! visit or treatment happened in a period (*genomförda*).

use std::str::FromStr;

use chrono::NaiveDate;
use polars::prelude::*;

use super::records::{
    check_covered, check_days, check_per, day_number, days, extraction_date, flags, medians_by,
    percentages, reserve, sums_by, texts, Checks, InvalidRecords, Quality,
};
use crate::error::{Error, Result};
use crate::measure::{lookup, require_keys};
use crate::measure::{require, Confidence, Mean, Statistic};
use crate::period::{Period, PeriodKind};

/// The national kinds of wait and their codes in the `kind` column.
pub const WAIT_KINDS: [&str; 6] = [
    "primary_contact",
    "primary_assessment",
    "first_visit",
    "treatment",
    "bup_assessment",
    "bup_in_depth",
];

/// One rule of a limit: `days` for the decisions from `from` on (`None`: always).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitRule {
    /// The kind of wait (a code of the `kind` column).
    pub kind: String,
    /// The first decision date the rule applies to; `None` for all dates.
    pub from: Option<NaiveDate>,
    /// The limit in calendar days (a wait of exactly this many days is within).
    pub days: u32,
}

/// The limit of each kind of wait, by the date of the decision.
///
/// The default is the law (HSL 9 kap. 1 §, förordning 2010:349): contact
/// with primary care the same day (0), a medical assessment in primary care
/// within 7 days before 2019 and 3 days from 1 January 2019, a first visit
/// in specialised care within 90 days, treatment within 90 days of the
/// decision to treat; and the region's reinforced guarantee for child and
/// adolescent psychiatry (BUP): first assessment within 30 days, in-depth
/// assessment or treatment within a further 30 days.
///
/// ```
/// use indikator::WaitLimits;
/// use chrono::NaiveDate;
/// let law = WaitLimits::law();
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!(law.limit("primary_assessment", d(2018, 12, 31)), Some(7));
/// assert_eq!(law.limit("primary_assessment", d(2019, 1, 1)), Some(3));
/// // The plans' 60-day rule for first visits:
/// let plan = WaitLimits::law().with_limit("first_visit", 60);
/// assert_eq!(plan.limit("first_visit", d(2024, 5, 1)), Some(60));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitLimits {
    rules: Vec<LimitRule>,
}

impl Default for WaitLimits {
    fn default() -> Self {
        WaitLimits::law()
    }
}

impl WaitLimits {
    /// The law's limits (see the type's documentation).
    pub fn law() -> Self {
        let always = |kind: &str, days| LimitRule {
            kind: kind.into(),
            from: None,
            days,
        };
        WaitLimits {
            rules: vec![
                always("primary_contact", 0),
                always("primary_assessment", 7),
                LimitRule {
                    kind: "primary_assessment".into(),
                    from: NaiveDate::from_ymd_opt(2019, 1, 1),
                    days: 3,
                },
                always("first_visit", 90),
                always("treatment", 90),
                always("bup_assessment", 30),
                always("bup_in_depth", 30),
            ],
        }
    }

    /// Set one limit for `kind` at every date, replacing its rules (a new
    /// kind is added: a custom limit such as the plans' 60-day rule).
    pub fn with_limit(mut self, kind: impl Into<String>, days: u32) -> Self {
        let kind = kind.into();
        self.rules.retain(|r| r.kind != kind);
        self.rules.push(LimitRule {
            kind,
            from: None,
            days,
        });
        self
    }

    /// Add a rule: `days` for the decisions of `kind` from `from` on.
    pub fn with_rule(mut self, rule: LimitRule) -> Self {
        self.rules.push(rule);
        self
    }

    /// The rules.
    pub fn rules(&self) -> &[LimitRule] {
        &self.rules
    }

    /// The known kinds, in the order first given.
    pub fn kinds(&self) -> Vec<&str> {
        let mut kinds: Vec<&str> = Vec::new();
        for r in &self.rules {
            if !kinds.contains(&r.kind.as_str()) {
                kinds.push(&r.kind);
            }
        }
        kinds
    }

    /// The limit of `kind` for a decision on `decided`: the rule with the
    /// latest `from` on or before it; `None` for an unknown kind.
    pub fn limit(&self, kind: &str, decided: NaiveDate) -> Option<u32> {
        let table = self.table();
        table.days(table.kind(kind)?, day_number(decided))
    }

    /// The rules by kind, for looking up millions of records.
    fn table(&self) -> LimitTable<'_> {
        let kinds = self.kinds();
        let rules = kinds
            .iter()
            .map(|k| {
                let mut from: Vec<(i32, u32)> = self
                    .rules
                    .iter()
                    .filter(|r| r.kind == *k)
                    .map(|r| (r.from.map_or(i32::MIN, day_number), r.days))
                    .collect();
                // By date; of two rules from the same date the later given wins.
                from.sort_by_key(|(day, _)| *day);
                from
            })
            .collect();
        LimitTable { kinds, rules }
    }
}

/// [`WaitLimits`] as a lookup: a kind's index, and its rules as (first
/// decision day, days) in date order.
struct LimitTable<'a> {
    kinds: Vec<&'a str>,
    rules: Vec<Vec<(i32, u32)>>,
}

impl LimitTable<'_> {
    /// The index of a known kind.
    fn kind(&self, kind: &str) -> Option<usize> {
        self.kinds.iter().position(|k| *k == kind)
    }

    /// The limit of kind `kind` (an index) for a decision on day number `decided`.
    fn days(&self, kind: usize, decided: i32) -> Option<u32> {
        self.rules[kind]
            .iter()
            .rev()
            .find(|(from, _)| *from <= decided)
            .map(|(_, days)| *days)
    }
}

/// How waits are measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WaitMeasure {
    /// *Genomförda*: the records completed in the period; the wait runs from
    /// the decision to the completion (the default).
    #[default]
    Completed,
    /// *Väntande*: the records still waiting at each snapshot date; the wait
    /// runs from the decision to the snapshot.
    Waiting,
}

impl FromStr for WaitMeasure {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_lowercase().as_str() {
            "completed" | "genomförda" => Ok(WaitMeasure::Completed),
            "waiting" | "väntande" => Ok(WaitMeasure::Waiting),
            _ => Err(Error::argument(
                "measure",
                "one of \"completed\" (genomförda), \"waiting\" (väntande)",
                format!("{s:?}"),
            )),
        }
    }
}

/// Column names of the referral/decision records (one row per wait).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitColumns {
    /// The date of the referral or decision the wait runs from (default `decided`).
    pub decided: String,
    /// The date of the visit or treatment, null while waiting (default `completed`).
    pub completed: String,
    /// The kind of wait, a code of [`WaitLimits`] (default `kind`).
    pub kind: String,
    /// Patient-chosen wait, *patientvald väntan* (default `pvv`); `None` if not recorded.
    pub pvv: Option<String>,
    /// Medically caused wait, *medicinskt orsakad väntan* (default `mov`); `None` if not recorded.
    pub mov: Option<String>,
}

impl Default for WaitColumns {
    fn default() -> Self {
        WaitColumns {
            decided: "decided".into(),
            completed: "completed".into(),
            kind: "kind".into(),
            pvv: Some("pvv".into()),
            mov: Some("mov".into()),
        }
    }
}

/// Vårdgaranti fulfilment from records: one row per referral or decision.
///
/// A wait is counted in calendar days from `decided` to `completed`
/// (completed measure) or to the snapshot date (waiting measure), and is
/// within the guarantee when it is at most the limit of its kind on the
/// decision date — a wait of exactly the limit is within. Waits flagged as
/// patient-chosen (PVV) or medically caused (MOV) leave the numerator and
/// the denominator (each switchable) and are reported as their own counts
/// and shares of all records. Missing flags are read as "no".
///
/// # Example
/// ```
/// use indikator::{Period, Waits};
/// use polars::prelude::*;
/// use chrono::NaiveDate;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let referrals = df!(
///     "decided" => [d(1, 2), d(1, 10), d(2, 1)],
///     "completed" => [Some(d(3, 1)), Some(d(4, 20)), Some(d(3, 2))],
///     "kind" => ["first_visit"; 3],
///     "pvv" => [false, false, true],
///     "mov" => [false; 3],
/// )?;
/// let t1: Period = "T1 2024".parse()?;
/// let share = Waits::completed(t1).as_of(d(9, 1)).fulfilment(&referrals)?;
/// // 59 days (within 90) and 101 days (not); the PVV wait is left out.
/// assert_eq!(share.column("value")?.f64()?.get(0), Some(50.0));
/// assert_eq!(share.column("pvv")?.f64()?.get(0), Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Waits {
    /// Completed (genomförda) or waiting (väntande).
    pub measure: WaitMeasure,
    /// The reporting period: completions in it, or snapshots at its month ends.
    pub period: Period,
    /// Snapshot dates of the waiting measure instead of the month ends of `period`.
    pub snapshots: Option<Vec<NaiveDate>>,
    /// Completed measure: split the period by the completion date (a
    /// `period` column, e.g. months); `None` gives one row per group.
    pub per: Option<PeriodKind>,
    /// Group columns of the records (unit, clinic, kommun, sex, age group, kind…).
    pub by: Vec<String>,
    /// The limits (default: the law's).
    pub limits: WaitLimits,
    /// Leave patient-chosen waits out of the share (default true).
    pub exclude_pvv: bool,
    /// Leave medically caused waits out of the share (default true).
    pub exclude_mov: bool,
    /// Upper bounds of the distribution bins (default 30, 60, 90: 0–30,
    /// 31–60, 61–90, > 90 days).
    pub bins: Vec<u32>,
    /// The day the data were taken out; later dates are invalid (default: today).
    pub as_of: Option<NaiveDate>,
    /// What to do with invalid records (default: an error).
    pub invalid: InvalidRecords,
    /// Confidence of the limits.
    pub confidence: Confidence,
    /// Column names.
    pub columns: WaitColumns,
}

const COMPLETED: &str = "__ik_completed";
const MEASURED: &str = "__ik_measured";
const WAIT: &str = "__ik_wait";
const PVV: &str = "pvv";
const MOV: &str = "mov";
const COUNTED: &str = "__ik_counted";
const WITHIN: &str = "__ik_within";
const ONE: &str = "records";
const RULE: &str = "__ik_rule";
/// The snapshot column of the waiting measure.
pub const SNAPSHOT: &str = "snapshot";
/// The period column of split results.
pub const PERIOD: &str = "period";

/// The records of one computation, one row per wait measured.
struct Measured {
    frame: LazyFrame,
    /// Group columns: `by`, then `snapshot` or `period` when present.
    keys: Vec<String>,
    quality: Quality,
    /// The (kind, limit in days) pairs measured; the column `RULE` indexes them.
    applied: Vec<(String, u32)>,
}

impl Waits {
    /// The completed measure (genomförda) over `period`, with the law's limits.
    pub fn completed(period: Period) -> Self {
        Waits {
            measure: WaitMeasure::Completed,
            period,
            snapshots: None,
            per: None,
            by: Vec::new(),
            limits: WaitLimits::law(),
            exclude_pvv: true,
            exclude_mov: true,
            bins: vec![30, 60, 90],
            as_of: None,
            invalid: InvalidRecords::Error,
            confidence: Confidence::P95,
            columns: WaitColumns::default(),
        }
    }

    /// The waiting measure (väntande) at each month end of `period`.
    pub fn waiting(period: Period) -> Self {
        Waits {
            measure: WaitMeasure::Waiting,
            ..Waits::completed(period)
        }
    }

    /// Group by these columns.
    pub fn by<I: IntoIterator<Item = S>, S: Into<String>>(mut self, by: I) -> Self {
        self.by = by.into_iter().map(Into::into).collect();
        self
    }

    /// Split the period (completed measure), e.g. by month.
    pub fn per(mut self, kind: PeriodKind) -> Self {
        self.per = Some(kind);
        self
    }

    /// The day the data were taken out.
    pub fn as_of(mut self, day: NaiveDate) -> Self {
        self.as_of = Some(day);
        self
    }

    /// Set the limits.
    pub fn limits(mut self, limits: WaitLimits) -> Self {
        self.limits = limits;
        self
    }

    /// Exclude invalid records (counted in the quality table) instead of stopping.
    pub fn exclude_invalid(mut self) -> Self {
        self.invalid = InvalidRecords::Exclude;
        self
    }

    /// The snapshot dates of the waiting measure.
    pub fn snapshot_dates(&self) -> Result<Vec<NaiveDate>> {
        if let Some(s) = &self.snapshots {
            if s.is_empty() {
                return Err(Error::argument(
                    "snapshots",
                    "give at least one snapshot date",
                    "none",
                ));
            }
            let mut s = s.clone();
            s.sort();
            s.dedup();
            return Ok(s);
        }
        let (start, end) = (self.period.start(), self.period.end());
        let mut ends = Vec::new();
        let mut month = PeriodKind::Month.containing(start);
        while let Some(m) = month {
            if m.end() > end {
                break;
            }
            ends.push(m.end());
            month = m
                .end()
                .succ_opt()
                .and_then(|d| PeriodKind::Month.containing(d));
        }
        Ok(ends)
    }

    fn check(&self) -> Result<()> {
        self.period.validate()?;
        if let (WaitMeasure::Waiting, Some(kind)) = (self.measure, self.per) {
            return Err(Error::argument(
                "per",
                "the waiting measure is split by its snapshots (each month end); `per` applies to the completed measure",
                format!("{kind:?} with the waiting measure"),
            ));
        }
        if let (WaitMeasure::Completed, Some(dates)) = (self.measure, &self.snapshots) {
            return Err(Error::argument(
                "snapshots",
                "snapshots apply to the waiting measure",
                format!("{} dates with the completed measure", dates.len()),
            ));
        }
        check_per(self.per, &self.period)?;
        for b in &self.bins {
            check_days("bins", *b)?;
        }
        for r in self.limits.rules() {
            check_days("limits", r.days)?;
        }
        if self.bins.is_empty() || self.bins.windows(2).any(|w| w[0] >= w[1]) {
            return Err(Error::argument(
                "bins",
                "bin upper bounds must be at least one increasing whole number of days",
                format!("{:?}", self.bins),
            ));
        }
        reserve(&self.by, &[PERIOD, SNAPSHOT])
    }

    /// Validate the records and measure each wait.
    fn measure(&self, records: &DataFrame) -> Result<Measured> {
        self.check()?;
        let c = &self.columns;
        let as_of = extraction_date(self.as_of);
        let decided = days(records, &c.decided, "decision date")?;
        let completed = days(records, &c.completed, "completion date")?;
        let kinds = texts(records, &c.kind, "kind of wait")?;
        require_keys(records.schema(), &self.by, "group")?;
        let recorded = |name: &Option<String>, role: &str| -> Result<Vec<Option<bool>>> {
            match name {
                Some(name) => flags(records, name, role),
                None => Ok(vec![Some(false); records.height()]),
            }
        };
        let pvv = recorded(&c.pvv, "patient-chosen wait (PVV)")?;
        let mov = recorded(&c.mov, "medically caused wait (MOV)")?;
        let mut quality = Quality::default();
        quality.push("records", records.height());
        let mut checks = Checks::new(records.height(), self.invalid, &mut quality);
        checks.present(&c.decided, "decision dates", |i| decided[i].is_none())?;
        for (name, flag, what) in [(&c.pvv, &pvv, "PVV flags"), (&c.mov, &mov, "MOV flags")] {
            if let Some(name) = name {
                checks.present(name, what, |i| flag[i].is_none())?;
            }
        }
        let pvv: Vec<bool> = pvv.iter().map(|f| f.unwrap_or(false)).collect();
        let mov: Vec<bool> = mov.iter().map(|f| f.unwrap_or(false)).collect();
        let table = self.limits.table();
        self.limits_name_known_kinds(&kinds)?;
        let known = table.kinds.join(", ");
        // The limit of each wait in days, or -1 for an unknown or missing
        // kind, and the (kind, limit) it was measured against.
        let mut applied: Vec<(usize, u32)> = Vec::new();
        let (limit, rule): (Vec<i32>, Vec<u32>) = kinds
            .iter()
            .zip(&decided)
            .map(|(kind, day)| {
                let k = kind.and_then(|k| table.kind(k));
                let days = k.and_then(|k| table.days(k, day.unwrap_or(0)));
                match (k, days) {
                    (Some(k), Some(days)) => {
                        let at =
                            applied
                                .iter()
                                .position(|p| *p == (k, days))
                                .unwrap_or_else(|| {
                                    applied.push((k, days));
                                    applied.len() - 1
                                });
                        (days as i32, at as u32)
                    }
                    _ => (-1, u32::MAX),
                }
            })
            .unzip();
        let applied: Vec<(String, u32)> = applied
            .into_iter()
            .map(|(k, days)| (table.kinds[k].to_string(), days))
            .collect();
        checks.rule(
            &c.kind,
            &format!("the kind of wait must be one of {known}"),
            |i| {
                (limit[i] < 0).then(|| {
                    kinds
                        .get(i)
                        .map_or("a missing value".into(), |k| format!("{k:?}"))
                })
            },
        )?;
        checks.ordered(
            &c.completed,
            "the completion must not be before the decision",
            &decided,
            &completed,
        )?;
        checks.not_after(&c.decided, &decided, as_of)?;
        checks.not_after(&c.completed, &completed, as_of)?;
        // The records speak for the days from the first decision to the
        // extraction date; a period outside them has no data (a period in
        // them without completions is a true zero).
        if self.snapshots.is_none() {
            check_covered(&self.period, Some(as_of), &decided, &c.decided)?;
        }
        checks.keys_present(records, &self.by)?;
        let kept = checks.kept.clone();
        let excluded: Vec<bool> = pvv
            .iter()
            .zip(&mov)
            .map(|(p, m)| (*p && self.exclude_pvv) || (*m && self.exclude_mov))
            .collect();
        // The flags of every record, the same for every snapshot.
        let flags = [
            Column::new(PVV.into(), &pvv),
            Column::new(MOV.into(), &mov),
            Column::new(
                COUNTED.into(),
                excluded.iter().map(|x| !x).collect::<Vec<_>>(),
            ),
        ];
        // The waits measured: the rows of `measured`, `wait` days long; the
        // frame keeps every row and a mask, so no column is copied.
        let (mut n_pvv, mut n_mov) = (0, 0);
        let mut waits_of = |measured: &dyn Fn(usize) -> bool,
                            wait: &dyn Fn(usize) -> i32|
         -> Result<(LazyFrame, usize)> {
            let rows = records.height();
            let (mut mask, mut days, mut within) = (
                Vec::with_capacity(rows),
                Vec::with_capacity(rows),
                Vec::with_capacity(rows),
            );
            let mut count = 0;
            for i in 0..rows {
                let m = kept[i] && measured(i);
                let w = if m { wait(i) } else { 0 };
                mask.push(m);
                days.push(w);
                within.push(!excluded[i] && w <= limit[i]);
                if m {
                    count += 1;
                    n_pvv += usize::from(pvv[i]);
                    n_mov += usize::from(mov[i]);
                }
            }
            let mut frame = records.select(self.by.iter().map(String::as_str))?;
            if self.per.is_some() {
                let on = records.column(&c.completed)?.cast(&DataType::Date)?;
                frame.with_column(on.with_name(COMPLETED.into()))?;
            }
            for column in flags.iter().cloned().chain([
                Column::new(RULE.into(), &rule),
                Column::new(WAIT.into(), days),
                Column::new(WITHIN.into(), within),
                Column::new(MEASURED.into(), mask),
            ]) {
                frame.with_column(column)?;
            }
            let frame = frame.lazy().filter(col(MEASURED)).drop(cols([MEASURED]));
            Ok((frame, count))
        };
        let mut keys = self.by.clone();
        let frame = match self.measure {
            WaitMeasure::Completed => {
                let (start, end) = (
                    day_number(self.period.start()),
                    day_number(self.period.end()),
                );
                let (mut frame, count) = waits_of(
                    &|i| completed[i].is_some_and(|d| d >= start && d <= end),
                    &|i| completed[i].unwrap_or(0) - decided[i].unwrap_or(0),
                )?;
                if let Some(kind) = self.per {
                    frame = frame.with_column(
                        crate::period::period_expr(col(COMPLETED), kind, false).alias(PERIOD),
                    );
                    keys.push(PERIOD.into());
                }
                quality.push(format!("records completed in {}", self.period), count);
                frame
            }
            WaitMeasure::Waiting => {
                let mut frames = Vec::new();
                for at in self.snapshot_dates()? {
                    if at > as_of {
                        return Err(Error::argument(
                            "snapshots",
                            &format!(
                                "a snapshot cannot be after the extraction date as_of = {as_of}"
                            ),
                            at,
                        ));
                    }
                    let day = day_number(at);
                    let (frame, count) = waits_of(
                        &|i| {
                            decided[i].is_some_and(|d| d <= day)
                                && completed[i].is_none_or(|done| done > day)
                        },
                        &|i| day - decided[i].unwrap_or(0),
                    )?;
                    quality.push(format!("records waiting on {at}"), count);
                    frames.push(frame.with_column(lit(day).cast(DataType::Date).alias(SNAPSHOT)));
                }
                keys.push(SNAPSHOT.into());
                concat(frames, UnionArgs::default())?
            }
        };
        quality.push(
            if self.exclude_pvv {
                "measured: patient-chosen waits (PVV, left out of the share)"
            } else {
                "measured: patient-chosen waits (PVV, kept in the share)"
            },
            n_pvv,
        );
        quality.push(
            if self.exclude_mov {
                "measured: medically caused waits (MOV, left out of the share)"
            } else {
                "measured: medically caused waits (MOV, kept in the share)"
            },
            n_mov,
        );
        Ok(Measured {
            frame,
            keys,
            quality,
            applied,
        })
    }

    /// Every kind given a limit is a kind of the law or of the records: a
    /// misspelt kind would otherwise leave the law's limit in force unseen.
    fn limits_name_known_kinds(&self, kinds: &StringChunked) -> Result<()> {
        let mut in_records: Vec<&str> = kinds.iter().flatten().collect();
        in_records.sort_unstable();
        in_records.dedup();
        for kind in self.limits.kinds() {
            if !WAIT_KINDS.contains(&kind) && in_records.binary_search(&kind).is_err() {
                return Err(Error::argument(
                    "limits",
                    &format!(
                        "a limit must be for a kind of wait of the law ({}) or of the `{}` \
                         column ({})",
                        WAIT_KINDS.join(", "),
                        self.columns.kind,
                        in_records.join(", ")
                    ),
                    format!("{kind:?}"),
                ));
            }
        }
        Ok(())
    }

    /// Fulfilment per group (and snapshot or period): `numerator` (waits
    /// within the limit), `denominator` (waits counted, PVV/MOV left out as
    /// set), the percentage `value` with Wilson limits, `status`, and
    /// `records` (all waits measured), `pvv`, `pvv_share`, `mov`,
    /// `mov_share` (percent of `records`) and `median_days` (of the waits
    /// counted).
    ///
    /// # Errors
    /// Missing or mistyped columns; invalid records (unless excluded);
    /// invalid options.
    pub fn fulfilment(&self, records: &DataFrame) -> Result<DataFrame> {
        let m = self.measure(records)?;
        let frame = m.frame.clone().with_column(lit(true).alias(ONE));
        let (keys, sums) = sums_by(frame.clone(), &m.keys, &[WITHIN, COUNTED, ONE, PVV, MOV])?;
        let medians = medians_by(frame, &m.keys, &keys, WAIT, COUNTED)?;
        let statistic = format!(
            "share within the limit, {} (percent)",
            match self.measure {
                WaitMeasure::Completed => "completed",
                WaitMeasure::Waiting => "waiting",
            }
        );
        let (kinds, limits) = pooled_kinds(m.frame, &m.keys, &keys, &m.applied)?;
        let mut table = percentages(keys, &sums[0], &sums[1], self.confidence, &statistic);
        let share = |part: &[f64]| -> Vec<Option<f64>> {
            part.iter()
                .zip(&sums[2])
                .map(|(p, n)| (*n > 0.0).then(|| p / n * 100.0))
                .collect()
        };
        table.add_column(Column::new(ONE.into(), sums[2].clone()));
        table.add_column(Column::new("pvv".into(), sums[3].clone()));
        table.add_column(Column::new("pvv_share".into(), share(&sums[3])));
        table.add_column(Column::new("mov".into(), sums[4].clone()));
        table.add_column(Column::new("mov_share".into(), share(&sums[4])));
        table.add_column(Column::new("median_days".into(), medians));
        table.add_column(Column::new("kinds".into(), kinds));
        table.add_column(Column::new("limit_days".into(), limits));
        table.finish(crate::measure::OutputType::Full)
    }

    /// The waits counted (PVV/MOV left out as set) in bins of days, per
    /// group: a `bin` column ("0–30", "31–60", "61–90", "> 90"), `numerator`
    /// (waits in the bin), `denominator` (waits counted in the group), the
    /// percentage `value` with Wilson limits and `status`. Every bin has a
    /// row, empty bins with 0.
    ///
    /// # Errors
    /// As [`Waits::fulfilment`].
    pub fn distribution(&self, records: &DataFrame) -> Result<DataFrame> {
        let m = self.measure(records)?;
        let labels = bin_labels(&self.bins);
        let mut frame = m.frame.filter(col(COUNTED)).collect()?;
        let waits: Vec<i32> = frame
            .column(WAIT)?
            .i32()?
            .iter()
            .map(|w| w.unwrap_or(0))
            .collect();
        let bin_of = |w: i32| {
            self.bins
                .iter()
                .position(|b| w <= *b as i32)
                .unwrap_or(self.bins.len())
        };
        for (b, label) in labels.iter().enumerate() {
            let hits: Vec<bool> = waits.iter().map(|w| bin_of(*w) == b).collect();
            frame.with_column(Column::new(label.as_str().into(), hits))?;
        }
        frame.with_column(Column::new(ONE.into(), vec![true; waits.len()]))?;
        let mut names: Vec<&str> = labels.iter().map(String::as_str).collect();
        names.push(ONE);
        let (keys, sums) = sums_by(frame.lazy(), &m.keys, &names)?;
        let groups = keys.height().max(if m.keys.is_empty() { 1 } else { 0 });
        // One block of rows per bin, then ordered by group and bin.
        let mut key_cols: Vec<Column> = Vec::new();
        for k in keys.columns() {
            let mut stacked = k.clone();
            for _ in 1..labels.len() {
                stacked.append(k)?;
            }
            key_cols.push(stacked);
        }
        let bin_col: Vec<&str> = labels
            .iter()
            .flat_map(|l| std::iter::repeat_n(l.as_str(), groups))
            .collect();
        key_cols.push(Column::new("bin".into(), bin_col));
        let order: Vec<u32> = (0..labels.len())
            .flat_map(|b| std::iter::repeat_n(b as u32, groups))
            .collect();
        key_cols.push(Column::new("__ik_order".into(), order));
        let stacked_keys = DataFrame::new(groups * labels.len(), key_cols)?;
        let parts: Vec<f64> = sums[..labels.len()].iter().flatten().copied().collect();
        let wholes: Vec<f64> = (0..labels.len())
            .flat_map(|_| sums[labels.len()].iter().copied())
            .collect();
        let table = percentages(
            stacked_keys,
            &parts,
            &wholes,
            self.confidence,
            "share of waits in the bin (percent)",
        )
        .finish(crate::measure::OutputType::Full)?;
        let mut sort_by: Vec<PlSmallStr> = m.keys.iter().map(|k| k.as_str().into()).collect();
        sort_by.push("__ik_order".into());
        let sorted = table.sort(
            sort_by,
            SortMultipleOptions::default().with_maintain_order(true),
        )?;
        Ok(sorted.drop("__ik_order")?)
    }

    /// The data-quality table (`rule`, `count`): the records read, those
    /// excluded by each rule, those measured, and the PVV and MOV waits.
    ///
    /// # Errors
    /// As [`Waits::fulfilment`].
    pub fn quality(&self, records: &DataFrame) -> Result<DataFrame> {
        self.measure(records)?.quality.frame()
    }

    /// The fulfilment over the period summarised from its monthly series,
    /// both ways, labelled (see [`summarise_months`]). The completed
    /// measure is split by month; the waiting measure uses its snapshots.
    ///
    /// # Errors
    /// As [`Waits::fulfilment`].
    pub fn summary(&self, records: &DataFrame) -> Result<DataFrame> {
        let (monthly, column) = match self.measure {
            WaitMeasure::Completed => (
                self.clone().per(PeriodKind::Month).fulfilment(records)?,
                PERIOD,
            ),
            WaitMeasure::Waiting => (self.fulfilment(records)?, SNAPSHOT),
        };
        summarise_months(&monthly, &self.by, column, self.confidence)
    }
}

/// What each group's share pools: its kinds of wait ("first_visit,
/// treatment") and the limit of each in days, in the same order ("90, 90";
/// a kind whose limit changed within the period gives both, "7/3").
fn pooled_kinds(
    frame: LazyFrame,
    by: &[String],
    keys: &DataFrame,
    applied: &[(String, u32)],
) -> Result<(Vec<String>, Vec<String>)> {
    let rules = frame.select(
        by.iter()
            .map(|b| col(b.as_str()))
            .chain([col(RULE)])
            .collect::<Vec<_>>(),
    );
    let lists = if by.is_empty() {
        crate::engine::collect(rules.select([col(RULE).unique().implode(false)]))?
    } else {
        let per_group = crate::engine::collect(
            rules
                .group_by(by.iter().map(|b| col(b.as_str())).collect::<Vec<_>>())
                .agg([col(RULE).unique()]),
        )?;
        let on: Vec<String> = by.to_vec();
        lookup(keys, &per_group, &on, "kinds of wait")?.0
    };
    let mut kinds_out = Vec::with_capacity(keys.height().max(1));
    let mut limits_out = Vec::with_capacity(keys.height().max(1));
    for list in lists.column(RULE)?.list()?.amortized_iter() {
        let mut pairs: Vec<&(String, u32)> = match list {
            Some(s) => s
                .as_ref()
                .u32()?
                .iter()
                .flatten()
                .filter_map(|i| applied.get(i as usize))
                .collect(),
            None => Vec::new(),
        };
        pairs.sort();
        let mut kinds: Vec<&str> = Vec::new();
        let mut limits: Vec<String> = Vec::new();
        for (kind, days) in pairs {
            if kinds.last() == Some(&kind.as_str()) {
                if let Some(l) = limits.last_mut() {
                    l.push_str(&format!("/{days}"));
                }
            } else {
                kinds.push(kind);
                limits.push(days.to_string());
            }
        }
        kinds_out.push(kinds.join(", "));
        limits_out.push(limits.join(", "));
    }
    Ok((kinds_out, limits_out))
}

/// The labels of the bins with these upper bounds: "0–30", "31–60", "61–90", "> 90".
pub fn bin_labels(bounds: &[u32]) -> Vec<String> {
    let mut labels = Vec::with_capacity(bounds.len() + 1);
    let mut from = 0;
    for b in bounds {
        labels.push(format!("{from}–{b}"));
        from = b + 1;
    }
    if let Some(last) = bounds.last() {
        labels.push(format!("> {last}"));
    }
    labels
}

/// The two summaries of a monthly series of shares over its period, one row
/// each per group, told apart by the `summary` column:
///
/// - `"pooled share"`: all months' numerators over all denominators, with
///   Wilson limits — the share of the period's patients;
/// - `"mean of monthly shares"`: the plain mean of the monthly percentages
///   (how the region's plan reported BUP January–August 2018 as 63,5 %),
///   with Student-t limits over the months and no `numerator` or
///   `denominator` (a mean of percentages has no counts; `months` says how
///   many months it averages). It weighs a month of 10 patients like a
///   month of 100.
///
/// `monthly` has the group columns, the month column (dropped), and
/// `numerator`, `denominator`, `value` as from [`Waits::fulfilment`]. A
/// `months` column counts the months with a value.
///
/// ```
/// use indikator::{summarise_months, Confidence};
/// use polars::prelude::*;
/// let bup = df!(
///     "period" => ["2018-01", "2018-02"],
///     "numerator" => [19.0, 63.0], "denominator" => [50.0, 100.0],
///     "value" => [38.0, 63.0],
/// )?;
/// let s = summarise_months(&bup, &[], "period", Confidence::P95)?;
/// let v = s.column("value")?.f64()?;
/// assert_eq!(v.get(0), Some(82.0 / 150.0 * 100.0)); // pooled
/// assert_eq!(v.get(1), Some(50.5)); // mean of months
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Missing columns; a month without a denominator.
pub fn summarise_months(
    monthly: &DataFrame,
    by: &[String],
    month: &str,
    confidence: Confidence,
) -> Result<DataFrame> {
    require(monthly.schema(), month, "month")?;
    require_keys(monthly.schema(), by, "group")?;
    for c in ["numerator", "denominator", "value"] {
        crate::measure::require_numeric(monthly.schema(), c, "monthly share")?;
    }
    let with_value = monthly
        .clone()
        .lazy()
        .filter(col("value").is_not_null())
        .with_column(lit(1.0).alias("months"))
        .collect()?;
    if with_value.height() == 0 {
        return Err(Error::data(
            "value",
            "a summary over the months needs at least one month with a value",
            "no month with a value",
            "",
        ));
    }
    let (keys, sums) = sums_by(
        with_value.clone().lazy(),
        by,
        &["numerator", "denominator", "months"],
    )?;
    let mut pooled = percentages(
        keys,
        &sums[0],
        &sums[1],
        confidence,
        "pooled share over the months (percent)",
    );
    pooled.add_column(Column::new("months".into(), sums[2].clone()));
    let mut pooled = pooled.finish(crate::measure::OutputType::Full)?;
    pooled.with_column(Column::new(
        "summary".into(),
        vec!["pooled share"; pooled.height()],
    ))?;
    let mut mean = Mean::new("value")
        .by(by.to_vec())
        .confidence(confidence)
        .compute(with_value.lazy())?;
    // A mean of percentages has no counts: the months are its own column.
    let months = mean
        .column("denominator")?
        .clone()
        .with_name("months".into());
    let no_counts = Column::full_null("denominator".into(), mean.height(), &DataType::Float64);
    mean.with_column(no_counts)?;
    mean.with_column(months)?;
    mean.apply("statistic", |s| {
        Column::new(
            s.name().clone(),
            vec!["mean of monthly shares (percent)"; s.len()],
        )
    })?;
    mean.with_column(Column::new(
        "summary".into(),
        vec!["mean of monthly shares"; mean.height()],
    ))?;
    let columns: Vec<String> = pooled
        .get_column_names()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let mut both = pooled.vstack(&mean.select(columns.iter().map(String::as_str))?)?;
    let mut order: Vec<PlSmallStr> = by.iter().map(|b| b.as_str().into()).collect();
    order.push("summary".into());
    both = both.sort(
        order,
        SortMultipleOptions::default()
            .with_order_descending_multi(std::iter::repeat_n(false, by.len()).chain([true])),
    )?;
    let mut names: Vec<&str> = by.iter().map(String::as_str).collect();
    names.push("summary");
    for c in &columns {
        if !names.contains(&c.as_str()) {
            names.push(c);
        }
    }
    Ok(both.select(names)?)
}
