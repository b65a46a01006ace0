"""Formatters: pure functions from a Report to the text a user or a tool reads, by name."""

from __future__ import annotations

from collections.abc import Callable

from okrlint.findings import Report
from okrlint.formatters.machine import format_github, format_json, format_jsonl
from okrlint.formatters.rdjson import format_rdjson
from okrlint.formatters.sarif import format_sarif
from okrlint.formatters.text import TextOptions, format_text

Formatter = Callable[[Report], str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "jsonl": format_jsonl,
    "github": format_github,
    "sarif": format_sarif,
    "rdjson": format_rdjson,
}

__all__ = ["FORMATTERS", "Formatter", "TextOptions", "format_text"]
