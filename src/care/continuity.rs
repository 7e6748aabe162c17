//! Continuity of care in primary care, as the national primary-care quality
//! system (Primärvårdskvalitet) measures it: the Bice–Boxerman COC of listed
//! patients with at least 3 visits in the 18 months ending at a date,
//! counting only visits at the unit where the patient is listed, for doctors
//! (or all staff). Also UPC, SECON, MMCI and Herfindahl.

use std::collections::HashSet;

use chrono::{Datelike, Months, NaiveDate};
use polars::prelude::*;

use super::records::{bucketed, require_date, Quality};
use crate::error::{Error, Result};
use crate::measure::{column_of, require, Mean, Proportion, Statistic};
use crate::stats::{ContinuityIndex, ContinuityIndices};

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

const P: &str = "__ik_patient";
const LISTED_UNIT: &str = "__ik_listed_unit";
const CLINICIAN: &str = "__ik_clinician";
/// A patient's number: the row of their listing on the end date.
const PATIENT_NO: &str = "__ik_patient_no";
/// The visit's date or time as given: orders the visits of a patient.
const TIME: &str = "__ik_time";

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
struct Wanted {
    /// SECON's count of consecutive visits to the same clinician.
    sequential: bool,
    /// The data-quality table's counts of visits left out by each rule.
    quality: bool,
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

    /// Per group: `denominator` (the number of patients; a mean index has no
    /// `numerator`), `value` (the mean index) with Student-t limits,
    /// `median`, and `at_or_above` (the share of patients with the index at or
    /// above `threshold`) with Wilson limits `at_or_above_lower`/`_upper`.
    ///
    /// # Errors
    /// As [`Continuity::patients`].
    pub fn summary(&self, visits: &DataFrame, listings: &DataFrame) -> Result<DataFrame> {
        let patients = self.patients_for_summary(visits, listings)?;
        if patients.height() == 0 {
            return Err(Error::data(
                &self.visit_columns.patient,
                "no patient meets the eligibility rules (the quality table says what was left out)",
                "0 eligible patients",
                format!(" on {}", self.end),
            ));
        }
        self.summarise(patients)
    }

    /// The summary of a per-patient table with at least one row.
    pub(crate) fn summarise(&self, patients: DataFrame) -> Result<DataFrame> {
        let index = self.index.name();
        let mut mean = Mean::new(index)
            .by(self.by.clone())
            .compute(patients.clone().lazy())?;
        let _ = mean.drop_in_place("sd")?;
        let _ = mean.drop_in_place("sum")?;
        let keys: Vec<Expr> = self.by.iter().map(|b| col(b.as_str())).collect();
        let marked = patients
            .lazy()
            .with_columns([
                col(index)
                    .gt_eq(lit(self.threshold))
                    .cast(DataType::UInt32)
                    .alias("__ik_at"),
                lit(1u32).alias("__ik_one"),
            ])
            .collect()?;
        let share = Proportion::new("__ik_at", "__ik_one")
            .by(self.by.clone())
            .compute(marked.clone().lazy())?;
        let median = if keys.is_empty() {
            marked
                .lazy()
                .select([col(index).median().alias("median")])
                .collect()?
        } else {
            marked
                .lazy()
                .group_by(keys.clone())
                .agg([col(index).median().alias("median")])
                .collect()?
        };
        let mut out = mean;
        let extra = |frame: &DataFrame, pairs: &[(&str, &str)]| -> Result<DataFrame> {
            let mut cols: Vec<Column> = self
                .by
                .iter()
                .map(|b| frame.column(b).cloned())
                .collect::<PolarsResult<_>>()?;
            for (from, to) in pairs {
                cols.push(frame.column(from)?.clone().with_name((*to).into()));
            }
            Ok(DataFrame::new(frame.height(), cols)?)
        };
        let share = extra(
            &share,
            &[
                ("value", "at_or_above"),
                ("lower", "at_or_above_lower"),
                ("upper", "at_or_above_upper"),
            ],
        )?;
        let median = extra(&median, &[("median", "median")])?;
        for table in [median, share] {
            out = if self.by.is_empty() {
                out.hstack(table.columns())?
            } else {
                let (joined, _) =
                    crate::measure::lookup(&out, &table, &self.by, "continuity summary")?;
                let mut o = out.clone();
                for c in table.get_column_names() {
                    if !self.by.iter().any(|b| b == c.as_str()) {
                        o.with_column(joined.column(c)?.clone())?;
                    }
                }
                o
            };
        }
        let statistic = format!(
            "mean {} ({} months, >= {} visits)",
            index, self.window_months, self.min_visits
        );
        if out.schema().contains("statistic") {
            out.with_column(Column::new(
                "statistic".into(),
                vec![statistic; out.height()],
            ))?;
        }
        Ok(out)
    }

