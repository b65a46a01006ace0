"""Plain-text drafts.

`Objective:`/`O1:` lines, `KR:`/bullet lines, and the "We will … as measured by …" template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from okrlint.loaders.builder import DocumentBuilder
from okrlint.loaders.labels import KR_LABEL, OBJECTIVE_LABEL, objective_title
from okrlint.loaders.template import OBJECTIVE_ONLY, TEMPLATE, due_date, key_results
from okrlint.measure import parse_deadline
from okrlint.models import KeyResult, LoadResult, Objective, Span

_FIELD = re.compile(
    r"^(?P<key>cycle|owner|scope|scoring)\s*:\s*(?P<value>\S.*?)\s*$", re.IGNORECASE
)
# A trailing suppression comment; the engine reads it from the source, the title must not.
_DIRECTIVE = re.compile(r"\s+#\s*okrlint:.*$", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-*•+]|\d+[.)])\s+")


@dataclass
class _Draft:
    builder: DocumentBuilder
    current: Objective | None = None
    kr_indent: int | None = None  # least indent of the current objective's KR lines
    # Key results dated only by a deadline written once for their whole sentence.
    shared: list[tuple[KeyResult, str]] = field(default_factory=list)
    lone: list[Objective] = field(default_factory=list)  # "We will …" lines with no KRs yet

    def start(self, objective: Objective) -> Objective:
        self.builder.objectives.append(objective)
        self.current, self.kr_indent = objective, None
        return objective


def load_text(text: str, path: str) -> LoadResult:
    """Load a plain-text OKR draft."""
    builder = DocumentBuilder(path, "text")
    if not text.strip():
        builder.empty_file(text)
        return builder.result(text)
    draft = _Draft(builder)
    for index, raw in enumerate(text.split("\n")):
        raw = _DIRECTIVE.sub("", raw)  # "- KR … # okrlint: disable=O101" is not part of the KR
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip())
        row = index + 1
        if field_match := _FIELD.match(line):
            _document_field(builder, field_match, row, indent)
        elif template := TEMPLATE.match(line):
            _template(draft, raw, row, indent, template)
        elif objective := OBJECTIVE_LABEL.match(line):
            title = objective_title(objective)
            draft.start(Objective(title=title, span=_span(path, row, raw, title)))
        elif draft.current is not None and (KR_LABEL.match(line) or _BULLET.match(line)):
            _key_result(draft, raw, row, indent)
        elif lone := OBJECTIVE_ONLY.match(line):
            _objective_only(draft, row, indent, lone)
    _date_shared_deadlines(draft)
    _drop_prose(draft)
    return builder.result(text)


def _drop_prose(draft: _Draft) -> None:
    """A bare "We will …" sentence is the objective of a one-line draft; beside real
    objectives it is prose ("We will review progress every Monday"), not an objective."""
    objectives = draft.builder.objectives
    empty = [o for o in draft.lone if not o.key_results]
    if empty and len(empty) < len(objectives):
        objectives[:] = [o for o in objectives if all(o is not e for e in empty)]


def _key_result(draft: _Draft, raw: str, row: int, indent: int) -> None:
    line = raw.strip()
    bullet = _BULLET.match(line)
    body = line[bullet.end() :] if bullet else line
    kr_label = KR_LABEL.match(body)  # "KR1: …", or "- KR 2.2 …" as in Markdown
    # A bullet indented under a key result is a detail of it ("  - note: includes trial
    # users"), as nested bullets are in Markdown; a nested "KR:" line is still a key result.
    if not kr_label and draft.kr_indent is not None and indent > draft.kr_indent:
        return
    # Bullet and label patterns consume the spaces after them: the title starts right there.
    start = indent + (bullet.end() if bullet else 0) + (kr_label.end() if kr_label else 0)
    title = body[kr_label.end() :].rstrip() if kr_label else body
    if title and draft.current is not None:
        span = Span.of(draft.builder.path, row, start + 1, row, start + len(title) + 1)
        draft.current.key_results.append(KeyResult(title=title, span=span))
        draft.kr_indent = indent if draft.kr_indent is None else min(draft.kr_indent, indent)


def _document_field(builder: DocumentBuilder, field: re.Match[str], row: int, indent: int) -> None:
    from okrlint.loaders.builder import Located  # local: only the text loader builds these by hand

    key, value = field.group("key").lower(), field.group("value")
    column = indent + field.start("value") + 1
    span = Span.of(builder.path, row, column, row, column + len(value))
    builder.document_fields({key: (Located(key, span), Located(value, span))})


def _template(draft: _Draft, raw: str, row: int, indent: int, match: re.Match[str]) -> None:
    objective = _objective_only(draft, row, indent, match)
    rest_start = indent + match.end()
    pieces, deadline = key_results(raw[rest_start:])
    for offset, piece in pieces:
        column = rest_start + offset
        kr = KeyResult(
            title=piece,
            span=Span.of(draft.builder.path, row, column + 1, row, column + len(piece) + 1),
        )
        objective.key_results.append(kr)
        draft.kr_indent = indent  # bullets indented under the sentence are details of its KRs
        if deadline is not None:
            draft.shared.append((kr, deadline))


def _objective_only(draft: _Draft, row: int, indent: int, match: re.Match[str]) -> Objective:
    """The objective of a "We will …" sentence; its KRs follow on the line or as a list."""
    title = match.group("objective")
    start = indent + match.start("objective")
    span = Span.of(draft.builder.path, row, start + 1, row, start + len(title) + 1)
    objective = draft.start(Objective(title=title, span=span))
    draft.lone.append(objective)
    return objective


def _date_shared_deadlines(draft: _Draft) -> None:
    # Done once the whole file is read: a `cycle:` line may come after the sentence.
    cycle = draft.builder.fields.get("cycle")
    for kr, phrase in draft.shared:
        if kr.due is None and parse_deadline(kr.title) is None:
            kr.shared_deadline = phrase
            kr.due = due_date(phrase, str(cycle) if cycle else None)


def _span(path: str, row: int, raw: str, title: str) -> Span:
    column = raw.find(title)
    column = column if column >= 0 else len(raw) - len(raw.lstrip())
    return Span.of(path, row, column + 1, row, column + len(title) + 1)
