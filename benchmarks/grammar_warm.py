"""Benchmark the warm LanguageTool server: a second `check --grammar` on an edited article.

Starts `cleaner languagetool serve` in a private cache folder (so no server of the user's is
found or disturbed), checks the article once (the warm-up fills the paragraph cache), then
times `check --grammar` after each of N edits (a new sentence in one paragraph, so exactly
that paragraph goes to the server), and stops the server. Uses the installed LanguageTool.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench_timing import time_child


def _install_home() -> str:
    explicit = os.environ.get("CLEANER_LANGUAGETOOL_HOME")
    if explicit:
        return explicit
    xdg = os.environ.get("XDG_CACHE_HOME")
    return str((Path(xdg) if xdg else Path.home() / ".cache") / "cleaner" / "languagetool")


def second_check_seconds(cleaner: str, article_text: str, edits: int = 5, timeout: float = 600) -> list[float]:
    """Wall seconds of each `check --grammar` after an edit, against a warm background server."""
    with tempfile.TemporaryDirectory(prefix="cleaner-lt-bench-") as tmp:
        work = Path(tmp)
        env = {"XDG_CACHE_HOME": str(work / "xdg"), "CLEANER_LANGUAGETOOL_HOME": _install_home()}
        full_env = {**os.environ, **env}
        full_env.pop("CLEANER_LANGUAGETOOL_URL", None)
        serve = subprocess.run([cleaner, "languagetool", "serve", "--idle", "300"], capture_output=True, text=True,
                               env=full_env, timeout=timeout)
        if serve.returncode != 0:
            raise RuntimeError(f"languagetool serve failed: {serve.stderr.strip()[-300:]}")
        try:
            article = work / "article.txt"
            article.write_text(article_text, encoding="utf-8")
            command = [cleaner, "check", "--grammar", "--format", "json"]
            time_child([*command, str(article)], work, work / "out.json", timeout, env)  # warm-up
            times = []
            for n in range(edits):
                paragraphs = article_text.split("\n\n")
                paragraphs[n % len(paragraphs)] += f" The committee meet again on day {n + 1}."
                article.write_text("\n\n".join(paragraphs), encoding="utf-8")
                run, code, tail = time_child([*command, str(article)], work, work / "out.json", timeout, env)
                if code not in (0, 1):
                    raise RuntimeError(f"check --grammar exited {code}: {tail}")
                times.append(run.wall)
            return times
        finally:
            subprocess.run([cleaner, "languagetool", "stop"], capture_output=True, env=full_env, timeout=120)
            time.sleep(0.5)


def median_second_check(cleaner: str, article_text: str, edits: int = 5) -> float:
    """Median of `second_check_seconds`."""
    return statistics.median(second_check_seconds(cleaner, article_text, edits))
