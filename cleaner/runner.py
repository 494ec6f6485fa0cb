"""Check many inputs: read, decode, run the engine, score readability, merge grammar findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from cleaner.api import engine_for
from cleaner.document import Document
from cleaner.engine import Engine
from cleaner.model import FileReport, Finding
from cleaner.readability import score
from cleaner.textio import SourceText, expand_paths, read_source

FindingFilter = Callable[[SourceText, list[Finding]], list[Finding]]


@dataclass
class CheckOptions:
    """What a check run does besides the built-in rules."""

    rule_folders: tuple[Path, ...] | None = None
    readability: bool = True
    grammar: object | None = None  # a cleaner.languagetool.GrammarChecker, already entered
    filters: Sequence[FindingFilter] = field(default_factory=tuple)


def check_source(source: SourceText, options: CheckOptions, engine: Engine | None = None) -> FileReport:
    """Check one decoded input and return its report."""
    engine = engine or engine_for(options.rule_folders)
    doc = Document(source.text)
    findings = engine.check(doc)
    if options.grammar is not None and source.text.strip():
        from cleaner.languagetool import merge_findings

        findings = merge_findings(findings, options.grammar.check(source.text))
    for keep in options.filters:
        findings = keep(source, findings)
    readability = score(source.text).to_dict() if options.readability else None
    return FileReport(source.path, source.text, tuple(findings), readability)


def check_paths(paths: Iterable[str], options: CheckOptions) -> Iterator[FileReport]:
    """Check every file (directories expanded, '-' for stdin), one report each, in order."""
    engine = engine_for(options.rule_folders)
    for path in expand_paths(list(paths)):
        yield check_source(read_source(path), options, engine)
