"""The state the assembler keeps while it walks an outline, and the operations on it: open an
objective, state it, add or continue a key result, record metadata, close it. The readers of
headings, paragraphs and lists (heading_reading.py, paragraph_reading.py, list_reading.py)
share it; assemble.py puts them together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from okrlint.loaders.annotations import split_annotation
from okrlint.loaders.cycles import trailing_cycle
from okrlint.loaders.found import Found
from okrlint.loaders.inline_results import inline_key_results
from okrlint.loaders.labels import Line, Role, classify, label_cycle
from okrlint.loaders.line_kinds import DEFINITION, ID_YEAR, LABEL_REFERENCES, sentences
from okrlint.loaders.outline import Item, TextLine
from okrlint.loaders.outline_hints import BULLETISH
from okrlint.loaders.vocabulary import vocabulary
from okrlint.models import KeyResult, Objective, Span

# Where a title sits in the source: (title, first row, row after the last) -> Span.
Locate = Callable[[str, int, int], Span]


@dataclass
class OpenObjective:
    """The objective being read, with what its reading has shown so far."""

    objective: Objective
    level: float  # the heading level it belongs to; paragraph- and item-opened: section + 0.5
    from_heading: bool
    weak: bool
    pending: bool = False  # a label alone: the statement comes next
    tentative: bool = False  # a plain heading: an objective only if key results follow
    kr_ahead: bool = False  # its section has a key-results part: lists before it are context
    list_krs: bool = False  # some key results came from a list (headings below are details)
    from_paragraph: bool = False  # a one-line paragraph above its list
    unstated: bool = False  # a label alone, and no statement followed: a definition's heading
    prose_after: bool = False  # prose followed its key results: later plain lists are not KRs
    kr_caption: bool = False  # its key results follow a "**Key results:**" caption line
    deadline: str | None = None


@dataclass
class Section:
    """A heading's section around the current position."""

    level: int
    kind: str  # objective | kr-section | kr | other | plain | cycle
    cycle: str | None = None
    text: str = ""


