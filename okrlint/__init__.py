"""okrlint: a linter and coach for OKRs (Objectives and Key Results).

>>> import okrlint
>>> report = okrlint.lint_text("objectives:\\n  - title: Launch the app\\n")
>>> [f.code for f in report.findings]  # doctest: +SKIP

The public API: `lint_text`, `lint_paths`, `load_document`, `fix_results`, `Settings` (with
`Settings.from_project`), the report (`Report`, `Finding`, `Fix`, `Edit`, `Severity`), the
models (`OKRDocument`, `Objective`, `KeyResult`, `CheckIn`, `Span`), and for rule packs
installed under the `okrlint.rules` entry point `RulePack`, `Hit` and `Context`.
"""

__version__ = "0.1.0"

from okrlint.api import FixOutcome, InputError, fix_results, lint_paths, lint_text, load_document  # noqa: E402
from okrlint.checks.base import Context, Hit  # noqa: E402
from okrlint.config import ConfigError, Settings  # noqa: E402
from okrlint.findings import Edit, Finding, Fix, Range, Report, Severity  # noqa: E402
from okrlint.models import CheckIn, KeyResult, Objective, OKRDocument, Position, Span  # noqa: E402
from okrlint.plugins import RulePack  # noqa: E402

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
    "lint_paths",
    "lint_text",
    "load_document",
]
