"""Markdown loader: parses CommonMark (with GFM tables and front matter) into outline blocks and
lets the assembler find the objectives and key results in them."""

from __future__ import annotations

import re
import textwrap

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from okrlint.loaders import docs_markup
from okrlint.loaders.assemble import Assembler
from okrlint.loaders.builder import DocumentBuilder
from okrlint.loaders.document_cycle import settle_cycle, title_cycle
from okrlint.loaders.html_tables import html_table
from okrlint.loaders.inline import NUMBERING, SUBNUMBER, anchor_start, plain_lines
from okrlint.loaders.labels import Role, classify, strip_emphasis
from okrlint.loaders.outline import (
    Block,
    Details,
    Heading,
    Item,
    ListBlock,
    Paragraph,
    Table,
    TextLine,
)
from okrlint.loaders.spans import locator
from okrlint.loaders.tables import read_table
from okrlint.loaders.vocabulary import phrase_key, vocabulary
from okrlint.loaders.yaml import YamlReader
from okrlint.models import Diagnostic, LoadResult, Objective, Span

# Generated tables of contents: kramdown's "* TOC\n{:toc}", "[TOC]", GitLab's "[[_TOC_]]".
_TOC_MARKER = re.compile(
    r"^(?:\[+_?TOC_?\]+|TOC(?:\s*\{:toc\})?|\{:\s*\.?no_toc\s*\})$", re.IGNORECASE
)
_YAML_KEY = re.compile(r"^[\w-]+\s*:(\s|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SUMMARY = re.compile(r"<summary[^>]*>(?P<text>.*?)</summary>", re.IGNORECASE | re.DOTALL)
# A heading's own numbering: "## 1) Be fit", "### 2. Grow revenue" (not "## 2019 Q1").
_HEADING_NUMBER = re.compile(r"^\d{1,2}[.)]\s+(?=\S)")
_DETAILS = re.compile(
    r"<details\b[^>]{0,200}>|</details\s*>|<summary[^>]{0,200}>.*?</summary>", re.I | re.S
)
_HTML_HEADING = re.compile(r"<h(?P<level>[1-6])\b[^>]{0,200}>(?P<text>.{0,2000}?)</h(?P=level)\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]{0,200}>")


def load_markdown(text: str, path: str, written: str | None = None) -> LoadResult:
    """Load OKRs from Markdown: front matter, then the objectives and key results of its blocks.
    `written` is the file as written when `text` is a rewrite of it into Markdown (Org-mode,
    AsciiDoc), row for row: titles are located in it."""
    builder = DocumentBuilder(path, "markdown")
    if not text.strip():
        builder.empty_file(text)
        return builder.result(text)
    lines = text.split("\n")
    # GFM tables and strikethrough on top of CommonMark (a struck-out KR is still a KR).
    parser = MarkdownIt("commonmark").use(front_matter_plugin).enable(["table", "strikethrough"])
    tokens = parser.parse(_close_open_fence(_indented_under_bold(_definitions_as_bullets(docs_markup.rewrite(lines)))))
    extra: list[Diagnostic] = []
    held: list[Objective] = []  # OKRs kept as data in the front matter (a Hugo or Jekyll page)
    for token in tokens:
        if token.type == "front_matter":
            extra.extend(_front_matter(token, path, builder))
            held = _front_matter_okrs(token, lines, path)
    if not any(t.type == "front_matter" for t in tokens) and _unclosed_front_matter(lines):
        message = "front matter opened with '---' is never closed with '---'; it was not read"
        extra.append(Diagnostic(code="E001", message=message, span=Span.of(path, 1, 1, 1, 4)))
    blocks, _ = _read(tokens, 0, None, lines)
    assembler = Assembler(locator(written.split("\n") if written is not None else lines, path))
    builder.objectives = assembler.read(blocks)
    if held:
        # the page's body renders the same OKRs from its front matter: the data is the set
        builder.objectives = held
    if not assembler.found.heading_cycles and (titled := title_cycle(lines)):
        assembler.found.heading_cycles.append(titled)  # "Finance team OKRs, H2 2026" atop the page
    settle_cycle(builder, assembler.found, lines)
    return builder.result(text, extra, layout=assembler.found)


# A definition in a definition list (PHP Markdown Extra, pandoc, kramdown): ":   Activation
# from 30% to 45%" under its term line.
_DEFINITION = re.compile(r"^ {0,3}:(?=[ \t]+\S)")
_NOT_A_TERM = re.compile(r"^\s*(?:[#|>:]|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$))")


def _definitions_as_bullets(lines: list[str]) -> list[str]:
    """Definition lists read as a term over a bulleted list ("Make onboarding delightful" over
    ":   Activation from 30% to 45%"): each definition's ":" becomes a "-" in its column, which
    CommonMark reads as a list under the term's paragraph. Code is left alone, and so is a ":"
    line that follows no term (a blank line and then prose)."""
    out = list(lines)
    fence = ""
    under_term = False  # the last non-blank line was a term or a definition
    metadata_term = False  # … or the name of a field ("Owner")
    for index, line in enumerate(lines):
        if (match := _FENCE.match(line)) is not None:
            fence = "" if fence and match.group(1)[0] == fence[0] else (fence or match.group(1))
            under_term = False
            continue
        if fence or not line.strip():
            continue
        if _DEFINITION.match(line) and under_term:
            colon = line.index(":")
            out[index] = line[:colon] + "-" + line[colon + 1 :]
            continue
        if _DEFINITION.match(line) and metadata_term:
            continue  # "Owner" over ": Head of People": a field, left as one paragraph
        # a term: a line of text ("**Objective 1**" too), not a heading, list item, table row,
        # quote or stray ":" line; a field's name ("Owner", "Cycle") is no objective's term
        metadata_term = phrase_key(strip_emphasis(line.strip())) in vocabulary().metadata_keys
        under_term = not _NOT_A_TERM.match(line) and not metadata_term
    return out


# A line all in bold ("**Get paid on time**"), and a line indented under it that is no list item.
_BOLD_LINE = re.compile(r"^ {0,3}(\*\*|__)(?=\S).+?\S\1[ \t]*$")
_INDENTED_TEXT = re.compile(r"^ {2,}(?![-*+][ \t]|\d{1,9}[.)][ \t])\S")


def _indented_under_bold(lines: list[str]) -> list[str]:
    """Lines indented under a bold line, with no bullets ("**Get paid on time**" over
    "    DSO down from 61 to 45 days"), as a document pasted into Markdown keeps them: CommonMark
    would run them into the bold line's paragraph. Each becomes a list item, a "-" two columns
    before its text, so the bold line is read over a list; the text keeps its column. Two such
    lines at least, so a wrapped sentence is not cut into items."""
    out = list(lines)
    index = 0
    while index < len(lines):
        if not _BOLD_LINE.match(lines[index]) or lines[index].rstrip().rstrip("*_").endswith(":"):
            index += 1  # ("**Usage:**" over indented commands: a caption over code, no list)
            continue
        end = index + 1
        while end < len(lines) and _INDENTED_TEXT.match(lines[end]):
            end += 1
        if end - index > 2:
            for row in range(index + 1, end):
                line = lines[row]
                indent = len(line) - len(line.lstrip(" "))
                out[row] = line[: indent - 2] + "- " + line[indent:]
        index = end
    return out


def _close_open_fence(lines: list[str]) -> str:
    """The text with a code fence that is never closed blanked out: CommonMark would make the
    rest of the file code, and a stray ``` must not hide every OKR after it."""
    fence, opened = "", -1
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                if not line[match.end() :].strip():
                    fence = ""
        elif match:
            fence, opened = match.group(1), index
    if not fence:
        return "\n".join(lines)
    return "\n".join(line if index != opened else "" for index, line in enumerate(lines))


def _unclosed_front_matter(lines: list[str]) -> bool:
    # A first-line "---" followed by "key: value" is front matter, not a thematic break.
    return len(lines) > 1 and lines[0].rstrip() == "---" and bool(_YAML_KEY.match(lines[1]))


def _front_matter(token: Token, path: str, builder: DocumentBuilder) -> list[Diagnostic]:
    reader = YamlReader(path, line_offset=1)
    located = reader.load(token.content)
    if located is not None and isinstance(located.value, dict):
        builder.document_fields(located.value)
    return reader.diagnostics


def _italic_note(inline: Token) -> bool:
    """A paragraph set wholly in italics that is plain text, not a label or caption ("*Key
    results*" stays): a note beside the set, as a sheet's italic row is (tables.py)."""
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
    if not children or children[0].type != "em_open" or children[-1].type != "em_close":
        return False
    text = " ".join(part.text for part in plain_lines(inline)).strip()
    return classify(text).role == Role.PLAIN


# A front-matter key that may hold OKRs as data ("okrs:", "objectives:", "goals:").
_OKR_KEY = re.compile(r"^[ \t-]*(?:okrs?|objectives?|goals|key[_ -]?results|krs)[ \t]*:", re.IGNORECASE | re.MULTILINE)


def _front_matter_okrs(token: Token, lines: list[str], path: str) -> list[Objective]:
    """The objectives a page keeps as data in its front matter (`okrs: [{title, krs: […]}]`),
    read by the YAML loader over the page with everything after the front matter blanked, so
    lines and columns are the page's own; none when it holds no objective with key results."""
    if token.map is None or not _OKR_KEY.search(token.content):
        return []
    from okrlint.loaders.yaml import load_yaml

    closing = token.map[1] - 1  # the closing "---"
    data = "\n".join(lines[:closing] + [""] * (len(lines) - closing))
    document = load_yaml(data, path).document
    objectives = document.objectives if document is not None else []
    return objectives if any(objective.key_results for objective in objectives) else []


def _read(
    tokens: list[Token], index: int, closing: str | None, lines: list[str]
) -> tuple[list[Block], int]:
    """Blocks from tokens[index] up to the token of type `closing` at this level."""
    out: list[Block] = []
    details: list[Details] = []  # <details> elements open at this level
    number = ""  # the number of the heading just read ("## 2. Grow …"), for its "2.1" lines

    def add(block: Block) -> None:
        (details[-1].blocks if details else out).append(block)

    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == closing:
            return _flush(out, details), index + 1
        if kind == "heading_open":
            inline = tokens[index + 1]
            text_lines = plain_lines(inline)
            whole = " ".join(line.text for line in text_lines).strip()
            numbered = _HEADING_NUMBER.match(whole)
            number = numbered.group(0).rstrip(" .)") if numbered else ""
            text = _HEADING_NUMBER.sub("", whole)
            row = token.map[0] if token.map else 0
            add(Heading(int(token.tag[1:]), TextLine(text, row)))
            index += 3
        elif kind == "paragraph_open" and _italic_note(tokens[index + 1]):
            index += 3  # "*Figures come from the badge system.*": a note set in italics
        elif kind == "paragraph_open":
            paragraph_lines = plain_lines(tokens[index + 1])
            if sub_items := _numbered_lines(paragraph_lines, number):
                add(ListBlock(sub_items))  # "1.1 …", "1.2 …" lines under "## 1. Make …"
            elif paragraph_lines:  # an image or an empty link alone leaves no text to read
                add(Paragraph(paragraph_lines))
            number = ""
            index += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            items, index = _list(tokens, index + 1, kind.replace("_open", "_close"), lines)
            for block in _outliner_headings(items):
                add(block)
        elif kind == "table_open":
            table, index = read_table(tokens, index, lines)
            if table is not None:
                add(table)
        elif kind == "code_block" and token.map and _indented_markdown(token, _last_level(out)):
            # A page whose sections are indented ("    ### Improve interop testing", a wiki
            # export): the Markdown inside, read at its own rows.
            for block in _read_indented(token, lines):
                add(block)
            index += 1
        elif kind == "code_block" and token.map:
            # Indented text pasted from a document ("    KR1: …") is not code in an OKR file.
            rows = [
                TextLine(NUMBERING.sub("", line.strip()), token.map[0] + offset)
                for offset, line in enumerate(token.content.split("\n"))
                if line.strip()
            ]
            if rows:
                add(Paragraph(rows, separate=True))
            index += 1
        elif kind == "html_block" and token.map and (found := _html_table(tokens, index, lines)):
            add(found[0])  # `<table>` with a cell spanning rows: a wiki's or README's table
            index = found[1]
        elif kind == "html_block":
            _html(token, details, out)
            index += 1
        elif kind == "blockquote_open":
            inner, index = _read(tokens, index + 1, "blockquote_close", lines)
            for block in inner:
                add(block)
        else:
            index += 1
    return _flush(out, details), index


# An ATX heading as the first line of an indented block ("    ### Improve interop testing").
# (opening the block, and of level 2 or more: "# install deps" opening a shell snippet is a
# comment, not a heading)
_INDENTED_HEADING = re.compile(r"\A[ \t\n]*(?P<marks>#{2,6})[ \t]+\S")
# Indented blocks inside indented blocks are read this deep (each level 4 more spaces).
_MAX_INDENTED = 4


def _indented_markdown(token: Token, above: int) -> bool:
    """An indented block that opens with a heading deeper than the last heading above it
    ("## 2016 Q3" then "    ### Improve interop testing"): the wiki's outline, not code. One
    at the same level or higher ("    ## Setup" under "## Objective 1") is a snippet."""
    deep = (token.meta or {}).get("indented", 0) >= _MAX_INDENTED
    opening = _INDENTED_HEADING.match(token.content)
    return not deep and opening is not None and len(opening.group("marks")) > above


def _last_level(blocks: list[Block]) -> int:
    return next((b.level for b in reversed(blocks) if isinstance(b, Heading)), 0)


def _read_indented(token: Token, lines: list[str]) -> list[Block]:
    """The blocks of an indented code block that holds Markdown, read with rows in the file."""
    assert token.map is not None
    depth = token.meta.get("indented", 0) + 1
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    inner = parser.parse(textwrap.dedent(token.content))
    for inner_token in inner:
        if inner_token.map:
            inner_token.map = [row + token.map[0] for row in inner_token.map]
        # deeper indented Markdown is read the same way, a level at a time, so far
        inner_token.meta = {**(inner_token.meta or {}), "indented": depth}
    blocks, _ = _read(inner, 0, None, lines)
    return blocks


def _html_table(tokens: list[Token], index: int, lines: list[str]) -> tuple[Table, int] | None:
    """The HTML table opening in the block at tokens[index], read from the file's lines up to
    its `</table>` (a blank line ends CommonMark's HTML block but not the table), and the
    index of the first token after it."""
    token = tokens[index]
    if token.map is None or "<table" not in token.content.lower():
        return None
    start = token.map[0]
    end = next((i for i in range(start, len(lines)) if "</table" in lines[i].lower()), token.map[1] - 1)
    table = html_table("\n".join(lines[start : end + 1]), start)
    if table is None:
        return None
    after = index + 1
    while after < len(tokens) and ((where := tokens[after].map) is None or where[0] <= end):
        after += 1
    return table, after


def _flush(out: list[Block], details: list[Details]) -> list[Block]:
    """Unclosed <details> elements still hold their blocks."""
    while details:
        element = details.pop()
        (details[-1].blocks if details else out).append(element)
    return out


# <details> nested deeper than this are read as plain HTML (their blocks belong to the
# outer one), as markdown-it caps its own nesting: thousands would exhaust Python's stack.
MAX_DETAILS = 32


def _html(token: Token, details: list[Details], out: list[Block]) -> None:
    """Headings, <details> elements and lists written in HTML, in the order they come."""
    content, row = token.content, token.map[0] if token.map else 0
    items: list[Item] = []  # the items of the HTML list open at the top level
    depth = 0  # lists open: only a top-level list's items are read, nested ones are details

    def add(block: Block) -> None:
        (details[-1].blocks if details else out).append(block)

    for match in _HTML_PART.finditer(content):
        tag = match.group(0)
        lowered = tag[:12].lower()
        if match.group("level"):
            # "<h2>\n  Key result: Run a half marathon\n</h2>": a heading written in HTML
            inner = match.group("text")
            text = " ".join(_strip_markup(_TAG.sub("", inner)).split())
            if text:
                offset = match.start("text") + len(inner) - len(inner.lstrip())
                add(Heading(int(match.group("level")), TextLine(text, row + content.count("\n", 0, offset))))
        elif lowered.startswith(("<ul", "<ol")):
            depth += 1
        elif lowered.startswith(("</ul", "</ol")):
            depth = max(0, depth - 1)
            if depth == 0 and items:
                add(ListBlock(items))
                items = []
        elif match.group("item") is not None:
            if depth == 1:
                inner = match.group("item")
                text = " ".join(_strip_markup(_TAG.sub("", inner)).split())
                offset = match.start("item") + len(inner) - len(inner.lstrip())
                if text:
                    items.append(Item([TextLine(text, row + content.count("\n", 0, offset))]))
            if "<ul" in match.group("item").lower() or "<ol" in match.group("item").lower():
                depth += 1  # an item that opens a nested list: its items are details
        elif lowered.startswith("<details"):
            if len(details) < MAX_DETAILS:
                details.append(Details(None))
        elif lowered.startswith("</details"):
            if details:
                element = details.pop()
                (details[-1].blocks if details else out).append(element)
        elif details:
            summary = _SUMMARY.match(tag)
            text = _TAG.sub("", summary.group("text") if summary else "")
            line = row + content.count("\n", 0, match.start())
            details[-1].summary = TextLine(" ".join(_strip_markup(text).split()), line)
    if items:
        add(ListBlock(items))  # a list the block leaves open


# The parts of an HTML block read, in one pass: headings, list openings and closings, list
# items (up to the next item, closing or nested list), <details> and <summary>. Bounded.
_HTML_PART = re.compile(
    r"<h(?P<level>[1-6])\b[^>]{0,200}>(?P<text>.{0,2000}?)</h(?P=level)\s*>"
    r"|</?[uo]l\b[^>]{0,200}>"
    r"|<li\b[^>]{0,200}>(?P<item>(?:(?!</?li\b|</?[uo]l\b).){0,4000})(?:</li\s*>)?"
    r"|<details\b[^>]{0,200}>|</details\s*>|<summary[^>]{0,200}>.*?</summary>",
    re.I | re.S,
)


def _strip_markup(text: str) -> str:
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)


