"""The person-name test shared by P501 (a named learner) and P503 (a named person scored):
a Title Case subject that is someone's name, not a team, metric or role."""

from __future__ import annotations

import re
from typing import Any

from okrlint.reading.forms import graded_form
from okrlint.reading.grammar import word_set

# "Dana closes…", "Dana Whitfield completes…": one or two capitalised words, then a
# third-person verb. Whether the words are a name is left to `looks_like_a_person`.
NAMED_SUBJECT = re.compile(r"^(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s(?P<verb>[a-z]+s)\b")

_TEAM_WORDS = word_set("separation", "team_words")

# Lexicons whose words name metrics, populations, roles or actions: Title Case key results
# ("Checkout Latency drops…") start with these, and a person's name never does.
_NOT_NAME_LEXICONS = (
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


def looks_like_a_person(name: str, lexicons: dict[str, Any]) -> bool:
    """ "Dana Whitfield", not "Customer Success" or "Checkout Latency" (Title Case key results),
    nor a comparative that opens one ("Cheaper builds for the app")."""
    words = name.lower().split()
    if words and graded_form(words[0]):
        return False  # "Cheaper builds…" (but "Sam Younger" is a name)
    return not any(
        w in _TEAM_WORDS or any(w in lexicons[n].first_words for n in _NOT_NAME_LEXICONS)
        for w in words
    )

