//! Secondary suppression on plain indices: no additive line may have exactly one masked cell.
//!
//! A *line* is a set of cells bound by one equation, `total = Σ members`
//! (a row with its row total, a column with its column total). If exactly
//! one cell of a line is masked, a reader recovers it by subtraction. The
//! greedy rule below masks, in each such line, the unmasked cell with the
//! smallest count (a member before the total), and repeats until no line
//! has exactly one masked cell. It masks few cells, not provably the fewest:
//! the optimal pattern is an integer programme (Cox 1980), which the
//! tables of a regional report do not need.

/// The flag the report publishes for every masked cell, primary or
/// secondary alike: which cells are small is itself what must not be told
/// (a reader who knows it narrows each small cell to 1..threshold − 1).
///
/// Publishing a suppressed table by sex with its flags' kinds withheld; the
/// audit reads them back:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{Flag, FLAG_COLUMN, PUBLISHED_MASK};
///
/// let table = df!("sex" => ["kvinnor", "män", "Totalt"], "numerator" => [3, 12, 15])?;
/// let s = Suppression::new().margin(Margin::new("sex", "Totalt"));
/// let kind_withheld = when(col(FLAG_COLUMN).eq(lit("none")))
///     .then(lit("none"))
///     .otherwise(lit(PUBLISHED_MASK))
///     .alias(FLAG_COLUMN);
/// let published = s.apply(&table)?.lazy().with_column(kind_withheld).collect()?;
/// let flags: Vec<_> = published.column(FLAG_COLUMN)?.str()?.iter().flatten().collect();
/// assert_eq!(flags, [PUBLISHED_MASK, PUBLISHED_MASK, "none"]);
/// assert_eq!(Flag::parse(PUBLISHED_MASK), Some(Flag::Masked));
/// assert!(s.audit(&published)?.column("audit_passed")?.bool()?.all());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const PUBLISHED_MASK: &str = "masked";

/// The mask state of one cell (one row of the output frame).
///
/// Reading the flags of a suppressed table by sex (3 women, 12 men):
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{Flag, FLAG_COLUMN};
///
/// let table = df!("sex" => ["kvinnor", "män", "Totalt"], "numerator" => [3, 12, 15])?;
/// let out = Suppression::new().margin(Margin::new("sex", "Totalt")).apply(&table)?;
/// let flags: Vec<Flag> = out.column(FLAG_COLUMN)?.str()?.iter().flatten().filter_map(Flag::parse).collect();
/// assert_eq!(flags, [Flag::Primary, Flag::Secondary, Flag::None]);
/// // Men's 12 is masked so that women's 3 is not 15 − 12, but it is not small.
/// assert!(flags[1].masked() && !flags[1].may_be_small());
/// assert_eq!(flags[0].label(), "primary");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Flag {
    /// Published.
    None,
    /// Masked because its own count is small.
    Primary,
    /// Masked so that a primary cell cannot be recomputed from totals.
    Secondary,
    /// Masked, its kind withheld: a cell as the report publishes it
    /// ([`PUBLISHED_MASK`]). A reader of the flags learns only that it is
    /// masked; the audit holds it to rule 1 like a primary cell (an interval
    /// inside [1, threshold − 1] would disclose a small count whatever its kind).
    Masked,
}

impl Flag {
    /// The text in the `suppressed` column.
    ///
    /// The flags of a table by sex, 3 women and 12 men, are these labels:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Flag, FLAG_COLUMN};
    ///
    /// let table = df!("sex" => ["kvinnor", "män", "Totalt"], "numerator" => [3, 12, 15])?;
    /// let out = Suppression::new().margin(Margin::new("sex", "Totalt")).apply(&table)?;
    /// let flags: Vec<_> = out.column(FLAG_COLUMN)?.str()?.iter().flatten().collect();
    /// assert_eq!(flags, [Flag::Primary.label(), Flag::Secondary.label(), Flag::None.label()]);
    /// assert_eq!(Flag::Secondary.label(), "secondary");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Flag::None => "none",
            Flag::Primary => "primary",
            Flag::Secondary => "secondary",
            Flag::Masked => PUBLISHED_MASK,
        }
    }

    /// Parse the text of the `suppressed` column. `masked` is a masked cell
    /// as the report publishes it, its kind withheld ([`PUBLISHED_MASK`]).
    ///
    /// Reading the flags of a published table back; the symbol shown in
    /// place of a value is not a flag:
    ///
    /// ```
    /// use indikator::{Flag, PUBLISHED_MASK, SUPPRESSED_SYMBOL};
    ///
    /// assert_eq!(Flag::parse("secondary"), Some(Flag::Secondary));
    /// assert_eq!(Flag::parse(PUBLISHED_MASK), Some(Flag::Masked));
    /// assert_eq!(Flag::parse(SUPPRESSED_SYMBOL), None);
    /// ```
    pub fn parse(text: &str) -> Option<Flag> {
        match text {
            "none" => Some(Flag::None),
            "primary" => Some(Flag::Primary),
            "secondary" => Some(Flag::Secondary),
            PUBLISHED_MASK => Some(Flag::Masked),
            _ => None,
        }
    }

    /// Whether the cell is masked.
    ///
    /// Counting the masked cells of suicides by kommun with the county's
    /// total (Berg's 3, and Ragunda's 6 to protect it):
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Flag, FLAG_COLUMN};
    ///
    /// let by_kommun = df!(
    ///     "kommun" => ["Ragunda", "Berg", "Åre", "Östersund", "Jämtlands län"],
    ///     "numerator" => [6, 3, 22, 118, 149],
    /// )?;
    /// let out = Suppression::new().margin(Margin::new("kommun", "Jämtlands län")).apply(&by_kommun)?;
    /// let flags: Vec<Flag> = out.column(FLAG_COLUMN)?.str()?.iter().flatten().filter_map(Flag::parse).collect();
    /// assert_eq!(flags.iter().filter(|f| f.masked()).count(), 2);
    /// assert!(!Flag::None.masked() && Flag::Masked.masked());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn masked(self) -> bool {
        self != Flag::None
    }

    /// Whether the cell may hide a small count (primary, or of unknown kind):
    /// the cells the audit holds to rule 1.
    ///
    /// A secondary cell is at least the threshold; a cell published only as
    /// masked may be either kind:
    ///
    /// ```
    /// use indikator::Flag;
    ///
    /// let small = [Flag::Primary, Flag::Secondary, Flag::Masked, Flag::None].map(Flag::may_be_small);
    /// assert_eq!(small, [true, false, true, false]);
    /// ```
    pub fn may_be_small(self) -> bool {
        matches!(self, Flag::Primary | Flag::Masked)
    }
}

