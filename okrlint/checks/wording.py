"""Check kinds that read a key result's wording: tasks, effort metrics, vagueness, numbers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from okrlint.checks.base import Context, Hit
from okrlint.models import KeyResult, OKRDocument
from okrlint.rewrite import gerund, with_baseline


def _has_numbers(kr: KeyResult) -> bool:
    return kr.target is not None or kr.baseline is not None


def task(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """An activity or deliverable with no outcome measure (O101)."""
    reading = ctx.analyzer.read(kr.title)
    if reading.task is None or (_has_numbers(kr) and kr.metric):
        return
    lead = reading.lead
    title = kr.title.rstrip(".")
    if (
        lead is not None
        and lead.kind == "activity"
        and " ".join(reading.texts[lead.index : lead.end]) == reading.task
    ):
        start = reading.words[lead.index].start
        end = reading.words[lead.end - 1].end
        means = gerund(reading.task) + title[end:]
        activity = title[start:end]
    else:
        means = f"getting this done: {title}"
        activity = reading.task
    yield Hit(kr, {"activity": activity.lower(), "means": means})


def input_metric(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """The counted quantity is effort or attention (O102)."""
    effort = ctx.analyzer.read(kr.title).effort
    if effort:
        yield Hit(kr, {"metric": effort})


def binary(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """A done/not-done status with no measure (O103)."""
    status = ctx.analyzer.read(kr.title).binary
    if status and not _has_numbers(kr):
        yield Hit(kr, {"status": status})


def not_measurable(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """No number, no metric field and no all-or-none condition (M201)."""
    reading = ctx.analyzer.read(kr.title)
    if reading.has_measure or _has_numbers(kr) or reading.universal:
        return
    yield Hit(kr, {})


def vague(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """A vague word with no quantity to pin it down (M202)."""
    word = ctx.analyzer.read(kr.title).vague
    if word and not _has_numbers(kr):
        yield Hit(kr, {"word": word})


def missing_baseline(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """A target to move towards with no starting value (M203)."""
    reading = ctx.analyzer.read(kr.title)
    measurement = reading.measurement
    if kr.baseline is not None or measurement.baseline is not None:
        return
    if (
        reading.lead is not None
        and reading.lead.kind == "maintenance"
        or kr.direction == "maintain"
    ):
        return
    target = measurement.relative_change or (
        measurement.target.text if measurement.target else None
    )
    if target is None and kr.target is not None:
        target = str(kr.target)
    if target:
        at = measurement.target.start if measurement.target else None
        yield Hit(kr, {"target": target, "with_baseline": with_baseline(reading.source, at)})


def not_time_bound(document: OKRDocument, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Key results with no deadline of their own in a file that names no cycle (M204): one
    finding for the file, at the first of them, since the fix is one cycle for the file."""
    undated = [
        kr
        for objective, kr in document.key_results()
        if kr.title
        and not (kr.due or kr.shared_deadline or document.cycle_of(objective))
        and ctx.analyzer.read(kr.title).measurement.deadline is None
    ]
    if undated:
        total = sum(1 for _objective, kr in document.key_results() if kr.title)
        counted = "The key result has" if total == 1 else f"{len(undated)} of {total} key results have"
        yield Hit(document, {"counted": counted, "first": undated[0].title}, span=undated[0].span)


def ambiguous_metric(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Counts "users" or "customers" without saying which ones (M205)."""
    noun = ctx.analyzer.read(kr.title).unqualified_population
    if noun:
        yield Hit(kr, {"noun": noun})
