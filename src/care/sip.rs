//! SIP, samordnad individuell plan: the plans established (upprättade) in
//! a period, children and young people apart from adults, against the same
//! period a year earlier.
//!
//! Over 500 lines with its documentation: 400 lines of code and 309 of doc
//! comments (every public item and method carries a runnable example).

use chrono::{Datelike, Months, NaiveDate};
use polars::prelude::*;

use super::options::{CareCommon, CareOptions, ColumnSlot, RecordColumns};
use super::records::{
    check_covered, check_per, date_of, day_number, days, numbers, reserve, rows_of, text_ranks,
    texts, Checks, Quality,
};
use super::waits::PERIOD;
use crate::assess::{assess_table, compare_with_previous, Target};
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::measure::require_keys;
use crate::measure::{f64_values, lookup, Count};
use crate::period::{Period, PeriodColumn, PeriodKind};

/// The age-group label of children and young people.
///
/// The `age_group` of the counts' rows of plans for people under 18:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::CHILDREN;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let plans = df!(
///     "plan_id" => [1, 2, 3, 4],
///     "established" => [d(1, 15), d(2, 6), d(3, 19), d(5, 2)],
///     "age" => [9, 17, 18, 45],
/// )?;
/// let counts = Sip::new("H1 2024".parse()?).counts(&plans)?;
/// let children = counts.lazy().filter(col("age_group").eq(lit(CHILDREN))).collect()?;
/// assert_eq!(CHILDREN, "barn och unga");
/// assert_eq!(children.column("value")?.f64()?.get(0), Some(2.0)); // aged 9 and 17
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const CHILDREN: &str = "barn och unga";
/// The age-group label of adults.
///
/// The `age_group` of the counts' rows of plans for people of the age
/// limit or older; with the limit of Jämtbus (0–20: `age_limit` 21), an
/// 18-year-old is no adult:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::ADULTS;
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let plans = df!(
///     "plan_id" => [1, 2, 3, 4],
///     "established" => [d(1, 15), d(2, 6), d(3, 19), d(5, 2)],
///     "age" => [9, 17, 18, 45],
/// )?;
/// let adults = |sip: &Sip| -> Result<Option<f64>, Box<dyn std::error::Error>> {
///     let counts = sip.counts(&plans)?;
///     let rows = counts.lazy().filter(col("age_group").eq(lit(ADULTS))).collect()?;
///     Ok(rows.column("value")?.f64()?.get(0))
/// };
/// let sip = Sip::new("H1 2024".parse()?);
/// assert_eq!(adults(&sip)?, Some(2.0)); // aged 18 and 45
/// assert_eq!(adults(&sip.age_limit(21))?, Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const ADULTS: &str = "vuxna";

/// Column names of the plans (one row per plan, or per status change of a plan).
///
/// Plans as an extract of Cosmic LINK names them, with birth dates: the
/// age is then the age on the day the plan was established.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::{PlanColumns, ADULTS, CHILDREN};
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let plans = df!(
///     "sip_id" => ["S-101", "S-102", "S-103"],
///     "upprattad" => [d(2024, 3, 1), d(2024, 3, 1), d(2024, 5, 20)],
///     "fodelsedatum" => [d(2006, 3, 2), d(2006, 3, 1), d(1958, 11, 4)],
/// )?;
/// let sip = Sip::new("H1 2024".parse()?).columns(PlanColumns::renamed("columns", [
///     ("plan_id", "sip_id"), ("established", "upprattad"), ("birth_date", "fodelsedatum"),
/// ])?);
/// let counts = sip.counts(&plans)?.sort(["age_group"], Default::default())?;
/// // S-101 is a day short of 18; S-102 turns 18 on the day.
/// assert_eq!(counts.column("age_group")?.str()?.get(0), Some(CHILDREN));
/// assert_eq!(counts.column("age_group")?.str()?.get(1), Some(ADULTS));
/// assert_eq!(counts.column("value")?.f64()?.to_vec(), [Some(1.0), Some(2.0)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlanColumns {
    /// Plan id (default `plan_id`).
    pub plan: String,
    /// The date the plan was established, upprättad (default `established`).
    pub established: String,
    /// Birth date (default `birth_date`); used when the frame has it.
    pub birth_date: String,
    /// Age in years at establishment (default `age`); used when there is no birth date column.
    pub age: String,
    /// Status (default `status`); read only when excluding statuses.
    pub status: String,
}

impl RecordColumns for PlanColumns {
    fn slots(&mut self) -> Vec<(&'static str, ColumnSlot<'_>)> {
        vec![
            ("plan_id", ColumnSlot::Required(&mut self.plan)),
            ("established", ColumnSlot::Required(&mut self.established)),
            ("birth_date", ColumnSlot::Required(&mut self.birth_date)),
            ("age", ColumnSlot::Required(&mut self.age)),
            ("status", ColumnSlot::Required(&mut self.status)),
        ]
    }
}

impl Default for PlanColumns {
    fn default() -> Self {
        PlanColumns {
            plan: "plan_id".into(),
            established: "established".into(),
            birth_date: "birth_date".into(),
            age: "age".into(),
            status: "status".into(),
        }
    }
}

/// Counts of SIPs established in a period.
///
/// A plan is counted once, at its establishment date (the earliest of its
/// rows when the data hold one row per status change), in the age group
/// of the person on that day: `"barn och unga"` under `age_limit` (default
/// 18, the law's child; the region's child collaboration Jämtbus uses 0–20,
/// `age_limit` 21), else `"vuxna"`. The age is computed from the birth date
/// when the frame has that column, else read from the age column.
///
/// ```
/// use indikator::{CareOptions, Period, Sip};
/// use indikator::polars::prelude::*;
/// use indikator::chrono::NaiveDate;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let plans = df!(
///     "plan_id" => [1, 2, 2, 3],
///     "established" => [d(2024, 2, 1), d(2024, 3, 1), d(2024, 3, 1), d(2023, 5, 1)],
///     "age" => [12, 45, 45, 16],
///     "kommun" => ["Krokom"; 4],
/// )?;
/// let counts = Sip::new("H1 2024".parse()?).by(["kommun"]).counts(&plans)?;
/// // Plan 2 has two rows (a status change) and counts once.
/// assert_eq!(counts.column("value")?.f64()?.to_vec(), [Some(1.0), Some(1.0)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Sip {
    /// The reporting period.
    pub period: Period,
    /// Split the period (month, tertial, half-year…); `None`: one count per group.
    pub per: Option<PeriodKind>,
    /// Children and young people are younger than this (default 18).
    pub age_limit: u32,
    /// Plans with any of these statuses are not counted (ignoring case;
    /// default none), e.g. `["makulerad"]`.
    pub exclude_statuses: Vec<String>,
    /// Groups (kommun…, taken from the plan's first row), invalid records
    /// and the confidence of the counts' Poisson limits: set with the
    /// [`CareOptions`] setters.
    pub common: CareCommon,
    /// Column names.
    pub columns: PlanColumns,
}

