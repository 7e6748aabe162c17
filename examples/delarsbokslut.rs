//! What a Rust batch job does with indikator: the shipped catalogue run on a
//! data directory for the delårsbokslut (January–August), the report
//! written, and the job's exit telling whether every indicator computed.
//!
//! ```text
//! cargo run --example delarsbokslut --features report -- [out-dir] [period] [data-dir]
//! ```
//!
//! Without a data directory it writes the region's synthetic data first
//! (labelled synthetic in every output), into `out-dir/synthetic-data`. It uses only the public API, and
//! polars through indikator's re-export.

use std::path::PathBuf;
use std::process::ExitCode;

use indikator::polars::prelude::*;
use indikator::{run_catalog, write_report, Catalog, Period, RunOptions};

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("delårsbokslut: {e}");
            ExitCode::from(2)
        }
    }
}

/// Whether every indicator computed.
fn run() -> indikator::Result<bool> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "target/delarsbokslut".into()));
    let period: Period = args.next().as_deref().unwrap_or("2024-delar").parse()?;
    let data = args.next().map(PathBuf::from);

    let data = match data {
        Some(dir) => dir,
        None => {
            let dir = out.join("synthetic-data");
            indikator::demo::write(&dir, indikator::demo::DEFAULT_SEED, 1.0)?;
            dir
        }
    };
    let report = run_catalog(&Catalog::shipped()?, &data, &RunOptions::new(period))?;
    for written in write_report(&report, &out)? {
        println!("{}", written.display());
    }
    // The headline of each indicator: the whole region in the report period.
    let headline = report
        .long
        .clone()
        .lazy()
        .filter(col("series").eq(lit("period")))
        .select([col("indicator_id"), col("value"), col("rating")])
        .collect()?;
    println!("{headline}");
    let mut all = true;
    for indicator in &report.indicators {
        if let Some(error) = &indicator.error {
            eprintln!("{} not computed: {error}", indicator.id);
            all = false;
        }
    }
    Ok(all)
}
