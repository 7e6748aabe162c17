//! Checking a catalogue against the data without computing: every table it
//! names exists and has the columns its statistic, filters and breakdowns need.

use std::path::Path;

use super::compute::EVENT_DATE;
use super::inputs::Inputs;
use crate::care::{
    DeathColumns, DispensingColumns, ListingColumns, PlanColumns, PopulationColumns, StayColumns,
    VisitColumns, WaitColumns,
};
use crate::catalog::{Catalog, Family};
use crate::error::Result;

/// The columns a statistic reads from each of its tables: the defaults of
/// the care layer's column structs, which the report uses.
fn needs(family: &Family) -> Vec<(&str, Vec<String>)> {
    let t = family.tables();
    let (deaths, people) = (DeathColumns::default(), PopulationColumns::default());
    let population = vec![people.year, people.age, people.population];
    match family {
        Family::Waits { .. } => {
            let c = WaitColumns::default();
            let mut needed = vec![c.decided, c.completed, c.kind];
            needed.extend(c.pvv.into_iter().chain(c.mov));
            vec![(t[0], needed)]
        }
        Family::Readmission { .. } => {
            let c = StayColumns::default();
            let mut needed = vec![c.patient, c.admitted, c.discharged, c.age, c.acute];
            needed.extend(c.discharge_type);
            vec![(t[0], needed)]
        }
        Family::Sip {
            exclude_statuses, ..
        } => {
            let c = PlanColumns::default();
            let mut needed = vec![c.plan, c.established, c.birth_date];
            if !exclude_statuses.is_empty() {
                needed.push(c.status);
            }
            vec![(t[0], needed)]
        }
        Family::Mortality { .. } => vec![
            (t[0], vec![deaths.year, deaths.age, deaths.cause]),
            (t[1], population),
        ],
        Family::LifeExpectancy { .. } => {
            vec![(t[0], vec![deaths.year, deaths.age]), (t[1], population)]
        }
        // Events are dated; the report gives them the period's year.
        Family::EventRate { date, cause, .. } => vec![
            (
                t[0],
                vec![
                    date.clone().unwrap_or_else(|| EVENT_DATE.to_string()),
                    deaths.age,
                    cause.clone().unwrap_or(deaths.cause),
                ],
            ),
            (t[1], population),
        ],
        Family::EventCount { date, .. } => vec![(t[0], vec![date.clone()])],
        // The age from the birth date, or the `age` column without one.
        Family::Drugs { .. } => {
            let c = DispensingColumns::default();
            vec![
                (t[0], vec![c.person, c.dispensed, c.atc]),
                (t[1], population),
            ]
        }
        Family::Continuity { chronic_codes, .. } => {
            let (v, l) = (VisitColumns::default(), ListingColumns::default());
            let mut visits = vec![v.patient, v.clinician, v.profession, v.unit, v.date];
            if !chronic_codes.is_empty() {
                visits.push(v.diagnosis);
            }
            vec![
                (t[0], vec![l.patient, l.unit, l.from, l.to]),
                (t[1], visits),
            ]
        }
    }
}

/// Check `catalog` against the tables in `data`; returns the problems found,
/// one line each naming the indicator, table and column (empty: all good).
///
/// # Errors
/// Only a data directory that does not exist.
pub fn check(catalog: &Catalog, data: &Path) -> Result<Vec<String>> {
    let inputs = Inputs::new(data, catalog)?;
    let mut problems = Vec::new();
    for ind in &catalog.indicators {
        let family = &ind.statistic;
        let mut wanted = needs(family);
        let tables = family.tables();
        wanted[0].1.extend(family.filters().keys().cloned());
        for (table, columns) in wanted {
            let schema = match inputs.schema(table) {
                Ok(s) => s,
                Err(e) => {
                    problems.push(format!("{}: table `{table}`: {e}", ind.id));
                    continue;
                }
            };
            for c in columns {
                if !schema.contains(&c) {
                    problems.push(format!(
                        "{}: table `{table}` has no column `{c}` (it has: {})",
                        ind.id,
                        schema
                            .iter_names()
                            .map(|n| n.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
            // Breakdowns are read from every table the figure is grouped in.
            let grouped = match family {
                Family::Continuity { .. } => table == tables[0],
                _ => true,
            };
            if grouped {
                for b in &ind.breakdowns {
                    if !schema.contains(b) {
                        problems.push(format!(
                            "{}: breakdown `{b}` is not a column of table `{table}`",
                            ind.id
                        ));
                    }
                }
            }
        }
    }
    problems.dedup();
    Ok(problems)
}