def _list(
    tokens: list[Token], index: int, closing: str, lines: list[str]
) -> tuple[list[Item], int]:
    items: list[Item] = []
    while index < len(tokens):
        token = tokens[index]
        if token.type == closing:
            return items, index + 1
        if token.type == "list_item_open":
            first_inline = _first_inline(tokens, index)
            blocks, index = _read(tokens, index + 1, "list_item_close", lines)
            item = Item([])
            if blocks and isinstance(blocks[0], Paragraph):
                item.lines = blocks[0].lines
                if first_inline is not None and anchor_start(first_inline.children or []) is not None:
                    # owners and a score after a statement linked into the page are columns
                    item.lines = plain_lines(first_inline, owners_after_link=True) or item.lines
                blocks = blocks[1:]
            elif blocks and isinstance(blocks[0], Heading):
                # An outliner's page (Logseq, Roam): every line is a bullet, and a heading is
                # one too ("- ## Objective: Grow the community" over its indented results).
                if blocks[0].line.text.strip():  # ("- ## " alone is an empty bullet)
                    item.lines, item.heading_level = [blocks[0].line], blocks[0].level
                blocks = blocks[1:]
            item.blocks = [_numbered_list(b, token.info) for b in blocks if isinstance(b, Paragraph | ListBlock)]
            if sub_items := _numbered_lines(item.lines[1:], token.info):
                # "1. Make the editor delightful" over lines "1.1 Cut …", "1.2 Grow …", which
                # CommonMark reads as the item's own wrapped text: its children
                item.lines = item.lines[:1]
                item.blocks.insert(0, ListBlock(sub_items))
            if first_inline is not None:
                item.navigation = _anchor_links_only(first_inline) or bool(
                    _TOC_MARKER.match(first_inline.content.strip())
                )
                item.links_only = _links_only(first_inline)
            items.append(item)
        else:
            index += 1
    return items, index


