//! Vårdgaranti: waiting times against the care guarantee (0–3–90–90, BUP
//! 30 + 30), measured the two ways of the national statistics — the patients
//! still waiting at a snapshot (*väntande*) and the patients whose
//! visit or treatment happened in a period (*genomförda*).
//!
//! Over 500 lines with its documentation: 355 lines of code and 522 of doc
//! comments (every public item and method carries a runnable example).

mod limits;
mod measure;
mod months;

use std::str::FromStr;

use chrono::NaiveDate;
use polars::prelude::*;

use super::options::{CareCommon, CareOptions, ColumnSlot, RecordColumns};
use super::records::{check_days, check_per, medians_by, percentages, reserve, sums_by};
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::period::{Period, PeriodKind};
use measure::{pooled_kinds, Measured, COUNTED, MOV, ONE, PVV, WAIT, WITHIN};

pub use limits::{LimitRule, WaitLimits, WAIT_KINDS};
pub use months::summarise_months;

/// How waits are measured.
///
/// The waiting measure (väntande) at the end of March 2024:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::WaitMeasure;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!("väntande".parse::<WaitMeasure>()?, WaitMeasure::Waiting);
/// let referrals = df!(
///     "decided" => [d(2024, 1, 10), d(2023, 12, 1), d(2024, 2, 1), d(2024, 3, 12)],
///     "completed" => [None, None, Some(d(2024, 3, 4)), Some(d(2024, 3, 25))],
///     "kind" => ["first_visit"; 4],
///     "pvv" => [false; 4],
///     "mov" => [false; 4],
/// )?;
/// let waits = Waits::waiting("2024-03".parse()?).as_of(d(2024, 4, 15));
/// assert_eq!(waits.measure, WaitMeasure::Waiting);
/// let share = waits.fulfilment(&referrals)?;
/// // On 31 March: waiting 81 days (within 90) and 121 days (not); the
/// // others were seen in March.
/// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(2.0));
/// assert_eq!(share.column("value")?.f64()?.get(0), Some(50.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
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
///
/// Referrals with the names of the extract, without PVV and MOV (not
/// recorded: no wait is left out):
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::WaitColumns;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let referrals = df!(
///     "beslutsdatum" => [d(1, 8), d(1, 22), d(2, 5), d(2, 12)],
///     "besoksdatum" => [Some(d(2, 20)), Some(d(4, 30)), Some(d(3, 1)), None],
///     "vantetyp" => ["first_visit"; 4],
/// )?;
/// let columns = WaitColumns::renamed("columns", [
///     ("decided", "beslutsdatum"), ("completed", "besoksdatum"), ("kind", "vantetyp"),
/// ])?
/// .not_recorded("pvv")?
/// .not_recorded("mov")?;
/// let waits = Waits::completed("T1 2024".parse()?).as_of(d(5, 31)).columns(columns);
/// let share = waits.fulfilment(&referrals)?;
/// // 43, 99 and 25 days: two within 90; the fourth is still waiting.
/// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(2.0));
/// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(3.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
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

impl RecordColumns for WaitColumns {
    fn slots(&mut self) -> Vec<(&'static str, ColumnSlot<'_>)> {
        vec![
            ("decided", ColumnSlot::Required(&mut self.decided)),
            ("completed", ColumnSlot::Required(&mut self.completed)),
            ("kind", ColumnSlot::Required(&mut self.kind)),
            ("pvv", ColumnSlot::Optional(&mut self.pvv)),
            ("mov", ColumnSlot::Optional(&mut self.mov)),
        ]
    }
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
/// and shares of all records. A flag column that is not recorded
/// ([`crate::RecordColumns::not_recorded`]) reads as "no" for every record;
/// a missing flag in a recorded column is an invalid record (an error, or
/// left out and counted with [`CareOptions::exclude_invalid`](crate::CareOptions::exclude_invalid)).
///
/// # Example
/// ```
/// use indikator::{CareOptions, Period, Waits};
/// use indikator::polars::prelude::*;
/// use indikator::chrono::NaiveDate;
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
#[non_exhaustive]
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
    /// Groups (unit, clinic, kommun, sex, age group, kind…), invalid
    /// records and confidence: set with the [`CareOptions`] setters.
    pub common: CareCommon,
    /// Column names.
    pub columns: WaitColumns,
}

crate::setters::setters!(Waits {
    /// Leave patient-chosen waits out of the share (default true).
    ///
    /// A patient who chose to wait, kept in the share:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let referrals = df!(
    ///     "decided" => [d(1, 2), d(1, 10), d(2, 1)],
    ///     "completed" => [d(3, 1), d(4, 20), d(3, 2)],
    ///     "kind" => ["first_visit"; 3],
    ///     "pvv" => [false, false, true],
    ///     "mov" => [false; 3],
    /// )?;
    /// let waits = Waits::completed("T1 2024".parse()?).as_of(d(5, 31));
    /// let kept = waits.exclude_pvv(false).fulfilment(&referrals)?;
    /// // 59 and 101 days, and the patient-chosen 30 days: two of three within 90
    /// // (left out, the default: one of two).
    /// assert_eq!(kept.column("numerator")?.f64()?.get(0), Some(2.0));
    /// assert_eq!(kept.column("denominator")?.f64()?.get(0), Some(3.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    exclude_pvv: bool,
    /// Leave medically caused waits out of the share (default true).
    ///
    /// A treatment postponed for medical reasons, kept in the share:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let referrals = df!(
    ///     "decided" => [d(1, 2), d(1, 10), d(1, 5)],
    ///     "completed" => [d(3, 1), d(4, 20), d(4, 30)],
    ///     "kind" => ["treatment"; 3],
    ///     "pvv" => [false; 3],
    ///     "mov" => [false, false, true],
    /// )?;
    /// let waits = Waits::completed("T1 2024".parse()?).as_of(d(5, 31));
    /// let kept = waits.exclude_mov(false).fulfilment(&referrals)?;
    /// // 59, 101 and the medically caused 116 days: one of three within 90.
    /// assert_eq!(kept.column("numerator")?.f64()?.get(0), Some(1.0));
    /// assert_eq!(kept.column("denominator")?.f64()?.get(0), Some(3.0));
    /// assert_eq!(kept.column("mov")?.f64()?.get(0), Some(1.0)); // counted either way
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    exclude_mov: bool,
    /// Upper bounds of the distribution bins (default 30, 60, 90: 0–30,
    /// 31–60, 61–90, > 90 days).
    ///
    /// The plans' 60 days as a bound of their own:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let referrals = df!(
    ///     "decided" => [d(1, 8), d(1, 22), d(2, 5)],
    ///     "completed" => [d(2, 20), d(4, 30), d(3, 1)],
    ///     "kind" => ["first_visit"; 3],
    ///     "pvv" => [false; 3],
    ///     "mov" => [false; 3],
    /// )?;
    /// let waits = Waits::completed("T1 2024".parse()?).as_of(d(5, 31)).bins(vec![60, 90]);
    /// let bins = waits.distribution(&referrals)?;
    /// let labels: Vec<&str> = bins.column("bin")?.str()?.iter().flatten().collect();
    /// assert_eq!(labels, ["0–60", "61–90", "> 90"]);
    /// // 43 and 25 days, then 99 days.
    /// assert_eq!(bins.column("numerator")?.f64()?.to_vec(), [Some(2.0), Some(0.0), Some(1.0)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    bins: Vec<u32>,
    /// Snapshot dates of the waiting measure instead of the month ends of `period`.
    ///
    /// The waiting in mid-March and at the end of March:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let referrals = df!(
    ///     "decided" => [d(2024, 1, 10), d(2023, 12, 1), d(2024, 2, 1), d(2024, 3, 12)],
    ///     "completed" => [None, None, Some(d(2024, 3, 4)), Some(d(2024, 3, 25))],
    ///     "kind" => ["first_visit"; 4],
    ///     "pvv" => [false; 4],
    ///     "mov" => [false; 4],
    /// )?;
    /// let waits = Waits::waiting("2024-03".parse()?)
    ///     .snapshots(vec![d(2024, 3, 15), d(2024, 3, 31)])
    ///     .as_of(d(2024, 4, 15));
    /// let share = waits.fulfilment(&referrals)?;
    /// // 15 March: 65, 105 and 3 days waited; 31 March: 81 and 121 days.
    /// assert_eq!(share.column("denominator")?.f64()?.to_vec(), [Some(3.0), Some(2.0)]);
    /// assert_eq!(share.column("numerator")?.f64()?.to_vec(), [Some(2.0), Some(1.0)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    some snapshots: Vec<NaiveDate>,
    /// Column names.
    ///
    /// A PVV or MOV column the records do not have: [`crate::RecordColumns::not_recorded`].
    ///
    /// An extract with its own names, PVV recorded as `patientvald` and MOV
    /// not at all:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::WaitColumns;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let referrals = df!(
    ///     "beslutsdatum" => [d(1, 8), d(1, 22), d(2, 5)],
    ///     "besoksdatum" => [d(2, 20), d(4, 30), d(3, 1)],
    ///     "vantetyp" => ["first_visit"; 3],
    ///     "patientvald" => [false, true, false],
    /// )?;
    /// let columns = WaitColumns::renamed("columns", [
    ///     ("decided", "beslutsdatum"), ("completed", "besoksdatum"),
    ///     ("kind", "vantetyp"), ("pvv", "patientvald"),
    /// ])?
    /// .not_recorded("mov")?;
    /// let waits = Waits::completed("T1 2024".parse()?).as_of(d(5, 31)).columns(columns);
    /// let share = waits.fulfilment(&referrals)?;
    /// // 43 and 25 days, both within 90; the patient-chosen 99 days left out.
    /// assert_eq!(share.column("value")?.f64()?.get(0), Some(100.0));
    /// assert_eq!(share.column("pvv")?.f64()?.get(0), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    columns: WaitColumns,
});

impl CareOptions for Waits {
    fn common_mut(&mut self) -> &mut CareCommon {
        &mut self.common
    }
}

/// The snapshot column of the waiting measure.
pub const SNAPSHOT: &str = "snapshot";
/// The period column of split results.
pub const PERIOD: &str = "period";

impl Waits {
    /// The completed measure (genomförda) over `period`, with the law's limits.
    ///
    /// The visits of the first tertial; one in May is not counted:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::WaitMeasure;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let referrals = df!(
    ///     "decided" => [d(1, 8), d(2, 5), d(3, 1)],
    ///     "completed" => [d(2, 20), d(3, 1), d(5, 10)],
    ///     "kind" => ["first_visit"; 3],
    ///     "pvv" => [false; 3],
    ///     "mov" => [false; 3],
    /// )?;
    /// let waits = Waits::completed("T1 2024".parse()?).as_of(d(5, 31));
    /// assert_eq!(waits.measure, WaitMeasure::Completed);
    /// let share = waits.fulfilment(&referrals)?;
    /// // 43 and 25 days, both within 90; the median is (43 + 25) / 2.
    /// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(2.0));
    /// assert_eq!(share.column("median_days")?.f64()?.get(0), Some(34.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn completed(period: Period) -> Self {
        Waits {
            measure: WaitMeasure::Completed,
            period,
            snapshots: None,
            per: None,
            limits: WaitLimits::law(),
            exclude_pvv: true,
            exclude_mov: true,
            bins: vec![30, 60, 90],
            as_of: None,
            common: CareCommon::default(),
            columns: WaitColumns::default(),
        }
    }

    /// The waiting measure (väntande) at each month end of `period`.
    ///
    /// Two referrals at the four month ends of the first tertial:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let referrals = df!(
    ///     "decided" => [d(2024, 1, 10), d(2023, 11, 20)],
    ///     "completed" => [Some(d(2024, 3, 20)), None],
    ///     "kind" => ["first_visit"; 2],
    ///     "pvv" => [false; 2],
    ///     "mov" => [false; 2],
    /// )?;
    /// let waits = Waits::waiting("T1 2024".parse()?).as_of(d(2024, 5, 15));
    /// let share = waits.fulfilment(&referrals)?;
    /// assert_eq!(share.height(), 4); // a snapshot column: 31 January … 30 April
    /// // January 21 and 72 days waited, February 50 and 101, then 132 and 162 alone.
    /// let value = share.column("value")?.f64()?.to_vec();
    /// assert_eq!(value, [Some(100.0), Some(50.0), Some(0.0), Some(0.0)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn waiting(period: Period) -> Self {
        Waits {
            measure: WaitMeasure::Waiting,
            ..Waits::completed(period)
        }
    }

    /// Split the period (completed measure), e.g. by month.
    ///
    /// The first tertial month by month, by the month of the visit:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let referrals = df!(
    ///     "decided" => [d(1, 8), d(2, 5), d(1, 22)],
    ///     "completed" => [d(2, 20), d(3, 1), d(4, 30)],
    ///     "kind" => ["first_visit"; 3],
    ///     "pvv" => [false; 3],
    ///     "mov" => [false; 3],
    /// )?;
    /// let waits = Waits::completed("T1 2024".parse()?).as_of(d(5, 31)).per(PeriodKind::Month);
    /// let monthly = waits.fulfilment(&referrals)?;
    /// let months: Vec<&str> = monthly.column("period")?.str()?.iter().flatten().collect();
    /// assert_eq!(months, ["2024-02", "2024-03", "2024-04"]);
    /// // 43 and 25 days within 90; 99 days not.
    /// assert_eq!(monthly.column("value")?.f64()?.to_vec(), [Some(100.0), Some(100.0), Some(0.0)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn per(mut self, kind: PeriodKind) -> Self {
        self.per = Some(kind);
        self
    }

    /// The day the data were taken out.
    ///
    /// A visit dated after the extraction is an invalid record:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let referrals = df!(
    ///     "decided" => [d(1, 8), d(2, 5)],
    ///     "completed" => [d(2, 20), d(4, 20)],
    ///     "kind" => ["first_visit"; 2],
    ///     "pvv" => [false; 2],
    ///     "mov" => [false; 2],
    /// )?;
    /// let t1: Period = "T1 2024".parse()?;
    /// let early = Waits::completed(t1).as_of(d(4, 15)).fulfilment(&referrals).unwrap_err();
    /// assert!(matches!(early, Error::InvalidData { ref column, .. } if column == "completed"));
    /// let share = Waits::completed(t1).as_of(d(5, 31)).fulfilment(&referrals)?;
    /// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(2.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_of(mut self, day: NaiveDate) -> Self {
        self.as_of = Some(day);
        self
    }

    /// Set the limits.
    ///
    /// The plans' 60 days for a first visit instead of the law's 90:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::WaitLimits;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let referrals = df!(
    ///     "decided" => [d(1, 8), d(1, 15), d(1, 22)],
    ///     "completed" => [d(2, 20), d(3, 30), d(4, 30)],
    ///     "kind" => ["first_visit"; 3],
    ///     "pvv" => [false; 3],
    ///     "mov" => [false; 3],
    /// )?;
    /// let waits = Waits::completed("T1 2024".parse()?).as_of(d(5, 31));
    /// let law = waits.clone().fulfilment(&referrals)?;
    /// let plan = waits.limits(WaitLimits::law().with_limit("first_visit", 60)).fulfilment(&referrals)?;
    /// // 43, 75 and 99 days: two within 90, one within 60.
    /// assert_eq!(law.column("numerator")?.f64()?.get(0), Some(2.0));
    /// assert_eq!(plan.column("numerator")?.f64()?.get(0), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn limits(mut self, limits: WaitLimits) -> Self {
        self.limits = limits;
        self
    }

    /// The snapshot dates of the waiting measure.
    ///
    /// The month ends of the first tertial, or the dates given, sorted and
    /// each once:
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::Waits;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let t1 = Waits::waiting("T1 2024".parse()?);
    /// assert_eq!(t1.snapshot_dates()?, [d(1, 31), d(2, 29), d(3, 31), d(4, 30)]);
    /// let given = t1.clone().snapshots(vec![d(3, 31), d(1, 15), d(3, 31)]);
    /// assert_eq!(given.snapshot_dates()?, [d(1, 15), d(3, 31)]);
    /// assert!(t1.snapshots(vec![]).snapshot_dates().is_err()); // none at all
    /// # Ok::<(), indikator::Error>(())
    /// ```
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
        reserve(&self.common.by, &[PERIOD, SNAPSHOT])
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
    ///
    /// Per kommun, Krokom (2309) and Östersund (2380):
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let referrals = df!(
    ///     "kommun" => ["2380", "2380", "2309"],
    ///     "decided" => [d(1, 8), d(1, 22), d(2, 5)],
    ///     "completed" => [d(2, 20), d(4, 30), d(3, 1)],
    ///     "kind" => ["first_visit"; 3],
    ///     "pvv" => [false; 3],
    ///     "mov" => [false; 3],
    /// )?;
    /// let waits = Waits::completed("T1 2024".parse()?).as_of(d(5, 31)).by("kommun");
    /// let share = waits.fulfilment(&referrals)?;
    /// // Krokom: 25 days; Östersund: 43 days within 90, 99 days not.
    /// assert_eq!(share.column("kommun")?.str()?.get(0), Some("2309"));
    /// assert_eq!(share.column("value")?.f64()?.to_vec(), [Some(100.0), Some(50.0)]);
    /// assert_eq!(share.column("median_days")?.f64()?.get(1), Some(71.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fulfilment(&self, records: impl IntoFrame) -> Result<DataFrame> {
        let records = &records.into_data_frame()?;
        self.fulfilment_of(self.measure(records)?)
    }

    /// [`Waits::fulfilment`] and [`Waits::quality`] from one pass over the
    /// records (the report wants both).
    #[cfg(feature = "report")]
    pub(crate) fn fulfilment_and_quality(
        &self,
        records: &DataFrame,
    ) -> Result<(DataFrame, DataFrame)> {
        let mut m = self.measure(records)?;
        let quality = std::mem::take(&mut m.quality).frame()?;
        Ok((self.fulfilment_of(m)?, quality))
    }

    fn fulfilment_of(&self, m: Measured) -> Result<DataFrame> {
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
        let mut table = percentages(keys, &sums[0], &sums[1], self.common.confidence, &statistic);
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
    ///
    /// Per kommun, Krokom (2309) and Östersund (2380), four bins each:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let referrals = df!(
    ///     "kommun" => ["2380", "2380", "2309"],
    ///     "decided" => [d(1, 8), d(1, 22), d(2, 5)],
    ///     "completed" => [d(2, 20), d(4, 30), d(3, 1)],
    ///     "kind" => ["first_visit"; 3],
    ///     "pvv" => [false; 3],
    ///     "mov" => [false; 3],
    /// )?;
    /// let waits = Waits::completed("T1 2024".parse()?).as_of(d(5, 31)).by("kommun");
    /// let bins = waits.distribution(&referrals)?;
    /// assert_eq!(bins.height(), 8);
    /// // Krokom: 25 days (0–30); Östersund: 43 days (31–60) and 99 days (> 90).
    /// let waits_in_bin = bins.column("numerator")?.f64()?.to_vec();
    /// assert_eq!(waits_in_bin, [1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0].map(Some));
    /// assert_eq!(bins.column("value")?.f64()?.get(7), Some(50.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn distribution(&self, records: impl IntoFrame) -> Result<DataFrame> {
        let records = &records.into_data_frame()?;
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
            self.common.confidence,
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
    ///
    /// A visit recorded before its referral, left out and counted, and a
    /// patient-chosen wait:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let referrals = df!(
    ///     "decided" => [d(1, 8), d(1, 22), d(2, 5), d(3, 10)],
    ///     "completed" => [d(2, 20), d(4, 30), d(3, 1), d(3, 1)],
    ///     "kind" => ["first_visit"; 4],
    ///     "pvv" => [false, true, false, false],
    ///     "mov" => [false; 4],
    /// )?;
    /// let waits = Waits::completed("T1 2024".parse()?).as_of(d(5, 31)).exclude_invalid();
    /// let quality = waits.quality(&referrals)?;
    /// let (rules, counts) = (quality.column("rule")?.str()?, quality.column("count")?.u64()?);
    /// let count = |rule: &str| counts.get(rules.iter().position(|r| r == Some(rule)).unwrap());
    /// assert_eq!(count("records"), Some(4));
    /// assert_eq!(count("excluded: the completion must not be before the decision"), Some(1));
    /// assert_eq!(count("measured: patient-chosen waits (PVV, left out of the share)"), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quality(&self, records: impl IntoFrame) -> Result<DataFrame> {
        let records = &records.into_data_frame()?;
        self.measure(records)?.quality.frame()
    }

    /// The fulfilment over the period summarised from its monthly series,
    /// both ways, labelled (see [`summarise_months`]). The completed
    /// measure is split by month; the waiting measure uses its snapshots.
    ///
    /// # Errors
    /// As [`Waits::fulfilment`].
    ///
    /// The first tertial: one visit of one within 90 days in February, one of
    /// three in April:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let referrals = df!(
    ///     "decided" => [d(1, 8), d(1, 22), d(1, 10), d(3, 1)],
    ///     "completed" => [d(2, 20), d(4, 30), d(4, 20), d(4, 10)],
    ///     "kind" => ["first_visit"; 4],
    ///     "pvv" => [false; 4],
    ///     "mov" => [false; 4],
    /// )?;
    /// let summary = Waits::completed("T1 2024".parse()?).as_of(d(5, 31)).summary(&referrals)?;
    /// let kinds: Vec<&str> = summary.column("summary")?.str()?.iter().flatten().collect();
    /// assert_eq!(kinds, ["pooled share", "mean of monthly shares"]);
    /// let value = summary.column("value")?.f64()?;
    /// assert_eq!(value.get(0), Some(50.0)); // 2 of the 4 waits (43, 99, 101, 40 days)
    /// assert!((value.get(1).unwrap() - (100.0 + 100.0 / 3.0) / 2.0).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn summary(&self, records: impl IntoFrame) -> Result<DataFrame> {
        let records = &records.into_data_frame()?;
        let (monthly, column) = match self.measure {
            WaitMeasure::Completed => (
                self.clone().per(PeriodKind::Month).fulfilment(records)?,
                PERIOD,
            ),
            WaitMeasure::Waiting => (self.fulfilment(records)?, SNAPSHOT),
        };
        summarise_months(&monthly, &self.common.by, column, self.common.confidence)
    }
}

/// The labels of the bins with these upper bounds: "0–30", "31–60", "61–90", "> 90".
///
/// They are the `bin` column of [`Waits::distribution`]:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::bin_labels;
/// assert_eq!(bin_labels(&[30, 60, 90]), ["0–30", "31–60", "61–90", "> 90"]);
/// assert_eq!(bin_labels(&[3]), ["0–3", "> 3"]);
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let referrals = df!(
///     "decided" => [d(1, 8), d(1, 22), d(2, 5)],
///     "completed" => [d(2, 20), d(4, 30), d(3, 1)],
///     "kind" => ["first_visit"; 3],
///     "pvv" => [false; 3],
///     "mov" => [false; 3],
/// )?;
/// let waits = Waits::completed("T1 2024".parse()?).as_of(d(5, 31));
/// let bins = waits.distribution(&referrals)?;
/// let shown: Vec<&str> = bins.column("bin")?.str()?.iter().flatten().collect();
/// assert_eq!(shown, bin_labels(&waits.bins));
/// // 25 days, 43 days and 99 days.
/// assert_eq!(bins.column("numerator")?.f64()?.to_vec(), [Some(1.0), Some(1.0), Some(0.0), Some(1.0)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
