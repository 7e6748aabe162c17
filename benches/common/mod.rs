//! What the benches share: the deterministic generator of their data, the
//! sizes read from the environment, the region's kommuner and the sampling
//! of big inputs. Each bench file includes it with `mod common;` and uses
//! only part of it.
#![allow(dead_code)]

use std::time::Duration;

use chrono::NaiveDate;
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, SamplingMode, Throughput};

/// A small deterministic generator (64-bit LCG), so every run sees the same data.
pub struct Lcg(pub u64);

impl Lcg {
    /// A whole number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }

    /// An index into a slice of `n` items.
    pub fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// True with probability `per_mille` / 1000.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// A whole number in `lo..=hi`.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// An index drawn with the given weights (a cumulative search).
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut at = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            if at < *w {
                return i;
            }
            at -= w;
        }
        weights.len() - 1
    }
}

/// A whole number from the environment variable `name`, or `default` when unset.
///
/// # Panics
/// A value that is not a whole number (a typo should not run the default size).
pub fn env_usize(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?}: expected a whole number")),
        Err(_) => default,
    }
}

/// A comma-separated list of whole numbers from the environment variable
/// `name` (`INDIKATOR_BENCH_SCALE=1,10`), or `default` when unset.
///
/// # Panics
/// A value that is not such a list.
pub fn env_list(name: &str, default: &[usize]) -> Vec<usize> {
    match std::env::var(name) {
        Ok(v) => {
            let list: Vec<usize> = v
                .split(',')
                .map(|s| {
                    s.trim().parse().unwrap_or_else(|_| {
                        panic!("{name}={v:?}: expected whole numbers separated by commas")
                    })
                })
                .collect();
            assert!(!list.is_empty(), "{name} is empty");
            list
        }
        Err(_) => default.to_vec(),
    }
}

/// A date.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// The day `days` after `from`.
pub fn after(from: NaiveDate, days: i64) -> NaiveDate {
    from + chrono::Duration::days(days)
}

/// The region's kommuner and their populations (about 132 000 people).
pub const KOMMUNER: [(&str, u64); 8] = [
    ("Berg", 7_000),
    ("Bräcke", 6_300),
    ("Härjedalen", 10_000),
    ("Krokom", 15_400),
    ("Ragunda", 5_400),
    ("Strömsund", 11_500),
    ("Åre", 11_900),
    ("Östersund", 64_500),
];

/// The kommuner of a region `scale` times the size of this one: the eight,
/// then copies of them ("Åre 2", "Åre 3", …), with their populations.
pub fn kommuner(scale: usize) -> Vec<(String, u64)> {
    (0..scale.max(1))
        .flat_map(|copy| {
            KOMMUNER.iter().map(move |(name, people)| {
                let name = if copy == 0 {
                    name.to_string()
                } else {
                    format!("{name} {}", copy + 1)
                };
                (name, *people)
            })
        })
        .collect()
}

/// The 19 age bands of the European Standard Population 2013.
pub const ESP2013_BANDS: [&str; 19] = [
    "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
    "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+",
];

/// Inputs of this many rows or more are "big": 10 samples, flat sampling.
pub const BIG: usize = 100_000;

/// Set a group up for the next benchmarks over `rows` input rows: their
/// throughput, a 1 s warm-up and 2 s of measurement (50 samples), and for
/// big inputs 10 samples of flat sampling, so that the whole `cargo bench`
/// stays within about ten minutes on two cores.
pub fn size(group: &mut BenchmarkGroup<'_, WallTime>, rows: usize) {
    group.throughput(Throughput::Elements(rows as u64));
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(2));
    if rows >= BIG {
        group.sample_size(10);
        group.sampling_mode(SamplingMode::Flat);
    } else {
        group.sample_size(50);
        group.sampling_mode(SamplingMode::Auto);
    }
}
