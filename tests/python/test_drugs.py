"""The drug family from Python (issue 22): the share of persons aged 75+
dispensed a drug set per month, worked by hand; its bad input, each with
its typed exception and message word for word; and the monthly series
rated against "a significant decrease in at least 4 of the 6 months
April–September", each month's test checked against scipy."""

from __future__ import annotations

import datetime as dt
import math

import polars as pl
import pytest
from scipy import stats

import indikator as ik

D = dt.date


def dispensings(**columns):
    """January–March 2024: a gets diazepam and tramadol in January (counted
    once) and diazepam on 1 February; b (born 1949) is 75 in 2024, c (born
    1950) 74; d's metoprolol and a's oxazepam are not of the set."""
    base = {
        "person_id": ["a", "a", "a", "b", "c", "d", "e", "f", "a", "g"],
        "dispensed": [D(2024, 1, 3), D(2024, 1, 31), D(2024, 2, 1), D(2024, 1, 9), D(2024, 1, 12),
                      D(2024, 2, 20), D(2024, 3, 4), D(2024, 3, 30), D(2024, 3, 15), D(2024, 1, 20)],
        "atc": ["N05BA01", "N02AX02", "N05BA01", "N05CD02", "N05BA01", "C07AB02", "N05CM06", "N05BB01",
                "N05BA04", "N05BA01"],
        "birth_date": [D(1940, 5, 1)] * 3 + [D(1949, 12, 31), D(1950, 1, 1), D(1930, 2, 2), D(1944, 7, 7),
                                             D(1938, 3, 3), D(1940, 5, 1), D(1935, 8, 8)],
        "kommun": ["2380"] * 5 + ["2309"] * 3 + ["2380", "2309"],
    }
    return pl.DataFrame({**base, **columns})


POPULATION = pl.DataFrame({"year": [2024] * 6, "kommun": ["2380"] * 3 + ["2309"] * 3,
                           "age": ["70-74", "75-79", "80+"] * 2, "population": [500, 300, 200, 120, 60, 40]})


def share(records=None, **kw):
    return ik.drugs.share(dispensings() if records is None else records, POPULATION,
                          **{"period": "2024-01", "as_of": "2024-04-15", **kw})


def test_distinct_persons_of_75_or_more_per_month_and_group():
    # h's omeprazole in April (of no set) makes April a month of the records.
    april = dispensings().head(1).with_columns(person_id=pl.lit("h"), dispensed=pl.lit(D(2024, 4, 2)),
                                                atc=pl.lit("A02BC01"), kommun=pl.lit("2309"))
    out = share(pl.concat([dispensings(), april]), period="T1 2024", by="kommun", as_of="2024-05-15")
    assert out.select("kommun", "period", "numerator", "denominator").rows() == [
        ("2309", "2024-01", 1.0, 100.0), ("2309", "2024-02", 0.0, 100.0), ("2309", "2024-03", 2.0, 100.0),
        ("2309", "2024-04", 0.0, 100.0), ("2380", "2024-01", 2.0, 500.0), ("2380", "2024-02", 1.0, 500.0),
        ("2380", "2024-03", 0.0, 500.0), ("2380", "2024-04", 0.0, 500.0),
    ]
    assert out["value"].to_list() == [1.0, 0.0, 2.0, 0.0, 0.4, 0.2, 0.0, 0.0]
    # The tertial as one part: a person in two months counts once (a, b, g, e, f).
    whole = share(pl.concat([dispensings(), april]), period="T1 2024", per="tertial", as_of="2024-05-15")
    assert whole.select("period", "numerator", "denominator").rows() == [("2024-T1", 5.0, 600.0)]
    # Wilson limits of 1 of 100.
    low, high = stats.binomtest(1, 100).proportion_ci(0.95, method="wilson")
    assert out["lower"][0] == pytest.approx(100 * low, rel=1e-9)
    assert out["upper"][0] == pytest.approx(100 * high, rel=1e-9)


def test_named_sets_codes_and_the_age_column():
    assert share(drugs="antipsychotics")["numerator"].to_list() == [0.0]
    assert share(drugs=["N05BA", "N05CD"], exclude_atc=["N05BA04"])["numerator"].to_list() == [3.0]
    ages = dispensings().drop("birth_date").with_columns(age=pl.lit(80))
    assert share(ages)["numerator"].to_list() == [4.0]  # c counts at 80
    assert share(ages, min_age=80)["denominator"].to_list() == [240.0]
    statistic = share()["statistic"][0]
    assert statistic == "share of persons aged 75+ dispensed inappropriate in the month (percent)"


