"""What benches/compare.py times: each indicator computed by indikator and by
its peer, over the same data, and which columns must agree.

- ``PEER_CASES``: rate, proportion and DSR, indikator against PHStatsMethods
  (the pandas port of PHEindicatormethods), in memory over ``groups`` × 19
  age bands.
- ``POLARS_CASES``: record-level indicators of the region, from its Parquet
  files, indikator against the query an analyst would write in plain polars
  for the same numbers, and the floor (reading the needed columns).

Each indikator call is one small function (``ik_*``) taking DataFrames, so
it is easy to change when indikator takes LazyFrames.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

import bench_data as bd
import polars as pl

import indikator as ik

# The measurement of the region's indicators.
COC_END = bd.VISITS_TO  # 2024-08-31; the 18-month window starts 2023-03-01
COC_START = dt.date(2023, 3, 1)
WAITS_PERIOD = "2024"
WAITS_FROM, WAITS_TO = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
#: The law's limits (WaitLimits::law in src/care/waits.rs): days by kind;
#: a primary-care assessment decided before 2019 had 7 days.
LIMITS = {"primary_contact": 0, "primary_assessment": 3, "first_visit": 90, "treatment": 90,
          "bup_assessment": 30, "bup_in_depth": 30}
ASSESSMENT_7_DAYS_BEFORE = dt.date(2019, 1, 1)


# --------------------------------------------------------------------------
# indikator against PHStatsMethods (in memory).
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class PeerCase:
    """One statistic: the indikator call, the PHStatsMethods call, the floor,
    and the (indikator, PHStatsMethods) column pairs that must agree."""

    name: str
    ours: Callable[[pl.DataFrame], pl.DataFrame]
    theirs: Callable[[object, object], object]  # (pandas frame, ESP2013 as pandas) -> pandas
    pairs: tuple[tuple[str, str], ...]
    call: str  # how PHStatsMethods is called, for the report
    hand: Callable[[pl.DataFrame, pl.DataFrame], pl.DataFrame]  # (data, ESP2013) -> the same numbers
    hand_pairs: tuple[str, ...]  # indikator's columns the hand-written query also gives, same names


def ik_rate(df: pl.DataFrame) -> pl.DataFrame:
    return ik.rate(df, "x", "n", by="group", multiplier=100_000)


def ik_proportion(df: pl.DataFrame) -> pl.DataFrame:
    return ik.proportion(df, "x", "n", by="group", multiplier=100)


def ik_dsr(df: pl.DataFrame) -> pl.DataFrame:
    return ik.dsr(df, "x", "n", age_band="age_band", standard="esp2013", by="group", multiplier=100_000)


def ph_rate(pdf, esp):
    import PHStatsMethods as ph
    return ph.ph_rate(pdf, "x", "n", group_cols="group", multiplier=100_000)


def ph_proportion(pdf, esp):
    import PHStatsMethods as ph
    return ph.ph_proportion(pdf, "x", "n", group_cols="group", multiplier=100)


def ph_dsr(pdf, esp):
    import PHStatsMethods as ph
    return ph.ph_dsr(pdf, "x", "n", "esp2013", group_cols="group", multiplier=100_000,
                     euro_standard_pops=False, ref_df=esp, ref_join_left="age_band",
                     ref_join_right="age_band")


# The hand-written polars queries: one group-by (and, for the DSR, a join
# with the standard), the limits as closed forms in expressions. Byar's
# limits where indikator uses them (DSR totals, every rate count of 10 or
# more); the exact Poisson limits below 10 are not a polars expression, so
# the rate's limits are compared from 10 events on.
Z95 = 1.959963984540054


def _byar_lower(x: pl.Expr) -> pl.Expr:
    return x * (1 - 1 / (9 * x) - Z95 / (3 * x.sqrt())) ** 3


def _byar_upper(x: pl.Expr) -> pl.Expr:
    x1 = x + 1
    return x1 * (1 - 1 / (9 * x1) + Z95 / (3 * x1.sqrt())) ** 3


def hand_rate(df: pl.DataFrame, esp: pl.DataFrame) -> pl.DataFrame:
    x, n = pl.col("numerator"), pl.col("denominator")
    big = x >= 10
    return (df.lazy().group_by("group").agg(pl.col("x").sum().cast(pl.Float64).alias("numerator"),
                                            pl.col("n").sum().cast(pl.Float64).alias("denominator"))
            .with_columns((x / n * 100_000).alias("value"),
                          pl.when(big).then(_byar_lower(x) / n * 100_000).alias("lower"),
                          pl.when(big).then(_byar_upper(x) / n * 100_000).alias("upper"))
            .collect())


def hand_proportion(df: pl.DataFrame, esp: pl.DataFrame) -> pl.DataFrame:
    x, n = pl.col("numerator"), pl.col("denominator")
    z2 = Z95 * Z95
    root = (z2 + 4 * x * (1 - x / n)).sqrt()
    wilson = lambda sign: ((2 * x + z2 + sign * Z95 * root) / (2 * (n + z2))).clip(0, 1)  # noqa: E731
    return (df.lazy().group_by("group").agg(pl.col("x").sum().cast(pl.Float64).alias("numerator"),
                                            pl.col("n").sum().cast(pl.Float64).alias("denominator"))
            .with_columns((x / n * 100).alias("value"),
                          (pl.when(x == 0).then(0.0).otherwise(wilson(-1)) * 100).alias("lower"),
                          (pl.when(x == n).then(1.0).otherwise(wilson(1)) * 100).alias("upper"))
            .collect())


def hand_dsr(df: pl.DataFrame, esp: pl.DataFrame) -> pl.DataFrame:
    x, n, w = pl.col("x"), pl.col("n"), pl.col("weight")
    t, s = pl.col("numerator"), pl.col("s")
    sd = (pl.col("v") / pl.col("w") ** 2 / t).sqrt()
    value = s / pl.col("w")
    enough = t >= 10
    return (df.lazy().join(esp.lazy(), on="age_band", how="left", maintain_order="left")
            .group_by("group")
            .agg(x.sum().cast(pl.Float64).alias("numerator"), n.sum().cast(pl.Float64).alias("denominator"),
                 (x * w / n).sum().alias("s"), (x * (w / n) ** 2).sum().alias("v"), w.sum().alias("w"))
            .with_columns(pl.when(enough).then(value * 100_000).alias("value"),
                          pl.when(enough).then((value + sd * (_byar_lower(t) - t)) * 100_000).alias("lower"),
                          pl.when(enough).then((value + sd * (_byar_upper(t) - t)) * 100_000).alias("upper"))
            .collect())


def esp_for_phstatsmethods() -> pl.DataFrame:
    """ESP2013 as indikator ships it, as the reference table PHStatsMethods joins."""
    return ik.standard_population("esp2013").rename({"weight": "esp2013"})


def peer_floor(df: pl.DataFrame) -> pl.DataFrame:
    """The floor in memory: one sum over the numeric columns the statistics read."""
    return df.select(pl.col("x").sum(), pl.col("n").sum())


_LIMITS = (("value", "Value"), ("lower", "lower_95_ci"), ("upper", "upper_95_ci"))
PEER_CASES = (
    PeerCase("rate", ik_rate, ph_rate, (("numerator", "x"), ("denominator", "n"), *_LIMITS),
             'ph_rate(df, "x", "n", group_cols="group", multiplier=100000)',
             hand_rate, ("numerator", "denominator", "value")),
    PeerCase("proportion", ik_proportion, ph_proportion,
             (("numerator", "x"), ("denominator", "n"), *_LIMITS),
             'ph_proportion(df, "x", "n", group_cols="group", multiplier=100)',
             hand_proportion, ("numerator", "denominator", "value", "lower", "upper")),
    PeerCase("dsr", ik_dsr, ph_dsr,
             (("numerator", "Total Count"), ("denominator", "Total Pop"), *_LIMITS),
             'ph_dsr(df, "x", "n", "esp2013", group_cols="group", multiplier=100000, '
             'euro_standard_pops=False, ref_df=esp2013, ref_join_left="age_band", ref_join_right="age_band")',
             hand_dsr, ("numerator", "denominator", "value", "lower", "upper")),
)


# --------------------------------------------------------------------------
# indikator against hand-written polars (from the region's Parquet files).
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class PolarsCase:
    """One indicator of the region.

    ``columns``: the columns read from each table (the floor reads exactly
    these). ``load_filter``: rows kept when loading a table for indikator
    (the measurement window), applied in the scan. ``ours`` takes the loaded
    DataFrames; ``theirs`` builds the hand-written LazyFrame from scans.
    ``keys`` join the two results, whose ``pairs`` of columns must agree.
    """

    name: str
    title: str
    columns: dict[str, tuple[str, ...]]
    ours: Callable[[dict[str, pl.DataFrame]], pl.DataFrame]
    theirs: Callable[[dict[str, pl.LazyFrame]], pl.LazyFrame]
    keys: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    ours_also: str  # what indikator computes beyond the compared columns
    load_filter: dict[str, pl.Expr] = field(default_factory=dict)


def _in_coc_window() -> pl.Expr:
    return pl.col("date").is_between(COC_START, COC_END)


def _completed_in_period() -> pl.Expr:
    return pl.col("completed").is_between(WAITS_FROM, WAITS_TO)


# ---- the indikator calls (DataFrames in; change here for LazyFrames) ----

def ik_deaths_count(t: dict[str, pl.DataFrame]) -> pl.DataFrame:
    return ik.count(t["deaths"], by=["kommun", "year"])


def ik_deaths_rate(t: dict[str, pl.DataFrame]) -> pl.DataFrame:
    return ik.rate(t["population"], "deaths", "population", by=["kommun", "year"])


def ik_deaths_dsr(t: dict[str, pl.DataFrame]) -> pl.DataFrame:
    return ik.dsr(t["population"], "deaths", "population", age_band="age_band", by=["kommun", "year"])


def ik_visits_count(t: dict[str, pl.DataFrame]) -> pl.DataFrame:
    return ik.count(t["visits"], by=["unit", "profession"])


def ik_coc(t: dict[str, pl.DataFrame]) -> pl.DataFrame:
    return ik.continuity.coc(t["visits"], t["listings"], end=COC_END, by="unit")


def ik_waits(t: dict[str, pl.DataFrame]) -> pl.DataFrame:
    return ik.waits.fulfilment(t["referrals"], period=WAITS_PERIOD, by="clinic", as_of=bd.AS_OF)


# ---- the hand-written polars queries ----

def pl_deaths_count(t: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    return t["deaths"].group_by("kommun", "year").agg(pl.len().alias("count"))


def pl_deaths_rate(t: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    return (t["population"].group_by("kommun", "year")
            .agg(pl.col("deaths").sum(), pl.col("population").sum())
            .with_columns(rate=pl.col("deaths") / pl.col("population") * 100_000))


def pl_deaths_dsr(t: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """Σ(x·w/n) / Σw × 100 000 against ESP2013, no value under 10 events (as
    PHEindicatormethods and indikator)."""
    esp = ik.standard_population("esp2013").lazy()
    return (t["population"].join(esp, on="age_band")
            .group_by("kommun", "year")
            .agg(pl.col("deaths").sum(), pl.col("population").sum(),
                 (pl.col("deaths") * pl.col("weight") / pl.col("population")).sum().alias("wx"),
                 pl.col("weight").sum().alias("w"))
            .with_columns(dsr=pl.when(pl.col("deaths") >= 10).then(pl.col("wx") / pl.col("w") * 100_000)))


def pl_visits_count(t: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    return (t["visits"].filter(_in_coc_window())
            .group_by("unit", "profession").agg(pl.len().alias("count")))


def pl_coc(t: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """The national COC, by hand: patients listed on the end date, doctors'
    visits in the 18 months at the listing unit, ≥ 3 of them; per patient
    (Σ n_j² − N) / (N (N − 1)); the mean per listing unit."""
    listed = (t["listings"]
              .filter(pl.col("listed_from") <= COC_END,
                      pl.col("listed_to").is_null() | (pl.col("listed_to") >= COC_END))
              .select("patient_id", pl.col("unit").alias("listed_unit")))
    per_clinician = (t["visits"]
                     .filter(_in_coc_window(), pl.col("profession") == "läkare",
                             pl.col("clinician_id").is_not_null(), pl.col("patient_id").is_not_null())
                     .join(listed, on="patient_id")
                     .filter(pl.col("unit") == pl.col("listed_unit"))
                     .group_by("listed_unit", "patient_id", "clinician_id")
                     .agg(pl.len().cast(pl.Float64).alias("n")))
    n, s = pl.col("N"), pl.col("S")
    per_patient = (per_clinician.group_by("listed_unit", "patient_id")
                   .agg(pl.col("n").sum().alias("N"), (pl.col("n") ** 2).sum().alias("S"))
                   .filter(n >= 3)
                   .with_columns(coc=(s - n) / (n * (n - 1))))
    return (per_patient.group_by(pl.col("listed_unit").alias("unit"))
            .agg(pl.len().alias("patients"), pl.col("coc").mean()))


def pl_waits(t: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """Vårdgaranti by hand: waits completed in 2024, calendar days from the
    decision, within the law's limit of their kind; PVV and MOV left out."""
    limit = (pl.when((pl.col("kind") == "primary_assessment") & (pl.col("decided") < ASSESSMENT_7_DAYS_BEFORE))
             .then(pl.lit(7))
             .otherwise(pl.col("kind").replace_strict(LIMITS, return_dtype=pl.Int64)))
    counted = ~(pl.col("pvv").fill_null(False) | pl.col("mov").fill_null(False))
    wait = (pl.col("completed") - pl.col("decided")).dt.total_days()
    return (t["referrals"].filter(_completed_in_period())
            .group_by("clinic")
            .agg((counted & (wait <= limit)).sum().alias("within"), counted.sum().alias("counted"))
            .with_columns(share=pl.col("within") / pl.col("counted") * 100))


