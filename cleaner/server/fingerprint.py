"""The stamp of the code and rule files a check server loaded, by name, size and times (no reading)."""

from __future__ import annotations

import os

try:  # as cleaner.compiled_cache: blake2b without loading OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b

import cleaner


def of_install() -> str:
    """A stamp of every file of the cleaner package and of the built-in rule pack (bytecode aside).

    Size, modification and change times of each file, and the file names: an edit, an install over
    it, a new or removed rule file all change it. About 400 stats: a few milliseconds per request.
    """
    from cleaner.loader import builtin_rules_dir

    package = os.path.dirname(os.path.abspath(cleaner.__file__))
    rules = str(builtin_rules_dir())
    folders = [package] if rules.startswith(package + os.sep) else [package, rules]
    digest = blake2b(digest_size=16)
    count = 0
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                path = os.path.join(root, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\n".encode("utf-8", "surrogateescape"))
                count += 1
    return f"{count}:{digest.hexdigest()}"