crate::setters::setters!(Sip {
    /// Children and young people are younger than this (default 18).
    ///
    /// The region's child collaboration Jämtbus counts 0–20 as young:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let plans = df!(
    ///     "plan_id" => [1, 2, 3, 4],
    ///     "established" => [d(1, 15), d(2, 6), d(3, 19), d(5, 2)],
    ///     "age" => [9, 18, 20, 45],
    /// )?;
    /// let values = |sip: Sip| -> Result<Vec<Option<f64>>, Box<dyn std::error::Error>> {
    ///     let counts = sip.counts(&plans)?.sort(["age_group"], Default::default())?;
    ///     Ok(counts.column("value")?.f64()?.to_vec()) // barn och unga, vuxna
    /// };
    /// assert_eq!(values(Sip::new("H1 2024".parse()?))?, [Some(1.0), Some(3.0)]);
    /// assert_eq!(values(Sip::new("H1 2024".parse()?).age_limit(21))?, [Some(3.0), Some(1.0)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    age_limit: u32,
    /// Plans with any of these statuses are not counted (ignoring case;
    /// default none), e.g. `["makulerad"]`.
    ///
    /// A cancelled plan is no plan; a status the records do not have is
    /// refused:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let plans = df!(
    ///     "plan_id" => [1, 2, 3],
    ///     "established" => [d(1, 15), d(2, 6), d(3, 19)],
    ///     "age" => [9, 14, 45],
    ///     "status" => ["upprättad", "Makulerad", "upprättad"],
    /// )?;
    /// let all = Sip::new("H1 2024".parse()?).counts(&plans)?;
    /// assert_eq!(all.column("value")?.f64()?.sum(), Some(3.0));
    /// let kept = Sip::new("H1 2024".parse()?).exclude_statuses(["makulerad"]).counts(&plans)?;
    /// assert_eq!(kept.column("value")?.f64()?.sum(), Some(2.0));
    /// let unknown = Sip::new("H1 2024".parse()?).exclude_statuses(["avbruten"]);
    /// assert!(matches!(unknown.counts(&plans), Err(Error::InvalidArgument { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    list exclude_statuses,
    /// Column names.
    ///
    /// Plans as an extract of Cosmic LINK names them, with the age at
    /// establishment:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::PlanColumns;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let plans = df!(
    ///     "sip_id" => ["S-101", "S-102", "S-103"],
    ///     "upprattad" => [d(1, 15), d(2, 6), d(5, 2)],
    ///     "alder" => [9, 17, 45],
    /// )?;
    /// let columns = PlanColumns::renamed(
    ///     "columns",
    ///     [("plan_id", "sip_id"), ("established", "upprattad"), ("age", "alder")],
    /// )?;
    /// let counts = Sip::new("H1 2024".parse()?).columns(columns).counts(&plans)?;
    /// assert_eq!(counts.column("value")?.f64()?.sum(), Some(3.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    columns: PlanColumns,
});

