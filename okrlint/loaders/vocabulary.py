"""The words that structure OKR files (corpora/layout/vocabulary.toml), read once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from okrlint.resources import data_dir


@dataclass(frozen=True)
class Vocabulary:
    """Word lists by role; each `*_words` is an alternation ready for a regex."""

    strong_objective: str
    weak_objective: str
    objective_section: str
    key_result: str
    kr_section: str
    generic_sections: frozenset[str]
    other_section: str
    trailing_section: str
    hard_section: str
    explainer: str
    example_heading: str
    course_heading: str
    metadata_keys: frozenset[str]
    cycle_keys: frozenset[str]
    note_keys: frozenset[str]
    deadline_keys: frozenset[str]
    placeholder_tags: frozenset[str]
    result_keys: frozenset[str]
    empty_cells: frozenset[str]
    # YAML key synonyms by okrlint key ("objectives", "objective_title", "key_results",
    # "key_result_title"), normalised by `yaml_key`, in order of preference.
    yaml_keys: dict[str, tuple[str, ...]]


def alternation(words: list[str]) -> str:
    """A regex alternation of `words`, longest first; a space also matches '-' or nothing."""
    parts = [
        r"[\s\-]*".join(re.escape(piece) for piece in word.split())
        for word in sorted(set(words), key=lambda w: (-len(w), w))
    ]
    return "(?:" + "|".join(parts) + ")"


def yaml_key(name: str) -> str:
    """A YAML key as the synonym lists hold it: lower-case, without '_', '-' or spaces."""
    return "".join(ch for ch in name.lower() if ch not in "_- ")


def phrase_key(word: str) -> str:
    """A key or a label word as the word lists hold it: lower-case, '-' and '_' as spaces, one
    space between words ("Due-Date", "due_date" and "due  date" are "due date")."""
    return " ".join(word.lower().replace("-", " ").replace("_", " ").split())


@cache
def vocabulary() -> Vocabulary:
    data = tomllib.loads((data_dir("corpora") / "layout" / "vocabulary.toml").read_text("utf-8"))
    objective, key_result = data["objective"], data["key_result"]
    metadata = data["metadata"]
    return Vocabulary(
        strong_objective=alternation(objective["strong"]),
        weak_objective=alternation(objective["weak"]),
        objective_section=alternation(objective["sections"]),
        key_result=alternation(key_result["words"]),
        kr_section=alternation(key_result["sections"]),
        generic_sections=frozenset(phrase_key(w) for w in key_result["generic_sections"]),
        other_section=alternation(data["other_section"]["words"]),
        trailing_section=alternation(data["other_section"]["trailing"]),
        hard_section=alternation(data["other_section"]["hard"]),
        explainer=alternation(data["other_section"]["explainers"]),
        example_heading=alternation(data["other_section"]["example_headings"]),
        course_heading=alternation(data["other_section"]["course_headings"]),
        metadata_keys=frozenset(phrase_key(w) for w in [*metadata["keys"], *metadata["result_keys"]]),
        cycle_keys=frozenset(phrase_key(w) for w in metadata["cycle_keys"]),
        note_keys=frozenset(phrase_key(w) for w in metadata["note_keys"]),
        deadline_keys=frozenset(phrase_key(w) for w in metadata["deadline_keys"]),
        placeholder_tags=frozenset(metadata["placeholder_tags"]),
        result_keys=frozenset(phrase_key(w) for w in metadata["result_keys"]),
        empty_cells=frozenset(metadata["empty_cells"]),
        yaml_keys={
            role: tuple(yaml_key(word) for word in words)
            for role, words in data["yaml_keys"].items()
        },
    )
