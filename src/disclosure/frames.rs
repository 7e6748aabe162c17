//! Frames in and out: the cells of one or several tables read with their
//! counts and flags (the primary rule applied), and the tables written back
//! with their masks or their audit.

use polars::prelude::*;

use super::audit::CellAudit;
use super::cells::{Cells, ADDITIVE_TOLERANCE};
use super::lines::Flag;
use super::structure::{space, Space};
use super::{Suppression, FLAG_COLUMN};
use crate::error::{Error, Result};
use crate::measure::{column_of, f64_values, COUNT_COLUMNS, DERIVED_COLUMNS};

/// Columns the audit adds (see [`Suppression::audit`]).
pub(crate) const AUDIT_COLUMNS: [&str; 6] = [
    "audit_lower",
    "audit_upper",
    "audit_lower_flags",
    "audit_upper_flags",
    "audit_passed",
    "audit_findings",
];

/// The cells of `tables`; with `primary`, counts from 1 to below the
/// threshold are flagged too (else only the `suppressed` column counts).
pub(crate) fn read(s: &Suppression, tables: &[DataFrame], primary: bool) -> Result<Cells> {
    if !(s.threshold.is_finite() && s.threshold >= 1.0) {
        return Err(Error::argument(
            "threshold",
            "threshold must be a finite number >= 1",
            s.threshold,
        ));
    }
    let Some(first) = tables.first() else {
        return Err(Error::argument("tables", "give at least one table", "none"));
    };
    let columns = count_columns(s, first)?;
    let space = if s.margins.is_empty() && s.hierarchies.is_empty() {
        unlinked(tables)
    } else {
        space(tables, &s.keys, &s.margins, &s.hierarchies)?
    };
    let n = space.labels.len();
    let mut counts: Vec<Vec<Option<f64>>> = vec![vec![None; n]; columns.len()];
    let mut flags = vec![Flag::None; n];
    for (t, table) in tables.iter().enumerate() {
        let cell_of = &space.rows[t];
        let mut row_flags = existing_flags(table)?;
        for (c, column) in columns.iter().enumerate() {
            column_of(table, column, "count")?;
            let values = f64_values(table, column)?;
            if let Some(row) = values
                .iter()
                .position(|v| v.is_some_and(|v| v.is_nan() || v < 0.0))
            {
                return Err(Error::data(
                    column,
                    "counts to suppress must be 0 or more",
                    values[row].unwrap_or_default(),
                    format!("in row {row}"),
                ));
            }
            for (row, v) in values.iter().enumerate() {
                let Some(v) = *v else { continue };
                if primary && row_flags[row] == Flag::None && v > 0.0 && v < s.threshold {
                    row_flags[row] = Flag::Primary;
                }
                let cell = cell_of[row];
                match counts[c][cell] {
                    Some(other) if (other - v).abs() > ADDITIVE_TOLERANCE * v.abs().max(1.0) => {
                        return Err(Error::data(
                            column,
                            "a cell in several tables must have the same count in each",
                            format!("{other} and {v}"),
                            format!("at {}", space.name(cell)),
                        ));
                    }
                    _ => counts[c][cell] = Some(v),
                }
            }
        }
        for (row, flag) in row_flags.into_iter().enumerate() {
            let cell = cell_of[row];
            flags[cell] = match (flags[cell], flag) {
                (Flag::Primary, _) | (_, Flag::Primary) => Flag::Primary,
                (Flag::Secondary, _) | (_, Flag::Secondary) => Flag::Secondary,
                (Flag::Masked, _) | (_, Flag::Masked) => Flag::Masked,
                _ => Flag::None,
            };
        }
    }
    Ok(Cells::new(space, columns, counts, flags, s.threshold))
}

/// Tables without totals: every row its own cell, no lines.
fn unlinked(tables: &[DataFrame]) -> Space {
    let mut rows = Vec::with_capacity(tables.len());
    let mut next = 0;
    for t in tables {
        rows.push((next..next + t.height()).collect());
        next += t.height();
    }
    Space {
        labels: vec![Vec::new(); next],
        keys: Vec::new(),
        rows,
        lines: Vec::new(),
    }
}

