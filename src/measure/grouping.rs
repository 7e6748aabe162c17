//! Grouping shared by every statistic: the `by` columns and optional pooling of periods.

use std::str::FromStr;

use crate::error::{Error, Result};

/// One column name or many, wherever groups are taken: `.by("kommun")`,
/// `.by(["kommun", "sex"])`, `.by(vec![name])`, `.by(&names)`.
///
/// ```
/// use indikator::prelude::*;
///
/// let deaths = df!("kommun" => ["Berg", "Åre"], "deaths" => [3i64, 5], "population" => [7_000i64, 12_000])?;
/// let one = Rate::new("deaths", "population").by("kommun").compute(deaths.clone().lazy())?;
/// let many = Rate::new("deaths", "population").by(["kommun"]).compute(deaths.lazy())?;
/// assert!(one.equals_missing(&many));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait IntoColumns {
    /// The column names.
    fn into_columns(self) -> Vec<String>;
}

impl IntoColumns for &str {
    fn into_columns(self) -> Vec<String> {
        vec![self.to_string()]
    }
}

impl IntoColumns for String {
    fn into_columns(self) -> Vec<String> {
        vec![self]
    }
}

impl IntoColumns for &String {
    fn into_columns(self) -> Vec<String> {
        vec![self.clone()]
    }
}

impl<S: Into<String>, const N: usize> IntoColumns for [S; N] {
    fn into_columns(self) -> Vec<String> {
        self.into_iter().map(Into::into).collect()
    }
}

impl<S: Into<String>> IntoColumns for Vec<S> {
    fn into_columns(self) -> Vec<String> {
        self.into_iter().map(Into::into).collect()
    }
}

impl<S: Into<String> + Clone> IntoColumns for &[S] {
    fn into_columns(self) -> Vec<String> {
        self.iter().cloned().map(Into::into).collect()
    }
}

impl<S: Into<String> + Clone, const N: usize> IntoColumns for &[S; N] {
    fn into_columns(self) -> Vec<String> {
        self.iter().cloned().map(Into::into).collect()
    }
}

impl<S: Into<String> + Clone> IntoColumns for &Vec<S> {
    fn into_columns(self) -> Vec<String> {
        self.iter().cloned().map(Into::into).collect()
    }
}

/// How pooled periods are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PoolMethod {
    /// Sum numerators and denominators over the periods (the default, and
    /// the national practice for pooled mortality rates).
    #[default]
    Sum,
    /// Average numerators and denominators over the periods before
    /// computing limits (ScotPHO's way): the value is the same as with
    /// `Sum`, the limits are wider because the count is smaller.
    Average,
}

impl FromStr for PoolMethod {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "sum" => Ok(PoolMethod::Sum),
            "average" | "mean" => Ok(PoolMethod::Average),
            _ => Err(Error::argument(
                "pool_method",
                "pool_method must be \"sum\" or \"average\"",
                format!("{s:?}"),
            )),
        }
    }
}

/// Pool several periods (e.g. years) into one estimate per group.
///
/// The `column` is removed from the grouping and replaced by a text label
/// of the span pooled: `"2021–2023"` for consecutive integer periods, or the
/// periods listed (`"2019, 2021"`) when there are gaps. A `periods` column
/// tells how many were pooled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pool {
    /// The period column to pool over.
    pub column: String,
    /// Sum (default) or average.
    pub method: PoolMethod,
}

impl Pool {
    /// Pool by summing over `column`.
    pub fn sum(column: impl Into<String>) -> Self {
        Pool {
            column: column.into(),
            method: PoolMethod::Sum,
        }
    }

    /// Pool by averaging over `column`.
    pub fn average(column: impl Into<String>) -> Self {
        Pool {
            column: column.into(),
            method: PoolMethod::Average,
        }
    }
}

/// The groups of a statistic: any number of `by` columns, and optionally a
/// period column to pool over.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grouping {
    /// Columns to group by (none: one row for the whole frame).
    pub by: Vec<String>,
    /// Periods to pool, if any.
    pub pool: Option<Pool>,
}

impl Grouping {
    /// Group by the given columns.
    pub fn by(columns: impl IntoColumns) -> Self {
        Grouping {
            by: columns.into_columns(),
            pool: None,
        }
    }

    /// Add pooling over a period column.
    pub fn pooled(mut self, pool: Pool) -> Self {
        self.pool = Some(pool);
        self
    }
}

/// The text label of a set of pooled periods, sorted: `"2021–2023"` when
/// they are consecutive integers, else the periods joined by `", "`.
pub(crate) fn span_label(periods: &[String]) -> String {
    let ints: Option<Vec<i64>> = periods.iter().map(|p| p.parse::<i64>().ok()).collect();
    match ints {
        Some(years) if !years.is_empty() => {
            let (first, last) = (years[0], years[years.len() - 1]);
            let consecutive = years.windows(2).all(|w| w[1] == w[0] + 1);
            if years.len() == 1 {
                first.to_string()
            } else if consecutive {
                format!("{first}–{last}")
            } else {
                periods.join(", ")
            }
        }
        _ => periods.join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn labels_spans_with_an_en_dash() {
        assert_eq!(span_label(&s(&["2021", "2022", "2023"])), "2021–2023");
        assert_eq!(span_label(&s(&["2016"])), "2016");
        assert_eq!(span_label(&s(&["2019", "2021"])), "2019, 2021");
        assert_eq!(span_label(&s(&["2017-T1", "2017-T2"])), "2017-T1, 2017-T2");
    }

    #[test]
    fn parses_pool_methods() {
        assert_eq!(
            "Average".parse::<PoolMethod>().unwrap(),
            PoolMethod::Average
        );
        assert!("median"
            .parse::<PoolMethod>()
            .unwrap_err()
            .to_string()
            .contains("\"sum\" or \"average\""));
    }
}
