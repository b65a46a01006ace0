"""Loaders turn source text into an OKRDocument with spans; they are pure (no file I/O)."""

from __future__ import annotations

import re
from pathlib import PurePath

from okrlint.gc_pause import fewer_collections
from okrlint.models import Diagnostic, LoadResult, Span

FORMATS = ("yaml", "markdown", "text", "csv", "tsv")
EXTENSIONS = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "yaml",  # JSON is YAML; the YAML loader keeps the spans
    ".md": "markdown",
    ".markdown": "markdown",
    ".org": "markdown",  # Org-mode, rewritten column for column (loaders/org_mode.py)
    ".adoc": "markdown",  # AsciiDoc, likewise (loaders/asciidoc.py)
    ".asciidoc": "markdown",
    ".rst": "text",  # reStructuredText, into the plain-text layout (loaders/restructured_text.py)
    ".txt": "text",
    ".okr": "text",
    ".csv": "csv",
    ".tsv": "tsv",
}


def format_for(path: str) -> str | None:
    """The input format chosen by a file's extension, or None if okrlint does not read it."""
    return EXTENSIONS.get(PurePath(path).suffix.lower())


def _rewritten(text: str, path: str) -> str | None:
    """Markup that is read through another format's loader, rewritten column for column so
    spans point into the file as written; None for a file read as it is."""
    suffix = PurePath(path).suffix.lower()
    if suffix == ".org":
        from okrlint.loaders.org_mode import markdown_text as org_markdown

        return org_markdown(text)
    if suffix in (".adoc", ".asciidoc"):
        from okrlint.loaders.asciidoc import markdown_text as asciidoc_markdown

        return asciidoc_markdown(text)
    if suffix == ".rst":
        from okrlint.loaders.restructured_text import plain_text

        return plain_text(text)
    return None


# What each prose format expects, for the finding on a file that holds no objectives.
_EXPECTED = {
    "markdown": "expected headings like '## Objective: …' with key results listed beneath",
    "text": "expected lines like 'Objective: …' with 'KR: …' lines beneath,"
    " or 'We will … as measured by …'",
    "csv": "expected a header row with an 'Objective' column and a 'Key result' column"
    " (or KR1, KR2 … columns)",
}
_EXPECTED["tsv"] = _EXPECTED["csv"]


def normal_newlines(text: str) -> str:
    """Every line end as '\n': Windows' '\r\n' and old Mac files' lone '\r' alike (YAML and
    CommonMark read a lone '\r' as a line break too, so lines and columns agree with them)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Half of a UTF-16 pair on its own: no character at all. Decoded files never hold one (the
# UTF-8 decoder refuses them), but a str handed to the library can, and neither the YAML
# parser nor the output can take it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def load(text: str, path: str, fmt: str) -> LoadResult:
    """Parse `text` (already decoded) in the given format."""
    with fewer_collections():
        return _load(normal_newlines(text), path, fmt)


def _load(text: str, path: str, fmt: str) -> LoadResult:
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        return _not_unicode(text, path, surrogate.start())
    if fmt == "yaml":
        from okrlint.loaders.yaml import load_yaml

        return load_yaml(text, path)
    if fmt == "markdown":
        from okrlint.loaders.markdown import load_markdown

        if (markdown := _rewritten(text, path)) is not None:
            # read as Markdown; shown as written
            result = load_markdown(markdown, path, written=text).model_copy(update={"source": text})
            return _require_objectives(result, fmt)
        return _require_objectives(load_markdown(text, path), fmt)
    if fmt == "text":
        from okrlint.loaders.text import load_text

        if (plain := _rewritten(text, path)) is not None:
            result = load_text(plain, path, written=text).model_copy(update={"source": text})
            return _require_objectives(result, fmt)
        return _require_objectives(load_text(text, path), fmt)
    if fmt in ("csv", "tsv"):
        from okrlint.loaders.csv_table import load_csv

        return _require_objectives(load_csv(text, path, fmt), fmt)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _not_unicode(text: str, path: str, offset: int) -> LoadResult:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    code = f"U+{ord(text[offset]):04X}"
    message = f"not valid Unicode: a lone surrogate ({code}); the file was not read"
    diagnostic = Diagnostic(
        code="E001", message=message, span=Span.of(path, line, column, line, column + 1)
    )
    # The source is kept for showing lines, with the surrogates made printable.
    return LoadResult(
        document=None, diagnostics=[diagnostic], source=_SURROGATE.sub("\ufffd", text)
    )


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
