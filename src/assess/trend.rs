//! The trend of each group's latest points (the Fingertips recent-trend test).

use polars::prelude::*;

use super::compare::Comparison;
use super::estimates::read_estimates;
use super::polarity::Polarity;
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::measure::{f64_values, group_label, require, require_keys};
use crate::period::PeriodColumn;
use crate::stats::{trend_test, z_value, TrendDirection, TREND_CRITICAL_998};

/// Options of [`trend`].
///
/// A trend per kommun over the latest three years; a kommun with fewer
/// points gets no trend and says why:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::Trend;
///
/// let defaults = Trend::new("year");
/// assert_eq!((defaults.points, defaults.polarity), (5, Polarity::NoJudgement));
/// let options = defaults.by(["kommun"]).points(3).level(0.95);
/// let series = df!(
///     "kommun" => ["Berg", "Berg", "Berg", "Åre", "Åre"],
///     "year" => [2021, 2022, 2023, 2022, 2023],
///     "value" => [20.1, 19.5, 20.4, 24.0, 23.1],
///     "lower" => [17.0, 16.4, 17.3, 21.5, 20.6],
///     "upper" => [23.2, 22.6, 23.5, 26.5, 25.6],
/// )?;
/// let out = trend(&series, &options)?;
/// let status: Vec<_> = out.column("status")?.str()?.iter().flatten().collect();
/// assert_eq!(status, ["ok", "fewer than 3 points with value and limits"]);
/// assert_eq!(out.column("trend")?.str()?.get(0), Some("no significant change"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Trend {
    /// The time column: numeric (years), a date (converted to years), or
    /// period labels such as "T1 2024" or "2019–2023" (each at its middle,
    /// in decimal years, so the slope is per year).
    pub time: String,
    /// Group columns; one trend per group.
    pub by: Vec<String>,
    /// How many of the latest points to use (Fingertips: 5).
    pub points: usize,
    /// The indicator's polarity, for the judgement column.
    pub polarity: Polarity,
    /// The confidence level of single `lower`/`upper` columns (else read
    /// from the `confidence` column).
    pub level: Option<f64>,
}

crate::setters::setters!(Trend {
    /// Group columns; one trend per group.
    ///
    /// Suicide per 100 000 in Berg and Åre over the latest three years,
    /// one trend per kommun:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Trend;
    ///
    /// let series = df!(
    ///     "kommun" => ["Berg", "Berg", "Berg", "Åre", "Åre", "Åre"],
    ///     "year" => [2021, 2022, 2023, 2021, 2022, 2023],
    ///     "value" => [20.1, 19.5, 20.4, 24.9, 24.0, 23.1],
    ///     "lower" => [17.0, 16.4, 17.3, 21.8, 21.5, 20.6],
    ///     "upper" => [23.2, 22.6, 23.5, 28.0, 26.5, 25.6],
    /// )?;
    /// let out = trend(&series, &Trend::new("year").by(["kommun"]).points(3).level(0.95))?;
    /// assert_eq!(out.height(), 2);
    /// assert_eq!(out.column("kommun")?.str()?.get(1), Some("Åre"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    list by,
    /// How many of the latest points to use (Fingertips: 5).
    ///
    /// Fall injuries 65+ per 1 000 in Östersund, 2019–2023: three points
    /// test 2021–2023 only; fewer than three are refused:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Error, Trend};
    ///
    /// let series = df!(
    ///     "year" => [2019, 2020, 2021, 2022, 2023],
    ///     "value" => [27.4, 28.9, 29.6, 31.8, 32.5],
    ///     "lower" => [25.8, 27.3, 28.0, 30.1, 30.8],
    ///     "upper" => [29.1, 30.6, 31.3, 33.6, 34.3],
    /// )?;
    /// let out = trend(&series, &Trend::new("year").points(3).level(0.95))?;
    /// assert_eq!(out.column("from")?.str()?.get(0), Some("2021"));
    /// assert_eq!(out.column("points")?.u32()?.get(0), Some(3));
    /// assert!(matches!(trend(&series, &Trend::new("year").points(2)), Err(Error::InvalidArgument { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    points: usize,
    /// The indicator's polarity, for the judgement column.
    ///
    /// Fall injuries 65+ per 1 000 in Östersund rise significantly
    /// 2019–2023: worse, as a low rate is good:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Trend;
    ///
    /// let series = df!(
    ///     "year" => [2019, 2020, 2021, 2022, 2023],
    ///     "value" => [27.4, 28.9, 29.6, 31.8, 32.5],
    ///     "lower" => [25.8, 27.3, 28.0, 30.1, 30.8],
    ///     "upper" => [29.1, 30.6, 31.3, 33.6, 34.3],
    /// )?;
    /// let judged = |polarity| -> IkResult<Option<String>> {
    ///     let out = trend(&series, &Trend::new("year").level(0.95).polarity(polarity))?;
    ///     Ok(out.column("vs_trend")?.str()?.get(0).map(String::from))
    /// };
    /// assert_eq!(judged(Polarity::LowIsGood)?.as_deref(), Some("worse"));
    /// assert_eq!(judged(Polarity::NoJudgement)?.as_deref(), Some("higher"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    polarity: Polarity,
    /// The confidence level of single `lower`/`upper` columns (else read
    /// from the `confidence` column).
    ///
    /// Fall injuries 65+ per 1 000 in Östersund: read as 95 % limits, the
    /// trend's χ² is 22.75; the same limits read as 99.8 % limits mean
    /// smaller standard errors and a χ² of 56.56 (computed with numpy):
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Trend;
    ///
    /// let series = df!(
    ///     "year" => [2019, 2020, 2021, 2022, 2023],
    ///     "value" => [27.4, 28.9, 29.6, 31.8, 32.5],
    ///     "lower" => [25.8, 27.3, 28.0, 30.1, 30.8],
    ///     "upper" => [29.1, 30.6, 31.3, 33.6, 34.3],
    /// )?;
    /// let chi_square = |level| -> IkResult<f64> {
    ///     let out = trend(&series, &Trend::new("year").level(level))?;
    ///     Ok(out.column("chi_square")?.f64()?.get(0).unwrap_or(f64::NAN))
    /// };
    /// assert!((chi_square(0.95)? - 22.75).abs() < 0.01);
    /// assert!((chi_square(0.998)? - 56.56).abs() < 0.01);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    some level: f64,
});

