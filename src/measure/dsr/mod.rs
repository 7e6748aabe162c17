//! Directly standardised rates with Dobson limits.
//!
//! Two ways to the same sums: one pass over the rows when every group has
//! exactly one row per band of the standard ([`single_pass`], the usual
//! shape of a table of counts and populations), else the bands summed per
//! group first and then the groups (any shape, and the pass that names the
//! group and band of a broken rule).
//!
//! Over 500 lines with its documentation: 410 lines of code and 195 of doc
//! comments (every public item and method carries a runnable example).

mod estimates;
mod single_pass;

use estimates::{GroupSums, Variance};

use std::collections::HashMap;

use polars::prelude::*;

use super::aggregate::{f64_values, summarise, Input};
use super::columns::{group_label, require_keys, require_numeric, schema_of, string_lists};
use super::common::{Common, Statistic};
use super::grouping::{Grouping, Pool, PoolMethod};
use super::rate::check_multiplier;
use super::standard_population::StandardPopulation;
use crate::error::{Error, Result};
use crate::input::IntoFrame;

/// Whether events are independent, or counted per person by frequency.
///
/// Fall injuries 65+ per 1 000, standardised to the ESP 2013's bands over
/// 65: the same admissions counted once per event, and per person by how
/// often each was admitted. The value is the same; the limits of the second
/// are wider, for a person's falls are not independent.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::Events;
///
/// // ESP 2013: 65–79 is 5 500 + 5 000 + 4 000, 80+ is 2 500 + 1 500 + 1 000.
/// let esp65 = StandardPopulation::new("ESP 2013, 65+", vec![("65-79".into(), 14_500.0), ("80+".into(), 5_000.0)])?;
/// let persons = df!(
///     "age" => ["65-79", "65-79", "80+", "80+"],
///     "admissions" => [1i64, 2, 1, 2],
///     "persons" => [300i64, 20, 420, 40],
///     "population" => [22_000i64, 22_000, 8_000, 8_000],
/// )?;
/// let per_person = Dsr::new("persons", "population", "age", esp65.clone())
///     .multiplier(1000.0)
///     .events(Events::NonIndependent { frequency: "admissions".into() })
///     .compute(persons.lazy())?;
/// let events = df!("age" => ["65-79", "80+"], "falls" => [340i64, 500], "population" => [22_000i64, 8_000])?;
/// let per_event = Dsr::new("falls", "population", "age", esp65).multiplier(1000.0).compute(events.lazy())?;
/// let get = |t: &DataFrame, c: &str| t.column(c).unwrap().f64().unwrap().get(0).unwrap();
/// // (340/22 000 · 14 500 + 500/8 000 · 5 000) / 19 500 × 1 000 = 27.5175…
/// assert!((get(&per_person, "value") - 27.517482517482517).abs() < 1e-9);
/// assert!((get(&per_event, "value") - get(&per_person, "value")).abs() < 1e-9);
/// assert!(get(&per_person, "upper") - get(&per_person, "lower") > get(&per_event, "upper") - get(&per_event, "lower"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Events {
    /// Each event is independent (the default).
    #[default]
    Independent,
    /// Rows count *persons* who had the event `frequency` times; the limits
    /// are widened for the dependence between a person's events.
    NonIndependent {
        /// Column holding the frequency (1, 2, 3, …) of the row's persons.
        frequency: String,
    },
}

