//! The cause-of-death register: each death drawn from the population
//! table's people and an age- and sex-specific risk, with an ICD-10
//! underlying cause. Suicide (X60–X84) and deaths of undetermined intent
//! (Y10–Y34) have their own rates.

use polars::prelude::*;

use super::columns::{dates, frame, texts};
use super::dates::{day_in_year, FLAT};
use super::population::{cells, Cell, Population, FIRST};
use super::rng::Rng;

/// The last year of the register: it lags the population statistics.
pub(crate) const LAST_DEATH_YEAR: i32 = 2024;

/// The yearly risk of death from natural causes and accidents: a Gompertz
/// curve from 45 calibrated so that life expectancy at birth is near the
/// region's (women about 84,5 years, men about 81 in 2020–2024; SCB).
fn natural_risk(cell: Cell, year: i32) -> f64 {
    let a = cell.age as f64;
    let base = match cell.age {
        0 => 0.0022,
        1..=14 => 0.00008,
        15..=24 => 0.0003,
        25..=34 => 0.0005,
        35..=44 => 0.0009,
        _ => (-11.05 + 0.098 * a).exp().min(0.5),
    };
    let sex = if cell.sex == 1 { 1.2 } else { 0.85 };
    let trend = 1.0 - 0.012 * f64::from(year - 2024);
    let pandemic = if year == 2020 { 1.08 } else { 1.0 };
    base * sex * trend * pandemic
}

/// The yearly risk of suicide (per person): ~15 per 100 000 aged 15+, men 2.5 times women.
fn suicide_risk(cell: Cell) -> f64 {
    let per_100k = match cell.age {
        0..=14 => 0.0,
        15..=24 => 10.0,
        25..=44 => 15.5,
        45..=64 => 17.0,
        65..=79 => 13.5,
        _ => 15.0,
    };
    let sex = if cell.sex == 1 { 1.43 } else { 0.57 };
    per_100k * sex / 100_000.0
}

/// The yearly risk of a death of undetermined intent: ~3 per 100 000 aged 15+.
fn undetermined_risk(cell: Cell) -> f64 {
    if cell.age < 15 {
        return 0.0;
    }
    let sex = if cell.sex == 1 { 1.3 } else { 0.7 };
    3.0 * sex / 100_000.0
}

const SUICIDE: [(&str, f64); 9] = [
    ("X70", 0.35),
    ("X70.9", 0.1),
    ("X80.0", 0.08),
    ("X80", 0.04),
    ("X61.9", 0.1),
    ("X64", 0.08),
    ("X74.9", 0.12),
    ("X78", 0.07),
    ("X84", 0.06),
];

const UNDETERMINED: [(&str, f64); 5] = [
    ("Y20", 0.3),
    ("Y14.9", 0.25),
    ("Y12", 0.15),
    ("Y30", 0.15),
    ("Y34", 0.15),
];

/// Natural causes and accidents by age band and sex.
fn natural_causes(cell: Cell) -> &'static [(&'static str, f64)] {
    const INFANT: [(&str, f64); 4] = [
        ("P07.3", 0.4),
        ("Q24.9", 0.3),
        ("P22.0", 0.2),
        ("R95.9", 0.1),
    ];
    const CHILD: [(&str, f64); 5] = [
        ("C71.9", 0.3),
        ("V43", 0.25),
        ("W69", 0.15),
        ("Q24.9", 0.15),
        ("G40.9", 0.15),
    ];
    const YOUNG: [(&str, f64); 7] = [
        ("V43", 0.25),
        ("X42", 0.2),
        ("C71.9", 0.1),
        ("C50.9", 0.1),
        ("I21.9", 0.1),
        ("G40.9", 0.1),
        ("K70.3", 0.15),
    ];
    const MIDDLE_K: [(&str, f64); 9] = [
        ("C34.1", 0.14),
        ("C50.9", 0.16),
        ("C18.9", 0.1),
        ("C25.9", 0.08),
        ("I21.9", 0.12),
        ("I25.1", 0.1),
        ("I64.9", 0.1),
        ("J44.9", 0.1),
        ("K70.3", 0.1),
    ];
    const MIDDLE_M: [(&str, f64); 9] = [
        ("C34.1", 0.14),
        ("C61.9", 0.1),
        ("C18.9", 0.1),
        ("C25.9", 0.08),
        ("I21.9", 0.2),
        ("I25.1", 0.14),
        ("I64.9", 0.08),
        ("J44.9", 0.08),
        ("K70.3", 0.08),
    ];
    const OLD: [(&str, f64); 13] = [
        ("I21.9", 0.12),
        ("I25.1", 0.12),
        ("I50.9", 0.1),
        ("I64.9", 0.07),
        ("I63.9", 0.06),
        ("F03.9", 0.12),
        ("G30.9", 0.05),
        ("J44.9", 0.07),
        ("J18.9", 0.07),
        ("C34.1", 0.06),
        ("C18.9", 0.06),
        ("W19.9", 0.04),
        ("N18.9", 0.06),
    ];
    match (cell.age, cell.sex) {
        (0, _) => &INFANT,
        (1..=14, _) => &CHILD,
        (15..=44, _) => &YOUNG,
        (45..=74, 0) => &MIDDLE_K,
        (45..=74, _) => &MIDDLE_M,
        _ => &OLD,
    }
}