impl Trend {
    /// A trend over `time` with the defaults: 5 points, no judgement.
    ///
    /// A trend over the `year` column of a yearly series:
    ///
    /// ```
    /// use indikator::{Polarity, Trend};
    ///
    /// let options = Trend::new("year");
    /// assert_eq!((options.time.as_str(), options.points, options.polarity), ("year", 5, Polarity::NoJudgement));
    /// assert!(options.by.is_empty() && options.level.is_none());
    /// ```
    pub fn new(time: &str) -> Self {
        Trend {
            time: time.to_string(),
            by: Vec::new(),
            points: 5,
            polarity: Polarity::NoJudgement,
            level: None,
        }
    }
}

impl TrendDirection {
    /// `increasing`, `decreasing`, `no significant change`.
    ///
    /// The share treated within the vårdgaranti's 90 days at one clinic,
    /// 2019–2023, rising by about 2.5 percentage points a year; the label is
    /// what [`trend`]'s `trend` column holds:
    ///
    /// ```
    /// use indikator::stats::{trend_test, TrendDirection, TREND_CRITICAL_998};
    ///
    /// let years = [2019.0, 2020.0, 2021.0, 2022.0, 2023.0];
    /// let share = [61.0, 63.5, 66.0, 68.2, 71.0];
    /// let (_, direction) = trend_test(&years, &share, &[0.8; 5], TREND_CRITICAL_998).unwrap();
    /// assert_eq!(direction.label(), "increasing");
    /// assert_eq!(TrendDirection::NoSignificantChange.label(), "no significant change");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            TrendDirection::Increasing => "increasing",
            TrendDirection::Decreasing => "decreasing",
            TrendDirection::NoSignificantChange => "no significant change",
        }
    }

    /// `ökande`, `minskande`, `ingen signifikant förändring`.
    ///
    /// The same share falling 2019–2023, as the report writes it:
    ///
    /// ```
    /// use indikator::stats::{trend_test, TrendDirection, TREND_CRITICAL_998};
    ///
    /// let years = [2019.0, 2020.0, 2021.0, 2022.0, 2023.0];
    /// let share = [71.0, 68.2, 66.0, 63.5, 61.0];
    /// let (_, direction) = trend_test(&years, &share, &[0.8; 5], TREND_CRITICAL_998).unwrap();
    /// assert_eq!((direction, direction.swedish()), (TrendDirection::Decreasing, "minskande"));
    /// assert_eq!(TrendDirection::NoSignificantChange.swedish(), "ingen signifikant förändring");
    /// ```
    pub fn swedish(self) -> &'static str {
        match self {
            TrendDirection::Increasing => "ökande",
            TrendDirection::Decreasing => "minskande",
            TrendDirection::NoSignificantChange => "ingen signifikant förändring",
        }
    }
}

