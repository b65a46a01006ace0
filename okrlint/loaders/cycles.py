"""Cycles and deadlines where people write them: headings ("2019 Q1", "Q2-19", "H1 2024",
"FY25"), `Cycle:` lines, file paths (`okrs/2026-Q2.md`, `Q2-19/README.md`) and stated deadlines
("KR Measurement Deadline: 02.07.19")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath

from okrlint.measure import parse_deadline
from okrlint.measure.dates import _MONTHS

# Month names as the dates reader spells them ("April", "Sept", "Jun"); their first three
# letters order them.
_MONTH_ORDER = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CYCLE = re.compile(
    r"(?<![\w.])(?:"
    r"(?P<y1>(?:19|20)\d\d)[\s\-/_.]{0,3}(?P<p1>[QH][1-4])"  # 2019 Q1, 2024-H1, 2026.Q2
    r"|(?P<p2>[QH][1-4])[\s\-/_.,']{0,3}(?P<y2>(?:19|20)\d\d|\d\d)"  # Q2-19, Q3 2024, H1'24
    r"|(?P<fy>FY\s?'?(?:\d\d){1,2})(?:[\s\-/]{0,3}(?P<fq>[QH][1-4]))?"  # FY25, FY2025-Q1, FY26 H2
    r"|(?P<fq2>[QH][1-4])[\s\-/]{0,3}(?P<fy2>FY\s?'?(?:\d\d){1,2})"  # Q1 FY27, H2 FY26
    r"|quarter\s+(?P<qn>[1-4]),?\s+(?:of\s+)?(?P<y4>(?:19|20)\d\d)"  # Quarter 3, 2026
    r"|CY\s?'?(?P<cy>(?:\d\d){1,2})[\s\-/]{0,3}(?P<cq>[QH][1-4])"  # CY26-Q4: a calendar year
    # "the first half of 2026", "the third quarter of 2026"
    r"|(?P<nth>first|second|third|fourth)\s+(?P<part>half|quarter)\s+of\s+(?P<y3>(?:19|20)\d\d)"
    # "April to June 2026", "Jan–Mar 2026", "July through December 2026": a quarter or a half
    rf"|(?P<m1>{_MONTHS})\.?\s*(?:to|through|thru|until|-|–|—)\s*(?P<m2>{_MONTHS})\.?,?\s+(?P<y5>(?:19|20)\d\d)"
    # the quarter in the languages read for structure: "2e trimestre 2025", "2. Quartal 2026",
    # "Trimestre 3 de 2025", "T2 2025" (French and Spanish)
    r"|(?P<qn2>[1-4])\s?(?:e|er|ère|ème|º|ª|o|a|\.)?\s*(?:trimestre|quartal|kwartaal|kvartal|trimestre)"
    r"\s+(?:de\s+|del\s+|di\s+)?(?P<y6>(?:19|20)\d\d)"
    r"|(?:trimestre|quartal|kwartaal|kvartal)\s+(?P<qn3>[1-4]),?\s+(?:de\s+|del\s+|di\s+)?(?P<y7>(?:19|20)\d\d)"
    r"|T(?P<tq>[1-4])[\s\-/]{0,3}(?P<ty>(?:19|20)\d\d)"
    r"|(?P<q>Q[1-4])"  # Q4: no year
    r")(?![\w])",
    re.IGNORECASE,
)
# One token of a cycle, for patterns built elsewhere: "Q1", "H2", "FY27", "2026".
CYCLE_TOKEN = r"(?:Q[1-4]|H[12]|FY\s?'?\d{2,4}|(?:19|20)\d\d)"
_YEAR_ONLY = re.compile(r"(?<![\w.'’])((?:19|20)\d\d)(?![\w.'’])")
# Words a cycle heading may carry besides the cycle: "Q3 2024 OKRs", "Objectives for H1 2025".
OKR_WORDS = re.compile(
    r"\b(?:okrs?|objectives?|key\s+results?|goals?|plans?|targets?|ziele|objetivos|objectifs|mål)\b",
    re.IGNORECASE,
)
# The state a cycle heading may note beside it: "Q2 2025 (current)", "Q1 2025 (closed)".
_FILLER = re.compile(
    r"[\W_]+|\b(?:for|the|of|and|in|set|cycle|quarter|our|team"
    r"|current|closed|active|draft|final|done|completed?|archived|past|previous|next|upcoming|planned|approved"
    r"|ongoing|progress|open|scored|graded|wip|tbc|proposed|agreed|review|reviewed)\b",
    re.IGNORECASE,
)


def find_cycle(text: str) -> str | None:
    """The first cycle named in `text`, normalised ("2019-Q1", "2024-H1", "FY25", "Q4")."""
    match = _CYCLE.search(text)
    if match is None:
        return None
    groups = match.groupdict()
    if groups["cy"]:
        year = groups["cy"] if len(groups["cy"]) == 4 else f"20{groups['cy']}"
        return f"{year}-{groups['cq'].upper()}"
    if groups["nth"]:
        number = ("first", "second", "third", "fourth").index(groups["nth"].lower()) + 1
        kind = "H" if groups["part"].lower() == "half" else "Q"
        if kind == "H" and number > 2:
            return None
        return f"{groups['y3']}-{kind}{number}"
    if groups["fy"] or groups["fy2"]:
        fiscal = "FY" + re.sub(r"\D", "", groups["fy"] or groups["fy2"])
        quarter = groups["fq"] or groups["fq2"]
        return f"{fiscal}-{quarter.upper()}" if quarter else fiscal
    if groups["m1"]:
        first = _MONTH_ORDER.index(groups["m1"][:3].lower()) + 1
        last = _MONTH_ORDER.index(groups["m2"][:3].lower()) + 1
        if last - first == 2 and first % 3 == 1:
            return f"{groups['y5']}-Q{(first + 2) // 3}"  # April to June: the second quarter
        if last - first == 5 and first in (1, 7):
            return f"{groups['y5']}-H{1 if first == 1 else 2}"
        return None  # months that are neither a quarter nor a half name no cycle
    if groups["qn"]:
        return f"{groups['y4']}-Q{groups['qn']}"
    for quarter_group, year_group in (("qn2", "y6"), ("qn3", "y7"), ("tq", "ty")):
        if groups[quarter_group]:
            return f"{groups[year_group]}-Q{groups[quarter_group]}"
    if groups["q"]:
        return groups["q"].upper()
    period = (groups["p1"] or groups["p2"]).upper()
    year = groups["y1"] or groups["y2"]
    year = year if len(year) == 4 else f"20{year}"
    return f"{year}-{period}"


def cycle_heading(text: str) -> str | None:
    """The cycle a heading stands for, when the heading names a cycle and little else
    ("2019 Q1", "Q3 2024 OKRs", "OKRs (2020 Set 1)", "2022 Objectives")."""
    cycle = find_cycle(text)
    rest = _CYCLE.sub(" ", text) if cycle else text
    if cycle is None:
        year = _YEAR_ONLY.search(text)
        if year is None or not (OKR_WORDS.search(text) or text.strip(" #*:") == year.group(1)):
            return None  # a year alone ("### 2020") or with OKR words ("2022 Objectives")
        cycle, rest = year.group(1), _YEAR_ONLY.sub(" ", text, count=1)
    has_okr_word = OKR_WORDS.search(rest) is not None
    words = _FILLER.sub(" ", OKR_WORDS.sub(" ", rest)).split()
    if not words or (has_okr_word and len(words) <= 3):
        return cycle
    return None


def dated_part(cycle: str) -> bool:
    """Whether a cycle is a quarter or half of a stated year ("2026-Q2", "FY25-H1"), not a
    year alone or a quarter with no year."""
    return re.search(r"-[QH][1-4]$", cycle) is not None


def trailing_cycle(title: str) -> tuple[str, str | None]:
    """An objective's title without the cycle written in brackets at its end, and that cycle
    ("Win the enterprise market (Q3 2026)", "Ship v2 [H1 2026]"); the title as given when
    the brackets hold anything more than a cycle ("Grow Q3 revenue (vs. Q2)")."""
    match = _TRAILING_CYCLE.search(title)
    if match is None or match.start() == 0:
        return title, None
    cycle = cycle_heading(match.group(1))
    if cycle is None or not _CYCLE.fullmatch(match.group(1).strip()) or re.fullmatch(r"[QH][1-4]", cycle):
        return title, None  # "(Q4)" names no year: the file's own cycle says which Q4
    return title[: match.start()].rstrip().rstrip(" -–—:"), cycle


# No leading "\s*": tried at every space of a long run, each try rescanned the run.
_TRAILING_CYCLE = re.compile(r"[(\[]([^()\[\]]{2,24})[)\]]\s*+$")


def path_cycle(path: str) -> str | None:
    """A cycle named by the file's path: `okrs/2026-Q2.md`, `Q2-19/README.md`, `2024/q3.md`."""
    parts = PurePosixPath(path.replace("\\", "/")).parts[-3:]
    stem = [*parts[:-1], PurePosixPath(parts[-1]).stem] if parts else []
    joined = " ".join(stem)
    found = find_cycle(joined)
    if found is not None and re.fullmatch(r"Q[1-4]", found):
        year = _YEAR_ONLY.search(joined)
        return f"{year.group(1)}-{found}" if year else found
    return found


_DOTTED = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})\s*$")


def deadline_date(value: str) -> dt.date | None:
    """The date a stated deadline names: ISO, day-first dotted ("02.07.19"), unambiguous
    slashed dates, or the English forms the measure module reads ("June 30, 2026")."""
    if match := _DOTTED.match(value):
        first, second, year = int(match.group(1)), int(match.group(2)), match.group(3)
        full_year = int(year) if len(year) == 4 else 2000 + int(year)
        slashed = "/" in value
        if slashed and first <= 12 < second:
            first, second = second, first  # month-first: 06/30/2026
        elif slashed and first <= 12 and second <= 12:
            return None  # 03/04/2026: day and month cannot be told apart
        try:
            return dt.date(full_year, second, first)
        except ValueError:
            return None
    deadline = parse_deadline(value if re.match(r"\s*by\b", value) else f"by {value}")
    return deadline.date if deadline is not None else None
