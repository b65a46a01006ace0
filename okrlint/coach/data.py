"""The coach's data: score weights (rules/profiles/coach.yaml), questions and its own texts."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from okrlint.resources import data_dir

Stage = Literal["goal", "reality", "options", "will"]
STAGES: tuple[Stage, ...] = ("goal", "reality", "options", "will")


class CoachDataError(Exception):
    """A coach data file is malformed; the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class _Kebab(_Strict):
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, alias_generator=_kebab
    )


class Dimension(_Kebab):
    key: str
    label: str
    weight: float = Field(gt=0)
    categories: list[str] = Field(min_length=1)
    mode: Literal["share", "each"]
    each: float = Field(gt=0, le=1)
    needs_key_results: bool
    explain: str


class ScoreWeights(_Kebab):
    severity: dict[Literal["error", "warning", "info"], float]
    also: dict[str, list[str]] = Field(default_factory=dict)
    # A rule whose cost is not its severity's: an info finding that still leaves a key result
    # unscorable (no starting value) costs more than a style hint.
    price: dict[str, float] = Field(default_factory=dict)
    # Rules about the whole plan, not one objective: shown in the summary, charged to no card.
    plan_level: list[str] = Field(default_factory=list)
    dimensions: list[Dimension] = Field(min_length=1)

    @model_validator(mode="after")
    def _adds_up(self) -> ScoreWeights:
        total = sum(d.weight for d in self.dimensions)
        if abs(total - 100) > 1e-9:
            raise ValueError(f"dimension weights add up to {total:g}, not 100")
        seen = [c for d in self.dimensions for c in d.categories]
        if len(seen) != len(set(seen)):
            raise ValueError("a category belongs to two dimensions")
        keys = {d.key for d in self.dimensions}
        for code, extra in self.also.items():
            if not set(extra) <= keys:
                raise ValueError(f"'also.{code}' names an unknown dimension")
        return self

    def cost(self, severity: str, code: str) -> float:
        """What one finding costs before the dimension's share."""
        return self.price.get(code, self.severity[severity])  # type: ignore[index]

    def counts_in(self, dimension: Dimension, category: str, code: str) -> bool:
        """Whether a finding of this category and rule costs points in `dimension`."""
        return category in dimension.categories or dimension.key in self.also.get(code, ())


class ProgressRules(_Kebab):
    behind_by: float = Field(ge=0, le=1)
    min_elapsed: float = Field(ge=0, le=1)
    confidence_window: int = Field(ge=2)
    confidence_drop: float = Field(gt=0, le=1)


class ReportLimits(_Kebab):
    improvements: int = Field(ge=1)
    questions: int = Field(ge=1)
    questions_per_stage: int = Field(ge=1)


class CoachProfile(_Strict):
    score: ScoreWeights
    progress: ProgressRules
    report: ReportLimits


class QuestionText(_Strict):
    stage: Stage
    text: str


class QuestionSet(_Strict):
    theme: str | None = None
    questions: list[QuestionText] = Field(min_length=1)


class Texts(_Strict):
    note: str
    not_rated: str = Field(alias="not-rated")
    strengths: dict[str, str]
    empty: dict[str, str]
    cycle: dict[str, str]
    at_risk: dict[str, str] = Field(alias="at-risk")
    grading: dict[str, str]
    scoring: str
    explain: dict[str, str]


def _read(path: Path) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as error:
        raise CoachDataError(f"{path}: cannot read: {error}") from error


def _validated(model: type[BaseModel], data: Any, path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top)"
        raise CoachDataError(f"{path}: '{where}': {first['msg']}") from error


@cache
def profile() -> CoachProfile:
    """Score weights, at-risk thresholds and report limits."""
    path = data_dir("rules") / "profiles" / "coach.yaml"
    return _validated(CoachProfile, _read(path), path)


@cache
def questions() -> dict[str, QuestionSet]:
    """Question sets by rule code (O101…) or situation (at-risk-behind, general…)."""
    found: dict[str, QuestionSet] = {}
    for path in sorted((data_dir("corpora") / "questions").glob("*.yaml")):
        data = _read(path) or {}
        if not isinstance(data, dict):
            raise CoachDataError(f"{path}: expected a mapping of codes to question sets")
        for key, value in data.items():
            if key in found:
                raise CoachDataError(f"{path}: '{key}' is defined twice")
            found[str(key)] = _validated(QuestionSet, value, path)
    return found


@cache
def texts() -> Texts:
    path = data_dir("corpora") / "coach" / "texts.yaml"
    return _validated(Texts, _read(path), path)
