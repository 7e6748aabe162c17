"""Readmission within 30 days of older people, from one row per inpatient
stay: of the discharges alive of patients aged 65+, the share followed by a
new admission within 30 days, for any cause.

Stays have the columns ``patient_id``, ``admitted``, ``discharged`` (dates
or datetimes, read as calendar days; null while admitted), ``age`` (at
admission), ``discharge_type`` (``discharge_type=False`` when not recorded)
and, for ``acute_only``, ``acute``. A stay admitted on or before the day
another ended, or on the day after a discharge to another hospital (a
``discharge_type`` in ``transferred``), is a transfer and joined into one
stay (``merge_transfers``): the chain's last discharge is the index discharge.
Day 30 after the discharge counts, day 31 does not; a readmission is itself
an index stay, so chains count at every link. ``follow_up_incomplete``
counts index stays whose 30 days pass the latest admission in the data.

Examples
--------
>>> import datetime as dt, polars as pl, indikator as ik
>>> d = lambda m, day: dt.date(2013, m, day)
>>> stays = pl.DataFrame({"patient_id": ["a", "a", "b", "c"],
...     "admitted": [d(3, 1), d(4, 5), d(3, 2), d(5, 2)],
...     "discharged": [d(3, 6), d(4, 9), d(3, 8), d(5, 9)],
...     "age": [81, 81, 77, 70], "sex": ["K", "K", "M", "M"], "discharge_type": ["home"] * 4})
>>> out = ik.readmission.share(stays, period="2013", by="sex", as_of="2014-01-01")
>>> out.select("sex", "numerator", "denominator").rows()
[('K', 1.0, 2.0), ('M', 0.0, 2.0)]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, Optional

import polars as pl

from . import _indikator as _rs
from . import _options
from ._frames import ColumnsLike, FrameLike, as_frame, as_list
from ._indikator import ArgumentError
from ._options import ConfidenceLike as Confidence
from ._options import ReadmissionOptions
from ._records import DateLike, PeriodLike, date, whole
from ._records import period as _period

__all__ = ["quality", "share", "stays"]

Invalid = Literal["error", "exclude"]
_DIED = ("died", "död", "avliden")
_TRANSFERRED = ("transfer", "annat sjukhus", "överflyttad")


def _options_of(
    *, period: PeriodLike, per: Optional[str], by: ColumnsLike, min_age: float, days: int, acute_only: bool,
    merge_transfers: bool, died: Sequence[str], transferred: Sequence[str], discharge_type: bool,
    as_of: Optional[DateLike], invalid: Invalid, confidence: Confidence, columns: Optional[Mapping[str, str]],
) -> ReadmissionOptions:
    """The options of every output, checked and normalised."""
    if isinstance(min_age, bool) or not isinstance(min_age, (int, float)):
        raise ArgumentError(f"argument `min_age`: an age in years; got {min_age!r}")
    return {
        "common": _options.care(by, invalid, confidence),
        "period": _period(period),
        "per": per,
        "min_age": float(min_age),
        "days": whole(days, "days"),
        "acute_only": bool(acute_only),
        "merge_transfers": bool(merge_transfers),
        "died": as_list(list(died), "died"),
        "transferred": as_list(list(transferred), "transferred"),
        "as_of": date(as_of, "as_of"),
        "columns": _options.columns(columns, "columns"),
        "discharge_type": bool(discharge_type),
    }


def share(
    stays: FrameLike, *, period: PeriodLike, per: Optional[str] = None, by: ColumnsLike = None,
    min_age: float = 65, days: int = 30, acute_only: bool = False, merge_transfers: bool = True,
    died: Sequence[str] = _DIED, transferred: Sequence[str] = _TRANSFERRED, discharge_type: bool = True,
    as_of: Optional[DateLike] = None, invalid: Invalid = "error", confidence: Confidence = 0.95,
    columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The share readmitted per group (and ``period`` with ``per="month"``):
    ``numerator`` (index stays followed by a readmission), ``denominator``
    (index stays), ``value`` (percent) with Wilson limits, ``status`` and
    ``follow_up_incomplete``."""
    options = _options_of(period=period, per=per, by=by, min_age=min_age, days=days, acute_only=acute_only,
                          merge_transfers=merge_transfers, died=died, transferred=transferred,
                          discharge_type=discharge_type, as_of=as_of, invalid=invalid, confidence=confidence,
                          columns=columns)
    return _rs.readmission_share(as_frame(stays, "stays"), options)


def stays(
    stays: FrameLike, *, period: PeriodLike, per: Optional[str] = None, by: ColumnsLike = None,
    min_age: float = 65, days: int = 30, acute_only: bool = False, merge_transfers: bool = True,
    died: Sequence[str] = _DIED, transferred: Sequence[str] = _TRANSFERRED, discharge_type: bool = True,
    as_of: Optional[DateLike] = None, invalid: Invalid = "error",
    columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """One row per index stay (transfers joined): groups, ``patient_id``,
    ``admitted``, ``discharged``, ``age``, ``readmitted``,
    ``days_to_readmission``, ``follow_up_incomplete``. Holds patient ids:
    for analysis, not for publication."""
    options = _options_of(period=period, per=per, by=by, min_age=min_age, days=days, acute_only=acute_only,
                          merge_transfers=merge_transfers, died=died, transferred=transferred,
                          discharge_type=discharge_type, as_of=as_of, invalid=invalid, confidence=0.95,
                          columns=columns)
    return _rs.readmission_stays(as_frame(stays, "stays"), options)


def quality(
    stays: FrameLike, *, period: PeriodLike, min_age: float = 65, days: int = 30, acute_only: bool = False,
    merge_transfers: bool = True, died: Sequence[str] = _DIED, transferred: Sequence[str] = _TRANSFERRED,
    discharge_type: bool = True, as_of: Optional[DateLike] = None, invalid: Invalid = "error",
    columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The data-quality table (``rule``, ``count``): stays read, excluded,
    transfers joined, discharges in the period, too young, died, index
    stays, and those with incomplete follow-up."""
    options = _options_of(period=period, per=None, by=None, min_age=min_age, days=days, acute_only=acute_only,
                          merge_transfers=merge_transfers, died=died, transferred=transferred,
                          discharge_type=discharge_type, as_of=as_of, invalid=invalid, confidence=0.95,
                          columns=columns)
    return _rs.readmission_quality(as_frame(stays, "stays"), options)
