"""Check kinds for ambition: business as usual, timid or absurd targets, hedges, safe scores."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from okrlint.checks.base import Context, Hit
from okrlint.measure import comparable, field_quantity, in_unit_of
from okrlint.models import KeyResult, Objective, ObjectiveType, OKRDocument, Scoring
from okrlint.reading import base_forms, quoted
from okrlint.reading.grammar import word_set, words
from okrlint.rewrite import without_span


def _alternation(name: str) -> str:
    """A set from corpora/english/ambition.toml as a regex alternation of whole words."""
    return "|".join(sorted(re.escape(word) for word in word_set("ambition", name)))


# Each set's purpose is commented in corpora/english/ambition.toml.
_SECOND_CLAUSE = word_set("ambition", "second_clause")
# What perfection is claimed about: faults to bring to zero, qualities to bring to 100%.
_FAULT_WORDS = _alternation("fault_nouns")
_FLAWLESS_WORDS = _alternation("flawless_qualities")
_FAULTS = re.compile(rf"\b(?:{_FAULT_WORDS})\b", re.IGNORECASE)
_FLAWLESS = re.compile(rf"\b(?:{_FLAWLESS_WORDS})\b", re.IGNORECASE)
_GUARD_SEVERITIES = word_set("ambition", "guard_severities")
_PERFECTION = re.compile(
    rf"\b(?:zero|no|0)\s+(?:[\w-]+\s+){{0,2}}?(?:{_FAULT_WORDS})\b"
    rf"|\b100\s?%\s+(?:[\w-]+\s+){{0,3}}?(?:{_FLAWLESS_WORDS}|quality)\b"
    r"|\b100\s?%\s+of\s+(?:our\s+|all\s+)?(?:[\w-]+\s+)?"
    r"(?:customers|users|clients|members|patients|visitors)\b"
    r"(?!\s+(?:receive|get|have|are\s+(?:sent|given|invited|offered|enrolled|migrated)))",
    re.IGNORECASE,
)


def _numbers(kr: KeyResult, ctx: Context) -> tuple[float | None, float | None, str | None]:
    """Baseline and target values (fields first, then text) in one unit, and that unit.

    Never a pair in units that do not compare (a time against a share, money against a
    share): a ratio between them means nothing.
    """
    measurement = ctx.analyzer(kr.title).measurement
    baseline = _value(kr.baseline)
    target = _value(kr.target)
    unit = kr.unit
    # Each side as a quantity with its unit, the field's when given, else the text's.
    start = field_quantity(kr.baseline, kr.unit) if baseline is not None else measurement.baseline
    end = field_quantity(kr.target, kr.unit) if target is not None else measurement.target
    if unit is None and start is not None and end is not None and start.unit == end.unit:
        unit = start.unit  # "87%" and "95%" in a table's Baseline and Target cells: a rate
    if start is not None and end is not None and not comparable(start, end):
        if target is not None and baseline is None:
            return None, target, unit  # the target field stands; the text's baseline does not
        return start.value if baseline is None else baseline, None, unit
    if baseline is None and measurement.baseline is not None:
        baseline = measurement.baseline.value
    inside_baseline = (
        measurement.baseline is not None
        and measurement.target is not None
        and measurement.relative_change is not None
        and measurement.target.start > measurement.baseline.start
    )  # "reduced by 50% (currently 148 in ce, 9 in ee)": the 9 is part of the baseline note
    if (
        target is None
        and measurement.target is not None
        and not inside_baseline
        and (measurement.baseline or baseline is not None)
    ):
        target = measurement.target.value
        unit = unit or measurement.target.unit
        if baseline is not None and measurement.baseline is not None:
            baseline = in_unit_of(measurement.baseline, measurement.target)  # "2 h to 30 min"
    return baseline, target, unit


def _value(field: float | str | None) -> float | None:
    quantity = field_quantity(field)  # "$2M", "70%", 104
    return quantity.value if quantity is not None else None


def business_as_usual(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Keep/maintain targets, or a target equal to its baseline (A401)."""
    reading = ctx.analyzer.read(kr.title)
    lead = reading.lead
    keeps = lead is not None and lead.kind == "maintenance" and not lead.noun_reading
    if (
        keeps
        and lead is not None
        and lead.base == "continue"
        and _continues_change(reading.texts, lead.end, ctx)
    ):
        keeps = False  # "Continue to grow ARR from $2M to $3M" is a change
    if keeps and lead is not None and _change_beside(reading.texts, lead.end, ctx):
        keeps = False  # "Keep NPS above 40 while doubling signups": the keep is a guard
    if keeps and _hosting(reading):
        keeps = False  # "Hold bi-weekly 1:1 meetings": holding events, not holding a level
    if keeps and reading.measurement.baseline is not None and reading.direction != "maintain":
        keeps = False  # "Protect 100% of data, up from 60%": the numbers say it moves
    stays = None if keeps else _subject_stays(reading, ctx)
    baseline, target, _unit = _numbers(kr, ctx)
    same = baseline is not None and target is not None and baseline == target
    if keeps or stays or same or kr.direction == "maintain":
        verb = (
            stays
            if stays
            else reading.texts[lead.index]
            if keeps and lead is not None
            else "same target as baseline"
            if same
            else "direction: maintain"
        )
        yield Hit(kr, {"verb": verb})


