//! Rows, sums, medians and percentages per group of records.

use polars::prelude::*;

use crate::engine::{collect, collect_sums, is_whole};
use crate::error::Result;
use crate::measure::{proportion_estimate, Confidence, Estimate, Status, Table};

/// The group columns of the given rows of `records`, in that order.
pub(crate) fn rows_of(records: &DataFrame, by: &[String], rows: &[usize]) -> Result<DataFrame> {
    let idx = IdxCa::from_vec("row".into(), rows.iter().map(|&i| i as IdxSize).collect());
    Ok(records.select(by.iter().map(String::as_str))?.take(&idx)?)
}

/// Sums of columns per group (sorted by the group columns): the key frame
/// and one vector per summed column. No `by` gives one row.
pub(crate) fn sums_by(
    frame: LazyFrame,
    by: &[String],
    columns: &[&str],
) -> Result<(DataFrame, Vec<Vec<f64>>)> {
    let schema = frame.clone().collect_schema()?;
    let whole = columns.iter().all(|c| schema.get(c).is_some_and(is_whole));
    let aggs: Vec<Expr> = columns
        .iter()
        .map(|c| col(*c).cast(DataType::Float64).sum().alias(*c))
        .collect();
    let summed = if by.is_empty() {
        collect_sums(frame.select(aggs), whole)?
    } else {
        collect_sums(
            frame
                .group_by(group_keys(by))
                .agg(aggs)
                .sort(group_names(by), SortMultipleOptions::default()),
            whole,
        )?
    };
    let keys = summed.select(by.iter().map(String::as_str))?;
    let mut sums = Vec::with_capacity(columns.len());
    for c in columns {
        sums.push(
            summed
                .column(c)?
                .f64()?
                .iter()
                .map(|v| v.unwrap_or(0.0))
                .collect(),
        );
    }
    Ok((keys, sums))
}

/// The median of the whole-number column `value` over the rows where the
/// boolean column `counted` is true, per group of `keys` — [`sums_by`]'s
/// key frame, which must hold every group of `frame` (null for a group
/// without such rows; a missing value is not counted). Each row is given
/// its group's row in `keys` by a join with that small frame; the values
/// are then bucketed by group ([`bucketed`]) and the middle of each bucket
/// found in place (the mean of the two middle values for an even count).
pub(crate) fn medians_by(
    frame: LazyFrame,
    by: &[String],
    keys: &DataFrame,
    value: &str,
    counted: &str,
) -> Result<Vec<Option<f64>>> {
    const GROUP: &str = "__ik_group";
    let rows = frame.filter(col(counted).and(col(value).is_not_null()));
    let numbered = if by.is_empty() {
        rows.with_column(lit(0).cast(IDX_DTYPE).alias(GROUP))
    } else {
        let mut args = JoinArgs::new(JoinType::Left);
        args.nulls_equal = true;
        let groups = keys.clone().with_row_index(GROUP.into(), None)?;
        rows.join(groups.lazy(), group_keys(by), group_keys(by), args)
    };
    let rows = collect(numbered.select([
        col(GROUP),
        col(value).strict_cast(DataType::Int64).alias(value),
    ]))?;
    let groups = rows.column(GROUP)?.idx()?;
    if groups.null_count() > 0 {
        return Err(polars_err!(
            ComputeError: "the medians' groups differ from the sums' ({} groups)", keys.height()
        )
        .into());
    }
    let values = rows.column(value)?.i64()?.rechunk();
    let values = values.cont_slice()?;
    let (starts, order) = bucketed(groups, keys.height())?;
    let mut bucket = Vec::new();
    Ok(starts
        .windows(2)
        .map(|w| {
            bucket.clear();
            bucket.extend(
                order[w[0] as usize..w[1] as usize]
                    .iter()
                    .map(|r| values[*r as usize]),
            );
            median(&mut bucket)
        })
        .collect())
}

/// The rows of `numbers` (each below `buckets`, none missing) bucketed by
/// number, a counting sort: `order` holds the rows of number 0, then of
/// number 1…, and the rows of number b are `order[starts[b]..starts[b + 1]]`.
pub(crate) fn bucketed(numbers: &IdxCa, buckets: usize) -> Result<(Vec<IdxSize>, Vec<IdxSize>)> {
    let mut starts = vec![0 as IdxSize; buckets + 1];
    for b in numbers.iter() {
        let b = b.filter(|b| (*b as usize) < buckets).ok_or_else(
            || polars_err!(ComputeError: "a number outside 0..{buckets} to bucket: {b:?}"),
        )?;
        starts[b as usize + 1] += 1;
    }
    for b in 0..buckets {
        starts[b + 1] += starts[b];
    }
    let mut next = starts.clone();
    let mut order = vec![0 as IdxSize; numbers.len()];
    for (row, b) in numbers.into_no_null_iter().enumerate() {
        let place = &mut next[b as usize];
        order[*place as usize] = row as IdxSize;
        *place += 1;
    }
    Ok((starts, order))
}

