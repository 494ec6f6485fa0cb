"""Output formats: SARIF against the official 2.1.0 schema, GitHub, GitLab, JUnit; streaming equals render."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from cleaner.model import FileReport, Finding, Level, Safety
from cleaner.report import summarize
from cleaner.report import formats
from cleaner.report.formats import render
from cleaner.report.formats.github import annotation
from cleaner.report.formats.text import cut_line, finding_block
from cleaner.runner import CheckOptions, check_source
from cleaner.loader import load_rules
from cleaner.textio import SourceText

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
DOUBLE = "The minister resigned.. Officials declined to comment."


def sarif_validator() -> jsonschema.protocols.Validator:
    """The validator for the official SARIF 2.1.0 schema (a draft-04 schema), format checks on."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def checked(path: Path, text: str, readability: bool = True) -> FileReport:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return check_source(SourceText(str(path), text), CheckOptions(readability=readability))


def odd_report(path: Path) -> FileReport:
    """Findings a formatter must survive: LanguageTool codes, quotes, control characters, empty spans."""
    text = 'Say "hi"\x0b, 100% sure: a,b\nnext line\n'
    findings = (
        Finding("LT:COMMA_RULE", "comma-rule", "grammar", Level.INFO, 'Odd "comma",\x0b 100%: x\nnew', 8, 10, 1, 9, 1, 11, "\x0b,",
                ("; ",), Safety.SUGGEST, "languagetool"),
        Finding("PU101", "double-period", "punctuation", Level.ERROR, "Stray double period.", 28, 28, 2, 1, 2, 1, "",
                ("",), Safety.SAFE, fix_title="Delete"),
    )  # fmt: skip
    return FileReport(str(path), text, findings, None)


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[FileReport]:
    monkeypatch.chdir(tmp_path)
    return [
        checked(tmp_path / "articles" / "a b.md", f"# Title\n\n{DOUBLE}\n\nUse `x..y` today. Old news stays.. Nobody minds.\n"),
        checked(tmp_path / "articles" / "clean.txt", "The minister resigned. Officials declined to comment.\n"),
        checked(tmp_path / "articles" / "é.html", f"<article><p>{DOUBLE}</p></article>\n", readability=False),
        odd_report(tmp_path / "articles" / "odd.txt"),
    ]


def rules() -> tuple:
    return load_rules()


