"""Reads the numbers in a key result: quantities, baseline -> target, relative change, deadline.

Pure text parsing (no spaCy): key results are short, formulaic phrases, and the tokenizer's
`like_num` misses most of what matters here (10k, 3x, $2M, Q2), so a small grammar of our
own is both more precise and faster.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

Direction = Literal["increase", "decrease", "maintain"]

_WORD_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
_MAGNITUDE = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
}
_CURRENCY = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "chf": "CHF",
    "cad": "CAD",
    "aud": "AUD",
    "jpy": "JPY",
    "inr": "INR",
    "sek": "SEK",
}
_CODES = r"usd|eur|gbp|chf|cad|aud|jpy|inr|sek"
_UNITS = {
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "pp": "pp",
    "percentage points": "pp",
    "x": "x",
    "×": "x",
    "ms": "ms",
    "milliseconds": "ms",
    "s": "s",
    "sec": "s",
    "secs": "s",
    "seconds": "s",
    "second": "s",
    "min": "min",
    "mins": "min",
    "minutes": "min",
    "minute": "min",
    "h": "h",
    "hr": "h",
    "hrs": "h",
    "hours": "h",
    "hour": "h",
    "days": "days",
    "day": "days",
    "weeks": "weeks",
    "week": "weeks",
    "months": "months",
    "month": "months",
    "years": "years",
    "pts": "points",
    "points": "points",
    "point": "points",
    "stars": "stars",
    "star": "stars",
}
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
# The same, unable to start inside a longer digit run or to split one: for patterns that try
# every place in a word for the number.
_NUMBER_BOUNDED = r"(?<!\d)(?:\d{1,3}(?:,\d{3})+|\d{1,15})(?!\d)(?:\.\d+)?|\.\d+"
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_MAG_RE = "|".join(sorted(_MAGNITUDE, key=len, reverse=True))
_WORDS_RE = "|".join(_WORD_NUMBERS)
_QUANTITY = re.compile(
    rf"(?<![\w.])(?P<cur>[$€£¥]|(?:{_CODES})\s?)?"
    rf"(?:(?P<num>{_NUMBER})|(?P<word>{_WORDS_RE})\b)"
    rf"(?:\s?(?P<mag>{_MAG_RE})\b)?"
    rf"(?:\s?(?P<unit>{_UNIT_RE})(?![a-z]))?"
    rf"(?:\s(?P<code>{_CODES})\b)?",
    re.IGNORECASE,
)
# Numbers that name rather than measure: standards (SOC 2, ISO 27001), versions (v2, iOS 17,
# release 3), percentiles used as metric names (p95), quarters, ranks, severities, numbered
# parts of a plan (sprint 4, wave 2, cohort 3), years and dates.
_NAME_BEFORE = re.compile(
    r"(?:\b(?:soc|iso|form|tier|level|type|phase|series|sev|p|v|version|gen|wcag|pci|top|no\.?|"
    r"number|#|step|stage|section|article|chapter|grade|year|class|covid|web|industry|h|q|fy|"
    r"release|sprint|wave|round|cohort|milestone|pillar|module|lesson|episode|"
    r"ios|android|windows|macos))"
    r"[\s-]?$",
    re.IGNORECASE,
)
_ACRONYM_BEFORE = re.compile(r"\b(?:SOC|ISO|IEC|NIST|HIPAA|GDPR|PCI|WCAG|CMMI|ITIL|SLA)[\s-]?$")
_DATE_LIKE = re.compile(r"^(?:19|20)\d\d$")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_PERIOD = (
    r"(?:q[1-4]|h[12]|fy\s?\d{2,4}|(?:fiscal\s+|financial\s+|calendar\s+|school\s+|academic\s+)?year|"
    r"quarter|month|half|sprint|cycle|(?:spring\s+|summer\s+|autumn\s+|fall\s+|winter\s+)?term|"
    r"semester|season|week|(?:19|20)\d\d)"
)
_DEADLINE = re.compile(
    rf"\b(?:by|before|until|till|through|no later than|not later than|ahead of|prior to|due)\s+"
    rf"(?:the\s+)?(?:end\s+of\s+(?:the\s+)?{_PERIOD}(?:\s+\d{{4}})?|eo[yqm]\b|year[\s-]end|"
    rf"(?:{_MONTHS})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|q[1-4](?:\s+\d{{4}}|\s?'?\d{{2}})?|"
    rf"h[12](?:\s+\d{{4}})?|fy\s?\d{{2,4}}|(?:19|20)\d\d|"
    rf"(?:this|next|the)\s+{_PERIOD}|launch|go-live)"
    rf"|\b(?:end|close)\s+of\s+(?:the\s+)?(?:{_PERIOD}|(?:{_MONTHS}))(?:\s+\d{{4}})?"
    rf"|\b(?:eo[yqm]|year[\s-]end|month[\s-]end|quarter[\s-]end)\b"
    rf"|\b(?:this|next|current)\s+(?:{_PERIOD})\b"
    rf"|\b(?:in|during|within|for)\s+(?:q[1-4]|h[12]|fy\s?\d{{2,4}})(?:\s+\d{{4}})?\b"
    rf"|\b(?:in|during)\s+(?:19|20)\d\d\b"
    # "spring 2027", "FY22 Q3", "in the first month (online)": periods named without "by".
    rf"|\b(?:spring|summer|autumn|fall|winter)\s+(?:19|20)\d\d\b"
    rf"|\bfy\s?\d{{2,4}}\s+q[1-4]\b"
    rf"|\bin\s+the\s+first\s+(?:\d+\s+|{_WORDS_RE}\s+)?(?:days?|weeks?|months?|quarter|year)\b"
    rf"|(?<![\w-]ed\s)\b(?:within|in|over)\s+(?:the\s+)?(?:next\s+)?(?:\d+|{_WORDS_RE})\s+"
    rf"(?:days|weeks|months)\b(?=\s*(?:[,.;()]|$|of\s+(?:launch|the\s+cycle)))",
    re.IGNORECASE,
)
# A quantity as written after "from" or "to": "$1.2M", "38 %", "12k", "~30". The token is
# atomic (?>…): it always ends where its run of characters ends, so trying other splits of
# a long run between prefix, number and suffix only ever failed again (cubic on 400 digits).
_AMOUNT = rf"(?>[^\s,;]*?(?:{_NUMBER})[^\s,;]*)(?:\s?(?:{_MAG_RE}|{_UNIT_RE})(?![a-z]))?"
# Up to two words (no digits) between a baseline and "to": "12 per month to", "$1.2M ARR to".
_FILLER = r"(?:\s+(?!(?:to|from)\b)[^\W\d][^\s\d,;()]*){0,2}"
# A bound between "to" and the target: "from 5% to below 2%", "from 120 to at least 200".
_BOUND = (
    r"(?:(?:below|under|above|over|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than"
    r"|less\s+than|more\s+than|fewer\s+than|about|around|roughly|~)\s*)?"
)
_FROM_TO = re.compile(
    rf"\bfrom\s+(?:a\s+baseline\s+of\s+|an?\s+average\s+of\s+)?(?:(?:{_CODES})\s)?"
    rf"(?P<a>{_AMOUNT})"
    rf"(?:\s(?:{_CODES}))?{_FILLER}\s+(?:to|down to|up to|→|->)\s+{_BOUND}(?:(?:{_CODES})\s)?"
    rf"(?P<b>{_AMOUNT})"
    # The arrow form starts only where a run of characters starts, and its first token stops
    # before an arrow (atomic, no re-splitting): tried at every character, with every split
    # of the run, it took minutes on a few hundred digits. In "1->2->3" it reads 1 -> 2.
    rf"|(?<![^\s,;(])(?P<c>(?>[^\s,;(]*?(?:{_NUMBER})(?:[^\s,;\-=→]|-(?!>)|=(?!>))*))"
    rf"{_FILLER}\s*(?:→|->|=>)\s*"
    rf"(?P<d>(?>[^\s,;]*?(?:{_NUMBER})[^\s,;)]*))",
    re.IGNORECASE,
)
_TO_FROM = re.compile(
    # The target's word is atomic: every split of it ends where the word ends (was cubic).
    rf"\bto\s+(?>(?P<t>\S*(?:{_NUMBER}))\S*)(?:\s?%)?{_FILLER}\s+from\s+(?:the\s+)?"
    rf"(?:current(?:ly)?|today'?s?|avg\.?|average|a\s+baseline\s+of)?\s*(?P<f>\S*(?:{_NUMBER}))",
    re.IGNORECASE,
)
_CURRENT = re.compile(
    # Possessive, atomic and bounded: the value always runs to the first ")", however it is
    # split, and no farther than 200 characters (every "(now" scanned to the end: quadratic).
    rf"\((?:currently|current|now|today|baseline|was|vs\.?|from|base)[:\s]++(?:at\s+|is\s+)?(?P<v>(?>[^)]{{0,200}}?(?:{_NUMBER})[^)]{{0,200}}))\)"
    rf"|\b(?:up|down)\s+from\s+(?P<w>\S*(?:{_NUMBER})\S*)"
    rf"|\b(?:currently|today)\s+(?:at\s+|is\s+)?(?P<x>\S*(?:{_NUMBER})\S*)"
    rf"|\bfrom\s+(?:the\s+)?(?:current(?:ly)?|avg\.?|average|a\s+baseline\s+of)\s+(?P<y>\S*(?:{_NUMBER})\S*)"
    # The time word after the value, inside brackets: "(38% today)", "(340 ms now)".
    rf"|\((?:(?:about|around|roughly|approx\.?|approximately|~|≈)\s*)?"
    # Bounded: what precedes the number in its word ("$", "~", "USD") and the number itself
    # ("\d{1,15}" in a digit run); "as of …" is tried only when a ")" closes it.
    rf"(?P<z>[^\s()]{{0,20}}?(?:{_NUMBER_BOUNDED})(?:\s?[^\s\d()]+){{0,3}}?)\s+(?:today|now|right\s+now|currently|"
    rf"at\s+present|as\s+of\s+(?=[^()]*+\))(?:today|now|(?:{_MONTHS})\b[^()]*?|[^()]*?\d[^()]*?)|last\s+(?:week|month|quarter|"
    rf"year|cycle|half|sprint|term|semester|season))\s*\)",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    rf"\bby\s+(?P<by>(?:{_NUMBER})\s?(?:%|percent|pp|x|×|percentage points)"
    rf"|half|a\s+third|a\s+quarter)"
    rf"|(?P<pct>(?:{_NUMBER_BOUNDED})\s?(?:%|percent))\s+"  # bounded: tried at every digit
    rf"(?:more|less|fewer|higher|lower|faster|slower"
    rf"|increase|decrease|reduction|growth|improvement)"
    rf"|\b(?P<verb>doubles?|doubled|doubling|triples?|tripled|tripling|quadruples?|halves|halve|halved|halving|"
    rf"cut\s+in\s+half)\b"
    rf"|(?<![\w.])(?P<mult>\d+(?:\.\d+)?\s?[x×])(?![\w])",
    re.IGNORECASE,
)
_COMPARATOR = re.compile(
    r"(?P<ge>at least|no less than|minimum of|min\.|≥|>=|above|over|more than|greater than"
    r"|or more|or higher|or above|\+)"
    r"|(?P<le>at most|no more than|maximum of|max\.|≤|<=|under|below|less than|fewer than"
    r"|or less|or fewer|or lower|or below|within)",
    re.IGNORECASE,
)


class Quantity(BaseModel):
    """A number with its unit as written ("$2M", "45%", "900 ms", "3x")."""

    model_config = ConfigDict(frozen=True)

    text: str
    value: float
    unit: str | None = None
    currency: str | None = None
    start: int
    end: int


class Deadline(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    date: dt.date | None = None
    start: int
    end: int


_RANK = re.compile(
    r"\b(?:in(?:to)?\s+the|rank(?:ed|ing)?(?:\s+in\s+the)?|reach|be|become|remain|stay|as\s+the|as)\s+"
    r"(?:the\s+)?(?P<rank>top[\s-]?\d+|#\s?\d+|no\.\s?\d+|number\s+one|first\s+place)\b",
    re.IGNORECASE,
)


class Measurement(BaseModel):
    """What okrlint understood of a key result's numbers (shown by `okrlint inspect`)."""

    model_config = ConfigDict(frozen=True)

    quantities: list[Quantity] = []
    rank: str | None = None
    baseline: Quantity | None = None
    target: Quantity | None = None
    relative_change: str | None = None
    comparator: Literal["at-least", "at-most"] | None = None
    direction: Direction | None = None
    deadline: Deadline | None = None

    @property
    def has_measure(self) -> bool:
        return bool(self.quantities or self.relative_change or self.rank)


