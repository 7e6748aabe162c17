//! Finding, for each row of a result, the matching row of another table —
//! a benchmark's or the same period a year earlier — by the group keys and
//! by time, where periods match as periods ("T1 2024" finds "2024-T1", and
//! January 2024 finds January 2023), never as text.

use polars::prelude::*;

use crate::error::{Error, Result};
use crate::measure::lookup;
use crate::period::PeriodColumn;
pub use crate::period::TIME_COLUMNS;

const LABEL: &str = "__ik_time_label";

/// The time column shared by `table` and `other`: the one named, or the
/// first of [`TIME_COLUMNS`] that both have (`None` when they share none).
///
/// # Errors
/// A named time column missing from either table.
pub(crate) fn shared_time(
    table: &DataFrame,
    other: &DataFrame,
    given: Option<&str>,
    role: &str,
) -> Result<Option<String>> {
    if let Some(name) = given {
        crate::measure::require(table.schema(), name, "time")?;
        crate::measure::require(other.schema(), name, &format!("time of the {role}"))?;
        return Ok(Some(name.to_string()));
    }
    Ok(TIME_COLUMNS
        .iter()
        .find(|c| table.schema().contains(c) && other.schema().contains(c))
        .map(|c| c.to_string()))
}

/// For each row of `table`, the row of `other` with the same values in the
/// key columns `on` and, when `time` is given, the time `years_back` years
/// earlier (0: the same period). Returns the joined frame (the keys, then
/// every other column of `other`, its time column included) and whether
/// each row found its match.
///
/// # Errors
/// Key columns missing or of other dtypes; a time column that does not hold
/// periods, years or dates; two rows of `other` for one key.
pub(crate) fn matched(
    table: &DataFrame,
    other: &DataFrame,
    on: &[String],
    time: Option<&str>,
    years_back: u32,
    role: &str,
) -> Result<(DataFrame, Vec<bool>)> {
    let Some(time) = time else {
        return lookup(table, other, on, role);
    };
    let mut keys: Vec<String> = on.iter().filter(|k| *k != time).cloned().collect();
    let wanted: Vec<Option<String>> = PeriodColumn::read(table, time)?
        .keys
        .iter()
        .map(|k| {
            k.map(|mut k| {
                for _ in 0..years_back {
                    k = k.previous_year();
                }
                k.canonical()
            })
        })
        .collect();
    let held: Vec<Option<String>> = PeriodColumn::read(other, time)
        .map_err(|e| in_role(e, role))?
        .keys
        .iter()
        .map(|k| k.map(|k| k.canonical()))
        .collect();
    // The time column is matched by its canonical text, under its own name
    // (so that messages name it); the other table's own label is kept.
    let mut left = table.select(keys.iter().map(String::as_str))?;
    left.with_column(Column::new(time.into(), wanted))?;
    let mut right = other.clone();
    let label = right.column(time)?.clone().with_name(LABEL.into());
    right.with_column(label)?;
    right.with_column(Column::new(time.into(), held))?;
    keys.push(time.to_string());
    let (mut joined, found) = lookup(&left, &right, &keys, role)?;
    let _ = joined.drop_in_place(time)?;
    joined.rename(LABEL, time.into())?;
    Ok((joined, found))
}

/// An error about the other table's column, saying which table it is.
fn in_role(e: Error, role: &str) -> Error {
    match e {
        Error::InvalidData {
            column,
            rule,
            value,
            location,
        } => Error::InvalidData {
            column,
            rule,
            value,
            location: format!("{location} of the {role}"),
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_month_a_year_earlier_whatever_the_form_of_the_label() {
        let now = df!("kommun" => ["2380", "2380"], "period" => ["2024-01", "2024-02"]).unwrap();
        let before = df!(
            "kommun" => ["2380", "2380"],
            "period" => ["februari 2023", "januari 2023"],
            "value" => [2.0, 1.0],
        )
        .unwrap();
        let on = vec!["kommun".to_string()];
        let (joined, found) =
            matched(&now, &before, &on, Some("period"), 1, "previous period").unwrap();
        assert_eq!(found, [true, true]);
        let v: Vec<_> = joined
            .column("value")
            .unwrap()
            .f64()
            .unwrap()
            .iter()
            .collect();
        assert_eq!(v, [Some(1.0), Some(2.0)]);
        // The label of the row found is kept.
        let p = joined.column("period").unwrap().str().unwrap().get(0);
        assert_eq!(p, Some("januari 2023"));
    }

    #[test]
    fn the_time_column_is_found_by_its_name() {
        let a = df!("year" => [2024i32], "value" => [1.0]).unwrap();
        let b = df!("year" => [2023i64], "value" => [1.0]).unwrap();
        assert_eq!(
            shared_time(&a, &b, None, "x").unwrap().as_deref(),
            Some("year")
        );
        let c = df!("value" => [1.0]).unwrap();
        assert_eq!(shared_time(&a, &c, None, "x").unwrap(), None);
        assert!(shared_time(&a, &c, Some("year"), "x").is_err());
    }
}
