//! The follow-up structure of the region's plans in the catalogue:
//! perspective → strategic goal (`[[goal]]`) → success factor
//! (`[[success_factor]]`) → measures. A measure is an indicator computed
//! from the data (`[[indicator]]` with `success_factor = "<id>"`) or a
//! value the responsible unit reports (`[[measure]]`): a number, a yes/no
//! answer, a status or a rating. A success factor's rating is either
//! reported on the region's three-level scale or derived from its measures
//! (see [`crate::derived_rating`]).
//!
//! ```
//! use indikator::{Catalog, FactorRating, MeasureKind};
//! let catalog = Catalog::from_toml_str(r#"
//! [catalog]
//! id = "exempel"
//! version = "1"
//! title = "Exempel"
//! region = "Region Jämtland Härjedalen"
//!
//! [[goal]]
//! id = "nara-vard"
//! perspective = "Patient"
//! name_sv = "Vården ska så långt möjligt ges i hemmet eller nära hemmet"
//!
//! [[success_factor]]
//! id = "anhoriga"
//! goal = "nara-vard"
//! name_sv = "Stöd till anhöriga som ger vårdande insatser i hemmet"
//! responsible = "Hälso- och sjukvårdsnämnden"
//! rating = "derived"
//!
//! [[measure]]
//! id = "anhorigstod-rutin"
//! name_sv = "Finns rutin för anhörigstöd?"
//! success_factor = "anhoriga"
//! kind = "yes_no"
//! target = { form = "yes_no" }
//! responsible = "Primärvården"
//! "#)?;
//! assert_eq!(catalog.success_factors[0].rating, FactorRating::Derived);
//! assert_eq!(catalog.measures[0].kind, MeasureKind::YesNo);
//! # Ok::<(), indikator::Error>(())
//! ```
//!
//! Over 500 lines with its documentation: 392 lines of code and 264 of doc
//! comments (every public item and method carries a runnable example).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::definition::Catalog;
use crate::assess::{Perspective, Target};
use crate::period::Period;

/// A strategic goal (strategiskt mål) of one perspective.
///
/// A goal of the shipped catalogue and the success factors under it:
///
/// ```
/// use indikator::{Catalog, Perspective};
/// let catalog = Catalog::shipped()?;
/// let goal = catalog.goal("psykisk-halsa").unwrap();
/// assert_eq!(goal.perspective, Perspective::Samhalle);
/// assert_eq!(goal.name_sv, "Förbättrad psykisk hälsa");
/// let factors: Vec<&str> = catalog
///     .success_factors
///     .iter()
///     .filter(|f| f.goal == goal.id)
///     .map(|f| f.id.as_str())
///     .collect();
/// assert_eq!(factors, ["suicidprevention", "samverkan-skolan"]);
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Goal {
    /// A unique id (shared namespace with factors, indicators and measures).
    pub id: String,
    /// The perspective of the balanced scorecard.
    pub perspective: Perspective,
    /// The Swedish name.
    pub name_sv: String,
    /// The English name.
    #[serde(default)]
    pub name_en: Option<String>,
}

/// How a success factor is rated.
///
/// ```
/// use indikator::{Catalog, FactorRating};
/// let catalog = Catalog::shipped()?;
/// // Suicide prevention is rated from its measures, cooperation with the
/// // schools by the responsible body.
/// let rating = |id: &str| catalog.success_factor(id).map(|f| f.rating);
/// assert_eq!(rating("suicidprevention"), Some(FactorRating::Derived));
/// assert_eq!(rating("samverkan-skolan"), Some(FactorRating::Reported));
/// // Those rated by hand are rows of the workbook the units fill in.
/// let by_hand = catalog
///     .success_factors
///     .iter()
///     .filter(|f| f.rating == FactorRating::Reported)
///     .count();
/// assert_eq!(by_hand, 6);
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FactorRating {
    /// Rated by the responsible body on the three-level scale (grön, gul,
    /// röd) with a comment, in the reported file.
    Reported,
    /// Derived from the ratings of its measures by the documented rule
    /// ([`crate::derived_rating`]).
    Derived,
}

