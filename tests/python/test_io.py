"""The readers from Python (`ik.io`): SCB's PC-Axis and JSON-stat files and
Kolada's answers, on the files of tests/data/io (written to the formats'
published descriptions; every figure made up)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import indikator as ik

DATA = Path(__file__).resolve().parents[1] / "data" / "io"


def test_a_px_file_in_windows_1252_with_its_metadata():
    scb = ik.io.read_px(DATA / "folkmangd.px")
    assert scb.frame.columns[:4] == ["region", "region_label", "ålder", "ålder_label"]
    assert scb.frame.columns[-2:] == ["value", "status"]
    assert scb.frame["value"].dtype == pl.Int64
    meta = scb.meta
    assert (meta["format"], meta["table"], meta["encoding"]) == ("PC-Axis", "BE0101N1", "windows-1252")
    assert meta["title"] == "Folkmängden efter region, ålder, kön och år"
    assert (meta["unit"], meta["last_updated"]) == ("antal", "20240221 08:00")
    assert [d["name"] for d in meta["dimensions"]] == ["region", "ålder", "kön", "år"]
    assert scb.frame.filter(pl.col("ålder") == "100+")["ålder_label"][0] == "100+ år"


def test_markers_are_null_with_their_reason_in_utf8_and_another_language():
    sv = ik.io.read_px(DATA / "markers.px")
    assert sv.meta["encoding"] == "UTF-8"
    missing = sv.frame.filter(pl.col("value").is_null())
    assert sorted(missing["status"].to_list()) == ["..", "..."]
    assert sv.frame.filter(status="-")["value"].to_list() == [0.0, 0.0]
    assert sv.meta["symbols"][".."] == "Uppgift inte tillgänglig"
    en = ik.io.read_px(DATA / "markers.px", language="en")
    assert en.meta["title"] == "Deaths per 100 000 by region, sex and year"
    assert set(en.frame["sex_label"]) == {"men", "women"}


def test_the_population_harmonised_is_the_same_from_px_and_json_stat():
    order = ["year", "kommun", "sex", "age", "population"]
    px = ik.io.read_px(DATA / "folkmangd.px").harmonise("population")
    js = ik.io.read_jsonstat(DATA / "folkmangd.json")
    assert js.meta["format"] == "JSON-stat"
    assert px.columns == ["year", "kommun", "kommun_name", "level", "sex", "age", "open", "population", "status"]
    assert px.height == 2 * 101 * 2 * 2
    assert px.select(order).sort(order).equals(ik.io.harmonise(js.frame, "population").select(order).sort(order))


def test_kolada_one_answer_and_its_pages():
    one = ik.io.read_kolada(DATA / "kolada-suicid.json")
    pages = ik.io.read_kolada(str(DATA / "kolada-pages.json"))
    assert {"kpi", "municipality", "municipality_name", "period", "gender", "value", "count"} <= set(one.columns)
    assert one.sort(one.columns).equals(pages.sort(pages.columns))
    riket = one.filter(municipality="0000", gender="T").sort("period")
    assert riket["value"].to_list() == [14.6, 14.2]


def test_a_malformed_file_names_its_line_key_and_value():
    path = DATA / "malformed.px"
    with pytest.raises(ik.FileError) as info:
        ik.io.read_px(path)
    assert str(info.value) == (
        f"file `{path}`, line 9, key `CODES(\"ålder\")`: has 2 codes but VALUES(\"ålder\") has 3 values"
    )


def test_a_missing_file_and_no_file_at_all(tmp_path):
    with pytest.raises(ik.FileError, match="missing.px"):
        ik.io.read_px(tmp_path / "missing.px")
    with pytest.raises(ik.ArgumentError, match="at least one Kolada file"):
        ik.io.read_kolada()


def test_the_areas_are_the_regions_kommuner_the_county_and_riket():
    areas = ik.io.areas()
    assert areas.columns == ["kommun", "kolada", "name", "level"]
    assert areas.height == 10
    assert areas.filter(level="kommun")["kommun"].str.starts_with("23").all()
