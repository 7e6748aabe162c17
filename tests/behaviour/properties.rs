//! Properties over generated inputs: limits bracket the estimate, widen with
//! the confidence level, and a rate scales with its multiplier.

use indikator::stats::{
    exact_poisson_lower, exact_poisson_upper, poisson_limits, wilson_lower, wilson_upper,
};
use indikator::{Confidence, Proportion, Rate, Statistic};
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
