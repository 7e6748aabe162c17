"""Continuity of care in primary care over visit records and listings.

The national definition (Primärvårdskvalitet): the Bice–Boxerman COC of
patients listed on ``end`` with at least ``min_visits`` (3) visits in the
``window_months`` (18) ending at ``end``, counting only visits at the unit
where the patient is listed on ``end``, for doctors ("läkare"; ``professions=None``
counts all staff). UPC, SECON, MMCI and Herfindahl are computed too. SECON
follows the visits in time; visits at the same time (the same day, when the
dates carry no time of day) are taken in the order of their clinician ids,
so no index depends on the order of the rows.

A ``pl.LazyFrame`` of visits (e.g. ``pl.scan_parquet`` of national files) is
read with the streaming engine: only the needed columns of the visits inside
the window are loaded. Visits have the columns ``patient_id``,
``clinician_id``, ``profession``, ``unit``, ``date`` (and ``contact_type``, ``diagnosis`` when filtering on
them); listings ``patient_id``, ``unit``, ``listed_from``, ``listed_to``
(null while listed) and any group columns. Map other names with
``visit_columns={"patient_id": "pid", ...}`` and ``listing_columns``.

Examples
--------
>>> import datetime as dt, polars as pl, indikator as ik
>>> day = lambda m: dt.date(2024, m, 10)
>>> visits = pl.DataFrame({"patient_id": ["p1"] * 4 + ["p2"] * 3,
...     "clinician_id": ["A", "A", "A", "B", "A", "B", "C"], "profession": ["läkare"] * 7,
...     "unit": ["HC Lit"] * 7, "date": [day(m) for m in (1, 2, 3, 4, 1, 2, 3)]})
>>> listings = pl.DataFrame({"patient_id": ["p1", "p2"], "unit": ["HC Lit"] * 2,
...     "listed_from": [dt.date(2020, 1, 1)] * 2, "listed_to": [None, None]})
>>> ik.continuity.patients(visits, listings, end="2024-08-31")["coc"].to_list()
[0.5, 0.0]
>>> ik.continuity.coc(visits, listings, end="2024-08-31", by="unit")["value"].to_list()
[0.25]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Literal, Optional

import polars as pl

from . import _indikator as _rs
from . import _options
from ._frames import ColumnsLike, FrameLike, as_frame, as_list
from ._options import ContinuityOptions, RollingOptions
from ._records import DateLike, day, whole

Index = Literal["coc", "upc", "secon", "mmci", "herfindahl"]
Polarity = Literal["high_is_good", "low_is_good", "no_judgement"]

__all__ = ["coc", "patients", "quality", "rolling"]


def _months_before(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def _visits_in_windows(visits: FrameLike, columns: list[str], day: str, earliest_end: dt.date, end: dt.date,
                       window_months: int) -> FrameLike:
    """A lazy frame of visits narrowed to the needed columns and to the dates
    of the windows (a superset, by the visit date column ``day``; the Rust core
    applies the exact window), so a
    ``pl.scan_parquet`` of national visit files is read with the streaming
    engine and never held whole in memory. Frames whose columns are missing
    or mistyped are passed on unchanged for the core to name the problem."""
    if not isinstance(visits, pl.LazyFrame):
        return visits
    schema = visits.collect_schema()
    if day not in schema or not isinstance(schema[day], (pl.Date, pl.Datetime)):
        return visits
    first = _months_before(earliest_end, window_months + 1)
    return (
        visits.select([c for c in dict.fromkeys(columns) if c in schema])
        .filter(pl.col(day).cast(pl.Date).is_between(first, end))
        .collect(engine="streaming")
    )


def _options_of(
    *, end: DateLike, window_months: int, min_visits: int, at_listing_unit: bool,
    professions: Optional[Sequence[str]], contact_types: Optional[Sequence[str]],
    chronic_patients: Optional[Sequence[str]], chronic_codes: Optional[Sequence[str]], index: Index,
    threshold: float, by: ColumnsLike, visit_columns: Optional[Mapping[str, str]],
    listing_columns: Optional[Mapping[str, str]],
) -> ContinuityOptions:
    """The options of every output, checked and normalised."""
    return {
        "end": day(end, "end"),
        "window_months": whole(window_months, "window_months"),
        "min_visits": whole(min_visits, "min_visits"),
        "at_listing_unit": bool(at_listing_unit),
        "professions": None if professions is None else as_list(professions, "professions"),
        "contact_types": None if contact_types is None else as_list(contact_types, "contact_types"),
        "chronic_patients": None if chronic_patients is None else [str(p) for p in chronic_patients],
        "chronic_codes": None if chronic_codes is None else as_list(chronic_codes, "chronic_codes"),
        "index": index,
        "threshold": float(threshold),
        "by": as_list(by),
        "visit_columns": _options.columns(visit_columns, "visit_columns"),
        "listing_columns": _options.columns(listing_columns, "listing_columns"),
    }


def _frames(visits: FrameLike, listings: FrameLike, options: ContinuityOptions,
            first: Optional[dt.date] = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The visits (a LazyFrame narrowed to the windows ending from ``first``,
    or at the end, see :func:`_visits_in_windows`) and the listings as frames."""
    renamed = options["visit_columns"]

    def name(role: str) -> str:
        return renamed.get(role, role)  # each role is the default name of its column

    needed = [name(role) for role in ("patient_id", "clinician_id", "profession", "unit", "date")]
    needed += [name(role) for role, wanted in (("contact_type", options["contact_types"] is not None),
                                                ("diagnosis", options["chronic_codes"] is not None)) if wanted]
    end, window_months = options["end"], options["window_months"]
    if window_months >= 1:
        earliest_end = _months_before(first, 12) if first is not None else end
        visits = _visits_in_windows(visits, needed, name("date"), earliest_end, end, window_months)
    return as_frame(visits, "visits"), as_frame(listings, "listings")


