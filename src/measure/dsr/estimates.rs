//! A DSR's rows from its sums per group, however they were summed: the
//! value, the Dobson limits at each confidence level and the status.

use polars::prelude::*;

use super::super::output::{Estimate, Status, Table};
use super::super::rate::multiplier_label;
use super::{Dsr, DSR_MIN_EVENTS};
use crate::error::Result;
use crate::stats::dobson_limits;

/// The sums per group a DSR and its limits are made of, however they were summed.
pub(super) struct GroupSums {
    /// The group keys, sorted.
    pub keys: DataFrame,
    /// `Σ xᵢ·wᵢ/nᵢ`.
    pub weighted: Vec<Option<f64>>,
    /// The variance's sums.
    pub variance: Variance,
    /// `Σ xᵢ`, the events.
    pub total: Vec<Option<f64>>,
    /// `Σ nᵢ`, the population.
    pub population: Vec<Option<f64>>,
    /// `Σ wᵢ`, the standard's weights.
    pub weights: Vec<Option<f64>>,
    /// Whether a count of the group is missing.
    pub numerator_missing: Vec<bool>,
    /// Whether a population of the group is missing.
    pub denominator_missing: Vec<bool>,
}

/// The variance of each group's DSR: `Σ xᵢ(wᵢ/nᵢ)²`, still to be divided by
/// `(Σw)²`, or the final variance (non-independent events).
pub(super) enum Variance {
    Weighted(Vec<Option<f64>>),
    Final(Vec<Option<f64>>),
}

impl Dsr {
    /// One row per group: the value, the Dobson limits and the status.
    pub(super) fn estimates(&self, sums: GroupSums, nonindependent: bool) -> Result<DataFrame> {
        let levels = self.common.confidence.levels();
        let statistic = format!("dsr per {}", multiplier_label(self.multiplier));
        let method = if nonindependent {
            "Dobson, with confidence adjusted for non-independent events"
        } else {
            "Dobson"
        };
        let groups = sums.keys.height();
        let mut table = Table::new(sums.keys, self.common.confidence, statistic);
        for i in 0..groups {
            let (t, n) = (sums.total[i].unwrap_or(0.0), sums.population[i]);
            if sums.numerator_missing[i] {
                table.push(Estimate::missing(None, n, Status::NumeratorMissing));
                continue;
            }
            if sums.denominator_missing[i] {
                table.push(Estimate::missing(Some(t), None, Status::DenominatorMissing));
                continue;
            }
            if t < DSR_MIN_EVENTS {
                table.push(Estimate::missing(Some(t), n, Status::TotalCountBelow10));
                continue;
            }
            let wsum = sums.weights[i].unwrap_or(f64::NAN);
            let value = sums.weighted[i].unwrap_or(0.0) / wsum;
            let variance = match &sums.variance {
                Variance::Weighted(v) => v[i].unwrap_or(0.0) / (wsum * wsum),
                Variance::Final(v) => v[i].unwrap_or(0.0),
            };
            let mut limits = [(None, None); 2];
            for (slot, &level) in limits.iter_mut().zip(levels) {
                if let Some((lo, hi)) = dobson_limits(value, variance, t, level) {
                    *slot = (Some(lo * self.multiplier), Some(hi * self.multiplier));
                }
            }
            table.push(Estimate {
                numerator: Some(t),
                denominator: n,
                value: Some(value * self.multiplier),
                limits,
                method: Some(method),
                status: Status::Ok,
            });
        }
        table.finish(self.common.output)
    }
}
