"""indikator side by side with its peers, measured in one run (issue 8).

1. indikator against PHStatsMethods (the pandas port of PHEindicatormethods)
   for rate, proportion and DSR (ESP2013, 19 age bands) over 10 … 100 000
   groups, in memory, with a check that both give the same values.
2. indikator against the polars query an analyst would write by hand for
   the same numbers — counts, rates and DSRs of deaths, visit counts,
   continuity of care (COC) and the vårdgaranti share — and the floor: a
   plain read of the columns each needs.
3. Scaling: the region's volumes at 1×, 10× and 100× (the national scale),
   from seeded Parquet files under ``target/bench-data/``; every case runs in
   a fresh process, so its peak memory is its own.
4. Suppression against a reader with a solver (issue 20): its speed at the
   report's size and on a 100 × 20 table, and the cells it masks against the
   exact minimum on small tables (``bench_suppression.py``).
5. The main job (issue 24): ``indikator demo-data`` and ``indikator report``
   with the shipped catalogue at 1×, 10× and 100× the region, time and peak
   memory of each command (``bench_main_job.py``).

It prints the tables (ratios are indikator / peer: below 1 indikator is
faster) and writes them to a Markdown file — ``BENCHMARKS.md`` under
``make bench``.

Run it from the repository root with a release build of indikator:

    make bench                                      # the criterion benches and then this script
    .venv-bench/bin/python benches/compare.py --out BENCHMARKS.md
    .venv-bench/bin/python benches/compare.py --quick            # groups ≤ 1 000, 1×, one run each
    .venv-bench/bin/python benches/compare.py --scales 1,10 --groups 100,10000
    .venv-bench/bin/python benches/compare.py --only suppression   # rewrite that section of BENCHMARKS.md
    .venv-bench/bin/python benches/compare.py --only main-job --scales 1,10,100
    .venv-bench/bin/python benches/compare.py --only gaps                # the developers' notes from GAPS

Without ``--out`` a full run writes BENCHMARKS.md and a ``--quick`` run
writes target/bench/BENCHMARKS-quick.md. It needs polars, numpy, pandas,
pyarrow, PHStatsMethods and indikator. Nothing here is a test: no
assertion is made on any time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Callable

import bench_cases as bc
import bench_data as bd
import bench_main_job as bm
import bench_report as br
import bench_suppression as bs
import polars as pl

import indikator as ik

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "target" / "bench-data"
QUICK_OUT = ROOT / "target" / "bench" / "BENCHMARKS-quick.md"
MAIN_JOB_DIR = ROOT / "target" / "bench-main"
SEED = 2024

GROUPS = [10, 100, 1_000, 10_000, 100_000]
SCALES = [1, 10, 100]
QUICK_GROUPS = [10, 100, 1_000]
QUICK_SCALES = [1]

#: From this scale the Parquet files are read with polars' streaming engine
#: (both the hand-written query and indikator's loading); below it, "auto".
STREAMING_FROM_SCALE = 100
#: A warm-up run longer than this is kept as a measurement (the warm-up's
#: gain is then negligible and a second run of minutes is not worth it).
WARMUP_KEEP_S = 5.0
#: Repeats stop when they would take longer than this in all.
BUDGET_S = 120.0
#: A case running longer than this is stopped.
CASE_TIMEOUT_S = 3 * 3600

#: What dominates each remaining gap, written by the developers from their
#: profiling (what was not profiled says so); rendered as it stands.
GAPS = {
    "DSR against PHStatsMethods and the hand-written polars query":
        "PHStatsMethods works through pandas group-bys and per-row scipy calls. indikator's DSR now "
        "runs the hand-written query's plan when every group has one row per band (the usual table): "
        "one left join with the standard (order kept) and one group-by, which also counts per group "
        "the rows, the distinct bands, the bands the standard lacks and the smallest population (the "
        "test that the shortcut holds), with the checks of `summarise` (minimum, null and non-finite "
        "counts of both inputs) in the same group-by; otherwise (several rows of a band, a band "
        "missing or unknown, a population of zero, pooled periods, non-independent events) it sums "
        "per band and then per group, the pass whose messages name the group and band. Profiled at "
        "100 000 groups (perf, release wheel, 8 calls): the group-by's aggregations, about fifteen "
        "where the hand-written query has five, are most of the samples (rayon's helpers about 40 %), "
        "the distinct band labels per group about 7 %, hashing the band and group texts for the join "
        "and the group-by about 3 %; the Dobson limits and the output rows under 2 %. Next step: the "
        "band test as a sum of one bit per band (rows = bands and the bits' sum = 2^bands - 1 means "
        "each band once) instead of the distinct labels, and the checks' minimums and counts of the "
        "two inputs folded into fewer aggregations.",
    "rate against PHStatsMethods and the hand-written polars query":
        "one group-by (with the checks' minimums and null counts), then exact Poisson limits per group "
        "below 10 events and Byar above; the hand-written query computes Byar's closed form in "
        "expressions for every row and is compared with indikator on the counts and the value only.",
    "proportion against PHStatsMethods":
        "as for rates: one group-by, then Wilson limits per group.",
    "counts (deaths, visits) against hand-written polars":
        "`ik.count` groups on the streaming engine, as the hand-written query does; what remains is "
        "that indikator's wrapper first collects the rows into a DataFrame for the Rust core (the "
        "\"load\" column), while the hand-written query reads and aggregates in one pass. Next step: "
        "aggregate inside the lazy query (sums, minimums and null counts per group) so that only the "
        "groups cross into the core.",
    "rate and DSR of deaths against hand-written polars":
        "the checks of the inputs (counts and populations non-negative, every band known and present) "
        "and the limits, which the hand-written query does not compute.",
    "COC against hand-written polars":
        "for a summary indikator runs the visit rules and an inner join with the listings on the "
        "streaming engine (its hash table built over the listings, one row per patient, where the "
        "engine's own choice was the visits), collects the visits kept (patient number, clinician) and "
        "buckets them by patient number, so that each patient's clinicians are counted among their own "
        "visits in Rust instead of grouping every patient and clinician; it also checks that nobody is "
        "listed twice (hashes of the ids), sorts the eligible patients (which makes the mean's sum the "
        "same on every run) and summarises (mean with t-limits, median, share ≥ 0.5 with Wilson "
        "limits), and it first loads the window's visits into memory (the \"load\" column, about 6 s "
        "at 100×). Profiled at 100× in release, the probes of that join (a text key per visit) are "
        "about a quarter of all samples, the kernel zeroing fresh pages (the loaded visits, the visits "
        "kept and their buckets) about a tenth, the bucketing and per-patient counting under 5 %, the "
        "profession test (a user function over every visit) about 2 %. Next step: the core reading a "
        "scan itself, so that nothing is loaded before the call.",
    "vårdgaranti share against hand-written polars":
        "every record is checked (dates present and in order, not after the extraction date, known "
        "kinds, flags present) in Rust passes over the columns, the waits measured are a mask over the "
        "records, the sums per group are one streaming query and the median days are found in each "
        "group's own waits (bucketed after a join with the small table of groups). Profiled at 100× "
        "in release, the Rust passes, on one core, are about a third of all samples (with the page "
        "faults of their vectors), and the period's records are loaded into memory before the call "
        "(about 3 s); the hand-written query makes no checks. Single cold runs at 100× vary by ±20 % "
        "on this machine (1.1× to 1.6× in this session's runs). Next step: the checks as expressions "
        "in the same streaming query (counted per rule, as continuity's rules are), with the Rust pass "
        "kept to name the first broken record.",
    "peak memory at 100×":
        "indikator holds the visits of the window in memory (read with the streaming engine, only the "
        "needed columns) and the hash tables of its groupings; the hand-written query streams from the "
        "files.",
    "the main job (`indikator report`) at 100×":
        "profiled with perf on the release binary, one indicator after another (the progress bar "
        "timed): continuity about 90 s of 210 (seven figures, each scanning its 18-month window of "
        "visits, about 17 million rows, from the Parquet file and joining them with the listings on the "
        "patient id text; string hashing and comparison are the top samples), readmission about 40 s "
        "(eleven million stays ranked and followed per figure), the three drug indicators about 15 s "
        "each (21 million dispensings checked per figure), the vårdgaranti indicators 2–8 s each. "
        "Before this issue the report held every table whole for the run (about 21 GB at 100×, "
        "extrapolated), sorted stays by comparing id texts row by row (over two minutes), re-read "
        "large files per figure, and glibc's allocator kept freed memory in its thread arenas (9,3 GB "
        "peak; mimalloc: under 5 GB). Next steps: the continuity of the report period and its "
        "breakdowns from one pass (the patients computed once with every breakdown column); the "
        "record passes of readmission and drugs over the figure's window only.",
    "one machine not enough (on paper)":
        "the catalogue's figures are sums over records grouped by region, kommun, unit, sex and age, "
        "and every statistic in it is computed from per-group sums (counts, weighted sums for DSRs, "
        "sums of squares for variances) except the medians of waiting times and the continuity "
        "indices, which need each patient's visits together. Partitioned by region (21 regions, each "
        "patient's records in their region: listing decides it), each region's run is this program "
        "unchanged on one machine, and riket's figures are the per-group sums of the regions' "
        "partial results added up, then the same limits and ratings: on an existing engine such as "
        "Spark or Dask that is a map over the 21 partitions (the `indikator` command or "
        "`ik.Catalog.run` per partition) and one reduce of the per-group sums; the medians need the "
        "regions' distributions (a histogram of days per group, which is exact for whole days). "
        "Patients listed in one region and treated in another stay correct as long as each visit is "
        "filed with the patient's listing region. No engine of our own is needed, and at 100× one "
        "machine is enough today.",
}

METHOD = {
    "times": "`time.perf_counter` around each call; the median of the runs. One warm-up run first "
             f"(kept as a run when it takes over {WARMUP_KEEP_S:.0f} s); runs stop when the next would "
             f"take the case past {BUDGET_S:.0f} s. `--quick`: one run, no warm-up.",
    "repeats": "5 runs up to 1 000 groups and at 1×, 3 at 10 000 groups and at 10×, 1 at 100 000 "
               "groups and at 100×.",
    "PHStatsMethods": "each side gets its own frame of the same data, made beforehand (pandas for "
                      "PHStatsMethods, polars for indikator); both at 95 % confidence with their "
                      "default metadata columns. Floor: one polars sum over `x` and `n`.",
    "hand-written polars": "from the Parquet files to the result: the hand-written query is one lazy "
                           "query over `scan_parquet`; indikator's time is loading (scan, the needed "
                           "columns, the measurement window, collect) plus the indikator call on the "
                           "loaded DataFrames. Floor: `scan_parquet(...).select(columns).collect()` of "
                           "just the columns the indicator reads.",
    "engine": f"polars' streaming engine from {STREAMING_FROM_SCALE}× on (`collect(engine=\"streaming\")`), "
              "the default engine below; the same for all three.",
    "memory": "each case of the scaling runs in a fresh Python process; its peak is that process's "
              "high-water mark of resident memory (`VmHWM`, which unlike `ru_maxrss` does not inherit "
              "the parent's peak); the idle interpreter (polars, numpy and indikator imported) is measured "
              "the same way and subtracted in the memory table.",
    "agreement": "the compared columns must agree to 1e-9 relative (missing only with missing); "
                 "a difference prints a warning and is listed under \"Agreement of the numbers\".",
}


# --------------------------------------------------------------------------
# Timing.
# --------------------------------------------------------------------------

Run = Callable[[], tuple[object, dict[str, float]]]


def _timed(run: Run) -> tuple[object, dict[str, float]]:
    gc.collect()
    start = time.perf_counter()
    result, phases = run()
    return result, {"total": time.perf_counter() - start, **phases}


def measure(run: Run, repeats: int, warmup: bool) -> tuple[object, br.Timing]:
    """The last result and the timed runs (see METHOD["times"])."""
    result, first = _timed(run)
    samples = [] if warmup and first["total"] <= WARMUP_KEEP_S else [first]
    wanted = min(repeats, max(1, int(BUDGET_S / max(first["total"], 1e-9))))
    while len(samples) < wanted:
        result, sample = _timed(run)
        samples.append(sample)
    return result, br.Timing(samples)


def plain(call: Callable[[], object]) -> Run:
    return lambda: (call(), {})


def peer_repeats(groups: int, quick: bool) -> int:
    return 1 if quick else 5 if groups <= 1_000 else 3 if groups <= 10_000 else 1


def scale_repeats(scale: int, quick: bool) -> int:
    return 1 if quick else 5 if scale <= 1 else 3 if scale <= 10 else 1


# --------------------------------------------------------------------------
# Part 1: indikator against PHStatsMethods, in memory.
# --------------------------------------------------------------------------

def run_peers(groups: list[int], quick: bool, say: Callable[[str], None]) -> list[br.PeerRow]:
    import PHStatsMethods  # noqa: F401  (fail early when missing)
    esp = bc.esp_for_phstatsmethods().to_pandas()
    standard = ik.standard_population("esp2013")
    rows = []
    for g in groups:
        data = bd.grouped(g, SEED)
        pdf = data.to_pandas()
        for case in bc.PEER_CASES:
            rows.append(peer_row(case, data, pdf, esp, standard, g, peer_repeats(g, quick), not quick))
            say(f"  {case.name:<10} {br.group_count(g):>7} groups: indikator {br.seconds(rows[-1].ours.median())}, "
                f"hand-written polars {br.seconds(rows[-1].hand.median())}, "
                f"PHStatsMethods {br.seconds(rows[-1].theirs.median())}")
    return rows


def peer_row(case: bc.PeerCase, data: pl.DataFrame, pdf, esp, standard: pl.DataFrame, groups: int,
             repeats: int, warmup: bool) -> br.PeerRow:
    ours_result, ours = _guarded(lambda: measure(plain(lambda: case.ours(data)), repeats, warmup))
    hand_result, hand = _guarded(lambda: measure(plain(lambda: case.hand(data, standard)), repeats, warmup))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas' deprecation notes about PHStatsMethods' code
        theirs_result, theirs = _guarded(lambda: measure(plain(lambda: case.theirs(pdf, esp)), repeats, warmup))
    _, floor = _guarded(lambda: measure(plain(lambda: bc.peer_floor(data)), repeats, warmup))
    problems = []
    if ours.ok and theirs.ok:
        problems = bc.disagreements(ours_result, pl.from_pandas(theirs_result), ("group",), case.pairs)
    if ours.ok and hand.ok:
        same = tuple((c, c) for c in case.hand_pairs)
        problems += [f"hand-written polars: {p}"
                     for p in bc.disagreements(ours_result, hand_result, ("group",), same)]
    return br.PeerRow(case.name, groups, data.height, ours, theirs, floor, problems, hand)


def _guarded(call: Callable[[], tuple[object, br.Timing]]) -> tuple[object, br.Timing]:
    try:
        return call()
    except Exception as e:  # a peer failing is a result, not the end of the run
        return None, br.Timing(error=f"{type(e).__name__}: {e}"[:200])


# --------------------------------------------------------------------------
# Part 2: the region's indicators, one fresh process per case and method.
# --------------------------------------------------------------------------

def engine_for(scale: int) -> str:
    return "streaming" if scale >= STREAMING_FROM_SCALE else "auto"


def run_scales(scales: list[int], quick: bool, mem_limit_kb: int, say) -> tuple[list[br.ScaleRow], dict]:
    rows, sizes = [], {}
    for scale in scales:
        region = bd.region(DATA_DIR, scale, SEED, log=say)
        sizes[scale] = region.manifest()["rows"]
        with tempfile.TemporaryDirectory(prefix="indikator-bench-") as work:
            job = {"root": str(region.root), "scale": scale, "seed": SEED, "engine": engine_for(scale),
                   "repeats": scale_repeats(scale, quick), "warmup": not quick}
            baseline = run_child({**job, "method": "baseline"}, Path(work), mem_limit_kb)
            for case in bc.POLARS_CASES:
                rows.append(scale_row(case, job, baseline.maxrss_kb or 0, Path(work), mem_limit_kb))
                r = rows[-1]
                say(f"  {case.name:<13} {scale:>3}×: floor {br.run_cell(r.floor)}, "
                    f"polars {br.run_cell(r.polars)}, indikator {br.run_cell(r.ours)}")
    return rows, sizes


def scale_row(case: bc.PolarsCase, job: dict, baseline_kb: int, work: Path, mem_limit_kb: int) -> br.ScaleRow:
    runs = {m: run_child({**job, "case": case.name, "method": m}, work, mem_limit_kb)
            for m in ("floor", "polars", "indikator")}
    problems = []
    if all(runs[m].status == "ok" for m in ("polars", "indikator")):
        ours = pl.read_parquet(work / f"{case.name}-indikator.parquet")
        theirs = pl.read_parquet(work / f"{case.name}-polars.parquet")
        problems = bc.disagreements(ours, theirs, case.keys, case.pairs)
    return br.ScaleRow(case.name, case.title, job["scale"], job["engine"], runs["floor"], runs["polars"],
                       runs["indikator"], baseline_kb, problems)


def run_child(job: dict, work: Path, mem_limit_kb: int) -> br.ScaleRun:
    """Run one job in a fresh interpreter, watching its memory; stop it past the limit."""
    name = f"{job.get('case', 'baseline')}-{job['method']}"
    report, log = work / f"{name}.json", work / f"{name}.log"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(job),
           "--report", str(report), "--result", str(work / f"{name}.parquet")]
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        status, peak_kb = _watch(proc, mem_limit_kb)
    if report.exists():
        data = json.loads(report.read_text())
        timing = br.Timing(data["samples"], data.get("error"))
        failed = data.get("error") or (job["method"] != "baseline" and not timing.samples)
        return br.ScaleRun(timing, data["maxrss_kb"], f"failed: {timing.error}" if failed else "ok",
                           data["extension"])
    if status == "ok":
        tail = log.read_text()[-300:].strip().replace("\n", " ⏎ ")
        status = f"failed (exit {proc.returncode}): {tail}"
    return br.ScaleRun(br.Timing(error=status), peak_kb or None, status)


def _watch(proc: subprocess.Popen, mem_limit_kb: int) -> tuple[str, int]:
    """Wait for the process; kill it past the memory limit or the timeout."""
    peak, start = 0, time.monotonic()
    while proc.poll() is None:
        rss = _rss_kb(proc.pid)
        peak = max(peak, rss)
        if rss > mem_limit_kb:
            proc.kill()
            proc.wait()
            return f"stopped at {rss * 1024 / 1e9:.1f} GB (--mem-limit-gb)", peak
        if time.monotonic() - start > CASE_TIMEOUT_S:
            proc.kill()
            proc.wait()
            return f"stopped after {CASE_TIMEOUT_S} s", peak
        time.sleep(0.2)
    if proc.returncode and proc.returncode < 0:
        return f"killed by signal {-proc.returncode} (out of memory?)", peak
    return "ok", peak


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


# --------------------------------------------------------------------------
# The child: one case and method, timed in this process.
# --------------------------------------------------------------------------

def child(job: dict, report: Path, result_path: Path) -> None:
    error, samples = None, []
    try:
        if job["method"] != "baseline":
            result, timing = measure(child_run(job), job["repeats"], job["warmup"])
            samples = timing.samples
            if isinstance(result, pl.DataFrame):
                result.write_parquet(result_path)
    except Exception as e:
        error = f"{type(e).__name__}: {e}"[:300]
    report.write_text(json.dumps({
        "samples": samples, "error": error, "extension": _extension(),
        "maxrss_kb": peak_rss_kb(),
    }))


def peak_rss_kb() -> int:
    """This process's peak resident memory: VmHWM of /proc/self/status. (ru_maxrss
    would do, but Linux carries the parent's peak at fork into it across exec.)"""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child_run(job: dict) -> Run:
    case = bc.polars_case(job["case"])
    region = bd.Region(Path(job["root"]), job["scale"], job["seed"])
    engine = job["engine"]

    def scans() -> dict[str, pl.LazyFrame]:
        return {t: pl.scan_parquet(region.files(t)) for t in case.columns}

    def floor():
        for t, cols in case.columns.items():
            scans()[t].select(cols).collect(engine=engine)
        return None, {}

    def polars():
        return case.theirs(scans()).collect(engine=engine), {}

    def indikator():
        start = time.perf_counter()
        frames = load_for_indikator(case, scans(), engine)
        loaded = time.perf_counter()
        out = case.ours(frames)
        return out, {"load": loaded - start, "compute": time.perf_counter() - loaded}

    return {"floor": floor, "polars": polars, "indikator": indikator}[job["method"]]


