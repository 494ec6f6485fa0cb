"""The local java server starts lazily, once, and never outlives cleaner (real processes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from cleaner.languagetool import GrammarChecker, GrammarOptions
from cleaner.languagetool.install import Install
from cleaner.languagetool.options import URL_ENV
from tests_support import SPELLING

ROOT = Path(__file__).resolve().parents[2]


def gone(pid: int, wait: float = 15.0) -> bool:
    """True once the process has exited (zombies count as gone: they run no code)."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def local(lt_install: Install, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GrammarOptions:
    """Options that make GrammarChecker start its own server from the install."""
    monkeypatch.delenv(URL_ENV, raising=False)
    return GrammarOptions(mode="on", install_dir=lt_install.path.parent, cache_dir=tmp_path, enabled_rules=SPELLING)


def test_started_lazily_reused_and_stopped(local: GrammarOptions) -> None:
    with GrammarChecker(local) as gc:
        assert gc.server_pid is None  # nothing runs until there is text to check
        first = gc.check("The targett is big.")
        pid = gc.server_pid
        assert pid and psutil.Process(pid).name() == "java"
        cmdline = psutil.Process(pid).cmdline()
        assert "-Xmx512m" in cmdline and "org.languagetool.server.HTTPServer" in cmdline
        gc.check("He go home.")
        assert gc.server_pid == pid  # one server for every text of the process
    assert [f.text for f in first] == ["targett"]
    assert gc.server_pid is None and gone(pid)
    with pytest.raises(RuntimeError):
        gc.check("Closed.")
    with GrammarChecker(local) as again:  # everything cached: no JVM is started at all
        assert again.check("The targett is big.") == first
        assert again.server_pid is None and again.stats.hits == 1


def test_stopped_after_an_exception_inside_with(local: GrammarOptions) -> None:
    with pytest.raises(RuntimeError, match="boom"), GrammarChecker(local) as gc:
        gc.start()
        assert gc.server is not None
        gc.server.start()  # the JVM only: its rules need not be loaded for this test
        pid = gc.server_pid
        assert pid is not None and psutil.pid_exists(pid)
        raise RuntimeError("boom")
    assert gone(pid)


SCRIPT = textwrap.dedent(
    """
    import faulthandler, signal, sys
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # the test asks for a stack dump if it hangs
    from pathlib import Path
    from cleaner.languagetool import GrammarChecker, GrammarOptions
    options = GrammarOptions(mode="on", install_dir=Path(sys.argv[1]), cache_dir=Path(sys.argv[2]))
    text = "\\n\\n".join(f"Paragraph {i}: the targett is big and he wentt home." for i in range(3000))
    with GrammarChecker(options) as gc:
        if sys.argv[3] == "check":
            gc.start_server()
            print("CHECKING", flush=True)
        gc.check(text)
    print("DONE", flush=True)
    """
)


def _like_a_terminal() -> None:
    """Undo an inherited SIG_IGN for SIGINT (background jobs, CI), as an interactive shell would."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


# A loaded machine (two cores shared by several test runs) slows the JVM's start and the exit of a
# run by tens of seconds; these bounds only catch a run that never starts java or never ends.
JAVA_START_WAIT = GrammarOptions().start_timeout
EXIT_WAIT = 180.0


def java_child(pid: int, wait: float = JAVA_START_WAIT) -> psutil.Process:
    """Wait for the java process that `pid` starts, and return it."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        for child in psutil.Process(pid).children():
            if child.name() == "java":
                return child
        time.sleep(0.05)
    raise AssertionError("no java child appeared")


@pytest.mark.parametrize(
    ("signum", "when"),
    [
        (signal.SIGINT, "check"),  # Ctrl-C while paragraphs are being checked
        (signal.SIGTERM, "start"),  # while the JVM is still loading
        (signal.SIGKILL, "start"),  # no Python cleanup at all: Linux's parent-death signal
    ],
)
def test_no_java_survives_a_signal(
    lt_install: Install, tmp_path: Path, signum: int, when: str
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(URL_ENV, None)
    args = [str(lt_install.path.parent), str(tmp_path / "cache"), when]
    # stderr to a file, not a pipe: a pipe nobody reads would block a chatty child.
    stderr = (tmp_path / "stderr.txt").open("w+", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, *args],
        stdout=subprocess.PIPE, stderr=stderr, text=True, env=env, cwd=ROOT,
        preexec_fn=_like_a_terminal,
    )
    try:
        java = java_child(proc.pid)
        if when == "check":
            line = proc.stdout.readline() if proc.stdout else ""
            assert line.startswith("CHECKING"), (line, _read(stderr))
        time.sleep(1.0)  # inside the 3000-paragraph check, or inside the JVM's start-up
        assert proc.poll() is None, "the run ended before the signal"
        proc.send_signal(signum)
        _wait_or_dump(proc, stderr, signal.Signals(signum).name)
        assert gone(java.pid), f"java {java.pid} survived {signal.Signals(signum).name}"
        err = _read(stderr)
        assert "DONE" not in (proc.stdout.read() if proc.stdout else "")
        if signum == signal.SIGTERM:
            assert proc.returncode == 128 + signal.SIGTERM, err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        stderr.close()


def _read(stream) -> str:
    """The whole of a child's stderr file so far."""
    stream.flush()
    stream.seek(0)
    return stream.read()


def _wait_or_dump(proc: subprocess.Popen, stderr, name: str) -> None:
    """Wait for the run to end after the signal; if it hangs, fail with every thread's stack."""
    try:
        proc.wait(timeout=EXIT_WAIT)
    except subprocess.TimeoutExpired:
        if name != "SIGKILL":
            proc.send_signal(signal.SIGUSR1)
            time.sleep(2.0)
        raise AssertionError(f"still running {EXIT_WAIT:.0f}s after {name}:\n{_read(stderr)[-6000:]}") from None
