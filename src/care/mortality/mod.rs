//! Mortality by cause from death records and population: suicide per
//! 100 000, crude or age-standardised, per year or pooled over windows of
//! years.
//!
//! Over 500 lines with its documentation: 231 lines of code and 275 of doc
//! comments (every public item and method carries a runnable example), then
//! 22 of unit tests.

pub(super) mod ages;
mod tables;

use polars::prelude::*;

use super::causes::CauseSet;
use super::options::{CareCommon, CareOptions, ColumnSlot, RecordColumns};
pub use super::population::PopulationColumns;
use super::population::{BAND, PEOPLE};
use super::records::Quality;
use super::waits::PERIOD;
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::measure::{Dsr, Rate, StandardPopulation};
use ages::{band_range, inside, Ages};
use tables::DEATHS;

/// Column names of the deaths (one row per death).
///
/// Deaths as an extract of the cause-of-death register names them:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{CauseSet, DeathColumns};
/// let deaths = df!(
///     "dodsar" => [2022, 2022, 2022, 2022],
///     "alder" => [19, 23, 45, 21],
///     "ulorsak" => ["X70.0", "X80", "X70.0", "I21.9"],
/// )?;
/// let population = df!(
///     "year" => [2022, 2022],
///     "age" => ["15-19", "20-24"],
///     "population" => [7_300, 6_700],
/// )?;
/// let suicide = Mortality::new(CauseSet::named("suicide")?)
///     .ages(15, Some(24))
///     .death_columns(DeathColumns::renamed(
///         "death_columns",
///         [("year", "dodsar"), ("age", "alder"), ("cause", "ulorsak")],
///     )?);
/// let rate = suicide.rates(&deaths, &population)?;
/// // Two suicides aged 15–24 among 14 000: 2 / 14 000 × 100 000.
/// let value = rate.column("value")?.f64()?.get(0).unwrap();
/// assert!((value - 14.285_714_285_714).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeathColumns {
    /// Year of death: an integer year or a date (default `year`).
    pub year: String,
    /// Age at death in years (default `age`).
    pub age: String,
    /// Underlying cause of death, an ICD-10 code (default `cause`).
    pub cause: String,
}

impl RecordColumns for DeathColumns {
    fn slots(&mut self) -> Vec<(&'static str, ColumnSlot<'_>)> {
        vec![
            ("year", ColumnSlot::Required(&mut self.year)),
            ("age", ColumnSlot::Required(&mut self.age)),
            ("cause", ColumnSlot::Required(&mut self.cause)),
        ]
    }
}

impl Default for DeathColumns {
    fn default() -> Self {
        DeathColumns {
            year: "year".into(),
            age: "age".into(),
            cause: "cause".into(),
        }
    }
}

/// Deaths from a set of causes per `multiplier` (100 000) people per year.
///
/// # Method
/// Deaths of the cause set and age range are summed per group and year and
/// set against the population of the same group, years and ages (the
/// person-years). A window of several years sums both (the national way),
/// so its rate is the yearly average rate over the window ("21,77 per
/// 100 000 per year 2011–2015"); `deaths_per_year` is the mean yearly
/// count. The crude rate has exact Poisson limits below 10 deaths and
/// Byar's above; with a `standard` population the rate is directly
/// standardised over its age bands (within the age range) with Dobson
/// limits, and not computed below 10 deaths.
///
/// Years default to the span of the death records (all causes): the
/// cause-of-death register lags the population statistics, and a year
/// with population but no death data would otherwise read as zero deaths.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::CauseSet;
/// let deaths = df!("year" => [2016, 2016, 2016], "age" => [19, 23, 51],
///                  "cause" => ["X70.0", "X80", "I21.9"])?;
/// let population = df!("year" => [2016, 2016, 2016], "age" => [17, 22, 51],
///                      "population" => [14_500, 14_500, 100_000])?;
/// let rate = Mortality::new(CauseSet::named("suicide")?)
///     .ages(15, Some(24))
///     .rates(&deaths, &population)?;
/// let value = rate.column("value")?.f64()?.get(0).unwrap();
/// assert!((value - 2.0 / 29_000.0 * 100_000.0).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Mortality {
    /// The causes of death counted.
    pub causes: CauseSet,
    /// The youngest age counted (`None`: 0).
    pub min_age: Option<u32>,
    /// The oldest age counted (`None`: no upper limit).
    pub max_age: Option<u32>,
    /// First and last year; `None`: the years of the death records.
    pub years: Option<(i32, i32)>,
    /// Years per window (default 1: each year).
    pub window: u32,
    /// Every window ending in each year (2011–2013, 2012–2014, …) instead of
    /// consecutive windows ending in the last year.
    pub rolling: bool,
    /// Standardise directly to this population (`None`: crude rates).
    pub standard: Option<StandardPopulation>,
    /// Rate per this many people (default 100 000).
    pub multiplier: f64,
    /// Groups (kommun, sex…: columns of both the deaths and the
    /// population), invalid death records and confidence: set with the
    /// [`CareOptions`] setters.
    pub common: CareCommon,
    /// Column names of the deaths.
    pub death_columns: DeathColumns,
    /// Column names of the population.
    pub population_columns: PopulationColumns,
}

