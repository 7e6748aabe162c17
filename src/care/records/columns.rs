//! Reading the columns of records: dates as day numbers, yes/no flags,
//! numbers and text, each with the column's role in its errors.

use chrono::NaiveDate;
use polars::prelude::*;

use crate::error::{Error, Result};
use crate::measure::require;

/// Require a date (or datetime) column; an all-null column has the null dtype and passes.
pub(crate) fn require_date(frame: &DataFrame, name: &str, role: &str) -> Result<()> {
    let dtype = require(frame.schema(), name, role)?;
    if matches!(
        dtype,
        DataType::Date | DataType::Datetime(_, _) | DataType::Null
    ) {
        Ok(())
    } else {
        Err(Error::WrongDtype {
            column: name.to_string(),
            role: role.to_string(),
            expected: "a date or datetime".to_string(),
            found: dtype.to_string(),
        })
    }
}

/// The calendar days of a date or datetime column, as days since 1970-01-01.
pub(crate) fn days(frame: &DataFrame, name: &str, role: &str) -> Result<Vec<Option<i32>>> {
    require_date(frame, name, role)?;
    let c = frame.column(name)?;
    let c = if c.dtype() == &DataType::Null {
        Column::full_null(c.name().clone(), c.len(), &DataType::Int32)
    } else {
        c.cast(&DataType::Date)?.cast(&DataType::Int32)?
    };
    Ok(c.i32()?.iter().collect())
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The day number (days since 1970-01-01) of a date.
pub(crate) fn day_number(date: NaiveDate) -> i32 {
    (date - EPOCH).num_days() as i32
}

/// The date of a day number.
pub(crate) fn date_of(day: i32) -> NaiveDate {
    EPOCH
        .checked_add_signed(chrono::Duration::days(i64::from(day)))
        .unwrap_or(NaiveDate::MAX)
}

/// A yes/no column: booleans, or integers 0/1. Missing values are "no".
pub(crate) fn flags(frame: &DataFrame, name: &str, role: &str) -> Result<Vec<Option<bool>>> {
    let dtype = require(frame.schema(), name, role)?;
    let c = frame.column(name)?;
    if dtype == &DataType::Boolean {
        return Ok(c.bool()?.iter().collect());
    }
    if dtype.is_integer() {
        let ints = c.cast(&DataType::Int64)?;
        let ints = ints.i64()?;
        if let Some((row, v)) = ints
            .iter()
            .enumerate()
            .find_map(|(i, v)| v.filter(|v| *v != 0 && *v != 1).map(|v| (i, v)))
        {
            return Err(Error::data(
                name,
                &format!("{role} flags must be true/false or 0/1"),
                v,
                format!("in row {row}"),
            ));
        }
        return Ok(ints.iter().map(|v| v.map(|v| v == 1)).collect());
    }
    Err(Error::WrongDtype {
        column: name.to_string(),
        role: role.to_string(),
        expected: "boolean (or integer 0/1)".to_string(),
        found: dtype.to_string(),
    })
}

/// A numeric column as floats (ages, counts).
pub(crate) fn numbers(frame: &DataFrame, name: &str, role: &str) -> Result<Vec<Option<f64>>> {
    crate::measure::require_numeric(frame.schema(), name, role)?;
    let c = frame.column(name)?.cast(&DataType::Float64)?;
    Ok(c.f64()?.iter().collect())
}

/// A column as text (ids and codes of any dtype).
pub(crate) fn texts(frame: &DataFrame, name: &str, role: &str) -> Result<StringChunked> {
    require(frame.schema(), name, role)?;
    // One chunk: the records are read by row (`get`), which on a column of
    // many chunks (a Parquet file's row groups) searches the chunks each time.
    let text = frame.column(name)?.cast(&DataType::String)?;
    Ok(text.str()?.rechunk().into_owned())
}

/// Each record's rank among the distinct texts in sort order (0 for a
/// missing text, which sorts first): sorting records by rank sorts them by
/// text with integer comparisons. One sort of the texts (polars'), then
/// each text compared with the one before it.
pub(crate) fn text_ranks(texts: &StringChunked) -> Vec<u32> {
    let order = texts.arg_sort(SortOptions::default().with_nulls_last(false));
    let mut ranks = vec![0u32; texts.len()];
    let (mut rank, mut previous) = (0u32, None);
    for i in order.into_no_null_iter() {
        let i = i as usize;
        let text = texts.get(i);
        if text.is_some() && text != previous {
            rank += 1;
            previous = text;
        }
        ranks[i] = if text.is_some() { rank } else { 0 };
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(date_of(day_number(d)), d);
        assert_eq!(day_number(EPOCH), 0);
    }

    #[test]
    fn flags_accept_booleans_and_zero_one_only() {
        let df = df!("a" => [Some(true), None], "b" => [0, 1], "c" => [0, 2]).unwrap();
        assert_eq!(flags(&df, "a", "PVV").unwrap(), [Some(true), None]);
        assert_eq!(flags(&df, "b", "PVV").unwrap(), [Some(false), Some(true)]);
        let e = flags(&df, "c", "PVV").unwrap_err().to_string();
        assert!(
            e.contains("`c`") && e.contains("0/1") && e.contains("row 1"),
            "{e}"
        );
    }
}
