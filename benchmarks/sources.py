"""The texts the detection benchmark scores: real pages, our own articles, and the MQM data.

Each source yields `Sample`s: a text, the part of it that is scored, its gold annotations, and
whether every finding in it is false (clean English) or should match an annotation (damaged text).
Sources that are not on this machine (the page cache, ../shared) are skipped and named as such.
"""

from __future__ import annotations

import json
import re
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold import Annotation, check_rows, parse_marked, rows_to_annotations, word_count  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# $CLEANER_CORPUS_DIR points a work tree at a shared copy of the corpus and its cache.
CORPUS = Path(os.environ.get("CLEANER_CORPUS_DIR") or ROOT / "benchmarks" / "corpus")
MQM = ROOT.parent / "shared" / "data" / "mqm-ted-zhen" / "segments.jsonl"
# MQM categories a checker of the English alone can reach (the dataset's README).
# Talks whose texts may be read while rules are written; the other three are held out.
MQM_DEV_TALKS = frozenset({"talk.2", "talk.6"})
# Each MQM segment was translated on its own, so a segment that continues the previous one without a
# sentence mark still starts with the capital a sentence start gets ("...the heart system" + "Or, for
# example, ..."). Joined with a space that capital would read as a stray mid-sentence capital the
# translation never made; such segments are joined with a line break instead (same length).
_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”’)\]]\s*$")
MQM_SURFACE = ("Fluency/Punctuation", "Fluency/Spelling", "Fluency/Grammar", "Fluency/Inconsistency",
               "Terminology/Inconsistent")


# The pages store writes " date 2022-06-07 " into some copies, often right after the headline; it is
# not the article's text, so the benchmark puts it on a line of its own (same length, same offsets).
_STAMP = re.compile(r"[ \t](date [0-9]{4}-[0-9]{2}-[0-9]{2})[ \t]")


@dataclass
class Segment:
    """A scored part of a sample: an MQM segment, or the body of an article."""

    start: int
    end: int
    words: int
    clean: bool  # every finding here is false
    group: str  # the row of the report it counts in (e.g. "mqm error-free MT")


@dataclass
class Sample:
    """One text with its scored segments and gold annotations."""

    name: str
    source: str  # dev | holdout | own | clean-pages | clean-own | mqm | mqm-holdout
    text: str
    segments: list[Segment]
    annotations: list[Annotation] = field(default_factory=list)


def _body_sample(name: str, source: str, text: str, body: tuple[int, int], notes: list[Annotation],
                 clean: bool, group: str) -> Sample:
    start, end = body
    notes = [a.in_text(text) for a in notes]
    return Sample(name, source, text, [Segment(start, end, word_count(text[start:end]), clean, group)], notes)


def own_articles() -> Iterator[Sample]:
    """Our garbled articles with their gold files, and our clean articles (committed, run in CI)."""
    for gold_path in sorted(SEEDS.glob("*.gold.yaml")):
        text = (SEEDS / gold_path.name.replace(".gold.yaml", ".txt")).read_text(encoding="utf-8")
        notes = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        found = parse_marked(text, notes.get("annotations") or [], str(gold_path))
        yield _body_sample(gold_path.stem.removesuffix(".gold"), "own", text, (0, len(text)), found, False, "own garbled")
    for path in sorted(SEEDS.glob("clean_*.txt")):
        text = path.read_text(encoding="utf-8")
        yield _body_sample(path.stem, "clean-own", text, (0, len(text)), [], True, "own clean")


def corpus_pages(problems: list[str]) -> Iterator[Sample]:
    """The real pages whose text is in the cache and still matches the committed hashes."""
    manifest = CORPUS / "pages.yaml"
    if not manifest.exists():
        return
    audited = audit_verdicts()
    for page in yaml.safe_load(manifest.read_text(encoding="utf-8")) or []:
        path = CORPUS / "cache" / f"{page['id']}.txt"
        if not path.exists():
            problems.append(f"{page['id']}: not in the cache (python benchmarks/corpus_tool.py refill)")
            continue
        text = path.read_text(encoding="utf-8")
        rows = page.get("annotations") or []
        bad = check_rows(text, rows)
        if bad:
            problems.append(f"{page['id']}: {bad[0]} (python benchmarks/corpus_tool.py verify)")
            continue
        clean = page["type"] == "clean"
        source = "clean-pages" if clean else page["split"]
        group = "clean originals" if clean else f"MT pages ({page['split']})"
        text = _STAMP.sub(lambda m: "\n" + m.group(1) + "\n", text)  # same length: offsets stay valid
        body = tuple(page.get("body") or (0, len(text)))
        notes = rows_to_annotations(rows)
        verdicts = audited.get(page["id"], {})
        notes = [replace(a, visible=verdicts.get(index)) for index, a in enumerate(notes)]
        yield _body_sample(page["id"], source, text, body, notes, clean, group)


def audit_verdicts() -> dict[str, dict[int, str]]:
    """The blind audit's verdict per page and annotation index (corpus/audit.yaml; empty when absent)."""
    path = CORPUS / "audit.yaml"
    if not path.exists():
        return {}
    pages = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("pages") or {}
    return {page: {index: verdict for verdict, indexes in lists.items() for index in indexes}
            for page, lists in pages.items()}


def audit_set(name: str) -> str:
    """The audited set a page belongs to, its id's set number (h14a-ja-01 -> h14)."""
    match = re.match(r"h\d+", name)
    return match.group() if match else name


def mqm_talks(problems: list[str]) -> Iterator[Sample]:
    """Each MQM talk per system, its segments joined in order, every error span an annotation."""
    if not MQM.exists():
        problems.append(f"{MQM} is not here: MQM figures skipped")
        return
    talks: dict[tuple[str, str], list[dict]] = {}
    with MQM.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            talks.setdefault((record["system"], record["doc_id"]), []).append(record)
    for (system, doc), records in sorted(talks.items()):
        records.sort(key=lambda r: r["doc_seg_id"])
        source = "mqm" if doc in MQM_DEV_TALKS else "mqm-holdout"
        parts, segments, notes, pos = [], [], [], 0
        for record in records:
            target = record["target"]
            if record["error_free"]:
                group = f"{source} error-free " + ("human" if record["is_human"] else "MT")
            else:
                group = "mqm with errors"
            segments.append(Segment(pos, pos + len(target), record["n_words"], record["error_free"], group))
            for error in record["errors"]:
                notes.append(Annotation(pos + error["start"], pos + error["end"], error["category"]))
            parts.append(target)
            pos += len(target) + 1
        text = "".join(part + (" " if _ENDS_SENTENCE.search(part) else "\n") for part in parts)[:-1]  # one separator each
        yield Sample(f"{system}/{doc}", source, text, segments, notes)
