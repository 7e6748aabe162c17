//! Assigning the rows of a table (e.g. small areas) to quantiles of a value.

use super::grouping::IntoColumns;
use std::collections::HashMap;

use polars::prelude::*;

use super::aggregate::f64_values;
use super::columns::{
    column_of, group_label, key_strings, reject_null_keys, require_keys, require_numeric, schema_of,
};
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::stats::assign_quantiles;

/// The column of the quantile each row is assigned to.
///
/// The eight kommuner in quartiles of a rate, lowest first (with N = 8 and
/// n = 4, ranks 1–2 are quartile 1, 3–4 quartile 2, …):
///
/// ```
/// use indikator::prelude::*;
/// use indikator::QUANTILE_COLUMN;
///
/// let kommuner = df!(
///     "kommun" => ["Ragunda", "Bräcke", "Krokom", "Strömsund", "Åre", "Berg", "Härjedalen", "Östersund"],
///     "rate" => [21.0, 25.5, 11.2, 19.4, 9.8, 23.1, 17.6, 14.3],
/// )?;
/// let out = Quantiles::new("rate", 4).invert(false).compute(kommuner.lazy())?;
/// let q: Vec<_> = out.column(QUANTILE_COLUMN)?.u32()?.iter().flatten().collect();
/// assert_eq!(q, [3, 4, 1, 3, 1, 4, 2, 2]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const QUANTILE_COLUMN: &str = "quantile";
/// The column saying why a row has no quantile ("ok" where it has one).
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{QUANTILE_COLUMN, QUANTILE_STATUS_COLUMN};
///
/// let areas = df!("kommun" => ["Berg", "Åre", "Krokom"], "rate" => [Some(23.1), None, Some(11.2)])?;
/// let out = Quantiles::new("rate", 2).compute(areas.lazy())?;
/// let status: Vec<_> = out.column(QUANTILE_STATUS_COLUMN)?.str()?.iter().flatten().collect();
/// assert_eq!(status, ["ok", "value missing", "ok"]);
/// assert_eq!(out.column(QUANTILE_COLUMN)?.u32()?.get(1), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const QUANTILE_STATUS_COLUMN: &str = "quantile_status";

/// Whether quantile 1 holds the highest values.
///
/// Two indicators in one table, each with quantile 1 at its bad end:
/// suicide (low is good: the highest rates in 1) and a vaccination share
/// (high is good: the lowest shares in 1).
///
/// ```
/// use indikator::prelude::*;
/// use indikator::Invert;
///
/// let table = df!(
///     "indicator" => ["suicide", "suicide", "suicide", "suicide", "vaccination", "vaccination", "vaccination", "vaccination"],
///     "kommun" => ["Berg", "Åre", "Krokom", "Östersund", "Berg", "Åre", "Krokom", "Östersund"],
///     "value" => [23.1, 9.8, 11.2, 14.3, 88.0, 79.5, 91.2, 84.6],
///     "low_is_good" => [true, true, true, true, false, false, false, false],
/// )?;
/// let quantiles = Quantiles::new("value", 2).by("indicator").invert_by("low_is_good");
/// assert_eq!(quantiles.invert, Invert::Column("low_is_good".into()));
/// let out = quantiles.compute(table.lazy())?;
/// let q: Vec<_> = out.column("quantile")?.u32()?.iter().flatten().collect();
/// assert_eq!(q, [1, 2, 2, 1, 2, 1, 2, 1]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Invert {
    /// The same for every group: `true` puts the highest values in
    /// quantile 1 (the reference's default, for indicators where low is
    /// good), `false` the lowest.
    Fixed(bool),
    /// Read per group from a boolean column (the same value throughout a group).
    Column(String),
}

