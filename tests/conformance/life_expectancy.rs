//! `LE_inputs.csv` and `LE_results.csv`: life expectancy as the reference's
//! `phe_life_expectancy(..., confidence = c(0.95, 0.998), type = "full")`
//! gives it for six areas, every row reproduced to 1e-9 relative and
//! missing where it is missing.

use indikator::{Confidence, LifeExpectancy};
use polars::prelude::*;

use crate::common::{assert_matches, floats, strings, texts, Csv, BOTH, GOLDEN_REL_TOL};

fn inputs() -> DataFrame {
    let csv = Csv::read("LE_inputs.csv");
    let mut df = csv.frame(0..csv.rows.len(), &["area"], &["pops", "deaths"]);
    let ages: Vec<i64> = (0..csv.rows.len())
        .map(|r| csv.text(r, "startage").parse().unwrap())
        .collect();
    df.with_column(Column::new("startage".into(), ages))
        .unwrap();
    df
}

#[test]
fn every_row_of_the_reference_is_reproduced() {
    let out = LifeExpectancy::new("deaths", "pops", "startage")
        .by(["area"])
        .confidence(Confidence::Both)
        .compute(inputs().lazy())
        .unwrap();
    let golden = Csv::read("LE_results.csv");
    assert_eq!(out.height(), golden.rows.len());
    let areas = texts(&out, "area");
    let ages = floats(&out, "start_age");
    let mut checked = 0;
    for row in 0..golden.rows.len() {
        let (area, age) = (golden.text(row, "area"), golden.num(row, "startage"));
        let i = (0..out.height())
            .find(|&i| areas[i] == area && ages[i] == age)
            .unwrap_or_else(|| panic!("no row for {area} at {age:?}"));
        let what = format!("{area} at {}", age.unwrap());
        for (ours, theirs) in BOTH
            .iter()
            .copied()
            .chain([("numerator", "dths_used"), ("denominator", "pops_used")])
        {
            let want = golden.num(row, theirs);
            assert_matches(
                floats(&out, ours)[i],
                want,
                GOLDEN_REL_TOL,
                &format!("{what} {ours}"),
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 120 * 7);
    let main = areas.iter().position(|a| a == "test_main").unwrap();
    assert_eq!(
        strings(&out, "method")[main].as_deref(),
        Some("Chiang, using Silcocks et al for confidence limits")
    );
    assert_eq!(
        strings(&out, "statistic")[main].as_deref(),
        Some("life expectancy")
    );
}

#[test]
fn each_missing_group_says_why() {
    let out = LifeExpectancy::new("deaths", "pops", "startage")
        .by(["area"])
        .at_ages([0, 40])
        .compute(inputs().lazy())
        .unwrap();
    let status: Vec<(String, String)> = texts(&out, "area")
        .into_iter()
        .zip(texts(&out, "status"))
        .collect();
    let of = |area: &str| -> Vec<&str> {
        status
            .iter()
            .filter(|(a, _)| a == area)
            .map(|(_, s)| s.as_str())
            .collect()
    };
    assert_eq!(of("test_main"), ["ok", "ok"]);
    assert_eq!(of("negative_deaths"), ["negative deaths in an age band"; 2]);
    assert_eq!(
        of("zero_population_band"),
        ["population zero or less in an age band"; 2]
    );
    assert_eq!(
        of("widecis_deaths_gt_pops"),
        ["more deaths than population in an age band"; 2]
    );
    assert_eq!(of("low_population"), ["total population 5000 or less"; 2]);
    // Small, with a 95 % interval wider than 20 years from age 40 on.
    assert_eq!(
        of("widecis_small"),
        ["ok", "95% interval wider than 20 years"]
    );
}
