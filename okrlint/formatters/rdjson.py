"""reviewdog's Diagnostic Format (rdjson): columns are UTF-8 byte counts, as reviewdog wants."""

from __future__ import annotations

import json
from typing import Any

from okrlint.findings import Finding, Position, Range, Report, Severity
from okrlint.formatters.common import hint, rule_url, source_lines

_SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def format_rdjson(report: Report) -> str:
    """One DiagnosticResult with every finding, its rule code and link, and its fixes."""
    result = {
        "source": {"name": "okrlint", "url": "https://github.com/okrlint/okrlint"},
        "diagnostics": [_diagnostic(report, f) for f in report.findings],
    }
    worst = report.worst()
    if worst is not None:
        result["severity"] = _SEVERITY[worst]
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


def _diagnostic(report: Report, finding: Finding) -> dict[str, Any]:
    lines = source_lines(report.sources.get(finding.path, ""))
    diagnostic: dict[str, Any] = {
        "message": f"{finding.message} {hint(finding)}",
        "location": {"path": finding.path, "range": _range(finding.range, lines)},
        "severity": _SEVERITY[finding.severity],
        "source": {"name": "okrlint"},
        "code": {"value": finding.code, "url": rule_url(finding.code, finding.name)},
    }
    if finding.fix is not None and finding.fix.applicability == "safe":
        diagnostic["suggestions"] = [
            {"range": _range(edit.range, lines), "text": edit.replacement}
            for edit in finding.fix.edits
        ]
    return diagnostic


def _range(where: Range, lines: list[str]) -> dict[str, Any]:
    return {"start": _position(where.start, lines), "end": _position(where.end, lines)}


def _position(at: Position, lines: list[str]) -> dict[str, int]:
    """Line and UTF-8 byte column (1-based) of a character position."""
    line = lines[at.line - 1] if 1 <= at.line <= len(lines) else ""
    column = len(line[: at.column - 1].encode("utf-8")) + 1 + max(0, at.column - 1 - len(line))
    return {"line": at.line, "column": column}
