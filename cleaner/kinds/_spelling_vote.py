"""One name written two ways in an article: the spelling the article uses most is kept, the other reported.

Shared by the name kinds that group one person's mentions and compare how a part of the name is spelled.
"""

from __future__ import annotations

from typing import Callable, Hashable, Iterator, TypeVar

from cleaner.model import Hit

Spelling = TypeVar("Spelling", bound=Hashable)
Span = tuple[int, int]


def vote_hits(
    spellings: dict[Spelling, list[Span]],
    keep: Spelling,
    others: list[Spelling],
    tied: bool,
    fix: Callable[[Spelling], str],
    tied_message: Callable[[Spelling], str],
    outnumbered_message: Callable[[Spelling], str],
) -> Iterator[Hit]:
    """Hits on each other spelling; when the count is tied, on the kept one too and with no suggestion."""
    for other in others:
        # A tie gives no evidence which spelling is right: both are marked for the editor to decide.
        spans = spellings[other] + spellings[keep] if tied else spellings[other]
        message = tied_message(other) if tied else outnumbered_message(other)
        for start, end in spans:
            yield Hit(start, end, () if tied else (fix(keep),), message=message)
