//! One indicator of the report: its trend (the report period, last year and
//! earlier years), its breakdowns, suppression, the riket benchmark and the
//! rating of its target, as the report model and as rows of the long table.
//!
//! Over 500 lines: one pass over an indicator whose steps share the figure,
//! its masked breakdowns and the provenance; the next split is the
//! breakdowns into their own file.

use chrono::Datelike;
use polars::prelude::*;

use super::benchmark::Benchmarks;
use super::compute::{figure, years_before, Figure, Source, FIGURE_COLUMNS};
use super::inputs::Inputs;
use super::long::LongRow;
use super::model::{IndicatorResult, Point};
use super::months::rate_months;
use super::rating::rate;
use super::sexdiff::sex_difference;
use crate::assess::{
    compare_estimate_with_benchmark, Rating, Target, BREAKDOWN_TOTAL, SERIES_PERIOD,
};
use crate::catalog::{Catalog, Family, Indicator};
use crate::disclosure::{Margin, Suppression, FLAG_COLUMN, PUBLISHED_MASK};
use crate::error::Result;
use crate::geography::kommun_name;
use crate::measure::f64_values;
use crate::period::Period;

/// The series of the long table's row of women against men.
pub const SERIES_SEX_DIFFERENCE: &str = "sex_difference";

/// The group label of the region's own total in breakdown tables.
pub const REGION_TOTAL: &str = "Hela regionen";

/// What the report needs to evaluate an indicator.
pub struct Context<'a> {
    /// The catalogue.
    pub catalog: &'a Catalog,
    /// The report period.
    pub period: Period,
    /// Benchmarks (possibly empty).
    pub benchmarks: &'a Benchmarks,
    /// Whether small numbers are masked.
    pub suppress: bool,
}

/// An evaluated indicator: the report model and its long-table rows.
pub struct Evaluated {
    /// The model for the writers.
    pub result: IndicatorResult,
    /// Rows of the long table.
    pub rows: Vec<LongRow>,
}

