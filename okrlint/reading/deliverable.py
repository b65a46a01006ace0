"""Is a key result satisfied by doing or shipping something?

The default is a task (RUBRIC.md): an imperative with any verb, a noun-phrase deliverable
("Beta release of X", "Spec for X"), the state of a deliverable ("X is live", "X has Y",
"users can X", "There is a prototype"), a hire, an event, a decision. It is an outcome only when
it names a measurable quantity of a result (evidence.py), moves a metric ("Reduce churn"),
or describes how a system or its users behave ("deploys never take longer than…"): outcome.py
reads that side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from okrlint.measure import names_a_number
from okrlint.reading.forms import base_forms, can_be_noun, can_be_verb, parts_of_speech
from okrlint.reading.grammar import words

if TYPE_CHECKING:
    from okrlint.reading.reading import Reading

# Verbs that state what a deliverable is, has or does ("The API has rate limits").
STATE_VERBS = words("state_verbs")


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
    completed = completion(reading)
    if completed is not None:
        return completed
    predicate = state_predicate(reading)
    if predicate is not None:
        return predicate
    return phrase(texts, 0, 4)  # a deliverable named: "Beta release of X"


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
        if word in words("copulas") or word in STATE_VERBS:
            # The subject is a thing, not people: "Employees are valued" is how they feel
            return not any(people.match_at(texts, i) for i in range(index))
        if word in OBJECT_ENDS or word in CLAUSE_STARTS or word.endswith("ing"):
            return False
    return False


def graded(word: str) -> bool:
    """A comparative or superlative adjective ("stronger", "best"): its lemma differs."""
    return any(lemma != word for lemma in parts_of_speech(word).get("A", ()))


OBJECT_ENDS = words("object_ends")


# Openers of a quality condition ("No regression introduced…"), not a deliverable done.
_NEGATIVE_OPENERS = words("negative_openers")


def completion(reading: Reading) -> str | None:
    """The completion words of a deliverable reported done: "SSO rolled out to all tenants",
    "Migration to Postgres completed", "The new dashboard is live"."""
    texts = reading.texts
    if texts and texts[0] in _NEGATIVE_OPENERS:
        return None  # "No regression introduced stays in production" is a quality condition
    for start, end, term in _completion_terms(reading):
        if start == 0 or "(" in reading.source[: reading.words[start].start]:
            continue  # "Rescue rate (share of portions claimed)": the note defines the metric
        following = texts[end] if end < len(texts) else None
        # an aside or a new clause after it ends the statement: "… data collection live (feeds
        # stages 2-4)", "… delivered; next phase …"
        gap = reading.source[reading.words[end - 1].end : reading.words[end].start] if following is not None else ""
        ended = following is None or any(mark in gap for mark in "(;—")
        if ended or following in words("after_predicate") or texts[start - 1] in words("copulas"):
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


def state_predicate(reading: Reading) -> str | None:
    """The predicate of a state sentence: "is live", "has a v0 spec", "can create branches",
    "supports an ACL" — the subject names the deliverable."""
    index = predicate_at(reading.texts)
    return None if index is None else phrase(reading.texts, index, index + 3)


def phrase(texts: list[str], start: int, end: int) -> str:
    """The words from `start` to about `end`, ending on a word that says something: a window
    that stops on "to", "the" or "and" runs on to the next word ("is able to create") or, with
    nothing more to say, stops before it ("curation of components")."""
    return " ".join(texts[start : phrase_end(texts, start, end)])


def phrase_end(texts: Sequence[str], start: int, end: int) -> int:
    """Where `phrase` ends the window [start, end)."""
    end = min(end, len(texts))
    # a number ends the words that name a thing ("Setup docs enable <10-min onboarding"), unless
    # it is part of a name ("SOC 2 audit complete", "Phase 2 rollout")
    end = next(
        (i for i in range(start + 1, end) if texts[i][:1].isdigit() and not names_a_number(texts[i - 1])),
        end,
    )
    last = min(len(texts), end + 2)
    stretched = end
    while stretched < last and texts[stretched - 1] in _LOOSE_ENDS:
        stretched += 1
    if texts[stretched - 1] not in _LOOSE_ENDS:
        return stretched
    while end - start > 1 and texts[end - 1] in _LOOSE_ENDS:
        end -= 1
    return end


# Words a quoted phrase should not end on: they promise more words ("is able to").
_LOOSE_ENDS = words("phrase_breaks") | words("determiners") | words("verb_joiners") | {"be", "least"}


def predicate_at(texts: list[str], nouns_too: bool = True) -> int | None:
    """Where a state sentence's predicate starts, after its subject; None when there is none.
    Without `nouns_too`, a word that is also a plural noun ("teams", "remains") is read as
    part of the subject, not as its verb."""
    verb_in_s = None
    for index, word in enumerate(texts[1:], 1):
        if word in words("copulas") or word in STATE_VERBS:
            return index  # (a verb in -s before it was a noun: "Web Services team is …")
        if word in OBJECT_ENDS or word in CLAUSE_STARTS:
            break  # past the subject: "Waiting for company OKRs before we set targets"
        if verb_in_s is None and word.endswith("s") and any(form != word for form in base_forms(word)) and can_be_verb(word):
            if nouns_too or not can_be_noun(word):
                verb_in_s = index  # "Peerpad runs on Chrome"
    return verb_in_s


# Words that open a clause: a verb after them is not the subject's predicate.
CLAUSE_STARTS = words("clause_starts")


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
