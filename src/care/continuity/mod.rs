//! Continuity of care in primary care, as the national primary-care quality
//! system (Primärvårdskvalitet) measures it: the Bice–Boxerman COC of listed
//! patients with at least 3 visits in the 18 months ending at a date,
//! counting only visits at the unit where the patient is listed, for doctors
//! (or all staff). Also UPC, SECON, MMCI and Herfindahl.

mod eligibility;
mod indices;
mod summary;

use chrono::{Months, NaiveDate};
use polars::prelude::*;

use super::options::{ColumnSlot, RecordColumns};
use crate::error::{Error, Result};
use crate::stats::ContinuityIndex;

/// Column names of the visit records (one row per visit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitColumns {
    /// Patient id (default `patient_id`).
    pub patient: String,
    /// Clinician id (default `clinician_id`); missing values are excluded and counted.
    pub clinician: String,
    /// Profession (default `profession`), e.g. "läkare", "sjuksköterska".
    pub profession: String,
    /// The unit of the visit (default `unit`).
    pub unit: String,
    /// The date of the visit (default `date`).
    pub date: String,
    /// The contact type (default `contact_type`), read only when filtering on it.
    pub contact_type: String,
    /// The diagnosis code (default `diagnosis`), read only for a diagnosis filter.
    pub diagnosis: String,
}

impl RecordColumns for VisitColumns {
    fn slots(&mut self) -> Vec<(&'static str, ColumnSlot<'_>)> {
        vec![
            ("patient_id", ColumnSlot::Required(&mut self.patient)),
            ("clinician_id", ColumnSlot::Required(&mut self.clinician)),
            ("profession", ColumnSlot::Required(&mut self.profession)),
            ("unit", ColumnSlot::Required(&mut self.unit)),
            ("date", ColumnSlot::Required(&mut self.date)),
            ("contact_type", ColumnSlot::Required(&mut self.contact_type)),
            ("diagnosis", ColumnSlot::Required(&mut self.diagnosis)),
        ]
    }
}

impl Default for VisitColumns {
    fn default() -> Self {
        VisitColumns {
            patient: "patient_id".into(),
            clinician: "clinician_id".into(),
            profession: "profession".into(),
            unit: "unit".into(),
            date: "date".into(),
            contact_type: "contact_type".into(),
            diagnosis: "diagnosis".into(),
        }
    }
}

/// Column names of the listings (one row per patient and listing period).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingColumns {
    /// Patient id (default `patient_id`).
    pub patient: String,
    /// The listing unit, the hälsocentral (default `unit`).
    pub unit: String,
    /// First day listed (default `listed_from`).
    pub from: String,
    /// Last day listed, null while listed (default `listed_to`).
    pub to: String,
}

impl RecordColumns for ListingColumns {
    fn slots(&mut self) -> Vec<(&'static str, ColumnSlot<'_>)> {
        vec![
            ("patient_id", ColumnSlot::Required(&mut self.patient)),
            ("unit", ColumnSlot::Required(&mut self.unit)),
            ("listed_from", ColumnSlot::Required(&mut self.from)),
            ("listed_to", ColumnSlot::Required(&mut self.to)),
        ]
    }
}

impl Default for ListingColumns {
    fn default() -> Self {
        ListingColumns {
            patient: "patient_id".into(),
            unit: "unit".into(),
            from: "listed_from".into(),
            to: "listed_to".into(),
        }
    }
}

/// Which patients count as having a chronic disease.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Chronic {
    /// Every eligible patient.
    #[default]
    All,
    /// The patients with these ids.
    Patients(Vec<String>),
    /// Patients with a visit in the window whose diagnosis code starts with
    /// one of these (ICD-10, with or without the dot: "E11", "I50", "J44").
    DiagnosisCodes(Vec<String>),
}

impl std::str::FromStr for ContinuityIndex {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        ContinuityIndex::ALL
            .into_iter()
            .find(|i| i.name() == s.trim().to_lowercase())
            .ok_or_else(|| {
                Error::argument(
                    "index",
                    "one of \"coc\", \"upc\", \"secon\", \"mmci\", \"herfindahl\"",
                    format!("{s:?}"),
                )
            })
    }
}

/// Continuity of care over visit records and listings.
///
/// ```
/// use indikator::Continuity;
/// use polars::prelude::*;
/// use chrono::NaiveDate;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let visits = df!(
///     "patient_id" => ["p1", "p1", "p1", "p1"],
///     "clinician_id" => ["A", "A", "A", "B"],
///     "profession" => ["läkare"; 4],
///     "unit" => ["HC Lit"; 4],
///     "date" => [d(1, 5), d(2, 5), d(3, 5), d(4, 5)],
/// )?;
/// let listings = df!(
///     "patient_id" => ["p1"], "unit" => ["HC Lit"],
///     "listed_from" => [d(1, 1)], "listed_to" => [None::<NaiveDate>],
/// )?;
/// let patients = Continuity::new(d(8, 31)).patients(&visits, &listings)?;
/// assert_eq!(patients.column("coc")?.f64()?.get(0), Some(0.5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Continuity {
    /// The last day of the window (the measurement date).
    pub end: NaiveDate,
    /// The window length in months (default 18): visits from the day after
    /// `end` minus `window_months` up to `end`, both ends included.
    pub window_months: u32,
    /// The fewest visits in the window (default 3; at least 2).
    pub min_visits: u32,
    /// Count only visits at the unit where the patient is listed on `end` (default true).
    pub at_listing_unit: bool,
    /// Professions counted (default `["läkare"]`); `None` counts all staff.
    pub professions: Option<Vec<String>>,
    /// Contact types counted; `None` (default) counts all.
    pub contact_types: Option<Vec<String>>,
    /// The chronic-disease filter (default: all patients).
    pub chronic: Chronic,
    /// The index summarised per group (default COC).
    pub index: ContinuityIndex,
    /// The threshold of the share "at or above" (default 0.5).
    pub threshold: f64,
    /// Group columns, taken from the listings (the listing `unit` and any
    /// patient attribute there: kommun, sex, age group).
    pub by: Vec<String>,
    /// Visit column names.
    pub visit_columns: VisitColumns,
    /// Listing column names.
    pub listing_columns: ListingColumns,
}

