//! The audit: the interval a reader with a linear-programming solver can
//! derive for each masked cell, and the rules a protected table must pass.
//!
//! For a masked cell and a reader ([`Reader::Table`] or [`Reader::Flags`]),
//! the interval is [min, max] of the cell over every table that agrees with
//! what the reader sees: the published cells as constants, the hidden cells
//! as variables within what the reader knows of them, and each line through
//! them (`total = Σ members`). Two linear programmes per cell, over only the
//! hidden cells linked to it by lines. A reader knows the counts are whole,
//! so a bound is rounded inwards (within [`LP_TOLERANCE`]). An upper bound
//! with nothing above it is `+∞`.
//!
//! The rules, each a [`Finding`] when broken:
//! 1. **Small**: no primary cell's interval from the table alone lies within
//!    [1, threshold − 1] (in any count column).
//! 2. **Pinned**: no masked cell's interval holds a single value: for the
//!    first count column as read with the flags, for the others from the
//!    table alone. A primary cell that its flag alone pins (threshold 2: the
//!    count is 1) is not counted.
//! 3. **Small sum**: where a line's total is published, the sum of its
//!    masked members (the total less its published members) is not from 1
//!    to threshold − 1.
//! 4. **Contradiction**: the flags agree with the table (a primary cell
//!    masked for a small second count column can make them disagree).
//! 5. **Published small count**: no published count is from 1 to
//!    threshold − 1.

use std::collections::HashMap;

use super::cells::{Cells, Reader};
use super::lp::{Extreme, LP_TOLERANCE};
use crate::error::Result;

/// A rule broken by a cell (or, for a small sum, by the line it totals).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Finding {
    /// Rule 1: a primary cell shown to be small.
    Small {
        column: usize,
        lower: f64,
        upper: f64,
    },
    /// Rule 2: a masked cell narrowed to one value.
    Pinned {
        column: usize,
        value: f64,
        flags: bool,
    },
    /// Rule 3: the masked members of the line this cell totals add up to a small count.
    SmallSum { column: usize, sum: f64 },
    /// Rule 4: no table agrees with the flags.
    Contradiction { column: usize },
    /// Rule 5: a published small count.
    PublishedSmall { column: usize, value: f64 },
}

impl Finding {
    /// The finding in words, naming the count column.
    pub fn describe(&self, columns: &[String]) -> String {
        let name = |c: &usize| columns.get(*c).map(String::as_str).unwrap_or("?");
        match self {
            Finding::Small {
                column,
                lower,
                upper,
            } => format!(
                "small: {} is from {lower} to {upper} by the table",
                name(column)
            ),
            Finding::Pinned {
                column,
                value,
                flags,
            } => format!(
                "pinned: {} is {value}{}",
                name(column),
                if *flags {
                    " by the table and the flags"
                } else {
                    " by the table"
                }
            ),
            Finding::SmallSum { column, sum } => format!(
                "small sum: the masked members of this total add up to {sum} ({})",
                name(column)
            ),
            Finding::Contradiction { column } => {
                format!("contradiction: no {} agrees with the flags", name(column))
            }
            Finding::PublishedSmall { column, value } => {
                format!("published small count: {} is {value}", name(column))
            }
        }
    }
}

/// An interval of a masked cell, rounded as a reader who knows counts are whole.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Interval {
    pub lower: f64,
    pub upper: f64,
}

/// What the audit says of one cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct CellAudit {
    /// The interval of the first count column from the table alone (masked cells).
    pub table: Option<Interval>,
    /// The interval of the first count column with the flags (masked cells
    /// whose flags agree with the table).
    pub flags: Option<Interval>,
    /// The rules broken.
    pub findings: Vec<Finding>,
}

/// The smallest and largest value seen of one cell.
type Range = (f64, f64);

/// Values seen at some table every reader's constraints admit: per column
/// and reader, each cell's smallest and largest. The admitted tables only
/// grow as cells are masked, so what was seen stays attainable.
#[derive(Debug, Clone, Default)]
pub(crate) struct Seen {
    range: HashMap<(usize, Reader), Vec<Option<Range>>>,
    /// Whether solving adds to what was seen (off while trying a mask).
    pub learn: bool,
}

