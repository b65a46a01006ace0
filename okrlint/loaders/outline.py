"""The outline of a prose OKR file, as blocks the Markdown and text readers both produce.

A reader turns its source into a flat sequence of blocks (headings, paragraphs, lists with their
nested items, tables, `<details>` summaries); `assemble` (okrlint/loaders/assemble.py) decides
which of them are objectives and key results. Lines are 0-based; each text line keeps its row
so spans point at the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from okrlint.models import Objective


@dataclass(frozen=True)
class TextLine:
    """One source line of a block's plain text (markup removed), with its 0-based row."""

    text: str
    row: int
    bold: bool = False  # the line is mostly strong emphasis, from its start ("**Grow revenue**")


@dataclass
class Heading:
    level: int  # 1-6
    line: TextLine


@dataclass
class Paragraph:
    lines: list[TextLine]
    # Lines of an indented code block or of a text file: each line stands alone (no wrapping).
    separate: bool = False


@dataclass
class Item:
    """A list item: its first paragraph's lines, then what is nested inside it."""

    lines: list[TextLine]
    blocks: list[Paragraph | ListBlock] = field(default_factory=list)
    navigation: bool = False  # links to places in this page only: a table of contents
    links_only: bool = False  # nothing but links: a reading list, unless a label says otherwise
    heading_level: int | None = None  # a bulleted heading ("- ## Objective: …", an outliner's)

    @property
    def children(self) -> list[Item]:
        return [item for block in self.blocks if isinstance(block, ListBlock) for item in block.items]


@dataclass
class ListBlock:
    items: list[Item]


@dataclass
class TableRow:
    objective: TextLine | None  # the objective column's cell (None: no such column or empty)
    key_result: TextLine | None
    # the key result's other cells that name a field ("Baseline", "Target", "Owner"): field, text
    fields: tuple[tuple[str, str], ...] = ()


@dataclass
class Table:
    rows: list[TableRow]
    # A KR column or labelled cells name the key results; a spreadsheet outline only implies them.
    labelled: bool = True


@dataclass
class Details:
    """`<details>`: its summary line and the blocks inside it."""

    summary: TextLine | None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Prebuilt:
    """An objective its reader built whole (the text template "We will … as measured by …")."""

    objective: Objective
    # A bare "We will …" sentence: an objective only if no other objective stands beside it.
    lone: bool = False


Block = Heading | Paragraph | ListBlock | Table | Details | Prebuilt
