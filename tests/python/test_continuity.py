"""Continuity of care through Python: the same numbers as Rust, the expression
form equal to the frame form, and clear errors."""

from __future__ import annotations

import datetime as dt
import random

import polars as pl
import pytest

import indikator as ik

END = "2024-08-31"


def _listings(patients):
    return pl.DataFrame({"patient_id": patients, "unit": ["HC Lit"] * len(patients),
                         "listed_from": [dt.date(2020, 1, 1)] * len(patients),
                         "listed_to": pl.Series([None] * len(patients), dtype=pl.Date)})


def _visits(sequences):
    rows = []
    for patient, seq in sequences.items():
        for i, clinician in enumerate(seq):
            rows.append((patient, clinician, "läkare", "HC Lit", dt.date(2024, 1, 1) + dt.timedelta(days=7 * i)))
    return pl.DataFrame(rows, schema=["patient_id", "clinician_id", "profession", "unit", "date"], orient="row")


def test_hand_computed_indices():
    v = _visits({"a": "AAAB", "b": "AABBAACAAB", "c": "ABABAB"})
    out = ik.continuity.patients(v, _listings(["a", "b", "c"]), end=END).sort("patient_id")
    assert out["coc"].to_list() == pytest.approx([0.5, 0.4, 0.4])
    assert out["upc"].to_list() == pytest.approx([0.75, 0.6, 0.5])
    assert out["secon"].to_list() == pytest.approx([2 / 3, 4 / 9, 0.0])
    assert out["herfindahl"].to_list() == pytest.approx([0.625, 0.46, 0.5])


def test_expression_equals_the_frame_form():
    rng = random.Random(7)
    seqs = {f"p{i}": "".join(rng.choice("ABCD") for _ in range(rng.randint(3, 12))) for i in range(60)}
    v = _visits(seqs)
    frame = ik.continuity.patients(v, _listings(list(seqs)), end=END).sort("patient_id")
    expr = (v.sort("patient_id", "date").group_by("patient_id", maintain_order=True)
            .agg(ik.expr.coc("clinician_id"), ik.expr.continuity("clinician_id", "secon"),
                 ik.expr.continuity("clinician_id", "mmci")).sort("patient_id"))
    for index in ("coc", "secon", "mmci"):
        assert expr[index].to_list() == frame[index].to_list(), index


def test_a_lazy_frame_of_visits_gives_the_same_numbers_and_quality():
    # Visits over three years: the lazy path loads only the window's, and the
    # numbers and the quality table are those of the whole frame.
    rng = random.Random(11)
    rows = [(f"p{rng.randrange(40)}", rng.choice("ABC"), rng.choice(["läkare", "sjuksköterska"]), "HC Lit",
             dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(1000))) for _ in range(2000)]
    v = pl.DataFrame(rows, schema=["patient_id", "clinician_id", "profession", "unit", "date"], orient="row")
    listings = _listings([f"p{i}" for i in range(40)])
    for call in (ik.continuity.patients, ik.continuity.coc, ik.continuity.quality):
        assert call(v.lazy(), listings, end=END).equals(call(v, listings, end=END)), call.__name__
    rolling = dict(listings=listings, start="2024-03-31", end=END)
    assert ik.continuity.rolling(v.lazy(), **rolling).equals(ik.continuity.rolling(v, **rolling))


def test_summary_and_quality():
    v = _visits({"a": "AAA", "b": "AAB", "c": "ABC", "d": "AB"})
    s = ik.continuity.coc(v, _listings(["a", "b", "c", "d"]), end=END, by="unit")
    assert s["denominator"].to_list() == [3.0]
    assert s["value"][0] == pytest.approx(4 / 9)
    q = ik.continuity.quality(v, _listings(["a", "b", "c", "d"]), end=END)
    assert dict(q.iter_rows())["patients with fewer visits than min_visits"] == 1


def test_column_mapping_and_errors():
    v = _visits({"a": "AAA"}).rename({"patient_id": "pid"})
    out = ik.continuity.patients(v, _listings(["a"]), end=END, visit_columns={"patient_id": "pid"})
    assert out.height == 1
    with pytest.raises(ik.ColumnNotFoundError, match="`patient_id` \\(patient id\\)"):
        ik.continuity.patients(v, _listings(["a"]), end=END)
    with pytest.raises(ik.ArgumentError, match="unknown roles"):
        ik.continuity.patients(v, _listings(["a"]), end=END, visit_columns={"pat": "pid"})
    with pytest.raises(ik.ArgumentError, match="ISO date"):
        ik.continuity.patients(v, _listings(["a"]), end="31/8 2024")
    with pytest.raises(ik.ArgumentError, match="index"):
        ik.expr.continuity("c", "xyz")


def test_rolling_series_has_one_row_per_month_end():
    v = _visits({"a": "AAAB", "b": "AABBAACAAB"})
    out = ik.continuity.rolling(v, _listings(["a", "b"]), start="2024-06-30", end="2024-08-31", by="unit")
    assert [str(d) for d in out["end"].to_list()] == ["2024-06-30", "2024-07-31", "2024-08-31"]
    assert out["value"].to_list() == pytest.approx([0.45] * 3)
    assert out["previous_value"].to_list() == [None] * 3
