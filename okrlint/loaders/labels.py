"""What a line of an OKR file is, read from its label.

"Objective 2: …", "O1 - …", "okr1 …" open objectives; "KR1: …", "**KR 2** …", "Key Result 3 —"
are key results; "### Objective" and "Key results:" announce what follows; "Initiatives",
"Grading notes" open sections that hold no key results; "Owner: Dana" is metadata. Shared by
the Markdown, text and table readers and by the sniffer, built from corpora/layout/.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from okrlint.loaders.annotations import EMOJI_JOINERS
from okrlint.loaders.cycles import CYCLE_TOKEN, cycle_heading, find_cycle
from okrlint.loaders.vocabulary import phrase_key, vocabulary


class Role(StrEnum):
    OBJECTIVE = "objective"  # a label and the objective's statement
    OBJECTIVE_LABEL = "objective-label"  # the label alone: the statement follows
    KEY_RESULT = "key-result"  # a label and the key result
    KR_SECTION = "kr-section"  # "Key results:": the key results follow
    OTHER_SECTION = "other-section"  # "Initiatives", "Notes": no key results follow
    METADATA = "metadata"  # "Owner: Dana"
    PLAIN = "plain"


@dataclass(frozen=True)
class Line:
    """A line's role and, for objectives and key results, the text after the label."""

    role: Role
    title: str = ""
    weak: bool = False  # opened by a weak word ("Goal 1:", "okr2"): kept only with key results
    key: str = ""  # metadata: the key, lower-case, single-spaced
    value: str = ""  # metadata: the value


# A label's number or id, taken whole: "2", "#3", "2.2", "'2022.C1'". The lookahead stops
# "KR 2.2 Grow" from reading as "KR 2." followed by "2 Grow"; a year is no label's number
# ("# OKR 2026 Q2" names a cycle, not objective 2026).
_NUMBER = r"(?:#\s*)?(?!(?:19|20)\d\d(?![\d.]))\d{1,4}(?:\.\d{1,4}){0,4}[a-z]?(?!\.?\d)"
_ID = r"['\"`‘’“”][\w.\-]{1,24}['\"`‘’“”]"
_REF = rf"(?:{_NUMBER}|{_ID})"
# A capital letter for an id, before a separator only: "Objective A:", "KR B2:", "KR A.1 -";
# or a small letter closed by a bracket or colon, as an outline letters them: "KR a) …".
_LETTER_REF = r"(?:(?-i:[A-Z])(?:\.?\d{1,2}(?:\.\d{1,2})?)?(?![\w])|(?-i:[a-h])(?=[):]))"
_SEPARATOR = r"[:：.)）\-–—|、]"
# After a label's word, a dash is a separator only with a space beside it: "Objective - Grow",
# not "Objective-level status" (a compound word).
_TITLE_SEPARATOR = r"(?:[:：.)）|、]{1,2}|(?<=\s)[\-–—]|[\-–—](?=\s))"
_NO_LETTER = r"(?![^\W\d_])"  # the word ends here: "Objectives" is not "Objective" + "s"
_OPEN, _CLOSE = r"[\[(（]?", r"[\])）]?"
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.{1,60}?)\1")
_WHOLE_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(\S(?:.{0,400}\S)?)\1\s*$")


@dataclass(frozen=True)
class _Patterns:
    objective: re.Pattern[str]
    objective_label: re.Pattern[str]
    key_result: re.Pattern[str]
    kr_section_line: re.Pattern[str]
    kr_section_heading: re.Pattern[str]
    other_line: re.Pattern[str]
    other_heading: re.Pattern[str]
    explainer: re.Pattern[str]
    example_heading: re.Pattern[str]
    metadata: re.Pattern[str]


