//! Indirectly standardised ratios (SMR) and rates.
//!
//! Over 500 lines with its documentation: 414 lines of code and 213 of doc
//! comments (every public item and method carries a runnable example).

use polars::prelude::*;

use super::aggregate::{f64_values, Input};
use super::columns::{group_label, require, require_numeric, schema_of};
use super::common::{Common, Statistic};
use super::dsr::{banded, lacks_bands, require_all_bands};
use super::lookup::lookup;
use super::output::{Estimate, Status, Table};
use super::rate::{check_multiplier, multiplier_label, scaled_poisson_limits};
use super::standard_population::StandardPopulation;
use crate::error::{Error, Result};
use crate::input::IntoFrame;

/// Events and population per age band of a reference population (e.g. riket).
///
/// Riket's deaths by age as the reference of Östersund's SMR:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::Reference;
///
/// let riket = df!("age" => ["0-64", "65+"], "deaths" => [12_000i64, 78_000], "population" => [8_400_000i64, 2_150_000])?;
/// let reference = Reference::from_frame(&riket, "age", "deaths", "population")?;
/// assert!((reference.crude_rate() - 90_000.0 / 10_550_000.0).abs() < 1e-15);
/// let ostersund = df!("age" => ["0-64", "65+"], "deaths" => [80i64, 540], "population" => [50_000i64, 14_000])?;
/// let smr = Isr::ratio("deaths", "population", "age", reference).compute(ostersund.lazy())?;
/// // E = 50 000 · 12 000/8 400 000 + 14 000 · 78 000/2 150 000 = 579.34; O = 620
/// assert!((smr.column("expected")?.f64()?.get(0).unwrap() - 579.3355481727575).abs() < 1e-9);
/// assert!((smr.column("value")?.f64()?.get(0).unwrap() - 1.070191535726574).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    bands: Vec<(String, f64, f64)>,
}

impl Reference {
    /// A reference from `(band, events, population)` triples.
    ///
    /// # Errors
    /// No bands, duplicated bands, negative or non-finite events, populations of zero or less.
    ///
    /// Riket's deaths and population in two age bands:
    ///
    /// ```
    /// use indikator::{Error, Reference};
    ///
    /// let riket = Reference::new(vec![("0-64".into(), 12_000.0, 8_400_000.0), ("65+".into(), 78_000.0, 2_150_000.0)])?;
    /// assert!((riket.crude_rate() - 90_000.0 / 10_550_000.0).abs() < 1e-15);
    /// let twice = Reference::new(vec![("65+".into(), 78_000.0, 2_150_000.0), ("65+".into(), 1.0, 10.0)]);
    /// assert!(matches!(twice, Err(Error::AgeBands { .. })));
    /// assert!(Reference::new(vec![("0-64".into(), 12_000.0, 0.0)]).is_err()); // no population
    /// # Ok::<(), Error>(())
    /// ```
    pub fn new(bands: Vec<(String, f64, f64)>) -> Result<Self> {
        if bands.is_empty() {
            return Err(Error::argument(
                "reference",
                "a reference population needs at least one age band",
                "none",
            ));
        }
        for (i, (band, x, n)) in bands.iter().enumerate() {
            if bands[..i].iter().any(|(b, _, _)| b == band) {
                return Err(Error::AgeBands {
                    column: "age_band".into(),
                    problem: "duplicated in the reference population".into(),
                    bands: band.clone(),
                    location: String::new(),
                });
            }
            if !(x.is_finite() && *x >= 0.0) {
                return Err(Error::data(
                    "reference events",
                    "reference events must be finite and >= 0",
                    x,
                    format!(" for band {band}"),
                ));
            }
            if !(n.is_finite() && *n > 0.0) {
                return Err(Error::data(
                    "reference population",
                    "reference populations must be finite and > 0",
                    n,
                    format!(" for band {band}"),
                ));
            }
        }
        Ok(Reference { bands })
    }

