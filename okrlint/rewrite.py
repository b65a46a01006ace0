"""Exact rewrites of a key result's text for suggestions: cut a hedge, cut a pay clause.

Each function returns the rewritten text, or None when no clean cut exists; the rule then falls
back to its general suggestion. A wrong rewrite is worse than none, so the cuts are careful.
"""

from __future__ import annotations

import re

# Words that open a clause saying what the result earns rather than what it is. A strong opener
# is taken at its first place after the result; a weak one ("and", "for", a comma) only when no
# strong opener comes before the pay word, and then the last one before it.
_STRONG = re.compile(
    r"\s*(?:;|\((?![^)]*\))|\s[—–]\s|\bso(?: that)?\b|\bin order to\b|\bwhich\b|\bwhere\b"
    r"|\bto (?:qualify|earn|unlock|secure|trigger|receive|release|fund)\b"
    r"|\b(?:tied|linked|pegged) to\b|\bcount(?:s|ing)? (?:for|toward|towards|to)\b"
    r"|\bas part of\b|\bhitting it\b|\bif (?:met|achieved|reached|hit)\b)",
    re.IGNORECASE,
)
_WEAK = re.compile(r"\s*(?:,|\s-\s|\band\b|\bfor\b)", re.IGNORECASE)
_MIN_WORDS = 3  # what is left must still read as a result, not a stub like "Hit quota"


def without_span(text: str, start: int, end: int) -> str | None:
    """`text` with text[start:end] removed ("Hopefully double WAU" → "Double WAU")."""
    after = text[end:]
    if re.match(r"\s*to\s", after, re.IGNORECASE):
        after = re.sub(r"^\s*to\s", " ", after, flags=re.IGNORECASE)  # "We hope to lift" → "lift"
    before = text[:start]
    if re.fullmatch(r"\s*(?:we|i)\s*", before, re.IGNORECASE):
        before = ""  # "We hope to lift win rate" → "Lift win rate": a KR states the result
    rest = _tidy(before + " " + after)
    if "()" in rest.replace(" ", "") or len(rest.split()) < 2:
        return None
    return _capitalised_like(rest, text)


def without_pay_clause(text: str, term_start: int) -> str | None:
    """`text` without the clause that ties it to pay, the pay word starting at `term_start`."""
    head = text[:term_start]
    cut = _clause_start(head)
    if cut is None:
        return None
    kept = head[:cut]
    if head[cut:].lstrip().startswith("("):
        close = text.find(")", term_start)
        if close < 0:
            return None
        kept += " " + text[close + 1 :]  # "(counts toward the bonus)" goes, "by Q4" stays
    kept = _tidy(kept)
    return kept if len(kept.split()) >= _MIN_WORDS else None


def cut_is_clean(text: str, kept: str) -> bool:
    """Whether `kept` is `text` cut where a pay clause surely starts: right after the kept
    words comes a strong opener ("so", "tied to", ";"), not a comma, "and" or "for"."""
    if not text.startswith(kept):
        return False
    rest = text[len(kept) :]
    rest = rest[1:] if rest.startswith(",") else rest  # ", which unlocks …", ", so that …"
    return _STRONG.match(rest) is not None


def _clause_start(head: str) -> int | None:
    for match in _STRONG.finditer(head):
        if len(head[: match.start()].split()) >= _MIN_WORDS:
            return match.start()
    weak = [m.start() for m in _WEAK.finditer(head) if len(head[: m.start()].split()) >= _MIN_WORDS]
    return weak[-1] if weak else None


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,;:.)])", r"\1", text)
    return text.strip(" ,;:-–—")


def _capitalised_like(rest: str, original: str) -> str:
    if original[:1].isupper() and rest[:1].islower():
        return rest[0].upper() + rest[1:]
    return rest


def with_baseline(text: str, target_start: int | None) -> str:
    """`text` with a slot for its starting value: "Grow users to 50k" → "… from <now> to 50k"."""
    text = text.rstrip(" .")
    if target_start is not None:
        to = re.search(r"\b(?:up |down )?to\s+$", text[:target_start], re.IGNORECASE)
        if to:
            return f"{text[: to.start()]}from <current value> {text[to.start() :]}"
    return f"{text} (currently <value>)"


_VOWELS = "aeiou"


def gerund(verb: str) -> str:
    """launch -> launching, ship -> shipping, make -> making, roll out -> rolling out."""
    head, _, rest = verb.partition(" ")
    if head.endswith("ing") and len(head) > 5:
        return verb  # already a gerund: "onboarding", "hiring" ("bring" is a verb)
    if head.endswith("ie"):
        head = head[:-2] + "y"
    elif head.endswith("e") and not head.endswith(("ee", "ye", "oe")):
        head = head[:-1]
    elif (
        len(head) >= 3
        and head[-1] not in _VOWELS + "wxy"
        and head[-2] in _VOWELS
        and head[-3] not in _VOWELS
        and len(re.findall(f"[{_VOWELS}]+", head)) == 1  # one syllable: not "open"
    ):
        head += head[-1]  # ship -> shipping, plan -> planning
    return f"{head}ing" + (f" {rest}" if rest else "")