def _titled(words: str) -> str:
    """`words` + optional number + separator + title, or `words` + number + title."""
    return (
        # Possessive spaces (*+, ++): a label word followed by 800 spaces was split every way
        # between the space runs before failing (0.6 s a line, found by a long fuzz run).
        rf"{_OPEN}(?P<word>{words})\.?{_NO_LETTER}\s*+(?:[-#]?\s*+(?:{_REF}|{_LETTER_REF}))?{_CLOSE}\s*+"
        rf"{_TITLE_SEPARATOR}\s*+(?P<title>\S.*)"
        rf"|{_OPEN}(?P<word2>{words}){_NO_LETTER}\s*+[-#]?\s*+{_REF}{_CLOSE}\.?\s++(?P<title2>\S.*)"
    )


@cache
def _patterns() -> _Patterns:
    words = vocabulary()
    objective_words = f"(?:{words.strong_objective}|{words.weak_objective})"
    # "O1: …", "O2 - …", "O3 …": a capital O (a lower-case "o - " is prose) with at most two
    # digits (rule codes such as "O101" are not objectives); a bare "O." is an abbreviation.
    # A release or quarter may scope the number: "R0-O1: …", "Q3-O2 …".
    scope = r"(?:(?-i:[A-Z]{1,2})\d{1,2}-)?"
    o_form = (
        scope + r"(?-i:O)(?:\d{1,2}(?:\.\d{1,2}){0,2}(?!\.?\d)\s*[:：.)）\-–—]|\s*[:：\-–—])\s*(?P<title3>\S.*)"
        r"|" + scope + r"(?-i:O)\d{1,2}(?:\.\d{1,2}){0,2}(?!\.?\d)\.?\s+(?P<title4>\S.*)"
    )
    section = rf"(?:{words.kr_section}|{words.key_result}(?:s|e|en|er|es)?)"
    return _Patterns(
        objective=re.compile(rf"^(?:{_titled(objective_words)}|{o_form})$", re.I),
        objective_label=re.compile(
            rf"^{_OPEN}(?:(?P<strong>{words.strong_objective})\.?{_NO_LETTER}\s*+(?:[-#]?\s*+{_REF})?"
            rf"|{words.weak_objective}{_NO_LETTER}\s*+[-#]?\s*+{_REF}|(?-i:O)\d{{1,2}}){_CLOSE}"
            r"\s*+[:：]?\s*+$",
            re.I,
        ),
        key_result=re.compile(
            rf"^(?:{_titled(words.key_result)}"
            rf"|(?:{words.key_result})(?:s|e|en|er|es)?{_NO_LETTER}\s*[:：]\s*(?P<title3>\S.*)"
            # An owner before the label: "Distribution KR: …", "Sales (Closing Deals) KR: …"
            r"|[^\W\d_][\w&/().' -]{0,40}?\s(?:KR|key\s+result)\s*(?:#?\d{1,3})?\s*[:：]\s*(?P<title4>\S.*)"
            # A letter-scoped id after a hyphen: "KR-T3.1: …" (the third term's first result)
            rf"|(?:{words.key_result})\s*-\s*(?-i:[A-Z]{{1,2}})\d{{1,3}}(?:\.\d{{1,4}}){{0,3}}\s*[:：]\s*(?P<title5>\S.*)"
            # A numbered result: "Result #1: We define …" (never a bare "Result:", a report's word)
            r"|result\s*+#?\s*+\d{1,2}\s*+[:：]\s*+(?P<title6>\S.*)"
            # French and Spanish "RC 1.1 : …" (résultat clé, resultado clave), numbered under
            # its objective: a bare "RC1:" is as likely a release candidate
            r"|(?-i:RC)\s?\d{1,2}\.\d{1,2}\s*+[:：.)\-–—]\s*+(?P<title7>\S.*))$",
            re.I,
        ),
        kr_section_line=re.compile(
            rf"^{section}{_NO_LETTER}\s*+(?:[(（][^)）]{{0,40}}[)）])?\s*+[:：]?\s*+$", re.I
        ),
        kr_section_heading=re.compile(
            rf"^{section}{_NO_LETTER}(?:\s+\S+){{0,4}}\s*[:：]?$", re.I
        ),
        # "project-agnostic", "task-list": a section word joined to the next is another word
        other_line=re.compile(rf"^{words.other_section}{_NO_LETTER}{_UNJOINED}(?:\s+\S+){{0,3}}\s*[:：]?\s*$", re.I),
        other_heading=re.compile(
            # Possessive (*+, ++): "Example (goo!!!!…" was split every way into four words.
            rf"^{words.other_section}{_NO_LETTER}{_UNJOINED}(?:\s*+\S++){{0,4}}\s*[:：?]?$"
            # "QIRA Projects", "Team notes": a short heading ending in a section word
            rf"|^(?:\S+\s+){{1,2}}{words.trailing_section}\s*[:：]?$",
            re.I,
        ),
        explainer=re.compile(rf"^{words.explainer}{_NO_LETTER}", re.I),
        example_heading=re.compile(rf"^{words.example_heading}{_NO_LETTER}", re.I),
        metadata=re.compile(r"^(?P<key>[^\W\d_][\w'’ /&.\-]{0,40}?)\s*[:：]\s*(?P<value>.*)$"),
    )


