//! The time column of a result table, read as periods: labels ("T1 2024",
//! "2019–2023", "2024-03"), whole years or dates, each row a [`TimeKey`] that
//! orders as time, knows the same time a year earlier and its place on a
//! year axis. Every function that takes a series of results (compare,
//! trend, the charts) reads its time column here, so periods are ordered
//! as periods, never as text.
//!
//! Over 500 lines with its documentation: 216 lines of code and 206 of doc
//! comments (every public item and method carries a runnable example), then
//! 94 of unit tests.

use chrono::{Datelike, Months, NaiveDate};
use polars::prelude::*;

use super::{Period, PERIOD_FORMS};
use crate::error::{Error, Result};
use crate::input::IntoFrame;

/// One row's place in time: a reporting period (a label or a whole year),
/// or a date (a snapshot, a month end).
///
/// A tertial and a snapshot date, a year earlier and on the year axis:
///
/// ```
/// use indikator::chrono::NaiveDate;
/// use indikator::TimeKey;
///
/// let t1 = TimeKey::Period("T1 2024".parse()?);
/// assert_eq!(t1.previous_year(), TimeKey::Period("2023-T1".parse()?));
/// assert_eq!(t1.end().to_string(), "2024-04-30");
/// let snapshot = TimeKey::Date(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
/// assert_eq!(snapshot.previous_year(), TimeKey::Date(NaiveDate::from_ymd_opt(2023, 2, 28).unwrap()));
/// let window = TimeKey::Period("2019–2023".parse()?);
/// assert!((window.decimal_year() - 2021.5).abs() < 1e-12);
/// assert!(window.order_key() < t1.order_key());
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeKey {
    /// A period; whole years read from integer columns are `Period::Year`.
    Period(Period),
    /// A day.
    Date(NaiveDate),
}

impl TimeKey {
    /// The first day covered.
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::TimeKey;
    ///
    /// assert_eq!(TimeKey::Period("T3 2024".parse()?).start().to_string(), "2024-09-01");
    /// let snapshot = NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
    /// assert_eq!(TimeKey::Date(snapshot).start(), snapshot); // a day is its own start
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn start(&self) -> NaiveDate {
        match self {
            TimeKey::Period(p) => p.start(),
            TimeKey::Date(d) => *d,
        }
    }

    /// The last day covered.
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::TimeKey;
    ///
    /// assert_eq!(TimeKey::Period("2019–2023".parse()?).end().to_string(), "2023-12-31");
    /// let snapshot = NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
    /// assert_eq!(TimeKey::Date(snapshot).end(), snapshot);
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn end(&self) -> NaiveDate {
        match self {
            TimeKey::Period(p) => p.end(),
            TimeKey::Date(d) => *d,
        }
    }

