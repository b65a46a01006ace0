"""Check kinds for hygiene: key results whose check-ins went stale or whose date passed (H7).

Both read the run's date from the context (`--today`) and never the clock; without a date they
stay silent. They judge only documents that are tracked in the file: at least one key result
has check-ins, a `current` value or a score. A plan written as prose has nowhere to record
progress, so calling it stale would be noise. The progress reading here is shared with the
coach, which shows the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from okrlint.checks.base import Context, Hit
from okrlint.lexicons import normalise
from okrlint.measure import Quantity, cycle_end, field_quantity, in_unit_of
from okrlint.models import CheckIn, KeyResult, OKRDocument, Scoring


@dataclass(frozen=True)
class KeyResultState:
    """Where a key result stands on a given day."""

    baseline: float | None
    target: float | None
    current: float | None
    # 0 at the baseline, 1 at the target (below 0 when it moved the wrong way, above 1 past it).
    share: float | None
    done: bool  # the target was reached, or the last check-in says it is done
    grade: float | None  # the final score as a fraction (0-1), when one was given
    due: dt.date | None

    @property
    def closed(self) -> bool:
        return self.done or self.grade is not None


def tracked(document: OKRDocument) -> bool:
    """Whether the file records progress: check-ins, a current value or a score on any KR."""
    global _last_tracked
    # Asked once per key result of the same document: answered once per document (a file of
    # thousands of key results was scanned once for each of them).
    if _last_tracked is not None and _last_tracked[0] is document:
        return _last_tracked[1]
    answer = any(
        kr.check_ins or kr.current is not None or kr.score is not None
        for _objective, kr in document.key_results()
    )
    _last_tracked = (document, answer)
    return answer


_last_tracked: tuple[OKRDocument, bool] | None = None


def check_ins_until(kr: KeyResult, today: dt.date) -> list[CheckIn]:
    """The key result's check-ins dated on or before `today`, oldest first."""
    return sorted((c for c in kr.check_ins if c.date <= today), key=lambda c: c.date)


def tracking_start(document: OKRDocument, today: dt.date) -> dt.date | None:
    """The first check-in anywhere in the file, on or before `today`: when tracking began."""
    dates = [c.date for _o, kr in document.key_results() for c in kr.check_ins if c.date <= today]
    return min(dates, default=None)


def due_date(kr: KeyResult, document: OKRDocument) -> dt.date | None:
    """The `due` field, else the dated deadline in the text, else the end of the cycle."""
    if kr.due is not None:
        return kr.due
    deadline = kr.measurement.deadline if kr.measurement is not None else None
    if deadline is not None and deadline.date is not None:
        return deadline.date
    return cycle_end(document.cycle)


def state_of(
    kr: KeyResult, document: OKRDocument, today: dt.date, done_words: Iterable[Any] = ()
) -> KeyResultState:
    """Baseline, target and current value as numbers, how far along, and whether it closed."""
    measurement = kr.measurement
    target_q = field_quantity(kr.target, kr.unit) or (measurement.target if measurement else None)
    baseline_q = field_quantity(kr.baseline, kr.unit) or (
        measurement.baseline if measurement else None
    )
    history = check_ins_until(kr, today)
    later = len(history) < len(kr.check_ins)  # `current` is newer than `today`: not yet known
    raw = history[-1].value if history else (None if later else kr.current)
    current_q = field_quantity(raw, kr.unit) if raw is not None else None
    target = target_q.value if target_q else None
    baseline = _in_unit(baseline_q, target_q)
    current = _in_unit(current_q, target_q)
    share = None
    if baseline is not None and target is not None and current is not None and target != baseline:
        share = (current - baseline) / (target - baseline)
    said_done = isinstance(raw, str) and current_q is None and _says_done(raw, done_words)
    return KeyResultState(
        baseline=baseline,
        target=target,
        current=current,
        share=share,
        done=said_done or (share is not None and share >= 1.0),
        grade=_grade(kr.score, document),
        due=due_date(kr, document),
    )


def _in_unit(quantity: Quantity | None, target: Quantity | None) -> float | None:
    if quantity is None:
        return None
    return in_unit_of(quantity, target) if target is not None else quantity.value


def _says_done(value: str, done_words: Iterable[Any]) -> bool:
    words = normalise(value)
    return bool(words) and any(words[-len(term) :] == term for term in done_words)


def _grade(score: float | None, document: OKRDocument) -> float | None:
    if score is None:
        return None
    # A score above 1 in a file that does not say its scale is a percentage too.
    return score / 100 if document.scoring == Scoring.PERCENT or score > 1 else score


def _done_words(ctx: Context) -> Iterable[Any]:
    return ctx.analyzer.lexicons["completion-words"].terms


def _history(state: KeyResultState, today: dt.date, params: dict[str, Any]) -> bool:
    """Past its date by more than `history-days`: a cycle long finished, kept in the
    repository as a record. There is nothing left to check in on or to chase."""
    return state.due is not None and (today - state.due).days > int(params["history-days"])


def stale_check_in(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """An open key result in a tracked file with no check-in for more than `stale-days` (H701)."""
    today, document = ctx.today, ctx.document
    if today is None or document is None or not tracked(document):
        return
    state = state_of(kr, document, today, _done_words(ctx))
    if state.closed or _history(state, today, params):
        return
    history = check_ins_until(kr, today)
    last = history[-1].date if history else tracking_start(document, today)
    if last is None:
        return  # tracking has not begun as of `today`
    days = (today - last).days
    if days > int(params["stale-days"]):
        since = (
            f"the last one was on {last.isoformat()}"
            if history
            else f"none since tracking began on {last.isoformat()}"
        )
        yield Hit(kr, {"days": days, "since": since, "limit": int(params["stale-days"])})


def overdue_key_result(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """A key result in a tracked file whose due date has passed with no score or result (H702)."""
    today, document = ctx.today, ctx.document
    if today is None or document is None or not tracked(document):
        return
    state = state_of(kr, document, today, _done_words(ctx))
    if state.closed or state.due is None or state.due >= today:
        return
    if _history(state, today, params):
        return
    if state.share is not None:
        where = f"it is {state.share:.0%} of the way to its target and has no final score"
    elif state.current is not None:
        where = "its last value is recorded but it has no final score"
    else:
        where = "it has no recorded progress and no final score"
    yield Hit(kr, {"due": state.due.isoformat(), "days": (today - state.due).days, "state": where})
