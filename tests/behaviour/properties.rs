//! Properties over generated inputs: limits bracket the estimate, widen with
//! the confidence level, and a rate scales with its multiplier; life tables,
//! quantiles, the SII and group differences keep the properties their
//! mathematics gives them (and only those).

use indikator::stats::{
    assign_quantiles, exact_poisson_lower, exact_poisson_upper, life_table, newcombe_limits,
    poisson_limits, rate_difference_limits, rate_ratio_limits, slope_index, wilson_lower,
    wilson_upper, z_value, IndicatorType, LifeTableBand, RateRatioMethod, SiiInterval, SiiSpec,
};
use indikator::{Confidence, Proportion, Rate};
use polars::prelude::*;
use proptest::prelude::*;

proptest! {
    #[test]
    fn poisson_limits_bracket_the_count_and_widen(x in 0u32..5000) {
        let x = f64::from(x);
        let (l95, u95, _) = poisson_limits(x, 0.95);
        let (l998, u998, _) = poisson_limits(x, 0.998);
        let (l95, u95, l998, u998) = (l95.unwrap(), u95.unwrap(), l998.unwrap(), u998.unwrap());
        prop_assert!(l95 <= x && x <= u95, "95 %: {l95} <= {x} <= {u95}");
        prop_assert!(l998 <= l95 && u95 <= u998, "99.8 % wider: [{l998}, {u998}] vs [{l95}, {u95}]");
        prop_assert!(l998 >= 0.0);
    }

    #[test]
    fn exact_limits_bracket_fractional_counts(x in 0.0f64..50.0) {
        let (l, u) = (exact_poisson_lower(x, 0.95).unwrap(), exact_poisson_upper(x, 0.95).unwrap());
        prop_assert!(l <= x && x < u);
    }

    #[test]
    fn wilson_limits_bracket_the_proportion(n in 1u32..100_000, frac in 0.0f64..=1.0) {
        let n = f64::from(n);
        let x = (frac * n).floor();
        let p = x / n;
        for level in [0.95, 0.998] {
            let (l, u) = (wilson_lower(x, n, level).unwrap(), wilson_upper(x, n, level).unwrap());
            prop_assert!(0.0 <= l && l <= p + 1e-12 && p <= u + 1e-12 && u <= 1.0, "{l} <= {p} <= {u}");
        }
        prop_assert!(wilson_lower(x, n, 0.998).unwrap() <= wilson_lower(x, n, 0.95).unwrap() + 1e-15);
    }

    #[test]
    fn rate_scales_with_the_multiplier(x in 0i64..10_000, n in 1i64..10_000_000, m in 1.0f64..1e6) {
        let data = df!("x" => [x], "n" => [n]).unwrap();
        let one = Rate::new("x", "n").multiplier(1.0).confidence(Confidence::Both).compute(data.clone().lazy()).unwrap();
        let scaled = Rate::new("x", "n").multiplier(m).confidence(Confidence::Both).compute(data.lazy()).unwrap();
        for c in ["value", "lower_95", "upper_95", "lower_99_8", "upper_99_8"] {
            let a = one.column(c).unwrap().f64().unwrap().get(0).unwrap();
            let b = scaled.column(c).unwrap().f64().unwrap().get(0).unwrap();
            prop_assert!((a * m - b).abs() <= 1e-9 * b.abs().max(1e-300), "{c}: {a} × {m} vs {b}");
        }
    }

    #[test]
    fn frame_proportions_never_leave_zero_to_one(xs in proptest::collection::vec((0u32..1000, 0u32..1000), 1..20)) {
        let (x, n): (Vec<i64>, Vec<i64>) = xs.iter().map(|(a, b)| (i64::from(*a.min(b)), i64::from(*a.max(b)) + 1)).unzip();
        let g: Vec<String> = (0..x.len()).map(|i| format!("g{}", i % 3)).collect();
        let data = df!("g" => g, "x" => x, "n" => n).unwrap();
        let out = Proportion::new("x", "n").by(["g"]).compute(data.lazy()).unwrap();
        for c in ["value", "lower", "upper"] {
            for v in out.column(c).unwrap().f64().unwrap().iter() {
                let v = v.unwrap();
                prop_assert!((0.0..=1.0).contains(&v), "{c} = {v}");
            }
        }
    }
}