/// The trend test over each group's latest `points` rows of a series of
/// results (the output schema, one row per group and time). Standard errors
/// come from the narrowest limits: (upper − lower) / 3.92 for 95 % limits, as
/// the Fingertips code has it, and (upper − lower) / (2 z) for 99.8 %. Returns per
/// group: `points`, `from`, `to`, `slope` (per year), `chi_square`, `trend`
/// (increasing / decreasing / no significant change, or null), `vs_trend`
/// (the direction judged by polarity) and `status` (why there is no trend).
///
/// # Errors
/// Missing or mistyped columns, `points` below 3, or a group with two rows
/// at the same time.
///
/// # Example
/// Fall injuries 65+ per 1 000 in Östersund, 2019–2023, with 95 % limits:
/// the weighted slope is 1.308 a year and χ² 22.75, above the critical
/// 9.55, and every fit leaving out one year rises too (computed with
/// numpy), so the rise is significant, and worse, as a low rate is good.
///
/// ```
/// use indikator::prelude::*;
/// use indikator::Trend;
///
/// let series = df!(
///     "year" => [2019, 2020, 2021, 2022, 2023],
///     "value" => [27.4, 28.9, 29.6, 31.8, 32.5],
///     "lower" => [25.8, 27.3, 28.0, 30.1, 30.8],
///     "upper" => [29.1, 30.6, 31.3, 33.6, 34.3],
/// )?;
/// let options = Trend::new("year").polarity(Polarity::LowIsGood).level(0.95);
/// let out = trend(&series, &options)?;
/// assert_eq!(out.column("trend")?.str()?.get(0), Some("increasing"));
/// assert_eq!(out.column("vs_trend")?.str()?.get(0), Some("worse"));
/// let slope = out.column("slope")?.f64()?.get(0).unwrap();
/// let chi_square = out.column("chi_square")?.f64()?.get(0).unwrap();
/// assert!((slope - 1.308).abs() < 1e-3 && (chi_square - 22.75).abs() < 0.01);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn trend(series: impl IntoFrame, options: &Trend) -> Result<DataFrame> {
    let series = &series.into_data_frame()?;
    if options.points < 3 {
        return Err(Error::argument(
            "points",
            "a trend needs at least 3 points",
            options.points,
        ));
    }
    let time_dtype = require(series.schema(), &options.time, "time")?.clone();
    let years = time_in_years(series, &options.time, &time_dtype)?;
    require_keys(series.schema(), &options.by, "group")?;
    let estimates = read_estimates(series, options.level)?;
    let (level, lower, upper) = {
        let l = &estimates.levels[0];
        (l.level, &l.lower, &l.upper)
    };
    // Fingertips divides 95 % intervals by the literal 3.92; other levels by 2 z.
    let width = if (level - 0.95).abs() < 1e-12 {
        3.92
    } else {
        2.0 * z_value(level)
    };
    let labels = series.column(&options.time)?.cast(&DataType::String)?;
    let labels = labels.str()?;
    let groups = series
        .clone()
        .lazy()
        .with_row_index("__ik_row", None)
        .group_by_stable(
            options
                .by
                .iter()
                .map(|b| col(b.as_str()))
                .collect::<Vec<_>>(),
        )
        .agg([col("__ik_row")])
        .collect()?;
    let rows_of = groups.column("__ik_row")?.list()?.clone();
    let mut out = Output::default();
    for rows in rows_of.amortized_iter() {
        let rows: Vec<usize> = match rows {
            Some(s) => s
                .as_ref()
                .idx()?
                .iter()
                .flatten()
                .map(|r| r as usize)
                .collect(),
            None => Vec::new(),
        };
        let mut rows: Vec<usize> = rows.into_iter().filter(|r| years[*r].is_some()).collect();
        rows.sort_by(|a, b| {
            years[*a]
                .partial_cmp(&years[*b])
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        if let Some(w) = rows.windows(2).find(|w| years[w[0]] == years[w[1]]) {
            return Err(Error::data(
                &options.time,
                "a series must have one row per time in each group",
                labels.get(w[0]).unwrap_or("?"),
                group_label(&series.select(options.by.iter().map(String::as_str))?, w[0]),
            ));
        }
        let latest = &rows[rows.len().saturating_sub(options.points)..];
        out.from.push(
            latest
                .first()
                .and_then(|r| labels.get(*r).map(str::to_string)),
        );
        out.to.push(
            latest
                .last()
                .and_then(|r| labels.get(*r).map(str::to_string)),
        );
        out.points.push(latest.len() as u32);
        let complete = latest.len() == options.points
            && latest.iter().all(|r| {
                estimates.value[*r].is_some() && lower[*r].is_some() && upper[*r].is_some()
            });
        if !complete {
            out.missing(format!(
                "fewer than {} points with value and limits",
                options.points
            ));
            continue;
        }
        let x: Vec<f64> = latest
            .iter()
            .map(|r| years[*r].unwrap_or_default())
            .collect();
        let v: Vec<f64> = latest
            .iter()
            .map(|r| estimates.value[*r].unwrap_or_default())
            .collect();
        let se: Vec<f64> = latest
            .iter()
            .map(|r| (upper[*r].unwrap_or_default() - lower[*r].unwrap_or_default()) / width)
            .collect();
        match trend_test(&x, &v, &se, TREND_CRITICAL_998) {
            Some((fit, direction)) => {
                let higher = match direction {
                    TrendDirection::Increasing => Some(true),
                    TrendDirection::Decreasing => Some(false),
                    TrendDirection::NoSignificantChange => None,
                };
                out.slope.push(Some(fit.slope));
                out.chi_square.push(Some(fit.chi_square));
                out.trend.push(Some(direction.label()));
                out.judgement
                    .push(Comparison::judge(higher, options.polarity).label());
                out.status.push("ok".to_string());
            }
            None => out.missing("a limit interval of zero width: no weights".to_string()),
        }
    }
    let mut result = groups.drop("__ik_row")?;
    for c in out.columns() {
        result.with_column(c)?;
    }
    Ok(result)
}

#[derive(Default)]
struct Output {
    points: Vec<u32>,
    from: Vec<Option<String>>,
    to: Vec<Option<String>>,
    slope: Vec<Option<f64>>,
    chi_square: Vec<Option<f64>>,
    trend: Vec<Option<&'static str>>,
    judgement: Vec<&'static str>,
    status: Vec<String>,
}

impl Output {
    fn missing(&mut self, why: String) {
        self.slope.push(None);
        self.chi_square.push(None);
        self.trend.push(None);
        self.judgement.push(Comparison::NotCompared.label());
        self.status.push(why);
    }

    fn columns(self) -> Vec<Column> {
        vec![
            Column::new("points".into(), self.points),
            Column::new("from".into(), self.from),
            Column::new("to".into(), self.to),
            Column::new("slope".into(), self.slope),
            Column::new("chi_square".into(), self.chi_square),
            Column::new("trend".into(), self.trend),
            Column::new("vs_trend".into(), self.judgement),
            Column::new("status".into(), self.status),
        ]
    }
}

/// The time column in years: numbers as they are, dates as fractional years,
/// period labels ("T1 2024", "2019–2023") at their middle in decimal years.
fn time_in_years(series: &DataFrame, name: &str, dtype: &DataType) -> Result<Vec<Option<f64>>> {
    match dtype {
        d if d.is_primitive_numeric() => f64_values(series, name),
        DataType::Date => Ok(f64_values(series, name)?
            .into_iter()
            .map(|d| d.map(|days| 1970.0 + days / 365.25))
            .collect()),
        DataType::String => Ok(PeriodColumn::read(series, name)?
            .keys
            .iter()
            .map(|k| k.map(|k| k.decimal_year()))
            .collect()),
        other => Err(Error::WrongDtype {
            column: name.to_string(),
            role: "time".to_string(),
            expected: "numeric (years), a date, or period labels".to_string(),
            found: other.to_string(),
        }),
    }
}
