//! The population table of the care families (mortality, event rates,
//! drug use): its column names, and the people per group, year (and age
//! band) within an age range, checked.

use polars::prelude::*;

use super::mortality::ages::{contains, inside};
use super::options::{ColumnSlot, RecordColumns};
use super::records::{numbers, texts};
use crate::error::{Error, Result};
use crate::measure::{band_range, group_label, require, Ages};

/// The year column of [`people`].
pub(crate) const YEAR: &str = "__ik_year";
/// The age-band column of [`people`] (when standardising).
pub(crate) const BAND: &str = "__ik_age_band";
/// The people column of [`people`].
pub(crate) const PEOPLE: &str = "__ik_people";

/// Column names of the population (one row per year, group and age).
///
/// The population as SCB's statistical database names it, with ages in
/// bands:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{CauseSet, PopulationColumns};
/// let population = df!(
///     "år" => [2023, 2023, 2023],
///     "ålder" => ["0-14", "15-64", "65+"],
///     "folkmängd" => [21_000, 79_000, 32_000],
/// )?;
/// let deaths = df!("year" => [2023, 2023, 2023], "age" => [34, 52, 71],
///                  "cause" => ["X70.0", "X64", "X60"])?;
/// let mut suicide = Mortality::new(CauseSet::named("suicide")?).ages(15, None);
/// suicide.population_columns = PopulationColumns::renamed(
///     "population_columns",
///     [("year", "år"), ("age", "ålder"), ("population", "folkmängd")],
/// )?;
/// let rate = suicide.rates(&deaths, &population)?;
/// // Three deaths among the 111 000 aged 15 or more: 3 / 111 000 × 100 000.
/// assert_eq!(rate.column("denominator")?.f64()?.get(0), Some(111_000.0));
/// let value = rate.column("value")?.f64()?.get(0).unwrap();
/// assert!((value - 2.702_702_702_7).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PopulationColumns {
    /// The year (default `year`).
    pub year: String,
    /// Age in single years (numbers) or age bands ("15-19", "90+") (default `age`).
    pub age: String,
    /// The number of people (default `population`).
    pub population: String,
}

impl RecordColumns for PopulationColumns {
    fn slots(&mut self) -> Vec<(&'static str, ColumnSlot<'_>)> {
        vec![
            ("year", ColumnSlot::Required(&mut self.year)),
            ("age", ColumnSlot::Required(&mut self.age)),
            ("population", ColumnSlot::Required(&mut self.population)),
        ]
    }
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

/// The people per group, year (and band) within the age range `range`
/// and the years `first`–`last`: the group columns `by`, [`YEAR`],
/// [`BAND`] when `bands` are given, and [`PEOPLE`]. Ages are single years
/// (numbers) or bands ("75-79", "90+"); a band straddling the range is an
/// error, as is a repeated row, a count missing or negative, and a group
/// without every year.
pub(crate) fn people(
    population: &DataFrame,
    columns: &PopulationColumns,
    by: &[String],
    range: Ages,
    bands: Option<&[(String, Ages)]>,
    first: i32,
    last: i32,
) -> Result<DataFrame> {
    let p = columns;
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
            format!("in row {row}"),
        ));
    }
    if let Some((first, again)) = repeated_row(population)? {
        return Err(Error::data(
            &p.population,
            "population rows must not repeat (a repeated row counts its people twice)",
            "the same row twice",
            format!("in rows {first} and {again}"),
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
            format!("in row {row}"),
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
                            location: format!("in row {row}"),
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
    let mut frame = population.select(by.iter().map(String::as_str))?;
    frame.with_column(Column::new(YEAR.into(), year))?;
    frame.with_column(Column::new(PEOPLE.into(), count))?;
    if bands.is_some() {
        frame.with_column(Column::new(BAND.into(), labels))?;
    }
    let frame = frame.filter(&mask)?;
    let mut keys: Vec<Expr> = by.iter().map(|b| col(b.as_str())).collect();
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
    let mut group_keys: Vec<Expr> = by.iter().map(|b| col(b.as_str())).collect();
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
        let shown = coverage.select(by.iter().map(String::as_str))?;
        return Err(Error::data(
            &p.year,
            "the population must cover every year of the range",
            format!("no population for {}", missing.join(", ")),
            format!(" (years {first}–{last}){}", group_label(&shown, row)),
        ));
    }
    Ok(summed)
}

/// Integer years of a year column, or the years of a date column.
pub(crate) fn years(frame: &DataFrame, name: &str, role: &str) -> Result<Vec<Option<i32>>> {
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
