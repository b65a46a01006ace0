"""Questions for the next check-in, chosen from the findings and the state of the cycle.

The questions are data (corpora/questions/, one file per rule family), each tagged with its
GROW stage. An objective gets the questions of its at-risk key results and of its most costly
findings, no more than `per_stage` of one stage, topped up with general questions for the
stages still missing; they are listed in GROW order: goal, reality, options, will.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from okrlint.coach.data import STAGES, QuestionSet
from okrlint.coach.model import Question
from okrlint.coach.progress import short


def ask(
    sets: Mapping[str, QuestionSet],
    source: str,
    text: str,
    asked: Mapping[str, int] | None = None,
) -> Question | None:
    """The question of set `source` about `text`, from the stage asked least so far."""
    found = sets.get(source)
    if found is None:
        return None
    counts = asked or {}
    pick = min(found.questions, key=lambda q: counts.get(q.stage, 0))  # ties: the file's order
    return Question(stage=pick.stage, text=pick.text.format(text=short(text)), source=source)


def choose(
    sets: Mapping[str, QuestionSet],
    findings: Sequence[tuple[str, str]],
    cycle_questions: Sequence[Question],
    objective_title: str,
    limit: int,
    per_stage: int,
    general: str = "general",
) -> list[Question]:
    """Up to `limit` questions: the cycle's first, then findings (code, text) by impact, then
    the `general` set (or "retrospective" once the cycle is over) for stages still missing."""
    chosen: list[Question] = []
    asked: Counter[str] = Counter()

    def add(question: Question | None) -> None:
        if question is None or len(chosen) >= limit or asked[question.stage] >= per_stage:
            return
        if all(q.text != question.text for q in chosen):
            chosen.append(question)
            asked[question.stage] += 1

    for question in cycle_questions:
        add(question)
    seen: set[str] = set()
    for code, text in findings:
        if code not in seen:
            seen.add(code)
            add(ask(sets, code, text, asked))
    for stage in STAGES:  # no GROW stage left without a question while there is room
        if not asked[stage]:
            pick = next(q for q in sets[general].questions if q.stage == stage)
            text = pick.text.format(text=short(objective_title))
            add(Question(stage=stage, text=text, source=general))
    return sorted(chosen, key=lambda q: STAGES.index(q.stage))  # type: ignore[arg-type]
