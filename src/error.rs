//! The one error type of the crate.
//!
//! Every message names the argument or column at fault, the rule it broke and
//! the value that was seen, so that a statistician can act on it without
//! reading the code.

use polars::prelude::PolarsError;

/// Everything that can go wrong in `indikator`.
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
    #[error("column `{column}`: {rule}; found {value}{location}")]
    InvalidData {
        /// The column holding the value.
        column: String,
        /// The rule that was broken, e.g. "counts must be >= 0".
        rule: String,
        /// The offending value.
        value: String,
        /// Where it was seen, e.g. " in group area=Area1" (may be empty).
        location: String,
    },
    /// An argument is outside the values the function accepts.
    #[error("argument `{argument}`: {rule}; got {value}")]
    InvalidArgument {
        /// The argument name.
        argument: String,
        /// The rule, usually listing the accepted values.
        rule: String,
        /// The value given.
        value: String,
    },
    /// The age bands of the data and of a standard or reference population do not match.
    #[error("age bands in `{column}`: {problem}: {bands}{location}")]
    AgeBands {
        /// The age-band column.
        column: String,
        /// What is wrong, e.g. "missing from the data but present in the standard population".
        problem: String,
        /// The bands concerned, comma separated.
        bands: String,
        /// Where it was seen (may be empty).
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
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Shorthand for [`Error::InvalidArgument`].
    pub(crate) fn argument(argument: &str, rule: &str, value: impl std::fmt::Display) -> Self {
        Error::InvalidArgument {
            argument: argument.to_string(),
            rule: rule.to_string(),
            value: value.to_string(),
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
            value: value.to_string(),
            location: location.into(),
        }
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
