"""A LanguageTool server that outlives one run, found through a state file, stopped when idle.

Starting Java and loading the English rules takes ten seconds or more, so a user who checks
with --grammar every few minutes keeps one server warm: `cleaner languagetool serve` (or
`check --grammar` with CLEANER_LANGUAGETOOL_KEEP_ALIVE=SECONDS) starts a small supervisor
process in its own session. The supervisor starts Java on a loopback port, writes the state
file `<cache>/lt-server/server-<version>.json` (URL, pids, idle limit) and then watches:

- every run that uses the server touches the state file; when it has not been touched for
  the idle limit, the supervisor stops Java, removes the file and exits;
- when Java dies, the supervisor removes the file and exits;
- when the supervisor dies, even by SIGKILL, Linux sends Java SIGTERM (PR_SET_PDEATHSIG),
  and the next run finds the stale file, sees the dead pids and removes it.

A lock file serialises starts, so two runs never start two servers. The server listens on
127.0.0.1 only (LanguageTool binds to localhost unless asked to be public).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

from cleaner.errors import GrammarError
from cleaner.languagetool.install import Install, find_install
from cleaner.languagetool.options import cleaner_cache_root

KEEP_ALIVE_ENV = "CLEANER_LANGUAGETOOL_KEEP_ALIVE"
DEFAULT_IDLE = 900.0  # seconds without a check before the server stops


@dataclass(frozen=True)
class WarmServer:
    """A running background server as its state file describes it."""

    url: str
    version: str
    java_pid: int
    supervisor_pid: int
    idle: float
    state: str  # path of the state file

    def touch(self) -> None:
        """Mark the server as used now (it stops `idle` seconds after the last touch)."""
        with contextlib.suppress(OSError):
            os.utime(self.state)


def state_dir() -> Path:
    """Return the folder of state, lock and log files."""
    return cleaner_cache_root() / "lt-server"


def keep_alive_from_env() -> float:
    """Return CLEANER_LANGUAGETOOL_KEEP_ALIVE in seconds (0 when unset or not a number)."""
    try:
        return max(0.0, float(os.environ.get(KEEP_ALIVE_ENV, "0") or 0))
    except ValueError:
        return 0.0


def _paths(version: str, folder: Path | None) -> tuple[Path, Path, Path]:
    base = folder or state_dir()
    return base / f"server-{version}.json", base / f"server-{version}.lock", base / f"server-{version}.log"


def find(version: str, folder: Path | None = None, touch: bool = True) -> WarmServer | None:
    """Return the running server for this LanguageTool version (touched, unless `touch` is
    False); remove the state file a killed supervisor left behind."""
    state, _, _ = _paths(version, folder)
    try:
        server = WarmServer(**json.loads(state.read_text(encoding="utf-8")), state=str(state))
    except (OSError, ValueError, TypeError):
        return None
    if _alive(server.supervisor_pid) and _alive(server.java_pid) and _healthy(server.url):
        if touch:
            server.touch()
        return server
    if not _alive(server.supervisor_pid):
        with contextlib.suppress(OSError):
            state.unlink()  # left by a supervisor that was killed; its Java died with it
    return None


def ensure(install: Install, *, max_memory: str, idle: float, start_timeout: float,
           folder: Path | None = None) -> WarmServer:
    """Return the running server for the install, starting one (once, under a lock) if needed."""
    state, lock, log = _paths(install.version, folder)
    state.parent.mkdir(parents=True, exist_ok=True)
    with _locked(lock):
        found = find(install.version, folder)
        if found is not None:
            return found
        command = [sys.executable, "-m", "cleaner.languagetool.warm", "--state", str(state),
                   "--install", str(install.path.parent), "--version", install.version,
                   "--max-memory", max_memory, "--idle", str(idle), "--start-timeout", str(start_timeout)]
        with open(log, "wb") as out:
            supervisor = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                          start_new_session=True)  # its own session: outlives this run
        return _wait_for_state(supervisor, install.version, folder, log, start_timeout)


def _wait_for_state(supervisor: subprocess.Popen[bytes], version: str, folder: Path | None, log: Path,
                    timeout: float) -> WarmServer:
    deadline = time.monotonic() + timeout + 10
    while time.monotonic() < deadline:
        found = find(version, folder)
        if found is not None:
            return found
        if supervisor.poll() is not None:
            tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:] if log.exists() else []
            raise GrammarError(f"the background LanguageTool server did not start: {' '.join(tail) or 'no output'}")
        time.sleep(0.2)
    supervisor.terminate()
    raise GrammarError(f"the background LanguageTool server did not answer within {timeout:.0f}s")


def stop(version: str, folder: Path | None = None, wait: float = 15.0) -> bool:
    """Stop the background server of this version; return False when none was running."""
    state, _, _ = _paths(version, folder)
    try:
        data = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    pids = [int(data.get("supervisor_pid", 0)), int(data.get("java_pid", 0))]
    for pid in pids:  # the supervisor first: it stops Java and removes the state file itself
        if _alive(pid):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
            _wait_gone(pid, wait)
    with contextlib.suppress(OSError):
        state.unlink()
    return True


def starting(version: str, folder: Path | None = None) -> bool:
    """True while a run is starting the background server (it holds the start lock until Java answers)."""
    import fcntl

    _, lock, _ = _paths(version, folder)
    try:
        with open(lock, "rb") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
    except OSError:
        pass  # no lock file: nobody ever started one
    return False


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    import fcntl

    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[-1].split()[0] == "Z"
    except OSError:
        return False


def _wait_gone(pid: int, wait: float) -> None:
    deadline = time.monotonic() + wait
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)


def _healthy(url: str) -> bool:
    """True when GET /v2/healthcheck answers 200 within a second (stdlib: no requests import)."""
    host, _, port = url.removeprefix("http://").partition(":")
    try:
        connection = http.client.HTTPConnection(host, int(port), timeout=1.0)
        try:
            connection.request("GET", "/v2/healthcheck")
            return connection.getresponse().status == 200
        finally:
            connection.close()
    except (OSError, ValueError, http.client.HTTPException):
        return False


def supervise(state: Path, install: Install, max_memory: str, idle: float, start_timeout: float) -> int:
    """Run Java until it has been idle for `idle` seconds, then stop it (the supervisor's body)."""
    from cleaner.languagetool.client import probe
    from cleaner.languagetool.java import find_java
    from cleaner.languagetool.server import LocalServer

    stopping: list[int] = []
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda signum, _frame: stopping.append(signum))
    server = LocalServer(install, find_java(), max_memory=max_memory, start_timeout=start_timeout)
    try:
        url = server.start()
        probe(url, "en-US", start_timeout)  # a real check: loads the English rules before the first run
        _write_state(state, url, install.version, server.pid or 0, idle)
        poll = min(5.0, max(0.2, idle / 5))
        while not stopping and server.alive() and time.time() - _last_use(state) < idle:
            time.sleep(poll)
        return 0
    except GrammarError as e:
        print(f"cleaner: error: {e}", file=sys.stderr)
        return 2
    finally:
        server.stop()
        _remove_own_state(state)


