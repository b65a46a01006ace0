"""Finds the bundled data (rules/, corpora/) in an installed wheel or in a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def data_dir(name: str) -> Path:
    """The `rules` or `corpora` folder: inside the wheel (okrlint/_data) or at the repo root."""
    bundled = Path(str(resources.files("okrlint"))) / "_data" / name
    if bundled.is_dir():
        return bundled
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"okrlint's {name}/ folder is missing from this installation")
