//! A result against the same period a year earlier: the comparison the
//! region's plans make (a month, a tertial, the delår or a window against
//! the same one last year), with overlapping intervals meaning no change.

use polars::prelude::*;

use super::compare::compare_estimate_with_previous;
use super::estimates::{read_estimates, Estimates};
use super::matching::{matched, shared_time};
use super::polarity::Polarity;
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::measure::f64_values;
use crate::measure::IntoColumns;

/// Add the same period a year earlier to `current`: `previous_period` (its
/// label as written in `previous`), `previous_value`, `previous_lower`,
/// `previous_upper` and `vs_previous` (a [`Comparison::label`](super::Comparison::label): overlapping
/// intervals are `similar`, as are rows without a match: `not compared`).
///
/// Rows are matched on the key columns `on` and on time. The time column is
/// `time`, or else the first of [`TIME_COLUMNS`](super::TIME_COLUMNS) both
/// tables have; its values are periods in any form (`"T1 2024"`,
/// `"2024-T1"`, `"2019–2023"`), whole years or dates, and each row finds
/// the same period one year earlier (a date: the same day, a month end the
/// month end). `previous` may be the same table as `current`: each row then
/// finds its own series' row of the year before. Without a shared time
/// column, one-row tables are compared as they are.
///
/// `level` gives the confidence level of tables with one pair of limits
/// (`lower`/`upper`) and no `confidence` column; a table that says its
/// level must not be given another. The narrowest level both tables have is
/// used (95 % when present).
///
/// ```
/// use indikator::{compare_with_previous, Polarity, Proportion, Statistic};
/// use indikator::polars::prelude::*;
///
/// let monthly = df!(
///     "period" => ["2023-01", "2023-02", "2024-01", "2024-02"],
///     "x" => [40, 42, 70, 44], "n" => [100, 100, 100, 100],
/// )?;
/// let shares = Proportion::new("x", "n").by(["period"]).compute(monthly.lazy())?;
/// let out = compare_with_previous(&shares, &shares, Vec::<String>::new(), None, Polarity::HighIsGood, None)?;
/// let vs: Vec<_> = out.column("vs_previous")?.str()?.iter().flatten().collect();
/// assert_eq!(vs, ["not compared", "not compared", "better", "similar"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Missing columns, a time column that does not hold periods, duplicated
/// groups in `previous`, tables without a common confidence level, a
/// `level` that contradicts the table, or tables of several rows with
/// neither key columns nor a time column to match them.
pub fn compare_with_previous(
    current: impl IntoFrame,
    previous: impl IntoFrame,
    on: impl IntoColumns,
    time: Option<&str>,
    polarity: Polarity,
    level: Option<f64>,
) -> Result<DataFrame> {
    let current = &current.into_data_frame()?;
    let previous = &previous.into_data_frame()?;
    let on: &[String] = &on.into_columns();
    let now = read_estimates(current, level)?;
    let before = read_estimates(previous, level)?;
    let shared = now
        .levels
        .iter()
        .map(|l| l.level)
        .find(|l| before.at(*l).is_some())
        .ok_or_else(|| {
            Error::argument(
                "previous",
                "both tables need limits at a common confidence level",
                format!("{:?} and {:?}", levels_of(&now), levels_of(&before)),
            )
        })?;
    let time = shared_time(current, previous, time, "previous period's table")?;
    let found = earlier_rows(current, previous, &before, shared, on, time.as_deref())?;
    let here = now.at(shared).ok_or_else(|| missing_level(shared))?;
    let labels: Vec<&str> = found
        .rows
        .iter()
        .enumerate()
        .map(|(i, (_, lo, up))| {
            compare_estimate_with_previous((here.lower[i], here.upper[i]), (*lo, *up), polarity)
                .label()
        })
        .collect();
    let mut out = current.clone();
    let pick =
        |k: usize| -> Vec<Option<f64>> { found.rows.iter().map(|r| [r.0, r.1, r.2][k]).collect() };
    if let Some(periods) = found.periods {
        out.with_column(periods.with_name("previous_period".into()))?;
    }
    out.with_column(Column::new("previous_value".into(), pick(0)))?;
    out.with_column(Column::new("previous_lower".into(), pick(1)))?;
    out.with_column(Column::new("previous_upper".into(), pick(2)))?;
    out.with_column(Column::new("vs_previous".into(), labels))?;
    Ok(out)
}

type Row = (Option<f64>, Option<f64>, Option<f64>);

/// The earlier rows, in the order of the current table.
struct Found {
    rows: Vec<Row>,
    /// The label of each row found, as written in the earlier table.
    periods: Option<Column>,
}

fn levels_of(estimates: &Estimates) -> Vec<f64> {
    estimates.levels.iter().map(|l| l.level).collect()
}

fn missing_level(level: f64) -> Error {
    Error::argument("level", "no limits at the level chosen", level)
}

/// The previous period's (value, lower, upper) at `level`, in the order of `current`.
fn earlier_rows(
    current: &DataFrame,
    previous: &DataFrame,
    before: &Estimates,
    level: f64,
    on: &[String],
    time: Option<&str>,
) -> Result<Found> {
    let limits = before.at(level).ok_or_else(|| missing_level(level))?;
    if on.is_empty() && time.is_none() {
        if current.height() != 1 || previous.height() != 1 {
            return Err(Error::argument(
                "on",
                "name the key columns that match rows of the two periods (the tables have \
                 several rows and no time column: period, year, snapshot or end)",
                format!("{} and {} rows", current.height(), previous.height()),
            ));
        }
        return Ok(Found {
            rows: vec![(before.value[0], limits.lower[0], limits.upper[0])],
            periods: None,
        });
    }
    let keyed_on: Vec<&str> = on
        .iter()
        .map(String::as_str)
        .chain(time)
        .filter(|k| previous.schema().contains(k))
        .collect();
    let mut keyed = previous.select(keyed_on)?;
    for (name, values) in [
        ("__ik_value", &before.value),
        ("__ik_lower", &limits.lower),
        ("__ik_upper", &limits.upper),
    ] {
        keyed.with_column(Column::new(name.into(), values))?;
    }
    let (joined, _) = matched(current, &keyed, on, time, 1, "previous period's table")?;
    let (v, l, u) = (
        f64_values(&joined, "__ik_value")?,
        f64_values(&joined, "__ik_lower")?,
        f64_values(&joined, "__ik_upper")?,
    );
    let periods = match time {
        Some(t) => Some(joined.column(t)?.cast(&DataType::String)?),
        None => None,
    };
    Ok(Found {
        rows: (0..v.len()).map(|i| (v[i], l[i], u[i])).collect(),
        periods,
    })
}
