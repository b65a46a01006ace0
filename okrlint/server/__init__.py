"""`okrlint server`: a Language Server (pygls, stdio) for YAML, Markdown and text OKR files.

Diagnostics on open, change and save, with exact ranges in the client's position encoding
(UTF-16 unless the client asks otherwise); the coaching as hover and as each diagnostic's
related information; code actions for the fixes. The rules, the spaCy pipeline and the
analysis of unchanged texts stay loaded between edits, so re-linting one file is fast.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from okrlint import __version__
from okrlint.config import ConfigError, PatternSet, Settings, find_config
from okrlint.findings import Finding, Report, Severity
from okrlint.formatters.common import rule_url
from okrlint.loaders import format_for, load, normal_newlines
from okrlint.loaders.sniff import looks_like_okrs
from okrlint.models import LoadResult, Position
from okrlint.server.positions import Encoding, to_client, to_server
from okrlint.sources import display_path

log = logging.getLogger(__name__)

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
SOURCE = "okrlint"


@dataclass
class _Linted:
    """The last analysis of one open document: what hover and code actions answer from."""

    version: int | None
    text: str
    report: Report
    seconds: float


class OkrLanguageServer(LanguageServer):
    """The okrlint language server: lints open OKR documents and keeps the analysis warm."""

    def __init__(self) -> None:
        super().__init__("okrlint", __version__)
        self.linted: dict[str, _Linted] = {}
        self._settings: dict[str, tuple[float, Settings | None]] = {}
        # The project's other OKR files, read once per root until a document is saved,
        # opened or closed (walking and parsing them on every keystroke would not stay fast).
        self.context_cache: dict[Path, list[LoadResult]] = {}
        self._told: set[str] = set()  # config problems already shown to the user
        self.latest_change: dict[str, int] = {}  # the newest version each document was changed to

    # -- settings ------------------------------------------------------------------------------
    def settings_for(self, path: Path) -> Settings:
        """The project's settings for `path` (cached until the config file changes)."""
        config = find_config(path)
        key = str(config) if config else ""
        mtime = config.stat().st_mtime if config else 0.0
        cached = self._settings.get(key)
        if cached is None or cached[0] != mtime or cached[1] is None:
            settings = (
                Settings.from_project(path, config=config) if config else Settings().resolved()
            )
            self._settings[key] = (mtime, settings)
            return settings
        return cached[1]

    @property
    def encoding(self) -> Encoding:
        """The position encoding agreed with the client (UTF-16 unless it asked otherwise)."""
        chosen = str(self.workspace.position_encoding or "utf-16")
        return "utf-8" if chosen == "utf-8" else "utf-32" if chosen == "utf-32" else "utf-16"

    # -- linting -------------------------------------------------------------------------------
    def lint_document(self, uri: str) -> None:
        """Lint the document's current text and publish its diagnostics."""
        document = self.workspace.get_text_document(uri)
        diagnostics = self._diagnostics(uri, document.source, document.version)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=document.version, diagnostics=diagnostics
            )
        )

    def _diagnostics(self, uri: str, text: str, version: int | None) -> list[types.Diagnostic]:
        path = Path(to_fs_path(uri) or uri)
        fmt = format_for(path.name)
        if fmt is None or not (path.suffix.lower() == ".okr" or looks_like_okrs(text, fmt)):
            self.linted.pop(uri, None)
            return []  # not an OKR file: a YAML language server may send any YAML
        try:
            settings = self.settings_for(path)
        except ConfigError as error:
            self._config_problem(error)
            return []
        self._told.clear()  # the config reads well again: a new mistake is shown again
        if PatternSet(settings.exclude, settings.root).matches(path):
            self.linted.pop(uri, None)
            return []
        from okrlint.api import lint_results
        from okrlint.measure.dates import date_order

        started = time.perf_counter()
        with date_order(settings.date_order):
            result = load(text, display_path(path), fmt)  # `load` makes every line end a '\n'
        try:
            report = lint_results([result], settings, context=self._context(path, settings, result))
        except ConfigError as error:
            self._config_problem(error)
            return []
        seconds = time.perf_counter() - started
        self.linted[uri] = _Linted(version, text, report, seconds)
        lines = normal_newlines(text).split("\n")
        return [self._diagnostic(uri, finding, lines) for finding in report.findings]

    def _config_problem(self, error: ConfigError) -> None:
        """Say once that the config is wrong, not on every keystroke: the same message again
        stays quiet until the config reads well or says something else."""
        message = f"okrlint: {error}"
        if message in self._told:
            return
        self._told.add(message)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))

    def _context(self, path: Path, settings: Settings, result: LoadResult) -> list[LoadResult]:
        """The project's other OKR files, for the cross-file rules (unknown parent, totals):
        open documents as edited, the rest as saved."""
        from okrlint.api import collect, read_all

        root = self._project_root(path, settings)
        if root not in self.context_cache:
            self.context_cache[root] = read_all(collect([root], settings), settings)
        own = display_path(path)
        edited = self._open_documents(root, settings)
        saved = [r for r in self.context_cache[root] if r.document is None or r.document.path not in edited]
        return [r for r in [*saved, *edited.values()] if r.document is None or r.document.path != own]

    def _project_root(self, path: Path, settings: Settings) -> Path:
        """The folder whose OKR files the cross-file rules read: the config's folder; without
        a config, the deepest workspace folder the editor opened that holds the file, else the
        file's own folder (never the folder the server was started in, which may be '/')."""
        if find_config(path) is not None:
            return settings.root
        resolved = path.resolve()
        folders = [
            Path(to_fs_path(folder.uri) or "")
            for folder in self.workspace.folders.values()
        ]
        if self.workspace.root_path:
            folders.append(Path(self.workspace.root_path))
        holding = [f.resolve() for f in folders if str(f) and resolved.is_relative_to(f.resolve())]
        return max(holding, key=lambda f: len(f.parts)) if holding else resolved.parent

    def _open_documents(self, root: Path, settings: Settings) -> dict[str, LoadResult]:
        """The open OKR documents under `root` as the editor holds them, unsaved edits and all
        (a parent added in one file counts in another before it is saved)."""
        from okrlint.measure.dates import date_order

        edited: dict[str, LoadResult] = {}
        excluded = PatternSet(settings.exclude, settings.root)
        for uri, document in sorted(self.workspace.text_documents.items()):
            path = Path(to_fs_path(uri) or uri)
            fmt = format_for(path.name)
            if fmt is None or not path.resolve().is_relative_to(root) or excluded.matches(path):
                continue  # (an excluded draft is no part of the project, open or not)
            if not (path.suffix.lower() == ".okr" or looks_like_okrs(document.source, fmt)):
                continue
            with date_order(settings.date_order):
                result = load(document.source, display_path(path), fmt)
            if result.document is not None:
                edited[result.document.path] = result
        return edited

    def _diagnostic(self, uri: str, finding: Finding, lines: list[str]) -> types.Diagnostic:
        where = self.client_range(lines, finding.range.start, finding.range.end)
        coaching = finding.coaching
        location = types.Location(uri=uri, range=where)
        related = [
            types.DiagnosticRelatedInformation(location=location, message=f"Why: {coaching.why}"),
            types.DiagnosticRelatedInformation(location=location, message=f"Fix: {coaching.fix}"),
        ]
        if finding.suggestion:
            related.append(
                types.DiagnosticRelatedInformation(
                    location=location, message=f"Try: {finding.suggestion}"
                )
            )
        return types.Diagnostic(
            range=where,
            message=finding.message,
            severity=_SEVERITY[finding.severity],
            code=finding.code,
            code_description=types.CodeDescription(href=rule_url(finding.code, finding.name)),
            source=SOURCE,
            related_information=related,
            data={"name": finding.name},
        )

    def client_range(self, lines: list[str], start: Position, end: Position) -> types.Range:
        """A finding's 1-based, code-point range as an LSP range in the client's encoding."""
        return types.Range(
            start=to_client(lines, start.line - 1, start.column - 1, self.encoding),
            end=to_client(lines, end.line - 1, end.column - 1, self.encoding),
        )

    def findings_at(self, uri: str, where: types.Range) -> list[Finding]:
        """The findings of the last analysis whose range meets `where` (client units)."""
        linted = self.linted.get(uri)
        if linted is None:
            return []
        lines = normal_newlines(linted.text).split("\n")
        first = to_server(lines, where.start.line, where.start.character, self.encoding)
        last = to_server(lines, where.end.line, where.end.character, self.encoding)
        hits = []
        for finding in linted.report.findings:
            start = (finding.range.start.line - 1, finding.range.start.column - 1)
            end = (finding.range.end.line - 1, finding.range.end.column - 1)
            if start <= last and first <= end:
                hits.append(finding)
        return hits


