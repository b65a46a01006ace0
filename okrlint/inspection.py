"""What okrlint understood of each key result: `okrlint inspect` shows why a rule fired."""

from __future__ import annotations

import re
from typing import Any

from okrlint.loaders.language_guess import language_name
from okrlint.measure import (
    Quantity,
    cycle_end,
    cycle_year,
    direction_of,
    field_quantity,
    parse_deadline,
)
from okrlint.models import KeyResult, LoadResult
from okrlint.nlp import Analyzer


def _quantity(q: Quantity | None, source: str = "text") -> dict[str, Any] | None:
    if q is None:
        return None
    return {
        "text": q.text,
        "value": q.value,
        "unit": q.unit,
        "currency": q.currency,
        "source": source,
    }


def _field_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _field(kr: KeyResult, name: str) -> dict[str, Any] | None:
    """A `baseline` or `target` field as a quantity; it takes precedence over the text."""
    value = getattr(kr, name)
    if value is None:
        return None
    parsed = field_quantity(value, kr.unit)
    return {
        "text": _field_text(value),
        "value": parsed.value if parsed else None,
        "unit": parsed.unit if parsed and (parsed.unit or parsed.currency) else kr.unit,
        "currency": parsed.currency if parsed else None,
        "source": "field",
    }


def _deadline(kr: KeyResult, measured: Any, cycle: str | None) -> dict[str, Any] | None:
    """The `due` field, else the deadline in the text, else the end of the document's cycle."""
    if kr.shared_deadline:  # written once for the whole "as measured by" sentence
        date = kr.due.isoformat() if kr.due else None
        return {"text": kr.shared_deadline, "date": date, "source": "sentence"}
    if kr.due is not None:
        return {"text": f"due {kr.due.isoformat()}", "date": kr.due.isoformat(), "source": "field"}
    deadline = measured.deadline
    if deadline is not None:
        # The rules read the text without a year; the cycle's year dates "by March 31".
        dated = deadline.date
        if dated is None:
            reparsed = parse_deadline(deadline.text, cycle_year(cycle))
            dated = reparsed.date if reparsed is not None else None
        return {
            "text": deadline.text,
            "date": dated.isoformat() if dated else None,
            "source": "text",
        }
    if cycle:
        end = cycle_end(cycle)
        return {"text": None, "date": end.isoformat() if end else None, "source": "cycle"}
    return None