def _write_state(state: Path, url: str, version: str, java_pid: int, idle: float) -> None:
    fields = asdict(WarmServer(url, version, java_pid, os.getpid(), idle, ""))
    del fields["state"]
    tmp = state.with_name(f".{state.name}.{os.getpid()}")
    tmp.write_text(json.dumps(fields), encoding="utf-8")
    os.replace(tmp, state)  # readers never see half a file


def _last_use(state: Path) -> float:
    try:
        return state.stat().st_mtime
    except OSError:
        return 0.0  # the file was removed (by `stop`): treat as idle


def _remove_own_state(state: Path) -> None:
    try:
        if json.loads(state.read_text(encoding="utf-8")).get("supervisor_pid") == os.getpid():
            state.unlink()
    except (OSError, ValueError):
        pass


def main(argv: list[str]) -> int:
    """Entry point of the supervisor process (started by `ensure`)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m cleaner.languagetool.warm")
    parser.add_argument("--state", type=Path, required=True)
    parser.add_argument("--install", type=Path, required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--max-memory", default="512m")
    parser.add_argument("--idle", type=float, default=DEFAULT_IDLE)
    parser.add_argument("--start-timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    install = find_install(args.install, args.version)
    if install is None:
        print(f"cleaner: error: LanguageTool {args.version} is not installed in {args.install}", file=sys.stderr)
        return 2
    return supervise(args.state, install, args.max_memory, args.idle, args.start_timeout)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
