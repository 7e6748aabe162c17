//! The catalogue file: its header, its tables and its indicators, parsed
//! with serde (unknown keys rejected) and checked for the catalogue's own
//! rules, every error with its line and column.
//!
//! Over 500 lines: the header's, the tables' and the indicators' rules are
//! checked in one pass that shares the line-and-column lookup.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use serde::{Deserialize, Serialize};

use super::followup::{self, Fault, Goal, ReportedMeasure, SuccessFactor};
use super::locate::{locate, position};
use super::monthly;
use super::statistic::Family;
use crate::assess::{Op, Perspective, Polarity, Target};
use crate::care::{CauseSet, CAUSE_SETS, WAIT_KINDS};
use crate::error::{Error, Result};
use crate::measure::STANDARD_POPULATIONS;
use crate::stats::ContinuityIndex;

/// The region's catalogue, shipped with the library (`catalogs/region-jh.toml`).
///
/// The TOML text of the follow-up of Region Jämtland Härjedalen's plans
/// (version 2024.1) for the delårsbokslut and the annual report: 20
/// indicators computed from the region's data (SIP, life expectancy,
/// suicide, fall injuries, vårdgaranti and BUP, continuity of care,
/// readmission, doctors' visits at home, avoidable inpatient care and the
/// drugs of the elderly), under 10 strategic goals of the four
/// perspectives, with 24 success factors and 19 measures the units report;
/// riket's values come from Kolada and a benchmark table, the population
/// from SCB's PC-Axis file. [`Catalog::shipped`] reads it, and
/// `indikator report` runs it when no `--catalog` is given.
///
/// An indicator and a strategic goal, as the file writes them:
///
/// ```toml
/// [[indicator]]
/// id = "vg-besok-90"
/// name_sv = "Första besök i specialiserad vård inom 90 dagar"
/// name_en = "First visit in specialised care within 90 days"
/// perspective = "Patient"
/// responsible = "Hälso- och sjukvårdsnämnden"
/// source = "Väntetider i vården (SKR), genomförda första besök"
/// polarity = "high_is_good"
/// unit = "%"
/// decimals = 1
/// breakdowns = ["kommun", "sex"]
/// target = { form = "threshold", op = ">=", value = 80, unit = "%" }
/// success_factor = "vardgaranti"
/// statistic = { family = "waits", kinds = ["first_visit"] }
///
/// [[goal]]
/// id = "psykisk-halsa"
/// perspective = "Samhälle"
/// name_sv = "Förbättrad psykisk hälsa"
/// name_en = "Improved mental health"
/// ```
///
/// Loading it and finding an indicator:
///
/// ```
/// use indikator::{Catalog, Family, SHIPPED_CATALOG};
/// let catalog = Catalog::shipped()?;
/// assert_eq!(catalog, Catalog::from_toml_str(SHIPPED_CATALOG)?);
/// assert_eq!(catalog.catalog.id, "region-jh");
/// assert_eq!(catalog.indicators.len(), 20);
/// assert_eq!(catalog.goals.len(), 10);
/// assert_eq!(catalog.success_factors.len(), 24);
/// assert_eq!(catalog.measures.len(), 19);
/// let visits = catalog.indicator("vg-besok-90").unwrap();
/// assert!(matches!(&visits.statistic, Family::Waits { kinds, .. } if kinds == &["first_visit"]));
/// # Ok::<(), indikator::Error>(())
/// ```
pub const SHIPPED_CATALOG: &str = include_str!("../../catalogs/region-jh.toml");

