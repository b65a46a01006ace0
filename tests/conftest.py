"""Shared fixtures: a temporary working folder with OKR files, and the CLI run in-process."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from okrlint.cli import main

# Two objectives with two measurable key results each: clean under the E and F rules.
GOOD_YAML = """\
cycle: 2026-Q2
owner: platform
objectives:
  - title: Make deploys boring
    key_results:
      - Cut failed deploys from 12% to 3%
      - Raise weekly deploys from 20 to 60
  - title: Delight our developers
    key_results:
      - Raise developer NPS from 10 to 40
      - Cut median build time from 20 to 8 minutes
"""

# One objective with a single key result: exactly one F303 (a warning) at line 4, column 12.
ONE_KR_YAML = """\
cycle: 2026-Q2
objectives:
  - id: O1
    title: Win the mid-market
    key_results:
      - Raise ARR from $2M to $3M
"""


@dataclass
class Run:
    """One CLI run: exit code and the two streams, kept apart."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()

    def json(self) -> dict[str, Any]:
        return json.loads(self.stdout)

    def codes(self) -> list[str]:
        return [finding["code"] for finding in self.json()["findings"]]


@pytest.fixture(scope="session", autouse=True)
def _rule_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """`rules` and `explain` cache the rules on disk: in a folder of the test run's own."""
    os.environ["OKRLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("okrlint-cache"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz",
        type=int,
        default=None,
        metavar="N",
        help="run the fuzz test over N generated inputs (CI runs a fixed-seed 800)",
    )


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder, so findings carry short relative paths."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def write(workdir: Path) -> Callable[..., Path]:
    """write("okrs/a.yaml", text) or write("x.yaml", b"bytes"): create a file in the workdir."""

    def _write(name: str, content: str | bytes) -> Path:
        path = workdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def cli() -> Callable[..., Run]:
    """cli("check", "x.yaml", input=...): run okrlint in-process; a traceback fails the test."""

    def _run(*args: str, input: str | bytes | None = None) -> Run:
        result = CliRunner().invoke(main, list(args), input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"okrlint raised {result.exception!r}") from result.exception
        assert "Traceback" not in result.output
        return Run(result.exit_code, result.stdout, result.stderr, result.exception)

    return _run
