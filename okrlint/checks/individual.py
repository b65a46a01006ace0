"""P503 individual scorecard: a named person, or each member of a role, graded one by one;
OKRs measure what a team achieves together."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from okrlint.checks.base import Context, Hit
from okrlint.checks.named_person import NAMED_SUBJECT, looks_like_a_person
from okrlint.models import KeyResult
from okrlint.reading import base_forms
from okrlint.reading.grammar import word_set

# Each set's purpose is commented in corpora/english/separation.toml.
_SCORING_VERBS = word_set("separation", "scoring_verbs")
_RECEIVING = word_set("separation", "receiving")
_DISTRIBUTIVE = word_set("separation", "distributive_determiners")
_PLACE_PREPOSITIONS = word_set("separation", "place_prepositions")


def individual_scorecard(kr: KeyResult, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """A named person, or each member of a role, graded one by one (P503)."""
    reading = ctx.analyzer.read(kr.title)
    texts = reading.texts
    lexicons = ctx.analyzer.lexicons
    named = NAMED_SUBJECT.match(kr.title.strip())
    if named and looks_like_a_person(named.group("name"), lexicons) and not reading.product_result:
        # (a product, not a person: "Peerpad handles 20 users without a failure")
        verb = named.group("verb")
        rest = kr.title.strip()[named.end() :]
        following = rest.split()[:1]
        # a verb with no object, a place after it and no number, says what a thing does:
        # "Peerpad runs on Chrome" (a person is scored on what they produce: "Dana closes 12
        # deals", "Maria books on average 10 demos a week")
        intransitive = (
            bool(following) and following[0].lower() in _PLACE_PREPOSITIONS and not any(c.isdigit() for c in rest)
        )
        if _scoring_verb(verb, lexicons) and not intransitive:
            yield Hit(kr, {"who": named.group("name")})
            return
    for index, word in enumerate(texts[:-2]):
        if word not in _DISTRIBUTIVE:
            continue
        roles = lexicons["role-nouns"].find(texts[index + 1 : index + 5])
        if not roles or roles[0][0] > 1:  # one modifier allowed: "each field marketer"
            continue
        verb_at = _skip_hedges(texts, index + 1 + roles[0][1], lexicons["hedges"])
        verb = texts[verb_at] if verb_at < len(texts) else ""
        if verb == "to" or _scoring_verb(verb, lexicons):
            # quoted as written ("each AE", not "each ae")
            last = index + roles[0][1]
            who = f"{word} {reading.source[reading.words[index + 1].start : reading.words[last].end]}"
            yield Hit(kr, {"who": who})
            return


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
