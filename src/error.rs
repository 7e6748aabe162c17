//! The one error type of the crate.
//!
//! Every message names the argument or column at fault, the rule it broke and
//! the value that was seen, so that a statistician can act on it without
//! reading the code.

use polars::prelude::PolarsError;

/// Everything that can go wrong in `indikator`.
///
/// Each variant names the column or argument at fault, so a program can
/// tell a typing error in a column name from bad data. A negative count in
/// Krokom's row, and then a misspelt column:
///
/// ```
/// use indikator::prelude::*;
///
/// let deaths = df!(
///     "kommun" => ["Östersund", "Krokom"],
///     "deaths" => [12i64, -1],
///     "population" => [64_000i64, 19_000],
/// )?;
/// let err = Rate::new("deaths", "population").by("kommun").compute(deaths.clone().lazy()).unwrap_err();
/// assert!(matches!(&err, Error::InvalidData { column, value, location, .. }
///     if column == "deaths" && value == "-1" && location == "in group kommun=Krokom"), "{err}");
/// let err = Rate::new("dead", "population").compute(deaths.lazy()).unwrap_err();
/// assert!(matches!(&err, Error::ColumnNotFound { column, .. } if column == "dead"), "{err}");
/// assert!(err.to_string().contains("the frame has: kommun, deaths, population"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A column the caller named is not in the frame.
    #[error("column `{column}` ({role}) not found; the frame has: {available}")]
    ColumnNotFound {
        /// The missing column.
        column: String,
        /// What the column was needed for, e.g. "numerator".
        role: String,
        /// The columns that do exist, comma separated.
        available: String,
    },
    /// A column has a data type the statistic cannot use.
    #[error("column `{column}` ({role}) must be {expected}, found dtype {found}")]
    WrongDtype {
        /// The column.
        column: String,
        /// What the column was needed for.
        role: String,
        /// The data types accepted.
        expected: String,
        /// The data type seen.
        found: String,
    },
    /// A value in the data breaks a rule of the statistic.
    #[error("column `{column}`: {rule}; found {value}{}", located(.location))]
    InvalidData {
        /// The column holding the value.
        column: String,
        /// The rule that was broken, e.g. "counts must be >= 0".
        rule: String,
        /// The offending value ([`Seen::as_str`] gives it bare).
        value: Seen,
        /// Where it was seen, e.g. "in group area=Area1", "in row 12" (may be empty).
        location: String,
    },
    /// An argument is outside the values the function accepts.
    #[error("argument `{argument}`: {rule}; got {value}")]
    InvalidArgument {
        /// The argument name.
        argument: String,
        /// The rule, usually listing the accepted values.
        rule: String,
        /// The value given ([`Seen::as_str`] gives it bare).
        value: Seen,
    },
    /// The age bands of the data and of a standard or reference population do not match.
    #[error("age bands in `{column}`: {problem}: {bands}{}", located(.location))]
    AgeBands {
        /// The age-band column.
        column: String,
        /// What is wrong, e.g. "missing from the data but present in the standard population".
        problem: String,
        /// The bands concerned, comma separated.
        bands: String,
        /// Where it was seen, e.g. "in group sex=K" (may be empty).
        location: String,
    },
    /// A catalogue that cannot be used: TOML syntax, an unknown key, a wrong
    /// type, or a rule of the catalogue (with the line and column in the file).
    #[error("catalogue {file}, line {line}, column {column}: {message}")]
    Catalog {
        /// The catalogue file (or `<text>` for a string).
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A catalogue built or changed in code that breaks one of the
    /// catalogue's rules (`Catalog::validate`, feature `report`); a
    /// catalogue read from a file says so as
    /// [`Error::Catalog`], with the line.
    #[error("catalogue: {message}")]
    CatalogRule {
        /// The id of the entry at fault (`None`: the `[catalog]` header).
        id: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// A file that is missing, unreadable, or not in the expected format.
    #[error("file `{path}`: {problem}")]
    File {
        /// The path as given.
        path: String,
        /// What is wrong with it.
        problem: String,
        /// The operating system's error, where there is one (`source()` gives it).
        #[source]
        source: Option<std::io::Error>,
    },
    /// A file whose content breaks its format (PC-Axis, JSON-stat, Kolada
    /// JSON): the line and the key (keyword or JSON path) where it breaks.
    #[error("file `{file}`, line {line}{}: {problem}", key_part(.key))]
    Format {
        /// The file (or `<text>`, `<bytes>` for contents given directly).
        file: String,
        /// 1-based line of the key or of the fault.
        line: usize,
        /// The PX keyword (`VALUES("ålder")`, `DATA`) or the JSON path
        /// (`values[3].period`), where known.
        key: Option<String>,
        /// What is wrong, with the value seen.
        problem: String,
    },
    /// A download that failed: no network, a timeout, or an HTTP error.
    #[error("could not fetch {url}: {problem}")]
    Fetch {
        /// The URL asked for.
        url: String,
        /// What went wrong (after any retries).
        problem: String,
    },
    /// An output that could not be made (e.g. a report too large for a workbook).
    #[error("could not write the {format}: {message}")]
    Output {
        /// The output format ("XLSX workbook").
        format: String,
        /// What went wrong.
        message: String,
    },
    /// A linear programme of the suppression audit the solver could not
    /// answer (a numerical failure of the solver, never a property of the data).
    #[error("suppression audit: the linear programme for {cell} could not be solved: {message}")]
    Solver {
        /// The cell and bound sought, e.g. "the upper bound of kommun=2380".
        cell: String,
        /// The solver's message.
        message: String,
    },
    /// An error raised by polars while computing.
    #[error("polars: {0}")]
    Polars(#[from] PolarsError),
}

/// `, key `K`` when the key is known.
fn key_part(key: &Option<String>) -> String {
    key.as_ref()
        .map_or_else(String::new, |k| format!(", key `{k}`"))
}

/// The result type of the crate.
///
/// For a function of your own that returns what the crate returns (the
/// prelude brings it as `IkResult`, beside the standard `Result`):
///
/// ```
/// use indikator::prelude::*;
///
/// fn suicide_rates(deaths: DataFrame) -> indikator::Result<DataFrame> {
///     Rate::new("deaths", "population").multiplier(100_000.0).by("kommun").compute(deaths.lazy())
/// }
/// let deaths = df!("kommun" => ["Östersund"], "deaths" => [12i64], "population" => [64_000i64])?;
/// let rates = suicide_rates(deaths)?;
/// // 12 / 64 000 × 100 000 = 18.75
/// assert_eq!(rates.column("value")?.f64()?.get(0), Some(18.75));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Shorthand for [`Error::InvalidArgument`].
    pub(crate) fn argument(argument: &str, rule: &str, value: impl std::fmt::Display) -> Self {
        Error::InvalidArgument {
            argument: argument.to_string(),
            rule: rule.to_string(),
            value: Seen::from_display(value),
        }
    }

    /// Shorthand for [`Error::File`].
    #[cfg_attr(not(feature = "report"), allow(dead_code))]
    pub(crate) fn file(path: impl AsRef<std::path::Path>, problem: impl std::fmt::Display) -> Self {
        Error::File {
            path: path.as_ref().display().to_string(),
            problem: problem.to_string(),
            source: None,
        }
    }

    /// [`Error::File`] from the operating system's error, kept as the source.
    #[cfg_attr(not(feature = "report"), allow(dead_code))]
    pub(crate) fn io(path: impl AsRef<std::path::Path>, error: std::io::Error) -> Self {
        Error::io_in(path, "", error)
    }

    /// [`Error::File`] from the operating system's error with what was being
    /// done ("cannot be opened"), the error kept as the source.
    #[cfg_attr(not(feature = "report"), allow(dead_code))]
    pub(crate) fn io_in(
        path: impl AsRef<std::path::Path>,
        doing: &str,
        error: std::io::Error,
    ) -> Self {
        let problem = if doing.is_empty() {
            error.to_string()
        } else {
            format!("{doing}: {error}")
        };
        Error::File {
            path: path.as_ref().display().to_string(),
            problem,
            source: Some(error),
        }
    }

    /// Shorthand for [`Error::Format`].
    pub(crate) fn format(
        file: &str,
        line: usize,
        key: Option<String>,
        problem: impl std::fmt::Display,
    ) -> Self {
        Error::Format {
            file: file.to_string(),
            line,
            key,
            problem: problem.to_string(),
        }
    }

    /// Shorthand for [`Error::InvalidData`].
    pub(crate) fn data(
        column: &str,
        rule: &str,
        value: impl std::fmt::Display,
        location: impl Into<String>,
    ) -> Self {
        Error::InvalidData {
            column: column.to_string(),
            rule: rule.to_string(),
            value: Seen::from_display(value),
            location: location.into().trim_start().to_string(),
        }
    }
}

/// The value an error saw. [`Seen::as_str`] is the value itself; the
/// message shows a text in double quotes, escaped (so that an empty text,
/// a space or a line break can be seen), and a number, a date or a list as
/// it is.
///
/// ```
/// use indikator::{Error, Polarity};
///
/// let err = "högt".parse::<Polarity>().unwrap_err();
/// let Error::InvalidArgument { value, .. } = &err else { panic!("{err}") };
/// assert_eq!(value.as_str(), "högt"); // the value, bare
/// assert!(value.is_text());
/// assert!(err.to_string().ends_with("got \"högt\""), "{err}"); // quoted in the message
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Seen {
    value: String,
    text: bool,
}

impl Seen {
    /// A value as the crate's messages give it: a text quoted and escaped
    /// the way Rust's `{:?}` prints a string is read back as that text;
    /// anything else is kept as it is.
    pub(crate) fn from_display(shown: impl std::fmt::Display) -> Seen {
        let shown = shown.to_string();
        match unquoted(&shown) {
            Some(value) => Seen { value, text: true },
            None => Seen {
                value: shown,
                text: false,
            },
        }
    }

    /// The value itself, without the quotes of the message.
    ///
    /// ```
    /// use indikator::Error;
    /// let err = "2024-T4".parse::<indikator::Period>().unwrap_err();
    /// if let Error::InvalidArgument { value, .. } = &err {
    ///     assert_eq!(value.as_str(), "2024-T4");
    /// }
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// Whether the value is a text (quoted in the message), not a number,
    /// a date or a list.
    ///
    /// ```
    /// use indikator::{Error, Polarity};
    /// let err = "".parse::<Polarity>().unwrap_err();
    /// let Error::InvalidArgument { value, .. } = &err else { panic!("{err}") };
    /// assert!(value.is_text() && value.as_str().is_empty());
    /// ```
    pub fn is_text(&self) -> bool {
        self.text
    }
}

impl std::fmt::Display for Seen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.text {
            write!(f, "{:?}", self.value)
        } else {
            f.write_str(&self.value)
        }
    }
}

