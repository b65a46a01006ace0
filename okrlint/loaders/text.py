"""Plain-text drafts and text pasted from documents.

Lines become outline blocks (bullets nest by indentation; every other line stands alone), so
labels, "Key results:" lines, initiatives and metadata are read as in Markdown. The seed template
"We will … as measured by …" is read here, and `cycle:`/`owner:` lines set document fields.
"""

from __future__ import annotations

import re
from collections import Counter

from okrlint.loaders.assemble import Assembler
from okrlint.loaders.builder import DocumentBuilder, Located
from okrlint.loaders.document_cycle import settle_cycle, title_cycle
from okrlint.loaders.inline import SUBNUMBER
from okrlint.loaders.labels import Role, classify, strip_emphasis
from okrlint.loaders.outline import Block, Item, ListBlock, Paragraph, Prebuilt, TextLine
from okrlint.loaders.spans import locator
from okrlint.loaders.statements import statement_objectives
from okrlint.loaders.template import OBJECTIVE_ONLY, TEMPLATE, due_date, key_results
from okrlint.loaders.text_tables import first_cell, pipe_table
from okrlint.loaders.wiki_markup import is_wiki_markup, plain_lines
from okrlint.measure import parse_deadline
from okrlint.models import KeyResult, LoadResult, Objective, Span

# The value runs from its first to its last non-space character (greedy, then backtracking
# over trailing spaces only: a lazy value tested "only spaces left?" at every character).
_FIELD = re.compile(
    r"^(?P<key>cycle|owner|scope|scoring)\s*:\s*(?P<value>\S(?:.*\S)?)\s*$", re.IGNORECASE
)
# A trailing suppression comment; the engine reads it from the source, the title must not.
# It starts where a run of spaces starts: tried inside a long run, each start rescanned it.
_DIRECTIVE = re.compile(r"(?<!\s)\s+#\s*okrlint:.*$", re.IGNORECASE)
# List markers of drafts, including home-made ones ("== ", "-> ", "=> ").
# An outline's numbers: "2." and under it "2.1", "2.2" (a decimal under another number, "2.5
# million visits" under "1.", is text).
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s")
# A document pasted from a word processor keeps its bullet characters ("●", "○", "■") and its
# outline's roman numerals ("ii.", "iv.").
_BULLET = re.compile(
    r"^(?:[-–*•+·▪◦●○■□◆◇►▸‣⁃∙➤➢]|==|->|=>|\d{1,3}[.)、）]|[a-z][.)]|(?:ii|iii|iv|vi|vii|viii|ix)[.)])\s+"
    r"|^\d{1,3}、"
)


def load_text(text: str, path: str, written: str | None = None) -> LoadResult:
    """Load a plain-text OKR draft. `written` is the file as written when `text` is a rewrite
    of it (reStructuredText), row for row: titles are located in it."""
    builder = DocumentBuilder(path, "text")
    if not text.strip():
        builder.empty_file(text)
        return builder.result(text)
    lines = [_DIRECTIVE.sub("", raw) for raw in text.split("\n")]
    if is_wiki_markup(lines):
        lines = plain_lines(lines)  # a Confluence or Jira page's source: "h2. Objective 1: …"
    shared: list[tuple[KeyResult, str]] = []
    blocks = _blocks(lines, builder, shared)
    located = [_DIRECTIVE.sub("", raw) for raw in written.split("\n")] if written is not None else lines
    assembler = Assembler(locator(located, path), separate_lines=True)
    builder.objectives = assembler.read(blocks)
    if not builder.objectives and not shared:
        builder.objectives = statement_objectives(lines, path)  # "Enhance my debugging skills"
    if not assembler.found.heading_cycles and (titled := title_cycle(lines)):
        assembler.found.heading_cycles.append(titled)  # "# 2026 Q1 OKRs" atop a .txt draft
    settle_cycle(builder, assembler.found, lines)
    _date_shared_deadlines(builder, shared)
    return builder.result(text, layout=assembler.found)


