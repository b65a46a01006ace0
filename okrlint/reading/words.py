"""The units a reading works on: words with their offsets, and the leading verb."""

from __future__ import annotations

from dataclasses import dataclass


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
