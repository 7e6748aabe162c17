//! Dates as day numbers (days since 1970-01-01, polars' `Date`), the span
//! of the records and the extraction date.

use chrono::NaiveDate;

/// The day numbers' origin.
const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The day the synthetic data were "taken out": no record is later.
pub(crate) const EXTRACTION: (i32, u32, u32) = (2026, 1, 15);

/// The first and last year of the record tables.
pub(crate) const FIRST_YEAR: i32 = 2019;
/// The last year of the record tables.
pub(crate) const LAST_YEAR: i32 = 2025;

/// The day number of a date.
pub(crate) fn day(date: NaiveDate) -> i32 {
    (date - EPOCH).num_days() as i32
}

/// Days from 1970-01-01 to a civil date (proleptic Gregorian; Howard
/// Hinnant's algorithm: integer arithmetic only, fast in debug builds).
fn days_from_civil(year: i32, month: u32, day_of_month: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day_of_month as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month, day)` of a day number.
fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i32::from(m <= 2), m, d)
}

/// The number of days of a month.
fn month_length(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day number of `year-month-day` (the day clamped to the month's last day).
pub(crate) fn ymd(year: i32, month: u32, day_of_month: u32) -> i32 {
    let month = month.clamp(1, 12);
    days_from_civil(
        year,
        month,
        day_of_month.clamp(1, month_length(year, month)),
    )
}

/// The date of a day number.
pub(crate) fn date(day_number: i32) -> NaiveDate {
    EPOCH
        .checked_add_signed(chrono::Duration::days(i64::from(day_number)))
        .unwrap_or(NaiveDate::MAX)
}

/// The extraction date as a day number.
pub(crate) fn extraction() -> i32 {
    ymd(EXTRACTION.0, EXTRACTION.1, EXTRACTION.2)
}

/// The extraction date.
pub(crate) fn extraction_date() -> NaiveDate {
    date(extraction())
}

/// The first and last day of `year`.
pub(crate) fn year_span(year: i32) -> (i32, i32) {
    (ymd(year, 1, 1), ymd(year, 12, 31))
}

/// The year of a day number.
pub(crate) fn year_of(day_number: i32) -> i32 {
    civil_from_days(day_number).0
}

/// The month (1–12) of a day number.
pub(crate) fn month_of(day_number: i32) -> u32 {
    civil_from_days(day_number).1
}

/// Months since January of `year` of a day number.
pub(crate) fn months_since(year: i32, day_number: i32) -> i32 {
    let (y, m, _) = civil_from_days(day_number);
    (y - year) * 12 + m as i32 - 1
}

/// A day of `year` drawn with relative weights per month (January first).
pub(crate) fn day_in_year(rng: &mut super::rng::Rng, year: i32, months: &[f64; 12]) -> i32 {
    let m = rng.weighted(months) as u32 + 1;
    let (first, last) = (ymd(year, m, 1), ymd(year, m, 31));
    rng.day(first, last)
}

/// Days of one year drawn with relative weights per month, in constant time.
pub(crate) struct Days {
    first: i32,
    weighted: super::rng::Weighted,
}

impl Days {
    /// The days of `year`, weighted by `months` (January first).
    pub fn new(year: i32, months: &[f64; 12]) -> Self {
        let (first, last) = year_span(year);
        let weighted =
            super::rng::Weighted::new((first..=last).map(|d| months[month_of(d) as usize - 1]));
        Days { first, weighted }
    }

    /// A day number.
    pub fn sample(&self, rng: &mut super::rng::Rng) -> i32 {
        self.first + self.weighted.sample(rng) as i32
    }
}

/// The row order by day number, stable (a counting sort: fast in debug builds).
pub(crate) fn order_by_day(days: &[i32]) -> Vec<usize> {
    let (Some(&lo), Some(&hi)) = (days.iter().min(), days.iter().max()) else {
        return Vec::new();
    };
    let mut starts = vec![0usize; (hi - lo) as usize + 2];
    for d in days {
        starts[(d - lo) as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut order = vec![0; days.len()];
    for (i, d) in days.iter().enumerate() {
        let slot = &mut starts[(d - lo) as usize];
        order[*slot] = i;
        *slot += 1;
    }
    order
}

/// Relative volume of planned care per month: less in the summer holidays and at Christmas.
pub(crate) const CARE_SEASON: [f64; 12] = [
    1.05, 1.05, 1.1, 1.0, 1.05, 0.95, 0.55, 0.85, 1.1, 1.1, 1.05, 0.85,
];

/// No seasonal variation.
pub(crate) const FLAT: [f64; 12] = [1.0; 12];

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(ymd(1970, 1, 1), 0);
        assert_eq!(
            date(ymd(2024, 2, 31)),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        assert_eq!(year_of(ymd(2025, 12, 31)), 2025);
        assert_eq!(month_of(ymd(2025, 7, 4)), 7);
        assert_eq!(
            extraction_date(),
            NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
        );
        // The integer calendar agrees with chrono over two centuries.
        let mut d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        while d.year() < 2101 {
            let n = day(d);
            assert_eq!(ymd(d.year(), d.month(), d.day()), n);
            assert_eq!(civil_from_days(n), (d.year(), d.month(), d.day()));
            d = d.succ_opt().unwrap();
        }
        assert_eq!(months_since(2017, ymd(2018, 3, 9)), 14);
        assert_eq!(order_by_day(&[5, 3, 5, 4, 3]), [1, 4, 3, 0, 2]);
        assert!(order_by_day(&[]).is_empty());
        let mut rng = super::super::rng::Rng::new(1, "days");
        let days = Days::new(2024, &CARE_SEASON);
        assert!((0..1000).all(|_| year_of(days.sample(&mut rng)) == 2024));
    }
}
