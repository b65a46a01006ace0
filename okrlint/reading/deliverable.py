"""Is a key result satisfied by doing or shipping something?

The default is a task (RUBRIC.md): an imperative with any verb, a noun-phrase deliverable
("Beta release of X", "Spec for X"), the state of a deliverable ("X is live", "X has Y",
"users can X", "There is a prototype"), a hire, an event, a decision. It is an outcome only when
it names a measurable quantity of a result (evidence.py), moves a metric ("Reduce churn"),
or describes how a system or its users behave ("deploys never take longer than…").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from okrlint.lexicons import Lexicon
from okrlint.reading import evidence
from okrlint.reading.forms import base_forms, can_be_noun, can_be_verb, noun_lemmas, parts_of_speech
from okrlint.reading.grammar import words
from okrlint.reading.mentions import AGREED_TARGET, IMPLICIT_TARGET
from okrlint.reading.words import first_word_from

if TYPE_CHECKING:
    from okrlint.reading.reading import Reading
    from okrlint.reading.words import Lead, Word

# Verbs that state what a deliverable is, has or does ("The API has rate limits").
_STATE_VERBS = words("state_verbs")
# A change in a count stated without a number ("Close more deals").
_MORE_OR_FEWER = words("more_or_fewer")
# The lexicons whose words name what a direction verb can move ("usage", "NPS", "members").
_METRIC_LEXICONS = ("metric-nouns", "quality-metrics", "volume-metrics", "people-nouns",
                    "effort-metrics", "population-nouns", "vague-words")


def has_outcome(reading: Reading) -> bool:
    """Whether the key result names a measurable quantity of a result, moves a metric, or
    states how a system or its users behave."""
    measurement = reading.measurement
    if measurement.baseline is not None:
        return True  # "from X to Y" or "(currently X)": a metric is being moved
    items = reading.counted
    texts, words_, lex = reading.texts, reading.words, reading.lex
    lead = reading.lead
    if _reported_made(reading, items):
        return False  # "Planning process in 3 communities is developed and tested"
    activity = lead is not None and lead.kind == "activity" and not lead.noun_reading
    # People counted after an activity verb are the work's objects, not results won: "Hire 4
    # engineers", "Interview 25 candidates", "Get feedback from 5 users" (but "Add 6 customers").
    counting = lead is not None and lead.base in words("counting_verbs")
    people_won = not activity or counting
    results = [
        item
        for item in items
        if (item.kind == "result" and not (activity and not counting and _bare_count(item, texts, words_, lex)))
        or (item.kind == "reach" and not activity)  # "Get 500 listens": an input, not a task
        or (
            item.kind == "people"
            and source_asked(item, texts) is None
            and evidence.promoting(item, texts) is None
            and evidence.taking_part(item, texts, lex) is None
            and (
                engaged(item, texts, lex)
                or (people_won and not _a_hire(item, lex, lead, texts))
                # "3 developers building apps with DXOS": people doing something, adoption
                or (not activity and evidence.verb_after(texts, item.at))
            )
        )
        or (
            item.kind == "share"
            and not evidence.share_is_participation(item, texts, words_, lex)
            and not evidence.share_of_work_done(item, texts, words_, lex)
        )
    ]
    if _partners_won(reading):
        return True  # "Partner with 5 NFT collections": partners won, like customers
    if _NONE_SUFFER.match(reading.source) or _no_faults(reading):
        return True  # "No transactions accepted by our products have a fatal error": a quality bar
    if results or behaviour(reading) or clock_time(reading.source):
        return True  # … or a time to achieve: "Run a 17:59 5K", "a sub-3:00:00 marathon"
    if IMPLICIT_TARGET.search(reading.source) and (not activity or (lead is not None and lead.base in words("copulas"))):
        return True  # "Break even on Hub operations", "Be cash-flow positive": profit at zero or above
    held = AGREED_TARGET.search(reading.source)
    if held and held.group("beyond") and not activity:
        return True  # "Q3 pipeline ahead of plan", "fraud loss rate under target": a level held
    if measurement.relative_change and not (activity and items):
        return True  # "by 20%", "3x": a change ("Hire 6x engineers" counts people)
    if measurement.rank and not activity:
        return True  # "top 5 on Hacker News": a standing ("identify the top-5 pain points")
    if any(item.kind == "unknown" for item in items):
        if _spreading_a_deliverable(reading):
            return False  # "Expand the review process to 3 new teams": a rollout
        if any(item.kind == "unknown" and habit(reading, item) for item in items):
            return False  # "20 pushups each day", "24 date nights": a habit kept, effort
        if not activity and _counted_after_the_predicate(reading, items):
            return False  # "All systems are monitoring the 4 golden signals": a state reached
        return not activity  # "10 regulars on streams" counts people; "Launch 3 X" outputs
    if items:
        return False  # outputs counted, or a share of people taking part in an activity
    if lead is not None and not lead.noun_reading and lead.kind in ("outcome", "maintenance"):
        return not _getting_a_deliverable(reading) and _moves_a_metric(reading)
    comparative = any(w in _MORE_OR_FEWER for w in texts)
    if counting and comparative and lead is not None and _moves_a_metric(reading):
        return True  # "Close more deals with mid-market prospects": a result, unquantified
    if texts and texts[0] in words("metric_openers") and not activity:
        return True  # "Number of experiments completed", "Rate of…" (not "Share one insight…")
    if _DEFINED_METRIC.match(reading.source):
        return True  # "Visits — the number of people who come in": a metric and its definition
    return not activity and _metric_named(reading)


def _no_faults(reading: Reading) -> bool:
    """None of a fault, named first: "No P1 bugs at launch", "No critical outages this
    quarter" (a quality bar, as "Zero critical incidents" is)."""
    texts = reading.texts
    if texts[:1] != ["no"]:
        return False
    faults = reading.lex["quality-metrics"]
    return any(faults.match_at(texts, i) for i in range(1, min(5, len(texts))))