crate::setters::setters!(Mortality {
    /// First and last year; `None`: the years of the death records.
    ///
    /// The last two years of the records; a year without any death record
    /// is refused rather than read as a year without deaths:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::CauseSet;
    /// let deaths = df!("year" => [2021, 2022, 2023], "age" => [34, 19, 52],
    ///                  "cause" => ["X70.0", "X80", "X60"])?;
    /// let population = df!("year" => [2020, 2021, 2022, 2023], "age" => ["15+"; 4],
    ///                      "population" => [111_200, 111_100, 111_000, 110_900])?;
    /// let suicide = Mortality::new(CauseSet::named("suicide")?).ages(15, None);
    /// let rates = suicide.clone().years((2022, 2023)).rates(&deaths, &population)?;
    /// let periods: Vec<_> = rates.column("period")?.str()?.iter().flatten().collect();
    /// assert_eq!(periods, ["2022", "2023"]);
    /// assert!(suicide.years((2020, 2023)).rates(&deaths, &population).is_err()); // no 2020 records
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    some years: (i32, i32),
    /// Rate per this many people (default 100 000).
    ///
    /// Two suicides aged 15–24 among 29 000, per 10 000:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::CauseSet;
    /// let deaths = df!("year" => [2016, 2016, 2016], "age" => [19, 23, 51],
    ///                  "cause" => ["X70.0", "X80", "I21.9"])?;
    /// let population = df!("year" => [2016, 2016], "age" => ["15-19", "20-24"],
    ///                      "population" => [14_500, 14_500])?;
    /// let rate = Mortality::new(CauseSet::named("suicide")?)
    ///     .ages(15, Some(24))
    ///     .multiplier(10_000.0)
    ///     .rates(&deaths, &population)?;
    /// let value = rate.column("value")?.f64()?.get(0).unwrap();
    /// assert!((value - 0.689_655_172_4).abs() < 1e-9); // 2 / 29 000 × 10 000
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    multiplier: f64,
    /// Column names of the deaths.
    ///
    /// A register extract whose underlying cause is in `ulorsak`:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::CauseSet;
    /// use indikator::DeathColumns;
    /// let deaths = df!("year" => [2023, 2023], "age" => [41, 67], "ulorsak" => ["X70.0", "I21.9"])?;
    /// let population = df!("year" => [2023], "age" => ["15+"], "population" => [111_000])?;
    /// let columns = DeathColumns::renamed("death_columns", [("cause", "ulorsak")])?;
    /// let suicide = Mortality::new(CauseSet::named("suicide")?).ages(15, None).death_columns(columns);
    /// let rate = suicide.rates(&deaths, &population)?;
    /// assert_eq!(rate.column("numerator")?.f64()?.get(0), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    death_columns: DeathColumns,
    /// Column names of the population.
    ///
    /// SCB's table with the people in `folkmangd`:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::CauseSet;
    /// use indikator::PopulationColumns;
    /// let deaths = df!("year" => [2023, 2023], "age" => [41, 67], "cause" => ["X70.0", "X60"])?;
    /// let population = df!("year" => [2023], "age" => ["15+"], "folkmangd" => [111_000])?;
    /// let columns = PopulationColumns::renamed("population_columns", [("population", "folkmangd")])?;
    /// let suicide = Mortality::new(CauseSet::named("suicide")?).ages(15, None).population_columns(columns);
    /// let rate = suicide.rates(&deaths, &population)?;
    /// assert_eq!(rate.column("denominator")?.f64()?.get(0), Some(111_000.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    population_columns: PopulationColumns,
});

