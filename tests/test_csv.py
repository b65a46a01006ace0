"""CSV and TSV OKR files: layouts, cell spans, metadata columns, bad input."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from okrlint import lint_text
from okrlint.loaders import format_for, load
from okrlint.models import OKRDocument
from okrlint.sources import discover, load_bytes


def _doc(text: str, name: str = "okrs.csv") -> OKRDocument:
    result = load(text, name, format_for(name) or "csv")
    assert result.document is not None, result.diagnostics
    return result.document


def _outline(document: OKRDocument) -> list[tuple[str, list[str]]]:
    return [(o.title, [kr.title for kr in o.key_results]) for o in document.objectives]


def test_span_covers_the_cell_text_inside_its_quotes() -> None:
    text = 'Objective,Key Result\nShip faster,"Cut deploy time, p95, to 12 min"\n'
    document = _doc(text)
    kr = document.objectives[0].key_results[0]
    assert kr.title == "Cut deploy time, p95, to 12 min"
    assert kr.span is not None
    line = text.split("\n")[kr.span.start.line - 1]
    assert line[kr.span.start.column - 1 : kr.span.end.column - 1] == kr.title


def test_blank_objective_cell_continues_the_objective_above() -> None:
    text = (
        "Objective,Key Result,Owner\n"
        "Grow revenue,Lift ARR from 1M to 2M,Ana\n"
        ",Win 20 new logos,Ben\n"
        "Keep customers,Lower churn from 6% to 4%,Ana\n"
    )
    assert _outline(_doc(text)) == [
        ("Grow revenue", ["Lift ARR from 1M to 2M", "Win 20 new logos"]),
        ("Keep customers", ["Lower churn from 6% to 4%"]),
    ]


def test_metadata_columns_are_fields_not_key_results() -> None:
    text = (
        "Objective,Key Result,Owner,Status,Score,Progress,Weight,Target\n"
        "Grow revenue,Lift ARR from 1M to 2M,Ana,on track,0.6,40%,30%,2000000\n"
    )
    objective = _doc(text).objectives[0]
    assert len(objective.key_results) == 1
    kr = objective.key_results[0]
    assert (kr.owner, kr.score, kr.progress, kr.weight, kr.target) == (
        "Ana",
        0.6,
        0.4,
        0.3,
        2000000,
    )
    assert kr.model_extra == {"status": "on track"}


def test_a_wrong_value_in_a_metadata_column_is_an_e002_at_its_cell() -> None:
    text = "Objective,Key Result,Confidence\nGrow revenue,Lift ARR from 1M to 2M,very\n"
    result = load(text, "okrs.csv", "csv")
    (diagnostic,) = [d for d in result.diagnostics if d.code == "E002"]
    assert "confidence" in diagnostic.message
    assert (diagnostic.span.start.line, diagnostic.span.start.column) == (2, 37)


def test_kr_columns_give_one_objective_per_row_and_kr_n_target_is_a_field() -> None:
    text = (
        "Objective\tKR1\tKR2\tKR1 Target\n"
        "Ship faster\tCut deploy time to 12 min\tHalve rollbacks\t12\n"
    )
    objective = _doc(text, "okrs.tsv").objectives[0]
    assert [kr.title for kr in objective.key_results] == [
        "Cut deploy time to 12 min",
        "Halve rollbacks",
    ]
    assert objective.key_results[0].target == 12
    assert objective.key_results[1].target is None


def test_numbered_lines_in_one_cell_are_separate_key_results_with_their_own_lines() -> None:
    text = 'Objective;Key Results\nShip faster;"1. Cut deploy time to 12 min\n2. Halve rollbacks"\n'
    krs = _doc(text).objectives[0].key_results
    assert [(kr.title, kr.span.start.line if kr.span else 0) for kr in krs] == [
        ("Cut deploy time to 12 min", 2),
        ("Halve rollbacks", 3),
    ]


def test_typed_rows_follow_the_id_not_the_row_order() -> None:
    text = (
        "ID,Type,Title\n"
        "T-1,Objective,Grow revenue\n"
        "T-2.1,KR,Lower churn from 6% to 4%\n"
        "T-1.1,KR,Lift ARR from 1M to 2M\n"
        "T-2,Objective,Keep customers\n"
    )
    assert _outline(_doc(text)) == [
        ("Grow revenue", ["Lift ARR from 1M to 2M"]),
        ("Keep customers", ["Lower churn from 6% to 4%"]),
    ]


def test_a_goal_column_alone_is_not_an_objective_column() -> None:
    assert (
        _outline(load("Player,Goals\nAda,14\n", "s.csv", "csv").document or _doc("Objective\n"))
        == []
    )
    assert _outline(_doc("Goal,KR\nGrow revenue,Lift ARR from 1M to 2M\n")) == [
        ("Grow revenue", ["Lift ARR from 1M to 2M"])
    ]


def test_unterminated_quote_is_an_e001_where_it_opens_and_earlier_rows_are_read() -> None:
    text = 'Objective,Key Result\nGrow revenue,Lift ARR to 2M\nKeep customers,"Lower churn\n'
    result = load(text, "okrs.csv", "csv")
    (error,) = [d for d in result.diagnostics if d.code == "E001"]
    assert "unterminated" in error.message
    assert (error.span.start.line, error.span.start.column) == (3, 16)
    assert result.document is not None
    assert _outline(result.document) == [("Grow revenue", ["Lift ARR to 2M"])]


def test_ragged_rows_are_one_e002_at_the_first_cell_past_the_header() -> None:
    text = (
        "Objective,Key Result,Owner\nGrow revenue,Lift ARR to 2M,Smith, Ana\n,Win 20 logos,Li,x\n"
    )
    result = load(text, "okrs.csv", "csv")
    (error,) = [d for d in result.diagnostics if d.code == "E002"]
    assert "4 cells" in error.message and "1 more" in error.message
    assert (error.span.start.line, error.span.start.column) == (2, 35)


def test_binary_and_oversized_csv_are_located_e001s() -> None:
    binary = load_bytes(b"Objective,KR\nA,\x00B\n", "okrs.csv", "csv", 1_000_000)
    assert [(d.code, d.span.start.line, d.span.start.column) for d in binary.diagnostics] == [
        ("E001", 2, 3)
    ]
    huge = load_bytes(b"Objective,KR\n" * 100, "okrs.csv", "csv", 100)
    assert [d.code for d in huge.diagnostics] == ["E001"]


def test_garbage_never_raises() -> None:
    rng = random.Random(8)
    alphabet = 'ab ,;\t"\n\r|KR Objective Owner 1.%'
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        for fmt in ("csv", "tsv"):
            load(text, f"x.{fmt}", fmt)  # a finding at worst, never an exception


def test_lint_text_points_findings_at_the_cell() -> None:
    text = (
        "Objective,Key Result\nGrow revenue,Launch the new pricing page\n,Lift ARR from 1M to 2M\n"
    )
    report = lint_text(text, format="csv", path="okrs.csv")
    o101 = [f for f in report.findings if f.code == "O101"]
    assert [(f.range.start.line, f.range.start.column) for f in o101] == [(2, 14)]


def test_walk_picks_okr_sheets_and_skips_other_csv(tmp_path: Path) -> None:
    (tmp_path / "okrs.csv").write_text("Objective,Key Result\nGrow revenue,Lift ARR to 2M\n")
    (tmp_path / "stats.csv").write_text("Player,Goals\nAda,14\n")
    (tmp_path / "tasks.csv").write_text("Objective,Task\nGrow revenue,Write the pricing page\n")
    assert [p.name for p, _fmt in discover([tmp_path]).files] == ["okrs.csv"]


@pytest.mark.parametrize("name", ["okrs.csv", "okrs.tsv"])
def test_check_reads_csv_from_stdin(name: str, cli) -> None:  # type: ignore[no-untyped-def]
    sep = "\t" if name.endswith("tsv") else ","
    data = f"Objective{sep}Key Result\nGrow revenue{sep}Launch the pricing page\n"
    run = cli("check", "-", "--stdin-filename", name, "--no-hints", input=data.encode())
    assert f"{name}:2:14: O101" in run.stdout


def test_rows_wrapped_whole_in_quotes_are_read_inside_them_with_exact_columns() -> None:
    # A sheet saved as one column: each row one quoted field holding the real row.
    text = (
        '"OKR_ID,Objective,Owner,Comments"\n'
        '"O1,Cut the time to a first invoice,Ana,""on track"""\n'
        '"O2,Win back the teams that left,""Bo"",""two paused"""\n'
    )
    document = _doc(text)
    assert _outline(document) == [
        ("Cut the time to a first invoice", []),
        ("Win back the teams that left", []),
    ]
    lines = text.split("\n")
    for objective in document.objectives:
        span = objective.span
        assert span is not None
        row = lines[span.start.line - 1]
        assert row[span.start.column - 1 : span.end.column - 1] == objective.title
    # A one-column sheet whose header holds no delimiter is left as it is.
    single = _doc('"Objective"\n"Grow revenue, margin and reach"\n')
    assert [o.title for o in single.objectives] == ["Grow revenue, margin and reach"]


def test_summary_and_legend_rows_under_a_sheet_are_no_objectives() -> None:
    text = (
        "Objective,Key result,Owner,Progress\n"
        "Make checkout effortless,Checkout conversion from 2.1% to 2.8%,Nora,43%\n"
        ",Payment failures below 1.5% of attempts,Felix,71%\n"
        ",,,\n"
        "TOTAL,,,57%\n"
        "\"Scores: 0.0-1.0, updated on the last Friday of each month\",,,\n"
    )
    result = load(text, "okrs.csv", "csv")
    assert result.document is not None
    assert [(o.title, len(o.key_results)) for o in result.document.objectives] == [("Make checkout effortless", 2)]