# A short name, a dash or colon, then what it counts: "Program attendance—the number of
# individuals attending", "Rescue rate: the share of portions claimed".
_DEFINED_METRIC = re.compile(
    r"[\w '’/&-]{1,40}?\s*(?:—|–|:|--|\s-)\s*(?:the\s+|a\s+)?"
    r"(?:number|percentage|percent|share|rate|count|proportion|ratio|amount|total)\s+of\b",
    re.IGNORECASE,
)


# None of some things meets a fault ("No transactions … have a fatal error", "Zero customers
# experience data loss"): a quality bar, an outcome.
_NONE_SUFFER = re.compile(
    r"\W*(?:no|zero)\s.{0,80}?\b(?:has|have|had|gets?|sees?|experiences?|experienced|hits?|suffers?)\s",
    re.IGNORECASE,
)


# A duration written on a clock ("17:59", "1:20:59"), not a time of day ("at 9:30", "5:00 pm").
_CLOCK_TIME = re.compile(
    r"(?<![\d:])(?<!\bat )(?<!\bby )\d{1,2}:[0-5]\d(?::[0-5]\d)?(?![\d:])(?!\s*(?:[ap]\.?m\b|o'?clock|h\b|uhr))",
    re.IGNORECASE,
)


def clock_time(source: str) -> bool:
    """Whether the text states a duration on a clock ("Run a 17:59 5K"): a measure."""
    return _CLOCK_TIME.search(source) is not None


def habit(reading: Reading, item: evidence.Counted) -> bool:
    """A count of something done on a rhythm or of the days it is done on ("20 pushups each
    day", "40,000 words (minimum) each month", "24 date nights", "20 sober weekends"): a habit
    kept, which counts effort, not a result."""
    after = reading.source[item.quantity.end : item.quantity.end + 60]
    if _RHYTHM_AFTER.match(after):
        return True
    head = reading.texts[item.at : item.at + 3] if 0 <= item.at < len(reading.texts) else []
    return any(noun_lemmas(word)[-1] in words("habit_periods") for word in head[:2]) and not (
        head[:1] and head[0] in words("periods")  # "10 days" is a duration, read as a result
    )


