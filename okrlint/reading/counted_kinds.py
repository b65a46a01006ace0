"""What a counted item in a key result is: people engaged ("weekly active users"), a hire
("Add 3 developers"), a habit kept ("20 pushups each day"), a time on a clock ("17:59"), or
people asked for their view. Read by the outcome, measurability and input-metric readers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from okrlint.lexicons import Lexicon
from okrlint.reading import evidence
from okrlint.reading.forms import noun_lemmas
from okrlint.reading.grammar import words

if TYPE_CHECKING:
    from okrlint.reading.reading import Reading
    from okrlint.reading.words import Lead


# A duration written on a clock ("17:59", "1:20:59"), not a time of day ("at 9:30", "5:00 pm").
_CLOCK_TIME = re.compile(
    r"(?<![\d:])(?<!\bat )(?<!\bby )\d{1,2}:[0-5]\d(?::[0-5]\d)?(?![\d:])(?!\s*(?:[ap]\.?m\b|o'?clock|h\b|uhr))",
    re.IGNORECASE,
)


def clock_time(source: str) -> bool:
    """Whether the text states a duration on a clock ("Run a 17:59 5K"): a measure."""
    return _CLOCK_TIME.search(source) is not None


def one_unit_bound(source: str) -> bool:
    """A bound of one unit of time written in words ("summarised in under a minute", "within
    an hour"): how fast something happens, after a subject; after an imperative, a deadline."""
    return _ONE_UNIT_BOUND.search(source) is not None


_ONE_UNIT_BOUND = re.compile(
    r"\b(?:under|within|in\s+(?:under|less\s+than)|less\s+than|below)\s+(?:a|an|one)\s+"
    r"(?:second|minute|hour|day|week|business\s+day|working\s+day)\b",
    re.IGNORECASE,
)


def habit(reading: Reading, item: evidence.Counted) -> bool:
    """A count of something done on a rhythm or of the days it is done on ("20 pushups each
    day", "40,000 words (minimum) each month", "24 date nights", "20 sober weekends"): a habit
    kept, which counts effort, not a result."""
    after = reading.source[item.quantity.end : item.quantity.end + 60]
    if _RHYTHM_AFTER.match(after):
        # "Grow blog visits to 20k a month": a metric's level per period, the metric named
        # before the number, which counts nothing of its own
        before = reading.source[max(0, item.quantity.start - 4) : item.quantity.start].lower()
        # (a time per period is a timebox kept: "Timebox email to 1hr/week")
        return not (before.endswith("to ") and not item.quantity.unit and _RATE_RIGHT_AFTER.match(after))
    head = reading.texts[item.at : item.at + 3] if 0 <= item.at < len(reading.texts) else []
    return any(noun_lemmas(word)[-1] in words("habit_periods") for word in head[:2]) and not (
        head[:1] and head[0] in words("periods")  # "10 days" is a duration, read as a result
    )


# The rhythm right after the number, no noun between ("20k a month", "500/week").
_RATE_RIGHT_AFTER = re.compile(r"\s*(?:each|every|per|a|/)\s*(?:day|night|week|month)s?\b", re.IGNORECASE)

# A rhythm after a count and up to three words ("20 pushups each day", "10 pullups each work
# day", "40,000 words (minimum) each month", "8K steps per day").
_RHYTHM_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}(?:\([^)]{0,20}\)\s+)?(?:each|every|per|a|/)\s*(?:work\s*)?"
    r"(?:day|night|week|weekday|weekend|month|morning|evening)s?\b"
    r"|\s*(?:[\w-]+\s+){0,3}(?:daily|nightly|weekly|monthly)\b",
    re.IGNORECASE,
)


def engaged(item: evidence.Counted, texts: list[str], lex: dict[str, Lexicon]) -> bool:
    """People qualified by what they do ("500 weekly active developers", "paying users"): the
    reach of a launch, a result even after an activity verb ("Ship v2 to 500 weekly active
    developers")."""
    before = texts[max(0, item.at - 3) : item.at]
    return any(w in _ENGAGED for w in before)


# People qualified by what they do ("weekly active", "paying").
_ENGAGED = words("engaged")


def source_asked(item: evidence.Counted, texts: list[str]) -> str | None:
    """What people counted are asked for ("feedback from 10 developers", "interviews with 12
    buyers"): they are the sources the work reaches, an input, not customers or members won.
    The words from what is gathered to the people; None when they are not asked."""
    start = max(0, item.at - 6)
    before = texts[start : item.at]
    if not any(w in ("from", "with") for w in before[-4:]):
        return None
    gathered = [i for i, w in enumerate(before) if w in words("gathered_from_people")]
    return " ".join(texts[start + gathered[0] : item.at + 1]) if gathered else None


def a_hire(item: evidence.Counted, lex: dict[str, Lexicon], lead: Lead | None, texts: list[str]) -> bool:
    """People in a role, counted after a staffing verb: hires ("Add 3 full time blockchain
    developers", "Have an SRE"), not members won ("Grow the community to 5,000 members")."""
    if item.noun in lex["role-nouns"]:
        return True  # the role as listed, one person: "1 full time rust developer"
    if _staffed_after(item, texts):
        return True  # "10 new organizers recruited and onboarded"
    return lead is not None and lead.base in _STAFFING and evidence.counts_role(item, lex)


def _staffed_after(item: evidence.Counted, texts: list[str]) -> bool:
    """People counted, then reported staffed and nothing more ("10 new organizers recruited
    and onboarded"); not "have together run…" nor "patients recruited by clinics join…"."""
    at = item.at + len(item.noun)
    for index in range(at, min(at + 2, len(texts))):
        if evidence.staffed(texts[index]):
            following = texts[index + 1] if index + 1 < len(texts) else None
            return following in (None, "and")  # the words drop "&"
    return False


# Verbs that staff a role ("Add 3 developers", "Have an SRE").
_STAFFING = words("staffing_verbs")