/// Quantiles (deciles, quintiles, …) of a value, assigned row by row within
/// each group: the reference's `phe_quantile`.
///
/// Output: the rows of the data as they came, with `quantile` (1…n) and
/// `quantile_status` ("ok", "value missing", or "fewer values than
/// quantiles" for every row of a group with fewer values than quantiles).
///
/// # Method
/// [`crate::stats::assign_quantiles`]: ranks with ties at their lowest
/// rank, quantile `⌊(n + 1) − ⌈((N + 1) − rank)/(N/n)⌉⌋`, tied values in
/// one quantile; inverted, ranks run from the highest value.
///
/// # Errors
/// Missing or non-numeric value column; grouping columns missing or of a
/// type that cannot be grouped; no quantiles asked for; an invert column
/// that is not boolean, has missing values, or differs within a group; an
/// input column already named `quantile` or `quantile_status`.
///
/// # Example
/// ```
/// use indikator::Quantiles;
/// use indikator::polars::prelude::*;
///
/// let areas = df!("area" => ["a", "b", "c", "d"], "rate" => [12.0, 30.0, 18.0, 25.0])?;
/// let out = Quantiles::new("rate", 2).invert(false).compute(areas.lazy())?;
/// let q: Vec<Option<u32>> = out.column("quantile")?.u32()?.iter().collect();
/// assert_eq!(q, [Some(1), Some(2), Some(1), Some(2)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
/// Office for Health Improvement and Disparities, *Technical guide:
/// assigning deprivation categories*. PHEindicatormethods `phe_quantile`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Quantiles {
    /// Column of the values to rank.
    pub value: String,
    /// The number of quantiles (10 for deciles).
    pub n: u32,
    /// Whether quantile 1 holds the highest values.
    pub invert: Invert,
    /// Columns whose groups each get their own quantiles.
    pub by: Vec<String>,
}

impl Quantiles {
    /// `n` quantiles of `value`, quantile 1 holding the highest values (the
    /// reference's default; see [`Quantiles::invert`]).
    ///
    /// The eight kommuner in quartiles of a suicide rate, the highest in
    /// quartile 1 (ranks from the highest: 1–2 are quartile 1, 3–4 quartile 2, …):
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let kommuner = df!(
    ///     "kommun" => ["Ragunda", "Bräcke", "Krokom", "Strömsund", "Åre", "Berg", "Härjedalen", "Östersund"],
    ///     "rate" => [21.0, 25.5, 11.2, 19.4, 9.8, 23.1, 17.6, 14.3],
    /// )?;
    /// let out = Quantiles::new("rate", 4).compute(&kommuner)?;
    /// let q: Vec<_> = out.column("quantile")?.u32()?.iter().flatten().collect();
    /// assert_eq!(q, [2, 1, 4, 2, 4, 1, 3, 3]); // Bräcke and Berg highest
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(value: impl Into<String>, n: u32) -> Self {
        Quantiles {
            value: value.into(),
            n,
            invert: Invert::Fixed(true),
            by: Vec::new(),
        }
    }

    /// `true`: quantile 1 holds the highest values; `false`: the lowest.
    ///
    /// A vaccination share, where high is good: the lowest shares in
    /// quantile 1.
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let shares = df!("kommun" => ["Berg", "Åre", "Krokom", "Östersund"], "vaccinated" => [88.0, 79.5, 91.2, 84.6])?;
    /// let out = Quantiles::new("vaccinated", 2).invert(false).compute(&shares)?;
    /// let q: Vec<_> = out.column("quantile")?.u32()?.iter().flatten().collect();
    /// assert_eq!(q, [2, 1, 2, 1]); // Åre and Östersund lowest
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn invert(mut self, yes: bool) -> Self {
        self.invert = Invert::Fixed(yes);
        self
    }

    /// Read the direction per group from a boolean column.
    ///
    /// Suicide (low is good: the highest rates in 1) and vaccination (high
    /// is good: the lowest shares in 1) in one table:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let table = df!(
    ///     "indicator" => ["suicide", "suicide", "vaccination", "vaccination"],
    ///     "kommun" => ["Berg", "Åre", "Berg", "Åre"],
    ///     "value" => [23.1, 9.8, 88.0, 79.5],
    ///     "low_is_good" => [true, true, false, false],
    /// )?;
    /// let out = Quantiles::new("value", 2).by("indicator").invert_by("low_is_good").compute(&table)?;
    /// let q: Vec<_> = out.column("quantile")?.u32()?.iter().flatten().collect();
    /// assert_eq!(q, [1, 2, 2, 1]); // Berg's suicide, Åre's vaccination in 1
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn invert_by(mut self, column: impl Into<String>) -> Self {
        self.invert = Invert::Column(column.into());
        self
    }

    /// Assign quantiles within the groups of these columns.
    ///
    /// Halves of the suicide rate, each year on its own:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let rates = df!(
    ///     "year" => [2023i64, 2023, 2023, 2023, 2024, 2024, 2024, 2024],
    ///     "kommun" => ["Berg", "Åre", "Krokom", "Östersund", "Berg", "Åre", "Krokom", "Östersund"],
    ///     "rate" => [23.1, 9.8, 11.2, 14.3, 12.0, 15.5, 10.1, 13.9],
    /// )?;
    /// let out = Quantiles::new("rate", 2).by("year").compute(&rates)?;
    /// let q: Vec<_> = out.column("quantile")?.u32()?.iter().flatten().collect();
    /// assert_eq!(q, [1, 2, 2, 1, 2, 1, 2, 1]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by(mut self, columns: impl IntoColumns) -> Self {
        self.by = columns.into_columns();
        self
    }

