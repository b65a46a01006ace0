"""The coach's report as Markdown, for a pull-request comment or a planning document.

Every text that comes from an OKR file is escaped, so a title cannot break a table, start a
heading or slip HTML into the page that renders the comment.
"""

from __future__ import annotations

import re

from okrlint.coach.layout import (
    NOTHING_FOUND_UNREAD,
    NOTHING_TO_FIX,
    REWRITE_LABELS,
    STAGE_NAMES,
    bar,
    count,
    percent,
    progress_cell,
    questions_heading,
)
from okrlint.coach.model import Card, CoachReport, Summary

# Inline markup and table cells; the text never starts a line, so block syntax cannot trigger.
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md(text: str) -> str:
    """Text from an OKR file, safe inside Markdown (and the HTML that GitHub lets through)."""
    plain = " ".join(text.split())
    escaped = _SPECIAL.sub(r"\\\1", plain)
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(report: CoachReport) -> str:
    lines = [
        "# OKR coaching report",
        "",
        f"{count(len(report.objectives), 'objective')}, checked on {report.today}.",
        "",
        f"> {report.summary.note}",  # okrlint's own words, not text from the files
        "",
        report.summary.scoring,
        "",
        *_summary(report.summary),
    ]
    for card in report.objectives:
        lines += ["", *_card(card)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(summary: Summary) -> list[str]:
    lines = [
        "## Summary",
        "",
        f"{count(summary.objectives, 'objective')} and {count(summary.key_results, 'key result')} "
        f"in {count(summary.files, 'file')}.",
        "",
        "| Objective | Where | Score | |",
        "|---|---|---:|---|",
    ]
    for s in summary.scores:
        shown = f"{s.score} | `{bar(s.score)}`" if s.score is not None else "not rated |"
        lines.append(f"| {md(s.title)} | `{_code(s.path)}:{s.line}` | {shown} |")
    if summary.average is not None:
        lines += ["", f"Average score: **{summary.average}**."]
    if summary.themes:
        lines += ["", "**Recurring themes**", ""]
        lines += [f"- {md(t.text)} ({t.code} {t.name})" for t in summary.themes]
    if summary.trends:
        lines += ["", "**Cycle to cycle**", ""]
        for trend in summary.trends:
            steps = " → ".join(f"{md(c.cycle)}: {c.score}" for c in trend.cycles)
            lines.append(f"- {md(trend.owner)}: {steps}")
    lines += [
        "",
        f"At risk: {count(summary.at_risk, 'key result')}. No recent check-in: {summary.stale}. "
        f"Past their date and open: {summary.overdue}.",
    ]
    if summary.plan:
        lines += ["", "**About the whole plan**", ""]
        lines += [f"- `{_code(n.path)}:{n.line}`: {md(n.message)} ({n.code})" for n in summary.plan]
    if summary.unreadable:
        lines += [
            "",
            "Could not be read: " + ", ".join(f"`{_code(p)}`" for p in summary.unreadable),
        ]
    return lines


def _card(card: Card) -> list[str]:
    kind = f" · {card.type}" if card.type else ""
    lines = [
        f"## {md(card.title)}",
        "",
        f"`{_code(card.path)}:{card.line}` · {count(card.key_results, 'key result')}{kind}",
        "",
    ]
    if card.score is None:
        lines += [f"**Not rated.** {md(card.not_rated or '')}"]
    else:
        lines += [f"**Score: {card.score}/100** `{bar(card.score)}`", "", "| Dimension | Points |", "|---|---:|"]
        lines += [f"| {d.label} | {d.points:g} / {d.max:g} |" for d in card.breakdown]
    lines += ["", "### Already good", ""]
    lines += [f"- {md(s)}" for s in card.strengths] or ["- Nothing yet: start with the first fix."]
    lines += ["", "### Fix first", ""]
    for number, item in enumerate(card.improvements, 1):
        gain = f" (+{item.impact:g} points)" if item.impact else ""
        label = REWRITE_LABELS[item.kind]
        lines.append(f"{number}. **{item.code}** line {item.line}: {md(item.message)}{gain}  ")
        lines.append(f"   {label}: {md(item.rewrite)}")
    if not card.improvements:
        lines.append(NOTHING_TO_FIX if card.score is not None else NOTHING_FOUND_UNREAD)
    lines += ["", f"### {questions_heading(card)}", ""]
    lines += [f"- **{STAGE_NAMES[q.stage]}:** {md(q.text)}" for q in card.questions]
    progress = card.progress
    lines += ["", "### Progress", "", md(progress.description)]
    if progress.key_results:
        lines += [
            "",
            "| Line | Key result | Progress | Time gone | At risk |",
            "|---:|---|---:|---:|---|",
        ]
        for kr in progress.key_results:
            done, gone = progress_cell(kr.progress, kr.grade), percent(kr.expected)
            risk = md("; ".join(kr.reasons)) if kr.at_risk else ""
            lines.append(f"| {kr.line} | {md(kr.title)} | {done} | {gone} | {risk} |")
        asks = [kr for kr in progress.key_results if kr.question is not None]
        if asks:
            lines += [""]
            lines += [f"- {md(kr.question.text)}" for kr in asks if kr.question is not None]
    if progress.guidance:
        lines += [""] + [f"- {md(g)}" for g in progress.guidance]
    if card.hygiene:
        lines += ["", "**Check-in hygiene**", ""]
        lines += [f"- line {h.line}: **{h.code}** {md(h.message)}" for h in card.hygiene]
    return lines


def _code(text: str) -> str:
    """A path inside backticks: no backtick may end the span early."""
    return text.replace("`", "'")
