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

/// The symbol a report shows in place of a masked value.
pub const SUPPRESSED_SYMBOL: &str = "..";

/// The flag column added to a suppressed table.
pub const FLAG_COLUMN: &str = "suppressed";

/// A total category in a key column: the rows with `column == total` are the
/// sums of the rows with the other categories (the other key columns equal).
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
/// use polars::prelude::*;
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
    pub fn new() -> Self {
        Self::default()
    }

    /// Set the threshold (counts > 0 and below it are masked).
    pub fn threshold(mut self, threshold: f64) -> Self {
        self.threshold = threshold;
        self
    }

    /// Name the count columns.
    pub fn counts<I: IntoIterator<Item = S>, S: Into<String>>(mut self, columns: I) -> Self {
        self.counts = columns.into_iter().map(Into::into).collect();
        self
    }

    /// Name further columns masked with a row.
    pub fn also<I: IntoIterator<Item = S>, S: Into<String>>(mut self, columns: I) -> Self {
        self.also = columns.into_iter().map(Into::into).collect();
        self
    }

    /// Add a total category.
    pub fn margin(mut self, margin: Margin) -> Self {
        self.margins.push(margin);
        self
    }

    /// Add a hierarchy of totals.
    pub fn hierarchy(mut self, hierarchy: Hierarchy) -> Self {
        self.hierarchies.push(hierarchy);
        self
    }

    /// Name the key columns of the table.
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
    pub fn apply(&self, table: &DataFrame) -> Result<DataFrame> {
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
    /// use polars::prelude::*;
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
    /// use polars::prelude::*;
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
    pub fn audit(&self, table: &DataFrame) -> Result<DataFrame> {
        let mut out = self.audit_together(std::slice::from_ref(table))?;
        Ok(out.remove(0))
    }

    /// Audit tables published together (see [`apply_together`](Self::apply_together)).
    ///
    /// # Errors
    /// Those of [`apply_together`](Self::apply_together).
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
