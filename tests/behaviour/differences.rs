//! Differences between groups, checked against numbers computed
//! independently: scipy 1.17.1 and statsmodels 0.15.0 (run in a throwaway
//! virtual environment; the calls are written beside each number), mpmath
//! where the two disagreed, and the published worked examples of Newcombe
//! (1998) and Fagerland et al. (2015).

use indikator::stats::{
    newcombe_limits, rate_difference_limits, rate_ratio_limits, RateRatioMethod,
};
use indikator::{
    Confidence, Contrast, Difference, OutputType, Proportion, Rate, RateRatioMethod as Method,
};
use polars::prelude::*;

use crate::common::{assert_matches, floats, strings, texts};

/// Against scipy/statsmodels: the same formulas in double precision
/// (observed below 1e-14; the exact limits go through a beta quantile).
const INDEPENDENT_TOL: f64 = 1e-12;

fn close(got: f64, want: f64, what: &str) {
    assert_matches(Some(got), Some(want), INDEPENDENT_TOL, what);
}

/// Newcombe (1998), Table II, method 10, his eight examples: the paper's
/// four decimals, and statsmodels' `confint_proportions_2indep(x1, n1, x2,
/// n2, method="newcomb", compare="diff", alpha=0.05)` to full precision.
#[test]
fn newcombes_worked_examples() {
    #[rustfmt::skip]
    let cases = [
        ((56.0, 70.0, 48.0, 80.0), ("0.0524", "0.3339"), (0.05243147240236498, 0.33387265403690614)),
        ((9.0, 10.0, 3.0, 10.0), ("0.1705", "0.8090"), (0.1705227239345029, 0.809017973535488)),
        ((6.0, 7.0, 2.0, 7.0), ("0.0582", "0.8062"), (0.05822792748231209, 0.8062496375242278)),
        ((5.0, 56.0, 0.0, 29.0), ("-0.0381", "0.1926"), (-0.038137147903536936, 0.19256001385511165)),
        ((0.0, 10.0, 0.0, 20.0), ("-0.1611", "0.2775"), (-0.1611251580528194, 0.27753279986288926)),
        ((0.0, 10.0, 0.0, 10.0), ("-0.2775", "0.2775"), (-0.27753279986288926, 0.27753279986288926)),
        ((10.0, 10.0, 0.0, 20.0), ("0.6791", "1.0000"), (0.6790860371419145, 1.0)),
        ((10.0, 10.0, 0.0, 10.0), ("0.6075", "1.0000"), (0.6075093504305241, 1.0)),
    ];
    for ((x1, n1, x2, n2), paper, full) in cases {
        let (lo, hi) = newcombe_limits(x1, n1, x2, n2, 0.95).unwrap();
        assert_eq!(
            (format!("{lo:.4}"), format!("{hi:.4}")),
            (paper.0.into(), paper.1.into())
        );
        close(lo, full.0, "lower");
        close(hi, full.1, "upper");
    }
    // Fagerland, Lydersen & Laake (2015), Stat Methods Med Res 24, 224–254,
    // Table: 7/34 against 1/34, Newcombe hybrid score 0.019 to 0.34.
    let (lo, hi) = newcombe_limits(7.0, 34.0, 1.0, 34.0, 0.95).unwrap();
    assert_eq!(
        (format!("{lo:.3}"), format!("{hi:.2}")),
        ("0.019".into(), "0.34".into())
    );
    close(lo, 0.018921443885772937, "Fagerland lower");
    close(hi, 0.3403686870327074, "Fagerland upper");
    // 99.8 %: statsmodels with alpha=0.002.
    let (lo, hi) = newcombe_limits(56.0, 70.0, 48.0, 80.0, 0.998).unwrap();
    close(lo, -0.03348725364244223, "99.8 % lower");
    close(hi, 0.4018117646026352, "99.8 % upper");
}

