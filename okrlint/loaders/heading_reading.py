"""Headings in an outline: objective and key-result headings, key-results parts, sections that
hold none (notes, initiatives, examples), cycles, and plain headings that are objectives only
if key results follow."""

from __future__ import annotations

import re

from okrlint.loaders.assembly_state import AssemblyState, Section
from okrlint.loaders.cycles import cycle_heading
from okrlint.loaders.labels import Line, Role
from okrlint.loaders.line_kinds import (
    EXAMPLE_HEADING,
    TERMS,
    generic,
    hard_section,
    objectives_heading,
)
from okrlint.loaders.outline import Block, Heading, ListBlock, Paragraph, Table, TextLine
from okrlint.loaders.outline_hints import result_subheadings

# A heading that asks or explains ("Why this matters to the company"): context, not a result.
_ASKS = re.compile(r"^\W*(?:why|how|what|when|who|where|which)\b", re.IGNORECASE)


def _closers(headings: list[tuple[int, Heading]]) -> list[int | None]:
    """For each heading, the position of the first later heading at its level or above (the
    one that ends its section), in one pass: a page of 80,000 headings scanned forward from
    each took 14 s."""
    closers: list[int | None] = [None] * len(headings)
    open_: list[int] = []  # positions still open, their levels rising from bottom to top
    for position, (_index, heading) in enumerate(headings):
        while open_ and headings[open_[-1]][1].level >= heading.level:
            closers[open_.pop()] = position
        open_.append(position)
    return closers


