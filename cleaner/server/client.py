"""The console script's fast path: hand a `cleaner check` to a warm server, or say it cannot (None).

Runs before any heavy import, so it uses os, sys and the C cores of socket and signal only.
Every problem before the server commits to the request (no socket, refused, a timeout, a stale
server, another interpreter environment, a platform without Unix sockets) returns None, and the
caller runs the check in process as if no server existed. The exchange:

    client -> server   request: argv, folder, umask, environment; fds 0, 1 and 2 (SCM_RIGHTS)
    server -> client   "ready" (or "refused <why>")
    client -> server   "go": from here on the check is the server's, so the client never falls back
    server -> client   "exit N" or "signal N" when the forked child ends ("fail" if it never ran)

While it waits the client forwards SIGINT, SIGTERM and SIGHUP (one byte each), so Ctrl-C stops
the check as it would stop an in-process one; if the client dies, the server kills the child.
"""

from __future__ import annotations

import os
import sys

from cleaner.server.paths import MODE_ENV, OFF, Paths, paths

MAGIC = b"CLN1"
HANDSHAKE_TIMEOUT = 5.0  # seconds for connect and "ready": a warm server answers in milliseconds
_FORWARDED = (2, 15, 1)  # SIGINT, SIGTERM, SIGHUP
_NOT_SERVED = ("--grammar", "--languagetool")  # LanguageTool runs stay in process


def run(argv: list[str]) -> int | None:
    """Run the check of `argv` (sys.argv) in a warm server and return its exit code; None to run it here."""
    mode = os.environ.get(MODE_ENV, "").lower()
    if mode in OFF or not _servable(argv):
        return None
    try:
        where = paths()
        if mode != "auto" and not os.path.exists(where.socket):
            return None  # the common case without a server: one stat
        import _socket
    except (ImportError, OSError, ValueError):
        return None
    if not hasattr(_socket, "AF_UNIX") or not hasattr(_socket, "SCM_RIGHTS"):
        return None
    conn = _connect(_socket, where, start=mode == "auto")
    if conn is None:
        return None
    try:
        return _exchange(conn, argv)
    finally:
        conn.close()


def _servable(argv: list[str]) -> bool:
    if len(argv) < 3 or argv[1] != "check" or "_CLEANER_COMPLETE" in os.environ:
        return False
    return not any(arg.startswith(_NOT_SERVED) for arg in argv[2:])


def _connect(_socket, where: Paths, start: bool):
    """A socket connected to the server, or None (after cleaning up a dead server's files, or starting one)."""
    from cleaner.server.paths import is_private

    if not is_private(where.folder):
        if start:
            _start(where)
        return None
    conn = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    conn.settimeout(HANDSHAKE_TIMEOUT)
    try:
        conn.connect(where.socket)
        return conn
    except OSError as error:
        conn.close()
        refused = error.errno == 111  # ECONNREFUSED: a socket file nobody listens on
    if refused and not _locked(where.lock):
        for name in (where.socket, where.state):  # left by a killed server
            try:
                os.unlink(name)
            except OSError:
                pass
    if start:
        _start(where)
    return None


def _exchange(conn, argv: list[str]) -> int | None:
    """Send the request; once the server is ready, commit and wait for the exit status."""
    try:
        body = _request(argv)
        _send_with_fds(conn, MAGIC + len(body).to_bytes(4, "big") + body, (0, 1, 2))
        if _line(conn) != b"ready":
            return None  # refused (another environment, or stale: it is stopping)
        conn.sendall(b"go\n")
    except (OSError, ValueError):
        return None
    conn.settimeout(None)  # committed: the check may take as long as it takes
    previous = _forward_signals(conn)
    try:
        answer = _line(conn)
    except OSError:
        answer = b""
    finally:
        _restore_signals(previous)
    if answer == b"fail":
        return None  # the server could not fork: nothing ran, so the check can still run here
    return _exit_code(answer)


def _request(argv: list[str]) -> bytes:
    umask = os.umask(0o22)
    os.umask(umask)
    env = [k + b"=" + v for k, v in os.environb.items()]
    fields = [str(len(argv)).encode(), *map(os.fsencode, argv), os.fsencode(os.getcwd()), str(umask).encode(),
              os.fsencode(sys.path[0] if sys.path else ""), str(len(env)).encode(), *env]
    return b"\0".join(fields)


def _send_with_fds(conn, data: bytes, fds: tuple[int, ...]) -> None:
    import _socket

    packed = b"".join(fd.to_bytes(4, sys.byteorder, signed=True) for fd in fds)
    sent = conn.sendmsg([data], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, packed)])
    if sent < len(data):
        conn.sendall(data[sent:])


def _line(conn) -> bytes:
    """One line from the server (without its newline); b'' when it closed the connection first."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(256)
        if not chunk:
            return b""
        data += chunk
    return data[:-1]


def _forward_signals(conn) -> dict[int, object]:
    import _signal

    def forward(signum: int, _frame: object) -> None:
        try:
            conn.send(bytes([signum]))
        except OSError:
            pass

    previous = {}
    for signum in _FORWARDED:
        try:
            previous[signum] = _signal.signal(signum, forward)
        except (OSError, ValueError):
            pass
    return previous


def _restore_signals(previous: dict[int, object]) -> None:
    import _signal

    for signum, handler in previous.items():
        _signal.signal(signum, handler)


def _exit_code(answer: bytes) -> int:
    """The client's exit code for the server's last line (a child killed by a signal: the same signal here)."""
    word, _, number = answer.partition(b" ")
    if word == b"exit" and number.isdigit():
        return int(number)
    if word == b"signal" and number.isdigit():
        import _signal

        signum = int(number)
        try:
            _signal.signal(signum, _signal.SIG_DFL)
            os.kill(os.getpid(), signum)
        except (OSError, ValueError):
            pass
        return 128 + signum
    # The server went away mid-check, or could not fork: nothing sensible to fall back to once committed.
    print("cleaner: internal error: the check server stopped before the check ended", file=sys.stderr)
    return 70


def _locked(lock: str) -> bool:
    """True while a server holds its lock file (it is starting, serving or stopping)."""
    import fcntl

    try:
        fd = os.open(lock, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _start(where: Paths) -> None:
    """Start a server in the background for the next checks (unless one is starting); this one runs here."""
    if _locked(where.lock):
        return
    from cleaner.server.spawn import spawn

    try:
        spawn(where, sys.path[0] if sys.path else "")
    except OSError:
        pass
