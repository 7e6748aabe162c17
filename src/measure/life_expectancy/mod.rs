//! Life expectancy at the start of every age band (Chiang's abridged life
//! table, Silcocks et al.'s variance), per group and over pooled years.

mod bands;
mod rows;

use std::collections::HashMap;

use polars::prelude::*;

use super::aggregate::{f64_values, summarise, Input, Summary};
use super::columns::{group_label, key_strings, require, schema_of};
use super::common::{Common, Statistic};
use super::grouping::{Grouping, PoolMethod};
use super::output::Table;
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use bands::{label_form, life_table_bands, open_from, read_ages, AgeForm, Band};

/// The output column holding the age each life expectancy is at.
///
/// Life expectancy in Östersund at birth and at 65:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::START_AGE_COLUMN;
///
/// let deaths = df!(
///     "age" => ["0-64", "65-84", "85+"],
///     "deaths" => [60i64, 380, 420],
///     "population" => [48_000i64, 13_500, 2_500],
/// )?;
/// let le = LifeExpectancy::new("deaths", "population", "age").at_ages([0, 65]).compute(deaths.lazy())?;
/// let ages: Vec<_> = le.column(START_AGE_COLUMN)?.i32()?.iter().flatten().collect();
/// assert_eq!(ages, [0, 65]);
/// let e = le.column("value")?.f64()?;
/// assert!(e.get(1).unwrap() < e.get(0).unwrap());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const START_AGE_COLUMN: &str = "start_age";

const MIN_DEATHS: &str = "min_deaths";
const MIN_POPULATION: &str = "min_population";

/// Life expectancy at the start of every age band, per group: the
/// reference's `phe_life_expectancy`, and beyond it other top bands,
/// single years of age and pooled years.
///
/// The age column holds either start ages (integers, or text that is only
/// integers: `0, 1, 5, …, 90`, each band running to the next start, the
/// last one open) or band labels (`"0"`, `"1-4"`, `"5–9"`, …, `"90+"`; a
/// plain number is one year of age). The bands must start at 0, follow one
/// another without gaps or overlaps and end in one open band; the reference's
/// 0, 1–4, 5–9, …, 85–89, 90+ is one such table, single years 0, 1, …, 99,
/// 100+ another. Rows of the same group and band are summed: pooled years
/// (`.pool(Pool::sum("year"))`) give *medellivslängd* over a window as the
/// national statistics publish it, labelled "2020–2024".
///
/// Output: the group columns, `start_age`, `numerator` (deaths at that age
/// and above), `denominator` (population at that age and above), `value`,
/// the limits, `status`, and `confidence`, `statistic` ("life expectancy"),
/// `method`. Rows by group, youngest age first.
///
/// # Method
/// [`crate::stats::life_table`]: Chiang's abridged life table with
/// `a = 0.1` for the band starting at 0 and `0.5` elsewhere (or as given by
/// [`LifeExpectancy::fraction`]), Silcocks et al.'s variance for the open
/// band, limits `e ± z·se`. The reference's rules for what is missing, each
/// a `status`: negative deaths in a band, a population of zero or less, more
/// deaths than population, a total population of 5 000 or less, no deaths
/// in the open band (all rows of the group); a 95 % interval wider than 20
/// years (the value only; limits shown); a missing count (which one).
/// Where the reference gives 0 for an age nobody survives to, no value is
/// given ("no survivors to this age").
///
/// # Errors
/// Missing or non-numeric deaths or population columns; an age column that
/// is neither integer nor text, or labels that do not read as ages; bands
/// that do not form a life table (not from age 0, a gap, an overlap, no
/// open last band, an open band before the last), named with the group; an
/// [`LifeExpectancy::open_from`] age no band starts at; an
/// [`LifeExpectancy::at_ages`] age no band starts at; a fraction outside
/// (0, 1]; a grouping column named `start_age`.
///
/// # Example
/// ```
/// use indikator::{LifeExpectancy, Pool, Statistic};
/// use indikator::polars::prelude::*;
///
/// let data = df!(
///     "year" => [2023, 2023, 2023, 2024, 2024, 2024],
///     "age" => ["0-64", "65-84", "85+", "0-64", "65-84", "85+"],
///     "deaths" => [40, 600, 900, 42, 610, 880],
///     "population" => [60_000, 20_000, 3_000, 60_000, 20_500, 3_100],
/// )?;
/// let le = LifeExpectancy::new("deaths", "population", "age")
///     .pool(Pool::sum("year"))
///     .compute(data.lazy())?;
/// assert_eq!(le.height(), 3);
/// assert_eq!(le.column("year")?.str()?.get(0), Some("2023–2024"));
/// let at_birth = le.column("value")?.f64()?.get(0).unwrap();
/// assert!(at_birth > 70.0 && at_birth < 90.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
/// Chiang CL (1968), *Introduction to Stochastic Processes in
/// Biostatistics*, Wiley, 189–214. Silcocks PBS, Jenner DA, Reza R (2001),
/// J Epidemiol Community Health 55, 38–43. Toson B, Baker A (2003), *Life
/// expectancy at birth: methodological options for small populations*,
/// National Statistics Methodological Series 33. PHEindicatormethods
/// `phe_life_expectancy`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LifeExpectancy {
    /// Column of deaths.
    pub deaths: String,
    /// Column of the population (person-years).
    pub population: String,
    /// Column of the age bands: start ages or labels.
    pub age: String,
    /// Merge the bands from this age up into the open band (80 for "80+").
    pub open_from: Option<u32>,
    /// Return only these start ages (all when empty).
    pub at_ages: Vec<u32>,
    /// The fraction of a band lived by those dying in it, by start age,
    /// where it differs from 0.1 (age 0) and 0.5.
    pub fractions: Vec<(u32, f64)>,
    /// Grouping, pooling, confidence, output.
    pub common: Common,
}

