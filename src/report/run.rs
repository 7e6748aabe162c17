//! Running a catalogue: every indicator for the report period, last year and
//! a trend, with benchmarks and ratings, then the follow-up (success factors
//! rated from their measures and the reported values). A failing indicator
//! is reported with its error and does not stop the others (unless strict).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::benchmark::Benchmarks;
use super::evaluate::{evaluate, failed, Context, Evaluated};
use super::followup::{evaluate as follow_up, FollowUpContext};
use super::inputs::{Inputs, SCAN_FROM_BYTES};
use super::long::long_table;
use super::model::Report;
use super::reported::Reported;
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::period::Period;

/// Options of a report run.
///
/// The defaults for the delår, then a run that stops at the first failing
/// indicator and reads its benchmarks from a file of its own:
///
/// ```
/// use indikator::RunOptions;
///
/// let defaults = RunOptions::new("2024-delar".parse()?);
/// assert!(defaults.suppress && !defaults.strict && !defaults.progress);
/// assert_eq!((defaults.benchmarks.as_ref(), defaults.reported.as_ref()), (None, None));
/// let options = defaults.strict(true).benchmarks("hämtat/riket-2024.csv".into());
/// assert!(options.strict && options.suppress);
/// assert!(options.benchmarks.is_some_and(|p| p.ends_with("riket-2024.csv")));
/// assert_eq!(options.period.to_string(), "jan–aug 2024");
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RunOptions {
    /// The report period ("2024-delar").
    pub period: Period,
    /// Mask small numbers (default true).
    pub suppress: bool,
    /// Stop at the first failing indicator (default false: report it and go on).
    pub strict: bool,
    /// A benchmark file replacing the catalogue's (any path).
    pub benchmarks: Option<PathBuf>,
    /// Draw a progress bar on the terminal (default false).
    pub progress: bool,
    /// A reported file (XLSX or CSV, any path) replacing the catalogue's.
    pub reported: Option<PathBuf>,
}

crate::setters::setters!(RunOptions {
    /// Mask small numbers (default true).
    ///
    /// A run for the analysts' own checking, small numbers shown:
    ///
    /// ```
    /// use indikator::RunOptions;
    /// let options = RunOptions::new("2024-delar".parse()?).suppress(false);
    /// assert!(!options.suppress);
    /// assert!(RunOptions::new("2024-delar".parse()?).suppress); // the default
    /// # Ok::<(), indikator::Error>(())
    /// ```
    suppress: bool,
    /// Stop at the first failing indicator (default false: report it and go on).
    ///
    /// A run that stops at the first failing indicator (in the catalogue's
    /// order), the other options left as they were:
    ///
    /// ```
    /// use indikator::RunOptions;
    /// let options = RunOptions::new("2024-delar".parse()?).strict(true);
    /// assert!(options.strict && options.suppress);
    /// # Ok::<(), indikator::Error>(())
    /// ```
    strict: bool,
    /// A benchmark file replacing the catalogue's (any path).
    ///
    /// Riket's values downloaded into a file of one's own:
    ///
    /// ```
    /// use std::path::Path;
    /// use indikator::RunOptions;
    /// let options = RunOptions::new("2024-delar".parse()?).benchmarks("hämtat/riket-2024.csv".into());
    /// assert_eq!(options.benchmarks.as_deref(), Some(Path::new("hämtat/riket-2024.csv")));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    some benchmarks: PathBuf,
    /// Draw a progress bar on the terminal (default false).
    ///
    /// A bar when the run is watched (it is drawn on a terminal only, in any
    /// case):
    ///
    /// ```
    /// use std::io::IsTerminal;
    /// use indikator::RunOptions;
    /// let watched = std::io::stderr().is_terminal();
    /// let options = RunOptions::new("2024-delar".parse()?).progress(watched);
    /// assert_eq!(options.progress, watched);
    /// # Ok::<(), indikator::Error>(())
    /// ```
    progress: bool,
    /// A reported file (XLSX or CSV, any path) replacing the catalogue's.
    ///
    /// The units' answers from the workbook they sent back, instead of the
    /// catalogue's `rapporterat.xlsx`:
    ///
    /// ```
    /// use indikator::RunOptions;
    /// let options = RunOptions::new("2024-delar".parse()?).reported("inkommet/rapportering-2024-delar.xlsx".into());
    /// assert!(options.reported.is_some_and(|p| p.ends_with("rapportering-2024-delar.xlsx")));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    some reported: PathBuf,
});

