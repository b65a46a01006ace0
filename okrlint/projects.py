"""Each file is linted with its nearest config, as ruff does: a repository may hold several
OKR projects (a folder per team, each with its own `.okrlint.toml`), and what a file gets must
not depend on which path was named first.

`by_config` groups the files a run found by the config that governs each; `merge` joins the
reports of the groups into one, sorted as a single run sorts them. Cross-file rules (totals per
owner, parents) see the files of one project at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from okrlint.config import PatternSet, Settings, find_config
from okrlint.findings import Finding, Report


def by_config(
    files: Sequence[tuple[Path, str]], fallback: Path | None
) -> list[tuple[Path | None, list[tuple[Path, str]]]]:
    """The files grouped by their nearest config (`fallback` for a file no config governs,
    which is the config found for the run itself), groups ordered by config path."""
    groups: dict[Path | None, list[tuple[Path, str]]] = {}
    folders: dict[Path, Path | None] = {}  # one config search per folder, not per file
    for path, fmt in files:
        folder = path.parent
        if folder not in folders:
            folders[folder] = find_config(path) or fallback
        groups.setdefault(folders[folder], []).append((path, fmt))
    return sorted(groups.items(), key=lambda item: str(item[0] or ""))


def governed(
    files: Sequence[tuple[Path, str]],
    run_config: Path | None,
    run_settings: Settings,
    settings_of: Callable[[Path | None], Settings],
) -> list[tuple[Path | None, Settings, list[tuple[Path, str]]]]:
    """(config, its settings, the files it governs) for each config: the run's own settings for
    its files, `settings_of(config)` for a nearer one, whose excludes then hold for its files
    (the walk used the run's)."""
    groups = []
    for config, part in by_config(files, run_config):
        if config == run_config:
            groups.append((config, run_settings, list(part)))
            continue
        own = settings_of(config)
        excluded = PatternSet(own.exclude, own.root)
        groups.append((config, own, [f for f in part if not excluded.matches(f[0])]))
    return groups


def merge(reports: Sequence[Report]) -> Report:
    """One report from the reports of several groups, as one run would have written it."""
    if len(reports) == 1:
        return reports[0]
    findings = sorted((f for r in reports for f in r.findings), key=Finding.sort_key)
    return Report(
        findings=tuple(findings),
        files=sum(r.files for r in reports),
        objectives=sum(r.objectives for r in reports),
        key_results=sum(r.key_results for r in reports),
        paths=tuple(p for r in reports for p in r.paths),
        sources={path: text for r in reports for path, text in r.sources.items()},
    )
