//! The wrappers of small-number suppression and its audit.
//!
//! The options cross the boundary as one typed object, [`SuppressionOptions`]
//! (a dict with fixed keys on the Python side), mirrored by [`Suppression`].

use polars::prelude::DataFrame;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::errors::detached;
use crate::disclosure::{Hierarchy, Margin, Suppression};

/// The totals of one key column: the label of its total, or a hierarchy as
/// (label, parent label) pairs.
#[derive(FromPyObject)]
pub(crate) enum Totals {
    /// `{"sex": "Totalt"}`.
    Label(String),
    /// `{"kommun": {"2380": "Jämtland", ...}}`, passed as pairs.
    Tree(Vec<(String, String)>),
}

/// Every option of `ik.suppress` and `ik.suppression_audit`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(crate) struct SuppressionOptions {
    threshold: f64,
    counts: Vec<String>,
    also: Vec<String>,
    totals: Vec<(String, Totals)>,
    keys: Vec<String>,
}

impl From<SuppressionOptions> for Suppression {
    fn from(o: SuppressionOptions) -> Suppression {
        let mut s = Suppression::new()
            .threshold(o.threshold)
            .counts(o.counts)
            .also(o.also)
            .keys(o.keys);
        for (column, totals) in o.totals {
            s = match totals {
                Totals::Label(total) => s.margin(Margin { column, total }),
                Totals::Tree(pairs) => s.hierarchy(Hierarchy::new(column, pairs)),
            };
        }
        s
    }
}

/// Run `f` over the tables with the GIL released.
fn over_tables(
    py: Python<'_>,
    tables: Vec<PyDataFrame>,
    options: SuppressionOptions,
    f: fn(&Suppression, &[DataFrame]) -> crate::Result<Vec<DataFrame>>,
) -> PyResult<Vec<PyDataFrame>> {
    let suppression = Suppression::from(options);
    let tables: Vec<DataFrame> = tables.into_iter().map(|t| t.0).collect();
    let out = detached(py, move || f(&suppression, &tables))?;
    Ok(out.into_iter().map(PyDataFrame).collect())
}

#[pyfunction]
pub(crate) fn suppress(
    py: Python<'_>,
    tables: Vec<PyDataFrame>,
    options: SuppressionOptions,
) -> PyResult<Vec<PyDataFrame>> {
    over_tables(py, tables, options, Suppression::apply_together)
}

#[pyfunction]
pub(crate) fn suppression_audit(
    py: Python<'_>,
    tables: Vec<PyDataFrame>,
    options: SuppressionOptions,
) -> PyResult<Vec<PyDataFrame>> {
    over_tables(py, tables, options, Suppression::audit_together)
}
