//! Funnel plots: control limits at 2σ (p = 0.025) and 3σ (p = 0.001) around
//! the average of a set of units, and the significance of each unit, for
//! proportions, ratios (observed/expected) and rates (crude or DSR), as
//! PHEindicatormethods 2.1.0 computes them.
//!
//! `mod.rs` holds the options and reads the units; `limits.rs` draws the
//! control limits; `significance.rs` judges each unit and gives its point.

mod limits;
mod significance;

use polars::prelude::*;

use crate::error::{Error, Result};
use crate::measure::{f64_values, require_numeric};
use crate::stats::{
    funnel_axis, funnel_count_limit, poisson_funnel_mean, proportion_funnel_limit, signif_ceiling,
    signif_floor,
};

/// What a ratio funnel shows.
///
/// Deaths 2019–2023 by kommun against those expected at riket's rates: the
/// judgement is the same for both kinds (each count's exact Poisson or
/// Byar limits against 1, checked with scipy: Krokom's 95 % lower limit is
/// 1.098 × expected, Åre's upper 0.952 × expected); the kind decides how
/// the limits are drawn.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{Funnel, FunnelStatistic, RatioKind};
///
/// let deaths = df!(
///     "kommun" => ["Östersund", "Krokom", "Berg", "Åre"],
///     "observed" => [310.0, 95.0, 40.0, 30.0],
///     "expected" => [290.0, 70.0, 42.0, 45.0],
/// )?;
/// let funnel = |kind| Funnel::new(FunnelStatistic::Ratio { kind }, "observed", Some("expected"), None);
/// let judged = funnel(RatioKind::Isr).significance(&deaths)?;
/// let s: Vec<_> = judged.column("significance")?.str()?.iter().flatten().collect();
/// assert_eq!(s, ["Not significant", "High (0.025)", "Not significant", "Low (0.025)"]);
/// // An ISR limit is 100 × (the count ratio's limit + 1).
/// let limit = |kind| -> Option<f64> { funnel(kind).limits(&deaths).ok()?.column("upper_2s_limit").ok()?.f64().ok()?.get(50) };
/// let (isr, count) = (limit(RatioKind::Isr).unwrap(), limit(RatioKind::Count).unwrap());
/// assert!((isr - 100.0 * (count + 1.0)).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RatioKind {
    /// Observed/expected − 1 (a count ratio centred on 0).
    Count,
    /// Observed/expected × 100 (an indirectly standardised ratio centred on 100).
    Isr,
}

/// What a rate funnel shows.
///
/// Suicides 2019–2023 by kommun, per 100 000 person-years: a directly
/// standardised rate of fewer than 10 deaths is not drawn, a crude one is.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{Funnel, FunnelStatistic, RateKind};
///
/// let suicides = df!(
///     "kommun" => ["Östersund", "Krokom", "Berg", "Åre"],
///     "deaths" => [48.0, 12.0, 6.0, 11.0],
///     "rate" => [15.0, 15.5, 17.4, 18.3],
/// )?;
/// let funnel = |kind| {
///     let statistic = FunnelStatistic::Rate { kind, multiplier: 100_000.0, years: 5.0 };
///     Funnel::new(statistic, "deaths", None, Some("rate"))
/// };
/// let dsr = funnel(RateKind::Dsr).points(&suicides)?;
/// assert_eq!(dsr.column("rate_chart")?.f64()?.get(2), None); // Berg: 6 deaths
/// let crude = funnel(RateKind::Crude).points(&suicides)?;
/// assert_eq!(crude.column("rate_chart")?.f64()?.get(2), Some(17.4));
/// // Östersund's one-year population behind its rate: 48 / 15.0 × 100 000 / 5.
/// assert_eq!(crude.column("denominator_derived")?.f64()?.get(0), Some(64_000.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RateKind {
    /// Directly standardised rates (units with fewer than 10 events are not judged).
    Dsr,
    /// Crude rates.
    Crude,
}

