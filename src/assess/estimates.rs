//! Reading the value and confidence limits of a result table (the output
//! schema of `measure`), whatever confidence it was computed with.

use polars::prelude::*;

use crate::error::{Error, Result};
use crate::measure::{column_of, f64_values, Confidence};

/// The limits of one confidence level, row by row.
pub(crate) struct LevelLimits {
    pub level: f64,
    pub lower: Vec<Option<f64>>,
    pub upper: Vec<Option<f64>>,
}

/// The values and limits of a result table.
pub(crate) struct Estimates {
    pub value: Vec<Option<f64>>,
    /// Narrowest level first (95 % before 99.8 %).
    pub levels: Vec<LevelLimits>,
}

impl Estimates {
    /// The limits at `level`, if the table has them.
    pub fn at(&self, level: f64) -> Option<&LevelLimits> {
        self.levels.iter().find(|l| (l.level - level).abs() < 1e-12)
    }

    /// The narrowest level's limits for row `i`.
    pub fn narrowest(&self, i: usize) -> (f64, Option<f64>, Option<f64>) {
        let l = &self.levels[0];
        (l.level, l.lower[i], l.upper[i])
    }
}

/// Read `value` and the limit columns of `table`. With two levels the columns
/// are `lower_95`…`upper_99_8`; with one they are `lower`/`upper` and the level
/// is `level`, or else read from the `confidence` column (output "full").
pub(crate) fn read_estimates(table: &DataFrame, level: Option<f64>) -> Result<Estimates> {
    let value = f64_values(table, column_of(table, "value", "estimate")?.name())?;
    let has = |c: &str| table.schema().contains(c);
    let mut levels = Vec::new();
    if has("lower_95") || has("lower_99_8") {
        if let Some(given) = level {
            return Err(Error::argument(
                "level",
                "the table has limits at both levels (`lower_95`…`upper_99_8`); `level` is only \
                 for tables with one pair of limits (`lower`/`upper`) and no `confidence` column",
                given,
            ));
        }
        for (level, (lo, up)) in [0.95, 0.998]
            .into_iter()
            .zip(Confidence::Both.limit_columns())
        {
            column_of(table, lo, "lower confidence limit")?;
            column_of(table, up, "upper confidence limit")?;
            levels.push(LevelLimits {
                level,
                lower: f64_values(table, lo)?,
                upper: f64_values(table, up)?,
            });
        }
    } else {
        column_of(table, "lower", "lower confidence limit")?;
        column_of(table, "upper", "upper confidence limit")?;
        let level = match (level, table.schema().contains("confidence")) {
            (None, _) => level_of(table)?,
            (Some(l), false) => Confidence::from_level(l)?.levels()[0],
            (Some(l), true) => {
                let given = Confidence::from_level(l)?.levels()[0];
                let recorded = level_of(table)?;
                if (given - recorded).abs() > 1e-12 {
                    return Err(Error::argument(
                        "level",
                        &format!(
                            "the table's limits are at {} (its `confidence` column); leave \
                             `level` out or give the same level",
                            Confidence::from_level(recorded)?
                        ),
                        l,
                    ));
                }
                given
            }
        };
        levels.push(LevelLimits {
            level,
            lower: f64_values(table, "lower")?,
            upper: f64_values(table, "upper")?,
        });
    }
    Ok(Estimates { value, levels })
}

/// The single confidence level written in the `confidence` column.
fn level_of(table: &DataFrame) -> Result<f64> {
    let unknown = || {
        Error::argument(
            "level",
            "the confidence level of `lower`/`upper` is unknown: pass the level (0.95 or 0.998) \
             or compute the table with output \"full\" so it has a `confidence` column",
            "nothing",
        )
    };
    let column = table.column("confidence").map_err(|_| unknown())?;
    let labels = column.str().map_err(|_| unknown())?;
    let first = labels.iter().flatten().next().ok_or_else(unknown)?;
    let confidence: Confidence = first.parse()?;
    if confidence == Confidence::Both {
        return Err(Error::data(
            "confidence",
            "a table with one pair of limits must have one confidence level",
            format!("{first:?}"),
            "",
        ));
    }
    Ok(confidence.levels()[0])
}