def _subject_stays(reading: Any, ctx: Context) -> str | None:
    """A metric said to stay where it is: "Gross churn stays at 1.5% monthly", "Uptime
    remains above 99.9%" (the verb, after its subject, then a bound and a number); not when
    something else in the key result moves ("… while signups double")."""
    texts = reading.texts
    for index in range(1, min(len(texts) - 2, 8)):
        if texts[index] in _SECOND_CLAUSE:
            return None  # "Double signups while CAC stays under $50": the stay is a guard
        if texts[index] in words("staying_verbs") and texts[index + 1] in words("level_bounds") | {"at"}:
            metrics = (reading.lex["metric-nouns"], reading.lex["quality-metrics"])
            if texts[index] == "held" and not any(lex.find(texts[:index]) for lex in metrics):
                return None  # "Open days held at 2 per month": events put on, not a metric kept
            if any(w[:1].isdigit() for w in texts[index + 2 : index + 4]) and not _change_beside(texts, index + 2, ctx):
                return texts[index]
    return None


def _hosting(reading: Any) -> bool:
    """A verb that both keeps and hosts ("hold") over events or outputs, or how often they
    happen ("Hold bi-weekly 1:1 meetings", "Hold office hours"): putting them on, work."""
    lead = reading.lead
    if lead is None or lead.base not in words("hosting_verbs"):
        return False
    rest = reading.texts[lead.end : lead.end + 5]
    # a bound on a number keeps a level, whatever the object and whatever follows ("Hold NPS
    # above 40 monthly", "Hold open issues below 20"), unless the object is a rhythm's events
    for index, word in enumerate(rest):
        if word in words("level_bounds") and any(w[:1].isdigit() for w in reading.texts[lead.end + index + 1 : lead.end + index + 3]):
            return any(w in words("rhythm_adverbs") for w in rest[:index])
    outputs = reading.lex["output-nouns"]
    return any(w in words("rhythm_adverbs") or outputs.match_at(rest, i) for i, w in enumerate(rest))



def _change_beside(texts: list[str], after: int, ctx: Context) -> bool:
    """A second clause that moves a metric: "… while doubling signups", "… and grow ARR"."""
    outcome = ctx.analyzer.lexicons["outcome-verbs"]
    for index in range(after, len(texts) - 1):
        if texts[index] in _SECOND_CLAUSE:
            # The verb may follow its subject: "… as traffic doubles".
            for following in texts[index + 1 : index + 4]:
                if any(form in outcome for form in base_forms(following)):
                    return True
    return False


