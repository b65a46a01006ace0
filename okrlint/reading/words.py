"""The units a reading works on: words with their offsets, and the leading verb."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter


# Slots, not frozen: a run builds one Word per token (150,000 for 10,000 key results), and a
# frozen dataclass takes four times as long to build. Readings never change a Word.
@dataclass(slots=True)
class Word:
    text: str  # lower case
    start: int
    end: int
    pos: str = ""  # from a trained pipeline's tagger, when one is configured
    # The word and its verb lemmas, from the pipeline's okrlint_word_forms component
    # ("shipped" -> shipped, ship); empty for the parts of a hyphenated token.
    bases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lead:
    """The word a key result opens with, after any preamble, read against the lexicons."""

    index: int
    end: int  # exclusive word index (multi-word verbs such as "roll out")
    base: str
    kind: str  # activity | outcome | maintenance | binary | other
    noun_reading: bool  # "Build time…", "Launch of…": the verb-looking word is a noun


# Words are in text order and never overlap, so their starts and ends both rise: a binary
# search finds the word at an offset (readings ask it for every number of every key result).
_START, _END = attrgetter("start"), attrgetter("end")


def first_word_from(words: Sequence[Word], offset: int) -> int:
    """The index of the first word that starts at or after `offset` (len(words) if none)."""
    return bisect_left(words, offset, key=_START)


def first_word_ending_after(words: Sequence[Word], offset: int) -> int:
    """The index of the first word that ends after `offset` (len(words) if none)."""
    return bisect_right(words, offset, key=_END)
