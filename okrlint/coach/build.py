"""Builds the coach's report from what `okrlint check` produced: loaded files and their findings.

No second analysis: the findings come from the Report, the numbers from the documents the
engine already read (their `measurement`), and the weights, questions and texts from data.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from okrlint.coach import data
from okrlint.coach.attribution import Placed, place
from okrlint.coach.model import (
    Card,
    CoachReport,
    HygieneNote,
    Improvement,
    KeyResultProgress,
    Progress,
    Question,
)
from okrlint.coach.progress import (
    Cycle,
    Reading,
    all_met,
    cycle_of,
    describe,
    guidance,
    missed,
    read_key_results,
    reasons_text,
    unrecorded,
)
from okrlint.coach.questions import ask, choose
from okrlint.coach.scoring import breakdown, impact, score
from okrlint.coach.strengths import strengths
from okrlint.coach.summary import summarise
from okrlint.findings import Report
from okrlint.lexicons import Lexicon
from okrlint.loaders.language_guess import language_name, text_language
from okrlint.models import LoadResult, Objective, OKRDocument

_HYGIENE = "hygiene"


def build(
    results: Sequence[LoadResult],
    report: Report,
    *,
    today: dt.date,
    stale_days: int,
    done_words: Lexicon,
) -> CoachReport:
    """One card per objective, sorted by path and line, and the summary of the set."""
    documents = [r.document for r in results if r.document is not None]
    plan_level = set(data.profile().score.plan_level)
    plan = [f for f in report.findings if f.code in plan_level]
    placed, loose = place([f for f in report.findings if f.code not in plan_level], documents)
    cards = [
        _card(
            document,
            index,
            objective,
            placed.get((document.path, index), []),
            today,
            stale_days,
            done_words,
        )
        for document in documents
        for index, objective in enumerate(document.objectives)
    ]
    cards.sort(key=lambda c: (c.path, c.line, c.column))
    sets, texts = data.questions(), data.texts()
    return CoachReport(
        today=today.isoformat(),
        objectives=cards,
        summary=summarise(cards, report, loose, sets, texts, plan),
    )


def unread_language(objective: Objective, document: OKRDocument) -> str | None:
    """The language of most of the objective's key results (of its title, without any), when
    it is one the language rules do not read: its score would only say they were silent."""
    texts = [kr.title for kr in objective.key_results] or [objective.title]
    languages = [text_language(text, document.language) for text in texts]
    foreign = Counter(language for language in languages if language not in (None, "en"))
    if not foreign or sum(foreign.values()) * 2 <= len(texts):
        return None
    return sorted(foreign.items(), key=lambda pair: (-pair[1], pair[0]))[0][0]


def _card(
    document: OKRDocument,
    index: int,
    objective: Objective,
    placed: list[Placed],
    today: dt.date,
    stale_days: int,
    done_words: Lexicon,
) -> Card:
    profile, sets, texts = data.profile(), data.questions(), data.texts()
    weights = profile.score
    count = len(objective.key_results)
    ranked = sorted(
        placed,
        key=lambda p: (
            -impact(p, placed, count, weights),
            -p.finding.severity.rank,
            p.finding.sort_key(),
        ),
    )
    parts = breakdown(placed, count, weights)
    cycle = cycle_of(document, objective, today)
    readings = read_key_results(
        objective, document, cycle, today, profile.progress, done_words.terms, stale_days
    )
    cycle_questions = _cycle_questions(objective, readings, cycle, sets)
    # Once the cycle is over, "where does it stand this week?" (H701) has no week left to ask
    # about: the final score is the question (H702's, and the grading guidance's).
    about = [
        (p.finding.code, p.finding.node.text or objective.title)
        for p in ranked
        if not (cycle.state == "ended" and p.finding.code == "H701")
    ]
    span = objective.span
    language = unread_language(objective, document)
    return Card(
        path=document.path,
        line=span.start.line if span else 0,
        column=span.start.column if span else 0,
        id=objective.id,
        title=objective.title,
        type=objective.type.value if objective.type else None,
        owner=document.owner,
        cycle=document.cycle_of(objective),
        key_results=count,
        score=score(parts) if language is None else None,
        not_rated=texts.not_rated.format(language=language_name(language)).strip() if language else None,
        breakdown=parts if language is None else [],
        strengths=strengths(
            objective, document, placed, readings, cycle, today, stale_days, texts,
            language_read=language is None,
        ),
        improvements=[
            _improvement(p, placed, count)
            for p in _spread_over_key_results(
                [p for p in ranked if p.finding.category != _HYGIENE], profile.report.improvements
            )
        ],
        questions=choose(
            sets,
            about,
            cycle_questions,
            objective.title,
            profile.report.questions,
            profile.report.questions_per_stage,
            _general_set(objective, cycle),
        ),
        hygiene=[
            HygieneNote(
                code=p.finding.code,
                line=p.finding.range.start.line,
                text=p.finding.node.text,
                message=p.finding.message,
            )
            for p in sorted(placed, key=lambda p: p.finding.sort_key())
            if p.finding.category == _HYGIENE
        ],
        progress=_progress(objective, cycle, readings, today, sets),
    )


def _spread_over_key_results(ranked: list[Placed], limit: int) -> list[Placed]:
    """The `limit` fixes to make first, in order of impact, at most one per key result while
    others wait: three fixes to one key result leave the rest of the objective unseen."""
    picked: set[int] = set()  # positions in `ranked`
    seen: set[int | None] = set()
    for at, p in enumerate(ranked):
        if len(picked) < limit and (p.key_result is None or p.key_result not in seen):
            picked.add(at)
            seen.add(p.key_result)
    for at in range(len(ranked)):  # room left: the next fixes, wherever they are
        if len(picked) < limit:
            picked.add(at)
    return [ranked[at] for at in sorted(picked)]


def _general_set(objective: Objective, cycle: Cycle) -> str:
    """The questions for any objective: a retrospective once the cycle is over; for one with
    no key results yet, questions that ask for them, not about them."""
    if cycle.state == "ended":
        return "retrospective"
    return "general" if objective.key_results else "general-unmeasured"


def _improvement(p: Placed, placed: list[Placed], count: int) -> Improvement:
    finding = p.finding
    if finding.suggestion is None:
        kind, rewrite = "example", finding.coaching.example.after
    else:
        kind = "template" if "<" in finding.suggestion else "rewrite"
        rewrite = finding.suggestion
    gain = impact(p, placed, count, data.profile().score)
    return Improvement(
        code=finding.code,
        name=finding.name,
        severity=finding.severity.value,
        message=finding.message,
        line=finding.range.start.line,
        column=finding.range.start.column,
        text=finding.node.text,
        rewrite=rewrite,
        kind=kind,
        impact=round(gain, 1),
    )


def _risk_question(reading: Reading, sets: dict[str, data.QuestionSet]) -> Question | None:
    if not reading.at_risk:
        return None
    if reading.overdue:
        source = "missed"  # past its date: what it taught, not how to catch up
    else:
        source = "at-risk-behind" if "behind" in reading.reasons else "at-risk-confidence"
    return ask(sets, source, reading.kr.title)


def _cycle_questions(
    objective: Objective, readings: list[Reading], cycle: Cycle, sets: dict[str, data.QuestionSet]
) -> list[Question]:
    """Questions from the calendar: at-risk key results, then what the end of the cycle asks."""
    found = [_risk_question(reading, sets) for reading in readings]
    if cycle.state == "ended" and readings:
        if all_met(objective, readings):
            found.append(ask(sets, "all-met", ""))
        found.extend(ask(sets, "missed", r.kr.title) for r in missed(objective, readings)[:1])
        found.extend(ask(sets, "unrecorded", r.kr.title) for r in unrecorded(readings)[:1])
    return [q for q in found if q is not None]


def _progress(
    objective: Objective,
    cycle: Cycle,
    readings: list[Reading],
    today: dt.date,
    sets: dict[str, data.QuestionSet],
) -> Progress:
    texts = data.texts()
    rows = []
    for reading in readings:
        span = reading.kr.span
        state = reading.state
        rows.append(
            KeyResultProgress(
                line=span.start.line if span else 0,
                title=reading.kr.title,
                baseline=state.baseline,
                target=state.target,
                current=state.current,
                progress=None if state.share is None else round(state.share, 3),
                expected=None if reading.expected is None else round(reading.expected, 3),
                confidence=reading.confidence,
                grade=state.grade,
                at_risk=reading.at_risk,
                reasons=reasons_text(reading, texts),
                question=_risk_question(reading, sets),
            )
        )
    return Progress(
        cycle=cycle.name,
        state=cycle.state,
        start=cycle.start.isoformat() if cycle.start else None,
        end=cycle.end.isoformat() if cycle.end else None,
        elapsed=None if cycle.elapsed is None else round(cycle.elapsed, 3),
        description=describe(cycle, today, texts),
        key_results=rows,
        guidance=guidance(objective, cycle, readings, texts),
    )
