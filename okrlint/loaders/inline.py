"""The plain text of a Markdown inline token, line by line, with markup removed."""

from __future__ import annotations

import re

from markdown_it.token import Token

from okrlint.loaders.outline import TextLine

# Numbering that CommonMark does not read as a list: "1、…", "1．…" (CJK), "①".
NUMBERING = re.compile(r"^(?:\d{1,3}[、．]|[①-⑳])\s*")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def plain_lines(inline: Token) -> list[TextLine]:
    """The inline's text without markup, one TextLine per source line."""
    first = inline.map[0] if inline.map else 0
    rows: list[list[str]] = [[]]
    # Per row: how many characters of text are inside strong emphasis, and does it start so?
    strong, inside = 0, [0]
    starts: list[bool | None] = [None]
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            rows[-1].append(child.content)
            if child.content.strip():
                if starts[-1] is None:
                    starts[-1] = strong > 0
                inside[-1] += len(child.content) if strong else 0
        elif child.type in ("softbreak", "hardbreak"):
            rows.append([])
            inside.append(0)
            starts.append(None)
        elif child.type == "strong_open":
            strong += 1
        elif child.type == "strong_close":
            strong -= 1
        elif child.type == "html_inline" and _BREAK.fullmatch(child.content.strip()):
            rows[-1].append(" ")
        elif child.type == "image":
            rows[-1].append(child.content)
    result = []
    for offset, parts in enumerate(rows):
        text = NUMBERING.sub("", "".join(parts).strip())
        if text:
            # "**Launch the category.** ==> Done": a bold line with a note after it.
            bold = bool(starts[offset]) and inside[offset] * 2 >= len(text)
            result.append(TextLine(" ".join(text.split()), first + offset, bold))
    return result


