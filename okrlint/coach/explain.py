"""How the score is made, in words: one sentence for every report, and `--explain-score`."""

from __future__ import annotations

import textwrap

from okrlint.coach import data


def one_line() -> str:
    """The sentence each report carries: the dimensions and their weights."""
    weights = ", ".join(f"{d.label} {d.weight:g}" for d in data.profile().score.dimensions)
    return " ".join(data.texts().scoring.split()).format(weights=weights)


def explain_score() -> str:
    """The dimensions, their weights and what a finding costs, as plain text."""
    profile, words = data.profile(), data.texts().explain
    weights = profile.score
    costs = ", ".join(f"{level} {value:g}" for level, value in weights.severity.items())
    lines = [words["title"], "", _wrap(words["intro"].format(costs=costs)), ""]
    for d in weights.dimensions:
        lines.append(f"{d.label} ({d.weight:g} points; {', '.join(d.categories)})")
        lines.append(_wrap(d.explain, "  "))
        lines.append(_wrap(words[d.mode].format(each=f"{d.each:g}"), "  "))
        also = sorted(code for code, keys in weights.also.items() if d.key in keys)
        if also:
            lines.append(_wrap(words["also"].format(codes=", ".join(also)), "  "))
        if d.needs_key_results:
            lines.append(_wrap(words["empty"], "  "))
        lines.append("")
    rules = profile.progress
    at_risk = words["at-risk"].format(
        behind=f"{rules.behind_by:.0%}",
        elapsed=f"{rules.min_elapsed:.0%}",
        drop=f"{rules.confidence_drop:g}",
        window=rules.confidence_window,
    )
    lines += [words["at-risk-title"], _wrap(at_risk, "  "), ""]
    lines += [_wrap(words["not-rated"]), ""]
    lines += [_wrap(data.texts().note), "", words["files"]]
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(
        " ".join(text.split()), width=88, initial_indent=indent, subsequent_indent=indent
    )
