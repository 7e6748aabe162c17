//! Conformance with PHEindicatormethods 2.1.0: every golden table on rates,
//! proportions, means, Byar/Wilson, DSR and ISR, life expectancy, SII and quantiles, read from
//! `tests/data/conformance/phe/` (the project's copy) and reproduced to 1e-9 relative.

#[path = "../common/mod.rs"]
mod common;

mod byar_wilson;
mod dsr;
mod funnel;
mod isr;
mod life_expectancy;
mod mean;
mod proportion;
mod quantiles;
mod rate;
mod sii;
