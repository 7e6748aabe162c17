//! Deaths and person-years per group, window of years and (when
//! standardising) age band: the death records checked and counted, the
//! population checked and summed, each year of the range covered.

use polars::prelude::*;

use super::ages::{band_of, band_range, Ages};
use super::Mortality;
use crate::care::population::{people, years, BAND, PEOPLE, YEAR};
use crate::care::records::{numbers, reserve, rows_of, texts, Checks, Quality};
use crate::care::waits::PERIOD;
use crate::error::{Error, Result};
use crate::measure::{group_label, require_keys};

pub(super) const DEATHS: &str = "__ik_deaths";

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
        let people = people(
            population,
            &self.population_columns,
            &self.common.by,
            range,
            bands.as_deref(),
            first,
            last,
        )?;
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