/// One additive line: the indices of its members and of its total.
///
/// Suicides in three kommuner and their total: Berg 3, Bräcke 9, Åre 40,
/// 52 in all (cells 0–3):
///
/// ```
/// use indikator::{protect, Flag, Line};
///
/// let counts = [3.0, 9.0, 40.0, 52.0];
/// let line = Line { members: vec![0, 1, 2], total: 3 };
/// let mut flags = [Flag::Primary, Flag::None, Flag::None, Flag::None];
/// protect(&mut flags, &counts, std::slice::from_ref(&line));
/// // The smallest other member hides Berg: 52 − 40 = 12 is all a reader learns.
/// assert_eq!(flags, [Flag::Primary, Flag::Secondary, Flag::None, Flag::None]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Cells that add up to the total.
    pub members: Vec<usize>,
    /// The total cell.
    pub total: usize,
}

impl Line {
    fn cells(&self) -> impl Iterator<Item = usize> + '_ {
        self.members
            .iter()
            .copied()
            .chain(std::iter::once(self.total))
    }
}

/// Mask further cells (flag [`Flag::Secondary`]) until no line has exactly
/// one masked cell. `sizes` ranks the candidates: the smallest non-zero
/// member is masked first, a total next, a zero cell only as a last resort.
///
/// A table by kommun and sex with its margins (cells by row: Berg K, M,
/// total; Åre K, M, total; K, M, total of both), with Berg's women (2)
/// primary:
///
/// ```
/// use indikator::{exposed, protect, Flag, Line};
///
/// let counts = [2.0, 6.0, 8.0, 25.0, 22.0, 47.0, 27.0, 28.0, 55.0];
/// let line = |members: [usize; 2], total| Line { members: members.to_vec(), total };
/// let lines = [
///     line([0, 1], 2), line([3, 4], 5), line([6, 7], 8), // rows
///     line([0, 3], 6), line([1, 4], 7), line([2, 5], 8), // columns
/// ];
/// let mut flags = [Flag::None; 9];
/// flags[0] = Flag::Primary;
/// protect(&mut flags, &counts, &lines);
/// // Berg's men, then Åre's women and men: every line has 0 or 2 masked cells.
/// let masked: Vec<usize> = (0..9).filter(|&i| flags[i] == Flag::Secondary).collect();
/// assert_eq!(masked, [1, 3, 4]);
/// assert!(!exposed(&flags, &lines));
/// ```
pub fn protect(flags: &mut [Flag], sizes: &[f64], lines: &[Line]) {
    protect_with(flags, sizes, lines, true);
}

