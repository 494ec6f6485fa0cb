"""The tools the benchmark compares: cleaner (several commands), proselint and Vale."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Optional

from bench_timing import Tool

PROSELINT_MAX_ERRORS = 10**9
# Vale's own built-in style (spelling, repeated words, terms): the closest to a general
# prose check that needs no downloaded style package.
VALE_INI = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Vale\n"


def count_cleaner(text: str) -> int:
    return sum(len(f.get("findings", [])) for f in json.loads(text)["files"])


def count_proselint(text: str) -> int:
    return sum(len(f.get("diagnostics", [])) for f in json.loads(text)["result"].values())


def count_vale(text: str) -> int:
    return sum(len(alerts) for alerts in json.loads(text).values()) if text.strip() else 0


def find_cleaner(explicit: Optional[str]) -> Optional[str]:
    if explicit:
        return explicit
    sibling = Path(sys.executable).parent / "cleaner"
    return str(sibling) if sibling.is_file() else shutil.which("cleaner")


def find_proselint(explicit: Optional[str]) -> Optional[str]:
    if explicit:
        return explicit
    for candidate in ("/tmp/benchvenv/bin/proselint", shutil.which("proselint")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def find_vale(explicit: Optional[str]) -> Optional[str]:
    if explicit:
        return explicit
    for candidate in (shutil.which("vale"), str(Path.home() / "go" / "bin" / "vale")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


class Tools:
    """Builds the command lines once the executables and the work folder are known."""

    def __init__(self, cleaner: str, proselint: Optional[str], vale: Optional[str], workdir: Path) -> None:
        self.cleaner = cleaner
        self.server_dir = workdir / "srv"  # a check server of the benchmark's own (`--server`)
        self.proselint_argv: Optional[list[str]] = None
        self.vale_argv: Optional[list[str]] = None
        if proselint:
            # proselint stops after `max_errors` findings (1000 by default), which would make it
            # skip most of a large corpus; lift the cap so both tools check every byte.
            config = workdir / "proselintrc.json"
            config.write_text(json.dumps({"max_errors": PROSELINT_MAX_ERRORS}), encoding="utf-8")
            self.proselint_argv = [proselint, "check", "--config", str(config), "--output-format", "json"]
        if vale:
            ini = workdir / "vale" / ".vale.ini"
            (ini.parent / "styles").mkdir(parents=True, exist_ok=True)
            ini.write_text(VALE_INI, encoding="utf-8")
            self.vale_argv = [vale, "--config", str(ini), "--output", "JSON", "--no-exit"]
        self.report_path = workdir / "report.html"

    def check(self, label: str = "cleaner check", *extra: str) -> Tool:
        # CLEANER_SERVER=off: a check server the user happens to run must not serve these.
        return Tool(label, [self.cleaner, "check", "--format", "json", *extra], count_cleaner,
                    {"CLEANER_SERVER": "off"})

    def served(self) -> Tool:
        """`cleaner check` with CLEANER_SERVER=auto: the untimed warm-up run starts the server."""
        env = {"CLEANER_SERVER": "auto", "CLEANER_SERVER_DIR": str(self.server_dir)}
        return Tool("cleaner check (server)", [self.cleaner, "check", "--format", "json"], count_cleaner, env,
                    side_cpu=self.server_cpu)

    def server_cpu(self) -> float:
        """CPU seconds of the benchmark's check server so far, with its reaped children (0 when none runs)."""
        import os

        for state in self.server_dir.glob("*.json"):
            pid = json.loads(state.read_text(encoding="utf-8"))["pid"]
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return 0.0
            return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime
        return 0.0

    def stop_server(self) -> None:
        """Stop the benchmark's check server, if it started one."""
        import os
        import signal

        for state in self.server_dir.glob("*.json"):
            try:
                os.kill(json.loads(state.read_text(encoding="utf-8"))["pid"], signal.SIGTERM)
            except (OSError, ValueError, KeyError):
                pass

    def no_readability(self) -> Tool:
        return self.check("cleaner --no-readability", "--no-readability")

    def jobs(self, n: int) -> Tool:
        return self.check(f"cleaner --jobs {n}", "--jobs", str(n))

    def fix_diff(self) -> Tool:
        return Tool("cleaner fix --diff", [self.cleaner, "fix", "--diff"])

    def report(self) -> Tool:
        return Tool("cleaner report", [self.cleaner, "report", "-o", str(self.report_path)])

    def proselint(self) -> Optional[Tool]:
        return Tool("proselint", self.proselint_argv, count_proselint) if self.proselint_argv else None

    def vale(self) -> Optional[Tool]:
        return Tool("vale", self.vale_argv, count_vale) if self.vale_argv else None
