//! A months target in the report ("signifikant minskning i minst 4 av 6
//! månader"): the whole region's monthly series over the report period
//! and the year before, each month tested against the same month a year
//! earlier by [`assess_months`], the rating and one long-table row per
//! month (series [`SERIES_MONTH`]).
//!
//! # An interim report
//! A report period that ends before the target's months do (the
//! delårsbokslut, January–August, against April–September) cannot rate
//! all of them; [`assess_months`] then says "measured at year end". The
//! report rates the months so far instead, as a forecast of the target,
//! and says so in the rule: fulfilled when the months so far already
//! hold `at_least` significant moves in the target's direction (later
//! months cannot undo them); not fulfilled when they cannot reach
//! `at_least` even if every month still to come qualifies; partly
//! otherwise (still reachable). With no month of the target yet in the
//! period, there is no rating ("measured at year end").

use polars::prelude::*;

use super::compute::Source;
use super::evaluate::REGION_TOTAL;
use super::long::LongRow;
use super::model::RatingResult;
use crate::assess::{
    assess_months, Assessment, Direction, MissingReason, Rating, Target, BREAKDOWN_TOTAL,
};
use crate::catalog::Indicator;
use crate::disclosure::{FLAG_COLUMN, PUBLISHED_MASK};
use crate::error::Result;
use crate::measure::f64_values;
use crate::period::Period;

/// The series of the long table's rows of a months target, one per month.
///
/// The three drug indicators of the shipped catalogue have a months target
/// (April–September); in jan–aug 2024 five of its months have passed:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{run_catalog, Catalog, RunOptions, SERIES_MONTH};
///
/// let data = std::env::temp_dir().join("indikator-series-month");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.02)?;
/// let report = run_catalog(&Catalog::shipped()?, &data, &RunOptions::new("2024-delar".parse()?))?;
/// let months = report.long.clone().lazy();
/// let months = months.filter(col("series").eq(lit(SERIES_MONTH))).collect()?;
/// assert_eq!(months.height(), 3 * 5);
/// let ids = months.column("indicator_id")?.as_materialized_series().n_unique()?;
/// assert_eq!(ids, 3);
/// assert_eq!(SERIES_MONTH, "month");
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SERIES_MONTH: &str = "month";

/// The rating of a months target and its months as long-table rows (each
/// a copy of `base` with the month's figure and test).
///
/// A series the data cannot give (the year before not covered, a month
/// without its population) is no rating, "not measurable", with the
/// reason in the rule: never an error of the whole indicator, never a zero.
///
/// # Errors
/// A series [`assess_months`] refuses (as it documents), or polars.
pub(super) fn rate_months(
    ind: &Indicator,
    target: &Target,
    source: &Source,
    period: Period,
    masking: Option<f64>,
    base: &LongRow,
) -> Result<(RatingResult, Vec<LongRow>)> {
    let unrated = |rule: String| Assessment {
        rating: None,
        missing: Some(MissingReason::NotMeasurable),
        rule,
    };
    let series = match source.monthly(&ind.statistic, period) {
        Ok(s) => masked(s, masking)?,
        Err(e) => {
            let a = unrated(format!("{} — månadsserien saknas: {e}", target.words()));
            return Ok((result(a), Vec::new()));
        }
    };
    let rated = assess_months(&series, target)?;
    let assessment = match rated.assessment.missing {
        Some(MissingReason::MeasuredAtYearEnd) => {
            interim(target, &rated.months, period)?.unwrap_or(rated.assessment)
        }
        _ => rated.assessment,
    };
    let rows = month_rows(&rated.months, masking, base)?;
    Ok((result(assessment), rows))
}

