"""The chaining matrix: the output of every public function that returns a
result goes, as it comes, into every function that takes a result —
compare (against a benchmark and against the same period a year earlier),
assess, trend, suppress, the funnel, the charts, ratings by perspective.
No key or column is built by hand between two calls; a pairing that does
not apply (a trend of a table without time) is listed with its reason.
RELIABILITY.md counts the cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

import indikator as ik

DATA = Path(__file__).resolve().parents[1] / "data" / "care"
D = dt.date


def _read(name, dates=(), ints=()):
    frame = pl.read_csv(DATA / name, infer_schema=False)
    return frame.with_columns(
        *[pl.col(c).str.to_date("%Y-%m-%d", strict=False) for c in dates],
        *[pl.col(c).cast(pl.Int64) for c in ints],
    )


REFERRALS = _read("referrals.csv", ("decided", "completed"), ("pvv", "mov"))
STAYS = _read("stays.csv", ("admitted", "discharged"), ("age", "acute"))
PLANS = _read("plans.csv", ("established", "birth_date"), ("plan_id",))
DEATHS = _read("deaths.csv", (), ("year", "age"))
POPULATION = _read("population.csv", (), ("year", "population"))
UNITS = pl.DataFrame({"kommun": ["Berg", "Bräcke", "Åre", "Östersund"] * 3,
                      "year": [2022] * 4 + [2023] * 4 + [2024] * 4,
                      "x": [30, 20, 45, 600, 33, 22, 41, 610, 28, 19, 50, 640],
                      "n": [50, 40, 60, 700] * 3})
SCORES = pl.DataFrame({"kommun": ["Berg"] * 3 + ["Åre"] * 3, "score": [4.5, 4.6, 4.7, 4.1, 4.4, 4.2]})


def _visits():
    rows = []
    for p in range(30):
        for k, m in enumerate((1, 3, 5, 7, 9, 11, 13, 15)):
            year, month = 2023 + (m - 1) // 12, (m - 1) % 12 + 1
            rows.append((f"p{p}", "ABAC"[(p + k) % 4] if p % 3 else "A", D(year, month, 10)))
    return pl.DataFrame({"patient_id": [r[0] for r in rows], "clinician_id": [r[1] for r in rows],
                         "profession": ["läkare"] * len(rows), "unit": ["HC Lit"] * len(rows),
                         "date": [r[2] for r in rows]})


LISTINGS = pl.DataFrame({"patient_id": [f"p{p}" for p in range(30)], "unit": ["HC Lit"] * 30,
                         "listed_from": [D(2020, 1, 1)] * 30, "listed_to": [None] * 30},
                        schema_overrides={"listed_to": pl.Date})
WAITS = dict(as_of="2024-12-31")
ESP = ik.standard_population("esp2013")


def _esp_population():
    """Deaths and population by ESP band (the reference's own layout)."""
    bands = ESP["age_band"].to_list()
    return pl.DataFrame({"kommun": ["Berg"] * len(bands) + ["Åre"] * len(bands), "age_band": bands * 2,
                         "deaths": [i % 4 for i in range(len(bands))] * 2,
                         "pop": [1000 + 10 * i for i in range(len(bands))] * 2})


# Producers: name → (thunk, group columns, time column or None).
PRODUCERS = {
    "count": (lambda: ik.count(UNITS, "x", by=["kommun", "year"]), ["kommun"], "year"),
    "rate": (lambda: ik.rate(UNITS, "x", "n", by=["kommun", "year"]), ["kommun"], "year"),
    "rate, both levels": (lambda: ik.rate(UNITS, "x", "n", by=["kommun", "year"], confidence=(0.95, 0.998)),
                          ["kommun"], "year"),
    "rate, pooled": (lambda: ik.rate(UNITS, "x", "n", by="kommun", pool="year"), ["kommun"], "year"),
    "proportion": (lambda: ik.proportion(UNITS, "x", "n", by=["kommun", "year"], multiplier=100), ["kommun"], "year"),
    "mean": (lambda: ik.mean(SCORES, "score", by="kommun"), ["kommun"], None),
    "dsr": (lambda: ik.dsr(_esp_population(), "deaths", "pop", age_band="age_band", standard=ESP, by="kommun"),
            ["kommun"], None),
    "isr": (lambda: ik.isr(_esp_population(), "deaths", "pop", age_band="age_band",
                           reference=_esp_population().filter(pl.col("kommun") == "Berg").drop("kommun"),
                           ref_x="deaths", ref_n="pop", by="kommun"), ["kommun"], None),
    "waits.fulfilment": (lambda: ik.waits.fulfilment(REFERRALS, period="jan–aug 2024", by="unit", **WAITS),
                         ["unit"], None),
    "waits.fulfilment per month": (lambda: ik.waits.fulfilment(REFERRALS, period="2024", per="month", **WAITS),
                                   [], "period"),
    "waits.fulfilment waiting": (lambda: ik.waits.fulfilment(REFERRALS, period="T1 2024", measure="waiting",
                                                             invalid="exclude", **WAITS), [], "snapshot"),
    "waits.distribution": (lambda: ik.waits.distribution(REFERRALS, period="jan–aug 2024", **WAITS), ["bin"], None),
    "waits.summary": (lambda: ik.waits.summary(REFERRALS, period="jan–aug 2024", **WAITS), ["summary"], None),
    "waits.reporting_rate": (lambda: ik.waits.reporting_rate(
        pl.DataFrame({"period": ["2024-01", "2024-01", "2024-02"], "unit": ["A", "B", "A"]}),
        expected=["A", "B"]), [], "period"),
    "readmission.share": (lambda: ik.readmission.share(STAYS, period="2024", per="tertial", as_of="2025-06-30"),
                          [], "period"),
    "sip.counts": (lambda: ik.sip.counts(PLANS, period="2024", per="tertial"), ["age_group"], "period"),
    "sip.change": (lambda: ik.sip.change(PLANS, period="jan–aug 2024", by="kommun"), ["kommun", "age_group"],
                   "period"),
    "mortality.rates": (lambda: ik.mortality.rates(DEATHS, POPULATION, ages=(15, None), window=3, rolling=True),
                        [], "period"),
    "mortality.rates standardised": (lambda: ik.mortality.rates(DEATHS, POPULATION, ages=(15, None), window=5,
                                                                standard="esp2013"), [], "period"),
    "continuity.coc": (lambda: ik.continuity.coc(_visits(), LISTINGS, end="2024-08-31", min_visits=3, by="unit"),
                       ["unit"], None),
    "continuity.rolling": (lambda: ik.continuity.rolling(_visits(), LISTINGS, start="2024-06-30",
                                                         end="2024-08-31", min_visits=3), [], "end"),
}

# Results of the consumers themselves go on down the chain too.
PRODUCERS["compare"] = (lambda: ik.compare(PRODUCERS["rate"][0](), benchmark=100.0), ["kommun"], "year")
PRODUCERS["suppress"] = (lambda: ik.suppress(PRODUCERS["rate"][0]()), ["kommun"], "year")
PRODUCERS["assess"] = (lambda: ik.assess(PRODUCERS["proportion"][0](), ik.Target.at_least(60, unit="%")),
                       ["kommun"], "year")


def _produce(name):
    thunk, groups, time = PRODUCERS[name]
    return thunk(), groups, time


def _many_points(frame, groups, time):
    return time is not None and frame.group_by(groups or pl.lit(1)).len()["len"].min() >= 3


# Consumers: name → function(result, groups, time) that must succeed, or
# return a reason it does not apply.
def _compare_benchmark(r, groups, time):
    out = ik.compare(r, benchmark=float(r["value"].drop_nulls().mean() or 1.0), polarity="high_is_good")
    assert {"vs_benchmark", "benchmark"} <= set(out.columns)


def _compare_previous(r, groups, time):
    if time is None and r.height > 1 and not groups:
        return "no time column and no groups: nothing matches a row to last year's"
    out = ik.compare(r, previous=r, on=groups if time is None else [g for g in groups if g != time])
    assert out.height == r.height and "vs_previous" in out.columns
    if time is not None:
        assert "previous_period" in out.columns


def _assess(r, groups, time):
    out = ik.assess(r, ik.Target.increase(significant=True) if "previous_value" in r.columns
                    else ik.Target.at_least(1))
    assert "rating" in out.columns and set(out["rating"].drop_nulls()) <= {"fulfilled", "partly", "not fulfilled"}


def _assess_direction(r, groups, time):
    if time is None:
        return "no time column: no same period a year earlier"
    compared = ik.compare(r, previous=r, on=[g for g in groups if g != time])
    out = ik.assess(compared, ik.Target.increase(significant=True))
    assert "rating" in out.columns


def _trend(r, groups, time):
    if not _many_points(r, groups, time):
        return "fewer than 3 points per group over time"
    out = ik.trend(r, time, by=groups, points=3)
    assert "trend" in out.columns


def _suppress(r, groups, time):
    out = ik.suppress(r)
    assert "suppressed" in out.columns and out.height == r.height


def _funnel(r, groups, time):
    stat = r["statistic"][0] if "statistic" in r.columns else ""
    if not stat.startswith(("proportion", "share")) or time is not None:
        return "a funnel compares the units of one period by a proportion"
    out = ik.funnel.significance(r.filter(pl.col("denominator") > 0), "proportion", "numerator", "denominator")
    assert "significance" in out.columns


def _plot_trend(r, groups, time):
    if time is None:
        return "no time column"
    one = r
    for g in groups:
        one = one.filter(pl.col(g) == one[g][0])
    assert ik.plot.trend(one, label=time).svg.startswith("<svg")


def _plot_groups(r, groups, time):
    if len(groups) != 1:
        return "a bar chart needs one group column"
    one = r if time is None else r.filter(pl.col(time) == r[time][-1])
    assert ik.plot.by_kommun(one, label=groups[0]).svg.startswith("<svg")


CONSUMERS = {
    "compare benchmark": _compare_benchmark,
    "compare previous": _compare_previous,
    "assess": _assess,
    "assess direction": _assess_direction,
    "trend": _trend,
    "suppress": _suppress,
    "funnel": _funnel,
    "plot.trend": _plot_trend,
    "plot.by_kommun": _plot_groups,
}

CELLS = [(p, c) for p in PRODUCERS for c in CONSUMERS]
APPLIED: list[tuple[str, str]] = []


@pytest.mark.parametrize("producer,consumer", CELLS, ids=[f"{p} → {c}" for p, c in CELLS])
def test_every_result_goes_into_every_function_that_takes_one(producer, consumer):
    result, groups, time = _produce(producer)
    for column in ("value", "status", "confidence", "statistic", "method"):
        assert column in result.columns, f"{producer} lacks `{column}`: {result.columns}"
    reason = CONSUMERS[consumer](result, groups, time)
    if reason is None:
        APPLIED.append((producer, consumer))


def test_the_report_table_goes_into_every_function_that_takes_a_result(demo_report):
    table = demo_report.table
    counts = ik.ratings_by_perspective(table)
    # Counted as the report's pies count: each success factor once.
    factors = table.filter(pl.col("series") == "success_factor")["indicator_id"].n_unique()
    assert factors > 0
    assert counts["fulfilled"].sum() + counts["partly"].sum() + counts["not_fulfilled"].sum() \
        + counts["missing"].sum() == factors
    assert ik.plot.ratings(counts.filter(pl.col("perspective") == "Patient")).svg.startswith("<svg")
    one = table.filter(pl.col("indicator_id") == "suicid-15")
    chart = ik.plot.trend(one).svg
    years = [p for p in one.filter(pl.col("breakdown") == "total")["period"].to_list()]
    assert chart.index(sorted(years)[0]) < chart.index(sorted(years)[-1])
    assert ik.plot.by_kommun(one).svg.startswith("<svg")
    compared = ik.compare(one.filter(pl.col("breakdown") == "total"), benchmark=15.0, polarity="low_is_good")
    assert compared["vs_benchmark"].null_count() == 0
    rated = ik.assess(one.filter(pl.col("breakdown") == "total"), ik.Target.at_most(20))
    assert "rating" in rated.columns
    assert "suppressed" in ik.suppress(one).columns


def test_the_matrix_is_counted():
    # Every producer × consumer is a cell; RELIABILITY.md gives the count.
    assert len(PRODUCERS) >= 24 and len(CONSUMERS) >= 9
    assert len(CELLS) == len(PRODUCERS) * len(CONSUMERS)
