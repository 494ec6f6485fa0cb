"""Time `cleaner check` against proselint on the same ~1 MB and ~10 MB corpora.

Usage: python benchmarks/run_benchmark.py [--runs N] [--skip-proselint-large] ...

The corpora are built with build_corpus.py from seeds/ into a temporary folder.
Every tool runs as a child process of this script, runs alternate in a rotating
order, and the report gives medians and ratios rather than absolute thresholds,
because the machine is shared and noisy. Wall and CPU time and peak RSS come
from os.wait4 on each child. Exit code 1 from a tool means "findings" and is
expected. This script installs nothing: see benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_corpus import DEFAULT_SEEDS_DIR, build_corpus  # noqa: E402

MB = 1_000_000
SMALL, LARGE = 1 * MB, 10 * MB
BAR_SPEEDUP = 4.0  # proselint / cleaner on the small corpus, at least
BAR_SCALING = 10.0  # cleaner large / small, at most (about)
BAR_PEAK_MB = 60.0  # cleaner peak RSS on the small corpus, below
OK_EXIT_CODES = (0, 1)  # 1 = findings
PROSELINT_MAX_ERRORS = 10**9


@dataclass
class Tool:
    """One command line to time; the corpus path is appended."""

    label: str
    argv: list[str]
    count: object  # callable(stdout_text) -> number of findings

    def command(self, corpus: Path) -> list[str]:
        return [*self.argv, str(corpus)]


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float


@dataclass
class Series:
    tool: str
    size: int
    runs: list[Run] = field(default_factory=list)
    findings: int | None = None
    error: str | None = None

    def median(self, attr: str) -> float | None:
        values = [getattr(run, attr) for run in self.runs]
        return statistics.median(values) if values else None


def count_cleaner(text: str) -> int:
    return sum(len(f.get("findings", [])) for f in json.loads(text)["files"])


def count_proselint(text: str) -> int:
    return sum(len(f.get("diagnostics", [])) for f in json.loads(text)["result"].values())


def time_child(argv: list[str], cwd: Path, stdout_path: Path, timeout: float) -> tuple[Run, int, str]:
    """Run argv to completion; return its Run, exit code and the tail of stderr.

    Raises TimeoutError when the child had to be killed.
    """
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if killed.is_set():
            raise TimeoutError(f"killed after {timeout:.0f} s")
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip()[-800:]
    # Linux reports ru_maxrss in KiB.
    run = Run(wall=wall, cpu=usage.ru_utime + usage.ru_stime, peak_mb=usage.ru_maxrss * 1024 / MB)
    return run, proc.returncode, tail


def find_proselint(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    for candidate in ("/tmp/benchvenv/bin/proselint", shutil.which("proselint")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def find_cleaner(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    sibling = Path(sys.executable).parent / "cleaner"
    return str(sibling) if sibling.is_file() else shutil.which("cleaner")


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    p.add_argument("--runs", type=int, default=3, help="timed runs per tool and size (default 3)")
    p.add_argument("--sizes", default=f"{SMALL},{LARGE}", help="corpus sizes in bytes, small first")
    p.add_argument("--cleaner", help="cleaner executable (default: next to this Python, else PATH)")
    p.add_argument("--proselint", help="proselint executable (default: /tmp/benchvenv/bin/proselint, else PATH)")
    p.add_argument("--no-proselint", action="store_true", help="time cleaner only")
    p.add_argument("--skip-proselint-large", action="store_true", help="run proselint on the smallest corpus only")
    p.add_argument("--timeout", type=float, default=900.0, help="seconds before a single run is killed (default 900)")
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS_DIR, help="folder of seed *.txt articles")
    p.add_argument("--keep", type=Path, help="build corpora and outputs here instead of a temporary folder")
    p.add_argument("--json", type=Path, help="also write every measurement to this JSON file")
    p.add_argument("--fail-on-miss", action="store_true", help="exit 1 when a bar is missed")
    args = p.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",")]
    if args.runs < 1:
        p.error("--runs must be at least 1")
    return args


def tools_for(args: argparse.Namespace, workdir: Path) -> list[Tool]:
    cleaner = find_cleaner(args.cleaner)
    if not cleaner:
        sys.exit("cleaner not found; pass --cleaner PATH")
    tools = [
        Tool("cleaner check", [cleaner, "check", "--format", "json"], count_cleaner),
        Tool("cleaner --no-readability", [cleaner, "check", "--format", "json", "--no-readability"], count_cleaner),
    ]
    if not args.no_proselint:
        proselint = find_proselint(args.proselint)
        if not proselint:
            sys.exit("proselint not found; see benchmarks/README.md, or pass --proselint PATH or --no-proselint")
        # proselint stops after `max_errors` findings (default 1000), which would make it skip
        # most of a large corpus; lift the cap so both tools check every byte.
        config = workdir / "proselintrc.json"
        config.write_text(json.dumps({"max_errors": PROSELINT_MAX_ERRORS}), encoding="utf-8")
        argv = [proselint, "check", "--config", str(config), "--output-format", "json"]
        tools.append(Tool("proselint", argv, count_proselint))
    return tools


def fmt(value: float | None, spec: str = ".2f") -> str:
    return "-" if value is None else format(value, spec)


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def benchmark(args: argparse.Namespace, workdir: Path) -> dict[tuple[str, int], Series]:
    tools = tools_for(args, workdir)
    corpora = {}
    for size in args.sizes:
        path = workdir / f"corpus_{size}.txt"
        path.write_text(build_corpus(size, args.seeds), encoding="utf-8")
        corpora[size] = path
        print(f"corpus {path.name}: {path.stat().st_size:,} bytes", file=sys.stderr)

    # One untimed run of each tool on a seed warms bytecode and disk caches.
    warm = sorted(Path(args.seeds).glob("*.txt"))[0]
    for tool in tools:
        try:
            _, code, tail = time_child(tool.command(warm), workdir, workdir / "warmup.out", args.timeout)
        except TimeoutError as error:
            sys.exit(f"{tool.label} warm-up on {warm.name}: {error}")
        if code not in OK_EXIT_CODES:
            sys.exit(f"{tool.label} warm-up on {warm.name} exited {code}: {tail}")

    results: dict[tuple[str, int], Series] = {}
    for size in args.sizes:
        active = [t for t in tools if not (t.label == "proselint" and args.skip_proselint_large and size != min(args.sizes))]
        for tool in active:
            results[(tool.label, size)] = Series(tool.label, size)
        for i in range(args.runs):
            # Rotate the order so no tool always runs first (or right after the heaviest one).
            shift = i % len(active)
            for tool in active[shift:] + active[:shift]:
                series = results[(tool.label, size)]
                if series.error:
                    continue
                out = workdir / "output.json"
                print(f"  {size / MB:g} MB  run {i + 1}/{args.runs}  {tool.label} ...", end="", file=sys.stderr, flush=True)
                try:
                    run, code, tail = time_child(tool.command(corpora[size]), workdir, out, args.timeout)
                except TimeoutError as error:
                    series.error = str(error)
                    print(f" {error}", file=sys.stderr)
                    continue
                if code not in OK_EXIT_CODES:
                    series.error = f"exit {code}: {tail}"
                    print(f" exit {code}", file=sys.stderr)
                    continue
                print(f" {run.wall:.2f} s, {run.peak_mb:.0f} MB", file=sys.stderr)
                series.runs.append(run)
                if series.findings is None:
                    try:
                        series.findings = tool.count(out.read_text(encoding="utf-8"))
                    except (ValueError, KeyError, TypeError) as error:
                        series.error = f"unreadable JSON output: {error}"
                out.unlink(missing_ok=True)
    return results


def report(args: argparse.Namespace, results: dict[tuple[str, int], Series]) -> bool:
    """Print the table, ratios and bars; return True when every checked bar is met."""
    header = f"{'size':>6}  {'tool':<26} {'runs':>4} {'wall s':>8} {'min-max':>13} {'cpu s':>8} {'peak MB':>8} {'findings':>8}"
    print(header)
    print("-" * len(header))
    for (label, size), s in results.items():
        walls = [r.wall for r in s.runs]
        spread = f"{min(walls):.2f}-{max(walls):.2f}" if walls else "-"
        print(
            f"{size / MB:>4g}MB  {label:<26} {len(s.runs):>4} {fmt(s.median('wall')):>8} {spread:>13}"
            f" {fmt(s.median('cpu')):>8} {fmt(s.median('peak_mb'), '.0f'):>8} {fmt(s.findings, 'd'):>8}"
        )
        if s.error:
            print(f"        ^ {s.error}")

    def med(label: str, size: int, attr: str = "wall") -> float | None:
        s = results.get((label, size))
        return s.median(attr) if s else None

    small, large = min(args.sizes), max(args.sizes)
    print("\nratios (medians; wall, with cpu in brackets)")
    for size in args.sizes:
        for label in ("cleaner check", "cleaner --no-readability"):
            r_wall = ratio(med("proselint", size), med(label, size))
            r_cpu = ratio(med("proselint", size, "cpu"), med(label, size, "cpu"))
            if r_wall is not None:
                print(f"  proselint / {label:<26} {size / MB:>4g} MB: {r_wall:6.2f}x  [{fmt(r_cpu)}x]")
    for label in ("cleaner check", "cleaner --no-readability"):
        if large != small:
            r_wall = ratio(med(label, large), med(label, small))
            r_cpu = ratio(med(label, large, "cpu"), med(label, small, "cpu"))
            print(f"  {label} {large / MB:g} MB / {small / MB:g} MB: {fmt(r_wall)}x  [{fmt(r_cpu)}x]")

    print("\nbars (full default `cleaner check`)")
    checks = [
        (f"proselint/cleaner >= {BAR_SPEEDUP:g}x on {small / MB:g} MB",
         ratio(med("proselint", small), med("cleaner check", small)), lambda v: v >= BAR_SPEEDUP),
        (f"cleaner {large / MB:g} MB / {small / MB:g} MB <= ~{BAR_SCALING:g}x",
         ratio(med("cleaner check", large), med("cleaner check", small)) if large != small else None,
         lambda v: v <= BAR_SCALING),
        (f"cleaner peak RSS < {BAR_PEAK_MB:g} MB on {small / MB:g} MB",
         med("cleaner check", small, "peak_mb"), lambda v: v < BAR_PEAK_MB),
    ]
    ok = True
    for name, value, passes in checks:
        verdict = "n/a" if value is None else ("met" if passes(value) else "MISSED")
        ok = ok and verdict != "MISSED"
        print(f"  {name:<40} {fmt(value):>8}  {verdict}")
    return ok


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = benchmark(args, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
            results = benchmark(args, Path(tmp))
    print(f"\nPython {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}\n")
    ok = report(args, results)
    if args.json:
        payload = [
            {"tool": s.tool, "size": s.size, "findings": s.findings, "error": s.error,
             "runs": [vars(r) for r in s.runs]}
            for s in results.values()
        ]
        args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    if any(s.error for s in results.values()):
        return 2
    return 1 if args.fail_on_miss and not ok else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
