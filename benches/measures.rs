//! The frame-level statistics over 10, 1 000 and 100 000 groups: count (of
//! rows and of a column), crude rate, proportion, mean, the directly
//! standardised rate over the 19 bands of ESP2013, and the indirectly
//! standardised ratio and rate against a reference of the same bands.
//! A benchmark group per statistic, the number of groups as the parameter,
//! the throughput in input rows.
//!
//! The data are generated (seeded, `benches/common`) before timing: 10 rows
//! per group for the plain statistics (1 000 000 rows at 100 000 groups),
//! one row per group and age band for DSR and ISR (1 900 000 rows), in an
//! order that interleaves the groups.
//!
//! Run in release: `cargo bench --no-default-features --bench measures`
//! (`make bench` runs every bench). Other numbers of groups:
//! `INDIKATOR_BENCH_GROUPS=10,1000 cargo bench --no-default-features --bench measures`.
//! Quick check that it runs (each benchmark once, debug):
//! `cargo test --no-default-features --bench measures`.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use indikator::{Count, Dsr, Isr, Mean, Proportion, Rate, Reference, StandardPopulation};
use polars::prelude::*;

mod common;
use common::{Lcg, ESP2013_BANDS};

/// A statistic with its options, computed over a frame.
type Compute = dyn Fn(LazyFrame) -> DataFrame;

/// Rows per group of the plain statistics.
const ROWS_PER_GROUP: usize = 10;

/// The group label of group `g`.
fn label(g: usize) -> String {
    format!("u{g:06}")
}

/// `groups × 10` rows, row `i` in group `i % groups`: `events` (0–49) of a
/// `population` (1 000–20 999), `within` of `assessed` (a share) and a
/// `score` (a mean).
fn plain(groups: usize) -> DataFrame {
    let rows = groups * ROWS_PER_GROUP;
    let mut rng = Lcg(2013);
    let labels: Vec<String> = (0..groups).map(label).collect();
    let (mut unit, mut events, mut population, mut within, mut assessed, mut score) = (
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
    );
    for i in 0..rows {
        unit.push(labels[i % groups].as_str());
        events.push(rng.below(50) as i64);
        population.push(1_000 + rng.below(20_000) as i64);
        let n = 1 + rng.below(200) as i64;
        assessed.push(n);
        within.push(rng.between(0, n));
        score.push(1.0 + rng.below(4_000) as f64 / 1_000.0);
    }
    df!(
        "unit" => unit, "events" => events, "population" => population,
        "within" => within, "assessed" => assessed, "score" => score,
    )
    .unwrap()
}

/// `groups × 19` rows: each group's `deaths` (0–19) and `population`
/// (200–5 199) in every ESP2013 band, band by band.
fn banded(groups: usize) -> DataFrame {
    let rows = groups * ESP2013_BANDS.len();
    let mut rng = Lcg(1976);
    let labels: Vec<String> = (0..groups).map(label).collect();
    let (mut unit, mut band, mut deaths, mut population) = (
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
    );
    for b in ESP2013_BANDS {
        for l in &labels {
            unit.push(l.as_str());
            band.push(b);
            deaths.push(rng.below(20) as i64);
            population.push(200 + rng.below(5_000) as i64);
        }
    }
    df!("unit" => unit, "age_band" => band, "deaths" => deaths, "population" => population).unwrap()
}

/// A reference population (riket) over the ESP2013 bands: rates rising with age.
fn riket() -> Reference {
    let bands = ESP2013_BANDS
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let population = 550_000.0 - 20_000.0 * i as f64;
            let rate = 0.0002 * 1.45f64.powi(i as i32);
            (b.to_string(), (population * rate).round(), population)
        })
        .collect();
    Reference::new(bands).unwrap()
}

fn measures(c: &mut Criterion) {
    let sizes = common::env_list("INDIKATOR_BENCH_GROUPS", &[10, 1_000, 100_000]);

    // Count, rate, proportion, mean: one frame per size.
    let frames: Vec<(usize, DataFrame)> = sizes.iter().map(|&g| (g, plain(g))).collect();
    let plain_statistics: [(&str, &str, &Compute); 5] = [
        ("count", "rows", &|lf| {
            Count::rows().by(["unit"]).compute(lf).unwrap()
        }),
        ("count", "of column", &|lf| {
            Count::of("events").by(["unit"]).compute(lf).unwrap()
        }),
        ("rate", "per 100 000", &|lf| {
            Rate::new("events", "population")
                .by(["unit"])
                .compute(lf)
                .unwrap()
        }),
        ("proportion", "percentage", &|lf| {
            Proportion::new("within", "assessed")
                .percentage()
                .by(["unit"])
                .compute(lf)
                .unwrap()
        }),
        ("mean", "t limits", &|lf| {
            Mean::new("score").by(["unit"]).compute(lf).unwrap()
        }),
    ];
    let mut names: Vec<&str> = plain_statistics.iter().map(|s| s.0).collect();
    names.dedup();
    for name in names {
        let mut group = c.benchmark_group(name);
        for (groups, frame) in &frames {
            common::size(&mut group, frame.height());
            for (_, variant, compute) in plain_statistics.iter().filter(|s| s.0 == name) {
                group.bench_with_input(BenchmarkId::new(*variant, groups), frame, |b, frame| {
                    b.iter(|| black_box(compute(black_box(frame).clone().lazy())))
                });
            }
        }
        group.finish();
    }
    drop(frames);

    // DSR and ISR: one row per group and band.
    let frames: Vec<(usize, DataFrame)> = sizes.iter().map(|&g| (g, banded(g))).collect();
    let esp = StandardPopulation::by_name("esp2013").unwrap();
    let dsr = Dsr::new("deaths", "population", "age_band", esp).by(["unit"]);
    let mut group = c.benchmark_group("dsr");
    for (groups, frame) in &frames {
        common::size(&mut group, frame.height());
        group.bench_with_input(BenchmarkId::new("esp2013", groups), frame, |b, frame| {
            b.iter(|| black_box(dsr.compute(black_box(frame).clone().lazy()).unwrap()))
        });
    }
    group.finish();

    let ratio = Isr::ratio("deaths", "population", "age_band", riket()).by(["unit"]);
    let rate = Isr::rate("deaths", "population", "age_band", riket()).by(["unit"]);
    let mut group = c.benchmark_group("isr");
    for (groups, frame) in &frames {
        common::size(&mut group, frame.height());
        for (variant, isr) in [("ratio", &ratio), ("rate", &rate)] {
            group.bench_with_input(BenchmarkId::new(variant, groups), frame, |b, frame| {
                b.iter(|| black_box(isr.compute(black_box(frame).clone().lazy()).unwrap()))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, measures);
criterion_main!(benches);
