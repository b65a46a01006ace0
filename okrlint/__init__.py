"""okrlint: a linter and coach for OKRs (Objectives and Key Results).

>>> import okrlint
>>> report = okrlint.lint_text("objectives:\\n  - title: Launch the app\\n")
>>> [f.code for f in report.findings]  # doctest: +SKIP

The public API: `lint_text`, `lint_paths`, `load_document`, `fix_text` (and `fix_results` over
loaded files), `Settings` (with
`Settings.from_project`), the report (`Report`, `Finding`, `Fix`, `Edit`, `Severity`), the
models (`OKRDocument`, `Objective`, `KeyResult`, `CheckIn`, `Span`), and for rule packs
installed under the `okrlint.rules` entry point `RulePack`, `Hit` and `Context`.
"""

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any  # noqa: E402

# The public names are imported when first used (PEP 562): `okrlint --version`, `rules` and
# `explain` import this package and must not pay for pydantic models, rules or spaCy.
_EXPORTS = {
    "FixOutcome": "okrlint.api",
    "InputError": "okrlint.api",
    "fix_results": "okrlint.api",
    "fix_text": "okrlint.api",
    "lint_paths": "okrlint.api",
    "lint_text": "okrlint.api",
    "load_document": "okrlint.api",
    "Context": "okrlint.checks.base",
    "Hit": "okrlint.checks.base",
    "ConfigError": "okrlint.config",
    "Settings": "okrlint.config",
    "Edit": "okrlint.findings",
    "Finding": "okrlint.findings",
    "Fix": "okrlint.findings",
    "Range": "okrlint.findings",
    "Report": "okrlint.findings",
    "Severity": "okrlint.findings",
    "CheckIn": "okrlint.models",
    "KeyResult": "okrlint.models",
    "Objective": "okrlint.models",
    "OKRDocument": "okrlint.models",
    "Position": "okrlint.models",
    "Span": "okrlint.models",
    "RulePack": "okrlint.plugins",
}

if TYPE_CHECKING:
    from okrlint.api import (
        FixOutcome,
        InputError,
        fix_results,
        fix_text,
        lint_paths,
        lint_text,
        load_document,
    )
    from okrlint.checks.base import Context, Hit
    from okrlint.config import ConfigError, Settings
    from okrlint.findings import Edit, Finding, Fix, Range, Report, Severity
    from okrlint.models import CheckIn, KeyResult, Objective, OKRDocument, Position, Span
    from okrlint.plugins import RulePack


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'okrlint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "CheckIn",
    "ConfigError",
    "Context",
    "Edit",
    "Finding",
    "Fix",
    "FixOutcome",
    "Hit",
    "InputError",
    "KeyResult",
    "OKRDocument",
    "Objective",
    "Position",
    "Range",
    "Report",
    "RulePack",
    "Settings",
    "Severity",
    "Span",
    "__version__",
    "fix_results",
    "fix_text",
    "lint_paths",
    "lint_text",
    "load_document",
]