impl CareOptions for Sip {
    fn common_mut(&mut self) -> &mut CareCommon {
        &mut self.common
    }
}

/// The age-group column of the output.
pub const AGE_GROUP: &str = "age_group";

impl Sip {
    /// Plans established in `period`, children under 18.
    ///
    /// ```
    /// use indikator::{PlanColumns, Sip};
    /// let sip = Sip::new("H1 2024".parse()?);
    /// assert_eq!((sip.age_limit, sip.per), (18, None)); // one count per age group
    /// assert!(sip.exclude_statuses.is_empty());
    /// assert_eq!(sip.columns, PlanColumns::default());
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn new(period: Period) -> Self {
        Sip {
            period,
            per: None,
            age_limit: 18,
            exclude_statuses: Vec::new(),
            common: CareCommon::default(),
            columns: PlanColumns::default(),
        }
    }

    /// Split the period.
    ///
    /// The first tertial month by month, each age group in every month
    /// (zero where no plan was established):
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let plans = df!(
    ///     "plan_id" => [1, 2, 3],
    ///     "established" => [d(1, 15), d(1, 29), d(3, 19)],
    ///     "age" => [9, 45, 67],
    /// )?;
    /// let counts = Sip::new("T1 2024".parse()?).per(PeriodKind::Month).counts(&plans)?;
    /// assert_eq!(counts.height(), 8); // 4 months × 2 age groups
    /// let january = counts.lazy().filter(col("period").eq(lit("2024-01"))).collect()?;
    /// assert_eq!(january.column("value")?.f64()?.sum(), Some(2.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn per(mut self, kind: PeriodKind) -> Self {
        self.per = Some(kind);
        self
    }

