"""Write the reader test files of this directory (run from the repository root:
``python3 tests/data/io/make_files.py``). Each is written after the published
description of its format: SCB's PX file format (AXIS-VERSION 2013), JSON-stat
2.0 (json-stat.org) and Kolada's API answers (github.com/Hypergene/kolada). The
layouts are SCB's (table BE0101N1, population by region, age and sex) and
Kolada's; every figure is made up for the tests, and the KPI id N99001 is not
one of Kolada's. The hand-written files (malformed.px) are not written here.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
KOMMUNER = [("2380", "Östersund", 310), ("2309", "Krokom", 75)]
YEARS = ["2022", "2023"]
AGES = [str(a) for a in range(100)] + ["100+"]
NOTE = "Testfil skriven efter SCB:s beskrivning av PX-formatet. Siffrorna är påhittade för testerna, inte SCB:s."


def people(base: int, age: int, sex: int, year: int) -> int:
    """A made-up, smooth age pyramid."""
    shape = 1.0 if age < 65 else max(0.02, 1.0 - (age - 65) / 36)
    return round(base * shape * (1.03 if sex == 2 and age > 70 else 1.0) + (age * 7 + sex * 3 + year) % 11)


def cells() -> list[list[int]]:
    """Rows of the stub (region, age incl. total, sex), a cell per year."""
    rows = []
    for _code, _name, base in KOMMUNER:
        by_age = {}
        for a in range(101):
            by_age[a] = [[people(base, a, s, y) for y in range(len(YEARS))] for s in (1, 2)]
        for a in range(101):
            rows.extend(by_age[a])
        rows.extend([sum(by_age[a][s][y] for a in range(101)) for y in range(len(YEARS))] for s in (0, 1))
    return rows


def px_list(items: list[str]) -> str:
    out, width = "", 0
    for i, item in enumerate(items):
        if i:
            out += ","
            if width > 180:
                out, width = out + "\n", 0
        out += f'"{item}"'
        width += len(item) + 3
    return out


def folkmangd_px() -> str:
    ages = [f"{a} år" for a in AGES] + ["totalt ålder"]
    lines = [
        'CHARSET="ANSI";', 'AXIS-VERSION="2013";', 'CODEPAGE="windows-1252";', 'LANGUAGE="sv";',
        'CREATION-DATE="20240221 08:00";', "DECIMALS=0;", "SHOWDECIMALS=0;", 'MATRIX="BE0101N1";',
        'SUBJECT-CODE="BE";', 'SUBJECT-AREA="Befolkning";',
        'TITLE="Folkmängden efter region, ålder, kön och år";', 'CONTENTS="Folkmängden";',
        'STUB="region","ålder","kön";', 'HEADING="år";',
        f'VALUES("region")={px_list([f"{c} {n}" for c, n, _ in KOMMUNER])};',
        f'VALUES("ålder")={px_list(ages)};', 'VALUES("kön")="män","kvinnor";', f'VALUES("år")={px_list(YEARS)};',
        f'TIMEVAL("år")=TLIST(A1),{px_list(YEARS)};',
        f'CODES("region")={px_list([c for c, _, _ in KOMMUNER])};', f'CODES("ålder")={px_list(AGES + ["tot"])};',
        'CODES("kön")="1","2";', f'CODES("år")={px_list(YEARS)};',
        'VARIABLE-CODE("region")="Region";', 'VARIABLE-CODE("ålder")="Alder";', 'VARIABLE-CODE("kön")="Kon";',
        'VARIABLE-CODE("år")="Tid";', 'MAP("region")="Sweden_municipality";', 'UNITS="antal";',
        'LAST-UPDATED="20240221 08:00";', 'SOURCE="Testfil (SCB:s format); påhittade siffror";',
        f'NOTE="{NOTE[:60]}"\n"{NOTE[60:]}";', "DATA=",
    ]
    lines += [" ".join(str(v) for v in row) + " " for row in cells()]
    return "\n".join(lines) + "\n;\n"


def folkmangd_json() -> dict:
    values = [v for row in cells() for v in row]
    # JSON-stat orders the dimensions region, age, sex, contents, year: the
    # contents dimension (one category) sits before the year, as PxWeb puts it.
    return {
        "version": "2.0", "class": "dataset", "label": "Folkmängden efter region, ålder, kön och år",
        "source": "Testfil (SCB:s format); påhittade siffror", "updated": "2024-02-21T07:00:00Z",
        "note": [NOTE], "role": {"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["Region"]},
        "id": ["Region", "Alder", "Kon", "ContentsCode", "Tid"], "size": [2, 102, 2, 1, 2],
        "dimension": {
            "Region": {"label": "region", "category": {
                "index": {c: i for i, (c, _, _) in enumerate(KOMMUNER)}, "label": {c: n for c, n, _ in KOMMUNER}}},
            "Alder": {"label": "ålder", "category": {
                "index": AGES + ["tot"], "label": {**{a: f"{a} år" for a in AGES}, "tot": "totalt ålder"}}},
            "Kon": {"label": "kön", "category": {"index": ["1", "2"], "label": {"1": "män", "2": "kvinnor"}}},
            "ContentsCode": {"label": "tabellinnehåll", "category": {
                "label": {"BE0101N1": "Folkmängd"}, "unit": {"BE0101N1": {"label": "antal", "decimals": 0}}}},
            "Tid": {"label": "år", "category": {"index": YEARS}},
        },
        "value": values,
        "extension": {"px": {"tableid": "BE0101N1", "decimals": 0, "language": "sv"}},
    }


def status_json() -> dict:
    """Deaths by region and year: values as an object, two cells suppressed."""
    return {
        "version": "2.0", "class": "dataset", "label": "Döda efter region och år", "source": "Testfil; påhittade siffror",
        "id": ["Region", "Tid"], "size": [3, 2], "role": {"time": ["Tid"], "geo": ["Region"]},
        "dimension": {
            "Region": {"label": "region", "category": {"index": ["2380", "2309", "2303"],
                       "label": {"2380": "Östersund", "2309": "Krokom", "2303": "Ragunda"}}},
            "Tid": {"label": "år", "category": {"index": {"2022": 0, "2023": 1}}},
        },
        "value": {"0": 512, "1": 530, "2": 120, "4": 61},
        "status": {"3": "..", "5": ".."},
    }


def markers_px() -> str:
    """UTF-8, two languages, the dots codes and the dash."""
    return "\n".join([
        'CHARSET="ANSI";', 'AXIS-VERSION="2013";', 'CODEPAGE="utf-8";', 'LANGUAGE="sv";', 'LANGUAGES="sv","en";',
        "DECIMALS=1;", 'MATRIX="TEST01";', 'TITLE="Döda per 100 000 efter region, kön och år";',
        'TITLE[en]="Deaths per 100 000 by region, sex and year";', 'CONTENTS="Döda per 100 000";',
        'CONTENTS[en]="Deaths per 100 000";', 'UNITS="per 100 000";', 'UNITS[en]="per 100 000";',
        'STUB="region","kön";', 'STUB[en]="region","sex";', 'HEADING="år";', 'HEADING[en]="year";',
        'VALUES("region")="2303 Ragunda","2305 Bräcke";', 'VALUES[en]("region")="2303 Ragunda","2305 Bräcke";',
        'VALUES("kön")="män","kvinnor";', 'VALUES[en]("sex")="men","women";',
        'VALUES("år")="2022","2023";', 'VALUES[en]("year")="2022","2023";',
        'CODES("region")="2303","2305";', 'CODES("kön")="1","2";', 'CODES("år")="2022","2023";',
        'DATASYMBOL2="Uppgift inte tillgänglig";', 'DATASYMBOL2[en]="Data not available";',
        'DATASYMBOL3="Uppgift för osäker för att anges";', 'DATASYMBOLNIL="Inget finns att redovisa";',
        'SOURCE="Testfil; påhittade siffror";', "DATA=",
        '812.4 790.0 ', '".." 655.1 ', '"-" "..." ', '701.9 "-" ', ";", "",
    ])


def keys_px() -> str:
    """KEYS: each row starts with its stub keys; rows of zeros left out."""
    return "\n".join([
        'CHARSET="ANSI";', 'CODEPAGE="iso-8859-1";', "DECIMALS=0;", 'MATRIX="TEST02";',
        'TITLE="Folkmängden efter region, kön och år";', 'CONTENTS="Folkmängd";', 'UNITS="antal";',
        'STUB="region","kön";', 'HEADING="år";', 'VALUES("region")="2380 Östersund","2326 Berg";',
        'VALUES("kön")="män","kvinnor";', 'VALUES("år")="2022","2023";', 'CODES("region")="2380","2326";',
        'CODES("kön")="1","2";', 'KEYS("region")=CODES;', 'KEYS("kön")=VALUES;', "DATA=",
        '"2380","män",32811 33002', '"2380","kvinnor",32100 32345', '"2326","kvinnor",3401 3388', ";", "",
    ])


def kolada_entry(kpi: str, municipality: str, year: int, t: float | None, k: float | None, m: float | None,
                 missing: str = "") -> dict:
    def value(gender: str, v: float | None) -> dict:
        return {"count": 1, "gender": gender, "status": "" if v is not None else missing, "value": v}
    return {"kpi": kpi, "municipality": municipality, "period": year,
            "values": [value("K", k), value("M", m), value("T", t)]}


def kolada() -> dict:
    entries = [
        kolada_entry("N99001", "0000", 2022, 14.6, 8.1, 21.0), kolada_entry("N99001", "0000", 2023, 14.2, 7.9, 20.4),
        kolada_entry("N99001", "0023", 2022, 18.3, 9.0, 27.4), kolada_entry("N99001", "0023", 2023, 17.1, 8.8, 25.2),
        kolada_entry("N99001", "2380", 2022, 16.8, 10.2, 23.3), kolada_entry("N99001", "2380", 2023, 20.1, 9.9, 30.2),
        kolada_entry("N99001", "2309", 2022, 15.5, None, 27.1, "Missing"),
        kolada_entry("N99001", "2309", 2023, 23.6, 11.8, 35.0),
    ]
    return {"count": len(entries), "values": entries}


def kolada_pages() -> list[dict]:
    entries = kolada()["values"]
    base = "http://api.kolada.se/v2/data/kpi/N99001/year/2022,2023?per_page=4"
    return [
        {"count": 4, "next_page": f"{base}&page=2", "values": entries[:4]},
        {"count": 4, "previous_page": f"{base}&page=1", "values": entries[4:]},
    ]


def main() -> None:
    (HERE / "folkmangd.px").write_bytes(folkmangd_px().encode("cp1252"))
    (HERE / "markers.px").write_text(markers_px(), encoding="utf-8")
    (HERE / "keys.px").write_bytes(keys_px().encode("latin-1"))
    for name, doc in [("folkmangd.json", folkmangd_json()), ("status.json", status_json()),
                      ("kolada-suicid.json", kolada()), ("kolada-pages.json", kolada_pages())]:
        (HERE / name).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
