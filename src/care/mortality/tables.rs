//! Deaths and person-years per group, window of years and (when
//! standardising) age band: the death records checked and counted, the
//! population checked and summed, each year of the range covered.

use polars::prelude::*;

use super::ages::{band_of, band_range, contains, inside, Ages};
use super::Mortality;
use crate::care::records::{numbers, reserve, rows_of, texts, Checks, Quality};
use crate::care::waits::PERIOD;
use crate::error::{Error, Result};
use crate::measure::{group_label, require, require_keys};

const YEAR: &str = "__ik_year";
pub(super) const BAND: &str = "__ik_age_band";
pub(super) const DEATHS: &str = "__ik_deaths";
pub(super) const PEOPLE: &str = "__ik_people";

impl Mortality {
    /// Deaths and person-years per group, window (`period`) and, when
    /// standardising, age band.
    pub(super) fn tables(
        &self,
        deaths: &DataFrame,
        population: &DataFrame,
        quality: &mut Quality,
    ) -> Result<DataFrame> {
        let range = self.age_range()?;
        reserve(&self.common.by, &[PERIOD])?;
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
        require_keys(deaths.schema(), &self.common.by, "group (deaths)")?;
        require_keys(population.schema(), &self.common.by, "group (population)")?;
        quality.push("deaths", deaths.height());
        let mut checks = Checks::new(deaths.height(), self.common.invalid, quality);
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
        checks.keys_present(deaths, &self.common.by)?;
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
        let mut dead = rows_of(deaths, &self.common.by, &rows)?;
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
        let mut keys: Vec<String> = self.common.by.clone();
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
        let mut frame = population.select(self.common.by.iter().map(String::as_str))?;
        frame.with_column(Column::new(YEAR.into(), year))?;
        frame.with_column(Column::new(PEOPLE.into(), count))?;
        if bands.is_some() {
            frame.with_column(Column::new(BAND.into(), labels))?;
        }
        let frame = frame.filter(&mask)?;
        let mut keys: Vec<Expr> = self.common.by.iter().map(|b| col(b.as_str())).collect();
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
        let mut group_keys: Vec<Expr> = self.common.by.iter().map(|b| col(b.as_str())).collect();
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
            let shown = coverage.select(self.common.by.iter().map(String::as_str))?;
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
