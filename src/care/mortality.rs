//! Mortality by cause from death records and population: suicide per
//! 100 000, crude or age-standardised, per year or pooled over windows of
//! years.

use polars::prelude::*;

use super::causes::CauseSet;
use super::records::{numbers, reserve, rows_of, texts, Checks, InvalidRecords, Quality};
use super::waits::PERIOD;
use crate::error::{Error, Result};
use crate::measure::{band_range, require_keys, Ages};
use crate::measure::{group_label, require, Confidence, Dsr, Rate, StandardPopulation, Statistic};

/// Column names of the deaths (one row per death).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeathColumns {
    /// Year of death: an integer year or a date (default `year`).
    pub year: String,
    /// Age at death in years (default `age`).
    pub age: String,
    /// Underlying cause of death, an ICD-10 code (default `cause`).
    pub cause: String,
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

/// Column names of the population (one row per year, group and age).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopulationColumns {
    /// The year (default `year`).
    pub year: String,
    /// Age in single years (numbers) or age bands ("15-19", "90+") (default `age`).
    pub age: String,
    /// The number of people (default `population`).
    pub population: String,
}

impl Default for PopulationColumns {
    fn default() -> Self {
        PopulationColumns {
            year: "year".into(),
            age: "age".into(),
            population: "population".into(),
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
/// use indikator::{CauseSet, Mortality};
/// use polars::prelude::*;
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
pub struct Mortality {
    /// The causes of death counted.
    pub causes: CauseSet,
    /// The youngest age counted (`None`: 0).
    pub min_age: Option<u32>,
    /// The oldest age counted (`None`: no upper limit).
    pub max_age: Option<u32>,
    /// Group columns, in both the deaths and the population (kommun, sex…).
    pub by: Vec<String>,
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
    /// Confidence of the limits.
    pub confidence: Confidence,
    /// What to do with invalid death records (default: an error).
    pub invalid: InvalidRecords,
    /// Column names of the deaths.
    pub death_columns: DeathColumns,
    /// Column names of the population.
    pub population_columns: PopulationColumns,
}

const YEAR: &str = "__ik_year";
const BAND: &str = "__ik_age_band";
const DEATHS: &str = "__ik_deaths";
const PEOPLE: &str = "__ik_people";

impl Mortality {
    /// Crude rates per 100 000 of `causes`, all ages, each year.
    pub fn new(causes: CauseSet) -> Self {
        Mortality {
            causes,
            min_age: None,
            max_age: None,
            by: Vec::new(),
            years: None,
            window: 1,
            rolling: false,
            standard: None,
            multiplier: 100_000.0,
            confidence: Confidence::P95,
            invalid: InvalidRecords::Error,
            death_columns: DeathColumns::default(),
            population_columns: PopulationColumns::default(),
        }
    }

    /// Count ages from `min` to `max` (inclusive; `None`: no upper limit).
    pub fn ages(mut self, min: u32, max: Option<u32>) -> Self {
        self.min_age = Some(min);
        self.max_age = max;
        self
    }

    /// Group by these columns.
    pub fn by<I: IntoIterator<Item = S>, S: Into<String>>(mut self, by: I) -> Self {
        self.by = by.into_iter().map(Into::into).collect();
        self
    }

    /// Pool `years` per window; `rolling` gives every window.
    pub fn window(mut self, years: u32, rolling: bool) -> Self {
        self.window = years;
        self.rolling = rolling;
        self
    }

    /// Standardise directly to `standard`.
    pub fn standardised(mut self, standard: StandardPopulation) -> Self {
        self.standard = Some(standard);
        self
    }

    fn age_range(&self) -> Result<Ages> {
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
    fn windows(&self, first: i32, last: i32) -> Result<Vec<(i32, i32)>> {
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
    pub fn rates(&self, deaths: &DataFrame, population: &DataFrame) -> Result<DataFrame> {
        let mut quality = Quality::default();
        let table = self.tables(deaths, population, &mut quality)?;
        let mut keys = self.by.clone();
        keys.push(PERIOD.into());
        let mut out = match &self.standard {
            None => Rate::new(DEATHS, PEOPLE)
                .multiplier(self.multiplier)
                .by(keys.clone())
                .confidence(self.confidence)
                .compute(table.lazy())
                .map_err(|e| self.in_input_terms(e))?,
            Some(standard) => {
                let standard = self.restricted(standard)?;
                Dsr::new(DEATHS, PEOPLE, BAND, standard)
                    .multiplier(self.multiplier)
                    .by(keys.clone())
                    .confidence(self.confidence)
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
    pub fn quality(&self, deaths: &DataFrame, population: &DataFrame) -> Result<DataFrame> {
        let mut quality = Quality::default();
        self.tables(deaths, population, &mut quality)?;
        quality.frame()
    }

    /// The standard population restricted to the bands of the age range.
    fn restricted(&self, standard: &StandardPopulation) -> Result<StandardPopulation> {
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

    /// Deaths and person-years per group, window (`period`) and, when
    /// standardising, age band.
    fn tables(
        &self,
        deaths: &DataFrame,
        population: &DataFrame,
        quality: &mut Quality,
    ) -> Result<DataFrame> {
        let range = self.age_range()?;
        reserve(&self.by, &[PERIOD])?;
        crate::measure::check_multiplier(self.multiplier)?;
        let bands: Option<Vec<(String, Ages)>> = match &self.standard {
            None => None,
            Some(s) => Some(
                self.restricted(s)?
                    .bands()
                    .iter()
                    .filter_map(|(l, _)| band_range(l).map(|r| (l.clone(), r)))
                    .collect(),
            ),
        };
        let d = &self.death_columns;
        let p = &self.population_columns;
        let death_years = years(deaths, &d.year, "year of death")?;
        let death_ages = numbers(deaths, &d.age, "age at death")?;
        let causes = texts(deaths, &d.cause, "underlying cause of death")?;
        require_keys(deaths.schema(), &self.by, "group (deaths)")?;
        require_keys(population.schema(), &self.by, "group (population)")?;
        quality.push("deaths", deaths.height());
        let mut checks = Checks::new(deaths.height(), self.invalid, quality);
        checks.present(&d.year, "years of death", |i| death_years[i].is_none())?;
        checks.ages(&d.age, &death_ages)?;
        let mut of_cause = vec![false; deaths.height()];
        checks.rule(
            &d.cause,
            "causes of death must be ICD-10 codes (a letter, two digits, optional sub-code)",
            |i| match causes.get(i) {
                None => Some("a missing value".into()),
                Some(code) => match self.causes.contains(code) {
                    Ok(hit) => {
                        of_cause[i] = hit;
                        None
                    }
                    Err(_) => Some(format!("{code:?}")),
                },
            },
        )?;
        checks.keys_present(deaths, &self.by)?;
        let kept = checks.kept.clone();
        let (first, last) = match self.years {
            Some((first, last)) => {
                // The register covers the years of its records: a year asked
                // for without any death of any cause is not published yet (or
                // not in the file), never a year of zero deaths.
                let recorded: std::collections::BTreeSet<i32> = (0..deaths.height())
                    .filter(|&i| kept[i])
                    .filter_map(|i| death_years[i])
                    .collect();
                let lacking: Vec<String> = (first..=last.min(first.saturating_add(500)))
                    .filter(|y| !recorded.contains(y))
                    .map(|y| y.to_string())
                    .collect();
                if !lacking.is_empty() {
                    return Err(Error::data(
                        &d.year,
                        &format!(
                            "every year asked for must have death records (the records cover {})",
                            covered(&recorded)
                        ),
                        format!("no deaths at all in {}", lacking.join(", ")),
                        format!(" (years {first}–{last})"),
                    ));
                }
                (first, last)
            }
            None => {
                let ys = (0..deaths.height())
                    .filter(|&i| kept[i])
                    .filter_map(|i| death_years[i]);
                let (lo, hi) = ys.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
                if lo > hi {
                    return Err(Error::data(
                        &d.year,
                        "the years cannot be taken from death records when there are none; pass `years`",
                        "no deaths",
                        "",
                    ));
                }
                (lo, hi)
            }
        };
        let windows = self.windows(first, last)?;
        let in_ages = |age: f64| -> bool {
            age >= f64::from(range.0) && range.1.is_none_or(|max| age < f64::from(max) + 1.0)
        };
        let rows: Vec<usize> = (0..deaths.height())
            .filter(|&i| kept[i] && of_cause[i])
            .collect();
        quality.push(format!("deaths from {}", self.causes), rows.len());
        let rows: Vec<usize> = rows
            .into_iter()
            .filter(|&i| death_ages[i].is_some_and(in_ages))
            .collect();
        quality.push("… in the age range", rows.len());
        let rows: Vec<usize> = rows
            .into_iter()
            .filter(|&i| death_years[i].is_some_and(|y| y >= first && y <= last))
            .collect();
        quality.push(format!("… in {}", window_label((first, last))), rows.len());
        let mut dead = rows_of(deaths, &self.by, &rows)?;
        dead.with_column(Column::new(
            YEAR.into(),
            rows.iter().map(|&i| death_years[i]).collect::<Vec<_>>(),
        ))?;
        if let Some(bands) = &bands {
            let labels: Vec<Option<String>> = rows
                .iter()
                .map(|&i| band_of(death_ages[i].unwrap_or(0.0), bands))
                .collect();
            dead.with_column(Column::new(BAND.into(), labels))?;
        }
        dead.with_column(Column::new(DEATHS.into(), vec![1.0; rows.len()]))?;

        // Population in the age range (and bands), per group, year (and band).
        let people = self.population(population, range, bands.as_deref(), first, last)?;
        let mut keys: Vec<String> = self.by.clone();
        keys.push(YEAR.into());
        if bands.is_some() {
            keys.push(BAND.into());
        }
        let key_exprs: Vec<Expr> = keys.iter().map(|k| col(k.as_str())).collect();
        let dead = dead
            .lazy()
            .group_by(key_exprs.clone())
            .agg([col(DEATHS).sum()])
            .collect()?;
        let (on_population, _) = crate::measure::lookup(&dead, &people, &keys, "population")?;
        if let Some(row) = on_population
            .column(PEOPLE)?
            .is_null()
            .iter()
            .position(|m| m == Some(true))
        {
            let shown = dead.select(keys.iter().map(String::as_str))?;
            return Err(Error::data(
                &p.population,
                "every group and year with deaths needs its population",
                "no population",
                group_label(&shown, row)
                    .replace("__ik_year", "year")
                    .replace("__ik_age_band", "age band"),
            ));
        }
        let (joined, _) = crate::measure::lookup(&people, &dead, &keys, "deaths")?;
        let counts = joined.column(DEATHS)?.f64()?.fill_null_with_values(0.0)?;
        let mut table = people;
        table.with_column(counts.into_column())?;
        // One copy of the rows per window holding their year.
        let mut frames = Vec::with_capacity(windows.len());
        for w in &windows {
            let mut part = table
                .clone()
                .lazy()
                .filter(col(YEAR).gt_eq(lit(w.0)).and(col(YEAR).lt_eq(lit(w.1))))
                .collect()?;
            part.with_column(Column::new(
                PERIOD.into(),
                vec![window_label(*w); part.height()],
            ))?;
            frames.push(part);
        }
        let mut all = frames.remove(0);
        for f in &frames {
            all.vstack_mut(f)?;
        }
        Ok(all.drop(YEAR)?)
    }

    /// Person-years per group, year (and band) within the age range.
    fn population(
        &self,
        population: &DataFrame,
        range: Ages,
        bands: Option<&[(String, Ages)]>,
        first: i32,
        last: i32,
    ) -> Result<DataFrame> {
        let p = &self.population_columns;
        let year = years(population, &p.year, "population year")?;
        let count = numbers(population, &p.population, "population")?;
        if let Some(row) = count
            .iter()
            .position(|c| !c.is_some_and(|c| c >= 0.0 && c.is_finite()))
        {
            return Err(Error::data(
                &p.population,
                "population counts must be present and 0 or more",
                count[row].map_or("a missing value".to_string(), |c| c.to_string()),
                format!(" in row {row}"),
            ));
        }
        if let Some((first, again)) = repeated_row(population)? {
            return Err(Error::data(
                &p.population,
                "population rows must not repeat (a repeated row counts its people twice)",
                "the same row twice",
                format!(" in rows {first} and {again}"),
            ));
        }
        let dtype = require(population.schema(), &p.age, "population age")?.clone();
        // Each row's ages as a range: single years, or parsed band labels.
        let ages: Vec<Option<Ages>> = if dtype.is_primitive_numeric() {
            numbers(population, &p.age, "population age")?
                .into_iter()
                .map(|a| a.filter(|a| *a >= 0.0).map(|a| (a as u32, Some(a as u32))))
                .collect()
        } else {
            texts(population, &p.age, "population age")?
                .iter()
                .map(|l| l.and_then(band_range))
                .collect()
        };
        if let Some(row) = ages.iter().position(Option::is_none) {
            let shown = population
                .column(&p.age)?
                .get(row)
                .map(|v| v.to_string())
                .unwrap_or_default();
            return Err(Error::data(
                &p.age,
                "population ages must be whole years 0 or more, or bands such as \"15-19\" or \"90+\"",
                shown,
                format!(" in row {row}"),
            ));
        }
        let mut keep = Vec::with_capacity(ages.len());
        let mut labels: Vec<Option<String>> = Vec::new();
        for (row, a) in ages.iter().enumerate() {
            let a = a.unwrap_or((0, None));
            let label = population
                .column(&p.age)?
                .get(row)
                .map(|v| v.to_string())
                .unwrap_or_default();
            let inside_range = inside(a, range, &label, "population")?;
            let in_years = year[row].is_some_and(|y| y >= first && y <= last);
            keep.push(inside_range && in_years);
            if let Some(bands) = bands {
                let band = if inside_range {
                    let hit = bands.iter().find(|(_, b)| contains(*b, a));
                    match hit {
                        Some((l, _)) => Some(l.clone()),
                        None => {
                            return Err(Error::AgeBands {
                                column: p.age.clone(),
                                problem: "a population age (band) lies in no single band of the standard population".into(),
                                bands: label,
                                location: format!(" in row {row}"),
                            })
                        }
                    }
                } else {
                    None
                };
                labels.push(band);
            }
        }
        let mask: BooleanChunked = keep.into_iter().collect();
        let mut frame = population.select(self.by.iter().map(String::as_str))?;
        frame.with_column(Column::new(YEAR.into(), year))?;
        frame.with_column(Column::new(PEOPLE.into(), count))?;
        if bands.is_some() {
            frame.with_column(Column::new(BAND.into(), labels))?;
        }
        let frame = frame.filter(&mask)?;
        let mut keys: Vec<Expr> = self.by.iter().map(|b| col(b.as_str())).collect();
        keys.push(col(YEAR));
        if bands.is_some() {
            keys.push(col(BAND));
        }
        let summed = frame
            .lazy()
            .group_by(keys)
            .agg([col(PEOPLE).sum()])
            .collect()?;
        // Every group of the population needs every year of the range.
        let mut group_keys: Vec<Expr> = self.by.iter().map(|b| col(b.as_str())).collect();
        if group_keys.is_empty() {
            group_keys.push(lit(true).alias("__ik_all"));
        }
        let coverage = summed
            .clone()
            .lazy()
            .group_by(group_keys)
            .agg([
                col(YEAR).n_unique().alias("__ik_years"),
                col(YEAR).alias("__ik_list"),
            ])
            .collect()?;
        let counts = coverage.column("__ik_years")?.cast(&DataType::Int64)?;
        let span = i64::from(last - first + 1);
        if let Some(row) = counts.i64()?.iter().position(|n| n != Some(span)) {
            let present: Vec<i32> = coverage
                .column("__ik_list")?
                .get(row)
                .ok()
                .and_then(|v| match v {
                    AnyValue::List(s) => s.i32().ok().map(|c| c.iter().flatten().collect()),
                    _ => None,
                })
                .unwrap_or_default();
            let missing: Vec<String> = (first..=last)
                .filter(|y| !present.contains(y))
                .map(|y| y.to_string())
                .collect();
            let shown = coverage.select(self.by.iter().map(String::as_str))?;
            return Err(Error::data(
                &p.year,
                "the population must cover every year of the range",
                format!("no population for {}", missing.join(", ")),
                format!(" (years {first}–{last}){}", group_label(&shown, row)),
            ));
        }
        Ok(summed)
    }
}

/// The label of a window: "2016" or "2011–2015".
fn window_label((first, last): (i32, i32)) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    }
}

/// The years of a set in words: "2011–2024", or "2011–2015, 2018–2024" with gaps.
fn covered(years: &std::collections::BTreeSet<i32>) -> String {
    let mut spans: Vec<(i32, i32)> = Vec::new();
    for &y in years {
        match spans.last_mut() {
            Some((_, last)) if *last + 1 == y => *last = y,
            _ => spans.push((y, y)),
        }
    }
    if spans.is_empty() {
        return "no years".to_string();
    }
    spans
        .iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Integer years of a year column, or the years of a date column.
fn years(frame: &DataFrame, name: &str, role: &str) -> Result<Vec<Option<i32>>> {
    let dtype = require(frame.schema(), name, role)?;
    let c = frame.column(name)?;
    let years = match dtype {
        DataType::Date | DataType::Datetime(_, _) => c
            .cast(&DataType::Date)?
            .date()?
            .as_date_iter()
            .map(|d| d.map(|d| chrono::Datelike::year(&d)))
            .collect(),
        t if t.is_integer() => c.cast(&DataType::Int32)?.i32()?.iter().collect(),
        other => {
            return Err(Error::WrongDtype {
                column: name.to_string(),
                role: role.to_string(),
                expected: "an integer year or a date".to_string(),
                found: other.to_string(),
            })
        }
    };
    Ok(years)
}

/// Whether `inner` lies within `outer`.
fn contains(outer: Ages, inner: Ages) -> bool {
    inner.0 >= outer.0
        && match (outer.1, inner.1) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(o), Some(i)) => i <= o,
        }
}

/// Whether the ages `band` lie in `range`: wholly in (true) or wholly out
/// (false); a band straddling the range is an error.
fn inside(band: Ages, range: Ages, label: &str, whose: &str) -> Result<bool> {
    if contains(range, band) {
        return Ok(true);
    }
    let below = band.1.is_some_and(|hi| hi < range.0);
    let above = range.1.is_some_and(|max| band.0 > max);
    if below || above {
        return Ok(false);
    }
    let shown = |r: Ages| match r.1 {
        Some(hi) => format!("{}–{hi}", r.0),
        None => format!("{}+", r.0),
    };
    Err(Error::AgeBands {
        column: "age".into(),
        problem: format!("straddles the age range {} ({whose})", shown(range)),
        bands: label.to_string(),
        location: String::new(),
    })
}

/// The standard band holding an age.
fn band_of(age: f64, bands: &[(String, Ages)]) -> Option<String> {
    let a = age as u32;
    bands
        .iter()
        .find(|(_, b)| contains(*b, (a, Some(a))))
        .map(|(l, _)| l.clone())
}

/// The first row that repeats an earlier one in every column, as (earlier, repeat).
fn repeated_row(frame: &DataFrame) -> Result<Option<(usize, usize)>> {
    let repeated = frame.is_duplicated()?;
    let Some(first) = repeated.iter().position(|d| d == Some(true)) else {
        return Ok(None);
    };
    let row = frame.slice(first as i64, 1);
    let again = (first + 1..frame.height())
        .find(|&i| frame.slice(i as i64, 1).equals_missing(&row))
        .unwrap_or(first);
    Ok(Some((first, again)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_in_out_or_straddling_the_range() {
        assert!(inside((15, Some(19)), (15, Some(24)), "15-19", "x").unwrap());
        assert!(!inside((25, Some(29)), (15, Some(24)), "25-29", "x").unwrap());
        assert!(!inside((0, Some(4)), (15, None), "0-4", "x").unwrap());
        let e = inside((10, Some(19)), (15, None), "10-19", "x")
            .unwrap_err()
            .to_string();
        assert!(e.contains("10-19") && e.contains("15+"), "{e}");
    }

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
