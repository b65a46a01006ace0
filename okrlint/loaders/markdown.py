"""Markdown loader: objectives are headings, key results the list items under them (CommonMark)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from okrlint.loaders.builder import DocumentBuilder
from okrlint.loaders.labels import (
    KR_LABEL,
    KR_SECTION,
    OBJECTIVE_LABEL,
    objective_title,
    strip_emphasis,
)
from okrlint.loaders.tables import table_key_results
from okrlint.loaders.yaml import YamlReader
from okrlint.models import Diagnostic, KeyResult, LoadResult, Objective, Span

# Sections that sit under an objective but hold no key results.
_OTHER_SECTION = re.compile(
    r"^(initiatives?|tasks?|projects?|actions?|notes?|risks?|context|background|dependencies|"
    r"learnings?|retro\w*|resources?|status|summary|why|how|owners?|links?|appendix|"
    r"check[\s-]?ins?|progress|updates?|comments?|team|members|(?:table\s+of\s+)?contents|toc|"
    r"on\s+this\s+page)\b",
    re.IGNORECASE,
)
_TASK_ITEM = re.compile(r"^\[[ xX]\]\s")
# Generated tables of contents: kramdown's "* TOC\n{:toc}", "[TOC]", GitLab's "[[_TOC_]]".
_TOC_MARKER = re.compile(
    r"^(?:\[+_?TOC_?\]+|TOC(?:\s*\{:toc\})?|\{:\s*\.?no_toc\s*\})$", re.IGNORECASE
)
_CLOSING_HASHES = re.compile(r"\s+#+$")  # "## Title ##": the closing hashes are not text
_YAML_KEY = re.compile(r"^[\w-]+\s*:(\s|$)")


@dataclass
class _Heading:
    level: int
    kind: str  # objective | plain | kr-section | other
    objective: Objective | None = None


@dataclass
class _State:
    lines: list[str]
    path: str
    stack: list[_Heading] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    explicit: set[int] = field(default_factory=set)  # ids of objectives labelled as such


def load_markdown(text: str, path: str) -> LoadResult:
    """Load OKRs from Markdown: front matter, objective headings and their KR list items."""
    builder = DocumentBuilder(path, "markdown")
    if not text.strip():
        builder.empty_file(text)
        return builder.result(text)
    # GFM tables on top of CommonMark: key results may be rows of a `| KR | … |` table.
    parser = MarkdownIt("commonmark").use(front_matter_plugin).enable("table")
    tokens = parser.parse(text)
    state = _State(lines=text.split("\n"), path=path)
    extra = []
    for index, token in enumerate(tokens):
        if token.type == "front_matter":
            extra.extend(_front_matter(token, path, builder))
        elif token.type == "heading_open":
            _heading(state, token, tokens[index + 1])
        elif token.type in ("bullet_list_open", "ordered_list_open") and token.level == 0:
            _list(state, tokens, index)
        elif token.type == "paragraph_open" and token.level == 0:
            _kr_lines(state, tokens[index + 1])
        elif token.type == "table_open" and token.level == 0:
            _table(state, tokens, index)
    if not any(t.type == "front_matter" for t in tokens) and _unclosed_front_matter(state.lines):
        message = "front matter opened with '---' is never closed with '---'; it was not read"
        extra.append(Diagnostic(code="E001", message=message, span=Span.of(path, 1, 1, 1, 4)))
    # A plain heading is an objective only when it owns key results (DESIGN §2).
    builder.objectives = [o for o in state.objectives if o.key_results or id(o) in state.explicit]
    return builder.result(text, extra)


def _unclosed_front_matter(lines: list[str]) -> bool:
    # A first-line "---" followed by "key: value" is front matter, not a thematic break.
    return len(lines) > 1 and lines[0].rstrip() == "---" and bool(_YAML_KEY.match(lines[1]))


def _front_matter(token: Token, path: str, builder: DocumentBuilder) -> list:
    reader = YamlReader(path, line_offset=1)
    root = reader.compose(token.content)
    located = reader.read(root) if root is not None else None
    if located is not None and isinstance(located.value, dict):
        builder.document_fields(located.value)
    return reader.diagnostics


def _heading(state: _State, token: Token, inline: Token) -> None:
    level = int(token.tag[1:])
    while state.stack and state.stack[-1].level >= level:
        state.stack.pop()
    text = strip_emphasis(_without_comments(inline.content).strip())
    line = token.map[0] if token.map else 0
    labelled = OBJECTIVE_LABEL.match(text)
    if labelled:
        objective = _objective(state, objective_title(labelled), line, explicit=True)
        state.stack.append(_Heading(level, "objective", objective))
    elif KR_SECTION.match(text):
        state.stack.append(_Heading(level, "kr-section"))
    elif _OTHER_SECTION.match(text) or _under_objective(state):
        state.stack.append(_Heading(level, "other"))
    else:
        state.stack.append(_Heading(level, "plain", _objective(state, text, line, explicit=False)))


def _under_objective(state: _State) -> bool:
    return any(h.kind == "objective" for h in state.stack)


def _owner(state: _State) -> Objective | None:
    """The objective that list items at this point belong to, if any."""
    for heading in reversed(state.stack):
        if heading.kind == "other":
            return None
        if heading.objective is not None:
            return heading.objective
    return None


def _objective(state: _State, title: str, line: int, *, explicit: bool) -> Objective:
    objective = Objective(title=title, span=_locate(state, title, line, line + 1))
    if explicit:
        state.explicit.add(id(objective))
    state.objectives.append(objective)
    return objective


def _list(state: _State, tokens: list[Token], start: int) -> None:
    owner = _owner(state)
    depth = 0
    objective_depth = 0  # depth of the last "- Objective: …" item: its sub-items are its KRs
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                return
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            item_open = _enclosing_item(tokens, index)
            if item_open is None or token.level != item_open.level + 2:
                continue
            found = _item(
                state,
                token,
                owner,
                top_level=depth == 1,
                kr_level=depth in (1, objective_depth + 1),
            )
            if found is not owner:
                objective_depth = depth
            owner = found


def _enclosing_item(tokens: list[Token], index: int) -> Token | None:
    # The paragraph's list item opens two tokens before it (list_item_open, paragraph_open).
    candidate = tokens[index - 2] if index >= 2 else None
    return candidate if candidate is not None and candidate.type == "list_item_open" else None


def _item(
    state: _State, inline: Token, owner: Objective | None, *, top_level: bool, kr_level: bool
) -> Objective | None:
    text = inline.content
    if _TASK_ITEM.match(text):
        return owner  # task-list items are initiatives, not key results
    if _anchor_links_only(inline) or _TOC_MARKER.match(text.strip()):
        return owner  # "- [Objective 1](#objective-1)", "- TOC {:toc}": navigation, not OKRs
    first = strip_emphasis(text.split("\n", 1)[0].strip())
    labelled = OBJECTIVE_LABEL.match(first)
    line = inline.map[0] if inline.map else 0
    if top_level and labelled:
        # "- Objective: …" with nested KR bullets: a list-shaped OKR set.
        return _objective(state, objective_title(labelled), line, explicit=True)
    if owner is None or (not kr_level and not KR_LABEL.match(first)):
        return owner  # a nested bullet under a key result is a detail of it
    _add_kr(state, owner, text, inline)
    return owner


def _add_kr(state: _State, owner: Objective, text: str, inline: Token) -> None:
    start = inline.map[0] if inline.map else 0
    # A lazy continuation line labelled "KR: …" is the next key result, not more of this one.
    groups: list[tuple[int, list[str]]] = []
    for offset, raw in enumerate(text.split("\n")):
        line = raw.strip()
        if not groups or KR_LABEL.match(strip_emphasis(line)):
            groups.append((start + offset, [line]))
        else:
            groups[-1][1].append(line)
    for row, parts in groups:
        joined = strip_emphasis(_without_comments(" ".join(parts)))
        title = strip_emphasis(KR_LABEL.sub("", joined, count=1)).strip()
        if title:
            span = _locate(state, title, row, row + len(parts))
            owner.key_results.append(KeyResult(title=title, span=span))


def _anchor_links_only(inline: Token) -> bool:
    """Whether the item's whole text is links to places in this document (`#…`)."""
    depth, links = 0, 0
    for child in inline.children or []:
        if child.type == "link_open":
            if depth == 0 and not str(child.attrs.get("href", "")).startswith("#"):
                return False
            depth, links = depth + 1, links + 1
        elif child.type == "link_close":
            depth -= 1
        elif depth == 0 and not _markup_only(child):
            return False
    return links > 0


