"""What the shape of an outline says before the assembler reads it: a caption naming the
objectives below it, an example's lead-in, a flattened table header opening a list, sub-headings
that state results rather than group them, and the marks written around a statement (tags,
grades, bullets, checkboxes)."""

from __future__ import annotations

import re

from okrlint.loaders.labels import Role
from okrlint.loaders.line_kinds import (
    EXAMPLE_HEADING,
    EXAMPLE_LEAD_IN,
    first_text,
    header_caption,
    objectives_heading,
)
from okrlint.loaders.outline import Block, Heading, Item, ListBlock, Paragraph, Table
from okrlint.loaders.vocabulary import vocabulary

OBJECTIVE_LABELS = {Role.OBJECTIVE, Role.OBJECTIVE_LABEL}
# A continuation line that starts like a bullet is an item of its own ("·流程优化").
BULLETISH = ("·", "•", "▪", "◦", "●", "○", "‣", "–", "- ", "* ", "+ ")
CHECKBOX = ("[ ]", "[x]", "[X]")


def leads_in_example(block: Block) -> bool:
    """A paragraph that ends by introducing an example or template ("An example:",
    "Objectives have the following format:")."""
    return isinstance(block, Paragraph) and bool(block.lines) and EXAMPLE_LEAD_IN.search(block.lines[-1].text) is not None


def names_objectives(blocks: list[Block]) -> bool:
    """An "Objectives:" caption over a list, outside an example's section ("### Example"):
    it names objectives as a label does."""
    example = False
    for block, following in zip(blocks, blocks[1:]):
        if isinstance(block, Heading):
            example = EXAMPLE_HEADING.search(block.line.text) is not None
        elif not example and objectives_caption(block, following):
            return True
    return False


def objectives_caption(block: Block, following: Block | None) -> bool:
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


def header_list(block: ListBlock) -> bool:
    """A list that opens with a flattened table header, over items that own nested lists."""
    items = block.items
    return (
        len(items) > 1
        and not items[0].children
        and header_caption(first_text(items[0]))
        and any(item.children for item in items[1:])
    )


# The end-of-cycle grade after a prioritised result or its objective ("P2 - Stabilize Scroll
# Snap 0.9"): in those graded pages a bare fraction at the end is never the target; and the
# tool's tags ("Make booking work offline #Reliability 0.7").
_TAG = re.compile(r"#[\w-]+")
_GRADE = re.compile(r"(?:0?\.\d{1,2}|1\.0{1,2})")


def without_grade(text: str) -> str:
    """The statement without the tags and the grade written after it ("Make booking work
    offline #Reliability 0.7"). Walked word by word from the end: a pattern with a repeated
    group on either side of the grade backtracked for seconds over a run of tags."""
    words = text.split()
    graded = False
    while words and (_TAG.fullmatch(words[-1]) or (not graded and _GRADE.fullmatch(words[-1]))):
        graded = graded or bool(_GRADE.fullmatch(words[-1]))
        words.pop()
    return " ".join(words) if words else text


# A line of tags only ("#Implement #Velocity"): labels in an OKR tool, not words of the text.
TAGS_ONLY = re.compile(r"^(?:#[\w-]+\s*)+$")
# A heading numbered as a part of a document: "2.1 DIATAXIS", "3.4 GitHub Actions".
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)+\.?\s")


def result_subheadings(blocks: list[Block], headings: list[tuple[int, Heading]]) -> set[int]:
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


def result_not_section(item: Item, text: str) -> bool:
    """A key-result item that starts with a section's word ("Overview of Kali's code" among
    checkbox results): it heads nothing (no nested list, no colon) and says more than a
    section's name."""
    heads_nothing = not item.blocks and not item.children
    return heads_nothing and not text.rstrip().endswith((":", "：")) and len(text.split()) >= 4
