"""Inputs: Markdown and HTML extraction with exact positions, discovery, suppressions, baseline, git diff."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.errors import InputError
from cleaner.gitdiff import ChangedLines, DiffFilter, changed_lines, parse_diff
from cleaner.inputs import discover, extract, matches_any
from cleaner.inputs.registry import directive_pattern, extensions, format_for_path, registry
from cleaner.document import LineIndex
from cleaner.inputs.extracted import Builder
from cleaner.model import Finding, Level, Safety
from cleaner.runner import CheckOptions, check_source
from cleaner.suppress import BaselineFilter, InlineFilter, entries_for, parse_inline, write_baseline
from cleaner.textio import SourceText

DOUBLE = "The minister resigned.. Officials declined to comment."


def pu101(path: str, text: str) -> list[Finding]:
    """Check a source through the runner (extraction + remap) and keep the PU101 findings."""
    report = check_source(SourceText(path, text), CheckOptions(readability=False))
    return [f for f in report.findings if f.code == "PU101"]


def assert_positions_true(text: str, findings: list[Finding]) -> None:
    """Every finding's offsets, line, column and text must describe the source itself."""
    index = LineIndex(text)
    for f in findings:
        assert text[f.start : f.end] == f.text
        assert (f.line, f.column) == index.line_col(f.start)
        assert (f.end_line, f.end_column) == index.line_col(f.end)


# --- Markdown ----------------------------------------------------------------------------

MARKDOWN = """\
---
title: Front matter.. is skipped
---

# Storm hits the coast

The storm arrived on Monday.. Officials said roads were closed.

```text
Code block.. is skipped.
```

~~~
Tilde fence.. too.
~~~

Run `a..b` or ``x..y`` and see [the report..](https://example.com/a..b "t..t") or <https://x.org/a..b>.
A bare link https://example.com/c..d is skipped. <!-- a comment.. --> The **mayor** spoke.. Residents listened.

- first item is fine. Old news stays.. Nobody minds.
"""


def test_markdown_skips_code_urls_comments_front_matter_and_points_at_the_source() -> None:
    found = pu101("story.md", MARKDOWN)
    assert_positions_true(MARKDOWN, found)
    lines = MARKDOWN.splitlines()
    got = [(f.line, lines[f.line - 1][f.column - 1 - 6 : f.column - 1]) for f in found]
    # the link text "the report.." is prose, so its doubled stop is reported too
    assert [line for line, _ in got] == [7, 17, 18, 20]
    assert got[0] == (7, "Monday") and got[2] == (18, " spoke") and got[3] == (20, " stays")
    assert all(f.fixable for f in found)


def test_markdown_text_replaces_markup_and_keeps_prose() -> None:
    text = extract("a.md", MARKDOWN).text
    assert "Code block" not in text and "Front matter" not in text and "example.com" not in text
    assert "a comment" not in text and "**" not in text and "#" not in text
    assert "Run X or X and see the report.. or X." in text
    assert "\n\nStorm hits the coast\n\n" in text  # a heading is a paragraph of its own


def test_unclosed_fence_runs_to_the_end() -> None:
    assert pu101("a.md", f"{DOUBLE}\n\n```\n{DOUBLE}\n") and len(pu101("a.md", f"{DOUBLE}\n\n```\n{DOUBLE}\n")) == 1


def test_crlf_markdown_positions() -> None:
    text = MARKDOWN.replace("\n", "\r\n")
    found = pu101("a.md", text)
    assert [f.line for f in found] == [7, 17, 18, 20]
    assert_positions_true(text, found)


# --- HTML --------------------------------------------------------------------------------

HTML = """\
<!DOCTYPE html>
<html><head><title>Title.. here</title>
<style>p::after { content: "a..b"; }</style>
<script>var x = "a..b";</script></head>
<body>
<nav>Menu.. item and more. Next one.</nav>
<article class="story..x">
  <h1>The   headline</h1>
  <p>The minister resigned&hellip; then <em>left</em>.. Officials
     declined to comment.</p>
  <p data-x="y..z">AT&amp;T said.. Next&nbsp;one came.</p>
  <pre>code.. here. More code.</pre>
  <p hidden>Hidden.. text. More hidden.</p>
  <!-- comment.. here -->
  <p>Caf&eacute; owner said.. Then he left.</p>
</article>
<footer>Footer.. text. More footer.</footer>
</body></html>
"""


