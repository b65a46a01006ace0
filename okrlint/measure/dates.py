"""Deadlines and cycles as written: "by March 31", "end of Q2", "by 2026-06-30", "2026-Q2"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from pydantic import BaseModel, ConfigDict

from okrlint.measure.numbers import _WORDS_RE

# Longer names first: "Sept." must not stop at "Sep".
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec"
)
# "early June", "mid-June", "late June": a part of a month.
_PART = r"(?:(?:early|mid|late)[\s-](?:of\s+)?)"
# Numeric dates: "30/06/2026", "06/30/2026", "30.06.2026", "2026/06/30".
_NUMERIC = r"\d{4}/\d{1,2}/\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\.\d{1,2}\.\d{2,4}"

# How to read an ambiguous numeric date ("03/04/2026"): "dmy", "mdy", or "auto" (only dates
# whose order shows, "30/06/2026" or "06/30/2026"). Set per run from the `date-order` setting.
DATE_ORDER: ContextVar[str] = ContextVar("okrlint_date_order", default="auto")


@contextmanager
def date_order(order: str) -> Iterator[None]:
    """Read numeric dates in `order` ("auto", "dmy", "mdy") inside the block."""
    token = DATE_ORDER.set(order)
    try:
        yield
    finally:
        DATE_ORDER.reset(token)
_PERIOD = (
    r"(?:q[1-4]|h[12]|fy\s?\d{2,4}|(?:fiscal\s+|financial\s+|calendar\s+|school\s+|academic\s+)?year|"
    r"quarter|month|half|sprint|cycle|(?:spring\s+|summer\s+|autumn\s+|fall\s+|winter\s+)?term|"
    r"semester|season|week|(?:19|20)\d\d)"
)
_DEADLINE = re.compile(
    r"(?=[abcdefilmnopqstuwy])(?:"  # the first letters of the alternatives: a fast skip
    rf"\b(?:by|before|until|till|through|no later than|not later than|ahead of|prior to|due)\s+"
    rf"(?:the\s+)?(?:end\s+of\s+(?:the\s+)?{_PERIOD}(?:\s+\d{{4}})?|eo[yqm]\b|year[\s-]end|"
    rf"{_PART}?(?:{_MONTHS})\b\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{{4}})?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b\.?(?:,?\s+\d{{4}})?|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|{_NUMERIC}|q[1-4](?:\s+\d{{4}}|\s?'?\d{{2}})?|"
    rf"h[12](?:\s+\d{{4}})?|fy\s?\d{{2,4}}|(?:19|20)\d\d|"
    rf"(?:this|next|the)\s+{_PERIOD}|launch|go-live)"
    rf"|\b(?:end|close)\s+of\s+(?:the\s+)?(?:{_PERIOD}|(?:{_MONTHS}))(?:\s+\d{{4}})?"
    rf"|\b(?:eo[yqm]|year[\s-]end|month[\s-]end|quarter[\s-]end)\b"
    rf"|\b(?:this|next|current)\s+(?:{_PERIOD})\b"
    rf"|\b(?:in|during|within|for)\s+(?:q[1-4]|h[12]|fy\s?\d{{2,4}})(?:\s+\d{{4}})?\b"
    rf"|\b(?:in|during)\s+(?:19|20)\d\d\b"
    rf"|\b(?:in\s+)?{_PART}(?:{_MONTHS})\b(?:\s+\d{{4}})?"
    # "spring 2027", "FY22 Q3", "in the first month (online)": periods named without "by".
    rf"|\b(?:spring|summer|autumn|fall|winter)\s+(?:19|20)\d\d\b"
    rf"|\bfy\s?\d{{2,4}}\s+q[1-4]\b"
    rf"|\bin\s+the\s+first\s+(?:\d+\s+|{_WORDS_RE}\s+)?(?:days?|weeks?|months?|quarter|year)\b"
    rf"|(?<![\w-]ed\s)\b(?:within|in|over)\s+(?:the\s+)?(?:next\s+)?(?:\d+|{_WORDS_RE})\s+"
    rf"(?:days|weeks|months)\b(?=\s*(?:[,.;()]|$|of\s+(?:launch|the\s+cycle)))"
    r")",
    re.IGNORECASE,
)


class Deadline(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    date: dt.date | None = None
    start: int
    end: int


def parse_deadline(text: str, cycle_year: int | None = None) -> Deadline | None:
    """The last deadline phrase in the text ("by March 31", "end of Q2", "by 2026-06-30")."""
    matches = list(_DEADLINE.finditer(text))
    if not matches:
        return None
    match = matches[-1]
    phrase = match.group(0).strip()
    return Deadline(
        text=phrase, date=_to_date(phrase, cycle_year), start=match.start(), end=match.end()
    )


def _numeric_date(phrase: str, year: int | None) -> dt.date | None | bool:
    """A numeric date in the order it shows ("30/06" is day-first, "06/30" month-first), or in
    the `date-order` setting when it does not show; False when the phrase has none."""
    ymd = re.search(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b", phrase)
    if ymd:
        return dt.date(int(ymd.group(1)), int(ymd.group(2)), int(ymd.group(3)))
    found = re.search(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b", phrase)
    if not found:
        return False
    first, second = int(found.group(1)), int(found.group(2))
    if found.group(3):
        year = int(found.group(3)) + (2000 if len(found.group(3)) == 2 else 0)
    if year is None:
        return None
    order = DATE_ORDER.get()
    if first > 12 or (second <= 12 and order == "dmy"):
        day, month = first, second
    elif second > 12 or order == "mdy":
        day, month = second, first
    else:
        return None  # "03/04/2026" with no `date-order`: March 4 or April 3, not guessed
    return dt.date(year, month, day)


def _to_date(phrase: str, year: int | None) -> dt.date | None:
    iso = re.search(r"(\d{4})-(\d{2})-(\d{2})", phrase)
    if not iso and re.search(r"\bfy", phrase, re.IGNORECASE):
        return None  # fiscal years start in different months: no calendar date to give
    try:
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        quarter = re.search(r"\bq([1-4])(?:\s+(\d{4}))?", phrase, re.I)
        explicit_year = re.search(r"\b((?:19|20)\d\d)\b", phrase)
        year = int(explicit_year.group(1)) if explicit_year else year
        if quarter and year:
            month = int(quarter.group(1)) * 3
            return _month_end(year, month)
        numeric = _numeric_date(phrase, year)
        if numeric is not False:
            return numeric  # type: ignore[return-value]
        month_name = re.search(rf"\b({_MONTHS})\b", phrase, re.I)
        if month_name and year:
            month = _month_number(month_name.group(1))
            day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", phrase.replace(str(year), ""))
            if day:
                return dt.date(year, month, int(day.group(1)))
            part = re.search(r"\b(early|mid|late)\b", phrase, re.I)
            if part and part.group(1).lower() != "late":
                return dt.date(year, month, 10 if part.group(1).lower() == "early" else 15)
            return _month_end(year, month)
        if explicit_year and re.search(r"\b(?:by|end of|in)\b", phrase, re.I) and not month_name:
            return dt.date(int(explicit_year.group(1)), 12, 31)
    except ValueError:
        return None
    return None


def cycle_year(cycle: str | None) -> int | None:
    """The calendar year a cycle names ("2026-Q2" -> 2026), if any."""
    year = _YEAR.search(cycle or "")
    return int(year.group(1)) if year else None
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def cycle_end(cycle: str | None) -> dt.date | None:
    """The last day of a calendar cycle: "2026-Q2", "Q3 2026", "2026 H1", "2026-05", "2026".

    None for fiscal cycles ("FY26-Q2": the fiscal year may start in any month) and for names
    whose dates cannot be read ("Spring 2026", "2026-T1").
    """
    if not cycle:
        return None
    lowered = cycle.strip().lower()
    year = _YEAR.search(lowered)
    if year is None or re.search(r"\bfy|fiscal|financial", lowered):
        return None
    rest = (lowered[: year.start()] + " " + lowered[year.end() :]).strip(" -_/.")
    number = int(year.group(1))
    quarter = re.fullmatch(r"q([1-4])|([1-4])q|quarter\s+([1-4])", rest)
    if quarter:
        return _month_end(number, int(next(g for g in quarter.groups() if g)) * 3)
    half = re.fullmatch(r"h([12])|([12])h|half\s+([12])", rest)
    if half:
        return _month_end(number, int(next(g for g in half.groups() if g)) * 6)
    month = re.fullmatch(rf"(0?[1-9]|1[0-2])|({_MONTHS})", rest)
    if month:
        index = int(month.group(1)) if month.group(1) else _month_number(month.group(2))
        return _month_end(number, index)
    return dt.date(number, 12, 31) if rest in ("", "year", "annual") else None


def _month_number(name: str) -> int:
    names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    return names.index(name[:3].lower()) + 1


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)