_VISITS = ("patient_id", "clinician_id", "profession", "unit", "date")
_LISTINGS = ("patient_id", "unit", "listed_from", "listed_to")
_REFERRALS = ("clinic", "kind", "decided", "completed", "pvv", "mov")
_LIMITS_EXTRA = "limits, status, confidence, statistic, method"

POLARS_CASES = (
    PolarsCase("deaths_count", "deaths by kommun and year (count)",
               {"deaths": ("kommun", "year")}, ik_deaths_count, pl_deaths_count,
               ("kommun", "year"), (("numerator", "count"),), f"Poisson {_LIMITS_EXTRA}"),
    PolarsCase("deaths_rate", "deaths per 100 000 by kommun and year (rate)",
               {"population": ("kommun", "year", "deaths", "population")}, ik_deaths_rate, pl_deaths_rate,
               ("kommun", "year"),
               (("numerator", "deaths"), ("denominator", "population"), ("value", "rate")),
               f"Byar/exact {_LIMITS_EXTRA}; checks counts and populations"),
    PolarsCase("deaths_dsr", "age-standardised deaths (ESP2013) by kommun and year (DSR)",
               {"population": ("kommun", "year", "age_band", "deaths", "population")}, ik_deaths_dsr,
               pl_deaths_dsr, ("kommun", "year"),
               (("numerator", "deaths"), ("denominator", "population"), ("value", "dsr")),
               f"Dobson {_LIMITS_EXTRA}; checks every band is in the standard"),
    PolarsCase("visits_count", "primary-care visits in 18 months by unit and profession (count)",
               {"visits": ("unit", "profession", "date")}, ik_visits_count, pl_visits_count,
               ("unit", "profession"), (("numerator", "count"),), f"Poisson {_LIMITS_EXTRA}",
               load_filter={"visits": _in_coc_window()}),
    PolarsCase("coc", "continuity of care (COC, national definition) by listing unit",
               {"visits": _VISITS, "listings": _LISTINGS}, ik_coc, pl_coc, ("unit",),
               (("denominator", "patients"), ("value", "coc")),
               "UPC, MMCI, Herfindahl per patient (SECON only when reported); Student-t limits, median, share ≥ 0.5 with "
               "Wilson limits; the data-quality counts; a check that no patient is listed twice",
               load_filter={"visits": _in_coc_window()}),
    PolarsCase("waits", "vårdgaranti: share of waits completed in 2024 within the limit, by clinic",
               {"referrals": _REFERRALS}, ik_waits, pl_waits, ("clinic",),
               (("numerator", "within"), ("denominator", "counted"), ("value", "share")),
               "checks of every record (date order, not after as_of, known kinds); Wilson limits, "
               "PVV/MOV counts and shares, median days",
               load_filter={"referrals": _completed_in_period()}),
)


