//! Reporting periods: month, tertial, half-year, delår (January–August),
//! year, rolling twelve months and multi-year spans.
//!
//! Periods parse from and print to the Swedish forms of the region's reports
//! ("T2 2017", "jan–aug 2017", "2011–2015") and ISO-like forms ("2017-T2",
//! "2017-delar"). Each knows its first and last day, whether it contains a
//! date, and the same period a year earlier.
//!
//! Over 500 lines with its documentation: 233 lines of code and 166 of doc
//! comments (every public item and method carries a runnable example), then
//! 164 of unit tests.

mod forms;
mod frame;
mod series;

use chrono::{Datelike, NaiveDate};

pub use frame::{period_expr, period_labels, PeriodKind};
pub use series::{time_order, PeriodColumn, TimeKey, TIME_COLUMNS};

use crate::error::{Error, Result};

/// A reporting period.
///
/// # Example
/// ```
/// use indikator::Period;
///
/// let t2: Period = "T2 2017".parse()?;
/// assert_eq!(t2, "2017-T2".parse()?);
/// assert_eq!(t2.to_string(), "T2 2017");
/// assert_eq!(t2.iso(), "2017-T2");
/// assert_eq!(t2.previous_year().to_string(), "T2 2016");
/// let delar: Period = "jan–aug 2024".parse()?;
/// assert_eq!(delar.iso(), "2024-delar");
/// assert_eq!(delar.end().to_string(), "2024-08-31");
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Period {
    /// One calendar month (1–12).
    Month {
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u32,
    },
    /// A tertial: T1 January–April, T2 May–August, T3 September–December.
    Tertial {
        /// The year.
        year: i32,
        /// 1, 2 or 3.
        tertial: u32,
    },
    /// A half-year: H1 January–June, H2 July–December.
    HalfYear {
        /// The year.
        year: i32,
        /// 1 or 2.
        half: u32,
    },
    /// The interim period of the delårsbokslut: January–August ("per augusti").
    Delar {
        /// The year.
        year: i32,
    },
    /// A calendar year.
    Year {
        /// The year.
        year: i32,
    },
    /// Twelve months ending with the given month.
    Rolling12 {
        /// The year of the last month.
        year: i32,
        /// The last month, 1–12.
        month: u32,
    },
    /// Several whole years, e.g. 2011–2015.
    Years {
        /// The first year.
        first: i32,
        /// The last year (>= first).
        last: i32,
    },
}

pub(crate) const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// The forms a [`Period`] parses from (its `FromStr`), for error messages.
///
/// A label that is no period gets them in its error:
///
/// ```
/// use indikator::{Error, Period, PERIOD_FORMS};
///
/// let err = "T4 2024".parse::<Period>().unwrap_err();
/// assert!(matches!(&err, Error::InvalidArgument { argument, .. } if argument == "period"));
/// assert!(err.to_string().contains(PERIOD_FORMS));
/// assert!(PERIOD_FORMS.contains("\"jan–aug 2017\""));
/// ```
pub const PERIOD_FORMS: &str =
    "a year (\"2017\"), years (\"2011–2015\"), a tertial (\"T2 2017\", \"2017-T2\"), \
a half-year (\"H1 2024\", \"2024-H1\"), the interim period (\"jan–aug 2017\", \"2017-delar\"), \
a month (\"mars 2017\", \"2017-03\") or rolling twelve months (\"R12 2017-03\", \"2017-03-R12\")";

/// Years outside this range are rejected as typing errors.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

fn last_day(year: i32, month: u32) -> NaiveDate {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    date(y, m, 1).pred_opt().unwrap_or(NaiveDate::MIN)
}