impl AsRef<str> for Seen {
    fn as_ref(&self) -> &str {
        &self.value
    }
}

impl PartialEq<str> for Seen {
    fn eq(&self, other: &str) -> bool {
        self.value == other
    }
}

impl PartialEq<&str> for Seen {
    fn eq(&self, other: &&str) -> bool {
        self.value == *other
    }
}

/// The text a `{:?}`-printed string stands for, when `shown` is exactly
/// that (printing it again gives `shown`, so the message is unchanged).
fn unquoted(shown: &str) -> Option<String> {
    let inner = shown.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return None,
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                '0' => out.push('\0'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                '\'' => out.push('\''),
                'u' => {
                    let rest: String = chars.by_ref().take_while(|c| *c != '}').collect();
                    let hex = rest.strip_prefix('{')?;
                    out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
                }
                _ => return None,
            },
            c => out.push(c),
        }
    }
    (format!("{out:?}") == shown).then_some(out)
}

/// A location as the messages show it: after a space, or nothing.
fn located(location: &str) -> String {
    let location = location.trim_start();
    if location.is_empty() {
        String::new()
    } else {
        format!(" {location}")
    }
}

/// An indikator error inside a polars pipeline: `?` in a function that
/// returns `PolarsResult` takes it as it comes (a polars error comes back as
/// itself; every other error as `ComputeError` with its message).
///
/// ```
/// use indikator::polars::prelude::*;
/// use indikator::{Rate, Statistic};
///
/// fn rates(deaths: DataFrame) -> PolarsResult<DataFrame> {
///     Ok(Rate::new("deaths", "population").multiplier(100_000.0).compute(deaths.lazy())?)
/// }
/// let bad = df!("deaths" => [-1i64], "population" => [1000i64])?;
/// let err = rates(bad).unwrap_err();
/// assert!(err.to_string().contains("deaths"), "{err}");
/// # Ok::<(), PolarsError>(())
/// ```
impl From<Error> for PolarsError {
    fn from(error: Error) -> PolarsError {
        match error {
            Error::Polars(e) => e,
            other => PolarsError::ComputeError(other.to_string().into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn a_quoted_value_is_kept_bare_and_the_message_is_unchanged() {
        for text in [
            "högt",
            "",
            " a b ",
            "tab\there",
            "line\nbreak",
            "quote \" and \\",
            "\u{7f}",
        ] {
            let shown = format!("{text:?}");
            let err = Error::argument("polarity", "one of …", &shown);
            let Error::InvalidArgument { value, .. } = &err else {
                unreachable!()
            };
            assert_eq!(value.as_str(), text);
            assert!(value.is_text());
            assert_eq!(
                err.to_string(),
                format!("argument `polarity`: one of …; got {shown}")
            );
        }
        // Numbers, dates, lists and texts that are not exactly a quoted
        // string stay as they are.
        for shown in [
            "-1",
            "2024-13-01",
            "[\"plan\"]",
            "\"a\" and \"b\"",
            "\"",
            "0 rows",
        ] {
            let value = Seen::from_display(shown);
            assert_eq!((value.as_str(), value.is_text()), (shown, false));
            assert_eq!(value.to_string(), shown);
        }
    }

    #[test]
    fn a_file_error_keeps_the_operating_system_error_as_its_source() {
        let os = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let e = Error::io_in("data/x.parquet", "cannot be opened", os);
        assert_eq!(
            e.to_string(),
            "file `data/x.parquet`: cannot be opened: no such file"
        );
        let source = e.source().expect("a source");
        assert_eq!(source.to_string(), "no such file");
        assert!(Error::file("x", "not a catalogue").source().is_none());
    }
}