impl RunOptions {
    /// Defaults for a period: suppression on, not strict, the catalogue's benchmarks.
    ///
    /// The delår, in either form of its label:
    ///
    /// ```
    /// use indikator::{Period, RunOptions};
    /// let options = RunOptions::new("jan–aug 2024".parse()?);
    /// assert_eq!(options.period, "2024-delar".parse::<Period>()?);
    /// assert!(options.suppress && !options.strict && !options.progress);
    /// assert!(options.benchmarks.is_none() && options.reported.is_none());
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn new(period: Period) -> Self {
        RunOptions {
            period,
            suppress: true,
            strict: false,
            benchmarks: None,
            progress: false,
            reported: None,
        }
    }
}

/// Compute every indicator of `catalog` over the tables in `data`.
///
/// # Errors
/// A missing data directory, benchmark file or reported file; a reported
/// file with a problem in any row ([`Reported::read`]); with `strict`, the
/// first failing indicator (its id in the message).
///
/// The shipped catalogue over the region's synthetic data (a fiftieth of
/// the region, to be quick):
///
/// ```
/// use indikator::{run_catalog, Catalog, RunOptions};
///
/// let data = std::env::temp_dir().join("indikator-run-catalog");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.02)?;
/// let catalog = Catalog::shipped()?;
/// let report = run_catalog(&catalog, &data, &RunOptions::new("2024-delar".parse()?))?;
/// assert_eq!(report.period, "jan–aug 2024");
/// assert_eq!(report.previous_period, "jan–aug 2023");
/// assert_eq!(report.indicators.len(), catalog.indicators.len());
/// assert!(report.synthetic); // the demo data say so, and so does every output
/// // Every input file is listed with its SHA-256, the reported file too.
/// assert!(report.inputs.iter().any(|f| f.file == "rapporterat.xlsx"));
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn run(catalog: &Catalog, data: &Path, options: &RunOptions) -> Result<Report> {
    run_scanning_from(catalog, data, options, SCAN_FROM_BYTES)
}

