//! Summaries of the eligible patients per group: the mean index, its
//! median and the share at or above the threshold, at one end date or at
//! each month end against the same month a year earlier.

use chrono::{Datelike, Months, NaiveDate};
use polars::prelude::*;

use super::Continuity;
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::measure::{Mean, Proportion};

impl Continuity {
    /// Per group: `denominator` (the number of patients; a mean index has no
    /// `numerator`), `value` (the mean index) with Student-t limits,
    /// `median`, and `at_or_above` (the share of patients with the index at or
    /// above `threshold`) with Wilson limits `at_or_above_lower`/`_upper`.
    ///
    /// # Errors
    /// As [`Continuity::patients`].
    ///
    /// # Example
    /// Two patients at Hälsocentral Körfältet, with COC 0.5 (A A A B) and
    /// 1/6 (C C D E):
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// let visits = df!(
    ///     "patient_id" => ["p1", "p1", "p1", "p1", "p2", "p2", "p2", "p2"],
    ///     "clinician_id" => ["A", "A", "A", "B", "C", "C", "D", "E"],
    ///     "profession" => ["läkare"; 8], "unit" => ["Hälsocentral Körfältet"; 8],
    ///     "date" => [d(1), d(3), d(6), d(9), d(2), d(4), d(7), d(10)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1", "p2"], "unit" => ["Hälsocentral Körfältet"; 2],
    ///     "listed_from" => [d(1); 2], "listed_to" => [None::<NaiveDate>; 2],
    /// )?;
    /// let summary = Continuity::new(d(12)).summary(&visits, &listings)?;
    /// let get = |c: &str| summary.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// assert_eq!(get("denominator"), 2.0);
    /// assert!((get("value") - 1.0 / 3.0).abs() < 1e-12 && (get("median") - 1.0 / 3.0).abs() < 1e-12);
    /// assert_eq!(get("at_or_above"), 0.5); // p1 only
    /// // Wilson's 95 % limits of 1 of 2, with scipy's norm.ppf(0.975).
    /// assert!((get("at_or_above_lower") - 0.09453120573423071).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn summary(&self, visits: impl IntoFrame, listings: impl IntoFrame) -> Result<DataFrame> {
        let visits = &visits.into_data_frame()?;
        let listings = &listings.into_data_frame()?;
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
    ///
    /// # Example
    /// One patient at Hälsocentral Duved: at the end of 2023 the window
    /// holds A A B (COC 1/3), at the end of 2024 A B A A (COC 1/2):
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let visits = df!(
    ///     "patient_id" => ["p1"; 5], "clinician_id" => ["A", "A", "B", "A", "A"],
    ///     "profession" => ["läkare"; 5], "unit" => ["Hälsocentral Duved"; 5],
    ///     "date" => [d(2023, 6, 1), d(2023, 9, 1), d(2023, 11, 1), d(2024, 3, 1), d(2024, 11, 1)],
    /// )?;
    /// let listings = df!(
    ///     "patient_id" => ["p1"], "unit" => ["Hälsocentral Duved"],
    ///     "listed_from" => [d(2020, 1, 1)], "listed_to" => [None::<NaiveDate>],
    /// )?;
    /// let december = d(2024, 12, 31);
    /// let rolling = Continuity::new(december)
    ///     .rolling(&visits, &listings, december, december, Polarity::HighIsGood)?;
    /// assert_eq!(rolling.height(), 1);
    /// assert_eq!(rolling.column("value")?.f64()?.get(0), Some(0.5));
    /// let previous = rolling.column("previous_value")?.f64()?.get(0).unwrap();
    /// assert!((previous - 1.0 / 3.0).abs() < 1e-12); // December 2023
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rolling(
        &self,
        visits: impl IntoFrame,
        listings: impl IntoFrame,
        first: NaiveDate,
        last: NaiveDate,
        polarity: crate::assess::Polarity,
    ) -> Result<DataFrame> {
        let visits = &visits.into_data_frame()?;
        let listings = &listings.into_data_frame()?;
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
}