/// Evaluate one indicator.
///
/// # Errors
/// The report period cannot be computed, or a breakdown fails; earlier
/// periods without data become points whose status says why.
pub fn evaluate(ind: &Indicator, inputs: &mut Inputs, cx: &Context) -> Result<Evaluated> {
    let years = cx.catalog.catalog.trend_years.max(2) as i32;
    let threshold = ind
        .suppression_threshold
        .unwrap_or(cx.catalog.catalog.suppression_threshold);
    let base = base_row(ind, cx);
    let source = Source::load(ind, inputs)?;

    // The trend: oldest first, the report period last.
    let mut trend = Vec::new();
    let mut rows = Vec::new();
    let mut current_figure = None;
    for k in (0..years).rev() {
        let period = years_before(cx.period, k);
        let computed = match figure(ind, &source, period, &[]) {
            Ok(fig) => fig,
            Err(e) if k > 0 => {
                trend.push(Point {
                    label: period.to_string(),
                    status: format!("no data: {e}"),
                    ..Point::default()
                });
                continue;
            }
            Err(e) => return Err(e),
        };
        // The report period's figure is published with its breakdowns:
        // suppressed together, the region's row one cell in all of them.
        let (masked, splits) = if k == 0 {
            with_breakdowns(ind, &source, cx.period, &computed, threshold, cx.suppress)?
        } else {
            let tables = [computed.table.clone()];
            let mut masked = suppressed(&tables, &[], ind, threshold, cx.suppress)?;
            (masked.remove(0), Vec::new())
        };
        let point = point_of(&masked, 0, &computed.label)?;
        let series = match k {
            0 => SERIES_PERIOD,
            1 => "previous_year",
            _ => "trend",
        };
        rows.push(figure_row(
            &base,
            series,
            &computed,
            &masked,
            0,
            BREAKDOWN_TOTAL,
            REGION_TOTAL,
            inputs,
            ind,
        )?);
        if k == 0 {
            current_figure = Some(splits);
        }
        trend.push(point);
    }
    let current = trend.last().cloned();
    let previous = trend
        .len()
        .checked_sub(2)
        .and_then(|i| trend.get(i))
        .cloned();

    // Breakdowns of the report period, each with the region total as margin.
    let mut by_kommun = Vec::new();
    let mut breakdown_tables = Vec::new();
    let mut sex = None;
    if let Some(splits) = current_figure {
        for (b, split, masked) in splits {
            let b = &b;
            let groups = masked.column(b)?.str()?.clone();
            for (i, group) in groups.iter().enumerate() {
                let group = group.unwrap_or("");
                if group == REGION_TOTAL {
                    continue;
                }
                let label = group_label(b, group);
                rows.push(figure_row(
                    &base,
                    "breakdown",
                    &split,
                    &masked,
                    i,
                    b,
                    &label,
                    inputs,
                    ind,
                )?);
                if b == "kommun" {
                    by_kommun.push(point_of(&masked, i, &label)?);
                }
            }
            if b == "sex" {
                let d = sex_difference(&ind.statistic, &masked, b, |g| group_label(b, g))?;
                rows.push(LongRow {
                    series: SERIES_SEX_DIFFERENCE.into(),
                    period: split.label.clone(),
                    breakdown: b.clone(),
                    group: "kvinnor mot män".into(),
                    value: d.value,
                    lower: d.lower,
                    upper: d.upper,
                    unit: d.measure.clone(),
                    status: d.status.clone(),
                    significant: d.significant,
                    suppressed: "none".into(),
                    inputs: provenance(ind, inputs),
                    ..base.clone()
                });
                sex = Some(d);
            }
            breakdown_tables.push((b.clone(), masked));
        }
    }

    // Riket, the comparison with it, and the rating.
    let riket = riket_of(ind, cx, current.as_ref());
    let vs_riket = current.as_ref().map(|c| {
        let limits = [(0.95, c.lower, c.upper)];
        compare_estimate_with_benchmark(
            c.value,
            &limits,
            riket.as_ref().map(|r| r.value),
            ind.polarity,
        )
        .0
        .swedish()
        .to_string()
    });
    let rating = match &ind.target {
        Some(target @ Target::Months { .. }) => {
            let masking = cx.suppress.then_some(threshold);
            let with_inputs = LongRow {
                inputs: provenance(ind, inputs),
                ..base.clone()
            };
            let (rated, months) =
                rate_months(ind, target, &source, cx.period, masking, &with_inputs)?;
            rows.extend(months);
            Some(rated)
        }
        Some(target) => Some(rate(
            ind,
            target,
            &source,
            current.as_ref(),
            previous.as_ref(),
            &breakdown_tables,
        )?),
        None => None,
    };
    // The report period's row goes first in the long table and carries the
    // comparison with riket and the rating; the rest follow in time order.
    if let Some(i) = rows.iter().position(|r| r.series == SERIES_PERIOD) {
        let mut row = rows.remove(i);
        row.riket = riket.as_ref().map(|r| r.value);
        row.riket_source = riket.as_ref().map(|r| r.source.clone()).unwrap_or_default();
        row.vs_riket = vs_riket.unwrap_or_default();
        if let Some(r) = &rating {
            row.rating = r.rating.map(Rating::label).unwrap_or_default().to_string();
            row.rating_sv = r.words.clone();
            row.rule = r.rule.clone();
        }
        rows.insert(0, row);
    }
    Ok(Evaluated {
        result: IndicatorResult {
            current,
            previous,
            riket,
            rating,
            trend,
            by_kommun,
            sex_difference: sex,
            ..described(ind)
        },
        rows,
    })
}

/// The model and long-table row of an indicator that failed.
pub fn failed(ind: &Indicator, cx: &Context, error: &str) -> Evaluated {
    let mut row = base_row(ind, cx);
    row.series = SERIES_PERIOD.into();
    row.period = cx.period.to_string();
    row.breakdown = BREAKDOWN_TOTAL.into();
    row.group = REGION_TOTAL.into();
    row.status = format!("error: {error}");
    row.suppressed = "none".into();
    Evaluated {
        result: IndicatorResult {
            error: Some(error.to_string()),
            ..described(ind)
        },
        rows: vec![row],
    }
}