def parse_quantities(text: str, skip: list[tuple[int, int]] = ()) -> list[Quantity]:  # type: ignore[assignment]
    """Every number used as a measure, outside the `skip` spans (deadlines)."""
    found = []
    for match in _QUANTITY.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in skip):
            continue
        raw = match.group("num") or match.group("word")
        if raw is None:
            continue
        quantity = _quantity(text, match)
        if quantity is not None:
            found.append(quantity)
    return found


def _quantity(text: str, match: re.Match[str]) -> Quantity | None:
    start, end = match.span()
    number, word = match.group("num"), match.group("word")
    unit, magnitude, currency = match.group("unit"), match.group("mag"), match.group("cur")
    before = text[:start]
    after = text[end : end + 12]
    if number is not None:
        if (
            not currency
            and not match.group("code")
            and not unit
            and (_NAME_BEFORE.search(before[-12:]) or _ACRONYM_BEFORE.search(before[-8:]))
        ):
            return None  # "SOC 2", "ISO 27001", "p95", "Q3", "top 3", "v2"
        if not (currency or unit or magnitude) and _DATE_LIKE.match(number):
            return None  # a year
        denominator = _denominator(number, after)
        if denominator:
            width = len(str(denominator)) + 1
            return Quantity(
                text=f"{number}/{denominator}",
                value=float(number) / denominator,
                unit="fraction",
                start=start,
                end=end + width,
            )
        if re.match(r"^(?:st|nd|rd|th)\b|^[-/]\d|^\.\d+\.|^[a-z]|^-[a-z]", after, re.I) and not (
            unit or magnitude
        ):
            return None  # ordinals, dates, version strings, "3D", "24/7", "7-day" (a qualifier)
        if (
            before.endswith(("-", "/"))
            and before[-2:-1].isalpha()
            or before.endswith("/")
            and before[-2:-1].isdigit()
        ):
            return None  # "Sev-1", "e-2", "24/7"
        if re.search(r"\b\d{4}-\d{1,2}-$", before[-10:]):
            return None  # the day of an ISO date: "as of 2026-03-31"
        value = float(number.replace(",", ""))
    else:
        assert word is not None
        if word.lower() == "one" and not unit:
            return None  # "one" is more often a determiner than a target
        value = float(_WORD_NUMBERS[word.lower()])
    if magnitude:
        value *= _MAGNITUDE[magnitude.lower()]
    normal_unit = _UNITS.get(unit.lower()) if unit else None
    if unit and unit.lower() in ("s", "h", "x") and after[:1].isalpha():
        normal_unit = None
    code_text = currency or match.group("code")
    code = _CURRENCY.get(code_text.strip().lower()) if code_text else None
    return Quantity(
        text=match.group(0).strip(),
        value=value,
        unit=normal_unit,
        currency=code,
        start=start,
        end=end,
    )


