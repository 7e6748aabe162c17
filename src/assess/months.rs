//! A months target rated on a monthly result table: each of the months
//! against the same month a year earlier, tested for a significant change
//! ("signifikant minskning i minst 4 av 6 månader").
//!
//! Just over 500 lines: the two tests (shares, rates) and the N-of-M rule
//! read one month table; its hand-worked unit tests sit beside them.

use chrono::Datelike;
use polars::prelude::*;

use super::compare::Comparison;
use super::goal_target::{month_span, months_rating, Direction, Target};
use super::rating::{Assessment, MissingReason};
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::measure::{column_of, f64_values, statistic_kind, Confidence};
use crate::period::{Period, PeriodColumn, TimeKey, TIME_COLUMNS};
use crate::stats::{excludes, newcombe_limits, rate_ratio_limits, RateRatioMethod};

/// The test of a proportion's month against the same month a year earlier.
///
/// BUP's share of first visits within 30 days, December 2024 (78 of 104)
/// against December 2023 (52 of 100): 23 percentage points, 95 % limits
/// [9.81, 35.15] (Newcombe's method 10 with Wilson limits, computed by
/// hand in Python):
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{assess_months, Direction, MONTHS_TEST_PROPORTION};
///
/// let visits = df!("period" => ["2023-12", "2024-12"], "x" => [52, 78], "n" => [100, 104])?;
/// let shares = Proportion::new("x", "n").percentage().by(["period"]).compute(visits.lazy())?;
/// let target = Target::Months { at_least: 1, of: 1, direction: Direction::Increase, from_month: None };
/// let months = assess_months(&shares, &target)?.months;
/// assert_eq!(months.column("method")?.str()?.get(0), Some(MONTHS_TEST_PROPORTION));
/// let (lower, upper) = (months.column("lower")?.f64()?.get(0).unwrap(), months.column("upper")?.f64()?.get(0).unwrap());
/// assert!((lower - 9.81).abs() < 0.01 && (upper - 35.15).abs() < 0.01);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MONTHS_TEST_PROPORTION: &str =
    "difference of proportions, Newcombe hybrid score interval (method 10)";
/// The test of a rate's (or count's) month against the same month a year earlier.
///
/// Fall injuries among the region's 26 000 people aged 65 and over: 30 in
/// December 2024 against 60 in December 2023, a rate ratio of 0.5 with
/// 95 % limits [0.311, 0.787] (the Clopper–Pearson limits of 30 of 90,
/// as odds; computed with scipy):
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{assess_months, Direction, MONTHS_TEST_RATE};
///
/// let falls = df!("period" => ["2023-12", "2024-12"], "falls" => [60, 30], "population" => [26_000, 26_000])?;
/// let rates = Rate::new("falls", "population").multiplier(1000.0).by(["period"]).compute(falls.lazy())?;
/// let target = Target::Months { at_least: 1, of: 1, direction: Direction::Decrease, from_month: None };
/// let months = assess_months(&rates, &target)?.months;
/// assert_eq!(months.column("method")?.str()?.get(0), Some(MONTHS_TEST_RATE));
/// assert_eq!(months.column("estimate")?.f64()?.get(0), Some(0.5));
/// let (lower, upper) = (months.column("lower")?.f64()?.get(0).unwrap(), months.column("upper")?.f64()?.get(0).unwrap());
/// assert!((lower - 0.3114).abs() < 1e-4 && (upper - 0.7875).abs() < 1e-4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MONTHS_TEST_RATE: &str =
    "rate ratio, exact conditional interval (conditional binomial, Clopper-Pearson)";

/// A months target rated on a monthly table: the assessment and the
/// months it rests on.
///
/// Fall injuries 65+ should fall significantly in at least 2 of the last 3
/// months; only October 2024 (30 against 60) does:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{assess_months, Direction};
///
/// let falls = df!(
///     "period" => ["2023-10", "2023-11", "2023-12", "2024-10", "2024-11", "2024-12"],
///     "falls" => [60, 60, 60, 30, 58, 62],
///     "population" => [26_000; 6],
/// )?;
/// let rates = Rate::new("falls", "population").multiplier(1000.0).by(["period"]).compute(falls.lazy())?;
/// let target = Target::Months { at_least: 2, of: 3, direction: Direction::Decrease, from_month: None };
/// let rated = assess_months(&rates, &target)?;
/// assert_eq!(rated.assessment.rating, Some(Rating::Partly));
/// let qualifies: Vec<_> = rated.months.column("qualifies")?.bool()?.iter().flatten().collect();
/// assert_eq!(qualifies, [true, false, false]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct MonthsAssessment {
    /// The rating, or why there is none, and the rule with its outcome.
    pub assessment: Assessment,
    /// One row per month of the target, oldest first: `period` and
    /// `previous_period` (ISO months), `numerator`, `denominator`, `value`
    /// and `previous_numerator`, `previous_denominator`, `previous_value`,
    /// `measure` (what `estimate` is), `estimate`, `lower`, `upper` (its
    /// limits), `significant` (null when not compared), `direction`
    /// (`lower`, `higher`, `similar` or `not compared`), `qualifies`
    /// (a significant move in the target's direction: counts towards it), `note` (why a month is not compared)
    /// and `method` (the test).
    pub months: DataFrame,
}

