//! SCB's dimensions as the columns the library reads: the region as a
//! kommun code with its name, the age as whole years (or bands), the sex as
//! `K`/`M`, the year as a number — so that a population read from PxWeb
//! goes straight into `Mortality::rates` and `Rate`.

use std::collections::HashMap;

use polars::prelude::*;

use super::tidy::{LABEL_SUFFIX, STATUS, VALUE};
use crate::error::{Error, Result};
use crate::geography::{area_name, RIKET_CODE};
use crate::input::IntoFrame;
use crate::measure::band_range;

/// The dimension names recognised (lower case), by what they are.
const REGION: [&str; 6] = ["region", "kommun", "län", "lan", "municipality", "område"];
const TIME: [&str; 5] = ["år", "ar", "tid", "year", "time"];
const SEX: [&str; 4] = ["kön", "kon", "sex", "gender"];
const AGE: [&str; 5] = ["ålder", "alder", "age", "åldersgrupp", "åldersklass"];
const CONTENTS: [&str; 4] = [
    "tabellinnehåll",
    "contentscode",
    "contents",
    "table contents",
];

#[derive(Debug, Clone, PartialEq)]
enum Age {
    Single(u32),
    Open(u32),
    Band(u32, u32),
    Total,
}

fn age_of(text: &str) -> Option<Age> {
    let t = text.trim().to_lowercase();
    if t == "tot"
        || t.starts_with("totalt")
        || t.starts_with("total")
        || t == "samtliga"
        || t == "alla åldrar"
    {
        return Some(Age::Total);
    }
    let t = ["år", "years", "year"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(&t)
        .trim();
    if let Ok(n) = t.parse() {
        return Some(Age::Single(n));
    }
    match band_range(t)? {
        (from, None) => Some(Age::Open(from)),
        (from, Some(to)) => Some(Age::Band(from, to)),
    }
}

/// `Some("M")`, `Some("K")`, `Some("")` for the total, `None` if not a sex.
fn sex_of(text: &str) -> Option<&'static str> {
    match text.trim().to_lowercase().as_str() {
        "1" | "m" | "män" | "man" | "men" | "male" | "males" | "pojkar" => Some("M"),
        "2" | "k" | "f" | "kvinnor" | "kvinna" | "women" | "female" | "females" | "flickor" => {
            Some("K")
        }
        "1+2" | "t" | "tot" | "totalt" | "total" | "båda könen" | "samtliga" | "both sexes" => {
            Some("")
        }
        _ => None,
    }
}

/// The SCB code, the name and the level of a region category ("2380 Östersund").
fn region_of(code: &str, label: &str) -> (String, String, &'static str) {
    let digits = |s: &str| {
        s.chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
    };
    let code = code.trim();
    let scb = if !code.is_empty() && code.chars().all(|c| c.is_ascii_digit()) {
        code.to_string()
    } else {
        Some(digits(label.trim()))
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| code.to_string())
    };
    let rest = label
        .trim()
        .strip_prefix(scb.as_str())
        .map(str::trim)
        .unwrap_or(label.trim());
    let name = if rest.is_empty() || rest == scb {
        area_name(&scb).map_or_else(|| label.trim().to_string(), str::to_string)
    } else {
        rest.to_string()
    };
    let level = match scb.len() {
        2 if scb == RIKET_CODE => "riket",
        2 => "län",
        4 => "kommun",
        _ => "annan",
    };
    (scb, name, level)
}

/// The codes and labels of a dimension column pair.
fn pair(frame: &DataFrame, name: &str) -> Result<(Vec<String>, Vec<String>)> {
    let texts = |c: &str| -> Result<Vec<String>> {
        let column = frame.column(c)?.cast(&DataType::String)?;
        Ok(column
            .str()?
            .iter()
            .map(|v| v.unwrap_or("").to_string())
            .collect())
    };
    Ok((texts(name)?, texts(&format!("{name}{LABEL_SUFFIX}"))?))
}

/// One value per distinct code, computed once.
fn per_code<T: Clone>(
    codes: &[String],
    labels: &[String],
    mut f: impl FnMut(&str, &str) -> Result<T>,
) -> Result<Vec<T>> {
    let mut seen: HashMap<&str, T> = HashMap::new();
    codes
        .iter()
        .zip(labels)
        .map(|(c, l)| {
            if let Some(v) = seen.get(c.as_str()) {
                return Ok(v.clone());
            }
            let v = f(c, l)?;
            seen.insert(c, v.clone());
            Ok(v)
        })
        .collect()
}

