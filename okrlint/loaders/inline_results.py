"""Key results written on their objective's own line, as a board deck or a one-page summary
puts them: "O1 Expand into the UK (0.7): (a) 40 UK customers signed; (b) £1.5M UK pipeline".

The key results are read only when they are labelled in sequence ("(a) … (b) …", "1) … 2) …",
"KR1 … KR2 …") after a colon or dash that ends the objective's statement: a list of words
separated by commas or semicolons alone is an objective's own wording ("Faster, safer releases").
"""

from __future__ import annotations

import re

# The label of an inline key result, after a separator or the objective's colon: "(a)", "a)",
# "(1)", "1)", "KR1", "KR 2:". Its letter or number is checked for sequence afterwards.
_LABEL = re.compile(
    r"(?:^|(?<=[;:,·|–—\s-]))(?:\((?P<paren>[a-h]|[1-9])\)|(?P<close>[a-h]|[1-9])\)"
    r"|(?P<kr>KR)\s?(?P<number>[1-9])\s*[:.)–—-]?)\s+",
    re.IGNORECASE,
)


def inline_key_results(text: str) -> tuple[str, list[str]] | None:
    """The objective's statement and its key results, or None when the line states no
    sequence of two or more labelled key results after it."""
    labels = list(_LABEL.finditer(text))
    start = next((i for i, label in enumerate(labels) if _ordinal(label) == 0), None)
    if start is None:
        return None
    sequence = [labels[start]]
    for label in labels[start + 1 :]:
        if _ordinal(label) == len(sequence) and _same_kind(label, sequence[0]):
            sequence.append(label)
    if len(sequence) < 2:
        return None
    head = text[: sequence[0].start()].rstrip()
    if not _ends_statement(head) or not any(char.isalnum() for char in head):
        return None
    results = []
    for label, following in zip(sequence, [*sequence[1:], None]):
        end = following.start() if following is not None else len(text)
        result = text[label.end() : end].strip().rstrip(";,·|").strip()
        if not any(char.isalnum() for char in result):
            return None
        results.append(result)
    return head[:-1].rstrip(), results  # the statement without its colon or dash


def _ends_statement(head: str) -> bool:
    """Whether the text before the first label ends the objective's statement: a colon, or a
    dash after a space (no pattern scanned from each space of a long run)."""
    return head.endswith(":") or (head[-1:] in "–—-" and head[-2:-1].isspace())


def _ordinal(label: re.Match[str]) -> int:
    """0 for "(a)", "1)" or "KR1"; 1 for the next; and so on."""
    mark = (label.group("paren") or label.group("close") or label.group("number")).lower()
    return ord(mark) - ord("a") if mark.isalpha() else int(mark) - 1


def _same_kind(label: re.Match[str], first: re.Match[str]) -> bool:
    def kind(match: re.Match[str]) -> str:
        mark = match.group("paren") or match.group("close") or match.group("number")
        return ("kr" if match.group("kr") else "paren" if match.group("paren") else "close") + (
            "a" if mark.isalpha() else "1"
        )

    return kind(label) == kind(first)