impl LifeExpectancy {
    /// Life expectancy from `deaths` and `population` by the bands of `age`.
    ///
    /// Östersund in four bands, a year's deaths and mean population:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let ostersund = df!(
    ///     "age" => ["0", "1-64", "65-84", "85+"],
    ///     "deaths" => [2i64, 75, 390, 400],
    ///     "population" => [650i64, 48_000, 13_000, 2_300],
    /// )?;
    /// let le = LifeExpectancy::new("deaths", "population", "age").compute(&ostersund)?;
    /// let e: Vec<_> = le.column("value")?.f64()?.iter().flatten().collect();
    /// // Chiang's life table by hand (Python): 78.43 years at birth, 18.48 at 65;
    /// // in the open band 2 300 / 400 = 5.75.
    /// assert!((e[0] - 78.43198125899876).abs() < 1e-9 && (e[2] - 18.480769230769234).abs() < 1e-9);
    /// assert!((e[3] - 5.75).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        deaths: impl Into<String>,
        population: impl Into<String>,
        age: impl Into<String>,
    ) -> Self {
        LifeExpectancy {
            deaths: deaths.into(),
            population: population.into(),
            age: age.into(),
            open_from: None,
            at_ages: Vec::new(),
            fractions: Vec::new(),
            common: Common::default(),
        }
    }

    /// Make the open band start at `age`, merging the bands above it: 85
    /// gives an 85+ table from data to 90+ or 100+.
    ///
    /// Östersund's data to 90+, as an 85+ table (85–89 and 90+ merged):
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let ostersund = df!(
    ///     "age" => ["0", "1-64", "65-84", "85-89", "90+"],
    ///     "deaths" => [2i64, 75, 390, 230, 170],
    ///     "population" => [650i64, 48_000, 13_000, 1_600, 700],
    /// )?;
    /// let le = LifeExpectancy::new("deaths", "population", "age").open_from(85).compute(&ostersund)?;
    /// let ages: Vec<_> = le.column("start_age")?.i32()?.iter().flatten().collect();
    /// assert_eq!(ages, [0, 1, 65, 85]);
    /// // The open band 85+: (1 600 + 700) / (230 + 170) = 5.75 years
    /// assert!((le.column("value")?.f64()?.get(3).unwrap() - 5.75).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open_from(mut self, age: u32) -> Self {
        self.open_from = Some(age);
        self
    }

    /// Return only the life expectancy at these start ages (e.g. 0 and 65).
    ///
    /// Medellivslängd at birth and at 65 in Östersund:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let ostersund = df!(
    ///     "age" => ["0", "1-64", "65-84", "85+"],
    ///     "deaths" => [2i64, 75, 390, 400],
    ///     "population" => [650i64, 48_000, 13_000, 2_300],
    /// )?;
    /// let le = LifeExpectancy::new("deaths", "population", "age").at_ages([0, 65]).compute(&ostersund)?;
    /// assert_eq!(le.height(), 2);
    /// // Chiang's life table by hand (Python): 78.43 and 18.48 years.
    /// assert!((le.column("value")?.f64()?.get(1).unwrap() - 18.480769230769234).abs() < 1e-9);
    /// assert!(LifeExpectancy::new("deaths", "population", "age").at_ages([60]).compute(&ostersund).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at_ages(mut self, ages: impl IntoIterator<Item = u32>) -> Self {
        self.at_ages = ages.into_iter().collect();
        self
    }

    /// Set the fraction of the band starting at `age` that is lived by
    /// those who die in it (`a`, in (0, 1]).
    ///
    /// The default 0.1 for the band starting at 0 is the infants' first
    /// year; data whose first band is 0–64 need the 0.5 of any band:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let ostersund = df!(
    ///     "age" => ["0-64", "65-84", "85+"],
    ///     "deaths" => [77i64, 390, 400],
    ///     "population" => [48_650i64, 13_000, 2_300],
    /// )?;
    /// let le = LifeExpectancy::new("deaths", "population", "age").fraction(0, 0.5).compute(&ostersund)?;
    /// // Chiang's life table by hand (Python): 78.49 years at birth (76.23 with a = 0.1).
    /// assert!((le.column("value")?.f64()?.get(0).unwrap() - 78.49257217295192).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fraction(mut self, age: u32, a: f64) -> Self {
        self.fractions.retain(|(at, _)| *at != age);
        self.fractions.push((age, a));
        self
    }

    fn check_options(&self) -> Result<()> {
        if let Some((age, a)) = self
            .fractions
            .iter()
            .find(|(_, a)| !(*a > 0.0 && *a <= 1.0))
        {
            return Err(Error::argument(
                "fraction",
                "the fraction of a band lived by those who die in it must be in (0, 1]",
                format!("{a} at age {age}"),
            ));
        }
        if self
            .common
            .grouping
            .by
            .iter()
            .any(|b| b == START_AGE_COLUMN)
        {
            return Err(Error::argument(
                "by",
                "a grouping column must not be named `start_age`, the output's age column",
                format!("`{START_AGE_COLUMN}`"),
            ));
        }
        Ok(())
    }

    /// The per-band sums, as bands, with each row's group.
    fn read_bands(&self, data: LazyFrame, groups: &DataFrame) -> Result<Vec<Vec<Band>>> {
        let schema = schema_of(&data)?;
        let dtype = require(&schema, &self.age, "age band")?;
        let starts = dtype.is_integer();
        if !(starts || dtype == &DataType::String) {
            return Err(Error::WrongDtype {
                column: self.age.clone(),
                role: "age band".into(),
                expected: "integer start ages or text labels such as \"1-4\", \"90+\"".into(),
                found: dtype.to_string(),
            });
        }
        let by = &self.common.grouping.by;
        let mut band_by = by.clone();
        band_by.push(self.age.clone());
        let inputs = [
            Input {
                column: &self.deaths,
                role: "deaths",
                non_negative: false,
            },
            Input {
                column: &self.population,
                role: "population",
                non_negative: false,
            },
        ];
        let minimum = |c: &str, name: &str| col(c).cast(DataType::Float64).min().alias(name);
        let extra = vec![
            minimum(&self.deaths, MIN_DEATHS),
            minimum(&self.population, MIN_POPULATION),
        ];
        let Summary { keys, sums, extra } =
            summarise(data, &Grouping::by(band_by), &inputs, extra)?;
        let labels: Vec<String> = keys
            .column(&self.age)?
            .cast(&DataType::String)?
            .str()?
            .iter()
            .map(|l| l.unwrap_or_default().to_string())
            .collect();
        let form = if starts {
            AgeForm::Starts
        } else {
            label_form(&labels)
        };
        let ages = read_ages(&labels, form, &self.age)?;
        let (min_deaths, min_population) = (
            f64_values(&extra, MIN_DEATHS)?,
            f64_values(&extra, MIN_POPULATION)?,
        );

        let periods = match &self.common.grouping.pool {
            Some(pool) if pool.method == PoolMethod::Average => f64_values(groups, "periods")?,
            _ => vec![Some(1.0); groups.height()],
        };
        let group_of: HashMap<String, usize> = key_strings(groups, by)?
            .into_iter()
            .enumerate()
            .map(|(i, k)| (k, i))
            .collect();
        let mut per_group: Vec<Vec<Band>> = vec![Vec::new(); groups.height()];
        for (row, key) in key_strings(&keys, by)?.into_iter().enumerate() {
            let g = group_of[&key];
            let k = periods[g].unwrap_or(1.0);
            per_group[g].push(Band {
                ages: ages[row],
                deaths: sums[0][row].map(|d| d / k),
                population: sums[1][row].map(|p| p / k),
                negative_deaths: min_deaths[row].is_some_and(|m| m < 0.0),
                negative_population: min_population[row].is_some_and(|m| m < 0.0),
            });
        }
        let location_keys = groups.select(by.iter().map(|s| PlSmallStr::from(s.as_str())))?;
        per_group
            .into_iter()
            .enumerate()
            .map(|(g, bands)| {
                let location = group_label(&location_keys, g);
                let bands = life_table_bands(bands, form, &self.age, &location)?;
                match self.open_from {
                    Some(top) => open_from(bands, top, &self.age, &location),
                    None => Ok(bands),
                }
            })
            .collect()
    }
}

