//! The `indikator` command: `report`, `template`, `demo-data` and `check`.
//! One implementation, called by the Rust binary and by the Python
//! package's console script.
//!
//! Exit codes: 0 everything computed; 1 the report was written but some
//! indicators failed (each is listed with its error); 2 wrong usage; 3 the
//! catalogue is invalid or does not fit the data; 4 data, benchmark,
//! reported or output files could not be read or written, or a strict run
//! failed.
//!
//! `indikator check` on the shipped catalogue, from Rust:
//!
//! ```
//! use indikator::cli::main_with_args;
//! let dir = std::env::temp_dir().join("indikator-cli");
//! std::fs::create_dir_all(&dir)?;
//! let file = dir.join("region-jh.toml");
//! std::fs::write(&file, indikator::SHIPPED_CATALOG)?;
//! let file = file.display().to_string();
//! assert_eq!(main_with_args(["indikator", "check", &file]), 0);
//! std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::catalog::Catalog;
use crate::error::Error;
use crate::period::Period;
use crate::report::fixed_number;
use crate::report::{
    check_catalog, run_catalog, write_report, write_template, Counted, Report, RunOptions,
};

/// Exit code: the report was written, but some indicators failed.
///
/// A catalogue whose SIP table is missing from the data directory: the
/// report is written with the indicator's error.
///
/// ```
/// use indikator::cli::{main_with_args, EXIT_FAILED_INDICATORS};
/// let dir = std::env::temp_dir().join("indikator-EXIT_FAILED_INDICATORS");
/// std::fs::create_dir_all(dir.join("data"))?;
/// std::fs::write(dir.join("katalog.toml"), r#"
/// [catalog]
/// id = "sip"
/// version = "1"
/// title = "SIP"
/// region = "Region Jämtland Härjedalen"
///
/// [[indicator]]
/// id = "sip-barn"
/// name_sv = "Upprättade SIP, barn och unga"
/// name_en = "Coordinated individual plans, children"
/// perspective = "Samhälle"
/// responsible = "Hälso- och sjukvårdsnämnden"
/// source = "Cosmic LINK"
/// statistic = { family = "sip", group = "children" }
/// "#)?;
/// let path = |name: &str| dir.join(name).display().to_string();
/// let code = main_with_args([
///     "indikator", "report", "--catalog", &path("katalog.toml"), "--data", &path("data"),
///     "--period", "2024-delar", "--out", &path("rapport"),
/// ]);
/// assert_eq!(code, EXIT_FAILED_INDICATORS);
/// assert!(dir.join("rapport").join("rapport.html").exists());
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const EXIT_FAILED_INDICATORS: i32 = 1;
/// Exit code: wrong usage.
///
/// ```
/// use indikator::cli::{main_with_args, EXIT_USAGE};
/// // No such command (it is `report`):
/// assert_eq!(main_with_args(["indikator", "rapport", "--period", "2024-delar"]), EXIT_USAGE);
/// // A report needs its period:
/// assert_eq!(main_with_args(["indikator", "report"]), EXIT_USAGE);
/// ```
pub const EXIT_USAGE: i32 = 2;
/// Exit code: the catalogue is invalid or does not fit the data.
///
/// `indikator check` on a catalogue whose header misspells `title`:
///
/// ```
/// use indikator::cli::{main_with_args, EXIT_CATALOG};
/// let dir = std::env::temp_dir().join("indikator-EXIT_CATALOG");
/// std::fs::create_dir_all(&dir)?;
/// let file = dir.join("katalog.toml");
/// std::fs::write(&file, "[catalog]\nid = \"x\"\nversion = \"1\"\ntitel = \"X\"\nregion = \"Region Jämtland Härjedalen\"\n")?;
/// let file = file.display().to_string();
/// assert_eq!(main_with_args(["indikator", "check", &file]), EXIT_CATALOG);
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const EXIT_CATALOG: i32 = 3;
/// Exit code: files could not be read or written, or a strict run failed.
///
/// ```
/// use indikator::cli::{main_with_args, EXIT_DATA};
/// let missing = std::env::temp_dir().join("indikator-EXIT_DATA").join("saknas.toml");
/// let missing = missing.display().to_string();
/// assert_eq!(main_with_args(["indikator", "check", &missing]), EXIT_DATA);
/// ```
pub const EXIT_DATA: i32 = 4;

