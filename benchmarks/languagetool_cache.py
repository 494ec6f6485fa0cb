"""Benchmark (not a test): LanguageTool over a ~200 KB corpus, cold cache then warm cache.

    python benchmarks/languagetool_cache.py [--size-kb 200] [--max-memory 512m] [--concurrency 4]

Prints the first (cold: JVM start, rule loading, every paragraph sent) and second (same text,
new GrammarChecker, answered from the on-disk cache) run times, their ratio, and the java
server's peak resident memory. Uses the installed LanguageTool (`cleaner languagetool install`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner.languagetool import GrammarChecker, GrammarOptions  # noqa: E402


def build_corpus(size_kb: int) -> str:
    """Repeat the seed paragraphs, numbered so that every paragraph is distinct, up to size_kb."""
    paragraphs = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        paragraphs += [p.strip() for p in text.split("\n\n") if any(c.isalpha() for c in p)]
    out: list[str] = []
    size, n = 0, 0
    while size < size_kb * 1024:
        copy, index = divmod(n, len(paragraphs))
        para = f"Report {copy + 1}, part {index + 1}. {paragraphs[index]}"
        out.append(para)
        size += len(para.encode("utf-8")) + 2
        n += 1
    return "\n\n".join(out) + "\n"


class PeakRss:
    """Samples the java server's resident memory every 100 ms and keeps the maximum."""

    def __init__(self, checker: GrammarChecker) -> None:
        self.checker = checker
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            pid = self.checker.server_pid
            if pid:
                with contextlib.suppress(psutil.Error):  # the server may stop between samples
                    self.peak = max(self.peak, psutil.Process(pid).memory_info().rss)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


_SECOND = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from cleaner.languagetool import GrammarChecker, GrammarOptions
text = Path(sys.argv[2]).read_text(encoding="utf-8")
with GrammarChecker(GrammarOptions(mode="on", cache_dir=Path(sys.argv[3]), max_memory=sys.argv[4])) as gc:
    gc.check(text)
    assert gc.stats.misses == 0 and gc.server_pid is None
"""


def second_run_in_new_process(corpus: str, cache: Path, max_memory: str) -> float:
    """Time a whole new Python process checking the unchanged corpus (as `cleaner check` would)."""
    path = cache / "corpus.txt"
    path.write_text(corpus, encoding="utf-8")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", _SECOND, str(ROOT), str(path), str(cache), max_memory], check=True
    )
    return time.perf_counter() - started


def main() -> int:
    """Run the two passes and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-kb", type=int, default=200)
    parser.add_argument("--max-memory", default="512m")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    corpus = build_corpus(args.size_kb)
    with tempfile.TemporaryDirectory(prefix="lt-bench-") as cache:
        options = GrammarOptions(
            mode="on", cache_dir=Path(cache), max_memory=args.max_memory,
            concurrency=args.concurrency, timeout=120.0,
        )
        started = time.perf_counter()
        with GrammarChecker(options) as first, PeakRss(first) as rss:
            first.start_server()
            ready = time.perf_counter()
            findings1 = first.check(corpus)
        t1 = time.perf_counter() - started
        check1 = time.perf_counter() - ready
        started = time.perf_counter()
        with GrammarChecker(options) as second:
            findings2 = second.check(corpus)
            jvm_started = second.server_pid is not None
        t2 = time.perf_counter() - started
        t3 = second_run_in_new_process(corpus, Path(cache), args.max_memory)
    assert findings1 == findings2, "the cached run must report exactly the same findings"
    figures = {
        "corpus_bytes": len(corpus.encode("utf-8")),
        "paragraphs": first.stats.misses + first.stats.hits,
        "findings": len(findings1),
        "first_run_s": round(t1, 2),
        "first_run_server_start_s": round(t1 - check1, 2),
        "first_run_checking_s": round(check1, 2),
        "second_run_s": round(t2, 3),
        "speedup": round(t1 / t2, 1),
        "second_run_new_process_s": round(t3, 3),  # with Python start-up and imports
        "speedup_new_process": round(t1 / t3, 1),
        "second_run_cache_hits": second.stats.hits,
        "second_run_misses": second.stats.misses,
        "second_run_started_jvm": jvm_started,
        "server_peak_rss_mb": round(rss.peak / 2**20),
        "xmx": args.max_memory,
        "concurrency": args.concurrency,
    }
    for key, value in figures.items():
        print(f"{key:28} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if figures["speedup"] >= 20 else 1


if __name__ == "__main__":
    sys.exit(main())
