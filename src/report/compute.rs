//! One figure of one indicator: its statistic computed over the data for a
//! period, optionally by group columns, through the care layer. Invalid
//! records are left out and counted, never silently dropped.
//!
//! Over 500 lines: `figure` is one match over the families of the
//! catalogue, each arm the call of its care-layer type; the tables as the
//! report holds them are in `rows.rs`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

use super::counts::{event_counts, sip_group};
use super::inputs::Inputs;
use super::rows::{collect_rows, date_span, filtered, Rows};
use crate::care::{
    CauseSet, DispensingColumns, PlanColumns, StayColumns, VisitColumns, WaitColumns, Waits,
};
use crate::care::{Chronic, Continuity, Mortality, Readmission, Sip, WaitLimits};
use crate::catalog::{causes_of, Family, Indicator, Summary, WaitsMeasure};
use crate::error::{Error, Result};
use crate::measure::StandardPopulation;
use crate::period::Period;

/// The date column of event tables (fall injuries…).
pub const EVENT_DATE: &str = "date";

/// The columns every computed figure has, after the group columns.
pub const FIGURE_COLUMNS: [&str; 6] = [
    "numerator",
    "denominator",
    "value",
    "lower",
    "upper",
    "status",
];

/// A computed figure: one row per group (one row without groups).
#[derive(Debug, Clone)]
pub struct Figure {
    /// The group columns, then [`FIGURE_COLUMNS`].
    pub table: DataFrame,
    /// The period the figure covers, in Swedish ("jan–aug 2024", "2020–2024").
    pub label: String,
    /// Rows of the main table after the catalogue's filters.
    pub rows: usize,
    /// Records left out, by rule.
    pub excluded: Vec<(String, usize)>,
}

/// The tables of an indicator, filtered once for all its figures (a
/// scanned table keeps its filters as a query; each figure reads its rows).
#[derive(Debug, Clone)]
pub struct Source {
    /// The main table after the catalogue's filters (and, for waits, the kinds).
    main: Rows,
    /// Its number of rows.
    rows: usize,
    /// The second table (population, visits), when the family has one.
    other: Option<Rows>,
    /// The dated column and the first and last date in it, when the family
    /// has one: a period outside it is an error, not a silent zero.
    span: Option<(String, NaiveDate, NaiveDate)>,
}

impl Source {
    /// Read the indicator's tables and apply its filters.
    ///
    /// # Errors
    /// A missing or unreadable table, or a filter column it lacks.
    pub fn load(indicator: &Indicator, inputs: &mut Inputs) -> Result<Source> {
        let family = &indicator.statistic;
        let tables = family.tables();
        let mut main = filtered(inputs.rows(tables[0])?, family.filters())?;
        if let Family::Waits { kinds, .. } = family {
            main = filtered(main, &BTreeMap::from([("kind".to_string(), kinds.clone())]))?;
        }
        // A scanned table is read once here with its filters, unless its
        // figures each read a part of it: the referrals of a period.
        let main = match (family, main) {
            (Family::Waits { .. }, rows) => rows,
            (_, Rows::Scanned(scan)) => Rows::Held(collect_rows(*scan)?),
            (_, held) => held,
        };
        let rows = main.height()?;
        if rows == 0 {
            let filters = family
                .filters()
                .iter()
                .map(|(c, v)| format!("{c} in [{}]", v.join(", ")))
                .collect::<Vec<_>>()
                .join("; ");
            return Err(Error::data(
                tables[0],
                "the table has no rows (after the catalogue's filters), so nothing can be counted",
                "0 rows",
                if filters.is_empty() {
                    String::new()
                } else {
                    format!(" with {filters}")
                },
            ));
        }
        // The second table likewise, but for the visits of continuity,
        // whose figures each read their window of a scanned table.
        let other = match (family, tables.get(1)) {
            (_, None) => None,
            (Family::Continuity { .. }, Some(t)) => Some(inputs.rows(t)?),
            (_, Some(t)) => Some(match inputs.rows(t)? {
                Rows::Scanned(scan) => Rows::Held(collect_rows(*scan)?),
                held => held,
            }),
        };
        let span = match family {
            Family::Waits { .. } => date_span(&main, WaitColumns::default().decided)?,
            Family::Readmission { .. } => date_span(&main, StayColumns::default().discharged)?,
            Family::Sip { .. } => date_span(&main, PlanColumns::default().established)?,
            Family::EventRate { date, .. } => date_span(
                &main,
                date.clone().unwrap_or_else(|| EVENT_DATE.to_string()),
            )?,
            Family::EventCount { date, .. } => date_span(&main, date.clone())?,
            Family::Drugs { .. } => date_span(&main, DispensingColumns::default().dispensed)?,
            Family::Continuity { .. } => match &other {
                Some(visits) => date_span(visits, VisitColumns::default().date)?,
                None => None,
            },
            Family::Mortality { .. } | Family::LifeExpectancy { .. } => None,
        };
        Ok(Source {
            main,
            rows,
            other,
            span,
        })
    }

