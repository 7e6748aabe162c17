//! The Python exception hierarchy, and the one place Rust errors and panics become exceptions.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::error::Error;

create_exception!(
    _indikator,
    IndikatorError,
    PyValueError,
    "Base class of every error raised by indikator (a ValueError)."
);
create_exception!(
    _indikator,
    ColumnNotFoundError,
    IndikatorError,
    "A column named in the call is not in the frame."
);
create_exception!(
    _indikator,
    DtypeError,
    IndikatorError,
    "A column has a data type the statistic cannot use."
);
create_exception!(
    _indikator,
    DataError,
    IndikatorError,
    "A value in the data breaks a rule of the statistic."
);
create_exception!(
    _indikator,
    ArgumentError,
    IndikatorError,
    "An argument is outside the values the function accepts."
);
create_exception!(
    _indikator,
    AgeBandError,
    IndikatorError,
    "Age bands of the data and of a standard or reference population do not match."
);
create_exception!(
    _indikator,
    CatalogError,
    IndikatorError,
    "A catalogue that cannot be used: TOML syntax, an unknown key, a wrong type or a rule (with line and column)."
);
create_exception!(
    _indikator,
    FileError,
    IndikatorError,
    "A file that is missing, unreadable, or not in the expected format."
);
create_exception!(
    _indikator,
    ComputeError,
    IndikatorError,
    "polars failed while computing, or an internal error was caught."
);

/// The same error, naming the Python argument `argument` when it is an
/// invalid argument (a parser names its own default).
pub(crate) fn for_argument(err: Error, argument: &str) -> Error {
    match err {
        Error::InvalidArgument { rule, value, .. } => Error::InvalidArgument {
            argument: argument.to_string(),
            rule,
            value,
        },
        other => other,
    }
}

/// Convert a crate error to the matching Python exception.
pub(crate) fn to_py_err(err: Error) -> PyErr {
    let msg = err.to_string();
    match err {
        Error::ColumnNotFound { .. } => ColumnNotFoundError::new_err(msg),
        Error::WrongDtype { .. } => DtypeError::new_err(msg),
        Error::InvalidData { .. } => DataError::new_err(msg),
        Error::InvalidArgument { .. } => ArgumentError::new_err(msg),
        Error::AgeBands { .. } => AgeBandError::new_err(msg),
        Error::Catalog { .. } | Error::CatalogRule { .. } => CatalogError::new_err(msg),
        Error::File { .. } | Error::Format { .. } => FileError::new_err(msg),
        _ => ComputeError::new_err(msg),
    }
}

/// Run `f` with the GIL released; a Rust error or a panic becomes an exception.
pub(crate) fn detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> crate::Result<T> + Send,
{
    let outcome = py.detach(|| catch_unwind(AssertUnwindSafe(f)));
    match outcome {
        Ok(result) => result.map_err(to_py_err),
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(ComputeError::new_err(format!(
                "internal error (please report it): {what}"
            )))
        }
    }
}

/// Register the exception classes on the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("IndikatorError", py.get_type::<IndikatorError>())?;
    m.add("ColumnNotFoundError", py.get_type::<ColumnNotFoundError>())?;
    m.add("DtypeError", py.get_type::<DtypeError>())?;
    m.add("DataError", py.get_type::<DataError>())?;
    m.add("ArgumentError", py.get_type::<ArgumentError>())?;
    m.add("AgeBandError", py.get_type::<AgeBandError>())?;
    m.add("CatalogError", py.get_type::<CatalogError>())?;
    m.add("FileError", py.get_type::<FileError>())?;
    m.add("ComputeError", py.get_type::<ComputeError>())?;
    Ok(())
}
