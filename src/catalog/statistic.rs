//! The statistic of an indicator: its family (waits, readmission, SIP,
//! mortality, event rate, continuity, event count, drug use), the tables it reads and its
//! parameters. Every field has the library's default; unknown keys are
//! rejected.
//!
//! Over 500 lines with its documentation: 304 lines of code and 230 of doc
//! comments (every public item and method carries a runnable example).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Which waits are measured.
///
/// An indicator of the people waiting for BUP's first assessment at each
/// month end (`measure = "waiting"`); without the key, completed waits:
///
/// ```
/// use indikator::{Catalog, Family, WaitsMeasure};
/// let catalog = Catalog::from_toml_str(r#"
/// [catalog]
/// id = "bup"
/// version = "1"
/// title = "BUP, väntande"
/// region = "Region Jämtland Härjedalen"
///
/// [[indicator]]
/// id = "bup-vantande-30"
/// name_sv = "Väntande på första bedömning i BUP, inom 30 dagar"
/// name_en = "Waiting for a first assessment in child psychiatry, within 30 days"
/// perspective = "Patient"
/// responsible = "Hälso- och sjukvårdsnämnden"
/// source = "Väntetider i vården (SKR), väntande"
/// statistic = { family = "waits", kinds = ["bup_assessment"], measure = "waiting" }
/// "#)?;
/// let measure = |family: &Family| match family {
///     Family::Waits { measure, .. } => Some(*measure),
///     _ => None,
/// };
/// assert_eq!(measure(&catalog.indicators[0].statistic), Some(WaitsMeasure::Waiting));
/// let shipped = Catalog::shipped()?;
/// let visits = &shipped.indicator("vg-besok-90").unwrap().statistic;
/// assert_eq!(measure(visits), Some(WaitsMeasure::Completed));
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WaitsMeasure {
    /// Waits completed in the period (genomförda).
    #[default]
    Completed,
    /// People still waiting at each month end of the period (väntande).
    Waiting,
}

/// How monthly values become the value of the report period.
///
/// The shipped catalogue has BUP's first assessments both ways:
///
/// ```
/// use indikator::{Catalog, Family, Summary};
/// let catalog = Catalog::shipped()?;
/// let summary = |id: &str| match &catalog.indicator(id)?.statistic {
///     Family::Waits { summary, .. } => Some(*summary),
///     _ => None,
/// };
/// // "i snitt" over the months, and all the waits of the period together.
/// assert_eq!(summary("bup-utredning-30"), Some(Summary::MeanOfMonths));
/// assert_eq!(summary("bup-utredning-30-samlat"), Some(Summary::Pooled));
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Summary {
    /// All records of the period together.
    #[default]
    Pooled,
    /// The unweighted mean of the monthly shares (as the region's reports
    /// write "63,5 % i snitt jan–aug").
    MeanOfMonths,
}

/// Which SIP plans are counted.
///
/// ```
/// use indikator::{Catalog, Family, SipGroup};
/// let catalog = Catalog::shipped()?;
/// let group = |id: &str| match &catalog.indicator(id)?.statistic {
///     Family::Sip { group, age_limit, .. } => Some((*group, *age_limit)),
///     _ => None,
/// };
/// assert_eq!(group("sip-barn"), Some((SipGroup::Children, 18)));
/// assert_eq!(group("sip-vuxna"), Some((SipGroup::Adults, 18)));
/// assert_eq!(SipGroup::default(), SipGroup::All); // without a `group` key
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SipGroup {
    /// Children and young people (under the age limit).
    Children,
    /// Adults.
    Adults,
    /// Every plan.
    #[default]
    All,
}

