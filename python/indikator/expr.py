"""Polars expressions for use inside an analyst's own queries.

Each expression aggregates: it sums ``x`` and ``n`` over the rows it sees
(a group inside ``group_by().agg()``, a window with ``.over()``) and returns
a struct named ``estimate`` (rename it with ``.alias``) holding ``{value, lower, upper}`` (or ``lower_95``, ``upper_95``,
``lower_99_8``, ``upper_99_8`` with both levels): the same numbers as
:func:`indikator.rate` and :func:`indikator.proportion`.

Examples
--------
>>> import polars as pl, indikator as ik
>>> df = pl.DataFrame({"unit": ["A", "A", "B"], "x": [30, 35, 5], "n": [50, 50, 10]})
>>> out = df.group_by("unit").agg(ik.expr.proportion("x", "n")).sort("unit").unnest("estimate")
>>> out["value"].to_list()
[0.65, 0.5]
"""

from __future__ import annotations

from pathlib import Path
from typing import Union

import polars as pl
from polars.plugins import register_plugin_function

from ._indikator import ArgumentError
from ._stats import ConfidenceLike

__all__ = ["coc", "continuity", "period", "proportion", "rate"]

IntoExpr = Union[str, pl.Expr]
_LIB = Path(__file__).parent


def _confidence(confidence: ConfidenceLike) -> str:
    """The canonical text form of a confidence argument, validated here (errors
    raised inside a plugin would reach Python as polars' ComputeError)."""
    levels = confidence if isinstance(confidence, (list, tuple)) else [confidence]
    allowed = {0.95: "95", 95: "95", 0.998: "99.8", 99.8: "99.8", "both": "both"}
    texts = []
    for level in levels:
        key = level.strip().rstrip("%").strip().lower() if isinstance(level, str) else level
        if isinstance(key, str) and key not in ("both",):
            try:
                key = float(key)
            except ValueError:
                key = None
        if key not in allowed:
            raise ArgumentError(
                'argument `confidence`: confidence must be 0.95, 0.998 or both (also written 95, 99.8, '
                f'"95%", "99.8%", "both"); got {confidence!r}'
            )
        texts.append(allowed[key])
    if len(set(texts)) != len(texts) or len(texts) > 2:
        raise ArgumentError(f"argument `confidence`: give each level once; got {confidence!r}")
    return "both" if len(texts) == 2 else texts[0]


def _col(e: IntoExpr) -> pl.Expr:
    return pl.col(e) if isinstance(e, str) else e


def rate(x: IntoExpr, n: IntoExpr, *, multiplier: float = 100_000, confidence: ConfidenceLike = 0.95) -> pl.Expr:
    """Crude rate of summed ``x`` per summed ``n`` as a struct with limits.

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> df = pl.DataFrame({"k": ["a", "a"], "deaths": [4, 5], "pop": [1000, 2000]})
    >>> df.group_by("k").agg(ik.expr.rate("deaths", "pop", multiplier=1000)).unnest("estimate")["value"].to_list()
    [3.0]
    """
    if not (isinstance(multiplier, (int, float)) and multiplier > 0 and multiplier != float("inf")):
        raise ArgumentError(f"argument `multiplier`: multiplier must be a positive finite number; got {multiplier!r}")
    return register_plugin_function(
        plugin_path=_LIB,
        function_name="rate",
        args=[_col(x), _col(n)],
        kwargs={"multiplier": float(multiplier), "confidence": _confidence(confidence)},
        returns_scalar=True,
    ).alias("estimate")


def proportion(x: IntoExpr, n: IntoExpr, *, multiplier: float = 1, confidence: ConfidenceLike = 0.95) -> pl.Expr:
    """Proportion of summed ``x`` in summed ``n`` with Wilson limits, as a struct.

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> df = pl.DataFrame({"x": [38, 63], "n": [100, 100]})
    >>> df.select(ik.expr.proportion("x", "n", multiplier=100)).unnest("estimate")["value"].to_list()
    [50.5]
    """
    if multiplier not in (1, 100):
        raise ArgumentError(f"argument `multiplier`: multiplier must be 1 (proportion) or 100 (percentage); got {multiplier!r}")
    return register_plugin_function(
        plugin_path=_LIB,
        function_name="proportion",
        args=[_col(x), _col(n)],
        kwargs={"multiplier": float(multiplier), "confidence": _confidence(confidence)},
        returns_scalar=True,
    ).alias("estimate")


_PERIOD_KINDS = {
    "month": "month", "månad": "month", "tertial": "tertial", "half_year": "half_year",
    "halvår": "half_year", "delar": "delar", "delår": "delar", "year": "year", "år": "year",
}


def period(date: IntoExpr, kind: str = "month", *, swedish: bool = False) -> pl.Expr:
    """The reporting period each date falls in, as a label (one row per row).

    ``kind`` is ``"month"``, ``"tertial"``, ``"half_year"``, ``"delar"``
    (January–August; later dates give null) or ``"year"``. Labels are
    ISO-like (``"2017-T2"``, sortable) or, with ``swedish=True``, Swedish
    (``"T2 2017"``); :class:`indikator.Period` parses both.

    Examples
    --------
    >>> import datetime as dt, polars as pl, indikator as ik
    >>> df = pl.DataFrame({"date": [dt.date(2017, 5, 2), dt.date(2017, 9, 1)]})
    >>> df.select(ik.expr.period("date", "tertial", swedish=True))["date"].to_list()
    ['T2 2017', 'T3 2017']
    >>> df.select(ik.expr.period("date", "delar"))["date"].to_list()
    ['2017-delar', None]
    """
    canonical = _PERIOD_KINDS.get(kind.strip().lower()) if isinstance(kind, str) else None
    if canonical is None:
        raise ArgumentError(
            'argument `kind`: one of "month", "tertial", "half_year", "delar", "year" '
            f"(or månad, halvår, delår, år); got {kind!r}"
        )
    return register_plugin_function(
        plugin_path=_LIB,
        function_name="period",
        args=[_col(date)],
        kwargs={"kind": canonical, "swedish": bool(swedish)},
        is_elementwise=True,
    )


_INDICES = ("coc", "upc", "secon", "mmci", "herfindahl")


def continuity(clinician: IntoExpr, index: str = "coc") -> pl.Expr:
    """A continuity index of the clinicians of the rows it sees, in row order:
    use it inside ``group_by(patient).agg(...)`` on visits sorted by date.
    ``index`` is ``"coc"``, ``"upc"``, ``"secon"``, ``"mmci"`` or ``"herfindahl"``;
    null where the index is undefined (fewer than two visits for COC, SECON, MMCI).

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> v = pl.DataFrame({"patient": ["p"] * 4, "clinician": ["A", "A", "A", "B"]})
    >>> v.group_by("patient").agg(ik.expr.coc("clinician"), ik.expr.continuity("clinician", "upc"))["coc", "upc"].row(0)
    (0.5, 0.75)
    """
    if index not in _INDICES:
        raise ArgumentError(f"argument `index`: one of {list(_INDICES)}; got {index!r}")
    return register_plugin_function(
        plugin_path=_LIB,
        function_name="continuity",
        args=[_col(clinician)],
        kwargs={"index": index},
        returns_scalar=True,
    ).alias(index)


def coc(clinician: IntoExpr) -> pl.Expr:
    """The Bice–Boxerman COC of the clinicians of the rows it sees (see :func:`continuity`)."""
    return continuity(clinician, "coc")
