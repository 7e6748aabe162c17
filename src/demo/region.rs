//! The generator's picture of the region: the synthetic population of
//! each kommun ([`crate::geography::KOMMUNER`], same order), how the kommuner
//! differ (urbanity, growth, the shape of the age pyramid), and the
//! staffing of each hälsocentral ([`crate::geography::HALSOCENTRALER`], same
//! order).

use crate::geography::HALSOCENTRALER;
pub use crate::geography::KOMMUNER;

/// The population of each kommun in the synthetic data in 2024 at scale 1,
/// in the order of [`KOMMUNER`] (close to the real populations; total 131 680).
///
/// ```
/// use indikator::demo::POPULATION_2024;
/// use indikator::KOMMUNER;
///
/// // Östersund, the last kommun by code, has about half the region.
/// assert_eq!((KOMMUNER[7].code, KOMMUNER[7].name), ("2380", "Östersund"));
/// assert_eq!(POPULATION_2024[7], 64_530);
/// assert_eq!(POPULATION_2024.iter().sum::<u32>(), 131_680);
/// ```
pub const POPULATION_2024: [u32; 8] = [5_280, 6_210, 15_430, 11_310, 12_240, 6_870, 9_810, 64_530];

/// How each kommun differs: urbanity (0 inland, 1 the town) blends the
/// rural and the town pyramid; growth per year; staffing of primary care.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Profile {
    /// 0 = inland kommun, 1 = Östersund.
    pub urban: f64,
    /// Relative population change per year.
    pub growth: f64,
    /// Extra children (families moving to the commuter belt).
    pub families: f64,
    /// Extra young adults (seasonal work in the mountains).
    pub young: f64,
}

/// The profile of each kommun, in the order of [`KOMMUNER`].
pub(crate) const PROFILES: [Profile; 8] = [
    Profile {
        urban: 0.0,
        growth: -0.008,
        families: 0.0,
        young: 0.0,
    }, // Ragunda
    Profile {
        urban: 0.0,
        growth: -0.007,
        families: 0.0,
        young: 0.0,
    }, // Bräcke
    Profile {
        urban: 0.4,
        growth: 0.004,
        families: 0.25,
        young: 0.0,
    }, // Krokom
    Profile {
        urban: 0.0,
        growth: -0.009,
        families: 0.0,
        young: 0.0,
    }, // Strömsund
    Profile {
        urban: 0.3,
        growth: 0.010,
        families: 0.05,
        young: 0.35,
    }, // Åre
    Profile {
        urban: 0.0,
        growth: -0.006,
        families: 0.0,
        young: 0.0,
    }, // Berg
    Profile {
        urban: 0.05,
        growth: -0.006,
        families: 0.0,
        young: 0.05,
    }, // Härjedalen
    Profile {
        urban: 1.0,
        growth: 0.005,
        families: 0.0,
        young: 0.0,
    }, // Östersund
];

/// The oldest age; 100 stands for 100 and over.
pub(crate) const MAX_AGE: usize = 100;

/// Piecewise linear interpolation over `(age, value)` knots.
fn interpolate(knots: &[(f64, f64)], age: f64) -> f64 {
    let Some(first) = knots.first() else {
        return 0.0;
    };
    if age <= first.0 {
        return first.1;
    }
    for w in knots.windows(2) {
        let ((a0, v0), (a1, v1)) = (w[0], w[1]);
        if age <= a1 {
            return v0 + (v1 - v0) * (age - a0) / (a1 - a0);
        }
    }
    knots.last().map_or(0.0, |k| k.1)
}

/// Relative size of one year of age (both sexes) in `kommun` in `year`:
/// inland kommuner have many 55–75 and few 20–35, the town the reverse;
/// the old grow in number over the years.
pub(crate) fn age_weight(kommun: usize, age: usize, year: i32) -> f64 {
    const RURAL: [(f64, f64); 9] = [
        (0.0, 0.85),
        (18.0, 0.95),
        (24.0, 0.62),
        (34.0, 0.78),
        (50.0, 1.05),
        (60.0, 1.5),
        (74.0, 1.55),
        (84.0, 0.85),
        (99.0, 0.04),
    ];
    const TOWN: [(f64, f64); 9] = [
        (0.0, 1.1),
        (18.0, 1.1),
        (24.0, 1.45),
        (34.0, 1.35),
        (50.0, 1.2),
        (60.0, 1.2),
        (74.0, 1.12),
        (84.0, 0.65),
        (99.0, 0.03),
    ];
    let p = PROFILES[kommun];
    let a = age as f64;
    let mut w = (1.0 - p.urban) * interpolate(&RURAL, a) + p.urban * interpolate(&TOWN, a);
    if a < 16.0 {
        w *= 1.0 + p.families;
    }
    if (20.0..35.0).contains(&a) {
        w *= 1.0 + p.young;
    }
    // The open age group 100+ holds a few more than one year of age.
    if age == MAX_AGE {
        w *= 1.6;
    }
    // Ageing: more old, slightly fewer young adults, year by year.
    let t = f64::from(year - 2024);
    if a >= 65.0 {
        w *= 1.0 + 0.014 * t;
    } else if (20.0..45.0).contains(&a) {
        w *= 1.0 - 0.004 * t;
    }
    w.max(0.0)
}

