//! Life expectancy beyond the reference's golden table: other top bands
//! (85+, 80+: the reference's issues #96 and #68), band labels, single
//! years of age, pooled years, and bad inputs — each an error naming the
//! column, rule and value, or a missing value with its status.

use indikator::{Confidence, LifeExpectancy, OutputType, Pool, PoolMethod};
use polars::prelude::*;

use crate::common::{floats, strings, texts};

/// The reference's documented example (20 bands, 0 … 90+).
const STARTS: [i64; 20] = [
    0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90,
];
const POPS: [i64; 20] = [
    7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416, 46411,
    39820, 37978, 37039, 33288, 23306, 11936, 11936,
];
const DEATHS: [i64; 20] = [
    17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937,
];

fn labels() -> Vec<String> {
    STARTS
        .iter()
        .enumerate()
        .map(|(i, &s)| match (s, STARTS.get(i + 1)) {
            (0, _) => "0".to_string(),
            (s, Some(next)) => format!("{s}-{}", next - 1),
            (s, None) => format!("{s}+"),
        })
        .collect()
}

fn by_start() -> DataFrame {
    df!("age" => STARTS, "deaths" => DEATHS, "pop" => POPS).unwrap()
}

fn by_label() -> DataFrame {
    df!("age" => labels(), "deaths" => DEATHS, "pop" => POPS).unwrap()
}

fn le() -> LifeExpectancy {
    LifeExpectancy::new("deaths", "pop", "age").confidence(Confidence::Both)
}

fn err(le: LifeExpectancy, data: DataFrame) -> String {
    le.compute(data.lazy()).unwrap_err().to_string()
}

#[test]
fn band_labels_give_the_same_table_as_start_ages() {
    let a = le().compute(by_start().lazy()).unwrap();
    let b = le().compute(by_label().lazy()).unwrap();
    assert_eq!(a, b);
    assert_eq!(floats(&a, "start_age")[19], Some(90.0));
    // LE_results.csv, test_main at birth.
    assert_eq!(floats(&a, "value")[0], Some(80.16960813194838));
}

#[test]
fn an_85_plus_table_from_data_to_90_plus() {
    let merged = le().open_from(85).compute(by_start().lazy()).unwrap();
    assert_eq!(merged.height(), 19);
    let mut by_hand = labels()[..18].to_vec();
    by_hand.push("85+".into());
    let mut deaths = DEATHS[..18].to_vec();
    deaths.push(DEATHS[18] + DEATHS[19]);
    let mut pops = POPS[..18].to_vec();
    pops.push(POPS[18] + POPS[19]);
    let data = df!("age" => by_hand, "deaths" => deaths, "pop" => pops).unwrap();
    let direct = le().compute(data.lazy()).unwrap();
    assert_eq!(merged, direct);
    // At 85: 1/M of the open band.
    let e85 = floats(&merged, "value")[18].unwrap();
    assert!((e85 - (11936.0 + 11936.0) / (1936.0 + 1937.0)).abs() < 1e-12);
}

#[test]
fn an_80_plus_table_where_the_reference_gives_nothing() {
    let out = le().open_from(80).compute(by_start().lazy()).unwrap();
    assert_eq!(out.height(), 18);
    assert!(texts(&out, "status").iter().all(|s| s == "ok"));
    let e0 = floats(&out, "value")[0].unwrap();
    // Closing the table at 80 loses little at birth.
    assert!((e0 - 80.1696).abs() < 0.5, "{e0}");
}

/// Single years 0 … 99 and 100+, from a Gompertz hazard.
fn single_years() -> DataFrame {
    let ages: Vec<String> = (0..=100)
        .map(|a| {
            if a == 100 {
                "100+".to_string()
            } else {
                a.to_string()
            }
        })
        .collect();
    let pops: Vec<f64> = (0..=100)
        .map(|a| {
            if a == 100 {
                400.0
            } else {
                10_000.0 - 60.0 * f64::from(a)
            }
        })
        .collect();
    let deaths: Vec<f64> = (0..=100)
        .map(|a| {
            let hazard =
                0.00005 * (0.085 * f64::from(a)).exp() + if a == 0 { 0.003 } else { 0.0002 };
            (pops[a as usize] * hazard).round().max(1.0)
        })
        .collect();
    df!("age" => ages, "deaths" => deaths, "pop" => pops).unwrap()
}

