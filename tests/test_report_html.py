"""`cleaner report`: the self-contained HTML review page.

The seed's page is rendered through the real CLI and parsed back: every finding must be
highlighted at its exact offsets, the side-by-side rows must be the real original and fixed
lines, and both readability figures must be on the chart. Hostile article text, file names
and rule messages must come out as text. A real headless Chromium renders the page.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cleaner.fixer import FixResult
from cleaner.model import FileReport, Finding, Level, Rule, Safety
from cleaner.readability import score
from cleaner.report import html as html_report
from cleaner.model import Edit
from cleaner.report.html_changes import side_by_side, trace
from cleaner.report.html_parts import highlight
from cleaner.reviewpage import FilePage, ReviewPage
from tests_support import run_cli
from tests_support import CLEAN_SEEDS, ROOT, SEED

VOID = {"meta", "br", "col", "img", "input", "hr", "link", "wbr", "source", "area", "base", "embed"}
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "ul", "ol", "li", "b", "a",
    "section", "div", "aside", "nav", "footer", "span", "mark", "code", "details", "summary", "dl", "dt", "dd",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "del", "ins", "br",
    "svg", "title", "text", "rect",
}


@dataclass
class Node:
    """A parsed element: tag, attributes, children (Nodes or text)."""

    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str, cls: str | None = None) -> list["Node"]:
        return [n for n in self.iter() if n.tag == tag and (cls is None or cls in n.classes())]

    def text(self, skip_class: str | None = None) -> str:
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif skip_class is None or skip_class not in child.classes():
                parts.append(child.text(skip_class))
        return "".join(parts)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.all_attrs: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.all_attrs.extend((tag, k, v) for k, v in attrs)
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.all_attrs.extend((tag, k, v) for k, v in attrs)
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(page: str) -> _Builder:
    """Parse the page into a tree; fails on any mis-nested tag."""
    builder = _Builder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder


def _cli_ok(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    done = run_cli(*args, cwd=cwd)
    assert done.returncode == 0, done.stderr.decode()
    return done


def fixed_seed(*flags: str) -> str:
    """The seed as `cleaner fix FLAGS -o -` writes it (exit 1: findings stay for review)."""
    done = run_cli("fix", *flags, "-o", "-", str(SEED))
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory) -> Path:
    """The seed's report, written by the real command."""
    out = tmp_path_factory.mktemp("report") / "report.html"
    _cli_ok("report", str(SEED), "-o", str(out))
    return out


@pytest.fixture(scope="module")
def seed_tree(seed_page) -> _Builder:
    return parse(seed_page.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_check() -> dict:
    return json.loads(_cli_ok("check", "--format", "json", "--fail-on", "never", str(SEED)).stdout)["files"][0]


def test_every_finding_is_highlighted_at_its_exact_offsets(seed_tree, seed_check):
    source = SEED.read_text(encoding="utf-8")
    article = seed_tree.root.find_all("div", "article")[0]
    assert article.text(skip_class="tip") == source  # the whole article, in order, as text
    marks = article.find_all("mark", "hl")
    findings = seed_check["findings"]
    assert len(findings) > 10
    for index, finding in enumerate(findings, 1):
        covering = [m for m in marks if f"f1-{index}" in m.attrs["data-findings"].split()]
        spans = sorted((int(m.attrs["data-start"]), int(m.attrs["data-end"])) for m in covering)
        assert spans, finding
        assert spans[0][0] == finding["start"] and spans[-1][1] == finding["end"], finding
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:])), "pieces must be contiguous"
        for mark in covering:
            start, end = int(mark.attrs["data-start"]), int(mark.attrs["data-end"])
            assert mark.text(skip_class="tip") == source[start:end]
            here = [findings[int(i.split("-")[1]) - 1]["level"] for i in mark.attrs["data-findings"].split()]
            assert mark.attrs["data-level"] == max(here, key=("info", "warning", "error").index)
            assert finding["code"] in mark.find_all("span", "tip")[0].text()
    cards = seed_tree.root.find_all("details", "card")
    assert [(c.attrs["id"], c.attrs["data-code"]) for c in cards] == [
        (f"f1-{i}", f["code"]) for i, f in enumerate(findings, 1)
    ]