    /// A reference from a frame with band, events and population columns.
    ///
    /// # Errors
    /// Missing or non-numeric columns, nulls, and everything [`Reference::new`] rejects.
    ///
    /// Riket's table of deaths by age, as read from SCB:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Reference;
    ///
    /// let riket = df!("age" => ["0-64", "65+"], "deaths" => [12_000i64, 78_000], "population" => [8_400_000i64, 2_150_000])?;
    /// let reference = Reference::from_frame(&riket, "age", "deaths", "population")?;
    /// assert_eq!(reference, Reference::new(vec![("0-64".into(), 12_000.0, 8_400_000.0), ("65+".into(), 78_000.0, 2_150_000.0)])?);
    /// let err = Reference::from_frame(&riket, "age", "deaths", "folkmängd").unwrap_err();
    /// assert!(matches!(err, Error::ColumnNotFound { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_frame(
        frame: impl IntoFrame,
        band: &str,
        events: &str,
        population: &str,
    ) -> Result<Self> {
        let frame = &frame.into_data_frame()?;
        let schema = frame.schema();
        require(schema, band, "reference age band")?;
        require_numeric(schema, events, "reference events")?;
        require_numeric(schema, population, "reference population")?;
        let b = frame.column(band)?.cast(&DataType::String)?;
        let x = f64_values(frame, events)?;
        let n = f64_values(frame, population)?;
        let mut bands = Vec::with_capacity(frame.height());
        for (i, label) in b.str()?.iter().enumerate() {
            let label = label.ok_or_else(|| {
                Error::data(band, "reference bands must not be missing", "null", "")
            })?;
            let xi = x[i].ok_or_else(|| {
                Error::data(
                    events,
                    "reference events must not be missing",
                    "null",
                    format!(" for band {label}"),
                )
            })?;
            let ni = n[i].ok_or_else(|| {
                Error::data(
                    population,
                    "reference populations must not be missing",
                    "null",
                    format!(" for band {label}"),
                )
            })?;
            bands.push((label.to_string(), xi, ni));
        }
        Self::new(bands)
    }

    /// The crude rate of the reference, `Σx / Σn`.
    ///
    /// Riket's crude death rate, the scale of an indirectly standardised
    /// rate ([`Isr::rate`]):
    ///
    /// ```
    /// use indikator::Reference;
    ///
    /// let riket = Reference::new(vec![("0-64".into(), 12_000.0, 8_400_000.0), ("65+".into(), 78_000.0, 2_150_000.0)])?;
    /// // 90 000 deaths in 10 550 000: 853.1 per 100 000
    /// assert!((riket.crude_rate() * 100_000.0 - 853.0805687203792).abs() < 1e-9);
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn crude_rate(&self) -> f64 {
        let x: f64 = self.bands.iter().map(|b| b.1).sum();
        let n: f64 = self.bands.iter().map(|b| b.2).sum();
        x / n
    }

    /// The band-specific rates, as weights to multiply populations by.
    fn band_rates(&self) -> Result<StandardPopulation> {
        let rates = self
            .bands
            .iter()
            .map(|(b, x, n)| (b.clone(), x / n))
            .collect();
        StandardPopulation::new("reference", rates).map_err(|_| {
            Error::argument(
                "reference",
                "the reference must have at least one event",
                "no events",
            )
        })
    }
}

/// Ratio (observed / expected, e.g. an SMR) or rate (ratio × the reference's crude rate).
///
/// [`Isr::ratio`] and [`Isr::rate`] set it; the rate is the ratio times
/// riket's crude rate:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{IsrKind, Reference};
///
/// let riket = Reference::new(vec![("0-64".into(), 12_000.0, 8_400_000.0), ("65+".into(), 78_000.0, 2_150_000.0)])?;
/// let ostersund = df!("age" => ["0-64", "65+"], "deaths" => [80i64, 540], "population" => [50_000i64, 14_000])?;
/// let isr = Isr::rate("deaths", "population", "age", riket);
/// assert_eq!(isr.kind, IsrKind::Rate);
/// let rate = isr.compute(ostersund.lazy())?;
/// // 620 / 579.34 × 90 000 / 10 550 000 × 100 000 = 912.96 per 100 000
/// assert!((rate.column("value")?.f64()?.get(0).unwrap() - 912.9596039373617).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum IsrKind {
    /// Indirectly standardised ratio, `O/E × multiplier` (multiplier 1 or 100).
    Ratio,
    /// Indirectly standardised rate, `O/E × reference rate × multiplier`.
    Rate,
}

