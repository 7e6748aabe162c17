//! PC-Axis (`.px`) files, the format of the tables SCB's statistical
//! database (PxWeb) downloads, read after Statistics Sweden's published
//! description of the format (PX file format, AXIS-VERSION 2013).
//!
//! Read: the encodings (`CODEPAGE`; see [`decode`]), every keyword's
//! syntax (languages `VALUES[en]`, sub-keys, texts split over lines, lists
//! over several lines), `STUB` and `HEADING` with each variable's
//! `VALUES`, `CODES`, `VARIABLE-CODE`, `TIMEVAL`, `MAP` and `CONTVARIABLE`,
//! `DATA` with and without `KEYS`, the dots codes and the dash. Kept as
//! metadata: `MATRIX`, `TITLE`, `CONTENTS`, `UNITS` (also per contents),
//! `SOURCE`, `LAST-UPDATED`, `DECIMALS`, `NOTE`/`NOTEX`, `DATASYMBOL*`.
//! Not read: cell and value notes (`CELLNOTE`, `VALUENOTE`), hierarchies,
//! `PRECISION` per value (the values are read as written), DOS code pages.
//!
//! Over 500 lines with its documentation: 385 lines of code and 135 of doc
//! comments (every public item and method carries a runnable example).

mod data;
mod decode;
mod syntax;
#[cfg(feature = "report")]
mod write;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::tidy::{cells, Cube, Dim, Role};
use super::{StatTable, TableMeta};
use crate::error::{Error, Result};
use syntax::{key_text, Entry};
#[cfg(feature = "report")]
pub(crate) use write::{quoted, PxTable, PxVariable};

/// Options of the PC-Axis reader.
///
/// A file in Swedish and English, read in each:
///
/// ```
/// use indikator::{read_px_bytes, Error, PxOptions};
///
/// let px = concat!(
///     "CODEPAGE=\"utf-8\";\nLANGUAGE=\"sv\";\nLANGUAGES=\"sv\",\"en\";\nDECIMALS=0;\n",
///     "TITLE=\"Folkmängden i Östersund\";\nTITLE[en]=\"Population in Östersund\";\n",
///     "CONTENTS=\"Folkmängd\";\nCONTENTS[en]=\"Population\";\nUNITS=\"antal\";\nUNITS[en]=\"number\";\n",
///     "STUB=\"kön\";\nSTUB[en]=\"sex\";\nHEADING=\"år\";\nHEADING[en]=\"year\";\n",
///     "VALUES(\"kön\")=\"män\",\"kvinnor\";\nVALUES[en](\"sex\")=\"men\",\"women\";\n",
///     "CODES(\"kön\")=\"1\",\"2\";\nCODES[en](\"sex\")=\"1\",\"2\";\n",
///     "VALUES(\"år\")=\"2024\";\nVALUES[en](\"year\")=\"2024\";\nDATA=\n32400\n31900;\n",
/// );
/// let swedish = read_px_bytes(px.as_bytes(), "folk.px", &PxOptions::default())?;
/// assert_eq!(swedish.frame.column("kön_label")?.str()?.get(1), Some("kvinnor"));
/// let mut options = PxOptions::default();
/// options.language = Some("en".into());
/// let english = read_px_bytes(px.as_bytes(), "folk.px", &options)?;
/// assert_eq!(english.frame.column("sex_label")?.str()?.get(1), Some("women"));
/// assert_eq!(english.meta.title.as_deref(), Some("Population in Östersund"));
/// options.language = Some("de".into());
/// assert!(matches!(read_px_bytes(px.as_bytes(), "folk.px", &options), Err(Error::InvalidArgument { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PxOptions {
    /// The language of the labels and metadata (`"en"` reads `VALUES[en]`
    /// and the other `[en]` keywords); `None`: the file's own (`LANGUAGE`).
    pub language: Option<String>,
}

impl PxOptions {
    /// Read the labels and metadata in this language (`"en"`: `VALUES[en]`…).
    ///
    /// ```
    /// let english = indikator::PxOptions::default().language("en");
    /// assert_eq!(english.language.as_deref(), Some("en"));
    /// ```
    #[must_use]
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }
}