def _blocks(
    lines: list[str], builder: DocumentBuilder, shared: list[tuple[KeyResult, str]]
) -> list[Block]:
    blocks: list[Block] = []
    boilerplate = _boilerplate(lines)
    # Open bullets by indent: a deeper bullet nests under the last shallower one.
    open_items: list[tuple[int, Item]] = []
    # Bullets indented under a template sentence that lists its key results are details of them.
    detail_indent: int | None = None
    skip_until = 0  # the rows of a pipe table already read
    # The last "3." item: its number, its indent and the "3.n" expected next under it.
    numbered: tuple[str, int, int] | None = None
    letter: str | None = None  # the last "a." item under it, in a flat outline
    for row, raw in enumerate(lines):
        line = raw.strip()
        if not line or line.startswith("#") or _normal(line) in boilerplate:
            continue
        indent = len(raw) - len(raw.lstrip())
        tabbed = "\t" in line
        if (
            row >= skip_until
            and (line.count("|") >= 2 or tabbed)
            and (table := pipe_table(lines, row))[0]
        ):
            open_items.clear()
            blocks.append(table[0])  # "ID | Objective | Key Result": a pasted spreadsheet
            skip_until = table[1]
            continue
        if row < skip_until:
            continue
        if tabbed:
            line = first_cell(line)  # "KR1: Raise activation…<tab>Ana<tab>0.5": owner, score
        if field := _FIELD.match(line):
            _document_field(builder, field, row, indent)
            continue
        bullet = _BULLET.match(line)
        sub = SUBNUMBER.match(line)
        if sub and numbered is not None and _next_sub(sub, numbered, lines, row + 1):
            # "1.1 Cut the crash rate …" under "1. Make the editor delightful", indented or not:
            # the outline's numbers nest it
            bullet, indent = sub, max(indent, numbered[1] + 1)
            numbered = (numbered[0], numbered[1], numbered[2] + 1)
        elif bullet and (number := _NUMBERED.match(line)):
            numbered = (number.group(1), indent, 1)
            letter = None
        elif bullet and numbered is not None and indent <= numbered[1]:
            depth, letter = _outline_depth(line, letter)
            indent = numbered[1] + depth if depth else indent
        if template := TEMPLATE.match(line):
            open_items.clear()
            prebuilt = _template(builder.path, raw, row, indent, template, shared)
            detail_indent = indent if prebuilt.objective.key_results else None
            blocks.append(prebuilt)
            continue
        if bullet and detail_indent is not None and indent > detail_indent and not open_items:
            if classify(line[bullet.end() :].strip()).role != Role.KEY_RESULT:
                continue
        if not bullet:
            detail_indent = None
        if not bullet and (lone := OBJECTIVE_ONLY.match(line)) and not _labelled(line):
            open_items.clear()
            blocks.append(Prebuilt(_objective(builder.path, row, indent, lone), lone=True))
            continue
        if bullet is None:
            open_items.clear()
            if _wraps_key_result(blocks, lines, row, indent):
                # "   KR a) Online renewal available to 80% of residents by\n         Sept 30":
                # a hard-wrapped line, indented under its key result's label, continues it
                previous = blocks[-1]
                assert isinstance(previous, Paragraph)
                blocks[-1] = Paragraph([*previous.lines, TextLine(strip_emphasis(line), row)], separate=False)
                continue
            blocks.append(Paragraph([TextLine(strip_emphasis(line), row)], separate=True))
            continue
        item = Item([TextLine(strip_emphasis(line[bullet.end() :].strip()), row)])
        while open_items and open_items[-1][0] >= indent:
            open_items.pop()
        if open_items:
            parent = open_items[-1][1]
            if parent.blocks and isinstance(parent.blocks[-1], ListBlock):
                parent.blocks[-1].items.append(item)
            else:
                parent.blocks.append(ListBlock([item]))
        elif blocks and isinstance(blocks[-1], ListBlock):
            blocks[-1].items.append(item)
        else:
            blocks.append(ListBlock([item]))
        open_items.append((indent, item))
    return blocks


def _outline_depth(line: str, letter: str | None) -> tuple[int, str | None]:
    """How deep a marker sits under the last numbered item in a flat outline, pasted from a
    document with every line at the margin ("1." an objective, "a." its result, "i." a note
    on it), and the letter the outline has reached: 0 when the marker is not the outline's."""
    expected = chr(ord(letter) + 1) if letter else "a"
    marker = _MARKER.match(line)
    if marker is None:
        return 0, letter
    if marker.group(1) == expected:
        return 1, expected  # "b." after "a."; "i." after "h."
    if letter is not None and _ROMAN.fullmatch(marker.group(1)):
        return 2, letter  # "i.", "ii." under "a."
    return 0, letter