# A rhythm after a count and up to three words ("20 pushups each day", "10 pullups each work
# day", "40,000 words (minimum) each month", "8K steps per day").
_RHYTHM_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}(?:\([^)]{0,20}\)\s+)?(?:each|every|per|a|/)\s*(?:work\s*)?"
    r"(?:day|night|week|weekday|weekend|month|morning|evening)s?\b"
    r"|\s*(?:[\w-]+\s+){0,3}(?:daily|nightly|weekly|monthly)\b",
    re.IGNORECASE,
)


_TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")


def _spreading_a_deliverable(reading: Reading) -> bool:
    """A direction verb whose object is a deliverable, taken to more places ("Expand the
    beach-cleaning approach to 3 new projects", "Extend the pilot to 5 more schools"): a
    rollout counted, not a metric moved."""
    lead = reading.lead
    if lead is None or lead.noun_reading or lead.kind != "outcome":
        return False
    rest = reading.texts[lead.end : lead.end + 8]
    at = next((lead.end + i for i, w in enumerate(rest) if w in ("to", "into")), None)
    if at is None:
        return False
    window = reading.words[at + 1 : at + 4]
    while window and window[0].text in words("count_lead_ins"):
        window = window[1:]  # "to at least 3 new projects"
    places = [
        q for q in reading.measurement.quantities
        if window and window[0].start <= q.start < window[0].end + 1
        and not (q.unit or q.currency) and float(q.value).is_integer()
    ]
    # where the text ends, an aside aside: "to 125 (March 2026 total is 98)" ends at 125
    end = len(_TRAILING_ASIDE.sub("", reading.source.rstrip(" .")))
    if not places or places[0].end >= end or reading.measurement.relative_change:
        # "Improve the funnel to achieve 5,000 subscriptions" is a purpose; "Get the app store
        # rating to 4.6" a level with nothing counted after it; "by 20%" a change
        return False
    # The object, up to "to": a metric named in it is moved ("Expand usage to 40 teams").
    obj = reading.texts[lead.end : at]
    lex = reading.lex
    return not any(lex[name].match_at(obj, i) for name in _METRIC_LEXICONS for i in range(len(obj)))


def _bare_count(
    item: evidence.Counted, texts: list[str], words_: list[Word], lex: dict[str, Lexicon]
) -> bool:
    """A plain count of things an activity verb works on ("Contact 50 warm leads", "Process
    10,000 returns"): the work's objects, not a result won; a metric's level named after the
    number ("bigger than 11 NPS") is not."""
    quantity = item.quantity
    if quantity.unit or quantity.currency or not item.noun:
        return False
    if not 0 <= item.at < len(words_) or words_[item.at].start < quantity.end:
        return True
    return not lex["metric-nouns"].match_at(texts, item.at)


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


def _a_hire(item: evidence.Counted, lex: dict[str, Lexicon], lead: Lead | None, texts: list[str]) -> bool:
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


def task_words(reading: Reading) -> str | None:
    """The words that name the activity or deliverable; None when the key result is not a
    task (an outcome, a status sought, or a vague aim)."""
    if reading.outcome_measure or reading.binary or reading.placeholder:
        return None  # a placeholder is M201's (or C604's) to report: the number is not written yet
    lead = reading.lead
    if reading.aimless and not (
        _building_the_intangible(reading) or _stated_deliverable(reading) or _kept_current(reading)
    ):
        return None
    texts = reading.texts
    if not texts:
        return None
    if lead is not None and not lead.noun_reading and lead.kind in ("activity", "outcome", "maintenance"):
        return " ".join(texts[lead.index : lead.end])
    if lead is not None and not lead.noun_reading and lead.base in ("be", "become"):
        return None  # "Become a data-driven organisation": an identity to grow into, not work
    completed = _completion(reading)
    if completed is not None:
        return completed
    predicate = _state_predicate(reading)
    if predicate is not None:
        return predicate
    return " ".join(texts[: min(len(texts), 4)])  # a deliverable named: "Beta release of X"


def _kept_current(reading: Reading) -> bool:
    """A deliverable kept up to date ("Keep our FAQ and onboarding documentation up to date"):
    upkeep that never ends, and work on an output, a task too."""
    lead = reading.lead
    if lead is None or lead.noun_reading or lead.kind != "maintenance":
        return False
    if not _UP_TO_DATE.search(reading.source):
        return False
    outputs = reading.lex["output-nouns"]
    return any(outputs.match_at(reading.texts, i) for i in range(lead.end, min(lead.end + 6, len(reading.texts))))


