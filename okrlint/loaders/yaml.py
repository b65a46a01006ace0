"""YAML loader.

Reads the parser's event stream once and builds located values from it directly: no object is
ever constructed from a tag, every scalar keeps its span, and nesting and alias expansion are
bounded as the events arrive (libyaml's own composer recurses in C and crashes the process on
deep nesting, and would build an alias bomb's whole tree).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import ComposerError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
    StreamEndEvent,
)
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from okrlint.loaders.builder import DocumentBuilder, Located
from okrlint.loaders.document_cycle import settle_cycle
from okrlint.loaders.found import Found
from okrlint.models import Diagnostic, LoadResult, Span

# Aliases let a tiny file describe an exponentially large tree ("billion laughs"). The nodes a
# file writes out are bounded by its size; the ones its aliases repeat are counted here, and
# reading stops past this many instead of walking the expansion.
MAX_EXPANSIONS = 100_000
MAX_DEPTH = 64

_CORE = "tag:yaml.org,2002:"
_SAFE_TAGS = {
    _CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge")
}


class _Refused(Exception):
    """The file is well-formed but will not be read (too deep, an alias bomb)."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message, self.mark = message, mark


@dataclass
class _Open:
    """A collection whose end event has not come yet."""

    event: Any
    tag: str
    items: list[Any] = field(default_factory=list)  # values; for a mapping, keys and values
    unsafe: bool = False  # inside a collection with an unsafe tag: read, then dropped unreported


