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

from ._frames import FrameLike, as_frame, column_name
from ._indikator import ColumnNotFoundError, svg_by_kommun, svg_ratings, svg_trend


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


def _frame(data: FrameLike) -> pl.DataFrame:
    return as_frame(data, "data")


def trend(
    data: FrameLike,
    *,
    label: str = "period",
    title: str = "",
    unit: str = "",
    decimals: int = 1,
    target: Optional[float] = None,
) -> SVG:
    """A trend: ``value`` over ``label`` with the band ``lower``–``upper`` and a target line.

    Points are drawn in time order, whatever the order of the rows: ``label``
    holds period labels ("2019–2023", "T1 2024", "2024-03"), years or dates.
    Any result of the library goes in as it comes; of the report's long
    table (``Report.table``, filtered to one indicator) the whole region's
    rows are drawn. Two rows for one period are an error.

    >>> import polars as pl, indikator as ik
    >>> s = pl.DataFrame({"period": ["T2 2024", "T1 2024"], "value": [2.0, 1.0]})
    >>> "T1 2024" in ik.plot.trend(s).svg
    True
    """
    return SVG(svg_trend(_frame(data), column_name(label, "label"), title, unit, decimals, target))


def by_kommun(
    data: FrameLike,
    *,
    label: Optional[str] = None,
    title: str = "",
    unit: str = "",
    decimals: int = 1,
    riket: Optional[float] = None,
) -> SVG:
    """Bars per kommun (or any group in ``label``) with limits and a riket line.

    ``label`` defaults to ``group`` (the report's long table, whose kommun
    rows of the report period are drawn) or else ``kommun``.
    """
    frame = _frame(data)
    if label is None:
        label = next((c for c in ("group", "kommun") if c in frame.columns), "kommun")
    return SVG(svg_by_kommun(frame, column_name(label, "label"), title, unit, decimals, riket))


def ratings(
    counts: Optional[FrameLike] = None,
    *,
    fulfilled: int = 0,
    partly: int = 0,
    not_fulfilled: int = 0,
    missing: int = 0,
    title: str = "",
) -> SVG:
    """The pie of ratings (uppfylld, delvis, ej uppfylld, ej bedömd).

    Give the counts, or a table as :func:`indikator.ratings_by_perspective`
    returns it (its rows are added up: filter it to one perspective for that
    perspective's pie).

    >>> import polars as pl, indikator as ik
    >>> r = pl.DataFrame({"perspective": ["Patient"] * 2, "rating": ["fulfilled", "partly"]})
    >>> ik.plot.ratings(ik.ratings_by_perspective(r)).svg.startswith("<svg")
    True
    """
    if counts is not None:
        frame = _frame(counts)
        for column in ("fulfilled", "partly", "not_fulfilled", "missing"):
            if column not in frame.columns:
                raise ColumnNotFoundError(
                    f"column `{column}` (rating count) not found; the frame has: {', '.join(frame.columns)}"
                )
        fulfilled, partly, not_fulfilled, missing = (
            int(frame[c].sum()) for c in ("fulfilled", "partly", "not_fulfilled", "missing")
        )
    return SVG(svg_ratings(title, fulfilled, partly, not_fulfilled, missing))
