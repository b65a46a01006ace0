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
from typing import TYPE_CHECKING

from okrlint.loaders.cycles import cycle_heading, find_cycle
from okrlint.loaders.labels import Role, classify
from okrlint.loaders.line_kinds import EXAMPLE_HEADING
from okrlint.loaders.vocabulary import vocabulary

if TYPE_CHECKING:
    from okrlint.models import Objective, OKRDocument


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
# A title naming OKRs and a cycle ("# Q2 OKRs", "Data team OKRs, FY26"); a page about the
# OKR process ("How we use OKRs") has the word but no cycle.
_OKR_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t].*\b(?:okrs?|objectives|goals)\b.*$", re.I)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t].*$", re.M)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*\n){0,200}?---[ \t]*(?:\n|\Z)")


def looks_like_okrs(text: str, fmt: str, path: str = "") -> bool:
    """Whether `text` in format `fmt` (yaml, markdown, text, csv, tsv) holds OKRs."""
    if fmt == "yaml" and _okrlint_yaml(text):
        return True
    if not _mentions().search(text) and not _OKR_NAME.search(PurePath(path).name):
        return False
    from okrlint.loaders import load  # the loaders import this module's vocabulary

    result = load(text, path or "-", fmt)
    document = result.document
    if document is None:
        return False
    objectives = [o for o in document.objectives if _meaningful(o.title)]
    if fmt == "yaml":
        return any(objective.key_results for objective in objectives)
    if fmt in ("csv", "tsv"):
        # A sheet whose header names objective or key-result columns, holding a real key
        # result: a sheet of other data with a "Goals" column yields no key results.
        if "okr" in PurePath(path).name.lower() and _only_statements(objectives):
            # "okrs.csv" listing objectives without key results yet (a sheet merely named
            # for objectives may group tasks by them: "task-list-by-objective.csv")
            return True
        return any(any(_meaningful(kr.title) for kr in o.key_results) for o in objectives)
    if _explains(document.objectives, objectives) or _course(text):
        return False
    if fmt == "markdown" and (title := _example_title(text)) is not None:
        # "# OKR Examples" over sets for a few teams: a guide. A real set titled "# Gitcoin DAO
        # OKRs Example" states its cycle below the title ("## Proposed OKRs for H1 2022"); a
        # year in the title alone ("# OKR Examples for 2024") is the guide's.
        stated = document.cycle if document.cycle_source != "path" else None
        if stated is None or stated in (find_cycle(title), cycle_heading(title)):
            return False
    if fmt in ("text", "markdown") and _OKR_NAME.search(PurePath(path).name) and _only_statements(objectives):
        # "OKR.txt", "OKR.md" holding a few bare goal sentences: objectives without KRs; not a
        # handbook page about OKRs whose definition bullets ("**Inspirational** - Motivate the
        # team" under "Writing Good Objectives") read as statements
        return _headings_about_okrs(text) <= max(2, 2 * len(objectives))
    if result.layout == "labelled":
        # A labelled OKR set: an objective with a real key result, or two labelled objectives
        # (a draft still without key results). Not a template's "[Objective]", a page's
        # "Objectives" heading, or one example objective in an article.
        with_krs = any(any(_meaningful(kr.title) for kr in o.key_results) for o in objectives)
        if len(objectives) == 1 and not (_okr_path(path) or _stated_cycle(document) or _okr_labels(text)):
            return False  # a design doc's "Objective" heading over its goals, not an OKR set
        return with_krs or len(objectives) >= 2
    # The plain layout (headings or bold lines owning lists) fits any README, meeting notes or
    # page about OKRs. It takes a title naming OKRs and a cycle ("# Q2 OKRs"), or two
    # objectives with key results and a cycle or a file or folder named for OKRs.
    with_krs_count = sum(1 for o in objectives if any(_meaningful(kr.title) for kr in o.key_results))
    krs = [kr for o in objectives for kr in o.key_results]
    if not with_krs_count or sum(1 for kr in krs if _terms().search(kr.title)) * 10 > len(krs):
        return False  # bullets that keep naming OKRs explain them

    if _named(text, path):
        return True
    # A cycle written in the file; one read from its path ("notes/2016/Q3/…") says nothing.
    cycle = (document.cycle and document.cycle_source != "path") or any(o.cycle for o in objectives)
    if _okr_path(path) and cycle:
        return True  # "OKR/LOCOL.md" with a "## 2019 Q2" heading over its one objective
    return with_krs_count >= 2 and bool(_okr_path(path) or cycle)


