"""YAML and JSON OKR files whose keys are not okrlint's own.

`Objective`/`KeyResults`/`Metric`, `okr`/`kr`, `goals`/`results`, OKRs nested under projects or
quarters: key names are matched by the synonym lists in corpora/layout/vocabulary.toml and
renamed to okrlint's keys, so the builder validates them and keeps each text's span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from okrlint.loaders.cycles import cycle_heading, find_cycle
from okrlint.loaders.vocabulary import phrase_key, vocabulary, yaml_key

if TYPE_CHECKING:
    from okrlint.loaders.builder import Located, Pairs

_MAX_DEPTH = 32
# A key result's title of at most this many words, beside a description twice as long (and of
# eight words or more), is a name: "Delivery Predictability & Agile Maturity".
_NAME_WORDS = 6


def synonym(pairs: Pairs, role: str, *, text: bool = False) -> str | None:
    """The key of `pairs` that plays `role` (first synonym in order of preference)."""
    by_name = {yaml_key(name): name for name in pairs}
    for word in vocabulary().yaml_keys[role]:
        name = by_name.get(word)
        if name is None:
            continue
        value = pairs[name][1].value
        if not text or isinstance(value, str):
            return name
    return None


def _renamed(pairs: Pairs, name: str | None, canonical: str) -> Pairs:
    if name is None or name == canonical or canonical in pairs:
        return pairs
    return {canonical if key == name else key: pair for key, pair in pairs.items()}


def canonical_objective(pairs: Pairs) -> Pairs:
    """An objective's pairs with its title and key-result keys renamed to okrlint's."""
    pairs = _statement_over_slug(_nested_statement(pairs))
    if not any(name in pairs for name in ("title", "objective", "name")):
        pairs = _renamed(pairs, synonym(pairs, "objective_title", text=True), "title")
    return _renamed(pairs, synonym(pairs, "key_results"), "key_results")


def _nested_statement(pairs: Pairs) -> Pairs:
    """`objective: {title: Grow revenue, owner: Ana}` beside `keyResults: […]` (an OKR tool's
    export): the objective's own fields, brought up beside its key results."""
    for name, inner in pairs.items():
        if yaml_key(name) != "objective" or not isinstance(inner[1].value, dict):
            continue
        fields: Pairs = inner[1].value
        title = "title" if "title" in fields else synonym(fields, "objective_title", text=True)
        if title is None or not isinstance(fields[title][1].value, str):
            return pairs
        lifted = {key: pair for key, pair in fields.items() if key != title and key not in pairs}
        rest = {key: pair for key, pair in pairs.items() if key != name}
        return {"title": fields[title], **lifted, **rest}
    return pairs


def _statement_over_slug(pairs: Pairs) -> Pairs:
    """`title: gcloud-migration` beside `objective: a quality rebuild from …`: the title is an
    identifier (one word, a slug), the sentence is the objective; the slug becomes the id."""
    title = pairs.get("title")
    if title is None or not isinstance(title[1].value, str) or " " in title[1].value.strip():
        return pairs
    statement = next(
        (
            name
            for name in pairs
            if name != "title"
            and yaml_key(name) in ("objective", "statement", "objectivestatement")
            and isinstance(pairs[name][1].value, str)
            and " " in pairs[name][1].value.strip()
        ),
        None,
    )
    if statement is None:
        return pairs
    renamed = {("id" if "id" not in pairs else "slug") if key == "title" else key: pair for key, pair in pairs.items()}
    return {("title" if key == statement else key): pair for key, pair in renamed.items()}


def canonical_key_result(pairs: Pairs) -> Pairs:
    """A key result's pairs with its title key renamed to okrlint's."""
    pairs = _statement_over_name(pairs)
    if any(name in pairs for name in ("title", "description", "kr", "name")):
        return pairs
    return _renamed(pairs, synonym(pairs, "key_result_title", text=True), "title")


