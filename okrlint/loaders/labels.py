"""Label patterns shared by the Markdown and text loaders ("Objective 1:", "O2 -", "KR3:")."""

import re

# A label's number, taken whole: "2", "#3", "2.2", "1.2.1". The lookahead stops "KR 2.2 Grow"
# from reading as "KR 2." followed by "2 Grow".
_NUMBER = r"#?\d+(?:\.\d+)*(?!\.?\d)"
_SEPARATOR = r"[:.)\-–—]"
# "Objective: …", "Objective 2 - …", "O1: …", "O1 …", "O1.3 …", "Obj. 3) …"
OBJECTIVE_LABEL = re.compile(
    rf"^(?:objective|obj\.?)\s*(?:{_NUMBER})?\s*{_SEPARATOR}\s*(?P<title>\S.*)$"
    rf"|^(?:objective|obj\.?)\s*{_NUMBER}\.?\s+(?P<title2>\S.*)$"
    rf"|^O\s*(?:{_NUMBER})?\s*{_SEPARATOR}\s*(?P<title3>\S.*)$"
    rf"|^O{_NUMBER}\.?\s+(?P<title4>\S.*)$",
    re.IGNORECASE,
)
# "KR: …", "KR1: …", "KR 2) …", "Key result 3 - …", "KR 2.2 …", "KR2.2: …", "KR 1.2 - …"
KR_LABEL = re.compile(
    rf"^(?:KR|key[\s-]*result)\s*(?:{_NUMBER}\s*{_SEPARATOR}|{_NUMBER}\.?(?=\s)|{_SEPARATOR})\s*",
    re.IGNORECASE,
)
# A heading that opens the key results of an objective ("## Key results", "### KRs"), and a
# table column holding them (`| KR | Target |`).
KR_SECTION = re.compile(r"^(?:key[\s-]*results?|krs?)\b", re.IGNORECASE)
KR_COLUMN = re.compile(r"^(?:key[\s-]*results?|krs?)$", re.IGNORECASE)
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.+?)\1")


def objective_title(match: re.Match[str]) -> str:
    """The title captured by OBJECTIVE_LABEL, whichever of its forms matched."""
    return next(group for group in match.groups() if group)


def strip_emphasis(text: str) -> str:
    """Drop emphasis around a leading label: "**KR1:** Grow …" reads as "KR1: Grow …"."""
    match = _EMPHASIS.match(text)
    if match and len(match.group(2)) < 40:
        return match.group(2) + text[match.end() :]
    return text
