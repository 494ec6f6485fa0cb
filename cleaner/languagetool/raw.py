"""One LanguageTool match as cleaner stores it: paragraph-relative, plain data, JSON-ready."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class RawMatch:
    """One LanguageTool match, relative to the paragraph that was sent (cacheable as JSON)."""

    offset: int
    length: int
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RawMatch:
        """Rebuild a match stored by to_json."""
        return cls(**{**data, "replacements": tuple(data["replacements"])})