def test_summary_table_counts_by_rule_and_level(seed_tree, seed_check):
    table = seed_tree.root.find_all("table", "by-rule")[0]
    rows = {r.attrs["data-code"]: r for r in table.find_all("tr") if "data-code" in r.attrs}
    by_code: dict[str, int] = {}
    for finding in seed_check["findings"]:
        by_code[finding["code"]] = by_code.get(finding["code"], 0) + 1
    assert {code: int(r.find_all("td", "total")[0].text()) for code, r in rows.items()} == by_code
    totals = table.find_all("tr", "by-level")[0]
    for level in ("error", "warning", "info"):
        cell = [c for c in totals.find_all("td") if c.attrs.get("data-level") == level][0]
        expected = sum(1 for f in seed_check["findings"] if f["level"] == level)
        assert int(cell.text() or 0) == expected


def test_readability_before_and_after_are_charted(seed_tree, seed_check):
    fixed, unsafe = fixed_seed(), fixed_seed("--unsafe-fixes")
    before = seed_check["readability"]["flesch_reading_ease"]
    expected = {"before": before, "safe": score(fixed).flesch_reading_ease, "unsafe": score(unsafe).flesch_reading_ease}
    chart = seed_tree.root.find_all("svg", "chart")[0]
    values = [t for t in chart.find_all("text", "value")]
    ease = {t.attrs["data-series"]: float(t.text()) for t in values[:3]}
    assert ease == pytest.approx(expected)
    assert expected["safe"] != before  # the seed's fixes move the score: both figures are real
    grade = {t.attrs["data-series"]: float(t.text()) for t in values[3:6]}
    assert grade["before"] == seed_check["readability"]["flesch_kincaid_grade"]
    assert grade["safe"] == score(fixed).flesch_kincaid_grade


def test_side_by_side_rows_are_the_real_lines_with_safe_and_unsafe_marked(seed_tree):
    original = SEED.read_text(encoding="utf-8").split("\n")
    unsafe = fixed_seed("--unsafe-fixes").split("\n")
    table = seed_tree.root.find_all("table", "sbs")[0]
    rows = table.find_all("tr", "change")
    assert len(rows) >= 8
    for row in rows:
        old_no, old, new_no, new = row.find_all("td")
        assert old.text() == original[int(old_no.text()) - 1]
        assert new.text() == unsafe[int(new_no.text()) - 1]
    marked = {(n.tag, c, n.text()) for n in table.iter() if n.tag in ("del", "ins") for c in n.classes()}
    assert ("del", "safe", "according") in marked and ("ins", "safe", "According") in marked
    assert ("del", "unsafe", "Sila") in marked and ("ins", "unsafe", "Shira") in marked
    assert ("ins", "safe", "Shira") not in marked


def test_page_is_self_contained_and_scriptless(seed_page, seed_tree):
    page = seed_page.read_text(encoding="utf-8")
    csp = [m for m in seed_tree.root.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0].attrs["content"]
    assert not seed_tree.root.find_all("script")
    for tag, name, value in seed_tree.all_attrs:
        assert not name.startswith("on")
        if name in ("href", "src"):
            assert (value or "").startswith("#"), (tag, name, value)
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in page


def test_hostile_article_and_file_name_render_as_text(tmp_path):
    name = "\"><img src=x onerror=alert(1)>&<script>alert(2)<\\script>.txt"
    article = (
        "<script>alert('article')</script> The minister resigned.. \"><img src=x onerror=alert(3)>\n\n"
        "according to </style></title><b onmouseover=alert(4)>officials</b> it ended.. ' onfocus='x\n"
    )
    hostile = tmp_path / name
    hostile.write_text(article, encoding="utf-8")
    out = tmp_path / "out.html"
    done = _cli_ok("report", str(hostile), str(SEED), "-o", str(out))
    assert b"wrote" in done.stderr
    page = out.read_text(encoding="utf-8")
    tree = parse(page)
    tags = {n.tag for n in tree.root.iter()} - {"#root"}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    for _tag, attr, value in tree.all_attrs:
        assert not attr.startswith("on") and "javascript:" not in (value or "")
    assert "<script" not in page.lower() and "<img" not in page.lower()
    section = [s for s in tree.root.find_all("section", "file") if s.attrs["data-path"] == str(hostile)][0]
    assert section.find_all("h2")[0].text() == str(hostile)
    assert section.find_all("div", "article")[0].text(skip_class="tip") == article
    assert section.find_all("mark", "hl"), "the hostile article still has its findings highlighted"
    links = [a.text() for a in tree.root.find_all("nav")[0].find_all("a")]
    assert links == [str(hostile), str(SEED)] or links == [str(SEED), str(hostile)]


