"""Suppression against a reader with a solver (issue 20): its speed, and the
cells it masks against the exact minimum on small tables.

- Speed: ``ik.suppress`` on the report's tables of one indicator at the
  region's size (by kommun and by sex, each with the region's total, and
  the region alone, suppressed together; then with the kommun × sex table
  beside them; counts like suicides: a fifth 0, half 1–4), on a 100 × 20 table with row, column and grand totals, and
  ``ik.suppression_audit`` of that table's protected output.
- The exact minimum: for seeded 3 × 3 and 4 × 3 tables with margins (a third
  of the cells 0, two fifths 1–4), the fewest masked cells for which the
  audit passes, found by trying every set of further non-zero cells in
  order of size (the audit is the same one suppression must pass), against
  the number ``ik.suppress`` masks.

``compare.py`` calls :func:`run` and :func:`section`; ``compare.py --only
suppression`` runs just this and rewrites its section of BENCHMARKS.md in
place. Nothing here is a test: no assertion is made on any time.
"""

from __future__ import annotations

import itertools
import random
import statistics
import time
from dataclasses import dataclass, field
from typing import Callable

import bench_report as br
import polars as pl

import indikator as ik

TITLE = "## Suppression against a reader with a solver (issue 20)"
THRESHOLD = 5
REGION = "Hela regionen"
#: The region's kommuner (as in benches/common).
KOMMUNER = 8
#: Seeded small tables per shape for the exact minimum.
TABLES_PER_SHAPE = 40
SHAPES = [(3, 3), (4, 3)]


def _count(rng: random.Random, zero: int, small: int) -> int:
    """0 in ``zero`` of ten draws, 1–4 in ``small`` of ten, else 5–40."""
    u = rng.randrange(10)
    return 0 if u < zero else rng.randint(1, 4) if u < zero + small else rng.randint(5, 40)


def grid(rows: int, cols: int, seed: int, r: str = "r", c: str = "c", total: str = "T",
         zero: int = 3, small: int = 4) -> pl.DataFrame:
    """An r × c grid of counts with row, column and grand totals, long."""
    rng = random.Random(seed)
    cells = [[_count(rng, zero, small) for _ in range(cols)] for _ in range(rows)]
    out = []
    for i in range(rows + 1):
        for j in range(cols + 1):
            if i < rows and j < cols:
                x = cells[i][j]
            elif i < rows:
                x = sum(cells[i])
            elif j < cols:
                x = sum(row[j] for row in cells)
            else:
                x = sum(map(sum, cells))
            out.append((total if i == rows else f"{r}{i:03}", total if j == cols else f"{c}{j:02}", x))
    return pl.DataFrame(out, schema=[r, c, "numerator"], orient="row")


def report_tables(cross: bool) -> list[pl.DataFrame]:
    # Like suicides by kommun and sex: a fifth 0, half 1–4.
    g = grid(KOMMUNER, 2, 11, "kommun", "sex", REGION, zero=2, small=5)
    by_kommun = g.filter(pl.col("sex") == REGION).select("kommun", "numerator")
    by_sex = g.filter(pl.col("kommun") == REGION).select("sex", "numerator")
    region = by_kommun.filter(pl.col("kommun") == REGION).select("numerator")
    return [region, by_kommun, by_sex] + ([g] if cross else [])


@dataclass
class Speed:
    case: str
    cells: int
    seconds: float
    masked: str


@dataclass
class Minimum:
    shape: str
    tables: int = 0
    ours: list[int] = field(default_factory=list)
    exact: list[int] = field(default_factory=list)
    unprotectable: int = 0
    seconds: float = 0.0


@dataclass
class Result:
    speeds: list[Speed]
    minima: list[Minimum]


