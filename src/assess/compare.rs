//! Comparisons with the semantics of the UK Fingertips platform: a value
//! against a benchmark (riket, the region) and against the previous period.

use polars::prelude::*;

use super::estimates::read_estimates;
use super::matching::{matched, TIME_COLUMNS};
use super::polarity::Polarity;
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::measure::{column_of, f64_values, require_numeric};

/// A comparison judged by the indicator's polarity.
///
/// A suicide rate significantly higher than riket's is worse (a low rate is
/// good); tables hold the English label, reports the Swedish one:
///
/// ```
/// use indikator::{Comparison, Polarity};
///
/// let c = Comparison::judge(Some(true), Polarity::LowIsGood);
/// assert_eq!(c, Comparison::Worse);
/// assert_eq!((c.label(), c.swedish()), ("worse", "sämre"));
/// // Without a judgement the same difference is only higher.
/// assert_eq!(Comparison::judge(Some(true), Polarity::NoJudgement), Comparison::Higher);
/// // A `vs_benchmark` or `vs_previous` cell reads back.
/// assert_eq!("not compared".parse::<Comparison>()?, Comparison::NotCompared);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Comparison {
    /// Significantly better.
    Better,
    /// No significant difference.
    Similar,
    /// Significantly worse.
    Worse,
    /// Significantly higher (polarity: no judgement).
    Higher,
    /// Significantly lower (polarity: no judgement).
    Lower,
    /// A value, a limit or the benchmark is missing.
    NotCompared,
}

impl Comparison {
    /// Judge a significant direction (`Some(true)` higher, `Some(false)`
    /// lower, `None` no significant difference) by `polarity`.
    ///
    /// Readmissions within 30 days significantly below riket's are better (a
    /// low rate is good); a share within the vårdgaranti below it is worse:
    ///
    /// ```
    /// use indikator::{Comparison, Polarity};
    ///
    /// assert_eq!(Comparison::judge(Some(false), Polarity::LowIsGood), Comparison::Better);
    /// assert_eq!(Comparison::judge(Some(false), Polarity::HighIsGood), Comparison::Worse);
    /// assert_eq!(Comparison::judge(Some(false), Polarity::NoJudgement), Comparison::Lower);
    /// // No significant difference is similar whatever the polarity.
    /// assert_eq!(Comparison::judge(None, Polarity::HighIsGood), Comparison::Similar);
    /// ```
    pub fn judge(higher: Option<bool>, polarity: Polarity) -> Comparison {
        match (higher, polarity) {
            (None, _) => Comparison::Similar,
            (Some(true), Polarity::HighIsGood) | (Some(false), Polarity::LowIsGood) => {
                Comparison::Better
            }
            (Some(false), Polarity::HighIsGood) | (Some(true), Polarity::LowIsGood) => {
                Comparison::Worse
            }
            (Some(true), Polarity::NoJudgement) => Comparison::Higher,
            (Some(false), Polarity::NoJudgement) => Comparison::Lower,
        }
    }

    /// The English label written in tables: `better`, `similar`, `worse`,
    /// `higher`, `lower`, `not compared`.
    ///
    /// The `vs_benchmark` cell of a share operated within 90 days
    /// significantly above riket's, and the cell read back:
    ///
    /// ```
    /// use indikator::{Comparison, Polarity};
    ///
    /// let c = Comparison::judge(Some(true), Polarity::HighIsGood);
    /// assert_eq!(c.label(), "better");
    /// assert_eq!(Comparison::NotCompared.label(), "not compared");
    /// assert_eq!(c.label().parse::<Comparison>()?, c);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Comparison::Better => "better",
            Comparison::Similar => "similar",
            Comparison::Worse => "worse",
            Comparison::Higher => "higher",
            Comparison::Lower => "lower",
            Comparison::NotCompared => "not compared",
        }
    }

    /// The Swedish label of the region's reports.
    ///
    /// A `vs_previous` cell of a result table, as the delårsbokslut writes it:
    ///
    /// ```
    /// use indikator::Comparison;
    ///
    /// let cell: Comparison = "similar".parse()?;
    /// assert_eq!(cell.swedish(), "likvärdig");
    /// assert_eq!(Comparison::Lower.swedish(), "lägre");
    /// assert_eq!(Comparison::NotCompared.swedish(), "ej jämförd");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn swedish(self) -> &'static str {
        match self {
            Comparison::Better => "bättre",
            Comparison::Similar => "likvärdig",
            Comparison::Worse => "sämre",
            Comparison::Higher => "högre",
            Comparison::Lower => "lägre",
            Comparison::NotCompared => "ej jämförd",
        }
    }
}

impl std::str::FromStr for Comparison {
    type Err = Error;

