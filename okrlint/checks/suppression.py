"""E004 (unused-suppression) is reported by the engine once the suppressions are applied."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from okrlint.checks.base import Context, Hit


def unused_suppression(result: Any, params: dict[str, Any], ctx: Context) -> Iterator[Hit]:
    """No hits of its own: which directives suppressed nothing is known only after the run."""
    return iter(())
