"""Rule kinds: one module per kind, found by their `KIND` attribute (adding a kind = adding a module).

A kind module provides:
- a docstring whose first paragraph says what the kind finds (the schema docs print it);
- `KIND`: the name used in rule files (`kind: pattern`);
- `OPTIONS`: the kind-specific fields a rule file may carry, as `cleaner.schema.Option`s
  (name, type, default, required, one-line doc); the loader checks them and fills in defaults;
- `REPLACEMENT`: a `cleaner.schema.Replacement`, what `fix.replace` means for the kind;
- `build(rule)`: compile the rule once and return `check(document) -> Iterable[Hit]`; raise
  `cleaner.kinds._support.OptionError(field, message)` for a value the types cannot catch;
- optionally `configure(rule, config)`: return the rule with options taken from the run's
  configuration (see `readability_limit`).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from types import ModuleType


@functools.lru_cache(maxsize=1)
def registry() -> dict[str, ModuleType]:
    """Map each kind name to its module, discovered once from this package."""
    from cleaner.regex_cache import MODULES, warm_session

    found: dict[str, ModuleType] = {}
    with warm_session(MODULES):  # the patterns the modules compile as they load come from the cache too
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