/// A frame read from SCB (by [`read_px`](crate::read_px) or
/// [`read_jsonstat`](crate::read_jsonstat)) in the columns the library
/// reads, its value named `value`:
///
/// - the time (`år`, `tid`, `year`) as `year` (Int32) when every code is
///   a year, else as `period` (the code, e.g. `2024M01`);
/// - the region (`region`, `kommun`, `län`) as `kommun` (SCB's code: a
///   kommun `2380`, a county `23`, riket `00`, from the code or from a
///   label such as "2380 Östersund"), `kommun_name` and `level` (`kommun`,
///   `län`, `riket`);
/// - the sex (`kön`, `sex`) as `sex`, `K` or `M`;
/// - the age (`ålder`, `age`) as `age`: whole years (Int32, "100+ år" is
///   100 with `open` true) or, when the table has bands, the band labels
///   the library reads ("15-19", "90+");
/// - a contents dimension (`tabellinnehåll`) with one category is dropped
///   (the metadata names it); any other dimension stays as it was read.
///
/// A total category of the sex or the age ("totalt", "tot", "1+2") is left
/// out when the dimension has other categories — it is their sum — and the
/// dimension is dropped when it holds only its total. `status` stays.
///
/// ```
/// use indikator::polars::prelude::*;
/// let read = df!("region" => ["2380", "2380"], "region_label" => ["2380 Östersund", "2380 Östersund"],
///                "ålder" => ["100+", "tot"], "ålder_label" => ["100+ år", "totalt ålder"],
///                "value" => [31i64, 65_000], "status" => [None::<&str>, None])?;
/// let population = indikator::harmonise(&read, "population")?;
/// assert_eq!(population.get_column_names(), ["kommun", "kommun_name", "level", "age", "open", "population", "status"]);
/// assert_eq!(population.column("age")?.i32()?.get(0), Some(100));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::ColumnNotFound`] without a `value` column; [`Error::InvalidData`]
/// naming a category of the sex or the age that is neither a sex, an age,
/// a band nor a total; two output columns of the same name.
pub fn harmonise(frame: impl IntoFrame, value: &str) -> Result<DataFrame> {
    let frame = &frame.into_data_frame()?;
    crate::measure::require(frame.schema(), VALUE, "value")?;
    let n = frame.height();
    let dims: Vec<String> = frame
        .get_column_names()
        .iter()
        .map(|c| c.to_string())
        .filter(|c| frame.schema().contains(&format!("{c}{LABEL_SUFFIX}")))
        .collect();
    let mut keep = vec![true; n];
    let (mut time, mut region, mut sex, mut age, mut rest) =
        (vec![], vec![], vec![], vec![], vec![]);
    for name in &dims {
        let lower = name.to_lowercase();
        let (codes, labels) = pair(frame, name)?;
        if TIME.contains(&lower.as_str()) && time.is_empty() {
            let years: Option<Vec<i32>> = codes
                .iter()
                .map(|c| c.trim().parse().ok().filter(|_| c.trim().len() == 4))
                .collect();
            time.push(match years {
                Some(years) => Column::new("year".into(), years),
                None => Column::new("period".into(), codes),
            });
        } else if REGION.contains(&lower.as_str()) && region.is_empty() {
            let parsed = per_code(&codes, &labels, |c, l| Ok(region_of(c, l)))?;
            region.push(Column::new(
                "kommun".into(),
                parsed.iter().map(|p| p.0.clone()).collect::<Vec<_>>(),
            ));
            region.push(Column::new(
                "kommun_name".into(),
                parsed.iter().map(|p| p.1.clone()).collect::<Vec<_>>(),
            ));
            region.push(Column::new(
                "level".into(),
                parsed.iter().map(|p| p.2).collect::<Vec<_>>(),
            ));
        } else if SEX.contains(&lower.as_str()) && sex.is_empty() {
            let parsed = per_code(&codes, &labels, |c, l| {
                sex_of(c).or_else(|| sex_of(l)).ok_or_else(|| {
                    Error::data(
                        name,
                        "a sex must be män/kvinnor (1/2, M/K) or the total",
                        format!("`{l}` ({c})"),
                        "",
                    )
                })
            })?;
            if let Some(kept) = without_totals(&parsed, |s| s.is_empty(), &mut keep) {
                sex.push(Column::new("sex".into(), kept));
            }
        } else if AGE.contains(&lower.as_str()) && age.is_empty() {
            let parsed = per_code(&codes, &labels, |c, l| {
                age_of(c).or_else(|| age_of(l)).ok_or_else(|| {
                    Error::data(name, "an age must be years (\"15 år\", \"100+ år\"), a band (\"15-19\") or the total", format!("`{l}` ({c})"), "")
                })
            })?;
            if let Some(kept) = without_totals(&parsed, |a| *a == Age::Total, &mut keep) {
                age.extend(age_columns(&kept));
            }
        } else if CONTENTS.contains(&lower.as_str())
            && codes.iter().all(|c| Some(c) == codes.first())
        {
            // One contents category: the metadata says what the values are.
        } else {
            rest.push(frame.column(name)?.clone());
            rest.push(frame.column(&format!("{name}{LABEL_SUFFIX}"))?.clone());
        }
    }
    let mut columns: Vec<Column> = time
        .into_iter()
        .chain(region)
        .chain(sex)
        .chain(age)
        .chain(rest)
        .collect();
    columns.push(frame.column(VALUE)?.clone().with_name(value.into()));
    if let Ok(status) = frame.column(STATUS) {
        columns.push(status.clone());
    }
    let mut names = std::collections::HashSet::new();
    if let Some(c) = columns.iter().find(|c| !names.insert(c.name().to_string())) {
        return Err(Error::argument(
            "value",
            "a name no other column of the result has",
            c.name(),
        ));
    }
    let out = DataFrame::new(n, columns)?;
    if keep.iter().all(|&k| k) {
        return Ok(out);
    }
    Ok(out.filter(&BooleanChunked::from_slice("keep".into(), &keep))?)
}

