//! Differences between groups of a result table: women against men, any
//! two groups, or each group against the total or the rest.
//!
//! Over 500 lines with its documentation: 316 lines of code and 312 of doc
//! comments (every public item and method carries a runnable example).

mod table;

pub(crate) use table::statistic_kind;

use polars::prelude::*;

use super::confidence::{Confidence, OutputType};
use super::output::{Estimate, Status, Table};
use super::rate::multiplier_label;
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::stats::{
    excludes, newcombe_limits, rate_difference_limits, rate_ratio_limits, RateRatioMethod,
};

/// The output column naming what each group is compared against.
///
/// Women against men: `versus` holds the reference group.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{Contrast, VERSUS_COLUMN};
///
/// let deaths = df!("sex" => ["kvinnor", "män"], "deaths" => [30i64, 60], "population" => [65_500i64, 66_500])?;
/// let rates = Rate::new("deaths", "population").by("sex").compute(deaths.lazy())?;
/// let ratio = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor")).compute(&rates)?;
/// assert_eq!(VERSUS_COLUMN, "versus");
/// assert_eq!(ratio.column("sex")?.str()?.get(0), Some("män"));
/// assert_eq!(ratio.column(VERSUS_COLUMN)?.str()?.get(0), Some("kvinnor"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const VERSUS_COLUMN: &str = "versus";

/// Which groups are compared.
///
/// Each kommun against the rest of the region, as a rate ratio:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::Contrast;
///
/// let deaths = df!(
///     "kommun" => ["Östersund", "Krokom", "Åre"],
///     "deaths" => [640i64, 140, 95],
///     "population" => [64_000i64, 15_500, 12_000],
/// )?;
/// let rates = Rate::new("deaths", "population").by("kommun").compute(deaths.lazy())?;
/// let ratios = Difference::rate_ratio("kommun", Contrast::EachVsRest).compute(&rates)?;
/// assert_eq!(ratios.height(), 3);
/// let row = ratios.column("kommun")?.str()?.iter().position(|k| k == Some("Östersund")).unwrap();
/// // (640 / 64 000) / ((140 + 95) / (15 500 + 12 000)) = 1.17021…
/// let value = ratios.column("value")?.f64()?.get(row).unwrap();
/// assert!((value - 1.1702127659574468).abs() < 1e-12);
/// assert_eq!(ratios.column("versus")?.str()?.get(row), Some("rest"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Contrast {
    /// One group against another, e.g. women against men.
    Between {
        /// The group compared (first in a ratio or difference).
        group: String,
        /// The group it is compared against.
        reference: String,
    },
    /// Each group against the total: the sum of every group's counts, or
    /// the row of the named group when the table has a total row. The two
    /// are treated as independent, which overstates the variance since the
    /// group is part of the total (the limits are conservative).
    EachVsTotal {
        /// The level of the total row, if the table has one.
        total: Option<String>,
    },
    /// Each group against all the others together (independent samples).
    EachVsRest,
}

impl Contrast {
    /// `group` against `reference`.
    ///
    /// Östersund against Krokom, as the difference of their vårdgaranti
    /// shares:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Contrast;
    ///
    /// let contrast = Contrast::between("Östersund", "Krokom");
    /// assert!(matches!(&contrast, Contrast::Between { group, reference } if group == "Östersund" && reference == "Krokom"));
    /// let waits = df!("kommun" => ["Östersund", "Krokom"], "within" => [410i64, 96], "completed" => [450i64, 120])?;
    /// let shares = Proportion::new("within", "completed").percentage().by("kommun").compute(&waits)?;
    /// let gap = Difference::proportion_difference("kommun", contrast).compute(&shares)?;
    /// assert_eq!(gap.column("kommun")?.str()?.get(0), Some("Östersund"));
    /// assert_eq!(gap.column("versus")?.str()?.get(0), Some("Krokom"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn between(group: impl Into<String>, reference: impl Into<String>) -> Self {
        Contrast::Between {
            group: group.into(),
            reference: reference.into(),
        }
    }
}

