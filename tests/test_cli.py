"""The command line: check (formats, selection, exit codes, stdin, directories), rules, explain."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOOD_YAML, ONE_KR_YAML, Run

import okrlint
from okrlint.cli import main
from okrlint.findings import Coaching, Example, Finding, NodeRef, Range, Report
from okrlint.formatters import format_text
from okrlint.loaders.sniff import looks_like_okrs
from okrlint.models import Position

CheckRun = Callable[..., Run]


def seven_objectives() -> str:
    """Seven objectives for one owner and cycle; the seventh has no key results."""
    lines = ["cycle: 2026-Q2", "owner: platform", "objectives:"]
    topics = ["deploys", "builds", "uptime", "costs", "onboarding", "security"]
    for number, topic in enumerate(topics, 1):
        lines += [
            f"  - title: Make {topic} great",
            "    key_results:",
            f"      - Raise {topic} score from {number}0 to {number}5",
            f"      - Cut {topic} incidents from {number}2 to {number}",
        ]
    lines += ["  - title: Plan the data platform"]
    return "\n".join(lines) + "\n"


BROKEN_YAML = """\
objectives:
  - title: Ship v2: faster checkout
    key_results:
      - Cut checkout time from 9 to 4 seconds
"""


@pytest.fixture
def acceptance(write: Callable[..., Path]) -> list[str]:
    write("okrs/team.yaml", seven_objectives())
    write("okrs/checkout.yaml", BROKEN_YAML)
    return ["okrs"]


# -- the acceptance example -----------------------------------------------------------
def test_seven_objectives_empty_objective_and_broken_file(cli: CheckRun, acceptance) -> None:
    run = cli("check", "--format", "json", *acceptance)
    assert run.exit_code == 1
    codes = set(run.codes())
    assert {"F301", "F303", "E001"} <= codes
    findings = run.json()["findings"]
    e001 = next(f for f in findings if f["code"] == "E001")
    assert e001["path"] == "okrs/checkout.yaml"
    assert e001["range"] == {"start": {"line": 2, "column": 19}, "end": {"line": 2, "column": 20}}
    assert e001["severity"] == "error"
    f301 = next(f for f in findings if f["code"] == "F301")
    # F301 points at the first objective over the limit: the sixth.
    assert f301["path"] == "okrs/team.yaml"
    assert f301["range"]["start"] == {"line": 24, "column": 12}
    assert f301["node"] == {
        "kind": "objective",
        "objective": "O6",
        "key_result": None,
        "text": "Make security great",
    }
    f303 = next(f for f in findings if f["code"] == "F303")
    assert f303["range"] == {"start": {"line": 28, "column": 12}, "end": {"line": 28, "column": 34}}
    assert f303["severity"] == "error"  # no key results at all
    assert f303["node"]["text"] == "Plan the data platform"


def test_acceptance_with_only_the_focus_and_input_rules(cli: CheckRun, acceptance) -> None:
    run = cli("check", "--format", "json", "--select", "E,F3", *acceptance)
    assert [(f["code"], f["path"]) for f in run.json()["findings"]] == [
        ("E001", "okrs/checkout.yaml"),
        ("F301", "okrs/team.yaml"),
        ("F303", "okrs/team.yaml"),
    ]
    assert run.json()["summary"] == {
        "files": 2,
        "objectives": 7,
        "key_results": 12,
        "findings": {"error": 2, "warning": 1, "info": 0},
    }


def test_json_is_byte_identical_across_runs_and_argument_orders(
    cli: CheckRun, acceptance, write
) -> None:
    write("extra.md", "## O1 Grow revenue\n\n- KR1: Raise ARR from $2M to $3M\n")
    first = cli("check", "--format", "json", "okrs", "extra.md").stdout
    second = cli("check", "--format", "json", "okrs", "extra.md").stdout
    swapped = cli("check", "--format", "json", "extra.md", "okrs/team.yaml", "okrs/checkout.yaml")
    assert first == second == swapped.stdout
    assert first.endswith("}\n")


# -- JSON shape (DESIGN §4) -------------------------------------------------------------------
def test_json_follows_the_v1_schema(cli: CheckRun, acceptance) -> None:
    data = cli("check", "--format", "json", *acceptance).json()
    assert list(data) == ["schema", "tool", "summary", "findings"]
    assert data["schema"] == "okrlint/v1"
    assert data["tool"] == {"name": "okrlint", "version": okrlint.__version__}
    assert list(data["summary"]) == ["files", "objectives", "key_results", "findings"]
    assert list(data["summary"]["findings"]) == ["error", "warning", "info"]
    counts = {level: 0 for level in ("error", "warning", "info")}
    for finding in data["findings"]:
        assert list(finding) == [
            "code",
            "name",
            "category",
            "severity",
            "message",
            "path",
            "range",
            "node",
            "coaching",
            "suggestion",
            "fix",  # added with --fix (fields are added, never renamed)
        ]
        assert re.fullmatch(r"[A-Z]\d{3}", finding["code"])
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", finding["name"])
        assert set(finding["range"]) == {"start", "end"}
        start, end = finding["range"]["start"], finding["range"]["end"]
        assert start["line"] >= 1 and start["column"] >= 1
        assert (end["line"], end["column"]) > (start["line"], start["column"])  # end exclusive
        assert list(finding["node"]) == ["kind", "objective", "key_result", "text"]
        assert set(finding["coaching"]) == {"why", "fix", "example"}
        assert set(finding["coaching"]["example"]) == {"before", "after"}
        counts[finding["severity"]] += 1
    assert data["summary"]["findings"] == counts
    keys = [
        (f["path"], f["range"]["start"]["line"], f["range"]["start"]["column"], f["code"])
        for f in data["findings"]
    ]
    assert keys == sorted(keys)


DUPLICATES_YAML = """\
objectives:
  - title: Grow revenue
    key_results:
      - Raise ARR from $2M to $3M
      - "Raise ARR from $2M to $3M"
  - title: 'Keep our customers'
    key_results:
      - title: Raise ARR from $2M to $3M
      - kr: 'Raise ARR from $2M to $3M'
