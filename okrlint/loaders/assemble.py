"""Which blocks of an outline are objectives and key results.

Labels decide first ("Objective 2:", "KR1:", "### Objective", "Key results:"); where a file
uses them, unlabelled headings are sections, not objectives. Unlabelled list items are key
results only where the structure says so: directly under an objective, or under a key-results
heading, bullet or line. Initiatives, notes, grading, metadata lines, checklists, navigation and
prose are never key results. A file with no labels at all falls back to the plain layout: a
heading that owns a list is an objective and the list its key results.
"""

from __future__ import annotations

import datetime as dt
import re

from okrlint.loaders.assembly_state import OpenObjective
from okrlint.loaders.csv_values import EMPTY, cell_value
from okrlint.loaders.cycles import deadline_date, find_cycle
from okrlint.loaders.heading_reading import HeadingReading
from okrlint.loaders.labels import Line, Role
from okrlint.loaders.line_kinds import (
    EXAMPLE_HEADING,
    block_texts,
    hard_section,
    plain_text,
    without_restatements,
)
from okrlint.loaders.list_reading import ListReading
from okrlint.loaders.outline import Block, Details, Heading, ListBlock, Paragraph, Prebuilt, Table
from okrlint.loaders.outline_hints import (
    OBJECTIVE_LABELS,
    header_list,
    leads_in_example,
    names_objectives,
    objectives_caption,
)
from okrlint.loaders.paragraph_reading import ParagraphReading
from okrlint.loaders.vocabulary import vocabulary
from okrlint.measure import parse_deadline
from okrlint.measure.numbers import parse_quantities
from okrlint.models import KeyResult, Objective

# A target stated in a line: "from 4% to 2%", "→ 118%", a share, a bound, "by Sept 30".
_TARGETED = re.compile(
    r"\bfrom\b.{1,40}?\bto\b|→|->|\d\s?%|[<>≤≥]\s?\d|\bby\s+(?:the\s+)?(?:end\b|q[1-4]\b|[a-z]{3,9}\.?\s+\d{1,2}\b)",
    re.IGNORECASE,
)


