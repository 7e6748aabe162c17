//! The one output schema every statistic returns.
//!
//! Group columns, then `numerator`, `denominator`, `value`, the limits
//! (`lower`, `upper`, or `lower_95`, `upper_95`, `lower_99_8`, `upper_99_8`),
//! `status`, and with [`OutputType::Full`] also `confidence`, `statistic` and
//! `method`. Statistics push one [`Estimate`] per group into a [`Table`].

use polars::prelude::*;

use super::confidence::{Confidence, OutputType};
use crate::error::Result;

/// The count columns of the output schema.
pub(crate) const COUNT_COLUMNS: [&str; 2] = ["numerator", "denominator"];
/// The columns computed from a row's counts.
pub(crate) const DERIVED_COLUMNS: [&str; 14] = [
    "value",
    "lower",
    "upper",
    "lower_95",
    "upper_95",
    "lower_99_8",
    "upper_99_8",
    "sd",
    "sum",
    "expected",
    "intercept",
    "significant",
    "significant_95",
    "significant_99_8",
];
/// The flag and metadata columns (and the pooled-period count).
pub(crate) const META_COLUMNS: [&str; 5] =
    ["status", "confidence", "statistic", "method", "periods"];

/// Whether `name` is a column of the output schema.
pub(crate) fn is_output_column(name: &str) -> bool {
    [&COUNT_COLUMNS[..], &DERIVED_COLUMNS[..], &META_COLUMNS[..]]
        .iter()
        .any(|set| set.contains(&name))
}

/// Why a value is missing, or `Ok`. Written to the `status` column.
///
/// Berg's count is missing, so its rate is not computed:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::Status;
///
/// let deaths = df!("kommun" => ["Berg", "Åre"], "deaths" => [None, Some(5i64)], "population" => [7_000i64, 12_000])?;
/// let rates = Rate::new("deaths", "population").by("kommun").compute(deaths.lazy())?;
/// let status: Vec<_> = rates.column("status")?.str()?.iter().flatten().collect();
/// assert_eq!(status, [Status::NumeratorMissing.label(), Status::Ok.label()]);
/// assert_eq!(status, ["numerator missing", "ok"]);
/// assert_eq!(rates.column("value")?.f64()?.get(0), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Status {
    /// The value and its limits were computed.
    Ok,
    /// A numerator in the group was missing, so nothing was computed.
    NumeratorMissing,
    /// A denominator in the group was missing, so nothing was computed.
    DenominatorMissing,
    /// A directly standardised rate with fewer than 10 events in total.
    TotalCountBelow10,
    /// A mean of fewer than two values: the value is shown, the limits are not.
    TooFewValues,
    /// A value in the group was missing (means), so nothing was computed.
    ValuesMissing,
    /// Indirect standardisation with zero expected events: no ratio exists.
    ExpectedZero,
    /// A record-level share where every record of the group was excluded
    /// (e.g. all waits patient-chosen): the counts are shown, no share.
    DenominatorZero,
    /// Life expectancy: an age band of the group has negative deaths.
    NegativeDeaths,
    /// Life expectancy: an age band of the group has a population of zero or less.
    PopulationNotPositive,
    /// Life expectancy: an age band of the group has more deaths than population.
    DeathsAbovePopulation,
    /// Life expectancy: the group's population is 5 000 or less (in all
    /// bands together), too few for a life table.
    PopulationTooSmall,
    /// Life expectancy: no deaths in the open (last) age band.
    NoDeathsInOpenBand,
    /// Life expectancy: the 95 % interval is wider than 20 years, so the
    /// value is not shown (its limits are).
    IntervalTooWide,
    /// Life expectancy: nobody in the life table survives to this age.
    NoSurvivors,
    /// Slope index of inequality: some quantile of the group has no value,
    /// no limits, or no population.
    QuantilesIncomplete,
    /// Slope index of inequality: the fit gives no finite index (e.g. a
    /// fitted value of zero at the bottom makes the RII infinite).
    NotFinite,
    /// A difference between groups: one of the two groups has no row.
    GroupMissing,
    /// A rate ratio with no events in either group.
    NoEvents,
    /// A rate ratio with no events in the group compared against: infinite.
    ComparisonCountZero,
    /// A log-normal rate ratio with no events in one group: no limits.
    CountZero,
}

