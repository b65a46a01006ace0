"""Third-party rule packs, found through the `okrlint.rules` entry point group.

A pack's entry point names a `RulePack` (or a function returning one): a folder of rule files
written exactly like okrlint's own (`rules/*.yaml`) and the check kinds they bind to by name.

    [project.entry-points."okrlint.rules"]
    acme = "acme_okr_rules:PACK"
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from okrlint.rulebook import RuleError

ENTRY_POINT_GROUP = "okrlint.rules"


@dataclass(frozen=True)
class RulePack:
    """A rule pack: `folder` holds one YAML file per rule; `checks` maps each check kind the
    rules name (`check: acme-no-jargon`) to a generator `(node, params, context) -> hits`."""

    folder: Path
    checks: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    name: str = ""


@cache
def plugin_rules() -> tuple[RulePack, ...]:
    """The rule packs installed in this environment, in name order (loaded once)."""
    from importlib.metadata import entry_points

    packs = []
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            loaded = entry.load()
            pack = loaded() if callable(loaded) and not isinstance(loaded, RulePack) else loaded
        except Exception as error:  # a broken pack is a clear error, not a traceback
            raise RuleError(
                f"rule pack '{entry.name}' ({entry.value}) cannot be loaded: {error}"
            ) from error
        if not isinstance(pack, RulePack):
            raise RuleError(f"rule pack '{entry.name}' ({entry.value}) is not an okrlint.RulePack")
        packs.append(RulePack(Path(pack.folder), dict(pack.checks), pack.name or entry.name))
    return tuple(packs)