/// What is computed for each pair.
///
/// Each constructor of [`Difference`] sets one; a difference of
/// percentages is in percentage points:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{Contrast, DifferenceMeasure};
///
/// // Vårdgaranti: first visits within 90 days, by sex.
/// let visits = df!("sex" => ["kvinnor", "män"], "within" => [80i64, 70], "visits" => [100i64, 100])?;
/// let shares = Proportion::new("within", "visits").percentage().by("sex").compute(visits.lazy())?;
/// let gap = Difference::proportion_difference("sex", Contrast::between("kvinnor", "män"));
/// assert_eq!(gap.measure, DifferenceMeasure::ProportionDifference);
/// let out = gap.compute(&shares)?;
/// // (80/100 − 70/100) × 100 = 10 percentage points
/// assert!((out.column("value")?.f64()?.get(0).unwrap() - 10.0).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DifferenceMeasure {
    /// The ratio of two rates (no difference: 1).
    RateRatio,
    /// The difference of two rates, in the table's units (no difference: 0).
    RateDifference,
    /// The difference of two proportions, in the table's units (no difference: 0).
    ProportionDifference,
}

/// The difference between groups of a result table — a rate or a
/// proportion broken down by, say, sex — with limits and whether the
/// difference is significant.
///
/// Output: the other group columns, the compared column (holding the
/// group), `versus` (the group, "total" or "rest" compared against),
/// `numerator` and `denominator` (null), `value` (the ratio or
/// difference), the limits, `significant` (`significant_95`,
/// `significant_99_8` at both levels: the limits exclude no difference),
/// `status`, and `confidence`, `statistic`, `method`.
///
/// # Method
/// From the counts of the two groups (`x₁/n₁` against `x₂/n₂`):
/// - rate ratio: `(x₁/n₁)/(x₂/n₂)`, limits exact conditional on the total
///   count (default) or log-normal ([`crate::stats::rate_ratio_limits`]);
/// - rate difference: `(x₁/n₁ − x₂/n₂) × multiplier`, normal approximation
///   on the Poisson variances ([`crate::stats::rate_difference_limits`]);
/// - difference of proportions: `(x₁/n₁ − x₂/n₂) × multiplier` (percentage
///   points for percentages), Newcombe's hybrid score interval
///   ([`crate::stats::newcombe_limits`]).
///
/// The multiplier is read from the table's `statistic` ("rate per 100000",
/// "percentage", …) unless given. The group columns are the columns before
/// `numerator`, as in every result of the library. A pair with a count
/// missing (e.g. suppressed) gets no value and says which; a group missing
/// from a combination of the other columns gets "a group compared has no
/// row".
///
/// # Errors
/// Missing `numerator`, `denominator` or compared column; a compared column
/// that is not a group column; a named group that no row has; two rows for
/// one group; a table of another statistic than the comparison needs, or of
/// several; no multiplier to be had for a difference; a proportion above 1.
///
/// # Example
/// ```
/// use indikator::{Contrast, Difference, Rate, Statistic};
/// use indikator::polars::prelude::*;
///
/// let deaths = df!("sex" => ["kvinnor", "män"], "deaths" => [30, 60], "population" => [60_000, 61_000])?;
/// let rates = Rate::new("deaths", "population").by(["sex"]).compute(deaths.lazy())?;
/// let ratio = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor")).compute(&rates)?;
/// let value = ratio.column("value")?.f64()?.get(0).unwrap();
/// assert!((value - (60.0 / 61_000.0) / (30.0 / 60_000.0)).abs() < 1e-12);
/// assert_eq!(ratio.column("significant")?.bool()?.get(0), Some(true));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
/// Breslow NE, Day NE (1987), *Statistical Methods in Cancer Research II*,
/// IARC. Newcombe RG (1998), Stat Med 17, 873–890.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Difference {
    /// The group column whose levels are compared (e.g. `sex`).
    pub column: String,
    /// Which levels are compared.
    pub contrast: Contrast,
    /// Ratio or difference.
    pub measure: DifferenceMeasure,
    /// The limits of a rate ratio.
    pub ratio_method: RateRatioMethod,
    /// The multiplier of the table's values; read from its `statistic` when `None`.
    pub multiplier: Option<f64>,
    /// The confidence level(s) of the limits.
    pub confidence: Confidence,
    /// Which columns to return.
    pub output: OutputType,
}