    /// The same time a year earlier: the same period of the previous year,
    /// or the same day (a month end stays a month end: 2024-02-29 → 2023-02-28).
    ///
    /// The waiting list's snapshot at the end of February, and a delår, a
    /// year earlier:
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::TimeKey;
    ///
    /// let day = |y, m, d| TimeKey::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap());
    /// assert_eq!(day(2025, 2, 28).previous_year(), day(2024, 2, 29)); // month end to month end
    /// assert_eq!(day(2024, 5, 15).previous_year(), day(2023, 5, 15));
    /// let delar = TimeKey::Period("jan–aug 2024".parse()?);
    /// assert_eq!(delar.previous_year(), TimeKey::Period("2023-delar".parse()?));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn previous_year(&self) -> TimeKey {
        match self {
            TimeKey::Period(p) => TimeKey::Period(p.previous_year()),
            TimeKey::Date(d) => {
                let earlier = d.checked_sub_months(Months::new(12)).unwrap_or(*d);
                let month_end = |x: NaiveDate| x.succ_opt().is_none_or(|n| n.month() != x.month());
                if month_end(*d) {
                    let first = earlier.with_day(1).unwrap_or(earlier);
                    let next = first.checked_add_months(Months::new(1)).unwrap_or(first);
                    TimeKey::Date(next.pred_opt().unwrap_or(earlier))
                } else {
                    TimeKey::Date(earlier)
                }
            }
        }
    }

    /// The middle of the time covered in decimal years (2024-07-02 ≈ 2024.5;
    /// the span 2019–2023 is 2021.5): the x axis of a trend, so that its
    /// slope is per year whatever the kind of period.
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::TimeKey;
    ///
    /// assert!((TimeKey::Period("2024".parse()?).decimal_year() - 2024.5).abs() < 1e-12);
    /// // March 2024: days 60 to 90 of a leap year, the middle at (60 + 91) / 2 / 366.
    /// let march = TimeKey::Period("mars 2024".parse()?).decimal_year();
    /// assert!((march - (2024.0 + 151.0 / 732.0)).abs() < 1e-12);
    /// // A day: its own middle, 2 July 2024 is day 183 of 366.
    /// let day = TimeKey::Date(NaiveDate::from_ymd_opt(2024, 7, 2).unwrap()).decimal_year();
    /// assert!((day - (2024.0 + 183.5 / 366.0)).abs() < 1e-12);
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn decimal_year(&self) -> f64 {
        let fraction = |d: NaiveDate| {
            let days = if d.leap_year() { 366.0 } else { 365.0 };
            f64::from(d.year()) + f64::from(d.ordinal0()) / days
        };
        (fraction(self.start()) + fraction(self.end()) + self.day_share()) / 2.0
    }

    /// A day's share of its year, so that a period's middle counts its last
    /// day whole (a year's middle is exactly .5).
    fn day_share(&self) -> f64 {
        let end = self.end();
        1.0 / if end.leap_year() { 366.0 } else { 365.0 }
    }

    /// A canonical text of the key (ISO-like), for matching rows of two tables.
    ///
    /// A label written "T2 2024" in one table and "2024-T2" in another
    /// match:
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::TimeKey;
    ///
    /// let ours = TimeKey::Period("T2 2024".parse()?);
    /// let riket = TimeKey::Period("2024-T2".parse()?);
    /// assert_eq!(ours.canonical(), "2024-T2");
    /// assert_eq!(ours.canonical(), riket.canonical());
    /// assert_eq!(TimeKey::Date(NaiveDate::from_ymd_opt(2024, 3, 31).unwrap()).canonical(), "2024-03-31");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn canonical(&self) -> String {
        match self {
            TimeKey::Period(p) => p.iso(),
            TimeKey::Date(d) => d.to_string(),
        }
    }

    /// The order of time: by the last day, then by the first (a window
    /// 2019–2023 before 2020–2024; a month before the tertial it ends).
    ///
    /// ```
    /// use indikator::TimeKey;
    ///
    /// let key = |s: &str| TimeKey::Period(s.parse().unwrap());
    /// let mut times = vec![key("T1 2024"), key("2020–2024"), key("april 2024"), key("2019–2023")];
    /// times.sort_by_key(TimeKey::order_key);
    /// let sorted: Vec<String> = times.iter().map(TimeKey::canonical).collect();
    /// assert_eq!(sorted, ["2019/2023", "2024-04", "2024-T1", "2020/2024"]);
    /// ```
    pub fn order_key(&self) -> (NaiveDate, std::cmp::Reverse<NaiveDate>) {
        (self.end(), std::cmp::Reverse(self.start()))
    }
}

