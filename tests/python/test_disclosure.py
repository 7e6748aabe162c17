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


# --- The audit: a reader who solves linear programmes ----------------------

import math  # noqa: E402
import random  # noqa: E402

from scipy.optimize import linprog  # noqa: E402

TOTALS_2D = {"r": "T", "c": "T"}


def grid_table(cells: list[list[int]]) -> pl.DataFrame:
    """An r × c grid with row, column and grand totals (label ``T``)."""
    rows = []
    for i, line in enumerate(cells):
        rows += [(f"r{i}", f"c{j}", x) for j, x in enumerate(line)] + [(f"r{i}", "T", sum(line))]
    for j, column in enumerate(zip(*cells)):
        rows.append(("T", f"c{j}", sum(column)))
    rows.append(("T", "T", sum(map(sum, cells))))
    return pl.DataFrame(rows, schema=["r", "c", "numerator"], orient="row")


def test_two_masked_cells_in_a_line_whose_published_total_is_8_are_each_4():
    # kommun × sex with region totals; A has 4 women and 4 men, total 8; the
    # rectangle A, C × K, M masked (one subtraction recovers nothing).
    t = pl.DataFrame(
        {
            "kommun": ["A"] * 3 + ["B"] * 3 + ["C"] * 3 + ["R"] * 3,
            "sex": ["K", "M", "T"] * 4,
            "numerator": [4, 4, 8, 10, 12, 22, 7, 9, 16, 21, 25, 46],
            "suppressed": ["primary", "primary"] + ["none"] * 4 + ["secondary"] * 2 + ["none"] * 4,
        }
    )
    totals = {"kommun": "R", "sex": "T"}
    a = ik.suppression_audit(t, totals=totals)
    row = a.row(0, named=True)
    assert (row["audit_lower"], row["audit_upper"]) == (1.0, 7.0)
    assert (row["audit_lower_flags"], row["audit_upper_flags"]) == (4.0, 4.0)
    assert row["audit_passed"] is False
    assert row["audit_findings"] == "pinned: numerator is 4 by the table and the flags"
    out = ik.suppress(t.drop("suppressed"), totals=totals)
    after = ik.suppression_audit(out, totals=totals)
    assert after["audit_passed"].all()
    assert after["audit_upper_flags"][0] > after["audit_lower_flags"][0]


def test_an_unbounded_cell_is_infinite_and_published_cells_have_no_interval():
    t = pl.DataFrame({"g": ["a", "b", "all"], "numerator": [3, 12, 15], "suppressed": ["primary", "secondary", "secondary"]})
    a = ik.suppression_audit(t, totals={"g": "all"})
    assert a["audit_upper"].to_list() == [math.inf, math.inf, math.inf]
    b = ik.suppression_audit(t.with_columns(suppressed=pl.lit("none")), totals={"g": "all"})
    assert b["audit_lower"].null_count() == 3
    assert b["audit_findings"][0] == "published small count: numerator is 3"


def _attacker_bounds(table: pl.DataFrame, cells: list[list[int]], flags: bool, threshold: int = 5):
    """Min and max of each masked count by scipy's linprog, built from the
    grid itself: variables are the masked cells, one equality per row and
    column (and of the totals), published cells as constants."""
    r, c = len(cells), len(cells[0])
    value = {(i, j): x for i, line in enumerate(cells) for j, x in enumerate(line)}
    for i in range(r):
        value[(i, c)] = sum(cells[i])
    for j in range(c):
        value[(r, j)] = sum(cells[i][j] for i in range(r))
    value[(r, c)] = sum(map(sum, cells))
    label = lambda i, j: (f"r{i}" if i < r else "T", f"c{j}" if j < c else "T")  # noqa: E731
    flag = {(row["r"], row["c"]): row["suppressed"] for row in table.iter_rows(named=True)}
    masked = [k for k in value if flag[label(*k)] != "none"]
    index = {k: n for n, k in enumerate(masked)}
    lines = [[(i, j) for j in range(c)] + [(i, c)] for i in range(r + 1)]
    lines += [[(i, j) for i in range(r)] + [(r, j)] for j in range(c + 1)]
    a_eq, b_eq = [], []
    for line in lines:
        coeff = [0.0] * len(masked)
        rhs = 0.0
        for n, k in enumerate(line):
            sign = -1.0 if n == len(line) - 1 else 1.0
            if k in index:
                coeff[index[k]] += sign
            else:
                rhs -= sign * value[k]
        if any(coeff):
            a_eq.append(coeff)
            b_eq.append(rhs)
    bounds = []
    for k in masked:
        f = flag[label(*k)]
        if flags:
            bounds.append((1, threshold - 1) if f == "primary" else (threshold, None))
        else:
            bounds.append((1, None))
    out = {}
    for k in masked:
        ends = []
        for sign in (1, -1):
            objective = [0.0] * len(masked)
            objective[index[k]] = sign
            res = linprog(objective, A_eq=a_eq or None, b_eq=b_eq or None, bounds=bounds, method="highs")
            if res.status == 3:
                ends.append(math.inf)
            else:
                assert res.status == 0, res.message
                ends.append(sign * res.fun)
        lo, hi = ends
        out[label(*k)] = (math.ceil(lo - 1e-6), math.floor(hi + 1e-6) if hi != math.inf else hi)
    return out


small_grid = st.lists(
    st.lists(st.sampled_from([0, 0, 1, 2, 3, 4, 5, 7, 9, 14, 25]), min_size=2, max_size=4), min_size=2, max_size=4
).filter(lambda g: len({len(row) for row in g}) == 1)


