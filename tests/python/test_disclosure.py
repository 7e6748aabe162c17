"""ik.suppress: primary and secondary masking through the Python API."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import indikator as ik


def test_masks_small_counts_of_a_rate_table_and_everything_built_on_them():
    deaths = pl.DataFrame({"kommun": ["Berg", "Bräcke", "Östersund"], "x": [0, 3, 40], "n": [7000, 6400, 64000]})
    out = ik.suppress(ik.rate(deaths, "x", "n", by="kommun", confidence=(0.95, 0.998)))
    row = out.filter(pl.col("kommun") == "Bräcke").row(0, named=True)
    assert row["suppressed"] == "primary"
    for c in ("numerator", "denominator", "value", "lower_95", "upper_95", "lower_99_8", "upper_99_8"):
        assert row[c] is None, c
    assert out.filter(pl.col("kommun") == "Berg")["suppressed"].item() == "none"  # zero is published
    assert out.filter(pl.col("kommun") == "Östersund")["value"].item() == pytest.approx(62.5)


def test_secondary_cells_protect_a_primary_cell_against_the_total():
    t = pl.DataFrame({"sex": ["kvinnor", "män", "Totalt"], "numerator": [3, 12, 15]})
    out = ik.suppress(t, totals={"sex": "Totalt"})
    assert out["numerator"].to_list() == [None, None, 15]
    assert ik.suppress(out, totals={"sex": "Totalt"}).equals(out)


def test_plain_count_tables_name_their_count_columns():
    t = pl.DataFrame({"kommun": ["Åre", "Berg"], "plans": [2, 30]})
    out = ik.suppress(t, counts="plans")
    assert out["plans"].to_list() == [None, 30]
    with pytest.raises(ik.ArgumentError, match="name the count columns"):
        ik.suppress(pl.DataFrame({"plans": [2]}))


def test_the_display_symbol():
    assert ik.SUPPRESSED_SYMBOL == ".."


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 20), min_size=2, max_size=8))
def test_no_single_subtraction_recovers_a_masked_cell(counts):
    labels = [f"g{i}" for i in range(len(counts))]
    t = pl.DataFrame({"g": labels + ["Alla"], "numerator": counts + [sum(counts)]})
    out = ik.suppress(t, totals={"g": "Alla"})
    masked = out.filter(pl.col("suppressed") != "none").height
    assert masked != 1
    kept = out.filter(pl.col("suppressed") == "none")
    assert kept.join(t, on="g").filter(pl.col("numerator") != pl.col("numerator_right")).height == 0