/// A success factor (framgångsfaktor) under a strategic goal.
///
/// The SIP factor of the shipped catalogue, and its measures: two
/// indicators computed from the data and one measure the units report.
///
/// ```
/// use indikator::{Catalog, Perspective};
/// let catalog = Catalog::shipped()?;
/// let sip = catalog.success_factor("sip").unwrap();
/// assert_eq!(sip.goal, "samverkan-kommuner");
/// assert_eq!(sip.responsible, "Vårdvalsnämnden");
/// assert_eq!(catalog.factor_perspective(sip), Some(Perspective::Samhalle));
/// let of_sip = |f: &Option<String>| f.as_deref() == Some(sip.id.as_str());
/// let computed: Vec<&str> = catalog.indicators.iter()
///     .filter(|i| of_sip(&i.success_factor)).map(|i| i.id.as_str()).collect();
/// assert_eq!(computed, ["sip-barn", "sip-vuxna"]);
/// let reported: Vec<&str> = catalog.measures.iter()
///     .filter(|m| m.success_factor == sip.id).map(|m| m.id.as_str()).collect();
/// assert_eq!(reported, ["sip-rutin-uppfoljd"]);
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SuccessFactor {
    /// A unique id; also the id its rating is reported under.
    pub id: String,
    /// The id of its strategic goal.
    pub goal: String,
    /// The Swedish name.
    pub name_sv: String,
    /// The English name.
    #[serde(default)]
    pub name_en: Option<String>,
    /// The body that chose it and answers for it (Regionstyrelsen,
    /// Vårdvalsnämnden, Regionala utvecklingsnämnden…).
    pub responsible: String,
    /// Reported or derived.
    pub rating: FactorRating,
    /// A note shown with it, e.g. "ny från 31/5".
    #[serde(default)]
    pub note: Option<String>,
}

/// What a reported measure's value is.
///
/// ```
/// use indikator::{Catalog, MeasureKind};
/// let catalog = Catalog::shipped()?;
/// let digital = catalog.measure("digitala-kontakter").unwrap();
/// assert_eq!(digital.kind, MeasureKind::Status);
/// assert_eq!(digital.kind.name(), "status"); // as the catalogue writes it
/// assert_eq!(digital.kind.values(), "Ej påbörjat, Pågår, Arbete pågår or Klart");
/// let sick_leave = catalog.measure("sjukfranvaro").unwrap();
/// assert_eq!((sick_leave.kind, sick_leave.unit.as_str()), (MeasureKind::Number, "%"));
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MeasureKind {
    /// A number (a share, an index, a count).
    Number,
    /// Ja or nej, with the status of the work beside it.
    YesNo,
    /// Ej påbörjat, Pågår (Arbete pågår) or Klart.
    Status,
    /// Grön, gul or röd on the region's three-level scale.
    Rating,
}

impl MeasureKind {
    /// The kind's name as written in the catalogue.
    ///
    /// `kind = "yes_no"` in the catalogue reads as [`MeasureKind::YesNo`],
    /// whose name writes it back:
    ///
    /// ```
    /// use indikator::{Catalog, MeasureKind};
    /// let catalog = Catalog::shipped()?;
    /// let routine = catalog.measure("sip-rutin-uppfoljd").unwrap();
    /// assert_eq!(routine.kind, MeasureKind::YesNo);
    /// assert_eq!(routine.kind.name(), "yes_no");
    /// assert_eq!(MeasureKind::Number.name(), "number");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            MeasureKind::Number => "number",
            MeasureKind::YesNo => "yes_no",
            MeasureKind::Status => "status",
            MeasureKind::Rating => "rating",
        }
    }

    /// The values the kind takes, in the words of the reported file.
    ///
    /// The hint beside a measure in the workbook the units fill in:
    ///
    /// ```
    /// use indikator::{Catalog, MeasureKind};
    /// let catalog = Catalog::shipped()?;
    /// let routine = catalog.measure("sip-rutin-uppfoljd").unwrap();
    /// let hint = format!("{}: {}", routine.name_sv, routine.kind.values());
    /// assert_eq!(hint, "Är rutinen för SIP uppföljd tillsammans med kommunerna?: ja or nej");
    /// assert_eq!(MeasureKind::Rating.values(), "grön, gul or röd");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn values(self) -> &'static str {
        match self {
            MeasureKind::Number => "a number (decimal comma or point)",
            MeasureKind::YesNo => "ja or nej",
            MeasureKind::Status => "Ej påbörjat, Pågår, Arbete pågår or Klart",
            MeasureKind::Rating => "grön, gul or röd",
        }
    }
}

