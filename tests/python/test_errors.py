"""Bad input gets a clear error naming the column or argument, the rule and
the value seen: one test per kind, messages asserted word for word."""

from __future__ import annotations

import re

import polars as pl
import pytest

import indikator as ik

CONFIDENCE_RULE = (
    'argument `confidence`: confidence must be 0.95, 0.998 or both (also written 95, 99.8, "95%", "99.8%", "both")'
)


@pytest.fixture
def df():
    return pl.DataFrame({"area": ["A", "B"], "x": [5, 12], "n": [100, 200]})


def raises(exc, message, fn, *args, **kwargs):
    with pytest.raises(exc) as info:
        fn(*args, **kwargs)
    assert str(info.value) == message
    assert isinstance(info.value, ik.IndikatorError) and isinstance(info.value, ValueError)


def test_negative_numerator():
    data = pl.DataFrame({"area": ["A", "B"], "x": [5, -3], "n": [100, 200]})
    raises(ik.DataError, "column `x`: numerator values must be >= 0; found -3 in group area=B", ik.rate, data, "x", "n", by="area")


def test_negative_denominator():
    raises(ik.DataError, "column `n`: denominator values must be >= 0; found -100", ik.rate, pl.DataFrame({"x": [5], "n": [-100]}), "x", "n")


def test_zero_denominator():
    raises(ik.DataError, "column `n`: denominators must be > 0 (summed over the group); found 0",
           ik.rate, pl.DataFrame({"x": [0], "n": [0]}), "x", "n")


def test_numerator_above_denominator_for_a_proportion():
    raises(ik.DataError, "column `x`: numerators must be <= denominators for a proportion; found 101 > 100 in group unit=BUP",
           ik.proportion, pl.DataFrame({"unit": ["BUP"], "x": [101], "n": [100]}), "x", "n", by="unit")


@pytest.mark.parametrize("confidence,shown", [(0.9, "0.9"), (99, "99"), ("90%", '"90%"'), ((0.95, 0.99), "0.99")])
def test_confidence_outside_the_allowed_set(df, confidence, shown):
    raises(ik.ArgumentError, f"{CONFIDENCE_RULE}; got {shown}", ik.rate, df, "x", "n", confidence=confidence)


def test_missing_column(df):
    raises(ik.ColumnNotFoundError, "column `deaths` (numerator) not found; the frame has: area, x, n", ik.rate, df, "deaths", "n")


def test_missing_group_column_in_a_lazyframe(df):
    raises(ik.ColumnNotFoundError, "column `kommun` (group) not found; the frame has: area, x, n",
           ik.rate, df.lazy(), "x", "n", by=["kommun"])


def test_text_numerator():
    raises(ik.DtypeError, "column `x` (numerator) must be numeric (integer or float), found dtype str",
           ik.rate, pl.DataFrame({"x": ["5"], "n": [100]}), "x", "n")


def test_null_group_key():
    data = pl.DataFrame({"g": ["A", None], "x": [5, 1], "n": [100, 100]})
    raises(ik.DataError, "column `g`: grouping columns must not contain missing values (fill or drop them first); found 1 missing",
           ik.rate, data, "x", "n", by="g")


def test_nan_value():
    raises(ik.DataError, "column `x`: values must be finite numbers; found NaN or infinity",
           ik.rate, pl.DataFrame({"x": [float("nan")], "n": [1.0]}), "x", "n")


def test_empty_frame():
    raises(ik.ArgumentError, "argument `data`: the frame must have at least one row; got 0 rows",
           ik.rate, pl.DataFrame({"x": [], "n": []}, schema={"x": pl.Int64, "n": pl.Int64}), "x", "n")


def test_bad_multiplier(df):
    raises(ik.ArgumentError, "argument `multiplier`: multiplier must be a positive finite number; got -1", ik.rate, df, "x", "n", multiplier=-1)


def test_proportion_multiplier(df):
    raises(ik.ArgumentError, "argument `multiplier`: multiplier must be 1 (proportion) or 100 (percentage); got 1000",
           ik.proportion, df, "x", "n", multiplier=1000)


def test_unknown_output(df):
    raises(ik.ArgumentError, 'argument `output`: output must be one of full, standard, value, lower, upper; got "wide"',
           ik.rate, df, "x", "n", output="wide")


def test_unknown_pool_method(df):
    raises(ik.ArgumentError, 'argument `pool_method`: pool_method must be "sum" or "average"; got "median"',
           ik.rate, df, "x", "n", pool="area", pool_method="median")


