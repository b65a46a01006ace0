"""The coach's report as one self-contained HTML page.

No scripts, no fonts, no images and no links to anything outside the file: it opens offline,
prints cleanly, and reads on a phone. Every text taken from the OKR files is escaped.
"""

from __future__ import annotations

import re
from html import escape

from okrlint.coach.layout import (
    NOTHING_FOUND_UNREAD,
    NOTHING_TO_FIX,
    REWRITE_LABELS,
    STAGE_NAMES,
    count,
    percent,
    progress_cell,
    questions_heading,
)
from okrlint.coach.model import Card, CoachReport, Summary

# Text colours keep a contrast of at least 4.5:1 on their backgrounds (WCAG AA); the bars and
# badges are decoration beside a written number, never the only carrier of a score.
_STYLE = """
:root{color-scheme:light;--ink:#1b1b1b;--muted:#4a4a4a;--line:#c9c9c9;--bar:#2a5d8f;
--track:#e4e8ec;--good:#1d6b36;--mid:#7a5200;--low:#a11d1d;--risk-bg:#fff4e5}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.3rem;margin:0 0 .25rem}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
p,li{overflow-wrap:anywhere}
.note{border-left:4px solid var(--bar);padding:.25rem .75rem;color:var(--muted)}
.card{border:1px solid var(--line);border-radius:8px;padding:1rem;margin:1.25rem 0}
.where{color:var(--muted);font-size:.9rem;margin:0}
.score{font-size:1.2rem;margin:.5rem 0}
.score strong{font-size:1.6rem}
.band-good{color:var(--good)}.band-mid{color:var(--mid)}.band-low{color:var(--low)}
.bar{display:inline-block;vertical-align:middle;width:10rem;max-width:40vw;height:.8rem;
background:var(--track);border-radius:4px;overflow:hidden;border:1px solid var(--line)}
.bar span{display:block;height:100%;background:var(--bar)}
table{border-collapse:collapse;width:100%;margin:.25rem 0}
th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid var(--line);vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
.scores td:first-child{width:55%}
.stage{font-weight:600}
.risk{background:var(--risk-bg)}
.rewrite{color:var(--muted)}
@media (max-width:40rem){body{font-size:15px}main{padding:.5rem}.card{padding:.75rem}
.bar{width:6rem}th,td{padding:.25rem}}
@media print{body{font-size:11pt}main{max-width:none;padding:0}
.card{break-inside:avoid-page;border-color:#999}
.bar,.bar span{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def render(report: CoachReport) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>OKR coaching report ({_e(report.today)})</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<h1>OKR coaching report</h1>",
        f"<p>{count(len(report.objectives), 'objective')}, checked on "
        f"<time>{_e(report.today)}</time>.</p>",
        f'<p class="note">{_e(report.summary.note)}</p>',
        f"<p>{_code_spans(_e(report.summary.scoring))}</p>",
        *_summary(report.summary),
    ]
    for number, card in enumerate(report.objectives, 1):
        parts += _card(card, number)
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _code_spans(escaped: str) -> str:
    """`command` in okrlint's own texts (already escaped) as <code>."""
    return re.sub(r"`([^`<>]+)`", r"<code>\1</code>", escaped)


def _band(score: int) -> str:
    return "good" if score >= 80 else "mid" if score >= 50 else "low"


def _bar(score: int) -> str:
    return (
        f'<span class="bar" role="img" aria-label="{score} out of 100">'
        f'<span style="width:{max(0, min(100, score))}%"></span></span>'
    )


def _summary(summary: Summary) -> list[str]:
    parts = [
        '<section aria-labelledby="summary">',
        '<h2 id="summary">Summary</h2>',
        f"<p>{count(summary.objectives, 'objective')} and "
        f"{count(summary.key_results, 'key result')} in {count(summary.files, 'file')}.</p>",
        '<table class="scores"><caption class="where">Score of each objective, in file order'
        "</caption>",
        '<thead><tr><th scope="col">Objective</th><th scope="col" class="num">Score</th>'
        '<th scope="col">Bar</th></tr></thead><tbody>',
    ]
    for number, s in enumerate(summary.scores, 1):
        parts.append(
            f'<tr><td><a href="#objective-{number}">{_e(s.title)}</a>'
            f' <span class="where">{_e(s.path)}:{s.line}</span></td>'
            + (f'<td class="num">{s.score}</td><td>{_bar(s.score)}</td></tr>' if s.score is not None
               else '<td class="num">not rated</td><td></td></tr>')
        )
    parts.append("</tbody></table>")
    if summary.average is not None:
        parts.append(f"<p>Average score: <strong>{summary.average}</strong>.</p>")
    if summary.themes:
        parts.append("<h3>Recurring themes</h3><ul>")
        parts += [f"<li>{_e(t.text)} ({_e(t.code)} {_e(t.name)})</li>" for t in summary.themes]
        parts.append("</ul>")
    if summary.trends:
        parts.append("<h3>Cycle to cycle</h3><ul>")
        for trend in summary.trends:
            steps = " → ".join(f"{_e(c.cycle)}: {c.score}" for c in trend.cycles)
            parts.append(f"<li>{_e(trend.owner)}: {steps}</li>")
        parts.append("</ul>")
    parts.append(
        f"<p>At risk: {count(summary.at_risk, 'key result')}. No recent check-in: "
        f"{summary.stale}. Past their date and open: {summary.overdue}.</p>"
    )
    if summary.plan:
        parts.append("<h3>About the whole plan</h3><ul>")
        for note in summary.plan:
            parts.append(
                f"<li><code>{_e(note.path)}:{note.line}</code>: {_e(note.message)} ({_e(note.code)})</li>"
            )
        parts.append("</ul>")
    if summary.unreadable:
        files = ", ".join(f"<code>{_e(p)}</code>" for p in summary.unreadable)
        parts.append(f"<p>Could not be read: {files}</p>")
    parts.append("</section>")
    return parts


