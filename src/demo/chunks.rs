//! Tables generated whole but turned into frames a slice of rows at a time.
//!
//! At national scale (`--scale 100`) the visits and the referrals run to
//! about 95 and 78 million rows: as frames of text columns they would not
//! fit in memory together with what made them. Their generators keep each
//! row as a small record (indices into the region's names, day numbers,
//! flags) and build the frame of any range of rows on demand, so that the
//! writer turns them into Parquet row groups one chunk at a time.

use std::ops::Range;

use polars::prelude::*;

use crate::error::Result;

/// Rows written per Parquet row group, and built as a frame at once.
pub(crate) const CHUNK_ROWS: usize = 1 << 21;

/// A table whose rows are made into frames on demand.
pub(crate) trait RowSource {
    /// The number of rows.
    fn height(&self) -> usize;
    /// The frame of `rows` (a range within `0..height()`).
    fn frame(&self, rows: Range<usize>) -> Result<DataFrame>;
}

/// One generated table: a frame, or rows made into frames on demand.
pub(crate) enum Table {
    Frame(DataFrame),
    Rows(Box<dyn RowSource>),
}

impl Table {
    /// The number of rows.
    pub fn height(&self) -> usize {
        match self {
            Table::Frame(f) => f.height(),
            Table::Rows(r) => r.height(),
        }
    }

    /// The whole table as one frame.
    pub fn into_frame(self) -> Result<DataFrame> {
        match self {
            Table::Frame(f) => Ok(f),
            Table::Rows(r) => r.frame(0..r.height()),
        }
    }

    /// The table as frames of at most [`CHUNK_ROWS`] rows, in order (a
    /// frame is one chunk; an empty table gives one empty frame, so that
    /// its file still has the columns).
    pub fn chunks(&self) -> Box<dyn Iterator<Item = Result<DataFrame>> + '_> {
        match self {
            Table::Frame(f) => Box::new(std::iter::once(Ok(f.clone()))),
            Table::Rows(r) => {
                let n = r.height();
                let starts = (0..n.max(1)).step_by(CHUNK_ROWS);
                Box::new(starts.map(move |s| r.frame(s..(s + CHUNK_ROWS).min(n))))
            }
        }
    }
}

/// A small table of names, each row holding its index.
#[derive(Debug, Default)]
pub(crate) struct Names(Vec<&'static str>);

impl Names {
    /// The index of `name`, added if new (the generator has a few dozen
    /// names of a kind).
    pub fn index(&mut self, name: &'static str) -> u16 {
        let at = match self.0.iter().position(|n| *n == name) {
            Some(i) => i,
            None => {
                self.0.push(name);
                self.0.len() - 1
            }
        };
        at as u16
    }

    /// The name of `index`.
    pub fn get(&self, index: u16) -> &'static str {
        self.0[usize::from(index)]
    }
}

/// A `String` column of `prefix` and a zero-padded number per row.
pub(crate) fn numbered(
    name: &str,
    prefix: char,
    width: usize,
    numbers: impl ExactSizeIterator<Item = usize>,
) -> Column {
    use std::fmt::Write;
    let mut builder = StringChunkedBuilder::new(name.into(), numbers.len());
    let mut text = String::new();
    for n in numbers {
        text.clear();
        let _ = write!(text, "{prefix}{n:0width$}");
        builder.append_value(&text);
    }
    builder.finish().into_column()
}

/// All rows of `rows` as one frame.
#[cfg(test)]
pub(crate) fn whole(rows: &impl RowSource) -> Result<DataFrame> {
    rows.frame(0..rows.height())
}
