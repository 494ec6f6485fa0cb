"""Bucket tables: every stored key found with its value, absent keys absent; the lexicon's zipf() is unchanged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner import lexicon
from cleaner.buckets import BucketTable

keys = st.text(alphabet="ab= é’'-\t", max_size=6)


@given(st.dictionaries(keys, st.text(alphabet="0123456789.,", max_size=5), max_size=40), st.lists(keys, max_size=20))
def test_lookups_equal_the_dict(table: dict[str, str], probes: list[str]) -> None:
    built = BucketTable.build(table, 7)
    again = BucketTable.from_json(built.to_json())
    for key in [*table, *probes]:
        assert built.get(key) == again.get(key) == table.get(key)
    assert sorted(built.items()) == sorted(table.items())


def test_zipf_from_the_cached_table_equals_the_parsed_table() -> None:
    table = lexicon.zipf_table()
    assert all(lexicon.zipf(word) == value for word, value in table.items())
    for word in ["The", "DON’T", "zzqqx", "", "a b", "naïve", "Kassym-Jomart"]:
        assert lexicon.zipf(word) == table.get(word.lower().replace("’", "'"), 0.0)
