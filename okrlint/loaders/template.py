"""The seed template "We will <objective> as measured by <KR>, <KR> and <KR>" (DESIGN §2).

Splits the sentence into key results with their offsets, and reads a deadline written once at
the end of the sentence as the deadline of every key result in it.
"""

from __future__ import annotations

import datetime as dt
import re

from okrlint.measure import Deadline, cycle_end, cycle_year, parse_deadline

# "We will X as measured by A, B and C." and "We will X as measured by:" (the KRs follow as a list)
# The objective ends on a non-space (?<!\s) and the spaces after it are taken at once (*+, ++):
# a long run of spaces was otherwise split every way between "\s*" and "\s+" (4 s on a
# 1,750-character line, found by fuzzing).
TEMPLATE = re.compile(
    r"^we\s++will\s++(?P<objective>.+?)(?<!\s)(?:\s*+,)?\s++as\s++measured\s++by\s*:?(?:\s+|$)",
    re.IGNORECASE,
)
# "We will grow revenue." alone: an objective still waiting for its key results. The objective
# ends at the first sentence end ("grow revenue to $2.5M" keeps its decimal point).
OBJECTIVE_ONLY = re.compile(
    r"^we\s++will\s++(?P<objective>.+?)(?<!\s)\s*+(?:[.!?](?=\s|$)|$)", re.IGNORECASE
)
_SERIAL_AND = re.compile(r"^(?P<head>.+?),?\s+and\s+(?P<tail>\S.*)$")
# What may stand before a deadline written for all the key results: "…, all by June 30".
_ALL = re.compile(r"^(?:(?:and\s+)?(?:all|both|each)\s+)?$", re.IGNORECASE)
_EXPLICIT_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def key_results(text: str) -> tuple[list[tuple[int, str]], str | None]:
    """The KRs after "as measured by", with their offsets, and a deadline they share.

    "A, B and C by June 30": the phrase closes the sentence, so it dates A and B as well as C.
    A piece that is only the phrase ("A, B and C, all by June 30") is not a key result.
    """
    pieces = _comma_pieces(text.rstrip().rstrip("."))
    deadline = _trailing_deadline(pieces[-1][1]) if len(pieces) > 1 else None
    if deadline is not None and _ALL.match(pieces[-1][1][: deadline.start]):
        pieces.pop()
    pieces = [(offset, piece.strip()) for offset, piece in _serial_and(pieces) if piece.strip()]
    if len(pieces) < 2:
        return pieces, None
    deadline = deadline or _trailing_deadline(pieces[-1][1])
    return pieces, deadline.text if deadline else None


def _trailing_deadline(piece: str) -> Deadline | None:
    found = parse_deadline(piece)
    return found if found is not None and not piece[found.end :].strip(" .;,") else None


def _comma_pieces(text: str) -> list[tuple[int, str]]:
    # Commas inside numbers (1,000) are not separators: a separator comma has a space after it.
    separator = r";\s*" if ";" in text else r",\s+"
    pieces: list[tuple[int, str]] = []
    position = 0
    for part in re.split(f"({separator})", text):
        if not re.fullmatch(separator, part):
            pieces.append((position, part))
        position += len(part)
    return pieces


def _serial_and(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    if len(pieces) > 1:
        offset, last = pieces[-1]
        if last.lower().startswith("and "):
            return [*pieces[:-1], (offset + 4, last[4:])]
        if serial := _SERIAL_AND.match(last):
            tail = (offset + serial.start("tail"), serial.group("tail"))
            return [*pieces[:-1], (offset, serial.group("head")), tail]
        return pieces
    offset, text = pieces[0]
    pair = _SERIAL_AND.match(text)
    if pair and all(re.search(r"\d", pair.group(side)) for side in ("head", "tail")):
        # "<KR> and <KR>" (two results, no comma): split only when both halves carry a number,
        # so "Grow revenue and margin by 10%" stays one key result.
        return [(offset, pair.group("head")), (offset + pair.start("tail"), pair.group("tail"))]
    return pieces


def due_date(phrase: str, cycle: str | None) -> dt.date | None:
    """The date a shared deadline phrase names, when its year is known from the phrase or the
    document's cycle; None otherwise ("by launch", or "by June 30" with no cycle). The date
    never depends on the day okrlint runs, so output stays the same from day to day."""
    written = _EXPLICIT_YEAR.search(phrase)
    year = int(written.group(0)) if written else cycle_year(cycle)
    if year is None:
        return None
    deadline = parse_deadline(phrase, year)
    if deadline is not None and deadline.date is not None:
        return deadline.date
    # Period ends the measure module leaves undated: the year's, or the cycle's own end.
    lower = phrase.lower()
    if re.search(r"\b(?:end\s+of\s+(?:the\s+)?year|eoy|year[\s-]end)\b", lower):
        return dt.date(year, 12, 31)
    if re.search(r"\bend\s+of\s+(?:the\s+)?cycle\b", lower):
        return cycle_end(cycle)
    quarterly = re.search(r"q[1-4]", cycle or "", re.IGNORECASE)  # an annual cycle has four
    if quarterly and re.search(r"\b(?:end\s+of\s+(?:the\s+)?quarter|eoq|quarter[\s-]end)\b", lower):
        return cycle_end(cycle)
    return None
