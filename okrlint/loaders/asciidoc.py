"""AsciiDoc files (`.adoc`, `.asciidoc`), as Antora handbooks keep their OKRs: `= Title`,
`== Objective 1: …`, `* key result`, `** detail`, `. numbered`, attribute entries (`:toc:`),
block delimiters and `|===` tables. Each line is rewritten into the Markdown the Markdown loader
reads, keeping every character of content in its column, so spans still point into the file as
written:

- a heading's `=` marks become `#` (`== Title` is `## Title`);
- list marks become a bullet nested by depth (`** detail` is a tab and `-`, `. step` is `- step`);
- attribute entries, block attributes (`[NOTE]`, `[cols="1,3"]`), comments, block macros
  (`toc::[]`, `image::…[]`) and the delimiters of example, sidebar and quote blocks are blanked;
  a comment block's lines (`////`) are blanked whole;
- listing and literal blocks (`----`, `....`) become code fences of the same width;
- a table's `|===` lines are blanked and, when its first row is set apart by a blank line (the
  AsciiDoc header row), that blank line becomes a Markdown delimiter row; a table written one
  cell per line has each row joined on the line of its longest cell (see `_one_cell_rows`).
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(?P<marks>={1,6})(?=[ \t]+\S)")
_LIST_MARK = re.compile(r"^(?P<indent>[ \t]*)(?P<marks>\*{1,5}|\.{1,5}|-)(?=[ \t]+\S)")
_ATTRIBUTE_ENTRY = re.compile(r"^:!?[\w-]+!?:(?:[ \t].*)?$")
_BLOCK_ATTRIBUTES = re.compile(r"^\[[^\]]*\][ \t]*$")
_BLOCK_MACRO = re.compile(r"^[a-z]+::\S*\[.*\][ \t]*$")
_COMMENT = re.compile(r"^//(?!/)")
_COMMENT_BLOCK = re.compile(r"^/{4,}[ \t]*$")
_FENCED = re.compile(r"^(?:-{4,}|\.{4,})[ \t]*$")  # listing and literal blocks
_DELIMITER = re.compile(r"^(?:={4,}|\*{4,}|_{4,}|\+{4,}|--)[ \t]*$")  # example, sidebar, quote, pass, open
_TABLE = re.compile(r"^\|===[ \t]*$")


def markdown_text(text: str) -> str:
    """The AsciiDoc file as Markdown, line for line and column for column."""
    lines = text.split("\n")
    out = list(lines)
    in_comment = False
    fence: str | None = None  # the delimiter that closes the listing block being read
    table_row = -1  # the lines of the table being read, counted from its first row; -1 outside
    skip_to = -1  # the last line of a table already rewritten whole
    for number, line in enumerate(lines):
        stripped = line.rstrip()
        if in_comment:
            in_comment = not _COMMENT_BLOCK.match(line)
            out[number] = ""
            continue
        if fence is not None:
            if stripped == fence:
                out[number], fence = "`" * len(fence), None
            continue  # a listing block's lines are code: left as written
        if _COMMENT_BLOCK.match(line):
            in_comment, out[number] = True, ""
            continue
        if _FENCED.match(line):
            fence, out[number] = stripped, "`" * len(stripped)
            continue
        if number <= skip_to:
            continue  # a table already rewritten whole, its closing "|===" too
        if _TABLE.match(line):
            table_row = -1 if table_row >= 0 else 0
            out[number] = ""
            if table_row == 0 and (closing := _closing(lines, number)) is not None:
                cells = _one_cell_rows(lines, number, closing)
                if cells is not None:
                    out[number + 1 : closing] = cells
                    out[closing] = ""
                    table_row = -1
                    skip_to = closing
            continue
        if table_row >= 0:
            out[number] = _table_line(lines, number, table_row)
            table_row += 1
            continue
        out[number] = _line(line)
    return "\n".join(out)


def _line(line: str) -> str:
    if heading := _HEADING.match(line):
        return "#" * len(heading.group("marks")) + line[heading.end() :]
    if (
        _ATTRIBUTE_ENTRY.match(line)
        or _BLOCK_ATTRIBUTES.match(line)
        or _BLOCK_MACRO.match(line)
        or _COMMENT.match(line)
        or _DELIMITER.match(line)
    ):
        return ""
    if mark := _LIST_MARK.match(line):
        marks = mark.group("marks")
        if marks == "-":
            return line
        depth = len(marks)
        start = len(mark.group("indent"))
        # "** detail" → "<tab>- detail": a tab per level nests the bullet (a tab counts as
        # four columns of indent) while the text stays in its column
        return line[:start] + "\t" * (depth - 1) + "-" + line[start + depth :]
    if line.startswith(".") and len(line) > 1 and not line[1].isspace() and line[1] != ".":
        return " " + line[1:]  # a block title (".Key results"): its words, as a line of its own
    return line


def _closing(lines: list[str], opening: int) -> int | None:
    return next((i for i in range(opening + 1, len(lines)) if _TABLE.match(lines[i])), None)


def _one_cell_rows(lines: list[str], opening: int, closing: int) -> list[str] | None:
    """A table written one cell per line ("|B1", "|Holds ready …", "|Circulation"), rows set
    apart by blank lines, as Markdown table rows: each row's cells joined on the line of its
    longest cell (its text, where a finding should point), the header's on its first line with
    the delimiter row under it; every other line of the table a "|" (an empty row). None when
    the table writes its rows on one line each."""
    body = lines[opening + 1 : closing]
    cell_lines = [i for i, line in enumerate(body) if line.strip()]
    if not cell_lines or any(body[i].strip().count("|") != 1 or not body[i].lstrip().startswith("|") for i in cell_lines):
        return None
    width = _declared_columns(lines, opening) or next(
        (i for i, line in enumerate(body) if not line.strip()), len(body)
    )
    if width < 2 or len(cell_lines) % width:
        return None
    out = ["|"] * len(body)
    rows = [cell_lines[i : i + width] for i in range(0, len(cell_lines), width)]
    for number, row in enumerate(rows):
        joined = " ".join(body[i].strip() for i in row) + " |"
        if number == 0:
            out[row[0]] = joined
            out[row[0] + 1] = "|" + "---|" * width  # (the header's second cell line or its blank)
            continue
        longest = max(row, key=lambda i: len(body[i].strip()))
        out[longest] = joined
    return out


# The column count a table declares: [cols="1,5,2,2"] or [cols="4*"].
_COLS = re.compile(r'cols\s*=\s*"(?:(?P<times>\d+)\*|(?P<list>[^"]*))"')


def _declared_columns(lines: list[str], opening: int) -> int | None:
    above = lines[opening - 1] if opening else ""
    found = _COLS.search(above) if _BLOCK_ATTRIBUTES.match(above) else None
    if found is None:
        return None
    return int(found.group("times")) if found.group("times") else len(found.group("list").split(","))


def _table_line(lines: list[str], number: int, row: int) -> str:
    """A line inside `|===`: rows stay as they are (Markdown reads "|a |b"); the blank line that
    sets the header row apart becomes the delimiter row Markdown needs."""
    line = lines[number]
    if row == 1 and not line.strip() and lines[number - 1].lstrip().startswith("|"):
        columns = lines[number - 1].count("|")
        return "|" + "---|" * columns
    return line
