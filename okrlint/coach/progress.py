"""Progress against the calendar: the state of the cycle, at-risk key results, grading guidance.

Reads the check-ins, `current`, `score` and `confidence` of the loaded documents on the report's
date; the numbers come from the same reading the hygiene rules use (checks.hygiene).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from okrlint.checks.hygiene import KeyResultState, check_ins_until, state_of, tracked
from okrlint.coach.data import ProgressRules, Texts
from okrlint.measure import cycle_end
from okrlint.models import KeyResult, Objective, ObjectiveType, OKRDocument

_QUARTER = re.compile(r"q\s*[1-4]|[1-4]\s*q|quarter\s*[1-4]")
_HALF = re.compile(r"h\s*[12]|[12]\s*h|half\s*[12]")


@dataclass(frozen=True)
class Cycle:
    name: str | None
    start: dt.date | None
    end: dt.date | None
    state: str  # unknown | not-started | running | ended
    elapsed: float | None  # share of the cycle gone on the report's date


def cycle_of(document: OKRDocument, objective: Objective, today: dt.date) -> Cycle:
    """The objective's cycle (its own, else the document's) with its dates, and where `today`
    falls in it: a file may hold this quarter's set beside last quarter's."""
    name = document.cycle_of(objective)
    start, end = cycle_bounds(name)
    if start is None or end is None:
        return Cycle(name, None, None, "unknown", None)
    if today < start:
        return Cycle(name, start, end, "not-started", 0.0)
    if today > end:
        return Cycle(name, start, end, "ended", 1.0)
    elapsed = (today - start).days / max(1, (end - start).days)
    return Cycle(name, start, end, "running", elapsed)


def cycle_bounds(cycle: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of a calendar cycle; its end is measure.cycle_end's reading."""
    end = cycle_end(cycle)
    if end is None or cycle is None:
        return None, None
    rest = re.sub(r"(?:19|20)\d\d", " ", cycle.lower()).strip(" -_/.")
    if _QUARTER.fullmatch(rest):
        months = 3
    elif _HALF.fullmatch(rest):
        months = 6
    elif rest in ("", "year", "annual"):
        months = 12
    else:
        months = 1
    return dt.date(end.year, end.month - months + 1, 1), end


@dataclass(frozen=True)
class Reading:
    """One key result on the report's date, with why it is at risk (if it is)."""

    kr: KeyResult
    state: KeyResultState
    expected: float | None
    confidence: list[float]
    reasons: list[str]  # "behind" and/or "confidence"
    words: dict[str, str]  # figures for the at-risk texts, already formatted
    overdue: bool  # its date has passed: a question about learning, not about catching up

    @property
    def at_risk(self) -> bool:
        return bool(self.reasons)


def read_key_results(
    objective: Objective,
    document: OKRDocument,
    cycle: Cycle,
    today: dt.date,
    rules: ProgressRules,
    done_words: Iterable[Any],
    stale_days: int,
) -> list[Reading]:
    """The progress of each key result of a tracked document (none for a plan without data)."""
    if not tracked(document):
        return []
    words = list(done_words)
    return [
        _reading(kr, objective, document, cycle, today, rules, words, stale_days)
        for kr in objective.key_results
    ]


def _reading(
    kr: KeyResult,
    objective: Objective,
    document: OKRDocument,
    cycle: Cycle,
    today: dt.date,
    rules: ProgressRules,
    done_words: list[Any],
    stale_days: int,
) -> Reading:
    state = state_of(kr, document, today, done_words)
    check_ins = check_ins_until(kr, today)
    confidence = [c.confidence for c in check_ins if c.confidence is not None]
    expected = None
    if cycle.start is not None and state.due is not None and state.due > cycle.start:
        gone = (today - cycle.start).days / (state.due - cycle.start).days
        expected = min(1.0, max(0.0, gone))
    reasons: list[str] = []
    words: dict[str, str] = {}
    overdue = state.due is not None and state.due < today
    # Before its date, a reading older than the check-in rhythm says little of where a key
    # result stands today (H701 asks for a new one), so it is not called behind on that.
    fresh = bool(check_ins) and (today - max(c.date for c in check_ins)).days <= stale_days
    if not state.closed and (overdue or fresh or not kr.check_ins):
        if (
            expected is not None
            and state.share is not None
            and expected >= rules.min_elapsed
            and state.share + rules.behind_by < expected
        ):
            reasons.append("behind")
            words.update(share=f"{max(0.0, state.share):.0%}", expected=f"{expected:.0%}")
        window = confidence[-rules.confidence_window :]
        if (
            len(window) == rules.confidence_window
            and all(a >= b for a, b in zip(window, window[1:], strict=False))
            and window[0] - window[-1] >= rules.confidence_drop - 1e-9
        ):
            reasons.append("confidence")
            words.update(first=f"{window[0]:g}", last=f"{window[-1]:g}")
    if overdue and (value := _final_of(state)) is not None and value >= _healthy(objective):
        reasons, words = [], {}  # past its date at 0.7 of an aspirational target: a good result
    return Reading(kr, state, expected, confidence, reasons, words, overdue)


