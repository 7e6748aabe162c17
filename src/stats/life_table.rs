//! Chiang's abridged life table, with Silcocks et al.'s variance for the
//! last, open age band: life expectancy at the start of every band.

/// A group's total population at or below which no life table is made
/// (Toson & Baker 2003; PHEindicatormethods' rule, which uses `<=`).
///
/// # Example
/// Bräcke's women (about 3 100) get no life table of their own:
/// ```
/// use indikator::stats::{life_table, LifeTableBand, LifeTableGap, LIFE_TABLE_MIN_POPULATION};
/// let band = |width, deaths, population| LifeTableBand { width, deaths, population, fraction: 0.5 };
/// let women = [band(65.0, 8.0, 2_300.0), band(0.0, 45.0, 800.0)];
/// assert_eq!(LIFE_TABLE_MIN_POPULATION, 5_000.0);
/// assert_eq!(life_table(&women), Err(LifeTableGap::PopulationTooSmall));
/// // Exactly 5 000 is still too small (`<=`), one more is enough.
/// assert!(life_table(&[band(65.0, 8.0, 4_200.0), band(0.0, 45.0, 800.0)]).is_err());
/// assert!(life_table(&[band(65.0, 8.0, 4_201.0), band(0.0, 45.0, 800.0)]).is_ok());
/// ```
pub const LIFE_TABLE_MIN_POPULATION: f64 = 5_000.0;

/// The widest 95 % interval, in years, for which a life expectancy is shown
/// (PHEindicatormethods: wider intervals keep their limits, not the value).
///
/// # Example
/// Bräcke (about 6 400 people, 109 deaths a year): the 95 % interval of
/// life expectancy at birth is narrow enough to show the value.
/// ```
/// use indikator::stats::{life_table, z_value, LifeTableBand, LIFE_EXPECTANCY_MAX_INTERVAL};
/// let band = |width, deaths, population| LifeTableBand { width, deaths, population, fraction: 0.5 };
/// let table = life_table(&[band(65.0, 14.0, 4_600.0), band(0.0, 95.0, 1_800.0)]).unwrap();
/// // Chiang's formulas by hand (Python): e₀ = 74.6858, e₆₅ = 1 800 / 95.
/// assert!((table[0].value - 74.68582435316779).abs() < 1e-9);
/// let width = 2.0 * z_value(0.95) * table[0].se;
/// assert_eq!(LIFE_EXPECTANCY_MAX_INTERVAL, 20.0);
/// assert!(width < LIFE_EXPECTANCY_MAX_INTERVAL); // shown
/// ```
pub const LIFE_EXPECTANCY_MAX_INTERVAL: f64 = 20.0;

/// The fraction of the first year of life lived by the infants who die in
/// it (`a₀`), Chiang's and the reference's value.
///
/// # Example
/// The fractions of the usual bands 0, 1–4, 5–9, …, 85–89, 90+:
/// ```
/// use indikator::stats::{LifeTableBand, BAND_FRACTION, FIRST_YEAR_FRACTION};
/// assert_eq!((FIRST_YEAR_FRACTION, BAND_FRACTION), (0.1, 0.5));
/// let starts = [0.0, 1.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0, 40.0, 45.0, 50.0, 55.0,
///               60.0, 65.0, 70.0, 75.0, 80.0, 85.0, 90.0];
/// let bands: Vec<LifeTableBand> = starts.iter().enumerate().map(|(i, start)| LifeTableBand {
///     width: starts.get(i + 1).map_or(0.0, |next| next - start),
///     deaths: 0.0,     // from the cause-of-death register
///     population: 0.0, // from the population register
///     fraction: if i == 0 { FIRST_YEAR_FRACTION } else { BAND_FRACTION },
/// }).collect();
/// assert_eq!((bands[0].width, bands[0].fraction), (1.0, 0.1));
/// assert_eq!((bands[1].width, bands[1].fraction), (4.0, 0.5));
/// ```
pub const FIRST_YEAR_FRACTION: f64 = 0.1;

/// The fraction of a band lived by those who die in it, for every band but
/// the first year of life.
///
/// # Example
/// Those who die between 1 and 64 live half the band; infants who die
/// live a tenth of their first year:
/// ```
/// use indikator::stats::{life_table, LifeTableBand, BAND_FRACTION, FIRST_YEAR_FRACTION};
/// assert_eq!(BAND_FRACTION, 0.5);
/// let band = |width, deaths, population, fraction| LifeTableBand { width, deaths, population, fraction };
/// let table = life_table(&[
///     band(1.0, 3.0, 1_300.0, FIRST_YEAR_FRACTION),
///     band(64.0, 180.0, 95_000.0, BAND_FRACTION),
///     band(0.0, 1_300.0, 26_000.0, BAND_FRACTION),
/// ]).unwrap();
/// // Chiang's formulas by hand (Python): e₀ = 78.8730, e₁ = 78.0548, e₆₅ = 20.
/// assert!((table[0].value - 78.87295793544253).abs() < 1e-9);
/// assert!((table[1].value - 78.0547836443033).abs() < 1e-9);
/// ```
pub const BAND_FRACTION: f64 = 0.5;

