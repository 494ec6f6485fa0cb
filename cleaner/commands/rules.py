"""`cleaner rules` and `cleaner explain`: the rules a run would use (team rules included) and their schema."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from cleaner import docgen
from cleaner.commands import _shared as shared
from cleaner.errors import InputError
from cleaner.kinds import kind_for, registry
from cleaner.measured import measurements, table_cells
from cleaner.model import Rule


def register(app: typer.Typer) -> None:
    """Add `rules` and `explain` to the app."""
    app.command("rules")(list_rules)
    app.command("explain")(explain)


def list_rules(
    markdown: bool = typer.Option(False, "--markdown", help="Print the rule index as a Markdown table."),
    write: bool = typer.Option(
        False, "--write", help="With --markdown: regenerate the generated docs of a source checkout (README tables, docs/rule-schema.md)."
    ),
    config: Optional[Path] = shared.CONFIG,
    extra_rules: Optional[List[Path]] = shared.EXTRA_RULES,
    no_builtin_rules: bool = shared.NO_BUILTIN,
) -> None:
    """List every rule a run here would load (the configuration's and --extra-rules' included)."""
    if write:
        _write_docs(markdown, bool(config or extra_rules or no_builtin_rules))
        return
    rules = _rules(config, extra_rules, no_builtin_rules)
    if markdown:
        typer.echo(docgen.rule_index(rules), nl=False)
        return
    measured = measurements()
    typer.echo(f"{'code':<6} {'name':<36} {'level':<8} {'fix':<8} {'precision':<14} {'clean':<12} summary")
    for rule in rules:
        fix = rule.fix.safety.value if rule.fix else "-"
        precision, clean = table_cells(rule.code)
        typer.echo(f"{rule.code:<6} {rule.name:<36} {rule.level.value:<8} {fix:<8} {precision:<14} {clean:<12} {rule.summary}")
    if measured:
        sample = next(iter(measured.values()))
        typer.echo(
            f"\nprecision: findings on annotated real machine translation that point at an error; clean: false findings per"
            f" 1,000 words of clean English ({sample.clean_words:,} words). Measured {sample.date} by benchmarks/detection.py."
        )


def _write_docs(markdown: bool, team_options: bool) -> None:
    if not markdown:
        raise InputError("--write needs --markdown")
    if team_options:
        raise InputError("--write documents the built-in pack only; drop --config, --extra-rules and --no-builtin-rules")
    root = docgen.project_root()
    if root is None:
        raise InputError("--write works in a source checkout of cleaner (README.md next to the package)")
    changed = docgen.write(root)
    typer.echo(f"cleaner: regenerated {', '.join(changed)}" if changed else "cleaner: generated docs are current", err=True)


def _rules(config: Optional[Path], extra_rules: Optional[List[Path]], no_builtin_rules: bool) -> tuple[Rule, ...]:
    choice = shared.RuleChoice(config, None, None, extra_rules, no_builtin_rules)
    return shared.load_chosen_rules(choice)[1]


def explain(
    code: Optional[str] = typer.Argument(None, help="A rule code (PU101) or name (double-period)."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Show a rule kind's options instead."),
    schema: bool = typer.Option(False, "--schema", help="Print the whole rule-file schema (docs/rule-schema.md)."),
    config: Optional[Path] = shared.CONFIG,
    extra_rules: Optional[List[Path]] = shared.EXTRA_RULES,
    no_builtin_rules: bool = shared.NO_BUILTIN,
) -> None:
    """Show a rule's message, why it matters, its kind and options, its fix and its examples."""
    if schema:
        typer.echo(docgen.rule_schema(), nl=False)
    elif kind is not None:
        module = kind_for(kind)
        if module is None:
            raise InputError(f"unknown rule kind '{kind}'; kinds: {', '.join(registry())}")
        typer.echo("\n".join(docgen.kind_reference(module, "#")).rstrip("\n"))
    elif code is not None:
        typer.echo(_explain_rule(code, config, extra_rules, no_builtin_rules))
    else:
        raise InputError("name a rule (cleaner explain PU101), or use --kind KIND or --schema")


def _explain_rule(code: str, config: Optional[Path], extra_rules: Optional[List[Path]], no_builtin: bool) -> str:
    choice = shared.RuleChoice(config, None, None, extra_rules, no_builtin)
    settings, rules = shared.load_chosen_rules(choice)
    rule = next((r for r in rules if code in (r.code, r.name, *r.aliases)), None)
    if rule is None:
        from cleaner.retired import load_retired

        gone = [e for folder in settings.rule_folders() for e in load_retired(folder) if code in (e.code, e.name)]
        if gone:
            return f"{gone[0].code} {gone[0].name} is retired: {gone[0].reason}"
        raise InputError(f"unknown rule '{code}'; `cleaner rules` lists them")
    return describe(rule)


def describe(rule: Rule) -> str:
    """The explanation of one rule, as `cleaner explain` prints it."""
    module = kind_for(rule.kind)
    lines = [f"{rule.code} {rule.name} ({rule.category}, {rule.level.value})", "", rule.summary, "", f"Why: {rule.why}"]
    lines += ["", f"Message: {rule.message}"]
    if rule.fix:
        lines.append(f"Fix: {rule.fix.title} ({rule.fix.safety.value})")
    figures = measurements().get(rule.code)
    if figures is not None:
        lines.append(
            f"Measured ({figures.date}, benchmarks/detection.py): precision {figures.precision_text()} on annotated real"
            f" machine translation; {figures.clean_rate:.2f} false findings per 1,000 words of clean English"
            f" ({figures.clean_false} in {figures.clean_words:,})"
        )
    lines += ["", f"Kind: {rule.kind}: {docgen.kind_summary(module)} (`cleaner explain --kind {rule.kind}`)"]
    lines += [f"  {name}: {docgen.show(value)}" for name, value in rule.options.items()]
    lines += [f"File: {rule.path}", "", "Flagged:"]
    for example in rule.fail_examples:
        lines.append(f"  - {example.text}")
        if example.flag is not None:
            flags = (example.flag,) if isinstance(example.flag, str) else example.flag
            lines.append(f"    flags: {' | '.join(repr(f) for f in flags)}")
        if example.fixed is not None:
            lines.append(f"    fixed: {example.fixed}")
    lines.append("Not flagged:")
    lines += [f"  - {text}" for text in rule.pass_examples]
    return "\n".join(lines)
