"""What makes a key result an outcome rather than a task: a measurable quantity of a result
(evidence.py), a metric it moves ("Reduce churn"), how a system or its users behave ("deploys
never take longer than…"), people engaged, habits kept. deliverable.py reads the task side.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from okrlint.lexicons import Lexicon
from okrlint.reading import evidence
from okrlint.reading.counted_kinds import a_hire, clock_time, engaged, habit, one_unit_bound, source_asked
from okrlint.reading.deliverable import (
    CLAUSE_STARTS,
    OBJECT_ENDS,
    STATE_VERBS,
    completion,
    graded,
    predicate_at,
)
from okrlint.reading.forms import base_forms
from okrlint.reading.grammar import words
from okrlint.reading.mentions import AGREED_TARGET, IMPLICIT_TARGET
from okrlint.reading.words import first_word_ending_after, first_word_from

if TYPE_CHECKING:
    from okrlint.reading.reading import Reading
    from okrlint.reading.words import Word


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
    if _counted_work_done(reading, items):
        return False  # "20 services migrated to Kubernetes", "100% of sites migrated"
    if _everyone_takes_part(reading):
        return False  # "Every club member participates in at least 3 discussions"
    activity = lead is not None and lead.kind == "activity" and not lead.noun_reading
    # People counted after an activity verb are the work's objects, not results won: "Hire 4
    # engineers", "Interview 25 candidates", "Get feedback from 5 users" (but "Add 6 customers").
    counting = lead is not None and (
        lead.base in words("counting_verbs")
        or (lead.base in words("customer_counting_verbs") and _customers_counted(items))
    )
    people_won = not activity or counting
    # "100% of the 7 applications": the count is the whole the share is of, no target
    items = [item for item in items if not _whole_of_a_share(item, items, reading)]
    # "Career ladders published for 5 job families": whom a deliverable reported done covers
    items = [item for item in items if not _scope_of_done(item, reading)]
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
                or (people_won and not a_hire(item, lex, lead, texts))
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
    if not activity and one_unit_bound(reading.source):
        return True  # "Referral PDFs summarised in under a minute": how fast, a level
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
        if _spreading_a_deliverable(reading) or (not activity and _ROLLED_OUT.search(reading.source)):
            return False  # "Expand the review process to 3 new teams", "App live in 34 stores": a rollout
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


def _customers_counted(items: list[evidence.Counted]) -> bool:
    """Customers among the people counted ("25 customers", "10 new clients")."""
    customers = words("product_users")
    return any(item.kind == "people" and item.noun[-1:] and item.noun[-1] in customers for item in items)


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


_TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")


# A deliverable said done in a number of places: "Auto-replenishment rolled out to 40 stores",
# "Loyalty app launched in all 34 restaurants": how far a rollout reached, a task.
_ROLLED_OUT = re.compile(
    r"\b(?:rolled\s+out|launched|deployed|installed|released|introduced|live|available)\s+"
    r"(?:to|in|at|across|on)\s+(?:all\s+|every\s+|the\s+)?\d[\d,]*\s+[a-z]",
    re.IGNORECASE,
)


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


def _scope_of_done(item: evidence.Counted, reading: Reading) -> bool:
    """A count right after "for", following a word reporting a deliverable done ("Career
    ladders published for 5 job families", "Runbooks written for 12 services"): the scope of
    the work, not a result won."""
    at = first_word_ending_after(reading.words, item.quantity.start)
    if at < 2 or reading.texts[at - 1] != "for" or item.quantity.unit or item.kind == "result":
        return False  # ("… meet branding guidelines for 12 weeks": a time held)
    if set(item.noun) & words("product_users"):
        return False  # "Onboarding completed for 300 new customers": customers won
    return bool(reading.lex["completion-words"].find(reading.texts[: at - 1]))


def _bare_count(
    item: evidence.Counted, texts: list[str], words_: list[Word], lex: dict[str, Lexicon]
) -> bool:
    """A plain count of things an activity verb works on ("Contact 50 warm leads", "Process
    10,000 returns"): the work's objects, not a result won; a metric's level named after the
    number ("bigger than 11 NPS") is not."""
    quantity = item.quantity
    if quantity.unit or quantity.currency or not item.noun:
        return False
    if item.kind == "result" and not item.phrase:
        at = first_word_ending_after(words_, quantity.start)
        if at and texts[at - 1] == item.noun[-1]:
            return False  # the metric is named right before the number: "scores SUS ≥ 75"
    if not 0 <= item.at < len(words_) or words_[item.at].start < quantity.end:
        return True
    return not lex["metric-nouns"].match_at(texts, item.at)


def _getting_a_deliverable(reading: Reading) -> bool:
    """A getting verb whose object is a deliverable, not a result: "Get the Brave integration
    released", "Achieve SOC 2 readiness" is a status (binary), "Deliver the flow"."""
    lead = reading.lead
    if lead is None or reading.lex["outcome-verbs"].value((lead.base,)) in ("increase", "decrease"):
        return False
    rest = reading.texts[lead.end :]
    completion = reading.lex["completion-words"]
    return bool(completion.find(rest)) or lead.base in ("get", "have", "make") and not rest[:1]


def _moves_a_metric(reading: Reading) -> bool:
    """Whether what a direction verb moves is a metric ("Increase usage of plugins", "Grow
    SWAUs", "Retain positive presence"), not a deliverable ("Expand the Maintainer Protocol",
    "Convert our guidelines into a handbook")."""
    lead = reading.lead
    assert lead is not None
    rest = reading.texts[lead.end : lead.end + 8]
    end = next((i for i, w in enumerate(rest) if w in OBJECT_ENDS and i > 0), len(rest))
    head = rest[max(0, end - 2) : end]  # the object's head noun: "usage (of plugins)"
    heads = [head]
    if end < len(rest) and rest[end] == "and":
        # modifiers joined by "and" share the head after them: "Increase automated test and
        # regression coverage" moves coverage, not "test"
        after = rest[end + 1 :]
        stop = next((i for i, w in enumerate(after) if w in OBJECT_ENDS and i > 0), len(after))
        if stop:
            heads.append(after[max(0, stop - 2) : stop])
    lex = reading.lex
    if head and head[-1] in words("decision_nouns") and lead.base in words("reaching_verbs"):
        return False  # "Reach consensus within the team on …": a decision made, a deliverable
    names = _METRIC_LEXICONS
    start = reading.words[lead.end].start if lead.end < len(reading.words) else len(reading.source)
    object_words = reading.source[start:].split()[: max(end, 1)]
    if not title_case(reading.source) and any(word[:1].isupper() and not word.isupper() for word in object_words):
        return False  # a named thing: "Expand the Lead Maintainer Protocol" (not in Title Case)
    # A making verb moves a metric only when the metric is the object's head, its last word
    # ("Expand our customer base", but not "Generate client models"), within the object (not
    # "Generate C# models from the bookings API").
    making = lead.base in words("making_direction_verbs")
    if any(
        (size := lex[name].match_at(part, i)) and (not making or i + size == len(part))
        for part in heads
        for name in names
        for i in range(len(part))
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
    elif lead.base in words("making_verbs"):
        return _partnerships_counted(reading)  # "Form 3+ additional community relationships"
    elif lead.base not in words("partnering_verbs"):
        return False
    return rest[:1] == ["with"] and any(
        item.kind not in ("share", "result") and not item.quantity.unit for item in reading.counted
    )


def _partnerships_counted(reading: Reading) -> bool:
    """Relationships counted in the phrase after the number ("Form 3+ additional community
    relationships"): partners won, however many words describe them."""
    texts = reading.texts
    for item in reading.counted:
        if item.quantity.unit or item.kind == "share":
            continue
        start = first_word_from(reading.words, item.quantity.end)
        for index in range(start, min(start + 6, len(texts))):
            word = texts[index]
            if word in words("partnership_nouns"):
                # the phrase's head, where it ends: "6 customer relations reports" are reports
                following = texts[index + 1] if index + 1 < len(texts) else ""
                return not following.isalpha() or following in words("phrase_breaks") or following in OBJECT_ENDS
            if word in words("phrase_breaks"):
                break
    return False


def title_case(source: str) -> bool:
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
    if "per" in texts and not any(t in STATE_VERBS for t in texts):
        return True
    metric, lex = reading.lex["metric-nouns"], reading.lex
    head = texts[:4]
    found = [(i, size) for i in range(len(head)) if (size := metric.match_at(head, i))]

    def made(at: int) -> bool:  # an output or a piece of work the metric's word modifies
        return bool(lex["output-nouns"].match_at(texts, at) or lex["task-nouns"].match_at(texts, at))

    if found and all(made(i + size) or made(i + size + 1) for i, size in found):
        # "Engagement workshop for the team", "Usage monitoring dashboard", "CI/CD Pipeline
        # Implementation": a deliverable
        return False
    if found:
        if completion(reading) is not None:
            return False  # "FY2027 budget approved by the board": a deliverable reported done
        return not any(t in STATE_VERBS or t in words("copulas") for t in texts)
    return False


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
    if not at or any(w in CLAUSE_STARTS for w in texts[:at]):
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
    head = next((i for i in range(1, at) if texts[i] in OBJECT_ENDS), at) - 1
    if lex["people-nouns"].match_at(texts, head):
        return False
    metric = lex["metric-nouns"]
    return not any(metric.match_at(texts, i) for i in range(at))


# "is", "are": the headline form has none ("fully" and "now" may stand before its participle).
_VERBS_OF_BEING = words("copulas") - {"fully", "now"}


def _counted_work_done(reading: Reading, items: list[evidence.Counted]) -> bool:
    """A count or share of things and, headline-style with no "is", the work done to them ("20
    services migrated to Kubernetes", "100% of existing community sites migrated", "5 out of 5
    spikes decided and documented"): the team's work counted, a task; with a time bound it is a
    service level ("90% of tickets closed within a day"), and people or a metric in the subject
    are results ("200 customers migrated to the annual plan")."""
    lead, texts = reading.lead, reading.texts
    if lead is None or lead.kind != "other" or not items or reading.measurement.relative_change:
        return False
    first = min(item.quantity.start for item in items)
    start = first_word_from(reading.words, first)
    if start > 1:
        return False  # the count leads the key result ("5 out of 5", "100% of")
    done = words("done_participles") | words("made_participles") | words("worked_participles")
    at = next((i for i in range(start + 1, min(len(texts), start + 12)) if texts[i] in done), None)
    if at is None:
        return False
    subject = texts[start:at]
    if any(w in _VERBS_OF_BEING or w in CLAUSE_STARTS for w in subject):
        return False  # "… are migrated" is _reported_made's; a clause is more than a headline
    following = texts[at + 1 : at + 2]
    if following and following[0] not in words("phrase_breaks") | done:
        return False  # "hosted community sites": a participle that describes, not work done
    lex = reading.lex
    head = [w for w in subject if w not in ("fully", "now", "all")][-1:]
    # Only things a team works through ("community sites", "5 of 5 tasks"): customers'
    # workspaces upgraded or merchants migrated to a plan are results.
    if not head or not (lex["work-items"].match_at(head, 0) or lex["output-nouns"].match_at(head, 0)):
        return False
    if any(lex["metric-nouns"].match_at(subject, i) for i in range(len(subject))):
        return False
    return not evidence.TIME_BOUND.search(" ".join(texts[at:]))


def _whole_of_a_share(item: evidence.Counted, items: list[evidence.Counted], reading: Reading) -> bool:
    """Whether the count is the whole a share is taken of ("Consolidate 100% of the 7
    applications"): it says how many there are, the share is the target."""
    # only things worked through: people sampled stay ("> 95% of 20+ people surveyed trust…")
    lex = reading.lex
    if item.kind == "share" or not item.noun or not (
        lex["work-items"].match_at(list(item.noun), 0) or lex["output-nouns"].match_at(list(item.noun), 0)
    ):
        return False
    at = first_word_from(reading.words, item.quantity.start)
    before = reading.texts[max(0, at - 2) : at]
    if before[-1:] != ["of"] and before != ["of", "the"]:
        return False
    of_at = at - 1 if before[-1:] == ["of"] else at - 2  # where "of" stands
    return any(
        other.kind == "share" and first_word_from(reading.words, other.quantity.end) == of_at
        for other in items
    )


def _everyone_takes_part(reading: Reading) -> bool:
    """All the people of a group taking part in an activity ("Every club member participates
    in at least 3 discussions", "Each engineer attends 2 security trainings"): participation,
    which the rubric calls a task, as it does "100% of <people> do <activity>". Product users
    are left out ("Every user completes onboarding" is how the product is used)."""
    texts, lex = reading.texts, reading.lex
    if texts[:1] not in (["every"], ["each"], ["all"]):
        return False
    def people(at: int) -> int:
        return lex["people-nouns"].match_at(texts, at) or lex["role-nouns"].match_at(texts, at)

    for at in range(1, min(len(texts), 5)):
        end = at
        while end < len(texts) and (size := people(end)):
            end += size  # to the head: "club member"
        if end == at:
            continue
        head = texts[end - 1]
        if head in words("product_users") or f"{head}s" in words("product_users"):
            return False  # "Every subscriber completes onboarding": "every" takes the singular
        verb = texts[end : end + 1]
        return bool(verb) and any(form in lex["participation"] for form in base_forms(verb[0]))
    return False


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
