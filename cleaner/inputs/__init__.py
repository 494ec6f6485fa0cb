"""Turn a source file into the text the rules check, and map every finding back to the source.

Markdown and HTML carry markup that is not prose. An extractor copies the prose through
unchanged and replaces everything else (code, URLs, tags, front matter) with a short stand-in,
recording each piece in an offset map. Findings are computed on the checked text and then
moved back, so line and column always point into the file as it is on disk.

    extracted = extract("story.md", source_text)
    findings = extracted.remap(engine.check(extracted.text))
"""

from __future__ import annotations

import functools

from cleaner.inputs.discover import discover, matches_any
from cleaner.inputs.extracted import Builder, Extracted

__all__ = ["Builder", "Extracted", "discover", "extract", "matches_any"]


@functools.lru_cache(maxsize=4)  # the inline-comment filter asks again for the text just checked
def extract(path: str, text: str) -> Extracted:
    """Return the checkable text of a file (its format from its suffix) with its offset map."""
    from cleaner.inputs.registry import format_for_path

    return format_for_path(path).extract(text)
