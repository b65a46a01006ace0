"""Which blocks of an outline are objectives and key results.

Labels decide first ("Objective 2:", "KR1:", "### Objective", "Key results:"); where a file
uses them, unlabelled headings are sections, not objectives. Unlabelled list items are key
results only where the structure says so: directly under an objective, or under a key-results
heading, bullet or line. Initiatives, notes, grading, metadata lines, checklists, navigation and
prose are never key results. A file with no labels at all falls back to the plain layout: a
heading that owns a list is an objective and the list its key results.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from okrlint.loaders.annotations import split_annotation
from okrlint.loaders.cycles import cycle_heading, deadline_date, find_cycle
from okrlint.loaders.found import Found
from okrlint.loaders.labels import Line, Role, classify
from okrlint.loaders.line_kinds import (
    aside,
    block_texts,
    defines,
    first_row,
    first_text,
    generic,
    groups_priority_items,
    header_caption,
    objectives_heading,
    result_line,
    sentences,
    states_named_result,
    without_restatements,
    DEFINITION,
    EXAMPLE_HEADING,
    EXAMPLE_LEAD_IN,
    HORIZON,
    ID_YEAR,
    LABEL_REFERENCES,
    NAMES_OKRS,
    PLAN_PART,
    PRIORITY_LED,
    QUESTION,
    STATEMENT_FIELD,
    TERMS,
)
from okrlint.loaders.outline import (
    Block,
    Details,
    Heading,
    Item,
    ListBlock,
    Paragraph,
    Prebuilt,
    Table,
    TextLine,
)
from okrlint.loaders.vocabulary import vocabulary
from okrlint.models import KeyResult, Objective, Span

# Where a title sits in the source: (title, first row, row after the last) -> Span.
Locate = Callable[[str, int, int], Span]

_OBJECTIVE_LABELS = {Role.OBJECTIVE, Role.OBJECTIVE_LABEL}
# A continuation line that starts like a bullet is an item of its own ("·流程优化").
_BULLETISH = ("·", "•", "▪", "◦", "●", "○", "‣", "–", "- ", "* ", "+ ")
_CHECKBOX = ("[ ]", "[x]", "[X]")


def _leads_in_example(block: Block) -> bool:
    """A paragraph that ends by introducing an example or template ("An example:",
    "Objectives have the following format:")."""
    return isinstance(block, Paragraph) and bool(block.lines) and EXAMPLE_LEAD_IN.search(block.lines[-1].text) is not None


def _names_objectives(blocks: list[Block]) -> bool:
    """An "Objectives:" caption over a list, outside an example's section ("### Example"):
    it names objectives as a label does."""
    example = False
    for block, following in zip(blocks, blocks[1:]):
        if isinstance(block, Heading):
            example = EXAMPLE_HEADING.search(block.line.text) is not None
        elif not example and _objectives_caption(block, following):
            return True
    return False


def _objectives_caption(block: Block, following: Block | None) -> bool:
    """A paragraph ending in a caption that names the objectives listed next ("Objectives:",
    "Cycle Objective(s):"), the list right after it."""
    if not isinstance(block, Paragraph) or not isinstance(following, ListBlock) or not block.lines:
        return False
    caption = block.lines[-1].text.strip()
    if not caption.endswith((":", "：")) or not objectives_heading(caption):
        return False
    if not re.search(rf"\b{vocabulary().strong_objective}", caption, re.IGNORECASE):
        return False  # "Week 13-16 Goals:" over a plan's tasks: goals is a weaker word
    # "Writing Good Objectives:", "Good objectives:" over examples teach; "Cycle Objective(s):"
    # and "Upcoming objectives:" name a set (a how-to title opens with its gerund, then more)
    words_ = caption.split()
    how_to = len(words_) >= 3 and words_[0].lower().endswith("ing")
    return not how_to and EXAMPLE_LEAD_IN.search(caption) is None


def _header_list(block: ListBlock) -> bool:
    """A list that opens with a flattened table header, over items that own nested lists."""
    items = block.items
    return (
        len(items) > 1
        and not items[0].children
        and header_caption(first_text(items[0]))
        and any(item.children for item in items[1:])
    )


# The end-of-cycle grade after a prioritised result or its objective ("P2 - Stabilize Scroll
# Snap 0.9"): in those graded pages a bare fraction at the end is never the target.
# (and the tool's tags: "Make booking work offline #Reliability 0.7")
_GRADE_AFTER = re.compile(r"(?:\s+#[\w-]+)*(?:\s+(?:0?\.\d{1,2}|1\.0{1,2}))?(?:\s+#[\w-]+)*\s*$")
# A line of tags only ("#Implement #Velocity"): labels in an OKR tool, not words of the text.
_TAGS_ONLY = re.compile(r"^(?:#[\w-]+\s*)+$")
# A heading numbered as a part of a document: "2.1 DIATAXIS", "3.4 GitHub Actions".
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)+\.?\s")


def _result_subheadings(blocks: list[Block], headings: list[tuple[int, Heading]]) -> set[int]:
    """The headings whose direct sub-headings read as results, not groups: two or more of
    them, each a statement of three words or more, at least half with no list
    under them ("#### Eliminate csswg-test build step" over a line of prose), none with a
    table or deeper headings of its own."""
    found: set[int] = set()
    for position, (_index, heading) in enumerate(headings):
        children: list[int] = []  # positions in `headings`
        for other_position in range(position + 1, len(headings)):
            other = headings[other_position][1]
            if other.level <= heading.level:
                break
            if other.level != heading.level + 1:
                if children and other.level > heading.level + 1:
                    break  # a sub-heading with headings of its own: groups
                continue
            children.append(other_position)
        if len(children) < 2:
            continue
        nested = any(
            headings[p + 1][1].level > heading.level + 1 for p in children if p + 1 < len(headings)
        )
        if nested:
            continue
        bare = 0
        for p in children:
            start = headings[p][0]
            end = headings[p + 1][0] if p + 1 < len(headings) else len(blocks)
            under = blocks[start + 1 : end]
            text = headings[p][1].line.text
            if any(isinstance(b, Table) for b in under):
                break  # a table under a sub-heading holds its results: a group
            if len(text.split()) < 3 or _SECTION_NUMBER.match(text):
                break  # "Health", "2.1 DIATAXIS …": names and numbered parts of a document
            if not any(isinstance(b, ListBlock) for b in under):
                bare += 1
        else:
            if bare * 2 >= len(children):
                found.add(id(heading))
    return found


def _result_not_section(item: Item, text: str) -> bool:
    """A key-result item that starts with a section's word ("Overview of Kali's code" among
    checkbox results): it heads nothing (no nested list, no colon) and says more than a
    section's name."""
    heads_nothing = not item.blocks and not item.children
    return heads_nothing and not text.rstrip().endswith((":", "：")) and len(text.split()) >= 4


