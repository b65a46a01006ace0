"""The coach's report as JSON for tools (schema okrlint-coach/v1; see coach-v1.schema.json)."""

from __future__ import annotations

from okrlint.coach.model import CoachReport


def render(report: CoachReport) -> str:
    return report.to_json()
