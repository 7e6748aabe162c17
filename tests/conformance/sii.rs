//! `testdata_SII__testdata_SII.csv`: the slope and relative index of
//! inequality of the reference's test script (`testSII.R`), every case
//! with results: the values (SII, RII, intercept) exactly as its
//! regression gives them, and the simulated limits within their Monte
//! Carlo error.

use indikator::stats::{link_se, slope_index, IndicatorType, SiiEstimate, SiiInterval, SiiSpec};
use indikator::{Confidence, IndicatorType as Type, Sii};
use polars::prelude::*;

use crate::common::{assert_matches, floats, strings, Csv, GOLDEN_REL_TOL};

const FILE: &str = "testdata_SII__testdata_SII.csv";

/// Repetitions of our simulation in these tests (the reference's default).
const REPETITIONS: usize = 100_000;

/// How many Monte Carlo standard errors a simulated limit may lie from the
/// reference's. Both are order statistics of simulated samples: the `p`-th
/// quantile of `R` draws from a distribution with density `f` has standard
/// error `√(p(1 − p)/R)/f(q_p)`; for a near-normal SII with spread `σ`,
/// `f(q_p) = φ(z_p)/σ`, and `σ` is read from the reference's own limit as
/// `|limit − value|/z_p`. Our draws and the reference's are independent, so
/// their difference has standard error `σ√(p(1 − p)(1/R₁ + 1/R₂))/φ(z_p)`:
/// 0.012σ at 95 % with 100 000 repetitions each, 0.042σ at 99.8 %. Five
/// such errors leave a chance below 1e-6 per limit of a false failure;
/// the 184 limits checked leave one below 1e-4.
const SIMULATION_SE_MULTIPLE: f64 = 5.0;

