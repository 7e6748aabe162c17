//! Reporting periods: month, tertial, half-year, delår (January–August),
//! year, rolling twelve months and multi-year spans.
//!
//! Periods parse from and print to the Swedish forms of the region's reports
//! ("T2 2017", "jan–aug 2017", "2011–2015") and ISO-like forms ("2017-T2",
//! "2017-delar"). Each knows its first and last day, whether it contains a
//! date, and the same period a year earlier.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

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

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const MONTH_NAMES: [&str; 12] = [
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

/// The forms [`Period::from_str`] accepts, for error messages.
pub const PERIOD_FORMS: &str =
    "a year (\"2017\"), years (\"2011–2015\"), a tertial (\"T2 2017\", \"2017-T2\"), \
a half-year (\"H1 2024\", \"2024-H1\"), the interim period (\"jan–aug 2017\", \"2017-delar\"), \
a month (\"mars 2017\", \"2017-03\") or rolling twelve months (\"R12 2017-03\", \"2017-03-R12\")";

/// Years outside this range are rejected as typing errors.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

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
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start() <= day && day <= self.end()
    }

    /// The same period one year earlier.
    pub fn previous_year(&self) -> Period {
        self.shift_years(-1)
    }

    /// The same period `years` later (earlier when negative).
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
                first: first + years,
                last: last + years,
            },
        }
    }

    /// The ISO-like form: `2017-03`, `2017-T2`, `2024-H1`, `2017-delar`,
    /// `2017`, `2017-03-R12`, `2011/2015`.
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

impl fmt::Display for Period {
    /// The Swedish form: `mars 2017`, `T2 2017`, `H1 2024`, `jan–aug 2017`,
    /// `2017`, `apr 2016–mar 2017`, `2011–2015`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.clamped() {
            Period::Month { year, month } => {
                write!(f, "{} {year}", MONTH_NAMES[(month - 1) as usize])
            }
            Period::Tertial { year, tertial } => write!(f, "T{tertial} {year}"),
            Period::HalfYear { year, half } => write!(f, "H{half} {year}"),
            Period::Delar { year } => write!(f, "jan–aug {year}"),
            Period::Year { year } => write!(f, "{year}"),
            Period::Rolling12 { .. } => {
                let (s, e) = (self.start(), self.end());
                write!(
                    f,
                    "{} {}–{} {}",
                    MONTHS[s.month0() as usize],
                    s.year(),
                    MONTHS[e.month0() as usize],
                    e.year()
                )
            }
            Period::Years { first, last } if first == last => write!(f, "{first}"),
            Period::Years { first, last } => write!(f, "{first}–{last}"),
        }
    }
}

fn bad(text: &str) -> Error {
    Error::argument(
        "period",
        &format!("a period must be {PERIOD_FORMS}"),
        format!("{text:?}"),
    )
}

fn year(text: &str, original: &str) -> Result<i32> {
    let y: i32 = text.trim().parse().map_err(|_| bad(original))?;
    if YEARS.contains(&y) && text.trim().len() == 4 {
        Ok(y)
    } else {
        Err(Error::argument(
            "period",
            "years must be written with four digits, 1900–2100",
            format!("{original:?}"),
        ))
    }
}

fn month_number(text: &str) -> Option<u32> {
    let t = text.trim().trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == t)
        .or_else(|| MONTH_NAMES.iter().position(|m| *m == t))
        .map(|i| i as u32 + 1)
}

/// The Swedish form of rolling twelve months, `apr 2016–mar 2017`, split in
/// words as `apr`, `2016–mar`, `2017`. `None` when the words are not months.
fn rolling_span(
    first: &str,
    middle: &str,
    last_year: &str,
    original: &str,
) -> Result<Option<Period>> {
    let Some((first_year, last_month)) = middle.split_once(['–', '-']) else {
        return Ok(None);
    };
    let (Some(m1), Some(m2)) = (month_number(first), month_number(last_month)) else {
        return Ok(None);
    };
    let (y1, y2) = (year(first_year, original)?, year(last_year, original)?);
    let months = (y2 - y1) * 12 + m2 as i32 - m1 as i32 + 1;
    if months != 12 {
        return Err(Error::argument(
            "period",
            "a span of months must cover twelve months (rolling twelve months)",
            format!("{original:?} ({months} months)"),
        ));
    }
    Ok(Some(Period::Rolling12 {
        year: y2,
        month: m2,
    }))
}

