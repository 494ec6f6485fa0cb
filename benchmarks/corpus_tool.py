"""Keep the development corpus of real pages: add pages, place annotations, verify a refilled cache.

Usage: python benchmarks/corpus_tool.py COMMAND [ARGS]

  status                 every page: cached? verified? annotations by class; totals by split
  excluded URL...        say whether each address is on the excluded-pages list
  add ID --url U --query Q --route R --type mt|clean --split dev|holdout [--original ID]
                         record a page whose text is already in cache/ID.txt
  annotate [ID...]       turn cache/ID.notes.yaml (marked snippets) into committed offsets and hashes
  verify                 check every cached text against the committed hashes (exit 1 on a mismatch)
  show ID                print a dev page with its annotations marked (refuses held-out pages)
  refill                 list the pages missing from the cache with the query that returns each
  write ID FILE          decode a page text copied from the search tool's JSON (escapes as shown) into
                         cache/ID.txt; a page already in the manifest must match its recorded hashes

The page texts and the notes files live in benchmarks/corpus/cache/ (git-ignored). The manifest
benchmarks/corpus/pages.yaml holds only facts: address, query, route, offsets, span hashes.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold import CLASSES, Annotation, GoldError, check_rows, parse_marked, text_hash, url_digest, word_count  # noqa: E402

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("CLEANER_CORPUS_DIR") or HERE / "corpus")
MANIFEST = CORPUS / "pages.yaml"
CACHE = CORPUS / "cache"
EXCLUDED = HERE.parent.parent / "shared" / "data" / "excluded-pages.sha256"
TYPES = ("mt", "clean")
MAX_FIX = 40  # characters of an expected fix kept in the manifest
SPLITS = ("dev", "holdout")


@contextlib.contextmanager
def manifest_lock():
    """Hold an exclusive lock while reading and rewriting the manifest (several people add pages at once)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / ".manifest.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def load_manifest() -> list[dict]:
    """The list of page records (empty when the manifest does not exist yet)."""
    if not MANIFEST.exists():
        return []
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8")) or []


def save_manifest(pages: list[dict]) -> None:
    """Write the manifest sorted by id, one flow-style row per annotation."""
    pages = sorted(pages, key=lambda p: p["id"])
    lines = ["# Development corpus: facts about real pages (see benchmarks/corpus/README.md).", ""]
    for page in pages:
        lines.append(f"- id: {page['id']}")
        for key in ("url", "query", "route", "type", "split", "revealed", "original", "chars", "sha256", "words"):
            if page.get(key) is not None:
                lines.append(f"  {key}: {_flow(page[key])}")
        if page.get("body") is not None:
            lines.append(f"  body: [{page['body'][0]}, {page['body'][1]}]")
        rows = page.get("annotations") or []
        lines.append("  annotations:" + ("" if rows else " []"))
        for row in rows:
            lines.append("    - " + _flow(row))
    MANIFEST.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _flow(value: object) -> str:
    """One value on one line: JSON is valid YAML flow style and keeps the manifest diff-friendly."""
    return json.dumps(value, ensure_ascii=False)


def excluded_digests() -> set[str] | None:
    """The excluded-pages hashes, or None when ../shared is not there."""
    if not EXCLUDED.exists():
        return None
    return {
        line.strip() for line in EXCLUDED.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }


def cached_text(page_id: str) -> str | None:
    """The cached text of a page, exactly as the search tool returned it, or None."""
    path = CACHE / f"{page_id}.txt"
    return path.read_text(encoding="utf-8") if path.exists() else None


