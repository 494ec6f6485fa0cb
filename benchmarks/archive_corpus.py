"""Generate an archive of varied articles from every seeds/*.txt, as files or as a table.

Usage: python benchmarks/archive_corpus.py COUNT OUT [--format files|jsonl|csv|parquet] [--seed N]

Each article is one seed article (garbled or clean) with its people and places renamed
consistently, its numbers changed, its paragraphs partly reordered, and, for about a third
of the clean ones, translation damage planted by hand-written garbling steps (a doubled
full stop, a capitalised "Said", two sentences glued together, a dropped-subject "I called.").
Every article gets a publication date between 2019 and 2026. The output is deterministic
for a given COUNT, seed and seeds folder; new seed articles are picked up automatically.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Iterator

DEFAULT_SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
FORMATS = ("files", "jsonl", "csv", "parquet")

# Invented names: none belongs to a real public figure.
GIVEN = ("Aldo", "Brina", "Cato", "Delphine", "Emeka", "Farida", "Goran", "Hana", "Ilse", "Joaquin", "Kaveh",
         "Lioba", "Matteo", "Nadira", "Oskar", "Priya", "Quentin", "Rasmus", "Saoirse", "Tomasz", "Ulla", "Vesna")
FAMILY = ("Abernathy", "Brightwater", "Castellano", "Duvall", "Eklund", "Fairbanks", "Galloway", "Hollis",
          "Iversen", "Jankowski", "Kettering", "Lindqvist", "Marchetti", "Northcott", "Okonkwo", "Pellegrini",
          "Quarles", "Rourke", "Sandoval", "Thackeray", "Underhill", "Valdivia", "Whitlock", "Yarborough")
_NAME_RUN = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})+\b", re.MULTILINE)
_NUMBER = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"(?<=[a-z])\. (?=[A-Z])")
_LOWER_SAID = re.compile(r"(?<=[A-Za-z] )said\.")


@dataclass(frozen=True)
class Article:
    """One generated article: a stable id, its date and its text."""

    id: str
    date: str
    text: str


def load_seeds(seeds_dir: Path = DEFAULT_SEEDS_DIR) -> list[tuple[str, str]]:
    """Return (stem, text) for every seeds_dir/*.txt, sorted by name."""
    paths = sorted(Path(seeds_dir).glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed articles (*.txt) in {seeds_dir}")
    return [(path.stem, path.read_text(encoding="utf-8")) for path in paths]


def rename_people(text: str, rng: random.Random) -> str:
    """Rename about half of the capitalised multi-word names, the same way everywhere in the article."""
    words = sorted({word for run in _NAME_RUN.findall(text) for word in run.split()})
    chosen = [word for word in words if rng.random() < 0.5]
    mapping = {word: rng.choice(GIVEN if index % 2 else FAMILY) for index, word in enumerate(chosen)}
    if not mapping:
        return text
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(mapping, key=len, reverse=True))) + r")\b")
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def change_numbers(text: str, rng: random.Random) -> str:
    """Replace every number with another of the same number of digits."""
    def other(match: re.Match[str]) -> str:
        digits = len(match.group())
        low = 10 ** (digits - 1) if digits > 1 else 0
        return str(rng.randint(low, 10**digits - 1))

    return _NUMBER.sub(other, text)


def reorder_paragraphs(text: str, rng: random.Random) -> str:
    """Swap two body paragraphs now and then (the headline stays first)."""
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 4 and rng.random() < 0.5:
        a, b = rng.sample(range(2, len(paragraphs)), 2)
        paragraphs[a], paragraphs[b] = paragraphs[b], paragraphs[a]
    return "\n\n".join(paragraphs)


def _pick(text: str, rng: random.Random, pattern: re.Pattern[str]) -> int | None:
    """Return the start of one match of `pattern`, chosen at random, or None."""
    spots = [m.start() for m in pattern.finditer(text)]
    return rng.choice(spots) if spots else None


def _double_period(text: str, rng: random.Random) -> str:
    at = _pick(text, rng, _SENTENCE_END)
    return text if at is None else text[:at] + "." + text[at:]


def _glue_sentences(text: str, rng: random.Random) -> str:
    at = _pick(text, rng, _SENTENCE_END)
    return text if at is None else text[: at + 1] + text[at + 2 :]


def _capital_said(text: str, rng: random.Random) -> str:
    at = _pick(text, rng, _LOWER_SAID)
    return text if at is None else text[:at] + "S" + text[at + 1 :]


def _dropped_subject(text: str, rng: random.Random) -> str:
    at = _pick(text, rng, _SENTENCE_END)
    return text if at is None else text[: at + 1] + " I called." + text[at + 1 :]


GARBLERS: tuple[Callable[[str, random.Random], str], ...] = (
    _double_period, _glue_sentences, _capital_said, _dropped_subject,
)


def garble(text: str, rng: random.Random) -> str:
    """Plant one to three kinds of machine-translation damage."""
    for step in rng.sample(GARBLERS, rng.randint(1, 3)):
        text = step(text, rng)
    return text


def generate(count: int, seeds_dir: Path = DEFAULT_SEEDS_DIR, seed: int = 2026) -> Iterator[Article]:
    """Yield `count` varied articles, cycling through the seeds in order."""
    seeds = load_seeds(seeds_dir)
    rng = random.Random(seed)
    first_day = date(2019, 1, 1)
    for index in range(count):
        stem, text = seeds[index % len(seeds)]
        text = reorder_paragraphs(change_numbers(rename_people(text, rng), rng), rng)
        if stem.startswith("clean_") and rng.random() < 0.35:
            text = garble(text, rng)
        published = first_day + timedelta(days=rng.randrange(8 * 365))
        yield Article(f"a{index:06d}-{stem}", published.isoformat(), text)


def write_files(articles: Iterator[Article], folder: Path, per_folder: int = 1000) -> int:
    """Write each article as folder/NNN/ID.txt (at most per_folder per folder); return the count."""
    count = 0
    for count, article in enumerate(articles, 1):
        target = folder / f"{(count - 1) // per_folder:03d}"
        target.mkdir(parents=True, exist_ok=True)
        (target / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    return count


def write_table(articles: Iterator[Article], path: Path, kind: str) -> int:
    """Write the articles as a JSON Lines, CSV or Parquet table (id, date, text); return the count."""
    rows = [{"id": a.id, "date": a.date, "text": a.text} for a in articles]
    if kind == "jsonl":
        with path.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    elif kind == "csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=["id", "date", "text"])
            writer.writeheader()
            writer.writerows(rows)
    elif kind == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=500)
    else:
        raise ValueError(f"unknown table format {kind!r}")
    return len(rows)


def main(argv: list[str]) -> int:
    """Write COUNT generated articles to OUT in the chosen format."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--format", choices=FORMATS, default="files")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--seeds-dir", type=Path, default=DEFAULT_SEEDS_DIR)
    args = parser.parse_args(argv)
    articles = generate(args.count, args.seeds_dir, args.seed)
    if args.format == "files":
        written = write_files(articles, args.out)
    else:
        written = write_table(articles, args.out, args.format)
    print(f"wrote {written} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