    /// One row per plan established in `period` (dates moved `shift` months
    /// forward so a previous year's plans get this year's labels): the
    /// group columns, `age_group`, `period`.
    fn plans(
        &self,
        records: &DataFrame,
        period: Period,
        shift: u32,
        quality: &mut Quality,
    ) -> Result<DataFrame> {
        self.period.validate()?;
        check_per(self.per, &self.period)?;
        reserve(&self.common.by, &[PERIOD, AGE_GROUP])?;
        let c = &self.columns;
        let ids = texts(records, &c.plan, "plan id")?;
        let established = days(records, &c.established, "date established")?;
        let by_birth = records.schema().contains(&c.birth_date);
        let births = if by_birth {
            days(records, &c.birth_date, "birth date")?
        } else {
            Vec::new()
        };
        let ages = if by_birth {
            Vec::new()
        } else {
            numbers(records, &c.age, "age (or a birth-date column)").map_err(|e| match e {
                Error::ColumnNotFound { available, .. } => Error::ColumnNotFound {
                    column: format!("{}` or `{}", c.birth_date, c.age),
                    role: "birth date or age".into(),
                    available,
                },
                other => other,
            })?
        };
        require_keys(records.schema(), &self.common.by, "group")?;
        let excluded_status: Vec<bool> = if self.exclude_statuses.is_empty() {
            vec![false; records.height()]
        } else {
            let statuses = texts(records, &c.status, "status")?;
            let mut seen: Vec<&str> = statuses.iter().flatten().collect();
            seen.sort_unstable();
            seen.dedup();
            if let Some(unknown) = self
                .exclude_statuses
                .iter()
                .find(|x| !seen.iter().any(|s| s.eq_ignore_ascii_case(x)))
            {
                return Err(Error::argument(
                    "exclude_statuses",
                    &format!(
                        "each status to exclude must occur in the `{}` column ({})",
                        c.status,
                        seen.join(", ")
                    ),
                    format!("{unknown:?}"),
                ));
            }
            statuses
                .iter()
                .map(|s| {
                    s.is_some_and(|s| {
                        self.exclude_statuses
                            .iter()
                            .any(|x| x.eq_ignore_ascii_case(s))
                    })
                })
                .collect()
        };
        let mut checks = Checks::new(records.height(), self.common.invalid, quality);
        checks.present(&c.plan, "plan ids", |i| ids.get(i).is_none())?;
        checks.present(&c.established, "establishment dates", |i| {
            established[i].is_none()
        })?;
        if by_birth {
            checks.present(&c.birth_date, "birth dates", |i| births[i].is_none())?;
            checks.ordered(
                &c.birth_date,
                "the establishment must not be before the birth date",
                &births,
                &established,
            )?;
        } else {
            checks.ages(&c.age, &ages)?;
        }
        checks.keys_present(records, &self.common.by)?;
        let kept = checks.kept.clone();
        // The first row of each plan: its earliest establishment date.
        let mut order: Vec<usize> = (0..records.height()).filter(|&i| kept[i]).collect();
        let plan_rank = text_ranks(&ids);
        order.sort_unstable_by_key(|&i| (plan_rank[i], established[i], i));
        let (mut first_rows, mut several, mut disagree, mut cancelled) = (Vec::new(), 0, 0, 0);
        let mut k = 0;
        while k < order.len() {
            let i = order[k];
            let mut j = k + 1;
            while j < order.len() && plan_rank[order[j]] == plan_rank[i] {
                j += 1;
            }
            if j - k > 1 {
                several += 1;
                if order[k..j]
                    .iter()
                    .any(|&r| established[r] != established[i])
                {
                    disagree += 1;
                }
            }
            if order[k..j].iter().any(|&r| excluded_status[r]) {
                cancelled += 1;
            } else {
                first_rows.push(i);
            }
            k = j;
        }
        quality.push("plans", first_rows.len() + cancelled);
        quality.push("plans with several rows (counted once)", several);
        quality.push(
            "plans whose rows disagree on the date established (earliest used)",
            disagree,
        );
        if !self.exclude_statuses.is_empty() {
            quality.push(
                format!(
                    "plans with an excluded status ({})",
                    self.exclude_statuses.join(", ")
                ),
                cancelled,
            );
        }
        let (start, end) = (day_number(period.start()), day_number(period.end()));
        let rows: Vec<usize> = first_rows
            .into_iter()
            .filter(|&i| established[i].is_some_and(|d| d >= start && d <= end))
            .collect();
        let groups: Vec<&str> = rows
            .iter()
            .map(|&i| {
                let day = date_of(established[i].unwrap_or(0));
                let age = if by_birth {
                    f64::from(full_years(date_of(births[i].unwrap_or(0)), day))
                } else {
                    ages[i].unwrap_or(0.0)
                };
                if age < f64::from(self.age_limit) {
                    CHILDREN
                } else {
                    ADULTS
                }
            })
            .collect();
        let labels: Vec<Option<String>> = rows
            .iter()
            .map(|&i| {
                let day = date_of(established[i].unwrap_or(0));
                let day = day.checked_add_months(Months::new(shift)).unwrap_or(day);
                match self.per {
                    Some(kind) => kind.containing(day).map(|p| p.iso()),
                    None => Some(self.period.iso()),
                }
            })
            .collect();
        let mut out = rows_of(records, &self.common.by, &rows)?;
        out.with_column(Column::new(AGE_GROUP.into(), groups))?;
        out.with_column(Column::new(PERIOD.into(), labels))?;
        Ok(out)
    }

