//! The success factors of a report as a table, one row each.

use polars::prelude::*;

use crate::assess::Rating;
use crate::error::Result;
use crate::report::model::{FactorResult, GoalResult};

/// One row per success factor: `perspective`, `goal_id`, `goal`,
/// `success_factor_id`, `success_factor`, `responsible`, `rated` (`reported`
/// or `derived`), `rating` (`fulfilled`, `partly`, `not fulfilled` or null),
/// `rating_sv`, `colour`, `rule`, `comment`, `measures` — the table the
/// pies count ([`crate::ratings_by_perspective`] takes it as it is).
///
/// # Errors
/// Only from polars.
pub fn factor_table(goals: &[GoalResult]) -> Result<DataFrame> {
    let factors: Vec<(&GoalResult, &FactorResult)> = goals
        .iter()
        .flat_map(|g| g.factors.iter().map(move |f| (g, f)))
        .collect();
    let text = |name: &str, f: &dyn Fn(&GoalResult, &FactorResult) -> String| {
        Column::new(
            name.into(),
            factors.iter().map(|(g, x)| f(g, x)).collect::<Vec<_>>(),
        )
    };
    let columns = vec![
        text("perspective", &|g, _| g.perspective.name().into()),
        text("goal_id", &|g, _| g.id.clone()),
        text("goal", &|g, _| g.name_sv.clone()),
        text("success_factor_id", &|_, f| f.id.clone()),
        text("success_factor", &|_, f| f.name_sv.clone()),
        text("responsible", &|_, f| f.responsible.clone()),
        text("rated", &|_, f| {
            if f.rated_by_hand {
                "reported"
            } else {
                "derived"
            }
            .into()
        }),
        Column::new(
            "rating".into(),
            factors
                .iter()
                .map(|(_, f)| f.rating.rating.map(Rating::label))
                .collect::<Vec<_>>(),
        ),
        text("rating_sv", &|_, f| f.rating.words.clone()),
        text("colour", &|_, f| f.rating.colour.clone()),
        text("rule", &|_, f| f.rating.rule.clone()),
        text("comment", &|_, f| f.comment.clone()),
        Column::new(
            "measures".into(),
            factors
                .iter()
                .map(|(_, f)| f.measures.len() as u32)
                .collect::<Vec<_>>(),
        ),
    ];
    Ok(DataFrame::new(factors.len(), columns)?)
}
