"""CSV and TSV OKR files: spreadsheets exported from a sheet or an OKR tracker.

Three layouts are read, all from the header row (title rows above it are allowed):
- a row per key result: an objective column (often left blank on the rows that continue the
  same objective, or repeated on each) beside one key-result column;
- a row per objective: an objective column beside KR1, KR2 … columns;
- a row per item: a column naming each row's type ("Obj" / "KR") beside a text column
  ("Title"); a key result belongs to the objective its id extends ("…-CI-1.2" to "…-CI-1"),
  else to the objective above it, since trackers export rows in any order.
Metadata columns (owner, status, score, progress, weight, target…) become fields of the row's
objective or key result, validated as YAML fields are: a wrong value is an E002 at its cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from okrlint.loaders.annotations import split_annotation
from okrlint.loaders.builder import DocumentBuilder, Located
from okrlint.loaders.csv_cells import Cell, guess_delimiter, read_cells, unwrap_quoted_rows
from okrlint.loaders.csv_columns import (
    NODE,
    Column,
    id_columns,
    read_header,
    text_column,
    type_column,
)
from okrlint.loaders.csv_tree import children_of, parent_column, parent_key
from okrlint.loaders.csv_values import EMPTY, cell_value
from okrlint.loaders.cycles import find_cycle
from okrlint.loaders.document_cycle import settle_cycle
from okrlint.loaders.found import Found
from okrlint.loaders.item_kind import KEY_RESULT, OBJECTIVE, item_kind
from okrlint.loaders.labels import Role, classify
from okrlint.models import Diagnostic, KeyResult, LoadResult, Objective, Span

_HEADER_ROWS = 10  # title rows a sheet may carry above its header
_TYPE_SAMPLE = 200
# "1. Ship the MVP" / "- Reach 95%" / "• …": one key result per line of a cell.
_ENUMERATED = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*·–])\s+")
_KR_FIELDS = ("owner", "status", "score", "progress", "confidence", "weight", "target",
              "baseline", "current", "unit", "due", "id")  # fmt: skip
_OBJECTIVE_FIELDS = ("owner", "status", "progress", "type", "id", "parent", "cycle")


@dataclass
class _Item:
    """An objective or key result read from a row, before it is validated."""

    role: str
    row: list[Cell]
    title: str
    span: tuple[str, int, int, int, int]
    number: int | None = None  # the KR column's number in a row-per-objective sheet
    node_fields: bool = True  # the row's general columns (Owner, Status) describe this item


# A sheet's summary row in the objective column: "TOTAL", "Overall", "Average progress".
_TOTALS = re.compile(r"(?i)(?:grand\s+)?(?:totals?|sum|overall|average|avg\.?)(?:\s+(?:progress|score|scores))?:?")


# A note or legend row in the objective column, alone on its row: "Scores: 0.0-1.0, …".
_NOTE_ROW = re.compile(r"(?i)\s*(?:scores?|scoring|legend|key|notes?|source|status key|updated)\s*:")


def load_csv(text: str, path: str, fmt: str = "csv") -> LoadResult:
    """Load a CSV (delimiter guessed: ',', ';', tab or '|') or TSV (tab) OKR file."""
    grid = read_cells(text, "\t" if fmt == "tsv" else guess_delimiter(text))
    grid = unwrap_quoted_rows(grid) or grid
    builder = DocumentBuilder(path, fmt)
    diagnostics: list[Diagnostic] = []
    if grid.unterminated is not None:
        line, column = grid.unterminated
        diagnostics.append(Diagnostic(
            code="E001",
            message="unterminated quoted cell: the quote opened here is never closed;"
            " the rows from here on were not read",
            span=Span.of(path, line, column, line, column + 1),
        ))  # fmt: skip
    reader = _Sheet(path, builder, grid.rows)
    reader.read()
    diagnostics.extend(reader.ragged())
    reader.cycle_from_column()
    scores = [kr.score for o in builder.objectives for kr in o.key_results if kr.score is not None]
    if any(score > 1 for score in scores) and all(score <= 100 for score in scores):
        builder.fields["scoring"] = "percent"  # a "Score" column of 0-100
    settle_cycle(builder, Found(), [])
    return builder.result(text, diagnostics, layout=Found(labelled=True))


class _Sheet:
    def __init__(self, path: str, builder: DocumentBuilder, rows: list[list[Cell]]) -> None:
        self.path, self.builder, self.rows = path, builder, rows
        self.header_at: int | None = None
        self.columns: list[Column] = []

    # -- layout -------------------------------------------------------------------------------
    def read(self) -> None:
        for at, row in enumerate(self.rows[:_HEADER_ROWS]):
            names = [cell.text for cell in row]
            columns = read_header(names)
            body = self.rows[at + 1 :]
            # The first rows tell a column of row types; reading them all for each candidate
            # header would cost ten passes over a large sheet.
            typed = type_column([[cell.text for cell in r] for r in body[:_TYPE_SAMPLE]])
            if typed is not None:
                text = text_column(names, {typed})
                text = _role_text(columns) if text is None else text  # (column 0 is a column)
                if text is not None:
                    self._start(at, columns)
                    self._typed_rows(body, typed, text, names)
                    return
            if any(c.what == "text" and c.role in (OBJECTIVE, KEY_RESULT) for c in columns):
                self._start(at, columns)
                self._role_rows(body)
                return
            if (tree := self._tree(names, body)) is not None:
                self._start(at, columns)
                self._tree_rows(body, *tree)
                return

    def cycle_from_column(self) -> None:
        """The document's cycle when a cycle column ("Period") gives every objective the same."""
        column = next((c for c in self.columns if c.what == "cycle"), None)
        cycles = {objective.cycle for objective in self.builder.objectives}
        if column is None or len(cycles) != 1 or None in cycles or "cycle" in self.builder.fields:
            return
        assert self.header_at is not None
        name = self.rows[self.header_at][column.index].text
        self.builder.fields["cycle"], self.builder.fields["cycle_source"] = (
            cycles.pop(),
            f"'{name}' column",
        )

    def _start(self, at: int, columns: list[Column]) -> None:
        self.header_at, self.columns = at, columns
        for row in self.rows[:at]:  # title rows: "Marketing OKRs, Q3 2026"
            for cell in row:
                if cycle := find_cycle(cell.text):
                    self.builder.fields.setdefault("cycle", cycle)
                    self.builder.fields.setdefault("cycle_source", f"title row, line {cell.line}")

    def _role_rows(self, body: list[list[Cell]]) -> None:
        objective_col = _first(self.columns, OBJECTIVE, "text")
        kr_cols = [c for c in self.columns if c.role == KEY_RESULT and c.what == "text"]
        per_objective = len(kr_cols) > 1
        current: Objective | None = None
        last = ""
        for row in body:
            opened = None
            cell = _cell(row, objective_col.index) if objective_col is not None else None
            if cell is not None and _TOTALS.fullmatch(cell.text.strip()):
                continue  # "TOTAL,,,,47%": the sheet's summary row, no objective
            if cell is not None and _NOTE_ROW.match(cell.text) and not any(_cell(row, c.index) for c in kr_cols):
                continue  # "Scores: 0.0-1.0, updated monthly": a legend under the table
            if cell is not None and (current is None or cell.text != last):
                last = cell.text  # a repeated objective cell continues it, unread again
                item = self._item(OBJECTIVE, row, cell)
                same = current is not None and item is not None and item.title == current.title
                if item is not None and not same:
                    opened = current = self._objective(item)
            if current is None:
                continue
            krs = [
                item
                for column in kr_cols
                if (cell := _cell(row, column.index))
                for item in self._kr_items(row, cell, column, split=len(kr_cols) == 1)
            ]
            own_row = not per_objective and len(krs) == 1  # the row's metadata is the KR's
            for item in krs:
                item.node_fields = own_row
                self._add_kr(current, item)
            if opened is not None:
                self._fill(opened, row, OBJECTIVE, all_fields=not own_row)

    def _tree(self, names: list[str], body: list[list[Cell]]) -> tuple[int, int, int | None] | None:
        """A goal tool's export with no type column: a title column, a parent column and at
        least two rows whose parent is another row of the file (key results under goals)."""
        parent, text = parent_column(names), text_column(names, set())
        if parent is None or text is None or len(body) < 2:
            return None
        ids = id_columns(names)
        id_col = max(ids, key=lambda i: len({_text(row, i) for row in body}), default=None)
        links = children_of([(_text(r, id_col) if id_col is not None else "", _text(r, text), _text(r, parent)) for r in body])
        return (text, parent, id_col) if len(links) >= 2 else None

    def _tree_rows(self, body: list[list[Cell]], text: int, parent: int, id_col: int | None) -> None:
        """Rows whose parent is another row are key results of it; the rest are objectives
        (a key result of a key result, a tool's sub-goal, joins the objective above it)."""
        keys = [(_text(r, id_col) if id_col is not None else "", _text(r, text), _text(r, parent)) for r in body]
        links = children_of(keys)
        objectives: dict[int, Objective] = {}
        for row, cells in enumerate(body):
            cell = _cell(cells, text)
            if row in links or cell is None:
                continue
            item = self._item(OBJECTIVE, cells, cell)
            if item is not None:
                objectives[row] = self._objective(item)
                self._fill(objectives[row], cells, OBJECTIVE, all_fields=True)
        for row, cells in enumerate(body):
            if row not in links or (cell := _cell(cells, text)) is None:
                continue
            top, seen = links[row], {row}
            while top in links and top not in seen:  # a sub-goal: up to its objective
                seen.add(top)
                top = links[top]
            item = self._item(KEY_RESULT, cells, cell)
            if item is not None and top in objectives:
                item.node_fields = True
                self._add_kr(objectives[top], item)

    def _typed_rows(self, body: list[list[Cell]], typed: int, text: int, names: list[str]) -> None:
        ids = id_columns(names)
        id_col = max(ids, key=lambda i: len({_text(row, i) for row in body}), default=None)
        parent_col = parent_column(names)
        titles: dict[str, Objective] = {}  # an objective's title (and id), as a parent cell names it
        objectives: list[tuple[str, Objective]] = []
        pending: list[tuple[str, Objective | None, _Item]] = []
        for row in body:
            kind = item_kind(_text(row, typed))
            cell = _cell(row, text)
            item = self._item(kind, row, cell) if kind and cell else None
            if item is None:
                continue
            ident = _text(row, id_col) if id_col is not None else ""
            if kind == OBJECTIVE:
                objective = self._objective(item)
                self._fill(objective, row, OBJECTIVE, all_fields=True)
                if ident and objective.id is None:
                    objective.id = ident
                objectives.append((ident, objective))
                titles[parent_key(objective.title)] = objective
                if ident:
                    titles.setdefault(parent_key(ident), objective)
            else:
                # "Parent item" names the objective (a database export lists rows in any order)
                named = titles.get(parent_key(_text(row, parent_col))) if parent_col is not None else None
                pending.append((ident, named or (objectives[-1][1] if objectives else None), item))
        for ident, above, item in pending:
            parent = _parent(ident, objectives) or above
            if parent is not None:
                self._add_kr(parent, item, ident)

    # -- nodes --------------------------------------------------------------------------------
    def _item(self, role: str, row: list[Cell], cell: Cell) -> _Item | None:
        lines = [piece.text.strip() for piece in cell.pieces if piece.text.strip()]
        return self._titled(role, row, cell, " ".join(" ".join(lines).split()))

    def _titled(self, role: str, row: list[Cell], cell: Cell, text: str) -> _Item | None:
        line = classify(text)
        wanted = Role.OBJECTIVE if role == OBJECTIVE else Role.KEY_RESULT
        title = line.title if line.role == wanted and line.title else text
        title, _annotation = split_annotation(title)
        if not any(char.isalnum() for char in title) or title.replace(".", "").isdigit():
            return None
        return _Item(role, row, title, self._where(cell, title))

    def _kr_items(self, row: list[Cell], cell: Cell, column: Column, *, split: bool) -> list[_Item]:
        """The key results of a cell: one per line when its lines are numbered or bulleted."""
        pieces = [piece for piece in cell.pieces if piece.text.strip()]
        if split and len(pieces) > 1 and all(_ENUMERATED.match(p.text) for p in pieces):
            items = []
            for piece in pieces:
                one = Cell((piece,))
                item = self._titled(KEY_RESULT, row, one, _ENUMERATED.sub("", piece.text).strip())
                if item is not None:
                    items.append(item)
            return items
        item = self._item(KEY_RESULT, row, cell)
        if item is not None:
            item.number = column.number
        return [] if item is None else [item]

    def _objective(self, item: _Item) -> Objective:
        objective = Objective(title=item.title, span=Span.of(*item.span))
        self.builder.objectives.append(objective)
        return objective

    def _add_kr(self, objective: Objective, item: _Item, ident: str = "") -> None:
        pairs = {"title": _pair("title", item.title, item.span)}
        pairs.update(self._fields(item.row, KEY_RESULT, item.number, node=item.node_fields))
        if ident and "id" not in pairs:
            pairs["id"] = _pair("id", ident, item.span)
        kr = self.builder.validated(KeyResult, pairs, Span.of(*item.span), "key result")
        if kr is not None:
            objective.key_results.append(kr)

    def _fill(self, objective: Objective, row: list[Cell], role: str, *, all_fields: bool) -> None:
        """Set an objective's fields from its row: its own columns ("Objective Owner"), and
        the row's general ones when the row holds no key result of its own."""
        pairs = self._fields(row, role, None, node=all_fields)
        if not pairs:
            return
        pairs["title"] = _pair("title", objective.title, _where_of(objective))
        validated = self.builder.validated(
            Objective, pairs, objective.span or _no_span(self.path), "objective"
        )
        if validated is not None:
            for name in pairs:
                if name != "title" and name in validated.model_dump(exclude_unset=True):
                    setattr(objective, name, getattr(validated, name))

    def _fields(
        self, row: list[Cell], role: str, number: int | None, *, node: bool
    ) -> dict[str, tuple[Located, Located]]:
        allowed = _KR_FIELDS if role == KEY_RESULT else _OBJECTIVE_FIELDS
        pairs: dict[str, tuple[Located, Located]] = {}
        for column in self.columns:
            if column.what not in allowed or column.what in pairs:
                continue
            if column.role == NODE and not node:
                continue
            if column.role not in (NODE, role) or (column.number not in (None, number)):
                continue
            cell = _cell(row, column.index)
            if cell is None or EMPTY.match(cell.text):
                continue
            value = cell_value(column.what, cell.text)
            if value is not None:
                pairs[column.what] = _pair(column.what, value, self._where(cell, cell.text))
        return pairs

    def _where(self, cell: Cell, title: str) -> tuple[str, int, int, int, int]:
        """The span of `title` inside the cell when it is written there as one run; else the
        span of the cell's whole text."""
        for piece in cell.pieces:
            at = piece.raw.find(title)
            if at >= 0 and title:
                return (
                    self.path,
                    piece.line,
                    piece.column + at,
                    piece.line,
                    piece.column + at + len(title),
                )
        written = [p for p in cell.pieces if p.raw.strip()]
        first, last = written[0], written[-1]
        lead = len(first.raw) - len(first.raw.lstrip())
        end = last.column + len(last.raw.rstrip())
        return (self.path, first.line, first.column + lead, last.line, end)

    # -- problems -----------------------------------------------------------------------------
    def ragged(self) -> list[Diagnostic]:
        """One E002 for the rows whose cells do not line up with the header's: a cell written
        with an unquoted delimiter shifts every value after it into the wrong column."""
        if self.header_at is None:
            return []
        header = self.rows[self.header_at]
        odd = [row for row in self.rows[self.header_at + 1 :] if len(row) != len(header)]
        if not odd:
            return []
        row = odd[0]
        # At the first cell past the header's last column, or after the row's last cell.
        piece = row[len(header)].pieces[0] if len(row) > len(header) else row[-1].pieces[-1]
        column = piece.column if len(row) > len(header) else piece.column + len(piece.raw)
        more = f" (and {len(odd) - 1} more rows like it)" if len(odd) > 1 else ""
        message = (
            f"row has {len(row)} cells where the header (line {header[0].line}) has"
            f" {len(header)}{more}; quote cells that hold the delimiter"
        )
        span = Span.of(self.path, piece.line, column, piece.line, column + 1)
        return [Diagnostic(code="E002", message=message, span=span)]


