"""Bad input never crashes a run: each problem is a located finding (E001/E002) or one stderr
line with exit 2, and the other files of the run are still linted."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import GOOD_YAML, ONE_KR_YAML, Run

from okrlint.loaders import load

FIVE_MB = 5 * 1024 * 1024
CheckRun = Callable[..., Run]


def _check(cli: CheckRun, *paths: str, select: str = "E,F3") -> Run:
    return cli("check", "--format", "json", "--select", select, *paths)


def _at(run: Run, code: str) -> list[tuple[str, int, int]]:
    """(path, line, column) of each finding with this code."""
    return [
        (f["path"], f["range"]["start"]["line"], f["range"]["start"]["column"])
        for f in run.json()["findings"]
        if f["code"] == code
    ]


def _message(run: Run, code: str) -> str:
    return next(f["message"] for f in run.json()["findings"] if f["code"] == code)


@pytest.fixture
def companion(write: Callable[..., Path]) -> str:
    """A second, valid file in the same run: its F303 proves the run went on."""
    write("companion.yaml", ONE_KR_YAML)
    return "companion.yaml"


def _companion_linted(run: Run) -> None:
    assert ("companion.yaml", 4, 12) in _at(run, "F303")


# -- malformed YAML ---------------------------------------------------------------------------
def test_malformed_yaml_is_e001_at_the_offending_character(write, cli, companion) -> None:
    write("broken.yaml", "objectives:\n  - title: Ship v2: faster checkout\n    key_results: []\n")
    run = _check(cli, "broken.yaml", companion)
    assert run.exit_code == 1
    assert _at(run, "E001") == [("broken.yaml", 2, 19)]  # the second ': ' on line 2
    assert "mapping values are not allowed" in _message(run, "E001")
    _companion_linted(run)


def test_unclosed_bracket_at_end_of_file_points_at_the_broken_line(write, cli) -> None:
    write("open.yaml", "objectives:\n  - title: Grow revenue\n    key_results: [\n")
    run = _check(cli, "open.yaml")
    # Not line 4 (the empty line after the last newline): the '[' left open on line 3.
    assert _at(run, "E001") == [("open.yaml", 3, 18)]
    finding = run.json()["findings"][0]
    assert finding["range"]["end"] == {"line": 3, "column": 19}


def test_unclosed_quote_points_at_the_opening_quote(write, cli) -> None:
    write("quote.yaml", 'objectives:\n  - title: "Grow revenue\n')
    run = _check(cli, "quote.yaml")
    assert _at(run, "E001") == [("quote.yaml", 2, 12)]


def test_tab_indentation_is_located(write, cli) -> None:
    write("tabs.yaml", "objectives:\n\t- title: Grow revenue\n")
    assert _at(_check(cli, "tabs.yaml"), "E001") == [("tabs.yaml", 2, 1)]


def test_two_yaml_documents_in_one_file_is_e001_at_the_second(write, cli) -> None:
    write("two.yaml", GOOD_YAML + "---\n" + GOOD_YAML)
    line = GOOD_YAML.count("\n") + 1
    assert _at(_check(cli, "two.yaml"), "E001") == [("two.yaml", line, 1)]


# -- malformed Markdown -----------------------------------------------------------------------
def test_broken_front_matter_is_located_in_the_file_and_the_body_is_still_read(write, cli) -> None:
    write(
        "team.md",
        "---\ncycle: 2026-Q2\nowner: [growth\n---\n\n"
        "## O1 Grow revenue\n\n- KR1: Raise ARR from $2M to $3M\n",
    )
    run = _check(cli, "team.md")
    assert run.exit_code == 1
    ((_path, line, _column),) = _at(run, "E001")
    assert line in (3, 4)  # inside the front matter, counted in file lines
    assert ("team.md", 6, 7) in _at(run, "F303")  # the heading's objective was still linted


def test_unclosed_front_matter_is_reported(write, cli) -> None:
    write(
        "open.md",
        "---\ncycle: 2026-Q2\n\n"
        "## O1 Grow revenue\n\n- Raise ARR from $2M to $3M\n- Lift NRR from 98% to 110%\n",
    )
    run = _check(cli, "open.md")
    assert _at(run, "E001") == [("open.md", 1, 1)]
    assert "never closed" in _message(run, "E001")


def test_front_matter_with_python_tag_is_refused(write, cli, tmp_path) -> None:
    marker = tmp_path / "hacked-md"
    write(
        "fm.md",
        f'---\nowner: !!python/object/apply:os.system ["touch {marker}"]\n---\n'
        "## O1 Grow\n- a 1\n- b 2\n",
    )
    run = _check(cli, "fm.md")
    assert _at(run, "E001") == [("fm.md", 2, 8)]
    assert not marker.exists()


@pytest.mark.parametrize(
    "text",
    [
        "## O1 Grow revenue\n" + "> " * 5000 + "- KR: x\n",
        "## O1 Grow revenue\n" + "- " * 5000 + "x\n",
        "## O1 Grow revenue\n- KR1: " + "*" * 20000 + "\n",
        "<div>\n## O1 not a heading\n- KR: inside html\n",
        "## \n- KR1: a heading with no text\n",
        "| a | b |\n|---|---|\n| KR: x | y |\n",
        # An image alone on the line after a heading is a paragraph with no text (found on a
        # real repository's notes by the directory walk: it was an internal error).
        "### 4.2 Core methods\n![](https://example.com/a.png)\n- the order is as follows\n",
    ],
    ids=["deep-quotes", "deep-list", "emphasis-run", "raw-html", "empty-heading", "table", "image-paragraph"],
)
def test_odd_markdown_loads_without_error(text: str) -> None:
    result = load(text, "odd.md", "markdown")
    assert result.document is not None
    # Never a parse error; markup that holds no objective (raw HTML, a table) is one E002.
    assert [d.code for d in result.diagnostics] == ([] if result.document.objectives else ["E002"])


# -- wrong field types ------------------------------------------------------------------------
WRONG_TYPES = """\
cycle: 2026-Q2
scoring: sometimes
objectives:
  - title: Delight customers
    type: whatever
    key_results:
      - title: Raise NPS from 30 to 45
        confidence: very high
        due: next spring
        check_ins: 5
      - title: [1, 2]
      - null
      - Cut churn from 5% to 3%
