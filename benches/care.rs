//! The care layer's indicators from records, at the region's yearly volume
//! and at ten times it:
//!
//! - vårdgaranti: `Waits::fulfilment` over about 777 000 referral rows, the
//!   completed measure (genomförda, by unit and month of 2024) and the
//!   waiting measure (väntande, by unit at the 12 month ends of 2024);
//! - readmission within 30 days of people 65+: `Readmission::share` by
//!   kommun over the stays of about 8 200 patients (about 9 500 index stays
//!   in 2024);
//! - SIP: `Sip::counts` and `Sip::change` by kommun and tertial over about
//!   830 plans a year (2023 and 2024, some with a second status row);
//! - mortality: `Mortality::rates` over about 1 200 deaths a year
//!   (2015–2024) and the population of about 132 000 people by kommun, sex
//!   and single year of age: suicide crude by kommun over rolling 5-year
//!   windows, and all causes standardised to ESP2013 by kommun and sex.
//!
//! Ten times the region is ten times the kommuner, units, patients and
//! records (`benches/common`'s `kommuner`). The data are generated (seeded)
//! before timing; the throughput is in input rows.
//!
//! Run in release: `cargo bench --no-default-features --bench care`
//! (`make bench` runs every bench). Scales (default 1 and 10):
//! `INDIKATOR_BENCH_SCALE=1 cargo bench --no-default-features --bench care`.
//! Quick check that it runs (each benchmark once, debug):
//! `INDIKATOR_BENCH_SCALE=1 cargo test --no-default-features --bench care`.

use chrono::NaiveDate;
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use indikator::{
    CauseSet, Mortality, Period, PeriodKind, Readmission, Sip, StandardPopulation, Waits,
};
use polars::prelude::*;

mod common;
use common::{after, date, kommuner, Lcg};

/// The day the data were taken out.
fn as_of() -> NaiveDate {
    date(2025, 3, 31)
}

fn year(year: i32) -> Period {
    Period::Year { year }
}

fn id(function: &str, scale: usize) -> BenchmarkId {
    BenchmarkId::new(function, format!("{scale}x"))
}

/// Referrals and decisions (777 000 × `scale` rows) decided from July 2023
/// to December 2024: kind of wait, unit, a wait that fits the kind, still
/// waiting when the completion would fall after `as_of`, 3 % PVV, 2 % MOV.
fn referrals(scale: usize) -> DataFrame {
    let rows = 777_000 * scale;
    let mut rng = Lcg(90);
    // (kind, weight, longest wait in days, unit prefix, units per scale)
    let kinds: [(&str, u64, u64, &str, usize); 6] = [
        ("primary_contact", 45, 3, "HC", 26),
        ("primary_assessment", 25, 12, "HC", 26),
        ("first_visit", 18, 200, "Klinik", 14),
        ("treatment", 8, 250, "Klinik", 14),
        ("bup_assessment", 2, 75, "BUP", 1),
        ("bup_in_depth", 2, 90, "BUP", 1),
    ];
    let weights: Vec<u64> = kinds.iter().map(|k| k.1).collect();
    let units: Vec<Vec<String>> = kinds
        .iter()
        .map(|(_, _, _, prefix, n)| {
            (0..n * scale)
                .map(|u| format!("{prefix} {:03}", u + 1))
                .collect()
        })
        .collect();
    let first = date(2023, 7, 1);
    let (mut decided, mut completed, mut kind, mut unit, mut pvv, mut mov) = (
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
    );
    for _ in 0..rows {
        let k = rng.weighted(&weights);
        let day = after(first, rng.below(549) as i64);
        let longest = kinds[k].2;
        // Most waits are short; one in five may run to the longest.
        let wait = if rng.chance(200) {
            rng.below(longest + 1)
        } else {
            rng.below(longest / 3 + 1)
        };
        let done = after(day, wait as i64);
        decided.push(day);
        completed.push((done <= as_of()).then_some(done));
        kind.push(kinds[k].0);
        unit.push(units[k][rng.index(units[k].len())].as_str());
        pvv.push(rng.chance(30));
        mov.push(rng.chance(20));
    }
    df!(
        "decided" => decided, "completed" => completed, "kind" => kind,
        "unit" => unit, "pvv" => pvv, "mov" => mov,
    )
    .unwrap()
}

