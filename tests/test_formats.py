"""Output formats: SARIF 2.1.0 and rdjson validated against their official schemas (vendored
under tests/schemas), --output-file, and the ruff-like text output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from okrlint.api import default_rulebook
from okrlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = Path(__file__).resolve().parent / "schemas"
EXAMPLES = [str(p) for p in sorted((ROOT / "examples").rglob("*")) if p.is_file()]

ASTRAL = """\
cycle: 2026-Q2
objectives:
  - title: Grow the pipeline
    key_results:
      - "🚀 Hopefully reach $3M in qualified pipeline"
      - Cut churn from 4% to 3%
"""


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def test_sarif_validates_against_the_official_schema(cli) -> None:
    run = cli("check", "--format", "sarif", *EXAMPLES)
    log = run.json()
    jsonschema.Draft202012Validator(_schema("sarif-2.1.0.json")).validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    # Every rule, with its help text and a link.
    assert [r["id"] for r in driver["rules"]] == [r.code for r in default_rulebook()]
    for rule in driver["rules"]:
        assert (
            rule["help"]["text"]
            and rule["help"]["markdown"]
            and rule["helpUri"].startswith("https://")
        )
        assert rule["fullDescription"]["text"]
    # Each result: the same regions as the JSON, the coaching in the message's Markdown.
    findings = cli("check", "--format", "json", *EXAMPLES).json()["findings"]
    results = log["runs"][0]["results"]
    assert len(results) == len(findings)
    for result, finding in zip(results, findings, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (
            finding["range"]["start"]["line"],
            finding["range"]["start"]["column"],
        )
        assert (region["endLine"], region["endColumn"]) == (
            finding["range"]["end"]["line"],
            finding["range"]["end"]["column"],
        )
        assert finding["coaching"]["why"] in result["message"]["markdown"]
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert any("fixes" in r for r in results)
    assert run.stdout == cli("check", "--format", "sarif", *EXAMPLES).stdout  # deterministic


def test_sarif_rejects_what_the_schema_forbids() -> None:
    validator = jsonschema.Draft202012Validator(_schema("sarif-2.1.0.json"))
    assert not validator.is_valid({"version": "2.1.0", "runs": [{"tool": {}}]})


def test_rdjson_validates_and_counts_columns_in_utf8_bytes(cli, write) -> None:
    validator = jsonschema.Draft4Validator(_schema("rdjson-DiagnosticResult.json"))
    validator.validate(cli("check", "--format", "rdjson", *EXAMPLES).json())
    assert not validator.is_valid({"diagnostics": [{"message": 3}]})

    write("okrs.yaml", ASTRAL)
    result = cli("check", "--format", "rdjson", "okrs.yaml").json()
    validator.validate(result)
    finding = next(
        f
        for f in cli("check", "--format", "json", "okrs.yaml").json()["findings"]
        if f["code"] == "A404"
    )
    diagnostic = next(d for d in result["diagnostics"] if d["code"]["value"] == "A404")
    line = ASTRAL.split("\n")[finding["range"]["start"]["line"] - 1]
    chars = finding["range"]["start"]["column"] - 1
    assert diagnostic["location"]["range"]["start"]["column"] == len(line[:chars].encode()) + 1
    assert diagnostic["code"]["url"].startswith("https://")
    assert diagnostic["suggestions"]  # the safe fix, as a reviewdog suggestion


def test_output_file(cli, workdir: Path) -> None:
    run = cli("check", "--format", "sarif", "--output-file", "out/report.sarif", *EXAMPLES)
    assert run.exit_code == 1 and run.stdout == ""
    log = json.loads((workdir / "out" / "report.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"


# -- text --------------------------------------------------------------------------------------
def test_every_finding_line_carries_its_severity_word(cli, write) -> None:
    write(
        "okrs.yaml",
        ASTRAL.replace('"🚀 Hopefully reach $3M in qualified pipeline"', "Launch the new app"),
    )
    run = cli("check", "--profile", "lenient", "--select", "O101", "okrs.yaml")
    (line,) = [line for line in run.stdout.splitlines() if ": O101 " in line]
    assert line.startswith("okrs.yaml:5:9: O101 info ")  # info under lenient, said so
    text = cli("check", "--no-hints", "okrs.yaml").stdout
    finding_lines = [line for line in text.splitlines() if line.startswith("okrs.yaml:")]
    assert finding_lines
    assert all(line.split(" ")[2] in ("error", "warning", "info") for line in finding_lines)


def test_the_offending_words_are_underlined_under_the_source_line(cli, write) -> None:
    write("okrs.yaml", ASTRAL)
    lines = cli("check", "--select", "A404", "okrs.yaml").stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if " A404 info [*] " in line)
    source, carets = lines[at + 1], lines[at + 2]
    assert source == '  5 |       - "🚀 Hopefully reach $3M in qualified pipeline"'
    # The emoji is two terminal columns wide; the carets sit under "Hopefully" exactly.
    assert carets == "    |" + " " * len('       - "🚀 ') + " " + "^" * len("hopefully")


def test_statistics_is_one_row_per_code(cli) -> None:
    run = cli("check", "--statistics", *EXAMPLES)
    rows = [line for line in run.stdout.splitlines() if line[:5].strip().isdigit()]
    codes = [row.split()[1] for row in rows]
    assert len(codes) == len(set(codes))
    findings = cli("check", "--format", "json", *EXAMPLES).json()["findings"]
    assert sorted(codes) == sorted({f["code"] for f in findings})
    f303 = next(row for row in rows if row.split()[1] == "F303")
    assert f303.endswith("error/warning")  # both severities, one row
    assert sum(int(row.split()[0]) for row in rows) == len(findings)


def test_statistics_as_json_is_an_array_matching_the_table(cli) -> None:
    table = cli("check", "--statistics", *EXAMPLES).stdout.splitlines()
    rows = cli("check", "--statistics", "--format", "json", *EXAMPLES).json()
    assert isinstance(rows, list) and rows
    assert [(r["count"], r["code"]) for r in rows] == [
        (int(line.split()[0]), line.split()[1]) for line in table if line[:5].strip().isdigit()
    ]
    f303 = next(r for r in rows if r["code"] == "F303")
    assert f303["severities"] == ["error", "warning"] and f303["name"] == "too-few-key-results"
    assert {r["fixable"] for r in rows} == {True, False}  # A404 can be fixed, O101 cannot


@pytest.mark.parametrize(
    "env",
    [
        {"TERM": "dumb", "FORCE_COLOR": "1"},
        {"NO_COLOR": "1", "FORCE_COLOR": "1"},
    ],
)
def test_no_colour_with_term_dumb_or_no_color(write, env: dict[str, str]) -> None:
    write("okrs.yaml", ASTRAL)
    result = CliRunner().invoke(main, ["check", "okrs.yaml"], env={"TERM": "xterm", **env})
    assert "\x1b" not in result.stdout
    coloured = CliRunner().invoke(
        main, ["check", "okrs.yaml"], env={"TERM": "xterm", "FORCE_COLOR": "1", "NO_COLOR": ""}
    )
    assert "\x1b[" in coloured.stdout


@pytest.mark.parametrize(
    "evil",
    ["\x1b]0;owned\x07", "\x1b[2J", "\u009b31m", "\u202e", "\x7f", "\x08\x08"],
    ids=["osc", "csi", "c1", "bidi", "del", "backspace"],
)
def test_control_characters_never_reach_the_terminal_raw(cli, write, evil: str) -> None:
    # Raw in a Markdown file, and as YAML escapes (YAML refuses raw control characters).
    write(
        "okrs.md",
        f"## Objective: Grow\n\n- KR1: Launch{evil} the app\n- KR2: Cut churn from 4% to 3%\n",
    )
    escaped = json.dumps(f"Launch{evil} the app")
    write("okrs.yaml", ASTRAL.replace('"🚀 Hopefully reach $3M in qualified pipeline"', escaped))
    for name in ("okrs.md", "okrs.yaml"):
        run = cli("check", name)
        assert "Launch" in run.stdout and "E001" not in run.stdout
        for char in evil:
            if not char.isprintable():
                assert char not in run.stdout
        assert "\\x" in run.stdout or "\\u" in run.stdout
        inspected = cli("inspect", name).stdout
        assert "Launch" in inspected and all(c.isprintable() or c == "\n" for c in inspected)
        github = cli("check", "--format", "github", name).stdout
        assert not any(ord(c) < 0x20 and c != "\n" or 0x7F <= ord(c) < 0xA0 for c in github)
