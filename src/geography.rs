//! The region's geography, a fact of the library: Region Jämtland
//! Härjedalen (county 23), its eight kommuner with their SCB codes and
//! names, and the hälsocentraler where patients are listed, by kommun.
//! The report names kommuner from here, the demo generator draws its data
//! over the same places, and the readers of SCB and Kolada files join their
//! codes to the same table.

/// The county code of Jämtlands län (SCB's *länskod*).
pub const COUNTY_CODE: &str = "23";

/// The county's name (SCB's name of the län).
pub const COUNTY_NAME: &str = "Jämtlands län";

/// The region's name.
pub const REGION_NAME: &str = "Region Jämtland Härjedalen";

/// SCB's code of Sweden as a whole (*riket*) in its region dimension.
pub const RIKET_CODE: &str = "00";

/// Kolada's id of riket (a region is `00` and its county code, a kommun its SCB code).
pub const KOLADA_RIKET: &str = "0000";

/// A kommun of the region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kommun {
    /// The four-digit SCB code, e.g. `"2380"` (the county code, then two digits).
    pub code: &'static str,
    /// The name, e.g. `"Östersund"`.
    pub name: &'static str,
}

/// The eight kommuner of the region, in the order of their codes.
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
