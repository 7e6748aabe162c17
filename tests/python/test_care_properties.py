"""Properties of vårdgaranti shares, continuity of care and suppression over
generated records (hypothesis): values stay in range with limits around
them, the result does not depend on the order of the rows, splitting the
records in parts gives parts that add up to the whole, and suppression hides
every small cell. The same properties are checked in Rust with proptest
(tests/behaviour/care_properties.rs, tests/behaviour/disclosure.rs)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import indikator as ik

START = dt.date(2024, 1, 1)

# One referral: decided (days after 1 January 2024), wait in days, unit, kind, pvv.
referral = st.tuples(
    st.integers(0, 300), st.integers(0, 200), st.booleans(), st.booleans(), st.booleans()
)


def referrals(rows) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "decided": [START + dt.timedelta(days=d) for d, *_ in rows],
            "completed": [START + dt.timedelta(days=d + w) for d, w, *_ in rows],
            "unit": ["Ortopedi" if u else "Kirurgi" for _, _, u, _, _ in rows],
            "kind": ["first_visit" if k else "treatment" for *_, k, _ in rows],
            "pvv": [p for *_, p in rows],
            "mov": [False] * len(rows),
        },
        schema_overrides={"decided": pl.Date, "completed": pl.Date},
    )


def fulfilment(rows) -> pl.DataFrame:
    return ik.waits.fulfilment(referrals(rows), period="2024", by="unit", as_of="2026-01-01").sort("unit")


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(referral, min_size=1, max_size=60))
def test_waits_shares_stay_in_range_with_limits_around_them(rows):
    for r in fulfilment(rows).iter_rows(named=True):
        assert 0 <= r["numerator"] <= r["denominator"] <= r["records"]
        if r["value"] is not None:
            assert 0 <= r["lower"] <= r["value"] <= r["upper"] <= 100


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(referral, min_size=1, max_size=60), data=st.data())
def test_waits_do_not_depend_on_row_order(rows, data):
    shuffled = data.draw(st.permutations(rows))
    assert fulfilment(rows).equals(fulfilment(shuffled))


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(referral, min_size=2, max_size=60), cut=st.integers(1, 59))
def test_waits_of_two_parts_add_up_to_the_whole(rows, cut):
    cut = min(cut, len(rows) - 1)
    whole = fulfilment(rows).select("unit", "numerator", "denominator", "records", "pvv")
    parts = (
        pl.concat([fulfilment(rows[:cut]), fulfilment(rows[cut:])])
        .group_by("unit")
        .agg(pl.col("numerator", "denominator", "records", "pvv").sum())
        .sort("unit")
    )
    assert whole.equals(parts.select(whole.columns))


# One visit: patient (0–7), clinician (0–3), day of the window.
visit = st.tuples(st.integers(0, 7), st.integers(0, 3), st.integers(0, 300))


def visits(rows) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "patient_id": [f"p{p}" for p, _, _ in rows],
            "clinician_id": [f"L{c}" for _, c, _ in rows],
            "profession": ["läkare"] * len(rows),
            "unit": ["HC Lit"] * len(rows),
            "date": [dt.date(2023, 6, 1) + dt.timedelta(days=d) for *_, d in rows],
        },
        schema_overrides={"date": pl.Date},
    )


LISTINGS = pl.DataFrame(
    {
        "patient_id": [f"p{p}" for p in range(8)],
        "unit": ["HC Lit"] * 8,
        "listed_from": [dt.date(2020, 1, 1)] * 8,
        "listed_to": [None] * 8,
    },
    schema_overrides={"listed_to": pl.Date},
)


def per_patient(rows) -> pl.DataFrame:
    return ik.continuity.patients(visits(rows), LISTINGS, end="2024-08-31").sort("patient_id")


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(visit, min_size=3, max_size=80), data=st.data())
def test_continuity_indices_stay_in_range_and_ignore_row_order(rows, data):
    out = per_patient(rows)
    for index in ("coc", "upc", "secon", "mmci", "herfindahl"):
        values = out[index].drop_nulls()
        assert values.is_between(0, 1).all(), index
    assert (out["visits"] >= 3).all()
    assert out.equals(per_patient(data.draw(st.permutations(rows))))


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(visit, min_size=3, max_size=80))
def test_continuity_of_each_patient_is_the_same_when_patients_are_split(rows):
    low = [r for r in rows if r[0] < 4]
    high = [r for r in rows if r[0] >= 4]
    parts = pl.concat([per_patient(part) for part in (low, high) if part]).sort("patient_id")
    assert per_patient(rows).equals(parts)


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(visit, min_size=3, max_size=80))
def test_the_unit_coc_is_the_mean_of_its_patients(rows):
    patients = per_patient(rows)
    if patients.height == 0:
        # Nobody eligible is an error for the unit's value, never a zero.
        with pytest.raises(ik.DataError, match="no patient meets the eligibility rules"):
            ik.continuity.coc(visits(rows), LISTINGS, end="2024-08-31")
        return
    unit = ik.continuity.coc(visits(rows), LISTINGS, end="2024-08-31")
    assert unit["denominator"][0] == patients.height
    assert abs(unit["value"][0] - patients["coc"].mean()) < 1e-12


# A kommun × sex grid of counts with the totals of both margins.
grid = st.lists(st.lists(st.integers(0, 12), min_size=2, max_size=4), min_size=1, max_size=5).filter(
    lambda g: len({len(r) for r in g}) == 1
)
TOTALS = {"kommun": "Hela regionen", "sex": "Totalt"}


def table(cells) -> pl.DataFrame:
    rows = []
    for i, line in enumerate(cells):
        rows += [(f"k{i}", f"s{j}", x) for j, x in enumerate(line)] + [(f"k{i}", "Totalt", sum(line))]
    columns = list(zip(*cells))
    rows += [("Hela regionen", f"s{j}", sum(c)) for j, c in enumerate(columns)]
    rows.append(("Hela regionen", "Totalt", sum(map(sum, cells))))
    return pl.DataFrame(rows, schema=["kommun", "sex", "numerator"], orient="row")


@settings(max_examples=100, deadline=None)
@given(cells=grid, data=st.data())
def test_suppression_hides_every_small_cell_and_passes_the_audit(cells, data):
    before = table(cells)
    out = ik.suppress(before, totals=TOTALS)
    masked = out["suppressed"] != "none"
    small = before["numerator"].is_between(1, 4)
    assert not (small & ~masked).any(), "a count from 1 to 4 is published"
    assert out.filter(masked)["numerator"].null_count() == masked.sum()
    published = out.filter(~masked)
    assert published["numerator"].equals(before.filter(~masked)["numerator"])
    for key in TOTALS:
        per_line = out.filter(masked).group_by(key).len()
        assert (per_line["len"] != 1).all(), f"a line along {key} has one masked cell"
    assert ik.suppress(out, totals=TOTALS).equals(out)
    # The audit: no reader with a solver narrows a masked cell to one value
    # or a primary one to 1–4, unless masking every non-zero cell would not
    # help either.
    passed = ik.suppression_audit(out, totals=TOTALS)["audit_passed"]
    everything = before.with_columns(
        suppressed=pl.when(small).then(pl.lit("primary")).when(pl.col("numerator") > 0)
        .then(pl.lit("secondary")).otherwise(pl.lit("none"))
    )
    assert (passed | ~ik.suppression_audit(everything, totals=TOTALS)["audit_passed"]).all()
    shuffled = before.sample(fraction=1.0, shuffle=True, seed=data.draw(st.integers(0, 2**32 - 1)))
    again = ik.suppress(shuffled, totals=TOTALS)
    key = ["kommun", "sex"]
    assert again.sort(key).select(*key, "suppressed").equals(out.sort(key).select(*key, "suppressed"))
