//! `testdata_funnel_*`: funnel-plot limits, significance and points, as
//! `tests/testthat/testFunnels.R` of PHEindicatormethods 2.1.0 checks them.
//!
//! The expected tables are printed with 6 to 10 significant decimals, so a
//! cell is reproduced when it matches to half a unit of its last printed
//! decimal (for the 8–10 decimal tables that is well under 1e-9 relative;
//! `prop_outputs` is printed with only 6 decimals).

use indikator::{Funnel, FunnelStatistic, RateKind, RatioKind};
use polars::prelude::*;

use crate::common::{floats, texts, Csv};

fn texts_sig(df: &DataFrame) -> Vec<String> {
    texts(df, "significance")
}

/// Half a unit of the last decimal printed in `text`.
fn half_unit(text: &str) -> f64 {
    let decimals = text.trim().split_once('.').map_or(0, |(_, f)| f.len());
    0.5 * 10f64.powi(-(decimals as i32))
}

fn assert_table(got: &DataFrame, want: &Csv, pairs: &[(&str, &str)], what: &str) {
    assert_eq!(got.height(), want.rows.len(), "{what}: rows");
    for (ours, theirs) in pairs {
        let values = floats(got, ours);
        for (row, v) in values.iter().enumerate() {
            let text = want.text(row, theirs);
            let expected: f64 = text
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("{theirs} row {row}: {text}"));
            let v = v.unwrap_or_else(|| panic!("{what}: {ours} row {row} missing"));
            let tol = half_unit(&text) + 1e-12 * expected.abs();
            assert!(
                (v - expected).abs() <= tol,
                "{what}: {ours} row {}: got {v}, want {text} (tolerance {tol:e})",
                row + 1
            );
        }
    }
}

fn frame(columns: Vec<(&str, Vec<Option<f64>>)>) -> DataFrame {
    DataFrame::new_infer_height(
        columns
            .into_iter()
            .map(|(n, v)| Column::new(n.into(), v))
            .collect(),
    )
    .unwrap()
}

fn column(csv: &Csv, name: &str) -> Vec<Option<f64>> {
    (0..csv.rows.len()).map(|r| csv.num(r, name)).collect()
}

fn proportions(rows: impl Fn(f64) -> bool) -> DataFrame {
    let csv = Csv::read("testdata_funnel_prop_inputs.csv");
    let (num, den): (Vec<_>, Vec<_>) = column(&csv, "numerator")
        .into_iter()
        .zip(column(&csv, "denominator"))
        .filter(|(_, d)| rows(d.unwrap()))
        .unzip();
    frame(vec![("numerator", num), ("denominator", den)])
}

const PROPORTION_LIMITS: [(&str, &str); 6] = [
    ("population", "Population"),
    ("lower_2s_limit", "Lower2s0025limit"),
    ("upper_2s_limit", "Upper2s0025limit"),
    ("lower_3s_limit", "Lower3s0001limit"),
    ("upper_3s_limit", "Upper3s0001limit"),
    ("baseline", "Baseline"),
];

fn proportion_funnel() -> Funnel {
    Funnel::new(
        FunnelStatistic::Proportion { multiplier: 100.0 },
        "numerator",
        Some("denominator"),
        None,
    )
}

#[test]
fn proportion_limits() {
    let got = proportion_funnel().limits(proportions(|_| true)).unwrap();
    let want = Csv::read("testdata_funnel_prop_outputs.csv");
    assert_table(&got, &want, &PROPORTION_LIMITS, "proportion limits");
}

#[test]
fn proportion_limits_with_axis_variation() {
    let got = proportion_funnel()
        .limits(proportions(|d| d < 31000.0))
        .unwrap();
    let want = Csv::read("testdata_funnel_prop_outputs_with_axis_variation.csv");
    assert_table(
        &got,
        &want,
        &PROPORTION_LIMITS,
        "proportion limits, axis variation",
    );
    assert_eq!(
        got.column("statistic").unwrap().str().unwrap().get(0),
        Some("proportion")
    );
    assert_eq!(
        got.column("method").unwrap().str().unwrap().get(0),
        Some("Wilson")
    );
}