/// Indirect standardisation of observed events against a reference population.
///
/// # Method
/// Expected events `E = Σᵢ nᵢ · x_refᵢ / n_refᵢ` over the age bands, joined
/// by label. Observed `O` is the sum of the numerator by band, or a total per
/// group from `observed_totals`. Limits: exact Poisson limits of `O` below
/// 10 events, Byar's from 10, divided by `E` and scaled like the value
/// (PHEindicatormethods `calculate_ISRatio`, `calculate_ISRate`). Zero
/// populations in a band are allowed. `numerator` holds `O` and the column
/// `expected` holds `E` (`denominator` is empty: `E` is not a count).
///
/// # Errors
/// Missing or non-numeric columns; negative counts or populations; bands
/// missing or unknown; observed totals missing or duplicated for a group.
///
/// # Example
/// ```
/// use indikator::{Isr, Reference, Statistic};
/// use indikator::polars::prelude::*;
///
/// let riket = Reference::new(vec![("0-64".into(), 100.0, 100_000.0), ("65+".into(), 400.0, 20_000.0)])?;
/// let data = df!("age" => ["0-64", "65+"], "deaths" => [3, 22], "pop" => [1_000, 1_000])?;
/// let smr = Isr::ratio("deaths", "pop", "age", riket).compute(data.lazy())?;
/// // E = 1 + 20 = 21, O = 25
/// assert!((smr.column("value")?.f64()?.get(0).unwrap() - 25.0 / 21.0).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Isr {
    /// Column of observed events by band (unused with `observed_totals`).
    pub numerator: String,
    /// Column of the population by band.
    pub denominator: String,
    /// Column of age-band labels.
    pub age_band: String,
    /// The reference population.
    pub reference: Reference,
    /// Ratio or rate.
    pub kind: IsrKind,
    /// Multiplier: default 1 for ratios, 100 000 for rates.
    pub multiplier: f64,
    /// Observed events given as totals per group: a frame with the `by`
    /// columns and the numerator column.
    pub observed_totals: Option<DataFrame>,
    /// Count missing counts and populations as zero (PHEindicatormethods' behaviour).
    pub missing_as_zero: bool,
    /// Grouping, confidence, output.
    pub common: Common,
}

impl Isr {
    fn new(
        kind: IsrKind,
        numerator: String,
        denominator: String,
        age_band: String,
        reference: Reference,
    ) -> Self {
        let multiplier = if kind == IsrKind::Ratio {
            1.0
        } else {
            100_000.0
        };
        Isr {
            numerator,
            denominator,
            age_band,
            reference,
            kind,
            multiplier,
            observed_totals: None,
            missing_as_zero: false,
            common: Common::default(),
        }
    }

