"""OKRs written as a GFM table.

- A key-result column (`| KR | Target | Owner |`), optionally an objective column whose cell is
  left blank on the rows that continue the same objective; other columns (targets, months,
  scores) are never key results.
- Without such a column: cells labelled "Objective: …" and "KR: …" wherever they sit (a
  four-square grid), or a pasted spreadsheet whose first column has bold objective rows over
  plain key-result rows.
Any other table (a budget, a RACI, a scoring rubric) yields nothing.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it.token import Token

from okrlint.loaders.inline import plain_lines
from okrlint.loaders.labels import Role, classify
from okrlint.loaders.outline import Table, TableRow, TextLine
from okrlint.loaders.vocabulary import vocabulary

# A KR column that holds only ids ("KR1", "1.2") points at the column that holds the text.
_ID = re.compile(r"^(?:(?:kr|key[\s-]*result)\s*)?#?\d+(?:\.\d+)*\.?$", re.IGNORECASE)
_TEXT_HEADER = re.compile(r"^(?:description|title|name|text|statement)$", re.IGNORECASE)
_NOT_LETTER = r"(?![^\W\d_])"


@cache
def header_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The header of an objective column and of a key-result column."""
    words = vocabulary()
    objective = re.compile(
        rf"^(?:{words.strong_objective}|{words.weak_objective})(?:s|es|e|en)?{_NOT_LETTER}"
        r"|^O(?:\s*[(（]|$)",
        re.IGNORECASE,
    )
    key_result = re.compile(
        rf"^(?:{words.key_result})(?:s|e|en|er|es)?{_NOT_LETTER}|^krs?\b"
        r"|[(（]\s*krs?\s*[)）]",  # "Target (KR)"
        re.IGNORECASE,
    )
    return objective, key_result


def read_table(tokens: list[Token], start: int, lines: list[str]) -> tuple[Table | None, int]:
    """The table opening at tokens[start] (None if it holds no key results) and the index
    after it."""
    rows: list[list[Token]] = []
    index = start + 1
    while index < len(tokens) and tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token)
        index += 1
    if len(rows) < 2:
        return None, index + 1
    header, body = [_text(cell) for cell in rows[0]], rows[1:]
    if table := _numbered_kr_columns(header, body, lines):
        return table, index + 1
    if table := _typed_rows(header, body, lines):
        return table, index + 1
    kr_column = _kr_column(header, body)
    if kr_column is None:
        table = _labelled_cells(body, lines) or _bold_outline(body, lines)
        return table, index + 1
    objective_pattern = header_patterns()[0]
    objective_column = next(
        (i for i, name in enumerate(header) if i != kr_column and objective_pattern.match(name)),
        None,
    )
    fields = _field_columns(header, {kr_column, objective_column})
    table = Table([])
    written = ""  # the objective cell's text on the row above
    for row in body:
        objective = _cell(row, objective_column, lines)
        if objective is not None:
            # a sheet that repeats the objective on every row of its key results: one objective
            repeated = objective.text == written
            written = objective.text
            objective = None if repeated else objective
        elif objective_column is None and (section := _section_row(row, kr_column, lines)) is not None:
            table.rows.append(TableRow(section, None))  # "| **Objective 1: …** | | |" over its rows
            continue
        pieces = _pieces(row, kr_column, lines)
        if not pieces:
            table.rows.append(TableRow(objective, None))
        # (the fields of a row describe its key result only when the cell holds one)
        values = _field_values(row, fields) if len(pieces) == 1 else ()
        for number, piece in enumerate(pieces):
            table.rows.append(TableRow(objective if number == 0 else None, piece, values))
    return _without_outline_numbers(table), index + 1


# "1.1 Aided brand awareness from 14% to 22%": a key result's number in the outline.
_OUTLINE_NUMBER = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+(?=\S)")


def _without_outline_numbers(table: Table) -> Table:
    """Key-result cells numbered as an outline ("1.1 …", "1.2 …", "2.1 …") lose the numbers,
    which label them; only when every key result has one, so that a decimal opening a single
    cell ("1.5 million visits") stays its figure."""
    results = [row.key_result for row in table.rows if row.key_result is not None]
    if len(results) < 2 or not all(_OUTLINE_NUMBER.match(line.text) for line in results):
        return table
    for row in table.rows:
        if row.key_result is not None:
            line = row.key_result
            row.key_result = TextLine(_OUTLINE_NUMBER.sub("", line.text), line.row, line.bold)
    return table


# Columns beside the key result that say more of it: "| Key result | Baseline | Target |".
_KR_FIELDS = ("baseline", "target", "current", "unit", "due", "owner")


def _field_columns(header: list[str], taken: set[int | None]) -> list[tuple[int, str]]:
    """(column, field) for the header cells that name a key result's field, as a
    spreadsheet's header would ("Target", "Start value", "Owner")."""
    from okrlint.loaders.csv_columns import field_of_header

    found: list[tuple[int, str]] = []
    for column, name in enumerate(header):
        what = field_of_header(name) if column not in taken else None
        if what in _KR_FIELDS and what not in (w for _c, w in found):
            found.append((column, what))
    return found