def _markup_only(child: Token) -> bool:
    # Emphasis around the link and the spaces or line breaks between links are not text.
    if child.type in ("text", "softbreak", "hardbreak"):
        return not child.content.strip()
    return child.type.endswith(("_open", "_close"))


def _table(state: _State, tokens: list[Token], start: int) -> None:
    owner = _owner(state)
    if owner is None:
        return
    for cell in table_key_results(tokens, start, state.lines):
        span = Span.of(state.path, cell.line + 1, cell.start + 1, cell.line + 1, cell.end + 1)
        owner.key_results.append(KeyResult(title=cell.title, span=span))


def _kr_lines(state: _State, inline: Token) -> None:
    """Paragraph lines written as `KR: …` (outside lists) are key results too."""
    owner = _owner(state)
    if owner is None or inline.map is None:
        return
    for offset, raw in enumerate(inline.content.split("\n")):
        line = strip_emphasis(_without_comments(raw).strip())
        if KR_LABEL.match(line):
            title = KR_LABEL.sub("", line, count=1).strip()
            row = inline.map[0] + offset
            if title:
                owner.key_results.append(
                    KeyResult(title=title, span=_locate(state, title, row, row + 1))
                )


def _locate(state: _State, title: str, first: int, last: int) -> Span:
    """Span of `title` in lines [first, last): from its first words to the end of its text."""
    lines = state.lines
    first = min(first, max(len(lines) - 1, 0))
    source = _CLOSING_HASHES.sub("", lines[first].rstrip()) if lines else ""
    source = _without_trailing_comment(source)
    column = _title_start(source, title)
    end_line = max(first, min(last, len(lines)) - 1)
    if end_line == first:
        end_column = max(len(source), column + 1)
    else:
        end_column = len(_without_trailing_comment(lines[end_line].rstrip()))
    return Span.of(state.path, first + 1, column + 1, end_line + 1, end_column + 1)


# HTML comments (`<!-- okrlint: disable=O101 -->`) are never part of an objective or key result.
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


def _without_trailing_comment(line: str) -> str:
    """The line without a comment that ends it (no regex: linear on any input)."""
    while True:
        start = line.rfind("<!--")
        if start < 0:
            return line
        close = line.find("-->", start + 4)
        if close >= 0 and line[close + 3 :].strip():
            return line
        line = line[:start].rstrip()


def _without_comments(text: str) -> str:
    if "<!--" not in text:
        return text
    return re.sub(r"[ \t]{2,}", " ", _COMMENT.sub("", text)).strip()


def _title_start(source: str, title: str) -> int:
    """Where the title starts on its first line: after the list marker and label, which may
    repeat its first word ("5. 5 new logos", "KR2: KR completion")."""
    for column, char in enumerate(source):
        word_start = column == 0 or not source[column - 1].isalnum()
        if char == title[:1] and word_start and title.startswith(source[column:]):
            return column  # the rest of the line begins the title
    column = source.find(title.split(" ", 1)[0])  # markup inside the title: its first word
    return column if column >= 0 else len(source) - len(source.lstrip())
