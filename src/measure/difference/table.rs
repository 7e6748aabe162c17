//! Reading a result table for a comparison between its groups: the rows
//! by the other group columns and the level of the compared column, and
//! what the table's statistic is.

use std::collections::HashMap;

use polars::prelude::*;

use super::super::aggregate::f64_values;
use super::super::columns::{column_of, group_label, key_strings};
use super::{Counts, DifferenceMeasure};
use crate::error::{Error, Result};

/// The rows of a result table, arranged for comparing levels of one column.
pub(super) struct Arranged {
    /// The other group columns, one row per combination (first-seen order).
    pub keys: DataFrame,
    /// The levels of the compared column, in first-seen order.
    pub levels: Vec<String>,
    /// Per key row: the `(numerator, denominator)` of each level present.
    pub counts: Vec<HashMap<String, Counts>>,
    /// The multiplier of the table's values (1 when not needed).
    pub multiplier: f64,
}

/// The statistic of a table: a rate per `m` (`(true, m)`) or a proportion
/// of `m` (`(false, m)`), read from its `statistic` label.
pub(crate) fn statistic_kind(label: &str) -> Option<(bool, f64)> {
    let l = label.trim();
    if let Some(m) = l.strip_prefix("rate per ") {
        return m
            .replace([' ', '\u{a0}'], "")
            .parse()
            .ok()
            .map(|m| (true, m));
    }
    if l == "proportion of 1" {
        return Some((false, 1.0));
    }
    (l == "percentage" || l.ends_with("(percent)")).then_some((false, 100.0))
}

/// The multiplier of the table's values, from its `statistic` column or as given.
fn multiplier(table: &DataFrame, measure: DifferenceMeasure, given: Option<f64>) -> Result<f64> {
    let wants_rate = measure != DifferenceMeasure::ProportionDifference;
    let what = if wants_rate { "rate" } else { "proportion" };
    let Ok(column) = table.column("statistic") else {
        return match (given, measure) {
            (Some(m), _) => Ok(m),
            (None, DifferenceMeasure::RateRatio) => Ok(1.0),
            (None, _) => Err(Error::argument(
                "multiplier",
                "the table has no `statistic` column to read the multiplier from; give it \
                 (e.g. 100000 for rates per 100 000, 100 for percentages)",
                "none",
            )),
        };
    };
    let mut labels: Vec<&str> = column.str()?.iter().flatten().collect();
    labels.sort_unstable();
    labels.dedup();
    let [label] = labels[..] else {
        return Err(Error::data(
            "statistic",
            "a comparison needs a table of one statistic",
            labels.join(", "),
            "",
        ));
    };
    match statistic_kind(label) {
        Some((is_rate, m)) if is_rate == wants_rate => Ok(given.unwrap_or(m)),
        _ => Err(Error::data(
            "statistic",
            &format!(
                "this comparison needs a table of a {what} (the result of the {what} statistic)"
            ),
            format!("{label:?}"),
            "",
        )),
    }
}

/// Arrange `table` for comparing the levels of `column`.
pub(super) fn arrange(
    table: &DataFrame,
    column: &str,
    measure: DifferenceMeasure,
    given: Option<f64>,
) -> Result<Arranged> {
    let names: Vec<String> = table
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    column_of(table, "numerator", "numerator")?;
    column_of(table, "denominator", "denominator")?;
    column_of(table, column, "groups to compare")?;
    // The group columns of a result come before `numerator`.
    let end = names.iter().position(|n| n == "numerator").unwrap_or(0);
    if !names[..end].iter().any(|n| n == column) {
        return Err(Error::argument(
            "column",
            &format!(
                "the column to compare must be a group column of the table ({})",
                names[..end].join(", ")
            ),
            format!("`{column}`"),
        ));
    }
    let others: Vec<String> = names[..end]
        .iter()
        .filter(|n| *n != column)
        .cloned()
        .collect();
    let multiplier = multiplier(table, measure, given)?;
    let numerators = f64_values(table, "numerator")?;
    let denominators = f64_values(table, "denominator")?;
    let levels_of_rows = key_strings(table, &[column.to_string()])?;
    let levels_of_rows: Vec<String> = levels_of_rows
        .into_iter()
        .map(|k| k.trim_end_matches('\u{1f}').to_string())
        .collect();
    let keys_of_rows = key_strings(table, &others)?;
    let mut index: HashMap<&str, usize> = HashMap::new();
    let (mut firsts, mut counts, mut levels) = (Vec::new(), Vec::new(), Vec::<String>::new());
    for row in 0..table.height() {
        let g = *index.entry(keys_of_rows[row].as_str()).or_insert_with(|| {
            firsts.push(row as IdxSize);
            counts.push(HashMap::new());
            counts.len() - 1
        });
        let level = &levels_of_rows[row];
        if !levels.contains(level) {
            levels.push(level.clone());
        }
        let pair = (numerators[row], denominators[row]);
        if counts[g].insert(level.clone(), pair).is_some() {
            let all: Vec<PlSmallStr> = names[..end].iter().map(|s| s.as_str().into()).collect();
            return Err(Error::data(
                column,
                "a result table must have one row per group",
                "two rows",
                group_label(&table.select(all)?, row),
            ));
        }
    }
    let keys = table
        .select(others.iter().map(|s| PlSmallStr::from(s.as_str())))?
        .take(&IdxCa::from_vec("".into(), firsts))?;
    Ok(Arranged {
        keys,
        levels,
        counts,
        multiplier,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_statistics_of_the_library() {
        assert_eq!(statistic_kind("rate per 100000"), Some((true, 100_000.0)));
        assert_eq!(statistic_kind("rate per 1000"), Some((true, 1000.0)));
        assert_eq!(statistic_kind("proportion of 1"), Some((false, 1.0)));
        assert_eq!(statistic_kind("percentage"), Some((false, 100.0)));
        assert_eq!(
            statistic_kind("share readmitted within 30 days (percent)"),
            Some((false, 100.0))
        );
        assert_eq!(statistic_kind("dsr per 100000"), None);
        assert_eq!(statistic_kind("mean"), None);
    }
}
