"""The plain text of a Markdown inline token, line by line, with markup removed."""

from __future__ import annotations

import re

from markdown_it.token import Token

from okrlint.loaders.language_guess import function_word_languages
from okrlint.loaders.outline import TextLine

# Numbering that CommonMark does not read as a list: "1、…", "1．…" (CJK), "①".
NUMBERING = re.compile(r"^(?:\d{1,3}[、．]|[①-⑳])\s*")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# After an item's statement written as a link into the page's own details ("[Ship CSS
# containment to beta](#o0r0) leviw, szager 0.60"): only the owners' handles and a score.
_OWNERS_AND_SCORE = re.compile(
    r"^(?:[a-z][a-z0-9._-]*,?\s+){0,5}?(?:[a-z][a-z0-9._-]*,?)?\s*(?:(?:0?\.\d{1,2}|1\.0{1,2}|\d{1,3}%)\s*)?$"
)


def plain_lines(inline: Token) -> list[TextLine]:
    """The inline's text without markup, one TextLine per source line."""
    first = inline.map[0] if inline.map else 0
    rows: list[list[str]] = [[]]
    # Per row: how many characters of text are inside strong emphasis, and does it start so?
    strong, inside = 0, [0]
    starts: list[bool | None] = [None]
    for child in _without_owner_tail(inline.children or []):
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




def _without_owner_tail(children: list[Token]) -> list[Token]:
    """The inline's children up to the end of an opening in-page link, when all that follows
    it is owners and a score: those are columns of a flattened table, not the statement."""
    start = next((i for i, child in enumerate(children) if child.type != "text" or child.content.strip()), None)
    if start is None or children[start].type != "link_open":
        return children
    if not str(children[start].attrs.get("href", "")).startswith("#"):
        return children
    close = next((i for i, child in enumerate(children) if child.type == "link_close"), None)
    if close is None:
        return children
    tail = " ".join(c.content for c in children[close + 1 :] if c.type in ("text", "softbreak")).strip()
    words = tail.replace(",", " ").split()
    if not tail or not _OWNERS_AND_SCORE.match(" ".join(tail.split())) or any("en" in function_word_languages(w) for w in words):
        return children
    return children[: close + 1]