/// The statistic of a funnel plot.
///
/// The share operated within the vårdgaranti's 90 days by kommun, as
/// percentages around the units' pooled share:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{Error, Funnel, FunnelStatistic};
///
/// let waits = df!(
///     "kommun" => ["Östersund", "Krokom", "Berg", "Åre"],
///     "within_90" => [540.0, 150.0, 30.0, 126.0],
///     "operated" => [600.0, 180.0, 50.0, 160.0],
/// )?;
/// let share = FunnelStatistic::Proportion { multiplier: 100.0 };
/// let limits = Funnel::new(share, "within_90", Some("operated"), None).limits(&waits)?;
/// assert_eq!(limits.column("statistic")?.str()?.get(0), Some("proportion"));
/// // The baseline: 846 of 990 operated within 90 days.
/// let baseline = limits.column("baseline")?.f64()?.get(0).unwrap();
/// assert!((baseline - 100.0 * 846.0 / 990.0).abs() < 1e-9);
/// // A share is a proportion (1) or a percentage (100), not per mille.
/// let per_mille = FunnelStatistic::Proportion { multiplier: 1000.0 };
/// let refused = Funnel::new(per_mille, "within_90", Some("operated"), None).limits(&waits);
/// assert!(matches!(refused, Err(Error::InvalidArgument { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum FunnelStatistic {
    /// Proportions (numerator of denominator), Wilson-score limits.
    Proportion {
        /// 1 for proportions, 100 for percentages.
        multiplier: f64,
    },
    /// Ratios of observed to expected events, exact Poisson limits.
    Ratio {
        /// Count or ISR.
        kind: RatioKind,
    },
    /// Rates per `multiplier` over `years` of data, exact Poisson limits.
    Rate {
        /// DSR or crude.
        kind: RateKind,
        /// e.g. 100 000.
        multiplier: f64,
        /// The number of years the events cover (for the one-year populations).
        years: f64,
    },
}

/// A funnel plot over a table with one row per unit.
///
/// ```
/// use indikator::{Funnel, FunnelStatistic};
/// use indikator::polars::prelude::*;
/// let units = df!("x" => [30.0, 45.0, 60.0], "n" => [50.0, 60.0, 70.0])?;
/// let funnel = Funnel::new(FunnelStatistic::Proportion { multiplier: 100.0 }, "x", Some("n"), None);
/// let limits = funnel.limits(&units)?;
/// assert_eq!(limits.height(), 100);
/// let judged = funnel.significance(&units)?;
/// assert_eq!(judged.column("significance")?.str()?.get(0), Some("Low (0.025)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Funnel {
    /// The statistic and its parameters.
    pub statistic: FunnelStatistic,
    /// The numerator (events, observed) column.
    pub numerator: String,
    /// The denominator (proportions), expected events (ratios) or
    /// population (rates; needed only where a unit has zero events).
    pub denominator: Option<String>,
    /// The rate column (rates only).
    pub rate: Option<String>,
}

const SIGNIFICANCE: [&str; 5] = [
    "High (0.001)",
    "High (0.025)",
    "Low (0.001)",
    "Low (0.025)",
    "Not significant",
];

/// "Not applicable" label for DSR units with fewer than 10 events.
///
/// Age-standardised suicide rates 2019–2023 by kommun: Berg's 6 deaths are
/// too few to judge (the others lie inside the limits around the pooled
/// 15.65 per 100 000, checked with scipy):
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{Funnel, FunnelStatistic, RateKind, DSR_NOT_APPLICABLE};
///
/// let suicides = df!(
///     "kommun" => ["Östersund", "Krokom", "Berg", "Åre"],
///     "deaths" => [48.0, 12.0, 6.0, 11.0],
///     "rate" => [15.0, 15.5, 17.4, 18.3],
/// )?;
/// let dsr = FunnelStatistic::Rate { kind: RateKind::Dsr, multiplier: 100_000.0, years: 5.0 };
/// let judged = Funnel::new(dsr, "deaths", None, Some("rate")).significance(&suicides)?;
/// let s: Vec<_> = judged.column("significance")?.str()?.iter().flatten().collect();
/// assert_eq!(s, ["Not significant", "Not significant", DSR_NOT_APPLICABLE, "Not significant"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const DSR_NOT_APPLICABLE: &str = "Not applicable for events less than 10 for dsrs";

