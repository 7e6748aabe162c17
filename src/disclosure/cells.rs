//! A table as the audit sees it: cells with counts and flags, the lines
//! binding them, what a reader knows of each masked cell, and the linear
//! programme of the cells a reader cannot see.

use std::collections::BTreeSet;

use super::lines::{Flag, Line};
use super::lp::{Programme, Relation, LP_TOLERANCE};
use super::structure::Space;

/// Relative tolerance of additivity: a total within this fraction of the sum
/// of its members (or within this of it, below 1) is that sum. Counts are
/// whole numbers, populations sums of means: far within it.
pub(crate) const ADDITIVE_TOLERANCE: f64 = 1e-9;

/// What a line says of its cells in one count column, as the known counts show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `total = Σ members` (or not known otherwise: a line with cells
    /// masked in the input is taken to be a sum).
    Sum,
    /// `total > Σ members`: the total also counts units outside the table
    /// (e.g. records without a kommun), so a reader knows `Σ members ≤ total`.
    AtLeast,
    /// `total < Σ members`: not a sum (e.g. means of months); a reader can
    /// derive nothing from it, and it is left out.
    NotASum,
}

/// The kind of `line` in a column with `values`.
fn kind_of(line: &Line, values: &[Option<f64>]) -> Kind {
    let known: f64 = line.members.iter().filter_map(|&m| values[m]).sum();
    let all = line.members.iter().all(|&m| values[m].is_some());
    let Some(total) = values[line.total] else {
        return Kind::Sum;
    };
    let slack = ADDITIVE_TOLERANCE * total.abs().max(known.abs()).max(1.0);
    if known > total + slack {
        Kind::NotASum
    } else if all && known < total - slack {
        Kind::AtLeast
    } else {
        Kind::Sum
    }
}

/// Who derives bounds for the masked cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Reader {
    /// Sees the published cells and the lines, knows the counts are whole and
    /// not negative and, with one count column, that a masked count is not 0
    /// (zero is published and never masked to protect another cell).
    Table,
    /// Also reads the `suppressed` flags: a primary cell's first count is
    /// from 1 to threshold − 1, a secondary cell's at least the threshold
    /// (a cell published only as `masked` tells nothing more).
    Flags,
}

/// Cells, lines, counts (one vector per count column, `None` where the
/// value is not known: masked in the input or null) and flags.
#[derive(Debug, Clone)]
pub(crate) struct Cells {
    pub space: Space,
    pub columns: Vec<String>,
    pub counts: Vec<Vec<Option<f64>>>,
    pub flags: Vec<Flag>,
    pub threshold: f64,
    /// Per column and line: what the line says of its cells.
    kinds: Vec<Vec<Kind>>,
    /// Per column: every known value is a whole number.
    integral: Vec<bool>,
    /// The lines through each cell (whatever their kind).
    lines_of: Vec<Vec<usize>>,
}

impl Cells {
    /// The cells of `space` with their counts and flags.
    pub fn new(
        space: Space,
        columns: Vec<String>,
        counts: Vec<Vec<Option<f64>>>,
        flags: Vec<Flag>,
        threshold: f64,
    ) -> Cells {
        let mut lines_of = vec![Vec::new(); flags.len()];
        for (l, line) in space.lines.iter().enumerate() {
            for &i in line.members.iter().chain([&line.total]) {
                lines_of[i].push(l);
            }
        }
        let integral = counts
            .iter()
            .map(|values| {
                values
                    .iter()
                    .flatten()
                    .all(|v| (v - v.round()).abs() <= LP_TOLERANCE)
            })
            .collect();
        let mut kinds = Vec::with_capacity(columns.len());
        for values in &counts {
            kinds.push(space.lines.iter().map(|l| kind_of(l, values)).collect());
        }
        Cells {
            space,
            columns,
            counts,
            flags,
            threshold,
            kinds,
            integral,
            lines_of,
        }
    }

    /// The number of cells.
    pub fn len(&self) -> usize {
        self.flags.len()
    }

    /// The lines through `cell`.
    pub fn lines_of(&self, cell: usize) -> &[usize] {
        &self.lines_of[cell]
    }

    /// Whether a reader does not see the value of `cell` in column `c`.
    pub fn hidden(&self, c: usize, cell: usize) -> bool {
        self.flags[cell].masked() || self.counts[c][cell].is_none()
    }

    /// A count from 1 to threshold − 1 (above 0 and below the threshold).
    pub fn small(&self, x: f64) -> bool {
        x > LP_TOLERANCE && x < self.threshold - LP_TOLERANCE
    }

