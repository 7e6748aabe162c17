//! The follow-up of a report: every success factor of the catalogue under
//! its goal and perspective, rated — by hand from the reported file, or
//! derived from its measures ([`derived_rating`]) — with its measures: the
//! indicators computed from the data and the reported measures, each
//! answered (or "ej rapporterat", never zero) and rated against its target.
//! As the report model and as rows of the long table; `table.rs` gives the
//! success factors as a table.
//!
//! Over 500 lines with its documentation: 459 lines of code and 71 of doc
//! comments (every public item and method carries a runnable example).

mod table;

pub use table::factor_table;

use super::evaluate::REGION_TOTAL;
use super::long::LongRow;
use super::model::{FactorResult, GoalResult, IndicatorResult, MeasureResult, RatingResult};
use super::reported::{rating_word, Answer, Reported, ReportedValue, WorkStatus};
use super::style::{fixed_with_unit, value_words};
use crate::assess::{derived_rating, Assessment, MissingReason, Observed, Rating, Target};
use crate::catalog::{Catalog, FactorRating, Frequency, ReportedMeasure};
use crate::error::Result;
use crate::geography::KOMMUNER;
use crate::period::Period;

/// The series of the long table's rows of reported measures.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{run_catalog, Catalog, RunOptions, SERIES_REPORTED};
///
/// let data = std::env::temp_dir().join("indikator-series-reported");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.02)?;
/// let report = run_catalog(&Catalog::shipped()?, &data, &RunOptions::new("2024-delar".parse()?))?;
/// let reported = report.long.clone().lazy();
/// let reported = reported.filter(col("series").eq(lit(SERIES_REPORTED))).collect()?;
/// // Every reported measure of the catalogue, answered or not.
/// let ids = reported.column("indicator_id")?.as_materialized_series().n_unique()?;
/// assert_eq!(ids, Catalog::shipped()?.measures.len());
/// assert_eq!(SERIES_REPORTED, "reported");
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SERIES_REPORTED: &str = "reported";
/// The series of the long table's rows of success factors.
///
/// The pies count these rows, each success factor once, and not the
/// indicators under them:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{ratings_by_perspective, SERIES_FACTOR};
///
/// let long = df!(
///     "series" => [SERIES_FACTOR, "period", SERIES_FACTOR],
///     "breakdown" => ["total", "total", "total"],
///     "perspective" => ["Patient", "Patient", "Samhälle"],
///     "indicator_id" => ["vardgaranti", "vg-besok-90", "suicidprevention"],
///     "rating" => [Some("partly"), Some("fulfilled"), None],
/// )?;
/// assert_eq!(SERIES_FACTOR, "success_factor");
/// let pies = ratings_by_perspective(&long)?;
/// let count = |c: &str| pies.column(c).unwrap().u32().unwrap().get(1); // Patient
/// assert_eq!((count("partly"), count("fulfilled")), (Some(1), Some(0)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SERIES_FACTOR: &str = crate::assess::SERIES_SUCCESS_FACTOR;

/// What the follow-up needs besides the catalogue.
pub struct FollowUpContext<'a> {
    /// The catalogue.
    pub catalog: &'a Catalog,
    /// The report period.
    pub period: Period,
    /// The evaluated indicators.
    pub indicators: &'a [IndicatorResult],
    /// The reported values.
    pub reported: &'a Reported,
}

/// A rating result from an assessment.
fn result_of(a: &Assessment) -> RatingResult {
    RatingResult {
        rating: a.rating,
        colour: a.colour().to_string(),
        words: a.swedish().to_string(),
        rule: a.rule.clone(),
    }
}

fn unrated(reason: MissingReason, rule: String) -> Assessment {
    Assessment {
        rating: None,
        missing: Some(reason),
        rule,
    }
}

fn rated(rating: Rating, rule: String) -> Assessment {
    Assessment {
        rating: Some(rating),
        missing: None,
        rule,
    }
}

/// Whether the period covers whole calendar years.
fn whole_years(period: Period) -> bool {
    use chrono::Datelike;
    (period.start().month(), period.start().day()) == (1, 1)
        && (period.end().month(), period.end().day()) == (12, 31)
}

/// Why a reported measure has no answer: measured at year end when it is
/// yearly and the report is not, else not reported.
fn missing_reason(m: &ReportedMeasure, period: Period) -> MissingReason {
    if m.frequency == Frequency::Yearly && !whole_years(period) {
        MissingReason::MeasuredAtYearEnd
    } else {
        MissingReason::NotReported
    }
}