def test_hostile_rule_text_is_escaped_by_the_formatter():
    evil = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
    text = f"Lead {evil} tail."
    finding = Finding(
        "XX101\"><i>", evil, "cat", Level.ERROR, evil, 5, 5 + len(evil), 1, 6, 1, 6 + len(evil), evil,
        (evil,), Safety.UNSAFE, "cleaner", evil,
    )
    rule = Rule(finding.code, evil, "cat", Level.ERROR, "pattern", evil, evil, evil)
    result = FixResult(text, text.replace("Lead", evil), (finding,), (), 1)
    scores = score(text).to_dict()
    page = ReviewPage(
        (FilePage(FileReport(evil, text, (finding,), scores), result, result, scores, scores),),
        {finding.code: rule},
        title=evil,
    )
    rendered = html_report.render(page)
    tree = parse(rendered)
    assert "<script" not in rendered and "<img" not in rendered and "<i>" not in rendered
    assert {n.tag for n in tree.root.iter()} - {"#root"} <= ALLOWED_TAGS
    assert tree.root.find_all("title")[0].text() == f"{evil}: {evil}"
    assert tree.root.find_all("details", "card")[0].attrs["data-code"] == finding.code


def test_overlapping_and_zero_width_findings_are_cut_exactly():
    def make(start: int, end: int, code: str) -> Finding:
        return Finding(code, code.lower(), "c", Level.WARNING, "m", start, end, 1, 1, 1, 1, "")

    text = "abcdefghijklmnop"
    findings = (make(0, 10, "A"), make(5, 15, "B"), make(7, 7, "C"))
    html = highlight(text, findings, "1", lambda i, f: f.code)
    tree = parse(f"<div>{html}</div>")
    got = [(m.attrs["data-start"], m.attrs["data-end"], m.attrs["data-findings"]) for m in tree.root.find_all("mark")]
    assert got == [
        ("0", "5", "f1-1"), ("5", "7", "f1-1 f1-2"), ("7", "7", "f1-3"), ("7", "10", "f1-1 f1-2"),
        ("10", "15", "f1-2"),
    ]
    assert tree.root.text(skip_class="tip") == text


def _fix(original: str, steps, safeties) -> FixResult:
    """A FixResult for hand-made edits, each paired with a finding of the given safety."""
    text, applied = original, []
    for step in steps:
        for edit, safety in zip(step, safeties):
            applied.append(Finding("T1", "t", "c", Level.WARNING, "m", edit.start, edit.end, 1, 1, 1, 1,
                                   text[edit.start : edit.end], (edit.replacement,), safety))
        safeties = safeties[len(step):]
        for edit in sorted(step, reverse=True):
            text = text[: edit.start] + edit.replacement + text[edit.end :]
    return FixResult(original, text, tuple(applied), (), len(steps), tuple(tuple(s) for s in steps))


def _rows(table: str) -> list[tuple[str, ...]]:
    rows = parse(f"<div>{table}</div>").root.find_all("tr", "change")
    return [tuple(td.text() for td in row.find_all("td")) for row in rows]


def test_side_by_side_follows_the_fixers_own_edits():
    original = "one two\r\nthree\r\nfour five\r\n\r\nsix\r\n"
    # pass 1: a safe join of lines 1-2 and an unsafe word swap; pass 2: a safe edit on the swapped word
    first = [Edit(7, 9, " "), Edit(21, 25, "FIVE")]
    swapped = "one two three\r\nfour FIVE\r\n\r\nsix\r\n"
    second = [Edit(swapped.index("FIVE"), swapped.index("FIVE") + 4, "Five!")]
    result = _fix(original, [first, second], [Safety.SAFE, Safety.UNSAFE, Safety.SAFE])
    assert result.fixed == "one two three\r\nfour Five!\r\n\r\nsix\r\n"
    trail = trace(result)
    assert [t for t in trail.removed if t] == ["safe", "safe", "unsafe", "unsafe", "unsafe", "unsafe"]
    table = side_by_side(result)
    assert _rows(table) == [("1–2", "one two\nthree", "1", "one two three"), ("3", "four five", "2", "four Five!")]
    tree = parse(f"<div>{table}</div>")
    marked = [(n.tag, n.attrs["class"], n.text()) for n in tree.root.iter() if n.tag in ("del", "ins")]
    assert marked == [("del", "safe", "\n"), ("ins", "safe", " "), ("del", "unsafe", "five"), ("ins", "safe", "Five!")]
    assert "2 unchanged lines" in tree.root.text()
    assert side_by_side(_fix("same\n", [], [])) == ""