def _field_values(row: list[Token], fields: list[tuple[int, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (what, text) for column, what in fields if column < len(row) and (text := _text(row[column]))
    )


# "KR1", "KR 2", "Key result 3": one column per key result, the objective in its own column.
_NUMBERED_KR_HEADER = re.compile(r"^(?:krs?|key[\s-]*+results?)\s*+#?\s*+\d{1,2}$", re.IGNORECASE)


def _numbered_kr_columns(header: list[str], body: list[list[Token]], lines: list[str]) -> Table | None:
    """`| Objective | KR1 | KR2 | KR3 |`: each row an objective over the key results in its
    numbered columns (a blank cell is a key result not written yet)."""
    columns = [i for i, name in enumerate(header) if _NUMBERED_KR_HEADER.match(name)]
    objective_pattern = header_patterns()[0]
    objective_column = next((i for i, name in enumerate(header) if objective_pattern.match(name)), None)
    if len(columns) < 2 or objective_column is None:
        return None
    table = Table([])
    for row in body:
        objective = _cell(row, objective_column, lines)
        results = [cell for column in columns if (cell := _cell(row, column, lines)) is not None]
        if objective is None and not results:
            continue
        table.rows.append(TableRow(objective, results[0] if results else None))
        table.rows.extend(TableRow(None, result) for result in results[1:])
    return table


def _typed_rows(header: list[str], body: list[list[Token]], lines: list[str]) -> Table | None:
    """An issue tracker's export (`| Key | Issue Type | Summary | Parent |`): a column names
    each row's type, objectives and key results both among them, and a text column holds the
    words; other rows (epics, tasks) are no part of the set. A key result goes under the
    objective its Parent cell names, else under the objective above it."""
    from okrlint.loaders.csv_columns import id_columns, text_column, type_column
    from okrlint.loaders.item_kind import KEY_RESULT, OBJECTIVE, item_kind

    cells = [[_text(cell) for cell in row] for row in body]
    # Only the cells that name a type count (an epic's row names none), so the column is
    # found among the rows of the set.
    typed = type_column([[value if item_kind(value) else "" for value in row] for row in cells])
    if typed is None:
        return None
    named = sum(1 for row in cells if typed < len(row) and item_kind(row[typed]) is not None)
    words = text_column(header, {typed})
    if words is None or named * 2 < len(body):
        return None
    ids = id_columns(header)
    parent = next((i for i, name in enumerate(header) if name.strip().lower() in _PARENT_HEADERS), None)
    groups: list[tuple[TextLine, list[TextLine]]] = []
    by_id: dict[str, list[TextLine]] = {}
    for row, values in zip(body, cells, strict=True):
        kind = item_kind(values[typed]) if typed < len(values) else None
        text = _cell(row, words, lines)
        if text is None or kind not in (OBJECTIVE, KEY_RESULT):
            continue
        if kind == OBJECTIVE:
            groups.append((text, []))
            by_id.update({values[c]: groups[-1][1] for c in ids if c < len(values) and values[c]})
            continue
        owner = values[parent] if parent is not None and parent < len(values) else ""
        results = by_id.get(owner) or (groups[-1][1] if groups else None)
        if results is not None:
            results.append(text)
    table = Table([])
    for objective, results in groups:
        table.rows.append(TableRow(objective, results[0] if results else None))
        table.rows.extend(TableRow(None, result) for result in results[1:])
    return table if table.rows else None


_PARENT_HEADERS = ("parent", "parent id", "parent key", "parent issue")


# "1. Ship the MVP<br>2. Reach 95% accuracy": numbered key results in one cell, one per line.
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*·])\s+")


def _pieces(row: list[Token], column: int | None, lines: list[str]) -> list[TextLine]:
    """The key-result cell, split at line breaks (`<br>`) when every piece is numbered or
    bulleted; else the whole cell."""
    whole = _cell(row, column, lines)
    if whole is None or column is None:
        return []
    parts: list[str] = []
    current: list[str] = []
    for child in row[column].children or []:
        if child.type == "html_inline" and re.match(r"<br\s*/?>", child.content, re.IGNORECASE):
            parts.append("".join(current))
            current = []
        elif child.type in ("text", "code_inline"):
            current.append(child.content)
        elif child.type in ("softbreak", "hardbreak", "html_inline"):
            current.append(" ")
    parts.append("".join(current))
    parts = [" ".join(part.split()) for part in parts if part.strip()]
    if len(parts) < 2:
        return [whole]
    if all(_ENUMERATOR.match(part) for part in parts):
        return [TextLine(_ENUMERATOR.sub("", part), whole.row) for part in parts]
    if all(_opens_statement(part) for part in parts[1:]):
        # "ARR from $2M to $3M<br>NRR from 104% to 112%": each line its own key result (a
        # line going on in lower case continues the one above)
        return [TextLine(part, whole.row) for part in parts]
    return [whole]


