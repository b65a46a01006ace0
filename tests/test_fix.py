"""`okrlint check --fix / --diff / --unsafe-fixes`: only the rewrites okrlint is sure of, as
exact edits that leave every other byte of the file as it was."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import Run

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

HEDGED = """\
# Sales plan, reviewed weekly
cycle: 2026-Q2
objectives:
  - title: Grow the pipeline   # the board asked for this
    key_results:
      - Try to reach $3M in qualified pipeline   # stretch
      - Cut churn from 4% to 3%
"""


def _fixable(run: Run, unsafe: bool = False) -> list[dict]:
    return [
        f
        for f in run.json()["findings"]
        if f["fix"] and (unsafe or f["fix"]["applicability"] == "safe")
    ]


def test_fix_on_the_bad_examples_changes_only_what_safe_fixes_cover(cli, workdir: Path) -> None:
    shutil.copytree(EXAMPLES / "bad", workdir / "bad")
    before = {p.name: p.read_bytes() for p in (workdir / "bad").iterdir()}
    first = cli("check", "--format", "json", "bad")
    fixable = _fixable(first)
    assert {f["code"] for f in fixable} == {"A404", "P502"}
    edited_lines = {(Path(f["path"]).name, f["range"]["start"]["line"]) for f in fixable}

    run = cli("check", "--fix", "bad")
    assert f"Fixed {len(fixable)} findings" in run.stdout

    for path in (workdir / "bad").iterdir():
        old = before[path.name].decode().split("\n")
        new = path.read_bytes().decode().split("\n")
        assert len(old) == len(new)
        changed = {i + 1 for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b}
        assert changed == {line for name, line in edited_lines if name == path.name}

    second = cli("check", "--format", "json", "bad")
    assert not _fixable(second)
    remaining = {
        (f["code"], Path(f["path"]).name, f["range"]["start"]["line"])
        for f in second.json()["findings"]
    }
    for f in fixable:
        assert (f["code"], Path(f["path"]).name, f["range"]["start"]["line"]) not in remaining


def test_a_fixed_file_keeps_comments_layout_bom_and_crlf(cli, write) -> None:
    original = ("\ufeff" + HEDGED).replace("\n", "\r\n").encode("utf-8")
    path = write("okrs.yaml", original)
    finding = next(
        f
        for f in cli("check", "--format", "json", "okrs.yaml").json()["findings"]
        if f["code"] == "A404"
    )
    assert finding["fix"]["applicability"] == "safe"
    (edit,) = finding["fix"]["edits"]
    assert set(edit) == {"range", "replacement"}

    assert cli("check", "--fix", "--select", "A404", "okrs.yaml").exit_code == 0
    expected = original.replace(b"Try to reach $3M", b"Reach $3M")
    assert path.read_bytes() == expected


def test_diff_shows_the_fix_and_writes_nothing(cli, write) -> None:
    path = write("okrs.yaml", HEDGED)
    run = cli("check", "--diff", "okrs.yaml")
    assert run.exit_code == 1
    assert "-      - Try to reach $3M in qualified pipeline   # stretch" in run.stdout
    assert "+      - Reach $3M in qualified pipeline   # stretch" in run.stdout
    assert run.stdout.startswith("--- a/okrs.yaml\n+++ b/okrs.yaml\n")
    assert path.read_text() == HEDGED
    write("clean.yaml", HEDGED.replace("Try to reach", "Reach"))
    assert cli("check", "--diff", "clean.yaml").exit_code == 0


def test_unsafe_fixes_need_the_flag(cli, write) -> None:
    text = HEDGED.replace(
        "Try to reach $3M in qualified pipeline", "Grow ARR from $2M to $3M and earn the team bonus"
    )
    path = write("okrs.yaml", text)
    finding = next(
        f
        for f in cli("check", "--format", "json", "okrs.yaml").json()["findings"]
        if f["code"] == "P502"
    )
    assert finding["fix"]["applicability"] == "unsafe"
    run = cli("check", "okrs.yaml")
    assert "1 more fix available with `--fix --unsafe-fixes`" in run.stdout
    cli("check", "--fix", "okrs.yaml")
    assert path.read_text() == text
    cli("check", "--fix", "--unsafe-fixes", "okrs.yaml")
    assert path.read_text() == text.replace(" and earn the team bonus", "")


def test_fix_from_stdin_prints_the_fixed_text(cli) -> None:
    run = cli("check", "--fix", "--stdin-filename", "okrs.yaml", "-", input=HEDGED)
    assert run.stdout == HEDGED.replace("Try to reach", "Reach")
    assert "okrs.yaml" in run.stderr  # the remaining findings go to stderr


def test_a_quoted_title_with_escapes_gets_no_fix_rather_than_a_wrong_one(cli, write) -> None:
    write(
        "okrs.yaml",
        HEDGED.replace(
            "- Try to reach $3M in qualified pipeline", '- "Try to reach \\"$3M\\" in pipeline"'
        ),
    )
    findings = cli("check", "--format", "json", "okrs.yaml").json()["findings"]
    hedge = next(f for f in findings if f["code"] == "A404")
    assert hedge["fix"] is None and hedge["suggestion"]


def test_markdown_and_text_fixes(cli, write) -> None:
    md = write(
        "okrs.md",
        (
            "# Q2 OKRs\n"
            "\n"
            "## Objective: Grow the pipeline\n"
            "\n"
            "- KR1: Hopefully reach $3M in pipeline\n"
            "- KR2: Cut churn from 4% to 3%\n"
        ),
    )
    txt = write(
        "okrs.txt",
        "Objective: Grow the pipeline\nKR: Aim to reach 2,000 MQLs\nKR: Cut churn from 4% to 3%\n",
    )
    cli("check", "--fix", "okrs.md", "okrs.txt")
    assert "- KR1: Reach $3M in pipeline\n" in md.read_text()
    assert "KR: Reach 2,000 MQLs\n" in txt.read_text()


def test_json_edits_apply_to_the_text_they_were_computed_on(cli, write) -> None:
    # An astral character before the key result: columns count characters, not bytes or UTF-16.
    write("okrs.yaml", HEDGED.replace("Try to reach", "🚀 Hopefully reach"))
    finding = next(
        f
        for f in cli("check", "--format", "json", "okrs.yaml").json()["findings"]
        if f["code"] == "A404"
    )
    (edit,) = finding["fix"]["edits"]
    line = HEDGED.replace("Try to reach", "🚀 Hopefully reach").split("\n")[
        edit["range"]["start"]["line"] - 1
    ]
    start, end = edit["range"]["start"]["column"] - 1, edit["range"]["end"]["column"] - 1
    assert (
        line[:start] + edit["replacement"] + line[end:]
        == "      - 🚀 reach $3M in qualified pipeline   # stretch"
    )
    assert json.dumps(finding["fix"])  # plain JSON


def test_two_fixes_of_one_key_result_are_both_offered_and_applied() -> None:
    # a hedge at the start and a pay clause at the end of the same title: each fix gives its
    # own title, so they are checked apart, and --fix applies both
    import okrlint

    text = (
        "cycle: 2026-Q2\nobjectives:\n  - title: Sell\n    key_results:\n"
        "      - Hopefully hit 110% of quota so the team qualifies for the Q4 bonus\n"
        "      - Cut churn from 5% to 3%\n"
    )
    fixable = {f.code for f in okrlint.lint_text(text).findings if f.fix is not None}
    assert {"A404", "P502"} <= fixable
    fixed, report = okrlint.fix_text(text)
    assert "      - Hit 110% of quota\n" in fixed
    assert not {"A404", "P502"} & {f.code for f in report.findings}
