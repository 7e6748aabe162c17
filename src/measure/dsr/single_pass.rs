//! The DSR's sums in one pass over the rows, when each group has exactly one
//! row per band of the standard population.
//!
//! The rows are joined to the standard's weights by band label and summed
//! per group in one group-by, the query an analyst would write by hand; the
//! same pass counts what shows whether the shortcut holds (rows, distinct
//! bands and bands the standard lacks per group, the smallest population).
//! When it does not hold for some group (several rows of a band, a band
//! missing or unknown, a population of zero) or a check of the inputs fails,
//! it gives way to the two-pass sums of [`super::banded`], which sum each
//! band first and name the group and band of any broken rule. Independent
//! events without pooling only: the other forms always take the two passes.

use polars::prelude::*;

use super::super::aggregate::{f64_values, group_columns, summarise, Input};
use super::super::grouping::Grouping;
use super::{Dsr, Events, GroupSums, Variance};
use crate::error::Result;

const X: &str = "__ik_x";
const N: &str = "__ik_n";
const W: &str = "__ik_w";
const BAND: &str = "__ik_band";

const WEIGHTED: &str = "weighted";
const VARIANCE: &str = "variance";
const WEIGHTS: &str = "weights";
const POPULATION: &str = "population";
const ROWS: &str = "rows";
const BANDS: &str = "bands";
const UNKNOWN: &str = "unknown";
const SMALLEST: &str = "smallest";

