"""What a grammar check is allowed to use: mode, server URL, variant, rules, paths, limits."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

#: The LanguageTool release `cleaner languagetool install` fetches from Maven Central.
DEFAULT_VERSION = "6.8"
#: Languages LanguageTool's English module serves; the first is the default.
VARIANTS = ("en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA")

URL_ENV = "CLEANER_LANGUAGETOOL_URL"
HOME_ENV = "CLEANER_LANGUAGETOOL_HOME"
CACHE_ENV = "CLEANER_CACHE_DIR"

Mode = Literal["off", "on", "auto"]


def cleaner_cache_root() -> Path:
    """Return cleaner's cache root: $XDG_CACHE_HOME/cleaner or ~/.cache/cleaner."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "cleaner"


def default_install_dir() -> Path:
    """Return where LanguageTool is installed: $CLEANER_LANGUAGETOOL_HOME or <cache>/languagetool."""
    env = os.environ.get(HOME_ENV)
    return Path(env).expanduser() if env else cleaner_cache_root() / "languagetool"


def default_cache_dir() -> Path:
    """Return where checked paragraphs are cached: $CLEANER_CACHE_DIR or <cache>/lt-cache."""
    env = os.environ.get(CACHE_ENV)
    return Path(env).expanduser() if env else cleaner_cache_root() / "lt-cache"


def env_url() -> str | None:
    """Return the server URL from $CLEANER_LANGUAGETOOL_URL, or None when unset or empty."""
    return os.environ.get(URL_ENV) or None


@dataclass(frozen=True)
class GrammarOptions:
    """Settings for one GrammarChecker; `None` paths and URL fall back to the environment."""

    mode: Mode = "on"
    url: str | None = None
    variant: str = "en-US"
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    allow_fix_rules: tuple[str, ...] = ()
    cache_dir: Path | None = None
    install_dir: Path | None = None
    max_memory: str = "512m"  # the java server's -Xmx; 512m holds the English module comfortably
    timeout: float = 60.0  # seconds for one paragraph's request
    start_timeout: float = 120.0  # seconds for the JVM to load rules and answer /v2/healthcheck
    version: str | None = None  # None: the newest release found in install_dir
    concurrency: int = 4  # paragraphs in flight at once; the server's thread pool matches it
    use_cache: bool = True
    raw: bool = False  # every match LanguageTool makes: no measured rule list, no name screening (benchmarks)
    # Seconds a background server started for this run stays up after its last use; None reads
    # CLEANER_LANGUAGETOOL_KEEP_ALIVE, 0 means a server of this run's own, stopped at its end.
    keep_alive: float | None = None

    def resolved_url(self) -> str | None:
        """Return the explicit URL, else the environment's, else None."""
        return self.url or env_url()

    def resolved_install_dir(self) -> Path:
        """Return install_dir or its environment/default location."""
        return Path(self.install_dir).expanduser() if self.install_dir else default_install_dir()

    def resolved_cache_dir(self) -> Path:
        """Return cache_dir or its environment/default location."""
        return Path(self.cache_dir).expanduser() if self.cache_dir else default_cache_dir()
