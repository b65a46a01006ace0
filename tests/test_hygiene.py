"""H701 stale-check-in and H702 overdue-key-result: the run's date comes from --today only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run

from okrlint.api import lint_text
from okrlint.config import Settings

CliRun = Callable[..., Run]

TRACKED = """\
cycle: 2026-Q2
objectives:
  - title: Win the mid-market
    key_results:
      - title: Raise trial conversion from 4% to 7%
        due: 2026-06-30
        check_ins:
          - {date: 2026-04-10, value: 4.4, confidence: 0.6}
          - {date: 2026-05-01, value: 4.9, confidence: 0.6}
      - title: Grow mid-market ARR from $2.1M to $3M
        check_ins:
          - {date: 2026-05-18, value: 2.5M}
      - Cut the sales cycle from 60 to 45 days
"""


def codes_by_line(run: Run) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for finding in run.json()["findings"]:
        found.setdefault(finding["range"]["start"]["line"], []).append(finding["code"])
    return found


def test_stale_check_ins_are_measured_from_today(cli: CliRun, write: Callable[..., Path]) -> None:
    write("okrs.yaml", TRACKED)
    run = cli("check", "--format", "json", "--today", "2026-05-20", "okrs.yaml")
    by_line = codes_by_line(run)
    assert "H701" in by_line[5]  # last check-in 2026-05-01: 19 days
    assert "H701" not in by_line.get(10, [])  # checked in two days ago
    assert "H701" in by_line[13]  # no check-in since tracking began on 2026-04-10
    assert not any("H702" in codes for codes in by_line.values())  # nothing is due yet
    (message,) = [f["message"] for f in run.json()["findings"] if f["range"]["start"]["line"] == 5]
    assert "19 days" in message and "2026-05-01" in message

    earlier = cli("check", "--format", "json", "--today", "2026-05-10", "okrs.yaml")
    assert "H701" not in codes_by_line(earlier).get(5, [])  # nine days after its check-in


def test_overdue_key_results_after_the_due_date(cli: CliRun, write: Callable[..., Path]) -> None:
    write("okrs.yaml", TRACKED)
    run = cli("check", "--format", "json", "--today", "2026-07-05", "okrs.yaml")
    by_line = codes_by_line(run)
    for line in (5, 10, 13):  # the `due` field, then the cycle's end for the other two
        assert "H702" in by_line[line]
    (first,) = [
        f
        for f in run.json()["findings"]
        if f["code"] == "H702" and f["range"]["start"]["line"] == 5
    ]
    assert "2026-06-30" in first["message"] and "5 days ago" in first["message"]
    assert "30% of the way" in first["message"]  # 4 -> 7, at 4.9


def test_a_score_or_a_reached_target_closes_a_key_result(
    cli: CliRun, write: Callable[..., Path]
) -> None:
    closed = TRACKED.replace(
        "        due: 2026-06-30\n", "        due: 2026-06-30\n        score: 0.3\n"
    )
    closed = closed.replace("value: 2.5M", "value: 3.2M")
    write("okrs.yaml", closed)
    by_line = codes_by_line(cli("check", "--format", "json", "--today", "2026-07-05", "okrs.yaml"))
    assert by_line.get(5, []) == [] and by_line.get(11, []) == []
    assert "H702" in by_line[14]  # still open


def test_a_check_in_that_says_done_closes_a_key_result(
    cli: CliRun, write: Callable[..., Path]
) -> None:
    text = TRACKED.replace("value: 2.5M", "value: shipped")
    write("okrs.yaml", text)
    by_line = codes_by_line(cli("check", "--format", "json", "--today", "2026-07-05", "okrs.yaml"))
    assert "H702" not in by_line.get(10, [])


def test_check_ins_after_today_are_not_seen(cli: CliRun, write: Callable[..., Path]) -> None:
    write("okrs.yaml", TRACKED)
    run = cli("check", "--format", "json", "--today", "2026-04-05", "okrs.yaml")
    assert not [c for c in run.codes() if c.startswith("H7")]  # tracking has not begun yet


def test_plans_without_progress_data_are_never_stale(
    cli: CliRun, write: Callable[..., Path]
) -> None:
    write(
        "plan.yaml",
        "cycle: 2026-Q1\nobjectives:\n  - title: Win\n    key_results:\n"
        "      - Raise trial conversion from 4% to 7% by March 31\n"
        "      - Grow ARR from $2M to $3M\n",
    )
    write(
        "plan.md",
        "---\ncycle: 2026-Q1\n---\n## Objective: Win\n- KR1: Grow ARR from $2M to $3M\n"
        "- KR2: Raise trial conversion from 4% to 7%\n",
    )
    run = cli("check", "--format", "json", "--today", "2026-11-01", "plan.yaml", "plan.md")
    assert not [c for c in run.codes() if c.startswith("H7")]


def test_stale_days_is_a_threshold(cli: CliRun, write: Callable[..., Path]) -> None:
    write("okrs.yaml", TRACKED)
    write(".okrlint.toml", "[thresholds]\nstale-days = 30\n")
    by_line = codes_by_line(cli("check", "--format", "json", "--today", "2026-05-20", "okrs.yaml"))
    assert "H701" not in by_line.get(5, [])  # 19 days is within 30
    assert "H701" in by_line[13]  # 40 days since tracking began


def test_check_defaults_to_the_date_of_the_run(cli: CliRun, write: Callable[..., Path]) -> None:
    # Due ten days before whatever day this test runs: overdue, and recent enough to chase.
    due = dt.date.today() - dt.timedelta(days=10)
    text = TRACKED.replace("due: 2026-06-30", f"due: {due.isoformat()}")
    write("okrs.yaml", text.replace("2026-04-10", (due - dt.timedelta(days=60)).isoformat()))
    run = cli("check", "--format", "json", "okrs.yaml")
    assert "H702" in run.codes()


def test_a_cycle_long_past_is_history_not_overdue(cli: CliRun, write: Callable[..., Path]) -> None:
    # An old quarter kept in the repository: past its date by more than `history-days` (60).
    write("okrs.yaml", TRACKED)
    late = cli("check", "--format", "json", "--today", "2026-08-29", "okrs.yaml")
    later = cli("check", "--format", "json", "--today", "2026-08-30", "okrs.yaml")
    assert "H702" in late.codes()  # 60 days after 2026-06-30
    assert not [code for code in later.codes() if code.startswith("H7")]


def test_the_library_stays_silent_without_a_date() -> None:
    text = TRACKED.replace("2026", "2001")
    assert not [f for f in lint_text(text).findings if f.code.startswith("H7")]
    dated = lint_text(text, config=Settings(today=dt.date(2001, 7, 5)))
    assert {f.code for f in dated.findings} >= {"H701", "H702"}


@pytest.mark.parametrize("value", ["2026-13-01", "May 20", "yesterday"])
def test_a_bad_date_is_a_usage_error(cli: CliRun, write: Callable[..., Path], value: str) -> None:
    write("okrs.yaml", TRACKED)
    for command in ("check", "coach"):
        run = cli(command, "--today", value, "okrs.yaml")
        assert run.exit_code == 2
        assert len(run.stderr_lines) == 1 and "--today" in run.stderr


def test_today_is_not_a_config_key(cli: CliRun, write: Callable[..., Path]) -> None:
    write("okrs.yaml", TRACKED)
    write(".okrlint.toml", "today = 2026-05-20\n")
    run = cli("check", "okrs.yaml")
    assert run.exit_code == 2
    assert "'today'" in run.stderr and len(run.stderr_lines) == 1
