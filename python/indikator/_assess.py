"""Comparisons, trends and ratings of result tables: thin wrappers over the Rust core."""

from __future__ import annotations

from typing import Literal, Optional, Union

import polars as pl

from . import _indikator as _rs
from ._frames import ColumnsLike, FrameLike, as_frame, as_list, column_name
from ._indikator import ArgumentError, Assessment, Period, Target
from ._options import PreviousOptions, TrendOptions

PolarityLike = Literal["high_is_good", "low_is_good", "no_judgement"]
BenchmarkLike = Union[float, int, str, pl.DataFrame, pl.LazyFrame, None]


def compare(
    result: FrameLike,
    *,
    benchmark: BenchmarkLike = None,
    previous: Optional[FrameLike] = None,
    on: ColumnsLike = None,
    period: Optional[str] = None,
    polarity: PolarityLike = "no_judgement",
    level: Optional[float] = None,
) -> pl.DataFrame:
    """Compare a result table with a benchmark and/or the same period a year earlier.

    Against a ``benchmark`` (riket, the region): ``similar`` when the
    benchmark lies inside the confidence interval, else ``better``/``worse``
    by ``polarity`` (``higher``/``lower`` with ``"no_judgement"``). With
    both 95 % and 99.8 % limits the answer has five levels: the column
    ``vs_benchmark_level`` says at which level the difference is
    significant. Adds ``benchmark``, ``vs_benchmark``, ``vs_benchmark_level``.

    Against the same period a year earlier (``previous``, a table of the
    same shape, or the same table holding both years): each row finds the
    row of the same month, tertial, delår, year or window one year before,
    by its time column (``period``, ``year``, ``snapshot`` or ``end``, or the
    one named by ``period``), whatever the form of its labels ("T1 2024",
    "2024-T1"). Overlapping intervals mean ``similar`` (no significant
    change). Adds ``previous_period``, ``previous_value``,
    ``previous_lower``, ``previous_upper``, ``vs_previous``.

    Parameters
    ----------
    result : polars.DataFrame or polars.LazyFrame
        A table in the output schema (``value`` and limits).
    benchmark : float, str or DataFrame, optional
        One value for every row, the name of a column of ``result``, or a
        table whose ``value`` column is matched on the ``on`` columns.
    previous : polars.DataFrame or polars.LazyFrame, optional
        The same indicator for the previous period.
    on : str, pl.col or list of them, optional
        Group columns matching rows of ``result`` to ``benchmark``/``previous``
        (the time column is matched by time).
    period : str, optional
        The time column, when it is none of ``period``, ``year``, ``snapshot``, ``end``.
    polarity : {"high_is_good", "low_is_good", "no_judgement"}
    level : float, optional
        The confidence level of single ``lower``/``upper`` columns in a table
        without a ``confidence`` column (every result of this library has one).

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> t = ik.proportion(pl.DataFrame({"x": [40], "n": [50]}), "x", "n", multiplier=100)
    >>> ik.compare(t, benchmark=95.0, polarity="high_is_good")["vs_benchmark"].to_list()
    ['worse']

    The same month a year earlier, from one monthly table of two years:

    >>> months = pl.DataFrame({"period": ["2023-01", "2024-01"], "x": [40, 70], "n": [100, 100]})
    >>> shares = ik.proportion(months, "x", "n", by="period", multiplier=100)
    >>> ik.compare(shares, previous=shares).select("period", "previous_period", "vs_previous").row(1)
    ('2024-01', '2023-01', 'higher')
    """
    if benchmark is None and previous is None:
        raise ArgumentError("argument `benchmark`: give a benchmark, a previous period, or both; got neither")
    keys = as_list(on, "on")
    out = as_frame(result, "result")
    if benchmark is not None:
        if isinstance(benchmark, bool):
            raise ArgumentError(f"argument `benchmark`: must be a number, a column name or a table; got {benchmark!r}")
        value: Union[float, str, pl.DataFrame]
        if isinstance(benchmark, (int, float)):
            value = float(benchmark)
        elif isinstance(benchmark, str):
            value = benchmark
        else:
            value = as_frame(benchmark, "benchmark")
        out = _rs.compare_benchmark(out, {"benchmark": value, "on": keys, "polarity": polarity, "level": level})
    if previous is not None:
        time = None if period is None else column_name(period, "period")
        options: PreviousOptions = {"on": keys, "time": time, "polarity": polarity, "level": level}
        out = _rs.compare_previous(out, as_frame(previous, "previous"), options)
    return out


