//! Small-number suppression (`Suppression::apply`).
//!
//! - `suppression/primary`: the primary rule alone over a table by kommun ×
//!   sex × age band of about 10 000 and 100 000 cells (each kommun 3 × 20
//!   cells: kvinnor, män, Totalt × the 19 ESP2013 bands and Totalt; 167 and
//!   1 667 kommun rows, the region included). About a quarter of the
//!   kommun-level cells hold 1–4 events.
//! - `audited/…`: protection until the audit passes (every table with
//!   totals): the report's shape at the region's size (its 8 kommuner: a
//!   table by kommun and one by sex, each with the region's total, and the
//!   region alone, suppressed together), the same with the kommun × sex
//!   cross table published beside them, and a 100 × 20 table with row,
//!   column and grand totals; `audit/100 × 20` is the audit of that
//!   table's protected output alone. Counts there: a third 0, two fifths 1–4.
//!
//! The data are generated (seeded, `benches/common`) before timing; the
//! throughput is in cells.
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

/// A `rows` × `cols` grid of counts (a third 0, two fifths 1–4) with row,
/// column and grand totals (`T`), as a long table `r`, `c`, `numerator`.
fn grid(rows: usize, cols: usize, seed: u64) -> DataFrame {
    let mut rng = Lcg(seed);
    let cells: Vec<Vec<i64>> = (0..rows)
        .map(|_| {
            (0..cols)
                .map(|_| match rng.below(10) {
                    0..=2 => 0,
                    3..=6 => rng.between(1, 4),
                    _ => rng.between(5, 40),
                })
                .collect()
        })
        .collect();
    let (mut r, mut c, mut x) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..=rows {
        for j in 0..=cols {
            r.push(if i == rows {
                "T".to_string()
            } else {
                format!("r{i:03}")
            });
            c.push(if j == cols {
                "T".to_string()
            } else {
                format!("c{j:02}")
            });
            x.push(match (i == rows, j == cols) {
                (false, false) => cells[i][j],
                (false, true) => cells[i].iter().sum(),
                (true, false) => cells.iter().map(|row| row[j]).sum(),
                (true, true) => cells.iter().flatten().sum(),
            });
        }
    }
    df!("r" => r, "c" => c, "numerator" => x).unwrap()
}

/// The report's tables for one indicator at the region's size: by kommun
/// and by sex, each with the region's total (`Hela regionen`), the region
/// alone, and (with `cross`) the kommun × sex table too.
fn report_tables(cross: bool) -> Vec<DataFrame> {
    let g = grid(common::KOMMUNER.len(), 2, 11);
    let region = "Hela regionen";
    let named = g
        .lazy()
        .with_columns([
            when(col("r").eq(lit("T")))
                .then(lit(region))
                .otherwise(col("r"))
                .alias("kommun"),
            when(col("c").eq(lit("T")))
                .then(lit(region))
                .otherwise(col("c"))
                .alias("sex"),
        ])
        .select([col("kommun"), col("sex"), col("numerator")]);
    let by = |key: &str, other: &str| {
        named
            .clone()
            .filter(col(other).eq(lit(region)))
            .select([col(key), col("numerator")])
            .collect()
            .unwrap()
    };
    let mut tables = vec![
        by("kommun", "sex")
            .lazy()
            .filter(col("kommun").eq(lit(region)))
            .select([col("numerator")])
            .collect()
            .unwrap(),
        by("kommun", "sex"),
        by("sex", "kommun"),
    ];
    if cross {
        tables.push(named.collect().unwrap());
    }
    tables
}

fn disclosure(c: &mut Criterion) {
    let sizes = common::env_list("INDIKATOR_BENCH_CELLS", &[10_000, 100_000]);
    let primary = Suppression::new();
    let mut group = c.benchmark_group("suppression");
    for cells in sizes {
        let t = table(cells);
        common::size(&mut group, t.height());
        group.bench_with_input(BenchmarkId::new("primary", cells), &t, |b, t| {
            b.iter(|| black_box(primary.apply(black_box(t)).unwrap()))
        });
    }
    group.finish();

    let region = "Hela regionen";
    let report = Suppression::new()
        .margin(margin("kommun", region))
        .margin(margin("sex", region));
    let two_way = Suppression::new()
        .margin(margin("r", "T"))
        .margin(margin("c", "T"));
    let mut group = c.benchmark_group("audited");
    for (name, tables) in [
        ("report: kommun, sex, region", report_tables(false)),
        ("report: with kommun × sex", report_tables(true)),
    ] {
        let cells: usize = tables.iter().map(DataFrame::height).sum();
        group.throughput(criterion::Throughput::Elements(cells as u64));
        group.bench_with_input(BenchmarkId::new(name, cells), &tables, |b, t| {
            b.iter(|| black_box(report.apply_together(black_box(t)).unwrap()))
        });
    }
    let big = grid(100, 20, 7);
    common::size(&mut group, big.height());
    group.bench_with_input(BenchmarkId::new("100 × 20", big.height()), &big, |b, t| {
        b.iter(|| black_box(two_way.apply(black_box(t)).unwrap()))
    });
    let protected = two_way.apply(&big).unwrap();
    group.bench_with_input(
        BenchmarkId::new("audit of 100 × 20", big.height()),
        &protected,
        |b, t| b.iter(|| black_box(two_way.audit(black_box(t)).unwrap())),
    );
    group.finish();
}

criterion_group!(benches, disclosure);
criterion_main!(benches);
