//! The long result table: one row per indicator × series × group, every
//! figure with its provenance (definition version, parameters, input files
//! with SHA-256 and rows, exclusions, library version); and the follow-up:
//! a row per reported measure (series `reported`, per kommun as a
//! breakdown) and per success factor (series `success_factor`); a months
//! target adds a row per month (series `month`).

use polars::prelude::*;

use crate::error::Result;
use crate::measure::Confidence;

/// One row of the long table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LongRow {
    /// The catalogue id of the indicator.
    pub indicator_id: String,
    /// The Swedish name.
    pub indicator: String,
    /// The catalogue id and its definition version.
    pub definition_version: String,
    /// The perspective.
    pub perspective: String,
    /// The success factor the row belongs to (its own id for a factor's row).
    pub success_factor: String,
    /// The report period (Swedish form).
    pub report_period: String,
    /// `period`, `previous_year`, `trend`, `baseline`, `breakdown` or
    /// `sex_difference` (women against men: ratio or difference, `unit` says which)
    /// ([`crate::SERIES_COLUMN`]; the report period's own row is
    /// [`crate::SERIES_PERIOD`]); `month` for a month of a months target
    /// (the month's share, its test against the same month a year earlier
    /// in `status` and `significant`); `reported` for a reported measure,
    /// `success_factor` for a success factor.
    pub series: String,
    /// The period of this figure ("jan–aug 2023", "2019–2023").
    pub period: String,
    /// The breakdown column, or `total` ([`crate::BREAKDOWN_TOTAL`]).
    pub breakdown: String,
    /// The group ("Östersund", "K"), or the region for totals.
    pub group: String,
    /// The count.
    pub numerator: Option<f64>,
    /// The denominator.
    pub denominator: Option<f64>,
    /// The value.
    pub value: Option<f64>,
    /// Lower 95 % limit.
    pub lower: Option<f64>,
    /// Upper 95 % limit.
    pub upper: Option<f64>,
    /// The unit.
    pub unit: String,
    /// `ok`, or why the value is missing.
    pub status: String,
    /// `none`, `primary` or `secondary`.
    pub suppressed: String,
    /// Whether a difference (women against men) is significant; null on other rows.
    pub significant: Option<bool>,
    /// The riket value (report period, total rows).
    pub riket: Option<f64>,
    /// Where the riket value came from.
    pub riket_source: String,
    /// The comparison with riket ("bättre", "likvärdig", …).
    pub vs_riket: String,
    /// The target in words.
    pub target: String,
    /// `fulfilled`, `partly`, `not fulfilled` (report period, total row).
    pub rating: String,
    /// The rating in Swedish, or why there is none.
    pub rating_sv: String,
    /// The rule and outcome in Swedish.
    pub rule: String,
    /// A reported answer in words ("ja", "Pågår", "grön", "12,5 %").
    pub answer: String,
    /// The reported comment.
    pub comment: String,
    /// Who reported.
    pub reported_by: String,
    /// When it was reported (YYYY-MM-DD).
    pub reported_at: String,
    /// The statistic's parameters (JSON).
    pub parameters: String,
    /// The input files: name, SHA-256 and rows.
    pub inputs: String,
    /// Rows of the main table after the catalogue's filters.
    pub rows_read: Option<f64>,
    /// Records left out by the rules.
    pub rows_excluded: Option<f64>,
    /// The rules and counts of the records left out.
    pub exclusions: String,
    /// The library version.
    pub library_version: String,
}

/// The long table of the rows, in their order.
///
/// # Errors
/// Only from polars (columns of equal length are always built).
pub fn long_table(rows: &[LongRow]) -> Result<DataFrame> {
    let text = |name: &str, f: fn(&LongRow) -> &str| {
        Column::new(name.into(), rows.iter().map(f).collect::<Vec<_>>())
    };
    // Text that may be absent is null, never an empty string.
    let optional = |name: &str, f: fn(&LongRow) -> &str| {
        Column::new(
            name.into(),
            rows.iter()
                .map(|r| Some(f(r)).filter(|t| !t.is_empty()))
                .collect::<Vec<_>>(),
        )
    };
    let number = |name: &str, f: fn(&LongRow) -> Option<f64>| {
        Column::new(name.into(), rows.iter().map(f).collect::<Vec<_>>())
    };
    let columns = vec![
        text("indicator_id", |r| &r.indicator_id),
        text("indicator", |r| &r.indicator),
        text("definition_version", |r| &r.definition_version),
        text("perspective", |r| &r.perspective),
        optional("success_factor", |r| &r.success_factor),
        text("report_period", |r| &r.report_period),
        text("series", |r| &r.series),
        text("period", |r| &r.period),
        text("breakdown", |r| &r.breakdown),
        text("group", |r| &r.group),
        number("numerator", |r| r.numerator),
        number("denominator", |r| r.denominator),
        number("value", |r| r.value),
        number("lower", |r| r.lower),
        number("upper", |r| r.upper),
        // The report's limits are 95 % limits: the level travels with them.
        Column::new(
            "confidence".into(),
            vec![Confidence::P95.to_string(); rows.len()],
        ),
        text("unit", |r| &r.unit),
        text("status", |r| &r.status),
        text("suppressed", |r| &r.suppressed),
        Column::new(
            "significant".into(),
            rows.iter().map(|r| r.significant).collect::<Vec<_>>(),
        ),
        number("riket", |r| r.riket),
        optional("riket_source", |r| &r.riket_source),
        optional("vs_riket", |r| &r.vs_riket),
        optional("target", |r| &r.target),
        optional("rating", |r| &r.rating),
        optional("rating_sv", |r| &r.rating_sv),
        optional("rule", |r| &r.rule),
        optional("answer", |r| &r.answer),
        optional("comment", |r| &r.comment),
        optional("reported_by", |r| &r.reported_by),
        optional("reported_at", |r| &r.reported_at),
        text("parameters", |r| &r.parameters),
        text("inputs", |r| &r.inputs),
        number("rows_read", |r| r.rows_read),
        number("rows_excluded", |r| r.rows_excluded),
        optional("exclusions", |r| &r.exclusions),
        text("library_version", |r| &r.library_version),
    ];
    Ok(DataFrame::new(rows.len(), columns)?)
}
