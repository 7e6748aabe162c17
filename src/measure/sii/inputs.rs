//! The quantile table an SII is computed from: its columns found and
//! checked, its rows split into groups in quantile order.

use polars::prelude::*;

use super::super::aggregate::f64_values;
use super::super::columns::{
    group_label, key_strings, reject_null_keys, require_keys, require_numeric, schema_of,
};
use super::super::confidence::Confidence;
use super::{Sii, Spread};
use crate::error::{Error, Result};
use crate::stats::{link_se, IndicatorType};

/// The reference's bounds on the number of quantiles.
const QUANTILES: std::ops::RangeInclusive<usize> = 5..=100;

/// One group's quantiles, in order; `None` where a quantile lacks a number.
pub(super) struct Group {
    pub populations: Vec<Option<f64>>,
    pub values: Vec<Option<f64>>,
    /// The standard error on the link scale of the indicator type.
    pub se: Vec<Option<f64>>,
    /// Whether the group has every quantile of the table.
    pub complete: bool,
}

/// How each quantile's standard error is read.
enum Source {
    Limits {
        lower: String,
        upper: String,
        level: Option<f64>,
    },
    Se(String),
}

/// The columns of the spread: as named, or when they are not, `lower_95`
/// and `upper_95` if the table has them, else `lower` and `upper` at a
/// level read from the data (`None` here).
fn resolve(spread: &Spread, schema: &Schema) -> Source {
    match spread {
        Spread::StandardError(se) => Source::Se(se.clone()),
        Spread::Limits {
            lower,
            upper,
            level,
        } => Source::Limits {
            lower: lower.clone(),
            upper: upper.clone(),
            level: Some(*level),
        },
        Spread::Auto if schema.contains("lower_95") => Source::Limits {
            lower: "lower_95".into(),
            upper: "upper_95".into(),
            level: Some(0.95),
        },
        Spread::Auto => Source::Limits {
            lower: "lower".into(),
            upper: "upper".into(),
            level: None,
        },
    }
}

/// The level of `lower`/`upper` from the table's `confidence` column (95 %
/// when it has none, as the reference assumes).
fn table_level(df: &DataFrame) -> Result<f64> {
    let Ok(c) = df.column("confidence") else {
        return Ok(0.95);
    };
    Ok(
        match c.cast(&DataType::String)?.str()?.iter().flatten().next() {
            Some(text) => match text.parse::<Confidence>()? {
                Confidence::Both => 0.95,
                one => one.levels()[0],
            },
            None => 0.95,
        },
    )
}

