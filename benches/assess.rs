//! Assessing results over 1 000 and 100 000 rows (units):
//!
//! - `assess_table`, the rating of each row against a target: a threshold
//!   ("minst 90 %"), a three-colour range, and a significant increase
//!   against the previous period (reads both levels' limits and compares
//!   them with the previous period's);
//! - `Funnel`: the control limits (`limits`, 100 axis points; the
//!   Poisson ones by bisection) and each unit's `significance`, for
//!   proportions, indirectly standardised ratios and crude rates.
//!
//! The tables are generated (seeded, `benches/common`) before timing, in
//! the output schema of the statistics; 2 % of the rows are suppressed (no
//! value). The throughput is in rows.
//!
//! Run in release: `cargo bench --no-default-features --bench assess`
//! (`make bench` runs every bench). Other sizes:
//! `INDIKATOR_BENCH_ROWS=1000 cargo bench --no-default-features --bench assess`.
//! Quick check that it runs (each benchmark once, debug):
//! `cargo test --no-default-features --bench assess`.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use indikator::{assess_table, Direction, Funnel, FunnelStatistic, RateKind, RatioKind, Target};
use polars::prelude::*;

mod common;
use common::Lcg;

/// `rows` units: a percentage with 95 % and 99.8 % limits and last year's
/// value and limits (for the targets); events, expected events, population
/// and a crude rate (for the funnels).
fn units(rows: usize) -> DataFrame {
    let mut rng = Lcg(100);
    let mut unit = Vec::with_capacity(rows);
    let (mut numerator, mut denominator) = (Vec::new(), Vec::new());
    let (mut value, mut lower_95, mut upper_95, mut lower_99_8, mut upper_99_8) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut previous, mut previous_lower, mut previous_upper) =
        (Vec::new(), Vec::new(), Vec::new());
    let (mut status, mut suppressed) = (Vec::new(), Vec::new());
    let (mut observed, mut expected, mut population, mut rate) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for u in 0..rows {
        unit.push(format!("u{u:06}"));
        let n = rng.between(20, 2_000) as f64;
        let x = (n * (0.75 + rng.below(250) as f64 / 1_000.0)).round();
        let p = x / n * 100.0;
        let half = 196.0 * (p / 100.0 * (1.0 - p / 100.0) / n).sqrt();
        let masked = rng.chance(20);
        numerator.push(x);
        denominator.push(n);
        value.push((!masked).then_some(p));
        lower_95.push((!masked).then_some((p - half).max(0.0)));
        upper_95.push((!masked).then_some((p + half).min(100.0)));
        lower_99_8.push((!masked).then_some((p - 1.6 * half).max(0.0)));
        upper_99_8.push((!masked).then_some((p + 1.6 * half).min(100.0)));
        let before = p + (rng.below(1_000) as f64 - 500.0) / 100.0;
        previous.push(before);
        previous_lower.push((before - half).max(0.0));
        previous_upper.push((before + half).min(100.0));
        status.push(if masked { "suppressed" } else { "ok" });
        suppressed.push(if masked { "primary" } else { "none" });
        let e = 5.0 + rng.below(200_000) as f64 / 1_000.0;
        let o = (e * (0.7 + rng.below(600) as f64 / 1_000.0)).round();
        observed.push(o);
        expected.push(e);
        let people = rng.between(2_000, 80_000) as f64;
        population.push(people);
        rate.push(o / people * 100_000.0);
    }
    df!(
        "unit" => unit, "numerator" => numerator, "denominator" => denominator,
        "value" => value, "lower_95" => lower_95, "upper_95" => upper_95,
        "lower_99_8" => lower_99_8, "upper_99_8" => upper_99_8,
        "previous_value" => previous, "previous_lower" => previous_lower,
        "previous_upper" => previous_upper, "status" => status, "suppressed" => suppressed,
        "observed" => observed, "expected" => expected, "population" => population,
        "rate" => rate,
    )
    .unwrap()
}

fn assess(c: &mut Criterion) {
    let sizes = common::env_list("INDIKATOR_BENCH_ROWS", &[1_000, 100_000]);
    let tables: Vec<(usize, DataFrame)> = sizes.iter().map(|&r| (r, units(r))).collect();

    let targets = [
        ("threshold", Target::at_least(90.0).unit("%")),
        (
            "range",
            Target::Range {
                green: 90.0,
                yellow: 80.0,
                unit: "%".into(),
            },
        ),
        (
            "significant increase",
            Target::Direction {
                direction: Direction::Increase,
                equal_meets: false,
                significant: true,
            },
        ),
    ];
    let mut group = c.benchmark_group("assess_table");
    for (rows, table) in &tables {
        common::size(&mut group, *rows);
        for (name, target) in &targets {
            group.bench_with_input(BenchmarkId::new(*name, rows), table, |b, t| {
                b.iter(|| black_box(assess_table(black_box(t), target).unwrap()))
            });
        }
    }
    group.finish();

    let funnels = [
        (
            "proportion",
            Funnel::new(
                FunnelStatistic::Proportion { multiplier: 100.0 },
                "numerator",
                Some("denominator"),
                None,
            ),
        ),
        (
            "isr",
            Funnel::new(
                FunnelStatistic::Ratio {
                    kind: RatioKind::Isr,
                },
                "observed",
                Some("expected"),
                None,
            ),
        ),
        (
            "crude rate",
            Funnel::new(
                FunnelStatistic::Rate {
                    kind: RateKind::Crude,
                    multiplier: 100_000.0,
                    years: 1.0,
                },
                "observed",
                Some("population"),
                Some("rate"),
            ),
        ),
    ];
    let mut group = c.benchmark_group("funnel");
    for (rows, table) in &tables {
        common::size(&mut group, *rows);
        for (name, funnel) in &funnels {
            group.bench_with_input(
                BenchmarkId::new(format!("{name} limits"), rows),
                table,
                |b, t| b.iter(|| black_box(funnel.limits(black_box(t)).unwrap())),
            );
            group.bench_with_input(
                BenchmarkId::new(format!("{name} significance"), rows),
                table,
                |b, t| b.iter(|| black_box(funnel.significance(black_box(t)).unwrap())),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, assess);
criterion_main!(benches);
