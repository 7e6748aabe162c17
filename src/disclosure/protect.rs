//! Protection that passes the audit: mask further cells until no rule of
//! [`audit`](super::audit) is broken (the steps are in the module
//! documentation of `disclosure`).
//!
//! Masking a cell only widens every interval (what the readers must
//! consider grows), so a cell that passed stays passed and the loop ends:
//! each round masks a cell or gives up on a finding whose linked cells are
//! all masked or zero. Publishing a cell again (pruning) narrows intervals,
//! so what was seen before is dropped and the cells linked to it are
//! audited afresh.

use std::collections::BTreeSet;

use super::audit::{cell_findings, certify, certify_near, line_findings, Seen};
use super::cells::Cells;
use super::lines::{protect_with, Flag};
use crate::error::Result;

/// How many candidates are tried alone for one finding.
pub(crate) const MAX_TRIALS: usize = 12;

/// Of how many candidates pairs and triples are tried when none mends alone.
pub(crate) const MAX_SET_TRIALS: usize = 6;

/// Something to audit: a cell (rules 1, 2, 4) or a line (rule 3), ordered
/// by the cell (a line by its total), so that the result follows the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Item {
    Cell(usize),
    Line(usize, usize),
}

impl Item {
    fn line(cells: &Cells, l: usize) -> Item {
        Item::Line(cells.lines()[l].total, l)
    }

    fn fails(self, cells: &Cells, seen: &mut Seen) -> Result<bool> {
        Ok(match self {
            Item::Cell(i) => !cell_findings(cells, seen, i)?.is_empty(),
            Item::Line(_, l) => !line_findings(cells, l).is_empty(),
        })
    }
}

/// Mask further cells of `cells` (flag [`Flag::Secondary`]) until the audit
/// passes, or until no candidate is left for what still fails.
///
/// # Errors
/// A programme the solver cannot answer.
pub(crate) fn protect_audited(cells: &mut Cells) -> Result<()> {
    let mut other = cells.clone();
    protect_from(cells, true)?;
    protect_from(&mut other, false)?;
    let cost = |c: &Cells| {
        let masked = (0..c.len()).filter(|&i| c.flags[i].masked());
        let sum: f64 = masked.clone().map(|i| c.counts[0][i].unwrap_or(0.0)).sum();
        (masked.count(), sum)
    };
    if cost(&other) < cost(cells) {
        cells.flags = other.flags;
    }
    Ok(())
}

/// One protection: the greedy first pass (if `greedy`), the audit loop and pruning.
fn protect_from(cells: &mut Cells, greedy: bool) -> Result<()> {
    let sizes: Vec<f64> = cells.counts[0].iter().map(|v| v.unwrap_or(0.0)).collect();
    let lines = cells.lines().to_vec();
    let given = cells.flags.clone();
    if greedy {
        protect_with(&mut cells.flags, &sizes, &lines, false);
    }

    let mut seen = Seen::new(cells);
    certify(cells, &mut seen)?;
    let mut queue: BTreeSet<Item> = (0..cells.len())
        .filter(|&i| cells.flags[i].masked())
        .map(Item::Cell)
        .chain((0..lines.len()).map(|l| Item::line(cells, l)))
        .collect();
    while let Some(item) = queue.pop_first() {
        if !item.fails(cells, &mut seen)? {
            continue;
        }
        let candidates = candidates(cells, &sizes, item);
        let Some(&first) = candidates.first() else {
            continue; // every linked cell is masked or zero: the audit reports it
        };
        seen.learn = false;
        let chosen = mending(cells, &mut seen, item, &candidates)?.unwrap_or_else(|| vec![first]);
        seen.learn = true;
        queue.insert(item);
        for c in chosen {
            cells.flags[c] = Flag::Secondary;
            queue.insert(Item::Cell(c));
            for &l in cells.lines_of(c) {
                queue.insert(Item::line(cells, l));
            }
        }
    }
    prune(cells, &sizes, &given)
}

