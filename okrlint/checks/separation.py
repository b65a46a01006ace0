"""Check kinds that keep OKRs apart from personal development and from pay and appraisal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from okrlint.checks.base import Context, Hit
from okrlint.reading import base_forms
from okrlint.models import KeyResult, Objective, Scope
from okrlint.rewrite import without_pay_clause

# A people context that turns "bonus", "commission", "promotion" into pay or appraisal.
# Words that make an objective tie goals to pay ("Tie every OKR score to the annual bonus").
_LINK_WORDS = {
    "tie",
    "ties",
    "tied",
    "link",
    "links",
    "linked",
    "feed",
    "feeds",
    "count",
    "counts",
    "toward",
    "towards",
    "depend",
    "depends",
    "qualify",
    "qualifies",
    "unlock",
    "unlocks",
    "earn",
    "earns",
    "based",
}
_PAY_CONTEXT = {
    "tied",
    "tie",
    "ties",
    "linked",
    "link",
    "eligible",
    "qualify",
    "qualifies",
    "earn",
    "earns",
    "pool",
    "manager",
    "managers",
    "employee",
    "employees",
    "staff",
    "team",
    "rep",
    "reps",
    "individual",
    "my",
    "quota",
    "paid",
    "receive",
    "receives",
    "towards",
    "toward",
    "counts",
    "count",
    "annual",
    "year-end",
    "q4",
    "q1",
    "q2",
    "q3",
    "salary",
    "performance",
    "appraisal",
    "depends",
    "depend",
    "if",
    "once",
    "unlocks",
    "unlock",
    "rises",
    "accelerator",
    "accelerators",
    "above",
    "target",
}
# A strong term followed by one of these is about the HR process itself ("performance review
# cycle time"), not about tying this result to pay.
_PROCESS = {
    "cycle",
    "process",
    "completion",
    "participation",
    "forms",
    "form",
    "templates",
    "template",
    "meetings",
    "turnaround",
    "time",
    "calibration",
    "training",
    "tool",
    "software",
    "system",
    # the pay or review process done well: "payout errors", "reviews completed on time"
    "errors",
    "error",
    "mistakes",
    "accuracy",
    "disputes",
    "discrepancies",
    "calculation",
    "calculations",
    "processing",
    "statements",
    "completed",
    "submitted",
    "conducted",
    "claims",
    "processed",
}
# After the word, these show a product or marketing meaning ("bonus feature", "promotion code").
_PRODUCT_SENSE = {
    "feature",
    "features",
    "points",
    "program",
    "programme",
    "code",
    "codes",
    "redemption",
    "redemptions",
    "campaign",
    "campaigns",
    "app",
    "engine",
    "offer",
    "offers",
    "disputes",
    "errors",
    "calculation",
    "calculations",
    "statements",
    "rules",
    "payments",
    "uplift",
    "budget",
    "spend",
    "from",
    "on",
    "of",
    "for",
}
_LEARNING_VERBS = {"learn", "study", "read", "master", "upskill", "reskill"}
_TAKING_VERBS = {
    "complete",
    "take",
    "attend",
    "finish",
    "enroll",
    "enrol",
    "pass",
    "earn",
    "get",
    "obtain",
    "achieve",
    "become",
    "start",
    "join",
    "do",
    "gain",
    "find",
}
# Verbs a named person or each member of a role is scored on ("Dana closes…", "every rep books…").
_SCORING_VERBS = {
    "close",
    "book",
    "sell",
    "fill",
    "sign",
    "land",
    "win",
    "bring",
    "generate",
    "hit",
    "achieve",
    "deliver",
    "ship",
    "write",
    "publish",
    "make",
    "complete",
    "resolve",
    "handle",
    "source",
    "hire",
    "recruit",
    "reach",
    "exceed",
    "meet",
    "produce",
    "submit",
    "run",
    "present",
    "contribute",
    "own",
    "earn",
    "secure",
    "convert",
    "renew",
}
_SENIORITY = {
    "senior",
    "lead",
    "principal",
    "staff",
    "manager",
    "director",
    "head",
    "vp",
    "partner",
    "architect",
    "chief",
}
_GROUP_WORDS = {
    "%",
    "percent",
    "all",
    "every",
    "each",
    "team",
    "staff",
    "employees",
    "engineers",
    "agents",
    "customers",
    "users",
    "students",
    "members",
    "learners",
    "participants",
    "our",
    "clients",
    "managers",
    "reps",
    "nurses",
    "teachers",
    "volunteers",
}
_NAMED_SUBJECT = re.compile(r"^(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s(?P<verb>[a-z]+s)\b")
_TEAM_WORDS = {
    "team",
    "success",
    "support",
    "sales",
    "marketing",
    "engineering",
    "product",
    "customer",
    "finance",
    "ops",
    "operations",
    "design",
    "legal",
    "security",
    "platform",
    "data",
    "growth",
    "people",
    "hr",
    "it",
    "every",
    "each",
    "all",
    "our",
    "the",
    "new",
    "mobile",
    "web",
    "app",
    "checkout",
    "search",
    "billing",
    "onboarding",
    "partner",
    "partners",
    "enterprise",
    "infrastructure",
    "analytics",
    "brand",
    "content",
    "community",
    "field",
}
_RECEIVING = {"get", "have", "receive", "attend", "be", "is", "gets", "has", "receives"}


def development_goal(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Personal learning, certification or career steps inside team or company OKRs (P501)."""
    if ctx.document is not None and ctx.document.scope == Scope.PERSON:
        return
    reading = ctx.analyzer.read(kr.title)
    texts = reading.texts
    if isinstance(kr, Objective) and not set(texts) & {"my", "me", "i", "myself"}:
        return  # "Become a great place to learn" is about the team; "Improve my skills" is not
    lead = reading.lead
    first_person = any(w in ("my", "me", "i", "myself") for w in texts)
    terms = ctx.analyzer.lexicons["development-terms"].find(texts)
    base = lead.base if lead else ""
    group = (
        any(w in _GROUP_WORDS for w in texts)
        or any(w[:1].isdigit() for w in texts[1:2])
        and "%" in texts
    )
    learning = any(
        texts[i : i + 2] in (["to", "learn"], ["learn", "about"]) for i in range(len(texts))
    )
    if first_person and (terms or base in _LEARNING_VERBS | _TAKING_VERBS):
        yield Hit(kr, {"goal": kr.title})
    elif terms and _named_learner(kr.title, ctx.analyzer.lexicons):
        yield Hit(kr, {"goal": kr.title})  # "Dana completes a financial modelling course"
    elif learning and not group:
        yield Hit(kr, {"goal": kr.title})  # "Attend KubeCon to learn about service meshes"
    elif (
        base in _LEARNING_VERBS
        and not group
        and _reads_books_or_skills(texts)
        or base in _TAKING_VERBS
        and terms
        and not group
        and not _org_standard(texts, ctx.analyzer.lexicons)
        and not _organisational(reading, terms)
        or base in ("become", "get")
        and _career_step(texts, lead.end if lead else 0)
    ):
        yield Hit(kr, {"goal": kr.title})


