//! The main job: the catalogue, the report run on the synthetic data of the
//! region, its outputs and the command line.
#![cfg(feature = "report")]

mod bad_inputs;
mod catalog;
#[cfg(feature = "cli")]
mod cli;
mod demo_publishing;
mod demo_run;
mod drugs;
mod followup;
mod reported_file;
