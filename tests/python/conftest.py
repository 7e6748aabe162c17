"""Shared fixtures: the golden tables of PHEindicatormethods, read from the
project's own copy in ``tests/data/conformance/phe/`` (see its README)."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest

GOLDEN = Path(os.environ.get("INDIKATOR_GOLDEN_DIR", Path(__file__).resolve().parents[1] / "data" / "conformance" / "phe"))

#: Relative tolerance the golden tables are reproduced to (see their README).
REL_TOL = 1e-9


def read_golden(name: str) -> pl.DataFrame:
    """A golden CSV, without the blank rows the spreadsheet export left behind."""
    df = pl.read_csv(GOLDEN / name, infer_schema_length=None, truncate_ragged_lines=True)
    df = df.select([c for c in df.columns if not c.startswith("_duplicated") and c.strip()])
    return df.filter(~pl.all_horizontal(pl.all().is_null()))


@pytest.fixture
def golden():
    return read_golden


def assert_close(got, want, what: str = "") -> None:
    """Both missing, or equal to REL_TOL relative."""
    assert len(got) == len(want), what
    for i, (g, w) in enumerate(zip(got, want)):
        if w is None:
            assert g is None, f"{what}[{i}]: got {g!r}, want missing"
            continue
        assert g is not None, f"{what}[{i}]: got missing, want {w!r}"
        err = abs(g - w) / abs(w) if w != 0 else abs(g)
        assert err <= REL_TOL, f"{what}[{i}]: got {g!r}, want {w!r} (relative error {err:.2e})"


@pytest.fixture(scope="session")
def demo_report():
    """The shipped catalogue run on the embedded synthetic data (once per session)."""
    import indikator as ik

    return ik.Catalog.shipped().run(period="2024-delar")