    /// Read a [`Comparison::label`] back.
    fn from_str(s: &str) -> Result<Self> {
        [
            Comparison::Better,
            Comparison::Similar,
            Comparison::Worse,
            Comparison::Higher,
            Comparison::Lower,
            Comparison::NotCompared,
        ]
        .into_iter()
        .find(|c| c.label() == s.trim().to_lowercase())
        .ok_or_else(|| {
            Error::argument(
                "comparison",
                "one of \"better\", \"similar\", \"worse\", \"higher\", \"lower\", \"not compared\"",
                format!("{s:?}"),
            )
        })
    }
}

/// Compare an estimate with a benchmark value. `limits` holds
/// `(level, lower, upper)` per confidence level. The benchmark is "similar"
/// when it lies inside (or on) the limits of every level; otherwise the
/// answer is better/worse (or higher/lower) at the widest level whose
/// interval excludes it, so 95 % and 99.8 % together give five levels.
///
/// ```
/// use indikator::{compare_estimate_with_benchmark, Comparison, Polarity};
/// // A share of 84 % [80, 88] (95 %), [77, 90] (99.8 %) against riket at 89 %.
/// let limits = [(0.95, Some(80.0), Some(88.0)), (0.998, Some(77.0), Some(90.0))];
/// let (c, level) = compare_estimate_with_benchmark(Some(84.0), &limits, Some(89.0), Polarity::HighIsGood);
/// assert_eq!((c, level), (Comparison::Worse, Some(0.95)));
/// ```
pub fn compare_estimate_with_benchmark(
    value: Option<f64>,
    limits: &[(f64, Option<f64>, Option<f64>)],
    benchmark: Option<f64>,
    polarity: Polarity,
) -> (Comparison, Option<f64>) {
    let (Some(_), Some(b)) = (value, benchmark) else {
        return (Comparison::NotCompared, None);
    };
    if limits.is_empty() {
        return (Comparison::NotCompared, None);
    }
    let mut widest: Option<(f64, bool)> = None;
    for &(level, lower, upper) in limits {
        let (Some(lo), Some(up)) = (lower, upper) else {
            return (Comparison::NotCompared, None);
        };
        let outside = if b < lo {
            Some(true)
        } else if b > up {
            Some(false)
        } else {
            None
        };
        if let Some(higher) = outside {
            if widest.is_none_or(|(l, _)| level > l) {
                widest = Some((level, higher));
            }
        }
    }
    match widest {
        Some((level, higher)) => (Comparison::judge(Some(higher), polarity), Some(level)),
        None => (Comparison::Similar, None),
    }
}

/// Compare two periods by their confidence intervals: overlapping intervals
/// mean no significant change ([`Comparison::Similar`]); otherwise the
/// change is judged by `polarity`. Each argument is `(lower, upper)`.
///
/// Ortopedi's share operated within the vårdgaranti's 90 days in T1:
/// 405 of 500 in 2024, 370 of 500 in 2023 and 340 of 500 in 2022 (95 %
/// Wilson limits, computed with scipy):
///
/// ```
/// use indikator::{compare_estimate_with_previous, Comparison, Polarity};
///
/// let t1_2024 = (Some(77.33), Some(84.20)); // 81 %
/// let t1_2023 = (Some(69.98), Some(77.65)); // 74 %
/// let t1_2022 = (Some(63.79), Some(71.94)); // 68 %
/// // Seven points up, but the intervals overlap: no significant change.
/// let c = compare_estimate_with_previous(t1_2024, t1_2023, Polarity::HighIsGood);
/// assert_eq!(c, Comparison::Similar);
/// let c = compare_estimate_with_previous(t1_2024, t1_2022, Polarity::HighIsGood);
/// assert_eq!(c, Comparison::Better);
/// // A period without limits is not compared.
/// let c = compare_estimate_with_previous(t1_2024, (None, None), Polarity::HighIsGood);
/// assert_eq!(c, Comparison::NotCompared);
/// ```
pub fn compare_estimate_with_previous(
    current: (Option<f64>, Option<f64>),
    previous: (Option<f64>, Option<f64>),
    polarity: Polarity,
) -> Comparison {
    let ((Some(cl), Some(cu)), (Some(pl), Some(pu))) = (current, previous) else {
        return Comparison::NotCompared;
    };
    let higher = if cl > pu {
        Some(true)
    } else if cu < pl {
        Some(false)
    } else {
        None
    };
    Comparison::judge(higher, polarity)
}