def _headings_about_okrs(text: str) -> int:
    """Headings that name OKRs without a cycle ("What are OKRs?", "OKR Process", "Writing
    Good Objectives"); a set's own headings name its cycle ("## Q1 OKRs") or label its
    statements ("### Objective 1: Learning", "## [P1] KR: Read a book a month")."""
    stated = (Role.OBJECTIVE, Role.KEY_RESULT)
    return sum(
        1
        for heading in _HEADING.findall(text)
        if _terms().search(heading)
        and not find_cycle(heading)
        and classify(heading.lstrip(" #"), heading=True).role not in stated
    )


def _stated_cycle(document: OKRDocument) -> bool:
    """A cycle written in the file (a path's "notes/2016/Q3/…" says nothing of its content)."""
    return bool(document.cycle and document.cycle_source != "path") or any(o.cycle for o in document.objectives)


def _okr_labels(text: str) -> bool:
    """A line labelled as a key result or opening the key results ("KR1: …", "Key results:"),
    or an objective labelled with its statement ("O: Grow", "Objective 1: …"); a bare
    "Objective" heading, a design doc's section, is neither."""
    kinds = (Role.KEY_RESULT, Role.KR_SECTION, Role.OBJECTIVE)
    return any(
        classify(line.strip(" \t-*+#>|").strip("*_ "), heading=line.lstrip().startswith("#")).role in kinds
        for line in text.split("\n")
        if _label_word().search(line)
    )


@cache
def _label_word() -> re.Pattern[str]:
    """A cheap look for a label's word before a line is classified."""
    words = vocabulary()
    return re.compile(
        rf"{words.key_result}|{words.kr_section}|{words.strong_objective}|{words.weak_objective}|\bO\d*\s*[:：.\-–—]",
        re.IGNORECASE,
    )


def _example_title(text: str) -> str | None:
    """The page's title (its first heading, past any front matter and code fences) when it
    says the page holds examples ("# OKR Examples") or explains OKRs ("# What are OKRs")."""
    front = _FRONT_MATTER.match(text)
    fence = ""
    for line in text[front.end() if front else 0 :].split("\n"):
        stripped = line.strip()
        if fence:
            fence = "" if stripped.startswith(fence) else fence
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif _HEADING.fullmatch(line):
            title = line.strip().lstrip("#").strip()
            return title if EXAMPLE_HEADING.search(title) or _explains_okrs(title) else None
    return None


def _explains_okrs(title: str) -> bool:
    """A title that opens an explanation of OKRs: "What are OKRs (and how we use them here)",
    "How we do OKRs", "About OKRs"; not "Team OKRs" nor "How we grow: Q3 OKRs"."""
    return bool(_EXPLAINER_TITLE().match(title)) and bool(_OKR_TERM.search(title)) and find_cycle(title) is None


@cache
def _EXPLAINER_TITLE() -> re.Pattern[str]:
    return re.compile(rf"^\W*(?:{vocabulary().explainer})\b", re.IGNORECASE)


_OKR_TERM = re.compile(r"\bokrs?\b|objectives\s+and\s+key\s+results", re.IGNORECASE)


def _course(text: str) -> bool:
    """Two or more headings that number the lessons of a course ("## Clase 7: Qué son los Key
    Results", "## Lesson 2 - Writing objectives"): a page that teaches OKRs."""
    return len(_course_heading().findall(text)) >= 2


@cache
def _course_heading() -> re.Pattern[str]:
    return re.compile(rf"^ {{0,3}}#{{1,6}}[ \t]+(?:{vocabulary().course_heading})\s*\d{{1,2}}\b", re.I | re.M)


def _only_statements(objectives: list[Objective]) -> bool:
    return len(objectives) >= 2 and not any(o.key_results for o in objectives)


