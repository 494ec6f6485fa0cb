"""Validate rules/data/organisation-calques.yaml, the table of organisation names read by NM112.

Usage: python scripts/check_organisation_calques.py [PATH]

Checks: every entry has an English name, a native name, a known sector and at least one
rendering; no rendering is listed twice (ignoring case) unless every entry that lists it is tied to
a different country; a rendering is never the English name itself (reporting it would be wrong);
country codes are defined; entries with `gated` or `unless-next` refer to their own renderings;
a rendering is never another entry's English name (it would flag a right name); a rendering of
several words that are all among the commonest English words ("The Day", "In Contact") must be
`gated` or tied to a country, since otherwise it stands alone on ordinary prose.
Prints one line per problem and exits 1 when there is any.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ORDINARY_ZIPF = 5.5  # "the", "day", "in", "new": a phrase of such words is ordinary prose
DEFAULT = Path(__file__).resolve().parent.parent / "rules" / "data" / "organisation-calques.yaml"


def problems(table: dict) -> list[str]:
    """Every problem of the table, as readable lines."""
    out: list[str] = []
    sectors, countries = table.get("sectors", {}), table.get("countries", {})
    owners: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for number, entry in enumerate(table.get("organisations", []), 1):
        name = entry.get("name")
        where = f"entry {number} ({name or '?'})"
        out += _entry_problems(entry, where, sectors, countries)
        for text in entry.get("renderings") or ():
            owners.setdefault(text.lower(), []).append((str(name), tuple(entry.get("country") or ())))
    names = {str(entry.get("name", "")).lower() for entry in table.get("organisations", [])}
    for text, found in owners.items():
        if text in names and all(name.lower() != text for name, _ in found):
            out.append(f"rendering '{text}' of {found[0][0]} is the English name of another entry")
        places = [country for _, country in found]
        if len(found) > 1 and (not all(places) or len(set(places)) < len(places)):
            out.append(f"rendering '{text}' is listed for {', '.join(n for n, _ in found)} without distinct countries")
    return out


def _entry_problems(entry: dict, where: str, sectors: dict, countries: dict) -> list[str]:
    out = []
    name, renderings = entry.get("name"), entry.get("renderings") or []
    if not isinstance(name, str) or not name.strip():
        out.append(f"{where}: no English name")
    if not entry.get("native"):
        out.append(f"{where}: no native name")
    if not renderings:
        out.append(f"{where}: no renderings")
    keys = entry.get("sector") or []
    for key in [keys] if isinstance(keys, str) else keys:
        if key not in sectors:
            out.append(f"{where}: unknown sector '{key}'")
    for code in entry.get("country") or ():
        if code not in countries:
            out.append(f"{where}: unknown country '{code}'")
    for text in renderings:
        if isinstance(name, str) and text.lower() == name.lower():
            out.append(f"{where}: rendering '{text}' is the English name itself")
    for text in renderings:
        if len(text.split()) > 1 and text not in (entry.get("gated") or ()) and not entry.get("country") and _ordinary(text):
            out.append(f"{where}: rendering '{text}' is ordinary English; gate it or tie it to a country")
    for text in entry.get("gated") or ():
        if text not in renderings:
            out.append(f"{where}: gated '{text}' is not one of its renderings")
    return out


def _ordinary(text: str) -> bool:
    """Whether every word of a rendering is among the commonest English words (wordfreq Zipf >= 5.5)."""
    from cleaner import lexicon

    return all(lexicon.zipf(word.lower()) >= ORDINARY_ZIPF for word in text.split())


def main(argv: list[str]) -> int:
    """Check the table at argv[0] (default: the packaged one)."""
    path = Path(argv[0]) if argv else DEFAULT
    found = problems(yaml.safe_load(path.read_text(encoding="utf-8")))
    for line in found:
        print(f"{path.name}: {line}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
