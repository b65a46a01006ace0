"""The loaders' real-file benchmark scores what its docstring says: a node counts only on a line
the truth allows and with words that agree, so its figures cannot be raised by reading the
right line with the wrong words."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_files", REPO / "benchmarks" / "real_files.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Its dataclasses look their module up by name.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


FILE = [
    "## O1: Ship the booking app",
    "**Objective**: Make booking a room take under a minute for every student",
    "- KR1: Median booking time under 60 s",
]
TRUTH = {"line": 1, "alt_lines": [2], "text": "Ship the booking app"}


def test_an_objective_reported_on_its_second_statement_line_matches() -> None:
    bench = _benchmark()
    node = bench._true_node(TRUTH, FILE)
    tally = bench._match([({2}, "Make booking a room take under a minute for every student")], [node])
    assert (tally.matched_reported, tally.matched_true) == (1, 1)


def test_the_right_line_with_the_wrong_words_does_not_match() -> None:
    bench = _benchmark()
    node = bench._true_node(TRUTH, FILE)
    tally = bench._match([({2}, "Median booking time under 60 s")], [node])
    assert (tally.matched_reported, tally.matched_true) == (0, 0)


def test_a_line_the_truth_does_not_allow_does_not_match() -> None:
    bench = _benchmark()
    node = bench._true_node(TRUTH, FILE)
    tally = bench._match([({3}, "Ship the booking app")], [node])
    assert tally.precision == 0.0 and tally.recall == 0.0
