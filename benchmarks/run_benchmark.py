"""Time cleaner against proselint and Vale on one article, 1 MB, 10 MB and a folder of 200 articles.

Usage: python benchmarks/run_benchmark.py [--runs N] [--workloads article,1MB,10MB,folder] ...

Inputs are built from seeds/ (build_corpus.py: 1MB and 10MB are distinct generated articles,
or with --repeated the seed articles repeated) in a temporary folder. Every tool runs as a
child process of this script, the tools of a workload run in a rotating order, and the report
gives medians, ratios and the bars of issue 12 rather than absolute thresholds, because the
machine is shared and noisy. Wall and CPU time and peak RSS come from os.wait4 on each child.
This script installs nothing: see benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_report import Results, bars, print_bars, print_ratios, print_table  # noqa: E402
from bench_timing import MB, Tool, run_rotating, time_child  # noqa: E402
from bench_tools import Tools, find_cleaner, find_proselint, find_vale  # noqa: E402
from build_corpus import DEFAULT_SEEDS_DIR, build_article, build_folder  # noqa: E402

WORKLOADS = ("article", "1MB", "10MB", "folder")
ARTICLE_BYTES = 5_000
FOLDER_FILES = 200


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    p.add_argument("--runs", type=int, default=5, help="timed runs per tool and workload (default 5)")
    p.add_argument("--workloads", default=",".join(WORKLOADS), help=f"comma-separated subset of {','.join(WORKLOADS)}")
    p.add_argument("--cleaner", help="cleaner executable (default: next to this Python, else PATH)")
    p.add_argument("--proselint", help="proselint executable (default: /tmp/benchvenv/bin/proselint, else PATH)")
    p.add_argument("--vale", help="vale executable (default: PATH, else ~/go/bin/vale)")
    p.add_argument("--no-proselint", action="store_true", help="leave proselint out")
    p.add_argument("--no-vale", action="store_true", help="leave Vale out")
    p.add_argument("--proselint-large", action="store_true", help="also run proselint on 10 MB (slow)")
    p.add_argument("--vale-large", action="store_true", help="also run Vale on 1 MB (minutes: it is quadratic)")
    p.add_argument("--server", action="store_true",
                   help="also time `cleaner check` through a warm check server (CLEANER_SERVER=auto) on the article")
    p.add_argument("--grammar", action="store_true", help="also time a warm `check --grammar` re-check")
    p.add_argument("--timeout", type=float, default=900.0, help="seconds before a single run is killed")
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS_DIR, help="folder of seed *.txt articles")
    p.add_argument("--repeated", action="store_true",
                   help="build 1MB and 10MB from the seed articles repeated verbatim (the earlier corpus)")
    p.add_argument("--keep", type=Path, help="build inputs and outputs here instead of a temporary folder")
    p.add_argument("--json", type=Path, help="also write every measurement to this JSON file")
    p.add_argument("--fail-on-miss", action="store_true", help="exit 1 when a bar is missed")
    args = p.parse_args(argv)
    args.workloads = [w for w in args.workloads.split(",") if w]
    unknown = set(args.workloads) - set(WORKLOADS)
    if unknown or args.runs < 1:
        p.error(f"unknown workload {sorted(unknown)}" if unknown else "--runs must be at least 1")
    return args


def build_inputs(args: argparse.Namespace, workdir: Path) -> dict[str, Path]:
    targets = {}
    for workload in args.workloads:
        if workload == "article":
            path = workdir / "article.txt"
            path.write_text(build_article(ARTICLE_BYTES, args.seeds), encoding="utf-8")
        elif workload == "folder":
            path = workdir / "articles"
            size = build_folder(path, FOLDER_FILES, args.seeds)
            print(f"folder: {FOLDER_FILES} files, {size:,} bytes", file=sys.stderr)
        else:
            path = workdir / f"corpus_{workload}.txt"
            # Built by a child process: this one stays small, so the tools' peak memory is their own
            # (a forked child starts out with the peak size of its parent; see bench_timing.count_apart).
            size = int(workload.removesuffix("MB")) * MB
            subprocess.run([sys.executable, str(Path(__file__).resolve().parent / "build_corpus.py"),
                            *(["--repeated"] if args.repeated else []), str(size), str(path), str(args.seeds)],
                           check=True, stdout=subprocess.DEVNULL)
        if path.is_file():
            print(f"{workload}: {path.stat().st_size:,} bytes", file=sys.stderr)
        targets[workload] = path
    return targets


def tools_for(workload: str, tools: Tools, args: argparse.Namespace) -> list[Tool]:
    others = [tools.proselint(), tools.vale()]
    if workload == "article":
        chosen = [tools.check(), tools.served() if args.server else None, tools.no_readability(), *others]
    elif workload == "1MB":
        chosen = [tools.check(), tools.no_readability(), tools.fix_diff(), tools.report(), tools.proselint(),
                  tools.vale() if args.vale_large else None]
    elif workload == "10MB":
        chosen = [tools.check(), tools.no_readability(), tools.proselint() if args.proselint_large else None]
    else:
        chosen = [tools.jobs(1), tools.jobs(2), *others]
    return [tool for tool in chosen if tool is not None]


def benchmark(args: argparse.Namespace, workdir: Path, tools: Tools) -> Results:
    targets = build_inputs(args, workdir)
    warm = workdir / "warmup.txt"
    warm.write_text(build_article(ARTICLE_BYTES, args.seeds), encoding="utf-8")
    every = {t.label: t for w in args.workloads for t in tools_for(w, tools, args)}
    for tool in every.values():  # one untimed run each: bytecode, disk and cleaner's compiled cache
        _, code, tail = time_child(tool.command(warm), workdir, workdir / "warmup.out", args.timeout, tool.env)
        if code not in (0, 1):
            sys.exit(f"{tool.label} warm-up exited {code}: {tail}")
    if args.server:
        _wait_for_server(tools)
    results: Results = {}
    for workload in args.workloads:
        series = run_rotating(tools_for(workload, tools, args), workload, targets[workload], workdir,
                              args.runs, args.timeout)
        results.update({(workload, label): s for label, s in series.items()})
    return results


def _wait_for_server(tools: Tools, wait: float = 120.0) -> None:
    """Wait until the server the warm-up run started answers (it warms up in the background)."""
    import time

    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if any(tools.server_dir.glob("*.sock")):
            return
        time.sleep(0.1)
    sys.exit("the check server did not start (see the log in its folder)")


def print_server_cpu(results: Results) -> None:
    """The check server's own CPU per served run, which the client's `cpu s` leaves out."""
    for (workload, label), s in results.items():
        if s.runs and any(r.server_cpu for r in s.runs):
            server = s.median("server_cpu")
            both = statistics.median(r.cpu + r.server_cpu for r in s.runs)
            print(f"\n{workload} {label}: server CPU per check (its forked child) median {server:.3f} s; "
                  f"client + server median {both:.3f} s")


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    cleaner = find_cleaner(args.cleaner)
    if not cleaner:
        sys.exit("cleaner not found; pass --cleaner PATH")
    proselint = None if args.no_proselint else find_proselint(args.proselint)
    vale = None if args.no_vale else find_vale(args.vale)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        tools = Tools(cleaner, proselint, vale, workdir)
        try:
            results = benchmark(args, workdir, tools)
        finally:
            tools.stop_server()
        grammar = None
        if args.grammar:
            from grammar_warm import median_second_check

            grammar = median_second_check(cleaner, build_article(ARTICLE_BYTES, args.seeds))
    load_after = os.getloadavg()
    print(f"\ncleaner: {cleaner}\nproselint: {proselint or 'not used'}\nvale: {vale or 'not used'}")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{load_before[0]:.2f} before, {load_after[0]:.2f} after (1-minute)\n")
    print_table(results)
    print_server_cpu(results)
    print_ratios(results)
    if grammar is not None:
        print(f"\nwarm LanguageTool: check --grammar after an edit, median {grammar:.2f} s")
    ok = print_bars(bars(results, grammar))
    if args.json:
        payload = [{"workload": s.workload, "tool": s.tool, "findings": s.findings, "error": s.error,
                    "runs": [vars(r) for r in s.runs]} for s in results.values()]
        args.json.write_text(json.dumps({"load": [load_before, load_after], "grammar_second_check": grammar,
                                         "series": payload}, indent=2), encoding="utf-8")
    if any(s.error for s in results.values()):
        return 2
    return 1 if args.fail_on_miss and not ok else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