/// [`protect`], masking zero cells only if `zeros` (else a line whose only
/// unmasked cells are zero keeps its one masked cell).
pub(crate) fn protect_with(flags: &mut [Flag], sizes: &[f64], lines: &[Line], zeros: bool) {
    // Masked cells per line, the lines through each cell, and the lines with
    // exactly one masked cell, taken first by position: one pass, with each
    // new mask updating only the lines through its cell.
    let mut lines_of: Vec<Vec<usize>> = vec![Vec::new(); flags.len()];
    let mut masked: Vec<usize> = Vec::with_capacity(lines.len());
    for (l, line) in lines.iter().enumerate() {
        for i in line.cells() {
            lines_of[i].push(l);
        }
        masked.push(line.cells().filter(|&i| flags[i].masked()).count());
    }
    let mut exposed: std::collections::BTreeSet<usize> =
        (0..lines.len()).filter(|&l| masked[l] == 1).collect();
    while let Some(l) = exposed.pop_first() {
        let line = &lines[l];
        // Rank: non-zero members first, then non-zero totals, zero cells last
        // (masking a zero beside a small cell would let a reader reason that
        // the secondary cell, not being small, is the zero).
        let rank = |i: usize| {
            (
                sizes[i] <= 0.0 || sizes[i].is_nan(),
                i == line.total,
                sizes[i],
            )
        };
        let candidate = line
            .cells()
            .filter(|&i| !flags[i].masked() && (zeros || sizes[i] > 0.0))
            .min_by(|&a, &b| {
                rank(a)
                    .partial_cmp(&rank(b))
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(a.cmp(&b))
            });
        let Some(i) = candidate else {
            continue; // nothing left to mask in this line
        };
        flags[i] = Flag::Secondary;
        for &m in &lines_of[i] {
            masked[m] += 1;
            if masked[m] == 1 {
                exposed.insert(m);
            } else {
                exposed.remove(&m);
            }
        }
    }
}

/// Whether some masked cell can be recomputed by one subtraction along a line.
///
/// Berg 3, Bräcke 9, Åre 40 and their total 52 (cells 0–3):
///
/// ```
/// use indikator::{exposed, Flag, Line};
///
/// let lines = [Line { members: vec![0, 1, 2], total: 3 }];
/// let (p, s, n) = (Flag::Primary, Flag::Secondary, Flag::None);
/// // Berg alone masked: 52 − 9 − 40 gives it back.
/// assert!(exposed(&[p, n, n, n], &lines));
/// // With Bräcke masked too, a reader learns only their sum.
/// assert!(!exposed(&[p, s, n, n], &lines));
/// ```
pub fn exposed(flags: &[Flag], lines: &[Line]) -> bool {
    lines
        .iter()
        .any(|line| line.cells().filter(|&i| flags[i].masked()).count() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_masked_cell_in_a_row_with_a_total_takes_the_smallest_other_member() {
        // Cells 0..3 are members, 3 is the total: 2 + 7 + 9 = 18.
        let mut flags = [Flag::Primary, Flag::None, Flag::None, Flag::None];
        let lines = [Line {
            members: vec![0, 1, 2],
            total: 3,
        }];
        protect(&mut flags, &[2.0, 7.0, 9.0, 18.0], &lines);
        assert_eq!(
            flags,
            [Flag::Primary, Flag::Secondary, Flag::None, Flag::None]
        );
        assert!(!exposed(&flags, &lines));
    }

    #[test]
    fn a_masked_total_needs_a_masked_member() {
        let mut flags = [Flag::None, Flag::None, Flag::Primary];
        let lines = [Line {
            members: vec![0, 1],
            total: 2,
        }];
        protect(&mut flags, &[1.0, 3.0, 4.0], &lines);
        assert_eq!(flags, [Flag::Secondary, Flag::None, Flag::Primary]);
    }

    #[test]
    fn crossing_lines_are_fixed_together() {
        // 2 × 2 table with row and column totals (and a grand total):
        //   0 1 | 2
        //   3 4 | 5
        //   6 7 | 8
        let lines = [
            Line {
                members: vec![0, 1],
                total: 2,
            },
            Line {
                members: vec![3, 4],
                total: 5,
            },
            Line {
                members: vec![6, 7],
                total: 8,
            },
            Line {
                members: vec![0, 3],
                total: 6,
            },
            Line {
                members: vec![1, 4],
                total: 7,
            },
            Line {
                members: vec![2, 5],
                total: 8,
            },
        ];
        let sizes = [2.0, 10.0, 12.0, 20.0, 30.0, 50.0, 22.0, 40.0, 62.0];
        let mut flags = [Flag::None; 9];
        flags[0] = Flag::Primary;
        protect(&mut flags, &sizes, &lines);
        assert!(!exposed(&flags, &lines));
        assert_eq!(flags.iter().filter(|f| **f == Flag::Secondary).count(), 3);
    }

    #[test]
    fn a_zero_cell_is_not_used_to_hide_a_small_one() {
        // 3 + 0 + 12 = 15: masking the 0 would reveal the 3.
        let mut flags = [Flag::Primary, Flag::None, Flag::None, Flag::None];
        let lines = [Line {
            members: vec![0, 1, 2],
            total: 3,
        }];
        protect(&mut flags, &[3.0, 0.0, 12.0, 15.0], &lines);
        assert_eq!(
            flags,
            [Flag::Primary, Flag::None, Flag::Secondary, Flag::None]
        );
    }

    #[test]
    fn nothing_to_do_without_masks() {
        let mut flags = [Flag::None; 3];
        protect(
            &mut flags,
            &[1.0, 2.0, 3.0],
            &[Line {
                members: vec![0, 1],
                total: 2,
            }],
        );
        assert_eq!(flags, [Flag::None; 3]);
    }
}
