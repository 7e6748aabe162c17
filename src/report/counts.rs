//! The counting families in the report: records dated in the period
//! (event counts) and SIP plans, with exact Poisson limits.

use polars::prelude::*;

use super::compute::in_period;
use crate::catalog::SipGroup;
use crate::error::Result;
use crate::period::Period;

/// The records dated in the period, counted by `by` with exact Poisson
/// limits; records without a date are left out and counted.
pub(super) fn event_counts(
    frame: &DataFrame,
    date: &str,
    period: Period,
    by: &[String],
) -> Result<(DataFrame, DataFrame)> {
    let dates = crate::measure::column_of(frame, date, "event date")?.cast(&DataType::Date)?;
    let undated = dates.null_count();
    let events = in_period(frame, date, period)?;
    let counted = if by.is_empty() {
        df!("numerator" => [events.height() as f64])?
    } else {
        let keys: Vec<Expr> = by.iter().map(|b| col(b.as_str())).collect();
        events
            .lazy()
            .group_by_stable(keys)
            .agg([len().cast(DataType::Float64).alias("numerator")])
            .collect()?
    };
    let mut counted = poisson_limits(counted)?;
    counted.with_column(Column::new("status".into(), vec!["ok"; counted.height()]))?;
    let quality = df!(
        "rule" => ["excluded: records without a date"],
        "count" => [undated as f64],
    )?;
    Ok((counted, quality))
}

/// The SIP counts of one age group (or both added up).
pub(super) fn sip_group(counts: DataFrame, group: SipGroup, by: &[String]) -> Result<DataFrame> {
    let lazy = counts.lazy();
    let lazy = match group {
        SipGroup::Children => lazy.filter(col("age_group").eq(lit(crate::care::CHILDREN))),
        SipGroup::Adults => lazy.filter(col("age_group").eq(lit(crate::care::ADULTS))),
        SipGroup::All => {
            let keys: Vec<Expr> = by.iter().map(|b| col(b.as_str())).collect();
            let sums = [col("numerator").sum(), col("status").first()];
            let summed = if keys.is_empty() {
                lazy.select(sums)
            } else {
                lazy.group_by_stable(keys).agg(sums)
            };
            return poisson_limits(summed.collect()?);
        }
    };
    Ok(lazy.collect()?)
}

/// Counts with exact Poisson limits, the way the SIP counts have them.
fn poisson_limits(counts: DataFrame) -> Result<DataFrame> {
    let n = crate::measure::f64_values(&counts, "numerator")?;
    let (mut lower, mut upper) = (Vec::with_capacity(n.len()), Vec::with_capacity(n.len()));
    for x in &n {
        let (lo, up) = match x {
            Some(x) => {
                let (lo, up, _) = crate::stats::poisson_limits(*x, 0.95);
                (lo, up)
            }
            None => (None, None),
        };
        lower.push(lo);
        upper.push(up);
    }
    let mut out = counts;
    out.with_column(Column::new("value".into(), n))?;
    out.with_column(Column::new("lower".into(), lower))?;
    out.with_column(Column::new("upper".into(), upper))?;
    Ok(out)
}