def _named_learner(title: str, lexicons: dict[str, Any]) -> bool:
    """A named person as the subject of a learning or taking verb."""
    named = _NAMED_SUBJECT.match(title.strip())
    if not named or not _looks_like_a_person(named.group("name"), lexicons):
        return False
    return any(f in _LEARNING_VERBS | _TAKING_VERBS for f in base_forms(named.group("verb")))


def _reads_books_or_skills(texts: list[str]) -> bool:
    return any(
        w in ("books", "book", "skills", "language", "spanish", "python", "coding") for w in texts
    ) or (len(texts) > 1 and texts[0] in ("learn", "study", "master"))


def _org_standard(texts: list[str], lexicons: dict[str, Any]) -> bool:
    return bool(lexicons["org-standards"].find(texts))


def _organisational(reading: Any, terms: list[tuple[int, int, tuple[str, ...]]]) -> bool:
    """A certification, course or intake the organisation earns or runs, not a person's
    growth: counted ("migrate 40 courses"), for a site ("licence for the Denver warehouse"),
    or a name ("the Class of 2026 intake")."""
    texts = reading.texts
    start, end, _term = terms[0]
    counted = any(w[:1].isdigit() for w in texts[max(0, start - 3) : start])
    beneficiary = any(
        texts[i] == "for" and texts[i + 1] in ("the", "our", "all", "every", "each")
        for i in range(end, len(texts) - 1)
    )
    named = start > 0 and reading.source[reading.words[start].start].isupper()
    return counted or beneficiary or named


def _career_step(texts: list[str], after: int) -> bool:
    following = texts[after : after + 3]
    if texts[after - 1 : after] == ["get"] or "promoted" in following:
        # "Get promoted to senior PM" is a step; "get promoted listings to 15%" is a product.
        index = following.index("promoted") if "promoted" in following else -1
        after_promoted = following[index + 1 : index + 2] if index >= 0 else []
        return index >= 0 and after_promoted in ([], ["to"], ["this"], ["by"], ["before"])
    return (
        bool(following)
        and following[0] in ("a", "an")
        and any(w in _SENIORITY for w in following[1:])
    )