    /// An indirectly standardised ratio (SMR).
    ///
    /// Deaths in Östersund against riket's rates by age:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Reference;
    ///
    /// let riket = Reference::new(vec![("0-64".into(), 12_000.0, 8_400_000.0), ("65+".into(), 78_000.0, 2_150_000.0)])?;
    /// let ostersund = df!("age" => ["0-64", "65+"], "deaths" => [80i64, 540], "population" => [50_000i64, 14_000])?;
    /// let smr = Isr::ratio("deaths", "population", "age", riket).compute(&ostersund)?;
    /// // O = 620; E = 50 000 · 12 000/8 400 000 + 14 000 · 78 000/2 150 000 = 579.34
    /// assert_eq!(smr.column("numerator")?.f64()?.get(0), Some(620.0));
    /// assert!((smr.column("value")?.f64()?.get(0).unwrap() - 620.0 / 579.3355481727575).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ratio(
        numerator: impl Into<String>,
        denominator: impl Into<String>,
        age_band: impl Into<String>,
        reference: Reference,
    ) -> Self {
        Self::new(
            IsrKind::Ratio,
            numerator.into(),
            denominator.into(),
            age_band.into(),
            reference,
        )
    }

    /// An indirectly standardised rate.
    ///
    /// Deaths in Krokom per 100 000, standardised to riket's age structure
    /// of risk:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Reference;
    ///
    /// let riket = Reference::new(vec![("0-64".into(), 12_000.0, 8_400_000.0), ("65+".into(), 78_000.0, 2_150_000.0)])?;
    /// let krokom = df!("age" => ["0-64", "65+"], "deaths" => [22i64, 130], "population" => [12_000i64, 3_600])?;
    /// let rate = Isr::rate("deaths", "population", "age", riket).compute(&krokom)?;
    /// // O/E = 152 / 147.75; × 90 000 / 10 550 000 × 100 000 = 877.63 (by hand, Python)
    /// assert!((rate.column("value")?.f64()?.get(0).unwrap() - 877.6340659312553).abs() < 1e-9);
    /// assert!((rate.column("ref_rate")?.f64()?.get(0).unwrap() - 853.0805687203792).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rate(
        numerator: impl Into<String>,
        denominator: impl Into<String>,
        age_band: impl Into<String>,
        reference: Reference,
    ) -> Self {
        Self::new(
            IsrKind::Rate,
            numerator.into(),
            denominator.into(),
            age_band.into(),
            reference,
        )
    }

    /// Set the multiplier.
    ///
    /// Östersund's SMR on the scale of 100 (riket = 100):
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Reference;
    ///
    /// let riket = Reference::new(vec![("0-64".into(), 12_000.0, 8_400_000.0), ("65+".into(), 78_000.0, 2_150_000.0)])?;
    /// let ostersund = df!("age" => ["0-64", "65+"], "deaths" => [80i64, 540], "population" => [50_000i64, 14_000])?;
    /// let smr = Isr::ratio("deaths", "population", "age", riket).multiplier(100.0).compute(&ostersund)?;
    /// // 620 / 579.34 × 100
    /// assert!((smr.column("value")?.f64()?.get(0).unwrap() - 107.0191535726574).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn multiplier(mut self, multiplier: f64) -> Self {
        self.multiplier = multiplier;
        self
    }

    /// Take observed events as totals per group from this frame.
    ///
    /// Deaths known only in total per kommun, populations by age:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Reference;
    ///
    /// let riket = Reference::new(vec![("0-64".into(), 12_000.0, 8_400_000.0), ("65+".into(), 78_000.0, 2_150_000.0)])?;
    /// let population = df!(
    ///     "kommun" => ["Krokom", "Krokom", "Östersund", "Östersund"],
    ///     "age" => ["0-64", "65+", "0-64", "65+"],
    ///     "population" => [12_000i64, 3_600, 50_000, 14_000],
    /// )?;
    /// let totals = df!("kommun" => ["Östersund", "Krokom"], "deaths" => [620i64, 152])?;
    /// let smr = Isr::ratio("deaths", "population", "age", riket).by("kommun").observed_totals(totals).compute(&population)?;
    /// // Krokom: O = 152, E = 147.75 (by hand, Python)
    /// assert!((smr.column("value")?.f64()?.get(0).unwrap() - 1.0287821550638605).abs() < 1e-12);
    /// assert!((smr.column("value")?.f64()?.get(1).unwrap() - 620.0 / 579.3355481727575).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn observed_totals(mut self, totals: DataFrame) -> Self {
        self.observed_totals = Some(totals);
        self
    }

    /// Count missing counts and populations as zero.
    ///
    /// Berg with no deaths reported under 65:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Reference;
    ///
    /// let riket = Reference::new(vec![("0-64".into(), 12_000.0, 8_400_000.0), ("65+".into(), 78_000.0, 2_150_000.0)])?;
    /// let berg = df!("age" => ["0-64", "65+"], "deaths" => [None, Some(75i64)], "population" => [5_000i64, 2_000])?;
    /// let strict = Isr::ratio("deaths", "population", "age", riket.clone()).compute(&berg)?;
    /// assert_eq!(strict.column("status")?.str()?.get(0), Some("numerator missing"));
    /// let as_zero = Isr::ratio("deaths", "population", "age", riket).missing_as_zero(true).compute(&berg)?;
    /// // O = 75; E = 5 000 · 12 000/8 400 000 + 2 000 · 78 000/2 150 000 = 79.70
    /// assert!((as_zero.column("value")?.f64()?.get(0).unwrap() - 75.0 / 79.70099667774086).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn missing_as_zero(mut self, yes: bool) -> Self {
        self.missing_as_zero = yes;
        self
    }

    /// Observed totals in the order of `keys`, or an error naming the first group without one.
    fn totals_for(&self, totals: &DataFrame, keys: &DataFrame) -> Result<Vec<Option<f64>>> {
        let by = &self.common.grouping.by;
        require_numeric(totals.schema(), &self.numerator, "observed totals")?;
        for b in by {
            require(totals.schema(), b, "observed totals group")?;
        }
        let key_names: Vec<PlSmallStr> = by.iter().map(|s| PlSmallStr::from(s.as_str())).collect();
        let t = totals.select(
            key_names
                .iter()
                .cloned()
                .chain([PlSmallStr::from(self.numerator.as_str())]),
        )?;
        let values = if by.is_empty() {
            if t.height() != 1 {
                return Err(Error::data(
                    &self.numerator,
                    "observed totals without groups must have exactly one row",
                    format!("{} rows", t.height()),
                    "",
                ));
            }
            f64_values(&t, &self.numerator)?
        } else {
            self.joined_totals(&t, keys)?
        };
        if let Some(v) = values
            .iter()
            .flatten()
            .find(|v| !(v.is_finite() && **v >= 0.0))
        {
            return Err(Error::data(
                &self.numerator,
                "observed totals must be finite and >= 0",
                v,
                "",
            ));
        }
        Ok(values)
    }

    /// Observed totals joined to the groups of `keys`, in their order.
    fn joined_totals(&self, t: &DataFrame, keys: &DataFrame) -> Result<Vec<Option<f64>>> {
        let (joined, found) = lookup(keys, t, &self.common.grouping.by, "observed totals")?;
        if let Some(row) = found.iter().position(|f| !f) {
            return Err(Error::data(
                &self.numerator,
                "every group needs an observed total",
                "none",
                group_label(keys, row),
            ));
        }
        f64_values(&joined, &self.numerator)
    }
}