impl Seen {
    /// Seeded with the true table where the data hold it.
    pub fn new(cells: &Cells) -> Seen {
        let mut seen = Seen {
            range: HashMap::new(),
            learn: true,
        };
        for (c, values) in cells.counts.iter().enumerate() {
            let whole = values.iter().all(Option::is_some);
            let truth: Vec<Option<(f64, f64)>> = values.iter().map(|v| v.map(|v| (v, v))).collect();
            if whole {
                seen.range.insert((c, Reader::Table), truth.clone());
                let agrees = (0..cells.len()).all(|i| {
                    let (lo, hi) = cells.prior(c, Reader::Flags, i);
                    values[i].is_some_and(|v| v >= lo - LP_TOLERANCE && v <= hi + LP_TOLERANCE)
                });
                if c == 0 && agrees {
                    seen.range.insert((c, Reader::Flags), truth);
                }
            }
        }
        seen
    }

    fn get(&self, c: usize, reader: Reader, cell: usize) -> Option<Range> {
        self.range.get(&(c, reader)).and_then(|r| r[cell])
    }

    fn record(&mut self, c: usize, reader: Reader, cells: usize, at: &[usize], point: &[f64]) {
        if !self.learn {
            return;
        }
        let range = self
            .range
            .entry((c, reader))
            .or_insert_with(|| vec![None; cells]);
        for (&i, &v) in at.iter().zip(point) {
            range[i] = Some(match range[i] {
                Some((lo, hi)) => (lo.min(v), hi.max(v)),
                None => (v, v),
            });
        }
    }
}

/// The extreme of `cell` in column `c` for `reader`: `None` when nothing
/// agrees with what the reader knows; `+∞` when nothing bounds it above.
fn extreme(
    cells: &Cells,
    seen: &mut Seen,
    c: usize,
    reader: Reader,
    cell: usize,
    maximise: bool,
) -> Result<Option<f64>> {
    let component = cells.component(c, cell);
    let programme = cells.programme(c, reader, &component);
    let at = component.binary_search(&cell).unwrap_or(0);
    let what = || {
        format!(
            "the {} of {} in `{}`",
            if maximise { "maximum" } else { "minimum" },
            cells.space.name(cell),
            cells.columns[c]
        )
    };
    Ok(match programme.extreme(at, maximise, &what)? {
        Extreme::At(value, point) => {
            seen.record(c, reader, cells.len(), &component, &point);
            Some(value)
        }
        Extreme::Unbounded => Some(f64::INFINITY),
        Extreme::Infeasible => None,
    })
}

/// The rounded interval of `cell` in column `c` for `reader`: two
/// programmes, or fewer where a table already seen reaches a bound the
/// reader knows beforehand (nothing lies beyond it).
fn interval(
    cells: &Cells,
    seen: &mut Seen,
    c: usize,
    reader: Reader,
    cell: usize,
) -> Result<Option<Interval>> {
    let (first, last) = cells.prior(c, reader, cell);
    let reached = seen.get(c, reader, cell);
    let lower = match reached {
        Some((lo, _)) if lo <= first + LP_TOLERANCE => first,
        _ => match extreme(cells, seen, c, reader, cell, false)? {
            Some(lo) => lo,
            None => return Ok(None),
        },
    };
    let upper = match reached {
        Some((_, hi)) if last.is_finite() && hi >= last - LP_TOLERANCE => last,
        _ => match extreme(cells, seen, c, reader, cell, true)? {
            Some(hi) => hi,
            None => return Ok(None),
        },
    };
    Ok(Some(Interval {
        lower: cells.round_lower(c, lower),
        upper: cells.round_upper(c, upper),
    }))
}

/// Whether the prior of `reader` alone pins `cell` (threshold 2: a primary count is 1).
fn pinned_by_prior(cells: &Cells, c: usize, reader: Reader, cell: usize) -> bool {
    let (lo, hi) = cells.prior(c, reader, cell);
    cells.round_upper(c, hi) - cells.round_lower(c, lo) < LP_TOLERANCE
}

/// The reader whose pinning counts in column `c`.
fn pinning_reader(c: usize) -> Reader {
    if c == 0 {
        Reader::Flags
    } else {
        Reader::Table
    }
}