#[derive(Parser, Debug)]
#[command(
    name = "indikator",
    version,
    about = "Hälso- och sjukvårdsindikatorer för Region Jämtland Härjedalen: rapport, rapporteringsmall, syntetiska data, kontroll av katalog"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Compute every indicator of a catalogue for a period and write the
    /// report (HTML, XLSX, Parquet, CSV).
    Report {
        /// The catalogue (TOML); default: the region's shipped catalogue.
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// The data directory; default: the embedded synthetic data of the
        /// region, written to OUT/data.
        #[arg(long)]
        data: Option<PathBuf>,
        /// The report period: "2024-delar", "jan–aug 2024", "2024", "2024-T2"…
        #[arg(long)]
        period: String,
        /// The output directory.
        #[arg(long, default_value = "rapport")]
        out: PathBuf,
        /// A benchmark file (Kolada JSON, Parquet or CSV) instead of the catalogue's.
        #[arg(long)]
        benchmarks: Option<PathBuf>,
        /// The values the units reported (XLSX or CSV, as `indikator
        /// template` writes it) instead of the catalogue's.
        #[arg(long)]
        reported: Option<PathBuf>,
        /// Stop at the first failing indicator and write nothing.
        #[arg(long)]
        strict: bool,
        /// Do not mask small numbers (for internal use only).
        #[arg(long)]
        no_suppression: bool,
    },
    /// Write the workbook the responsible units fill in: one row per
    /// reported measure and per success factor rated by hand, with lists of
    /// the allowed values and an instructions sheet.
    Template {
        /// The catalogue (TOML); default: the region's shipped catalogue.
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// The report period: "2024-delar", "jan–aug 2024", "2024"…
        #[arg(long)]
        period: String,
        /// The workbook to write (.xlsx).
        #[arg(long)]
        out: PathBuf,
    },
    /// Write the seeded synthetic data of the region as Parquet tables
    /// (and the synthetic answers of the reported file).
    DemoData {
        /// The seed (the same seed gives the same data).
        #[arg(long, default_value_t = crate::demo::DEFAULT_SEED)]
        seed: u64,
        /// Multiply every volume (for benchmarks).
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        /// The output directory.
        #[arg(long)]
        out: PathBuf,
    },
    /// Check a catalogue (and, with --data, that the data have what it needs)
    /// without computing.
    Check {
        /// The catalogue (TOML).
        file: PathBuf,
        /// A data directory to check the tables and columns against.
        #[arg(long)]
        data: Option<PathBuf>,
    },
}

/// Exit code: an internal error (a bug; please report it).
///
/// 70 is `EX_SOFTWARE` of `sysexits.h`. A script running the command tells
/// the codes apart:
///
/// ```
/// use indikator::cli::*;
/// assert_eq!(EXIT_INTERNAL, 70);
/// let missing = std::env::temp_dir().join("indikator-EXIT_INTERNAL").join("saknas.toml");
/// let code = main_with_args(["indikator", "check", &missing.display().to_string()]);
/// let meaning = match code {
///     0 => "klart",
///     EXIT_FAILED_INDICATORS => "rapporten är skriven, men några indikatorer saknas",
///     EXIT_USAGE => "fel användning",
///     EXIT_CATALOG => "katalogen är ogiltig",
///     EXIT_DATA => "filer kunde inte läsas eller skrivas",
///     EXIT_INTERNAL => "internt fel: rapportera det",
///     _ => "okänd kod",
/// };
/// assert_eq!(meaning, "filer kunde inte läsas eller skrivas");
/// ```
pub const EXIT_INTERNAL: i32 = 70;

