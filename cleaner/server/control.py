"""Start, stop and describe the check server of this install (`cleaner server start|stop|status`)."""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import time
from typing import Any, Optional

from cleaner.server.client import _locked
from cleaner.server.paths import Paths, paths
from cleaner.server.spawn import spawn


def status(where: Optional[Paths] = None) -> Optional[dict[str, Any]]:
    """The running server's state (pid, socket, idle, started, version, package), or None."""
    where = where or paths()
    try:
        with open(where.state, encoding="utf-8") as handle:
            state = json.load(handle)
    except (OSError, ValueError):
        return None
    served = _served(where.socket)
    if served is None:
        return None
    return {**state, "served": served}


def start(idle: float, wait: float = 120.0, where: Optional[Paths] = None) -> dict[str, Any]:
    """Start a server (unless one runs) and return its state once it answers; OSError when it does not."""
    where = where or paths()
    running = status(where)
    if running is not None:
        return running
    if not _locked(where.lock):
        spawn(where, sys.path[0] if sys.path else "", idle)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        running = status(where)
        if running is not None:
            return running
        time.sleep(0.05)
    raise OSError(f"the check server did not start within {wait:.0f} s (see {where.log})")


def stop(wait: float = 10.0, where: Optional[Paths] = None) -> bool:
    """Stop the running server (SIGTERM: it finishes running checks first); False when none was running."""
    where = where or paths()
    try:
        with open(where.state, encoding="utf-8") as handle:
            pid = int(json.load(handle)["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        for name in (where.socket, where.state):  # a killed server's leftovers
            if not _locked(where.lock) and os.path.lexists(name):
                os.unlink(name)
        return False
    deadline = time.monotonic() + wait
    while _locked(where.lock) and time.monotonic() < deadline:
        time.sleep(0.05)  # the lock is released as the server exits
    return True


def _served(path: str) -> Optional[int]:
    """How many checks the server on `path` has run; None when nothing answers there."""
    from cleaner.server.daemon import STATUS

    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(5.0)
    try:
        probe.connect(path)
        probe.sendall(STATUS)
        answer = probe.makefile("rb").readline()
    except OSError:
        return None
    finally:
        probe.close()
    word, _, number = answer.strip().partition(b" ")
    return int(number) if word == b"served" and number.isdigit() else None
