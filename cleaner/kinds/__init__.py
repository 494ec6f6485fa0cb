"""Rule kinds: one module per kind, found by their `KIND` attribute.

A kind module provides:
- `KIND`: the name used in rule files (`kind: pattern`);
- `FIELDS`: the kind-specific fields a rule file may carry;
- `validate(rule)`: raise ValueError (optionally with a `.field` attribute) on bad options;
- `build(rule)`: compile the rule once and return `check(document) -> Iterable[Hit]`.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from types import ModuleType


@functools.lru_cache(maxsize=1)
def registry() -> dict[str, ModuleType]:
    """Map each kind name to its module, discovered once from this package."""
    found: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if kind:
            found[kind] = module
    return found


def kind_for(name: str) -> ModuleType | None:
    """Return the module implementing rule kind `name`, or None."""
    return registry().get(name)
