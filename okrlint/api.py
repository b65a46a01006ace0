"""The library API: lint text or paths and get a Report; load a document into the model."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from okrlint.config import ConfigError, PatternSet, RuleSelection, Settings
from okrlint.engine import fewer_collections, finish, lint, lint_file
from okrlint.findings import Edit, Fix, Report
from okrlint.fixes import apply_edits, non_overlapping
from okrlint.lexicons import lexicons
from okrlint.loaders import FORMATS, load
from okrlint.measure.dates import date_order
from okrlint.models import Diagnostic, LoadResult, OKRDocument
from okrlint.nlp import Analyzer
from okrlint.rulebook import Rulebook, RuleSpec, load_rulebook
from okrlint.sources import Discovery, discover, read_file


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
    """The bundled rules and those of installed rule packs, loaded once per process."""
    from okrlint.plugins import plugin_rules
    from okrlint.rulecache import rule_specs

    packs = plugin_rules()
    try:  # the rule files as last validated, from the cache: no YAML to parse
        rules = [RuleSpec.model_validate(spec) for spec in rule_specs()]
    except (ValueError, TypeError, KeyError):  # a damaged cache: read the files themselves
        return load_rulebook(extra=packs)
    checks = {name: check for pack in packs for name, check in pack.checks.items()}
    return Rulebook(rules, checks)


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


def selection_for(settings: Settings) -> RuleSelection:
    """The rules a run uses with `settings` (raises ConfigError for unknown codes)."""
    return RuleSelection(settings.resolved(), default_rulebook())


def lint_results(
    results: list[LoadResult],
    settings: Settings | None = None,
    context: Sequence[LoadResult] = (),
) -> Report:
    """Lint already-loaded files; `context` files only inform the cross-file rules."""
    settings = (settings or Settings()).resolved()
    with date_order(settings.date_order):
        return lint(results, selection_for(settings), analyzer_for(settings), context=context)


def lint_text(
    text: str, *, format: str = "yaml", path: str = "<text>", config: Settings | None = None
) -> Report:
    """Lint OKRs given as a string in `format` (yaml, markdown, text, csv or tsv)."""
    return lint_results([_loaded(text, format, path, config)], config)


def fix_text(
    text: str,
    *,
    format: str = "yaml",
    path: str = "<text>",
    config: Settings | None = None,
    unsafe: bool = False,
) -> tuple[str, Report]:
    """`text` with every fix applied that applies (the safe ones; unsafe ones too with
    `unsafe`), as `okrlint check --fix` applies them, and the report on the fixed text. Line
    ends come back as '\n'."""
    outcome = fix_results([_loaded(text, format, path, config)], config, unsafe=unsafe)
    return outcome.results[0].source, outcome.report


def _loaded(text: str, format: str, path: str, config: Settings | None) -> LoadResult:
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    with date_order((config or Settings()).date_order):
        # a byte-order mark left by the caller's decoding is no text (files are read as utf-8-sig)
        return load(text.removeprefix("\ufeff"), path, format)


def collect(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings,
    *,
    sniff_named: bool = False,
    sole_config: bool = False,
) -> Discovery:
    """The files a run over `paths` lints: directories walked (config excludes and
    `.gitignore` honoured), named files kept unless excluded by config. `sole_config`: the
    settings govern every file (a config given by name), so a folder's own config does not
    take its files out of their excludes."""
    patterns = PatternSet(settings.exclude, settings.root, nearest=not sole_config)
    return discover([Path(p) for p in paths], patterns, sniff_named=sniff_named)


def read_all(found: Discovery, settings: Settings) -> list[LoadResult]:
    """Load every file discovery found (unreadable ones become E001 findings)."""
    with date_order(settings.date_order):
        return [read_file(path, fmt, settings.max_file_size) for path, fmt in found.files]


def lint_found(
    found: Discovery,
    settings: Settings,
    *,
    extra: Sequence[LoadResult] = (),
    context: Sequence[LoadResult] = (),
    jobs: int | None = 1,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Read and lint the files discovery found, on `jobs` processes (None: one per CPU; small
    runs stay in this process), then `extra` (already loaded: stdin). The report is the same
    for any number of processes."""
    from okrlint.parallel import lint_files, workers_for

    settings = settings.resolved()
    selection, analyzer = selection_for(settings), analyzer_for(settings)
    workers = workers_for(len(found.files), jobs)
    with fewer_collections(), date_order(settings.date_order):
        linted = lint_files(
            found.files, settings, selection, analyzer, workers=workers, progress=progress
        )
        linted += [lint_file(result, selection, analyzer) for result in extra]
        return finish(linted, selection, analyzer, context)


