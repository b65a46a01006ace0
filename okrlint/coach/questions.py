"""Questions for the next check-in, chosen from the findings and the state of the cycle.

The questions are data (corpora/questions/, one file per rule family), each tagged with its
GROW stage. An objective gets the questions of its most costly findings and of its at-risk
key results, topped up with general questions for the stages still missing, in GROW order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from okrlint.coach.data import STAGES, QuestionSet
from okrlint.coach.model import Question
from okrlint.coach.progress import short


def ask(
    sets: dict[str, QuestionSet], source: str, text: str, taken: Iterable[str] = ()
) -> Question | None:
    """The question of set `source` about `text`, preferring a GROW stage not yet `taken`."""
    found = sets.get(source)
    if found is None:
        return None
    used = set(taken)
    pick = next((q for q in found.questions if q.stage not in used), found.questions[0])
    return Question(stage=pick.stage, text=pick.text.format(text=short(text)), source=source)


def choose(
    sets: dict[str, QuestionSet],
    findings: Sequence[tuple[str, str]],
    cycle_questions: Sequence[Question],
    objective_title: str,
    limit: int,
) -> list[Question]:
    """Up to `limit` questions: cycle first, then findings (code, text) in order of impact."""
    chosen: list[Question] = []

    def add(question: Question | None) -> None:
        if question is not None and len(chosen) < limit:
            if all(q.text != question.text for q in chosen):
                chosen.append(question)

    for question in cycle_questions[:2]:  # the state of the cycle is the most timely
        add(question)
    seen: set[str] = set()
    for code, text in findings:
        if code not in seen:
            seen.add(code)
            add(ask(sets, code, text, (q.stage for q in chosen)))
    for stage in STAGES:  # leave no GROW stage without a question while there is room
        if all(q.stage != stage for q in chosen):
            general = sets["general"].questions
            pick = next(q for q in general if q.stage == stage)
            add(Question(stage=stage, text=pick.text.format(text=short(objective_title)), source="general"))
    return sorted(chosen, key=lambda q: STAGES.index(q.stage))  # type: ignore[arg-type]