/// What the catalogue says of an indicator, without figures.
fn described(ind: &Indicator) -> IndicatorResult {
    IndicatorResult {
        id: ind.id.clone(),
        name_sv: ind.name_sv.clone(),
        name_en: ind.name_en.clone(),
        perspective: ind.perspective,
        responsible: ind.responsible.clone(),
        source: ind.source.clone(),
        unit: ind.unit.clone(),
        decimals: ind.decimals,
        polarity: ind.polarity,
        target: ind.target.as_ref().map(Target::words),
        target_line: target_line(ind.target.as_ref()),
        current: None,
        previous: None,
        riket: None,
        rating: None,
        trend: Vec::new(),
        by_kommun: Vec::new(),
        sex_difference: None,
        error: None,
    }
}

fn base_row(ind: &Indicator, cx: &Context) -> LongRow {
    LongRow {
        indicator_id: ind.id.clone(),
        indicator: ind.name_sv.clone(),
        definition_version: format!("{} {}", cx.catalog.catalog.id, cx.catalog.catalog.version),
        perspective: ind.perspective.name().to_string(),
        success_factor: ind.success_factor.clone().unwrap_or_default(),
        report_period: cx.period.to_string(),
        unit: ind.unit.clone(),
        target: ind.target.as_ref().map(Target::words).unwrap_or_default(),
        parameters: ind.statistic.parameters(),
        library_version: env!("CARGO_PKG_VERSION").to_string(),
        ..LongRow::default()
    }
}

/// A level to draw: the threshold, or the green bound of a range.
fn target_line(target: Option<&Target>) -> Option<f64> {
    match target? {
        Target::Threshold { value, .. } => Some(*value),
        Target::Range { green, .. } => Some(*green),
        Target::EveryUnit { target } => target_line(Some(target)),
        _ => None,
    }
}

/// The count columns suppression tests: patients for continuity (its
/// numerator is a sum of indices), the count for SIP and event counts, else both counts.
fn count_columns(family: &Family) -> (Vec<&'static str>, Vec<&'static str>) {
    match family {
        Family::Continuity { .. } => (vec!["denominator"], vec!["numerator"]),
        Family::Sip { .. } | Family::EventCount { .. } => (vec!["numerator"], vec![]),
        _ => (vec!["numerator", "denominator"], vec![]),
    }
}

/// A breakdown of the report period: its name, figure and masked table.
type Breakdown = (String, Figure, DataFrame);

/// The region's figure and its breakdowns (each with the region's total as
/// its last row), suppressed as one structure.
fn with_breakdowns(
    ind: &Indicator,
    source: &Source,
    period: Period,
    total: &Figure,
    threshold: f64,
    on: bool,
) -> Result<(DataFrame, Vec<Breakdown>)> {
    let mut tables = vec![total.table.clone()];
    let mut splits = Vec::new();
    for b in &ind.breakdowns {
        let split = figure(ind, source, period, std::slice::from_ref(b))?;
        tables.push(with_total(&split.table, &total.table, b)?);
        splits.push((b.clone(), split));
    }
    let mut masked = suppressed(&tables, &ind.breakdowns, ind, threshold, on)?.into_iter();
    let region = masked.next().unwrap_or_default();
    let splits = splits
        .into_iter()
        .zip(masked)
        .map(|((b, split), table)| (b, split, table))
        .collect();
    Ok((region, splits))
}

/// Tables published together with small counts masked (a `suppressed`
/// column added always); `keys` are the breakdowns, each with the region's
/// total as its margin.
fn suppressed(
    tables: &[DataFrame],
    keys: &[String],
    ind: &Indicator,
    threshold: f64,
    on: bool,
) -> Result<Vec<DataFrame>> {
    if !on {
        let mut out = tables.to_vec();
        for table in &mut out {
            let none = Column::new(FLAG_COLUMN.into(), vec!["none"; table.height()]);
            table.with_column(none)?;
        }
        return Ok(out);
    }
    let (counts, also) = count_columns(&ind.statistic);
    let mut s = Suppression::new()
        .threshold(threshold)
        .counts(counts)
        .also(also);
    for key in keys {
        s = s.margin(Margin {
            column: key.clone(),
            total: REGION_TOTAL.into(),
        });
    }
    s.apply_together(tables)
}

