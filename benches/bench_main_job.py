"""The main job at national scale (issue 24): ``indikator demo-data`` and
``indikator report`` with the shipped catalogue over the region's synthetic
data at 1×, 10× and 100× its volumes (100× is about Sweden's 13 million
people: 95 million visits, 78 million referrals).

Each command runs as its own process, started by a small launcher (a
fresh interpreter that forks, execs the command and reaps it with
``os.wait4``): its peak resident memory (``ru_maxrss``) and wall time are
that one process's. (Forked straight from this script, the command's
high-water mark would start at this script's resident size, which the
100× cases of ``compare.py`` make large.) The data are written
once per scale under ``target/bench-main/`` (kept between runs: the
README names the seed and scale). The report is the delårsbokslut
(``--period 2024-delar``), written to a temporary directory.

``compare.py`` calls :func:`run` and :func:`section`; ``compare.py --only
main-job`` runs just this and rewrites its section of BENCHMARKS.md in
place. Nothing here is a test: no assertion is made on any time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

TITLE = "## The main job at national scale (issue 24)"
SCALES = [1, 10, 100]
SEED = 2024
PERIOD = "2024-delar"
#: The issue's targets at 100×: the report within 8 GB and 3 minutes on
#: 2 cores, the demo data within 8 GB (read strictly: 8·10⁹ bytes).
MEMORY_TARGET_BYTES = 8 * 10**9
REPORT_SECONDS_TARGET = 180.0
TARGET_SCALE = 100


@dataclass
class Run:
    """One command: its wall time, peak resident memory and outcome."""

    command: str
    scale: int
    seconds: float
    peak_bytes: int
    status: str  # "ok", or the exit code and the last line of its error output


#: Forks, execs argv[2:] and writes "seconds maxrss_kb exit_code" to the file argv[1].
LAUNCHER = """
import os, sys, time
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{time.perf_counter() - started} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def timed(argv: list[str]) -> tuple[float, int, str]:
    """Run ``argv``; its wall time, its own peak resident memory (bytes) and status."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as result:
        subprocess.run([sys.executable, "-I", "-S", "-c", LAUNCHER, result.name, *argv],
                       stdout=subprocess.DEVNULL, stderr=err, check=False)
        seconds, maxrss_kb, code = result.read().split()
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    code = int(code)
    outcome = "ok" if code == 0 else f"exit {code}: {tail[0][:160]}"
    if code == 2:  # written, some indicators failed
        outcome = f"ok (some indicators failed: {tail[0][:120]})"
    return float(seconds), int(maxrss_kb) * 1024, outcome


def data_dir(root: Path, scale: int) -> Path:
    return root / f"scale-{scale}"


def run(say: Callable[[str], None], scales: list[int], command: list[str], root: Path) -> list[Run]:
    """``command`` is how to start ``indikator`` (the bench venv's console script)."""
    runs = []
    for scale in scales:
        data = data_dir(root, scale)
        if data.exists():
            shutil.rmtree(data)
        seconds, peak, status = timed([*command, "demo-data", "--seed", str(SEED), "--scale", str(scale),
                                       "--out", str(data)])
        runs.append(Run("demo-data", scale, seconds, peak, status))
        say(f"  demo-data {scale:>4}×: {seconds:.1f} s, peak {peak / 1e9:.2f} GB, {status}")
        if not status.startswith("ok"):
            continue
        with tempfile.TemporaryDirectory() as out:
            seconds, peak, status = timed([*command, "report", "--data", str(data), "--period", PERIOD,
                                           "--out", out])
        runs.append(Run("report", scale, seconds, peak, status))
        say(f"  report    {scale:>4}×: {seconds:.1f} s, peak {peak / 1e9:.2f} GB, {status}")
    return runs


def _table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def _find(runs: list[Run], command: str, scale: int) -> Optional[Run]:
    return next((r for r in runs if r.command == command and r.scale == scale), None)


def targets(runs: list[Run]) -> list[list[str]]:
    out = []
    report = _find(runs, "report", TARGET_SCALE)
    label = f"`indikator report` at {TARGET_SCALE}×: within 8 GB peak and 3 minutes on 2 cores"
    if report is None:
        out.append([label, "not run", "not measured"])
    else:
        met = report.status.startswith("ok") and report.peak_bytes <= MEMORY_TARGET_BYTES \
            and report.seconds <= REPORT_SECONDS_TARGET
        out.append([label, f"{report.seconds:.0f} s, {report.peak_bytes / 1e9:.2f} GB ({report.status})",
                    "yes" if met else "no"])
    demo = _find(runs, "demo-data", TARGET_SCALE)
    label = f"`indikator demo-data --scale {TARGET_SCALE}`: within 8 GB peak"
    if demo is None:
        out.append([label, "not run", "not measured"])
    else:
        met = demo.status.startswith("ok") and demo.peak_bytes <= MEMORY_TARGET_BYTES
        out.append([label, f"{demo.peak_bytes / 1e9:.2f} GB in {demo.seconds:.0f} s ({demo.status})",
                    "yes" if met else "no"])
    return out


def section(runs: list[Run], build_label: str, command: list[str]) -> str:
    """The Markdown section (from its title to the end of its text)."""
    rows = [[r.command, f"{r.scale}×", f"{r.seconds:.1f} s", f"{r.peak_bytes / 1e9:.2f}", r.status] for r in runs]
    return "\n".join([
        TITLE,
        "",
        f"_Measured with {build_label}, through `{' '.join(command)}`; one run each, each command in its own "
        "process: wall time and that process's peak resident memory (`ru_maxrss` from `wait4`). The report "
        f"is the delårsbokslut (`--period {PERIOD}`) with the shipped catalogue over the data `demo-data` "
        f"wrote (seed {SEED})._",
        "",
        _table(["command", "scale", "wall time", "peak memory (GB)", "outcome"], rows),
        "",
        _table(["target", "measured", "met"], targets(runs)),
        "",
    ])
