//! The tests of `distributions`.

use super::*;
use crate::stats::test_util::{assert_close as check, rel_err};

/// Quantiles against mpmath: required 1e-12, observed below 1e-14.
const QUANTILE_TOL: f64 = 1e-13;
/// Special and distribution functions against mpmath (observed <= 2e-14).
const FUNCTION_TOL: f64 = 1e-13;
/// `|F(quantile(p)) - p| / p`, divided by the condition number
/// `x F'(x) / F(x)` because `x` itself is only known to half an ulp.
const ROUND_TRIP_TOL: f64 = 1e-13;

#[test]
fn normal_quantile_matches_mpmath() {
    // mpmath, mp.dps = 45: findroot(lambda z: ncdf(z) - p, ...) for the f64 p.
    #[rustfmt::skip]
    const CASES: [(f64, f64); 6] = [
        (0.975, 1.9599639845400538), (0.999, 3.090232306167813),
        (0.001, -3.0902323061678136), (1e-10, -6.361340902404057),
        (0.5, 0.0), (0.9995, 3.290526731491926),
    ];
    for (p, want) in CASES {
        check(
            normal_quantile(p),
            want,
            QUANTILE_TOL,
            &format!("qnorm({p})"),
        );
    }
}

#[test]
fn chi_square_quantiles_for_exact_poisson_limits() {
    // mpmath, mp.dps = 45: Newton's method on gammainc(df/2, 0, x/2,
    // regularized=True) = p for p <= 1/2, else on gammainc(df/2, x/2, inf,
    // regularized=True) = 1 - p; df = 2x and 2x + 2 formed in f64.
    // Columns: x, q(0.025, 2x), q(0.975, 2x+2), q(0.001, 2x), q(0.999, 2x+2).
    #[rustfmt::skip]
    const CASES: [(f64, [f64; 4]); 9] = [
        (0.445, [0.00038240211440097904, 9.142133875287408, 2.7607344890745585e-7, 16.011534952604134]),
        (1.0, [0.05063561596857975, 11.143286781877794, 0.002001000667167067, 18.46682695290317]),
        (2.0, [0.4844185570879298, 14.44937533544792, 0.09080403553897912, 22.457744484825323]),
        (5.0, [3.2469727802368413, 23.336664158645338, 1.4787434638356651, 32.90949040736021]),
        (9.0, [8.230746194756666, 34.16960690283834, 4.90484880872755, 45.31474661812586]),
        (9.5, [8.906516481987973, 35.47887590572725, 5.406816017601797, 46.797038041561315]),
        (20.0, [24.433039170807888, 61.7767558053492, 17.916426535252025, 76.08376270770005]),
        (1045.0, [1965.187418822264, 2220.6615532237647, 1895.8928297907557, 2297.6005835863475]),
        (7776456.0, [15541982.666594235, 15563847.122720331, 15535682.671916513, 15570154.728572378]),
    ];
    for (x, wants) in CASES {
        let ps = [0.025, 0.975, 0.001, 0.999];
        for ((p, df), want) in ps
            .into_iter()
            .zip([2.0 * x, 2.0 * x + 2.0].repeat(2))
            .zip(wants)
        {
            let what = format!("chi_square_quantile({p}, {df})");
            check(chi_square_quantile(p, df), want, QUANTILE_TOL, &what);
        }
    }
}

#[test]
fn student_t_quantiles_match_mpmath() {
    // mpmath, mp.dps = 45: Newton's method on
    // betainc(df/2, 1/2, 0, df/(df+t^2), regularized=True)/2 = 1 - p.
    // Columns: df, qt(0.975, df), qt(0.999, df).
    #[rustfmt::skip]
    const CASES: [(f64, f64, f64); 7] = [
        (1.0, 12.706204736174694, 318.30883898555015),
        (2.0, 4.302652729749462, 22.327124770119866),
        (7.0, 2.364624251592785, 4.785289628638333),
        (17.0, 2.1098155778333165, 3.645767380078409),
        (25.0, 2.0595385527532972, 3.450188726973064),
        (1000.0, 1.962339080826408, 3.0984021639129224),
        (1e6, 1.9599663568141066, 3.0902404563165193),
    ];
    for (df, q975, q999) in CASES {
        for (p, want) in [(0.975, q975), (0.999, q999), (0.025, -q975)] {
            check(
                student_t_quantile(p, df),
                want,
                QUANTILE_TOL,
                &format!("qt({p}, {df})"),
            );
        }
    }
}

#[test]
fn distribution_functions_match_mpmath() {
    // mpmath.ncdf at mp.dps = 45.
    #[rustfmt::skip]
    const NORMAL: [(f64, f64); 7] = [
        (-30.0, 4.906713927148187e-198), (-10.0, 7.619853024160525e-24),
        (-6.3613409, 1.0000000156542232e-10), (-1.96, 0.024997895148220435),
        (-1e-10, 0.49999999996010575), (0.3, 0.6179114221889527),
        (1.96, 0.9750021048517795),
    ];
    for (x, want) in NORMAL {
        check(
            normal_cdf(x),
            want,
            FUNCTION_TOL,
            &format!("normal_cdf({x})"),
        );
    }
    // Lower tail betainc(df/2, 1/2, 0, df/(df+t^2), regularized=True)/2 at
    // mp.dps = 45 (for df > 1000 and |t| < 20 the series at mp.dps = 150).
    #[rustfmt::skip]
    const STUDENT: [(f64, f64, f64); 7] = [
        (-50.0, 1000.0, 1.3793362061625824e-274), (-3.1, 1e6, 0.0009676300756620405),
        (-3.1, 1e8, 0.0009676034818407413), (2.0, 17.0, 0.9691306967349405),
        (-0.2, 2.7, 0.4277898189349431), (9.0, 0.5, 0.8931983607896133),
        (1e-5, 1.0, 0.5000031830988617),
    ];
    for (t, df, want) in STUDENT {
        check(
            student_t_cdf(t, df),
            want,
            FUNCTION_TOL,
            &format!("t_cdf({t}, {df})"),
        );
    }
}

