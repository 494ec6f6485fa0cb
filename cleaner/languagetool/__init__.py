"""LanguageTool integration: a local (or remote) grammar server whose findings join ours.

Public API for the `check` command:

    with GrammarChecker(GrammarOptions(mode="on")) as gc:
        findings = merge_findings(ours, gc.check(text))
"""

from __future__ import annotations

from cleaner.languagetool.cache import CacheStats
from cleaner.languagetool.checker import NOT_INSTALLED, GrammarChecker
from cleaner.languagetool.disabled import DISABLED_RULES
from cleaner.languagetool.merge import merge_findings
from cleaner.languagetool.options import DEFAULT_VERSION, VARIANTS, GrammarOptions

__all__ = [
    "DEFAULT_VERSION",
    "DISABLED_RULES",
    "NOT_INSTALLED",
    "VARIANTS",
    "CacheStats",
    "GrammarChecker",
    "GrammarOptions",
    "merge_findings",
]
