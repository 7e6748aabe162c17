//! Rating the rows of a result table against a target.

use polars::prelude::*;

use super::compare::compare_estimate_with_previous;
use super::estimates::read_estimates;
use super::goal_target::{Observed, Target};
use super::months::assess_months;
use super::polarity::Polarity;
use super::rating::{rating_counts, Assessment, MissingReason, Perspective, Rating, RatingCounts};
use crate::error::{Error, Result};
use crate::input::IntoFrame;
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
///
/// # Example
/// The share of medical assessments in primary care within 3 days by
/// kommun, green from 90 %, yellow from 80 %; Berg's count was masked:
///
/// ```
/// use indikator::prelude::*;
///
/// let shares = df!(
///     "kommun" => ["Östersund", "Krokom", "Berg"],
///     "value" => [Some(91.5), Some(84.0), None],
///     "suppressed" => ["none", "none", "primary"],
/// )?;
/// let target = Target::Range { green: 90.0, yellow: 80.0, unit: "%".into() };
/// let rated = assess_table(&shares, &target)?;
/// let colours: Vec<_> = rated.column("colour")?.str()?.iter().flatten().collect();
/// assert_eq!(colours, ["green", "yellow", "grey"]);
/// let reasons: Vec<_> = rated.column("missing_reason")?.str()?.iter().collect();
/// assert_eq!(reasons, [None, None, Some("suppressed")]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess_table(table: impl IntoFrame, target: &Target) -> Result<DataFrame> {
    let table = &table.into_data_frame()?;
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
///
/// # Example
/// "Minst 90 % i varje kommun": two of three reach it.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::assess_units;
///
/// let shares = df!("kommun" => ["Östersund", "Krokom", "Berg"], "value" => [93.0, 91.0, 88.0])?;
/// let target = Target::EveryUnit { target: Box::new(Target::at_least(90.0).unit("%")) };
/// let a = assess_units(&shares, "kommun", &target)?;
/// assert_eq!(a.rating, Some(Rating::Partly));
/// assert!(a.rule.ends_with("2 av 3 uppfyller (ej: Berg 88\u{a0}%)"));
/// // Rating row by row refuses it.
/// assert!(assess_table(&shares, &target).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess_units(table: impl IntoFrame, unit: &str, target: &Target) -> Result<Assessment> {
    let table = &table.into_data_frame()?;
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
///
/// # Example
/// ```
/// use indikator::prelude::*;
/// use indikator::ratings_by_perspective;
///
/// let goals = df!(
///     "indicator" => ["Vårdgaranti 90 dagar", "Återinskrivning 30 dagar", "Sjukfrånvaro", "Suicid"],
///     "perspective" => ["Patient", "Patient", "Medarbetare", "Samhälle"],
///     "rating" => [Some("fulfilled"), Some("not fulfilled"), None, Some("partly")],
/// )?;
/// let pies = ratings_by_perspective(&goals)?;
/// // All four perspectives, in the order of the reports.
/// let order: Vec<_> = pies.column("perspective")?.str()?.iter().flatten().collect();
/// assert_eq!(order, ["Samhälle", "Patient", "Medarbetare", "Verksamhetsresultat"]);
/// let count = |c: &str| -> Vec<Option<u32>> { pies.column(c).unwrap().u32().unwrap().iter().collect() };
/// assert_eq!(count("fulfilled"), [Some(0), Some(1), Some(0), Some(0)]);
/// assert_eq!(count("not_fulfilled"), [Some(0), Some(1), Some(0), Some(0)]);
/// assert_eq!(count("missing"), [Some(0), Some(0), Some(1), Some(0)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn ratings_by_perspective(table: impl IntoFrame) -> Result<DataFrame> {
    let table = &table.into_data_frame()?;
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
///
/// Picking the trend's rows of a long table:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::SERIES_COLUMN;
///
/// let long = df!(
///     SERIES_COLUMN => ["period", "previous_year", "trend", "trend"],
///     "period" => ["T1 2024", "T1 2023", "T1 2023", "T1 2024"],
///     "value" => [81.0, 74.0, 74.0, 81.0],
/// )?;
/// let trend = long.lazy().filter(col(SERIES_COLUMN).eq(lit("trend"))).collect()?;
/// assert_eq!(trend.height(), 2);
/// assert_eq!(SERIES_COLUMN, "series");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SERIES_COLUMN: &str = "series";
/// The series of the report period itself (others: `previous_year`, `trend`, `breakdown`).
///
/// The report period's row is the one [`headline_rows`] keeps:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{headline_rows, SERIES_COLUMN, SERIES_PERIOD};
///
/// let long = df!(
///     SERIES_COLUMN => [SERIES_PERIOD, "previous_year"],
///     "period" => ["T1 2024", "T1 2023"],
///     "value" => [81.0, 74.0],
/// )?;
/// let headline = headline_rows(&long)?;
/// assert_eq!(headline.column("period")?.str()?.get(0), Some("T1 2024"));
/// assert_eq!(headline.height(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SERIES_PERIOD: &str = "period";
/// The column of the report's long table naming a row's breakdown.
///
/// A breakdown row names its breakdown column (`kommun`, `sex`) and its
/// group; the region's own row is [`BREAKDOWN_TOTAL`]:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{BREAKDOWN_COLUMN, BREAKDOWN_TOTAL};
///
/// let long = df!(
///     BREAKDOWN_COLUMN => [BREAKDOWN_TOTAL, "kommun", "kommun", "sex", "sex"],
///     "group" => ["Region Jämtland Härjedalen", "Östersund", "Krokom", "K", "M"],
///     "numerator" => [52, 40, 12, 30, 22],
/// )?;
/// let by_kommun = long.lazy().filter(col(BREAKDOWN_COLUMN).eq(lit("kommun"))).collect()?;
/// assert_eq!(by_kommun.column("numerator")?.i32()?.sum(), Some(52));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const BREAKDOWN_COLUMN: &str = "breakdown";
/// The breakdown of the whole region's figures.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{headline_rows, BREAKDOWN_COLUMN, BREAKDOWN_TOTAL};
///
/// let long = df!(
///     BREAKDOWN_COLUMN => ["kommun", "kommun", BREAKDOWN_TOTAL],
///     "group" => ["Berg", "Åre", "Region Jämtland Härjedalen"],
///     "value" => [76.0, 78.75, 77.8],
/// )?;
/// // The region's row stands for the indicator as a whole.
/// let headline = headline_rows(&long)?;
/// assert_eq!(headline.column("value")?.f64()?.get(0), Some(77.8));
/// assert_eq!(BREAKDOWN_TOTAL, "total");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const BREAKDOWN_TOTAL: &str = "total";

