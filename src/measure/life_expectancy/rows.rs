//! The output rows of one group's life table: a value, limits and status
//! at the start of every band, with the deaths and population counted.

use super::bands::Band;
use crate::measure::output::{Estimate, Status};
use crate::stats::{
    life_table, z_value, LifeTableBand, LifeTableGap, BAND_FRACTION, FIRST_YEAR_FRACTION,
    LIFE_EXPECTANCY_MAX_INTERVAL,
};

/// The text of the `method` column (the reference's).
pub(super) const METHOD: &str = "Chiang, using Silcocks et al for confidence limits";

/// The fraction of a band lived by those who die in it: given, or 0.1 for
/// the band starting at 0 and 0.5 elsewhere.
fn fraction(start: u32, given: &[(u32, f64)]) -> f64 {
    match given.iter().find(|(age, _)| *age == start) {
        Some((_, a)) => *a,
        None if start == 0 => FIRST_YEAR_FRACTION,
        None => BAND_FRACTION,
    }
}

/// Sums of each band and the bands above it (`None` once one is missing).
fn from_here_up(values: impl DoubleEndedIterator<Item = Option<f64>>) -> Vec<Option<f64>> {
    let mut total = Some(0.0);
    let mut sums: Vec<Option<f64>> = values
        .rev()
        .map(|v| {
            total = total.zip(v).map(|(t, v)| t + v);
            total
        })
        .collect();
    sums.reverse();
    sums
}

fn status_of(gap: LifeTableGap) -> Status {
    match gap {
        LifeTableGap::NegativeDeaths => Status::NegativeDeaths,
        LifeTableGap::PopulationNotPositive => Status::PopulationNotPositive,
        LifeTableGap::DeathsAbovePopulation => Status::DeathsAbovePopulation,
        LifeTableGap::PopulationTooSmall => Status::PopulationTooSmall,
        LifeTableGap::NoDeathsInOpenBand => Status::NoDeathsInOpenBand,
    }
}

/// The estimate at the start of each band of one group (bands ordered and
/// checked), at the confidence `levels`.
pub(super) fn estimates(bands: &[Band], fractions: &[(u32, f64)], levels: &[f64]) -> Vec<Estimate> {
    let deaths_up = from_here_up(bands.iter().map(|b| b.deaths));
    let population_up = from_here_up(bands.iter().map(|b| b.population));
    let missing = |status| -> Vec<Estimate> {
        (0..bands.len())
            .map(|i| Estimate::missing(deaths_up[i], population_up[i], status))
            .collect()
    };
    let mut table = Vec::with_capacity(bands.len());
    for b in bands {
        match (b.deaths, b.population) {
            (None, _) => return missing(Status::NumeratorMissing),
            (_, None) => return missing(Status::DenominatorMissing),
            (Some(deaths), Some(population)) => table.push(LifeTableBand {
                width: b.width(),
                // A negative row hidden in a positive pooled sum still counts as negative.
                deaths: if b.negative_deaths { -1.0 } else { deaths },
                population: if b.negative_population {
                    -1.0
                } else {
                    population
                },
                fraction: fraction(b.ages.0, fractions),
            }),
        }
    }
    let at = match life_table(&table) {
        Ok(at) => at,
        Err(gap) => return missing(status_of(gap)),
    };
    let z95 = z_value(0.95);
    at.iter()
        .enumerate()
        .map(|(i, e)| {
            if e.se.is_nan() {
                return Estimate::missing(deaths_up[i], population_up[i], Status::NoSurvivors);
            }
            let mut limits = [(None, None); 2];
            for (slot, &level) in limits.iter_mut().zip(levels) {
                let half = z_value(level) * e.se;
                *slot = (Some(e.value - half), Some(e.value + half));
            }
            let status = if !e.value.is_finite() {
                Status::NotFinite
            } else if 2.0 * z95 * e.se > LIFE_EXPECTANCY_MAX_INTERVAL {
                Status::IntervalTooWide
            } else {
                Status::Ok
            };
            Estimate {
                numerator: deaths_up[i],
                denominator: population_up[i],
                value: (status == Status::Ok).then_some(e.value),
                limits,
                method: Some(METHOD),
                status,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_from_each_band_up() {
        let sums = from_here_up([Some(1.0), Some(2.0), Some(3.0)].into_iter());
        assert_eq!(sums, [Some(6.0), Some(5.0), Some(3.0)]);
        let sums = from_here_up([Some(1.0), None, Some(3.0)].into_iter());
        assert_eq!(sums, [None, None, Some(3.0)]);
    }

    #[test]
    fn fractions_given_or_the_reference_defaults() {
        assert_eq!(fraction(0, &[]), 0.1);
        assert_eq!(fraction(5, &[]), 0.5);
        assert_eq!(fraction(0, &[(0, 0.2)]), 0.2);
    }
}
