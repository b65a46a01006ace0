"""Pipe tables in plain text ("ID | Objective | Key Result | Owner"), as people paste them from a
spreadsheet: no Markdown delimiter row needed. Read like a Markdown table (tables.py): a key
result column, and an objective column beside it; any other table yields nothing."""

from __future__ import annotations

import re

from okrlint.loaders.outline import Table, TableRow, TextLine
from okrlint.loaders.tables import header_patterns

_SEPARATOR = re.compile(r"^[\s|:\-+=]+$")


def _cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return [cell.strip() for cell in stripped.split("|")]


def pipe_table(lines: list[str], start: int) -> tuple[Table | None, int]:
    """The table whose header is lines[start] (None when it names no key-result column) and
    the row after its last line."""
    header = _cells(lines[start])
    if len(header) < 2:
        return None, start + 1
    end = start + 1
    while end < len(lines) and lines[end].count("|") >= len(header) - 1 >= 1:
        end += 1
    objective_pattern, kr_pattern = header_patterns()
    kr_column = next((i for i, name in enumerate(header) if kr_pattern.search(name)), None)
    if kr_column is None or end - start < 2:
        return None, start + 1
    objective_column = next(
        (i for i, name in enumerate(header) if i != kr_column and objective_pattern.match(name)),
        None,
    )
    table = Table([])
    for row in range(start + 1, end):
        if _SEPARATOR.match(lines[row]):
            continue
        cells = _cells(lines[row])
        table.rows.append(TableRow(_cell(cells, objective_column, row), _cell(cells, kr_column, row)))
    return table, end


def _cell(cells: list[str], column: int | None, row: int) -> TextLine | None:
    if column is None or column >= len(cells) or not any(c.isalnum() for c in cells[column]):
        return None
    return TextLine(cells[column], row)