def compensation_link(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """Bonus, pay, payout, rating or promotion tied to the result (P502)."""
    reading = ctx.analyzer.read(kr.title)
    texts = reading.texts
    if isinstance(kr, Objective) and not set(texts) & _LINK_WORDS:
        # An objective may be about running the pay or review process itself ("Make
        # performance reviews feel fair"); it ties goals to pay only when it says so.
        return
    lexicons = ctx.analyzer.lexicons
    terms = lexicons["compensation-terms"]
    for start, end, term in terms.find(texts):
        if end < len(texts) and texts[end] in _PROCESS or _inside_the_metric(reading, start):
            continue
        yield _pay_hit(kr, reading, start, term)
        return
    for start, end, term in lexicons["compensation-ambiguous"].find(texts):
        following = texts[end] if end < len(texts) else ""
        if following in _PROCESS:
            continue  # "referral bonus claims processed": running the scheme, not earning it
        window = set(texts[max(0, start - 4) : start]) | set(texts[end : end + 5])
        if following in _PRODUCT_SENSE and not window & {
            "tied",
            "linked",
            "eligible",
            "qualify",
            "qualifies",
        }:
            continue
        if term in (("raise",),) and start == (reading.lead.index if reading.lead else -1):
            continue  # "Raise NPS…" is a verb
        if (
            term == ("promoted",)
            and start > 0
            and texts[start - 1] in ("get", "be", "become", "gets")
            and not window & {"if", "once", "depends", "eligible", "for"}
        ):
            continue  # "Get promoted to senior PM" is a career step (P501), not pay
        if term in (("rating",), ("ratings",)) and not window & {
            "performance",
            "employee",
            "manager",
            "my",
        }:
            continue
        if window & _PAY_CONTEXT and not _inside_the_metric(reading, start):
            yield _pay_hit(kr, reading, start, term)
            return


def _inside_the_metric(reading: Any, start: int) -> bool:
    """The pay word names what is measured, before a from→to target, with nothing tying the
    result to pay: "Close the gender pay gap in bonus payouts from 14% to 5%"."""
    measured = reading.measurement
    if measured.baseline is None or measured.target is None:
        return False
    before_target = reading.words[start].end <= min(measured.baseline.start, measured.target.start)
    return before_target and not set(reading.texts) & (_LINK_WORDS | {"if", "once", "so"})


def _pay_hit(kr: KeyResult, reading: Any, start: int, term: tuple[str, ...]) -> Hit:
    """The finding, with the text minus its pay clause when that cut is clean."""
    kept = without_pay_clause(reading.source, reading.words[start].start)
    return Hit(kr, {"term": " ".join(term), "kept": kept})


def _looks_like_a_person(name: str, lexicons: dict[str, Any]) -> bool:
    """ "Dana Whitfield", not "Customer Success" or "Checkout Latency" (Title Case key results)."""
    words = name.lower().split()
    vocabulary = set().union(
        *(
            {t[0] for t in lexicons[n].terms}
            for n in (
                "metric-nouns",
                "population-nouns",
                "volume-metrics",
                "quality-metrics",
                "activity-verbs",
                "outcome-verbs",
                "maintenance-verbs",
                "role-nouns",
                "effort-metrics",
            )
        )
    )
    return not any(w in vocabulary or w in _TEAM_WORDS for w in words)


def _scoring_verb(word: str, lexicons: dict[str, Any]) -> bool:
    """A third-person verb of producing or winning ("closes", "books", "cuts").

    Not a noun ("leads").
    """
    if not word.endswith("s") or word in _RECEIVING:
        return False
    verbs = lexicons["activity-verbs"].terms | lexicons["outcome-verbs"].terms
    return any(form in _SCORING_VERBS or (form,) in verbs for form in base_forms(word)[1:])


def _skip_hedges(texts: list[str], index: int, hedges: Any) -> int:
    """Past "hopefully", "ideally" or an -ly adverb between subject and verb."""
    while index < len(texts):
        hedge = hedges.match_at(texts, index)
        if hedge:
            index += hedge
        elif texts[index].endswith("ly") and len(texts[index]) > 4:
            index += 1
        else:
            break
    return index


def individual_scorecard(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """A named person, or each member of a role, graded one by one (P503)."""
    reading = ctx.analyzer.read(kr.title)
    texts = reading.texts
    lexicons = ctx.analyzer.lexicons
    named = _NAMED_SUBJECT.match(kr.title.strip())
    if named and _looks_like_a_person(named.group("name"), lexicons):
        verb = named.group("verb")
        if _scoring_verb(verb, lexicons):
            yield Hit(kr, {"who": named.group("name")})
            return
    for index, word in enumerate(texts[:-2]):
        if word not in ("each", "every"):
            continue
        roles = lexicons["role-nouns"].find(texts[index + 1 : index + 5])
        if not roles or roles[0][0] > 1:  # one modifier allowed: "each field marketer"
            continue
        verb_at = _skip_hedges(texts, index + 1 + roles[0][1], lexicons["hedges"])
        verb = texts[verb_at] if verb_at < len(texts) else ""
        if verb == "to" or _scoring_verb(verb, lexicons):
            yield Hit(kr, {"who": f"{word} {' '.join(roles[0][2])}"})
            return