/// A directly standardised rate (DSR) per group, with Dobson limits.
///
/// # Method
/// Value `Σᵢ (xᵢ/nᵢ)·wᵢ / Σᵢ wᵢ × multiplier` over the age bands `i` of the
/// standard population `w`, joined to the data by band label. Variance
/// `Σᵢ xᵢ(wᵢ/nᵢ)² / (Σw)²`; limits by Dobson's method on Byar's limits of the
/// total count. When the total count is below 10 no value is given (`status`
/// "total count below 10"). Non-independent events: the variance is
/// `Σ_f f²·V_f`, with `V_f` the variance computed on the persons with
/// frequency `f` (PHEindicatormethods `calculate_dsr`).
///
/// A group with a missing count or population gets no value (`status` says
/// which) unless `missing_as_zero` is set, which counts missing counts as
/// zero as PHEindicatormethods does.
///
/// # Errors
/// Missing or non-numeric columns; negative counts; a population of zero or
/// less in an age band; an age band in the data that the standard lacks, or
/// a standard band missing from a group; populations that differ between
/// frequencies of one band (non-independent events); a bad multiplier.
///
/// # Example
/// ```
/// use indikator::{Dsr, StandardPopulation, Statistic};
/// use indikator::polars::prelude::*;
///
/// let std = StandardPopulation::new("two bands", vec![("0-64".into(), 80.0), ("65+".into(), 20.0)])?;
/// let data = df!("age" => ["0-64", "65+"], "deaths" => [10, 40], "pop" => [10_000, 2_000])?;
/// let dsr = Dsr::new("deaths", "pop", "age", std).multiplier(1000.0).compute(data.lazy())?;
/// // (10/10000·80 + 40/2000·20) / 100 × 1000 = 4.8
/// assert!((dsr.column("value")?.f64()?.get(0).unwrap() - 4.8).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
/// Dobson, Kuulasmaa, Eberle & Scherer (1991), Stat Med 10, 457–462.
/// Eurostat (2013), *Revision of the European Standard Population*.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Dsr {
    /// Column of events.
    pub numerator: String,
    /// Column of the population.
    pub denominator: String,
    /// Column of age-band labels, matched to the standard's labels.
    pub age_band: String,
    /// The standard population.
    pub standard: StandardPopulation,
    /// Multiplier (default 100 000).
    pub multiplier: f64,
    /// Independent or non-independent events.
    pub events: Events,
    /// Count missing event counts as zero (PHEindicatormethods' behaviour).
    pub missing_as_zero: bool,
    /// Grouping, confidence, output.
    pub common: Common,
}

