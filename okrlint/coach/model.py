"""The coach's report: one card per objective and a summary of the set (schema okrlint-coach/v1).

Plain data, built once by `okrlint.coach.build` and read by every output format.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict

from okrlint import __version__

SCHEMA = "okrlint-coach/v1"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class DimensionScore(_Frozen):
    key: str
    label: str
    points: float
    max: float
    findings: int


class Improvement(_Frozen):
    code: str
    name: str
    severity: str
    message: str
    line: int
    column: int
    text: str | None  # the objective or key result the finding is about
    rewrite: str
    # rewrite: this very text rewritten; template: a rewrite with <placeholders> to fill;
    # example: the rule's own before/after example, when it has no rewrite for this text.
    kind: str
    impact: float  # points the score gains when this is fixed


class Question(_Frozen):
    stage: str  # goal | reality | options | will (GROW)
    text: str
    source: str  # the rule code or cycle situation that prompted it


class KeyResultProgress(_Frozen):
    line: int
    title: str
    baseline: float | None
    target: float | None
    current: float | None
    progress: float | None  # share of the way from baseline to target
    expected: float | None  # share of the key result's time gone
    confidence: list[float]  # over the check-ins up to the report's date
    grade: float | None
    at_risk: bool
    reasons: list[str]
    question: Question | None


class Progress(_Frozen):
    cycle: str | None
    state: str  # unknown | not-started | running | ended
    start: str | None
    end: str | None
    elapsed: float | None
    description: str
    key_results: list[KeyResultProgress]
    guidance: list[str]


class HygieneNote(_Frozen):
    """An H7 finding (stale check-in, overdue key result) on the objective's key results."""

    code: str
    line: int
    text: str | None
    message: str


class Card(_Frozen):
    path: str
    line: int
    column: int
    id: str | None
    title: str
    type: str | None
    owner: str | None
    cycle: str | None
    key_results: int
    score: int | None  # None: written in a language the language rules do not read
    not_rated: str | None  # why there is no score
    breakdown: list[DimensionScore]
    strengths: list[str]
    improvements: list[Improvement]
    questions: list[Question]
    hygiene: list[HygieneNote]  # in file order
    progress: Progress


class ObjectiveScore(_Frozen):
    path: str
    line: int
    title: str
    score: int | None


class Theme(_Frozen):
    code: str
    name: str
    count: int
    total: int
    text: str


class CycleScore(_Frozen):
    cycle: str
    score: int
    objectives: int


class OwnerTrend(_Frozen):
    owner: str
    cycles: list[CycleScore]


class PlanNote(_Frozen):
    """A finding about the whole plan (too many objectives, too many key results for one
    owner, no cycle in the file): no one objective's score pays for it."""

    path: str
    line: int
    code: str
    message: str


class Summary(_Frozen):
    files: int
    objectives: int
    key_results: int
    average: int | None
    scores: list[ObjectiveScore]
    themes: list[Theme]
    trends: list[OwnerTrend]
    at_risk: int
    stale: int
    overdue: int
    unreadable: list[str]
    plan: list[PlanNote] = []
    note: str  # the score rates the writing, never people
    scoring: str  # how the score is made, in one sentence


class CoachReport(_Frozen):
    today: str
    objectives: list[Card]
    summary: Summary

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "tool": {"name": "okrlint", "version": __version__},
            **self.model_dump(mode="json"),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"
