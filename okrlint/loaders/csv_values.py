"""A spreadsheet cell's text as the value of a model field: "40%" as a progress of 0.4,
"7/10" as a score, "2026-06-30" as a date. Text a field cannot take is passed on as written,
so validation reports it (E002) at its cell, as it does for YAML."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from okrlint.loaders.cycles import deadline_date, find_cycle

# Values meaning "nothing yet": left out rather than reported as a wrong type.
EMPTY = re.compile(r"^(?:-+|–|—|n/?a|tbd|tba|\?+|none|null|nil|x)$", re.IGNORECASE)
_TYPES = {
    "committed": "committed",
    "commit": "committed",
    "aspirational": "aspirational",
    "stretch": "aspirational",
    "moonshot": "aspirational",
    "roofshot": "aspirational",
}


def cell_value(what: str, text: str) -> Any:
    """A cell's value for a model field: numbers as numbers, percentages as fractions where
    the field is a fraction; text the field cannot take is passed on to be reported."""
    text = " ".join(text.split())
    if what in ("owner", "status", "unit", "id", "parent"):
        return text
    if what == "type":
        return _TYPES.get(text.lower())  # other "Type" columns say other things
    if what == "cycle":
        return find_cycle(text) or text
    if what == "due":
        try:
            return dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            found = deadline_date(text)
            return found.isoformat() if found else text
    number, percent = _number(text)
    if what in ("target", "baseline", "current") and percent:
        return text  # "70%": the unit is part of the value
    if number is None:
        return text  # "$2M" as a target; "high" as a score is reported
    if what in ("progress", "weight"):
        return number / 100 if percent or 1 < number <= 100 else number  # "40": of 100
    if what == "confidence":
        return number / 100 if percent or 10 < number <= 100 else number  # 0-10 is the model's
    if what == "score":
        return number  # "70%" and "7/10" as 70: the sheet's scores then read as percent
    return int(number) if number.is_integer() else number  # "Target 4", as written


_NUMBER = re.compile(r"^([-+]?\d+(?:[.,]\d+)?)\s*(%?)$")
_TENTHS = re.compile(r"^(\d{1,2})\s*/\s*10$")


def _number(text: str) -> tuple[float | None, bool]:
    if match := _TENTHS.match(text):
        return int(match.group(1)) * 10.0, True  # "7/10": a score out of ten
    match = _NUMBER.match(text)
    if match is None:
        return None, False
    return float(match.group(1).replace(",", ".")), bool(match.group(2))