server = OkrLanguageServer()


@server.feature(types.INITIALIZED)
def _initialized(ls: OkrLanguageServer, params: types.InitializedParams) -> None:
    # Warm up: load the rules and build the spaCy pipeline before the first document arrives.
    from okrlint.api import lint_text

    lint_text("objectives:\n  - title: Warm up\n    key_results: [Raise NPS from 30 to 45]\n")


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: OkrLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.context_cache.clear()
    ls.lint_document(params.text_document.uri)


# Typing sends a change per keystroke: a burst is linted once, after this pause, so a large
# file is not analysed again for every version the user has already typed past (changes that
# queued while a long analysis ran are coalesced too). Short, to keep a re-lint's round trip
# under DESIGN §10's 100 ms.
DEBOUNCE_SECONDS = 0.05


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def _did_change(ls: OkrLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    uri, version = params.text_document.uri, params.text_document.version
    ls.latest_change[uri] = version
    await asyncio.sleep(DEBOUNCE_SECONDS)
    if ls.latest_change.get(uri) == version:  # no newer change came in the meantime
        ls.lint_document(uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _did_save(ls: OkrLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.context_cache.clear()
    ls.lint_document(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: OkrLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.context_cache.clear()
    ls.linted.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
    )


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: OkrLanguageServer, params: types.HoverParams) -> types.Hover | None:
    at = types.Range(start=params.position, end=params.position)
    findings = ls.findings_at(params.text_document.uri, at)
    if not findings:
        return None
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(_coaching(f) for f in findings)
        )
    )