impl Difference {
    fn new(column: impl Into<String>, contrast: Contrast, measure: DifferenceMeasure) -> Self {
        Difference {
            column: column.into(),
            contrast,
            measure,
            ratio_method: RateRatioMethod::default(),
            multiplier: None,
            confidence: Confidence::default(),
            output: OutputType::default(),
        }
    }

    /// The ratio of two rates of a rate table.
    ///
    /// Suicide among men against women in the region over five years:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Contrast;
    ///
    /// let deaths = df!("sex" => ["kvinnor", "män"], "deaths" => [28i64, 70], "person_years" => [327_500i64, 332_500])?;
    /// let rates = Rate::new("deaths", "person_years").by("sex").compute(&deaths)?;
    /// let ratio = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor")).compute(&rates)?;
    /// let get = |c: &str| ratio.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// // (70 / 332 500) / (28 / 327 500) = 2.4624; exact limits by hand
    /// // (Python, scipy's beta.ppf): 1.5679 to 3.9652.
    /// assert!((get("value") - 2.462406015037594).abs() < 1e-12);
    /// assert!((get("lower") - 1.5678628707334863).abs() < 1e-6 && (get("upper") - 3.965236260989776).abs() < 1e-6);
    /// assert_eq!(ratio.column("significant")?.bool()?.get(0), Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rate_ratio(column: impl Into<String>, contrast: Contrast) -> Self {
        Difference::new(column, contrast, DifferenceMeasure::RateRatio)
    }

    /// The difference of two rates of a rate table.
    ///
    /// Suicide among men against women, in deaths per 100 000 (the rate
    /// table's multiplier):
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Contrast;
    ///
    /// let deaths = df!("sex" => ["kvinnor", "män"], "deaths" => [28i64, 70], "person_years" => [327_500i64, 332_500])?;
    /// let rates = Rate::new("deaths", "person_years").by("sex").compute(&deaths)?;
    /// let gap = Difference::rate_difference("sex", Contrast::between("män", "kvinnor")).compute(&rates)?;
    /// let get = |c: &str| gap.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// // (70 / 332 500 − 28 / 327 500) × 100 000 = 12.50; limits ± 1.96 · √(x₁/n₁² + x₂/n₂²) × 100 000
    /// assert!((get("value") - 12.503013258336683).abs() < 1e-9);
    /// assert!((get("lower") - 6.642036308316015).abs() < 1e-6 && (get("upper") - 18.36399020835735).abs() < 1e-6);
    /// assert_eq!(gap.column("statistic")?.str()?.get(0), Some("rate difference per 100000"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rate_difference(column: impl Into<String>, contrast: Contrast) -> Self {
        Difference::new(column, contrast, DifferenceMeasure::RateDifference)
    }

    /// The difference of two proportions of a proportion table.
    ///
    /// Vårdgaranti: Östersund's share within the limit against Krokom's, in
    /// percentage points:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Contrast;
    ///
    /// let waits = df!("kommun" => ["Östersund", "Krokom"], "within" => [410i64, 96], "completed" => [450i64, 120])?;
    /// let shares = Proportion::new("within", "completed").percentage().by("kommun").compute(&waits)?;
    /// let gap = Difference::proportion_difference("kommun", Contrast::between("Östersund", "Krokom")).compute(&shares)?;
    /// let get = |c: &str| gap.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// // 91.11 % − 80 % = 11.11 points; Newcombe's limits by hand (Python): 4.25 to 19.47.
    /// assert!((get("value") - 11.111111111111105).abs() < 1e-9);
    /// assert!((get("lower") - 4.250170625108998).abs() < 1e-6 && (get("upper") - 19.468572900884656).abs() < 1e-6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn proportion_difference(column: impl Into<String>, contrast: Contrast) -> Self {
        Difference::new(column, contrast, DifferenceMeasure::ProportionDifference)
    }

    /// Set the method of a rate ratio's limits.
    ///
    /// Log-normal limits instead of the exact ones, for suicide among men
    /// against women:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Contrast, RateRatioMethod};
    ///
    /// let deaths = df!("sex" => ["kvinnor", "män"], "deaths" => [28i64, 70], "person_years" => [327_500i64, 332_500])?;
    /// let rates = Rate::new("deaths", "person_years").by("sex").compute(&deaths)?;
    /// let ratio = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor"))
    ///     .ratio_method(RateRatioMethod::LogNormal)
    ///     .compute(&rates)?;
    /// // exp(ln 2.4624 ± 1.96 · √(1/70 + 1/28)) = 1.5886 to 3.8168 (Python)
    /// assert!((ratio.column("lower")?.f64()?.get(0).unwrap() - 1.58863897097802).abs() < 1e-9);
    /// assert!((ratio.column("upper")?.f64()?.get(0).unwrap() - 3.816753518995233).abs() < 1e-9);
    /// assert_eq!(ratio.column("method")?.str()?.get(0), Some("log-normal"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ratio_method(mut self, method: RateRatioMethod) -> Self {
        self.ratio_method = method;
        self
    }

    /// Set the multiplier of the table's values (instead of reading it).
    ///
    /// A rate table without its `statistic` column (the standard output)
    /// says nothing of its unit: a difference needs it given.
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Contrast, OutputType};
    ///
    /// let deaths = df!("sex" => ["kvinnor", "män"], "deaths" => [28i64, 70], "person_years" => [327_500i64, 332_500])?;
    /// let rates = Rate::new("deaths", "person_years").by("sex").output(OutputType::Standard).compute(&deaths)?;
    /// let gap = Difference::rate_difference("sex", Contrast::between("män", "kvinnor"));
    /// assert!(matches!(gap.compute(&rates), Err(Error::InvalidArgument { .. })));
    /// let per_100_000 = gap.multiplier(100_000.0).compute(&rates)?;
    /// assert!((per_100_000.column("value")?.f64()?.get(0).unwrap() - 12.503013258336683).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn multiplier(mut self, multiplier: f64) -> Self {
        self.multiplier = Some(multiplier);
        self
    }

    /// Set the confidence level(s).
    ///
    /// Men against women at both levels: the suicide rate ratio 2.46 is
    /// significant at 95 % and at 99.8 % (exact limits 1.24 to 5.25, by hand
    /// with Python):
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Contrast;
    ///
    /// let deaths = df!("sex" => ["kvinnor", "män"], "deaths" => [28i64, 70], "person_years" => [327_500i64, 332_500])?;
    /// let rates = Rate::new("deaths", "person_years").by("sex").compute(&deaths)?;
    /// let ratio = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor"))
    ///     .confidence(Confidence::Both)
    ///     .compute(&rates)?;
    /// assert!((ratio.column("lower_99_8")?.f64()?.get(0).unwrap() - 1.238187325396984).abs() < 1e-6);
    /// assert_eq!(ratio.column("significant_95")?.bool()?.get(0), Some(true));
    /// assert_eq!(ratio.column("significant_99_8")?.bool()?.get(0), Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn confidence(mut self, confidence: Confidence) -> Self {
        self.confidence = confidence;
        self
    }

    /// Set the output shape.
    ///
    /// Only the ratio, with the groups it compares:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Contrast, OutputType};
    ///
    /// let deaths = df!("sex" => ["kvinnor", "män"], "deaths" => [28i64, 70], "person_years" => [327_500i64, 332_500])?;
    /// let rates = Rate::new("deaths", "person_years").by("sex").compute(&deaths)?;
    /// let ratio = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor"))
    ///     .output(OutputType::Value)
    ///     .compute(&rates)?;
    /// let columns: Vec<&str> = ratio.get_column_names().iter().map(|c| c.as_str()).collect();
    /// assert_eq!(columns, ["sex", "versus", "value"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn output(mut self, output: OutputType) -> Self {
        self.output = output;
        self
    }

    /// The comparisons of `table`, a result of the library.
    ///
    /// # Errors
    /// See [`Difference`].
    ///
    /// # Example
    /// Men against women in each year: the other group columns (`year`)
    /// are kept, one row per year.
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Contrast;
    ///
    /// let deaths = df!(
    ///     "year" => [2023i64, 2023, 2024, 2024],
    ///     "sex" => ["kvinnor", "män", "kvinnor", "män"],
    ///     "deaths" => [6i64, 15, 5, 14],
    ///     "population" => [65_600i64, 66_400, 65_700, 66_600],
    /// )?;
    /// let rates = Rate::new("deaths", "population").by(["year", "sex"]).compute(&deaths)?;
    /// let ratios = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor")).compute(&rates)?;
    /// assert_eq!(ratios.height(), 2);
    /// assert_eq!(ratios.column("year")?.i64()?.get(1), Some(2024));
    /// // 2024: (14 / 66 600) / (5 / 65 700) = 2.7622
    /// assert!((ratios.column("value")?.f64()?.get(1).unwrap() - 2.762162162162162).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compute(&self, table: impl IntoFrame) -> Result<DataFrame> {
        let table = &table.into_data_frame()?;
        if let Some(m) = self.multiplier {
            if !(m.is_finite() && m > 0.0) {
                let rule = "multiplier must be a positive finite number";
                return Err(Error::argument("multiplier", rule, m));
            }
        }
        let arranged = table::arrange(table, &self.column, self.measure, self.multiplier)?;
        let pairs = self.pairs(&arranged)?;
        let (statistic, method) = self.labels(arranged.multiplier);
        let levels = self.confidence.levels();
        let mut take = Vec::with_capacity(pairs.len());
        let (mut groups, mut versus) = (Vec::new(), Vec::new());
        let mut significant: Vec<Vec<Option<bool>>> = vec![Vec::new(); levels.len()];
        let mut estimates = Vec::with_capacity(pairs.len());
        for pair in pairs {
            let e = match (pair.first, pair.second) {
                (Some(a), Some(b)) => self.estimate(a, b, arranged.multiplier, method),
                _ => Estimate::missing(None, None, Status::GroupMissing),
            };
            let null = if self.measure == DifferenceMeasure::RateRatio {
                1.0
            } else {
                0.0
            };
            for (flags, (lo, hi)) in significant.iter_mut().zip(e.limits) {
                flags.push(excludes(null, lo, hi));
            }
            take.push(pair.row as IdxSize);
            groups.push(pair.group);
            versus.push(pair.versus);
            estimates.push(e);
        }
        let mut keys = arranged.keys.take(&IdxCa::from_vec("".into(), take))?;
        // The groups keep the compared column's type (sex coded 1 and 2 stays a number).
        let dtype = table.column(&self.column)?.dtype().clone();
        keys.with_column(Column::new(self.column.as_str().into(), groups).cast(&dtype)?)?;
        keys.with_column(Column::new(VERSUS_COLUMN.into(), versus))?;
        let mut out = Table::new(keys, self.confidence, statistic);
        for e in estimates {
            out.push(e);
        }
        let names = match self.confidence {
            Confidence::Both => vec!["significant_95", "significant_99_8"],
            _ => vec!["significant"],
        };
        for (name, flags) in names.into_iter().zip(significant) {
            out.add_column(Column::new(name.into(), flags));
        }
        out.finish(self.output)
    }

    /// The `statistic` and `method` texts.
    fn labels(&self, multiplier: f64) -> (String, &'static str) {
        match self.measure {
            DifferenceMeasure::RateRatio => ("rate ratio".into(), self.ratio_method.label()),
            DifferenceMeasure::RateDifference => (
                format!("rate difference per {}", multiplier_label(multiplier)),
                "normal approximation (Poisson variances)",
            ),
            DifferenceMeasure::ProportionDifference => {
                let what = if multiplier == 100.0 {
                    "difference of percentages (percentage points)".to_string()
                } else {
                    format!(
                        "difference of proportions of {}",
                        multiplier_label(multiplier)
                    )
                };
                (what, "Newcombe hybrid score (method 10)")
            }
        }
    }

    /// The estimate of one pair of `(numerator, denominator)`.
    fn estimate(&self, a: Counts, b: Counts, multiplier: f64, method: &'static str) -> Estimate {
        let (x1, n1, x2, n2) = match (a, b) {
            ((Some(x1), Some(n1)), (Some(x2), Some(n2))) => (x1, n1, x2, n2),
            ((None, _), _) | (_, (None, _)) => {
                return Estimate::missing(None, None, Status::NumeratorMissing)
            }
            _ => return Estimate::missing(None, None, Status::DenominatorMissing),
        };
        if n1 <= 0.0 || n2 <= 0.0 {
            return Estimate::missing(None, None, Status::DenominatorZero);
        }
        let levels = self.confidence.levels();
        let mut limits = [(None, None); 2];
        let value = match self.measure {
            DifferenceMeasure::RateRatio => {
                if x1 + x2 == 0.0 {
                    return Estimate::missing(None, None, Status::NoEvents);
                }
                if x2 == 0.0 {
                    return Estimate::missing(None, None, Status::ComparisonCountZero);
                }
                if x1 == 0.0 && self.ratio_method == RateRatioMethod::LogNormal {
                    return Estimate::missing(None, None, Status::CountZero);
                }
                for (slot, &level) in limits.iter_mut().zip(levels) {
                    *slot = rate_ratio_limits(x1, n1, x2, n2, level, self.ratio_method);
                }
                x1 / n1 / (x2 / n2)
            }
            DifferenceMeasure::RateDifference => {
                for (slot, &level) in limits.iter_mut().zip(levels) {
                    let pair = rate_difference_limits(x1, n1, x2, n2, level);
                    *slot = scaled(pair, multiplier);
                }
                (x1 / n1 - x2 / n2) * multiplier
            }
            DifferenceMeasure::ProportionDifference => {
                for (slot, &level) in limits.iter_mut().zip(levels) {
                    *slot = scaled(newcombe_limits(x1, n1, x2, n2, level), multiplier);
                }
                (x1 / n1 - x2 / n2) * multiplier
            }
        };
        Estimate {
            numerator: None,
            denominator: None,
            value: Some(value),
            limits,
            method: Some(method),
            status: Status::Ok,
        }
    }
}