_UNJOINED = r"(?!-[^\W\d_])"
_PRIORITY = re.compile(r"^[\[(]P\d{1,2}[\])]\s*(?=\S)")
# Tokens that name an OKR or a cycle in front of a heading's words: "`2022.C1` Initiatives",
# "Q3 Key results".
# A heading that names OKRs ("Team OKRs", "Product goals") is not a notes or team section.
_OKR_WORDS = re.compile(r"\b(?:okrs?|objectives?|goals?)\b", re.IGNORECASE)
_LEADING_ID = re.compile(r"^(?:['\"`‘’][^'\"`‘’]{1,24}['\"`‘’]|[A-Z]{0,3}\d[\w.\-]{0,12})\s+")


# Key result areas name the themes a role or team is responsible for; they are not results.
_KEY_RESULT_AREAS = re.compile(r"^(?:kras?\b|key[\s-]+result[\s-]+areas?\b)", re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})[.)]\s+(?=[A-Za-z])")
_ABBREVIATION = re.compile(r"\s*\((?:O|OKRs?|KRs?|Objectives?|Key Results?)\)\s*$", re.IGNORECASE)


def classify(text: str, *, heading: bool = False) -> Line:
    """The role of one line (or heading) of plain text, emphasis and list markers removed."""
    line = _classify(text, heading=heading)
    if line.role == Role.KEY_RESULT and _BARE_LABEL.match(text) and _ABOUT_A_RESULT.match(line.title):
        # "KR 2.2 depends on the token migration": a sentence about a key result, not one
        return Line(Role.PLAIN, text.strip())
    if line.role in (Role.OBJECTIVE, Role.KEY_RESULT) and line.title:
        marked = _without_pictographs(line.title)
        if marked != line.title and marked[:1] in ":：":
            # "Objective 2 ✅: Delight admins": a status mark between the label and its colon
            return Line(line.role, marked[1:].strip(), weak=line.weak, key=line.key, value=line.value)
    bare = _without_pictographs(text.strip())
    if line.role == Role.PLAIN and bare != text.strip():
        # "# 🏢 KR1: New logos", "## 🎯 Key Results": a decoration before the label (slide
        # decks and generated plans put one on every heading); a plain line keeps its emoji.
        labelled = _classify(bare, heading=heading)
        if labelled.role != Role.PLAIN:
            return labelled
    return line


# A key result's label run into a sentence, no colon or dash after it: "KR 2.2 depends on …".
_BARE_LABEL = re.compile(r"^\W*(?:KRs?|key\s+results?)\s*\d{1,2}(?:\.\d{1,2})?\s+[a-z]", re.IGNORECASE)
# What a sentence about a key result says of it after its label: a verb of its state or fate.
_ABOUT_A_RESULT = re.compile(
    r"(?:on|of|for|in|from)\s+O\d{1,2}\b"  # "KR2 on O1 feels high": which objective's result
    r"|(?:depends|relies|needs|requires|is|was|has|had|moves|moved|slipped|slips|will|may|might"
    r"|could|should|got|gets|stays|remains|counts|looks)\s+(?:on|at|to|be|been|a|an|the|not|in|out|"
    r"behind|ahead|done|blocked|late|moved|dropped|cut|re-scoped|descoped|[a-z]+ed)\b",
    re.IGNORECASE,
)