    /// An error when the period lies wholly outside the dates of the data.
    fn covers(&self, period: Period) -> Result<()> {
        match &self.span {
            Some((column, first, last)) if period.end() < *first || period.start() > *last => {
                Err(Error::data(
                    column,
                    "the data do not cover the period",
                    format!("{period}"),
                    format!(" (the records run from {first} to {last})"),
                ))
            }
            _ => Ok(()),
        }
    }

    /// The whole region's monthly series over the year before `period`
    /// and `period` (the drug family; see `drugs::monthly_series`).
    ///
    /// # Errors
    /// A family without a monthly series, or data that do not cover both years.
    pub(super) fn monthly(&self, family: &Family, period: Period) -> Result<DataFrame> {
        self.covers(period)?;
        super::drugs::monthly_series(family, &self.main.frame()?, &self.other()?, period)
    }

    fn other(&self) -> Result<DataFrame> {
        self.other
            .as_ref()
            .ok_or_else(|| {
                Error::argument("tables", "this statistic reads a second table", "none")
            })?
            .frame()
    }
}

/// Compute `indicator` for `period`, grouped by `by`.
///
/// # Errors
/// A missing column, data the statistic refuses, or a period the data do
/// not cover.
pub fn figure(
    indicator: &Indicator,
    source: &Source,
    period: Period,
    by: &[String],
) -> Result<Figure> {
    let family = &indicator.statistic;
    source.covers(period)?;
    let rows = source.rows;
    let (table, quality, label) = match family {
        Family::Waits {
            kinds,
            limit_days,
            measure,
            per,
            summary,
            ..
        } => {
            let mut limits = WaitLimits::law();
            if let Some(days) = limit_days {
                for k in kinds {
                    limits = limits.with_limit(k.clone(), *days);
                }
            }
            let base = match measure {
                WaitsMeasure::Completed => Waits::completed(period),
                WaitsMeasure::Waiting => Waits::waiting(period),
            };
            let waits = base.by(by.to_vec()).limits(limits).exclude_invalid();
            let main = &source
                .main
                .filter(waits_window(&source.main, *measure, period)?)?;
            let (table, quality) = match (per.as_deref(), measure) {
                (Some(_), _) | (None, WaitsMeasure::Waiting) => {
                    let wanted = match summary {
                        Summary::Pooled => "pooled share",
                        Summary::MeanOfMonths => "mean of monthly shares",
                    };
                    let summaries = waits.summary(main)?;
                    let table = summaries
                        .lazy()
                        .filter(col("summary").eq(lit(wanted)))
                        .collect()?;
                    (table, waits.quality(main)?)
                }
                (None, WaitsMeasure::Completed) => waits.fulfilment_and_quality(main)?,
            };
            (table, quality, period.to_string())
        }
        Family::Readmission {
            min_age,
            within_days,
            acute_only,
            ..
        } => {
            let main = &source.main.frame()?;
            let mut r = Readmission::new(period).by(by.to_vec()).exclude_invalid();
            r.min_age = *min_age;
            r.days = *within_days;
            r.acute_only = *acute_only;
            let (share, quality) = r.share_and_quality(main)?;
            (share, quality, period.to_string())
        }
        Family::Sip {
            group,
            age_limit,
            exclude_statuses,
            ..
        } => {
            let main = &source.main.frame()?;
            let mut s = Sip::new(period).by(by.to_vec()).exclude_invalid();
            s.age_limit = *age_limit;
            s.exclude_statuses = exclude_statuses.clone();
            let counts = s.counts(main)?;
            let table = sip_group(counts, *group, by)?;
            (table, s.quality(main)?, period.to_string())
        }
        Family::Mortality {
            cause_set,
            causes,
            min_age,
            max_age,
            window_years,
            standard,
            multiplier,
            ..
        } => {
            let set = match cause_set {
                Some(name) => CauseSet::named(name)?,
                None => causes_of(causes)?,
            };
            let (main, population) = (&source.main.frame()?, &source.other()?);
            let (first, last) = mortality_years(period, *window_years, main)?;
            let mut m = Mortality::new(set)
                .ages(min_age.unwrap_or(0), *max_age)
                .by(by.to_vec())
                .exclude_invalid();
            m = m.window((last - first + 1).unsigned_abs(), false);
            m.years = Some((first, last));
            m.multiplier = *multiplier;
            if let Some(name) = standard {
                m = m.standardised(StandardPopulation::by_name(name)?);
            }
            let label = Period::Years { first, last }.to_string();
            (
                m.rates(main, population)?,
                m.quality(main, population)?,
                label,
            )
        }
        Family::LifeExpectancy {
            at_age,
            open_from,
            window_years,
            ..
        } => {
            let main = &source.main.frame()?;
            let (first, last) = mortality_years(period, *window_years, main)?;
            let table = super::life::life_expectancy(
                main,
                &source.other()?,
                by,
                (first, last),
                *at_age,
                *open_from,
            )?;
            let label = Period::Years { first, last }.to_string();
            (table, super::life::quality(main, (first, last))?, label)
        }
        Family::EventRate {
            causes,
            min_age,
            max_age,
            multiplier,
            date,
            cause,
            ..
        } => {
            let set = causes_of(causes)?;
            let population = &source.other()?;
            let year = period.end().year();
            let events = in_period(
                &source.main.frame()?,
                date.as_deref().unwrap_or(EVENT_DATE),
                period,
            )?
            .lazy()
            .with_column(lit(year).alias("year"))
            .collect()?;
            let mut m = Mortality::new(set)
                .ages(min_age.unwrap_or(0), *max_age)
                .by(by.to_vec())
                .exclude_invalid();
            if let Some(cause) = cause {
                m.death_columns.cause = cause.clone();
            }
            m.years = Some((year, year));
            m.multiplier = *multiplier;
            (
                m.rates(&events, population)?,
                m.quality(&events, population)?,
                period.to_string(),
            )
        }
        Family::Continuity {
            index,
            window_months,
            min_visits,
            professions,
            chronic_codes,
            ..
        } => {
            // A scanned table of visits is read for the window only (a
            // month's margin; the rules pick the days), the dates compared
            // as stored so that the reader skips the row groups outside
            // it. Held visits go in whole, as a caller's would.
            let visits = &match &source.other {
                Some(v @ Rows::Scanned(_)) => v.filter(window_of(v, period, *window_months)?)?,
                _ => source.other()?,
            };
            let main = &source.main.frame()?;
            let mut c = Continuity::new(period.end());
            c.index = index.parse()?;
            c.window_months = *window_months;
            c.min_visits = *min_visits;
            c.professions = Some(professions.clone());
            if !chronic_codes.is_empty() {
                c.chronic = Chronic::DiagnosisCodes(chronic_codes.clone());
            }
            c.by = by.to_vec();
            let result = c.computed_for_summary(visits, main)?;
            if result.patients.height() == 0 {
                return Err(Error::data(
                    "patient_id",
                    "no patient meets the eligibility rules",
                    "0 eligible patients",
                    format!(" on {}", period.end()),
                ));
            }
            (
                c.summarise(result.patients)?,
                result.quality,
                period.to_string(),
            )
        }
        Family::EventCount { date, .. } => {
            let (counts, quality) = event_counts(&source.main.frame()?, date, period, by)?;
            (counts, quality, period.to_string())
        }
        Family::Drugs { .. } => {
            let (table, quality) = super::drugs::mean_month(
                family,
                &source.main.frame()?,
                &source.other()?,
                period,
                by,
            )?;
            (table, quality, period.to_string())
        }
    };
    Ok(Figure {
        table: standard_columns(table, by)?,
        label,
        rows,
        excluded: exclusions(&quality)?,
    })
}