def load_for_indikator(case: bc.PolarsCase, scans: dict[str, pl.LazyFrame], engine: str) -> dict[str, pl.DataFrame]:
    """What indikator needs, in memory: the columns it reads, rows of the window."""
    frames = {}
    for table, cols in case.columns.items():
        lazy = scans[table].select(cols)
        if table in case.load_filter:
            lazy = lazy.filter(case.load_filter[table])
        frames[table] = lazy.collect(engine=engine)
    return frames


def _extension() -> str:
    """The compiled module in use: its path, size and time (every process must use the same)."""
    path = Path(ik._indikator.__file__)
    st = path.stat()
    return f"{path} ({st.st_size} bytes, modified {dt.datetime.fromtimestamp(st.st_mtime):%Y-%m-%d %H:%M:%S})"


# --------------------------------------------------------------------------
# The run.
# --------------------------------------------------------------------------

def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    ints = lambda s: [] if s.strip().lower() == "none" else [  # noqa: E731
        int(x.replace("_", "")) for x in s.split(",") if x.strip()]
    p.add_argument("--quick", action="store_true",
                   help="groups up to 1 000, 1× only, one run each; writes target/bench/BENCHMARKS-quick.md")
    p.add_argument("--groups", type=ints, help="numbers of groups against PHStatsMethods, e.g. 10,1000 (none: skip)")
    p.add_argument("--scales", type=ints, help="scales of the region, e.g. 1,10,100 (none: skip)")
    p.add_argument("--out", type=Path, help="the Markdown file to write (default BENCHMARKS.md)")
    p.add_argument("--build-label", default="build not stated",
                   help="how the extension was built, for the report (make bench: release)")
    p.add_argument("--mem-limit-gb", type=float, default=None,
                   help="stop a case whose memory passes this (default 92 %% of the machine's RAM)")
    p.add_argument("--only", choices=["suppression", "main-job", "gaps"],
                   help="run one section and rewrite it in place in the --out file (default BENCHMARKS.md)")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--report", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def _ram_kb() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1])
    return 64 * 1024**2