/// Read a PC-Axis file into a tidy frame and its metadata.
///
/// The frame has, for each variable of `STUB` and `HEADING` in that
/// order, a column of its codes (`CODES`, else its values) named after the
/// variable (`ålder`) and one of its labels (`VALUES`, `ålder_label`);
/// then `value` (Int64 when the file declares `DECIMALS=0` and every value
/// is whole, else Float64) and `status`: the dots code of a missing value
/// as written (`".."`, value null — never zero) or `"-"` for the format's
/// nil (value 0), else null.
///
/// ```
/// let px = "CHARSET=\"ANSI\";\nDECIMALS=0;\nMATRIX=\"BE0101N1\";\nTITLE=\"Folkmängden\";\n\
///           CONTENTS=\"Folkmängd\";\nUNITS=\"antal\";\nSTUB=\"region\";\nHEADING=\"år\";\n\
///           VALUES(\"region\")=\"2380 Östersund\",\"2309 Krokom\";\nVALUES(\"år\")=\"2023\";\n\
///           CODES(\"region\")=\"2380\",\"2309\";\nDATA=\n65000\n\"..\";\n";
/// let table = indikator::read_px_bytes(px.as_bytes(), "folk.px", &Default::default())?;
/// assert_eq!(table.frame.get_column_names(), ["region", "region_label", "år", "år_label", "value", "status"]);
/// assert_eq!(table.frame.column("value")?.i64()?.get(1), None);
/// assert_eq!(table.meta.unit.as_deref(), Some("antal"));
/// # Ok::<(), indikator::Error>(())
/// ```
///
/// # Errors
/// [`Error::File`] when the file cannot be read; [`Error::Format`] naming
/// the line and keyword of the first fault (an unknown `CODEPAGE`, a
/// variable without `VALUES`, `CODES` and `VALUES` of different lengths, a
/// cell that is not a number, too many or too few cells); an
/// [`Error::InvalidArgument`] for a language the file does not have.
pub fn read_px(path: impl AsRef<Path>, options: &PxOptions) -> Result<StatTable> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    read_px_bytes(&bytes, &path.display().to_string(), options)
}

/// [`read_px`] of a file's bytes; `name` names it in messages.
///
/// # Errors
/// As [`read_px`].
///
/// # Example
/// Suicides in Berg by sex: the format's dash is an absolute zero, read as
/// 0 with its marker kept.
///
/// ```
/// let px = concat!(
///     "CODEPAGE=\"utf-8\";\nDECIMALS=0;\nTITLE=\"Avlidna i suicid efter region, kön och år\";\n",
///     "CONTENTS=\"Avlidna\";\nUNITS=\"antal\";\nSTUB=\"region\",\"kön\";\nHEADING=\"år\";\n",
///     "VALUES(\"region\")=\"2326 Berg\";\nCODES(\"region\")=\"2326\";\n",
///     "VALUES(\"kön\")=\"män\",\"kvinnor\";\nCODES(\"kön\")=\"1\",\"2\";\nVALUES(\"år\")=\"2023\";\n",
///     "DATA=\n2\n\"-\";\n",
/// );
/// let table = indikator::read_px_bytes(px.as_bytes(), "suicid.px", &Default::default())?;
/// let names = ["region", "region_label", "kön", "kön_label", "år", "år_label", "value", "status"];
/// assert_eq!(table.frame.get_column_names(), names);
/// assert_eq!(table.frame.column("value")?.i64()?.get(1), Some(0));
/// assert_eq!(table.frame.column("status")?.str()?.get(1), Some("-"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_px_bytes(bytes: &[u8], name: &str, options: &PxOptions) -> Result<StatTable> {
    let (meta, cube) = parse(bytes, name, options, true)?;
    let cube = cube.unwrap_or_else(|| unreachable!("data is read"));
    Ok(StatTable {
        frame: cube.frame(name)?,
        meta,
    })
}

