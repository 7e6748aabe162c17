"""Argument handling shared by the record-level indicators: dates, periods
and whole numbers, each checked with a clear error."""

from __future__ import annotations

import datetime as dt
from typing import Optional, Union

from ._indikator import ArgumentError, Period

DateLike = Union[dt.date, str]
PeriodLike = Union[str, int, Period]


def date(value: Optional[DateLike], argument: str) -> Optional[dt.date]:
    """A date from a date, datetime or ISO string; ``None`` stays ``None``."""
    return None if value is None else day(value, argument)


def day(value: DateLike, argument: str) -> dt.date:
    """A date from a date, datetime or ISO string (a date that must be given)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ArgumentError(
            f"argument `{argument}`: a date or an ISO date string such as '2024-08-31'; got {value!r}"
        ) from None


def period(value: PeriodLike, argument: str = "period") -> str:
    """A period as text for the Rust parser ("2024", "T2 2024", "jan–aug 2024", an ik.Period)."""
    if isinstance(value, Period):
        return value.iso
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ArgumentError(f"argument `{argument}`: a period such as '2024', 'T2 2024' or an ik.Period; got {value!r}")
    return str(value)


def whole(value: object, argument: str) -> int:
    """A whole number of 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ArgumentError(f"argument `{argument}`: must be a whole number of 0 or more; got {value!r}")
    return value
