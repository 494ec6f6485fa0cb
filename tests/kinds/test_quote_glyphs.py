"""quote-glyphs (PU107-PU109) and the role-based pairing they share with quote-balance (PU105)."""

from __future__ import annotations

from cleaner.document import Document
from cleaner.engine import Engine
from cleaner.kinds._quotes import paragraph_marks
from cleaner.loader import load_rules
from cleaner.model import Safety
from tests_support import CLEAN_SEEDS, SEED

RULES = {r.code: r for r in load_rules()}
QUOTES = Engine([RULES[c] for c in ("PU105", "PU107", "PU108", "PU109")])


def report(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.code, f.text, f.replacements) for f in QUOTES.check(text)]


def defects(text: str) -> list[tuple[str, str | None]]:
    return [(m.glyph, m.defect) for _, marks in paragraph_marks(Document(text)) for m in marks]


def test_seed_and_clean_articles_have_no_glyph_defects() -> None:
    for path in (SEED, *CLEAN_SEEDS):
        assert report(path.read_text(encoding="utf-8")) == [], path.name


def test_opening_mark_glued_to_the_quoted_words_closes_it() -> None:
    assert report("“We will stay“, he said.") == [("PU108", "“", ("”",))]
    [finding] = QUOTES.check("“We will stay“, he said.")
    assert finding.safety is Safety.SAFE


def test_spaced_wrong_way_mark_is_a_suggestion_and_takes_its_space() -> None:
    [finding] = QUOTES.check("She wants the levy dropped “ ahead of the spring fair “ and he said so.")
    assert (finding.code, finding.text, finding.safety) == ("PU108", " “", Safety.SUGGEST)


def test_spaced_mark_before_a_full_stop_can_only_close() -> None:
    [finding] = QUOTES.check("She wants the levy dropped “ ahead of the spring fair “.")
    assert (finding.code, finding.text, finding.safety) == ("PU108", " “", Safety.SAFE)


def test_spaced_closing_glyph_turned_round_opens_a_reversed_pair() -> None:
    found = [(f.code, f.text, f.safety) for f in QUOTES.check("He named three ” levers “. Then he left.")]
    assert found == [("PU108", "”", Safety.SUGGEST), ("PU108", " “", Safety.SUGGEST)]


def test_one_defect_per_mark_so_pu105_is_silent_on_a_wrong_way_close() -> None:
    assert [code for code, _, _ in report("“We regret it“, the union said. “Talks go on.”")] == ["PU108"]


def test_new_quotation_while_one_is_open_is_reported_once_at_the_new_mark() -> None:
    text = "He said, “Inflation was the problem, that is all. “We have acted,” he added."
    assert report(text) == [("PU105", "“", ())]


def test_nested_double_quotes_are_not_a_defect() -> None:
    assert report("“He told me “no” twice,” she said.") == []


def test_run_on_over_a_single_line_break_reopens() -> None:
    assert report("“It is crazy,\n“and he does it every day,” Edman said.") == []


def test_tex_marks_take_the_article_style_and_single_marks_inside() -> None:
    curly = "“Yes,” he said. She wrote, ``The word ``kimchi'' was missing.''"
    assert [r for _, _, r in report(curly)] == [("“",), ("‘",), ("’",), ("”",)]
    straight = 'He said "yes" and "no". She wrote, ``It was missing.\'\''
    assert [r for _, _, r in report(straight)] == [('"',), ('"',)]


def test_inch_marks_are_not_quotation_marks() -> None:
    assert defects('The 12" pipe and the 5\'10\'\' player.') == []
    assert report('He is 6\'2\'\' and said "the 12" pipe leaks" twice.') == []


def test_mixed_pair_names_the_mark_out_of_the_article_style() -> None:
    text = '“We are ready," she said. “So are we,” he said. “Good.”'
    assert report(text) == [("PU109", '"', ("”",))]
    text = '"We are ready,” she said. "So are we," he said. "Good."'
    assert report(text) == [("PU109", "”", ('"',))]


def test_mixed_mark_read_as_a_nested_quotation_is_only_suggested() -> None:
    """A curly “ inside a straight quotation may be its misread closing mark: no safe single quote."""
    findings = [f for f in QUOTES.check('"What now? “Asked the mayor in Lyon. "The rents are too high."') if f.code == "PU109"]
    assert findings and all(f.safety is Safety.SUGGEST for f in findings)


def test_spaced_closing_mark_at_a_paragraph_start_opens_the_quotation() -> None:
    """A French continuation guillemet turned into ” opens the next paragraph: nothing before it to close."""
    text = "“We were tired at the break.»\n\n” The second half was better,” the coach said."
    assert defects(text)[-2:] == [("”", "wrong-way"), ("”", None)]
    assert defects("The coach left.\n\n”\n\nThe club said nothing.") == [("”", "unmatched")]


def test_flipped_pair_is_reported_at_both_marks_only_when_paired() -> None:
    flipped = Engine([RULES["SP116"]])
    assert [(f.text, f.replacements) for f in flipped.check('It was the" best deal "in years.')] == [
        ('" ', (' "',)), (' "', ('" ',))]
    assert flipped.check('He said "yes" and she said "no" twice.') == []