fn ratio_limits(kind: RatioKind, suffix: &str) {
    let input = Csv::read("testdata_funnel_ratio_inputs.csv");
    let data = frame(vec![
        ("obs", column(&input, "obs")),
        ("expected", column(&input, "expected")),
    ]);
    let got = Funnel::new(
        FunnelStatistic::Ratio { kind },
        "obs",
        Some("expected"),
        None,
    )
    .limits(&data)
    .unwrap();
    let want = Csv::read("testdata_funnel_ratio_outputs.csv");
    let names: Vec<(String, String)> = ["lower_2s", "upper_2s", "lower_3s", "upper_3s"]
        .iter()
        .flat_map(|s| {
            [
                (format!("{s}_exp_events"), format!("{s}_exp_events")),
                (format!("{s}_limit"), format!("{s}_{suffix}")),
            ]
        })
        .chain([("observed_events".to_string(), "Observed_events".to_string())])
        .collect();
    let pairs: Vec<(&str, &str)> = names
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_table(&got, &want, &pairs, &format!("ratio limits ({suffix})"));
    let statistic = got
        .column("statistic")
        .unwrap()
        .str()
        .unwrap()
        .get(0)
        .map(str::to_string);
    assert_eq!(
        statistic.as_deref(),
        Some(format!("ratio ({suffix})").as_str())
    );
}

#[test]
fn ratio_limits_as_counts() {
    ratio_limits(RatioKind::Count, "count");
}

#[test]
fn ratio_limits_as_isrs() {
    ratio_limits(RatioKind::Isr, "isr");
}

/// `testdata_funnel_rate_input_funnels.csv`: events, rates and populations
/// of 50 units; row 23 (1-based) holds the largest count, 988.
fn rate_inputs(change_row_23: Option<f64>) -> [Vec<Option<f64>>; 3] {
    let csv = Csv::read("testdata_funnel_rate_input_funnels.csv");
    let mut ev = column(&csv, "ev");
    assert_eq!(ev[22], Some(988.0));
    if let Some(v) = change_row_23 {
        ev[22] = Some(v);
    }
    [ev, column(&csv, "rate"), column(&csv, "pop")]
}

const RATE_LIMITS: [(&str, &str); 10] = [
    ("events", "Events"),
    ("lower_2s_population_1_year", "lower_2s_population_1_year"),
    ("lower_2s_limit", "lower_2s_limit"),
    ("upper_2s_population_1_year", "upper_2s_population_1_year"),
    ("upper_2s_limit", "upper_2s_limit"),
    ("lower_3s_population_1_year", "lower_3s_population_1_year"),
    ("lower_3s_limit", "lower_3s_limit"),
    ("upper_3s_population_1_year", "upper_3s_population_1_year"),
    ("upper_3s_limit", "upper_3s_limit"),
    ("baseline", "baseline"),
];

fn rate_funnel(kind: RateKind, years: f64, denominator: Option<&str>) -> Funnel {
    Funnel::new(
        FunnelStatistic::Rate {
            kind,
            multiplier: 100_000.0,
            years,
        },
        "ev",
        denominator,
        Some("rate"),
    )
}

#[test]
fn dsr_rate_limits() {
    let [ev, rate, _] = rate_inputs(None);
    let got = rate_funnel(RateKind::Dsr, 3.0, None)
        .limits(frame(vec![("ev", ev), ("rate", rate)]))
        .unwrap();
    let want = Csv::read("testdata_funnel_rate_outputs.csv");
    assert_table(&got, &want, &RATE_LIMITS, "dsr limits");
    assert_eq!(
        got.column("statistic").unwrap().str().unwrap().get(0),
        Some("rate (dsr per 100,000)")
    );
}

#[test]
fn crude_rate_limits_with_a_unit_below_10_events() {
    let [ev, rate, _] = rate_inputs(Some(5.0));
    let got = rate_funnel(RateKind::Crude, 3.0, None)
        .limits(frame(vec![("ev", ev), ("rate", rate)]))
        .unwrap();
    let want = Csv::read("testdata_funnel_rate_outputs_2.csv");
    assert_table(&got, &want, &RATE_LIMITS, "crude limits");
}