_UP_TO_DATE = re.compile(r"\bup[ -]to[ -]date\b|\bcurrent\W*$", re.IGNORECASE)


def _building_the_intangible(reading: Reading) -> bool:
    """A making verb over something with no measure ("Build a community of mentors",
    "Establish a mentoring culture"): vague, and still work to do, a task too."""
    from okrlint.reading.measurability import intangible_object

    lead = reading.lead
    if lead is None or lead.noun_reading or lead.base not in words("making_verbs"):
        return False
    aim = reading.texts[lead.end : lead.end + 4]
    if any(w in words("comparatives") or graded(w) for w in aim):
        return False  # "Build a stronger feedback culture": an improvement, vague only
    return intangible_object(reading, lead.end)


def _stated_deliverable(reading: Reading) -> bool:
    """A deliverable stated as a state, with a vague word for its quality ("Website has a
    better information architecture", "Robust CI practices are established", "There is a
    more performant datastore module"): vague, and still shipped or not, a task too."""
    lead = reading.lead
    if lead is None or lead.kind != "other" or not reading.texts:
        return False
    if reading.texts[0] in words("expletives"):
        return True  # "There is a …": something exists, a deliverable
    from okrlint.reading.measurability import comparative_state

    if comparative_state(reading):
        return False  # "Customers are happier": a direction with no target, not a deliverable
    texts, people = reading.texts, reading.lex["people-nouns"]
    for index, word in enumerate(texts[1:5], 1):
        if word in words("copulas") or word in _STATE_VERBS:
            # The subject is a thing, not people: "Employees are valued" is how they feel
            return not any(people.match_at(texts, i) for i in range(index))
        if word in _OBJECT_ENDS or word in _CLAUSE_STARTS or word.endswith("ing"):
            return False
    return False


def graded(word: str) -> bool:
    """A comparative or superlative adjective ("stronger", "best"): its lemma differs."""
    return any(lemma != word for lemma in parts_of_speech(word).get("A", ()))


def _getting_a_deliverable(reading: Reading) -> bool:
    """A getting verb whose object is a deliverable, not a result: "Get the Brave integration
    released", "Achieve SOC 2 readiness" is a status (binary), "Deliver the flow"."""
    lead = reading.lead
    if lead is None or reading.lex["outcome-verbs"].value((lead.base,)) in ("increase", "decrease"):
        return False
    rest = reading.texts[lead.end :]
    completion = reading.lex["completion-words"]
    return bool(completion.find(rest)) or lead.base in ("get", "have", "make") and not rest[:1]


_OBJECT_ENDS = words("object_ends")


def _moves_a_metric(reading: Reading) -> bool:
    """Whether what a direction verb moves is a metric ("Increase usage of plugins", "Grow
    SWAUs", "Retain positive presence"), not a deliverable ("Expand the Maintainer Protocol",
    "Convert our guidelines into a handbook")."""
    lead = reading.lead
    assert lead is not None
    rest = reading.texts[lead.end : lead.end + 8]
    end = next((i for i, w in enumerate(rest) if w in _OBJECT_ENDS and i > 0), len(rest))
    head = rest[max(0, end - 2) : end]  # the object's head noun: "usage (of plugins)"
    lex = reading.lex
    names = _METRIC_LEXICONS
    start = reading.words[lead.end].start if lead.end < len(reading.words) else len(reading.source)
    object_words = reading.source[start:].split()[: max(end, 1)]
    if not _title_case(reading.source) and any(word[:1].isupper() and not word.isupper() for word in object_words):
        return False  # a named thing: "Expand the Lead Maintainer Protocol" (not in Title Case)
    # A making verb moves a metric only when the metric is the object's head, its last word
    # ("Expand our customer base", but not "Generate client models"), within the object (not
    # "Generate C# models from the bookings API").
    making = lead.base in words("making_direction_verbs")
    if any(
        (size := lex[name].match_at(head, i)) and (not making or i + size == len(head))
        for name in names
        for i in range(len(head))
    ):
        return True
    if making:
        return False  # "Generate C# models", "Expand the shipping model": no metric named
    # "Increase trial-to-paid conversion": the head hides behind a hyphenated compound; a
    # metric anywhere in the object counts when no deliverable is named in it.
    named = [(name, i) for name in names for i in range(len(rest)) if lex[name].match_at(rest, i)]
    outputs = lex["output-nouns"]
    if named and not any(outputs.match_at(rest, i) for i in range(len(rest))):
        return True
    # An acronym or a word the lexicon does not know is most often a metric ("Increase APP"),
    # unless a deliverable heads the object ("Improve PRD template").
    following = reading.source[start:].split()[:2]
    if not rest:
        return True
    if any(word.isupper() and len(word) > 1 for word in following):
        return not (head and outputs.match_at(head, len(head) - 1))
    # A pure direction verb ("Increase demo requests", "Reduce rework") moves whatever it names,
    # unless the head is an output or a named thing ("Expand the Maintainer Protocol").
    pure = lex["outcome-verbs"].value((lead.base,)) in ("increase", "decrease")
    return pure and bool(head) and not outputs.match_at(head, len(head) - 1)


