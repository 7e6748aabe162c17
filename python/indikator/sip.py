"""SIP, samordnad individuell plan: plans established in a period, children
and young people apart from adults, and the change against the same period
last year (the plans' target: "ökat antal jämfört med föregående år").

Plans have the columns ``plan_id``, ``established`` (date), ``birth_date``
(or, when the frame has no birth-date column, ``age`` at establishment),
``status`` (read only with ``exclude_statuses``) and any group columns
(``kommun``). A plan with several rows (status changes) is counted once,
at its earliest establishment date. Children are younger than
``age_limit``: 18 by the law's child definition; the region's child
collaboration (Jämtbus) counts 0–20, ``age_limit=21``.

Examples
--------
>>> import datetime as dt, polars as pl, indikator as ik
>>> plans = pl.DataFrame({"plan_id": [1, 2, 2, 3, 4],
...     "established": [dt.date(2024, 2, 1), dt.date(2024, 3, 1), dt.date(2024, 3, 1),
...                     dt.date(2023, 8, 1), dt.date(2023, 6, 1)],
...     "age": [12, 45, 45, 16, 50], "kommun": ["Krokom"] * 5})
>>> ik.sip.counts(plans, period="H1 2024", by="kommun").select("age_group", "value").rows()
[('barn och unga', 1.0), ('vuxna', 1.0)]
>>> ik.sip.change(plans, period="H1 2024", by="kommun").select("age_group", "previous_value", "rating").rows()
[('barn och unga', 0.0, 'fulfilled'), ('vuxna', 1.0, 'not fulfilled')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, Optional

import polars as pl

from . import _indikator as _rs
from . import _options
from ._frames import ColumnsLike, FrameLike, as_frame, as_list
from ._options import ConfidenceLike as Confidence
from ._options import SipOptions
from ._records import PeriodLike, whole
from ._records import period as _period

__all__ = ["change", "counts", "quality"]

Invalid = Literal["error", "exclude"]


def _options_of(
    *, period: PeriodLike, per: Optional[str], by: ColumnsLike, age_limit: int, exclude_statuses: Sequence[str],
    invalid: Invalid, confidence: Confidence, columns: Optional[Mapping[str, str]],
) -> SipOptions:
    """The options of every output, checked and normalised."""
    return {
        "common": _options.care(by, invalid, confidence),
        "period": _period(period),
        "per": per,
        "age_limit": whole(age_limit, "age_limit"),
        "exclude_statuses": as_list(list(exclude_statuses), "exclude_statuses"),
        "columns": _options.columns(columns, "columns"),
    }


def counts(
    plans: FrameLike, *, period: PeriodLike, per: Optional[str] = None, by: ColumnsLike = None,
    age_limit: int = 18, exclude_statuses: Sequence[str] = (), invalid: Invalid = "error",
    confidence: Confidence = 0.95, columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """Plans established per group, ``age_group`` and ``period`` (the whole
    period, or its months/tertials/half-years with ``per``): ``numerator``
    and ``value`` (the count) with Poisson limits. Every group seen gets both
    age groups and every sub-period, zero when empty."""
    options = _options_of(period=period, per=per, by=by, age_limit=age_limit, exclude_statuses=exclude_statuses,
                          invalid=invalid, confidence=confidence, columns=columns)
    return _rs.sip_counts(as_frame(plans, "plans"), options)


def change(
    plans: FrameLike, *, period: PeriodLike, per: Optional[str] = None, by: ColumnsLike = None,
    age_limit: int = 18, exclude_statuses: Sequence[str] = (), invalid: Invalid = "error",
    columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The counts against the same period a year earlier, in the output
    schema of :func:`counts` with what :func:`indikator.compare` adds
    (``previous_period``, ``previous_value``, ``previous_lower``,
    ``previous_upper``, ``vs_previous``), ``difference``, ``change_percent``
    (null when the previous count is 0) and the target "ökat antal" rated as
    :func:`indikator.assess` rates: ``rating`` (``fulfilled`` / ``not
    fulfilled``; unchanged does not meet it), ``rating_sv``, ``colour``,
    ``rule``, ``missing_reason``. A year before the first plan has no
    counts: not compared, not rated, never zero."""
    options = _options_of(period=period, per=per, by=by, age_limit=age_limit, exclude_statuses=exclude_statuses,
                          invalid=invalid, confidence=0.95, columns=columns)
    return _rs.sip_change(as_frame(plans, "plans"), options)


def quality(
    plans: FrameLike, *, period: PeriodLike, age_limit: int = 18, exclude_statuses: Sequence[str] = (),
    invalid: Invalid = "error", columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The data-quality table (``rule``, ``count``): plans, plans with
    several rows, rows disagreeing on the date, excluded statuses and rows."""
    options = _options_of(period=period, per=None, by=None, age_limit=age_limit, exclude_statuses=exclude_statuses,
                          invalid=invalid, confidence=0.95, columns=columns)
    return _rs.sip_quality(as_frame(plans, "plans"), options)