impl Status {
    /// The text written in the `status` column.
    ///
    /// A mean of one patient's wait has a value but no limits:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::Status;
    ///
    /// let waits = df!("kommun" => ["Berg", "Åre", "Åre"], "days" => [12.0, 30.0, 7.0])?;
    /// let means = Mean::new("days").by("kommun").compute(&waits)?;
    /// assert_eq!(Status::TooFewValues.label(), "fewer than 2 values");
    /// assert_eq!(means.column("status")?.str()?.get(0), Some(Status::TooFewValues.label()));
    /// assert_eq!(means.column("status")?.str()?.get(1), Some(Status::Ok.label()));
    /// assert_eq!(means.column("lower")?.f64()?.get(0), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::NumeratorMissing => "numerator missing",
            Status::DenominatorMissing => "denominator missing",
            Status::TotalCountBelow10 => "total count below 10",
            Status::TooFewValues => "fewer than 2 values",
            Status::ValuesMissing => "values missing",
            Status::ExpectedZero => "expected count is zero",
            Status::DenominatorZero => "denominator is zero",
            Status::NegativeDeaths => "negative deaths in an age band",
            Status::PopulationNotPositive => "population zero or less in an age band",
            Status::DeathsAbovePopulation => "more deaths than population in an age band",
            Status::PopulationTooSmall => "total population 5000 or less",
            Status::NoDeathsInOpenBand => "no deaths in the open age band",
            Status::IntervalTooWide => "95% interval wider than 20 years",
            Status::NoSurvivors => "no survivors to this age",
            Status::QuantilesIncomplete => "not every quantile has a value",
            Status::NotFinite => "no finite value",
            Status::GroupMissing => "a group compared has no row",
            Status::NoEvents => "no events in either group",
            Status::ComparisonCountZero => "no events in the group compared against",
            Status::CountZero => "no events in one group (log-normal limits need both)",
        }
    }
}

/// The limits of one estimate at up to two confidence levels.
pub(crate) type Limits = [(Option<f64>, Option<f64>); 2];

/// One row of output: the estimate for one group.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Estimate {
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub value: Option<f64>,
    /// Limits per level, in the order of [`Confidence::levels`].
    pub limits: Limits,
    pub method: Option<&'static str>,
    pub status: Status,
}

impl Estimate {
    /// An estimate with no value, for the given reason.
    pub fn missing(numerator: Option<f64>, denominator: Option<f64>, status: Status) -> Self {
        Estimate {
            numerator,
            denominator,
            value: None,
            limits: [(None, None); 2],
            method: None,
            status,
        }
    }
}

/// Columns being built, one [`Estimate`] at a time.
pub(crate) struct Table {
    keys: DataFrame,
    confidence: Confidence,
    statistic: String,
    numerator: Vec<Option<f64>>,
    denominator: Vec<Option<f64>>,
    value: Vec<Option<f64>>,
    lower: [Vec<Option<f64>>; 2],
    upper: [Vec<Option<f64>>; 2],
    method: Vec<Option<&'static str>>,
    /// The method text of every row that has one, when it is not a constant.
    method_text: Option<String>,
    status: Vec<&'static str>,
    extra: Vec<Column>,
}

impl Table {
    /// A table for the groups in `keys` (one row each), labelled `statistic`.
    pub fn new(keys: DataFrame, confidence: Confidence, statistic: String) -> Self {
        let n = keys.height();
        let v = || Vec::with_capacity(n);
        let (method, status) = (Vec::with_capacity(n), Vec::with_capacity(n));
        Table {
            keys,
            confidence,
            statistic,
            numerator: v(),
            denominator: v(),
            value: v(),
            lower: [v(), v()],
            upper: [v(), v()],
            method,
            method_text: None,
            status,
            extra: Vec::new(),
        }
    }

    /// Write `text` as the method of every row that has a method (for a
    /// method described with numbers, e.g. a simulation's repetitions).
    pub fn method_text(&mut self, text: String) {
        self.method_text = Some(text);
    }

    /// Append the estimate of the next group.
    pub fn push(&mut self, e: Estimate) {
        self.numerator.push(e.numerator);
        self.denominator.push(e.denominator);
        self.value.push(e.value);
        for (i, (lo, hi)) in e
            .limits
            .iter()
            .enumerate()
            .take(self.confidence.levels().len())
        {
            self.lower[i].push(*lo);
            self.upper[i].push(*hi);
        }
        self.method.push(e.method);
        self.status.push(e.status.label());
    }

    /// Add a statistic-specific column (such as `sd` for a mean), placed after the limits.
    pub fn add_column(&mut self, column: Column) {
        self.extra.push(column);
    }