/// The statistic of an indicator, tagged by `family`.
///
/// Doctors' visits at home in the shipped catalogue: its family, the table
/// it reads, its filters and the parameters written with each figure.
///
/// ```
/// use indikator::{Catalog, Family};
/// let catalog = Catalog::shipped()?;
/// let home = &catalog.indicator("lakarbesok-hemma").unwrap().statistic;
/// assert!(matches!(home, Family::EventCount { .. }));
/// assert_eq!(home.name(), "event_count");
/// assert_eq!(home.tables(), ["visits"]);
/// assert_eq!(home.filters()["contact_type"], ["hembesök"]);
/// assert_eq!(
///     home.parameters(),
///     r#"{"family":"event_count","table":"visits","date":"date","filters":{"contact_type":["hembesök"],"profession":["läkare"]}}"#
/// );
/// let waits = catalog.indicators.iter().filter(|i| i.statistic.name() == "waits").count();
/// assert_eq!(waits, 6);
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "family", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Family {
    /// Vårdgaranti: the share of waits within a limit.
    Waits {
        /// The referrals table (default `waits`).
        #[serde(default = "waits_table")]
        table: String,
        /// The kinds of wait counted (codes of the `kind` column).
        kinds: Vec<String>,
        /// A limit in days replacing the law's for these kinds (e.g. 30 for
        /// BUP's first assessment in the region's plan, 60 for the 60-day rule).
        #[serde(default)]
        limit_days: Option<u32>,
        /// Completed waits (default) or people waiting.
        #[serde(default)]
        measure: WaitsMeasure,
        /// Measure per month and summarise (`"month"`), or the whole period at once (absent).
        #[serde(default)]
        per: Option<String>,
        /// How the months are summarised (with `per = "month"`).
        #[serde(default)]
        summary: Summary,
        /// Keep only rows whose column holds one of the values.
        #[serde(default)]
        filters: BTreeMap<String, Vec<String>>,
    },
    /// Readmission within N days after discharge, people of a minimum age.
    Readmission {
        /// The stays table (default `stays`).
        #[serde(default = "stays_table")]
        table: String,
        /// Minimum age at admission (default 65).
        #[serde(default = "default_min_age")]
        min_age: f64,
        /// Days after discharge (default 30).
        #[serde(default = "default_within")]
        within_days: u32,
        /// Only acute readmissions count (default false).
        #[serde(default)]
        acute_only: bool,
        /// Keep only rows whose column holds one of the values.
        #[serde(default)]
        filters: BTreeMap<String, Vec<String>>,
    },
    /// Coordinated individual plans (SIP) established in the period.
    Sip {
        /// The plans table (default `sip`).
        #[serde(default = "sip_table")]
        table: String,
        /// Children, adults or all.
        #[serde(default)]
        group: SipGroup,
        /// The age from which a person is an adult (default 18).
        #[serde(default = "default_age_limit")]
        age_limit: u32,
        /// Statuses of plans not counted (e.g. "makulerad").
        #[serde(default)]
        exclude_statuses: Vec<String>,
        /// Keep only rows whose column holds one of the values.
        #[serde(default)]
        filters: BTreeMap<String, Vec<String>>,
    },
    /// Cause-specific mortality per 100 000 from the cause-of-death register.
    Mortality {
        /// The deaths table (default `deaths`).
        #[serde(default = "deaths_table")]
        deaths: String,
        /// The population table (default `population`).
        #[serde(default = "population_table")]
        population: String,
        /// A named cause set ("suicide", "suicide_wide").
        #[serde(default)]
        cause_set: Option<String>,
        /// ICD-10 ranges instead of a named set (["X60-X84"]).
        #[serde(default)]
        causes: Vec<String>,
        /// Youngest age counted.
        #[serde(default)]
        min_age: Option<u32>,
        /// Oldest age counted.
        #[serde(default)]
        max_age: Option<u32>,
        /// Years pooled per value (default 1).
        #[serde(default = "default_window")]
        window_years: u32,
        /// Standardise directly to this population ("esp2013"); absent: crude.
        #[serde(default)]
        standard: Option<String>,
        /// Rate per this many people (default 100 000).
        #[serde(default = "default_per_100k")]
        multiplier: f64,
        /// Keep only rows whose column holds one of the values.
        #[serde(default)]
        filters: BTreeMap<String, Vec<String>>,
    },
    /// Life expectancy (medellivslängd) at an age, from the deaths and the
    /// population by age, pooled over years as the national statistics
    /// publish it (Chiang's abridged life table, Silcocks' open band).
    LifeExpectancy {
        /// The deaths table (default `deaths`: one row per death with `year`, `age`).
        #[serde(default = "deaths_table")]
        deaths: String,
        /// The population table (default `population`: `year`, `age`, `population`).
        #[serde(default = "population_table")]
        population: String,
        /// The age the expectancy is given at (default 0: at birth).
        #[serde(default)]
        at_age: u32,
        /// The start of the open top band (default 90; 85 or 80 also).
        #[serde(default = "default_open_from")]
        open_from: u32,
        /// Years pooled per value (default 5).
        #[serde(default = "default_le_window")]
        window_years: u32,
        /// Keep only rows whose column holds one of the values.
        #[serde(default)]
        filters: BTreeMap<String, Vec<String>>,
    },
    /// Events with an ICD-10 cause (e.g. fall injuries) per inhabitants, in the period.
    EventRate {
        /// The events table (default `injuries`).
        #[serde(default = "events_table")]
        events: String,
        /// The population table (default `population`).
        #[serde(default = "population_table")]
        population: String,
        /// ICD-10 ranges counted (["W00-W19"]).
        causes: Vec<String>,
        /// The date column of the events (default `date`; e.g. `admitted` for stays).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<String>,
        /// The column of the ICD-10 code (default `cause`; e.g. `diagnosis`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cause: Option<String>,
        /// Youngest age counted.
        #[serde(default)]
        min_age: Option<u32>,
        /// Oldest age counted.
        #[serde(default)]
        max_age: Option<u32>,
        /// Rate per this many people (default 1000).
        #[serde(default = "default_per_1000")]
        multiplier: f64,
        /// Keep only rows whose column holds one of the values.
        #[serde(default)]
        filters: BTreeMap<String, Vec<String>>,
    },
    /// Continuity of care in primary care at the end of the period.
    Continuity {
        /// The visits table (default `visits`).
        #[serde(default = "visits_table")]
        visits: String,
        /// The listings table (default `listings`).
        #[serde(default = "listings_table")]
        listings: String,
        /// The index: coc (default), upc, secon, mmci, herfindahl.
        #[serde(default = "default_index")]
        index: String,
        /// Months of visits before the end of the period (default 18).
        #[serde(default = "default_window_months")]
        window_months: u32,
        /// Minimum visits in the window (default 3).
        #[serde(default = "default_min_visits")]
        min_visits: u32,
        /// Professions whose visits count (default ["läkare"]).
        #[serde(default = "default_professions")]
        professions: Vec<String>,
        /// Only patients with a visit with one of these diagnoses (ICD-10
        /// prefixes, e.g. ["E11", "I10"]); empty: every patient.
        #[serde(default)]
        chronic_codes: Vec<String>,
        /// Keep only listings whose column holds one of the values.
        #[serde(default)]
        filters: BTreeMap<String, Vec<String>>,
    },
    /// Records of a table dated in the period, counted (e.g. doctors'
    /// visits at home), with exact Poisson limits.
    EventCount {
        /// The table.
        table: String,
        /// The date column (default `date`).
        #[serde(default = "event_date")]
        date: String,
        /// Keep only rows whose column holds one of the values (e.g.
        /// `contact_type = ["hembesök"]`).
        #[serde(default)]
        filters: BTreeMap<String, Vec<String>>,
    },
    /// The share of the population aged `min_age` (75) or more with at
    /// least one dispensing of a set of drugs in the month, from the
    /// dispensing records ([`crate::DrugUse`]); a monthly series, so it
    /// takes the months target.
    Drugs {
        /// The dispensings table (default `dispensings`).
        #[serde(default = "dispensings_table")]
        dispensings: String,
        /// The population table (default `population`).
        #[serde(default = "population_table")]
        population: String,
        /// A named set ("inappropriate", "antipsychotics", "nsaids").
        #[serde(default)]
        drug_set: Option<String>,
        /// ATC codes instead of a named set (["N05A"]).
        #[serde(default)]
        atc: Vec<String>,
        /// ATC codes left out of `atc` (["N05AN01"]).
        #[serde(default)]
        exclude_atc: Vec<String>,
        /// The youngest age counted (default 75).
        #[serde(default = "default_drug_age")]
        min_age: u32,
        /// Keep only dispensings whose column holds one of the values.
        #[serde(default)]
        filters: BTreeMap<String, Vec<String>>,
    },
}

