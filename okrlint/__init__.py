"""okrlint: a linter and coach for OKRs (Objectives and Key Results).

>>> import okrlint
>>> report = okrlint.lint_text("objectives:\\n  - title: Launch the app\\n")
>>> [f.code for f in report.findings]  # doctest: +SKIP
"""

__version__ = "0.1.0"

from okrlint.api import InputError, lint_paths, lint_text, load_document  # noqa: E402
from okrlint.config import Settings  # noqa: E402
from okrlint.findings import Finding, Report, Severity  # noqa: E402
from okrlint.models import CheckIn, KeyResult, Objective, OKRDocument, Span  # noqa: E402

__all__ = [
    "CheckIn",
    "Finding",
    "InputError",
    "KeyResult",
    "OKRDocument",
    "Objective",
    "Report",
    "Settings",
    "Severity",
    "Span",
    "__version__",
    "lint_paths",
    "lint_text",
    "load_document",
]
