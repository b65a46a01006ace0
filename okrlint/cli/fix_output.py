"""What `check --fix` and `check --diff` write: each fixed file, or a unified diff."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


def original(path: str, found: Any, stdin: bytes | None) -> tuple[Path | None, bytes]:
    """The bytes a fixed file had before (a linted file's, or stdin's)."""
    for file, _fmt in found.files:
        from okrlint.sources import display_path

        if display_path(file) == path:
            return file, file.read_bytes()
    return None, stdin or b""


def fixed_bytes(data: bytes, batches: list[list[Any]]) -> bytes:
    from okrlint.fixes import apply_to_bytes

    for edits in batches:
        data = apply_to_bytes(data, edits)
    return data


def write_fixes(outcome: Any, found: Any, stdin: bytes | None) -> bytes | None:
    """Write each fixed file (only the edited characters change); stdin's fixed text is
    returned for stdout instead."""
    fixed_stdin = None
    for path, batches in sorted(outcome.batches.items()):
        file, data = original(path, found, stdin)
        fixed = fixed_bytes(data, batches)
        if file is None:
            fixed_stdin = fixed
        elif fixed != data:
            file.write_bytes(fixed)
    if stdin is not None and fixed_stdin is None:
        fixed_stdin = stdin  # nothing to fix: the input, unchanged
    return fixed_stdin


def print_diff(outcome: Any, found: Any, stdin: bytes | None) -> None:
    import difflib

    for path, batches in sorted(outcome.batches.items()):
        _file, data = original(path, found, stdin)
        before = data.decode("utf-8-sig").splitlines(keepends=True)
        after = fixed_bytes(data, batches).decode("utf-8-sig").splitlines(keepends=True)
        click.echo("".join(difflib.unified_diff(before, after, f"a/{path}", f"b/{path}")), nl=False)
    total = sum(outcome.fixed.values())
    if total:
        noun = "fix" if total == 1 else "fixes"
        click.echo(f"Would apply {total} {noun} in {len(outcome.fixed)} file(s).", err=True)
