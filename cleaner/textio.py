"""Reading articles as text and writing them back atomically, byte-faithful to the original."""

from __future__ import annotations

import codecs
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import InputError

_BINARY_SNIFF = 8192


@dataclass(frozen=True)
class SourceText:
    """A decoded article and what is needed to write it back the same way."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False


def decode(data: bytes, path: str) -> SourceText:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM); refuse binary data with a clear error."""
    if data.startswith(codecs.BOM_UTF8):
        return SourceText(path, _strict(data[3:], "utf-8", path), "utf-8", True)
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return SourceText(path, _strict(data[2:], encoding, path), encoding, True)
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(f"{path}: binary file, not text")
    return SourceText(path, _strict(data, "utf-8", path), "utf-8", False)


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid {encoding.upper()} (byte {exc.start}); convert the file to UTF-8"
        ) from None


def read_source(path: str) -> SourceText:
    """Read a file (or standard input for '-') as a SourceText."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    target = Path(path)
    if not target.exists():
        raise InputError(f"{path}: no such file")
    if target.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        return decode(target.read_bytes(), path)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def encode(source: SourceText, text: str) -> bytes:
    """Encode `text` the way `source` was encoded (same codec, same BOM)."""
    bom = b""
    if source.bom:
        bom = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[
            source.encoding
        ]
    return bom + text.encode(source.encoding)


def write_atomic(path: str, data: bytes) -> None:
    """Replace `path` with `data` atomically: temp file in the same folder, fsync, rename.

    The original keeps its permission bits; on any error it is left untouched.
    """
    # Follow a symlink so that the link survives and its target gets the new text.
    target = Path(path).resolve() if Path(path).is_symlink() else Path(path)
    # An existing file keeps its permissions; a new one gets the usual umask-based ones,
    # not the 0600 of the temporary file.
    mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_current_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".cleaner-tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


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
