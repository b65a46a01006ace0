"""Could anyone say at the end of the cycle whether the key result was met?

Not when it is a vague aim ("Improve UX", "Rock solid webhooks"), a direction without a target
("Increase usage of plugins"), a metric named without a level ("Meals saved per week"), a state
of mind ("Users understand how it works"), work that never finishes ("Monitor satisfaction"),
or when its number is a placeholder ("X%", "[feature]", "TBD"). A done-or-not deliverable is
measurable: its flaw is being a task (RUBRIC.md). What an input metric counts is read in
input_metrics.py.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from okrlint.loaders.annotations import owner_tag
from okrlint.measure.measurement import PHRASAL_HOSTS
from okrlint.reading.counted_kinds import clock_time
from okrlint.reading.deliverable import graded, state_predicate
from okrlint.reading.forms import (
    base_forms,
    can_be_adjective,
    can_be_noun,
    can_be_verb,
    graded_form,
    parts_of_speech,
)
from okrlint.reading.grammar import words
from okrlint.reading.mentions import AGREED_TARGET, HIDDEN, IMPLICIT_TARGET, REDACTED, quoted

if TYPE_CHECKING:
    from okrlint.reading.reading import Reading

# A number left to fill in. A redacted figure in a public page ("[N5] customers", "[$N]") is a
# real number kept private, and is measurable.
_PLACEHOLDER = re.compile(
    r"(?<![\w$])(?:[Xx]{1,3}%|X#|XX+|X\s?(?:kr|€|\$)|\$X\b|\bY%)"
    r"|\([Xx]{1,3}\)\s?%"  # "an improvement of (x)%"
    # "[target]", "[metric]" (but not a redacted "[N5]" or "[redacted]", nor a date left to
    # fill: "[date]")
    r"|\[(?!\$?[A-Z]\d*\]|[A-Z]\d*\]|(?:date|quarter|year|month|day|deadline)\b[^\]]{0,20}\]"
    r"|(?:redacted|confidential|private|omitted|removed)\]"
    # (nor who owns it: "[owner: risk-ml]", "[DRI: Ana]")
    r"|(?:owners?|dri|lead|assignee)\s*:)[a-z][^\]]{0,30}\]"
    r"|\b(?:TBD|TBC|TODO)\b|\?\?+|<(?:target|metric|baseline)>"
)
# Verbs that state a quality rather than produce a thing: with a vague word, an aim.
_STATING = words("stating_verbs")
# Comparatives that make the verb's aim a vague direction ("Respond to customers faster").
_COMPARATIVES = words("comparatives")
# Leading verbs of improvement: a vague aim unless they work on a deliverable.
_IMPROVE = words("improve_verbs")


def placeholder(source: str, counted: bool = False) -> str | None:
    """The number or name left to fill in, if any; `counted`: the text states a real quantity,
    beside which a capital "X" before a singular word names a thing ("Limit X use to 10 min
    per day": the app), where before a plural it is still a count ("Ship X features to 20
    clinics")."""
    tag = owner_tag(source)
    if tag:
        source = source[tag.end() :]  # "[momack2] Create 1 demo": the owner, not a blank
    match = _PLACEHOLDER.search(source)
    if match:
        return match.group(0)
    bare = _bare_x(source)
    if bare == "X" and counted and not _NUMBER_OF_THINGS.search(source):
        named = _X_BEFORE_NOUN.search(source)
        if named and can_be_noun(named.group(1).lower()):
            return None  # "Limit X use to 10 min": X before a singular noun, beside a number
    return bare


def _bare_x(source: str) -> str | None:
    """A lone "X" or "x" standing for a number left to fill in: "provide X paid internships",
    "an average NPS of X for the DAO", "Remove x hours of admin time" (but not a name: "Launch
    Product X beta", "Migrate to X"; nor "5 x 3")."""
    for match in _LONE_X.finditer(source):
        preceding = source[: match.start()].split()
        before = preceding[-1:]
        after = source[match.end() :].split()[:1]
        first = len(preceding) == 1 and before[0][1:].islower()  # "Provide X internships"
        if not before or not before[0].isalpha() or not (before[0].islower() or first):
            continue  # "Product X", "(X", a label: a name
        if match.group(0) == "x" and before[0] in words("determiners"):
            continue  # "the x axis"
        if before[0] == "of" and (not after or after[0].rstrip(".,;)") in words("after_x_of") | {""}):
            return match.group(0)  # "an NPS of X", "an NPS of X for the DAO"
        if after and after[0].isalpha() and after[0].islower() and after[0] not in _NOT_COUNTED:
            return match.group(0)  # "provide X paid internships", "reach X users"
    return None


# A lone X before a plural: a count left to fill in ("Ship X features to 20 clinics").
_NUMBER_OF_THINGS = re.compile(r"(?<![\w$#.-])X\s+(?:[a-z]+\s+)?[a-z]+s\b")
_X_BEFORE_NOUN = re.compile(r"(?<![\w$#.-])X\s+([a-z]+)\b")
_LONE_X = re.compile(r"(?<![\w$#.-])[Xx](?![\w%#$-])(?!\.\w)")
# Words after a lone X that make it a name, not a count ("Migrate to X for billing").
_NOT_COUNTED = words("determiners") | words("x_name_followers")


def ongoing(reading: Reading) -> str | None:
    """Work with no end: "Align social media with the objective", "Monitor satisfaction",
    "We are regularly measuring satisfaction". A verb of measuring (track, monitor, measure)
    is ongoing only over a metric: "Track career goals for every engineer" sets up a record."""
    texts = reading.texts
    ongoing_verbs = reading.lex["ongoing-verbs"]
    lead = reading.lead
    # The leading verb, or the verb after "we are" / "we": "We are regularly measuring…".
    starts = [lead.index] if lead is not None and not lead.noun_reading else []
    if texts[:1] == ["we"]:
        starts += [i for i in range(1, min(4, len(texts))) if texts[i].endswith("ing") or i == 1]
    elif lead is not None and lead.kind == "other":
        # the verb after a subject: "The team monitors satisfaction", "Our platforms measure…"
        starts += [
            i
            for i in range(1, min(4, len(texts)))
            # a verb agreeing with its subject: "team monitors", "platforms measure" (not "Dev
            # to start work on…", nor "Twice a year, facilitate…")
            if (texts[i].endswith("s") or texts[i - 1].endswith("s"))
            and not texts[i].endswith(("ing", "ed"))
            and texts[i - 1] not in words("determiners") | {"to"}
            and reading.words[i].start - reading.words[i - 1].end == 1
        ]
    for index in starts:
        word = texts[index]
        size = ongoing_verbs.match_at(texts, index)
        forms = base_forms(word)
        if not size and not any(form in ongoing_verbs for form in forms):
            continue
        if index + 1 < len(texts) and texts[index + 1] in ("for", "of") and index == 0:
            return None  # "Support for signed artifacts": a noun, the deliverable
        if "support" in forms and not _people_follow(reading, index + 1):
            return None  # "Support renaming functions": a capability to build, not a duty
        if reading.outcome_measure or reading.has_measure:
            return None  # "Gather data from 100 users": a count says when it is done
        if _another_activity(reading, index + max(size, 1)):
            return None  # "Research and prototype a CMS", "Work with the CEO to develop a pitch"
        if any(form in _MEASURING for form in forms):
            rest = texts[index + 1 : index + 7]
            if not any(reading.lex[name].match_at(rest, i) for name in _METRICS for i in range(len(rest))):
                return None
        return " ".join(texts[index : index + max(size, 1)])
    return None


# Ongoing verbs of measuring: work that never ends only over a metric.
_MEASURING = words("measuring_verbs")


# Read like ongoing verbs ("We gather, process and present metrics"); join a second verb.
_ONGOING_COMPANIONS = words("ongoing_companions")
_VERB_JOINERS = words("verb_joiners")


def _people_follow(reading: Reading, start: int) -> bool:
    """Whether people are what follows ("Support EMEA prospects", "Support the sales team"),
    making the verb a duty to them rather than a feature of a system."""
    rest = reading.texts[start : start + 4]
    names = ("people-nouns", "role-nouns", "population-nouns")
    return any(reading.lex[name].match_at(rest, i) for name in names for i in range(len(rest)))


def _another_activity(reading: Reading, after: int) -> bool:
    """A verb of making or finishing after the ongoing one: the work has a deliverable."""
    texts = reading.texts
    activity, completion = reading.lex["activity-verbs"], reading.lex["completion-words"]
    for index in range(after, len(texts)):
        word = texts[index]
        if completion.match_at(texts, index):
            return True  # "…to have a development plan created for every employee"
        forms = base_forms(word)
        if any(form in reading.lex["ongoing-verbs"] for form in forms) or word in _ONGOING_COMPANIONS:
            continue  # "Mitigate and track spend", "We gather, process and present metrics"
        gap = reading.source[reading.words[index - 1].end : reading.words[index].start]
        joined = texts[index - 1] in _VERB_JOINERS or "&" in gap  # the words drop "&": "Research & finalize"
        if joined and any(form in activity for form in forms):
            return True
    return False
_METRICS = ("metric-nouns", "quality-metrics", "volume-metrics")


def vague_aim(reading: Reading) -> bool:
    """A goal with no deliverable and no measure: "Improve effectiveness of X", "Rock solid
    webhooks", "Learn Rust", "Users understand how it works"."""
    if reading.has_measure or reading.outcome_measure:
        return False
    texts = reading.texts
    lead = reading.lead
    vague_words = reading.lex["vague-words"]
    if headline_direction(texts):
        return True  # "Parents engagement up", "Volunteer hours down": a direction, no target
    if lead is not None and not lead.noun_reading:
        vague = vague_words.match_at(texts, lead.index)
        if vague or lead.base in _IMPROVE:
            return not _deliverable_object(reading, lead.end)
        if lead.base in words("direction_only_verbs") and not reading.measurement.quantities:
            # "Increase repeat visits"; fewer things of a kind is a count going down ("Reduce
            # upgrade-related issues"), but a thing made smaller is work ("Shorten the FAQ").
            return not _deliverable_object(reading, lead.end) or (
                reading.direction == "decrease" and _plural_object(reading, lead.end)
            )
        rest = texts[lead.end : lead.end + 5]
        if lead.base in _STATING and vague_words.find(rest):
            return True  # "Make the platform more robust", "Deliver a best-in-class experience"
        aim = texts[lead.end :]
        purpose = next((i for i, w in enumerate(aim) if w in ("to", "so", "for") and i > 0), len(aim))
        if any(w in _COMPARATIVES for w in aim[:purpose]):
            return True  # "Respond to customers faster" (not "Write a report to better prepare")
        imperative = texts[lead.index] in parts_of_speech(texts[lead.index]).get("V", (texts[lead.index],))
        if imperative and any(form in reading.lex["mental-verbs"] for form in base_forms(lead.base)):
            return True  # "Learn Rust and Substrate", "Understand the market" (not "Known issues …")
        if lead.kind == "maintenance":
            return True  # "Maintain HubSpot consistency": a level never stated
        if intangible_object(reading, lead.end):
            return True  # "Build a community of mentors", "Foster a feedback culture"
    if comparative_state(reading):
        return True  # "Customers are happier with support", "The API is more reliable"
    if (lead is None or lead.noun_reading or lead.kind == "other") and texts[:1] and (
        texts[0] in words("leading_comparatives") and not reading.measurement.quantities
    ):
        return not _deliverable_object(reading, 1)  # "Fewer truck rolls for callbacks"
    mental = reading.lex["mental-verbs"]
    people = reading.lex["people-nouns"]
    for index, word in enumerate(texts[1:4], 1):
        if texts[index + 1 : index + 2] == ["to"]:
            continue  # "GraphSync learns to distribute paths": a capability, not a mind
        at = index - 1
        while at > 0 and texts[at] in words("subject_verb_gap"):
            at -= 1  # "Users can now understand…"
        subject = texts[at]
        named = people.match_at(texts, at) or people.match_at([subject + "s"], 0)
        if not (named or subject in words("group_subjects")):
            continue  # "Feasibility study for X": a noun, the deliverable
        if any(form in mental for form in base_forms(word)):
            return True  # "Users understand how Peerpad works"
    # An adjective of quality before the thing it describes, and no verb: "Rock solid
    # webhooks", "Simplified and improved UX".
    verb_led = lead is not None and not lead.noun_reading and lead.kind in ("activity", "binary")
    found = reading.lex["vague-words"].find(texts[:3])
    if verb_led and all(not can_be_adjective(texts[start]) for start, _end, _term in found):
        found = []  # "Ship those improvements": a verb and its deliverable, not a quality
    if found and not _has_verb_after_subject(reading):
        return True
    return False


def headline_direction(texts: list[str]) -> bool:
    """A headline that gives only a direction: a noun phrase and "up" or "down" last ("Parent
    engagement up", "Support load down"), not a phrasal verb ("Set up", "Wind the pilot down")."""
    if len(texts) < 2 or texts[-1] not in ("up", "down"):
        return False
    before = texts[-2]
    return before not in PHRASAL_HOSTS and texts[0] not in PHRASAL_HOSTS  # ("Set up", "Wind the pilot down")


def comparative_state(reading: Reading) -> bool:
    """A subject said to be more of something, with no target: "Customers are happier with
    support", "Onboarding is smoother", "The API is more reliable", "Developer happiness
    improves" (a direction, not a deliverable; "X is better than Y" is a comparison, read as
    an outcome before this)."""
    texts = reading.texts
    lead = reading.lead
    # A subject may carry a phrase ("Pupils' confidence in maths improves") when no verb leads.
    phrased = lead is None or lead.noun_reading or lead.kind == "other"
    for index, word in enumerate(texts[1:8] if phrased else texts[1:5], 1):
        if word in _OBJECT_ENDS:
            if phrased and index + 1 < len(texts):
                continue
            return False
        if word in words("copulas"):
            complement = texts[index + 1] if index + 1 < len(texts) else ""
            if complement.endswith("ing") and _moves(complement, reading):
                return _metric_in(texts[:index], reading)  # "Satisfaction is trending upward"
            return complement in ("more", "less") or (bool(complement) and graded(complement))
        if (word.endswith("s") and _moves(word, reading)) or (phrased and word in words("trend_verbs")):
            # "Developer happiness improves", "Ratings trend upward": not a thing made better
            subject = texts[:index]
            return _metric_in(subject, reading) or (phrased and not _output_in(subject, reading))
        if phrased and _moved(word, reading) and _ends_clause(texts, index):
            # "Contamination in blue bins reduced": a measure said to have moved, no target
            return not _output_in(texts[:index], reading)
    return False


def _moved(word: str, reading: Reading) -> bool:
    """A past participle of a verb that moves a measure ("reduced", "improved", "lowered")."""
    return word.endswith("ed") and _moves(word, reading)


def _ends_clause(texts: list[str], index: int) -> bool:
    following = texts[index + 1] if index + 1 < len(texts) else None
    return following is None or following in _OBJECT_ENDS


def _output_in(subject: list[str], reading: Reading) -> bool:
    outputs = reading.lex["output-nouns"]
    return any(outputs.match_at(subject, i) for i in range(len(subject)))


def _moves(word: str, reading: Reading) -> bool:
    """A verb form that moves a measure one way ("improves", "is trending", "grows")."""
    verbs = reading.lex["outcome-verbs"]
    return any(
        form != word and (form in _IMPROVE or form in words("trend_verbs") or verbs.value((form,)) in ("increase", "decrease"))
        for form in base_forms(word)
    )


def _metric_in(subject: list[str], reading: Reading) -> bool:
    lex = reading.lex
    return any(
        lex["metric-nouns"].match_at(subject, i) or lex["quality-metrics"].match_at(subject, i)
        for i in range(len(subject))
    )


_OBJECT_ENDS = words("object_ends")


def intangible_object(reading: Reading, start: int) -> bool:
    """Whether the verb's object is a quality of a group ("a community of mentors", "a
    stronger feedback culture"), the head of its noun phrase, not a modifier ("community forum")."""
    texts = reading.texts
    intangible = reading.lex["intangible-nouns"]
    for index in range(start, min(start + 5, len(texts))):
        if texts[index] in words("object_ends") and index > start:
            return False
        if intangible.match_at(texts, index):
            word = reading.words[index]
            if quoted(reading.source, word.start, word.end):
                return False  # 'Read the book "Creating a Culture of Feedback"': a title
            following = texts[index + 1] if index + 1 < len(texts) else ""
            return not following or following in words("after_intangible")
    return False


def _deliverable_object(reading: Reading, start: int) -> bool:
    """Whether the thing improved is a deliverable ("Improve the PRD template"), which makes
    "improve" a task, rather than a quality ("Improve UX")."""
    rest = reading.texts[start : start + 4]
    output, intangible = reading.lex["output-nouns"], reading.lex["intangible-nouns"]
    # "collaboration" is counted as an output ("3 collaborations") but improved as a quality
    return any(output.match_at(rest, i) and not intangible.match_at(rest, i) for i in range(len(rest)))


def _plural_object(reading: Reading, start: int) -> bool:
    """Whether the verb's object, up to its first preposition, ends in a plural noun."""
    head = ""
    for word in reading.texts[start : start + 5]:
        if word in _OBJECT_ENDS:
            break
        head = word
    return len(head) > 3 and head.endswith("s") and not head.endswith("ss") and can_be_noun(head)


def _has_verb_after_subject(reading: Reading) -> bool:
    return state_predicate(reading) is not None


def not_measurable(reading: Reading) -> str | None:
    """Why nobody could say at the end whether it was met; None when they could."""
    if reading.placeholder:
        return f"'{reading.placeholder}' is a placeholder"
    if (hidden := withheld(reading)) is not None:
        return f"its content is withheld ('{hidden}')"
    if REDACTED.search(reading.source) or HIDDEN.search(reading.source) or AGREED_TARGET.search(reading.source):
        return None
    if IMPLICIT_TARGET.search(reading.source) and not reading.task:
        return None  # "Become profitable": the target is in the words
    lead = reading.lead
    if lead is not None and not lead.noun_reading and lead.base in words("to_zero_verbs"):
        return None  # "Eliminate errors caused by malformed queries": met when none are left
    if reading.ongoing:
        return f"'{reading.ongoing}' is work that never ends"
    topic = topic_area(reading)
    if topic:
        return f"it names an area of work ('{topic}'), not a result to reach"
    if reading.task is not None and not reading.aimless:
        return None  # a deliverable is done or not: its flaw is being a task (but "Build a
        # community of mentors" is work towards an aim nobody could check: both)
    if reading.has_measure or reading.universal or reading.binary or _MEASURED_BY.search(reading.source):
        return None
    if clock_time(reading.source):
        return None  # "Run a 1:20:59 half marathon": a time to beat
    if reading.outcome_measure and _checkable_behaviour(reading):
        return None
    return "it names no target or done-condition"


def withheld(reading: Reading) -> str | None:
    """The marker of words withheld from a public copy ("[Internal only]") when nothing left
    measures anything: no number, no change, no metric moved by an outcome verb."""
    hidden = HIDDEN.search(reading.source)
    if hidden is None or reading.has_measure:
        return None
    lead = reading.lead
    if lead is not None and lead.kind in ("outcome", "activity") and not lead.noun_reading:
        # "Grow ARR to $[redacted]": a target there, only not shown; "Ship the billing rewrite
        # (details confidential)": a deliverable, done or not
        return None
    return hidden.group(0)


def topic_area(reading: Reading) -> str | None:
    """The area a key result names when it is only a heading ("Configuration Management",
    "Database Optimization", "Monitoring and Observability"): a few nouns, no verb, no number,
    headed by an open-ended area (corpora/lexicons/topic-areas.txt). The work it heads may be a
    task too (O101 says so); what is missing is anything to check at the end."""
    texts = reading.texts
    if not 1 <= len(texts) <= 4 or _HEADING_BREAKS.search(reading.source):
        return None  # a number, a qualifier in brackets, a clause: more than a heading
    if not reading.lex["topic-areas"].match_at(texts, len(texts) - 1):
        return None
    if any(word in _PHRASE_WORDS for word in texts[:-1]):
        return None  # "Security of the payment flow", "our operations": a phrase, not a heading
    standards = reading.lex["org-standards"]
    if any(standards.match_at(texts, i) for i in range(len(texts) - 1)):
        return None  # "HIPAA compliance", "WCAG AA accessibility": a standard met or not
    lead = reading.lead
    if lead is None or lead.noun_reading or lead.kind == "other":
        return texts[-1]
    # A verb first ("Add Observability", "Land Viz Hit Testing") is work to do, except in a
    # two-word title-cased heading whose first word is also a noun and no task verb ("Account
    # Expansion", "Deal Qualification").
    first = texts[lead.index]
    titled = all(word[:1].isupper() for word in reading.source.split() if word[:1].isalpha())
    task_verb = reading.lex["activity-verbs"].match_at(texts, lead.index)
    if titled and len(texts) == 2 and can_be_noun(first) and not task_verb:
        return texts[-1]
    return None


# A digit, a bracket or a clause mark: the text says more than an area's name.
_HEADING_BREAKS = re.compile(r"[\d():;,?!\[\]]")
# Words that make a phrase of the heading: "Security of the payment flow".
_PHRASE_WORDS = words("determiners") | words("phrase_breaks") - {"and"}


def _checkable_behaviour(reading: Reading) -> bool:
    """A behaviour stated as a condition, checkable without a number ("deploys do not create
    lag", "requests are feature requests rather than bug reports")."""
    from okrlint.reading.outcome import behaviour

    lead = reading.lead
    return behaviour(reading) and not (lead is not None and lead.kind == "outcome")


def vague_word(reading: Reading) -> str | None:
    """A vague word left unquantified (M202): "improve", "better", "world-class"."""
    if reading.has_measure or _MEASURED_BY.search(reading.source):
        return None  # "Improve tracking as measured by no more than one late milestone"
    if reading.placeholder:
        return None  # "Deliver x improvements": the number left to fill in is the flaw (M201)
    texts = reading.texts
    for start, end, term in reading.lex["vague-words"].find(texts):
        if (term == ("more",) or graded(texts[start])) and "than" in texts[end : end + 5]:
            continue  # "more accurate counts than last quarter", "a faster transaction time
            # than those they replaced": a checkable comparison
        if start > 0 and texts[start - 1] == "the" and end < len(texts):
            continue  # "migrated to the improved EHR": names a thing, sets no goal
        if quoted(reading.source, reading.words[start].start, reading.words[end - 1].end):
            continue  # 'Cut "improve search" feedback tickets' mentions the word
        if start > 0 and reading.source[reading.words[start].start : reading.words[start].start + 1].isupper():
            continue  # part of a name: "Great Place to Work", "Better Business Bureau"
        if term in _HYPHENATED_ONLY and "-" not in _span(reading, start, end):
            continue  # "the go-to platform" is vague; "failures go to the DLQ" is not
        return " ".join(term)
    if texts and _comparative_lead(reading) and "than" not in texts[1:8]:
        return texts[0]  # "Smarter agent dispatch", "Faster onboarding": better, by how much?
    return None



def _comparative_lead(reading: Reading) -> bool:
    """A comparative adjective first ("Smarter agent dispatch"), not a verb ("Lower churn"),
    nor one that says which things ("Newer devices supported"), nor part of a name ("Smarter
    Living app launched")."""
    first, words_ = reading.texts[0], reading.words
    if first in words("which_comparatives") or not first.endswith("er"):
        return False
    if len(words_) > 1 and reading.source[words_[1].start : words_[1].start + 1].isupper():
        return False  # a name: "Smarter Living", "Bigger Picture Labs"
    return graded_form(first) and not can_be_verb(first)


# The measure named in words: the vague verb is then pinned down by it.
_MEASURED_BY = re.compile(r"\b(?:as )?measured by\b|\bas shown by\b", re.IGNORECASE)
# Vague only when written as one hyphenated word.
_HYPHENATED_ONLY = {("go", "to")}


def _span(reading: Reading, start: int, end: int) -> str:
    return reading.source[reading.words[start].start : reading.words[end - 1].end]