/// One age band of a life table.
///
/// # Example
/// The region in three bands, 0, 1–64 and 65+ (the last is open, its
/// width ignored), a year's deaths and mean population:
/// ```
/// use indikator::stats::{life_table, LifeTableBand};
/// let bands = [
///     LifeTableBand { width: 1.0, deaths: 3.0, population: 1_300.0, fraction: 0.1 },
///     LifeTableBand { width: 64.0, deaths: 180.0, population: 95_000.0, fraction: 0.5 },
///     LifeTableBand { width: 0.0, deaths: 1_300.0, population: 26_000.0, fraction: 0.5 },
/// ];
/// let table = life_table(&bands).unwrap();
/// assert_eq!(table.len(), bands.len()); // one life expectancy per band
/// // Chiang's formulas by hand (Python): 78.87 years at birth.
/// assert!((table[0].value - 78.87295793544253).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LifeTableBand {
    /// Width in years (`5` for 5–9); ignored for the last band, which is open.
    pub width: f64,
    /// Deaths in the band.
    pub deaths: f64,
    /// Population (person-years) in the band.
    pub population: f64,
    /// The fraction of the band lived by those who die in it (`aᵢ`): see
    /// [`FIRST_YEAR_FRACTION`] and [`BAND_FRACTION`].
    pub fraction: f64,
}

/// Life expectancy at the start of one band, with its standard error.
///
/// # Example
/// In the open band the life expectancy is `1/M` and its standard error
/// `1/(M√D)` (Silcocks et al.): 26 000 people of 65 and over with 1 300
/// deaths a year give 20 years, ± 20/√1300.
/// ```
/// use indikator::stats::{life_table, z_value, LifeTableBand};
/// let band = |width, deaths, population, fraction| LifeTableBand { width, deaths, population, fraction };
/// let table = life_table(&[
///     band(1.0, 3.0, 1_300.0, 0.1),
///     band(64.0, 180.0, 95_000.0, 0.5),
///     band(0.0, 1_300.0, 26_000.0, 0.5),
/// ]).unwrap();
/// let at_65 = table[2];
/// assert!((at_65.value - 20.0).abs() < 1e-12);
/// assert!((at_65.se - 20.0 / 1300f64.sqrt()).abs() < 1e-12);
/// let lower = at_65.value - z_value(0.95) * at_65.se; // 18.91 years
/// assert!((lower - 18.9128).abs() < 1e-4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct LifeExpectancyAt {
    /// Expected years of life from the start of the band (`eᵢ`).
    pub value: f64,
    /// Its standard error (Chiang, with Silcocks et al. for the open band).
    pub se: f64,
}

/// Why a group gets no life table: the reference's rules, each a reason.
///
/// # Example
/// ```
/// use indikator::stats::{life_table, LifeTableBand, LifeTableGap};
/// let band = |width, deaths, population| LifeTableBand { width, deaths, population, fraction: 0.5 };
/// // No deaths among the oldest: their mean length of life is infinite.
/// let none_died = [band(65.0, 14.0, 4_600.0), band(0.0, 0.0, 1_800.0)];
/// assert_eq!(life_table(&none_died), Err(LifeTableGap::NoDeathsInOpenBand));
/// // A typing error: more deaths than people.
/// let typo = [band(65.0, 14.0, 4_600.0), band(0.0, 9_500.0, 1_800.0)];
/// assert_eq!(life_table(&typo), Err(LifeTableGap::DeathsAbovePopulation));
/// assert_eq!(life_table(&[]), Err(LifeTableGap::PopulationTooSmall));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LifeTableGap {
    /// A band has negative deaths.
    NegativeDeaths,
    /// A band has a population of zero or less.
    PopulationNotPositive,
    /// A band has more deaths than population.
    DeathsAbovePopulation,
    /// The group's total population is [`LIFE_TABLE_MIN_POPULATION`] or less.
    PopulationTooSmall,
    /// No deaths in the open band: its mean length of life `1/M` is infinite.
    NoDeathsInOpenBand,
}

