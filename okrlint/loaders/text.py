"""Plain-text drafts.

`Objective:`/`O1:` lines, `KR:`/bullet lines, and the "We will … as measured by …" template.
"""

from __future__ import annotations

import re

from okrlint.loaders.builder import DocumentBuilder
from okrlint.loaders.labels import KR_LABEL, OBJECTIVE_LABEL, objective_title
from okrlint.models import KeyResult, LoadResult, Objective, Span

_FIELD = re.compile(
    r"^(?P<key>cycle|owner|scope|scoring)\s*:\s*(?P<value>\S.*?)\s*$", re.IGNORECASE
)
_BULLET = re.compile(r"^(?:[-*•+]|\d+[.)])\s+")
_TEMPLATE = re.compile(r"^we\s+will\s+(?P<objective>.+?)\s*,?\s+as\s+measured\s+by\s*:?\s+", re.I)
_SERIAL_AND = re.compile(r"^(?P<head>.+?),?\s+and\s+(?P<tail>\S.*)$")


def load_text(text: str, path: str) -> LoadResult:
    """Load a plain-text OKR draft."""
    builder = DocumentBuilder(path, "text")
    if not text.strip():
        builder.empty_file(text)
        return builder.result(text)
    current: Objective | None = None
    for index, raw in enumerate(text.split("\n")):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip())
        row = index + 1
        if field := _FIELD.match(line):
            _document_field(builder, field, row, indent)
        elif template := _TEMPLATE.match(line):
            current = _template(builder, raw, row, indent, template)
        elif objective := OBJECTIVE_LABEL.match(line):
            title = objective_title(objective)
            current = Objective(title=title, span=_span(path, row, raw, title))
            builder.objectives.append(current)
        elif current is not None and (KR_LABEL.match(line) or _BULLET.match(line)):
            label = KR_LABEL.match(line) or _BULLET.match(line)
            assert label is not None
            title = line[label.end() :].strip()
            if title:
                current.key_results.append(
                    KeyResult(title=title, span=_span(path, row, raw, title))
                )
    return builder.result(text)


def _document_field(builder: DocumentBuilder, field: re.Match[str], row: int, indent: int) -> None:
    from okrlint.loaders.builder import Located  # local: only the text loader builds these by hand

    key, value = field.group("key").lower(), field.group("value")
    column = indent + field.start("value") + 1
    span = Span.of(builder.path, row, column, row, column + len(value))
    builder.document_fields({key: (Located(key, span), Located(value, span))})


def _template(
    builder: DocumentBuilder, raw: str, row: int, indent: int, match: re.Match[str]
) -> Objective:
    title = match.group("objective")
    start = indent + match.start("objective")
    objective = Objective(
        title=title, span=Span.of(builder.path, row, start + 1, row, start + len(title) + 1)
    )
    rest_start = indent + match.end()
    for offset, piece in _split_key_results(raw[rest_start:]):
        column = rest_start + offset
        objective.key_results.append(
            KeyResult(
                title=piece,
                span=Span.of(builder.path, row, column + 1, row, column + len(piece) + 1),
            )
        )
    builder.objectives.append(objective)
    return objective


def _split_key_results(text: str) -> list[tuple[int, str]]:
    """Split "A, B and C." into KRs with their offsets; commas inside numbers (1,000) stay."""
    text = text.rstrip().rstrip(".")
    separator = r";\s*" if ";" in text else r",\s+"
    pieces: list[tuple[int, str]] = []
    position = 0
    for part in re.split(f"({separator})", text):
        if re.fullmatch(separator, part):
            position += len(part)
            continue
        pieces.append((position, part))
        position += len(part)
    if len(pieces) > 1:
        offset, last = pieces[-1]
        if last.lower().startswith("and "):
            pieces[-1] = (offset + 4, last[4:])
        elif serial := _SERIAL_AND.match(last):
            pieces[-1:] = [
                (offset, serial.group("head")),
                (offset + serial.start("tail"), serial.group("tail")),
            ]
    elif (pair := _SERIAL_AND.match(text)) and all(
        re.search(r"\d", pair.group(side)) for side in ("head", "tail")
    ):
        # "<KR> and <KR>" (two results, no comma): split only when both halves carry a number,
        # so "Grow revenue and margin by 10%" stays one key result.
        pieces = [(0, pair.group("head")), (pair.start("tail"), pair.group("tail"))]
    return [(offset, piece.strip()) for offset, piece in pieces if piece.strip()]


def _span(path: str, row: int, raw: str, title: str) -> Span:
    column = raw.find(title)
    column = column if column >= 0 else len(raw) - len(raw.lstrip())
    return Span.of(path, row, column + 1, row, column + len(title) + 1)
