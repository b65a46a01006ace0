"""Grammar word sets (corpora/english/grammar.toml): function words the reading needs."""

from __future__ import annotations

import tomllib
from functools import cache

from okrlint.resources import data_dir


@cache
def _sets() -> dict[str, frozenset[str]]:
    data = tomllib.loads((data_dir("corpora") / "english" / "grammar.toml").read_text("utf-8"))
    return {name.replace("-", "_"): frozenset(words) for name, words in data.items()}


def words(name: str) -> frozenset[str]:
    """The named set ("determiners", "copulas", …); a KeyError names a missing set."""
    return _sets()[name]
