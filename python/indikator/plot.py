"""Charts as SVG, drawn by the same Rust code as the report; Jupyter shows them.

>>> import polars as pl, indikator as ik
>>> series = pl.DataFrame({"period": ["2022", "2023", "2024"], "value": [61.0, 64.5, 70.2],
...                        "lower": [58.0, 61.2, 67.0], "upper": [64.0, 67.7, 73.3]})
>>> chart = ik.plot.trend(series, title="BUP inom 30 dagar", unit="%", target=90)
>>> chart.svg.startswith("<svg")
True
"""

from __future__ import annotations

from typing import Optional

import polars as pl

from ._indikator import svg_by_kommun, svg_ratings, svg_trend


class SVG:
    """An SVG image; Jupyter displays it, ``str()`` gives the markup."""

    def __init__(self, svg: str) -> None:
        self.svg = svg

    def _repr_svg_(self) -> str:
        return self.svg

    def __str__(self) -> str:
        return self.svg

    def save(self, path: str) -> None:
        """Write the SVG to a file."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.svg)


def _frame(data: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    return data.collect() if isinstance(data, pl.LazyFrame) else data


def trend(
    data: pl.DataFrame | pl.LazyFrame,
    *,
    label: str = "period",
    title: str = "",
    unit: str = "",
    decimals: int = 1,
    target: Optional[float] = None,
) -> SVG:
    """A trend: ``value`` over ``label`` with the band ``lower``–``upper`` and a target line."""
    return SVG(svg_trend(_frame(data), label, title, unit, decimals, target))


def by_kommun(
    data: pl.DataFrame | pl.LazyFrame,
    *,
    label: str = "group",
    title: str = "",
    unit: str = "",
    decimals: int = 1,
    riket: Optional[float] = None,
) -> SVG:
    """Bars per kommun (or any group in ``label``) with limits and a riket line."""
    return SVG(svg_by_kommun(_frame(data), label, title, unit, decimals, riket))


def ratings(
    *, fulfilled: int = 0, partly: int = 0, not_fulfilled: int = 0, missing: int = 0, title: str = ""
) -> SVG:
    """The pie of ratings (uppfylld, delvis, ej uppfylld, ej bedömd)."""
    return SVG(svg_ratings(title, fulfilled, partly, not_fulfilled, missing))
