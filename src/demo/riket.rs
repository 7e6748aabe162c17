//! Synthetic national benchmark values ("Riket") for the indicators the
//! report compares with: each year 2019–2025 and its interim period
//! (jan–aug), and for suicide the pooled windows of three and five years.
//! The values are plausible, fixed (not seeded) and labelled synthetic.

use polars::prelude::*;

use super::columns::{frame, texts};

/// The indicator ids of the `riket` table.
///
/// Each is an indicator of the shipped catalogue, and the table is read as
/// any benchmark table:
///
/// ```
/// use indikator::demo::{generate, DEFAULT_SEED, RIKET_INDICATORS};
/// use indikator::{Benchmarks, Catalog};
///
/// let catalog = Catalog::shipped()?;
/// assert!(RIKET_INDICATORS.iter().all(|id| catalog.indicator(id).is_some()));
/// let tables = generate(DEFAULT_SEED, 0.001)?;
/// let riket = &tables.iter().find(|(name, _)| *name == "riket").unwrap().1;
/// // 2019–2025 and their jan–aug for each; the two suicide indicators also
/// // have ten windows each of five and of three years.
/// assert_eq!(riket.height(), RIKET_INDICATORS.len() * 7 * 2 + 2 * 2 * 10);
/// let benchmarks = Benchmarks::table(riket, "riket.parquet")?;
/// // vg-besok-90: 58 % in 2024, 1,5 points lower in its jan–aug.
/// let delar = benchmarks.riket(&["vg-besok-90"], "jan–aug 2024", Some(2024)).unwrap();
/// assert_eq!(delar.value, 56.5);
/// # Ok::<(), indikator::Error>(())
/// ```
pub const RIKET_INDICATORS: [&str; 10] = [
    "bup-utredning-30",
    "vg-besok-90",
    "vg-behandling-90",
    "vg-pv-bedomning-3",
    "vg-60-dagar",
    "kontinuitet-kroniker",
    "aterinskrivning-65",
    "fallskador-65",
    "suicid-15-24",
    "suicid-15",
];

/// The source of every value.
const SOURCE: &str = "Syntetiskt riksvärde (demo)";

/// Values for 2019–2025, in the order of [`RIKET_INDICATORS`], and the
/// difference of the interim period (jan–aug) from the year.
const YEARLY: [([f64; 7], f64); 10] = [
    ([68.0, 66.0, 64.0, 67.0, 69.0, 70.0, 71.0], -2.0),
    ([72.0, 60.0, 56.0, 55.0, 56.0, 58.0, 59.0], -1.5),
    ([74.0, 62.0, 58.0, 58.0, 59.0, 60.0, 61.0], -1.5),
    ([80.0, 81.0, 82.0, 81.0, 82.0, 82.0, 83.0], 0.5),
    ([55.0, 45.0, 42.0, 42.0, 43.0, 45.0, 46.0], -1.0),
    ([0.42, 0.41, 0.40, 0.40, 0.39, 0.40, 0.40], 0.0),
    ([17.8, 17.5, 17.6, 17.3, 17.1, 17.0, 16.9], -0.2),
    ([29.5, 28.0, 28.2, 28.6, 28.3, 28.0, 27.8], 0.3),
    ([9.8, 10.4, 10.9, 10.1, 10.6, 10.2, 10.0], 0.0),
    ([14.8, 14.2, 14.6, 14.4, 14.7, 14.5, 14.3], 0.0),
];

/// Yearly suicide rates 2011–2024 (15–24, 15+) for the pooled windows.
const SUICIDE_15_24: [f64; 14] = [
    9.4, 9.9, 10.2, 10.8, 10.1, 10.5, 11.0, 10.4, 9.8, 10.4, 10.9, 10.1, 10.6, 10.2,
];
const SUICIDE_15: [f64; 14] = [
    15.6, 15.3, 15.8, 15.1, 15.0, 14.9, 15.2, 14.8, 14.8, 14.2, 14.6, 14.4, 14.7, 14.5,
];

fn round(value: f64, indicator: &str) -> f64 {
    let digits = if indicator == "kontinuitet-kroniker" {
        100.0
    } else {
        10.0
    };
    (value * digits).round() / digits
}

/// The `riket` table: `indicator`, `period`, `area` ("Riket"), `value`, `source`.
pub(crate) fn generate() -> crate::Result<DataFrame> {
    let mut indicator = Vec::new();
    let mut period = Vec::new();
    let mut value = Vec::new();
    for (id, (years, interim)) in RIKET_INDICATORS.iter().zip(YEARLY) {
        for (k, v) in years.iter().enumerate() {
            let year = 2019 + k;
            indicator.push(*id);
            period.push(year.to_string());
            value.push(round(*v, id));
            indicator.push(*id);
            period.push(format!("jan–aug {year}"));
            value.push(round(v + interim, id));
        }
    }
    for (id, series) in [("suicid-15-24", SUICIDE_15_24), ("suicid-15", SUICIDE_15)] {
        for years in [5usize, 3] {
            for end in 2015..=2024usize {
                let first = end + 1 - years;
                let slice = &series[first - 2011..=end - 2011];
                indicator.push(id);
                period.push(format!("{first}–{end}"));
                value.push(round(slice.iter().sum::<f64>() / years as f64, id));
            }
        }
    }
    let n = value.len();
    frame(vec![
        texts("indicator", indicator),
        Column::new("period".into(), period),
        texts("area", vec!["Riket"; n]),
        Column::new("value".into(), value),
        texts("source", vec![SOURCE; n]),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Period;

    #[test]
    fn every_indicator_has_years_interim_periods_and_suicide_windows() {
        let riket = generate().unwrap();
        assert_eq!(riket.height(), 10 * 14 + 2 * 20);
        let periods = riket.column("period").unwrap().str().unwrap();
        for p in periods.iter().flatten() {
            p.parse::<Period>().unwrap();
        }
        let labels: Vec<&str> = periods.iter().flatten().collect();
        for l in [
            "2024",
            "jan–aug 2024",
            "2011–2015",
            "2020–2024",
            "2013–2015",
            "2022–2024",
        ] {
            assert!(labels.contains(&l), "{l}");
        }
    }
}
