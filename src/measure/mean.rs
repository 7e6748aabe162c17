//! Means with Student's t limits.

use polars::prelude::*;

use super::aggregate::{f64_values, summarise, Input};
use super::common::{Common, Statistic};
use super::grouping::PoolMethod;
use super::output::{Estimate, Status, Table};
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::stats::mean_limits;

/// The mean of a value column per group, with Student's t limits.
///
/// # Method
/// Value `Σv / n`; limits `mean ± t_{(1+level)/2, n−1} · sd / √n` with the
/// sample standard deviation (PHEindicatormethods `phe_mean`). The output has
/// `denominator` = the number of values, no `numerator` (a sum of values is
/// not a count: it is the column `sum`), and a column `sd`.
/// A group of one value gets its value but no limits (`status` says so); a
/// group with a missing value gets nothing (`status` "values missing").
///
/// # Errors
/// A missing or non-numeric value column; NaN or infinite values.
///
/// # Example
/// ```
/// use indikator::{Mean, Statistic};
/// use indikator::polars::prelude::*;
///
/// let survey = df!("unit" => ["A", "A", "A"], "score" => [4.5, 4.6, 4.7])?;
/// let mean = Mean::new("score").by(["unit"]).compute(survey.lazy())?;
/// assert!((mean.column("value")?.f64()?.get(0).unwrap() - 4.6).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Mean {
    /// Column of values.
    pub values: String,
    /// Grouping, confidence, output.
    pub common: Common,
}

impl Mean {
    /// The mean of `values`.
    ///
    /// Days from referral to first visit for five patients in Berg:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let waits = df!("kommun" => ["Berg"; 5], "days" => [12.0, 30.0, 7.0, 21.0, 15.0])?;
    /// let mean = Mean::new("days").by("kommun").compute(&waits)?;
    /// let get = |c: &str| mean.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// assert_eq!((get("value"), get("denominator"), get("sum")), (17.0, 5.0, 85.0));
    /// // 17 ± t(0.975, 4) · 8.860 / √5 (scipy): 5.999 to 28.001
    /// assert!((get("lower") - 5.998828947417666).abs() < 1e-6 && (get("upper") - 28.001171052582336).abs() < 1e-6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(values: impl Into<String>) -> Self {
        Mean {
            values: values.into(),
            common: Common::default(),
        }
    }
}

const SD: &str = "sd";
const SUM: &str = "sum";
const ROWS: &str = "rows";

impl Statistic for Mean {
    fn common_mut(&mut self) -> &mut Common {
        &mut self.common
    }

    fn compute(&self, data: impl IntoFrame) -> Result<DataFrame> {
        let data = data.into_lazy_frame();
        if let Some(pool) = self
            .common
            .grouping
            .pool
            .as_ref()
            .filter(|p| p.method == PoolMethod::Average)
        {
            return Err(Error::argument(
                "pool_method",
                "a mean pools its values; averaging over periods applies to counts only",
                format!("average over `{}`", pool.column),
            ));
        }
        let v = col(self.values.as_str()).cast(DataType::Float64);
        let extra = vec![v.clone().std(1).alias(SD), len().alias(ROWS)];
        let inputs = [Input {
            column: &self.values,
            role: "values",
            non_negative: false,
        }];
        let mut s = summarise(data, &self.common.grouping, &inputs, extra)?;
        let sds = f64_values(&s.extra, SD)?;
        let counts = f64_values(&s.extra, ROWS)?;
        let sums = s.sums.remove(0);
        let levels = self.common.confidence.levels();
        let mut table = Table::new(s.keys, self.common.confidence, "mean".to_string());
        let mut sd_out = Vec::with_capacity(sums.len());
        for ((sum, sd), n) in sums.iter().zip(&sds).zip(&counts) {
            let n = n.unwrap_or(0.0);
            let Some(sum) = sum else {
                sd_out.push(None);
                table.push(Estimate::missing(None, Some(n), Status::ValuesMissing));
                continue;
            };
            let mean = sum / n;
            let mut limits = [(None, None); 2];
            let mut status = Status::TooFewValues;
            if let Some(sd) = sd.filter(|_| n >= 2.0) {
                for (slot, &level) in limits.iter_mut().zip(levels) {
                    if let Some((lo, hi)) = mean_limits(mean, sd, n, level) {
                        *slot = (Some(lo), Some(hi));
                        status = Status::Ok;
                    }
                }
            }
            sd_out.push(if n >= 2.0 { *sd } else { None });
            table.push(Estimate {
                numerator: None,
                denominator: Some(n),
                value: Some(mean),
                limits,
                method: Some("Student's t"),
                status,
            });
        }
        table.add_column(Column::new(SUM.into(), sums));
        table.add_column(Column::new(SD.into(), sd_out));
        table.finish(self.common.output)
    }
}