class Assembler(HeadingReading, ParagraphReading, ListReading):
    """Reads a sequence of blocks into objectives; `locate` turns titles into spans."""

    def read(self, blocks: list[Block]) -> list[Objective]:
        # A file that labels its objectives makes its other headings sections: their plain
        # lists are not key results (KR labels, key-results sections and KR tables still are).
        # (a template or example after its lead-in labels nothing: "Objectives have the
        # following format: - **Objective: …**")
        texts = list(block_texts(b for i, b in enumerate(blocks) if not (i and leads_in_example(blocks[i - 1]))))
        self._objective_labels = any(
            self._role(text, heading).role in OBJECTIVE_LABELS for text, heading in texts
        ) or names_objectives(blocks)
        # A draft with no list, no key-result label and no key-results caption anywhere leaves
        # its key results unmarked under each objective label (paragraph_reading).
        self._marked_results = any(isinstance(b, (ListBlock, Table, Heading)) for b in blocks) or any(
            self._role(text, heading).role in (Role.KEY_RESULT, Role.KR_SECTION) for text, heading in texts
        )
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
        # A summary table ahead of sections that state the same objectives again in full:
        # the sections are the set, the table only sums it up.
        summed = {plain_text(o.title).rstrip(".") for o in objectives if id(o) in self._summary_table}
        if summed & {plain_text(o.title).rstrip(".") for o in objectives if id(o) not in self._summary_table}:
            objectives = [o for o in objectives if id(o) not in self._summary_table]
        # A review that restates each objective over its result ("**Objective:** … /
        # **Result:** ✅ Done") beside the set itself: the set is linted, not the review.
        if any(o.key_results for o in objectives):
            objectives = [o for o in objectives if o.key_results or id(o) not in self._graded]
        objectives = self._outside_the_set(objectives)
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

    def _outside_the_set(self, objectives: list[Objective]) -> list[Objective]:
        """Meeting notes with the set in one section ("## Q4 OKRs (agreed)" over its list of
        objectives) and other sections of bullets ("## Hiring plan"): with no labels, a plain
        heading over a list reads as an objective, but beside a set under a cycle's heading,
        the plain headings outside any cycle are the notes around it."""
        if not self._fallback:
            return objectives
        plain = {id(opened.objective) for opened in self._plain_headings}
        in_a_cycle = [o for o in objectives if o.key_results and o.cycle and id(o) not in plain]
        if not in_a_cycle:
            return objectives
        # (a plain heading whose list states targets is a set of its own: "## Cut failed
        # payments" over "- Failed card payments from 4% to 2%" stays, beside next quarter's draft)
        return [
            o
            for o in objectives
            if id(o) not in plain or o.cycle or any(_TARGETED.search(kr.title) for kr in o.key_results)
        ]

    def _blocks(self, blocks: list[Block]) -> None:
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            # An example's lead-in ("An example:") reaches only the paragraph right after it.
            self._example_next, self._example_here = False, self._example_next
            if not isinstance(block, Paragraph):
                self._lines_above = []
            if self._separate_lines and self._kr_line:
                if isinstance(block, Paragraph) and self._kr_listed:
                    self._kr_line = self._kr_listed = False
                elif isinstance(block, ListBlock):
                    self._kr_listed = True
            if self._separate_lines and self._kr_line and self._ends_kr_lines(block, following):
                continue
            if isinstance(block, Heading):
                self._heading(block)
            elif isinstance(block, ListBlock) and header_list(block) and self._set_may_be_here():
                # "## Overview" over "* Objective / Key Result Owner(s) Score": the set itself
                self._captioned_objectives(block.items[1:])
            elif isinstance(block, Table) and self._set_table(block):
                read = len(self.objectives)
                self._table(block)  # "## Summary" over an Objective | Key Result table: the set
                self._summary_table.update(id(o) for o in self.objectives[read:])
            elif any(s.kind == "other" for s in self._sections):
                self._horizon(block)  # "## Time horizon": prose that may state the cycle
            elif isinstance(block, Paragraph) and self._line_results(blocks, index):
                continue
            elif isinstance(block, Paragraph) and objectives_caption(block, following):
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
            elif isinstance(block, ListBlock) and index and objectives_caption(blocks[index - 1], block):
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

    def _set_may_be_here(self) -> bool:
        """Whether a list may hold the OKR set here: not in an example, a template's lead-in or
        a section of initiatives or notes (an "Overview" section may hold the set itself)."""
        if self._skip or self._example_here or self._example_next:
            return False
        return not any(
            section.kind == "other"
            and (not section.text or hard_section(section.text) or EXAMPLE_HEADING.search(section.text))
            for section in self._sections
        )

    def _set_table(self, table: Table) -> bool:
        """A table with an objective and a key-result column before any objective was read: the
        OKR set itself, even under a section that holds none elsewhere ("## Summary", "##
        Overview"); after the set, such a table repeats it for its status or grades."""
        return (
            table.labelled
            and any(row.objective is not None for row in table.rows)
            and not self._started()
            and self._set_may_be_here()
        )

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
                    if row.fields and self._current.objective.key_results:
                        _fill(self._current.objective.key_results[-1], row.fields)
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
        elif summary is not None and role.role == Role.OTHER_SECTION:
            return  # "<summary>Not doing this half</summary>": what it folds away holds no results
        self._blocks(details.blocks)

    def _prebuilt(self, block: Prebuilt) -> None:
        self._close()
        self._kr_line = self._skip = False
        self.objectives.append(block.objective)
        if block.lone:
            self._lone.add(id(block.objective))
        else:
            self.found.labelled = True  # the template names its key results
        self._current = OpenObjective(block.objective, self._section_level() + 0.5, False, False)


def _fill(kr: KeyResult, fields: tuple[tuple[str, str], ...]) -> None:
    """A table row's field cells on its key result, read as a spreadsheet's cells are ("87%",
    "$7.40", "2026-06-30"); an empty or "TBD" cell fills nothing."""
    for what, text in fields:
        if EMPTY.match(text.strip()) or getattr(kr, what) is not None:
            continue
        if what in ("baseline", "target", "current"):
            # as written, for the rules' own number reader ("1,200" is twelve hundred, where a
            # spreadsheet cell's "1,2" may be a decimal); a date or a quarter in a "Target"
            # column is when, not how much, and leaves the text's own target standing
            if _a_level(text):
                setattr(kr, what, text.strip())
            continue
        value = cell_value(what, text)
        if what == "due":
            try:
                kr.due = dt.date.fromisoformat(str(value))
            except ValueError:
                continue  # a date the reader cannot place is left unread, not guessed
        elif value is not None:
            setattr(kr, what, value)


def _a_level(text: str) -> bool:
    """Whether a cell holds an amount ("1,200", "$7.40", "87%"), not a date or a cycle."""
    if find_cycle(text) or parse_deadline(f"by {text}") or not any(ch.isdigit() for ch in text):
        return False
    return parse_quantities(text) != []