def _partners_won(reading: Reading) -> bool:
    """A partnering verb and the organisations counted after "with" ("Partner with at least 3
    projects", "Collaborate with 5 universities"): partners won, a result like customers."""
    lead = reading.lead
    if lead is None or lead.noun_reading:
        return False
    rest = reading.texts[lead.end : lead.end + 2]
    if lead.base in words("making_verbs") and rest[:1] and rest[0] in words("partnership_nouns"):
        rest = rest[1:]  # "Establish relationships with 10 key community partners"
    elif lead.base not in words("partnering_verbs"):
        return False
    return rest[:1] == ["with"] and any(
        item.kind not in ("share", "result") and not item.quantity.unit for item in reading.counted
    )


def _title_case(source: str) -> bool:
    """Whether the key result is written in Title Case ("Lower Support Ticket Time to Resolve
    an Issue"), where capitals name nothing: after the first word, every word of four letters
    or more begins with one, in runs broken by small words (a name is one run: "Expand the
    Lead Maintainer Protocol")."""
    runs, inside = 0, False
    for word in source.split()[1:]:
        if not word[:1].isalpha():
            continue
        capital = word[:1].isupper()
        if not capital and len(word) >= 4:
            return False
        runs += capital and not inside
        inside = capital
    return runs >= 2


def behaviour(reading: Reading) -> bool:
    """A comparison or a negated behaviour: "in less time than the CLI", "backfills do not
    slow us down", "requests are feature requests rather than bug reports", "store 500
    records without degradation"."""
    if _BEHAVIOUR.search(reading.source) is not None:
        return True
    texts = reading.texts
    # Any comparative adjective compared ("a shorter wait time than the one it replaced").
    return any(
        "than" in texts[i + 1 : i + 6] and graded(word)
        for i, word in enumerate(texts)
        if word.endswith("er") and word not in words("time_comparatives")  # "no later than April 15"
    )


# Comparisons and negated behaviour, as written.
_BEHAVIOUR = re.compile(
    r"\b(?:(?:less|more|fewer|faster|slower|better|worse)\b.{0,40}\bthan|rather than|instead of"
    r"|compared (?:to|with)|(?:do|does|did|will|can|should|must|would)(?:n't| not)\s+\w+"
    r"|never\s+\w+|without\s+(?:ever\s+)?\w+(?:ing)?\b(?!\s+(?:waiting|having|needing)))",
    re.IGNORECASE,
)


