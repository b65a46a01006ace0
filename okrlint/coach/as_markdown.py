"""The coach's report as Markdown, for a pull-request comment or a planning document."""

from okrlint.coach.model import CoachReport


def render(report: CoachReport) -> str:
    return ""
