"""The text format, like ruff's: `path:line:col: CODE severity message`, the source line with
the offending words underlined, a hint, then a summary; `--statistics` one row per code."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from okrlint.findings import Finding, Report, Severity
from okrlint.formatters.common import hint, source_line, visible, width

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_QUOTED = re.compile(r"'([^']{1,80})'")
_SHOWN = 160  # characters of a long source line shown around the finding


@dataclass(frozen=True)
class TextOptions:
    """How the text report looks: colour, hints, source lines, summary, statistics, and
    whether unsafe fixes count as available (`--unsafe-fixes`)."""

    color: bool = False
    hints: bool = True
    quiet: bool = False
    statistics: bool = False
    source: bool = True
    unsafe_fixes: bool = False


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def fixable(finding: Finding, unsafe: bool) -> bool:
    """Whether `--fix` (with `--unsafe-fixes` when `unsafe`) would fix this finding."""
    return finding.fix is not None and (unsafe or finding.fix.applicability == "safe")


def format_text(report: Report, options: TextOptions = TextOptions()) -> str:
    """Each finding with its source line and hint, then a summary (see TextOptions)."""
    lines: list[str] = []
    if options.statistics:
        lines.extend(_statistics(report, options))
    else:
        for finding in report.findings:
            lines.extend(_finding(report, finding, options))
    if not options.quiet:
        lines.extend(_summary(report, options))
    return "\n".join(lines) + ("\n" if lines else "")


def _finding(report: Report, finding: Finding, options: TextOptions) -> list[str]:
    color = options.color
    start = finding.range.start
    level = _COLORS[finding.severity]
    where = _paint(f"{visible(finding.path)}:{start.line}:{start.column}:", "1", color)
    code = _paint(finding.code, "1;" + level, color)
    severity = _paint(finding.severity.value, level, color)
    marker = " [*]" if fixable(finding, options.unsafe_fixes) else ""
    lines = [f"{where} {code} {severity}{marker} {visible(finding.message)}"]
    if options.source and not options.quiet:
        lines.extend(_snippet(report, finding, color, level))
    if options.hints:
        lines.append(_paint(f"  hint: {visible(hint(finding))}", "2", color))
    return lines


def _snippet(report: Report, finding: Finding, color: bool, level: str) -> list[str]:
    """The source line, and carets under the quoted words (or the whole range)."""
    line = source_line(report, finding)
    if line is None or not line.strip():
        return []
    start = max(finding.range.start.column - 1, 0)
    if finding.range.end.line == finding.range.start.line:
        end = max(finding.range.end.column - 1, start + 1)
    else:
        end = len(line)
    start, end = _focus(line, start, min(end, len(line)), finding.message)
    first = max(0, start - 40) if len(line) > _SHOWN else 0
    shown = line[first : first + _SHOWN]
    before = visible(shown[: start - first])
    marked = visible(shown[start - first : end - first]) or " "
    number = str(finding.range.start.line)
    gutter = " " * len(number)
    carets = _paint("^" * max(width(marked), 1), "1;" + level, color)
    return [
        f"  {number} | {visible(shown)}" + ("…" if first + _SHOWN < len(line) else ""),
        f"  {gutter} | {' ' * width(before)}{carets}",
    ]


def _focus(line: str, start: int, end: int, message: str) -> tuple[int, int]:
    """The offending words: the first word(s) the message quotes, when they are in the range."""
    segment = line[start:end].lower()
    for quoted in _QUOTED.finditer(message):
        words = quoted.group(1).lower()
        at = segment.find(words)
        if at >= 0 and len(words) < len(segment):
            return start + at, start + at + len(words)
    return start, max(end, start + 1)


def statistics_rows(report: Report, unsafe_fixes: bool = False) -> list[dict[str, Any]]:
    """One row per code, most frequent first: its count, name, severities (most severe first)
    and whether every finding of it is fixable. The text table and the JSON statistics."""
    counts = Counter(f.code for f in report.findings)
    names = {f.code: f.name for f in report.findings}
    levels: dict[str, set[Severity]] = {}
    fixes: Counter[str] = Counter()
    for f in report.findings:
        levels.setdefault(f.code, set()).add(f.severity)
        fixes[f.code] += fixable(f, unsafe_fixes)
    return [
        {
            "code": code,
            "name": names[code],
            "count": count,
            "severities": [s.value for s in sorted(levels[code], key=lambda s: -s.rank)],
            "fixable": fixes[code] == count,
        }
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def format_statistics_json(report: Report, unsafe_fixes: bool = False) -> str:
    """`--statistics --format json`: the rows as a JSON array, as ruff prints them."""
    return json.dumps(statistics_rows(report, unsafe_fixes), indent=2, ensure_ascii=False) + "\n"


def _statistics(report: Report, options: TextOptions) -> list[str]:
    """One row per code: count, code, [*] when all are fixable, name, severities."""
    rows = statistics_rows(report, options.unsafe_fixes)
    width_name = max((len(row["name"]) for row in rows), default=0)
    return [
        f"{row['count']:>5}  {row['code']}  {'[*]' if row['fixable'] else '   '} {row['name']:<{width_name}}"
        f"  {'/'.join(row['severities'])}"
        for row in rows
    ]


def _summary(report: Report, options: TextOptions) -> list[str]:
    summary = report.summary()
    files = _count(summary.files, "file")
    scope = (
        f"{_count(summary.objectives, 'objective')}, {_count(summary.key_results, 'key result')}"
    )
    total = len(report.findings)
    if not total:
        return [f"No findings in {files} ({scope})."]
    parts = [
        f"{n} {level}" if level == "info" else _count(n, level)
        for level, n in summary.findings.items()
        if n
    ]
    lines = [f"Found {_count(total, 'finding')} ({', '.join(parts)}) in {files} ({scope})."]
    safe = sum(fixable(f, options.unsafe_fixes) for f in report.findings)
    hidden = sum(fixable(f, True) for f in report.findings) - safe
    if safe:
        lines.append(f"[*] {safe} fixable with `okrlint check --fix`.")
    if hidden:
        lines.append(
            f"{_count(hidden, 'more fix')} available with `--fix --unsafe-fixes`"
            " (they may change what a key result says; review them)."
        )
    return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("es" if noun.endswith("fix") else "s") * (n != 1)
