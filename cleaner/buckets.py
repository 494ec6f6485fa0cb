"""A word table that is cheap to open: hash buckets searched per lookup, nothing parsed up front.

Turning 100,000 lines into a dict takes tens of milliseconds at every start, for an article
that looks up a few hundred words. Here the table is a list of bucket strings
(" key=value key=value ..."), a key's bucket being the CRC-32 of its UTF-8 bytes, so a
lookup hashes the key and searches one short string. Keys holding whitespace or "=" (which
the bucket format cannot hold) are kept aside in a small dict, so every table can be stored.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator, Set
from typing import Any, Mapping

_UNSTORABLE = re.compile(r"[\s=]")  # a key with whitespace or "=" cannot sit in a bucket string


def bucket_of(key: str, buckets: int) -> int:
    """Return the bucket that holds `key`."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % buckets


class BucketTable:
    """Read-only str -> str lookups over bucket strings (see the module docstring)."""

    def __init__(self, buckets: list[str], aside: Mapping[str, str] | None = None) -> None:
        self.buckets = buckets
        self.aside = dict(aside or {})

    @classmethod
    def build(cls, table: Mapping[str, str], buckets: int) -> BucketTable:
        """Build from a dict whose values hold no space."""
        lines: list[list[str]] = [[] for _ in range(buckets)]
        aside = {}
        for key in sorted(table):
            value = table[key]
            if _UNSTORABLE.search(value.replace("=", "")):
                raise ValueError(f"bucket table value {value!r} holds whitespace")
            if not key or _UNSTORABLE.search(key):
                aside[key] = value
            else:
                lines[bucket_of(key, buckets)].append(f" {key}={value}")
        return cls(["".join(line) for line in lines], aside)

    def to_json(self) -> dict[str, Any]:
        """Plain data for the compiled cache."""
        return {"buckets": self.buckets, "aside": self.aside}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BucketTable:
        """The table `to_json` described."""
        return cls(list(data["buckets"]), data["aside"])

    def get(self, key: str) -> str | None:
        """Return the value stored for `key`, or None."""
        if not key or _UNSTORABLE.search(key):
            return self.aside.get(key)
        line = self.buckets[bucket_of(key, len(self.buckets))]
        at = line.find(f" {key}=")
        if at < 0:
            return None
        start = at + len(key) + 2
        end = line.find(" ", start)
        return line[start : end if end >= 0 else len(line)]

    def items(self) -> list[tuple[str, str]]:
        """Every (key, value), in no particular order (parses the whole table)."""
        pairs = [entry.split("=", 1) for line in self.buckets for entry in line.split(" ") if entry]
        return [(key, value) for key, value in pairs] + list(self.aside.items())


class BucketWords(Set[str]):
    """A read-only word set held as hash-bucket strings ("\nword\nword\n"), the bucket being the CRC-32 of the word.

    Opening it parses nothing (a frozenset of 71,000 words costs about 15 ms of CPU at every
    start); a lookup hashes the word and searches one short string, for the few thousand
    lookups an article makes (a bisection of one long sorted string cost twenty searches each).
    """

    def __init__(self, words: Iterable[str], buckets: int = 8192) -> None:
        ordered = sorted(set(words))
        if any("\n" in word for word in ordered):
            raise ValueError("a word of a BucketWords set holds a line break")
        lines: list[list[str]] = [[] for _ in range(buckets)]
        for word in ordered:
            lines[bucket_of(word, buckets)].append(word)
        self.buckets = ["\n" + "\n".join(line) + "\n" if line else "" for line in lines]

    @classmethod
    def from_buckets(cls, buckets: list[str]) -> BucketWords:
        """The set whose `buckets` these are (as stored by a cache)."""
        words = cls((), 1)
        words.buckets = buckets
        return words

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or "\n" in word:
            return False
        return f"\n{word}\n" in self.buckets[bucket_of(word, len(self.buckets))]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(word for line in self.buckets if line for word in line[1:-1].split("\n")))

    def __len__(self) -> int:
        return sum(line.count("\n") - 1 for line in self.buckets if line)


class BucketMap:
    """Read-only str -> str lookups, values holding any text but two separators, as hash-bucket strings.

    For the compiled cache's larger derived tables (a name index of 12,000 words): marshal loads a
    dict at a few hundred nanoseconds a key, so such a table cost milliseconds of every start; a
    list of bucket strings loads as a few long strings, and a lookup searches one bucket. A bucket
    is "<FS>key<GS>value<FS>key<GS>value...", so neither separator may stand in a key or a value.
    """

    ENTRY, VALUE = "\x1c", "\x1d"  # the file and group separators: no text table holds them

    def __init__(self, buckets: list[str]) -> None:
        self.buckets = buckets

    @classmethod
    def build(cls, table: Mapping[str, str], per_bucket: int = 8) -> BucketMap:
        """Build from a dict, about `per_bucket` keys a bucket."""
        lines: list[list[str]] = [[] for _ in range(max(1, len(table) // per_bucket))]
        for key in sorted(table):
            value = table[key]
            if any(mark in text for mark in (cls.ENTRY, cls.VALUE) for text in (key, value)):
                raise ValueError(f"bucket map entry {key!r} holds a separator")
            lines[bucket_of(key, len(lines))].append(f"{cls.ENTRY}{key}{cls.VALUE}{value}")
        return cls(["".join(line) for line in lines])

    def get(self, key: str) -> str | None:
        """Return the value stored for `key`, or None."""
        line = self.buckets[bucket_of(key, len(self.buckets))]
        at = line.find(f"{self.ENTRY}{key}{self.VALUE}")
        if at < 0:
            return None
        start = at + len(key) + 2
        end = line.find(self.ENTRY, start)
        return line[start : end if end >= 0 else len(line)]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def items(self) -> list[tuple[str, str]]:
        """Every (key, value), in no particular order (parses the whole table)."""
        return [tuple(entry.split(self.VALUE, 1)) for line in self.buckets for entry in line.split(self.ENTRY)[1:]]  # type: ignore[misc]


# A BucketMap value may pack rows of fields: these separators (record and unit) stand in no text table either.
ROW, FIELD = "\x1e", "\x1f"


def pack_rows(rows: Iterable[Iterable[str]]) -> str:
    """Rows of text fields as one string for a BucketMap value (`unpack_rows` reads it back)."""
    out = []
    for row in rows:
        fields = list(row)
        if any(mark in field for field in fields for mark in (ROW, FIELD, BucketMap.ENTRY, BucketMap.VALUE)):
            raise ValueError(f"packed row {fields!r} holds a separator")
        out.append(FIELD.join(fields))
    return ROW.join(out)


def unpack_rows(packed: str) -> list[list[str]]:
    """The rows `pack_rows` packed."""
    return [row.split(FIELD) for row in packed.split(ROW)]
