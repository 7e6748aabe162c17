//! Counts per group, with Poisson limits.

use polars::prelude::*;

use super::aggregate::{f64_values, summarise, Input};
use super::common::{Common, Statistic};
use super::grouping::PoolMethod;
use super::output::{Estimate, Status, Table};
use super::rate::scaled_poisson_limits;
use crate::error::Result;
use crate::input::IntoFrame;

/// The number of records per group, or the sum of a count column.
///
/// # Method
/// The value is the count; its limits are the exact Poisson limits below
/// 10 and Byar's from 10 on, as for the numerator of a rate. `numerator`
/// holds the count and `denominator` is empty.
///
/// # Errors
/// A missing or non-numeric count column, negative counts, null group keys.
///
/// # Example
/// ```
/// use indikator::{Count, Statistic};
/// use indikator::polars::prelude::*;
///
/// let sip = df!("kommun" => ["Åre", "Åre", "Berg"], "plan_id" => [1, 2, 3])?;
/// let counts = Count::rows().by(["kommun"]).compute(sip.lazy())?;
/// // Groups are sorted: "Berg" before "Åre".
/// assert_eq!(counts.column("value")?.f64()?.get(1), Some(2.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Count {
    /// Column to sum; `None` counts rows.
    pub column: Option<String>,
    /// Grouping, confidence, output.
    pub common: Common,
}

impl Count {
    /// Count the records (rows) of each group.
    ///
    /// One row per SIP (samordnad individuell plan), counted by kommun:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let plans = df!("kommun" => ["Strömsund", "Bräcke", "Strömsund", "Strömsund"], "plan_id" => [101i64, 102, 103, 104])?;
    /// let counts = Count::rows().by("kommun").compute(&plans)?;
    /// // Sorted: Bräcke 1, Strömsund 3; the count is the numerator too.
    /// assert_eq!(counts.column("value")?.f64()?.iter().flatten().collect::<Vec<_>>(), [1.0, 3.0]);
    /// assert_eq!(counts.column("numerator")?.f64()?.get(1), Some(3.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rows() -> Self {
        Count::default()
    }

    /// Sum the counts in `column` per group.
    ///
    /// Fall injuries 65+ reported per quarter, summed by kommun:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let falls = df!("kommun" => ["Östersund", "Östersund", "Åre", "Åre"], "injuries" => [120i64, 95, 14, 6])?;
    /// let counts = Count::of("injuries").by("kommun").compute(&falls)?;
    /// let values: Vec<_> = counts.column("value")?.f64()?.iter().flatten().collect();
    /// assert_eq!(values, [20.0, 215.0]); // sorted by code point: Å before Ö
    /// assert_eq!(counts.column("method")?.str()?.get(1), Some("Byar")); // limits of 10 or more
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(column: impl Into<String>) -> Self {
        Count {
            column: Some(column.into()),
            common: Common::default(),
        }
    }
}

const ROWS: &str = "rows";

impl Statistic for Count {
    fn common_mut(&mut self) -> &mut Common {
        &mut self.common
    }

    fn compute(&self, data: impl IntoFrame) -> Result<DataFrame> {
        let data = data.into_lazy_frame();
        let levels = self.common.confidence.levels();
        let (keys, counts) = match &self.column {
            Some(column) => {
                let inputs = [Input {
                    column,
                    role: "count",
                    non_negative: true,
                }];
                let mut s = summarise(data, &self.common.grouping, &inputs, Vec::new())?;
                (s.keys, s.sums.remove(0))
            }
            None => {
                let s = summarise(data, &self.common.grouping, &[], vec![len().alias(ROWS)])?;
                let mut rows = f64_values(&s.extra, ROWS)?;
                if self
                    .common
                    .grouping
                    .pool
                    .as_ref()
                    .is_some_and(|p| p.method == PoolMethod::Average)
                {
                    let periods = f64_values(&s.keys, "periods")?;
                    for (r, k) in rows.iter_mut().zip(periods) {
                        *r = r.zip(k).map(|(r, k)| r / k);
                    }
                }
                (s.keys, rows)
            }
        };
        let mut table = Table::new(keys, self.common.confidence, "count".to_string());
        for x in counts {
            table.push(match x {
                None => Estimate::missing(None, None, Status::NumeratorMissing),
                Some(x) => {
                    let (limits, method) = scaled_poisson_limits(x, levels, 1.0);
                    Estimate {
                        numerator: Some(x),
                        denominator: None,
                        value: Some(x),
                        limits,
                        method: Some(method),
                        status: Status::Ok,
                    }
                }
            });
        }
        table.finish(self.common.output)
    }
}
