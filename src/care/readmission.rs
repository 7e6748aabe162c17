//! Readmission within 30 days of older people: of the discharges alive of
//! patients aged 65 or more, the share followed by a new admission within
//! 30 days, for any cause ("andelen återinskrivna äldre inom 30 dagar
//! oavsett orsak").
//!
//! Over 500 lines: the options, the stays followed per patient and the
//! share are one piece (about half of the file is its tests).

use chrono::NaiveDate;
use polars::prelude::*;

use super::options::{CareCommon, CareOptions, ColumnSlot, RecordColumns};
use super::records::{
    check_covered, check_days, check_per, date_of, day_number, days, extraction_date, flags,
    numbers, percentages, reserve, rows_of, sums_by, text_ranks, texts, Checks, Quality,
};
use super::waits::PERIOD;
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::measure::require_keys;
use crate::measure::OutputType;
use crate::period::{Period, PeriodKind};

/// The usual discharge types that mean the patient died.
///
/// A stay ending in death is no index stay:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::DIED_DISCHARGE_TYPES;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let stays = df!(
///     "patient_id" => ["a", "a", "b", "c"],
///     "admitted" => [d(2, 1), d(2, 20), d(3, 2), d(3, 10)],
///     "discharged" => [Some(d(2, 9)), Some(d(2, 27)), Some(d(3, 8)), Some(d(3, 15))],
///     "age" => [84, 84, 77, 91],
///     "discharge_type" => ["hem", "hem", "hem", "avliden"],
/// )?;
/// let readmission = Readmission::new("T1 2024".parse()?);
/// assert_eq!(readmission.died, DIED_DISCHARGE_TYPES);
/// let share = readmission.share(&stays)?;
/// // a's first stay is followed by a new one 11 days later; c died.
/// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(1.0));
/// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(3.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const DIED_DISCHARGE_TYPES: [&str; 3] = ["died", "död", "avliden"];

/// The usual discharge types that mean a transfer to another hospital.
///
/// A patient moved from Östersund to another hospital and admitted there
/// the next day has one episode of care, not a readmission:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::TRANSFER_DISCHARGE_TYPES;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let stays = df!(
///     "patient_id" => ["a", "a"],
///     "admitted" => [d(3, 1), d(3, 7)],
///     "discharged" => [Some(d(3, 6)), Some(d(3, 12))],
///     "age" => [79, 79],
///     "discharge_type" => ["överflyttad", "hem"],
/// )?;
/// let readmission = Readmission::new("T1 2024".parse()?);
/// assert_eq!(readmission.transferred, TRANSFER_DISCHARGE_TYPES);
/// let share = readmission.share(&stays)?;
/// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(0.0));
/// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(1.0));
/// // Without the transfer types, the next day's admission is a readmission.
/// let share = readmission.transferred(Vec::<String>::new()).share(&stays)?;
/// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(1.0));
/// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(2.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const TRANSFER_DISCHARGE_TYPES: [&str; 3] = ["transfer", "annat sjukhus", "överflyttad"];

/// The usual words of a list may be absent from a file (one without deaths);
/// any other name must be one of the file's own discharge types, or a
/// misspelt type would silently match nothing.
fn occur(
    argument: &str,
    list: &[String],
    usual: &[&str],
    seen: &[&str],
    column: &str,
) -> Result<()> {
    let unknown = list.iter().find(|d| {
        !usual.iter().any(|u| u.eq_ignore_ascii_case(d))
            && !seen.iter().any(|s| s.eq_ignore_ascii_case(d))
    });
    match unknown {
        None => Ok(()),
        Some(d) => Err(Error::argument(
            argument,
            &format!(
                "each discharge type named must occur in the `{column}` column ({})",
                seen.join(", ")
            ),
            format!("{d:?}"),
        )),
    }
}

