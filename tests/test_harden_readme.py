"""The README's reliability promises and exit codes match what the code and the tests do."""

from __future__ import annotations

import re

from cleaner.errors import ExitCode
from tests_support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_exit_code_table_lists_exactly_the_codes_cleaner_uses() -> None:
    table = README.split("## Exit codes", 1)[1].split("\n\n", 2)[1]
    documented = [int(code) for code in re.findall(r"^\| (\d+) \|", table, re.M)]
    used = sorted(v for k, v in vars(ExitCode).items() if k.isupper())
    assert documented == used


def test_every_reliability_promise_names_tests_that_exist() -> None:
    block = README.split("<!-- reliability:start -->", 1)[1].split("<!-- reliability:end -->", 1)[0]
    rows = [line for line in block.splitlines() if line.startswith("| ") and "::" in line]
    assert len(rows) >= 8
    for row in rows:
        references = re.findall(r"`([\w/]+\.py)::(\w+)`", row)
        assert references, row
        for file, name in references:
            source = (ROOT / "tests" / file).read_text(encoding="utf-8")
            assert re.search(rf"^(def {name}\(|{name} = )", source, re.M), f"{file}::{name} named in the README"
