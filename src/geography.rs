//! The region's geography, a fact of the library: Region Jämtland
//! Härjedalen (county 23), its eight kommuner with their SCB codes and
//! names, and the hälsocentraler where patients are listed, by kommun.
//! The report names kommuner from here, the demo generator draws its data
//! over the same places, and the readers of SCB and Kolada files join their
//! codes to the same table.

/// The county code of Jämtlands län (SCB's *länskod*).
///
/// Every kommun code of the region starts with it, and it names the county
/// in SCB's region dimension:
///
/// ```
/// use indikator::{area_name, COUNTY_CODE, KOMMUNER};
///
/// assert_eq!(COUNTY_CODE, "23");
/// assert!(KOMMUNER.iter().all(|k| k.code.starts_with(COUNTY_CODE)));
/// assert_eq!(area_name(COUNTY_CODE), Some("Jämtlands län"));
/// ```
pub const COUNTY_CODE: &str = "23";

/// The county's name (SCB's name of the län).
///
/// The name given to the county's code by SCB and to its id by Kolada:
///
/// ```
/// use indikator::{area_name, kolada_name, COUNTY_CODE, COUNTY_NAME};
///
/// assert_eq!(COUNTY_NAME, "Jämtlands län");
/// assert_eq!(area_name(COUNTY_CODE), Some(COUNTY_NAME));
/// assert_eq!(kolada_name("0023"), Some(COUNTY_NAME));
/// ```
pub const COUNTY_NAME: &str = "Jämtlands län";

/// The region's name.
///
/// The region (the care provider) is not the county (the area), though
/// they cover the same eight kommuner:
///
/// ```
/// use indikator::{COUNTY_NAME, REGION_NAME};
///
/// assert_eq!(REGION_NAME, "Region Jämtland Härjedalen");
/// assert_ne!(REGION_NAME, COUNTY_NAME);
/// let heading = format!("Delårsbokslut jan–aug 2024, {REGION_NAME}");
/// assert!(heading.ends_with("Jämtland Härjedalen"));
/// ```
pub const REGION_NAME: &str = "Region Jämtland Härjedalen";

/// SCB's code of Sweden as a whole (*riket*) in its region dimension.
///
/// Picking riket out of a table of SCB's region codes:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{area_name, RIKET_CODE};
///
/// assert_eq!(area_name(RIKET_CODE), Some("Riket"));
/// let population = df!("region" => ["00", "23", "2380"], "population" => [10_551_707i64, 132_572, 64_665])?;
/// let riket = population.lazy().filter(col("region").eq(lit(RIKET_CODE))).collect()?;
/// assert_eq!(riket.column("population")?.i64()?.get(0), Some(10_551_707));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const RIKET_CODE: &str = "00";

/// Kolada's id of riket (a region is `00` and its county code, a kommun its SCB code).
///
/// ```
/// use indikator::{kolada_name, COUNTY_CODE, KOLADA_RIKET};
///
/// assert_eq!(KOLADA_RIKET, "0000");
/// assert_eq!(kolada_name(KOLADA_RIKET), Some("Riket"));
/// // The region's own Kolada id:
/// let region = format!("00{COUNTY_CODE}");
/// assert_eq!(kolada_name(&region), Some("Jämtlands län"));
/// ```
pub const KOLADA_RIKET: &str = "0000";

/// A kommun of the region.
///
/// The kommuner come from [`KOMMUNER`]; a kommun is looked up by its name
/// or its code:
///
/// ```
/// use indikator::{kommun_name, Kommun, KOMMUNER};
///
/// let are: &Kommun = KOMMUNER.iter().find(|k| k.name == "Åre").expect("a kommun of the region");
/// assert_eq!(are.code, "2321");
/// assert_eq!(kommun_name(are.code), Some(are.name));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kommun {
    /// The four-digit SCB code, e.g. `"2380"` (the county code, then two digits).
    pub code: &'static str,
    /// The name, e.g. `"Östersund"`.
    pub name: &'static str,
}

/// The eight kommuner of the region, in the order of their codes.
///
/// Naming the kommuner of a table that has only their codes:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::KOMMUNER;
///
/// let kommuner = df!(
///     "kommun" => KOMMUNER.iter().map(|k| k.code).collect::<Vec<_>>(),
///     "name" => KOMMUNER.iter().map(|k| k.name).collect::<Vec<_>>(),
/// )?;
/// assert_eq!(kommuner.height(), 8);
/// let deaths = df!("kommun" => ["2380", "2361"], "deaths" => [640i64, 150])?;
/// let named = deaths
///     .lazy()
///     .join(kommuner.lazy(), [col("kommun")], [col("kommun")], JoinArgs::new(JoinType::Left))
///     .collect()?;
/// let names: Vec<_> = named.column("name")?.str()?.iter().flatten().collect();
/// assert_eq!(names, ["Östersund", "Härjedalen"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const KOMMUNER: [Kommun; 8] = [
    Kommun {
        code: "2303",
        name: "Ragunda",
    },
    Kommun {
        code: "2305",
        name: "Bräcke",
    },
    Kommun {
        code: "2309",
        name: "Krokom",
    },
    Kommun {
        code: "2313",
        name: "Strömsund",
    },
    Kommun {
        code: "2321",
        name: "Åre",
    },
    Kommun {
        code: "2326",
        name: "Berg",
    },
    Kommun {
        code: "2361",
        name: "Härjedalen",
    },
    Kommun {
        code: "2380",
        name: "Östersund",
    },
];

/// The name of the kommun with this SCB code (surrounding spaces ignored).
///
/// ```
/// assert_eq!(indikator::kommun_name("2321"), Some("Åre"));
/// assert_eq!(indikator::kommun_name("0180"), None);
/// ```
pub fn kommun_name(code: &str) -> Option<&'static str> {
    KOMMUNER
        .iter()
        .find(|k| k.code == code.trim())
        .map(|k| k.name)
}

