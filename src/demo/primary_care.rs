//! Primary care: a sample of the region's people listed at its
//! hälsocentraler, and their visits 2017–2025 to physicians and nurses.
//! Each patient has an own doctor (a slot whose holder changes over the
//! years); well-staffed hälsocentraler give more of the visits to the own
//! doctor, inland ones lean on locums (hyrläkare) seen once or twice.
//!
//! Just over 500 lines with its tests; the visits' records are in
//! `visit_rows.rs`.

use polars::prelude::*;

use super::chunks::numbered;
use super::columns::{dates, frame, optional_dates, texts};
use super::dates::{extraction, year_of, year_span, ymd, LAST_YEAR};
use super::home_visits::HomeVisits;
use super::population::{Cell, Population};
use super::region::{centres_of, CENTRES};
use super::rng::{Rng, Weighted};
use super::visit_rows::{Visit, VisitRows, AT_HOME, DOCTOR, REMOTE};

/// The first day of the visits: an 18–24 month continuity window fits every year from 2019.
const FIRST_VISIT_YEAR: i32 = 2017;

/// Listed patients at scale 1.
const PATIENTS: f64 = 40_000.0;

/// The chronic diagnoses and their weights.
pub(super) const CHRONIC: [(&str, f64); 4] = [
    ("E11.9", 0.3),
    ("I10", 0.42),
    ("J44.9", 0.15),
    ("I50.9", 0.13),
];

/// Diagnoses of other visits.
pub(super) const OTHER: [(&str, f64); 10] = [
    ("J06.9", 0.16),
    ("M54.5", 0.14),
    ("Z00.0", 0.12),
    ("N39.0", 0.08),
    ("J02.9", 0.08),
    ("M25.5", 0.1),
    ("R10.4", 0.08),
    ("L30.9", 0.08),
    ("F41.9", 0.1),
    ("K59.0", 0.06),
];

/// The regional pool of locums.
const LOCUMS: usize = 240;

/// Physicians and nurses of every hälsocentral, by day.
struct Staff {
    /// Clinician ids ("L0001" physicians and locums, "S0001" nurses).
    ids: Vec<String>,
    /// Per centre, per slot: (first day, clinician) of each holder, in order.
    slots: Vec<Vec<Vec<(i32, u32)>>>,
    /// Per centre: its nurses.
    nurses: Vec<Vec<u32>>,
    /// Per centre, per month since January 2017: the locums working there.
    locums: Vec<Vec<Vec<u32>>>,
}

