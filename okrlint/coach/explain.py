"""`okrlint coach --explain-score`: how the score is made, read from the weights file."""

from __future__ import annotations

import textwrap

from okrlint.coach import data


def explain_score() -> str:
    """The dimensions, their weights and what a finding costs, as plain text."""
    profile = data.profile()
    weights = profile.score
    costs = ", ".join(f"{level} {value:g}" for level, value in weights.severity.items())
    lines = [
        "How okrlint coach scores an objective (0-100)",
        "",
        _wrap(
            "The score starts from the findings of `okrlint check` on the objective and its key "
            "results. Each dimension below has a weight; findings in its categories take a share "
            f"of it, priced by severity ({costs}). Input and hygiene findings are shown but not "
            "scored."
        ),
        "",
    ]
    for d in weights.dimensions:
        if d.mode == "share":
            how = (
                "loses the average over the key results of the worst finding on each, and "
                f"{d.each:g} x severity for each finding on the objective itself"
            )
        else:
            how = f"loses {d.each:g} x severity for each finding"
        lines.append(f"{d.label} ({d.weight:g} points; {', '.join(d.categories)})")
        lines.append(_wrap(" ".join(d.explain.split()), "  "))
        lines.append(_wrap(f"Scoring: {how}, at most the whole weight.", "  "))
        if d.needs_key_results:
            lines.append("  An objective without key results gets no points here.")
        lines.append("")
    rules = profile.progress
    lines += [
        "At risk (shown in the progress section, not scored)",
        _wrap(
            f"A key result is at risk when its progress trails the share of its time gone by "
            f"more than {rules.behind_by:.0%} (judged once {rules.min_elapsed:.0%} of the time "
            f"has gone), or when confidence fell by {rules.confidence_drop:g} or more over the "
            f"last {rules.confidence_window} check-ins without rising.",
            "  ",
        ),
        "",
        _wrap(" ".join(data.texts().note.split())),
        "",
        "Weights: rules/profiles/coach.yaml. Questions: corpora/questions/*.yaml.",
    ]
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)
