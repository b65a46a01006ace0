"""Lists in an outline: which items are objectives, key results, notes, checklists or
navigation, by the labels on them and the structure around them."""

from __future__ import annotations

from okrlint.loaders.assembly_state import AssemblyState
from okrlint.loaders.labels import Line, Role
from okrlint.loaders.line_kinds import (
    NAMES_OKRS,
    PRIORITY_LED,
    QUESTION,
    aside,
    defines,
    first_text,
    groups_priority_items,
)
from okrlint.loaders.outline import Item, ListBlock, Paragraph
from okrlint.loaders.outline_hints import CHECKBOX, result_not_section


class ListReading(AssemblyState):
    """Reads lists: items labelled as objectives or key results, lists under a key-results
    part, captioned lists of objectives, and objective lists whose items own their results."""

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
        checklist_of_results = mode == "kr" and self._checklist_of_results(items)
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
            if text.startswith(CHECKBOX):
                role = self._role(text[3:].strip())
                if role.role != Role.KEY_RESULT and (
                    mode != "kr" or not (self._explicit_kr_part() or checklist_of_results)
                ):
                    # a checklist is initiatives, unless it sits under "Key results", right
                    # under a labelled objective, or each box is labelled as one ("- [ ] KR1:
                    # Lead time from 10 to 3 days")
                    continue
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
                and result_not_section(item, text)
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

    def _checklist_of_results(self, items: list[Item]) -> bool:
        """A checklist right under a labelled objective that has no key results yet ("##
        Objective: Get fit" over "- [x] Run 3x a week"): its results, ticked off as they are
        met. After its results, under a plain heading, or beside boxes labelled "KR1:", a
        checklist is the work planned."""
        current = self._current
        texts = [first_text(item) for item in items if item.lines]
        # a plain heading counts as labelled under a heading naming the OKRs of a cycle ("#
        # Docs team — Q1 2025 OKRs" over "## 🎯 Ship a docs site" over its ticked results)
        named_set = current is not None and current.from_heading and any(
            section.kind == "cycle" and NAMES_OKRS.search(section.text) for section in self._sections
        )
        return (
            current is not None
            and (not current.tentative or named_set)
            and not current.objective.key_results
            and all(text.startswith(CHECKBOX) for text in texts)
            and not any(self._role(text[3:].strip()).role == Role.KEY_RESULT for text in texts)
        )

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
