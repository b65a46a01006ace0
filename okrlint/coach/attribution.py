"""Which objective (and key result) each finding of the report is about.

Findings carry a source range; objectives and key results carry spans. A finding belongs to
the last node that starts at or before it, so a finding on a word inside a key result, or on a
field below it (E002), lands on that key result. Findings on the whole document, or before its
first objective, concern every objective of the file.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from okrlint.findings import Finding
from okrlint.models import OKRDocument, Span


@dataclass(frozen=True)
class Placed:
    finding: Finding
    key_result: int | None  # index under the objective; None: about the objective itself


# (path, index of the objective in its document)
ObjectiveKey = tuple[str, int]


def place(
    findings: Iterable[Finding], documents: Iterable[OKRDocument]
) -> tuple[dict[ObjectiveKey, list[Placed]], list[Finding]]:
    """Findings by objective, and those that belong to no objective (files that did not load)."""
    anchors: dict[str, _Anchors] = {}
    for document in documents:
        anchors[document.path] = _Anchors(document)
    placed: dict[ObjectiveKey, list[Placed]] = {}
    loose: list[Finding] = []
    for finding in findings:
        found = anchors.get(finding.path)
        if found is None or not found.objectives:
            loose.append(finding)
            continue
        start = (finding.range.start.line, finding.range.start.column)
        at = bisect_right(found.positions, start) - 1
        if at < 0 or finding.node.kind == "document":
            for o_index in range(found.objectives):
                placed.setdefault((finding.path, o_index), []).append(Placed(finding, None))
            continue
        o_index, k_index = found.nodes[at]
        if finding.node.kind == "objective":
            k_index = None
        placed.setdefault((finding.path, o_index), []).append(Placed(finding, k_index))
    return placed, loose


class _Anchors:
    """Where each objective and key result of one document starts, in file order."""

    def __init__(self, document: OKRDocument) -> None:
        rows: list[tuple[tuple[int, int], int, int | None]] = []
        for o_index, objective in enumerate(document.objectives):
            if objective.span is not None:
                rows.append((_start(objective.span), o_index, None))
            for k_index, kr in enumerate(objective.key_results):
                if kr.span is not None:
                    rows.append((_start(kr.span), o_index, k_index))
        rows.sort(key=lambda row: row[0])
        self.objectives = len(document.objectives)
        self.positions = [row[0] for row in rows]
        self.nodes = [(row[1], row[2]) for row in rows]


def _start(span: Span) -> tuple[int, int]:
    return (span.start.line, span.start.column)
