"""What a key result's numbers say together: baseline -> target, relative change, comparator,
rank, direction and deadline (`measure`)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from okrlint.measure.dates import _MONTHS, Deadline, parse_deadline
from okrlint.measure.numbers import (
    _CODES,
    _MAG_RE,
    _NUMBER,
    _NUMBER_BOUNDED,
    _SECONDS,
    _UNIT_RE,
    RHYTHM_LATER,
    Quantity,
    comparable,
    in_unit_of,
    parse_quantities,
    unit_family,
)

Direction = Literal["increase", "decrease", "maintain"]
# Comparatives that make a share a change ("20% more", "10% fewer"), or a comparison.
CHANGE_COMPARATIVES = "more|less|fewer|higher|lower|faster|slower"
# A quantity as written after "from" or "to": "$1.2M", "38 %", "12k", "~30". The token is
# atomic (?>…): it always ends where its run of characters ends, so trying other splits of
# a long run between prefix, number and suffix only ever failed again (cubic on 400 digits).
_AMOUNT = rf"(?>[^\s,;]*?(?:{_NUMBER})[^\s,;]*)(?:\s?(?:{_MAG_RE}|{_UNIT_RE})(?![a-z]))?"
# Up to two words (no digits) between a baseline and "to": "12 per month to", "$1.2M ARR to".
_FILLER = r"(?:\s+(?!(?:to|from)\b)[^\W\d][^\s\d,;()]*){0,2}"
# A bound between "to" and the target: "from 5% to below 2%", "from 120 to at least 200".
_BOUND = (
    r"(?:(?:below|under|above|over|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than"
    r"|less\s+than|more\s+than|fewer\s+than|about|around|roughly|~)\s*)?"
)
_FROM_TO = re.compile(
    rf"\bfrom\s+(?:a\s+baseline\s+of\s+|an?\s+average\s+of\s+)?(?:(?:{_CODES})\s)?"
    rf"(?P<a>{_AMOUNT})"
    # an aside after the start: "from 11 days (Q4 2025) to 12 days"
    rf"(?:\s(?:{_CODES}))?(?:\s\([^()]{{1,30}}\))?{_FILLER}\s+(?:to|down to|up to|→|->)\s+{_BOUND}(?:(?:{_CODES})\s)?"
    rf"(?P<b>{_AMOUNT})"
    # The arrow form starts only where a run of characters starts, and its first token stops
    # before an arrow (atomic, no re-splitting): tried at every character, with every split
    # of the run, it took minutes on a few hundred digits. In "1->2->3" it reads 1 -> 2.
    rf"|(?<![^\s,;(])(?P<c>(?>[^\s,;(]*?(?:{_NUMBER})(?:[^\s,;\-=→]|-(?!>)|=(?!>))*))"
    rf"{_FILLER}\s*(?:→|->|=>)\s*"
    rf"(?P<d>(?>[^\s,;]*?(?:{_NUMBER})[^\s,;)]*))",
    re.IGNORECASE,
)
_TO_FROM = re.compile(
    # The target's word is atomic: every split of it ends where the word ends (was cubic).
    rf"\bto\s+(?>(?P<t>\S*(?:{_NUMBER}))\S*)(?:\s?%)?{_FILLER}\s+from\s+(?:the\s+)?"
    rf"(?:current(?:ly)?|today'?s?|avg\.?|average|a\s+baseline\s+of)?\s*(?P<f>\S*(?:{_NUMBER}))",
    re.IGNORECASE,
)
_CURRENT = re.compile(
    # Possessive, atomic and bounded: the value always runs to the first ")", however it is
    # split, and no farther than 200 characters (every "(now" scanned to the end: quadratic).
    rf"\((?:currently|current|now|today|baseline|was|vs\.?|from|base)[:\s]++(?:at\s+|is\s+)?(?P<v>(?>[^)]{{0,200}}?(?:{_NUMBER})[^)]{{0,200}}))\)"
    rf"|\b(?:up|down)\s+from\s+(?P<w>\S*(?:{_NUMBER})\S*)"
    rf"|\b(?:currently|today)\s+(?:at\s+|is\s+)?(?P<x>\S*(?:{_NUMBER})\S*)"
    rf"|\bfrom\s+(?:the\s+)?(?:current(?:ly)?|avg\.?|average|a\s+baseline\s+of)\s+(?P<y>\S*(?:{_NUMBER})\S*)"
    # the start written last, a bare amount ending the text: "Reach $3M ARR from $2M" (not
    # "from 10 partners", where the number counts a source)
    rf"|\bfrom\s++(?P<e>[^\s\d]{{0,3}}(?:{_NUMBER_BOUNDED})[^\s\d]{{0,3}})\s*+\.?\s*+$"
    # The time word after the value, inside brackets: "(38% today)", "(340 ms now)".
    rf"|\((?:(?:about|around|roughly|approx\.?|approximately|~|≈)\s*)?"
    # Bounded: what precedes the number in its word ("$", "~", "USD") and the number itself
    # ("\d{1,15}" in a digit run); "as of …" is tried only when a ")" closes it.
    rf"(?P<z>[^\s()]{{0,20}}?(?:{_NUMBER_BOUNDED})(?:\s?[^\s\d()]+){{0,3}}?)\s+(?:today|now|right\s+now|currently|"
    rf"at\s+present|as\s+of\s+(?=[^()]*+\))(?:today|now|(?:{_MONTHS})\b[^()]*?|[^()]*?\d[^()]*?)|last\s+(?:week|month|quarter|"
    rf"year|cycle|half|sprint|term|semester|season))\s*\)",
    re.IGNORECASE,
)
# Words that cannot name what changes between a share and its change word: "90% with fewer
# escalations", "5% despite growth" are a level and a condition, not a change.
_NOT_A_NAME = (
    r"of|to|in|on|for|at|the|a|an|and|or|with|without|via|despite|amid|after|before|from|by|per"
    r"|across|through|under|over|into|than|because|while|since|during|within|less|more|fewer"
)
_RELATIVE = re.compile(
    # The lookahead names every letter an alternative can start with: positions that start
    # none are passed over at once instead of trying each alternative (twice as fast).
    r"(?=[bdtqhca\d.+x×\-−–])(?:"
    rf"\bby\s+(?P<by>(?:{_NUMBER})\s?(?:%|percent|pp|x|×|percentage points|points?|pts)"
    rf"|half|a\s+third|a\s+quarter)(?!\+?\s*of\b)"  # "attended by 90% of residents": who
    rf"|(?P<pct>(?:{_NUMBER_BOUNDED})\s?(?:%|percent|pts?|points?))\s+"  # bounded: tried at every digit
    # one word may name what changes: "25% speed improvement", "30% cost reduction"
    rf"(?:(?!(?:{_NOT_A_NAME})\s)[a-z][\w-]{{1,20}}\s+)?"
    rf"(?:{CHANGE_COMPARATIVES}"
    rf"|increase|decrease|reduction|growth|improvement|bump|boost|jump|rise|gain|drop)"
    rf"|\b(?P<verb>doubles?|doubled|doubling|triples?|tripled|tripling|quadruples?|halves|halve|halved|halving|"
    rf"cut\s+in\s+half)\b"
    rf"|(?<![\w.])(?P<mult>\d+(?:\.\d+)?\s?[x×])(?![\w])"
    rf"(?!{RHYTHM_LATER})"  # ("2x/month", "3x exercise sessions a week" say how often, not a multiple)
    rf"(?!\s\d)"  # ("Make 5x 4-bar snippets", "3x 5 minute videos": five of them)
    # a multiple written first: "Expansion revenue x2", "×3 the sign-ups"
    rf"|(?<![\w.])(?P<times>[x×]\s?\d+(?:\.\d+)?)(?![\w.%/])"
    # "21% QoQ", "200% YoY", "10% month over month": a change over a period
    rf"|(?P<period>(?:{_NUMBER_BOUNDED})\s?%\s*(?:QoQ|YoY|MoM|WoW|(?:quarter|year|month|week)[\s-]+over[\s-]+(?:quarter|year|month|week)))"
    rf"|\b(?P<magnitude>an?\s+order\s+of\s+magnitude)\b"
    # "+9% Coverage Increase", "+15 pts NPS": a plus sign writes a change, not a level
    # (the sign against the number: "X + 12%" adds to a placeholder)
    rf"|(?<![\w.+])(?P<signed>\+(?:{_NUMBER_BOUNDED})\s?(?:%|percent|pp|pts?|points?))(?![\w])"
    # a minus sign after the metric's name: "Scrap cost -30%" (not a range "10-30%", nor a
    # level written with its sign in a pair, "from -20% to -5%", which the pairs read first)
    rf"|(?<=[a-z] )(?P<minus>[-−–](?:{_NUMBER_BOUNDED})\s?(?:%|percent|pp|pts?|points?))(?![\w])"
    r")",
    re.IGNORECASE,
)
_COMPARATOR = re.compile(
    r"(?=[ambnoglufw≥>+≤<])(?:"  # the first characters of the alternatives (three times as fast)
    r"(?P<ge>at least|no less than|minimum of|min\.|≥|>=|above|over|more than|greater than"
    r"|or more|or higher|or above|\+)"
    r"|(?P<le>at most|no more than|maximum of|max\.|≤|<=|under|below|less than|fewer than"
    r"|or less|or fewer|or lower|or below|within"
    # a bare "<" before a number ("p99 < 2 s", "<3% churn"); not an arrow "=>" nor a tag
    r"|(?:^|(?<=[\s(]))<(?=\s?\d))"
    r"|(?P<gt>(?:^|(?<=[\s(]))>(?=\s?\d))"
    r")",
    re.IGNORECASE,
)
_RANK = re.compile(
    r"\b(?:in(?:to)?\s+the|rank(?:ed|ing)?(?:\s+in\s+the)?|reach|be|become|remain|stay|as\s+the|as)\s+"
    r"(?:the\s+)?(?P<rank>top[\s-]?\d+|#\s?\d+|no\.\s?\d+|number\s+one|first\s+place)\b",
    re.IGNORECASE,
)


class Measurement(BaseModel):
    """What okrlint understood of a key result's numbers (shown by `okrlint inspect`)."""

    model_config = ConfigDict(frozen=True)

    quantities: list[Quantity] = []
    rank: str | None = None
    baseline: Quantity | None = None
    target: Quantity | None = None
    relative_change: str | None = None
    comparator: Literal["at-least", "at-most"] | None = None
    direction: Direction | None = None
    deadline: Deadline | None = None

    @property
    def has_measure(self) -> bool:
        return bool(self.quantities or self.relative_change or self.rank)