/// The `[catalog]` header.
///
/// A header with only the keys it must have takes the defaults:
///
/// ```
/// use indikator::Catalog;
/// let catalog = Catalog::from_toml_str(r#"
/// [catalog]
/// id = "hsn-uppfoljning"
/// version = "2024.2"
/// title = "Hälso- och sjukvårdsnämndens uppföljning"
/// region = "Region Jämtland Härjedalen"
/// "#)?;
/// let info = &catalog.catalog;
/// assert_eq!(info.suppression_threshold, 5.0); // counts 1–4 are masked
/// assert_eq!(info.trend_years, 6);
/// assert!(info.benchmarks.is_empty() && info.reported.is_none());
/// // The shipped catalogue names its files:
/// let shipped = Catalog::shipped()?.catalog;
/// assert_eq!(shipped.benchmarks, ["riket-kolada.json", "riket.parquet"]);
/// assert_eq!(shipped.reported.as_deref(), Some("rapporterat.xlsx"));
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogInfo {
    /// A short id ("region-jh").
    pub id: String,
    /// The definition version, written on every figure ("2024.1").
    pub version: String,
    /// The report title.
    pub title: String,
    /// The region or organisation reported on.
    pub region: String,
    /// Counts from 1 below this are masked (default 5).
    #[serde(default = "default_threshold")]
    pub suppression_threshold: f64,
    /// Years in the trend series, the report year included (default 6).
    #[serde(default = "default_trend_years")]
    pub trend_years: u32,
    /// The benchmark files inside the data directory (Parquet, CSV or Kolada
    /// JSON): one file or a list, a period's own label looked for in each in
    /// turn before any whole year's value; absent: no benchmarks unless
    /// given when running.
    #[serde(default, deserialize_with = "one_or_many")]
    pub benchmarks: Vec<String>,
    /// The reported values the units fill in, inside the data directory
    /// (XLSX or CSV, see `indikator template`); absent: none unless given
    /// when running, and every reported measure is "ej rapporterat".
    #[serde(default)]
    pub reported: Option<String>,
}

/// A file name or a list of them.
fn one_or_many<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged, expecting = "a file name or a list of file names")]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(file) => vec![file],
        OneOrMany::Many(files) => files,
    })
}

/// One indicator.
///
/// Suicide among young people in the shipped catalogue:
///
/// ```
/// use indikator::{Catalog, Perspective, Polarity};
/// let catalog = Catalog::shipped()?;
/// let suicide = catalog.indicator("suicid-15-24").unwrap();
/// assert_eq!(suicide.name_en, "Suicide, ages 15–24, per 100 000, five-year average");
/// assert_eq!(suicide.perspective, Perspective::Samhalle);
/// assert_eq!(suicide.polarity, Polarity::LowIsGood);
/// assert_eq!((suicide.unit.as_str(), suicide.decimals), ("per 100 000", 1));
/// assert_eq!(suicide.breakdowns, ["kommun"]);
/// assert_eq!(suicide.statistic.name(), "mortality");
/// assert_eq!(suicide.success_factor.as_deref(), Some("suicidprevention"));
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Indicator {
    /// A unique id: lower-case letters, digits and `-` ("bup-utredning-30").
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
    /// Whether high or low is good.
    #[serde(default)]
    pub polarity: Polarity,
    /// The unit written after values ("%", "per 100 000", "st").
    #[serde(default)]
    pub unit: String,
    /// Decimals shown (default 1).
    #[serde(default = "default_decimals")]
    pub decimals: usize,
    /// Columns the report period is also broken down by ("kommun", "sex").
    #[serde(default)]
    pub breakdowns: Vec<String>,
    /// The target of the plan, in any form of [`Target`].
    #[serde(default)]
    pub target: Option<Target>,
    /// Overrides the catalogue's suppression threshold.
    #[serde(default)]
    pub suppression_threshold: Option<f64>,
    /// The Kolada KPI id, to find benchmark values in a Kolada file.
    #[serde(default)]
    pub kolada: Option<String>,
    /// The id of the success factor the indicator measures, if any.
    #[serde(default)]
    pub success_factor: Option<String>,
    /// The statistic and its parameters.
    pub statistic: Family,
}