def polars_case(name: str) -> PolarsCase:
    for c in POLARS_CASES:
        if c.name == name:
            return c
    raise KeyError(f"no case {name!r}; the cases are {[c.name for c in POLARS_CASES]}")


# --------------------------------------------------------------------------
# Agreement of two results.
# --------------------------------------------------------------------------

def disagreements(ours: pl.DataFrame, theirs: pl.DataFrame, keys: tuple[str, ...],
                  pairs: tuple[tuple[str, str], ...], rtol: float = 1e-9) -> list[str]:
    """Where the two results differ: groups in one only, and per column pair
    the rows whose values differ by more than ``rtol`` (relative; missing
    values — null or NaN — agree only with missing values). Empty if equal."""
    def prepared(frame: pl.DataFrame, cols: list[str], side: str) -> pl.DataFrame:
        return frame.select(*[pl.col(k).cast(pl.String) for k in keys],
                            *[pl.col(c).cast(pl.Float64).fill_nan(None).alias(f"{side}:{c}") for c in cols])

    a = prepared(ours, [p[0] for p in pairs], "ours")
    b = prepared(theirs, [p[1] for p in pairs], "theirs")
    problems = []
    if a.select(keys).is_duplicated().any() or b.select(keys).is_duplicated().any():
        problems.append("duplicate groups in a result")
    only_a = a.join(b, on=keys, how="anti", nulls_equal=True).height
    only_b = b.join(a, on=keys, how="anti", nulls_equal=True).height
    if only_a or only_b:
        problems.append(f"groups only in indikator: {only_a}, only in the peer: {only_b}")
    both = a.join(b, on=keys, how="inner", nulls_equal=True)
    for ours_col, theirs_col in pairs:
        x, y = pl.col(f"ours:{ours_col}"), pl.col(f"theirs:{theirs_col}")
        bad = both.filter(
            (x.is_null() != y.is_null())
            | ((x - y).abs() > rtol * pl.max_horizontal(x.abs(), y.abs(), pl.lit(1e-300)))
        )
        if bad.height:
            worst = bad.with_columns(rel=((x - y).abs() / pl.max_horizontal(x.abs(), y.abs()))) \
                .sort("rel", descending=True, nulls_last=False).row(0, named=True)
            example = ", ".join(f"{k}={worst[k]}" for k in keys)
            problems.append(
                f"{ours_col} vs {theirs_col}: {bad.height} of {both.height} groups differ "
                f"(e.g. {example}: indikator {worst[f'ours:{ours_col}']!r}, "
                f"peer {worst[f'theirs:{theirs_col}']!r})")
    return problems
