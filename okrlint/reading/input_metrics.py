"""What an input metric counts: work done, outputs made or people reached ("Publish 12 blog
posts", "Hold 3 workshops", "500 newsletter views"), as against the result those outputs are
for (RUBRIC.md: input_metric). Read for O102."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from okrlint.loaders.vocabulary import alternation
from okrlint.reading import evidence
from okrlint.reading.counted_kinds import habit, source_asked
from okrlint.reading.forms import base_forms, can_be_verb, noun_lemmas
from okrlint.reading.grammar import words
from okrlint.reading.measurability import headline_direction
from okrlint.reading.mentions import quoted
from okrlint.reading.words import first_word_ending_after, first_word_from

if TYPE_CHECKING:
    from okrlint.reading.reading import Reading


@cache
def _shares_of_own_work() -> tuple[re.Pattern[str], ...]:
    """The share of the team's own planned work done: "completes 100% of planned sprint work",
    "a 90% completion rate of tasks committed", "code review for 100% of pull requests", "Close
    50% of issues from the audit". Customers' tickets resolved in a day are a service, not this.
    Each pattern names the work it counts as `work`."""
    work = alternation(sorted(words("own_work")))
    changes = alternation(sorted(words("reviewed_changes")))
    share = r"\d{1,3}\s?%\s+of\s+(?:the\s+|our\s+|all\s+)?"
    planned = r"(?:committed|planned|scheduled|assigned)"
    patterns = (
        rf"\b{share}(?P<work>{planned}\s+(?:sprint\s+)?{work})\b",
        rf"\bcompletion\s+rate\s+of\s+(?:the\s+)?(?P<work>{work})\s+{planned}\b",
        rf"\breview\w*\b(?:(?!\bwithin\b)[^.]){{0,40}}?\bfor\s+{share}(?P<work>{changes})\b",
        rf"\b(?:close|fix|resolve|address)\s+{share}(?P<work>{work})\s+(?:from|in|raised\s+by)\s+"
        r"(?:the|our)\b[^.]{0,40}?\b(?:audit|review|assessment|backlog)\b",
    )
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


def _share_of_own_work(source: str) -> str | None:
    for pattern in _shares_of_own_work():
        found = pattern.search(source)
        if found and not (_SERVED.search(source, 0, found.start()) or _SERVED_IN_TIME.search(source)):
            return " ".join(found.group("work").split())
    return None


# Work done by the people served ("Customers complete 90% of planned work items in the app") or
# within a time ("First review within 4 hours for 90% of pull requests"): a result or a service
# level, not a count of the team's own work.
_SERVED = re.compile(r"\b(?:customers?|users?|clients?|patients?|visitors?|students?)\b", re.IGNORECASE)
_SERVED_IN_TIME = re.compile(r"\bwithin\s+(?:\d|an?\s|one\b)", re.IGNORECASE)


def effort(reading: Reading) -> str | None:
    """What an input metric counts: outputs ("12 streams", "3 articles"), effort ("200 cold
    calls") or vanity reach ("page views", "followers"), not customers, users or revenue."""
    if (
        reading.direction == "decrease"
        or _NEGATED.match(reading.source)
        or capped(reading.source)
        or _NONE_WANTED.search(reading.source)
    ):
        # fewer calls or meetings for the same result is efficiency, an outcome; a cap on
        # effort ("Not spend more than 5 hours in research") counts no work done; nobody aims
        # at zero outputs, so "Zero never events" counts harm avoided
        return None
    if share := _share_of_own_work(reading.source):
        return share
    for item in reading.counted:
        if _single_or_scope(reading, item):
            continue  # "Launch 1 app", "for each of the 8 videos": a deliverable, a scope
        if item.kind == "output" and item.noun and not _done_by_people(reading, item.at):
            if _a_note(reading, item):
                continue  # "≥98% success across devices (1,000-tap test)": how it is measured
            return " ".join(item.phrase or item.noun)
    worked = (
        _counted_work(reading)
        or _recurring_activity(reading)
        or _recurring_outputs(reading)
        or _top_outputs(reading)
        or _people_asked(reading)
        or _audience_reached(reading)
        or next(filter(None, (evidence.promoting(item, reading.texts) for item in reading.counted)), None)
        or next(filter(None, (evidence.taking_part(item, reading.texts, reading.lex) for item in reading.counted)), None)
        or _habit_kept(reading)
        or _number_of_outputs(reading)
    )
    if worked:
        return worked
    lead = reading.lead
    moved = reading.has_measure or "number" in reading.texts or (lead and lead.kind == "outcome")
    if not (moved or headline_direction(reading.texts)):  # ("Followers up": moved, no target)
        return None
    texts = reading.texts
    for start, end, term in reading.lex["effort-metrics"].find(texts):
        if not _counted_head(reading, start, end) or not _measured_term(reading, start):
            continue
        if texts[end - 1] != term[-1] and can_be_verb(term[-1]) and start and not texts[start - 1][:1].isdigit():
            continue  # "No patient spends more than 4 hours": a verb, not the noun listed ("spend")
        if "frequency" in texts[:start]:
            continue  # "purchase frequency 2.8 visits/month": how often people come, a behaviour
        following = texts[end : end + 1]
        if following == ["per"] and any(w in words("product_users") for w in texts[end + 1 : end + 4]):
            continue  # "sessions per weekly active user": engagement, a rate of use
        if following and reading.lex["quality-metrics"].match_at(texts, end):
            continue  # "traffic safety compliance": the word modifies the metric
        quantities = reading.measurement.quantities
        level = quantities and all(q.unit == "%" for q in quantities) and not reading.measurement.relative_change
        if level and not _right_after_number(reading, start) and term[-1] not in words("share_effort_metrics"):
            continue  # "repeat visits by paying members from 30% to 45%": a share, not a count
        before = texts[max(0, start - 3) : start]
        if before and before[-1] in words("denominators"):
            continue  # a denominator: "revenue per call"
        if before and before[-1] in words("system_callers") and term[-1] in ("calls", "requests"):
            continue  # "partner API calls per day": software calling a system is its use
        if texts[end : end + 1] and texts[end].endswith("ed") and texts[end + 1 : end + 2] in (["within"], ["in"], ["under"]):
            continue  # "Calls answered within 60 s: 55% → 80%": a service level on them
        if term[-1] in ("visits", "visitors") and _to_a_place(texts, start, end):
            continue  # "library visits", "visits to the gallery": people coming, a result
        if term[-1] == "subscribers" and set(before) & words("paying_subscribers"):
            continue  # "Digital subscribers 48 000 → 62 000": paying customers
        if before and before[-1] in words("quality_filters"):
            continue  # "qualified meetings", "successful demos": the filter makes it a result
        if "of" in before[-2:]:
            owner = before[before.index("of") - 1] if before.index("of") else ""
            if owner not in words("count_of"):
                continue  # a ratio of them: "% of calls answered", "adoption of new features"
        return " ".join(term)
    return None


# "Not spend more than 5 hours…", "Never more than 2 syncs…": a cap (not a floor, "Not less
# than 20 sales calls", which still counts the calls).
_NEGATED = re.compile(
    r"\s*(?:do\s+)?(?:not|never)\b[^.;]{0,40}?\b(?:more|longer|over|above|exceed\w*)\b", re.IGNORECASE
)


# None of something as the target: "Zero never events", "No patient waits more than 4 hours",
# "Critical findings open: 0".
_NONE_WANTED = re.compile(r"^\W*(?:zero|no|0)\s+(?!more\b|less\b|fewer\b|longer\b)[a-z]|[:=]\s*0\s*$", re.IGNORECASE)


# A cap on a count: "No more than 2 regression issues", "at most 3 escalations", "< 5 reopened
# tickets": fewer is the aim, which is no effort pushed (an efficiency or a quality bar).
_CAPPED = re.compile(
    r"\b(?:no|not)\s+more\s+than\s+\d|\bat\s+most\s+\d|\bfewer\s+than\s+\d|(?:^|\s)[<≤]\s?\d",
    re.IGNORECASE,
)


def capped(source: str) -> bool:
    """Whether a count in the key result is capped ("No more than 2 regression issues")."""
    return _CAPPED.search(source) is not None


def _to_a_place(texts: Sequence[str], start: int, end: int) -> bool:
    """Visits to a physical place ("library visits", "195,000 visits to the gallery", "walk-in
    visitors at the branch"), not to a website: people who came, a result, where a web page's
    visitors are reach."""
    around = texts[max(0, start - 3) : end + 5]
    return any(word in words("physical_places") for word in around) and not any(
        word in words("web_places") for word in around
    )


def _number_of_outputs(reading: Reading) -> str | None:
    """A count of outputs named with "number of" ("Increase the number of relevance tests from
    10 to 50"): the number stands apart from the noun it counts, an input metric all the same.
    The output must head its phrase ("number of tests", not "number of test failures")."""
    texts = reading.texts
    outputs = reading.lex["output-nouns"]
    for index, word in enumerate(texts[:-2]):
        if word not in _COUNT_NOUNS or texts[index + 1] != "of":
            continue
        phrase = texts[index + 2 : index + 6]
        end = next((i for i, w in enumerate(phrase) if w in words("phrase_breaks")), len(phrase))
        head = phrase[:end]
        if not head or any(w in words("quality_filters") for w in head):
            return None  # "number of successful demos": the filter makes it a result
        if phrase[end : end + 1] in (["per"], ["with"]):
            return None  # "pages per session" is engagement; "experiments with significant
            # results" are filtered to the ones that worked
        if any((size := outputs.match_at(head, i)) and i + size == len(head) for i in range(len(head))):
            return " ".join(texts[index : index + 2 + len(head)])
    return None


def _a_note(reading: Reading, item: evidence.Counted) -> bool:
    """A count inside parentheses beside a target outside them: a note on the method."""
    before = reading.source[: item.quantity.start]
    inside = before.count("(") > before.count(")")
    return inside and any(
        q.start < before.rfind("(") and q is not item.quantity for q in reading.measurement.quantities
    )


def _people_asked(reading: Reading) -> str | None:
    """People counted as the sources of feedback or interviews: "Get feedback from 100
    customers" counts the asking, an input metric."""
    for item in reading.counted:
        if item.kind == "people" and (asked := source_asked(item, reading.texts)):
            return asked
    return None


def _audience_reached(reading: Reading) -> str | None:
    """People counted as the audience of a pitch or talk ("Introduce the SDK to more than 20
    people", "a presentation that influences 50+ developers"): reach, an input metric. The verb
    is among the five words before the count ("to" and "more than" aside); "Reach 1,000 users"
    is adoption, not listed. A second count is the result the audience should give ("Show 20
    customers the new checkout and get 15 to switch")."""
    if len(reading.counted) != 1:
        return None
    item = reading.counted[0]
    if item.kind != "people" or not item.noun:
        return None
    skipped = words("count_lead_ins") | {"to"}  # "to more than 20 people"
    at = first_word_ending_after(reading.words, item.quantity.start)
    before = [w for w in reading.words[:at] if w.text not in skipped][-5:]
    if not any(set(w.bases or base_forms(w.text)) & words("reach_verbs") for w in before):
        return None
    return reading.source[item.quantity.start : reading.words[item.at + len(item.noun) - 1].end]


def _done_by_people(reading: Reading, at: int) -> bool:
    """Outputs made by customers or users, not by the team: "3 customers have together run at
    least 10 campaigns" measures how customers use the product."""
    lead = reading.lead
    if lead is not None and lead.kind == "activity" and not lead.noun_reading:
        return False
    before = reading.texts[:at]
    return any(word in words("product_users") for word in before)


_COUNT_NOUNS = words("count_nouns")


def _measured_term(reading: Reading, start: int) -> bool:
    """Whether an effort word is what is measured: counted ("500 demos", "number of demos")
    or moved by the leading verb ("Increase page views"), not a word elsewhere in the
    sentence ("80% of users rate the new features 5 stars")."""
    lead = reading.lead
    if lead is not None and not lead.noun_reading and lead.kind == "outcome" and start - lead.end <= 6:
        return True
    if start <= 3:
        return True  # the key result names it first: "Monthly organic traffic from 10k to 20k"
    for quantity in reading.measurement.quantities:
        after = first_word_from(reading.words, quantity.end)
        between = reading.texts[after:start]
        if after < len(reading.words) and 0 <= start - after <= 3 and not set(between) & _NOT_COUNTING:
            return True  # "500 demos", "12 more blog posts"; not "SUS ≥ 75 in moderated tests"
    return any(w in _COUNT_NOUNS for w in reading.texts[max(0, start - 5) : start])


# Words between a number and a noun that show the number does not count the noun: "scores 75
# in moderated tests", "4.5 stars across 200 reviews".
_NOT_COUNTING = frozenset({"in", "on", "at", "across", "during", "from", "via", "through", "over", "among", "per"})


def _habit_kept(reading: Reading) -> str | None:
    """The count of a habit ("20 pushups each day", "24 date nights") when the key result is
    one: the quantity and the words it counts."""
    if reading.outcome_measure:
        return None
    for item in reading.counted:
        if item.kind == "unknown" and habit(reading, item):
            end = reading.words[min(item.at + 1, len(reading.words) - 1)].end
            # "20 pushups each day", "24 date nights", "40,000 words" (before "(minimum)")
            return reading.source[item.quantity.start : end].split("(")[0].strip()
    return None


def _single_or_scope(reading: Reading, item: evidence.Counted) -> bool:
    """A count that measures no volume of work: one deliverable ("Launch 1 app that has
    billing") or the scope the work covers ("for each of the 8 videos")."""
    before = reading.source[max(0, item.quantity.start - 16) : item.quantity.start].lower().split()
    lead = reading.lead
    single = item.quantity.value == 1 and not item.quantity.unit and not item.quantity.text.endswith("+")
    if (
        single
        and item.quantity.start == reading.words[0].start
        and len(reading.counted) == 1
        and not evidence.verb_after(reading.texts, item.at)  # "1 post hits the top 5": a result
    ):
        return True  # "1 diagram of the community structure": the deliverable, named
    if (
        single
        and lead is not None
        and lead.kind == "activity"
        and lead.end < len(reading.words)
        and reading.words[lead.end].start >= item.quantity.start  # right after the verb
    ):
        return True
    if before[-1:] in (["all"], ["every"]) or _OF_A_WHOLE.search(reading.source, 0, item.quantity.start):
        return True  # "All 312 pages meet WCAG", "4 of 5 sampled papers": a share of a whole
    return before[-3:] in (["each", "of", "the"], ["all", "of", "the"], ["each", "of", "our"])


# A number then "of" or "out of" right before the count: "4 of 5 sampled papers", "9 out of
# 10 calls": the count is the whole a share is taken of.
_OF_A_WHOLE = re.compile(r"\d\s+(?:out\s+)?of\s+(?:the\s+)?$", re.IGNORECASE)


def _recurring_activity(reading: Reading) -> str | None:
    """An activity done on a rhythm with no result of its own ("Work out twice a week", "Read
    one book every month", "Track finances every week"): it counts effort."""
    lead = reading.lead
    if lead is None or reading.outcome_measure:
        return None
    rhythm = _RHYTHM.search(reading.source) or _every_period(reading)
    if rhythm is None:
        return None
    if lead.noun_reading or lead.kind != "activity":
        # "The architecture presented to the board twice a year": a deliverable reported done,
        # on a rhythm
        if "automatically" in reading.texts:
            return None  # "Updates are installed automatically once a day": a system's behaviour
        return reading.task if reading.task is not None and lead.kind == "other" else None
    # The activity: the verb and up to two words after it, up to the words that say how often
    # ("track finances", "work out", "read one book").
    end = min(len(reading.texts), lead.end + 2)
    end = next(
        (
            i
            for i in range(lead.end, end)
            if reading.words[i].start >= rhythm.start() and reading.texts[i] in _HOW_OFTEN
        ),
        end,
    )
    return " ".join(reading.texts[lead.index : end])


def _recurring_outputs(reading: Reading) -> str | None:
    """Outputs or events made on a rhythm, named in the plural with no number ("Host monthly
    community calls", "Bi-weekly tweets about our hiring", "New project onboarding sessions
    quarterly"): how many there will be is set by the calendar, an input. Starting the practice
    is a task of its own ("Introduce monthly empathy sessions"), and one recurring deliverable
    ("Publish a monthly cash-flow dashboard") is a task."""
    lead = reading.lead
    if lead is None or reading.outcome_measure or reading.measurement.quantities:
        return None
    if not lead.noun_reading and lead.kind == "activity" and lead.base not in words("hosting_verbs"):
        return None
    texts, outputs, efforts = reading.texts, reading.lex["output-nouns"], reading.lex["effort-metrics"]
    for index, word in enumerate(texts):
        if word not in words("rhythm_adverbs"):
            continue
        # the plural output after the rhythm word ("monthly community calls") or before it
        # ("onboarding sessions quarterly")
        spots = [i for i in range(index + 1, min(index + 4, len(texts)))] + ([index - 1] if index else [])
        for at in spots:
            size = outputs.match_at(texts, at) or efforts.match_at(texts, at)
            if size and _plural(texts[at + size - 1]):
                return " ".join(texts[min(index, at) : max(index + 1, at + size)])
            if at > index and (lead.noun_reading or lead.kind == "other"):
                # a noun phrase naming one event or issue of a series ("Monthly community
                # call", "Weekly volunteer newsletter"): how many is set by the calendar
                single = _singular_effort(texts, at, efforts)
                if single:
                    return " ".join(texts[index : at + single])
    return None


def _top_outputs(reading: Reading) -> str | None:
    """The top N outputs as the verb's object ("Deliver the top 10 customer requested
    features"): N outputs shipped, an input; "for the top 5 inquiries" is the work's scope."""
    lead = reading.lead
    if lead is None or lead.noun_reading or lead.kind != "activity" or reading.outcome_measure:
        return None
    texts = reading.texts
    at = lead.end + (texts[lead.end : lead.end + 1] == ["the"])
    if texts[at : at + 1] != ["top"] or at + 1 >= len(texts) or not texts[at + 1].isdigit():
        return None
    outputs = reading.lex["output-nouns"]
    for index in range(at + 2, min(at + 6, len(texts))):
        size = outputs.match_at(texts, index)
        if size:
            return " ".join(texts[at : index + size])
        if texts[index] in words("object_ends"):
            return None
    return None


def _singular_effort(texts: Sequence[str], at: int, efforts: Any) -> int:
    """The size of an effort term whose last word is written in the singular at `at`, and
    nothing after it ("community call" for "calls"): 0 when there is none."""
    for size in (2, 1):
        if at + size != len(texts):
            continue
        plural = [*texts[at : at + size - 1], texts[at + size - 1] + "s"]
        if efforts.match_at(plural, 0) == size:
            return size
    return 0


def _plural(word: str) -> bool:
    return word.endswith("s") and any(lemma != word for lemma in noun_lemmas(word))


def _every_period(reading: Reading) -> re.Match[str] | None:
    """An activity with no number done every period: "Track finances every week", "Host a
    welcome session each week". Not a framing phrase before it ("After each day of the
    bootcamp, …"), a date ("by the 15th of each month") or a habit's amount ("Drink 100oz of
    water every day"), which the counts read."""
    lead = reading.lead
    if lead is None or reading.measurement.quantities or any(c.isdigit() for c in reading.source):
        return None
    start = reading.words[lead.index].start
    return next(
        (
            match
            for match in _EVERY_PERIOD.finditer(reading.source)
            if match.start() > start and not reading.source[: match.start()].rstrip().lower().endswith("of")
        ),
        None,
    )


_HOW_OFTEN = words("per_period") | words("times_words")
_EVERY_PERIOD = re.compile(r"\b(?:every|each)\s+(?:day|week|month|quarter|sprint)\b", re.IGNORECASE)


# How often, as a target: "twice a week", "3 days/week", "one book every month", "every other
# day". "A monthly dashboard" or "weekly reviews" name a recurring deliverable: a task.
_RHYTHM = re.compile(
    r"\b(?:once|twice|\d+(?:\.\d+)?\s*(?:x|times?|days?|nights?|hours?|hrs?|h|minutes?|mins?))\s*"
    r"(?:a|per|/|every|each)\s*(?:day|night|week|month|quarter|year)\b"
    r"|\b(?:one|two|three|\d+)\s+(?:[\w-]+\s+){1,3}(?:every|each|a|per)\s+(?:day|week|month)\b"
    r"|\bevery\s+other\s+(?:day|week)\b"
    r"|\b\d{1,3}\s?%\s+of\s+(?:the\s+)?(?:days|weeks|months|sprints|quarters)\b",
    re.IGNORECASE,
)


def _right_after_number(reading: Reading, start: int) -> bool:
    for quantity in reading.measurement.quantities:
        after = first_word_from(reading.words, quantity.end)
        if after < len(reading.words) and 0 <= start - after <= 2:
            return True
    return False


def _counted_work(reading: Reading) -> str | None:
    """What an activity verb counts when the key result has no result of its own: "Call 50
    lapsed donors", "Repair 12,000 potholes", "Train 30 managers" count the work done (an
    input metric, RUBRIC.md). Hires are deliverables, not effort ("Hire 4 engineers": O101)."""
    lead = reading.lead
    if lead is None or lead.noun_reading or lead.kind != "activity" or reading.outcome_measure:
        return None
    if lead.base in words("hiring_verbs"):
        return None
    texts = reading.texts
    for item in reading.counted:
        if item.kind == "share" or item.quantity.currency or item.quantity.unit:
            continue
        if _single_or_scope(reading, item):
            continue
        if item.kind == "result" and not item.noun:
            continue
        phrase_end = item.phrase[-1:] if item.phrase else item.noun[-1:]
        if item.kind == "people" and item.noun in reading.lex["role-nouns"] and phrase_end == item.noun[-1:]:
            continue  # "Add 1 full time rust developer": a hire ("10 support rep candidates" is not)
        between = [
            w.lower()
            for w in reading.source[reading.words[lead.end - 1].end : item.quantity.start].split()
            if not re.fullmatch(r"\d+\s*[-–]", w)  # "10-15 team members": a range
        ]
        talking = all(w in _INTERACTION for w in between)  # "Start conversations with 100 PMs"
        if not talking and (len(between) > 2 or any(w in _PHRASE_BREAK - {"at"} for w in between)):
            if item.kind == "people" or not _second_verb(between):
                continue  # the count is not the verb's object: "Launch with 3 content types"
        after = item.at + len(item.noun) if item.noun else item.at + 1
        following = texts[after] if after < len(texts) else ""
        if item.kind == "people" and following and can_be_verb(following) and following not in _PHRASE_BREAK:
            continue  # "3+ prospects commit to beta testing": what people do is a result
        if item.phrase:
            return " ".join(item.phrase)
        words_after = [w for w in texts[item.at : item.at + 4] if w.isalpha()]
        phrase: list[str] = []
        for word in words_after:
            if word in _PHRASE_BREAK or (phrase and word.endswith("ing") and can_be_verb(word)):
                break  # "1 final retrospective identifying 3 learnings": the phrase ends at the verb
            phrase.append(word)
        if phrase:
            return " ".join(phrase)
    return None


def _second_verb(between: list[str]) -> bool:
    """Whether the count is the object of a second verb joined to the leading one: "Define and
    automate 5 processes", "Research real estate and view 10 apartments"."""
    if len(between) < 2 or between[-2] not in ("and", "or"):
        return False
    verb = between[-1]
    return verb.isalpha() and can_be_verb(verb) and verb not in _PHRASE_BREAK and not (
        set(base_forms(verb)) & words("hiring_verbs")
    )


# Words between a verb of talking and the people counted: "Meet with 10 team members", "Get
# feedback from 100 customers", "Start conversations with 100 PMs".
_INTERACTION = words("interaction")
# Words that break a counted phrase: the count is not the verb's object, the phrase ends.
_PHRASE_BREAK = words("phrase_breaks")


def _counted_head(reading: Reading, start: int, end: int) -> bool:
    """Whether the words at [start, end) are what is counted, not a source, a filter, a name
    or part of a compound ("revenue from workshops", "visitors who renew", "the Spring
    Workshops", "Downloads-to-Activation rate")."""
    texts, words_, source = reading.texts, reading.words, reading.source
    before = texts[max(0, start - 3) : start]
    if any(w in ("from", "among", "for") for w in before):
        return False
    following = texts[end] if end < len(texts) else ""
    if following in words("relative_pronouns") or following.endswith("ing"):
        return False
    word = words_[start]
    hyphen = "-" in (source[word.end : word.end + 1], source[word.start - 1 : word.start])
    name = start > 0 and source[word.start : word.start + 1].isupper() and not (
        source[words_[start - 1].start : words_[start - 1].start + 1].isupper()
    )
    if name and quoted(source, word.start, word.end):
        name = False  # 'Get 2000 "Readers"': a tool's name for the metric, quoted, not a title
    last = words_[end - 1]
    if name and end - start > 1 and source[last.start : last.start + 1].islower():
        name = False  # "200 GitHub stars": a brand leads the metric's own name, no title
    return not hyphen and not name
