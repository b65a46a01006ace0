"""A cheap guess of the language an OKR file is written in, from its function words and script.

The language rules read English; on German or Swedish OKRs they would fire on words they cannot
read. The loaders record a language other than English on the document, and those rules stay
silent on it (`english-only` in a rule file). A file whose words give no clear sign is English.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import cache

from okrlint.models import MAX_TEXT_CHARS
from okrlint.resources import data_dir

# Scripts whose single characters carry about a word each (Han, kana, Hangul syllables).
_WORD_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_READ = 100_000  # characters of a file's titles the guess reads at most


@cache
def _function_words() -> dict[str, tuple[str, ...]]:
    """Each function word and the languages it belongs to: one look-up per word read."""
    text = (data_dir("corpora") / "layout" / "function-words.toml").read_text("utf-8")
    languages: dict[str, tuple[str, ...]] = {}
    for language, words in tomllib.loads(text).items():
        for word in words:
            languages[word] = (*languages.get(word, ()), language)
    return languages


# How a report names the languages the guess returns ("und": a script other than Latin).
_NAMES = {
    "de": "German", "nl": "Dutch", "fr": "French", "es": "Spanish", "pt": "Portuguese",
    "it": "Italian", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish",
    "pl": "Polish", "tr": "Turkish", "vi": "Vietnamese", "id": "Indonesian",
}


def language_name(code: str) -> str:
    """"Dutch" for "nl"; "a script other than Latin" for "und"; the code itself otherwise."""
    return "a script other than Latin" if code == "und" else _NAMES.get(code, f"'{code}'")


def function_word_languages(word: str) -> tuple[str, ...]:
    """The languages in which `word` (lower-case) is a common function word."""
    return _function_words().get(word, ())


def guess_language(texts: Iterable[str]) -> str | None:
    """The language of `texts` when it is clearly not English ("sv", "de"; "und" for a script
    other than Latin), else None."""
    letters = latin = 0
    counts: dict[str, int] = {}
    lexicon = _function_words()
    budget = _READ  # a guess needs a sample, not a 5 MB file read character by character
    for whole in texts:
        text = whole[: min(len(whole), budget, MAX_TEXT_CHARS)]
        budget -= len(text)
        if budget <= 0:
            break
        counted, in_latin = _letters(text)
        letters += counted
        latin += in_latin
        for word in _WORD.findall(text.lower()):
            for language in lexicon.get(word, ()):
                counts[language] = counts.get(language, 0) + 1
    if letters and latin / letters < 0.5:
        return "und"  # CJK, Cyrillic, Arabic…: no English rule can read it
    english = counts.pop("en", 0)
    if not counts:
        return None
    best = max(sorted(counts), key=lambda language: counts[language])
    # Short English key results share "in", "a" and "de…" with other languages: another
    # language must clearly outnumber English before the language rules fall silent.
    if counts[best] >= 3 and counts[best] >= 2 * english + 2:
        return best
    return None


def text_language(text: str, document_language: str | None) -> str | None:
    """The language of one statement in a document of `document_language` (None: English).

    In an English file a statement clearly in another language ("Opschrijven wat mijn 3
    waarden zijn") is that language. In a file in another script (Thai objectives over English
    key results), a Latin-script statement with English function words is English. In a file in
    another Latin-script language, every statement is taken to be in it: its short key results
    rarely show enough words to tell."""
    if document_language in (None, "en"):
        if text.isascii() and not _foreign_word(text):
            return None  # the usual English key result: one pass over its words
        counted, latin = _letters(text[:MAX_TEXT_CHARS])
        if latin < 0.6 * counted and _english_function_words(text) < 2:
            return "und"  # "学习Doris（从hive导入）": Chinese around Latin names, no English grammar
        return guess_language([text]) or _unknown_words_language(text)
    if document_language == "und" and guess_language([text]) is None:
        return None if _english_function_words(text) >= 2 else document_language
    return document_language


def _english_function_words(text: str) -> int:
    return sum(1 for word in _WORD.findall(text[:MAX_TEXT_CHARS].lower()) if "en" in _function_words().get(word, ()))


def _letters(text: str) -> tuple[int, int]:
    """The letters of `text` and how many are Latin, a Chinese, Japanese or Korean character
    weighing three: it carries about a word, a Latin letter a fifth of one ("研究trino查询hudi源码"
    is Chinese, whatever its Latin names; "Ship 中文 localization" is English)."""
    if text.isascii():  # every letter Latin: no character needs its Unicode name
        alphabetic = sum(map(str.isalpha, text))
        return alphabetic, alphabetic
    letters = latin = 0
    for char in text:
        if not char.isalpha():
            continue
        if char.isascii():
            letters += 1
            latin += 1
            continue
        name = unicodedata.name(char, "")
        letters += 3 if name.startswith(_WORD_SCRIPTS) else 1
        latin += "LATIN" in name
    return letters, latin


def _unknown_words_language(text: str) -> str | None:
    """The language of a short statement whose words English does not know ("De wetten in
    formele zin nastreven": three function words are too few for `guess_language`): most of its
    lowercase words are in no English word list and its function words are another language's.
    Capitalised words are left out, since names and codes are unknown in any language."""
    from okrlint.reading.forms import known  # the English forms table, loaded on first use

    lexicon = _function_words()
    counts: dict[str, int] = {}
    content: list[str] = []
    for word in _WORD.findall(_ADDRESS.sub(" ", text[:MAX_TEXT_CHARS])):
        lowered = word.lower()  # a capitalised function word still counts ("De …")
        if lowered in lexicon:
            for language in lexicon[lowered]:
                counts[language] = counts.get(language, 0) + 1
        elif word.islower():
            content.append(word)
    english = counts.pop("en", 0)
    if not counts:
        return None  # no foreign function word: English, whatever its jargon (the usual case)
    unknown = sum(not known(word) for word in content)
    if unknown * 4 < len(content) * 3:
        return None
    top = max(counts.values())
    # Three unknown words and a foreign article, or two and two foreign function words.
    if top < english or not (unknown >= 3 or (unknown >= 2 and top >= 2 and top > english)):
        return None
    leaders = [language for language, count in counts.items() if count == top]
    return leaders[0] if len(leaders) == 1 else "und"  # "De …" alone: Dutch, French, Spanish…


# URLs, e-mail addresses, paths and dotted names: their parts are no words of any language.
_ADDRESS = re.compile(r"\S*[/@]\S*|\S+\.[a-z]\S*")


def _foreign_word(text: str) -> bool:
    """Whether any word of `text` is a function word of other languages and not of English.
    Words English shares ("in", "a", "over") count for English as much as for the others, so
    without one such word neither guess can name another language."""
    lexicon = _function_words()
    for word in _WORD.findall(text[:MAX_TEXT_CHARS].lower()):
        languages = lexicon.get(word)
        if languages and "en" not in languages:
            return True
    return False