/// Column names of the inpatient stays (one row per stay).
///
/// Stays as the patient administrative system names them, without a
/// discharge type:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::StayColumns;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let stays = df!(
///     "pnr" => ["a", "a", "b", "b"],
///     "inskrivning" => [d(1, 10), d(2, 20), d(2, 3), d(2, 28)],
///     "utskrivning" => [Some(d(1, 15)), Some(d(2, 24)), Some(d(2, 7)), Some(d(3, 4))],
///     "alder" => [72, 72, 88, 88],
/// )?;
/// let columns = StayColumns::renamed("columns", [
///     ("patient_id", "pnr"), ("admitted", "inskrivning"),
///     ("discharged", "utskrivning"), ("age", "alder"),
/// ])?
/// .not_recorded("discharge_type")?; // every discharge taken as alive
/// let readmission = Readmission::new("T1 2024".parse()?).columns(columns);
/// let share = readmission.share(&stays)?;
/// // a is back after 36 days (not within 30), b after 21 days.
/// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(1.0));
/// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(4.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StayColumns {
    /// Patient id (default `patient_id`).
    pub patient: String,
    /// Admission date or datetime (default `admitted`).
    pub admitted: String,
    /// Discharge date or datetime, null while admitted (default `discharged`).
    pub discharged: String,
    /// Age at admission in years (default `age`).
    pub age: String,
    /// Acute (true) or planned admission (default `acute`); read only with `acute_only`.
    pub acute: String,
    /// How the stay ended (default `discharge_type`); `None` when not
    /// recorded (every discharge is then taken as alive).
    pub discharge_type: Option<String>,
}

impl RecordColumns for StayColumns {
    fn slots(&mut self) -> Vec<(&'static str, ColumnSlot<'_>)> {
        vec![
            ("patient_id", ColumnSlot::Required(&mut self.patient)),
            ("admitted", ColumnSlot::Required(&mut self.admitted)),
            ("discharged", ColumnSlot::Required(&mut self.discharged)),
            ("age", ColumnSlot::Required(&mut self.age)),
            ("acute", ColumnSlot::Required(&mut self.acute)),
            (
                "discharge_type",
                ColumnSlot::Optional(&mut self.discharge_type),
            ),
        ]
    }
}

impl Default for StayColumns {
    fn default() -> Self {
        StayColumns {
            patient: "patient_id".into(),
            admitted: "admitted".into(),
            discharged: "discharged".into(),
            age: "age".into(),
            acute: "acute".into(),
            discharge_type: Some("discharge_type".into()),
        }
    }
}

/// Readmission within `days` (30) of the discharges of people aged
/// `min_age` (65) or more.
///
/// # Definition
/// - Stays are read as calendar days (datetimes are cut to their date).
/// - With `merge_transfers` (default), a stay admitted on or before the
///   day another stay of the patient ended (a transfer between wards or
///   hospitals, or an overlap), or on the day after a discharge to another
///   hospital (`discharge_type` one of `transferred`), is joined to it: one
///   stay from the first admission to the last discharge, with the age and
///   acute flag of the first admission and the unit, group columns and
///   discharge type of the stay that ended it. So a chain of transfers is
///   one episode, and its last discharge is the index discharge.
/// - Index stays: stays discharged in `period` of patients aged at least
///   `min_age` at admission, alive at discharge (`discharge_type` not one
///   of `died`).
/// - Readmitted: a new admission of the patient 0 to `days` days after the
///   index discharge (day 30 counts, day 31 does not), of any kind (or acute
///   only, `acute_only`). A readmission stay is itself an index stay when it
///   qualifies, so chains count at every link.
/// - `follow_up_incomplete` counts the index stays whose window ends after
///   the latest admission in the data: their readmissions may be missing.
///
/// ```
/// use indikator::{Period, Readmission};
/// use indikator::polars::prelude::*;
/// use indikator::chrono::NaiveDate;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let stays = df!(
///     "patient_id" => ["a", "a", "b"],
///     "admitted" => [d(3, 1), d(4, 5), d(3, 2)],
///     "discharged" => [Some(d(3, 6)), Some(d(4, 9)), Some(d(3, 8))],
///     "age" => [81, 81, 77],
///     "discharge_type" => ["home", "home", "home"],
/// )?;
/// let share = Readmission::new("T1 2024".parse()?).share(&stays)?;
/// // a: discharged 6 March, back 5 April (30 days): readmitted. Then 9 April: not.
/// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(1.0));
/// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(3.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Readmission {
    /// The index discharges are those in this period.
    pub period: Period,
    /// Split by the period of the index discharge (e.g. month).
    pub per: Option<PeriodKind>,
    /// The youngest age at admission of an index stay (default 65).
    pub min_age: f64,
    /// The follow-up in days after discharge (default 30, inclusive).
    pub days: u32,
    /// Count only acute readmissions (default false: all causes).
    pub acute_only: bool,
    /// Join transfers and overlapping stays into one stay (default true).
    pub merge_transfers: bool,
    /// The discharge types that mean the patient died (compared ignoring
    /// case; default [`DIED_DISCHARGE_TYPES`]). A name other than those must occur in the
    /// discharge-type column.
    pub died: Vec<String>,
    /// The discharge types that mean a transfer to another hospital: an
    /// admission on the next day is then joined too (compared ignoring
    /// case; default [`TRANSFER_DISCHARGE_TYPES`]). A name other than those
    /// must occur in the discharge-type column.
    pub transferred: Vec<String>,
    /// The day the data were taken out; later dates are invalid (default: today).
    pub as_of: Option<NaiveDate>,
    /// Groups (sex, age group, unit, kommun…), invalid records and
    /// confidence: set with the [`CareOptions`] setters.
    pub common: CareCommon,
    /// Column names.
    pub columns: StayColumns,
}