def _denominator(number: str, after: str) -> int | None:
    """The 3 of "2/3": a simple fraction (numerator below a denominator of at most 10), not 24/7."""
    match = re.match(r"^/(\d{1,2})\b", after)
    if not match or not number.isdigit():
        return None
    denominator = int(match.group(1))
    return denominator if int(number) < denominator <= 10 else None


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
        month_name = re.search(rf"\b({_MONTHS})\b", phrase, re.I)
        if month_name and year:
            month = _month_number(month_name.group(1))
            day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", phrase.replace(str(year), ""))
            return dt.date(year, month, int(day.group(1))) if day else _month_end(year, month)
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


def measure(text: str, cycle_year: int | None = None) -> Measurement:
    """Parse a key result's text into quantities, baseline, target, direction and deadline."""
    deadline = parse_deadline(text, cycle_year)
    # A relative window ("within 90 days") is also a measure of time; a date is not.
    relative_window = deadline is not None and re.match(r"(?i)(?:within|in|over)\s", deadline.text)
    skip = [(deadline.start, deadline.end)] if deadline and not relative_window else []
    quantities = parse_quantities(text, skip)
    lowered = text.lower()
    baseline, target = _baseline_target(text, lowered, quantities) if quantities else (None, None)
    relative_text = None
    if quantities or _RELATIVE_WORDS.search(lowered):  # cheap test before the costly pattern
        relative = _RELATIVE.search(text)
        relative_text = next(g for g in relative.groups() if g) if relative else None
        if relative and target is not None and relative.start() <= target.start < relative.end():
            target = None  # "by 50% from 2 minutes": 50% is the change, not the target
    comparator = None
    if quantities:
        comparator_match = _COMPARATOR.search(text)
        if comparator_match:
            comparator = "at-least" if comparator_match.group("ge") else "at-most"
    if target is None and baseline is None and quantities and not relative_text:
        after_to = [
            q
            for q in quantities
            if re.search(r"\b(?:to|reach|reaching|at)\s+\S*$", text[: q.start])
        ]
        target = after_to[0] if after_to else quantities[0]
    rank = (
        _RANK.search(text)
        if (
            "top" in lowered
            or "#" in text
            or "no." in lowered
            or "number one" in lowered
            or "first place" in lowered
        )
        else None
    )
    return Measurement(
        quantities=quantities,
        rank=rank.group("rank") if rank else None,
        baseline=baseline,
        target=target,
        relative_change=relative_text,
        comparator=comparator,
        direction=_direction(baseline, target, relative_text),
        deadline=deadline,
    )


