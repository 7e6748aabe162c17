//! Injuries treated in care, 2019–2025: falls (W00–W19), rising steeply
//! with age and higher for women, and about a fifth other injuries
//! (traffic, unspecified) so that the cause filter matters.

use polars::prelude::*;

use super::columns::{dates, frame, texts};
use super::dates::{day_in_year, FIRST_YEAR, FLAT, LAST_YEAR};
use super::population::{cells, Cell, Population};
use super::rng::Rng;

/// Falls per person and year.
fn fall_risk(cell: Cell, year: i32) -> f64 {
    let per_1000 = match cell.age {
        0..=64 => 4.0,
        65..=69 => 12.0,
        70..=74 => 18.0,
        75..=79 => 30.0,
        80..=84 => 50.0,
        85..=89 => 75.0,
        _ => 100.0,
    };
    let sex = if cell.sex == 0 { 1.2 } else { 0.8 };
    let trend = 1.0 - 0.01 * f64::from(year - 2022);
    per_1000 * sex * trend / 1000.0
}

const FALLS: [(&str, f64); 8] = [
    ("W01", 0.3),
    ("W01.9", 0.1),
    ("W19", 0.15),
    ("W19.9", 0.15),
    ("W10", 0.08),
    ("W06", 0.07),
    ("W18.9", 0.08),
    ("W00", 0.07),
];

const OTHER: [(&str, f64); 6] = [
    ("X59", 0.3),
    ("V43", 0.15),
    ("W22", 0.15),
    ("W54", 0.1),
    ("X50.9", 0.15),
    ("V18", 0.15),
];

/// The `injuries` table: `patient_id`, `date`, `year`, `kommun`, `sex`,
/// `age`, `cause`; patient ids numbered from `first_id`. Returns the frame
/// and the next free patient number.
pub(crate) fn generate(
    seed: u64,
    population: &Population,
    first_id: usize,
) -> crate::Result<(DataFrame, usize)> {
    let mut rng = Rng::new(seed, "injuries");
    let (mut id, mut day, mut year_col, mut kommun, mut sex, mut age, mut cause) = (
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    let mut next = first_id;
    for year in FIRST_YEAR..=LAST_YEAR {
        for cell in cells() {
            let people = population.count(year, cell) as f64;
            let falls = people * fall_risk(cell, year);
            let groups: [(u64, &[(&str, f64)]); 2] = [
                (rng.poisson(falls), &FALLS),
                (rng.poisson(falls * 0.25), &OTHER),
            ];
            for (n, causes) in groups {
                for _ in 0..n {
                    id.push(format!("P{next:06}"));
                    next += 1;
                    day.push(day_in_year(&mut rng, year, &FLAT));
                    year_col.push(year);
                    kommun.push(cell.kommun_code());
                    sex.push(cell.sex_code());
                    age.push(cell.age as i32);
                    cause.push(rng.pick(causes));
                }
            }
        }
    }
    let table = frame(vec![
        Column::new("patient_id".into(), id),
        dates("date", day),
        Column::new("year".into(), year_col),
        texts("kommun", kommun),
        texts("sex", sex),
        Column::new("age".into(), age),
        texts("cause", cause),
    ])?;
    Ok((table, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_of_the_old_are_near_30_per_1000() {
        let population = Population::generate(3, 1.0);
        let (injuries, _) = generate(3, &population, 1).unwrap();
        let (year, age, cause) = (
            injuries.column("year").unwrap().i32().unwrap(),
            injuries.column("age").unwrap().i32().unwrap(),
            injuries.column("cause").unwrap().str().unwrap(),
        );
        let old = (0..injuries.height())
            .filter(|&i| {
                year.get(i) == Some(2024)
                    && age.get(i).is_some_and(|a| a >= 65)
                    && cause
                        .get(i)
                        .is_some_and(|c| c.starts_with("W0") || c.starts_with("W1"))
            })
            .count() as f64;
        let people: i64 = cells()
            .filter(|c| c.age >= 65)
            .map(|c| population.count(2024, c))
            .sum();
        let rate = old / people as f64 * 1000.0;
        assert!((22.0..38.0).contains(&rate), "{rate}");
    }
}