def _continues_change(texts: list[str], after: int, ctx: Context) -> bool:
    outcome = ctx.analyzer.lexicons["outcome-verbs"]
    following = texts[after : after + 2]
    return any(word in outcome for word in following)


# "(committed)" written on the key result itself: a deliberate, guarded target.
_COMMITTED = re.compile(r"\bcommitted\b", re.IGNORECASE)
# A change stated as a percentage of the current value ("by 5%", "5 percent"), not in points
# of a rate ("by 5 percentage points", "5pp"), which the rubric measures differently.
_RELATIVE_PERCENT = re.compile(
    r"(\d{1,3}(?:\.\d{1,2})?)\s?(?:%|percent\b)(?!\s?(?:percentage\s)?(?:points?|pts|pp)\b)",
    re.IGNORECASE,
)


_NEAR_CEILING = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(word_set("ambition", "near_ceiling_measures"))) + r")\b",
    re.IGNORECASE,
)


def timid_target(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """A change from baseline under `timid-change` on an aspirational or untyped objective; on a
    rate, also under `timid-points` percentage points (RUBRIC.md: "under 2 percentage points").

    Rule A402.
    """
    if ctx.objective is not None and ctx.objective.type == ObjectiveType.COMMITTED:
        return
    baseline, target, unit = _numbers(kr, ctx)
    limit = float(params["timid-change"])
    if baseline is None and target is None and not _COMMITTED.search(kr.title):
        # "Increase profits by 2%": the change is stated relative to a baseline left unsaid.
        relative = ctx.analyzer(kr.title).measurement.relative_change
        at = kr.title.find(relative) if relative else -1
        stated = _RELATIVE_PERCENT.match(kr.title, at) if at >= 0 else None
        if stated and 0 < float(stated.group(1)) < limit * 100:
            yield Hit(kr, {"change": f"{float(stated.group(1)):g}%", "limit": f"{limit:.0%}"})
        return
    if baseline is None or target is None or baseline == 0 or baseline == target:
        return
    change = abs(target - baseline) / abs(baseline)
    if unit == "%":
        near_ceiling = min(baseline, target) >= 95 and max(baseline, target) < 100
        if near_ceiling and _NEAR_CEILING.search(kr.title):
            # For reliability the gap matters: 99.5% -> 99.9% uptime removes 80% of the downtime.
            change = max(change, abs(target - baseline) / (100 - min(baseline, target)))
        elif abs(target - baseline) >= float(params["timid-points"]):
            return  # a rate moved by 2 points or more is real change (RUBRIC.md: 96% -> 99%)
    if change < limit:
        # One decimal when rounding would show the limit itself ("9.8%", not "10% (under 10%)").
        shown = f"{change:.1%}" if round(change, 2) >= limit else f"{change:.0%}"
        yield Hit(kr, {"change": shown, "limit": f"{limit:.0%}"})


def unrealistic_target(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """More than `max-change-factor` times in one cycle, or a perfection claim (A403)."""
    limit = float(params["max-change-factor"])
    baseline, target, unit = _numbers(kr, ctx)
    if baseline is not None and target is not None and baseline > 0 and target > 0 and not _amount_of_change(kr, ctx):
        if target > baseline and target / baseline > limit:
            times = f"{target / baseline:.0f}x"
            article = "an" if times.startswith(("8", "11x", "18")) else "a"  # "an 18x change"
            claim = f"{article} {times} change in one cycle"
            yield Hit(kr, {"claim": claim, "limit": f"{limit:g}x"})
            return
        # A cut is bounded by all of it: judged by the share it removes, since removing a
        # manual step or clearing a backlog can take a count from 40 to 3 in one quarter.
        removed = 1 - target / baseline
        if target < baseline and removed > float(params["max-cut-share"]):
            claim = f"a {removed:.0%} cut in one cycle"
            yield Hit(kr, {"claim": claim, "limit": f"{limit:g}x"})
            return
    if ctx.objective is not None and ctx.objective.type == ObjectiveType.COMMITTED:
        return  # "Zero ransomware incidents" in a committed objective: a bar held, not a stretch
    perfection = _PERFECTION.search(kr.title)
    if perfection and (
        quoted(kr.title, perfection.start(), perfection.end())
        or (target is not None and target not in (0, 100))
        or _GUARD_SEVERITIES.intersection(perfection.group(0).lower().split())
    ):
        # "share of trips with no accidents from 97% to 99%": the phrase filters what is
        # counted, the target is 99%; 'No Churn' in quotes is a name.
        perfection = None
    if perfection:
        yield Hit(kr, {"claim": f"'{perfection.group(0)}'", "limit": f"{limit:g}x"})
        return
    # The same claim written as a target: "renewals from 64% to 100%", "P1 bugs from 12 to 0".
    flawless = target == 100 and unit in ("%", None)
    nouns = _FLAWLESS if flawless else _FAULTS if target == 0 else None
    found = nouns.search(kr.title) if nouns is not None and baseline is not None else None
    if found:
        claim = f"'{target:g}{'%' if target == 100 else ''} {found.group(0).lower()}'"
        yield Hit(kr, {"claim": claim, "limit": f"{limit:g}x"})


def _amount_of_change(kr: KeyResult, ctx: Context) -> bool:
    """A number straight after a change verb is the amount of the change, not the level to
    reach ("Lose 15 lbs, currently 210", "Add 500 members (currently 2,000)"): compared with
    the start it says nothing about how far the change goes."""
    if kr.target is not None:
        return False
    reading = ctx.analyzer.read(kr.title)
    lead, target = reading.lead, reading.measurement.target
    if lead is None or lead.noun_reading or lead.kind != "outcome" or target is None:
        return False
    between = reading.source[reading.words[lead.end - 1].end : target.start].split()  # its offsets
    return len(between) <= 1 and "to" not in between


def hedged_language(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """ "Try to", "hopefully", "if possible" (A404); a hedge in quotes is mentioned, not used."""
    reading = ctx.analyzer.read(kr.title)
    for start, end, term in ctx.analyzer.lexicons["hedges"].find(reading.texts):
        if quoted(reading.source, reading.words[start].start, reading.words[end - 1].end):
            continue  # "Cut 'maybe' RSVPs from 40% to 20%"
        if not _hedging(reading, start, end):
            continue
        plain = without_span(reading.source, reading.words[start].start, reading.words[end - 1].end)
        yield Hit(kr, {"hedge": " ".join(term), "plain": plain})
        return


_RELATIVE_PRONOUNS = words("relative_pronouns")


def _hedging(reading: Any, start: int, end: int) -> bool:
    """Whether hedge words at [start, end) hedge the result, not describe what is counted."""
    first = reading.source[reading.words[start].start]
    if start > 0 and first.isupper():
        return False  # a name: "the Hopefully Foundation", "Strive To Win programme"
    if any(w in _RELATIVE_PRONOUNS for w in reading.texts[max(0, start - 2) : start]):
        return False  # "members who aim to renew": what they say, not what we promise
    following = reading.texts[end] if end < len(reading.texts) else ""
    if end - start == 1 and reading.texts[start].endswith("ly"):
        # "possibly fraudulent transactions": the adverb qualifies an adjective; a hedge
        # stands before a verb ("hopefully double WAU", "each rep hopefully closes …").
        return not following.endswith(_ADJECTIVE_ENDINGS)
    return True


_ADJECTIVE_ENDINGS = ("ful", "ous", "ent", "ant", "ive", "able", "ible", "ic", "less", "al")


def confidence_out_of_range(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Confidence set at the start of the cycle (no check-ins yet) that is too safe or wishful.

    Rule A406.
    """
    if kr.confidence is None or kr.check_ins:
        return
    low, high = float(params["confidence-low"]), float(params["confidence-high"])
    committed = ctx.objective is not None and ctx.objective.type == ObjectiveType.COMMITTED
    if kr.confidence >= high and not committed:
        yield Hit(
            kr, {"confidence": f"{kr.confidence:g}", "reading": "too safe for a stretch goal"}
        )
    elif kr.confidence <= low:
        yield Hit(
            kr, {"confidence": f"{kr.confidence:g}", "reading": "closer to a wish than a plan"}
        )


def untyped_objective(objective: Objective, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """An objective that does not say whether it is committed or aspirational (A407, opt-in:
    the `google` profile selects it). Without the type nobody knows whether 0.7 is a good
    score or a miss."""
    if objective.type is None and objective.key_results:
        yield Hit(objective, {"title": objective.title})


def _scale(document: OKRDocument) -> float:
    return 100.0 if document.scoring == Scoring.PERCENT else 1.0


def _stretch_scores(document: OKRDocument, *, untyped: bool) -> list[tuple[KeyResult, float]]:
    """Scores (as fractions) of KRs on aspirational objectives (and untyped ones if asked)."""
    scale = _scale(document)
    kinds = {ObjectiveType.ASPIRATIONAL, None} if untyped else {ObjectiveType.ASPIRATIONAL}
    return [
        (kr, kr.score / scale)
        for objective in document.objectives
        if objective.type in kinds
        for kr in objective.key_results
        if kr.score is not None
    ]


def sandbagging_scores(
    documents: list[OKRDocument], params: dict[str, Any], ctx: Context
) -> Iterator[Hit]:
    """Every aspirational KR of a file at 100%, or one owner averaging >= streak-score over
    consecutive cycles on KRs not marked committed (A405)."""
    flagged: set[int] = set()
    for document in documents:
        scored = _stretch_scores(document, untyped=False)
        if len(scored) >= 2 and all(score >= 1.0 for _kr, score in scored):
            flagged.add(id(document))
            where = document.cycle or "this file"
            yield Hit(
                scored[0][0], {"evidence": f"every stretch key result in {where} is scored at 100%"}
            )
    streak = float(params["streak-score"])
    # One owner's cycle may be kept in several files: their scores are averaged together, so
    # the verdict does not depend on the order the files were given in.
    plans: dict[tuple[str, str], list[tuple[OKRDocument, list[float]]]] = {}
    for document in sorted(documents, key=lambda d: d.path):
        scored = _stretch_scores(document, untyped=True)
        if document.owner and document.cycle and scored:
            key = (document.owner.strip().lower(), document.cycle.strip().lower())
            plans.setdefault(key, []).append((document, [score for _kr, score in scored]))
    by_owner: dict[str, list[tuple[str, list[tuple[OKRDocument, list[float]]]]]] = {}
    for (owner, cycle), entries in sorted(plans.items()):
        by_owner.setdefault(owner, []).append((cycle, entries))
    for cycles in by_owner.values():
        for (_prev, before), (_cycle, after) in zip(cycles, cycles[1:], strict=False):
            prev_avg, avg = _average(before), _average(after)
            target = next((d for d, _scores in after if id(d) not in flagged), None)
            if prev_avg >= streak and avg >= streak and target is not None:
                flagged.add(id(target))
                owner_name = str(before[0][0].owner).strip()
                first = _stretch_scores(target, untyped=True)[0][0]
                yield Hit(
                    first,
                    {
                        "evidence": f"{owner_name} averaged {prev_avg:.2f} in "
                        f"{before[0][0].cycle} and {avg:.2f} in {target.cycle}"
                    },
                )


def _average(entries: list[tuple[OKRDocument, list[float]]]) -> float:
    scores = [score for _document, values in entries for score in values]
    return sum(scores) / len(scores)
