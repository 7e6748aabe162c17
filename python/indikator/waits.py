"""Vårdgaranti: waiting times against the care guarantee, from one row per
referral or decision.

The law's limits (0–3–90–90 since 2019, 0–7–90–90 before; BUP 30 + 30) are
the default, by the kind of wait in the ``kind`` column:
``primary_contact``, ``primary_assessment``, ``first_visit``, ``treatment``,
``bup_assessment``, ``bup_in_depth``. ``limits={"first_visit": 60}`` sets
another limit (the plans' 60-day rule) or adds a kind.

Two measures, as the national statistics: ``"completed"`` (genomförda: the
waits completed in the period, from decision to completion) and
``"waiting"`` (väntande: those still waiting at each month end of the
period, from decision to the snapshot). Waits are calendar days; exactly the
limit is within. PVV (patient-chosen) and MOV (medically caused) waits leave
the share by default and are reported as their own counts and shares.

Records have the columns ``decided``, ``completed`` (null while waiting),
``kind``, ``pvv``, ``mov`` (booleans or 0/1; ``pvv=None``/``mov=None`` when
not recorded); map other names with ``columns={"decided": "beslutsdatum"}``.
Completion before decision, dates after ``as_of`` and unknown kinds are
errors, or with ``invalid="exclude"`` left out and counted in
:func:`quality`.

Examples
--------
>>> import datetime as dt, polars as pl, indikator as ik
>>> referrals = pl.DataFrame({
...     "decided": [dt.date(2024, 1, 2), dt.date(2024, 1, 10), dt.date(2024, 2, 1)],
...     "completed": [dt.date(2024, 3, 1), dt.date(2024, 4, 20), dt.date(2024, 3, 2)],
...     "kind": ["first_visit"] * 3, "pvv": [False, False, True], "mov": [False] * 3})
>>> out = ik.waits.fulfilment(referrals, period="T1 2024", as_of="2024-09-01")
>>> out.select("numerator", "denominator", "value", "pvv").row(0)
(1.0, 2.0, 50.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, Optional

import polars as pl

from . import _indikator as _rs
from . import _options
from ._frames import ColumnsLike, FrameLike, as_frame, as_list
from ._options import ConfidenceLike as Confidence
from ._options import WaitsOptions
from ._records import DateLike, PeriodLike, date, day, whole
from ._records import period as _period

__all__ = ["distribution", "fulfilment", "quality", "reporting_rate", "summarise_months", "summary"]

Measure = Literal["completed", "waiting"]
Invalid = Literal["error", "exclude"]
_BINS = (30, 60, 90)


def _options_of(
    *, period: PeriodLike, measure: Measure, snapshots: Optional[Sequence[DateLike]], per: Optional[str],
    by: ColumnsLike, limits: Optional[Mapping[str, int]], exclude_pvv: bool, exclude_mov: bool,
    bins: Sequence[int], as_of: Optional[DateLike], invalid: Invalid, confidence: Confidence,
    columns: Optional[Mapping[str, str]], pvv: bool, mov: bool,
) -> WaitsOptions:
    """The options of every output, checked and normalised."""
    limits = dict(limits or {})
    for kind, days in limits.items():
        whole(days, f"limits[{kind!r}]")
    return {
        "common": _options.care(by, invalid, confidence),
        "period": _period(period),
        "measure": measure,
        "snapshots": None if snapshots is None else [day(s, "snapshots") for s in snapshots],
        "per": per,
        "limits": limits,
        "exclude_pvv": bool(exclude_pvv),
        "exclude_mov": bool(exclude_mov),
        "bins": [whole(b, "bins") for b in bins],
        "as_of": date(as_of, "as_of"),
        "columns": _options.columns(columns, "columns"),
        "pvv": bool(pvv),
        "mov": bool(mov),
    }


def fulfilment(
    records: FrameLike, *, period: PeriodLike, measure: Measure = "completed",
    snapshots: Optional[Sequence[DateLike]] = None, per: Optional[str] = None,
    by: ColumnsLike = None, limits: Optional[Mapping[str, int]] = None,
    exclude_pvv: bool = True, exclude_mov: bool = True, pvv: bool = True, mov: bool = True,
    as_of: Optional[DateLike] = None, invalid: Invalid = "error",
    confidence: Confidence = 0.95, columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The share of waits within the limit per group.

    Columns: the ``by`` groups (with ``snapshot`` for the waiting measure, or
    ``period`` with ``per="month"`` etc. for the completed one), ``numerator``
    (within the limit), ``denominator`` (waits counted), ``value`` (percent)
    with Wilson limits, ``status``, ``records`` (all waits measured), ``pvv``,
    ``pvv_share``, ``mov``, ``mov_share`` (percent of ``records``),
    ``median_days``, what the share pools: ``kinds`` (the kinds of wait, e.g.
    ``"first_visit, treatment"``) and ``limit_days`` (the limit of each, in
    the same order), then ``confidence``, ``statistic``, ``method``.
    ``as_of`` is the extraction date (default today): a period ending after
    it, or outside the records' dates, is an error, never a share of
    nothing. ``limits`` names kinds of the law or of the records (a
    misspelt kind is an error listing them). ``pvv=False``/``mov=False`` say
    the flag is not recorded."""
    options = _options_of(period=period, measure=measure, snapshots=snapshots, per=per, by=by, limits=limits,
                          exclude_pvv=exclude_pvv, exclude_mov=exclude_mov, bins=_BINS, as_of=as_of,
                          invalid=invalid, confidence=confidence, columns=columns, pvv=pvv, mov=mov)
    return _rs.waits_fulfilment(as_frame(records, "records"), options)


