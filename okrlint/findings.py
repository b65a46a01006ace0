"""Findings and the report: the engine's output and the JSON wire format (schema okrlint/v1)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from okrlint import __version__
from okrlint.models import Position

SCHEMA = "okrlint/v1"


class Severity(StrEnum):
    """How much a finding matters: error, warning or info (`--fail-on` compares them)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """3 for error, 2 for warning, 1 for info."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Range(_Frozen):
    """From `start` to `end` (exclusive), 1-based lines and columns counting characters."""

    start: Position
    end: Position


class Edit(_Frozen):
    """Replace the text in `range` with `replacement` (an insertion when the range is empty)."""

    range: Range
    replacement: str


class Fix(_Frozen):
    """The edits that resolve a finding. `safe` fixes keep the meaning and are applied by
    `--fix`; `unsafe` ones may change it and need `--unsafe-fixes` (as in ruff)."""

    applicability: Literal["safe", "unsafe"]
    message: str
    edits: tuple[Edit, ...]


class NodeRef(_Frozen):
    """Which node a finding is about, so an editor can show it without re-parsing the file."""

    kind: str  # file | document | objective | key_result
    objective: str | None = None
    key_result: str | None = None
    text: str | None = None


class Example(_Frozen):
    """A rule's before/after example."""

    before: str
    after: str


class Coaching(_Frozen):
    """Why a finding matters, how to fix it, and an example."""

    why: str
    fix: str
    example: Example

    @field_validator("why", "fix")
    @classmethod
    def _one_paragraph(cls, text: str) -> str:
        # Folded YAML scalars end in a newline; editors and JSON readers want plain text.
        return " ".join(text.split())


class Finding(_Frozen):
    """One problem at one place, with its coaching (the okrlint/v1 JSON finding)."""

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
    fix: Fix | None = None

    def sort_key(self) -> tuple[Any, ...]:
        """Path, line, column, code: the order of every output format."""
        start, end = self.range.start, self.range.end
        return (self.path, start.line, start.column, self.code, end.line, end.column, self.message)


class Summary(_Frozen):
    """Counts for a report: files, objectives, key results and findings per severity."""

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
    # Each linted file's text by path, so formatters can show the source line of a finding.
    sources: Mapping[str, str] = Field(default_factory=dict, exclude=True)

    def summary(self) -> Summary:
        """The counts of this report."""
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
        """The okrlint/v1 document as plain data."""
        return {
            **self.to_dict_without_findings(),
            "findings": [f.model_dump(mode="json") for f in self.findings],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The okrlint/v1 JSON document (DESIGN §4)."""
        if indent != 2 or not self.findings:
            return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False) + "\n"
        # The same text as json.dumps(self.to_dict(), indent=2), written one finding at a time:
        # the dicts of every finding of a large run at once took a hundred megabytes.
        head = {**self.to_dict_without_findings(), "findings": []}
        text = json.dumps(head, indent=2, ensure_ascii=False)
        assert text.endswith('"findings": []\n}')
        parts = [text[: -len("[]\n}")], "[\n"]
        for index, finding in enumerate(self.findings):
            one = json.dumps(finding.model_dump(mode="json"), indent=2, ensure_ascii=False)
            parts.append("    " + one.replace("\n", "\n    "))  # JSON escapes newlines in text
            parts.append(",\n" if index < len(self.findings) - 1 else "\n")
        parts.append("  ]\n}\n")
        return "".join(parts)

    def to_dict_without_findings(self) -> dict[str, Any]:
        """The okrlint/v1 document's fields before its findings."""
        return {
            "schema": SCHEMA,
            "tool": {"name": "okrlint", "version": __version__},
            "summary": self.summary().model_dump(mode="json"),
        }

    def worst(self) -> Severity | None:
        """The highest severity among the findings, or None when there are none."""
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)
