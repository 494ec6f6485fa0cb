"""cleaner: find and fix the damage machine translation leaves in English articles."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["check", "Document", "Finding", "Level", "Rule", "Safety"]
__version__ = "0.1.0"

# The public names are imported on first use, so that `import cleaner.<module>` (the CLI,
# each command) pays only for what it needs.
_PUBLIC = {
    "check": "cleaner.api",
    "Document": "cleaner.document",
    "Finding": "cleaner.model",
    "Level": "cleaner.model",
    "Rule": "cleaner.model",
    "Safety": "cleaner.model",
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'cleaner' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])
