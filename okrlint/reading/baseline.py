"""Does a key result move a metric from a value it does not state? (M203, RUBRIC.md)

Change language needs a start: "by 20%", "3x", "double", "grow X to 500", "get the review score
to 4.1", "have an NPS of 70". A threshold or service level ("≥ 95%", "p99 < 2 s", "99.95%
availability"), a count of new items in the cycle ("land 3 customers", "hire 4"), a level a
new thing should reach, and any stated start ("currently", "up from", "(was X)", "vs last
quarter's X") need none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from okrlint.measure.measurement import CHANGE_COMPARATIVES, CHANGE_VERBS
from okrlint.reading.forms import base_forms, can_be_noun, can_be_verb
from okrlint.reading.grammar import words
from okrlint.reading.mentions import REDACTED

if TYPE_CHECKING:
    from okrlint.reading.reading import Reading

# A start stated in words, anywhere in the key result: a current value, or a comparison with a
# figure ("vs 12% last quarter"). A comparison with a period only ("YoY", "over the 2017
# baseline") names no start.
_START = re.compile(
    # "was" only as an aside ("(was 12%)", "- was 40"): "rating was 4.8+" is the target
    r"[(,;—–-]\s*(?:was|were)\b"
    # a total stated in an aside: "(May 2019 total is 2.7 million)"
    r"|\([^()]{0,40}?\b(?:total|count|number|level|value|figure|rate)\s+(?:is|was)\s+[^\s()]{0,3}\d"
    r"|\b(?:currently|today|now|at present|is at|up from|down from|starting (?:at|point)"
    r"|ref(?:erence)?\.? (?:number|value|point)"
    r"|than (?:what we have|today|now|before)|less than what"
    # a tracker's field written into the text: "(target: 100) - Current: 12"
    r"|\bcurrent(?: value)?\s*[:=]\s*[^\s\d]{0,3}\d"
    # a level, tier or grade to start from: "from level 2 to 4"
    r"|\bfrom\s+(?:level|tier|grade|stage)\s?\d"
    # a rhythm moved: "from weekly to daily"
    rf"|from (?:{'|'.join(sorted(words('rhythm_adverbs')))}) to\b"
    # (the figure is not a period: "by 50% compared to Q4 2024" names no value)
    r"|(?:vs\.?|versus|compared (?:to|with)|baseline(?: of| is|:)?)\s+(?:(?!\bto\b)[^.;]){0,30}?"
    r"(?<![QqHh\d])(?!(?:19|20)\d\d\b)\d"
    # a change from a named period: "a 28% increase from CY19-Q4", "up 5 over last quarter"
    r"|(?:increase|decrease|growth|rise|drop|up|down)\s+(?:from|over|on|vs\.?)\s+(?:the\s+)?"
    r"(?:(?:last|previous|prior|same)\b|(?:CY|FY)?\s?'?\d{2,4}\b|[QH][1-4]\b))",
    re.IGNORECASE,
)
# A change in body weight by an amount ("Lose 10 kg", "a 6 Kg. weight loss", "gain 3 lbs of
# muscle"): it is counted from a weight that is never written down.
_MASS = r"\d+(?:[.,]\d+)?\s*(?:kg|kgs|kilos?|lbs?|pounds)\b\.?"
_WEIGHT_CHANGE = re.compile(
    rf"\b(?:lose|losing|lost|gain|gaining|shed|shedding|drop|dropping)\s+(?:at least\s+|about\s+)?{_MASS}"
    rf"|{_MASS}\s+(?:of\s+)?(?:body\s?)?(?:weight|fat)\s+(?:loss|gain)\b",
    re.IGNORECASE,
)
# Verbs that set a metric to a level ("Get the repeat rate to 50%", "Have an NPS of 70").
_LEVEL_VERBS = words("level_verbs")
# A direction verb anywhere before "to <target>" ("Average transaction size increased to $10").
_DIRECTION_TO = re.compile(
    CHANGE_VERBS
    + r"\b(?:(?!\bto\b).){0,80}\bto\s+(?:(?:less|more|fewer) than\s+|at (?:least|most)\s+|no (?:more|less) than\s+"
    r"|under\s+|over\s+|below\s+|above\s+|[<>≤≥]=?\s*)?\S{0,2}$",  # "to > 90%"
    re.IGNORECASE,
)

# A direction and its target in a cell or after a label: "Increase install conversion | Q3: 8%",
# "Grow weekly sign-ups, target: 600".
_DIRECTION_TARGET_CELL = re.compile(
    CHANGE_VERBS + r"\b[^|]{0,80}(?:\|\s*(?:(?:Q[1-4]|H[12])\s*:\s*)?|\b(?:target|goal)\s*:\s*)\S{0,2}$",
    re.IGNORECASE,
)

_PER_PERIOD = re.compile(
    rf"\b(?:{'|'.join(sorted(words('denominators') - {'a'}))})\s+(?:{'|'.join(sorted(words('periods')))})\b",
    re.IGNORECASE,
)


def _target_cell(before: str) -> bool:
    """A direction and its target in a cell after it, where what is moved is a metric, not
    items of work done each period ("Improve existing quickstarts per quarter | 25 per
    quarter" counts quickstarts improved)."""
    return bool(_DIRECTION_TARGET_CELL.search(before)) and not _PER_PERIOD.search(before.split("|")[0])


def change_without_start(reading: Reading) -> str | None:
    """The change or level asked for, when no start is given anywhere; else None."""
    measurement = reading.measurement
    if measurement.baseline is not None or _START.search(reading.source):
        return None
    lead = reading.lead
    if reading.direction == "maintain" or (lead is not None and lead.kind == "maintenance"):
        return None
    relative = measurement.relative_change
    if relative and (_multiple_of_target(reading.source, relative) or _change_to_target(reading.source, relative)):
        return None  # "300 companies (4x)", "Double collectives to 40": the two give the start
    if relative and not (
        _a_level(reading.source, relative)
        or _items_counted(reading, relative)
        or _than_another(reading.source, relative)
    ):
        return relative  # "by 20%", "double", "21% QoQ" (not "pipeline at 3x", "5x engineers")
    weight = _WEIGHT_CHANGE.search(reading.source)
    if weight:
        return weight.group(0)  # "Lose 10 kg", "a 6 kg weight loss": a change from today's weight
    target = measurement.target
    if target is None:
        first = measurement.quantities[0] if measurement.quantities else None
        if first is not None and _total_reached(reading, first.start):
            return first.text  # "Newsletter subscriptions have reached 10,000"
        return _redacted_total(reading)
    before = reading.source[: target.start]
    if _DIRECTION_TO.search(before) or _target_cell(before):
        return target.text  # "Grow MAU to 50k", "Reduce churn to less than 1%"
    if _headline_to(reading, before):
        return target.text  # "MAU to 50k", "Churn down to 2%": a change's headline, no start
    if lead is not None and lead.base in _LEVEL_VERBS and _metric_level(reading, target.start):
        return target.text  # "Get online reviews to 4.1 stars", "Have an NPS of 70"
    if (
        lead is not None
        and lead.base in _TOTAL_VERBS
        and _just_after_lead(reading, target.start)
        and _a_running_total(reading, target.start)
    ):
        return target.text  # "Reach 10,000 paying customers": a total that has a value today
    if _total_reached(reading, target.start):
        return target.text  # "Newsletter subscriptions have reached 10,000"
    return None


# "… to 50k", "… down to 2%", "… up to > 90%": the target after a bare "to", ending the words.
_HEADLINE_TO = re.compile(
    r"\b(?:(?:up|down)\s+)?to\s+(?:(?:less|more|fewer) than\s+|at (?:least|most)\s+|under\s+|over\s+"
    r"|below\s+|above\s+|[<>≤≥]=?\s*)?[^\s\w]{0,2}$",
    re.IGNORECASE,
)


def _headline_to(reading: Reading, before: str) -> bool:
    """A metric named, then "to" its target, with no verb before it and no other number: a
    change written as a headline ("MAU to 50k", "DNA rate down to 3%", "Server members to
    15k"); not work that takes things somewhere ("Send 500 invoices to 20 clinics")."""
    found = _HEADLINE_TO.search(before)
    if found is None or not before[: found.start()].strip():
        return False
    if any(q.start < found.start() for q in reading.measurement.quantities):
        return False
    said = before[: found.start()].split()[1:]
    if any(word.lower().endswith("ed") and can_be_verb(word.lower()) for word in said) or "out" in said:
        return False  # "Auto-replenishment rolled out to 40 stores": taken somewhere, a task
    lead = reading.lead
    first = reading.source.split()[0] if reading.source.split() else ""
    if can_be_verb(first.lower()) and not can_be_noun(first.lower()):
        return False  # "Respond to 95% of tickets", "Sign up to 500 users": a verb's "to"
    # (a compound adjective first, "Partner-sourced share of …", is no verb; "Up-sell" is one)
    if lead is None or lead.noun_reading or lead.kind == "other" or first.rsplit("-", 1)[-1].endswith("ed") and "-" in first:
        return True
    # "Churn down to 2%": a verb does not take "down to" straight after it, a metric does
    particle = found.group(0).lower().split()[0]
    # ("up" after an activity verb makes a phrasal verb: "Sign up to 500 users", "Scale up to 10")
    phrasal = particle == "up" and lead.kind == "activity"
    return particle in ("down", "up") and not phrasal and lead.end == len(before[: found.start()].split())


def _total_reached(reading: Reading, start: int) -> bool:
    """A metric said to reach or pass a total, the verb after its subject ("Newsletter
    subscriptions have reached 10,000", "MAU hits 50k", "Number of contributors go above
    100"): the total has a value today."""
    lead = reading.lead
    if lead is None or lead.kind != "other":
        return False
    for index, word in enumerate(reading.words[1:10], 1):
        if word.start >= start:
            break
        forms = base_forms(word.text)
        gap = reading.source[word.end : start].split()
        passing = bool(set(forms) & words("passing_verbs")) and gap[:1] in (["above"], ["beyond"], ["over"], ["past"])
        reaching = any(form in _TOTAL_VERBS for form in forms)
        if (passing or reaching) and any(q.start == start and q.unit for q in reading.measurement.quantities):
            # a share or a time passing a level is a threshold: "p95 goes above 2 s", "success
            # rate exceeds 98%" (but "MAU hits 50k" is a total that has a value today)
            return False
        if (passing or reaching) and len(gap) <= 2:
            # "reached 10,000", "hit over 50k", "go above 100"
            subject = reading.texts[:index]
            metric = reading.lex["metric-nouns"]
            return (
                subject[:1] == ["number"]
                or any(metric.match_at(subject, i) for i in range(len(subject)))
                or bool(reading.lex["people-nouns"].find(subject))
            )
    return False


# Verbs that ask for a running total to reach a level, not for new items in the cycle.
_TOTAL_VERBS = words("total_verbs")
# Words that make the count one of new items ("Reach 500 new customers", "net new ARR").
_NEW_ITEMS = words("new_items")




def _redacted_total(reading: Reading) -> str | None:
    """ "Reach [N0] MAU": a level to reach whose number is withheld still needs a start;
    "Reach [$N] net new ARR" counts new items and does not, nor does a count of outputs or
    reach ("Achieve at least [N] mentions")."""
    lead = reading.lead
    found = REDACTED.search(reading.source)
    if found is None or lead is None or lead.base not in _TOTAL_VERBS | _LEVEL_VERBS:
        return None
    following = re.findall(r"[a-z]+", reading.source[found.end() :].lower())[:3]
    if any(word in _NEW_ITEMS for word in following):
        return None
    lex = reading.lex
    if any(lex[name].match_at(following, i) for name in ("effort-metrics", "output-nouns") for i in range(len(following))):
        return None  # "Achieve at least [N] credible mentions": outputs and reach won in the cycle
    return found.group(0)


def _just_after_lead(reading: Reading, start: int) -> bool:
    """The number is the verb's object ("Reach 10,000 …", "Hit a total of 50k …"), not a
    figure further on ("Reach a go/no-go decision on the 2.1 update")."""
    lead = reading.lead
    if lead is None:
        return False
    between = [w.text.lower() for w in reading.words[lead.end :] if w.end <= start]
    return len([w for w in between if w not in _TOWARDS_A_TOTAL]) <= 4


# Words between "Reach" and its total that do not name another object: "Reach a total of more
# than 10,000 …", "Hit our target of at least 50,000 …".
_TOWARDS_A_TOTAL = words("determiners") | words("amount_bounds") | words("towards_a_total")


def _a_running_total(reading: Reading, start: int) -> bool:
    """Whether the number at `start` counts people or a result that exists before the cycle
    ("10,000 paying customers", "[N0] MAU"), rather than new items won in it."""
    item = next((c for c in reading.counted if c.quantity.start == start), None)
    if item is None or item.kind not in ("people", "result", "reach", "unknown"):
        return False
    if item.quantity.unit and not item.quantity.currency:
        return False  # "Hit an average time of 21 days": a threshold, not a running total
    following = re.findall(r"[a-z]+", reading.source[start:].lower())[:3]
    return not any(word in _NEW_ITEMS for word in following)


def _multiple_of_target(source: str, relative: str) -> bool:
    """A change in parentheses just after a target ("300 companies (4x)", "1,200 members (a 20%
    increase)"): the two together state where the metric starts."""
    at = source.find(relative)
    if at < 0:
        return False
    before, after = source[max(0, at - 40) : at], source[at + len(relative) : at + len(relative) + 30]
    return bool(_NUMBER_THEN_PARENTHESIS.search(before) and _CLOSING.match(after))


def _change_to_target(source: str, relative: str) -> bool:
    """A change and the level it ends at ("Double weekly new collectives to 40", "Grow
    subscribers by 20% to 1,200"): the start is the one divided by the other."""
    at = source.find(relative)
    return at >= 0 and bool(_TO_LEVEL.match(source, at + len(relative)))


# "to" and a number within five words after the change.
_TO_LEVEL = re.compile(r"(?:\s+[^\s\d.;,]+){0,5}?\s+to\s+(?:[<>≥≤~]\s?)?[$€£]?\d")
# A number and up to four words, then an opening parenthesis (and an article) before the change.
_NUMBER_THEN_PARENTHESIS = re.compile(r"\d[\d,.]*(?:[kKmM]|%)?\+?(?:\s+[^\s()\d]+){0,4}\s*\(\s*(?:an?\s+)?$")
_CLOSING = re.compile(r"\s*(?:increase|growth|more|higher|up|jump|rise)?\s*\)", re.IGNORECASE)


def _a_level(source: str, relative: str) -> bool:
    """A multiple that is a level or a count, not a change: "pipeline at 3x", "at 1.8X
    target", "5x full stack engineers"."""
    at = source.find(relative)
    if at < 0:
        return False
    before, after = source[:at].rstrip().lower(), source[at + len(relative) :].lower()
    if before.endswith((" at", " of")) or before == "at":
        return True
    if re.match(r"\s*\d", after):
        return True  # "3x 5 minute videos": three of them, not a multiple
    return bool(re.match(r"\s*[x×]?\s*(?:[a-z-]+\s+){0,3}(?:engineers?|developers?|designers?|hires?|people)\b", after))


def _items_counted(reading: Reading, relative: str) -> bool:
    """A multiple that opens the key result before things made: "2x launched use cases",
    "2x demos using SNT" count two of them (but "3x MQLs", "2x weekly active users" multiply
    a metric)."""
    if not re.fullmatch(r"\d+\s?[x×]", relative) or not reading.source.lstrip().startswith(relative):
        return False
    following = reading.texts[1:4]
    if not following or reading.source.lstrip()[len(relative) :].lstrip()[:2].isupper():
        return False  # "3x MQLs": an acronym names a metric
    lex = reading.lex
    return not any(
        lex[name].match_at(following, i)
        for name in ("metric-nouns", "quality-metrics", "volume-metrics", "people-nouns", "population-nouns")
        for i in range(len(following))
    )


# A comparison with another thing, not with the past: "10% more usage of Status Desktop than
# Slack" (but "than last year" is a change from a value never written).
_THAN_ANOTHER = re.compile(
    r"\bthan\s+(?!(?:last|previous|prior|this|the\s+(?:last|previous|prior|same))\b"
    r"|(?:19|20)\d\d\b|[QH][1-4]\b|before\b|today\b|now\b)",
    re.IGNORECASE,
)


def _than_another(source: str, relative: str) -> bool:
    at = source.find(relative)
    if at < 0 or not re.search(r"%|percent", relative):
        return False
    more = _MORE.match(source, at + len(relative)) or _MORE.search(relative)
    return more is not None and _THAN_ANOTHER.search(source, at) is not None


_MORE = re.compile(rf"\s*(?:{CHANGE_COMPARATIVES})\b", re.IGNORECASE)


def _metric_level(reading: Reading, start: int) -> bool:
    """Whether the number at `start` is the level of a metric ("to 4.1 stars", "an NPS of 70",
    "retention rate 20%"), not a count of new items ("500 sign ups", "5 active curators")."""
    if reading.measurement.comparator:
        return False  # "get ≥ 90% precision": a threshold
    before = reading.source[:start].lower()
    if before.rstrip().endswith(" to"):
        return True  # "Get online reviews to 4.1 stars"
    words_before = re.findall(r"[a-z]+", before)[-5:]
    metric = reading.lex["metric-nouns"]
    named = any(metric.match_at(words_before, i) for i in range(len(words_before)))
    quantity = next((q for q in reading.measurement.quantities if q.start == start), None)
    if quantity is not None and quantity.unit == "%":
        # "achieve a 65% DAU/MAU ratio": the metric follows its level
        words_after = re.findall(r"[a-z]+", reading.source[quantity.end :].lower())[:3]
        if any(w in words("threshold_measures") for w in words_after + words_before[-2:]):
            return False  # "Reach an 80% user satisfaction score": a bar to clear, like "CSAT >= 80%"
        if any(metric.match_at(words_after, i) for i in range(len(words_after))):
            return True
    return named and bool(re.search(r"(?:\b(?:of|at)\s+(?:\S+\s+)?|[a-z]\s+\S?)$", before))
