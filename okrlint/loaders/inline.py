"""The plain text of a Markdown inline token, line by line, with markup removed."""

from __future__ import annotations

import re

from markdown_it.token import Token

from okrlint.loaders.language_guess import function_word_languages
from okrlint.loaders.outline import TextLine

# Numbering that CommonMark does not read as a list: "1、…", "1．…" (CJK), "①".
NUMBERING = re.compile(r"^(?:\d{1,3}[、．]|[①-⑳])\s*")
# An outline's second level: "2.1 …" under item "2." (its number and the sub-number).
SUBNUMBER = re.compile(r"^(\d{1,3})\.(\d{1,3})\.?\s+(?=\S)")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# After a list item's statement written as a link into the page's own details ("[Ship CSS
# containment to beta](#o0r0) leviw, szager 0.60"): the owners' handles (lower case, maybe in
# brackets) and a score, columns of a flattened table.
_HANDLE = r"\\?\[?\*?[a-z][a-z0-9._-]*\*?\\?\]?"
_OWNERS = re.compile(rf"^(?P<handles>{_HANDLE}(?:,?\s+{_HANDLE}){{0,5}}),?(?:\s+(?P<score>0?\.\d{{1,2}}|1\.0{{1,2}}))?$")
_SCORE_ONLY = re.compile(r"^(?:0?\.\d{1,2}|1\.0{1,2})$")


def plain_lines(inline: Token, *, owners_after_link: bool = False) -> list[TextLine]:
    """The inline's text without markup, one TextLine per source line; `owners_after_link`: a
    list item's, where owners and a score may follow a statement that links into the page."""
    first = inline.map[0] if inline.map else 0
    rows: list[list[str]] = [[]]
    # Per row: how many characters of text are inside strong emphasis, and does it start so?
    strong, inside = 0, [0]
    starts: list[bool | None] = [None]
    children = inline.children or []
    for child in _without_owner_tail(children) if owners_after_link else children:
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
    it is owners and a score. Only a score, two or more handles, or a handle after a statement
    that ends its sentence are taken for columns: "[Reduce churn](#kr1) company-wide" keeps its
    last word."""
    start = anchor_start(children)
    if start is None:
        return children
    close = next((i for i, child in enumerate(children) if child.type == "link_close"), None)
    if close is None or any(c.type not in ("text", "softbreak") for c in children[close + 1 :]):
        return children  # code, emphasis or another link after it: words of the statement
    tail = " ".join(" ".join(c.content for c in children[close + 1 :]).split())
    if _SCORE_ONLY.match(tail):
        return children[: close + 1]
    owners = _OWNERS.match(tail)
    if owners is None:
        return children
    handles = re.findall(r"[a-z][a-z0-9._-]*", owners.group("handles"))
    if any(function_word_languages(handle) for handle in handles):
        return children  # "to beta", "para todos": words, in any language read for structure
    linked = "".join(c.content for c in children[start:close] if c.type == "text").rstrip()
    if owners.group("score") or len(handles) >= 2 or linked.endswith((".", "!")) or "[" in tail:
        return children[: close + 1]
    return children


def anchor_start(children: list[Token]) -> int | None:
    """Where the inline's text opens with a link to a place in this document (`#…`), if it does."""
    start = next((i for i, child in enumerate(children) if child.type != "text" or child.content.strip()), None)
    if start is None or children[start].type != "link_open":
        return None
    return start if str(children[start].attrs.get("href", "")).startswith("#") else None