def _median_time(call: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        call()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _masked(tables: list[pl.DataFrame]) -> str:
    flags = pl.concat([t.select("suppressed") for t in tables])["suppressed"]
    return f"{(flags == 'primary').sum()} primary, {(flags == 'secondary').sum()} secondary"


def speeds(say: Callable[[str], None], repeats: int) -> list[Speed]:
    out = []
    report_totals = {"kommun": REGION, "sex": REGION}
    for name, tables in (("report: kommun, sex, region", report_tables(False)),
                         ("report: with kommun × sex", report_tables(True))):
        cells = sum(t.height for t in tables)
        seconds = _median_time(lambda tables=tables: ik.suppress(tables, totals=report_totals), repeats)
        out.append(Speed(name, cells, seconds, _masked(ik.suppress(tables, totals=report_totals))))
        say(f"  {name}: {seconds:.4f} s")
    big = grid(100, 20, 7)
    totals = {"r": "T", "c": "T"}
    seconds = _median_time(lambda: ik.suppress(big, totals=totals), max(1, repeats // 3))
    protected = ik.suppress(big, totals=totals)
    out.append(Speed("100 × 20 with margins", big.height, seconds, _masked([protected])))
    say(f"  100 × 20: {seconds:.3f} s")
    seconds = _median_time(lambda: ik.suppression_audit(protected, totals=totals), 1)
    out.append(Speed("audit of the 100 × 20", big.height, seconds, "—"))
    say(f"  audit of 100 × 20: {seconds:.3f} s")
    return out


def _flags(t: pl.DataFrame, secondary: set[int]) -> pl.DataFrame:
    x = t["numerator"].to_list()
    flags = ["primary" if 0 < v < THRESHOLD else "secondary" if i in secondary else "none" for i, v in enumerate(x)]
    return t.with_columns(suppressed=pl.Series(flags))


def _passes(t: pl.DataFrame) -> bool:
    return bool(ik.suppression_audit(t, THRESHOLD, totals={"r": "T", "c": "T"})["audit_passed"].all())


def exact_minimum(t: pl.DataFrame) -> int | None:
    """The fewest masked cells that pass the audit (None: no set does)."""
    x = t["numerator"].to_list()
    primary = sum(1 for v in x if 0 < v < THRESHOLD)
    others = [i for i, v in enumerate(x) if v >= THRESHOLD]
    if not _passes(_flags(t, set(others))):
        return None
    for k in range(len(others) + 1):
        for chosen in itertools.combinations(others, k):
            if _passes(_flags(t, set(chosen))):
                return primary + k
    return None


def minima(say: Callable[[str], None], per_shape: int) -> list[Minimum]:
    out = []
    for rows, cols in SHAPES:
        m = Minimum(f"{rows} × {cols}")
        t0 = time.perf_counter()
        for seed in range(per_shape):
            t = grid(rows, cols, 1000 * rows + seed)
            best = exact_minimum(t)
            m.tables += 1
            if best is None:
                m.unprotectable += 1
                continue
            ours = ik.suppress(t, THRESHOLD, totals={"r": "T", "c": "T"})
            m.ours.append(int((ours["suppressed"] != "none").sum()))
            m.exact.append(best)
        m.seconds = time.perf_counter() - t0
        say(f"  {m.shape}: {m.tables} tables, ours/exact {sum(m.ours)}/{sum(m.exact)}")
        out.append(m)
    return out


def run(say: Callable[[str], None], quick: bool = False) -> Result:
    say("suppression against a solver")
    return Result(speeds(say, 3 if quick else 9), minima(say, 10 if quick else TABLES_PER_SHAPE))


def _table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def section(result: Result, build_label: str) -> str:
    """The Markdown section (from its title to the end of its text)."""
    out = [
        TITLE,
        "",
        f"_Measured with {build_label}; median wall time of `ik.suppress` (threshold 5) in one process._",
        "",
        _table(["case", "cells", "time", "masked"],
               [[s.case, str(s.cells), f"{s.seconds * 1000:.1f} ms" if s.seconds < 1 else f"{s.seconds:.2f} s", s.masked]
                for s in result.speeds]),
        "",
        "Cells masked against the exact minimum (the fewest masked cells, primary included, for which the "
        "audit passes, by trying every set of further non-zero cells in order of size), on seeded tables "
        "with row, column and grand totals, a third of the cells 0 and two fifths 1–4:",
        "",
    ]
    rows = []
    for m in result.minima:
        ratios = [o / e for o, e in zip(m.ours, m.exact) if e]
        rows.append([
            m.shape,
            str(m.tables),
            str(m.unprotectable),
            f"{sum(m.ours)} / {sum(m.exact)} = {sum(m.ours) / max(1, sum(m.exact)):.3f}",
            f"{statistics.mean(ratios):.3f}" if ratios else "—",
            f"{max(ratios):.2f}" if ratios else "—",
            f"{sum(o == e for o, e in zip(m.ours, m.exact))} of {len(m.ours)}",
        ])
    out.append(_table(["shape", "tables", "no mask passes", "masked: ours / exact", "mean ratio",
                       "worst ratio", "exact minimum reached"], rows))
    out += [
        "",
        "\"No mask passes\": tables where even masking every non-zero cell leaves a finding (the flags "
        "alone say too much, e.g. a grand total below the threshold); left out of the ratios.",
    ]
    return "\n".join(out) + "\n"


def replace_section(markdown: str, text: str) -> str:
    """``markdown`` with this section replaced by ``text``."""
    return br.replace_section(markdown, TITLE, text)