def lint_paths(paths: Iterable[str | os.PathLike[str]], config: Settings | None = None) -> Report:
    """Lint files and directories as `okrlint check` does: without `config`, each file gets
    the settings of its nearest `[tool.okrlint]` or `.okrlint.toml` (`Settings.from_project`),
    the walk those of the folder all the paths share; with `config`, every file gets it."""
    from okrlint.config import build_settings, find_config
    from okrlint.projects import governed, merge

    if isinstance(paths, (str, os.PathLike)):
        raise TypeError("lint_paths takes a list of paths, not one path")
    paths = list(paths)
    run_config = None if config is not None else find_config(_anchor(paths))
    settings = (config if config is not None else build_settings(run_config, {})[0]).resolved()
    found = collect(paths, settings, sole_config=config is not None)
    if found.errors:
        raise FileNotFoundError("; ".join(found.errors))
    if config is not None:
        return lint_found(found, settings)
    groups = governed(found.files, run_config, settings, lambda c: build_settings(c, {})[0].resolved())
    reports = [lint_found(Discovery(files=files), own) for _config, own, files in groups]
    return merge(reports) if reports else lint_found(found, settings)


def _anchor(paths: list[str | os.PathLike[str]]) -> Path:
    """Where the config search starts: the folder all the paths share (the working directory
    if none), so that the order they are named in changes nothing."""
    named = [os.path.abspath(p) for p in paths]
    if not named:
        return Path.cwd()
    try:
        return Path(os.path.commonpath(named)) if len(named) > 1 else Path(named[0])
    except ValueError:  # different drives
        return Path(min(named))


def load_document(source: str | os.PathLike[str], *, format: str | None = None) -> OKRDocument:
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


@dataclass
class FixOutcome:
    """What `fix_results` did: the files as they are now, the final report, and per path the
    batches of edits applied in turn (each batch's positions refer to the text after the
    previous batch) and how many findings they fixed."""

    results: list[LoadResult]
    report: Report
    batches: dict[str, list[list[Edit]]] = field(default_factory=dict)
    fixed: dict[str, int] = field(default_factory=dict)


def fix_results(
    results: list[LoadResult],
    settings: Settings | None = None,
    *,
    unsafe: bool = False,
    context: Sequence[LoadResult] = (),
    rounds: int = 10,
) -> FixOutcome:
    """Lint, apply every fix that applies (safe ones; unsafe too with `unsafe`), and lint
    again until no fix is left (a fix can make another one possible), at most `rounds` times."""
    current = list(results)
    outcome = FixOutcome(results=current, report=lint_results(current, settings, context))
    for _ in range(rounds):
        chosen: dict[str, list[Fix]] = {}
        for finding in outcome.report.findings:
            fix = finding.fix
            if fix is not None and (unsafe or fix.applicability == "safe"):
                chosen.setdefault(finding.path, []).append(fix)
        changed = False
        for index, result in enumerate(current):
            document = result.document
            if document is None or document.path not in chosen:
                continue
            fixes = non_overlapping(chosen[document.path])
            edits = [edit for fix in fixes for edit in fix.edits]
            current[index] = load(apply_edits(result.source, edits), document.path, document.format)
            outcome.batches.setdefault(document.path, []).append(edits)
            outcome.fixed[document.path] = outcome.fixed.get(document.path, 0) + len(fixes)
            changed = True
        if not changed:
            break
        outcome.report = lint_results(current, settings, context)
    outcome.results = current
    return outcome
