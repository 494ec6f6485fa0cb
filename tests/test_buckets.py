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


def test_bucket_words_answer_as_a_frozenset_does() -> None:
    import random

    from cleaner import lexicon
    from cleaner.buckets import BucketWords

    words = lexicon._rows("lowercase.txt")
    table, reference = BucketWords(reversed(words)), frozenset(words)  # any order in
    rnd = random.Random(5)
    probes = words[::11] + [w + "s" for w in words[::17]] + ["", "\n", "a\nb", "Zürich", "zzzz"]
    probes += ["".join(rnd.choice("abeé'-") for _ in range(rnd.randint(0, 6))) for _ in range(5000)]
    assert [p in table for p in probes] == [p in reference for p in probes]
    assert set(table) == reference and len(table) == len(reference)
    assert BucketWords.from_buckets(table.buckets) == reference and list(table) == sorted(reference)
    for small in ([], [""], ["b", "a"], ["a", "ab", "abc"], ["", "a"]):
        for buckets in (1, 2, 7):
            built = BucketWords(small, buckets)
            assert [p in built for p in ("", "a", "ab", "b", "c")] == [p in set(small) for p in ("", "a", "ab", "b", "c")]
            assert list(built) == sorted(set(small)) and len(built) == len(set(small))
    assert lexicon.lowercase_words() == reference  # the cached table is the file's words


@given(st.dictionaries(st.text(max_size=6), st.text(max_size=8), max_size=40), st.lists(st.text(max_size=6), max_size=20))
def test_bucket_map_lookups_equal_the_dict(table: dict[str, str], probes: list[str]) -> None:
    from cleaner.buckets import BucketMap

    marks = (BucketMap.ENTRY, BucketMap.VALUE)
    table = {k: v for k, v in table.items() if not any(m in k + v for m in marks)}
    for per_bucket in (1, 3, 100):
        built = BucketMap.build(table, per_bucket)
        again = BucketMap(list(built.buckets))
        for key in [*table, *probes]:
            assert built.get(key) == again.get(key) == table.get(key)
            assert (key in built) == (key in table)
        assert sorted(built.items()) == sorted(table.items())
