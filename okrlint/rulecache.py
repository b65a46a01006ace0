"""The rules as plain data, cached on disk, for the commands that only show them.

`okrlint rules` and `okrlint explain` print what the rule files say, and `explain` shows each
rule's suggested rewrite filled in on its own bad examples, which takes linting them. Loading
the rule files (YAML, validated with pydantic) and spaCy for that costs about a second, so the
result is kept as JSON in the user's cache folder, keyed by okrlint's version and by the size
and modification time of okrlint's code, rules, word lists and installed packages (a rule pack
installed or removed changes its site-packages folder). A missing, stale or unreadable cache
is simply rebuilt; a folder that cannot be written is no error. JSON only: the cache is data,
never code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

from okrlint import __version__
from okrlint.resources import data_dir

_FORMAT = 2  # bump when the records' shape changes
_CORPORA = {"labelled", "real"}  # evaluation data: large, and no rule reads it


def cache_dir() -> Path:
    """OKRLINT_CACHE_DIR, else $XDG_CACHE_HOME/okrlint, else ~/.cache/okrlint."""
    chosen = os.environ.get("OKRLINT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "okrlint"


def rule_records() -> list[dict[str, Any]]:
    """Every rule (bundled and from rule packs) as plain data, in code order."""
    return _cached("rules", _build_records)


def rewrites() -> dict[str, list[list[str]]]:
    """Each rule's suggested rewrites of its own bad examples, by code (what `explain` shows)."""
    return _cached("rewrites", _build_rewrites)


def rule_specs() -> list[dict[str, Any]]:
    """Every rule as validated from its file, dumped for `RuleSpec.model_validate`."""
    return _cached("specs", _build_specs)


def find(code_or_name: str) -> dict[str, Any] | None:
    """The record of one rule, by code or name (as `Rulebook.get` finds it)."""
    key = code_or_name.strip()
    records = rule_records()
    return next((r for r in records if r["code"] == key.upper()), None) or next(
        (r for r in records if r["name"] == key.lower()), None
    )


def _cached(kind: str, build: Any) -> Any:
    path = cache_dir() / f"{kind}-{_fingerprint()}.json"
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
        if (
            isinstance(data, dict)
            and data.get("format") == _FORMAT
            and "value" in data
            and data.get("packs") == _packs_fingerprint(data.get("pack_folders", []))
        ):
            return data["value"]
    except (OSError, ValueError, TypeError):
        pass
    value = build()
    folders = _pack_folders()
    _write(
        path,
        {
            "format": _FORMAT,
            "value": value,
            "pack_folders": folders,
            "packs": _packs_fingerprint(folders),
        },
    )
    return value


def _pack_folders() -> list[str]:
    from okrlint.plugins import plugin_rules

    return [str(pack.folder) for pack in plugin_rules()]


def _write(path: Path, data: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob(path.name.split("-")[0] + "-*.json"):
            stale.unlink(missing_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, path)  # readers see the old file or the whole new one
    except OSError:
        pass  # a read-only home: every run rebuilds


@cache
def _fingerprint() -> str:
    """What the cached data depends on, as a short hash of names, sizes and times."""
    digest = hashlib.sha1(f"{__version__} {sys.version} {_FORMAT}".encode())
    package = Path(__file__).resolve().parent
    corpora = data_dir("corpora")
    # The rules, the code and the word lists the rewrites read (not the labelled corpora).
    words = [corpora / name for name in sorted(os.listdir(corpora)) if name not in _CORPORA]
    folders = [package, data_dir("rules"), *words]
    for folder in folders:
        for entry in _files(folder):
            digest.update(
                f"{entry.path} {entry.stat().st_size} {entry.stat().st_mtime_ns}".encode()
            )
    # Packages installed or removed (rule packs among them) change their folder's time. The
    # first entry, the script's folder or the working directory, says nothing of them.
    for folder_name in sys.path[1:]:
        try:
            digest.update(f"{folder_name} {os.stat(folder_name).st_mtime_ns}".encode())
        except OSError:
            continue
    return digest.hexdigest()[:16]


def _packs_fingerprint(folders: list[str]) -> str:
    """The rule files of the rule packs found when the cache was built (an editable pack's
    rules change without any package being installed)."""
    digest = hashlib.sha1()
    for folder in folders:
        for entry in _files(Path(folder)):
            digest.update(
                f"{entry.path} {entry.stat().st_size} {entry.stat().st_mtime_ns}".encode()
            )
    return digest.hexdigest()[:16]


def _files(folder: Path) -> list[os.DirEntry[str]]:
    found: list[os.DirEntry[str]] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return found
    for entry in entries:
        if entry.name.startswith((".", "__pycache__")):
            continue
        if entry.is_dir(follow_symlinks=False):
            found.extend(_files(Path(entry.path)))
        elif entry.name.endswith((".py", ".yaml", ".txt", ".toml", ".jsonl")):
            found.append(entry)
    return found


def _build_specs() -> list[dict[str, Any]]:
    from okrlint.plugins import plugin_rules
    from okrlint.rulebook import load_rulebook

    book = load_rulebook(extra=plugin_rules())
    return [rule.model_dump(mode="json", by_alias=True) for rule in book]


def _build_records() -> list[dict[str, Any]]:
    from okrlint.api import default_rulebook

    records = []
    for rule in default_rulebook():
        records.append(
            {
                "code": rule.code,
                "name": rule.name,
                "title": rule.title,
                "category": rule.category,
                "scope": rule.scope,
                "severity": rule.severity.value,
                "opt_in": rule.opt_in,
                "params": rule.params,
                "coaching": rule.coaching.model_dump(mode="json"),
                "suggestion": list(rule.suggestion),
                "bad": [case.describe() for case in rule.examples.bad],
                "good": [case.describe() for case in rule.examples.good],
                "sources": list(rule.sources),
            }
        )
    return records


def _build_rewrites() -> dict[str, list[list[str]]]:
    from okrlint.api import default_rulebook
    from okrlint.samples import suggested_rewrites

    return {
        rule.code: [list(pair) for pair in suggested_rewrites(rule)]
        for rule in default_rulebook()
        if rule.suggestion
    }
