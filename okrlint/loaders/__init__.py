"""Loaders turn source text into an OKRDocument with spans; they are pure (no file I/O)."""

from __future__ import annotations

from pathlib import PurePath

from okrlint.models import Diagnostic, LoadResult, Span

FORMATS = ("yaml", "markdown", "text")
EXTENSIONS = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "yaml",  # JSON is YAML; the YAML loader keeps the spans
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".okr": "text",
}


def format_for(path: str) -> str | None:
    """The input format chosen by a file's extension, or None if okrlint does not read it."""
    return EXTENSIONS.get(PurePath(path).suffix.lower())


# What each prose format expects, for the finding on a file that holds no objectives.
_EXPECTED = {
    "markdown": "expected headings like '## Objective: …' with key results listed beneath",
    "text": "expected lines like 'Objective: …' with 'KR: …' lines beneath,"
    " or 'We will … as measured by …'",
}


def load(text: str, path: str, fmt: str) -> LoadResult:
    """Parse `text` (already decoded) in the given format."""
    if fmt == "yaml":
        from okrlint.loaders.yaml import load_yaml

        return load_yaml(text, path)
    if fmt == "markdown":
        from okrlint.loaders.markdown import load_markdown

        return _require_objectives(load_markdown(text, path), fmt)
    if fmt == "text":
        from okrlint.loaders.text import load_text

        return _require_objectives(load_text(text, path), fmt)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _require_objectives(result: LoadResult, fmt: str) -> LoadResult:
    """A Markdown or text file with no objectives gets one E002, as a YAML file without an
    'objectives' list does; otherwise it would pass as "No findings" having checked nothing."""
    document = result.document
    if document is None or document.objectives or any(d.code == "E001" for d in result.diagnostics):
        return result  # already reported as unreadable or empty (E001): one finding is enough
    message = f"no objectives found: this file holds no OKRs ({_EXPECTED[fmt]})"
    span = Span.of(document.path, 1, 1, 1, 2)
    diagnostic = Diagnostic(code="E002", message=message, span=span)
    return result.model_copy(update={"diagnostics": [*result.diagnostics, diagnostic]})
