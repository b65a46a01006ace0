"""What a loader read besides the objectives: the cycles and deadlines it met, with their rows.

Kept apart from the Markdown and text assembler so the YAML and CSV loaders, which fill it
too, do not import the assembler's patterns.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Found:
    """What the assembler read besides the objectives: cycles and deadlines, with their rows."""

    cycle: tuple[str, int] | None = None  # from a `Cycle:` line before any objective
    heading_cycles: list[tuple[str, int]] = field(default_factory=list)
    deadline: tuple[str, int] | None = None  # a deadline stated for the whole file
    labelled: bool = False  # a label, key-results section or KR column was read