/// The sums per group in one pass, or `None` when the data are not of the
/// one-row-per-band shape (or a check fails) and the two passes must run.
pub(super) fn group_sums(dsr: &Dsr, data: LazyFrame) -> Result<Option<GroupSums>> {
    let pooled = dsr.common.grouping.pool.is_some();
    if dsr.events != Events::Independent || dsr.missing_as_zero || pooled {
        return Ok(None);
    }
    let Ok(schema) = data.clone().collect_schema() else {
        return Ok(None);
    };
    let reserved = [X, N, W, BAND];
    let named = |c: &str| schema.contains(c);
    if !named(&dsr.age_band)
        || !named(&dsr.numerator)
        || !named(&dsr.denominator)
        || reserved.iter().any(|c| named(c))
        || dsr.common.grouping.by.contains(&dsr.age_band)
    {
        return Ok(None);
    }
    // The two passes' checks of the keys (the band a key type, no output
    // column's name): they, not this pass, say what is wrong.
    let mut keys = dsr.common.grouping.by.clone();
    keys.push(dsr.age_band.clone());
    let grouping = Grouping {
        by: keys,
        pool: None,
    };
    if group_columns(&schema, &grouping).is_err() {
        return Ok(None);
    }
    let (bands, weights): (Vec<&str>, Vec<f64>) = dsr
        .standard
        .bands()
        .iter()
        .map(|(b, w)| (b.as_str(), *w))
        .unzip();
    let standard = DataFrame::new(
        bands.len(),
        vec![
            Column::new(BAND.into(), bands),
            Column::new(W.into(), weights),
        ],
    )?;
    let joined = data
        .with_columns([
            col(dsr.age_band.as_str())
                .cast(DataType::String)
                .alias(BAND),
            col(dsr.numerator.as_str()).cast(DataType::Float64).alias(X),
            col(dsr.denominator.as_str())
                .cast(DataType::Float64)
                .alias(N),
        ])
        .join(
            standard.lazy(),
            [col(BAND)],
            [col(BAND)],
            JoinArgs {
                maintain_order: MaintainOrderJoin::Left,
                ..JoinArgs::new(JoinType::Left)
            },
        );
    let extra = vec![
        (col(X) * col(W) / col(N)).sum().alias(WEIGHTED),
        (col(X) * (col(W) / col(N)).pow(2)).sum().alias(VARIANCE),
        col(W).sum().alias(WEIGHTS),
        col(N).sum().alias(POPULATION),
        len().alias(ROWS),
        col(BAND).n_unique().alias(BANDS),
        col(W).null_count().alias(UNKNOWN),
        col(N).min().alias(SMALLEST),
    ];
    let inputs = Input::pair(&dsr.numerator, &dsr.denominator);
    let grouping = Grouping {
        by: dsr.common.grouping.by.clone(),
        pool: None,
    };
    // A broken rule is named, with its band, by the two passes.
    let Ok(summary) = summarise(joined, &grouping, &inputs, extra) else {
        return Ok(None);
    };
    let get = |name: &str| f64_values(&summary.extra, name);
    let (rows, present, unknown, smallest) =
        (get(ROWS)?, get(BANDS)?, get(UNKNOWN)?, get(SMALLEST)?);
    let expected = dsr.standard.bands().len() as f64;
    let shaped = (0..rows.len()).all(|i| {
        unknown[i] == Some(0.0)
            && present[i] == Some(expected)
            && rows[i] == Some(expected)
            && smallest[i].is_none_or(|n| n > 0.0)
    });
    if !shaped {
        return Ok(None);
    }
    let [total, population_or_missing] = [&summary.sums[0], &summary.sums[1]];
    Ok(Some(GroupSums {
        keys: summary.keys.clone(),
        weighted: get(WEIGHTED)?,
        variance: Variance::Weighted(get(VARIANCE)?),
        total: total.clone(),
        population: get(POPULATION)?,
        weights: get(WEIGHTS)?,
        numerator_missing: total.iter().map(Option::is_none).collect(),
        denominator_missing: population_or_missing.iter().map(Option::is_none).collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::StandardPopulation;

    fn standard() -> StandardPopulation {
        StandardPopulation::new(
            "two bands",
            vec![("0-64".into(), 80.0), ("65+".into(), 20.0)],
        )
        .unwrap()
    }

    /// One row per group and band: the single pass.
    fn banded() -> DataFrame {
        df!(
            "kommun" => ["2380", "2380", "2361", "2361"],
            "age" => ["0-64", "65+", "0-64", "65+"],
            "deaths" => [30i64, 120, 11, 45],
            "pop" => [40_000i64, 9_000, 6_000, 2_100],
        )
        .unwrap()
    }

    /// The same people split by sex: two rows per band, the two passes.
    fn by_sex() -> DataFrame {
        df!(
            "kommun" => ["2380", "2380", "2380", "2380", "2361", "2361", "2361", "2361"],
            "age" => ["0-64", "0-64", "65+", "65+", "0-64", "0-64", "65+", "65+"],
            "deaths" => [20i64, 10, 70, 50, 6, 5, 25, 20],
            "pop" => [20_500i64, 19_500, 4_100, 4_900, 3_100, 2_900, 1_000, 1_100],
        )
        .unwrap()
    }

    #[test]
    fn one_row_per_band_takes_one_pass_and_agrees_with_two() {
        let dsr = Dsr::new("deaths", "pop", "age", standard()).by(["kommun"]);
        assert!(group_sums(&dsr, banded().lazy()).unwrap().is_some());
        assert!(group_sums(&dsr, by_sex().lazy()).unwrap().is_none());
        let one = dsr.compute(banded().lazy()).unwrap();
        let two = dsr.compute(by_sex().lazy()).unwrap();
        assert_eq!(one.height(), 2);
        for column in ["numerator", "denominator", "value", "lower", "upper"] {
            let (a, b) = (one.column(column).unwrap(), two.column(column).unwrap());
            for i in 0..2 {
                let (x, y) = (
                    a.get(i).unwrap().try_extract::<f64>().unwrap(),
                    b.get(i).unwrap().try_extract::<f64>().unwrap(),
                );
                assert!(
                    (x - y).abs() <= 1e-12 * x.abs().max(1.0),
                    "{column}: {x} vs {y}"
                );
            }
        }
        // By hand for 2380: (30/40000·80 + 120/9000·20) / 100 × 100 000 = 326.67.
        let value = one.column("value").unwrap().f64().unwrap().get(0).unwrap();
        let kommun = one.column("kommun").unwrap().str().unwrap().get(0).unwrap();
        let expected = if kommun == "2380" {
            (30.0 / 40_000.0 * 80.0 + 120.0 / 9_000.0 * 20.0) / 100.0 * 100_000.0
        } else {
            (11.0 / 6_000.0 * 80.0 + 45.0 / 2_100.0 * 20.0) / 100.0 * 100_000.0
        };
        assert!((value - expected).abs() < 1e-9, "{value} vs {expected}");
    }

    #[test]
    fn a_broken_rule_is_named_by_the_two_passes() {
        let dsr = Dsr::new("deaths", "pop", "age", standard()).by(["kommun"]);
        let mut data = banded();
        data.replace(
            "pop",
            Column::new("pop".into(), [40_000i64, 0, 6_000, 2_100]),
        )
        .unwrap();
        assert!(group_sums(&dsr, data.clone().lazy()).unwrap().is_none());
        let err = dsr.compute(data.lazy()).unwrap_err().to_string();
        assert!(err.contains("65+") && err.contains("2380"), "{err}");
        let unknown =
            df!("kommun" => ["2380"], "age" => ["0-14"], "deaths" => [3i64], "pop" => [100i64])
                .unwrap();
        let err = dsr.compute(unknown.lazy()).unwrap_err().to_string();
        assert!(err.contains("0-14"), "{err}");
    }
}
