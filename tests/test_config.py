"""Configuration files, thresholds, selection and inline suppressions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main

OKRS = """cycle: 2026-Q2
objectives:
  - title: Delight customers
    key_results:
      - Launch the new app
      - Raise NPS from 30 to 45
      - Raise CSAT from 80% to 90%
      - Cut churn from 3% to 2%
"""


def _run(folder: Path, *args: str) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(
        main, ["check", "--format", "json", *args, str(folder / "okrs.yaml")]
    )
    codes = (
        [f["code"] for f in json.loads(result.stdout)["findings"]]
        if result.stdout.startswith("{")
        else []
    )
    return result.exit_code, codes, result.output


def _write(
    folder: Path, text: str = OKRS, config: str | None = None, name: str = ".okrlint.toml"
) -> None:
    (folder / "okrs.yaml").write_text(text, encoding="utf-8")
    if config is not None:
        (folder / name).write_text(config, encoding="utf-8")


def test_defaults_report_the_task(tmp_path: Path) -> None:
    _write(tmp_path)
    assert _run(tmp_path)[1] == ["O101"]


def test_pyproject_table_is_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.okrlint]\nignore = ["task-not-outcome"]\n')
    sub = tmp_path / "okrs"
    sub.mkdir()
    _write(sub)
    assert _run(sub)[1] == []


def test_thresholds_change_the_rules(tmp_path: Path) -> None:
    _write(tmp_path, config="[thresholds]\nmax-key-results = 3\n")
    assert "F302" in _run(tmp_path)[1]


def test_severity_override_changes_the_exit_code(tmp_path: Path) -> None:
    _write(tmp_path, config='[severity]\nO101 = "info"\n')
    code, codes, _ = _run(tmp_path)
    assert codes == ["O101"] and code == 0


def test_select_by_prefix_and_longest_prefix_wins(tmp_path: Path) -> None:
    _write(tmp_path)
    assert _run(tmp_path, "--select", "M")[1] == []
    assert _run(tmp_path, "--select", "O", "--ignore", "O1")[1] == []
    assert _run(tmp_path, "--select", "O101", "--ignore", "O1")[1] == ["O101"]


def test_fail_on(tmp_path: Path) -> None:
    _write(tmp_path)
    assert _run(tmp_path, "--fail-on", "error")[0] == 0
    assert _run(tmp_path, "--fail-on", "warning")[0] == 1
    assert _run(tmp_path, "--fail-on", "never")[0] == 0


def test_inline_suppression_on_the_line_and_the_line_above(tmp_path: Path) -> None:
    _write(
        tmp_path,
        OKRS.replace(
            "      - Launch the new app", "      - Launch the new app  # okrlint: disable=O101"
        ),
    )
    assert _run(tmp_path)[1] == []
    _write(
        tmp_path,
        OKRS.replace(
            "      - Launch the new app",
            "      # okrlint: disable=task-not-outcome\n      - Launch the new app",
        ),
    )
    assert _run(tmp_path)[1] == []
    _write(
        tmp_path,
        OKRS.replace(
            "      - Launch the new app",
            "      # okrlint: disable=M203\n      - Launch the new app",
        ),
    )
    # The task is still reported, and so is the directive that suppresses nothing (E004).
    assert _run(tmp_path)[1] == ["E004", "O101"]


def test_a_trailing_suppression_does_not_reach_the_next_line(tmp_path: Path) -> None:
    text = OKRS.replace(
        "      - Launch the new app\n",
        "      - Launch the new app  # okrlint: disable=O101\n      - Hold 5 customer workshops\n",
    )
    _write(tmp_path, text)
    # The workshops line is still reported: counted workshops are an input metric (O102).
    assert _run(tmp_path)[1] == ["O102"]


def test_file_level_suppression(tmp_path: Path) -> None:
    _write(tmp_path, "# okrlint: disable-file=O101\n" + OKRS)
    assert _run(tmp_path)[1] == []


def test_per_file_ignores(tmp_path: Path) -> None:
    _write(tmp_path, config='[per-file-ignores]\n"okrs.yaml" = ["O1"]\n')
    assert _run(tmp_path)[1] == []


def test_profile_radical_focus(tmp_path: Path) -> None:
    _write(tmp_path)
    assert "F302" in _run(tmp_path, "--profile", "radical-focus")[1]


def test_unknown_key_is_one_line_naming_it(tmp_path: Path) -> None:
    _write(tmp_path, config="selekt = ['O1']\n")
    code, _codes, output = _run(tmp_path)
    assert code == 2 and "selekt" in output and "Traceback" not in output


def test_unknown_rule_and_threshold_are_errors(tmp_path: Path) -> None:
    _write(tmp_path, config='ignore = ["Z999"]\n')
    code, _codes, output = _run(tmp_path)
    assert code == 2 and "Z999" in output
    _write(tmp_path, config="[thresholds]\nmax-objectivs = 3\n")
    code, _codes, output = _run(tmp_path)
    assert code == 2 and "max-objectivs" in output
    code, _codes, output = _run(tmp_path, "--select", "NOPE")
    assert code == 2


def test_unknown_profile_and_bad_toml(tmp_path: Path) -> None:
    _write(tmp_path, config='profile = "strictest"\n')
    code, _c, output = _run(tmp_path)
    assert code == 2 and "strictest" in output
    _write(tmp_path, config="ignore = [\n")
    code, _c, output = _run(tmp_path)
    assert code == 2 and "invalid TOML" in output


def test_markdown_suppression_comment(tmp_path: Path) -> None:
    text = (
        "## Objective: Delight customers\n<!-- okrlint: disable=O101 -->\n"
        "- Launch the new app\n- Raise NPS from 30 to 45\n"
    )
    (tmp_path / "okrs.md").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--format", "json", "--ignore", "M204", str(tmp_path / "okrs.md")]
    )
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == []


def test_lexicon_extension_teaches_a_new_effort_metric(tmp_path: Path) -> None:
    # A team's own jargon for an output: okrlint cannot know that "standups" count effort.
    text = OKRS.replace("Launch the new app", "Grow squad standups from 20 to 40 a month")
    _write(tmp_path, text)
    assert _run(tmp_path)[1] == []
    _write(tmp_path, text, config='[lexicon]\neffort-metrics = ["standups"]\n')
    assert _run(tmp_path)[1] == ["O102"]
    _write(tmp_path, text, config='[lexicon]\nactivity-verbz = ["instrument"]\n')
    code, _codes, output = _run(tmp_path)
    assert code == 2 and "activity-verbz" in output


def test_inspect_reads_with_the_same_config_as_check(tmp_path: Path) -> None:
    text = OKRS.replace("Launch the new app", "Instrument the checkout funnel")
    _write(tmp_path, text, config='[lexicon]\nactivity-verbs = ["instrument"]\n')
    result = CliRunner().invoke(main, ["inspect", "--format", "json", str(tmp_path / "okrs.yaml")])
    records = json.loads(result.stdout)
    assert records[0]["verb"] == "instrument" and records[0]["verb_kind"] == "activity"


UNTYPED = (
    "cycle: 2026-Q2\nobjectives:\n  - title: Make checkout fast at peak\n    key_results:\n"
    "      - Checkout p95 from 2.4 s to 1.2 s\n      - Failed payments at peak from 3% to 1%\n"
)


@pytest.mark.parametrize(
    ("settings", "reported"),
    [
        ({}, False),  # opt-in: off by default
        ({"select": ["ALL"]}, False),  # "ALL" is not a choice of this rule
        ({"select": ["A4"]}, False),  # nor is a prefix
        ({"extend_select": ["A407"]}, True),
        ({"profile": "google"}, True),  # Google's playbook asks every objective for its type
        ({"profile": "google", "ignore": ["A407"]}, False),
    ],
)
def test_an_opt_in_rule_runs_only_when_chosen_by_its_code(settings: dict, reported: bool) -> None:
    import okrlint

    codes = [f.code for f in okrlint.lint_text(UNTYPED, config=okrlint.Settings(**settings)).findings]
    assert ("A407" in codes) is reported