def distribution(
    records: FrameLike, *, period: PeriodLike, measure: Measure = "completed", bins: Sequence[int] = _BINS,
    snapshots: Optional[Sequence[DateLike]] = None, per: Optional[str] = None,
    by: ColumnsLike = None, exclude_pvv: bool = True, exclude_mov: bool = True,
    pvv: bool = True, mov: bool = True, as_of: Optional[DateLike] = None,
    invalid: Invalid = "error", confidence: Confidence = 0.95,
    columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The waits counted in bins of days (default 0–30, 31–60, 61–90, > 90):
    a ``bin`` column, ``numerator`` (waits in the bin), ``denominator``
    (waits counted in the group) and ``value`` (percent) with Wilson limits.
    Every bin has a row, empty ones with 0.

    >>> import datetime as dt, polars as pl, indikator as ik
    >>> r = pl.DataFrame({"decided": [dt.date(2024, 1, 1)] * 2,
    ...     "completed": [dt.date(2024, 1, 31), dt.date(2024, 6, 1)], "kind": ["first_visit"] * 2})
    >>> ik.waits.distribution(r, period="2024", pvv=False, mov=False, as_of="2025-01-01")["numerator"].to_list()
    [1.0, 0.0, 0.0, 1.0]
    """
    options = _options_of(period=period, measure=measure, snapshots=snapshots, per=per, by=by, limits=None,
                          exclude_pvv=exclude_pvv, exclude_mov=exclude_mov, bins=bins, as_of=as_of,
                          invalid=invalid, confidence=confidence, columns=columns, pvv=pvv, mov=mov)
    return _rs.waits_distribution(as_frame(records, "records"), options)


def summary(
    records: FrameLike, *, period: PeriodLike, measure: Measure = "completed",
    snapshots: Optional[Sequence[DateLike]] = None, by: ColumnsLike = None,
    limits: Optional[Mapping[str, int]] = None, exclude_pvv: bool = True, exclude_mov: bool = True,
    pvv: bool = True, mov: bool = True, as_of: Optional[DateLike] = None,
    invalid: Invalid = "error", confidence: Confidence = 0.95,
    columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The fulfilment over the period from its monthly series, both ways
    (see :func:`summarise_months`): the ``"pooled share"`` and the
    ``"mean of monthly shares"``, told apart by the ``summary`` column."""
    options = _options_of(period=period, measure=measure, snapshots=snapshots, per=None, by=by, limits=limits,
                          exclude_pvv=exclude_pvv, exclude_mov=exclude_mov, bins=_BINS, as_of=as_of,
                          invalid=invalid, confidence=confidence, columns=columns, pvv=pvv, mov=mov)
    return _rs.waits_summary(as_frame(records, "records"), options)


def summarise_months(
    monthly: FrameLike, *, month: str = "period", by: ColumnsLike = None,
    confidence: Confidence = 0.95,
) -> pl.DataFrame:
    """Two summaries of a monthly series of shares (``numerator``,
    ``denominator``, ``value`` per month), one row each per group:

    - ``"pooled share"``: all numerators over all denominators, Wilson limits;
    - ``"mean of monthly shares"``: the plain mean of the monthly percentages
      (how the plan reported BUP January–August 2018 as 63,5 %), with
      Student-t limits over the months; a small month weighs like a large one.

    >>> import polars as pl, indikator as ik
    >>> bup = pl.DataFrame({"period": [f"2018-{m:02}" for m in range(1, 9)],
    ...     "numerator": [19, 63, 73, 13, 30, 41, 9, 37], "denominator": [50, 100, 100, 20, 50, 50, 10, 100],
    ...     "value": [38.0, 63.0, 73.0, 65.0, 60.0, 82.0, 90.0, 37.0]})
    >>> s = ik.waits.summarise_months(bup)
    >>> [(k, round(v, 2)) for k, v in s.select("summary", "value").iter_rows()]
    [('pooled share', 59.38), ('mean of monthly shares', 63.5)]
    """
    options: _options.MonthsOptions = {"by": as_list(by), "month": month, "confidence": confidence}
    return _rs.summarise_months(as_frame(monthly, "monthly"), options)


def reporting_rate(
    reports: FrameLike, *, expected: Sequence[str], unit: str = "unit", period: str = "period",
    periods: Optional[Sequence[str]] = None, rule: float = 95.0, confidence: Confidence = 0.95,
) -> pl.DataFrame:
    """Svarsfrekvens: per period, the share of the ``expected`` units with at
    least one row, against the rule (≥ 95 %): ``numerator``, ``denominator``,
    ``value``, limits, ``meets_rule``, ``missing_units`` and ``other_units``
    (reporting but not expected). ``periods`` gives every expected period a
    row, even one with no report.

    >>> import polars as pl, indikator as ik
    >>> reports = pl.DataFrame({"period": ["2024-01", "2024-01", "2024-02"], "unit": ["A", "B", "A"]})
    >>> ik.waits.reporting_rate(reports, expected=["A", "B"]).select("period", "value", "meets_rule").rows()
    [('2024-01', 100.0, True), ('2024-02', 50.0, False)]
    """
    options: _options.ReportingRateOptions = {
        "unit": unit, "period": period, "expected": as_list(expected, "expected"),
        "periods": None if periods is None else as_list(periods, "periods"), "rule": float(rule),
        "confidence": confidence,
    }
    return _rs.reporting_rate(as_frame(reports, "reports"), options)


def quality(
    records: FrameLike, *, period: PeriodLike, measure: Measure = "completed",
    snapshots: Optional[Sequence[DateLike]] = None, limits: Optional[Mapping[str, int]] = None,
    exclude_pvv: bool = True, exclude_mov: bool = True, pvv: bool = True, mov: bool = True,
    as_of: Optional[DateLike] = None, invalid: Invalid = "error",
    columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The data-quality table (``rule``, ``count``): records read, excluded by
    each rule (with ``invalid="exclude"``), measured, and the PVV/MOV waits."""
    options = _options_of(period=period, measure=measure, snapshots=snapshots, per=None, by=None, limits=limits,
                          exclude_pvv=exclude_pvv, exclude_mov=exclude_mov, bins=_BINS, as_of=as_of,
                          invalid=invalid, confidence=0.95, columns=columns, pvv=pvv, mov=mov)
    return _rs.waits_quality(as_frame(records, "records"), options)
