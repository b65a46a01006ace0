"""reStructuredText files (`.rst`), as Sphinx handbooks keep their OKRs: a title between `=====`
lines, sections underlined with `-----` or `~~~~~`, bullet lists, field lists (`:Owner: Ana`),
directives (`.. note::`) and tables. Each line is rewritten into the plain-text layout the text
loader reads (section titles are lines of their own, as in a pasted document), keeping every
character of content in its column, so spans still point into the file as written:

- a section's over- and underlines are blanked, as are transitions;
- a directive's or comment's `.. name::` marker and a directive's `:option:` lines are blanked
  (the directive's indented body stays: a `.. note::` is read as what it says);
- a field list's leading colon becomes a space, so `:Owner: Ana` reads as the line `Owner: Ana`;
- an auto-numbered `#.` item becomes a `-` bullet, as does a `+` bullet;
- a grid table's borders between rows become pipe delimiter rows (its top border is blanked),
  and a simple table (columns under `=====  =====` borders) gets a `|` in the gap between its
  columns and one after its last.
"""

from __future__ import annotations

import re

# A section adornment: one punctuation character repeated (RST allows any of these).
_ADORNMENT = re.compile(r"""^([=\-`:'"~^_*+#<>.])\1{2,}[ \t]*$""")
# Explicit markup: a directive (".. note::"), a comment (".. text"), a target (".. _name:").
_EXPLICIT = re.compile(r"^(?P<indent>[ \t]*)\.\.(?=[ \t]|$)(?:[ \t]+(?P<name>[\w-]+)::)?")
# Directives whose body is what the page says (an admonition around a key result); every other
# directive (contents, toctree, image, code-block, raw, include…) and every comment is dropped.
_SAID = {
    "note", "tip", "hint", "important", "attention", "caution", "warning", "danger", "error",
    "admonition", "topic", "sidebar", "rubric", "container", "epigraph", "highlights",
}
_DIRECTIVE_OPTION = re.compile(r"^[ \t]+:[\w -]+:(?:[ \t].*)?$")
_FIELD = re.compile(r"^(?P<indent>[ \t]*):(?=[^:\s][^:]*:(?:[ \t]|$))")
_AUTO_NUMBER = re.compile(r"^(?P<indent>[ \t]*)#\.(?=[ \t])")
_PLUS_BULLET = re.compile(r"^(?P<indent>[ \t]*)\+(?=[ \t])")
_GRID_BORDER = re.compile(r"^[ \t]*\+(?:[-=]+\+)+[ \t]*$")
_SIMPLE_BORDER = re.compile(r"^=+(?:[ \t]+=+)+[ \t]*$")


def plain_text(text: str) -> str:
    """The reStructuredText file in the plain-text layout, line for line and column for column."""
    lines = text.split("\n")
    out = list(lines)
    # The explicit-markup block being read: its marker's indent, and whether its body is kept.
    block: tuple[int, bool] | None = None
    table_gaps: list[int] | None = None  # the columns between a simple table's columns
    borders_seen = 0
    for number, line in enumerate(lines):
        if block is not None and line.strip():
            indent = len(line) - len(line.lstrip(" \t"))
            if indent > block[0]:
                kept = block[1] and not _DIRECTIVE_OPTION.match(line)
                out[number] = _rewrite_line(line) if kept else ""
                continue
            block = None
        if _SIMPLE_BORDER.match(line):
            gaps = _gaps(line)
            if table_gaps is None:
                table_gaps, borders_seen = gaps, 1
                out[number] = ""
            else:
                borders_seen += 1
                following = lines[number + 1] if number + 1 < len(lines) else ""
                if borders_seen == 2 and following.strip():
                    out[number] = _delimiter_row(line, table_gaps)  # under the header row
                else:
                    out[number], table_gaps = "", None  # the table's closing border
            continue
        if table_gaps is not None:
            out[number] = _piped(line, table_gaps) if line.strip() else line
            continue
        if _is_adornment(lines, number):
            out[number] = ""
            continue
        if explicit := _EXPLICIT.match(line):
            said = (explicit.group("name") or "").lower() in _SAID
            block = (len(explicit.group("indent")), said)
            # ".. note:: Text" keeps its text in its columns; the rest leave nothing
            out[number] = " " * explicit.end() + line[explicit.end() :] if said else ""
            continue
        if _GRID_BORDER.match(line):
            above = lines[number - 1].lstrip()[:1] if number else ""
            # the table's top border is blanked, so its header row starts the table; the
            # borders under a row separate rows, as a delimiter row does
            out[number] = line.replace("+", "|").replace("=", "-") if above in ("|", "+") else ""
            continue
        out[number] = _rewrite_line(line)
    return "\n".join(out)


def _is_adornment(lines: list[str], number: int) -> bool:
    """A line of one repeated punctuation character that over- or underlines a title beside it,
    or stands between blank lines as a transition."""
    line = lines[number]
    if not _ADORNMENT.match(line):
        return False
    before = lines[number - 1] if number else ""
    after = lines[number + 1] if number + 1 < len(lines) else ""
    if before.strip() and not _ADORNMENT.match(before):
        return True  # an underline
    if after.strip() and not _ADORNMENT.match(after):
        return True  # an overline
    return not before.strip() and not after.strip() or bool(_ADORNMENT.match(before))


def _rewrite_line(line: str) -> str:
    if field := _FIELD.match(line):
        return line[: field.end() - 1] + " " + line[field.end() :]
    if number := _AUTO_NUMBER.match(line):
        return number.group("indent") + "- " + line[number.end() :]
    if plus := _PLUS_BULLET.match(line):
        return plus.group("indent") + "-" + line[plus.end() :]
    return line


def _gaps(border: str) -> list[int]:
    """The column where each gap between a simple table's `=====` runs starts."""
    return [match.start() for match in re.finditer(r"(?<==)[ \t]", border)]


def _delimiter_row(border: str, gaps: list[int]) -> str:
    row = list(border.replace("=", "-"))
    for gap in gaps:
        row[gap] = "|"
    return "".join(row).rstrip() + "|"


def _piped(line: str, gaps: list[int]) -> str:
    """A simple table's row with a "|" in each gap between columns where the row has a space."""
    row = list(line)
    for gap in gaps:
        if gap < len(row) and row[gap] in " \t":
            row[gap] = "|"
    # a closing "|" after the text, so even a two-column row reads as a table row
    return "".join(row).rstrip() + " |"