    /// A lower bound as a reader who knows counts are whole reads it.
    pub fn round_lower(&self, c: usize, x: f64) -> f64 {
        if self.integral[c] {
            (x - LP_TOLERANCE).ceil()
        } else {
            x
        }
    }

    /// An upper bound as a reader who knows counts are whole reads it.
    pub fn round_upper(&self, c: usize, x: f64) -> f64 {
        if self.integral[c] && x.is_finite() {
            (x + LP_TOLERANCE).floor()
        } else {
            x
        }
    }

    /// What `reader` knows of `cell` in column `c` before solving anything.
    pub fn prior(&self, c: usize, reader: Reader, cell: usize) -> (f64, f64) {
        let t = self.threshold;
        let whole = self.integral[c];
        match (self.flags[cell], reader, c) {
            (Flag::None, _, _) => (0.0, f64::INFINITY),
            (Flag::Primary, Reader::Flags, 0) => {
                if whole {
                    (1.0, t.ceil() - 1.0)
                } else {
                    (0.0, t)
                }
            }
            (Flag::Secondary, Reader::Flags, 0) => {
                (if whole { t.ceil() } else { t }, f64::INFINITY)
            }
            // A reader of a cell masked of unknown kind knows what the table says.
            (Flag::Masked, _, 0) | (_, Reader::Table, 0) if self.columns.len() == 1 && whole => {
                (1.0, f64::INFINITY)
            }
            _ => (0.0, f64::INFINITY),
        }
    }

    /// The hidden cells linked to `cell` through lines in column `c`, in cell order.
    pub fn component(&self, c: usize, cell: usize) -> Vec<usize> {
        let mut found = BTreeSet::from([cell]);
        let mut queue = vec![cell];
        while let Some(i) = queue.pop() {
            for &l in &self.lines_of[i] {
                if self.kinds[c][l] == Kind::NotASum {
                    continue;
                }
                let line = &self.space.lines[l];
                for &j in line.members.iter().chain([&line.total]) {
                    if self.hidden(c, j) && found.insert(j) {
                        queue.push(j);
                    }
                }
            }
        }
        found.into_iter().collect()
    }

    /// The programme of `reader` over `component` (hidden cells, in cell
    /// order) in column `c`: `Σ members − total = 0` (or `≤ 0` for an open
    /// line) for every line through them, published cells as constants.
    pub fn programme(&self, c: usize, reader: Reader, component: &[usize]) -> Programme {
        let bounds = component
            .iter()
            .map(|&i| self.prior(c, reader, i))
            .collect();
        let lines: BTreeSet<usize> = component
            .iter()
            .flat_map(|&i| self.lines_of[i].iter().copied())
            .collect();
        let mut rows = Vec::with_capacity(lines.len());
        for l in lines {
            let line = &self.space.lines[l];
            let mut terms = Vec::new();
            let mut constant = 0.0;
            for (i, a) in line
                .members
                .iter()
                .map(|&m| (m, 1.0))
                .chain([(line.total, -1.0)])
            {
                match component.binary_search(&i) {
                    Ok(v) => terms.push((v, a)),
                    Err(_) => constant += a * self.counts[c][i].unwrap_or(0.0),
                }
            }
            let relation = match self.kinds[c][l] {
                Kind::Sum => Relation::Equal,
                Kind::AtLeast => Relation::AtMost,
                Kind::NotASum => continue,
            };
            rows.push((terms, relation, -constant));
        }
        Programme { bounds, rows }
    }

    /// The sum of the masked members of a closed line whose total is
    /// published in column `c`: the total less its published members.
    pub fn masked_sum(&self, c: usize, l: usize) -> Option<f64> {
        let line = &self.space.lines[l];
        if self.kinds[c][l] != Kind::Sum || self.hidden(c, line.total) {
            return None;
        }
        if !line.members.iter().any(|&m| self.hidden(c, m)) {
            return None;
        }
        let published: f64 = line
            .members
            .iter()
            .filter(|&&m| !self.hidden(c, m))
            .filter_map(|&m| self.counts[c][m])
            .sum();
        Some(self.counts[c][line.total].unwrap_or(0.0) - published)
    }

    /// The line containing `cell` as its total, if any.
    pub fn is_total(&self, cell: usize) -> bool {
        self.lines_of[cell]
            .iter()
            .any(|&l| self.space.lines[l].total == cell)
    }

    /// The lines as given (for the greedy first pass).
    pub fn lines(&self) -> &[Line] {
        &self.space.lines
    }
}