/// Run the command line `args` (the program name first); returns the exit
/// code. A panic (a bug) is caught, reported and gives [`EXIT_INTERNAL`].
///
/// The `indikator` binary is `std::process::exit(main_with_args(std::env::args_os()))`.
/// Writing the workbook the units fill in for the delårsbokslut, from the
/// shipped catalogue:
///
/// ```
/// use indikator::cli::main_with_args;
/// let dir = std::env::temp_dir().join("indikator-main_with_args");
/// std::fs::create_dir_all(&dir)?;
/// let out = dir.join("rapporteringsmall.xlsx").display().to_string();
/// let code = main_with_args(["indikator", "template", "--period", "2024-delar", "--out", &out]);
/// assert_eq!(code, 0);
/// assert!(std::path::Path::new(&out).exists());
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn main_with_args<I, S>(args: I) -> i32
where
    I: IntoIterator<Item = S>,
    S: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    std::panic::catch_unwind(|| run_args(args)).unwrap_or_else(|_| {
        eprintln!("indikator: internal error (please report it); nothing more was written");
        EXIT_INTERNAL
    })
}

fn run_args(args: Vec<std::ffi::OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Report {
            catalog,
            data,
            period,
            out,
            benchmarks,
            reported,
            strict,
            no_suppression,
        } => report(
            catalog,
            data,
            &period,
            &out,
            (benchmarks, reported),
            strict,
            !no_suppression,
        ),
        Command::Template {
            catalog,
            period,
            out,
        } => template(catalog.as_deref(), &period, &out),
        Command::DemoData { seed, scale, out } => match crate::demo::write(&out, seed, scale) {
            Ok(files) => {
                println!(
                    "Syntetiska data (seed {seed}, skala {scale}) i {}:",
                    out.display()
                );
                for f in files {
                    println!("  {}", f.display());
                }
                0
            }
            Err(e) => fail(EXIT_DATA, &e),
        },
        Command::Check { file, data } => check(&file, data.as_deref()),
    }
}

fn fail(code: i32, error: &Error) -> i32 {
    eprintln!("indikator: {error}");
    code
}

fn load_catalog(path: Option<&Path>) -> Result<Catalog, Error> {
    match path {
        Some(p) => Catalog::from_path(p),
        None => Catalog::shipped(),
    }
}

fn check(file: &Path, data: Option<&Path>) -> i32 {
    let catalog = match Catalog::from_path(file) {
        Ok(c) => c,
        Err(e @ Error::File { .. }) => return fail(EXIT_DATA, &e),
        Err(e) => return fail(EXIT_CATALOG, &e),
    };
    println!(
        "{}: {} indikatorer, {} rapporterade mått, {} framgångsfaktorer under {} strategiska mål, version {}",
        file.display(),
        catalog.indicators.len(),
        catalog.measures.len(),
        catalog.success_factors.len(),
        catalog.goals.len(),
        catalog.catalog.version
    );
    let Some(dir) = data else {
        return 0;
    };
    match check_catalog(&catalog, dir) {
        Ok(problems) if problems.is_empty() => {
            println!("Data i {} har allt katalogen behöver.", dir.display());
            0
        }
        Ok(problems) => {
            for p in &problems {
                eprintln!("indikator: {p}");
            }
            EXIT_CATALOG
        }
        Err(e) => fail(EXIT_DATA, &e),
    }
}

fn template(catalog: Option<&Path>, period: &str, out: &Path) -> i32 {
    let period: Period = match period.parse() {
        Ok(p) => p,
        Err(e) => return fail(EXIT_USAGE, &e),
    };
    let catalog = match load_catalog(catalog) {
        Ok(c) => c,
        Err(e @ Error::File { .. }) => return fail(EXIT_DATA, &e),
        Err(e) => return fail(EXIT_CATALOG, &e),
    };
    match write_template(&catalog, period, out) {
        Ok(()) => {
            println!(
                "Rapporteringsmall för {period} ({} mått, {} framgångsfaktorer som bedöms av ansvariga): {}",
                catalog.measures.len(),
                catalog
                    .success_factors
                    .iter()
                    .filter(|f| f.rating == crate::catalog::FactorRating::Reported)
                    .count(),
                out.display()
            );
            0
        }
        Err(e) => fail(EXIT_DATA, &e),
    }
}

