//! Small-number suppression: primary and secondary, visible in a flag
//! column, and the audit a reader with a linear-programming solver would run.
//!
//! Every output of the crate can go through [`Suppression::apply`]: a count
//! from 1 up to (not including) the threshold is masked together with every
//! value computed from it; zero is not masked. Masked values become null
//! (never zero), a `suppressed` column says `none`, `primary` or
//! `secondary`, and unmasked values are returned unchanged.
//!
//! Where the table holds totals, further cells are masked until the audit
//! of a reader with a linear-programming solver passes: the rule and how
//! the cells are chosen are documented on [`Suppression`].
//!
//! Over 500 lines with its documentation: 134 lines of code and 411 of doc
//! comments (every public item and method carries a runnable example).

mod audit;
#[cfg(test)]
mod audit_tests;
mod cells;
mod frames;
mod lines;
mod lp;
mod protect;
mod structure;

use polars::prelude::*;

pub use lines::{exposed, protect, Flag, Line, PUBLISHED_MASK};
pub use lp::LP_TOLERANCE;
pub use structure::Hierarchy;

use crate::error::Result;
use crate::input::IntoFrame;

/// The symbol a report shows in place of a masked value.
///
/// Writing a suppressed table by sex for a report (3 women, 12 men):
///
/// ```
/// use indikator::prelude::*;
/// use indikator::SUPPRESSED_SYMBOL;
///
/// let table = df!("sex" => ["kvinnor", "män", "Totalt"], "numerator" => [3, 12, 15])?;
/// let out = Suppression::new().margin(Margin::new("sex", "Totalt")).apply(&table)?;
/// let counts = out.column("numerator")?.cast(&DataType::Int64)?;
/// let shown: Vec<String> = counts
///     .i64()?
///     .iter()
///     .map(|n| n.map_or(SUPPRESSED_SYMBOL.to_string(), |n| n.to_string()))
///     .collect();
/// assert_eq!(shown, ["..", "..", "15"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SUPPRESSED_SYMBOL: &str = "..";

/// The flag column added to a suppressed table.
///
/// Keeping the published rows of SIP counts in Krokom by sex:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::FLAG_COLUMN;
///
/// let sip = df!("sex" => ["K", "M", "Totalt"], "numerator" => [2, 14, 16])?;
/// let out = Suppression::new().margin(Margin::new("sex", "Totalt")).apply(&sip)?;
/// assert_eq!(FLAG_COLUMN, "suppressed");
/// let published = out.lazy().filter(col(FLAG_COLUMN).eq(lit("none"))).collect()?;
/// assert_eq!(published.column("sex")?.str()?.get(0), Some("Totalt"));
/// assert_eq!(published.height(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const FLAG_COLUMN: &str = "suppressed";

/// A total category in a key column: the rows with `column == total` are the
/// sums of the rows with the other categories (the other key columns equal).
///
/// Suicides by kommun with the county's total: Berg's 3 is masked, and so
/// is Ragunda's 6, the smallest other kommun, so that 220 less the rest
/// does not give it back:
///
/// ```
/// use indikator::prelude::*;
///
/// let by_kommun = df!(
///     "kommun" => ["Ragunda", "Bräcke", "Krokom", "Strömsund", "Åre", "Berg", "Härjedalen", "Östersund", "Jämtlands län"],
///     "numerator" => [6, 9, 31, 14, 22, 3, 17, 118, 220],
/// )?;
/// let county = Margin::new("kommun", "Jämtlands län");
/// assert_eq!((county.column.as_str(), county.total.as_str()), ("kommun", "Jämtlands län"));
/// let out = Suppression::new().margin(county).apply(&by_kommun)?;
/// let flags: Vec<_> = out.column("suppressed")?.str()?.iter().flatten().collect();
/// assert_eq!(flags, ["secondary", "none", "none", "none", "none", "primary", "none", "none", "none"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Margin {
    /// The key column holding the categories and the total, e.g. `"sex"`.
    pub column: String,
    /// The label of the total category, e.g. `"Totalt"`.
    pub total: String,
}

impl Margin {
    /// The total `total` of the categories in `column`.
    ///
    /// ```
    /// use indikator::{Margin, Suppression};
    /// let s = Suppression::new().margin(Margin::new("sex", "Totalt"));
    /// # let _ = s;
    /// ```
    pub fn new(column: impl Into<String>, total: impl Into<String>) -> Margin {
        Margin {
            column: column.into(),
            total: total.into(),
        }
    }
}