/// The name of an area of the region's facts by its SCB code: riket
/// (`00`), the county (`23`) or one of its kommuner.
///
/// ```
/// assert_eq!(indikator::area_name("23"), Some("Jämtlands län"));
/// assert_eq!(indikator::area_name("00"), Some("Riket"));
/// ```
pub fn area_name(code: &str) -> Option<&'static str> {
    match code.trim() {
        RIKET_CODE => Some("Riket"),
        COUNTY_CODE => Some(COUNTY_NAME),
        other => kommun_name(other),
    }
}

/// The name of an area by its Kolada id: `0000` riket, `0023` the county
/// (Kolada's region), a kommun by its code; `None` for other areas.
///
/// ```
/// use indikator::kolada_name;
///
/// assert_eq!(kolada_name("0000"), Some("Riket"));
/// assert_eq!(kolada_name("0023"), Some("Jämtlands län"));
/// assert_eq!(kolada_name("2361"), Some("Härjedalen"));
/// assert_eq!(kolada_name("0180"), None); // Stockholm, outside the region
/// ```
pub fn kolada_name(id: &str) -> Option<&'static str> {
    match id.trim() {
        KOLADA_RIKET => Some("Riket"),
        other => match other.strip_prefix("00") {
            Some(county) if county == COUNTY_CODE => Some(COUNTY_NAME),
            _ => kommun_name(other),
        },
    }
}

/// A hälsocentral (primary-care centre) and the kommun it lies in.
///
/// The hälsocentraler come from [`HALSOCENTRALER`]; the kommun of one:
///
/// ```
/// use indikator::{kommun_name, HealthCentre, HALSOCENTRALER};
///
/// let sveg: &HealthCentre = HALSOCENTRALER
///     .iter()
///     .find(|c| c.name == "Hälsocentral Sveg")
///     .expect("a hälsocentral of the region");
/// assert_eq!(sveg.kommun, "2361");
/// assert_eq!(kommun_name(sveg.kommun), Some("Härjedalen"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HealthCentre {
    /// The name, e.g. `"Hälsocentral Odensala"`.
    pub name: &'static str,
    /// The SCB code of its kommun.
    pub kommun: &'static str,
}

const fn centre(name: &'static str, kommun: &'static str) -> HealthCentre {
    HealthCentre { name, kommun }
}

/// The region's hälsocentraler, by kommun, named after the places they
/// serve (the list the demo data and the examples use; not an official
/// register of care providers).
///
/// The hälsocentraler of Östersund:
///
/// ```
/// use indikator::{HALSOCENTRALER, KOMMUNER};
///
/// let ostersund: Vec<&str> = HALSOCENTRALER
///     .iter()
///     .filter(|c| c.kommun == "2380")
///     .map(|c| c.name)
///     .collect();
/// assert_eq!(ostersund.len(), 7);
/// assert!(ostersund.contains(&"Hälsocentral Frösön"));
/// // Every kommun has at least one.
/// assert!(KOMMUNER.iter().all(|k| HALSOCENTRALER.iter().any(|c| c.kommun == k.code)));
/// ```
pub const HALSOCENTRALER: [HealthCentre; 26] = [
    centre("Hälsocentral Hammarstrand", "2303"),
    centre("Hälsocentral Stugun", "2303"),
    centre("Hälsocentral Bräcke", "2305"),
    centre("Hälsocentral Kälarne", "2305"),
    centre("Hälsocentral Krokom", "2309"),
    centre("Hälsocentral Föllinge", "2309"),
    centre("Hälsocentral Ås", "2309"),
    centre("Hälsocentral Strömsund", "2313"),
    centre("Hälsocentral Hoting", "2313"),
    centre("Hälsocentral Gäddede", "2313"),
    centre("Hälsocentral Järpen", "2321"),
    centre("Hälsocentral Åre", "2321"),
    centre("Hälsocentral Duved", "2321"),
    centre("Hälsocentral Svenstavik", "2326"),
    centre("Hälsocentral Myrviken", "2326"),
    centre("Hälsocentral Sveg", "2361"),
    centre("Hälsocentral Hede", "2361"),
    centre("Hälsocentral Funäsdalen", "2361"),
    centre("Hälsocentral Ytterhogdal", "2361"),
    centre("Hälsocentral Odensala", "2380"),
    centre("Hälsocentral Lugnvik", "2380"),
    centre("Hälsocentral Körfältet", "2380"),
    centre("Hälsocentral Frösön", "2380"),
    centre("Hälsocentral Torvalla", "2380"),
    centre("Hälsocentral Brunflo", "2380"),
    centre("Hälsocentral Lit", "2380"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kommun_lies_in_the_county_and_has_a_health_centre() {
        for k in &KOMMUNER {
            assert!(
                k.code.starts_with(COUNTY_CODE) && k.code.len() == 4,
                "{}",
                k.code
            );
            assert!(
                HALSOCENTRALER.iter().any(|c| c.kommun == k.code),
                "{}",
                k.name
            );
        }
        assert!(HALSOCENTRALER
            .iter()
            .all(|c| kommun_name(c.kommun).is_some()));
        assert_eq!(kommun_name(" 2380"), Some("Östersund"));
        assert_eq!(kolada_name("0000"), Some("Riket"));
        assert_eq!(kolada_name("0023"), Some(COUNTY_NAME));
        assert_eq!(kolada_name("2309"), Some("Krokom"));
        assert_eq!(kolada_name("0001"), None);
        assert_eq!(area_name("2361"), Some("Härjedalen"));
    }
}
