//! The one input type of the API: every function and method that reads a
//! table takes `impl IntoFrame`, which a `DataFrame`, a `&DataFrame` and a
//! `LazyFrame` all are. A result of the crate goes into the next call as it
//! comes, a scan of a Parquet file goes in unread, and a caller never writes
//! `.lazy()` or `.collect()` to please a signature.

use polars::prelude::*;

use crate::error::Result;

mod sealed {
    use polars::prelude::{DataFrame, LazyFrame};

    pub trait Sealed {}
    impl Sealed for DataFrame {}
    impl Sealed for &DataFrame {}
    impl Sealed for LazyFrame {}
}

/// A table as the crate's functions take it: a `DataFrame`, a `&DataFrame`
/// (cloned cheaply: polars shares the columns) or a `LazyFrame` (a query or
/// a scan, run when the function needs its rows).
///
/// Sealed: the three kinds of polars table are the inputs; the crate may add
/// methods without breaking a user.
///
/// ```
/// use indikator::prelude::*;
///
/// let waits = df!(
///     "kommun" => ["2380", "2309"],
///     "within_limit" => [410i64, 96],
///     "completed" => [450i64, 120],
/// )?;
/// let share = Proportion::new("within_limit", "completed").by("kommun");
/// // The same call takes the frame, a borrow of it, or a lazy query.
/// let from_frame = share.compute(&waits)?;
/// let from_query = share.compute(waits.clone().lazy().filter(col("completed").gt(0)))?;
/// assert!(from_frame.equals_missing(&from_query));
/// let owned = share.compute(waits)?;
/// assert_eq!(owned.height(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait IntoFrame: sealed::Sealed {
    /// The table as a lazy query (no rows are read here).
    ///
    /// A borrowed frame of the kommuner's populations, filtered lazily:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let kommuner = df!(
    ///     "kommun" => ["2380", "2309", "2321", "2326"],
    ///     "population" => [64_000i64, 15_600, 12_000, 7_000],
    /// )?;
    /// let query = (&kommuner).into_lazy_frame().filter(col("population").gt(lit(10_000)));
    /// assert_eq!(query.collect()?.height(), 3); // Östersund, Krokom, Åre
    /// assert_eq!(kommuner.height(), 4); // the frame itself is untouched
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn into_lazy_frame(self) -> LazyFrame;

    /// The table's rows (a lazy query is run here).
    ///
    /// # Errors
    /// [`crate::Error::Polars`] when a lazy query fails (a missing column, a
    /// file that cannot be read).
    ///
    /// A query is run here, and a query naming a missing column fails here:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let deaths = df!("kommun" => ["2380", "2326"], "deaths" => [640i64, 95])?;
    /// let ostersund = deaths.clone().lazy().filter(col("kommun").eq(lit("2380"))).into_data_frame()?;
    /// assert_eq!(ostersund.column("deaths")?.i64()?.get(0), Some(640));
    /// let err = deaths.lazy().select([col("population")]).into_data_frame().unwrap_err();
    /// assert!(matches!(err, Error::Polars(_)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn into_data_frame(self) -> Result<DataFrame>;
}

impl IntoFrame for DataFrame {
    fn into_lazy_frame(self) -> LazyFrame {
        self.lazy()
    }

    fn into_data_frame(self) -> Result<DataFrame> {
        Ok(self)
    }
}

impl IntoFrame for &DataFrame {
    fn into_lazy_frame(self) -> LazyFrame {
        self.clone().lazy()
    }

    fn into_data_frame(self) -> Result<DataFrame> {
        Ok(self.clone())
    }
}

impl IntoFrame for LazyFrame {
    fn into_lazy_frame(self) -> LazyFrame {
        self
    }

    fn into_data_frame(self) -> Result<DataFrame> {
        Ok(self.collect()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_query_is_an_error_not_a_panic() {
        let frame = df!("a" => [1i64]).unwrap();
        let query = frame.lazy().select([col("missing")]);
        let err = query.into_data_frame().unwrap_err();
        assert!(err.to_string().contains("missing"), "{err}");
    }

    #[test]
    fn the_three_inputs_give_the_same_rows() {
        let frame = df!("a" => [1i64, 2, 3]).unwrap();
        let by_ref = (&frame).into_data_frame().unwrap();
        let lazy = frame.clone().lazy().into_data_frame().unwrap();
        let owned = frame.clone().into_data_frame().unwrap();
        assert!(by_ref.equals(&frame) && lazy.equals(&frame) && owned.equals(&frame));
    }
}