@dataclass
class _Open:
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
class _Section:
    level: int
    kind: str  # objective | kr-section | kr | other | plain | cycle
    cycle: str | None = None
    text: str = ""


class Assembler:
    """Reads a sequence of blocks into objectives; `locate` turns titles into spans."""

    def __init__(self, locate: Locate, *, separate_lines: bool = False) -> None:
        self.locate = locate
        self.objectives: list[Objective] = []
        self.found = Found()
        self._weak: set[int] = set()  # objectives to drop unless key results follow
        self._deadlines: dict[int, str] = {}
        self._current: _Open | None = None
        self._sections: list[_Section] = []
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
        self._plain_headings: list[_Open] = []  # the plain headings opened as tentative objectives
        self._adopted: _Open | None = None  # the one that key-result headings were given to
        self._kr_caption_row: int | None = None  # the row of the last "Key results:" line
        self._tables = 0  # tables read so far
        self._graded: set[int] = set()  # objectives followed by a review's "Result: …" line
        self._rows: dict[int, int] = {}  # objectives read from table rows: the table's number
        self._paragraph_objectives = False  # a one-line paragraph over a list was an objective
        self._last_kr_row: int | None = None  # the last row of the last key result read
        self._label_only: set[int] = set()  # opened by a label alone ("### Objective 1")
        self._result_headings: set[int] = set()  # plain headings whose sub-headings are results
        self._heading_objectives: set[int] = set()  # objectives opened by such headings

    # -- entry point --------------------------------------------------------------------------
    def read(self, blocks: list[Block]) -> list[Objective]:
        # A file that labels its objectives makes its other headings sections: their plain
        # lists are not key results (KR labels, key-results sections and KR tables still are).
        # (a template or example after its lead-in labels nothing: "Objectives have the
        # following format: - **Objective: …**")
        texts = list(block_texts(b for i, b in enumerate(blocks) if not (i and _leads_in_example(blocks[i - 1]))))
        self._objective_labels = any(
            self._role(text, heading).role in _OBJECTIVE_LABELS for text, heading in texts
        ) or _names_objectives(blocks)
        # Key-result headings ("# 🏢 KR1: New logos", one per slide) label a file too.
        self._fallback = not self._objective_labels and not any(
            heading and self._role(text, heading).role == Role.KEY_RESULT for text, heading in texts
        )
        self._scan(blocks)
        self._blocks(blocks)
        self._close()
        # A label alone ("## Objective" over a paragraph) is also how READMEs head a project's
        # aim: without key results it is not taken for an objective.
        objectives = [
            o
            for o in self.objectives
            if o.key_results or (id(o) not in self._weak and id(o) not in self._label_only)
        ]
        # A bare "We will …" sentence is the objective of a one-line draft; beside real
        # objectives it is prose ("We will review progress every Monday").
        # Table rows may repeat an objective for each owner; prose restates it in a check-in.
        objectives = without_restatements(objectives, self._rows)
        # A review that restates each objective over its result ("**Objective:** … /
        # **Result:** ✅ Done") beside the set itself: the set is linted, not the review.
        if any(o.key_results for o in objectives):
            objectives = [o for o in objectives if o.key_results or id(o) not in self._graded]
        lone = [o for o in objectives if id(o) in self._lone and not o.key_results]
        if lone and len(lone) < len(objectives):
            objectives = [o for o in objectives if all(o is not other for other in lone)]
        for objective in objectives:
            phrase = self._deadlines.get(id(objective)) or (
                self.found.deadline[0] if self.found.deadline else None
            )
            if phrase:
                for kr in objective.key_results:
                    if kr.due is None and kr.shared_deadline is None:
                        kr.shared_deadline, kr.due = phrase, deadline_date(phrase)
        return objectives

    def _scan(self, blocks: list[Block]) -> None:
        """What each heading's section holds, read ahead: a key-results part inside an
        objective's section, and whether a key-results heading is followed by a list."""
        headings = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Heading)]
        for position, (index, heading) in enumerate(headings):
            end = next(
                (j for j, other in headings[position + 1 :] if other.level <= heading.level),
                len(blocks),
            )
            until_next = headings[position + 1][0] if position + 1 < len(headings) else len(blocks)
            inside = blocks[index + 1 : end]
            kr_inside = any(
                isinstance(b, Heading) and self._role(b.line.text, True).role == Role.KR_SECTION
                or isinstance(b, Paragraph)
                and any(self._role(line.text).role == Role.KR_SECTION for line in b.lines)
                for b in inside
            )
            has_list = any(isinstance(b, ListBlock | Table) for b in blocks[index + 1 : until_next])
            # "## 1. Objective" then "## 2. Key Results": the key-results part is the next
            # section at the same level, so lists in the objective's own section are context.
            following = next((b for _j, b in headings[position + 1 :] if b.level <= heading.level), None)
            kr_next = (
                following is not None
                and following.level == heading.level
                and self._role(following.line.text, True).role == Role.KR_SECTION
            )
            self._ahead[id(heading)] = (kr_inside or kr_next, has_list)
        self._result_headings = _result_subheadings(blocks, headings)

    def _role(self, text: str, heading: bool = False) -> Line:
        key = (text, heading)
        if key not in self._roles:
            self._roles[key] = classify(text, heading=heading)
        return self._roles[key]

    # -- blocks -------------------------------------------------------------------------------
    def _blocks(self, blocks: list[Block]) -> None:
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            # An example's lead-in ("An example:") reaches only the paragraph right after it.
            self._example_next, self._example_here = False, self._example_next
            if self._separate_lines and self._kr_line and self._ends_kr_lines(block, following):
                continue
            if isinstance(block, Heading):
                self._heading(block)
            elif isinstance(block, ListBlock) and _header_list(block):
                # "## Overview" over "* Objective / Key Result Owner(s) Score": the set itself
                self._captioned_objectives(block.items[1:])
            elif any(s.kind == "other" for s in self._sections):
                self._horizon(block)  # "## Time horizon": prose that may state the cycle
            elif isinstance(block, Paragraph) and self._line_results(blocks, index):
                continue
            elif isinstance(block, Paragraph) and _objectives_caption(block, following):
                if len(block.lines) > 1:  # "Cycle Objective(s):" over a list: the items are objectives
                    self._paragraph(block.lines[:-1], block.separate)
            elif isinstance(block, Paragraph):  # a label line ends an "Initiatives:" part
                if not self._paragraph_objective(block, following):
                    self._paragraph(block.lines, block.separate)
            elif self._skip:
                continue
            elif isinstance(block, ListBlock) and self._states_pending(block):
                continue
            elif isinstance(block, ListBlock) and self._example_here:
                continue  # "Objectives have the following format:" over a list: a template
            elif isinstance(block, ListBlock) and index and _objectives_caption(blocks[index - 1], block):
                self._captioned_objectives(block.items)
            elif isinstance(block, ListBlock):
                before = blocks[index - 1] if index else None
                mode = "detail" if self._labelled_kr_paragraph(before) else self._list_mode()
                self._list(block.items, mode)
                self._kr_line = self._kr_line and self._separate_lines
            elif isinstance(block, Table):
                self._table(block)
            elif isinstance(block, Details):
                self._details(block)
            elif isinstance(block, Prebuilt):
                self._prebuilt(block)

    def _kr_heading_line(self, line: TextLine, role: Line, level: int) -> None:
        """A labelled key-result heading ("### KR2: Cut churn", "# 🏢 KR1: New logos")."""
        current = self._current
        sibling = current is not None and current.from_heading and current.level == level
        if current is not None and current.level >= level and not (sibling and not current.tentative):
            self._close()  # (a label heading's sibling: "## Objective" then "## KR1 — …")
        if self._current is None and not self._objective_labels:
            self._adopt()
        added = self._add_kr_tracked([line], role.title)
        if added is not None and len(added[2].split()) <= 4 and not any(c.isdigit() for c in added[2]):
            self._kr_heading = added[0]  # only a name: the next line or sub-heading states it
        self._sections.append(_Section(level, "kr"))

    def _ends_kr_lines(self, block: Block, following: Block | None) -> bool:
        """Plain text: where a "KRs:" line's reach ends (see `_kr_part_over`, `_part_heading`).
        True when the block is a part heading, which is not read."""
        row = first_row(block)
        if row is not None:
            self._kr_part_over(row)
        if not isinstance(block, Paragraph) or not isinstance(following, Paragraph):
            return False
        return self._part_heading(block.lines[0], following.lines[0])

    def _kr_part_over(self, row: int) -> None:
        """A "KRs:" line covers the lines after it up to a blank line after the results it
        already gave: "2. COMMERCIAL AREA" after the blank starts the next part."""
        last, caption = self._last_kr_row, self._kr_caption_row
        if last is not None and caption is not None and last > caption and row > last + 1:
            self._kr_line = False
            if self._current is not None:
                self._current.prose_after = True

    def _part_heading(self, line: TextLine, following: TextLine) -> bool:
        """A part named by its term right above the next objective's label line ("Q3: Scale
        and repeat" then "Objective: …"): a heading, not one more key result."""
        if not PLAN_PART.match(line.text) or self._role(following.text).role not in _OBJECTIVE_LABELS:
            return False
        self._kr_line = False
        return True

    def _states_pending(self, block: ListBlock) -> bool:
        """A label heading alone ("## O", "## Objective") over a list of one item: the item
        states the objective."""
        current = self._current
        if current is None or not current.pending or len(block.items) != 1 or not block.items[0].lines:
            return False
        item = block.items[0]
        if self._role(item.lines[0].text).role != Role.PLAIN:
            return False
        self._state_objective(current, item.lines)
        self._item_blocks(item, "detail")
        return True

    def _line_results(self, blocks: list[Block], index: int) -> bool:
        """A document converted from a word processor: under a plain heading, three or more
        one-line paragraphs and nothing else up to the next heading are its key results
        ("#### Develop an implementation guide (P0)" then "Build a proxy server", …)."""
        current = self._current
        if (
            not self._fallback
            or self._separate_lines
            or current is None
            or not current.tentative
            or current.objective.key_results
            or not isinstance(blocks[index - 1] if index else None, Heading)
        ):
            return False
        run = []
        for block in blocks[index:]:
            if isinstance(block, Heading):
                break
            if not isinstance(block, Paragraph) or len(block.lines) != 1:
                return False
            line = block.lines[0]
            if line.bold or not result_line(line.text) or self._role(line.text).role != Role.PLAIN:
                return False  # "**Description:** …", "Last updated: n/a": a goal's fields
            run.append(line)
        if len(run) < 3:
            return False
        for line in run:
            self._add_kr([line], line.text)
        return True

    def _labelled_kr_paragraph(self, block: Block | None) -> bool:
        """A paragraph that is one numbered key result ("**KR1.1 — Ship the model.**",
        wrapped or not): the bullets under it are that result's notes, not more results. Not in
        plain text, where "KR1: …" then "2) …" are lines of one list."""
        if not isinstance(block, Paragraph) or block.separate or self._current is None:
            return False
        first = self._role(block.lines[0].text)
        if first.role != Role.KEY_RESULT or any(
            self._role(line.text).role != Role.PLAIN for line in block.lines[1:]
        ):
            return False
        # A numbered label ("KR1.1") numbers its siblings too; after a bare "KR: …" line the
        # list may hold the other results.
        label = block.lines[0].text[: len(block.lines[0].text) - len(first.title)]
        return any(char.isdigit() for char in label)

    def _started(self) -> bool:
        """Whether an objective has been read yet (a title heading's tentative one aside)."""
        return any(o.key_results or id(o) not in self._weak for o in self.objectives)

    def _horizon(self, block: Block) -> None:
        """A cycle stated in the prose of a time-horizon section ("This set covers the first
        half of 2026"), when nothing earlier gave one."""
        named = any(s.kind == "other" and HORIZON.search(s.text) for s in self._sections)
        if not named or not isinstance(block, Paragraph) or self.found.cycle or self._started():
            return
        for line in block.lines:
            if cycle := find_cycle(line.text):
                self.found.cycle = (cycle, line.row)
                return

    def _paragraph_objective(self, block: Paragraph, following: Block | None) -> bool:
        """In a file without objective labels, a one-line paragraph right above a list, where no
        heading already owns the list ("Alpha release of the chess app" then "- 12 streams"),
        is the list's objective; a bold line naming a cycle ("**2019 Q1**") heads a cycle."""
        lines = [line for line in block.lines if not _TAGS_ONLY.match(line.text)]
        if len(lines) != 1:
            return False
        line = lines[0]
        if self._skip and not (line.bold and cycle_heading(line.text)):
            return False  # (a bold cycle line, like a heading, ends a section of notes)
        if self._role(line.text).role != Role.PLAIN:
            return False
        if not self._started() and (cycle := cycle_heading(line.text)) and TERMS.search(line.text):
            self.found.heading_cycles.append((cycle, line.row))  # "2026 Q1 OKR:" as a title line
            return True
        if not self._fallback:
            return False
        current = self._current
        free = (
            current is None
            or current.from_paragraph
            or (current.tentative and current.level <= 1)
        )
        if line.bold and (cycle := cycle_heading(line.text)) is not None and free:
            self._close()
            self._skip = False
            self._para_cycle = cycle
            self.found.heading_cycles.append((cycle, line.row))
            return True
        if not free or line.text.endswith((":", "?")):
            return False
        if PRIORITY_LED.match(line.text):
            # "P1 - Sign off on the spec" under a one-line objective paragraph: its result
            if current is not None and current.from_paragraph:
                self._add_kr([line], _GRADE_AFTER.sub("", PRIORITY_LED.sub("", line.text, count=1)))
            return current is not None and current.from_paragraph
        if isinstance(following, Paragraph) and len(following.lines) == 1 and PRIORITY_LED.match(following.lines[0].text):
            # "Improve the scrolling experience" over "P1 - …" lines: the objective of the
            # prioritised results that follow (a wiki export of an OKR tool's pages)
            self._open(line, Line(Role.OBJECTIVE, _GRADE_AFTER.sub("", line.text)),
                       self._section_level() + 0.5, from_heading=False, label=False)
            if self._current is not None:
                self._current.from_paragraph = True
            return True
        if not isinstance(following, ListBlock):
            # Among objectives written as one-line paragraphs, one still without key results
            # ("Localise the app" between two objectives with lists) is an objective too.
            # So is the first of a quarter whose objectives all lack them yet ("### Q3 2020"
            # then "Better dev tools", "Squad game jam"), where earlier quarters read that way.
            opens_quarter = (
                current is None
                and self._paragraph_objectives
                and bool(self._sections)
                and self._sections[-1].kind == "cycle"
                and isinstance(following, Paragraph)
            )
            if not opens_quarter and (current is None or not current.from_paragraph):
                return False
            if len(line.text.split()) > 12:
                return False
            if sentences(line.text)[1:] or NAMES_OKRS.search(line.text):
                return False
            self._open(line, Line(Role.OBJECTIVE, line.text), self._section_level() + 0.5,
                       from_heading=False, label=False)
            if self._current is not None:
                self._current.from_paragraph = True
            return True
        if len(line.text.split()) > 20 or NAMES_OKRS.search(line.text) or sentences(line.text)[1:]:
            return False  # prose introducing the list, or about the OKRs themselves
        if self._objective_list(following.items):
            return False  # the list holds its own objectives
        objective = Line(Role.OBJECTIVE, line.text, weak=True)
        self._open(line, objective, self._section_level() + 0.5, from_heading=False)
        if self._current is not None:
            self._current.from_paragraph = True
            self._paragraph_objectives = True
        return True

    def _prebuilt(self, block: Prebuilt) -> None:
        self._close()
        self._kr_line = self._skip = False
        self.objectives.append(block.objective)
        if block.lone:
            self._lone.add(id(block.objective))
        else:
            self.found.labelled = True  # the template names its key results
        self._current = _Open(block.objective, self._section_level() + 0.5, False, False)

    def _section_level(self) -> int:
        return self._sections[-1].level if self._sections else 0

    def _heading(self, heading: Heading) -> None:
        seen, self._seen_heading = self._seen_heading, True
        self._para_cycle = None
        level, line = heading.level, heading.line
        while self._sections and self._sections[-1].level >= level:
            self._sections.pop()
        self._kr_line = self._skip = self._kr_paragraphs = False
        named, self._kr_heading = self._kr_heading, None
        if any(section.kind == "other" for section in self._sections):
            self._sections.append(_Section(level, "other"))  # "##### Demo: …" under Initiatives
            return
        role = self._role(line.text, True)
        if role.role not in (Role.OBJECTIVE, Role.KEY_RESULT) and EXAMPLE_HEADING.search(
            re.sub(r"\([^()]*\)", "", line.text)
        ):
            # "## Example Quarter: Q2 2024 (Annotated Example)": a template's worked example,
            # however real its objectives look (but "## Objective 2: Set an example" is one,
            # and "Department OKRs (Example: Product)" names whose set follows)
            self._close()
            self._sections.append(_Section(level, "other"))
            return
        current = self._current
        if named is not None and current is not None and role.role == Role.PLAIN:
            if self._sections and self._sections[-1].kind == "kr":
                # "## KR1 — Leading metric" then "### ≥ 65% of users rewrite …": the
                # sub-heading states the key result the heading only named
                self._state_kr(current, named, line)
                self._sections.append(_Section(level, "kr"))
                return
        kr_inside, list_follows = self._ahead.get(id(heading), (False, False))
        if current is not None and current.pending:
            current.pending, current.unstated = False, True  # two label headings in a row
        if role.role in (Role.OBJECTIVE, Role.OBJECTIVE_LABEL):
            self._open(line, role, level, from_heading=True)
            self._sections.append(_Section(level, "objective"))
            if self._current is not None:
                self._current.kr_ahead = kr_inside
            return
        if role.role == Role.KEY_RESULT:
            self._kr_heading_line(line, role, level)
            return
        if role.role == Role.KR_SECTION and current is not None and current.tentative:
            if level <= current.level:
                self._close()  # "# Objectives" then "# Key Results": chapters, not an objective
                current = None
        if role.role == Role.KR_SECTION and current is None:
            # "# Key Results" with no objective above it: a chapter about key results, whose
            # "O: Summit the mountain" is an example.
            self._sections.append(_Section(level, "other"))
            return
        if role.role == Role.KR_SECTION:
            self._sections.append(_Section(level, "kr-section"))
            self.found.labelled = self.found.labelled or not generic(line.text)
            self._kr_paragraphs = not list_follows
            if current is not None:
                current.prose_after = False
            return
        if current is not None and level <= current.level:
            self._close()
        if role.role == Role.OTHER_SECTION and not (level == 1 and not seen):
            # (the page's first H1 is its title: "# Team" heads a team's OKRs)
            self._sections.append(_Section(level, "other", text=line.text))
            return
        cycle = cycle_heading(line.text)
        if cycle is not None:
            if current is not None and current.tentative:
                self._close()  # "## Quarterly" over "### Q1 2020": a grouping, not an objective
            self.found.heading_cycles.append((cycle, line.row))
            self._sections.append(_Section(level, "cycle", cycle))
            return
        # (under a weaker label, "## OKR 1: Endor", only a statement with nothing listed under
        # it: "### 95 percentile site launches under 10 minutes", not "### Tags" over stories)
        stated = not list_follows and len(line.text.split()) >= 4
        labelled = current is not None and (not current.weak or (stated and not current.tentative))
        if current is not None and level > current.level and labelled and current.from_heading:
            if list_follows:
                # "### Subscriptions module case study" over bullets: a workstream grouping
                # key results, not one itself.
                self._sections.append(_Section(level, "kr-section"))
                return
            if current.list_krs:
                self._sections.append(_Section(level, "kr"))  # detail of the listed results
                return
            # An unlabelled heading under a labelled objective heading is one of its results;
            # one that is only a name ("P1: Update performance") is stated by the next line.
            added = self._add_kr_tracked([line], line.text)
            if added is not None and len(added[2].split()) <= 4 and not any(
                c.isdigit() for c in added[2].split(":")[-1]
            ):
                self._kr_heading = added[0]
            self._sections.append(_Section(level, "kr"))
            return
        if (
            current is not None
            and current.tentative
            and current.from_heading
            and id(current.objective) in self._heading_objectives
            and level == current.level + 1
            and self._fallback
        ):
            # "### Improve interop testing" over "#### Imports happening daily …" headings,
            # some with no list at all: each sub-heading is a result, its bullets milestones
            self._add_kr_tracked([line], line.text)
            self._sections.append(_Section(level, "kr"))
            return
        if self._adopted is not None and TERMS.search(line.text):
            # "# 📋 Detailed Key Results" after the deck's KR slides: an appendix restating them
            self._close()
            self._sections.append(_Section(level, "other"))
            return
        if any(section.kind == "kr" for section in self._sections):
            # "### Minimum $50k ARR each" under "# KR1: New logos": a detail of the result
            self._sections.append(_Section(level, "kr"))
            return
        if list_follows and not kr_inside and objectives_heading(line.text):
            # "## Quarterly Objectives" over a plain list: the items are the objectives (and
            # a plain title heading above it was no objective)
            if current is not None and current.tentative:
                self._close()
            self._sections.append(_Section(level, "objectives"))
            return
        self._sections.append(_Section(level, "plain"))
        if not line.text.rstrip().endswith("?"):
            self._open(line, Line(Role.OBJECTIVE, line.text, weak=True), level, from_heading=True)
            if self._current is not None:
                self._current.tentative = True
                self._plain_headings.append(self._current)
                if id(heading) in self._result_headings:
                    self._heading_objectives.add(id(self._current.objective))

    def _paragraph(self, lines: list[TextLine], separate: bool) -> None:
        index = 0
        last_kr: tuple[KeyResult, list[TextLine], str] | None = None
        while index < len(lines):
            line = lines[index]
            if separate and self._kr_line:  # a pasted document, read line by line
                self._kr_part_over(line.row)
                if index + 1 < len(lines) and self._part_heading(line, lines[index + 1]):
                    index += 1
                    continue
            role = self._role(line.text)
            current = self._current
            if current is not None and current.pending:
                if role.role == Role.PLAIN:
                    rest = lines[index:] if not separate else [line]
                    self._state_objective(current, rest)
                    index += len(rest)
                    continue
                if role.role != Role.METADATA:
                    current.pending, current.unstated = False, True  # another label came first
            if (
                (statement := STATEMENT_FIELD.match(line.text))
                and current is not None
                and current.from_heading
                and not current.objective.key_results
            ):
                # "**Description:** <the objective>" under a heading that only names it
                self._state_objective(current, [TextLine(statement.group(1), line.row)], relabel=True)
            elif (
                self._kr_heading is not None
                and role.role == Role.PLAIN
                and current is not None
                and not aside(line.text)  # "(aha github)": the result's links, not its statement
                and states_named_result([l.text for l in lines], self._kr_heading.title)
            ):
                self._state_kr(current, self._kr_heading, line)
                self._kr_heading = None
            elif role.role in (Role.OBJECTIVE, Role.OBJECTIVE_LABEL) and (
                index > 0 and any(EXAMPLE_LEAD_IN.search(earlier.text) for earlier in lines[:index])
                or index == 0 and self._example_here
            ):
                # "Here's an example of what an OKR might look like:" then "**Objective:** …"
                # in the same paragraph or the next: an article's example, not the team's own
                self._kr_line, self._skip, last_kr = False, True, None
                break
            elif role.role in (Role.OBJECTIVE, Role.OBJECTIVE_LABEL):
                self._statement(line, role)
                last_kr = None
            elif role.role == Role.KEY_RESULT and defines(role):
                pass  # "_Key Results: three to five numbers that show an objective is met_"
            elif role.role == Role.KEY_RESULT and separate:
                self._skip = False
                self._add_kr([line], role.title)
            elif role.role == Role.KEY_RESULT and line.bold and self._repeats_earlier(role.title):
                pass  # a bold line that repeats an earlier objective's key result: a reference
            elif role.role == Role.KEY_RESULT:
                self._skip = False
                last_kr = self._add_kr_tracked([line], role.title)
            elif role.role == Role.KR_SECTION and self._wrapped_word(line, index, separate):
                pass  # "metrics](…)" wrapped onto a line of its own inside prose: no caption
            elif role.role == Role.KR_SECTION:
                self._kr_line, self._skip, last_kr = True, False, None
                self._kr_caption_row = line.row
                self.found.labelled = self.found.labelled or not generic(line.text)
                if current is not None:
                    current.prose_after = False
                    current.kr_caption = True
            elif self._other_caption(line, lines, role):
                # "**Impacto no Negócio:**" after "**Resultados-Chave:**" and its list, or
                # "**Committed:**" under "**Goal:** …": a caption naming another part
                self._kr_line, last_kr = False, None
                if self._current is not None:
                    self._current.prose_after = True
            elif role.role == Role.OTHER_SECTION and not self._group_label(line, lines):
                self._kr_line, self._skip, last_kr = False, True, None
            elif role.role == Role.METADATA:
                self._metadata(role, line.row)
            elif self._skip or role.role == Role.OTHER_SECTION:
                pass
            elif last_kr is not None and not separate and not line.text.startswith(_BULLETISH):
                last_kr = self._continue_kr(last_kr, line)  # a wrapped key result
            elif self._kr_line and self._current is not None and (separate or index > 0):
                self._add_kr([line], line.text)
            elif self._kr_paragraphs and index == 0 and not NAMES_OKRS.search(line.text):
                last_kr = self._add_kr_tracked(lines, line.text)
                index += len(last_kr[1]) if last_kr is not None else 1
                continue
            elif index == len(lines) - 1 and EXAMPLE_LEAD_IN.search(" ".join(l.text for l in lines)):
                # "This is an example of a good OKR:" introduces an example, not the team's own
                self._kr_line, self._skip, last_kr = False, True, None
            elif self._current is not None and self._current.objective.key_results:
                # A bold line groups the key results below it ("**Trips and experiences**");
                # any other prose ends the list of key results.
                if not (line.bold and len(lines) == 1):
                    self._current.prose_after = True
            index += 1
        if lines and EXAMPLE_LEAD_IN.search(" ".join(line.text for line in lines)):
            self._example_next = True  # "An example:" alone: the next paragraph is one

    @staticmethod
    def _wrapped_word(line: TextLine, index: int, separate: bool) -> bool:
        """A report's section word ("metrics", "results") alone on a line inside a Markdown
        paragraph, with no colon and no bold: the end of a wrapped sentence, not a caption."""
        if separate or index == 0 or line.bold or line.text.rstrip().endswith((":", "：")):
            return False
        return generic(line.text)

    def _other_caption(self, line: TextLine, lines: list[TextLine], role: Line) -> bool:
        """A bold caption alone in its paragraph ("**Next steps:**") that names no key results,
        where captions structure the objective: its key results came under a "**Key
        results:**" caption, or it is a weak "**Goal:** …" line with none yet. Under headings a
        bold line groups key results ("**Trips and experiences**") instead."""
        current = self._current
        if current is None or role.role != Role.PLAIN or len(lines) != 1 or not line.bold:
            return False
        if not line.text.rstrip().endswith((":", "：")):
            return False
        if current.kr_caption and current.objective.key_results:
            return True
        return current.weak and not current.from_heading and not current.objective.key_results

    def _repeats_earlier(self, title: str) -> bool:
        current = self._current.objective if self._current is not None else None
        return any(
            kr.title == title.strip()
            for objective in self.objectives
            if objective is not current
            for kr in objective.key_results
        )

    def _group_label(self, line: TextLine, lines: list[TextLine]) -> bool:
        """A bold line alone inside a key-results part groups the results below it
        ("**Overview**"); only a section that always ends the list ("**Not included**") does."""
        in_kr_part = self._kr_line or bool(self._sections and self._sections[-1].kind == "kr-section")
        hard = re.match(rf"{vocabulary().hard_section}\b", line.text, re.IGNORECASE)
        return line.bold and len(lines) == 1 and in_kr_part and hard is None

    def _state_kr(self, current: _Open, kr: KeyResult, line: TextLine) -> None:
        """A key-result heading that was only a name takes the sentence under it."""
        title, _annotation = split_annotation(line.text.strip())
        if kr in current.objective.key_results and title:
            kr.title = title
            kr.span = self.locate(title, line.row, line.row + 1)

    def _statement(self, line: TextLine, role: Line) -> None:
        """An objective label in running text: a new objective, or the statement of an
        objective heading that only gave its id ("### OKR 2022.C1" then "Objective: …")."""
        current = self._current
        if (
            current is not None
            and current.from_heading
            and not current.objective.key_results
            and self._sections
            and self._sections[-1].kind == "objective"
        ):
            if role.role == Role.OBJECTIVE:
                self._state_objective(current, [TextLine(role.title, line.row)], relabel=True)
            else:
                current.pending = True
            current.weak = current.weak and role.weak
            if not current.weak:
                self._weak.discard(id(current.objective))
            self._kr_line = self._skip = False
            return
        self._open(line, role, self._section_level() + 0.5, from_heading=False)

    def _list_mode(self) -> str:
        kind = self._sections[-1].kind if self._sections else ""
        current = self._current
        if kind == "kr":
            return "detail"
        if self._kr_line:
            return "kr"
        if current is None or current.prose_after:
            return "none"
        if kind == "kr-section":
            return "kr"
        if current.pending:
            current.pending, current.unstated = False, True  # "## Objective:" over bullets
        if current.kr_ahead or current.unstated or (current.tentative and not self._fallback):
            return "none"  # context before the key-results part; a plain heading's notes
        return "kr"

    def _list(self, items: list[Item], mode: str) -> None:
        if self._glossary(items):
            return  # "* Objective: a goal to be achieved" / "* Key Results: which measure …"
        if mode != "detail" and self._objective_list(items):
            self._objectives_from(items)
            return
        if self._current is None and self._sections and self._sections[-1].kind == "objectives":
            self._listed_objectives(items)
            return
        roles = [self._role(first_text(item)) for item in items]
        section_inside = any(role.role == Role.KR_SECTION for role in roles)
        for item, role in zip(items, roles, strict=True):
            text = first_text(item)
            if not item.lines:
                self._item_blocks(item, mode)  # "- - KR": the item opens with a nested list
                continue
            if mode != "detail" and self._holds_a_document(item):
                # "1. CORPORATE LEVEL" followed by unindented "OKR 1: …", "KR1.1: …" lines: a
                # plain-text file that Markdown reads as one list item; read its lines as text.
                self._paragraph(item.lines, True)
                self._item_blocks(item, mode)
                continue
            if item.navigation:
                continue  # a table of contents
            if text.startswith(_CHECKBOX):
                if mode != "kr" or not self._explicit_kr_part():
                    continue  # a checklist is initiatives, unless it sits under "Key results"
                role = self._role(text[3:].strip())
            if item.links_only and role.role == Role.PLAIN:
                continue  # a list of links: references, not results
            if role.role in (Role.OBJECTIVE, Role.OBJECTIVE_LABEL) and mode != "detail":
                self._open(item.lines[0], role, self._section_level() + 0.5, from_heading=False)
                if role.role == Role.OBJECTIVE_LABEL:
                    self._await_statement(item)
                self._item_blocks(item, "kr")
            elif role.role == Role.KEY_RESULT:
                if not defines(role):
                    self._add_kr(item.lines, role.title)
                self._item_blocks(item, "detail")
            elif role.role == Role.KR_SECTION and mode != "detail":
                self._item_blocks(item, "kr")
            elif (
                role.role == Role.OTHER_SECTION
                and mode == "kr"
                and self._current is not None
                and _result_not_section(item, text)
            ):
                self._add_kr(item.lines, text)  # "Overview of Kali's code" among the results
            elif role.role in (Role.OTHER_SECTION, Role.METADATA):
                if role.role == Role.METADATA:
                    self._metadata(role, item.lines[0].row)
            elif mode == "kr" and aside(text):
                continue  # "(Also: resolved all the ballot comments)": a note in parentheses
            elif mode == "kr" and groups_priority_items(item):
                self._priority_group(item)  # "Canonical support" over "P0-BP (1.0): …" items
            elif mode == "kr" and not section_inside and self._current is not None:
                self._add_kr(item.lines, text)
                self._current.list_krs = True
                self._item_blocks(item, "detail")
            else:
                self._item_blocks(item, "detail" if mode == "detail" else "none")

    def _captioned_objectives(self, items: list[Item]) -> None:
        """The items under an "Objectives:" caption line ("Cycle Objective(s):" in sprint
        notes): each an objective, the items nested in it its key results (deeper ones are
        its tasks). The caption names them: an objective without results is kept."""
        self.found.labelled = True  # the caption labels the set, as "Objective 1:" would
        for item in items:
            if not item.lines or item.navigation or item.links_only:
                continue
            text = first_text(item)
            role = self._role(text)
            if role.role not in (Role.PLAIN, Role.OBJECTIVE):
                continue
            title = role if role.role == Role.OBJECTIVE else Line(Role.OBJECTIVE, text)
            level = self._section_level() + 0.5
            self._open(item.lines[0], title, level, from_heading=False, label=False)
            for child in item.children:
                child_role = self._role(first_text(child)) if child.lines else None
                if child_role is not None and child_role.role in (Role.PLAIN, Role.KEY_RESULT):
                    self._add_kr(child.lines, child_role.title or first_text(child))
            self._close()

    def _listed_objectives(self, items: list[Item]) -> None:
        """The plain items of a list under an objectives heading, each an objective with no
        key results of its own (kept only when the file states no key results anywhere)."""
        for item in items:
            if not item.lines or item.children or item.navigation or item.links_only:
                continue
            text = first_text(item)
            if self._role(text).role != Role.PLAIN:
                continue
            self._open(item.lines[0], Line(Role.OBJECTIVE, text), self._section_level() + 0.5,
                       from_heading=False, label=False)
            if self._current is not None:
                self._lone.add(id(self._current.objective))
            self._close()

    def _priority_group(self, item: Item) -> None:
        """The prioritised items under a theme are its results; its notes are not."""
        for child in item.children:
            if child.lines and PRIORITY_LED.match(child.lines[0].text):
                self._list([child], "kr")
            elif groups_priority_items(child):
                self._priority_group(child)

    def _holds_a_document(self, item: Item) -> bool:
        """A list item whose continuation lines carry objective labels: a whole OKR set."""
        return len(item.lines) >= 3 and any(
            self._role(line.text).role == Role.OBJECTIVE for line in item.lines[1:]
        )

    def _glossary(self, items: list[Item]) -> bool:
        """A list that defines the terms: an "Objective:" item beside a "Key results:" item
        that talks about objectives or key results."""
        roles = [self._role(first_text(item)) for item in items if item.lines]
        return any(role.role == Role.OBJECTIVE for role in roles) and any(
            role.role == Role.KEY_RESULT and (defines(role) or QUESTION.match(role.title))
            for role in roles
        )

    def _kr_lines(self, item: Item) -> bool:
        """Whether lines after the item's first are labelled key results (hard line breaks)."""
        return any(self._role(line.text).role == Role.KEY_RESULT for line in item.lines[1:])

    def _objective_list(self, items: list[Item]) -> bool:
        """A list whose items own nested lists, where no objective owns the list: in a file
        without objective labels its items are the objectives ("1. **CEO: Grow ARR**" with
        the key results nested under each)."""
        current = self._current
        if not self._fallback or (current is not None and not current.tentative):
            return False
        if any(self._holds_a_document(item) for item in items):
            return False  # "1. CLINIC LEVEL" over lazy "OKR 1: …" lines: read as text
        parents = [item for item in items if item.children or self._kr_lines(item)]
        if not parents or (len(items) > 1 and len(parents) * 2 <= len(items)):
            return False  # most items own a nested list (or the list is a single such item)
        if any(self._kr_lines(item) for item in parents) or current is None:
            return True
        bold = sum(1 for item in parents if item.lines and item.lines[0].bold)
        return bold * 2 >= len(parents)

    def _objectives_from(self, items: list[Item]) -> None:
        for item in items:
            first = item.lines[0] if item.lines else None
            if first is None or item.navigation or item.links_only:
                continue
            role = self._role(first.text)
            if role.role in (Role.OTHER_SECTION, Role.METADATA, Role.KR_SECTION):
                continue
            if not (item.children or self._kr_lines(item) or first.bold):
                continue  # a lone item among objectives: a note
            title = role if role.role == Role.OBJECTIVE else Line(Role.OBJECTIVE, first.text, weak=not first.bold)
            self._open(
                first,
                title,
                self._section_level() + 0.5,
                from_heading=False,
                label=role.role == Role.OBJECTIVE,
            )
            parent = self._current
            for line in item.lines[1:]:
                line_role = self._role(line.text)
                if line_role.role == Role.KEY_RESULT:
                    self._add_kr_tracked([line], line_role.title)
            for child in item.children:
                self._current = parent
                head = child.lines[0] if child.lines else None
                if head is None:
                    continue
                if head.bold or self._kr_lines(child):
                    self._objectives_from([child])  # an objective that supports this one
                    continue
                child_role = self._role(head.text)
                if child_role.role in (Role.OTHER_SECTION, Role.METADATA) or child.links_only:
                    continue
                title_text = child_role.title if child_role.role == Role.KEY_RESULT else head.text
                self._add_kr(child.lines, title_text)
                self._item_blocks(child, "detail")
            self._current = parent

    def _explicit_kr_part(self) -> bool:
        return self._kr_line or bool(self._sections and self._sections[-1].kind == "kr-section")

    def _await_statement(self, item: Item) -> None:
        current = self._current
        if current is None:
            return
        paragraphs = [b for b in item.blocks if isinstance(b, Paragraph)]
        if paragraphs:
            self._state_objective(current, paragraphs[0].lines)
            item.blocks = [b for b in item.blocks if b is not paragraphs[0]]
        elif item.children:
            current.pending = False

    def _item_blocks(self, item: Item, mode: str) -> None:
        """What is nested in a list item: lists in `mode`, and label lines that change it."""
        for block in item.blocks:
            if isinstance(block, ListBlock):
                self._list(block.items, mode)
            elif isinstance(block, Paragraph) and mode != "detail":
                for line in block.lines:
                    role = self._role(line.text)
                    if role.role == Role.KR_SECTION:
                        mode = "kr"
                    elif role.role == Role.OTHER_SECTION:
                        mode = "none"
                    elif role.role == Role.KEY_RESULT and self._current is not None:
                        self._add_kr([line], role.title)
                    elif role.role == Role.METADATA:
                        self._metadata(role, line.row)

    def _table(self, table: Table) -> None:
        self._tables += 1
        self.found.labelled = self.found.labelled or (table.labelled and bool(table.rows))
        for row in table.rows:
            if row.objective is not None:
                role = self._role(row.objective.text)
                if role.role in (Role.OBJECTIVE, Role.PLAIN):
                    labelled = role.role == Role.OBJECTIVE
                    title_role = role if labelled else Line(Role.OBJECTIVE, role.title)
                    self._open(
                        row.objective,
                        title_role,
                        self._section_level() + 0.5,
                        from_heading=False,
                        label=labelled or table.labelled,
                    )
                    if self._current is not None:
                        self._rows[id(self._current.objective)] = self._tables
            if row.key_result is not None and self._current is not None:
                role = self._role(row.key_result.text)
                title = role.title if role.role == Role.KEY_RESULT else row.key_result.text
                if title.strip().lower() not in vocabulary().empty_cells:  # "TBD": a slot to fill
                    self._add_kr([row.key_result], title)
        rows = table.rows
        if any(row.objective is not None for row in rows) and any(row.key_result is not None for row in rows):
            # The table held whole objectives and their results: a list after it ("Extras
            # delivered beyond the OKRs:") is not more results of its last row's objective.
            self._close()

    def _details(self, details: Details) -> None:
        summary = details.summary
        role = self._role(summary.text) if summary is not None else Line(Role.PLAIN)
        if summary is not None and role.role == Role.KEY_RESULT:
            self._add_kr([summary], role.title)
            return  # the rest is evidence and notes about the key result
        if summary is not None and role.role in (Role.OBJECTIVE, Role.OBJECTIVE_LABEL):
            self._open(summary, role, self._section_level() + 0.5, from_heading=False)
        elif summary is not None and self._list_mode() == "kr" and role.role == Role.PLAIN:
            self._add_kr([summary], summary.text)
            return
        self._blocks(details.blocks)

    # -- nodes --------------------------------------------------------------------------------
    def _open(
        self, line: TextLine, role: Line, level: float, *, from_heading: bool, label: bool = True
    ) -> None:
        """Start an objective; `label`: its line carries an objective label (not a bold item
        or a plain heading), which marks the file as labelled."""
        self._close()
        self._kr_line = self._skip = False
        pending = role.role == Role.OBJECTIVE_LABEL
        title = line.text.strip() if pending else role.title
        title, annotation = split_annotation(title)
        objective = Objective(title=title, span=self.locate(title, line.row, line.row + 1))
        if annotation is not None:
            objective.progress = annotation.progress if annotation.progress is not None else annotation.score
            objective.owner = annotation.owner
        cycle = next((s.cycle for s in reversed(self._sections) if s.cycle), self._para_cycle)
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
        self._current = _Open(objective, level, from_heading, role.weak, pending)

    def _state_objective(self, current: _Open, lines: list[TextLine], *, relabel: bool = False) -> None:
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
            if line.text.startswith(_BULLETISH) or self._role(line.text).role != Role.PLAIN:
                break  # a bullet-like line or a label: not a wrapped continuation
            parts.append(line.text.strip())
            used.append(line)
        return self._make_kr(current, parts, used)

    def _make_kr(
        self, current: _Open, parts: list[str], used: list[TextLine]
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
