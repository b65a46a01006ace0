"""Check kinds for balance and alignment: counter-metrics, parents, visibility, placeholders."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from okrlint.checks.base import Context, Hit
from okrlint.models import MAX_TEXT_CHARS, KeyResult, Objective, OKRDocument
from okrlint.reading import not_a_duration, quoted, share_of
from okrlint.reading.grammar import word_set, words
from okrlint.reading.input_metrics import capped

# Words that leave an OKR waiting on a decision or on another level. A number left to fill in
# ("XX%", "$X,XXX", "[target]") is not a cascade: M201 reports it (reading/measurability.py).
_PLACEHOLDER = re.compile(
    r"\bTB[DCA]\b|\bto be (?:defined|decided|determined|confirmed|agreed|announced|set)\b"
    r"|^\W*placeholder\b|\bplaceholder\W*$|\(placeholder\)"
    r"|\bwaiting (?:for|on) (?:the )?"
    r"(?:company|leadership|exec\w*|parent|department|org\w*|top-level|"
    r"corporate|board|ceo)\b|\bpending (?:the )?(?:company|leadership|exec\w*|parent|department|"
    r"corporate|board|ceo)\b|\btarget (?:to follow|tbd)\b|\[tbd\]",
    re.IGNORECASE,
)


def missing_counter_metric(
    objective: Objective, params: dict[str, Any], ctx: Context
) -> Iterator[Hit]:
    """A speed or volume KR with no quality KR beside it (C601; Grove's paired indicators)."""
    if len(objective.key_results) < 2:
        return
    lexicons = ctx.analyzer.lexicons
    pushed = None
    for kr in objective.key_results:
        reading = ctx.analyzer.read(kr.title)
        volume = _volume_terms(reading, lexicons["volume-metrics"])
        if lexicons["quality-metrics"].find(reading.texts) or _QUALITY_TOO.search(" ".join(reading.texts)):
            return
        if _fewer_problems(reading, volume):
            return
        measured = [term for term in volume if _measured(reading, term[0], term[1])]
        if measured and pushed is None and _pushes(reading, measured[0][2]):
            pushed = (kr, " ".join(measured[0][2]))
    if pushed is not None:
        title = pushed[0].title
        short = title if len(title) <= 50 else title[:48].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"  # at a word
        yield Hit(objective, {"pushed": pushed[1], "kr": short})


# Speed words among the volume metrics (commented in corpora/english/balance.toml).
_TIMED = word_set("balance", "timed")
# Quality measures only this rule reads: "win rate", "satisfied" (balance.toml).
_QUALITY_TOO = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, word_set("balance", "quality_too")), key=len, reverse=True)) + r")\b"
)


def _fewer_problems(reading: Any, volume: list[tuple[int, int, tuple[str, ...]]]) -> bool:
    """Fewer tickets, cases or calls per unit of work is itself a quality measure."""
    return (
        bool(volume)
        and reading.direction == "decrease"
        and not any(word in _TIMED for _s, _e, term in volume for word in term)
    )


def _volume_terms(reading: Any, lexicon: Any) -> list[tuple[int, int, tuple[str, ...]]]:
    """Speed and volume words, minus "on time", "full time" and shares ("share of features")."""
    found = []
    for start, end, term in lexicon.find(reading.texts):
        before = reading.texts[max(0, start - 3) : start]
        if term == ("time",) and not_a_duration(before) or share_of(before):
            continue
        if start > 0 and reading.texts[start - 1] in word_set("balance", "other_nouns_before"):
            continue  # "use cases" are no support cases
        if end < len(reading.texts) and reading.texts[end] in words("relative_pronouns"):
            continue  # "leads that convert to SQL": a rate of good outcomes, not a volume
        found.append((start, end, term))
    return found


def _measured(reading: Any, start: int, end: int) -> bool:
    """Whether the volume word at [start, end) is what the key result measures: the noun its
    number counts ("Close 15 deals"), the object its direction verb moves ("Grow installs per
    month from 40 to 70"), or the metric named first ("MQLs: 500 a month"). Not a word in an
    aside or a scope: "(new tasks, scorer improvements)", "exception rate across all
    applications below 0.1%", "tickets get a response within 1 day" (a service level)."""
    at = reading.words[start].start
    if reading.source.rfind("(", 0, at) > reading.source.rfind(")", 0, at):
        return False  # "Lift twice a week (104 sessions)": the aside spells the count out
    if any(item.noun and item.at <= end - 1 < item.at + len(item.noun) for item in reading.counted):
        return True
    if "of" in reading.texts[max(0, start - 5) : start] and any(item.kind == "share" for item in reading.counted):
        return True  # "Schedule 95% of new onboarding calls within 5 days": a share of them
    lead = reading.lead
    if lead is not None and lead.kind == "outcome":
        return 0 <= start - lead.end <= 4
    return start <= 1 and (lead is None or lead.kind != "activity")


def _pushes(reading: Any, term: tuple[str, ...]) -> bool:
    """Volume pushed up, or time pushed down: the directions that tempt corner-cutting."""
    direction = reading.direction
    lead = reading.lead
    if lead is not None and lead.kind == "maintenance":
        return False
    if any(w in _TIMED for w in term):
        # "Managers get promoted faster" has no figure to push: M202 says enough there.
        return reading.has_measure and (direction == "decrease" or "faster" in term)
    if capped(reading.source):
        return False  # "At most 3 meetings a week": a count capped is no volume pushed
    return direction != "decrease" and (
        reading.has_measure or (lead is not None and lead.kind == "outcome")
    )


def unknown_parent(
    documents: list[OKRDocument], params: dict[str, Any], ctx: Context
) -> Iterator[Hit]:
    """A `parent` that names no objective in any file of the run (C602)."""
    known = {o.id for d in documents for o in d.objectives if o.id}
    for document in documents:
        for objective in document.objectives:
            if objective.parent and objective.parent not in known:
                yield Hit(objective, {"parent": objective.parent})


def private_okr(objective: Objective, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Visibility set to private (C603)."""
    if objective.visibility and objective.visibility.strip().lower() in (
        "private",
        "hidden",
        "restricted",
    ):
        yield Hit(objective, {"visibility": objective.visibility})


def cascade_placeholder(
    document: OKRDocument, params: dict[str, Any], ctx: Context
) -> Iterator[Hit]:
    """TBD, "waiting for company OKRs": planning blocked on the level above (C604)."""
    nodes: list[Objective | KeyResult] = []
    for objective in document.objectives:
        nodes.append(objective)
        nodes.extend(objective.key_results)
    for node in nodes:
        if len(node.title) > MAX_TEXT_CHARS:
            continue  # too long to read: reported once (E002) by the loader
        if isinstance(node, KeyResult) and _fully_measured(node, ctx):
            continue  # "Cut invoices pending corporate approval from 120 to 40" is finished
        fields = [node.title]
        if isinstance(node, KeyResult):
            fields += [str(v) for v in (node.baseline, node.target) if isinstance(v, str)]
        for text in fields:
            found = next(
                (m for m in _PLACEHOLDER.finditer(text) if not quoted(text, m.start(), m.end())),
                None,
            )
            if found:
                yield Hit(node, {"placeholder": found.group(0)})
                break


def _fully_measured(kr: KeyResult, ctx: Context) -> bool:
    """A starting value and a target, both numbers: nothing is left to fill in."""
    measured = ctx.analyzer(kr.title).measurement
    return measured.baseline is not None and measured.target is not None
