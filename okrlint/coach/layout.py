"""Small pieces the human-readable formats share: score bars, counts, GROW stage names."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from okrlint.coach.model import Card

BAR_WIDTH = 20
STAGE_NAMES = {"goal": "Goal", "reality": "Reality", "options": "Options", "will": "Will"}


def bar(score: int, width: int = BAR_WIDTH) -> str:
    """A score as a bar of full and light blocks."""
    filled = round(score * width / 100)
    return "█" * filled + "░" * (width - filled)


REWRITE_LABELS = {"rewrite": "Try", "template": "Template", "example": "For example"}
# Under "Fix first" when nothing is listed: a clean card, or one whose wording was not read.
NOTHING_TO_FIX = "Nothing to change in how this objective is written."
NOTHING_FOUND_UNREAD = "The structural checks found nothing to change; the wording was not read."


def count(n: int, noun: str) -> str:
    """ "1 file", "3 files"; `noun` is singular ("key result")."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def progress_cell(progress: float | None, grade: float | None) -> str:
    """How far a key result got: its share of the way, else its final score, else a dash."""
    if progress is None and grade is not None:
        return f"score {grade:g}"
    return percent(progress)


def percent(value: float | None, missing: str = "–") -> str:
    return missing if value is None else f"{value:.0%}"


def questions_heading(card: Card) -> str:
    """The questions are for the next check-in while the cycle runs, for its review after."""
    return "Questions for the cycle review" if card.progress.state == "ended" else "Questions for the next check-in"