/// A catalogue of indicators.
///
/// Where its tables are read from, and a misspelt key found at its line:
///
/// ```
/// use indikator::{Catalog, Error};
/// let catalog = Catalog::shipped()?;
/// assert_eq!(catalog.table_file("population"), "population.px"); // under [tables]
/// assert_eq!(catalog.table_file("waits"), "waits.parquet");
/// let misspelt = r#"[catalog]
/// id = "exempel"
/// version = "1"
/// titel = "Exempel"
/// region = "Region Jämtland Härjedalen"
/// "#;
/// match Catalog::from_toml_str(misspelt) {
///     Err(Error::Catalog { line, message, .. }) => {
///         assert_eq!(line, 4);
///         assert!(message.contains("titel"), "{message}");
///     }
///     other => panic!("expected a catalogue error, got {other:?}"),
/// }
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Catalog {
    /// The header.
    pub catalog: CatalogInfo,
    /// Table name → file inside the data directory; a table not listed is
    /// read from `<name>.parquet`.
    #[serde(default)]
    pub tables: BTreeMap<String, String>,
    /// The indicators, in report order.
    #[serde(rename = "indicator", default)]
    pub indicators: Vec<Indicator>,
    /// The strategic goals of the follow-up (`[[goal]]`).
    #[serde(rename = "goal", default)]
    pub goals: Vec<Goal>,
    /// The success factors under the goals (`[[success_factor]]`).
    #[serde(rename = "success_factor", default)]
    pub success_factors: Vec<SuccessFactor>,
    /// The measures the units report (`[[measure]]`).
    #[serde(rename = "measure", default)]
    pub measures: Vec<ReportedMeasure>,
}

fn default_threshold() -> f64 {
    5.0
}
fn default_trend_years() -> u32 {
    6
}
fn default_decimals() -> usize {
    1
}

