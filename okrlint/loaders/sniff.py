"""Does a file found by walking a directory hold OKRs? Decided by reading it as its loader would.

A repository holds many .yaml/.md/.txt files that are not OKRs (CI and compose files, Helm
templates, READMEs, pages that explain OKRs); linting them reports noise. A cheap look for OKR
words comes first; a file that has them is loaded, and it holds OKRs when its loader finds an
objective with key results in it. Files named on the command line are always linted.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import PurePath

from okrlint.loaders.cycles import cycle_heading, find_cycle
from okrlint.loaders.vocabulary import vocabulary


@cache
def _mentions() -> re.Pattern[str]:
    words = vocabulary()
    return re.compile(
        rf"{words.strong_objective}|{words.weak_objective}|{words.key_result}|okrs?\b|\bO\d|\bO\s*[:：\-–—]"
        r"|as\s+measured\s+by"
        r"|key_?results|keyresults",
        re.IGNORECASE,
    )


# YAML in okrlint's own layout: a top-level `objectives` key, or a bare list of objectives
# (items with an `objective` title or `key_results`; a list whose items only have `name` or
# `title` is too common, in Ansible or CI steps, to count). Such a file is linted even when it
# does not parse, so its syntax error is reported.
_YAML_OBJECTIVES = re.compile(r"""^(?:\{[ \t]*)?(["']?)objectives\1[ \t]*:""", re.MULTILINE)
_YAML_LIST_KEY = re.compile(r"""^[ \t-]+(["']?)(?:objective|key_results)\1[ \t]*:""", re.MULTILINE)
_JSON_OBJECTIVES = re.compile(r"""["']objectives["'][ \t]*:""")
_YAML_NOISE = re.compile(r"^(?:\s*(?:#.*)?|---.*|\.\.\.\s*|%.*)$")  # blank, comment, markers
# A file name that says it holds OKRs or goals: "okrs.md", "Team-OKRs.yaml", "goals.md".
_OKR_NAME = re.compile(r"okr|objective|goal|key[\s_-]?result|ziel|objetivo|objectif|mål", re.I)
# A heading naming OKRs and a cycle ("# Q2 OKRs", "Data team OKRs, FY26"); a page about the
# OKR process ("How we use OKRs") has the word but no cycle.
_OKR_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t].*\b(?:okrs?|objectives|goals)\b.*$", re.I | re.M)


def looks_like_okrs(text: str, fmt: str, path: str = "") -> bool:
    """Whether `text` in format `fmt` (yaml, markdown, text) holds OKRs."""
    if fmt == "yaml" and _okrlint_yaml(text):
        return True
    if not _mentions().search(text) and not _OKR_NAME.search(PurePath(path).name):
        return False
    from okrlint.loaders import load  # the loaders import this module's vocabulary

    result = load(text, path or "-", fmt)
    document = result.document
    if document is None or not document.objectives:
        return False
    if fmt == "yaml":
        return any(objective.key_results for objective in document.objectives)
    # The plain layout (headings owning lists) fits any README: it needs the file's name or a
    # heading to say these are OKRs.
    return result.layout == "labelled" or _named(text, path)


def _okrlint_yaml(text: str) -> bool:
    if _YAML_OBJECTIVES.search(text):
        return True
    if text.lstrip().startswith("{") and _JSON_OBJECTIVES.search(text):
        return True  # JSON is YAML too; its keys are indented however the writer chose
    first = next((line for line in text.split("\n") if not _YAML_NOISE.match(line)), "")
    return first.startswith("-") and bool(_YAML_LIST_KEY.search(text))


def _named(text: str, path: str) -> bool:
    if _OKR_NAME.search(PurePath(path).name):
        return True
    return any(find_cycle(match.group(0)) or cycle_heading(match.group(0).lstrip("# "))
               for match in _OKR_HEADING.finditer(text))
