"""The mojibake decoder: whole runs of code-page characters that are UTF-8, and nothing else."""

import pytest

from cleaner.kinds._mojibake import candidate_runs, decode_run


@pytest.mark.parametrize(("run", "text"), [
    ("â€œ", "“"), ("â€™", "’"), ("Ã©", "é"), ("Â£", "£"), ("โ€œ", "“"), ("โ€", "”"), ("вЂњ", "“"),
    ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет"),
])
def test_decodes_mojibake(run: str, text: str) -> None:
    assert decode_run(run) == text


@pytest.mark.parametrize("run", ["’”", "—“", "ß’", "Ñ”", "É”", "รก", "สวัสดี", "é»", "Ü“"])
def test_leaves_real_text(run: str) -> None:
    assert decode_run(run) is None


def test_candidates_need_two_characters() -> None:
    assert [m.group() for m in candidate_runs().finditer("café and cafÃ© â€” ok")] == ["Ã©", "â€”"]
