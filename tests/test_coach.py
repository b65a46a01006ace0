"""`okrlint coach`: report cards from check's findings, golden text and Markdown, JSON schema."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import Run

from okrlint import api
from okrlint.coach import as_text, data
from okrlint.coach.attribution import place
from okrlint.coach.data import ScoreWeights
from okrlint.coach.run import run as coach_run
from okrlint.coach.scoring import total
from okrlint.config import Settings
from okrlint.loaders import load
from okrlint.nlp import Analyzer
from okrlint.resources import data_dir

CliRun = Callable[..., Run]
REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden" / "coach"
SCHEMA = json.loads((REPO / "okrlint" / "coach" / "coach-v1.schema.json").read_text("utf-8"))
UPDATE = os.environ.get("OKRLINT_UPDATE_GOLDEN") == "1"  # rewrite the golden files instead

# (name, paths, --today): the bundled examples mid-cycle, and a tracked quarter after its end.
RUNS = {
    "examples": (["examples/"], "2026-05-20"),
    "checkins": (["tests/golden/coach/checkins/"], "2026-07-10"),
}


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)  # paths in the output are relative, as a user would type them
    return REPO


def coach_json(cli: CliRun, *args: str) -> dict[str, Any]:
    run = cli("coach", "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    document = json.loads(run.stdout)
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft202012Validator)
    return document


def card(document: dict[str, Any], title: str) -> dict[str, Any]:
    (found,) = [c for c in document["objectives"] if c["title"] == title]
    return found


# -- golden files ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(RUNS))
@pytest.mark.parametrize(("output_format", "suffix"), [("text", "txt"), ("markdown", "md")])
def test_output_matches_the_golden_file(
    cli: CliRun, in_repo: Path, name: str, output_format: str, suffix: str
) -> None:
    paths, today = RUNS[name]
    run = cli("coach", "--format", output_format, "--today", today, *paths)
    assert run.exit_code == 0, run.stderr
    golden = GOLDEN / f"{name}.{suffix}"
    if UPDATE:
        golden.write_text(run.stdout, encoding="utf-8")
    assert run.stdout == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs; if the change is intended, rerun with OKRLINT_UPDATE_GOLDEN=1"
    )


@pytest.mark.parametrize("name", sorted(RUNS))
def test_json_follows_the_schema(cli: CliRun, in_repo: Path, name: str) -> None:
    paths, today = RUNS[name]
    document = coach_json(cli, "--today", today, *paths)
    assert document["schema"] == "okrlint-coach/v1"
    keys = [(c["path"], c["line"]) for c in document["objectives"]]
    assert keys == sorted(keys)


def test_the_schema_rejects_what_the_contract_forbids(cli: CliRun, in_repo: Path) -> None:
    document = coach_json(cli, "--today", "2026-05-20", "examples/good")
    validator = jsonschema.Draft202012Validator(SCHEMA)
    broken = json.loads(json.dumps(document))
    broken["objectives"][0]["score"] = 101
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(document))
    del broken["objectives"][0]["questions"]
    assert not validator.is_valid(broken)


# -- the acceptance -------------------------------------------------------------------
def test_every_good_objective_scores_above_every_bad_one(cli: CliRun, in_repo: Path) -> None:
    document = coach_json(cli, "--today", "2026-05-20", "examples/")
    scores = {"good": [], "bad": []}
    for c in document["objectives"]:
        scores[c["path"].split("/")[1]].append((c["score"], c["title"]))
    assert len(scores["good"]) == 10 and len(scores["bad"]) == 16
    print(f"\ngood: {sorted(scores['good'])}\nbad: {sorted(scores['bad'])}")
    assert min(scores["good"])[0] > max(scores["bad"])[0]


def test_a_card_for_every_objective(cli: CliRun, in_repo: Path) -> None:
    document = coach_json(cli, "--today", "2026-05-20", "examples/")
    report = api.lint_paths(["examples/"])
    assert len(document["objectives"]) == report.objectives == document["summary"]["objectives"]
    for c in document["objectives"]:
        assert c["questions"] and c["breakdown"]
        assert sum(d["points"] for d in c["breakdown"]) == pytest.approx(c["score"], abs=0.51)


def test_checked_in_file_past_its_dates_lists_hygiene_and_at_risk_key_results(
    cli: CliRun, in_repo: Path
) -> None:
    document = coach_json(
        cli, "--today", "2026-07-10", "tests/golden/coach/checkins/checkins-2026-Q2.yaml"
    )
    win = card(document, "Win the mid-market")
    assert {h["code"] for h in win["hygiene"]} == {"H701", "H702"}
    at_risk = [kr for kr in win["progress"]["key_results"] if kr["at_risk"]]
    # KR3 ended 71% of the way on an aspirational objective: a healthy result, not a risk
    assert [kr["line"] for kr in at_risk] == [11]
    for kr in at_risk:
        assert kr["question"]["text"] and kr["title"][:20] in kr["question"]["text"]
        assert kr["question"] in win["questions"]
    assert any("confidence fell from 0.6 to 0.4" in r for r in at_risk[0]["reasons"])
    assert win["progress"]["state"] == "ended"
    guidance = win["progress"]["guidance"]
    assert guidance[0] == data.texts().grading["aspirational"]
    assert sum("Record what was learned" in g for g in guidance) == 1  # KR1 (KR2 0.7, KR3 71%: healthy)
    # the cycle is over: no "where does it stand this week?", and the heading says review
    assert not any("this week" in q["text"] for q in win["questions"])


def test_sandbagging_signal_when_every_stretch_result_scored_one(
    cli: CliRun, in_repo: Path
) -> None:
    document = coach_json(cli, "--today", "2026-07-10", "tests/golden/coach/checkins/")
    q1 = [c for c in document["objectives"] if c["cycle"] == "2026-Q1"][0]
    assert data.texts().grading["all-met"] in q1["progress"]["guidance"]
    assert data.questions()["A405"].questions[0].text in [q["text"] for q in q1["questions"]]
    committed = card(document, "Make support a reason to stay")  # 1.0 is what committed means
    assert data.texts().grading["all-met"] not in committed["progress"]["guidance"]


def test_scores_move_from_cycle_to_cycle_per_owner(cli: CliRun, in_repo: Path) -> None:
    document = coach_json(cli, "--today", "2026-07-10", "tests/golden/coach/checkins/")
    (trend,) = document["summary"]["trends"]
    assert trend["owner"] == "growth"
    by_cycle: dict[str, list[int]] = {}
    for c in document["objectives"]:
        by_cycle.setdefault(c["cycle"], []).append(c["score"])
    assert [c["cycle"] for c in trend["cycles"]] == ["2026-Q1", "2026-Q2"]
    for step in trend["cycles"]:
        scores = by_cycle[step["cycle"]]
        assert step["score"] == round(sum(scores) / len(scores))


# -- the score ----------------------------------------------------------------------------------
def objective_with(
    defective: int, total_krs: int = 4, defect: str = "Publish {n} blog posts"
) -> str:
    good = [
        "Raise trial conversion from 4% to 7%",
        "Cut median first response from 9 hours to 2 hours",
        "Grow weekly active teams from 1,200 to 1,800",
        "Lift CSAT from 78% to 88%",
    ]
    krs = [defect.format(n=n + 10) for n in range(defective)] + good[: total_krs - defective]
    lines = ["cycle: 2026-Q2", "objectives:", "  - title: Win the mid-market", "    key_results:"]
    return "\n".join(lines + [f"      - {kr}" for kr in krs]) + "\n"


def coach_text(text: str, today: str = "2026-05-20") -> Any:
    import datetime as dt

    settings = Settings(today=dt.date.fromisoformat(today))
    return coach_run([load(text, "okrs.yaml", "yaml")], settings)


@pytest.mark.parametrize(
    "defect", ["Publish {n} blog posts", "Improve onboarding", "Reach {n}0 page views"]
)
def test_score_falls_as_the_share_of_defective_key_results_rises(defect: str) -> None:
    scores = [coach_text(objective_with(k, defect=defect)).objectives[0].score for k in range(5)]
    assert scores[0] == 100
    assert all(a > b for a, b in zip(scores, scores[1:], strict=False)), scores


def test_a_task_costs_outcome_focus_not_measurability_too() -> None:
    # A done-or-not deliverable is measurable (RUBRIC.md): its one flaw is being a task.
    (card_,) = coach_text(objective_with(1, defect="Launch the partner portal")).objectives
    by_key = {d.key: d.points for d in card_.breakdown}
    assert by_key["outcome"] < 30 and by_key["measurability"] == 25
    # A task that names no done-condition either still loses measurability.
    (vague,) = coach_text(objective_with(1, defect="Improve onboarding")).objectives
    assert {d.key: d.points for d in vague.breakdown}["measurability"] < 25


def test_an_objective_without_key_results_scores_low() -> None:
    text = "cycle: 2026-Q2\nobjectives:\n  - title: Relaunch the brand\n"
    (only,) = coach_text(text).objectives
    by_key = {d.key: d.points for d in only.breakdown}
    assert by_key["outcome"] == by_key["measurability"] == by_key["ambition"] == 0
    assert only.score < 40


def test_weights_are_data(monkeypatch: pytest.MonkeyPatch) -> None:
    results = [load(objective_with(2), "okrs.yaml", "yaml")]
    report = api.lint_results(results, Settings())
    placed, _ = place(report.findings, [r.document for r in results if r.document])
    findings = placed[("okrs.yaml", 0)]
    weights = data.profile().score
    raw = weights.model_dump(by_alias=True)
    for dimension in raw["dimensions"]:  # move ten points from focus to outcome
        dimension["weight"] += {"outcome": 5, "focus": -5}.get(dimension["key"], 0)
    heavier = ScoreWeights.model_validate(raw)
    assert total(findings, 4, heavier) < total(findings, 4, weights)
    raw["dimensions"][0]["weight"] += 1
    with pytest.raises(ValueError, match="add up to 101"):
        ScoreWeights.model_validate(raw)


def test_the_score_is_the_breakdown_it_shows_added_up() -> None:
    from okrlint.coach.model import DimensionScore
    from okrlint.coach.scoring import score

    shown = [("a", 22.1, 30), ("b", 22.0, 25), ("c", 13.2, 15), ("d", 2.3, 15), ("e", 5.0, 5)]
    parts = [DimensionScore(key=k, label=k, points=p, max=m, findings=0) for k, p, m in shown]
    assert score(parts) == 65  # 64.6 shown, never 64 from an unrounded 64.46
    assert score(parts[:1]) == 22 and score([parts[3], parts[4]]) == 7  # 7.3


def test_a_rule_can_be_priced_apart_from_its_severity() -> None:
    text = (
        "cycle: 2026-Q2\nobjectives:\n  - title: Grow\n    key_results:\n"
        "      - Reach 10,000 paying customers\n      - Cut churn from 4% to 3%\n"
    )
    results = [load(text, "okrs.yaml", "yaml")]
    report = api.lint_results(results, Settings())
    assert [f.code for f in report.findings] == ["M203"]  # an info finding in `check`
    placed, _ = place(report.findings, [r.document for r in results if r.document])
    findings = placed[("okrs.yaml", 0)]
    weights = data.profile().score
    raw = weights.model_dump(by_alias=True)
    raw["price"] = {}
    by_severity = ScoreWeights.model_validate(raw)
    assert weights.cost("info", "M203") > by_severity.cost("info", "M203")
    assert total(findings, 2, weights) < total(findings, 2, by_severity)


def test_improvements_are_ordered_by_impact_with_rewrites(cli: CliRun, in_repo: Path) -> None:
    document = coach_json(cli, "--today", "2026-05-20", "examples/bad")
    limit = data.profile().report.improvements
    for c in document["objectives"]:
        impacts = [i["impact"] for i in c["improvements"]]
        assert len(impacts) <= limit and impacts == sorted(impacts, reverse=True)
        for item in c["improvements"]:
            assert (item["kind"] == "template") == ("<" in item["rewrite"])
            if item["kind"] == "example":  # no rewrite for this text: the rule's own example
                rule = api.default_rulebook().get(item["code"])
                assert rule is not None and item["rewrite"] == rule.coaching.example.after
    people = card(document, "Make this the best place to work in the city")
    first = people["improvements"][0]
    assert first["code"] == "P502" and first["kind"] == "rewrite"  # the pay link costs most
    report = api.lint_paths(["examples/bad/people-team.txt"], Settings())
    (pay,) = [f for f in report.findings if f.code == "P502"]
    assert first["rewrite"] == pay.suggestion and first["message"] == pay.message


# -- questions -----------------------------------------------------------------------------------
def test_questions_are_chosen_from_the_findings(cli: CliRun, in_repo: Path) -> None:
    document = coach_json(cli, "--today", "2026-05-20", "examples/bad")
    sets = data.questions()
    people = card(document, "Make this the best place to work in the city")
    texts = [q["text"] for q in people["questions"]]
    assert sets["P502"].questions[0].text in texts  # "How will we keep this goal safe to miss?"
    task = sets["O101"].questions[0].text.format(text="Roll out the new HRIS")
    assert task in texts
    stages = ["goal", "reality", "options", "will"]
    for c in document["objectives"]:
        order = [stages.index(q["stage"]) for q in c["questions"]]
        assert order == sorted(order), "questions are listed in GROW order"
        assert len(c["questions"]) <= data.profile().report.questions


def test_every_question_file_is_complete() -> None:
    sets = data.questions()
    book = api.default_rulebook()
    for rule in book:
        assert rule.code in sets, f"no questions for {rule.code}"
        if rule.code not in ("E001",):
            assert sets[rule.code].theme, f"no summary theme for {rule.code}"
    for situation in ("general", "retrospective"):
        assert {q.stage for q in sets[situation].questions} == {
            "goal",
            "reality",
            "options",
            "will",
        }
    for key, found in sets.items():
        for question in found.questions:
            assert set(re.findall(r"{(\w*)}", question.text)) <= {"text"}, key
            assert question.text.rstrip().endswith("?"), f"{key}: not a question"
    files = {p.stem for p in (data_dir("corpora") / "questions").glob("*.yaml")}
    categories = {rule.category for rule in book}
    assert categories <= files, "one question file per rule family"


# -- the run -----------------------------------------------------------------------------------
def test_output_does_not_depend_on_the_order_of_the_files(cli: CliRun, in_repo: Path) -> None:
    orders = [
        ["examples/good", "examples/bad"],
        [
            "examples/bad/sales-team.yaml",
            "examples/good",
            "examples/bad/people-team.txt",
            "examples/bad/marketing.md",
        ],
    ]
    for output_format in ("json", "html", "text", "markdown"):
        outputs = {
            cli("coach", "--format", output_format, "--today", "2026-05-20", *paths).stdout
            for paths in orders
        }
        assert len(outputs) == 1, output_format


def test_coach_reads_checks_findings_without_a_second_analysis(
    in_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[int] = []
    original = Analyzer.analyze

    def counting(self: Analyzer, texts: Any) -> None:
        pending = [t for t in texts if t not in self._cache]
        parsed.append(len(set(pending)))
        original(self, pending)

    monkeypatch.setattr(Analyzer, "analyze", counting)
    results = [
        load(Path(p).read_text("utf-8"), p, "yaml") for p in ["examples/bad/sales-team.yaml"]
    ]
    api._analyzer.cache_clear()
    api.lint_results(results, Settings())
    by_check = sum(parsed)
    parsed.clear()
    api._analyzer.cache_clear()
    results = [
        load(Path(p).read_text("utf-8"), p, "yaml") for p in ["examples/bad/sales-team.yaml"]
    ]
    coach_text_settings = Settings(today=__import__("datetime").date(2026, 5, 20))
    coach_run(results, coach_text_settings)
    api._analyzer.cache_clear()
    assert by_check > 0 and sum(parsed) == by_check  # every text parsed once, as by check


def test_the_score_says_it_rates_writing_not_people(cli: CliRun, in_repo: Path) -> None:
    run = cli("coach", "--today", "2026-05-20", "examples/")
    note = " ".join(data.texts().note.split())
    assert "never" in note or "nothing about the people" in note
    assert " ".join(run.stdout.split()).count(note) == 1


def test_objectives_are_listed_in_file_order_never_ranked(cli: CliRun, in_repo: Path) -> None:
    document = coach_json(cli, "--today", "2026-05-20", "examples/")
    scores = document["summary"]["scores"]
    assert [(s["path"], s["line"]) for s in scores] == sorted(
        (s["path"], s["line"]) for s in scores
    )
    assert [s["score"] for s in scores] != sorted((s["score"] for s in scores), reverse=True)


def test_themes_count_recurring_problems(cli: CliRun, in_repo: Path) -> None:
    document = coach_json(cli, "--today", "2026-05-20", "examples/")
    report = api.lint_paths(["examples/"], Settings())
    tasks = {(f.path, f.range.start.line) for f in report.findings if f.code == "O101"}
    (theme,) = [t for t in document["summary"]["themes"] if t["code"] == "O101"]
    assert theme["count"] == len(tasks) and theme["total"] == report.key_results
    assert theme["text"].startswith(f"{len(tasks)} of {report.key_results} key results")


def test_output_option_writes_the_file(cli: CliRun, write: Callable[..., Path]) -> None:
    write("okrs.yaml", objective_with(1))
    run = cli(
        "coach", "--format", "markdown", "--today", "2026-05-20", "-o", "report.md", "okrs.yaml"
    )
    assert run.exit_code == 0 and run.stdout == ""
    assert Path("report.md").read_text("utf-8").startswith("# OKR coaching report")
    run = cli("coach", "--today", "2026-05-20", "-o", "missing/dir/report.md", "okrs.yaml")
    assert run.exit_code == 2 and len(run.stderr_lines) == 1


@pytest.mark.parametrize(
    "args", [[], ["nowhere.yaml"], ["--format", "pdf", "okrs.yaml"], ["empty"]]
)
def test_usage_errors_are_one_line(
    cli: CliRun, write: Callable[..., Path], args: list[str]
) -> None:
    write("okrs.yaml", objective_with(1))
    write("empty/README.md", "# Nothing here\n")
    run = cli("coach", *args)
    assert run.exit_code == 2 and len(run.stderr_lines) == 1, run.stderr
    assert run.stderr.startswith("okrlint: error:")


def test_a_file_that_does_not_parse_is_reported_not_raised(
    cli: CliRun, write: Callable[..., Path]
) -> None:
    write("okrs/good.yaml", objective_with(0))
    write("okrs/broken.yaml", "objectives:\n  - title: Ship v2: faster\n    key_results: [\n")
    document = coach_json(cli, "--today", "2026-05-20", "okrs/good.yaml", "okrs/broken.yaml")
    assert document["summary"]["unreadable"] == ["okrs/broken.yaml"]
    assert len(document["objectives"]) == 1


def test_explain_score_prints_the_weights_from_data(cli: CliRun) -> None:
    run = cli("coach", "--explain-score")
    assert run.exit_code == 0
    for dimension in data.profile().score.dimensions:
        assert f"{dimension.label} ({dimension.weight:g} points" in run.stdout


def test_colour_only_when_asked(cli: CliRun, in_repo: Path) -> None:
    plain = cli("coach", "--today", "2026-05-20", "examples/good")
    assert "\x1b[" not in plain.stdout  # not a terminal
    report = coach_text(objective_with(2))
    coloured = as_text.render(report, colour=True)
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[\d;]*m", "", coloured) == as_text.render(report)


def test_text_from_the_files_is_escaped_in_markdown_and_html(
    cli: CliRun, write: Callable[..., Path]
) -> None:
    title = '<script>alert("x")</script> | *grow* & [win](http://example.com)'
    text = objective_with(1).replace("Win the mid-market", json.dumps(title))
    write("okrs.yaml", text)
    page = cli("coach", "--format", "html", "--today", "2026-05-20", "okrs.yaml").stdout
    assert "<script" not in page and "&lt;script&gt;" in page
    assert 'href="http' not in page
    markdown = cli("coach", "--format", "markdown", "--today", "2026-05-20", "okrs.yaml").stdout
    assert "<script" not in markdown and not re.search(r"(?<!\\)\]\(http", markdown)
    heading = next(line for line in markdown.splitlines() if line.startswith("## &lt;"))
    assert "\\|" in heading and "\\*grow\\*" in heading


def test_html_is_one_self_contained_accessible_page(cli: CliRun, in_repo: Path) -> None:
    page = cli("coach", "--format", "html", "--today", "2026-05-20", "examples/").stdout
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert '<meta name="viewport"' in page and "@media print" in page
    for external in (r"\bsrc=", r"<link\b", r"@import", r"url\(", r"https?://"):
        assert not re.search(external, page), external
    assert page.count("<h1>") == 1
    assert (
        page.count('class="card"')
        == 26
        == len(re.findall(r"<h2 id=\"objective-\d+-title\">", page))
    )


def test_the_correlation_benchmark_computes_spearman_with_ties() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "coach_correlation", REPO / "benchmarks" / "coach_correlation.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.spearman([1, 2, 3, 4], [40, 30, 20, 10]) == pytest.approx(-1.0)
    assert bench.ranks([10, 20, 20, 30]) == [1.0, 2.5, 2.5, 4.0]
    # ranks 1, 2.5, 2.5, 4 against 1, 2, 3, 4: cov 4.5 / sqrt(4.5 * 5)
    assert bench.spearman([10, 20, 20, 30], [1, 2, 3, 4]) == pytest.approx(4.5 / (4.5 * 5) ** 0.5)


def test_an_objective_in_a_language_the_rules_do_not_read_is_not_rated(
    cli: CliRun, write: Callable[..., Path]
) -> None:
    # Dutch tasks would score 100 ("every key result describes a result") only because the
    # language rules stayed silent: the card says so instead, and the average leaves it out.
    write(
        "doelen.md",
        "# OKR 2026 Q2\n\n## Doelstelling 1: Klanten boeken zelf hun afspraak\n\n"
        "- Kernresultaat 1: Lanceer de nieuwe boekingspagina\n"
        "- Kernresultaat 2: Schrijf een handleiding voor de klinieken\n",
    )
    write("okrs.yaml", objective_with(1))
    document = coach_json(cli, "--today", "2026-05-20", "doelen.md", "okrs.yaml")
    dutch = card(document, "Klanten boeken zelf hun afspraak")
    assert dutch["score"] is None and "in Dutch" in dutch["not_rated"] and dutch["breakdown"] == []
    assert not any("result to reach" in s for s in dutch["strengths"])
    (english,) = [c for c in document["objectives"] if c is not dutch]
    assert english["score"] is not None and english["not_rated"] is None
    assert document["summary"]["average"] == english["score"]
    for fmt, said in (("text", "Not rated"), ("markdown", "**Not rated.**"), ("html", "Not rated.")):
        shown = cli("coach", "--format", fmt, "--today", "2026-05-20", "doelen.md").stdout
        assert said in shown and "100/100" not in shown
        assert "the wording was not read" in shown and "Nothing to change in how" not in shown


def test_targets_are_praised_only_where_there_are_some(cli: CliRun, write: Callable[..., Path]) -> None:
    # Two tasks with no number ask for no change: "the targets ask for real change" would be
    # praise for what is missing. With a target and no ambition finding, it is said.
    write(
        "okrs.md",
        "# OKR 2026 Q2\n\n## Objective 1: Clinics book without calling us\n\n"
        "- KR1: Launch the new booking page\n- KR2: Write a guide for the clinics\n\n"
        "## Objective 2: Patients find a slot fast\n\n"
        "- KR1: Raise online bookings from 30% to 45% of all bookings\n"
        "- KR2: Raise patient satisfaction with booking from 4.0 to 4.6\n",
    )
    document = coach_json(cli, "--today", "2026-05-20", "okrs.md")
    for praise in ("The targets ask for real change", "Nothing is pushed for speed or volume alone"):
        assert not any(praise in s for s in card(document, "Clinics book without calling us")["strengths"])
        assert any(praise in s for s in card(document, "Patients find a slot fast")["strengths"])


def test_each_objective_is_measured_against_its_own_cycle(cli: CliRun, tmp_path: Path) -> None:
    # This quarter's set above last quarter's graded one: the first is running, the second has
    # ended and gets grading guidance.
    (tmp_path / "okrs.md").write_text(
        "# Sales OKRs 2026\n\n## Q2 2026 (current)\n\n### O1: Reps ramp faster\n"
        "- KR1: Ramp time from 5 to 3 months\n- KR2: Win rate from 18% to 22%\n\n"
        "## Q1 2026 (closed)\n\n### O1: Build enablement\n"
        "- KR1: Onboarding NPS from 20 to 40 — 0.6\n- KR2: Ramp time from 6 to 5 months — 0.4\n",
        encoding="utf-8",
    )
    document = coach_json(cli, "--today", "2026-05-10", str(tmp_path / "okrs.md"))
    states = [(c["cycle"], c["progress"]["state"]) for c in document["objectives"]]
    assert states == [("2026-Q2", "running"), ("2026-Q1", "ended")]
    assert document["objectives"][1]["progress"]["guidance"]


def test_no_praise_for_results_or_targets_that_are_not_there(cli: CliRun, tmp_path: Path) -> None:
    # A key result waiting on another level states no result; the only figure is a pay link's.
    (tmp_path / "okrs.txt").write_text(
        "Cycle: 2026-Q2\n"
        "O: Grow partner marketing\n"
        "- Waiting for company OKRs before we set partner targets\n"
        "- Partner-sourced pipeline from $0.4M to $1M\n"
        "O: Make this the best place to work\n"
        "- Employees feel valued and heard\n"
        "- Tie 20% of each manager's bonus to engagement score\n",
        encoding="utf-8",
    )
    document = coach_json(cli, "--today", "2026-05-10", str(tmp_path / "okrs.txt"))
    texts = data.texts().strengths
    partner = card(document, "Grow partner marketing")
    assert texts["outcomes"] not in partner["strengths"]
    best = card(document, "Make this the best place to work")
    assert texts["stretch"] not in best["strengths"]


def test_findings_about_the_whole_plan_are_no_one_objectives(cli: CliRun, in_repo: Path) -> None:
    # Too many objectives or key results for an owner, no cycle in a file: listed once in the
    # summary, charged to no card (they landed on whichever objective crossed the count).
    document = coach_json(cli, "--today", "2026-05-20", "examples/")
    plan = {(n["path"], n["code"]) for n in document["summary"]["plan"]}
    assert ("examples/bad/sales-team.yaml", "F304") in plan
    assert ("examples/bad/sales-team.yaml", "F301") in plan
    assert ("examples/bad/people-team.txt", "M204") in plan
    for c in document["objectives"]:
        assert not {i["code"] for i in c["improvements"]} & {"F301", "F304", "M204"}, c["title"]
    assert card(document, "Keep the people we have")["breakdown"][2]["points"] == 10  # focus intact


def test_findings_that_together_empty_a_dimension_come_first(cli: CliRun, in_repo: Path) -> None:
    # Two individual scorecards take all of Separation: fixing either alone gains little while
    # the other remains, yet together they are the objective's largest loss.
    document = coach_json(cli, "--today", "2026-05-20", "examples/")
    hiring = card(document, "Hire great people faster")
    separation = next(b for b in hiring["breakdown"] if b["key"] == "separation")
    assert separation["points"] == 0
    first = hiring["improvements"][:2]
    assert [i["code"] for i in first] == ["P503", "P503"]
    assert sum(i["impact"] for i in first) == pytest.approx(separation["max"], abs=0.2)


_TRACKED = """\
cycle: 2026-Q2
objectives:
  - title: Win the mid-market
    type: aspirational
    key_results:
      - title: Raise trial-to-paid conversion from 4% to 7%
        due: 2026-06-30
        check_ins:
          - {{date: {first}, value: 4.1}}
      - title: Grow mid-market ARR from $2.1M to $3M
        due: 2026-06-30
{second}"""


def test_a_stale_reading_is_not_called_behind_before_the_key_result_is_due(cli: CliRun, write) -> None:
    # One reading six weeks old says little of today: H701 asks for a new one instead.
    write("okrs.yaml", _TRACKED.format(first="2026-04-07", second="        current: $2.2M\n"))
    stale = card(coach_json(cli, "--today", "2026-05-20", "okrs.yaml"), "Win the mid-market")
    rows = stale["progress"]["key_results"]
    assert [kr["at_risk"] for kr in rows] == [False, True]  # the fresh `current` is behind
    assert "H701" in {h["code"] for h in stale["hygiene"]}
    write("okrs.yaml", _TRACKED.format(first="2026-05-15", second="        current: $2.2M\n"))
    fresh = card(coach_json(cli, "--today", "2026-05-20", "okrs.yaml"), "Win the mid-market")
    assert [kr["at_risk"] for kr in fresh["progress"]["key_results"]] == [True, True]


def test_after_the_cycle_a_key_result_with_no_result_recorded_is_not_presumed_missed(
    cli: CliRun, write
) -> None:
    write("okrs.yaml", _TRACKED.format(first="2026-06-25", second="        check_ins: []\n"))
    ended = card(coach_json(cli, "--today", "2026-07-10", "okrs.yaml"), "Win the mid-market")
    guidance = ended["progress"]["guidance"]
    assert any("No final result is recorded for 'Grow mid-market ARR" in g for g in guidance)
    assert not any("learned from 'Grow mid-market ARR" in g for g in guidance)
    assert any("learned from 'Raise trial-to-paid" in g for g in guidance)
    texts = [q["text"] for q in ended["questions"]]
    assert not any("falling short on 'Grow mid-market ARR" in t for t in texts)


def test_strengths_are_claimed_only_where_they_can_be_seen(cli: CliRun, write) -> None:
    # Targets with no start show no "real change"; an effort count is volume pushed; a
    # person's own set is not praised for keeping personal development out.
    write(
        "okrs.yaml",
        "cycle: 2026-Q3\nscope: person\nobjectives:\n  - title: Find product-market fit\n"
        "    key_results:\n      - Talk to 50 customers\n      - Get 100 weekly active users\n",
    )
    strengths = card(coach_json(cli, "--today", "2026-08-01", "okrs.yaml"), "Find product-market fit")["strengths"]
    joined = " ".join(strengths)
    assert "real change" not in joined and "speed or volume" not in joined
    assert "personal development" not in joined


def test_fix_first_reaches_other_key_results_before_a_second_fix_to_one() -> None:
    # Ranked by impact: three fixes to key result 0 lead, one to key result 1 follows; the
    # card shows key result 1's before a third fix to key result 0, still in impact order.
    from okrlint.coach.attribution import Placed
    from okrlint.coach.build import _spread_over_key_results

    ranked = [Placed(finding=None, key_result=k) for k in (0, 0, 0, 1)]  # type: ignore[arg-type]
    chosen = _spread_over_key_results(ranked, 3)
    assert [p.key_result for p in chosen] == [0, 0, 1]
    assert chosen == [ranked[0], ranked[1], ranked[3]]
    assert _spread_over_key_results(ranked[:3], 3) == ranked[:3]  # no other key result: all three