def _opens_statement(line: str) -> bool:
    """A line that opens a statement: a capital, a digit, a sign or a currency ("Raise …",
    "80% of …", "$2M ARR"), not a sentence going on ("and churn under 2%")."""
    first = line[:1]
    return first.isupper() or first.isdigit() or first in "$€£¥+<>≥≤~#"


# A confidence or score written before a cell's label: "(5/10) **Objective:** …".
_LEADING_SCORE = re.compile(r"^\(\s*\d{1,2}\s*/\s*10\s*\)\s*")


def _labelled_cells(body: list[list[Token]], lines: list[str]) -> Table | None:
    """Cells labelled as objectives or key results, in reading order (row by row)."""
    rows = []
    for row in body:
        for cell in row:
            line = _line(cell, lines)
            if line is None:
                continue
            text = _LEADING_SCORE.sub("", line.text.removeprefix("- ").strip())
            role = classify(text).role
            if role == Role.OBJECTIVE:
                rows.append(TableRow(TextLine(text, line.row), None))
            elif role == Role.KEY_RESULT:
                rows.append(TableRow(None, TextLine(text, line.row)))
    has_objective = any(row.objective for row in rows)
    return Table(rows) if has_objective and any(row.key_result for row in rows) else None


def _bold_outline(body: list[list[Token]], lines: list[str]) -> Table | None:
    """A pasted spreadsheet: bold first-column rows are objectives, the plain rows below them
    its key results ("| **1 Finish the base use-case** | |" then "| Swagger docs | P0 |")."""
    rows: list[TableRow] = []
    seen_objective = False
    for row in body:
        line = _line(row[0], lines) if row else None
        if line is None or _italic(row[0]):
            continue  # an empty row, or a note in italics
        if line.bold:
            title = re.sub(r"^\d{1,2}[.)]?\s+", "", line.text)
            rows.append(TableRow(TextLine(title, line.row, True), None))
            seen_objective = True
        elif seen_objective:
            previous = rows[-1].key_result if rows else None
            if previous is not None and previous.text.endswith(":") and line.text[:1].isdigit():
                continue  # "1. Guide on …": a part of the key result above
            rows.append(TableRow(None, line))
    krs = sum(1 for row in rows if row.key_result)
    return Table(rows, labelled=False) if seen_objective and krs >= 2 else None


def _section_row(row: list[Token], column: int, lines: list[str]) -> TextLine | None:
    """A row of a key-result table that names an objective across it: its key-result cell
    labelled as an objective ("**Objective 1: Make Fernway known**"), or bold with every other
    cell empty, as a spreadsheet's section row is."""
    line = _line(row[column], lines) if column < len(row) else None
    if line is None:
        return None
    others_empty = not any(_text(cell) for index, cell in enumerate(row) if index != column)
    if classify(line.text).role == Role.OBJECTIVE or (line.bold and others_empty):
        return TextLine(line.text, line.row, line.bold)
    return None


def _italic(cell: Token) -> bool:
    children = [c for c in cell.children or [] if not (c.type == "text" and not c.content.strip())]
    return bool(children) and children[0].type == "em_open" and children[-1].type == "em_close"


def _line(cell: Token, lines: list[str]) -> TextLine | None:
    if cell.map is None or cell.map[0] >= len(lines):
        return None
    parts = plain_lines(cell)
    text = " ".join(part.text for part in parts).strip()
    if not any(char.isalnum() for char in text):
        return None
    return TextLine(text, cell.map[0], bool(parts) and parts[0].bold)


def _kr_column(header: list[str], body: list[list[Token]]) -> int | None:
    pattern = header_patterns()[1]
    column = next((i for i, name in enumerate(header) if pattern.search(name)), None)
    if column is None:
        return None
    values = [_text(row[column]) for row in body if column < len(row)]
    if values and all(_ID.match(value) or not value for value in values):
        # "| KR 1.1 | Cut onboarding time to 2 days |": the ids point at the text beside them.
        named = next((i for i, name in enumerate(header) if _TEXT_HEADER.match(name)), None)
        return named if named is not None else _text_column(body, column + 1)
    return column


def _text_column(body: list[list[Token]], start: int) -> int | None:
    """The first column from `start` whose cells hold words, not ids or numbers."""
    width = max((len(row) for row in body), default=0)
    for column in range(start, width):
        values = [_text(row[column]) for row in body if column < len(row) and _text(row[column])]
        if values and sum(len(v.split()) >= 3 for v in values) * 2 >= len(values):
            return column
    return None


def _cell(row: list[Token], column: int | None, lines: list[str]) -> TextLine | None:
    if column is None or column >= len(row) or row[column].map is None:
        return None
    text = _text(row[column])
    line = row[column].map[0]  # type: ignore[index]  # checked above: map is not None
    if not any(char.isalnum() for char in text) or line >= len(lines):
        return None
    return TextLine(text, line)


def _text(cell: Token) -> str:
    parts = []
    for child in cell.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak", "html_inline"):
            parts.append(" ")
    return " ".join("".join(parts).split())