def main(argv: list[str]) -> int:
    args = parse(argv)
    if args.child:
        child(json.loads(args.child), args.report, args.result)
        return 0
    started = dt.datetime.now()
    groups = args.groups if args.groups is not None else QUICK_GROUPS if args.quick else GROUPS
    scales = args.scales if args.scales is not None else QUICK_SCALES if args.quick else SCALES
    out = args.out or (QUICK_OUT if args.quick else ROOT / "BENCHMARKS.md")
    mem_limit_kb = int(args.mem_limit_gb * 1e9 / 1024) if args.mem_limit_gb else int(_ram_kb() * 0.92)
    say = lambda s: print(s, flush=True)  # noqa: E731
    extension = _extension()
    say(f"indikator {ik.__version__}: {extension}")
    label = f"{args.build_label}, indikator extension {extension}"
    command = [str(Path(sys.executable).parent / "indikator")]
    if args.only:
        out = args.out or ROOT / "BENCHMARKS.md"
        if args.only == "suppression":
            title, text = bs.TITLE, bs.section(bs.run(say, args.quick), label)
        elif args.only == "gaps":
            title, text = br.GAPS_TITLE, br.gaps_section(GAPS)
        else:
            runs = bm.run(say, scales, command, MAIN_JOB_DIR)
            title, text = bm.TITLE, bm.section(runs, label, command)
        before = out.read_text(encoding="utf-8") if out.exists() else ""
        out.write_text(br.replace_section(before, title, text), encoding="utf-8")
        say(text)
        say(f"section rewritten in: {out}")
        return 0

    say(f"indikator against PHStatsMethods: {groups} groups")
    peers = run_peers(groups, args.quick, say)
    say(f"indikator against hand-written polars: scales {scales}")
    scale_rows, sizes = run_scales(scales, args.quick, mem_limit_kb, say)

    suppression = bs.section(bs.run(say, args.quick), label)
    say(f"the main job: scales {scales}")
    main_job = bm.section(bm.run(say, scales, command, MAIN_JOB_DIR), label, command)
    warn = warnings_of(peers, scale_rows, extension)
    for w in warn:
        say(f"WARNING: {w}")
    text = br.render(
        started=started, argv=["benches/compare.py", *argv], machine_info=br.machine(),
        version_info={**br.versions(args.build_label), "indikator extension": extension}, groups=groups, scales=sizes, peers=peers,
        scale_rows=scale_rows, peer_calls={c.name: c.call for c in bc.PEER_CASES},
        case_notes={c.name: (c.title, c.ours_also) for c in bc.POLARS_CASES}, method=METHOD,
        warnings=warn, gaps=GAPS, suppression=suppression + "\n" + main_job)
    for table in ([br.peer_table(peers)] if peers else []) + \
            ([br.scale_table(scale_rows), br.memory_table(scale_rows)] if scale_rows else []):
        say("")
        say(table)
    say("")
    say(br.md_table(["target", "measured", "met"], [list(t) for t in br.targets(peers, scale_rows)]))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    say(f"\nwritten: {out}")
    return 0


def warnings_of(peers: list[br.PeerRow], rows: list[br.ScaleRow], extension: str) -> list[str]:
    """Disagreements, failures and processes that ran another build than
    ``extension`` (the one this run started with), one line each."""
    out = [f"{r.statistic} at {r.groups} groups: indikator and its peers differ: {p}"
           for r in peers for p in r.problems]
    out += [f"{r.statistic} at {r.groups} groups: {side} failed: {t.error}"
            for r in peers for side, t in (("indikator", r.ours), ("PHStatsMethods", r.theirs),
                                           ("hand-written polars", r.hand)) if t.error]
    out += [f"{r.case} at {r.scale}×: indikator and the hand-written query differ: {p}"
            for r in rows for p in r.problems]
    runs = [(r, m, run) for r in rows for m, run in (("floor", r.floor), ("polars", r.polars), ("indikator", r.ours))]
    out += [f"{r.case} at {r.scale}×: {m}: {run.status}" for r, m, run in runs if run.status != "ok"]
    out += [f"{r.case} at {r.scale}×: {m} ran another build of indikator: {run.extension} (this run: {extension})"
            for r, m, run in runs if run.extension not in (None, extension)]
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