impl Period {
    /// Check the fields of a period built by hand: months 1–12, tertials 1–3,
    /// halves 1–2, years 1900–2100, spans not reversed. (Parsed periods are
    /// always valid; the other methods clamp out-of-range fields rather than
    /// panic, and give meaningless dates for years outside chrono's range.)
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the field.
    ///
    /// A tertial built by hand from a spreadsheet's columns:
    ///
    /// ```
    /// use indikator::{Error, Period};
    ///
    /// assert!(Period::Tertial { year: 2024, tertial: 2 }.validate().is_ok());
    /// let err = Period::Tertial { year: 2024, tertial: 4 }.validate().unwrap_err();
    /// assert!(matches!(&err, Error::InvalidArgument { argument, .. } if argument == "period"));
    /// assert!(err.to_string().contains("tertials must be 1–3"));
    /// assert!(Period::Years { first: 2023, last: 2019 }.validate().is_err()); // reversed
    /// ```
    pub fn validate(&self) -> Result<()> {
        let (ok, rule) = match *self {
            Period::Month { year, month } | Period::Rolling12 { year, month } => (
                YEARS.contains(&year) && (1..=12).contains(&month),
                "months must be 1–12 and years 1900–2100",
            ),
            Period::Tertial { year, tertial } => (
                YEARS.contains(&year) && (1..=3).contains(&tertial),
                "tertials must be 1–3",
            ),
            Period::HalfYear { year, half } => (
                YEARS.contains(&year) && (1..=2).contains(&half),
                "halves must be 1 or 2",
            ),
            Period::Delar { year } | Period::Year { year } => {
                (YEARS.contains(&year), "years must be 1900–2100")
            }
            Period::Years { first, last } => (
                YEARS.contains(&first) && YEARS.contains(&last) && first <= last,
                "a span of years must lie in 1900–2100 and not end before it starts",
            ),
        };
        if ok {
            Ok(())
        } else {
            Err(Error::argument("period", rule, format!("{self:?}")))
        }
    }

    /// The fields clamped into their ranges (so no method can panic).
    fn clamped(&self) -> Period {
        match *self {
            Period::Month { year, month } => Period::Month {
                year,
                month: month.clamp(1, 12),
            },
            Period::Rolling12 { year, month } => Period::Rolling12 {
                year,
                month: month.clamp(1, 12),
            },
            Period::Tertial { year, tertial } => Period::Tertial {
                year,
                tertial: tertial.clamp(1, 3),
            },
            Period::HalfYear { year, half } => Period::HalfYear {
                year,
                half: half.clamp(1, 2),
            },
            other => other,
        }
    }

