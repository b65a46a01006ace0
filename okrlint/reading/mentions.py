"""Words that are mentioned or named rather than used, and what stands before a key result."""

from __future__ import annotations

import re
from collections.abc import Sequence

from okrlint.loaders.labels import KR_LABEL
from okrlint.reading.grammar import words
from okrlint.reading.words import Word

# What teams put in front of a key result that is not part of it: checkboxes, priorities
# ("[P1]", "`PX` -"), "Key Result:" labels and owner or team prefixes ("Customer Success: …").
_LABEL = re.compile(
    r"^\s*(?:[`'\"*_]+\s*)?"
    # "[P1]", "P0", "(P2)", "P0-JM", "P2-JM/BP" (priority and owners), each with an optional
    # score: "(0.5)", "(0.4 -- slide made, server missing)", "P1: 1.0:"
    r"(?:(?:\[[ xX]\]|\[[Pp]\d\]|\(?[Pp][X\d](?:-[A-Z]{1,4}(?:/[A-Z]{1,4}){0,3})?(?![\w.])\)?`?)"
    r"(?:\s*\(\s*[01]?\.\d{1,2}(?:\s*--?[^()]{0,120})?\s*\)|\s*:\s*[01](?:\.\d{1,2})?(?=\s*:))?"
    r"\s*[-–:]?\s*`?\s*"
    rf"|(?i:{KR_LABEL.pattern.removeprefix('^')})"  # the loaders' own KR label
    r"|[A-Z][\w&/+.'-]*(?:\s+[A-Za-z][\w&/+.'-]*){0,3}\s*:\s+(?=\S+\s+\S+\s+\S)"
    r")+"
)


def label_length(text: str) -> int:
    """How many leading characters are a label or prefix rather than the key result itself."""
    match = _LABEL.match(text)
    return match.end() if match else 0


# A number redacted in a published OKR: bracketed ("[N0]", "[$N]") or bare, a letter N and a
# digit or a dollar and a letter ("N6 WAU", "$N5 in new IARR", "at least $M in expansion").
# Measurable (RUBRIC.md): the value exists and is withheld.
# The key result's words withheld from the public copy: "Data literacy across the company:
# [Internal only]", "(details confidential)". With no measure left, nobody outside could say
# whether it was met (RUBRIC.md: hidden text is not measurable).
HIDDEN = re.compile(
    r"[\[(]\s*(?:details?\s+)?(?:internal(?:\s+only)?|confidential|redacted|hidden|private|not\s+public|omitted|removed)\s*[\])]",
    re.IGNORECASE,
)
REDACTED = re.compile(r"\[_*\$?[A-Z]{1,2}\d{0,2}_*\]|(?<![\w$])\$?N\d{1,2}\b|(?<!\w)\$[NMK](?!\w)")


# Measured against a target the team already holds: "Keep on-call incidents within agreed
# SLOs", "fraud loss rate under target at GA", "Street capacity ahead of plan". Whether it was
# met can be read off that target (RUBRIC.md: "Meet the <named> goals" is measurable).
AGREED_TARGET = re.compile(
    # Spaces possessive (++, *+): a long run of them is never split every way between them.
    r"\b(?:(?P<beyond>within|under|below|above|over|ahead\s++of|beats?|exceeds?)|on|at|meets?|hits?)\s++"
    r"(?:the\s++|our\s++|its\s++|their\s++)?(?:(?:agreed|committed|defined|set|company|annual)\s++)?"
    r"(?:slos?|slas?|target|targets|plan|budget|quota|forecast)\b",
    re.IGNORECASE,
)


# Results whose target is in the words: profit at or above zero ("Break even on the Hub",
# "Become profitable", "Be cash-flow positive by Q4"). Checkable at the end, and a result.
IMPLICIT_TARGET = re.compile(
    r"\bbreak(?:s|ing)?[\s-]even\b|\bprofitab(?:le|ility)\b|\bcash[\s-]flow[\s-]positive\b",
    re.IGNORECASE,
)

