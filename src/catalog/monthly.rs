//! The checks of the drug family and of the months target: the drug set a
//! catalogue names, and a months target only on a family with a monthly
//! series, its `of` and `from_month` in range.

use super::statistic::Family;
use crate::assess::Target;
use crate::care::DrugSet;
use crate::error::Result;

/// The drug set of the drug family: a named set, or ATC codes without the
/// codes of `exclude_atc`.
///
/// # Errors
/// Both or neither of `drug_set` and `atc`, an unknown set, a code that is
/// not an ATC code, or `exclude_atc` beside a named set.
pub(crate) fn drugs_of(
    drug_set: Option<&str>,
    atc: &[String],
    exclude_atc: &[String],
) -> Result<DrugSet> {
    let both = || {
        crate::error::Error::argument(
            "drug_set",
            &format!(
                "give either drug_set (one of {}) or atc (ATC codes such as [\"N05A\"]), not \
                 both; exclude_atc goes with atc",
                crate::care::DRUG_SETS.join(", ")
            ),
            format!("drug_set = {drug_set:?}, atc = {atc:?}, exclude_atc = {exclude_atc:?}"),
        )
    };
    match (drug_set, atc.is_empty()) {
        (Some(name), true) if exclude_atc.is_empty() => DrugSet::named(name).map_err(|_| {
            crate::error::Error::argument(
                "drug_set",
                &format!("one of {}", crate::care::DRUG_SETS.join(", ")),
                format!("{name:?}"),
            )
        }),
        (None, false) => {
            let include: Vec<&str> = atc.iter().map(String::as_str).collect();
            let exclude: Vec<&str> = exclude_atc.iter().map(String::as_str).collect();
            // The care layer names its argument `drugs` for the codes of `atc`.
            DrugSet::atc(&atc.join(", "), &include, &exclude)
        }
        _ => Err(both()),
    }
}

/// The drug family's parameters.
pub(super) fn check_drugs(family: &Family) -> std::result::Result<(), String> {
    if let Family::Drugs {
        drug_set,
        atc,
        exclude_atc,
        min_age,
        ..
    } = family
    {
        drugs_of(drug_set.as_deref(), atc, exclude_atc).map_err(|e| {
            let e = e.to_string();
            if drug_set.is_none() {
                format!("atc (or exclude_atc): {e}")
            } else {
                e
            }
        })?;
        if *min_age > 110 {
            return Err(format!("min_age must be 0–110; got {min_age}"));
        }
    }
    Ok(())
}

/// Whether the family gives a monthly series a months target can rate.
pub(crate) fn monthly(family: &Family) -> bool {
    matches!(family, Family::Drugs { .. })
}

/// A months target: valid (`of` 1–12, `at_least` 1–`of`, `from_month` such
/// that the months end within the year) and on a family with a monthly
/// series. Other targets pass.
pub(super) fn check_months(target: &Target, family: &Family) -> std::result::Result<(), String> {
    if !matches!(target, Target::Months { .. }) {
        return Ok(());
    }
    target.validate().map_err(|e| format!("target: {e}"))?;
    if !monthly(family) {
        return Err(format!(
            "target: the months form compares each month with the same month a year earlier, \
             and needs a family with a monthly series (drugs); the family {} has none",
            family.name()
        ));
    }
    Ok(())
}