_MARKER = re.compile(r"([a-z]{1,4})[.)]\s")
_ROMAN = re.compile(r"i{1,3}|iv|vi{0,3}|ix|x")


def _next_sub(sub: re.Match[str], numbered: tuple[str, int, int], lines: list[str], start: int) -> bool:
    """Whether "n.k" is the next number under item n: k as expected, and a first "n.1" only
    when "n.2" follows it ("1.5 million visits" under item 1 is text). Only the first "n.1"
    looks ahead, and only to the next line with text (no copy of the rest of the file)."""
    number, _indent, expected = numbered
    if sub.group(1, 2) != (number, str(expected)):
        return False
    if expected > 1:
        return True
    following = next((lines[at].strip() for at in range(start, len(lines)) if lines[at].strip()), "")
    after = SUBNUMBER.match(following)
    return after is not None and after.group(1, 2) == (number, "2")





def _labelled(line: str) -> bool:
    return classify(line).role != Role.PLAIN


def _normal(line: str) -> str:
    return " ".join(line.lower().split())


def _boilerplate(lines: list[str]) -> set[str]:
    """Lines a template repeats under every objective ("- Where do I want to go? …"): the same
    sentence of four or more words three times or more is the template's prompt, not an OKR."""
    counts = Counter(_normal(line) for line in lines if len(line.split()) >= 4)
    # A numbered objective restated in each phase of a plan ("Objective 7: Deliver …" three
    # times) is the plan's own, not a prompt.
    return {
        line
        for line, count in counts.items()
        if count >= 3 and classify(line).role != Role.OBJECTIVE
    }


def _document_field(builder: DocumentBuilder, field: re.Match[str], row: int, indent: int) -> None:
    key, value = field.group("key").lower(), field.group("value")
    column = indent + field.start("value") + 1
    span = Span.of(builder.path, row + 1, column, row + 1, column + len(value))
    builder.document_fields({key: (Located(key, span), Located(value, span))})
    if key == "cycle":
        builder.fields["cycle_source"] = f"'cycle:' line, line {row + 1}"


def _template(
    path: str,
    raw: str,
    row: int,
    indent: int,
    match: re.Match[str],
    shared: list[tuple[KeyResult, str]],
) -> Prebuilt:
    objective = _objective(path, row, indent, match)
    rest_start = indent + match.end()
    pieces, deadline = key_results(raw[rest_start:])
    for offset, piece in pieces:
        column = rest_start + offset
        kr = KeyResult(
            title=piece,
            span=Span.of(path, row + 1, column + 1, row + 1, column + len(piece) + 1),
        )
        objective.key_results.append(kr)
        if deadline is not None:
            shared.append((kr, deadline))
    return Prebuilt(objective)


def _objective(path: str, row: int, indent: int, match: re.Match[str]) -> Objective:
    """The objective of a "We will …" sentence; its KRs follow on the line or as a list."""
    title = match.group("objective")
    start = indent + match.start("objective")
    return Objective(
        title=title, span=Span.of(path, row + 1, start + 1, row + 1, start + len(title) + 1)
    )


def _date_shared_deadlines(builder: DocumentBuilder, shared: list[tuple[KeyResult, str]]) -> None:
    # Done once the whole file is read: a `cycle:` line may come after the sentence.
    cycle = builder.fields.get("cycle")
    for kr, phrase in shared:
        if kr.due is None and parse_deadline(kr.title) is None:
            kr.shared_deadline = phrase
            kr.due = due_date(phrase, str(cycle) if cycle else None)


def _wraps_key_result(blocks: list[Block], lines: list[str], row: int, indent: int) -> bool:
    """Whether the unlabelled line at `row` continues the key result on the line above it:
    that line labels a key result, and this one is indented past the label's start."""
    previous = blocks[-1] if blocks else None
    if not isinstance(previous, Paragraph) or previous.lines[-1].row != row - 1 or row == 0:
        return False
    first = previous.lines[0].text
    above = lines[previous.lines[0].row]
    if indent <= len(above) - len(above.lstrip()) or classify(lines[row].strip()).role != Role.PLAIN:
        return False
    return classify(first).role == Role.KEY_RESULT
