"""String distances for names, exactly as rapidfuzz computes them, without importing rapidfuzz for a few.

An article compares a handful of names, and importing rapidfuzz costs about 20 ms of every
start. The first comparisons of a process are computed here (bit-parallel: one pass over the
second string, a few integer operations per character, 5-10 µs for a name); after `SWITCH_AFTER`
of them, a long text is worth the import and rapidfuzz's C takes over. Both give the same
numbers (a test compares them on many random and real name pairs), so where the switch falls
changes no result.
"""

from __future__ import annotations

from types import ModuleType

SWITCH_AFTER = 1000
_calls = [0]  # comparisons so far in this process


def _rapidfuzz() -> ModuleType | None:
    """rapidfuzz once enough comparisons were made to pay for importing it, else None."""
    _calls[0] += 1
    if _calls[0] <= SWITCH_AFTER:
        return None
    import rapidfuzz

    return rapidfuzz


def _match_masks(a: str) -> dict[str, int]:
    """Each character of `a` -> the bit mask of the positions where it occurs."""
    masks: dict[str, int] = {}
    for i, ch in enumerate(a):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    return masks


def lcs_length(a: str, b: str) -> int:
    """The length of the longest common subsequence (Hyyrö's bit-parallel algorithm)."""
    if not a or not b:
        return 0
    masks, full = _match_masks(a), (1 << len(a)) - 1
    row = full
    for ch in b:
        matches = row & masks.get(ch, 0)
        row = ((row + matches) | (row - matches)) & full
    return len(a) - row.bit_count()


def ratio(a: str, b: str) -> float:
    """rapidfuzz.fuzz.ratio: the normalized Indel similarity, 0 to 100."""
    fast = _rapidfuzz()
    if fast is not None:
        return fast.fuzz.ratio(a, b)
    total = len(a) + len(b)
    distance = total - 2 * lcs_length(a, b)
    normalized = distance / total if total else 0
    return (1 - normalized) * 100


def osa_distance(a: str, b: str, score_cutoff: int | None = None) -> int:
    """rapidfuzz.distance.OSA.distance: edits (insert, delete, replace, swap two neighbours) from a to b.

    With `score_cutoff`, a distance above it is returned as score_cutoff + 1, as rapidfuzz does.
    """
    fast = _rapidfuzz()
    if fast is not None:
        return fast.distance.OSA.distance(a, b, score_cutoff=score_cutoff)
    distance = _osa(a, b) if a else len(b)
    return distance if score_cutoff is None or distance <= score_cutoff else score_cutoff + 1


def _osa(a: str, b: str) -> int:
    """Hyyrö's (2003) bit-parallel optimal string alignment distance; `a` is not empty."""
    masks, full = _match_masks(a), (1 << len(a)) - 1
    last = 1 << (len(a) - 1)
    vp, vn, d0, previous, distance = full, 0, 0, 0, len(a)
    for ch in b:
        pm = masks.get(ch, 0)
        transposed = (((~d0) & pm) << 1) & previous
        d0 = (((((pm & vp) + vp) & full) ^ vp) | pm | vn | transposed) & full
        hp = (vn | ~(d0 | vp)) & full
        hn = d0 & vp
        if hp & last:
            distance += 1
        elif hn & last:
            distance -= 1
        hp = ((hp << 1) | 1) & full
        hn = (hn << 1) & full
        vp = (hn | ~(d0 | hp)) & full
        vn = hp & d0
        previous = pm
    return distance
