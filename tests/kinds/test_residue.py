"""residue (RS101-RS104): full-width forms, CJK punctuation, stray CJK and look-alike letters."""

from __future__ import annotations

from cleaner.engine import Engine
from cleaner.loader import load_rules
from tests_support import CLEAN_SEEDS, SEED, found

RULES = {r.code: r for r in load_rules()}


def test_seed_and_clean_articles() -> None:
    engine = Engine([RULES[c] for c in ("RS101", "RS102", "RS103", "RS104", "RS105")])
    for path in (SEED, *CLEAN_SEEDS):
        assert engine.check(path.read_text(encoding="utf-8")) == [], path.name


def test_fullwidth_runs_become_ascii_with_the_space_they_carried() -> None:
    assert found("RS101", "Tokyo（AFP）said") == [("（", (" (",)), ("）", (") ",))]
    assert found("RS101", "rate ３．５％ at 10：30") == [("３．５％", ("3.5%",)), ("：", (":",))]
    assert found("RS101", "rose，officials said") == [("，", (", ",))]
    assert found("RS101", "a\u3000gap") == [("\u3000", (" ",))]


def test_fullwidth_tilde_between_numbers_is_left_to_the_range_rule() -> None:
    assert found("RS101", "4～5 percent") == []
    assert found("RS105", "4～5 percent") == [("～", ("-",))]


def test_ideographic_marks_by_safety() -> None:
    engine = Engine([RULES["RS102"]])
    findings = {f.text: (f.replacements, f.safety.value if f.safety else None)
                for f in engine.check("Done。「Yes」《Title》・※")}
    assert findings["。"] == ((". ",), "safe")
    assert findings["「"] == (("“",), "safe")
    assert findings["《"] == (("“",), "suggest")
    assert findings["・"][0] == ()  # no English equivalent: reported without a fix


def test_cjk_gloss_in_brackets_is_allowed_but_not_a_run_in_prose() -> None:
    assert found("RS103", "Wang Yi (王毅) and Kim (김) met.") == []
    assert found("RS103", "The 会議 ended and the ソウル office closed.") == [("会議", ()), ("ソウル", ())]


def test_look_alike_letters_in_latin_words_only() -> None:
    assert found("RS104", "the оffice") == [("о", ("o",))]
    assert found("RS104", "for а week") == [("а", ("a",))]
    assert found("RS104", "Віталій Кличко and the angle α") == []


def test_guillemet_paired_with_an_english_mark_takes_the_english_partner() -> None:
    assert found("RS109", "“We played well. »") == [("»", ("”",))]
    assert found("RS109", "He said «we will wait” and left.") == [("«", ("“",))]
    assert found("RS109", "She said »we will wait” and left.") == [("»", ("“",))]


def test_quotation_wholly_in_guillemets_is_left_alone() -> None:
    assert found("RS109", "A placard read «Non merci» and « Oui » outside.") == []
    assert found("RS109", "“Fine,” he said.\n\nThe placard read «Non».") == []


def test_low_opening_mark_is_always_reported() -> None:
    assert found("RS109", "„Ja“, he said.") == [("„", ("“",))]
    assert found("RS109", "„Ja», he said.") == [("„", ("“",)), ("»", ("”",))]


def test_line_markers_before_a_sentence_only() -> None:
    assert found("RS107", "Intro.\n\n▲ Lin Hua arrives at the premiere.") == [("▲ ", ("",))]
    assert found("RS107", "Intro.\n── What did you feel?") == [("── ", ("",))]
    assert found("RS107", "▲ 2.3% Nikkei\n▼ Dow Jones 120\nShares ▲ Rose sharply.") == []


def test_box_drawing_between_words_is_a_dash() -> None:
    assert found("RS108", "the goal ── a title ── was near") == [("──", ("—",)), ("──", ("—",))]
    assert found("RS108", "── What did you feel?") == []


def test_circled_numbers_become_numbers_in_brackets() -> None:
    assert found("RS110", "parts: ① tax, ⑳ roads, ❶ rail, ⑴fees") == [
        ("①", ("(1)",)), ("⑳", ("(20)",)), ("❶", ("(1)",)), ("⑴", ("(1) ",))]
    assert found("RS110", "© 2024 ® ™ (1)") == []


def test_a_spaced_opening_guillemet_opens_even_after_a_closed_quotation() -> None:
    # French sets « with a space after it; it still opens, so an earlier straight closer is no partner.
    text = '"We stay," she said. Fans carried banners reading « Our lake, our summer. Tickets stay valid.'
    assert found("RS109", text) == []
    assert found("RS109", "“He played well. »") == [("»", ("”",))]
