"""The library agrees with the CLI and is typed: only the public API is used here (`import
okrlint`), `mypy --strict` accepts a program using it, and rule packs plug in by entry point."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import okrlint

TASKS = """\
cycle: 2026-Q2
objectives:
  - title: Delight customers
    key_results:
      - Launch the new app
      - Ship the redesigned onboarding flow
      - Roll out SSO to every tenant
      - Raise NPS from 30 to 45
"""


def _cli_json(*args: str, cwd: Path) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "okrlint", "check", "--format", "json", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
    )
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def test_lint_paths_honours_the_project_config_exactly_as_the_cli(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "okrs").mkdir()
    (workdir / "okrs" / "team.yaml").write_text(TASKS, encoding="utf-8")
    (workdir / "okrs" / "drafts").mkdir()
    (workdir / "okrs" / "drafts" / "wip.yaml").write_text(TASKS, encoding="utf-8")
    (workdir / "pyproject.toml").write_text(
        '[tool.okrlint]\nignore = ["O101"]\nexclude = ["okrs/drafts/"]\n', encoding="utf-8"
    )
    report = okrlint.lint_paths(["okrs/"])
    assert [f.code for f in report.findings if f.code == "O101"] == []
    assert json.loads(report.to_json()) == _cli_json("okrs/", cwd=workdir)
    # From a sub-folder too: the config is found by walking up, excludes anchor at it.
    monkeypatch.chdir(workdir / "okrs")
    assert json.loads(okrlint.lint_paths(["."]).to_json()) == _cli_json(".", cwd=workdir / "okrs")
    # Explicit settings win; without the config's ignore the three tasks are reported.
    report = okrlint.lint_paths(["team.yaml"], okrlint.Settings())
    assert [f.code for f in report.findings].count("O101") == 3


def test_lint_paths_gives_each_file_its_nearest_config_in_any_order(workdir: Path) -> None:
    for team in ("a", "b"):
        (workdir / team).mkdir()
        (workdir / team / "okrs.yaml").write_text(TASKS, encoding="utf-8")
    (workdir / "b" / ".okrlint.toml").write_text('ignore = ["O101"]\n', encoding="utf-8")
    for order in (["a", "b"], ["b", "a"]):
        report = okrlint.lint_paths(order)
        assert {f.path for f in report.findings if f.code == "O101"} == {"a/okrs.yaml"}
        assert report.files == 2
        assert json.loads(report.to_json()) == _cli_json(*order, cwd=workdir)
    with pytest.raises(TypeError, match="list of paths"):
        okrlint.lint_paths("a")  # type: ignore[arg-type]  # a string is no list of paths


def test_settings_from_project_and_bad_settings(workdir: Path) -> None:
    (workdir / ".okrlint.toml").write_text('profile = "radical-focus"\n', encoding="utf-8")
    settings = okrlint.Settings.from_project(workdir)
    assert settings.profile == "radical-focus" and settings.thresholds["max-objectives"] == 1
    with pytest.raises(ValueError, match="no-such"):
        okrlint.Settings(profile="no-such")
    with pytest.raises(ValueError, match="max-objectives"):
        okrlint.Settings(thresholds={"max-objectives": float("nan")})
    (workdir / ".okrlint.toml").write_text('exclde = ["x"]\n', encoding="utf-8")
    with pytest.raises(okrlint.ConfigError, match="did you mean 'exclude'"):
        okrlint.Settings.from_project(workdir)


def test_a_profile_given_in_code_applies_its_thresholds() -> None:
    text = TASKS.replace("Launch the new app", "Cut churn from 3% to 2%")
    default = okrlint.lint_text(text, config=okrlint.Settings())
    radical = okrlint.lint_text(text, config=okrlint.Settings(profile="radical-focus"))
    assert "F302" not in [f.code for f in default.findings]
    assert "F302" in [f.code for f in radical.findings]  # radical focus: three KRs at most


def test_every_public_name_has_a_docstring() -> None:
    missing = []
    for name in okrlint.__all__:
        if name == "__version__":
            continue
        value = getattr(okrlint, name)
        if not inspect.getdoc(value):
            missing.append(name)
        if inspect.isclass(value):
            for attr, member in vars(value).items():
                if attr.startswith("_") or not (
                    callable(member) or isinstance(member, property | classmethod)
                ):
                    continue
                target = member.__func__ if isinstance(member, classmethod) else member
                if not inspect.getdoc(target):
                    missing.append(f"{name}.{attr}")
    assert missing == []


def test_fix_results_and_reports(tmp_path: Path) -> None:
    hedged = TASKS.replace("Launch the new app", "Try to reach $3M in pipeline")
    path = tmp_path / "okrs.yaml"
    path.write_text(hedged, encoding="utf-8")
    document = okrlint.load_document(path)
    assert document.objectives[0].key_results[0].title == "Try to reach $3M in pipeline"
    report = okrlint.lint_text(hedged, path="okrs.yaml")
    hedge = next(f for f in report.findings if f.code == "A404")
    assert hedge.fix is not None and hedge.fix.applicability == "safe"


MYPY_PROGRAM = """\
from pathlib import Path

import okrlint