/// The referrals that can count in the period: completed in it (completed
/// measure), or decided by its end and not completed before its start
/// (waiting measure). Rows without a decision date stay, so that the
/// quality table counts them.
fn waits_window(waits: &Rows, measure: WaitsMeasure, period: Period) -> Result<Expr> {
    let (start, end) = (lit(period.start()), lit(period.end()));
    let columns = WaitColumns::default();
    let decided = waits.date(&columns.decided)?;
    let completed = waits.date(&columns.completed)?;
    Ok(match measure {
        WaitsMeasure::Completed => completed.clone().gt_eq(start).and(completed.lt_eq(end)),
        WaitsMeasure::Waiting => decided
            .clone()
            .is_null()
            .or(decided.lt_eq(end))
            .and(completed.clone().is_null().or(completed.gt_eq(start))),
    })
}

/// The visits that can fall in a continuity window ending with `period`
/// (a month's margin before it; the visit rules pick the days), and those
/// without a date, which the rules count.
fn window_of(visits: &Rows, period: Period, months: u32) -> Result<Expr> {
    let from = period.end() - chrono::Months::new(months + 1);
    let name = VisitColumns::default().date;
    crate::measure::require(visits.schema()?.as_ref(), &name, "visit date")?;
    let date = visits.date(&name)?;
    Ok(date
        .clone()
        .gt_eq(lit(from))
        .and(date.clone().lt_eq(lit(period.end())))
        .or(date.is_null()))
}