def inspect_results(results: list[LoadResult], analyzer: Analyzer) -> list[dict[str, Any]]:
    """One record per key result: location, reading (verb, task…) and measurement.

    The KR's own fields (`metric`, `unit`, `direction`, `baseline`, `target`, `due`) take
    precedence over what the text says, as they do for the rules; each part says its `source`.
    """
    records = []
    for result in results:
        document = result.document
        if document is None:
            continue
        analyzer.analyze(kr.title for _o, kr in document.key_results())
        for o_index, objective in enumerate(document.objectives, 1):
            for k_index, kr in enumerate(objective.key_results, 1):
                reading = analyzer.read(kr.title)
                measured = reading.measurement  # exactly what the rules read
                span = kr.span
                baseline = _field(kr, "baseline") or _quantity(measured.baseline)
                target = _field(kr, "target") or _quantity(measured.target)
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
                        "metric": kr.metric or reading.metric,
                        "quantities": [_quantity(q) for q in measured.quantities],
                        "baseline": baseline,
                        "target": target,
                        "unit": kr.unit
                        or _given_unit(target)
                        or _unit(measured.target or measured.baseline, reading.metric),
                        "relative_change": measured.relative_change,
                        "comparator": measured.comparator,
                        "direction": _resolved_direction(kr, reading),
                        "deadline": _deadline(kr, measured, document.cycle_of(objective)),
                        "cycle": document.cycle_of(objective),
                        "cycle_source": (
                            "objective's heading or field"
                            if objective.cycle
                            else document.cycle_source
                        ),
                        "language": document.language,
                        "layout": result.layout,
                        "fields": {
                            key: _field_text(value)
                            for key, value in (
                                ("metric", kr.metric),
                                ("unit", kr.unit),
                                ("direction", kr.direction),
                                ("baseline", kr.baseline),
                                ("target", kr.target),
                                ("due", kr.due.isoformat() if kr.due else None),
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


def _resolved_direction(kr: KeyResult, reading: Any) -> str | None:
    """The `direction` field; else the move between baseline and target fields; else the text's."""
    if kr.direction is not None:
        return str(kr.direction)
    measured = reading.measurement
    if kr.baseline is not None or kr.target is not None:
        start = field_quantity(kr.baseline, kr.unit) if kr.baseline is not None else None
        end = field_quantity(kr.target, kr.unit) if kr.target is not None else None
        moved = direction_of(start or measured.baseline, end or measured.target)
        if moved is not None:
            return moved
    return reading.direction


def _given_unit(field: dict[str, Any] | None) -> str | None:
    """The unit a `target` field is written in ("$2M", "300 ms")."""
    if field is None or field["source"] != "field":
        return None
    return field["currency"] or field["unit"]


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
    """A readable block per key result; "(field)" marks what comes from the KR's own fields."""
    blocks = []
    shown_paths: set[str] = set()
    for r in records:
        fields = r["fields"]
        lines = []
        if r["path"] not in shown_paths:
            shown_paths.add(r["path"])
            lines.append(_file_header(r))
        lines.append(
            f"{r['path']}:{r['line']}:{r['column']}: {r['objective']}/{r['key_result']} {r['text']}"
        )
        verb = f"{r['verb']} ({r['verb_kind']})" if r["verb"] else "—"
        metric = _shown(r["metric"], "metric" in fields)
        direction = _shown(r["direction"], "direction" in fields)
        lines.append(f"  verb: {verb}   metric: {metric}   direction: {direction}")
        baseline = _shown_quantity(r["baseline"])
        target = _shown_quantity(r["target"])
        unit = _shown(r["unit"], "unit" in fields)
        change = f"   change: {r['relative_change']}" if r["relative_change"] else ""
        lines.append(f"  baseline: {baseline}   target: {target}   unit: {unit}{change}")
        lines.append(f"  deadline: {_shown_deadline(r['deadline'], r['cycle'])}")
        flags = [f"{k.replace('_', ' ')}: {v}" for k, v in r["reads_as"].items() if v]
        if flags:
            lines.append("  reads as " + "; ".join(flags))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def _file_header(record: dict[str, Any]) -> str:
    """What okrlint understood of the file: its cycle and where it came from, its layout and
    its language (the language rules are silent on a file not in English)."""
    cycle = record["cycle"]
    source = record["cycle_source"]
    if cycle:
        said = f"cycle {cycle}" + (f" (from the {source})" if source else "")
    elif source:
        said = f"no single cycle ({source})"
    else:
        said = "no cycle found (field, front matter, 'Cycle:' line, heading, path or deadline)"
    parts = [said]
    if record["layout"]:
        parts.append(f"layout: {record['layout']}")
    language = record["language"]
    if language:
        parts.append(f"text in {language_name(language)}: the English language rules are silent on it")
    return f"{record['path']}: " + "; ".join(parts)


def _shown(value: str | None, from_field: bool) -> str:
    if value is None:
        return "—"
    return f"{value} (field)" if from_field else value


def _shown_quantity(q: dict[str, Any] | None) -> str:
    if q is None:
        return "—"
    return _shown(q["text"], q["source"] == "field")


def _shown_deadline(deadline: dict[str, Any] | None, cycle: str | None) -> str:
    if deadline is None:
        return "—"
    if deadline["source"] == "cycle":
        ends = f" ends {deadline['date']}" if deadline["date"] else ""
        return f"— (cycle {cycle}{ends})"
    dated = deadline["source"] in ("text", "sentence") and deadline["date"]
    when = deadline["text"] + (f" ({deadline['date']})" if dated else "")
    if deadline["source"] == "sentence":
        return f"{when} (shared by the sentence)"
    return f"{when} (field)" if deadline["source"] == "field" else when