/// A breakdown table with the region's total as its last row.
fn with_total(split: &DataFrame, total: &DataFrame, key: &str) -> Result<DataFrame> {
    let split = split.clone().lazy().filter(col(key).is_not_null());
    let mut columns = vec![lit(REGION_TOTAL).alias(key)];
    columns.extend(FIGURE_COLUMNS.iter().map(|c| col(*c)));
    let total = total.clone().lazy().select(columns);
    Ok(concat([split, total], UnionArgs::default())?.collect()?)
}

fn group_label(breakdown: &str, group: &str) -> String {
    if breakdown == "kommun" {
        if let Some(name) = kommun_name(group) {
            return name.to_string();
        }
    }
    match (breakdown, group) {
        ("sex", "K" | "k" | "2") => "Kvinnor".into(),
        ("sex", "M" | "m" | "1") => "Män".into(),
        _ => group.to_string(),
    }
}

fn point_of(table: &DataFrame, i: usize, label: &str) -> Result<Point> {
    let get = |name: &str| -> Result<Option<f64>> {
        Ok(f64_values(table, name)?.get(i).copied().flatten())
    };
    let text = |name: &str| -> Result<String> {
        Ok(table
            .column(name)?
            .cast(&DataType::String)?
            .str()?
            .get(i)
            .unwrap_or("")
            .to_string())
    };
    Ok(Point {
        label: label.to_string(),
        value: get("value")?,
        lower: get("lower")?,
        upper: get("upper")?,
        numerator: get("numerator")?,
        denominator: get("denominator")?,
        status: text("status")?,
        suppressed: text(FLAG_COLUMN)? != "none",
    })
}

#[allow(clippy::too_many_arguments)]
fn figure_row(
    base: &LongRow,
    series: &str,
    fig: &Figure,
    masked: &DataFrame,
    i: usize,
    breakdown: &str,
    group: &str,
    inputs: &Inputs,
    ind: &Indicator,
) -> Result<LongRow> {
    let p = point_of(masked, i, &fig.label)?;
    // Published: masked or not, never which kind (see PUBLISHED_MASK).
    let flag = match masked.column(FLAG_COLUMN)?.str()?.get(i).unwrap_or("none") {
        "none" => "none",
        _ => PUBLISHED_MASK,
    }
    .to_string();
    let excluded: usize = fig.excluded.iter().map(|(_, n)| n).sum();
    Ok(LongRow {
        series: series.into(),
        period: fig.label.clone(),
        breakdown: breakdown.into(),
        group: group.into(),
        numerator: p.numerator,
        denominator: p.denominator,
        value: p.value,
        lower: p.lower,
        upper: p.upper,
        status: p.status,
        suppressed: flag,
        inputs: provenance(ind, inputs),
        rows_read: Some(fig.rows as f64),
        rows_excluded: Some(excluded as f64),
        exclusions: fig
            .excluded
            .iter()
            .map(|(rule, n)| format!("{rule}: {n}"))
            .collect::<Vec<_>>()
            .join("; "),
        ..base.clone()
    })
}

/// The files an indicator read: name, sha256 and rows of each.
fn provenance(ind: &Indicator, inputs: &Inputs) -> String {
    ind.statistic
        .tables()
        .iter()
        .filter_map(|t| inputs.input(t))
        .map(|f| format!("{} sha256={} rows={}", f.file, f.sha256, f.rows))
        .collect::<Vec<_>>()
        .join("; ")
}

fn riket_of(
    ind: &Indicator,
    cx: &Context,
    current: Option<&Point>,
) -> Option<super::model::BenchmarkValue> {
    let current = current?;
    let mut ids = vec![ind.id.as_str()];
    if let Some(k) = &ind.kolada {
        ids.push(k.as_str());
    }
    // A pooled window is compared only with the same window; other
    // periods fall back to the whole year's value.
    let year = match ind.statistic {
        Family::Mortality { .. } => None,
        _ => Some(cx.period.end().year()),
    };
    cx.benchmarks.riket(&ids, &current.label, year)
}