/// statsmodels `confint_poisson_2indep(x1, n1, x2, n2, method="wald-log",
/// compare="ratio", alpha)`.
#[test]
fn log_normal_rate_ratio_matches_statsmodels() {
    #[rustfmt::skip]
    let cases = [
        ((20.0, 1e4, 10.0, 1e4), 0.95, (0.9361836574114522, 4.272665911579786)),
        ((20.0, 1e4, 10.0, 1e4), 0.998, (0.6042938787164797, 6.61929591028789)),
        ((45.0, 18324.5, 27.0, 17020.0), 0.95, (0.9606523887746701, 2.4945147541280153)),
        ((45.0, 18324.5, 27.0, 17020.0), 0.998, (0.7295798840447681, 3.2845773434724963)),
        ((3.0, 1200.0, 12.0, 1500.0), 0.95, (0.0881864353788617, 1.1073840277187144)),
        ((3.0, 1200.0, 12.0, 1500.0), 0.998, (0.042515473537060505, 2.2969578338313363)),
    ];
    for ((x1, n1, x2, n2), level, (lo, hi)) in cases {
        let got = rate_ratio_limits(x1, n1, x2, n2, level, RateRatioMethod::LogNormal);
        close(got.0.unwrap(), lo, "lower");
        close(got.1.unwrap(), hi, "upper");
    }
    let zero = rate_ratio_limits(0.0, 500.0, 4.0, 700.0, 0.95, RateRatioMethod::LogNormal);
    assert_eq!(zero, (None, None));
}

/// The exact conditional limits: Clopper–Pearson limits of `π` from scipy's
/// `beta.ppf(α/2, x1, x2 + 1)` and `beta.ppf(1 − α/2, x1 + 1, x2)`, each
/// limit `π/(1 − π) · n2/n1`. (scipy's `binomtest(...).proportion_ci` is
/// 2e-12 off these; mpmath at 40 digits agrees with `beta.ppf`, e.g.
/// 3.15907339573671364 for men against women below.)
#[test]
fn exact_conditional_rate_ratio_matches_scipy() {
    #[rustfmt::skip]
    let cases = [
        ((20.0, 1e4, 10.0, 1e4), 0.95, (0.8935088903846908, Some(4.784552440338102))),
        ((20.0, 1e4, 10.0, 1e4), 0.998, (0.5917480536441544, Some(8.05316864300067))),
        ((45.0, 18324.5, 27.0, 17020.0), 0.95, (0.939971259059497, Some(2.594605315585417))),
        ((45.0, 18324.5, 27.0, 17020.0), 0.998, (0.7201164129963631, Some(3.49149103042863))),
        ((3.0, 1200.0, 12.0, 1500.0), 0.95, (0.05659107950684086, Some(1.1579727421471309))),
        ((3.0, 1200.0, 12.0, 1500.0), 0.998, (0.017159030783173927, Some(2.079675309399614))),
        ((0.0, 500.0, 4.0, 700.0), 0.95, (0.0, Some(2.1208136031122184))),
        ((0.0, 500.0, 4.0, 700.0), 0.998, (0.0, Some(6.472778552664885))),
        ((5.0, 800.0, 0.0, 900.0), 0.95, (1.0309003394798926, None)),
        ((5.0, 800.0, 0.0, 900.0), 0.998, (0.37738105994270654, None)),
    ];
    for ((x1, n1, x2, n2), level, (lo, hi)) in cases {
        let got = rate_ratio_limits(x1, n1, x2, n2, level, RateRatioMethod::ExactConditional);
        close(got.0.unwrap(), lo, "lower");
        match (got.1, hi) {
            (Some(g), Some(w)) => close(g, w, "upper"),
            (g, w) => assert_eq!(g, w, "an infinite upper limit is None"),
        }
    }
    let none = rate_ratio_limits(
        0.0,
        500.0,
        0.0,
        700.0,
        0.95,
        RateRatioMethod::ExactConditional,
    );
    assert_eq!(none, (None, None));
}

