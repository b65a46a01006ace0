"""Paragraphs and text lines in an outline: label lines ("Objective 2:", "Key results:"),
captions of other parts, one-line objectives over a list, prioritised results, wrapped results."""

from __future__ import annotations

import re

from okrlint.loaders.assembly_state import AssemblyState
from okrlint.loaders.cycles import CYCLE_TOKEN, cycle_heading, find_cycle
from okrlint.loaders.labels import Line, Role
from okrlint.loaders.line_kinds import (
    EXAMPLE_LEAD_IN,
    HORIZON,
    NAMES_OKRS,
    PLAN_PART,
    PRIORITY_LED,
    STATEMENT_FIELD,
    TERMS,
    aside,
    defines,
    first_row,
    generic,
    hard_section,
    result_line,
    sentences,
    states_named_result,
)
from okrlint.loaders.outline import Block, Heading, ListBlock, Paragraph, TextLine
from okrlint.loaders.outline_hints import BULLETISH, OBJECTIVE_LABELS, TAGS_ONLY, without_grade
from okrlint.models import KeyResult

# A line that is nothing but a cycle: "Q3 2026", "FY27 - H1", "2026".
_CYCLE_ONLY = re.compile(rf"[\W_]*+(?:{CYCLE_TOKEN}[\W_]*+){{1,3}}", re.IGNORECASE)


# At most this many words on a line read as a key result under an objective label.
_SHORT_LINE = 30


class ParagraphReading(AssemblyState):
    """Reads paragraphs and the lines of text files."""

    def _paragraph(self, lines: list[TextLine], separate: bool) -> None:
        self._paragraph_lines(lines, separate)
        if all(self._role(line.text).role in (Role.PLAIN, Role.METADATA) for line in lines):
            self._lines_above = [*self._lines_above, *lines][-8:]
        else:
            self._lines_above = []

    def _paragraph_lines(self, lines: list[TextLine], separate: bool) -> None:
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
                if (current is None or current.objective.key_results) and (
                    above := self._statement_above([*self._lines_above, *lines[:index]])
                ) is not None:
                    # "Reduce time-to-value" (its owner and status lines between) over "Key
                    # results:": the statement the caption's results measure
                    self._open(above, Line(Role.OBJECTIVE, above.text), self._section_level() + 0.5,
                               from_heading=False, label=False)
                    current = self._current
                self._kr_line, self._skip, last_kr = True, False, None
                self._kr_listed = False
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
            elif last_kr is not None and not separate and not line.text.startswith(BULLETISH):
                last_kr = self._continue_kr(last_kr, line)  # a wrapped key result
            elif self._kr_line and self._current is not None and (separate or index > 0):
                self._add_kr([line], line.text)
            elif self._kr_paragraphs and index == 0 and not NAMES_OKRS.search(line.text):
                last_kr = self._add_kr_tracked(lines, line.text)
                index += len(last_kr[1]) if last_kr is not None else 1
                continue
            elif separate and self._bare_result_line(line, role):
                self._add_kr([line], line.text)  # "Objective: …" over unmarked lines: its results
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

    def _bare_result_line(self, line: TextLine, role: Line) -> bool:
        """In a text draft pasted without any list or key-result label ("Objective: Close the
        books in 5 days" over "Monthly close completed in 5 business days"), the short lines
        right under an objective label, with no blank line between, are its key results."""
        current = self._current
        if current is None or self._marked_results or role.role != Role.PLAIN or current.weak:
            return False
        span = current.objective.span
        above = self._last_kr_row if current.objective.key_results else (span.start.line - 1 if span else None)
        return above is not None and line.row == above + 1 and len(line.text.split()) <= _SHORT_LINE

    @staticmethod
    def _wrapped_word(line: TextLine, index: int, separate: bool) -> bool:
        """A report's section word ("metrics", "results") alone and in lower case on a line
        inside a Markdown paragraph, with no colon and no bold: the end of a wrapped sentence,
        not a caption (a caption line is written "Success metrics")."""
        text = line.text.strip()
        if separate or index == 0 or line.bold or text.endswith((":", "：")) or not text[:1].islower():
            return False
        return generic(text)

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
        return line.bold and len(lines) == 1 and in_kr_part and not hard_section(line.text)

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

    def _statement_above(self, lines: list[TextLine]) -> TextLine | None:
        """The statement right above a key-results caption, past its metadata lines ("Owner:
        Elena", "Status: On track"): a short line of plain words, not a title naming OKRs, a
        cycle or a sentence of prose."""
        for line in reversed(lines):
            role = self._role(line.text)
            if role.role == Role.METADATA:
                continue
            text = line.text.strip()
            plain = role.role == Role.PLAIN and 2 <= len(text.split()) <= 20
            if not plain or text.endswith(":") or NAMES_OKRS.search(text) or sentences(text)[1:]:
                return None
            return None if _CYCLE_ONLY.fullmatch(text) else line
        return None

    def _paragraph_objective(self, block: Paragraph, following: Block | None) -> bool:
        """In a file without objective labels, a one-line paragraph right above a list, where no
        heading already owns the list ("Alpha release of the chess app" then "- 12 streams"),
        is the list's objective; a bold line naming a cycle ("**2019 Q1**") heads a cycle."""
        lines = [line for line in block.lines if not TAGS_ONLY.match(line.text)]
        if len(lines) != 1:
            return False
        line = lines[0]
        if self._skip and not (line.bold and cycle_heading(line.text)):
            return False  # (a bold cycle line, like a heading, ends a section of notes)
        if self._role(line.text).role != Role.PLAIN:
            return False
        if not self._started() and (cycle := cycle_heading(line.text)) and (
            TERMS.search(line.text) or (_CYCLE_ONLY.fullmatch(line.text) and not line.bold)
        ):
            # "2026 Q1 OKR:" or "Q3 2026" alone as a title line (a bold "**2026 Q1**" heads
            # the objectives that follow it, below)
            self.found.heading_cycles.append((cycle, line.row))
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
                self._add_kr([line], without_grade(PRIORITY_LED.sub("", line.text, count=1)))
            return current is not None and current.from_paragraph
        if isinstance(following, Paragraph) and len(following.lines) == 1 and PRIORITY_LED.match(following.lines[0].text):
            # "Improve the scrolling experience" over "P1 - …" lines: the objective of the
            # prioritised results that follow (a wiki export of an OKR tool's pages)
            self._open(line, Line(Role.OBJECTIVE, without_grade(line.text)),
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
        if hard_section(line.text):
            # "**Parked (not this half)**" over its list: work set aside, not an objective
            self._close()
            self._skip = True
            return True
        objective = Line(Role.OBJECTIVE, line.text, weak=True)
        self._open(line, objective, self._section_level() + 0.5, from_heading=False)
        if self._current is not None:
            self._current.from_paragraph = True
            self._paragraph_objectives = True
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
        if not PLAN_PART.match(line.text) or self._role(following.text).role not in OBJECTIVE_LABELS:
            return False
        self._kr_line = False
        return True
