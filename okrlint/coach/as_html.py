"""The coach's report as one self-contained HTML page."""

from okrlint.coach.model import CoachReport


def render(report: CoachReport) -> str:
    return ""