def test_html_checks_only_the_visible_article_text() -> None:
    found = pu101("page.html", HTML)
    assert_positions_true(HTML, found)
    assert [(f.line, f.column) for f in found] == [(9, 54), (11, 33), (15, 28)]
    text = extract("page.html", HTML).text
    for hidden in ("Title", "content", "var x", "Menu", "story..x", "y..z", "code..", "Hidden", "comment..", "Footer"):
        assert hidden not in text
    assert "resigned… then left.. Officials declined" in text
    assert "AT&T said.. Next one came." in text and "Café owner" in text


def test_html_without_a_container_is_a_fragment_and_entities_map_whole() -> None:
    source = "<p>Fish &amp; chips.. Then&#8230; more text here.</p>"
    extracted = extract("frag.htm", source)
    assert extracted.text.startswith("Fish & chips.. Then… more")
    [finding] = pu101("frag.htm", source)
    assert source[finding.start : finding.end] == ".."
    amp = extracted.text.index("&")
    assert extracted.to_source(amp) == source.index("&amp;")
    assert extracted.to_source(amp + 1, is_end=True) == source.index("&amp;") + 5


# --- the offset map ----------------------------------------------------------------------


def test_builder_maps_kept_text_exactly_and_stand_ins_as_a_whole() -> None:
    source = "ab<tag>cd&amp;ef"
    b = Builder(source)
    b.keep(2)
    b.replace(7, "")
    b.keep(9)
    b.replace(14, "&")
    extracted = b.build()
    assert extracted.text == "abcd&ef"
    assert [extracted.to_source(i) for i in range(8)] == [0, 1, 7, 8, 9, 14, 15, 16]
    assert extracted.to_source(2, is_end=True) == 2 and extracted.to_source(4, is_end=True) == 9
    assert extracted.is_exact(2, 4) and not extracted.is_exact(1, 3) and not extracted.is_exact(4, 5)


def test_fixes_are_dropped_when_the_span_crosses_markup() -> None:
    b = Builder("x<b>y")
    b.keep(1)
    b.replace(4, "")
    extracted = b.build()
    finding = Finding("PU101", "p", "c", Level.WARNING, "m", 0, 2, 1, 1, 1, 3, "xy", (".",), Safety.SAFE)
    [moved] = extracted.remap([finding])
    assert (moved.start, moved.end, moved.text, moved.replacements, moved.fixable) == (0, 5, "x<b>y", (), False)


markdownish = st.lists(
    st.sampled_from(
        ["word", " ", "\n", "\n\n", "..", ".", "`", "``", "```", "~~~", "#", "- ", "*", "_", "[", "](", ")",
         "<!--", "-->", "<b>", "</b>", "http://x.y/a..b", "---\n", "&amp;", "&#x41;", "<script>", "</script>",
         "<p>", "</p>", "<article>", "é", "\r\n", ">", "\\"]
    ),
    max_size=60,
).map("".join)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(markdownish, st.sampled_from(["a.md", "a.html", "a.txt"]))
def test_extraction_never_breaks_and_maps_inside_the_source(source: str, path: str) -> None:
    extracted = extract(path, source)
    for i in range(len(extracted.text) + 1):
        assert 0 <= extracted.to_source(i) <= len(source)
        assert 0 <= extracted.to_source(i, is_end=True) <= len(source)
    for seg in extracted.segments:
        if seg.exact:
            assert extracted.text[seg.start : seg.end] == source[seg.src_start : seg.src_end]
    assert_positions_true(source, pu101(path, source))


# --- discovery ---------------------------------------------------------------------------


def test_formats_and_globs() -> None:
    names = [format_for_path(p).name for p in ("a.MD", "b.html", "c.htm", "d.txt", "e", "f.mdown", "g.mkd", "h.XHTML")]
    assert names == ["markdown", "html", "html", "text", "text", "markdown", "markdown", "html"]
    assert matches_any("articles/drafts/a.md", ["drafts"])
    assert matches_any("articles/2019/a.md", ["articles/**"]) and not matches_any("x/articles/a.md", ["articles/*"])
    assert matches_any("a/b/c.md", ["**/*.md"]) and matches_any("c.md", ["**/*.md"]) and not matches_any("c.txt", ["*.md"])


