"""Objective trees in YAML and JSON: nodes whose `children` (or `subobjectives`, `items`…)
hold sub-objectives or key results.

Which one a child is comes from, in order: its own `type` (or `kind`, `nodeType`) naming an
objective or a key result; having key results or children itself (an objective); its
siblings (a leaf beside sub-objectives is one too); and its parent (a parent that already
lists key results has sub-objectives as children; one that lists none has its key results
there). A node's `type: objective` is the tree's and is dropped before validation, where
`type` means committed or aspirational.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from okrlint.loaders.item_kind import KEY_RESULT, OBJECTIVE, item_kind
from okrlint.loaders.vocabulary import yaml_key
from okrlint.loaders.yaml_keys import synonym

if TYPE_CHECKING:
    from okrlint.loaders.builder import Located, Pairs

_KIND_KEYS = ("type", "kind", "nodetype", "itemtype", "category", "level")
# Children lists named this generically beside key results hold tasks, not sub-objectives.
_GENERIC = ("items", "subitems", "entries")


@dataclass
class Split:
    """A node's own pairs, and the children it names, sorted into their kinds."""

    pairs: Pairs
    objectives: list[Located] = field(default_factory=list)
    key_results: list[Located] = field(default_factory=list)


def node_kind(pairs: Pairs) -> str | None:
    """The kind a node's own type key names ("type: key_result"), if any."""
    by_name = {yaml_key(name): name for name in pairs}
    for key in _KIND_KEYS:
        if key in by_name and (kind := item_kind(pairs[by_name[key]][1].value)):
            return kind
    return None


def without_kind(pairs: Pairs) -> Pairs:
    """The pairs without the key that names the node's kind."""
    for name, (_key, value) in pairs.items():
        if yaml_key(name) in _KIND_KEYS and item_kind(value.value):
            return {k: v for k, v in pairs.items() if k != name}
    return pairs


def split_children(pairs: Pairs, has_key_results: bool) -> Split:
    """Take a node's children out of its pairs, as sub-objectives and key results."""
    name = synonym(pairs, "children")
    if name is None or not isinstance(pairs[name][1].value, list):
        return Split(without_kind(pairs))
    if has_key_results and yaml_key(name) in _GENERIC:
        return Split(without_kind(pairs))  # "items" beside key results: tasks
    children = pairs[name][1].value
    rest = without_kind({k: v for k, v in pairs.items() if k != name})
    kinds = [_declared(child) for child in children]
    leaf_kind = OBJECTIVE if has_key_results or OBJECTIVE in kinds else KEY_RESULT
    split = Split(rest)
    for child, kind in zip(children, kinds, strict=True):
        if (kind or leaf_kind) == OBJECTIVE:
            split.objectives.append(child)
        else:
            split.key_results.append(child)
    return split


def _declared(child: Located) -> str | None:
    """A child's kind from itself: its type key, or its own key results or children."""
    if not isinstance(child.value, dict):
        return None
    pairs = child.value
    if kind := node_kind(pairs):
        return kind
    if synonym(pairs, "key_results") or synonym(pairs, "children"):
        return OBJECTIVE
    return None


def is_typed_objective(pairs: Pairs) -> bool:
    """A node that says it is an objective and has children: the root of a typed tree."""
    name = synonym(pairs, "children")
    return (
        name is not None
        and isinstance(pairs[name][1].value, list)
        and node_kind(pairs) == OBJECTIVE
    )
