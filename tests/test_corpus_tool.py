"""`corpus_tool.py write`: a page text copied from the search tool's JSON is decoded exactly and checked
against the manifest's recorded hashes before it reaches the cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests_support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from gold import span_hash, text_hash  # noqa: E402

# A non-breaking space, curly quotes and a doubled space: what a hand copy most often loses.
TEXT = "The ministry\u00a0said “the plan  works”.\nOfficials Said."


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "cache").mkdir(parents=True)
    start = TEXT.index("Said")
    page = {"id": "xx-site-01", "url": "https://example.org/a", "query": "q", "route": "xx>en", "type": "mt",
            "split": "dev", "chars": len(TEXT), "sha256": text_hash(TEXT), "words": 9,
            "annotations": [[start, start + 4, span_hash("Said"), "attribution", "said"]]}
    (corpus / "pages.yaml").write_text(json.dumps([page], ensure_ascii=False), encoding="utf-8")
    return corpus


def _write(corpus: Path, page_id: str, copied: str, tmp_path: Path) -> subprocess.CompletedProcess:
    raw = tmp_path / "copied.raw"
    raw.write_text(copied, encoding="utf-8")
    env = {**os.environ, "CLEANER_CORPUS_DIR": str(corpus)}
    return subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus_tool.py"), "write", page_id, str(raw)],
                          capture_output=True, text=True, env=env, check=False)


def test_an_escaped_copy_is_decoded_exactly(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    copied = json.dumps(TEXT)[1:-1]  # as the JSON shows it: \u00a0, \n and the rest escaped
    result = _write(corpus, "xx-site-01", copied, tmp_path)
    assert result.returncode == 0, result.stderr
    assert (corpus / "cache" / "xx-site-01.txt").read_text(encoding="utf-8") == TEXT
    assert "differs" not in result.stderr


def test_a_copy_changed_inside_an_annotated_span_is_refused(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    copied = json.dumps(TEXT.replace("Said", "Sa1d"))[1:-1]
    result = _write(corpus, "xx-site-01", copied, tmp_path)
    assert result.returncode == 1
    assert "not written" in result.stderr
    assert not (corpus / "cache" / "xx-site-01.txt").exists()


def test_a_new_page_is_written_once(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    copied = '"' + json.dumps("A new page.")[1:-1] + '"'  # copied with its quotation marks
    assert _write(corpus, "yy-site-01", copied, tmp_path).returncode == 0
    assert (corpus / "cache" / "yy-site-01.txt").read_text(encoding="utf-8") == "A new page."
    again = _write(corpus, "yy-site-01", copied, tmp_path)
    assert again.returncode == 1 and "exists already" in again.stderr


def test_the_blind_audit_names_each_rule_class_annotation_of_its_pages_once() -> None:
    # corpus/audit.yaml keeps verdicts by annotation index: a page edited after the audit would shift them.
    import yaml
    from gold import RULE_CLASSES
    from sources import audit_set

    corpus = ROOT / "benchmarks" / "corpus"
    pages = {p["id"]: p for p in yaml.safe_load((corpus / "pages.yaml").read_text(encoding="utf-8"))}
    audit = yaml.safe_load((corpus / "audit.yaml").read_text(encoding="utf-8"))
    assert audit["pages"], "the audit names no page"
    for page_id, verdicts in audit["pages"].items():
        assert set(verdicts) <= {"T", "S"}, page_id
        indexes = [i for lists in verdicts.values() for i in lists]
        rows = pages[page_id]["annotations"]
        expected = [i for i, row in enumerate(rows) if row[3] in RULE_CLASSES]
        assert sorted(indexes) == expected, page_id
    audited_sets = {audit_set(page_id) for page_id in audit["pages"]}
    assert audited_sets <= set(audit["sets"]), audited_sets