/// The tolerance for one simulated limit (see [`SIMULATION_SE_MULTIPLE`]).
fn simulation_tolerance(value: f64, limit: f64, level: f64, golden_reps: f64) -> f64 {
    let p = (1.0 - level) / 2.0;
    let z = indikator::stats::z_value(level);
    let density = (-z * z / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let sigma = (limit - value).abs() / z;
    let reps = 1.0 / REPETITIONS as f64 + 1.0 / golden_reps;
    SIMULATION_SE_MULTIPLE * sigma * (p * (1.0 - p) * reps).sqrt() / density
}

/// One case of the test script: two areas of `n` quantiles from `first`
/// (the `RecordNo` of the first row), its options, and the levels of the
/// limit columns `_1` and `_2`.
struct Case {
    first: usize,
    n: usize,
    indicator_type: IndicatorType,
    transform: bool,
    multiplier: f64,
    levels: &'static [f64],
}

const fn case(
    first: usize,
    indicator_type: IndicatorType,
    transform: bool,
    multiplier: f64,
    levels: &'static [f64],
) -> Case {
    Case {
        first,
        n: 10,
        indicator_type,
        transform,
        multiplier,
        levels,
    }
}

use IndicatorType::{Normal, Proportion, Rate};

/// Every case of `testSII.R` whose expected results the table holds.
const CASES: [Case; 22] = [
    case(1, Normal, false, 1.0, &[0.95]),
    case(21, Normal, false, 1.0, &[0.99]),
    case(41, Normal, false, 1.0, &[0.95]),
    Case {
        first: 61,
        n: 5,
        indicator_type: Normal,
        transform: false,
        multiplier: 1.0,
        levels: &[],
    },
    case(71, Rate, false, 1.0, &[0.95]),
    case(91, Proportion, false, 1.0, &[0.95]),
    case(111, Proportion, false, 100.0, &[0.95]),
    case(131, Proportion, false, -100.0, &[0.95]),
    case(226, Normal, false, 1.0, &[0.95, 0.99]),
    case(246, Normal, false, 1.0, &[0.95]),
    case(266, Rate, false, 1.0, &[0.95]),
    case(286, Proportion, false, 1.0, &[0.95]),
    case(306, Rate, true, 1.0, &[0.95]),
    case(326, Proportion, true, 1.0, &[0.95]),
    case(346, Proportion, true, -1.0, &[0.95]),
    case(366, Rate, true, 1.0, &[0.95, 0.98]),
    case(386, Rate, true, -1.0, &[0.95]),
    case(406, Rate, true, 1.0, &[0.98]),
    case(426, Rate, true, 1.0, &[0.95]),
    case(446, Proportion, true, 1.0, &[0.95]),
    case(466, Proportion, true, 1.0, &[0.98]),
    case(486, Proportion, true, 1.0, &[0.95, 0.98]),
];

impl Case {
    /// The 0-based rows of each of the two areas.
    fn areas(&self) -> [Vec<usize>; 2] {
        let start = self.first - 1;
        [
            (start..start + self.n).collect(),
            (start + self.n..start + 2 * self.n).collect(),
        ]
    }

    fn spec(&self) -> SiiSpec {
        SiiSpec {
            indicator_type: self.indicator_type,
            transform: self.transform,
            multiplier: self.multiplier,
        }
    }
}

fn column(csv: &Csv, rows: &[usize], name: &str) -> Vec<f64> {
    rows.iter().map(|&r| csv.num(r, name).unwrap()).collect()
}

/// The SII of one area of a case, its standard errors from its 95 % limits.
fn estimate(
    csv: &Csv,
    case: &Case,
    rows: &[usize],
    interval: SiiInterval,
    levels: &[f64],
) -> SiiEstimate {
    let (pops, values) = (column(csv, rows, "Population"), column(csv, rows, "Value"));
    let (lo, hi) = (column(csv, rows, "LowerCL"), column(csv, rows, "UpperCL"));
    let t = case.indicator_type;
    let se: Vec<f64> = lo
        .iter()
        .zip(&hi)
        .map(|(l, h)| link_se(t, *l, *h, 0.95))
        .collect();
    slope_index(&pops, &values, &se, &case.spec(), interval, levels).unwrap()
}

#[test]
fn values_are_the_references_regression() {
    let csv = Csv::read(FILE);
    let mut checked = 0;
    for case in &CASES {
        for rows in case.areas() {
            let est = estimate(&csv, case, &rows, SiiInterval::Analytic, &[]);
            let first = rows[0];
            let what = |w: &str| format!("record {} {w}", first + 1);
            assert_matches(
                Some(est.sii),
                csv.num(first, "sii"),
                GOLDEN_REL_TOL,
                &what("sii"),
            );
            checked += 1;
            if let Some(rii) = csv.num(first, "rii") {
                assert_matches(Some(est.rii), Some(rii), GOLDEN_REL_TOL, &what("rii"));
                checked += 1;
            }
            if let Some(intercept) = csv.num(first, "Intercept") {
                assert_matches(
                    Some(est.intercept),
                    Some(intercept),
                    GOLDEN_REL_TOL,
                    &what("intercept"),
                );
                checked += 1;
            }
        }
    }
    // 22 cases × 2 areas: 44 SII, 40 RII, 26 intercepts.
    assert_eq!(checked, 110);
}

#[test]
fn simulated_limits_lie_within_their_monte_carlo_error() {
    let csv = Csv::read(FILE);
    let (mut checked, mut worst) = (0, 0.0f64);
    for case in CASES.iter().filter(|c| !c.levels.is_empty()) {
        for rows in case.areas() {
            let interval = SiiInterval::Simulation {
                repetitions: REPETITIONS,
                seed: 1,
            };
            let est = estimate(&csv, case, &rows, interval, case.levels);
            let first = rows[0];
            let golden_reps = csv.num(first, "Repetitions").unwrap();
            for (k, &level) in case.levels.iter().enumerate() {
                let sets = [
                    ("sii", est.sii, est.sii_limits[k]),
                    ("rii", est.rii, est.rii_limits[k]),
                ];
                for (index, value, (ours_lo, ours_hi)) in sets {
                    for (side, ours) in [("lower", ours_lo), ("upper", ours_hi)] {
                        let name = format!("{index}_{side}cl_{}", k + 1);
                        let Some(want) = csv.num(first, &name) else {
                            continue;
                        };
                        let tol = simulation_tolerance(value, want, level, golden_reps);
                        worst = worst.max((ours - want).abs() / tol);
                        assert!(
                            (ours - want).abs() <= tol,
                            "record {} {name} at {level}: ours {ours}, reference {want}, \
                             tolerance {tol}",
                            first + 1
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    eprintln!("largest difference: {worst:.3} of the tolerance");
    assert_eq!(checked, 184);
}

/// The rows of one case as a result table: one area per group.
fn table(csv: &Csv, case: &Case) -> DataFrame {
    let rows: Vec<usize> = case.areas().concat();
    let mut df = csv.frame(
        rows,
        &["Area"],
        &[
            "Quantile",
            "Population",
            "Value",
            "LowerCL",
            "UpperCL",
            "StandardError",
        ],
    );
    df.rename("LowerCL", "lower".into()).unwrap();
    df.rename("UpperCL", "upper".into()).unwrap();
    df.rename("Value", "value".into()).unwrap();
    df
}

#[test]
fn the_frame_statistic_gives_the_kernels_numbers_per_area() {
    let csv = Csv::read(FILE);
    for case in CASES.iter().filter(|c| c.levels == [0.95]) {
        let types = [
            (Normal, Type::Normal),
            (Rate, Type::Rate),
            (Proportion, Type::Proportion),
        ];
        let t = types
            .iter()
            .find(|(k, _)| *k == case.indicator_type)
            .unwrap()
            .1;
        let sii = Sii::new("Quantile", "Population")
            .by(["Area"])
            .indicator_type(t)
            .transform(case.transform)
            .multiplier(case.multiplier)
            .simulation(10_000, 3);
        let data = table(&csv, case);
        let slope = sii.clone().compute(data.clone().lazy()).unwrap();
        let relative = sii.relative().compute(data.lazy()).unwrap();
        for (i, rows) in case.areas().into_iter().enumerate() {
            let first = rows[0];
            let what = format!("record {}", first + 1);
            assert_matches(
                floats(&slope, "value")[i],
                csv.num(first, "sii"),
                GOLDEN_REL_TOL,
                &what,
            );
            if let Some(rii) = csv.num(first, "rii") {
                assert_matches(
                    floats(&relative, "value")[i],
                    Some(rii),
                    GOLDEN_REL_TOL,
                    &what,
                );
            }
            let interval = SiiInterval::Simulation {
                repetitions: 10_000,
                seed: 3,
            };
            let est = estimate(&csv, case, &rows, interval, &[0.95]);
            assert_eq!(
                floats(&slope, "lower")[i],
                Some(est.sii_limits[0].0),
                "{what}"
            );
            assert_eq!(
                floats(&relative, "upper")[i],
                Some(est.rii_limits[0].1),
                "{what}"
            );
            let population: f64 = column(&csv, &rows, "Population").iter().sum();
            assert_eq!(floats(&slope, "denominator")[i], Some(population));
        }
        assert_eq!(
            strings(&slope, "method")[0]
                .as_deref()
                .map(|m| m.starts_with("simulation, 10000 repetitions, seed 3")),
            Some(true)
        );
    }
}

#[test]
fn standard_errors_given_give_the_same_limits_as_the_limits_they_come_from() {
    // Record 1: the reference's test gives the same expectations for `se`
    // and for the limits; the table's standard errors are the limits' to
    // about three digits, so the two analytic intervals agree that far.
    let csv = Csv::read(FILE);
    let case = &CASES[0];
    let data = table(&csv, case);
    let from_limits = Sii::new("Quantile", "Population")
        .by(["Area"])
        .analytic()
        .confidence(Confidence::Both)
        .compute(data.clone().lazy())
        .unwrap();
    let from_se = Sii::new("Quantile", "Population")
        .by(["Area"])
        .se("StandardError")
        .analytic()
        .confidence(Confidence::Both)
        .compute(data.lazy())
        .unwrap();
    for c in ["lower_95", "upper_95", "lower_99_8", "upper_99_8"] {
        for (a, b) in floats(&from_limits, c).iter().zip(floats(&from_se, c)) {
            let (a, b) = (a.unwrap(), b.unwrap());
            assert!((a - b).abs() < 2e-3 * a.abs().max(1.0), "{c}: {a} vs {b}");
        }
    }
}
