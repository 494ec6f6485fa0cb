"""`cleaner config`: print the effective configuration and the file it came from."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer

from cleaner.config import load_config


class ConfigFormat(str, Enum):
    """How `cleaner config` prints the settings."""

    toml = "toml"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add `config` to the app."""
    app.command("config")(show_config)


def show_config(
    path: Path = typer.Argument(Path("."), help="A file or folder; configuration is searched from here upwards."),
    config: Optional[Path] = typer.Option(None, "--config", help="Read this config file instead of searching."),
    output_format: ConfigFormat = typer.Option(ConfigFormat.toml, "--format", "-f", help="Output format."),
) -> None:
    """Print the settings `cleaner check` would use here: defaults overlaid with the config file."""
    effective = load_config(path, explicit=config)
    settings = effective.to_dict()
    source = str(effective.path) if effective.path else None
    if output_format is ConfigFormat.json:
        typer.echo(json.dumps({"path": source, "settings": settings}, ensure_ascii=False, indent=2))
        return
    typer.echo(f"# cleaner configuration from {source}" if source else "# cleaner defaults (no configuration file found)")
    typer.echo(to_toml(settings), nl=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def to_toml(settings: dict[str, Any]) -> str:
    """Render settings as .cleaner.toml text: plain keys first, then one table per nested section."""
    lines = [f"{key} = {_value(v)}" for key, v in settings.items() if not isinstance(v, dict)]
    for key, table in settings.items():
        if isinstance(table, dict):
            lines.append(f"\n[{key}]")
            lines.extend(f"{json.dumps(k) if not k.replace('-', '').isalnum() else k} = {_value(v)}" for k, v in table.items())
    return "\n".join(lines) + "\n"
