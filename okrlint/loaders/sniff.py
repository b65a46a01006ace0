"""Does a file found by walking a directory look like OKRs? Decided from its text, before parsing.

A repository holds many .yaml/.md/.txt files that are not OKRs (CI and compose files, Helm
templates, READMEs, word lists); linting them reports noise. Files named on the command line
are always linted and never sniffed.
"""

from __future__ import annotations

import re

from okrlint.loaders.labels import KR_COLUMN, KR_LABEL, KR_SECTION, OBJECTIVE_LABEL, strip_emphasis
from okrlint.loaders.template import TEMPLATE

# YAML: `load_yaml` reads objectives from a top-level `objectives` key only (no aliases) ...
_YAML_OBJECTIVES = re.compile(r"""^(?:\{\s*)?(["']?)objectives\1\s*:""", re.MULTILINE)
# ... or from a bare list of objectives: items with an `objective` title or `key_results`. A
# list whose items only have `name`/`title` is too common (Ansible, CI steps) to count.
_YAML_LIST_KEY = re.compile(r"""^[\s-]+(["']?)(?:objective|key_results)\1\s*:""", re.MULTILINE)
_JSON_OBJECTIVES = re.compile(r"""["']objectives["']\s*:""")
_YAML_NOISE = re.compile(r"^(?:\s*(?:#.*)?|---.*|\.\.\.\s*|%.*)$")  # blank, comment, markers

# Forms OBJECTIVE_LABEL accepts that prose and tables produce far more often than OKRs do: a
# lower-case "o - " bullet, "O.K.", and rule codes such as "O101" in a results table.
_NOT_OBJECTIVE = re.compile(r"^(?:o(?!bj)|O\s*\.|O#?\d{3})")
# Markdown headings: "## Key results" sections, and any heading naming OKRs ("# Q2 OKRs"),
# under which the Markdown loader also reads plain headings that own bullets as objectives.
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s+(?P<text>.*?))?(?:\s+#+)?\s*$")
# A table with a KR column (`| KR | Target |`): its rows are key results.
_OKR_WORD = re.compile(r"\bOKRs?\b", re.IGNORECASE)
# ... when the heading also names a cycle ("# Q2 OKRs", "Data team OKRs, FY26"): a page about
# the OKR process ("How we use OKRs") has the word but no cycle.
_CYCLE_WORD = re.compile(
    r"\b(?:[QH][1-4]|FY\s?\d{2,4}|(?:19|20)\d\d|quarter(?:ly)?|spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# The plain-text seed template, as the text loader reads it.


def looks_like_okrs(text: str, fmt: str) -> bool:
    """Whether `text` in format `fmt` (yaml, markdown, text) holds what its loader reads as OKRs."""
    if fmt == "yaml":
        return _yaml(text)
    if fmt == "markdown":
        return _markdown(text)
    return _text(text)


def _yaml(text: str) -> bool:
    if _YAML_OBJECTIVES.search(text):
        return True
    if text.lstrip().startswith("{") and _JSON_OBJECTIVES.search(text):
        return True  # JSON is YAML too; its keys are indented however the writer chose
    first = next((line for line in text.split("\n") if not _YAML_NOISE.match(line)), "")
    return first.startswith("-") and bool(_YAML_LIST_KEY.search(text))


def _objective_label(line: str) -> bool:
    return bool(OBJECTIVE_LABEL.match(line)) and not _NOT_OBJECTIVE.match(line)


def _markdown(text: str) -> bool:
    fence = ""
    for raw in text.split("\n"):
        if fence:  # inside a fenced code block, which the loader does not read
            fence = "" if raw.strip().startswith(fence) else fence
            continue
        if opening := _FENCE.match(raw):
            fence = opening.group(1)
            continue
        if len(raw) - len(raw.lstrip()) >= 4:
            continue  # an indented code block, or a nested item whose parent was already seen
        if heading := _HEADING.match(raw):
            title = strip_emphasis(heading.group("text") or "")
            if _objective_label(title) or KR_SECTION.match(title) or _okr_heading(title):
                return True
            continue
        line = raw.strip()
        if line.startswith("|") and any(
            KR_COLUMN.match(strip_emphasis(cell.strip())) for cell in line.split("|")
        ):
            return True
        item = _LIST_MARKER.match(line)
        line = strip_emphasis(line[item.end() :] if item else line)
        # The loader reads "Objective:" in headings and list items, "KR:" in paragraphs too.
        if (item and _objective_label(line)) or KR_LABEL.match(line):
            return True
    return False


def _text(text: str) -> bool:
    # The text loader reads objectives only: KR lines with no objective above them yield nothing.
    for raw in text.split("\n"):
        line = raw.strip()
        if line and not line.startswith("#") and (_objective_label(line) or TEMPLATE.match(line)):
            return True
    return False


def _okr_heading(title: str) -> bool:
    return bool(_OKR_WORD.search(title) and _CYCLE_WORD.search(title))