"""

DUPLICATES_MD = """\
# Sales

## Objective: Grow revenue

- KR1: Raise ARR from $2M to $3M
- **KR2:** Raise ARR from $2M to $3M

## O2 Keep our customers

KR: Raise ARR from $2M to $3M
1. Raise ARR from $2M to $3M
"""

DUPLICATES_TXT = """\
O1: Grow revenue
  KR1: Raise ARR from $2M to $3M
  - Raise ARR from $2M to $3M
We will keep our customers as measured by Raise ARR from $2M to $3M, \
Raise ARR from $2M to $3M and NPS from 30 to 45.
"""


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("dups.yaml", DUPLICATES_YAML, [(5, 10), (8, 16), (9, 14)]),
        ("dups.md", DUPLICATES_MD, [(6, 12), (10, 5), (11, 4)]),
        ("dups.txt", DUPLICATES_TXT, [(3, 5), (4, 43), (4, 70)]),
    ],
    ids=["yaml", "markdown", "text"],
)
def test_key_result_ranges_cover_exactly_the_title(
    cli: CheckRun, write, name: str, text: str, expected: list[tuple[int, int]]
) -> None:
    write(name, text)
    run = cli("check", "--format", "json", "--select", "F307", name)
    lines = text.split("\n")
    starts = []
    for finding in run.json()["findings"]:
        start, end = finding["range"]["start"], finding["range"]["end"]
        assert finding["node"]["kind"] == "key_result"
        assert start["line"] == end["line"]
        piece = lines[start["line"] - 1][start["column"] - 1 : end["column"] - 1]
        assert piece == finding["node"]["text"] == "Raise ARR from $2M to $3M"
        starts.append((start["line"], start["column"]))
    assert starts == expected


@pytest.mark.parametrize(
    ("name", "text", "start"),
    [
        ("o.yaml", 'objectives:\n  - title: "Grow revenue"\n    key_results: []\n', (2, 13)),
        ("o.md", "## O1 O1 Grow revenue ##\n\n- KR1: Raise ARR from $2M to $3M\n", (1, 7)),
        ("o.txt", "Objective 1 - Grow revenue\n", (1, 15)),
    ],
    ids=["yaml-quoted", "markdown-repeated-label", "text"],
)
def test_objective_ranges_cover_exactly_the_title(
    cli: CheckRun, write, name: str, text: str, start: tuple[int, int]
) -> None:
    write(name, text)
    (finding,) = cli("check", "--format", "json", "--select", "F303", name).json()["findings"]
    begin, end = finding["range"]["start"], finding["range"]["end"]
    assert (begin["line"], begin["column"]) == start
    line = text.split("\n")[begin["line"] - 1]
    assert line[begin["column"] - 1 : end["column"] - 1] == finding["node"]["text"]


# -- text output ------------------------------------------------------------------------------
def test_text_format_lines_hints_and_summary(cli: CheckRun, write) -> None:
    write("team.yaml", ONE_KR_YAML)
    run = cli("check", "--select", "F3", "team.yaml")
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert lines[0] == (
        "team.yaml:4:12: F303 warning Objective has only 1 key result; "
        "add measurable results that show it was reached."
    )
    # The source line, with the objective's title underlined (ruff-style), then the hint.
    assert lines[1] == "  4 |     title: Win the mid-market"
    assert lines[2] == "    |            " + "^" * len("Win the mid-market")
    assert lines[3].startswith("  hint: Ask ")
    assert lines[-1] == "Found 1 finding (1 warning) in 1 file (1 objective, 1 key result)."
    assert "\x1b[" not in run.stdout  # no colour when not on a terminal
    assert run.stderr == ""


def test_no_hints_and_quiet(cli: CheckRun, write) -> None:
    write("team.yaml", ONE_KR_YAML)
    run = cli("check", "--select", "F3", "--no-hints", "--quiet", "team.yaml")
    assert run.stdout.splitlines() == [
        "team.yaml:4:12: F303 warning Objective has only 1 key result; "
        "add measurable results that show it was reached."
    ]


def test_hint_is_the_first_sentence_even_after_an_abbreviation() -> None:
    coaching = Coaching(
        why="w",
        fix="Set the `cycle` (e.g. 2026-Q3) or `due`. Then more.",
        example=Example(before="a", after="b"),
    )
    at = Position(line=1, column=1)
    finding = Finding(
        code="M204",
        name="not-time-bound",
        category="measurability",
        severity="info",
        message="m",
        path="p",
        range=Range(start=at, end=at),
        node=NodeRef(kind="file"),
        coaching=coaching,
    )
    text = format_text(Report(findings=(finding,), files=1))
    assert "  hint: Set the `cycle` (e.g. 2026-Q3) or `due`.\n" in text


def test_clean_file_exits_0(cli: CheckRun, write) -> None:
    write("team.yaml", GOOD_YAML)
    run = cli("check", "--select", "E,F3", "team.yaml")
    assert run.exit_code == 0
    assert run.stdout == "No findings in 1 file (2 objectives, 4 key results).\n"
    json_run = cli("check", "--select", "E,F3", "--format", "json", "team.yaml")
    assert json_run.exit_code == 0 and json_run.json()["findings"] == []


def test_jsonl_is_one_finding_per_line(cli: CheckRun, acceptance) -> None:
    run = cli("check", "--format", "jsonl", "--select", "E,F3", *acceptance)
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["code"] for r in records] == ["E001", "F301", "F303"]


# -- selection --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "codes"),
    [
        # E001 is always there: a file that could not be read was not checked at all.
        (["--select", "F303"], ["E001", "F303"]),
        (["--select", "too-few-key-results"], ["E001", "F303"]),
        (["--select", "F30"], ["E001", "F301", "F303"]),
        (["--select", "E,F3", "--ignore", "F301"], ["E001", "F303"]),
        (["--select", "F3", "--ignore", "too-many-objectives,parse-error"], ["F303"]),
        (["--select", "F3", "--ignore", "F30"], ["E001"]),  # the longer prefix wins
        (["--select", "F303", "--ignore", "F3"], ["E001", "F303"]),  # ...either way round
        (["--select", "F303", "--select", "F301"], ["E001", "F301", "F303"]),
        (["--select", "E002", "--ignore", "E001"], []),
    ],
    ids=[
        "code",
        "name",
        "prefix",
        "ignore-code",
        "ignore-names",
        "longest-ignore",
        "longest-select",
        "repeated",
        "e001-ignored",
    ],
)
def test_select_and_ignore(cli: CheckRun, acceptance, args: list[str], codes: list[str]) -> None:
    run = cli("check", "--format", "json", *args, *acceptance)
    assert sorted(set(run.codes())) == codes


@pytest.mark.parametrize("bad", ["X999", "not-a-rule", "Q"])
def test_unknown_rule_is_one_stderr_line_and_exit_2(cli: CheckRun, write, bad: str) -> None:
    write("team.yaml", GOOD_YAML)
    run = cli("check", "--select", bad, "team.yaml")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert len(run.stderr_lines) == 1
    assert run.stderr_lines[0].startswith("okrlint: error:") and bad in run.stderr


# -- exit codes and --fail-on -----------------------------------------------------------------
INFO_ONLY_YAML = """\
objectives:
  - title: Reach 40 enterprise logos
    key_results:
      - Raise ARR from $2M to $3M
      - Lift net retention from 98% to 110%
