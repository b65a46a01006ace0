"""How fast `okrlint server` re-lints one edited file (DESIGN §10: under 100 ms).

    python benchmarks/lsp.py            # prints the figures; asserts nothing

Starts the real server over stdio, opens a 5-objective OKR file, then sends 30 edits (one key
result changed each time) and times each from `didChange` to the diagnostics arriving, and
as the server measured its own analysis.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import ClientServerConfig, client_capabilities

EDITS = 30
OKRS = """\
cycle: 2026-Q2
owner: growth
objectives:
""" + "".join(
    f"""  - id: O{i}
    title: Make objective {i} a reason customers stay
    key_results:
      - Raise weekly active teams from {10 * i} to {20 * i} by June 30
      - Cut median time to first value from {i + 5} days to {i + 1} days
      - Raise support CSAT from 78% to 9{i}%
"""
    for i in range(1, 6)
)


async def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="okrlint-lsp-bench-"))
    path = folder / "okrs.yaml"
    path.write_text(OKRS, encoding="utf-8")
    uri = path.as_uri()
    client = await ClientServerConfig(
        server_command=[sys.executable, "-m", "okrlint", "server"]
    ).start()
    await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"), root_uri=folder.as_uri()
        )
    )
    started = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=OKRS)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    first = time.perf_counter() - started
    round_trips, analyses = [], []
    for version in range(2, EDITS + 2):
        text = OKRS.replace("from 78% to", f"from {70 + version % 9}% to")
        started = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        round_trips.append(time.perf_counter() - started)
        seconds = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="okrlint.lastLintSeconds")
        )
        analyses.append(seconds[uri])
    await client.shutdown_session()
    await client.stop()
    print(f"first open (includes the server warming up the pipeline): {first * 1000:.0f} ms")
    median = statistics.median(round_trips) * 1000
    print(
        f"re-lint after an edit, {EDITS} edits: median {median:.1f} ms"
        f" round trip (max {max(round_trips) * 1000:.1f} ms),"
        f" median {statistics.median(analyses) * 1000:.1f} ms analysis in the server"
    )
    print("budget: under 100 ms (DESIGN §10)")


if __name__ == "__main__":
    asyncio.run(main())