def describe(cycle: Cycle, today: dt.date, texts: Texts) -> str:
    """One sentence on where the cycle stands."""
    values = {
        "cycle": cycle.name or "the cycle",
        "start": cycle.start.isoformat() if cycle.start else "",
        "end": cycle.end.isoformat() if cycle.end else "",
        "today": today.isoformat(),
        "elapsed": f"{cycle.elapsed:.0%}" if cycle.elapsed is not None else "",
    }
    return texts.cycle[cycle.state].format_map(values)


def reasons_text(reading: Reading, texts: Texts) -> list[str]:
    return [texts.at_risk[reason].format_map(reading.words) for reason in reading.reasons]


def missed(objective: Objective, readings: list[Reading]) -> list[Reading]:
    """Key results that ended short of their target: a score under 1, or unscored and short of
    it; on an aspirational objective, only those under the healthy band (0.6 to 0.7 is a
    good result there, not a miss). A key result with no result recorded is `unrecorded`."""
    floor = _healthy(objective)
    return [r for r in readings if (value := _final_of(r.state)) is not None and value < floor]


def _healthy(objective: Objective) -> float:
    """The final score from which a key result is a good result: 0.6 on an aspirational
    objective (Google's healthy 0.6 to 0.7), 1.0 where it is a promise or untyped."""
    return 0.6 if objective.type == ObjectiveType.ASPIRATIONAL else 1.0


def unrecorded(readings: list[Reading]) -> list[Reading]:
    """Key results with no score, no progress and no done mark at the end: nothing says how
    they ended, so nothing is presumed."""
    return [r for r in readings if not r.state.done and r.state.grade is None and r.state.share is None]


def _final_of(state: KeyResultState) -> float | None:
    if state.grade is not None:
        return state.grade
    if state.done:
        return 1.0
    return state.share


def all_met(objective: Objective, readings: list[Reading]) -> bool:
    """The sandbagging signal: two or more scored key results, every one at 1.0 or above, on
    an objective not marked committed (committed results are meant to land at 1.0)."""
    if objective.type == ObjectiveType.COMMITTED:
        return False
    grades = [r.state.grade for r in readings if r.state.grade is not None]
    return len(grades) >= 2 and all(g >= 1.0 for g in grades)


def guidance(
    objective: Objective, cycle: Cycle, readings: list[Reading], texts: Texts
) -> list[str]:
    """After the cycle: how to read the scores, what to learn from each miss, sandbagging."""
    if cycle.state != "ended" or not readings:
        return []
    kind = {ObjectiveType.ASPIRATIONAL: "aspirational", ObjectiveType.COMMITTED: "committed"}
    lines = [texts.grading[kind.get(objective.type, "untyped")]]  # type: ignore[arg-type]
    for reading in missed(objective, readings):
        lines.append(
            texts.grading["missed"].format_map(
                {"text": short(reading.kr.title), **_result(reading)}
            )
        )
    for reading in unrecorded(readings):
        lines.append(texts.grading["unrecorded"].format_map({"text": short(reading.kr.title)}))
    if all_met(objective, readings):
        lines.append(texts.grading["all-met"])
    return lines


def _result(reading: Reading) -> dict[str, str]:
    if reading.state.grade is not None:
        return {"result": f"score {reading.state.grade:g}"}
    if reading.state.share is not None:
        return {"result": f"{max(0.0, reading.state.share):.0%} of the way, not scored"}
    return {"result": "not scored"}


def short(text: str, limit: int = 60) -> str:
    """A title cut to fit in a sentence (as the engine's {text} in messages)."""
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "…"
