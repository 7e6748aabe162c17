//! A monthly series of shares summarised over its period, both ways: the
//! pooled share and the mean of the monthly shares.

use polars::prelude::*;

use crate::care::records::{percentages, sums_by};
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::measure::IntoColumns;
use crate::measure::{require, require_keys, Confidence, Mean};

/// The two summaries of a monthly series of shares over its period, one row
/// each per group, told apart by the `summary` column:
///
/// - `"pooled share"`: all months' numerators over all denominators, with
///   Wilson limits — the share of the period's patients;
/// - `"mean of monthly shares"`: the plain mean of the monthly percentages
///   (how the region's plan reported BUP January–August 2018 as 63,5 %),
///   with Student-t limits over the months and no `numerator` or
///   `denominator` (a mean of percentages has no counts; `months` says how
///   many months it averages). It weighs a month of 10 patients like a
///   month of 100.
///
/// `monthly` has the group columns, the month column (dropped), and
/// `numerator`, `denominator`, `value` as from [`Waits::fulfilment`](super::Waits::fulfilment). A
/// `months` column counts the months with a value.
///
/// ```
/// use indikator::{summarise_months, Confidence};
/// use indikator::polars::prelude::*;
/// let bup = df!(
///     "period" => ["2018-01", "2018-02"],
///     "numerator" => [19.0, 63.0], "denominator" => [50.0, 100.0],
///     "value" => [38.0, 63.0],
/// )?;
/// let s = summarise_months(&bup, Vec::<String>::new(), "period", Confidence::P95)?;
/// let v = s.column("value")?.f64()?;
/// assert_eq!(v.get(0), Some(82.0 / 150.0 * 100.0)); // pooled
/// assert_eq!(v.get(1), Some(50.5)); // mean of months
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Missing columns; a month without a denominator.
pub fn summarise_months(
    monthly: impl IntoFrame,
    by: impl IntoColumns,
    month: &str,
    confidence: Confidence,
) -> Result<DataFrame> {
    let monthly = &monthly.into_data_frame()?;
    let by: &[String] = &by.into_columns();
    require(monthly.schema(), month, "month")?;
    require_keys(monthly.schema(), by, "group")?;
    for c in ["numerator", "denominator", "value"] {
        crate::measure::require_numeric(monthly.schema(), c, "monthly share")?;
    }
    let with_value = monthly
        .clone()
        .lazy()
        .filter(col("value").is_not_null())
        .with_column(lit(1.0).alias("months"))
        .collect()?;
    if with_value.height() == 0 {
        return Err(Error::data(
            "value",
            "a summary over the months needs at least one month with a value",
            "no month with a value",
            "",
        ));
    }
    let (keys, sums) = sums_by(
        with_value.clone().lazy(),
        by,
        &["numerator", "denominator", "months"],
    )?;
    let mut pooled = percentages(
        keys,
        &sums[0],
        &sums[1],
        confidence,
        "pooled share over the months (percent)",
    );
    pooled.add_column(Column::new("months".into(), sums[2].clone()));
    let mut pooled = pooled.finish(crate::measure::OutputType::Full)?;
    pooled.with_column(Column::new(
        "summary".into(),
        vec!["pooled share"; pooled.height()],
    ))?;
    let mut mean = Mean::new("value")
        .by(by.to_vec())
        .confidence(confidence)
        .compute(with_value.lazy())?;
    // A mean of percentages has no counts: the months are its own column.
    let months = mean
        .column("denominator")?
        .clone()
        .with_name("months".into());
    let no_counts = Column::full_null("denominator".into(), mean.height(), &DataType::Float64);
    mean.with_column(no_counts)?;
    mean.with_column(months)?;
    mean.apply("statistic", |s| {
        Column::new(
            s.name().clone(),
            vec!["mean of monthly shares (percent)"; s.len()],
        )
    })?;
    mean.with_column(Column::new(
        "summary".into(),
        vec!["mean of monthly shares"; mean.height()],
    ))?;
    let columns: Vec<String> = pooled
        .get_column_names()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let mut both = pooled.vstack(&mean.select(columns.iter().map(String::as_str))?)?;
    let mut order: Vec<PlSmallStr> = by.iter().map(|b| b.as_str().into()).collect();
    order.push("summary".into());
    both = both.sort(
        order,
        SortMultipleOptions::default()
            .with_order_descending_multi(std::iter::repeat_n(false, by.len()).chain([true])),
    )?;
    let mut names: Vec<&str> = by.iter().map(String::as_str).collect();
    names.push("summary");
    for c in &columns {
        if !names.contains(&c.as_str()) {
            names.push(c);
        }
    }
    Ok(both.select(names)?)
}