/// The first set of candidates whose masking mends `item`: one of the first
/// [`MAX_TRIALS`], else two or three of the first [`MAX_SET_TRIALS`].
fn mending(
    cells: &mut Cells,
    seen: &mut Seen,
    item: Item,
    candidates: &[usize],
) -> Result<Option<Vec<usize>>> {
    let mut mends = |cells: &mut Cells, set: &[usize]| -> Result<bool> {
        for &c in set {
            cells.flags[c] = Flag::Secondary;
        }
        let mended = !item.fails(cells, seen)?;
        for &c in set {
            cells.flags[c] = Flag::None;
        }
        Ok(mended)
    };
    for &c in candidates.iter().take(MAX_TRIALS) {
        if mends(cells, &[c])? {
            return Ok(Some(vec![c]));
        }
    }
    let few = &candidates[..candidates.len().min(MAX_SET_TRIALS)];
    for (i, &a) in few.iter().enumerate() {
        for &b in &few[i + 1..] {
            if mends(cells, &[a, b])? {
                return Ok(Some(vec![a, b]));
            }
        }
    }
    for (i, &a) in few.iter().enumerate() {
        for (j, &b) in few.iter().enumerate().skip(i + 1) {
            for &c in &few[j + 1..] {
                if mends(cells, &[a, b, c])? {
                    return Ok(Some(vec![a, b, c]));
                }
            }
        }
    }
    Ok(None)
}

/// Unmask the cells this protection masked that the audit does not need,
/// the largest first (so that what stays masked is few and small).
fn prune(cells: &mut Cells, sizes: &[f64], given: &[Flag]) -> Result<()> {
    let mut masked: Vec<usize> = (0..cells.len())
        .filter(|&i| cells.flags[i] == Flag::Secondary && given[i] == Flag::None)
        .collect();
    masked.sort_by(|&a, &b| {
        (sizes[b], b)
            .partial_cmp(&(sizes[a], a))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    for cell in masked {
        cells.flags[cell] = Flag::None;
        if !passes_near(cells, cell)? {
            cells.flags[cell] = Flag::Secondary;
        }
    }
    Ok(())
}

/// Whether every rule holds where publishing `cell` could break one: the
/// masked cells linked to it through its lines, and its lines.
fn passes_near(cells: &Cells, cell: usize) -> Result<bool> {
    let mut near = vec![false; cells.len()];
    for &l in cells.lines_of(cell) {
        let line = &cells.lines()[l];
        for &j in line.members.iter().chain([&line.total]) {
            if cells.flags[j].masked() && !near[j] {
                for c in 0..cells.columns.len() {
                    for i in cells.component(c, j) {
                        near[i] = true;
                    }
                }
            }
        }
        if !line_findings(cells, l).is_empty() {
            return Ok(false);
        }
    }
    // The tables seen before may have had another value here: start afresh.
    let mut seen = Seen::new(cells);
    certify_near(cells, &mut seen, &near)?;
    for i in (0..cells.len()).filter(|&i| near[i] && cells.flags[i].masked()) {
        if !cell_findings(cells, &mut seen, i)?.is_empty() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The published non-zero cells whose masking may mend `item`, best first.
fn candidates(cells: &Cells, sizes: &[f64], item: Item) -> Vec<usize> {
    let usable = |i: usize| !cells.flags[i].masked() && sizes[i] > 0.0;
    let rank = |i: usize| (cells.is_total(i), sizes[i], i);
    let ranked = |mut found: Vec<usize>| {
        found.sort_by(|&a, &b| {
            rank(a)
                .partial_cmp(&rank(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        found.dedup();
        found
    };
    let in_lines = |lines: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
        let mut found = Vec::new();
        for l in lines {
            let line = &cells.lines()[l];
            found.extend(
                line.members
                    .iter()
                    .chain([&line.total])
                    .copied()
                    .filter(|&i| usable(i)),
            );
        }
        found
    };
    match item {
        Item::Line(_, l) => {
            // Of the line's own cells: members first, then its total.
            let line = &cells.lines()[l];
            let mut members = ranked(
                line.members
                    .iter()
                    .copied()
                    .filter(|&i| usable(i))
                    .collect(),
            );
            if usable(line.total) {
                members.push(line.total);
            }
            members
        }
        Item::Cell(cell) => {
            let near = ranked(in_lines(&mut cells.lines_of(cell).iter().copied()));
            if !near.is_empty() {
                return near;
            }
            let linked = cells.component(0, cell);
            let lines: BTreeSet<usize> = linked
                .iter()
                .flat_map(|&i| cells.lines_of(i).iter().copied())
                .collect();
            ranked(in_lines(&mut lines.into_iter()))
        }
    }
}