"""


@pytest.mark.parametrize(
    ("content", "fail_on", "code"),
    [
        (ONE_KR_YAML, None, 1),  # default: warning
        (ONE_KR_YAML, "warning", 1),
        (ONE_KR_YAML, "error", 0),
        (ONE_KR_YAML, "info", 1),
        (ONE_KR_YAML, "never", 0),
        (INFO_ONLY_YAML, None, 0),
        (INFO_ONLY_YAML, "info", 1),
        (BROKEN_YAML, "error", 1),
        (BROKEN_YAML, "never", 0),
        (GOOD_YAML, "info", 0),
    ],
)
def test_fail_on_sets_the_exit_code(
    cli: CheckRun, write, content: str, fail_on: str | None, code: int
) -> None:
    write("team.yaml", content)
    args = ["--fail-on", fail_on] if fail_on else []
    run = cli("check", "--select", "E,F3", *args, "team.yaml")
    assert run.exit_code == code, run.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "xml", "team.yaml"],
        ["check", "--fail-on", "sometimes", "team.yaml"],
        ["check", "--bogus", "team.yaml"],
        ["frobnicate"],
        ["explain"],
    ],
    ids=["bad-format", "bad-fail-on", "unknown-option", "unknown-command", "missing-argument"],
)
def test_usage_errors_are_one_stderr_line_and_exit_2(cli: CheckRun, write, args) -> None:
    write("team.yaml", GOOD_YAML)
    run = cli(*args)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert len(run.stderr_lines) == 1, run.stderr
    assert run.stderr_lines[0].startswith("okrlint: error: ")
    assert "--help" in run.stderr_lines[0]


def test_missing_config_file_is_one_line(cli: CheckRun, write) -> None:
    write("team.yaml", GOOD_YAML)
    run = cli("check", "--config", "nope.toml", "team.yaml")
    assert run.exit_code == 2
    assert run.stderr_lines == ["okrlint: error: nope.toml: config file not found"]


def test_version(cli: CheckRun) -> None:
    run = cli("--version")
    assert run.exit_code == 0
    assert run.stdout == f"okrlint {okrlint.__version__}\n"


# -- stdin ------------------------------------------------------------------------------------
def test_stdin_with_a_markdown_filename(cli: CheckRun) -> None:
    text = "---\ncycle: 2026-Q2\n---\n## O1 Grow revenue\n\n- KR1: Raise ARR from $2M to $3M\n"
    run = cli(
        "check",
        "-",
        "--stdin-filename",
        "team/okrs.md",
        "--format",
        "json",
        "--select",
        "F3",
        input=text,
    )
    assert run.exit_code == 1
    (finding,) = run.json()["findings"]
    assert (finding["code"], finding["path"]) == ("F303", "team/okrs.md")
    assert finding["range"]["start"] == {"line": 4, "column": 7}


def test_stdin_without_a_filename_is_a_text_draft(cli: CheckRun) -> None:
    text = "We will grow revenue as measured by ARR from $2M to $3M and NPS from 30 to 45.\n"
    run = cli("check", "-", "--format", "json", "--select", "E,F3", input=text)
    assert run.exit_code == 0
    assert run.json()["summary"]["objectives"] == 1
    assert run.json()["summary"]["key_results"] == 2


def test_stdin_yaml_parse_error_is_located(cli: CheckRun) -> None:
    run = cli("check", "-", "--stdin-filename", "okrs.yaml", "--format", "json", input=BROKEN_YAML)
    e001 = [f for f in run.json()["findings"] if f["code"] == "E001"]
    assert [(f["path"], f["range"]["start"]["line"]) for f in e001] == [("okrs.yaml", 2)]


def test_stdin_beside_files(cli: CheckRun, write) -> None:
    write("team.yaml", ONE_KR_YAML)
    run = cli(
        "check",
        "team.yaml",
        "-",
        "--stdin-filename",
        "draft.txt",
        "--format",
        "json",
        "--select",
        "F303",
        input="O: Grow\n- Raise ARR from 1 to 2\n",
    )
    assert [f["path"] for f in run.json()["findings"]] == ["draft.txt", "team.yaml"]


# -- directories ------------------------------------------------------------------------------
def test_directories_are_walked_by_extension(cli: CheckRun, write) -> None:
    one_kr = {
        "a.yaml": ONE_KR_YAML,
        "b.yml": ONE_KR_YAML,
        "c.md": "## O1 Grow\n- KR1: Raise ARR from $2M to $3M\n",
        "d.markdown": "## O1 Grow\n- KR1: Raise ARR from $2M to $3M\n",
        "e.txt": "O: Grow\n- Raise ARR from $2M to $3M\n",
        "f.okr": "O: Grow\n- Raise ARR from $2M to $3M\n",
        "sub/deeper/g.YAML": ONE_KR_YAML,
    }
    skipped = {
        "h.json": "{}",
        "i.rst": "O: Grow\n",
        ".hidden.yaml": ONE_KR_YAML,
        ".git/j.yaml": ONE_KR_YAML,
        "node_modules/k.yaml": ONE_KR_YAML,
    }
    for name, text in {**one_kr, **skipped}.items():
        write(f"okrs/{name}", text)
    run = cli("check", "--format", "json", "--select", "F303", "okrs")
    assert run.json()["summary"]["files"] == len(one_kr)
    assert [f["path"] for f in run.json()["findings"]] == sorted(f"okrs/{n}" for n in one_kr)


# Files a repository holds beside its OKRs, with extensions okrlint reads.
NOT_OKRS = {
    "docker-compose.yml": "services:\n  web:\n    image: nginx\n    ports: ['80:80']\n",
    # A guide titled as examples, with no cycle: not a team's set (a page titled "… OKRs
    # Example" that states its cycle is one).
    # A design doc's "Objective" section over its goals: one label, no results, no cycle.
    "docs/design/offline-login.md": (
        "# Offline login\n\nObjective\n\nLet people sign in without a network.\n\n"
        "* Allow sign-in when offline\n* Enable single sign-on for our apps\n"
    ),
    "docs/okr-examples-2024.md": (
        "# OKR Examples for 2024\n\nSome examples.\n\n## Sales\n\n"
        "### Objective: Grow revenue\n- KR1: ARR from $2M to $3M\n- KR2: Deals from 40 to 60\n"
    ),
    "docs/okr-examples.md": (
        "# OKR Examples\n\nSome examples of good OKRs.\n\n## Marketing\n\n"
        "### Objective: Increase brand awareness\n- KR1: Site visitors from 10k to 25k a month\n"
        "- KR2: Followers from 2,000 to 5,000\n"
    ),
    "README.md": "# mytool\n\nA tool.\n\n## Install\n\n- pip install mytool\n- mytool --help\n",
    # A Helm template: not even valid YAML, so it must be skipped before parsing (no E001).
    "chart/templates/deployment.yaml": (
        "{{- if .Values.enabled }}\napiVersion: apps/v1\nkind: Deployment\n"
        "metadata:\n  name: {{ .Values.x }}\n{{- end }}\n"
    ),
    "ci/pipeline.yml": "stages: [test]\ntest:\n  script:\n    - pytest\n",
    "deploy/playbook.yml": "- name: Deploy\n  hosts: all\n  tasks:\n    - name: Copy\n",
    "requirements.txt": "click>=8.1\npydantic>=2\n",
    "docs/guide.md": "# Guide\n\n```markdown\n## Objective: Grow revenue\n- KR1: Raise ARR\n```\n",
    "docs/notes.txt": "Meeting notes\n- ship the O.K. build\no - call the vendor\n",
    "results.txt": "rule   tp  fp\nO101   14   1\nO102    4   3\n",
}
# One objective with one key result each (one F303 per file), in the forms a team writes.
OKRS = {
    "okrs/team.yaml": ONE_KR_YAML,
    "okrs/list.yaml": "---\n# a bare list\n- objective: Grow\n  key_results: [Raise ARR 1 to 2]\n",
    "okrs/team.md": "# Team\n\n## Objective: Grow revenue\n\n- KR1: Raise ARR from $2M to $3M\n",
    "okrs/plain.md": "# Q2 OKRs\n\n## Grow revenue\n\n- Raise ARR from $2M to $3M\n",
    "okrs/draft.txt": "Objective: Grow revenue\nKR: Raise ARR from $2M to $3M\n",
    "okrs/seed.txt": "We will grow revenue as measured by ARR rising from $2M to $3M.\n",
    "okrs/quick.okr": "O1: Grow revenue\n- Raise ARR from $2M to $3M\n",
    # a "#" comment in a code fence is no page title (not "# Example config": a guide's)
    "okrs/fenced.md": (
        "```yaml\n# Example config\nkey: value\n```\n\n"
        "## Objective: Grow revenue\n\n- KR1: Raise ARR from $2M to $3M\n"
    ),
}


def test_walking_a_directory_checks_only_files_that_look_like_okrs(cli: CheckRun, write) -> None:
    for name, text in {**NOT_OKRS, **OKRS}.items():
        write(f"repo/{name}", text)
    run = cli("check", "--format", "json", "--select", "E,F303", "repo")
    assert run.stderr == ""
    assert [f["path"] for f in run.json()["findings"]] == sorted(f"repo/{n}" for n in OKRS)
    assert run.codes() == ["F303"] * len(OKRS)
    assert run.json()["summary"]["files"] == len(OKRS)  # skipped files are not counted


def test_no_path_walks_the_working_directory_the_same_way(cli: CheckRun, write) -> None:
    for name, text in {**NOT_OKRS, **OKRS}.items():
        write(name, text)
    run = cli("check", "--select", "E,F303", "--no-hints")
    assert run.stdout.endswith(f"in {len(OKRS)} files ({len(OKRS)} objectives, 8 key results).\n")
    assert not any(name in run.stdout for name in NOT_OKRS)


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        ("yaml", "---\ncycle: 2026-Q2\nobjectives: []\n", True),
        ("yaml", "{objectives: [Grow]}\n", True),
        ("yaml", '{\n "cycle": "2026-Q2",\n "objectives": []\n}\n', True),  # JSON is YAML
        ("yaml", '{\n "name": "web",\n "scripts": {}\n}\n', False),
        ("yaml", "doc: |\n  objectives:\n    - Grow\n", False),  # not a top-level key
        ("yaml", "jobs:\n  - key_results: x\n", False),  # not a top-level list
        ("markdown", "## **O1** Grow\n", False),  # one objective and nothing else: an article's example
        ("markdown", "## **O1** Grow\n## **O2** Keep\n", True),  # a draft still without KRs
        ("markdown", "## Grow\n- **KR1:** Raise ARR from 1 to 2\n", True),
        ("markdown", "- **KR1:** Raise ARR from 1 to 2\n", False),  # no objective to read
        ("markdown", "## Grow\n\n| KR | Target |\n|---|---|\n| Raise ARR | 3 |\n", True),
        ("markdown", "    ## Objective: an indented code block\n", False),
        ("markdown", "## Objective\n\nMake builds fast.\n", False),  # a README's aim, no KRs
        ("markdown", "## Objective\n\nMake builds fast.\n\n## Key results\n- p95 under 5 min\n", True),
        ("markdown", "# Data team OKRs, Q3 2026\n\n## Ship faster\n- Cut lead time\n", True),
        ("markdown", "# How we use OKRs\n\n## Cadence\n- Draft in week 1\n", False),
        # A test plan, a PRD: "Results summary", "Success criteria", "Metrics to track" head
        # a report's sections; they do not make the page a labelled OKR set.
        (
            "markdown",
            "# Test plan: sign-in\n\n## Test objectives\n\n- Confirm new users can register\n"
            "- Confirm sessions expire\n\n## In scope\n\n- Registration\n- Password reset\n\n"
            "### Results summary\n\n- 42 cases run\n- 2 blockers open\n",
            False,
        ),
        (
            "markdown",
            "# Export to PDF\n\n## Objectives\n\n- Export any report in one click\n\n"
            "## Success criteria\n\n- 30% of weekly users export a report\n",
            False,
        ),
        ("markdown", "## Grow\n\n### Key results for the quarter\n\n- Raise ARR from 1 to 2\n", True),
        ("text", "Obj. 3) Grow revenue\n- Raise ARR from $2M to $3M\n", True),
        ("text", "Obj. 3) Grow revenue\n", False),
        # Bare sentences are goals only in a file named for them (see the layout fixtures)
        ("text", "Enhance my debugging skills\n\nShip a release every month\n", False),
        ("text", "# Objective: a comment line\n", False),
        ("text", "KR: a key result with no objective above it\n", False),
    ],
)
def test_what_looks_like_okrs(fmt: str, text: str, expected: bool) -> None:
    assert looks_like_okrs(text, fmt) is expected


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("docker-compose.yml", "No 'objectives' list: this file holds no OKRs."),
        ("requirements.txt", "No objectives found: this file holds no OKRs (expected lines like"),
        ("chart/templates/deployment.yaml", "Cannot read this file: Invalid YAML"),
        # Named, these are read as OKRs: a heading that owns bullets is an objective (DESIGN
        # §2), and so are "O101 …" and "o - …" lines in text. Walking skips them (above).
        ("README.md", None),
        ("docs/notes.txt", None),
        ("results.txt", None),
    ],
)
def test_a_file_named_explicitly_is_always_checked(
    cli: CheckRun, write, name: str, message: str | None
) -> None:
    write(name, NOT_OKRS[name])
    run = cli("check", "--format", "json", "--select", "E", name)
    assert run.json()["summary"]["files"] == 1
    if message is not None:
        (finding,) = run.json()["findings"]
        assert finding["code"] == ("E001" if "Invalid YAML" in message else "E002")
        assert finding["path"] == name
        assert finding["message"].startswith(message)


def test_markdown_text_or_stdin_without_objectives_is_one_e002(cli: CheckRun, write) -> None:
    write("NOTES.md", "# Notes\n\nNothing planned yet.\n")
    write("empty.md", "")
    run = cli("check", "--format", "json", "NOTES.md", "empty.md", "-", input="just a note\n")
    found = [(f["path"], f["code"], f["range"]["start"]["line"]) for f in run.json()["findings"]]
    # An empty file keeps its one E001; the others get one E002 each, at 1:1.
    assert found == [("-", "E002", 1), ("NOTES.md", "E002", 1), ("empty.md", "E001", 1)]
    notes = next(f for f in run.json()["findings"] if f["path"] == "NOTES.md")
    assert notes["message"] == (
        "No objectives found: this file holds no OKRs "
        "(expected headings like '## Objective: …' with key results listed beneath)."
    )
    assert run.exit_code == 1


def test_no_path_means_the_working_directory(cli: CheckRun, write) -> None:
    write("okrs/a.yaml", ONE_KR_YAML)
    run = cli("check", "--format", "json", "--select", "F303")
    assert [f["path"] for f in run.json()["findings"]] == ["okrs/a.yaml"]


def test_exclude_from_config(cli: CheckRun, write) -> None:
    write(".okrlint.toml", 'exclude = ["drafts/"]\n')
    write("okrs/a.yaml", ONE_KR_YAML)
    write("drafts/b.yaml", ONE_KR_YAML)
    run = cli("check", "--format", "json", "--select", "F303", ".")
    assert [f["path"] for f in run.json()["findings"]] == ["okrs/a.yaml"]


TASK_AND_OUTCOME = (
    "cycle: 2026-Q3\nobjectives:\n  - title: Grow\n    key_results:\n"
    "      - Launch the app\n      - Cut churn from 5% to 3%\n"
)


@pytest.mark.parametrize(
    "paths",
    [("a", "b"), ("b", "a"), (".",), ("a/okrs.yaml", "b/okrs.yaml"), ("b/okrs.yaml", "a/okrs.yaml")],
)
def test_each_file_gets_its_nearest_config_whatever_the_order(cli: CheckRun, write, paths: tuple[str, ...]) -> None:
    # Two teams' folders, one with its own config: b's ignore never reaches a, and a's
    # findings do not depend on which folder is named first (as ruff reads nested configs).
    write("a/okrs.yaml", TASK_AND_OUTCOME)
    write("b/okrs.yaml", TASK_AND_OUTCOME)
    write("b/.okrlint.toml", 'ignore = ["O101"]\nexclude = ["drafts/"]\n')
    write("b/drafts/c.yaml", TASK_AND_OUTCOME)
    run = cli("check", "--format", "json", "--select", "O101", *paths)
    assert [f["path"] for f in run.json()["findings"]] == ["a/okrs.yaml"]


@pytest.mark.parametrize(
    "paths",
    [
        ("teams/sec/drafts/d.yaml",),
        ("teams/sec/drafts/d.yaml", "teams/web/okrs.yaml"),
        ("teams/sec",),
        (".",),
        ("teams",),
    ],
)
def test_a_team_config_decides_its_own_files_exclusion_whatever_else_is_named(
    cli: CheckRun, write, paths: tuple[str, ...]
) -> None:
    # The company excludes drafts; a team with its own config does not: its drafts are linted
    # whichever other paths are named, and the other teams' drafts never are.
    write(".okrlint.toml", 'exclude = ["**/drafts/**"]\n')
    write("teams/sec/.okrlint.toml", 'ignore = ["M203"]\n')
    write("teams/sec/drafts/d.yaml", TASK_AND_OUTCOME)
    write("teams/web/okrs.yaml", TASK_AND_OUTCOME)
    write("teams/web/drafts/w.yaml", TASK_AND_OUTCOME)
    run = cli("check", "--format", "json", "--select", "O101", *paths, "teams/web/drafts/w.yaml")
    found = {f["path"] for f in run.json()["findings"]}
    assert "teams/sec/drafts/d.yaml" in found and "teams/web/drafts/w.yaml" not in found


def test_coach_reads_each_file_with_its_nearest_config_as_check_does(cli: CheckRun, write) -> None:
    write("a/okrs.yaml", TASK_AND_OUTCOME)
    write("b/okrs.yaml", TASK_AND_OUTCOME)
    write("b/.okrlint.toml", 'ignore = ["O101"]\nexclude = ["drafts/"]\n')
    write("b/drafts/c.yaml", TASK_AND_OUTCOME)
    cards = cli("coach", "--format", "json", "--today", "2026-08-01", ".").json()["objectives"]
    fixes = {c["path"]: [i["code"] for i in c["improvements"]] for c in cards}
    assert set(fixes) == {"a/okrs.yaml", "b/okrs.yaml"}  # b's drafts are excluded by b's config
    assert "O101" in fixes["a/okrs.yaml"] and "O101" not in fixes["b/okrs.yaml"]


def test_the_config_named_on_the_command_line_governs_every_file(cli: CheckRun, write) -> None:
    write("a/okrs.yaml", TASK_AND_OUTCOME)
    write("b/okrs.yaml", TASK_AND_OUTCOME)
    write("b/.okrlint.toml", 'ignore = ["O101"]\n')
    write("strict.toml", 'select = ["O101"]\n')
    run = cli("check", "--format", "json", "--config", "strict.toml", "b", "a")
    assert [f["path"] for f in run.json()["findings"]] == ["a/okrs.yaml", "b/okrs.yaml"]


# -- rules and explain ------------------------------------------------------------------------
def test_rules_lists_the_catalogue(cli: CheckRun) -> None:
    run = cli("rules")
    assert run.exit_code == 0
    rows = [row.split()[:4] for row in run.stdout.splitlines()]
    assert ["E001", "parse-error", "input", "error"] in rows
    assert ["F303", "too-few-key-results", "focus", "warning"] in rows
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)


def test_rules_json(cli: CheckRun) -> None:
    run = cli("rules", "--format", "json")
    data = json.loads(run.stdout)
    codes = [rule["code"] for rule in data]
    assert codes == sorted(codes) and {"E001", "E002", "F301", "F303"} <= set(codes)
    f303 = next(rule for rule in data if rule["code"] == "F303")
    assert f303["name"] == "too-few-key-results"
    assert f303["severity"] == "warning"
    assert f303["params"]["min-key-results"] == 2
    assert set(f303["coaching"]) == {"why", "fix", "example"}


def test_explain_by_code_or_name(cli: CheckRun) -> None:
    by_code = cli("explain", "F303")
    by_name = cli("explain", "too-few-key-results")
    lower = cli("explain", "f303")
    assert by_code.exit_code == 0
    assert by_code.stdout == by_name.stdout == lower.stdout
    assert by_code.stdout.startswith("F303 too-few-key-results (focus, warning)\n")
    for heading in ("Why it matters", "How to fix it", "Example", "Sources"):
        assert f"\n{heading}\n" in by_code.stdout


def test_explain_unknown_rule(cli: CheckRun) -> None:
    run = cli("explain", "X999")
    assert run.exit_code == 2
    assert run.stderr_lines == ["okrlint: error: unknown rule 'X999'; `okrlint rules` lists them"]


# -- the installed console script ---------------------------------------------------------------
needs_script = pytest.mark.skipif(shutil.which("okrlint") is None, reason="console script missing")


@needs_script
def test_missing_path_through_the_console_script(tmp_path: Path) -> None:
    proc = subprocess.run(
        ["okrlint", "check", "no/such/okrs.yaml"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [
        "okrlint: error: no/such/okrs.yaml: no such file or directory"
    ]
    assert proc.stdout == ""


@needs_script
def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    # `okrlint rules | head -1`: the reader goes away before okrlint writes.
    proc = subprocess.Popen(
        ["okrlint", "rules", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "internal error" not in stderr and "Traceback" not in stderr
    assert proc.returncode in (0, 1)


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ({"FORCE_COLOR": "0"}, False),
        ({}, False),
    ],
)
def test_colour_follows_no_color_and_force_color(
    write, env: dict[str, str], coloured: bool
) -> None:
    path = write("team.yaml", ONE_KR_YAML)
    clean = {"NO_COLOR": "", "FORCE_COLOR": "", **env}
    result = CliRunner().invoke(main, ["check", str(path)], env=clean)
    assert ("\x1b[" in result.stdout) is coloured


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--format", "sarif", "--statistics"), "--statistics"),
        (("--format", "sarif", "--diff"), "--diff"),
        (("--output-file", "reports/"), "is a folder"),
    ],
)
def test_options_that_cannot_work_together_are_refused(cli: CheckRun, write, args: tuple[str, ...], says: str) -> None:
    write("okrs.yaml", ONE_KR_YAML)
    run = cli("check", *args, "okrs.yaml")
    assert run.exit_code == 2 and says in run.stderr
    assert not Path("reports").exists()


def test_quiet_prints_findings_only_and_every_command_takes_both_output_spellings(
    cli: CheckRun, write, workdir: Path
) -> None:
    write("okrs.yaml", ONE_KR_YAML)
    quiet = cli("check", "-q", "okrs.yaml")
    assert quiet.stdout and "hint:" not in quiet.stdout and "Found" not in quiet.stdout
    assert cli("check", "--output", "a.txt", "okrs.yaml").exit_code == 1 and (workdir / "a.txt").is_file()
    assert cli("coach", "--output-file", "b.txt", "okrs.yaml").exit_code == 0 and (workdir / "b.txt").is_file()
    assert cli("schema", "--output-file", "c.json").exit_code == 0 and (workdir / "c.json").is_file()


def test_utf16_and_broken_json_are_named_for_what_they_are(cli: CheckRun, workdir: Path) -> None:
    (workdir / "u.txt").write_bytes("\ufeffObjective: Grow\nKR: Cut churn from 5% to 3%\n".encode("utf-16"))
    (workdir / "b.json").write_text('{"objectives": [ {"title": "x", }\n', encoding="utf-8")
    run = cli("check", "--format", "json", "u.txt", "b.json")
    messages = {f["path"]: f["message"] for f in run.json()["findings"]}
    assert "UTF-16" in messages["u.txt"] and "save the file as UTF-8" in messages["u.txt"]
    assert "Invalid JSON" in messages["b.json"]


def test_each_config_says_what_fails_its_files_and_stdin_gets_its_own(cli: CheckRun, write) -> None:
    write("a/okrs.yaml", TASK_AND_OUTCOME)
    write("b/okrs.yaml", TASK_AND_OUTCOME)
    write("a/.okrlint.toml", 'fail-on = "never"\n')
    write("b/.okrlint.toml", 'fail-on = "never"\n')
    assert cli("check", "a", "b").exit_code == 0  # each folder's own fail-on, not the parent's default
    write(".okrlint.toml", 'ignore = ["O101"]\n')
    write("c/.okrlint.toml", 'select = ["O101"]\n')
    write("d/okrs.yaml", TASK_AND_OUTCOME)  # no config of its own: the root's ignore holds
    run = cli("check", "--format", "json", "--stdin-filename", "c/x.yaml", "-", "d/okrs.yaml", input=TASK_AND_OUTCOME)
    assert [(f["path"], f["code"]) for f in run.json()["findings"]] == [("c/x.yaml", "O101")]


@pytest.mark.parametrize("command", [("coach", "okrs.yaml"), ("schema",)])
def test_a_folder_is_no_output_file_for_any_command(cli: CheckRun, write, command: tuple[str, ...]) -> None:
    write("okrs.yaml", ONE_KR_YAML)
    run = cli(command[0], "-o", "out/", *command[1:])
    assert run.exit_code == 2 and "is a folder" in run.stderr and not Path("out").exists()


def test_inspect_says_when_it_read_objectives_but_no_key_results(cli: CheckRun, write) -> None:
    write("plan.md", "## Objective: Win the north\n\nSome notes.\n\n## Objective: Keep the south\n\nMore notes.\n")
    run = cli("inspect", "plan.md")
    assert run.exit_code == 0 and run.stdout == ""
    assert "plan.md: 2 objectives read, no key results under them" in run.stderr


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (TASK_AND_OUTCOME, "O101"),  # okrlint's YAML layout, not a text draft with no key results
        ("# Q3 2026\n\n## Objective: Grow\n\n- Launch the app\n- Cut churn from 5% to 3%\n", "O101"),
        ("Objective: Grow\nKR: Launch the app\nKR: Cut churn from 5% to 3%\n", "O101"),
    ],
    ids=["yaml", "markdown", "text"],
)
def test_unnamed_stdin_is_read_in_the_format_it_is_written_in(cli: CheckRun, text: str, code: str) -> None:
    run = cli("check", "--format", "json", "-", input=text)
    codes = [f["code"] for f in run.json()["findings"]]
    assert code in codes and "F303" not in codes and "E002" not in codes


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        (("--select", "O101"), ["O101"]),  # replaces the profile's extend-select too
        (("--ignore", "A4"), ["O101"]),  # the command line comes last: it drops A407
        (("--ignore", "ALL"), []),
        (("--extend-select", "O1"), ["A407", "O101"]),  # adds to the profile's, keeps it
        ((), ["A407", "O101"]),
    ],
)
def test_command_line_selection_is_layered_over_the_configs_profile(
    cli: CheckRun, write, args: tuple[str, ...], codes: list[str]
) -> None:
    write(".okrlint.toml", 'profile = "google"\n')
    write("okrs.yaml", TASK_AND_OUTCOME)
    run = cli("check", "--format", "json", *args, "okrs.yaml")
    assert sorted({f["code"] for f in run.json()["findings"]} & {"A407", "O101"}) == codes


def test_an_unknown_code_on_the_command_line_is_blamed_on_the_option(cli: CheckRun, write) -> None:
    write(".okrlint.toml", 'profile = "google"\n')
    write("okrs.yaml", TASK_AND_OUTCOME)
    run = cli("check", "--extend-select", "O1O1", "okrs.yaml")
    assert run.exit_code == 2
    assert run.stderr_lines[0].startswith("okrlint: error: --extend-select: unknown rule or prefix 'O1O1'")


def test_explain_shows_the_fields_that_tell_a_bad_example_from_a_good_one(cli: CheckRun) -> None:
    # A406's bad and good examples differ only in their confidence, which explain must show.
    text = cli("explain", "A406").stdout
    fires = text.split("Fires on")[1].split("Stays silent on")[0]
    silent = text.split("Stays silent on")[1].split("Thresholds")[0]
    assert "(confidence: 0.9)" in fires and "(confidence: 0.5)" in silent
    assert not set(fires.strip().splitlines()) & set(silent.strip().splitlines())


def test_review_findings_on_the_command_line_stay_fixed(cli: CheckRun, write) -> None:
    # A text draft piped with an okrlint directive stays text; --extend-select beats a
    # wider --ignore of the same layer; a config named with --config governs every exclusion.
    draft = "# okrlint: disable-file=M204\nObjective: Grow\nKR: Launch the app\nKR: Cut churn from 5% to 3%\n"
    codes = [f["code"] for f in cli("check", "--format", "json", "-", input=draft).json()["findings"]]
    assert "O101" in codes and "F303" not in codes and "M204" not in codes
    write("okrs.yaml", TASK_AND_OUTCOME)
    run = cli("check", "--format", "json", "--extend-select", "O101", "--ignore", "O1", "okrs.yaml")
    assert "O101" in [f["code"] for f in run.json()["findings"]]
    write("team/.okrlint.toml", 'select = ["O"]\n')
    write("team/okrs.yaml", TASK_AND_OUTCOME)
    write("ci.toml", 'exclude = ["team/"]\n')
    run = cli("check", "--format", "json", "--config", "ci.toml", ".")
    assert "team/okrs.yaml" not in {f["path"] for f in run.json()["findings"]}
