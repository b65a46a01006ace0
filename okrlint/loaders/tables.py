"""Key results written as a GFM table under an objective heading (`| KR | Target | Owner |`).

The column headed KR / Key result(s) holds the key results, one per body row. A table without
such a column is something else (a budget, a RACI) and yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from okrlint.loaders.labels import KR_COLUMN, KR_LABEL, strip_emphasis

# A KR column that holds only ids ("KR1", "1.2") points at the column that holds the text.
_ID = re.compile(r"^(?:(?:kr|key[\s-]*result)\s*)?#?\d+(?:\.\d+)*\.?$", re.IGNORECASE)
_TEXT_HEADER = re.compile(r"^(?:description|title|name|text)$", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """A key result read from a table cell: 0-based line, 0-based [start, end) columns."""

    title: str
    line: int
    start: int
    end: int


def table_key_results(tokens: list[Token], start: int, lines: list[str]) -> list[Cell]:
    """The key results of the table opening at tokens[start], in row order."""
    rows: list[list[Token]] = []
    for token in tokens[start + 1 :]:
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token)
    if len(rows) < 2:
        return []
    header, body = [_text(cell) for cell in rows[0]], rows[1:]
    column = _kr_column(header, body)
    if column is None:
        return []
    cells = []
    for row in body:
        if column >= len(row) or row[column].map is None:
            continue
        line = row[column].map[0]
        title = strip_emphasis(KR_LABEL.sub("", _text(row[column]), count=1)).strip()
        if any(char.isalnum() for char in title) and line < len(lines):
            cells.append(_locate(title, line, lines[line], column))
    return cells


def _kr_column(header: list[str], body: list[list[Token]]) -> int | None:
    column = next((i for i, name in enumerate(header) if KR_COLUMN.match(name)), None)
    if column is None:
        return None
    values = [_text(row[column]) for row in body if column < len(row)]
    if values and all(_ID.match(value) or not value for value in values):
        return next((i for i, name in enumerate(header) if _TEXT_HEADER.match(name)), None)
    return column


def _text(cell: Token) -> str:
    return strip_emphasis(cell.content.strip())


def _locate(title: str, line: int, source: str, column: int) -> Cell:
    """Where the title sits in its cell: from its first word to the end of the cell's text."""
    bounds = _cell_bounds(source)
    if column >= len(bounds):
        return Cell(title, line, 0, len(source))
    left, right = bounds[column]
    raw = source[left:right]
    left += len(raw) - len(raw.lstrip())
    right = left + len(raw.strip())
    start = source.find(title, left, right)
    if start < 0:  # markup or a label inside the cell: start at the title's first word
        start = source.find(title.split(" ", 1)[0], left, right)
    return Cell(title, line, max(start, left), right)


def _cell_bounds(source: str) -> list[tuple[int, int]]:
    """[start, end) of each cell's raw text; `\\|` is a pipe inside a cell, not a border."""
    bounds, left, index = [], 0, 0
    while index < len(source):
        if source[index] == "\\":
            index += 2
            continue
        if source[index] == "|":
            bounds.append((left, index))
            left = index + 1
        index += 1
    bounds.append((left, len(source)))
    stripped = source.strip()
    if stripped.startswith("|"):
        bounds = bounds[1:]  # the border before the first cell
    if stripped.endswith("|") and not stripped.endswith("\\|") and bounds:
        bounds = bounds[:-1]  # the border after the last cell
    return bounds