/// What the table holds, and so which test each month gets.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Shares: the difference of the two proportions, in the table's units.
    Proportion(f64),
    /// Rates per the multiplier, or counts (multiplier 0: no denominator).
    Rate(f64),
}

/// One month of the table.
#[derive(Debug, Clone, Copy, Default)]
struct Row {
    numerator: Option<f64>,
    denominator: Option<f64>,
    value: Option<f64>,
    masked: bool,
}

/// Rate a monthly result table against a [`Target::Months`].
///
/// The table is one series by month (a family's result with `per` month
/// over both years, or any result whose time column holds months or month
/// ends) with `numerator`, `denominator` (null for counts), `value` and
/// its `statistic`. The months are the latest `of` months of the table,
/// or the `of` months from `from_month` in the year of its latest month.
/// Each is found a year earlier by time (never by label text) and tested:
///
/// - shares (`statistic` a proportion or percentage): the difference of
///   the two proportions with Newcombe's hybrid score interval (method 10,
///   [`crate::stats::newcombe_limits`]); significant when it excludes 0;
/// - rates and counts: the rate ratio with the exact conditional interval
///   (given the two months' total, the count of the month is binomial;
///   Clopper–Pearson limits, [`crate::stats::rate_ratio_limits`]; counts
///   with equal exposure); significant when it excludes 1.
///
/// The level is the table's (95 % when it has both), else 95 %. A month
/// without a row, a value, or whose value is masked is not compared and
/// counts as not significant (the rule says which). Months that the table
/// does not reach back to (the series begins after the same month a year
/// before the first) give no rating, "not measurable"; named months that
/// end after the table's latest month give no rating yet, "measured at
/// year end", with the months so far in the rule.
///
/// ```
/// use indikator::{assess_months, Direction, Proportion, Rating, Statistic, Target};
/// use indikator::polars::prelude::*;
///
/// let months: Vec<String> = (2023..=2024)
///     .flat_map(|y| (1..=12).map(move |m| format!("{y}-{m:02}")))
///     .collect();
/// // 10 % every month of 2023, 7 % in 2024.
/// let x: Vec<i64> = (0..24).map(|i| if i < 12 { 1_000 } else { 700 }).collect();
/// let table = df!("period" => months, "x" => x, "n" => [10_000i64; 24])?;
/// let shares = Proportion::new("x", "n").multiplier(100.0).by(["period"]).compute(table.lazy())?;
/// let target = Target::Months { at_least: 4, of: 6, direction: Direction::Decrease, from_month: Some(4) };
/// let rated = assess_months(&shares, &target)?;
/// assert_eq!(rated.assessment.rating, Some(Rating::Fulfilled));
/// assert_eq!(rated.months.height(), 6);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A target that is not a valid months target; a table without a time
/// column of months, with two rows for one month (a table of several
/// groups: filter it to one), without `numerator`, `value` or a
/// `statistic` of a share, rate or count.
///
/// # References
/// Newcombe RG (1998), Stat Med 17, 873–890. Breslow NE, Day NE (1987),
/// *Statistical Methods in Cancer Research II*, IARC, 93–95. Clopper CJ,
/// Pearson ES (1934), Biometrika 26, 404–413.
pub fn assess_months(table: impl IntoFrame, target: &Target) -> Result<MonthsAssessment> {
    let table = &table.into_data_frame()?;
    target.validate()?;
    let Target::Months { of, from_month, .. } = *target else {
        return Err(Error::argument(
            "target",
            "assess_months takes a months target",
            target.words(),
        ));
    };
    let series = read_series(table)?;
    let kind = kind_of(table)?;
    let level = level_of(table)?;
    let latest = *series
        .iter()
        .map(|(m, _)| m)
        .max()
        .ok_or_else(|| Error::data("value", "a months target needs months", "no rows", ""))?;
    let first = match from_month {
        Some(m) => month_number(latest.0, m),
        None => month_index(latest) - i64::from(of) + 1,
    };
    let window: Vec<(i32, u32)> = (first..first + i64::from(of)).map(month_of).collect();
    let find = |m: (i32, u32)| series.iter().find(|(k, _)| *k == m).map(|(_, r)| *r);
    let wanted = match target {
        Target::Months {
            direction: Direction::Increase,
            ..
        } => Comparison::Higher,
        _ => Comparison::Lower,
    };
    let mut out = Months {
        wanted: Some(wanted.label()),
        ..Months::default()
    };
    let mut comparisons = Vec::new();
    let mut labels = Vec::new();
    for &m in window.iter().filter(|m| **m <= latest) {
        let earlier = (m.0 - 1, m.1);
        let c = out.push(m, earlier, find(m), find(earlier), kind, level);
        comparisons.push(c);
        labels.push(short_label(m));
    }
    let words = target.words();
    let earliest = *series.iter().map(|(m, _)| m).min().unwrap_or(&latest);
    let needed = month_of(first - 12);
    let assessment = if window.last().is_some_and(|last| *last > latest) {
        let hits = comparisons.iter().filter(|c| **c == wanted).count();
        Assessment {
            rating: None,
            missing: Some(MissingReason::MeasuredAtYearEnd),
            rule: format!(
                "{words} — {} {} är inte avslutade (serien slutar {}); hittills {hits} av {} \
                 månader",
                month_span(window[0].1, of),
                window[0].0,
                Period::Month {
                    year: latest.0,
                    month: latest.1
                },
                comparisons.len(),
            ),
        }
    } else if earliest > needed {
        Assessment {
            rating: None,
            missing: Some(MissingReason::NotMeasurable),
            rule: format!(
                "{words} — serien börjar {}; {of} månader mot samma månad föregående år kräver \
                 månader från {}",
                Period::Month {
                    year: earliest.0,
                    month: earliest.1
                },
                Period::Month {
                    year: needed.0,
                    month: needed.1
                },
            ),
        }
    } else {
        months_rating(target, &comparisons, &labels)?
    };
    Ok(MonthsAssessment {
        assessment,
        months: out.frame()?,
    })
}

