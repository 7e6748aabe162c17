//! Dispensed drugs of people aged 70 or more, 2023–2025, one row per
//! dispensed item (as from the prescribed drug register): the three sets
//! the elderly-care plan follows and other drugs, so that every month has
//! dispensings. Of the population aged 75+, about 9.8 % get an
//! inappropriate drug in a month of early 2023 (the plan's baseline is
//! 9–10 %), falling by about 8 % a year; antipsychotics about 2.1 %,
//! falling slowly; NSAIDs about 3.6 %, falling by about 6 % a year. Aged
//! 70–74 somewhat less (the indicators count 75+ only). The users of a set
//! are mostly the same people from month to month; a fifth of them get a
//! second item of the set in the month. Persons are their cell's people
//! (kommun, sex, birth year), so the population is the denominator.

use polars::prelude::*;

use super::columns::{dates, frame, texts};
use super::dates::{ymd, LAST_YEAR};
use super::population::{cells, Cell, Population};
use super::rng::Rng;

/// The first year of dispensings.
const FIRST: i32 = 2023;

/// A set of drugs in the demo: its monthly share of the population aged
/// 75+ in January of [`FIRST`], its relative fall per year, and its ATC
/// codes with weights.
struct Set {
    share: f64,
    fall: f64,
    drugs: &'static [(&'static str, f64)],
}

const SETS: [Set; 4] = [
    // Inappropriate: diazepam, tramadol, propiomazine, amitriptyline,
    // hydroxyzine, tolterodine, codeine, glibenclamide.
    Set {
        share: 0.098,
        fall: 0.08,
        drugs: &[
            ("N05BA01", 3.0),
            ("N02AX02", 3.0),
            ("N05CM06", 2.0),
            ("N06AA09", 1.0),
            ("N05BB01", 1.0),
            ("G04BD07", 1.0),
            ("R05DA04", 0.5),
            ("A10BB01", 0.5),
        ],
    },
    // Antipsychotics: quetiapine, risperidone, haloperidol, olanzapine.
    Set {
        share: 0.021,
        fall: 0.03,
        drugs: &[
            ("N05AH04", 3.0),
            ("N05AX08", 3.0),
            ("N05AD01", 1.0),
            ("N05AH03", 1.0),
        ],
    },
    // NSAIDs: ibuprofen, naproxen, diclofenac, celecoxib.
    Set {
        share: 0.036,
        fall: 0.06,
        drugs: &[
            ("M01AE01", 2.0),
            ("M01AE02", 2.0),
            ("M01AB05", 2.0),
            ("M01AH01", 1.0),
        ],
    },
    // Others: metoprolol, omeprazole, paracetamol, acetylsalicylic acid,
    // furosemide (in none of the sets).
    Set {
        share: 0.05,
        fall: 0.0,
        drugs: &[
            ("C07AB02", 1.0),
            ("A02BC01", 1.0),
            ("N02BE01", 1.0),
            ("B01AC06", 1.0),
            ("C03CA01", 1.0),
        ],
    },
];

/// One dispensed item.
struct Row {
    person: String,
    day: i32,
    atc: &'static str,
    birth: i32,
    cell: Cell,
}

/// The `dispensings` table: `person_id`, `dispensed`, `atc`, `birth_date`,
/// `kommun`, `sex`, in order of the day dispensed.
pub(crate) fn generate(seed: u64, population: &Population) -> crate::Result<DataFrame> {
    let mut rng = Rng::new(seed, "dispensings");
    let mut rows: Vec<Row> = Vec::new();
    for year in FIRST..=LAST_YEAR {
        for month in 1..=12u32 {
            let first = ymd(year, month, 1);
            let length = ymd(year, month, 31) - first;
            let t = f64::from(year - FIRST) + f64::from(month - 1) / 12.0;
            for cell in cells().filter(|c| c.age >= 70) {
                let people = population.count(year, cell);
                if people == 0 {
                    continue;
                }
                let born = year - cell.age as i32;
                let factor = if cell.age < 75 { 0.7 } else { 1.0 };
                for (k, set) in SETS.iter().enumerate() {
                    let mean = people as f64 * set.share * (1.0 - set.fall).powf(t) * factor;
                    let users = (rng.poisson(mean) as i64).min(people);
                    // Each set's users start at their own place among the
                    // cell's people: mostly the same people every month.
                    let start = people * k as i64 / SETS.len() as i64;
                    for i in 0..users {
                        let rank = (start + i) % people;
                        let person =
                            format!("{}{}{born}-{rank:04}", cell.kommun_code(), cell.sex_code());
                        let birth = ymd(born, 1, 1) + (rank * 37 % 365) as i32;
                        let items = if rng.bernoulli(0.2) { 2 } else { 1 };
                        for _ in 0..items {
                            rows.push(Row {
                                person: person.clone(),
                                day: first + rng.int(0, i64::from(length)) as i32,
                                atc: rng.pick(set.drugs),
                                birth,
                                cell,
                            });
                        }
                    }
                }
            }
        }
    }
    rows.sort_by_key(|r| r.day);
    frame(vec![
        Column::new(
            "person_id".into(),
            rows.iter().map(|r| r.person.as_str()).collect::<Vec<_>>(),
        ),
        dates("dispensed", rows.iter().map(|r| r.day).collect()),
        texts("atc", rows.iter().map(|r| r.atc).collect()),
        dates("birth_date", rows.iter().map(|r| r.birth).collect()),
        texts(
            "kommun",
            rows.iter().map(|r| r.cell.kommun_code()).collect(),
        ),
        texts("sex", rows.iter().map(|r| r.cell.sex_code()).collect()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{assess_months, Direction, DrugSet, DrugUse, Target};

    #[test]
    fn the_shares_of_the_plan_counted_by_the_library() {
        let population = Population::generate(5, 1.0);
        let records = generate(5, &population).unwrap();
        let people = population.frame().unwrap();
        let share = |name: &str, period: &str| {
            let mut drugs = DrugUse::new(DrugSet::named(name).unwrap(), period.parse().unwrap());
            drugs.as_of = Some(super::super::dates::extraction_date());
            drugs.share(&records, &people).unwrap()
        };
        let first = |frame: &DataFrame| frame.column("value").unwrap().f64().unwrap().get(0);
        let january = first(&share("inappropriate", "2023-01")).unwrap();
        assert!((9.0..10.6).contains(&january), "{january}");
        let later = first(&share("inappropriate", "2025-12")).unwrap();
        assert!((7.5..9.0).contains(&later), "{later}");
        let antipsychotics = first(&share("antipsychotics", "2024-06")).unwrap();
        assert!((1.6..2.5).contains(&antipsychotics), "{antipsychotics}");
        let nsaids = first(&share("nsaids", "2024-06")).unwrap();
        assert!((2.8..3.8).contains(&nsaids), "{nsaids}");
        // The plan's target, April–September 2025 against 2024: rated from
        // the records, never missing.
        let monthly = share("inappropriate", "2024–2025");
        let target = Target::Months {
            at_least: 4,
            of: 6,
            direction: Direction::Decrease,
            from_month: Some(4),
        };
        let rated = assess_months(&monthly, &target).unwrap();
        assert!(
            rated.assessment.rating.is_some(),
            "{}",
            rated.assessment.rule
        );
    }
}
