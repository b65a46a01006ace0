"""What is already good about an objective: facts from the document and the absence of findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from okrlint.checks.hygiene import due_date
from okrlint.coach.attribution import Placed
from okrlint.coach.data import Texts
from okrlint.coach.progress import Cycle, Reading
from okrlint.models import KeyResult, Objective, OKRDocument, Scope


def strengths(
    objective: Objective,
    document: OKRDocument,
    placed: Sequence[Placed],
    readings: Sequence[Reading],
    cycle: Cycle,
    today: dt.date,
    stale_days: int,
    texts: Texts,
    *,
    language_read: bool = True,
) -> list[str]:
    """The strengths that hold, in the order of the texts file. When the language rules could
    not read the key results, only what the structure shows is claimed (no "every key result
    is an outcome" from rules that stayed silent)."""
    krs = objective.key_results
    categories = {p.finding.category for p in placed}
    count = len(krs)
    on_kr: dict[int, set[str]] = {}  # per key result, the categories and codes found on it
    for p in placed:
        if p.key_result is not None:
            on_kr.setdefault(p.key_result, set()).update((p.finding.category, p.finding.code))
    # A target counts when it is a result's: a task's count or a pay link's share ask for no
    # change in an outcome ("Tie 20% of each manager's bonus to engagement").
    results = [i for i, kr in enumerate(krs) if not on_kr.get(i, set()) & {"outcome", "separation", "C604"}]
    targeted = any(_targeted(krs[i]) for i in results)
    # Real change is claimed only where it can be seen: a target beside its start.
    started = any(_targeted(krs[i]) and _started(krs[i]) for i in results)
    codes = {code for found in on_kr.values() for code in found}
    holds = {
        "measured": bool(krs) and all(_measured(kr, document) for kr in krs),
        # (a key result waiting on a target, or one nobody could measure, states no result)
        "outcomes": bool(krs) and not any(found & _NO_RESULT for found in on_kr.values()),
        "focused": 2 <= count <= 5 and "focus" not in categories,
        # (said of targets only where there are some: tasks with no number ask for nothing,
        # and push nothing for speed or volume)
        "stretch": started and "ambition" not in categories,
        # (a person's own set is personal development by design: nothing to keep apart)
        "separate": bool(krs) and "separation" not in categories and document.scope != Scope.PERSON,
        # (an effort count is volume pushed, whatever C601 says of the objective)
        "balanced": count >= 2 and targeted and not categories & {"balance", "alignment"} and "O102" not in codes,
        "why": bool(objective.why),
        "typed": objective.type is not None,
        "confidence": bool(krs) and all(kr.confidence is not None for kr in krs),
        "checked-in": _checked_in(readings, cycle, today, stale_days),
    }
    values = {
        "count": str(count),
        "type": objective.type.value if objective.type else "",
        "days": str(stale_days),
    }
    if not language_read:
        holds = {key: value and key in _STRUCTURAL for key, value in holds.items()}
    return [text.format_map(values) for key, text in texts.strengths.items() if holds.get(key)]


# Findings that say a key result states no result to reach: a task or an effort count (the
# outcome category), nothing measurable in it, or a target left to another level.
_NO_RESULT = frozenset({"outcome", "M201", "M202", "C604"})
# Strengths read from the structure and the fields, not from the words of the statements.
_STRUCTURAL = frozenset({"focused", "why", "typed", "confidence", "checked-in"})


def _measured(kr: KeyResult, document: OKRDocument) -> bool:
    """A starting value, a target and a date, from the fields or the text."""
    reading = kr.measurement
    baseline = kr.baseline is not None or (reading is not None and reading.baseline is not None)
    target = kr.target is not None or (reading is not None and reading.target is not None)
    dated = due_date(kr, document) is not None or (
        reading is not None and reading.deadline is not None
    )
    return baseline and target and dated


def _started(kr: KeyResult) -> bool:
    """A starting value, from the fields or the text."""
    reading = kr.measurement
    return kr.baseline is not None or (reading is not None and reading.baseline is not None)


def _targeted(kr: KeyResult) -> bool:
    """A target, from the fields or the text: a level or a change ("to 45%", "by 20%")."""
    reading = kr.measurement
    return kr.target is not None or (reading is not None and (reading.target is not None or bool(reading.relative_change)))


def _checked_in(readings: Sequence[Reading], cycle: Cycle, today: dt.date, stale_days: int) -> bool:
    open_ones = [r for r in readings if not r.state.closed]
    if cycle.state != "running" or not open_ones:
        return False
    for reading in open_ones:
        dates = [c.date for c in reading.kr.check_ins if c.date <= today]
        if not dates or (today - max(dates)).days > stale_days:
            return False
    return True
