//! Checking a catalogue against the data without computing: every table it
//! names exists and has the columns its statistic, filters and breakdowns need.

use std::path::Path;

use super::inputs::Inputs;
use crate::catalog::{Catalog, Family};
use crate::error::Result;

/// The columns a statistic reads from each of its tables (the library's
/// default column names).
fn needs(family: &Family) -> Vec<(&str, Vec<&str>)> {
    let t = family.tables();
    match family {
        Family::Waits { .. } => vec![(t[0], vec!["decided", "completed", "kind", "pvv", "mov"])],
        Family::Readmission { .. } => vec![(
            t[0],
            vec![
                "patient_id",
                "admitted",
                "discharged",
                "age",
                "acute",
                "discharge_type",
            ],
        )],
        Family::Sip {
            exclude_statuses, ..
        } => {
            let mut c = vec!["plan_id", "established", "birth_date"];
            if !exclude_statuses.is_empty() {
                c.push("status");
            }
            vec![(t[0], c)]
        }
        Family::Mortality { .. } => vec![
            (t[0], vec!["year", "age", "cause"]),
            (t[1], vec!["year", "age", "population"]),
        ],
        Family::EventRate { .. } => vec![
            (t[0], vec!["date", "age", "cause"]),
            (t[1], vec!["year", "age", "population"]),
        ],
        Family::Continuity { chronic_codes, .. } => {
            let mut visits = vec!["patient_id", "clinician_id", "profession", "unit", "date"];
            if !chronic_codes.is_empty() {
                visits.push("diagnosis");
            }
            vec![
                (t[0], vec!["patient_id", "unit", "listed_from", "listed_to"]),
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
        wanted[0]
            .1
            .extend(family.filters().keys().map(String::as_str));
        for (table, columns) in wanted {
            let schema = match inputs.schema(table) {
                Ok(s) => s,
                Err(e) => {
                    problems.push(format!("{}: table `{table}`: {e}", ind.id));
                    continue;
                }
            };
            for c in columns {
                if !schema.contains(c) {
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
