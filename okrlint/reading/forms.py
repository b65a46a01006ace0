"""English word forms: which parts of speech a word can be, and its lemmas.

The table (corpora/english/forms.tsv) is built from lemminflect's lexicon, itself derived from
the NIH SPECIALIST Lexicon, by corpora/english/build_forms.py: broad-coverage English instead of
hand lists of verbs. It loads in a few milliseconds and lookups are cached per word.
"""

from __future__ import annotations

from functools import cache, lru_cache

from okrlint.resources import data_dir


@cache
def _table() -> tuple[str, int]:
    """The table's text and where its first entry starts. It is searched, not parsed: a run
    looks up a few hundred words, and building a dictionary of all 69,000 forms took longer
    than the rest of a one-file check."""
    text = (data_dir("corpora") / "english" / "forms.tsv").read_text(encoding="utf-8")
    start = 0
    while text.startswith("#", start):  # the header
        start = text.index("\n", start) + 1
    return text, start


def _entry(word: str) -> str:
    """The parts column of `word`'s line, by binary search over the sorted lines ("" if none)."""
    text, low = _table()
    high = len(text)
    while low < high:
        middle = (low + high) // 2
        start = max(text.rfind("\n", low, middle) + 1, low)  # the line `middle` falls in
        tab = text.find("\t", start)
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        form = text[start:tab]
        if form == word:
            return text[tab + 1 : end]
        if form < word:
            low = end + 1
        else:
            high = start
    return ""


@lru_cache(maxsize=16384)
def parts_of_speech(word: str) -> dict[str, tuple[str, ...]]:
    """{"V": lemmas, "N": lemmas, "A": lemmas, "R": lemmas} for the parts of speech the word can
    be ("launches" -> V: launch, N: launch); empty for a word the lexicon does not know."""
    parts = _entry(word.lower())
    found: dict[str, tuple[str, ...]] = {}
    for part in parts.split():
        code, _, lemmas = part.partition(":")
        found[code] = tuple(lemmas.split(","))
    return found


def can_be_verb(word: str) -> bool:
    return "V" in parts_of_speech(word)


def can_be_noun(word: str) -> bool:
    return "N" in parts_of_speech(word)


def graded_form(word: str) -> bool:
    """An adjective's comparative or superlative form ("cheaper", "fastest"), from the lexical
    data, not a list; not a word that is also a noun ("number" is no "more numb")."""
    forms = parts_of_speech(word).get("A", ())
    return any(form != word for form in forms) and not can_be_noun(word)


def can_be_adjective(word: str) -> bool:
    return "A" in parts_of_speech(word)


def known(word: str) -> bool:
    """Whether the lexicon knows the word at all (a name or a code is unknown: "IPFS")."""
    return bool(parts_of_speech(word))


@lru_cache(maxsize=16384)
def base_forms(word: str) -> tuple[str, ...]:
    """The word and its verb lemmas ("shipped" -> shipped, ship); for a word the lexicon does
    not know, the lemmas the usual English endings give ("rebuilt" -> rebuilt, built)."""
    lemmas = parts_of_speech(word).get("V", ())
    forms = [word, *(lemma for lemma in lemmas if lemma != word)]
    if not lemmas:
        forms += _by_ending(word)
    if word.startswith("re") and len(word) > 6 and _prefixed(word, lemmas):
        forms += [form[2:].lstrip("-") for form in forms]
    return tuple(dict.fromkeys(forms))


def _prefixed(word: str, lemmas: tuple[str, ...]) -> bool:
    """Whether "re" is a prefix of `word` ("do again"): the lexicon marks it ("rebuilt", lemma
    "re-build"), does not know the word ("relaunch"), or knows it only as a verb ("retrained",
    "reorganize"). A word that is also a noun stands on its own: "resource" is not
    "re-source", nor "release" "re-lease", nor "research" "re-search"."""
    parts = parts_of_speech(word)
    return not parts or any(form.startswith("re-") for form in lemmas) or "N" not in parts


def _by_ending(word: str) -> list[str]:
    forms = []
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1]]
        if len(word) > 4 and word[-3] == word[-4]:
            forms.append(word[:-3])
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e"]
        if len(word) > 5 and word[-4] == word[-5]:
            forms.append(word[:-4])
    return forms


def noun_lemmas(word: str) -> tuple[str, ...]:
    """The singulars of a noun form ("users" -> user); the word itself when unknown."""
    return parts_of_speech(word).get("N", (word,))