/// The metadata of a PC-Axis file only (its cells are not read).
///
/// # Errors
/// As [`read_px`], except faults of the DATA section.
///
/// # Example
/// A download cut off in its DATA: the cells cannot be read, what the
/// table is can.
///
/// ```
/// use indikator::{read_px_bytes, read_px_metadata, Error};
///
/// let px = concat!(
///     "CODEPAGE=\"utf-8\";\nDECIMALS=0;\nMATRIX=\"BE0101N1\";\nTITLE=\"Folkmängden\";\n",
///     "CONTENTS=\"Folkmängd\";\nUNITS=\"antal\";\nSTUB=\"region\";\nHEADING=\"år\";\n",
///     "VALUES(\"region\")=\"2380 Östersund\",\"2309 Krokom\";\nVALUES(\"år\")=\"2023\",\"2024\";\n",
///     "DATA=\n64000 64300\n15500;\n",
/// );
/// let cut = read_px_bytes(px.as_bytes(), "folk.px", &Default::default());
/// assert!(matches!(cut, Err(Error::Format { .. })));
/// let meta = read_px_metadata(px.as_bytes(), "folk.px", &Default::default())?;
/// assert_eq!(meta.table.as_deref(), Some("BE0101N1"));
/// let sizes: Vec<usize> = meta.dimensions.iter().map(|d| d.size).collect();
/// assert_eq!(sizes, [2, 2]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_px_metadata(bytes: &[u8], name: &str, options: &PxOptions) -> Result<TableMeta> {
    parse(bytes, name, options, false).map(|(meta, _)| meta)
}

/// The entries of a file, looked up in a language with the file's own as
/// the fallback (variables are named per language: they are matched by
/// their place in STUB and HEADING).
struct Keys<'a> {
    entries: &'a [Entry],
    lang: Option<String>,
}

impl<'a> Keys<'a> {
    fn find(&self, keyword: &str, lang: Option<&str>, sub: &[&str]) -> Option<&'a Entry> {
        self.entries.iter().find(|e| {
            e.keyword == keyword
                && e.lang.as_deref() == lang
                && e.sub.len() == sub.len()
                && e.sub.iter().zip(sub).all(|(a, b)| a == b)
        })
    }

    /// In the chosen language (sub-keys `own`), else the file's (`default`).
    fn get(&self, keyword: &str, own: &[&str], default: &[&str]) -> Option<&'a Entry> {
        self.lang
            .as_deref()
            .and_then(|l| self.find(keyword, Some(l), own))
            .or_else(|| self.find(keyword, None, default))
    }

    fn text(&self, keyword: &str) -> Option<String> {
        self.get(keyword, &[], &[]).map(|e| e.values.join(""))
    }

    fn all(&self, keyword: &str) -> Vec<&'a Entry> {
        let lang = self.lang.as_deref();
        let own: Vec<_> = self
            .entries
            .iter()
            .filter(|e| {
                e.keyword == keyword
                    && e.sub.is_empty()
                    && lang.is_some()
                    && e.lang.as_deref() == lang
            })
            .collect();
        if !own.is_empty() {
            return own;
        }
        self.entries
            .iter()
            .filter(|e| e.keyword == keyword && e.sub.is_empty() && e.lang.is_none())
            .collect()
    }
}

/// The chosen language: `None` for the file's own.
fn language(entries: &[Entry], wanted: Option<&str>) -> Result<Option<String>> {
    let default = entries
        .iter()
        .find(|e| e.keyword == "LANGUAGE" && e.lang.is_none())
        .map(|e| e.first().to_string());
    let Some(wanted) = wanted else {
        return Ok(None);
    };
    if default.as_deref() == Some(wanted) {
        return Ok(None);
    }
    if entries.iter().any(|e| e.lang.as_deref() == Some(wanted)) {
        return Ok(Some(wanted.to_string()));
    }
    let mut have: Vec<String> = default.into_iter().collect();
    for e in entries {
        if let Some(l) = &e.lang {
            if !have.contains(l) {
                have.push(l.clone());
            }
        }
    }
    Err(Error::argument(
        "language",
        &format!("a language of the file ({})", have.join(", ")),
        wanted,
    ))
}

/// The variables of STUB and HEADING, each named in the chosen language and
/// in the file's; how many are the stub's; the line of the last keyword.
type Variables = (Vec<(String, String)>, usize, usize);

