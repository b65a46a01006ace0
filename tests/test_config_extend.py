"""`extend`: a config file that builds on another (a repository's shared config, a team's own
overrides), as ruff's `extend` does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.config import ConfigError, Settings
from tests.test_config import OKRS



def _codes(*paths: Path) -> list[tuple[str, str]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *map(str, paths)])
    assert result.exit_code in (0, 1), result.output
    return sorted((Path(f["path"]).name, f["code"]) for f in json.loads(result.stdout)["findings"])


def test_a_team_config_builds_on_the_shared_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".okrlint.toml").write_text(
        'ignore = ["O101"]\n[thresholds]\nmax-key-results = 3\nmin-key-results = 2\n', encoding="utf-8"
    )
    team = tmp_path / "teams" / "growth"
    team.mkdir(parents=True)
    (team / "okrs.yaml").write_text(OKRS, encoding="utf-8")
    # the team's own file: its threshold wins, the shared ignore and the other threshold stay
    (team / ".okrlint.toml").write_text('extend = "../../.okrlint.toml"\n[thresholds]\nmax-key-results = 5\n')
    settings = Settings.from_project(team / "okrs.yaml")
    assert settings.ignore == ["O101"]
    assert settings.thresholds["max-key-results"] == 5 and settings.thresholds["min-key-results"] == 2
    assert _codes(team / "okrs.yaml") == []  # no O101 (shared), no F302 (4 KRs under the team's 5)
    (team / ".okrlint.toml").write_text('extend = "../../.okrlint.toml"\n')
    assert _codes(team / "okrs.yaml") == [("okrs.yaml", "F302")]  # the shared max of 3


def test_the_shared_excludes_mean_the_same_from_the_team_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".okrlint.toml").write_text(
        'exclude = ["drafts/", "teams/growth/archive/", "teams/sales/"]\n', encoding="utf-8"
    )
    team = tmp_path / "teams" / "growth"
    for folder in ("drafts", "archive", "current"):
        (team / folder).mkdir(parents=True)
        (team / folder / "okrs.yaml").write_text(OKRS, encoding="utf-8")
    (team / ".okrlint.toml").write_text('extend = "../../.okrlint.toml"\n', encoding="utf-8")
    settings = Settings.from_project(team / "okrs.yaml")
    assert settings.exclude == ["drafts/", "/archive/"]  # "teams/sales/" points elsewhere
    assert {path for path, _code in _codes(team)} == {"okrs.yaml"}
    result = CliRunner().invoke(main, ["check", "--format", "json", str(team)])
    paths = {f["path"] for f in json.loads(result.stdout)["findings"]}
    assert paths == {"teams/growth/current/okrs.yaml"}


@pytest.mark.parametrize(
    ("team_config", "says"),
    [
        ('extend = "../missing.toml"\n', "no such config file"),
        ("extend = 3\n", "must be the path of another config file"),
        ('extend = "../team.toml"\n', "makes a loop"),
    ],
)
def test_a_broken_extend_is_one_clear_error(tmp_path: Path, team_config: str, says: str) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / ".okrlint.toml").write_text(team_config, encoding="utf-8")
    (tmp_path / "team.toml").write_text('extend = "team/.okrlint.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=says):
        Settings.from_project(team)
    result = CliRunner().invoke(main, ["check", str(team)])
    assert result.exit_code == 2 and says in result.output and "Traceback" not in result.output
