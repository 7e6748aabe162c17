//! Behaviour beyond the golden tables: bad inputs and their messages,
//! pooling, and properties that must hold for any input.

#[path = "../common/mod.rs"]
mod common;

mod assess;
mod care_properties;
mod chaining;
mod continuity;
mod cross_language;
mod differences;
mod disclosure;
mod errors;
mod inequality;
mod life_expectancy;
mod mortality;
mod pooling;
mod properties;
mod readmission;
mod sip;
mod targets;
mod waits;
mod waits_summaries;