def cmd_status(_: argparse.Namespace) -> int:
    pages = load_manifest()
    totals: dict[str, Counter] = {s: Counter() for s in SPLITS}
    for page in pages:
        text = cached_text(page["id"])
        state = "missing" if text is None else ("ok" if text_hash(text) == page.get("sha256") else "changed")
        classes = Counter(row[3] for row in page.get("annotations") or [])
        totals[page["split"]].update(classes)
        totals[page["split"]]["pages:" + page["type"]] += 1
        summary = ", ".join(f"{c} {n}" for c, n in sorted(classes.items()))
        print(f"{page['id']:28} {page['type']:5} {page['split']:7} {page.get('route', ''):14} {state:8} {summary}")
    for split, counts in totals.items():
        pages_part = {k: v for k, v in counts.items() if k.startswith("pages:")}
        notes = sum(v for k, v in counts.items() if not k.startswith("pages:"))
        print(f"{split}: {pages_part}, {notes} annotations: {dict(sorted((k, v) for k, v in counts.items() if not k.startswith('pages:')))}")
    return 0


def cmd_excluded(args: argparse.Namespace) -> int:
    digests = excluded_digests()
    if digests is None:
        print(f"{EXCLUDED} is not here; cannot check", file=sys.stderr)
        return 2
    for url in args.urls:
        print(f"{'EXCLUDED' if url_digest(url) in digests else 'allowed '} {url}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    digests = excluded_digests()
    if digests is None or url_digest(args.url) in digests:
        print(f"refused: {args.url} is excluded (or the exclusion list is missing)", file=sys.stderr)
        return 1
    text = cached_text(args.id)
    if text is None:
        print(f"write the page text to {CACHE / (args.id + '.txt')} first", file=sys.stderr)
        return 1
    with manifest_lock():
        return _add(args, text)


def _add(args: argparse.Namespace, text: str) -> int:
    pages = [p for p in load_manifest() if p["id"] != args.id]
    if any(p["url"] == args.url for p in pages):
        print(f"refused: {args.url} is already in the manifest", file=sys.stderr)
        return 1
    pages.append({
        "id": args.id, "url": args.url, "query": args.query, "route": args.route, "type": args.type,
        "split": args.split, "original": args.original, "chars": len(text), "sha256": text_hash(text),
        "words": word_count(text), "annotations": [],
    })
    save_manifest(pages)
    print(f"added {args.id} ({len(text)} characters)")
    return 0


def cmd_annotate(args: argparse.Namespace) -> int:
    with manifest_lock():
        return _annotate(args)


def _annotate(args: argparse.Namespace) -> int:
    pages = load_manifest()
    wanted = set(args.ids) or {p["id"] for p in pages}
    failed = 0
    for page in pages:
        notes_path = CACHE / f"{page['id']}.notes.yaml"
        if page["id"] not in wanted or not notes_path.exists():
            continue
        text = cached_text(page["id"]) or ""
        try:
            notes = yaml.safe_load(notes_path.read_text(encoding="utf-8")) or {}
            body = notes.get("body") or {}
            start = parse_marked(text, [{"find": body["from"], "class": "other"}], str(notes_path))[0].start if body.get("from") else 0
            end = parse_marked(text, [{"find": body["to"], "class": "other"}], str(notes_path))[0].end if body.get("to") else len(text)
            found = parse_marked(text, notes.get("annotations") or [], str(notes_path))
        except (GoldError, KeyError, yaml.YAMLError) as exc:
            print(f"{page['id']}: {exc}", file=sys.stderr)
            failed += 1
            continue
        outside = [a for a in found if not (start <= a.start and a.end <= end)]
        if outside:
            print(f"{page['id']}: {len(outside)} annotation(s) outside the body", file=sys.stderr)
            failed += 1
            continue
        page["body"] = [start, end]
        page["words"] = word_count(text[start:end])
        # A long fix is a rewritten clause: keep it in the notes, out of the committed facts.
        page["annotations"] = [a.to_row(text) if (a.fix or "") == "" or len(a.fix) <= MAX_FIX else
                               Annotation(a.start, a.end, a.cls, None).to_row(text) for a in found]
        print(f"{page['id']}: {len(found)} annotations, body {start}-{end}, {page['words']} words")
    save_manifest(pages)
    return 1 if failed else 0


def cmd_verify(_: argparse.Namespace) -> int:
    bad = 0
    for page in load_manifest():
        text = cached_text(page["id"])
        if text is None:
            print(f"{page['id']}: not cached (run `refill`)")
            continue
        problems = check_rows(text, page.get("annotations") or [])
        if text_hash(text) != page.get("sha256"):
            problems.insert(0, "whole-text hash differs (spans checked one by one below)")
        for problem in problems:
            print(f"{page['id']}: {problem}")
        bad += bool([p for p in problems if not p.startswith("whole-text")])
    print("verified" if not bad else f"{bad} page(s) with moved or changed spans")
    return 1 if bad else 0


def cmd_show(args: argparse.Namespace) -> int:
    page = next((p for p in load_manifest() if p["id"] == args.id), None)
    if page is None or page["split"] == "holdout":
        print("unknown page, or held out (held-out pages are not shown while rules are written)", file=sys.stderr)
        return 1
    text = cached_text(page["id"]) or ""
    out, pos = [], 0
    for start, end, _, cls, fix in page.get("annotations") or []:
        out.append(text[pos:start])
        out.append(f"⟦{text[start:end]}⟧{{{cls}{' → ' + repr(fix) if fix is not None else ''}}}")
        pos = end
    out.append(text[pos:])
    print("".join(out))
    return 0


def cmd_refill(_: argparse.Namespace) -> int:
    for page in load_manifest():
        if cached_text(page["id"]) is None:
            print(f"{page['id']}: search pages {page['query']!r} -> the result at {page['url']}, "
                  f"from its beginning ({page['chars']} characters) -> {CACHE / (page['id'] + '.txt')}")
    return 0


def cmd_write(args: argparse.Namespace) -> int:
    copied = Path(args.file).read_text(encoding="utf-8").strip("\n")
    if len(copied) > 1 and copied.startswith('"') and copied.endswith('"'):
        copied = copied[1:-1]  # the JSON string copied with its quotation marks
    try:
        # Copied as the search tool shows it (inside a JSON string), the text keeps every
        # non-breaking space, curly quote and doubled space only through its escapes.
        text = json.loads('"' + copied + '"')
    except json.JSONDecodeError as error:
        print(f"{args.file}: not the inside of a JSON string ({error})", file=sys.stderr)
        return 1
    page = next((p for p in load_manifest() if p["id"] == args.id), None)
    target = CACHE / f"{args.id}.txt"
    if page is None:
        if target.exists():
            print(f"{target} exists already", file=sys.stderr)
            return 1
    else:
        problems = check_rows(text, page.get("annotations") or [])
        for problem in problems[:5]:
            print(f"{args.id}: {problem}", file=sys.stderr)
        if problems:
            print(f"{args.id}: not written (the copy differs inside an annotated span)", file=sys.stderr)
            return 1
        if text_hash(text) != page.get("sha256"):
            print(f"{args.id}: whole-text hash differs ({len(text)} characters, manifest {page.get('chars')}); "
                  "spans match, written", file=sys.stderr)
    CACHE.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({len(text)} characters)")
    return 0


def main(argv: list[str]) -> int:
    """Parse the command line and run one command."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status").set_defaults(run=cmd_status)
    p = sub.add_parser("excluded")
    p.add_argument("urls", nargs="+")
    p.set_defaults(run=cmd_excluded)
    p = sub.add_parser("add")
    p.add_argument("id")
    for flag in ("--url", "--query", "--route"):
        p.add_argument(flag, required=True)
    p.add_argument("--type", choices=TYPES, required=True)
    p.add_argument("--split", choices=SPLITS, required=True)
    p.add_argument("--original")
    p.set_defaults(run=cmd_add)
    p = sub.add_parser("annotate")
    p.add_argument("ids", nargs="*")
    p.set_defaults(run=cmd_annotate)
    sub.add_parser("verify").set_defaults(run=cmd_verify)
    p = sub.add_parser("show")
    p.add_argument("id")
    p.set_defaults(run=cmd_show)
    sub.add_parser("refill").set_defaults(run=cmd_refill)
    p = sub.add_parser("write")
    p.add_argument("id")
    p.add_argument("file")
    p.set_defaults(run=cmd_write)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