/// The share of men at an age: a few more men of working age inland, many
/// more women among the very old.
pub(crate) fn male_share(kommun: usize, age: usize) -> f64 {
    let rural = 1.0 - PROFILES[kommun].urban;
    let a = age as f64;
    if a < 65.0 {
        0.508 + 0.02 * rural
    } else {
        interpolate(&[(65.0, 0.5), (80.0, 0.46), (90.0, 0.36), (100.0, 0.25)], a)
    }
}

/// A hälsocentral of [`HALSOCENTRALER`] as the generator staffs it: its
/// kommun (index into [`KOMMUNER`]), permanent physicians and how much of
/// its care is given by its own doctors.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Centre {
    /// "Hälsocentral Odensala".
    pub name: &'static str,
    /// Index into [`KOMMUNER`].
    pub kommun: usize,
    /// Permanent physicians (slots).
    pub physicians: usize,
    /// Nurses.
    pub nurses: usize,
    /// Share of the physician visits with the patient's own doctor.
    pub own_doctor: f64,
    /// Share of the physician visits with a locum (hyrläkare).
    pub locum: f64,
    /// Mean years a permanent physician stays.
    pub tenure: f64,
    /// Relative size within its kommun.
    pub size: f64,
}

/// The index into [`KOMMUNER`] of a kommun code (0 for an unknown one,
/// which the tests rule out).
const fn kommun_index(code: &str) -> usize {
    let mut i = 0;
    while i < KOMMUNER.len() {
        let (a, b) = (KOMMUNER[i].code.as_bytes(), code.as_bytes());
        if a.len() == b.len() && a[2] == b[2] && a[3] == b[3] {
            return i;
        }
        i += 1;
    }
    0
}

/// The staffing of the hälsocentral `index` of [`HALSOCENTRALER`].
const fn centre(index: usize, physicians: usize, staffing: u8, size: f64) -> Centre {
    let place = HALSOCENTRALER[index];
    // Staffing: 2 well staffed (the town), 1 middling, 0 locum-dependent inland.
    let (own_doctor, locum, tenure, nurses) = match staffing {
        2 => (0.74, 0.04, 7.0, 6),
        1 => (0.62, 0.14, 5.0, 4),
        _ => (0.48, 0.34, 3.0, 3),
    };
    Centre {
        name: place.name,
        kommun: kommun_index(place.kommun),
        physicians,
        nurses,
        own_doctor,
        locum,
        tenure,
        size,
    }
}

/// The 26 hälsocentraler of [`HALSOCENTRALER`], staffed: (index, permanent
/// physicians, staffing 0–2, relative size).
pub(crate) const CENTRES: [Centre; 26] = [
    centre(0, 4, 0, 1.4),
    centre(1, 4, 0, 0.8),
    centre(2, 5, 0, 1.3),
    centre(3, 4, 0, 0.7),
    centre(4, 8, 1, 1.6),
    centre(5, 4, 0, 0.5),
    centre(6, 6, 1, 1.0),
    centre(7, 6, 0, 1.6),
    centre(8, 4, 0, 0.7),
    centre(9, 4, 0, 0.4),
    centre(10, 6, 1, 1.2),
    centre(11, 5, 1, 1.0),
    centre(12, 4, 1, 0.6),
    centre(13, 5, 0, 1.3),
    centre(14, 4, 0, 0.7),
    centre(15, 6, 0, 1.4),
    centre(16, 4, 0, 0.7),
    centre(17, 4, 0, 0.6),
    centre(18, 4, 0, 0.4),
    centre(19, 12, 2, 1.3),
    centre(20, 10, 2, 1.1),
    centre(21, 11, 2, 1.2),
    centre(22, 10, 2, 1.1),
    centre(23, 8, 2, 0.9),
    centre(24, 7, 1, 0.7),
    centre(25, 5, 1, 0.5),
];

/// The indices into [`CENTRES`] of the hälsocentraler of a kommun.
pub(crate) fn centres_of(kommun: usize) -> Vec<usize> {
    (0..CENTRES.len())
        .filter(|&c| CENTRES[c].kommun == kommun)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kommuner_and_centres() {
        let total: u32 = POPULATION_2024.iter().sum();
        assert!((130_000..134_000).contains(&total), "{total}");
        for (k, kommun) in KOMMUNER.iter().enumerate() {
            assert!(!centres_of(k).is_empty(), "{}", kommun.name);
        }
        assert_eq!(centres_of(7).len(), 7);
        assert!(CENTRES.iter().all(|c| (4..=12).contains(&c.physicians)));
    }

    #[test]
    fn pyramids_differ_between_inland_and_town() {
        let share = |k: usize, lo: usize, hi: usize| {
            let all: f64 = (0..=MAX_AGE).map(|a| age_weight(k, a, 2024)).sum();
            (lo..=hi).map(|a| age_weight(k, a, 2024)).sum::<f64>() / all
        };
        // Ragunda: many 55–75, few 20–35; Östersund the other way round.
        assert!(share(0, 55, 75) > share(7, 55, 75) + 0.05);
        assert!(share(0, 20, 35) + 0.05 < share(7, 20, 35));
        assert!(share(0, 65, 100) > 0.27 && share(7, 65, 100) < 0.25);
    }
}
