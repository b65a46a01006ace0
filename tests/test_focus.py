"""Focus counts are per owner and cycle, even when a team splits its plan over several files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from okrlint.cli import main

OBJECTIVE = (
    "  - title: {title}\n    key_results: [Raise ARR from $2M to $3M, Lift NRR from 98% to 110%]\n"
)


def _plan(path: Path, owner: str, cycle: str, titles: list[str]) -> None:
    body = "".join(OBJECTIVE.format(title=t) for t in titles)
    path.write_text(f"owner: {owner}\ncycle: {cycle}\nobjectives:\n{body}", encoding="utf-8")


def _f301(*paths: Path) -> list[tuple[str, int, str]]:
    result = CliRunner().invoke(
        main, ["check", "--format", "json", "--select", "F301", *map(str, paths)]
    )
    return [
        (Path(f["path"]).name, f["range"]["start"]["line"], f["message"])
        for f in json.loads(result.stdout)["findings"]
    ]


def test_one_owner_and_cycle_over_two_files_is_counted_once(tmp_path: Path) -> None:
    _plan(tmp_path / "a.yaml", "Platform", "2026-Q2", ["Speed", "Trust", "Reach"])
    _plan(tmp_path / "b.yaml", "platform", "2026-Q2", ["Cost", "Hiring", "Docs"])
    found = _f301(tmp_path / "a.yaml", tmp_path / "b.yaml")
    # The sixth objective (b.yaml's third) is the one over the limit of five.
    assert found == [
        (
            "b.yaml",
            8,
            "6 objectives for Platform in 2026-Q2 (2 files); keep at most 5 so the team can focus.",
        )
    ]


def test_other_owners_or_cycles_are_separate_plans(tmp_path: Path) -> None:
    _plan(tmp_path / "a.yaml", "Platform", "2026-Q2", ["Speed", "Trust", "Reach"])
    _plan(tmp_path / "b.yaml", "Growth", "2026-Q2", ["Cost", "Hiring", "Docs"])
    _plan(tmp_path / "c.yaml", "Platform", "2026-Q3", ["Cost", "Hiring", "Docs"])
    assert _f301(*(tmp_path / n for n in ("a.yaml", "b.yaml", "c.yaml"))) == []
