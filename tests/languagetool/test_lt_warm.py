"""The background LanguageTool server: found through its state file, used without a Java
start, stopped when idle, and never left behind (real processes, no mocks)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from cleaner.languagetool import GrammarChecker, GrammarOptions, warm
from cleaner.languagetool.install import Install
from cleaner.languagetool.options import HOME_ENV, URL_ENV
from tests_support import SPELLING

from test_lt_lifecycle import gone  # same folder: pytest puts it on sys.path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def isolated(lt_install: Install, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private cache root (state, lock and log files live there) with the real install."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv(HOME_ENV, str(lt_install.path.parent))
    monkeypatch.delenv(URL_ENV, raising=False)
    monkeypatch.delenv(warm.KEEP_ALIVE_ENV, raising=False)
    yield warm.state_dir()
    warm.stop(lt_install.version)  # whatever a test did, leave no server running


def _listens_on_loopback_only(pid: int) -> bool:
    import ipaddress

    addresses = [ipaddress.ip_address(c.laddr.ip) for c in psutil.Process(pid).net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    # Java reports an IPv4 loopback bind as the mapped form ::ffff:127.0.0.1.
    return bool(addresses) and all((getattr(a, "ipv4_mapped", None) or a).is_loopback for a in addresses)


def test_used_without_a_java_start_then_stops_when_idle(lt_install: Install, isolated: Path, tmp_path: Path) -> None:
    server = warm.ensure(lt_install, max_memory="512m", idle=8, start_timeout=180)
    state = isolated / f"server-{lt_install.version}.json"
    assert json.loads(state.read_text(encoding="utf-8"))["java_pid"] == server.java_pid
    assert _listens_on_loopback_only(server.java_pid)
    options = GrammarOptions(mode="on", cache_dir=tmp_path / "lt-cache", keep_alive=0, enabled_rules=SPELLING)
    with GrammarChecker(options) as gc:
        findings = gc.check("The targett is big.")
        assert gc.server_pid is None and gc.warm is not None and gc.warm.url == server.url
    assert [f.text for f in findings] == ["targett"]
    assert psutil.pid_exists(server.java_pid)  # the run ended; the server did not
    # Nobody uses it now: within the idle limit plus the supervisor's polling it is gone.
    assert gone(server.supervisor_pid, wait=60) and gone(server.java_pid, wait=30)
    assert not state.exists()
    assert warm.find(lt_install.version) is None


def test_a_killed_supervisor_takes_java_with_it(lt_install: Install, isolated: Path) -> None:
    server = warm.ensure(lt_install, max_memory="512m", idle=600, start_timeout=180)
    os.kill(server.supervisor_pid, 9)  # no cleanup code runs: only the parent-death signal
    assert gone(server.java_pid, wait=30), "java outlived its supervisor"
    assert warm.find(lt_install.version) is None  # the stale state file is noticed and removed
    assert not (isolated / f"server-{lt_install.version}.json").exists()


def test_auto_start_from_two_runs_at_once_starts_one_server_and_stop_ends_it(
    lt_install: Install, isolated: Path, tmp_path: Path
) -> None:
    # Two `check --grammar` runs with keep-alive at the same moment: the lock lets one start
    # the server; both use it; `cleaner languagetool stop` ends supervisor and java.
    env = {**os.environ, warm.KEEP_ALIVE_ENV: "600", "CLEANER_CACHE_DIR": str(tmp_path / "lt-cache")}
    article = tmp_path / "a.txt"
    article.write_text("She ate a orange every day.\n", encoding="utf-8")
    runs = [
        subprocess.Popen([sys.executable, "-m", "cleaner.cli", "check", "--grammar", "--format", "json", str(article)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 1, err  # LanguageTool's a/an finding (EN_A_VS_AN is on by measurement)
        assert any(f["source"] == "languagetool" for f in json.loads(out)["files"][0]["findings"])
    supervisors = [p for p in psutil.process_iter(["cmdline"]) if "cleaner.languagetool.warm" in " ".join(p.info["cmdline"] or [])
                   and str(isolated) in " ".join(p.info["cmdline"] or [])]
    assert len(supervisors) == 1
    server = warm.find(lt_install.version, touch=False)
    assert server is not None and server.supervisor_pid == supervisors[0].pid
    stopped = subprocess.run([sys.executable, "-m", "cleaner.cli", "languagetool", "stop"], capture_output=True,
                             text=True, env=env, cwd=ROOT, timeout=60)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert gone(server.supervisor_pid) and gone(server.java_pid)