/// The months of the table and their rows.
fn read_series(table: &DataFrame) -> Result<Vec<((i32, u32), Row)>> {
    let time = TIME_COLUMNS
        .iter()
        .find(|c| table.schema().contains(c))
        .ok_or_else(|| {
            Error::argument(
                "table",
                &format!(
                    "a months target needs a time column of months ({})",
                    TIME_COLUMNS.join(", ")
                ),
                "none",
            )
        })?;
    let keys = PeriodColumn::read(table, time)?.keys;
    let numerator = f64_values(table, column_of(table, "numerator", "numerator")?.name())?;
    let denominator = if table.schema().contains("denominator") {
        f64_values(table, "denominator")?
    } else {
        vec![None; table.height()]
    };
    let value = f64_values(table, column_of(table, "value", "value")?.name())?;
    // The flag of suppression (`disclosure::FLAG_COLUMN`): a masked month is not compared.
    let masked: Vec<bool> = match table.column("suppressed") {
        Ok(c) if c.dtype() == &DataType::String => c
            .str()?
            .iter()
            .map(|f| f.is_some_and(|f| f != "none"))
            .collect(),
        _ => vec![false; table.height()],
    };
    let labels = table.column(time)?.cast(&DataType::String)?;
    let labels = labels.str()?;
    let mut series: Vec<((i32, u32), Row)> = Vec::with_capacity(table.height());
    for (i, key) in keys.iter().enumerate() {
        let shown = || format!("{:?}", labels.get(i).unwrap_or(""));
        let month = match key {
            Some(TimeKey::Period(Period::Month { year, month })) => (*year, *month),
            Some(TimeKey::Date(d)) => (d.year(), d.month()),
            Some(_) => {
                return Err(Error::data(
                    time,
                    "a months target needs a monthly series (months such as \"2024-03\", or \
                     month-end dates); compute the statistic with per = month",
                    shown(),
                    format!("in row {i}"),
                ))
            }
            None => {
                return Err(Error::data(
                    time,
                    "every row of a monthly series needs its month",
                    "a missing value",
                    format!("in row {i}"),
                ))
            }
        };
        if let Some(j) = series.iter().position(|(m, _)| *m == month) {
            return Err(Error::data(
                time,
                "a months target rates one series, one row per month (a table of several \
                 groups: filter it to one group)",
                shown(),
                format!("in rows {j} and {i}"),
            ));
        }
        series.push((
            month,
            Row {
                numerator: numerator[i],
                denominator: denominator[i],
                value: value[i],
                masked: masked[i],
            },
        ));
    }
    Ok(series)
}

