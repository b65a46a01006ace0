"""Configuration that is wrong is one line naming the file and the key (with the closest valid
name), never an internal error; excludes and per-file-ignores are gitignore patterns anchored at
the config file's folder; `.gitignore` is honoured in directory walks; stdin finds its config."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import GOOD_YAML, Run

TASKS = """cycle: 2026-Q2
objectives:
  - title: Delight customers
    key_results:
      - Launch the new app
      - Raise NPS from 30 to 45
"""


def _one_line_error(run: Run, *needles: str) -> None:
    assert run.exit_code == 2, run.stdout + run.stderr
    assert len(run.stderr_lines) == 1, run.stderr
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr
    for needle in needles:
        assert needle in run.stderr, (needle, run.stderr)


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", '"3"', "true"])
def test_thresholds_must_be_real_numbers(write: Callable[..., Path], cli, value: str) -> None:
    write("okrs.yaml", GOOD_YAML)
    write(".okrlint.toml", f"[thresholds]\nmax-objectives = {value}\n")
    _one_line_error(cli("check", "okrs.yaml"), ".okrlint.toml", "max-objectives")


def test_a_rule_parameter_that_is_no_threshold_is_refused(write, cli) -> None:
    # `code` is a parameter of E001/E002, not a threshold: setting it used to silence E001.
    write("broken.yaml", "objectives: [\n")
    write("pyproject.toml", "[tool.okrlint.thresholds]\ncode = 3\n")
    _one_line_error(cli("check", "broken.yaml"), "pyproject.toml", "'code'")
    write("pyproject.toml", "[tool.okrlint]\n")
    run = cli("check", "--format", "json", "broken.yaml")
    assert run.exit_code == 1 and run.codes() == ["E001"]


@pytest.mark.parametrize("table", ['okrlint = "strict"', "okrlint = [1, 2]"])
def test_tool_okrlint_must_be_a_table(write, cli, table: str) -> None:
    write("okrs.yaml", GOOD_YAML)
    write("pyproject.toml", f"[tool]\n{table}\n")
    _one_line_error(cli("check", "okrs.yaml"), "pyproject.toml", "tool.okrlint")


def test_max_file_size_past_the_limit_is_a_config_error(write, cli) -> None:
    write("okrs.yaml", GOOD_YAML)
    write(".okrlint.toml", f"max-file-size = {100 * 1024**3}\n")
    _one_line_error(cli("check", "okrs.yaml"), ".okrlint.toml", "max-file-size")
    write(".okrlint.toml", "max-file-size = 0\n")
    _one_line_error(cli("check", "okrs.yaml"), ".okrlint.toml", "max-file-size")


def test_an_nlp_model_that_is_not_a_pipeline_names_the_key(write, cli) -> None:
    write("okrs.yaml", GOOD_YAML)
    write(".okrlint.toml", 'nlp-model = "click"\n')  # an installed package, but no pipeline
    _one_line_error(cli("check", "okrs.yaml"), ".okrlint.toml", "nlp-model", "click")


@pytest.mark.parametrize("profile", ["/etc/passwd", "../../rules/profiles/google", "google/.."])
def test_a_profile_is_a_name_never_a_path(write, cli, profile: str) -> None:
    write("okrs.yaml", GOOD_YAML)
    write(".okrlint.toml", f'profile = "{profile}"\n')
    _one_line_error(cli("check", "okrs.yaml"), ".okrlint.toml", "profile")
    _one_line_error(cli("check", "--profile", profile, "okrs.yaml"), "profile")


@pytest.mark.parametrize(
    ("config", "wrong", "suggested"),
    [
        ("exclud = []\n", "exclud", "exclude"),
        ("[thresholds]\nmax-objectivs = 3\n", "max-objectivs", "max-objectives"),
        ('ignore = ["task-not-outcom"]\n', "task-not-outcom", "task-not-outcome"),
        ('[severity]\nO1O1 = "info"\n', "O1O1", "O101"),
        ('profile = "googel"\n', "googel", "google"),
    ],
)
def test_errors_suggest_the_closest_valid_name(write, cli, config, wrong, suggested) -> None:
    write("okrs.yaml", GOOD_YAML)
    write(".okrlint.toml", config)
    _one_line_error(cli("check", "okrs.yaml"), ".okrlint.toml", wrong, f"'{suggested}'?")


def test_exclude_is_anchored_at_the_config_file_not_the_working_directory(
    write, cli, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("pyproject.toml", '[tool.okrlint]\nexclude = ["okrs/drafts/*"]\n')
    write("okrs/team.yaml", GOOD_YAML)
    write("okrs/drafts/wip.yaml", TASKS)
    assert cli("check", "--format", "json", "okrs").exit_code == 0
    monkeypatch.chdir(workdir / "okrs")
    assert cli("check", "--format", "json", ".").exit_code == 0
    # Named on the command line but excluded: skipped, exit 0 (as ruff does).
    run = cli("check", "--format", "json", "drafts/wip.yaml")
    assert run.exit_code == 0 and run.json()["findings"] == []
    # A pattern with no slash matches at any depth, as in .gitignore.
    write("pyproject.toml", '[tool.okrlint]\nexclude = ["wip.yaml"]\n')
    assert cli("check", "--format", "json", ".").exit_code == 0


def test_per_file_ignores_are_anchored_at_the_config_file(
    write, cli, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("pyproject.toml", '[tool.okrlint.per-file-ignores]\n"okrs/drafts/*" = ["O1"]\n')
    write("okrs/drafts/wip.yaml", TASKS)
    write("wip.yaml", TASKS)
    monkeypatch.chdir(workdir / "okrs")
    assert cli("check", "--format", "json", "drafts/wip.yaml").codes() == []
    assert cli("check", "--format", "json", "../wip.yaml").codes() == ["O101"]


def test_gitignored_files_are_skipped_in_walks_but_not_when_named(write, cli, workdir) -> None:
    (workdir / ".git").mkdir()
    write(".gitignore", "generated/\n*.tmp.yaml\n")
    write("okrs/team.yaml", GOOD_YAML)
    write("okrs/generated/export.yaml", TASKS)
    write("okrs/draft.tmp.yaml", TASKS)
    write("okrs/sub/.gitignore", "!keep.tmp.yaml\n")
    write("okrs/sub/keep.tmp.yaml", TASKS)
    run = cli("check", "--format", "json", "okrs")
    assert sorted({f["path"] for f in run.json()["findings"]}) == ["okrs/sub/keep.tmp.yaml"]
    assert cli("check", "--format", "json", "okrs/draft.tmp.yaml").codes() == ["O101"]


def test_stdin_finds_its_config_from_stdin_filename(write, cli) -> None:
    write("team/.okrlint.toml", 'ignore = ["O101"]\n')
    run = cli("check", "--format", "json", "--stdin-filename", "team/okrs.yaml", "-", input=TASKS)
    assert run.codes() == []
    run = cli("check", "--format", "json", "--stdin-filename", "okrs.yaml", "-", input=TASKS)
    assert run.codes() == ["O101"]


def test_a_missing_context_path_is_a_usage_error(write, cli) -> None:
    write("okrs.yaml", GOOD_YAML)
    _one_line_error(cli("check", "--context", "nope", "okrs.yaml"), "--context", "nope")


@pytest.mark.parametrize(
    ("config", "needles"),
    [
        ('[lexicon]\nactivity-verb = ["standups"]\n', (".okrlint.toml", "unknown lexicon 'activity-verb'", "did you mean 'activity-verbs'")),
        ('[tool.okrlint]\nprofile = "google"\n', (".okrlint.toml", "unknown key 'tool'", "belongs in pyproject.toml")),
    ],
    ids=["lexicon", "tool-table"],
)
def test_config_mistakes_name_the_file_and_the_fix(write, cli, config: str, needles: tuple[str, ...]) -> None:
    write("okrs.yaml", GOOD_YAML)
    write(".okrlint.toml", config)
    _one_line_error(cli("check", "okrs.yaml"), *needles)


def test_a_whole_number_threshold_is_shown_as_one(write, cli) -> None:
    write(".okrlint.toml", "[thresholds]\nmax-key-results = 2\n")
    write(
        "okrs.yaml",
        "cycle: 2026-Q2\nobjectives:\n  - title: Grow\n    key_results:"
        " [Raise NPS from 30 to 40, Cut churn from 3% to 2%, Lift ARR from $2M to $3M]\n",
    )
    message = cli("check", "--format", "json", "--select", "F302", "okrs.yaml").json()["findings"][0]["message"]
    assert "2 or fewer" in message and "2.0" not in message