/// Where the benchmark of each row comes from.
///
/// Åre's share operated within 90 days (95 % limits) against riket, as one
/// value or per year:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::Benchmark;
///
/// let are = df!(
///     "year" => [2023, 2024],
///     "value" => [74.0, 78.75],
///     "lower" => [66.70, 71.78],
///     "upper" => [80.20, 84.38],
/// )?;
/// let vs = |out: &DataFrame| -> Vec<String> {
///     out.column("vs_benchmark").unwrap().str().unwrap().iter().flatten().map(String::from).collect()
/// };
/// let riket = Benchmark::Value(85.0);
/// let out = compare_with_benchmark(&are, &riket, Polarity::HighIsGood, Some(0.95))?;
/// assert_eq!(vs(&out), ["worse", "worse"]);
/// // Riket was at 80 % in 2023: inside Åre's interval.
/// let per_year = df!("year" => [2023, 2024], "value" => [80.0, 85.0])?;
/// let riket = Benchmark::Table { table: per_year, on: vec!["year".into()] };
/// let out = compare_with_benchmark(&are, &riket, Polarity::HighIsGood, Some(0.95))?;
/// assert_eq!(vs(&out), ["similar", "worse"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Benchmark {
    /// One value for every row (e.g. riket's share).
    Value(f64),
    /// A numeric column of the table.
    Column(String),
    /// The `value` column of another table, matched on the key columns `on`
    /// (e.g. riket per year and sex); an empty `on` means a one-row table.
    Table {
        /// The benchmark table.
        table: DataFrame,
        /// The key columns shared by both tables.
        on: Vec<String>,
    },
}

/// Add `benchmark`, `vs_benchmark` (a [`Comparison::label`]) and
/// `vs_benchmark_level` (the level at which it is significant, or null) to a
/// result table. The limits are read as described for `level` in
/// [`compare_with_previous`](super::compare_with_previous).
///
/// # Errors
/// Missing or non-numeric columns, a benchmark table with duplicated or
/// missing groups.
///
/// The share operated within the vårdgaranti's 90 days by kommun against
/// riket's 85 %, at 95 % and 99.8 % (the Wilson limits, checked with
/// scipy: Östersund 540/600 is 90 % [85.6, 93.2] at 99.8 %; Åre 126/160 is
/// 78.75 % [71.8, 84.4] at 95 % but [67.3, 87.0] at 99.8 %):
///
/// ```
/// use indikator::prelude::*;
/// use indikator::Benchmark;
///
/// let waits = df!(
///     "kommun" => ["Berg", "Krokom", "Åre", "Östersund"],
///     "within_90" => [30, 150, 126, 540],
///     "operated" => [50, 180, 160, 600],
/// )?;
/// let shares = Proportion::new("within_90", "operated")
///     .percentage()
///     .by(["kommun"])
///     .confidence(Confidence::Both)
///     .compute(waits.lazy())?;
/// let out = compare_with_benchmark(&shares, &Benchmark::Value(85.0), Polarity::HighIsGood, None)?;
/// let vs: Vec<_> = out.column("vs_benchmark")?.str()?.iter().flatten().collect();
/// assert_eq!(vs, ["worse", "similar", "worse", "better"]);
/// let level: Vec<_> = out.column("vs_benchmark_level")?.f64()?.iter().collect();
/// assert_eq!(level, [Some(0.998), None, Some(0.95), Some(0.998)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn compare_with_benchmark(
    table: impl IntoFrame,
    benchmark: &Benchmark,
    polarity: Polarity,
    level: Option<f64>,
) -> Result<DataFrame> {
    let table = &table.into_data_frame()?;
    let estimates = read_estimates(table, level)?;
    let values = benchmark_values(table, benchmark)?;
    let n = table.height();
    let (mut labels, mut levels) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for (i, b) in values.iter().enumerate() {
        let limits: Vec<_> = estimates
            .levels
            .iter()
            .map(|l| (l.level, l.lower[i], l.upper[i]))
            .collect();
        let (c, at) = compare_estimate_with_benchmark(estimates.value[i], &limits, *b, polarity);
        labels.push(c.label());
        levels.push(at);
    }
    let mut out = table.clone();
    out.with_column(Column::new("benchmark".into(), values))?;
    out.with_column(Column::new("vs_benchmark".into(), labels))?;
    out.with_column(Column::new("vs_benchmark_level".into(), levels))?;
    Ok(out)
}

