"""Suicide and other mortality by cause, from one row per death and the
population: crude rates per 100 000 with exact Poisson (< 10) or Byar
limits, or directly age-standardised rates, per year or pooled over windows.

Deaths have ``year`` (a year or a date), ``age`` and ``cause`` (the
underlying cause, an ICD-10 code with or without the dot); the population
``year``, ``age`` (single years, or bands such as "15-19", "90+") and
``population``; any group columns (kommun, sex) are in both. ``causes`` is
a named set — ``"suicide"`` (X60–X84) or ``"suicide_wide"`` (adding
Y10–Y34) — or a list of ranges (``["X60-X84", "Y87.0"]``); sub-codes match
their range. A window of several years sums deaths and person-years, so
its rate is the yearly average rate ("21,77 per 100 000 per year
2011–2015"). Years default to those of the death records: the
cause-of-death register lags the population.

Examples
--------
>>> import polars as pl, indikator as ik
>>> deaths = pl.DataFrame({"year": [2016, 2016, 2016], "age": [19, 30, 51], "cause": ["X70.0", "X80", "I21.9"]})
>>> population = pl.DataFrame({"year": [2016] * 3, "age": ["15-24", "25-64", "65+"],
...                            "population": [14_500, 60_000, 30_000]})
>>> out = ik.mortality.rates(deaths, population, ages=(15, 24))
>>> out.select("period", "numerator", "denominator").row(0), round(out["value"][0], 2)
(('2016', 1.0, 14500.0), 6.9)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, Optional, Union

import polars as pl

from . import _indikator as _rs
from . import _options
from ._frames import ColumnsLike, FrameLike, as_frame, as_list
from ._indikator import ArgumentError
from ._options import ConfidenceLike as Confidence
from ._options import MortalityOptions
from ._records import whole

__all__ = ["quality", "rates"]

Invalid = Literal["error", "exclude"]


def _options_of(
    *, causes: Union[str, Sequence[str]], ages: Sequence[Optional[int]], by: ColumnsLike,
    years: Optional[Sequence[int]], window: int, rolling: bool, standard: Union[str, pl.DataFrame, pl.LazyFrame, None],
    multiplier: float, confidence: Confidence, invalid: Invalid, death_columns: Optional[Mapping[str, str]],
    population_columns: Optional[Mapping[str, str]],
) -> MortalityOptions:
    """The options of every output, checked and normalised."""
    if not (isinstance(ages, (tuple, list)) and len(ages) == 2):
        raise ArgumentError(f"argument `ages`: a pair (youngest, oldest), the oldest may be None; got {ages!r}")
    if years is not None and not (isinstance(years, (tuple, list)) and len(years) == 2):
        raise ArgumentError(f"argument `years`: a pair (first, last); got {years!r}")
    return {
        "common": _options.care(by, invalid, confidence),
        "causes": causes if isinstance(causes, str) else as_list(list(causes), "causes"),
        "min_age": whole(ages[0], "ages"),
        "max_age": None if ages[1] is None else whole(ages[1], "ages"),
        "years": None if years is None else (whole(years[0], "years"), whole(years[1], "years")),
        "window": whole(window, "window"),
        "rolling": bool(rolling),
        "standard": standard.collect() if isinstance(standard, pl.LazyFrame) else standard,
        "multiplier": float(multiplier),
        "death_columns": _options.columns(death_columns, "death_columns"),
        "population_columns": _options.columns(population_columns, "population_columns"),
    }


def rates(
    deaths: FrameLike, population: FrameLike, *, causes: Union[str, Sequence[str]] = "suicide",
    ages: Sequence[Optional[int]] = (0, None), by: ColumnsLike = None,
    years: Optional[Sequence[int]] = None, window: int = 1, rolling: bool = False,
    standard: Union[str, pl.DataFrame, None] = None, multiplier: float = 100_000,
    confidence: Confidence = 0.95, invalid: Invalid = "error",
    death_columns: Optional[Mapping[str, str]] = None, population_columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """Rates per group and window: ``period`` ("2016", "2011–2015"),
    ``numerator`` (deaths), ``denominator`` (person-years), ``value`` with
    limits, ``status``, ``years`` and ``deaths_per_year``.

    ``ages=(15, 24)`` (or ``[15, 24]``) counts ages 15 to 24 inclusive
    (``(15, None)``: 15+). ``years=(2021, 2023)`` must be years the death
    records cover: a year without any death record is an error naming the
    years they cover, never a year of zero deaths.
    ``window=5`` pools five years; ``rolling=True`` gives every window
    (2011–2015, 2012–2016, …), else consecutive windows ending in the last
    year. ``standard="esp2013"`` (or a frame of ``age_band``, ``weight``)
    standardises directly over the standard's bands within ``ages``; fewer
    than 10 deaths give no DSR (status "total count below 10")."""
    options = _options_of(causes=causes, ages=ages, by=by, years=years, window=window, rolling=rolling,
                          standard=standard, multiplier=multiplier, confidence=confidence, invalid=invalid,
                          death_columns=death_columns, population_columns=population_columns)
    return _rs.mortality_rates(as_frame(deaths, "deaths"), as_frame(population, "population"), options)


def quality(
    deaths: FrameLike, population: FrameLike, *, causes: Union[str, Sequence[str]] = "suicide",
    ages: Sequence[Optional[int]] = (0, None), years: Optional[Sequence[int]] = None,
    invalid: Invalid = "error", death_columns: Optional[Mapping[str, str]] = None,
    population_columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The data-quality table (``rule``, ``count``): deaths read, excluded,
    of the causes, in the age range and in the years."""
    options = _options_of(causes=causes, ages=ages, by=None, years=years, window=1, rolling=False,
                          standard=None, multiplier=100_000, confidence=0.95, invalid=invalid,
                          death_columns=death_columns, population_columns=population_columns)
    return _rs.mortality_quality(as_frame(deaths, "deaths"), as_frame(population, "population"), options)
