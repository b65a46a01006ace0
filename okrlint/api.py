"""The library API: lint text or paths and get a Report; load a document into the model."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from okrlint.config import ConfigError, RuleSelection, Settings
from okrlint.engine import lint
from okrlint.findings import Report
from okrlint.lexicons import lexicons
from okrlint.loaders import FORMATS, load
from okrlint.models import Diagnostic, LoadResult, OKRDocument
from okrlint.nlp import Analyzer
from okrlint.rulebook import Rulebook, load_rulebook
from okrlint.sources import discover, read_file


class InputError(ValueError):
    """Raised by `load_document` when the input cannot be read at all."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        first = diagnostics[0]
        super().__init__(
            f"{first.span.path}:{first.span.start.line}:{first.span.start.column}: {first.message}"
        )


@cache
def default_rulebook() -> Rulebook:
    """The bundled rules, loaded once per process."""
    return load_rulebook()


@cache
def _analyzer(model: str | None, extra: tuple[tuple[str, tuple[str, ...]], ...]) -> Analyzer:
    try:
        words = lexicons({name: list(terms) for name, terms in extra})
    except KeyError as error:
        raise ConfigError(f"'lexicon': {error.args[0]}") from error
    return Analyzer(model, words)


def analyzer_for(settings: Settings) -> Analyzer:
    """One analyzer (and spaCy pipeline) per process, model name and extra word lists."""
    extra = tuple(sorted((name, tuple(terms)) for name, terms in settings.lexicon.items()))
    return _analyzer(settings.nlp_model, extra)


def lint_results(results: list[LoadResult], settings: Settings | None = None) -> Report:
    """Lint already-loaded files."""
    settings = settings or Settings()
    selection = RuleSelection(settings, default_rulebook())
    return lint(results, selection, analyzer_for(settings))


def lint_text(
    text: str, *, format: str = "yaml", path: str = "<text>", config: Settings | None = None
) -> Report:
    """Lint OKRs given as a string in `format` (yaml, markdown or text)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    return lint_results([load(text, path, format)], config)


def lint_paths(paths: Iterable[str | Path], config: Settings | None = None) -> Report:
    """Lint files and directories (directories are searched for files that look like OKRs)."""
    settings = config or Settings()
    found = discover([Path(p) for p in paths], settings.exclude)
    if found.errors:
        raise FileNotFoundError("; ".join(found.errors))
    results = [read_file(path, fmt, settings.max_file_size) for path, fmt in found.files]
    return lint_results(results, settings)


def load_document(source: str | Path, *, format: str | None = None) -> OKRDocument:
    """Load one OKR file (a path) into the model; raises InputError if it cannot be parsed."""
    path = Path(source)
    from okrlint.loaders import format_for

    fmt = format or format_for(path.name)
    if fmt is None:
        raise ValueError(f"cannot tell the format of {path}; pass format='yaml'|'markdown'|'text'")
    result = read_file(path, fmt, Settings().max_file_size)
    if result.document is None:
        raise InputError(result.diagnostics)
    return result.document