_BOUND_BEFORE = re.compile(
    r"(?:\b(?:(?P<le>at\s+most|no\s+more\s+than|(?:less|fewer)\s+than|under|below|within)"
    r"|(?P<ge>at\s+least|no\s+(?:less|fewer)\s+than|(?:more|greater)\s+than|above|over))"
    r"|(?P<le_sign>[≤<])|(?P<ge_sign>[≥>]))\s*$",
    re.IGNORECASE,
)
_BOUND_AFTER = re.compile(
    r"^\s*or\s+(?:(?P<le>less|fewer|lower|below|under)|(?P<ge>more|higher|above|over))\b",
    re.IGNORECASE,
)


def within_bound(text: str, baseline: Quantity | None, target: Quantity | None) -> bool:
    """Whether a kept target is a bound already met: "Keep failures under 15% (currently 14%)".

    A ceiling or floor ("under 15%", "99.9% or more") is a level to stay within, not one to
    move to; but a baseline on the wrong side of it ("under 15% (currently 20%)") is a change.
    """
    if target is None:
        return False
    bound = _BOUND_BEFORE.search(text[: target.start]) or _BOUND_AFTER.match(text[target.end :])
    if bound is None:
        return False
    if baseline is None or not comparable(baseline, target):
        return True
    start = in_unit_of(baseline, target)
    if bound.group("le") or bound.groupdict().get("le_sign"):
        return start <= target.value
    return start >= target.value


