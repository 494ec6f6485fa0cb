"""unbalanced-quotes (PU105): pairing within paragraphs and the run-on convention."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules
from tests_support import CLEAN_SEEDS, SEED

ENGINE = Engine([r for r in load_rules() if r.code == "PU105"])


def marks(text: str) -> list[tuple[int, str]]:
    return [(f.start, f.text) for f in ENGINE.check(text)]


def test_seed_and_clean_articles_are_balanced() -> None:
    for path in (SEED, *CLEAN_SEEDS):
        assert ENGINE.check(path.read_text(encoding="utf-8")) == [], path.name


def test_run_on_quotation_over_three_paragraphs() -> None:
    text = "“First part,\n\n“second part,\n\n“and the end,” she said."
    assert marks(text) == []


def test_run_on_needs_the_next_paragraph_to_reopen() -> None:
    text = "“First part,\n\nand then the quotation was lost."
    assert marks(text) == [(0, "“")]


def test_last_paragraph_cannot_run_on() -> None:
    # The quoted words run to the finished end of the paragraph: the closing mark is missing there.
    assert marks("He said: “We will stay.") == [(22, ".")]


def test_a_page_cut_off_inside_a_quotation_is_not_reported() -> None:
    assert marks("Officials met.\n\nHe said: “We will stay until the") == []
    assert marks("He said: “We will stay until the,\n\nThe next paragraph.") == [(9, "“")]


def test_quotation_over_paragraphs_without_reopening_marks() -> None:
    text = 'He noted: "The town was shelled twice.\n\nTwo houses burned.\n\nNobody was hurt."\n\nTalks went on.'
    assert marks(text) == []
    # Only paragraphs with no mark at all may be bridged.
    text = 'He noted: "The town was shelled.\n\nThe "houses" burned.\n\nNobody was hurt."'
    assert marks(text) != []


def test_closer_after_an_empty_pair_is_left_to_pu119() -> None:
    assert marks("“”Nobody will build”, the president said.") == []


def test_open_mark_followed_by_a_closed_quotation_is_not_a_run_on() -> None:
    # The first “ has a partner; the second opens a quotation that never closes.
    text = "“One,” he said, “two.\n\n“Three.”"
    assert [m for _, m in marks(text)] == []
    text = "“One,” he said, “two “three.\n\n“Four.”"
    assert [m for _, m in marks(text)] == ["“"]


def test_stray_closing_mark_message() -> None:
    findings = ENGINE.check("The talks were useful” and long.")
    assert [f.text for f in findings] == ["”"]
    assert findings[0].message.startswith("Closing")


def test_straight_quotes_and_inch_marks() -> None:
    assert marks('He said "we stay" and left.') == []
    assert marks('He said "we stay and left.') == [(25, ".")]
    assert marks('A 12" pipe burst.') == []


def test_a_quotation_opened_with_a_single_mark_is_not_reported_again_at_its_double_close() -> None:
    # ‘… ” is one defect, the unclosed single mark (PU123); PU105 does not add a second finding.
    from cleaner.engine import Engine
    from cleaner.loader import load_rules

    rule = next(r for r in load_rules() if r.code == "PU105")
    assert Engine([rule]).check("He said ‘We lost the match,” and left.") == []
    assert [f.text for f in Engine([rule]).check("He said we lost the match,” and left.")] == ["”"]


def test_a_quotation_left_open_before_a_new_attribution_loses_its_closer_there() -> None:
    text = "The minister said, “Roads come first. Schools are next. The spokesman said, ‘Clinics follow after that.’"
    assert (54, ".") in marks(text)  # after "Schools are next", before the spokesman's attribution
    nested = "She told us, “I waited. Then a woman came in. She said, ‘It has to fit him.’ I sewed all night.”"
    assert marks(nested) == []  # a speaker named by a pronoun is quoted inside the quotation


def test_a_lost_opener_after_narration_is_placed_where_the_first_person_starts() -> None:
    narrated = "The coach met the press in the rain at the club grounds. I answered what I could,” he said."
    assert [f.text for f in ENGINE.check(narrated)] == ["I"]
    spoken = "The pitch was heavy. The rain never stopped,” he said."
    assert [f.start for f in ENGINE.check(spoken)] == [0]  # no first person: the opener stays at the start


def test_a_scare_quote_after_an_unclosed_quotation_is_not_the_reopening() -> None:
    # The first quotation lost its closer somewhere; the short pair later in the paragraph is sound and not reported.
    text = "Some said, “Why do aides always take notes? Experts say it is a custom. One was punished for giving “false” reports.\n\nEnd."
    assert marks(text) == []
    # A longer quotation opened by an attribution sentence shows where the first one lost its closer.
    longer = "Some said, “Why do aides take notes? Officials said “they all do it because the leader likes it” today.\n\nEnd."
    assert marks(longer) == [(35, "?")]
