//! Periods over polars columns: the kinds records are assigned to, the
//! labels and expressions that assign them.

use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

use super::Period;
use crate::error::{Error, Result};

/// The kinds of period a record can be assigned to (one period per date).
///
/// The tertial and the delår of a visit on 14 May 2024, and of one in
/// October (after the delår):
///
/// ```
/// use indikator::chrono::NaiveDate;
/// use indikator::{Period, PeriodKind};
///
/// let may = NaiveDate::from_ymd_opt(2024, 5, 14).unwrap();
/// assert_eq!(PeriodKind::Tertial.containing(may), Some("T2 2024".parse::<Period>()?));
/// assert_eq!(PeriodKind::Delar.containing(may), Some("jan–aug 2024".parse::<Period>()?));
/// let october = NaiveDate::from_ymd_opt(2024, 10, 1).unwrap();
/// assert_eq!(PeriodKind::Delar.containing(october), None);
/// assert_eq!("delår".parse::<PeriodKind>()?, PeriodKind::Delar);
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PeriodKind {
    /// Calendar months.
    Month,
    /// Tertials.
    Tertial,
    /// Half-years.
    HalfYear,
    /// January–August; dates in September–December belong to none.
    Delar,
    /// Calendar years.
    Year,
}

const KINDS: &str = "one of \"month\", \"tertial\", \"half_year\", \"delar\", \"year\" \
(or månad, halvår, delår, år)";

impl FromStr for PeriodKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_lowercase().replace([' ', '-'], "_").as_str() {
            "month" | "månad" => Ok(PeriodKind::Month),
            "tertial" => Ok(PeriodKind::Tertial),
            "half_year" | "halfyear" | "halvår" => Ok(PeriodKind::HalfYear),
            "delar" | "delår" => Ok(PeriodKind::Delar),
            "year" | "år" => Ok(PeriodKind::Year),
            _ => Err(Error::argument("kind", KINDS, format!("{s:?}"))),
        }
    }
}

impl PeriodKind {
    /// The period of this kind containing `day` (`None` for a delår and a
    /// day in September–December).
    ///
    /// A visit on 14 May 2024, by each kind of period, and one in October:
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::{Period, PeriodKind};
    ///
    /// let may = NaiveDate::from_ymd_opt(2024, 5, 14).unwrap();
    /// assert_eq!(PeriodKind::Month.containing(may), Some(Period::Month { year: 2024, month: 5 }));
    /// assert_eq!(PeriodKind::HalfYear.containing(may).map(|p| p.to_string()), Some("H1 2024".to_string()));
    /// assert_eq!(PeriodKind::Tertial.containing(may).map(|p| p.iso()), Some("2024-T2".to_string()));
    /// let october = NaiveDate::from_ymd_opt(2024, 10, 3).unwrap();
    /// assert_eq!(PeriodKind::Delar.containing(october), None); // after the delår
    /// assert_eq!(PeriodKind::Year.containing(october), Some(Period::Year { year: 2024 }));
    /// ```
    pub fn containing(self, day: NaiveDate) -> Option<Period> {
        let (year, month) = (day.year(), day.month());
        Some(match self {
            PeriodKind::Month => Period::Month { year, month },
            PeriodKind::Tertial => Period::Tertial {
                year,
                tertial: (month - 1) / 4 + 1,
            },
            PeriodKind::HalfYear => Period::HalfYear {
                year,
                half: (month - 1) / 6 + 1,
            },
            PeriodKind::Delar if month <= 8 => Period::Delar { year },
            PeriodKind::Delar => return None,
            PeriodKind::Year => Period::Year { year },
        })
    }
}

/// The label of the period of `kind` containing each date of `dates` (a
/// `Date` or `Datetime` series): the ISO-like form (`"2017-T2"`, sorts in
/// time order) or, with `swedish`, the Swedish form (`"T2 2017"`). Null
/// dates, and dates outside a delår, give null.
///
/// # Errors
/// [`Error::WrongDtype`] when `dates` is not a date or datetime series.
///
/// # Example
/// Visits labelled by tertial and by delår:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::period_labels;
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
/// let visits = df!("visit_date" => [day(1, 15), day(5, 2), day(9, 30)])?;
/// let dates = visits.column("visit_date")?.as_materialized_series();
/// let tertials = period_labels(dates, PeriodKind::Tertial, false)?;
/// assert_eq!(tertials.str()?.iter().flatten().collect::<Vec<_>>(), ["2024-T1", "2024-T2", "2024-T3"]);
/// let delar = period_labels(dates, PeriodKind::Delar, true)?;
/// assert_eq!(delar.str()?.get(0), Some("jan–aug 2024"));
/// assert_eq!(delar.str()?.get(2), None); // September is after the delår
/// assert!(period_labels(&Series::new("year".into(), [2024i32]), PeriodKind::Year, false).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn period_labels(dates: &Series, kind: PeriodKind, swedish: bool) -> Result<Series> {
    let days = match dates.dtype() {
        DataType::Date => dates.clone(),
        DataType::Datetime(_, _) => dates.cast(&DataType::Date)?,
        other => {
            return Err(Error::WrongDtype {
                column: dates.name().to_string(),
                role: "dates to assign to periods".to_string(),
                expected: "a date or datetime".to_string(),
                found: other.to_string(),
            })
        }
    };
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN);
    let days = days.cast(&DataType::Int32)?;
    let labels: StringChunked = days
        .i32()?
        .iter()
        .map(|d| {
            let day = epoch.checked_add_signed(chrono::Duration::days(i64::from(d?)))?;
            let period = kind.containing(day)?;
            Some(if swedish {
                period.to_string()
            } else {
                period.iso()
            })
        })
        .collect();
    Ok(labels.with_name(dates.name().clone()).into_series())
}

/// A polars expression giving the label of the period of `kind` containing
/// each date of `dates` (see [`period_labels`]).
///
/// ```
/// use indikator::{period_expr, PeriodKind};
/// use indikator::polars::prelude::*;
/// let visits = df!("date" => [indikator::chrono::NaiveDate::from_ymd_opt(2017, 5, 2).unwrap()])?;
/// let out = visits.lazy()
///     .select([period_expr(col("date"), PeriodKind::Tertial, false).alias("period")])
///     .collect()?;
/// assert_eq!(out.column("period")?.str()?.get(0), Some("2017-T2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn period_expr(dates: Expr, kind: PeriodKind, swedish: bool) -> Expr {
    dates.map(
        move |c: Column| {
            period_labels(c.as_materialized_series(), kind, swedish)
                .map(Column::from)
                .map_err(|e| PolarsError::ComputeError(e.to_string().into()))
        },
        |_, field| Ok(Field::new(field.name().clone(), DataType::String)),
    )
}
