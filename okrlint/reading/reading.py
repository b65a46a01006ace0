"""Reads a key result's structure: what it measures, whether it is a task, what it counts.

Works on the analyzer's words (from spaCy's tokenizer), the English forms table and the
lexicons; no tagger needed. The default is inverted from a list of task verbs: a key result is
an outcome when it names a measurable quantity of a result (evidence.py, outcome.py); anything
else that is satisfied by doing or shipping is a task (deliverable.py), whatever its verb or
form. What is counted (counted_kinds.py, input_metrics.py) and whether anyone could tell the
result was met (measurability.py) are read beside them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

from okrlint.lexicons import Lexicon
from okrlint.measure import Measurement, measure, within_bound
from okrlint.reading import (
    counted_kinds,
    deliverable,
    evidence,
    input_metrics,
    measurability,
    outcome,
)
from okrlint.reading.forms import base_forms
from okrlint.reading.grammar import words
from okrlint.reading.lead import read_lead
from okrlint.reading.mentions import not_a_duration, quoted, share_of, word_is_capital
from okrlint.reading.words import Lead, Word

# The end of a sentence followed by another ("… released. Make it easier …").
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z])")
# Name a count of what follows ("number of customers", "# of demos").
_COUNT_NOUNS = words("count_nouns")


class Reading:
    """Everything the language rules need to know about one key result's text."""

    def __init__(
        self,
        source: str,
        words_: Sequence[Word],
        measurement: Measurement,
        lexicons: dict[str, Lexicon],
    ) -> None:
        self.source = source
        self.words = list(words_)
        self.texts = [w.text for w in self.words]
        self.measurement = measurement
        self.lex = lexicons

    # -- the leading verb ---------------------------------------------------------------------
    @cached_property
    def lead(self) -> Lead | None:
        return read_lead(self.texts, self.words, self.measurement, self.lex, self.source)

    @cached_property
    def direction(self) -> str | None:
        """Which way the key result moves its metric: the numbers first, else the verb.

        A maintenance verb with a bound already met ("Keep failures under 15% (currently
        14%)") is "maintain", even though 14 -> 15 reads as a rise.
        """
        verb = self._verb_direction()
        measured = self.measurement
        if verb == "maintain" and within_bound(self.source, measured.baseline, measured.target):
            return "maintain"
        return measured.direction or verb

    def _verb_direction(self) -> str | None:
        lead = self.lead
        if lead is None or lead.noun_reading or lead.kind not in ("outcome", "maintenance"):
            return None
        if lead.kind == "maintenance":
            return "maintain"
        value = self.lex["outcome-verbs"].value((lead.base,))
        return value if value in ("increase", "decrease") else None

    # -- outcome or task ----------------------------------------------------------------------
    @cached_property
    def counted(self) -> list[evidence.Counted]:
        return evidence.measured_results(self.measurement, self.texts, self.words, self.lex)

    @cached_property
    def outcome_measure(self) -> bool:
        """Whether the key result names a measurable quantity of a result (its own outcome)."""
        return outcome.has_outcome(self)

    @cached_property
    def task(self) -> str | None:
        """The activity or deliverable words when the key result is satisfied by doing or
        shipping something, with no measure of a result; None for an outcome."""
        return deliverable.task_words(self)

    @cached_property
    def product_result(self) -> bool:
        """What a system or product does or reaches rather than a person's output: a behaviour
        ("handles 20 users for 2 hours without a failure") or people engaged with it ("reaches
        20 million seven-day active users")."""
        return outcome.behaviour(self) or any(
            item.kind == "people" and counted_kinds.engaged(item, self.texts, self.lex)
            for item in self.counted
        )

    # -- measurability ------------------------------------------------------------------------
    @cached_property
    def placeholder(self) -> str | None:
        """A number left to fill in ("X%", "XX", "[feature]", "TBD")."""
        return measurability.placeholder(self.source, counted=bool(self.measurement.quantities))

    @cached_property
    def ongoing(self) -> str | None:
        """Work that never finishes ("Monitor satisfaction", "We are regularly measuring…")."""
        return measurability.ongoing(self)

    @cached_property
    def not_measurable(self) -> str | None:
        """Why nobody could say at the end whether the key result was met, if so."""
        return measurability.not_measurable(self)

    @cached_property
    def aimless(self) -> bool:
        """A goal with no deliverable and no measure ("Improve effectiveness of X", "Learn
        Rust"); asked by both the task and the measurability readings, so read once."""
        return measurability.vague_aim(self)

    @cached_property
    def vague(self) -> str | None:
        """A vague word left unquantified."""
        return measurability.vague_word(self)

    # -- what is counted ----------------------------------------------------------------------
    @cached_property
    def binary(self) -> str | None:
        """The status asked for ("certification", "award") when the result is done/not-done."""
        return deliverable.status_sought(self)

    def surface(self, phrase: str) -> str:
        """`phrase`, words as read (lower case, hyphens and marks dropped), as the key result
        writes them ("facto built prs" -> "Facto-built PRs"), ending on a word that says
        something ("plan for a" -> "plan for a workshop"); as given when it is not found."""
        wanted = phrase.split()
        size = len(wanted)
        for start in range(len(self.texts) - size + 1):
            if size and self.texts[start : start + size] == wanted:
                end = deliverable.phrase_end(self.texts, start, start + size)
                written = self.source[self.words[start].start : self.words[end - 1].end]
                return _balanced(written)
        return phrase

    @cached_property
    def effort(self) -> str | None:
        """An output, effort or vanity noun that the key result counts ("12 streams", "200 cold
        calls", "page views"): an input metric."""
        return input_metrics.effort(self)

    @cached_property
    def unqualified_population(self) -> str | None:
        """A counted "users"/"customers" with nothing saying which ones."""
        qualifiers = self.lex["population-qualifiers"]
        for start, end, term in self.lex["population-nouns"].find(self.texts):
            window = self.texts[max(0, start - 3) : start]
            following = self.texts[end] if end < len(self.texts) else ""
            if (
                qualifiers.find(window)
                or following in words("relative_clause")
                or following.endswith("ing")
            ):
                continue  # "weekly active users", "customers who renew", "users completing setup"
            if share_of(window):
                continue  # a share of customers, not a count of them
            if "per" in window or any(w in ("for", "among", "across") for w in window[-2:]):
                continue  # "tickets per 1,000 users", "errors for our clients": not the count
            after = self.texts[end + 1] if end + 1 < len(self.texts) else ""
            if (
                following == "to"
                and after
                and not after[:1].isdigit()
                and after not in words("determiners")
                and after not in ("$", "€", "£")
            ):
                continue  # "50 customers to pay for Pro": the clause says which ones
            counting = words("counting_verbs")
            counted = (
                any(w[:1].isdigit() or w in _COUNT_NOUNS for w in window)
                or (
                    self.lead is not None
                    and self.lead.index >= start - 3
                    and any(form in counting for form in base_forms(self.lead.base))
                )
                or following in ("to", "from", "by")
            )
            if counted:
                return " ".join(term)
        return None

    @cached_property
    def metric(self) -> str | None:
        """The measured thing as written: "Grow NPS from 30 to 45" -> "NPS"."""
        if self.lead is None or self.lead.kind not in ("outcome", "maintenance"):
            return None
        spans = [(q.start, q.end) for q in self.measurement.quantities]

        def in_quantity(index: int) -> bool:
            return any(a <= self.words[index].start < b for a, b in spans)

        skip, stops = words("metric_skip"), words("metric_stops")
        start = self.lead.end
        while start < len(self.texts) and (in_quantity(start) or self.texts[start] in skip):
            start += 1
        end = start
        while end < len(self.texts) and self.texts[end] not in stops and not in_quantity(end):
            end += 1
        if end == start:
            return None
        return self.source[self.words[start].start : self.words[end - 1].end]

    # -- numbers ------------------------------------------------------------------------------
    @property
    def has_measure(self) -> bool:
        return self.measurement.has_measure

    @cached_property
    def universal(self) -> bool:
        """A condition over all/none ("every invoice…", "no P1 bugs…") is verifiable without
        a number.

        Not after a direction verb: in "Increase participation across all classes" "all" is scope.
        """
        if self.lead is not None and self.lead.kind == "outcome":
            return False
        return any(w in words("universal") for w in self.texts)

    @cached_property
    def first_sentence(self) -> Reading | None:
        """The reading of the first sentence alone when there are several ("The Core API is
        released. Make it easier to import…"), from the same words: no second parse."""
        end = _SENTENCE_END.search(self.source)
        if end is None:
            return None
        text = self.source[: end.start() + 1]
        return Reading(text, [w for w in self.words if w.end <= end.start()], measure(text), self.lex)

    # -- helpers for the rule modules ---------------------------------------------------------
    def words_after(self, offset: int, count: int) -> list[str]:
        return [w.text for w in self.words if w.start >= offset][:count]

    def metric_in(self, words_: list[str]) -> bool:
        metric = self.lex["metric-nouns"].terms
        for i in range(len(words_)):
            if words_[i] == "time" and not_a_duration(words_[:i]):
                continue  # "full time contributors", "on time" name no metric
            if any(tuple(words_[i : i + size]) in metric for size in (1, 2)):
                return True
        return False

    def mentioned(self, start: int, end: int) -> bool:
        """Whether words [start, end) are quoted or part of a name, not used."""
        if quoted(self.source, self.words[start].start, self.words[end - 1].end):
            return True
        return start > 0 and word_is_capital(self.source, self.words[start]) and not (
            word_is_capital(self.source, self.words[start - 1])
        )


def _balanced(text: str) -> str:
    """`text` without its quote marks when they do not pair up inside it ('Lunch & Learn"
    sessions' cut from 'Hold 4 "Lunch & Learn" sessions'), and ending before a bracket it
    opens and does not close ("filter types operational (keyword" -> "filter types
    operational")."""
    for opening, closing in ("()", "[]"):
        cut = text.rfind(opening)
        if cut > 0 and text.find(closing, cut) < 0:
            text = text[:cut].rstrip()
    straight = text.count('"') % 2
    curly = text.count("“") != text.count("”")
    if straight or curly:
        return " ".join(text.replace('"', " ").replace("“", " ").replace("”", " ").split())
    return text
