"""`okrlint server` driven by a real LSP client over stdio (pytest-lsp); one server process for
the whole module, as an editor keeps one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

pytestmark = pytest.mark.asyncio(loop_scope="module")

HEDGED = """\
cycle: 2026-Q2
objectives:
  - title: Grow the pipeline
    key_results:
      - "🚀 Hopefully reach $3M in qualified pipeline"
      - Cut churn from 4% to 3%
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / "pyproject.toml").write_text(
        '[tool.okrlint]\nexclude = ["drafts/"]\n', encoding="utf-8"
    )
    (root / "company.yaml").write_text(
        "cycle: 2026-Q2\nobjectives:\n  - id: CO-1\n    title: Win the mid-market\n"
        "    key_results: [Raise ARR from $2M to $3M, Lift NRR from 98% to 110%]\n",
        encoding="utf-8",
    )
    return root


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "okrlint", "server"]),
)
async def client(lsp_client: LanguageClient, project: Path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=project.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name="project")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def _open(
    client: LanguageClient, path: Path, text: str, language: str = "yaml"
) -> list[types.Diagnostic]:
    uri = path.as_uri()
    path.write_text(text, encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[uri])


async def _code_actions(
    client: LanguageClient,
    path: Path,
    diagnostic: types.Diagnostic,
    only: list[types.CodeActionKind] | None = None,
) -> list[types.Command | types.CodeAction] | None:
    """The code actions the server offers on a diagnostic (of the kinds in `only`, if given)."""
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic], only=only),
        )
    )


async def test_diagnostics_on_open_with_utf16_columns(
    client: LanguageClient, project: Path
) -> None:
    diagnostics = await _open(client, project / "team.yaml", HEDGED)
    hedge = next(d for d in diagnostics if d.code == "A404")
    line = HEDGED.split("\n")[hedge.range.start.line]
    start = line.index("🚀")  # code points before the key result's text
    # The emoji is one code point but two UTF-16 units: the end column counts it twice.
    assert hedge.range.start.character == start
    assert hedge.range.end.character == start + 2 + len(
        " Hopefully reach $3M in qualified pipeline"
    )
    assert hedge.severity == types.DiagnosticSeverity.Information
    assert hedge.source == "okrlint" and hedge.code_description is not None
    messages = [info.message for info in hedge.related_information or []]
    assert any(m.startswith("Why: ") for m in messages) and any(
        m.startswith("Fix: ") for m in messages
    )


async def test_diagnostics_follow_changes_and_saves(client: LanguageClient, project: Path) -> None:
    path = project / "edits.yaml"
    uri = path.as_uri()
    diagnostics = await _open(client, path, HEDGED)
    assert "A404" in [d.code for d in diagnostics]
    fixed = HEDGED.replace("🚀 Hopefully reach", "Reach")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "A404" not in [d.code for d in client.diagnostics[uri]]
    path.write_text(fixed, encoding="utf-8")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "A404" not in [d.code for d in client.diagnostics[uri]]


async def test_hover_shows_the_coaching(client: LanguageClient, project: Path) -> None:
    path = project / "hover.yaml"
    diagnostics = await _open(client, path, HEDGED)
    hedge = next(d for d in diagnostics if d.code == "A404")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            position=types.Position(
                line=hedge.range.start.line, character=hedge.range.start.character + 4
            ),
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "**Why it matters.**" in hover.contents.value and "A404" in hover.contents.value
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            position=types.Position(line=0, character=0),
        )
    )
    assert nothing is None


async def test_code_action_applies_the_fix(client: LanguageClient, project: Path) -> None:
    path = project / "actions.yaml"
    diagnostics = await _open(client, path, HEDGED)
    hedge = next(d for d in diagnostics if d.code == "A404")
    actions = await _code_actions(client, path, hedge)
    assert actions
    quick = next(
        a
        for a in actions
        if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix
    )
    assert quick.is_preferred and quick.edit is not None and quick.edit.changes is not None
    (edit,) = quick.edit.changes[path.as_uri()]
    lines = HEDGED.split("\n")
    line = lines[edit.range.start.line]
    as_utf16 = line.encode("utf-16-le")
    start, end = edit.range.start.character * 2, edit.range.end.character * 2
    fixed = (as_utf16[:start] + edit.new_text.encode("utf-16-le") + as_utf16[end:]).decode(
        "utf-16-le"
    )
    assert fixed == '      - "🚀 reach $3M in qualified pipeline"'
    assert any(
        isinstance(a, types.CodeAction) and str(a.kind).startswith("source.fixAll") for a in actions
    )


async def test_markdown_and_text_documents(client: LanguageClient, project: Path) -> None:
    md = await _open(
        client,
        project / "okrs.md",
        (
            "# Q2 OKRs\n"
            "\n"
            "## Objective: Delight customers\n"
            "\n"
            "- KR1: Launch the app <!-- okrlint: disable=M204 -->\n"
            "- KR2: Raise NPS from 30 to 45\n"
        ),
        "markdown",
    )
    task = next(d for d in md if d.code == "O101")
    assert (task.range.start.line, task.range.start.character) == (4, len("- KR1: "))
    assert task.range.end.character == len("- KR1: Launch the app")
    text = await _open(
        client,
        project / "draft.txt",
        "Objective: Delight customers\nKR: Launch the app\nKR: Raise NPS from 30 to 45\n",
        "plaintext",
    )
    assert "O101" in [d.code for d in text]