def _coaching(finding: Finding) -> str:
    coaching = finding.coaching
    parts = [
        f"**{finding.code} {finding.name}** ({finding.severity.value}): {finding.message}",
        f"**Why it matters.** {coaching.why}",
        f"**How to fix it.** {coaching.fix}",
        f"**Example.** before: _{coaching.example.before}_ → after: _{coaching.example.after}_",
    ]
    if finding.suggestion:
        parts.append(f"**Try:** {finding.suggestion}")
    parts.append(f"[{finding.code} {finding.name}]({rule_url(finding.code, finding.name)})")
    return "\n\n".join(parts)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
    ),
)
def _code_actions(ls: OkrLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    linted = ls.linted.get(uri)
    if linted is None:
        return []
    lines = normal_newlines(linted.text).split("\n")
    actions = []
    only = params.context.only if params.context else None
    fixable = [
        f for f in ls.findings_at(uri, params.range) if f.fix is not None and _wanted(only, types.CodeActionKind.QuickFix.value)
    ]
    for finding in fixable:
        assert finding.fix is not None
        edits = [
            types.TextEdit(
                range=ls.client_range(lines, e.range.start, e.range.end), new_text=e.replacement
            )
            for e in finding.fix.edits
        ]
        unsafe = finding.fix.applicability == "unsafe"
        actions.append(
            types.CodeAction(
                title=f"{finding.fix.message} ({finding.code}{', unsafe' if unsafe else ''})",
                kind=types.CodeActionKind.QuickFix,
                edit=types.WorkspaceEdit(changes={uri: edits}),
                diagnostics=[ls._diagnostic(uri, finding, lines)],
                is_preferred=not unsafe,
            )
        )
    all_safe = _fix_all(ls, uri, linted, lines)
    if all_safe is not None and _wanted(only, all_safe.kind or ""):
        actions.append(all_safe)
    return actions


def _wanted(only: Sequence[types.CodeActionKind | str] | None, kind: str) -> bool:
    """Whether the client asked for actions of `kind`: `only` lists kinds or their parents
    ("source" asks for "source.fixAll.okrlint"; "refactor" for neither of ours)."""
    asked = [str(getattr(wanted, "value", wanted)) for wanted in only or ()]
    kind = str(getattr(kind, "value", kind))
    return not asked or any(kind == wanted or kind.startswith(f"{wanted}.") for wanted in asked)


def _fix_all(
    ls: OkrLanguageServer, uri: str, linted: _Linted, lines: list[str]
) -> types.CodeAction | None:
    """One action applying every safe fix of the document (source.fixAll.okrlint)."""
    from okrlint.fixes import non_overlapping

    fixes = non_overlapping(
        f.fix for f in linted.report.findings if f.fix is not None and f.fix.applicability == "safe"
    )
    if not fixes:
        return None
    edits = [
        types.TextEdit(
            range=ls.client_range(lines, e.range.start, e.range.end), new_text=e.replacement
        )
        for fix in fixes
        for e in fix.edits
    ]
    return types.CodeAction(
        title="okrlint: apply all safe fixes",
        kind=f"{types.CodeActionKind.SourceFixAll.value}.okrlint",
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


@server.command("okrlint.lastLintSeconds")
def _last_lint_seconds(ls: OkrLanguageServer, *args: Any) -> dict[str, float]:
    """How long the last analysis of each open document took (for benchmarks)."""
    return {uri: linted.seconds for uri, linted in ls.linted.items()}


def serve() -> None:
    """Run the server over stdin and stdout until the client exits."""
    server.start_io()
