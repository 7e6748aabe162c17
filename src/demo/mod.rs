//! The embedded synthetic data of Region Jämtland Härjedalen: seeded,
//! deterministic, labelled synthetic.
//!
//! The kommuner and hälsocentraler are real names; the people and their
//! records are invented.

mod columns;
mod dates;
mod population;
mod region;
mod rng;

pub use region::{kommun_name, Kommun, KOMMUNER};

/// The seed of the published demo data.
pub const DEFAULT_SEED: u64 = 2024;

/// The label every synthetic data set carries, in Swedish and English.
pub const SYNTHETIC_NOTE: &str = "SYNTETISKA DATA — påhittade uppgifter för demonstration, \
inte verkliga personer eller verkliga utfall. / Synthetic data — invented records for \
demonstration, not real people or real outcomes.";