/// Rules 1, 2 and 4 for one masked cell, solving as few programmes as what
/// was seen allows.
pub(crate) fn cell_findings(cells: &Cells, seen: &mut Seen, cell: usize) -> Result<Vec<Finding>> {
    let mut findings = Vec::new();
    if !cells.flags[cell].masked() {
        return Ok(findings);
    }
    for c in 0..cells.columns.len() {
        if cells.flags[cell].may_be_small() {
            if let Some(f) = small(cells, seen, c, cell)? {
                findings.push(f);
            }
        }
        if let Some(f) = pinned(cells, seen, c, cell)? {
            findings.push(f);
        }
    }
    Ok(findings)
}

/// Whether an upper bound reaches the threshold (rule 1 cannot hold).
fn reaches(cells: &Cells, c: usize, hi: f64) -> bool {
    cells.round_upper(c, hi) >= cells.threshold - LP_TOLERANCE
}

/// Whether a lower bound allows 0 (rule 1 cannot hold).
fn zero(cells: &Cells, c: usize, lo: f64) -> bool {
    cells.round_lower(c, lo) <= LP_TOLERANCE
}

/// Whether two values round to different whole numbers (not pinned).
fn apart(cells: &Cells, c: usize, lo: f64, hi: f64) -> bool {
    cells.round_upper(c, hi) - cells.round_lower(c, lo) >= LP_TOLERANCE
}

/// Whether what was seen already clears `cell` in column `c` of rule 1
/// (`small`) or of rule 2. Bounds only widen from what was seen.
fn cleared(cells: &Cells, seen: &Seen, c: usize, cell: usize, small: bool) -> bool {
    if small {
        seen.get(c, Reader::Table, cell)
            .is_some_and(|(lo, hi)| reaches(cells, c, hi) || zero(cells, c, lo))
    } else {
        let reader = pinning_reader(c);
        pinned_by_prior(cells, c, reader, cell)
            || seen
                .get(c, reader, cell)
                .is_some_and(|(lo, hi)| apart(cells, c, lo, hi))
    }
}

/// Rule 1 for a primary cell in column `c`.
fn small(cells: &Cells, seen: &mut Seen, c: usize, cell: usize) -> Result<Option<Finding>> {
    let reaches = |hi: f64| reaches(cells, c, hi);
    let zero = |lo: f64| zero(cells, c, lo);
    if cleared(cells, seen, c, cell, true) {
        return Ok(None);
    }
    let Some(hi) = extreme(cells, seen, c, Reader::Table, cell, true)? else {
        return Ok(None); // the table itself is contradictory: nothing derived
    };
    if reaches(hi) {
        return Ok(None);
    }
    let Some(lo) = extreme(cells, seen, c, Reader::Table, cell, false)? else {
        return Ok(None);
    };
    Ok((!zero(lo)).then(|| Finding::Small {
        column: c,
        lower: cells.round_lower(c, lo),
        upper: cells.round_upper(c, hi),
    }))
}

/// Rules 2 and 4 for a masked cell in column `c`.
fn pinned(cells: &Cells, seen: &mut Seen, c: usize, cell: usize) -> Result<Option<Finding>> {
    let reader = pinning_reader(c);
    let apart = |lo: f64, hi: f64| apart(cells, c, lo, hi);
    if cleared(cells, seen, c, cell, false) {
        return Ok(None);
    }
    let Some(hi) = extreme(cells, seen, c, reader, cell, true)? else {
        return Ok(Some(Finding::Contradiction { column: c }));
    };
    if let Some((lo, _)) = seen.get(c, reader, cell) {
        if apart(lo, hi) {
            return Ok(None);
        }
    }
    let Some(lo) = extreme(cells, seen, c, reader, cell, false)? else {
        return Ok(Some(Finding::Contradiction { column: c }));
    };
    let (lo, hi) = (cells.round_lower(c, lo), cells.round_upper(c, hi));
    Ok((hi - lo < LP_TOLERANCE).then_some(Finding::Pinned {
        column: c,
        value: lo,
        flags: reader == Reader::Flags,
    }))
}

/// How many programmes [`certify`] solves per set of linked cells and reader.
const CERTIFY_ROUNDS: usize = 4;

/// Clear many cells at once before they are audited one by one.
///
/// Over each set of linked hidden cells, a programme pushes every cell not
/// yet cleared up (a primary cell capped at the threshold for rule 1, every
/// cell at the column's largest count plus the threshold, so that the
/// programme is bounded) and another pushes them down. Their points are
/// tables the reader must consider (a cap only narrows the programme), so
/// each cell that moves off its other values is cleared. Repeated while it
/// clears more.
pub(crate) fn certify(cells: &Cells, seen: &mut Seen) -> Result<()> {
    certify_near(cells, seen, &vec![true; cells.len()])
}