/// `2017-03` → (2017, 3).
fn iso_month(text: &str, original: &str) -> Result<Option<(i32, u32)>> {
    let Some((y, m)) = text.split_once('-') else {
        return Ok(None);
    };
    if m.len() != 2 || !m.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let month: u32 = m.parse().map_err(|_| bad(original))?;
    if !(1..=12).contains(&month) {
        return Err(Error::argument(
            "period",
            "months must be 01–12",
            format!("{original:?}"),
        ));
    }
    Ok(Some((year(y, original)?, month)))
}

impl FromStr for Period {
    type Err = Error;

    /// Parse any of the forms in [`PERIOD_FORMS`] (case-insensitive; an en
    /// dash, a hyphen or "till" between years).
    fn from_str(original: &str) -> Result<Period> {
        let s = original.trim().to_lowercase().replace('—', "–");
        let words: Vec<&str> = s.split_whitespace().collect();
        let numbered = |prefix: char, w: &str, max: u32| -> Option<u32> {
            let rest = w.strip_prefix(prefix)?;
            let n: u32 = rest.parse().ok()?;
            (1..=max).contains(&n).then_some(n)
        };
        match words.as_slice() {
            [w, y] if numbered('t', w, 3).is_some() => {
                return Ok(Period::Tertial {
                    year: year(y, original)?,
                    tertial: numbered('t', w, 3).unwrap_or(1),
                })
            }
            [w, y] if numbered('h', w, 2).is_some() => {
                return Ok(Period::HalfYear {
                    year: year(y, original)?,
                    half: numbered('h', w, 2).unwrap_or(1),
                })
            }
            [w, y] if *w == "jan–aug" || *w == "jan-aug" || *w == "delår" => {
                return Ok(Period::Delar {
                    year: year(y, original)?,
                })
            }
            ["r12", ym] => {
                if let Some((year, month)) = iso_month(ym, original)? {
                    return Ok(Period::Rolling12 { year, month });
                }
            }
            [first, middle, last_year] => {
                if let Some(period) = rolling_span(first, middle, last_year, original)? {
                    return Ok(period);
                }
            }
            [m, y] => {
                if let Some(month) = month_number(m) {
                    return Ok(Period::Month {
                        year: year(y, original)?,
                        month,
                    });
                }
            }
            [single] => return parse_compact(single, original),
            _ => {}
        }
        Err(bad(original))
    }
}

/// One-word forms: `2017`, `2011–2015`, `2017-T2`, `2024-H1`, `2017-delar`, `2017-03`, `2017-03-R12`.
fn parse_compact(s: &str, original: &str) -> Result<Period> {
    if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        return Ok(Period::Year {
            year: year(s, original)?,
        });
    }
    for sep in ["–", "/"] {
        if let Some((a, b)) = s.split_once(sep) {
            let (first, last) = (year(a, original)?, year(b, original)?);
            if last < first {
                return Err(Error::argument(
                    "period",
                    "a span of years must not end before it starts",
                    format!("{original:?}"),
                ));
            }
            return Ok(Period::Years { first, last });
        }
    }
    if let Some(ym) = s.strip_suffix("-r12") {
        if let Some((year, month)) = iso_month(ym, original)? {
            return Ok(Period::Rolling12 { year, month });
        }
    }
    if let Some((y, rest)) = s.split_once('-') {
        if rest == "delar" || rest == "delår" {
            return Ok(Period::Delar {
                year: year(y, original)?,
            });
        }
        if let Some(t) = rest
            .strip_prefix('t')
            .and_then(|t| t.parse::<u32>().ok())
            .filter(|t| (1..=3).contains(t))
        {
            return Ok(Period::Tertial {
                year: year(y, original)?,
                tertial: t,
            });
        }
        if let Some(h) = rest
            .strip_prefix('h')
            .and_then(|h| h.parse::<u32>().ok())
            .filter(|h| (1..=2).contains(h))
        {
            return Ok(Period::HalfYear {
                year: year(y, original)?,
                half: h,
            });
        }
        if let Some((year, month)) = iso_month(s, original)? {
            return Ok(Period::Month { year, month });
        }
        // "2011-2015" with a hyphen.
        if rest.len() == 4 && rest.chars().all(|c| c.is_ascii_digit()) {
            return parse_compact(&format!("{y}–{rest}"), original);
        }
    }
    Err(bad(original))
}

impl serde::Serialize for Period {
    /// Periods are written in their ISO-like form, e.g. `"2011/2015"`.
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    /// Any form [`Period::from_str`] accepts.
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The kinds of period a record can be assigned to (one period per date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
/// use polars::prelude::*;
/// let visits = df!("date" => [chrono::NaiveDate::from_ymd_opt(2017, 5, 2).unwrap()])?;
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
