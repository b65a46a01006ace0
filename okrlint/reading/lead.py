"""The leading verb of a key result: after any preamble and hedge, what kind of verb opens it.

Key results are mostly imperative or Title Case ("Launch…", "Grow…"), where taggers often get
the first word wrong, so the verb is read from the lexicons and the English forms table, with
a guard for noun readings ("Build time…", "Launch of…", "Backfills are complete").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from okrlint.lexicons import Lexicon
from okrlint.measure import Measurement
from okrlint.reading.forms import base_forms, can_be_noun, can_be_verb, known, parts_of_speech
from okrlint.reading.grammar import words
from okrlint.reading.words import Lead, Word

# A verb's kind, in the order the lexicons are consulted.
_KINDS = (
    ("maintenance", "maintenance-verbs"),
    ("outcome", "outcome-verbs"),
    ("binary", "binary-verbs"),
    ("activity", "activity-verbs"),
)
# Adjectives that look like verb forms at the start: "Remaining open bugs…".
_ADJECTIVE_FORMS = words("adjective_forms")


def after_preamble(texts: Sequence[str], index: int, hedges: Lexicon) -> int:
    """Skip words and hedges that come before the verb ("We will try to keep churn…")."""
    preamble = words("preamble")
    while index < len(texts):
        if texts[index] in preamble:
            index += 1
            continue
        hedge = hedges.match_at(texts, index)
        if not hedge:
            break
        index += hedge
    return index


def read_lead(
    texts: Sequence[str],
    words_: Sequence[Word],
    measurement: Measurement,
    lex: dict[str, Lexicon],
    source: str,
) -> Lead | None:
    index = after_preamble(texts, 0, lex["hedges"])
    framed = _after_framing(texts, words_, source, index)
    if framed != index:
        index = after_preamble(texts, framed, lex["hedges"])
    if index + 1 < len(texts) and _manner_adverb(texts[index]) and can_be_verb(texts[index + 1]):
        index += 1  # "Independently scan 2,000 projects", "Jointly fund 3 engagements"
    if index >= len(texts):
        return None
    if texts[index] in ("have", "has", "had") and index + 1 < len(texts) and _participle(texts[index + 1]):
        index += 1  # "We have implemented the improvements": the perfect tense, not "have"
    if (
        texts[index] in words("verb_prefixes")
        and index + 1 < len(texts)
        and index < len(words_)
        and source[words_[index].end : words_[index].end + 1] == "-"
        and can_be_verb(texts[index + 1])
    ):
        index += 1  # "Up-sell to 100 customers": the verb is "sell"
    pair = tuple(texts[index : index + 2])
    if texts[index] == "make" and not pair[-1][:1].isdigit():
        # "Make 200 calls", "Make a list of books" are activities; "Make support world-class"
        # states a goal.
        made = texts[index + 2 : index + 4] if pair[-1] in ("a", "an") else []
        if made and lex["output-nouns"].match_at(made, 0):
            return Lead(index, index + 1, "make", "activity", False)
        return Lead(index, index + 1, "make", "other", False)
    if len(pair) == 2 and pair in lex["outcome-verbs"].terms:
        return Lead(index, index + 2, " ".join(pair), "outcome", False)  # "Break even", "Speed up"
    if len(pair) == 2 and pair in lex["activity-verbs"].terms:
        return Lead(index, index + 2, " ".join(pair), "activity", _noun_reading(texts, index + 2, lex, words_, source))
    word = texts[index]
    if index < len(words_) and _COMPOUND.match(source, words_[index].start):
        # "Time-to-first-value under 5 minutes", "Mean-time-to-recovery": a metric's name,
        # its first word no verb.
        return Lead(index, index + 1, word, "other", False)
    if texts[index + 1 : index + 2] == ["to"] and lex["metric-nouns"].match_at(texts, index) == 1:
        # "Time to create a weekly schedule", "Cost to serve": a metric named, then its scope.
        return Lead(index, index + 1, word, "other", False)
    if word in _ADJECTIVE_FORMS:
        return Lead(index, index + 1, word, "other", False)
    following = texts[index + 1] if index + 1 < len(texts) else ""
    if word in words("statistic_openers") and following and not following[:1].isdigit():
        return Lead(index, index + 1, word, "other", False)  # "Average monthly active days per user"
    if index < len(words_) and any(q.start <= words_[index].start < q.end for q in measurement.quantities):
        return Lead(index, index + 1, word, "other", False)  # "Zero Sev-1 incidents": a number
    if _subject_then_change(texts, index, measurement):
        # "Win rate vs. Competitor X improves", "Candidate experience score up by 0.5": a
        # metric named first, then its change; the first word is no imperative
        return Lead(index, index + 1, word, "other", False)
    if word.endswith("ing") and _participle_before_subject(texts, index):
        return Lead(index, index + 1, word, "other", False)  # "Paying customers reach 1,200"
    # The token's forms as the pipeline gave them (okrlint_word_forms), else from the table.
    forms = words_[index].bases if index < len(words_) and words_[index].bases else base_forms(word)
    for kind, name in _KINDS:
        for form in forms:
            if form in lex[name]:
                if kind == "maintenance" and form in lex["activity-verbs"] and (
                    _object_follows(texts, index) or not measurement.quantities
                ):
                    kind = "activity"  # "Hold 4 workshops", "Hold a launch party" vs "Hold churn at 2%"
                if kind == "outcome" and form in lex["activity-verbs"] and not _measured_after(
                    words_, measurement, index
                ):
                    kind = "activity"  # "Deliver the new flow" vs "Deliver $2M in savings"
                # Only a verb that does not take a metric as object can be a noun modifier:
                # "Build time…", "Pass rate…" (but "Reduce churn" is a verb and its object).
                noun = kind in ("activity", "binary") and _noun_reading(texts, index + 1, lex, words_, source)
                if noun and index and _manner_adverb(texts[index - 1]):
                    noun = False  # "Regularly measure offer acceptance rate": an adverb before a verb
                return Lead(index, index + 1, form, kind, noun)
    if word in ("have", "having") and texts[index + 1 : index + 2] and texts[index + 1][:1].isdigit():
        rest = texts[index + 2 :]
        done = lex["completion-words"].find(rest) or set(rest) & words("rhythm_markers")
        if not done:
            # "Have 500 paying clinics", "Having 1M followers": a level held, no work done (but
            # "Have 5 design reviews done", "Having 12 1:1s each month" do work)
            return Lead(index, index + 1, "have", "other", False)
    joined = _joined_phrasal_verb(texts, index, words_, measurement)
    if joined:
        return Lead(index, index + 1, joined, "activity", False)  # "Rollout 20 new languages"
    if _imperative(texts, index, source, words_):
        # Any other verb that opens the key result: "Consolidate…", "Mitigate…", "Draft…".
        lemma = next((f for f in base_forms(word)[1:]), word)
        noun = _metric_name(texts, index, lex) or _a_subject_first(texts, index + 1, lex)
        if noun and index and _manner_adverb(texts[index - 1]):
            noun = False  # "Regularly measure offer acceptance rate": an adverb before a verb
        return Lead(index, index + 1, lemma, "activity", noun)
    if _gerund(word, forms):
        # "Capturing three use cases in a document": the work named as it goes on; a gerund
        # that is also a noun ("Marketing", "Onboarding", "Training") is left as a noun.
        return Lead(index, index + 1, forms[-1], "activity", _a_subject_first(texts, index + 1, lex))
    return Lead(index, index + 1, word, "other", False)


def _after_framing(texts: Sequence[str], words_: Sequence[Word], source: str, index: int) -> int:
    """The word after an opening phrase of time or scope set off by a comma ("By the end of
    Q3, migrate…", "For each engagement, confirm…", "In 2025, launch…"); `index` when none."""
    if index >= len(texts) or texts[index] not in words("framing_openers"):
        return index
    for at in range(index, min(index + 8, len(words_) - 1)):
        if "," in source[words_[at].end : words_[at + 1].start]:
            return at + 1
    return index


def _joined_phrasal_verb(
    texts: Sequence[str], index: int, words_: Sequence[Word], measurement: Measurement
) -> str | None:
    """A phrasal verb written as one word, used as a verb ("Rollout 20 new languages", "Setup
    the staging cluster", "Kickoff the pilot"): a verb and its particle, then a determiner or
    a number, not a noun ("Rollout plan…", "Setup time under 5 minutes")."""
    word = texts[index]
    particle = next((p for p in _PARTICLES if word.endswith(p) and len(word) > len(p) + 2), None)
    if particle is None or index + 1 >= len(texts):
        return None
    verb = word[: -len(particle)]
    if not can_be_verb(verb) or can_be_verb(word):
        return None
    following = words_[index + 1] if index + 1 < len(words_) else None
    counted = following is not None and any(q.start <= following.start < q.end for q in measurement.quantities)
    if texts[index + 1] in words("count_lead_ins"):
        counted = True  # "Rollout at least 20 new actions"
    if texts[index + 1] in words("determiners") or counted:
        return verb
    return None


# Particles of phrasal verbs often written as one word ("rollout", "setup", "kickoff").
_PARTICLES = sorted(words("joined_particles"))


def _manner_adverb(word: str) -> bool:
    """An adverb of manner before the verb ("Independently", "Jointly", "Quickly"): an -ly
    word the forms table knows as an adverb and not as a verb or noun."""
    if not word.endswith("ly"):
        return False
    parts = parts_of_speech(word)
    return "R" in parts and "V" not in parts and "N" not in parts


# Three or more words joined by hyphens: a compound noun, however its first word reads.
_COMPOUND = re.compile(r"[^\W\d_]+-[^\W\d_]+-[^\W\d_]+")


def _subject_then_change(texts: Sequence[str], index: int, measurement: Measurement) -> bool:
    """A noun phrase, then its verb of change or a headline change: the first word can be a
    noun, the next is no determiner or number (it goes on naming the metric: "Win rate",
    "Support ticket sentiment"), and within the next words a verb of change agrees with it
    ("improves", "rises") or "up"/"down" opens the change measured ("up by 0.5")."""
    word = texts[index]
    following = texts[index + 1] if index + 1 < len(texts) else ""
    if not can_be_noun(word) or not following.isalpha() or following in words("determiners"):
        return False
    headline = (measurement.relative_change or "").lower().split()[:1]
    for at in range(index + 2, min(len(texts), index + 9)):
        verb = texts[at]
        if verb in words("clause_starts") or verb in words("subject_clause_breaks"):
            return False  # "Launch pricing page so conversion improves": a verb, then its aim
        if verb in ("up", "down") and headline == [verb]:
            return True
        if (
            verb.endswith("s")
            and not verb.endswith("ss")
            and texts[at - 1] not in words("determiners") | {"to"}
            and set(base_forms(verb)[1:]) & words("subject_change_verbs")
        ):
            return True
    return False


def _participle_before_subject(texts: Sequence[str], index: int) -> bool:
    """An -ing word describing the plural subject of a verb ("Paying customers reach 1,200",
    "Returning visitors grow…"): an adjective, not the work named."""
    following = texts[index + 1 : index + 3]
    return (
        len(following) == 2
        and following[0].endswith("s")
        and can_be_noun(following[0])
        and can_be_verb(following[1])
        and following[1] in base_forms(following[1])  # a plural subject's verb: "reach"
    )


def _gerund(word: str, forms: Sequence[str]) -> bool:
    return word.endswith("ing") and len(forms) > 1 and can_be_verb(word) and not can_be_noun(word)


def _imperative(texts: Sequence[str], index: int, source: str, words_: Sequence[Word]) -> bool:
    """Whether the word at `index` is a verb in the imperative: it can be a verb in its base
    form, and it is not the subject of a sentence ("Backfills are complete") nor the head of
    a noun phrase ("Mac signing", "Beta release of X")."""
    word = texts[index]
    if not can_be_verb(word) or word.endswith(("ing", "ed")) or not known(word):
        return False
    if base_forms(word)[1:] and word not in base_forms(word)[1:]:
        return False  # an inflected form ("launches", "supports"): the subject came first
    following = texts[index + 1] if index + 1 < len(texts) else ""
    if following in words("copulas") or following in words("subject_followers"):
        return False  # "Release of X", "Backfills are complete"
    if _metric_follows(texts, index + 1):
        return False  # "Rescue rate", "Build time": a metric named, not a verb
    if can_be_noun(word) and following and can_be_verb(following) and following.endswith("s"):
        return False  # "Peerpad runs on Chrome": "Peerpad" is no verb; "Search supports…"
    after = texts[index + 2] if index + 2 < len(texts) else ""
    if following.endswith("s") and can_be_noun(following) and _participle(after) and word not in words("causative_verbs"):
        # "Initial concepts explored with design": a subject and its participle (but "Have
        # offers accepted by …", "Get changes merged" have the object done)
        return False
    return True


def _metric_follows(texts: Sequence[str], after: int) -> bool:
    from okrlint.lexicons import bundled_lexicons  # the metric nouns, as the rules read them

    following = list(texts[after : after + 2])
    metric = bundled_lexicons()["metric-nouns"]
    return bool(following) and metric.match_at(following, 0) > 0


def _participle(word: str) -> bool:
    """A past participle of a verb ("implemented", "built", "shipped"), not "have a plan"."""
    return word.endswith(("ed", "en", "lt", "ne", "wn", "ught", "ung")) and any(
        form != word for form in base_forms(word)
    )


def _object_follows(texts: Sequence[str], index: int) -> bool:
    following = texts[index + 1] if index + 1 < len(texts) else ""
    return (
        following[:1].isdigit()
        or following in words("determiners") - {"all", "every", "each"}
        or following in words("object_starts")
    )


def _noun_reading(
    texts: Sequence[str], after: int, lex: dict[str, Lexicon], words_: Sequence[Word], source: str
) -> bool:
    following = texts[after : after + 3]
    if not following:
        return False
    if following[0] in ("of", "s", "'s") or following[0] in words("copulas"):
        return True
    if following[0] in words("determiners") or following[0][:1].isdigit():
        return False
    if _a_subject_first(texts, after, lex):
        return True
    # "Build time…", "Release frequency…", "Design system adoption…": a metric follows.
    metric = lex["metric-nouns"].terms
    # Only right after the verb-looking word: "Create sales pipeline" has an object. And only
    # when the metric ends the phrase: in "Hold engagement celebration" it names a kind of
    # celebration, the verb's object.
    if _metric_name(texts, after - 1, lex):
        return True
    for size in (2, 1):
        span = tuple(following[:size])
        if len(span) == size and span in metric:
            last = after + size - 1
            if last < len(words_) and source[words_[last].end : words_[last].end + 1] == "-":
                return False  # "Launch usage-based scoring": the metric only qualifies the object
            head = texts[after + size] if after + size < len(texts) else ""
            return not (head.isalpha() and can_be_noun(head) and not can_be_verb(head) and head not in words("phrase_breaks"))
    return False


def _a_subject_first(texts: Sequence[str], after: int, lex: dict[str, Lexicon]) -> bool:
    """Whether the verb-looking first word opens a subject: a noun phrase reported done
    ("Billing migration complete") or one of two subjects ("Staging and CI each have a guide")."""
    second = (texts[after + 1],) if after + 1 < len(texts) else ()
    # (not two verbs of work: "Design and ship both pricing pages")
    two = (
        texts[after : after + 1] in (["and"], ["&"])
        and second not in lex["activity-verbs"].terms
        and second not in lex["outcome-verbs"].terms
        and bool(set(texts[after + 2 : after + 4]) & _SUBJECT_MARKS)
    )
    return two or _reported_done(texts, after, lex)


# After "X and Y", words that show the two are the subject: "… each have", "… are", "… both".
_SUBJECT_MARKS = words("copulas") | {"each", "both", "has", "have"}


def _reported_done(texts: Sequence[str], after: int, lex: dict[str, Lexicon]) -> bool:
    """A noun phrase reported done at the end, with no verb of its own ("Billing migration
    complete", "Resource CRUD with image uploads implemented"): the verb-looking first word
    names the work ("billing", "resource"), the whole phrase is the deliverable. Not after a
    verb that takes a state ("Get the docs done", "Make onboarding complete")."""
    first = texts[after - 1]
    if first in words("state_taking_verbs") or len(texts) - after < 2:
        return False
    if not (can_be_noun(first) or first.endswith("ing")):
        return False  # "Migrate billing complete" is no noun phrase
    # One word only: "in production" after an imperative says where ("Launch flags in production").
    last = texts[-1]
    return last == "complete" or lex["completion-words"].match_at(texts, len(texts) - 1) == 1


def _metric_name(texts: Sequence[str], index: int, lex: dict[str, Lexicon]) -> bool:
    """A short name from `index` to the end that ends in a metric, with no phrase break:
    "Prompt Completion Success Rate", "Onboarding completion rate" name a measure, and their
    first word is no imperative."""
    rest = texts[index + 1 :]
    if not 1 < len(rest) <= 4 or any(w in words("phrase_breaks") for w in rest):
        return False
    metric = lex["metric-nouns"]
    return any(metric.match_at(rest, len(rest) - size) == size for size in (2, 1))


def _measured_after(words_: Sequence[Word], measurement: Measurement, index: int) -> bool:
    start = words_[index].end if index < len(words_) else 0
    return any(
        q.start >= start and (q.currency or q.unit in ("%", "x")) for q in measurement.quantities
    )
