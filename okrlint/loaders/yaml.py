"""YAML loader.

Composes the node graph (never constructs objects) so every scalar keeps its span.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from okrlint.loaders.assemble import Found
from okrlint.loaders.builder import DocumentBuilder, Located
from okrlint.loaders.document_cycle import settle_cycle
from okrlint.models import Diagnostic, LoadResult, Span

# Aliases let a tiny file describe an exponentially large tree ("billion laughs"); the walk
# stops after this many nodes instead of expanding it.
MAX_NODES = 50_000
MAX_DEPTH = 64

_CORE = "tag:yaml.org,2002:"
_SAFE_TAGS = {
    _CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge")
}


class _TooLarge(Exception):
    pass


class YamlReader:
    """Turns a composed ruamel node graph into `Located` values, bounded and tag-safe."""

    def __init__(self, path: str, line_offset: int = 0) -> None:
        self.path = path
        self.lines: list[str] = []
        self.line_offset = line_offset
        self.diagnostics: list[Diagnostic] = []
        self._visited = 0

    def compose(self, text: str) -> Node | None:
        # The "safe" composer uses libyaml (ruamel.yaml.clib) when present: 10x faster, same marks.
        self.lines = text.split("\n")
        try:
            too_deep = self._too_deep(text)
            if too_deep is not None:
                self.diagnostics.append(too_deep)
                return None
            return YAML(typ="safe").compose(text)
        except MarkedYAMLError as error:
            self.diagnostics.append(self._parse_error(error))
        except YAMLError as error:  # unmarked errors are rare; report them at the top
            self.diagnostics.append(
                Diagnostic(code="E001", message=f"invalid YAML: {error}", span=self._at(0, 0))
            )
        return None

    def _too_deep(self, text: str) -> Diagnostic | None:
        """Check nesting on the event stream first: libyaml's composer recurses in C once per
        level and crashes the process (not an exception) past ~20,000 nested brackets."""
        depth = 0
        for event in YAML(typ="safe").parse(text):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    return Diagnostic(
                        code="E001",
                        message=f"YAML nests more than {MAX_DEPTH} levels; the file was not read",
                        span=self._at(mark.line, mark.column),
                    )
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
        return None

    def read(self, node: Node) -> Located | None:
        try:
            return self._read(node, 0)
        except _TooLarge:
            self.diagnostics.append(
                Diagnostic(
                    code="E001",
                    message=f"YAML expands to more than {MAX_NODES:,} nodes or {MAX_DEPTH} levels "
                    "(an alias bomb?); the file was not read",
                    span=self._at(node.start_mark.line, node.start_mark.column),
                )
            )
            return None

    def span(self, node: Node) -> Span:
        start, end = node.start_mark, node.end_mark
        line, column, end_line, end_column = start.line, start.column, end.line, end.column
        style = getattr(node, "style", None)
        if isinstance(node, ScalarNode) and style in ('"', "'") and line == end_line:
            column, end_column = column + 1, end_column - 1  # point inside the quotes
        elif isinstance(node, ScalarNode) and style in ("|", ">") and node.value.strip():
            # Block scalars start at the indicator; their text starts on the next line.
            line, column, end_line, end_column = self._block_span(node)
        return Span.of(
            self.path,
            line + 1 + self.line_offset,
            column + 1,
            end_line + 1 + self.line_offset,
            end_column + 1,
        )

    def _block_span(self, node: ScalarNode) -> tuple[int, int, int, int]:
        first = node.start_mark.line + 1
        while first < len(self.lines) and not self.lines[first].strip():
            first += 1
        last = max(first, node.end_mark.line - 1)
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
        message = f"invalid YAML: {problem}"
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

    def _read(self, node: Node, depth: int) -> Located | None:
        self._visited += 1
        if self._visited > MAX_NODES or depth > MAX_DEPTH:
            raise _TooLarge
        if node.tag not in _SAFE_TAGS:
            # python/object tags and local tags (!foo) would build objects: skip the value.
            return self._unsafe_tag(node)
        span = self.span(node)
        if isinstance(node, ScalarNode):
            return Located(_scalar(node), span)
        if isinstance(node, SequenceNode):
            items = [self._read(child, depth + 1) for child in node.value]
            return Located([item for item in items if item is not None], span)
        if isinstance(node, MappingNode):
            return Located(self._mapping(node, depth), span)
        return None

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, tuple[Located, Located]]:
        result: dict[str, tuple[Located, Located]] = {}
        merged: dict[str, tuple[Located, Located]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _CORE + "merge":
                source = self._read(value_node, depth + 1)
                for mapping in _mappings_in(source):
                    for key, pair in mapping.items():
                        merged.setdefault(key, pair)
                continue
            key = self._read(key_node, depth + 1)
            value = self._read(value_node, depth + 1)
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

    def _unsafe_tag(self, node: Node) -> None:
        self.diagnostics.append(
            Diagnostic(
                code="E001",
                message=f"unsupported YAML tag '{node.tag}': okrlint loads plain data only; "
                "the value was ignored",
                span=self.span(node),
            )
        )
        return None


def _mappings_in(located: Located | None) -> list[dict[str, tuple[Located, Located]]]:
    if located is None:
        return []
    if isinstance(located.value, dict):
        return [located.value]
    if isinstance(located.value, list):
        return [item.value for item in located.value if isinstance(item.value, dict)]
    return []


def _scalar(node: ScalarNode) -> Any:
    tag, text = node.tag, node.value
    try:
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
    root = reader.compose(text)
    located = reader.read(root) if root is not None else None
    if root is None and not reader.diagnostics:
        builder.empty_file(text)
    elif located is None:
        # Not parsed (a syntax error) or not read (an alias bomb, a tag on the root): no
        # document, as for a file that cannot be decoded; `load_document` raises InputError.
        return LoadResult(document=None, diagnostics=reader.diagnostics, source=text)
    else:
        builder.build(located)
        settle_cycle(builder, Found(), [])
    return builder.result(text, reader.diagnostics)