@settings(max_examples=40, deadline=None)
@given(cells=small_grid, seed=st.integers(0, 2**16))
def test_the_audit_agrees_with_scipy_linprog(cells, seed):
    t = grid_table(cells)
    # Audit both the protected table and an arbitrary mask (primary cells
    # plus a random choice of others), whose intervals are often narrow.
    rng = random.Random(seed)
    small = t["numerator"].is_between(1, 4)
    chosen = pl.Series([rng.random() < 0.3 and x > 0 for x in t["numerator"]])
    arbitrary = t.with_columns(
        suppressed=pl.when(small).then(pl.lit("primary")).when(chosen).then(pl.lit("secondary")).otherwise(pl.lit("none"))
    )
    for published in (ik.suppress(t, totals=TOTALS_2D), arbitrary):
        audit = ik.suppression_audit(published, totals=TOTALS_2D)
        for flags, (lo, hi) in ((False, ("audit_lower", "audit_upper")), (True, ("audit_lower_flags", "audit_upper_flags"))):
            expected = _attacker_bounds(published, cells, flags)
            got = {
                (row["r"], row["c"]): (row[lo], row[hi])
                for row in audit.iter_rows(named=True)
                if row["suppressed"] != "none"
            }
            assert got == expected


@settings(max_examples=40, deadline=None)
@given(cells=small_grid)
def test_suppression_passes_the_audit_or_nothing_could_mend_it(cells):
    t = grid_table(cells)
    out = ik.suppress(t, totals=TOTALS_2D)
    audit = ik.suppression_audit(out, totals=TOTALS_2D)
    everything = t.with_columns(
        suppressed=pl.when(pl.col("numerator").is_between(1, 4))
        .then(pl.lit("primary"))
        .when(pl.col("numerator") > 0)
        .then(pl.lit("secondary"))
        .otherwise(pl.lit("none"))
    )
    mendable = ik.suppression_audit(everything, totals=TOTALS_2D)["audit_passed"]
    assert (audit["audit_passed"] | ~mendable).all(), audit.filter(~pl.col("audit_passed"))
    kept = out.filter(pl.col("suppressed") == "none")
    assert kept.join(t, on=["r", "c"]).filter(pl.col("numerator") != pl.col("numerator_right")).height == 0
    assert ik.suppress(out, totals=TOTALS_2D).equals(out)


def test_tables_published_together_share_the_region_row():
    by_kommun = pl.DataFrame({"kommun": ["Berg", "Åre", "Hela regionen"], "numerator": [3, 40, 43]})
    by_sex = pl.DataFrame({"sex": ["K", "M", "Hela regionen"], "numerator": [20, 23, 43]})
    totals = {"kommun": "Hela regionen", "sex": "Hela regionen"}
    out = ik.suppress([by_kommun, by_sex], totals=totals)
    assert isinstance(out, list) and len(out) == 2
    assert out[0]["suppressed"][0] == "primary"
    assert out[0]["suppressed"][2] == out[1]["suppressed"][2]
    audits = ik.suppression_audit(out, totals=totals)
    assert all(a["audit_passed"].all() for a in audits)


def test_a_hierarchy_given_as_a_dict_of_parents():
    t = pl.DataFrame(
        {
            "area": ["Berg", "Bräcke", "Söder", "Åre", "Krokom", "Norr", "Jämtland"],
            "numerator": [1, 5, 6, 9, 11, 20, 26],
        }
    )
    tree = {"Berg": "Söder", "Bräcke": "Söder", "Åre": "Norr", "Krokom": "Norr", "Söder": "Jämtland", "Norr": "Jämtland"}
    out = ik.suppress(t, totals={"area": tree})
    assert out["suppressed"].to_list() == ["primary", "none", "secondary", "none", "none", "none", "secondary"]
    assert ik.suppression_audit(out, totals={"area": tree})["audit_passed"].all()


def test_unknown_totals_are_errors_naming_what_exists():
    t = pl.DataFrame({"area": ["a", "b", "R"], "numerator": [1, 2, 3]})
    with pytest.raises(ik.DataError, match=r'every label must be in the hierarchy, which has: R, a; found "b"'):
        ik.suppress(t, totals={"area": {"a": "R"}})
    with pytest.raises(ik.ColumnNotFoundError, match="column `sex` \\(key\\) not found; the frame has: area, numerator"):
        ik.suppression_audit(t, totals={"sex": "Totalt"})
    with pytest.raises(ik.ArgumentError, match="the totals of `area` must be a label or a dict of label to parent label"):
        ik.suppress(t, totals={"area": 3})


def test_the_audit_reads_a_published_table_whose_cells_say_only_masked():
    # kommun × sex with totals as the report publishes it: kinds withheld.
    t = pl.DataFrame(
        {
            "kommun": [k for k in ["A", "B", "C", "R"] for _ in range(3)],
            "sex": ["K", "M", "T"] * 4,
            "numerator": [None, None, 8, 10, 12, 22, None, None, 16, 21, 25, 46],
            "suppressed": ["masked", "masked"] + ["none"] * 4 + ["masked"] * 2 + ["none"] * 4,
        }
    )
    audit = ik.suppression_audit(t, totals={"kommun": "R", "sex": "T"})
    assert audit["audit_passed"].all()
    assert (audit["audit_lower_flags"][0], audit["audit_upper_flags"][0]) == (1, 7)
