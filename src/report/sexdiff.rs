//! Women against men for every indicator broken down by sex (the plans'
//! "all statistik ska vara könsuppdelad … och analyseras ur ett
//! könsperspektiv"): the rate ratio of rates, the difference in percentage
//! points of shares (Newcombe), the difference of values with symmetric
//! limits (life expectancy, continuity), each with its 95 % limits and
//! whether the difference is significant. Computed from the published
//! (masked) breakdown, so a masked sex is never compared.

use polars::prelude::*;

use crate::catalog::Family;
use crate::error::Result;
use crate::measure::{f64_values, Contrast, Difference};
use crate::stats::{excludes, z_value};

/// The difference of women and men in the report period.
///
/// A share compared in percentage points, a count not compared:
///
/// ```
/// use indikator::{run_catalog, Catalog, RunOptions};
///
/// let data = std::env::temp_dir().join("indikator-sex-difference");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.02)?;
/// let report = run_catalog(&Catalog::shipped()?, &data, &RunOptions::new("2024-delar".parse()?))?;
/// let sex_of = |id: &str| {
///     let ind = report.indicators.iter().find(|i| i.id == id).unwrap();
///     ind.sex_difference.clone().unwrap()
/// };
/// let assessed = sex_of("vg-pv-bedomning-3");
/// assert_eq!(assessed.measure, "kvinnor − män, procentenheter");
/// let (v, lo, hi) = (assessed.value.unwrap(), assessed.lower.unwrap(), assessed.upper.unwrap());
/// assert!(lo <= v && v <= hi);
/// // Significant when the limits leave out 0 (no difference).
/// assert_eq!(assessed.significant, Some(lo > 0.0 || hi < 0.0));
/// let sip = sex_of("sip-vuxna");
/// assert_eq!((sip.value, sip.significant), (None, None));
/// assert!(sip.status.contains("kvinnor och män jämförs inte"));
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct SexDifference {
    /// What is compared, in Swedish ("kvot kvinnor/män", "kvinnor − män, procentenheter").
    pub measure: String,
    /// The ratio or difference.
    pub value: Option<f64>,
    /// Lower 95 % limit.
    pub lower: Option<f64>,
    /// Upper 95 % limit.
    pub upper: Option<f64>,
    /// Whether the limits exclude no difference (1 for a ratio, 0 for a difference).
    pub significant: Option<bool>,
    /// `ok`, or why there is no comparison.
    pub status: String,
}

/// The group labels of women and men among `groups` (as the report names
/// them: "Kvinnor", "Män").
fn women_and_men(
    groups: &[Option<&str>],
    label: impl Fn(&str) -> String,
) -> Option<(String, String)> {
    let find = |want: &str| {
        groups
            .iter()
            .flatten()
            .find(|g| label(g) == want)
            .map(|g| g.to_string())
    };
    Some((find("Kvinnor")?, find("Män")?))
}

fn missing(measure: &str, why: &str) -> SexDifference {
    SexDifference {
        measure: measure.to_string(),
        status: why.to_string(),
        ..SexDifference::default()
    }
}

/// Women against men from the masked breakdown by `column` (`label` names a
/// group as the report does).
///
/// # Errors
/// Only from polars or the difference's own checks on the table.
pub fn sex_difference(
    family: &Family,
    masked: &DataFrame,
    column: &str,
    label: impl Fn(&str) -> String,
) -> Result<SexDifference> {
    let groups = masked.column(column)?.cast(&DataType::String)?;
    let groups: Vec<Option<&str>> = groups.str()?.iter().collect();
    let Some((women, men)) = women_and_men(&groups, &label) else {
        return Ok(missing(
            "",
            "kvinnor och män finns inte båda i uppdelningen",
        ));
    };
    let contrast = || Contrast::between(women.clone(), men.clone());
    match family {
        Family::Waits { .. } | Family::Readmission { .. } | Family::Drugs { .. } => {
            let d = Difference::proportion_difference(column, contrast()).multiplier(100.0);
            from_difference(d, masked, "kvinnor − män, procentenheter", 0.0)
        }
        Family::Mortality { .. } | Family::EventRate { .. } => {
            let d = Difference::rate_ratio(column, contrast());
            from_difference(d, masked, "kvot kvinnor/män", 1.0)
        }
        Family::LifeExpectancy { .. } => {
            value_difference(masked, &groups, (&women, &men), "kvinnor − män, år")
        }
        Family::Continuity { .. } => {
            value_difference(masked, &groups, (&women, &men), "kvinnor − män, index")
        }
        Family::Sip { .. } | Family::EventCount { .. } => Ok(missing(
            "",
            "antal utan befolkning: kvinnor och män jämförs inte",
        )),
    }
}

/// One row of a [`Difference`] of the masked table.
fn from_difference(
    d: Difference,
    masked: &DataFrame,
    measure: &str,
    null: f64,
) -> Result<SexDifference> {
    let table = masked
        .drop(crate::disclosure::FLAG_COLUMN)
        .unwrap_or_else(|_| masked.clone());
    let out = d.compute(&table)?;
    if out.height() == 0 {
        return Ok(missing(measure, "ingen jämförelse"));
    }
    let get = |c: &str| -> Result<Option<f64>> { Ok(f64_values(&out, c)?[0]) };
    let (value, lower, upper) = (get("value")?, get("lower")?, get("upper")?);
    let status = out
        .column("status")?
        .cast(&DataType::String)?
        .str()?
        .get(0)
        .unwrap_or("ok")
        .to_string();
    Ok(SexDifference {
        measure: measure.to_string(),
        value,
        lower,
        upper,
        significant: excludes(null, lower, upper),
        status,
    })
}

/// The difference of two values with symmetric 95 % limits: `d = v₁ − v₂`,
/// `se = √(se₁² + se₂²)` with each `seᵢ = (upperᵢ − lowerᵢ)/(2·1.96)`, the
/// limits `d ± 1.96·se` (a normal approximation, as the life table's own
/// limits are).
fn value_difference(
    masked: &DataFrame,
    groups: &[Option<&str>],
    (women, men): (&str, &str),
    measure: &str,
) -> Result<SexDifference> {
    let (value, lower, upper) = (
        f64_values(masked, "value")?,
        f64_values(masked, "lower")?,
        f64_values(masked, "upper")?,
    );
    let row = |name: &str| groups.iter().position(|g| *g == Some(name));
    let (Some(w), Some(m)) = (row(women), row(men)) else {
        return Ok(missing(
            measure,
            "kvinnor och män finns inte båda i uppdelningen",
        ));
    };
    let z = z_value(0.95);
    let part = |i: usize| -> Option<(f64, f64)> {
        let (v, lo, hi) = (value[i]?, lower[i]?, upper[i]?);
        Some((v, (hi - lo) / (2.0 * z)))
    };
    let (Some((vw, sw)), Some((vm, sm))) = (part(w), part(m)) else {
        return Ok(missing(
            measure,
            "värde eller gränser saknas för ett av könen",
        ));
    };
    let (d, se) = (vw - vm, (sw * sw + sm * sm).sqrt());
    let (lower, upper) = (Some(d - z * se), Some(d + z * se));
    Ok(SexDifference {
        measure: measure.to_string(),
        value: Some(d),
        lower,
        upper,
        significant: excludes(0.0, lower, upper),
        status: "ok".into(),
    })
}
