"""What a key result's numbers measure: a result (customers, revenue, time, a rate), an output
(posts, talks, PRs), or the share of people taking part in an activity.

A key result is an outcome when it names a measurable quantity of a result (RUBRIC.md): a
percentage, an amount of money, a duration, a level of a metric, a count of people or
organisations reached or won. A count of outputs measures effort (an input metric), and "100%
of the team completed the training" counts participation, which is a task.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from okrlint.lexicons import Lexicon
from okrlint.measure import Measurement, Quantity
from okrlint.reading.forms import base_forms, can_be_noun, can_be_verb, known, noun_lemmas
from okrlint.reading.grammar import words
from okrlint.reading.words import Word, first_word_ending_after, first_word_from

# Units that measure a result whatever they are attached to: time, size, speed, rates.
_RESULT_UNITS = {"%", "x", "ms", "s", "sec", "seconds", "second", "minutes", "minute", "min",
                 "hours", "hour", "h", "hrs", "days", "day", "weeks", "week", "months", "month",
                 "years", "year", "mb", "gb", "tb", "kb", "mbps", "gbps", "stars", "star", "pts",
                 "points", "point", "nps"}
# Words that make an amount a filter when a plural noun stands before them.
_BOUNDS = words("amount_bounds")
# Time units a deliverable can be described by ("a 2 year plan", "a 30-day trial").
_TIME_UNITS = {"s", "sec", "seconds", "second", "minutes", "minute", "min", "hours", "hour", "h",
               "hrs", "days", "day", "weeks", "week", "months", "month", "years", "year"}
# A deadline that is a window from a start ("in the first 30 days", "by day 30"), never a
# duration measured ("close the books in 10 days").
_WINDOW = re.compile(r"(?:in|within|during)\s+the\s+first\b|by\b", re.IGNORECASE)
# Words skipped between a number and the noun it counts ("500 new weekly active users").
_MODIFIERS = words("count_modifiers")
# After an amount of money these make it spend, an output ("$2m spent on ads").
_SPENDING = words("spending")
_EACH = frozenset({"every", "each", "any", "all"})


@dataclass(frozen=True)
class Counted:
    """What one quantity measures."""

    quantity: Quantity
    kind: str  # result | output | reach | people | share | filter (which ones, no count) | unknown
    noun: tuple[str, ...] = ()  # the counted noun as listed in its lexicon, if any
    at: int = -1  # word index of the counted noun
    phrase: tuple[str, ...] = ()  # the noun phrase up to the counted noun ("page views")


def counts_role(item: Counted, lex: dict[str, Lexicon]) -> bool:
    """Whether the counted noun is a role ("3 developers", "an SRE"), plural or not."""
    noun = list(item.noun)
    return bool(noun) and lex["role-nouns"].match_at(noun, 0) == len(noun)


def counted(
    quantity: Quantity, texts: Sequence[str], words_: Sequence[Word], lex: dict[str, Lexicon]
) -> Counted:
    """Classify one quantity by its unit and the noun it counts (the head of the noun phrase
    after it: "2 user conferences" counts conferences), or the metric just before it ("an NPS
    of 70", "retention rate 20%", "sentiment bigger than 11")."""
    unit = (quantity.unit or "").lower()
    after = first_word_from(words_, quantity.end)
    if unit == "%" and texts[after : after + 1] == ["of"] and texts[after + 1 : after + 2] and (
        any(lemma in words("periods") for lemma in noun_lemmas(texts[after + 1]))
    ):
        return Counted(quantity, "unknown", (), after)  # "90% of weeks": how often, not a share won
    if unit == "%" or (texts[after : after + 1] == ["of"] and unit == ""):
        return Counted(quantity, "share")
    if unit.startswith("/"):
        return Counted(quantity, "result")  # "a 4.5/5 average rating": a level on a scale
    if _a_filter(quantity, texts, words_, lex):
        # "bids for purchases over $10k", "PDFs over 50 pages handled": which things, not a count
        return Counted(quantity, "filter", (), after)
    if quantity.currency:
        following = texts[after : after + 2]
        if any(w in _SPENDING for w in following):
            return Counted(quantity, "output", ("spend",), after)  # "$2m spent on ads"
        return Counted(quantity, "result")
    if unit in _RESULT_UNITS and unit != "x":
        following = texts[after] if after < len(texts) else ""
        if unit in _TIME_UNITS and _metric_before(texts, after, quantity, words_, lex):
            return Counted(quantity, "result")  # a metric measured in time: "Downtime < 20 h/month"
        if unit in _TIME_UNITS and _rhythm(texts, after, words_, quantity):
            # "Lift weights 3 days a week", "Practice 60 minutes per week": how often or how
            # long the work is done, not a result measured ("Sleep 7.5 hours/night" reads so too)
            return Counted(quantity, "unknown", (), after)
        if unit in _TIME_UNITS and following and following not in _PHRASE_ENDS and can_be_noun(following):
            # "a 2 year plan", "a 2-4 minute video": the time describes a deliverable
            return Counted(quantity, "unknown", (), after)
        return Counted(quantity, "result")
    index = after
    while index < len(texts) and texts[index] in _MODIFIERS:
        if texts[index] == "in" and texts[index + 1 : index + 2] and texts[index + 1] not in words("in_compounds"):
            # "from 10 to 25 in the Q2 pulse survey", "SUS ≥ 75 in moderated tests": where it
            # is measured, not what; "12 in-depth interviews" counts interviews
            break
        index += 1
    # The noun phrase ends at punctuation ("3 analytics views: error chart, …"): words with
    # more than a space between them belong to different phrases.
    stop = next(
        (i + 1 for i in range(index, len(words_) - 1) if words_[i + 1].start - words_[i].end > 1),
        len(texts),
    )
    found = _head(texts[:stop], index, lex)
    if found is not None:
        kind, noun, at = found
        return Counted(quantity, kind, noun, at, tuple(texts[index : at + len(noun)]))
    if unit == "x":
        return Counted(quantity, "result")  # "3x", "2x the pipeline": a multiple of a metric
    metric_before = _metric_before(texts, after, quantity, words_, lex)
    if metric_before:
        return Counted(quantity, "result", metric_before, after)
    made = _made_things(texts[:stop], index, lex)
    if made is not None:
        return Counted(quantity, "output", (texts[made],), made, tuple(texts[index : made + 1]))
    return Counted(quantity, "unknown", (), index)


def _a_filter(quantity: Quantity, texts: Sequence[str], words_: Sequence[Word], lex: dict[str, Lexicon]) -> bool:
    """Whether the quantity bounds a plural noun before it ("purchases over $10k", "PDFs over
    50 pages"): it says which things count, it counts nothing. A verb there only when nothing
    marks it a noun ("The company raises over $1M"); a metric is bounded, not filtered ("NPS
    above 40")."""
    at = first_word_ending_after(words_, quantity.start)
    before = list(texts[max(0, at - 3) : at])
    if len(before) < 2 or before[-1] not in _BOUNDS:
        return False
    noun = before[-2]
    earlier = texts[max(0, at - 6) : at - 2]
    if any(lex[name].find(earlier) for name in ("metric-nouns", "quality-metrics")):
        return False  # "p99 latency for /v2/orders under 450 ms": the metric named first is bounded
    if set(texts[max(0, at - 5) : at - 2]) & _EACH:
        return True  # "Every vendor contract over £10k has an owner": which ones, one by one
    metric = any(lex[name].match_at([noun], 0) for name in ("metric-nouns", "quality-metrics"))
    if metric and not quantity.currency:
        # "NPS above 40", "response latencies below 300 ms": a metric bounded; but an amount
        # after a plural says which ones count ("purchases over $10k", "deals over $50k")
        return False
    # a plural the lexicon knows ("purchases"), or an unknown word in -s ("PDFs")
    plural = any(lemma != noun for lemma in noun_lemmas(noun)) or (not known(noun) and noun.endswith("s"))
    return plural and (not can_be_verb(noun) or (len(before) == 3 and before[0] in words("noun_markers")))


def _made_things(texts: Sequence[str], index: int, lex: dict[str, Lexicon]) -> int | None:
    """The counted noun when a participle of producing follows it ("12 novels released", "40
    emails sent"): things the team made, an output, whatever they are."""
    for at in range(index + 1, min(index + 4, len(texts))):
        if lex["output-participles"].match_at(texts, at):
            return at - 1 if can_be_noun(texts[at - 1]) else None
        if texts[at] in _PHRASE_ENDS:
            return None
    return None


def _rhythm(texts: Sequence[str], after: int, words_: Sequence[Word], quantity: Quantity) -> bool:
    """Whether a time amount is followed by a period ("3 days a week", "1hr every week",
    "30 minutes daily", "3 days/week", "1 hour for every round I play") and is not a bound on
    a duration ("in 10 days", "to 5 hours per week")."""
    following = texts[after : after + 3]
    if not following:
        return False
    periodic = following[0] in words("rhythm_adverbs") or following[0] in words("periods") or (
        following[0] in words("per_period") and following[1:] and following[1] in words("periods")
    ) or (following[0] == "for" and following[1:2] in (["every"], ["each"]))
    if not periodic:
        return False
    at = first_word_ending_after(words_, quantity.start)
    return not (at and texts[at - 1] in words("duration_bounds"))


# The lexicons that say what a counted noun is, in order: outputs and effort first (so "user
# conferences" and "subscribers" are outputs), then people, then result metrics.
_NOUN_KINDS = (
    ("output", "output-nouns"),
    ("reach", "effort-metrics"),
    ("people", "people-nouns"),
    ("people", "role-nouns"),  # "200 weekly active analysts"; a hire is told apart later
    ("result", "metric-nouns"),
    ("result", "quality-metrics"),
    ("result", "volume-metrics"),
)


def _head(
    texts: Sequence[str], index: int, lex: dict[str, Lexicon]
) -> tuple[str, tuple[str, ...], int] | None:
    """The kind of the noun phrase starting at `index`, by its head (its last noun within
    three words): "user conferences" -> output, "daily active members" -> people."""
    best: tuple[str, tuple[str, ...], int] | None = None
    for offset in range(3):
        at = index + offset
        if at >= len(texts):
            break
        if best is not None and best[0] == "people" and _verb_of(texts[at - 1], texts[at]):
            break  # "50 community members share responses": the people act, "share" is a verb
        for kind, name in _NOUN_KINDS:
            size = lex[name].match_at(texts, at)
            if size:
                best = (kind, tuple(texts[at : at + size]), at)
                break
        if best is not None and (at + 1 >= len(texts) or texts[at + 1] in _PHRASE_ENDS):
            break
        if at < len(texts) and texts[at] in _PHRASE_ENDS:
            break
    if best is not None and best[0] == "people" and _modifier(texts, best[2] + len(best[1]) - 1):
        return None  # "20 new customer support actions": the people word describes the head
    if best is not None and best[0] == "output" and _modifier(texts, best[2] + len(best[1]) - 1, nouns_only=True):
        return None  # "3 pilot studios" (but "1 post hits top 5": "hits" may be the verb)
    return best


def _modifier(texts: Sequence[str], at: int, nouns_only: bool = False) -> bool:
    """Whether the singular noun at `at` modifies a noun after it ("customer support
    actions"), rather than heading the phrase ("1 developer", "customers"); `nouns_only`: only
    when what follows cannot be a verb ("pilot studios", not "post hits")."""
    word = texts[at]
    following = texts[at + 1] if at + 1 < len(texts) else ""
    singular = all(lemma == word for lemma in noun_lemmas(word))
    if nouns_only and following and can_be_verb(following):
        return False
    return singular and bool(following) and following not in _PHRASE_ENDS and can_be_noun(following)


def _verb_of(subject: str, word: str) -> bool:
    """Whether `word` reads as the verb of a plural `subject` ("members share", "users rate"):
    a verb in its base form after a plural noun."""
    return subject.endswith("s") and can_be_verb(word) and word in base_forms(word)


# Words that end the noun phrase after a number ("3 workshops | for new hires").
_PHRASE_ENDS = words("phrase_ends")


def _metric_before(
    texts: Sequence[str],
    after: int,
    quantity: Quantity,
    words_: Sequence[Word],
    lex: dict[str, Lexicon],
) -> tuple[str, ...]:
    at = first_word_ending_after(words_, quantity.start)
    at = after if at == len(words_) else at
    window = texts[max(0, at - 4) : at]
    for name in ("metric-nouns", "quality-metrics"):
        found = lex[name].find(window)
        if found:
            return found[-1][2]
    return ()


def share_is_participation(
    item: Counted, texts: Sequence[str], words_: Sequence[Word], lex: dict[str, Lexicon]
) -> bool:
    """"100% of teammates have gone through interview training", "100% participation in review
    cycles", "100 percent of activities are using the new tracking": a share of people or
    things taking part in an activity (a task), not a share of results."""
    after = first_word_from(words_, item.quantity.end)
    window = texts[after : after + 9]
    if not window:
        return False
    people = lex["people-nouns"]
    first = window[1:4] if window[0] == "of" else []
    about_people = any(people.match_at(first, i) for i in range(len(first))) or any(
        w in words("participation_heads") for w in window[:2]  # "95% team participation"
    )
    if not about_people:
        return False
    for i in range(len(first)):
        size = people.match_at(first, i)
        said = window[1 + i + size] if size and 1 + i + size < len(window) else ""
        if said and any(form in words("perception_verbs") for form in base_forms(said)):
            return False  # "80% of contributors find the onboarding docs helpful": what they think
    if any(w in words("product_users") for w in first):
        return False  # ">90% of first-run users complete a flow": how users use the product
    return bool(lex["participation"].find(list(window)))


def share_of_work_done(item: Counted, texts: Sequence[str], words_: Sequence[Word], lex: dict[str, Lexicon]) -> bool:
    """A share of work done, a deliverable, not a share of results: the whole of a piece of
    work ("Complete 100% configuration of the key vault", "Achieve 100% implementation of all
    MVP features"; "100% completion rate" names a metric), or a share of things worked
    through ("80% of our platform is documented")."""
    if _share_made(item, texts, words_, lex) or _share_worked_through(item, texts, words_, lex):
        return True
    if item.quantity.value != 100:
        return False
    after = first_word_from(words_, item.quantity.end)
    if after < len(texts) and texts[after] == "of":
        after += 1
    if after < len(texts) and texts[after] == "the":
        after += 1
    if after >= len(texts) or not lex["task-nouns"].match_at(texts, after):
        return False
    return not lex["metric-nouns"].match_at(texts, after + 1)


def _share_worked_through(item: Counted, texts: Sequence[str], words_: Sequence[Word], lex: dict[str, Lexicon]) -> bool:
    """A verb of work done, then a share of the things it works through ("Migrate 100% of
    services to Kubernetes", "Consolidate 100% of the 7 applications into one monorepo"): the
    imperative of "100% of sites migrated", a task. Not people or a metric moved ("Migrate 80%
    of customers to the annual plan" is a result)."""
    at = first_word_from(words_, item.quantity.start)
    if at < 1 or not set(base_forms(texts[at - 1])) & words("work_done_verbs"):
        return False
    after = first_word_from(words_, item.quantity.end)
    if texts[after : after + 1] != ["of"]:
        return False
    phrase = texts[after + 1 : after + 6]
    breaks = words("phrase_breaks") | words("object_ends")
    end = next((i for i, w in enumerate(phrase) if i > 0 and w in breaks), len(phrase))
    head = [w for w in phrase[:end] if w not in ("the", "our", "all") and not w[:1].isdigit()][-1:]
    return bool(head) and bool(lex["work-items"].match_at(head, 0))


def _share_made(item: Counted, texts: Sequence[str], words_: Sequence[Word], lex: dict[str, Lexicon]) -> bool:
    """"80% of our platform is documented", "100% of messages are personalized": a share of
    things the team works through, a task; with a time bound it is a service level ("95% of
    issues are resolved in one week", "deployed within 24 hours")."""
    after = first_word_from(words_, item.quantity.end)
    if texts[after : after + 1] != ["of"]:
        return False
    window = texts[after + 1 : after + 9]
    at = next((i for i, w in enumerate(window) if w in ("is", "are", "get", "gets")), None)
    if at is None or at + 1 >= len(window):
        return False
    subject = window[:at]
    if any(lex["people-nouns"].match_at(subject, i) for i in range(len(subject))):
        return False  # people: participation's to read ("100% of teammates are trained")
    made = window[at + 1]
    if not (
        made in words("made_participles")
        or made in words("worked_participles")
        or lex["completion-words"].match_at(window, at + 1)
    ):
        return False
    return not TIME_BOUND.search(" ".join(texts[after:]))


# A bound in time that makes a share done a service level ("within 24 hours", "in one week").
TIME_BOUND = re.compile(
    r"\b(?:within|in|under)\s+(?:\d+|one|two|three|a|an)\s*(?:business\s+)?"
    r"(?:minutes?|hours?|days?|weeks?|h|d|hrs?|mins?)\b"
)


def measured_results(
    measurement: Measurement, texts: Sequence[str], words_: Sequence[Word], lex: dict[str, Lexicon]
) -> list[Counted]:
    deadline = measurement.deadline
    return [
        counted(q, texts, words_, lex)
        for q in measurement.quantities
        # "Hold 4 town halls within 90 days": the days say when, not how much (but "Close
        # the books in 10 days" measures the close)
        if (
            deadline is None
            or (len(measurement.quantities) == 1 and not _WINDOW.match(deadline.text))
            or not (deadline.start <= q.start < deadline.end)
        )
        and not _scale_top(q.start, texts, words_)
    ]


def _scale_top(start: int, texts: Sequence[str], words_: Sequence[Word]) -> bool:
    """Whether the number is the top of a rating scale ("4.4 out of 5 in the June survey"):
    it counts nothing, so the noun after it is not what is counted."""
    at = next((i for i, word in enumerate(words_) if word.start >= start), None)
    return at is not None and at >= 2 and list(texts[at - 2 : at]) == ["out", "of"]


def counts_outputs(items: list[Counted]) -> bool:
    return bool(items) and all(item.kind == "output" for item in items)


def result_evidence(items: list[Counted]) -> bool:
    """Whether some number measures a result: money, time, a rate or share, a metric level,
    people reached or won (not a count of outputs)."""
    return any(item.kind in ("result", "people", "share") for item in items)


def promoting(item: Counted, texts: Sequence[str]) -> str | None:
    """People counted spreading the word ("500 influencers sharing our content", "50 members
    share responses"): reach and effort, an input metric; the phrase, else None."""
    if item.kind != "people" or not item.noun or item.noun[-1] in words("product_users"):
        return None  # "200 users share a project": using the product's sharing, adoption
    after = item.at + len(item.noun)
    verb = texts[after] if after < len(texts) else ""
    if not verb or not any(form in words("promotion_verbs") for form in base_forms(verb)):
        return None
    return " ".join(item.phrase + (verb,) if item.phrase else item.noun + (verb,))


def taking_part(item: Counted, texts: Sequence[str], lex: dict[str, Lexicon]) -> str | None:
    """People counted taking part in an activity ("At least 50 reps have given feedback on the
    draft", "40 staff attended the training"): participation, an input the rubric calls a
    task, not people won; the phrase, else None. Product users are left out ("200 users
    completed onboarding" is how the product is used)."""
    if item.kind != "people" or not item.noun or item.noun[-1] in words("product_users"):
        return None
    after = item.at + len(item.noun)
    window = list(texts[after : after + 4])
    found = lex["participation"].find(window)
    if not found or not window or not can_be_verb(window[0]):
        return None  # the verb comes straight after the people: "50 reps have given feedback"
    if staffed(window[0]):
        return None  # "12 coordinators recruited and onboarded": hires, a task of their own
    return " ".join((item.phrase or item.noun) + tuple(window[: found[0][1]]))


def staffed(word: str) -> bool:
    """A participle of a staffing verb ("recruited", "onboarded"), not the verb itself: "have
    together run…" is not a hire."""
    return any(form in words("staffing_verbs") and form != word for form in base_forms(word))


def verb_after(texts: Sequence[str], index: int) -> bool:
    """Whether a verb follows the counted noun ("5 communities use the data"): the count is
    of people doing something, which is a result."""
    return any(
        can_be_verb(w)
        and w not in words("determiners")
        # "10 new organizers recruited and onboarded": people staffed, a hire, not what they do
        and not staffed(w)
        for w in texts[index + 1 : index + 3]
    )
