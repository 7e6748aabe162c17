//! Svarsfrekvens: how many of the units that should report did, per period,
//! against the plans' rule of at least 95 %.

use polars::prelude::*;

use super::records::{percentages, texts};
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::measure::{Confidence, OutputType};

/// The reporting rate per period: of the `expected` units, the share with
/// at least one row in the period.
///
/// Output per period (sorted): `numerator` (expected units that reported),
/// `denominator` (expected units), the percentage `value` with Wilson
/// limits, `status`, `meets_rule` (value ≥ `rule`), `missing_units` (the
/// expected units that did not report) and `other_units` (units that
/// reported but are not expected — a sign of a renamed unit).
///
/// ```
/// use indikator::ReportingRate;
/// use indikator::polars::prelude::*;
/// let reports = df!(
///     "month" => ["2024-01", "2024-01", "2024-02"],
///     "unit" => ["HC Lit", "HC Hammarstrand", "HC Lit"],
/// )?;
/// let rate = ReportingRate::new("unit", "month", ["HC Lit", "HC Hammarstrand"])
///     .compute(&reports)?;
/// assert_eq!(rate.column("value")?.f64()?.get(1), Some(50.0));
/// assert_eq!(rate.column("meets_rule")?.bool()?.get(1), Some(false));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ReportingRate {
    /// The unit column of the reports.
    pub unit: String,
    /// The period column of the reports (any type, compared as text).
    pub period: String,
    /// The units expected to report.
    pub expected: Vec<String>,
    /// The periods expected, each given a row even with no report; `None`:
    /// the periods present in the reports.
    pub periods: Option<Vec<String>>,
    /// The rule in percent (default 95).
    pub rule: f64,
    /// Confidence of the limits.
    pub confidence: Confidence,
}

crate::setters::setters!(ReportingRate {
    /// The periods expected, each given a row even with no report; `None`:
    /// the periods present in the reports.
    ///
    /// A month in which no one reported is a row of 0 %, not a missing row:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::ReportingRate;
    /// let reports = df!(
    ///     "month" => ["2024-01", "2024-01", "2024-02"],
    ///     "unit" => ["Hälsocentral Lit", "Hälsocentral Hammarstrand", "Hälsocentral Lit"],
    /// )?;
    /// let expected = ["Hälsocentral Lit", "Hälsocentral Hammarstrand"];
    /// let seen = ReportingRate::new("unit", "month", expected).compute(&reports)?;
    /// assert_eq!(seen.height(), 2);
    /// let rate = ReportingRate::new("unit", "month", expected)
    ///     .periods(["2024-01", "2024-02", "2024-03"])
    ///     .compute(&reports)?;
    /// assert_eq!(rate.column("value")?.f64()?.to_vec(), [Some(100.0), Some(50.0), Some(0.0)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    some list periods,
    /// The rule in percent (default 95).
    ///
    /// Four of Strömsund's and Bräcke's five health centres reporting
    /// meet a rule of 80 %, not the plans' 95 %:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::ReportingRate;
    /// let expected = ["Hälsocentral Strömsund", "Hälsocentral Hoting", "Hälsocentral Gäddede",
    ///     "Hälsocentral Bräcke", "Hälsocentral Kälarne"];
    /// let reports = df!("month" => ["2024-03"; 4], "unit" => &expected[..4])?;
    /// let plans = ReportingRate::new("unit", "month", expected).compute(&reports)?;
    /// assert_eq!(plans.column("meets_rule")?.bool()?.get(0), Some(false));
    /// let eighty = ReportingRate::new("unit", "month", expected).rule(80.0).compute(&reports)?;
    /// assert_eq!(eighty.column("meets_rule")?.bool()?.get(0), Some(true));
    /// assert_eq!(eighty.column("missing_units")?.str()?.get(0), Some("Hälsocentral Kälarne"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    rule: f64,
    /// Confidence of the limits.
    ///
    /// The 99.8 % limits of a month in which 3 of 4 reported:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::ReportingRate;
    /// let expected = ["Hälsocentral Järpen", "Hälsocentral Åre", "Hälsocentral Duved",
    ///     "Hälsocentral Krokom"];
    /// let reports = df!("month" => ["2024-03"; 3], "unit" => &expected[..3])?;
    /// let rate = ReportingRate::new("unit", "month", expected);
    /// let p95 = rate.clone().compute(&reports)?;
    /// let p998 = rate.confidence(Confidence::P998).compute(&reports)?;
    /// let lower = |t: &DataFrame| t.column("lower").unwrap().f64().unwrap().get(0).unwrap();
    /// assert!(lower(&p998) < lower(&p95)); // wider
    /// assert_eq!(p998.column("confidence")?.str()?.get(0), Some("99.8%"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    confidence: Confidence,
});