def _statement_over_name(pairs: Pairs) -> Pairs:
    """`title: Testing Automation & Quality` beside `description: Increase automated test
    coverage across …`: the title names the key result, the sentence states it, and the
    statement is what an author wants linted (a name has no number to check). The name is
    kept under `name`."""
    title, description = pairs.get("title"), pairs.get("description")
    if title is None or description is None:
        return pairs
    name, statement = title[1].value, description[1].value
    if not isinstance(name, str) or not isinstance(statement, str):
        return pairs
    name_words, statement_words = len(name.split()), len(statement.split())
    if name_words > _NAME_WORDS or name.rstrip().endswith(".") or statement_words < 2 * max(name_words, 4):
        return pairs
    renamed = {key: pair for key, pair in pairs.items() if key not in ("title", "description", "name")}
    return {"title": description, "name": title, **renamed}


def objective_nodes(root: Located) -> list[tuple[Located, str | None]]:
    """Mappings anywhere in the file that look like an objective (a title and a list of key
    results), each with the cycle named by the keys above it ("Q4:", "2024-Q1:")."""
    return list(_walk(root, None, 0))


def _walk(node: Located, cycle: str | None, depth: int) -> Iterator[tuple[Located, str | None]]:
    if depth > _MAX_DEPTH:
        return
    value = node.value
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, cycle, depth + 1)
    elif isinstance(value, dict):
        if _is_objective(value):
            yield node, cycle
            return
        if cycle is not None and (titled := titled_objectives(value)):
            for objective in titled:  # "Q1 2026:" over "Grow revenue: [KR, KR]"
                yield objective, cycle
            return
        # A board or plan named for its cycle ("name: Data team 2026-H1") over its objectives,
        # or stating it beside them ("quarter: 2026-Q3").
        title = synonym(value, "objective_title", text=True)
        cycle = (find_cycle(value[title][1].value) if title else None) or _stated_cycle(value) or cycle
        for name, (_key, child) in value.items():
            # "objetivos_q3", "okrs-2026-q1": a cycle inside a key named with underscores
            named = find_cycle(str(name)) or find_cycle(re.sub(r"[_-]+", " ", str(name)))
            yield from _walk(child, named or cycle, depth + 1)


def _stated_cycle(pairs: Pairs) -> str | None:
    """The cycle a mapping states under a cycle key ("quarter: 2026-Q3", "cycle: H1 2026")."""
    keys = vocabulary().cycle_keys
    for name, (_key, value) in pairs.items():
        if phrase_key(str(name)) in keys and isinstance(value.value, str):
            return find_cycle(value.value) or cycle_heading(value.value)
    return None


def titled_objectives(pairs: Pairs) -> list[Located]:
    """Objectives written as keys, each over its key results: `Grow revenue: [KR, KR]` or
    `Grow revenue: {owner: Ana, key_results: [...]}`, under `objectives:` or under a cycle key
    (`Q1 2026:`). None unless every key is a title of two words or more that names no cycle
    (a map of settings, `loss: [mse, mae]`, is never read as one) and no list item is itself
    an objective (`Marketing team: [{title: …, key_results: …}]` groups objectives, read by
    their own keys)."""
    from okrlint.loaders.builder import Located  # the builder imports this module

    found = []
    for key, value in pairs.values():
        name = key.value
        if not isinstance(name, str) or len(name.split()) < 2 or find_cycle(name):
            return []
        if isinstance(value.value, list) and value.value and all(
            isinstance(item.value, str) or (isinstance(item.value, dict) and not _names_an_objective(item.value))
            for item in value.value
        ):
            body: Pairs = {"title": (key, key), "key_results": (key, value)}
        elif isinstance(value.value, dict) and synonym(value.value, "key_results") is not None:
            if synonym(value.value, "objective_title", text=True) is not None:
                return []  # a title of its own: the key is an id or a slug, read elsewhere
            body = {"title": (key, key), **value.value}
        else:
            return []
        found.append(Located(body, key.span))
    return found


def _names_an_objective(pairs: Pairs) -> bool:
    return _is_objective(pairs) or synonym(pairs, "key_results") is not None


def _is_objective(pairs: Pairs) -> bool:
    from okrlint.loaders.yaml_tree import is_typed_objective  # the tree module reads synonyms

    pairs = _nested_statement(pairs)
    title = synonym(pairs, "objective_title", text=True)
    if title is None:
        return False
    results = synonym(pairs, "key_results")
    if results is not None and isinstance(pairs[results][1].value, list):
        return True
    return is_typed_objective(pairs)  # {"type": "objective", "children": [...]}