/// How often a measure is followed up.
///
/// ```
/// use indikator::{Catalog, Frequency};
/// let catalog = Catalog::shipped()?;
/// // Sick leave is followed every half-year; the staff survey's index,
/// // with no `frequency` key, once a year.
/// assert_eq!(catalog.measure("sjukfranvaro").unwrap().frequency, Frequency::HalfYearly);
/// assert_eq!(catalog.measure("arbetsmiljoindex").unwrap().frequency, Frequency::Yearly);
/// assert_eq!(Frequency::default(), Frequency::Yearly);
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Frequency {
    /// Every half-year (and so in the delårsbokslut).
    #[serde(alias = "halvårsvis")]
    HalfYearly,
    /// Once a year: unanswered in a shorter report, it is "mäts vid årets slut".
    #[default]
    #[serde(alias = "årsvis")]
    Yearly,
}

/// A measure whose value the responsible unit reports (`[[measure]]`).
///
/// An activity measure of the primary-care plan, in the shipped catalogue:
///
/// ```
/// use indikator::{Catalog, Frequency, MeasureKind, Period, Target};
/// let catalog = Catalog::shipped()?;
/// let m = catalog.measure("fast-lakarkontakt").unwrap();
/// assert_eq!(m.name_sv, "Finns fast läkarkontakt? Finns rutin?");
/// assert_eq!((m.success_factor.as_str(), m.kind), ("kontinuitet-pv", MeasureKind::YesNo));
/// assert!(matches!(m.target, Some(Target::YesNo { .. })));
/// assert_eq!(m.responsible, "Hälsocentralerna");
/// assert_eq!(m.strategy.as_deref(), Some("Ökad kontinuitet"));
/// assert_eq!(m.priority, Some("2023–2024".parse::<Period>()?));
/// assert_eq!(m.frequency, Frequency::HalfYearly);
/// assert!(!m.per_kommun); // one answer for the region
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReportedMeasure {
    /// A unique id; the id its value is reported under.
    pub id: String,
    /// The Swedish name (the question, for yes/no measures).
    pub name_sv: String,
    /// The English name.
    #[serde(default)]
    pub name_en: Option<String>,
    /// The id of its success factor.
    pub success_factor: String,
    /// What its value is.
    pub kind: MeasureKind,
    /// The unit written after numbers.
    #[serde(default)]
    pub unit: String,
    /// Decimals shown (numbers; default 1).
    #[serde(default = "default_decimals")]
    pub decimals: usize,
    /// The target, in a form that fits the kind: yes_no takes the yes/no
    /// form, status the status form, rating the qualitative form, number a
    /// threshold, a range or a direction.
    #[serde(default)]
    pub target: Option<Target>,
    /// Who reports it.
    pub responsible: String,
    /// Where the value comes from, in words (a survey, school statistics).
    #[serde(default)]
    pub source: Option<String>,
    /// The plan's strategy an activity measure belongs to ("Ökad kontinuitet").
    #[serde(default)]
    pub strategy: Option<String>,
    /// The plan's priority period ("2023–2024").
    #[serde(default)]
    pub priority: Option<Period>,
    /// How often it is followed up (default yearly).
    #[serde(default)]
    pub frequency: Frequency,
    /// Answered once per kommun (yes/no only); every kommun must meet the target.
    #[serde(default)]
    pub per_kommun: bool,
}

fn default_decimals() -> usize {
    1
}

/// A broken rule: the entry at fault, which of its definitions (0: the
/// first written), the key to point at, and the message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fault {
    pub id: Option<String>,
    pub occurrence: usize,
    pub key: Option<&'static str>,
    pub message: String,
}

impl Fault {
    fn at(id: &str, key: &'static str, message: String) -> Fault {
        Fault {
            id: Some(id.to_string()),
            occurrence: 0,
            key: Some(key),
            message,
        }
    }
}

/// Whether an id is lower-case letters a–z, digits and `-`.
pub(super) fn well_formed(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

const ID_RULE: &str =
    "an id is lower-case letters a–z, digits and '-' (it names files and anchors)";

/// A list of ids for a message: the first few, then how many more.
fn listed<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    if ids.is_empty() {
        return "none".into();
    }
    let mut out = ids.iter().take(12).copied().collect::<Vec<_>>().join(", ");
    if ids.len() > 12 {
        out.push_str(&format!(" and {} more", ids.len() - 12));
    }
    out
}

