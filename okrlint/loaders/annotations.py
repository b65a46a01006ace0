"""Progress, score and weight written after an objective or key result: "(70%)", "– 0.7",
"（40%）", "(weight 30%)", a trailing "[x]"; and the owner's handle in brackets before it
("[momack2] Form 3+ relationships"). They describe the item; they are not its target.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from okrlint.loaders.vocabulary import vocabulary

_PERCENT = r"(?P<percent>\d{1,3}(?:[.,]\d{1,2})?)\s*%"
_FRACTION = r"(?P<fraction>0?[.,]\d{1,3}|1[.,]0{1,3})"
# Anchored at the start of a run of spaces, its spaces possessive (*+): a long run was
# rescanned from every character of it, and split every way between neighbouring "\s*".
_TRAILING = re.compile(
    r"(?<!\s)(?:\s*+[(（]\s*+(?P<weighted>weight|w|gewicht|peso|poids)\s*+[:=]?\s*+"
    r"(?P<weight>\d{1,3})\s*+%\s*+[)）]"
    rf"|\s*+[(（]\s*+(?:progress|done|score|status)?\s*+[:=]?\s*+{_PERCENT}"
    r"\s*+(?:done|complete[d]?)?\s*+[)）]"
    rf"|\s++[-–—]\s*+(?:(?:est(?:imate[d]?)?|score|forecast)\.?\s*+)?{_FRACTION}"
    r"|\s*+[(（]\s*+(?:score\s*+[:=]?\s*+)?(?P<score>0?\.\d{1,3}|1\.0{1,3})\s*+[)）]"
    r"|\s*+\[(?P<box>[xX✓✔ ])\]"
    # "✔ 20 May", "✔ 84%": a done mark and when or how far, after a result met
    r"|\s++(?P<met>[✔✅☑✓])\s*+(?:\d{1,3}(?:[.,]\d{1,2})?\s?%|\d{1,2}\s++[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\s++\d{1,2})"
    # "(7/10)": a score out of ten; " – 2": a grade on the team's own scale (en or em dash)
    r"|\s*+[(（]\s*+(?P<tenths>\d{1,2})\s*+/\s*+10\s*+[)）]"
    r"|\s++[–—]\s?(?P<grade>10|\d))"
    r"\s*+$"
)


@dataclass(frozen=True)
class Annotation:
    """What the trailing annotation says, each as a fraction 0-1."""

    progress: float | None = None
    score: float | None = None
    weight: float | None = None
    owner: str | None = None


# A team's tracker puts the owner's handle first: "[terichadbourne] Offline Camp planning is
# underway …". A lower-case handle (letters, digits, "._-") in brackets, then the capitalised
# text; read as a placeholder it would make the key result "not measurable".
_LEADING_OWNER = re.compile(r"^\[@?(?P<owner>[a-z][a-z0-9_.-]{1,38})\]\s+(?=[A-Z0-9])")


def owner_tag(text: str) -> re.Match[str] | None:
    """The owner's handle in brackets at the start of `text`, if it is one (not "[target]")."""
    tag = _LEADING_OWNER.match(text)
    return tag if tag and tag.group("owner") not in vocabulary().placeholder_tags else None


def _status_marks(text: str) -> tuple[str, bool]:
    """The text without the status symbols written before or after it ("✅ PWA installable",
    "🎯 Ship a PWA", "Sign 3 partners 🔴"), and whether one of them marks it done ("✅",
    "✔"). A colour or a target symbol says nothing of progress."""
    words = text.split()
    first = 0
    while first < len(words) and _symbols(words[first]):
        first += 1
    last = len(words)
    while last > first and _symbols(words[last - 1]):
        last -= 1
    if (first == 0 and last == len(words)) or first >= last:
        return text, False  # no mark, or nothing but marks
    marks = "".join(words[:first] + words[last:])
    start = 0
    for word in words[:first]:
        start = text.index(word, start) + len(word)
    start = text.index(words[first], start)
    end = text.rindex(words[last - 1]) + len(words[last - 1]) if last < len(words) else len(text.rstrip())
    return text[start:end], any(ch in _DONE_MARKS for ch in marks)