def _metric_named(reading: Reading) -> bool:
    """A metric named with no verb and no number: "Meals saved per week", "Rescue rate",
    "Week-1 retention of new students" (a measure with no target, not a deliverable)."""
    texts = reading.texts
    if "per" in texts and not any(t in _STATE_VERBS for t in texts):
        return True
    metric, outputs = reading.lex["metric-nouns"], reading.lex["output-nouns"]
    head = texts[:4]
    found = [(i, size) for i in range(len(head)) if (size := metric.match_at(head, i))]
    if found and all(outputs.match_at(texts, i + size) or outputs.match_at(texts, i + size + 1) for i, size in found):
        return False  # "Engagement workshop for the team", "Usage monitoring dashboard": a deliverable
    if found:
        if _completion(reading) is not None:
            return False  # "FY2027 budget approved by the board": a deliverable reported done
        return not any(t in _STATE_VERBS or t in words("copulas") for t in texts)
    return False


# Openers of a quality condition ("No regression introduced…"), not a deliverable done.
_NEGATIVE_OPENERS = words("negative_openers")


def _completion(reading: Reading) -> str | None:
    """The completion words of a deliverable reported done: "SSO rolled out to all tenants",
    "Migration to Postgres completed", "The new dashboard is live"."""
    texts = reading.texts
    if texts and texts[0] in _NEGATIVE_OPENERS:
        return None  # "No regression introduced stays in production" is a quality condition
    for start, end, term in _completion_terms(reading):
        if start == 0 or "(" in reading.source[: reading.words[start].start]:
            continue  # "Rescue rate (share of portions claimed)": the note defines the metric
        following = texts[end] if end < len(texts) else None
        if following is None or following in words("after_predicate") or texts[start - 1] in words("copulas"):
            return " ".join(term)
    return None


def _completion_terms(reading: Reading) -> list[tuple[int, int, tuple[str, ...]]]:
    """Completion words from the lexicon, and the past participle of any verb ("upgraded")."""
    texts = reading.texts
    found = reading.lex["completion-words"].find(texts)
    taken = {index for start, end, _term in found for index in range(start, end)}
    for index, word in enumerate(texts):
        if index in taken or word in words("copulas") or word.endswith(("s", "ing")):
            continue
        # A past participle: a verb form other than its base ("upgraded", "rebuilt", "sent");
        # a base form is none, though a prefix strips off ("request" is not "re-quest").
        if can_be_verb(word) and word not in parts_of_speech(word).get("V", ()) and any(
            form != word and can_be_verb(form) for form in base_forms(word)
        ):
            found.append((index, index + 1, (word,)))
    return sorted(found)


def _state_predicate(reading: Reading) -> str | None:
    """The predicate of a state sentence: "is live", "has a v0 spec", "can create branches",
    "supports an ACL" — the subject names the deliverable."""
    index = predicate_at(reading.texts)
    return None if index is None else " ".join(reading.texts[index : index + 3])


def predicate_at(texts: list[str], nouns_too: bool = True) -> int | None:
    """Where a state sentence's predicate starts, after its subject; None when there is none.
    Without `nouns_too`, a word that is also a plural noun ("teams", "remains") is read as
    part of the subject, not as its verb."""
    for index, word in enumerate(texts[1:], 1):
        if word in words("copulas") or word in _STATE_VERBS:
            return index
        if word in _OBJECT_ENDS or word in _CLAUSE_STARTS:
            return None  # past the subject: "Waiting for company OKRs before we set targets"
        if word.endswith("s") and any(form != word for form in base_forms(word)) and can_be_verb(word):
            if nouns_too or not can_be_noun(word):
                return index  # "Peerpad runs on Chrome"
    return None


