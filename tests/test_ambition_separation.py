"""Issue-level behaviour of the ambition and separation rules, end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from okrlint.cli import main


def _check(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)


def test_a_payout_link_is_an_error_with_its_coaching(tmp_path: Path) -> None:
    path = tmp_path / "okrs.yaml"
    path.write_text(
        "cycle: 2026-Q4\nowner: Sales\nobjectives:\n"
        "  - title: Win the mid-market\n    key_results:\n"
        "      - Hit 110% of quota so the team qualifies for the Q4 payout\n"
        "      - Grow new ARR from $1.6M to $2.2M\n",
        encoding="utf-8",
    )
    code, report = _check(str(path))
    assert code == 1
    found = [f for f in report["findings"] if f["code"] == "P502"]
    assert len(found) == 1
    finding = found[0]
    assert finding["severity"] == "error"
    assert finding["range"]["start"] == {"line": 6, "column": 9}
    assert "Goodhart" in finding["coaching"]["why"]
    assert finding["coaching"]["fix"] and finding["coaching"]["example"]["after"]
    assert "payout" in finding["message"]
    assert finding["suggestion"] == "Hit 110% of quota"  # the link goes, the result stays


def _cycle(tmp_path: Path, name: str, cycle: str, score: float) -> Path:
    path = tmp_path / name
    path.write_text(
        f"cycle: {cycle}\nowner: Growth\nobjectives:\n"
        "  - title: Win the mid-market\n    key_results:\n"
        f"      - {{title: Raise ARR from $2M to $3M, score: {score}}}\n"
        f"      - {{title: Lift win rate from 18% to 25%, score: {score}}}\n",
        encoding="utf-8",
    )
    return path


def test_two_cycles_of_the_same_owner_scored_in_full_report_sandbagging(tmp_path: Path) -> None:
    first = _cycle(tmp_path, "2026-Q1.yaml", "2026-Q1", 1.0)
    second = _cycle(tmp_path, "2026-Q2.yaml", "2026-Q2", 1.0)
    _code, report = _check(str(first), str(second))
    found = [f for f in report["findings"] if f["code"] == "A405"]
    assert [f["path"].rsplit("/", 1)[-1] for f in found] == ["2026-Q2.yaml"]
    assert "Growth averaged 1.00 in 2026-Q1 and 1.00 in 2026-Q2" in found[0]["message"]


def test_every_aspirational_kr_at_full_score_in_one_file_is_sandbagging(tmp_path: Path) -> None:
    path = tmp_path / "okrs.yaml"
    path.write_text(
        "cycle: 2026-Q1\nobjectives:\n  - title: Win\n    type: aspirational\n    key_results:\n"
        "      - {title: Raise ARR from $2M to $3M, score: 1.0}\n"
        "      - {title: Lift win rate from 18% to 25%, score: 1}\n",
        encoding="utf-8",
    )
    _code, report = _check(str(path), "--select", "A405")
    assert [f["code"] for f in report["findings"]] == ["A405"]


def test_consecutive_high_averages_across_files_report_sandbagging(tmp_path: Path) -> None:
    first = _cycle(tmp_path, "a.yaml", "2026-Q1", 0.96)
    second = _cycle(tmp_path, "b.yaml", "2026-Q2", 0.97)
    _code, report = _check(str(first), str(second))
    found = [f for f in report["findings"] if f["code"] == "A405"]
    assert len(found) == 1 and found[0]["path"].endswith("b.yaml")
    assert "2026-Q1" in found[0]["message"] and "2026-Q2" in found[0]["message"]


def test_realistic_scores_are_not_sandbagging(tmp_path: Path) -> None:
    first = _cycle(tmp_path, "a.yaml", "2026-Q1", 0.7)
    second = _cycle(tmp_path, "b.yaml", "2026-Q2", 0.96)
    _code, report = _check(str(first), str(second), "--select", "A405")
    assert report["findings"] == []


def test_percent_scoring_is_read_from_the_document(tmp_path: Path) -> None:
    path = tmp_path / "okrs.yaml"
    path.write_text(
        "cycle: 2026-Q1\nowner: Growth\nscoring: percent\nobjectives:\n"
        "  - title: Win\n    type: aspirational\n    key_results:\n"
        "      - {title: Raise ARR from $2M to $3M, score: 100}\n"
        "      - {title: Lift win rate from 18% to 25%, score: 100}\n",
        encoding="utf-8",
    )
    _code, report = _check(str(path), "--select", "A405,E002")
    assert [f["code"] for f in report["findings"]] == ["A405"]


def test_corpus_precision_and_recall_meet_the_bar() -> None:
    from okrlint.eval import evaluate, read_corpus

    scores = evaluate(read_corpus(pattern="ambition_separation.jsonl"))
    for code in (
        "A401",
        "A402",
        "A403",
        "A404",
        "A405",
        "A406",
        "P501",
        "P502",
        "P503",
        "C601",
        "C604",
    ):
        score = scores[code]
        assert score.precision >= 0.90, (code, score.precision, score.false_positives)
        assert score.recall >= 0.80, (code, score.recall, score.false_negatives)


def test_precision_traps_stay_silent() -> None:
    from okrlint.api import lint_text

    traps = [
        "Increase the share of customers who pay annually",
        "Reduce payroll errors for our clients",
        "Grow adoption of the bonus feature in our rewards app",
        "Raise App Store review rating from 4.1 to 4.6",
        "Grow promotion redemption rate",
        "Increase course completion on our learning platform",
        "Reduce new-hire time to first merged PR",
        "Double revenue while keeping churn under 2%",
    ]
    body = "".join(f"      - {trap}\n" for trap in traps)
    report = lint_text(f"cycle: 2026-Q2\nobjectives:\n  - title: Grow\n    key_results:\n{body}")
    separation = [f for f in report.findings if f.code in ("P501", "P502", "P503", "A401")]
    assert separation == []


def test_p503_quotes_the_role_as_written() -> None:
    from okrlint.api import lint_text

    text = (
        "cycle: 2026-Q3\nobjectives:\n  - title: Grow the pipeline\n    key_results:\n"
        "      - Each AE books 15 discovery calls a week\n      - Win rate from 20% to 24%\n"
    )
    messages = [f.message for f in lint_text(text, path="okrs.yaml").findings if f.code == "P503"]
    assert messages and "each AE individually" in messages[0]