def _explains(read: list[Objective], meaningful: list[Objective]) -> bool:
    """Headings that keep naming OKRs ("Defining key results", "Shared OKRs", "Why OKRs
    fail") outnumber the objectives with real key results: a page explaining OKRs."""
    about = sum(1 for o in read if _terms().search(o.title))
    with_krs = sum(1 for o in meaningful if any(_meaningful(kr.title) for kr in o.key_results))
    return about >= 3 and about > with_krs


# A template's placeholder instead of a statement: "[High-level goal]", "<objective>", "XXX",
# "[Measurable result 1] (Week N)", "Reduce turnover from x% to y%"; in any language, behind a
# label the loader did not know ("Mục tiêu 1: [CẦN ĐIỀN]") and before a progress note
# ("[metric + milestone] — progress: not started").
# Bounded and possessive (*+): a 20,000-character "<details>" line followed by spaces took 24 s.
_PLACEHOLDER = re.compile(
    r"^\s*+(?:(?:[^\W\d_]{1,15}\s){1,3}\d{1,2}(?:\.\d{1,2})?\s*+[:：.]\s*+)?"
    r"(?:[\[<{(][^\]>})]{0,80}[\]>})].{0,20}|[\[<{(][^\]>})\s]{1,40}\s[^\]>})]{0,60}[\]>})]\s[—–-]\s[^\d\n]{0,60}|_{2,}|\.{3}|…|x{2,}|tbd|todo)\s*+[.:]?\s*+$"
    r"|\b[xyn]\s?%|\b[xyn] (?:pages|people|days|users|customers|experts)\b",
    re.I,
)


def _meaningful(title: str) -> bool:
    """Not a placeholder, not a heading or definition about OKRs ("Defining objectives",
    "Key results: what we measure": real objectives and key results rarely name the terms),
    and not quoted whole (an article's example: '"Our customers never wait for releases"')."""
    quoted = len(title) > 2 and title[0] in "\"“„'‘«" and title.rstrip(" .")[-1:] in "\"”'’»"
    return not quoted and not _PLACEHOLDER.search(title) and not _terms().search(title)


@cache
def _terms() -> re.Pattern[str]:
    words = vocabulary()
    return re.compile(
        rf"\b(?:{words.strong_objective}|{words.key_result}|{words.kr_section})(?:s|e|es|en|er)?\b"
        r"|\bokrs?\b",
        re.IGNORECASE,
    )


def _okr_path(path: str) -> bool:
    """The file's name or its folder names OKRs or goals (`OKR/LOCOL.md`); `path` is relative
    to the folder being walked, so the repository's own name does not count."""
    return any(_OKR_NAME.search(part) for part in PurePath(path).parts[-2:])


def _named(text: str, path: str) -> bool:
    """The page's title (its first heading) names OKRs and a cycle: "# Data team OKRs, Q3"."""
    first = _HEADING.search(text)
    if first is None or not _OKR_HEADING.match(first.group(0)):
        return False
    return bool(find_cycle(first.group(0)) or cycle_heading(first.group(0).lstrip("# ")))


# A Markdown heading, not a "# okrlint: disable=…" comment of a text draft.
_STDIN_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?!okrlint:)\S.*$", re.M | re.I)


def stdin_format(text: str) -> str:
    """The format of unnamed input (stdin with no --stdin-filename): YAML when it has
    okrlint's YAML layout (an `objectives:` key), Markdown when it has "#" headings (a text
    draft reads those as notes), else text."""
    if _okrlint_yaml(text):
        return "yaml"
    return "markdown" if _STDIN_HEADING.search(text) else "text"


def _okrlint_yaml(text: str) -> bool:
    if _YAML_OBJECTIVES.search(text):
        return True
    if text.lstrip().startswith("{") and _JSON_OBJECTIVES.search(text):
        return True  # JSON is YAML too; its keys are indented however the writer chose
    first = next((line for line in text.split("\n") if not _YAML_NOISE.match(line)), "")
    return first.startswith("-") and bool(_YAML_LIST_KEY.search(text))
