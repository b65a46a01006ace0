"""HTML tables inside Markdown (`<table><tr><td rowspan="3">Objective…</td><td>KR…</td>`), as
wikis and READMEs hold them when a cell must span rows. Read like a Markdown table (tables.py):
a key-result column and an objective column beside it, named by the header row; an objective
cell spanning rows stands for each of them. Any other table yields nothing."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from okrlint.loaders.outline import Table, TableRow, TextLine
from okrlint.loaders.tables import header_patterns

# A cell's text: whitespace runs are one space ("800&nbsp;ms" is "800 ms").
_SPACES = re.compile(r"\s+")
_MAX_ROWSPAN = 200


class _Cells(HTMLParser):
    """The rows of the first table in an HTML block: each cell's text, its line (0-based in
    the block) and its rowspan; the first row is the header."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, int, int]]] = []
        self._cell: list[str] | None = None
        self._cell_line = 0
        self._span = 1
        self._depth = 0  # nested tables are read as text of their cell

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
        elif self._depth == 1 and tag == "tr":
            self.rows.append([])
        elif self._depth == 1 and tag in ("td", "th") and self.rows:
            self._cell, self._cell_line = [], self.getpos()[0] - 1
            span = dict(attrs).get("rowspan") or "1"
            self._span = min(int(span), _MAX_ROWSPAN) if span.isdigit() and int(span) > 0 else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._depth -= 1
        elif self._depth == 1 and tag in ("td", "th") and self._cell is not None and self.rows:
            text = html.unescape(_SPACES.sub(" ", "".join(self._cell))).strip()
            self.rows[-1].append((text, self._cell_line, self._span))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            if not "".join(self._cell).strip() and data.strip():
                # the cell's line is where its text starts ("<td>\n  Payment error rate …")
                self._cell_line = self.getpos()[0] - 1 + data[: len(data) - len(data.lstrip())].count("\n")
            self._cell.append(data)


def html_table(content: str, first_row: int) -> Table | None:
    """The table in an HTML block starting at line `first_row` (0-based), or None when it
    names no key-result column."""
    if "<t" not in content.lower():
        return None
    parser = _Cells()
    try:
        parser.feed(content)
        parser.close()
    except (ValueError, AssertionError):  # a malformed tag: no table to read
        return None
    rows = _spread(parser.rows)
    if len(rows) < 2:
        return None
    header = [cell[0] if cell else "" for cell in rows[0]]
    objective_pattern, kr_pattern = header_patterns()
    kr_column = next((i for i, name in enumerate(header) if kr_pattern.search(name)), None)
    if kr_column is None:
        return None
    objective_column = next(
        (i for i, name in enumerate(header) if i != kr_column and objective_pattern.match(name)), None
    )
    table = Table([])
    for row in rows[1:]:
        objective = _line(row, objective_column, first_row)
        result = _line(row, kr_column, first_row)
        if objective is not None or result is not None:
            table.rows.append(TableRow(objective, result))
    return table if any(r.key_result for r in table.rows) else None


Cell = tuple[str, int, int]  # text, line in the block, rowspan (0: a copy spanning down)


def _spread(rows: list[list[Cell]]) -> list[list[Cell | None]]:
    """Rows with a cell spanning several rows repeated into them (marked by a rowspan of 0 in
    the copies), so every row's cells stand in their columns."""
    spread: list[list[Cell | None]] = []
    carried: dict[int, tuple[Cell, int]] = {}  # column -> (cell, rows it still covers)
    for row in rows:
        out: list[Cell | None] = []
        cells = iter(row)
        column = 0
        while True:
            if column in carried:
                cell, left = carried[column]
                out.append((cell[0], cell[1], 0))
                if left <= 1:
                    del carried[column]
                else:
                    carried[column] = (cell, left - 1)
                column += 1
                continue
            nxt = next(cells, None)
            if nxt is None:
                break
            out.append(nxt)
            if nxt[2] > 1:
                carried[column] = (nxt, nxt[2] - 1)
            column += 1
        spread.append(out)
    return spread


def _line(row: list[Cell | None], column: int | None, first_row: int) -> TextLine | None:
    """A cell as a line of the file; a copy of a cell spanning rows stands for nothing new
    (an objective's or a key result's cell is read once, on its first row)."""
    if column is None or column >= len(row) or row[column] is None:
        return None
    text, line, span = row[column]  # type: ignore[misc]
    if not text or not any(char.isalnum() for char in text) or span == 0:
        return None
    return TextLine(text, first_row + line)
