//! Checking a catalogue against the data without computing: every table it
//! names exists and has the columns its statistic, filters and breakdowns need.

use std::path::Path;

use super::inputs::Inputs;
use super::reads::needs;
use crate::catalog::{Catalog, Family};
use crate::error::Result;

/// Check `catalog` against the tables in `data`; returns the problems found,
/// one line each naming the indicator, table and column (empty: all good).
///
/// # Errors
/// Only a data directory that does not exist.
///
/// The shipped catalogue against the synthetic data, then without the
/// SIP table:
///
/// ```
/// use indikator::{check_catalog, Catalog};
///
/// let data = std::env::temp_dir().join("indikator-check-catalog");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.01)?;
/// let catalog = Catalog::shipped()?;
/// assert_eq!(check_catalog(&catalog, &data)?, Vec::<String>::new());
/// std::fs::remove_file(data.join("sip.parquet"))?;
/// let problems = check_catalog(&catalog, &data)?;
/// assert!(problems.iter().any(|p| p.starts_with("sip-barn: table `sip`")), "{problems:?}");
/// assert!(problems.iter().any(|p| p.starts_with("sip-vuxna: table `sip`")), "{problems:?}");
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
