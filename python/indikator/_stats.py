"""The frame-level statistics: thin typed wrappers over the Rust core."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Optional, Union

import polars as pl

from . import _indikator as _rs
from . import _options
from ._frames import FrameLike, as_frame, as_list, collect
from ._options import ConfidenceLike, IsrOptions

Output = Literal["full", "standard", "value", "lower", "upper"]
PoolMethod = Literal["sum", "average"]
By = Union[str, Sequence[str], None]


def _groups(by: By, pool: Optional[str]) -> list[tuple[Optional[str], str]]:
    cols: list[tuple[Optional[str], str]] = [(b, "group") for b in as_list(by)]
    cols.append((pool, "period to pool"))
    return cols


def count(
    data: FrameLike,
    column: Optional[str] = None,
    *,
    by: By = None,
    confidence: ConfidenceLike = 0.95,
    output: Output = "full",
    pool: Optional[str] = None,
    pool_method: PoolMethod = "sum",
) -> pl.DataFrame:
    """Count records per group (or sum a count column), with Poisson limits.

    Parameters
    ----------
    data : polars.DataFrame or polars.LazyFrame
        One row per record, or rows holding counts in ``column``.
    column : str, optional
        A count column to sum; by default rows are counted.
    by : str or list of str, optional
        Grouping columns.
    confidence : 0.95, 0.998 or both as ``(0.95, 0.998)``
    output : {"full", "standard", "value", "lower", "upper"}
    pool : str, optional
        A period column (e.g. ``"year"``) to pool over; it becomes a label such as ``"2021–2023"``.
    pool_method : {"sum", "average"}

    Returns
    -------
    polars.DataFrame
        One row per group: ``numerator`` (the count), ``value``, ``lower``, ``upper``, ``status``...

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> sip = pl.DataFrame({"kommun": ["Åre", "Åre", "Berg"], "plan": [1, 2, 3]})
    >>> ik.count(sip, by="kommun", output="value")
    shape: (2, 2)
    ┌────────┬───────┐
    │ kommun ┆ value │
    │ ---    ┆ ---   │
    │ str    ┆ f64   │
    ╞════════╪═══════╡
    │ Berg   ┆ 1.0   │
    │ Åre    ┆ 2.0   │
    └────────┴───────┘
    """
    frame = collect(data, [(column, "count"), *_groups(by, pool)])
    return _rs.count(frame, {"column": column, "common": _options.statistic(by, confidence, output, pool, pool_method)})


def rate(
    data: FrameLike,
    x: str,
    n: str,
    *,
    by: By = None,
    multiplier: float = 100_000,
    confidence: ConfidenceLike = 0.95,
    output: Output = "full",
    pool: Optional[str] = None,
    pool_method: PoolMethod = "sum",
) -> pl.DataFrame:
    """Crude rate ``x / n × multiplier`` per group, exact limits below 10 events, Byar from 10.

    Parameters
    ----------
    data : polars.DataFrame or polars.LazyFrame
    x : str
        Column of events (summed per group).
    n : str
        Column of persons or person-years (summed per group; must be > 0).
    by : str or list of str, optional
    multiplier : float, default 100 000
    confidence : 0.95, 0.998 or ``(0.95, 0.998)``
    output : {"full", "standard", "value", "lower", "upper"}
    pool, pool_method : see :func:`count`.

    Returns
    -------
    polars.DataFrame
        Groups, ``numerator``, ``denominator``, ``value``, limits, ``status``,
        ``confidence``, ``statistic``, ``method``.

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> deaths = pl.DataFrame({"year": [2014, 2015], "suicides": [3, 1], "pop": [14_500, 14_400]})
    >>> r = ik.rate(deaths, "suicides", "pop", pool="year")
    >>> r.select("year", "numerator", "value").with_columns(pl.col("value").round(2))
    shape: (1, 3)
    ┌───────────┬───────────┬───────┐
    │ year      ┆ numerator ┆ value │
    │ ---       ┆ ---       ┆ ---   │
    │ str       ┆ f64       ┆ f64   │
    ╞═══════════╪═══════════╪═══════╡
    │ 2014–2015 ┆ 4.0       ┆ 13.84 │
    └───────────┴───────────┴───────┘
    """
    frame = collect(data, [(x, "numerator"), (n, "denominator"), *_groups(by, pool)])
    common = _options.statistic(by, confidence, output, pool, pool_method)
    return _rs.rate(frame, {"x": x, "n": n, "multiplier": float(multiplier), "common": common})


def proportion(
    data: FrameLike,
    x: str,
    n: str,
    *,
    by: By = None,
    multiplier: float = 1,
    confidence: ConfidenceLike = 0.95,
    output: Output = "full",
    pool: Optional[str] = None,
    pool_method: PoolMethod = "sum",
) -> pl.DataFrame:
    """Proportion ``x / n`` per group with Wilson score limits.

    Parameters
    ----------
    data : polars.DataFrame or polars.LazyFrame
    x : str
        Column of cases (must not exceed ``n`` in any group).
    n : str
        Column of the total.
    multiplier : 1 or 100
        1 gives a proportion of 1, 100 a percentage.
    by, confidence, output, pool, pool_method : see :func:`rate`.

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> bup = pl.DataFrame({"month": ["jan", "feb"], "within_30": [38, 63], "assessed": [100, 100]})
    >>> ik.proportion(bup, "within_30", "assessed", multiplier=100)["value"].to_list()
    [50.5]
    """
    frame = collect(data, [(x, "numerator"), (n, "denominator"), *_groups(by, pool)])
    common = _options.statistic(by, confidence, output, pool, pool_method)
    return _rs.proportion(frame, {"x": x, "n": n, "multiplier": float(multiplier), "common": common})


def mean(
    data: FrameLike,
    values: str,
    *,
    by: By = None,
    confidence: ConfidenceLike = 0.95,
    output: Output = "full",
    pool: Optional[str] = None,
) -> pl.DataFrame:
    """Mean per group with Student's t limits (``numerator`` = sum, ``denominator`` = count, plus ``sd``).

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> survey = pl.DataFrame({"unit": ["A", "A", "A"], "score": [4.5, 4.6, 4.7]})
    >>> round(ik.mean(survey, "score", by="unit")["value"][0], 6)
    4.6
    """
    frame = collect(data, [(values, "values"), *_groups(by, pool)])
    return _rs.mean(frame, {"values": values, "common": _options.statistic(by, confidence, output, pool, "sum")})


def standard_population(name: str) -> pl.DataFrame:
    """A shipped standard population as a frame ``(age_band, weight)``: ``"esp2013"`` or ``"esp1976"``.

    Any other standard (e.g. Sweden's population of a year) is passed to :func:`dsr`
    as a frame with the same two columns.

    Examples
    --------
    >>> import indikator as ik
    >>> esp = ik.standard_population("esp2013")
    >>> esp.height, esp["weight"].sum()
    (19, 100000.0)
    """
    return _rs.standard_population(name)


def dsr(
    data: FrameLike,
    x: str,
    n: str,
    *,
    age_band: str,
    standard: Union[str, pl.DataFrame, pl.LazyFrame] = "esp2013",
    by: By = None,
    multiplier: float = 100_000,
    confidence: ConfidenceLike = 0.95,
    output: Output = "full",
    pool: Optional[str] = None,
    pool_method: PoolMethod = "sum",
    frequency: Optional[str] = None,
    missing_as_zero: bool = False,
) -> pl.DataFrame:
    """Directly standardised rate per group with Dobson limits.

    Parameters
    ----------
    data : polars.DataFrame or polars.LazyFrame
    x, n : str
        Events and population columns.
    age_band : str
        Column of band labels, joined by label to the standard (e.g. ``"0-4"`` … ``"90+"``).
    standard : str or polars.DataFrame
        A shipped name (``"esp2013"``) or a frame with ``age_band`` and ``weight``.
    frequency : str, optional
        For non-independent events: the column of how many times each row's persons
        had the event; ``x`` then counts persons.
    missing_as_zero : bool
        Count missing event counts as zero (as PHEindicatormethods does);
        by default a group with a missing count gets no value.
    by, multiplier, confidence, output, pool, pool_method : see :func:`rate`.

    Notes
    -----
    No value is given when a group has fewer than 10 events (``status`` says so).

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> std = pl.DataFrame({"age_band": ["0-64", "65+"], "weight": [80.0, 20.0]})
    >>> d = pl.DataFrame({"age": ["0-64", "65+"], "deaths": [10, 40], "pop": [10_000, 2_000]})
    >>> round(ik.dsr(d, "deaths", "pop", age_band="age", standard=std, multiplier=1000)["value"][0], 9)
    4.8
    """
    if not isinstance(standard, str):
        standard = as_frame(standard, "standard")
    frame = collect(
        data, [(x, "numerator"), (n, "denominator"), (age_band, "age band"), (frequency, "event frequency"), *_groups(by, pool)]
    )
    return _rs.dsr(frame, {
        "x": x, "n": n, "age_band": age_band, "standard": standard, "multiplier": float(multiplier),
        "frequency": frequency, "missing_as_zero": bool(missing_as_zero),
        "common": _options.statistic(by, confidence, output, pool, pool_method),
    })


def _isr(
    data: FrameLike,
    *,
    ratio: bool,
    x: str,
    n: str,
    age_band: str,
    reference: FrameLike,
    ref_x: str,
    ref_n: str,
    by: By,
    multiplier: float,
    confidence: ConfidenceLike,
    output: Output,
    pool: Optional[str],
    pool_method: PoolMethod,
    observed_totals: Optional[FrameLike],
    missing_as_zero: bool,
) -> pl.DataFrame:
    if observed_totals is not None:
        observed_totals = as_frame(observed_totals, "observed_totals")
    needed = [(n, "denominator"), (age_band, "age band"), *_groups(by, pool)]
    if observed_totals is None:
        needed.insert(0, (x, "numerator"))
    frame = collect(data, needed)
    ref = collect(reference, [(age_band, "reference age band"), (ref_x, "reference events"), (ref_n, "reference population")], "reference")
    options: IsrOptions = {
        "x": x, "n": n, "age_band": age_band, "reference": ref, "ref_x": ref_x, "ref_n": ref_n, "ratio": ratio,
        "multiplier": float(multiplier), "observed_totals": observed_totals, "missing_as_zero": bool(missing_as_zero),
        "common": _options.statistic(by, confidence, output, pool, pool_method),
    }
    return _rs.isr(frame, options)


def isr(
    data: FrameLike,
    x: str,
    n: str,
    *,
    age_band: str,
    reference: FrameLike,
    ref_x: str,
    ref_n: str,
    by: By = None,
    multiplier: float = 100_000,
    confidence: ConfidenceLike = 0.95,
    output: Output = "full",
    pool: Optional[str] = None,
    pool_method: PoolMethod = "sum",
    observed_totals: Optional[FrameLike] = None,
    missing_as_zero: bool = False,
) -> pl.DataFrame:
    """Indirectly standardised rate: observed / expected × the reference's crude rate.

    Parameters
    ----------
    reference : polars.DataFrame
        Events ``ref_x`` and population ``ref_n`` per age band of a reference
        (e.g. riket), with the band in a column named like ``age_band``.
    observed_totals : polars.DataFrame, optional
        Observed events as totals per group (the ``by`` columns and ``x``),
        instead of by band.
    Other parameters as for :func:`dsr`.

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> riket = pl.DataFrame({"age": ["0-64", "65+"], "deaths": [100, 400], "pop": [100_000, 20_000]})
    >>> d = pl.DataFrame({"age": ["0-64", "65+"], "deaths": [3, 22], "pop": [1_000, 1_000]})
    >>> round(ik.isr(d, "deaths", "pop", age_band="age", reference=riket, ref_x="deaths", ref_n="pop")["value"][0], 4)
    496.0317
    """
    return _isr(data, ratio=False, x=x, n=n, age_band=age_band, reference=reference, ref_x=ref_x, ref_n=ref_n, by=by,
                multiplier=multiplier, confidence=confidence, output=output, pool=pool, pool_method=pool_method,
                observed_totals=observed_totals, missing_as_zero=missing_as_zero)


def isratio(
    data: FrameLike,
    x: str,
    n: str,
    *,
    age_band: str,
    reference: FrameLike,
    ref_x: str,
    ref_n: str,
    by: By = None,
    multiplier: float = 1,
    confidence: ConfidenceLike = 0.95,
    output: Output = "full",
    pool: Optional[str] = None,
    pool_method: PoolMethod = "sum",
    observed_totals: Optional[FrameLike] = None,
    missing_as_zero: bool = False,
) -> pl.DataFrame:
    """Indirectly standardised ratio (SMR): observed / expected × ``multiplier`` (usually 1 or 100).

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> riket = pl.DataFrame({"age": ["0-64", "65+"], "deaths": [100, 400], "pop": [100_000, 20_000]})
    >>> d = pl.DataFrame({"age": ["0-64", "65+"], "deaths": [3, 22], "pop": [1_000, 1_000]})
    >>> round(ik.isratio(d, "deaths", "pop", age_band="age", reference=riket, ref_x="deaths", ref_n="pop")["value"][0], 6)
    1.190476
    """
    return _isr(data, ratio=True, x=x, n=n, age_band=age_band, reference=reference, ref_x=ref_x, ref_n=ref_n, by=by,
                multiplier=multiplier, confidence=confidence, output=output, pool=pool, pool_method=pool_method,
                observed_totals=observed_totals, missing_as_zero=missing_as_zero)