EXCLUDE = ('(to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, '
           '`invalid="exclude"` in Python)')

BAD = [
    ("ATC code that is no ATC code", lambda: share(dispensings(atc=["N5CD02"] * 10)),
     ik.DataError, 'column `atc`: ATC codes or their first levels: an anatomical group (A, B, C, D, G, H, J, L, M, N, '
     'P, R, S, V), two digits, two letters, two digits ("N05", "N05A", "N05BA01") ' + EXCLUDE + '; found "N5CD02" in '
     'row 0'),
    ("unknown drug set", lambda: share(drugs="sleeping pills"),
     ik.ArgumentError, 'argument `drugs`: a named drug set (inappropriate, antipsychotics, nsaids) or a list of ATC '
     'codes such as ["N05A"]; got "sleeping pills"'),
    ("no ATC codes", lambda: share(drugs=[]), ik.ArgumentError, "argument `drugs`: at least one ATC code; got none"),
    ("bad code left out", lambda: share(drugs=["N05A"], exclude_atc=["N5AN01"]),
     ik.ArgumentError, 'argument `exclude_atc`: ATC codes or their first levels: an anatomical group (A, B, C, D, G, '
     'H, J, L, M, N, P, R, S, V), two digits, two letters, two digits ("N05", "N05A", "N05BA01"); got "N5AN01"'),
    ("codes left out of a named set", lambda: share(exclude_atc=["N05BA01"]),
     ik.ArgumentError, 'argument `exclude_atc`: codes left out of a list of ATC codes given as `drugs`; a named set '
     'has its own; got ["N05BA01"] with drugs="inappropriate"'),
    ("a month without any dispensing", lambda: share(period="T1 2024", as_of="2024-05-15"),
     ik.DataError, "column `dispensed`: every part of the period must have dispensings in the records (a month "
     "without any is missing data, not zero use); found no dispensing at all in april 2024"),
    ("a dispensing after the extraction date", lambda: share(as_of="2024-03-20"),
     ik.DataError, 'column `dispensed`: dates must not be after the extraction date as_of = 2024-03-20 ' + EXCLUDE
     + '; found 2024-03-30 in row 7'),
    ("a group without population", lambda: ik.drugs.share(
        dispensings(), POPULATION.head(3), period="2024-01", as_of="2024-04-15", by="kommun"),
     ik.DataError, "column `population`: every group of the dispensings needs its population in every year; found "
     "no population in group kommun=2309, year=2024"),
    ("more persons than population", lambda: ik.drugs.share(
        dispensings(), pl.DataFrame({"year": [2024], "age": ["80+"], "population": [2]}), period="2024-01",
        as_of="2024-04-15"),
     ik.DataError, "column `population`: the population aged 75+ must be at least the persons dispensed; found 3 "
     "persons dispensed of a population of 2 in group period=2024-01"),
    ("person id missing", lambda: share(dispensings(person_id=[None] + ["a"] * 9)),
     ik.DataError, 'column `person_id`: person ids must be present ' + EXCLUDE + '; found a missing value in row 0'),
    ("neither birth date nor age", lambda: share(dispensings().drop("birth_date")),
     ik.ColumnNotFoundError, "column `birth_date` or `age` (birth date or age) not found; the frame has: person_id, "
     "dispensed, atc, kommun"),
    ("unknown column role", lambda: share(columns={"atc_code": "atc"}),
     ik.ArgumentError, 'argument `columns`: unknown roles: the roles are person_id, dispensed, atc, birth_date, age; '
     'got ["atc_code"]'),
    ("min_age not a whole number", lambda: share(min_age=True),
     ik.ArgumentError, "argument `min_age`: must be a whole number of 0 or more; got True"),
    ("exclude_atc a string", lambda: share(drugs=["N05A"], exclude_atc="N05AN01"),
     ik.ArgumentError, "argument `exclude_atc`: a list of ATC codes such as ['N05AN01']; got 'N05AN01'"),
    ("months target of 13 months", lambda: ik.Target.months(4, 13, "decrease"),
     ik.ArgumentError, "argument `of`: the months compared with the same month a year earlier are 1–12; got 13"),
    ("months target passing the year's end", lambda: ik.Target.months(4, 6, "decrease", from_month=8),
     ik.ArgumentError, "argument `from_month`: a calendar month 1–12 from which the 6 months end within the year (at "
     "most 7); got 8"),
    ("months target in an unknown direction", lambda: ik.Target.months(4, 6, "down"),
     ik.ArgumentError, 'argument `direction`: one of "increase", "decrease"; got "down"'),
    ("months target on a table of two groups", lambda: ik.assess(share(by="kommun"), ik.Target.months(1, 1, "decrease")),
     ik.DataError, 'column `period`: a months target rates one series, one row per month (a table of several groups: '
     'filter it to one group); found "2024-01" in rows 0 and 1'),
]


