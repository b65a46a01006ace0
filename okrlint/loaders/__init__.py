"""Loaders turn source text into an OKRDocument with spans; they are pure (no file I/O)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from okrlint.models import LoadResult

Loader = Callable[[str, str], LoadResult]

FORMATS = ("yaml", "markdown", "text")
EXTENSIONS = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".okr": "text",
}


def format_for(path: str) -> str | None:
    """The input format chosen by a file's extension, or None if okrlint does not read it."""
    return EXTENSIONS.get(PurePath(path).suffix.lower())


def load(text: str, path: str, fmt: str) -> LoadResult:
    """Parse `text` (already decoded) in the given format."""
    if fmt == "yaml":
        from okrlint.loaders.yaml import load_yaml

        return load_yaml(text, path)
    if fmt == "markdown":
        from okrlint.loaders.markdown import load_markdown

        return load_markdown(text, path)
    if fmt == "text":
        from okrlint.loaders.text import load_text

        return load_text(text, path)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
