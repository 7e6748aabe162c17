//! The points of a chart from any result table of the library: a result of
//! a statistic or a care family, a comparison, or the report's long table
//! taken as it comes (its whole-region rows of one indicator). A trend's
//! points are in time order, periods read as periods; a table that holds
//! several rows for one point is refused, never drawn over itself.

use polars::prelude::*;

use super::model::Point;
use crate::assess::{BREAKDOWN_COLUMN, BREAKDOWN_TOTAL};
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::measure::{column_of, f64_values};
use crate::period::PeriodColumn;

impl Point {
    /// Points from the rows of a table with a label column and `value`, and
    /// optionally the limits (`lower`/`upper`, or the 95 % pair
    /// `lower_95`/`upper_95`), `numerator`, `denominator`, `status` and
    /// `suppressed` (`none`/`primary`/`secondary`, or a boolean), in row order.
    ///
    /// # Errors
    /// A missing label or value column, or non-numeric numbers.
    ///
    /// A rate per kommun, one point per kommun:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::render::Point;
    /// let deaths = df!(
    ///     "kommun" => ["Krokom", "Östersund"],
    ///     "deaths" => [4i64, 12],
    ///     "population" => [19_000i64, 64_000],
    /// )?;
    /// let rates = Rate::new("deaths", "population").multiplier(100_000.0).by("kommun").compute(&deaths)?;
    /// let points = Point::from_frame(&rates, "kommun")?;
    /// let ostersund = &points[1];
    /// assert_eq!((ostersund.label.as_str(), ostersund.value), ("Östersund", Some(18.75)));
    /// assert_eq!((ostersund.numerator, ostersund.denominator), (Some(12.0), Some(64_000.0)));
    /// assert!(ostersund.lower.is_some_and(|l| l < 18.75) && ostersund.upper.is_some());
    /// assert!(Point::from_frame(&rates, "kommunnamn").is_err()); // no such label column
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_frame(frame: impl IntoFrame, label: &str) -> Result<Vec<Point>> {
        let frame = &frame.into_data_frame()?;
        let labels = column_of(frame, label, "label")?.cast(&DataType::String)?;
        let optional = |name: &str| -> Result<Vec<Option<f64>>> {
            if frame.schema().contains(name) {
                f64_values(frame, name)
            } else {
                Ok(vec![None; frame.height()])
            }
        };
        let value = f64_values(frame, column_of(frame, "value", "value")?.name())?;
        let (lower, upper) = if frame.schema().contains("lower") {
            (optional("lower")?, optional("upper")?)
        } else {
            (optional("lower_95")?, optional("upper_95")?)
        };
        let (numerator, denominator) = (optional("numerator")?, optional("denominator")?);
        let text = |name: &str| -> Result<Vec<Option<String>>> {
            if !frame.schema().contains(name) {
                return Ok(vec![None; frame.height()]);
            }
            let c = frame.column(name)?.cast(&DataType::String)?;
            Ok(c.str()?.iter().map(|s| s.map(str::to_string)).collect())
        };
        let (status, flags) = (text("status")?, text("suppressed")?);
        Ok(labels
            .str()?
            .iter()
            .enumerate()
            .map(|(i, l)| Point {
                label: l.unwrap_or("").to_string(),
                value: value[i],
                lower: lower[i],
                upper: upper[i],
                numerator: numerator[i],
                denominator: denominator[i],
                status: status[i].clone().unwrap_or_else(|| "ok".into()),
                suppressed: matches!(
                    flags[i].as_deref(),
                    Some("primary" | "secondary" | "masked" | "true")
                ),
            })
            .collect())
    }
}