_SUBLETTER = re.compile(r"^([a-z])[.)]\s+(?=\S)")


def _numbered_lines(lines: list[TextLine], number: str) -> list[Item]:
    """Lines numbered "n.1", "n.2" … (or lettered "a.", "b." …) under item or heading n, as
    items of their own; none unless there are two or more and every line is the next ("1.5
    million visits" under item 1 is its text)."""
    if not number.isdigit() or len(lines) < 2:
        return []
    numbers = [SUBNUMBER.match(line.text) for line in lines]
    letters = [_SUBLETTER.match(line.text) for line in lines]
    count = range(1, len(lines) + 1)
    if [match and match.group(1, 2) for match in numbers] == [(number, str(k)) for k in count]:
        subs = numbers
    elif [match and match.group(1) for match in letters] == [chr(ord("a") + k - 1) for k in count]:
        subs = letters
    else:
        return []
    return [
        Item([TextLine(line.text[match.end() :], line.row, line.bold)])
        for line, match in zip(lines, subs, strict=True)
        if match is not None
    ]


def _numbered_list(block: Paragraph | ListBlock, number: str) -> Paragraph | ListBlock:
    """A paragraph of "n.1", "n.2" … lines inside item n ("1. Make …", a blank line, then the
    indented "1.1 …" lines) as the list it is."""
    if isinstance(block, Paragraph) and (items := _numbered_lines(block.lines, number)):
        return ListBlock(items)
    return block