def codes(path: Path) -> list[str]:
    settings: okrlint.Settings = okrlint.Settings.from_project(path)
    report: okrlint.Report = okrlint.lint_paths([path], settings)
    for finding in report.findings:
        if finding.fix is not None:
            edit: okrlint.Edit = finding.fix.edits[0]
            print(edit.range.start.line, edit.replacement, finding.coaching.fix)
    document: okrlint.OKRDocument = okrlint.load_document(path)
    key_result: okrlint.KeyResult = document.objectives[0].key_results[0]
    print(key_result.title, okrlint.__version__, report.summary().files)
    return [f.code for f in okrlint.lint_text("objectives: []", format="yaml").findings]
"""


def test_mypy_strict_accepts_a_program_using_the_public_api(tmp_path: Path) -> None:
    (tmp_path / "program.py").write_text(MYPY_PROGRAM, encoding="utf-8")
    (tmp_path / "wrong.py").write_text(
        "import okrlint\nx: int = okrlint.lint_text('')\n", encoding="utf-8"
    )
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache")]
    good = subprocess.run([*command, "program.py"], capture_output=True, text=True, cwd=tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr
    # The types are real: a wrong use is caught (so the package is not just "Any").
    wrong = subprocess.run([*command, "wrong.py"], capture_output=True, text=True, cwd=tmp_path)
    assert wrong.returncode == 1 and 'has type "Report"' in wrong.stdout


PACK_RULE = """\
code: X901
name: jargon
title: Key result uses consultant jargon
category: wording
scope: key_result
severity: warning
check: acme-jargon
message: "'{word}' is jargon; say what changes."
coaching:
  why: >
    Jargon hides what the team will actually change, and readers outside the team cannot tell
    whether the result was reached. Plain words make the key result checkable by anyone.
  fix: Replace the jargon with the measure and the change you expect.
  example:
    before: Leverage synergies in onboarding
    after: Cut onboarding time from 9 days to 3 days
sources: ["Acme style guide"]
examples:
  bad: [Leverage synergies in onboarding]
  good: [Cut onboarding time from 9 days to 3 days]
"""

PACK_CODE = '''\
"""A tiny okrlint rule pack, for the test."""
from pathlib import Path

import okrlint


def jargon(node, params, ctx):
    for word in ("synergies", "leverage"):
        if word in node.title.lower():
            yield okrlint.Hit(node, {"word": word})
            return


PACK = okrlint.RulePack(folder=Path(__file__).parent / "rules", checks={"acme-jargon": jargon})
'''


def test_a_rule_pack_plugs_in_through_the_entry_point(tmp_path: Path) -> None:
    pack = tmp_path / "acme-okr-rules"
    (pack / "acme_okr_rules" / "rules").mkdir(parents=True)
    (pack / "acme_okr_rules" / "__init__.py").write_text(PACK_CODE, encoding="utf-8")
    (pack / "acme_okr_rules" / "rules" / "X901-jargon.yaml").write_text(PACK_RULE, encoding="utf-8")
    (pack / "pyproject.toml").write_text(
        textwrap.dedent(
            """\
            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "acme-okr-rules"
            version = "1.0"

            [project.entry-points."okrlint.rules"]
            acme = "acme_okr_rules:PACK"

            [tool.setuptools.package-data]
            acme_okr_rules = ["rules/*.yaml"]
            """
        ),
        encoding="utf-8",
    )
    target = tmp_path / "site"
    # Installed into its own folder (put on PYTHONPATH below) so other tests never see it.
    install = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--target",
        str(target),
    ]
    try:  # offline and quick when the venv can build the pack itself
        import setuptools  # noqa: F401
        import wheel  # noqa: F401

        install.append("--no-build-isolation")
    except ImportError:
        pass
    done = subprocess.run([*install, str(pack)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (tmp_path / "okrs.yaml").write_text(
        TASKS.replace("Launch the new app", "Leverage synergies in onboarding"), encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [sys.executable, "-m", "okrlint", "check", "--format", "json", "okrs.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert run.returncode == 1, run.stderr
    jargon = [f for f in json.loads(run.stdout)["findings"] if f["code"] == "X901"]
    assert len(jargon) == 1 and jargon[0]["message"] == "'synergies' is jargon; say what changes."
    rules = subprocess.run(
        [sys.executable, "-m", "okrlint", "rules"], capture_output=True, text=True, env=env
    )
    assert "X901  jargon" in rules.stdout
    ignored = subprocess.run(
        [
            sys.executable,
            "-m",
            "okrlint",
            "check",
            "--format",
            "json",
            "--ignore",
            "jargon",
            "okrs.yaml",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert "X901" not in ignored.stdout


def test_fix_text_applies_the_fixes_check_would() -> None:
    text = (
        "cycle: 2026-Q2\nobjectives:\n  - title: Grow the pipeline\n    key_results:\n"
        "      - Hopefully reach $3M in qualified pipeline\n      - Cut churn from 4% to 3%\n"
    )
    fixed, report = okrlint.fix_text(text)
    assert "      - Reach $3M in qualified pipeline\n" in fixed
    assert "A404" not in [f.code for f in report.findings]
    assert "A404" in [f.code for f in okrlint.lint_text(text).findings]


def test_a_byte_order_mark_before_the_text_changes_nothing() -> None:
    text = "Cycle: 2026-Q2\nObjective: Grow revenue\nKR: Raise ARR from $2M to $3M\nKR: Cut churn from 5% to 3%\n"
    plain = [(f.code, f.range.start.line) for f in okrlint.lint_text(text, format="text").findings]
    marked = [(f.code, f.range.start.line) for f in okrlint.lint_text("\ufeff" + text, format="text").findings]
    assert marked == plain and "M204" not in [code for code, _line in marked]