def measure(text: str, cycle_year: int | None = None) -> Measurement:
    """Parse a key result's text into quantities, baseline, target, direction and deadline."""
    deadline = parse_deadline(text, cycle_year)
    # A relative window ("within 90 days") is also a measure of time; a date is not.
    relative_window = deadline is not None and re.match(r"(?i)(?:within|in|over)\s", deadline.text)
    skip = [(deadline.start, deadline.end)] if deadline and not relative_window else []
    quantities = parse_quantities(text, skip)
    lowered = text.lower()
    baseline, target = _baseline_target(text, lowered, quantities) if quantities else (None, None)
    relative_text = None
    if quantities or _RELATIVE_WORDS.search(lowered):  # cheap test before the costly pattern
        relative = _RELATIVE.search(text)
        relative_text = next(g for g in relative.groups() if g) if relative else None
        if relative and target is not None and relative.start() <= target.start < relative.end():
            target = None  # "by 50% from 2 minutes": 50% is the change, not the target
    if relative_text is None and quantities:
        moved = _moved_by(text, quantities)
        if moved is not None:
            relative_text = moved.text
            target = None if target is moved else target
    if relative_text is None and quantities:
        amount = _changed_by(text, quantities)
        if amount is not None:
            relative_text, moved = amount
            target = None if target is moved else target
    if relative_text is None and quantities:
        headline = _up_or_down(text, quantities)
        if headline is not None:
            relative_text, moved = headline
            target = None if target is moved else target
    comparator: Literal["at-least", "at-most"] | None = None
    if quantities:
        comparator_match = _COMPARATOR.search(text)
        if comparator_match:
            at_least = comparator_match.group("ge") or comparator_match.group("gt")
            comparator = "at-least" if at_least else "at-most"
    if target is None and baseline is None and quantities and not relative_text:
        after_to = [
            q
            for q in quantities
            if re.search(r"\b(?:to|reach|reaching|at)\s+\S*$", text[: q.start])
        ]
        target = after_to[0] if after_to else quantities[0]
    rank = (
        _RANK.search(text)
        if (
            "top" in lowered
            or "#" in text
            or "no." in lowered
            or "number one" in lowered
            or "first place" in lowered
        )
        else None
    )
    return Measurement(
        quantities=quantities,
        rank=rank.group("rank") if rank else None,
        baseline=baseline,
        target=target,
        relative_change=relative_text,
        comparator=comparator,
        direction=_direction(baseline, target, relative_text),
        deadline=deadline,
    )