    /// Every group (the `by` values of all plans), both age groups and every
    /// sub-period of the period, with zero where no plan was established.
    fn grid(&self, records: &DataFrame) -> Result<DataFrame> {
        let labels: Vec<String> = match self.per {
            None => vec![self.period.iso()],
            Some(kind) => {
                let mut labels: Vec<String> = Vec::new();
                let mut day = self.period.start();
                while day <= self.period.end() {
                    if let Some(p) = kind.containing(day) {
                        if !labels.contains(&p.iso()) {
                            labels.push(p.iso());
                        }
                    }
                    day = day.succ_opt().unwrap_or(NaiveDate::MAX);
                }
                labels
            }
        };
        let ages = DataFrame::new(2, vec![Column::new(AGE_GROUP.into(), [CHILDREN, ADULTS])])?;
        let periods = DataFrame::new(labels.len(), vec![Column::new(PERIOD.into(), labels)])?;
        let cells = ages.cross_join(&periods, None, None, MaintainOrderJoin::Left)?;
        if self.common.by.is_empty() {
            return Ok(cells);
        }
        let groups = records
            .select(self.common.by.iter().map(String::as_str))?
            .drop_nulls::<String>(None)?
            .unique_stable(None, UniqueKeepStrategy::First, None)?;
        Ok(groups.cross_join(&cells, None, None, MaintainOrderJoin::Left)?)
    }