/// The benchmark file and the reported file given on the command line.
type Files = (Option<PathBuf>, Option<PathBuf>);

fn report(
    catalog: Option<PathBuf>,
    data: Option<PathBuf>,
    period: &str,
    out: &Path,
    (benchmarks, reported): Files,
    strict: bool,
    suppress: bool,
) -> i32 {
    let period: Period = match period.parse() {
        Ok(p) => p,
        Err(e) => return fail(EXIT_USAGE, &e),
    };
    let catalog = match load_catalog(catalog.as_deref()) {
        Ok(c) => c,
        Err(e @ Error::File { .. }) => return fail(EXIT_DATA, &e),
        Err(e) => return fail(EXIT_CATALOG, &e),
    };
    let data = match data {
        Some(d) => d,
        None => {
            let dir = out.join("data");
            eprintln!(
                "Inga data angivna: skriver regionens syntetiska data (seed {}) till {}",
                crate::demo::DEFAULT_SEED,
                dir.display()
            );
            if let Err(e) = crate::demo::write(&dir, crate::demo::DEFAULT_SEED, 1.0) {
                return fail(EXIT_DATA, &e);
            }
            dir
        }
    };
    let options = RunOptions {
        period,
        suppress,
        strict,
        benchmarks,
        progress: true,
        reported,
    };
    let report = match run_catalog(&catalog, &data, &options) {
        Ok(r) => r,
        Err(e) => return fail(EXIT_DATA, &e),
    };
    let files = match write_report(&report, out) {
        Ok(f) => f,
        Err(e) => return fail(EXIT_DATA, &e),
    };
    print_summary(&report);
    println!("\nRapporten är skriven:");
    for f in &files {
        println!("  {}", f.display());
    }
    let failures = report
        .indicators
        .iter()
        .filter(|i| i.error.is_some())
        .count();
    if failures > 0 {
        eprintln!("indikator: {failures} indikatorer kunde inte beräknas (se ovan)");
        EXIT_FAILED_INDICATORS
    } else {
        0
    }
}

/// The summary table printed at the end of a run.
fn print_summary(report: &Report) {
    let synthetic = if report.synthetic {
        " — SYNTETISKA DATA"
    } else {
        ""
    };
    println!(
        "\n{} — {} — {}{synthetic}",
        report.title, report.region, report.period
    );
    println!(
        "{:<26} {:>12} {:>12} {:>12}  Bedömning",
        "Indikator", "Utfall", "Föreg. år", "Riket"
    );
    let number = |v: Option<f64>, d: usize, suppressed: bool| match v {
        Some(v) => fixed_number(v, d),
        None if suppressed => crate::disclosure::SUPPRESSED_SYMBOL.to_string(),
        None => "–".to_string(),
    };
    for ind in &report.indicators {
        if let Some(error) = &ind.error {
            println!("{:<26} FEL: {error}", ind.id);
            continue;
        }
        let (cur, prev) = (
            ind.current.clone().unwrap_or_default(),
            ind.previous.clone().unwrap_or_default(),
        );
        println!(
            "{:<26} {:>12} {:>12} {:>12}  {}",
            ind.id,
            number(cur.value, ind.decimals, cur.suppressed),
            number(prev.value, ind.decimals, prev.suppressed),
            number(ind.riket.as_ref().map(|r| r.value), ind.decimals, false),
            ind.rating.as_ref().map_or("–", |r| r.words.as_str())
        );
    }
    if report.counted() == Counted::SuccessFactors {
        println!(
            "\nFramgångsfaktorer per perspektiv (uppfyllda / delvis / ej uppfyllda / ej bedömda):"
        );
        for (perspective, c) in report.pie_counts() {
            println!(
                "{:<26} {:>4} {:>4} {:>4} {:>4}",
                perspective.name(),
                c.fulfilled,
                c.partly,
                c.not_fulfilled,
                c.missing
            );
        }
    }
}
