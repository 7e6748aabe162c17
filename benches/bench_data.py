"""Seeded synthetic data for benches/compare.py. SYNTHETIC: no real person.

Two kinds of data:

- :func:`grouped` — ``groups`` × 19 age bands (ESP2013) of events ``x`` and
  population ``n``, in memory, for rate, proportion and DSR against
  PHStatsMethods.
- :func:`region` — the region's record tables at ``scale`` × its volumes, as
  Parquet files under ``target/bench-data/``: listings and primary-care
  visits (continuity), vårdgaranti referrals (waits), deaths and the
  population by kommun, year and age band (counts and rates). At scale 1:
  ~132 000 people listed at 26 hälsocentraler, ~950 000 visits from January
  2023 to August 2024, ~777 000 referrals, ~1 200 deaths a year 2015–2024.

Everything is vectorised (numpy draws, polars string building) and written in
chunks of at most ``CHUNK_PEOPLE`` people, one Parquet file per chunk and
table, so 100× (~95 million visits) needs about a gigabyte at a time. A
directory is reused when its ``manifest.json`` names the same scale, seed and
generator version; it is written under a temporary name and renamed when
complete.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

#: Bump when the generator changes: old directories are then regenerated.
GENERATOR_VERSION = 1

# The region at scale 1.
PEOPLE = 132_000
VISITS = 950_000
UNITS = 26
REFERRALS = 777_000
CLINICS = 40
KOMMUNER = 8
DEATHS_PER_YEAR = 1_200
YEARS = range(2015, 2025)

#: People per chunk (one Parquet file per chunk and table).
CHUNK_PEOPLE = 1_000_000

# Dates of the region's tables.
VISITS_FROM = dt.date(2023, 1, 1)
VISITS_TO = dt.date(2024, 8, 31)  # the continuity measurement date (`end`)
DECIDED_FROM = dt.date(2023, 1, 1)
DECIDED_TO = dt.date(2024, 12, 31)
AS_OF = dt.date(2025, 1, 31)  # the extraction date of the referrals

BANDS = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
         "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"]
#: Share of the population in each band (roughly Sweden's).
AGE_SHARE = np.array([5.5, 5.8, 6.0, 5.7, 5.6, 6.2, 6.5, 6.3, 6.2, 6.3, 6.6, 6.4, 5.9, 5.7, 5.6, 4.6,
                      3.0, 1.7, 0.8])
#: Deaths per person-year in each band (shape only; scaled to DEATHS_PER_YEAR).
MORTALITY = np.array([2.5e-4, 1e-4, 1e-4, 2e-4, 4e-4, 5e-4, 6e-4, 8e-4, 1.1e-3, 1.7e-3, 2.7e-3,
                      4.3e-3, 6.8e-3, 1.1e-2, 1.8e-2, 3e-2, 5.5e-2, 0.105, 0.23])
CAUSES = ["I21.9", "I50.9", "C34.9", "J44.9", "F03.9", "X70.9", "V89.2", "E11.9"]

PROFESSIONS = ["läkare", "sjuksköterska", "fysioterapeut", "psykolog"]
PROFESSION_SHARE = [0.45, 0.40, 0.10, 0.05]
#: Staff per unit and profession; doctors: 8 regular and 12 locums (hyrläkare).
STAFF = {"läkare": 20, "sjuksköterska": 10, "fysioterapeut": 4, "psykolog": 3}
REGULAR_DOCTORS = 8
PREFIX = {"läkare": "L", "sjuksköterska": "S", "fysioterapeut": "F", "psykolog": "P"}

KINDS = ["primary_contact", "primary_assessment", "first_visit", "treatment", "bup_assessment",
         "bup_in_depth"]
KIND_SHARE = [0.35, 0.25, 0.20, 0.12, 0.05, 0.03]

TABLES = ("listings", "visits", "referrals", "deaths", "population")


def _days(d: dt.date) -> int:
    """Days since 1970-01-01 (the physical value of a polars Date)."""
    return (d - dt.date(1970, 1, 1)).days


def _dates(days: np.ndarray) -> pl.Series:
    return pl.Series(days.astype(np.int32)).cast(pl.Date)


def _codes(prefix: str, column: str, width: int) -> pl.Expr:
    """"<prefix><zero-padded number>" from a column of whole numbers."""
    return pl.concat_str(pl.lit(prefix), pl.col(column).cast(pl.String).str.zfill(width))


# --------------------------------------------------------------------------
# Grouped data: rate, proportion, DSR against PHStatsMethods.
# --------------------------------------------------------------------------

def grouped(groups: int, seed: int) -> pl.DataFrame:
    """``group``, ``age_band``, ``x`` (events) and ``n`` (population):
    ``groups`` × 19 rows. Group sizes vary (log-normal), so a few small
    groups have fewer than 10 events (the exact and no-value branches); every
    group has at least one (PHStatsMethods' ph_rate raises on zero)."""
    rng = np.random.default_rng([seed, 1, groups])
    size = rng.lognormal(mean=0.0, sigma=1.2, size=groups)  # population factor per group
    n = np.maximum(1, np.round(np.outer(size, AGE_SHARE) * 40 * rng.uniform(0.8, 1.2, (groups, 19))))
    x = rng.poisson(n * MORTALITY * 1.3)
    x = np.minimum(x, n)  # proportions need x <= n
    x[x.sum(axis=1) == 0, -1] = 1  # PHStatsMethods' ph_rate raises on a group without events
    ids = np.repeat(np.arange(groups), 19)
    return pl.DataFrame({
        "group": ids,
        "age_band": np.tile(np.arange(19), groups),
        "x": x.ravel().astype(np.int64),
        "n": n.ravel().astype(np.int64),
    }).with_columns(
        _codes("G", "group", 6).alias("group"),
        pl.col("age_band").replace_strict(dict(enumerate(BANDS)), return_dtype=pl.String),
    )


# --------------------------------------------------------------------------
# The region at a scale, as Parquet files.
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Region:
    """Where one scale's tables are: ``files("visits")`` is a glob for scan_parquet."""

    root: Path
    scale: int
    seed: int

    def files(self, table: str) -> str:
        return str(self.root / table / "*.parquet")

    def manifest(self) -> dict:
        return json.loads((self.root / "manifest.json").read_text())


def region(base: Path, scale: int, seed: int, log=print) -> Region:
    """The region's tables at ``scale`` under ``base``, generated unless present."""
    name = f"region-x{scale}-seed{seed}-v{GENERATOR_VERSION}"
    root = base / name
    wanted = {"scale": scale, "seed": seed, "generator_version": GENERATOR_VERSION}
    manifest = root / "manifest.json"
    if manifest.exists():
        found = json.loads(manifest.read_text())
        if {k: found.get(k) for k in wanted} == wanted:
            return Region(root, scale, seed)
    log(f"generating the region at {scale}x (seed {seed}) into {root} ...")
    tmp = base / f".{name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    for t in TABLES:
        (tmp / t).mkdir(parents=True)
    rows = _write_region(tmp, scale, seed)
    (tmp / "manifest.json").write_text(json.dumps({**wanted, "rows": rows}, indent=2))
    shutil.rmtree(root, ignore_errors=True)
    tmp.rename(root)
    log(f"  rows: {rows}")
    return Region(root, scale, seed)


@dataclass(frozen=True)
class World:
    """What every chunk shares: the units and clinics and their traits."""

    units: int
    unit_weight: np.ndarray  # share of the listed people per unit
    unit_continuity: np.ndarray  # chance a doctor's visit at home is with the own doctor
    clinics: int
    clinic_weight: np.ndarray


def _world(scale: int, seed: int) -> World:
    rng = np.random.default_rng([seed, 2])
    units, clinics = UNITS * scale, CLINICS * scale
    uw = rng.lognormal(0.0, 0.5, units)
    cw = rng.lognormal(0.0, 0.8, clinics)
    return World(units, uw / uw.sum(), rng.uniform(0.25, 0.8, units), clinics, cw / cw.sum())


def _write_region(root: Path, scale: int, seed: int) -> dict:
    world = _world(scale, seed)
    people = PEOPLE * scale
    rows = {t: 0 for t in TABLES}
    for chunk, first in enumerate(range(0, people, CHUNK_PEOPLE)):
        count = min(CHUNK_PEOPLE, people - first)
        rng = np.random.default_rng([seed, 3, chunk])
        tables = _people_chunk(rng, world, first, count)
        tables["referrals"] = _referrals_chunk(rng, world, round(count * REFERRALS / PEOPLE))
        for table, frame in tables.items():
            frame.write_parquet(root / table / f"part-{chunk:04}.parquet")
            rows[table] += frame.height
        del tables
    population, deaths = _deaths(np.random.default_rng([seed, 4]), scale)
    population.write_parquet(root / "population" / "part-0000.parquet")
    deaths.write_parquet(root / "deaths" / "part-0000.parquet")
    rows["population"], rows["deaths"] = population.height, deaths.height
    return rows


def _people_chunk(rng: np.random.Generator, world: World, first: int, count: int) -> dict:
    """Listings and visits of the people ``first`` … ``first + count - 1``."""
    pid = np.arange(first, first + count)
    home = rng.choice(world.units, size=count, p=world.unit_weight)
    own_doctor = rng.integers(0, REGULAR_DOCTORS, count)
    return {"listings": _listings(rng, world, pid, home),
            "visits": _visits(rng, world, pid, home, own_doctor)}


def _listings(rng, world: World, pid, home) -> pl.DataFrame:
    """One open listing per person at the home unit; 3 % ended before the
    end date (not listed then); 8 % with an earlier, closed listing elsewhere."""
    count = pid.size
    listed_from = rng.integers(_days(dt.date(2000, 1, 1)), _days(VISITS_TO) + 1, count)
    ended = rng.random(count) < 0.03
    listed_to = rng.integers(_days(dt.date(2023, 6, 1)), _days(VISITS_TO), count)
    listed_from = np.where(ended, np.minimum(listed_from, listed_to), listed_from)
    moved = rng.random(count) < 0.08
    earlier_unit = (home[moved] + rng.integers(1, world.units, moved.sum())) % world.units \
        if world.units > 1 else home[moved]
    earlier_to = listed_from[moved] - 1
    earlier_from = earlier_to - rng.integers(30, 3000, moved.sum())
    frame = pl.DataFrame({
        "patient": np.concatenate([pid, pid[moved]]),
        "unit_no": np.concatenate([home, earlier_unit]),
        "listed_from": _dates(np.concatenate([listed_from, earlier_from])),
        "listed_to": _dates(np.concatenate([listed_to, earlier_to])),
        "closed": np.concatenate([ended, np.ones(moved.sum(), dtype=bool)]),
    })
    return frame.select(
        _codes("P", "patient", 9).alias("patient_id"),
        _codes("HC", "unit_no", 4).alias("unit"),
        "listed_from",
        pl.when(pl.col("closed")).then(pl.col("listed_to")).alias("listed_to"),
    )


def _visits(rng, world: World, pid, home, own_doctor) -> pl.DataFrame:
    """~7.2 visits per person (negative binomial), 85 % at the home unit;
    a doctor's visit at home is with the own doctor with the unit's
    continuity, else with any of its doctors or locums; 0.3 % lack a clinician."""
    mean = VISITS / PEOPLE
    per_person = rng.negative_binomial(1.0, 1.0 / (1.0 + mean), pid.size)
    patient = np.repeat(pid, per_person)
    n = patient.size
    v_home, v_own = np.repeat(home, per_person), np.repeat(own_doctor, per_person)
    at_home = rng.random(n) < 0.85
    unit = np.where(at_home, v_home, rng.integers(0, world.units, n))
    profession = rng.choice(len(PROFESSIONS), size=n, p=PROFESSION_SHARE)
    staff = np.array([STAFF[p] for p in PROFESSIONS])
    clinician = np.floor(rng.random(n) * staff[profession]).astype(np.int64)
    with_own = (profession == 0) & at_home & (rng.random(n) < world.unit_continuity[v_home])
    clinician = np.where(with_own, v_own, clinician)
    day = rng.integers(_days(VISITS_FROM), _days(VISITS_TO) + 1, n)
    order = np.argsort(day, kind="stable")  # an extract comes by date, not by patient
    frame = pl.DataFrame({
        "patient": patient[order],
        "clinician_no": clinician[order],
        "profession_no": profession[order],
        "unit_no": unit[order],
        "date": _dates(day[order]),
        "missing": rng.random(n) < 0.003,
    })
    prefix = pl.col("profession_no").replace_strict(
        {i: PREFIX[p] for i, p in enumerate(PROFESSIONS)}, return_dtype=pl.String)
    return frame.select(
        _codes("P", "patient", 9).alias("patient_id"),
        pl.when(~pl.col("missing")).then(pl.concat_str(
            _codes("HC", "unit_no", 4), pl.lit("-"), prefix,
            pl.col("clinician_no").cast(pl.String).str.zfill(2))).alias("clinician_id"),
        pl.col("profession_no").replace_strict(dict(enumerate(PROFESSIONS)), return_dtype=pl.String)
        .alias("profession"),
        _codes("HC", "unit_no", 4).alias("unit"),
        "date",
    )


def _referrals_chunk(rng, world: World, n: int) -> pl.DataFrame:
    """Referrals decided 2023–2024 at clinics; waits by kind around the
    limits; completions after the extraction date and 2 % more are still
    waiting (null); 4 % PVV, 2 % MOV."""
    kind = rng.choice(len(KINDS), size=n, p=KIND_SHARE)
    wait = np.select(
        [kind == 0, kind == 1, kind <= 3, kind >= 4],
        [np.where(rng.random(n) < 0.93, 0, rng.geometric(0.5, n)),
         rng.geometric(0.35, n) - 1,
         np.round(rng.gamma(1.4, 45.0, n)),
         np.round(rng.gamma(2.0, 15.0, n))],
    ).astype(np.int64)
    decided = rng.integers(_days(DECIDED_FROM), _days(DECIDED_TO) + 1, n)
    completed = decided + wait
    open_ = (completed > _days(AS_OF)) | (rng.random(n) < 0.02)
    frame = pl.DataFrame({
        "clinic_no": rng.choice(world.clinics, size=n, p=world.clinic_weight),
        "kind_no": kind,
        "decided": _dates(decided),
        "completed": _dates(completed),
        "open": open_,
        "pvv": rng.random(n) < 0.04,
        "mov": rng.random(n) < 0.02,
    })
    return frame.select(
        _codes("K", "clinic_no", 4).alias("clinic"),
        pl.col("kind_no").replace_strict(dict(enumerate(KINDS)), return_dtype=pl.String).alias("kind"),
        "decided",
        pl.when(~pl.col("open")).then(pl.col("completed")).alias("completed"),
        "pvv",
        "mov",
    )


def _deaths(rng, scale: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The population by kommun, year and age band with its deaths, and one
    row per death (year, kommun, age band, age, sex, cause)."""
    kommuner = KOMMUNER * scale
    weight = rng.lognormal(0.0, 0.7, kommuner)
    size = weight / weight.sum() * PEOPLE * scale
    years = np.array(list(YEARS))
    shape = (kommuner, years.size, len(BANDS))
    share = AGE_SHARE / AGE_SHARE.sum()
    pop = np.maximum(1, np.round(size[:, None, None] * share[None, None, :]
                                 * rng.uniform(0.95, 1.05, shape))).astype(np.int64)
    expected = pop * MORTALITY
    factor = DEATHS_PER_YEAR * scale * years.size / expected.sum()
    deaths = np.minimum(rng.poisson(expected * factor), pop)
    k, y, b = np.indices(shape)
    population = pl.DataFrame({
        "kommun_no": k.ravel(), "year": years[y.ravel()], "band": b.ravel(),
        "population": pop.ravel(), "deaths": deaths.ravel(),
    }).select(
        _codes("", "kommun_no", 4).alias("kommun"), "year",
        pl.col("band").replace_strict(dict(enumerate(BANDS)), return_dtype=pl.String).alias("age_band"),
        "population", "deaths",
    )
    counts = deaths.ravel()
    band = np.repeat(b.ravel(), counts)
    low = np.array([int(s.rstrip("+").split("-")[0]) for s in BANDS])
    records = pl.DataFrame({
        "kommun_no": np.repeat(k.ravel(), counts),
        "year": np.repeat(years[y.ravel()], counts),
        "band": band,
        "age": low[band] + rng.integers(0, 5, band.size),
        "sex": rng.integers(0, 2, band.size),
        "cause": rng.integers(0, len(CAUSES), band.size),
    }).select(
        _codes("", "kommun_no", 4).alias("kommun"), "year",
        pl.col("band").replace_strict(dict(enumerate(BANDS)), return_dtype=pl.String).alias("age_band"),
        "age",
        pl.col("sex").replace_strict({0: "kvinnor", 1: "män"}, return_dtype=pl.String).alias("sex"),
        pl.col("cause").replace_strict(dict(enumerate(CAUSES)), return_dtype=pl.String).alias("cause"),
    )
    return population, records
