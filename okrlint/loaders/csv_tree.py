"""Sheets whose rows point at their parent: a goal tool's export ("Goal ID", "Title", "Parent
Goal ID") or a database's ("Name", "Type", "Parent item": "Keep our biggest customers
(https://www.notion.so/…)"). A row is a key result when its parent is another row of the file,
an objective otherwise (its parent, a company goal, lives elsewhere)."""

from __future__ import annotations

import re

# "Parent", "Parent item", "Parent goal ID", "Parent key", "Parent issue": the column.
_PARENT_HEADER = re.compile(r"^\s*parent(?:\s+(?:item|goal|objective|id|goal\s+id|key|issue|okr))?\s*$", re.IGNORECASE)
# A database's link after the parent's name: "Keep our biggest customers (https://…)".
_LINK_AFTER = re.compile(r"\s*\((?:https?://|www\.)[^()]*\)\s*$")


def parent_column(header: list[str]) -> int | None:
    """The column naming each row's parent, by its header."""
    return next((i for i, name in enumerate(header) if _PARENT_HEADER.match(name)), None)


def parent_key(value: str) -> str:
    """A parent cell as the key it names: its id or title, without a link, in any case."""
    return " ".join(_LINK_AFTER.sub("", value).split()).casefold()


def children_of(
    keys: list[tuple[str, str, str]],
) -> dict[int, int]:
    """For rows given as (own id, own title, parent cell), the parent row of each row whose
    parent is another row of the file (by id first, else by title): {child: parent}."""
    by_id = {parent_key(ident): row for row, (ident, _title, _parent) in enumerate(keys) if ident}
    by_title = {parent_key(title): row for row, (_ident, title, _parent) in enumerate(keys) if title}
    found: dict[int, int] = {}
    for row, (_ident, _title, parent) in enumerate(keys):
        key = parent_key(parent)
        if not key:
            continue
        target = by_id.get(key, by_title.get(key))
        if target is not None and target != row:
            found[row] = target
    return found
