"""Inline suppressions: `# okrlint: disable=CODES` read from comments only, never from text.

A directive lives in a comment: `#` in YAML and text files (outside quoted strings), an HTML
comment `<!-- … -->` in Markdown. On a line of its own it covers that line and the next; after
content it covers its own line (ruff's noqa, eslint's disable-line); `disable-file` covers the
file. Each listed code is tracked, so the engine can report a code that suppressed nothing, a
code that names no rule, and a prefix (like ruff's RUF100), each with a fix that removes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from okrlint.findings import Edit, Finding, Range
from okrlint.models import Position
from okrlint.rulebook import Rulebook

# A code or rule name: "O101", "task-not-outcome"; hyphens only inside it, so the "-->" closing
# "<!--okrlint: disable=O102-->" is not read as part of the code.
_CODE = r"\w{1,64}(?:-\w{1,64}){0,8}"
_DIRECTIVE = re.compile(
    r"okrlint:[ \t]{0,20}disable(?P<file>-file)?(?:[ \t]{0,20}(?P<equals>=)[ \t]{0,20}"
    rf"(?P<codes>{_CODE}(?:[ \t]{{0,20}},[ \t]{{0,20}}{_CODE}){{0,100}})?)?",
    re.IGNORECASE,
)
_TOKEN = re.compile(_CODE)


@dataclass
class Listed:
    """One code as written in a directive, with its columns (0-based, end exclusive)."""

    text: str
    start: int
    end: int
    code: str | None  # the rule it names; None when unknown or a prefix
    prefix: bool
    used: bool = False


@dataclass
class Directive:
    """One `okrlint: disable…` comment."""

    line: int  # 1-based
    comment: tuple[int, int]  # columns of the whole comment, markers included
    span: tuple[int, int]  # columns of the directive itself, inside the comment
    alone: bool  # nothing but the comment on its line
    file: bool
    codes: list[Listed] | None  # None: every rule
    covers: tuple[int, ...]  # lines covered; 0 for the whole file
    used: bool = False


@dataclass
class Suppressions:
    """The directives of one file, and which of them have suppressed a finding."""

    directives: list[Directive] = field(default_factory=list)

    def suppress(self, finding: Finding) -> bool:
        """Whether a directive covers `finding`; marks the directive (and code) used."""
        hit = False
        for directive in self.directives:
            if 0 not in directive.covers and finding.range.start.line not in directive.covers:
                continue
            if directive.codes is None:
                if finding.code != "E001":
                    directive.used = hit = True  # a file okrlint cannot read is never hidden
                continue
            for listed in directive.codes:
                if listed.code == finding.code:
                    listed.used = directive.used = hit = True
        return hit


def parse(source: str, fmt: str, rulebook: Rulebook) -> Suppressions:
    """Every directive in `source`, a file of format yaml, markdown or text."""
    found = Suppressions()
    if "okrlint:" not in source.lower():
        return found
    comments = _html_comments if fmt == "markdown" else _hash_comments
    for row, (start, end, line) in comments(source):
        body = line[start:end]
        for match in _DIRECTIVE.finditer(body):
            alone = not line[:start].strip() and not line[end:].strip()
            is_file = match.group("file") is not None
            covers = (0,) if is_file else (row, row + 1) if alone else (row,)
            found.directives.append(
                Directive(
                    line=row,
                    comment=(start, end),
                    span=(start + match.start(), start + match.end()),
                    alone=alone,
                    file=is_file,
                    codes=_listed(match, start, rulebook),
                    covers=covers,
                )
            )
    return found


def _listed(match: re.Match[str], offset: int, rulebook: Rulebook) -> list[Listed] | None:
    if match.group("codes") is None:
        # "disable" alone covers every rule (ruff's bare noqa); "disable=" with nothing after
        # it names none, which E004 reports rather than read as "everything"
        return [] if match.group("equals") else None
    base = offset + match.start("codes")
    listed = []
    for token in _TOKEN.finditer(match.group("codes")):
        text = token.group(0)
        rule = rulebook.get(text)
        prefix = rule is None and any(code.startswith(text.upper()) for code in rulebook.rules)
        listed.append(
            Listed(
                text=text,
                start=base + token.start(),
                end=base + token.end(),
                code=rule.code if rule is not None else None,
                prefix=prefix,
            )
        )
    return listed


def _hash_comments(source: str) -> Iterator[tuple[int, tuple[int, int, str]]]:
    """(line, (start, end, line text)) of each `#` comment outside YAML quoted strings."""
    quote = ""  # the quote a multi-line quoted scalar is still open with
    for row, line in enumerate(source.split("\n"), 1):
        column, quote = _comment_start(line, quote)
        if column is not None:
            yield row, (column, len(line.rstrip("\r")), line)


def _comment_start(line: str, quote: str) -> tuple[int | None, str]:
    """Where a `#` comment starts on `line` (None: no comment), and the quote left open."""
    i, n = 0, len(line)
    while i < n:
        char = line[i]
        if quote:
            if quote == '"' and char == "\\":
                i += 2
                continue
            if char == quote:
                if quote == "'" and line[i + 1 : i + 2] == "'":
                    i += 2  # '' is an escaped quote in a single-quoted scalar
                    continue
                quote = ""
            i += 1
            continue
        if char == "#" and (i == 0 or line[i - 1] in " \t"):
            return i, ""
        if char in "'\"" and (i == 0 or line[i - 1] in " \t[{,:-"):
            quote = char  # a quoted scalar starts here (a quote inside a word does not)
        i += 1
    return None, quote


def _html_comments(source: str) -> Iterator[tuple[int, tuple[int, int, str]]]:
    """(line, (start, end, line text)) of each one-line `<!-- … -->` comment."""
    for row, line in enumerate(source.split("\n"), 1):
        start = line.find("<!--")
        while start >= 0:
            close = line.find("-->", start + 4)
            if close < 0:
                break
            yield row, (start, close + 3, line)
            start = line.find("<!--", close + 3)


@dataclass(frozen=True)
class Problem:
    """A directive, or one code in it, that should go: what is wrong and the edit removing it."""

    message: str
    range: Range
    edit: Edit | None


def problems(suppressions: Suppressions, source: str, enabled: set[str]) -> Iterator[Problem]:
    """Codes that suppressed nothing (among the `enabled` ones), unknown codes and prefixes."""
    lines = source.split("\n")
    for directive in suppressions.directives:
        line = lines[directive.line - 1]
        start, end = directive.comment
        if directive.codes is None:
            if not directive.used:
                whole = _directive_span(directive, start, end)
                yield Problem(
                    "Directive suppresses nothing here; remove it",
                    whole,
                    _removal(directive, line, len(lines)),
                )
            continue
        if not directive.codes:
            yield Problem(
                "Directive names no rule after '='; name the rules to disable (`okrlint rules`)",
                _directive_span(directive, start, end),
                None,  # what the author meant to disable is theirs to say
            )
            continue
        stale = [listed for listed in directive.codes if _stale(listed, enabled)]
        if not stale:
            continue
        everything = len(stale) == len(directive.codes)
        for listed in stale:
            where = Range(
                start=Position(line=directive.line, column=listed.start + 1),
                end=Position(line=directive.line, column=listed.end + 1),
            )
            edit = (
                _removal(directive, line, len(lines))
                if everything
                else _code_removal(directive, listed, line)
            )
            yield Problem(_why(listed), where, edit)


def _stale(listed: Listed, enabled: set[str]) -> bool:
    if listed.code is None:
        return True
    return not listed.used and listed.code in enabled


def _why(listed: Listed) -> str:
    if listed.prefix:
        return f"'{listed.text}' is a prefix; name each rule to disable (a prefix disables nothing)"
    if listed.code is None:
        return f"'{listed.text}' names no rule; `okrlint rules` lists them"
    return f"'{listed.text}' suppresses nothing here; remove it"


def _directive_span(directive: Directive, start: int, end: int) -> Range:
    return Range(
        start=Position(line=directive.line, column=start + 1),
        end=Position(line=directive.line, column=end + 1),
    )


def _removal(directive: Directive, line: str, line_count: int) -> Edit:
    """Remove the directive. The author's note beside it ("# okrlint: disable=O101 -- agreed
    with Sam") stays, as a plain comment (ruff's RUF100 fix keeps it too); a comment holding
    only the directive goes: its line when it stands alone, else it and the space before."""
    start, end = directive.comment
    note = _note(directive, line)
    if note:
        opening, closing = ("<!-- ", " -->") if line.startswith("<!--", start) else ("# ", "")
        return Edit(
            range=Range(
                start=Position(line=directive.line, column=start + 1),
                end=Position(line=directive.line, column=end + 1),
            ),
            replacement=f"{opening}{note}{closing}",
        )
    if directive.alone and directive.line < line_count:
        return Edit(
            range=Range(
                start=Position(line=directive.line, column=1),
                end=Position(line=directive.line + 1, column=1),
            ),
            replacement="",
        )
    kept = len(line[:start].rstrip(" \t"))
    return Edit(
        range=Range(
            start=Position(line=directive.line, column=kept + 1),
            end=Position(line=directive.line, column=end + 1),
        ),
        replacement="",
    )


# What joins a directive to the note after it: "-- reason", "— reason", ": reason", "; reason".
_JOINERS = " \t-–—:;,|"


def _note(directive: Directive, line: str) -> str:
    """The words of the comment that are not the directive, or "" when there are none."""
    start, end = directive.comment
    html = line.startswith("<!--", start)
    inside = (start + 4, end - 3) if html else (start + 1, end)
    before = line[inside[0] : directive.span[0]].strip(_JOINERS + "#")
    after = line[directive.span[1] : inside[1]].strip(_JOINERS)
    note = " ".join(part for part in (before, after) if part)
    return note if any(char.isalnum() for char in note) else ""


def _code_removal(directive: Directive, listed: Listed, line: str) -> Edit:
    """Remove one code and the comma that joins it to its neighbour."""
    start, end = listed.start, listed.end
    after = re.match(r"[ \t]*,[ \t]*", line[end:])
    if after:
        end += after.end()
    else:
        before = re.search(r"[ \t]*,[ \t]*$", line[:start])
        if before:
            start = before.start()
    return Edit(
        range=Range(
            start=Position(line=directive.line, column=start + 1),
            end=Position(line=directive.line, column=end + 1),
        ),
        replacement="",
    )