impl Catalog {
    /// The catalogue shipped with the library.
    ///
    /// # Errors
    /// None in a released build (a test parses it).
    ///
    /// The region's readmission indicator and its target:
    ///
    /// ```
    /// use indikator::{Catalog, Perspective, Target};
    /// let catalog = Catalog::shipped()?;
    /// assert_eq!(catalog.catalog.version, "2024.1");
    /// let readmission = catalog.indicator("aterinskrivning-65").unwrap();
    /// assert_eq!(readmission.perspective, Perspective::Verksamhetsresultat);
    /// assert_eq!(readmission.breakdowns, ["kommun", "sex"]);
    /// assert!(matches!(readmission.target, Some(Target::Threshold { value, .. }) if value == 17.0));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn shipped() -> Result<Catalog> {
        Catalog::parse(SHIPPED_CATALOG, "catalogs/region-jh.toml")
    }

    /// Parse and check a catalogue from TOML text.
    ///
    /// # Errors
    /// [`Error::Catalog`] with line and column: TOML syntax, unknown keys,
    /// wrong types, or a broken catalogue rule (see [`Catalog::validate`]).
    ///
    /// A catalogue of one indicator, the statistic's parameters left to
    /// their defaults:
    ///
    /// ```
    /// use indikator::{Catalog, Family};
    /// let catalog = Catalog::from_toml_str(r#"
    /// [catalog]
    /// id = "aterinskrivning"
    /// version = "2024.1"
    /// title = "Återinskrivningar"
    /// region = "Region Jämtland Härjedalen"
    ///
    /// [[indicator]]
    /// id = "aterinskrivning-65"
    /// name_sv = "Återinskrivning inom 30 dagar, 65 år och äldre"
    /// name_en = "Readmission within 30 days, ages 65 and over"
    /// perspective = "Verksamhetsresultat"
    /// responsible = "Hälso- och sjukvårdsnämnden"
    /// source = "Patientadministrativt system"
    /// polarity = "low_is_good"
    /// statistic = { family = "readmission" }
    /// "#)?;
    /// let statistic = &catalog.indicators[0].statistic;
    /// assert!(matches!(
    ///     statistic,
    ///     Family::Readmission { min_age, within_days: 30, .. } if *min_age == 65.0
    /// ));
    /// assert_eq!(statistic.tables(), ["stays"]);
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn from_toml_str(text: &str) -> Result<Catalog> {
        Catalog::parse(text, "<text>")
    }

    /// Read, parse and check a catalogue file.
    ///
    /// # Errors
    /// [`Error::File`] when it cannot be read, else as [`Catalog::from_toml_str`].
    ///
    /// The shipped catalogue written to a file of one's own and read back:
    ///
    /// ```
    /// use indikator::{Catalog, Error, SHIPPED_CATALOG};
    /// let dir = std::env::temp_dir().join("indikator-Catalog-from_path");
    /// std::fs::create_dir_all(&dir)?;
    /// let path = dir.join("region-jh.toml");
    /// std::fs::write(&path, SHIPPED_CATALOG)?;
    /// assert_eq!(Catalog::from_path(&path)?, Catalog::shipped()?);
    /// let missing = Catalog::from_path(dir.join("saknas.toml"));
    /// assert!(matches!(missing, Err(Error::File { .. })));
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Catalog> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Catalog::parse(&text, &path.display().to_string())
    }

    fn parse(text: &str, file: &str) -> Result<Catalog> {
        let catalog: Catalog = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| position(text, s.start));
            Error::Catalog {
                file: file.to_string(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })?;
        catalog.check().map_err(|fault| {
            let (line, column) = fault
                .id
                .as_deref()
                .and_then(|id| locate(text, id, fault.occurrence, fault.key))
                .map_or((1, 1), |offset| position(text, offset));
            Error::Catalog {
                file: file.to_string(),
                line,
                column,
                message: fault.message,
            }
        })?;
        Ok(catalog)
    }

    /// Check the catalogue's own rules: unique well-formed ids, a positive
    /// suppression threshold, valid targets that agree with the polarity,
    /// parameters the statistic accepts, table files inside the data
    /// directory (relative, no `..`), and the follow-up structure (known
    /// goals and success factors, targets that fit a measure's kind, a
    /// derived factor with measures).
    ///
    /// # Errors
    /// [`Error::CatalogRule`]: the id of the entry at fault (`None` for the
    /// header) and the message.
    ///
    /// A catalogue changed in code is checked again before it is run:
    ///
    /// ```
    /// use indikator::{Catalog, Error};
    /// let mut catalog = Catalog::shipped()?;
    /// assert!(catalog.validate().is_ok());
    /// catalog.catalog.trend_years = 40;
    /// let err = catalog.validate().unwrap_err();
    /// assert!(matches!(&err, Error::CatalogRule { id: None, .. }), "{err}");
    /// assert_eq!(err.to_string(), "catalogue: [catalog] trend_years must be 1–30; got 40");
    /// let mut catalog = Catalog::shipped()?;
    /// catalog.indicators[0].decimals = 9;
    /// let Err(Error::CatalogRule { id, message }) = catalog.validate() else { panic!() };
    /// assert_eq!(id.as_deref(), Some("sip-barn"));
    /// assert_eq!(message, "indicator `sip-barn`: decimals must be 0–6; got 9");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn validate(&self) -> Result<()> {
        self.check().map_err(|f| Error::CatalogRule {
            id: f.id,
            message: f.message,
        })
    }

    /// [`Catalog::validate`], with the key to point at.
    fn check(&self) -> std::result::Result<(), Fault> {
        let header = |message: String| Fault {
            id: None,
            occurrence: 0,
            key: None,
            message,
        };
        if self.catalog.version.trim().is_empty() {
            return Err(header("[catalog] version must not be empty".into()));
        }
        check_threshold(self.catalog.suppression_threshold).map_err(header)?;
        if !(1..=30).contains(&self.catalog.trend_years) {
            return Err(header(format!(
                "[catalog] trend_years must be 1–30; got {}",
                self.catalog.trend_years
            )));
        }
        for (name, file) in &self.tables {
            check_inside(file).map_err(|m| header(format!("[tables] {name}: {m}")))?;
        }
        for file in &self.catalog.benchmarks {
            check_inside(file).map_err(|m| header(format!("[catalog] benchmarks: {m}")))?;
        }
        if let Some(file) = &self.catalog.reported {
            check_inside(file).map_err(|m| header(format!("[catalog] reported: {m}")))?;
        }
        // Ids first: well formed and used once, across every kind of entry.
        followup::check_ids(self)?;
        for ind in &self.indicators {
            let at = |m: String| Fault {
                id: Some(ind.id.clone()),
                occurrence: 0,
                key: None,
                message: format!("indicator `{}`: {m}", ind.id),
            };
            if ind.decimals > 6 {
                return Err(at(format!("decimals must be 0–6; got {}", ind.decimals)));
            }
            if let Some(t) = ind.suppression_threshold {
                check_threshold(t).map_err(at)?;
            }
            for b in &ind.breakdowns {
                if b.trim().is_empty() {
                    return Err(at("a breakdown names a column; got an empty name".into()));
                }
            }
            if let Some(target) = &ind.target {
                // A months target's faults point at its `target` key.
                monthly::check_months(target, &ind.statistic).map_err(|m| Fault {
                    key: Some("target"),
                    ..at(m)
                })?;
                check_target(target, ind.polarity).map_err(at)?;
            }
            check_statistic(&ind.statistic).map_err(at)?;
        }
        followup::check(self)
    }

    /// The file of a table inside the data directory.
    ///
    /// The shipped catalogue reads the population from SCB's PC-Axis file
    /// (its `[tables]`), every other table from `<name>.parquet`:
    ///
    /// ```
    /// use indikator::Catalog;
    /// let catalog = Catalog::shipped()?;
    /// assert_eq!(catalog.table_file("population"), "population.px");
    /// assert_eq!(catalog.table_file("stays"), "stays.parquet");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn table_file(&self, table: &str) -> String {
        self.tables
            .get(table)
            .cloned()
            .unwrap_or_else(|| format!("{table}.parquet"))
    }

    /// The indicator with this id.
    ///
    /// ```
    /// use indikator::Catalog;
    /// let catalog = Catalog::shipped()?;
    /// let drugs = catalog.indicator("antipsykotika-75").unwrap();
    /// assert_eq!(drugs.name_sv, "Personer 75 år och äldre med läkemedel mot psykos, andel per månad");
    /// assert_eq!(drugs.statistic.name(), "drugs");
    /// assert!(catalog.indicator("antipsykotika-65").is_none());
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