_BOUND_BEFORE = re.compile(
    r"(?:\b(?:(?P<le>at\s+most|no\s+more\s+than|(?:less|fewer)\s+than|under|below|within)"
    r"|(?P<ge>at\s+least|no\s+(?:less|fewer)\s+than|(?:more|greater)\s+than|above|over))"
    r"|(?P<le_sign>[≤<])|(?P<ge_sign>[≥>]))\s*$",
    re.IGNORECASE,
)
_BOUND_AFTER = re.compile(
    r"^\s*or\s+(?:(?P<le>less|fewer|lower|below|under)|(?P<ge>more|higher|above|over))\b",
    re.IGNORECASE,
)


def within_bound(text: str, baseline: Quantity | None, target: Quantity | None) -> bool:
    """Whether a kept target is a bound already met: "Keep failures under 15% (currently 14%)".

    A ceiling or floor ("under 15%", "99.9% or more") is a level to stay within, not one to
    move to; but a baseline on the wrong side of it ("under 15% (currently 20%)") is a change.
    """
    if target is None:
        return False
    bound = _BOUND_BEFORE.search(text[: target.start]) or _BOUND_AFTER.match(text[target.end :])
    if bound is None:
        return False
    if baseline is None or not comparable(baseline, target):
        return True
    start = in_unit_of(baseline, target)
    if bound.group("le") or bound.groupdict().get("le_sign"):
        return start <= target.value
    return start >= target.value


