"""Funnel plots: control limits, the significance of each unit, and the points to draw.

The limits are at 2σ (p = 0.025 on each side) and 3σ (p = 0.001) around the
average of all units, computed as PHEindicatormethods 2.1.0 computes them
(Wilson-score limits for proportions; exact Poisson limits for ratios of
observed to expected events and for crude rates and DSRs).

Examples
--------
>>> import polars as pl, indikator as ik
>>> units = pl.DataFrame({"kommun": ["Berg", "Åre", "Östersund"], "x": [30, 45, 600], "n": [50, 60, 700]})
>>> ik.funnel.significance(units, "proportion", "x", "n")["significance"].to_list()
['Low (0.001)', 'Not significant', 'Not significant']
>>> ik.funnel.limits(units, "proportion", "x", "n", multiplier=100).height
100
"""

from __future__ import annotations

from typing import Literal, Optional

import polars as pl

from . import _indikator as _rs
from ._frames import FrameLike, as_frame, collect
from ._options import FunnelOptions

Statistic = Literal["proportion", "ratio", "rate"]
Kind = Literal["count", "isr", "crude", "dsr"]

__all__ = ["limits", "points", "significance"]


def _options_of(
    *, statistic: Statistic, numerator: str, denominator: Optional[str], rate: Optional[str],
    multiplier: Optional[float], kind: Optional[Kind], years: Optional[float],
) -> FunnelOptions:
    return {
        "statistic": statistic, "numerator": numerator, "denominator": denominator, "rate": rate,
        "multiplier": None if multiplier is None else float(multiplier), "kind": kind,
        "years": None if years is None else float(years),
    }


def _columns(data: FrameLike, options: FunnelOptions) -> pl.DataFrame:
    """The columns named in ``options``, checked (enough for the limits)."""
    named = [(options["numerator"], "numerator"), (options["denominator"], "denominator"), (options["rate"], "rate")]
    return collect(data, [(name, role) for name, role in named if name is not None])


def _checked(data: FrameLike, options: FunnelOptions) -> pl.DataFrame:
    """The caller's whole table, its columns checked (significance and
    points return it with a column added)."""
    _columns(data, options)
    return as_frame(data)


def limits(
    data: FrameLike,
    statistic: Statistic,
    numerator: str,
    denominator: Optional[str] = None,
    *,
    rate: Optional[str] = None,
    multiplier: Optional[float] = None,
    kind: Optional[Kind] = None,
    years: Optional[float] = None,
) -> pl.DataFrame:
    """Control limits at 100 points along the x axis.

    Parameters
    ----------
    data : polars.DataFrame or polars.LazyFrame
        One row per unit.
    statistic : {"proportion", "ratio", "rate"}
    numerator : str
        Events (proportions: the numerator; ratios: observed events).
    denominator : str, optional
        Proportions: the denominator; ratios: expected events; rates: the
        population, needed only where a unit has zero events.
    rate : str, optional
        The rate column (rates).
    multiplier : float, optional
        Proportions 1 (default) or 100; rates, default 100 000.
    kind : {"count", "isr"} for ratios (default "count"), {"crude", "dsr"} for rates (default "crude")
    years : float, optional
        The years of data behind the rates (default 1).

    Returns
    -------
    polars.DataFrame
        The x axis (``population``, ``observed_events`` or ``events``),
        ``lower_2s_limit``, ``upper_2s_limit``, ``lower_3s_limit``,
        ``upper_3s_limit``, the expected events (ratios) or one-year
        populations (rates) at each limit, ``baseline``, ``statistic``, ``method``.
    """
    options = _options_of(statistic=statistic, numerator=numerator, denominator=denominator, rate=rate,
                          multiplier=multiplier, kind=kind, years=years)
    return _rs.funnel_limits(_columns(data, options), options)


def significance(
    data: FrameLike,
    statistic: Statistic,
    numerator: str,
    denominator: Optional[str] = None,
    *,
    rate: Optional[str] = None,
    multiplier: Optional[float] = None,
    kind: Optional[Kind] = None,
) -> pl.DataFrame:
    """The table with a ``significance`` column: ``High (0.001)``, ``High (0.025)``,
    ``Low (0.001)``, ``Low (0.025)`` or ``Not significant`` against the average of
    all units (DSRs with fewer than 10 events: ``Not applicable for events less
    than 10 for dsrs``). Arguments as for :func:`limits`.
    """
    options = _options_of(statistic=statistic, numerator=numerator, denominator=denominator, rate=rate,
                          multiplier=multiplier, kind=kind, years=None)
    return _rs.funnel_significance(_checked(data, options), options)


def points(
    data: FrameLike,
    numerator: str,
    rate: str,
    *,
    denominator: Optional[str] = None,
    multiplier: float = 100_000,
    kind: Kind = "crude",
    years: float = 1,
) -> pl.DataFrame:
    """Rates: the points to draw on a funnel, ``rate_chart`` (null for DSRs below
    10 events) and ``denominator_derived`` (the one-year population)."""
    options = _options_of(statistic="rate", numerator=numerator, denominator=denominator, rate=rate,
                          multiplier=multiplier, kind=kind, years=years)
    return _rs.funnel_points(_checked(data, options), options)
