//! Who is eligible and which visits count: the listing on the end date,
//! the window, the unit, the profession, the contact type and the chronic
//! disease, applied as one streaming query whose counts make the
//! data-quality table.

use std::collections::HashSet;

use polars::prelude::*;

use super::indices::indices_per_patient;
use super::{
    Chronic, Continuity, ContinuityResult, Wanted, CLINICIAN, LISTED_UNIT, P, PATIENT_NO, TIME,
};
use crate::care::records::{require_date, Quality};
use crate::error::{Error, Result};
use crate::measure::{column_of, require};

impl Continuity {
    pub(super) fn computed(
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
            if let Some(bad) = codes
                .iter()
                .find(|c| crate::care::causes::normalise(c).is_none())
            {
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
    pub(super) fn group_columns(&self) -> impl Iterator<Item = &str> {
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