    /// The first day.
    ///
    /// ```
    /// use indikator::Period;
    ///
    /// let t2: Period = "T2 2024".parse()?;
    /// assert_eq!(t2.start().to_string(), "2024-05-01");
    /// // Rolling twelve months to March 2024 start in April 2023.
    /// assert_eq!("R12 2024-03".parse::<Period>()?.start().to_string(), "2023-04-01");
    /// assert_eq!("2019–2023".parse::<Period>()?.start().to_string(), "2019-01-01");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn start(&self) -> NaiveDate {
        match self.clamped() {
            Period::Month { year, month } => date(year, month, 1),
            Period::Tertial { year, tertial } => date(year, 4 * (tertial - 1) + 1, 1),
            Period::HalfYear { year, half } => date(year, 6 * (half - 1) + 1, 1),
            Period::Delar { year } | Period::Year { year } => date(year, 1, 1),
            Period::Rolling12 { year, month } => {
                if month == 12 {
                    date(year, 1, 1)
                } else {
                    date(year.saturating_sub(1), month + 1, 1)
                }
            }
            Period::Years { first, .. } => date(first, 1, 1),
        }
    }

    /// The last day (inclusive).
    ///
    /// ```
    /// use indikator::Period;
    ///
    /// // The delårsbokslut closes "per augusti".
    /// assert_eq!("jan–aug 2024".parse::<Period>()?.end().to_string(), "2024-08-31");
    /// assert_eq!("februari 2024".parse::<Period>()?.end().to_string(), "2024-02-29"); // leap year
    /// assert_eq!("H1 2025".parse::<Period>()?.end().to_string(), "2025-06-30");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn end(&self) -> NaiveDate {
        match self.clamped() {
            Period::Month { year, month } | Period::Rolling12 { year, month } => {
                last_day(year, month)
            }
            Period::Tertial { year, tertial } => last_day(year, 4 * tertial),
            Period::HalfYear { year, half } => last_day(year, 6 * half),
            Period::Delar { year } => last_day(year, 8),
            Period::Year { year } => last_day(year, 12),
            Period::Years { last, .. } => last_day(last, 12),
        }
    }

    /// Whether `day` falls in the period (both ends included).
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::Period;
    ///
    /// let t2: Period = "T2 2024".parse()?;
    /// let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
    /// assert!(t2.contains(day(5, 1)) && t2.contains(day(8, 31)));
    /// assert!(!t2.contains(day(4, 30)) && !t2.contains(day(9, 1)));
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start() <= day && day <= self.end()
    }

    /// The same period one year earlier.
    ///
    /// The delår compared with the same months of the year before:
    ///
    /// ```
    /// use indikator::Period;
    ///
    /// let delar: Period = "jan–aug 2024".parse()?;
    /// assert_eq!(delar.previous_year().to_string(), "jan–aug 2023");
    /// assert_eq!("2020–2024".parse::<Period>()?.previous_year().iso(), "2019/2023");
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn previous_year(&self) -> Period {
        self.shift_years(-1)
    }

    /// The same period `years` later (earlier when negative).
    ///
    /// ```
    /// use indikator::Period;
    ///
    /// let t1: Period = "T1 2024".parse()?;
    /// assert_eq!(t1.shift_years(-5).to_string(), "T1 2019");
    /// assert_eq!(t1.shift_years(1), "2025-T1".parse()?);
    /// assert_eq!(t1.shift_years(-1), t1.previous_year());
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn shift_years(&self, years: i32) -> Period {
        match *self {
            Period::Month { year, month } => Period::Month {
                year: year.saturating_add(years),
                month,
            },
            Period::Tertial { year, tertial } => Period::Tertial {
                year: year.saturating_add(years),
                tertial,
            },
            Period::HalfYear { year, half } => Period::HalfYear {
                year: year.saturating_add(years),
                half,
            },
            Period::Delar { year } => Period::Delar {
                year: year.saturating_add(years),
            },
            Period::Year { year } => Period::Year {
                year: year.saturating_add(years),
            },
            Period::Rolling12 { year, month } => Period::Rolling12 {
                year: year.saturating_add(years),
                month,
            },
            Period::Years { first, last } => Period::Years {
                first: first.saturating_add(years),
                last: last.saturating_add(years),
            },
        }
    }

    /// The ISO-like form: `2017-03`, `2017-T2`, `2024-H1`, `2017-delar`,
    /// `2017`, `2017-03-R12`, `2011/2015`.
    ///
    /// The Swedish forms of the report and their ISO-like forms, which sort
    /// in time order within a kind:
    ///
    /// ```
    /// use indikator::Period;
    ///
    /// assert_eq!("mars 2024".parse::<Period>()?.iso(), "2024-03");
    /// assert_eq!("T2 2024".parse::<Period>()?.iso(), "2024-T2");
    /// assert_eq!("jan–aug 2024".parse::<Period>()?.iso(), "2024-delar");
    /// let span: Period = "2019–2023".parse()?;
    /// assert_eq!(span.iso(), "2019/2023");
    /// assert_eq!(span.iso().parse::<Period>()?, span); // it parses back
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn iso(&self) -> String {
        match self.clamped() {
            Period::Month { year, month } => format!("{year}-{month:02}"),
            Period::Tertial { year, tertial } => format!("{year}-T{tertial}"),
            Period::HalfYear { year, half } => format!("{year}-H{half}"),
            Period::Delar { year } => format!("{year}-delar"),
            Period::Year { year } => format!("{year}"),
            Period::Rolling12 { year, month } => format!("{year}-{month:02}-R12"),
            Period::Years { first, last } => format!("{first}/{last}"),
        }
    }

    /// The period of the given kind that contains `day`; the kind is taken from `self`
    /// (a `Years` span gives the calendar year of `day`).
    ///
    /// The tertial of a visit, given the tertial being reported:
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::Period;
    ///
    /// let reported: Period = "T2 2024".parse()?;
    /// let visit = NaiveDate::from_ymd_opt(2024, 11, 5).unwrap();
    /// assert_eq!(reported.of_same_kind_containing(visit).to_string(), "T3 2024");
    /// let window: Period = "2019–2023".parse()?;
    /// assert_eq!(window.of_same_kind_containing(visit), Period::Year { year: 2024 });
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn of_same_kind_containing(&self, day: NaiveDate) -> Period {
        let (year, month) = (day.year(), day.month());
        match self {
            Period::Month { .. } => Period::Month { year, month },
            Period::Tertial { .. } => Period::Tertial {
                year,
                tertial: (month - 1) / 4 + 1,
            },
            Period::HalfYear { .. } => Period::HalfYear {
                year,
                half: (month - 1) / 6 + 1,
            },
            Period::Delar { .. } => Period::Delar { year },
            Period::Year { .. } | Period::Years { .. } => Period::Year { year },
            Period::Rolling12 { .. } => Period::Rolling12 { year, month },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn shifting_a_span_of_years_saturates_like_every_other_period() {
        let span = Period::Years {
            first: 2020,
            last: 2024,
        };
        assert_eq!(span.shift_years(-1), p("2019-2023"));
        let far = span.shift_years(i32::MAX);
        assert_eq!(
            far,
            Period::Years {
                first: i32::MAX,
                last: i32::MAX
            }
        );
    }

    #[test]
    fn swedish_and_iso_forms_round_trip() {
        for (swedish, iso) in [
            ("mars 2017", "2017-03"),
            ("T2 2017", "2017-T2"),
            ("H1 2024", "2024-H1"),
            ("jan–aug 2017", "2017-delar"),
            ("2017", "2017"),
            ("apr 2016–mar 2017", "2017-03-R12"),
            ("2011–2015", "2011/2015"),
        ] {
            let period = p(iso);
            assert_eq!(period.to_string(), swedish, "{iso}");
            assert_eq!(period.iso(), iso);
            assert_eq!(p(&period.iso()), period);
            assert_eq!(p(swedish), period, "{swedish}");
        }
        assert_eq!(p("jan 2017–dec 2017"), p("2017-12-R12"));
        let e = "apr 2016–jun 2017"
            .parse::<Period>()
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("twelve months") && e.contains("15 months"),
            "{e}"
        );
        assert_eq!(p("2011-2015"), p("2011–2015"));
        assert_eq!(p("Delår 2024"), p("2024-delar"));
        assert_eq!(p("R12 2017-03"), p("2017-03-R12"));
        assert_eq!(
            p("augusti 2018"),
            Period::Month {
                year: 2018,
                month: 8
            }
        );
    }

    #[test]
    fn first_and_last_days() {
        assert_eq!(
            (p("T1 2020").start(), p("T1 2020").end()),
            (d("2020-01-01"), d("2020-04-30"))
        );
        assert_eq!(p("T3 2020").end(), d("2020-12-31"));
        assert_eq!(p("2024-delar").end(), d("2024-08-31"));
        assert_eq!(p("februari 2024").end(), d("2024-02-29"));
        assert_eq!(
            (p("2017-03-R12").start(), p("2017-03-R12").end()),
            (d("2016-04-01"), d("2017-03-31"))
        );
        assert_eq!(p("2016-12-R12").start(), d("2016-01-01"));
        assert_eq!(
            (p("2011–2015").start(), p("2011–2015").end()),
            (d("2011-01-01"), d("2015-12-31"))
        );
    }

    #[test]
    fn contains_both_ends() {
        let t2 = p("T2 2017");
        assert!(t2.contains(d("2017-05-01")) && t2.contains(d("2017-08-31")));
        assert!(!t2.contains(d("2017-04-30")) && !t2.contains(d("2017-09-01")));
    }

    #[test]
    fn same_period_last_year() {
        assert_eq!(p("jan–aug 2024").previous_year(), p("jan–aug 2023"));
        assert_eq!(p("2011–2015").previous_year(), p("2010–2014"));
        assert_eq!(p("2024-02").previous_year().end(), d("2023-02-28"));
    }

    #[test]
    fn assigns_dates_to_periods_of_a_kind() {
        let t = p("T1 2000");
        assert_eq!(t.of_same_kind_containing(d("2017-08-31")), p("T2 2017"));
        assert_eq!(
            p("2000-H1").of_same_kind_containing(d("2017-07-01")),
            p("H2 2017")
        );
        assert_eq!(
            p("2000-delar").of_same_kind_containing(d("2017-12-01")),
            p("2017-delar")
        );
    }

    #[test]
    fn bad_strings_list_the_accepted_forms() {
        let err = "T4 2017".parse::<Period>().unwrap_err().to_string();
        assert_eq!(
            err,
            format!("argument `period`: a period must be {PERIOD_FORMS}; got \"T4 2017\"")
        );
        assert!("2017-13"
            .parse::<Period>()
            .unwrap_err()
            .to_string()
            .contains("months must be 01–12"));
        assert!("17".parse::<Period>().is_err());
        assert!("2015–2011"
            .parse::<Period>()
            .unwrap_err()
            .to_string()
            .contains("must not end before it starts"));
        assert!("T2 3017"
            .parse::<Period>()
            .unwrap_err()
            .to_string()
            .contains("1900–2100"));
        assert!("".parse::<Period>().is_err());
    }

    #[test]
    fn hand_built_periods_are_validated_and_never_panic() {
        let bad = Period::Tertial {
            year: 2017,
            tertial: 0,
        };
        assert_eq!(
            bad.validate().unwrap_err().to_string(),
            "argument `period`: tertials must be 1–3; got Tertial { year: 2017, tertial: 0 }"
        );
        assert_eq!(bad.start(), d("2017-01-01"));
        assert_eq!(
            Period::Month {
                year: 2017,
                month: 13
            }
            .to_string(),
            "december 2017"
        );
        assert!(p("T3 2017").validate().is_ok());
    }
}