def _symbols(word: str) -> bool:
    """A word made of emoji and pictographic symbols only ("✅", "🟡", "⚡️"); not arrows,
    degrees or a trademark sign, which stand for words."""
    return all(
        ch in EMOJI_JOINERS or (ord(ch) >= 0x2300 and unicodedata.category(ch) == "So") for ch in word
    ) and any(ch not in EMOJI_JOINERS for ch in word)


# Variation selectors and the zero-width joiner inside an emoji ("⚡️", "👩‍💻").
EMOJI_JOINERS = "\ufe0e\ufe0f\u200d"
_DONE_MARKS = "✅✔☑✓"


# (From the end of a word only, as _TRAILING: a run of spaces is not rescanned from each.)
_TRAILING_OWNER = re.compile(
    r"(?<!\s)\s*+[(（\[]\s*+(?:owners?|dri|lead|responsible)\s*+[:：]\s*+(?P<who>[^()（）\[\]:：]{1,40})[)）\]]\s*+$",
    re.IGNORECASE,
)
# Tags ("#metric", "#team/growth": a letter first, so "#1" stays) and an Obsidian block id
# ("^kr-macros") after the text. (From the end of a word, as _TRAILING.)
_TRAILING_TAGS = re.compile(
    r"(?<!\s)(?:(?:\s++#[A-Za-z][\w/-]{0,40})++(?:\s++\^[A-Za-z0-9-]{1,40})?|\s++\^[A-Za-z0-9-]{1,40})\s*+$"
)
_LEADING_BOX = re.compile(r"^\[(?P<box>[xX✓✔ ])\]\s+(?=\S)")


def split_annotation(text: str) -> tuple[str, Annotation | None]:
    """The text without its annotation, and the annotation (None if there is none): a trailing
    one, or a leading checkbox ("[x] Ship it": a key result written as a task-list item); an
    owner tag before it ("[rkaur] …") is kept in the text and recorded as the owner."""
    bare, done = _status_marks(text)
    if bare != text:
        rest, found = split_annotation(bare)
        if not done:
            return rest, found
        return rest, replace(found or Annotation(), progress=1.0)  # "✅ PWA installable"
    if tag := owner_tag(text):
        # The tag stays in the text (it is what the author wrote); the owner is recorded.
        rest, found = split_annotation(text[tag.end() :])
        return text[: tag.end()] + rest, replace(found or Annotation(), owner=tag.group("owner"))
    if box := _LEADING_BOX.match(text):
        done = box.group("box") != " "
        rest, inner = split_annotation(text[box.end() :])
        return rest, Annotation(progress=1.0 if done else 0.0, owner=inner.owner if inner else None)
    if (owned := _TRAILING_OWNER.search(text)) and text[: owned.start()].strip():
        # "Close the gap to profitability (owner: Chris)": who owns it, not what it says
        # (a run of them is stripped in a loop: one recursion, however many there are)
        who, bare = owned.group("who").strip(), text[: owned.start()].rstrip()
        while (again := _TRAILING_OWNER.search(bare)) and bare[: again.start()].strip():
            bare = bare[: again.start()].rstrip()
        rest, found = split_annotation(bare)
        return rest, replace(found or Annotation(), owner=who)
    if (tags := _TRAILING_TAGS.search(text)) and text[: tags.start()].strip():
        # "Reopen rate below 6% #metric", "… ^kr-macros": a note-taking app's tags and block
        # ids file the line; they are not what it says
        return split_annotation(text[: tags.start()].rstrip())
    match = _TRAILING.search(text)
    if match is None or not text[: match.start()].strip():
        return text, None
    groups = match.groupdict()
    if groups["weight"] is not None:
        annotation = Annotation(weight=int(groups["weight"]) / 100)
    elif groups["percent"] is not None:
        value = float(groups["percent"].replace(",", ".")) / 100
        if value > 1:
            return text, None  # "(150%)" is not a share of done
        annotation = Annotation(progress=value)
    elif groups["tenths"] is not None:
        if int(groups["tenths"]) > 10:
            return text, None
        annotation = Annotation(score=int(groups["tenths"]) / 10)
    elif groups["grade"] is not None:
        annotation = Annotation()  # a grade whose scale the file does not say
    elif groups["fraction"] is not None or groups["score"] is not None:
        value = float((groups["fraction"] or groups["score"]).replace(",", "."))
        annotation = Annotation(score=value)
    else:
        annotation = Annotation(progress=0.0 if groups["box"] == " " else 1.0)
    return text[: match.start()].rstrip(), annotation
