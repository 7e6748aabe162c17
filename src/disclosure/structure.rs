//! The additive structure of one table, or of several published together:
//! which rows are the same cell, and which cells add up to which.
//!
//! A cell is named by its label in every key column. A table without one of
//! the dimension columns (the columns with totals) stands at that
//! dimension's total, so the row `sex = Hela regionen` of a table by sex and
//! the row `kommun = Hela regionen` of a table by kommun are the same cell,
//! the region's total, and are masked together.
//!
//! A dimension is a tree of labels in one key column: a [`Margin`] is the
//! tree of depth one (every other label under the total), a [`Hierarchy`]
//! any tree (kommun → område → region). Among the cells that agree on every
//! other key, each label present is a member of the line of its nearest
//! ancestor present: a table of kommuner and the region, without områden,
//! has the line region = Σ kommuner.
//!
//! Over 500 lines with its tests: reading the cells, the lines and the
//! hierarchies is one job whose parts share the label maps.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use polars::prelude::*;

use super::lines::Line;
use super::Margin;
use crate::error::{Error, Result};
use crate::measure::column_of;

/// A hierarchy of totals in one key column: the parent of each label, e.g.
/// kommun → område → region.
///
/// Rows whose label is a parent hold the sum of the rows of its children
/// (the other keys equal). Exactly one label, the top, has no parent.
///
/// # Example
/// ```
/// use indikator::{Hierarchy, Suppression};
/// use indikator::polars::prelude::*;
///
/// let table = df!(
///     "area" => ["Berg", "Bräcke", "Söder", "Åre", "Krokom", "Norr", "Jämtland"],
///     "numerator" => [3, 12, 15, 9, 11, 20, 35],
/// )?;
/// let areas = Hierarchy::new(
///     "area",
///     [("Berg", "Söder"), ("Bräcke", "Söder"), ("Åre", "Norr"),
///      ("Krokom", "Norr"), ("Söder", "Jämtland"), ("Norr", "Jämtland")],
/// );
/// let out = Suppression::new().hierarchy(areas).apply(&table)?;
/// let masked = out.column("suppressed")?.str()?.iter().filter(|f| *f != Some("none")).count();
/// assert!(masked >= 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hierarchy {
    /// The key column holding every level's labels, e.g. `"kommun"`.
    pub column: String,
    /// Pairs of (label, its parent's label).
    pub parents: Vec<(String, String)>,
}

impl Hierarchy {
    /// A hierarchy in `column` from pairs of (label, parent label).
    ///
    /// Kommuner in two areas of the region; a table with a label the
    /// hierarchy does not know is refused:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Hierarchy;
    ///
    /// let areas = Hierarchy::new(
    ///     "kommun",
    ///     [("Ragunda", "Södra"), ("Bräcke", "Södra"), ("Åre", "Norra"), ("Krokom", "Norra"),
    ///      ("Södra", "Regionen"), ("Norra", "Regionen")],
    /// );
    /// assert_eq!((areas.column.as_str(), areas.parents.len()), ("kommun", 6));
    /// assert_eq!(areas.parents[0], ("Ragunda".to_string(), "Södra".to_string()));
    /// let unknown = df!("kommun" => ["Berg", "Södra"], "numerator" => [3, 11])?;
    /// assert!(Suppression::new().hierarchy(areas).apply(&unknown).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<C, P>(column: impl Into<String>, parents: impl IntoIterator<Item = (C, P)>) -> Self
    where
        C: Into<String>,
        P: Into<String>,
    {
        Hierarchy {
            column: column.into(),
            parents: parents
                .into_iter()
                .map(|(c, p)| (c.into(), p.into()))
                .collect(),
        }
    }
}

/// One dimension with totals: a tree of labels in one key column.
#[derive(Debug, Clone)]
struct Dimension {
    column: String,
    parent: HashMap<String, String>,
    root: String,
}

impl Dimension {
    /// The nearest proper ancestor of `label` among `present`.
    fn ancestor_in<'a>(&'a self, label: &str, present: &HashMap<&str, usize>) -> Option<&'a str> {
        let mut at = self.parent.get(label)?;
        // The chain is finite: the tree was checked to have no cycle.
        loop {
            if present.contains_key(at.as_str()) {
                return Some(at);
            }
            at = self.parent.get(at)?;
        }
    }
}