/// Well-formed ids, each used once across goals, success factors,
/// indicators and measures (a duplicate is pointed at where it is written
/// the second time).
pub(crate) fn check_ids(catalog: &Catalog) -> Result<(), Fault> {
    let mut seen: HashMap<&str, (&'static str, usize)> = HashMap::new();
    let entries = catalog
        .goals
        .iter()
        .map(|g| (g.id.as_str(), "goal"))
        .chain(
            catalog
                .success_factors
                .iter()
                .map(|f| (f.id.as_str(), "success factor")),
        )
        .chain(
            catalog
                .indicators
                .iter()
                .map(|i| (i.id.as_str(), "indicator")),
        )
        .chain(catalog.measures.iter().map(|m| (m.id.as_str(), "measure")));
    for (id, kind) in entries {
        if !well_formed(id) {
            return Err(Fault::at(id, "id", format!("{kind} `{id}`: {ID_RULE}")));
        }
        if let Some((first, count)) = seen.get_mut(id) {
            *count += 1;
            let message = if *first == kind {
                format!("{kind} `{id}`: the id is used twice")
            } else {
                format!("{kind} `{id}`: the id is used twice (also a {first}; goals, success factors, indicators and measures share one set of ids)")
            };
            return Err(Fault {
                id: Some(id.to_string()),
                occurrence: *count - 1,
                key: None,
                message,
            });
        }
        seen.insert(id, (kind, 1));
    }
    Ok(())
}

/// Check the follow-up structure: every goal, factor and indicator
/// reference known; an indicator in its factor's perspective; a derived
/// factor with at least one measure; targets that fit their measure's kind.
pub(crate) fn check(catalog: &Catalog) -> Result<(), Fault> {
    for goal in &catalog.goals {
        if goal.name_sv.trim().is_empty() {
            return Err(Fault::at(
                &goal.id,
                "name_sv",
                format!("goal `{}`: name_sv must not be empty", goal.id),
            ));
        }
    }
    let goal_ids = || listed(catalog.goals.iter().map(|g| g.id.as_str()));
    let factor_ids = || listed(catalog.success_factors.iter().map(|f| f.id.as_str()));
    for factor in &catalog.success_factors {
        let at = |key, m: String| {
            Fault::at(
                &factor.id,
                key,
                format!("success factor `{}`: {m}", factor.id),
            )
        };
        if catalog.goal(&factor.goal).is_none() {
            return Err(at(
                "goal",
                format!(
                    "the goal {:?} is not a goal of the catalogue (goals: {})",
                    factor.goal,
                    goal_ids()
                ),
            ));
        }
        for (key, text) in [
            ("name_sv", &factor.name_sv),
            ("responsible", &factor.responsible),
        ] {
            if text.trim().is_empty() {
                return Err(at(key, format!("{key} must not be empty")));
            }
        }
        let measured = catalog
            .measures
            .iter()
            .any(|m| m.success_factor == factor.id)
            || catalog
                .indicators
                .iter()
                .any(|i| i.success_factor.as_deref() == Some(factor.id.as_str()));
        if factor.rating == FactorRating::Derived && !measured {
            return Err(at(
                "rating",
                "a derived rating needs at least one measure (an indicator or a [[measure]] with \
                 success_factor = this id); rate it as \"reported\" or give it measures"
                    .into(),
            ));
        }
    }
    for ind in &catalog.indicators {
        let Some(id) = &ind.success_factor else {
            continue;
        };
        let at = |m: String| {
            Fault::at(
                &ind.id,
                "success_factor",
                format!("indicator `{}`: {m}", ind.id),
            )
        };
        let Some(factor) = catalog.success_factor(id) else {
            return Err(at(format!(
                "the success factor {id:?} is not a success factor of the catalogue (success factors: {})",
                factor_ids()
            )));
        };
        if let Some(goal) = catalog.goal(&factor.goal) {
            if goal.perspective != ind.perspective {
                return Err(at(format!(
                    "the indicator's perspective {} differs from its success factor's ({}, goal `{}`)",
                    ind.perspective.name(),
                    goal.perspective.name(),
                    goal.id
                )));
            }
        }
    }
    for m in &catalog.measures {
        check_measure(catalog, m, &factor_ids)?;
    }
    Ok(())
}

fn check_measure(
    catalog: &Catalog,
    m: &ReportedMeasure,
    factor_ids: &dyn Fn() -> String,
) -> Result<(), Fault> {
    let at = |key, msg: String| Fault::at(&m.id, key, format!("measure `{}`: {msg}", m.id));
    if catalog.success_factor(&m.success_factor).is_none() {
        return Err(at(
            "success_factor",
            format!(
                "the success factor {:?} is not a success factor of the catalogue (success factors: {})",
                m.success_factor,
                factor_ids()
            ),
        ));
    }
    for (key, text) in [("name_sv", &m.name_sv), ("responsible", &m.responsible)] {
        if text.trim().is_empty() {
            return Err(at(key, format!("{key} must not be empty")));
        }
    }
    if m.decimals > 6 {
        return Err(at(
            "decimals",
            format!("decimals must be 0–6; got {}", m.decimals),
        ));
    }
    if m.strategy.as_deref().is_some_and(|s| s.trim().is_empty()) {
        return Err(at("strategy", "a strategy must not be empty".into()));
    }
    if m.per_kommun && m.kind != MeasureKind::YesNo {
        return Err(at(
            "per_kommun",
            format!(
                "per_kommun is for yes/no measures (each kommun answers); the kind is {}",
                m.kind.name()
            ),
        ));
    }
    if let Some(target) = &m.target {
        target
            .validate()
            .map_err(|e| at("target", format!("target: {e}")))?;
        let fits = match (m.kind, target) {
            (MeasureKind::YesNo, Target::YesNo { .. })
            | (MeasureKind::Status, Target::Status)
            | (MeasureKind::Rating, Target::Qualitative) => true,
            (
                MeasureKind::Number,
                Target::Threshold { .. }
                | Target::Range { .. }
                | Target::Direction {
                    significant: false, ..
                },
            ) => true,
            (MeasureKind::Number, Target::Direction { .. }) => {
                return Err(at(
                    "target",
                    "a reported number has no confidence interval: a significant direction \
                     cannot be judged; drop `significant`"
                        .into(),
                ))
            }
            _ => false,
        };
        if !fits {
            let wanted = match m.kind {
                MeasureKind::Number => "a threshold, a range or a direction",
                MeasureKind::YesNo => "the yes_no form",
                MeasureKind::Status => "the status form",
                MeasureKind::Rating => "the qualitative form",
            };
            return Err(at(
                "target",
                format!(
                    "the target \"{}\" does not fit the kind {}: it takes {wanted}",
                    target.words(),
                    m.kind.name()
                ),
            ));
        }
    }
    Ok(())
}

impl Catalog {
    /// The strategic goal with this id.
    ///
    /// ```
    /// use indikator::{Catalog, Perspective};
    /// let catalog = Catalog::shipped()?;
    /// let goal = catalog.goal("hallbar-verksamhet").unwrap();
    /// assert_eq!(goal.perspective, Perspective::Verksamhetsresultat);
    /// assert_eq!(goal.name_sv, "Långsiktigt hållbar verksamhet");
    /// assert!(catalog.goal("aterinskrivningar").is_none()); // a success factor's id
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The success factor with this id.
    ///
    /// ```
    /// use indikator::{Catalog, FactorRating};
    /// let catalog = Catalog::shipped()?;
    /// let drugs = catalog.success_factor("lakemedel-aldre").unwrap();
    /// assert_eq!(drugs.goal, "god-vard");
    /// assert_eq!(drugs.rating, FactorRating::Derived); // from its three drug indicators
    /// assert!(catalog.success_factor("nsaid-75").is_none()); // an indicator's id
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn success_factor(&self, id: &str) -> Option<&SuccessFactor> {
        self.success_factors.iter().find(|f| f.id == id)
    }

    /// The reported measure with this id.
    ///
    /// ```
    /// use indikator::{Catalog, Frequency, MeasureKind};
    /// let catalog = Catalog::shipped()?;
    /// let routine = catalog.measure("sip-rutin-uppfoljd").unwrap();
    /// assert_eq!((routine.success_factor.as_str(), routine.kind), ("sip", MeasureKind::YesNo));
    /// assert_eq!(routine.frequency, Frequency::HalfYearly);
    /// assert!(catalog.measure("sip-barn").is_none()); // an indicator, computed
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn measure(&self, id: &str) -> Option<&ReportedMeasure> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// The perspective of a success factor (through its goal).
    ///
    /// ```
    /// use indikator::{Catalog, Perspective};
    /// let catalog = Catalog::shipped()?;
    /// let fewer = catalog.success_factor("aterinskrivningar").unwrap();
    /// assert_eq!(catalog.factor_perspective(fewer), Some(Perspective::Verksamhetsresultat));
    /// let mut orphan = fewer.clone();
    /// orphan.goal = "okant-mal".into();
    /// assert_eq!(catalog.factor_perspective(&orphan), None);
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn factor_perspective(&self, factor: &SuccessFactor) -> Option<Perspective> {
        self.goal(&factor.goal).map(|g| g.perspective)
    }
}