def _card(card: Card, number: int) -> list[str]:
    anchor = f"objective-{number}"
    kind = f" · {_e(card.type)}" if card.type else ""
    parts = [
        f'<section class="card" id="{anchor}" aria-labelledby="{anchor}-title">',
        f'<h2 id="{anchor}-title">{_e(card.title)}</h2>',
        f'<p class="where"><code>{_e(card.path)}:{card.line}</code> · '
        f"{count(card.key_results, 'key result')}{kind}</p>",
    ]
    if card.score is None:
        parts.append(f'<p class="score"><strong class="score-value">Not rated.</strong> {_e(card.not_rated or "")}</p>')
    else:
        parts += [
            f'<p class="score">Score <strong class="score-value band-{_band(card.score)}">'
            f"{card.score}</strong>/100 {_bar(card.score)}</p>",
            '<table class="breakdown"><caption class="where">Score by dimension</caption>'
            '<thead><tr><th scope="col">Dimension</th><th scope="col" class="num">Points</th>'
            "</tr></thead><tbody>",
        ]
        parts += [
            f'<tr><td>{_e(d.label)}</td><td class="num">{d.points:g} / {d.max:g}</td></tr>'
            for d in card.breakdown
        ]
        parts.append("</tbody></table>")
    parts.append("<h3>Already good</h3>")
    if card.strengths:
        parts += ["<ul>", *(f"<li>{_e(s)}</li>" for s in card.strengths), "</ul>"]
    else:
        parts.append("<p>Nothing yet: start with the first fix.</p>")
    parts.append("<h3>Fix first</h3>")
    if card.improvements:
        parts.append("<ol>")
        for item in card.improvements:
            gain = f" (+{item.impact:g} points)" if item.impact else ""
            label = REWRITE_LABELS[item.kind]
            parts.append(
                f"<li><strong>{_e(item.code)}</strong> line {item.line}: {_e(item.message)}{gain}"
                f'<br><span class="rewrite">{label}: {_e(item.rewrite)}</span></li>'
            )
        parts.append("</ol>")
    else:
        parts.append(f"<p>{NOTHING_TO_FIX if card.score is not None else NOTHING_FOUND_UNREAD}</p>")
    parts.append(f"<h3>{questions_heading(card)}</h3>")
    parts.append('<ul class="questions">')
    parts += [
        f'<li><span class="stage">{STAGE_NAMES[q.stage]}:</span> {_e(q.text)}</li>'
        for q in card.questions
    ]
    parts.append("</ul>")
    parts += _progress(card)
    parts.append("</section>")
    return parts


def _progress(card: Card) -> list[str]:
    progress = card.progress
    parts = ["<h3>Progress</h3>", f"<p>{_e(progress.description)}</p>"]
    if progress.key_results:
        parts.append(
            '<table class="progress"><thead><tr><th scope="col">Key result</th>'
            '<th scope="col" class="num">Progress</th><th scope="col" class="num">Time gone</th>'
            "</tr></thead><tbody>"
        )
        for kr in progress.key_results:
            risk = ""
            if kr.at_risk:
                asked = f"<br>{_e(kr.question.text)}" if kr.question is not None else ""
                risk = f"<br><strong>At risk:</strong> {_e('; '.join(kr.reasons))}{asked}"
            row = ' class="risk"' if kr.at_risk else ""
            parts.append(
                f'<tr{row}><td>{_e(kr.title)} <span class="where">(line {kr.line})</span>'
                f'{risk}</td><td class="num">{progress_cell(kr.progress, kr.grade)}</td>'
                f'<td class="num">{percent(kr.expected)}</td></tr>'
            )
        parts.append("</tbody></table>")
    if progress.guidance:
        parts += ["<ul>", *(f"<li>{_e(g)}</li>" for g in progress.guidance), "</ul>"]
    if card.hygiene:
        parts += ["<h3>Check-in hygiene</h3>", "<ul>"]
        parts += [
            f"<li>line {h.line}: <strong>{_e(h.code)}</strong> {_e(h.message)}</li>"
            for h in card.hygiene
        ]
        parts.append("</ul>")
    return parts
