"""LanguageTool integration: a local (or remote) grammar server whose findings join ours.

Install (once; the only step that downloads, from Maven Central with `mvn`, Java 17+):

    cleaner languagetool install   # into ~/.cache/cleaner/languagetool or $CLEANER_LANGUAGETOOL_HOME
    cleaner languagetool status    # version, java, server reachability, cache size

Use: `cleaner check --grammar FILE` starts a java server on a free 127.0.0.1 port at the first
paragraph the cache cannot answer, reuses it for every file, and stops it on exit, Ctrl-C,
SIGTERM or an exception (Linux's parent-death signal covers even SIGKILL). `--grammar auto`
warns and goes on without it; `--languagetool-url URL` or $CLEANER_LANGUAGETOOL_URL uses a
running server instead. The server's heap is bounded by `-Xmx` (GrammarOptions.max_memory,
default 512m: resident size peaks near 500 MB). Results are cached per paragraph in
$CLEANER_CACHE_DIR or ~/.cache/cleaner/lt-cache, keyed by LanguageTool version, variant, rule
set and text, so a re-check sends only changed paragraphs. Which rules are reported is measured
(cleaner/languagetool/disabled.py reads rules.tsv, which benchmarks/languagetool_rules.py writes);
spelling matches on names need evidence (spelling.py); quotes that pair up are no finding (quotes.py).

A server that outlives one run (cleaner/languagetool/warm.py): `cleaner languagetool serve`
starts one in the background (loopback only; it stops after --idle seconds without a check,
or with `cleaner languagetool stop`); every `check --grammar` finds it through its state file
and uses it instead of starting Java. With CLEANER_LANGUAGETOOL_KEEP_ALIVE=SECONDS the first
`check --grammar` starts it itself.

API for the `check` command:

    with GrammarChecker(GrammarOptions(mode="on")) as gc:
        findings = merge_findings(ours, gc.check(text))
"""

from __future__ import annotations

import importlib
from typing import Any

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

# Imported on first use: a plain `cleaner check` never loads the grammar machinery, and the
# CLI can read a submodule (options, install) without importing the client and its HTTP stack.
_WHERE = {
    "CacheStats": "cache",
    "NOT_INSTALLED": "checker",
    "GrammarChecker": "checker",
    "DISABLED_RULES": "disabled",
    "merge_findings": "merge",
    "DEFAULT_VERSION": "options",
    "VARIANTS": "options",
    "GrammarOptions": "options",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
