"""`okrlint coach`: a report card per objective and a summary of the set, from check's findings."""

from okrlint.coach.build import build
from okrlint.coach.model import SCHEMA, CoachReport

__all__ = ["SCHEMA", "CoachReport", "build"]
