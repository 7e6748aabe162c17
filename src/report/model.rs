//! What a finished report holds: the figures of every indicator, ready to
//! be drawn (HTML, charts) or written (XLSX), plus the long table and the
//! provenance of the inputs. Built by the run; read by the writers.

use polars::prelude::DataFrame;

use crate::assess::{Perspective, Polarity, Rating};

/// One estimate with its limits, as a report shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Point {
    /// The label: a period ("jan–aug 2024"), a kommun ("Östersund")…
    pub label: String,
    /// The value; `None` when missing or masked (see `status`, `suppressed`).
    pub value: Option<f64>,
    /// Lower confidence limit (95 %).
    pub lower: Option<f64>,
    /// Upper confidence limit (95 %).
    pub upper: Option<f64>,
    /// The count behind the value, when it has one.
    pub numerator: Option<f64>,
    /// The denominator (population, referrals…), when it has one.
    pub denominator: Option<f64>,
    /// `ok`, or why the value is missing.
    pub status: String,
    /// Whether the value was masked by small-number suppression.
    pub suppressed: bool,
}

/// A benchmark value and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkValue {
    /// The area, "Riket" for Sweden as a whole.
    pub area: String,
    /// The benchmark's own period label (may be the whole year).
    pub period: String,
    /// The value.
    pub value: f64,
    /// Where it came from ("Kolada N00945, hämtad fil riket.json").
    pub source: String,
}

/// The rating of an indicator's target.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingResult {
    /// The rating; `None` when it could not be rated.
    pub rating: Option<Rating>,
    /// `green`, `yellow`, `red` or `grey`.
    pub colour: String,
    /// The rating in Swedish words, or why there is none.
    pub words: String,
    /// The rule and the outcome in Swedish ("minst 90 % — utfall 84 %").
    pub rule: String,
}

/// Everything the report shows of one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorResult {
    /// The catalogue id.
    pub id: String,
    /// The Swedish name.
    pub name_sv: String,
    /// The English name.
    pub name_en: String,
    /// The perspective of the balanced scorecard.
    pub perspective: Perspective,
    /// Who answers for it (nämnd, förvaltning).
    pub responsible: String,
    /// The data source in words.
    pub source: String,
    /// The unit written after values ("%", "per 100 000").
    pub unit: String,
    /// Decimals shown.
    pub decimals: usize,
    /// Whether high or low is good.
    pub polarity: Polarity,
    /// The target in words, when the indicator has one.
    pub target: Option<String>,
    /// A target level to draw as a line, when the target is a threshold.
    pub target_line: Option<f64>,
    /// The value for the report period (the whole region).
    pub current: Option<Point>,
    /// The same period a year earlier.
    pub previous: Option<Point>,
    /// Sweden as a whole, when a benchmark was given.
    pub riket: Option<BenchmarkValue>,
    /// The rating of the target.
    pub rating: Option<RatingResult>,
    /// The same period in earlier years, oldest first, ending with the current.
    pub trend: Vec<Point>,
    /// The report period by kommun (empty when the indicator has no kommun).
    pub by_kommun: Vec<Point>,
    /// Women against men in the report period, when broken down by sex.
    pub sex_difference: Option<super::SexDifference>,
    /// Why the indicator could not be computed, when it failed.
    pub error: Option<String>,
}

/// One input file, as the provenance appendix lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct InputFile {
    /// The table name ("waits", "population").
    pub table: String,
    /// The file name inside the data directory.
    pub file: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// Rows read.
    pub rows: usize,
}

/// A finished report.
#[derive(Debug, Clone)]
pub struct Report {
    /// The catalogue's title.
    pub title: String,
    /// The region or organisation reported on.
    pub region: String,
    /// The catalogue's id and definition version ("region-jh 2024.1").
    pub catalog: String,
    /// The report period in Swedish ("jan–aug 2024").
    pub period: String,
    /// The same period a year earlier.
    pub previous_period: String,
    /// Whether the data are synthetic (the report says so on every page).
    pub synthetic: bool,
    /// The library version that computed it.
    pub library_version: String,
    /// Every indicator, in catalogue order.
    pub indicators: Vec<IndicatorResult>,
    /// The input files.
    pub inputs: Vec<InputFile>,
    /// Where the benchmark values came from, in words (empty: none given).
    pub benchmark_source: String,
    /// The long result table (one row per indicator × series × group).
    pub long: DataFrame,
}
