"""Check kinds that read a key result's wording: tasks, effort metrics, vagueness, numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from okrlint.checks.base import Context, Hit
from okrlint.models import KeyResult, OKRDocument
from okrlint.nlp import statement_body
from okrlint.reading.baseline import change_without_start
from okrlint.reading.deliverable import completion
from okrlint.reading.forms import base_forms, can_be_verb
from okrlint.reading.grammar import words
from okrlint.reading.measurability import withheld
from okrlint.reading.reading import Reading
from okrlint.rewrite import gerund, with_baseline


def _has_numbers(kr: KeyResult) -> bool:
    return kr.target is not None or kr.baseline is not None


def task(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """An activity or deliverable with no outcome measure (O101)."""
    reading = ctx.analyzer.read(kr.title)
    if reading.task is None or withheld(reading) is not None:
        return  # (words withheld from the public copy: M201 says so; what is left is no task)
    lead = reading.lead
    activity_led = lead is not None and lead.kind == "activity" and not lead.noun_reading
    if kr.baseline is not None or (kr.target is not None and (kr.metric or not activity_led)):
        return  # "Days sales outstanding" with a baseline and a target names a metric
    if (
        lead is not None
        and lead.kind == "activity"
        and " ".join(reading.texts[lead.index : lead.end]) == reading.task
    ):
        # The statement as written, whose offsets the words carry: a label or owner before it
        # ("Recruitment: Implement…", "P1: …") is not part of it.
        source = statement_body(kr.title).rstrip(".")
        start = reading.words[lead.index].start
        end = reading.words[lead.end - 1].end
        means = gerund(lead.base) + _second_verb_gerund(source[end:])  # "documented" -> "documenting"
        activity = source[start:end].lower()
    else:
        means = f"getting this done: {kr.title.rstrip('.')}"
        # a deliverable reported done or named is quoted as written ("SSO rolled out",
        # "CI/CD Pipeline Implementation"); one word is lowered, as the lead verb is
        task = reading.task
        activity = _done_with_subject(reading, task) or (reading.surface(task) if " " in task else task.lower())
    # The verb that leads is an activity ("launch"); anything else names the deliverable
    # ("Billing migration complete", "CI/CD Pipeline Implementation", "has a v0 spec").
    verb_led = (
        lead is not None
        and not lead.noun_reading
        and lead.kind in ("activity", "outcome", "maintenance")
        and " ".join(reading.texts[lead.index : lead.end]) == reading.task
    )
    what = "an activity" if verb_led else "a deliverable"
    yield Hit(kr, {"activity": activity, "means": means, "what": what})


def _done_with_subject(reading: Reading, task: str) -> str | None:
    """A deliverable reported done, quoted with its subject: "design system created", not
    "created" ("Design system created"); None when the completion word is not near the start."""
    if completion(reading) != task:
        return None  # a predicate ("Priya fills all six roles"), not a completion word
    size = len(task.split())
    texts = reading.texts
    for index in range(1, min(len(texts) - size, 7) + 1):
        if texts[index : index + size] == task.split():
            return reading.source[reading.words[0].start : reading.words[index + size - 1].end]
    return None


def input_metric(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """The counted quantity is effort or attention (O102)."""
    reading = ctx.analyzer.read(kr.title)
    if reading.effort:
        yield Hit(kr, {"metric": reading.surface(reading.effort)})


def binary(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """A done/not-done status with no measure (O103)."""
    reading = ctx.analyzer.read(kr.title)
    status = reading.binary
    if status and not _has_numbers(kr):
        yield Hit(kr, {"status": _status_phrase(reading, status)})


def _status_phrase(reading: Reading, status: str) -> str:
    """The status as written, with the words that name it ("SOC 2 Type II audit", not "soc"):
    from the status word to the end of its phrase, five words at most."""
    wanted = status.split()
    texts = reading.texts
    for start in range(len(texts) - len(wanted) + 1):
        if texts[start : start + len(wanted)] == wanted:
            end = start + len(wanted)
            if end < len(texts) and texts[end] in ("a", "an", "the"):
                end += 1  # "Named a Leader": a participle's complement
            while end < min(len(texts), start + 5) and texts[end] not in _PHRASE_ENDS:
                gap = reading.source[reading.words[end - 1].end : reading.words[end].start]
                if any(mark in gap for mark in ",;:()"):
                    break  # "ISO 9001 certification, then renew…"
                end += 1
            return reading.source[reading.words[start].start : reading.words[end - 1].end]
    return status


_PHRASE_ENDS = words("phrase_breaks") | words("object_ends") | words("clause_starts")


def _second_verb_gerund(rest: str) -> str:
    """The words after the leading verb, a second verb joined to it made a gerund as well
    ("Design and ship both pages" -> "by designing and shipping both pages")."""
    joined = _JOINED_VERB.match(rest)
    if joined is None:
        return rest
    verb = joined.group("verb")
    if not can_be_verb(verb) or verb not in base_forms(verb):
        return rest
    return rest[: joined.start("verb")] + gerund(verb) + rest[joined.end("verb") :]


_JOINED_VERB = re.compile(r"\s*,?\s*(?:and|or|&)\s+(?P<verb>[a-z]+)\b")


def not_measurable(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Nobody could say at the end whether it was met (M201): a vague aim, a direction with
    no target, a placeholder, work that never ends. A done-or-not deliverable is measurable."""
    reading = ctx.analyzer.read(kr.title)
    if _has_numbers(kr) and not reading.placeholder:
        return
    reason = reading.not_measurable
    if reason and not _deliverable_first(reading):
        yield Hit(kr, {"reason": reason})


