"""What a forked child of the check server does with one request: become the client's process, then run
the console script's own in-process path (`cleaner.cli.run_in_process`), so configuration discovery,
colours, error lines and exit codes are exactly those of a check run without a server.
"""

from __future__ import annotations

import io
import os
import signal
import sys
from typing import NamedTuple, NoReturn

NOT_RUN = 197  # the child could not become the client's process: the server answers "fail" and the client runs the check


class Request(NamedTuple):
    """A client's command line, working folder, umask and environment."""

    argv: list[str]
    cwd: str
    umask: int
    path0: str
    env: dict[bytes, bytes]

    @classmethod
    def decode(cls, body: bytes) -> "Request":
        """Parse the NUL-separated fields `cleaner.server.client` sends."""
        fields = body.split(b"\0")
        argc = int(fields[0])
        argv = [os.fsdecode(arg) for arg in fields[1 : 1 + argc]]
        cwd, umask, path0, envc = fields[1 + argc : 5 + argc]
        items = fields[5 + argc :]
        if len(items) != int(envc):
            raise ValueError("environment cut short")
        env = dict(item.split(b"=", 1) for item in items if b"=" in item)
        return cls(argv, os.fsdecode(cwd), int(umask), os.fsdecode(path0), env)


def serve_request(request: Request, fds: list[int], close: list[int]) -> NoReturn:
    """Run the request in this (forked) process and exit with its code; never returns."""
    try:
        code = _become_client(request, fds, close)
        if code is None:
            code = _run(request.argv)
    except BaseException:  # noqa: BLE001 - a child must never return into the server's loop
        code = NOT_RUN
        if os.environ.get("CLEANER_DEBUG"):
            import traceback

            traceback.print_exc()
    os._exit(code)


def _become_client(request: Request, fds: list[int], close: list[int]) -> int | None:
    """Take the client's signals' defaults, folder, umask, environment and streams; NOT_RUN on failure."""
    signal.set_wakeup_fd(-1)
    for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for fd in close:
        try:
            os.close(fd)
        except OSError:
            pass
    try:
        os.chdir(request.cwd)
    except OSError:
        return NOT_RUN
    os.umask(request.umask)
    os.environb.clear()
    os.environb.update(request.env)
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    _reopen_streams()
    sys.argv = list(request.argv)
    return None


def _reopen_streams() -> None:
    """New sys.stdin/stdout/stderr on fds 0-2, built as the interpreter builds them at start.

    Same encoding and error handlers as the server's (the client's interpreter-shaping environment
    equals the server's, or the request was refused); stdout line-buffered on a terminal, stderr
    always, as Python does, so output interleaves as it would in process.
    """
    old_in, old_out, old_err = sys.__stdin__, sys.__stdout__, sys.__stderr__
    unbuffered = bool(getattr(old_out, "write_through", False))  # -u or PYTHONUNBUFFERED, as the server was started
    sys.stdin = sys.__stdin__ = _stream(0, "r", old_in, False, False)
    sys.stdout = sys.__stdout__ = _stream(1, "w", old_out, os.isatty(1), unbuffered)
    sys.stderr = sys.__stderr__ = _stream(2, "w", old_err, True, unbuffered)


def _stream(fd: int, mode: str, like: io.TextIOWrapper | None, line_buffering: bool, write_through: bool):
    encoding = like.encoding if like is not None else "utf-8"
    errors = like.errors if like is not None else ("backslashreplace" if fd == 2 else "strict")
    buffered = io.open(fd, mode + "b", buffering=0 if write_through and mode == "w" else -1, closefd=False)
    return io.TextIOWrapper(buffered, encoding=encoding, errors=errors, newline="\n",
                            line_buffering=line_buffering, write_through=write_through)


def _run(argv: list[str]) -> int:
    """The console script's path after its server check; the exit code as the interpreter would give it."""
    import atexit

    from cleaner.cli import run_in_process

    try:
        run_in_process()  # a plain check ends here with os._exit
        code = 0
    except SystemExit as exit:
        code = _exit_status(exit.code)
    except BaseException:  # noqa: BLE001 - what the interpreter does with an uncaught exception
        import traceback

        traceback.print_exc()
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    return code


def _exit_status(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, int):
        return value & 0xFF
    print(value, file=sys.stderr)
    return 1