def _reported_made(reading: Reading, items: list[evidence.Counted]) -> bool:
    """A thing-subject reported made ("Medium-term planning process in 3 communities is
    developed and tested", "multistream 2.0 is implemented"):
    the numbers in the subject describe the deliverable; nothing after the verb is measured."""
    lead, texts = reading.lead, reading.texts
    if lead is None or lead.kind != "other" or not items or reading.measurement.relative_change:
        return False
    # The first "is"/"are", past a subject that may hold prepositions ("process in 3
    # communities is…") but no clause of its own.
    at = next((i for i, w in enumerate(texts) if w in words("reporting_copulas")), None)
    if not at or any(w in _CLAUSE_STARTS for w in texts[:at]):
        return False
    made = at + 1
    while made < len(texts) and texts[made] in words("copulas"):
        made += 1  # "is now implemented", "are fully documented"
    lex = reading.lex

    def reported(at: int) -> bool:
        return at < len(texts) and bool(
            texts[at] in words("made_participles")
            or lex["completion-words"].match_at(texts, at)
            or lex["output-participles"].match_at(texts, at)
        )

    # "is developed and tested", "are discussed and approved": either participle will do
    if not (reported(made) or texts[made + 1 : made + 2] == ["and"] and reported(made + 2)):
        return False
    verb_start = reading.words[at].start
    if any(item.quantity.start >= verb_start or item.kind == "share" or item.quantity.currency for item in items):
        return False
    # The subject's head, before its first preposition: people there are won, not made ("5
    # new partners are signed"); "process in 3 communities" is a process.
    head = next((i for i in range(1, at) if texts[i] in _OBJECT_ENDS), at) - 1
    if lex["people-nouns"].match_at(texts, head):
        return False
    metric = lex["metric-nouns"]
    return not any(metric.match_at(texts, i) for i in range(at))




def _counted_after_the_predicate(reading: Reading, items: list[evidence.Counted]) -> bool:
    """Numbers only inside what a subject has, does or is, counting nothing a metric names
    ("All C100 systems are monitoring the 4 golden signals", "Every portfolio identifies 2 or
    more strategic decisions"): a state of the deliverables
    reached, not a quantity of a result ("10 regulars on streams" counts before any verb)."""
    lead = reading.lead
    if lead is None or lead.kind != "other" or reading.measurement.relative_change:
        return False  # a verb leads: "Grow accounts to 250" has no subject to read
    at = predicate_at(reading.texts, nouns_too=False)
    if at is None or any(item.kind != "unknown" or item.at <= at or item.quantity.unit for item in items):
        return False
    texts = reading.texts
    after = [first_word_from(reading.words, item.quantity.end) for item in items]
    if any(i >= len(texts) or reading.words[i].start > item.quantity.end + 2 for i, item in zip(after, items)):
        return False  # nothing named after the number: "Subscribers have reached 10,000" is a level
    # A metric or people in the subject, or a metric just after the number, is what the number
    # measures ("App store rating remains at or above 4.6").
    metric, people = reading.lex["metric-nouns"], reading.lex["people-nouns"]
    if any(metric.match_at(texts, i) or people.match_at(texts, i) for i in range(at)):
        return False
    return not any(
        metric.match_at(texts, i) for start, item in zip(after, items) for i in range(start, min(item.at + 3, len(texts)))
    )


# Words that open a clause: a verb after them is not the subject's predicate.
_CLAUSE_STARTS = words("clause_starts")


def status_sought(reading: Reading) -> str | None:
    """The status asked for ("certification", "award") when the result is done/not-done."""
    lead = reading.lead
    texts, lex, measurement = reading.texts, reading.lex, reading.measurement
    if lead is None or lead.noun_reading:
        return None
    if any(q.value != 0 for q in measurement.quantities) or measurement.relative_change:
        return None  # a measured result, not a status ("zero findings" is the pass mark)
    if texts[0] in words("state_participles"):
        return texts[0]  # "Named a Leader in the G2 grid", "Ranked #1 on Product Hunt"
    standards = lex["org-standards"]
    status = [s for s in lex["status-nouns"].find(texts) if s[2][0] not in standards]
    if status and any(w.endswith("ed") or w in ("won", "signed") for w in texts[status[0][1] :][:2]):
        return " ".join(status[0][2])  # "Accreditation reaffirmed by HLC", "Contract signed"
    if lead.kind == "activity" and lead.base in words("obtaining"):
        # "Sign the master agreement", "Complete ISO 9001 recertification": a status sought.
        found = lex["status-nouns"].find(texts[: lead.end + 7], lead.end)
    elif lead.base in lex["binary-verbs"] or lead.base in ("be", "become"):
        found = lex["status-nouns"].find(texts, lead.end)
        state = texts[lead.end] if lead.end < len(texts) else ""
        if not found and lead.base in ("be", "become", "get") and state.endswith("ed"):
            return state  # "Get listed…", "Be featured in…": a state reached or not
    else:
        return None
    return " ".join(found[0][2]) if found else None
