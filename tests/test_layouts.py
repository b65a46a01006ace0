"""The layouts people keep: every fixture under tests/fixtures/layouts/ reproduces one real
layout family (SOURCES.md names the real file) with expected objectives and key results written
by hand from what the layout means (expected.yaml); pages about OKRs are under not-okrs/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from okrlint import lint_paths
from okrlint.loaders import format_for, load
from okrlint.sources import discover, read_file

FOLDER = Path(__file__).parent / "fixtures" / "layouts"
EXPECTED = YAML(typ="safe").load((FOLDER / "expected.yaml").read_text(encoding="utf-8"))
FIXTURES = {entry["file"]: entry for entry in EXPECTED["fixtures"]}
NOT_OKRS = [entry["file"] for entry in EXPECTED["not_okrs"]]
# A status note after a key result ("… => Done") is kept in the title by design: it may say
# where the metric started ("=> was 80% last quarter"). The fixtures' titles leave it out.
_STATUS_NOTE = re.compile(r"\s*=+>.*$")


def _outline(path: Path) -> list[tuple[int, str, list[tuple[int, str]]]]:
    result = read_file(path, format_for(path.name) or "text", 5_000_000)
    assert result.document is not None, result.diagnostics
    return [
        (
            objective.span.start.line if objective.span else 0,
            objective.title,
            [(kr.span.start.line if kr.span else 0, _STATUS_NOTE.sub("", kr.title)) for kr in objective.key_results],
        )
        for objective in result.document.objectives
    ]


def _expected(entry: dict[str, Any]) -> list[tuple[set[int], str, list[tuple[int, str]]]]:
    return [
        (
            {objective["line"], *(objective.get("alt_lines") or [])},
            objective["title"],
            [(kr["line"], kr["title"]) for kr in objective.get("key_results") or []],
        )
        for objective in entry["objectives"]
    ]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_layout_reads_the_objectives_and_key_results(name: str) -> None:
    got = _outline(FOLDER / name)
    want = _expected(FIXTURES[name])
    assert [(title, krs) for _line, title, krs in got] == [
        (title, krs) for _lines, title, krs in want
    ]
    for (line, _title, _krs), (lines, _wtitle, _wkrs) in zip(got, want, strict=True):
        assert line in lines


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_layout_cycle(name: str) -> None:
    entry = FIXTURES[name]
    result = read_file(FOLDER / name, format_for(name) or "text", 5_000_000)
    document = result.document
    assert document is not None
    if isinstance(entry["cycle"], list):  # several cycles: each objective has its own
        wanted = [o.get("cycle") for o in entry["objectives"]]
        assert [document.cycle_of(o) for o in document.objectives] == wanted
    else:
        assert document.cycle == entry["cycle"]


def test_a_walk_finds_every_layout_and_no_page_about_okrs() -> None:
    found = {path.relative_to(FOLDER).as_posix() for path, _fmt in discover([FOLDER]).files}
    found -= {"expected.yaml", "SOURCES.md"}  # this folder's own description of the fixtures
    assert found == set(FIXTURES)
    assert not found & set(NOT_OKRS)


def test_metadata_bullets_get_no_findings_and_the_numbered_key_results_do() -> None:
    # The file: metadata bullets, key results numbered under a "Key Results:" bullet,
    # grading notes. Findings land on the real key results, none on the metadata lines.
    path = FOLDER / "metadata-bullets-numbered-krs.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    report = lint_paths([path])
    kr_lines = {
        kr["line"] for objective in FIXTURES[path.name]["objectives"] for kr in objective["key_results"]
    }
    on_lines = {finding.range.start.line for finding in report.findings}
    metadata = {n for n, line in enumerate(lines, 1) if re.match(r"\s*[-*]\s*\w[\w ]*:\s", line)}
    assert on_lines & kr_lines
    assert not on_lines & (metadata - kr_lines)
    assert "M204" not in {f.code for f in report.findings}  # the stated deadline dates them


def test_an_example_after_a_lead_in_paragraph_is_not_read_as_an_objective() -> None:
    result = read_file(FOLDER / "not-okrs" / "article-example-paragraphs.md", "markdown", 5_000_000)
    assert result.document is not None
    assert [o.title for o in result.document.objectives] == []


def test_an_example_heading_holds_examples_but_a_parenthesised_example_names_a_set() -> None:
    annotated = read_file(FOLDER / "not-okrs" / "template-annotated-example.md", "markdown", 5_000_000)
    assert annotated.document is not None
    titles = [o.title for o in annotated.document.objectives]
    assert "Make the release train boring" not in titles
    department = load(
        "## Department OKRs (Example: Product)\n\n"
        "**Objective:** Ship features customers love\n\n"
        "- **KR1:** Launch paid tiers with 5% conversion\n"
        "- **KR2:** Fewer than 2 P1 bugs per sprint\n",
        "okrs.md",
        "markdown",
    )
    assert department.document is not None
    assert [o.title for o in department.document.objectives] == ["Ship features customers love"]


def test_an_objective_that_sets_an_example_is_still_an_objective() -> None:
    plain = load(
        "# Team goals Q3 2026\n\n"
        "## Set an example for new contributors\n\n"
        "- 30 first-time contributors merge a pull request\n"
        "- Median review wait under 2 days\n\n"
        "## Cut build times\n\n"
        "- p95 build under 10 minutes\n"
        "- Flaky tests under 1%\n",
        "okrs.md",
        "markdown",
    )
    assert plain.document is not None
    assert [o.title for o in plain.document.objectives] == [
        "Set an example for new contributors",
        "Cut build times",
    ]