/// Shares, rates or counts, from the table's `statistic`.
fn kind_of(table: &DataFrame) -> Result<Kind> {
    let rule = "a months target tests shares, rates or counts: the table's `statistic` must say \
                which (a percentage, a proportion, a rate per …, or count)";
    let column = column_of(table, "statistic", "statistic")?.cast(&DataType::String)?;
    let mut labels: Vec<&str> = column.str()?.iter().flatten().collect();
    labels.sort_unstable();
    labels.dedup();
    let [label] = labels[..] else {
        return Err(Error::data("statistic", rule, labels.join(", "), ""));
    };
    if label == "count" {
        return Ok(Kind::Rate(0.0));
    }
    match statistic_kind(label) {
        Some((true, m)) => Ok(Kind::Rate(m)),
        Some((false, m)) => Ok(Kind::Proportion(m)),
        None => Err(Error::data("statistic", rule, format!("{label:?}"), "")),
    }
}

/// The level of the tests: the table's narrowest, else 95 %.
fn level_of(table: &DataFrame) -> Result<f64> {
    let Ok(column) = table.column("confidence") else {
        return Ok(0.95);
    };
    let column = column.cast(&DataType::String)?;
    let first = column.str()?.iter().flatten().next().map(str::to_string);
    match first {
        Some(label) => Ok(label.parse::<Confidence>()?.levels()[0]),
        None => Ok(0.95),
    }
}

fn month_index((year, month): (i32, u32)) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

fn month_number(year: i32, month: u32) -> i64 {
    month_index((year, month))
}

fn month_of(index: i64) -> (i32, u32) {
    (index.div_euclid(12) as i32, index.rem_euclid(12) as u32 + 1)
}

fn iso((year, month): (i32, u32)) -> String {
    format!("{year}-{month:02}")
}

/// "apr 2024".
fn short_label((year, month): (i32, u32)) -> String {
    format!("{} {year}", crate::period::MONTHS[(month - 1) as usize])
}

/// The per-month table, built row by row.
#[derive(Default)]
struct Months {
    period: Vec<String>,
    previous_period: Vec<String>,
    now: Vec<Row>,
    before: Vec<Row>,
    measure: Vec<&'static str>,
    estimate: Vec<Option<f64>>,
    lower: Vec<Option<f64>>,
    upper: Vec<Option<f64>>,
    significant: Vec<Option<bool>>,
    direction: Vec<&'static str>,
    note: Vec<Option<String>>,
    method: Vec<&'static str>,
    /// The label of the direction that counts towards the target.
    wanted: Option<&'static str>,
}

impl Months {
    /// Test one month against the same month a year earlier and add its row.
    fn push(
        &mut self,
        month: (i32, u32),
        earlier: (i32, u32),
        now: Option<Row>,
        before: Option<Row>,
        kind: Kind,
        level: f64,
    ) -> Comparison {
        let (measure, method) = match kind {
            Kind::Proportion(100.0) => (
                "difference of percentages (percentage points)",
                MONTHS_TEST_PROPORTION,
            ),
            Kind::Proportion(_) => ("difference of proportions", MONTHS_TEST_PROPORTION),
            Kind::Rate(_) => ("rate ratio", MONTHS_TEST_RATE),
        };
        let tested = test(now, before, kind, level);
        let (estimate, lower, upper, note) = match &tested {
            Ok((e, l, u, note)) => (*e, *l, *u, note.clone()),
            Err(why) => (None, None, None, Some(why.clone())),
        };
        let null = if matches!(kind, Kind::Rate(_)) {
            1.0
        } else {
            0.0
        };
        let comparison = match (&tested, excludes(null, lower, upper)) {
            (Err(_), _) => Comparison::NotCompared,
            (Ok(_), Some(true)) if lower.is_some_and(|l| l > null) => Comparison::Higher,
            (Ok(_), Some(true)) => Comparison::Lower,
            (Ok(_), _) => Comparison::Similar,
        };
        self.period.push(iso(month));
        self.previous_period.push(iso(earlier));
        self.now.push(now.unwrap_or_default());
        self.before.push(before.unwrap_or_default());
        self.measure.push(measure);
        self.estimate.push(estimate);
        self.lower.push(lower);
        self.upper.push(upper);
        self.significant.push(match comparison {
            Comparison::NotCompared => None,
            Comparison::Similar => Some(false),
            _ => Some(true),
        });
        self.direction.push(comparison.label());
        self.note.push(note);
        self.method.push(method);
        comparison
    }

