"""The typed boundary (issue 21): each family's options cross into the native
module as one object of the shape typed in ``indikator._options``, to one
native function per output; unknown values and missing keys are refused,
never read as a default."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

import indikator as ik
from indikator import _indikator, _options

D = dt.date
REFERRALS = pl.DataFrame({"decided": [D(2024, 1, 2)], "completed": [D(2024, 2, 1)], "kind": ["first_visit"],
                          "pvv": [False], "mov": [False]})
VISITS = pl.DataFrame({"patient_id": ["p1"] * 3, "clinician_id": ["A", "A", "B"], "profession": ["läkare"] * 3,
                       "unit": ["HC Lit"] * 3, "date": [D(2024, m, 10) for m in (1, 2, 3)]})
LISTINGS = pl.DataFrame({"patient_id": ["p1"], "unit": ["HC Lit"], "listed_from": [D(2020, 1, 1)],
                         "listed_to": pl.Series([None], dtype=pl.Date)})


def test_one_native_function_per_output_and_no_what_strings():
    for gone in ("waits", "continuity", "readmission", "sip", "mortality", "funnel"):
        assert not hasattr(_indikator, gone), gone
    for name in ("waits_fulfilment", "waits_distribution", "waits_summary", "waits_quality", "readmission_share",
                 "readmission_stays", "readmission_quality", "sip_counts", "sip_change", "sip_quality",
                 "mortality_rates", "mortality_quality", "continuity_patients", "continuity_summary",
                 "continuity_quality", "continuity_rolling", "funnel_limits", "funnel_significance", "funnel_points",
                 "drugs_share", "drugs_quality"):
        assert callable(getattr(_indikator, name)), name


CALLS = [
    ("waits_fulfilment", _options.WaitsOptions,
     lambda: ik.waits.fulfilment(REFERRALS, period="2024", as_of="2025-01-01")),
    ("waits_quality", _options.WaitsOptions, lambda: ik.waits.quality(REFERRALS, period="2024", as_of="2025-01-01")),
    ("readmission_share", _options.ReadmissionOptions, lambda: ik.readmission.share(pl.DataFrame(), period="2013")),
    ("sip_counts", _options.SipOptions, lambda: ik.sip.counts(pl.DataFrame(), period="2024")),
    ("mortality_rates", _options.MortalityOptions, lambda: ik.mortality.rates(pl.DataFrame(), pl.DataFrame())),
    ("drugs_share", _options.DrugOptions, lambda: ik.drugs.share(pl.DataFrame(), pl.DataFrame(), period="2024-03")),
    ("drugs_quality", _options.DrugOptions, lambda: ik.drugs.quality(pl.DataFrame(), period="2024-03")),
    ("continuity_summary", _options.ContinuityOptions, lambda: ik.continuity.coc(VISITS, LISTINGS, end="2024-08-31")),
    ("continuity_rolling", _options.RollingOptions,
     lambda: ik.continuity.rolling(VISITS, LISTINGS, start="2024-06-30", end="2024-08-31")),
    ("funnel_limits", _options.FunnelOptions, lambda: ik.funnel.limits(pl.DataFrame({"x": [1], "n": [2]}), "proportion", "x", "n")),
    ("rate", _options.FractionOptions, lambda: ik.rate(pl.DataFrame({"x": [1], "n": [2]}), "x", "n")),
    ("isr", _options.IsrOptions,
     lambda: ik.isr(pl.DataFrame({"a": ["0-4"], "x": [1], "n": [2]}), "x", "n", age_band="a",
                    reference=pl.DataFrame({"a": ["0-4"], "x": [1], "n": [2]}), ref_x="x", ref_n="n")),
    ("trend", _options.TrendOptions,
     lambda: ik.trend(pl.DataFrame({"year": [1, 2, 3], "value": [1.0, 2.0, 3.0]}), "year")),
]


@pytest.mark.parametrize("native,shape,call", CALLS, ids=[c[0] for c in CALLS])
def test_the_wrappers_send_exactly_the_typed_keys(monkeypatch, native, shape, call):
    sent = []
    monkeypatch.setattr(_indikator, native, lambda *args: sent.append(args[-1]) or pl.DataFrame())
    call()
    assert set(sent[0]) == set(shape.__required_keys__)
    if "common" in sent[0]:
        common = shape.__annotations__["common"]
        kind = _options.CareOptions if "CareOptions" in str(common) else _options.StatisticOptions
        assert set(sent[0]["common"]) == set(kind.__required_keys__)


def _waits_options(**changed) -> _options.WaitsOptions:
    options: _options.WaitsOptions = {
        "common": {"by": [], "invalid": "error", "confidence": 0.95}, "period": "2024", "measure": "completed",
        "snapshots": None, "per": None, "limits": {}, "exclude_pvv": True, "exclude_mov": True, "bins": [30, 60, 90],
        "as_of": D(2025, 1, 1), "columns": {}, "pvv": True, "mov": True,
    }
    return {**options, **changed}  # type: ignore[typeddict-item]


def test_the_native_options_are_read_whole():
    out = _indikator.waits_fulfilment(REFERRALS, _waits_options())
    assert out["value"].to_list() == [100.0]


def test_unknown_text_values_are_refused_naming_the_option():
    with pytest.raises(ik.ArgumentError) as info:
        _indikator.waits_fulfilment(REFERRALS, _waits_options(measure="avslutade"))
    assert str(info.value) == 'argument `measure`: one of "completed" (genomförda), "waiting" (väntande); got "avslutade"'
    with pytest.raises(ik.ArgumentError) as info:
        _indikator.waits_quality(REFERRALS, _waits_options(common={"by": [], "invalid": "skip", "confidence": 0.95}))
    assert str(info.value) == 'argument `invalid`: one of "error", "exclude"; got "skip"'
    with pytest.raises(ik.ArgumentError) as info:
        _indikator.waits_quality(REFERRALS, _waits_options(columns={"decision": "beslut"}))
    assert str(info.value) == ('argument `columns`: unknown roles: the roles are decided, completed, kind, pvv, mov; '
                               'got ["decision"]')


def test_a_missing_key_is_an_error_not_a_default():
    options = _waits_options()
    del options["bins"]
    with pytest.raises(KeyError, match="bins"):
        _indikator.waits_fulfilment(REFERRALS, options)


def test_chronic_patients_and_codes_together_are_refused():
    with pytest.raises(ik.ArgumentError) as info:
        ik.continuity.coc(VISITS, LISTINGS, end="2024-08-31", chronic_patients=["p1"], chronic_codes=["E11"])
    assert str(info.value) == ("argument `chronic_patients`: give the chronic patients by id or by diagnosis code "
                               "(chronic_codes), not both; got both")


def test_column_names_must_be_text():
    with pytest.raises(ik.ArgumentError) as info:
        ik.sip.counts(pl.DataFrame(), period="2024", columns={"plan_id": 3})
    assert str(info.value) == "argument `columns`: the column of 'plan_id' must be a string; got 3"
