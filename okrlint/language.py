"""Reads a key result's structure: its leading verb, whether it is a task, what it counts.

Works on the analyzer's words (from spaCy's tokenizer) and the lexicons; no tagger needed.
Key results are mostly imperative or Title Case ("Launch…", "Grow…"), where taggers often get
the first word wrong, so the leading verb is read from the lexicons with a guard for noun
readings ("Build time", "Launch of…").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from okrlint.lexicons import Lexicon
from okrlint.loaders.labels import KR_LABEL
from okrlint.measure import Measurement, within_bound

# Words before the verb that do not change what the verb is
# ("We will launch…", "Successfully ship…").
_PREAMBLE = {
    "we",
    "will",
    "to",
    "successfully",
    "fully",
    "finally",
    "also",
    "and",
    "then",
    "i",
    "must",
    "should",
    "shall",
    "lets",
    "let",
    "us",
    "please",
    "team",
    "our",
}
_DETERMINERS = {
    "the",
    "a",
    "an",
    "our",
    "new",
    "all",
    "every",
    "each",
    "this",
    "its",
    "their",
    "my",
}
_COPULAS = {
    "is",
    "are",
    "be",
    "been",
    "being",
    "was",
    "were",
    "goes",
    "go",
    "went",
    "gone",
    "now",
    "fully",
}
# After a completion participle these show it is the predicate ("SSO rolled out to all tenants").
_AFTER_PREDICATE = {
    "to",
    "for",
    "across",
    "in",
    "on",
    "by",
    "at",
    "within",
    "and",
    "with",
    "before",
    "everywhere",
    "successfully",
    "company",
    "org",
    "globally",
    "internally",
    "as",
    "under",
    "into",
    "ahead",
    "end",
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "from",
    "no",
    "company-wide",
    "eoq",
    "eoy",
    "eom",
    "this",
    "next",
    "per",
}
_METRIC_OPENERS = {
    "number",
    "share",
    "percentage",
    "percent",
    "proportion",
    "rate",
    "ratio",
    "%",
    "count",
}
_RELATIVE_CLAUSE = {"who", "that", "which", "whose", "with", "payable", "receivable"}
_COUNTING_VERBS = {
    "acquire",
    "add",
    "attract",
    "gain",
    "sign",
    "onboard",
    "serve",
    "bring",
    "migrate",
    "convert",
    "retain",
    "reach",
    "get",
    "grow",
    "increase",
    "win",
    "double",
    "triple",
    "expand",
    "have",
    "hit",
    "boost",
    "raise",
    "lift",
    "drive",
}
_METRIC_SKIP = {"the", "our", "a", "an", "its", "their", "to", "at", "least", "by"}
_METRIC_STOPS = {
    "from",
    "to",
    "by",
    "at",
    "under",
    "above",
    "below",
    "over",
    "within",
    "in",
    "while",
    "and",
    "for",
    "before",
    "until",
    "per",
    "this",
    "next",
    "across",
    "among",
    "through",
}
_NOT_NOUNS = {
    "of",
    "in",
    "within",
    "under",
    "over",
    "than",
    "per",
    "by",
    "to",
    "from",
    "about",
    "and",
    "the",
    "a",
    "24",
    "business",
    "working",
    "few",
    "many",
    "more",
    "less",
    "fewer",
    "all",
}
_STATE_PARTICIPLES = {
    "named",
    "recognized",
    "recognised",
    "ranked",
    "listed",
    "featured",
    "certified",
    "awarded",
    "selected",
    "accredited",
    "shortlisted",
    "nominated",
    "approved",
}
_OBTAINING = {"complete", "finish", "sign", "pass", "close", "file", "submit", "renew"}
_CONNECTORS = {"and", "so", "that", "which", "while", "thereby", "lifting", "reaching", "driving"}
_QUALITY_FILTERS = {"qualified", "successful", "converted", "won", "resolved", "accepted", "paid"}
_UNIVERSAL = {"all", "every", "each", "no", "none", "zero", "100"}


# What teams put in front of a key result that is not part of it: checkboxes, priorities
# ("[P1]", "`PX` -"), "Key Result:" labels and owner or team prefixes ("Customer Success: …").
_LABEL = re.compile(
    r"^\s*(?:[`'\"*_]+\s*)?"
    r"(?:(?:\[[ xX]\]|\[[Pp]\d\]|\(?[Pp][X\d](?![\w.])\)?`?)\s*[-–:]?\s*`?\s*"
    rf"|(?i:{KR_LABEL.pattern.removeprefix('^')})"  # the loaders' own KR label
    r"|[A-Z][\w&/+.'-]*(?:\s+[A-Za-z][\w&/+.'-]*){0,3}\s*:\s+(?=\S+\s+\S+\s+\S)"
    r")+"
)


def label_length(text: str) -> int:
    """How many leading characters are a label or prefix rather than the key result itself."""
    match = _LABEL.match(text)
    return match.end() if match else 0


# A quoted stretch: straight or curly quotes, opened at a word start and closed at a word end
# (so the apostrophe in "team's" is neither).
_QUOTED = re.compile(r"""(?:^|(?<=[\s(\[]))(["'“‘])(.+?)(?:["'”’])(?=$|[\s.,;:!?)\]])""")


def quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside quotes: words mentioned, not used ("Cut 'maybe'
    RSVPs", "tickets tagged 'try to reproduce'", "marked 'to be confirmed'")."""
    whole = len(text.rstrip())
    return any(
        m.start(2) <= start and end <= m.end(2) and not (m.start() == 0 and m.end() == whole)
        for m in _QUOTED.finditer(text)  # a key result quoted whole is still used, not mentioned
    )


# Before "time", these make it no duration: "on time", "full time", "real time".
_NOT_A_DURATION = {"full", "part", "on", "real", "first", "one"}


def not_a_duration(before: Sequence[str]) -> bool:
    return bool(before) and before[-1] in _NOT_A_DURATION


def share_of(before: Sequence[str]) -> bool:
    """Words before a noun that make it the base of a share: "% of customers", "share of …"."""
    return "of" in before and any(
        w in ("%", "share", "percentage", "percent", "proportion") for w in before
    )


def word_is_capital(source: str, word: Word) -> bool:
    return source[word.start : word.start + 1].isupper()


@dataclass(frozen=True)
class Word:
    text: str  # lower case
    start: int
    end: int
    pos: str = ""  # from a trained pipeline's tagger, when one is configured


@dataclass(frozen=True)
class Lead:
    """The word a key result opens with, after any preamble, read against the lexicons."""

    index: int
    end: int  # exclusive word index (multi-word verbs such as "roll out")
    base: str
    kind: str  # activity | outcome | maintenance | binary | other
    noun_reading: bool  # "Build time…", "Launch of…": the verb-looking word is a noun


@lru_cache(maxsize=8192)
def base_forms(word: str) -> tuple[str, ...]:
    """Candidate base forms of an inflected verb: shipped -> ship, launches -> launch."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1]]
        if len(word) > 4 and word[-3] == word[-4]:
            forms.append(word[:-3])
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e"]
        if len(word) > 5 and word[-4] == word[-5]:
            forms.append(word[:-4])
    if word.startswith("re") and len(word) > 6:
        forms += [form[2:] for form in forms]  # renegotiate -> negotiate, rebuilt -> built
    return tuple(forms)


class Reading:
    """Everything the language rules need to know about one key result's text."""

    def __init__(
        self,
        source: str,
        words: Sequence[Word],
        measurement: Measurement,
        lexicons: dict[str, Lexicon],
    ) -> None:
        self.source = source
        self.words = list(words)
        self.texts = [w.text for w in self.words]
        self.measurement = measurement
        self.lex = lexicons

    # -- the leading verb ---------------------------------------------------------------------
    def _after_preamble(self, index: int) -> int:
        """Skip words and hedges that come before the verb ("We will try to keep churn…")."""
        hedges = self.lex["hedges"]
        while index < len(self.texts):
            if self.texts[index] in _PREAMBLE:
                index += 1
                continue
            hedge = hedges.match_at(self.texts, index)
            if not hedge:
                break
            index += hedge
        return index

    @cached_property
    def lead(self) -> Lead | None:
        index = self._after_preamble(0)
        if index >= len(self.texts):
            return None
        pair = tuple(self.texts[index : index + 2])
        if self.texts[index] == "make" and not pair[-1][:1].isdigit():
            # "Make 200 calls" is an activity; "Make support world-class" states a goal.
            return Lead(index, index + 1, "make", "other", False)
        if len(pair) == 2 and pair in self.lex["activity-verbs"].terms:
            return Lead(index, index + 2, " ".join(pair), "activity", self._noun_reading(index + 2))
        word = self.texts[index]
        if word in ("remaining", "continuing", "sustained", "maintained", "kept"):
            return Lead(
                index, index + 1, word, "other", False
            )  # adjectives: "Remaining open bugs…"
        for kind, name in (
            ("maintenance", "maintenance-verbs"),
            ("outcome", "outcome-verbs"),
            ("binary", "binary-verbs"),
            ("activity", "activity-verbs"),
        ):
            for form in base_forms(word):
                if form in self.lex[name]:
                    if (
                        kind == "maintenance"
                        and form in self.lex["activity-verbs"]
                        and self._object_follows(index)
                    ):
                        kind = "activity"  # "Hold 4 workshops" vs "Hold churn at 2%"
                    if (
                        kind == "outcome"
                        and form in self.lex["activity-verbs"]
                        and not self._measured_after(index)
                    ):
                        kind = "activity"  # "Deliver the new flow" vs "Deliver $2M in savings"
                    # Only a verb that does not take a metric as object can be a noun modifier:
                    # "Build time…", "Pass rate…" (but "Reduce churn" is a verb and its object).
                    noun = kind in ("activity", "binary") and self._noun_reading(index + 1)
                    return Lead(index, index + 1, form, kind, noun)
        return Lead(index, index + 1, word, "other", False)

    def _object_follows(self, index: int) -> bool:
        following = self.texts[index + 1] if index + 1 < len(self.texts) else ""
        return (
            following[:1].isdigit()
            or following in _DETERMINERS - {"all", "every", "each"}
            or (
                following
                in ("weekly", "monthly", "quarterly", "regular", "two", "three", "four", "five")
            )
        )

    def _noun_reading(self, after: int) -> bool:
        following = self.texts[after : after + 3]
        if not following:
            return False
        if following[0] in ("of", "s", "'s") or following[0] in _COPULAS:
            return True
        if following[0] in _DETERMINERS or following[0][:1].isdigit():
            return False
        # "Build time…", "Release frequency…", "Design system adoption…": a metric follows.
        metric = self.lex["metric-nouns"].terms
        spans = [following[:1], following[:2], following[1:2], following[1:3]]
        return any(tuple(span) in metric for span in spans if span)

    def _measured_after(self, index: int) -> bool:
        start = self.words[index].end if index < len(self.words) else 0
        return any(
            q.start >= start and (q.currency or q.unit in ("%", "x"))
            for q in self.measurement.quantities
        )

    # -- direction ----------------------------------------------------------------------------
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

    # -- tasks --------------------------------------------------------------------------------
    @cached_property
    def task(self) -> str | None:
        """The activity or completion words if the key result is a task with no outcome measure."""
        if self.outcome_measure or (self.vague and self.vague != "more") or self.binary:
            # A measured launch is an outcome; "deliver a world-class X" is vague;
            # "sign the master agreement" asks for a status.
            return None
        lead = self.lead
        if lead is not None and lead.kind == "activity" and not lead.noun_reading:
            return " ".join(self.texts[lead.index : lead.end])
        if (
            lead is not None
            and lead.kind in ("outcome", "maintenance", "binary")
            and not lead.noun_reading
        ):
            return None
        if self.texts and self.texts[0] in _METRIC_OPENERS:
            return None  # "Number of features shipped…" is a metric, not a deliverable
        return self._completion() or self._task_noun() or self._existence()

    def _existence(self) -> str | None:
        """ "There is a prototype of X": a deliverable that exists, with nothing measured."""
        if self.texts[:2] not in (["there", "is"], ["there", "are"], ["there", "'s"]):
            return None
        if self.has_measure:
            return None  # "There are 500 paying customers" counts an outcome
        return " ".join(self.texts[: min(4, len(self.texts))])

    def _completion(self) -> str | None:
        if self.texts and self.texts[0] in ("no", "zero", "never", "fewer", "less", "nothing"):
            return None  # "No regression introduced stays in production…" is a quality condition
        for start, end, term in self._completion_terms():
            if start == 0:
                continue
            following = self.texts[end] if end < len(self.texts) else None
            before = self.texts[start - 1]
            if following is None or following in _AFTER_PREDICATE or before in _COPULAS:
                return " ".join(term)
        return None

    def _completion_terms(self) -> list[tuple[int, int, tuple[str, ...]]]:
        """Completion words from the lexicon, and past participles of any activity verb."""
        found = self.lex["completion-words"].find(self.texts)
        taken = {index for start, end, _term in found for index in range(start, end)}
        activity = self.lex["activity-verbs"]
        for index, word in enumerate(self.texts):
            if index in taken or not word.endswith("ed"):
                continue
            if any(form in activity for form in base_forms(word)[1:]):
                found.append((index, index + 1, (word,)))
        return sorted(found)

    def _task_noun(self) -> str | None:
        words = [w for w in self.texts if w not in _DETERMINERS]
        if (
            len(words) > 1
            and words[0] in self.lex["task-nouns"]
            and words[1] in ("of", "to", "for")
        ):
            return words[0]
        return None

    @cached_property
    def outcome_measure(self) -> bool:
        """A measure of change beside an activity.

        E.g. "…and reach 15% of signups", "…to 10k weekly users".
        """
        if self.measurement.baseline is not None:
            return True  # "from X to Y" or "(currently X)": a metric is being moved
        lead_end = self.lead.end if self.lead else 0
        if self._measured_clause(lead_end):
            return True
        outcome = self.lex["outcome-verbs"]
        for index in range(lead_end, len(self.texts)):
            if any(
                form in outcome for form in base_forms(self.texts[index])
            ) and self._measure_after(index):
                return True
        for quantity in self.measurement.quantities:
            if quantity.currency or quantity.unit in ("x",):
                return True
            following = self._words_after(quantity.end, 4)
            if self._metric_in(following) or self._qualified_population(following):
                return True
        return False

    def _measured_clause(self, lead_end: int) -> bool:
        """A second clause with a rate or amount.

        E.g. "Launch X and have 60% of permits filed online".
        """
        for index in range(lead_end, len(self.texts)):
            if self.texts[index] in _CONNECTORS:
                start = self.words[index].end
                if any(
                    q.start >= start and (q.unit == "%" or q.currency)
                    for q in self.measurement.quantities
                ):
                    return True
        return False

    def _measure_after(self, index: int) -> bool:
        start = self.words[index].end
        return bool(self.measurement.relative_change) or any(
            q.start >= start for q in self.measurement.quantities
        )

    def _words_after(self, offset: int, count: int) -> list[str]:
        return [w.text for w in self.words if w.start >= offset][:count]

    def _metric_in(self, words: list[str]) -> bool:
        metric = self.lex["metric-nouns"].terms
        for i in range(len(words)):
            if words[i] == "time" and not_a_duration(words[:i]):
                continue  # "full time contributors", "on time" name no metric
            if any(tuple(words[i : i + size]) in metric for size in (1, 2)):
                return True
        return False

    def _qualified_population(self, words: list[str]) -> bool:
        # "10,000 weekly active users", "500 weekly active developers": a defined population.
        qualifiers = self.lex["population-qualifiers"]
        return sum(w in qualifiers for w in words[:3]) >= 1 and any(
            w in ("active", "paying", "weekly", "monthly", "daily", "retained", "returning")
            for w in words[:3]
        )

    # -- what is counted ----------------------------------------------------------------------
    @cached_property
    def binary(self) -> str | None:
        """The status asked for ("certification", "award") when the result is done/not-done."""
        lead = self.lead
        if lead is None or lead.noun_reading:
            return None
        if (
            any(q.value != 0 for q in self.measurement.quantities)
            or self.measurement.relative_change
        ):
            return None  # a measured result, not a status ("zero findings" is the pass mark)
        if self.texts[0] in _STATE_PARTICIPLES:
            return self.texts[0]  # "Named a Leader in the G2 grid", "Ranked #1 on Product Hunt"
        standards = self.lex["org-standards"]
        status = [s for s in self.lex["status-nouns"].find(self.texts) if s[2][0] not in standards]
        if status and any(
            w.endswith("ed") or w in ("won", "signed") for w in self.texts[status[0][1] :][:2]
        ):
            return " ".join(status[0][2])  # "Accreditation reaffirmed by HLC", "Contract signed"
        if lead.kind == "activity" and lead.base in _OBTAINING:
            # "Sign the master agreement", "Complete ISO 9001 recertification": a status sought.
            found = self.lex["status-nouns"].find(self.texts[: lead.end + 7], lead.end)
        elif lead.base in self.lex["binary-verbs"] or lead.base in ("be", "become"):
            found = self.lex["status-nouns"].find(self.texts, lead.end)
            state = self.texts[lead.end] if lead.end < len(self.texts) else ""
            if not found and lead.base in ("be", "become", "get") and state.endswith("ed"):
                return state  # "Get listed…", "Be featured in…": a state reached or not
        else:
            return None
        return " ".join(found[0][2]) if found else None

    @cached_property
    def effort(self) -> str | None:
        """An effort or vanity noun that the key result counts ("200 cold calls", "page views")."""
        if not (
            self.has_measure
            or "number" in self.texts
            or (self.lead and self.lead.kind == "outcome")
        ):
            return None
        if self.direction == "decrease":
            return None  # fewer calls or meetings for the same result is efficiency, an outcome
        for start, end, term in self._effort_terms():
            if not self._counted_head(start, end):
                continue
            before = self.texts[max(0, start - 3) : start]
            if before and before[-1] in ("per", "each", "every", "a"):
                continue  # a denominator: "revenue per call"
            if before and before[-1] in _QUALITY_FILTERS:
                continue  # "qualified meetings", "successful demos": the filter makes it a result
            if "of" in before[-2:]:
                owner = before[before.index("of") - 1] if before.index("of") else ""
                if owner not in ("number", "count", "amount", "#"):
                    continue  # a ratio of them: "% of calls answered", "adoption of new features"
            return " ".join(term)
        return None

    def _counted_head(self, start: int, end: int) -> bool:
        """Whether the words at [start, end) are what is counted, not a source, a filter, a
        name or part of a compound ("revenue from workshops", "visitors who renew",
        "Downloads-to-Activation rate", "the Spring Workshops")."""
        before = self.texts[max(0, start - 3) : start]
        if any(w in ("from", "among", "for") for w in before):
            return False
        following = self.texts[end] if end < len(self.texts) else ""
        if following in ("who", "that", "which") or following.endswith("ing"):
            return False
        word = self.words[start]
        hyphen = "-" in (
            self.source[word.end : word.end + 1],
            self.source[word.start - 1 : word.start],
        )
        # A capital after a lower-case word starts a name; a Title Case KR capitalises all.
        name = (
            start > 0
            and word_is_capital(self.source, word)
            and not word_is_capital(self.source, self.words[start - 1])
        )
        return not hyphen and not name

    def _effort_terms(self) -> list[tuple[int, int, tuple[str, ...]]]:
        """Effort nouns from the lexicon, and "<things> <made>" output counts.

        E.g. "dashboards published".
        """
        found = self.lex["effort-metrics"].find(self.texts)
        population, metric, made = (
            self.lex["population-nouns"],
            self.lex["metric-nouns"],
            self.lex["output-participles"],
        )
        for index in range(1, len(self.texts)):
            word, noun = self.texts[index], self.texts[index - 1]
            if noun in population or noun in metric or noun[:1].isdigit() or noun in _NOT_NOUNS:
                continue
            if word == "hours":
                found.append(
                    (index - 1, index + 1, (noun, word))
                )  # "training hours", not "4 hours"
            elif noun.endswith("s") and word in made:
                found.append(
                    (index - 1, index + 1, (noun, word))
                )  # "dashboards published", "events held"
        return sorted(found)

    @cached_property
    def vague(self) -> str | None:
        """A vague word left unquantified."""
        if self.has_measure:
            return None
        for start, end, term in self.lex["vague-words"].find(self.texts):
            if term == ("more",) and "than" in self.texts[end : end + 5]:
                continue  # "more accurate counts than last quarter" is a checkable comparison
            if start > 0 and self.texts[start - 1] == "the" and end < len(self.texts):
                continue  # "migrated to the improved EHR": names a thing, sets no goal
            if quoted(self.source, self.words[start].start, self.words[end - 1].end):
                continue  # 'Cut "improve search" feedback tickets' mentions the word
            if (
                start > 0
                and self.source[self.words[start].start : self.words[start].start + 1].isupper()
            ):
                continue  # part of a name: "Great Place to Work", "Better Business Bureau"
            return " ".join(term)
        return None

    @cached_property
    def unqualified_population(self) -> str | None:
        """A counted "users"/"customers" with nothing saying which ones."""
        qualifiers = self.lex["population-qualifiers"]
        for start, end, term in self.lex["population-nouns"].find(self.texts):
            window = self.texts[max(0, start - 3) : start]
            following = self.texts[end] if end < len(self.texts) else ""
            if (
                qualifiers.find(window)
                or following in _RELATIVE_CLAUSE
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
                and after not in _DETERMINERS
                and after not in ("$", "€", "£")
            ):
                continue  # "50 customers to pay for Pro": the clause says which ones
            counted = (
                any(w[:1].isdigit() or w in ("number", "count", "#") for w in window)
                or (
                    self.lead is not None
                    and self.lead.index >= start - 3
                    and any(form in _COUNTING_VERBS for form in base_forms(self.lead.base))
                )
                or following in ("to", "from", "by")
            )
            if counted:
                return " ".join(term)
        return None

    @cached_property
    def metric(self) -> str | None:
        """The measured thing as written: "Grow NPS from 30 to 45" -> "NPS"."""
        if self.lead is None or self.lead.kind != "outcome" and self.lead.kind != "maintenance":
            return None
        spans = [(q.start, q.end) for q in self.measurement.quantities]

        def in_quantity(index: int) -> bool:
            return any(a <= self.words[index].start < b for a, b in spans)

        start = self.lead.end
        while start < len(self.texts) and (in_quantity(start) or self.texts[start] in _METRIC_SKIP):
            start += 1
        end = start
        while (
            end < len(self.texts) and self.texts[end] not in _METRIC_STOPS and not in_quantity(end)
        ):
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
        return any(w in _UNIVERSAL for w in self.texts)