def test_not_a_frame():
    raises(ik.ArgumentError, "argument `data`: must be a polars DataFrame or LazyFrame; got dict", ik.rate, {"x": [1]}, "x", "n")


def test_by_not_strings(df):
    raises(ik.ArgumentError, "argument `by`: column names must be strings or pl.col(...); got 1", ik.rate, df, "x", "n", by=[1])


def test_unknown_standard_population():
    raises(ik.ArgumentError, 'argument `standard`: unknown standard population; known: esp2013, esp1976; got "sweden"',
           ik.standard_population, "sweden")


def test_duplicate_band_in_a_standard():
    data = pl.DataFrame({"age": ["0-64", "65+"], "x": [10, 20], "n": [100, 100]})
    standard = pl.DataFrame({"age_band": ["0-64", "0-64"], "weight": [1.0, 2.0]})
    raises(ik.AgeBandError, "age bands in `age_band`: duplicated in the standard population: 0-64 (standard population supplied)",
           ik.dsr, data, "x", "n", age_band="age", standard=standard)


def test_band_missing_from_a_group():
    data = pl.DataFrame({"area": ["A", "A", "B"], "age": ["0-64", "65+", "0-64"], "x": [10, 20, 30], "n": [1000, 100, 1000]})
    standard = pl.DataFrame({"age_band": ["0-64", "65+"], "weight": [80.0, 20.0]})
    raises(ik.AgeBandError, "age bands in `age`: missing from the data but present in the standard population supplied: 65+ in group area=B",
           ik.dsr, data, "x", "n", age_band="age", standard=standard, by="area")


def test_band_unknown_to_the_standard():
    data = pl.DataFrame({"age": ["0-4", "5-9", "100+"], "x": [1, 2, 3], "n": [10, 10, 10]})
    with pytest.raises(ik.AgeBandError, match=re.escape("present in the data but not in the standard population esp2013")):
        ik.dsr(data, "x", "n", age_band="age")


def test_standard_without_weight_column():
    data = pl.DataFrame({"age": ["0-64"], "x": [10], "n": [100]})
    raises(ik.ColumnNotFoundError, "column `weight` (standard population weight) not found; the frame has: age_band, w",
           ik.dsr, data, "x", "n", age_band="age", standard=pl.DataFrame({"age_band": ["0-64"], "w": [1.0]}))


def test_reference_with_zero_population():
    data = pl.DataFrame({"age": ["all"], "x": [1], "n": [10]})
    reference = pl.DataFrame({"age": ["all"], "rx": [1], "rn": [0]})
    raises(ik.DataError, "column `reference population`: reference populations must be finite and > 0; found 0 for band all",
           ik.isr, data, "x", "n", age_band="age", reference=reference, ref_x="rx", ref_n="rn")


def test_expression_with_a_bad_confidence():
    raises(ik.ArgumentError, f"{CONFIDENCE_RULE}; got 0.5", ik.expr.rate, "x", "n", confidence=0.5)


def test_expression_with_a_bad_multiplier():
    raises(ik.ArgumentError, "argument `multiplier`: multiplier must be 1 (proportion) or 100 (percentage); got 10",
           ik.expr.proportion, "x", "n", multiplier=10)


def test_expression_with_bad_data_fails_inside_polars():
    data = pl.DataFrame({"x": [11], "n": [10]})
    with pytest.raises(pl.exceptions.ComputeError, match=re.escape("numerators must be <= denominators")):
        data.select(ik.expr.proportion("x", "n"))


def test_by_that_is_not_a_name_or_a_list(df):
    raises(ik.ArgumentError, "argument `by`: give a column name or a list of names; got 5", ik.rate, df, "x", "n", by=5)


def test_categorical_decimal_and_small_integer_columns_are_accepted():
    data = pl.DataFrame({"k": ["a", "b"], "x": [1, 2], "n": [10, 20]}).with_columns(
        pl.col("k").cast(pl.Categorical), pl.col("x").cast(pl.UInt8), pl.col("n").cast(pl.Decimal(10, 0))
    )
    out = ik.rate(data, "x", "n", by="k", multiplier=1)
    assert out["value"].to_list() == [0.1, 0.1]
    assert ik.suppress(data.rename({"x": "numerator"}))["suppressed"].to_list() == ["primary", "primary"]


def test_a_column_name_that_is_not_a_string(df):
    raises(ik.ArgumentError, "argument for the numerator column: column names must be strings or pl.col(...); got None", ik.rate, df, None, "n")
