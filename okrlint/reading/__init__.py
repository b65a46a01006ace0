"""The language layer: what a key result's words say (verb, deliverable, measure, mentions)."""

from okrlint.reading.forms import base_forms
from okrlint.reading.mentions import label_length, not_a_duration, quoted, share_of, without_scale
from okrlint.reading.reading import Reading
from okrlint.reading.words import Lead, Word

__all__ = [
    "Lead",
    "Reading",
    "Word",
    "base_forms",
    "label_length",
    "without_scale",
    "not_a_duration",
    "quoted",
    "share_of",
]