/// Inpatient stays of 8 200 × `scale` patients from December 2023 on: 70 %
/// aged 65+, stays of 0–14 days, 8 % of the next stays a transfer (admitted
/// the day of discharge), 15 % within 30 days, 3 % ending in death.
fn stays(scale: usize) -> DataFrame {
    let patients = 8_200 * scale;
    let mut rng = Lcg(30);
    let places = kommuner(scale);
    let weights: Vec<u64> = places.iter().map(|k| k.1).collect();
    let (first, last) = (date(2023, 12, 1), date(2024, 12, 31));
    let (mut patient, mut admitted, mut discharged, mut age, mut acute, mut kind, mut kommun) = (
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    let mut sex = Vec::new();
    for p in 0..patients {
        let id = format!("p{p:07}");
        let years = if rng.chance(700) {
            rng.between(65, 99)
        } else {
            rng.between(18, 64)
        };
        let home = places[rng.weighted(&weights)].0.as_str();
        let woman = rng.chance(500);
        let mut day = after(first, rng.below(396) as i64);
        while day <= last {
            let out = after(day, rng.below(15) as i64);
            let died = rng.chance(30);
            patient.push(id.clone());
            admitted.push(day);
            discharged.push(Some(out));
            age.push(years);
            acute.push(rng.chance(800));
            kind.push(if died { "died" } else { "home" });
            kommun.push(home);
            sex.push(if woman { "K" } else { "M" });
            if died {
                break;
            }
            let gap = if rng.chance(80) {
                0
            } else if rng.chance(163) {
                rng.between(1, 30)
            } else {
                rng.between(31, 365)
            };
            day = after(out, gap);
        }
    }
    df!(
        "patient_id" => patient, "admitted" => admitted, "discharged" => discharged,
        "age" => age, "acute" => acute, "discharge_type" => kind,
        "kommun" => kommun, "sex" => sex,
    )
    .unwrap()
}

/// SIPs established in 2023 and 2024, 830 × `scale` a year: 30 % for
/// children, 15 % with a second row for a later status.
fn plans(scale: usize) -> DataFrame {
    let mut rng = Lcg(830);
    let places = kommuner(scale);
    let weights: Vec<u64> = places.iter().map(|k| k.1).collect();
    let (mut plan, mut established, mut birth, mut kommun, mut status) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut next = 0i64;
    for y in [2023, 2024] {
        for _ in 0..830 * scale {
            let day = after(date(y, 1, 1), rng.below(365) as i64);
            let years = if rng.chance(300) {
                rng.between(3, 17)
            } else {
                rng.between(18, 90)
            };
            let born = after(day, -(years * 365 + rng.between(0, 364)));
            let home = places[rng.weighted(&weights)].0.as_str();
            let rows = if rng.chance(150) { 2 } else { 1 };
            for r in 0..rows {
                plan.push(next);
                established.push(day);
                birth.push(born);
                kommun.push(home);
                status.push(if r == 0 { "Upprättad" } else { "Uppföljd" });
            }
            next += 1;
        }
    }
    df!(
        "plan_id" => plan, "established" => established, "birth_date" => birth,
        "kommun" => kommun, "status" => status,
    )
    .unwrap()
}

/// Deaths (about 1 200 × `scale` a year, 2015–2024; 2 % suicides) and the
/// population by year, kommun, sex and single year of age 0–100.
fn deaths_and_population(scale: usize) -> (DataFrame, DataFrame) {
    let mut rng = Lcg(1200);
    let places = kommuner(scale);
    let weights: Vec<u64> = places.iter().map(|k| k.1).collect();
    // Fewer people at each age from 65 on.
    let profile: Vec<f64> = (0..=100)
        .map(|a| {
            if a < 65 {
                1.0
            } else {
                (1.0 - f64::from(a - 65) / 36.0).max(0.02)
            }
        })
        .collect();
    let total: f64 = profile.iter().sum();
    let (mut y, mut k, mut s, mut a, mut n) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for year in 2015..=2024 {
        for (kommun, people) in &places {
            for sex in ["K", "M"] {
                for (age, share) in profile.iter().enumerate() {
                    let expected = *people as f64 / 2.0 * share / total;
                    let noise = 0.95 + rng.below(100) as f64 / 1_000.0;
                    y.push(year);
                    k.push(kommun.as_str());
                    s.push(sex);
                    a.push(age as i32);
                    n.push(((expected * noise).round() as i64).max(1));
                }
            }
        }
    }
    let population =
        df!("year" => y, "kommun" => k, "sex" => s, "age" => a, "population" => n).unwrap();
    let other = [
        "I21.9", "C34.9", "J44.9", "I63.9", "F03.9", "E11.9", "V89.2", "W19",
    ];
    let suicide = ["X70.9", "X60", "X80", "X84.9"];
    let (mut y, mut k, mut s, mut a, mut c) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for year in 2015..=2024 {
        for _ in 0..1_200 * scale {
            y.push(year);
            k.push(places[rng.weighted(&weights)].0.as_str());
            s.push(if rng.chance(500) { "K" } else { "M" });
            if rng.chance(20) {
                a.push(rng.between(15, 90) as i32);
                c.push(suicide[rng.index(suicide.len())]);
            } else {
                let age = if rng.chance(850) {
                    rng.between(60, 100)
                } else {
                    rng.between(0, 59)
                };
                a.push(age as i32);
                c.push(other[rng.index(other.len())]);
            }
        }
    }
    let deaths = df!("year" => y, "kommun" => k, "sex" => s, "age" => a, "cause" => c).unwrap();
    (deaths, population)
}

fn care(c: &mut Criterion) {
    let scales = common::env_list("INDIKATOR_BENCH_SCALE", &[1, 10]);

    let mut group = c.benchmark_group("waits");
    for &scale in &scales {
        let records = referrals(scale);
        common::size(&mut group, records.height());
        let completed = Waits::completed(year(2024))
            .by(["unit"])
            .per(PeriodKind::Month)
            .as_of(as_of());
        group.bench_with_input(id("completed", scale), &records, |b, r| {
            b.iter(|| black_box(completed.fulfilment(black_box(r)).unwrap()))
        });
        let waiting = Waits::waiting(year(2024)).by(["unit"]).as_of(as_of());
        group.bench_with_input(id("waiting", scale), &records, |b, r| {
            b.iter(|| black_box(waiting.fulfilment(black_box(r)).unwrap()))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("readmission");
    for &scale in &scales {
        let records = stays(scale);
        common::size(&mut group, records.height());
        let mut readmission = Readmission::new(year(2024)).by(["kommun"]);
        readmission.as_of = Some(as_of());
        group.bench_with_input(id("30 days 65+", scale), &records, |b, r| {
            b.iter(|| black_box(readmission.share(black_box(r)).unwrap()))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("sip");
    for &scale in &scales {
        let records = plans(scale);
        common::size(&mut group, records.height());
        let sip = Sip::new(year(2024)).by(["kommun"]).per(PeriodKind::Tertial);
        group.bench_with_input(id("counts", scale), &records, |b, r| {
            b.iter(|| black_box(sip.counts(black_box(r)).unwrap()))
        });
        group.bench_with_input(id("change", scale), &records, |b, r| {
            b.iter(|| black_box(sip.change(black_box(r)).unwrap()))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("mortality");
    for &scale in &scales {
        let (deaths, population) = deaths_and_population(scale);
        common::size(&mut group, deaths.height() + population.height());
        let suicide = Mortality::new(CauseSet::named("suicide").unwrap())
            .by(["kommun"])
            .window(5, true);
        group.bench_with_input(
            id("suicide crude 5-year rolling", scale),
            &(&deaths, &population),
            |b, (d, p)| b.iter(|| black_box(suicide.rates(black_box(*d), black_box(*p)).unwrap())),
        );
        let all = Mortality::new(CauseSet::ranges("all causes", &["A00-Y98"]).unwrap())
            .by(["kommun", "sex"])
            .standardised(StandardPopulation::by_name("esp2013").unwrap());
        group.bench_with_input(
            id("all causes esp2013", scale),
            &(&deaths, &population),
            |b, (d, p)| b.iter(|| black_box(all.rates(black_box(*d), black_box(*p)).unwrap())),
        );
    }
    group.finish();
}

criterion_group!(benches, care);
criterion_main!(benches);