pub(super) const P: &str = "__ik_patient";
pub(super) const LISTED_UNIT: &str = "__ik_listed_unit";
pub(super) const CLINICIAN: &str = "__ik_clinician";
/// A patient's number: the row of their listing on the end date.
pub(super) const PATIENT_NO: &str = "__ik_patient_no";
/// The visit's date or time as given: orders the visits of a patient.
pub(super) const TIME: &str = "__ik_time";

/// The per-patient table and the data-quality table of one computation.
#[derive(Debug, Clone)]
pub struct ContinuityResult {
    /// One row per eligible patient: the group columns, `patient_id`,
    /// `visits`, `clinicians`, `coc`, `upc`, `secon`, `mmci`, `herfindahl`.
    pub patients: DataFrame,
    /// `rule` and `count`: the visits and patients left out, and why.
    pub quality: DataFrame,
}

/// What one computation makes beyond the usual indices of each patient.
#[derive(Debug, Clone, Copy)]
pub(super) struct Wanted {
    /// SECON's count of consecutive visits to the same clinician.
    pub(super) sequential: bool,
    /// The data-quality table's counts of visits left out by each rule.
    pub(super) quality: bool,
}

impl Continuity {
    /// The national defaults at `end`: 18 months, at least 3 visits, at the
    /// listing unit, doctors ("läkare"), COC, threshold 0.5.
    pub fn new(end: NaiveDate) -> Self {
        Continuity {
            end,
            window_months: 18,
            min_visits: 3,
            at_listing_unit: true,
            professions: Some(vec!["läkare".into()]),
            contact_types: None,
            chronic: Chronic::All,
            index: ContinuityIndex::Coc,
            threshold: 0.5,
            by: Vec::new(),
            visit_columns: VisitColumns::default(),
            listing_columns: ListingColumns::default(),
        }
    }

    /// The first day of the window.
    pub fn start(&self) -> Result<NaiveDate> {
        self.end
            .checked_sub_months(Months::new(self.window_months))
            .and_then(|d| d.succ_opt())
            .ok_or_else(|| {
                Error::argument(
                    "window_months",
                    "the window starts before year 0",
                    self.window_months,
                )
            })
    }

    fn check(&self) -> Result<()> {
        if self.min_visits < 2 {
            return Err(Error::argument(
                "min_visits",
                "continuity needs at least 2 visits per patient",
                self.min_visits,
            ));
        }
        if self.window_months == 0 {
            return Err(Error::argument(
                "window_months",
                "the window must be at least one month",
                0,
            ));
        }
        if !self.threshold.is_finite() {
            return Err(Error::argument(
                "threshold",
                "must be a finite number",
                self.threshold,
            ));
        }
        Ok(())
    }

    /// The indices per eligible patient.
    ///
    /// # Errors
    /// Missing or mistyped columns, a patient listed at two units on `end`.
    pub fn patients(&self, visits: &DataFrame, listings: &DataFrame) -> Result<DataFrame> {
        let wanted = Wanted {
            sequential: true,
            quality: false,
        };
        Ok(self.computed(visits, listings, wanted)?.patients)
    }

    /// The per-patient table and the data-quality table.
    ///
    /// # Errors
    /// As [`Continuity::patients`].
    pub fn compute(&self, visits: &DataFrame, listings: &DataFrame) -> Result<ContinuityResult> {
        let wanted = Wanted {
            sequential: true,
            quality: true,
        };
        self.computed(visits, listings, wanted)
    }

    /// The per-patient table a summary needs, with the data-quality table.
    #[cfg(feature = "report")]
    pub(crate) fn computed_for_summary(
        &self,
        visits: &DataFrame,
        listings: &DataFrame,
    ) -> Result<ContinuityResult> {
        self.computed(visits, listings, self.for_summary(true))
    }

    /// The per-patient table a summary needs.
    pub(super) fn patients_for_summary(
        &self,
        visits: &DataFrame,
        listings: &DataFrame,
    ) -> Result<DataFrame> {
        Ok(self
            .computed(visits, listings, self.for_summary(false))?
            .patients)
    }

    /// A summary needs the sequential index only when it reports it
    /// (following visits in time is the costliest part).
    fn for_summary(&self, quality: bool) -> Wanted {
        Wanted {
            sequential: self.index == ContinuityIndex::Secon,
            quality,
        }
    }
}
