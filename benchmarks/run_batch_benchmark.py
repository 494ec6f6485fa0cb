"""Time `cleaner batch` (1 and 2 Dask workers) against `cleaner check --jobs 2` on a generated archive.

Usage: python benchmarks/run_batch_benchmark.py [--articles 10000] [--runs 1] [--nice -10] [--json FILE]

The archive is made by archive_corpus.py from every seeds/*.txt. Each tool runs as a child
process of this script, in a rotating order, and the report gives medians and ratios, with the
load average before and after every run, because the machine is shared. Afterwards the
findings of the two-worker batch are compared with `check --format json`, article by article.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archive_corpus import generate, write_files  # noqa: E402

BAR_SCALING = 1.6  # batch with 2 workers / 1 worker, articles per second, at least
MB = 1024 * 1024


@dataclass
class Series:
    """The runs of one tool."""

    label: str
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)  # MB: the largest process
    rates: list[float] = field(default_factory=list)  # articles/s while checking (batch: from stats.json)
    worker_mb: list[float] = field(default_factory=list)  # batch: peak memory of each worker
    loads: list[tuple[float, float]] = field(default_factory=list)  # 1-minute load average before, after


def cleaner_command() -> list[str]:
    """The cleaner CLI of the running Python."""
    return [sys.executable, "-m", "cleaner.cli"]


def _sample_tree(pid: int, peaks: dict[int, float], stop: threading.Event) -> None:
    """Record the largest resident size of every process in the tree under `pid`, in MB."""
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.is_set():
        try:
            for process in [root, *root.children(recursive=True)]:
                peaks[process.pid] = max(peaks.get(process.pid, 0.0), process.memory_info().rss / MB)
        except psutil.Error:
            pass
        stop.wait(0.2)


def prioritise(niceness: int) -> None:
    """In a tool's own new session: change its niceness, and its autogroup's where Linux has them.

    With autogroups (sched_autogroup_enabled) the scheduler shares the CPUs between sessions
    first, so a process's own niceness only counts inside its session; the autogroup's niceness
    counts against the other sessions. Both are inherited by the tool's worker processes.
    """
    os.nice(niceness)
    try:
        Path("/proc/self/autogroup").write_text(str(niceness))
    except OSError:
        pass  # no autogroups here: the process niceness is what counts


def timed(argv: list[str], stdout_path: Path, niceness: int = 0) -> tuple[float, float, float]:
    """Run a child; return wall seconds, CPU seconds (with the children it reaped) and the peak RSS
    in MB of the largest process in its tree (sampled every 0.2 s: its workers included)."""
    started = time.perf_counter()
    peaks: dict[int, float] = {}
    stop = threading.Event()
    with stdout_path.open("wb") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, start_new_session=True,
                                   preexec_fn=(lambda: prioritise(niceness)) if niceness else None)
        sampler = threading.Thread(target=_sample_tree, args=(process.pid, peaks, stop), daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        stop.set()
        sampler.join()
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{argv[3]} failed with exit {code}: {process.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, max([usage.ru_maxrss / 1024, *peaks.values()])


def run_tool(series: Series, argv: list[str], work: Path, articles: int, stats: Path | None, niceness: int) -> None:
    """Run one tool once and record its figures."""
    before = os.getloadavg()[0]
    wall, cpu, peak = timed(argv, work / f"{series.label.replace(' ', '_')}.out", niceness)
    series.loads.append((before, os.getloadavg()[0]))
    series.walls.append(wall)
    series.cpus.append(cpu)
    series.peaks.append(peak)
    if stats is None:
        series.rates.append(articles / wall)
        return
    figures = json.loads(stats.read_text())
    series.rates.append(figures["articles_per_second"])
    series.worker_mb.extend(value / MB for value in figures["peak_memory"].values())


def compare(check_out: Path, batch_dir: Path) -> tuple[int, int]:
    """Return (articles compared, articles whose findings or readability differ)."""
    from cleaner.batch.store import read_tables
    from cleaner.batch.tables import READABILITY_COLUMNS, finding_dicts

    expected = {entry["path"]: entry for entry in json.loads(check_out.read_text())["files"]}
    findings, articles = read_tables(batch_dir)
    got, rows = finding_dicts(findings), {row["id"]: row for row in articles.to_pylist()}
    differ = 0
    for path, entry in expected.items():
        row = rows.get(path)
        scores = {name: row[name] for name, _ in READABILITY_COLUMNS} if row else None
        if row is None or got.get(path, []) != entry["findings"] or scores != entry["readability"]:
            differ += 1
    return len(expected), differ + abs(len(rows) - len(expected))


def same_tables(first: Path, second: Path) -> bool:
    """True when two batch folders hold equal findings and articles tables."""
    from cleaner.batch.store import read_tables

    return all(a.equals(b) for a, b in zip(read_tables(first), read_tables(second)))


def report(series: list[Series], articles: int, compared: tuple[int, int], same: bool) -> tuple[str, bool]:
    """Format the table, the ratios and the bar; return the text and whether the bar was met."""
    lines = [f"{'tool':<22} {'runs':>4} {'wall s':>8} {'cpu s':>8} {'art/s wall':>10} {'art/s check':>11} "
             f"{'max MB':>8} {'worker MB':>10}  load before-after"]
    for s in series:
        worker = f"{max(s.worker_mb):.0f}" if s.worker_mb else "-"
        loads = ", ".join(f"{a:.1f}-{b:.1f}" for a, b in s.loads)
        lines.append(
            f"{s.label:<22} {len(s.walls):>4} {statistics.median(s.walls):>8.2f} {statistics.median(s.cpus):>8.2f} "
            f"{articles / statistics.median(s.walls):>10.1f} {statistics.median(s.rates):>11.1f} "
            f"{max(s.peaks):>8.0f} {worker:>10}  {loads}"
        )
    check, one, two = series
    scaling = statistics.median(two.rates) / statistics.median(one.rates)
    scaling_wall = statistics.median(one.walls) / statistics.median(two.walls)
    lines += [
        "",
        f"batch 2 workers / 1 worker (articles/s while checking): {scaling:.2f}x  [end to end, wall: {scaling_wall:.2f}x]",
        f"batch 2 workers / check --jobs 2 (wall): {statistics.median(check.walls) / statistics.median(two.walls):.2f}x",
        f"findings equal to check --format json: {compared[0] - compared[1]}/{compared[0]} articles",
        f"tables of the 1-worker and 2-worker batches equal: {'yes' if same else 'NO'}",
        f"bar: batch 2 workers / 1 worker >= {BAR_SCALING}x: {scaling:.2f} {'met' if scaling >= BAR_SCALING else 'MISSED'}",
    ]
    return "\n".join(lines), scaling >= BAR_SCALING and compared[1] == 0 and same


def main(argv: list[str]) -> int:
    """Build the archive, run the three tools, compare, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--partition-size", type=int, default=200)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--nice", type=int, default=0,
                        help="niceness increment for the tools (negative, as root, to shield them from other load)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="cleaner-batch-bench-"))
    archive = work / "archive"
    if not archive.is_dir():
        write_files(generate(args.articles), archive)
    print(f"{args.articles} articles in {archive}; {os.cpu_count()} CPUs; load average {os.getloadavg()}; "
          f"tools at niceness {os.getpriority(os.PRIO_PROCESS, 0) + args.nice}", flush=True)
    cli = cleaner_command()
    tools = [
        (Series("check --jobs 2"), [*cli, "check", "--jobs", "2", "--format", "json", "--fail-on", "never", str(archive)], None),
        *(
            (Series(f"batch {n} worker(s)"), [*cli, "batch", str(archive), "-o", str(work / f"batch{n}"), "--workers", str(n),
                                             "--partition-size", str(args.partition_size), "--restart", "--no-progress"],
             work / f"batch{n}" / "stats.json")
            for n in (1, 2)
        ),
    ]
    for run in range(args.runs):
        for series, command, stats in tools[run % 3:] + tools[: run % 3]:  # rotate who goes first
            run_tool(series, command, work, args.articles, stats, args.nice)
            print(f"  run {run + 1}: {series.label}: {series.walls[-1]:.1f} s", flush=True)
    compared = compare(work / "check_--jobs_2.out", work / "batch2")
    same = same_tables(work / "batch1", work / "batch2")
    text, met = report([s for s, _, _ in tools], args.articles, compared, same)
    print(text)
    if args.json:
        args.json.write_text(json.dumps([s.__dict__ for s, _, _ in tools], indent=2))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
