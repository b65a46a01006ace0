"""Positions between okrlint (code points) and an LSP client (UTF-16 code units by default)."""

from __future__ import annotations

from typing import Literal

from lsprotocol import types

Encoding = Literal["utf-8", "utf-16", "utf-32"]


def _units(text: str, encoding: Encoding) -> int:
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", errors="surrogatepass"))
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2


def to_client(lines: list[str], line: int, column: int, encoding: Encoding) -> types.Position:
    """0-based line and code-point column -> an LSP position in `encoding` units."""
    if line >= len(lines):
        return types.Position(
            line=max(len(lines) - 1, 0), character=_units(lines[-1], encoding) if lines else 0
        )
    text = lines[line].rstrip("\r")
    return types.Position(line=line, character=_units(text[: max(column, 0)], encoding))


def to_server(lines: list[str], line: int, character: int, encoding: Encoding) -> tuple[int, int]:
    """An LSP position -> 0-based line and code-point column."""
    if line >= len(lines):
        return line, 0
    text = lines[line]
    units = 0
    for index, char in enumerate(text):
        if units >= character:
            return line, index
        units += _units(char, encoding)
    return line, len(text)