/// Options for small-number suppression.
///
/// # Protection against a reader who solves linear programmes
///
/// Where the table holds totals ([`Margin`]s, [`Hierarchy`]s; several tables
/// published together through [`Suppression::apply_together`]), further
/// cells are masked until the audit ([`Suppression::audit`]) passes. The
/// audit solves, for each masked cell, the smallest and largest value it
/// can take in any table that agrees with what is published, for two
/// readers: one who sees the table (and knows counts are whole, not
/// negative, and with one count column that a masked count is not 0) and
/// one who also reads the flags (a primary cell's first count is from 1 to
/// threshold − 1, a secondary cell's at least the threshold). The rule:
///
/// 1. no primary cell's interval from the table lies within [1, threshold − 1];
/// 2. no masked cell is pinned to one value (first count column: read with
///    the flags; other count columns: from the table);
/// 3. where a line's total is published, its masked members do not add up
///    to a count from 1 to threshold − 1;
/// 4. the flags agree with the table.
///
/// Bounds are rounded inwards to whole numbers when every known count of the
/// column is whole (within [`LP_TOLERANCE`]); an upper bound with nothing
/// above it is `+∞`. A line whose total exceeds the sum of its members (the
/// total also counts units outside the table, such as records without a
/// kommun) tells a reader only `Σ members ≤ total`; one whose total is less
/// than the sum (not a sum at all, such as means of months) tells nothing
/// and is left out. The programmes are solved by the pure-Rust simplex of
/// the `microlp` crate.
///
/// # How the further cells are chosen
///
/// 1. The greedy pass of [`protect`] (no line with exactly one masked cell).
/// 2. Every masked cell and every line is audited in the order of the keys.
///    For one that breaks a rule, the candidates are the published non-zero
///    cells of its lines (then of the lines of the hidden cells linked to
///    it), ranked members before totals, smallest first, ties by key. The
///    first candidate whose masking mends it is masked (else the first pair
///    or triple of the first few that does, else the first candidate), and
///    what it touches is audited again.
/// 3. Cells masked on the way that the audit no longer needs are published
///    again, the largest first.
///
/// This runs twice, with and without step 1, and the result with fewer
/// masked cells (then the smaller sum of their counts) is kept. Zero cells
/// are never masked: a reader of the flags then knows a secondary count is
/// at least the threshold. Masking only widens intervals, so the loop ends,
/// and what still breaks a rule at the end could not be mended by masking
/// any non-zero cell (the flags themselves say too much, e.g. four primary
/// cells adding up to a primary total of 4): [`Suppression::audit`] reports
/// it. The result does not depend on the order of the rows, and a second
/// pass over a table of additive counts changes nothing.
///
/// What this does not cover: tables published elsewhere or for overlapping
/// periods, derived values that are not sums (rates of published
/// denominators are masked with their row), readers with outside knowledge,
/// and readers who solve integer programmes where the structure has more
/// than two dimensions (for a two-way table with margins the rounded bounds
/// of the linear programmes are the integer ones; beyond, they can be
/// wider): see RELIABILITY.md.
///
/// # Example
/// ```
/// use indikator::{Margin, Suppression};
/// use indikator::polars::prelude::*;
///
/// let table = df!(
///     "sex" => ["kvinnor", "män", "Totalt"],
///     "numerator" => [3, 12, 15],
///     "value" => [0.3, 1.2, 0.75],
/// )?;
/// let out = Suppression::new()
///     .counts(["numerator"])
///     .margin(Margin { column: "sex".into(), total: "Totalt".into() })
///     .apply(&table)?;
/// let flags: Vec<_> = out.column("suppressed")?.str()?.iter().flatten().collect();
/// assert_eq!(flags, ["primary", "secondary", "none"]);
/// assert_eq!(out.column("value")?.f64()?.get(0), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Suppression {
    /// Counts greater than 0 and below this are masked (default 5).
    pub threshold: f64,
    /// Count columns tested by the primary rule; empty means `numerator`
    /// and `denominator` (the standard output schema).
    pub counts: Vec<String>,
    /// Further columns masked with a row; by default the derived columns of
    /// the standard schema that are present (`value`, limits, `sd`).
    pub also: Vec<String>,
    /// Totals in the table.
    pub margins: Vec<Margin>,
    /// Hierarchies of totals (kommun → område → region).
    pub hierarchies: Vec<Hierarchy>,
    /// The key columns of the table (default: the margin and hierarchy
    /// columns); the cells of a line share every key but the margin's.
    pub keys: Vec<String>,
}