/// The rating of the months so far (see the module's "An interim
/// report"), or `None` when no month of the target is in the period.
fn interim(target: &Target, months: &DataFrame, period: Period) -> Result<Option<Assessment>> {
    let Target::Months {
        at_least,
        of,
        direction,
        ..
    } = *target
    else {
        return Ok(None);
    };
    let so_far = months.height() as u32;
    if so_far == 0 {
        return Ok(None);
    }
    let wanted = match direction {
        Direction::Increase => "higher",
        Direction::Decrease => "lower",
    };
    let directions = months.column("direction")?.str()?.clone();
    let hits = directions.iter().filter(|d| *d == Some(wanted)).count() as u32;
    let left = of.saturating_sub(so_far);
    let (rating, verdict) = if hits >= at_least {
        (Rating::Fulfilled, "målet är redan nått")
    } else if hits + left < at_least {
        (Rating::NotFulfilled, "målet kan inte längre nås")
    } else {
        (Rating::Partly, "målet kan fortfarande nås")
    };
    Ok(Some(Assessment {
        rating: Some(rating),
        missing: None,
        rule: format!(
            "{} — delårsbedömning: {so_far} av {of} månader ligger i perioden {period}, \
             {hits} med signifikant {} mot samma månad föregående år, {left} återstår; \
             {verdict}",
            target.words(),
            match direction {
                Direction::Increase => "ökning",
                Direction::Decrease => "minskning",
            },
        ),
    }))
}

/// Mask the months whose persons are fewer than the threshold (above 0):
/// a masked month is not compared.
fn masked(series: DataFrame, threshold: Option<f64>) -> Result<DataFrame> {
    let numerators = f64_values(&series, "numerator")?;
    let flags: Vec<&str> = numerators
        .iter()
        .map(|x| match (x, threshold) {
            (Some(x), Some(t)) if *x > 0.0 && *x < t => "primary",
            _ => "none",
        })
        .collect();
    let mut series = series;
    series.with_column(Column::new(FLAG_COLUMN.into(), flags))?;
    Ok(series)
}

/// One long-table row per month of the target: the month's share, its
/// test against the same month a year earlier in `status`, `significant`;
/// a month of fewer persons than the threshold is masked.
fn month_rows(months: &DataFrame, threshold: Option<f64>, base: &LongRow) -> Result<Vec<LongRow>> {
    let text = |name: &str| -> Result<Vec<String>> {
        Ok(months
            .column(name)?
            .cast(&DataType::String)?
            .str()?
            .iter()
            .map(|t| t.unwrap_or("").to_string())
            .collect())
    };
    let (period, previous) = (text("period")?, text("previous_period")?);
    let (direction, note, method) = (text("direction")?, text("note")?, text("method")?);
    let (measure, value) = (text("measure")?, f64_values(months, "value")?);
    let numerator = f64_values(months, "numerator")?;
    let denominator = f64_values(months, "denominator")?;
    let estimate = f64_values(months, "estimate")?;
    let (lower, upper) = (f64_values(months, "lower")?, f64_values(months, "upper")?);
    let significant: Vec<Option<bool>> = months.column("significant")?.bool()?.iter().collect();
    let number = |x: Option<f64>| x.map_or("–".to_string(), |x| format!("{x:.2}"));
    Ok((0..months.height())
        .map(|i| {
            let hidden =
                matches!((numerator[i], threshold), (Some(x), Some(t)) if x > 0.0 && x < t);
            let keep = |x: Option<f64>| if hidden { None } else { x };
            let status = match estimate[i] {
                _ if hidden => "suppressed".to_string(),
                Some(e) => format!(
                    "against {}: {} {} ({} to {}), {}; {}",
                    previous[i],
                    measure[i],
                    number(Some(e)),
                    number(lower[i]),
                    number(upper[i]),
                    direction[i],
                    method[i]
                ),
                None => format!("against {}: not compared ({})", previous[i], note[i]),
            };
            LongRow {
                series: SERIES_MONTH.into(),
                period: period[i].clone(),
                breakdown: BREAKDOWN_TOTAL.into(),
                group: REGION_TOTAL.into(),
                numerator: keep(numerator[i]),
                denominator: keep(denominator[i]),
                value: keep(value[i]),
                status,
                significant: significant[i],
                suppressed: if hidden { PUBLISHED_MASK } else { "none" }.into(),
                ..base.clone()
            }
        })
        .collect())
}

fn result(a: Assessment) -> RatingResult {
    RatingResult {
        rating: a.rating,
        colour: a.colour().to_string(),
        words: a.swedish().to_string(),
        rule: a.rule,
    }
}
