//! Rating the rows of a result table against a target.

use polars::prelude::*;

use super::compare::compare_estimate_with_previous;
use super::estimates::read_estimates;
use super::goal_target::{Observed, Target};
use super::months::assess_months;
use super::polarity::Polarity;
use super::rating::{rating_counts, Assessment, MissingReason, Perspective, Rating, RatingCounts};
use crate::error::{Error, Result};
use crate::measure::{column_of, f64_values};

/// Rate every row of a result table against `target`, adding `rating`
/// (`fulfilled`, `partly`, `not fulfilled` or null), `rating_sv`, `colour`,
/// `rule` (the rule and outcome in Swedish) and `missing_reason`.
///
/// Per row it reads `value` (text for yes/no, status and qualitative
/// targets), and when present `previous_value` with `previous_lower` /
/// `previous_upper` (as [`compare_with_previous`](super::compare_with_previous)
/// adds them) and `baseline_value`. A row without a value gets the reason in
/// its `missing_reason` column if it has one, `suppressed` when the
/// `suppressed` flag says so, `not_measurable` when its `status` is not
/// `ok`, and otherwise `not_reported`.
///
/// A months target rates the table as one monthly series (see
/// [`assess_months`]): the result is its table of months, each with the
/// whole series' `rating`, `rating_sv`, `colour`, `rule` and
/// `missing_reason`.
///
/// # Errors
/// Missing columns, an invalid target, an every-unit target (it rates a
/// whole table of units: see [`assess_units`]), a months target on a table
/// [`assess_months`] refuses, or a text value the target does not know.
pub fn assess_table(table: &DataFrame, target: &Target) -> Result<DataFrame> {
    if let Target::Months { .. } = target {
        let rated = assess_months(table, target)?;
        let mut out = Columns::default();
        for _ in 0..rated.months.height() {
            out.push(&rated.assessment);
        }
        let mut result = rated.months;
        for c in out.columns() {
            result.with_column(c)?;
        }
        return Ok(result);
    }
    if matches!(target, Target::EveryUnit { .. }) {
        return Err(Error::argument(
            "target",
            "every-unit targets rate a whole table of units, not each row: use assess_units",
            target.words(),
        ));
    }
    let value = column_of(table, "value", "value to rate")?;
    let texts: Option<Vec<Option<String>>> = if value.dtype() == &DataType::String {
        Some(value.str()?.iter().map(|t| t.map(str::to_string)).collect())
    } else {
        None
    };
    let values = if texts.is_some() {
        vec![None; table.height()]
    } else {
        f64_values(table, "value")?
    };
    let optional = |name: &str| -> Result<Vec<Option<f64>>> {
        if table.schema().contains(name) {
            f64_values(table, name)
        } else {
            Ok(vec![None; table.height()])
        }
    };
    let previous = optional("previous_value")?;
    let (previous_lower, previous_upper) =
        (optional("previous_lower")?, optional("previous_upper")?);
    let baseline = optional("baseline_value")?;
    let needs_limits = matches!(
        target,
        Target::Direction {
            significant: true,
            ..
        }
    );
    let current = if needs_limits {
        Some(read_estimates(table, None)?)
    } else {
        None
    };
    let reasons = missing_reasons(table)?;
    let mut out = Columns::default();
    for i in 0..table.height() {
        let vs_previous = current.as_ref().map(|e| {
            let (_, lo, up) = e.narrowest(i);
            compare_estimate_with_previous(
                (lo, up),
                (previous_lower[i], previous_upper[i]),
                Polarity::NoJudgement,
            )
        });
        let text = texts.as_ref().and_then(|t| t[i].clone());
        let present = text.is_some() || values[i].is_some();
        let observed = Observed {
            value: values[i],
            text,
            missing: if present { None } else { Some(reasons[i]) },
            previous: previous[i],
            vs_previous,
            baseline: baseline[i],
            ..Default::default()
        };
        out.push(&target.assess(&observed)?);
    }
    let mut result = table.clone();
    for c in out.columns() {
        result.with_column(c)?;
    }
    Ok(result)
}

/// Rate a table with one row per unit (kommun, clinic…) against an
/// every-unit target; `unit` names the unit column, values are in `value`.
///
/// # Errors
/// Missing columns, or a target that is not [`Target::EveryUnit`].
pub fn assess_units(table: &DataFrame, unit: &str, target: &Target) -> Result<Assessment> {
    if !matches!(target, Target::EveryUnit { .. }) {
        return Err(Error::argument(
            "target",
            "assess_units takes an every-unit target",
            target.words(),
        ));
    }
    let names = column_of(table, unit, "unit")?.cast(&DataType::String)?;
    let values = f64_values(table, column_of(table, "value", "value to rate")?.name())?;
    let units = names
        .str()?
        .iter()
        .zip(values)
        .map(|(n, v)| (n.unwrap_or("?").to_string(), v))
        .collect();
    target.assess(&Observed {
        units,
        ..Default::default()
    })
}