impl std::fmt::Display for LifeTableGap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LifeTableGap::NegativeDeaths => "a band has negative deaths",
            LifeTableGap::PopulationNotPositive => "a band has a population of zero or less",
            LifeTableGap::DeathsAbovePopulation => "a band has more deaths than population",
            LifeTableGap::PopulationTooSmall => {
                "the group's total population is too small for a life table"
            }
            LifeTableGap::NoDeathsInOpenBand => {
                "no deaths in the open band: its mean length of life is infinite"
            }
        })
    }
}

impl std::error::Error for LifeTableGap {}

/// The life table of one group: life expectancy and its standard error at
/// the start of every band, youngest first.
///
/// # Method
/// Chiang's abridged life table (Chiang 1968; the method of PHE's Life
/// Expectancy Calculator and of ONS). With `Mᵢ = Dᵢ/Pᵢ`, width `nᵢ` and
/// fraction `aᵢ`: `qᵢ = nᵢMᵢ / (1 + nᵢMᵢ(1 − aᵢ))` (1 when
/// `Dᵢ > Pᵢ/(nᵢaᵢ)`), `l₀ = 100 000`, `lᵢ₊₁ = lᵢ(1 − qᵢ)`, `dᵢ = lᵢ − lᵢ₊₁`,
/// `Lᵢ = nᵢ(lᵢ₊₁ + aᵢdᵢ)` and, for the open band `ω`, `L_ω = l_ω/M_ω`;
/// `Tᵢ = Σⱼ≥ᵢ Lⱼ`, `eᵢ = Tᵢ/lᵢ` (0 where `lᵢ = 0`). Variance:
/// `Var(eᵢ) = Σⱼ≥ᵢ lⱼ²((1 − aⱼ)nⱼ + eⱼ₊₁)² Var(pⱼ) / lᵢ²` with
/// `Var(pⱼ) = qⱼ²(1 − qⱼ)/Dⱼ` (0 where `dⱼ = 0`), and for the open band
/// Silcocks et al.'s term `(l_ω/2)² · 4/(D_ω M_ω²)`. Limits are
/// `eᵢ ± z·se`. Where nobody survives to a band (`lᵢ = 0`, after a band
/// with `qⱼ = 1`) its value is 0 and its standard error NaN, as in the
/// reference.
///
/// # Errors
/// A [`LifeTableGap`] by the reference's rules, checked in its order:
/// negative deaths, a population of zero or less, more deaths than
/// population, a total population of [`LIFE_TABLE_MIN_POPULATION`] or
/// less; and no deaths in the open band (the reference returns nothing
/// there either). An empty slice is [`LifeTableGap::PopulationTooSmall`].
///
/// # Example
/// ```
/// use indikator::stats::{life_table, LifeTableBand};
/// // Three bands: 0 (a = 0.1), 1–64, 65+.
/// let band = |width, deaths, population, fraction| LifeTableBand { width, deaths, population, fraction };
/// let table = life_table(&[
///     band(1.0, 3.0, 1_000.0, 0.1),
///     band(64.0, 90.0, 60_000.0, 0.5),
///     band(0.0, 400.0, 12_000.0, 0.5),
/// ]).unwrap();
/// assert!(table[0].value > table[2].value);
/// ```
///
/// # References
/// Chiang CL (1968), *Introduction to Stochastic Processes in Biostatistics*,
/// Wiley, 189–214. Silcocks PBS, Jenner DA, Reza R (2001), J Epidemiol
/// Community Health 55, 38–43. Eayres DP, Williams ES (2004), J Epidemiol
/// Community Health 58, 243–249.
pub fn life_table(bands: &[LifeTableBand]) -> Result<Vec<LifeExpectancyAt>, LifeTableGap> {
    if bands.iter().any(|b| b.deaths < 0.0) {
        return Err(LifeTableGap::NegativeDeaths);
    }
    if bands.iter().any(|b| b.population <= 0.0) {
        return Err(LifeTableGap::PopulationNotPositive);
    }
    if bands.iter().any(|b| b.deaths > b.population) {
        return Err(LifeTableGap::DeathsAbovePopulation);
    }
    let total: f64 = bands.iter().map(|b| b.population).sum();
    if bands.is_empty() || total <= LIFE_TABLE_MIN_POPULATION {
        return Err(LifeTableGap::PopulationTooSmall);
    }
    let last = bands.len() - 1;
    if bands[last].deaths == 0.0 {
        return Err(LifeTableGap::NoDeathsInOpenBand);
    }

    let k = bands.len();
    let rate: Vec<f64> = bands.iter().map(|b| b.deaths / b.population).collect();
    let width: Vec<f64> = (0..k)
        .map(|i| {
            if i == last {
                2.0 / rate[i]
            } else {
                bands[i].width
            }
        })
        .collect();
    let q: Vec<f64> = (0..k)
        .map(|i| {
            let (b, n) = (&bands[i], width[i]);
            if b.deaths <= b.population / n / b.fraction {
                rate[i] * n / (1.0 + rate[i] * n * (1.0 - b.fraction))
            } else {
                1.0
            }
        })
        .collect();
    let mut l = vec![100_000.0; k];
    for i in 1..k {
        l[i] = l[i - 1] * (1.0 - q[i - 1]);
    }
    let next_l = |i: usize| if i == last { 0.0 } else { l[i + 1] };
    let died: Vec<f64> = (0..k).map(|i| l[i] - next_l(i)).collect();
    let lived: Vec<f64> = (0..k)
        .map(|i| {
            if i == last {
                l[i] / rate[i]
            } else {
                width[i] * (next_l(i) + bands[i].fraction * died[i])
            }
        })
        .collect();
    let mut e = vec![0.0; k];
    let mut total_lived = 0.0;
    for i in (0..k).rev() {
        total_lived += lived[i];
        e[i] = if l[i] == 0.0 { 0.0 } else { total_lived / l[i] };
    }
    let mut out = vec![
        LifeExpectancyAt {
            value: 0.0,
            se: 0.0
        };
        k
    ];
    let mut weighted = 0.0;
    for i in (0..k).rev() {
        let b = &bands[i];
        weighted += if i == last {
            let variance = 4.0 / (b.deaths * rate[i] * rate[i]);
            (l[i] / 2.0).powi(2) * variance
        } else {
            let variance = if died[i] == 0.0 {
                0.0
            } else {
                q[i] * q[i] * (1.0 - q[i]) / b.deaths
            };
            variance * l[i] * l[i] * ((1.0 - b.fraction) * width[i] + e[i + 1]).powi(2)
        };
        out[i] = LifeExpectancyAt {
            value: e[i],
            se: (weighted / (l[i] * l[i])).sqrt(),
        };
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::test_util::assert_close;

    /// The example of the reference's documentation and test script.
    fn main_example() -> Vec<LifeTableBand> {
        let pops = [
            7060.0, 35059.0, 46974.0, 48489.0, 43219.0, 38561.0, 46009.0, 57208.0, 61435.0,
            55601.0, 50209.0, 56416.0, 46411.0, 39820.0, 37978.0, 37039.0, 33288.0, 23306.0,
            11936.0, 11936.0,
        ];
        let deaths = [
            17.0, 9.0, 4.0, 8.0, 20.0, 15.0, 24.0, 33.0, 50.0, 71.0, 100.0, 163.0, 263.0, 304.0,
            536.0, 872.0, 1390.0, 1605.0, 1936.0, 1937.0,
        ];
        (0..20)
            .map(|i| LifeTableBand {
                width: match i {
                    0 => 1.0,
                    1 => 4.0,
                    _ => 5.0,
                },
                deaths: deaths[i],
                population: pops[i],
                fraction: if i == 0 {
                    FIRST_YEAR_FRACTION
                } else {
                    BAND_FRACTION
                },
            })
            .collect()
    }

    #[test]
    fn reproduces_the_reference_at_birth_and_at_90() {
        let t = life_table(&main_example()).unwrap();
        // LE_results.csv, area test_main.
        assert_close(t[0].value, 80.16960813194838, 1e-12, "e0");
        let z = crate::stats::z_value(0.95);
        assert_close(t[0].value - z * t[0].se, 79.882690753927037, 1e-12, "lower");
        assert_close(t[19].value, 11936.0 / 1937.0, 1e-12, "e90 = 1/M");
    }

    #[test]
    fn the_reference_rules_for_a_missing_table() {
        let mut bands = main_example();
        bands[3].deaths = -1.0;
        assert_eq!(life_table(&bands), Err(LifeTableGap::NegativeDeaths));
        let mut bands = main_example();
        bands[5].population = 0.0;
        assert_eq!(life_table(&bands), Err(LifeTableGap::PopulationNotPositive));
        let mut bands = main_example();
        bands[19].deaths = 20_000.0;
        assert_eq!(life_table(&bands), Err(LifeTableGap::DeathsAbovePopulation));
        let small: Vec<_> = main_example()
            .into_iter()
            .map(|b| LifeTableBand {
                population: 250.0,
                deaths: b.deaths.min(10.0),
                ..b
            })
            .collect();
        assert_eq!(life_table(&small), Err(LifeTableGap::PopulationTooSmall));
        let mut bands = main_example();
        bands[19].deaths = 0.0;
        assert_eq!(life_table(&bands), Err(LifeTableGap::NoDeathsInOpenBand));
        assert_eq!(life_table(&[]), Err(LifeTableGap::PopulationTooSmall));
    }
}
