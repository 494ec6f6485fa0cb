"""`readability-limit`: a readability score beyond the limit the configuration sets.

The score is computed on the whole checked text (the prose, for Markdown and HTML) and the
finding sits at the top of the file. Without a limit (the default) the rule reports nothing.
The same rule serves `check` and `fix` (which compares the fixed text with the limit).
"""

from __future__ import annotations

import dataclasses
import functools
from types import MappingProxyType
from typing import TYPE_CHECKING, Callable, Iterator

from cleaner.document import Document
from cleaner.model import Hit, Rule
from cleaner.schema import NUMBER, Option, Replacement, one_of

if TYPE_CHECKING:  # pragma: no cover
    from cleaner.config import EffectiveConfig
    from cleaner.readability import Readability

# The limit keys of [tool.cleaner.readability]: the bound, then the score.
SETTINGS = ("min-flesch-reading-ease", "max-flesch-kincaid-grade", "max-gunning-fog")

KIND = "readability-limit"
OPTIONS = (
    Option(
        "setting",
        one_of(*SETTINGS),
        "The `[tool.cleaner.readability]` key that sets the limit; its name gives the bound and the score "
        "(`max-gunning-fog`: the Gunning fog index must not rise above the limit).",
        required=True,
    ),
    Option(
        "limit",
        NUMBER,
        "The limit, normally taken from the setting; a rule file sets it only in its examples' options.",
    ),
)
REPLACEMENT = Replacement.NONE


def configure(rule: Rule, config: "EffectiveConfig") -> Rule:
    """Take the limit and the level from the run's readability settings (none when scoring is off)."""
    settings = config.readability
    configured = getattr(settings, rule.options["setting"].replace("-", "_"))
    limit = (configured if configured is not None else rule.options["limit"]) if settings.enabled else None
    options = MappingProxyType({**rule.options, "limit": limit})
    return dataclasses.replace(rule, options=options, level=settings.level)


def build(rule: Rule) -> Callable[[Document], Iterator[Hit]]:
    """Return the checker: compare the text's score with the limit, if there is one."""
    limit = rule.options["limit"]
    bound, _, score_name = rule.options["setting"].partition("-")
    field = score_name.replace("-", "_")

    def check(doc: Document) -> Iterator[Hit]:
        if limit is None:
            return
        scores = _score(doc.text)
        value = getattr(scores, field)
        if scores.words and ((value < limit) if bound == "min" else (value > limit)):
            yield Hit(0, 0, message=f"{rule.message.rstrip('.')}: {value} ({bound} {limit:g}).")

    return check


@functools.lru_cache(maxsize=4)
def _score(text: str) -> "Readability":
    # The limits of one text are checked by up to three rules; score it once.
    from cleaner.readability import score

    return score(text)
