"""`cleaner batch-report`: the archive summary page, checked against the batch's own tables.

The page is parsed back: its counts, worst-article order, rule table, readability bands and
periods must equal what the Parquet tables say; hostile ids stay text; there is no script.
A real headless Chromium renders it and takes the README's screenshot.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from batch_support import archive_corpus, batch_ok, cli, tables
from tests_support import ROOT

pytestmark = pytest.mark.slow  # its fixtures run batches on a Dask cluster

HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    "--hide-scrollbars",
)
SCREENSHOT = ROOT / "docs" / "batch-report-screenshot.png"
VOID = {"meta", "br", "col", "img", "input", "hr", "link", "wbr"}


class Page(HTMLParser):
    """A strict little DOM: every element with its attributes, text and children."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root: dict = {"tag": "#root", "attrs": {}, "children": [], "text": []}
        self.stack = [self.root]
        self.elements: list[dict] = []
        self.feed(html)
        self.close()
        assert self.stack == [self.root], "unclosed elements"

    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "attrs": {k: v or "" for k, v in attrs}, "children": [], "text": []}
        self.stack[-1]["children"].append(node)
        self.elements.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        assert self.stack[-1]["tag"] == tag, f"</{tag}> closes <{self.stack[-1]['tag']}>"
        self.stack.pop()

    def handle_data(self, data):
        for node in self.stack:
            node["text"].append(data)

    def find(self, tag: str, **attrs: str) -> list[dict]:
        """Elements with this tag whose attributes contain the given values (class: one of the classes)."""
        def fits(node):
            for key, value in attrs.items():
                have = node["attrs"].get(key.rstrip("_"))
                if have is None or (value not in have.split() if key == "class_" else have != value):
                    return False
            return True

        return [n for n in self.elements if n["tag"] == tag and fits(n)]


def text(node: dict) -> str:
    return "".join(node["text"])


def descendants(node: dict, tag: str) -> list[dict]:
    found = []
    for child in node["children"]:
        if child["tag"] == tag:
            found.append(child)
        found.extend(descendants(child, tag))
    return found


