"""`okrlint inspect` shows what was understood of each key result."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from okrlint.cli import main

OKRS = """cycle: 2026-Q2
objectives:
  - title: Delight customers
    key_results:
      - Grow NPS from 30 to 45 by end of Q2
      - Cut p95 latency from 900 ms to 400 ms
      - Launch the new app
"""


def _inspect(tmp_path: Path, *args: str) -> str:
    path = tmp_path / "okrs.yaml"
    path.write_text(OKRS, encoding="utf-8")
    result = CliRunner().invoke(main, ["inspect", str(path), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_json_shows_baseline_target_unit_direction_and_deadline(tmp_path: Path) -> None:
    records = json.loads(_inspect(tmp_path, "--format", "json"))
    nps, latency, launch = records
    assert (nps["baseline"]["value"], nps["target"]["value"]) == (30, 45)
    assert nps["unit"] == "points" and nps["direction"] == "increase" and nps["metric"] == "NPS"
    assert nps["deadline"] == {"text": "by end of Q2", "date": "2026-06-30", "source": "text"}
    assert (latency["baseline"]["text"], latency["target"]["text"]) == ("900 ms", "400 ms")
    assert latency["unit"] == "ms" and latency["direction"] == "decrease"
    assert latency["deadline"] == {"text": None, "date": "2026-06-30", "source": "cycle"}
    assert launch["reads_as"]["task"] == "launch"
    assert (nps["line"], nps["column"]) == (5, 9)


def test_text_output_names_each_part(tmp_path: Path) -> None:
    output = _inspect(tmp_path)
    assert "baseline: 30   target: 45   unit: points" in output
    assert "deadline: by end of Q2 (2026-06-30)" in output
    assert "baseline: 900 ms   target: 400 ms   unit: ms" in output
    assert "reads as task: launch" in output


FIELDS = """cycle: 2026-Q2
objectives:
  - title: Grow self-serve
    key_results:
      - title: Grow self-serve revenue
        metric: self-serve MRR
        unit: USD
        baseline: 40000
        target: 60000
        due: 2026-05-31
      - title: Cut onboarding time from 12 days to 8 days by end of Q2
        baseline: 10 days
        target: 4 days
        direction: decrease
      - Keep change failure rate under 15% (currently 14%)
      - p95 API latency below 200 ms for 30 consecutive days (now 340 ms)
"""


def _inspect_text(tmp_path: Path, text: str, *args: str) -> str:
    path = tmp_path / "fields.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["inspect", str(path), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_fields_take_precedence_over_the_text(tmp_path: Path) -> None:
    records = json.loads(_inspect_text(tmp_path, FIELDS, "--format", "json"))
    revenue, onboarding, failures, latency = records
    assert revenue["metric"] == "self-serve MRR" and revenue["unit"] == "USD"
    assert revenue["baseline"]["value"] == 40000 and revenue["baseline"]["source"] == "field"
    assert revenue["target"]["value"] == 60000 and revenue["target"]["currency"] == "USD"
    assert revenue["direction"] == "increase"
    assert revenue["deadline"] == {
        "text": "due 2026-05-31",
        "date": "2026-05-31",
        "source": "field",
    }
    # The text says 12 -> 8 days; the fields say 10 -> 4 and win.
    assert (onboarding["baseline"]["text"], onboarding["target"]["text"]) == ("10 days", "4 days")
    assert onboarding["direction"] == "decrease" and onboarding["fields"]["direction"] == "decrease"
    assert onboarding["deadline"]["source"] == "text"
    assert failures["direction"] == "maintain"
    assert (latency["baseline"]["text"], latency["target"]["text"]) == ("340 ms", "200 ms")
    assert latency["verb"] != "5"  # "p95" is not a "P9" priority label


def test_text_marks_fields_and_the_cycle_deadline(tmp_path: Path) -> None:
    output = _inspect_text(tmp_path, FIELDS)
    assert "metric: self-serve MRR (field)   direction: increase" in output
    assert "baseline: 40000 (field)   target: 60000 (field)   unit: USD (field)" in output
    assert "deadline: due 2026-05-31 (field)" in output
    assert "direction: decrease (field)" in output
    assert "deadline: by end of Q2 (2026-06-30)" in output
    # No deadline in the text and no `due`: the document's cycle sets it.
    assert "deadline: — (cycle 2026-Q2 ends 2026-06-30)" in output
    records = json.loads(_inspect_text(tmp_path, FIELDS, "--format", "json"))
    assert records[2]["deadline"] == {"text": None, "date": "2026-06-30", "source": "cycle"}
    assert records[2]["cycle"] == "2026-Q2"


def test_a_cycle_without_dates_is_named_without_an_end(tmp_path: Path) -> None:
    text = "cycle: FY26-Q2\nobjectives:\n  - title: T\n    key_results:\n      - Grow NPS to 40\n"
    assert "deadline: — (cycle FY26-Q2)" in _inspect_text(tmp_path, text)
