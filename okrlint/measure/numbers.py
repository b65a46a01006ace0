"""Numbers as written in key results: "$2M", "45%", "12 000", "-20", "4.1/5", "3x", "ten".

Pure text parsing (no spaCy): key results are short, formulaic phrases, and the tokenizer's
`like_num` misses most of what matters here (10k, 3x, $2M, Q2), so a small grammar of our
own is both more precise and faster.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

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
    "year": "years",
    "pts": "points",
    "points": "points",
    "point": "points",
    "stars": "stars",
    "star": "stars",
}
# Thousands grouped by commas ("12,000") or by spaces, thin or not ("12 000", "12\u2009000"):
# a space group is exactly three digits and ends the number ("Q3 2026" is not 32,026). A comma
# with one or two digits after it before "%" is a decimal comma ("92,5%", as most of Europe
# writes it).
_SPACES = "\u00a0\u2009\u202f "
_NUMBER = rf"(?:\d{{1,3}},\d{{1,2}}(?=\s?%)|\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?![\d\w-])|\d+)(?:\.\d+)?|\.\d+"
# The same, unable to start inside a longer digit run or to split one: for patterns that try
# every place in a word for the number.
_NUMBER_BOUNDED = (
    rf"(?<!\d)(?:\d{{1,3}},\d{{1,2}}(?=\s?%)|\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?![\d\w-])|\d{{1,15}})(?!\d)"
    r"(?:\.\d+)?|\.\d+"
)
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_MAG_RE = "|".join(sorted(_MAGNITUDE, key=len, reverse=True))
_WORDS_RE = "|".join(_WORD_NUMBERS)
# "one or more", "one or two": a count, not a determiner ("at least one release" is still
# read as a single deliverable).
_ONE_COUNTED = re.compile(r"\s+or\s+(?:more|two)\b", re.IGNORECASE)
_QUANTITY = re.compile(
    rf"(?<![\w.])(?P<cur>[$€£¥]|(?:{_CODES})\s?)?"
    # A sign only where a number starts on its own ("NPS from -20 to -5"), never "10-20".
    rf"(?P<sign>(?<![\w.\-−])[-−](?=\d))?"
    rf"(?:(?P<num>{_NUMBER})|(?P<word>{_WORDS_RE})\b)"
    rf"(?:\s?(?P<mag>{_MAG_RE})\b)?"
    rf"(?:\s?(?P<unit>{_UNIT_RE})(?![a-z]))?"
    rf"(?:\s(?P<code>{_CODES})\b)?",
    re.IGNORECASE,
)
# Numbers that name rather than measure: standards (SOC 2, ISO 27001), versions (v2, iOS 17,
# release 3), percentiles used as metric names (p95), quarters, ranks, severities, numbered
# parts of a plan ("sprint 4", "Project 1", "part 2"; in the plural before a range of them,
# "stages 2-4", "sprints 4 to 6"), years and dates.
_PART_WORDS = (
    r"step|stage|section|chapter|sprint|wave|round|cohort|milestone|module|lesson|episode|phase|tier|"
    r"project|part|epic"
)
_NAME_WORDS = (
    r"soc|iso|form|level|type|series|sev|p|v|version|gen|wcag|pci|top|no\.?|number|#|article|grade|"
    rf"year|class|covid|web|industry|h|q|fy|release|pillar|ios|android|windows|macos|week|day|scope|{_PART_WORDS}"
)
_NAME_BEFORE = re.compile(rf"(?:\b(?:{_NAME_WORDS}))[\s-]?$", re.IGNORECASE)
# A plural part before the start of a range ("stages 2-4"; not "lessons 2 times a week")…
_PARTS_BEFORE = re.compile(rf"\b(?:{_PART_WORDS})s\s?$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:[-–]|to\b|and\b|&)\s*\d", re.IGNORECASE)
# …and the end of a range of parts ("stages 2-4", "sprints 4 to 6"; not "in Q1 and 100").
_PARTS_RANGE = re.compile(rf"\b(?:{_PART_WORDS})s?[\s-]?\d{{1,4}}\s*(?:[-–]|to|and|&)\s*$", re.IGNORECASE)
# The same words as the first word of a key result, an imperative, before things counted:
# "Form 3+ community relationships", "Release 3 new features" (but "Release 3 shipped").
# Only these two: "Level 2 support tickets", "Stage 3 trials" name a tier or a stage.
_VERB_FIRST = re.compile(r"^\W*(?:form|release)\s$", re.IGNORECASE)
# The plural within five words, none of them a participle used as a verb ("Release 3 shipped to
# all clinics"; "Release 3 advanced dashboards" counts them) or a verb that says what the
# release does ("Release 2 ships to all clinics").
_PARTICIPLE_THEN = r"[a-z]+ed\s+(?:[a-z]+ly|to|on|in|at|for|by|across|out|into|with|the|all|our)\b"
_RELEASE_VERBS = (
    r"(?:ships|goes|runs|lands|launches|reaches|hits|includes|supports|adds|brings|works|needs"
    r"|gets|makes|takes|moves)\b"
)
_PLURAL_AFTER = re.compile(
    rf"\+?\s+(?!of\b)(?:(?!{_PARTICIPLE_THEN}|{_RELEASE_VERBS})[A-Za-z][\w-]*\s+){{0,4}}?"
    rf"(?!(?:is|was|has|does|this|its|us|as|his)\b|{_RELEASE_VERBS})[a-z][\w-]*s\b"
)
_LEVEL_VALUE = re.compile(r"\b(?:from|to|at|reach)\s+level\s?$", re.IGNORECASE)
_ACRONYM_BEFORE = re.compile(r"\b(?:SOC|ISO|IEC|NIST|HIPAA|GDPR|PCI|WCAG|CMMI|ITIL|SLA)[\s-]?$")
_DATE_LIKE = re.compile(r"^(?:19|20)\d\d$")
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


class Quantity(BaseModel):
    """A number with its unit as written ("$2M", "45%", "900 ms", "3x")."""

    model_config = ConfigDict(frozen=True)

    text: str
    value: float
    unit: str | None = None
    currency: str | None = None
    start: int
    end: int


def names_a_number(word: str) -> bool:
    """Whether a number after `word` names rather than measures ("SOC 2", "phase 2", "v2")."""
    return bool(_NAME_BEFORE.search(f"{word} ") or _ACRONYM_BEFORE.search(f"{word} "))


def parse_quantities(text: str, skip: list[tuple[int, int]] = ()) -> list[Quantity]:  # type: ignore[assignment]
    """Every number used as a measure, outside the `skip` spans (deadlines)."""
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in skip):
            continue
        raw = match.group("num") or match.group("word")
        if raw is None:
            continue
        if found and start < found[-1].end:
            continue  # inside the previous one: the 5 of "1:5", the 5 of "4.1/5"
        quantity = _quantity(text, match)
        if quantity is not None:
            found.append(quantity)
    return found


# Compiled once: `_quantity` runs for every number of every key result.
_RATIO = re.compile(r"^:(\d{1,4})(?![\d:\w])")
_COLON_DIGIT = re.compile(r"^:\d")
# Ordinals, dates, versions ("0.5.0"), "3D", "24/7", "7-day" (a qualifier) after a number.
_NOT_A_MEASURE_AFTER = re.compile(r"^(?:st|nd|rd|th)\b|^[-/]\d|^\.\d|^[a-z]|^-[a-z]", re.I)
# A product's name right before a bare number, past the text's first word ("to Postgres 16",
# "on Python 3.12", "Upgrade to Java 21"): its version. Capitalised, not in capitals ("NPS 50"
# is a metric at a level), and no word a Title Case sentence capitalises ("Grow Users To 500").
_PRODUCT_BEFORE = re.compile(
    r"(?<=\S)\s+(?!(?:To|From|By|Of|At|In|On|Under|Over|Below|Above|With|Than|For|And|Or|Per|Reach|Hit|Be|Level|Score|Rating|Grade)\b)"
    r"[A-Z][a-z]{2,15}\s$"
)
# A version written with a wildcard or a "+" ("1.x", "2.X", "1.30+").
_VERSION_AFTER = re.compile(r"^\.(?:[xX*]|\d+\+)(?![\w])|^\+\s+(?:only\b|everywhere\b)")
_ISO_DAY_BEFORE = re.compile(r"\b\d{4}-\d{1,2}-$")
_GROUPING = re.compile(rf"[,{_SPACES}]")
_DENOMINATOR = re.compile(r"^/(\d{1,2})\b")


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
            and not _LEVEL_VALUE.search(before[-16:])  # "from level 2 to 4": levels are values
            and (
                _NAME_BEFORE.search(before[-12:])
                or _ACRONYM_BEFORE.search(before[-8:])
                or (_PARTS_BEFORE.search(before[-12:]) and _RANGE_AFTER.match(text, end))
                or _PARTS_RANGE.search(before[-24:])
                or _PRODUCT_BEFORE.search(before[-30:]) and not _PLURAL_AFTER.match(text[end:])
            )
            and not (_VERB_FIRST.match(before) and _PLURAL_AFTER.match(text[end:]))
        ):
            return None  # "SOC 2", "ISO 27001", "p95", "Q3", "top 3", "v2", "Postgres 16"
        if not (currency or unit or magnitude) and _VERSION_AFTER.match(after):
            return None  # "from 1.x", "all clusters on 1.30+": a version
        if not (currency or unit or magnitude) and _DATE_LIKE.match(number):
            return None  # a year
        scale = _SCALE.match(after)
        if scale and "." in number and float(number) <= int(scale.group(1)):
            # "4.1/5", "8.5/10": a rating on a scale, compared with others on the same scale
            return Quantity(
                text=f"{number}/{scale.group(1)}",
                value=float(number),
                unit=f"/{scale.group(1)}",
                start=start,
                end=end + len(scale.group(0)),
            )
        ratio = _RATIO.match(after) if len(number) == 1 else None
        if ratio and number.isdigit() and 0 < int(number) <= int(ratio.group(1)):
            # "1:5 -> 1:8" (coach to students): read as the second per first, 5 -> 8
            return Quantity(
                text=f"{number}:{ratio.group(1)}",
                value=int(ratio.group(1)) / int(number),
                unit="ratio",
                start=start,
                end=end + len(ratio.group(0)),
            )
        if _COLON_DIGIT.match(after) or before.endswith(":") and before[-2:-1].isdigit():
            return None  # "1:1s" (meetings), "10:30" (a time): not measures
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
        if _NOT_A_MEASURE_AFTER.match(after) and not (
            unit or magnitude
        ):
            return None  # ordinals, dates, versions ("0.5.0"), "3D", "24/7", "7-day" (a qualifier)
        if (
            before.endswith(("-", "/"))
            and before[-2:-1].isalpha()
            or before.endswith("/")
            and before[-2:-1].isdigit()
        ):
            return None  # "Sev-1", "e-2", "24/7"
        if _ISO_DAY_BEFORE.search(before[-10:]):
            return None  # the day of an ISO date: "as of 2026-03-31"
        value = float(number.replace(",", ".") if _DECIMAL_COMMA.fullmatch(number) else _GROUPING.sub("", number))
        if match.group("sign"):
            value = -value
    else:
        assert word is not None
        if word.lower() == "one" and not unit and not magnitude and not _ONE_COUNTED.match(after):
            return None  # "one" is more often a determiner than a target (not "one or more",
            # nor "one million")
        value = float(_WORD_NUMBERS[word.lower()])
    if magnitude:
        value *= _MAGNITUDE[magnitude.lower()]
    normal_unit = _UNITS.get(unit.lower()) if unit else None
    if unit and unit.lower() in ("s", "h", "x") and after[:1].isalpha():
        normal_unit = None
    if normal_unit == "x" and _RHYTHM_LATER.match(after):
        normal_unit = "times"  # "2x/month", "3x a week": how often, not a multiple
    elif normal_unit == "x" and _COUNT_AFTER.match(after):
        normal_unit = None  # "Make 5x 4-bar snippets", "3x 5 minute videos": five of them
    if normal_unit == "h" and unit and unit.isupper() and len(unit) > 1:
        normal_unit = None  # "two HR business partners": human resources, not hours
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


# A period after a count of times ("2x/month", "3x per week", "2x a day", "2X in one week"):
# how often, not a multiple. The relative-change pattern excludes the same text.
RHYTHM = (
    r"\s?(?:/|per\s|an?\s|each\s|every\s|in\s(?:one|the\ssame)\s)\s?"
    r"(?:day|night|week|month|quarter|year|sprint)\b"
)
RHYTHM_AFTER = re.compile(RHYTHM, re.IGNORECASE)
# The same period after up to three words ("3x exercise sessions per week"): how often too.
# ("2x in a year" is a multiple within a deadline: no preposition among the words.)
RHYTHM_LATER = r"(?:\s+(?!(?:in|within|over|by|during|for|from|to)\b)[a-z][\w-]*){0,3}" + RHYTHM
_RHYTHM_LATER = re.compile(RHYTHM_LATER, re.IGNORECASE)
# Another number straight after a multiple: "5x" counts the items the second one describes.
_COUNT_AFTER = re.compile(r"\s\d")


# The denominator of a rating scale: "/5", "/10", "/100".
_SCALE = re.compile(r"^\s?/\s?(5|7|10|100)\b")


def _denominator(number: str, after: str) -> int | None:
    """The 3 of "2/3": a simple fraction (numerator below a denominator of at most 10), not 24/7."""
    match = _DENOMINATOR.match(after)
    if not match or not number.isdigit():
        return None
    denominator = int(match.group(1))
    return denominator if int(number) < denominator <= 10 else None


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
