"""Validate rules/data/world-figures.yaml, the public-figure table read by NM103 and NM107.

Usage: python scripts/check_public_figures.py [PATH]

Checks: the file maps a country of the packaged country table (or one a nationality adjective of
rules/data/lexicon/demonyms.tsv stands for, as Palestine) to a list of names; every name has two
words or more and exactly one run of capitals (the family name, as the Factbook writes it), which is
not a particle (AL, BIN, DE, VAN: written in lower case before the family name, "Ursula von
der LEYEN"; a family name written first may be such a word, Vietnamese "LE Minh Khai") and not a
regnal number after a given name ("Felipe VI" has no family name); single spaces only; no name is
listed twice, nor under two countries; no name repeats one of the packaged Factbook table
(rules/data/lexicon/people.tsv: it is read already; an athlete of athletes.tsv may be listed here
too, under the country, where that table has the league). Prints one line per problem and exits 1
when there is any.
"""

from __future__ import annotations

import sys
from pathlib import Path

import regex
import yaml

ROOT = Path(__file__).resolve().parent.parent / "rules" / "data"
DEFAULT = ROOT / "world-figures.yaml"
_CAPITALS = regex.compile(r"\p{Lu}{2,}(?:['’-]\p{Lu}+)*")
_REGNAL = regex.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_PARTICLES = frozenset({"AL", "BIN", "BINT", "IBN", "DE", "DA", "DI", "DEL", "DER", "DOS", "VAN", "VON", "LE", "LA", "EL"})


def _tsv_column(name: str, column: int) -> set[str]:
    lines = (ROOT / "lexicon" / name).read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[column] for line in lines if line and not line.startswith("#")}


def _title(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))


def problems(table: object) -> list[str]:
    """Every problem of the table, as readable lines."""
    if not isinstance(table, dict):
        return ["the table must map countries to lists of names"]
    countries = _tsv_column("countries.tsv", 0) | _tsv_column("demonyms.tsv", 1)
    factbook = _tsv_column("people.tsv", 0)
    out: list[str] = []
    seen: dict[str, str] = {}
    for country, names in table.items():
        if country not in countries:
            out.append(f"{country}: not a country of the packaged tables")
        if not names:
            out.append(f"{country}: no names")
        for name in names or ():
            out += _name_problems(str(name), country)
            if name in seen:
                out.append(f"{name}: listed under {seen[name]} and {country}")
            seen[name] = country
            plain = " ".join(_title(w) if _CAPITALS.fullmatch(w) else w for w in str(name).split())
            if plain in factbook:
                out.append(f"{name}: already in people.tsv (the Factbook table)")
    return out


def _name_problems(name: str, country: str) -> list[str]:
    words = name.split()
    where = f"{country}: {name}"
    if len(words) < 2:
        return [f"{where}: needs a given name and a family name"]
    if name != " ".join(words):
        return [f"{where}: write the name with single spaces"]
    capitals = [i for i, w in enumerate(words) if _CAPITALS.fullmatch(w)]
    if not capitals:
        return [f"{where}: no family name in capitals"]
    if words[capitals[0]] in _PARTICLES and capitals != [0]:
        return [f"{where}: the family name starts with a particle; write the particle in lower case"]
    if capitals != [0] and any(_REGNAL.fullmatch(words[i]) for i in capitals):  # XI Jinping: a family name first
        return [f"{where}: a regnal number is not a family name"]
    if capitals != list(range(capitals[0], capitals[-1] + 1)):
        return [f"{where}: the capitals are not one run"]
    return []


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    found = problems(yaml.safe_load(path.read_text(encoding="utf-8")))
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
