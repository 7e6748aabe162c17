//! Sets of drugs by ATC code: the drugs of Socialstyrelsen's indicators of
//! good drug therapy in the elderly that the region's plan follows, or any
//! ATC codes the caller names.

use std::fmt;

use crate::error::{Error, Result};

/// The named drug sets [`DrugSet::named`] knows.
///
/// One dispensed drug of each set, in the order of the names:
///
/// ```
/// use indikator::{DrugSet, DRUG_SETS};
/// assert_eq!(DRUG_SETS, ["inappropriate", "antipsychotics", "nsaids"]);
/// // Diazepam, quetiapine, ibuprofen.
/// for (name, atc) in DRUG_SETS.into_iter().zip(["N05BA01", "N05AH04", "M01AE01"]) {
///     assert!(DrugSet::named(name)?.contains(atc)?, "{name} {atc}");
/// }
/// # Ok::<(), indikator::Error>(())
/// ```
pub const DRUG_SETS: [&str; 3] = ["inappropriate", "antipsychotics", "nsaids"];

/// The source of the named sets.
///
/// The footnote of a table of the share of people aged 75 or more with
/// inappropriate drugs:
///
/// ```
/// use indikator::{DrugSet, DRUG_SETS_SOURCE};
/// let set = DrugSet::named("inappropriate")?;
/// let note = format!("Läkemedel: {set}. Källa: {DRUG_SETS_SOURCE}.");
/// assert_eq!(
///     note,
///     "Läkemedel: inappropriate (38 ATC codes). Källa: Socialstyrelsen (2017), \
///      Indikatorer för god läkemedelsterapi hos äldre, artikelnummer 2017-6-7."
/// );
/// # Ok::<(), indikator::Error>(())
/// ```
pub const DRUG_SETS_SOURCE: &str = "Socialstyrelsen (2017), Indikatorer för god \
läkemedelsterapi hos äldre, artikelnummer 2017-6-7";

/// "Läkemedel som bör undvikas om inte särskilda skäl föreligger" (drugs to
/// avoid unless there are special reasons), Socialstyrelsen 2017.
#[rustfmt::skip]
const INAPPROPRIATE: [&str; 38] = [
    // Long-acting benzodiazepines: diazepam, nitrazepam, flunitrazepam.
    "N05BA01", "N05CD02", "N05CD03",
    // Marked anticholinergic effects (the substances of the report's
    // appendix 1): urinary antispasmodics (oxybutynin, tolterodine,
    // solifenacin, darifenacin, fesoterodine),
    "G04BD04", "G04BD07", "G04BD08", "G04BD10", "G04BD11",
    // sedating antihistamines (hydroxyzine, alimemazine, promethazine),
    "N05BB01", "R06AD01", "R06AD02",
    // tricyclic antidepressants (clomipramine, amitriptyline,
    // nortriptyline, maprotiline),
    "N06AA04", "N06AA09", "N06AA10", "N06AA21",
    // low-potency antipsychotics (levomepromazine, chlorprothixene,
    // clozapine, prochlorperazine),
    "N05AA02", "N05AF03", "N05AH02", "N05AB04",
    // anticholinergic antiparkinson drugs (trihexyphenidyl, biperiden),
    "N04AA01", "N04AA02",
    // antispasmodics and belladonna alkaloids (glycopyrronium,
    // propantheline, atropine, hyoscyamine, butylscopolamine, scopolamine),
    "A03AB02", "A03AB05", "A03BA01", "A03BA03", "A03BB01", "A04AD01",
    // opioids combined with antispasmodics (morphine, ketobemidone),
    "N02AG01", "N02AG02",
    // class Ia antiarrhythmics (disopyramide).
    "C01BA03",
    // Tramadol (alone and with paracetamol).
    "N02AX02", "N02AJ13",
    // Propiomazine.
    "N05CM06",
    // Codeine (with paracetamol, in combinations, as a cough medicine).
    "N02AJ06", "N02AA59", "N02AA79", "R05DA04",
    // Glibenclamide.
    "A10BB01",
];

/// A set of drugs given as ATC codes or their first levels, with codes
/// left out of it.
///
/// Codes are compared without spaces and case: "n05a" and "N05A" are the
/// same. A dispensed code is in the set when it starts with one of the
/// codes of the set and with none of those left out: `N05A` without
/// `N05AN01` holds every antipsychotic but lithium.
///
/// ```
/// use indikator::DrugSet;
/// let antipsychotics = DrugSet::named("antipsychotics")?;
/// assert!(antipsychotics.contains("N05AH04")?); // quetiapine
/// assert!(!antipsychotics.contains("N05AN01")?); // lithium
/// let mine = DrugSet::atc("hypnotics", &["N05CF"], &[])?;
/// assert!(mine.contains("N05CF01")?);
/// assert!(DrugSet::atc("x", &["N5A"], &[]).is_err());
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrugSet {
    name: String,
    include: Vec<String>,
    exclude: Vec<String>,
}