/// The series of the long table's rows of success factors.
///
/// When a long table has success factors, the pies count them, each once,
/// and not the indicators' rows:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{ratings_by_perspective, SERIES_COLUMN, SERIES_SUCCESS_FACTOR};
///
/// let long = df!(
///     SERIES_COLUMN => ["period", "period", SERIES_SUCCESS_FACTOR],
///     "perspective" => ["Patient", "Patient", "Patient"],
///     "rating" => ["not fulfilled", "not fulfilled", "partly"],
/// )?;
/// let pies = ratings_by_perspective(&long)?;
/// let patient = |c: &str| pies.column(c).unwrap().u32().unwrap().get(1);
/// assert_eq!((patient("partly"), patient("not_fulfilled")), (Some(1), Some(0)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// The share within 90 days in the long form: this delår and last year's,
/// each for the region and by kommun.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::headline_rows;
///
/// let long = df!(
///     "series" => ["period", "period", "period", "previous_year"],
///     "breakdown" => ["total", "kommun", "kommun", "total"],
///     "group" => ["Region Jämtland Härjedalen", "Östersund", "Åre", "Region Jämtland Härjedalen"],
///     "value" => [86.3, 90.0, 78.75, 83.1],
/// )?;
/// let headline = headline_rows(&long)?;
/// assert_eq!(headline.height(), 1);
/// assert_eq!(headline.column("value")?.f64()?.get(0), Some(86.3));
/// // A table not in the long form is kept whole.
/// let plain = df!("kommun" => ["Östersund", "Åre"], "value" => [90.0, 78.75])?;
/// assert_eq!(headline_rows(&plain)?.height(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn headline_rows(table: impl IntoFrame) -> Result<DataFrame> {
    let table = &table.into_data_frame()?;
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
