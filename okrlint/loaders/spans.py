"""Where a title read from prose sits in its source lines."""

from __future__ import annotations

import re

from okrlint.loaders.assembly_state import Locate
from okrlint.models import Span

_CLOSING_HASHES = re.compile(r"\s#{1,6}\s*$")  # "## Title ##": the closing hashes are not text
_WORD = re.compile(r"[^\W_][\w'’.,%$€£-]*")


def locator(lines: list[str], path: str) -> Locate:
    """A function (title, first row, row after the last) -> Span over `lines`."""

    def locate(title: str, first: int, last: int) -> Span:
        first = min(first, max(len(lines) - 1, 0))
        source = _CLOSING_HASHES.sub("", lines[first].rstrip()) if lines else ""
        column = title_start(source, title)
        end_line = max(first, min(last, len(lines)) - 1)
        end_source = source if end_line == first else lines[end_line].rstrip()
        end_column = _title_end(end_source, title, column if end_line == first else 0)
        return Span.of(path, first + 1, column + 1, end_line + 1, end_column + 1)

    return locate


def title_start(source: str, title: str) -> int:
    """Where the title starts on its first line: after the list marker and label, which may
    repeat its first word ("5. 5 new logos", "KR2: KR completion")."""
    if title and (found := source.rfind(title)) >= 0 and source.find(title) == found:
        return found
    for column, char in enumerate(source):
        word_start = column == 0 or not source[column - 1].isalnum()
        if char == title[:1] and word_start and title.startswith(source[column:]):
            return column  # the rest of the line begins the title
    first_word = _WORD.search(title)
    if first_word is not None:
        column = source.find(first_word.group(0))
        if column >= 0:
            return column  # markup inside the title: start at its first word
    return len(source) - len(source.lstrip())


def _title_end(source: str, title: str, start: int) -> int:
    """Where the title ends on its last line: after its last word, before trailing markup,
    links' targets or an annotation that is not part of it."""
    tail = title[-12:]
    found = source.rfind(tail)
    if tail and found >= start:
        return found + len(tail)
    words = _WORD.findall(title)
    if words:
        found = source.rfind(words[-1], start)
        if found >= 0:
            end = found + len(words[-1])
            # Closing punctuation of the title itself stays inside: "… (ECS)", "… “Q3”".
            tail = title[len(title.rstrip(".!?)]）”\"'’")) :]
            if tail and source.startswith(tail, end):
                end += len(tail)
            return max(end, start + 1)
    return max(len(source), start + 1)