# A grading scale written after a key result: "(0.0 → 1.0)", "(0 -> 1)", "[0-100%]". It says
# how the key result is scored (done or not, on a 0-1 scale), not what it targets.
_SCALE = re.compile(
    r"\s*[(\[]\s*0(?:[.,]0{1,2})?\s*%?\s*(?:→|->|–|—|-|to)\s*(?:1(?:[.,]0{1,2})?|100\s*%)\s*[)\]]"
    r"\s*\.?\s*$"
    # done as a share: "(100% complete)" grades a deliverable, it targets nothing
    r"|\s*\(\s*100\s*%\s*(?:complete|completed|done|finished)\s*\)\s*\.?\s*$"
    # a grading penalty: "(-3 points for each week late)"
    r"|\s*\(\s*[-−+]?\d{1,3}(?:\.\d{1,2})?\s*(?:points?|pts?)\s+(?:for|per)\s+(?:each|every|a)?\s*"
    r"(?:day|week|month|hour)s?\s+(?:late|over|overdue|early)\s*\)\s*\.?\s*$"
)


def without_scale(text: str) -> str:
    """The text without a status note, a grading scale or a grading penalty at its end."""
    text = text[: _status_note_start(text)]
    match = _SCALE.search(text[-40:])
    return text[: len(text) - len(match.group())] if match and match.start() > 0 else text


def _status_note_start(text: str) -> int | None:
    """Where a status note written at a check-in begins, after an arrow at the end of the key
    result ("Agree on a plan. ==> Not Done", "Hire +1 Product Manager. => +0 Job req still
    open"): it reports progress, and read as part of the statement its numbers look like
    targets. The arrow follows a sentence's end or leads a status word (or a bare percentage
    with no number before the arrow), so "from 15 => 10", "80% => 90%" and "checklist (v2) =>
    activation up" stay statements."""
    for arrow in _STATUS_ARROW.finditer(text):
        before = text[max(0, arrow.start() - 40) : arrow.start()].rstrip()  # bounded: linear
        status = _STATUS_WORD.match(text, arrow.end()) or (
            _PERCENT.match(text, arrow.end()) and not any(c.isdigit() for c in text[: arrow.start()])
        )  # "Agree on a pricing plan => 70%": progress, with no number before it to change
        if before and (before[-1] in ".!?" or status):
            return len(before) + max(0, arrow.start() - 40)
    return None


_PERCENT = re.compile(r"\d{1,3}\s?%\s*$")
_STATUS_ARROW = re.compile(r"(?<![=<>-])={1,2}>\s*+")
# (no number: "Increase retention 80% => 90%" is a change, its numbers the start and target)
_STATUS_WORD = re.compile(r"(?:not\s+)?done\b|partial|achieved|missed|in\s+progress\b", re.IGNORECASE)


# A quoted stretch: straight or curly quotes, opened at a word start and closed at a word end
# (so the apostrophe in "team's" is neither).
_QUOTED = re.compile(r"""(?:^|(?<=[\s(\[]))(["'“‘])(.+?)(?:["'”’])(?=$|[\s.,;:!?)\]])""")


def quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside quotes: words mentioned, not used ("Cut 'maybe'
    RSVPs", "tickets tagged 'try to reproduce'", "marked 'to be confirmed'")."""
    whole = len(text.rstrip())
    return any(
        m.start(2) <= start and end <= m.end(2) and not (m.start() == 0 and m.end() == whole)
        for m in _QUOTED.finditer(text)  # a key result quoted whole is still used, not mentioned
    )


def not_a_duration(before: Sequence[str]) -> bool:
    """Whether the words before "time" make it no duration ("on time", "full time")."""
    return bool(before) and before[-1] in words("not_a_duration")


_SHARE_WORDS = words("share_words")


def share_of(before: Sequence[str]) -> bool:
    """Words before a noun that make it the base of a share: "% of customers", "share of …"."""
    return "of" in before and any(w in _SHARE_WORDS for w in before)


def word_is_capital(source: str, word: Word) -> bool:
    return source[word.start : word.start + 1].isupper()
