//! The Swedish and ISO-like forms of a period: parsing, printing and serde.

use std::fmt;
use std::str::FromStr;

use chrono::Datelike;

use super::{Period, MONTHS, MONTH_NAMES, PERIOD_FORMS, YEARS};
use crate::error::{Error, Result};

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
