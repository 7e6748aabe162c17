"""Argument handling shared by the record-level indicators: column-name
mappings, dates, periods and whole numbers, each checked with a clear error."""

from __future__ import annotations

import datetime as dt
from typing import Mapping, Optional, Sequence, Union

from ._indikator import ArgumentError, Period

DateLike = Union[dt.date, str]
PeriodLike = Union[str, int, Period]


def names(defaults: Sequence[str], given: Optional[Mapping[str, str]], argument: str) -> list[str]:
    """The column names of each role: the defaults, with the caller's mapping applied."""
    given = dict(given or {})
    unknown = sorted(set(given) - set(defaults))
    if unknown:
        raise ArgumentError(f"argument `{argument}`: unknown roles {unknown}; the roles are {list(defaults)}")
    for role, name in given.items():
        if not isinstance(name, str):
            raise ArgumentError(f"argument `{argument}`: the column of {role!r} must be a string; got {name!r}")
    return [given.get(d, d) for d in defaults]


def date(value: Optional[DateLike], argument: str) -> Optional[dt.date]:
    """A date from a date, datetime or ISO string; ``None`` stays ``None``."""
    if value is None:
        return None
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