crate::setters::setters!(Readmission {
    /// The youngest age at admission of an index stay (default 65).
    ///
    /// Readmission of people aged 75 or more:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "b", "b"],
    ///     "admitted" => [d(2, 1), d(2, 3), d(2, 20)],
    ///     "discharged" => [Some(d(2, 9)), Some(d(2, 8)), Some(d(2, 27))],
    ///     "age" => [84, 68, 68],
    ///     "discharge_type" => ["hem", "hem", "hem"],
    /// )?;
    /// let share = Readmission::new("T1 2024".parse()?).share(&stays)?;
    /// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(3.0)); // 65+
    /// let share = Readmission::new("T1 2024".parse()?).min_age(75.0).share(&stays)?;
    /// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(1.0)); // a only
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    min_age: f64,
    /// The follow-up in days after discharge (default 30, inclusive).
    ///
    /// A return after 14 days is a readmission within 30 days, not within 7:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "a"],
    ///     "admitted" => [d(3, 1), d(3, 20)],
    ///     "discharged" => [Some(d(3, 6)), Some(d(3, 25))],
    ///     "age" => [79, 79],
    ///     "discharge_type" => ["hem", "hem"],
    /// )?;
    /// let within_30 = Readmission::new("T1 2024".parse()?).share(&stays)?;
    /// assert_eq!(within_30.column("numerator")?.f64()?.get(0), Some(1.0));
    /// let within_7 = Readmission::new("T1 2024".parse()?).days(7).share(&stays)?;
    /// assert_eq!(within_7.column("numerator")?.f64()?.get(0), Some(0.0));
    /// assert_eq!(
    ///     within_7.column("statistic")?.str()?.get(0),
    ///     Some("share readmitted within 7 days (percent)")
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    days: u32,
    /// Count only acute readmissions (default false: all causes).
    ///
    /// A planned return (a's) is no acute readmission; b's acute return is:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "a", "b", "b"],
    ///     "admitted" => [d(3, 1), d(3, 20), d(3, 2), d(3, 12)],
    ///     "discharged" => [Some(d(3, 6)), Some(d(3, 22)), Some(d(3, 8)), Some(d(3, 15))],
    ///     "age" => [79, 79, 86, 86],
    ///     "acute" => [true, false, true, true],
    ///     "discharge_type" => ["hem"; 4],
    /// )?;
    /// let all = Readmission::new("T1 2024".parse()?).share(&stays)?;
    /// assert_eq!(all.column("numerator")?.f64()?.get(0), Some(2.0));
    /// let acute = Readmission::new("T1 2024".parse()?).acute_only(true).share(&stays)?;
    /// assert_eq!(acute.column("numerator")?.f64()?.get(0), Some(1.0));
    /// assert_eq!(acute.column("denominator")?.f64()?.get(0), Some(4.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    acute_only: bool,
    /// Join transfers and overlapping stays into one stay (default true).
    ///
    /// A move to another ward on the day of discharge is one stay, or,
    /// unjoined, a readmission after 0 days:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "a"],
    ///     "admitted" => [d(3, 1), d(3, 6)],
    ///     "discharged" => [Some(d(3, 6)), Some(d(3, 12))],
    ///     "age" => [83, 83],
    ///     "discharge_type" => ["hem", "hem"],
    /// )?;
    /// let joined = Readmission::new("T1 2024".parse()?).share(&stays)?;
    /// assert_eq!(joined.column("denominator")?.f64()?.get(0), Some(1.0));
    /// assert_eq!(joined.column("numerator")?.f64()?.get(0), Some(0.0));
    /// let apart = Readmission::new("T1 2024".parse()?).merge_transfers(false).share(&stays)?;
    /// assert_eq!(apart.column("denominator")?.f64()?.get(0), Some(2.0));
    /// assert_eq!(apart.column("numerator")?.f64()?.get(0), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    merge_transfers: bool,
    /// The discharge types that mean the patient died (compared ignoring
    /// case; default [`DIED_DISCHARGE_TYPES`]). A name other than those must occur in the
    /// discharge-type column.
    ///
    /// Records whose death is written "avled på sjukhus", and a misspelt
    /// type refused:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "a", "c"],
    ///     "admitted" => [d(2, 1), d(2, 20), d(3, 10)],
    ///     "discharged" => [Some(d(2, 9)), Some(d(2, 27)), Some(d(3, 15))],
    ///     "age" => [84, 84, 91],
    ///     "discharge_type" => ["hem", "hem", "avled på sjukhus"],
    /// )?;
    /// let usual = Readmission::new("T1 2024".parse()?).share(&stays)?;
    /// assert_eq!(usual.column("denominator")?.f64()?.get(0), Some(3.0)); // c taken as alive
    /// let own = Readmission::new("T1 2024".parse()?).died(["avled på sjukhus"]);
    /// assert_eq!(own.share(&stays)?.column("denominator")?.f64()?.get(0), Some(2.0));
    /// let misspelt = Readmission::new("T1 2024".parse()?).died(["avled pa sjukhus"]);
    /// assert!(matches!(misspelt.share(&stays), Err(Error::InvalidArgument { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    list died,
    /// The discharge types that mean a transfer to another hospital: an
    /// admission on the next day is then joined too (compared ignoring
    /// case; default [`TRANSFER_DISCHARGE_TYPES`]). A name other than those
    /// must occur in the discharge-type column.
    ///
    /// Records that write a transfer "vidare till annat sjukhus": named, the
    /// next day's admission elsewhere is the same episode:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "a"],
    ///     "admitted" => [d(3, 1), d(3, 7)],
    ///     "discharged" => [Some(d(3, 6)), Some(d(3, 12))],
    ///     "age" => [79, 79],
    ///     "discharge_type" => ["vidare till annat sjukhus", "hem"],
    /// )?;
    /// let usual = Readmission::new("T1 2024".parse()?).share(&stays)?;
    /// assert_eq!(usual.column("numerator")?.f64()?.get(0), Some(1.0));
    /// let own = Readmission::new("T1 2024".parse()?).transferred(["vidare till annat sjukhus"]);
    /// let share = own.share(&stays)?;
    /// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(0.0));
    /// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    list transferred,
    /// The day the data were taken out; later dates are invalid (default: today).
    ///
    /// Data taken out on 6 May 2024 speak for the first tertial, not yet
    /// for the second:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "a"],
    ///     "admitted" => [d(3, 1), d(3, 20)],
    ///     "discharged" => [Some(d(3, 6)), Some(d(3, 25))],
    ///     "age" => [79, 79],
    ///     "discharge_type" => ["hem", "hem"],
    /// )?;
    /// let t1 = Readmission::new("T1 2024".parse()?).as_of(d(5, 6));
    /// assert_eq!(t1.share(&stays)?.column("denominator")?.f64()?.get(0), Some(2.0));
    /// let t2 = Readmission::new("T2 2024".parse()?).as_of(d(5, 6));
    /// assert!(matches!(t2.share(&stays), Err(Error::InvalidArgument { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    some as_of: NaiveDate,
    /// Column names.
    ///
    /// Stays as the patient administrative system names them:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::StayColumns;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "pnr" => ["a", "a"],
    ///     "inskrivning" => [d(3, 1), d(3, 20)],
    ///     "utskrivning" => [Some(d(3, 6)), Some(d(3, 25))],
    ///     "alder" => [79, 79],
    ///     "utskrivningssatt" => ["hem", "hem"],
    /// )?;
    /// let columns = StayColumns::renamed("columns", [
    ///     ("patient_id", "pnr"), ("admitted", "inskrivning"), ("discharged", "utskrivning"),
    ///     ("age", "alder"), ("discharge_type", "utskrivningssatt"),
    /// ])?;
    /// let share = Readmission::new("T1 2024".parse()?).columns(columns).share(&stays)?;
    /// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(1.0));
    /// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(2.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    columns: StayColumns,
});