pub(super) struct Units {
    numerator: Vec<f64>,
    /// Denominator, expected events, or the derived population of a rate (None: not derivable).
    denominator: Vec<Option<f64>>,
}

impl Funnel {
    /// A funnel of `statistic` over the named columns.
    ///
    /// The share operated within the vårdgaranti's 90 days by kommun needs
    /// the numerator and the denominator; a rate funnel also needs its rate
    /// column, which is checked when the funnel is drawn:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Error, Funnel, FunnelStatistic, RateKind};
    ///
    /// let share = FunnelStatistic::Proportion { multiplier: 100.0 };
    /// let funnel = Funnel::new(share, "within_90", Some("operated"), None);
    /// assert_eq!((funnel.numerator.as_str(), funnel.denominator.as_deref()), ("within_90", Some("operated")));
    /// let suicides = FunnelStatistic::Rate { kind: RateKind::Crude, multiplier: 100_000.0, years: 5.0 };
    /// let no_rate = Funnel::new(suicides, "deaths", Some("population"), None);
    /// let units = df!("deaths" => [48.0], "population" => [64_000.0])?;
    /// assert!(matches!(no_rate.limits(&units), Err(Error::InvalidArgument { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        statistic: FunnelStatistic,
        numerator: &str,
        denominator: Option<&str>,
        rate: Option<&str>,
    ) -> Self {
        Funnel {
            statistic,
            numerator: numerator.to_string(),
            denominator: denominator.map(str::to_string),
            rate: rate.map(str::to_string),
        }
    }

    pub(super) fn statistic_label(&self) -> String {
        match self.statistic {
            FunnelStatistic::Proportion { .. } => "proportion".to_string(),
            FunnelStatistic::Ratio {
                kind: RatioKind::Count,
            } => "ratio (count)".to_string(),
            FunnelStatistic::Ratio {
                kind: RatioKind::Isr,
            } => "ratio (isr)".to_string(),
            FunnelStatistic::Rate {
                kind, multiplier, ..
            } => {
                let kind = if kind == RateKind::Dsr {
                    "dsr"
                } else {
                    "crude"
                };
                format!("rate ({kind} per {})", thousands(multiplier))
            }
        }
    }

    pub(super) fn check(&self) -> Result<()> {
        match self.statistic {
            FunnelStatistic::Proportion { multiplier }
                if multiplier != 1.0 && multiplier != 100.0 =>
            {
                Err(Error::argument(
                    "multiplier",
                    "1 (proportion) or 100 (percentage)",
                    multiplier,
                ))
            }
            FunnelStatistic::Rate {
                multiplier, years, ..
            } => {
                if !(multiplier.is_finite() && multiplier > 0.0) {
                    return Err(Error::argument(
                        "multiplier",
                        "must be a positive finite number",
                        multiplier,
                    ));
                }
                if !(years.is_finite() && years > 0.0) {
                    return Err(Error::argument(
                        "years",
                        "the years of data must be a positive number",
                        years,
                    ));
                }
                if self.rate.is_none() {
                    return Err(Error::argument(
                        "rate",
                        "a rate funnel needs the rate column",
                        "None",
                    ));
                }
                Ok(())
            }
            FunnelStatistic::Proportion { .. } | FunnelStatistic::Ratio { .. } => {
                if self.denominator.is_none() {
                    return Err(Error::argument(
                        "denominator",
                        "proportion and ratio funnels need the denominator (or expected) column",
                        "None",
                    ));
                }
                Ok(())
            }
        }
    }

    /// Read and check the units: numerators present and ≥ 0; denominators
    /// present and > 0 (proportions, ratios); numerators ≤ denominators
    /// (proportions); rates present where there are events, and a
    /// population where there are none (rates).
    pub(super) fn units(&self, data: &DataFrame) -> Result<Units> {
        self.check()?;
        let role = |r: &str| r.to_string();
        require_numeric(data.schema(), &self.numerator, "numerator")?;
        let num = f64_values(data, &self.numerator)?;
        if let Some(row) = num.iter().position(Option::is_none) {
            return Err(Error::data(
                &self.numerator,
                "numerators must be given for every unit, also when zero",
                "missing",
                format!("in row {}", row + 1),
            ));
        }
        let numerator: Vec<f64> = num.into_iter().flatten().collect();
        if let Some(v) = numerator.iter().find(|v| !(v.is_finite() && **v >= 0.0)) {
            return Err(Error::data(
                &self.numerator,
                "numerators must be >= 0",
                v,
                "",
            ));
        }
        if numerator.is_empty() {
            return Err(Error::data(
                &self.numerator,
                "a funnel needs at least one unit",
                "an empty frame",
                "",
            ));
        }
        let den = match &self.denominator {
            Some(d) => {
                require_numeric(data.schema(), d, &role("denominator"))?;
                Some(f64_values(data, d)?)
            }
            None => None,
        };
        let denominator = match self.statistic {
            FunnelStatistic::Proportion { .. } | FunnelStatistic::Ratio { .. } => {
                let name = self.denominator.as_deref().unwrap_or_default();
                let den = den.unwrap_or_default();
                for (i, d) in den.iter().enumerate() {
                    match d {
                        None => {
                            return Err(Error::data(
                                name,
                                "denominators must be given for every unit",
                                "missing",
                                format!("in row {}", i + 1),
                            ))
                        }
                        Some(d) if !(d.is_finite() && *d > 0.0) => {
                            return Err(Error::data(
                                name,
                                "denominators must be > 0",
                                d,
                                format!("in row {}", i + 1),
                            ))
                        }
                        Some(d)
                            if matches!(self.statistic, FunnelStatistic::Proportion { .. })
                                && numerator[i] > *d =>
                        {
                            return Err(Error::data(
                                &self.numerator,
                                "numerators must be <= the denominator for a proportion",
                                format!("{} > {d}", numerator[i]),
                                format!("in row {}", i + 1),
                            ))
                        }
                        _ => {}
                    }
                }
                den
            }
            FunnelStatistic::Rate {
                kind, multiplier, ..
            } => {
                let name = self.rate.as_deref().unwrap_or_default();
                require_numeric(data.schema(), name, "rate")?;
                let rate = f64_values(data, name)?;
                let mut derived = Vec::with_capacity(rate.len());
                for (i, (x, r)) in numerator.iter().zip(&rate).enumerate() {
                    let population = den.as_ref().and_then(|d| d[i]);
                    let at = format!("in row {}", i + 1);
                    derived.push(if *x == 0.0 {
                        let Some(p) = population.filter(|p| *p > 0.0) else {
                            return Err(Error::data(
                                self.denominator.as_deref().unwrap_or(name),
                                "where a unit has 0 events its population (the denominator) must be given and > 0",
                                population.map_or("missing".to_string(), |p| p.to_string()),
                                at,
                            ));
                        };
                        if kind == RateKind::Dsr { None } else { Some(p) }
                    } else {
                        match r {
                            Some(r) if r.is_finite() && *r > 0.0 => Some(multiplier * x / r),
                            other => {
                                return Err(Error::data(name, "rates must be given and > 0 where a unit has events", other.map_or("missing".to_string(), |r| r.to_string()), at))
                            }
                        }
                    });
                }
                derived
            }
        };
        Ok(Units {
            numerator,
            denominator,
        })
    }
}

/// A whole number with commas between thousands, as the reference labels multipliers.
fn thousands(x: f64) -> String {
    let digits = format!("{x:.0}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
