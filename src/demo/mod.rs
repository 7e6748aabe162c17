//! The embedded synthetic data of Region Jämtland Härjedalen: seeded,
//! deterministic, labelled synthetic.
//!
//! [`generate`] makes the record tables the care indicators read — the
//! population, deaths, injuries, vårdgaranti waits, listings and visits in
//! primary care, inpatient stays, coordinated plans (SIP), dispensed drugs — and synthetic
//! national benchmark values, all with the column names of the care
//! layer's defaults. [`write()`] puts them in a directory as Parquet files
//! with a README, and the population and riket's yearly values also in the
//! forms the region fetches real ones in: `population.px` (SCB's layout,
//! windows-1252) and `riket-kolada.json` (Kolada's API answer). The same
//! seed gives the same tables; the places are the region's own
//! ([`crate::KOMMUNER`], [`crate::HALSOCENTRALER`]), the people and their
//! records invented, and every table says so ([`crate::SYNTHETIC_NOTE`]).
//!
//! | table | rows at scale 1 (seed 2024) |
//! |---|---|
//! | `population` | 24 240 (2011–2025 × 8 kommuner × 2 sexes × 101 ages) |
//! | `deaths` | 19 156 (about 1 370 a year, 2011–2024) |
//! | `injuries` | 15 379 (about 2 200 a year, 2019–2025) |
//! | `waits` | 776 709 (about 110 000 a year, 2019–2025, and the 2018 backlog) |
//! | `listings` | 41 141 (40 000 patients) |
//! | `visits` | 951 657 (2017–2025) |
//! | `stays` | 109 823 (about 15 700 a year, 2019–2025; 4 % transfers) |
//! | `sip` | 5 585 (about 800 a year, 2019–2025) |
//! | `dispensings` | 213 152 (people aged 70+, 2023–2025; about 5 900 a month) |
//! | `riket` | 180 |
//!
//! [`write()`] also writes [`REPORTED_FILE`]: the synthetic answers of the
//! shipped catalogue's reported measures and hand-rated success factors
//! for [`REPORTED_PERIOD`] and the year before, in the template's form.
//!
//! ```
//! let tables = indikator::demo::generate(indikator::demo::DEFAULT_SEED, 0.01)?;
//! let names: Vec<&str> = tables.iter().map(|(name, _)| *name).collect();
//! assert_eq!(names[0], "population");
//! assert!(names.contains(&"waits") && names.contains(&"riket"));
//! # Ok::<(), indikator::Error>(())
//! ```

mod chunks;
mod columns;
mod dates;
mod deaths;
mod dispensings;
mod home_visits;
mod injuries;
mod population;
mod primary_care;
mod published;
mod region;
mod reported;
mod riket;
mod rng;
mod sip;
mod stays;
mod visit_rows;
mod waits;
mod write;

use polars::prelude::DataFrame;

pub use crate::synthetic::SYNTHETIC_NOTE;
pub use region::POPULATION_2024;
pub use reported::{REPORTED_FILE, REPORTED_PERIOD};
pub use riket::RIKET_INDICATORS;
pub use write::{write, PUBLISHED_FILES};

use crate::error::{Error, Result};
use chunks::Table;
use population::Population;

/// The seed of the published demo data.
///
/// The same seed gives the same records, so a report on the demo data can
/// be made again and compared byte for byte:
///
/// ```
/// use indikator::demo::{generate, DEFAULT_SEED};
///
/// assert_eq!(DEFAULT_SEED, 2024);
/// let first = generate(DEFAULT_SEED, 0.01)?;
/// let again = generate(DEFAULT_SEED, 0.01)?;
/// // The deaths of the region, record for record the same.
/// let (name, deaths) = &first[1];
/// assert_eq!(*name, "deaths");
/// assert!(deaths.equals_missing(&again[1].1));
/// # Ok::<(), indikator::Error>(())
/// ```
pub const DEFAULT_SEED: u64 = 2024;

/// The tables in the order [`generate`] returns them.
///
/// ```
/// use indikator::demo::{generate, DEFAULT_SEED, TABLES};
///
/// let tables = generate(DEFAULT_SEED, 0.01)?;
/// let names: Vec<&str> = tables.iter().map(|(name, _)| *name).collect();
/// assert_eq!(names, TABLES);
/// // The vårdgaranti records, by their place in the list.
/// let waits = TABLES.iter().position(|t| *t == "waits").unwrap();
/// assert!(tables[waits].1.get_column_names().iter().any(|c| c.as_str() == "completed"));
/// # Ok::<(), indikator::Error>(())
/// ```
pub const TABLES: [&str; 10] = [
    "population",
    "deaths",
    "injuries",
    "waits",
    "listings",
    "visits",
    "stays",
    "sip",
    "dispensings",
    "riket",
];

/// Generate the synthetic tables of the region for `seed`, with every
/// volume (the population included) multiplied by `scale`. The tables come
/// in the order of [`TABLES`]; the same seed and scale give identical
/// frames. Record dates run 2019–2025 (visits from 2017, dispensings from 2023, population from
/// 2011, deaths 2011–2024) and nothing is after the extraction date,
/// 2026-01-15.
///
/// # Errors
/// [`Error::InvalidArgument`] when `scale` is not a positive finite
/// number; polars errors building the frames.
///
/// A hundredth of the region, and the row counts that do not depend on the
/// scale:
///
/// ```
/// use indikator::demo::{generate, DEFAULT_SEED};
/// use indikator::Error;
///
/// let tables = generate(DEFAULT_SEED, 0.01)?;
/// let (name, population) = &tables[0];
/// assert_eq!(*name, "population");
/// // 2011–2025 × 8 kommuner × 2 sexes × ages 0–100, however many people.
/// assert_eq!(population.height(), 15 * 8 * 2 * 101);
/// // Riket's synthetic values are fixed: 180 rows at any scale.
/// assert_eq!(tables.last().unwrap().1.height(), 180);
/// // A scale must be a positive finite number.
/// assert!(matches!(generate(DEFAULT_SEED, 0.0), Err(Error::InvalidArgument { .. })));
/// # Ok::<(), indikator::Error>(())
/// ```
pub fn generate(seed: u64, scale: f64) -> Result<Vec<(&'static str, DataFrame)>> {
    let mut tables = Vec::with_capacity(TABLES.len());
    each_table(seed, scale, |name, table| {
        tables.push((name, table.into_frame()?));
        Ok(())
    })?;
    tables.sort_by_key(|(name, _)| TABLES.iter().position(|t| t == name));
    Ok(tables)
}

