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
    ///
    /// ```
    /// use indikator::prelude::*;
    ///
    /// assert_eq!("kommun".into_columns(), ["kommun"]);
    /// assert_eq!(["kommun", "sex"].into_columns(), ["kommun", "sex"]);
    /// let names = vec![String::from("kommun"), String::from("year")];
    /// assert_eq!((&names).into_columns(), names);
    /// // What `.by(...)` stores:
    /// assert_eq!(Rate::new("deaths", "population").by("kommun").common.grouping.by, ["kommun"]);
    /// ```
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
///
/// Suicide in Östersund over three years, summed and averaged: the same
/// rate, wider limits when averaged.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{Pool, PoolMethod};
///
/// let deaths = df!("year" => [2022i64, 2023, 2024], "deaths" => [10i64, 12, 8], "population" => [64_000i64; 3])?;
/// let pooled = |pool: Pool| Rate::new("deaths", "population").multiplier(100_000.0).pool(pool).compute(deaths.clone().lazy());
/// let (sum, average) = (pooled(Pool::sum("year"))?, pooled(Pool::average("year"))?);
/// let get = |t: &DataFrame, c: &str| t.column(c).unwrap().f64().unwrap().get(0).unwrap();
/// // 30 / 192 000 × 100 000 = 15.625 either way
/// assert!((get(&sum, "value") - 15.625).abs() < 1e-9 && (get(&average, "value") - 15.625).abs() < 1e-9);
/// assert!(get(&average, "upper") - get(&average, "lower") > get(&sum, "upper") - get(&sum, "lower"));
/// assert_eq!("average".parse::<PoolMethod>()?, PoolMethod::Average);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
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
///
/// Suicide per 100 000 in Östersund over five years, as the plans report it:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::Pool;
///
/// let deaths = df!(
///     "year" => [2019i64, 2020, 2021, 2022, 2023],
///     "deaths" => [9i64, 11, 8, 12, 10],
///     "population" => [63_000i64, 63_500, 64_000, 64_200, 64_500],
/// )?;
/// let rate = Rate::new("deaths", "population").multiplier(100_000.0).pool(Pool::sum("year")).compute(deaths.lazy())?;
/// assert_eq!(rate.height(), 1);
/// assert_eq!(rate.column("year")?.str()?.get(0), Some("2019–2023"));
/// assert_eq!(rate.column("periods")?.u32()?.get(0), Some(5));
/// // 50 / 319 200 × 100 000 = 15.664…
/// assert!((rate.column("value")?.f64()?.get(0).unwrap() - 15.664160401002505).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pool {
    /// The period column to pool over.
    pub column: String,
    /// Sum (default) or average.
    pub method: PoolMethod,
}

impl Pool {
    /// Pool by summing over `column`.
    ///
    /// Deaths in Berg over three years, summed:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Pool, PoolMethod};
    ///
    /// let pool = Pool::sum("year");
    /// assert_eq!((pool.column.as_str(), pool.method), ("year", PoolMethod::Sum));
    /// let deaths = df!("year" => [2022i64, 2023, 2024], "deaths" => [4i64, 7, 3])?;
    /// let total = Count::of("deaths").pool(pool).compute(&deaths)?;
    /// assert_eq!(total.column("value")?.f64()?.get(0), Some(14.0));
    /// assert_eq!(total.column("year")?.str()?.get(0), Some("2022–2024"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sum(column: impl Into<String>) -> Self {
        Pool {
            column: column.into(),
            method: PoolMethod::Sum,
        }
    }

    /// Pool by averaging over `column`.
    ///
    /// Deaths in Berg, as a yearly average over three years:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Pool, PoolMethod};
    ///
    /// assert_eq!(Pool::average("year").method, PoolMethod::Average);
    /// let deaths = df!("year" => [2022i64, 2023, 2024], "deaths" => [4i64, 7, 3])?;
    /// let yearly = Count::of("deaths").pool(Pool::average("year")).compute(&deaths)?;
    /// let value = yearly.column("value")?.f64()?.get(0).unwrap();
    /// assert!((value - 14.0 / 3.0).abs() < 1e-12);
    /// assert_eq!(yearly.column("periods")?.u32()?.get(0), Some(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn average(column: impl Into<String>) -> Self {
        Pool {
            column: column.into(),
            method: PoolMethod::Average,
        }
    }
}

/// The groups of a statistic: any number of `by` columns, and optionally a
/// period column to pool over.
///
/// The `by` and `pool` setters of [`Statistic`](crate::Statistic) build one:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{Grouping, Pool};
///
/// let grouping = Grouping::by(["kommun", "sex"]).pooled(Pool::sum("year"));
/// assert_eq!(grouping.by, ["kommun", "sex"]);
/// let suicide = Rate::new("deaths", "population").by(["kommun", "sex"]).pool(Pool::sum("year"));
/// assert_eq!(suicide.common.grouping, grouping);
/// assert_eq!(Grouping::default().by.len(), 0); // one row for the whole frame
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Grouping {
    /// Columns to group by (none: one row for the whole frame).
    pub by: Vec<String>,
    /// Periods to pool, if any.
    pub pool: Option<Pool>,
}

impl Grouping {
    /// Group by the given columns.
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Grouping;
    ///
    /// let grouping = Grouping::by(["kommun", "sex"]);
    /// assert_eq!(grouping.by, ["kommun", "sex"]);
    /// assert_eq!(grouping.pool, None);
    /// // The grouping the `by` setter of a statistic builds:
    /// assert_eq!(Proportion::new("within", "completed").by(["kommun", "sex"]).common.grouping, grouping);
    /// ```
    pub fn by(columns: impl IntoColumns) -> Self {
        Grouping {
            by: columns.into_columns(),
            pool: None,
        }
    }

    /// Add pooling over a period column.
    ///
    /// Suicide by kommun over five-year windows:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Grouping, Pool};
    ///
    /// let grouping = Grouping::by("kommun").pooled(Pool::sum("year"));
    /// assert_eq!(grouping.pool, Some(Pool::sum("year")));
    /// let suicide = Rate::new("deaths", "population").by("kommun").pool(Pool::sum("year"));
    /// assert_eq!(suicide.common.grouping, grouping);
    /// ```
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