"""


def test_wrong_field_types_are_e002_at_the_value(write, cli) -> None:
    write("types.yaml", WRONG_TYPES)
    run = _check(cli, "types.yaml", select="E")
    lines = WRONG_TYPES.split("\n")
    found = {}
    for f in run.json()["findings"]:
        assert f["code"] == "E002"
        start, end = f["range"]["start"], f["range"]["end"]
        assert start["line"] == end["line"]
        found[start["line"]] = lines[start["line"] - 1][start["column"] - 1 : end["column"] - 1]
    assert found == {
        2: "sometimes",
        5: "whatever",
        8: "very high",
        9: "next spring",
        10: "5",
        11: "[1, 2]",  # one finding for the bad title, not a second "has no title"
        12: "null",
    }
    assert run.exit_code == 1
    # The nodes survive their bad fields: three key results are still counted.
    assert run.json()["summary"]["key_results"] == 3


def test_a_bad_check_in_date_is_one_finding(write, cli) -> None:
    write(
        "checkin.yaml",
        "objectives:\n  - title: A\n    key_results:\n"
        "      - title: B 1\n        check_ins: [{date: soon}]\n",
    )
    run = _check(cli, "checkin.yaml", select="E")
    assert [(f["code"], f["range"]["start"]["column"]) for f in run.json()["findings"]] == [
        ("E002", 28)
    ]


@pytest.mark.parametrize("field", ["confidence", "score"])
def test_nan_is_an_invalid_number(field: str) -> None:
    text = f"objectives:\n  - title: A\n    key_results:\n      - title: B\n        {field}: .nan\n"
    result = load(text, "nan.yaml", "yaml")
    assert [(d.code, d.span.start.line) for d in result.diagnostics] == [("E002", 5)]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("just a sentence\n", 1, 1),
        ("objectives: hello\n", 1, 13),
        ("cycle: 2026-Q2\n", 1, 1),
        ("objectives:\n  - [a, b]\n", 2, 5),
    ],
    ids=["scalar-root", "objectives-not-a-list", "no-objectives", "objective-is-a-list"],
)
def test_wrong_shapes_are_e002(text: str, line: int, column: int) -> None:
    result = load(text, "shape.yaml", "yaml")
    assert [(d.code, d.span.start.line, d.span.start.column) for d in result.diagnostics] == [
        ("E002", line, column)
    ]


# -- empty, binary, non-UTF-8 -----------------------------------------------------------------
@pytest.mark.parametrize("name", ["empty.yaml", "empty.md", "empty.txt", "blank.yaml", "blank.md"])
def test_empty_file_is_e001(write, cli, companion, name: str) -> None:
    write(name, "" if name.startswith("empty") else "  \n\n")
    run = _check(cli, name, companion)
    assert run.exit_code == 1
    assert _at(run, "E001") == [(name, 1, 1)]
    assert "empty" in _message(run, "E001")
    _companion_linted(run)


def test_comment_only_yaml_is_e001(write, cli) -> None:
    write("comment.yaml", "# OKRs to come\n")
    assert _at(_check(cli, "comment.yaml"), "E001") == [("comment.yaml", 1, 1)]


def test_binary_file_is_e001_at_the_first_nul_byte(write, cli, companion) -> None:
    write("logo.yaml", b"objectives:\n  - ti\x00tle\x89PNG\r\n")
    run = _check(cli, "logo.yaml", companion)
    assert run.exit_code == 1
    assert _at(run, "E001") == [("logo.yaml", 2, 7)]
    assert "binary" in _message(run, "E001").lower()
    _companion_linted(run)


def test_non_utf8_text_is_e001_at_the_bad_byte(write, cli, companion) -> None:
    write("latin1.yaml", "objectives:\n  - title: Café growth\n".encode("latin-1"))
    run = _check(cli, "latin1.yaml", companion)
    assert _at(run, "E001") == [("latin1.yaml", 2, 15)]
    assert "0xe9" in _message(run, "E001") and "UTF-8" in _message(run, "E001")
    _companion_linted(run)


def test_utf8_bom_and_crlf_are_accepted_and_columns_stay_right(write, cli) -> None:
    text = ONE_KR_YAML.replace("\n", "\r\n")
    write("windows.yaml", b"\xef\xbb\xbf" + text.encode("utf-8"))
    run = _check(cli, "windows.yaml")
    assert _at(run, "F303") == [("windows.yaml", 4, 12)]
    assert _at(run, "E001") == []


# -- size limit ---------------------------------------------------------------------------------
def test_file_over_5_mb_is_e001_and_not_read(write, cli, companion, monkeypatch) -> None:
    write("huge.yaml", b"#" * (FIVE_MB + 1))
    # The size is checked before reading: the file's bytes are never loaded.
    read: list[int] = []
    original = os.read

    def counting_read(descriptor: int, size: int) -> bytes:
        data = original(descriptor, size)
        read.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting_read)
    run = _check(cli, "huge.yaml", companion)
    assert run.exit_code == 1
    assert _at(run, "E001") == [("huge.yaml", 1, 1)]
    assert "5 MB limit" in _message(run, "E001")
    assert sum(read) < FIVE_MB, "an oversized file was read"
    _companion_linted(run)


def test_file_at_exactly_the_limit_is_read(write, cli) -> None:
    write("big.txt", ("O: Grow revenue\n- Raise ARR from $2M to $3M\n").ljust(FIVE_MB, "\n"))
    run = _check(cli, "big.txt")
    assert _at(run, "E001") == []
    assert ("big.txt", 1, 4) in _at(run, "F303")


def test_size_limit_is_configurable(write, cli) -> None:
    write(".okrlint.toml", "max-file-size = 100\n")
    write("team.yaml", GOOD_YAML)
    run = _check(cli, "team.yaml")
    assert _at(run, "E001") == [("team.yaml", 1, 1)]


def test_oversized_stdin_is_e001(cli) -> None:
    run = cli(
        "check",
        "-",
        "--stdin-filename",
        "draft.txt",
        "--format",
        "json",
        "--select",
        "E",
        input=b"O: x\n" + b"-" * FIVE_MB,
    )
    assert run.exit_code == 1
    assert _at(run, "E001") == [("draft.txt", 1, 1)]


# -- alias bombs and object-building tags -------------------------------------------------------
BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
objectives: *i
"""


