//! Standard populations for direct standardisation: data joined by age-band label.

use polars::prelude::*;

use super::columns::column_of;
use crate::error::{Error, Result};
use crate::input::IntoFrame;

/// A standard population: a weight per age band, matched to the data by the
/// band's label (never by position).
///
/// # Example
/// ```
/// use indikator::StandardPopulation;
///
/// let esp = StandardPopulation::by_name("esp2013")?;
/// assert_eq!(esp.bands().len(), 19);
/// assert_eq!(esp.total(), 100_000.0);
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct StandardPopulation {
    name: String,
    bands: Vec<(String, f64)>,
}

/// The European Standard Population 2013 (Eurostat 2013), 19 bands 0–4 … 90+.
const ESP2013: [(&str, f64); 19] = [
    ("0-4", 5000.0),
    ("5-9", 5500.0),
    ("10-14", 5500.0),
    ("15-19", 5500.0),
    ("20-24", 6000.0),
    ("25-29", 6000.0),
    ("30-34", 6500.0),
    ("35-39", 7000.0),
    ("40-44", 7000.0),
    ("45-49", 7000.0),
    ("50-54", 7000.0),
    ("55-59", 6500.0),
    ("60-64", 6000.0),
    ("65-69", 5500.0),
    ("70-74", 5000.0),
    ("75-79", 4000.0),
    ("80-84", 2500.0),
    ("85-89", 1500.0),
    ("90+", 1000.0),
];

/// The European Standard Population 1976 (Waterhouse et al. 1976), 18 bands 0–4 … 85+.
const ESP1976: [(&str, f64); 18] = [
    ("0-4", 8000.0),
    ("5-9", 7000.0),
    ("10-14", 7000.0),
    ("15-19", 7000.0),
    ("20-24", 7000.0),
    ("25-29", 7000.0),
    ("30-34", 7000.0),
    ("35-39", 7000.0),
    ("40-44", 7000.0),
    ("45-49", 7000.0),
    ("50-54", 7000.0),
    ("55-59", 6000.0),
    ("60-64", 5000.0),
    ("65-69", 4000.0),
    ("70-74", 3000.0),
    ("75-79", 2000.0),
    ("80-84", 1000.0),
    ("85+", 1000.0),
];

/// The names [`StandardPopulation::by_name`] knows.
///
/// Both shipped standards, each of 100 000 people:
///
/// ```
/// use indikator::{StandardPopulation, STANDARD_POPULATIONS};
///
/// assert_eq!(STANDARD_POPULATIONS, ["esp2013", "esp1976"]);
/// for name in STANDARD_POPULATIONS {
///     let standard = StandardPopulation::by_name(name)?;
///     assert_eq!(standard.total(), 100_000.0, "{name}");
/// }
/// assert_eq!(StandardPopulation::by_name("esp1976")?.bands().len(), 18); // 0–4 … 85+
/// assert!(StandardPopulation::by_name("who2000").unwrap_err().to_string().contains("esp2013, esp1976"));
/// # Ok::<(), indikator::Error>(())
/// ```
pub const STANDARD_POPULATIONS: [&str; 2] = ["esp2013", "esp1976"];

