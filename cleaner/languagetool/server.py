"""Run a local LanguageTool HTTP server: start once, health-check, bound memory, always stop."""

from __future__ import annotations

import atexit
import ctypes
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from cleaner.errors import GrammarError
from cleaner.languagetool.install import Install
from cleaner.languagetool.java import Java

_LIVE: set[LocalServer] = set()
_LIVE_LOCK = threading.Lock()
_PR_SET_PDEATHSIG = 1


class LocalServer:
    """A java LanguageTool server on a free loopback port, owned by this process."""

    def __init__(
        self,
        install: Install,
        java: Java,
        *,
        max_memory: str = "512m",
        start_timeout: float = 120.0,
        check_threads: int = 4,
        max_check_seconds: float = 60.0,
    ) -> None:
        self.install = install
        self.java = java
        self.max_memory = max_memory
        self.start_timeout = start_timeout
        self.check_threads = check_threads
        self.max_check_seconds = max_check_seconds
        self.process: subprocess.Popen[bytes] | None = None
        self.url: str | None = None
        self._log: IO[bytes] | None = None
        self._config: Path | None = None

    @property
    def pid(self) -> int | None:
        """Return the java process id while it runs."""
        return self.process.pid if self.process else None

    def command(self, port: int) -> list[str]:
        """Return the java command line; -Xmx bounds the heap, serial GC keeps the footprint small."""
        return [
            str(self.java.path),
            f"-Xmx{self.max_memory}",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",  # a dead server is reported; a thrashing one just hangs
            "-Djava.awt.headless=true",
            "-cp", self.install.classpath,
            "org.languagetool.server.HTTPServer",
            "--port", str(port),
            "--config", str(self._config),
        ]

    def start(self) -> str:
        """Start java, wait until /v2/healthcheck answers, and return the base URL."""
        if self.url and self.alive():
            return self.url
        self._write_config()
        last_error = ""
        for _attempt in range(3):  # a free port can be taken between probing and binding
            port = _free_port()
            self._log = tempfile.TemporaryFile(prefix="cleaner-lt-")  # noqa: SIM115 - lives with the JVM
            try:
                self.process = subprocess.Popen(
                    self.command(port),
                    stdin=subprocess.DEVNULL,
                    stdout=self._log,
                    stderr=subprocess.STDOUT,
                    preexec_fn=_die_with_parent_hook(),
                )
            except OSError as e:
                raise GrammarError(f"cannot start {self.java.path}: {e}") from e
            with _LIVE_LOCK:
                _LIVE.add(self)
            url = f"http://127.0.0.1:{port}"
            try:
                self._wait_ready(url)
                self.url = url
                return url
            except GrammarError as e:
                last_error = str(e)
                in_use = "address already in use" in self.log_tail().lower()
                self.stop()
                if not in_use:
                    raise
        raise GrammarError(last_error)

    def _wait_ready(self, url: str) -> None:
        """Poll the health endpoint until it answers, the process dies or time runs out."""
        import requests  # here, not at import time: a fully cached run never starts a server

        deadline = time.monotonic() + self.start_timeout
        assert self.process is not None
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                tail = self.log_tail()
                raise GrammarError(
                    f"LanguageTool server (-Xmx{self.max_memory}) exited with code {code} at start: {tail}"
                )
            try:
                if requests.get(f"{url}/v2/healthcheck", timeout=2).ok:
                    return
            except requests.RequestException:
                pass  # still loading its rules
            time.sleep(0.2)
        raise GrammarError(
            f"LanguageTool server did not answer within {self.start_timeout:.0f}s "
            f"(see {self.java.path} output: {self.log_tail()})"
        )

    def alive(self) -> bool:
        """True while the java process runs."""
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 1) -> str:
        """Return the last non-empty lines java wrote, for error messages."""
        if self._log is None:
            return ""
        self._log.seek(0)
        text = self._log.read().decode("utf-8", "replace").strip().splitlines()
        useful = [ln.strip() for ln in text if ln.strip()]
        return " | ".join(useful[-lines:])[:300]

    def stop(self) -> None:
        """Terminate java (SIGTERM, then SIGKILL after 5s) and forget it; safe to call twice."""
        proc, self.process, self.url = self.process, None, None
        if proc is not None and proc.poll() is None:
            proc.terminate()  # the JVM exits on SIGTERM within a second
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        with _LIVE_LOCK:
            _LIVE.discard(self)
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._config is not None:
            self._config.unlink(missing_ok=True)
            self._config = None

    def _write_config(self) -> None:
        """Write the server's property file: threads and a per-check time limit."""
        fd, name = tempfile.mkstemp(prefix="cleaner-lt-", suffix=".properties")
        props = {
            "maxCheckThreads": str(max(1, self.check_threads)),
            "maxCheckTimeMillis": str(int(self.max_check_seconds * 1000)),
            "pipelineCaching": "true",  # reuse rule pipelines between requests: much faster
            "maxPipelinePoolSize": "50",
            "pipelineExpireTimeInSeconds": "3600",
        }
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("".join(f"{k}={v}\n" for k, v in props.items()))
        self._config = Path(name)


def _free_port() -> int:
    """Return a loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent_hook() -> Callable[[], None] | None:
    """Return a preexec_fn asking Linux to SIGTERM java if we die, even by SIGKILL.

    PDEATHSIG fires when the *thread* that forked exits, so it is only used from the
    main thread; elsewhere atexit and the context manager do the cleanup.
    """
    if not hasattr(os, "fork") or threading.current_thread() is not threading.main_thread():
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before fork, not in the child
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def hook() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return hook


def stop_all() -> None:
    """Stop every server this process started (atexit and signal paths)."""
    with _LIVE_LOCK:
        servers = list(_LIVE)
    for server in servers:
        server.stop()


atexit.register(stop_all)