impl DrugSet {
    /// A named set of Socialstyrelsen's indicators ([`DRUG_SETS_SOURCE`]):
    ///
    /// - `"inappropriate"`: drugs to avoid unless there are special reasons
    ///   ("olämpliga läkemedel"): long-acting benzodiazepines (N05BA01
    ///   diazepam, N05CD02 nitrazepam, N05CD03 flunitrazepam), drugs with
    ///   marked anticholinergic effects (the substances of the report's
    ///   appendix 1, e.g. N05BB01 hydroxyzine, G04BD07 tolterodine,
    ///   N06AA09 amitriptyline, N05AA02 levomepromazine), tramadol
    ///   (N02AX02, N02AJ13), propiomazine (N05CM06), codeine (N02AJ06,
    ///   N02AA59, N02AA79, R05DA04) and glibenclamide (A10BB01);
    /// - `"antipsychotics"`: N05A without lithium (N05AN01);
    /// - `"nsaids"`: M01A without glucosamine (M01AX05), which is not an
    ///   anti-inflammatory drug.
    ///
    /// The list of the first is the 2017 report's; a region following a
    /// later list names its codes with [`DrugSet::atc`].
    ///
    /// # Errors
    /// An unknown name, listing the known ones.
    ///
    /// ```
    /// use indikator::{DrugSet, Error};
    /// let nsaids = DrugSet::named("nsaids")?;
    /// assert_eq!(nsaids.to_string(), "nsaids (M01A, not M01AX05)");
    /// assert!(nsaids.contains("M01AE01")?); // ibuprofen
    /// assert!(!nsaids.contains("M01AX05")?); // glucosamine
    /// assert_eq!(DrugSet::named("inappropriate")?.codes().len(), 38);
    /// let unknown = DrugSet::named("sömnmedel").unwrap_err();
    /// assert!(matches!(unknown, Error::InvalidArgument { ref argument, .. } if argument == "drugs"));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn named(name: &str) -> Result<Self> {
        let set = |include: &[&str], exclude: &[&str]| DrugSet::atc(name.trim(), include, exclude);
        match name.trim().to_lowercase().as_str() {
            "inappropriate" => set(&INAPPROPRIATE, &[]),
            "antipsychotics" => set(&["N05A"], &["N05AN01"]),
            "nsaids" => set(&["M01A"], &["M01AX05"]),
            _ => Err(Error::argument(
                "drugs",
                &format!(
                    "a named drug set ({}) or a list of ATC codes such as [\"N05A\"]",
                    DRUG_SETS.join(", ")
                ),
                format!("{name:?}"),
            )),
        }
    }

    /// A set of ATC codes (any level: "N05", "N05A", "N05BA01"), without
    /// the codes of `exclude`.
    ///
    /// # Errors
    /// No codes, or a code that is not an ATC code (argument `drugs`, or
    /// `exclude_atc` for the codes left out).
    ///
    /// Hypnotics and sedatives without melatonin, a set of the region's own:
    ///
    /// ```
    /// use indikator::{DrugSet, Error};
    /// let hypnotics = DrugSet::atc("sömnmedel", &["N05C"], &["N05CH01"])?;
    /// assert!(hypnotics.contains("N05CF01")?); // zopiclone
    /// assert!(!hypnotics.contains("N05CH01")?); // melatonin
    /// let wrong = DrugSet::atc("sömnmedel", &["N05C"], &["N5CH"]).unwrap_err();
    /// assert!(matches!(wrong, Error::InvalidArgument { .. }));
    /// assert!(wrong.to_string().starts_with("argument `exclude_atc`: ATC codes"));
    /// assert!(DrugSet::atc("sömnmedel", &[], &[]).is_err()); // no codes
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn atc(name: &str, include: &[&str], exclude: &[&str]) -> Result<Self> {
        if include.is_empty() {
            return Err(Error::argument("drugs", "at least one ATC code", "none"));
        }
        let parse = |argument: &str, codes: &[&str]| -> Result<Vec<String>> {
            codes
                .iter()
                .map(|c| {
                    normalise(c)
                        .ok_or_else(|| Error::argument(argument, ATC_RULE, format!("{c:?}")))
                })
                .collect()
        };
        Ok(DrugSet {
            name: name.to_string(),
            include: parse("drugs", include)?,
            exclude: parse("exclude_atc", exclude)?,
        })
    }

    /// The name of the set.
    ///
    /// ```
    /// use indikator::DrugSet;
    /// assert_eq!(DrugSet::named("antipsychotics")?.name(), "antipsychotics");
    /// let hypnotics = DrugSet::atc("sömnmedel", &["N05C"], &[])?;
    /// assert_eq!(hypnotics.name(), "sömnmedel");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The ATC codes of the set.
    ///
    /// As the set compares them, in upper case without spaces:
    ///
    /// ```
    /// use indikator::DrugSet;
    /// assert_eq!(DrugSet::named("antipsychotics")?.codes(), ["N05A"]);
    /// let mine = DrugSet::atc("opioider", &["n02a", "N02 AJ"], &[])?;
    /// assert_eq!(mine.codes(), ["N02A", "N02AJ"]);
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn codes(&self) -> &[String] {
        &self.include
    }

    /// The ATC codes left out of it.
    ///
    /// ```
    /// use indikator::DrugSet;
    /// assert_eq!(DrugSet::named("antipsychotics")?.excluded(), ["N05AN01"]); // lithium
    /// assert_eq!(DrugSet::named("nsaids")?.excluded(), ["M01AX05"]); // glucosamine
    /// assert!(DrugSet::named("inappropriate")?.excluded().is_empty());
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn excluded(&self) -> &[String] {
        &self.exclude
    }

    /// Whether the dispensed `code` is in the set.
    ///
    /// # Errors
    /// A code that is not an ATC code.
    ///
    /// ```
    /// use indikator::DrugSet;
    /// let antipsychotics = DrugSet::named("antipsychotics")?;
    /// assert!(antipsychotics.contains("N05AH04")?); // quetiapine
    /// assert!(antipsychotics.contains("n05a x08")?); // risperidone, as typed
    /// assert!(!antipsychotics.contains("N05AN01")?); // lithium
    /// assert!(!antipsychotics.contains("N05BA01")?); // diazepam
    /// assert!(antipsychotics.contains("N05-A").is_err());
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn contains(&self, code: &str) -> Result<bool> {
        let code =
            normalise(code).ok_or_else(|| Error::data("atc", ATC_RULE, format!("{code:?}"), ""))?;
        let under = |codes: &[String]| codes.iter().any(|c| code.starts_with(c.as_str()));
        Ok(under(&self.include) && !under(&self.exclude))
    }
}