    /// Counts per group, `age_group` and `period`: `numerator` and `value`
    /// (the count) with Poisson limits, `status`. Every group seen in the
    /// data gets both age groups and every sub-period, zero when empty.
    ///
    /// # Errors
    /// Missing or mistyped columns; invalid records (unless excluded).
    ///
    /// Plans in Bräcke in the first half of 2024, with their Poisson limits:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let plans = df!(
    ///     "plan_id" => [1, 2, 3],
    ///     "established" => [d(1, 15), d(2, 6), d(4, 2)],
    ///     "age" => [11, 16, 58],
    ///     "kommun" => ["Bräcke"; 3],
    /// )?;
    /// let counts = Sip::new("H1 2024".parse()?).by(["kommun"]).counts(&plans)?;
    /// let children = counts.lazy().filter(col("age_group").eq(lit("barn och unga"))).collect()?;
    /// assert_eq!(children.column("value")?.f64()?.get(0), Some(2.0));
    /// // Exact 95 % limits of a count of 2 (chi-squared): 0.242 to 7.225.
    /// let (lower, upper) = (children.column("lower")?.f64()?, children.column("upper")?.f64()?);
    /// assert!((lower.get(0).unwrap() - 0.242_209).abs() < 1e-4);
    /// assert!((upper.get(0).unwrap() - 7.224_687).abs() < 1e-4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn counts(&self, records: impl IntoFrame) -> Result<DataFrame> {
        let records = &records.into_data_frame()?;
        let mut quality = Quality::default();
        self.count(records, self.period, 0, &mut quality)
    }

    /// Whether the records speak for `period`: it overlaps the dates
    /// plans were established on (a period after the last or before the
    /// first plan is not a period of zero plans, but one without data).
    fn covers(&self, records: &DataFrame, period: Period) -> Result<bool> {
        let c = &self.columns.established;
        let established = days(records, c, "establishment date")?;
        Ok(check_covered(&period, None, &established, c).is_ok())
    }

    fn count(
        &self,
        records: &DataFrame,
        period: Period,
        shift: u32,
        quality: &mut Quality,
    ) -> Result<DataFrame> {
        if shift == 0 {
            let c = &self.columns.established;
            check_covered(&period, None, &days(records, c, "establishment date")?, c)?;
        }
        let plans = self.plans(records, period, shift, quality)?;
        let mut keys = self.common.by.clone();
        keys.extend([AGE_GROUP.to_string(), PERIOD.to_string()]);
        let grid = self.grid(records)?;
        let counted = plans
            .lazy()
            .group_by(keys.iter().map(|k| col(k.as_str())).collect::<Vec<_>>())
            .agg([len().cast(DataType::Float64).alias("__ik_n")])
            .collect()?;
        let (joined, _) = lookup(&grid, &counted, &keys, "plans")?;
        let n = joined.column("__ik_n")?.f64()?.fill_null_with_values(0.0)?;
        let mut full = grid.clone();
        full.with_column(Column::new("__ik_n".into(), n))?;
        Count::of("__ik_n")
            .by(keys)
            .confidence(self.common.confidence)
            .compute(full.lazy())
    }

    /// The counts against the same period a year earlier, in the output
    /// schema: the counts of [`Sip::counts`], with `previous_period`,
    /// `previous_value`, `previous_lower`, `previous_upper` and `vs_previous`
    /// (as [`compare_with_previous`](crate::compare_with_previous) adds
    /// them: overlapping Poisson intervals are `similar`), `difference`,
    /// `change_percent` (null when the previous count is 0), and the plan's
    /// target "ökat antal jämfört med samma period föregående år" rated as
    /// every target is: `rating` (`fulfilled` / `not fulfilled`; unchanged
    /// does not meet it), `rating_sv`, `colour`, `rule` and `missing_reason`.
    ///
    /// # Errors
    /// As [`Sip::counts`].
    ///
    /// The first half of 2024 against the first half of 2023:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let plans = df!(
    ///     "plan_id" => [1, 2, 3, 4, 5, 6],
    ///     "established" => [d(2023, 2, 1), d(2023, 4, 3), d(2023, 5, 9),
    ///         d(2024, 1, 15), d(2024, 3, 4), d(2024, 6, 12)],
    ///     "age" => [12, 15, 44, 8, 13, 16],
    /// )?;
    /// let change = Sip::new("H1 2024".parse()?).change(&plans)?;
    /// let children = change.lazy().filter(col("age_group").eq(lit("barn och unga"))).collect()?;
    /// assert_eq!(children.column("previous_value")?.f64()?.get(0), Some(2.0));
    /// assert_eq!(children.column("value")?.f64()?.get(0), Some(3.0));
    /// assert_eq!(children.column("change_percent")?.f64()?.get(0), Some(50.0));
    /// assert!(children.column("rating").is_ok() && children.column("vs_previous").is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn change(&self, records: impl IntoFrame) -> Result<DataFrame> {
        let records = &records.into_data_frame()?;
        let mut quality = Quality::default();
        let now = self.count(records, self.period, 0, &mut quality)?;
        // Counted with this year's grid, then labelled with last year's
        // periods; a year before the records began has no counts (null,
        // never zero), so it is not compared and the target not rated.
        let mut before = self.count(records, self.period.previous_year(), 12, &mut quality)?;
        if !self.covers(records, self.period.previous_year())? {
            for c in ["numerator", "value", "lower", "upper"] {
                let empty = Column::full_null(c.into(), before.height(), &DataType::Float64);
                before.with_column(empty)?;
            }
        }
        let earlier: Vec<Option<String>> = PeriodColumn::read(&before, PERIOD)?
            .keys
            .iter()
            .map(|k| k.map(|k| k.previous_year().canonical()))
            .collect();
        before.with_column(Column::new(PERIOD.into(), earlier))?;
        let mut keys = self.common.by.clone();
        keys.push(AGE_GROUP.to_string());
        let mut out = compare_with_previous(
            &now,
            &before,
            &keys,
            Some(PERIOD),
            crate::assess::Polarity::HighIsGood,
            None,
        )?;
        let (current, previous) = (
            f64_values(&out, "value")?,
            f64_values(&out, "previous_value")?,
        );
        let diff: Vec<Option<f64>> = current
            .iter()
            .zip(&previous)
            .map(|(c, p)| Some((*c)? - (*p)?))
            .collect();
        let pct: Vec<Option<f64>> = current
            .iter()
            .zip(&previous)
            .map(|(c, p)| match (c, p) {
                (Some(c), Some(p)) if *p > 0.0 => Some((c - p) / p * 100.0),
                _ => None,
            })
            .collect();
        out.with_column(Column::new("difference".into(), diff))?;
        out.with_column(Column::new("change_percent".into(), pct))?;
        assess_table(&out, &Target::increase())
    }

    /// The data-quality table (`rule`, `count`) of the period's count.
    ///
    /// # Errors
    /// As [`Sip::counts`].
    ///
    /// Plan 2 has a row per status change; plan 3 was cancelled:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let plans = df!(
    ///     "plan_id" => [1, 2, 2, 3],
    ///     "established" => [d(1, 15), d(2, 6), d(2, 6), d(3, 19)],
    ///     "age" => [9, 45, 45, 67],
    ///     "status" => ["upprättad", "upprättad", "uppföljd", "makulerad"],
    /// )?;
    /// let sip = Sip::new("H1 2024".parse()?).exclude_statuses(["makulerad"]);
    /// let quality = sip.quality(&plans)?;
    /// let rules: Vec<&str> = quality.column("rule")?.str()?.iter().flatten().collect();
    /// assert_eq!(rules[1], "plans with several rows (counted once)");
    /// assert_eq!(rules[3], "plans with an excluded status (makulerad)");
    /// let counts: Vec<u64> = quality.column("count")?.u64()?.into_no_null_iter().collect();
    /// assert_eq!(counts, [3, 1, 0, 1]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quality(&self, records: impl IntoFrame) -> Result<DataFrame> {
        let records = &records.into_data_frame()?;
        let mut quality = Quality::default();
        self.plans(records, self.period, 0, &mut quality)?;
        quality.frame()
    }
}

/// Whole years from `birth` to `day` (a birthday counts on the day itself;
/// 29 February birthdays on 1 March in other years).
pub(crate) fn full_years(birth: NaiveDate, day: NaiveDate) -> u32 {
    let mut years = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years.max(0) as u32
}