_RELATIVE_WORDS = re.compile(r"doubl|tripl|quadrupl|halv|half")


def _baseline_target(
    text: str, lowered: str, quantities: list[Quantity]
) -> tuple[Quantity | None, Quantity | None]:
    arrows = "→" in text or "->" in text or "=>" in text
    pairs = _FROM_TO.finditer(text) if "from" in lowered or arrows else iter(())
    for pair in pairs:
        a, b = ("a", "b") if pair.group("a") else ("c", "d")
        baseline = _within(quantities, pair.start(a), pair.end(a))
        target = _within(quantities, pair.start(b), pair.end(b))
        if _pair(baseline, target):
            return baseline, target
    reverses = _TO_FROM.finditer(text) if "from" in lowered else iter(())
    for reverse in reverses:
        target = _within(quantities, reverse.start("t"), reverse.end("t"))
        baseline = _within(quantities, reverse.start("f"), reverse.end("f"))
        if _pair(baseline, target):
            return baseline, target
    current = _CURRENT.search(text)
    if current:
        where = next(current.start(g) for g in ("v", "w", "x", "y", "z") if current.group(g))
        baseline = _first_at_or_after(quantities, where)
        if baseline is not None:
            others = [q for q in quantities if q is not baseline and not _window(text, q)]
            return baseline, _target_for(baseline, others)
    return None, None


