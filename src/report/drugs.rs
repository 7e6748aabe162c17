//! The drug family in the report: the figure of a period (the mean month)
//! and the monthly series a months target is rated on.

use polars::prelude::*;

use super::compute::years_before;
use crate::care::DrugUse;
use crate::catalog::{drugs_of, Family};
use crate::error::{Error, Result};
use crate::period::Period;

/// The level of the figure's limits (the care layer's default).
const LEVEL: f64 = 0.95;

/// The care-layer statistic of a drug family for `period`, grouped by `by`.
fn drug_use(family: &Family, period: Period, by: &[String]) -> Result<DrugUse> {
    let Family::Drugs {
        drug_set,
        atc,
        exclude_atc,
        min_age,
        ..
    } = family
    else {
        return Err(Error::argument(
            "statistic",
            "the drug family",
            family.name(),
        ));
    };
    let set = drugs_of(drug_set.as_deref(), atc, exclude_atc)?;
    let mut d = DrugUse::new(set, period).by(by.to_vec()).exclude_invalid();
    d.min_age = *min_age;
    Ok(d)
}

/// The figure of a period: the mean month. Per group, the persons with a
/// dispensing of the set in a month and the population aged `min_age`+
/// are averaged over the months of the period; the share is their ratio
/// (percent), with Wilson limits on the averages. Returns the table
/// (group columns, `numerator`, `denominator`, `value`, `lower`, `upper`,
/// `status`) and the quality table.
///
/// # Errors
/// As [`DrugUse::share`]: a period the records do not cover, a group
/// without its population, missing columns.
pub(super) fn mean_month(
    family: &Family,
    dispensings: &DataFrame,
    population: &DataFrame,
    period: Period,
    by: &[String],
) -> Result<(DataFrame, DataFrame)> {
    let d = drug_use(family, period, by)?;
    let (months, quality) = d.share_and_quality(dispensings, population)?;
    let sums = [
        col("numerator").mean().alias("numerator"),
        col("denominator").mean().alias("denominator"),
    ];
    let lazy = months.lazy();
    let mean = if by.is_empty() {
        lazy.select(sums)
    } else {
        let keys: Vec<Expr> = by.iter().map(|b| col(b.as_str())).collect();
        lazy.group_by_stable(keys).agg(sums)
    }
    .collect()?;
    let x = crate::measure::f64_values(&mean, "numerator")?;
    let n = crate::measure::f64_values(&mean, "denominator")?;
    let (mut value, mut lower, mut upper) = (Vec::new(), Vec::new(), Vec::new());
    for (x, n) in x.iter().zip(&n) {
        let (v, lo, up) = match (x, n) {
            (Some(x), Some(n)) if *n > 0.0 => (
                Some(100.0 * x / n),
                crate::stats::wilson_lower(*x, *n, LEVEL).map(|p| 100.0 * p),
                crate::stats::wilson_upper(*x, *n, LEVEL).map(|p| 100.0 * p),
            ),
            _ => (None, None, None),
        };
        value.push(v);
        lower.push(lo);
        upper.push(up);
    }
    let mut table = mean;
    let status: Vec<&str> = value
        .iter()
        .map(|v| if v.is_some() { "ok" } else { "no population" })
        .collect();
    table.with_column(Column::new("value".into(), value))?;
    table.with_column(Column::new("lower".into(), lower))?;
    table.with_column(Column::new("upper".into(), upper))?;
    table.with_column(Column::new("status".into(), status))?;
    Ok((table, quality))
}

/// The whole region's monthly series of the year before the report period
/// and of the report period, oldest first: `period` (ISO months),
/// `numerator`, `denominator`, `value`, `lower`, `upper`, `status`,
/// `confidence`, `statistic`, `method` ([`DrugUse::share`]).
///
/// # Errors
/// As [`DrugUse::share`], for either year.
pub(super) fn monthly_series(
    family: &Family,
    dispensings: &DataFrame,
    population: &DataFrame,
    period: Period,
) -> Result<DataFrame> {
    let before = years_before(period, 1);
    let earlier = drug_use(family, before, &[])?.share(dispensings, population)?;
    let later = drug_use(family, period, &[])?.share(dispensings, population)?;
    Ok(earlier.vstack(&later)?)
}
