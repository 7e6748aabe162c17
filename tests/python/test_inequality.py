"""Life expectancy, SII/RII, quantiles and differences between groups
through the Python API: the golden tables of the reference (the Rust tests
reproduce them in full; here the Python path to the same numbers), the
published worked examples of the differences, and the chain from a result
broken down by sex to its difference."""

from __future__ import annotations

import polars as pl
import pytest
from conftest import assert_close, read_golden

import indikator as ik


def _le_inputs() -> pl.DataFrame:
    return read_golden("LE_inputs.csv").with_columns(pl.col("startage").cast(pl.Int64))


def test_life_expectancy_reproduces_the_reference_for_its_main_area():
    data = _le_inputs().filter(pl.col("area") == "test_main")
    out = ik.life_expectancy(data, "deaths", "pops", age="startage", by="area", confidence=(0.95, 0.998))
    golden = read_golden("LE_results.csv").filter(pl.col("area") == "test_main")
    golden = golden.with_columns(pl.col("startage").cast(pl.Int64)).sort("startage")
    out = out.sort("start_age")
    for ours, theirs in [("value", "value"), ("lower_95", "lower95_0cl"), ("upper_95", "upper95_0cl"),
                         ("lower_99_8", "lower99_8cl"), ("upper_99_8", "upper99_8cl")]:
        assert_close(out[ours].to_list(), golden[theirs].cast(pl.Float64).to_list(), ours)


def test_life_expectancy_says_why_a_group_has_no_value():
    out = ik.life_expectancy(_le_inputs(), "deaths", "pops", age="startage", by="area", at_ages=[0])
    status = dict(out.select("area", "status").iter_rows())
    assert status["test_main"] == "ok"
    assert status["low_population"] != "ok" and status["negative_deaths"] != "ok"
    assert out.filter(pl.col("status") != "ok")["value"].null_count() == out.filter(pl.col("status") != "ok").height


def test_life_expectancy_with_an_85_plus_band_and_a_bad_life_table():
    data = _le_inputs().filter(pl.col("area") == "test_main")
    top85 = ik.life_expectancy(data, "deaths", "pops", age="startage", open_from=85, at_ages=[0])
    assert 75 < top85["value"][0] < 85
    # Start ages alone: without 40 the band from 35 is read as 35–44 (an
    # abridged table), but a table without age 0 is not a life table.
    no_infants = data.filter(pl.col("startage") != 0)
    with pytest.raises(ik.IndikatorError, match="startage.*must start at age 0"):
        ik.life_expectancy(no_infants, "deaths", "pops", age="startage")


def test_quantiles_of_the_reference():
    areas = pl.DataFrame({"area": ["a", "b", "c", "d", "e"], "rate": [12.0, 30.0, 18.0, 25.0, 18.0]})
    # By hand with the reference's rule, floor(q + 1 − ceil((n + 1 − rank)/(n/q))),
    # ranks of ties at their minimum: by default the highest values are
    # quantile 1 (ranks of −rate: 30→1, 25→2, 18→3, 18→3, 12→5).
    highest_first = ik.quantiles(areas, "rate", 2)
    assert highest_first["quantile"].to_list() == [2, 1, 1, 1, 1]
    lowest_first = ik.quantiles(areas, "rate", 2, invert=False)
    assert lowest_first["quantile"].to_list() == [1, 2, 1, 2, 1]
    too_many = ik.quantiles(areas, "rate", 10)
    assert set(too_many["quantile_status"]) == {"fewer values than quantiles"}


def test_sii_of_a_result_by_decile_at_its_own_level():
    deciles = pl.DataFrame({"decile": list(range(1, 11)), "deaths": [90, 80, 75, 70, 60, 58, 50, 45, 40, 30],
                            "population": [10_000] * 10})
    rates = ik.rate(deciles, "deaths", "population", by="decile")
    simulated = ik.sii(rates, "decile", "denominator", indicator_type="rate", seed=7)
    again = ik.sii(rates, "decile", "denominator", indicator_type="rate", seed=7)
    assert simulated.equals(again), "the same seed gives the same limits"
    assert simulated["value"][0] < 0, "rates fall from the most to the least deprived"
    assert simulated["lower"][0] < simulated["value"][0] < simulated["upper"][0]
    analytic = ik.sii(rates, "decile", "denominator", indicator_type="rate", interval="analytic")
    assert analytic["value"][0] == pytest.approx(simulated["value"][0])
    rii = ik.sii(rates, "decile", "denominator", indicator_type="rate", relative=True, interval="analytic")
    assert rii["statistic"][0] == "relative index of inequality"


def test_newcombes_first_worked_example_through_a_proportion_result():
    # Newcombe (1998), Table II, method 10: 56/70 against 48/80 gives 0.0524 to 0.3339.
    shares = ik.proportion(pl.DataFrame({"g": ["a", "b"], "x": [56, 48], "n": [70, 80]}), "x", "n", by="g")
    d = ik.difference(shares, "g", between=("a", "b"))
    assert d["statistic"][0].startswith("difference of proportions")
    assert (round(d["lower"][0], 4), round(d["upper"][0], 4)) == (0.0524, 0.3339)
    assert d["significant"][0] is True


def test_women_against_men_from_a_rate_by_sex():
    deaths = pl.DataFrame({"sex": ["kvinnor", "män"], "deaths": [30, 60], "population": [60_000, 61_000]})
    rates = ik.rate(deaths, "deaths", "population", by="sex")
    ratio = ik.difference(rates, between=("män", "kvinnor"))
    assert ratio["value"][0] == pytest.approx((60 / 61_000) / (30 / 60_000))
    assert ratio["versus"][0] == "kvinnor" and ratio["significant"][0] is True
    each = ik.difference(rates, against="rest")
    assert each.height == 2
    with pytest.raises(ik.ArgumentError, match="between"):
        ik.difference(rates)
    with pytest.raises(ik.IndikatorError, match="okänd|not|no row|group"):
        ik.difference(rates, between=("K", "M"))
