"""The sweep: every argument that names something — columns, roles,
kinds, limits, causes, statuses, professions, bands, options — rejects a
name that does not exist with an error that shows the name given and lists
the names that do exist. Never a default taken in silence, never a
plausible zero (issue 19, class 3)."""

from __future__ import annotations

import polars as pl
import pytest
from test_bad_input_matrix import (
    RATE,
    SERIES,
    coc,
    deaths,
    listings,
    mortality,
    plans,
    population,
    readmission,
    referrals,
    sip,
    stays,
    visits,
    waits,
)

import indikator as ik

# (argument, call, the name given, names that exist and must be listed)
SWEEP = [
    ("waits columns", lambda: waits(referrals(), columns={"decidd": "x"}), "decidd", ["decided", "completed", "kind"]),
    ("waits by", lambda: waits(referrals(), by="enhet"), "enhet", ["decided", "kind"]),
    ("waits limits", lambda: waits(referrals(), limits={"first_vist": 60}), "first_vist",
     ["first_visit", "treatment", "bup_assessment"]),
    ("waits measure", lambda: waits(referrals(), measure="väntar"), "väntar", ["completed", "waiting"]),
    ("waits per", lambda: waits(referrals(), per="vecka"), "vecka", ["month", "tertial"]),
    ("waits invalid", lambda: waits(referrals(), invalid="skip"), "skip", ["error", "exclude"]),
    ("readmission columns", lambda: readmission(stays(), columns={"patient": "x"}), "patient",
     ["patient_id", "admitted"]),
    ("readmission by", lambda: readmission(stays(), by="kön"), "kön", ["sex", "age"]),
    ("readmission died", lambda: readmission(stays(), died=["avlidne"]), "avlidne", ["home"]),
    ("readmission transferred", lambda: readmission(stays(), transferred=["annat sjukhuss"]), "annat sjukhuss",
     ["home"]),
    ("sip columns", lambda: sip(plans(), columns={"plan": "x"}), "plan", ["plan_id", "established"]),
    ("sip by", lambda: sip(plans(), by="kommunkod"), "kommunkod", ["kommun", "plan_id"]),
    ("sip exclude_statuses", lambda: sip(plans(status=["Upprättad"] * 3), exclude_statuses=["Makulerad"]),
     "Makulerad", ["Upprättad"]),
    ("mortality causes", lambda: mortality(deaths(), population(), causes="suicid"), "suicid",
     ["suicide", "suicide_wide"]),
    ("mortality standard", lambda: mortality(deaths(), population(), standard="esp2031"), "esp2031",
     ["esp2013", "esp1976"]),
    ("mortality death_columns", lambda: mortality(deaths(), population(), death_columns={"orsak": "x"}), "orsak",
     ["year", "age", "cause"]),
    ("mortality population_columns", lambda: mortality(deaths(), population(), population_columns={"folk": "x"}),
     "folk", ["year", "age", "population"]),
    ("mortality by", lambda: mortality(deaths(), population(), by="kommun"), "kommun", ["year", "cause"]),
    ("continuity visit_columns", lambda: coc(visits(), listings(), visit_columns={"patient": "x"}), "patient",
     ["patient_id", "clinician_id"]),
    ("continuity listing_columns", lambda: coc(visits(), listings(), listing_columns={"from": "x"}), "from",
     ["listed_from", "listed_to"]),
    ("continuity professions", lambda: coc(visits(), listings(), professions=["lakare"]), "lakare", ["läkare"]),
    ("continuity contact_types", lambda: coc(visits(contact_type=["besök"] * 4), listings(), contact_types=["tel"]),
     "tel", ["besök"]),
    ("continuity index", lambda: coc(visits(), listings(), index="cocc"), "cocc", ["coc", "upc", "secon"]),
    ("continuity by", lambda: coc(visits(), listings(), by="kommun"), "kommun", ["unit", "listed_from"]),
    ("statistics by", lambda: ik.rate(RATE, "numerator", "denominator", by="kommun"), "kommun", ["k", "value"]),
    ("statistics output", lambda: ik.rate(RATE, "numerator", "denominator", output="short"), "short",
     ["full", "standard"]),
    ("statistics pool_method", lambda: ik.rate(RATE, "numerator", "denominator", pool="k", pool_method="median"),
     "median", ["sum", "average"]),
    ("statistics bands", lambda: ik.dsr(pl.DataFrame({"age_band": ["0-4", "5-8"], "x": [1, 2], "n": [10, 20]}),
                                        "x", "n", age_band="age_band", standard="esp2013"), "5-8", ["5-9", "90+"]),
    ("suppress totals column", lambda: ik.suppress(RATE, totals={"kön": "Totalt"}), "kön", ["k", "numerator"]),
    ("suppress keys", lambda: ik.suppress(RATE, totals={"k": "a"}, keys=["k", "år"]), "år", ["k", "numerator"]),
    ("suppress also", lambda: ik.suppress(RATE, also=["värde"]), "värde", ["value", "lower"]),
    ("compare on", lambda: ik.compare(RATE, benchmark=pl.DataFrame({"k": ["a"], "value": [1.0]}), on="kommun"),
     "kommun", ["k", "value"]),
    ("compare period", lambda: ik.compare(RATE, previous=RATE, on="k", period="month"), "month", ["k", "value"]),
    ("compare benchmark column", lambda: ik.compare(RATE, benchmark="riket"), "riket", ["k", "value"]),
    ("compare polarity", lambda: ik.compare(RATE, benchmark=1.0, polarity="higher_is_better"), "higher_is_better",
     ["high_is_good", "low_is_good"]),
    ("trend time", lambda: ik.trend(SERIES, "år"), "år", ["period", "value"]),
    ("trend by", lambda: ik.trend(SERIES, by="kommun"), "kommun", ["period", "value"]),
    ("assess unit", lambda: ik.assess(RATE, ik.Target.every_unit(ik.Target.at_least(1)), unit="kommun"), "kommun",
     ["k", "value"]),
    ("funnel columns", lambda: ik.funnel.significance(RATE, "proportion", "x", "denominator"), "x",
     ["numerator", "denominator"]),
    ("funnel statistic", lambda: ik.funnel.significance(RATE, "mean", "numerator", "denominator"), "mean",
     ["proportion", "ratio", "rate"]),
    ("reporting_rate unit", lambda: ik.waits.reporting_rate(pl.DataFrame({"period": ["2024-01"], "enhet": ["A"]}),
                                                            expected=["A"]), "unit", ["period", "enhet"]),
    ("summarise_months month", lambda: ik.waits.summarise_months(RATE, month="månad"), "månad", ["k", "value"]),
    ("ratings perspective", lambda: ik.ratings_by_perspective(pl.DataFrame({"perspective": ["Ekonomi"],
                                                                            "rating": ["fulfilled"]})),
     "Ekonomi", ["Samhälle", "Patient", "Medarbetare", "Verksamhetsresultat"]),
    ("plot label", lambda: ik.plot.trend(SERIES, label="år"), "år", ["period", "value"]),
]


@pytest.mark.parametrize("argument,call,given,known", SWEEP, ids=[s[0] for s in SWEEP])
def test_a_name_that_does_not_exist_is_refused_with_the_names_that_do(argument, call, given, known):
    with pytest.raises(ik.IndikatorError) as info:
        call()
    message = str(info.value)
    assert given in message, message
    for name in known:
        assert name in message, f"{name!r} not listed: {message}"