/// The rows whose date falls in the period.
pub(super) fn in_period(frame: &DataFrame, column: &str, period: Period) -> Result<DataFrame> {
    let dates = crate::measure::column_of(frame, column, "event date")?.cast(&DataType::Date)?;
    let (start, end) = (period.start(), period.end());
    let mask: BooleanChunked = dates
        .date()?
        .as_date_iter()
        .map(|d| Some(d.is_some_and(|d| d >= start && d <= end)))
        .collect();
    Ok(frame.filter(&mask)?)
}

/// The pooled window ending in the period's year, or the last year the
/// register holds when it lags (the cause-of-death register publishes year
/// t in the autumn of t+1). A span of years is its own window.
pub(super) fn mortality_years(
    period: Period,
    window: u32,
    deaths: &DataFrame,
) -> Result<(i32, i32)> {
    if let Period::Years { first, last } = period {
        return Ok((first, last));
    }
    let wanted = period.end().year();
    let years =
        crate::measure::column_of(deaths, "year", "year of death")?.cast(&DataType::Int32)?;
    let latest = years.i32()?.max().ok_or_else(|| {
        Error::data(
            "year",
            "the deaths table has no years",
            "none",
            String::new(),
        )
    })?;
    let last = wanted.min(latest);
    Ok((last - window as i32 + 1, last))
}

/// The group columns and [`FIGURE_COLUMNS`], numbers as f64, a missing
/// denominator (counts) as null.
fn standard_columns(table: DataFrame, by: &[String]) -> Result<DataFrame> {
    let schema = table.schema().clone();
    let mut select: Vec<Expr> = by
        .iter()
        .map(|b| col(b.as_str()).cast(DataType::String))
        .collect();
    for name in FIGURE_COLUMNS {
        let expr = if schema.contains(name) {
            col(name)
        } else {
            lit(NULL)
        };
        let dtype = if name == "status" {
            DataType::String
        } else {
            DataType::Float64
        };
        select.push(expr.cast(dtype).alias(name));
    }
    Ok(table.lazy().select(select).collect()?)
}

/// The excluded records of a quality table (`rule`, `count`): the rules
/// starting with "excluded", with their counts above zero.
fn exclusions(quality: &DataFrame) -> Result<Vec<(String, usize)>> {
    let rules =
        crate::measure::column_of(quality, "rule", "quality rule")?.cast(&DataType::String)?;
    let counts = crate::measure::f64_values(quality, "count")?;
    Ok(rules
        .str()?
        .iter()
        .zip(counts)
        .filter_map(|(rule, count)| {
            let (rule, count) = (rule?, count?);
            (rule.starts_with("excluded") && count > 0.0)
                .then(|| (rule.to_string(), count as usize))
        })
        .collect())
}

/// The same period `years` years earlier (a span of years keeps its length).
pub fn years_before(period: Period, years: i32) -> Period {
    let mut p = period;
    for _ in 0..years {
        p = p.previous_year();
    }
    p
}
