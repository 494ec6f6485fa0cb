"""Fuzz every input format x check/fix (hypothesis), plus the committed corpus of reproducers.

Bounded for CI: each target runs CLEANER_FUZZ_EXAMPLES examples (default 300); raise it for a
longer local run. The CLI targets run fewer examples, since each one starts a process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.errors import InputError
from cleaner.textio import decode
from fuzz_support import KINDS, assert_safe, corpus_files
from tests_support import run_cli

pytestmark = pytest.mark.slow  # timing ratios and hundreds of generated inputs: the full lane only

EXAMPLES = int(os.environ.get("CLEANER_FUZZ_EXAMPLES", "300"))

_PROSE = [
    "The", "king", "Wang", "I", "called", "Said", "said", "“", "”", '"', ".", "..", ". ..", ",", ",,", " ", "\n",
    "\n\n", "In", "February", "according", "TajikistanThe", "C + C5", "10 point", "Russian-Ukraine war", "Mr.",
    "é", "\t", "’", "‘", "He left.. Then.", "western sanctions", "Ministry of Foreign Affairs Said.",
]  # fmt: skip
_HOSTILE = [
    "http://e.com/a..b", "(www.e.com/x..y)", "jane..doe@e.com", "/usr/a..b", "./docs/a..b", "`a..b`", "my_var..x",
    "\r", "\r\n", "\x1b[31m", "\u202e", "\x0b", "\u2028", "\ufeff", "\x00", "<!-- cleaner-disable -->",
    "<!-- cleaner-disable-next-line -->", "<!-- cleaner-enable -->",
]  # fmt: skip
_MARKUP = {
    "txt": [],
    "md": ["<!--", "-->", "```\n", "~~~\n", "`", "``", "[a](http://e.com/a..b)", "<http://e.com/a..b>", "# ", "* ",
           "> ", "- ", "1. ", "---\n", "+++\n", "[ref]: /a..b", "![x](y..z)", "<b>", "</b>", "\\", "_", "*"],
    "html": ["<p>", "</p>", "<script>", "</script>", "<!--", "-->", '<a href="/a..b">', "</a>", "<style>", "</style>",
             "&amp;", "&#x41;", "&nbsp;", "&#", "<![", "<?x", "<br/>", "<article>", "</article>", '<p title="a..b">',
             "<pre>", "</pre>", "<code>", "</code>", "<textarea>", "<div hidden>", "</div>", "<", ">", '"', "<a"],
}  # fmt: skip


def documents(suffix: str) -> st.SearchStrategy[str]:
    """Texts built from prose, hostile fragments and the format's markup (and plain random text)."""
    pieces = st.sampled_from(_PROSE + _HOSTILE + _MARKUP[suffix])
    return st.one_of(st.lists(pieces, max_size=60).map("".join), st.text(max_size=300))


def _target(suffix: str):
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(documents(suffix))
    def run(text: str) -> None:
        assert_safe(suffix, text)

    return run


test_fuzz_text_check_and_fix = _target("txt")
test_fuzz_markdown_check_and_fix = _target("md")
test_fuzz_html_check_and_fix = _target("html")


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_reproducer_is_handled_safely(path: Path) -> None:
    try:
        text = decode(path.read_bytes(), path.name).text
    except InputError:
        pytest.skip("not text: exercised through the CLI only")
    assert_safe(path.suffix.lstrip("."), text)


def test_the_corpus_through_the_cli(tmp_path: Path) -> None:
    # One process per command for the whole corpus: check, fix, and a second fix with nothing left.
    for path in corpus_files():
        shutil.copy(path, tmp_path / path.name)
    checked = run_cli("check", "--no-readability", ".", cwd=tmp_path)
    assert checked.returncode == 1 and b"Traceback" not in checked.stderr, checked.stderr
    fixed = run_cli("fix", "--no-readability", ".", cwd=tmp_path)
    assert fixed.returncode in (0, 1) and b"Traceback" not in fixed.stderr, fixed.stderr
    again = run_cli("fix", "--diff", "--no-readability", ".", cwd=tmp_path)
    assert again.returncode == 0 and again.stdout == b"", again.stdout[:500]


def assert_clean_exit(proc: subprocess.CompletedProcess) -> None:
    """A documented exit code, no traceback, and a one-line message for input errors."""
    assert proc.returncode in (0, 1, 2), proc.stderr
    assert b"Traceback" not in proc.stderr and b"internal error" not in proc.stderr
    if proc.returncode == 2:
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


@pytest.mark.parametrize("suffix", sorted(KINDS))
def test_fuzz_the_cli_per_format(suffix: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    @settings(max_examples=max(EXAMPLES // 20, 3), deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(documents(suffix).map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=200)))
    def run(data: bytes) -> None:
        folder = tmp_path_factory.mktemp("cli")
        (folder / f"a.{suffix}").write_bytes(data)
        for command in (["check"], ["fix", "--diff"], ["fix"]):
            assert_clean_exit(run_cli(*command, "--no-readability", f"a.{suffix}", cwd=folder))

    run()


def test_the_atheris_harness_when_installed(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    work = tmp_path / "corpus"
    work.mkdir()
    for path in corpus_files():
        shutil.copy(path, work / path.name)
    harness = Path(__file__).resolve().parent / "fuzz_atheris.py"
    proc = subprocess.run(
        [sys.executable, str(harness), str(work), f"-runs={EXAMPLES}", "-max_len=1024"],
        capture_output=True, cwd=tmp_path, timeout=900,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