    /// The data with each row's quantile and its status.
    ///
    /// # Errors
    /// See [`Quantiles`].
    ///
    /// # Example
    /// The rows come back as they came, with their quantile and its status;
    /// 2024 has one value, too few for halves:
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// let rates = df!("year" => [2023i64, 2023, 2023, 2024], "kommun" => ["Berg", "Åre", "Krokom", "Berg"], "rate" => [23.1, 9.8, 11.2, 12.0])?;
    /// let out = Quantiles::new("rate", 2).by("year").compute(&rates)?;
    /// assert_eq!(out.height(), 4);
    /// assert_eq!(out.column("quantile")?.u32()?.iter().collect::<Vec<_>>(), [Some(1), Some(2), Some(1), None]);
    /// assert_eq!(out.column("quantile_status")?.str()?.get(3), Some("fewer values than quantiles"));
    /// assert!(Quantiles::new("rate", 0).compute(&rates).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compute(&self, data: impl IntoFrame) -> Result<DataFrame> {
        let data = data.into_lazy_frame();
        if self.n == 0 {
            return Err(Error::argument(
                "n",
                "the number of quantiles must be at least 1",
                0,
            ));
        }
        let schema = schema_of(&data)?;
        require_numeric(&schema, &self.value, "value")?;
        require_keys(&schema, &self.by, "group")?;
        for taken in [QUANTILE_COLUMN, QUANTILE_STATUS_COLUMN] {
            if schema.contains(taken) {
                return Err(Error::argument(
                    "data",
                    "the data must not have a column named like an output column",
                    format!("`{taken}`"),
                ));
            }
        }
        let mut df = data.collect()?;
        reject_null_keys(&df.select(self.by.iter().map(|s| PlSmallStr::from(s.as_str())))?)?;
        let values = f64_values(&df, &self.value)?;
        let keys = key_strings(&df, &self.by)?;
        // Groups in the order they first appear.
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (row, key) in keys.iter().enumerate() {
            let g = *index.entry(key.as_str()).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(row);
        }
        let inverts = self.inverts(&df)?;
        let mut quantile: Vec<Option<u32>> = vec![None; df.height()];
        let mut status: Vec<&str> = vec!["ok"; df.height()];
        for rows in &groups {
            let invert = inverts[rows[0]];
            if let (Invert::Column(name), true) =
                (&self.invert, rows.iter().any(|&r| inverts[r] != invert))
            {
                let by = df.select(self.by.iter().map(|s| PlSmallStr::from(s.as_str())))?;
                return Err(Error::data(
                    name,
                    "the invert column must take one value in each group",
                    "both true and false",
                    group_label(&by, rows[0]),
                ));
            }
            let group_values: Vec<Option<f64>> = rows.iter().map(|&r| values[r]).collect();
            let present = group_values
                .iter()
                .flatten()
                .filter(|v| !v.is_nan())
                .count();
            let too_few = present < self.n as usize;
            for (&row, q) in rows
                .iter()
                .zip(assign_quantiles(&group_values, self.n, invert))
            {
                quantile[row] = q;
                status[row] = match q {
                    Some(_) => "ok",
                    None if too_few => "fewer values than quantiles",
                    None => "value missing",
                };
            }
        }
        df.with_column(Column::new(QUANTILE_COLUMN.into(), quantile))?;
        df.with_column(Column::new(QUANTILE_STATUS_COLUMN.into(), status))?;
        Ok(df)
    }

    /// Each row's direction: the fixed one, or read from the column.
    fn inverts(&self, df: &DataFrame) -> Result<Vec<bool>> {
        let name = match &self.invert {
            Invert::Fixed(yes) => return Ok(vec![*yes; df.height()]),
            Invert::Column(name) => name,
        };
        let column = column_of(df, name, "invert")?;
        if column.dtype() != &DataType::Boolean {
            return Err(Error::WrongDtype {
                column: name.clone(),
                role: "invert".into(),
                expected: "boolean (true: quantile 1 holds the highest values)".into(),
                found: column.dtype().to_string(),
            });
        }
        let flags: Option<Vec<bool>> = column.bool()?.iter().collect();
        flags.ok_or_else(|| {
            Error::data(
                name,
                "the invert column must not have missing values",
                format!("{} missing", column.null_count()),
                "",
            )
        })
    }
}
