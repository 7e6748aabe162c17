//! Inpatient stays, 2019–2025: chains of stays per patient, where a live
//! discharge is followed by an acute readmission within 30 days about one
//! time in five (more for the very old), or later by a new stay, or by
//! nothing. About 4 % of the discharges are transfers to another hospital:
//! the episode goes on in a stay at another clinic admitted the same day
//! (or the next). About 70 % of the stays are of people aged 65 or more
//! (~800 index stays a month), the rest younger, so the age filter matters.

use polars::prelude::*;

use super::columns::{dates, frame, texts};
use super::dates::{extraction, order_by_day, year_span, FIRST_YEAR, LAST_YEAR};
use super::population::{Cell, Population};
use super::region::MAX_AGE;
use super::rng::Rng;

/// Chains of stays started per year at scale 1, of people 65+ and younger.
const CHAINS_OLD: f64 = 6_150.0;
const CHAINS_YOUNG: f64 = 3_500.0;

/// One stay.
struct Stay {
    patient: usize,
    admitted: i32,
    discharged: i32,
    age: i32,
    cell: Cell,
    acute: bool,
    discharge_type: &'static str,
    clinic: &'static str,
}

/// The relative risk of a first admission at an age.
fn admission_risk(old: bool, cell: Cell) -> f64 {
    let a = cell.age as f64;
    match (old, cell.age) {
        (true, 65..) => (a - 60.0).powf(1.3),
        (true, _) => 0.0,
        (false, 65..) => 0.0,
        (false, 0) => 1.0,
        (false, 1..=14) => 0.2,
        (false, 15..=44) => 0.5,
        (false, _) => 1.0,
    }
}

/// The discharge type of a death.
const DIED: &str = "död";
/// The discharge type of a transfer to another hospital.
const TRANSFERRED: &str = "annat sjukhus";
/// The clinics of the stays.
const CLINICS: [&str; 4] = ["Medicin", "Kirurgi", "Ortopedi", "Geriatrik"];

/// The clinic of a stay at an age; a transfer goes to another than `from`.
fn clinic(rng: &mut Rng, age: i32, from: Option<&str>) -> &'static str {
    let mut weights: [f64; 4] = match age {
        ..=64 => [0.4, 0.35, 0.25, 0.0],
        65..=79 => [0.5, 0.17, 0.2, 0.13],
        _ => [0.42, 0.1, 0.2, 0.28],
    };
    for (w, name) in weights.iter_mut().zip(CLINICS) {
        if Some(name) == from {
            *w = 0.0;
        }
    }
    CLINICS[rng.weighted(&weights)]
}

fn discharge_type(rng: &mut Rng, age: i32) -> &'static str {
    let (died, home_care) = match age {
        ..=64 => (0.015, 0.01),
        65..=79 => (0.04, 0.08),
        _ => (0.055, 0.18),
    };
    let u = rng.uniform();
    if u < died {
        DIED
    } else if u < died + 0.04 {
        TRANSFERRED
    } else if u < died + 0.04 + home_care {
        "särskilt boende"
    } else {
        "hem"
    }
}

/// Main diagnoses from the chronic-disease list of avoidable inpatient care
/// (diabetes, hypertension, angina, heart failure, COPD, asthma, anaemia).
const CHRONIC_MAIN: [(&str, f64); 8] = [
    ("E11.9", 0.2),
    ("E10.9", 0.04),
    ("I10", 0.08),
    ("I20.9", 0.12),
    ("I50.9", 0.26),
    ("J44.1", 0.22),
    ("J45.9", 0.04),
    ("D50.9", 0.04),
];

/// Other main diagnoses.
const OTHER_MAIN: [(&str, f64); 10] = [
    ("J18.9", 0.14),
    ("S72.0", 0.1),
    ("N39.0", 0.1),
    ("I63.9", 0.09),
    ("I48.9", 0.1),
    ("A41.9", 0.07),
    ("K80.2", 0.1),
    ("R07.4", 0.12),
    ("K35.8", 0.08),
    ("C34.9", 0.1),
];

/// The main diagnosis of each stay, drawn from a stream of its own (the
/// stays themselves do not change with it): a diagnosis of the
/// chronic-disease list about one time in seven for people 65 and over in
/// 2019, falling by 0.8 points a year as primary care takes over, one in
/// twenty-five for the younger.
fn diagnoses(seed: u64, stays: &[Stay]) -> Vec<&'static str> {
    let mut rng = Rng::new(seed, "stays-diagnosis");
    stays
        .iter()
        .map(|s| {
            let year = super::dates::year_of(s.admitted);
            let chronic = if s.age >= 65 {
                0.15 - 0.008 * f64::from(year - FIRST_YEAR)
            } else {
                0.04
            };
            if rng.bernoulli(chronic) {
                rng.pick(&CHRONIC_MAIN)
            } else {
                rng.pick(&OTHER_MAIN)
            }
        })
        .collect()
}

