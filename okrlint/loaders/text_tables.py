"""Tables in plain text, as people paste them from a spreadsheet: pipe-separated ("ID | Objective |
Key Result | Owner", no Markdown delimiter row needed) or tab-separated (what a copy from a sheet
gives). Read like a Markdown table (tables.py): a key result column, and an objective column
beside it; any other table yields nothing."""

from __future__ import annotations

import re

from okrlint.loaders.labels import Role, classify
from okrlint.loaders.outline import Table, TableRow, TextLine
from okrlint.loaders.tables import header_patterns

_SEPARATOR = re.compile(r"^[\s|:\-+=]+$")


def _cells(line: str, delimiter: str = "|") -> list[str]:
    if delimiter == "\t":
        return [cell.strip() for cell in line.strip(" \n").split("\t")]
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return [cell.strip() for cell in stripped.split("|")]


def pipe_table(lines: list[str], start: int) -> tuple[Table | None, int]:
    """The table whose header is lines[start] (None when it names no key-result column) and
    the row after its last line."""
    delimiter = "|" if lines[start].count("|") >= 2 else "\t"
    header = _cells(lines[start], delimiter)
    if len(header) < 2 or (
        delimiter == "\t" and any(len(name.split()) > 4 or re.search(r"[:：]\s*\S", name) for name in header)
    ):
        return None, start + 1  # a tabbed row of statements ("KR1: Raise…<tab>Ana") heads no table
    end = start + 1
    # A tab row may end early (a sheet drops empty trailing cells), so one tab is enough.
    least = len(header) - 1 if delimiter == "|" else 1
    while end < len(lines) and lines[end].count(delimiter) >= least >= 1:
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
        cells = _cells(lines[row], delimiter)
        table.rows.append(TableRow(_cell(cells, objective_column, row), _cell(cells, kr_column, row)))
    return table, end


def _cell(cells: list[str], column: int | None, row: int) -> TextLine | None:
    if column is None or column >= len(cells) or not any(c.isalnum() for c in cells[column]):
        return None
    return TextLine(cells[column], row)


def first_cell(line: str) -> str:
    """The statement of a tab-separated line outside a table: its first cell, with the cell
    after it when the first is only a label ("KR1:<tab>Raise activation…<tab>Ana")."""
    cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
    if not cells:
        return line
    short = len(cells[0].split()) <= 2 and not _STATEMENT.search(cells[0])  # "KR1:", "O2 -"
    if len(cells) > 1 and (short or (len(cells[0].split()) <= 4 and _label_only(cells[0]))):
        return f"{cells[0]} {cells[1]}"
    return cells[0]


def _label_only(cell: str) -> bool:
    """A label with no statement: "Objective 1", "Key result 2:", "Goal"."""
    # a label reads the word after it as its statement: "Key result 2: x" states "x"
    probe = classify(cell.rstrip(":：") + ": x")
    return probe.role in (Role.OBJECTIVE, Role.KEY_RESULT) and probe.title == "x"


# Three letters in a row: a word, so a first cell holding one is more than a label ("KR1:").
_STATEMENT = re.compile(r"[^\W\d_]{3}")