@pytest.mark.parametrize("call,error,message", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_is_refused_by_name(call, error, message):
    with pytest.raises(error) as caught:
        call()
    assert str(caught.value) == message


def test_excluded_records_are_counted():
    records = dispensings(atc=["N05BA01", "N02AX02", "N05BA01", "N5CD02"] + dispensings()["atc"].to_list()[4:])
    assert share(records, invalid="exclude")["numerator"].to_list() == [2.0]
    quality = ik.drugs.quality(records, period="2024-01", as_of="2024-04-15", invalid="exclude")
    counts = dict(quality.select("rule", "count").rows())
    excluded = [rule for rule in counts if rule.startswith("excluded: ATC codes")]
    assert [counts[rule] for rule in excluded] == [1]


def _series(per_month):
    """200 persons of 80+ a year; per_month(year, month) of them dispensed an antipsychotic."""
    ids, days = [], []
    for year in (2023, 2024):
        for month in range(1, 13):
            n = per_month(year, month)
            ids += [f"p{i}" for i in range(n)]
            days += [D(year, month, 10)] * n
    records = pl.DataFrame({"person_id": ids, "dispensed": days, "atc": ["N05AH04"] * len(ids), "age": [82] * len(ids)})
    population = pl.DataFrame({"year": [2023, 2024], "age": ["80+", "80+"], "population": [200, 200]})
    return ik.drugs.share(records, population, period="2023–2024", drugs="antipsychotics", as_of="2025-01-31")


def _newcombe(x1, n1, x2, n2):
    """Newcombe's hybrid score interval (method 10) from scipy's Wilson limits."""
    l1, u1 = stats.binomtest(x1, n1).proportion_ci(0.95, method="wilson")
    l2, u2 = stats.binomtest(x2, n2).proportion_ci(0.95, method="wilson")
    p1, p2 = x1 / n1, x2 / n2
    return (p1 - p2 - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), p1 - p2 + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2))


def test_the_months_target_on_the_monthly_shares():
    target = ik.Target.months(4, 6, "decrease", from_month=4)
    # 20 of 200 each month of 2023; in 2024 8 in April–July (significant), 14 in August–September (not).
    monthly = _series(lambda y, m: 20 if y == 2023 else (8 if 4 <= m <= 7 else 14 if m in (8, 9) else 20))
    assert monthly.height == 24
    rated = ik.assess(monthly, target)
    assert rated["period"].to_list() == [f"2024-{m:02}" for m in range(4, 10)]
    assert rated["direction"].to_list() == ["lower"] * 4 + ["similar"] * 2
    assert rated["rating"].unique().to_list() == ["fulfilled"]
    for i, x in enumerate([8, 8, 8, 8, 14, 14]):
        low, high = _newcombe(x, 200, 20, 200)
        assert rated["lower"][i] == pytest.approx(100 * low, rel=1e-9)
        assert rated["upper"][i] == pytest.approx(100 * high, rel=1e-9)
    # Three significant months of six: partly.
    three = ik.assess(_series(lambda y, m: 20 if y == 2023 or m not in (4, 5, 6) else 8), target)
    assert three["rating"][0] == "partly"
    # A series of 2024 alone has no months a year earlier: not measurable, never a rating.
    short = ik.drugs.share(
        pl.DataFrame({"person_id": ["p"] * 12, "dispensed": [D(2024, m, 10) for m in range(1, 13)],
                      "atc": ["N05AH04"] * 12, "age": [82] * 12}),
        pl.DataFrame({"year": [2024], "age": ["80+"], "population": [200]}),
        period="2024", drugs="antipsychotics", as_of="2025-01-31")
    rated = ik.assess(short, target)
    assert rated["rating"].to_list() == [None] * 6
    assert rated["missing_reason"][0] == "not_measurable"
