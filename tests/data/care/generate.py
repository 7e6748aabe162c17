"""Write the small, seeded, synthetic record files that the Rust and the
Python tests both read (tests/behaviour/cross_language.rs,
tests/python/test_care.py) to show the two give identical numbers.

SYNTHETIC DATA: no real person, referral, stay, plan or death. Run from the
repository root: ``python tests/data/care/generate.py``.
"""

import csv
import datetime as dt
import random
from pathlib import Path

HERE = Path(__file__).parent
rng = random.Random(2026)
KOMMUNER = ["Ragunda", "Bräcke", "Krokom", "Strömsund", "Åre", "Berg", "Härjedalen", "Östersund"]
BANDS = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
         "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"]


def day(start: dt.date, span: int) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(span))


def write(name, header, rows):
    with open(HERE / name, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


rows = []
for _ in range(400):
    kind = rng.choice(["first_visit", "treatment", "bup_assessment"])
    unit = "BUP" if kind == "bup_assessment" else rng.choice(["Ortopedi", "Kirurgi"])
    decided = day(dt.date(2023, 9, 1), 330)
    wait = int(rng.expovariate(1 / (25 if unit == "BUP" else 70)))
    done = decided + dt.timedelta(days=wait)
    completed = "" if done > dt.date(2024, 8, 31) else done.isoformat()
    rows.append([decided.isoformat(), completed, kind, int(rng.random() < 0.06), int(rng.random() < 0.04), unit])
write("referrals.csv", ["decided", "completed", "kind", "pvv", "mov", "unit"], rows)

rows = []
for p in range(150):
    age, sex = rng.randint(60, 95), rng.choice("KM")
    admitted = day(dt.date(2024, 1, 1), 300)
    for _ in range(rng.choice([1, 1, 2, 3, 4])):
        length = rng.randint(0, 12)
        discharged = admitted + dt.timedelta(days=length)
        kind = rng.choices(["home", "transfer", "died"], [0.85, 0.1, 0.05])[0]
        rows.append([f"p{p:03}", admitted.isoformat(), discharged.isoformat(), age, sex, kind,
                     int(rng.random() < 0.8)])
        gap = 0 if kind == "transfer" else rng.randint(1, 60)
        admitted = discharged + dt.timedelta(days=gap)
        if kind == "died" or admitted > dt.date(2024, 12, 31):
            break
write("stays.csv", ["patient_id", "admitted", "discharged", "age", "sex", "discharge_type", "acute"], rows)

rows = []
for plan in range(220):
    established = day(dt.date(2023, 1, 1), 700)
    birth = established - dt.timedelta(days=rng.randrange(3 * 365, 85 * 365))
    kommun = rng.choice(KOMMUNER)
    for status in ["Upprättad"] + (["Uppföljd"] if rng.random() < 0.3 else []):
        rows.append([plan, established.isoformat(), birth.isoformat(), kommun, status])
write("plans.csv", ["plan_id", "established", "birth_date", "kommun", "status"], rows)

rows = []
for year in range(2011, 2024):
    for _ in range(rng.randint(14, 30)):
        age = rng.randint(15, 92)
        cause = rng.choice(["X70", "X70.9", "X60.0", "X80", "Y20", "X84.9"])
        rows.append([year, age, rng.choice("KM"), cause])
    for _ in range(40):
        rows.append([year, rng.randint(40, 99), rng.choice("KM"), rng.choice(["I21.9", "C34.1", "J44.1"])])
write("deaths.csv", ["year", "age", "sex", "cause"], rows)

rows = []
for year in range(2011, 2025):
    for sex in "KM":
        for band in BANDS:
            rows.append([year, band, sex, rng.randint(2500, 4500)])
write("population.csv", ["year", "age", "sex", "population"], rows)