/// statsmodels `confint_poisson_2indep(x1, n1, x2, n2, method="wald",
/// compare="diff", alpha)`.
#[test]
fn rate_difference_matches_statsmodels() {
    #[rustfmt::skip]
    let cases = [
        ((20.0, 1e4, 10.0, 1e4), 0.95, (-7.351648623029456e-05, 0.002073516486230295)),
        ((20.0, 1e4, 10.0, 1e4), 0.998, (-0.0006925899420193221, 0.0026925899420193224)),
        ((45.0, 18324.5, 27.0, 17020.0), 0.95, (-6.490720747994014e-05, 0.0018036265906691295)),
        ((3.0, 1200.0, 12.0, 1500.0), 0.95, (-0.010837679232289513, -0.0001623207677104851)),
        ((3.0, 1200.0, 12.0, 1500.0), 0.998, (-0.013915801991102851, 0.0029158019911028517)),
        ((0.0, 500.0, 4.0, 700.0), 0.95, (-0.011314182812971585, -0.00011438861559984453)),
    ];
    for ((x1, n1, x2, n2), level, (lo, hi)) in cases {
        let got = rate_difference_limits(x1, n1, x2, n2, level).unwrap();
        close(got.0, lo, "lower");
        close(got.1, hi, "upper");
    }
}

fn rates_by_sex() -> DataFrame {
    let deaths = df!(
        "kommun" => ["2380", "2380"],
        "sex" => ["kvinnor", "män"],
        "deaths" => [30i64, 60],
        "population" => [60_000i64, 61_000],
    )
    .unwrap();
    Rate::new("deaths", "population")
        .by(["kommun", "sex"])
        .confidence(Confidence::Both)
        .compute(deaths.lazy())
        .unwrap()
}

#[test]
fn men_against_women_from_a_rate_table() {
    let rates = rates_by_sex();
    let ratio = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor"))
        .confidence(Confidence::Both)
        .compute(&rates)
        .unwrap();
    let names: Vec<&str> = ratio
        .get_column_names()
        .iter()
        .map(|s| s.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "kommun",
            "sex",
            "versus",
            "numerator",
            "denominator",
            "value",
            "lower_95",
            "upper_95",
            "lower_99_8",
            "upper_99_8",
            "significant_95",
            "significant_99_8",
            "status",
            "confidence",
            "statistic",
            "method"
        ]
    );
    close(
        floats(&ratio, "value")[0].unwrap(),
        60.0 / 61_000.0 / (30.0 / 60_000.0),
        "ratio",
    );
    // Clopper–Pearson through scipy's beta.ppf, as above.
    close(
        floats(&ratio, "lower_95")[0].unwrap(),
        1.2490752204913766,
        "lower 95",
    );
    close(
        floats(&ratio, "upper_95")[0].unwrap(),
        3.159073395736714,
        "upper 95",
    );
    close(
        floats(&ratio, "lower_99_8")[0].unwrap(),
        0.9817665462846107,
        "lower 99.8",
    );
    close(
        floats(&ratio, "upper_99_8")[0].unwrap(),
        4.1583114606806495,
        "upper 99.8",
    );
    let flag = |c: &str| ratio.column(c).unwrap().bool().unwrap().get(0);
    assert_eq!(
        (flag("significant_95"), flag("significant_99_8")),
        (Some(true), Some(false))
    );
    assert_eq!(texts(&ratio, "versus"), ["kvinnor"]);
    assert_eq!(texts(&ratio, "statistic"), ["rate ratio"]);
    assert_eq!(
        texts(&ratio, "method"),
        ["exact conditional (Clopper-Pearson)"]
    );

    let log_normal = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor"))
        .ratio_method(Method::LogNormal)
        .compute(&rates)
        .unwrap();
    // statsmodels wald-log, alpha=0.05.
    close(
        floats(&log_normal, "lower")[0].unwrap(),
        1.269161705759439,
        "log-normal lower",
    );
    close(
        floats(&log_normal, "upper")[0].unwrap(),
        3.0491996577731912,
        "log-normal upper",
    );

    let difference = Difference::rate_difference("sex", Contrast::between("män", "kvinnor"))
        .compute(&rates)
        .unwrap();
    // statsmodels wald diff, alpha=0.05, times the table's 100 000.
    let want = (60.0 / 61_000.0 - 30.0 / 60_000.0) * 1e5;
    close(floats(&difference, "value")[0].unwrap(), want, "difference");
    close(
        floats(&difference, "lower")[0].unwrap(),
        17.708654350597776,
        "difference lower",
    );
    close(
        floats(&difference, "upper")[0].unwrap(),
        79.01265712481205,
        "difference upper",
    );
    assert_eq!(
        texts(&difference, "statistic"),
        ["rate difference per 100000"]
    );
}