impl CareOptions for Mortality {
    fn common_mut(&mut self) -> &mut CareCommon {
        &mut self.common
    }
}

impl Mortality {
    /// Crude rates per 100 000 of `causes`, all ages, each year.
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::CauseSet;
    /// let suicide = Mortality::new(CauseSet::named("suicide")?);
    /// assert_eq!(suicide.causes.name(), "suicide");
    /// assert_eq!((suicide.multiplier, suicide.window), (100_000.0, 1));
    /// assert_eq!((suicide.min_age, suicide.max_age, suicide.years), (None, None, None));
    /// assert!(suicide.standard.is_none()); // crude
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn new(causes: CauseSet) -> Self {
        Mortality {
            causes,
            min_age: None,
            max_age: None,
            years: None,
            window: 1,
            rolling: false,
            standard: None,
            multiplier: 100_000.0,
            common: CareCommon::default(),
            death_columns: DeathColumns::default(),
            population_columns: PopulationColumns::default(),
        }
    }

    /// Count ages from `min` to `max` (inclusive; `None`: no upper limit).
    ///
    /// Deaths from falls (W00–W19) at 65 and over, among the region's
    /// 32 000 people of that age:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::CauseSet;
    /// let deaths = df!("year" => [2023, 2023, 2023], "age" => [84, 91, 45],
    ///                  "cause" => ["W01", "W19", "W10"])?;
    /// let population = df!("year" => [2023], "age" => ["65+"], "population" => [32_000])?;
    /// let falls = Mortality::new(CauseSet::ranges("falls", &["W00-W19"])?).ages(65, None);
    /// let rate = falls.rates(&deaths, &population)?;
    /// let value = rate.column("value")?.f64()?.get(0).unwrap();
    /// assert!((value - 6.25).abs() < 1e-9); // 2 / 32 000 × 100 000; the death at 45 is left out
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ages(mut self, min: u32, max: Option<u32>) -> Self {
        self.min_age = Some(min);
        self.max_age = max;
        self
    }