/// The median of `values` (reordered in place); `None` when there are none.
fn median(values: &mut [i64]) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let (below, upper, _) = values.select_nth_unstable(n / 2);
    let upper = *upper;
    let lower = if n % 2 == 1 {
        upper
    } else {
        *below.iter().max()?
    };
    Some((lower as f64 + upper as f64) / 2.0)
}

fn group_keys(by: &[String]) -> Vec<Expr> {
    by.iter().map(|b| col(b.as_str())).collect()
}

fn group_names(by: &[String]) -> Vec<PlSmallStr> {
    by.iter().map(|b| b.as_str().into()).collect()
}

/// Percentages per group from summed counts, with Wilson limits (as
/// [`crate::Proportion`]); a group where nothing was counted keeps its row
/// with status "denominator is zero" instead of an error or a NaN.
pub(crate) fn percentages(
    keys: DataFrame,
    parts: &[f64],
    wholes: &[f64],
    confidence: Confidence,
    statistic: &str,
) -> Table {
    let mut table = Table::new(keys, confidence, statistic.to_string());
    for (x, n) in parts.iter().zip(wholes) {
        table.push(if *n > 0.0 {
            proportion_estimate(Some(*x), Some(*n), 100.0, confidence.levels())
        } else {
            Estimate::missing(Some(*x), Some(*n), Status::DenominatorZero)
        });
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_equal_polars_medians() {
        // Groups with an odd and an even number of counted waits, repeated
        // values, a group where nothing is counted, a null group key.
        let frame = df!(
            "g" => [Some("a"), Some("a"), Some("a"), Some("b"), Some("b"), Some("b"), Some("b"),
                    Some("b"), Some("c"), Some("c"), None, Some("a")],
            "wait" => [5i32, 1, 9, 4, 4, 10, 2, 7, 3, 3, 8, 1000],
            "counted" => [true, true, true, true, true, true, true, false, false, false, true, false],
        )
        .unwrap();
        let by = vec!["g".to_string()];
        let (keys, _) = sums_by(frame.clone().lazy(), &by, &["counted"]).unwrap();
        let ours = medians_by(frame.clone().lazy(), &by, &keys, "wait", "counted").unwrap();
        let polars = frame
            .clone()
            .lazy()
            .group_by([col("g")])
            .agg([col("wait")
                .filter(col("counted"))
                .cast(DataType::Float64)
                .median()])
            .sort(["g"], SortMultipleOptions::default())
            .collect()
            .unwrap();
        let expected: Vec<Option<f64>> = polars
            .column("wait")
            .unwrap()
            .f64()
            .unwrap()
            .iter()
            .collect();
        // null group: 8; a: 1 5 9 → 5; b: 2 4 4 10 → 4; c: none counted.
        assert_eq!(expected, [Some(8.0), Some(5.0), Some(4.0), None]);
        assert_eq!(ours, expected);
        // Groups missing from the sums' are an error, not dropped.
        let other = keys.slice(1, 3);
        assert!(medians_by(frame.clone().lazy(), &by, &other, "wait", "counted").is_err());
        // Negative and extreme values.
        let far = df!("wait" => [-5i32, i32::MAX, i32::MIN], "counted" => [true; 3]).unwrap();
        let (one, _) = sums_by(far.clone().lazy(), &[], &["counted"]).unwrap();
        assert_eq!(
            medians_by(far.lazy(), &[], &one, "wait", "counted").unwrap(),
            [Some(-5.0)]
        );
        let (whole, _) = sums_by(frame.clone().lazy(), &[], &["counted"]).unwrap();
        // No groups: one median of every counted wait (1 2 4 4 5 8 9 10 → 4.5).
        assert_eq!(
            medians_by(frame.clone().lazy(), &[], &whole, "wait", "counted").unwrap(),
            [Some(4.5)]
        );
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [7, 1, 3, 3]), Some(3.0));
    }
}