/// [`run`], scanning the Parquet files of `scan_from` bytes or more.
fn run_scanning_from(
    catalog: &Catalog,
    data: &Path,
    options: &RunOptions,
    scan_from: u64,
) -> Result<Report> {
    options.period.validate()?;
    let mut inputs = Inputs::new(data, catalog)?.scanning_from(scan_from);
    let benchmarks = match &options.benchmarks {
        Some(path) => Benchmarks::read(path)?,
        None => {
            let files = catalog.catalog.benchmarks.iter().map(|f| inputs.resolve(f));
            Benchmarks::read_all(&files.collect::<Result<Vec<_>>>()?)?
        }
    };
    // The reported file is read (and checked) before anything is computed.
    let reported = match (&options.reported, &catalog.catalog.reported) {
        (Some(path), _) => Reported::read(path, catalog, options.period)?,
        (None, Some(file)) => Reported::read(&inputs.resolve(file)?, catalog, options.period)?,
        (None, None) => Reported::none(),
    };
    let cx = Context {
        catalog,
        period: options.period,
        benchmarks: &benchmarks,
        suppress: options.suppress,
    };
    let total = catalog.indicators.len();
    // A strict run stops at the first failure in the catalogue's order.
    let order = if options.strict {
        (0..total).collect()
    } else {
        evaluation_order(catalog)
    };
    let mut evaluated: Vec<Option<Evaluated>> = (0..total).map(|_| None).collect();
    for (done, &i) in order.iter().enumerate() {
        let ind = &catalog.indicators[i];
        if options.progress {
            progress(done, total, &ind.id);
        }
        let result = match evaluate(ind, &mut inputs, &cx) {
            Ok(e) => e,
            Err(e) if options.strict => {
                return Err(Error::argument(
                    "indicator",
                    &format!("failed (strict run): {e}"),
                    &ind.id,
                ))
            }
            Err(e) => failed(ind, &cx, &e.to_string()),
        };
        evaluated[i] = Some(result);
        // A table no indicator still to run reads is let go.
        let later: Vec<&str> = order[done + 1..]
            .iter()
            .flat_map(|&j| catalog.indicators[j].statistic.tables())
            .collect();
        for table in ind.statistic.tables() {
            if !later.contains(&table) {
                inputs.release(table);
            }
        }
    }
    let mut indicators = Vec::with_capacity(total);
    let mut rows = Vec::new();
    for e in evaluated.into_iter().flatten() {
        indicators.push(e.result);
        rows.extend(e.rows);
    }
    if options.progress {
        progress(total, total, "klart");
        eprintln!();
    }
    let (followup, followup_rows) = follow_up(&FollowUpContext {
        catalog,
        period: options.period,
        indicators: &indicators,
        reported: &reported,
    })?;
    rows.extend(followup_rows);
    let mut input_files = inputs.used();
    input_files.extend(reported.file.clone());
    Ok(Report {
        title: catalog.catalog.title.clone(),
        region: catalog.catalog.region.clone(),
        catalog: format!("{} {}", catalog.catalog.id, catalog.catalog.version),
        period: options.period.to_string(),
        previous_period: options.period.previous_year().to_string(),
        synthetic: crate::synthetic::is_synthetic(inputs.dir()),
        library_version: env!("CARGO_PKG_VERSION").to_string(),
        indicators,
        inputs: input_files,
        benchmark_source: benchmarks.source.clone(),
        long: long_table(&rows)?,
        followup,
    })
}

/// The order the indicators are computed in: by the table they read
/// first (the catalogue's order within a table), so that each large table
/// is read once and held only while its indicators run. The report keeps
/// the catalogue's order.
fn evaluation_order(catalog: &Catalog) -> Vec<usize> {
    let mut order: Vec<usize> = (0..catalog.indicators.len()).collect();
    let first_use = |table: &str| {
        catalog
            .indicators
            .iter()
            .position(|ind| ind.statistic.tables()[0] == table)
    };
    order.sort_by_key(|&i| first_use(catalog.indicators[i].statistic.tables()[0]));
    order
}

/// A one-line progress bar on standard error, drawn only on a terminal.
fn progress(done: usize, total: usize, what: &str) {
    let mut err = std::io::stderr();
    if !err.is_terminal() {
        return;
    }
    let width = 30;
    let filled = (done * width).checked_div(total).unwrap_or(width);
    let _ = write!(
        err,
        "\r[{}{}] {done}/{total} {what:<32}",
        "#".repeat(filled),
        " ".repeat(width - filled)
    );
    let _ = err.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table scanned (each figure reading its rows from the file)
    /// gives the report that tables held in memory give.
    #[test]
    fn scanned_tables_give_the_same_report_as_held_ones() {
        let dir = std::env::temp_dir().join(format!("indikator-scan-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        crate::demo::write(&dir, 11, 0.1).unwrap();
        let catalog = Catalog::shipped().unwrap();
        let options = RunOptions::new("2024-delar".parse().unwrap());
        let held = run_scanning_from(&catalog, &dir, &options, u64::MAX).unwrap();
        let scanned = run_scanning_from(&catalog, &dir, &options, 0).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(held.long.height() > 100);
        assert!(
            held.long.equals_missing(&scanned.long),
            "the long tables differ:\n{}\n{}",
            held.long,
            scanned.long
        );
        assert_eq!(held.inputs, scanned.inputs);
    }
}