def test_discover_walks_folders_with_include_exclude_and_sorts(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.html", "x.png", "drafts/d.md", ".git/e.md", "sub/f.markdown", "sub/g.cfg"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    rel = lambda paths: [Path(p).relative_to(tmp_path).as_posix() for p in paths]  # noqa: E731
    assert rel(discover([str(tmp_path)], tmp_path)) == ["a.txt", "b.md", "c.html", "drafts/d.md", "sub/f.markdown"]
    assert rel(discover([str(tmp_path)], tmp_path, exclude=["drafts", "*.txt"])) == ["b.md", "c.html", "sub/f.markdown"]
    assert rel(discover([str(tmp_path)], tmp_path, include=["*.cfg", "b.md"])) == ["b.md", "sub/g.cfg"]
    explicit = [str(tmp_path / "sub/g.cfg"), str(tmp_path / "a.txt"), str(tmp_path / "a.txt")]
    assert rel(discover(explicit, tmp_path)) == ["a.txt", "sub/g.cfg"]
    assert rel(discover(explicit, tmp_path, exclude=["sub/*.cfg"])) == ["a.txt"]
    for name in ("m.mdown", "n.mkd", "o.xhtml"):  # every suffix a format claims is walked, not only some
        (tmp_path / "more" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "more" / name).write_text("x", encoding="utf-8")
    assert rel(discover([str(tmp_path / "more")], tmp_path)) == ["more/m.mdown", "more/n.mkd", "more/o.xhtml"]


# --- inline suppressions ------------------------------------------------------------------


def test_inline_directives_parse_into_regions_and_lines() -> None:
    text = "a\n<!-- cleaner-disable PU101, names -->\nb\n<!-- cleaner-enable PU101 -->\n<!-- cleaner-disable-next-line -->\nc\n"
    inline = parse_inline(text)
    assert [(s, e, sel) for s, e, sel in inline.regions] == [
        (text.index("-->") + 3, text.index("<!-- cleaner-enable"), ("PU101",)),
        (text.index("-->") + 3, len(text), ("names",)),
    ]
    assert inline.lines == ((6, ("ALL",)),)


def test_inline_suppressions_silence_only_what_they_name() -> None:
    text = (
        f"{DOUBLE}\n\n<!-- cleaner-disable punctuation -->\n{DOUBLE}\n<!-- cleaner-enable -->\n\n"
        f"<!-- cleaner-disable-next-line names -->\n{DOUBLE}\n\n<!-- cleaner-disable-next-line PU101 -->\n{DOUBLE}\n"
    )
    kept = InlineFilter()(SourceText("a.md", text), pu101("a.md", text))
    assert [f.line for f in kept] == [1, 8]
    # In plain text a comment is just text: nothing is silenced.
    assert len(InlineFilter()(SourceText("a.txt", text), pu101("a.txt", text))) == 4
    # Every format with comments honours them, whatever its suffix.
    assert [f.line for f in InlineFilter()(SourceText("a.mkd", text), pu101("a.mkd", text))] == [1, 8]


def test_a_misspelt_directive_or_selector_is_warned_about_and_silences_nothing(tmp_path: Path) -> None:
    from tests_support import run_cli

    story = tmp_path / "story.md"
    story.write_text(
        f"<!-- cleaner-disabel PU101 -->\n{DOUBLE}\n\n<!-- cleaner-disable PU1O1, names -->\n{DOUBLE}\n\n"
        f"<!-- cleaner-disable-nextline -->\n{DOUBLE}\n",
        encoding="utf-8",
    )
    done = run_cli("check", "--select", "PU101", "--no-readability", "-f", "json", str(story))
    assert [f["line"] for f in json.loads(done.stdout)["files"][0]["findings"]] == [2, 5, 8]
    assert done.stderr.decode().splitlines() == [
        f"cleaner: warning: {story}:1: unknown directive `cleaner-disabel` (expected cleaner-disable, "
        "cleaner-enable, cleaner-disable-next-line); ignored",
        f"cleaner: warning: {story}:4: `PU1O1` in cleaner-disable matches no rule",
        f"cleaner: warning: {story}:7: unknown directive `cleaner-disable-nextline` (expected cleaner-disable, "
        "cleaner-enable, cleaner-disable-next-line); ignored",
    ]
    again = tmp_path / "again.md"
    again.write_bytes(story.read_bytes())
    fixed = run_cli("fix", "--select", "PU101", "--no-readability", str(again))  # a check per pass, a warning once
    assert fixed.stderr.decode().count(f"cleaner: warning: {again}:") == 3


def test_the_input_registry_is_one_table() -> None:
    assert list(registry())[0] == "text" and set(registry()) >= {"text", "markdown", "html"}
    claimed = [ext for fmt in registry().values() for ext in fmt.extensions]
    assert len(claimed) == len(set(claimed)) == len(extensions())
    assert all(ext.startswith(".") and ext == ext.lower() for ext in claimed)
    from cleaner.config import EffectiveConfig

    assert EffectiveConfig().extensions == extensions()  # folder walks take every registered suffix
    for fmt in registry().values():
        assert fmt.summary and fmt.extract("A text.").text.strip() == "A text.", fmt.name


def test_a_line_comment_syntax_parses_directives() -> None:
    text = "a\n# cleaner-disable-next-line PU101\nb..\n# cleaner-disable names\nc\n"
    inline = parse_inline(text, ("#", None))
    assert inline.lines == ((3, ("PU101",)),) and inline.regions[0][2] == ("names",)
    assert directive_pattern(("#", None)).pattern.endswith("$")


# --- baseline ----------------------------------------------------------------------------


def test_baseline_survives_edits_above_and_reports_new_occurrences(tmp_path: Path) -> None:
    story = tmp_path / "articles" / "a.md"
    story.parent.mkdir()
    text = f"{DOUBLE}\n\nMiddle paragraph.\n\n{DOUBLE}\n"
    report = check_source(SourceText(str(story), text), CheckOptions(readability=False))
    baseline = tmp_path / "baseline.json"
    assert write_baseline(baseline, entries_for(report, tmp_path)) == len(report.findings) >= 2
    data = json.loads(baseline.read_text())
    assert data["version"] == 1 and {e["path"] for e in data["findings"]} == {"articles/a.md"}
    edited = f"New intro.\n\n{DOUBLE}\n\nMiddle paragraph, longer now.\n\n{DOUBLE}\n\nThe mayor spoke.. Residents listened.\n\n{DOUBLE}\n"
    left = BaselineFilter.load(baseline)(SourceText(str(story), edited), pu101(str(story), edited))
    # Two of the three identical sentences are in the baseline; the third and the new one are reported.
    assert [f.line for f in left] == [9, 11]


@pytest.mark.parametrize("content", ["{", "[]", '{"version": 2, "findings": []}', '{"version": 1, "findings": [{"path": "a"}]}'])
def test_bad_baseline_is_an_input_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="b.json"):
        BaselineFilter.load(path)
    with pytest.raises(InputError, match="--write-baseline"):
        BaselineFilter.load(tmp_path / "missing.json")