#[test]
fn single_years_of_age_to_100_plus() {
    let out = le().compute(single_years().lazy()).unwrap();
    assert_eq!(out.height(), 101);
    assert!(texts(&out, "status").iter().all(|s| s == "ok"));
    let e = floats(&out, "value");
    let ages = floats(&out, "start_age");
    // The expected age at death rises with the age reached.
    for i in 1..e.len() {
        let (before, after) = (
            ages[i - 1].unwrap() + e[i - 1].unwrap(),
            ages[i].unwrap() + e[i].unwrap(),
        );
        assert!(
            before <= after + 1e-9,
            "at {:?}: {before} > {after}",
            ages[i]
        );
    }
    let at_ages = le()
        .at_ages([0, 65])
        .compute(single_years().lazy())
        .unwrap();
    assert_eq!(floats(&at_ages, "start_age"), [Some(0.0), Some(65.0)]);
    assert_eq!(floats(&at_ages, "value")[1], e[65]);
}

/// Two kommuner, two sexes, five years: medellivslängd over 2020–2024.
fn five_years() -> DataFrame {
    let (mut kommun, mut sex, mut year, mut age, mut deaths, mut pop) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    for (k, scale) in [("2380", 1.0), ("2309", 0.3)] {
        for (s, excess) in [("K", 1.0), ("M", 1.3)] {
            for y in 2020..=2024i64 {
                for i in 0..20 {
                    kommun.push(k);
                    sex.push(s);
                    year.push(y);
                    age.push(STARTS[i]);
                    pop.push((POPS[i] as f64 * scale / 2.0).round());
                    deaths.push((DEATHS[i] as f64 * scale / 2.0 * excess).round());
                }
            }
        }
    }
    df!("kommun" => kommun, "sex" => sex, "year" => year, "age" => age, "deaths" => deaths, "pop" => pop)
        .unwrap()
}

#[test]
fn pooled_years_by_kommun_and_sex() {
    let out = le()
        .by(["kommun", "sex"])
        .pool(Pool::sum("year"))
        .at_ages([0, 65])
        .compute(five_years().lazy())
        .unwrap();
    assert_eq!(out.height(), 8);
    assert_eq!(texts(&out, "year"), vec!["2020–2024"; 8]);
    assert_eq!(floats(&out, "periods"), vec![Some(5.0); 8]);
    // Rows by group, then age: 0 before 65.
    assert_eq!(
        texts(&out, "kommun"),
        ["2309", "2309", "2309", "2309", "2380", "2380", "2380", "2380"]
    );
    assert_eq!(floats(&out, "start_age")[..2], [Some(0.0), Some(65.0)]);
    let e = floats(&out, "value");
    assert!(e[0] > e[2], "women live longer than men here: {e:?}");
    // Every age, in order of age (not as text) beside the period label.
    let all = le()
        .by(["kommun", "sex"])
        .pool(Pool::sum("year"))
        .compute(five_years().lazy())
        .unwrap();
    let ages: Vec<f64> = floats(&all, "start_age")[..20]
        .iter()
        .map(|a| a.unwrap())
        .collect();
    assert_eq!(ages, STARTS.map(|s| s as f64));
    // One year alone has the same rates, so the same value, and wider limits.
    let one_year = five_years()
        .lazy()
        .filter(col("year").eq(lit(2022)))
        .collect()
        .unwrap();
    let single = le()
        .by(["kommun", "sex"])
        .at_ages([0, 65])
        .compute(one_year.lazy())
        .unwrap();
    let (pooled_width, single_width) = (
        floats(&out, "upper_95")[4].unwrap() - floats(&out, "lower_95")[4].unwrap(),
        floats(&single, "upper_95")[4].unwrap() - floats(&single, "lower_95")[4].unwrap(),
    );
    assert!((floats(&single, "value")[4].unwrap() - e[4].unwrap()).abs() < 1e-9);
    // Five identical years: the standard error shrinks by √5.
    assert!((single_width / pooled_width - 5f64.sqrt()).abs() < 1e-9);
    // Averaging the years (ScotPHO's way) keeps one year's limits.
    let averaged = le()
        .by(["kommun", "sex"])
        .pool(Pool {
            column: "year".into(),
            method: PoolMethod::Average,
        })
        .at_ages([0, 65])
        .output(OutputType::Standard)
        .compute(five_years().lazy())
        .unwrap();
    assert!(
        (floats(&averaged, "upper_95")[4].unwrap() - floats(&single, "upper_95")[4].unwrap()).abs()
            < 1e-9
    );
}

