//! Small-number suppression (`Suppression::apply`) over a table by kommun ×
//! sex × age band of about 10 000 and 100 000 cells, with totals in all
//! three keys (a region row per sex and band, "Totalt" for sex and for age
//! band, each the sum of its members): the primary rule alone, and primary
//! plus secondary suppression along the three margins.
//!
//! Each kommun has 3 × 20 cells (kvinnor, män, Totalt × the 19 ESP2013
//! bands and Totalt), so the tables have 167 and 1 667 kommun rows (the
//! region included): 10 020 and 100 020 cells. About a quarter of the
//! kommun-level cells hold 1–4 events. The data are generated (seeded,
//! `benches/common`) before timing; the throughput is in cells.
//!
//! Run in release: `cargo bench --no-default-features --bench disclosure`
//! (`make bench` runs every bench). Other sizes:
//! `INDIKATOR_BENCH_CELLS=10000 cargo bench --no-default-features --bench disclosure`.
//! Quick check that it runs (each benchmark once, debug):
//! `cargo test --no-default-features --bench disclosure`.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use indikator::{Margin, Suppression};
use polars::prelude::*;

mod common;
use common::{Lcg, ESP2013_BANDS};

const REGION: &str = "Region";
const TOTAL: &str = "Totalt";
const SEXES: [&str; 3] = ["kvinnor", "män", TOTAL];

/// About `cells` cells: kommuner × 3 sexes × 20 bands, totals included.
fn table(cells: usize) -> DataFrame {
    let places = (cells as f64 / 60.0).round().max(2.0) as usize;
    let kommuner = places - 1;
    let bands = ESP2013_BANDS.len();
    let mut rng = Lcg(5);
    // Sums over the extended grid: index `kommuner`, 2 and `bands` are the totals.
    let at = |k: usize, s: usize, b: usize| (k * 3 + s) * (bands + 1) + b;
    let mut numerator = vec![0i64; places * 3 * (bands + 1)];
    let mut denominator = vec![0i64; numerator.len()];
    for k in 0..kommuner {
        for s in 0..2 {
            for b in 0..bands {
                let x = match rng.below(100) {
                    0..=19 => 0,
                    20..=44 => rng.between(1, 4),
                    _ => rng.between(5, 60),
                };
                let n = rng.between(50, 3_000);
                for kk in [k, kommuner] {
                    for ss in [s, 2] {
                        for bb in [b, bands] {
                            numerator[at(kk, ss, bb)] += x;
                            denominator[at(kk, ss, bb)] += n;
                        }
                    }
                }
            }
        }
    }
    let names: Vec<String> = (0..kommuner)
        .map(|k| format!("K{k:04}"))
        .chain(std::iter::once(REGION.to_string()))
        .collect();
    let band_labels: Vec<&str> = ESP2013_BANDS.iter().copied().chain([TOTAL]).collect();
    let (mut kommun, mut sex, mut band) = (Vec::new(), Vec::new(), Vec::new());
    for name in &names {
        for s in SEXES {
            for b in &band_labels {
                kommun.push(name.as_str());
                sex.push(s);
                band.push(*b);
            }
        }
    }
    let value: Vec<f64> = numerator
        .iter()
        .zip(&denominator)
        .map(|(x, n)| *x as f64 / *n as f64 * 1_000.0)
        .collect();
    let lower: Vec<f64> = value.iter().map(|v| v * 0.8).collect();
    let upper: Vec<f64> = value.iter().map(|v| v * 1.25).collect();
    df!(
        "kommun" => kommun, "sex" => sex, "age_band" => band,
        "numerator" => numerator, "denominator" => denominator,
        "value" => value, "lower" => lower, "upper" => upper,
    )
    .unwrap()
}

fn margin(column: &str, total: &str) -> Margin {
    Margin {
        column: column.into(),
        total: total.into(),
    }
}

fn disclosure(c: &mut Criterion) {
    let sizes = common::env_list("INDIKATOR_BENCH_CELLS", &[10_000, 100_000]);
    let primary = Suppression::new();
    let secondary = Suppression::new()
        .margin(margin("kommun", REGION))
        .margin(margin("sex", TOTAL))
        .margin(margin("age_band", TOTAL))
        .keys(["kommun", "sex", "age_band"]);
    let mut group = c.benchmark_group("suppression");
    for cells in sizes {
        let t = table(cells);
        common::size(&mut group, t.height());
        group.bench_with_input(BenchmarkId::new("primary", cells), &t, |b, t| {
            b.iter(|| black_box(primary.apply(black_box(t)).unwrap()))
        });
        group.bench_with_input(
            BenchmarkId::new("primary + secondary", cells),
            &t,
            |b, t| b.iter(|| black_box(secondary.apply(black_box(t)).unwrap())),
        );
    }
    group.finish();
}

criterion_group!(benches, disclosure);
criterion_main!(benches);
