//! Continuity of care in primary care, as the national primary-care quality
//! system (Primärvårdskvalitet) measures it: the Bice–Boxerman COC of listed
//! patients with at least 3 visits in the 18 months ending at a date,
//! counting only visits at the unit where the patient is listed, for doctors
//! (or all staff). Also UPC, SECON, MMCI and Herfindahl.
//!
//! Over 500 lines with its documentation: 267 lines of code and 558 of doc
//! comments (every public item and method carries a runnable example).

mod eligibility;
mod indices;
mod summary;

use chrono::{Months, NaiveDate};
use polars::prelude::*;

use super::options::{ColumnSlot, RecordColumns};
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::stats::ContinuityIndex;

/// Column names of the visit records (one row per visit).
///
/// Visits as an extract from the patient record names them:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::VisitColumns;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let visits = df!(
///     "pnr" => ["p1"; 5],
///     "vardgivare" => ["A", "A", "A", "A", "B"],
///     "yrkeskategori" => ["läkare"; 5],
///     "enhet" => ["Hälsocentral Järpen"; 5],
///     "besoksdatum" => [d(1, 8), d(3, 4), d(5, 13), d(8, 19), d(10, 2)],
/// )?;
/// let listings = df!(
///     "patient_id" => ["p1"], "unit" => ["Hälsocentral Järpen"],
///     "listed_from" => [d(1, 1)], "listed_to" => [None::<NaiveDate>],
/// )?;
/// let continuity = Continuity::new(d(12, 31)).visit_columns(VisitColumns::renamed("visit_columns", [
///     ("patient_id", "pnr"), ("clinician_id", "vardgivare"),
///     ("profession", "yrkeskategori"), ("unit", "enhet"), ("date", "besoksdatum"),
/// ])?);
/// let patients = continuity.patients(&visits, &listings)?;
/// // Bice–Boxerman over 4 visits to A and 1 to B: (4² + 1² − 5) / (5 · 4) = 0.6.
/// let coc = patients.column("coc")?.f64()?.get(0).unwrap();
/// assert!((coc - 0.6).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
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
///
/// A patient who moved their listing from Sveg to Hede in the summer is
/// not listed at Sveg on the end date, so their visits there do not count:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::ListingColumns;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let visits = df!(
///     "patient_id" => ["p1", "p1", "p1", "p2", "p2", "p2"],
///     "clinician_id" => ["A", "A", "B", "C", "C", "C"],
///     "profession" => ["läkare"; 6],
///     "unit" => ["Hälsocentral Sveg"; 6],
///     "date" => [d(2, 1), d(4, 3), d(9, 9), d(1, 15), d(3, 20), d(5, 6)],
/// )?;
/// let listings = df!(
///     "pnr" => ["p1", "p2", "p2"],
///     "listningsenhet" => ["Hälsocentral Sveg", "Hälsocentral Sveg", "Hälsocentral Hede"],
///     "listad_fran" => [d(1, 1), d(1, 1), d(7, 1)],
///     "listad_till" => [None, Some(d(6, 30)), None],
/// )?;
/// let continuity = Continuity::new(d(12, 31)).listing_columns(ListingColumns::renamed("listing_columns", [
///     ("patient_id", "pnr"), ("unit", "listningsenhet"),
///     ("listed_from", "listad_fran"), ("listed_to", "listad_till"),
/// ])?);
/// let patients = continuity.patients(&visits, &listings)?;
/// assert_eq!(patients.height(), 1); // p1 only
/// // (2² + 1² − 3) / (3 · 2) = 1/3.
/// let coc = patients.column("coc")?.f64()?.get(0).unwrap();
/// assert!((coc - 1.0 / 3.0).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
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
///
/// The plan's continuity for patients with diabetes (E11): a patient seen
/// only for a cold is left out.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::Chronic;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let visits = df!(
///     "patient_id" => ["p1", "p1", "p1", "p2", "p2", "p2"],
///     "clinician_id" => ["A", "A", "A", "B", "C", "B"],
///     "profession" => ["läkare"; 6],
///     "unit" => ["Hälsocentral Strömsund"; 6],
///     "date" => [d(2, 1), d(5, 3), d(9, 9), d(1, 15), d(3, 20), d(5, 6)],
///     "diagnosis" => ["E11.9", "E119", "I10", "J06.9", "J06.9", "R05"],
/// )?;
/// let listings = df!(
///     "patient_id" => ["p1", "p2"], "unit" => ["Hälsocentral Strömsund"; 2],
///     "listed_from" => [d(1, 1); 2], "listed_to" => [None::<NaiveDate>; 2],
/// )?;
/// let continuity = Continuity::new(d(12, 31));
/// assert_eq!(continuity.chronic, Chronic::All);
/// assert_eq!(continuity.patients(&visits, &listings)?.height(), 2);
/// let continuity = continuity.chronic(Chronic::DiagnosisCodes(vec!["E11".into()]));
/// let patients = continuity.patients(&visits, &listings)?;
/// assert_eq!(patients.column("patient_id")?.str()?.get(0), Some("p1"));
/// assert_eq!(patients.height(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
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
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
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
#[non_exhaustive]
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