impl CareOptions for Readmission {
    fn common_mut(&mut self) -> &mut CareCommon {
        &mut self.common
    }
}

/// One stay after merging transfers.
struct Stay {
    /// The row of the stay that ended it (its group columns are used).
    last_row: usize,
    patient: usize,
    admitted: i32,
    discharged: Option<i32>,
    age: f64,
    acute: bool,
    died: bool,
    /// Discharged to another hospital.
    transferred: bool,
}

/// The stays with the index flag and the outcome.
struct Followed {
    stays: DataFrame,
    keys: Vec<String>,
    quality: Quality,
}

impl Readmission {
    /// The national definition for discharges in `period`: 65+, 30 days, all causes, transfers joined.
    ///
    /// ```
    /// use indikator::{Readmission, DIED_DISCHARGE_TYPES};
    /// let readmission = Readmission::new("T1 2024".parse()?);
    /// assert_eq!((readmission.min_age, readmission.days), (65.0, 30));
    /// assert!(readmission.merge_transfers && !readmission.acute_only);
    /// assert_eq!(readmission.died, DIED_DISCHARGE_TYPES);
    /// assert_eq!((readmission.per, readmission.as_of), (None, None)); // one row; as of today
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn new(period: Period) -> Self {
        Readmission {
            period,
            per: None,
            min_age: 65.0,
            days: 30,
            acute_only: false,
            merge_transfers: true,
            died: DIED_DISCHARGE_TYPES.iter().map(|d| d.to_string()).collect(),
            transferred: TRANSFER_DISCHARGE_TYPES
                .iter()
                .map(|d| d.to_string())
                .collect(),
            as_of: None,
            common: CareCommon::default(),
            columns: StayColumns::default(),
        }
    }