impl Default for Suppression {
    fn default() -> Self {
        Suppression {
            threshold: 5.0,
            counts: Vec::new(),
            also: Vec::new(),
            margins: Vec::new(),
            hierarchies: Vec::new(),
            keys: Vec::new(),
        }
    }
}

impl Suppression {
    /// Suppression below 5, on the standard schema, without totals.
    ///
    /// Suicides 2019–2023 by kommun, without a total: Berg's 3 is masked
    /// with the value computed from it; the others are published unchanged:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let suicides = df!("kommun" => ["Berg", "Åre", "Östersund"], "numerator" => [3, 11, 48], "value" => [8.7, 18.2, 15.0])?;
    /// let s = Suppression::new();
    /// assert_eq!(s.threshold, 5.0);
    /// let out = s.apply(&suicides)?;
    /// let values: Vec<_> = out.column("value")?.f64()?.iter().collect();
    /// assert_eq!(values, [None, Some(18.2), Some(15.0)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Set the threshold (counts > 0 and below it are masked).
    ///
    /// With a threshold of 10, Bräcke's 9 is masked as well as Berg's 3:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let suicides = df!("kommun" => ["Berg", "Bräcke", "Åre"], "numerator" => [3, 9, 11])?;
    /// let flags = |s: Suppression| -> IkResult<Vec<String>> {
    ///     let out = s.apply(&suicides)?;
    ///     Ok(out.column("suppressed")?.str()?.iter().flatten().map(String::from).collect())
    /// };
    /// assert_eq!(flags(Suppression::new())?, ["primary", "none", "none"]);
    /// assert_eq!(flags(Suppression::new().threshold(10.0))?, ["primary", "primary", "none"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn threshold(mut self, threshold: f64) -> Self {
        self.threshold = threshold;
        self
    }

    /// Name the count columns.
    ///
    /// A table of deaths that is not in the standard schema names its
    /// counts; without them there is nothing to test:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let deaths = df!("kommun" => ["Berg", "Åre"], "deaths" => [3, 11], "population" => [6_900, 12_100])?;
    /// assert!(matches!(Suppression::new().apply(&deaths), Err(Error::InvalidArgument { .. })));
    /// let out = Suppression::new().counts(["deaths"]).apply(&deaths)?;
    /// assert_eq!(out.column("deaths")?.cast(&DataType::Int64)?.i64()?.get(0), None);
    /// assert_eq!(out.column("population")?.cast(&DataType::Int64)?.i64()?.get(0), Some(6_900));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn counts<I: IntoIterator<Item = S>, S: Into<String>>(mut self, columns: I) -> Self {
        self.counts = columns.into_iter().map(Into::into).collect();
        self
    }

    /// Name further columns masked with a row.
    ///
    /// A rate column outside the standard schema is not masked unless
    /// named, and a reader who knows Berg's population gets its 3 suicides
    /// back from 8.7 per 100 000 over five years:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let suicides = df!(
    ///     "kommun" => ["Berg", "Åre"],
    ///     "numerator" => [3, 11],
    ///     "per_100000" => [8.7, 18.2],
    /// )?;
    /// let rate = |s: Suppression| s.apply(&suicides).map(|out| out.column("per_100000").unwrap().f64().unwrap().get(0));
    /// assert_eq!(rate(Suppression::new())?, Some(8.7));
    /// assert_eq!(rate(Suppression::new().also(["per_100000"]))?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn also<I: IntoIterator<Item = S>, S: Into<String>>(mut self, columns: I) -> Self {
        self.also = columns.into_iter().map(Into::into).collect();
        self
    }

    /// Add a total category.
    ///
    /// SIP by age band with their total: the 2 children are masked, and the
    /// 14 adults too, so that 41 − 25 does not give them back:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let sip = df!("ålder" => ["0–17", "18–64", "65+", "Totalt"], "numerator" => [2, 14, 25, 41])?;
    /// let out = Suppression::new().margin(Margin::new("ålder", "Totalt")).apply(&sip)?;
    /// let flags: Vec<_> = out.column("suppressed")?.str()?.iter().flatten().collect();
    /// assert_eq!(flags, ["primary", "secondary", "none", "none"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn margin(mut self, margin: Margin) -> Self {
        self.margins.push(margin);
        self
    }

    /// Add a hierarchy of totals.
    ///
    /// Suicides by kommun, area and region: Ragunda's 2 is masked, and so
    /// is Bräcke's 9, so that Södra's 11 does not give it back:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Hierarchy;
    ///
    /// let table = df!(
    ///     "område" => ["Ragunda", "Bräcke", "Södra", "Åre", "Krokom", "Norra", "Regionen"],
    ///     "numerator" => [2, 9, 11, 22, 31, 53, 64],
    /// )?;
    /// let areas = Hierarchy::new("område", [("Ragunda", "Södra"), ("Bräcke", "Södra"), ("Åre", "Norra"),
    ///     ("Krokom", "Norra"), ("Södra", "Regionen"), ("Norra", "Regionen")]);
    /// let out = Suppression::new().hierarchy(areas).apply(&table)?;
    /// let flags: Vec<_> = out.column("suppressed")?.str()?.iter().flatten().collect();
    /// assert_eq!(flags, ["primary", "secondary", "none", "none", "none", "none", "none"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn hierarchy(mut self, hierarchy: Hierarchy) -> Self {
        self.hierarchies.push(hierarchy);
        self
    }

    /// Name the key columns of the table.
    ///
    /// A table by kommun and sex with a total per kommun: the kommun column
    /// is a key too, else two kommuner's rows of one sex are the same cell:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let table = df!(
    ///     "kommun" => ["Berg", "Berg", "Berg", "Åre", "Åre", "Åre"],
    ///     "sex" => ["K", "M", "Totalt", "K", "M", "Totalt"],
    ///     "numerator" => [3, 9, 12, 21, 19, 40],
    /// )?;
    /// let by_sex = Suppression::new().margin(Margin::new("sex", "Totalt"));
    /// assert!(by_sex.apply(&table).is_err());
    /// let out = by_sex.keys(["kommun", "sex"]).apply(&table)?;
    /// let flags: Vec<_> = out.column("suppressed")?.str()?.iter().flatten().collect();
    /// assert_eq!(flags, ["primary", "secondary", "none", "none", "none", "none"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn keys<I: IntoIterator<Item = S>, S: Into<String>>(mut self, columns: I) -> Self {
        self.keys = columns.into_iter().map(Into::into).collect();
        self
    }

    /// Suppress `table`: primary cells, then, where it has totals, further
    /// cells until the audit passes (the rule: [`Suppression`]).
    ///
    /// # Errors
    /// A threshold below 1 or not finite; missing or non-numeric count
    /// columns; a negative or NaN count; a margin whose total label is
    /// absent from its column; a hierarchy that is not a tree or does not
    /// know a label of its column; two rows with the same keys; an unknown
    /// label in an existing `suppressed` column; a programme the solver
    /// cannot answer.
    ///
    /// # Example
    /// Suicide rates 2019–2023 by kommun, straight from [`Rate`](crate::Rate):
    /// Berg's 3 deaths are masked with its rate and limits:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let suicides = df!(
    ///     "kommun" => ["Berg", "Åre", "Östersund"],
    ///     "deaths" => [3i64, 11, 48],
    ///     "person_years" => [34_500i64, 60_500, 320_000],
    /// )?;
    /// let rates = Rate::new("deaths", "person_years").multiplier(100_000.0).by(["kommun"]).compute(suicides.lazy())?;
    /// let out = Suppression::new().apply(&rates)?;
    /// let values: Vec<_> = out.column("value")?.f64()?.iter().map(|v| v.is_some()).collect();
    /// assert_eq!(values, [false, true, true]);
    /// assert_eq!(out.column("suppressed")?.str()?.get(0), Some("primary"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&self, table: impl IntoFrame) -> Result<DataFrame> {
        let table = &table.into_data_frame()?;
        let mut out = self.apply_together(std::slice::from_ref(table))?;
        Ok(out.remove(0))
    }

    /// Suppress tables published together as one structure.
    ///
    /// A table without a margin's (or hierarchy's) column stands at its
    /// total, so a row shared by several tables (the region's total in a
    /// table by kommun and in one by sex) is one cell, masked in all or in
    /// none, and the lines of every table are audited together. A table
    /// with no key columns at all is the grand total.
    ///
    /// # Errors
    /// Those of [`apply`](Self::apply); no table; the same cell with
    /// different counts in two tables; a key other than a margin's missing
    /// from a table.
    ///
    /// # Example
    /// ```
    /// use indikator::{Margin, Suppression};
    /// use indikator::polars::prelude::*;
    ///
    /// let region = "Hela regionen";
    /// let by_kommun = df!("kommun" => ["Berg", "Åre", region], "numerator" => [3, 40, 43])?;
    /// let by_sex = df!("sex" => ["K", "M", region], "numerator" => [20, 23, 43])?;
    /// let out = Suppression::new()
    ///     .margin(Margin { column: "kommun".into(), total: region.into() })
    ///     .margin(Margin { column: "sex".into(), total: region.into() })
    ///     .apply_together(&[by_kommun, by_sex])?;
    /// let flags = |t: &DataFrame| -> Vec<String> {
    ///     t.column("suppressed").unwrap().str().unwrap().iter().flatten().map(String::from).collect()
    /// };
    /// assert_eq!(flags(&out[0])[0], "primary");
    /// // The region's row is one cell: masked in both tables or in neither.
    /// assert_eq!(flags(&out[0])[2], flags(&out[1])[2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply_together(&self, tables: &[DataFrame]) -> Result<Vec<DataFrame>> {
        let mut cells = frames::read(self, tables, true)?;
        if !cells.lines().is_empty() {
            protect::protect_audited(&mut cells)?;
        }
        tables
            .iter()
            .enumerate()
            .map(|(t, table)| frames::masked(self, &cells, table, t))
            .collect()
    }

    /// Audit a published table: what a reader with a solver derives for
    /// each masked cell, and the rules it breaks.
    ///
    /// The cells masked are those the `suppressed` column says (a table
    /// without one: the primary cells, to show what primary suppression
    /// alone would reveal). Added columns: `suppressed`; `audit_lower`,
    /// `audit_upper`, the interval of the first count column from the table
    /// alone, and `audit_lower_flags`, `audit_upper_flags`, with the flags
    /// read too (null where published, or where no table agrees with the
    /// flags; `+∞` where nothing bounds it above); `audit_passed`; and
    /// `audit_findings`, the rules broken in words (null when none): small,
    /// pinned, small sum (at the total of the line), contradiction,
    /// published small count.
    ///
    /// # Errors
    /// Those of [`apply`](Self::apply).
    ///
    /// # Example
    /// ```
    /// use indikator::{Margin, Suppression};
    /// use indikator::polars::prelude::*;
    ///
    /// // Two primary cells in a line whose total, 8, is published.
    /// let table = df!(
    ///     "sex" => ["kvinnor", "män", "Totalt"],
    ///     "numerator" => [Some(4), Some(4), Some(8)],
    ///     "suppressed" => ["primary", "primary", "none"],
    /// )?;
    /// let s = Suppression::new().margin(Margin { column: "sex".into(), total: "Totalt".into() });
    /// let audit = s.audit(&table)?;
    /// assert_eq!(audit.column("audit_upper_flags")?.f64()?.get(0), Some(4.0));
    /// assert_eq!(audit.column("audit_passed")?.bool()?.get(0), Some(false));
    /// // Suppression masks the total too, and the audit passes.
    /// let out = s.audit(&s.apply(&table.drop("suppressed")?)?)?;
    /// assert!(out.column("audit_passed")?.bool()?.all());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn audit(&self, table: impl IntoFrame) -> Result<DataFrame> {
        let table = &table.into_data_frame()?;
        let mut out = self.audit_together(std::slice::from_ref(table))?;
        Ok(out.remove(0))
    }

    /// Audit tables published together (see [`apply_together`](Self::apply_together)).
    ///
    /// # Errors
    /// Those of [`apply_together`](Self::apply_together).
    ///
    /// # Example
    /// Suicides by kommun and by sex, published together with the region's
    /// total: masking Berg's 3 alone fails the audit (43 − 40 gives it
    /// back); the tables as [`apply_together`](Self::apply_together)
    /// leaves them pass:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let region = "Hela regionen";
    /// let by_kommun = df!("kommun" => ["Berg", "Åre", region], "numerator" => [3, 40, 43])?;
    /// let by_sex = df!("sex" => ["K", "M", region], "numerator" => [20, 23, 43])?;
    /// let s = Suppression::new().margin(Margin::new("kommun", region)).margin(Margin::new("sex", region));
    /// let tables = [by_kommun, by_sex];
    /// let primary_only = s.audit_together(&tables)?;
    /// assert_eq!(primary_only[0].column("audit_passed")?.bool()?.get(0), Some(false));
    /// let audits = s.audit_together(&s.apply_together(&tables)?)?;
    /// assert!(audits.iter().all(|a| a.column("audit_passed").unwrap().bool().unwrap().all()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn audit_together(&self, tables: &[DataFrame]) -> Result<Vec<DataFrame>> {
        let flagged = tables.iter().all(|t| t.schema().contains(FLAG_COLUMN));
        let cells = frames::read(self, tables, !flagged)?;
        let audits = audit::audit(&cells)?;
        tables
            .iter()
            .enumerate()
            .map(|(t, table)| frames::audited(&cells, &audits, table, t))
            .collect()
    }
}
