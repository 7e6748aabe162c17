//! The rating of an indicator's target in the report: on the report
//! period's figure (and the previous year's, a baseline's or the units'),
//! or, for a months target, on the whole region's monthly series
//! (`months.rs`).

use polars::prelude::*;

use super::compute::{figure, Source};
use super::evaluate::REGION_TOTAL;
use super::model::{Point, RatingResult};
use crate::assess::{assess_table, assess_units, Assessment, Rating, Target};
use crate::catalog::Indicator;
use crate::disclosure::FLAG_COLUMN;
use crate::error::Result;
use crate::measure::f64_values;

/// Rate `target` on the report period's point (a months target is rated
/// by `months::rate_months` instead).
pub(super) fn rate(
    ind: &Indicator,
    target: &Target,
    source: &Source,
    current: Option<&Point>,
    previous: Option<&Point>,
    breakdowns: &[(String, DataFrame)],
) -> Result<RatingResult> {
    let assessment: Assessment = if let Target::EveryUnit { .. } = target {
        let unit = ind
            .breakdowns
            .first()
            .cloned()
            .unwrap_or_else(|| "kommun".into());
        match breakdowns.iter().find(|(b, _)| *b == unit) {
            Some((_, table)) => {
                let units = table
                    .clone()
                    .lazy()
                    .filter(col(unit.as_str()).neq(lit(REGION_TOTAL)))
                    .collect()?;
                assess_units(&units, &unit, target)?
            }
            None => Assessment {
                rating: None,
                missing: Some(crate::assess::MissingReason::NotMeasurable),
                rule: format!("{} — ingen uppdelning på enhet i katalogen", target.words()),
            },
        }
    } else if matches!(target, Target::Direction { .. }) && previous.is_some_and(|p| p.suppressed) {
        Assessment {
            rating: None,
            missing: Some(crate::assess::MissingReason::NotMeasurable),
            rule: format!(
                "{} — föregående värde är skyddat (för få fall)",
                target.words()
            ),
        }
    } else {
        let baseline = match target {
            Target::Relative { baseline, .. } => figure(ind, source, *baseline, &[])
                .ok()
                .and_then(|f| f64_values(&f.table, "value").ok())
                .and_then(|v| v.first().copied().flatten()),
            _ => None,
        };
        let c = current.cloned().unwrap_or_default();
        let p = previous.cloned().unwrap_or_default();
        let table = df!(
            "value" => [c.value],
            "lower" => [c.lower],
            "upper" => [c.upper],
            "status" => [c.status.as_str()],
            FLAG_COLUMN => [if c.suppressed { "primary" } else { "none" }],
            "previous_value" => [p.value],
            "previous_lower" => [p.lower],
            "previous_upper" => [p.upper],
            "baseline_value" => [baseline],
        )?;
        let rated = assess_table(&table, target)?;
        let text = |name: &str| -> Result<Option<String>> {
            Ok(rated
                .column(name)?
                .cast(&DataType::String)?
                .str()?
                .get(0)
                .map(str::to_string))
        };
        let rating = text("rating")?.and_then(|r| match r.as_str() {
            "fulfilled" => Some(Rating::Fulfilled),
            "partly" => Some(Rating::Partly),
            "not fulfilled" => Some(Rating::NotFulfilled),
            _ => None,
        });
        let missing = text("missing_reason")?.and_then(|m| m.parse().ok());
        Assessment {
            rating,
            missing,
            rule: text("rule")?.unwrap_or_default(),
        }
    };
    Ok(RatingResult {
        rating: assessment.rating,
        colour: assessment.colour().to_string(),
        words: assessment.swedish().to_string(),
        rule: assessment.rule,
    })
}
