"""One system (issue 19): each example a user met, as a test that failed
before and passes now. Each stands for a class; test_chaining.py and the
sweep below cover the other members of the classes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

import indikator as ik

D = dt.date
DATA = Path(__file__).resolve().parents[1] / "data" / "care"


def _read(name, dates=(), ints=()):
    frame = pl.read_csv(DATA / name, infer_schema=False)
    return frame.with_columns(
        *[pl.col(c).str.to_date("%Y-%m-%d", strict=False) for c in dates],
        *[pl.col(c).cast(pl.Int64) for c in ints],
    )


REFERRALS = _read("referrals.csv", ("decided", "completed"), ("pvv", "mov"))
DEATHS = _read("deaths.csv", (), ("year", "age"))
POPULATION = _read("population.csv", (), ("year", "population"))
STAYS = _read("stays.csv", ("admitted", "discharged"), ("age", "acute"))
PLANS = _read("plans.csv", ("established", "birth_date"), ("plan_id",))


# 1. Outputs the library's own functions refused.

def test_a_care_result_says_its_level_so_compare_and_targets_need_none():
    share = ik.waits.fulfilment(REFERRALS, period="jan–aug 2024", by="unit", as_of="2024-12-31")
    assert set(share["confidence"]) == {"95%"}
    assert share["statistic"][0].startswith("share within the limit")
    assert set(share["method"]) <= {"Wilson", None}
    compared = ik.compare(share, benchmark=70.0, polarity="high_is_good")
    assert compared["vs_benchmark"].null_count() == 0
    rated = ik.assess(ik.compare(share, previous=share, on="unit"), ik.Target.increase(significant=True))
    assert rated["rating_sv"].null_count() == 0


def test_a_trend_over_pooled_windows_reads_their_labels():
    rates = ik.mortality.rates(DEATHS, POPULATION, ages=(15, None), window=3, rolling=True)
    assert rates["period"][0] == "2011–2013"
    out = ik.trend(rates, "period")
    assert out["points"][0] == 5 and out["to"][0] == rates["period"][-1]


def test_the_report_table_is_counted_as_its_pies_count(demo_report):
    # The shipped catalogue has success factors: each is counted once, as
    # the report's pies count them (an indicator is rated within its factor).
    counts = ik.ratings_by_perspective(demo_report.table)
    assert counts.select(pl.sum_horizontal("fulfilled", "partly", "not_fulfilled", "missing")).to_series().sum() \
        == len(ik.Catalog.shipped().success_factor_ids)
    assert counts.equals(ik.ratings_by_perspective(demo_report.success_factors))
    # Text that may be absent is null in the long table, never "".
    assert (demo_report.table["rating"] == "").sum() == 0


# 2. The same period last year.

def test_january_finds_january_a_year_earlier_in_any_form_of_label():
    monthly = ik.waits.fulfilment(REFERRALS, period="2024", per="month", as_of="2024-12-31")
    last_year = monthly.with_columns(pl.col("period").str.replace("2024-", "2023-"))
    swedish = last_year.with_columns(
        pl.col("period").map_elements(lambda p: str(ik.Period(p)), return_dtype=pl.String))
    out = ik.compare(monthly, previous=swedish)
    assert out["previous_period"].to_list()[:2] == ["januari 2023", "februari 2023"]
    assert out["vs_previous"].to_list() == ["similar"] * monthly.height
    assert out["previous_value"].to_list() == monthly["value"].to_list()


def test_a_tertial_and_the_delar_find_theirs_in_one_table_of_two_years():
    shares = pl.DataFrame({"period": ["T1 2023", "T1 2024", "2023-delar", "2024-delar"],
                           "x": [40, 70, 300, 310], "n": [100, 100, 500, 500]})
    result = ik.proportion(shares, "x", "n", by="period")
    # Rows come out in time order, not in the order of the labels' text.
    assert result["period"].to_list() == ["T1 2023", "2023-delar", "T1 2024", "2024-delar"]
    out = ik.compare(result, previous=result)
    assert out["previous_period"].to_list() == [None, None, "T1 2023", "2023-delar"]
    assert out["vs_previous"].to_list() == ["not compared", "not compared", "higher", "similar"]


def test_the_rule_says_same_period_last_year():
    a = ik.Target.increase().assess(120, previous=100)
    assert a.rule == "ska öka jämfört med samma period föregående år — utfall 120 (samma period föregående år 100)"


# 3. Silent numbers at the edges.

def test_a_year_without_death_records_is_an_error_not_zero_deaths():
    with pytest.raises(ik.DataError) as e:
        ik.mortality.rates(DEATHS, POPULATION, ages=(15, None), years=(2021, 2025))
    assert str(e.value) == ("column `year`: every year asked for must have death records (the records cover "
                            "2011–2023); found no deaths at all in 2024, 2025 (years 2021–2025)")


def test_a_misspelt_kind_of_wait_is_an_error_listing_the_kinds():
    with pytest.raises(ik.ArgumentError) as e:
        ik.waits.fulfilment(REFERRALS, period="2024", limits={"first_vist": 60}, as_of="2024-12-31")
    assert str(e.value).startswith("argument `limits`: a limit must be for a kind of wait of the law "
                                   "(primary_contact, primary_assessment, first_visit, treatment, bup_assessment, "
                                   "bup_in_depth) or of the `kind` column (")
    assert str(e.value).endswith('; got "first_vist"')


def test_a_share_that_pools_kinds_says_which_and_their_limits():
    records = pl.DataFrame({"decided": [D(2024, 1, 1)] * 3, "completed": [D(2024, 1, 20), D(2024, 3, 1), D(2024, 2, 1)],
                            "kind": ["bup_assessment", "first_visit", "first_visit"]})
    out = ik.waits.fulfilment(records, period="2024", pvv=False, mov=False, as_of="2025-01-01")
    assert out.select("kinds", "limit_days").row(0) == ("bup_assessment, first_visit", "30, 90")
    by_kind = ik.waits.fulfilment(records, period="2024", by="kind", pvv=False, mov=False, as_of="2025-01-01")
    assert by_kind["kinds"].to_list() == ["bup_assessment", "first_visit"]


def test_a_level_that_contradicts_the_table_is_an_error():
    r = ik.rate(pl.DataFrame({"x": [3], "n": [100]}), "x", "n")
    with pytest.raises(ik.ArgumentError) as e:
        ik.compare(r, benchmark=2.0, level=0.998)
    assert str(e.value) == ("argument `level`: the table's limits are at 95% (its `confidence` column); "
                            "leave `level` out or give the same level; got 0.998")


def test_a_period_without_data_is_an_error_not_a_share_of_nothing():
    with pytest.raises(ik.ArgumentError, match="extraction date as_of = 2024-12-31"):
        ik.waits.fulfilment(REFERRALS, period="2025", as_of="2024-12-31")
    with pytest.raises(ik.ArgumentError, match="the period must overlap the records"):
        ik.waits.fulfilment(REFERRALS, period="2015", as_of="2024-12-31")
    with pytest.raises(ik.ArgumentError, match="the period must overlap the records"):
        ik.sip.counts(PLANS, period="2030")
    with pytest.raises(ik.ArgumentError, match="extraction date"):
        ik.readmission.share(STAYS, period="2026", as_of="2025-06-30")


# 4. Columns that mean something else.

def test_numerator_and_denominator_hold_counts_or_nothing():
    summary = ik.waits.summary(REFERRALS, period="jan–aug 2024", as_of="2024-12-31")
    mean_row = summary.filter(pl.col("summary") == "mean of monthly shares").row(0, named=True)
    assert mean_row["numerator"] is None and mean_row["denominator"] is None and mean_row["months"] == 8
    mean = ik.mean(pl.DataFrame({"v": [4.5, 4.6, 4.7]}), "v")
    assert mean["numerator"][0] is None and mean["denominator"][0] == 3 and mean["sum"][0] == pytest.approx(13.8)
    ref = pl.DataFrame({"age_band": ["0-4", "5-9"], "x": [10, 20], "n": [1000, 1000]})
    isr = ik.isr(ref, "x", "n", age_band="age_band", reference=ref, ref_x="x", ref_n="n")
    assert isr["denominator"][0] is None and isr["expected"][0] == pytest.approx(30.0)


# 5. Edges a polars user meets.

def test_a_pandas_frame_gets_an_error_naming_the_conversion():
    pd = pytest.importorskip("pandas")
    with pytest.raises(ik.ArgumentError) as e:
        ik.rate(pd.DataFrame({"x": [1], "n": [10]}), "x", "n")
    assert str(e.value) == ("argument `data`: must be a polars DataFrame or LazyFrame; got a pandas DataFrame: "
                            "convert it first with pl.from_pandas(df)")


def test_join_keys_of_different_dtypes_name_both():
    r = ik.rate(pl.DataFrame({"kommun": ["2380"], "x": [3], "n": [100]}), "x", "n", by="kommun")
    riket = pl.DataFrame({"kommun": [2380], "value": [2.0]})
    with pytest.raises(ik.DtypeError) as e:
        ik.compare(r, benchmark=riket, on="kommun")
    assert str(e.value) == ("column `kommun` (key matching the benchmark table) must be the same dtype in both "
                            "tables (str in one, i64 in the benchmark table: cast one, e.g. to text), found dtype i64")


def test_what_polars_users_write_is_taken():
    data = pl.DataFrame({"kommun": ["a", "b"], "x": [3, 4], "n": [100, 200]})
    assert ik.rate(data, "x", "n", by=pl.col("kommun")).equals(ik.rate(data, "x", "n", by="kommun"))
    listed = ik.mortality.rates(DEATHS, POPULATION, ages=[15, 24])
    assert listed.equals(ik.mortality.rates(DEATHS, POPULATION, ages=(15, 24)))
    with pytest.raises(ik.ArgumentError, match="must name one column"):
        ik.rate(data, "x", "n", by=pl.col("kommun") + "x")


# 6. Small things with the same root.

def test_a_trend_chart_draws_its_points_in_time_order():
    rows = pl.DataFrame({"period": ["2024", "2022", "2023"], "value": [3.0, 1.0, 2.0]})
    svg = ik.plot.trend(rows).svg
    assert svg.index(">2022<") < svg.index(">2023<") < svg.index(">2024<")
    with pytest.raises(ik.DataError, match="one row per period"):
        ik.plot.trend(pl.concat([rows, rows]))


def test_sip_change_rates_in_the_vocabulary_of_every_rating():
    out = ik.sip.change(PLANS, period="jan–aug 2024", by="kommun")
    assert set(out["rating"].drop_nulls()) <= {"fulfilled", "not fulfilled"}
    assert set(out["rating_sv"]) <= {"uppfylld", "ej uppfylld", "ej mätbart"}