def test_sarif_is_valid_against_the_official_schema(reports: list[FileReport]) -> None:
    validator = sarif_validator()
    for subset in (reports, reports[:1], reports[1:2], []):
        doc = json.loads(render("sarif", subset, rules()))
        errors = sorted(validator.iter_errors(doc), key=str)
        assert not errors, errors[0]
    doc = json.loads(render("sarif", reports, rules()))
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "cleaner"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids)) and "PU101" in ids and "LT:COMMA_RULE" in ids
    pu = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "PU101")
    assert pu["name"] == "double-period" and pu["fullDescription"]["text"] and pu["defaultConfiguration"]["level"] == "warning"
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    first = run["results"][0]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "articles/a%20b.md", "uriBaseId": "SRCROOT"}
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 22, 24)
    [fix] = first["fixes"]
    assert fix["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "."
    assert run["columnKind"] == "unicodeCodePoints" and run["originalUriBaseIds"]["SRCROOT"]["uri"].endswith("/")
    assert any(r["level"] == "note" for r in run["results"])


def test_sarif_through_the_cli_with_jobs(reports: list[FileReport], tmp_path: Path) -> None:
    from test_config import run_main

    code, out, _ = run_main(["check", "-f", "sarif", "--jobs", "2", "articles"], tmp_path)
    assert code == 1
    errors = list(sarif_validator().iter_errors(json.loads(out)))
    assert not errors, errors[0]


def test_github_annotations_escape_properties_and_data(tmp_path: Path) -> None:
    report = odd_report(tmp_path / "odd,file:1.txt")
    line = annotation("odd,file:1.txt", report.findings[0])
    assert line.startswith("::notice file=odd%2Cfile%3A1.txt,line=1,col=9,endLine=1,endColumn=11,title=LT%3ACOMMA_RULE comma-rule::")
    assert line.endswith('LT:COMMA_RULE Odd "comma",  100%25: x%0Anew Suggestion: “; ”')
    assert annotation("a.md", report.findings[1]).startswith("::error file=a.md,line=2,col=1,")


def test_a_deletion_is_named_as_one(tmp_path: Path) -> None:
    said = Finding("AT102", "bare-said", "attribution", Level.WARNING, "Bare reporting verb.", 5, 11, 1, 6, 1, 12,
                   " Said.", ("",), Safety.SUGGEST)  # fmt: skip
    assert annotation("a.md", said).endswith("AT102 Bare reporting verb. Suggestion: delete “ Said.”")
    block = finding_block("a.md", said, ["“Go.” Said."], color=False)
    assert block[3] == "   = suggestion (suggest): (delete)"


def test_summary_counts_safe_fixes_and_the_unsafe_ones_apart(reports: list[FileReport]) -> None:
    king = Finding("NM101", "surname-calque", "names", Level.WARNING, "Literal name.", 0, 8, 1, 1, 1, 9,
                   "The king", ("Wang",), Safety.UNSAFE)  # fmt: skip
    unsafe = FileReport("king.txt", "The king met him.\n", (king, king), None)
    safe = reports[0]
    text = render("text", [safe, unsafe])
    assert text.splitlines()[-1].endswith(f"; {len(safe.findings)} fixable, 2 more with --unsafe-fixes.")
    assert render("text", [safe]).splitlines()[-1].endswith(f"; {len(safe.findings)} fixable.")
    assert summarize([safe, unsafe])["fixable"] == len(safe.findings) + 2 == summarize([safe])["fixable"] + 2


@pytest.mark.parametrize("column", [0, 5, 60, 170, 199])
def test_long_lines_are_cut_around_the_finding_to_the_width(column: int) -> None:
    source = "".join(chr(ord("a") + i % 26) for i in range(200))
    shown, at, width = cut_line(source, column, 12, 60)
    assert len(shown) <= 60 and shown[at : at + width] == source[column : column + width]
    assert width == min(12, len(source) - column) and shown.startswith("...") == (column > 20)
    assert shown.endswith("...") == (column < 150)
    assert cut_line(source, column, 12, None) == (source, column, 12) == cut_line(source, column, 12, 200)


def test_text_lines_fit_columns(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    report = checked(tmp_path / "long.txt", "Long words " * 30 + DOUBLE + " More" * 40 + "\n", readability=False)
    monkeypatch.setenv("COLUMNS", "72")
    lines = render("text", [report]).splitlines()
    at = next(i for i, line in enumerate(lines) if " PU101 " in line)
    shown, caret = lines[at + 1], lines[at + 2]
    assert shown.startswith(" 1 | ...") and shown.endswith("...") and len(shown) == 72
    assert caret.index("^") == shown.index("resigned..") + len("resigned") and caret.endswith(" ^^")
    monkeypatch.delenv("COLUMNS")
    assert render("text", [report]).splitlines()[at + 1] == " 1 | " + report.text.rstrip("\n")  # a pipe: uncut


def test_github_output_is_only_annotations(reports: list[FileReport]) -> None:
    lines = render("github", reports, rules()).splitlines()
    assert lines and all(line.startswith(("::warning ", "::error ", "::notice ")) for line in lines)
    assert lines[0].startswith("::warning file=articles/a b.md,line=3,col=22,")


def test_gitlab_code_quality_report(reports: list[FileReport]) -> None:
    issues = json.loads(render("gitlab", reports, rules()))
    assert len(issues) == sum(len(r.findings) for r in reports)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert not issue["location"]["path"].startswith("/") and issue["location"]["lines"]["begin"] >= 1
    assert json.loads(render("gitlab", [], rules())) == []
    # Fingerprints depend on the text around a finding, not on its line number.
    again = json.loads(render("gitlab", reports, rules()))
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]


def test_junit_report(reports: list[FileReport]) -> None:
    root = ET.fromstring(render("junit", reports, rules()))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [r.path for r in reports]
    for suite, report in zip(suites, reports):
        assert int(suite.get("failures")) == len(report.findings) == len(suite.findall("testcase/failure"))
        assert int(suite.get("tests")) == max(len(report.findings), 1) == len(suite.findall("testcase"))
    odd = suites[-1].findall("testcase/failure")[0]
    assert odd.get("message") == 'Odd "comma",\ufffd 100%: x\nnew'  # XML cannot carry \x0b


@pytest.mark.parametrize("count", [0, 1, 2, 4])
def test_text_and_json_reports_carry_every_finding_in_order(reports: list[FileReport], count: int) -> None:
    subset = reports[:count]
    payload = json.loads(render("json", subset))
    assert payload["version"] == 1
    assert [f["path"] for f in payload["files"]] == [r.path for r in subset]
    assert [[f["code"] for f in entry["findings"]] for entry in payload["files"]] == [
        [f.code for f in r.findings] for r in subset
    ]
    assert payload["summary"] == summarize(subset)
    text = render("text", subset)
    paths = {r.path for r in subset}
    headers = [line for line in text.splitlines() if line.split(":", 1)[0] in paths]
    expected = [f"{r.path}:{f.line}:{f.column}: {f.code} " for r in subset for f in r.findings]
    assert len(headers) == len(expected) and all(h.startswith(e) for h, e in zip(headers, expected))
    lines = text.splitlines()
    assert lines[-1].startswith(("Found ", "No findings"))  # the summary comes last, after every file
    scored = [r.path for r in subset if r.readability and r.readability.get("words")]
    readability = [line.split(": ", 1)[0] for line in lines if line.startswith("Readability of ")]
    assert readability == [f"Readability of {path}" for path in scored]
    for path in scored:  # each file's readability follows its own findings, before the next file's
        at = next(i for i, line in enumerate(lines) if line.startswith(f"Readability of {path}: "))
        assert not any(line.startswith(f"{path}:") for line in lines[at:])
    colored = render("text", subset, color=True)
    assert ("\x1b[" in colored) == any(r.findings for r in subset)


@pytest.mark.parametrize("fmt", formats.names("check"))
def test_every_format_with_jobs_2_equals_serial(reports: list[FileReport], tmp_path: Path, fmt: str) -> None:
    from test_config import run_main

    serial = run_main(["check", "-f", fmt, "--no-color", "articles"], tmp_path)
    parallel = run_main(["check", "-f", fmt, "--no-color", "--jobs", "2", "articles"], tmp_path)
    assert serial == parallel and serial[0] == 1 and serial[1]


# --- the registry ---------------------------------------------------------------------------


def test_the_registry_drives_every_command() -> None:
    # A subset, not the list: a new format is one module and its test, no edit here.
    assert formats.names("check")[0] == "text" and {"json", "sarif", "github", "gitlab", "junit"} < set(formats.names("check"))
    assert {"text", "json"} <= set(formats.names("score")) and "sarif" not in formats.names("score")
    assert {"text", "json"} <= set(formats.names("fix")) and "sarif" not in formats.names("fix")
    for command in ("check", "score", "fix"):
        assert [member.value for member in formats.choices(command)] == list(formats.names(command))
    for fmt in formats.registry().values():
        assert fmt.summary and fmt.module.__doc__ and "check" in fmt.commands, fmt.name


@pytest.mark.parametrize("command", ["score", "fix"])
def test_a_format_a_command_cannot_write_is_refused(tmp_path: Path, command: str) -> None:
    from test_config import run_main

    (tmp_path / "a.txt").write_text(DOUBLE, encoding="utf-8")
    code, out, err = run_main([command, "-f", "sarif", "a.txt"], tmp_path)
    assert code == 2 and out == "" and "'sarif' is not one of" in err
    with pytest.raises(ValueError, match="cannot write 'sarif'"):
        formats.module_for("sarif", command)


def test_score_formats_through_the_registry(tmp_path: Path) -> None:
    from test_config import run_main

    (tmp_path / "a.md").write_text(f"# Title\n\n{DOUBLE}\n", encoding="utf-8")
    code, out, _ = run_main(["score", "-f", "json", "a.md"], tmp_path)
    payload = json.loads(out)
    assert code == 0 and payload["files"][0]["path"] == "a.md" and payload["files"][0]["readability"]["words"] == 8
    code, out, _ = run_main(["score", "a.md"], tmp_path)
    assert code == 0 and out.splitlines()[0] == "a.md" and "  Flesch reading ease" in out


def test_score_walks_folders_like_check(tmp_path: Path) -> None:
    from test_config import run_main

    for name in ("news/a.md", "news/b.mdown", "news/drafts/c.md", "news/notes.cfg"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DOUBLE, encoding="utf-8")
    (tmp_path / ".cleaner.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    code, out, _ = run_main(["score", "-f", "json", "news"], tmp_path)
    assert code == 0 and [f["path"] for f in json.loads(out)["files"]] == ["news/a.md", "news/b.mdown"]
    code, out, _ = run_main(["score", "-f", "json", "--include", "*.cfg", "news"], tmp_path)
    assert [f["path"] for f in json.loads(out)["files"]] == ["news/notes.cfg"]


def test_text_lines_are_the_split_lines() -> None:
    from cleaner.report.visible import TextLines, split_lines

    for text in ("", "\n", "one", "one\n", "one\r\ntwo\rthree\n\nfour", "\n\n", "x\r", "ab\r\n"):
        lines = TextLines(text)
        assert list(lines) == split_lines(text) and len(lines) == len(split_lines(text))
        assert lines[-1:] == split_lines(text)[-1:]


def test_a_long_line_is_shown_around_the_finding_when_no_terminal_cuts_it() -> None:
    # A one-line text of a megabyte would otherwise be printed whole for each of its findings.
    line = "word " * 2000 + "Said." + " word" * 2000
    at = line.index("Said")
    said = Finding("AT102", "bare-said", "attribution", Level.WARNING, "Bare reporting verb.", at, at + 5, 1, at + 1, 1,
                   at + 6, "Said.", ("",), Safety.SUGGEST)  # fmt: skip
    block = finding_block("a.md", said, [line], color=False)
    shown, caret = block[1][len(" 1 | "):], block[2][len("   | "):]
    assert shown.startswith("...") and shown.endswith("...") and len(shown) < 420
    assert shown[caret.index("^"):][:5] == "Said." and caret.count("^") == 5
    first = Finding("AT102", "bare-said", "attribution", Level.WARNING, "Bare reporting verb.", 0, 5, 1, 1, 1, 6,
                    "Said.", ("",), Safety.SUGGEST)  # fmt: skip
    assert finding_block("a.md", first, ["Said. " * 100], color=False)[1] == " 1 | " + "Said. " * 100  # under the limit: whole