def test_side_by_side_calls_unpaired_edits_unsafe():
    result = _fix("a b c", [[Edit(2, 3, "B")]], [Safety.SAFE])
    odd = FixResult(result.original, result.fixed, (), (), 1, result.steps)  # edits without their findings
    assert _rows(side_by_side(odd)) == [("1", "a b c", "1", "a B c")]
    assert 'class="unsafe"' in side_by_side(odd) and 'class="safe"' not in side_by_side(odd)


def test_several_files_get_one_page_with_a_file_list(tmp_path):
    out = tmp_path / "all.html"
    _cli_ok("report", str(SEED), *map(str, CLEAN_SEEDS[:2]), "-o", str(out))
    tree = parse(out.read_text(encoding="utf-8"))
    links = [a.attrs["href"] for a in tree.root.find_all("nav")[0].find_all("a")]
    assert links == ["#file-1", "#file-2", "#file-3"]
    assert [s.attrs["id"] for s in tree.root.find_all("section", "file")] == ["file-1", "file-2", "file-3"]
    ids = [n.attrs["id"] for n in tree.root.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))


def test_default_output_stdout_and_exit_codes(tmp_path):
    done = _cli_ok("report", str(SEED), cwd=tmp_path)  # findings do not fail a report
    page = (tmp_path / "report.html").read_bytes()
    assert page.startswith(b"<!DOCTYPE html>")
    assert (tmp_path / "report.html").stat().st_mode & 0o044  # readable by the CI's web server, not 0600
    again = _cli_ok("report", str(SEED), "-o", "-", cwd=tmp_path)
    assert again.stdout == page  # deterministic, and '-' writes to standard output
    assert done.stdout == b""
    missing = run_cli("report", str(SEED), "-o", str(tmp_path / "no" / "such" / "r.html"))
    assert missing.returncode == 2 and b"folder does not exist" in missing.stderr
    assert run_cli("report", str(tmp_path / "nothing.txt"), "-o", str(tmp_path / "x.html")).returncode == 2


CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage", "--hide-scrollbars",
)


def chromium(tmp_path: Path, profile: str, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium with a fresh profile folder."""
    command = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / profile}", *args]
    return subprocess.run(command, capture_output=True, timeout=180, check=False)


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None and not IN_CI, reason="chromium is not installed (CI installs it: .ci/run)")
def test_page_renders_in_headless_chromium(tmp_path, seed_page, seed_check):
    assert CHROMIUM, "CI must provide Debian's chromium (.ci/run installs it)"
    dom = chromium(tmp_path, "profile-dom", "--dump-dom", seed_page.as_uri())
    assert dom.returncode == 0, dom.stderr.decode(errors="replace")[-2000:]
    tree = parse(dom.stdout.decode("utf-8"))
    assert tree.root.find_all("table", "by-rule") and tree.root.find_all("table", "sbs")
    marked = {m for n in tree.root.find_all("mark", "hl") for m in n.attrs["data-findings"].split()}
    assert marked == {f"f1-{i}" for i in range(1, len(seed_check["findings"]) + 1)}
    assert len(tree.root.find_all("details", "card")) == len(seed_check["findings"])
    assert tree.root.find_all("svg", "chart") and not tree.root.find_all("script")
    png = tmp_path / "shot.png"
    shot = chromium(tmp_path, "profile-shot", "--window-size=1280,1600", f"--screenshot={png}", seed_page.as_uri())
    assert shot.returncode == 0, shot.stderr.decode(errors="replace")[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1280 and int.from_bytes(data[20:24], "big") == 1600
    assert len(data) > 40_000, "a blank page compresses to a few KB; the report has text and colour"


def test_readme_shows_the_report_screenshot():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- section:report -->" not in readme
    assert "](docs/report-screenshot.png)" in readme and "cleaner report" in readme
    data = (ROOT / "docs" / "report-screenshot.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 40_000