/// An answer in words.
fn answer_words(m: &ReportedMeasure, answer: Answer) -> String {
    match answer {
        Answer::Number(x) => fixed_with_unit(x, m.decimals, &m.unit),
        Answer::YesNo(b) => if b { "ja" } else { "nej" }.into(),
        Answer::Status(s) => s.swedish().into(),
        Answer::Rating(r) => rating_word(r).into(),
    }
}

/// The rating of one answer against the measure's target. A yes/no answer
/// "nej" whose work is under way (Pågår) is partly fulfilled: the right
/// actions are started; "nej" otherwise is not fulfilled.
fn rate_answer(
    m: &ReportedMeasure,
    value: &ReportedValue,
    answer: Answer,
    previous: Option<f64>,
) -> Result<Assessment> {
    let Some(target) = &m.target else {
        return Ok(Assessment {
            rating: None,
            missing: None,
            rule: format!("inget mål — utfall {}", answer_words(m, answer)),
        });
    };
    let words = target.words();
    Ok(match answer {
        Answer::Number(x) => target.assess(&Observed {
            value: Some(x),
            previous,
            ..Default::default()
        })?,
        Answer::YesNo(b) => {
            let expected = matches!(target, Target::YesNo { expected: true });
            let said = if b { "ja" } else { "nej" };
            let status = value
                .status
                .map(|s| format!(", {}", s.swedish().to_lowercase()))
                .unwrap_or_default();
            let rule = format!("{words} — utfall {said}{status}");
            let rating = if b == expected {
                Rating::Fulfilled
            } else if expected && value.status == Some(WorkStatus::InProgress) {
                Rating::Partly
            } else {
                Rating::NotFulfilled
            };
            rated(rating, rule)
        }
        Answer::Status(s) => target.assess(&Observed::text(s.swedish()))?,
        Answer::Rating(r) => target.assess(&Observed::text(rating_word(r)))?,
    })
}

/// The rows and model of one reported measure.
struct Measured {
    result: MeasureResult,
    rows: Vec<LongRow>,
    missing: Option<MissingReason>,
}