/// The names of a result's time column, in the order they are looked for
/// when none is named: `period` (every family's periods and windows),
/// `year`, `snapshot` (waits still waiting at a date), `end` (continuity
/// at each month end).
///
/// A table with whole years in `year` is compared with the year before
/// without naming its time column (the vårdgaranti share by kommun; in
/// Krokom the Wilson 95 % limits 0.309–0.498 in 2023 and 0.604–0.781 in
/// 2024 do not overlap, in Åre 60 % and 62 % do):
///
/// ```
/// use indikator::prelude::*;
/// use indikator::TIME_COLUMNS;
///
/// assert_eq!(TIME_COLUMNS, ["period", "year", "snapshot", "end"]);
/// let waits = df!(
///     "kommun" => ["Krokom", "Krokom", "Åre", "Åre"],
///     "year" => [2023i64, 2024, 2023, 2024],
///     "within" => [40i64, 70, 60, 62],
///     "completed" => [100i64; 4],
/// )?;
/// let shares = Proportion::new("within", "completed").by(["kommun", "year"]).compute(waits.lazy())?;
/// let out = compare_with_previous(&shares, &shares, ["kommun"], None, Polarity::HighIsGood, None)?;
/// let vs: Vec<_> = out.column("vs_previous")?.str()?.iter().flatten().collect();
/// assert_eq!(vs, ["not compared", "better", "not compared", "similar"]);
/// assert_eq!(out.column("previous_value")?.f64()?.get(1), Some(0.4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const TIME_COLUMNS: [&str; 4] = ["period", "year", "snapshot", "end"];

/// One key cell of a row as it sorts: a period as time, a number as a
/// number, anything else as text.
type SortCell = (
    Option<(NaiveDate, std::cmp::Reverse<NaiveDate>)>,
    Option<i64>,
    Option<String>,
);

/// An integer that orders `f64`s as `f64::total_cmp` does.
fn total_order_key(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
}

