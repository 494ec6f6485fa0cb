"""`cleaner rules` and `cleaner explain CODE`."""

from __future__ import annotations

import typer

from cleaner.errors import InputError
from cleaner.loader import load_rules


def register(app: typer.Typer) -> None:
    """Add `rules` and `explain` to the app."""
    app.command("rules")(list_rules)
    app.command("explain")(explain)


def list_rules(
    markdown: bool = typer.Option(False, "--markdown", help="Print the rule index as a Markdown table."),
) -> None:
    """List every rule: code, name, level, and whether it can fix what it finds."""
    rules = load_rules()
    if markdown:
        typer.echo(markdown_index(rules), nl=False)
        return
    typer.echo(f"{'code':<6} {'name':<36} {'level':<8} {'fix':<8} summary")
    for rule in rules:
        fix = rule.fix.safety.value if rule.fix else "-"
        typer.echo(f"{rule.code:<6} {rule.name:<36} {rule.level.value:<8} {fix:<8} {rule.summary}")


def markdown_index(rules) -> str:
    """Return the rule index as a Markdown table (the README embeds this exact text)."""
    lines = ["| code | name | category | level | fix | what it finds |", "|---|---|---|---|---|---|"]
    for rule in rules:
        fix = rule.fix.safety.value if rule.fix else "-"
        summary = rule.summary.replace("|", "\\|")
        lines.append(f"| {rule.code} | `{rule.name}` | {rule.category} | {rule.level.value} | {fix} | {summary} |")
    return "\n".join(lines) + "\n"


def explain(code: str = typer.Argument(..., help="A rule code (PU101) or name (double-period).")) -> None:
    """Show a rule's message, why it matters, its fix, and its examples."""
    rule = next((r for r in load_rules() if code in (r.code, r.name, *r.aliases)), None)
    if rule is None:
        raise InputError(f"unknown rule '{code}'; `cleaner rules` lists them")
    typer.echo(f"{rule.code} {rule.name} ({rule.category}, {rule.level.value})")
    typer.echo(f"\n{rule.summary}\n\nWhy: {rule.why}\n\nMessage: {rule.message}")
    if rule.fix:
        typer.echo(f"Fix: {rule.fix.title} ({rule.fix.safety.value})")
    typer.echo("\nFlagged:")
    for example in rule.fail_examples:
        typer.echo(f"  - {example.text}")
        if example.fixed is not None:
            typer.echo(f"    fixed: {example.fixed}")
    typer.echo("Not flagged:")
    for text in rule.pass_examples:
        typer.echo(f"  - {text}")