impl Dsr {
    /// A DSR of `numerator` per `denominator` over `age_band`, standardised to `standard`.
    ///
    /// Fall injuries 65+ in Östersund, standardised to the ESP 2013's
    /// bands over 65 (65–79: 14 500, 80+: 5 000), per 100 000 by default:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let esp65 = StandardPopulation::new("ESP 2013, 65+", vec![("65-79".into(), 14_500.0), ("80+".into(), 5_000.0)])?;
    /// let falls = df!("age" => ["65-79", "80+"], "injuries" => [280i64, 310], "population" => [10_500i64, 3_500])?;
    /// let dsr = Dsr::new("injuries", "population", "age", esp65).compute(&falls)?;
    /// let get = |c: &str| dsr.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// // (280/10 500 · 14 500 + 310/3 500 · 5 000) / 19 500 × 100 000 = 4 253.97;
    /// // Dobson's limits by hand (Python): 3 917.54 to 4 611.56.
    /// assert!((get("value") - 4253.9682539682535).abs() < 1e-9);
    /// assert!((get("lower") - 3917.539872838609).abs() < 1e-6 && (get("upper") - 4611.556180733616).abs() < 1e-6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        numerator: impl Into<String>,
        denominator: impl Into<String>,
        age_band: impl Into<String>,
        standard: StandardPopulation,
    ) -> Self {
        Dsr {
            numerator: numerator.into(),
            denominator: denominator.into(),
            age_band: age_band.into(),
            standard,
            multiplier: 100_000.0,
            events: Events::Independent,
            missing_as_zero: false,
            common: Common::default(),
        }
    }

    /// Set the multiplier.
    ///
    /// Fall injuries 65+ per 1 000, as the plans report them:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let esp65 = StandardPopulation::new("ESP 2013, 65+", vec![("65-79".into(), 14_500.0), ("80+".into(), 5_000.0)])?;
    /// let falls = df!("age" => ["65-79", "80+"], "injuries" => [280i64, 310], "population" => [10_500i64, 3_500])?;
    /// let dsr = Dsr::new("injuries", "population", "age", esp65).multiplier(1000.0).compute(&falls)?;
    /// // (280/10 500 · 14 500 + 310/3 500 · 5 000) / 19 500 × 1 000
    /// assert!((dsr.column("value")?.f64()?.get(0).unwrap() - 42.53968253968254).abs() < 1e-12);
    /// assert_eq!(dsr.column("statistic")?.str()?.get(0), Some("dsr per 1000"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn multiplier(mut self, multiplier: f64) -> Self {
        self.multiplier = multiplier;
        self
    }

    /// Set how events relate to persons.
    ///
    /// Persons admitted for a fall once or twice (`admissions`), each band's
    /// population on every row of the band: the rate counts the 840 falls,
    /// the limits are wider than for 840 independent events.
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Events;
    ///
    /// let esp65 = StandardPopulation::new("ESP 2013, 65+", vec![("65-79".into(), 14_500.0), ("80+".into(), 5_000.0)])?;
    /// let persons = df!(
    ///     "age" => ["65-79", "65-79", "80+", "80+"],
    ///     "admissions" => [1i64, 2, 1, 2],
    ///     "persons" => [300i64, 20, 420, 40],
    ///     "population" => [22_000i64, 22_000, 8_000, 8_000],
    /// )?;
    /// let dsr = Dsr::new("persons", "population", "age", esp65)
    ///     .multiplier(1000.0)
    ///     .events(Events::NonIndependent { frequency: "admissions".into() })
    ///     .compute(&persons)?;
    /// let get = |c: &str| dsr.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// // (340/22 000 · 14 500 + 500/8 000 · 5 000) / 19 500 × 1 000 = 27.52
    /// assert!((get("value") - 27.517482517482517).abs() < 1e-9);
    /// // Dobson's lower limit of 840 independent falls, by hand (Python): 25.69.
    /// assert!(get("lower") < 25.687180777724585);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn events(mut self, events: Events) -> Self {
        self.events = events;
        self
    }

    /// Count missing event counts as zero.
    ///
    /// Berg's falls among those 80 and over were not reported:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let esp65 = StandardPopulation::new("ESP 2013, 65+", vec![("65-79".into(), 14_500.0), ("80+".into(), 5_000.0)])?;
    /// let falls = df!("age" => ["65-79", "80+"], "injuries" => [Some(45i64), None], "population" => [2_000i64, 700])?;
    /// let strict = Dsr::new("injuries", "population", "age", esp65.clone()).multiplier(1000.0).compute(&falls)?;
    /// assert_eq!(strict.column("status")?.str()?.get(0), Some("numerator missing"));
    /// let as_zero = Dsr::new("injuries", "population", "age", esp65).multiplier(1000.0).missing_as_zero(true).compute(&falls)?;
    /// // 45/2 000 · 14 500 / 19 500 × 1 000 = 16.73
    /// assert!((as_zero.column("value")?.f64()?.get(0).unwrap() - 16.73076923076923).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn missing_as_zero(mut self, yes: bool) -> Self {
        self.missing_as_zero = yes;
        self
    }
}

/// Groups with fewer events than this get no DSR.
///
/// Berg's 9 deaths give no value (`status` says why); Krokom's 15 do:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::DSR_MIN_EVENTS;
///
/// let standard = StandardPopulation::new("two bands", vec![("0-64".into(), 80.0), ("65+".into(), 20.0)])?;
/// let deaths = df!(
///     "kommun" => ["Berg", "Berg", "Krokom", "Krokom"],
///     "age" => ["0-64", "65+", "0-64", "65+"],
///     "deaths" => [4i64, 5, 7, 8],
///     "population" => [5_000i64, 2_000, 12_000, 3_500],
/// )?;
/// let dsr = Dsr::new("deaths", "population", "age", standard).by("kommun").compute(deaths.lazy())?;
/// assert_eq!(DSR_MIN_EVENTS, 10.0);
/// let status: Vec<_> = dsr.column("status")?.str()?.iter().flatten().collect();
/// assert_eq!(status, ["total count below 10", "ok"]);
/// assert_eq!(dsr.column("value")?.f64()?.get(0), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const DSR_MIN_EVENTS: f64 = 10.0;