crate::setters::setters!(Continuity {
    /// The window length in months (default 18): visits from the day after
    /// `end` minus `window_months` up to `end`, both ends included.
    ///
    /// A visit in September 2023 is inside the national 18 months ending
    /// on 31 December 2024, not inside 12:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    /// let visits = df!(
    ///     "patient_id" => ["p1"; 4], "clinician_id" => ["A", "A", "B", "A"],
    ///     "profession" => ["läkare"; 4], "unit" => ["Hälsocentral Krokom"; 4],
    ///     "date" => [d(2023, 9), d(2024, 3), d(2024, 6), d(2024, 10)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1"], "unit" => ["Hälsocentral Krokom"],
    ///     "listed_from" => [d(2020, 1)], "listed_to" => [None::<NaiveDate>],
    /// )?;
    /// let end = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    /// let eighteen = Continuity::new(end).patients(&visits, &listings)?;
    /// let twelve = Continuity::new(end).window_months(12).patients(&visits, &listings)?;
    /// assert_eq!(eighteen.column("visits")?.u32()?.get(0), Some(4));
    /// assert_eq!(twelve.column("visits")?.u32()?.get(0), Some(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    window_months: u32,
    /// The fewest visits in the window (default 3; at least 2).
    ///
    /// A patient at Hälsocentral Bräcke with two visits counts only with
    /// `min_visits(2)`:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let visits = df!(
    ///     "patient_id" => ["p1", "p1", "p1", "p1", "p2", "p2"],
    ///     "clinician_id" => ["A", "A", "A", "B", "C", "C"],
    ///     "profession" => ["läkare"; 6], "unit" => ["Hälsocentral Bräcke"; 6],
    ///     "date" => [d(1), d(3), d(6), d(9), d(2), d(5)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1", "p2"], "unit" => ["Hälsocentral Bräcke"; 2],
    ///     "listed_from" => [d(1); 2], "listed_to" => [None::<NaiveDate>; 2],
    /// )?;
    /// let continuity = Continuity::new(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
    /// assert_eq!(continuity.patients(&visits, &listings)?.height(), 1);
    /// assert_eq!(continuity.clone().min_visits(2).patients(&visits, &listings)?.height(), 2);
    /// let one = continuity.min_visits(1).patients(&visits, &listings).unwrap_err();
    /// assert!(matches!(one, Error::InvalidArgument { ref argument, .. } if argument == "min_visits"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    min_visits: u32,
    /// Count only visits at the unit where the patient is listed on `end` (default true).
    ///
    /// A patient listed at Hälsocentral Ås who also saw a doctor twice at
    /// Hälsocentral Krokom:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let (aas, krokom) = ("Hälsocentral Ås", "Hälsocentral Krokom");
    /// let visits = df!(
    ///     "patient_id" => ["p1"; 5], "clinician_id" => ["A", "A", "A", "B", "B"],
    ///     "profession" => ["läkare"; 5], "unit" => [aas, aas, aas, krokom, krokom],
    ///     "date" => [d(1), d(3), d(5), d(7), d(9)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1"], "unit" => [aas],
    ///     "listed_from" => [d(1)], "listed_to" => [None::<NaiveDate>],
    /// )?;
    /// let continuity = Continuity::new(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
    /// let listed = continuity.patients(&visits, &listings)?;
    /// assert_eq!(listed.column("coc")?.f64()?.get(0), Some(1.0)); // A A A at Ås
    /// let anywhere = continuity.at_listing_unit(false).patients(&visits, &listings)?;
    /// assert_eq!(anywhere.column("coc")?.f64()?.get(0), Some(0.4)); // (9 + 4 − 5) / (5 · 4)
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    at_listing_unit: bool,
    /// Professions counted (default `["läkare"]`); `None` counts all staff.
    ///
    /// Counting the district nurse's visits too; a profession that no
    /// visit has (a misspelling) is an error, not an empty figure:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let visits = df!(
    ///     "patient_id" => ["p1"; 6], "clinician_id" => ["A", "A", "B", "S", "S", "S"],
    ///     "profession" => ["läkare", "läkare", "läkare", "sjuksköterska", "sjuksköterska", "sjuksköterska"],
    ///     "unit" => ["Hälsocentral Hoting"; 6], "date" => [d(1), d(2), d(3), d(4), d(5), d(6)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1"], "unit" => ["Hälsocentral Hoting"],
    ///     "listed_from" => [d(1)], "listed_to" => [None::<NaiveDate>],
    /// )?;
    /// let continuity = Continuity::new(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
    /// let doctors = continuity.patients(&visits, &listings)?;
    /// let staff = continuity.clone().professions(["läkare", "sjuksköterska"]).patients(&visits, &listings)?;
    /// assert_eq!(doctors.column("visits")?.u32()?.get(0), Some(3));
    /// assert_eq!(staff.column("visits")?.u32()?.get(0), Some(6));
    /// assert!(continuity.professions(["lakare"]).patients(&visits, &listings).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    some list professions,
    /// Contact types counted; `None` (default) counts all.
    ///
    /// Only the visits in person, not the telephone contacts:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let visits = df!(
    ///     "patient_id" => ["p1"; 5], "clinician_id" => ["A", "A", "B", "A", "C"],
    ///     "profession" => ["läkare"; 5], "unit" => ["Hälsocentral Järpen"; 5],
    ///     "date" => [d(1), d(3), d(5), d(7), d(9)],
    ///     "contact_type" => ["besök", "telefon", "besök", "besök", "telefon"],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1"], "unit" => ["Hälsocentral Järpen"],
    ///     "listed_from" => [d(1)], "listed_to" => [None::<NaiveDate>],
    /// )?;
    /// let in_person = Continuity::new(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap())
    ///     .contact_types(["besök"])
    ///     .patients(&visits, &listings)?;
    /// assert_eq!(in_person.column("visits")?.u32()?.get(0), Some(3)); // A, B, A
    /// let coc = in_person.column("coc")?.f64()?.get(0).unwrap();
    /// assert!((coc - 1.0 / 3.0).abs() < 1e-12); // (4 + 1 − 3) / (3 · 2)
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    some list contact_types,
    /// The chronic-disease filter (default: all patients).
    ///
    /// The continuity of the patients on a register of one's own (by id):
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::Chronic;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let visits = df!(
    ///     "patient_id" => ["p1", "p1", "p1", "p2", "p2", "p2"],
    ///     "clinician_id" => ["A", "A", "B", "C", "C", "C"],
    ///     "profession" => ["läkare"; 6], "unit" => ["Hälsocentral Svenstavik"; 6],
    ///     "date" => [d(1), d(4), d(8), d(2), d(5), d(9)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1", "p2"], "unit" => ["Hälsocentral Svenstavik"; 2],
    ///     "listed_from" => [d(1); 2], "listed_to" => [None::<NaiveDate>; 2],
    /// )?;
    /// let register = Chronic::Patients(vec!["p2".into()]);
    /// let continuity = Continuity::new(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()).chronic(register);
    /// let patients = continuity.patients(&visits, &listings)?;
    /// assert_eq!(patients.column("patient_id")?.str()?.get(0), Some("p2"));
    /// assert_eq!((patients.height(), patients.column("coc")?.f64()?.get(0)), (1, Some(1.0)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    chronic: Chronic,
    /// The index summarised per group (default COC).
    ///
    /// The mean usual provider of care (UPC) of two patients at Lit and
    /// Brunflo (A A A B: 3/4; C C D E: 2/4) instead of their mean COC:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::ContinuityIndex;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let (lit, brunflo) = ("Hälsocentral Lit", "Hälsocentral Brunflo");
    /// let visits = df!(
    ///     "patient_id" => ["p1", "p1", "p1", "p1", "p2", "p2", "p2", "p2"],
    ///     "clinician_id" => ["A", "A", "A", "B", "C", "C", "D", "E"],
    ///     "profession" => ["läkare"; 8],
    ///     "unit" => [lit, lit, lit, lit, brunflo, brunflo, brunflo, brunflo],
    ///     "date" => [d(1), d(3), d(6), d(9), d(2), d(4), d(7), d(10)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1", "p2"], "unit" => [lit, brunflo],
    ///     "listed_from" => [d(1); 2], "listed_to" => [None::<NaiveDate>; 2],
    /// )?;
    /// let end = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    /// let upc = Continuity::new(end).index(ContinuityIndex::Upc).summary(&visits, &listings)?;
    /// assert_eq!(upc.column("value")?.f64()?.get(0), Some(0.625)); // (0.75 + 0.5) / 2
    /// assert_eq!(upc.column("statistic")?.str()?.get(0), Some("mean upc (18 months, >= 3 visits)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    index: ContinuityIndex,
    /// The threshold of the share "at or above" (default 0.5).
    ///
    /// Of two patients with COC 0.5 (A A A B) and 1/6 (C C D E), one is at
    /// or above 0.5 and none at or above 0.6:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let (lit, brunflo) = ("Hälsocentral Lit", "Hälsocentral Brunflo");
    /// let visits = df!(
    ///     "patient_id" => ["p1", "p1", "p1", "p1", "p2", "p2", "p2", "p2"],
    ///     "clinician_id" => ["A", "A", "A", "B", "C", "C", "D", "E"],
    ///     "profession" => ["läkare"; 8],
    ///     "unit" => [lit, lit, lit, lit, brunflo, brunflo, brunflo, brunflo],
    ///     "date" => [d(1), d(3), d(6), d(9), d(2), d(4), d(7), d(10)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1", "p2"], "unit" => [lit, brunflo],
    ///     "listed_from" => [d(1); 2], "listed_to" => [None::<NaiveDate>; 2],
    /// )?;
    /// let continuity = Continuity::new(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
    /// let half = continuity.summary(&visits, &listings)?;
    /// assert_eq!(half.column("at_or_above")?.f64()?.get(0), Some(0.5));
    /// let higher = continuity.threshold(0.6).summary(&visits, &listings)?;
    /// assert_eq!(higher.column("at_or_above")?.f64()?.get(0), Some(0.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    threshold: f64,
    /// Group columns, taken from the listings (the listing `unit` and any
    /// patient attribute there: kommun, sex, age group).
    ///
    /// One row per hälsocentral, the listing unit:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let (lit, brunflo) = ("Hälsocentral Lit", "Hälsocentral Brunflo");
    /// let visits = df!(
    ///     "patient_id" => ["p1", "p1", "p1", "p1", "p2", "p2", "p2", "p2"],
    ///     "clinician_id" => ["A", "A", "A", "B", "C", "C", "D", "E"],
    ///     "profession" => ["läkare"; 8],
    ///     "unit" => [lit, lit, lit, lit, brunflo, brunflo, brunflo, brunflo],
    ///     "date" => [d(1), d(3), d(6), d(9), d(2), d(4), d(7), d(10)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1", "p2"], "unit" => [lit, brunflo],
    ///     "listed_from" => [d(1); 2], "listed_to" => [None::<NaiveDate>; 2],
    /// )?;
    /// let per_unit = Continuity::new(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap())
    ///     .by(["unit"])
    ///     .summary(&visits, &listings)?
    ///     .sort(["unit"], Default::default())?;
    /// assert_eq!(per_unit.column("unit")?.str()?.get(0), Some("Hälsocentral Brunflo"));
    /// let coc = per_unit.column("value")?.f64()?;
    /// assert!((coc.get(0).unwrap() - 1.0 / 6.0).abs() < 1e-12); // C C D E: (4 + 1 + 1 − 4) / 12
    /// assert_eq!(coc.get(1), Some(0.5)); // Lit, A A A B
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    list by,
    /// Visit column names.
    ///
    /// An extract that names the clinician `vardgivare` and the date
    /// `besoksdatum` (the other columns keep their default names):
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::VisitColumns;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let visits = df!(
    ///     "patient_id" => ["p1"; 4], "vardgivare" => ["A", "A", "A", "B"],
    ///     "profession" => ["läkare"; 4], "unit" => ["Hälsocentral Torvalla"; 4],
    ///     "besoksdatum" => [d(1), d(3), d(6), d(9)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1"], "unit" => ["Hälsocentral Torvalla"],
    ///     "listed_from" => [d(1)], "listed_to" => [None::<NaiveDate>],
    /// )?;
    /// let columns = VisitColumns::renamed("visit_columns", [("clinician_id", "vardgivare"), ("date", "besoksdatum")])?;
    /// let continuity = Continuity::new(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()).visit_columns(columns);
    /// let patients = continuity.patients(&visits, &listings)?;
    /// assert_eq!(patients.column("coc")?.f64()?.get(0), Some(0.5)); // (9 + 1 − 4) / 12
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    visit_columns: VisitColumns,
    /// Listing column names.
    ///
    /// Listings whose unit is in `listningsenhet`:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::ListingColumns;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let visits = df!(
    ///     "patient_id" => ["p1"; 4], "clinician_id" => ["A", "A", "A", "B"],
    ///     "profession" => ["läkare"; 4], "unit" => ["Hälsocentral Frösön"; 4],
    ///     "date" => [d(1), d(3), d(6), d(9)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1"], "listningsenhet" => ["Hälsocentral Frösön"],
    ///     "listed_from" => [d(1)], "listed_to" => [None::<NaiveDate>],
    /// )?;
    /// let columns = ListingColumns::renamed("listing_columns", [("unit", "listningsenhet")])?;
    /// let continuity = Continuity::new(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()).listing_columns(columns);
    /// assert_eq!(continuity.patients(&visits, &listings)?.height(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    listing_columns: ListingColumns,
});

pub(super) const P: &str = "__ik_patient";
pub(super) const LISTED_UNIT: &str = "__ik_listed_unit";
pub(super) const CLINICIAN: &str = "__ik_clinician";
/// A patient's number: the row of their listing on the end date.
pub(super) const PATIENT_NO: &str = "__ik_patient_no";
/// The visit's date or time as given: orders the visits of a patient.
pub(super) const TIME: &str = "__ik_time";

/// The per-patient table and the data-quality table of one computation.
///
/// Of the visits at Hälsocentral Hede, a nurse's visit is not counted and a
/// patient with two doctor's visits is too few to be eligible; the quality
/// table says so:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let visits = df!(
///     "patient_id" => ["p1", "p1", "p1", "p1", "p2", "p2"],
///     "clinician_id" => ["A", "A", "B", "S", "A", "A"],
///     "profession" => ["läkare", "läkare", "läkare", "sjuksköterska", "läkare", "läkare"],
///     "unit" => ["Hälsocentral Hede"; 6],
///     "date" => [d(2, 1), d(4, 3), d(9, 9), d(9, 10), d(3, 20), d(5, 6)],
/// )?;
/// let listings = df!(
///     "patient_id" => ["p1", "p2"], "unit" => ["Hälsocentral Hede"; 2],
///     "listed_from" => [d(1, 1); 2], "listed_to" => [None::<NaiveDate>; 2],
/// )?;
/// let result = Continuity::new(d(12, 31)).compute(&visits, &listings)?;
/// assert_eq!(result.patients.height(), 1);
/// let rules = result.quality.column("rule")?.str()?;
/// let counts = result.quality.column("count")?.u64()?;
/// let count = |rule: &str| rules.iter().zip(counts.iter()).find(|(r, _)| *r == Some(rule)).unwrap().1;
/// assert_eq!(count("visits in the window"), Some(6));
/// assert_eq!(count("visits by other professions"), Some(1));
/// assert_eq!(count("patients with fewer visits than min_visits"), Some(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
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
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::ContinuityIndex;
    /// use indikator::chrono::NaiveDate;
    /// let continuity = Continuity::new(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
    /// assert_eq!((continuity.window_months, continuity.min_visits), (18, 3));
    /// assert_eq!(continuity.professions, Some(vec!["läkare".to_string()]));
    /// assert!(continuity.at_listing_unit && continuity.contact_types.is_none());
    /// assert_eq!((continuity.index, continuity.threshold), (ContinuityIndex::Coc, 0.5));
    /// ```
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
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// // The national 18 months ending on 31 December 2024 start on 1 July 2023.
    /// assert_eq!(Continuity::new(d(2024, 12, 31)).start()?, d(2023, 7, 1));
    /// // 12 months ending with the first tertial of 2024.
    /// assert_eq!(Continuity::new(d(2024, 4, 30)).window_months(12).start()?, d(2023, 5, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Example
    /// A patient at Hälsocentral Funäsdalen who saw doctor A three times
    /// and doctor B once:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let visits = df!(
    ///     "patient_id" => ["p1"; 4], "clinician_id" => ["A", "A", "A", "B"],
    ///     "profession" => ["läkare"; 4], "unit" => ["Hälsocentral Funäsdalen"; 4],
    ///     "date" => [d(1), d(3), d(6), d(9)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1"], "unit" => ["Hälsocentral Funäsdalen"],
    ///     "listed_from" => [d(1)], "listed_to" => [None::<NaiveDate>],
    /// )?;
    /// let patients = Continuity::new(d(12)).patients(&visits, &listings)?;
    /// assert_eq!(
    ///     patients.get_column_names(),
    ///     ["patient_id", "visits", "clinicians", "coc", "upc", "secon", "mmci", "herfindahl"]
    /// );
    /// let value = |index: &str| patients.column(index).unwrap().f64().unwrap().get(0).unwrap();
    /// assert_eq!((value("coc"), value("upc")), (0.5, 0.75)); // (9 + 1 − 4) / 12, 3 / 4
    /// assert!((value("secon") - 2.0 / 3.0).abs() < 1e-12); // A→A, A→A, not A→B
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn patients(&self, visits: impl IntoFrame, listings: impl IntoFrame) -> Result<DataFrame> {
        let visits = &visits.into_data_frame()?;
        let listings = &listings.into_data_frame()?;
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
    ///
    /// # Example
    /// The per-patient table, and the quality table that counts the nurse's
    /// visit left out:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let visits = df!(
    ///     "patient_id" => ["p1"; 5], "clinician_id" => ["A", "A", "A", "B", "S"],
    ///     "profession" => ["läkare", "läkare", "läkare", "läkare", "sjuksköterska"],
    ///     "unit" => ["Hälsocentral Myrviken"; 5], "date" => [d(1), d(3), d(6), d(9), d(10)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1"], "unit" => ["Hälsocentral Myrviken"],
    ///     "listed_from" => [d(1)], "listed_to" => [None::<NaiveDate>],
    /// )?;
    /// let result = Continuity::new(d(12)).compute(&visits, &listings)?;
    /// assert_eq!(result.patients.column("visits")?.u32()?.get(0), Some(4));
    /// let others = result.quality.lazy()
    ///     .filter(col("rule").eq(lit("visits by other professions")))
    ///     .collect()?;
    /// assert_eq!(others.column("count")?.u64()?.get(0), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compute(
        &self,
        visits: impl IntoFrame,
        listings: impl IntoFrame,
    ) -> Result<ContinuityResult> {
        let visits = &visits.into_data_frame()?;
        let listings = &listings.into_data_frame()?;
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
