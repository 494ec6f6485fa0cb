"""Build deterministic benchmark inputs from the seed articles: one article, a large corpus, a folder.

Usage: python benchmarks/build_corpus.py [--repeated] SIZE_BYTES OUT_PATH [SEEDS_DIR]

A large corpus is made of distinct articles generated from the seeds by archive_corpus.py
(people and places renamed, numbers changed, paragraphs swapped), as a real file of many
articles would be; `--repeated` builds the earlier corpus of the seed articles repeated
verbatim, where the repeated-paragraph rule reports every repeat.
"""

from __future__ import annotations

import sys
from pathlib import Path

from archive_corpus import generate

DEFAULT_SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
SEPARATOR = "\n\n"


def load_seeds(seeds_dir: Path) -> list[str]:
    """Return the text of every seeds_dir/*.txt in sorted order, trailing whitespace stripped."""
    paths = sorted(Path(seeds_dir).glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed articles (*.txt) in {seeds_dir}")
    return [path.read_text(encoding="utf-8").rstrip() for path in paths]


def build_corpus(size_bytes: int, seeds_dir: Path) -> str:
    """Repeat whole seed articles in sorted order, joined by blank lines, to about size_bytes."""
    if size_bytes < 0:
        raise ValueError(f"size_bytes must not be negative, got {size_bytes}")
    seeds = load_seeds(seeds_dir)
    sizes = [len(text.encode("utf-8")) for text in seeds]
    separator_size = len(SEPARATOR.encode("utf-8"))
    parts: list[str] = []
    total = 0
    index = 0
    while total < size_bytes:
        if parts:
            total += separator_size
        parts.append(seeds[index % len(seeds)])
        total += sizes[index % len(seeds)]
        index += 1
    return SEPARATOR.join(parts) + ("\n" if parts else "")


def build_varied_corpus(size_bytes: int, seeds_dir: Path) -> str:
    """Distinct generated articles (archive_corpus.generate), joined by blank lines, to about size_bytes."""
    if size_bytes < 0:
        raise ValueError(f"size_bytes must not be negative, got {size_bytes}")
    separator_size = len(SEPARATOR.encode("utf-8"))
    parts: list[str] = []
    total = 0
    for article in generate(sys.maxsize, seeds_dir):
        if total >= size_bytes:
            break
        text = article.text.rstrip()
        total += len(text.encode("utf-8")) + (separator_size if parts else 0)
        parts.append(text)
    return SEPARATOR.join(parts) + ("\n" if parts else "")


def build_article(size_bytes: int, seeds_dir: Path) -> str:
    """One article of about size_bytes: whole seed paragraphs, in order, until the size is reached."""
    paragraphs = [p.strip() for text in load_seeds(seeds_dir) for p in text.split(SEPARATOR) if p.strip()]
    out: list[str] = []
    total = 0
    for paragraph in paragraphs:
        if total >= size_bytes:
            break
        out.append(paragraph)
        total += len(paragraph.encode("utf-8")) + len(SEPARATOR)
    return SEPARATOR.join(out) + "\n"


def build_folder(folder: Path, count: int, seeds_dir: Path) -> int:
    """Write `count` article files (the seeds in turn) into folder; return their total size in bytes."""
    seeds = load_seeds(seeds_dir)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for n in range(count):
        data = (seeds[n % len(seeds)] + "\n").encode("utf-8")
        (folder / f"article_{n:03d}.txt").write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str]) -> int:
    """Write a corpus of the requested size: [--repeated] SIZE_BYTES OUT_PATH [SEEDS_DIR]."""
    repeated = "--repeated" in argv
    argv = [a for a in argv if a != "--repeated"]
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        size = int(argv[0])
    except ValueError:
        print(f"SIZE_BYTES must be an integer, got {argv[0]!r}", file=sys.stderr)
        return 2
    seeds_dir = Path(argv[2]) if len(argv) == 3 else DEFAULT_SEEDS_DIR
    try:
        corpus = (build_corpus if repeated else build_varied_corpus)(size, seeds_dir)
    except (ValueError, OSError) as error:
        print(error, file=sys.stderr)
        return 2
    Path(argv[1]).write_text(corpus, encoding="utf-8")
    print(f"wrote {len(corpus.encode('utf-8'))} bytes to {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