class HeadingReading(AssemblyState):
    """Reads headings, with what each heading's section holds read ahead (`_scan`)."""

    def _scan(self, blocks: list[Block]) -> None:
        """What each heading's section holds, read ahead: a key-results part inside an
        objective's section, and whether a key-results heading is followed by a list."""
        headings = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Heading)]
        closers = _closers(headings)
        for position, (index, heading) in enumerate(headings):
            closer = closers[position]
            end = headings[closer][0] if closer is not None else len(blocks)
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
            following = headings[closer][1] if closer is not None else None
            kr_next = (
                following is not None
                and following.level == heading.level
                and self._role(following.line.text, True).role == Role.KR_SECTION
            )
            self._ahead[id(heading)] = (kr_inside or kr_next, has_list)
        self._result_headings = result_subheadings(blocks, headings)

    def _heading(self, heading: Heading) -> None:
        seen, self._seen_heading = self._seen_heading, True
        self._para_cycle = None
        level, line = heading.level, heading.line
        while self._sections and self._sections[-1].level >= level:
            self._sections.pop()
        self._kr_line = self._skip = self._kr_paragraphs = False
        named, self._kr_heading = self._kr_heading, None
        if any(section.kind == "other" for section in self._sections):
            self._sections.append(Section(level, "other"))  # "##### Demo: …" under Initiatives
            return
        role = self._role(line.text, True)
        page_title = level == 1 and not self._sections and not self._started()
        if (
            role.role not in (Role.OBJECTIVE, Role.KEY_RESULT)
            and not page_title  # "# Gitcoin DAO OKRs Example": the page is the set it shows
            and EXAMPLE_HEADING.search(re.sub(r"\([^()]*\)", "", line.text))
        ):
            # "## Example Quarter: Q2 2024 (Annotated Example)": a template's worked example,
            # however real its objectives look (but "## Objective 2: Set an example" is one,
            # and "Department OKRs (Example: Product)" names whose set follows)
            self._close()
            self._sections.append(Section(level, "other"))
            return
        current = self._current
        if named is not None and current is not None and role.role == Role.PLAIN:
            if self._sections and self._sections[-1].kind == "kr":
                # "## KR1 — Leading metric" then "### ≥ 65% of users rewrite …": the
                # sub-heading states the key result the heading only named
                self._state_kr(current, named, line)
                self._sections.append(Section(level, "kr"))
                return
        kr_inside, list_follows = self._ahead.get(id(heading), (False, False))
        if current is not None and current.pending:
            current.pending, current.unstated = False, True  # two label headings in a row
        if role.role in (Role.OBJECTIVE, Role.OBJECTIVE_LABEL):
            self._open(line, role, level, from_heading=True)
            self._sections.append(Section(level, "objective"))
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
            self._sections.append(Section(level, "other"))
            return
        if role.role == Role.KR_SECTION:
            self._sections.append(Section(level, "kr-section"))
            self.found.labelled = self.found.labelled or not generic(line.text)
            self._kr_paragraphs = not list_follows
            if current is not None:
                current.prose_after = False
            return
        if current is not None and level <= current.level:
            self._close()
        if (role.role == Role.OTHER_SECTION or hard_section(line.text)) and not (level == 1 and not seen):
            # (the page's first H1 is its title: "# Team" heads a team's OKRs)
            self._sections.append(Section(level, "other", text=line.text))
            return
        cycle = cycle_heading(line.text)
        if cycle is not None:
            if current is not None and current.tentative:
                self._close()  # "## Quarterly" over "### Q1 2020": a grouping, not an objective
            self.found.heading_cycles.append((cycle, line.row))
            self._sections.append(Section(level, "cycle", cycle, text=line.text))
            return
        # (under a weaker label, "## OKR 1: Endor", only a statement with nothing listed under
        # it: "### 95 percentile site launches under 10 minutes", not "### Tags" over stories)
        stated = not list_follows and len(line.text.split()) >= 4 and not _ASKS.match(line.text)
        labelled = current is not None and (not current.weak or (stated and not current.tentative))
        if current is not None and level > current.level and labelled and current.from_heading:
            if list_follows:
                # "### Subscriptions module case study" over bullets: a workstream grouping
                # key results, not one itself.
                self._sections.append(Section(level, "kr-section"))
                return
            if current.list_krs:
                self._sections.append(Section(level, "kr"))  # detail of the listed results
                return
            # An unlabelled heading under a labelled objective heading is one of its results;
            # one that is only a name ("P1: Update performance") is stated by the next line.
            added = self._add_kr_tracked([line], line.text)
            if added is not None and len(added[2].split()) <= 4 and not any(
                c.isdigit() for c in added[2].split(":")[-1]
            ):
                self._kr_heading = added[0]
            self._sections.append(Section(level, "kr"))
            return
        if (
            current is not None
            and current.tentative
            and current.from_heading
            and id(current.objective) in self._heading_objectives
            and any(section.kind == "cycle" for section in self._sections)  # a set, not a how-to
            and level == current.level + 1
            and self._fallback
        ):
            # "### Improve interop testing" over "#### Imports happening daily …" headings,
            # some with no list at all: each sub-heading is a result, its bullets milestones
            self._add_kr_tracked([line], line.text)
            self._sections.append(Section(level, "kr"))
            return
        if self._adopted is not None and TERMS.search(line.text):
            # "# 📋 Detailed Key Results" after the deck's KR slides: an appendix restating them
            self._close()
            self._sections.append(Section(level, "other"))
            return
        if any(section.kind == "kr" for section in self._sections):
            # "### Minimum $50k ARR each" under "# KR1: New logos": a detail of the result
            self._sections.append(Section(level, "kr"))
            return
        if list_follows and not kr_inside and objectives_heading(line.text):
            # "## Quarterly Objectives" over a plain list: the items are the objectives (and
            # a plain title heading above it was no objective)
            if current is not None and current.tentative:
                self._close()
            self._sections.append(Section(level, "objectives"))
            return
        self._sections.append(Section(level, "plain"))
        if not line.text.rstrip().endswith("?"):
            self._open(line, Line(Role.OBJECTIVE, line.text, weak=True), level, from_heading=True)
            if self._current is not None:
                self._current.tentative = True
                self._plain_headings.append(self._current)
                if id(heading) in self._result_headings:
                    self._heading_objectives.add(id(self._current.objective))

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
        self._sections.append(Section(level, "kr"))
