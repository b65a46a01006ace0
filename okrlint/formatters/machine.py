"""Formats for tools: okrlint/v1 JSON, JSON lines, GitHub workflow annotations."""

from __future__ import annotations

import json

from okrlint.findings import Report, Severity
from okrlint.formatters.common import hint


def format_json(report: Report) -> str:
    """The okrlint/v1 document (DESIGN §4)."""
    return report.to_json()


def format_jsonl(report: Report) -> str:
    """One finding per line, for editors that stream."""
    return "".join(
        json.dumps(f.model_dump(mode="json"), ensure_ascii=False) + "\n" for f in report.findings
    )


def format_github(report: Report) -> str:
    """GitHub Actions workflow commands: annotations on the pull request diff."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for f in report.findings:
        start, end = f.range.start, f.range.end
        title = _escape_property(f"{f.code} {f.name}")
        message = _escape_data(f"{f.message} {hint(f)}")
        lines.append(
            f"::{level[f.severity]} file={_escape_property(f.path)},line={start.line},"
            f"col={start.column},endLine={end.line},endColumn={end.column},title={title}::{message}"
        )
    return "".join(line + "\n" for line in lines)


def _escape_data(text: str) -> str:
    # Control characters would reach the runner's log raw; escape every one of them.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return "".join(f"%{ord(c):02X}" if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 else c for c in text)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
