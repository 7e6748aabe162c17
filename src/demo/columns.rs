//! Building polars columns from the generators' plain vectors.

use polars::prelude::*;

/// A `Date` column from day numbers.
pub(crate) fn dates(name: &str, days: Vec<i32>) -> Column {
    Int32Chunked::from_vec(name.into(), days)
        .into_date()
        .into_column()
}

/// A `Date` column with nulls.
pub(crate) fn optional_dates(name: &str, days: &[Option<i32>]) -> Column {
    Int32Chunked::from_slice_options(name.into(), days)
        .into_date()
        .into_column()
}

/// A `String` column of texts picked by index from `values` (no copy per row).
pub(crate) fn texts_by_index(name: &str, values: &[String], index: &[u32]) -> Column {
    StringChunked::from_iter_values(
        name.into(),
        index.iter().map(|&i| values[i as usize].as_str()),
    )
    .into_column()
}

/// A `String` column of static texts.
pub(crate) fn texts(name: &str, values: Vec<&'static str>) -> Column {
    Column::new(name.into(), values)
}

/// A frame from columns of equal length.
pub(crate) fn frame(columns: Vec<Column>) -> crate::Result<DataFrame> {
    let height = columns.first().map_or(0, Column::len);
    Ok(DataFrame::new(height, columns)?)
}
