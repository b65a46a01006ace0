"""Formatters: pure functions from a Report to the text a user or a tool reads."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from okrlint.findings import Finding, Report, Severity


@dataclass(frozen=True)
class TextOptions:
    color: bool = False
    hints: bool = True
    quiet: bool = False
    statistics: bool = False


_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def format_text(report: Report, options: TextOptions = TextOptions()) -> str:
    """`path:line:col: CODE message`, a hint line under each, then a summary."""
    lines: list[str] = []
    color = options.color
    for finding in report.findings:
        start = finding.range.start
        where = _paint(f"{finding.path}:{start.line}:{start.column}:", "1", color)
        code = _paint(finding.code, "1;" + _COLORS[finding.severity], color)
        lines.append(f"{where} {code} {finding.message}")
        if options.hints:
            hint = _hint(finding)
            lines.append(_paint(f"  hint: {hint}", "2", color))
    if options.statistics:
        lines.extend(_statistics(report))
    if not options.quiet:
        lines.append(_summary(report))
    return "\n".join(lines) + ("\n" if lines else "")


# The end of the first sentence: a full stop and a space, but not the one in "e.g." or "i.e.".
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)\.\s")


def _hint(finding: Finding) -> str:
    if finding.suggestion:
        return f"try: {finding.suggestion}"
    fix = " ".join(finding.coaching.fix.split())
    end = _SENTENCE_END.search(fix)
    return fix if end is None else fix[: end.start() + 1]


def _statistics(report: Report) -> list[str]:
    counts = Counter((f.code, f.name, f.severity.value) for f in report.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return [f"{count:>5}  {code}  {name:<28} {severity}" for (code, name, severity), count in rows]


def _summary(report: Report) -> str:
    summary = report.summary()
    files = _count(summary.files, "file")
    scope = (
        f"{_count(summary.objectives, 'objective')}, {_count(summary.key_results, 'key result')}"
    )
    total = len(report.findings)
    if not total:
        return f"No findings in {files} ({scope})."
    parts = [
        f"{n} {level}" if level == "info" else _count(n, level)
        for level, n in summary.findings.items()
        if n
    ]
    return f"Found {_count(total, 'finding')} ({', '.join(parts)}) in {files} ({scope})."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + "s" * (n != 1)


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
        message = _escape_data(f"{f.message} {_hint(f)}")
        lines.append(
            f"::{level[f.severity]} file={_escape_property(f.path)},line={start.line},"
            f"col={start.column},endLine={end.line},endColumn={end.column},title={title}::{message}"
        )
    return "".join(line + "\n" for line in lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


Formatter = Callable[[Report], str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "jsonl": format_jsonl,
    "github": format_github,
}
