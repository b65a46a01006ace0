"""The coach's report for the terminal: a card per objective, then the summary with bars."""

from __future__ import annotations

import textwrap

from okrlint.coach.layout import (
    NOTHING_FOUND_UNREAD,
    REWRITE_LABELS,
    STAGE_NAMES,
    bar,
    count,
    percent,
    progress_cell,
    questions_heading,
)
from okrlint.coach.model import Card, CoachReport, Summary


def render(report: CoachReport, *, colour: bool = False) -> str:
    """Plain text; ANSI colour only when asked (the CLI asks on a terminal)."""
    paint = _Painter(colour)
    lines = [
        paint.bold(
            f"okrlint coach: {count(len(report.objectives), 'objective')}, on {report.today}"
        )
    ]
    for card in report.objectives:
        lines += ["", *_card(card, paint)]
    lines += ["", *_summary(report.summary, paint)]
    return "\n".join(lines) + "\n"


def _card(card: Card, paint: _Painter) -> list[str]:
    kind = f", {card.type}" if card.type else ""
    counted = f"({count(card.key_results, 'key result')}{kind})"
    if card.score is None:
        rated = f"  Not rated  {counted}\n    {card.not_rated}"
    else:
        rated = f"  Score {paint.score(card.score)}/100  {bar(card.score)}  {counted}"
    lines = [paint.bold(f"{card.path}:{card.line}  {card.title}"), *rated.split("\n")]
    for d in card.breakdown:
        lines.append(f"    {d.label:<22} {d.points:>5.1f} / {d.max:g}")
    lines.append(paint.bold("  Already good"))
    lines += [f"    + {s}" for s in card.strengths] or ["    (nothing yet)"]
    lines.append(paint.bold("  Fix first"))
    for number, item in enumerate(card.improvements, 1):
        gain = f" (+{item.impact:g})" if item.impact else ""
        lines.append(f"    {number}. line {item.line}: {item.code} {item.message}{gain}")
        lines.append(f"       {REWRITE_LABELS[item.kind].lower()}: {item.rewrite}")
    if not card.improvements:
        lines.append("    (nothing to change in the writing)" if card.score is not None else f"    ({NOTHING_FOUND_UNREAD})")
    lines.append(paint.bold(f"  {questions_heading(card)}"))
    lines += [f"    {STAGE_NAMES[q.stage] + ':':<9} {q.text}" for q in card.questions]
    progress = card.progress
    lines.append(paint.bold("  Progress") + f"  {progress.description}")
    for kr in progress.key_results:
        done = progress_cell(kr.progress, kr.grade)
        expected = "" if kr.expected is None else f" (time gone {percent(kr.expected)})"
        flag = paint.warn("  AT RISK: " + "; ".join(kr.reasons)) if kr.at_risk else ""
        lines.append(f"    line {kr.line}: {kr.title}  {done}{expected}{flag}")
        if kr.question is not None:
            lines.append(f"      ? {kr.question.text}")
    lines += [f"    {g}" for g in progress.guidance]
    if card.hygiene:
        lines.append(paint.bold("  Check-in hygiene"))
        lines += [f"    line {h.line}: {h.code} {h.message}" for h in card.hygiene]
    return lines


def _summary(summary: Summary, paint: _Painter) -> list[str]:
    lines = [
        paint.bold(
            f"Summary: {count(summary.objectives, 'objective')}, "
            f"{count(summary.key_results, 'key result')} in {count(summary.files, 'file')}"
        )
    ]
    for s in summary.scores:
        if s.score is None:
            lines.append(f"  {'-':>3} {'not rated':<20}  {_cut(s.title)}  ({s.path}:{s.line})")
            continue
        score = paint.score(s.score).rjust(3 + len(paint.score(s.score)) - len(str(s.score)))
        lines.append(f"  {score} {bar(s.score)}  {_cut(s.title)}  ({s.path}:{s.line})")
    if summary.average is not None:
        lines.append(f"  Average score: {summary.average}")
    if summary.themes:
        lines.append(paint.bold("  Recurring themes"))
        lines += [f"    - {t.text} ({t.code})" for t in summary.themes]
    if summary.trends:
        lines.append(paint.bold("  Cycle to cycle"))
        for trend in summary.trends:
            steps = " -> ".join(f"{c.cycle} {c.score}" for c in trend.cycles)
            lines.append(f"    {trend.owner}: {steps}")
    lines.append(
        f"  At risk: {count(summary.at_risk, 'key result')}; no recent check-in: {summary.stale}; "
        f"past their date and open: {summary.overdue}."
    )
    if summary.plan:
        lines.append(paint.bold("  About the whole plan"))
        lines += [f"    - {n.path}:{n.line}: {n.message} ({n.code})" for n in summary.plan]
    if summary.unreadable:
        lines.append(f"  Could not be read: {', '.join(summary.unreadable)}")
    for paragraph in (summary.scoring, summary.note):
        lines.append(
            textwrap.fill(paragraph, width=88, initial_indent="  ", subsequent_indent="  ")
        )
    return lines


def _cut(title: str, limit: int = 48) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


class _Painter:
    def __init__(self, on: bool) -> None:
        self.on = on

    def _wrap(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.on else text

    def bold(self, text: str) -> str:
        return self._wrap(text, "1")

    def warn(self, text: str) -> str:
        return self._wrap(text, "33")

    def score(self, score: int) -> str:
        colour = "32" if score >= 80 else "33" if score >= 50 else "31"
        return self._wrap(str(score), "1;" + colour)
