"""The warm check server (`cleaner server`, CLEANER_SERVER): real processes, a real socket.

Every check run through a server must be byte for byte the in-process check (stdout, stderr,
exit code); the server must stop when idle or told to, leaving no process and no files; and
whenever it cannot serve (stale code, a killed server, another environment) the client must
run the check itself without a word.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from cleaner.report import formats
from tests_support import ROOT, SEED, SEEDS

pytestmark = pytest.mark.slow

_LAUNCHER = "import sys\nfrom cleaner.cli import entry\nsys.exit(entry())\n"  # as pip's console script
_SEEDS = [SEED, SEEDS / "garbled_01_port_strike.txt", SEEDS / "clean_01_royal_visit.txt"]
_HANG = 120  # seconds: only a guard against a hung test, never a measure


class Setup:
    """A private server folder, a console script, and runs with or without the server."""

    def __init__(self, folder: Path, pythonpath: str | None = None) -> None:
        self.folder = folder
        self.script = folder.parent / "cleaner_script.py"
        self.script.write_text(_LAUNCHER, encoding="utf-8")
        self.env = {**os.environ, "CLEANER_SERVER_DIR": str(folder)}
        if pythonpath is not None:
            self.env["PYTHONPATH"] = pythonpath

    def run(self, *args: str, mode: str = "", stdin: bytes | None = None, cwd: Path = ROOT,
            env: dict | None = None) -> subprocess.CompletedProcess:
        """`cleaner ARGS` as a console script, CLEANER_SERVER=mode ("" = unset)."""
        environ = {**self.env, **(env or {})}
        environ.pop("CLEANER_SERVER", None)
        if mode:
            environ["CLEANER_SERVER"] = mode
        return subprocess.run([sys.executable, str(self.script), *args], input=stdin, capture_output=True,
                              cwd=cwd, env=environ, timeout=_HANG, stdin=None if stdin is not None else subprocess.DEVNULL)

    def start(self, *extra: str) -> dict:
        done = self.run("server", "start", *extra)
        assert done.returncode == 0, done.stderr
        return self.status()

    def status(self) -> dict | None:
        from cleaner.server import control
        from cleaner.server.paths import paths

        return control.status(self._paths(paths))

    def _paths(self, paths):
        # The server's files are named by the install the child interpreter sees (its PYTHONPATH).
        probe = subprocess.run([sys.executable, "-c", "from cleaner.server.paths import paths; import json, sys; "
                                "print(json.dumps(paths(sys.argv[1])))", str(self.folder)],
                               capture_output=True, text=True, env=self.env, timeout=_HANG, check=True,
                               cwd=self.folder.parent)  # not the tree's root, which `-c` would put first on the path
        return type(paths(str(self.folder)))(*json.loads(probe.stdout))

    def files(self) -> list[str]:
        return sorted(p.name for p in self.folder.iterdir() if not p.name.endswith((".lock", ".log")))


@pytest.fixture
def setup():
    folder = Path(tempfile.mkdtemp(prefix="s26srv_t")) / "srv"  # short: a socket path has at most 107 bytes
    made = Setup(folder)
    yield made
    _stop(made)
    shutil.rmtree(folder.parent, ignore_errors=True)


def _stop(made: Setup) -> None:
    """Stop whatever server the test left (by the pid in its state file, whether it answers or not)."""
    for state in made.folder.glob("*.json") if made.folder.exists() else ():
        pid = json.loads(state.read_text(encoding="utf-8"))["pid"]
        if _alive(pid):
            os.kill(pid, signal.SIGTERM)
            _wait_gone(pid)


def _wait_gone(pid: int) -> None:
    deadline = time.monotonic() + _HANG
    while _alive(pid):
        assert time.monotonic() < deadline, f"process {pid} still running"
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _same(served: subprocess.CompletedProcess, local: subprocess.CompletedProcess) -> None:
    assert (served.returncode, served.stdout, served.stderr) == (local.returncode, local.stdout, local.stderr)


def test_served_checks_equal_in_process_checks_in_every_format(setup: Setup) -> None:
    setup.start()
    text = SEED.read_bytes()
    expected_served = 0
    for name in formats.names("check"):
        for args, stdin in (([*map(str, _SEEDS)], None), (["-"], text)):
            argv = ["check", "--format", name, *args]
            local = setup.run(*argv, mode="off", stdin=stdin)
            _same(setup.run(*argv, stdin=stdin), local)
            expected_served += 1
            assert local.returncode == 1 and local.stdout  # the seeds have findings
    for argv in (["check", "--color", str(SEED)], ["check", "--select", "PU", "--no-readability", str(SEED)],
                 ["check", "--help"]):
        _same(setup.run(*argv), setup.run(*argv, mode="off"))
        expected_served += 1
    assert setup.status()["served"] == expected_served  # none of them fell back to running in process


def test_errors_and_exit_codes_equal_in_process_ones(setup: Setup, tmp_path: Path) -> None:
    setup.start()
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    clean = SEEDS / "clean_02_tech_earnings.txt"
    cases = [["check", str(tmp_path / "missing.txt")], ["check", str(binary)], ["check", str(SEED), str(binary)],
             ["check", str(clean)], ["check", str(SEED)], ["check", "--format", "nonsense", str(SEED)], ["check", "--fail-on", "never", str(SEED)]]
    codes = set()
    for argv in cases:
        local = setup.run(*argv, mode="off")
        _same(setup.run(*argv), local)
        codes.add(local.returncode)
    assert codes >= {0, 1, 2}
    assert setup.status()["served"] == len(cases)


def test_configuration_is_found_from_the_clients_folder(setup: Setup, tmp_path: Path) -> None:
    setup.start()
    (tmp_path / ".cleaner.toml").write_text('ignore = ["PU"]\nreadability = false\n', encoding="utf-8")
    shutil.copy(SEED, tmp_path / "article.txt")
    local = setup.run("check", "article.txt", mode="off", cwd=tmp_path)
    assert local.stdout != setup.run("check", str(SEED), mode="off").stdout  # the configuration changes the result
    _same(setup.run("check", "article.txt", cwd=tmp_path), local)
    assert setup.status()["served"] == 1


def test_a_second_client_is_served_while_one_runs(setup: Setup) -> None:
    setup.start()
    environ = {k: v for k, v in setup.env.items() if k != "CLEANER_SERVER"}
    first = subprocess.Popen([sys.executable, str(setup.script), "check", "-"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=environ)
    try:
        deadline = time.monotonic() + _HANG
        while setup.status()["served"] < 1:  # the first check now waits in the server for its stdin
            assert time.monotonic() < deadline and first.poll() is None
            time.sleep(0.05)
        _same(setup.run("check", str(SEED)), setup.run("check", str(SEED), mode="off"))
        assert first.poll() is None
        out, err = first.communicate(SEED.read_bytes(), timeout=_HANG)
    finally:
        first.kill()
    local = setup.run("check", "-", mode="off", stdin=SEED.read_bytes())
    assert (first.returncode, out, err) == (local.returncode, local.stdout, local.stderr)
    assert setup.status()["served"] == 2


def test_idle_server_stops_and_leaves_nothing(setup: Setup) -> None:
    pid = setup.start("--idle", "1")["pid"]
    setup.run("check", str(SEED))
    _wait_gone(pid)
    assert setup.files() == []
    assert setup.run("server", "status").returncode == 1


def test_sigterm_stops_the_server_and_leaves_nothing(setup: Setup) -> None:
    import psutil

    pid = setup.start()["pid"]
    setup.run("check", str(SEED))
    assert psutil.Process(pid).children() == []  # the child of that check was reaped
    os.kill(pid, signal.SIGTERM)
    _wait_gone(pid)
    assert setup.files() == []


def test_stop_command_stops_the_server(setup: Setup) -> None:
    pid = setup.start()["pid"]
    assert setup.run("server", "stop").stdout.startswith(b"stopped")
    _wait_gone(pid)
    assert setup.files() == []


def test_killed_server_makes_the_client_fall_back_and_clean_up(setup: Setup) -> None:
    pid = setup.start()["pid"]
    os.kill(pid, signal.SIGKILL)
    _wait_gone(pid)
    assert setup.files()  # the socket and state file a killed server leaves
    _same(setup.run("check", str(SEED)), setup.run("check", str(SEED), mode="off"))
    assert setup.files() == []


def test_auto_starts_a_server_that_later_checks_use(setup: Setup) -> None:
    local = setup.run("check", str(SEED), mode="off")
    _same(setup.run("check", str(SEED), mode="auto"), local)  # runs in process while the server warms up
    deadline = time.monotonic() + _HANG
    while setup.status() is None:
        assert time.monotonic() < deadline, "CLEANER_SERVER=auto started no server"
        time.sleep(0.1)
    _same(setup.run("check", str(SEED), mode="auto"), local)
    _same(setup.run("check", str(SEED)), local)
    assert setup.status()["served"] == 2


def test_off_and_another_environment_run_in_process(setup: Setup) -> None:
    setup.start()
    local = setup.run("check", str(SEED), mode="off")
    assert setup.status()["served"] == 0
    seed = {"PYTHONHASHSEED": "12345" if os.environ.get("PYTHONHASHSEED") != "12345" else "54321"}
    _same(setup.run("check", str(SEED), env=seed), local)  # refused: the server's interpreter differs
    assert setup.status()["served"] == 0
    _same(setup.run("check", "--grammar-mode=off", str(SEED)), local)  # LanguageTool options stay in process
    assert setup.status()["served"] == 0


def test_stale_server_refuses_stops_and_the_client_falls_back(tmp_path: Path) -> None:
    # A copy of the package, so that "editing" it leaves the tested tree alone.
    source = tmp_path / "src"
    shutil.copytree(ROOT / "cleaner", source / "cleaner", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", source / "rules")
    folder = Path(tempfile.mkdtemp(prefix="s26srv_t")) / "srv"
    made = Setup(folder, pythonpath=str(source))
    try:
        pid = made.start()["pid"]
        local = made.run("check", str(SEED), mode="off")
        _same(made.run("check", str(SEED)), local)
        assert made.status()["served"] == 1
        engine = source / "cleaner" / "engine.py"
        engine.write_text(engine.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        _same(made.run("check", str(SEED)), local)  # refused as stale: run in process
        _wait_gone(pid)
        assert made.files() == []
    finally:
        _stop(made)
        shutil.rmtree(folder.parent, ignore_errors=True)