/// Widths of the reference's 20 bands (the last, open, ignored).
const WIDTHS: [f64; 20] = [
    1.0, 4.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0,
    0.0,
];

/// A life table of 20 bands with populations of 300–60 000 and death
/// rates up to 40 % (at least one death in the open band).
fn bands() -> impl Strategy<Value = Vec<LifeTableBand>> {
    proptest::collection::vec((300.0f64..60_000.0, 0.0f64..0.4), 20).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (population, rate))| LifeTableBand {
                width: WIDTHS[i],
                deaths: (population * rate)
                    .round()
                    .max(if i == 19 { 1.0 } else { 0.0 }),
                population,
                fraction: if i == 0 { 0.1 } else { 0.5 },
            })
            .collect()
    })
}

fn starts() -> Vec<f64> {
    let mut at = 0.0;
    WIDTHS
        .iter()
        .map(|w| {
            let start = at;
            at += w;
            start
        })
        .collect()
}

proptest! {
    /// `x + eₓ` is a weighted mean of the ages at death in the band and of
    /// `x' + eₓ'` one band up, so it never falls with the age reached.
    #[test]
    fn the_expected_age_at_death_never_falls_with_age(bands in bands()) {
        let Ok(table) = life_table(&bands) else { return Ok(()) };
        let x = starts();
        for i in 1..table.len() {
            if table[i].se.is_nan() { break; } // nobody left from here on
            let (before, after) = (x[i - 1] + table[i - 1].value, x[i] + table[i].value);
            prop_assert!(before <= after * (1.0 + 1e-12), "band {i}: {before} > {after}");
        }
    }

    /// Every variance term is divided by a band's deaths: doubling deaths
    /// and population keeps every rate, hence every value, and divides the
    /// standard error by √2 (two identical years pooled).
    #[test]
    fn pooling_a_year_twice_keeps_the_value_and_narrows_by_root_two(bands in bands()) {
        let Ok(one) = life_table(&bands) else { return Ok(()) };
        let doubled: Vec<LifeTableBand> = bands
            .iter()
            .map(|b| LifeTableBand { deaths: 2.0 * b.deaths, population: 2.0 * b.population, ..*b })
            .collect();
        let two = life_table(&doubled).unwrap();
        for (a, b) in one.iter().zip(&two) {
            if a.se.is_nan() { break; }
            prop_assert!((a.value - b.value).abs() <= 1e-9 * a.value.max(1.0));
            if a.se == 0.0 {
                // No deaths from here on but the open band's: no variance to halve.
                prop_assert_eq!(b.se, 0.0);
                continue;
            }
            prop_assert!((a.se / b.se - 2f64.sqrt()).abs() <= 1e-9, "{} {}", a.se, b.se);
        }
    }

    /// Ranks are monotone in the value and the quantile is monotone in the
    /// rank: higher values never get a lower quantile (a higher one when
    /// inverted), ties share one, and every quantile lies in 1…n.
    #[test]
    fn quantiles_are_monotone_in_the_value(
        values in proptest::collection::vec(proptest::option::weighted(0.9, 0u32..50), 1..60),
        n in 1u32..12,
        invert in any::<bool>(),
    ) {
        let values: Vec<Option<f64>> = values.into_iter().map(|v| v.map(f64::from)).collect();
        let q = assign_quantiles(&values, n, invert);
        let present = values.iter().flatten().count();
        for (i, (vi, qi)) in values.iter().zip(&q).enumerate() {
            prop_assert_eq!(qi.is_some(), vi.is_some() && present >= n as usize);
            if let Some(qi) = qi { prop_assert!((1..=n).contains(qi)); }
            for (vj, qj) in values[i + 1..].iter().zip(&q[i + 1..]) {
                if let (Some(a), Some(b), Some(qa), Some(qb)) = (vi, vj, qi, qj) {
                    let (a, b) = if invert { (-a, -b) } else { (*a, *b) };
                    if a < b { prop_assert!(qa <= qb); }
                    if a == b { prop_assert_eq!(qa, qb); }
                }
            }
        }
    }

    /// The slope uses only the population shares and is unmoved by adding a
    /// constant to every value (the fit has its own intercept).
    #[test]
    fn the_sii_depends_on_shares_and_differences_only(
        rows in proptest::collection::vec((100.0f64..50_000.0, 50.0f64..90.0, 0.1f64..3.0), 5..12),
        scale in 0.01f64..100.0,
        shift in -20.0f64..20.0,
    ) {
        let spec = SiiSpec { indicator_type: IndicatorType::Normal, transform: false, multiplier: 1.0 };
        let (pops, values, se): (Vec<f64>, Vec<f64>, Vec<f64>) = rows.iter().fold(
            (vec![], vec![], vec![]),
            |(mut p, mut v, mut s), (a, b, c)| { p.push(*a); v.push(*b); s.push(*c); (p, v, s) },
        );
        let base = slope_index(&pops, &values, &se, &spec, SiiInterval::Analytic, &[0.95, 0.998]).unwrap();
        let scaled: Vec<f64> = pops.iter().map(|p| p * scale).collect();
        let shifted: Vec<f64> = values.iter().map(|v| v + shift).collect();
        let other = slope_index(&scaled, &shifted, &se, &spec, SiiInterval::Analytic, &[0.95, 0.998]).unwrap();
        prop_assert!((base.sii - other.sii).abs() <= 1e-9 * base.sii.abs().max(1.0));
        prop_assert!((other.intercept - base.intercept - shift).abs() <= 1e-9 * base.intercept.abs().max(1.0));
        for (k, (lo, hi)) in base.sii_limits.iter().enumerate() {
            prop_assert!(*lo <= base.sii && base.sii <= *hi);
            prop_assert!((other.sii_limits[k].1 - other.sii_limits[k].0 - (hi - lo)).abs() <= 1e-9 * (hi - lo).max(1.0));
        }
        prop_assert!(base.sii_limits[1].0 <= base.sii_limits[0].0, "99.8 % wider");
    }

    /// Each comparison's limits contain its estimate, and the 99.8 % limits
    /// contain the 95 % ones.
    #[test]
    fn comparison_limits_contain_the_estimate(
        x1 in 0u32..300, n1 in 1u32..3000, x2 in 0u32..300, n2 in 1u32..3000,
    ) {
        let (x1, x2) = (f64::from(x1.min(n1)), f64::from(x2.min(n2)));
        let (n1, n2) = (f64::from(n1), f64::from(n2));
        let d = x1 / n1 - x2 / n2;
        let (l95, u95) = newcombe_limits(x1, n1, x2, n2, 0.95).unwrap();
        let (l998, u998) = newcombe_limits(x1, n1, x2, n2, 0.998).unwrap();
        prop_assert!(-1.0 <= l998 && l998 <= l95 && l95 <= d + 1e-12 && d <= u95 + 1e-12);
        prop_assert!(u95 <= u998 && u998 <= 1.0 + 1e-12);
        let (lo, hi) = rate_difference_limits(x1, n1, x2, n2, 0.95).unwrap();
        prop_assert!(lo <= d && d <= hi);
        prop_assert!(((hi - lo) / 2.0 - z_value(0.95) * (x1 / (n1 * n1) + x2 / (n2 * n2)).sqrt()).abs() < 1e-12);
        if x2 > 0.0 {
            let ratio = x1 / n1 / (x2 / n2);
            for method in [RateRatioMethod::ExactConditional, RateRatioMethod::LogNormal] {
                if let (Some(lo), Some(hi)) = rate_ratio_limits(x1, n1, x2, n2, 0.95, method) {
                    prop_assert!(lo <= ratio * (1.0 + 1e-12) && ratio <= hi * (1.0 + 1e-12), "{method:?}: {lo} {ratio} {hi}");
                }
            }
        }
    }
}