def trend(
    series: FrameLike,
    time: str = "period",
    *,
    by: ColumnsLike = None,
    points: int = 5,
    polarity: PolarityLike = "no_judgement",
    level: Optional[float] = None,
) -> pl.DataFrame:
    """The recent trend of each group (the method of the UK Fingertips platform).

    An inverse-variance weighted regression over the latest ``points`` rows
    (standard errors from the limits), tested with χ² on one degree of freedom
    against 9.5495 (99.8 %); significant only if the slope keeps its sign when
    any one point is left out.

    The ``time`` column holds years (numbers), dates, or period labels of
    any kind ("2019–2023", "T1 2024", "2024-03"), ordered as periods.

    Returns one row per group: ``points``, ``from``, ``to``, ``slope`` (per
    unit of ``time``; per year for dates and periods), ``chi_square``, ``trend`` (``increasing``,
    ``decreasing``, ``no significant change``, or null with the reason in
    ``status``) and ``vs_trend`` (judged by ``polarity``).

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> s = pl.DataFrame({"year": [2014, 2015, 2016, 2017, 2018],
    ...                   "value": [24.67, 24.6, 28.0, 30.2, 30.6],
    ...                   "lower": [23.16, 23.15, 26.44, 28.63, 28.98],
    ...                   "upper": [26.25, 26.19, 29.64, 31.9, 32.25]})
    >>> ik.trend(s, "year", level=0.95, polarity="low_is_good").select("trend", "vs_trend").row(0)
    ('increasing', 'worse')
    """
    if isinstance(points, bool) or not isinstance(points, int):
        raise ArgumentError(f"argument `points`: must be a whole number (at least 3); got {points!r}")
    if points < 3:
        raise ArgumentError(f"argument `points`: a trend needs at least 3 points; got {points}")
    options: TrendOptions = {
        "time": column_name(time, "time"), "by": as_list(by), "points": points, "polarity": polarity, "level": level,
    }
    return _rs.trend(as_frame(series, "series"), options)


def assess(
    result: FrameLike,
    target: Target,
    *,
    unit: Optional[str] = None,
) -> Union[pl.DataFrame, Assessment]:
    """Rate a result table against a target.

    Each row is rated: ``rating`` (``fulfilled``, ``partly``, ``not fulfilled``
    or null), ``rating_sv`` (uppfylld / delvis uppfylld / ej uppfylld, or the
    reason the value is missing), ``colour``, ``rule`` ("minst 90 % — utfall
    84 %") and ``missing_reason``. Direction targets read ``previous_value``
    (see :func:`compare`), relative targets ``baseline_value``; yes/no,
    status and qualitative targets read a text ``value`` column.

    An every-unit target (``Target.every_unit``) rates the whole table, one
    row per unit named by ``unit``, and returns one :class:`Assessment`.

    A months target (``Target.months``) rates the whole table as one monthly
    series (a result by ``period`` of months over two years, e.g.
    :func:`indikator.drugs.share`): one row per month of the target, the
    month against the same month a year earlier (``estimate``, ``lower``,
    ``upper``: the difference of two proportions with Newcombe's hybrid
    score interval, or the rate ratio with the exact conditional interval
    for rates and counts; ``direction``, ``qualifies``, ``note``), each with
    the whole series' rating. A month without a value counts as not
    significant; a series that does not reach back a year is not measurable.

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> t = pl.DataFrame({"kommun": ["Berg", "Åre"], "value": [92.0, 84.0]})
    >>> ik.assess(t, ik.Target.at_least(90, unit="%"))["rating"].to_list()
    ['fulfilled', 'not fulfilled']
    >>> ik.assess(t, ik.Target.every_unit(ik.Target.at_least(90, unit="%")), unit="kommun").rating
    'partly'
    >>> months = [f"{y}-{m:02}" for y in (2023, 2024) for m in range(1, 13)]
    >>> series = ik.proportion(pl.DataFrame({"period": months, "x": [100] * 12 + [70] * 12, "n": [1000] * 24}),
    ...                        "x", "n", by="period", multiplier=100)
    >>> rated = ik.assess(series, ik.Target.months(4, 6, "decrease", from_month=4))
    >>> rated.select("period", "direction", "rating").row(0), rated.height
    (('2024-04', 'lower', 'fulfilled'), 6)
    """
    if not isinstance(target, Target):
        raise ArgumentError(f"argument `target`: must be an ik.Target; got {type(target).__name__}")
    frame = as_frame(result, "result")
    if unit is not None:
        return _rs.assess_units(frame, unit, target)
    return _rs.assess(frame, target)


def ratings_by_perspective(ratings: FrameLike) -> pl.DataFrame:
    """Count ratings per perspective (Samhälle, Patient, Medarbetare,
    Verksamhetsresultat) for the pie chart, from the columns ``perspective``
    and ``rating``. The report's long table (``Report.table``) is taken as
    it comes: each indicator's own row (the report period, whole region)
    is counted.

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> r = pl.DataFrame({"perspective": ["Patient", "Patient"], "rating": ["fulfilled", None]})
    >>> ik.ratings_by_perspective(r).filter(pl.col("perspective") == "Patient").row(0)
    ('Patient', 1, 0, 0, 1)
    """
    return _rs.ratings_by_perspective(as_frame(ratings, "ratings"))


__all__ = ["Assessment", "Period", "Target", "assess", "compare", "ratings_by_perspective", "trend"]
