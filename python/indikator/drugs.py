"""Drug use of older people from dispensing records, as the region's
elderly-care plan follows it: the share of the population aged 75 or more
with at least one dispensing of a set of drugs in the month.

Dispensings have one row per dispensed item: ``person_id``, ``dispensed``
(a date), ``atc`` (the ATC code) and ``birth_date`` (the age is the age
attained in the year, as the population's at 31 December) or, without a
birth-date column, ``age``; any group columns (kommun, sex) are in both
tables. The population has ``year``, ``age`` (single years, or bands such
as "75-79", "85+") and ``population``.

``drugs`` is a named set of Socialstyrelsen's indicators of good drug
therapy in the elderly (2017) — ``"inappropriate"`` (olämpliga läkemedel:
long-acting benzodiazepines, drugs with marked anticholinergic effects,
tramadol, propiomazine, codeine, glibenclamide), ``"antipsychotics"`` (N05A
but lithium), ``"nsaids"`` (M01A but glucosamine) — or a list of ATC codes
of any level (``["N05BA", "N05CD"]``), with ``exclude_atc`` left out.

A person counts once per month however many drugs of the set they got; a
month with no dispensing at all (of any drug) is missing data, an error,
never zero use. ``per="month"`` over two years gives the series that
``ik.Target.months(4, 6, "decrease", from_month=4)`` rates with
:func:`indikator.assess` ("a significant decrease in at least 4 of the 6
months April–September against the same month a year earlier").

Examples
--------
>>> import datetime as dt, polars as pl, indikator as ik
>>> d = lambda m, day: dt.date(2024, m, day)
>>> dispensings = pl.DataFrame({"person_id": ["a", "a", "b", "c"],
...     "dispensed": [d(3, 1), d(3, 20), d(3, 5), d(3, 9)],
...     "atc": ["N05BA01", "N02AX02", "N05AH04", "N05BA01"], "age": [81, 81, 77, 70]})
>>> population = pl.DataFrame({"year": [2024, 2024], "age": ["70-74", "75+"], "population": [90, 10]})
>>> out = ik.drugs.share(dispensings, population, period="2024-03", as_of="2024-04-30")
>>> out.select("period", "numerator", "denominator", "value").row(0)
('2024-03', 1.0, 10.0, 10.0)
>>> ik.drugs.share(dispensings, population, period="2024-03", as_of="2024-04-30",
...                drugs="antipsychotics")["numerator"].to_list()
[1.0]
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
from ._options import DrugOptions
from ._records import DateLike, PeriodLike, date, whole
from ._records import period as _period

__all__ = ["quality", "share"]

Invalid = Literal["error", "exclude"]
Drugs = Union[str, Sequence[str]]


def _options_of(
    *, period: PeriodLike, drugs: Drugs, exclude_atc: Sequence[str], per: Optional[str], by: ColumnsLike,
    min_age: int, as_of: Optional[DateLike], invalid: Invalid, confidence: Confidence,
    columns: Optional[Mapping[str, str]], population_columns: Optional[Mapping[str, str]],
) -> DrugOptions:
    """The options of every output, checked and normalised."""
    if isinstance(exclude_atc, str):
        raise ArgumentError(f"argument `exclude_atc`: a list of ATC codes such as ['N05AN01']; got {exclude_atc!r}")
    return {
        "common": _options.care(by, invalid, confidence),
        "drugs": drugs if isinstance(drugs, str) else as_list(list(drugs), "drugs"),
        "exclude_atc": as_list(list(exclude_atc), "exclude_atc"),
        "period": _period(period),
        "per": per,
        "min_age": whole(min_age, "min_age"),
        "as_of": date(as_of, "as_of"),
        "columns": _options.columns(columns, "columns"),
        "population_columns": _options.columns(population_columns, "population_columns"),
    }


def share(
    dispensings: FrameLike, population: FrameLike, *, period: PeriodLike, drugs: Drugs = "inappropriate",
    exclude_atc: Sequence[str] = (), per: Optional[str] = "month", by: ColumnsLike = None, min_age: int = 75,
    as_of: Optional[DateLike] = None, invalid: Invalid = "error", confidence: Confidence = 0.95,
    columns: Optional[Mapping[str, str]] = None, population_columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The share per group and month (or ``per`` "tertial", "half_year",
    "year") of ``period``: ``period`` ("2024-03"), ``numerator`` (distinct
    persons aged ``min_age``+ dispensed a drug of the set), ``denominator``
    (the population of that age in the year), ``value`` (percent) with
    Wilson limits, ``status``. Every group of the dispensings gets every
    month, zero when no one was dispensed a drug of the set.

    Errors, never a silent zero: a month without any dispensing, a period
    after ``as_of`` (default today) or outside the records, a group or year
    without population, more persons than population, and invalid records
    (bad ATC codes, dates after ``as_of``, missing ids) unless
    ``invalid="exclude"`` leaves them out and counts them (see
    :func:`quality`)."""
    options = _options_of(period=period, drugs=drugs, exclude_atc=exclude_atc, per=per, by=by, min_age=min_age,
                          as_of=as_of, invalid=invalid, confidence=confidence, columns=columns,
                          population_columns=population_columns)
    return _rs.drugs_share(as_frame(dispensings, "dispensings"), as_frame(population, "population"), options)


def quality(
    dispensings: FrameLike, *, period: PeriodLike, drugs: Drugs = "inappropriate", exclude_atc: Sequence[str] = (),
    per: Optional[str] = "month", min_age: int = 75, as_of: Optional[DateLike] = None, invalid: Invalid = "error",
    columns: Optional[Mapping[str, str]] = None,
) -> pl.DataFrame:
    """The data-quality table (``rule``, ``count``): dispensings read,
    excluded by rule, of the set, to persons aged ``min_age``+, in the
    period.

    Examples
    --------
    >>> import datetime as dt, polars as pl, indikator as ik
    >>> rows = pl.DataFrame({"person_id": ["a", "b"], "dispensed": [dt.date(2024, 3, 1)] * 2,
    ...                      "atc": ["N05BA01", "N5BA01"], "age": [81, 90]})
    >>> q = ik.drugs.quality(rows, period="2024-03", as_of="2024-04-30", invalid="exclude")
    >>> q.filter(pl.col("rule").str.starts_with("excluded: ATC"))["count"].to_list()
    [1]
    >>> q.filter(pl.col("count") > 0).rows()[2:]
    [('dispensings of inappropriate (38 ATC codes)', 1), ('… to persons aged 75+', 1), ('… in mars 2024', 1)]
    """
    options = _options_of(period=period, drugs=drugs, exclude_atc=exclude_atc, per=per, by=None, min_age=min_age,
                          as_of=as_of, invalid=invalid, confidence=0.95, columns=columns, population_columns=None)
    return _rs.drugs_quality(as_frame(dispensings, "dispensings"), options)
