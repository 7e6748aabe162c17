"""The machine, the versions, the tables and BENCHMARKS.md of benches/compare.py."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
import statistics
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

#: Issue 24's targets: at least 100× faster than PHStatsMethods for DSR,
#: rate and proportion at 10 000 groups and beyond; every statistic within
#: 1.2× of the hand-written polars query (those groups, and every case of
#: the region at every scale). The main job's targets: bench_main_job.py.
PEER_SPEEDUP_TARGET = 100.0
PEER_TARGET_FROM_GROUPS = 10_000
PEER_TARGET_STATISTICS = ("dsr", "rate", "proportion")
POLARS_RATIO_TARGET = 1.2


# --------------------------------------------------------------------------
# What was measured.
# --------------------------------------------------------------------------

@dataclass
class Timing:
    """Samples of one measured call: each a dict of phase → seconds with ``total``."""

    samples: list[dict[str, float]] = field(default_factory=list)
    error: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.samples)

    def median(self, phase: str = "total") -> Optional[float]:
        values = [s[phase] for s in self.samples if phase in s]
        return statistics.median(values) if values else None


@dataclass
class PeerRow:
    """One statistic at one number of groups: indikator, PHStatsMethods, the floor."""

    statistic: str
    groups: int
    rows: int
    ours: Timing
    theirs: Timing
    floor: Timing
    problems: list[str]
    hand: Timing = field(default_factory=Timing)  # the hand-written polars query


@dataclass
class ScaleRun:
    """One case, scale and method, run in its own process."""

    timing: Timing
    maxrss_kb: Optional[int]  # the process's peak resident set
    status: str = "ok"  # or why it stopped
    extension: Optional[str] = None  # the compiled module the process used


@dataclass
class ScaleRow:
    """One case at one scale: the floor, the hand-written polars query, indikator."""

    case: str
    title: str
    scale: int
    engine: str
    floor: ScaleRun
    polars: ScaleRun
    ours: ScaleRun
    baseline_kb: int
    problems: list[str]


# --------------------------------------------------------------------------
# The machine and the versions.
# --------------------------------------------------------------------------

def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    except OSError:
        pass
    import polars as pl
    return {"CPU": cpu, "cores (logical)": str(os.cpu_count()), "RAM": ram,
            "polars threads": str(pl.thread_pool_size()), "OS": platform.platform()}


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _rustc() -> str:
    try:
        out = subprocess.run(["rustc", "--version"], capture_output=True, text=True, timeout=30)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "not found"


def versions(build_label: str) -> dict[str, str]:
    import polars as pl

    import indikator
    return {"python": platform.python_version(), "polars": pl.__version__,
            "indikator": f"{indikator.__version__} ({build_label})",
            "PHStatsMethods": _version("PHStatsMethods"), "pandas": _version("pandas"),
            "numpy": _version("numpy"), "pyarrow": _version("pyarrow"), "rustc": _rustc()}


# --------------------------------------------------------------------------
# Formatting.
# --------------------------------------------------------------------------

def seconds(s: Optional[float]) -> str:
    if s is None:
        return "–"
    if s < 1e-3:
        return f"{s * 1e6:.0f} µs"
    if s < 1:
        return f"{s * 1e3:.1f} ms"
    return f"{s:.2f} s"


def ratio(ours: Optional[float], theirs: Optional[float]) -> Optional[float]:
    if ours is None or theirs is None or theirs <= 0:
        return None
    return ours / theirs


def speed(r: Optional[float]) -> str:
    """A ratio ours/theirs in words: "12.3× faster" (below 1) or "1.4× slower"."""
    if r is None:
        return "–"
    if r <= 0:
        return "–"
    return f"{1 / r:.1f}× faster" if r < 1 else f"{r:.1f}× slower"


def times(r: Optional[float]) -> str:
    return "–" if r is None else f"{r:.3g}"


def mib(kb: Optional[int], baseline_kb: int = 0) -> str:
    if kb is None:
        return "–"
    return f"{max(kb - baseline_kb, 0) / 1024:,.0f}"


def group_count(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def md_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _cell(t: Timing) -> str:
    return seconds(t.median()) if t.ok else f"failed: {t.error}"


def peer_table(rows: list[PeerRow]) -> str:
    headers = ["statistic", "groups", "rows", "indikator", "hand-written polars", "PHStatsMethods",
               "floor (sum of x, n)", "indikator / polars", "indikator / PHStatsMethods", "speed (PHStatsMethods)",
               "runs (ours, polars, theirs)", "same values"]
    body = []
    for r in rows:
        q = ratio(r.ours.median(), r.theirs.median()) if r.ours.ok and r.theirs.ok else None
        h = ratio(r.ours.median(), r.hand.median()) if r.ours.ok and r.hand.ok else None
        body.append([r.statistic, group_count(r.groups), group_count(r.rows), _cell(r.ours), _cell(r.hand),
                     _cell(r.theirs), _cell(r.floor), times(h), times(q), speed(q),
                     f"{len(r.ours.samples)}, {len(r.hand.samples)}, {len(r.theirs.samples)}",
                     "yes" if not r.problems else "**NO**"])
    return md_table(headers, body)


def run_cell(run: ScaleRun) -> str:
    return seconds(run.timing.median()) if run.status == "ok" and run.timing.ok else run.status


def scale_table(rows: list[ScaleRow]) -> str:
    headers = ["indicator", "scale", "engine", "floor (read columns)", "hand-written polars",
               "indikator (load + compute)", "indikator / polars", "speed", "indikator / floor",
               "same values"]
    body = []
    for r in rows:
        ok = all(x.status == "ok" and x.timing.ok for x in (r.ours, r.polars))
        q = ratio(r.ours.timing.median(), r.polars.timing.median()) if ok else None
        f = ratio(r.ours.timing.median(), r.floor.timing.median()) if r.floor.status == "ok" else None
        ours = run_cell(r.ours)
        if r.ours.status == "ok" and r.ours.timing.ok:
            ours += f" ({seconds(r.ours.timing.median('load'))} + {seconds(r.ours.timing.median('compute'))})"
        body.append([r.case, f"{r.scale}×", r.engine, run_cell(r.floor), run_cell(r.polars), ours,
                     times(q), speed(q), times(f if ok else None),
                     "–" if not ok else "yes" if not r.problems else "**NO**"])
    return md_table(headers, body)


def memory_table(rows: list[ScaleRow]) -> str:
    headers = ["indicator", "scale", "idle interpreter (MiB)", "floor: peak above idle (MiB)",
               "polars: peak above idle (MiB)", "indikator: peak above idle (MiB)",
               "indikator: peak (GB)", "runs (floor, polars, indikator)"]
    body = []
    for r in rows:
        peak = "–" if r.ours.maxrss_kb is None else f"{r.ours.maxrss_kb * 1024 / 1e9:.2f}"
        if r.ours.status != "ok":
            peak += f" ({r.ours.status})"
        body.append([r.case, f"{r.scale}×", mib(r.baseline_kb), mib(r.floor.maxrss_kb, r.baseline_kb),
                     mib(r.polars.maxrss_kb, r.baseline_kb), mib(r.ours.maxrss_kb, r.baseline_kb), peak,
                     ", ".join(str(len(x.timing.samples)) for x in (r.floor, r.polars, r.ours))])
    return md_table(headers, body)


# --------------------------------------------------------------------------
# The targets of issue 8.
# --------------------------------------------------------------------------

def targets(peers: list[PeerRow], scales: list[ScaleRow]) -> list[tuple[str, str, str]]:
    """(target, what was measured, met?) — met is "yes", "no" or "not measured"."""
    out = []
    big = [r for r in peers if r.statistic in PEER_TARGET_STATISTICS and r.groups >= PEER_TARGET_FROM_GROUPS]
    for stat in PEER_TARGET_STATISTICS:
        rows = [r for r in big if r.statistic == stat]
        name = stat.upper() if stat == "dsr" else stat
        for against, side, goal in (("PHStatsMethods", "theirs", PEER_SPEEDUP_TARGET),
                                    ("the hand-written polars query", "hand", POLARS_RATIO_TARGET)):
            label = (f"{name}: ≥ {goal:.0f}× faster than {against}" if side == "theirs"
                     else f"{name}: within {goal}× of {against}")
            label += f" at {group_count(PEER_TARGET_FROM_GROUPS)} groups and beyond"
            if not rows:
                out.append((label, "no size of 10 000 groups or more was run", "not measured"))
                continue
            parts, met = [], True
            for r in rows:
                peer = getattr(r, side)
                q = ratio(r.ours.median(), peer.median()) if r.ours.ok and peer.ok else None
                parts.append(f"{group_count(r.groups)} groups: {speed(q) if side == 'theirs' else times(q)}")
                ok = q is not None and (1 / q >= goal if side == "theirs" else q <= goal)
                met = met and ok and not r.problems
            out.append((label, "; ".join(parts), "yes" if met else "no"))
    label = f"every case of the region within {POLARS_RATIO_TARGET}× of the hand-written polars query, at every scale"
    if not scales:
        out.append((label, "no scale was run", "not measured"))
    else:
        worse = []
        for r in scales:
            ok = r.ours.status == "ok" and r.polars.status == "ok" and r.ours.timing.ok and r.polars.timing.ok
            q = ratio(r.ours.timing.median(), r.polars.timing.median()) if ok else None
            if q is None or q > POLARS_RATIO_TARGET or r.problems:
                worse.append(f"{r.case} at {r.scale}×: {times(q) if q is not None else r.ours.status}")
        out.append((label, "all within" if not worse else "over: " + "; ".join(worse), "no" if worse else "yes"))
    return out


# --------------------------------------------------------------------------
# BENCHMARKS.md
# --------------------------------------------------------------------------

def render(*, started: dt.datetime, argv: list[str], machine_info: dict, version_info: dict,
           groups: list[int], scales: dict[int, dict], peers: list[PeerRow], scale_rows: list[ScaleRow],
           peer_calls: dict[str, str], case_notes: dict[str, tuple[str, str]], method: dict[str, str],
           warnings: list[str], gaps: dict[str, str], suppression: str = "") -> str:
    """The whole BENCHMARKS.md."""
    out = [
        "# Benchmarks",
        "",
        "> Generated by `make bench` (`benches/compare.py --out BENCHMARKS.md`); never edited by hand. "
        "Rerun `make bench` to refresh it.",
        "",
        f"Run on {started:%Y-%m-%d %H:%M} (local time) with `{' '.join(argv)}`.",
        "",
        "## Machine",
        "",
        md_table(["", ""], [[k, v] for k, v in machine_info.items()]),
        "",
        "## Versions",
        "",
        md_table(["", ""], [[k, v] for k, v in version_info.items()]),
        "",
        "## How it is measured",
        "",
        *[f"- **{k}**: {v}" for k, v in method.items()],
        "",
        "## Sizes",
        "",
        f"- indikator against PHStatsMethods: {', '.join(group_count(g) for g in groups) or 'none'} groups, "
        "each with the 19 age bands of ESP2013 (rows = groups × 19).",
    ]
    for scale, rows in scales.items():
        out.append(f"- the region at {scale}×: " + ", ".join(f"{t} {group_count(n)}" for t, n in rows.items())
                   + " rows.")
    out += ["", "## indikator against PHStatsMethods", ""]
    out += [f"- `{name}`: `{call}`" for name, call in peer_calls.items()]
    out += ["", peer_table(peers) if peers else "_Not run._", ""]
    out += ["## indikator against a hand-written polars query, and the floor", ""]
    for name, (title, also) in case_notes.items():
        out.append(f"- `{name}`: {title}. indikator also gives: {also}.")
    out += ["", scale_table(scale_rows) if scale_rows else "_Not run._", ""]
    out += ["## Scaling: peak memory", "",
            "Peak resident memory (`VmHWM`) of the process that ran the case, above an idle "
            "interpreter with polars, numpy and indikator imported.", "",
            memory_table(scale_rows) if scale_rows else "_Not run._", ""]
    out += ["## Agreement of the numbers", ""]
    problems = [(f"{r.statistic}, {group_count(r.groups)} groups", p) for r in peers for p in r.problems] + \
               [(f"{r.case}, {r.scale}×", p) for r in scale_rows for p in r.problems]
    if problems:
        out += [f"- **{where}**: {p}" for where, p in problems]
    else:
        out.append("Every compared column agreed to 1e-9 (relative) in every run.")
    if warnings:
        out += ["", "Warnings of this run:", ""] + [f"- {w}" for w in warnings]
    out += ["", "## Targets of issue 24 (statistics)", ""]
    out.append(md_table(["target", "measured", "met"], [list(t) for t in targets(peers, scale_rows)]))
    if suppression:
        out += ["", suppression.rstrip("\n")]
    out += ["", gaps_section(gaps)]
    return "\n".join(out)


GAPS_TITLE = "## What dominates each remaining gap"


def gaps_section(gaps: dict[str, str]) -> str:
    """The developers' notes on each gap (``compare.py --only gaps`` rewrites just this)."""
    out = [GAPS_TITLE, "", "_Written by the developers after profiling; kept in `GAPS` in benches/compare.py._", ""]
    out += [f"- **{k}**: {v}" for k, v in gaps.items()]
    return "\n".join(out) + "\n"


def replace_section(markdown: str, title: str, text: str) -> str:
    """``markdown`` with the section titled ``title`` replaced by ``text``
    (or added before the developers' notes on gaps, or at the end)."""
    lines = markdown.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() == title), None)
    if start is None:
        anchor = next((i for i, line in enumerate(lines) if line.startswith("## What dominates")), len(lines))
        return "".join(lines[:anchor]) + text + "\n" + "".join(lines[anchor:])
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "".join(lines[:start]) + text + ("\n" if end < len(lines) else "") + "".join(lines[end:])