async def test_cross_file_rules_see_the_project(client: LanguageClient, project: Path) -> None:
    child = (
        "cycle: 2026-Q2\n"
        "objectives:\n"
        "  - title: Close mid-market deals faster\n"
        "    parent: {parent}\n"
        "    key_results: [Cut sales cycle from 60 to 45 days, Raise win rate from 20% to 25%]\n"
    )
    good = await _open(client, project / "child.yaml", child.format(parent="CO-1"))
    assert "C602" not in [d.code for d in good]
    bad = await _open(client, project / "orphan.yaml", child.format(parent="CO-9"))
    assert "C602" in [d.code for d in bad]


async def test_non_okr_and_excluded_files_get_no_diagnostics(
    client: LanguageClient, project: Path
) -> None:
    (project / "drafts").mkdir(exist_ok=True)
    assert await _open(client, project / "drafts" / "wip.yaml", HEDGED) == []
    assert (
        await _open(client, project / "ci.yaml", "jobs:\n  test:\n    runs-on: ubuntu-latest\n")
        == []
    )


async def test_open_documents_count_as_edited_not_as_saved(
    client: LanguageClient, project: Path
) -> None:
    # CO-7 exists only in the editor's unsaved buffer of company2.yaml: a child naming it as
    # parent is not told the parent is unknown.
    company = project / "company2.yaml"
    company.write_text("cycle: 2026-Q2\nobjectives: []\n", encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=company.as_uri(),
                language_id="yaml",
                version=1,
                text="cycle: 2026-Q2\nobjectives:\n  - id: CO-7\n    title: Open the Nordics\n"
                "    key_results: [Nordic ARR from $0.2M to $1M, Nordic NRR from 95% to 105%]\n",
            )
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    child = (
        "cycle: 2026-Q2\nobjectives:\n  - title: Sign Nordic partners\n    parent: CO-7\n"
        "    key_results: [Partner-sourced ARR from $0 to $0.3M, Partner NPS from 20 to 40]\n"
    )
    assert "C602" not in [d.code for d in await _open(client, project / "nordic.yaml", child)]


async def test_without_a_config_the_project_is_the_workspace_folder_not_the_server_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pygls.workspace import Workspace

    from okrlint.config import Settings
    from okrlint.server import OkrLanguageServer

    workspace, elsewhere = tmp_path / "ws", tmp_path / "elsewhere"
    (workspace / "team").mkdir(parents=True)
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # where the editor started the server
    server = OkrLanguageServer()
    file = workspace / "team" / "okrs.yaml"
    server.protocol._workspace = Workspace(
        workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="ws")],
    )
    settings = Settings().resolved()
    assert server._project_root(file, settings) == workspace.resolve()
    server.protocol._workspace = Workspace(None)  # no folder opened: the file's own folder
    assert server._project_root(file, settings) == file.parent.resolve()


@pytest.mark.parametrize(
    ("only", "kinds"),
    [
        ([types.CodeActionKind.Refactor], set()),
        ([types.CodeActionKind.SourceFixAll], {"source.fixAll.okrlint"}),
        ([types.CodeActionKind.Source], {"source.fixAll.okrlint"}),
        ([types.CodeActionKind.QuickFix], {"quickfix"}),
    ],
)
async def test_code_actions_only_of_the_kinds_asked_for(
    client: LanguageClient, project: Path, only: list[types.CodeActionKind], kinds: set[str]
) -> None:
    path = project / "only.yaml"
    diagnostics = await _open(client, path, HEDGED)
    hedge = next(d for d in diagnostics if d.code == "A404")
    actions = await _code_actions(client, path, hedge, only)
    assert {str(a.kind) for a in actions or [] if isinstance(a, types.CodeAction)} == kinds


async def test_a_config_mistake_is_shown_once_not_on_every_change(
    client: LanguageClient, project: Path
) -> None:
    folder = project / "typo"
    folder.mkdir(exist_ok=True)
    (folder / ".okrlint.toml").write_text('ignre = ["O101"]\n', encoding="utf-8")
    path = folder / "okrs.yaml"
    path.write_text(HEDGED, encoding="utf-8")
    before = len(client.messages)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="yaml", version=1, text=HEDGED)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    for version in range(2, 6):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=HEDGED + "#" * version)],
            )
        )
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    shown = [m.message for m in client.messages[before:]]
    assert len(shown) == 1 and "ignre" in shown[0]


async def test_a_burst_of_changes_ends_with_the_diagnostics_of_the_last(
    client: LanguageClient, project: Path
) -> None:
    path = project / "burst.yaml"
    plain = HEDGED.replace("🚀 Hopefully reach", "Reach")
    await _open(client, path, plain)
    uri = path.as_uri()
    for version in range(2, 12):  # typed faster than the pause: linted once, at the end
        text = plain + "#" * version if version < 11 else HEDGED
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "A404" in [d.code for d in client.diagnostics[uri]]


async def test_an_excluded_open_draft_is_no_part_of_the_project(tmp_path: Path) -> None:
    from pygls.workspace import Workspace

    from okrlint.config import Settings
    from okrlint.server import OkrLanguageServer

    (tmp_path / "pyproject.toml").write_text('[tool.okrlint]\nexclude = ["drafts/"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    draft = tmp_path / "drafts" / "old.yaml"
    text = "cycle: 2026-Q2\nobjectives:\n  - id: CO-9\n    title: Old aim\n    key_results: [ARR from $1M to $2M]\n"
    server = OkrLanguageServer()
    server.protocol._workspace = Workspace(tmp_path.as_uri())
    server.workspace.put_text_document(
        types.TextDocumentItem(uri=draft.as_uri(), language_id="yaml", version=1, text=text)
    )
    settings = Settings.from_project(tmp_path)
    assert server._open_documents(tmp_path.resolve(), settings) == {}