/// The categories without the total's rows (marked out of `keep`), or
/// `None` when the dimension holds only its total.
fn without_totals<T: Clone>(
    parsed: &[T],
    total: impl Fn(&T) -> bool,
    keep: &mut [bool],
) -> Option<Vec<T>> {
    if parsed.iter().all(&total) {
        return None;
    }
    for (k, p) in keep.iter_mut().zip(parsed) {
        if total(p) {
            *k = false;
        }
    }
    Some(parsed.to_vec())
}

/// `age` (and `open`) of whole years, or band labels when there are bands.
fn age_columns(ages: &[Age]) -> Vec<Column> {
    if ages
        .iter()
        .all(|a| matches!(a, Age::Single(_) | Age::Open(_) | Age::Total))
    {
        let years: Vec<Option<i32>> = ages
            .iter()
            .map(|a| match a {
                Age::Single(n) | Age::Open(n) => i32::try_from(*n).ok(),
                _ => None,
            })
            .collect();
        let open: Vec<bool> = ages.iter().map(|a| matches!(a, Age::Open(_))).collect();
        return vec![
            Column::new("age".into(), years),
            Column::new("open".into(), open),
        ];
    }
    let bands: Vec<Option<String>> = ages
        .iter()
        .map(|a| match a {
            Age::Single(n) => Some(n.to_string()),
            Age::Open(n) => Some(format!("{n}+")),
            Age::Band(a, b) => Some(format!("{a}-{b}")),
            Age::Total => None,
        })
        .collect();
    vec![Column::new("age".into(), bands)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_read_as_the_library_reads_them() {
        assert_eq!(age_of("0 år"), Some(Age::Single(0)));
        assert_eq!(age_of("100+ år"), Some(Age::Open(100)));
        assert_eq!(age_of("100+"), Some(Age::Open(100)));
        assert_eq!(age_of("15-19 år"), Some(Age::Band(15, 19)));
        assert_eq!(age_of("totalt ålder"), Some(Age::Total));
        assert_eq!(age_of("tot"), Some(Age::Total));
        assert_eq!(age_of("okänd"), None);
        assert_eq!(sex_of("kvinnor"), Some("K"));
        assert_eq!(sex_of("1"), Some("M"));
        assert_eq!(sex_of("1+2"), Some(""));
        assert_eq!(
            region_of("2380", "2380 Östersund"),
            ("2380".into(), "Östersund".into(), "kommun")
        );
        assert_eq!(
            region_of("23", "23"),
            ("23".into(), "Jämtlands län".into(), "län")
        );
        assert_eq!(
            region_of("00", "Riket"),
            ("00".into(), "Riket".into(), "riket")
        );
        assert_eq!(
            region_of("2309 Krokom", "2309 Krokom"),
            ("2309".into(), "Krokom".into(), "kommun")
        );
    }

    #[test]
    fn totals_go_bands_stay_bands_and_unknown_categories_are_named() {
        let frame = df!(
            "kön" => ["1", "2", "1+2"], "kön_label" => ["män", "kvinnor", "totalt"],
            "ålder" => ["15-19", "90+", "tot"], "ålder_label" => ["15-19 år", "90+ år", "totalt"],
            "år" => ["2023"; 3], "år_label" => ["2023"; 3],
            "tabellinnehåll" => ["BE0101N1"; 3], "tabellinnehåll_label" => ["Folkmängd"; 3],
            "value" => [1i64, 2, 3], "status" => [None::<&str>; 3],
        )
        .unwrap();
        let out = harmonise(&frame, "population").unwrap();
        assert_eq!(
            out.get_column_names(),
            ["year", "sex", "age", "population", "status"]
        );
        assert_eq!(out.height(), 2);
        let ages: Vec<_> = out
            .column("age")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .flatten()
            .collect();
        assert_eq!(ages, ["15-19", "90+"]);
        let bad = df!("kön" => ["9"], "kön_label" => ["okänt"], "value" => [1i64]).unwrap();
        let err = harmonise(&bad, "population").unwrap_err().to_string();
        assert!(
            err.starts_with("column `kön`: a sex must be män/kvinnor"),
            "{err}"
        );
        assert!(err.contains("found `okänt` (9)"), "{err}");
    }
}