const X: &str = "__ik_x";
const N: &str = "__ik_n";
const W: &str = "__ik_w";
const BAND: &str = "__ik_band";

/// Sum the inputs per (group, band[, frequency]) and attach the standard weights.
///
/// Returns the frame and the names of the group columns in it.
pub(crate) fn banded(
    data: LazyFrame,
    common: &Common,
    inputs: &[Input<'_>],
    age_band: &str,
    frequency: Option<&str>,
    standard: &StandardPopulation,
) -> Result<(DataFrame, Vec<String>)> {
    let schema = schema_of(&data)?;
    require_keys(&schema, &[age_band.to_string()], "age band")?;
    if let Some(f) = frequency {
        require_numeric(&schema, f, "event frequency")?;
    }
    let mut by = common.grouping.by.clone();
    by.push(age_band.to_string());
    by.extend(frequency.map(str::to_string));
    // Bands are summed over all pooled periods; the span label and the number
    // of periods are worked out per group (not per band) below.
    let grouping = Grouping { by, pool: None };
    let summary = summarise(data.clone(), &grouping, inputs, Vec::new())?;
    let mut cols = summary.keys.columns().to_vec();
    let band_strings = summary
        .keys
        .column(age_band)?
        .cast(&DataType::String)?
        .with_name(BAND.into());
    cols.push(band_strings);
    for (input, name) in summary.sums.iter().zip([X, N]) {
        cols.push(Column::new(name.into(), input.clone()));
    }
    let mut df = DataFrame::new(summary.keys.height(), cols)?;
    if let Some(f) = frequency {
        let bad = f64_values(&df, f)?
            .into_iter()
            .find(|v| !matches!(v, Some(v) if *v >= 1.0 && v.fract() == 0.0));
        if let Some(v) = bad {
            let shown = v.map_or("a missing value".to_string(), |v| v.to_string());
            return Err(Error::data(
                f,
                "event frequencies must be whole numbers >= 1",
                shown,
                "",
            ));
        }
    }

    // One pass: look each band's weight up, collecting bands the standard lacks.
    let lookup: HashMap<&str, f64> = standard
        .bands()
        .iter()
        .map(|(b, w)| (b.as_str(), *w))
        .collect();
    let mut unknown: Vec<String> = Vec::new();
    let mut weights: Vec<f64> = Vec::with_capacity(df.height());
    for band in df.column(BAND)?.str()?.iter() {
        let band = band.unwrap_or_default();
        match lookup.get(band) {
            Some(w) => weights.push(*w),
            None => unknown.push(band.to_string()),
        }
    }
    unknown.sort();
    unknown.dedup();
    if !unknown.is_empty() {
        let known: Vec<&str> = standard.bands().iter().map(|(b, _)| b.as_str()).collect();
        return Err(Error::AgeBands {
            column: age_band.to_string(),
            problem: format!(
                "present in the data but not in the standard population {} (whose bands are {})",
                standard.name(),
                known.join(", ")
            ),
            bands: unknown.join(", "),
            location: String::new(),
        });
    }
    df.with_column(Column::new(W.into(), weights))?;
    let mut group_cols = common.grouping.by.clone();
    if let Some(pool) = &common.grouping.pool {
        df = with_pooled_periods(df, data, &common.grouping, pool)?;
        group_cols.push(pool.column.clone());
        group_cols.push("periods".to_string());
    }
    Ok((df, group_cols))
}

/// Attach each group's pooled-period label and count to its band rows, and
/// divide the band sums by the count when averaging.
fn with_pooled_periods(
    df: DataFrame,
    data: LazyFrame,
    grouping: &Grouping,
    pool: &Pool,
) -> Result<DataFrame> {
    let labels = summarise(data, grouping, &[], Vec::new())?.keys;
    let mut df = if grouping.by.is_empty() {
        let mut df = df;
        for c in labels.columns() {
            let first = c.get(0)?.into_static();
            df.with_column(Column::new_scalar(
                c.name().clone(),
                Scalar::new(c.dtype().clone(), first),
                df.height(),
            ))?;
        }
        df
    } else {
        let on: Vec<Expr> = grouping.by.iter().map(|b| col(b.as_str())).collect();
        df.lazy()
            .join(labels.lazy(), on.clone(), on, JoinArgs::new(JoinType::Left))
            .collect()?
    };
    if pool.method == PoolMethod::Average {
        let periods = col("periods").cast(DataType::Float64);
        let sums: Vec<Expr> = [X, N]
            .iter()
            .filter(|c| df.schema().contains(c))
            .map(|c| (col(*c) / periods.clone()).alias(*c))
            .collect();
        df = df.lazy().with_columns(sums).collect()?;
    }
    Ok(df)
}

/// Whether some group has fewer distinct bands (`__ik_nbands`) than the
/// standard: the cheap test before naming the missing bands.
pub(crate) fn lacks_bands(per_group: &DataFrame, bands: usize) -> Result<bool> {
    let counts = per_group.column("__ik_nbands")?.cast(&DataType::UInt64)?;
    let lacking = counts.u64()?.iter().any(|n| n.unwrap_or(0) < bands as u64);
    Ok(lacking)
}

/// Check that every group has every band of the standard population.
pub(crate) fn require_all_bands(
    per_group: &DataFrame,
    keys: &DataFrame,
    age_band: &str,
    standard: &StandardPopulation,
) -> Result<()> {
    for (row, present) in string_lists(per_group, "__ik_bands")?
        .into_iter()
        .enumerate()
    {
        let missing: Vec<&str> = standard
            .bands()
            .iter()
            .map(|(b, _)| b.as_str())
            .filter(|b| !present.iter().any(|p| p == b))
            .collect();
        if !missing.is_empty() {
            return Err(Error::AgeBands {
                column: age_band.to_string(),
                problem: format!(
                    "missing from the data but present in the standard population {}",
                    standard.name()
                ),
                bands: missing.join(", "),
                location: group_label(keys, row),
            });
        }
    }
    Ok(())
}

impl Statistic for Dsr {
    fn common_mut(&mut self) -> &mut Common {
        &mut self.common
    }

    fn compute(&self, data: impl IntoFrame) -> Result<DataFrame> {
        let data = data.into_lazy_frame();
        check_multiplier(self.multiplier)?;
        if let Some(sums) = single_pass::group_sums(self, data.clone())? {
            return self.estimates(sums, false);
        }
        let inputs = Input::pair(&self.numerator, &self.denominator);
        let frequency = match &self.events {
            Events::Independent => None,
            Events::NonIndependent { frequency } => Some(frequency.as_str()),
        };
        let (df, group_cols) = banded(
            data,
            &self.common,
            &inputs,
            &self.age_band,
            frequency,
            &self.standard,
        )?;
        let keys_e: Vec<Expr> = group_cols.iter().map(|c| col(c.as_str())).collect();
        let sort = |lf: LazyFrame| {
            if group_cols.is_empty() {
                lf
            } else {
                lf.sort(group_cols.clone(), SortMultipleOptions::default())
            }
        };
        let grouped = |lf: LazyFrame, extra: Vec<Expr>, aggs: Vec<Expr>| {
            let mut k = keys_e.clone();
            k.extend(extra);
            if k.is_empty() {
                lf.select(aggs)
            } else {
                lf.group_by(k).agg(aggs)
            }
        };

        // Population must be positive in every band that is used.
        let ns = f64_values(&df, N)?;
        if let Some(row) = ns.iter().position(|n| matches!(n, Some(n) if *n <= 0.0)) {
            let keys = df.select(
                group_cols
                    .iter()
                    .map(|s| PlSmallStr::from(s.as_str()))
                    .chain([PlSmallStr::from(self.age_band.as_str())]),
            )?;
            return Err(Error::data(
                &self.denominator,
                "denominators must be > 0 in every age band",
                ns[row].unwrap_or_default(),
                group_label(&keys, row),
            ));
        }
        let x = if self.missing_as_zero {
            col(X).fill_null(lit(0.0))
        } else {
            col(X)
        };
        let base = df.lazy().with_column(x.alias(X));

        // Per band events (and, for non-independent events, the variance per frequency).
        let (bands, variance) = match frequency {
            None => (base, None),
            Some(f) => {
                let per_f = grouped(
                    base.clone(),
                    vec![col(f)],
                    vec![
                        ((col(X) * (col(W) / col(N)).pow(2)).sum() / col(W).sum().pow(2))
                            .alias("__ik_vf"),
                    ],
                );
                let var = grouped(
                    per_f,
                    vec![],
                    vec![(col(f).cast(DataType::Float64).pow(2) * col("__ik_vf"))
                        .sum()
                        .alias("__ik_var")],
                );
                let bands = grouped(
                    base,
                    vec![col(BAND)],
                    vec![
                        (col(f).cast(DataType::Float64) * col(X)).sum().alias(X),
                        col(X).null_count().alias("__ik_xnull"),
                        col(N).first().alias(N),
                        col(N).n_unique().alias("__ik_nn"),
                        col(W).first().alias(W),
                    ],
                );
                (bands, Some(var))
            }
        };
        let bands = bands.collect()?;
        if frequency.is_some() {
            let nn = f64_values(&bands, "__ik_nn")?;
            if let Some(row) = nn.iter().position(|v| v.unwrap_or(1.0) > 1.0) {
                let keys = bands.select(
                    group_cols
                        .iter()
                        .map(|s| PlSmallStr::from(s.as_str()))
                        .chain([PlSmallStr::from(BAND)]),
                )?;
                return Err(Error::data(&self.denominator, "rows of the same group and age band must have the same population for every event frequency", "different populations", group_label(&keys, row)));
            }
        }
        let x_nulls = if frequency.is_some() {
            col("__ik_xnull").sum()
        } else {
            col(X).null_count()
        };
        let bands_again = bands.clone().lazy();
        let per_group = grouped(
            bands.lazy(),
            vec![],
            vec![
                (col(X) * col(W) / col(N)).sum().alias("__ik_sum"),
                (col(X) * (col(W) / col(N)).pow(2)).sum().alias("__ik_var"),
                col(X).sum().alias("__ik_total"),
                col(N).sum().alias("__ik_pop"),
                col(W).sum().alias("__ik_w"),
                x_nulls.alias("__ik_xnulls"),
                col(N).null_count().alias("__ik_nnulls"),
                col(BAND).n_unique().alias("__ik_nbands"),
            ],
        );
        let per_group = sort(per_group).collect()?;
        // Both frames hold the same groups, sorted the same way.
        let nonindependent_var = match variance {
            Some(var) => Some(f64_values(&sort(var).collect()?, "__ik_var")?),
            None => None,
        };
        let keys = per_group.select(group_cols.iter().map(|s| PlSmallStr::from(s.as_str())))?;
        if lacks_bands(&per_group, self.standard.bands().len())? {
            let lists = sort(grouped(
                bands_again,
                vec![],
                vec![col(BAND).implode(false).alias("__ik_bands")],
            ))
            .collect()?;
            require_all_bands(&lists, &keys, &self.age_band, &self.standard)?;
        }

        let get = |name: &str| f64_values(&per_group, name);
        let (xnulls, nnulls) = (get("__ik_xnulls")?, get("__ik_nnulls")?);
        let sums = GroupSums {
            keys,
            weighted: get("__ik_sum")?,
            variance: match nonindependent_var {
                Some(v) => Variance::Final(v),
                None => Variance::Weighted(get("__ik_var")?),
            },
            total: get("__ik_total")?,
            population: get("__ik_pop")?,
            weights: get("__ik_w")?,
            numerator_missing: xnulls.iter().map(|v| v.unwrap_or(0.0) > 0.0).collect(),
            denominator_missing: nnulls.iter().map(|v| v.unwrap_or(0.0) > 0.0).collect(),
        };
        self.estimates(sums, frequency.is_some())
    }
}