def vague(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """A vague aim with no quantity to pin it down (M202): the vague word is the goal
    ("Improve UX", "Rock solid webhooks"), not the manner of a deliverable ("Ensure the app
    runs seamlessly on three systems")."""
    reading = ctx.analyzer.read(kr.title)
    word = reading.vague
    if not word or _has_numbers(kr):
        return
    lead = reading.lead
    leads = lead is not None and " ".join(reading.texts[lead.index : lead.end]) == word
    if _deliverable_first(reading):
        return  # "The Core API is released. Make it easier to import": the deliverable, explained
    if reading.task is None or leads or reading.aimless:
        yield Hit(kr, {"word": word})  # an aim stated as a deliverable is vague and a task


def _deliverable_first(reading: Reading) -> bool:
    """Whether the first of several sentences is a deliverable, done or not ("The Core API is
    finalized and released. Make it easier to import…"): what follows explains it, and the
    key result is measurable (its flaw, being a task, is O101's)."""
    first = reading.first_sentence
    return (
        reading.task is not None
        and first is not None
        and first.task is not None
        and not first.aimless
        and not first.placeholder
    )


def missing_baseline(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Change language with no start stated anywhere (M203): "by 20%", "grow X to 500"."""
    if kr.baseline is not None or kr.current is not None or kr.direction == "maintain":
        return  # a current value says where the metric stands, as "currently X" does
    reading = ctx.analyzer.read(kr.title)
    target = change_without_start(reading)
    if target is None and kr.target is not None and reading.direction in ("increase", "decrease"):
        target = str(kr.target)  # a `target` field and a direction verb, no `baseline` field
    if target:
        measured = reading.measurement.target
        at = measured.start if measured else None
        source = reading.source
        lead = reading.lead
        if lead is not None and lead.index > 0 and ctx.analyzer.lexicons["hedges"].match_at(reading.texts, 0):
            # "Try to reach 40%": the rewrite drops the hedge A404 reports, not keep it
            cut = reading.words[lead.index].start
            source = source[cut].upper() + source[cut + 1 :]
            at = at - cut if at is not None and at >= cut else None
        yield Hit(kr, {"target": target, "with_baseline": with_baseline(source, at)})


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
    """Counts "users" or "customers" without saying which ones (M205); not where the people
    are the work's objects ("Talk to 50 customers", "Interview 20 users"): which ones count
    matters to a result, and the flaw there is counting effort (O102) or a task (O101)."""
    reading = ctx.analyzer.read(kr.title)
    noun = reading.unqualified_population
    lead = reading.lead
    worked_on = lead is not None and lead.kind == "activity" and not lead.noun_reading
    if noun and not (worked_on and (reading.effort is not None or reading.task is not None)):
        yield Hit(kr, {"noun": noun})
