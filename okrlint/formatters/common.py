"""What several formatters share: the one-line hint, safe terminal text, source lines."""

from __future__ import annotations

import re
import unicodedata

from okrlint.findings import Finding, Report

# The end of the first sentence: a full stop and a space, but not the one in "e.g." or "i.e.".
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)\.\s")
RULES_URL = "https://github.com/okrlint/okrlint/blob/main/rules"


def hint(finding: Finding) -> str:
    """The suggestion when there is one, else the first sentence of the rule's fix."""
    if finding.suggestion:
        return f"try: {finding.suggestion}"
    fix = " ".join(finding.coaching.fix.split())
    end = _SENTENCE_END.search(fix)
    return fix if end is None else fix[: end.start() + 1]


def rule_url(code: str, name: str) -> str:
    """Where a rule's definition (coaching, examples, sources) can be read."""
    return f"{RULES_URL}/{code}-{name}.yaml"


def visible(text: str) -> str:
    """`text` safe for a terminal: control characters (ESC, OSC, C1, DEL) and bidirectional
    overrides are shown as escapes, never sent raw."""
    if text.isprintable():
        return text
    return "".join(_escape(char) for char in text)


def _escape(char: str) -> str:
    if char == "\t":
        return "    "
    if char.isprintable() and unicodedata.category(char) != "Cf":
        return char
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def source_line(report: Report, finding: Finding, line: int | None = None) -> str | None:
    """The text of the line a finding starts on (or `line`), when the report has its source."""
    source = report.sources.get(finding.path)
    if source is None:
        return None
    number = line or finding.range.start.line
    lines = source_lines(source)
    if not 1 <= number <= len(lines):
        return None
    return lines[number - 1].rstrip("\r")


def source_lines(source: str) -> list[str]:
    """A source's lines, split once for all the findings of a file (they come in file order;
    splitting per finding made a large file's report quadratic)."""
    global _last_split
    if _last_split is None or _last_split[0] is not source:
        _last_split = (source, source.split("\n"))
    return _last_split[1]


_last_split: tuple[str, list[str]] | None = None


def width(text: str) -> int:
    """Terminal columns `text` takes (wide East Asian characters and emoji take two)."""
    if text.isascii():
        return len(text)  # what the sum below gives for ASCII, without a look-up per character
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )
