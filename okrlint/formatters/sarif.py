"""SARIF 2.1.0 (GitHub code scanning): every rule with its help text and link, each result
with the coaching in its message (text and Markdown), exact regions and the fixes."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from okrlint import __version__
from okrlint.findings import Finding, Range, Report, Severity
from okrlint.formatters.common import hint, rule_url

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def format_sarif(report: Report) -> str:
    """One SARIF log with one run; columns count Unicode code points, as okrlint's do."""
    from okrlint.api import default_rulebook  # the catalogue, with installed rule packs

    rules = list(default_rulebook())
    index = {rule.code: i for i, rule in enumerate(rules)}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "okrlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://github.com/okrlint/okrlint",
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index.get(f.code)) for f in report.findings],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(rule: Any) -> dict[str, Any]:
    coaching = rule.coaching
    example = f"before: {coaching.example.before}\nafter: {coaching.example.after}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": coaching.why},
        "help": {
            "text": f"{coaching.fix}\n\n{example}",
            "markdown": f"**How to fix it.** {coaching.fix}\n\n"
            f"- before: `{coaching.example.before}`\n- after: `{coaching.example.after}`",
        },
        "helpUri": rule_url(rule.code, rule.name),
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _result(finding: Finding, rule_index: int | None) -> dict[str, Any]:
    coaching = finding.coaching
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVEL[finding.severity],
        "message": {
            "text": f"{finding.message} {hint(finding)}",
            "markdown": f"{finding.message}\n\n**Why it matters.** {coaching.why}\n\n"
            f"**How to fix it.** {coaching.fix}"
            + (f"\n\n**Try:** {finding.suggestion}" if finding.suggestion else ""),
        },
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(finding.path)},
                    "region": _region(finding.range),
                }
            }
        ],
    }
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    if finding.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": f"{finding.fix.message} ({finding.fix.applicability})"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(finding.path)},
                        "replacements": [
                            {
                                "deletedRegion": _region(edit.range),
                                "insertedContent": {"text": edit.replacement},
                            }
                            for edit in finding.fix.edits
                        ],
                    }
                ],
            }
        ]
    return result


def _region(where: Range) -> dict[str, int]:
    return {
        "startLine": where.start.line,
        "startColumn": where.start.column,
        "endLine": where.end.line,
        "endColumn": where.end.column,
    }


def _uri(path: str) -> str:
    return quote(path, safe="/:")