fn benchmark_values(table: &DataFrame, benchmark: &Benchmark) -> Result<Vec<Option<f64>>> {
    let values = match benchmark {
        Benchmark::Value(v) => {
            if !v.is_finite() {
                return Err(Error::argument("benchmark", "must be a finite number", v));
            }
            vec![Some(*v); table.height()]
        }
        Benchmark::Column(name) => {
            require_numeric(table.schema(), name, "benchmark")?;
            f64_values(table, name)?
        }
        Benchmark::Table { table: other, on } => {
            column_of(other, "value", "benchmark")?;
            require_numeric(other.schema(), "value", "benchmark")?;
            if on.is_empty() {
                if other.height() != 1 {
                    return Err(Error::data(
                        "value",
                        "a benchmark table without key columns must have exactly one row",
                        format!("{} rows", other.height()),
                        "",
                    ));
                }
                vec![f64_values(other, "value")?[0]; table.height()]
            } else {
                for key in on {
                    crate::measure::require(table.schema(), key, "key")?;
                    crate::measure::require(other.schema(), key, "key of the benchmark table")?;
                }
                let right = other.select(on.iter().map(String::as_str).chain(["value"]))?;
                // A time column among the keys matches as periods ("2024-T1" is "T1 2024").
                let time = on.iter().find(|k| TIME_COLUMNS.contains(&k.as_str()));
                let (joined, _) = matched(
                    table,
                    &right,
                    on,
                    time.map(String::as_str),
                    0,
                    "benchmark table",
                )?;
                f64_values(&joined, "value")?
            }
        }
    };
    if let Some(v) = values.iter().flatten().find(|v| !v.is_finite()) {
        return Err(Error::data(
            "benchmark",
            "benchmark values must be finite",
            v,
            "",
        ));
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Limits = [(f64, Option<f64>, Option<f64>); 2];

    #[allow(non_snake_case)]
    fn BOTH(l95: f64, u95: f64, l998: f64, u998: f64) -> Limits {
        [
            (0.95, Some(l95), Some(u95)),
            (0.998, Some(l998), Some(u998)),
        ]
    }

    #[test]
    fn five_levels_against_a_benchmark() {
        let limits = BOTH(80.0, 88.0, 77.0, 90.0);
        let at = |b: f64| {
            compare_estimate_with_benchmark(Some(84.0), &limits, Some(b), Polarity::HighIsGood)
        };
        assert_eq!(at(70.0), (Comparison::Better, Some(0.998)));
        assert_eq!(at(78.0), (Comparison::Better, Some(0.95)));
        assert_eq!(at(84.0), (Comparison::Similar, None));
        assert_eq!(at(89.0), (Comparison::Worse, Some(0.95)));
        assert_eq!(at(95.0), (Comparison::Worse, Some(0.998)));
    }

    #[test]
    fn a_benchmark_on_the_limit_is_similar() {
        let limits = [(0.95, Some(80.0), Some(88.0))];
        let c =
            compare_estimate_with_benchmark(Some(84.0), &limits, Some(88.0), Polarity::HighIsGood);
        assert_eq!(c, (Comparison::Similar, None));
    }

    #[test]
    fn polarity_decides_better_or_worse() {
        let limits = [(0.95, Some(20.0), Some(30.0))];
        let low =
            compare_estimate_with_benchmark(Some(25.0), &limits, Some(15.0), Polarity::LowIsGood);
        assert_eq!(low, (Comparison::Worse, Some(0.95)));
        let none =
            compare_estimate_with_benchmark(Some(25.0), &limits, Some(15.0), Polarity::NoJudgement);
        assert_eq!(none, (Comparison::Higher, Some(0.95)));
    }

    #[test]
    fn missing_pieces_are_not_compared() {
        let limits = [(0.95, None, Some(30.0))];
        let c =
            compare_estimate_with_benchmark(Some(25.0), &limits, Some(15.0), Polarity::LowIsGood);
        assert_eq!(c, (Comparison::NotCompared, None));
        let c = compare_estimate_with_benchmark(None, &[], Some(15.0), Polarity::LowIsGood);
        assert_eq!(c, (Comparison::NotCompared, None));
        let c = compare_estimate_with_benchmark(
            Some(1.0),
            &BOTH(0.0, 2.0, 0.0, 3.0),
            None,
            Polarity::LowIsGood,
        );
        assert_eq!(c, (Comparison::NotCompared, None));
    }

    #[test]
    fn overlapping_intervals_mean_no_change() {
        let p = Polarity::HighIsGood;
        let cmp = |c: (f64, f64), q: (f64, f64)| {
            compare_estimate_with_previous((Some(c.0), Some(c.1)), (Some(q.0), Some(q.1)), p)
        };
        assert_eq!(cmp((80.0, 88.0), (86.0, 92.0)), Comparison::Similar);
        // Touching intervals overlap.
        assert_eq!(cmp((80.0, 88.0), (88.0, 92.0)), Comparison::Similar);
        assert_eq!(cmp((80.0, 88.0), (70.0, 79.9)), Comparison::Better);
        assert_eq!(cmp((60.0, 69.0), (70.0, 79.0)), Comparison::Worse);
        assert_eq!(
            compare_estimate_with_previous((None, Some(1.0)), (Some(0.0), Some(1.0)), p),
            Comparison::NotCompared
        );
    }
}
