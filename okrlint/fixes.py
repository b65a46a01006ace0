"""Fixes: turn the exact rewrites okrlint is sure of into edits of the source, and apply them.

A rule opts in with `fix: <kind>` in its rule file; the kind (in FIXERS) reads the hit and
says what the title becomes and whether that is safe. The edit is the smallest change to the
title's own characters in the file, and it is kept only when reloading the edited text gives
exactly the new title in the same place: anything else (escapes, folded scalars, markup that
moves) gets no fix rather than a wrong one. Everything outside the edit stays byte-identical.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from okrlint.findings import Edit, Fix, Range
from okrlint.loaders import load
from okrlint.models import KeyResult, LoadResult, Objective, Position
from okrlint.rewrite import cut_is_clean

Applicability = Literal["safe", "unsafe"]
# (title, hit args) -> (new title, applicability, what the fix does), or None
Fixer = Callable[[str, dict[str, Any]], tuple[str, Applicability, str] | None]


def drop_hedge(title: str, args: dict[str, Any]) -> tuple[str, Applicability, str] | None:
    """A404: the key result without its hedge ("Try to reach $3M" -> "Reach $3M")."""
    plain = args.get("plain")
    if not plain or plain == title:
        return None
    return plain, "safe", f"Drop '{args.get('hedge', 'the hedge')}'"


def cut_pay_clause(title: str, args: dict[str, Any]) -> tuple[str, Applicability, str] | None:
    """P502: the key result without the clause tying it to pay. Safe when the clause opens
    with a word that only ever starts such a clause ("so", "tied to"); unsafe after a comma,
    "and" or "for", where the cut may take part of the result with it."""
    kept = args.get("kept")
    if not kept or kept == title:
        return None
    applicability: Applicability = "safe" if cut_is_clean(title, kept) else "unsafe"
    return kept, applicability, f"Cut the link to '{args.get('term', 'pay')}'"


FIXERS: dict[str, Fixer] = {
    "drop-hedge": drop_hedge,
    "cut-pay-clause": cut_pay_clause,
}


@dataclass(frozen=True)
class Candidate:
    """A fix not yet verified: its edit, the node's place and the title it should give."""

    fix: Fix
    place: tuple[int, int]  # (objective, key result or -1)
    title: str


def title_candidate(
    result: LoadResult,
    node: KeyResult | Objective,
    new_title: str,
    applicability: Applicability,
    message: str,
) -> Candidate | None:
    """The smallest edit turning `node`'s title into `new_title`, when the file spells the
    title exactly as read (no quotes or escapes inside it, one line); see `verified`."""
    span, document = node.span, result.document
    if span is None or document is None or span.start.line != span.end.line:
        return None
    place = _place(document.objectives, node)
    lines = result.source.split("\n")
    if place is None or span.start.line > len(lines):
        return None
    line = lines[span.start.line - 1]
    start = span.start.column - 1
    old = node.title
    if line[start : span.end.column - 1] != old:
        return None  # the file spells the title differently (quotes, escapes): no sure edit
    head = _common_prefix(old, new_title)
    tail = _common_suffix(old[head:], new_title[head:])
    edit = Edit(
        range=Range(
            start=Position(line=span.start.line, column=start + head + 1),
            end=Position(line=span.start.line, column=start + len(old) - tail + 1),
        ),
        replacement=new_title[head : len(new_title) - tail],
    )
    fix = Fix(applicability=applicability, message=message, edits=(edit,))
    return Candidate(fix, place, new_title)


