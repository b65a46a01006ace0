"""Whether a short value names an objective or a key result: a CSV row's "Category" cell
("Obj", "KR"), a tree node's `type` ("objective", "key_result")."""

from __future__ import annotations

import re
from functools import cache

from okrlint.loaders.vocabulary import vocabulary

OBJECTIVE, KEY_RESULT = "objective", "key_result"


@cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = vocabulary()
    objective = re.compile(rf"(?:{words.strong_objective}|goal|okr|o)(?:s|es|e|en)?", re.I)
    key_result = re.compile(rf"(?:{words.key_result})(?:s|e|en|er|es)?", re.I)
    return objective, key_result


def item_kind(value: object) -> str | None:
    """OBJECTIVE or KEY_RESULT when `value` names one ("Obj", "KR 1.2", "key_result")."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    text = " ".join(re.sub(r"[\d.#:_\-–]+", " ", value).split())
    objective, key_result = _words()
    if text and key_result.fullmatch(text):
        return KEY_RESULT
    if text and objective.fullmatch(text):
        return OBJECTIVE
    return None