class AssemblyState:
    """What the readers of an outline share while they walk it: the objective open now, the
    sections around it, what the file has shown so far, and how objectives and key results
    are opened, stated and closed."""

    def __init__(self, locate: Locate, *, separate_lines: bool = False) -> None:
        self.locate = locate
        self.objectives: list[Objective] = []
        self.found = Found()
        self._weak: set[int] = set()  # objectives to drop unless key results follow
        self._deadlines: dict[int, str] = {}
        self._current: OpenObjective | None = None
        self._sections: list[Section] = []
        self._kr_line = False  # a "Key results:" line: the next list (or lines) are key results
        self._skip = False  # an "Initiatives:" line: nothing is read until the next label
        self._example_next = self._example_here = False  # after "An example:", the block after
        self._fallback = False
        self._objective_labels = False  # the file labels an objective somewhere
        # Text files have no paragraphs: a "Key results:" line covers the lines after it.
        self._separate_lines = separate_lines
        self._roles: dict[tuple[str, bool], Line] = {}
        self._lone: set[int] = set()
        self._seen_heading = False
        self._para_cycle: str | None = None  # a cycle named by a bold line, not a heading
        # heading -> (a key-results part inside it or next to it, a list follows it)
        self._ahead: dict[int, tuple[bool, bool]] = {}
        self._kr_paragraphs = False  # a key-results heading with no list: its paragraphs are KRs
        self._kr_heading: KeyResult | None = None  # a KR heading that is only a name
        self._plain_headings: list[OpenObjective] = []  # the plain headings opened as tentative objectives
        self._adopted: OpenObjective | None = None  # the one that key-result headings were given to
        self._kr_caption_row: int | None = None  # the row of the last "Key results:" line
        self._tables = 0  # tables read so far
        self._summary_table: set[int] = set()  # objectives read from a table under "## Summary"
        self._graded: set[int] = set()  # objectives followed by a review's "Result: …" line
        self._rows: dict[int, int] = {}  # objectives read from table rows: the table's number
        self._paragraph_objectives = False  # a one-line paragraph over a list was an objective
        self._last_kr_row: int | None = None  # the last row of the last key result read
        # The plain and metadata lines read since the last block of any other kind: in a text
        # file each line is its own paragraph, and a "Key results:" line looks back over them.
        self._lines_above: list[TextLine] = []
        # A "Key results:" line's results came as a list: a line of text after the list ends
        # them (text files; "Supporting work: …" after an Asana goal's sub-goals).
        self._kr_listed = False
        self._marked_results = True  # the file marks key results somewhere (list, label, caption)
        self._label_only: set[int] = set()  # opened by a label alone ("### Objective 1")
        self._result_headings: set[int] = set()  # plain headings whose sub-headings are results
        self._heading_objectives: set[int] = set()  # objectives opened by such headings

    def _role(self, text: str, heading: bool = False) -> Line:
        key = (text, heading)
        if key not in self._roles:
            self._roles[key] = classify(text, heading=heading)
        return self._roles[key]

    def _section_level(self) -> int:
        return self._sections[-1].level if self._sections else 0

    def _started(self) -> bool:
        """Whether an objective has been read yet (a title heading's tentative one aside)."""
        return any(o.key_results or id(o) not in self._weak for o in self.objectives)

    def _explicit_kr_part(self) -> bool:
        return self._kr_line or bool(self._sections and self._sections[-1].kind == "kr-section")

    def _open(
        self, line: TextLine, role: Line, level: float, *, from_heading: bool, label: bool = True
    ) -> None:
        """Start an objective; `label`: its line carries an objective label (not a bold item
        or a plain heading), which marks the file as labelled."""
        self._close()
        self._kr_line = self._skip = False
        pending = role.role == Role.OBJECTIVE_LABEL
        title = line.text.strip() if pending else role.title
        inline = None if pending else inline_key_results(title)
        if inline is not None:
            title = inline[0]  # "O1 Expand into the UK: (a) 40 UK customers; (b) …"
        title, annotation = split_annotation(title)
        title, stated = trailing_cycle(title)  # "Win the enterprise market (Q3 2026)"
        objective = Objective(title=title, span=self.locate(title, line.row, line.row + 1))
        if annotation is not None:
            objective.progress = annotation.progress if annotation.progress is not None else annotation.score
            objective.owner = annotation.owner
        cycle = stated or label_cycle(line.text) or next(
            (s.cycle for s in reversed(self._sections) if s.cycle), self._para_cycle
        )  # "Q1 Objective: …" names its own cycle
        if cycle is None and (year := ID_YEAR.search(line.text)):
            cycle = year.group(1)  # "OKR '2026.C1': …": the id names the year
        objective.cycle = cycle
        self.objectives.append(objective)
        if role.weak:
            self._weak.add(id(objective))
        elif label:
            self.found.labelled = True
        if pending:
            self._label_only.add(id(objective))
        self._current = OpenObjective(objective, level, from_heading, role.weak, pending)
        for result in inline[1] if inline is not None else ():
            self._make_kr(self._current, [result], [line])

    def _state_objective(self, current: OpenObjective, lines: list[TextLine], *, relabel: bool = False) -> None:
        """The statement of an objective whose label stood alone (or gave only an id)."""
        text = " ".join(line.text.strip() for line in lines if line.text.strip())
        title, annotation = split_annotation(text)
        objective = current.objective
        objective.title = title
        objective.span = self.locate(title, lines[0].row, lines[-1].row + 1)
        if annotation is not None and objective.progress is None:
            objective.progress = annotation.progress
        if annotation is not None and annotation.owner:
            objective.owner = annotation.owner
        current.pending = False
        if not relabel:
            current.weak = False
            self._weak.discard(id(objective))

    def _state_kr(self, current: OpenObjective, kr: KeyResult, line: TextLine) -> None:
        """A key-result heading that was only a name takes the sentence under it."""
        title, _annotation = split_annotation(line.text.strip())
        if kr in current.objective.key_results and title:
            kr.title = title
            kr.span = self.locate(title, line.row, line.row + 1)

    def _close(self) -> None:
        self._current = None

    def _adopt(self) -> None:
        """A key-result heading with no objective open: a slide deck puts each KR on a slide of
        its own ("# 🏢 KR1: New logos") after the slide whose plain heading states the aim
        ("## Win and expand enterprise accounts"); the last plain heading that has no key
        results yet is their objective."""
        plain = self._plain_headings[-1] if self._plain_headings else None
        if plain is not None and (not plain.objective.key_results or plain is self._adopted):
            self._current = self._adopted = plain

    def _add_kr(self, lines: list[TextLine], first_title: str) -> None:
        if self._separate_lines and len(lines) == 1:
            # A pasted line may hold several results: "Sell for 100M. Grow EMEA 100%."
            for sentence in sentences(first_title):
                self._add_kr_tracked([TextLine(sentence, lines[0].row)], sentence)
            return
        added = self._add_kr_tracked(lines, first_title)
        rest = lines[len(added[1]) :] if added is not None else []
        # A lazy continuation line labelled "KR: …" is the next key result, not more of this one;
        # one labelled "Objective 3: …" opens the next objective, whose results follow.
        while rest:
            role = self._role(rest[0].text)
            text = rest[0].text.lstrip()
            labelled = text[:1].isupper() and any(mark in text[:25] for mark in ":：")
            if role.role == Role.OBJECTIVE and self._current is not None and not role.weak and labelled:
                level = self._current.level
                self._open(rest[0], role, level, from_heading=False)
                rest = rest[1:]
                continue
            if role.role != Role.KEY_RESULT:
                rest = rest[1:]
                continue
            added = self._add_kr_tracked(rest, role.title)
            rest = rest[len(added[1]) :] if added is not None else rest[1:]

    def _add_kr_tracked(
        self, lines: list[TextLine], first_title: str
    ) -> tuple[KeyResult, list[TextLine], str] | None:
        current = self._current
        if current is None or not lines or DEFINITION.search(first_title):
            return None  # "Key results: 3-5 measurable results for an objective" defines them
        current.pending = False
        if self._role(lines[0].text).role == Role.KEY_RESULT:
            self.found.labelled = True
        parts = [first_title.strip()]
        used = [lines[0]]
        for line in lines[1:]:
            if line.text.startswith(BULLETISH) or self._role(line.text).role != Role.PLAIN:
                break  # a bullet-like line or a label: not a wrapped continuation
            parts.append(line.text.strip())
            used.append(line)
        return self._make_kr(current, parts, used)

    def _make_kr(
        self, current: OpenObjective, parts: list[str], used: list[TextLine]
    ) -> tuple[KeyResult, list[TextLine], str] | None:
        title, annotation = split_annotation(" ".join(p for p in parts if p))
        if not any(char.isalnum() for char in title) or LABEL_REFERENCES.match(title):
            return None  # nothing, or only labels of other key results ("KR1-KR4")
        kr = KeyResult(title=title, span=self.locate(title, used[0].row, used[-1].row + 1))
        if annotation is not None:
            kr.progress, kr.weight = annotation.progress, annotation.weight
            kr.score = annotation.score
            kr.owner = annotation.owner
        current.objective.key_results.append(kr)
        current.prose_after = False
        self._last_kr_row = used[-1].row
        return kr, used, title

    def _continue_kr(
        self, last: tuple[KeyResult, list[TextLine], str], line: TextLine
    ) -> tuple[KeyResult, list[TextLine], str] | None:
        kr, used, title = last
        current = self._current
        if current is None or kr not in current.objective.key_results:
            return None
        current.objective.key_results.remove(kr)
        return self._make_kr(current, [title, line.text.strip()], [*used, line])

    def _metadata(self, role: Line, row: int) -> None:
        words = vocabulary()
        current = self._current
        if role.key in words.cycle_keys and role.value:
            if current is None and self.found.cycle is None and not self._started():
                self.found.cycle = (role.value, row)
            elif current is not None:
                current.objective.cycle = role.value
        elif (role.key in words.deadline_keys or role.key.split()[-1] in words.deadline_keys) and role.value:
            if current is not None:
                self._deadlines[id(current.objective)] = role.value
            elif not self._started() and self.found.deadline is None:
                self.found.deadline = (role.value, row)
        elif role.key in ("owner", "owners", "dri", "lead") and current is not None:
            current.objective.owner = current.objective.owner or role.value
        elif role.key in words.result_keys and role.value and current is not None:
            current.prose_after = True  # "Result: ✅ Done": a review; the list after is evidence
            self._graded.add(id(current.objective))

    # Defined by the paragraph and list readers (paragraph_reading.py, list_reading.py);
    # declared here so that the other readers may call them.
    def _paragraph(self, lines: list[TextLine], separate: bool) -> None:
        raise NotImplementedError

    def _objective_list(self, items: list[Item]) -> bool:
        raise NotImplementedError
