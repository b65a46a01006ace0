"""Confluence and Jira wiki markup in a text file ("h2. Objective 1: …", "# *KR1* …", "* note",
"||Team||Owner||", "{info}…{info}"), as people paste a page's source into a .txt. Each line is
rewritten into the plain-text layout the text loader reads, keeping every character of content
in its column, so spans still point into the file as written: a heading's "h2. " becomes spaces,
a list's "#"/"*" markers become an indented "-", a macro becomes spaces and a table header's
"||" a "|" after a space.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^h[1-6]\.[ \t]+(?=\S)")
_LIST_MARKER = re.compile(r"^(?P<marks>[#*-]{1,6})[ \t]+(?=\S)")
# "{info}", "{panel:title=Risks}", "{code:yaml}": the macro's braces, not its contents.
_MACRO = re.compile(r"\{[a-z]{2,20}(?::[^{}\n]{0,200})?\}")


def is_wiki_markup(lines: list[str]) -> bool:
    """Whether the file is written in wiki markup: a "h1." to "h6." heading starts a line."""
    return any(_HEADING.match(line) for line in lines)


def plain_lines(lines: list[str]) -> list[str]:
    """The lines of a wiki-markup file in the plain-text layout, columns unchanged."""
    return [_plain(line) for line in lines]


def _plain(line: str) -> str:
    if heading := _HEADING.match(line):
        line = " " * heading.end() + line[heading.end() :]
    elif marker := _LIST_MARKER.match(line):
        depth = len(marker.group("marks"))
        # "# item" and "** nested": one "-" bullet, indented by its depth so nesting survives
        line = " " * (depth - 1) + "-" + line[depth:]
    line = _MACRO.sub(lambda macro: " " * len(macro.group(0)), line)
    if line.lstrip().startswith("||"):
        line = line.replace("||", " |")  # a header row: "||Objective||Key result||"
    return line