impl Family {
    /// The family's name as written in the catalogue.
    ///
    /// The shipped catalogue's indicators by family:
    ///
    /// ```
    /// use indikator::Catalog;
    /// let catalog = Catalog::shipped()?;
    /// let family = |id: &str| catalog.indicator(id).map(|i| i.statistic.name());
    /// assert_eq!(family("aterinskrivning-65"), Some("readmission"));
    /// assert_eq!(family("fallskador-65"), Some("event_rate"));
    /// let drugs = catalog.indicators.iter().filter(|i| i.statistic.name() == "drugs").count();
    /// assert_eq!(drugs, 3); // inappropriate drugs, antipsychotics, NSAIDs
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Family::Waits { .. } => "waits",
            Family::Readmission { .. } => "readmission",
            Family::Sip { .. } => "sip",
            Family::Mortality { .. } => "mortality",
            Family::EventRate { .. } => "event_rate",
            Family::LifeExpectancy { .. } => "life_expectancy",
            Family::Continuity { .. } => "continuity",
            Family::EventCount { .. } => "event_count",
            Family::Drugs { .. } => "drugs",
        }
    }

    /// The tables read, the first being the one the filters apply to.
    ///
    /// ```
    /// use indikator::Catalog;
    /// let catalog = Catalog::shipped()?;
    /// let tables = |id: &str| catalog.indicator(id).unwrap().statistic.tables();
    /// assert_eq!(tables("aterinskrivning-65"), ["stays"]);
    /// assert_eq!(tables("suicid-15-24"), ["deaths", "population"]);
    /// // Continuity filters the listings, so they come first.
    /// assert_eq!(tables("kontinuitet-kroniker"), ["listings", "visits"]);
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn tables(&self) -> Vec<&str> {
        match self {
            Family::Waits { table, .. }
            | Family::Readmission { table, .. }
            | Family::Sip { table, .. }
            | Family::EventCount { table, .. } => vec![table],
            Family::Mortality {
                deaths, population, ..
            }
            | Family::LifeExpectancy {
                deaths, population, ..
            } => vec![deaths, population],
            Family::EventRate {
                events, population, ..
            } => vec![events, population],
            Family::Drugs {
                dispensings,
                population,
                ..
            } => vec![dispensings, population],
            Family::Continuity {
                visits, listings, ..
            } => vec![listings, visits],
        }
    }

    /// The row filters.
    ///
    /// Doctors' visits at home are the visits of one profession and one
    /// contact type; readmission reads every stay:
    ///
    /// ```
    /// use indikator::Catalog;
    /// let catalog = Catalog::shipped()?;
    /// let filters = |id: &str| catalog.indicator(id).unwrap().statistic.filters().clone();
    /// let home = filters("lakarbesok-hemma");
    /// assert_eq!(home.keys().collect::<Vec<_>>(), ["contact_type", "profession"]);
    /// assert_eq!(home["profession"], ["läkare"]);
    /// assert!(filters("aterinskrivning-65").is_empty());
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn filters(&self) -> &BTreeMap<String, Vec<String>> {
        match self {
            Family::Waits { filters, .. }
            | Family::Readmission { filters, .. }
            | Family::Sip { filters, .. }
            | Family::Mortality { filters, .. }
            | Family::EventRate { filters, .. }
            | Family::LifeExpectancy { filters, .. }
            | Family::Continuity { filters, .. }
            | Family::EventCount { filters, .. }
            | Family::Drugs { filters, .. } => filters,
        }
    }

    /// The parameters as one line of JSON, for the provenance of each figure.
    ///
    /// Every parameter, the defaults included, so that a figure says how it
    /// was computed:
    ///
    /// ```
    /// use indikator::Catalog;
    /// let catalog = Catalog::shipped()?;
    /// let readmission = &catalog.indicator("aterinskrivning-65").unwrap().statistic;
    /// assert_eq!(
    ///     readmission.parameters(),
    ///     r#"{"family":"readmission","table":"stays","min_age":65.0,"within_days":30,"acute_only":false,"filters":{}}"#
    /// );
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn parameters(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("(parameters not writable: {e})"))
    }
}

fn waits_table() -> String {
    "waits".into()
}
fn stays_table() -> String {
    "stays".into()
}
fn sip_table() -> String {
    "sip".into()
}
fn deaths_table() -> String {
    "deaths".into()
}
fn population_table() -> String {
    "population".into()
}
fn event_date() -> String {
    "date".into()
}
fn events_table() -> String {
    "injuries".into()
}
fn dispensings_table() -> String {
    "dispensings".into()
}
fn default_drug_age() -> u32 {
    75
}
fn visits_table() -> String {
    "visits".into()
}
fn listings_table() -> String {
    "listings".into()
}
fn default_min_age() -> f64 {
    65.0
}
fn default_within() -> u32 {
    30
}
fn default_age_limit() -> u32 {
    18
}
fn default_window() -> u32 {
    1
}
fn default_open_from() -> u32 {
    90
}
fn default_le_window() -> u32 {
    5
}
fn default_per_100k() -> f64 {
    100_000.0
}
fn default_per_1000() -> f64 {
    1000.0
}
fn default_index() -> String {
    "coc".into()
}
fn default_window_months() -> u32 {
    18
}
fn default_min_visits() -> u32 {
    3
}
fn default_professions() -> Vec<String> {
    vec!["läkare".into()]
}