def verified(result: LoadResult, candidates: Sequence[Candidate]) -> list[bool]:
    """Which candidates give exactly their title, in the same place, when the edited text is
    loaded again. Non-overlapping candidates are checked together (one reload for most
    files); a batch that changes the document's shape is checked one by one."""
    document = result.document
    ok = [False] * len(candidates)
    if document is None or not candidates:
        return ok
    shape = _shape(document.objectives)
    pending = sorted(range(len(candidates)), key=lambda i: _extent(candidates[i].fix))
    while pending:
        batch: list[int] = []
        rest: list[int] = []
        places: set[tuple[int, int]] = set()
        last_start, last_end = (0, 0), (0, 0)
        for index in pending:
            start, end = _extent(candidates[index].fix)
            if batch and (start < last_end or start == last_start or candidates[index].place in places):
                # (two fixes of one title, a hedge at its start and a pay clause at its end,
                # each give their own title: checked together, neither would match)
                rest.append(index)
                continue
            batch.append(index)
            places.add(candidates[index].place)
            last_start, last_end = start, end
        taken = [candidates[index].fix for index in batch]
        edits = [edit for fix in taken for edit in fix.edits]
        reloaded = load(apply_edits(result.source, edits), document.path, document.format).document
        if reloaded is not None and _shape(reloaded.objectives) == shape:
            for index in batch:
                ok[index] = _title_at(reloaded.objectives, candidates[index].place) == (
                    candidates[index].title
                )
        elif len(batch) > 1:  # one of them breaks the document: find which, one by one
            for index in batch:
                ok[index] = _one(result, candidates[index], shape)
        pending = rest
    return ok


def _one(result: LoadResult, candidate: Candidate, shape: list[int]) -> bool:
    assert result.document is not None
    fixed = apply_edits(result.source, candidate.fix.edits)
    reloaded = load(fixed, result.document.path, result.document.format).document
    return (
        reloaded is not None
        and _shape(reloaded.objectives) == shape
        and _title_at(reloaded.objectives, candidate.place) == candidate.title
    )


def _place(objectives: Sequence[Objective], node: Any) -> tuple[int, int] | None:
    for o_index, objective in enumerate(objectives):
        if objective is node:
            return o_index, -1
        for k_index, kr in enumerate(objective.key_results):
            if kr is node:
                return o_index, k_index
    return None


def _title_at(objectives: Sequence[Objective], place: tuple[int, int]) -> str | None:
    o_index, k_index = place
    if o_index >= len(objectives):
        return None
    objective = objectives[o_index]
    if k_index < 0:
        return objective.title
    return objective.key_results[k_index].title if k_index < len(objective.key_results) else None


def _shape(objectives: Sequence[Objective]) -> list[int]:
    return [len(objective.key_results) for objective in objectives]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _offsets(text: str) -> list[int]:
    """The offset at which each line starts, the lines split as the loaders split them: at
    '\\n', '\\r\\n' (the '\\r' stays at the end of its line) and a lone '\\r'."""
    if "\r" not in text:
        starts = [0]
        index = text.find("\n")
        while index >= 0:
            starts.append(index + 1)
            index = text.find("\n", index + 1)
        return starts
    return [0] + [m.end() for m in _LINE_END.finditer(text)]


_LINE_END = re.compile(r"\n|\r(?!\n)")


def _offset(starts: list[int], text: str, position: Position) -> int:
    if position.line - 1 >= len(starts):
        return len(text)
    return min(starts[position.line - 1] + position.column - 1, len(text))


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with `edits` applied (they must not overlap); columns count characters."""
    starts = _offsets(text)
    spans = sorted(
        (
            (_offset(starts, text, e.range.start), _offset(starts, text, e.range.end), e)
            for e in edits
        ),
        key=lambda item: (item[0], item[1]),
        reverse=True,
    )
    for begin, end, edit in spans:
        text = text[:begin] + edit.replacement + text[end:]
    return text


def apply_to_bytes(data: bytes, edits: Iterable[Edit]) -> bytes:
    """The file's bytes with `edits` applied; a BOM and CRLF line ends are kept as they were."""
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    text = data[len(bom) :].decode("utf-8")
    return bom + apply_edits(text, edits).encode("utf-8")


def _extent(fix: Fix) -> tuple[tuple[int, int], tuple[int, int]]:
    starts = [(e.range.start.line, e.range.start.column) for e in fix.edits]
    ends = [(e.range.end.line, e.range.end.column) for e in fix.edits]
    return min(starts, default=(0, 0)), max(ends, default=(0, 0))


def non_overlapping(fixes: Iterable[Fix]) -> list[Fix]:
    """The fixes that can be applied together, in file order, first come first served (two
    fixes touching the same characters, or inserting at the same place, conflict)."""
    chosen: list[Fix] = []
    last_start, last_end = (0, 0), (0, 0)
    for fix in sorted(fixes, key=_extent):
        start, end = _extent(fix)
        if chosen and (start < last_end or start == last_start):
            continue
        chosen.append(fix)
        last_start, last_end = start, end
    return chosen