/// The chance that a live discharge is followed by a readmission within 30 days.
fn readmission_risk(age: i32) -> f64 {
    match age {
        ..=64 => 0.1,
        65..=79 => 0.185,
        _ => 0.225,
    }
}

/// The `stays` table: `patient_id`, `admitted`, `discharged`, `age`,
/// `sex`, `kommun`, `acute`, `discharge_type`, `clinic`, `diagnosis` (the
/// main diagnosis, ICD-10); patient ids
/// numbered from `first_id`. Returns the frame and the next free number.
pub(crate) fn generate(
    seed: u64,
    scale: f64,
    population: &Population,
    first_id: usize,
) -> crate::Result<(DataFrame, usize)> {
    let mut rng = Rng::new(seed, "stays");
    let (first, _) = year_span(FIRST_YEAR);
    let (_, last) = year_span(LAST_YEAR);
    let mut stays: Vec<Stay> = Vec::new();
    let mut patients = 0usize;
    for year in FIRST_YEAR - 1..=LAST_YEAR {
        for (old, per_year) in [(true, CHAINS_OLD), (false, CHAINS_YOUNG)] {
            let (cells, weights) = population.sampler(year, |c| admission_risk(old, c));
            let (y0, y1) = year_span(year);
            for _ in 0..(per_year * scale).round() as usize {
                let cell = cells[weights.sample(&mut rng)];
                let patient = patients;
                patients += 1;
                let start = rng.day(y0, y1);
                let mut admitted = start;
                let mut acute = rng.bernoulli(0.75);
                // The clinic the patient was transferred from.
                let mut from: Option<&str> = None;
                while admitted <= last {
                    let age = (cell.age as i32 + (admitted - start) / 365).min(MAX_AGE as i32);
                    let days = rng
                        .lognormal(if age >= 80 { 4.5 } else { 4.0 }, 0.6)
                        .round();
                    let discharged = admitted + (days as i32).clamp(1, 15);
                    let kind = discharge_type(&mut rng, age);
                    let here = clinic(&mut rng, age, from);
                    if admitted >= first && discharged <= extraction() {
                        stays.push(Stay {
                            patient,
                            admitted,
                            discharged,
                            age,
                            cell,
                            acute,
                            discharge_type: kind,
                            clinic: here,
                        });
                    }
                    if kind == DIED {
                        break;
                    }
                    from = None;
                    if kind == TRANSFERRED {
                        // The same episode (and acute flag) at another clinic:
                        // admitted the same day, one time in five the next.
                        admitted = discharged + i32::from(rng.bernoulli(0.2));
                        from = Some(here);
                    } else if rng.bernoulli(readmission_risk(age)) {
                        // Early readmissions are the most common.
                        let weights: Vec<f64> = (1..=30).map(|g| 1.0 / f64::from(g + 3)).collect();
                        admitted = discharged + 1 + rng.weighted(&weights) as i32;
                        acute = rng.bernoulli(0.92);
                    } else if rng.bernoulli(0.25) {
                        admitted = discharged + rng.int(31, 400) as i32;
                        acute = rng.bernoulli(0.75);
                    } else {
                        break;
                    }
                }
            }
        }
    }
    // In order of admission (then of the chains), without a comparison sort.
    let order = order_by_day(&stays.iter().map(|s| s.admitted).collect::<Vec<_>>());
    let mut slots: Vec<Option<Stay>> = stays.into_iter().map(Some).collect();
    let stays: Vec<Stay> = order.iter().filter_map(|&i| slots[i].take()).collect();
    // Patients numbered in order of their first stay in the data.
    let mut number = vec![usize::MAX; patients];
    let mut next = first_id;
    for s in &stays {
        if number[s.patient] == usize::MAX {
            number[s.patient] = next;
            next += 1;
        }
    }
    let table = frame(vec![
        Column::new(
            "patient_id".into(),
            stays
                .iter()
                .map(|s| format!("P{:06}", number[s.patient]))
                .collect::<Vec<String>>(),
        ),
        dates("admitted", stays.iter().map(|s| s.admitted).collect()),
        dates("discharged", stays.iter().map(|s| s.discharged).collect()),
        Column::new(
            "age".into(),
            stays.iter().map(|s| s.age).collect::<Vec<i32>>(),
        ),
        texts("sex", stays.iter().map(|s| s.cell.sex_code()).collect()),
        texts(
            "kommun",
            stays.iter().map(|s| s.cell.kommun_code()).collect(),
        ),
        Column::new(
            "acute".into(),
            stays.iter().map(|s| s.acute).collect::<Vec<bool>>(),
        ),
        texts(
            "discharge_type",
            stays.iter().map(|s| s.discharge_type).collect(),
        ),
        texts("clinic", stays.iter().map(|s| s.clinic).collect()),
        texts("diagnosis", diagnoses(seed, &stays)),
    ])?;
    Ok((table, next))
}

