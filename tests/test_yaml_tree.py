"""Objective trees in YAML and JSON: `children` holding sub-objectives or key results."""

from __future__ import annotations

from okrlint.loaders import load
from okrlint.models import OKRDocument


def _doc(text: str, name: str = "okrs.yaml") -> OKRDocument:
    result = load(text, name, "yaml")
    assert result.document is not None, result.diagnostics
    return result.document


def _outline(document: OKRDocument) -> list[tuple[str, str | None, list[str]]]:
    return [(o.title, o.parent, [kr.title for kr in o.key_results]) for o in document.objectives]


def test_children_with_key_results_are_sub_objectives_after_their_parent() -> None:
    text = """
objectives:
  - id: o1
    title: Lead the regional market
    children:
      - id: o1.1
        title: Win the cafés
        keyResults: [Sign 12 new café accounts]
      - title: Get into supermarkets
        keyResults: [Pass 3 supplier audits]
"""
    assert _outline(_doc(text)) == [
        ("Lead the regional market", None, []),
        ("Win the cafés", "o1", ["Sign 12 new café accounts"]),
        ("Get into supermarkets", "o1", ["Pass 3 supplier audits"]),
    ]


def test_leaf_children_of_an_objective_without_key_results_are_its_key_results() -> None:
    text = """
goals:
  - title: Grow the newsletter
    children:
      - title: From 2,000 to 10,000 readers
      - Open rate above 45%
"""
    assert _outline(_doc(text)) == [
        ("Grow the newsletter", None, ["From 2,000 to 10,000 readers", "Open rate above 45%"])
    ]


def test_items_beside_key_results_are_tasks_not_sub_objectives() -> None:
    text = """
objectives:
  - title: Grow the newsletter
    key_results: ["From 2,000 to 10,000 readers"]
    items: [Write the welcome series]
"""
    assert _outline(_doc(text)) == [("Grow the newsletter", None, ["From 2,000 to 10,000 readers"])]


def test_typed_nodes_anywhere_are_read_and_their_type_is_not_a_commitment() -> None:
    text = """{"board": {"nodes": [
  {"name": "Dashboards people trust", "type": "objective", "children": [
    {"name": "All revenue dashboards reconcile within 1%", "type": "key_result"},
    {"name": "Self-serve analytics", "type": "objective", "children": [
      {"name": "60% of questions answered without an engineer", "type": "kr"}]}]}]}}"""
    result = load(text, "board.json", "yaml")
    assert not [d for d in result.diagnostics if d.code.startswith("E")]
    assert result.document is not None
    assert [
        (o.title, o.type, [k.title for k in o.key_results]) for o in result.document.objectives
    ] == [
        ("Dashboards people trust", None, ["All revenue dashboards reconcile within 1%"]),
        ("Self-serve analytics", None, ["60% of questions answered without an engineer"]),
    ]


def test_an_untyped_name_children_tree_is_not_okrs() -> None:
    text = (
        '{"menu": {"name": "Home", "children": '
        '[{"name": "Our goals", "children": [{"name": "Team"}]}]}}'
    )
    result = load(text, "menu.json", "yaml")
    assert result.document is not None and result.document.objectives == []
