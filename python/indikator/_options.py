"""The options objects that cross into the native module.

Each family's options cross as one dict of the shape typed here; the Rust
side reads it into a mirror struct (``src/python``) and converts that to the
Rust options, refusing unknown values of every text option. Every key is
given (the wrappers apply their defaults), so a key added here and not in
Rust, or the other way round, fails the first call that passes it.

The wrappers build the dicts from their keyword arguments with the
constructors at the end, which normalise the shared parts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Optional, TypedDict, Union

import polars as pl

from ._frames import ColumnsLike, as_list
from ._indikator import ArgumentError

ConfidenceLike = Union[float, str, Sequence[float]]


class SuppressionOptions(TypedDict):
    """Every option of suppression and its audit, as one object."""

    threshold: float
    counts: list[str]
    also: list[str]
    totals: list[tuple[str, Union[str, list[tuple[str, str]]]]]
    """Key column → its total's label, or a hierarchy as (label, parent label) pairs."""
    keys: list[str]


class StatisticOptions(TypedDict):
    """What every statistic shares (``measure::Common`` in Rust)."""

    by: list[str]
    confidence: ConfidenceLike
    output: str
    pool: Optional[str]
    pool_method: str


class CountOptions(TypedDict):
    column: Optional[str]
    common: StatisticOptions


class FractionOptions(TypedDict):
    """A rate's or a proportion's."""

    x: str
    n: str
    multiplier: float
    common: StatisticOptions


class MeanOptions(TypedDict):
    values: str
    common: StatisticOptions


class DsrOptions(TypedDict):
    x: str
    n: str
    age_band: str
    standard: Union[str, pl.DataFrame]
    multiplier: float
    frequency: Optional[str]
    missing_as_zero: bool
    common: StatisticOptions


class IsrOptions(TypedDict):
    x: str
    n: str
    age_band: str
    reference: pl.DataFrame
    ref_x: str
    ref_n: str
    ratio: bool
    multiplier: float
    observed_totals: Optional[pl.DataFrame]
    missing_as_zero: bool
    common: StatisticOptions


class CareOptions(TypedDict):
    """What every family of care records shares (``care::CareCommon`` in Rust)."""

    by: list[str]
    invalid: str
    confidence: ConfidenceLike


class WaitsOptions(TypedDict):
    common: CareOptions
    period: str
    measure: str
    snapshots: Optional[list[dt.date]]
    per: Optional[str]
    limits: dict[str, int]
    exclude_pvv: bool
    exclude_mov: bool
    bins: list[int]
    as_of: Optional[dt.date]
    columns: dict[str, str]
    pvv: bool
    mov: bool


class MonthsOptions(TypedDict):
    by: list[str]
    month: str
    confidence: ConfidenceLike


class ReportingRateOptions(TypedDict):
    unit: str
    period: str
    expected: list[str]
    periods: Optional[list[str]]
    rule: float
    confidence: ConfidenceLike


class ContinuityOptions(TypedDict):
    end: dt.date
    window_months: int
    min_visits: int
    at_listing_unit: bool
    professions: Optional[list[str]]
    contact_types: Optional[list[str]]
    chronic_patients: Optional[list[str]]
    chronic_codes: Optional[list[str]]
    index: str
    threshold: float
    by: list[str]
    visit_columns: dict[str, str]
    listing_columns: dict[str, str]


class RollingOptions(ContinuityOptions):
    start: dt.date
    polarity: str


class ReadmissionOptions(TypedDict):
    common: CareOptions
    period: str
    per: Optional[str]
    min_age: float
    days: int
    acute_only: bool
    merge_transfers: bool
    died: list[str]
    transferred: list[str]
    as_of: Optional[dt.date]
    columns: dict[str, str]
    discharge_type: bool


class SipOptions(TypedDict):
    common: CareOptions
    period: str
    per: Optional[str]
    age_limit: int
    exclude_statuses: list[str]
    columns: dict[str, str]


class MortalityOptions(TypedDict):
    common: CareOptions
    causes: Union[str, list[str]]
    min_age: Optional[int]
    max_age: Optional[int]
    years: Optional[tuple[int, int]]
    window: int
    rolling: bool
    standard: Union[str, pl.DataFrame, None]
    multiplier: float
    death_columns: dict[str, str]
    population_columns: dict[str, str]


class BenchmarkOptions(TypedDict):
    benchmark: Union[float, str, pl.DataFrame]
    on: list[str]
    polarity: str
    level: Optional[float]


class PreviousOptions(TypedDict):
    on: list[str]
    time: Optional[str]
    polarity: str
    level: Optional[float]


class TrendOptions(TypedDict):
    time: str
    by: list[str]
    points: int
    polarity: str
    level: Optional[float]


class FunnelOptions(TypedDict):
    statistic: str
    numerator: str
    denominator: Optional[str]
    rate: Optional[str]
    multiplier: Optional[float]
    kind: Optional[str]
    years: Optional[float]


class LifeExpectancyOptions(TypedDict):
    deaths: str
    population: str
    age: str
    open_from: Optional[int]
    at_ages: Optional[list[int]]
    common: StatisticOptions


class SiiOptions(TypedDict):
    quantile: str
    population: str
    value: str
    limits: Optional[tuple[str, str]]
    limits_level: float
    se: Optional[str]
    indicator_type: str
    transform: bool
    multiplier: float
    interval: str
    repetitions: int
    seed: Optional[int]
    relative: bool
    common: StatisticOptions


class QuantileOptions(TypedDict):
    value: str
    n: int
    invert: Optional[bool]
    invert_by: Optional[str]
    by: list[str]


class DifferenceOptions(TypedDict):
    column: str
    measure: str
    between: Optional[tuple[str, str]]
    against: Optional[str]
    total: Optional[str]
    ratio_method: str
    multiplier: Optional[float]
    confidence: ConfidenceLike
    output: str


def statistic(
    by: ColumnsLike, confidence: ConfidenceLike, output: str, pool: Optional[str], pool_method: str
) -> StatisticOptions:
    """The shared options of a statistic, ``by`` as a list of names."""
    return {"by": as_list(by), "confidence": confidence, "output": output, "pool": pool, "pool_method": pool_method}


def care(by: ColumnsLike, invalid: str, confidence: ConfidenceLike) -> CareOptions:
    """The shared options of a family of care records, ``by`` as a list of names."""
    return {"by": as_list(by), "invalid": invalid, "confidence": confidence}


def columns(given: Optional[Mapping[str, str]], argument: str) -> dict[str, str]:
    """The caller's column names by role (the roles are checked in Rust, which knows them)."""
    if given is None:
        return {}
    if not isinstance(given, Mapping):
        raise ArgumentError(f"argument `{argument}`: a mapping of roles to column names; got {given!r}")
    for role, name in given.items():
        if not isinstance(name, str):
            raise ArgumentError(f"argument `{argument}`: the column of {role!r} must be a string; got {name!r}")
    return dict(given)
