"""Writing files back safely: atomically, keeping mode, owner and hard links, never half-way.

`write_atomic` writes the new bytes to a temporary file in the same folder, syncs it, gives it
the original's permissions, owner and group, and renames it over the original, so a crash, a
full disk or SIGTERM leaves either the original or the complete new file (the temporary file
is removed on any error and on SIGTERM/SIGHUP). A file with several hard links cannot be
renamed over without splitting the links, so once the complete new text is safely on disk
beside it, that file is rewritten in place (its space reserved first so a full disk fails
before any byte changes).

`write_problem` is the check `cleaner fix` runs on every target before the first write.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from cleaner.textio import describe

_TEMP_PREFIX, _TEMP_SUFFIX = ".cleaner-", ".tmp"  # short: a 255-byte file name still gets a temp file
_CAUGHT_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def write_problem(path: str, force: bool = False) -> str | None:
    """Return why `path` cannot be rewritten in place (read-only file, locked folder), or None."""
    target = _resolved(path)
    try:
        info = target.stat()
    except OSError as exc:
        return describe(exc)
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    read_only = not info.st_mode & 0o222 or not os.access(target, os.W_OK)
    if read_only and not force:
        return "read-only file (use --force to overwrite it)"
    if info.st_nlink < 2 and not os.access(target.parent, os.W_OK | os.X_OK):
        return f"folder {target.parent} is not writable"
    return None


def write_output(path: str, data: bytes | Iterable[bytes]) -> None:
    """Write an output file: atomically when it is (or will be) a regular file, else straight through.

    `-o /dev/stdout` or a named pipe cannot take a rename, so they are written directly. `data` may
    come in pieces (a long report page), so that the whole output is never held in memory at once.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = stat.S_IFREG
    if stat.S_ISREG(mode):
        write_atomic(path, data)
        return
    with open(path, "wb") as handle:
        _write_all(handle, data)


def _write_all(handle: BinaryIO, data: bytes | Iterable[bytes]) -> None:
    for piece in [data] if isinstance(data, bytes) else data:
        handle.write(piece)


def write_atomic(path: str, data: bytes | Iterable[bytes]) -> None:
    """Replace `path` with `data` atomically (see the module doc); on any error it is left untouched."""
    target = _resolved(path)
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=target.parent)
    with _signals_raise_exit():
        try:
            with os.fdopen(fd, "wb") as handle:
                _write_all(handle, data)
                handle.flush()
                os.fsync(handle.fileno())
            _copy_metadata(tmp, info)
            if info is None or info.st_nlink < 2:
                os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        if info is not None and info.st_nlink > 1:  # the complete new bytes are in `tmp` by now
            _rewrite_linked(target, data if isinstance(data, bytes) else Path(tmp).read_bytes(), tmp)
    _fsync_dir(target.parent)


def _resolved(path: str) -> Path:
    """Follow a symlink so that the link survives and its target gets the new text."""
    target = Path(path)
    if not target.is_symlink():
        return target
    try:
        return target.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 reports a loop this way
        raise OSError(errno.ELOOP, "symbolic link loop", path) from None


def _copy_metadata(tmp: str, info: os.stat_result | None) -> None:
    """Give the new file the original's permission bits, owner and group (umask-based when new)."""
    if info is None:
        os.chmod(tmp, 0o666 & ~_current_umask())
        return
    if hasattr(os, "chown"):
        for uid in (info.st_uid, -1):  # root keeps the owner; anyone may at least keep the group
            try:
                os.chown(tmp, uid, info.st_gid)
                break
            except OSError:
                continue
    os.chmod(tmp, info.st_mode & 0o7777)  # after chown, which clears set-id bits


def _rewrite_linked(target: Path, data: bytes, tmp: str) -> None:
    """Rewrite a hard-linked file in place; if that fails half-way, the complete text stays in `tmp`."""
    try:
        handle = open(target, "r+b")
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise
    with handle:
        try:
            _reserve(handle.fileno(), len(data))  # a full disk fails here, before any byte changes
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            raise
        try:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
        except OSError as exc:
            raise OSError(exc.errno, f"{exc.strerror}; the complete new text is kept in {tmp}") from None
    Path(tmp).unlink()


def _reserve(fd: int, size: int) -> None:
    if not size or not hasattr(os, "posix_fallocate"):
        return
    try:
        os.posix_fallocate(fd, 0, size)
    except OSError as exc:
        if exc.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
            raise


@contextlib.contextmanager
def _signals_raise_exit() -> Iterator[None]:
    """Turn SIGTERM/SIGHUP into SystemExit while writing, so the temporary file is cleaned up."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {}
    for sig in _CAUGHT_SIGNALS:
        if signal.getsignal(sig) is signal.SIG_DFL:  # a handler someone else set is left alone
            saved[sig] = signal.signal(sig, _raise_exit)
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def _raise_exit(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def _current_umask() -> int:
    # os.umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the directory entry is on disk.
    try:
        fd = os.open(folder or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
