"""Reading articles as text, byte-faithful to the original (writing back: cleaner.atomic).

Only regular files are read, and only up to a size limit, so a FIFO, a device such as
/dev/zero or a runaway file ends the run with a one-line error instead of a hang.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import InputError

DEFAULT_MAX_BYTES = 100 * 1024 * 1024  # `max-file-size`: far above any article, far below a runaway file
_BINARY_SNIFF = 8192
# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LONE_CR = re.compile(r"\r(?!\n)")


@dataclass(frozen=True)
class SourceText:
    """A decoded article and what is needed to write it back the same way."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False


def normalize_newlines(text: str) -> str:
    """Turn each lone CR (old Mac line ends) into LF; the length, so every offset, stays the same."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def decode(data: bytes, path: str) -> SourceText:
    """Decode bytes as UTF-8 (or UTF-16/UTF-32 with a BOM); refuse binary data with a clear error."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return SourceText(path, _strict(data[len(bom) :], encoding, path), encoding, True)
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


def read_source(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read a regular file (or standard input for '-') of at most `max_bytes` as a SourceText."""
    if path == "-":
        return decode(_read_capped(sys.stdin.buffer, max_bytes, "<stdin>"), "<stdin>")
    return decode(read_regular_file(path, max_bytes), path)


def read_regular_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Return the bytes of a regular file; anything else (FIFO, device, folder) is an InputError."""
    _require_regular(path, os_stat(path))
    try:
        # O_NONBLOCK: if a FIFO was swapped in after the check, opening it must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {describe(exc)}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        _require_regular(path, info)
        if info.st_size > max_bytes:
            raise InputError(_too_big(path, max_bytes))
        try:
            return _read_capped(handle, max_bytes, path)
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {describe(exc)}") from None


def os_stat(path: str) -> os.stat_result:
    """`os.stat` with the failure turned into a one-line InputError (missing, loop, name too long)."""
    try:
        return os.stat(path)
    except OSError as exc:
        raise InputError(f"{path}: {describe(exc)}") from None
    except ValueError as exc:  # an embedded NUL byte
        raise InputError(f"{path}: invalid file name ({exc})") from None


def _require_regular(path: str, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file ({_file_type(info.st_mode)}); only regular files are read")


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):  # fmt: skip
        if test(mode):
            return name
    return "not a file"


def _read_capped(handle, max_bytes: int, path: str) -> bytes:
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(_too_big(path, max_bytes))
    return data


def _too_big(path: str, max_bytes: int) -> str:
    return f"{path}: larger than the size limit of {format_size(max_bytes)} (raise `max-file-size` to check it)"


_SIZE_FACTORS = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def parse_size(text: str) -> int:
    """Return the bytes of a size written like "100m" (k, m or g: binary multiples)."""
    return int(text[:-1]) * _SIZE_FACTORS[text[-1]]


def format_size(size: int) -> str:
    """Return a byte count the way the configuration writes it: 100m, 512k, 2g or bytes."""
    for unit, factor in sorted(_SIZE_FACTORS.items(), key=lambda item: -item[1]):
        if size >= factor and size % factor == 0:
            return f"{size // factor}{unit}"
    return f"{size} bytes"


def describe(exc: OSError) -> str:
    """Return a short, lower-case reason for an OS error ("no such file", "symbolic link loop")."""
    reasons = {
        errno.ENOENT: "no such file or folder",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "symbolic link loop",
        errno.ENAMETOOLONG: "file name too long",
        errno.EISDIR: "is a directory",
        errno.ENOTDIR: "a part of the path is not a folder",
    }
    return reasons.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()


def encode(source: SourceText, text: str) -> bytes:
    """Encode `text` the way `source` was encoded (same codec, same BOM)."""
    bom = next((mark for mark, name in _BOMS if name == source.encoding), b"") if source.bom else b""
    return bom + text.encode(source.encoding)


def distinct_paths(paths: list[str]) -> list[str]:
    """Drop paths that name a file already listed (./a.txt, a.txt, /abs/a.txt), keeping the first."""
    seen: set[str] = set()
    out: list[str] = []
    for path in paths:
        key = path if path == "-" else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out
