"""P502 compensation link: a bonus, pay, payout, rating or promotion tied to the result,
which turns the OKR into an appraisal and invites sandbagging."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from okrlint.checks.base import Context, Hit
from okrlint.models import KeyResult, Objective
from okrlint.reading.grammar import word_set, words
from okrlint.reading.outcome import title_case
from okrlint.rewrite import without_pay_clause


def _words(name: str) -> frozenset[str]:
    return word_set("separation", name)


# Each set's purpose is commented in corpora/english/separation.toml.
_LINK_WORDS = _words("link_words")
_PAY_CONDITIONS = _words("pay_conditions")
_PAY_CONTEXT = _words("pay_context")
_HR_PROCESS = _words("hr_process")
_PRODUCT_SENSE = _words("product_sense")
_RAISE_AS_VERB_AFTER = _words("raise_as_verb_after")
_EXPLICIT_PAY_LINK = _words("explicit_pay_link")
_PAY_RECIPIENTS = _words("pay_recipients")
_PAY_KINDS = _words("pay_kinds")
_PROMOTION_AUXILIARIES = _words("promotion_auxiliaries")
_PROMOTION_CONDITIONS = _words("promotion_conditions")
_APPRAISAL_CONTEXT = _words("appraisal_context")
_APPRAISAL_LINKS = _words("appraisal_links")


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
        if end < len(texts) and texts[end] in _HR_PROCESS or _inside_the_metric(reading, start):
            continue
        yield _pay_hit(kr, reading, start, term)
        return
    for start, end, term in lexicons["compensation-ambiguous"].find(texts):
        if _in_a_name(reading, start):
            continue  # "Joint Commission", "the European Commission": a body's name, not pay
        following = texts[end] if end < len(texts) else ""
        if following in _HR_PROCESS:
            continue  # "referral bonus claims processed": running the scheme, not earning it
        # four words back, numbers aside: "Tie 20% of the bonus to NPS" links the pay
        before = [w for w in texts[max(0, start - 8) : start] if any(c.isalpha() for c in w)][-4:]
        window = set(before) | set(texts[end : end + 5])
        if set(texts[max(0, start - 6) : start]) & _EXPLICIT_PAY_LINK:
            # "so everyone qualifies for the year-end bonus": a pay link six words back
            window |= set(texts[max(0, start - 6) : start]) & _EXPLICIT_PAY_LINK
        paid = _people_paid(texts, end)
        if following in _PRODUCT_SENSE and not window & _EXPLICIT_PAY_LINK and not paid:
            continue  # "bonus feature", "payout for drivers" (but "payout for the team")
        if term == ("raise",) and _raise_is_a_verb(reading, start):
            continue  # "Raise NPS…", "and, if possible, raise win rate…": the verb ("a raise" is pay)
        if (
            term == ("promoted",)
            and start > 0
            and texts[start - 1] in _PROMOTION_AUXILIARIES
            and not window & _PROMOTION_CONDITIONS
        ):
            continue  # "Get promoted to senior PM" is a career step (P501), not pay
        if term in (("rating",), ("ratings",)) and not window & _APPRAISAL_CONTEXT:
            continue
        if term in (("appraisal",), ("appraisals",)):
            if set(texts[max(0, start - 8) : start]) & _APPRAISAL_LINKS:
                yield _pay_hit(kr, reading, start, term)  # "… 4.3, used in managers' annual appraisal"
                return
            continue  # "Appraisals completed by March": running the review, no result tied to it
        if window & _PAY_CONTEXT and not _inside_the_metric(reading, start):
            yield _pay_hit(kr, reading, start, term)
            return


def _raise_is_a_verb(reading: Any, start: int) -> bool:
    """Whether "raise" at `start` is the verb: it leads, or follows a word a verb follows
    ("and, if possible, raise win rate…", "we will raise…"); elsewhere it is pay ("each
    manager's raise", "Link raises to OKR scores", "gets a raise")."""
    lead = reading.lead
    if start == 0 or (lead is not None and start == lead.index):
        return True
    return reading.texts[start - 1] in _RAISE_AS_VERB_AFTER


def _in_a_name(reading: Any, start: int) -> bool:
    """A capitalised word after another one past the first word, in a text not in Title Case:
    part of a name ("Achieve Joint Commission certification"), where "Sales Commission tied to
    renewals" only capitalises its first words and "the Sales Bonus" names a kind of pay."""
    if start < 2 or title_case(reading.source):
        return False
    source, words_ = reading.source, reading.words
    before = source[words_[start - 1].start : words_[start - 1].end]
    # (a word, not a cycle or code: "the Q4 Bonus" is still pay; nor a word of pay or of the
    # people paid: "the Sales Bonus", "the Team Bonus")
    common = before.lower() in _PAY_CONTEXT | _PAY_RECIPIENTS | _PAY_KINDS
    return source[words_[start].start].isupper() and before[:1].isupper() and before.isalpha() and not common


def _people_paid(texts: list[str], end: int) -> bool:
    """People paid, named after "for" soon after the pay word: "payout for the team if…",
    "payout for our sales reps", "payout on renewals for reps above quota". The recipient must
    head its phrase: in "a promotion for team plans" the team only qualifies the plans."""
    for at in range(end, min(end + 5, len(texts))):
        if texts[at] != "for":
            continue
        for index in range(at + 1, min(at + 5, len(texts))):
            if texts[index] in _PAY_RECIPIENTS:
                following = texts[index + 1] if index + 1 < len(texts) else ""
                if following in _PAY_RECIPIENTS:
                    continue  # "team members": the later word heads the phrase
                return not following.isalpha() or following in _RECIPIENT_ENDS
    return False


_RECIPIENT_ENDS = words("phrase_breaks") | _words("pay_conditions") | _words("recipient_ends")


def _inside_the_metric(reading: Any, start: int) -> bool:
    """The pay word names what is measured, before a from→to target, with nothing tying the
    result to pay: "Close the gender pay gap in bonus payouts from 14% to 5%"."""
    measured = reading.measurement
    if measured.baseline is None or measured.target is None:
        return False
    before_target = reading.words[start].end <= min(measured.baseline.start, measured.target.start)
    return before_target and not set(reading.texts) & (_LINK_WORDS | _PAY_CONDITIONS)


def _pay_hit(kr: KeyResult, reading: Any, start: int, term: tuple[str, ...]) -> Hit:
    """The finding, with the text minus its pay clause when that cut is clean."""
    kept = without_pay_clause(reading.source, reading.words[start].start)
    # quoted as written ("OTE", "Merit budget"), not as the lexicon spells it
    written = reading.source[reading.words[start].start : reading.words[start + len(term) - 1].end]
    return Hit(kr, {"term": written, "kept": kept})