def test_billion_laughs_is_e001_without_expanding(write, cli, companion) -> None:
    write("bomb.yaml", BILLION_LAUGHS)
    started = time.perf_counter()
    run = _check(cli, "bomb.yaml", companion)
    assert time.perf_counter() - started < 10
    assert run.exit_code == 1
    # At the alias whose expansion passes the bound: "f: &f [*e,…" (each *e stands for 7,381).
    assert _at(run, "E001") == [("bomb.yaml", 6, 8)]
    assert "alias" in _message(run, "E001")
    assert run.json()["summary"]["objectives"] == 1  # the companion's only
    _companion_linted(run)


def test_small_aliases_and_merge_keys_still_work() -> None:
    text = (
        "defaults: &kr {owner: ana, due: 2026-06-30}\n"
        "objectives:\n"
        "  - title: Grow revenue\n"
        "    key_results:\n"
        "      - {<<: *kr, title: Raise ARR from $2M to $3M}\n"
        "      - {<<: *kr, title: Lift NRR from 98% to 110%, owner: bo}\n"
    )
    result = load(text, "alias.yaml", "yaml")
    assert result.diagnostics == []
    krs = result.document.objectives[0].key_results
    assert [(kr.owner, str(kr.due)) for kr in krs] == [("ana", "2026-06-30"), ("bo", "2026-06-30")]