#[test]
fn crude_rate_limits_with_a_unit_of_zero_events() {
    let [ev, rate, _] = rate_inputs(None);
    // The population from the original events and rates, then row 23 set to 0 events
    // (and rate 0), keeping the units with more than half the largest population.
    let pop: Vec<f64> = ev
        .iter()
        .zip(&rate)
        .map(|(e, r)| 1e5 * e.unwrap() / r.unwrap())
        .collect();
    let max = pop.iter().cloned().fold(f64::MIN, f64::max);
    let (mut e2, mut r2, mut p2) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..pop.len() {
        let (e, r) = if i == 22 {
            (Some(0.0), Some(0.0))
        } else {
            (ev[i], rate[i])
        };
        if pop[i] > max / 2.0 {
            e2.push(e);
            r2.push(r);
            p2.push(Some(pop[i]));
        }
    }
    assert_eq!(e2.len(), 18);
    let data = frame(vec![("ev", e2), ("rate", r2), ("pop", p2)]);
    let got = rate_funnel(RateKind::Crude, 3.0, Some("pop"))
        .limits(&data)
        .unwrap();
    let want = Csv::read("testdata_funnel_rate_outputs_3.csv");
    assert_table(&got, &want, &RATE_LIMITS, "crude limits, zero events");
}

fn expected_labels(csv: &Csv, column: &str, rows: &[usize]) -> Vec<String> {
    rows.iter().map(|r| csv.text(*r, column)).collect()
}

#[test]
fn proportion_significance() {
    let csv = Csv::read("testdata_funnel_prop_inputs.csv");
    let got = proportion_funnel()
        .significance(proportions(|_| true))
        .unwrap();
    let all: Vec<usize> = (0..csv.rows.len()).collect();
    assert_eq!(texts_sig(&got), expected_labels(&csv, "significance", &all));
}

#[test]
fn ratio_significance() {
    let csv = Csv::read("testdata_funnel_ratio_inputs.csv");
    let data = frame(vec![
        ("obs", column(&csv, "obs")),
        ("expected", column(&csv, "expected")),
    ]);
    let funnel = Funnel::new(
        FunnelStatistic::Ratio {
            kind: RatioKind::Count,
        },
        "obs",
        Some("expected"),
        None,
    );
    let all: Vec<usize> = (0..csv.rows.len()).collect();
    assert_eq!(
        texts_sig(&funnel.significance(&data).unwrap()),
        expected_labels(&csv, "significance", &all)
    );
}

#[test]
fn rate_significance_in_all_eight_variants() {
    let csv = Csv::read("testdata_funnel_rate_dsr_inputs.csv");
    let all: Vec<usize> = (0..csv.rows.len()).collect();
    let without_zero: Vec<usize> = all
        .iter()
        .copied()
        .filter(|r| csv.num(*r, "count") != Some(0.0))
        .collect();
    assert_eq!((all.len(), without_zero.len()), (40, 39));
    let cases = [
        (
            "rate_dsr",
            RateKind::Dsr,
            100_000.0,
            &all,
            "dsr_per_100000_with_0",
        ),
        (
            "rate_crude_per_100",
            RateKind::Crude,
            100.0,
            &all,
            "crude_per_100_with_0",
        ),
        (
            "rate_dsr",
            RateKind::Dsr,
            100_000.0,
            &without_zero,
            "dsr_per_100000_without_0",
        ),
        (
            "rate_dsr",
            RateKind::Dsr,
            100.0,
            &without_zero,
            "dsr_per_100_without_0",
        ),
        (
            "rate_crude_per_100000",
            RateKind::Crude,
            100_000.0,
            &all,
            "crude_per_100000_with_0",
        ),
        (
            "rate_crude_per_100000",
            RateKind::Crude,
            100_000.0,
            &without_zero,
            "crude_per_100000_without_0",
        ),
        (
            "rate_crude_per_100",
            RateKind::Crude,
            100.0,
            &without_zero,
            "crude_per_100_without_0",
        ),
        ("rate_dsr", RateKind::Dsr, 100.0, &all, "dsr_per_100_with_0"),
    ];
    for (rate, kind, multiplier, rows, expected) in cases {
        let pick = |c: &str| rows.iter().map(|r| csv.num(*r, c)).collect::<Vec<_>>();
        let data = frame(vec![
            ("count", pick("count")),
            ("rate", pick(rate)),
            ("pop", pick("pop")),
        ]);
        let funnel = Funnel::new(
            FunnelStatistic::Rate {
                kind,
                multiplier,
                years: 1.0,
            },
            "count",
            Some("pop"),
            Some("rate"),
        );
        let got = funnel.significance(&data).unwrap();
        assert_eq!(
            texts_sig(&got),
            expected_labels(&csv, expected, rows),
            "{expected}"
        );
    }
}

