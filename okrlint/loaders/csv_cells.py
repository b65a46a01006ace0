"""CSV and TSV text split into cells that keep where their text sits (line, column).

Python's `csv` module gives values but no positions, and findings must point at a cell's
characters, so the file is read here in one linear pass. Quoting follows RFC 4180 as
spreadsheets write it (a quoted cell may hold the delimiter, line breaks and doubled quotes),
read leniently as hand-written files need: spaces before an opening quote are allowed, and a
quote inside an unquoted cell is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

DELIMITERS = (",", ";", "\t", "|")


@dataclass(frozen=True)
class Piece:
    """One physical line of a cell's text: 1-based line, the column where `raw` starts, and
    the text as written there (doubled quotes still doubled)."""

    line: int
    column: int
    raw: str

    @property
    def text(self) -> str:
        return self.raw.replace('""', '"')


@dataclass(frozen=True)
class Cell:
    pieces: tuple[Piece, ...]

    @cached_property
    def text(self) -> str:
        """The value, stripped; its lines joined by '\n'."""
        return "\n".join(piece.text for piece in self.pieces).strip()

    @property
    def line(self) -> int:
        return self.pieces[0].line


@dataclass
class Grid:
    """The rows of a file (blank lines dropped), and where an unterminated quote opened."""

    rows: list[list[Cell]] = field(default_factory=list)
    unterminated: tuple[int, int] | None = None  # (line, column), 1-based


def guess_delimiter(text: str) -> str:
    """The delimiter used most in any of the first lines (',' when none is used)."""
    best, count = ",", 0
    for line in text.split("\n", 20)[:20]:
        for delimiter in DELIMITERS:
            found = _count_outside_quotes(line, delimiter)
            if found > count:
                best, count = delimiter, found
    return best


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def read_cells(text: str, delimiter: str) -> Grid:
    """Every row's cells; `text` has '\n' line ends. Reading stops at an unterminated quote:
    everything after it would be one cell, so the rows before it are all that is known."""
    grid = Grid()
    unquoted = re.compile(f"[^{re.escape(delimiter)}\n]+")
    row: list[Cell] = []
    pieces: list[Piece] = []
    index, line, column, size = 0, 1, 1, len(text)
    while index <= size:
        # At the start of a cell.
        start = index
        while index < size and text[index] in " \t" and text[index] != delimiter:
            index += 1
        if index < size and text[index] == '"':
            opened = (line, column + index - start)
            index += 1
            column += index - start
            piece_start, piece_column = index, column
            while True:
                if index >= size:
                    grid.unterminated = opened
                    return grid
                char = text[index]
                if char == '"':
                    if index + 1 < size and text[index + 1] == '"':
                        index += 2
                        continue
                    break
                if char == "\n":
                    pieces.append(Piece(line, piece_column, text[piece_start:index]))
                    index += 1
                    line, column = line + 1, 1
                    piece_start, piece_column = index, 1
                    continue
                index += 1
            pieces.append(Piece(line, piece_column, text[piece_start:index]))
            column = piece_column + index - piece_start + 1
            index += 1
            # Whatever follows the closing quote up to the delimiter is kept, as written.
            tail = index
            while index < size and text[index] not in (delimiter, "\n"):
                index += 1
            if text[tail:index].strip():
                pieces.append(Piece(line, column, text[tail:index]))
            column += index - tail
        else:
            match = unquoted.match(text, start)
            index = match.end() if match else start
            pieces.append(Piece(line, column, text[start:index]))
            column += index - start
        row.append(Cell(tuple(pieces)))
        pieces = []
        if index < size and text[index] == delimiter:
            index += 1
            column += 1
            continue
        # The end of a row (a line break or the end of the text).
        if any(cell.text for cell in row):
            grid.rows.append(row)
        row = []
        index += 1
        line, column = line + 1, 1
    return grid


def unwrap_quoted_rows(grid: Grid) -> Grid | None:
    """Rows each wrapped whole in one pair of quotes, a sheet saved as one column
    ('"O1,Improve release predictability,Emily"'): the rows read again inside their quotes,
    with the columns of the file. None when the rows are not all of that shape."""
    if not grid.rows or any(len(row) != 1 or len(row[0].pieces) != 1 for row in grid.rows):
        return None
    header = grid.rows[0][0].text
    delimiter = max(DELIMITERS, key=header.count)
    if not header.count(delimiter):
        return None
    unwrapped = Grid()
    for row in grid.rows:
        piece = row[0].pieces[0]
        # Where each character of the unescaped text stands in the raw text ('""' is one).
        offsets: list[int] = []
        raw, index = piece.raw, 0
        while index < len(raw):
            offsets.append(index)
            index += 2 if raw.startswith('""', index) else 1
        offsets.append(len(raw))
        inner = read_cells(piece.text, delimiter)
        for cells in inner.rows:
            unwrapped.rows.append([
                Cell(tuple(
                    Piece(piece.line, piece.column + offsets[min(p.column - 1, len(offsets) - 1)], p.raw)
                    for p in cell.pieces
                ))
                for cell in cells
            ])  # fmt: skip
    return unwrapped
