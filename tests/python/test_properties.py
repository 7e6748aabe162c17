"""Properties over generated inputs, and an independent check of the exact
limits against scipy's chi-square quantiles."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

import indikator as ik

counts = st.integers(min_value=0, max_value=100_000)


@settings(max_examples=60, deadline=None)
@given(x=counts, extra=st.integers(min_value=1, max_value=10_000_000))
def test_rate_limits_bracket_the_value_and_widen(x, extra):
    out = ik.rate(pl.DataFrame({"x": [x], "n": [x + extra]}), "x", "n", confidence=(0.95, 0.998)).row(0, named=True)
    assert out["lower_99_8"] <= out["lower_95"] <= out["value"] <= out["upper_95"] <= out["upper_99_8"]
    assert out["lower_99_8"] >= 0


@settings(max_examples=60, deadline=None)
@given(x=counts, extra=st.integers(min_value=0, max_value=1_000_000))
def test_wilson_limits_bracket_the_share_inside_zero_one(x, extra):
    out = ik.proportion(pl.DataFrame({"x": [x], "n": [x + extra + (1 if x == 0 else 0)]}), "x", "n").row(0, named=True)
    assert 0 <= out["lower"] <= out["value"] <= out["upper"] <= 1


@settings(max_examples=40, deadline=None)
@given(x=st.integers(0, 5000), n=st.integers(1, 10**7), m=st.sampled_from([1, 100, 1000, 100_000]))
def test_rate_scales_with_the_multiplier(x, n, m):
    data = pl.DataFrame({"x": [x], "n": [n]})
    one = ik.rate(data, "x", "n", multiplier=1).row(0, named=True)
    scaled = ik.rate(data, "x", "n", multiplier=m).row(0, named=True)
    for c in ("value", "lower", "upper"):
        assert abs(one[c] * m - scaled[c]) <= 1e-9 * max(abs(scaled[c]), 1e-300)


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from("ABC"), st.integers(0, 500), st.integers(0, 500)), min_size=1, max_size=30))
def test_expressions_give_the_frame_functions_numbers(rows):
    data = pl.DataFrame(
        {"g": [r[0] for r in rows], "x": [min(r[1], r[2]) for r in rows], "n": [max(r[1], r[2]) + 1 for r in rows]}
    )
    frame = ik.proportion(data, "x", "n", by="g", confidence=(0.95, 0.998))
    expr = data.group_by("g").agg(ik.expr.proportion("x", "n", confidence=(0.95, 0.998))).sort("g").unnest("estimate")
    for c in ("value", "lower_95", "upper_95", "lower_99_8", "upper_99_8"):
        assert frame[c].to_list() == expr[c].to_list()
    rates = ik.rate(data, "x", "n", by="g")
    rate_expr = data.group_by("g").agg(ik.expr.rate("x", "n")).sort("g").unnest("estimate")
    assert rates["upper"].to_list() == rate_expr["upper"].to_list()


def test_results_do_not_depend_on_row_order():
    data = pl.DataFrame({"g": list("ABCABC"), "x": [1, 2, 3, 4, 5, 6], "n": [10, 20, 30, 40, 50, 60]})
    a = ik.rate(data, "x", "n", by="g")
    b = ik.rate(data.reverse(), "x", "n", by="g")
    assert a.equals(b)


def test_exact_limits_agree_with_scipy_chi_square_quantiles():
    xs = [0, 1, 2, 3, 5, 7, 9]
    out = ik.rate(pl.DataFrame({"x": xs, "n": [1] * len(xs), "k": xs}), "x", "n", by="k", multiplier=1, confidence=(0.95, 0.998))
    for row in out.iter_rows(named=True):
        x = row["k"]
        for level, suffix in ((0.95, "95"), (0.998, "99_8")):
            lower = 0.0 if x == 0 else stats.chi2.ppf((1 - level) / 2, 2 * x) / 2
            upper = stats.chi2.ppf((1 + level) / 2, 2 * x + 2) / 2
            assert abs(row[f"lower_{suffix}"] - lower) <= 1e-10 * max(lower, 1e-300)
            assert abs(row[f"upper_{suffix}"] - upper) <= 1e-10 * upper


def test_mean_limits_agree_with_scipy_t_quantiles():
    values = [4.1, 4.7, 3.9, 5.2, 4.4]
    out = ik.mean(pl.DataFrame({"v": values}), "v", confidence=0.998).row(0, named=True)
    m = sum(values) / len(values)
    half = stats.t.ppf(0.999, len(values) - 1) * stats.tstd(values) / len(values) ** 0.5
    assert abs(out["upper"] - (m + half)) <= 1e-12 * (m + half)