    /// The summary at each month end from `first` to `last` (each a window
    /// ending that day), one row per month end and group with the column
    /// `end` (months without eligible patients have no row), joined with the
    /// same month a year earlier: `previous_value`,
    /// `previous_lower`, `previous_upper` and `vs_previous` (overlapping
    /// intervals are `similar`; judged by `polarity`).
    ///
    /// # Errors
    /// As [`Continuity::patients`], or `last` before `first`.
    pub fn rolling(
        &self,
        visits: &DataFrame,
        listings: &DataFrame,
        first: NaiveDate,
        last: NaiveDate,
        polarity: crate::assess::Polarity,
    ) -> Result<DataFrame> {
        if last < first {
            return Err(Error::argument(
                "last",
                "the last month end must not be before the first",
                last,
            ));
        }
        let month_end = |d: NaiveDate| -> NaiveDate {
            let next = d
                .with_day(1)
                .and_then(|d| d.checked_add_months(Months::new(1)));
            next.and_then(|n| n.pred_opt()).unwrap_or(d)
        };
        let year_before =
            |d: NaiveDate| month_end(d.checked_sub_months(Months::new(12)).unwrap_or(d));
        let mut ends = Vec::new();
        let mut m = month_end(year_before(first));
        while m <= month_end(last) {
            ends.push(m);
            m = month_end(m.succ_opt().unwrap_or(m));
        }
        let mut frames = Vec::with_capacity(ends.len());
        for end in &ends {
            let mut at = self.clone();
            at.end = *end;
            let patients = at.patients_for_summary(visits, listings)?;
            if patients.height() == 0 {
                continue; // no eligible patient that month: no row
            }
            let mut summary = at.summarise(patients)?;
            summary.with_column(Column::new("end".into(), vec![*end; summary.height()]))?;
            frames.push(summary);
        }
        if frames.is_empty() {
            return Err(Error::data(
                &self.visit_columns.patient,
                "no patient meets the eligibility rules in any month",
                "0 eligible patients",
                format!(" from {first} to {last}"),
            ));
        }
        let mut all = frames.remove(0);
        for f in &frames {
            all.vstack_mut(f)?;
        }
        let first_end = month_end(first);
        let current = all
            .clone()
            .lazy()
            .filter(col("end").gt_eq(lit(first_end)))
            .collect()?;
        // Each month end against the same month end a year earlier.
        crate::assess::compare_with_previous(&current, &all, &self.by, Some("end"), polarity, None)
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
    fn patients_for_summary(&self, visits: &DataFrame, listings: &DataFrame) -> Result<DataFrame> {
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

    fn computed(
        &self,
        visits: &DataFrame,
        listings: &DataFrame,
        wanted: Wanted,
    ) -> Result<ContinuityResult> {
        self.check()?;
        let (start, end) = (self.start()?, self.end);
        let listed = self.listed_at_end(listings)?;
        let v = &self.visit_columns;
        for (name, role) in [
            (&v.patient, "patient id"),
            (&v.clinician, "clinician"),
            (&v.unit, "visit unit"),
            (&v.date, "visit date"),
        ] {
            require(visits.schema(), name, role)?;
        }
        require_date(visits, &v.date, "visit date")?;
        let mut selected: Vec<Expr> = vec![
            col(v.patient.as_str()).cast(DataType::String).alias(P),
            col(v.clinician.as_str())
                .cast(DataType::String)
                .alias("__ik_clinician"),
            col(v.unit.as_str())
                .cast(DataType::String)
                .alias("__ik_unit"),
            col(v.date.as_str()).cast(DataType::Date).alias("__ik_date"),
            col(v.date.as_str()).alias(TIME),
        ];
        if let Some(professions) = &self.professions {
            words_occur(visits, &v.profession, "professions", professions)?;
            selected.push(
                col(v.profession.as_str())
                    .cast(DataType::String)
                    .alias("__ik_profession"),
            );
        }
        if let Some(types) = &self.contact_types {
            words_occur(visits, &v.contact_type, "contact_types", types)?;
            selected.push(
                col(v.contact_type.as_str())
                    .cast(DataType::String)
                    .alias("__ik_contact"),
            );
        }
        if let Chronic::DiagnosisCodes(codes) = &self.chronic {
            column_of(visits, &v.diagnosis, "diagnosis")?;
            if let Some(bad) = codes.iter().find(|c| super::causes::normalise(c).is_none()) {
                return Err(Error::argument(
                    "chronic_codes",
                    "diagnosis codes must be ICD-10 codes or categories (a letter, two digits, \
                     optional sub-code: \"E11\", \"I50.9\")",
                    format!("{bad:?}"),
                ));
            }
            selected.push(
                col(v.diagnosis.as_str())
                    .cast(DataType::String)
                    .alias("__ik_diagnosis"),
            );
        }
        let window = visits.clone().lazy().select(selected).filter(
            col("__ik_date")
                .gt_eq(lit(start))
                .and(col("__ik_date").lt_eq(lit(end))),
        );
        // The rules of the visit itself first, so that only the visits they
        // keep are joined with the listings; one run of streaming queries
        // counts what each rule leaves out (when the quality table is
        // wanted: it needs every visit kept by a left join) and collects the
        // visits kept, whose indices are then worked out per patient.
        let (visit_rules, listing_rules) =
            (self.rules_of_the_visit(), self.rules_of_the_listing()?);
        let (visit_counts, visits_kept) = screen(window, &visit_rules);
        let how = if wanted.quality {
            JoinType::Left
        } else {
            JoinType::Inner
        };
        // Patients are numbered by their listing row: the visits kept are
        // then bucketed by that number, and each patient's clinicians
        // counted among their own few visits (no table of every patient
        // and clinician).
        let listed = listed.with_row_index(PATIENT_NO, None).collect()?;
        self.check_listed_once(&listed)?;
        let joined = visits_kept.join(
            listed
                .clone()
                .lazy()
                .select([col(P), col(LISTED_UNIT), col(PATIENT_NO)]),
            [col(P)],
            [col(P)],
            // The hash table over the listings (one row per patient), the
            // visits streaming past it.
            JoinArgs::new(how).with_build_side(Some(JoinBuildSide::ForceRight)),
        );
        let (listing_counts, kept) = screen(joined, &listing_rules);
        let mut needed = vec![col(PATIENT_NO), col(CLINICIAN)];
        if wanted.sequential {
            needed.push(col(TIME));
        }
        let kept = kept.select(needed);
        let mut quality = Quality::default();
        let kept = if wanted.quality {
            let [visit_counts, listing_counts, kept] =
                crate::engine::collect_all([visit_counts, listing_counts, kept])?;
            quality.push("visits in the window", counted(&visit_counts, 0)?);
            for (rules, counts) in [
                (&visit_rules, &visit_counts),
                (&listing_rules, &listing_counts),
            ] {
                for (i, (rule, _)) in rules.iter().enumerate() {
                    quality.push(*rule, counted(counts, i + 1)?);
                }
            }
            kept
        } else {
            crate::engine::collect(kept)?
        };
        let (eligible, fewer) = indices_per_patient(
            &kept,
            listed.height(),
            self.min_visits as usize,
            wanted.sequential,
        )?;
        quality.push("patients with fewer visits than min_visits", fewer);
        let patients = self.eligible(eligible, &listed)?;
        Ok(ContinuityResult {
            patients,
            quality: quality.frame()?,
        })
    }

    /// The eligibility rules of the visit itself, each as the visits it
    /// keeps, in the order the quality table counts them.
    fn rules_of_the_visit(&self) -> Vec<(&'static str, Expr)> {
        let mut rules = Vec::new();
        if let Some(professions) = &self.professions {
            rules.push((
                "visits by other professions",
                one_of_words("__ik_profession", professions),
            ));
        }
        if let Some(types) = &self.contact_types {
            rules.push((
                "visits of other contact types",
                one_of_words("__ik_contact", types),
            ));
        }
        rules.push((
            "visits without a clinician (excluded)",
            col(CLINICIAN).is_not_null(),
        ));
        rules.push((
            "visits without a patient id (excluded)",
            col(P).is_not_null(),
        ));
        rules
    }

    /// The rules of the listing and the patient, after the visit's own.
    fn rules_of_the_listing(&self) -> Result<Vec<(&'static str, Expr)>> {
        let mut rules = vec![(
            "visits of patients not listed on the end date",
            col(LISTED_UNIT).is_not_null(),
        )];
        if self.at_listing_unit {
            rules.push((
                "visits at another unit than the listing unit",
                col("__ik_unit").eq(col(LISTED_UNIT)).fill_null(lit(false)),
            ));
        }
        let chronic = "visits of patients without the chronic disease";
        match &self.chronic {
            Chronic::All => {}
            Chronic::Patients(ids) => rules.push((chronic, one_of_ids(P, ids))),
            Chronic::DiagnosisCodes(codes) => {
                // A patient is chronic with a coded visit among those kept so far.
                let kept = rules
                    .iter()
                    .fold(lit(true), |all, (_, keeps)| all.and(keeps.clone()));
                let coded = kept.and(coded_with("__ik_diagnosis", codes));
                rules.push((
                    chronic,
                    coded.any(true).over([col(P)])?.fill_null(lit(false)),
                ));
            }
        }
        Ok(rules)
    }

    /// Patient, listing unit and group columns of the listings valid on `end`
    /// (a query; [`Continuity::check_listed_once`] checks its result).
    fn listed_at_end(&self, listings: &DataFrame) -> Result<LazyFrame> {
        let l = &self.listing_columns;
        for (name, role) in [(&l.patient, "listed patient id"), (&l.unit, "listing unit")] {
            require(listings.schema(), name, role)?;
        }
        require_date(listings, &l.from, "listed from")?;
        require_date(listings, &l.to, "listed to")?;
        for b in &self.by {
            require(listings.schema(), b, "group (from the listings)")?;
        }
        let end = lit(self.end);
        let mut select = vec![
            col(l.patient.as_str()).cast(DataType::String).alias(P),
            col(l.unit.as_str())
                .cast(DataType::String)
                .alias(LISTED_UNIT),
        ];
        select.extend(self.group_columns().map(col));
        Ok(listings
            .clone()
            .lazy()
            .filter(
                col(l.from.as_str())
                    .cast(DataType::Date)
                    .lt_eq(end.clone())
                    .and(
                        col(l.to.as_str())
                            .is_null()
                            .or(col(l.to.as_str()).cast(DataType::Date).gt_eq(end)),
                    ),
            )
            .select(select))
    }

    /// The group columns the listings bring to each patient (the patient
    /// id, when among them, is the patient column itself).
    fn group_columns(&self) -> impl Iterator<Item = &str> {
        let patient = self.listing_columns.patient.as_str();
        self.by
            .iter()
            .map(String::as_str)
            .filter(move |b| *b != patient)
    }

    /// No patient listed twice on `end` in `listed`, or the first patient
    /// listed twice is named. The ids are compared by their hashes first
    /// (as many distinct hashes as rows: no id twice); only when two hashes
    /// are equal are the ids themselves searched.
    fn check_listed_once(&self, listed: &DataFrame) -> Result<()> {
        let ids = listed.column(P)?.str()?;
        let mut hashes = Vec::with_capacity(ids.len());
        ids.vec_hash(PlSeedableRandomStateQuality::seed_from_u64(0), &mut hashes)?;
        if UInt64Chunked::from_vec(P.into(), hashes).n_unique()? == ids.len() {
            return Ok(());
        }
        let twice = listed.select([P])?.is_duplicated()?;
        let Some(row) = twice.iter().position(|d| d == Some(true)) else {
            return Ok(()); // two ids with the same hash
        };
        Err(Error::data(
            &self.listing_columns.patient,
            "a patient can be listed at one unit on the end date",
            format!("{:?} listed twice", ids.get(row).unwrap_or("?")),
            format!(" on {}", self.end),
        ))
    }

    /// The table of the `eligible` patients (their number, a row of
    /// `listed`, and indices), in the order of their ids: the group
    /// columns, the id, `visits`, `clinicians` and the indices.
    fn eligible(
        &self,
        eligible: Vec<(IdxSize, ContinuityIndices)>,
        listed: &DataFrame,
    ) -> Result<DataFrame> {
        let rows = IdxCa::from_vec(
            PATIENT_NO.into(),
            eligible.iter().map(|(row, _)| *row).collect(),
        );
        let mut out = listed
            .select(std::iter::once(P).chain(self.group_columns()))?
            .take(&rows)?;
        out.with_column(Column::new(
            "visits".into(),
            eligible.iter().map(|(_, c)| c.visits).collect::<Vec<_>>(),
        ))?;
        out.with_column(Column::new(
            "clinicians".into(),
            eligible
                .iter()
                .map(|(_, c)| c.clinicians)
                .collect::<Vec<_>>(),
        ))?;
        for which in ContinuityIndex::ALL {
            let values: Vec<Option<f64>> = eligible.iter().map(|(_, c)| c.get(which)).collect();
            out.with_column(Column::new(which.name().into(), values))?;
        }
        let mut order: Vec<&str> = self.by.iter().map(String::as_str).collect();
        order.extend([P, "visits", "clinicians"]);
        order.extend(ContinuityIndex::ALL.map(ContinuityIndex::name));
        let mut out = out
            .sort([P], SortMultipleOptions::default())?
            .select(order)?;
        out.rename(P, self.visit_columns.patient.as_str().into())?;
        Ok(out)
    }
}

/// The indices of each patient with at least `min_visits` visits among
/// those `kept` (columns patient number, clinician and, when `sequential`,
/// the time), with the patient number, in the order of the numbers (below
/// `patients`), and how many patients had fewer visits. The visits are
/// bucketed by patient number (a counting sort: the numbers are the listing
/// rows), and each patient's clinicians are counted among their own visits;
/// for SECON the visits are followed in time, visits at the same time (the
/// same day, when dates carry no time) in the order of their clinician ids,
/// so that no index depends on the order of the rows.
fn indices_per_patient(
    kept: &DataFrame,
    patients: usize,
    min_visits: usize,
    sequential: bool,
) -> Result<(Vec<(IdxSize, ContinuityIndices)>, usize)> {
    let (starts, order) = bucketed(kept.column(PATIENT_NO)?.idx()?, patients)?;
    let order = IdxCa::from_vec(PATIENT_NO.into(), order);
    let clinicians = kept.column(CLINICIAN)?.str()?.take(&order)?;
    let times = if sequential {
        let times = kept
            .column(TIME)?
            .to_physical_repr()
            .cast(&DataType::Int64)?;
        Some(times.i64()?.take(&order)?)
    } else {
        None
    };
    if clinicians.null_count() > 0 || times.as_ref().is_some_and(|t| t.null_count() > 0) {
        return Err(polars_err!(ComputeError: "a visit kept without a clinician or time").into());
    }
    let mut clinician = clinicians.iter().flatten(); // no nulls: checked above
    let mut time = times.as_ref().map(|t| t.into_no_null_iter());
    let (mut visits, mut in_time) = (Vec::new(), Vec::new());
    let (mut out, mut fewer) = (Vec::new(), 0);
    for p in 0..patients {
        let n = (starts[p + 1] - starts[p]) as usize;
        if n < min_visits {
            fewer += usize::from(n > 0);
            clinician.by_ref().take(n).for_each(drop);
            if let Some(time) = time.as_mut() {
                time.by_ref().take(n).for_each(drop);
            }
            continue;
        }
        visits.clear();
        visits.extend(clinician.by_ref().take(n));
        let same_pairs = time.as_mut().map(|time| {
            in_time.clear();
            in_time.extend(time.by_ref().take(n).zip(visits.iter().copied()));
            in_time.sort_unstable();
            in_time.windows(2).filter(|w| w[0].1 == w[1].1).count() as u64
        });
        out.push((
            p as IdxSize,
            ContinuityIndices::from_clinicians(&mut visits, same_pairs),
        ));
    }
    Ok((out, fewer))
}

/// The count in column `i` of a one-row table of counts.
fn counted(counts: &DataFrame, i: usize) -> Result<usize> {
    let column = counts
        .select_at_idx(i)
        .ok_or_else(|| polars_err!(ComputeError: "no count {i}"))?;
    Ok(column.cast(&DataType::UInt64)?.u64()?.get(0).unwrap_or(0) as usize)
}

/// Apply `rules` in order: a one-row query of counts — the rows in all,
/// then per rule the rows it leaves out among those the rules before it
/// kept — and the query of the rows every rule keeps.
fn screen(frame: LazyFrame, rules: &[(&'static str, Expr)]) -> (LazyFrame, LazyFrame) {
    let mut kept_so_far = lit(true);
    let mut counts = vec![len().cast(DataType::UInt64).alias("__ik_rows")];
    for (i, (_, keeps)) in rules.iter().enumerate() {
        counts.push(
            kept_so_far
                .clone()
                .and(keeps.clone().not())
                .sum()
                .cast(DataType::UInt64)
                .alias(format!("__ik_out{i}")),
        );
        kept_so_far = kept_so_far.and(keeps.clone());
    }
    (frame.clone().select(counts), frame.filter(kept_so_far))
}

/// A boolean expression: `test` of each value of a text column (missing
/// values fail).
fn text_test(column: &str, test: impl Fn(&str) -> bool + Send + Sync + 'static) -> Expr {
    col(column).map(
        move |c: Column| {
            let found: BooleanChunked = c.str()?.iter().map(|v| v.is_some_and(&test)).collect();
            Ok(found.with_name(c.name().clone()).into_column())
        },
        |_, f| Ok(Field::new(f.name().clone(), DataType::Boolean)),
    )
}

/// Each of `words` (professions, contact types: the `argument`) occurs in
/// the visits' column `column`, ignoring case: a misspelt word would
/// otherwise select no visit and leave the others' figure unseen.
fn words_occur(visits: &DataFrame, column: &str, argument: &str, words: &[String]) -> Result<()> {
    let role = argument.trim_end_matches('s').replace('_', " ");
    let values = column_of(visits, column, &role)?
        .cast(&DataType::String)?
        .as_materialized_series()
        .unique()?;
    let values: Vec<String> = values.str()?.iter().flatten().map(str::to_string).collect();
    match words
        .iter()
        .find(|w| !values.iter().any(|v| v.eq_ignore_ascii_case(w)))
    {
        None => Ok(()),
        Some(unknown) => {
            let mut known = values.clone();
            known.sort();
            Err(Error::argument(
                argument,
                &format!(
                    "each must occur in the `{column}` column (ignoring case): {}",
                    known.join(", ")
                ),
                format!("{unknown:?}"),
            ))
        }
    }
}

/// Whether a value is one of a few `words` (professions, contact types),
/// ignoring ASCII case as the records write them in either.
fn one_of_words(column: &str, words: &[String]) -> Expr {
    let words = words.to_vec();
    text_test(column, move |v| {
        words.iter().any(|w| w.eq_ignore_ascii_case(v))
    })
}

/// Whether a value is one of the `ids` (exactly).
fn one_of_ids(column: &str, ids: &[String]) -> Expr {
    let ids: HashSet<String> = ids.iter().cloned().collect();
    text_test(column, move |v| ids.contains(v))
}

/// Whether a diagnosis starts with one of the ICD-10 `codes` (dots and case ignored).
fn coded_with(column: &str, codes: &[String]) -> Expr {
    let codes: Vec<String> = codes
        .iter()
        .map(|c| c.replace('.', "").to_uppercase())
        .collect();
    text_test(column, move |d| {
        let d = d.replace('.', "").to_uppercase();
        codes.iter().any(|c| d.starts_with(c.as_str()))
    })
}
