//! The population by year, kommun, sex and single year of age: the
//! denominator of the rates, and the people the record tables draw from.

use polars::prelude::*;

use super::columns::{frame, texts};
use super::region::{age_weight, male_share, KOMMUNER, MAX_AGE, POPULATION_2024, PROFILES};
use super::rng::{Rng, Weighted};

/// The first year of the population table.
pub(crate) const FIRST: i32 = 2011;
/// The last year of the population table.
pub(crate) const LAST: i32 = 2025;
/// The sexes, women first.
pub(crate) const SEXES: [&str; 2] = ["K", "M"];

const AGES: usize = MAX_AGE + 1;

/// Counts per year, kommun, sex and age.
#[derive(Debug, Clone)]
pub(crate) struct Population {
    counts: Vec<i64>,
}

/// One cell of the population: indices of kommun and sex, and the age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cell {
    /// Index into [`KOMMUNER`].
    pub kommun: usize,
    /// Index into [`SEXES`].
    pub sex: usize,
    /// Age in years (100 = 100+).
    pub age: usize,
}

impl Cell {
    /// The kommun code.
    pub fn kommun_code(&self) -> &'static str {
        KOMMUNER[self.kommun].code
    }

    /// "K" or "M".
    pub fn sex_code(&self) -> &'static str {
        SEXES[self.sex]
    }
}

fn offset(year: i32, cell: Cell) -> usize {
    let y = (year.clamp(FIRST, LAST) - FIRST) as usize;
    ((y * KOMMUNER.len() + cell.kommun) * 2 + cell.sex) * AGES + cell.age.min(MAX_AGE)
}

/// Every cell of one year, in table order.
pub(crate) fn cells() -> impl Iterator<Item = Cell> {
    (0..KOMMUNER.len()).flat_map(|kommun| {
        (0..2).flat_map(move |sex| (0..AGES).map(move |age| Cell { kommun, sex, age }))
    })
}

impl Population {
    /// The population at `scale`: each kommun's total follows its 2024
    /// population and yearly growth, spread over the pyramid, with a little
    /// seeded noise per cell.
    pub fn generate(seed: u64, scale: f64) -> Self {
        let mut rng = Rng::new(seed, "population");
        let years = (LAST - FIRST + 1) as usize;
        let mut counts = vec![0; years * KOMMUNER.len() * 2 * AGES];
        for year in FIRST..=LAST {
            for (k, population) in POPULATION_2024.iter().enumerate() {
                let total =
                    f64::from(*population) * (1.0 + PROFILES[k].growth).powi(year - 2024) * scale;
                let weights: Vec<f64> = (0..AGES).map(|a| age_weight(k, a, year)).collect();
                let sum: f64 = weights.iter().sum();
                for (age, w) in weights.iter().enumerate() {
                    let both = total * w / sum;
                    let men = male_share(k, age);
                    for (sex, share) in [(0, 1.0 - men), (1, men)] {
                        let expected = both * share * (1.0 + 0.02 * rng.normal());
                        let cell = Cell {
                            kommun: k,
                            sex,
                            age,
                        };
                        counts[offset(year, cell)] = expected.round().max(0.0) as i64;
                    }
                }
            }
        }
        Population { counts }
    }

    /// The people in a cell in `year` (years outside the table are clamped).
    pub fn count(&self, year: i32, cell: Cell) -> i64 {
        self.counts[offset(year, cell)]
    }

    /// The people of a kommun in `year`.
    #[cfg(test)]
    pub fn kommun_total(&self, year: i32, kommun: usize) -> i64 {
        cells()
            .filter(|c| c.kommun == kommun)
            .map(|c| self.count(year, c))
            .sum()
    }

    /// A sampler of the cells of `year`, each weighted by its people times `need(cell)`.
    pub fn sampler(&self, year: i32, need: impl Fn(Cell) -> f64) -> (Vec<Cell>, Weighted) {
        let all: Vec<Cell> = cells().collect();
        let weights = Weighted::new(all.iter().map(|&c| self.count(year, c) as f64 * need(c)));
        (all, weights)
    }

    /// The `population` table: `year`, `kommun`, `sex`, `age`, `population`.
    pub fn frame(&self) -> crate::Result<DataFrame> {
        let n = self.counts.len();
        let (mut year, mut kommun, mut sex, mut age, mut people) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for y in FIRST..=LAST {
            for c in cells() {
                year.push(y);
                kommun.push(c.kommun_code());
                sex.push(c.sex_code());
                age.push(c.age as i32);
                people.push(self.count(y, c));
            }
        }
        frame(vec![
            Column::new("year".into(), year),
            texts("kommun", kommun),
            texts("sex", sex),
            Column::new("age".into(), age),
            Column::new("population".into(), people),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kommun_totals_of_2024_are_close_to_the_real_ones() {
        let p = Population::generate(super::super::DEFAULT_SEED, 1.0);
        for (k, kommun) in KOMMUNER.iter().enumerate() {
            let total = p.kommun_total(2024, k) as f64;
            let real = f64::from(POPULATION_2024[k]);
            assert!(
                (total - real).abs() / real < 0.03,
                "{}: {total} vs {real}",
                kommun.name
            );
        }
        let frame = p.frame().unwrap();
        assert_eq!(frame.height(), 15 * 8 * 2 * 101);
    }

    #[test]
    fn the_region_ages_and_the_inland_shrinks() {
        let p = Population::generate(1, 1.0);
        let old = |year| -> i64 {
            cells()
                .filter(|c| c.age >= 65)
                .map(|c| p.count(year, c))
                .sum()
        };
        assert!(old(2025) > old(2011));
        assert!(p.kommun_total(2011, 0) > p.kommun_total(2025, 0));
        assert!(p.kommun_total(2011, 7) < p.kommun_total(2025, 7));
    }
}
