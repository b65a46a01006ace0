"""Org-mode files (`.org`), as Emacs users keep their OKRs: `* Q1 2025`, `** Objective: …`,
`*** TODO Key result`, property drawers, `#+TITLE:` lines. Each line is rewritten into the
Markdown the Markdown loader reads, with every character of content in its column, so spans
still point into the file as written: `**` becomes `##`, a TODO keyword, a priority cookie and
trailing tags and a progress cookie ("[1/3]") become spaces, and drawers and planning lines are blanked."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(?P<stars>\*+)(?P<space>[ \t]+)")
# A heading's state keyword and priority cookie: "TODO", "DONE [#A]".
_KEYWORD = re.compile(r"(?:(?:TODO|DONE|WIP|NEXT|WAITING|HOLD|DROPPED|CANCELL?ED|STARTED)\b[ \t]*)?(?:\[#[A-Z]\][ \t]*)?")
# Tags at the end of a heading: "   :q1:admin:".
_TAGS = re.compile(r"[ \t]+:(?:[\w@#%]+:)+[ \t]*$")
# A statistics cookie, how many children are done: "[1/3]", "[33%]" (progress, not a figure).
_COOKIE = re.compile(r"[ \t]*\[\d{1,4}(?:/\d{1,4}|%)\](?=[ \t]*$)")
# Drawers and planning lines say when and how, not what: blanked.
_DRAWER = re.compile(r"^[ \t]*:[A-Za-z_-]+:.*$")
_PLANNING = re.compile(r"^[ \t]*(?:CLOSED|DEADLINE|SCHEDULED):")
_KEYWORD_LINE = re.compile(r"^#\+(?P<key>[A-Za-z_]+):[ \t]*")


def markdown_text(text: str) -> str:
    """The Org file as Markdown, line for line and column for column."""
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    if heading := _HEADING.match(line):
        level = len(heading.group("stars"))
        rest = line[heading.end() :]
        keyword = _KEYWORD.match(rest)
        cut = keyword.end() if keyword else 0
        body = " " * cut + rest[cut:]
        body = _TAGS.sub(lambda tags: " " * len(tags.group(0)), body)
        body = _COOKIE.sub(lambda cookie: " " * len(cookie.group(0)), body)
        if level > 6:  # Markdown has six levels; deeper headings read as the sixth
            return "#" * 6 + " " * (level - 6) + heading.group("space") + body
        return "#" * level + heading.group("space") + body
    if keyword_line := _KEYWORD_LINE.match(line):
        if keyword_line.group("key").upper() == "TITLE":
            return "#" + " " * (keyword_line.end() - 1) + line[keyword_line.end() :]
        return ""
    if _DRAWER.match(line) or _PLANNING.match(line):
        return ""
    return line
