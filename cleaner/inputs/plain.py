"""Plain text: checked as it is, every character; also any file whose extension no format claims."""

from __future__ import annotations

from cleaner.inputs.extracted import Extracted

FORMAT = "text"
EXTENSIONS = (".txt", ".text")
COMMENT = None  # plain text has no comments, so no inline suppressions


def extract(text: str) -> Extracted:
    """The whole text, mapped one to one."""
    return Extracted.identity(text)