    fn frame(self) -> Result<DataFrame> {
        let pick = |rows: &[Row], f: fn(&Row) -> Option<f64>| -> Vec<Option<f64>> {
            rows.iter().map(f).collect()
        };
        // A significant move the other way does not count towards the target.
        let qualifies: Vec<bool> = self
            .direction
            .iter()
            .map(|d| Some(*d) == self.wanted)
            .collect();
        let columns = vec![
            Column::new("period".into(), self.period),
            Column::new("previous_period".into(), self.previous_period),
            Column::new("numerator".into(), pick(&self.now, |r| r.numerator)),
            Column::new("denominator".into(), pick(&self.now, |r| r.denominator)),
            Column::new("value".into(), pick(&self.now, |r| r.value)),
            Column::new(
                "previous_numerator".into(),
                pick(&self.before, |r| r.numerator),
            ),
            Column::new(
                "previous_denominator".into(),
                pick(&self.before, |r| r.denominator),
            ),
            Column::new("previous_value".into(), pick(&self.before, |r| r.value)),
            Column::new("measure".into(), self.measure),
            Column::new("estimate".into(), self.estimate),
            Column::new("lower".into(), self.lower),
            Column::new("upper".into(), self.upper),
            Column::new("significant".into(), self.significant),
            Column::new("direction".into(), self.direction),
            Column::new("qualifies".into(), qualifies),
            Column::new("note".into(), self.note),
            Column::new("method".into(), self.method),
        ];
        let height = columns.first().map_or(0, Column::len);
        Ok(DataFrame::new(height, columns)?)
    }
}

type Tested = (Option<f64>, Option<f64>, Option<f64>, Option<String>);

/// The estimate and limits of one month against the same month a year
/// earlier, or why there are none.
fn test(
    now: Option<Row>,
    before: Option<Row>,
    kind: Kind,
    level: f64,
) -> std::result::Result<Tested, String> {
    let usable = |row: Option<Row>, which: &str| -> std::result::Result<Row, String> {
        let row = row.ok_or_else(|| format!("{which}: no row"))?;
        if row.masked {
            return Err(format!("{which}: masked (too few cases)"));
        }
        if row.value.is_none() || row.numerator.is_none() {
            return Err(format!("{which}: no value"));
        }
        Ok(row)
    };
    let now = usable(now, "this month")?;
    let before = usable(before, "the month a year earlier")?;
    let x1 = now.numerator.unwrap_or(0.0);
    let x2 = before.numerator.unwrap_or(0.0);
    let denominators = || -> std::result::Result<(f64, f64), String> {
        match (now.denominator, before.denominator) {
            (Some(n1), Some(n2)) if n1 > 0.0 && n2 > 0.0 => Ok((n1, n2)),
            _ => Err("a denominator is missing or zero".to_string()),
        }
    };
    match kind {
        Kind::Proportion(multiplier) => {
            let (n1, n2) = denominators()?;
            let (lo, hi) = newcombe_limits(x1, n1, x2, n2, level)
                .ok_or_else(|| "counts outside 0…denominator".to_string())?;
            Ok((
                Some((x1 / n1 - x2 / n2) * multiplier),
                Some(lo * multiplier),
                Some(hi * multiplier),
                None,
            ))
        }
        Kind::Rate(multiplier) => {
            let (n1, n2) = if multiplier == 0.0 {
                (1.0, 1.0)
            } else {
                denominators()?
            };
            if x1 + x2 == 0.0 {
                return Ok((None, None, None, Some("no events in either month".into())));
            }
            let (lo, hi) =
                rate_ratio_limits(x1, n1, x2, n2, level, RateRatioMethod::ExactConditional);
            let ratio = (x2 > 0.0).then(|| x1 / n1 / (x2 / n2));
            Ok((ratio, lo, hi, None))
        }
    }
}
