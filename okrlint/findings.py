"""Findings and the report: the engine's output and the JSON wire format (schema okrlint/v1)."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from okrlint import __version__
from okrlint.models import Position

SCHEMA = "okrlint/v1"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Range(_Frozen):
    start: Position
    end: Position


class NodeRef(_Frozen):
    """Which node a finding is about, so an editor can show it without re-parsing the file."""

    kind: str  # file | document | objective | key_result
    objective: str | None = None
    key_result: str | None = None
    text: str | None = None


class Example(_Frozen):
    before: str
    after: str


class Coaching(_Frozen):
    why: str
    fix: str
    example: Example

    @field_validator("why", "fix")
    @classmethod
    def _one_paragraph(cls, text: str) -> str:
        # Folded YAML scalars end in a newline; editors and JSON readers want plain text.
        return " ".join(text.split())


class Finding(_Frozen):
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    path: str
    range: Range
    node: NodeRef
    coaching: Coaching
    suggestion: str | None = None

    def sort_key(self) -> tuple[Any, ...]:
        start, end = self.range.start, self.range.end
        return (self.path, start.line, start.column, self.code, end.line, end.column, self.message)


class Summary(_Frozen):
    files: int
    objectives: int
    key_results: int
    findings: dict[str, int]


class Report(_Frozen):
    """Everything one run found; `to_json` is the stable okrlint/v1 document."""

    findings: tuple[Finding, ...] = ()
    files: int = 0
    objectives: int = 0
    key_results: int = 0
    paths: tuple[str, ...] = Field(default=(), exclude=True)

    def summary(self) -> Summary:
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return Summary(
            files=self.files,
            objectives=self.objectives,
            key_results=self.key_results,
            findings=counts,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "tool": {"name": "okrlint", "version": __version__},
            "summary": self.summary().model_dump(mode="json"),
            "findings": [f.model_dump(mode="json") for f in self.findings],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False) + "\n"

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)
