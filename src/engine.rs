//! Where the queries over records run: polars' streaming engine. It reads,
//! filters, joins and aggregates in one pipeline on every core without
//! holding the intermediate rows, which is what lets the national volumes
//! (≈ 100 million visits) fit in memory and keeps the library as fast as a
//! hand-written polars query. Its results carry no row order: a caller that
//! needs one sorts.

use polars::prelude::*;

use crate::error::Result;

/// Run one query.
pub(crate) fn collect(query: LazyFrame) -> Result<DataFrame> {
    Ok(query
        .collect_with_engine(Engine::Streaming)?
        .unwrap_single())
}

/// Whether a column type holds whole numbers only (integers, booleans).
pub(crate) fn is_whole(dtype: &DataType) -> bool {
    dtype.is_integer() || dtype.is_bool()
}

/// Run a query of sums: with the streaming engine when they are sums of
/// `whole` numbers, which are exact in any order of addition (the figures
/// are the same digit for digit on every run); else with the in-memory
/// engine, which adds in a fixed order.
pub(crate) fn collect_sums(query: LazyFrame, whole: bool) -> Result<DataFrame> {
    if whole {
        collect(query)
    } else {
        Ok(query.collect()?)
    }
}

/// Run several queries at once; the parts of their plans they share (a join
/// both read, say) run once.
pub(crate) fn collect_all<const N: usize>(queries: [LazyFrame; N]) -> Result<[DataFrame; N]> {
    let plans = queries.into_iter().map(|q| q.logical_plan).collect();
    let results =
        LazyFrame::collect_all_with_engine(plans, Engine::Streaming, OptFlags::default())?;
    let got = results.len();
    Ok(results
        .try_into()
        .map_err(|_| polars_err!(ComputeError: "{N} queries gave {got} results"))?)
}