def _without_pictographs(text: str) -> str:
    """The text after a run of leading emoji and symbols ("🚀 ", "✅ ", "⚡️ ")."""
    end = 0
    while end < len(text) and (unicodedata.category(text[end]) in ("So", "Sk") or text[end] in EMOJI_JOINERS):
        end += 1
    if end == 0 or (end < len(text) and not text[end].isspace() and text[end] not in ":："):
        return text
    return text[end:].lstrip()


def _classify(text: str, *, heading: bool = False) -> Line:
    text = _PRIORITY.sub("", text.strip())  # "[P0] KR: …": the priority comes before the label
    patterns = _patterns()
    if heading:
        # "## 1. Objective (O)", "## 2. Key Results (KRs)": a section number before the label
        # and the abbreviation after it are the heading's numbering, not its words.
        label = _ABBREVIATION.sub("", _SECTION_NUMBER.sub("", text))
        if label != text and (
            patterns.objective_label.fullmatch(label) or patterns.kr_section_heading.fullmatch(label)
        ):
            text = label
    if match := patterns.objective.match(text) or patterns.objective.match(_unscoped(text)):
        word = match.group("word") or match.group("word2") or "o"
        weak = re.fullmatch(vocabulary().weak_objective, word, re.I) is not None
        return Line(Role.OBJECTIVE, _title(match), weak=weak)
    if match := patterns.key_result.match(text):
        # "Key results: …" (the plural, as a section label with text after it) may define the
        # term on a page about OKRs; `weak` lets the reader check.
        plural = "title3" in match.re.groupindex and match.group("title3") is not None
        return Line(Role.KEY_RESULT, _title(match), weak=plural)
    if match := patterns.objective_label.match(text):
        return Line(Role.OBJECTIVE_LABEL, weak=match.group("strong") is None and not text.startswith("O"))
    if heading and re.fullmatch(r"O\s*[:：]?", text):
        return Line(Role.OBJECTIVE_LABEL)  # "## O" over the objective, "## KR" over its results
    bare = text
    if heading:
        while match := _LEADING_ID.match(bare):
            bare = bare[match.end() :]
    if _KEY_RESULT_AREAS.match(bare):
        return Line(Role.OTHER_SECTION)  # "KRAs (Key Result Areas)": themes, not results
    if (patterns.kr_section_heading if heading else patterns.kr_section_line).match(bare):
        # "Key results" heads a section; a longer heading that merely mentions results and
        # starts with a section word ("Notes on key results") is that other section.
        if not (heading and patterns.other_heading.match(bare) and not _starts_kr(bare)):
            return Line(Role.KR_SECTION)
    if heading and patterns.example_heading.match(bare) and _OKR_WORDS.search(bare):
        return Line(Role.OTHER_SECTION)  # "Examples of objectives and key results we used"
    metadata = _metadata(text)
    if (
        metadata is not None
        and not heading
        and metadata.value
        and len(metadata.key.split()) > 1
        and metadata.key.split()[-1] in vocabulary().metadata_keys
    ):
        return metadata  # "Team lead: Femi" is who leads, not a "Team" section of members
    if (patterns.other_heading if heading else patterns.other_line).match(bare) and not (
        heading and _OKR_WORDS.search(bare) and not patterns.explainer.match(bare)
    ):
        return Line(Role.OTHER_SECTION)
    if metadata is not None:
        return metadata
    return Line(Role.PLAIN, text)


