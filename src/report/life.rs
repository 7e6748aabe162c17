//! Life expectancy from the report's tables: deaths (one row per death, with
//! `year` and `age`) and the population (`year`, `age`, `population`, in
//! single years) gathered into the abridged life table's bands (0, 1–4,
//! 5–9, …, the open band) over the window's years, then
//! [`LifeExpectancy`] pooled over them.

use polars::prelude::*;

use crate::error::Result;
use crate::measure::{LifeExpectancy, Pool};

const BAND: &str = "__ik_band";
const DEATHS: &str = "__ik_deaths";
const PEOPLE: &str = "__ik_people";

/// The band start of each age: 0, 1, 5, 10, …, the open band from `open_from`.
fn band_of(age: Expr, open_from: u32) -> Expr {
    let age = age.cast(DataType::Int64);
    when(age.clone().lt(lit(1)))
        .then(lit(0i64))
        .when(age.clone().lt(lit(5)))
        .then(lit(1i64))
        .when(age.clone().lt(lit(i64::from(open_from))))
        .then((age.clone() / lit(5i64)) * lit(5i64))
        .otherwise(lit(i64::from(open_from)))
}

/// Life expectancy at `at_age` per group of `by`, the years `years` pooled:
/// the group columns and the figure's columns (deaths from `at_age` up,
/// population from `at_age` up, value, 95 % limits, status).
///
/// # Errors
/// Missing columns, or what [`LifeExpectancy`] refuses.
pub(super) fn life_expectancy(
    deaths: &DataFrame,
    population: &DataFrame,
    by: &[String],
    (first, last): (i32, i32),
    at_age: u32,
    open_from: u32,
) -> Result<DataFrame> {
    let mut keys: Vec<Expr> = by
        .iter()
        .map(|b| col(b.as_str()).cast(DataType::String))
        .collect();
    keys.push(col("year").cast(DataType::Int32));
    keys.push(col(BAND));
    let in_years = |frame: &DataFrame| {
        frame
            .clone()
            .lazy()
            .filter(
                col("year")
                    .cast(DataType::Int32)
                    .gt_eq(lit(first))
                    .and(col("year").cast(DataType::Int32).lt_eq(lit(last))),
            )
            .with_column(band_of(col("age"), open_from).alias(BAND))
    };
    let dead = in_years(deaths)
        .group_by(keys.clone())
        .agg([len().cast(DataType::Float64).alias(DEATHS)]);
    let people = in_years(population)
        .group_by(keys.clone())
        .agg([col("population")
            .cast(DataType::Float64)
            .sum()
            .alias(PEOPLE)]);
    let names: Vec<Expr> = by
        .iter()
        .map(|b| col(b.as_str()))
        .chain([col("year"), col(BAND)])
        .collect();
    let table = people
        .join(dead, names.clone(), names, JoinArgs::new(JoinType::Left))
        .with_column(col(DEATHS).fill_null(lit(0.0)))
        .collect()?;
    let mut le = LifeExpectancy::new(DEATHS, PEOPLE, BAND)
        .open_from(open_from)
        .at_ages([at_age])
        .by(by.to_vec())
        .pool(Pool::sum("year"));
    le = le.confidence(crate::measure::Confidence::P95);
    let out = le.compute(table.lazy())?;
    Ok(out)
}

/// The quality table of the figure: the deaths in the window's years.
///
/// # Errors
/// Only from polars.
pub(super) fn quality(deaths: &DataFrame, (first, last): (i32, i32)) -> Result<DataFrame> {
    let counted = deaths
        .clone()
        .lazy()
        .filter(
            col("year")
                .cast(DataType::Int32)
                .gt_eq(lit(first))
                .and(col("year").cast(DataType::Int32).lt_eq(lit(last))),
        )
        .select([len().cast(DataType::UInt64).alias("count")])
        .with_column(lit(format!("deaths in {first}–{last}")).alias("rule"))
        .select([col("rule"), col("count")])
        .collect()?;
    Ok(counted)
}
