"""Word lists kept as data under corpora/lexicons/, matched on normalised word sequences."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from okrlint.resources import data_dir

_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?|[%$€£#]")


def normalise(text: str) -> tuple[str, ...]:
    """Lower-case words with hyphens, slashes and apostrophes as breaks ("Best-in-class")."""
    return tuple(_WORD.findall(text.lower().replace("’", "'").replace("'s", "")))


@dataclass(frozen=True)
class Lexicon:
    """A named list of terms (one or more words); some lists carry a value per term."""

    name: str
    terms: frozenset[tuple[str, ...]]
    values: Mapping[tuple[str, ...], str] = field(default_factory=dict)

    @cached_property
    def longest(self) -> int:
        return max((len(t) for t in self.terms), default=1)

    def __contains__(self, word: object) -> bool:
        return (word,) in self.terms if isinstance(word, str) else word in self.terms

    @cached_property
    def first_words(self) -> frozenset[str]:
        return frozenset(term[0] for term in self.terms)

    def find(self, words: Sequence[str], start: int = 0) -> list[tuple[int, int, tuple[str, ...]]]:
        """Longest-first matches as (start, end, term) word indices, not overlapping."""
        found = []
        index = start
        first_words = self.first_words
        while index < len(words):
            if words[index] not in first_words:
                index += 1
                continue
            for size in range(min(self.longest, len(words) - index), 0, -1):
                term = tuple(words[index : index + size])
                if term in self.terms:
                    found.append((index, index + size, term))
                    index += size
                    break
            else:
                index += 1
        return found

    def value(self, term: tuple[str, ...]) -> str | None:
        return self.values.get(term)

    def extended(self, extra: Sequence[str]) -> Lexicon:
        return Lexicon(
            self.name, self.terms | {normalise(t) for t in extra if normalise(t)}, self.values
        )


def read_lexicon(path: Path) -> Lexicon:
    terms: set[tuple[str, ...]] = set()
    values: dict[tuple[str, ...], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        term, _, value = line.partition("\t")
        words = normalise(term)
        if words:
            terms.add(words)
            if value.strip():
                values[words] = value.strip()
    return Lexicon(path.stem, frozenset(terms), values)


@cache
def bundled_lexicons() -> dict[str, Lexicon]:
    folder = data_dir("corpora") / "lexicons"
    return {path.stem: read_lexicon(path) for path in sorted(folder.glob("*.txt"))}


def lexicons(extra: Mapping[str, Sequence[str]] | None = None) -> dict[str, Lexicon]:
    """The bundled lexicons, extended with a config's `lexicon` table (unknown names are errors)."""
    base = bundled_lexicons()
    if not extra:
        return base
    unknown = sorted(set(extra) - set(base))
    if unknown:
        raise KeyError(f"unknown lexicon {unknown[0]!r} (known: {', '.join(sorted(base))})")
    return {name: lex.extended(extra.get(name, ())) for name, lex in base.items()}
