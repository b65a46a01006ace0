"""A plain-text file that is only a short list of goal statements, one per line.

"Increase team productivity by 10% through mentoring." / "Enhance my debugging skills": no
labels, bullets or headings, just a few sentences separated by blank lines. Read only when
nothing else in the file was an objective; each line is then an objective without key results.
"""

from __future__ import annotations

import re

from okrlint.loaders.labels import Role, classify
from okrlint.models import Objective, Span

_MAX_LINES = 12  # more lines than a short list of goals: notes or prose
_WORDS = (3, 30)  # a statement's length in words
_MARKER = re.compile(r"^(?:[-*•+·#>|=]|\d{1,3}[.)]\s)")
_SENTENCE_END = re.compile(r"[.!](?:\s+[A-Z])")  # a second sentence on the line: prose


def statement_objectives(lines: list[str], path: str) -> list[Objective]:
    """The lines as objectives, when every non-blank line reads as one goal statement."""
    rows = [(row, raw) for row, raw in enumerate(lines) if raw.strip()]
    if not 2 <= len(rows) <= _MAX_LINES or not all(_statement(raw.strip()) for _row, raw in rows):
        return []
    objectives = []
    for row, raw in rows:
        title = raw.strip()
        start = len(raw) - len(raw.lstrip())
        span = Span.of(path, row + 1, start + 1, row + 1, start + len(title) + 1)
        objectives.append(Objective(title=title, span=span))
    return objectives


def _statement(text: str) -> bool:
    words = text.split()
    if not _WORDS[0] <= len(words) <= _WORDS[1] or _MARKER.match(text):
        return False
    if text.endswith((":", "?", "：")) or _SENTENCE_END.search(text) or "http" in text:
        return False
    return classify(text).role == Role.PLAIN and text[0].isalpha()
