//! What the PC-Axis and JSON-stat readers share: a cube of dimensions and
//! cells, made into one tidy frame — a column of codes and one of labels
//! per dimension, the value typed, and the status of each cell.

use polars::prelude::*;

use crate::error::{Error, Result};

/// The suffix of the column holding a dimension's labels.
pub const LABEL_SUFFIX: &str = "_label";

/// The value column of a tidy frame.
pub const VALUE: &str = "value";

/// The status column of a tidy frame: the marker or status code of each
/// cell as the file writes it (`".."`, `"-"`), null when the file gives none.
pub const STATUS: &str = "status";

/// What a dimension is for, where the file says so (JSON-stat `role`, the
/// PX `TIMEVAL` and `CONTVARIABLE` keys).
///
/// In a PC-Axis file, `MAP` marks the geography and `TIMEVAL` the time:
///
/// ```
/// use indikator::{read_px_bytes, Role};
///
/// let px = concat!(
///     "CODEPAGE=\"utf-8\";\nDECIMALS=0;\nTITLE=\"Folkmängden\";\nCONTENTS=\"Folkmängd\";\n",
///     "UNITS=\"antal\";\nSTUB=\"region\";\nHEADING=\"år\";\n",
///     "VALUES(\"region\")=\"2313 Strömsund\";\nVALUES(\"år\")=\"2023\",\"2024\";\n",
///     "MAP(\"region\")=\"Sweden_municipality\";\nTIMEVAL(\"år\")=TLIST(A1),\"2023\",\"2024\";\n",
///     "DATA=\n11402 11331;\n",
/// );
/// let table = read_px_bytes(px.as_bytes(), "folk.px", &Default::default())?;
/// let roles: Vec<_> = table.meta.dimensions.iter().map(|d| d.role).collect();
/// assert_eq!(roles, [Some(Role::Geo), Some(Role::Time)]);
/// assert_eq!(Role::Time.as_str(), "time");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Role {
    /// Time (years, months…).
    Time,
    /// Geography (regions).
    Geo,
    /// The contents (what is measured, each with its unit).
    Metric,
}

impl Role {
    /// The word JSON-stat uses: `time`, `geo`, `metric`.
    ///
    /// Writing the roles of a table's dimensions (the type's example reads
    /// them from a PC-Axis file) in JSON-stat's words:
    ///
    /// ```
    /// use indikator::Role;
    ///
    /// let roles = [Role::Geo, Role::Time, Role::Metric];
    /// assert_eq!(roles.map(Role::as_str), ["geo", "time", "metric"]);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Time => "time",
            Role::Geo => "geo",
            Role::Metric => "metric",
        }
    }
}

/// A dimension of a table as the metadata describes it.
///
/// SCB names its variables in words and gives each a code for the API:
///
/// ```
/// use indikator::{read_px_metadata, Role};
///
/// let px = concat!(
///     "CODEPAGE=\"utf-8\";\nDECIMALS=0;\nTITLE=\"Folkmängden\";\nCONTENTS=\"Folkmängd\";\n",
///     "UNITS=\"antal\";\nSTUB=\"region\";\nHEADING=\"år\";\n",
///     "VALUES(\"region\")=\"2380 Östersund\",\"2309 Krokom\",\"2321 Åre\";\nVALUES(\"år\")=\"2024\";\n",
///     "VARIABLE-CODE(\"region\")=\"Region\";\nVARIABLE-CODE(\"år\")=\"Tid\";\n",
///     "TIMEVAL(\"år\")=TLIST(A1),\"2024\";\nDATA=\n64300 15600 12100;\n",
/// );
/// let meta = read_px_metadata(px.as_bytes(), "folk.px", &Default::default())?;
/// let region = &meta.dimensions[0];
/// assert_eq!((region.name.as_str(), region.id.as_str(), region.size), ("region", "Region", 3));
/// assert_eq!(region.role, None);
/// assert_eq!((meta.dimensions[1].id.as_str(), meta.dimensions[1].role), ("Tid", Some(Role::Time)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Dimension {
    /// Its name, the name of its columns (`ålder`; the PX variable name,
    /// the JSON-stat dimension label).
    pub name: String,
    /// Its id where the file has one (PX `VARIABLE-CODE`, the JSON-stat id;
    /// else the name).
    pub id: String,
    /// What it is for, where the file says.
    pub role: Option<Role>,
    /// The number of its categories.
    pub size: usize,
}

/// One dimension with its categories, in the order of the cells.
#[derive(Debug, Clone)]
pub(crate) struct Dim {
    pub name: String,
    pub id: String,
    pub role: Option<Role>,
    pub codes: Vec<String>,
    pub labels: Vec<String>,
}

