"""Word sets kept as data in corpora/english/: grammar.toml holds the function words and small
closed word sets the reading needs; other files (separation.toml, ambition.toml, …) hold the
word sets of one group of rules."""

from __future__ import annotations

import tomllib
from functools import cache

from okrlint.resources import data_dir


@cache
def _sets(file_stem: str) -> dict[str, frozenset[str]]:
    path = data_dir("corpora") / "english" / f"{file_stem}.toml"
    data = tomllib.loads(path.read_text("utf-8"))
    # TOML keys read best hyphenated ("after-predicate"); callers name them as identifiers.
    return {name.replace("-", "_"): frozenset(words) for name, words in data.items()}


def word_set(file_stem: str, name: str) -> frozenset[str]:
    """The named set from corpora/english/<file_stem>.toml; a KeyError names a missing set."""
    return _sets(file_stem)[name]


def words(name: str) -> frozenset[str]:
    """The named grammar set ("determiners", "copulas", …); a KeyError names a missing set."""
    return word_set("grammar", name)