/// A scale is a positive finite number.
fn check_scale(scale: f64) -> Result<()> {
    if scale.is_finite() && scale > 0.0 {
        Ok(())
    } else {
        Err(Error::argument(
            "scale",
            "must be a positive finite number",
            scale,
        ))
    }
}

/// Generate the tables one after another, handing each to `each` as it
/// is made (and dropping it after), so that no more than one large table
/// is held at once. The order is the generation's, not [`TABLES`]'.
fn each_table(
    seed: u64,
    scale: f64,
    mut each: impl FnMut(&'static str, Table) -> Result<()>,
) -> Result<()> {
    check_scale(scale)?;
    let population = Population::generate(seed, scale);
    each("population", Table::Frame(population.frame()?))?;
    each("deaths", Table::Frame(deaths::generate(seed, &population)?))?;
    // Patient ids run on across the tables: the listed patients first.
    let (listings, visits, next) = primary_care::generate(seed, scale, &population, 1)?;
    each("listings", Table::Frame(listings))?;
    each("visits", Table::Rows(Box::new(visits)))?;
    let (injuries, next) = injuries::generate(seed, &population, next)?;
    each("injuries", Table::Frame(injuries))?;
    let (stays, _) = stays::generate(seed, scale, &population, next)?;
    each("stays", Table::Frame(stays))?;
    let waits = waits::generate(seed, scale, &population);
    each("waits", Table::Rows(Box::new(waits)))?;
    each(
        "sip",
        Table::Frame(sip::generate(seed, scale, &population)?),
    )?;
    let dispensings = dispensings::generate(seed, &population)?;
    each("dispensings", Table::Frame(dispensings))?;
    each("riket", Table::Frame(riket::generate()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::ChunkAgg;

    #[test]
    fn same_seed_same_tables_other_seed_other_tables() {
        let a = generate(17, 0.05).unwrap();
        let b = generate(17, 0.05).unwrap();
        let c = generate(18, 0.05).unwrap();
        assert_eq!(a.len(), TABLES.len());
        for ((name, x), (_, y)) in a.iter().zip(&b) {
            assert!(x.equals_missing(y), "{name} differs for the same seed");
        }
        for ((name, x), (_, z)) in a.iter().zip(&c) {
            if *name != "riket" {
                assert!(!x.equals_missing(z), "{name} is the same for another seed");
            }
        }
    }

    #[test]
    fn scale_must_be_positive_and_finite() {
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let err = generate(1, bad).unwrap_err().to_string();
            assert!(err.contains("scale"), "{err}");
        }
    }

    #[test]
    fn a_tiny_scale_gives_small_valid_tables() {
        let tables = generate(1, 1e-6).unwrap();
        for (name, frame) in &tables {
            match *name {
                "population" => assert_eq!(frame.height(), 24_240),
                "riket" => assert_eq!(frame.height(), 180),
                _ => assert!(frame.height() < 20, "{name}: {}", frame.height()),
            }
            assert!(frame.width() >= 5, "{name}");
        }
    }

    #[test]
    fn scale_two_roughly_doubles_the_rows() {
        let one = generate(3, 0.05).unwrap();
        let two = generate(3, 0.1).unwrap();
        for ((name, x), (_, y)) in one.iter().zip(&two) {
            if *name == "riket" {
                assert_eq!(x.height(), y.height());
                continue;
            }
            if *name == "population" {
                let sum = |f: &DataFrame| -> i64 {
                    f.column("population")
                        .unwrap()
                        .i64()
                        .unwrap()
                        .sum()
                        .unwrap()
                };
                let ratio = sum(y) as f64 / sum(x) as f64;
                assert!((1.95..2.05).contains(&ratio), "{name}: {ratio}");
                continue;
            }
            let ratio = y.height() as f64 / x.height() as f64;
            assert!((1.8..2.2).contains(&ratio), "{name}: {ratio}");
        }
    }

    #[test]
    fn no_date_after_the_extraction_and_ids_are_synthetic() {
        let tables = generate(DEFAULT_SEED, 0.05).unwrap();
        let last = dates::extraction();
        for (name, frame) in &tables {
            for column in frame.columns() {
                if column.dtype() == &polars::prelude::DataType::Date {
                    let days = column.date().unwrap().physical().clone();
                    let max = days.max().unwrap_or(i32::MIN);
                    assert!(max <= last, "{name}.{}", column.name());
                }
            }
        }
        let first = |table: &str, column: &str| -> String {
            let frame = &tables.iter().find(|(n, _)| *n == table).unwrap().1;
            frame
                .column(column)
                .unwrap()
                .str()
                .unwrap()
                .get(0)
                .unwrap()
                .to_string()
        };
        assert!(first("listings", "patient_id").starts_with("P0"));
        assert!(first("waits", "referral_id").starts_with("R000000"));
        assert!(first("sip", "plan_id").starts_with("SIP-2019-0"));
        assert!(first("deaths", "person_id").starts_with("D0"));
    }
}
