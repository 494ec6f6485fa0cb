"""The command line every table generator in scripts/ shares: write the table, or with --check compare it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def write_or_check(argv: list[str], description: str, out: Path, build: Callable[[], str], script: str) -> int:
    """Build the table; write it to `out`, or with --check exit 1 when the committed `out` differs."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed table is out of date")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        current = out.read_text(encoding="utf-8") if out.exists() else None
        if current != text:
            print(f"{out.name} is out of date: run python scripts/{script}", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(text.splitlines())} lines)")
    return 0
