"""The check server: warm once, then a single-threaded loop that forks a child per request.

At start it takes the install's lock file (a second server exits at once), fingerprints the code
and rule files, imports cleaner and runs one check of a small text of its own, so the rule pack,
engine, word tables and readability tables are built; then it listens on its socket. Each request
is checked (the interpreter-shaping environment must equal the server's, the fingerprint must be
unchanged: else it is refused, and a stale server stops) and handed to a forked child, which shares
the warm heap copy-on-write (`cleaner.server.child`). The loop reaps children and sends each exit
status back, relays signals from clients, kills the child of a client that went away, and stops
after `idle` seconds without a request or on SIGTERM, SIGINT or SIGHUP, removing its socket and
state file, once its running children have ended.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import selectors
import signal
import socket
import sys
import time
from typing import Optional

from cleaner.server import fingerprint
from cleaner.server.child import NOT_RUN, Request, serve_request
from cleaner.server.paths import DEFAULT_IDLE, Paths, make_private, paths, shaping_env
from cleaner.server.warmup import warm_up

STATUS = b"STAT\n"  # what `cleaner server status` sends instead of a check
_MAX_REQUEST = 1 << 20  # bytes: argv and environment; a larger one is refused


class Server:
    """The listening socket, the running children and the stop conditions."""

    def __init__(self, where: Paths, idle: float, listener: socket.socket, stamp: str) -> None:
        self.where, self.idle, self.listener, self.stamp = where, idle, listener, stamp
        self.env = shaping_env(dict(os.environb))
        self.children: dict[int, socket.socket] = {}  # pid -> the client's connection
        self.stopping = False
        self.served = 0  # checks handed to a child
        self.told_to_stop = False  # set by the signal handlers; the loop acts on it
        self.last_use = time.monotonic()
        self.selector = selectors.DefaultSelector()
        self.wake_r, self.wake_w = socket.socketpair()

    def run(self) -> None:
        """Serve until idle or told to stop, then wait for the running children."""
        for sock in (self.wake_r, self.wake_w):
            sock.setblocking(False)
        signal.set_wakeup_fd(self.wake_w.fileno(), warn_on_full_buffer=False)
        signal.signal(signal.SIGCHLD, lambda *_: None)  # a handler, so the wakeup fd hears of it
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, self._told_to_stop)
        self.selector.register(self.listener, selectors.EVENT_READ, "listen")
        self.selector.register(self.wake_r, selectors.EVENT_READ, "wake")
        while self.children or not self.stopping:
            if self.told_to_stop:
                self._stop()
            timeout = None if self.children else self.idle - (time.monotonic() - self.last_use)
            if timeout is not None and (timeout <= 0 or self.stopping):
                self._stop()
                break
            for key, _ in self.selector.select(timeout):
                if key.data == "listen":
                    self._accept()
                elif key.data == "wake":
                    self._drain_wakeups()
                else:
                    self._from_client(key.fileobj, key.data)
            self._reap()

    def _told_to_stop(self, _signum: int, _frame: object) -> None:
        self.told_to_stop = True

    def _stop(self) -> None:
        if not self.stopping:
            self.stopping = True
            self.selector.unregister(self.listener)
            self.listener.close()
            remove_files(self.where)  # new clients now run in process at once

    def _accept(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        try:
            self._handle(conn)
        except (OSError, ValueError):
            conn.close()

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(5.0)
        request, fds = read_request(conn)
        if request is None:  # a status probe: how many checks this server ran
            conn.sendall(b"served %d\n" % self.served)
            conn.close()
            return
        try:
            refusal = self._refusal(request)
            if refusal:
                conn.sendall(b"refused " + refusal.encode() + b"\n")
                conn.close()
                return
            conn.sendall(b"ready\n")
            if conn.recv(8) != b"go\n":
                conn.close()  # the client gave up waiting (it runs the check itself)
                return
            pid = self._fork(request, fds, conn)
        finally:
            for fd in fds:
                os.close(fd)
        if pid is None:
            conn.sendall(b"fail\n")
            conn.close()
            return
        self.last_use = time.monotonic()  # only checks count: a status probe does not keep it alive
        self.served += 1
        conn.setblocking(False)
        self.children[pid] = conn
        self.selector.register(conn, selectors.EVENT_READ, pid)

    def _refusal(self, request: Request) -> Optional[str]:
        if shaping_env(request.env) != self.env:
            return "environment"  # another PYTHONPATH, locale or hash seed: that client runs in process
        if fingerprint.of_install() != self.stamp:
            self._stop()  # code or rules changed since the server loaded them: it is stale
            return "stale"
        return None

    def _fork(self, request: Request, fds: list[int], conn: socket.socket) -> Optional[int]:
        try:
            pid = os.fork()
        except OSError:
            return None
        if pid == 0:
            keep = {conn.fileno(), *fds}
            close = [fd for fd in self._own_fds() if fd not in keep]
            serve_request(request, fds, close)  # never returns
        return pid

    def _own_fds(self) -> list[int]:
        own = [self.wake_r.fileno(), self.wake_w.fileno(), self.selector.fileno()]
        own += [c.fileno() for c in self.children.values()]
        if not self.stopping:
            own.append(self.listener.fileno())
        return [fd for fd in own if fd >= 0]

    def _drain_wakeups(self) -> None:
        try:
            while self.wake_r.recv(512):
                pass
        except OSError:
            pass

    def _from_client(self, conn: socket.socket, pid: int) -> None:
        try:
            data = conn.recv(64)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:  # the client went away (killed): its check must not go on writing to its streams
            _signal(pid, signal.SIGKILL)
            self.selector.unregister(conn)
            return
        for signum in data:
            if signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                _signal(pid, signum)

    def _reap(self) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            conn = self.children.pop(pid, None)
            if conn is None:
                continue
            self.last_use = time.monotonic()
            if os.WIFEXITED(status) and os.WEXITSTATUS(status) == NOT_RUN:
                answer = b"fail\n"  # it never became the client's process: the client runs the check itself
            elif os.WIFSIGNALED(status):
                answer = b"signal %d\n" % os.WTERMSIG(status)
            else:
                answer = b"exit %d\n" % os.waitstatus_to_exitcode(status)
            try:
                self.selector.unregister(conn)
            except (KeyError, ValueError):
                pass
            try:
                conn.setblocking(True)
                conn.sendall(answer)
            except OSError:
                pass
            conn.close()


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except OSError:
        pass


def read_request(conn: socket.socket) -> tuple[Optional[Request], list[int]]:
    """Read one request and the three file descriptors sent with it (None and no fds: a status probe)."""
    data, fds, _, _ = socket.recv_fds(conn, 65536, 3)
    if data == STATUS and not fds:
        return None, []
    try:
        if data[:4] != b"CLN1" or len(fds) != 3:
            raise ValueError("not a check request")
        size = int.from_bytes(data[4:8], "big")
        if size > _MAX_REQUEST:
            raise ValueError("request too large")
        while len(data) < 8 + size:
            chunk = conn.recv(8 + size - len(data))
            if not chunk:
                raise ValueError("request cut short")
            data += chunk
        return Request.decode(data[8:]), fds
    except (ValueError, OSError):
        for fd in fds:
            os.close(fd)
        raise


def remove_files(where: Paths) -> None:
    """Remove the socket and state files of this server (if they are still this server's)."""
    try:
        with open(where.state, encoding="utf-8") as handle:
            if json.load(handle).get("pid") != os.getpid():
                return
    except (OSError, ValueError):
        pass
    for name in (where.socket, where.state):
        try:
            os.unlink(name)
        except OSError:
            pass


def _write_state(where: Paths, idle: float) -> None:
    import cleaner

    state = {"pid": os.getpid(), "socket": where.socket, "idle": idle, "started": time.time(),
             "version": cleaner.__version__, "package": os.path.dirname(os.path.abspath(cleaner.__file__))}
    tmp = f"{where.state}.{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(state, handle)
    os.replace(tmp, where.state)  # readers never see half a file


def serve(where: Paths, idle: float) -> int:
    """Take the lock, warm up, listen and serve; 0 when another server already holds the lock."""
    import fcntl

    if not make_private(where.folder):
        print(f"cleaner server: {where.folder} is not a private folder", file=sys.stderr)
        return 2
    lock = open(where.lock, "a+b")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return 0  # another server runs (or starts) for this install
    stamp = fingerprint.of_install()  # before loading anything: a file changed meanwhile makes it stale
    warm_up()
    gc.collect()
    gc.freeze()  # children's collections leave the warm heap alone, so its pages stay shared
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        if os.path.lexists(where.socket):
            os.unlink(where.socket)  # a killed server's: the lock says none is running
        old = os.umask(0o177)
        try:
            listener.bind(where.socket)
        finally:
            os.umask(old)
        listener.listen(64)
        _write_state(where, idle)
        print(f"cleaner server {os.getpid()}: serving on {where.socket}", flush=True)
        Server(where, idle, listener, stamp).run()
    finally:
        listener.close()
        remove_files(where)
        lock.close()
    print(f"cleaner server {os.getpid()}: stopped", flush=True)
    return 0


def main(argv: list[str]) -> int:
    """Entry point of the background server (started by `cleaner.server.spawn`)."""
    parser = argparse.ArgumentParser(prog="cleaner-server")
    parser.add_argument("--folder", required=True)
    parser.add_argument("--idle", type=float, default=DEFAULT_IDLE)
    args = parser.parse_args(argv)
    return serve(paths(args.folder), args.idle)
