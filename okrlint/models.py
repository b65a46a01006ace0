"""The OKR document model: what every loader produces and every rule reads."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator

from okrlint.measure import Measurement

# The longest objective or key result okrlint analyses. Real ones run to a few hundred
# characters; a megabyte-long "key result" is reported (E002) and its wording left unread.
MAX_TEXT_CHARS = 2_000


class Position(BaseModel):
    """A 1-based line and column (columns count characters, not bytes)."""

    model_config = ConfigDict(frozen=True)

    line: int
    column: int


class Span(BaseModel):
    """Where a node's text sits in its source file; `end` is exclusive."""

    model_config = ConfigDict(frozen=True)

    path: str
    start: Position
    end: Position

    @classmethod
    def of(cls, path: str, line: int, column: int, end_line: int, end_column: int) -> Span:
        """A span from 1-based line and column numbers (`end_column` exclusive)."""
        # Built with validation: loaders make one per node, and pydantic-core's validation
        # (compiled) takes half the time of `model_construct` (Python).
        return cls(
            path=path,
            start=Position(line=line, column=column),
            end=Position(line=end_line, column=end_column),
        )

    def sort_key(self) -> tuple[str, int, int, int, int]:
        """Path, then start, then end: file order."""
        return (self.path, self.start.line, self.start.column, self.end.line, self.end.column)


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"


class ObjectiveType(StrEnum):
    COMMITTED = "committed"
    ASPIRATIONAL = "aspirational"


class Scope(StrEnum):
    COMPANY = "company"
    TEAM = "team"
    PERSON = "person"


class Scoring(StrEnum):
    FRACTION = "fraction"
    PERCENT = "percent"


def _normalise_confidence(value: float | None) -> float | None:
    """Confidence is 0-1; a 0-10 scale (Radical Focus' "5/10") is divided by ten."""
    if value is None:
        return None
    if not 0 <= value <= 10:  # written this way round so NaN fails too
        raise ValueError("confidence must be between 0 and 1 (or 0 and 10)")
    return value / 10 if value > 1 else value


class _Node(BaseModel):
    # Unknown keys are kept (and ignored by rules) so tools can round-trip their own fields.
    model_config = ConfigDict(extra="allow", populate_by_name=True, use_enum_values=False)

    span: Span | None = None

    @field_validator("title", check_fields=False)
    @classmethod
    def _strip_title(cls, value: str) -> str:
        return " ".join(value.split()) if "\n" in value else value.strip()

    @field_validator("confidence", check_fields=False)
    @classmethod
    def _confidence_scale(cls, value: float | None) -> float | None:
        return _normalise_confidence(value)


class CheckIn(_Node):
    """One progress update on a key result."""

    date: dt.date
    value: float | str | None = None
    confidence: float | None = None
    note: str | None = None


class KeyResult(_Node):
    """A measurable result under an objective; `span` locates its title text."""

    title: str = Field(validation_alias=AliasChoices("title", "description", "kr", "name"))
    id: str | None = None
    metric: str | None = None
    unit: str | None = None
    baseline: float | str | None = Field(
        default=None, validation_alias=AliasChoices("baseline", "start", "from")
    )
    target: float | str | None = Field(default=None, validation_alias=AliasChoices("target", "to"))
    current: float | str | None = None
    direction: Direction | None = None
    due: dt.date | None = None
    # A deadline written once for several key results ("… A, B and C by June 30"), as written;
    # `due` is set too when its year is known.
    shared_deadline: str | None = None
    owner: str | None = None
    confidence: float | None = None
    score: float | None = None
    # Written after the title in prose files ("(70%)", "[x]", "(weight 30%)"), as fractions 0-1.
    progress: float | None = None
    weight: float | None = None
    check_ins: list[CheckIn] = Field(default_factory=list)
    # What okrlint read in the title (quantities, baseline, target, deadline); set when linted.
    measurement: Measurement | None = None

    @field_validator("score")
    @classmethod
    def _score_not_negative(cls, value: float | None) -> float | None:
        if value is not None and not value >= 0:  # NaN fails too
            raise ValueError("score must be a number, 0 or more")
        return value


class Objective(_Node):
    """A qualitative goal with its key results; `span` locates its title text."""

    title: str = Field(validation_alias=AliasChoices("title", "objective", "name"))
    id: str | None = None
    type: ObjectiveType | None = None
    owner: str | None = None
    parent: str | None = None
    why: str | None = None
    visibility: str | None = None
    # The cycle this objective belongs to when a file holds several ("## 2024 Q1" headings);
    # None: the document's cycle.
    cycle: str | None = None
    progress: float | None = None
    key_results: list[KeyResult] = Field(default_factory=list)


class OKRDocument(_Node):
    """One file's OKRs: a single owner's objectives for one cycle."""

    path: str
    format: str
    cycle: str | None = None
    # Where the cycle was found ("front matter", "heading, line 3", "path"), for `inspect`.
    cycle_source: str | None = None
    # The language of the document's text when it is not English ("sv"); the language rules
    # stay silent on it.
    language: str | None = None
    owner: str | None = None
    scope: Scope | None = None
    scoring: Scoring | None = None
    objectives: list[Objective] = Field(default_factory=list)

    def key_results(self) -> list[tuple[Objective, KeyResult]]:
        """Every key result with its objective, in file order."""
        return [(o, kr) for o in self.objectives for kr in o.key_results]

    def cycle_of(self, objective: Objective) -> str | None:
        """The cycle an objective belongs to: its own, else the document's."""
        return objective.cycle or self.cycle


class Diagnostic(BaseModel):
    """A problem a loader met in the input itself (E001 parse error, E002 invalid field)."""

    model_config = ConfigDict(frozen=True)

    code: str
    message: str
    span: Span


class LoadResult(BaseModel):
    """What a loader returns: the document (None if nothing could be read) and its problems."""

    document: OKRDocument | None
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    source: str = ""
    # How a prose file marks its OKRs: "labelled" (objective or KR labels, a key-results
    # section or column) or "plain" (headings that own lists); None for YAML.
    layout: str | None = None

    def model_post_init(self, __context: Any) -> None:
        # Loaders may append diagnostics in any order; keep them in file order.
        self.diagnostics.sort(key=lambda d: d.span.sort_key())
