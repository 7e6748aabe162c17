//! The elderly-care plan's drug indicators on the demo data: each computed,
//! plausible, and the months target rated as `assess_months` rates the
//! monthly series by hand.

use std::fs::File;

use indikator::{
    assess_months, run_catalog, Catalog, DrugSet, DrugUse, Rating, RunOptions, Target, SERIES_MONTH,
};
use polars::prelude::*;

use super::demo_run::{demo_data, report};

const DRUGS: [(&str, &str); 3] = [
    ("olampliga-lakemedel-75", "inappropriate"),
    ("antipsykotika-75", "antipsychotics"),
    ("nsaid-75", "nsaids"),
];

fn table(name: &str) -> DataFrame {
    let file = File::open(demo_data().join(format!("{name}.parquet"))).unwrap();
    ParquetReader::new(file).finish().unwrap()
}

/// The whole region's monthly series of `set` over the year before `period` and `period`.
fn series(set: &str, period: &str) -> DataFrame {
    let (dispensings, population) = (table("dispensings"), table("population"));
    let period: indikator::Period = period.parse().unwrap();
    let share = |p: indikator::Period| {
        DrugUse::new(DrugSet::named(set).unwrap(), p)
            .exclude_invalid()
            .share(&dispensings, &population)
            .unwrap()
    };
    share(period.previous_year())
        .vstack(&share(period))
        .unwrap()
}

fn target() -> Target {
    Catalog::shipped()
        .unwrap()
        .indicator(DRUGS[0].0)
        .unwrap()
        .target
        .clone()
        .unwrap()
}

/// The long table's month rows of an indicator: (month, significant).
fn month_rows(long: &DataFrame, id: &str) -> Vec<(String, Option<bool>)> {
    let rows = long
        .clone()
        .lazy()
        .filter(
            col("indicator_id")
                .eq(lit(id))
                .and(col("series").eq(lit(SERIES_MONTH))),
        )
        .collect()
        .unwrap();
    let period = rows.column("period").unwrap().str().unwrap().clone();
    let significant = rows.column("significant").unwrap().bool().unwrap().clone();
    period
        .iter()
        .zip(significant.iter())
        .map(|(p, s)| (p.unwrap_or("").to_string(), s))
        .collect()
}

fn months_of(rated: &DataFrame) -> Vec<(String, Option<bool>)> {
    let period = rated.column("period").unwrap().str().unwrap().clone();
    let significant = rated.column("significant").unwrap().bool().unwrap().clone();
    period
        .iter()
        .zip(significant.iter())
        .map(|(p, s)| (p.unwrap_or("").to_string(), s))
        .collect()
}

#[test]
fn each_drug_indicator_is_computed_with_a_plausible_share() {
    let report = report();
    for (id, _) in DRUGS {
        let ind = report.indicators.iter().find(|i| i.id == id).unwrap();
        assert_eq!(ind.error, None, "{id}");
        let value = ind.current.as_ref().and_then(|c| c.value).unwrap();
        let (lo, hi) = match id {
            "olampliga-lakemedel-75" => (8.0, 10.5),
            "antipsykotika-75" => (1.0, 3.5),
            _ => (2.0, 5.0),
        };
        assert!((lo..=hi).contains(&value), "{id} = {value}");
        assert!(!ind.by_kommun.is_empty(), "{id} has no kommun breakdown");
        assert!(ind.sex_difference.is_some(), "{id}");
    }
}

#[test]
fn the_interim_report_rates_the_months_so_far_as_assess_months_tests_them() {
    // 2024-delar (jan–aug): April–August of the target's April–September.
    let report = report();
    for (id, set) in DRUGS {
        let by_hand = assess_months(series(set, "2024-delar"), &target()).unwrap();
        // assess_months alone waits for September.
        assert_eq!(
            by_hand.assessment.missing,
            Some(indikator::MissingReason::MeasuredAtYearEnd),
            "{id}"
        );
        let months = months_of(&by_hand.months);
        assert_eq!(months.len(), 5, "{id}: {months:?}");
        assert_eq!(month_rows(&report.long, id), months, "{id}");
        let direction = by_hand
            .months
            .column("direction")
            .unwrap()
            .str()
            .unwrap()
            .clone();
        let hits = direction.iter().filter(|d| *d == Some("lower")).count();
        let expected = if hits >= 4 {
            Rating::Fulfilled
        } else if hits + 1 < 4 {
            Rating::NotFulfilled
        } else {
            Rating::Partly
        };
        let rating = report
            .indicators
            .iter()
            .find(|i| i.id == id)
            .and_then(|i| i.rating.clone())
            .unwrap();
        assert_eq!(rating.rating, Some(expected), "{id}: {}", rating.rule);
        assert!(rating.rule.contains("delårsbedömning"), "{}", rating.rule);
        assert!(rating.rule.contains("5 av 6 månader"), "{}", rating.rule);
    }
}

#[test]
fn a_whole_year_is_rated_exactly_as_assess_months_rates_the_series() {
    let shipped = Catalog::shipped().unwrap();
    let mut catalog = shipped.clone();
    catalog
        .indicators
        .retain(|i| DRUGS.iter().any(|(id, _)| *id == i.id));
    for ind in &mut catalog.indicators {
        ind.success_factor = None;
    }
    catalog.success_factors.clear();
    catalog.goals.clear();
    catalog.measures.clear();
    catalog.catalog.benchmarks = Vec::new();
    catalog.catalog.reported = None;
    let options = RunOptions::new("2024".parse().unwrap());
    let run = run_catalog(&catalog, demo_data(), &options).unwrap();
    for (id, set) in DRUGS {
        let by_hand = assess_months(series(set, "2024"), &target()).unwrap();
        assert_eq!(by_hand.assessment.missing, None, "{id}");
        let ind = run.indicators.iter().find(|i| i.id == id).unwrap();
        let rating = ind.rating.clone().unwrap();
        assert_eq!(rating.rating, by_hand.assessment.rating, "{id}");
        assert_eq!(rating.rule, by_hand.assessment.rule, "{id}");
        assert_eq!(
            month_rows(&run.long, id),
            months_of(&by_hand.months),
            "{id}"
        );
    }
}