# --- git diff ----------------------------------------------------------------------------

DIFF = """\
diff --git a/articles/a.md b/articles/a.md
index 1..2 100644
--- a/articles/a.md
+++ b/articles/a.md
@@ -3,0 +4,2 @@ x
+new
+new
@@ -10 +12 @@
-old
+changed
@@ -20,2 +22,0 @@
-gone
diff --git a/old.md b/old.md
deleted file mode 100644
--- a/old.md
+++ /dev/null
@@ -1 +0,0 @@
-bye
"""


def test_parse_diff_collects_new_side_lines() -> None:
    assert parse_diff(DIFF) == {"articles/a.md": frozenset({4, 5, 12})}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=cwd, check=True, capture_output=True)


def test_changed_lines_from_a_real_repository(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    (tmp_path / "a.md").write_text("one\ntwo\nthree\n", encoding="utf-8")
    _git(tmp_path, "add", "a.md")
    _git(tmp_path, "commit", "-qm", "init")
    (tmp_path / "a.md").write_text("one\nTWO\nthree\nfour\n", encoding="utf-8")
    (tmp_path / "new.md").write_text("fresh\n", encoding="utf-8")
    changed = changed_lines("HEAD", tmp_path)
    assert changed.lines_for(str(tmp_path / "a.md")) == frozenset({2, 4})
    assert changed.lines_for(str(tmp_path / "new.md")) is None
    finding = lambda line: Finding("PU101", "p", "c", Level.WARNING, "m", 0, 1, line, 1, line, 2, "x")  # noqa: E731
    kept = DiffFilter(changed)(SourceText(str(tmp_path / "a.md"), ""), [finding(1), finding(2), finding(3), finding(4)])
    assert [f.line for f in kept] == [2, 4]
    with pytest.raises(InputError, match="unknown git revision 'nope'"):
        changed_lines("nope", tmp_path)


def test_diff_base_outside_a_repository_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--diff-base"):
        changed_lines("HEAD", tmp_path)
    assert ChangedLines(tmp_path, {}, frozenset()).lines_for("/elsewhere/x.md") is None