/// The order of a result's rows with its time columns ([`TIME_COLUMNS`]
/// holding period labels) ordered as time, not as text: "T1 2024" after
/// "2023-delar". `None` when the table has no such column (its order
/// stands). The other key columns keep their order (numbers as numbers); a
/// time column whose labels are not all periods is left as it is.
///
/// # Errors
/// Only from polars.
pub fn time_order(keys: &DataFrame) -> Result<Option<Vec<usize>>> {
    let mut times: Vec<Option<PeriodColumn>> = Vec::with_capacity(keys.width());
    for c in keys.columns() {
        let time = TIME_COLUMNS.contains(&c.name().as_str()) && c.dtype() == &DataType::String;
        times.push(if time {
            PeriodColumn::read(keys, c.name()).ok()
        } else {
            None
        });
    }
    if times.iter().all(Option::is_none) {
        return Ok(None);
    }
    // The other key columns: numbers compared as numbers (ages 5 before 10),
    // the rest as text.
    let others: Vec<Option<Column>> = keys
        .columns()
        .iter()
        .zip(&times)
        .map(|(c, t)| match t {
            Some(_) => Ok(None),
            None if c.dtype().is_primitive_numeric() => c.cast(&DataType::Float64).map(Some),
            None => c.cast(&DataType::String).map(Some),
        })
        .collect::<PolarsResult<_>>()?;
    let cell = |k: usize, row: usize| -> SortCell {
        match (&times[k], &others[k]) {
            (Some(t), _) => (t.keys[row].map(|k| k.order_key()), None, None),
            (None, Some(c)) => match c.f64() {
                Ok(numbers) => (None, numbers.get(row).map(total_order_key), None),
                Err(_) => (
                    None,
                    None,
                    c.str().ok().and_then(|s| s.get(row)).map(str::to_string),
                ),
            },
            (None, None) => (None, None, None),
        }
    };
    let mut rows: Vec<usize> = (0..keys.height()).collect();
    rows.sort_by(|&a, &b| {
        (0..keys.width())
            .map(|k| cell(k, a).cmp(&cell(k, b)))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    Ok(Some(rows))
}

/// The time column of a table read as [`TimeKey`]s (null rows stay `None`).
///
/// Labels of several forms, put in time order (not text order):
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{PeriodColumn, TimeKey};
///
/// let table = df!("period" => ["T1 2024", "2023-T3", "jan–aug 2023"], "value" => [71.0, 68.5, 66.0])?;
/// let column = PeriodColumn::read(&table, "period")?;
/// assert_eq!(column.keys[0], Some(TimeKey::Period("2024-T1".parse()?)));
/// assert_eq!(column.order(), [2, 1, 0]);
/// let bad = df!("period" => ["sommar 2024"])?;
/// assert!(PeriodColumn::read(&bad, "period").unwrap_err().to_string().contains("row 0"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PeriodColumn {
    /// The column's name.
    pub name: String,
    /// One key per row.
    pub keys: Vec<Option<TimeKey>>,
}

impl PeriodColumn {
    /// Read `column` of `table`: text labels in any form [`Period`] parses
    /// (Swedish or ISO-like), whole years (integers), dates or datetimes.
    ///
    /// # Errors
    /// A missing column; a label that is not a period (naming the row, the
    /// value and the forms accepted); a dtype that is none of these.
    ///
    /// Whole years from an integer column, and a label that is no period:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{PeriodColumn, TimeKey};
    ///
    /// let rates = df!("year" => [2024i64, 2023], "value" => [15.6, 18.9])?;
    /// let years = PeriodColumn::read(&rates, "year")?;
    /// assert_eq!(years.keys, [Some(TimeKey::Period(Period::Year { year: 2024 })), Some(TimeKey::Period(Period::Year { year: 2023 }))]);
    /// let labels = df!("period" => ["T1 2024", "höst 2024"])?;
    /// let err = PeriodColumn::read(&labels, "period").unwrap_err();
    /// assert!(matches!(err, Error::InvalidData { ref location, .. } if location == "in row 1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read(table: impl IntoFrame, column: &str) -> Result<PeriodColumn> {
        let table = &table.into_data_frame()?;
        let c = crate::measure::column_of(table, column, "time")?;
        let keys = match c.dtype() {
            DataType::String => {
                let labels = c.str()?;
                let mut keys = Vec::with_capacity(labels.len());
                for (row, label) in labels.iter().enumerate() {
                    keys.push(match label {
                        None => None,
                        Some(text) => Some(TimeKey::Period(text.parse().map_err(|_| {
                            Error::data(
                                column,
                                &format!("a time column of text must hold periods: {PERIOD_FORMS}"),
                                format!("{text:?}"),
                                format!("in row {row}"),
                            )
                        })?)),
                    });
                }
                keys
            }
            DataType::Date | DataType::Datetime(_, _) => {
                let days = c.cast(&DataType::Date)?;
                days.date()?
                    .as_date_iter()
                    .map(|d| d.map(TimeKey::Date))
                    .collect()
            }
            d if d.is_integer() => {
                let years = c.cast(&DataType::Int64)?;
                let mut keys = Vec::with_capacity(years.len());
                for (row, y) in years.i64()?.iter().enumerate() {
                    keys.push(match y {
                        None => None,
                        Some(y) => {
                            let year = i32::try_from(y).unwrap_or(i32::MAX);
                            let p = Period::Year { year };
                            p.validate().map_err(|_| {
                                Error::data(
                                    column,
                                    "a time column of whole numbers must hold years 1900–2100",
                                    y,
                                    format!("in row {row}"),
                                )
                            })?;
                            Some(TimeKey::Period(p))
                        }
                    });
                }
                keys
            }
            other => {
                return Err(Error::WrongDtype {
                    column: column.to_string(),
                    role: "time".to_string(),
                    expected: "period labels (text), whole years or dates".to_string(),
                    found: other.to_string(),
                })
            }
        };
        Ok(PeriodColumn {
            name: column.to_string(),
            keys,
        })
    }

    /// The row indices in time order (rows without a time last, each kind
    /// of tie in row order).
    ///
    /// Tertials and a delår as text, and a row without a period:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::PeriodColumn;
    ///
    /// let series = df!("period" => [Some("T3 2024"), None, Some("2024-T1"), Some("jan–aug 2024")])?;
    /// let column = PeriodColumn::read(&series, "period")?;
    /// // T1 2024 ends 30 April, jan–aug 2024 31 August, T3 2024 31 December.
    /// assert_eq!(column.order(), [2, 3, 0, 1]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn order(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..self.keys.len()).collect();
        rows.sort_by_key(|&r| (self.keys[r].is_none(), self.keys[r].map(|k| k.order_key())));
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> TimeKey {
        TimeKey::Period(text.parse().unwrap())
    }

    #[test]
    fn labels_order_as_time_not_as_text() {
        let table =
            df!("period" => ["T1 2024", "2023-T3", "jan–aug 2023", "2019–2023", "2018–2022"])
                .unwrap();
        let c = PeriodColumn::read(&table, "period").unwrap();
        // By the last day: 2018–2022, jan–aug 2023, then T3 2023 and
        // 2019–2023 (both end 2023-12-31: the shorter first), T1 2024.
        assert_eq!(c.order(), [4, 2, 1, 3, 0]);
    }

    #[test]
    fn the_same_time_a_year_earlier() {
        assert_eq!(key("T1 2024").previous_year(), key("2023-T1"));
        assert_eq!(key("2019–2023").previous_year(), key("2018–2022"));
        let d = |y, m, day| TimeKey::Date(NaiveDate::from_ymd_opt(y, m, day).unwrap());
        assert_eq!(d(2024, 2, 29).previous_year(), d(2023, 2, 28));
        assert_eq!(d(2023, 2, 28).previous_year(), d(2022, 2, 28));
        assert_eq!(d(2025, 2, 28).previous_year(), d(2024, 2, 29));
        assert_eq!(d(2024, 5, 15).previous_year(), d(2023, 5, 15));
    }

    #[test]
    fn decimal_years_put_a_period_at_its_middle() {
        assert!((key("2024").decimal_year() - 2024.5).abs() < 1e-12);
        assert!((key("2019–2023").decimal_year() - 2021.5).abs() < 1e-12);
        let jan = key("2023-01").decimal_year();
        assert!((jan - (2023.0 + 15.5 / 365.0)).abs() < 1e-12, "{jan}");
    }

    #[test]
    fn whole_years_and_dates_are_times_too() {
        let table = df!("year" => [2024i64, 2023]).unwrap();
        let c = PeriodColumn::read(&table, "year").unwrap();
        assert_eq!(c.keys[1], Some(key("2023")));
        assert_eq!(c.order(), [1, 0]);
        let bad = df!("year" => [24i64]).unwrap();
        let e = PeriodColumn::read(&bad, "year").unwrap_err().to_string();
        assert!(
            e.contains("`year`") && e.contains("1900–2100") && e.contains("24"),
            "{e}"
        );
    }

    #[test]
    fn result_rows_order_their_periods_as_time_within_each_group() {
        let keys = df!(
            "kommun" => ["Åre", "Berg", "Berg", "Berg"],
            "period" => ["T1 2024", "T1 2024", "2023-delar", "T3 2023"],
        )
        .unwrap();
        // Berg: jan–aug 2023, T3 2023, T1 2024; then Åre.
        assert_eq!(time_order(&keys).unwrap(), Some(vec![2, 3, 1, 0]));
        let plain = df!("kommun" => ["b", "a"]).unwrap();
        assert_eq!(time_order(&plain).unwrap(), None);
        // Labels that are not periods keep the order they have.
        let own = df!("period" => ["vår", "höst"]).unwrap();
        assert_eq!(time_order(&own).unwrap(), None);
    }

    #[test]
    fn numbers_beside_a_period_order_as_numbers() {
        let keys = df!(
            "year" => ["2020–2024", "2020–2024", "2020–2024"],
            "start_age" => [10i32, 5, 0],
        )
        .unwrap();
        assert_eq!(time_order(&keys).unwrap(), Some(vec![2, 1, 0]));
        let xs = [f64::NEG_INFINITY, -1.5, -0.0, 0.0, 5.0, 10.0, f64::INFINITY];
        assert!(xs
            .windows(2)
            .all(|w| total_order_key(w[0]) < total_order_key(w[1])));
    }

    #[test]
    fn a_label_that_is_no_period_names_its_row() {
        let table = df!("period" => ["2024", "sommar 2024"]).unwrap();
        let e = PeriodColumn::read(&table, "period")
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"sommar 2024\"") && e.contains("row 1"), "{e}");
        let floats = df!("period" => [2024.5]).unwrap();
        assert!(PeriodColumn::read(&floats, "period").is_err());
    }
}