impl StandardPopulation {
    /// A shipped standard population by name: `"esp2013"` or `"esp1976"`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] listing the known names.
    ///
    /// # Example
    /// ```
    /// use indikator::{Error, StandardPopulation};
    /// let esp = StandardPopulation::by_name("ESP2013")?; // case is ignored
    /// assert_eq!(esp.name(), "esp2013");
    /// assert_eq!(esp.bands()[0], ("0-4".to_string(), 5_000.0));
    /// let who = StandardPopulation::by_name("who2000").unwrap_err();
    /// assert!(matches!(who, Error::InvalidArgument { ref argument, .. } if argument == "standard"));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn by_name(name: &str) -> Result<Self> {
        let table: &[(&str, f64)] = match name.trim().to_ascii_lowercase().as_str() {
            "esp2013" => &ESP2013,
            "esp1976" => &ESP1976,
            _ => {
                return Err(Error::argument(
                    "standard",
                    &format!(
                        "unknown standard population; known: {}",
                        STANDARD_POPULATIONS.join(", ")
                    ),
                    format!("{name:?}"),
                ))
            }
        };
        Ok(StandardPopulation {
            name: name.trim().to_ascii_lowercase(),
            bands: table.iter().map(|(b, w)| (b.to_string(), *w)).collect(),
        })
    }

    /// A standard population from `(band, weight)` pairs, e.g. Sweden's population of a year.
    ///
    /// # Errors
    /// No bands; an empty, duplicated band label; a negative, NaN or infinite weight; all weights zero.
    ///
    /// # Example
    /// The region's own population of 2023 in three bands as the standard:
    /// ```
    /// use indikator::{Error, StandardPopulation};
    /// let bands = vec![("0-14".to_string(), 21_000.0), ("15-64".into(), 79_000.0), ("65+".into(), 32_000.0)];
    /// let region = StandardPopulation::new("Jämtland Härjedalen 2023", bands)?;
    /// assert_eq!(region.total(), 132_000.0);
    /// let twice = vec![("65+".to_string(), 1.0), ("65+".to_string(), 2.0)];
    /// assert!(matches!(StandardPopulation::new("x", twice), Err(Error::AgeBands { .. })));
    /// assert!(StandardPopulation::new("x", vec![("0-4".into(), -1.0)]).is_err());
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn new(name: impl Into<String>, bands: Vec<(String, f64)>) -> Result<Self> {
        let name = name.into();
        if bands.is_empty() {
            return Err(Error::argument(
                "standard",
                "a standard population needs at least one age band",
                "none",
            ));
        }
        for (i, (band, weight)) in bands.iter().enumerate() {
            if band.trim().is_empty() {
                return Err(Error::data(
                    "age_band",
                    "standard population bands must have a label",
                    "an empty label",
                    "",
                ));
            }
            if bands[..i].iter().any(|(b, _)| b == band) {
                return Err(Error::AgeBands {
                    column: "age_band".into(),
                    problem: "duplicated in the standard population".into(),
                    bands: band.clone(),
                    location: format!(" (standard population {name})"),
                });
            }
            if !(weight.is_finite() && *weight >= 0.0) {
                return Err(Error::data(
                    "weight",
                    "standard population weights must be finite and >= 0",
                    weight,
                    format!(" for band {band}"),
                ));
            }
        }
        let sp = StandardPopulation { name, bands };
        if sp.total() <= 0.0 {
            return Err(Error::data(
                "weight",
                "standard population weights must not all be zero",
                0,
                "",
            ));
        }
        Ok(sp)
    }

    /// A standard population from a frame with a band column and a weight column.
    ///
    /// # Errors
    /// Missing columns, nulls, and everything [`StandardPopulation::new`] rejects.
    ///
    /// # Example
    /// Sweden's population as a table (whole numbers are read as weights):
    /// ```
    /// use indikator::prelude::*;
    /// let sweden = df!(
    ///     "alder" => ["0-14", "15-64", "65+"],
    ///     "folkmangd" => [1_810_000, 6_600_000, 2_140_000],
    /// )?;
    /// let standard = StandardPopulation::from_frame("sverige 2023", &sweden, "alder", "folkmangd")?;
    /// assert_eq!(standard.bands()[2], ("65+".to_string(), 2_140_000.0));
    /// assert_eq!(standard.total(), 10_550_000.0);
    /// assert!(StandardPopulation::from_frame("x", &sweden, "age", "folkmangd").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_frame(
        name: impl Into<String>,
        frame: impl IntoFrame,
        band: &str,
        weight: &str,
    ) -> Result<Self> {
        let frame = &frame.into_data_frame()?;
        let bands = column_of(frame, band, "standard population age band")?;
        let weights = column_of(frame, weight, "standard population weight")?;
        if !weights.dtype().is_primitive_numeric() {
            return Err(Error::WrongDtype {
                column: weight.into(),
                role: "standard population weight".into(),
                expected: "numeric (integer or float)".into(),
                found: weights.dtype().to_string(),
            });
        }
        let bands = bands.cast(&DataType::String)?;
        let weights = weights.cast(&DataType::Float64)?;
        let mut pairs = Vec::with_capacity(frame.height());
        for (b, w) in bands.str()?.iter().zip(weights.f64()?.iter()) {
            match (b, w) {
                (Some(b), Some(w)) => pairs.push((b.to_string(), w)),
                (None, _) => {
                    return Err(Error::data(
                        band,
                        "standard population bands must not be missing",
                        "null",
                        "",
                    ))
                }
                (Some(b), None) => {
                    return Err(Error::data(
                        weight,
                        "standard population weights must not be missing",
                        "null",
                        format!(" for band {b}"),
                    ))
                }
            }
        }
        Self::new(name, pairs)
    }

    /// The name, e.g. `"esp2013"`.
    ///
    /// ```
    /// use indikator::StandardPopulation;
    /// assert_eq!(StandardPopulation::by_name("esp1976")?.name(), "esp1976");
    /// let own = StandardPopulation::new("riket 2023", vec![("0-64".into(), 8.4e6), ("65+".into(), 2.1e6)])?;
    /// assert_eq!(own.name(), "riket 2023");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The `(band, weight)` pairs in order.
    ///
    /// The bands of ESP 2013 a suicide rate at 15–24 is standardised over:
    /// ```
    /// use indikator::StandardPopulation;
    /// let esp = StandardPopulation::by_name("esp2013")?;
    /// let young: Vec<_> = esp.bands()[3..5].iter().map(|(band, w)| (band.as_str(), *w)).collect();
    /// assert_eq!(young, [("15-19", 5_500.0), ("20-24", 6_000.0)]);
    /// assert_eq!(esp.bands().last().map(|(band, _)| band.as_str()), Some("90+"));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn bands(&self) -> &[(String, f64)] {
        &self.bands
    }

    /// The sum of the weights.
    ///
    /// ```
    /// use indikator::StandardPopulation;
    /// assert_eq!(StandardPopulation::by_name("esp1976")?.total(), 100_000.0);
    /// let bands = vec![("0-14".to_string(), 21_000.0), ("15-64".into(), 79_000.0), ("65+".into(), 32_000.0)];
    /// assert_eq!(StandardPopulation::new("region", bands)?.total(), 132_000.0);
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn total(&self) -> f64 {
        self.bands.iter().map(|(_, w)| w).sum()
    }

    /// As a frame with columns `age_band` (string) and `weight` (f64).
    ///
    /// ESP 2013 as a table, and back:
    /// ```
    /// use indikator::prelude::*;
    /// let esp = StandardPopulation::by_name("esp2013")?;
    /// let frame = esp.to_frame()?;
    /// assert_eq!(frame.get_column_names(), ["age_band", "weight"]);
    /// assert_eq!(frame.height(), 19);
    /// assert_eq!(frame.column("weight")?.f64()?.sum(), Some(100_000.0));
    /// let back = StandardPopulation::from_frame("esp2013", &frame, "age_band", "weight")?;
    /// assert_eq!(back, esp);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_frame(&self) -> Result<DataFrame> {
        let bands: Vec<&str> = self.bands.iter().map(|(b, _)| b.as_str()).collect();
        let weights: Vec<f64> = self.bands.iter().map(|(_, w)| *w).collect();
        Ok(DataFrame::new(
            bands.len(),
            vec![
                Column::new("age_band".into(), bands),
                Column::new("weight".into(), weights),
            ],
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esp2013_has_the_published_weights() {
        let esp = StandardPopulation::by_name("ESP2013").unwrap();
        let weights: Vec<f64> = esp.bands().iter().map(|b| b.1).collect();
        assert_eq!(weights[..4], [5000.0, 5500.0, 5500.0, 5500.0]);
        assert_eq!(esp.bands()[18], ("90+".to_string(), 1000.0));
        assert_eq!(esp.total(), 100_000.0);
        assert_eq!(
            StandardPopulation::by_name("esp1976").unwrap().total(),
            100_000.0
        );
    }

    #[test]
    fn unknown_names_list_the_known_ones() {
        let err = StandardPopulation::by_name("who2000")
            .unwrap_err()
            .to_string();
        assert_eq!(err, "argument `standard`: unknown standard population; known: esp2013, esp1976; got \"who2000\"");
    }

    #[test]
    fn rejects_duplicate_bands_and_negative_weights() {
        let dup = StandardPopulation::new("x", vec![("0-4".into(), 1.0), ("0-4".into(), 2.0)])
            .unwrap_err();
        assert_eq!(dup.to_string(), "age bands in `age_band`: duplicated in the standard population: 0-4 (standard population x)");
        let neg = StandardPopulation::new("x", vec![("0-4".into(), -1.0)]).unwrap_err();
        assert!(neg
            .to_string()
            .contains("weights must be finite and >= 0; found -1"));
    }
}