#[test]
fn each_group_against_the_total_and_the_rest() {
    let rates = rates_by_sex();
    let total = Difference::rate_ratio("sex", Contrast::EachVsTotal { total: None })
        .compute(&rates)
        .unwrap();
    assert_eq!(texts(&total, "sex"), ["kvinnor", "män"]);
    assert_eq!(texts(&total, "versus"), ["total", "total"]);
    // Men against everyone: Clopper–Pearson through scipy's beta.ppf.
    close(
        floats(&total, "lower")[1].unwrap(),
        0.9375988936279408,
        "vs total lower",
    );
    close(
        floats(&total, "upper")[1].unwrap(),
        1.8536664536158354,
        "vs total upper",
    );
    assert_eq!(
        total.column("significant").unwrap().bool().unwrap().get(1),
        Some(false)
    );
    let rest = Difference::rate_ratio("sex", Contrast::EachVsRest)
        .compute(&rates)
        .unwrap();
    let between = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor"))
        .compute(&rates)
        .unwrap();
    // With two groups the rest of men are the women.
    assert_eq!(floats(&rest, "lower")[1], floats(&between, "lower")[0]);
    assert_eq!(texts(&rest, "versus"), ["rest", "rest"]);
}

#[test]
fn percentage_points_between_shares() {
    let stays = df!(
        "sex" => ["kvinnor", "män"],
        "readmitted" => [37i64, 58],
        "discharged" => [200i64, 300],
    )
    .unwrap();
    let shares = Proportion::new("readmitted", "discharged")
        .percentage()
        .by(["sex"])
        .confidence(Confidence::Both)
        .compute(stays.lazy())
        .unwrap();
    let d = Difference::proportion_difference("sex", Contrast::between("kvinnor", "män"))
        .confidence(Confidence::Both)
        .compute(&shares)
        .unwrap();
    close(
        floats(&d, "value")[0].unwrap(),
        (37.0 / 200.0 - 58.0 / 300.0) * 100.0,
        "points",
    );
    // statsmodels newcomb, alpha=0.05 and 0.002, times 100.
    close(
        floats(&d, "lower_95")[0].unwrap(),
        -7.632266690582446,
        "lower 95",
    );
    close(
        floats(&d, "upper_95")[0].unwrap(),
        6.381117096742465,
        "upper 95",
    );
    close(
        floats(&d, "lower_99_8")[0].unwrap(),
        -11.408174939620059,
        "lower 99.8",
    );
    close(
        floats(&d, "upper_99_8")[0].unwrap(),
        10.726989168050977,
        "upper 99.8",
    );
    assert_eq!(
        texts(&d, "statistic"),
        ["difference of percentages (percentage points)"]
    );
    assert_eq!(
        d.column("significant_95").unwrap().bool().unwrap().get(0),
        Some(false)
    );
}

#[test]
fn a_group_without_a_row_and_a_suppressed_count_say_why() {
    let deaths = df!(
        "kommun" => ["2303", "2380", "2380"],
        "sex" => ["kvinnor", "kvinnor", "män"],
        "deaths" => [Some(3i64), None, Some(60)],
        "population" => [2_500i64, 60_000, 61_000],
    )
    .unwrap();
    let rates = Rate::new("deaths", "population")
        .by(["kommun", "sex"])
        .compute(deaths.lazy())
        .unwrap();
    let ratio = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor"))
        .output(OutputType::Standard)
        .compute(&rates)
        .unwrap();
    assert_eq!(texts(&ratio, "kommun"), ["2303", "2380"]);
    assert_eq!(
        strings(&ratio, "status"),
        [
            Some("a group compared has no row".to_string()),
            Some("numerator missing".to_string())
        ]
    );
    assert_eq!(floats(&ratio, "value"), [None, None]);
}

