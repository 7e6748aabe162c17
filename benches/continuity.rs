//! Continuity of care at national scale: 1 000 000 patients and 10 000 000
//! visits (generated, seeded), beside a plain polars `group_by` over the same
//! visits, so the cost of the eligibility rules and the indices is visible.
//!
//! Run in release: `make bench` (or `cargo bench --bench continuity`).
//! Smaller runs: `INDIKATOR_BENCH_PATIENTS=100000 cargo bench --bench continuity`.
//! Quick check that it runs (each benchmark once, debug):
//! `INDIKATOR_BENCH_PATIENTS=10000 cargo test --no-default-features --bench continuity`.
//! The data come from the shared generator in `benches/common`.

use chrono::NaiveDate;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use indikator::Continuity;
use polars::prelude::*;

mod common;
use common::Lcg;

/// Visits (about 10 per patient) over 18 months at 30 units with 8 clinicians
/// each, 70 % by doctors, and one open listing per patient.
fn generate(patients: usize) -> (DataFrame, DataFrame) {
    let mut rng = Lcg(2024);
    let first = NaiveDate::from_ymd_opt(2023, 3, 1).unwrap();
    let units: Vec<String> = (0..30).map(|u| format!("HC {u:02}")).collect();
    let clinicians: Vec<String> = (0..240).map(|c| format!("L{c:03}")).collect();
    let ids: Vec<String> = (0..patients).map(|p| format!("p{p:07}")).collect();
    let (mut patient, mut clinician, mut profession, mut unit, mut date) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut listed_unit = Vec::with_capacity(patients);
    for id in &ids {
        let home = rng.below(30) as usize;
        listed_unit.push(units[home].as_str());
        let visits = 2 + rng.below(17);
        let usual = rng.below(8) as usize;
        for _ in 0..visits {
            let at = if rng.below(10) == 0 {
                rng.below(30) as usize
            } else {
                home
            };
            let who = if rng.below(2) == 0 {
                usual
            } else {
                rng.below(8) as usize
            };
            patient.push(id.as_str());
            clinician.push(clinicians[at * 8 + who].as_str());
            profession.push(if rng.below(10) < 7 {
                "läkare"
            } else {
                "sjuksköterska"
            });
            unit.push(units[at].as_str());
            date.push(first + chrono::Duration::days(rng.below(549) as i64));
        }
    }
    let visits = df!(
        "patient_id" => patient, "clinician_id" => clinician, "profession" => profession,
        "unit" => unit, "date" => date,
    )
    .unwrap();
    let listings = df!(
        "patient_id" => ids.iter().map(String::as_str).collect::<Vec<_>>(),
        "unit" => listed_unit,
        "listed_from" => vec![NaiveDate::from_ymd_opt(2015, 1, 1).unwrap(); patients],
        "listed_to" => vec![None::<NaiveDate>; patients],
    )
    .unwrap();
    (visits, listings)
}

fn continuity(c: &mut Criterion) {
    let patients = common::env_usize("INDIKATOR_BENCH_PATIENTS", 1_000_000);
    let (visits, listings) = generate(patients);
    let mut group = c.benchmark_group(format!(
        "continuity {patients} patients, {} visits",
        visits.height()
    ));
    common::size(&mut group, visits.height());
    group.sample_size(10);
    let options = Continuity::new(NaiveDate::from_ymd_opt(2024, 8, 31).unwrap());
    group.bench_function("indikator: eligibility + five indices per patient", |b| {
        b.iter(|| black_box(options.patients(&visits, &listings).unwrap()))
    });
    group.bench_function("polars: group_by patient, n_unique clinician + len", |b| {
        b.iter(|| {
            black_box(&visits)
                .clone()
                .lazy()
                .group_by([col("patient_id")])
                .agg([col("clinician_id").n_unique(), len()])
                .collect()
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, continuity);
criterion_main!(benches);
