"""The record-level care indicators through Python: the same numbers as
Rust on the same records (tests/data/care/, see cross_language.rs), the
hand-worked rules, and clear errors."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import polars as pl
import pytest

import indikator as ik

DATA = Path(__file__).resolve().parents[1] / "data" / "care"


def _read(name, dates=(), ints=()):
    frame = pl.read_csv(DATA / name, infer_schema=False)
    return frame.with_columns(
        *[pl.col(c).str.to_date("%Y-%m-%d", strict=False) for c in dates],
        *[pl.col(c).cast(pl.Int64) for c in ints],
    )


def _cases():
    referrals = _read("referrals.csv", ("decided", "completed"), ("pvv", "mov"))
    stays = _read("stays.csv", ("admitted", "discharged"), ("age", "acute"))
    plans = _read("plans.csv", ("established", "birth_date"), ("plan_id",))
    deaths = _read("deaths.csv", (), ("year", "age"))
    population = _read("population.csv", (), ("year", "population"))
    waits = dict(period="jan–aug 2024", as_of="2024-08-31", by="unit")
    return [
        ("waits_monthly", ik.waits.fulfilment(referrals, per="month", **waits)),
        ("waits_summary", ik.waits.summary(referrals, **waits)),
        ("waits_distribution", ik.waits.distribution(referrals, **waits)),
        ("waits_waiting", ik.waits.fulfilment(referrals, period="T1 2024", measure="waiting", as_of="2024-08-31",
                                              by="unit", invalid="exclude")),
        ("readmission", ik.readmission.share(stays, period="2024", by="sex", per="tertial", as_of="2025-06-30")),
        ("sip_change", ik.sip.change(plans, period="jan–aug 2024", by="kommun")),
        ("suicide_rolling", ik.mortality.rates(deaths, population, ages=(15, None), by="sex", window=3,
                                               rolling=True)),
        ("suicide_dsr", ik.mortality.rates(deaths, population, causes="suicide_wide", ages=(15, None), window=5,
                                           standard="esp2013")),
    ]


def test_python_gives_the_numbers_rust_gives():
    with open(DATA / "expected.csv", encoding="utf-8") as f:
        want = [(r["case"], int(r["row"]), r["column"], r["value"]) for r in csv.DictReader(f)]
    got = []
    for name, frame in _cases():
        for column, dtype in frame.schema.items():
            if dtype == pl.Float64:
                got.extend((name, row, column, v) for row, v in enumerate(frame[column].to_list()))
    assert len(got) == len(want)
    for (case, row, column, value), g in zip(want, got):
        assert (case, row, column) == g[:3]
        expected = None if value == "null" else float(value)
        assert g[3] == expected, (case, row, column)  # exact: the same doubles


def _referrals(rows):
    return pl.DataFrame(rows, schema=["decided", "completed", "kind"], orient="row")


def test_limit_and_limit_plus_one_day():
    r = _referrals([(dt.date(2024, 1, 1), dt.date(2024, 3, 31), "first_visit"),
                    (dt.date(2024, 1, 1), dt.date(2024, 4, 1), "first_visit")])
    out = ik.waits.fulfilment(r, period="2024", pvv=False, mov=False, as_of="2025-01-01")
    assert out.select("numerator", "denominator").row(0) == (1.0, 2.0)
    plan = ik.waits.fulfilment(r, period="2024", pvv=False, mov=False, as_of="2025-01-01",
                               limits={"first_visit": 60})
    assert plan["numerator"][0] == 0.0


def test_bup_2018_is_63_5_as_the_mean_of_months_and_not_as_the_pooled_share():
    volumes = [(19, 50), (63, 100), (73, 100), (13, 20), (30, 50), (41, 50), (9, 10), (37, 100)]
    rows = []
    for month, (within, total) in enumerate(volumes, start=1):
        done = dt.date(2018, month, 28)
        rows += [(done - dt.timedelta(days=20 if k < within else 45), done, "bup_assessment") for k in range(total)]
    s = ik.waits.summary(_referrals(rows), period="jan–aug 2018", pvv=False, mov=False, as_of="2019-01-01")
    values = dict(s.select("summary", "value").iter_rows())
    assert values["mean of monthly shares"] == pytest.approx(63.5, abs=1e-12)
    assert values["pooled share"] == pytest.approx(285 / 480 * 100, abs=1e-12)


def test_waiting_snapshots_at_month_ends():
    r = _referrals([(dt.date(2024, 1, 1), dt.date(2024, 3, 1), "first_visit"),
                    (dt.date(2023, 10, 1), None, "first_visit")])
    out = ik.waits.fulfilment(r, period="2024", measure="waiting", snapshots=["2024-01-31", "2024-02-29"],
                              pvv=False, mov=False, as_of="2024-03-31")
    assert out["snapshot"].to_list() == [dt.date(2024, 1, 31), dt.date(2024, 2, 29)]
    assert out["numerator"].to_list() == [1.0, 1.0]
    assert out["denominator"].to_list() == [2.0, 2.0]


def test_readmission_day_30_counts_and_day_31_does_not():
    stays = pl.DataFrame({
        "patient_id": ["a", "a", "b", "b"],
        "admitted": [dt.date(2024, 3, 1), dt.date(2024, 4, 9), dt.date(2024, 3, 1), dt.date(2024, 4, 10)],
        "discharged": [dt.date(2024, 3, 10), dt.date(2024, 4, 12), dt.date(2024, 3, 10), dt.date(2024, 4, 12)],
        "age": [80] * 4, "discharge_type": ["home"] * 4})
    out = ik.readmission.stays(stays, period="2024", as_of="2025-01-01")
    assert out["readmitted"].to_list() == [True, False, False, False]
    assert out["days_to_readmission"].to_list()[0] == 30



def test_readmission_joins_the_day_after_a_transfer_to_another_hospital():
    stays = pl.DataFrame({
        "patient_id": ["a", "a"], "admitted": [dt.date(2024, 3, 1), dt.date(2024, 3, 6)],
        "discharged": [dt.date(2024, 3, 5), dt.date(2024, 3, 20)], "age": [80, 80],
        "discharge_type": ["annat sjukhus", "hem"]})
    out = ik.readmission.stays(stays, period="2024", as_of="2025-01-01")
    assert out.select("admitted", "discharged", "readmitted").rows() == [
        (dt.date(2024, 3, 1), dt.date(2024, 3, 20), False)]
    apart = ik.readmission.stays(stays, period="2024", as_of="2025-01-01", transferred=["överflyttad"])
    assert apart["days_to_readmission"].to_list() == [1, None]

def test_suicide_15_24_in_2016_is_6_90():
    deaths = pl.DataFrame({"year": [2016, 2016], "age": [19, 14], "cause": ["X70.9", "X70"]})
    population = pl.DataFrame({"year": [2016] * 2, "age": ["10-14", "15-24"], "population": [7000, 14_500]})
    out = ik.mortality.rates(deaths, population, ages=(15, 24))
    assert f"{out['value'][0]:.2f}" == "6.90"
    with pytest.raises(ik.AgeBandError, match="10-14"):
        ik.mortality.rates(deaths, population, ages=(12, 24))


def test_sip_children_boundary_and_mapping():
    plans = pl.DataFrame({"id": [1, 2], "upprattad": [dt.date(2024, 3, 10)] * 2,
                          "fodd": [dt.date(2006, 3, 10), dt.date(2006, 3, 11)]})
    out = ik.sip.counts(plans, period="2024",
                        columns={"plan_id": "id", "established": "upprattad", "birth_date": "fodd"})
    assert out.select("age_group", "value").rows() == [("barn och unga", 1.0), ("vuxna", 1.0)]


def test_errors_name_the_column_the_rule_and_the_value():
    r = _referrals([(dt.date(2024, 3, 1), dt.date(2024, 2, 1), "first_visit")])
    with pytest.raises(ik.DataError, match=r"`completed`.*before the decision.*2024-02-01 before 2024-03-01.*row 0"):
        ik.waits.fulfilment(r, period="2024", pvv=False, mov=False, as_of="2025-01-01")
    with pytest.raises(ik.ColumnNotFoundError, match="`pvv`"):
        ik.waits.fulfilment(r, period="2024", as_of="2025-01-01")
    with pytest.raises(ik.ArgumentError, match="measure"):
        ik.waits.fulfilment(r, period="2024", measure="väntetid")
    with pytest.raises(ik.ArgumentError, match="unknown roles"):
        ik.sip.counts(r, period="2024", columns={"plan": "x"})
    with pytest.raises(ik.ArgumentError, match="suicide_wide"):
        ik.mortality.rates(r, r, causes="suicid")
    with pytest.raises(ik.ArgumentError, match="period"):
        ik.readmission.share(r, period=dt.date(2024, 1, 1))
    q = ik.waits.quality(r, period="2024", pvv=False, mov=False, as_of="2025-01-01", invalid="exclude")
    assert dict(q.iter_rows())["excluded: the completion must not be before the decision"] == 1