impl Staff {
    fn generate(rng: &mut Rng) -> Self {
        let mut ids = Vec::new();
        let physician = |ids: &mut Vec<String>| {
            let n = ids.len() as u32;
            ids.push(format!("L{:04}", n + 1));
            n
        };
        let (start, end) = (ymd(2010, 1, 1), ymd(LAST_YEAR, 12, 31));
        let mut slots = Vec::new();
        for c in &CENTRES {
            let mut centre = Vec::new();
            for _ in 0..c.physicians {
                let mut holders = vec![(start, physician(&mut ids))];
                let mut day = start;
                loop {
                    let years = -c.tenure * (1.0 - rng.uniform()).ln();
                    day += (years * 365.25).round().max(60.0) as i32;
                    if day > end {
                        break;
                    }
                    holders.push((day, physician(&mut ids)));
                }
                centre.push(holders);
            }
            slots.push(centre);
        }
        let pool: Vec<u32> = (0..LOCUMS).map(|_| physician(&mut ids)).collect();
        let months = ((LAST_YEAR - FIRST_VISIT_YEAR + 1) * 12) as usize;
        let locums = CENTRES
            .iter()
            .map(|c| {
                let per_month = if c.locum > 0.2 { 2 } else { 1 };
                (0..months)
                    .map(|_| {
                        (0..per_month)
                            .map(|_| pool[rng.index(pool.len())])
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut nurse_no = 0;
        let nurses = CENTRES
            .iter()
            .map(|c| {
                (0..c.nurses)
                    .map(|_| {
                        nurse_no += 1;
                        ids.push(format!("S{nurse_no:04}"));
                        ids.len() as u32 - 1
                    })
                    .collect()
            })
            .collect();
        Staff {
            ids,
            slots,
            nurses,
            locums,
        }
    }

    /// The holder of a slot on `day`.
    fn holder(&self, centre: usize, slot: usize, day: i32) -> u32 {
        let holders = &self.slots[centre][slot];
        let k = holders.partition_point(|(from, _)| *from <= day);
        holders[k.saturating_sub(1)].1
    }

    /// A locum working at `centre` on `day`.
    fn locum(&self, rng: &mut Rng, centre: usize, day: i32) -> u32 {
        let months = &self.locums[centre];
        let month = super::dates::months_since(FIRST_VISIT_YEAR, day).max(0) as usize;
        let here = &months[month.min(months.len().saturating_sub(1))];
        here[rng.index(here.len())]
    }
}

/// One listing period.
struct Listing {
    patient: u32,
    centre: usize,
    from: i32,
    to: Option<i32>,
}

/// A listed patient.
struct Patient {
    cell: Cell,
    birth_year: i32,
    /// The index of the chronic diagnosis in [`CHRONIC`].
    chronic: Option<u8>,
    /// The own doctor's slot at each listing (by centre).
    slot_seed: u64,
}

fn chronic_probability(age: usize) -> f64 {
    match age {
        0..=17 => 0.03,
        18..=39 => 0.15,
        40..=64 => 0.55,
        65..=79 => 0.82,
        _ => 0.9,
    }
}

/// Visits of a patient per year at the physician and with a nurse.
fn visit_rates(p: &Patient) -> (f64, f64) {
    match (p.chronic.is_some(), p.cell.age) {
        (true, 65..) => (4.3, 1.1),
        (true, _) => (3.6, 0.9),
        (false, 0..=17) => (0.9, 0.3),
        (false, 18..=64) => (1.1, 0.3),
        (false, _) => (1.8, 0.4),
    }
}

/// The share of remote contacts by year: the pandemic pushed it up.
fn remote_share(year: i32) -> f64 {
    match year {
        ..=2019 => 0.08,
        2020 | 2021 => 0.35,
        _ => 0.25,
    }
}

/// The `listings` and `visits` tables; patient ids numbered from
/// `first_id`. Returns both and the next free patient number.
pub(crate) fn generate(
    seed: u64,
    scale: f64,
    population: &Population,
    first_id: usize,
) -> crate::Result<(DataFrame, VisitRows, usize)> {
    let mut rng = Rng::new(seed, "primary care");
    let staff = Staff::generate(&mut rng);
    let n = (PATIENTS * scale).round() as usize;
    let (cells, weights) = population.sampler(2024, |_| 1.0);
    let centre_of: Vec<(Vec<usize>, Weighted)> = (0..super::region::KOMMUNER.len())
        .map(|k| {
            let c = centres_of(k);
            let w = Weighted::new(c.iter().map(|&i| CENTRES[i].size));
            (c, w)
        })
        .collect();
    let (span_start, _) = year_span(FIRST_VISIT_YEAR);
    let (_, span_end) = year_span(LAST_YEAR);
    let mut patients = Vec::with_capacity(n);
    let mut listings = Vec::with_capacity(n + n / 20);
    for p in 0..n {
        let cell = cells[weights.sample(&mut rng)];
        let birth_year = 2024 - cell.age as i32;
        let chronic = rng
            .bernoulli(chronic_probability(cell.age))
            .then(|| rng.pick(&indexed(&CHRONIC)));
        let (centres, w) = &centre_of[cell.kommun];
        let centre = centres[w.sample(&mut rng)];
        let born = ymd(birth_year, 1, 1);
        let from = if birth_year >= FIRST_VISIT_YEAR {
            rng.day(born, ymd(birth_year, 12, 31).min(span_end))
        } else if rng.bernoulli(0.12) {
            rng.day(span_start.max(born), span_end)
        } else {
            rng.day(ymd(2005, 1, 1).max(born), span_start - 1)
        };
        let to = (rng.bernoulli(0.1) && from + 180 < span_end)
            .then(|| rng.day(from.max(span_start) + 180, span_end));
        patients.push(Patient {
            cell,
            birth_year,
            chronic,
            slot_seed: rng.next_u64(),
        });
        // ~3 % change hälsocentral: the old listing ends, the new starts the next day.
        let last = to.unwrap_or(span_end) - 30;
        let earliest = (from + 90).max(ymd(FIRST_VISIT_YEAR, 6, 1));
        if rng.bernoulli(0.03) && earliest < last {
            let switch = rng.day(earliest, last);
            let others: Vec<usize> = centres.iter().copied().filter(|&c| c != centre).collect();
            let next = if others.is_empty() {
                let town = centres_of(7);
                town[rng.index(town.len())]
            } else {
                others[rng.index(others.len())]
            };
            listings.push(Listing {
                patient: p as u32,
                centre,
                from,
                to: Some(switch),
            });
            listings.push(Listing {
                patient: p as u32,
                centre: next,
                from: switch + 1,
                to,
            });
        } else {
            listings.push(Listing {
                patient: p as u32,
                centre,
                from,
                to,
            });
        }
    }
    let visits = visits(seed, &mut rng, &staff, &patients, &listings, &centre_of);
    let listing_frame = frame(vec![
        numbered(
            "patient_id",
            'P',
            6,
            listings.iter().map(|l| first_id + l.patient as usize),
        ),
        texts(
            "unit",
            listings.iter().map(|l| CENTRES[l.centre].name).collect(),
        ),
        dates("listed_from", listings.iter().map(|l| l.from).collect()),
        optional_dates(
            "listed_to",
            &listings.iter().map(|l| l.to).collect::<Vec<_>>(),
        ),
        texts(
            "kommun",
            listings
                .iter()
                .map(|l| patients[l.patient as usize].cell.kommun_code())
                .collect(),
        ),
        texts(
            "sex",
            listings
                .iter()
                .map(|l| patients[l.patient as usize].cell.sex_code())
                .collect(),
        ),
        Column::new(
            "birth_year".into(),
            listings
                .iter()
                .map(|l| patients[l.patient as usize].birth_year)
                .collect::<Vec<i32>>(),
        ),
        Column::new(
            "chronic".into(),
            listings
                .iter()
                .map(|l| patients[l.patient as usize].chronic.is_some())
                .collect::<Vec<bool>>(),
        ),
    ])?;
    let visits = VisitRows {
        first_id,
        clinicians: staff.ids,
        visits,
    };
    Ok((listing_frame, visits, first_id + n))
}

/// The items of a weighted list as their indices, with the same weights:
/// [`Rng::pick`] draws the same from both.
fn indexed<const N: usize>(items: &[(&'static str, f64); N]) -> [(u8, f64); N] {
    let mut out = [(0u8, 0.0); N];
    for (i, (slot, (_, w))) in out.iter_mut().zip(items).enumerate() {
        *slot = (i as u8, *w);
    }
    out
}

/// The visits of the listed patients during their listings, in order of
/// date (then of the listings), some physicians' visits marked as made at
/// home ([`HomeVisits`], a stream of its own).
fn visits(
    seed: u64,
    rng: &mut Rng,
    staff: &Staff,
    patients: &[Patient],
    listings: &[Listing],
    centre_of: &[(Vec<usize>, Weighted)],
) -> Vec<Visit> {
    let (span_start, _) = year_span(FIRST_VISIT_YEAR);
    let last_day = extraction().min(year_span(LAST_YEAR).1);
    let other = indexed(&OTHER);
    let mut out = Vec::new();
    for l in listings {
        let p = &patients[l.patient as usize];
        let c = &CENTRES[l.centre];
        let own_slot = (p.slot_seed % c.physicians as u64) as usize;
        let (from, to) = (
            l.from.max(span_start),
            l.to.unwrap_or(last_day).min(last_day),
        );
        if to < from {
            continue;
        }
        let (doctor_rate, nurse_rate) = visit_rates(p);
        for year in year_of(from)..=year_of(to) {
            let (y0, y1) = year_span(year);
            let (a, b) = (from.max(y0), to.min(y1));
            if b < a {
                continue;
            }
            let fraction = f64::from(b - a + 1) / f64::from(y1 - y0 + 1);
            for (rate, doctor) in [(doctor_rate, true), (nurse_rate, false)] {
                for _ in 0..rng.poisson(rate * fraction) {
                    let d = rng.day(a, b);
                    // ~8 % of the visits at another hälsocentral.
                    let (centre, home) = if rng.bernoulli(0.08) {
                        let (near, w) = &centre_of[c.kommun];
                        let other = if near.len() > 1 && rng.bernoulli(0.6) {
                            near[w.sample(rng)]
                        } else {
                            rng.index(CENTRES.len())
                        };
                        (other, other == l.centre)
                    } else {
                        (l.centre, true)
                    };
                    let at = &CENTRES[centre];
                    let who = if !doctor {
                        let nurses = &staff.nurses[centre];
                        nurses[rng.index(nurses.len())]
                    } else {
                        // At home: the own doctor, a locum or another doctor;
                        // elsewhere: a locum or any doctor there.
                        let u = rng.uniform();
                        let (own, locum) = if home {
                            (at.own_doctor, at.own_doctor + at.locum)
                        } else {
                            (0.0, at.locum)
                        };
                        if u < own {
                            staff.holder(centre, own_slot, d)
                        } else if u < locum {
                            staff.locum(rng, centre, d)
                        } else {
                            staff.holder(centre, rng.index(at.physicians), d)
                        }
                    };
                    let diagnosis = match p.chronic {
                        Some(code) if rng.bernoulli(if doctor { 0.7 } else { 0.8 }) => code,
                        _ => CHRONIC.len() as u8 + rng.pick(&other),
                    };
                    let remote = rng.bernoulli(remote_share(year));
                    out.push(Visit {
                        patient: l.patient,
                        clinician: who,
                        day: d,
                        unit: centre as u8,
                        diagnosis,
                        flags: if doctor { DOCTOR } else { 0 } | if remote { REMOTE } else { 0 },
                    });
                }
            }
        }
    }
    // In order of date, then of the listings (a stable sort).
    out.sort_by_key(|v| v.day);
    let mut home = HomeVisits::new(seed);
    for v in &mut out {
        if v.flags & (DOCTOR | REMOTE) == DOCTOR && home.at_home(year_of(v.day)) {
            v.flags |= AT_HOME;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::chunks::whole;
    use super::*;
    use crate::{Chronic, Continuity};

    #[test]
    fn continuity_of_chronic_patients_is_near_the_region_s() {
        let population = Population::generate(4, 0.25);
        let (listings, visits, next) = generate(4, 0.25, &population, 1).unwrap();
        let visits = whole(&visits).unwrap();
        assert_eq!(next, 10_001);
        let chronic = listings.column("chronic").unwrap().bool().unwrap();
        let share = chronic.sum().unwrap_or(0) as f64 / listings.height() as f64;
        assert!((0.38..0.52).contains(&share), "chronic {share}");
        let end = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        let mut coc = Continuity::new(end);
        coc.chronic =
            Chronic::DiagnosisCodes(vec!["E11".into(), "I10".into(), "J44".into(), "I50".into()]);
        let all = coc.summary(&visits, &listings).unwrap();
        let value = all.column("value").unwrap().f64().unwrap().get(0).unwrap();
        assert!((0.3..0.55).contains(&value), "COC {value}");
        // Higher in the town's well-staffed hälsocentraler than inland.
        let mut per_unit = coc.clone();
        per_unit.by = vec!["unit".into()];
        let by_unit = per_unit.summary(&visits, &listings).unwrap();
        let units = by_unit.column("unit").unwrap().str().unwrap();
        let values = by_unit.column("value").unwrap().f64().unwrap();
        let of = |name: &str| {
            (0..by_unit.height())
                .find(|&i| units.get(i) == Some(name))
                .and_then(|i| values.get(i))
                .unwrap()
        };
        assert!(of("Hälsocentral Odensala") > of("Hälsocentral Sveg") + 0.1);
    }

    #[test]
    fn visits_fall_in_listings_and_the_span() {
        let population = Population::generate(9, 0.05);
        let (listings, visits, _) = generate(9, 0.05, &population, 1).unwrap();
        let visits = whole(&visits).unwrap();
        let d = visits
            .column("date")
            .unwrap()
            .date()
            .unwrap()
            .physical()
            .clone();
        let (lo, hi) = (ymd(2017, 1, 1), ymd(2025, 12, 31));
        assert!(d.iter().all(|d| d.is_some_and(|d| d >= lo && d <= hi)));
        let from = listings
            .column("listed_from")
            .unwrap()
            .date()
            .unwrap()
            .physical()
            .clone();
        let to = listings
            .column("listed_to")
            .unwrap()
            .date()
            .unwrap()
            .physical()
            .clone();
        assert!(from
            .iter()
            .zip(to.iter())
            .all(|(f, t)| t.is_none_or(|t| f.is_some_and(|f| f <= t))));
        // Rows per listed patient and year: ~2.5 at the physician and nurse together.
        let per = visits.height() as f64 / listings.height() as f64 / 9.0;
        assert!((1.5..4.0).contains(&per), "{per}");
    }
}