/// Count the ratings per perspective for the pie chart: reads the columns
/// `perspective` (Samhälle, Patient, Medarbetare, Verksamhetsresultat) and
/// `rating` (as [`assess_table`] writes it; null counts as missing) and
/// returns one row per perspective, all four listed, with `fulfilled`,
/// `partly`, `not_fulfilled` and `missing`.
///
/// # Errors
/// Missing columns, an unknown perspective or rating label.
///
/// The report's long table is taken as it comes, and counted as the
/// report's pies count it: when it has success factors (rows of series
/// [`SERIES_SUCCESS_FACTOR`]), each factor once, as the plans count; else
/// each indicator's own row (the report period's row of the whole region,
/// see [`headline_rows`]).
pub fn ratings_by_perspective(table: &DataFrame) -> Result<DataFrame> {
    let table = &counted_rows(table)?;
    let perspectives = column_of(table, "perspective", "perspective")?.cast(&DataType::String)?;
    let ratings = column_of(table, "rating", "rating")?.cast(&DataType::String)?;
    let mut pairs = Vec::with_capacity(table.height());
    for (p, r) in perspectives.str()?.iter().zip(ratings.str()?.iter()) {
        let perspective: Perspective = p.unwrap_or("").parse()?;
        let rating = match r {
            None => None,
            Some(label) => Some(
                [Rating::Fulfilled, Rating::Partly, Rating::NotFulfilled]
                    .into_iter()
                    .find(|x| x.label() == label)
                    .ok_or_else(|| {
                        Error::data(
                            "rating",
                            "ratings are fulfilled, partly or not fulfilled",
                            format!("{label:?}"),
                            "",
                        )
                    })?,
            ),
        };
        pairs.push((perspective, rating));
    }
    let counts = rating_counts(pairs);
    let column = |f: fn(&RatingCounts) -> usize| -> Column {
        Column::new(
            "".into(),
            counts.iter().map(|(_, c)| f(c) as u32).collect::<Vec<_>>(),
        )
    };
    Ok(DataFrame::new(
        counts.len(),
        vec![
            Column::new(
                "perspective".into(),
                counts.iter().map(|(p, _)| p.name()).collect::<Vec<_>>(),
            ),
            column(|c| c.fulfilled).with_name("fulfilled".into()),
            column(|c| c.partly).with_name("partly".into()),
            column(|c| c.not_fulfilled).with_name("not_fulfilled".into()),
            column(|c| c.missing).with_name("missing".into()),
        ],
    )?)
}

/// The reason each row's value would be missing.
fn missing_reasons(table: &DataFrame) -> Result<Vec<MissingReason>> {
    let strings = |name: &str| -> Result<Option<Vec<Option<String>>>> {
        match table.column(name) {
            Ok(c) if c.dtype() == &DataType::String => Ok(Some(
                c.str()?.iter().map(|s| s.map(str::to_string)).collect(),
            )),
            _ => Ok(None),
        }
    };
    let (given, flags, status) = (
        strings("missing_reason")?,
        strings("suppressed")?,
        strings("status")?,
    );
    (0..table.height())
        .map(|i| {
            let at = |c: &Option<Vec<Option<String>>>| c.as_ref().and_then(|v| v[i].clone());
            if let Some(reason) = at(&given) {
                return reason.parse();
            }
            if at(&flags).is_some_and(|f| f != "none") {
                return Ok(MissingReason::Suppressed);
            }
            if at(&status).is_some_and(|s| s != "ok") {
                return Ok(MissingReason::NotMeasurable);
            }
            Ok(MissingReason::NotReported)
        })
        .collect()
}

#[derive(Default)]
struct Columns {
    rating: Vec<Option<&'static str>>,
    swedish: Vec<&'static str>,
    colour: Vec<&'static str>,
    rule: Vec<String>,
    missing: Vec<Option<&'static str>>,
}

impl Columns {
    fn push(&mut self, a: &Assessment) {
        self.rating.push(a.rating.map(|r| r.label()));
        self.swedish.push(a.swedish());
        self.colour.push(a.colour());
        self.rule.push(a.rule.clone());
        self.missing.push(a.missing.map(|m| m.name()));
    }

    fn columns(self) -> Vec<Column> {
        vec![
            Column::new("rating".into(), self.rating),
            Column::new("rating_sv".into(), self.swedish),
            Column::new("colour".into(), self.colour),
            Column::new("rule".into(), self.rule),
            Column::new("missing_reason".into(), self.missing),
        ]
    }
}

/// The column of the report's long table that says which series a row is.
pub const SERIES_COLUMN: &str = "series";
/// The series of the report period itself (others: `previous_year`, `trend`, `breakdown`).
pub const SERIES_PERIOD: &str = "period";
/// The column of the report's long table naming a row's breakdown.
pub const BREAKDOWN_COLUMN: &str = "breakdown";
/// The breakdown of the whole region's figures.
pub const BREAKDOWN_TOTAL: &str = "total";

/// The series of the long table's rows of success factors.
pub const SERIES_SUCCESS_FACTOR: &str = "success_factor";

/// The rows a pie counts: the success factors' when the table has any,
/// else the indicators' [`headline_rows`].
fn counted_rows(table: &DataFrame) -> Result<DataFrame> {
    if table.schema().get(SERIES_COLUMN) == Some(&DataType::String) {
        let factors = table
            .clone()
            .lazy()
            .filter(col(SERIES_COLUMN).eq(lit(SERIES_SUCCESS_FACTOR)))
            .collect()?;
        if factors.height() > 0 {
            return Ok(factors);
        }
    }
    headline_rows(table)
}

/// The rows that stand for each indicator as a whole: of a table in the
/// report's long form (with [`SERIES_COLUMN`] and [`BREAKDOWN_COLUMN`]),
/// the report period's rows of the whole region; any other table as it is.
///
/// # Errors
/// Only from polars.
pub fn headline_rows(table: &DataFrame) -> Result<DataFrame> {
    let mut keep = lit(true);
    let schema = table.schema();
    if schema.get(SERIES_COLUMN) == Some(&DataType::String) {
        keep = keep.and(col(SERIES_COLUMN).eq(lit(SERIES_PERIOD)));
    }
    if schema.get(BREAKDOWN_COLUMN) == Some(&DataType::String) {
        keep = keep.and(col(BREAKDOWN_COLUMN).eq(lit(BREAKDOWN_TOTAL)));
    }
    Ok(table.clone().lazy().filter(keep).collect()?)
}