class YamlReader:
    """Turns YAML text into `Located` values, bounded and tag-safe, in one pass over events."""

    def __init__(self, path: str, line_offset: int = 0) -> None:
        self.path = path
        self.lines: list[str] = []
        self.line_offset = line_offset
        self.diagnostics: list[Diagnostic] = []
        self._anchors: dict[str, Located] = {}
        self._open_anchors: set[str] = set()
        self._sizes: dict[int, int] = {}  # id(located) -> nodes it stands for, expanded
        self._heights: dict[int, int] = {}  # id(located) -> levels below it, expanded
        self._expanded = 0
        self._resolved: dict[tuple[str, Any], str] = {}

    def load(self, text: str) -> Located | None:
        """The root value; None for an empty stream, or with the reason in `diagnostics`."""
        self.lines = text.split("\n")
        try:
            return self._compose(text)
        except _Refused as refused:
            mark = refused.mark
            self.diagnostics.append(
                Diagnostic(
                    code="E001", message=refused.message, span=self._at(mark.line, mark.column)
                )
            )
        except MarkedYAMLError as error:
            self.diagnostics.append(self._parse_error(error))
        except YAMLError as error:  # unmarked errors are rare; report them at the top
            self.diagnostics.append(
                Diagnostic(code="E001", message=f"invalid YAML: {error}", span=self._at(0, 0))
            )
        return None

    # -- composing ----------------------------------------------------------------------------
    def _compose(self, text: str) -> Located | None:
        # The "safe" parser is libyaml's (ruamel.yaml.clib) when present: 10x faster, same
        # marks, and a state machine, so deep nesting cannot overflow its stack.
        yaml = YAML(typ="safe")
        loader, parser = yaml.get_constructor_parser(text)
        resolve = getattr(loader, "resolve", None) or yaml.resolver.resolve
        stack: list[_Open] = []
        root: Located | None = None
        document: Any = None
        try:
            while parser.check_event():
                event = parser.get_event()
                done: Any = _NOTHING  # a value completed by this event
                if isinstance(event, ScalarEvent):
                    done = self._scalar(event, stack, resolve)
                elif isinstance(event, CollectionStartEvent):
                    if len(stack) >= MAX_DEPTH:
                        raise _Refused(
                            f"YAML nests more than {MAX_DEPTH} levels; the file was not read",
                            event.start_mark,
                        )
                    kind = MappingNode if isinstance(event, MappingStartEvent) else SequenceNode
                    tag = str(
                        event.tag if event.tag not in (None, "!") else resolve(kind, None, True)
                    )
                    unsafe = bool(stack and stack[-1].unsafe) or tag not in _SAFE_TAGS
                    if event.anchor is not None:
                        self._open_anchors.add(event.anchor)
                    stack.append(_Open(event, tag, unsafe=unsafe))
                elif isinstance(event, CollectionEndEvent):
                    done = self._close(stack.pop(), event, stack)
                elif isinstance(event, AliasEvent):
                    done = self._alias(event, len(stack))
                elif isinstance(event, DocumentStartEvent):
                    if document is not None:
                        raise ComposerError(
                            "expected a single document in the stream",
                            document.start_mark,
                            "but found another document",
                            event.start_mark,
                        )
                    document = event
                elif isinstance(event, StreamEndEvent):
                    break
                if done is not _NOTHING:
                    if stack:
                        stack[-1].items.append(done)
                    else:
                        root = done
        finally:
            parser.dispose()
        return root

    def _scalar(self, event: Any, stack: list[_Open], resolve: Any) -> Located | None:
        tag = event.tag
        if tag is None or tag == "!":
            # The same plain text always resolves the same way ("title", "true", "12").
            key = (event.value, event.implicit)
            tag = self._resolved.get(key)
            if tag is None:
                # The resolver gives a Tag object, which hashes unlike its text.
                tag = self._resolved[key] = str(resolve(ScalarNode, event.value, event.implicit))
        else:
            tag = str(tag)
        located = None
        if tag in _SAFE_TAGS:
            start, end = event.start_mark, event.end_mark
            where = self._where(start, end, event.style, event.value)
            located = Located(_scalar(tag, event.value), where=where)
        elif not (stack and stack[-1].unsafe):
            self._unsafe_tag(tag, self._where(event.start_mark, event.end_mark, None, ""))
        if event.anchor is not None:
            self._anchor(event.anchor, located)
        return located

    def _close(self, opened: _Open, end: Any, stack: list[_Open]) -> Located | None:
        start = opened.event
        if start.anchor is not None:
            self._open_anchors.discard(start.anchor)
        where = self._where(start.start_mark, end.end_mark, None, "")
        if opened.unsafe:
            # One finding for the outermost unsafe value; what it holds is dropped with it.
            if opened.tag not in _SAFE_TAGS and not (stack and stack[-1].unsafe):
                self._unsafe_tag(opened.tag, where)
            located = None
        else:
            items = opened.items
            if opened.tag == _CORE + "map":
                value: Any = self._mapping(items)
            else:
                value = [item for item in items if item is not None]
            located = Located(value, where=where)
            children = [item for item in items if item is not None]
            self._sizes[id(located)] = 1 + sum(self._sizes.get(id(c), 1) for c in children)
            self._heights[id(located)] = 1 + max(
                (self._heights.get(id(c), 0) for c in children), default=0
            )
        if start.anchor is not None:
            self._anchor(start.anchor, located)
        return located

    def _anchor(self, name: str, located: Located | None) -> None:
        self._anchors[name] = located  # type: ignore[assignment]  # None: an unsafe value

    def _alias(self, event: Any, depth: int) -> Located | None:
        name = event.anchor
        if name in self._open_anchors:
            raise _Refused(
                f"YAML alias '*{name}' refers to the value that holds it; the file was not read",
                event.start_mark,
            )
        if name not in self._anchors:
            raise ComposerError(None, None, f"found undefined alias '*{name}'", event.start_mark)
        target = self._anchors[name]
        if target is None:
            return None
        self._expanded += self._sizes.get(id(target), 1)
        if self._expanded > MAX_EXPANSIONS:
            raise _Refused(
                f"YAML aliases expand to more than {MAX_EXPANSIONS:,} values (an alias bomb?);"
                " the file was not read",
                event.start_mark,
            )
        if depth + self._heights.get(id(target), 0) > MAX_DEPTH:
            raise _Refused(
                f"YAML aliases nest more than {MAX_DEPTH} levels; the file was not read",
                event.start_mark,
            )
        return target

    def _mapping(self, items: list[Any]) -> dict[str, tuple[Located, Located]]:
        result: dict[str, tuple[Located, Located]] = {}
        merged: dict[str, tuple[Located, Located]] = {}
        for key, value in zip(items[::2], items[1::2], strict=True):
            if key is not None and key.value is _MERGE:
                for mapping in _mappings_in(value):
                    for name, pair in mapping.items():
                        merged.setdefault(name, pair)
                continue
            if key is None or value is None:
                continue
            name = str(key.value)
            if name in result:
                self.diagnostics.append(
                    Diagnostic(
                        code="E002",
                        message=f"duplicate key '{name}': the later value wins",
                        span=key.span,
                    )
                )
            result[name] = (key, value)
        return {**merged, **result}

    # -- spans --------------------------------------------------------------------------------
    def _where(self, start: Any, end: Any, style: str | None, value: str) -> tuple[Any, ...]:
        line, column, end_line, end_column = start.line, start.column, end.line, end.column
        if style in ('"', "'") and line == end_line:
            column, end_column = column + 1, end_column - 1  # point inside the quotes
        elif style in ("|", ">") and value.strip():
            # Block scalars start at the indicator; their text starts on the next line.
            line, column, end_line, end_column = self._block_span(start.line, end.line)
        offset = 1 + self.line_offset
        return (self.path, line + offset, column + 1, end_line + offset, end_column + 1)

    def _block_span(self, start_line: int, end_line: int) -> tuple[int, int, int, int]:
        first = start_line + 1
        while first < len(self.lines) and not self.lines[first].strip():
            first += 1
        last = max(first, end_line - 1)
        while last > first and last < len(self.lines) and not self.lines[last].strip():
            last -= 1
        text = self.lines[first] if first < len(self.lines) else ""
        end_text = self.lines[last] if last < len(self.lines) else ""
        return first, len(text) - len(text.lstrip()), last, len(end_text.rstrip())

    def _at(self, line: int, column: int) -> Span:
        return Span.of(
            self.path,
            line + 1 + self.line_offset,
            column + 1,
            line + 1 + self.line_offset,
            column + 2,
        )

    def _parse_error(self, error: MarkedYAMLError) -> Diagnostic:
        mark = error.problem_mark or error.context_mark
        context = error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        line, column = (mark.line, mark.column) if mark is not None else (0, 0)
        if self._past_end(line, column):
            # "Unexpected end of stream": point at the construct left open (an unclosed quote
            # or bracket) or at the last character of the text, not at an empty line after it.
            if context is not None and not self._past_end(context.line, context.column):
                line, column = context.line, context.column
            else:
                line, column = self._last_character()
        if error.context and error.problem and context is not None:
            where = context.line + 1 + self.line_offset
            at = "" if self._past_end(context.line, context.column) else f" at line {where}"
            problem = f"{problem} ({error.context}{at})"
        # a .json file is read by the YAML parser (JSON is YAML), but its author wrote JSON
        language = "JSON" if self.path.lower().endswith(".json") else "YAML"
        message = f"invalid {language}: {problem}"
        return Diagnostic(code="E001", message=message, span=self._at(line, column))

    def _past_end(self, line: int, column: int) -> bool:
        """Whether only whitespace follows this (0-based) position."""
        rest = self.lines[line][column:] if line < len(self.lines) else ""
        return not rest.strip() and not any(text.strip() for text in self.lines[line + 1 :])

    def _last_character(self) -> tuple[int, int]:
        for line in range(len(self.lines) - 1, -1, -1):
            text = self.lines[line].rstrip()
            if text:
                return line, len(text) - 1
        return 0, 0

    def _unsafe_tag(self, tag: str, where: tuple[Any, ...]) -> None:
        self.diagnostics.append(
            Diagnostic(
                code="E001",
                message=f"unsupported YAML tag '{tag}': okrlint loads plain data only; "
                "the value was ignored",
                span=Span.of(*where),
            )
        )