fn check_threshold(t: f64) -> std::result::Result<(), String> {
    if t.is_finite() && t >= 1.0 {
        Ok(())
    } else {
        Err(format!(
            "suppression_threshold must be a number >= 1; got {t}"
        ))
    }
}

/// A relative path that stays inside the data directory.
fn check_inside(file: &str) -> std::result::Result<(), String> {
    let path = Path::new(file);
    let escapes = path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if file.trim().is_empty() || escapes {
        return Err(format!(
            "a file must be a relative path inside the data directory (no '..', no absolute path); got {file:?}"
        ));
    }
    Ok(())
}

/// Targets that rate numbers, and agree with the polarity.
fn check_target(target: &Target, polarity: Polarity) -> std::result::Result<(), String> {
    target.validate().map_err(|e| format!("target: {e}"))?;
    let high_good = match target {
        Target::Threshold { op, .. } => Some(matches!(op, Op::AtLeast | Op::Above)),
        Target::Range { green, yellow, .. } => Some(green > yellow),
        Target::Direction { direction, .. } => {
            Some(matches!(direction, crate::assess::Direction::Increase))
        }
        Target::Relative { change, .. } => Some(*change > 0.0),
        Target::EveryUnit { target } => return check_target(target, polarity),
        Target::Months { direction, .. } => {
            Some(matches!(direction, crate::assess::Direction::Increase))
        }
        Target::YesNo { .. } | Target::Status | Target::Qualitative => {
            return Err(format!(
                "target: the {} form rates a reported text, and the statistics of the catalogue \
                 give numbers",
                target.words()
            ))
        }
    };
    let agrees = !matches!(
        (high_good, polarity),
        (Some(true), Polarity::LowIsGood) | (Some(false), Polarity::HighIsGood)
    );
    if agrees {
        Ok(())
    } else {
        Err(format!(
            "the target \"{}\" contradicts polarity {polarity}",
            target.words()
        ))
    }
}

