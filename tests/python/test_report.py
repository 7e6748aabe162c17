"""The main job from Python: catalogue, report, workbook, charts and the command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import polars as pl
import pytest

import indikator as ik

ROOT = Path(__file__).resolve().parents[2]
COMMAND = Path(sys.executable).with_name("indikator")


@pytest.fixture
def report(demo_report) -> ik.Report:
    return demo_report


def test_the_shipped_catalogue_is_the_file_in_the_repository():
    from_file = ik.Catalog.from_toml(ROOT / "catalogs" / "region-jh.toml")
    assert from_file.ids == ik.Catalog.shipped().ids
    assert from_file.version == "2024.1"


def test_catalogue_errors_carry_line_and_column():
    with pytest.raises(ik.CatalogError, match=r"line 2, column 1: unknown field `colour`"):
        ik.Catalog.from_string('[catalog]\ncolour = "red"\n')
    with pytest.raises(ik.FileError, match="saknas.toml"):
        ik.Catalog.from_toml("saknas.toml")


def test_every_indicator_is_computed_on_the_embedded_data(report):
    assert report.failures == []
    assert report.synthetic
    table = report.table
    assert isinstance(table, pl.DataFrame)
    ids = set(table.filter(pl.col("series") == "period")["indicator_id"])
    assert ids == set(ik.Catalog.shipped().ids)
    # A derived success factor's provenance is its measures' rows.
    derived = (pl.col("series") == "success_factor") & pl.col("inputs").str.starts_with("derived from: ")
    assert table.filter(~derived)["inputs"].str.contains("sha256=").all()
    rated = pl.col("series").is_in(["period", "reported", "success_factor"])
    period = table.filter(rated)
    assert period["rating_sv"].str.len_chars().min() > 0, "every target is rated or says why not"
    assert period["rule"].str.len_chars().min() > 0
    assert table.filter(~rated)["rule"].is_null().all()


def test_the_workbook_opens_and_has_its_sheets(report, tmp_path):
    path = report.to_excel(tmp_path / "rapport.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Översikt", "Samhälle", "Patient", "Verksamhetsresultat", "Framgångsfaktorer", "Data", "Underlag",
    ]
    data = book["Data"]
    header = [c.value for c in data[1]]
    assert header[:3] == ["indicator_id", "indicator", "definition_version"]
    assert data.max_row == report.table.height + 1
    value_col = header.index("value") + 1
    numbers = [data.cell(row=r, column=value_col).value for r in range(2, data.max_row + 1)]
    assert any(isinstance(v, float) for v in numbers), "values are numbers, not text"


def test_the_html_names_every_indicator_and_masks_small_numbers(report, tmp_path):
    html = report.to_html(tmp_path / "rapport.html")
    assert (tmp_path / "rapport.html").read_text(encoding="utf-8") == html
    for name in report.table["indicator"].unique():
        assert name.replace("&", "&amp;") in html
    assert "SYNTETISKA DATA" in html
    assert "<script" not in html
    assert "<table" in report._repr_html_()


def test_write_puts_all_four_files_in_place(report, tmp_path):
    written = report.write(tmp_path / "ut")
    assert sorted(p.name for p in written) == sorted(
        ["rapport.html", "rapport.xlsx", "resultat.parquet", "resultat.csv"]
    )
    back = pl.read_parquet(tmp_path / "ut" / "resultat.parquet")
    assert back.equals(report.table)
    assert not list((tmp_path / "ut").glob(".*.tmp"))


def test_the_charts_are_svg_drawn_by_the_report_code(report):
    bup = report.table.filter(
        (pl.col("indicator_id") == "bup-utredning-30") & pl.col("breakdown").eq("total")
    ).sort("period")
    chart = ik.plot.trend(bup, title="BUP", unit="%", target=90)
    assert chart._repr_svg_().startswith("<svg") and "Mål" in chart.svg
    kommuner = report.table.filter(
        (pl.col("indicator_id") == "vg-besok-90") & (pl.col("breakdown") == "kommun")
    )
    bars = ik.plot.by_kommun(kommuner, title="Besök inom 90 dagar", unit="%", riket=58.0)
    assert "Östersund" in bars.svg and "Riket" in bars.svg
    pie = ik.plot.ratings(fulfilled=3, partly=1, not_fulfilled=2, title="Patient")
    assert "Uppfylld 3" in pie.svg


def test_the_command_is_installed_with_the_package(tmp_path):
    ok = subprocess.run([COMMAND, "check", ROOT / "catalogs" / "region-jh.toml"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert f"{len(ik.Catalog.shipped().ids)} indikatorer, 19 rapporterade mått, 24 framgångsfaktorer under 10 strategiska mål" in ok.stdout
    bad = subprocess.run([COMMAND, "report", "--period", "2024-13"], capture_output=True, text=True)
    assert bad.returncode == 2
    assert "2024-13" in bad.stderr


def _identifiers(data: Path) -> set[str]:
    ids: set[str] = set()
    for table, column in [("listings", "patient_id"), ("stays", "patient_id"), ("injuries", "patient_id"),
                          ("deaths", "person_id"), ("sip", "plan_id"), ("waits", "referral_id")]:
        ids.update(pl.read_parquet(data / f"{table}.parquet", columns=[column])[column].unique().to_list())
    return ids


def test_no_identifier_of_the_input_reaches_the_workbook(report, tmp_path):
    data = tmp_path / "data"
    assert subprocess.run([COMMAND, "demo-data", "--out", data], capture_output=True).returncode == 0
    ids = _identifiers(data)
    assert len(ids) > 100_000
    book = openpyxl.load_workbook(report.to_excel(tmp_path / "r.xlsx"))
    cells = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    cells += 1
                    assert not (set(value.replace(";", " ").replace("=", " ").split()) & ids), value
    assert cells > 1000


SMALL = """
[catalog]
id = "liten"
version = "1"
title = "Liten"
region = "Region Jämtland Härjedalen"
benchmarks = "riket.parquet"

[[indicator]]
id = "sip-vuxna"
name_sv = "Upprättade SIP, vuxna"
name_en = "SIP, adults"
perspective = "Samhälle"
responsible = "HSN"
source = "Cosmic LINK"
polarity = "high_is_good"
breakdowns = ["kommun"]
target = { form = "direction", direction = "increase" }
statistic = { family = "sip", group = "adults" }
"""


def test_reports_run_from_several_threads_give_the_same_table():
    from concurrent.futures import ThreadPoolExecutor

    catalog = ik.Catalog.from_string(SMALL)
    with ThreadPoolExecutor(max_workers=4) as pool:
        tables = list(pool.map(lambda p: catalog.run(period=p).table, ["2024-delar"] * 4))
    for table in tables[1:]:
        assert table.equals(tables[0])
    assert tables[0].height > 8


def test_the_drug_indicators_are_in_the_report_table_with_their_months(report):
    table = report.table
    for ident in ("olampliga-lakemedel-75", "antipsykotika-75", "nsaid-75"):
        rows = table.filter(pl.col("indicator_id") == ident)
        period = rows.filter(pl.col("series") == "period")
        assert period.height == 1
        assert period["value"][0] is not None
        assert "delårsbedömning: 5 av 6 månader" in period["rule"][0]
        assert period["rating"][0] in ("fulfilled", "partly", "not fulfilled")
        months = rows.filter(pl.col("series") == "month")
        # 2024-delar: April–August of the target's April–September, each against 2023.
        assert months["period"].to_list() == ["2024-04", "2024-05", "2024-06", "2024-07", "2024-08"]
        assert months["status"].str.contains("2023-").all()
        assert months["significant"].is_not_null().all()