/// [`certify`] over the cells linked to those marked `near`.
pub(crate) fn certify_near(cells: &Cells, seen: &mut Seen, near: &[bool]) -> Result<()> {
    let t = cells.threshold;
    for c in 0..cells.columns.len() {
        let largest = cells.counts[c]
            .iter()
            .flatten()
            .fold(0.0f64, |m, v| m.max(*v));
        let cap = largest + t.ceil() + 1.0;
        let readers: &[Reader] = if c == 0 {
            &[Reader::Table, Reader::Flags]
        } else {
            &[Reader::Table]
        };
        let mut done = vec![false; cells.len()];
        for start in 0..cells.len() {
            if done[start] || !near[start] || !cells.flags[start].masked() {
                continue;
            }
            let component = cells.component(c, start);
            for &i in &component {
                done[i] = true;
            }
            for &reader in readers {
                // (variable, whether for rule 1) of what is not yet cleared.
                let open = |seen: &Seen| -> Vec<(usize, bool)> {
                    let mut open = Vec::new();
                    for (v, &i) in component.iter().enumerate() {
                        if !cells.flags[i].masked() {
                            continue;
                        }
                        let small = reader == Reader::Table && cells.flags[i].may_be_small();
                        if small && !cleared(cells, seen, c, i, true) {
                            open.push((v, true));
                        } else if reader == pinning_reader(c) && !cleared(cells, seen, c, i, false)
                        {
                            open.push((v, false));
                        }
                    }
                    open
                };
                for _ in 0..CERTIFY_ROUNDS {
                    let before = open(seen);
                    if before.is_empty() {
                        break;
                    }
                    let mut programme = cells.programme(c, reader, &component);
                    for b in &mut programme.bounds {
                        b.1 = b.1.min(cap).max(b.0);
                    }
                    for &(v, small) in &before {
                        if small {
                            let b = &mut programme.bounds[v];
                            b.1 = b.1.min(t.ceil()).max(b.0);
                        }
                    }
                    let objective: Vec<(usize, f64)> =
                        before.iter().map(|&(v, _)| (v, 1.0)).collect();
                    let what = || {
                        format!(
                            "the cells linked to {} in `{}`",
                            cells.space.name(start),
                            cells.columns[c]
                        )
                    };
                    for maximise in [true, false] {
                        if let Extreme::At(_, point) =
                            programme.optimum(&objective, maximise, &what)?
                        {
                            seen.record(c, reader, cells.len(), &component, &point);
                        }
                    }
                    if open(seen).len() == before.len() {
                        break;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Rule 3 for line `l`, in every count column.
pub(crate) fn line_findings(cells: &Cells, l: usize) -> Vec<Finding> {
    (0..cells.columns.len())
        .filter_map(|c| {
            let sum = cells.masked_sum(c, l)?;
            cells
                .small(sum)
                .then_some(Finding::SmallSum { column: c, sum })
        })
        .collect()
}

/// The full audit: both intervals of every masked cell in the first count
/// column and every rule, per cell (a small sum at the line's total).
pub(crate) fn audit(cells: &Cells) -> Result<Vec<CellAudit>> {
    let mut seen = Seen::new(cells);
    certify(cells, &mut seen)?;
    let mut out = vec![CellAudit::default(); cells.len()];
    for (cell, result) in out.iter_mut().enumerate() {
        if cells.flags[cell].masked() {
            result.table = interval(cells, &mut seen, 0, Reader::Table, cell)?;
            result.flags = interval(cells, &mut seen, 0, Reader::Flags, cell)?;
            result.findings = cell_findings(cells, &mut seen, cell)?;
        } else {
            for (c, values) in cells.counts.iter().enumerate() {
                if let Some(v) = values[cell].filter(|v| cells.small(*v)) {
                    result.findings.push(Finding::PublishedSmall {
                        column: c,
                        value: v,
                    });
                }
            }
        }
    }
    for l in 0..cells.lines().len() {
        let total = cells.lines()[l].total;
        out[total].findings.extend(line_findings(cells, l));
    }
    Ok(out)
}
