//! `testdata_Rate__testdata_Rate.csv` and `..._Rate_g.csv`.

use indikator::{Confidence, OutputType, Rate};
use polars::prelude::*;

use crate::common::{assert_matches, floats, strings, Csv, BOTH, GOLDEN_REL_TOL};

fn rates(
    rows: std::ops::Range<usize>,
    multiplier: f64,
    confidence: Confidence,
) -> (Csv, DataFrame) {
    let csv = Csv::read("testdata_Rate__testdata_Rate.csv");
    let data = csv.frame(rows, &["Area"], &["Numerator", "Denominator"]);
    let out = Rate::new("Numerator", "Denominator")
        .multiplier(multiplier)
        .by(["Area"])
        .confidence(confidence)
        .compute(data.lazy())
        .unwrap();
    (csv, out)
}

/// Compare the output (sorted by Area) with golden rows, by area name.
fn check(csv: &Csv, out: &DataFrame, golden: &[(&str, &str)]) {
    let areas = strings(out, "Area");
    for (i, area) in areas.iter().enumerate() {
        let area = area.as_deref().unwrap();
        let row = *csv
            .rows_where("Area", area)
            .iter()
            .find(|&&r| {
                let m = csv.num(r, "multiplier");
                m.is_none()
                    || strings(out, "statistic")[i].as_deref()
                        == Some(&format!("rate per {}", m.unwrap() as i64))
            })
            .unwrap();
        for (ours, theirs) in golden {
            assert_matches(
                floats(out, ours)[i],
                csv.num(row, theirs),
                GOLDEN_REL_TOL,
                &format!("{area} {ours}"),
            );
        }
    }
}

#[test]
fn rates_per_100_at_both_levels() {
    let (csv, out) = rates(0..8, 100.0, Confidence::Both);
    check(&csv, &out, &BOTH);
    assert_eq!(
        strings(&out, "statistic")[0].as_deref(),
        Some("rate per 100")
    );
    assert_eq!(
        strings(&out, "confidence")[0].as_deref(),
        Some("95%, 99.8%")
    );
}

#[test]
fn rates_per_100000_at_both_levels_with_method_switch_at_ten() {
    let (csv, out) = rates(8..16, 100_000.0, Confidence::Both);
    check(&csv, &out, &BOTH);
    let methods = strings(&out, "method");
    let golden: Vec<Option<String>> = (8..16)
        .map(|r| Some(csv.text(r, "method").replace("Byars", "Byar")))
        .collect();
    assert_eq!(methods, golden);
}

#[test]
fn one_level_at_a_time() {
    let (csv, out) = rates(8..16, 100_000.0, Confidence::P95);
    check(
        &csv,
        &out,
        &[
            ("value", "value"),
            ("lower", "lower95_0cl"),
            ("upper", "upper95_0cl"),
        ],
    );
    let (csv, out) = rates(8..16, 100_000.0, Confidence::P998);
    check(
        &csv,
        &out,
        &[("lower", "lower99_8cl"), ("upper", "upper99_8cl")],
    );
}

#[test]
fn numerator_larger_than_denominator_is_allowed() {
    let (csv, out) = rates(19..20, 100_000.0, Confidence::Both);
    check(&csv, &out, &BOTH);
}

#[test]
fn missing_inputs_give_missing_outputs_with_their_reason() {
    let (_, out) = rates(16..19, 100_000.0, Confidence::Both);
    for c in ["value", "lower_95", "upper_95", "lower_99_8", "upper_99_8"] {
        assert_eq!(floats(&out, c), vec![None, None, None], "{c}");
    }
    assert_eq!(
        strings(&out, "status"),
        [
            Some("numerator missing".to_string()),
            Some("denominator missing".to_string()),
            Some("numerator missing".to_string())
        ]
    );
}

#[test]
fn grouped_rows_are_summed_per_group() {
    let csv = Csv::read("testdata_Rate__testdata_Rate.csv");
    let golden = Csv::read("testdata_Rate__testdata_Rate_g.csv");
    let data = csv.frame(0..csv.rows.len(), &["Area"], &["Numerator", "Denominator"]);
    let out = Rate::new("Numerator", "Denominator")
        .by(["Area"])
        .compute(data.lazy())
        .unwrap();
    assert_eq!(out.height(), golden.rows.len());
    for (i, area) in strings(&out, "Area").iter().enumerate() {
        let row = golden.rows_where("Area", area.as_deref().unwrap())[0];
        for (ours, theirs) in [
            ("numerator", "Numerator"),
            ("denominator", "Denominator"),
            ("value", "value"),
            ("lower", "lowercl"),
            ("upper", "uppercl"),
        ] {
            assert_matches(
                floats(&out, ours)[i],
                golden.num(row, theirs),
                GOLDEN_REL_TOL,
                &format!("{area:?} {ours}"),
            );
        }
    }
}

#[test]
fn narrow_output_types() {
    let (_, full) = rates(8..16, 100_000.0, Confidence::Both);
    let csv = Csv::read("testdata_Rate__testdata_Rate.csv");
    let data = csv.frame(8..16, &["Area"], &["Numerator", "Denominator"]);
    let value = Rate::new("Numerator", "Denominator")
        .by(["Area"])
        .output(OutputType::Value)
        .compute(data.clone().lazy())
        .unwrap();
    assert_eq!(value.get_column_names(), ["Area", "value"]);
    assert_eq!(floats(&value, "value"), floats(&full, "value"));
    let lower = Rate::new("Numerator", "Denominator")
        .by(["Area"])
        .confidence(Confidence::Both)
        .output(OutputType::Lower)
        .compute(data.lazy())
        .unwrap();
    assert_eq!(lower.get_column_names(), ["Area", "lower_95", "lower_99_8"]);
    assert_eq!(floats(&lower, "lower_99_8"), floats(&full, "lower_99_8"));
}