    /// Split by the period of the discharge.
    ///
    /// The first tertial month by month (a month without index stays has
    /// no row):
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "a", "b"],
    ///     "admitted" => [d(2, 1), d(2, 20), d(3, 2)],
    ///     "discharged" => [Some(d(2, 9)), Some(d(2, 27)), Some(d(3, 8))],
    ///     "age" => [84, 84, 77],
    ///     "discharge_type" => ["hem", "hem", "hem"],
    /// )?;
    /// let monthly = Readmission::new("T1 2024".parse()?).per(PeriodKind::Month).share(&stays)?;
    /// let months: Vec<&str> = monthly.column("period")?.str()?.iter().flatten().collect();
    /// assert_eq!(months, ["2024-02", "2024-03"]);
    /// assert_eq!(monthly.column("denominator")?.f64()?.to_vec(), [Some(2.0), Some(1.0)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn per(mut self, kind: PeriodKind) -> Self {
        self.per = Some(kind);
        self
    }

    fn check(&self) -> Result<()> {
        self.period.validate()?;
        if !(0.0..=120.0).contains(&self.min_age) {
            return Err(Error::argument(
                "min_age",
                "an age from 0 to 120",
                self.min_age,
            ));
        }
        check_per(self.per, &self.period)?;
        check_days("days", self.days)?;
        if self.days == 0 {
            return Err(Error::argument(
                "days",
                "a readmission window of at least 1 day (a same-day return is a transfer)",
                self.days,
            ));
        }
        reserve(&self.common.by, &[PERIOD])
    }

    fn follow(&self, records: &DataFrame) -> Result<Followed> {
        self.check()?;
        let c = &self.columns;
        let patients = texts(records, &c.patient, "patient id")?;
        let admitted = days(records, &c.admitted, "admission date")?;
        let discharged = days(records, &c.discharged, "discharge date")?;
        let ages = numbers(records, &c.age, "age at admission")?;
        let acute = if self.acute_only {
            flags(records, &c.acute, "acute admission")?
        } else {
            vec![Some(true); records.height()]
        };
        let (died, transferred): (Vec<bool>, Vec<bool>) = match &c.discharge_type {
            Some(name) => {
                let types = texts(records, name, "discharge type")?;
                let mut seen: Vec<&str> = types.iter().flatten().collect();
                seen.sort_unstable();
                seen.dedup();
                for (argument, list, usual) in [
                    ("died", &self.died, &DIED_DISCHARGE_TYPES),
                    ("transferred", &self.transferred, &TRANSFER_DISCHARGE_TYPES),
                ] {
                    occur(argument, list, usual, &seen, name)?;
                }
                let of = |list: &[String]| -> Vec<bool> {
                    types
                        .iter()
                        .map(|t| t.is_some_and(|t| list.iter().any(|d| d.eq_ignore_ascii_case(t))))
                        .collect()
                };
                (of(&self.died), of(&self.transferred))
            }
            None => (vec![false; records.height()], vec![false; records.height()]),
        };
        require_keys(records.schema(), &self.common.by, "group")?;
        let as_of = extraction_date(self.as_of);
        let mut quality = Quality::default();
        quality.push("stays", records.height());
        let mut checks = Checks::new(records.height(), self.common.invalid, &mut quality);
        checks.present(&c.patient, "patient ids", |i| patients.get(i).is_none())?;
        checks.present(&c.admitted, "admission dates", |i| admitted[i].is_none())?;
        checks.ages(&c.age, &ages)?;
        if self.acute_only {
            checks.present(&c.acute, "acute admission flags", |i| acute[i].is_none())?;
        }
        let acute: Vec<bool> = acute.iter().map(|f| f.unwrap_or(false)).collect();
        checks.ordered(
            &c.discharged,
            "the discharge must not be before the admission",
            &admitted,
            &discharged,
        )?;
        checks.not_after(&c.admitted, &admitted, as_of)?;
        checks.not_after(&c.discharged, &discharged, as_of)?;
        check_covered(&self.period, Some(as_of), &discharged, &c.discharged)?;
        checks.keys_present(records, &self.common.by)?;
        let kept = checks.kept.clone();

        // Patients as numbers, then rows in order of patient, admission, discharge.
        let mut rows: Vec<usize> = (0..records.height()).filter(|&i| kept[i]).collect();
        let patient_rank = text_ranks(&patients);
        rows.sort_unstable_by_key(|&i| {
            (
                patient_rank[i],
                admitted[i],
                discharged[i].unwrap_or(i32::MAX),
                i,
            )
        });
        let mut stays: Vec<Stay> = Vec::with_capacity(rows.len());
        let (mut transfers, mut overlaps) = (0usize, 0usize);
        let mut patient_no = 0usize;
        for (k, &i) in rows.iter().enumerate() {
            let same_patient = k > 0 && patient_rank[rows[k - 1]] == patient_rank[i];
            if k > 0 && !same_patient {
                patient_no += 1;
            }
            let a = admitted[i].unwrap_or(0);
            if let Some(last) = stays
                .last_mut()
                .filter(|_| same_patient && self.merge_transfers)
            {
                let end = last.discharged.unwrap_or(i32::MAX);
                // The day after a discharge to another hospital is still a transfer.
                let next_day = last.transferred && end < i32::MAX && a == end + 1;
                if a <= end || next_day {
                    if a < end {
                        overlaps += 1;
                    } else {
                        transfers += 1;
                    }
                    let later = match (discharged[i], last.discharged) {
                        (None, _) => true,
                        (Some(_), None) => false,
                        (Some(d), Some(e)) => d >= e,
                    };
                    if later {
                        last.discharged = discharged[i];
                        last.last_row = i;
                        last.died = died[i];
                        last.transferred = transferred[i];
                    }
                    continue;
                }
            }
            stays.push(Stay {
                last_row: i,
                patient: patient_no,
                admitted: a,
                discharged: discharged[i],
                age: ages[i].unwrap_or(0.0),
                acute: acute[i],
                died: died[i],
                transferred: transferred[i],
            });
        }
        if self.merge_transfers {
            quality.push(
                "transfers joined (admitted the day another stay ended, or the next day after a \
                 discharge to another hospital)",
                transfers,
            );
            quality.push("overlapping stays joined", overlaps);
        }
        let latest = rows
            .iter()
            .filter_map(|&i| admitted[i])
            .max()
            .unwrap_or(i32::MIN);
        let (start, end) = (
            day_number(self.period.start()),
            day_number(self.period.end()),
        );
        let mut index_rows = Vec::new();
        let (mut discharged_out, mut admitted_out, mut ages_out, mut patient_out) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut readmitted, mut gap, mut incomplete, mut labels) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut too_young, mut dead, mut in_period) = (0usize, 0usize, 0usize);
        for (s, stay) in stays.iter().enumerate() {
            let Some(d) = stay.discharged.filter(|d| *d >= start && *d <= end) else {
                continue;
            };
            in_period += 1;
            if stay.age < self.min_age {
                too_young += 1;
                continue;
            }
            if stay.died {
                dead += 1;
                continue;
            }
            let limit = d + self.days as i32;
            let next = stays[s + 1..]
                .iter()
                .take_while(|n| n.patient == stay.patient && n.admitted <= limit)
                .find(|n| n.admitted >= d && n.acute);
            index_rows.push(stay.last_row);
            patient_out.push(patients.get(stay.last_row).unwrap_or_default().to_string());
            admitted_out.push(date_of(stay.admitted));
            discharged_out.push(date_of(d));
            ages_out.push(stay.age);
            readmitted.push(next.is_some());
            gap.push(next.map(|n| n.admitted - d));
            incomplete.push(limit > latest);
            labels.push(
                self.per
                    .and_then(|k| k.containing(date_of(d)))
                    .map(|p| p.iso()),
            );
        }
        quality.push(format!("stays discharged in {}", self.period), in_period);
        quality.push(
            format!("discharges of patients younger than {}", self.min_age),
            too_young,
        );
        quality.push("discharges of patients who died", dead);
        quality.push("index stays", index_rows.len());
        quality.push(
            "index stays followed up past the latest admission in the data",
            incomplete.iter().filter(|x| **x).count(),
        );
        let mut out = rows_of(records, &self.common.by, &index_rows)?;
        let mut keys = self.common.by.clone();
        if self.per.is_some() {
            out.with_column(Column::new(PERIOD.into(), labels))?;
            keys.push(PERIOD.into());
        }
        for column in [
            Column::new(c.patient.as_str().into(), patient_out),
            Column::new(c.admitted.as_str().into(), admitted_out),
            Column::new(c.discharged.as_str().into(), discharged_out),
            Column::new(c.age.as_str().into(), ages_out),
            Column::new("readmitted".into(), readmitted),
            Column::new("days_to_readmission".into(), gap),
            Column::new("follow_up_incomplete".into(), incomplete),
        ] {
            out.with_column(column)?;
        }
        Ok(Followed {
            stays: out,
            keys,
            quality,
        })
    }

    /// The index stays, one row each: the group columns (and `period`), the
    /// patient id, the (joined) admission and discharge dates, the age,
    /// `readmitted`, `days_to_readmission` and `follow_up_incomplete`.
    /// Holds patient ids: for analysis, not for publication.
    ///
    /// # Errors
    /// Missing or mistyped columns; invalid stays (unless excluded).
    ///
    /// Which stays were followed by what:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "a", "b"],
    ///     "admitted" => [d(3, 1), d(4, 5), d(3, 2)],
    ///     "discharged" => [Some(d(3, 6)), Some(d(4, 9)), Some(d(3, 8))],
    ///     "age" => [81, 81, 77],
    ///     "discharge_type" => ["hem", "hem", "hem"],
    /// )?;
    /// let index = Readmission::new("T1 2024".parse()?).stays(&stays)?;
    /// assert_eq!(index.height(), 3);
    /// let readmitted: Vec<bool> = index.column("readmitted")?.bool()?.iter().flatten().collect();
    /// assert_eq!(readmitted, [true, false, false]); // a back on day 30 (6 March to 5 April)
    /// let days = index.column("days_to_readmission")?.cast(&DataType::Int64)?;
    /// assert_eq!(days.i64()?.get(0), Some(30));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn stays(&self, records: impl IntoFrame) -> Result<DataFrame> {
        let records = &records.into_data_frame()?;
        Ok(self.follow(records)?.stays)
    }

    /// The share readmitted per group: `numerator` (index stays followed by
    /// a readmission), `denominator` (index stays), the percentage `value`
    /// with Wilson limits, `status` and `follow_up_incomplete`.
    ///
    /// # Errors
    /// As [`Readmission::stays`].
    ///
    /// By kommun (the kommun of the stay that ended each episode):
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "a", "c"],
    ///     "admitted" => [d(3, 1), d(3, 20), d(3, 2)],
    ///     "discharged" => [Some(d(3, 6)), Some(d(3, 27)), Some(d(3, 8))],
    ///     "age" => [81, 81, 77],
    ///     "discharge_type" => ["hem", "hem", "hem"],
    ///     "kommun" => ["Östersund", "Östersund", "Krokom"],
    /// )?;
    /// let share = Readmission::new("T1 2024".parse()?).by(["kommun"]).share(&stays)?;
    /// assert_eq!(share.column("kommun")?.str()?.get(0), Some("Krokom"));
    /// assert_eq!(share.column("value")?.f64()?.to_vec(), [Some(0.0), Some(50.0)]);
    /// // Wilson's 95 % limits of 1 of 2: 9.45 % to 90.55 %.
    /// let lower = share.column("lower")?.f64()?.get(1).unwrap();
    /// assert!((lower - 9.453_120_573).abs() < 1e-6, "{lower}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn share(&self, records: impl IntoFrame) -> Result<DataFrame> {
        let records = &records.into_data_frame()?;
        self.share_of(self.follow(records)?)
    }

    /// [`Readmission::share`] and [`Readmission::quality`] from one pass
    /// over the stays (the report wants both).
    #[cfg(feature = "report")]
    pub(crate) fn share_and_quality(&self, records: &DataFrame) -> Result<(DataFrame, DataFrame)> {
        let mut f = self.follow(records)?;
        let quality = std::mem::take(&mut f.quality).frame()?;
        Ok((self.share_of(f)?, quality))
    }

    fn share_of(&self, f: Followed) -> Result<DataFrame> {
        let frame = f.stays.lazy().with_column(lit(true).alias("__ik_index"));
        let (keys, sums) = sums_by(
            frame,
            &f.keys,
            &["readmitted", "__ik_index", "follow_up_incomplete"],
        )?;
        let statistic = format!("share readmitted within {} days (percent)", self.days);
        let mut table = percentages(keys, &sums[0], &sums[1], self.common.confidence, &statistic);
        table.add_column(Column::new("follow_up_incomplete".into(), sums[2].clone()));
        table.finish(OutputType::Full)
    }

    /// The data-quality table (`rule`, `count`).
    ///
    /// # Errors
    /// As [`Readmission::stays`].
    ///
    /// Five stays, one index stay fewer at each step: a transfer joined, a
    /// patient of 52, a death:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "a", "b", "c", "d"],
    ///     "admitted" => [d(3, 1), d(3, 7), d(3, 2), d(3, 10), d(4, 2)],
    ///     "discharged" => [d(3, 6), d(3, 12), d(3, 5), d(3, 15), d(4, 20)],
    ///     "age" => [80, 80, 52, 91, 77],
    ///     "discharge_type" => ["överflyttad", "hem", "hem", "avliden", "hem"],
    /// )?;
    /// let quality = Readmission::new("T1 2024".parse()?).quality(&stays)?;
    /// let count = |rule: &str| -> Option<u64> {
    ///     let rules = quality.column("rule").ok()?.str().ok()?;
    ///     let row = rules.iter().position(|r| r == Some(rule))?;
    ///     quality.column("count").ok()?.u64().ok()?.get(row)
    /// };
    /// assert_eq!(count("stays"), Some(5));
    /// assert_eq!(count("discharges of patients younger than 65"), Some(1));
    /// assert_eq!(count("discharges of patients who died"), Some(1));
    /// assert_eq!(count("index stays"), Some(2)); // a (joined) and d
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quality(&self, records: impl IntoFrame) -> Result<DataFrame> {
        let records = &records.into_data_frame()?;
        self.follow(records)?.quality.frame()
    }
}