#[cfg(test)]
mod tests {
    use super::super::dates::extraction_date;
    use super::*;
    use crate::Readmission;
    use std::collections::HashMap;

    #[test]
    fn readmission_of_the_old_is_near_one_in_five() {
        let population = Population::generate(6, 0.5);
        let (stays, _) = generate(6, 0.5, &population, 1).unwrap();
        // Computed simply: each live discharge of a patient 65+ in 2019–2025,
        // followed by any admission of the patient within 30 days.
        let ids = stays.column("patient_id").unwrap().str().unwrap();
        let admitted = stays
            .column("admitted")
            .unwrap()
            .date()
            .unwrap()
            .physical()
            .clone();
        let discharged = stays
            .column("discharged")
            .unwrap()
            .date()
            .unwrap()
            .physical()
            .clone();
        let age = stays.column("age").unwrap().i32().unwrap();
        let kind = stays.column("discharge_type").unwrap().str().unwrap();
        let clinic = stays.column("clinic").unwrap().str().unwrap();
        type Row<'a> = (i32, i32, i32, &'a str, &'a str);
        let mut by_patient: HashMap<&str, Vec<Row>> = HashMap::new();
        for i in 0..stays.height() {
            by_patient.entry(ids.get(i).unwrap()).or_default().push((
                admitted.get(i).unwrap(),
                discharged.get(i).unwrap(),
                age.get(i).unwrap(),
                kind.get(i).unwrap(),
                clinic.get(i).unwrap(),
            ));
        }
        let (mut index, mut readmitted, mut transfers) = (0, 0, 0);
        for list in by_patient.values_mut() {
            list.sort();
            // A transfer goes on at another clinic the same day or the next:
            // one episode, with the age of its first stay.
            let mut episodes: Vec<Row> = Vec::new();
            for &s in list.iter() {
                match episodes.last_mut() {
                    Some(e) if e.3 == TRANSFERRED && s.0 - e.1 <= 1 => {
                        assert!(s.0 >= e.1, "overlapping stays");
                        assert_ne!(s.4, e.4, "a transfer to the same clinic");
                        transfers += 1;
                        (e.1, e.3, e.4) = (s.1, s.3, s.4);
                    }
                    Some(e) => {
                        assert!(s.0 > e.1, "overlapping stays");
                        episodes.push(s);
                    }
                    None => episodes.push(s),
                }
            }
            for (k, s) in episodes.iter().enumerate() {
                if s.2 >= 65 && s.3 != DIED && s.1 <= ymd_last() {
                    index += 1;
                    readmitted += usize::from(episodes.get(k + 1).is_some_and(|n| n.0 - s.1 <= 30));
                }
            }
        }
        // About 4 % of the discharges go to another hospital, and nearly all
        // of those go on in a stay in the data (not those at its end).
        let transferred = kind.iter().filter(|k| *k == Some(TRANSFERRED)).count();
        let share_transferred = transferred as f64 / stays.height() as f64;
        assert!(
            (0.035..0.045).contains(&share_transferred),
            "{share_transferred}"
        );
        assert!(transfers <= transferred && transfers * 100 >= transferred * 97);
        let share = readmitted as f64 / index as f64 * 100.0;
        assert!((15.0..25.0).contains(&share), "{share}");
        // Index stays per month, at scale 0.5: ~400.
        let per_month = index as f64 / 84.0;
        assert!((300.0..500.0).contains(&per_month), "{per_month}");
        // The library agrees for a year.
        let mut readmission = Readmission::new("2024".parse().unwrap());
        readmission.as_of = Some(extraction_date());
        let r = readmission.share(&stays).unwrap();
        let value = r.column("value").unwrap().f64().unwrap().get(0).unwrap();
        assert!((15.0..25.0).contains(&value), "{value}");
        // It joins the same transfers, and nothing overlaps.
        let quality = readmission.quality(&stays).unwrap();
        let count = |prefix: &str| {
            let rules = quality.column("rule").unwrap().str().unwrap();
            let counts = quality
                .column("count")
                .unwrap()
                .cast(&DataType::Float64)
                .unwrap();
            let i = (0..quality.height())
                .find(|&i| rules.get(i).is_some_and(|r| r.starts_with(prefix)))
                .unwrap();
            counts.f64().unwrap().get(i).unwrap() as usize
        };
        assert_eq!(count("transfers joined"), transfers);
        assert_eq!(count("overlapping stays joined"), 0);
        // Under 65s are about 30 % of the stays; died ~4 %.
        let young = age.iter().filter(|a| a.is_some_and(|a| a < 65)).count() as f64;
        let young = young / stays.height() as f64;
        assert!((0.22..0.38).contains(&young), "{young}");
        let died = kind.iter().filter(|k| *k == Some(DIED)).count() as f64 / stays.height() as f64;
        assert!((0.02..0.06).contains(&died), "{died}");
    }

    fn ymd_last() -> i32 {
        year_span(LAST_YEAR).1
    }
}