/// Cells of one or several tables, in the order of their keys, and the lines
/// that bind them.
#[derive(Debug, Clone)]
pub(crate) struct Space {
    /// Every cell's label in each key column; cells are numbered in this order.
    pub labels: Vec<Vec<String>>,
    /// The key columns.
    pub keys: Vec<String>,
    /// For each table, the cell of each of its rows.
    pub rows: Vec<Vec<usize>>,
    /// The additive lines, each member list in cell order.
    pub lines: Vec<Line>,
}

impl Space {
    /// A cell's name for messages, e.g. `kommun=2380, sex=K`.
    pub fn name(&self, cell: usize) -> String {
        self.keys
            .iter()
            .zip(&self.labels[cell])
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The text of a key column (nulls as the empty label).
fn labels_of(table: &DataFrame, column: &str) -> Result<Vec<String>> {
    let column = column_of(table, column, "key")?.cast(&DataType::String)?;
    Ok(column
        .str()?
        .iter()
        .map(|v| v.unwrap_or("").to_string())
        .collect())
}

/// The cells and lines of `tables`, whose totals are `margins` and `hierarchies`.
///
/// # Errors
/// A key or dimension column in none of the tables; a key other than a
/// dimension missing from a table; a margin's total label in none of them;
/// a hierarchy with a label given two parents, a cycle, no single top, no
/// total in the data, or a label in the data it does not know; two rows of
/// one table with the same keys.
pub(crate) fn space(
    tables: &[DataFrame],
    keys: &[String],
    margins: &[Margin],
    hierarchies: &[Hierarchy],
) -> Result<Space> {
    let dimension_columns: Vec<&str> = margins
        .iter()
        .map(|m| m.column.as_str())
        .chain(hierarchies.iter().map(|h| h.column.as_str()))
        .collect();
    let keys: Vec<String> = if keys.is_empty() {
        let mut seen = BTreeSet::new();
        dimension_columns
            .iter()
            .filter(|c| seen.insert(**c))
            .map(|c| c.to_string())
            .collect()
    } else {
        for c in &dimension_columns {
            if !keys.iter().any(|k| k == c) {
                return Err(Error::argument(
                    "keys",
                    "the key columns must include every margin column",
                    format!("`{c}`"),
                ));
            }
        }
        keys.to_vec()
    };
    // Each table's labels per key; a dimension absent from a table is at its total.
    let mut text: Vec<Vec<Option<Vec<String>>>> = Vec::with_capacity(tables.len());
    for table in tables {
        let mut per_key = Vec::with_capacity(keys.len());
        for k in &keys {
            let present = table.schema().contains(k);
            if !present && (tables.len() == 1 || !dimension_columns.contains(&k.as_str())) {
                column_of(table, k, "key")?;
            }
            per_key.push(if present {
                Some(labels_of(table, k)?)
            } else {
                None
            });
        }
        text.push(per_key);
    }
    for c in &dimension_columns {
        if let Some(first) = tables
            .first()
            .filter(|_| !tables.iter().any(|t| t.schema().contains(c)))
        {
            column_of(first, c, "key")?;
        }
    }
    let key_index = |column: &str| keys.iter().position(|k| k == column);
    let mut dimensions = Vec::new();
    for m in margins {
        dimensions.push(margin_dimension(m, &text, key_index(&m.column))?);
    }
    for h in hierarchies {
        dimensions.push(hierarchy_dimension(h, &text, key_index(&h.column))?);
    }
    let position: HashMap<&str, usize> = dimensions
        .iter()
        .filter_map(|d| Some((d.column.as_str(), key_index(&d.column)?)))
        .collect();
    let root_of = |k: usize| {
        dimensions
            .iter()
            .find(|d| position.get(d.column.as_str()) == Some(&k))
            .map(|d| d.root.clone())
            .unwrap_or_default()
    };

    // Every row's name, every distinct name a cell, numbered in key order.
    let mut names: Vec<Vec<Vec<String>>> = Vec::with_capacity(tables.len());
    for (t, table) in tables.iter().enumerate() {
        let mut rows = Vec::with_capacity(table.height());
        for row in 0..table.height() {
            let name: Vec<String> = (0..keys.len())
                .map(|k| match &text[t][k] {
                    Some(values) => values[row].clone(),
                    None => root_of(k),
                })
                .collect();
            rows.push(name);
        }
        names.push(rows);
    }
    let distinct: BTreeSet<&Vec<String>> = names.iter().flatten().collect();
    let labels: Vec<Vec<String>> = distinct.into_iter().cloned().collect();
    let cell_of: HashMap<&Vec<String>, usize> =
        labels.iter().enumerate().map(|(i, n)| (n, i)).collect();
    let mut rows = Vec::with_capacity(tables.len());
    for table_names in &names {
        let mut seen: HashMap<usize, usize> = HashMap::new();
        let mut cells = Vec::with_capacity(table_names.len());
        for (row, name) in table_names.iter().enumerate() {
            let cell = cell_of[name];
            if let Some(first) = seen.insert(cell, row) {
                return Err(Error::data(
                    &keys.join(", "),
                    "a table with totals must have one row per combination of keys",
                    format!("rows {first} and {row} alike"),
                    "",
                ));
            }
            cells.push(cell);
        }
        rows.push(cells);
    }

    let mut lines = Vec::new();
    for d in &dimensions {
        let Some(&k) = position.get(d.column.as_str()) else {
            continue;
        };
        // Cells that agree on every other key, by their label in this one.
        let mut groups: BTreeMap<Vec<&str>, HashMap<&str, usize>> = BTreeMap::new();
        for (cell, name) in labels.iter().enumerate() {
            let rest: Vec<&str> = name
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != k)
                .map(|(_, v)| v.as_str())
                .collect();
            groups
                .entry(rest)
                .or_default()
                .insert(name[k].as_str(), cell);
        }
        let mut found: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for present in groups.values() {
            for (label, &cell) in present {
                if let Some(parent) = d.ancestor_in(label, present) {
                    found.entry(present[parent]).or_default().push(cell);
                }
            }
        }
        for (total, mut members) in found {
            members.sort_unstable();
            lines.push(Line { members, total });
        }
    }
    lines.sort_by(|a, b| (a.total, &a.members).cmp(&(b.total, &b.members)));
    lines.dedup();
    Ok(Space {
        labels,
        keys,
        rows,
        lines,
    })
}

/// Every label seen in one key column of the tables, sorted.
fn seen_labels(text: &[Vec<Option<Vec<String>>>], k: Option<usize>) -> BTreeSet<&str> {
    let Some(k) = k else {
        return BTreeSet::new();
    };
    text.iter()
        .filter_map(|t| t[k].as_ref())
        .flatten()
        .map(String::as_str)
        .collect()
}

fn margin_dimension(
    m: &Margin,
    text: &[Vec<Option<Vec<String>>>],
    k: Option<usize>,
) -> Result<Dimension> {
    let seen = seen_labels(text, k);
    if !seen.contains(m.total.as_str()) {
        return Err(Error::data(
            &m.column,
            "the total label of a margin must occur in its column",
            format!("no row labelled {:?}", m.total),
            "",
        ));
    }
    let parent = seen
        .iter()
        .filter(|l| **l != m.total)
        .map(|l| (l.to_string(), m.total.clone()))
        .collect();
    Ok(Dimension {
        column: m.column.clone(),
        parent,
        root: m.total.clone(),
    })
}

fn hierarchy_dimension(
    h: &Hierarchy,
    text: &[Vec<Option<Vec<String>>>],
    k: Option<usize>,
) -> Result<Dimension> {
    let argument = "hierarchy";
    let mut parent: HashMap<String, String> = HashMap::new();
    for (child, p) in &h.parents {
        if child == p {
            return Err(Error::argument(
                argument,
                "a label cannot be its own parent",
                format!("{child:?} in column `{}`", h.column),
            ));
        }
        if let Some(before) = parent.insert(child.clone(), p.clone()) {
            return Err(Error::argument(
                argument,
                "each label has one parent",
                format!("{child:?} under both {before:?} and {p:?}"),
            ));
        }
    }
    let known: BTreeSet<&str> = parent
        .iter()
        .flat_map(|(c, p)| [c.as_str(), p.as_str()])
        .collect();
    let roots: Vec<&str> = known
        .iter()
        .copied()
        .filter(|l| !parent.contains_key(*l))
        .collect();
    let [root] = roots.as_slice() else {
        return Err(Error::argument(
            argument,
            "a hierarchy has exactly one top label (a parent that has no parent)",
            if roots.is_empty() {
                format!("none in column `{}` (a cycle)", h.column)
            } else {
                format!("{} in column `{}`", roots.join(", "), h.column)
            },
        ));
    };
    // With one top and one parent each, a label whose chain does not reach
    // the top within as many steps as there are labels is on a cycle.
    let children: BTreeSet<&String> = parent.keys().collect();
    for start in children {
        let mut at = start.as_str();
        for _ in 0..=known.len() {
            match parent.get(at) {
                Some(p) => at = p,
                None => break,
            }
        }
        if at != *root {
            return Err(Error::argument(
                argument,
                "a hierarchy cannot have a cycle",
                format!("{start:?} in column `{}`", h.column),
            ));
        }
    }
    let seen = seen_labels(text, k);
    if let Some(unknown) = seen.iter().find(|l| !known.contains(*l)) {
        let known = known.iter().copied().collect::<Vec<_>>().join(", ");
        return Err(Error::data(
            &h.column,
            &format!("every label must be in the hierarchy, which has: {known}"),
            format!("{unknown:?}"),
            "",
        ));
    }
    let parents: BTreeSet<&str> = parent.values().map(String::as_str).collect();
    if !seen.iter().any(|l| parents.contains(l)) {
        let seen = seen.into_iter().collect::<Vec<_>>().join(", ");
        return Err(Error::data(
            &h.column,
            &format!("the hierarchy's totals must occur in its column, which has: {seen}"),
            format!(
                "none of {}",
                parents.into_iter().collect::<Vec<_>>().join(", ")
            ),
            "",
        ));
    }
    Ok(Dimension {
        column: h.column.clone(),
        root: root.to_string(),
        parent,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn margin(column: &str, total: &str) -> Margin {
        Margin {
            column: column.into(),
            total: total.into(),
        }
    }

    #[test]
    fn rows_of_two_tables_at_the_same_total_are_one_cell() {
        let by_kommun = df!("kommun" => ["A", "B", "R"], "x" => [1, 2, 3]).unwrap();
        let by_sex = df!("sex" => ["K", "M", "R"], "x" => [1, 2, 3]).unwrap();
        let s = space(
            &[by_kommun, by_sex],
            &[],
            &[margin("kommun", "R"), margin("sex", "R")],
            &[],
        )
        .unwrap();
        // kommun × sex names: (A,R) (B,R) (R,K) (R,M) (R,R)
        assert_eq!(s.labels.len(), 5);
        assert_eq!(s.rows[0][2], s.rows[1][2]);
        assert_eq!(
            s.lines,
            [
                Line {
                    members: vec![0, 1],
                    total: 4
                },
                Line {
                    members: vec![2, 3],
                    total: 4
                }
            ]
        );
    }

    #[test]
    fn a_missing_level_links_members_to_the_nearest_total_present() {
        let t = df!("area" => ["a", "b", "c", "N", "R"], "x" => [1, 1, 1, 2, 3]).unwrap();
        let h = Hierarchy::new(
            "area",
            [("a", "N"), ("b", "N"), ("c", "S"), ("N", "R"), ("S", "R")],
        );
        let s = space(&[t], &[], &[], &[h]).unwrap();
        // Cells in label order: N=0, R=1, a=2, b=3, c=4.
        assert_eq!(
            s.lines,
            [
                Line {
                    members: vec![2, 3],
                    total: 0
                },
                Line {
                    members: vec![0, 4],
                    total: 1
                }
            ]
        );
    }

    #[test]
    fn hierarchies_are_checked() {
        let t = df!("area" => ["a", "b", "R"], "x" => [1, 1, 2]).unwrap();
        let err = |h: Hierarchy| {
            space(std::slice::from_ref(&t), &[], &[], &[h])
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(Hierarchy::new("area", [("a", "R")])),
            "column `area`: every label must be in the hierarchy, which has: R, a; found \"b\""
        );
        assert_eq!(
            err(Hierarchy::new("area", [("a", "R"), ("b", "Q")])),
            "argument `hierarchy`: a hierarchy has exactly one top label (a parent that has no parent); got Q, R in column `area`"
        );
        assert_eq!(
            err(Hierarchy::new("area", [("a", "R"), ("a", "b"), ("b", "R")])),
            "argument `hierarchy`: each label has one parent; got \"a\" under both \"R\" and \"b\""
        );
        assert_eq!(
            err(Hierarchy::new("area", [("a", "b"), ("b", "a"), ("R", "Q")])),
            "argument `hierarchy`: a hierarchy cannot have a cycle; got \"a\" in column `area`"
        );
        assert_eq!(
            err(Hierarchy::new("area", [("a", "X"), ("b", "X"), ("R", "X")])),
            "column `area`: the hierarchy's totals must occur in its column, which has: R, a, b; found none of X"
        );
    }
}
