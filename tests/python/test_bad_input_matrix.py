"""The bad-input matrix: one row per kind of bad input across the care
indicators, periods, suppression, the catalogue and the report, each with
its typed exception and its message asserted word for word. No row may
pass silently, panic, or give a NaN or zero. The statistics' own kinds are
in test_errors.py; RELIABILITY.md counts both.

Documented exclusions (``invalid="exclude"``) are counted in the quality
tables: the tests at the end check that the count is there."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pandas
import polars as pl
import pytest

import indikator as ik

D = dt.date
HEADER = '[catalog]\nid = "t"\nversion = "1"\ntitle = "T"\nregion = "R"\n'
SIP = ('\n[[indicator]]\nid = "sip-barn"\nname_sv = "SIP barn"\nname_en = "SIP children"\nperspective = "Samhälle"\n'
       'responsible = "HSN"\nsource = "Cosmic LINK"\npolarity = "high_is_good"\nstatistic = { family = "sip", group = "children" }\n')


FACTOR = ('\n[[goal]]\nid = "g"\nperspective = "Patient"\nname_sv = "Mål"\n'
          '\n[[success_factor]]\nid = "f"\ngoal = "g"\nname_sv = "Faktor"\nresponsible = "HSN"\nrating = "derived"\n')
MEASURE = ('\n[[measure]]\nid = "m"\nname_sv = "Finns rutin?"\nsuccess_factor = "f"\nkind = "yes_no"\n'
           'target = { form = "yes_no" }\nresponsible = "PV"\n')


REPORTED_DIR = Path(tempfile.gettempdir()) / f"indikator-matrix-reported-{os.getpid()}"


def reported_run(text: str, name: str = "svar.csv"):
    """A run of a one-measure catalogue with this reported file (in REPORTED_DIR)."""
    directory = REPORTED_DIR
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")
    catalog = ik.Catalog.from_string(HEADER + FACTOR + MEASURE)
    return catalog.run(period="2024-delar", data=directory, reported=directory / name)


def referrals(**columns):
    base = {"decided": [D(2024, 1, 2), D(2024, 1, 10)], "completed": [D(2024, 3, 1), D(2024, 2, 1)],
            "kind": ["first_visit"] * 2, "pvv": [False, False], "mov": [False, False]}
    return pl.DataFrame({**base, **columns})


def waits(records, **kw):
    return ik.waits.fulfilment(records, **{"period": "2024", "as_of": "2025-01-01", **kw})


def stays(**columns):
    base = {"patient_id": ["a", "a", "b"], "admitted": [D(2013, 3, 1), D(2013, 4, 5), D(2013, 3, 2)],
            "discharged": [D(2013, 3, 6), D(2013, 4, 9), D(2013, 3, 8)], "age": [81, 81, 77],
            "sex": ["K", "K", "M"], "discharge_type": ["home"] * 3, "acute": [True] * 3}
    return pl.DataFrame({**base, **columns})


def readmission(records, **kw):
    return ik.readmission.share(records, **{"period": "2013", "as_of": "2014-01-01", **kw})


def plans(**columns):
    base = {"plan_id": [1, 2, 3], "established": [D(2024, 2, 1), D(2024, 3, 1), D(2023, 8, 1)],
            "age": [12, 45, 16], "kommun": ["Krokom"] * 3}
    return pl.DataFrame({**base, **columns})


def sip(records, **kw):
    return ik.sip.counts(records, **{"period": "H1 2024", **kw})


def deaths(**columns):
    return pl.DataFrame({**{"year": [2016, 2016], "age": [19, 30], "cause": ["X70.0", "X80"]}, **columns})


def population(**columns):
    return pl.DataFrame({**{"year": [2016] * 2, "age": ["15-24", "25-64"], "population": [14_500, 60_000]}, **columns})


def mortality(d, p, **kw):
    return ik.mortality.rates(d, p, **{"ages": (15, 24), **kw})


def visits(**columns):
    base = {"patient_id": ["p1"] * 4, "clinician_id": ["A", "A", "A", "B"], "profession": ["läkare"] * 4,
            "unit": ["HC Lit"] * 4, "date": [D(2024, m, 10) for m in (1, 2, 3, 4)]}
    return pl.DataFrame({**base, **columns})


def listings(**columns):
    base = {"patient_id": ["p1"], "unit": ["HC Lit"], "listed_from": [D(2020, 1, 1)], "listed_to": [None]}
    return pl.DataFrame({**base, **columns}, schema_overrides={"listed_to": pl.Date})


RATE = ik.rate(pl.DataFrame({"k": ["a", "b"], "x": [3, 4], "n": [100, 200]}), "x", "n", by="k")
BOTH = ik.rate(pl.DataFrame({"x": [3], "n": [100]}), "x", "n", confidence=(0.95, 0.998))
SERIES = pl.DataFrame({"period": ["2022", "2023", "2024"], "value": [1.0, 2.0, 3.0], "lower": [0.5, 1.5, 2.5],
                       "upper": [1.5, 2.5, 3.5], "confidence": ["95%"] * 3})


def coc(v, lists, **kw):
    return ik.continuity.coc(v, lists, **{"end": "2024-08-31", **kw})


PERIOD_RULE = (
    'argument `period`: a period must be a year ("2017"), years ("2011–2015"), a tertial ("T2 2017", '
    '"2017-T2"), a half-year ("H1 2024", "2024-H1"), the interim period ("jan–aug 2017", "2017-delar"), '
    'a month ("mars 2017", "2017-03") or rolling twelve months ("R12 2017-03", "2017-03-R12")'
)

# (kind of bad input, call, exception, message word for word)
CASES = [
    ("waits: decision date missing", lambda: waits(referrals(decided=[None, D(2024, 1, 10)])),
     ik.DataError, "column `decided`: decision dates must be present (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found a missing value in row 0"),
    ("waits: kind of wait missing", lambda: waits(referrals(kind=[None, "first_visit"])),
     ik.DataError, "column `kind`: the kind of wait must be one of primary_contact, primary_assessment, first_visit, treatment, bup_assessment, bup_in_depth (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found a missing value in row 0"),
    ("waits: unknown kind of wait", lambda: waits(referrals(kind=["återbesök", "first_visit"])),
     ik.DataError, "column `kind`: the kind of wait must be one of primary_contact, primary_assessment, first_visit, treatment, bup_assessment, bup_in_depth (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found \"återbesök\" in row 0"),
    ("waits: completion before decision", lambda: waits(referrals(completed=[D(2023, 1, 1), D(2024, 2, 1)])),
     ik.DataError, "column `completed`: the completion must not be before the decision (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found 2023-01-01 before 2024-01-02 in row 0"),
    ("waits: completion after the extraction date", lambda: waits(referrals(), as_of="2024-02-15"),
     ik.DataError, "column `completed`: dates must not be after the extraction date as_of = 2024-02-15 (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found 2024-03-01 in row 0"),
    ("waits: dates as text", lambda: waits(referrals(decided=["2024-01-02", "2024-01-10"])),
     ik.DtypeError, "column `decided` (decision date) must be a date or datetime, found dtype str"),
    ("waits: PVV flag as text", lambda: waits(referrals(pvv=["ja", "nej"])),
     ik.DtypeError, "column `pvv` (patient-chosen wait (PVV)) must be boolean (or integer 0/1), found dtype str"),
    ("waits: PVV flag missing", lambda: waits(referrals(pvv=[None, False])),
     ik.DataError, "column `pvv`: PVV flags must be present (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found a missing value in row 0"),
    ("waits: MOV flag 2", lambda: waits(referrals(mov=[0, 2])),
     ik.DataError, "column `mov`: medically caused wait (MOV) flags must be true/false or 0/1; found 2 in row 1"),
    ("waits: negative limit", lambda: waits(referrals(), limits={"first_visit": -1}),
     ik.ArgumentError, "argument `limits['first_visit']`: must be a whole number of 0 or more; got -1"),
    ("waits: unknown measure", lambda: waits(referrals(), measure="avslutade"),
     ik.ArgumentError, "argument `measure`: one of \"completed\" (genomförda), \"waiting\" (väntande); got \"avslutade\""),
    ("waits: unknown split", lambda: waits(referrals(), per="week"),
     ik.ArgumentError, "argument `per`: one of \"month\", \"tertial\", \"half_year\", \"delar\", \"year\" (or månad, halvår, delår, år); got \"week\""),
    ("waits: impossible extraction date", lambda: waits(referrals(), as_of="2024-02-30"),
     ik.ArgumentError, "argument `as_of`: a date or an ISO date string such as '2024-08-31'; got '2024-02-30'"),
    ("waits: group column missing", lambda: waits(referrals(), by="kommun"),
     ik.ColumnNotFoundError, "column `kommun` (group) not found; the frame has: decided, completed, kind, pvv, mov"),
    ("period: month 13", lambda: waits(referrals(), period="2024-13"),
     ik.ArgumentError, "argument `period`: months must be 01–12; got \"2024-13\""),
    ("period: tertial 4", lambda: waits(referrals(), period="T4 2024"),
     ik.ArgumentError, f"{PERIOD_RULE}; got \"T4 2024\""),
    ("period: year before 1900", lambda: waits(referrals(), period="1899"),
     ik.ArgumentError, "argument `period`: years must be written with four digits, 1900–2100; got \"1899\""),
    ("period: empty string", lambda: ik.Period(""),
     ik.ArgumentError, f"{PERIOD_RULE}; got \"\""),
    ("period: rolling twelve months ending in month 0", lambda: ik.Period("R12 2024-00"),
     ik.ArgumentError, "argument `period`: months must be 01–12; got \"R12 2024-00\""),
    ("readmission: patient id missing", lambda: readmission(stays(patient_id=[None, "a", "b"])),
     ik.DataError, "column `patient_id`: patient ids must be present (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found a missing value in row 0"),
    ("readmission: discharge before admission", lambda: readmission(stays(discharged=[D(2013, 2, 1), D(2013, 4, 9), D(2013, 3, 8)])),
     ik.DataError, "column `discharged`: the discharge must not be before the admission (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found 2013-02-01 before 2013-03-01 in row 0"),
    ("readmission: negative age", lambda: readmission(stays(age=[-1, 81, 77])),
     ik.DataError, "column `age`: ages must be present and 0 or more (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found -1 in row 0"),
    ("readmission: age as text", lambda: readmission(stays(age=["81", "81", "77"])),
     ik.DtypeError, "column `age` (age at admission) must be numeric (integer or float), found dtype str"),
    ("readmission: acute flag missing", lambda: readmission(stays(acute=[None, True, True]), acute_only=True),
     ik.DataError, "column `acute`: acute admission flags must be present (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found a missing value in row 0"),
    ("readmission: window of 0 days", lambda: readmission(stays(), days=0),
     ik.ArgumentError, "argument `days`: a readmission window of at least 1 day (a same-day return is a transfer); got 0"),
    ("readmission: minimum age 200", lambda: readmission(stays(), min_age=200),
     ik.ArgumentError, "argument `min_age`: an age from 0 to 120; got 200"),
    ("sip: plan id missing", lambda: sip(plans(plan_id=[None, 2, 3])),
     ik.DataError, "column `plan_id`: plan ids must be present (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found a missing value in row 0"),
    ("sip: establishment date missing", lambda: sip(plans(established=[None, D(2024, 3, 1), D(2023, 8, 1)])),
     ik.DataError, "column `established`: establishment dates must be present (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found a missing value in row 0"),
    ("sip: negative age", lambda: sip(plans(age=[-3, 45, 16])),
     ik.DataError, "column `age`: ages must be present and 0 or more (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found -3 in row 0"),
    ("mortality: a group with zero population", lambda: mortality(deaths(), population(population=[0, 60_000])),
     ik.DataError, "column `population`: denominators must be > 0 (summed over the group); found 0 in group period=2016"),
    ("mortality: negative population", lambda: mortality(deaths(), population(population=[-5, 60_000])),
     ik.DataError, "column `population`: population counts must be present and 0 or more; found -5 in row 0"),
    ("mortality: a population row repeated", lambda: mortality(deaths(), pl.concat([population(), population()])),
     ik.DataError, "column `population`: population rows must not repeat (a repeated row counts its people twice); found the same row twice in rows 0 and 2"),
    ("mortality: year of death missing", lambda: mortality(deaths(year=[None, 2016]), population()),
     ik.DataError, "column `year`: years of death must be present (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found a missing value in row 0"),
    ("mortality: cause that is no ICD-10 code", lambda: mortality(deaths(cause=["ZZZ", "X80"]), population()),
     ik.DataError, "column `cause`: causes of death must be ICD-10 codes (a letter, two digits, optional sub-code) (to leave such records out and count them, exclude invalid records: `.exclude_invalid()` in Rust, `invalid=\"exclude\"` in Python); found \"ZZZ\" in row 0"),
    ("mortality: age range reversed", lambda: mortality(deaths(), population(), ages=(24, 15)),
     ik.ArgumentError, "argument `max_age`: must not be below min_age = 24; got 15"),
    ("mortality: malformed age band", lambda: mortality(deaths(), population(age=["15-2x", "25-64"])),
     ik.DataError, "column `age`: population ages must be whole years 0 or more, or bands such as \"15-19\" or \"90+\"; found \"15-2x\" in row 0"),
    ("mortality: age band across the range", lambda: mortality(deaths(), population(age=["15-30", "25-64"])),
     ik.AgeBandError, "age bands in `age`: straddles the age range 15–24 (population): \"15-30\""),
    ("mortality: unknown standard population", lambda: mortality(deaths(), population(), standard="who2000x"),
     ik.ArgumentError, "argument `standard`: unknown standard population; known: esp2013, esp1976; got \"who2000x\""),
    ("mortality: window of 0 years", lambda: mortality(deaths(), population(), window=0),
     ik.ArgumentError, "argument `window`: between 1 and the 1 years from 2016 to 2016; got 0"),
    ("continuity: listed twice on the end date", lambda: coc(visits(), pl.concat([listings(), listings(unit=["HC Brunflo"])])),
     ik.DataError, "column `patient_id`: a patient can be listed at one unit on the end date; found \"p1\" listed twice on 2024-08-31"),
    ("continuity: nobody eligible", lambda: coc(visits(), listings(listed_to=[D(2019, 1, 1)])),
     ik.DataError, "column `patient_id`: no patient meets the eligibility rules (the quality table says what was left out); found 0 eligible patients on 2024-08-31"),
    ("continuity: fewer than 2 visits required", lambda: coc(visits(), listings(), min_visits=0),
     ik.ArgumentError, "argument `min_visits`: continuity needs at least 2 visits per patient; got 0"),
    ("continuity: window of 0 months", lambda: coc(visits(), listings(), window_months=0),
     ik.ArgumentError, "argument `window_months`: the window must be at least one month; got 0"),
    ("continuity: unknown index", lambda: coc(visits(), listings(), index="bice"),
     ik.ArgumentError, "argument `index`: one of \"coc\", \"upc\", \"secon\", \"mmci\", \"herfindahl\"; got \"bice\""),
    ("continuity: visit dates as text", lambda: coc(visits(date=["2024-01-10"] * 4), listings()),
     ik.DtypeError, "column `date` (visit date) must be a date or datetime, found dtype str"),
    ("continuity: impossible end date", lambda: coc(visits(), listings(), end="2024-02-30"),
     ik.ArgumentError, "argument `end`: a date or an ISO date string such as '2024-08-31'; got '2024-02-30'"),
    ("continuity: listing unit column missing", lambda: coc(visits(), listings().drop("unit")),
     ik.ColumnNotFoundError, "column `unit` (listing unit) not found; the frame has: patient_id, listed_from, listed_to"),
    ("suppression: negative count", lambda: ik.suppress(pl.DataFrame({"numerator": [-1, 3]})),
     ik.DataError, "column `numerator`: counts to suppress must be 0 or more; found -1 in row 0"),
    ("suppression: NaN count", lambda: ik.suppress(pl.DataFrame({"numerator": [float("nan"), 3.0]})),
     ik.DataError, "column `numerator`: counts to suppress must be 0 or more; found NaN in row 0"),
    ("suppression: threshold 0", lambda: ik.suppress(pl.DataFrame({"numerator": [1, 3]}), threshold=0),
     ik.ArgumentError, "argument `threshold`: threshold must be a finite number >= 1; got 0"),
    ("suppression: total label absent", lambda: ik.suppress(pl.DataFrame({"sex": ["K", "M"], "numerator": [1, 3]}), totals={"sex": "Totalt"}),
     ik.DataError, "column `sex`: the total label of a margin must occur in its column; found no row labelled \"Totalt\""),
    ("suppression: count column as text", lambda: ik.suppress(pl.DataFrame({"numerator": ["1", "3"]})),
     ik.DtypeError, "column `numerator` (count) must be numeric (integer or float), found dtype str"),
    ("suppression: no count column", lambda: ik.suppress(pl.DataFrame({"antal": [1, 3]})),
     ik.ArgumentError, "argument `counts`: name the count columns to test (the table has no `numerator` or `denominator`); got none"),
    ("suppression: two rows with the same keys", lambda: ik.suppress(pl.DataFrame({"sex": ["K", "K", "Totalt"], "numerator": [1, 3, 4]}), totals={"sex": "Totalt"}),
     ik.DataError, "column `sex`: a table with totals must have one row per combination of keys; found rows 0 and 1 alike"),
    ("catalogue: TOML syntax", lambda: ik.Catalog.from_string(HEADER + "[[indicator]\n"),
     ik.CatalogError, "catalogue <text>, line 6, column 13: unclosed array table, expected `]`"),
    ("catalogue: unknown key", lambda: ik.Catalog.from_string(HEADER + SIP.replace("polarity", "colour = \"red\"\npolarity")),
     ik.CatalogError, "catalogue <text>, line 14, column 1: unknown field `colour`, expected one of `id`, `name_sv`, `name_en`, `perspective`, `responsible`, `source`, `polarity`, `unit`, `decimals`, `breakdowns`, `target`, `suppression_threshold`, `kolada`, `success_factor`, `statistic`"),
    ("catalogue: target contradicting the polarity", lambda: ik.Catalog.from_string(HEADER + SIP.replace("statistic =", 'target = { form = "threshold", op = "<=", value = 10 }\nstatistic =')),
     ik.CatalogError, "catalogue <text>, line 8, column 1: indicator `sip-barn`: the target \"högst 10\" contradicts polarity high_is_good"),
    ("catalogue: id used twice", lambda: ik.Catalog.from_string(HEADER + SIP + SIP),
     ik.CatalogError, "catalogue <text>, line 18, column 1: indicator `sip-barn`: the id is used twice"),
    ("catalogue: table path leaving the data directory", lambda: ik.Catalog.from_string(HEADER + '\n[tables]\nsip = "../secret.parquet"\n' + SIP),
     ik.CatalogError, "catalogue <text>, line 1, column 1: [tables] sip: a file must be a relative path inside the data directory (no '..', no absolute path); got \"../secret.parquet\""),
    ("catalogue: absolute table path", lambda: ik.Catalog.from_string(HEADER + '\n[tables]\nsip = "/etc/passwd"\n' + SIP),
     ik.CatalogError, "catalogue <text>, line 1, column 1: [tables] sip: a file must be a relative path inside the data directory (no '..', no absolute path); got \"/etc/passwd\""),
    ("catalogue: unknown family", lambda: ik.Catalog.from_string(HEADER + SIP.replace('family = "sip"', 'family = "eval"')),
     ik.CatalogError, "catalogue <text>, line 15, column 24: unknown variant `eval`, expected one of `waits`, `readmission`, `sip`, `mortality`, `life_expectancy`, `event_rate`, `continuity`, `event_count`, `drugs`"),
    ("catalogue: file missing", lambda: ik.Catalog.from_toml("/nonexistent/katalog.toml"),
     ik.FileError, "file `/nonexistent/katalog.toml`: No such file or directory (os error 2)"),
    ("report: data directory missing", lambda: ik.Catalog.shipped().run(period="2024-delar", data="/nonexistent/data", strict=True),
     ik.FileError, "file `/nonexistent/data`: the data directory does not exist"),
    ("report: period string out of range", lambda: ik.Catalog.shipped().run(period="2024-T7"),
     ik.ArgumentError, f"{PERIOD_RULE}; got \"2024-T7\""),
    # The follow-up (issue 22): its keys in the catalogue, the reported file, the template.
    ("catalogue: success factor under an unknown goal", lambda: ik.Catalog.from_string(HEADER + FACTOR.replace('goal = "g"', 'goal = "okand"')),
     ik.CatalogError, "catalogue <text>, line 14, column 1: success factor `f`: the goal \"okand\" is not a goal of the catalogue (goals: g)"),
    ("catalogue: measure target not fitting its kind", lambda: ik.Catalog.from_string(HEADER + FACTOR + MEASURE.replace('form = "yes_no"', 'form = "status"')),
     ik.CatalogError, "catalogue <text>, line 24, column 1: measure `m`: the target \"klart\" does not fit the kind yes_no: it takes the yes_no form"),
    ("catalogue: derived factor without measures", lambda: ik.Catalog.from_string(HEADER + FACTOR),
     ik.CatalogError, "catalogue <text>, line 17, column 1: success factor `f`: a derived rating needs at least one measure (an indicator or a [[measure]] with success_factor = this id); rate it as \"reported\" or give it measures"),
    ("reported file: value of the wrong kind", lambda: reported_run("id,period,value\nm,2024-delar,kanske\n"),
     ik.FileError, f"file `{REPORTED_DIR}/svar.csv`: row 2 (value): the value of \"m\" is ja or nej; got \"kanske\""),
    ("reported file: unknown id", lambda: reported_run("id,period,value\nx,2024-delar,ja\n"),
     ik.FileError, f"file `{REPORTED_DIR}/svar.csv`: row 2 (id): unknown id \"x\": not a reported measure or a success factor rated by hand in the catalogue (known: m)"),
    ("reported file: period outside the report", lambda: reported_run("id,period,value\nm,2021,ja\n"),
     ik.FileError, f"file `{REPORTED_DIR}/svar.csv`: row 2 (period): the period 2021 lies outside the report period jan–aug 2024 (and the same period a year earlier, jan–aug 2023)"),
    ("reported file: the same answer twice", lambda: reported_run("id,period,value\nm,2024-delar,ja\nm,jan–aug 2024,nej\n"),
     ik.FileError, f"file `{REPORTED_DIR}/svar.csv`: row 3: \"m\" for jan–aug 2024 is reported twice (first in row 2)"),
    ("reported file: neither XLSX nor CSV", lambda: reported_run("id", name="svar.txt"),
     ik.FileError, f"file `{REPORTED_DIR}/svar.txt`: a reported file is an XLSX workbook (.xlsx) or a CSV file (.csv)"),
    ("template: period string out of range", lambda: ik.Catalog.shipped().template(period="2024-T7", path="/tmp/x.xlsx"),
     ik.ArgumentError, f"{PERIOD_RULE}; got \"2024-T7\""),
    # One system (issue 19): names that do not exist, periods without data, results between calls.
    ('waits: limit for a kind that does not exist', lambda: waits(referrals(), limits={"first_vist": 60}),
     ik.ArgumentError, 'argument `limits`: a limit must be for a kind of wait of the law (primary_contact, primary_assessment, first_visit, treatment, bup_assessment, bup_in_depth) or of the `kind` column (first_visit); got "first_vist"'),
    ('waits: period after the extraction date', lambda: waits(referrals(), period="2025"),
     ik.ArgumentError, 'argument `period`: the period must end on or before the extraction date as_of = 2025-01-01 (its last days are not in the data); got 2025 (2025-01-01 – 2025-12-31)'),
    ('waits: period before the records', lambda: waits(referrals(), period="2020"),
     ik.ArgumentError, 'argument `period`: the period must overlap the records: `decided` runs from 2024-01-02 to 2024-01-10; got 2020 (2020-01-01 – 2020-12-31)'),
    ('waits: snapshot date after the extraction date', lambda: ik.waits.fulfilment(referrals(), period="2024", measure="waiting", snapshots=["2025-02-01"], as_of="2025-01-01"),
     ik.ArgumentError, 'argument `snapshots`: a snapshot cannot be after the extraction date as_of = 2025-01-01; got 2025-02-01'),
    ('readmission: death type not in the data', lambda: readmission(stays(), died=["avlidne"]),
     ik.ArgumentError, 'argument `died`: each discharge type named must occur in the `discharge_type` column (home); got "avlidne"'),
    ('readmission: transfer type not in the data', lambda: readmission(stays(), transferred=["annat sjukhuss"]),
     ik.ArgumentError, 'argument `transferred`: each discharge type named must occur in the `discharge_type` column (home); got "annat sjukhuss"'),
    ('readmission: period after the extraction date', lambda: readmission(stays(), period="2014"),
     ik.ArgumentError, 'argument `period`: the period must end on or before the extraction date as_of = 2014-01-01 (its last days are not in the data); got 2014 (2014-01-01 – 2014-12-31)'),
    ('sip: status to exclude not in the data', lambda: sip(plans(status=["Upprättad"] * 3), exclude_statuses=["Makulerad"]),
     ik.ArgumentError, 'argument `exclude_statuses`: each status to exclude must occur in the `status` column (Upprättad); got "Makulerad"'),
    ('sip: period after the last plan', lambda: sip(plans(), period="2026"),
     ik.ArgumentError, 'argument `period`: the period must overlap the records: `established` runs from 2023-08-01 to 2024-03-01; got 2026 (2026-01-01 – 2026-12-31)'),
    ('mortality: years without death records', lambda: mortality(deaths(), population(), years=(2016, 2017)),
     ik.DataError, 'column `year`: every year asked for must have death records (the records cover 2016); found no deaths at all in 2017 (years 2016–2017)'),
    ('mortality: ages not a pair', lambda: mortality(deaths(), population(), ages=(15,)),
     ik.ArgumentError, 'argument `ages`: a pair (youngest, oldest), the oldest may be None; got (15,)'),
    ('continuity: profession not in the data', lambda: coc(visits(), listings(), professions=["lakare"]),
     ik.ArgumentError, 'argument `professions`: each must occur in the `profession` column (ignoring case): läkare; got "lakare"'),
    ('continuity: contact type not in the data', lambda: coc(visits(contact_type=["besök"] * 4), listings(), contact_types=["telefon"]),
     ik.ArgumentError, 'argument `contact_types`: each must occur in the `contact_type` column (ignoring case): besök; got "telefon"'),
    ('continuity: chronic code that is no ICD-10 code', lambda: coc(visits(diagnosis=["E11"] * 4), listings(), chronic_codes=["diabetes"]),
     ik.ArgumentError, 'argument `chronic_codes`: diagnosis codes must be ICD-10 codes or categories (a letter, two digits, optional sub-code: "E11", "I50.9"); got "diabetes"'),
    ('compare: level contradicting the table', lambda: ik.compare(RATE, benchmark=2.0, level=0.998),
     ik.ArgumentError, "argument `level`: the table's limits are at 95% (its `confidence` column); leave `level` out or give the same level; got 0.998"),
    ('compare: level for a table of two levels', lambda: ik.compare(BOTH, benchmark=2.0, level=0.95),
     ik.ArgumentError, 'argument `level`: the table has limits at both levels (`lower_95`…`upper_99_8`); `level` is only for tables with one pair of limits (`lower`/`upper`) and no `confidence` column; got 0.95'),
    ('compare: join keys of different dtypes', lambda: ik.compare(RATE, benchmark=pl.DataFrame({"k": [1, 2], "value": [1.0, 2.0]}), on="k"),
     ik.DtypeError, 'column `k` (key matching the benchmark table) must be the same dtype in both tables (str in one, i64 in the benchmark table: cast one, e.g. to text), found dtype i64'),
    ('compare: named time column missing', lambda: ik.compare(RATE, previous=RATE, on="k", period="month"),
     ik.ColumnNotFoundError, 'column `month` (time) not found; the frame has: k, numerator, denominator, value, lower, upper, status, confidence, statistic, method'),
    ('compare: time labels that are not periods', lambda: ik.compare(SERIES.with_columns(period=pl.lit("vår")), previous=SERIES),
     ik.DataError, 'column `period`: a time column of text must hold periods: a year ("2017"), years ("2011–2015"), a tertial ("T2 2017", "2017-T2"), a half-year ("H1 2024", "2024-H1"), the interim period ("jan–aug 2017", "2017-delar"), a month ("mars 2017", "2017-03") or rolling twelve months ("R12 2017-03", "2017-03-R12"); found "vår" in row 0'),
    ('compare: several rows and nothing to match them', lambda: ik.compare(RATE, previous=RATE),
     ik.ArgumentError, 'argument `on`: name the key columns that match rows of the two periods (the tables have several rows and no time column: period, year, snapshot or end); got 2 and 2 rows'),
    ('compare: benchmark table with a key twice', lambda: ik.compare(RATE, benchmark=pl.DataFrame({"k": ["a", "a"], "value": [1.0, 2.0]}), on="k"),
     ik.DataError, 'column `k`: the benchmark table must have one row per group; found a duplicated group in group k=a'),
    ('trend: time labels that are not periods', lambda: ik.trend(SERIES.with_columns(period=pl.Series(["2022", "2023", "sommar"]))),
     ik.DataError, 'column `period`: a time column of text must hold periods: a year ("2017"), years ("2011–2015"), a tertial ("T2 2017", "2017-T2"), a half-year ("H1 2024", "2024-H1"), the interim period ("jan–aug 2017", "2017-delar"), a month ("mars 2017", "2017-03") or rolling twelve months ("R12 2017-03", "2017-03-R12"); found "sommar" in row 2'),
    ('trend: two rows at one time', lambda: ik.trend(pl.concat([SERIES, SERIES])),
     ik.DataError, 'column `period`: a series must have one row per time in each group; found 2022'),
    ('frames: a pandas DataFrame', lambda: ik.rate(pandas.DataFrame({"x": [1], "n": [10]}), "x", "n"),
     ik.ArgumentError, 'argument `data`: must be a polars DataFrame or LazyFrame; got a pandas DataFrame: convert it first with pl.from_pandas(df)'),
    ('frames: an expression that is not one column', lambda: ik.rate(pl.DataFrame({"k": ["a"], "x": [1], "n": [10]}), "x", "n", by=pl.col("k") + "x"),
     ik.ArgumentError, 'argument `by`: an expression must name one column, such as pl.col("kommun"); got [(col("k")) + ("x")]'),
    ('plot: a trend with two rows for one period', lambda: ik.plot.trend(pl.concat([SERIES, SERIES])),
     ik.DataError, 'column `period`: a trend has one row per period: filter the table to one group first; found "2022" twice (the table\'s columns: period, value, lower, upper, confidence)'),
    ('plot: a trend of several indicators', lambda: ik.plot.trend(pl.DataFrame({"indicator_id": ["a", "b"], "period": ["2023", "2024"], "value": [1.0, 2.0]})),
     ik.DataError, 'column `indicator_id`: a chart shows one indicator: filter the table to one; found a, b'),
    ('plot: bars with one group twice', lambda: ik.plot.by_kommun(pl.DataFrame({"kommun": ["Åre", "Åre"], "value": [1.0, 2.0]})),
     ik.DataError, 'column `kommun`: a chart by group has one row per group: filter the table first; found "Åre" twice (the table\'s columns: kommun, value)'),
    ('plot: ratings from a table without counts', lambda: ik.plot.ratings(pl.DataFrame({"perspective": ["Patient"], "fulfilled": [1]})),
     ik.ColumnNotFoundError, 'column `partly` (rating count) not found; the frame has: perspective, fulfilled'),
    ('ratings: unknown rating label', lambda: ik.ratings_by_perspective(pl.DataFrame({"perspective": ["Patient"], "rating": ["grön"]})),
     ik.DataError, 'column `rating`: ratings are fulfilled, partly or not fulfilled; found "grön"'),
    ('ratings: unknown perspective', lambda: ik.ratings_by_perspective(pl.DataFrame({"perspective": ["Ekonomi"], "rating": ["fulfilled"]})),
     ik.ArgumentError, 'argument `perspective`: one of "Samhälle", "Patient", "Medarbetare", "Verksamhetsresultat"; got "Ekonomi"'),
    ('assess: a table without values', lambda: ik.assess(pl.DataFrame({"x": [1.0]}), ik.Target.at_least(1)),
     ik.ColumnNotFoundError, 'column `value` (value to rate) not found; the frame has: x'),
    ('assess: unknown text for a yes/no target', lambda: ik.assess(pl.DataFrame({"value": ["kanske"]}), ik.Target.yes_no()),
     ik.ArgumentError, 'argument `text`: a yes/no value must be ja/nej (or yes/no, true/false); got "kanske"'),
    ('funnel: unknown statistic', lambda: ik.funnel.significance(pl.DataFrame({"x": [1], "n": [10]}), "mean", "x", "n"),
     ik.ArgumentError, 'argument `statistic`: one of "proportion", "ratio", "rate"; got "mean"'),
    ('suppression: margin column missing', lambda: ik.suppress(pl.DataFrame({"numerator": [3, 5]}), totals={"sex": "Totalt"}),
     ik.ColumnNotFoundError, 'column `sex` (key) not found; the frame has: numerator'),
    ('suppression: count column missing', lambda: ik.suppress(pl.DataFrame({"numerator": [3, 5]}), counts=["plans"]),
     ik.ColumnNotFoundError, 'column `plans` (count) not found; the frame has: numerator'),
    ('waits: monthly summary without a month column', lambda: ik.waits.summarise_months(pl.DataFrame({"numerator": [1], "denominator": [2], "value": [50.0]})),
     ik.ColumnNotFoundError, 'column `period` (month) not found; the frame has: numerator, denominator, value'),
    ('waits: reporting rate without expected units', lambda: ik.waits.reporting_rate(pl.DataFrame({"period": ["2024-01"], "unit": ["A"]}), expected=[]),
     ik.ArgumentError, 'argument `expected`: name at least one unit expected to report; got none'),

]


@pytest.mark.parametrize("kind,call,exception,message", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_a_typed_error_with_its_message(kind, call, exception, message):
    with pytest.raises(exception) as info:
        call()
    assert str(info.value) == message
    assert isinstance(info.value, ik.IndikatorError)


def test_the_matrix_covers_at_least_100_kinds():
    assert len({kind for kind, *_ in CASES}) == len(CASES) >= 100


def quality_count(table: pl.DataFrame, rule: str) -> int:
    counts = dict(table.select("rule", "count").iter_rows())
    assert rule in counts, f"no rule {rule!r}: {list(counts)}"
    return counts[rule]


def test_excluded_waits_are_counted_by_rule():
    bad = referrals(decided=[None, D(2024, 1, 10)], pvv=[False, None])
    out = waits(bad, invalid="exclude")
    assert out["records"].to_list() == [0.0]
    quality = ik.waits.quality(bad, period="2024", as_of="2025-01-01", invalid="exclude")
    assert quality_count(quality, "excluded: decision dates must be present") == 1
    assert quality_count(quality, "excluded: PVV flags must be present") == 1


def test_excluded_stays_are_counted_by_rule():
    bad = stays(patient_id=[None, "a", "b"], acute=[True, None, True])
    quality = ik.readmission.quality(bad, period="2013", as_of="2014-01-01", invalid="exclude", acute_only=True)
    assert quality_count(quality, "excluded: patient ids must be present") == 1
    assert quality_count(quality, "excluded: acute admission flags must be present") == 1