@pytest.fixture(scope="module")
def audit(tmp_path_factory) -> Path:
    """A dated archive of 150 articles (one with a hostile id) and three unusable rows, audited."""
    folder = tmp_path_factory.mktemp("report")
    rows = [{"id": a.id, "date": a.date, "text": a.text} for a in archive_corpus.generate(150, seed=21)]
    rows[0]["id"] = HOSTILE
    rows[0]["text"] += "\n\nThe talks ended.. Both sides left.\n" * 30  # the worst article: listed first
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    lines += ['{"id": "torn", "text": ', json.dumps({"id": HOSTILE + "-2", "text": None}), '{"id": "undated", "text": "A short note.. Nothing else."}']
    (folder / "archive.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = folder / "out"
    batch_ok(str(folder / "archive.jsonl"), "-o", str(out), "--workers", "1", "--partition-size", "50")
    return out


@pytest.fixture(scope="module")
def page_file(audit) -> Path:
    target = audit.parent / "archive.html"
    done = cli("batch-report", str(audit), "-o", str(target), "--top", "20")
    assert done.returncode == 0, done.stderr
    assert "153 article(s)" in done.stderr
    return target


@pytest.fixture(scope="module")
def page(page_file) -> Page:
    return Page(page_file.read_text(encoding="utf-8"))


def test_overview_counts_are_the_tables_counts(audit, page):
    findings, articles = tables(audit)
    rows = articles.to_pylist()
    checked = [r for r in rows if r["error"] is None]
    counts = {n["attrs"]["data-count"]: int(text(n).replace(",", "")) for n in page.find("b") if "data-count" in n["attrs"]}
    levels = Counter(findings.column("level").to_pylist())
    assert counts == {
        "articles": 153, "damaged": sum(1 for r in checked if r["findings"]), "findings": findings.num_rows,
        "error": levels["error"], "warning": levels["warning"], "info": levels["info"], "errors": 2,
    }
    assert counts["damaged"] > 20 and counts["findings"] > 100


def test_worst_articles_come_first_in_order(audit, page):
    checked = [r for r in tables(audit)[1].to_pylist() if r["error"] is None and r["findings"]]
    checked.sort(key=lambda r: (-r["level_error"], -r["level_warning"], -r["level_info"], -r["findings"], r["id"]))
    shown = [r["attrs"]["data-id"] for r in descendants(page.find("table", class_="worst")[0], "tr") if "data-id" in r["attrs"]]
    assert shown == [r["id"] for r in checked[:20]]


def test_rule_table_and_charts_match_the_findings(audit, page):
    findings, articles = tables(audit)
    codes = Counter(findings.column("code").to_pylist())
    spread = {code: len({i for i, c in zip(findings.column("id").to_pylist(), findings.column("code").to_pylist()) if c == code}) for code in codes}
    rows = {r["attrs"]["data-code"]: r for r in page.find("tr") if "data-code" in r["attrs"]}
    assert {code: int(text([td for td in descendants(r, "td") if "total" in td["attrs"].get("class", "")][0]).replace(",", "")) for code, r in rows.items()} == codes
    assert {code: int([td for td in descendants(r, "td") if "data-articles" in td["attrs"]][0]["attrs"]["data-articles"]) for code, r in rows.items()} == spread
    ease = [v for v in articles.column("flesch_reading_ease").to_pylist() if v is not None]
    bands = page.find("section", id="readability")[0]
    heights = [n for n in descendants(bands, "text") if n["attrs"].get("class") == "value"]
    assert sum(int(text(n)) for n in heights) == len(ease) == 151
    periods = {r["attrs"]["data-period"]: int(text(descendants(r, "td")[1])) for r in page.find("tr") if "data-period" in r["attrs"]}
    dated = Counter(d[:4] for d, e in zip(articles.column("date").to_pylist(), articles.column("error").to_pylist()) if d and e is None)
    assert periods == dated and len(periods) == 8  # eight years of dates: shown by year
    assert "1 article(s) without a date" in text(page.find("section", id="time")[0])


def test_errors_and_hostile_ids_are_text_and_the_page_runs_nothing(page_file, page):
    html = page_file.read_text(encoding="utf-8")
    errors = {text(descendants(r, "td")[0]): text(descendants(r, "td")[1]) for r in descendants(page.find("table", class_="errors")[0], "tr")[1:]}
    assert set(errors) == {f"{page_file.parent / 'archive.jsonl'}:151", HOSTILE + "-2"}
    assert "not valid JSON" in errors[f"{page_file.parent / 'archive.jsonl'}:151"]
    worst_ids = [text(descendants(r, "td")[1]) for r in page.find("tr") if "data-id" in r["attrs"]]
    assert worst_ids[0] == HOSTILE  # listed, as text
    assert "<script" not in html.lower() and "<img" not in html.lower() and not page.find("script")
    csp = [m for m in page.find("meta") if m["attrs"].get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["attrs"]["content"]
    for node in page.elements:
        assert not any(name.startswith("on") for name in node["attrs"])
        assert node["attrs"].get("href", "#").startswith("#") and "src" not in node["attrs"]
    assert len(page.find("svg", class_="chart")) == 4


def test_rerun_of_the_report_is_byte_identical(audit, page_file, tmp_path):
    again = tmp_path / "again.html"
    assert cli("batch-report", str(audit), "-o", str(again), "--top", "20").returncode == 0
    assert again.read_bytes() == page_file.read_bytes()


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None and not IN_CI, reason="chromium is not installed (CI installs it: .ci/run)")
def test_summary_page_renders_in_headless_chromium_and_is_the_readme_screenshot(page_file, tmp_path):
    assert CHROMIUM, "CI must provide Debian's chromium (.ci/run installs it)"
    run = lambda profile, *args: subprocess.run(  # noqa: E731 - a fresh profile for every start
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / profile}", *args],
        capture_output=True, timeout=180, check=False,
    )
    dom = run("dom", "--dump-dom", page_file.as_uri())
    assert dom.returncode == 0, dom.stderr.decode(errors="replace")[-2000:]
    rendered = Page(dom.stdout.decode("utf-8"))
    assert len(rendered.find("svg", class_="chart")) == 4 and rendered.find("table", class_="worst")
    png = tmp_path / "shot.png"
    shot = run("shot", "--window-size=1280,1060", f"--screenshot={png}", page_file.as_uri())
    assert shot.returncode == 0, shot.stderr.decode(errors="replace")[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(data[16:20], "big") == 1280
    assert len(data) > 60_000, "a blank page compresses to a few KB; the summary has charts and tables"
    if os.environ.get("CLEANER_UPDATE_SCREENSHOTS"):
        shutil.copyfile(png, SCREENSHOT)


def test_readme_shows_the_summary_page_and_how_to_audit_an_archive():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Auditing an archive", 1)[1].split("\n## ", 1)[0]
    assert "cleaner batch " in section and "cleaner batch-report " in section and "--scheduler" in section
    assert "](docs/batch-report-screenshot.png)" in section
    data = SCREENSHOT.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 60_000