    /// Pool `years` per window; `rolling` gives every window.
    ///
    /// Three years pooled, and every two-year window:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::CauseSet;
    /// let deaths = df!("year" => [2020, 2021, 2022], "age" => [34, 19, 52],
    ///                  "cause" => ["X70.0", "X80", "X60"])?;
    /// let population = df!("year" => [2020, 2021, 2022], "age" => ["15+"; 3],
    ///                      "population" => [111_000; 3])?;
    /// let suicide = Mortality::new(CauseSet::named("suicide")?).ages(15, None);
    /// let pooled = suicide.clone().window(3, false).rates(&deaths, &population)?;
    /// assert_eq!(pooled.column("period")?.str()?.get(0), Some("2020–2022"));
    /// let value = pooled.column("value")?.f64()?.get(0).unwrap();
    /// assert!((value - 0.900_900_900_9).abs() < 1e-9); // 3 / 333 000 × 100 000, per year
    /// let rolling = suicide.window(2, true).rates(&deaths, &population)?;
    /// let periods: Vec<_> = rolling.column("period")?.str()?.iter().flatten().collect();
    /// assert_eq!(periods, ["2020–2021", "2021–2022"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn window(mut self, years: u32, rolling: bool) -> Self {
        self.window = years;
        self.rolling = rolling;
        self
    }

    /// Standardise directly to `standard`.
    ///
    /// Twelve suicides aged 15–24, standardised to the bands 15–19 and
    /// 20–24 of the European Standard Population 2013 (5 500 and 6 000):
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::CauseSet;
    /// let deaths = df!("year" => [2022; 12], "cause" => ["X70.0"; 12],
    ///                  "age" => [16, 17, 18, 19, 21, 21, 22, 22, 23, 23, 24, 24])?;
    /// let population = df!("year" => [2022, 2022], "age" => ["15-19", "20-24"],
    ///                      "population" => [7_300, 6_700])?;
    /// let dsr = Mortality::new(CauseSet::named("suicide")?)
    ///     .ages(15, Some(24))
    ///     .standardised(StandardPopulation::by_name("esp2013")?)
    ///     .rates(&deaths, &population)?;
    /// let value = dsr.column("value")?.f64()?.get(0).unwrap();
    /// // (5 500 × 4 / 7 300 + 6 000 × 8 / 6 700) / 11 500 × 100 000
    /// assert!((value - 88.503_284_648_8).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn standardised(mut self, standard: StandardPopulation) -> Self {
        self.standard = Some(standard);
        self
    }

    pub(super) fn age_range(&self) -> Result<Ages> {
        let min = self.min_age.unwrap_or(0);
        if self.max_age.is_some_and(|max| max < min) {
            return Err(Error::argument(
                "max_age",
                &format!("must not be below min_age = {min}"),
                self.max_age.unwrap_or(0),
            ));
        }
        Ok((min, self.max_age))
    }

    /// The windows `(first, last)` over the years `first..=last`.
    pub(super) fn windows(&self, first: i32, last: i32) -> Result<Vec<(i32, i32)>> {
        if last < first || last - first > 500 {
            return Err(Error::argument(
                "years",
                "a first year not after the last, at most 500 years apart",
                format!("{first}–{last}"),
            ));
        }
        let span = last - first + 1;
        if self.window == 0 || i64::from(self.window) > i64::from(span) {
            return Err(Error::argument(
                "window",
                &format!("between 1 and the {span} years from {first} to {last}"),
                self.window,
            ));
        }
        let w = self.window as i32;
        let step = if self.rolling { 1 } else { w };
        let mut windows = Vec::new();
        let mut end = last;
        while end - w + 1 >= first {
            windows.push((end - w + 1, end));
            end -= step;
        }
        windows.reverse();
        Ok(windows)
    }

    /// An error of the statistic names the population column of the input,
    /// not the summed column the statistic was given.
    fn in_input_terms(&self, e: Error) -> Error {
        match e {
            Error::InvalidData {
                column,
                rule,
                value,
                location,
            } if column == PEOPLE => Error::InvalidData {
                column: self.population_columns.population.clone(),
                rule,
                value,
                location,
            },
            other => other,
        }
    }

    /// Rates per group and window: the group columns, `period` ("2016",
    /// "2011–2015"), `numerator` (deaths), `denominator` (person-years),
    /// `value` with limits, `status`, `years` and `deaths_per_year`.
    ///
    /// # Errors
    /// Missing or mistyped columns; invalid death records (unless
    /// excluded); deaths in a group or year without population; a year of
    /// the range without population; an age band straddling the age range.
    ///
    /// # Example
    /// Suicides at 15 and over in Ragunda and Östersund in 2023:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::CauseSet;
    /// let deaths = df!("kommun" => ["Ragunda", "Östersund", "Östersund", "Östersund"],
    ///                  "year" => [2023; 4], "age" => [58, 22, 47, 80],
    ///                  "cause" => ["X80", "X70.0", "X64", "I21.9"])?;
    /// let population = df!("kommun" => ["Ragunda", "Östersund"], "year" => [2023; 2],
    ///                      "age" => ["15+"; 2], "population" => [4_600, 53_000])?;
    /// let rates = Mortality::new(CauseSet::named("suicide")?)
    ///     .ages(15, None)
    ///     .by(["kommun"])
    ///     .rates(&deaths, &population)?
    ///     .sort(["kommun"], Default::default())?;
    /// assert_eq!(rates.column("numerator")?.f64()?.get(1), Some(2.0)); // Östersund
    /// let value = rates.column("value")?.f64()?.get(0).unwrap();
    /// assert!((value - 21.739_130_434_8).abs() < 1e-9); // Ragunda: 1 / 4 600 × 100 000
    /// assert_eq!(rates.column("period")?.str()?.get(0), Some("2023"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rates(&self, deaths: impl IntoFrame, population: impl IntoFrame) -> Result<DataFrame> {
        let deaths = &deaths.into_data_frame()?;
        let population = &population.into_data_frame()?;
        let mut quality = Quality::default();
        let table = self.tables(deaths, population, &mut quality)?;
        let mut keys = self.common.by.clone();
        keys.push(PERIOD.into());
        let mut out = match &self.standard {
            None => Rate::new(DEATHS, PEOPLE)
                .multiplier(self.multiplier)
                .by(keys.clone())
                .confidence(self.common.confidence)
                .compute(table.lazy())
                .map_err(|e| self.in_input_terms(e))?,
            Some(standard) => {
                let standard = self.restricted(standard)?;
                Dsr::new(DEATHS, PEOPLE, BAND, standard)
                    .multiplier(self.multiplier)
                    .by(keys.clone())
                    .confidence(self.common.confidence)
                    .compute(table.lazy())
                    .map_err(|e| self.in_input_terms(e))?
            }
        };
        // Every window holds `window` years, so the mean yearly count is the
        // pooled count over them.
        let years = f64::from(self.window);
        let per_year: Vec<Option<f64>> = out
            .column("numerator")?
            .f64()?
            .iter()
            .map(|d| d.map(|d| d / years))
            .collect();
        let height = out.height();
        out.with_column(Column::new("years".into(), vec![years; height]))?;
        out.with_column(Column::new("deaths_per_year".into(), per_year))?;
        Ok(out)
    }

    /// The data-quality table (`rule`, `count`): deaths read, excluded by
    /// rule, of the causes, in the age range and in the years.
    ///
    /// # Errors
    /// As [`Mortality::rates`].
    ///
    /// # Example
    /// Four deaths, three of them suicides, two of those at 15–24:
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::CauseSet;
    /// let deaths = df!("year" => [2022; 4], "age" => [19, 23, 45, 21],
    ///                  "cause" => ["X70.0", "X80", "X70.0", "I21.9"])?;
    /// let population = df!("year" => [2022, 2022], "age" => ["15-19", "20-24"],
    ///                      "population" => [7_300, 6_700])?;
    /// let suicide = Mortality::new(CauseSet::named("suicide")?).ages(15, Some(24));
    /// let quality = suicide.quality(&deaths, &population)?;
    /// let count = |rule: &str| -> Option<u64> {
    ///     let rules = quality.column("rule").ok()?.str().ok()?;
    ///     let at = rules.iter().position(|r| r == Some(rule))?;
    ///     quality.column("count").ok()?.u64().ok()?.get(at)
    /// };
    /// assert_eq!(count("deaths"), Some(4));
    /// assert_eq!(count("deaths from suicide (X60–X84)"), Some(3));
    /// assert_eq!(count("… in the age range"), Some(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quality(&self, deaths: impl IntoFrame, population: impl IntoFrame) -> Result<DataFrame> {
        let deaths = &deaths.into_data_frame()?;
        let population = &population.into_data_frame()?;
        let mut quality = Quality::default();
        self.tables(deaths, population, &mut quality)?;
        quality.frame()
    }

    /// The standard population restricted to the bands of the age range.
    pub(super) fn restricted(&self, standard: &StandardPopulation) -> Result<StandardPopulation> {
        let range = self.age_range()?;
        let mut kept = Vec::new();
        for (label, weight) in standard.bands() {
            let band = band_range(label).ok_or_else(|| Error::AgeBands {
                column: "age_band".into(),
                problem: "standard population bands must read as ages (\"15-19\", \"90+\") to be matched to ages".into(),
                bands: label.clone(),
                location: String::new(),
            })?;
            if inside(band, range, label, "standard population")? {
                kept.push((label.clone(), *weight));
            }
        }
        StandardPopulation::new(standard.name(), kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_rolling_or_consecutive_ending_in_the_last_year() {
        let m = Mortality::new(CauseSet::named("suicide").unwrap());
        assert_eq!(
            m.windows(2011, 2013).unwrap(),
            [(2011, 2011), (2012, 2012), (2013, 2013)]
        );
        let m = m.window(3, true);
        assert_eq!(
            m.windows(2011, 2015).unwrap(),
            [(2011, 2013), (2012, 2014), (2013, 2015)]
        );
        let m = m.window(3, false);
        assert_eq!(m.windows(2011, 2017).unwrap(), [(2012, 2014), (2015, 2017)]);
        assert!(m.window(5, false).windows(2011, 2013).is_err());
    }
}
