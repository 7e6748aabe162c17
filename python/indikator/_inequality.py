"""Life expectancy, inequality between quantiles and differences between
groups: thin typed wrappers over the Rust core."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Optional

import polars as pl

from . import _indikator as _rs
from . import _options
from ._frames import ColumnsLike, FrameLike, as_frame, as_list, collect, column_name
from ._indikator import ArgumentError
from ._options import ConfidenceLike

Output = Literal["full", "standard", "value", "lower", "upper"]


def life_expectancy(
    data: FrameLike,
    deaths: str = "deaths",
    population: str = "population",
    *,
    age: str = "age",
    by: ColumnsLike = None,
    open_from: Optional[int] = None,
    at_ages: Optional[Sequence[int]] = None,
    pool: Optional[str] = None,
    confidence: ConfidenceLike = 0.95,
    output: Output = "full",
) -> pl.DataFrame:
    """Life expectancy at each start age (Chiang's abridged life table).

    One row per group and start age: ``start_age``, ``numerator`` (deaths
    from that age up), ``denominator`` (population from that age up),
    ``value`` (years), limits, ``status`` (why a value is missing),
    ``confidence``, ``statistic``, ``method``.

    Parameters
    ----------
    data : polars.DataFrame or polars.LazyFrame
        Deaths and population by age band (and group): the age column holds
        start ages (0, 1, 5, …, 90) or band labels ("0", "1-4", …, "90+");
        single years to "100+" work too.
    deaths, population : str
        The columns of deaths and of the population (mid-year or person-years).
    age : str
        The column of start ages or band labels.
    by : str, pl.col or list of them, optional
        Group columns (kommun, sex).
    open_from : int, optional
        The start of the open top band when the data go further (85 or 80:
        the bands above are added into it).
    at_ages : list of int, optional
        The start ages to report (default every one).
    pool : str, optional
        A period column (e.g. ``"year"``) to pool: deaths and populations
        summed over the years, labelled "2020–2024" (medellivslängd over five years).
    confidence : 0.95, 0.998 or both

    Method
    ------
    Chiang's abridged life table (a fraction of the band lived by those who
    die in it: 0.1 in the first year, 0.5 elsewhere), Silcocks et al.'s
    variance for the open band (PHEindicatormethods' ``phe_life_expectancy``).
    A group has no values when a band has negative deaths, no population or
    more deaths than population, or when its population is 5 000 or fewer;
    a value is missing where its 95 % interval is wider than 20 years
    (``status`` says which).

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> bands = ["0", "1-4"] + [f"{a}-{a + 4}" for a in range(5, 90, 5)] + ["90+"]
    >>> deaths = [17, 9, 4, 7, 15, 28, 32, 40, 55, 80, 120, 180, 260, 390, 560, 780, 1100, 1500, 1800, 2900]
    >>> pops = [7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601,
    ...         50209, 47346, 48734, 54237, 45138, 34433, 25020, 16097, 7977, 4059]
    >>> le = ik.life_expectancy(pl.DataFrame({"age": bands, "deaths": deaths, "population": pops}))
    >>> round(le.filter(pl.col("start_age") == 0)["value"][0], 1)
    78.6
    """
    frame = collect(data, [(deaths, "deaths"), (population, "population"), (age, "age"),
                           *[(b, "group") for b in as_list(by)], (pool, "period to pool")])
    return _rs.life_expectancy(frame, {
        "deaths": deaths, "population": population, "age": age, "open_from": open_from,
        "at_ages": None if at_ages is None else [int(a) for a in at_ages],
        "common": _options.statistic(by, confidence, output, pool, "sum"),
    })


def sii(
    data: FrameLike,
    quantile: str = "quantile",
    population: str = "population",
    *,
    value: str = "value",
    limits: Optional[tuple[str, str]] = None,
    limits_level: float = 0.95,
    se: Optional[str] = None,
    indicator_type: Literal["normal", "rate", "proportion"] = "normal",
    transform: bool = False,
    multiplier: float = 1.0,
    interval: Literal["simulation", "analytic"] = "simulation",
    repetitions: int = 100_000,
    seed: Optional[int] = None,
    relative: bool = False,
    by: ColumnsLike = None,
    confidence: ConfidenceLike = 0.95,
    output: Output = "full",
) -> pl.DataFrame:
    """The slope index of inequality (or, with ``relative=True``, the
    relative index) per group, from one row per quantile.

    Any result of the library goes in as it comes (a rate by deprivation
    decile, say): its limits are read at the table's own level; or name
    ``limits`` (with their ``limits_level``) or a standard-error column ``se``.

    Method
    ------
    PHEindicatormethods' ``phe_sii``: a weighted regression of the values
    on the midpoints of the quantiles' shares of the cumulative population
    (log scale for rates, logit for proportions with ``transform``); limits
    by the reference's simulation, seeded so the same seed gives the same
    limits (``repetitions``, ``seed``), or ``interval="analytic"`` from the
    regression's standard error. The intercept is the fitted value at the
    bottom of the ranking.

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> deciles = pl.DataFrame({"decile": list(range(1, 11)),
    ...     "population": [7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534],
    ...     "value": [75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3],
    ...     "lower": [72.7, 75.3, 80.9, 80.2, 77.1, 78.0, 79.0, 81.4, 75.8, 83.2],
    ...     "upper": [79.1, 81.4, 86.8, 87.1, 83.8, 84.2, 84.4, 86.9, 85.4, 89.4]})
    >>> out = ik.sii(deciles, "decile", interval="analytic")
    >>> round(out["value"][0], 2)
    7.0
    """
    if limits is not None and not (isinstance(limits, (tuple, list)) and len(limits) == 2):
        raise ArgumentError(f"argument `limits`: a pair (lower column, upper column); got {limits!r}")
    frame = as_frame(data, "data")
    return _rs.sii(frame, {
        "quantile": column_name(quantile, "quantile"), "population": column_name(population, "population"),
        "value": column_name(value, "value"), "limits": None if limits is None else (limits[0], limits[1]),
        "limits_level": float(limits_level), "se": se, "indicator_type": indicator_type,
        "transform": bool(transform), "multiplier": float(multiplier), "interval": interval,
        "repetitions": int(repetitions), "seed": seed, "relative": bool(relative),
        "common": _options.statistic(by, confidence, output, None, "sum"),
    })


def quantiles(
    data: FrameLike,
    value: str,
    n: int = 10,
    *,
    invert: Optional[bool] = None,
    invert_by: Optional[str] = None,
    by: ColumnsLike = None,
) -> pl.DataFrame:
    """Assign each row (a small area, say) to one of ``n`` quantiles of ``value``.

    Returns the rows as they came with ``quantile`` (1…n) and
    ``quantile_status`` ("ok", or why there is none: a missing value, fewer
    values than quantiles in the group). Quantile 1 holds the highest values
    (the reference's default, for indicators where low is good) unless
    ``invert=False``; ``invert_by`` names a boolean column saying it per group.

    Method
    ------
    PHEindicatormethods' ``phe_quantile``: ranks with ties at their lowest
    rank, tied values in one quantile.

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> areas = pl.DataFrame({"area": ["a", "b", "c", "d"], "rate": [12.0, 30.0, 18.0, 25.0]})
    >>> ik.quantiles(areas, "rate", 2, invert=False)["quantile"].to_list()
    [1, 2, 1, 2]
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ArgumentError(f"argument `n`: the number of quantiles, a whole number of 1 or more; got {n!r}")
    return _rs.quantiles(as_frame(data, "data"), {
        "value": column_name(value, "value"), "n": n, "invert": invert, "invert_by": invert_by, "by": as_list(by),
    })


def difference(
    result: FrameLike,
    column: str = "sex",
    *,
    between: Optional[tuple[str, str]] = None,
    against: Optional[Literal["total", "rest"]] = None,
    total: Optional[str] = None,
    measure: Optional[Literal["rate_ratio", "rate_difference", "proportion_difference"]] = None,
    ratio_method: Literal["exact", "log_normal"] = "exact",
    multiplier: Optional[float] = None,
    confidence: ConfidenceLike = 0.95,
    output: Output = "full",
) -> pl.DataFrame:
    """The difference between groups of a result: women against men
    (``between=("kvinnor", "män")``), each group against the total
    (``against="total"``, ``total`` naming a total row if the table has one)
    or against the rest (``against="rest"``).

    For a rate the rate ratio (default) or the rate difference; for a
    proportion the difference of proportions (in the table's units, e.g.
    percentage points). ``measure`` defaults from the table's ``statistic``.
    Output: the other group columns, the compared column, ``versus``,
    ``value`` with limits, ``significant`` (the limits exclude no
    difference; ``significant_95``/``significant_99_8`` at both levels),
    ``status``, ``confidence``, ``statistic``, ``method``.

    Method
    ------
    Rate ratio: exact, conditional on the total count (Clopper–Pearson on the
    binomial split; ``ratio_method="log_normal"`` for the Wald interval on the
    log scale). Rate difference: normal approximation on the Poisson
    variances. Difference of proportions: Newcombe's hybrid score interval
    (method 10). References: Breslow & Day (1987); Newcombe (1998).

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> deaths = pl.DataFrame({"sex": ["kvinnor", "män"], "deaths": [30, 60], "population": [60_000, 61_000]})
    >>> rates = ik.rate(deaths, "deaths", "population", by="sex")
    >>> ratio = ik.difference(rates, "sex", between=("män", "kvinnor"))
    >>> round(ratio["value"][0], 3), ratio["significant"][0]
    (1.967, True)
    """
    frame = as_frame(result, "result")
    if measure is None:
        statistic = str(frame["statistic"][0]) if "statistic" in frame.columns and frame.height else ""
        measure = "proportion_difference" if statistic.startswith(("proportion", "percentage", "share")) \
            else "rate_ratio"
    if between is not None and not (isinstance(between, (tuple, list)) and len(between) == 2):
        raise ArgumentError(f"argument `between`: a pair (group, reference); got {between!r}")
    return _rs.difference(frame, {
        "column": column_name(column, "column"), "measure": measure,
        "between": None if between is None else (str(between[0]), str(between[1])),
        "against": against, "total": total, "ratio_method": ratio_method, "multiplier": multiplier,
        "confidence": confidence, "output": output,
    })


__all__ = ["difference", "life_expectancy", "quantiles", "sii"]