def _moved_by(text: str, quantities: list[Quantity]) -> Quantity | None:
    """A change written without "by": a verb of change a few words before a percentage or
    points ("Grow sponsors 15%", "Increase gate count 5 percent", "Reduce churn 2 points"), not
    a share ("Reduce 30% of the steps") nor a level ("Increase coverage to 80%")."""
    for quantity in quantities:
        if quantity.unit not in ("%", "points"):
            continue
        before = text[max(0, quantity.start - 80) : quantity.start]
        if _VERB_BEFORE.search(before) and not _SHARE_AFTER.match(text[quantity.end :]):
            return quantity
    return None


def _changed_by(text: str, quantities: list[Quantity]) -> tuple[str, Quantity] | None:
    """A change by an amount in any unit after a verb of change: "Increase average monthly gift
    by £2", "DSO reduced by 8 days" (a percentage after "by" is read by _RELATIVE): the words
    from "by" to the amount, and the amount. Not "by" after a level ("to 40 by 5 May")."""
    for quantity in quantities:
        before = _BY_BEFORE.search(text[max(0, quantity.start - 100) : quantity.start])
        if before is not None:
            start = quantity.start - len(before.group(0)) + before.group(0).lower().rindex("by")
            return text[start : quantity.end], quantity
    return None


def _up_or_down(text: str, quantities: list[Quantity]) -> tuple[str, Quantity] | None:
    """A change written as a headline: "Churn down 2 points", "Weekly active users up 30%",
    "Candidate experience score up by 0.5": the words from "up"/"down" to the amount, and
    the amount. Not "up to 40%" (a cap), nor a phrasal verb ("Sign up 50% of attendees",
    "Cut down 3 steps")."""
    for quantity in quantities:
        before = _UP_DOWN.search(text[max(0, quantity.start - 20) : quantity.start])
        if before is None:
            continue
        by = before.group("by") is not None
        if not by and quantity.unit not in ("%", "points"):
            continue  # "Ramp up 5 engineers": a count, not a change
        host = text[: quantity.start - len(before.group(0))].split()[-1:]
        if host and host[0].lower().strip(",;:") in PHRASAL_HOSTS:
            continue
        start = quantity.start - len(before.group(0)) + before.group(0).index(before.group("dir"))
        return text[start : quantity.end], quantity
    return None


# "up", "down" (and "by") right before an amount, at the end of the text before it.
_UP_DOWN = re.compile(r"(?:^|\s)(?P<dir>up|down)\s+(?P<by>by\s+)?$", re.IGNORECASE)
# Verbs that take "up" or "down" as a particle: the amount is their object, not a change.
PHRASAL_HOSTS = frozenset(
    "add back boil break bring build burn catch clean close cut end fill follow free keep knock "
    "level lock look mark narrow open pay pick ramp roll round scale set show shut sign slow "
    "speed spin stand start step sum team tie tone trade turn warm water wind write wrap".split()
)


