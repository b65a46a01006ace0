"""Word lists kept as data under corpora/lexicons/, matched on normalised word sequences."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from okrlint.resources import data_dir

# One word as both lexicon terms and analysed texts split it: they must agree, or terms
# silently never match.
WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?|[%$€£#]")


def normalise(text: str) -> tuple[str, ...]:
    """Lower-case words with hyphens, slashes and apostrophes as breaks ("Best-in-class")."""
    return tuple(WORD.findall(text.lower().replace("’", "'").replace("'s", "")))


def _singulars(word: str) -> tuple[str, ...]:
    """The singulars a plural may have: "increases" -> "increase", "bonuses" -> "bonus"."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return ()
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    return (word[:-1], word[:-2]) if word.endswith("es") else (word[:-1],)


@dataclass(frozen=True)
class Lexicon:
    """A named list of terms (one or more words); some lists carry a value per term."""

    name: str
    terms: frozenset[tuple[str, ...]]
    values: Mapping[tuple[str, ...], str] = field(default_factory=dict)

    def __contains__(self, word: object) -> bool:
        return (word,) in self.terms if isinstance(word, str) else word in self.terms

    @cached_property
    def nouns(self) -> bool:
        """Whether a plural matches the listed singular. Not in verb and phrase lists: there a
        final -s is the third person ("A daemon runs for 10 days" is not "run")."""
        return not self.name.endswith(("-verbs", "-participles", "hedges", "completion-words"))

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every term."""
        return frozenset(term[0] for term in self.terms)

    @cached_property
    def _index(self) -> tuple[dict[tuple[str, ...], tuple[str, ...]], dict[str, tuple[int, ...]]]:
        """Every form a term matches (the listed words, and for nouns the plurals of its last
        word) mapped to the listed term, and for each first word the sizes of the forms that
        start with it, longest first: one dictionary look-up per candidate instead of
        recomputing singulars for every word of every text."""
        forms: dict[tuple[str, ...], tuple[str, ...]] = {term: term for term in self.terms}
        if self.nouns:
            for term in self.terms:
                last = term[-1]
                plurals = {last + "s", last + "es"}
                if last.endswith("y"):
                    plurals.add(last[:-1] + "ies")
                for plural in plurals:
                    form = (*term[:-1], plural)
                    if form in forms or last not in _singulars(plural):
                        continue
                    # The singular _singulars gives first wins, as when it was tried in order.
                    forms[form] = next(
                        (*term[:-1], s) for s in _singulars(plural) if (*term[:-1], s) in self.terms
                    )
        sizes: dict[str, set[int]] = {}
        for form in forms:
            sizes.setdefault(form[0], set()).add(len(form))
        return forms, {word: tuple(sorted(n, reverse=True)) for word, n in sizes.items()}

    def find(self, words: Sequence[str], start: int = 0) -> list[tuple[int, int, tuple[str, ...]]]:
        """Longest-first matches as (start, end, term) word indices, not overlapping.

        A term also matches with its last word in the plural ("salary increases" finds
        "salary increase"); the term returned is the one listed.
        """
        forms, sizes = self._index
        found = []
        index, count = start, len(words)
        while index < count:
            # Inlined _longest_at: most words start no term, and this loop runs on every word
            # of every text for every lexicon.
            for size in sizes.get(words[index], ()):
                if index + size <= count:
                    term = forms.get(tuple(words[index : index + size]))
                    if term is not None:
                        found.append((index, index + size, term))
                        index += size
                        break
            else:
                index += 1
        return found

    def match_at(self, words: Sequence[str], index: int) -> int:
        """How many words from `index` on form a term (0 when none starts there)."""
        return self._longest_at(words, index)[0]

    def _longest_at(self, words: Sequence[str], index: int) -> tuple[int, tuple[str, ...]]:
        if index >= len(words):
            return 0, ()
        forms, sizes = self._index
        for size in sizes.get(words[index], ()):
            if index + size <= len(words):
                term = forms.get(tuple(words[index : index + size]))
                if term is not None:
                    return size, term
        return 0, ()

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