/// The variables of STUB and HEADING: names in the chosen language and in the file's.
fn variables<'a>(keys: &Keys<'a>, file: &str) -> Result<Variables> {
    let mut out = Vec::new();
    let mut stub = 0;
    let mut line = 1;
    for keyword in ["STUB", "HEADING"] {
        let default = keys.find(keyword, None, &[]);
        let own = keys.get(keyword, &[], &[]);
        let (Some(own), Some(default)) = (own, default.or(own)) else {
            continue;
        };
        line = own.line;
        if own.values.len() != default.values.len() {
            return Err(Error::format(
                file,
                own.line,
                Some(own.key()),
                format!(
                    "names {} variables; {keyword} names {}",
                    own.values.len(),
                    default.values.len()
                ),
            ));
        }
        for (o, d) in own.values.iter().zip(&default.values) {
            out.push((o.clone(), d.clone()));
        }
        if keyword == "STUB" {
            stub = out.len();
        }
    }
    if out.is_empty() {
        return Err(Error::format(
            file,
            1,
            Some("STUB".into()),
            "neither STUB nor HEADING names the table's variables",
        ));
    }
    Ok((out, stub, line))
}

fn parse(
    bytes: &[u8],
    file: &str,
    options: &PxOptions,
    with_data: bool,
) -> Result<(TableMeta, Option<Cube>)> {
    let (text, encoding) = decode::decode(bytes, file)?;
    let parsed = syntax::parse(&text, file)?;
    let keys = Keys {
        entries: &parsed.entries,
        lang: language(&parsed.entries, options.language.as_deref())?,
    };
    let (names, stub, names_line) = variables(&keys, file)?;
    let contvariable = keys.text("CONTVARIABLE");
    let mut dims = Vec::with_capacity(names.len());
    for (own, default) in &names {
        let (o, d) = ([own.as_str()], [default.as_str()]);
        let values = keys.get("VALUES", &o, &d).ok_or_else(|| {
            Error::format(
                file,
                names_line,
                Some(key_text("VALUES", None, std::slice::from_ref(own))),
                "missing: every variable of STUB and HEADING needs its VALUES",
            )
        })?;
        let codes = match keys.get("CODES", &o, &d) {
            Some(c) if c.values.len() != values.values.len() => {
                return Err(Error::format(
                    file,
                    c.line,
                    Some(c.key()),
                    format!(
                        "has {} codes but {} has {} values",
                        c.values.len(),
                        values.key(),
                        values.values.len()
                    ),
                ))
            }
            Some(c) => c.values.clone(),
            None => values.values.clone(),
        };
        let role = if keys.get("TIMEVAL", &o, &d).is_some() {
            Some(Role::Time)
        } else if contvariable.as_deref() == Some(own.as_str())
            || contvariable.as_deref() == Some(default.as_str())
        {
            Some(Role::Metric)
        } else if keys.get("MAP", &o, &d).is_some() {
            Some(Role::Geo)
        } else {
            None
        };
        dims.push(Dim {
            name: own.clone(),
            id: keys
                .get("VARIABLE-CODE", &o, &d)
                .map_or_else(|| own.clone(), |e| e.first().to_string()),
            role,
            codes,
            labels: values.values.clone(),
        });
    }
    let meta = metadata(&keys, &dims, encoding, contvariable.as_deref());
    if !with_data {
        return Ok((meta, None));
    }
    let (data, line) = parsed.data.ok_or_else(|| {
        Error::format(
            file,
            text.lines().count().max(1),
            Some("DATA".into()),
            "missing: the file has no DATA section",
        )
    })?;
    let shape = dims
        .iter()
        .map(|d| d.codes.len().to_string())
        .collect::<Vec<_>>()
        .join(" × ");
    let n = cells(dims.iter().map(|d| d.codes.len())).ok_or_else(|| {
        Error::format(
            file,
            names_line,
            None,
            format!("a table of {shape} cells is too large"),
        )
    })?;
    let cells = match keyed(&keys, &dims[..stub], file)? {
        Some(stub_keys) => {
            let width = dims[stub..].iter().map(|d| d.codes.len()).product();
            data::read_keyed(data, line, &stub_keys, width, file)?
        }
        None => data::read_plain(data, line, n, &shape, file)?,
    };
    let cube = Cube {
        whole: cells.whole && meta.decimals == Some(0),
        dims,
        values: cells.values,
        status: cells.status,
    };
    Ok((meta, Some(cube)))
}