# Verbs that move a metric, by their stems ("increas" for increase, increased, increasing).
CHANGE_VERBS = r"\b(?:increas|decreas|reduc|grow|grew|rais|lower|cut|drop|lift|boost|improv|shrink|shorten|gain)\w*"
# A verb of change, then up to five words none of which sets a level or a source, ending where
# the amount starts.
_VERB_BEFORE = re.compile(
    CHANGE_VERBS
    + r"(?:\s+(?!(?:to|from|by|of|at|in|on|for|with|than|under|over|below|above)\b)[a-z][\w'/-]*){0,5}\s+$",
    re.IGNORECASE,
)
# A verb of change, up to six words that set no level or source, then "by" right before the amount.
_BY_BEFORE = re.compile(
    CHANGE_VERBS
    + r"(?:\s+(?!(?:to|from|by|of|at|in|on|for|with|than|under|over|below|above)\b)[a-z][\w'/-]*){0,6}"
    r"\s+by\s+(?:about\s+|around\s+|~\s?)?$",
    re.IGNORECASE,
)
_SHARE_AFTER = re.compile(r"\s*(?:of|in\s+the\s+(?:top|bottom))\b", re.IGNORECASE)
_RELATIVE_WORDS = re.compile(r"doubl|tripl|quadrupl|halv|half|order of magnitude|(?<![\w.])[x×]\s?\d")


def _baseline_target(
    text: str, lowered: str, quantities: list[Quantity]
) -> tuple[Quantity | None, Quantity | None]:
    arrows = "→" in text or "->" in text or "=>" in text
    pairs = _FROM_TO.finditer(text) if "from" in lowered or arrows else iter(())
    for pair in pairs:
        a, b = ("a", "b") if pair.group("a") else ("c", "d")
        baseline = _within(quantities, pair.start(a), pair.end(a))
        target = _within(quantities, pair.start(b), pair.end(b))
        if _pair(baseline, target):
            return baseline, target
    reverses = _TO_FROM.finditer(text) if "from" in lowered else iter(())
    for reverse in reverses:
        target = _within(quantities, reverse.start("t"), reverse.end("t"))
        baseline = _within(quantities, reverse.start("f"), reverse.end("f"))
        if _pair(baseline, target):
            return baseline, target
    current = _CURRENT.search(text)
    if current:
        where = next(current.start(g) for g in ("v", "w", "x", "y", "e", "z") if current.group(g))
        baseline = _first_at_or_after(quantities, where)
        if baseline is not None:
            others = [q for q in quantities if q is not baseline and not _window(text, q)]
            return baseline, _target_for(baseline, others)
    return None, None
_WINDOW_BEFORE = re.compile(
    r"\b(?:for|over|across|during)\s+(?:the\s+)?(?:(?:next|last|past|first)\s+)?$", re.IGNORECASE
)


def _window(text: str, quantity: Quantity) -> bool:
    """A stretch of time the metric is measured over ("for 30 days"), not a target."""
    return quantity.unit in _SECONDS and bool(_WINDOW_BEFORE.search(text[: quantity.start]))


def _target_for(baseline: Quantity, candidates: list[Quantity]) -> Quantity | None:
    """The target that goes with a stated baseline: the first quantity in its unit family.

    A bare baseline ("(currently 6)") leaves its unit implied, so a lone target of any unit
    goes with it; a baseline with a unit ("(now 340 ms)") never pairs with a different one.
    """
    family = unit_family(baseline)
    same = [q for q in candidates if unit_family(q) == family]
    if same:
        return same[0]
    if family is None and len(candidates) == 1:
        return candidates[0]
    return None


def _pair(baseline: Quantity | None, target: Quantity | None) -> bool:
    return (
        baseline is not None
        and target is not None
        and baseline is not target
        and comparable(baseline, target)
    )


def _within(quantities: list[Quantity], start: int, end: int) -> Quantity | None:
    """The quantity written where a pattern saw a number ("v1" in "from v1 to v2" is none)."""
    return next((q for q in quantities if q.start < end and q.end > start), None)


def _first_at_or_after(quantities: list[Quantity], position: int) -> Quantity | None:
    return next((q for q in quantities if q.end > position), None)


def direction_of(baseline: Quantity | None, target: Quantity | None) -> Direction | None:
    """Which way a baseline moves to a target (None without both, or in units that differ)."""
    return _direction(baseline, target, None)


def _direction(
    baseline: Quantity | None, target: Quantity | None, relative: str | None
) -> Direction | None:
    if baseline is not None and target is not None and comparable(baseline, target):
        start = in_unit_of(baseline, target)
        if target.value > start:
            return "increase"
        if target.value < start:
            return "decrease"
        return "maintain"
    if relative:
        lowered = relative.lower()
        if lowered.startswith(
            ("halve", "halving", "halves", "cut in half", "half", "a third", "a quarter")
        ):
            return "decrease"
        if lowered.startswith(("double", "doubling", "triple", "tripling", "quadruple", "up ")):
            return "increase"
        if lowered.startswith(("down ", "-", "−", "–")):
            return "decrease"
        if lowered.startswith(("x", "×", "+")):
            return "increase"
    return None
