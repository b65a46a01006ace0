"""P501 development goal: personal learning, certification or career steps inside team or
company OKRs, which belong in a growth plan instead."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from okrlint.checks.base import Context, Hit
from okrlint.checks.named_person import NAMED_SUBJECT, looks_like_a_person
from okrlint.models import KeyResult, Objective, Scope
from okrlint.reading import base_forms
from okrlint.reading.grammar import word_set


def _words(name: str) -> frozenset[str]:
    return word_set("separation", name)


# Each set's purpose is commented in corpora/english/separation.toml.
_FIRST_PERSON = _words("first_person")
_LEARNING_VERBS = _words("learning_verbs")
_TAKING_VERBS = _words("taking_verbs")
_STUDYING_VERBS = _words("studying_verbs")
_ORGANISATION_ROLES = _words("organisation_roles")
_ORGANISATION_PLACES = _words("organisation_places")
_CERTIFICATIONS = _words("certifications")
_COURSES = _words("courses")
_LEARNING_PHRASES = frozenset(tuple(phrase.split()) for phrase in _words("learning_phrases"))
_GROUP_WORDS = _words("group_words")
_PERSONAL_STUDY = _words("personal_study")
_STUDY_OPENERS = _words("study_openers")
_BENEFICIARY_DETERMINERS = _words("beneficiary_determiners")
_CAREER_STEP_VERBS = _words("career_step_verbs")
_AFTER_PROMOTED = _words("after_promoted")
_INDEFINITE_ARTICLES = _words("indefinite_articles")
_SENIORITY = _words("seniority")
_TIME_UNITS = _words("time_units")
_READING_MATTER = _words("reading_matter")
_READING_VERBS = _words("reading_verbs")


def _a_period(texts: list[str], index: int) -> bool:
    """ "every month", "each week": a rhythm, not a group of people."""
    return texts[index + 1 : index + 2] != [] and texts[index + 1] in _TIME_UNITS


def development_goal(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Personal learning, certification or career steps inside team or company OKRs (P501)."""
    if ctx.document is not None and ctx.document.scope == Scope.PERSON:
        return
    reading = ctx.analyzer.read(kr.title)
    texts = reading.texts
    if isinstance(kr, Objective) and not set(texts) & _FIRST_PERSON:
        return  # "Become a great place to learn" is about the team; "Improve my skills" is not
    lead = reading.lead
    first_person = any(w in _FIRST_PERSON for w in texts)
    terms = ctx.analyzer.lexicons["development-terms"].find(texts)
    base = lead.base if lead else ""
    group = (
        any(w in _GROUP_WORDS and not _a_period(texts, i) for i, w in enumerate(texts))
        or any(w[:1].isdigit() for w in texts[1:2])
        and "%" in texts
    )
    learning = any(tuple(texts[i : i + 2]) in _LEARNING_PHRASES for i in range(len(texts)))
    if first_person and (terms or base in _LEARNING_VERBS | _TAKING_VERBS):
        yield Hit(kr, {"goal": kr.title})
    elif terms and _named_learner(kr.title, ctx.analyzer.lexicons):
        yield Hit(kr, {"goal": kr.title})  # "Dana completes a financial modelling course"
    elif learning and not group:
        yield Hit(kr, {"goal": kr.title})  # "Attend KubeCon to learn about service meshes"
    elif not group and (
        base in _READING_VERBS and _BY_AUTHOR.search(kr.title)
        or _reads(base, texts, lead) and _QUOTED_TITLE.search(kr.title)
    ):
        # "Read Radical Candor by Kim Scott", "Finish reading 'Designing Data-Intensive
        # Applications'": a book
        yield Hit(kr, {"goal": kr.title})
    elif (
        base in _LEARNING_VERBS
        and not group
        and _reads_books_or_skills(texts)
        or base in _TAKING_VERBS
        and terms
        and not group
        and not _org_standard(texts, ctx.analyzer.lexicons)
        and not _organisational(reading, terms)
        or base in _CAREER_STEP_VERBS
        and _career_step(texts, lead.end if lead else 0)
    ):
        yield Hit(kr, {"goal": kr.title})


def _reads(base: str, texts: list[str], lead: Any) -> bool:
    """"Read" leads, or a verb of finishing before "reading" ("Finish reading …"): the verb
    that makes a quoted title a book (where "Complete 'Website improvements'" is a project)."""
    if base in ("read", "reread", "re-read"):
        return True
    after = texts[lead.end : lead.end + 1] if lead is not None else []
    return base in ("finish", "complete", "start") and after == ["reading"]