@pytest.mark.parametrize(
    "tag",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        '!!python/object/new:os.system ["touch {marker}"]',
        "!!python/name:os.system",
        '!!python/object/apply:subprocess.check_call [["touch", "{marker}"]]',
        "!custom {{a: 1}}",
    ],
    ids=["apply", "new", "name", "subprocess", "local-tag"],
)
def test_object_building_tags_never_run_and_are_e001_at_their_line(
    write, cli, tmp_path, tag: str
) -> None:
    marker = tmp_path / "hacked"
    text = (
        "objectives:\n"
        f"  - {tag.format(marker=marker)}\n"
        "  - title: Grow revenue\n"
        "    key_results: [Raise ARR from $2M to $3M]\n"
    )
    write("evil.yaml", text)
    run = _check(cli, "evil.yaml")
    assert not marker.exists(), "a YAML tag executed code"
    assert run.exit_code == 1
    assert _at(run, "E001") == [("evil.yaml", 2, 5)]
    assert "tag" in _message(run, "E001")
    # The rest of the file is still linted.
    assert _at(run, "F303") == [("evil.yaml", 3, 12)]


def test_the_issue_example_tag_yields_e001_and_runs_nothing(write, cli, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(os, "system", lambda command: calls.append(command) or 0)
    write("tag.yaml", 'objectives:\n  - !!python/object/apply:os.system ["echo hacked"]\n')
    run = _check(cli, "tag.yaml")
    assert calls == []
    assert _at(run, "E001") == [("tag.yaml", 2, 5)]


def test_deep_nesting_is_e001_not_a_crash(write, cli) -> None:
    write("deep.yaml", "objectives: " + "[" * 100 + "]" * 100 + "\n")
    write("dashes.yaml", "objectives:\n  " + "- " * 100 + "x\n")
    run = _check(cli, "deep.yaml", "dashes.yaml")
    assert _at(run, "E001") == [("dashes.yaml", 2, 129), ("deep.yaml", 1, 76)]
    assert all("nests more than 64 levels" in f["message"] for f in run.json()["findings"])


@pytest.mark.skipif(shutil.which("okrlint") is None, reason="console script not installed")
def test_very_deep_nesting_does_not_kill_the_process(tmp_path: Path) -> None:
    # libyaml's composer recurses in C: 100,000 brackets (200 kB) used to segfault the process.
    path = tmp_path / "deep.yaml"
    path.write_text("objectives: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    proc = subprocess.run(
        ["okrlint", "check", "--select", "E", "--no-hints", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr
    assert "deep.yaml:1:76: E001" in proc.stdout
    assert proc.stderr == ""


# -- paths that are not OKR files ---------------------------------------------------------------
def test_directory_without_okr_files_is_one_stderr_line_and_exit_2(write, cli) -> None:
    write("docs/notes.rst", "nothing here\n")
    write("docs/.hidden.yaml", GOOD_YAML)
    run = cli("check", "docs")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert len(run.stderr_lines) == 1
    assert run.stderr_lines[0].startswith("okrlint: error: docs: no OKR files found")


def test_directory_without_okr_files_beside_a_real_file_is_a_warning(write, cli, companion) -> None:
    write("docs/notes.rst", "nothing here\n")
    write("docs/compose.yaml", "services:\n  web:\n    image: nginx\n")  # not OKRs: skipped
    run = _check(cli, "docs", companion)
    assert run.exit_code == 1  # the companion's F303 decides
    assert run.stderr_lines == [
        "okrlint: warning: docs: no OKR files found (looked for .okr files, and YAML, Markdown,"
        " text and CSV files that hold objectives with key results)"
    ]
    _companion_linted(run)


def test_missing_path_is_one_stderr_line_and_exit_2(cli, workdir) -> None:
    run = cli("check", "nope.yaml")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr_lines == ["okrlint: error: nope.yaml: no such file or directory"]


def test_missing_path_does_not_stop_the_other_files(cli, companion) -> None:
    run = _check(cli, "nope.yaml", companion)
    assert run.exit_code == 2
    assert run.stderr_lines == ["okrlint: error: nope.yaml: no such file or directory"]
    _companion_linted(run)


def test_unknown_file_type_is_one_stderr_line_and_exit_2(write, cli) -> None:
    write("okrs.xlsx", "{}")
    run = cli("check", "okrs.xlsx")
    assert run.exit_code == 2
    assert len(run.stderr_lines) == 1
    assert "okrs.xlsx: unknown file type" in run.stderr


def _deny(monkeypatch: pytest.MonkeyPatch, name: str, error: OSError) -> None:
    """Opening a file of this name fails as the system would fail it."""
    original = os.open

    def guarded_open(path: Any, *args: Any, **kwargs: Any) -> int:
        if os.path.basename(os.fspath(path)) == name:
            raise error
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)


def test_unreadable_file_is_e001_and_the_run_goes_on(write, cli, companion, monkeypatch) -> None:
    write("secret.yaml", GOOD_YAML)
    _deny(monkeypatch, "secret.yaml", PermissionError(13, "Permission denied"))
    run = _check(cli, "secret.yaml", companion)
    assert run.exit_code == 1
    assert _at(run, "E001") == [("secret.yaml", 1, 1)]
    assert "Permission denied" in _message(run, "E001")
    _companion_linted(run)


def test_unreadable_file_found_by_walking_a_directory(write, cli, monkeypatch) -> None:
    write("okrs/a.yaml", ONE_KR_YAML)
    write("okrs/b.yaml", GOOD_YAML)
    _deny(monkeypatch, "b.yaml", OSError(5, "Input/output error"))
    run = _check(cli, "okrs")
    assert _at(run, "E001") == [("okrs/b.yaml", 1, 1)]
    assert _at(run, "F303") == [("okrs/a.yaml", 4, 12)]


def _lock(monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    """The folder cannot be searched, as with mode 000 for a user other than root: listing it
    or reaching anything inside it fails."""
    def inside(path: Any) -> bool:
        parts = Path(os.path.abspath(os.fspath(path))).parts
        return folder in parts[:-1]

    def guard(original: Any) -> Any:
        def call(path: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, (str, os.PathLike)) and (
                inside(path) or (original is os_scandir and Path(os.fspath(path)).name == folder)
            ):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return original(path, *args, **kwargs)

        return call

    os_scandir = os.scandir
    for name in ("stat", "lstat", "open", "scandir"):
        monkeypatch.setattr(os, name, guard(getattr(os, name)))


def test_a_file_in_a_folder_that_cannot_be_searched_is_e001_and_the_run_goes_on(
    write, cli, companion, monkeypatch
) -> None:
    write("okrs/locked/b.yaml", GOOD_YAML)
    _lock(monkeypatch, "locked")
    run = _check(cli, "okrs/locked/b.yaml", companion)
    assert run.exit_code == 1
    assert _at(run, "E001") == [("okrs/locked/b.yaml", 1, 1)]
    _companion_linted(run)


def test_a_walk_tells_of_a_folder_it_cannot_read(write, cli, monkeypatch) -> None:
    write("okrs/a.yaml", ONE_KR_YAML)
    write("okrs/locked/b.yaml", GOOD_YAML)
    _lock(monkeypatch, "locked")
    run = _check(cli, "okrs")
    assert _at(run, "F303") == [("okrs/a.yaml", 4, 12)]
    assert run.stderr_lines == [
        "okrlint: warning: okrs/locked: cannot read this folder (permission denied);"
        " its files were not checked"
    ]


def test_a_walk_reports_an_okr_file_saved_as_utf16(write, cli) -> None:
    # PowerShell's Out-File and "Unicode text" from a sheet write UTF-16: the file is an OKR
    # file all the same, and the author needs to hear that it cannot be read as it is.
    write("okrs/a.yaml", ONE_KR_YAML)
    path = write("okrs/q2.yaml", "")
    path.write_text(GOOD_YAML, encoding="utf-16")
    run = _check(cli, "okrs")
    assert _at(run, "E001") == [("okrs/q2.yaml", 1, 1)]
    assert "UTF-16" in _message(run, "E001")


# -- a real process -----------------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("okrlint") is None, reason="console script not installed")
def test_binary_file_through_the_console_script(tmp_path: Path) -> None:
    (tmp_path / "blob.yaml").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "team.yaml").write_text(ONE_KR_YAML, encoding="utf-8")
    proc = subprocess.run(
        ["okrlint", "check", "--select", "E,F3", "--no-hints", "blob.yaml", "team.yaml"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stderr == ""
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("blob.yaml:1:1: E001 ") and "binary" in lines[0].lower()
    assert lines[1].startswith("team.yaml:4:12: F303 ")
