"""The follow-up from Python (issue 22): the units' template, a reported file
read back into the report, the success factors the pies count."""

from __future__ import annotations

import openpyxl
import polars as pl

import indikator as ik

CATALOG = """
[catalog]
id = "t"
version = "1"
title = "T"
region = "R"

[[goal]]
id = "g"
perspective = "Patient"
name_sv = "Vård nära hemmet"

[[success_factor]]
id = "f-derived"
goal = "g"
name_sv = "Rutiner finns"
responsible = "HSN"
rating = "derived"

[[measure]]
id = "m-rutin"
name_sv = "Finns rutin?"
success_factor = "f-derived"
kind = "yes_no"
target = { form = "yes_no" }
responsible = "PV"
frequency = "half_yearly"

[[success_factor]]
id = "f-hand"
goal = "g"
name_sv = "Stöd till anhöriga"
responsible = "HSN"
rating = "reported"
"""


def test_the_template_lists_every_row_to_answer_with_its_lists(tmp_path):
    catalog = ik.Catalog.from_string(CATALOG)
    assert catalog.success_factor_ids == ["f-derived", "f-hand"]
    assert catalog.measure_ids == ["m-rutin"]
    path = catalog.template(period="2024-delar", path=tmp_path / "mall.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Anvisningar", "Rapportering"]
    sheet = book["Rapportering"]
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["id", "kommun", "period", "value", "status", "comment", "reported_by", "reported_at"]
    ids = [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)]
    assert [i for i in ids if i] == ["m-rutin", "f-hand"]  # by goal and factor, in catalogue order
    lists = [v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert any("Pågår" in f for f in lists) and any("grön" in f for f in lists)


def test_answers_rate_the_factors_and_an_empty_answer_is_not_zero(tmp_path):
    catalog = ik.Catalog.from_string(CATALOG)
    answers = tmp_path / "svar.csv"
    answers.write_text(
        "id;period;value;status;comment\nm-rutin;2024-delar;nej;Pågår;arbete pågår\nf-hand;2024-delar;;;\n",
        encoding="utf-8",
    )
    report = catalog.run(period="2024-delar", data=tmp_path, reported=answers)
    factors = report.success_factors
    assert factors["success_factor_id"].to_list() == ["f-derived", "f-hand"]
    assert factors["rated"].to_list() == ["derived", "reported"]
    # nej with the work under way: partly (yellow); no rating reported: none, never zero.
    assert factors["rating"].to_list() == ["partly", None]
    assert factors["rating_sv"].to_list()[1] == "ej rapporterat"
    rows = report.table.filter(pl.col("series") == "reported")
    assert rows["answer"].to_list() == ["nej"]
    assert rows["value"].to_list() == [None]


def test_the_demo_report_counts_its_success_factors(demo_report):
    factors = demo_report.success_factors
    assert factors.height == len(ik.Catalog.shipped().success_factor_ids)
    assert set(factors["perspective"]) == {"Samhälle", "Patient", "Medarbetare", "Verksamhetsresultat"}
    counts = ik.ratings_by_perspective(factors)
    assert counts.drop("perspective").sum_horizontal().sum() == factors.height
