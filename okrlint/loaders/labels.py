"""Label patterns shared by the Markdown and text loaders ("Objective 1:", "O2 -", "KR3:")."""

import re

# "Objective: …", "Objective 2 - …", "O1: …", "O1 …", "Obj. 3) …"
OBJECTIVE_LABEL = re.compile(
    r"^(?:objective|obj\.?)\s*#?\d*\s*[:.)\-–—]\s*(?P<title>\S.*)$"
    r"|^(?:objective|obj\.?)\s*#?\d+\s+(?P<title2>\S.*)$"
    r"|^O\s*#?\d*\s*[:.)\-–—]\s*(?P<title3>\S.*)$"
    r"|^O#?\d+\s+(?P<title4>\S.*)$",
    re.IGNORECASE,
)
# "KR: …", "KR1: …", "KR 2) …", "Key result 3 - …"
KR_LABEL = re.compile(r"^(?:KR|key[\s-]*result)\s*#?\d*(?:\.\d+)?\s*[:.)\-–—]\s*", re.IGNORECASE)
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
