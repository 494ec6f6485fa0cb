"""Timing child processes for the benchmark: wall and CPU time and peak memory from os.wait4."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

MB = 1_000_000
OK_EXIT_CODES = (0, 1)  # 1 = findings (or, for fix --diff, changes)


@dataclass
class Tool:
    """One command line to time; the target (file or folder) is appended."""

    label: str
    argv: list[str]
    count: Optional[Callable[[str], int]] = None  # stdout -> number of findings
    env: dict[str, str] = field(default_factory=dict)
    # CPU seconds spent so far outside the timed child on its behalf (a check server's, with its
    # reaped children): read before and after each run, so the run reports it apart.
    side_cpu: Optional[Callable[[], float]] = None

    def command(self, target: Path) -> list[str]:
        return [*self.argv, str(target)]


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    server_cpu: float = 0.0  # the check server's CPU for this run (Tool.side_cpu), not in `cpu`


@dataclass
class Series:
    tool: str
    workload: str
    runs: list[Run] = field(default_factory=list)
    findings: Optional[int] = None
    error: Optional[str] = None

    def median(self, attr: str) -> Optional[float]:
        values = [getattr(run, attr) for run in self.runs]
        return statistics.median(values) if values else None


def child_environment() -> dict[str, str]:
    """This process's environment, minus the switch that stops Python writing bytecode."""
    # The untimed warm-up run must leave bytecode behind, as installing a wheel with pip does. A
    # machine-wide PYTHONDONTWRITEBYTECODE=1 would make every timed run of an editable install
    # recompile its sources (0.3 s of a 0.5 s start here), while the wheel-installed peers carry
    # the bytecode pip compiled: the comparison would measure the install, not the tool.
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def time_child(argv: list[str], cwd: Path, stdout_path: Path, timeout: float,
               env: Optional[dict[str, str]] = None) -> tuple[Run, int, str]:
    """Run argv to completion; return its Run, exit code and the tail of stderr.

    Raises TimeoutError when the child had to be killed. CPU time and peak RSS include the
    child's own children (the worker processes of --jobs), as wait4 reports them.
    """
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                env={**child_environment(), **(env or {})})
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
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024 / MB), proc.returncode, tail


def run_rotating(tools: list[Tool], workload: str, target: Path, workdir: Path, runs: int,
                 timeout: float) -> dict[str, Series]:
    """Time every tool `runs` times on target, rotating the order so that none always goes first."""
    results = {tool.label: Series(tool.label, workload) for tool in tools}
    for i in range(runs):
        shift = i % len(tools)
        for tool in tools[shift:] + tools[:shift]:
            series = results[tool.label]
            if series.error:
                continue
            out = workdir / "output.txt"
            print(f"  {workload:<9} run {i + 1}/{runs}  {tool.label} ...", end="", file=sys.stderr, flush=True)
            side_before = tool.side_cpu() if tool.side_cpu else 0.0
            try:
                run, code, tail = time_child(tool.command(target), workdir, out, timeout, tool.env)
                if tool.side_cpu:
                    run.server_cpu = tool.side_cpu() - side_before
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
            if series.findings is None and tool.count is not None:
                try:
                    series.findings = count_apart(tool.count, out)
                except (ValueError, KeyError, TypeError) as error:
                    series.error = f"unreadable output: {error}"
            out.unlink(missing_ok=True)
    return results


def count_apart(count: Callable[[str], int], output: Path) -> int:
    """Count the findings in a child process, so that this process stays small.

    Linux gives a child the peak resident size of the process it was forked from until it calls
    exec, so every tool started from a script that has parsed 10 MB of JSON would report that
    script's size as its own peak.
    """
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).resolve().parent)!r}); "
            f"from {count.__module__} import {count.__name__} as count; "
            f"print(count(open({str(output)!r}, encoding='utf-8').read()))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode != 0:
        raise ValueError(done.stderr.strip()[-300:])
    return int(done.stdout)
