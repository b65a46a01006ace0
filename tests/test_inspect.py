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
    assert nps["deadline"] == {"text": "by end of Q2", "date": "2026-06-30"}
    assert (latency["baseline"]["text"], latency["target"]["text"]) == ("900 ms", "400 ms")
    assert latency["unit"] == "ms" and latency["direction"] == "decrease"
    assert latency["deadline"] is None
    assert launch["reads_as"]["task"] == "launch"
    assert (nps["line"], nps["column"]) == (5, 9)


def test_text_output_names_each_part(tmp_path: Path) -> None:
    output = _inspect(tmp_path)
    assert "baseline: 30   target: 45   unit: points" in output
    assert "deadline: by end of Q2 (2026-06-30)" in output
    assert "baseline: 900 ms   target: 400 ms   unit: ms" in output
    assert "reads as task: launch" in output
