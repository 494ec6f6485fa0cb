"""Find the `java` that runs the LanguageTool server and check that it is new enough."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import GrammarError

#: LanguageTool 6.x is compiled for Java 17.
MIN_JAVA = 17

_VERSION_RE = re.compile(r'version "(?P<v>[^"]+)"')


@dataclass(frozen=True)
class Java:
    """A java executable and the version it reports."""

    path: Path
    version: str

    @property
    def major(self) -> int:
        """Return the major version: 17 for "17.0.15", 8 for "1.8.0_392"."""
        parts = re.findall(r"\d+", self.version)
        if not parts:
            return 0
        first = int(parts[0])
        return int(parts[1]) if first == 1 and len(parts) > 1 else first


def find_java() -> Java:
    """Return $JAVA_HOME/bin/java or the `java` on PATH, or raise GrammarError when there is none."""
    candidates: list[str] = []
    home = os.environ.get("JAVA_HOME")
    if home:
        candidates.append(str(Path(home) / "bin" / "java"))
    on_path = shutil.which("java")
    if on_path:
        candidates.append(on_path)
    for candidate in candidates:
        if os.access(candidate, os.X_OK):
            java = Java(Path(candidate), _java_version(candidate))
            if java.major < MIN_JAVA:
                raise GrammarError(
                    f"LanguageTool needs Java {MIN_JAVA} or newer; {candidate} is Java {java.version}"
                )
            return java
    raise GrammarError(
        f"Java is not installed (no `java` on PATH or in $JAVA_HOME); LanguageTool needs Java {MIN_JAVA}+"
    )


def _java_version(path: str) -> str:
    """Return the version string `java -version` prints (on stderr, as Java does)."""
    try:
        done = subprocess.run(
            [path, "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise GrammarError(f"cannot run {path} -version: {e}") from e
    match = _VERSION_RE.search(done.stderr + done.stdout)
    return match.group("v") if match else "unknown"
