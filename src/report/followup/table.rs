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
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{factor_table, ratings_by_perspective, run_catalog};
/// use indikator::{Catalog, FactorRating, RunOptions};
///
/// let catalog = Catalog::shipped()?;
/// let data = std::env::temp_dir().join("indikator-factor-table");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.02)?;
/// let report = run_catalog(&catalog, &data, &RunOptions::new("2024-delar".parse()?))?;
/// let factors = factor_table(&report.followup)?;
/// assert_eq!(factors.height(), catalog.success_factors.len());
/// let by_hand = catalog.success_factors.iter().filter(|f| f.rating == FactorRating::Reported);
/// let rated = factors.column("rated")?.str()?.iter().filter(|r| *r == Some("reported")).count();
/// assert_eq!(rated, by_hand.count());
/// // The pies count it as it is: every factor once.
/// let pies = ratings_by_perspective(&factors)?;
/// let counted: u32 = ["fulfilled", "partly", "not_fulfilled", "missing"]
///     .iter()
///     .map(|c| pies.column(c).unwrap().u32().unwrap().sum().unwrap_or(0))
///     .sum();
/// assert_eq!(counted as usize, factors.height());
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