/// Both tails down to 1e-10 and a grid through the middle.
fn probability_grid() -> Vec<f64> {
    let mut ps = vec![0.025, 0.975, 0.001, 0.999];
    for e in 1..=10 {
        let tiny = 10f64.powi(-e);
        ps.extend([tiny, 3.0 * tiny, 1.0 - tiny]);
    }
    ps.extend((1..20).map(|k| f64::from(k) / 20.0));
    ps
}

/// Assert `F(q) = target` up to `ROUND_TRIP_TOL` times the condition number.
fn check_round_trip(got: f64, target: f64, cond: f64, what: &str) {
    let err = rel_err(got, target) / cond.max(1.0);
    assert!(
        err <= ROUND_TRIP_TOL,
        "{what}: F = {got:e}, scaled rel. error {err:e}"
    );
}

#[test]
fn quantiles_round_trip() {
    for p in probability_grid() {
        let z = normal_quantile(p);
        let tail = if p <= 0.5 {
            normal_cdf(z)
        } else {
            1.0 - normal_cdf(z)
        };
        let cond = z.abs() * (-0.5 * z * z).exp() / (2.0 * PI).sqrt() / tail;
        check_round_trip(tail, p.min(1.0 - p), cond, &format!("qnorm({p}) = {z:e}"));
    }
    for a in [
        0.25, 0.445, 0.5, 1.0, 1.445, 2.5, 9.5, 10.5, 100.0, 1045.0, 1e5, 7776456.0,
    ] {
        for p in probability_grid() {
            let x = gamma_quantile(p, a);
            let (lower, upper, kernel) = gamma_pq(a, x);
            let (tail, target) = if p <= 0.5 {
                (lower, p)
            } else {
                (upper, 1.0 - p)
            };
            check_round_trip(
                tail,
                target,
                kernel / tail,
                &format!("qgamma({p}, {a}) = {x:e}"),
            );
        }
    }
    for df in [
        0.5, 0.89, 1.0, 2.0, 3.3, 7.0, 17.0, 25.0, 150.0, 250.0, 1000.0, 1e6, 1e8,
    ] {
        let ln_k = -ln_beta(0.5 * df, 0.5) - 0.5 * df.ln();
        for p in probability_grid().into_iter().filter(|&p| p != 0.5) {
            let t = student_t_quantile(p, df);
            assert!(
                (t < 0.0) == (p < 0.5),
                "qt({p}, {df}) = {t} has the wrong sign"
            );
            // Near the median the quantile solves P(0 < T < |t|) = |p - 1/2|.
            let (upper, inner) = t_tails(t.abs(), df);
            let (tail, target) = match p {
                p if (0.25..=0.75).contains(&p) => (inner, (p - 0.5).abs()),
                p => (upper, p.min(1.0 - p)),
            };
            let density = (ln_k - 0.5 * (df + 1.0) * (t * t / df).ln_1p()).exp();
            check_round_trip(
                tail,
                target,
                t.abs() * density / tail,
                &format!("qt({p}, {df}) = {t:e}"),
            );
        }
    }
}

#[test]
fn edges_and_invalid_arguments() {
    assert_eq!(normal_quantile(0.0), f64::NEG_INFINITY);
    assert_eq!(normal_quantile(1.0), f64::INFINITY);
    assert_eq!(gamma_quantile(0.0, 2.0), 0.0);
    assert_eq!(chi_square_quantile(1.0, 3.0), f64::INFINITY);
    assert_eq!(student_t_quantile(0.0, 5.0), f64::NEG_INFINITY);
    assert_eq!(student_t_quantile(1.0, 5.0), f64::INFINITY);
    assert_eq!(student_t_quantile(0.5, 5.0), 0.0);
    assert_eq!(
        student_t_quantile(0.975, f64::INFINITY),
        normal_quantile(0.975)
    );
    assert_eq!((gamma_p(3.0, 0.0), gamma_q(3.0, f64::INFINITY)), (0.0, 0.0));
    assert_eq!(
        (beta_inc(2.0, 3.0, 0.0), beta_inc(2.0, 3.0, 1.0)),
        (0.0, 1.0)
    );
    assert_eq!(normal_cdf(f64::NEG_INFINITY), 0.0);
    assert_eq!(student_t_cdf(f64::INFINITY, 4.0), 1.0);
    assert_eq!(ln_gamma(0.0), f64::INFINITY);
    let invalid = [
        normal_quantile(1.5),
        gamma_quantile(0.5, 0.0),
        gamma_quantile(-0.1, 2.0),
        chi_square_quantile(f64::NAN, 2.0),
        student_t_quantile(0.5, -1.0),
        student_t_cdf(1.0, 0.0),
        gamma_p(-1.0, 1.0),
        gamma_q(1.0, -1.0),
        beta_inc(1.0, 1.0, 1.5),
        ln_gamma(-1.0),
        normal_cdf(f64::NAN),
    ];
    assert!(invalid.iter().all(|v| v.is_nan()), "{invalid:?}");
}