/// The points of a trend chart: one per period of the column `label`
/// (period labels, whole years or dates), in time order. Of the report's
/// long table, the whole region's rows are drawn.
///
/// # Errors
/// Missing columns, a label that is not a period, rows of several
/// indicators, or two rows for one period (naming the period and the
/// columns that would tell them apart).
///
/// SIP per tertial, the rows in any order:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::render::trend_points;
///
/// let sip = df!(
///     "period" => ["T3 2023", "T1 2024", "T2 2023"],
///     "value" => [61.0, 58.0, 64.0],
/// )?;
/// let points = trend_points(&sip, "period")?;
/// let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
/// assert_eq!(labels, ["T2 2023", "T3 2023", "T1 2024"]);
/// assert_eq!(points[0].value, Some(64.0));
/// // Women and men in one table: two rows for a period, refused.
/// let by_sex = df!(
///     "period" => ["T1 2024", "T1 2024"],
///     "sex" => ["K", "M"],
///     "value" => [30.0, 28.0],
/// )?;
/// let err = trend_points(&by_sex, "period").unwrap_err();
/// assert!(matches!(err, indikator::Error::InvalidData { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn trend_points(frame: impl IntoFrame, label: &str) -> Result<Vec<Point>> {
    let frame = &frame.into_data_frame()?;
    let frame = of_one_indicator(&keep(frame, BREAKDOWN_COLUMN, BREAKDOWN_TOTAL)?)?;
    let time = PeriodColumn::read(&frame, label)?;
    let order = time.order();
    if let Some(w) = order
        .windows(2)
        .find(|w| time.keys[w[0]].is_some() && time.keys[w[0]] == time.keys[w[1]])
    {
        let shown = frame.column(label)?.cast(&DataType::String)?;
        return Err(Error::data(
            label,
            "a trend has one row per period: filter the table to one group first",
            format!("{:?} twice", shown.str()?.get(w[0]).unwrap_or("")),
            format!(" (the table's columns: {})", names(&frame)),
        ));
    }
    let idx = IdxCa::from_vec("".into(), order.iter().map(|&i| i as IdxSize).collect());
    Point::from_frame(&frame.take(&idx)?, label)
}

/// The points of a bar chart, one per group of the column `label`, in row
/// order. Of the report's long table, the rows of the breakdown
/// `breakdown` (e.g. `kommun`; the report period's only) are drawn.
///
/// # Errors
/// Missing columns, rows of several indicators, or a group twice.
///
/// Rows in the long table's form: the region's total is left out of the
/// bars by kommun.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::render::group_points;
///
/// let long = df!(
///     "breakdown" => ["total", "kommun", "kommun", "kommun"],
///     "group" => ["Jämtlands län", "Berg", "Härjedalen", "Östersund"],
///     "value" => [Some(84.0), None, Some(81.0), Some(86.2)],
///     "suppressed" => ["none", "primary", "none", "none"],
/// )?;
/// let bars = group_points(&long, "group", "kommun")?;
/// let labels: Vec<&str> = bars.iter().map(|p| p.label.as_str()).collect();
/// assert_eq!(labels, ["Berg", "Härjedalen", "Östersund"]);
/// assert!(bars[0].suppressed && !bars[2].suppressed);
/// assert_eq!(bars[2].value, Some(86.2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn group_points(frame: impl IntoFrame, label: &str, breakdown: &str) -> Result<Vec<Point>> {
    let frame = &frame.into_data_frame()?;
    let frame = keep(frame, BREAKDOWN_COLUMN, breakdown)?;
    let frame = of_one_indicator(&frame)?;
    let groups = column_of(&frame, label, "label")?.cast(&DataType::String)?;
    let labels: Vec<Option<&str>> = groups.str()?.iter().collect();
    let mut seen = std::collections::HashSet::new();
    if let Some(row) = labels.iter().position(|l| !seen.insert(*l)) {
        return Err(Error::data(
            label,
            "a chart by group has one row per group: filter the table first",
            format!("{:?} twice", labels[row].unwrap_or("")),
            format!(" (the table's columns: {})", names(&frame)),
        ));
    }
    Point::from_frame(&frame, label)
}

/// The rows whose text column `column`, where the table has it, is `value`.
fn keep(frame: &DataFrame, column: &str, value: &str) -> Result<DataFrame> {
    if frame.schema().get(column) != Some(&DataType::String) {
        return Ok(frame.clone());
    }
    Ok(frame
        .clone()
        .lazy()
        .filter(col(column).eq(lit(value)))
        .collect()?)
}

/// The table, if its `indicator_id` column (where it has one) names one indicator.
fn of_one_indicator(frame: &DataFrame) -> Result<DataFrame> {
    let Ok(ids) = frame.column("indicator_id") else {
        return Ok(frame.clone());
    };
    let ids = ids.cast(&DataType::String)?;
    let unique = ids.as_materialized_series().unique_stable()?;
    if unique.len() > 1 {
        let shown: Vec<&str> = unique.str()?.iter().flatten().collect();
        return Err(Error::data(
            "indicator_id",
            "a chart shows one indicator: filter the table to one",
            shown.join(", "),
            "",
        ));
    }
    Ok(frame.clone())
}

fn names(frame: &DataFrame) -> String {
    frame
        .get_column_names()
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
