"""The runtime contract: no panic reaches Python, threads get the same numbers,
LazyFrames are accepted, and the public surface is what ``__all__`` says."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import polars as pl
import pytest

import indikator as ik
from indikator import _indikator


def test_a_panic_becomes_an_exception_and_the_interpreter_survives():
    with pytest.raises(ik.ComputeError, match="internal error \\(please report it\\): forced panic for a test"):
        _indikator._force_panic()
    assert ik.rate(pl.DataFrame({"x": [1], "n": [10]}), "x", "n")["value"][0] == 10_000


def test_threads_get_the_same_numbers():
    data = pl.DataFrame({"g": [f"g{i % 50}" for i in range(5000)], "x": list(range(5000)), "n": [10_000] * 5000})
    expected = ik.rate(data, "x", "n", by="g")
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: ik.rate(data, "x", "n", by="g"), range(8)))
    assert all(r.equals(expected) for r in results)


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
    assert public - declared == set()