fn who(value: Option<&ReportedValue>) -> String {
    let Some(v) = value else {
        return String::new();
    };
    let at = v.reported_at.map(|d| d.to_string()).unwrap_or_default();
    [v.reported_by.as_str(), at.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn measure_row(base: &LongRow, value: Option<&ReportedValue>, a: &Assessment) -> LongRow {
    let number = match value.and_then(|v| v.answer) {
        Some(Answer::Number(x)) => Some(x),
        _ => None,
    };
    LongRow {
        period: value.map_or(base.period.clone(), |v| v.period.to_string()),
        value: number,
        status: a.missing.map_or("ok", MissingReason::name).to_string(),
        rating: a.rating.map(Rating::label).unwrap_or_default().into(),
        rating_sv: a.swedish().into(),
        rule: a.rule.clone(),
        comment: value.map(|v| v.comment.clone()).unwrap_or_default(),
        reported_by: value.map(|v| v.reported_by.clone()).unwrap_or_default(),
        reported_at: value
            .and_then(|v| v.reported_at)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        ..base.clone()
    }
}

/// One reported measure: its answer for the report period (per kommun when
/// it is answered per kommun), rated.
fn reported_measure(cx: &FollowUpContext, m: &ReportedMeasure, base: &LongRow) -> Result<Measured> {
    let reason = missing_reason(m, cx.period);
    let target_words = m.target.as_ref().map(Target::words);
    let missing = |why: MissingReason| {
        let rule = match &target_words {
            Some(w) => format!("{w} — {}", why.swedish()),
            None => why.swedish().to_string(),
        };
        unrated(why, rule)
    };
    let one = |kommun: Option<&str>| -> Result<(Option<&ReportedValue>, Assessment)> {
        let value = cx.reported.current(&m.id, kommun);
        let previous = match cx.reported.previous(&m.id, kommun).and_then(|v| v.answer) {
            Some(Answer::Number(x)) => Some(x),
            _ => None,
        };
        let a = match value.and_then(|v| v.answer.map(|a| (v, a))) {
            Some((v, answer)) => rate_answer(m, v, answer, previous)?,
            None => missing(reason),
        };
        Ok((value, a))
    };
    let mut rows = Vec::new();
    let (value, assessment, answer) = if m.per_kommun {
        let mut failing = Vec::new();
        let (mut passing, mut partly, mut answered) = (0, 0, 0);
        for k in &KOMMUNER {
            let (v, a) = one(Some(k.code))?;
            answered += usize::from(v.and_then(|v| v.answer).is_some());
            match a.rating {
                Some(Rating::Fulfilled) => passing += 1,
                Some(Rating::Partly) => partly += 1,
                _ => {}
            }
            if a.rating != Some(Rating::Fulfilled) {
                let said = v
                    .and_then(|v| v.answer)
                    .map_or_else(|| a.swedish().to_string(), |x| answer_words(m, x));
                failing.push(format!("{} {said}", k.name));
            }
            let mut row = measure_row(base, v, &a);
            row.breakdown = "kommun".into();
            row.group = k.name.into();
            row.answer = v
                .and_then(|v| v.answer)
                .map(|x| answer_words(m, x))
                .unwrap_or_default();
            rows.push(row);
        }
        let n = KOMMUNER.len();
        let a = if answered == 0 {
            missing(reason)
        } else {
            let rating = if passing == n {
                Rating::Fulfilled
            } else if passing + partly > 0 {
                Rating::Partly
            } else {
                Rating::NotFulfilled
            };
            let mut rule = format!(
                "{} i varje kommun — {passing} av {n} uppfyller",
                target_words.clone().unwrap_or_else(|| "svar".into())
            );
            if !failing.is_empty() {
                rule.push_str(&format!(" (ej: {})", failing.join(", ")));
            }
            rated(rating, rule)
        };
        let answer = if answered == 0 {
            a.swedish().to_string()
        } else {
            format!("{passing} av {n} ja")
        };
        (None, a, answer)
    } else {
        let (v, a) = one(None)?;
        let answer = v
            .and_then(|v| v.answer)
            .map_or_else(|| a.swedish().to_string(), |x| answer_words(m, x));
        (v, a, answer)
    };
    let mut total = measure_row(base, value, &assessment);
    total.answer = answer.clone();
    rows.insert(0, total);
    Ok(Measured {
        result: MeasureResult {
            id: m.id.clone(),
            name_sv: m.name_sv.clone(),
            computed: false,
            answer,
            status: value
                .and_then(|v| v.status)
                .map(|s| s.swedish().to_string()),
            target: target_words,
            rating: result_of(&assessment),
            comment: value.map(|v| v.comment.clone()).unwrap_or_default(),
            responsible: m.responsible.clone(),
            strategy: m.strategy.clone(),
            priority: m.priority.map(|p| p.to_string()),
            reported: who(value),
        },
        rows,
        missing: assessment.missing,
    })
}

/// A computed indicator as a measure of its factor.
fn computed_measure(
    ind: &IndicatorResult,
) -> (MeasureResult, Option<Rating>, Option<MissingReason>) {
    let answer = match (&ind.error, &ind.current) {
        (Some(e), _) => format!("kunde inte beräknas: {e}"),
        (None, Some(p)) => value_words(p, &ind.unit, ind.decimals),
        (None, None) => "uppgift saknas".into(),
    };
    let rating = ind.rating.clone().unwrap_or_else(|| RatingResult {
        rating: None,
        colour: "grey".into(),
        words: "ej bedömd".into(),
        rule: if ind.error.is_some() {
            "kunde inte beräknas"
        } else {
            "inget mål"
        }
        .into(),
    });
    let missing = match rating.rating {
        Some(_) => None,
        None if ind.error.is_some() => Some(MissingReason::NotMeasurable),
        None => [
            MissingReason::NotReported,
            MissingReason::NotMeasurable,
            MissingReason::NotYetPublished,
            MissingReason::MeasuredAtYearEnd,
            MissingReason::Suppressed,
        ]
        .into_iter()
        .find(|r| r.swedish() == rating.words),
    };
    let result = MeasureResult {
        id: ind.id.clone(),
        name_sv: ind.name_sv.clone(),
        computed: true,
        answer,
        status: None,
        target: ind.target.clone(),
        rating: rating.clone(),
        comment: String::new(),
        responsible: ind.responsible.clone(),
        strategy: None,
        priority: None,
        reported: String::new(),
    };
    (result, rating.rating, missing)
}

/// The base row of the follow-up's entries in the long table.
fn base(cx: &FollowUpContext, perspective: &str, factor: &str) -> LongRow {
    LongRow {
        definition_version: format!("{} {}", cx.catalog.catalog.id, cx.catalog.catalog.version),
        perspective: perspective.into(),
        report_period: cx.period.to_string(),
        period: cx.period.to_string(),
        breakdown: crate::assess::BREAKDOWN_TOTAL.into(),
        group: REGION_TOTAL.into(),
        suppressed: "none".into(),
        inputs: cx.reported.provenance(),
        library_version: env!("CARGO_PKG_VERSION").to_string(),
        success_factor: factor.into(),
        ..LongRow::default()
    }
}

/// Every goal with its factors rated and their measures, and the long
/// table's rows: each reported measure (series `reported`, per kommun as a
/// breakdown) and each success factor (series `success_factor`).
///
/// # Errors
/// Only a target that refuses an answer the reading accepted (a bug).
pub fn evaluate(cx: &FollowUpContext) -> Result<(Vec<GoalResult>, Vec<LongRow>)> {
    let mut goals = Vec::new();
    let mut measure_rows = Vec::new();
    let mut factor_rows = Vec::new();
    for goal in &cx.catalog.goals {
        let perspective = goal.perspective.name();
        let mut factors = Vec::new();
        for f in cx
            .catalog
            .success_factors
            .iter()
            .filter(|f| f.goal == goal.id)
        {
            let mut measures = Vec::new();
            let mut ratings = Vec::new();
            for ind in cx.indicators.iter().filter(|i| {
                cx.catalog
                    .indicator(&i.id)
                    .and_then(|d| d.success_factor.as_deref())
                    == Some(f.id.as_str())
            }) {
                let (result, rating, missing) = computed_measure(ind);
                ratings.push((rating, missing));
                measures.push(result);
            }
            for m in cx
                .catalog
                .measures
                .iter()
                .filter(|m| m.success_factor == f.id)
            {
                let mut row = base(cx, perspective, &f.id);
                row.indicator_id = m.id.clone();
                row.indicator = m.name_sv.clone();
                row.series = SERIES_REPORTED.into();
                row.unit = m.unit.clone();
                row.target = m.target.as_ref().map(Target::words).unwrap_or_default();
                row.parameters = format!(
                    "{{\"kind\":\"{}\",\"per_kommun\":{}}}",
                    m.kind.name(),
                    m.per_kommun
                );
                let measured = reported_measure(cx, m, &row)?;
                ratings.push((measured.result.rating.rating, measured.missing));
                measures.push(measured.result);
                measure_rows.extend(measured.rows);
            }
            let value = cx.reported.current(&f.id, None);
            let (assessment, comment, reported) = match f.rating {
                FactorRating::Derived => (derived_rating(&ratings), String::new(), String::new()),
                FactorRating::Reported => {
                    let a = match value.and_then(|v| v.answer) {
                        Some(Answer::Rating(r)) => {
                            rated(r, format!("rapporterad: {}", rating_word(r)))
                        }
                        _ => unrated(
                            MissingReason::NotReported,
                            format!("rapporteras av {} — ej rapporterat", f.responsible),
                        ),
                    };
                    (
                        a,
                        value.map(|v| v.comment.clone()).unwrap_or_default(),
                        who(value),
                    )
                }
            };
            let mut row = base(cx, perspective, &f.id);
            row.indicator_id = f.id.clone();
            row.indicator = f.name_sv.clone();
            row.series = SERIES_FACTOR.into();
            row.target = "grön (rätt åtgärder genomförda)".into();
            row.parameters = format!(
                "{{\"rating\":\"{}\",\"goal\":\"{}\"}}",
                match f.rating {
                    FactorRating::Reported => "reported",
                    FactorRating::Derived => "derived",
                },
                goal.id
            );
            let mut row = measure_row(
                &row,
                if f.rating == FactorRating::Reported {
                    value
                } else {
                    None
                },
                &assessment,
            );
            row.answer = assessment
                .rating
                .map(rating_word)
                .unwrap_or_default()
                .into();
            if f.rating == FactorRating::Derived {
                // Its provenance is its measures' rows.
                row.inputs = format!(
                    "derived from: {}",
                    measures
                        .iter()
                        .map(|m| m.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            factor_rows.push(row);
            factors.push(FactorResult {
                id: f.id.clone(),
                name_sv: f.name_sv.clone(),
                name_en: f.name_en.clone(),
                responsible: f.responsible.clone(),
                note: f.note.clone(),
                rated_by_hand: f.rating == FactorRating::Reported,
                rating: result_of(&assessment),
                comment,
                reported,
                measures,
            });
        }
        goals.push(GoalResult {
            id: goal.id.clone(),
            perspective: goal.perspective,
            name_sv: goal.name_sv.clone(),
            name_en: goal.name_en.clone(),
            factors,
        });
    }
    measure_rows.extend(factor_rows);
    Ok((goals, measure_rows))
}
