"""Entry points for the command line: coach loaded files, render the report, explain the score."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from okrlint.api import analyzer_for, default_rulebook, lint_results
from okrlint.coach import as_html, as_json, as_markdown, as_text
from okrlint.coach.build import build
from okrlint.coach.explain import explain_score
from okrlint.coach.model import CoachReport
from okrlint.config import RuleSelection, Settings
from okrlint.models import LoadResult
from okrlint.projects import merge

FORMATS: dict[str, Callable[[CoachReport], str]] = {
    "text": as_text.render,
    "markdown": as_markdown.render,
    "html": as_html.render,
    "json": as_json.render,
}

__all__ = ["FORMATS", "explain_score", "render", "run", "run_groups"]


def run(results: Sequence[LoadResult], settings: Settings) -> CoachReport:
    """Lint the loaded files exactly as `check` does, then coach from that report."""
    return run_groups([(settings, results)], settings)


def run_groups(parts: Sequence[tuple[Settings, Sequence[LoadResult]]], settings: Settings) -> CoachReport:
    """As `run`, each part's files linted with its own settings (each file with its nearest
    config, as `check` lints it); `settings` are the run's (its date, its check-in rhythm)."""
    report = merge([lint_results(list(results), own) for own, results in parts])
    results = [result for _own, part in parts for result in part]
    stale_days = int(RuleSelection(settings, default_rulebook()).params("H701")["stale-days"])
    return build(
        results,
        report,
        today=settings.today or dt.date.today(),
        stale_days=stale_days,
        done_words=analyzer_for(settings).lexicons["completion-words"],
    )


def render(report: CoachReport, output_format: str, *, colour: bool = False) -> str:
    """The report in one of FORMATS; colour applies to text only."""
    if output_format == "text":
        return as_text.render(report, colour=colour)
    return FORMATS[output_format](report)