#[test]
fn groups_coded_as_numbers_stay_numbers() {
    let deaths =
        df!("sex" => [1i64, 2], "deaths" => [30i64, 60], "population" => [60_000i64, 61_000])
            .unwrap();
    let rates = Rate::new("deaths", "population")
        .by(["sex"])
        .compute(deaths.lazy())
        .unwrap();
    let ratio = Difference::rate_ratio("sex", Contrast::between("2", "1"))
        .compute(&rates)
        .unwrap();
    assert_eq!(ratio.column("sex").unwrap().dtype(), &DataType::Int64);
    assert_eq!(floats(&ratio, "sex"), [Some(2.0)]);
    assert_eq!(texts(&ratio, "versus"), ["1"]);
}

#[test]
fn counts_of_zero() {
    let deaths = df!(
        "sex" => ["kvinnor", "män"],
        "deaths" => [0i64, 4],
        "population" => [500i64, 700],
    )
    .unwrap();
    let rates = Rate::new("deaths", "population")
        .by(["sex"])
        .compute(deaths.lazy())
        .unwrap();
    let women_vs_men = Difference::rate_ratio("sex", Contrast::between("kvinnor", "män"));
    let exact = women_vs_men.clone().compute(&rates).unwrap();
    assert_eq!(floats(&exact, "value"), [Some(0.0)]);
    close(
        floats(&exact, "upper")[0].unwrap(),
        2.1208136031122184,
        "upper",
    );
    let log_normal = women_vs_men
        .ratio_method(Method::LogNormal)
        .compute(&rates)
        .unwrap();
    assert_eq!(
        texts(&log_normal, "status"),
        ["no events in one group (log-normal limits need both)"]
    );
    let men_vs_women = Difference::rate_ratio("sex", Contrast::between("män", "kvinnor"))
        .compute(&rates)
        .unwrap();
    assert_eq!(
        texts(&men_vs_women, "status"),
        ["no events in the group compared against"]
    );
}

fn error(difference: Difference, table: &DataFrame) -> String {
    difference.compute(table).unwrap_err().to_string()
}

#[test]
fn bad_comparisons_are_errors_that_say_what_is_wrong() {
    let rates = rates_by_sex();
    assert_eq!(
        error(Difference::rate_ratio("sex", Contrast::between("män", "kvinor")), &rates),
        "argument `contrast`: each group named must be a value of `sex` (kvinnor, män); got \"kvinor\""
    );
    assert_eq!(
        error(
            Difference::rate_ratio("deaths", Contrast::EachVsRest),
            &rates
        ),
        "column `deaths` (groups to compare) not found; the frame has: kommun, sex, numerator, \
         denominator, value, lower_95, upper_95, lower_99_8, upper_99_8, status, confidence, \
         statistic, method"
    );
    assert_eq!(
        error(
            Difference::rate_ratio("status", Contrast::EachVsRest),
            &rates
        ),
        "argument `column`: the column to compare must be a group column of the table (kommun, \
         sex); got `status`"
    );
    assert_eq!(
        error(
            Difference::proportion_difference("sex", Contrast::EachVsRest),
            &rates
        ),
        "column `statistic`: this comparison needs a table of a proportion (the result of the \
         proportion statistic); found \"rate per 100000\""
    );
    let bare = rates
        .select(["kommun", "sex", "numerator", "denominator", "value"])
        .unwrap();
    assert_eq!(
        error(
            Difference::rate_difference("sex", Contrast::EachVsRest),
            &bare
        ),
        "argument `multiplier`: the table has no `statistic` column to read the multiplier \
         from; give it (e.g. 100000 for rates per 100 000, 100 for percentages); got none"
    );
    let twice = concat_rows(&rates);
    assert_eq!(
        error(Difference::rate_ratio("sex", Contrast::EachVsRest), &twice),
        "column `sex`: a result table must have one row per group; found two rows in group \
         kommun=2380, sex=kvinnor"
    );
}

fn concat_rows(table: &DataFrame) -> DataFrame {
    let mut both = table.clone();
    both.vstack_mut(table).unwrap();
    both
}