/// Read, check and group the quantile table: the group keys (sorted) and
/// each group's quantiles.
pub(super) fn read(sii: &Sii, data: LazyFrame) -> Result<(DataFrame, Vec<Group>)> {
    let schema = schema_of(&data)?;
    let by = &sii.common.grouping.by;
    require_keys(&schema, by, "group")?;
    require_numeric(&schema, &sii.quantile, "quantile")?;
    require_numeric(&schema, &sii.population, "quantile population")?;
    require_numeric(&schema, &sii.value, "value")?;
    let source = resolve(&sii.spread, &schema);
    let (spread_a, spread_b) = match &source {
        Source::Limits { lower, upper, .. } => (lower.clone(), Some(upper.clone())),
        Source::Se(se) => (se.clone(), None),
    };
    let mut wanted: Vec<String> = by.clone();
    wanted.extend([
        sii.quantile.clone(),
        sii.population.clone(),
        sii.value.clone(),
    ]);
    for c in std::iter::once(&spread_a).chain(spread_b.as_ref()) {
        require_numeric(&schema, c, "confidence limit or standard error")?;
        if !wanted.contains(c) {
            wanted.push(c.clone());
        }
    }
    if schema.contains("confidence") {
        wanted.push("confidence".into());
    }
    let mut order = by.clone();
    order.push(sii.quantile.clone());
    let df = data
        .select(wanted.iter().map(|c| col(c.as_str())).collect::<Vec<_>>())
        .sort(order.clone(), SortMultipleOptions::default())
        .collect()?;
    let level = match &source {
        Source::Limits { level: Some(l), .. } => *l,
        Source::Limits { level: None, .. } => table_level(&df)?,
        Source::Se(_) => 0.95,
    };
    reject_null_keys(&df.select(by.iter().map(|s| PlSmallStr::from(s.as_str())))?)?;
    let row_keys = df.select(order.iter().map(|s| PlSmallStr::from(s.as_str())))?;
    let at = |row: usize| group_label(&row_keys, row);
    let quantiles = f64_values(&df, &sii.quantile)?;
    if let Some(row) = quantiles.iter().position(Option::is_none) {
        return Err(Error::data(
            &sii.quantile,
            "quantiles must not be missing",
            "a missing value",
            at(row),
        ));
    }
    let mut distinct: Vec<f64> = quantiles.iter().flatten().copied().collect();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    if !QUANTILES.contains(&distinct.len()) {
        return Err(Error::data(
            &sii.quantile,
            "the number of quantiles must be between 5 and 100",
            distinct.len(),
            "",
        ));
    }
    let populations = f64_values(&df, &sii.population)?;
    let values = f64_values(&df, &sii.value)?;
    let a = f64_values(&df, &spread_a)?;
    let b = match &spread_b {
        Some(c) => Some(f64_values(&df, c)?),
        None => None,
    };
    let t = sii.indicator_type;
    let mut se = Vec::with_capacity(df.height());
    for row in 0..df.height() {
        if let Some(p) = populations[row] {
            if p <= 0.0 || !p.is_finite() {
                let rule = "quantile populations must be > 0";
                return Err(Error::data(&sii.population, rule, p, at(row)));
            }
        }
        check_value(t, &sii.value, values[row], &at(row))?;
        se.push(match (&source, b.as_ref()) {
            (Source::Se(c), _) => match a[row] {
                Some(s) if s < 0.0 || !s.is_finite() => {
                    return Err(Error::data(c, "standard errors must be >= 0", s, at(row)));
                }
                s => s,
            },
            (Source::Limits { lower, upper, .. }, Some(b)) => {
                check_value(t, lower, a[row], &at(row))?;
                check_value(t, upper, b[row], &at(row))?;
                a[row].zip(b[row]).map(|(lo, hi)| link_se(t, lo, hi, level))
            }
            (Source::Limits { .. }, None) => None,
        });
    }
    let keys = key_strings(&df, by)?;
    let mut firsts: Vec<usize> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    for row in 0..df.height() {
        if row == 0 || keys[row] != keys[row - 1] {
            firsts.push(row);
            groups.push(Group {
                populations: Vec::new(),
                values: Vec::new(),
                se: Vec::new(),
                complete: true,
            });
        }
        let group = groups.last_mut().expect("a group was pushed");
        if row > 0 && keys[row] == keys[row - 1] && quantiles[row] == quantiles[row - 1] {
            let rule = "each group must have one row per quantile";
            return Err(Error::data(&sii.quantile, rule, "two rows", at(row)));
        }
        group.populations.push(populations[row]);
        group.values.push(values[row]);
        group.se.push(se[row]);
    }
    for group in &mut groups {
        group.complete = group.values.len() == distinct.len();
    }
    let idx = IdxCa::from_vec("".into(), firsts.iter().map(|&r| r as IdxSize).collect());
    let group_keys = df
        .select(by.iter().map(|s| PlSmallStr::from(s.as_str())))?
        .take(&idx)?;
    Ok((group_keys, groups))
}

/// A value or limit must suit its indicator type: a rate above 0 (its log
/// is taken), a proportion strictly between 0 and 1 (its logit is taken).
fn check_value(t: IndicatorType, column: &str, v: Option<f64>, at: &str) -> Result<()> {
    let Some(v) = v else { return Ok(()) };
    let (ok, rule) = match t {
        IndicatorType::Normal => (v.is_finite(), "values must be finite numbers"),
        IndicatorType::Rate => (
            v > 0.0 && v.is_finite(),
            "rates and their limits must be > 0 (their logarithm is taken)",
        ),
        IndicatorType::Proportion => (
            v > 0.0 && v < 1.0,
            "proportions and their limits must be between 0 and 1 (proportions of 1; \
             their logit is taken)",
        ),
    };
    if ok {
        Ok(())
    } else {
        Err(Error::data(column, rule, v, at.to_string()))
    }
}