def unit_family(quantity: Quantity) -> str | None:
    """What a quantity measures: "%", "time", "currency:EUR", another unit, or None (a number).

    Points and stars are plain numbers too: scores are written with and without them.
    """
    if quantity.currency:
        return f"currency:{quantity.currency}"
    if quantity.unit in _SECONDS:
        return "time"
    if quantity.unit in (None, "points", "stars"):
        return None
    return quantity.unit


def comparable(a: Quantity, b: Quantity) -> bool:
    """Whether a ratio of the two means anything: same unit family, or one a bare number."""
    family_a, family_b = unit_family(a), unit_family(b)
    return family_a == family_b or family_a is None or family_b is None


def field_quantity(value: float | str | None, unit: str | None = None) -> Quantity | None:
    """A `baseline` or `target` field read as a quantity, in the KR's `unit` field if it has none
    of its own ("340 ms"; 340 with unit "ms"; "$2M")."""
    if value is None:
        return None
    text = str(value)
    found = parse_quantities(text)
    if found and unit and not (found[0].unit or found[0].currency):
        found = parse_quantities(f"{text} {unit}") or found
    return found[0] if found else None


_WINDOW_BEFORE = re.compile(
    r"\b(?:for|over|across|during)\s+(?:the\s+)?(?:(?:next|last|past|first)\s+)?$", re.IGNORECASE
)


def _window(text: str, quantity: Quantity) -> bool:
    """A stretch of time the metric is measured over ("for 30 days"), not a target."""
    return quantity.unit in _SECONDS and bool(_WINDOW_BEFORE.search(text[: quantity.start]))


def _target_for(baseline: Quantity, candidates: list[Quantity]) -> Quantity | None:
    """The target that goes with a stated baseline: the first quantity in its unit family.

    A bare baseline ("(currently 6)") leaves its unit implied, so a lone target of any unit
    goes with it; a baseline with a unit ("(now 340 ms)") never pairs with a different one.
    """
    family = unit_family(baseline)
    same = [q for q in candidates if unit_family(q) == family]
    if same:
        return same[0]
    if family is None and len(candidates) == 1:
        return candidates[0]
    return None


def _pair(baseline: Quantity | None, target: Quantity | None) -> bool:
    return (
        baseline is not None
        and target is not None
        and baseline is not target
        and comparable(baseline, target)
    )


def _within(quantities: list[Quantity], start: int, end: int) -> Quantity | None:
    """The quantity written where a pattern saw a number ("v1" in "from v1 to v2" is none)."""
    return next((q for q in quantities if q.start < end and q.end > start), None)


def _first_at_or_after(quantities: list[Quantity], position: int) -> Quantity | None:
    return next((q for q in quantities if q.end > position), None)


_SECONDS = {
    "ms": 0.001,
    "s": 1,
    "min": 60,
    "h": 3600,
    "days": 86400,
    "weeks": 604800,
    "months": 2629800,
    "years": 31557600,
}


def in_unit_of(quantity: Quantity, other: Quantity) -> float:
    """`quantity`'s value in `other`'s time unit ("4 hours" against "90 minutes" is 240)."""
    if quantity.unit in _SECONDS and other.unit in _SECONDS:
        return quantity.value * _SECONDS[quantity.unit] / _SECONDS[other.unit]
    return quantity.value


def direction_of(baseline: Quantity | None, target: Quantity | None) -> Direction | None:
    """Which way a baseline moves to a target (None without both, or in units that differ)."""
    return _direction(baseline, target, None)


def _direction(
    baseline: Quantity | None, target: Quantity | None, relative: str | None
) -> Direction | None:
    if baseline is not None and target is not None and comparable(baseline, target):
        start = in_unit_of(baseline, target)
        if target.value > start:
            return "increase"
        if target.value < start:
            return "decrease"
        return "maintain"
    if relative:
        lowered = relative.lower()
        if lowered.startswith(
            ("halve", "halving", "halves", "cut in half", "half", "a third", "a quarter")
        ):
            return "decrease"
        if lowered.startswith(("double", "doubling", "triple", "tripling", "quadruple")):
            return "increase"
    return None