def _mappings_in(located: Located | None) -> list[dict[str, tuple[Located, Located]]]:
    if located is None:
        return []
    if isinstance(located.value, dict):
        return [located.value]
    if isinstance(located.value, list):
        return [item.value for item in located.value if isinstance(item.value, dict)]
    return []


class _Merge(str):
    """The `<<` key of a merge: a value no scalar of the file can equal."""


_MERGE = _Merge("<<")
_NOTHING = object()


def _scalar(tag: str, text: str) -> Any:
    try:
        if tag == _CORE + "merge":
            return _MERGE
        if tag == _CORE + "null":
            return None
        if tag == _CORE + "bool":
            return text.lower() in ("true", "yes", "on")
        if tag == _CORE + "int":
            return int(text.replace("_", ""), 0)
        if tag == _CORE + "float":
            lowered = text.lower().replace("_", "")
            if lowered in (".inf", "+.inf"):
                return float("inf")
            if lowered == "-.inf":
                return float("-inf")
            if lowered == ".nan":
                return float("nan")
            return float(lowered)
    except ValueError:
        return text
    return text  # str and timestamp stay text; the model parses dates


def load_yaml(text: str, path: str) -> LoadResult:
    """Load a YAML OKR file: a mapping with `objectives`, or a bare list of objectives."""
    reader = YamlReader(path)
    builder = DocumentBuilder(path, "yaml")
    located = reader.load(text)
    if located is None and not reader.diagnostics:
        builder.empty_file(text)
    elif located is None:
        # Not parsed (a syntax error) or not read (an alias bomb, a tag on the root): no
        # document, as for a file that cannot be decoded; `load_document` raises InputError.
        return LoadResult(document=None, diagnostics=reader.diagnostics, source=text)
    else:
        builder.build(located)
        settle_cycle(builder, Found(), [])
    return builder.result(text, reader.diagnostics)