def label_cycle(text: str) -> str | None:
    """The cycle written before an objective's label ("Q1 Objective: …", "2026 objective 2:")."""
    match = _scoped_objective().match(text.strip())
    return None if match is None else find_cycle(match.group(0)) or cycle_heading(match.group(0).strip())


def _unscoped(text: str) -> str:
    """The label without the cycle or the level written before it: "Q1 Objective: Launch in
    Germany", "Company objective 2: …" read as "Objective: …" (only before a strong word and
    a colon: "Team goals: …" stays a line of prose)."""
    match = _scoped_objective().match(text)
    return text[match.end() :] if match else text


@cache
def _scoped_objective() -> re.Pattern[str]:
    return re.compile(
        rf"^(?:{CYCLE_TOKEN}(?:\s?[-/]?\s?[QH][1-4])?"
        # (not "Primary objective:", "Main objective:": a business plan's prose says those)
        r"|(?:company|team|department(?:al)?|quarterly|annual|yearly)(?:[- ]wide)?)"
        # Possessive: "Q1 Objective" and 50,000 spaces were re-split for 70 s.
        rf"\s++(?=(?:{vocabulary().strong_objective}){_NO_LETTER}\s*+(?:#?\s*+\d{{1,3}})?\s*+[:：])"
        # an owner or team before an upper-case "OKR", as a handbook writes each team's:
        # "Infrastructure OKR: …", "CEO OKR: …", "VP Eng OKR 2: …"
        r"|(?-i:[A-Z][\w&/.-]{0,30})(?:\s(?-i:[A-Z][\w&/.-]{0,30})){0,2}"
        r"\s++(?=(?-i:OKR)\s*+(?:#?\s*+\d{1,3})?\s*+[:：])",
        re.I,
    )


def _starts_kr(text: str) -> bool:
    words = vocabulary()
    return re.match(rf"(?:{words.kr_section}|{words.key_result})", text, re.I) is not None


def _title(match: re.Match[str]) -> str:
    return next(
        (match.group(name) for name in ("title", "title2", "title3", "title4", "title5", "title6", "title7")
         if name in match.re.groupindex and match.group(name)),
        "",
    ).strip()


def _metadata(text: str) -> Line | None:
    match = _patterns().metadata.match(text)
    if match is None:
        return None
    key = phrase_key(match.group("key"))
    value = match.group("value").strip()
    words = key.split()
    if key in vocabulary().note_keys and value:
        return Line(Role.METADATA, text, key=key, value=value)  # a note, however long
    # A one-word key ("Measure:", "Target:") may carry a longer value than "Active from:".
    limit = 14 if len(words) == 1 else 8
    if not words or len(words) > 4 or len(value.split()) > limit:
        return None
    known = vocabulary().metadata_keys
    if key in known or words[0] in known or words[-1] in known:
        return Line(Role.METADATA, text, key=key, value=value)
    return None


def strip_emphasis(text: str) -> str:
    """Drop emphasis around a leading label ("**KR1:** Grow …" reads as "KR1: Grow …") or
    around the whole line ("*O1: Teams build with the design system*", Slack's bold)."""
    match = _EMPHASIS.match(text)
    if match and len(match.group(2)) < 40:
        return match.group(2) + text[match.end() :]
    whole = _WHOLE_EMPHASIS.match(text)
    if whole and whole.group(1) not in whole.group(2):
        return whole.group(2)
    return text


def _kr_prefix() -> str:
    words = vocabulary().key_result
    return (
        rf"^{_OPEN}(?:{words})\.?{_NO_LETTER}\s*(?:[-#]?\s*{_REF}{_CLOSE}\s*{_SEPARATOR}{{1,2}}"
        rf"|[-#]?\s*{_REF}{_CLOSE}\.?(?=\s)|{_SEPARATOR}{{1,2}})\s*"
    )


# The label in front of a key result ("KR1: ", "Key result 2 - "), for stripping it.
KR_LABEL = re.compile(_kr_prefix(), re.IGNORECASE)