fn count_columns(s: &Suppression, table: &DataFrame) -> Result<Vec<String>> {
    let counts: Vec<String> = if s.counts.is_empty() {
        COUNT_COLUMNS
            .iter()
            .filter(|c| table.schema().contains(c))
            .map(|c| c.to_string())
            .collect()
    } else {
        s.counts.clone()
    };
    if counts.is_empty() {
        return Err(Error::argument(
            "counts",
            "name the count columns to test (the table has no `numerator` or `denominator`)",
            "none",
        ));
    }
    for c in &counts {
        let column = column_of(table, c, "count")?;
        if !column.dtype().is_primitive_numeric() {
            return Err(Error::WrongDtype {
                column: c.clone(),
                role: "count".into(),
                expected: "numeric (integer or float)".into(),
                found: column.dtype().to_string(),
            });
        }
    }
    Ok(counts)
}

/// Flags of an already suppressed table (so that suppression is idempotent).
fn existing_flags(table: &DataFrame) -> Result<Vec<Flag>> {
    let Ok(column) = table.column(FLAG_COLUMN) else {
        return Ok(vec![Flag::None; table.height()]);
    };
    let column = column.cast(&DataType::String)?;
    column
        .str()?
        .iter()
        .map(|v| {
            let v = v.unwrap_or("none");
            Flag::parse(v).ok_or_else(|| {
                Error::data(
                    FLAG_COLUMN,
                    "flags must be none, primary, secondary or masked",
                    format!("{v:?}"),
                    "",
                )
            })
        })
        .collect()
}

/// Table `t` with its masked rows' counts and derived values null, its
/// status `suppressed` and the flag column.
pub(crate) fn masked(
    s: &Suppression,
    cells: &Cells,
    table: &DataFrame,
    t: usize,
) -> Result<DataFrame> {
    let flags: Vec<Flag> = cells.space.rows[t]
        .iter()
        .map(|&c| cells.flags[c])
        .collect();
    let mask: BooleanChunked = flags.iter().map(|f| f.masked()).collect();
    let mut masked_columns: Vec<&str> = cells.columns.iter().map(String::as_str).collect();
    masked_columns.extend(s.also.iter().map(String::as_str));
    masked_columns.extend(
        DERIVED_COLUMNS
            .iter()
            .copied()
            .filter(|c| table.schema().contains(c)),
    );
    let mut out = table.clone();
    for name in masked_columns {
        let column = column_of(table, name, "column to mask")?;
        let nulls = Column::full_null(name.into(), table.height(), column.dtype());
        let kept = column.zip_with(&!&mask, &nulls)?;
        out.with_column(kept)?;
    }
    if let Ok(status) = table.column("status") {
        let reason = Column::new("status".into(), vec!["suppressed"; table.height()]);
        out.with_column(reason.zip_with(&mask, &status.cast(&DataType::String)?)?)?;
    }
    let labels: Vec<&str> = flags.iter().map(|f| f.label()).collect();
    out.with_column(Column::new(FLAG_COLUMN.into(), labels))?;
    Ok(out)
}

/// One bound of a cell's audit.
type Bound = fn(&CellAudit) -> Option<f64>;

/// Table `t` with the flag column and the audit's columns.
pub(crate) fn audited(
    cells: &Cells,
    audits: &[CellAudit],
    table: &DataFrame,
    t: usize,
) -> Result<DataFrame> {
    let rows = &cells.space.rows[t];
    let mut out = table.clone();
    let labels: Vec<&str> = rows.iter().map(|&c| cells.flags[c].label()).collect();
    out.with_column(Column::new(FLAG_COLUMN.into(), labels))?;
    let [lower, upper, lower_flags, upper_flags, passed, findings] = AUDIT_COLUMNS;
    let bounds: [(&str, Bound); 4] = [
        (lower, |a| a.table.map(|i| i.lower)),
        (upper, |a| a.table.map(|i| i.upper)),
        (lower_flags, |a| a.flags.map(|i| i.lower)),
        (upper_flags, |a| a.flags.map(|i| i.upper)),
    ];
    for (name, bound) in bounds {
        let values: Vec<Option<f64>> = rows.iter().map(|&c| bound(&audits[c])).collect();
        out.with_column(Column::new(name.into(), values))?;
    }
    let ok: Vec<bool> = rows
        .iter()
        .map(|&c| audits[c].findings.is_empty())
        .collect();
    out.with_column(Column::new(passed.into(), ok))?;
    let words: Vec<Option<String>> = rows
        .iter()
        .map(|&c| {
            let f = &audits[c].findings;
            (!f.is_empty()).then(|| {
                f.iter()
                    .map(|f| f.describe(&cells.columns))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        })
        .collect();
    out.with_column(Column::new(findings.into(), words))?;
    Ok(out)
}