def _parent(ident: str, objectives: list[tuple[str, Objective]]) -> Objective | None:
    """The objective whose id the key result's id extends: "2022-Q1-CI-1.2" -> "2022-Q1-CI-1",
    "O1-KR1" -> "O1"; the longest such id wins."""
    best: tuple[int, Objective] | None = None
    for parent_id, objective in objectives:
        if (
            parent_id
            and len(ident) > len(parent_id)
            and ident.startswith(parent_id)
            and ident[len(parent_id)] in ".-_/: "
            and (best is None or len(parent_id) > best[0])
        ):
            best = (len(parent_id), objective)
    return best[1] if best else None


def _pair(name: str, value: Any, where: tuple[str, int, int, int, int]) -> tuple[Located, Located]:
    return Located(name, where=where), Located(value, where=where)


def _where_of(objective: Objective) -> tuple[str, int, int, int, int]:
    span = objective.span
    assert span is not None
    return (span.path, span.start.line, span.start.column, span.end.line, span.end.column)


def _no_span(path: str) -> Span:
    return Span.of(path, 1, 1, 1, 2)


def _first(columns: list[Column], role: str, what: str) -> Column | None:
    return next((c for c in columns if c.role == role and c.what == what), None)


def _role_text(columns: list[Column]) -> int | None:
    column = next((c for c in columns if c.what == "text"), None)
    return None if column is None else column.index


def _cell(row: list[Cell], index: int) -> Cell | None:
    if index >= len(row) or not row[index].text:
        return None
    return row[index]


def _text(row: list[Cell], index: int | None) -> str:
    cell = _cell(row, index) if index is not None else None
    return cell.text if cell is not None else ""