fn assert_points(got: &DataFrame, csv: &Csv, chart: &str, derived: &str) {
    for (ours, theirs) in [("rate_chart", chart), ("denominator_derived", derived)] {
        let values = floats(got, ours);
        for (row, v) in values.iter().enumerate() {
            let text = csv.text(row, theirs);
            match (v, text.trim()) {
                (None, "NA") => {}
                (Some(v), t) => {
                    let want: f64 = t
                        .parse()
                        .unwrap_or_else(|_| panic!("{theirs} row {row}: {t}"));
                    assert!(
                        (v - want).abs() <= half_unit(t) + 1e-12 * want.abs(),
                        "{theirs} row {}: {v} vs {t}",
                        row + 1
                    );
                }
                (None, t) => panic!("{theirs} row {}: missing, want {t}", row + 1),
            }
        }
    }
}

#[test]
fn funnel_points_for_dsr_crude_and_crude_with_populations() {
    let csv = Csv::read("testdata_funnel_rate_input_funnels.csv");
    let [ev, rate, _] = rate_inputs(Some(5.0));
    let got = rate_funnel(RateKind::Dsr, 3.0, None)
        .points(frame(vec![("ev", ev), ("rate", rate)]))
        .unwrap();
    assert_points(&got, &csv, "rate_chart", "denominator_derived");
    let [ev, rate, _] = rate_inputs(None);
    let got = rate_funnel(RateKind::Crude, 3.0, None)
        .points(frame(vec![("ev", ev), ("rate", rate)]))
        .unwrap();
    assert_points(&got, &csv, "rate_chart_crude", "denominator_derived_crude");
    let [ev, rate, pop] = rate_inputs(Some(0.0));
    let data = frame(vec![("ev", ev), ("rate", rate), ("pop", pop)]);
    let got = rate_funnel(RateKind::Crude, 5.0, Some("pop"))
        .points(&data)
        .unwrap();
    assert_points(
        &got,
        &csv,
        "rate_chart_crude_with_denom",
        "denominator_derived_crude_with_denom",
    );
}

#[test]
fn bad_funnel_inputs_name_the_rule() {
    let data = frame(vec![
        ("x", vec![Some(65.0), Some(-80.0)]),
        ("n", vec![Some(100.0), Some(100.0)]),
    ]);
    let e = proportion_funnel_on("x", "n")
        .significance(&data)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("numerators must be >= 0") && e.contains("-80"),
        "{e}"
    );
    let data = frame(vec![("x", vec![Some(30.0)]), ("n", vec![Some(20.0)])]);
    let e = proportion_funnel_on("x", "n")
        .limits(&data)
        .unwrap_err()
        .to_string();
    assert!(e.contains("<= the denominator"), "{e}");
    let data = frame(vec![("x", vec![Some(3.0)]), ("n", vec![Some(0.0)])]);
    let e = proportion_funnel_on("x", "n")
        .limits(&data)
        .unwrap_err()
        .to_string();
    assert!(e.contains("denominators must be > 0"), "{e}");
    let data = frame(vec![
        ("ev", vec![Some(100.0), Some(0.0)]),
        ("rate", vec![Some(5.0), None]),
    ]);
    let e = rate_funnel(RateKind::Dsr, 3.0, None)
        .limits(&data)
        .unwrap_err()
        .to_string();
    assert!(e.contains("0 events its population"), "{e}");
    let data = frame(vec![
        ("ev", vec![None, Some(3.0)]),
        ("rate", vec![Some(5.0), Some(2.0)]),
    ]);
    let e = rate_funnel(RateKind::Crude, 3.0, None)
        .limits(&data)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("numerators must be given for every unit") && e.contains("row 1"),
        "{e}"
    );
    let e = Funnel::new(
        FunnelStatistic::Rate {
            kind: RateKind::Crude,
            multiplier: 1e5,
            years: 0.0,
        },
        "ev",
        None,
        Some("rate"),
    )
    .limits(&data)
    .unwrap_err()
    .to_string();
    assert!(e.contains("years"), "{e}");
}

fn proportion_funnel_on(x: &str, n: &str) -> Funnel {
    Funnel::new(
        FunnelStatistic::Proportion { multiplier: 100.0 },
        x,
        Some(n),
        None,
    )
}