impl Statistic for LifeExpectancy {
    fn common_mut(&mut self) -> &mut Common {
        &mut self.common
    }

    fn compute(&self, data: impl IntoFrame) -> Result<DataFrame> {
        let data = data.into_lazy_frame();
        self.check_options()?;
        let groups = summarise(data.clone(), &self.common.grouping, &[], Vec::new())?.keys;
        let per_group = self.read_bands(data, &groups)?;
        if let Some(age) = self.at_ages.iter().find(|age| {
            !per_group
                .iter()
                .any(|bands| bands.iter().any(|b| b.ages.0 == **age))
        }) {
            return Err(Error::argument(
                "at_ages",
                "each age must be the start of an age band",
                age,
            ));
        }
        let levels = self.common.confidence.levels();
        let (mut take, mut start_ages, mut estimates) = (Vec::new(), Vec::new(), Vec::new());
        for (g, bands) in per_group.iter().enumerate() {
            for (band, estimate) in
                bands
                    .iter()
                    .zip(rows::estimates(bands, &self.fractions, levels))
            {
                let start = band.ages.0;
                if self.at_ages.is_empty() || self.at_ages.contains(&start) {
                    take.push(g as IdxSize);
                    start_ages.push(start as i32);
                    estimates.push(estimate);
                }
            }
        }
        let mut keys = groups.take(&IdxCa::from_vec("".into(), take))?;
        keys.with_column(Column::new(START_AGE_COLUMN.into(), start_ages))?;
        let mut table = Table::new(keys, self.common.confidence, "life expectancy".into());
        for estimate in estimates {
            table.push(estimate);
        }
        table.finish(self.common.output)
    }
}
