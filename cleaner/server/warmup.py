"""Build everything a check needs once, in the server, before it forks children that share it."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

# A text of our own (no page's sentences): a few paragraphs of plain news, so the check's lazily
# built tables (word classes, names, readability) are built too, and without directives, so no
# once-per-process warning is spent on it.
_TEXT = """\
City council approves new budget for public transport

The city council voted on Tuesday to approve a budget that adds three bus lines and
extends the evening service of the tram network, officials said.

"We listened to residents who work late," said the mayor, Anna Lindqvist, at a press
conference. The plan costs about 12 million dollars over two years.

Critics said the money would be better spent on repairing roads. The vote passed by
seven to four, and the first new line is expected to open in March.
"""


def warm_up() -> None:
    """Import cleaner's check path and run one check of a small text (output discarded)."""
    from cleaner import cli
    from cleaner.report import formats

    cli.build_app()  # typer and every command's module: checks with other options need them
    for name in formats.names("check"):
        formats.module_for(name, "check")
    folder = tempfile.mkdtemp(prefix="cleaner-warmup-")
    here = os.getcwd()
    saved = sys.stdout
    try:
        article = os.path.join(folder, "article.txt")
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(_TEXT)
        config = os.path.join(folder, ".cleaner.toml")
        open(config, "w", encoding="utf-8").close()  # an empty configuration: no user's file is read
        os.chdir(folder)
        with open(os.devnull, "w", encoding="utf-8") as sink:
            sys.stdout = sink
            _check(article, config)
    finally:
        sys.stdout = saved
        os.chdir(here)
        shutil.rmtree(folder, ignore_errors=True)
    _forget_per_process_state()


def _check(article: str, config: str) -> None:
    from pathlib import Path

    from cleaner import code_cache
    from cleaner.regex_cache import CHECK, warm_session

    with warm_session(CHECK), code_cache.session():
        from cleaner.commands.check_run import run_check

        run_check([article], config=Path(config))


def _forget_per_process_state() -> None:
    """Drop what the warm-up left that a check must not inherit: once-per-process warnings."""
    from cleaner import suppress

    suppress._warn_once.cache_clear()
