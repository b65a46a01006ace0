"""Check kinds for input problems and focus: counts, lengths, duplicates."""

from __future__ import annotations

import re
from collections.abc import Iterator
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
        objectives = [o for d in plan for o in d.objectives]
        if len(objectives) > limit:
            yield Hit(objectives[limit], {"count": len(objectives), "max": limit, **_owner(plan)})


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
        krs = [kr for d in plan for _objective, kr in d.key_results()]
        if len(krs) > limit:
            yield Hit(krs[limit], {"count": len(krs), "max": limit, **_owner(plan)})


def _plans(documents: list[OKRDocument]) -> list[list[OKRDocument]]:
    """One owner's plan for one cycle: files sharing both are counted together (a team may
    keep one file per objective); a file without owner or cycle is a plan of its own."""
    groups: dict[Any, list[OKRDocument]] = {}
    for document in sorted(documents, key=lambda d: d.path):
        if document.owner and document.cycle:
            key: Any = (document.owner.strip().lower(), document.cycle.strip().lower())
        else:
            key = id(document)
        groups.setdefault(key, []).append(document)
    return list(groups.values())


def _owner(plan: list[OKRDocument]) -> dict[str, str]:
    first = plan[0]
    who = first.owner or "this file"
    when = f" in {first.cycle}" if first.cycle else ""
    files = f" ({len(plan)} files)" if len(plan) > 1 else ""
    return {"owner": who, "cycle": first.cycle or "", "owner_cycle": who + when + files}


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
    quantities = ctx.analyzer(node.title).measurement.quantities
    if quantities:
        yield Hit(node, {"numbers": ", ".join(dict.fromkeys(q.text for q in quantities))})


def duplicate_key_result(
    document: OKRDocument, params: dict[str, Any], ctx: Context
) -> Iterator[Hit]:
    """The same or nearly the same key result twice in one document.

    Near-duplicates must agree on every number: "NPS from 30 to 40" and "NPS from 40 to 50"
    are two steps, not a copy.
    """
    threshold = float(params["similarity"])
    earlier: list[tuple[KeyResult, str, tuple[str, ...]]] = []
    for _objective, kr in document.key_results():
        analysis = ctx.analyzer(kr.title)
        words = [w.text for w in analysis.words]
        if not words:
            continue
        normal = " ".join(words)
        numbers = tuple(q.text for q in analysis.measurement.quantities)
        for first, first_normal, first_numbers in earlier:
            if numbers != first_numbers:
                continue
            ratio = SequenceMatcher(None, normal, first_normal).ratio()
            if ratio >= threshold:
                line = first.span.start.line if first.span else 0
                yield Hit(kr, {"first_line": line, "similarity": round(ratio * 100)})
                break
        else:
            earlier.append((kr, normal, numbers))
