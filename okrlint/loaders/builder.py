"""Builds validated models from located data.

Every invalid field becomes an E002 diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

if TYPE_CHECKING:
    from okrlint.loaders.found import Found

from okrlint.loaders.language_guess import guess_language
from okrlint.loaders.yaml_keys import (
    canonical_key_result,
    canonical_objective,
    objective_nodes,
    synonym,
    titled_objectives,
)
from okrlint.loaders.yaml_tree import split_children, without_kind
from okrlint.models import (
    MAX_TEXT_CHARS,
    CheckIn,
    Diagnostic,
    KeyResult,
    LoadResult,
    Objective,
    OKRDocument,
    Scoring,
    Span,
)

M = TypeVar("M", bound=BaseModel)
Pairs = dict[str, tuple["Located", "Located"]]

_TITLE_KEYS = {
    Objective: ("title", "objective", "name"),
    KeyResult: ("title", "description", "kr", "name"),
}
_DOCUMENT_FIELDS = ("cycle", "owner", "scope", "scoring")
# Document attributes okrlint sets itself; a file's keys of these names are left unread.
_RESERVED = frozenset({"span", "path", "format", "objectives", "cycle_source"})


class Located:
    """A parsed value with the span of its text; mappings hold (key, value) pairs by key.

    The span is built when first asked for: most values of a file (keys, unknown fields)
    never need one, and a pydantic Span costs more than the rest of reading the value.
    """

    __slots__ = ("value", "_span", "_where")

    def __init__(
        self, value: Any, span: Span | None = None, *, where: tuple[Any, ...] | None = None
    ) -> None:
        self.value = value
        self._span = span
        self._where = where  # (path, line, column, end line, end column), 1-based

    @property
    def span(self) -> Span:
        if self._span is None:
            assert self._where is not None
            self._span = Span.of(*self._where)
        return self._span

    def __repr__(self) -> str:
        return f"Located({self.value!r})"


def plain(located: Located) -> Any:
    """Strip spans: the Python value the model validates."""
    value = located.value
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(pair[1]) for key, pair in value.items()}
    return value


class DocumentBuilder:
    """Collects a document's objectives and the problems met while validating them."""

    def __init__(self, path: str, fmt: str) -> None:
        self.path = path
        self.format = fmt
        self.diagnostics: list[Diagnostic] = []
        self.fields: dict[str, Any] = {}
        self._field_spans: dict[str, Located] = {}
        self.objectives: list[Objective] = []

    # -- entry points -------------------------------------------------------------------------
    def build(self, root: Located) -> None:
        if isinstance(root.value, list):
            self.add_objectives(root)
            return
        if not isinstance(root.value, dict):
            self.problem(
                "E002",
                "expected a mapping with an 'objectives' list, or a list of objectives",
                root.span,
            )
            return
        pairs: Pairs = root.value
        key = "objectives" if "objectives" in pairs else synonym(pairs, "objectives")
        if key not in (None, "objectives") and not isinstance(pairs[key][1].value, list):
            key = None  # "okr: {Q4: …}": OKRs nested below, found by their own keys
        self.document_fields(pairs, skip=key)
        if key is not None:
            self.add_objectives(pairs[key][1])
            return
        found = objective_nodes(root)
        if not found:
            self.problem("E002", "no 'objectives' list: this file holds no OKRs", _first(root.span))
            return
        for node, cycle in found:
            self.add_tree(node, cycle)

    def document_fields(self, pairs: Pairs, skip: str | None = "objectives") -> None:
        for name, (_key, value) in pairs.items():
            if name == skip or name in _RESERVED:
                continue  # an unknown key to the author ("span: 5"), okrlint's own to the model
            self.fields[name] = plain(value)
            self._field_spans[name] = value
            if name in _DOCUMENT_FIELDS:
                self._check_document_field(name, value)

    def empty_file(self, text: str) -> None:
        what = "file is empty" if not text.strip() else "file holds no YAML document"
        self.problem("E001", f"{what}: expected OKRs", Span.of(self.path, 1, 1, 1, 1))

    def add_objectives(self, node: Located) -> None:
        if isinstance(node.value, dict) and (titled := titled_objectives(node.value)):
            for objective in titled:  # "objectives: {Grow revenue: [KR, KR]}"
                self.add_tree(objective)
            return
        if not isinstance(node.value, list):
            self.problem("E002", "'objectives' must be a list of objectives", node.span)
            return
        for item in node.value:
            grouped = isinstance(item.value, dict) and synonym(item.value, "objective_title", text=True) is None
            if grouped and (nested := objective_nodes(item)) and nested[0][0] is not item:
                # "okrs: [{quarter: 2026-Q3, objectives: […]}]": a group of objectives, each
                # read by its own keys, with the cycle the group states
                for objective, cycle in nested:
                    self.add_tree(objective, cycle)
                continue
            self.add_tree(item)

    def add_tree(
        self, item: Located, cycle: str | None = None, parent: Objective | None = None
    ) -> None:
        """An objective, then the sub-objectives of its tree, in file order; a child knows its
        parent by id and shares its cycle."""
        objective, children = self._objective_and_children(item)
        if objective is None:
            return
        objective.cycle = objective.cycle or cycle
        if parent is not None and objective.parent is None and parent.id is not None:
            objective.parent = parent.id
        self.objectives.append(objective)
        for child in children:
            self.add_tree(child, objective.cycle, objective)

    # -- nodes --------------------------------------------------------------------------------
    def objective(self, item: Located) -> Objective | None:
        return self._objective_and_children(item)[0]

    def _objective_and_children(self, item: Located) -> tuple[Objective | None, list[Located]]:
        if not isinstance(item.value, dict):
            title = self._title_text(item, "objective")
            return (None if title is None else Objective(title=title, span=item.span)), []
        pairs = canonical_objective(dict(item.value))
        krs = pairs.pop("key_results", None)
        tree = split_children(pairs, krs is not None)
        objective = self.validated(Objective, tree.pairs, item.span, "objective")
        if objective is None:
            return None, []
        if krs is not None:
            objective.key_results = self.key_results(krs[1])
        if tree.key_results:
            objective.key_results += self.key_results(Located(tree.key_results, item.span))
        return objective, tree.objectives

    def key_results(self, node: Located) -> list[KeyResult]:
        if not isinstance(node.value, list):
            self.problem("E002", "'key_results' must be a list", node.span)
            return []
        results = []
        for item in node.value:
            if not isinstance(item.value, dict):
                title = self._title_text(item, "key result")
                if title is not None:
                    results.append(KeyResult(title=title, span=item.span))
                continue
            pairs = without_kind(canonical_key_result(dict(item.value)))
            if _empty_title(pairs):
                continue  # `- Metric: ""`: a slot left empty, not a key result
            check_ins = pairs.pop("check_ins", None)
            kr = self.validated(KeyResult, pairs, item.span, "key result")
            if kr is None:
                continue
            if check_ins is not None:
                kr.check_ins = self.check_ins(check_ins[1])
            results.append(kr)
        return results

    def check_ins(self, node: Located) -> list[CheckIn]:
        if not isinstance(node.value, list):
            self.problem("E002", "'check_ins' must be a list", node.span)
            return []
        found = []
        for item in node.value:
            if not isinstance(item.value, dict):
                self.problem(
                    "E002", "a check-in must be a mapping with 'date' and 'value'", item.span
                )
                continue
            check_in = self.validated(CheckIn, dict(item.value), item.span, "check-in")
            if check_in is not None:
                found.append(check_in)
        return found

    # -- validation ---------------------------------------------------------------------------
    def validated(self, model: type[M], pairs: Pairs, span: Span, what: str) -> M | None:
        """Validate, dropping each invalid field with a located E002 instead of failing."""
        data = {key: plain(value) for key, (_k, value) in pairs.items()}
        owner = data.get("owner")
        if isinstance(owner, dict):
            # an OKR tool's export: `owner: {name: Keisha Marsh, type: user}`
            named = next((owner[k] for k in _OWNER_NAME_KEYS if isinstance(owner.get(k), str)), None)
            if named:
                data["owner"] = named
        title_keys = _TITLE_KEYS.get(model, ())
        title_key = next((key for key in title_keys if key in data), None)
        node_span = pairs[title_key][1].span if title_key else _first(span)
        dropped: set[str] = set()  # invalid fields, already reported
        for _attempt in range(len(data) + 2):
            try:
                return model.model_validate({**data, "span": node_span})
            except ValidationError as error:
                for problem in error.errors():
                    key = str(problem["loc"][0]) if problem["loc"] else ""
                    if key in dropped and problem["type"] != "missing":
                        continue  # a union type ("number or text") fails once per member
                    if key in data:
                        self.problem("E002", _field_message(key, problem), pairs[key][1].span)
                        del data[key]
                        dropped.add(key)
                    elif problem["type"] == "missing":
                        aliases = title_keys if key == "title" else (key,)
                        if not dropped.intersection(aliases):  # one finding per problem
                            self.problem("E002", f"{what} has no '{key}'", _first(span))
                        if key != "title":
                            return None
                        data[key] = ""  # keep the node (and its children) with an empty title
                    else:  # nothing we can drop: give up on the node with one message
                        self.problem("E002", f"invalid {what}: {problem['msg']}", _first(span))
                        return None
        return None

    def _check_document_field(self, name: str, value: Located) -> None:
        try:
            OKRDocument.model_validate(
                {"path": self.path, "format": self.format, name: plain(value)}
            )
        except ValidationError as error:
            self.problem("E002", _field_message(name, error.errors()[0]), value.span)
            del self.fields[name]

    def _title_text(self, item: Located, what: str) -> str | None:
        if isinstance(item.value, str):
            return item.value
        if isinstance(item.value, int | float) and not isinstance(item.value, bool):
            return str(item.value)
        article = "an" if what[0] in "aeiou" else "a"
        self.problem(
            "E002", f"{article} {what} must be text or a mapping with a 'title'", item.span
        )
        return None

    def problem(self, code: str, message: str, span: Span) -> None:
        self.diagnostics.append(Diagnostic(code=code, message=message, span=span))

    # -- result -------------------------------------------------------------------------------
    def result(
        self, source: str, extra: list[Diagnostic] | None = None, layout: Found | None = None
    ) -> LoadResult:
        document = self._document()
        if document.language is None:
            document.language = guess_language(_titles(self.objectives))
        self._check_scores(document)
        self._check_lengths(document)
        shape = None if layout is None else "labelled" if layout.labelled else "plain"
        return LoadResult(
            document=document,
            diagnostics=[*(extra or []), *self.diagnostics],
            source=source,
            layout=shape,
        )

    def _document(self) -> OKRDocument:
        """The document, each field the model refuses ("language: 5") dropped with an E002."""
        fields = dict(self.fields)
        for _attempt in range(len(fields) + 1):
            try:
                return OKRDocument.model_validate(
                    {
                        **fields,
                        "path": self.path,
                        "format": self.format,
                        "objectives": self.objectives,
                    }
                )
            except ValidationError as error:
                problem = error.errors()[0]
                key = str(problem["loc"][0]) if problem["loc"] else ""
                if key not in fields:
                    raise
                where = self._field_spans.get(key)
                span = where.span if where is not None else Span.of(self.path, 1, 1, 1, 2)
                self.problem("E002", _field_message(key, problem), span)
                del fields[key]
        raise AssertionError("unreachable: every field was dropped")

    def _check_lengths(self, document: OKRDocument) -> None:
        """Texts too long to analyse are reported here and left unread by the rules."""
        for node in _nodes(document):
            if len(node.title) > MAX_TEXT_CHARS and node.span is not None:
                what = "objective" if isinstance(node, Objective) else "key result"
                self.problem(
                    "E002",
                    f"{what} is {len(node.title):,} characters long, over the"
                    f" {MAX_TEXT_CHARS:,} okrlint reads; its wording was not checked",
                    node.span,
                )

    def _check_scores(self, document: OKRDocument) -> None:
        limit = 100.0 if document.scoring == Scoring.PERCENT else 1.0
        scale = "percent (0-100)" if limit == 100 else "fraction (0-1)"
        for _objective, kr in document.key_results():
            if kr.score is not None and kr.score > limit and kr.span is not None:
                hint = "" if document.scoring else "; set 'scoring: percent' for a 0-100 scale"
                self.problem(
                    "E002", f"score {kr.score:g} is out of range for {scale} scoring{hint}", kr.span
                )


# The keys of an owner given as a record, the first found naming the owner.
_OWNER_NAME_KEYS = ("name", "displayName", "display_name", "fullName", "login", "email")


def _nodes(document: OKRDocument) -> Iterator[Objective | KeyResult]:
    for objective in document.objectives:
        yield objective
        yield from objective.key_results


def _empty_title(pairs: Pairs) -> bool:
    title = pairs.get("title")
    others = set(pairs) - {"title"}
    return title is not None and title[1].value in ("", None) and not others


def _titles(objectives: list[Objective]) -> Iterator[str]:
    for objective in objectives:
        yield objective.title
        for kr in objective.key_results:
            yield kr.title


def _first(span: Span) -> Span:
    """The first character of a span: where a message about a whole mapping points."""
    return Span.of(
        span.path, span.start.line, span.start.column, span.start.line, span.start.column + 1
    )


def _field_message(key: str, problem: Mapping[str, Any]) -> str:
    message = str(problem["msg"]).removeprefix("Value error, ")
    message = message[0].lower() + message[1:] if message else message
    value = problem.get("input")
    shown = f": got {value!r}" if isinstance(value, str | int | float | bool) else ""
    return f"invalid '{key}': {message}{shown}"