fn check_statistic(family: &Family) -> std::result::Result<(), String> {
    for table in family.tables() {
        if table.trim().is_empty() {
            return Err("a table name must not be empty".into());
        }
    }
    match family {
        Family::Waits {
            kinds,
            limit_days,
            per,
            ..
        } => {
            if kinds.is_empty() {
                return Err(format!(
                    "waits need at least one kind ({})",
                    WAIT_KINDS.join(", ")
                ));
            }
            if limit_days.is_none() {
                if let Some(k) = kinds.iter().find(|k| !WAIT_KINDS.contains(&k.as_str())) {
                    return Err(format!(
                        "the kind {k:?} has no limit in law: give limit_days, or use one of {}",
                        WAIT_KINDS.join(", ")
                    ));
                }
            }
            if let Some(p) = per {
                if p != "month" {
                    return Err(format!("per must be \"month\" (or absent); got {p:?}"));
                }
            }
            Ok(())
        }
        Family::Readmission {
            min_age,
            within_days,
            ..
        } => {
            if !(min_age.is_finite() && *min_age >= 0.0) || *within_days == 0 {
                return Err(format!(
                    "min_age must be >= 0 and within_days >= 1; got {min_age} and {within_days}"
                ));
            }
            Ok(())
        }
        Family::Sip { age_limit, .. } => {
            if *age_limit == 0 || *age_limit > 30 {
                return Err(format!("age_limit must be 1–30; got {age_limit}"));
            }
            Ok(())
        }
        Family::Mortality {
            cause_set,
            causes,
            min_age,
            max_age,
            window_years,
            standard,
            multiplier,
            ..
        } => {
            match (cause_set, causes.is_empty()) {
                (Some(name), true) => {
                    CauseSet::named(name).map_err(|e| e.to_string())?;
                }
                (None, false) => {
                    causes_of(causes).map_err(|e| e.to_string())?;
                }
                _ => {
                    return Err(format!(
                        "give either cause_set (one of {}) or causes (ICD-10 ranges), not both",
                        CAUSE_SETS.join(", ")
                    ))
                }
            }
            check_ages(*min_age, *max_age)?;
            if !(1..=20).contains(window_years) {
                return Err(format!("window_years must be 1–20; got {window_years}"));
            }
            if let Some(s) = standard {
                if !STANDARD_POPULATIONS.contains(&s.as_str()) {
                    return Err(format!(
                        "standard must be one of {}; got {s:?}",
                        STANDARD_POPULATIONS.join(", ")
                    ));
                }
            }
            check_multiplier(*multiplier)
        }
        Family::EventRate {
            causes,
            min_age,
            max_age,
            multiplier,
            date,
            cause,
            ..
        } => {
            for (key, column) in [("date", date), ("cause", cause)] {
                if column.as_deref().is_some_and(|c| c.trim().is_empty()) {
                    return Err(format!("{key} names a column; got an empty name"));
                }
            }
            causes_of(causes).map_err(|e| e.to_string())?;
            check_ages(*min_age, *max_age)?;
            check_multiplier(*multiplier)
        }
        Family::LifeExpectancy {
            at_age,
            open_from,
            window_years,
            ..
        } => {
            if !(*open_from == 80 || *open_from == 85 || *open_from == 90) {
                return Err(format!("open_from must be 80, 85 or 90; got {open_from}"));
            }
            if *at_age >= *open_from {
                return Err(format!(
                    "at_age must be below the open band from {open_from}; got {at_age}"
                ));
            }
            if !(1..=20).contains(window_years) {
                return Err(format!("window_years must be 1–20; got {window_years}"));
            }
            Ok(())
        }
        Family::Continuity {
            index,
            window_months,
            min_visits,
            ..
        } => {
            index
                .parse::<ContinuityIndex>()
                .map_err(|e| e.to_string())?;
            if !(1..=60).contains(window_months) || *min_visits == 0 {
                return Err(format!(
                    "window_months must be 1–60 and min_visits >= 1; got {window_months} and {min_visits}"
                ));
            }
            Ok(())
        }
        Family::Drugs { .. } => monthly::check_drugs(family),
        Family::EventCount { date, .. } => {
            if date.trim().is_empty() {
                return Err("date names a column; got an empty name".into());
            }
            Ok(())
        }
    }
}

/// The cause set of a list of ICD-10 ranges.
///
/// # Errors
/// No ranges, or a range [`CauseSet::ranges`] refuses.
pub(crate) fn causes_of(causes: &[String]) -> Result<CauseSet> {
    let ranges: Vec<&str> = causes.iter().map(String::as_str).collect();
    CauseSet::ranges(&causes.join(", "), &ranges)
}

fn check_ages(min: Option<u32>, max: Option<u32>) -> std::result::Result<(), String> {
    match (min, max) {
        (Some(lo), Some(hi)) if lo > hi => {
            Err(format!("min_age ({lo}) must not be above max_age ({hi})"))
        }
        _ => Ok(()),
    }
}

fn check_multiplier(m: f64) -> std::result::Result<(), String> {
    if m.is_finite() && m > 0.0 {
        Ok(())
    } else {
        Err(format!("multiplier must be a positive number; got {m}"))
    }
}
