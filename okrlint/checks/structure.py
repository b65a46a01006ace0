"""Check kinds for input problems and focus: counts, lengths, duplicates."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from okrlint.checks.base import Context, Hit
from okrlint.findings import Severity
from okrlint.models import KeyResult, LoadResult, Objective, OKRDocument


# -- input -----------------------------------------------------------------------------------
def input_diagnostic(result: LoadResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Problems the loader met (parse errors, invalid fields), one hit each."""
    for diagnostic in result.diagnostics:
        if diagnostic.code == params["code"]:
            detail = diagnostic.message[:1].upper() + diagnostic.message[1:]
            yield Hit(None, {"detail": detail}, span=diagnostic.span)


_POSITIONAL_ID = re.compile(r"^(?:KR|K)[\s_-]*\d+$", re.IGNORECASE)


def duplicate_id(document: OKRDocument, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Objective ids must be unique in a file; KR ids too, except positional ones (KR1, KR2…)
    which only need to be unique under their objective."""
    seen: dict[str, Objective | KeyResult] = {}
    for objective in document.objectives:
        if objective.id:
            yield from _repeat(seen, f"objective:{objective.id}", objective, objective.id)
        local: dict[str, Objective | KeyResult] = {}
        for kr in objective.key_results:
            if not kr.id:
                continue
            table = local if _POSITIONAL_ID.match(kr.id) else seen
            yield from _repeat(table, f"kr:{kr.id}", kr, kr.id)


def _repeat(
    seen: dict[str, Objective | KeyResult], key: str, node: Objective | KeyResult, ident: str
) -> Iterator[Hit]:
    first = seen.setdefault(key, node)
    if first is not node:
        line = first.span.start.line if first.span else 0
        yield Hit(node, {"id": ident, "first_line": line})


# -- focus -----------------------------------------------------------------------------------
def objective_count(
    documents: list[OKRDocument], params: dict[str, Any], ctx: Context
) -> Iterator[Hit]:
    """Too many objectives for one owner and cycle, whether in one file or split over several."""
    limit = int(params["max-objectives"])
    for plan in _plans(documents):
        if len(plan.objectives) > limit:
            yield Hit(
                plan.objectives[limit],
                {"count": len(plan.objectives), "max": limit, **plan.names()},
            )


def key_result_count(objective: Objective, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Too many (max-key-results) or too few (min-key-results) key results under an objective."""
    count = len(objective.key_results)
    if "max-key-results" in params and count > int(params["max-key-results"]):
        yield Hit(objective, {"count": count, "max": params["max-key-results"]})
    if "min-key-results" in params and count < int(params["min-key-results"]):
        # No key result at all means nothing can tell whether the objective was reached.
        severity = Severity.ERROR if count == 0 else None
        phrase = "no key results" if count == 0 else f"only {count} key result" + "s" * (count > 1)
        yield Hit(
            objective,
            {"count": count, "count_phrase": phrase, "min": params["min-key-results"]},
            severity=severity,
        )


def document_key_result_count(
    documents: list[OKRDocument], params: dict[str, Any], ctx: Context
) -> Iterator[Hit]:
    """Too many key results in total for one owner and cycle."""
    limit = int(params["max-key-results-total"])
    for plan in _plans(documents):
        krs = [kr for objective in plan.objectives for kr in objective.key_results]
        if len(krs) > limit:
            yield Hit(krs[limit], {"count": len(krs), "max": limit, **plan.names()})


@dataclass
class _Plan:
    """One owner's objectives for one cycle, from one file or several."""

    owner: str | None
    cycle: str | None
    objectives: list[Objective] = field(default_factory=list)
    paths: set[str] = field(default_factory=set)

    def names(self) -> dict[str, str]:
        who = self.owner or "this file"
        when = f" in {self.cycle}" if self.cycle else ""
        files = f" ({len(self.paths)} files)" if len(self.paths) > 1 else ""
        return {"owner": who, "cycle": self.cycle or "", "owner_cycle": who + when + files}


def _plans(documents: list[OKRDocument]) -> list[_Plan]:
    """One owner's plan for one cycle: files sharing both are counted together (a team may
    keep one file per objective); a file that holds several cycles ("## 2019 Q1", "## 2019
    Q2") is one plan per cycle; a file without owner or cycle is a plan of its own."""
    groups: dict[Any, _Plan] = {}
    for document in sorted(documents, key=lambda d: d.path):
        for objective in document.objectives:
            cycle = document.cycle_of(objective)
            if document.owner and cycle:
                key: Any = (document.owner.strip().lower(), cycle.strip().lower())
            else:
                key = (id(document), (cycle or "").strip().lower())
            plan = groups.setdefault(key, _Plan(document.owner, cycle))
            plan.objectives.append(objective)
            plan.paths.add(document.path)
    return list(groups.values())


def text_length(node: Objective | KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Text longer than max-*-chars characters or max-*-words words."""
    max_chars = int(next(v for k, v in params.items() if k.endswith("-chars")))
    max_words = int(next(v for k, v in params.items() if k.endswith("-words")))
    words = len(ctx.analyzer(node.title).words)
    chars = len(node.title)
    if chars > max_chars or words > max_words:
        yield Hit(
            node, {"chars": chars, "words": words, "max_chars": max_chars, "max_words": max_words}
        )


def contains_measure(
    node: Objective | KeyResult, params: dict[str, Any], ctx: Context
) -> Iterator[Hit]:
    """The text carries numbers used as measures (years, quarters, versions and ranks excepted)."""
    quantities = [
        q for q in ctx.analyzer(node.title).measurement.quantities if not _names_a_release(node.title, q)
    ]
    if quantities:
        yield Hit(node, {"numbers": ", ".join(dict.fromkeys(q.text for q in quantities))})


# "Ship a 2.0 that people can upgrade to", "Make the 3.1 release boring": a release's number.
_RELEASE_BEFORE = re.compile(r"\b(?:a|an|the|our|its|version|release|ship|launch)\s+$", re.IGNORECASE)
_RELEASE_NUMBER = re.compile(r"\d{1,3}\.\d{1,3}(?:\.\d{1,3})?")


def _names_a_release(title: str, quantity: Any) -> bool:
    """A bare version number ("2.0", "3.1.4") after an article or a release word."""
    return (
        quantity.unit is None
        and quantity.currency is None
        and _RELEASE_NUMBER.fullmatch(quantity.text) is not None
        and _RELEASE_BEFORE.search(title[: quantity.start]) is not None
    )


def duplicate_key_result(
    document: OKRDocument, params: dict[str, Any], ctx: Context
) -> Iterator[Hit]:
    """The same or nearly the same key result twice in one document.

    Near-duplicates must agree on every number: "NPS from 30 to 40" and "NPS from 40 to 50"
    are two steps, not a copy.
    """
    threshold = float(params["similarity"])
    groups: dict[tuple[str, ...], _Earlier] = {}  # by their numbers
    for _objective, kr in document.key_results():
        analysis = ctx.analyzer(kr.title)
        words = [w.text for w in analysis.words]
        if not words:
            continue
        normal = " ".join(words)
        numbers = tuple(q.text for q in analysis.measurement.quantities)
        group = groups.setdefault(numbers, _Earlier())
        match = group.first_similar(normal, threshold)
        if match is None:
            group.add(kr, normal)
        else:
            first, ratio = match
            line = first.span.start.line if first.span else 0
            yield Hit(kr, {"first_line": line, "similarity": round(ratio * 100)})


# Up to this many earlier key results (with the same numbers) are each compared with a new
# one, as difflib would. Past it, only its neighbours in two sorted orders are: by text and by
# reversed text. A near-copy differs in a few characters, so it shares a long start or a
# long end with the original and sorts next to it in one of the orders; a file of thousands
# of key results is then not compared pair by pair.
_COMPARE_ALL = 200
_NEIGHBOURS = 6


class _Earlier:
    """The distinct key results met so far that share one tuple of numbers."""

    def __init__(self) -> None:
        self.items: list[tuple[KeyResult, str]] = []
        # Each item's matcher indexes its text once, and only when something is compared with
        # it: most key results share their numbers with no other and are never compared.
        self.matchers: dict[int, SequenceMatcher[str]] = {}
        self.by_start: list[tuple[str, int]] = []  # (text, index), sorted
        self.by_end: list[tuple[str, int]] = []  # (reversed text, index), sorted

    def add(self, kr: KeyResult, normal: str) -> None:
        index = len(self.items)
        self.items.append((kr, normal))
        insort(self.by_start, (normal, index))
        insort(self.by_end, (normal[::-1], index))

    def first_similar(self, normal: str, threshold: float) -> tuple[KeyResult, float] | None:
        """The earliest item at least `threshold` similar to `normal`, and its similarity."""
        for index in self._candidates(normal):
            first, first_normal = self.items[index]
            total = len(normal) + len(first_normal)
            if 2 * min(len(normal), len(first_normal)) < threshold * total:
                continue  # no alignment of texts this different in length can reach it
            matcher = self.matchers.get(index)
            if matcher is None:
                matcher = self.matchers[index] = SequenceMatcher(None, "", first_normal)
            matcher.set_seq1(normal)  # the matcher keeps its index of the earlier text
            if matcher.quick_ratio() < threshold:
                continue
            ratio = matcher.ratio()
            if ratio >= threshold:
                return first, ratio
        return None

    def _candidates(self, normal: str) -> list[int]:
        if len(self.items) <= _COMPARE_ALL:
            return list(range(len(self.items)))
        found: set[int] = set()
        for keys, key in ((self.by_start, normal), (self.by_end, normal[::-1])):
            at = bisect_left(keys, (key, -1))
            found.update(index for _key, index in keys[max(0, at - _NEIGHBOURS) : at + _NEIGHBOURS])
        return sorted(found)