    /// Assemble the frame with the columns `output` asks for.
    pub fn finish(self, output: OutputType) -> Result<DataFrame> {
        let height = self.keys.height();
        let f64_col = |name: &str, v: Vec<Option<f64>>| Column::new(name.into(), v);
        let mut cols: Vec<Column> = self.keys.columns().to_vec();
        let names = self.confidence.limit_columns();
        let [lower0, lower1] = self.lower;
        let [upper0, upper1] = self.upper;
        let lowers = [lower0, lower1];
        let uppers = [upper0, upper1];
        match output {
            OutputType::Value => cols.push(f64_col("value", self.value)),
            OutputType::Lower => {
                for ((lo, _), v) in names.iter().zip(lowers) {
                    cols.push(f64_col(lo, v));
                }
            }
            OutputType::Upper => {
                for ((_, hi), v) in names.iter().zip(uppers) {
                    cols.push(f64_col(hi, v));
                }
            }
            OutputType::Full | OutputType::Standard => {
                cols.push(f64_col("numerator", self.numerator));
                cols.push(f64_col("denominator", self.denominator));
                cols.push(f64_col("value", self.value));
                for (((lo, hi), l), u) in names.iter().zip(lowers).zip(uppers) {
                    cols.push(f64_col(lo, l));
                    cols.push(f64_col(hi, u));
                }
                cols.extend(self.extra);
                cols.push(Column::new("status".into(), self.status));
                if output == OutputType::Full {
                    let conf = self.confidence.to_string();
                    cols.push(Column::new(
                        "confidence".into(),
                        vec![conf.as_str(); height],
                    ));
                    cols.push(Column::new(
                        "statistic".into(),
                        vec![self.statistic.as_str(); height],
                    ));
                    let method: Vec<Option<&str>> = match &self.method_text {
                        Some(text) => self
                            .method
                            .iter()
                            .map(|m| m.map(|_| text.as_str()))
                            .collect(),
                        None => self.method,
                    };
                    cols.push(Column::new("method".into(), method));
                }
            }
        }
        let table = DataFrame::new(height, cols)?;
        // Rows in the order of their groups, a time column ordered as time.
        match crate::period::time_order(&self.keys)? {
            Some(order) if order.iter().enumerate().any(|(i, &row)| i != row) => {
                let idx = IdxCa::from_vec("".into(), order.iter().map(|&i| i as IdxSize).collect());
                let mut taken = table.take(&idx)?;
                taken.rechunk_mut();
                Ok(taken)
            }
            _ => Ok(table),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> DataFrame {
        DataFrame::new(2, vec![Column::new("area".into(), ["A", "B"])]).unwrap()
    }

    fn estimate(v: f64) -> Estimate {
        Estimate {
            numerator: Some(v),
            denominator: Some(10.0),
            value: Some(v / 10.0),
            limits: [(Some(0.0), Some(1.0)), (Some(-1.0), Some(2.0))],
            method: Some("Wilson"),
            status: Status::Ok,
        }
    }

    #[test]
    fn full_output_with_both_levels_has_the_documented_columns() {
        let mut t = Table::new(keys(), Confidence::Both, "proportion of 1".into());
        t.push(estimate(1.0));
        t.push(Estimate::missing(
            None,
            Some(10.0),
            Status::NumeratorMissing,
        ));
        let df = t.finish(OutputType::Full).unwrap();
        let names: Vec<&str> = df.get_column_names().iter().map(|s| s.as_str()).collect();
        assert_eq!(
            names,
            [
                "area",
                "numerator",
                "denominator",
                "value",
                "lower_95",
                "upper_95",
                "lower_99_8",
                "upper_99_8",
                "status",
                "confidence",
                "statistic",
                "method"
            ]
        );
        assert_eq!(
            df.column("status").unwrap().get(1).unwrap(),
            AnyValue::String("numerator missing")
        );
        assert_eq!(
            df.column("lower_99_8").unwrap().get(0).unwrap(),
            AnyValue::Float64(-1.0)
        );
    }

    #[test]
    fn narrow_outputs_keep_only_groups_and_the_asked_column() {
        for (output, want) in [
            (OutputType::Value, vec!["area", "value"]),
            (OutputType::Lower, vec!["area", "lower"]),
            (OutputType::Upper, vec!["area", "upper"]),
            (
                OutputType::Standard,
                vec![
                    "area",
                    "numerator",
                    "denominator",
                    "value",
                    "lower",
                    "upper",
                    "status",
                ],
            ),
        ] {
            let mut t = Table::new(keys(), Confidence::P95, "rate".into());
            t.push(estimate(1.0));
            t.push(estimate(2.0));
            let df = t.finish(output).unwrap();
            let names: Vec<&str> = df.get_column_names().iter().map(|s| s.as_str()).collect();
            assert_eq!(names, want, "{output:?}");
        }
    }
}
