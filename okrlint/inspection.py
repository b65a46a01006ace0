"""What okrlint understood of each key result: `okrlint inspect` shows why a rule fired."""

from __future__ import annotations

import re
from typing import Any

from okrlint.measure import Quantity, measure
from okrlint.models import LoadResult
from okrlint.nlp import Analyzer


def _quantity(q: Quantity | None) -> dict[str, Any] | None:
    if q is None:
        return None
    return {"text": q.text, "value": q.value, "unit": q.unit, "currency": q.currency}


def _cycle_year(cycle: str | None) -> int | None:
    match = re.search(r"(?:19|20)\d\d", cycle or "")
    return int(match.group(0)) if match else None


def inspect_results(results: list[LoadResult], analyzer: Analyzer) -> list[dict[str, Any]]:
    """One record per key result: location, reading (verb, task…) and measurement."""
    records = []
    for result in results:
        document = result.document
        if document is None:
            continue
        year = _cycle_year(document.cycle)
        analyzer.analyze(kr.title for _o, kr in document.key_results())
        for o_index, objective in enumerate(document.objectives, 1):
            for k_index, kr in enumerate(objective.key_results, 1):
                reading = analyzer.read(kr.title)
                measured = measure(kr.title, year, _direction(reading))
                span = kr.span
                deadline = measured.deadline
                records.append(
                    {
                        "path": document.path,
                        "line": span.start.line if span else None,
                        "column": span.start.column if span else None,
                        "objective": objective.id or f"O{o_index}",
                        "key_result": kr.id or f"KR{k_index}",
                        "text": kr.title,
                        "verb": reading.lead.base if reading.lead else None,
                        "verb_kind": reading.lead.kind if reading.lead else None,
                        "metric": reading.metric,
                        "quantities": [_quantity(q) for q in measured.quantities],
                        "baseline": _quantity(measured.baseline),
                        "target": _quantity(measured.target),
                        "unit": _unit(measured.target or measured.baseline, reading.metric),
                        "relative_change": measured.relative_change,
                        "comparator": measured.comparator,
                        "direction": measured.direction,
                        "deadline": (
                            {
                                "text": deadline.text,
                                "date": deadline.date.isoformat() if deadline.date else None,
                            }
                            if deadline
                            else None
                        ),
                        "fields": {
                            key: str(value)
                            for key, value in (
                                ("baseline", kr.baseline),
                                ("target", kr.target),
                                ("due", kr.due),
                            )
                            if value is not None
                        },
                        "reads_as": {
                            "task": reading.task,
                            "binary": reading.binary,
                            "effort_metric": reading.effort,
                            "vague_word": reading.vague,
                            "unqualified_population": reading.unqualified_population,
                        },
                    }
                )
    return records


def _direction(reading: Any) -> Any:
    lead = reading.lead
    if lead is None or lead.kind not in ("outcome", "maintenance"):
        return None
    if lead.kind == "maintenance":
        return "maintain"
    value = reading.lex["outcome-verbs"].value((lead.base,))
    return value if value in ("increase", "decrease") else None


def _unit(q: Quantity | None, metric: str | None) -> str | None:
    """The target's unit.

    A bare number is in points for scores (NPS, CSAT) and a count otherwise.
    """
    if q is None:
        return None
    if q.currency or q.unit:
        return q.currency or q.unit
    scored = metric and re.search(r"(?i)\b(?:nps|csat|ces|score|rating|index|points?)\b", metric)
    return "points" if scored else "count"


def format_inspection(records: list[dict[str, Any]]) -> str:
    """A readable block per key result."""
    blocks = []
    for r in records:
        lines = [
            f"{r['path']}:{r['line']}:{r['column']}: {r['objective']}/{r['key_result']} {r['text']}"
        ]
        verb = f"{r['verb']} ({r['verb_kind']})" if r["verb"] else "—"
        lines.append(
            f"  verb: {verb}   metric: {r['metric'] or '—'}   direction: {r['direction'] or '—'}"
        )
        baseline = r["baseline"]["text"] if r["baseline"] else r["fields"].get("baseline", "—")
        target = r["target"]["text"] if r["target"] else r["fields"].get("target", "—")
        change = f"   change: {r['relative_change']}" if r["relative_change"] else ""
        lines.append(
            f"  baseline: {baseline}   target: {target}   unit: {r['unit'] or '—'}{change}"
        )
        deadline = r["deadline"]
        if deadline:
            when = f"{deadline['text']}" + (f" ({deadline['date']})" if deadline["date"] else "")
        else:
            when = f"due {r['fields']['due']}" if "due" in r["fields"] else "—"
        lines.append(f"  deadline: {when}")
        flags = [f"{k.replace('_', ' ')}: {v}" for k, v in r["reads_as"].items() if v]
        if flags:
            lines.append("  reads as " + "; ".join(flags))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
