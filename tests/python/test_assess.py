"""Periods, comparisons, trends and ratings through the Python API."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

import indikator as ik

FORMS = ["2017", "2011–2015", "T2 2017", "H1 2024", "jan–aug 2017", "mars 2017", "R12 2017-03"]


@pytest.mark.parametrize("text", FORMS)
def test_period_forms_round_trip(text):
    p = ik.Period(text)
    assert ik.Period(str(p)) == p
    assert ik.Period(p.iso) == p
    assert p.start <= p.end
    assert p.contains(p.start) and p.contains(p.end)
    assert not p.contains(p.end + dt.timedelta(days=1))
    assert p.previous_year().shift_years(1) == p


def test_period_swedish_labels_and_bounds():
    p = ik.Period("2024-delar")
    assert (str(p), p.start, p.end) == ("jan–aug 2024", dt.date(2024, 1, 1), dt.date(2024, 8, 31))
    assert str(ik.Period("2017-T2")) == "T2 2017"
    assert repr(ik.Period("T2 2017")) == "Period('2017-T2')"
    assert ik.Period("2016") < ik.Period("2017")
    assert len({ik.Period("2017-T2"), ik.Period("T2 2017")}) == 1


def test_bad_period_lists_the_accepted_forms():
    with pytest.raises(ik.ArgumentError, match=r"T2 2017.*jan–aug 2017.*got \"Q3 2017\""):
        ik.Period("Q3 2017")


def test_records_are_assigned_to_periods():
    df = pl.DataFrame({"d": [dt.date(2024, 4, 30), dt.date(2024, 5, 1), None]})
    out = df.select(ik.expr.period("d", "tertial"), ik.expr.period("d", "year", swedish=True).alias("y"))
    assert out["d"].to_list() == ["2024-T1", "2024-T2", None]
    assert out["y"].to_list() == ["2024", "2024", None]
    with pytest.raises(ik.ArgumentError, match="quarter"):
        ik.expr.period("d", "quarter")


def test_every_target_form_rates_in_python():
    assert ik.Target.at_least(90).assess(90).rating == "fulfilled"
    assert ik.Target.above(90).assess(90).rating == "not fulfilled"
    assert ik.Target.range(90, 80).assess(85).rating == "partly"
    assert ik.Target.increase().assess(100, previous=100).rating == "not fulfilled"
    assert ik.Target.increase(equal_meets=True).assess(100, previous=100).rating == "fulfilled"
    assert ik.Target.increase(significant=True).assess(104, previous=100, vs_previous="similar").rating == "partly"
    halve = ik.Target.relative(-0.5, "2011–2015", deadline=2019)
    assert [halve.assess(v, baseline=21.77).rating for v in (10.0, 15.0, 22.0)] == [
        "fulfilled", "partly", "not fulfilled"]
    every = ik.Target.every_unit(ik.Target.at_least(90, unit="%"))
    assert every.assess(units={"Berg": 92.0, "Åre": None}).rating == "partly"
    months = ik.Target.months(4, 6, "decrease")
    assert months.assess(months=["lower"] * 4 + ["similar"] * 2).rating == "fulfilled"
    assert ik.Target.yes_no().assess(True).rating == "fulfilled"
    assert ik.Target.status().assess("Pågår").rating_sv == "delvis uppfylld"
    assert ik.Target.qualitative().assess("röd").colour == "red"


def test_missing_values_keep_their_reason():
    a = ik.Target.at_least(90).assess(missing="measured_at_year_end")
    assert (a.rating, a.missing, a.colour, a.rating_sv) == (None, "measured_at_year_end", "grey", "mäts vid årets slut")
    with pytest.raises(ik.ArgumentError, match="a missing value needs its reason"):
        ik.Target.at_least(90).assess()
    with pytest.raises(ik.ArgumentError, match="not_reported"):
        ik.Target.at_least(90).assess(missing="late")


def test_invalid_targets_are_argument_errors():
    with pytest.raises(ik.ArgumentError, match="different green and yellow"):
        ik.Target.range(5, 5)
    with pytest.raises(ik.ArgumentError, match="between 1 and `of`"):
        ik.Target.months(7, 6, "decrease")
    with pytest.raises(ik.ArgumentError, match="increase"):
        ik.Target.months(1, 6, "sideways")
    with pytest.raises(ik.ArgumentError, match="period"):
        ik.Target.relative(-0.5, "förra året")


def _shares(x):
    return ik.proportion(pl.DataFrame({"kommun": ["Berg", "Krokom", "Östersund"], "x": x, "n": [50] * 3}),
                         "x", "n", by="kommun", multiplier=100, confidence=(0.95, 0.998))


def test_compare_with_benchmark_and_previous_period():
    now, before = _shares([45, 30, 40]), _shares([30, 31, 39])
    out = ik.compare(now, benchmark=75.0, previous=before, on="kommun", polarity="high_is_good")
    assert out["vs_benchmark"].to_list() == ["better", "worse", "similar"]
    assert out["vs_benchmark_level"].to_list() == [0.95, 0.95, None]
    assert out["vs_previous"].to_list() == ["better", "similar", "similar"]
    rated = ik.assess(out, ik.Target.increase(significant=True))
    assert rated["rating"].to_list() == ["fulfilled", "not fulfilled", "partly"]


def test_compare_needs_something_to_compare_with():
    with pytest.raises(ik.ArgumentError, match="neither"):
        ik.compare(_shares([1, 2, 3]))
    with pytest.raises(ik.ColumnNotFoundError, match="riket"):
        ik.compare(_shares([1, 2, 3]), benchmark="riket")


def test_trend_reproduces_the_fingertips_case():
    s = pl.DataFrame({"year": [2014, 2015, 2016, 2017, 2018],
                      "value": [24.67, 24.6, 28.0, 30.2, 30.6],
                      "lower": [23.16, 23.15, 26.44, 28.63, 28.98],
                      "upper": [26.25, 26.19, 29.64, 31.9, 32.25]})
    out = ik.trend(s, "year", level=0.95)
    assert out["trend"].to_list() == ["increasing"]
    assert out["chi_square"][0] == pytest.approx(46.77, abs=0.005)
    with pytest.raises(ik.ArgumentError, match="at least 3 points"):
        ik.trend(s, "year", points=2)


def test_ratings_roll_up_per_perspective():
    r = pl.DataFrame({"perspective": ["Patient", "Samhälle", "Patient"], "rating": ["fulfilled", "partly", None]})
    out = ik.ratings_by_perspective(r)
    assert out["perspective"].to_list() == ["Samhälle", "Patient", "Medarbetare", "Verksamhetsresultat"]
    assert out.row(1) == ("Patient", 1, 0, 0, 1)
    with pytest.raises(ik.ArgumentError, match="Ekonomi"):
        ik.ratings_by_perspective(pl.DataFrame({"perspective": ["Ekonomi"], "rating": ["partly"]}))


def _golden(name):
    from conftest import GOLDEN  # the folder of the reference tables

    return pl.read_csv(GOLDEN / name, null_values="NA", infer_schema_length=None)


def test_funnel_reproduces_the_golden_proportion_limits_and_labels():
    inputs = _golden("testdata_funnel_prop_inputs.csv")
    want = _golden("testdata_funnel_prop_outputs.csv")
    got = ik.funnel.limits(inputs, "proportion", "numerator", "denominator", multiplier=100)
    for ours, theirs in [("population", "Population"), ("lower_2s_limit", "Lower2s0025limit"),
                         ("upper_3s_limit", "Upper3s0001limit"), ("baseline", "Baseline")]:
        assert got[ours].to_list() == pytest.approx(want[theirs].to_list(), abs=5e-7)
    judged = ik.funnel.significance(inputs, "proportion", "numerator", "denominator")
    assert judged["significance"].to_list() == inputs["significance"].to_list()


def test_funnel_ratio_and_rate_golden():
    ratio = _golden("testdata_funnel_ratio_inputs.csv")
    judged = ik.funnel.significance(ratio, "ratio", "obs", "expected")
    assert judged["significance"].to_list() == ratio["significance"].to_list()
    rates = _golden("testdata_funnel_rate_input_funnels.csv")
    want = _golden("testdata_funnel_rate_outputs.csv")
    got = ik.funnel.limits(rates, "rate", "ev", rate="rate", kind="dsr", years=3)
    assert got["upper_3s_limit"].to_list() == pytest.approx(want["upper_3s_limit"].to_list(), rel=1e-9)
    pts = ik.funnel.points(rates, "ev", "rate", kind="crude", years=3)
    assert pts["denominator_derived"].to_list() == pytest.approx(rates["denominator_derived_crude"].to_list(), rel=1e-9)


def test_funnel_bad_input_is_a_clear_error():
    with pytest.raises(ik.ArgumentError, match="proportion"):
        ik.funnel.limits(pl.DataFrame({"x": [1], "n": [2]}), "share", "x", "n")
    with pytest.raises(ik.DataError, match="<= the denominator"):
        ik.funnel.limits(pl.DataFrame({"x": [3], "n": [2]}), "proportion", "x", "n")
    with pytest.raises(ik.ColumnNotFoundError, match="`m`"):
        ik.funnel.limits(pl.DataFrame({"x": [3], "n": [2]}), "proportion", "x", "m")