# A title in quotes, capitalised: "'Designing Data-Intensive Applications'", "“Thinking in Systems”".
# (the quoted words are the object: nothing after them but punctuation or a time, not a noun
# they name: "Read the 'Incident response' runbook" is a document)
_QUOTED_TITLE = re.compile(
    r"(?:^|\s)['\"“‘][A-Z][^'\"”’\n]{3,80}['\"”’](?=\s*(?:$|[.,;:(]|(?:by|this|before|in|during)\b))"
)
# A work and its author's full name after it ("… by Kim Scott"): a book being read.
_BY_AUTHOR = re.compile(r"\S\s+by\s+[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+\b")


def _named_learner(title: str, lexicons: dict[str, Any]) -> bool:
    """A named person as the subject of a learning or taking verb."""
    named = NAMED_SUBJECT.match(title.strip())
    if not named or not looks_like_a_person(named.group("name"), lexicons):
        return False
    return any(f in _LEARNING_VERBS | _TAKING_VERBS for f in base_forms(named.group("verb")))


def _reads_books_or_skills(texts: list[str]) -> bool:
    return any(w in _PERSONAL_STUDY for w in texts) or (
        # "Learn Rust", "Master negotiation"; not things counted: "Study 3 competitor apps" is research
        len(texts) > 1 and texts[0] in _STUDY_OPENERS and not texts[1][:1].isdigit()
    )


def _org_standard(texts: list[str], lexicons: dict[str, Any]) -> bool:
    return bool(lexicons["org-standards"].find(texts))


def _organisational(reading: Any, terms: list[tuple[int, int, tuple[str, ...]]]) -> bool:
    """A certification, course or intake the organisation earns or runs, not a person's
    growth: counted ("migrate 40 courses"), for a site ("licence for the Denver warehouse"),
    or a name ("the Class of 2026 intake")."""
    texts = reading.texts
    start, end, term = terms[0]
    counted = any(w[:1].isdigit() for w in texts[max(0, start - 3) : start])
    lead = reading.lead
    own_reading = term[-1] in _READING_MATTER and lead is not None and lead.base in _READING_VERBS
    # "Take 5 cooking classes", "Complete 2 online courses": one learner's courses, counted
    # ("Finish migrating 40 courses": the verb's object is the migrating, not the courses)
    between = texts[lead.end : start] if lead is not None else []
    own_study = (
        lead is not None
        and lead.base in _STUDYING_VERBS
        and " ".join(term) in _COURSES
        and len(between) <= 3
        and bool(between)
        and between[0][:1].isdigit()  # the count right after the verb
    )
    counted = counted and not own_reading and not own_study  # "Finish 10 books": one reader's list
    beneficiary = any(
        texts[i] == "for" and texts[i + 1] in _BENEFICIARY_DETERMINERS
        for i in range(end, len(texts) - 1)
    )
    written = reading.source[reading.words[start].start : reading.words[end - 1].end]
    # (an exam's acronym is the exam, not a name the organisation gives: "Pass the CKA")
    named = start > 0 and written[:1].isupper() and not written.isupper()
    # what is certified is the organisation: "a certified Salesforce AppExchange partner"
    # or a place the organisation runs, named before it: "HDI Support Center certification",
    # "Great Place to Work certification"
    # (only right before a certification or in its capitalised name: "the warehouse forklift
    # certification" and a course at the company are still one person's)
    certifying = term[-1] in _CERTIFICATIONS
    named_place = any(
        texts[i] in _ORGANISATION_PLACES and (i == start - 1 or reading.source[reading.words[i].start].isupper())
        for i in range(max(0, start - 5), start)
    )  # "clinic certification", "Great Place to Work certification"
    as_organisation = any(w in _ORGANISATION_ROLES for w in texts[end : end + 5]) or (certifying and named_place)
    return counted or beneficiary or named or as_organisation


def _career_step(texts: list[str], after: int) -> bool:
    following = texts[after : after + 3]
    if texts[after - 1 : after] == ["get"] or "promoted" in following:
        # "Get promoted to senior PM" is a step; "get promoted listings to 15%" is a product.
        index = following.index("promoted") if "promoted" in following else -1
        after_promoted = following[index + 1 : index + 2] if index >= 0 else []
        return index >= 0 and (not after_promoted or after_promoted[0] in _AFTER_PROMOTED)
    return (
        bool(following)
        and following[0] in _INDEFINITE_ARTICLES
        and any(w in _SENIORITY for w in following[1:])
    )