def patients(
    visits: FrameLike, listings: FrameLike, *, end: DateLike, window_months: int = 18, min_visits: int = 3,
    at_listing_unit: bool = True, professions: Optional[Sequence[str]] = ("läkare",),
    contact_types: Optional[Sequence[str]] = None, chronic_patients: Optional[Sequence[str]] = None,
    chronic_codes: Optional[Sequence[str]] = None, by: ColumnsLike = None,
    visit_columns: Optional[Mapping[str, str]] = None, listing_columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """One row per eligible patient: the group columns, ``patient_id``, ``visits``,
    ``clinicians``, ``coc``, ``upc``, ``secon``, ``mmci``, ``herfindahl``.
    Holds patient ids: for analysis, not for publication."""
    options = _options_of(
        end=end, window_months=window_months, min_visits=min_visits, at_listing_unit=at_listing_unit,
        professions=professions, contact_types=contact_types, chronic_patients=chronic_patients,
        chronic_codes=chronic_codes, index="coc", threshold=0.5, by=by, visit_columns=visit_columns,
        listing_columns=listing_columns,
    )
    return _rs.continuity_patients(*_frames(visits, listings, options), options)


def coc(
    visits: FrameLike, listings: FrameLike, *, end: DateLike, window_months: int = 18, min_visits: int = 3,
    at_listing_unit: bool = True, professions: Optional[Sequence[str]] = ("läkare",),
    contact_types: Optional[Sequence[str]] = None, chronic_patients: Optional[Sequence[str]] = None,
    chronic_codes: Optional[Sequence[str]] = None, index: Index = "coc", threshold: float = 0.5,
    by: ColumnsLike = None, visit_columns: Optional[Mapping[str, str]] = None,
    listing_columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """Per group: the number of eligible patients (``denominator``), the mean
    index (``value``) with Student-t limits, the ``median``, and the share of
    patients with the index at or above ``threshold`` (``at_or_above``) with
    Wilson limits. ``chronic_patients`` (ids) or ``chronic_codes`` (ICD-10
    prefixes on the visits, e.g. ``["E11", "I50", "J44"]``) restrict to
    patients with a chronic disease."""
    options = _options_of(
        end=end, window_months=window_months, min_visits=min_visits, at_listing_unit=at_listing_unit,
        professions=professions, contact_types=contact_types, chronic_patients=chronic_patients,
        chronic_codes=chronic_codes, index=index, threshold=threshold, by=by, visit_columns=visit_columns,
        listing_columns=listing_columns,
    )
    return _rs.continuity_summary(*_frames(visits, listings, options), options)


def quality(
    visits: FrameLike, listings: FrameLike, *, end: DateLike, window_months: int = 18, min_visits: int = 3,
    at_listing_unit: bool = True, professions: Optional[Sequence[str]] = ("läkare",),
    contact_types: Optional[Sequence[str]] = None, chronic_patients: Optional[Sequence[str]] = None,
    chronic_codes: Optional[Sequence[str]] = None, visit_columns: Optional[Mapping[str, str]] = None,
    listing_columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The data-quality table (``rule``, ``count``): visits in the window and
    the visits and patients left out, by rule (missing clinicians included)."""
    options = _options_of(
        end=end, window_months=window_months, min_visits=min_visits, at_listing_unit=at_listing_unit,
        professions=professions, contact_types=contact_types, chronic_patients=chronic_patients,
        chronic_codes=chronic_codes, index="coc", threshold=0.5, by=None, visit_columns=visit_columns,
        listing_columns=listing_columns,
    )
    return _rs.continuity_quality(*_frames(visits, listings, options), options)


def rolling(
    visits: FrameLike, listings: FrameLike, *, start: DateLike, end: DateLike, window_months: int = 18,
    min_visits: int = 3, at_listing_unit: bool = True, professions: Optional[Sequence[str]] = ("läkare",),
    contact_types: Optional[Sequence[str]] = None, chronic_patients: Optional[Sequence[str]] = None,
    chronic_codes: Optional[Sequence[str]] = None, index: Index = "coc", threshold: float = 0.5,
    by: ColumnsLike = None, polarity: Polarity = "high_is_good",
    visit_columns: Optional[Mapping[str, str]] = None, listing_columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The summary of :func:`coc` at each month end from ``start`` to ``end`` (each
    with its own window), with the column ``end``, joined with the same month a
    year earlier: ``previous_value``, ``previous_lower``, ``previous_upper`` and
    ``vs_previous`` (overlapping intervals are ``similar``). Months without
    eligible patients have no row."""
    options: RollingOptions = {
        **_options_of(
            end=end, window_months=window_months, min_visits=min_visits, at_listing_unit=at_listing_unit,
            professions=professions, contact_types=contact_types, chronic_patients=chronic_patients,
            chronic_codes=chronic_codes, index=index, threshold=threshold, by=by, visit_columns=visit_columns,
            listing_columns=listing_columns,
        ),
        "start": day(start, "start"),
        "polarity": polarity,
    }
    return _rs.continuity_rolling(*_frames(visits, listings, options, options["start"]), options)