#[test]
fn missing_values_keep_their_reason() {
    let mut deaths: Vec<Option<i64>> = DEATHS.iter().map(|d| Some(*d)).collect();
    deaths[7] = None;
    let data = df!("age" => STARTS, "deaths" => deaths, "pop" => POPS).unwrap();
    let out = le().compute(data.lazy()).unwrap();
    assert_eq!(
        strings(&out, "status")[0].as_deref(),
        Some("numerator missing")
    );
    assert_eq!(floats(&out, "numerator")[0], None);
    assert_eq!(
        floats(&out, "numerator")[8],
        Some(DEATHS[8..].iter().sum::<i64>() as f64)
    );
    let mut deaths = DEATHS.to_vec();
    deaths[19] = 0;
    let data = df!("age" => STARTS, "deaths" => deaths, "pop" => POPS).unwrap();
    let out = le().compute(data.lazy()).unwrap();
    assert_eq!(texts(&out, "status")[0], "no deaths in the open age band");
    // A negative row hidden in a pooled band still counts.
    let data = df!(
        "year" => [2023i64, 2024, 2023, 2024],
        "age" => ["0-64", "0-64", "65+", "65+"],
        "deaths" => [-2i64, 40, 900, 880],
        "pop" => [60_000i64, 60_000, 3_000, 3_100],
    )
    .unwrap();
    let out = le().pool(Pool::sum("year")).compute(data.lazy()).unwrap();
    assert_eq!(texts(&out, "status")[0], "negative deaths in an age band");
}

#[test]
fn bands_that_do_not_form_a_life_table_are_errors() {
    let without = |drop: usize| {
        let keep: Vec<usize> = (0..20).filter(|&i| i != drop).collect();
        let pick = |v: &[String]| keep.iter().map(|&i| v[i].clone()).collect::<Vec<_>>();
        let nums = |v: &[i64]| keep.iter().map(|&i| v[i]).collect::<Vec<_>>();
        df!("area" => vec!["A"; 19], "age" => pick(&labels()), "deaths" => nums(&DEATHS), "pop" => nums(&POPS)).unwrap()
    };
    assert_eq!(
        err(le().by(["area"]), without(3)),
        "age bands in `age`: do not form a life table: a gap between: 5-9 and 15-19 in group area=A"
    );
    assert_eq!(
        err(le(), without(19)),
        "age bands in `age`: do not form a life table: the last band must be open, such as \"90+\": 85-89"
    );
    assert_eq!(
        err(le(), without(0)),
        "age bands in `age`: do not form a life table: the first band must start at age 0: 1-4"
    );
    let mut overlapping = labels();
    overlapping[2] = "3-9".into();
    let data = df!("age" => overlapping, "deaths" => DEATHS, "pop" => POPS).unwrap();
    assert_eq!(
        err(le(), data),
        "age bands in `age`: do not form a life table: overlapping bands: 1-4 and 3-9"
    );
    let mut unreadable = labels();
    unreadable[4] = "tonår".into();
    let data = df!("age" => unreadable, "deaths" => DEATHS, "pop" => POPS).unwrap();
    assert_eq!(
        err(le(), data),
        "age bands in `age`: cannot be read as ages (write start ages 0, 1, 5, …, or bands \"0\", \"1-4\", \"90+\"): tonår"
    );
    let negative =
        df!("age" => [0i64, -1, 5], "deaths" => [1i64, 1, 1], "pop" => [9_000i64, 9_000, 9_000])
            .unwrap();
    assert!(err(le(), negative).ends_with("\"90+\"): -1"));
}

#[test]
fn bad_arguments_are_errors() {
    assert_eq!(
        err(le().open_from(82), by_start()),
        "age bands in `age`: no band starts at 82, the age the open band should start at (the bands start at): 0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90"
    );
    assert_eq!(
        err(le().at_ages([3]), by_start()),
        "argument `at_ages`: each age must be the start of an age band; got 3"
    );
    assert_eq!(
        err(le().fraction(0, 1.5), by_start()),
        "argument `fraction`: the fraction of a band lived by those who die in it must be in (0, 1]; got 1.5 at age 0"
    );
    let data = by_start()
        .lazy()
        .with_column(lit("x").alias("start_age"))
        .collect()
        .unwrap();
    assert_eq!(
        err(le().by(["start_age"]), data),
        "argument `by`: a grouping column must not be named `start_age`, the output's age column; got `start_age`"
    );
    let floats_as_ages =
        df!("age" => [0.0, 1.0], "deaths" => [1i64, 1], "pop" => [9_000i64, 9_000]).unwrap();
    assert_eq!(
        err(le(), floats_as_ages),
        "column `age` (age band) must be integer start ages or text labels such as \"1-4\", \"90+\", found dtype f64"
    );
    assert_eq!(
        err(LifeExpectancy::new("died", "pop", "age"), by_start()),
        "column `died` (deaths) not found; the frame has: age, deaths, pop"
    );
}

#[test]
fn a_given_fraction_changes_the_first_year() {
    let reference = le().compute(by_start().lazy()).unwrap();
    let changed = le().fraction(0, 0.3).compute(by_start().lazy()).unwrap();
    let (a, b) = (
        floats(&reference, "value")[0].unwrap(),
        floats(&changed, "value")[0].unwrap(),
    );
    assert!(b > a && b - a < 0.01, "{a} {b}");
    assert_eq!(floats(&reference, "value")[1], floats(&changed, "value")[1]);
}