impl Dim {
    pub fn describe(&self) -> Dimension {
        Dimension {
            name: self.name.clone(),
            id: self.id.clone(),
            role: self.role,
            size: self.codes.len(),
        }
    }
}

/// The dimensions and the cells of a table, the last dimension varying
/// fastest (the order of PX `DATA` and of JSON-stat `value`).
#[derive(Debug, Clone)]
pub(crate) struct Cube {
    pub dims: Vec<Dim>,
    pub values: Vec<Option<f64>>,
    pub status: Vec<Option<String>>,
    /// Whether the file declares whole numbers (no decimals): the values are
    /// then typed Int64 when every one is whole.
    pub whole: bool,
}

/// The number of cells of dimensions of these sizes, or `None` on overflow.
pub(crate) fn cells(sizes: impl IntoIterator<Item = usize>) -> Option<usize> {
    sizes.into_iter().try_fold(1usize, |n, s| n.checked_mul(s))
}

impl Cube {
    /// The tidy frame: per dimension its codes (named after it) and its
    /// labels (`<name>_label`), then `value` and `status`.
    ///
    /// # Errors
    /// Two dimensions of the same name, or one named like the value columns.
    pub fn frame(&self, file: &str) -> Result<DataFrame> {
        let n = self.values.len();
        let mut columns = Vec::with_capacity(2 * self.dims.len() + 2);
        let mut names: Vec<String> = Vec::new();
        let mut inner = n;
        for dim in &self.dims {
            let label = format!("{}{LABEL_SUFFIX}", dim.name);
            for name in [&dim.name, &label] {
                if names.contains(name) || name == VALUE || name == STATUS {
                    return Err(Error::file(
                        file,
                        format!("two columns would be named `{name}`: rename a dimension"),
                    ));
                }
                names.push(name.clone());
            }
            let size = dim.codes.len().max(1);
            inner /= size;
            columns.push(repeated(&dim.name, &dim.codes, inner, n));
            columns.push(repeated(&label, &dim.labels, inner, n));
        }
        columns.push(self.value_column());
        columns.push(Column::new(STATUS.into(), self.status.clone()));
        Ok(DataFrame::new(n, columns)?)
    }

    fn value_column(&self) -> Column {
        let whole = self.whole
            && self
                .values
                .iter()
                .flatten()
                .all(|v| v.fract() == 0.0 && v.abs() < 9.0e15);
        if whole {
            let ints: Vec<Option<i64>> = self.values.iter().map(|v| v.map(|v| v as i64)).collect();
            Column::new(VALUE.into(), ints)
        } else {
            Column::new(VALUE.into(), self.values.clone())
        }
    }
}

/// A dimension's categories laid out over the cells: each repeated `inner`
/// times, the whole cycled to `n` rows.
fn repeated(name: &str, items: &[String], inner: usize, n: usize) -> Column {
    let mut builder = StringChunkedBuilder::new(name.into(), n);
    if !items.is_empty() && inner > 0 {
        let mut row = 0;
        while row < n {
            for item in items {
                for _ in 0..inner {
                    builder.append_value(item);
                }
                row += inner;
            }
        }
    }
    builder.finish().into_column()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dim(name: &str, codes: &[&str]) -> Dim {
        Dim {
            name: name.into(),
            id: name.into(),
            role: None,
            codes: codes.iter().map(|c| c.to_string()).collect(),
            labels: codes.iter().map(|c| format!("L{c}")).collect(),
        }
    }

    #[test]
    fn the_last_dimension_varies_fastest_and_whole_values_are_integers() {
        let cube = Cube {
            dims: vec![dim("a", &["1", "2"]), dim("b", &["x", "y", "z"])],
            values: (0..6).map(|v| Some(f64::from(v))).collect(),
            status: vec![None; 6],
            whole: true,
        };
        let f = cube.frame("t").unwrap();
        let a: Vec<_> = f
            .column("a")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .flatten()
            .collect();
        let b: Vec<_> = f
            .column("b_label")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .flatten()
            .collect();
        assert_eq!(a, ["1", "1", "1", "2", "2", "2"]);
        assert_eq!(b, ["Lx", "Ly", "Lz", "Lx", "Ly", "Lz"]);
        assert_eq!(f.column("value").unwrap().dtype(), &DataType::Int64);
        let mut half = cube.clone();
        half.values[1] = Some(0.5);
        let f = half.frame("t").unwrap();
        assert_eq!(f.column("value").unwrap().dtype(), &DataType::Float64);
    }

    #[test]
    fn a_dimension_named_like_the_value_column_is_refused() {
        let cube = Cube {
            dims: vec![dim("value", &["1"])],
            values: vec![Some(1.0)],
            status: vec![None],
            whole: false,
        };
        let err = cube.frame("t.px").unwrap_err().to_string();
        assert!(err.contains("`value`"), "{err}");
    }
}