/// The `deaths` table, 2011–2024: `person_id`, `date`, `year`, `kommun`,
/// `sex`, `age`, `cause`.
pub(crate) fn generate(seed: u64, population: &Population) -> crate::Result<DataFrame> {
    let mut rng = Rng::new(seed, "deaths");
    let (mut id, mut day, mut year_col, mut kommun, mut sex, mut age, mut cause) = (
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    for year in FIRST..=LAST_DEATH_YEAR {
        for cell in cells() {
            let people = population.count(year, cell) as f64;
            if people <= 0.0 {
                continue;
            }
            let groups: [(u64, &[(&str, f64)]); 3] = [
                (
                    rng.poisson(people * natural_risk(cell, year)),
                    natural_causes(cell),
                ),
                (rng.poisson(people * suicide_risk(cell)), &SUICIDE),
                (rng.poisson(people * undetermined_risk(cell)), &UNDETERMINED),
            ];
            for (n, causes) in groups {
                for _ in 0..n {
                    id.push(format!("D{:06}", id.len() + 1));
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
    frame(vec![
        Column::new("person_id".into(), id),
        dates("date", day),
        Column::new("year".into(), year_col),
        texts("kommun", kommun),
        texts("sex", sex),
        Column::new("age".into(), age),
        texts("cause", cause),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CauseSet, Mortality};

    #[test]
    fn suicide_and_all_cause_rates_are_plausible() {
        let population = Population::generate(5, 1.0);
        let deaths = generate(5, &population).unwrap();
        let people = population.frame().unwrap();
        // All-cause deaths near 1 % of the population a year (up to 1,4 %:
        // the synthetic pyramid is older than the region's, 80+ about 9,5 %
        // of the people against 6,5 %, at the region's life expectancy).
        let per_year = deaths.height() as f64 / 14.0;
        let region: i64 = (0..8).map(|k| population.kommun_total(2018, k)).sum();
        let share = per_year / region as f64;
        assert!((0.008..0.014).contains(&share), "{share}");
        // Suicide 15+ over 2011–2024, computed by the library.
        let pooled = Mortality::new(CauseSet::named("suicide").unwrap())
            .ages(15, None)
            .window(14, false)
            .rates(&deaths, &people)
            .unwrap();
        let rate = pooled
            .column("value")
            .unwrap()
            .f64()
            .unwrap()
            .get(0)
            .unwrap();
        assert!((10.0..20.0).contains(&rate), "{rate}");
        // Men about 2.5 times women.
        let by_sex = Mortality::new(CauseSet::named("suicide").unwrap())
            .ages(15, None)
            .window(14, false)
            .by(["sex"])
            .rates(&deaths, &people)
            .unwrap();
        let v = by_sex.column("value").unwrap().f64().unwrap();
        let ratio = v.get(1).unwrap() / v.get(0).unwrap();
        assert!((1.6..4.0).contains(&ratio), "{ratio}");
    }
}