impl fmt::Display for DrugSet {
    /// The name and the codes: "antipsychotics (N05A, not N05AN01)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = if self.include.len() > 6 {
            format!("{} ATC codes", self.include.len())
        } else {
            self.include.join(", ")
        };
        write!(f, "{} ({shown}", self.name)?;
        if !self.exclude.is_empty() {
            write!(f, ", not {}", self.exclude.join(", "))?;
        }
        write!(f, ")")
    }
}

/// What an ATC code looks like, for messages.
pub(crate) const ATC_RULE: &str = "ATC codes or their first levels: an anatomical group (A, B, \
C, D, G, H, J, L, M, N, P, R, S, V), two digits, two letters, two digits (\"N05\", \"N05A\", \
\"N05BA01\")";

/// The code in upper case without spaces, if it is an ATC code of level
/// 1–5 (1, 3, 4, 5 or 7 characters).
pub(crate) fn normalise(code: &str) -> Option<String> {
    let code: String = code
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let b = code.as_bytes();
    if !matches!(b.len(), 1 | 3 | 4 | 5 | 7) || !b"ABCDGHJLMNPRSV".contains(&b[0]) {
        return None;
    }
    let shaped = b.iter().enumerate().skip(1).all(|(i, c)| match i {
        1 | 2 | 5 | 6 => c.is_ascii_digit(),
        _ => c.is_ascii_uppercase(),
    });
    shaped.then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atc_codes_of_every_level_and_nothing_else() {
        for good in ["N", "N05", "n05a", "N05B", "N05BA01", " M01 AE01 "] {
            assert!(normalise(good).is_some(), "{good}");
        }
        for bad in [
            "", "X05", "N5", "N05A1", "N05BA1", "N05BA011", "N0SA", "Q05AA01",
        ] {
            assert!(normalise(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_named_sets() {
        let inappropriate = DrugSet::named("inappropriate").unwrap();
        assert_eq!(inappropriate.codes().len(), INAPPROPRIATE.len());
        for (code, inside) in [
            ("N05BA01", true),
            ("N05BA04", false), // oxazepam: short-acting
            ("N05CM06", true),
            ("N02AX02", true),
            ("N05BB01", true),
            ("A10BB01", true),
            ("A10BB12", false), // glimepiride
        ] {
            assert_eq!(inappropriate.contains(code).unwrap(), inside, "{code}");
        }
        let nsaids = DrugSet::named("NSAIDs").unwrap();
        assert!(nsaids.contains("M01AE01").unwrap()); // ibuprofen
        assert!(!nsaids.contains("M01AX05").unwrap()); // glucosamine
        assert!(!nsaids.contains("N02BE01").unwrap()); // paracetamol
        assert_eq!(nsaids.to_string(), "NSAIDs (M01A, not M01AX05)");
        let e = DrugSet::named("sleeping pills").unwrap_err().to_string();
        assert_eq!(
            e,
            "argument `drugs`: a named drug set (inappropriate, antipsychotics, nsaids) or a list \
             of ATC codes such as [\"N05A\"]; got \"sleeping pills\""
        );
        let e = DrugSet::atc("x", &["N05A"], &["N5"])
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("argument `exclude_atc`: ATC codes"), "{e}");
        assert!(DrugSet::atc("x", &[], &[]).is_err());
        assert!(inappropriate.contains("N05-A").is_err());
    }
}
