"""The summary of a whole run: each objective's score, recurring themes, owners' cycles."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from okrlint.coach.data import QuestionSet, Texts
from okrlint.coach.explain import one_line
from okrlint.coach.model import (
    Card,
    CycleScore,
    ObjectiveScore,
    OwnerTrend,
    PlanNote,
    Summary,
    Theme,
)
from okrlint.coach.scoring import rounded
from okrlint.findings import Finding, Report
from okrlint.measure import cycle_end


def summarise(
    cards: Sequence[Card],
    report: Report,
    loose: Sequence[Finding],
    sets: dict[str, QuestionSet],
    texts: Texts,
    plan: Sequence[Finding] = (),
) -> Summary:
    """Scores in file order (never ranked), themes by how often they recur, cycles by owner."""
    scores = [ObjectiveScore(path=c.path, line=c.line, title=c.title, score=c.score) for c in cards]
    rated = [c.score for c in cards if c.score is not None]
    average = rounded(sum(rated) / len(rated)) if rated else None
    return Summary(
        files=report.files,
        objectives=report.objectives,
        key_results=report.key_results,
        average=average,
        scores=scores,
        themes=themes(report, sets),
        trends=trends(cards),
        at_risk=sum(1 for c in cards for kr in c.progress.key_results if kr.at_risk),
        stale=sum(1 for f in report.findings if f.code == "H701"),
        overdue=sum(1 for f in report.findings if f.code == "H702"),
        unreadable=sorted({f.path for f in loose if f.code == "E001"}),
        plan=[
            PlanNote(path=f.path, line=f.range.start.line, code=f.code, message=f.message)
            for f in sorted(plan, key=Finding.sort_key)
        ],
        note=" ".join(texts.note.split()),
        scoring=one_line(),
    )


def themes(report: Report, sets: dict[str, QuestionSet]) -> list[Theme]:
    """Problems found on two or more key results (or objectives, or plans) of the run."""
    nodes: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    on_key_results: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for finding in report.findings:
        start = finding.range.start
        nodes[finding.code].add((finding.path, start.line, start.column))
        on_key_results[finding.code] += finding.node.kind == "key_result"
        names[finding.code] = finding.name
    found = []
    for code, where in nodes.items():
        template = sets[code].theme if code in sets else None
        if template is None or len(where) < 2:
            continue
        per_kr = on_key_results[code] * 2 >= len(where)
        total = report.key_results if per_kr else report.objectives
        text = template.format(count=len(where), total=total)
        found.append(Theme(code=code, name=names[code], count=len(where), total=total, text=text))
    return sorted(found, key=lambda t: (-t.count, t.code))


def trends(cards: Sequence[Card]) -> list[OwnerTrend]:
    """For each owner with two or more cycles in the run, the average score of each cycle."""
    by_owner: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for card in cards:
        if card.owner and card.cycle and card.score is not None:
            by_owner[card.owner][card.cycle].append(card.score)
    result = []
    for owner in sorted(by_owner):
        cycles = by_owner[owner]
        if len(cycles) < 2:
            continue
        ordered = sorted(cycles, key=lambda name: (cycle_end(name) or dt.date.max, name))
        result.append(
            OwnerTrend(
                owner=owner,
                cycles=[
                    CycleScore(
                        cycle=name,
                        score=rounded(sum(cycles[name]) / len(cycles[name])),
                        objectives=len(cycles[name]),
                    )
                    for name in ordered
                ],
            )
        )
    return result