def _outliner_headings(items: list[Item]) -> list[Block]:
    """The list, with each bulleted title ("- # OKRs 2025 Q2" atop an outliner's page, "- # Q2"
    over a quarter's bullets) read as the heading it is, followed by whatever is nested under
    it, so it can name the cycle or open a section; runs of other items stay lists. An
    outliner nests by indenting: bullets after a bulleted "## Goal" are its siblings, not its
    contents, so only a title ("#") opens a section."""
    out: list[Block] = []
    for item in items:
        if item.heading_level == 1:
            # the page's title, and what is nested under it ("- # 2026 Q3" over "\t- ## …")
            out.append(Heading(item.heading_level, item.lines[0]))
            out.extend(item.blocks)
        elif out and isinstance(out[-1], ListBlock):
            out[-1].items.append(item)
        else:
            out.append(ListBlock([item]))
    return out


def _first_inline(tokens: list[Token], index: int) -> Token | None:
    # list_item_open, paragraph_open, inline: the item's first paragraph.
    if index + 2 < len(tokens) and tokens[index + 1].type == "paragraph_open":
        return tokens[index + 2]
    return None


def _anchor_links_only(inline: Token) -> bool:
    """Whether the item's whole text is links to places in this document (`#…`)."""
    return _links_only(inline, anchors=True)


def _links_only(inline: Token, *, anchors: bool = False) -> bool:
    """Whether the item's whole text is links (to anywhere, or to places in this page)."""
    depth, links = 0, 0
    for child in inline.children or []:
        if child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            if depth == 0 and anchors and not href.startswith("#"):
                return False
            depth, links = depth + 1, links + 1
        elif child.type == "link_close":
            depth -= 1
        elif depth == 0 and not anchors and child.type == "text" and _BARE_URLS.fullmatch(child.content):
            links += 1  # a bare address: CommonMark does not link it, but it is one
        elif depth == 0 and not _markup_only(child):
            return False
    return links > 0


_BARE_URLS = re.compile(r"\s*+(?:https?://\S++\s*+)++")  # possessive: no re-splitting a long address


def _markup_only(child: Token) -> bool:
    # Emphasis around the link and the spaces or line breaks between links are not text.
    if child.type in ("text", "softbreak", "hardbreak"):
        return not child.content.strip()
    return child.type.endswith(("_open", "_close"))