/// The stub's keys when the file has KEYS (every stub variable must have them).
fn keyed(keys: &Keys<'_>, stub: &[Dim], file: &str) -> Result<Option<data::Keyed>> {
    let given: Vec<Option<&Entry>> = stub
        .iter()
        .map(|d| {
            keys.entries
                .iter()
                .find(|e| e.keyword == "KEYS" && e.sub.first() == Some(&d.name))
        })
        .collect();
    if given.iter().all(Option::is_none) {
        if let Some(e) = keys.entries.iter().find(|e| e.keyword == "KEYS") {
            return Err(Error::format(
                file,
                e.line,
                Some(e.key()),
                "names no variable of STUB",
            ));
        }
        return Ok(None);
    }
    let mut out = data::Keyed {
        names: Vec::new(),
        keys: Vec::new(),
    };
    for (dim, entry) in stub.iter().zip(given) {
        let Some(entry) = entry else {
            return Err(Error::format(
                file,
                1,
                Some(format!("KEYS(\"{}\")", dim.name)),
                "missing: with KEYS every variable of STUB needs them",
            ));
        };
        let texts = match entry.first() {
            "VALUES" => &dim.labels,
            "CODES" => &dim.codes,
            other => {
                return Err(Error::format(
                    file,
                    entry.line,
                    Some(entry.key()),
                    format!("must be VALUES or CODES; found `{other}`"),
                ))
            }
        };
        out.names.push(dim.name.clone());
        out.keys.push(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| (t.clone(), i))
                .collect::<HashMap<_, _>>(),
        );
    }
    Ok(Some(out))
}

fn metadata(
    keys: &Keys<'_>,
    dims: &[Dim],
    encoding: &str,
    contvariable: Option<&str>,
) -> TableMeta {
    let mut units = BTreeMap::new();
    let mut updated: Vec<String> = keys.text("LAST-UPDATED").into_iter().collect();
    if let Some(contents) = contvariable.and_then(|c| dims.iter().find(|d| d.name == c)) {
        for (code, label) in contents.codes.iter().zip(&contents.labels) {
            if let Some(u) = keys.get("UNITS", &[label], &[label]) {
                units.insert(code.clone(), u.values.join(""));
            }
            if let Some(u) = keys.get("LAST-UPDATED", &[label], &[label]) {
                updated.push(u.values.join(""));
            }
        }
    }
    let mut symbols = BTreeMap::new();
    for (keyword, marker) in [
        ("DATASYMBOL1", "."),
        ("DATASYMBOL2", ".."),
        ("DATASYMBOL3", "..."),
        ("DATASYMBOL4", "...."),
        ("DATASYMBOL5", "....."),
        ("DATASYMBOL6", "......"),
        ("DATASYMBOLNIL", "-"),
    ] {
        if let Some(text) = keys.text(keyword) {
            symbols.insert(marker.to_string(), text);
        }
    }
    let mut notes = Vec::new();
    for keyword in ["NOTEX", "NOTE"] {
        notes.extend(keys.all(keyword).iter().map(|e| e.values.join("")));
    }
    TableMeta {
        format: "PC-Axis".into(),
        table: keys.text("MATRIX"),
        title: keys.text("TITLE").or_else(|| keys.text("DESCRIPTION")),
        contents: keys.text("CONTENTS"),
        unit: keys.text("UNITS"),
        units,
        source: keys.text("SOURCE"),
        last_updated: updated.into_iter().max(),
        language: keys.lang.clone().or_else(|| keys.text("LANGUAGE")),
        encoding: encoding.to_string(),
        decimals: keys.text("DECIMALS").and_then(|d| d.trim().parse().ok()),
        notes,
        symbols,
        dimensions: dims.iter().map(Dim::describe).collect(),
    }
}