impl Statistic for Isr {
    fn common_mut(&mut self) -> &mut Common {
        &mut self.common
    }

    fn compute(&self, data: impl IntoFrame) -> Result<DataFrame> {
        let data = data.into_lazy_frame();
        check_multiplier(self.multiplier)?;
        let schema = schema_of(&data)?;
        let by_band = self.observed_totals.is_none();
        let mut inputs = vec![Input {
            column: &self.denominator,
            role: "denominator",
            non_negative: true,
        }];
        if by_band {
            require_numeric(&schema, &self.numerator, "numerator")?;
            inputs.insert(
                0,
                Input {
                    column: &self.numerator,
                    role: "numerator",
                    non_negative: true,
                },
            );
        }
        let rates = self.reference.band_rates()?;
        let (df, group_cols) = banded(data, &self.common, &inputs, &self.age_band, None, &rates)?;
        // `banded` names the sums __ik_x, __ik_n in input order.
        let (x_col, n_col) = if by_band {
            ("__ik_x", "__ik_n")
        } else {
            ("__ik_none", "__ik_x")
        };
        let zero = |c: &str| {
            if self.missing_as_zero {
                col(c).fill_null(lit(0.0))
            } else {
                col(c)
            }
        };
        let mut aggs = vec![
            (zero(n_col) * col("__ik_w")).sum().alias("__ik_expected"),
            zero(n_col).null_count().alias("__ik_nnulls"),
            col("__ik_band").n_unique().alias("__ik_nbands"),
        ];
        if by_band {
            aggs.push(zero(x_col).sum().alias("__ik_observed"));
            aggs.push(zero(x_col).null_count().alias("__ik_xnulls"));
        }
        let keys_e: Vec<Expr> = group_cols.iter().map(|c| col(c.as_str())).collect();
        let per_groups = |aggs: Vec<Expr>| {
            let lf = if keys_e.is_empty() {
                df.clone().lazy().select(aggs)
            } else {
                df.clone()
                    .lazy()
                    .group_by(keys_e.clone())
                    .agg(aggs)
                    .sort(group_cols.clone(), SortMultipleOptions::default())
            };
            lf.collect()
        };
        let per_group = per_groups(aggs)?;
        let keys = per_group.select(group_cols.iter().map(|s| PlSmallStr::from(s.as_str())))?;
        let band_names = StandardPopulation::new(
            "reference",
            self.reference
                .bands
                .iter()
                .map(|(b, _, _)| (b.clone(), 1.0))
                .collect(),
        )?;
        if lacks_bands(&per_group, band_names.bands().len())? {
            let lists = per_groups(vec![col("__ik_band").implode(false).alias("__ik_bands")])?;
            require_all_bands(&lists, &keys, &self.age_band, &band_names)?;
        }

        let expected = f64_values(&per_group, "__ik_expected")?;
        let nnulls = f64_values(&per_group, "__ik_nnulls")?;
        let (observed, xnulls) = match &self.observed_totals {
            None => (
                f64_values(&per_group, "__ik_observed")?,
                f64_values(&per_group, "__ik_xnulls")?,
            ),
            Some(t) => (
                self.totals_for(t, &keys)?,
                vec![Some(0.0); per_group.height()],
            ),
        };
        let ref_rate = self.reference.crude_rate() * self.multiplier;
        let (scale, statistic) = match self.kind {
            IsrKind::Ratio => (
                self.multiplier,
                format!(
                    "indirectly standardised ratio x {}",
                    multiplier_label(self.multiplier)
                ),
            ),
            IsrKind::Rate => (
                ref_rate,
                format!(
                    "indirectly standardised rate per {}",
                    multiplier_label(self.multiplier)
                ),
            ),
        };
        let levels = self.common.confidence.levels();
        let mut table = Table::new(keys, self.common.confidence, statistic);
        let mut expected_out = Vec::with_capacity(per_group.height());
        for i in 0..per_group.height() {
            let (o, e) = (observed[i], expected[i]);
            let estimate = if xnulls[i].unwrap_or(0.0) > 0.0 || o.is_none() {
                expected_out.push(e);
                Estimate::missing(None, None, Status::NumeratorMissing)
            } else if nnulls[i].unwrap_or(0.0) > 0.0 {
                expected_out.push(None);
                Estimate::missing(o, None, Status::DenominatorMissing)
            } else {
                let (o, e) = (o.unwrap_or(0.0), e.unwrap_or(0.0));
                expected_out.push(Some(e));
                if e <= 0.0 {
                    Estimate::missing(Some(o), None, Status::ExpectedZero)
                } else {
                    let (limits, method) = scaled_poisson_limits(o, levels, scale / e);
                    Estimate {
                        numerator: Some(o),
                        denominator: None,
                        value: Some(o / e * scale),
                        limits,
                        method: Some(method),
                        status: Status::Ok,
                    }
                }
            };
            table.push(estimate);
        }
        table.add_column(Column::new("expected".into(), expected_out));
        if self.kind == IsrKind::Rate {
            table.add_column(Column::new(
                "ref_rate".into(),
                vec![ref_rate; per_group.height()],
            ));
        }
        table.finish(self.common.output)
    }
}