impl ReportingRate {
    /// The rate of `expected` units reporting, by `period`, against 95 %.
    ///
    /// Östersund's four health centres, reporting per month:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::ReportingRate;
    /// let rate = ReportingRate::new("unit", "month", ["Hälsocentral Odensala",
    ///     "Hälsocentral Lugnvik", "Hälsocentral Körfältet", "Hälsocentral Frösön"]);
    /// assert_eq!((rate.unit.as_str(), rate.period.as_str()), ("unit", "month"));
    /// assert_eq!((rate.expected.len(), rate.rule, rate.periods), (4, 95.0, None));
    /// assert_eq!(rate.confidence, Confidence::P95);
    /// ```
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(
        unit: impl Into<String>,
        period: impl Into<String>,
        expected: I,
    ) -> Self {
        ReportingRate {
            unit: unit.into(),
            period: period.into(),
            expected: expected.into_iter().map(Into::into).collect(),
            periods: None,
            rule: 95.0,
            confidence: Confidence::P95,
        }
    }

    /// The rate per period.
    ///
    /// # Errors
    /// Missing columns; no expected units; a rule outside 0–100; duplicated expected units.
    ///
    /// In February a renamed unit reports under its new name: the old one
    /// is missing, the new one other:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::ReportingRate;
    /// let reports = df!(
    ///     "month" => ["2024-01", "2024-01", "2024-02", "2024-02"],
    ///     "unit" => ["Hälsocentral Sveg", "Hälsocentral Hede", "Hälsocentral Sveg", "HC Hede"],
    /// )?;
    /// let rate = ReportingRate::new("unit", "month", ["Hälsocentral Sveg", "Hälsocentral Hede"])
    ///     .compute(&reports)?;
    /// assert_eq!(rate.column("value")?.f64()?.to_vec(), [Some(100.0), Some(50.0)]);
    /// assert_eq!(rate.column("missing_units")?.str()?.get(1), Some("Hälsocentral Hede"));
    /// assert_eq!(rate.column("other_units")?.str()?.get(1), Some("HC Hede"));
    /// let twice = ReportingRate::new("unit", "month", ["Hälsocentral Sveg"; 2]);
    /// assert!(matches!(twice.compute(&reports), Err(Error::InvalidArgument { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compute(&self, reports: impl IntoFrame) -> Result<DataFrame> {
        let reports = &reports.into_data_frame()?;
        if self.expected.is_empty() {
            return Err(Error::argument(
                "expected",
                "name at least one unit expected to report",
                "none",
            ));
        }
        if let Some(dup) = self
            .expected
            .iter()
            .enumerate()
            .find(|(i, u)| self.expected[..*i].contains(u))
        {
            return Err(Error::argument(
                "expected",
                "each expected unit once",
                format!("{:?} twice", dup.1),
            ));
        }
        if !(0.0..=100.0).contains(&self.rule) {
            return Err(Error::argument(
                "rule",
                "a percentage between 0 and 100",
                self.rule,
            ));
        }
        let units = texts(reports, &self.unit, "reporting unit")?;
        let periods = texts(reports, &self.period, "reporting period")?;
        let mut seen: Vec<String> = match &self.periods {
            Some(p) => p.clone(),
            None => periods.iter().flatten().map(str::to_string).collect(),
        };
        seen.sort();
        seen.dedup();
        let (mut reported, mut missing, mut other) = (Vec::new(), Vec::new(), Vec::new());
        for p in &seen {
            let mut here: Vec<&str> = periods
                .iter()
                .zip(units.iter())
                .filter(|(q, _)| *q == Some(p.as_str()))
                .filter_map(|(_, u)| u)
                .collect();
            here.sort_unstable();
            here.dedup();
            let absent: Vec<&str> = self
                .expected
                .iter()
                .map(String::as_str)
                .filter(|u| !here.contains(u))
                .collect();
            let extra: Vec<&str> = here
                .iter()
                .copied()
                .filter(|u| !self.expected.iter().any(|e| e == u))
                .collect();
            reported.push((self.expected.len() - absent.len()) as f64);
            missing.push(absent.join(", "));
            other.push(extra.join(", "));
        }
        let keys = DataFrame::new(
            seen.len(),
            vec![Column::new(self.period.as_str().into(), seen.clone())],
        )?;
        let expected = vec![self.expected.len() as f64; seen.len()];
        let mut table = percentages(
            keys,
            &reported,
            &expected,
            self.confidence,
            "reporting rate (percent)",
        );
        let meets: Vec<bool> = reported
            .iter()
            .map(|r| r * 100.0 >= self.rule * self.expected.len() as f64)
            .collect();
        table.add_column(Column::new("meets_rule".into(), meets));
        table.add_column(Column::new("missing_units".into(), missing));
        table.add_column(Column::new("other_units".into(), other));
        table.finish(OutputType::Full)
    }
}
