"""The runtime contract: no panic reaches Python, threads get the same numbers,
LazyFrames are accepted, and the public surface is what ``__all__`` says."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import polars as pl
import pytest

import indikator as ik
from indikator import _indikator


def test_a_panic_becomes_an_exception_and_the_interpreter_survives():
    # `_force_panic` is a test hook: in the `make develop` build, never in a wheel.
    if not hasattr(_indikator, "_force_panic"):
        pytest.fail("the extension was built without the `test-hooks` feature: run `make develop`")
    with pytest.raises(ik.ComputeError, match="internal error \\(please report it\\): forced panic for a test"):
        _indikator._force_panic()
    assert ik.rate(pl.DataFrame({"x": [1], "n": [10]}), "x", "n")["value"][0] == 10_000


def test_threads_get_the_same_numbers():
    data = pl.DataFrame({"g": [f"g{i % 50}" for i in range(5000)], "x": list(range(5000)), "n": [10_000] * 5000})
    expected = ik.rate(data, "x", "n", by="g")
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: ik.rate(data, "x", "n", by="g"), range(8)))
    assert all(r.equals(expected) for r in results)


def test_care_functions_from_several_threads_at_once_give_the_same_numbers():
    import datetime as dt

    day = dt.date(2024, 1, 1)
    referrals = pl.DataFrame({
        "decided": [day + dt.timedelta(days=i % 200) for i in range(3000)],
        "completed": [day + dt.timedelta(days=i % 200 + i % 120) for i in range(3000)],
        "kind": ["first_visit", "treatment"] * 1500, "pvv": [i % 17 == 0 for i in range(3000)],
        "mov": [False] * 3000, "unit": [f"u{i % 7}" for i in range(3000)]})
    visits = pl.DataFrame({
        "patient_id": [f"p{i % 300}" for i in range(3000)], "clinician_id": [f"L{i % 5}" for i in range(3000)],
        "profession": ["läkare"] * 3000, "unit": ["HC Lit"] * 3000,
        "date": [day + dt.timedelta(days=i % 230) for i in range(3000)]})
    listings = pl.DataFrame({"patient_id": [f"p{i}" for i in range(300)], "unit": ["HC Lit"] * 300,
                             "listed_from": [dt.date(2020, 1, 1)] * 300, "listed_to": [None] * 300},
                            schema_overrides={"listed_to": pl.Date})
    table = pl.DataFrame({"kommun": [f"k{i % 8}" for i in range(80)] + ["Totalt"],
                          "numerator": [i % 9 for i in range(80)] + [sum(i % 9 for i in range(80))]})
    calls = [
        lambda: ik.waits.fulfilment(referrals, period="2024", by="unit", as_of="2025-06-01"),
        lambda: ik.continuity.coc(visits, listings, end="2024-08-31"),
        lambda: ik.continuity.patients(visits, listings, end="2024-08-31"),
        lambda: ik.suppress(table),
    ]
    expected = [call() for call in calls]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda i: calls[i % 4](), range(16)))
    for i, result in enumerate(results):
        assert result.equals(expected[i % 4]), i


def test_lazyframes_are_read_for_the_needed_columns_only():
    lazy = pl.LazyFrame({"g": ["a"], "x": [1], "n": [2], "unused": ["not read"]})
    out = ik.proportion(lazy, "x", "n", by="g", output="standard")
    assert out.columns == ["g", "numerator", "denominator", "value", "lower", "upper", "status"]


def test_public_names():
    assert set(ik.__all__) >= {"rate", "proportion", "mean", "count", "dsr", "isr", "isratio", "standard_population", "expr"}
    for name in ik.__all__:
        assert hasattr(ik, name), name
    assert issubclass(ik.IndikatorError, ValueError)
    for sub in (ik.ColumnNotFoundError, ik.DtypeError, ik.DataError, ik.ArgumentError, ik.AgeBandError, ik.ComputeError):
        assert issubclass(sub, ik.IndikatorError)


def test_missing_values_keep_their_reason():
    out = ik.rate(pl.DataFrame({"g": ["a", "b"], "x": [None, 3], "n": [10, None]}), "x", "n", by="g")
    assert out["value"].to_list() == [None, None]
    assert out["status"].to_list() == ["numerator missing", "denominator missing"]


def test_counts_pooled_over_years():
    sip = pl.DataFrame({"kommun": ["Åre"] * 3 + ["Berg"], "year": [2022, 2023, 2023, 2023]})
    out = ik.count(sip, by="kommun", pool="year")
    assert dict(zip(out["kommun"], out["year"])) == {"Berg": "2023", "Åre": "2022–2023"}
    assert dict(zip(out["kommun"], out["value"])) == {"Berg": 1.0, "Åre": 3.0}


def test_the_stub_covers_the_native_module():
    import ast
    from pathlib import Path

    stub = Path(_indikator.__file__).with_name("_indikator.pyi")
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    declared = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    declared |= {t.target.id for t in tree.body if isinstance(t, ast.AnnAssign)}
    public = {name for name in dir(_indikator) if not name.startswith("__") or name == "__version__"}
    test_hooks = {"_force_panic"}  # the `test-hooks` build only; the stub describes the wheel
    assert public - declared - test_hooks == set()
    assert declared.isdisjoint(test_hooks)