/// A group's `(numerator, denominator)`.
pub(super) type Counts = (Option<f64>, Option<f64>);

fn scaled(pair: Option<(f64, f64)>, multiplier: f64) -> (Option<f64>, Option<f64>) {
    match pair {
        Some((lo, hi)) => (Some(lo * multiplier), Some(hi * multiplier)),
        None => (None, None),
    }
}

/// One comparison: the key row, the two groups' counts (`None` for a
/// group without a row) and their names.
struct Pair {
    row: usize,
    group: String,
    versus: String,
    first: Option<Counts>,
    second: Option<Counts>,
}

/// The counts of several groups together (`None` once one is missing).
fn summed<'a>(parts: impl Iterator<Item = &'a Counts>) -> Counts {
    parts.fold((Some(0.0), Some(0.0)), |(x, n), (a, b)| {
        (x.zip(*a).map(|(x, a)| x + a), n.zip(*b).map(|(n, b)| n + b))
    })
}

impl Difference {
    /// The pairs to compare, per key row of the table.
    fn pairs(&self, arranged: &table::Arranged) -> Result<Vec<Pair>> {
        let present = |level: &String| -> Result<()> {
            if arranged.levels.contains(level) {
                return Ok(());
            }
            Err(Error::argument(
                "contrast",
                &format!(
                    "each group named must be a value of `{}` ({})",
                    self.column,
                    arranged.levels.join(", ")
                ),
                format!("{level:?}"),
            ))
        };
        let mut pairs = Vec::new();
        for (row, counts) in arranged.counts.iter().enumerate() {
            let mut push = |group: &String, versus: &str, second: Option<Counts>| {
                pairs.push(Pair {
                    row,
                    group: group.clone(),
                    versus: versus.to_string(),
                    first: counts.get(group).copied(),
                    second,
                });
            };
            match &self.contrast {
                Contrast::Between { group, reference } => {
                    present(group)?;
                    present(reference)?;
                    push(group, reference, counts.get(reference).copied());
                }
                Contrast::EachVsTotal { total: Some(total) } => {
                    present(total)?;
                    for level in arranged.levels.iter().filter(|l| *l != total) {
                        if counts.contains_key(level) {
                            push(level, total, counts.get(total).copied());
                        }
                    }
                }
                Contrast::EachVsTotal { total: None } => {
                    let all = summed(counts.values());
                    for level in arranged.levels.iter().filter(|l| counts.contains_key(*l)) {
                        push(level, "total", Some(all));
                    }
                }
                Contrast::EachVsRest => {
                    for level in arranged.levels.iter().filter(|l| counts.contains_key(*l)) {
                        let others = counts.iter().filter(|(l, _)| *l != level);
                        let rest = (counts.len() > 1).then(|| summed(others.map(|(_, c)| c)));
                        push(level, "rest", rest);
                    }
                }
            }
        }
        Ok(pairs)
    }
}
