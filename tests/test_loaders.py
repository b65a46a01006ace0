"""The three loaders: what they understand, and spans that point at the exact title characters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import okrlint
from okrlint.api import lint_text
from okrlint.loaders import format_for, load
from okrlint.loaders.template import due_date
from okrlint.models import KeyResult, LoadResult, Objective, ObjectiveType, Scope, Scoring
from okrlint.sources import load_bytes


def _slice(text: str, node: Objective | KeyResult) -> str:
    """The source characters a node's span covers (single-line spans)."""
    span = node.span
    assert span is not None
    assert span.start.line == span.end.line, f"{node.title!r} spans several lines"
    line = text.split("\n")[span.start.line - 1]
    return line[span.start.column - 1 : span.end.column - 1]


def _assert_spans_cover_titles(text: str, result: LoadResult) -> None:
    assert result.document is not None
    for objective in result.document.objectives:
        assert _slice(text, objective) == objective.title
        for kr in objective.key_results:
            assert _slice(text, kr) == kr.title


def _outline(result: LoadResult) -> list[tuple[str, list[str]]]:
    assert result.document is not None
    return [(o.title, [kr.title for kr in o.key_results]) for o in result.document.objectives]


def _codes(result: LoadResult) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.start.line, d.span.start.column) for d in result.diagnostics]


# -- format detection -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("okrs.yaml", "yaml"),
        ("okrs.yml", "yaml"),
        ("OKRS.YAML", "yaml"),
        ("team.md", "markdown"),
        ("team.markdown", "markdown"),
        ("draft.txt", "text"),
        ("draft.okr", "text"),
        ("dir/x.y.txt", "text"),
        ("okrs.json", "yaml"),
        ("README", None),
        ("okrs.yaml.bak", None),
    ],
)
def test_format_is_chosen_by_extension(name: str, fmt: str | None) -> None:
    assert format_for(name) == fmt


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown format 'toml'"):
        load("x", "x.toml", "toml")


# -- YAML -------------------------------------------------------------------------------------
FULL_YAML = """\
cycle: 2026-Q2
owner: growth
scope: team
scoring: percent
x-tracker: JIRA-42
objectives:
  - id: G1
    title: Win the mid-market
    type: aspirational
    owner: ana
    parent: C1
    why: Mid-market deals close twice as fast.
    visibility: public
    key_results:
      - id: G1.1
        description: Raise ARR from $2M to $3M
        metric: ARR
        unit: USD
        start: 2000000
        to: 3000000
        current: 2400000
        direction: increase
        due: 2026-06-30
        owner: bo
        confidence: 7
        score: 40
        check_ins:
          - {date: 2026-04-15, value: 2200000, confidence: 0.6, note: slow April}
      - kr: Lift net retention from 98% to 110%
        from: 98
        target: 110
  - objective: Delight new customers
    key_results:
      - name: Cut time to first value from 9 to 4 days
"""


def test_yaml_document_fields_and_aliases() -> None:
    result = load(FULL_YAML, "full.yaml", "yaml")
    assert result.diagnostics == []
    doc = result.document
    assert doc is not None
    assert (doc.cycle, doc.owner, doc.scope, doc.scoring) == (
        "2026-Q2",
        "growth",
        Scope.TEAM,
        Scoring.PERCENT,
    )
    first, second = doc.objectives
    assert (first.id, first.title, first.type, first.owner, first.parent, first.visibility) == (
        "G1",
        "Win the mid-market",
        ObjectiveType.ASPIRATIONAL,
        "ana",
        "C1",
        "public",
    )
    assert first.why == "Mid-market deals close twice as fast."
    arr, nrr = first.key_results
    assert (arr.id, arr.title, arr.metric, arr.unit) == (
        "G1.1",
        "Raise ARR from $2M to $3M",
        "ARR",
        "USD",
    )
    assert (arr.baseline, arr.target, arr.current) == (2_000_000, 3_000_000, 2_400_000)
    assert (arr.direction.value, arr.due, arr.owner) == ("increase", dt.date(2026, 6, 30), "bo")
    assert arr.confidence == pytest.approx(0.7)  # 0-10 scale normalised
    assert arr.score == 40
    (check_in,) = arr.check_ins
    assert (check_in.date, check_in.value, check_in.confidence, check_in.note) == (
        dt.date(2026, 4, 15),
        2_200_000,
        0.6,
        "slow April",
    )
    assert (nrr.title, nrr.baseline, nrr.target) == ("Lift net retention from 98% to 110%", 98, 110)
    assert second.title == "Delight new customers"
    assert [kr.title for kr in second.key_results] == ["Cut time to first value from 9 to 4 days"]
    _assert_spans_cover_titles(FULL_YAML, result)


def test_yaml_unknown_keys_are_kept_and_ignored() -> None:
    text = (
        "objectives:\n  - title: A\n    jira: OKR-1\n"
        "    key_results:\n      - {title: B, color: red}\n"
    )
    result = load(text, "x.yaml", "yaml")
    assert result.diagnostics == []
    objective = result.document.objectives[0]
    assert objective.model_extra == {"jira": "OKR-1"}
    assert objective.key_results[0].model_extra == {"color": "red"}


def test_yaml_bare_list_of_string_objectives() -> None:
    text = "- Grow revenue\n- title: Delight customers\n  key_results: [NPS from 30 to 45, 42]\n"
    result = load(text, "list.yaml", "yaml")
    assert result.diagnostics == []
    assert _outline(result) == [
        ("Grow revenue", []),
        ("Delight customers", ["NPS from 30 to 45", "42"]),
    ]
    _assert_spans_cover_titles(text, result)


SPANS_YAML = """\
objectives:
  - title: Grow revenue   # trailing comment
    key_results:
      - Raise ARR from $2M to $3M
      - "Lift net retention: 98% to 110%"
      - 'Cut churn from 5% to 3%'
      - title:   Raise NPS from 30 to 45
      - {kr: Cut CAC from $900 to $600, target: 600}
  - title: "Grö🙂w the café community"
    key_results: [Reach 5,000 members, "Host 12 meetups, up from 4"]
"""


@pytest.mark.parametrize(
    ("text", "cycle"),
    [
        (
            "cycle: 2026-Q2\nobjectives:\n  Grow revenue:\n    - ARR from $2M to $3M\n"
            "  Delight customers:\n    key_results:\n      - NPS from 32 to 45\n",
            "2026-Q2",
        ),
        (
            "Q1 2026:\n  Grow revenue:\n    - ARR from $2M to $3M\n"
            "  Delight customers:\n    - NPS from 32 to 45\n",
            "2026-Q1",
        ),
    ],
    ids=["objectives-mapping", "cycle-key-mapping"],
)
def test_yaml_objectives_written_as_keys_over_their_key_results(text: str, cycle: str) -> None:
    result = load(text, "okrs.yaml", "yaml")
    assert _outline(result) == [
        ("Grow revenue", ["ARR from $2M to $3M"]),
        ("Delight customers", ["NPS from 32 to 45"]),
    ]
    assert result.diagnostics == []
    assert result.document is not None and cycle in (result.document.cycle, result.document.objectives[0].cycle)
    _assert_spans_cover_titles(text, result)


def test_yaml_settings_keyed_by_single_words_are_not_objectives() -> None:
    # Under a cycle key, a map of lists whose keys are single words is configuration; under
    # `objectives:` too ("loss: [mse, mae]" in a training config), and a cycle is no title.
    text = "Q1 2026:\n  steps:\n    - build\n    - test\n  owners:\n    - ana\n"
    assert _outline(load(text, "plan.yaml", "yaml")) == []
    for config in ("objectives:\n  loss: [mse, mae]\n", "objectives:\n  Q1 2026: [a, b]\n"):
        result = load(config, "train.yaml", "yaml")
        assert _outline(result) == [] and [d.code for d in result.diagnostics] == ["E002"]


def test_yaml_objective_fields_nested_under_its_key_and_a_stated_quarter() -> None:
    # An OKR tool's export: the objective's fields under `objective`, and the quarter stated
    # beside the objectives it covers.
    text = (
        '{"quarters": [{"quarter": "2026-Q3", "objectives": [\n'
        '  {"objective": {"title": "Grow revenue", "owner": "Ana"},\n'
        '   "keyResults": [{"title": "NRR from 104% to 112%"}]}]}]}\n'
    )
    result = load(text, "export.json", "yaml")
    assert _outline(result) == [("Grow revenue", ["NRR from 104% to 112%"])]
    assert result.diagnostics == []
    assert result.document is not None
    objective = result.document.objectives[0]
    assert (objective.owner, objective.cycle) == ("Ana", "2026-Q3")
    _assert_spans_cover_titles(text, result)


@pytest.mark.parametrize("outer", ["okrs", "objectives"])
def test_yaml_a_list_of_groups_each_stating_its_quarter(outer: str) -> None:
    # "okrs: [{quarter: …, objectives: […]}]": groups of objectives, not objectives without a
    # title; an item with results but no title is still reported.
    text = (
        f"{outer}:\n  - quarter: 2026-Q3\n    objectives:\n"
        "      - objective: Grow revenue\n        key_results: [NRR from 104% to 112%]\n"
    )
    result = load(text, "okrs.yaml", "yaml")
    assert _outline(result) == [("Grow revenue", ["NRR from 104% to 112%"])]
    assert result.diagnostics == []
    assert result.document is not None and result.document.objectives[0].cycle == "2026-Q3"
    untitled = load(f"{outer}:\n  - owner: ana\n    key_results: [NRR from 104% to 112%]\n", "okrs.yaml", "yaml")
    assert [d.code for d in untitled.diagnostics] == ["E002"]


@pytest.mark.parametrize("results_key", ["key_results", "krs"])
def test_yaml_a_group_key_over_a_list_of_objectives_is_no_objective(results_key: str) -> None:
    text = (
        "Q1 2026:\n  Marketing team:\n    - title: Grow revenue\n"
        f"      {results_key}: [ARR from $2M to $3M]\n"
    )
    result = load(text, "okrs.yaml", "yaml")
    assert _outline(result) == [("Grow revenue", ["ARR from $2M to $3M"])]
    assert result.diagnostics == []


def test_yaml_spans_cover_exactly_the_titles() -> None:
    result = load(SPANS_YAML, "spans.yaml", "yaml")
    assert result.diagnostics == []
    _assert_spans_cover_titles(SPANS_YAML, result)
    krs = result.document.objectives[0].key_results
    positions = [(kr.span.start.line, kr.span.start.column, kr.span.end.column) for kr in krs]
    assert positions == [(4, 9, 34), (5, 10, 41), (6, 10, 33), (7, 18, 41), (8, 14, 39)]
    # Columns count characters, not bytes: the emoji and é are one column each.
    community = result.document.objectives[1]
    assert (community.span.start.column, community.span.end.column) == (13, 37)


def test_yaml_block_scalar_title_spans_its_lines() -> None:
    text = (
        "objectives:\n  - title: >\n      Grow revenue\n"
        "      in the mid-market\n    key_results: []\n"
    )
    result = load(text, "block.yaml", "yaml")
    objective = result.document.objectives[0]
    assert objective.title == "Grow revenue in the mid-market"
    span = objective.span
    assert (span.start.line, span.start.column, span.end.line, span.end.column) == (3, 7, 4, 24)


def test_yaml_duplicate_key_is_e002_at_the_second_key() -> None:
    text = "objectives:\n  - title: A\n    title: B\n"
    result = load(text, "dup.yaml", "yaml")
    assert _codes(result) == [("E002", 3, 5)]
    assert result.document.objectives[0].title == "B"


@pytest.mark.parametrize(
    ("scoring", "score", "flagged"),
    [
        ("", 0.7, False),
        ("", 70, True),
        ("scoring: percent\n", 70, False),
        ("scoring: percent\n", 170, True),
    ],
)
def test_yaml_scores_are_checked_against_the_scale(
    scoring: str, score: float, flagged: bool
) -> None:
    text = f"{scoring}objectives:\n  - title: A\n    key_results:\n"
    text += f"      - {{title: B, score: {score}}}\n"
    result = load(text, "score.yaml", "yaml")
    assert [d.code for d in result.diagnostics] == (["E002"] if flagged else [])


def test_yaml_invalid_fields_keep_the_node() -> None:
    text = (
        "objectives:\n  - title: A\n    type: stretch\n"
        "    key_results:\n      - {title: B, due: someday}\n"
    )
    result = load(text, "x.yaml", "yaml")
    assert _codes(result) == [("E002", 3, 11), ("E002", 5, 25)]
    assert _outline(result) == [("A", ["B"])]
    assert result.document.objectives[0].type is None


# -- Markdown ---------------------------------------------------------------------------------
TEAM_MD = """\
---
cycle: 2026-Q2
owner: growth
scope: team
---
# Growth OKRs

Some context that is not an OKR.

## Objective: Win the mid-market

- KR1: Raise ARR from $2M to $3M
- **KR2:** Lift net retention from 98% to 110%
- [ ] Hire two account executives
- [x] Launch the partner page

### Initiatives

- Run a pricing experiment

## O2 Delight new customers

KR: Cut time to first value from 9 to 4 days
KR: Raise activation from 40% to 55%

## O3: Make support faster

1. Cut first response time from 8h to 2h
   - measured in Zendesk, business hours
2. Raise CSAT from 82% to 90%

## Notes

- this list is not a key result

## Objective: Plan the data platform
"""


def test_markdown_objectives_key_results_and_front_matter() -> None:
    result = load(TEAM_MD, "team.md", "markdown")
    assert result.diagnostics == []
    doc = result.document
    assert (doc.cycle, doc.owner, doc.scope) == ("2026-Q2", "growth", Scope.TEAM)
    assert _outline(result) == [
        (
            "Win the mid-market",
            [
                "Raise ARR from $2M to $3M",
                "Lift net retention from 98% to 110%",
            ],
        ),
        (
            "Delight new customers",
            [
                "Cut time to first value from 9 to 4 days",
                "Raise activation from 40% to 55%",
            ],
        ),
        (
            "Make support faster",
            [
                "Cut first response time from 8h to 2h",
                "Raise CSAT from 82% to 90%",
            ],
        ),
        ("Plan the data platform", []),  # labelled as an objective: kept without KRs
    ]
    _assert_spans_cover_titles(TEAM_MD, result)


def test_markdown_unlabelled_heading_in_a_labelled_file_is_a_section() -> None:
    # Where objectives carry labels, a plain heading's list is notes or definitions ("What is
    # an OKR", "Transparency guidelines"), unless key-result labels or a KR section say otherwise.
    text = (
        "## Objective: Grow revenue\n- Raise ARR from $2M to $3M\n- Cut churn from 5% to 3%\n"
        "## Transparency guidelines\n- Definitions are public\n- Values are internal\n"
        "## Make support faster\n### Key results\n- Cut first response from 8h to 2h\n"
    )
    result = load(text, "mixed.md", "markdown")
    assert _outline(result) == [
        ("Grow revenue", ["Raise ARR from $2M to $3M", "Cut churn from 5% to 3%"]),
        ("Make support faster", ["Cut first response from 8h to 2h"]),
    ]


def test_markdown_spans_point_past_labels_that_repeat_the_title() -> None:
    text = (
        "## O1 O1 targets for the team ##\n"
        "5. 5 enterprise logos signed\n"
        "- Key result: Key accounts renew at 95%\n"
        "- KR2: KR completion rate at 90%\n"
        "-\tKR3:\tRaise ARR from $2M to $3M\n"
        "- Ship the C#\n"
    )
    result = load(text, "labels.md", "markdown")
    assert _outline(result) == [
        (
            "O1 targets for the team",
            [
                "5 enterprise logos signed",
                "Key accounts renew at 95%",
                "KR completion rate at 90%",
                "Raise ARR from $2M to $3M",
                "Ship the C#",
            ],
        )
    ]
    _assert_spans_cover_titles(text, result)
    starts = [kr.span.start.column for kr in result.document.objectives[0].key_results]
    assert starts == [4, 15, 8, 8, 3]


def test_markdown_list_shaped_objectives_own_their_nested_bullets() -> None:
    text = (
        "- Objective: Grow the community\n"
        "  - Reach 5,000 weekly active members, up from 2,000\n"
        "    - via the forum and the newsletter\n"
        "  - Raise event attendance from 40 to 120\n"
        "  - [ ] Book the venues\n"
        "- Objective: Ship faster\n"
        "  1. Cut lead time from 9 to 3 days\n"
    )
    result = load(text, "list.md", "markdown")
    assert _outline(result) == [
        (
            "Grow the community",
            [
                "Reach 5,000 weekly active members, up from 2,000",
                "Raise event attendance from 40 to 120",
            ],
        ),
        ("Ship faster", ["Cut lead time from 9 to 3 days"]),
    ]
    _assert_spans_cover_titles(text, result)


def test_markdown_outliner_headings_inside_bullets() -> None:
    # Logseq and Roam pages: every line a bullet, headings too; a top-level "- # …" title is
    # the page's heading (and names the cycle), "- ## Objective: …" owns its nested results.
    text = (
        "- # Growth OKRs 2026 Q2\n"
        "- ## Objective: Grow the community\n"
        "\t- KR: Monthly active contributors from 40 to 80\n"
        "\t- https://tracker.example.com/board/42\n"
        "- ## Objective: Ship a stable 2.0\n"
        "\t- KR: Crash-free sessions from 97% to 99.5%\n"
    )
    result = load(text, "pages/OKRs.md", "markdown")
    assert _outline(result) == [
        ("Grow the community", ["Monthly active contributors from 40 to 80"]),
        ("Ship a stable 2.0", ["Crash-free sessions from 97% to 99.5%"]),
    ]
    assert result.document is not None and result.document.cycle == "2026-Q2"
    _assert_spans_cover_titles(text, result)
    unlabelled = text.replace("Objective: ", "").replace("KR: ", "")
    assert _outline(load(unlabelled, "pages/OKRs.md", "markdown")) == _outline(result)
    # the title with the page nested under it names the cycle too; an empty heading bullet is none
    nested = "- # Growth OKRs 2026 Q2\n" + "".join("\t" + line + "\n" for line in text.splitlines()[1:]) + "- ## \n"
    nested_result = load(nested, "pages/OKRs.md", "markdown")
    assert _outline(nested_result) == _outline(result)
    assert nested_result.document is not None and nested_result.document.cycle == "2026-Q2"


def test_markdown_bare_address_bullet_is_a_link_not_a_key_result() -> None:
    text = "## Grow revenue\n\n- Raise ARR from $2M to $3M\n- https://dash.example.com/arr?view=q2\n"
    assert _outline(load(text, "x.md", "markdown")) == [("Grow revenue", ["Raise ARR from $2M to $3M"])]


def test_markdown_heading_without_key_results_is_not_an_objective() -> None:
    text = (
        "# Quarterly planning\n\n## Context\n\nWe grew.\n\n"
        "## Grow revenue\n\n- Raise ARR from $2M to $3M\n"
    )
    assert _outline(load(text, "x.md", "markdown")) == [
        ("Grow revenue", ["Raise ARR from $2M to $3M"])
    ]


def test_markdown_nested_kr_label_under_a_key_result_is_a_key_result() -> None:
    text = (
        "## O1 Grow\n- KR1: Raise ARR from 1 to 2\n"
        "  - a detail\n  - KR: Lift NRR from 98% to 110%\n"
    )
    assert _outline(load(text, "x.md", "markdown")) == [
        ("Grow", ["Raise ARR from 1 to 2", "Lift NRR from 98% to 110%"])
    ]


def test_markdown_multi_line_item_and_lazy_kr_lines() -> None:
    text = (
        "## O1 Grow revenue\n"
        "- Raise ARR from $2M\n"
        "  to $3M by June\n"
        "- KR: Lift NRR from 98% to 110%\n"
        "KR: Cut churn from 5% to 3%\n"
    )
    result = load(text, "x.md", "markdown")
    krs = result.document.objectives[0].key_results
    assert [kr.title for kr in krs] == [
        "Raise ARR from $2M to $3M by June",
        "Lift NRR from 98% to 110%",
        "Cut churn from 5% to 3%",
    ]
    first = krs[0].span
    assert (first.start.line, first.start.column, first.end.line, first.end.column) == (2, 3, 3, 17)
    assert _slice(text, krs[2]) == "Cut churn from 5% to 3%"


def test_markdown_setext_heading_objective() -> None:
    text = (
        "Grow revenue\n============\n\n- Raise ARR from $2M to $3M\n- Lift NRR from 98% to 110%\n"
    )
    result = load(text, "x.md", "markdown")
    assert _outline(result) == [
        ("Grow revenue", ["Raise ARR from $2M to $3M", "Lift NRR from 98% to 110%"])
    ]
    _assert_spans_cover_titles(text, result)


def test_markdown_front_matter_errors_are_counted_in_file_lines() -> None:
    text = "---\ncycle: 2026-Q2\nscope: galaxy\n---\n## O1 Grow\n- a\n"
    result = load(text, "x.md", "markdown")
    assert _codes(result) == [("E002", 3, 8)]
    assert result.document.cycle == "2026-Q2"


def test_markdown_table_of_contents_is_not_okrs() -> None:
    text = (
        "# Team OKRs\n\n"
        "- [Objective 1](#objective-1)\n  - [KR 1.1](#kr-11)\n- **[Objective 2](#objective-2)**\n\n"
        "## Objective 1: Grow revenue\n\n- Raise ARR from $2M to $3M\n"
        "- See [the dashboard](#dashboard) for NRR from 98% to 110%\n"
    )
    result = load(text, "toc.md", "markdown")
    assert _outline(result) == [
        (
            "Grow revenue",
            [
                "Raise ARR from $2M to $3M",
                "See the dashboard for NRR from 98% to 110%",  # link text, not its markup
            ],
        )
    ]


KR_TABLE_MD = """\
## Objective: Grow revenue

| # | KR | Target | Owner |
|---|----|-------:|-------|
| 1 | Raise ARR from $2M to $3M | $3M | ana |
| 2 |   **KR2:** Lift NRR from 98% to 110%   | 110% | bo |
| 3 | | | |

## Delight customers

Key Result | Owner
--- | ---
Cut time to first value from 9 to 4 days | cy
Raise activation from 40% to 55% \\| trial users | cy

## Objective: Make support faster

| Key results | Description |
|---|---|
| KR1 | Cut first response time from 8h to 2h |

## Objective: Plan the budget

| Item | Cost |
|---|---|
| Raise ARR from $2M to $3M | $5k |
"""


def test_markdown_key_results_from_a_table() -> None:
    result = load(KR_TABLE_MD, "table.md", "markdown")
    assert result.diagnostics == []
    assert _outline(result) == [
        ("Grow revenue", ["Raise ARR from $2M to $3M", "Lift NRR from 98% to 110%"]),
        (
            "Delight customers",  # a plain heading that owns a KR table is an objective
            [
                "Cut time to first value from 9 to 4 days",
                "Raise activation from 40% to 55% | trial users",
            ],
        ),
        # A KR column of ids: the key results are in the Description column.
        ("Make support faster", ["Cut first response time from 8h to 2h"]),
        ("Plan the budget", []),  # no KR column: the table is left alone
    ]
    krs = [kr for _o, kr in result.document.key_results()]
    positions = [(kr.span.start.line, kr.span.start.column, kr.span.end.column) for kr in krs]
    assert positions == [(5, 7, 32), (6, 18, 43), (13, 1, 41), (14, 1, 48), (20, 9, 46)]
    for kr in [krs[0], krs[1], krs[2], krs[4]]:
        assert _slice(KR_TABLE_MD, kr) == kr.title
    assert _slice(KR_TABLE_MD, krs[3]) == "Raise activation from 40% to 55% \\| trial users"


def test_markdown_table_key_results_are_linted_as_key_results() -> None:
    report = lint_text(KR_TABLE_MD, format="markdown", path="table.md")
    flagged = {(f.code, f.range.start.line) for f in report.findings}
    assert ("F303", 3) not in flagged  # "Objective has no key results" before tables were read


# -- plain text -------------------------------------------------------------------------------
DRAFT_TXT = """\
# a comment line
cycle: 2026-Q2
Owner: people

KR: a key result before any objective is ignored
O: Make this a great place to work
- Raise eNPS from 10 to 30
* Cut regretted attrition from 12% to 8%
Objective 2 - Hire faster
  KR1: Cut time to hire from 60 to 35 days
  2) Raise offer acceptance from 70% to 85%
O3: Grow our leaders
"""


def test_text_labels_bullets_and_fields() -> None:
    result = load(DRAFT_TXT, "draft.txt", "text")
    assert result.diagnostics == []
    assert (result.document.cycle, result.document.owner) == ("2026-Q2", "people")
    assert _outline(result) == [
        (
            "Make this a great place to work",
            [
                "Raise eNPS from 10 to 30",
                "Cut regretted attrition from 12% to 8%",
            ],
        ),
        (
            "Hire faster",
            [
                "Cut time to hire from 60 to 35 days",
                "Raise offer acceptance from 70% to 85%",
            ],
        ),
        ("Grow our leaders", []),
    ]
    _assert_spans_cover_titles(DRAFT_TXT, result)


@pytest.mark.parametrize(
    ("sentence", "objective", "krs"),
    [
        (
            "We will delight our customers as measured by NPS from 30 to 45, "
            "churn from 5% to 3% and 1,000 new paying users.",
            "delight our customers",
            ["NPS from 30 to 45", "churn from 5% to 3%", "1,000 new paying users"],
        ),
        (
            "We will grow revenue, as measured by: ARR from $2M to $3M, NRR from 98% to 110%, "
            "and 40 new logos",
            "grow revenue",
            ["ARR from $2M to $3M", "NRR from 98% to 110%", "40 new logos"],
        ),
        (
            "We will ship faster as measured by lead time from 9 to 3 days; deploys from 2 to 10 a "
            "week; change failure rate from 20% to 5%",
            "ship faster",
            [
                "lead time from 9 to 3 days",
                "deploys from 2 to 10 a week",
                "change failure rate from 20% to 5%",
            ],
        ),
        (
            "  We will grow revenue as measured by ARR from $2M to $3M and NRR from 98% to 110%.",
            "grow revenue",
            ["ARR from $2M to $3M", "NRR from 98% to 110%"],
        ),
        (
            "We will grow as measured by revenue and margin up by 10%",
            "grow",
            ["revenue and margin up by 10%"],
        ),
    ],
    ids=["serial-and", "oxford-comma", "semicolons", "two-with-and", "and-inside-one"],
)
def test_text_we_will_as_measured_by_template(
    sentence: str, objective: str, krs: list[str]
) -> None:
    text = sentence + "\n"
    result = load(text, "seed.txt", "text")
    assert result.diagnostics == []
    assert _outline(result) == [(objective, krs)]
    _assert_spans_cover_titles(text, result)


def test_text_template_with_key_results_as_a_list() -> None:
    text = (
        "We will make onboarding effortless as measured by:\n"
        "- raising activation from 38% to 50% by June 30\n"
        "- cutting time to first value from 9 days to 3 days\n"
    )
    result = load(text, "seed.txt", "text")
    assert result.diagnostics == []
    assert _outline(result) == [
        (
            "make onboarding effortless",
            [
                "raising activation from 38% to 50% by June 30",
                "cutting time to first value from 9 days to 3 days",
            ],
        )
    ]
    _assert_spans_cover_titles(text, result)


@pytest.mark.parametrize(
    ("text", "objective"),
    [
        ("We will grow revenue.\n", "grow revenue"),
        ("we will grow revenue to $2.5M! Then more.\n", "grow revenue to $2.5M"),
        ("  We will win the mid-market\n", "win the mid-market"),
    ],
)
def test_text_we_will_alone_is_an_objective_without_key_results(text: str, objective: str) -> None:
    result = load(text, "seed.txt", "text")
    assert _outline(result) == [(objective, [])]
    _assert_spans_cover_titles(text, result)
    report = lint_text(text, format="text", path="seed.txt")
    assert "F303" in {f.code for f in report.findings}


def test_text_deadline_at_the_end_of_the_template_dates_every_key_result() -> None:
    text = (
        "We will grow revenue as measured by ARR from $2M to $3M, NRR from 98% to 110% "
        "by May 31 and 40 new logos by June 30.\n"
        "We will ship faster as measured by lead time from 9 to 3 days and deploys from 2 to 10 a "
        "week, all by 2027-03-31.\n"
        "We will hire well as measured by offer acceptance from 70% to 85% by June 30.\n"
    )
    result = load(text, "seed.txt", "text")
    assert _outline(result) == [
        (
            "grow revenue",
            ["ARR from $2M to $3M", "NRR from 98% to 110% by May 31", "40 new logos by June 30"],
        ),
        ("ship faster", ["lead time from 9 to 3 days", "deploys from 2 to 10 a week"]),
        ("hire well", ["offer acceptance from 70% to 85% by June 30"]),
    ]
    _assert_spans_cover_titles(text, result)
    revenue, ship, hire = result.document.objectives
    arr, nrr, logos = revenue.key_results
    # Only key results without a deadline of their own take the shared one.
    # No year and no cycle: the phrase is kept, with no date (never today's year: output must
    # not change from one day to the next).
    assert (arr.shared_deadline, arr.due) == ("by June 30", None)
    assert nrr.due is None and logos.due is None
    assert nrr.shared_deadline is None and logos.shared_deadline is None
    assert [kr.due for kr in ship.key_results] == [dt.date(2027, 3, 31)] * 2
    assert hire.key_results[0].due is None
    report = lint_text(text, format="text", path="seed.txt")
    assert "M204" not in {f.code for f in report.findings}


@pytest.mark.parametrize(
    ("phrase", "cycle", "expected"),
    [
        ("by June 30", None, None),  # no year known: no date
        ("by June 30", "2026-Q2", dt.date(2026, 6, 30)),  # the cycle gives the year
        ("by June 30, 2027", "2026-Q2", dt.date(2027, 6, 30)),  # the phrase's own year wins
        ("by Q3", "2026", dt.date(2026, 9, 30)),
        ("by 2026-06-30", None, dt.date(2026, 6, 30)),  # written in full: taken as written
        ("by end of year", "2026-Q4", dt.date(2026, 12, 31)),
        ("by the end of the quarter", "2026-Q2", dt.date(2026, 6, 30)),
        ("by launch", "2026-Q2", None),
    ],
)
def test_shared_deadline_dates(phrase: str, cycle: str | None, expected: dt.date | None) -> None:
    assert due_date(phrase, cycle) == expected


def test_text_cycle_after_the_template_sets_the_year_of_a_shared_deadline() -> None:
    text = (
        "We will grow as measured by ARR from 1 to 2 and NRR from 3 to 4 by June 30\ncycle: 2026\n"
    )
    arr, nrr = load(text, "seed.txt", "text").document.objectives[0].key_results
    assert (arr.due, nrr.due) == (dt.date(2026, 6, 30), None)


def test_text_bullet_indented_under_a_key_result_is_a_detail() -> None:
    text = (
        "O: Grow revenue\n"
        "- Raise ARR from $2M to $3M\n"
        "  - note: includes trial users\n"
        "    * counted in Stripe\n"
        "  - KR: Lift NRR from 98% to 110%\n"
        "- Cut churn from 5% to 3%\n"
        "We will ship faster as measured by lead time from 9 to 3 days\n"
        "  - measured on main\n"
        "Objective 2 - Hire faster\n"
        "  1. Cut time to hire from 60 to 35 days\n"
        "     - from offer to signature\n"
        "  2. Raise offer acceptance from 70% to 85%\n"
    )
    result = load(text, "draft.txt", "text")
    assert _outline(result) == [
        (
            "Grow revenue",
            ["Raise ARR from $2M to $3M", "Lift NRR from 98% to 110%", "Cut churn from 5% to 3%"],
        ),
        ("ship faster", ["lead time from 9 to 3 days"]),
        (
            "Hire faster",
            ["Cut time to hire from 60 to 35 days", "Raise offer acceptance from 70% to 85%"],
        ),
    ]
    _assert_spans_cover_titles(text, result)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("KR 2.2 Grow NRR from 98% to 110%", "Grow NRR from 98% to 110%"),
        ("KR2.2: Grow NRR from 98% to 110%", "Grow NRR from 98% to 110%"),
        ("KR 1.2 - Grow NRR from 98% to 110%", "Grow NRR from 98% to 110%"),
        ("KR 1.2. Grow NRR from 98% to 110%", "Grow NRR from 98% to 110%"),
        ("- KR 2.2 Grow NRR from 98% to 110%", "Grow NRR from 98% to 110%"),
        ("KR: KR completion rate at 90%", "KR completion rate at 90%"),
    ],
)
def test_text_dotted_kr_numbers_are_part_of_the_label(line: str, title: str) -> None:
    text = f"O1.3 Grow revenue\n{line}\n"
    result = load(text, "draft.txt", "text")
    assert _outline(result) == [("Grow revenue", [title])]
    _assert_spans_cover_titles(text, result)
    markdown = f"## O1.3: Grow revenue\n\n- {line.removeprefix('- ')}\n"
    result = load(markdown, "draft.md", "markdown")
    assert _outline(result) == [("Grow revenue", [title])]
    _assert_spans_cover_titles(markdown, result)


@pytest.mark.parametrize(
    ("label", "read"),
    [
        ("Q1 Objective:", True),
        ("2026 Q3 Objective 2:", True),
        ("Company objective:", True),
        ("Team-wide Objective:", True),
        ("Primary Objective:", False),  # a business plan's prose, not a label
        ("Our objective:", False),
    ],
)
def test_a_cycle_or_level_before_the_objective_label(label: str, read: bool) -> None:
    text = f"## {label} Launch in Germany\n\nKey results:\n\n1. 500 paying German customers\n"
    # A heading over results is an objective either way; only a label is taken off its title,
    # and a cycle before it is the objective's.
    title = "Launch in Germany" if read else f"{label} Launch in Germany"
    result = load(text, "okrs.md", "markdown")
    assert _outline(result) == [(title, ["500 paying German customers"])]
    _assert_spans_cover_titles(text, result)
    assert result.document is not None
    expected_cycle = {"Q1 Objective:": "Q1", "2026 Q3 Objective 2:": "2026-Q3"}.get(label)
    assert result.document.objectives[0].cycle == expected_cycle


def test_checkbox_items_labelled_as_key_results_are_key_results() -> None:
    # An unlabelled checklist under an objective is its initiatives; boxes labelled "KRn:"
    # are its key results, ticked or not.
    text = (
        "### O1: Faster releases\n"
        "- [ ] KR1: Lead time from 10 days to 3 days\n"
        "- [x] KR2: Deploy frequency from weekly to daily\n"
        "- [ ] Write the release runbook\n"
    )
    result = load(text, "okrs.md", "markdown")
    assert _outline(result) == [
        ("Faster releases", ["Lead time from 10 days to 3 days", "Deploy frequency from weekly to daily"])
    ]
    _assert_spans_cover_titles(text, result)


def test_letter_ids_and_a_title_line_that_is_only_the_cycle() -> None:
    text = (
        "Q3 2026\n\n"
        "Objective A: Scale the community\n"
        "  KR A1: Forum monthly posters from 300 to 600\n"
        "Objective B: Improve docs\n"
        "  KR B.2 - Pages with outdated examples from 120 to 20\n"
    )
    result = load(text, "draft.txt", "text")
    assert _outline(result) == [
        ("Scale the community", ["Forum monthly posters from 300 to 600"]),
        ("Improve docs", ["Pages with outdated examples from 120 to 20"]),
    ]
    assert result.document is not None and result.document.cycle == "2026-Q3"
    _assert_spans_cover_titles(text, result)
    # a letter is an id only before a separator: "Objective A better …" is not a label
    assert _outline(load("Objective A better onboarding\n", "draft.txt", "text")) == []


_OUTLINE_NUMBERS = [
    ("1.1 Crash rate from 0.8% to 0.1%", "1.2 Weekly editors from 3,000 to 5,000"),
    ("2.1 Integrations from 6 to 20", "2.2 Installs from 150 to 400"),
]
_BY_NUMBER = [
    ("Make the editor delightful", ["Crash rate from 0.8% to 0.1%", "Weekly editors from 3,000 to 5,000"]),
    ("Open the platform", ["Integrations from 6 to 20", "Installs from 150 to 400"]),
]


@pytest.mark.parametrize(
    ("name", "template"),
    [
        ("okrs.txt", "1. Make the editor delightful\n{0}\n{1}\n2. Open the platform\n{2}\n{3}\n"),
        ("okrs.txt", "1. Make the editor delightful\n   {0}\n   {1}\n2. Open the platform\n   {2}\n   {3}\n"),
        ("okrs.md", "1. Make the editor delightful\n   {0}\n   {1}\n2. Open the platform\n   {2}\n   {3}\n"),
        ("okrs.md", "1. Make the editor delightful\n\n   {0}\n   {1}\n\n2. Open the platform\n\n   {2}\n   {3}\n"),
        ("okrs.md", "## 1. Make the editor delightful\n{0}\n{1}\n\n## 2. Open the platform\n{2}\n{3}\n"),
        ("okrs.md", "1. Make the editor delightful\n   a. {0}\n   b. {1}\n2. Open the platform\n   a. {2}\n   b. {3}\n"),
        ("okrs.txt", "1. Make the editor delightful\n   a. {0}\n   b. {1}\n2. Open the platform\n   a. {2}\n   b. {3}\n"),
    ],
)
def test_outline_numbers_nest_key_results_under_their_objective(name: str, template: str) -> None:
    lines = [line for pair in _OUTLINE_NUMBERS for line in pair]
    if "a. {0}" in template:
        lines = [line.split(" ", 1)[1] for line in lines]  # lettered: the results alone
    text = template.format(*lines)
    result = load(text, name, format_for(name) or "text")
    assert _outline(result) == _BY_NUMBER
    _assert_spans_cover_titles(text, result)


@pytest.mark.parametrize("name", ["x.md", "x.txt"])
def test_a_decimal_under_a_number_is_text_not_a_sub_number(name: str) -> None:
    # "1.5 million" under item 1 reads exactly as "2.5 million" does: text, not an outline number.
    def outline(decimal: str) -> list[tuple[str, list[str]]]:
        text = f"1. Grow traffic\n   {decimal} million visits a month\n   more from search\n"
        return _outline(load(text, name, format_for(name) or "text"))

    assert outline("1.5") == [
        (title.replace("2.5", "1.5"), [kr.replace("2.5", "1.5") for kr in krs]) for title, krs in outline("2.5")
    ]


def test_text_markdown_title_names_the_cycle() -> None:
    # A .txt draft written like Markdown: its "#" title names the cycle; a "#" note does not.
    text = "# Product OKRs Q2 2026\n\nObjective: Grow revenue\nKR: ARR from $2M to $3M\n"
    result = load(text, "okrs.txt", "text")
    assert result.document is not None and result.document.cycle == "2026-Q2"
    note = "# see the wiki for 2026 Q2\nObjective: Grow revenue\nKR: ARR from $2M to $3M\n"
    result = load(note, "okrs.txt", "text")
    assert result.document is not None and result.document.cycle is None


def test_text_invalid_field_is_e002_at_the_value() -> None:
    text = "scoring: sometimes\nO: Grow\n- Raise ARR from 1 to 2\n"
    result = load(text, "x.txt", "text")
    assert _codes(result) == [("E002", 1, 10)]
    assert _outline(result) == [("Grow", ["Raise ARR from 1 to 2"])]


@pytest.mark.parametrize(
    ("fmt", "name"), [("yaml", "e.yaml"), ("markdown", "e.md"), ("text", "e.txt")]
)
def test_every_loader_reports_an_empty_file(fmt: str, name: str) -> None:
    result = load(" \n", name, fmt)
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("E001", "file is empty: expected OKRs")
    ]


# -- bytes and the library entry point --------------------------------------------------------
def test_bytes_with_bom_and_crlf_load_like_plain_text() -> None:
    text = "O: Grow revenue\n- Raise ARR from $2M to $3M\n"
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    result = load_bytes(data, "draft.txt", "text", 1_000)
    assert result.diagnostics == []
    _assert_spans_cover_titles(text, result)


def test_load_document_raises_input_error_with_the_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("objectives:\n  - title: Ship v2: faster checkout\n", encoding="utf-8")
    with pytest.raises(okrlint.InputError, match=r"broken\.yaml:2:19: invalid YAML"):
        okrlint.load_document(path)
    good = tmp_path / "good.md"
    good.write_text("## O1 Grow\n- Raise ARR from 1 to 2\n", encoding="utf-8")
    assert okrlint.load_document(good).objectives[0].title == "Grow"


def test_text_we_will_prose_beside_real_objectives_is_not_an_objective() -> None:
    text = (
        "Objective: Grow revenue in the mid-market\n"
        "- KR1: Raise ARR from $2M to $3M\n- KR2: Lift NRR from 98% to 110%\n\n"
        "We will review progress every Monday.\n"
    )
    assert _outline(load(text, "x.txt", "text")) == [
        (
            "Grow revenue in the mid-market",
            ["Raise ARR from $2M to $3M", "Lift NRR from 98% to 110%"],
        )
    ]


def test_yaml_a_list_where_a_number_goes_drops_the_field_not_the_key_result() -> None:
    text = (
        "objectives:\n  - title: Grow\n    key_results:\n"
        "      - {title: Raise ARR from $2M to $3M, baseline: [1]}\n"
        "      - {title: Lift NRR from 98% to 110%, target: {a: 1}}\n"
    )
    result = load(text, "x.yaml", "yaml")
    assert _outline(result) == [
        ("Grow", ["Raise ARR from $2M to $3M", "Lift NRR from 98% to 110%"])
    ]
    assert _codes(result) == [("E002", 4, 54), ("E002", 5, 52)]


def test_markdown_generated_table_of_contents_is_skipped() -> None:
    text = (
        "# Engineering OKRs Q3 2026\n\n## On this page\n{:.no_toc}\n\n- TOC\n{:toc}\n\n"
        "## Objective 1: Ship faster\n\n- KR1: Cut lead time from 9 days to 3 days\n"
        "- KR2: Raise deploys from 2 to 10 a week\n"
    )
    assert _outline(load(text, "x.md", "markdown")) == [
        (
            "Ship faster",
            ["Cut lead time from 9 days to 3 days", "Raise deploys from 2 to 10 a week"],
        )
    ]


def test_text_trailing_suppression_comment_is_not_part_of_the_title() -> None:
    text = "Objective: Grow activation\n- KR1: Launch the wizard  # okrlint: disable=O101\n"
    assert _outline(load(text, "x.txt", "text")) == [("Grow activation", ["Launch the wizard"])]


def test_an_owner_handle_before_a_key_result_is_recorded_and_kept_in_the_text() -> None:
    # Team trackers write "[handle] key result"; "[target]" there is a blank, not an owner.
    text = (
        "## Objective: Grow the volunteer community\n\n"
        "- [jdoe42] Run 2 onboarding clinics for new volunteers (50%)\n"
        "- [amara.k] 30 volunteers give a shift each month\n"
        "- [target] Clinics adopt the new rota tool\n"
    )
    result = load(text, "team.md", "markdown")
    assert result.document is not None
    krs = result.document.objectives[0].key_results
    assert [kr.owner for kr in krs] == ["jdoe42", "amara.k", None]
    assert krs[0].title == "[jdoe42] Run 2 onboarding clinics for new volunteers"
    assert krs[0].progress == 0.5


def test_numbered_results_are_key_result_labels() -> None:
    # "Result #1: …" under an objective labels a key result (an audit team's layout); a bare
    # "Result: …" is a review's grade and stays out.
    text = (
        "**OBJECTIVE #1:** Map how volunteers hear about the clinic\n"
        "- **Result #1:** We list every channel volunteers use and who runs it\n"
        "- **Result 2:** We rank the channels by sign-ups they bring\n"
        "- **Result:** done in March\n"
    )
    assert _outline(load(text, "audit.md", "markdown")) == [
        (
            "Map how volunteers hear about the clinic",
            ["We list every channel volunteers use and who runs it", "We rank the channels by sign-ups they bring"],
        )
    ]


def test_an_objectives_caption_names_the_items_but_a_how_to_caption_teaches() -> None:
    # "Upcoming objectives:" over a list names a set; "Writing good objectives:" over the
    # same shape is a how-to over examples.
    items = "- Every clinic keeps one patient record\n  - 12 of 12 clinics import their paper records\n"
    named = load("## Clinic sync\n\nUpcoming objectives:\n" + items, "sync.md", "markdown")
    assert _outline(named) == [
        ("Every clinic keeps one patient record", ["12 of 12 clinics import their paper records"])
    ]
    taught = load("## Clinic sync\n\nWriting good objectives:\n" + items, "sync.md", "markdown")
    assert ("Every clinic keeps one patient record", ["12 of 12 clinics import their paper records"]) not in _outline(taught)


def test_a_flattened_table_header_opens_a_set_but_a_title_bullet_does_not() -> None:
    # "* Objective / Key Result Owner(s) Score" over objective bullets is a table exported as a
    # list; "* Objectives and Key Results" opening a list of links or notes names a topic.
    body = "*   Faster booking\n    *   Median booking time under 90 seconds\n"
    exported = load("## Overview\n\n*   Objective / Key Result Owner(s) Score\n" + body, "q2.md", "markdown")
    assert _outline(exported) == [("Faster booking", ["Median booking time under 90 seconds"])]
    topic = load("## Overview\n\n*   Objectives and Key Results\n" + body, "q2.md", "markdown")
    assert _outline(topic) == []


def test_owners_after_a_link_into_the_page_are_not_the_statement() -> None:
    # "[Ship the form](#o0r1) lee, okafor 0.40": the owners and the score are other columns;
    # words after the link ("to beta") still belong to the statement.
    head = "*   Objective / Key Result Owner(s) Score\n*   Faster booking\n"
    owned = load(head + "    *   [Ship the booking form](#o0r1) lee, okafor 0.40\n", "q2.md", "markdown")
    assert _outline(owned) == [("Faster booking", ["Ship the booking form"])]
    for words in ("to beta", "company-wide", "`v2` beta", "para todos los usuarios"):
        worded = load(head + f"    *   [Ship the booking form](#o0r1) {words}\n", "q2.md", "markdown")
        (kr,) = _outline(worded)[0][1]
        assert kr.startswith("Ship the booking form ") and kr.endswith(words.replace("`", "")), kr
    heading = load("## [Growth](#growth) team\n\n- KR1: Close 10 deals\n", "q2.md", "markdown")
    assert _outline(heading)[0][0] == "Growth team"


def test_an_indented_page_is_read_as_markdown_and_empty_name_headings_are_not_results() -> None:
    # Headings indented as code ("    ### Make releases predictable") are a wiki export's
    # outline. Sub-headings that are statements are results; one-word names over nothing
    # ("## Health", "## Family") are slots of a personal template, not results.
    page = (
        "## 2026 Q3\n\n    ### Make releases predictable\n\n"
        "        #### Nightly builds published for all regions\n\n"
        "        #### Rollbacks take under ten minutes\n\n"
        "        Measured from the incident channel.\n"
    )
    assert _outline(load(page, "objectives.md", "markdown")) == [
        ("Make releases predictable", ["Nightly builds published for all regions", "Rollbacks take under ten minutes"])
    ]
    slots = "## 2026 Q3\n\n### Life\n\n#### Health\n\n#### Family\n\n#### Work\n- Give 2 talks at the meetup\n"
    assert all(kr != "Health" for _title, krs in _outline(load(slots, "okr.md", "markdown")) for kr in krs)


def test_catalan_labels_are_read_for_structure() -> None:
    text = (
        "## Objectiu 1: Que les clíniques reservin sense trucar\n\n"
        "- Resultat clau 1.1: El 60% de les reserves es fan a la web\n"
        "- Resultat clau 1.2: Temps de reserva per sota de 2 minuts\n"
    )
    assert _outline(load(text, "okrs.md", "markdown")) == [
        (
            "Que les clíniques reservin sense trucar",
            ["El 60% de les reserves es fan a la web", "Temps de reserva per sota de 2 minuts"],
        )
    ]


def test_a_section_word_wrapped_onto_its_own_line_in_prose_is_no_caption() -> None:
    # A weekly note whose link text wraps ("[energy consumption\nmetrics](…)"): the lines
    # after "metrics" are the rest of the sentence, not key results.
    note = (
        "### 2026-01-22\n\n"
        "This week we started receiving the first [energy consumption\n"
        "metrics](https://example.com/report)\n"
        "on the laptop perf bots. This lets us begin optimizing while\n"
        "avoiding regressions. Thanks to the infra team!\n"
    )
    assert all(not krs for _title, krs in _outline(load(note, "hall-of-fame.md", "markdown")))
    caption = "## Faster booking\n\nWe will know by these\nmetrics:\n\n- Median booking time under 90 seconds\n"
    assert _outline(load(caption, "okrs.md", "markdown")) == [("Faster booking", ["Median booking time under 90 seconds"])]


def test_an_indented_snippet_opening_with_a_comment_stays_code() -> None:
    # "    # release checklist" opens a shell or YAML snippet: a comment, not a heading, so the
    # lines under it are not read as an objective with key results.
    text = (
        "## 2026 Q3\n\n### Faster setup\n\n- Setup takes under 10 minutes for 9 of 10 new staff\n\n"
        "## Scripts\n\n    # release checklist\n    - Tag the release in git\n    - Publish the notes\n"
    )
    assert _outline(load(text, "okrs.md", "markdown")) == [
        ("Faster setup", ["Setup takes under 10 minutes for 9 of 10 new staff"])
    ]


def test_an_indented_heading_no_deeper_than_the_one_above_stays_code() -> None:
    # "    ## Setup" under "## Objective 1" is a snippet: read as a heading it would end the
    # objective and hide the key-result heading after it.
    text = (
        "## Objective 1: Faster setup\n\n- KR1: Setup takes under 10 minutes for 9 of 10 new staff\n\n"
        "Notes:\n\n    ## Setup\n    run make\n\n### KR2: 80% of staff rate setup easy\n"
    )
    assert _outline(load(text, "okrs.md", "markdown")) == [
        ("Faster setup", ["Setup takes under 10 minutes for 9 of 10 new staff", "80% of staff rate setup easy"])
    ]


def test_markdown_table_with_one_column_per_key_result() -> None:
    text = (
        "| Objective | KR1 | KR2 | Owner |\n|---|---|---|---|\n"
        "| Grow revenue | ARR from $2M to $3M | NRR from 104% to 112% | Ana |\n"
        "| Delight customers | NPS from 32 to 45 |  | Bo |\n"
    )
    result = load(text, "okrs.md", "markdown")
    assert _outline(result) == [
        ("Grow revenue", ["ARR from $2M to $3M", "NRR from 104% to 112%"]),
        ("Delight customers", ["NPS from 32 to 45"]),
    ]
    _assert_spans_cover_titles(text, result)


def test_markdown_table_cell_lines_are_key_results_of_their_own() -> None:
    # Several key results in one cell, one per line (<br>); a line going on in lower case
    # continues the one above.
    text = (
        "| Objective | Key results |\n|---|---|\n"
        "| Grow revenue | ARR from $2M to $3M<br>NRR from 104% to 112% |\n"
        "| Keep customers | Churn from 3% to 1.5%<br>and no account lost to a competitor |\n"
    )
    result = load(text, "okrs.md", "markdown")
    assert _outline(result) == [
        ("Grow revenue", ["ARR from $2M to $3M", "NRR from 104% to 112%"]),
        ("Keep customers", ["Churn from 3% to 1.5% and no account lost to a competitor"]),
    ]
    first_row = "\n".join(text.splitlines()[:3]) + "\n"
    _assert_spans_cover_titles(first_row, load(first_row, "okrs.md", "markdown"))


def test_a_page_titled_as_an_example_set_is_read_but_an_example_section_is_not() -> None:
    body = "### Objective 1: More reach\n\n- Newsletter readers from 2,000 to 5,000\n"
    titled = f"# Acme DAO OKRs Example\n\n## Proposed OKRs for H1 2026\n\n{body}"
    assert _outline(load(titled, "page.md", "markdown")) == [("More reach", ["Newsletter readers from 2,000 to 5,000"])]
    # the same set under an "## Examples" section of a page is a worked example
    section = f"# Writing OKRs\n\nSome advice.\n\n## OKR examples\n\n{body}"
    assert _outline(load(section, "page.md", "markdown")) == []


def test_a_flattened_table_header_in_an_example_or_notes_section_is_no_set() -> None:
    body = "*   Objective / Key Result Owner(s) Score\n*   Grow revenue\n    *   [Close 10 deals](#a) dana 0.5\n"
    assert _outline(load("## Overview\n\n" + body, "q2.md", "markdown")) == [("Grow revenue", ["Close 10 deals"])]
    for heading in ("## Example", "## Notes", "## Initiatives"):
        assert _outline(load(heading + "\n\n" + body, "q2.md", "markdown")) == []


def test_a_capitalised_caption_line_inside_a_paragraph_still_opens_key_results() -> None:
    text = (
        "Objective: Make onboarding self-serve\nSuccess metrics\nActivation from 30% to 45%\n"
        "Time to first booking under 2 days\n"
    )
    assert _outline(load(text, "okrs.md", "markdown")) == [
        ("Make onboarding self-serve", ["Activation from 30% to 45%", "Time to first booking under 2 days"])
    ]


def test_statement_sub_headings_are_results_only_in_a_cycle_and_never_questions() -> None:
    # A release how-to ("## Before the release" over imperative sub-headings) is no OKR set; a
    # "Why this matters" heading under "## OKR 1:" explains, it is no key result.
    howto = (
        "## Before the release\n\n### Update the changelog entries\n\nOne line per change.\n\n"
        "### Tag the release in git\n\n### Publish the notes to the wiki\n\nUse the template.\n"
    )
    assert _outline(load(howto, "RELEASING.md", "markdown")) == []
    okr = (
        "## OKR 1: Faster sites\n\n### 95 percentile site launches under 10 minutes\n\n"
        "### Why this matters to the company\n\nCustomers leave when sites are slow.\n"
    )
    assert _outline(load(okr, "okrs.md", "markdown")) == [
        ("Faster sites", ["95 percentile site launches under 10 minutes"])
    ]


@pytest.mark.parametrize(
    ("heading", "cycle"),
    [
        ("# OKR 2026 Q2", "2026-Q2"),
        ("# OKRs 2026 Q2", "2026-Q2"),
        ("# Goal 2026 Q2", "2026-Q2"),
        # a fiscal year after the quarter, and a quarter in words
        ("# Team OKRs — Q1 FY27", "FY27-Q1"),
        ("# Quarter 3, 2026", "2026-Q3"),
    ],
)
def test_a_year_after_an_okr_word_names_the_cycle_not_an_objective(heading: str, cycle: str) -> None:
    text = f"{heading}\n\n## Objective 1: Clinics book online\n\n- KR1: Raise online bookings from 30% to 45%\n"
    document = load(text, "okrs.md", "markdown").document
    assert document is not None
    assert document.cycle == cycle
    assert [o.title for o in document.objectives] == ["Clinics book online"]


@pytest.mark.parametrize(
    ("heading", "cycle"),
    [
        ("## Q2 2026 (current)", "2026-Q2"),
        ("## Q1 2026 (closed)", "2026-Q1"),
        ("## H2 FY26", "FY26-H2"),
        ("## FY26 H2 (draft)", "FY26-H2"),
    ],
)
def test_a_cycle_heading_may_note_its_state(heading: str, cycle: str) -> None:
    text = f"# Sales OKRs\n\n{heading}\n\n### O1: Reps ramp faster\n- KR1: Ramp time from 5 to 3 months\n"
    document = load(text, "okrs.md", "markdown").document
    assert document is not None
    assert [document.cycle_of(o) for o in document.objectives] == [cycle]


def test_two_cycles_in_one_file_each_keep_their_own() -> None:
    text = (
        "# Sales OKRs 2026\n\n## Q2 2026 (current)\n\n### O1: Reps ramp faster\n"
        "- KR1: Ramp time from 5 to 3 months\n\n## Q1 2026 (closed)\n\n### O1: Build enablement\n"
        "- KR1: Win rate from 18% to 22% — 0.6\n"
    )
    document = load(text, "okrs.md", "markdown").document
    assert document is not None
    assert [document.cycle_of(o) for o in document.objectives] == ["2026-Q2", "2026-Q1"]


@pytest.mark.parametrize("key", ["quarter", "Quarter", "period", "time-frame"])
def test_a_cycle_under_another_field_name(key: str) -> None:
    yaml_text = f"{key}: 2026-Q3\nobjectives:\n  - title: Grow trials\n    key_results:\n      - Trial-to-paid from 9% to 14%\n"
    front = f"---\n{key}: 2026-Q3\n---\n\n## Objective: Grow trials\n\n- KR1: Trial-to-paid from 9% to 14%\n"
    for text, path, fmt in ((yaml_text, "q2.yaml", "yaml"), (front, "notes.md", "markdown")):
        document = load(text, path, fmt).document
        assert document is not None
        assert document.cycle == "2026-Q3", (fmt, document.cycle)


@pytest.mark.parametrize(
    ("line", "title", "cycle"),
    [
        ("Objective: Win the enterprise market (Q3 2026)", "Win the enterprise market", "2026-Q3"),
        ("Objective 2: Ship v2 [H1 2026]", "Ship v2", "2026-H1"),
        # more than a cycle in the brackets: the title keeps them
        ("Objective: Grow Q3 revenue (vs. Q2)", "Grow Q3 revenue (vs. Q2)", None),
    ],
)
def test_a_cycle_in_brackets_after_the_objective_is_its_cycle(line: str, title: str, cycle: str | None) -> None:
    document = load(f"{line}\nKR1: Churn from 5% to 3%\nKR2: NPS from 20 to 35\n", "draft.txt", "text").document
    assert document is not None
    (objective,) = document.objectives
    assert (objective.title, document.cycle_of(objective)) == (title, cycle)


def test_status_symbols_around_a_statement_are_no_part_of_it() -> None:
    # A mark between the label and its colon, a target symbol before a heading, colours after
    # a result; a done mark is read as done, a colour says nothing of progress.
    text = (
        "## Objective 2 ✅: Delight admins\n\n"
        "- KR1: ✅ Admin setup time from 40 to 10 minutes\n"
        "- KR2: Admin NPS from 10 to 30 🔴\n\n"
        "## 🎯 Ship the mobile app\n\n"
        "### Key results\n\n"
        "- Crash-free sessions from 97% to 99.5% 🟡\n"
        "- Keep the checkout p95 → under 2 s\n"
    )
    result = load(text, "okrs.md", "markdown")
    assert _outline(result) == [
        ("Delight admins", ["Admin setup time from 40 to 10 minutes", "Admin NPS from 10 to 30"]),
        ("Ship the mobile app", ["Crash-free sessions from 97% to 99.5%", "Keep the checkout p95 → under 2 s"]),
    ]
    assert result.document is not None
    progress = [kr.progress for o in result.document.objectives for kr in o.key_results]
    assert progress == [1.0, None, None, None]
    _assert_spans_cover_titles(text, result)


def test_a_tables_baseline_target_and_owner_columns_fill_its_key_results() -> None:
    text = (
        "# Ops OKRs Q3 2026\n\n"
        "| Objective | Key result | Baseline | Target | Owner | Due |\n"
        "|---|---|---|---|---|---|\n"
        "| Make deliveries reliable | On-time delivery rate | 87% | 95% | Ana | 2026-09-15 |\n"
        "|  | Failed first attempts | 9% | TBD | Raj |  |\n"
        "| Cut cost to serve | Cost per delivery | $7.40 | $6.10 | Mei |  |\n"
    )
    result = load(text, "okrs.md", "markdown")
    assert result.document is not None
    krs = [kr for o in result.document.objectives for kr in o.key_results]
    assert [(kr.title, kr.baseline, kr.target, kr.owner) for kr in krs] == [
        ("On-time delivery rate", "87%", "95%", "Ana"),
        ("Failed first attempts", "9%", None, "Raj"),  # "TBD" fills nothing
        ("Cost per delivery", "$7.40", "$6.10", "Mei"),
    ]
    assert krs[0].due == dt.date(2026, 9, 15)
    codes = {(f.code, f.range.start.line) for f in lint_text(text, format="markdown").findings}
    # measured by its cells: no "names no target", no "task", and 87% -> 95% is 8 points on a rate
    assert not {code for code, line in codes if line in (5, 7)} & {"M201", "O101", "A402"}


@pytest.mark.parametrize(
    ("first_line", "cycle"),
    [
        ("Riverside Food Bank, draft OKRs for April to June 2026", "2026-Q2"),
        ("Support team goals, Jan–Mar 2027", "2027-Q1"),
        ("Platform OKRs, July through December 2026", "2026-H2"),
        ("Platform OKRs, February to April 2026", None),  # two months of two quarters: no cycle
        ("Notes from the April to June 2026 offsite", None),  # no OKR word: a note, not the set's name
    ],
)
def test_a_text_drafts_first_line_names_its_period(first_line: str, cycle: str | None) -> None:
    text = f"{first_line}\n\nObjective: Feed every family\nKR: Households reached from 38% to 50%\n"
    document = load(text, "draft.txt", "text").document
    assert document is not None and document.cycle == cycle


def test_table_cells_are_read_as_written_and_a_date_is_no_target() -> None:
    text = (
        "## Objective: Deliver more meals\n\n| Key result | Baseline | Target |\n|---|---|---|\n"
        "| Grow weekly meal deliveries | 950 | 1,200 |\n\n## Objective: Cut cost\n\n"
        "| Key result | Owner | Target |\n|---|---|---|\n"
        "| Cut cost per delivery from $7.40 to $6.10 | Ana | June 30 |\n"
        "| Raise on-time delivery from 87% to 95% | Cy | Q2 |\n"
    )
    document = load(text, "okrs.md", "markdown").document
    assert document is not None
    krs = [kr for o in document.objectives for kr in o.key_results]
    assert [(kr.baseline, kr.target) for kr in krs] == [("950", "1,200"), (None, None), (None, None)]
    codes = [f.code for f in lint_text(text, format="markdown").findings]
    assert "A403" not in codes and "M203" not in codes  # 950 -> 1,200 is no 792x; the starts are stated


def test_a_summary_table_ahead_of_the_full_sections_is_no_second_set() -> None:
    text = (
        "# Platform OKRs Q2 2026\n\n## Summary\n\n| Objective | Key Result | Status |\n|---|---|---|\n"
        "| Make deploys boring | 95% of services on the golden pipeline | on track |\n"
        "| Make deploys boring | Median deploy time under 10 minutes | at risk |\n\n"
        "## Objective 1: Make deploys boring\n\n- 95% of services on the golden pipeline\n"
        "- Median deploy time under 10 minutes\n"
    )
    assert _outline(load(text, "okrs.md", "markdown")) == [
        ("Make deploys boring", ["95% of services on the golden pipeline", "Median deploy time under 10 minutes"])
    ]


def test_a_quarter_in_brackets_without_a_year_leaves_the_files_cycle() -> None:
    text = "---\ncycle: 2026-Q4\n---\n\n## Objective: Win the enterprise market (Q4)\n\n- ARR from $2M to $3M\n- NRR from 100% to 110%\n"
    document = load(text, "okrs.md", "markdown").document
    assert document is not None
    assert [document.cycle_of(o) for o in document.objectives] == ["2026-Q4"]


def test_a_text_draft_without_marks_reads_the_lines_under_each_objective_label() -> None:
    text = (
        "Finance OKRs FY25 Q3\n"
        "Objective: Close the books in 5 days\n"
        "Monthly close completed in 5 business days\n"
        "Zero audit adjustments above $50k\n"
        "Objective: A forecast we can bet on\n"
        "Quarterly revenue forecast within 3% of actual\n"
        "\n"
        "Notes from the finance offsite are in the shared drive.\n"
    )
    result = load(text, "finance.txt", "text")
    assert _outline(result) == [
        ("Close the books in 5 days", ["Monthly close completed in 5 business days", "Zero audit adjustments above $50k"]),
        ("A forecast we can bet on", ["Quarterly revenue forecast within 3% of actual"]),
    ]
    # a file that marks its key results anywhere keeps unmarked lines as prose
    marked = text.replace("Quarterly revenue", "KR: Quarterly revenue")
    assert _outline(load(marked, "finance.txt", "text")) == [
        ("Close the books in 5 days", []),
        ("A forecast we can bet on", ["Quarterly revenue forecast within 3% of actual"]),
    ]


def test_tab_separated_cells_after_a_statement_are_not_part_of_it() -> None:
    # Pasted from a sheet: the owner and score cells follow the statement after tabs.
    text = (
        "Q3 2026 OKRs\n\n"
        "Objective 1: Make onboarding effortless\tOwner: Ana\tStatus: on track\n"
        "KR1: Raise day-7 activation from 31% to 40%\tAna\t0.5\n"
        "KR2:\tCut time to first invite from 2 days to 6 hours\tLi\n"
        "Objective 2\tGrow the partner channel\tMo\n"
        "Key result 1\tPartner-sourced revenue from $1.2M to $2M\tMo\n"
    )
    result = load(text, "okrs.txt", "text")
    assert _outline(result) == [
        (
            "Make onboarding effortless",
            ["Raise day-7 activation from 31% to 40%", "Cut time to first invite from 2 days to 6 hours"],
        ),
        ("Grow the partner channel", ["Partner-sourced revenue from $1.2M to $2M"]),
    ]
    kr = result.document.objectives[0].key_results[1]  # type: ignore[union-attr]
    assert kr.span is not None and (kr.span.start.line, kr.span.start.column) == (5, 6)


def test_a_tab_separated_table_in_a_text_file_is_read_like_a_pipe_table() -> None:
    # A sheet copied into a .txt: a header row naming the columns, the objective cell left
    # blank on its second key result.
    text = (
        "Objective\tKey result\tOwner\tProgress\n"
        "Make onboarding effortless\tRaise day-7 activation from 31% to 40%\tAna\t50%\n"
        "\tCut time to first invite from 2 days to 6 hours\tLi\n"
        "Grow the partner channel\tSign 12 certified partners\tMo\t10%\n"
    )
    assert _outline(load(text, "okrs.txt", "text")) == [
        (
            "Make onboarding effortless",
            ["Raise day-7 activation from 31% to 40%", "Cut time to first invite from 2 days to 6 hours"],
        ),
        ("Grow the partner channel", ["Sign 12 certified partners"]),
    ]


def test_key_results_on_their_objectives_line_are_read_when_labelled_in_sequence() -> None:
    # A board deck's snapshot: one bullet per objective, its key results "(a) …; (b) …" after it.
    text = (
        "# Board update: OKR snapshot, Q2 2026\n\n"
        "- **O1 Expand into Ireland** (0.7): (a) 40 Irish customers signed; (b) €1.5M pipeline\n"
        "- **O2 Ship the API platform**: KR1 public API GA, KR2 25 partners building on it\n"
        "- **O3 Keep the lights on**: (a) uptime 99.9%\n"
        "- **O4 Faster, safer releases**: (b) lead time under a day; (c) no sev-1 incidents\n"
    )
    result = load(text, "board.md", "markdown")
    assert _outline(result) == [
        ("Expand into Ireland", ["40 Irish customers signed", "€1.5M pipeline"]),
        ("Ship the API platform", ["public API GA", "25 partners building on it"]),
        # one labelled result is not a sequence, and a sequence must start at (a)
        ("Keep the lights on: (a) uptime 99.9%", []),
        ("Faster, safer releases: (b) lead time under a day; (c) no sev-1 incidents", []),
    ]
    first = result.document.objectives[0]  # type: ignore[union-attr]
    assert first.progress == 0.7
    spans = [(kr.span.start.line, kr.span.start.column) for kr in first.key_results if kr.span]
    assert spans == [(3, 41), (3, 72)]


def test_confluence_wiki_markup_pasted_into_a_text_file_is_read() -> None:
    # A Confluence/Jira page's source: "h2." headings, "#" numbered items with bold labels,
    # "*" bullets under a non-OKR section, a macro and a "||" table.
    text = (
        "h1. Support OKRs — 2026 Q1\n"
        "\n"
        "{info}Scores are updated at each sprint review.{info}\n"
        "\n"
        "h2. Objective 1: Answers customers never have to chase\n"
        "\n"
        "# *KR1* First response under 2 hours for 90% of tickets (from 61%)\n"
        "# *KR2* Reopened tickets from 12% to 5%\n"
        "\n"
        "h3. Risks\n"
        "\n"
        "* Hiring freeze may delay the night shift\n"
        "\n"
        "||Owner||Team||\n"
        "|Dana|Tier 1|\n"
    )
    result = load(text, "support.txt", "text")
    assert _outline(result) == [
        (
            "Answers customers never have to chase",
            ["First response under 2 hours for 90% of tickets (from 61%)", "Reopened tickets from 12% to 5%"],
        )
    ]
    kr = result.document.objectives[0].key_results[0]  # type: ignore[union-attr]
    assert kr.span is not None and (kr.span.start.line, kr.span.start.column) == (7, 9)
    assert result.document.cycle == "2026-Q1"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("title", "cycle"),
    [("# Search team — Q3 2026", "2026-Q3"), ("# Platform 2026-Q3", "2026-Q3"), ("# Platform 2026", None)],
)
def test_a_page_title_naming_its_team_and_quarter_gives_the_cycle(title: str, cycle: str | None) -> None:
    text = f"{title}\n\n## Objective 1: Make search feel instant\n\n- KR1: Cut p95 latency from 900 ms to 300 ms\n"
    result = load(text, "okrs.md", "markdown")
    assert result.document is not None and result.document.cycle == cycle


@pytest.mark.parametrize(
    ("text", "cycle"),
    [
        ("2e trimestre 2025", "2025-Q2"),
        ("1er trimestre 2026", "2026-Q1"),
        ("2º trimestre de 2025", "2025-Q2"),
        ("2. Quartal 2026", "2026-Q2"),
        ("Trimestre 3 2025", "2025-Q3"),
        ("T4 2025", "2025-Q4"),
        ("Tier T2 servers", None),
    ],
)
def test_quarters_named_in_other_languages(text: str, cycle: str | None) -> None:
    from okrlint.loaders.cycles import find_cycle

    assert find_cycle(text) == cycle


def test_rc_labels_the_key_results_of_a_french_or_spanish_draft() -> None:
    text = (
        "OKR — 2e trimestre 2026\n\n"
        "OBJECTIF 1 : Faire revenir les ados à la médiathèque\n\n"
        "   RC 1.1 : 250 nouvelles inscriptions de 12-17 ans (T1 : 120)\n"
        "   RC 1.2 : 40 % des collèges du secteur accueillis une fois\n"
    )
    result = load(text, "okr.txt", "text")
    assert _outline(result) == [
        (
            "Faire revenir les ados à la médiathèque",
            ["250 nouvelles inscriptions de 12-17 ans (T1 : 120)", "40 % des collèges du secteur accueillis une fois"],
        )
    ]
    assert result.document is not None and result.document.cycle == "2026-Q2"


def test_lettered_key_results_hard_wrapped_in_an_email_are_read_whole() -> None:
    # An update sent by email: "KR a)" labels, lines wrapped at 72 columns and indented
    # under the label; a numbered list of requests after the objectives is not theirs.
    text = (
        "Subject: Q3 OKRs - mid-quarter check-in\n\n"
        "OBJECTIVE 1. Renewing a permit takes one visit to one website\n"
        "   KR a) Online renewal open to 80% of eligible residents by\n"
        "         Sept 30 (we're at 55%)\n"
        "   KR b) Completion rate of the online flow above 85%\n\n"
        "A few things I need from you:\n\n"
        "1. Product leads: update the tracker before Wednesday noon.\n"
    )
    result = load(text, "update.txt", "text")
    assert _outline(result) == [
        (
            "Renewing a permit takes one visit to one website",
            [
                "Online renewal open to 80% of eligible residents by Sept 30 (we're at 55%)",
                "Completion rate of the online flow above 85%",
            ],
        )
    ]
    first = result.document.objectives[0].key_results[0]  # type: ignore[union-attr]
    assert first.span is not None and (first.span.start.line, first.span.end.line) == (4, 5)


def test_an_issue_trackers_table_of_typed_rows_is_read_by_type_and_parent() -> None:
    # A tracker's export: a type column, a summary column, epics mixed in, and a key result
    # added late at the bottom that names its objective in the Parent column.
    text = (
        "# Payments — OKRs Q2 2026\n\n"
        "| Key | Issue Type | Summary | Parent | Status |\n"
        "|-----|------------|---------|--------|--------|\n"
        "| PAY-1 | Objective | Make paying a bill effortless | | IN PROGRESS |\n"
        "| PAY-2 | Key Result | Checkout completion from 71% to 85% | PAY-1 | TO DO |\n"
        "| PAY-3 | Objective | Earn back merchants' trust | | TO DO |\n"
        "| PAY-4 | Key Result | Disputes per 1,000 payments from 4.1 to 2.5 | PAY-3 | TO DO |\n"
        "| PAY-5 | Epic | Rebuild the ledger | PAY-1 | IN PROGRESS |\n"
        "| PAY-9 | Key Result | Median payout time under 24 hours | PAY-1 | TO DO |\n"
    )
    result = load(text, "okrs.md", "markdown")
    assert _outline(result) == [
        ("Make paying a bill effortless", ["Checkout completion from 71% to 85%", "Median payout time under 24 hours"]),
        ("Earn back merchants' trust", ["Disputes per 1,000 payments from 4.1 to 2.5"]),
    ]


def test_an_okr_tools_json_export_with_metrics_and_owner_records_is_read() -> None:
    # Goals with "metrics" for key results, owners as records, tasks beside them.
    text = (
        '{"goals": [{"name": "Make renewals a non-event", "owner": {"name": "Tomás F.", "type": "user"},\n'
        '  "metrics": [{"name": "Gross revenue retention from 88% to 93%", "owner": {"name": "Ana"}},\n'
        '              {"name": "Renewals signed 30 days before term from 40% to 70%"}],\n'
        '  "tasks": [{"name": "Hire a renewals manager"}]}]}\n'
    )
    result = load(text, "export.json", "yaml")
    assert _outline(result) == [
        (
            "Make renewals a non-event",
            ["Gross revenue retention from 88% to 93%", "Renewals signed 30 days before term from 40% to 70%"],
        )
    ]
    assert not [d for d in result.diagnostics if d.code == "E002"]
    objective = result.document.objectives[0]  # type: ignore[union-attr]
    assert objective.owner == "Tomás F." and objective.key_results[0].owner == "Ana"


def test_meeting_notes_with_the_set_under_a_cycle_heading_read_only_the_set() -> None:
    # Notes of a planning meeting: sections of bullets around the one section that holds
    # the agreed objectives, each with its key results nested under it.
    text = (
        "# Team offsite — notes, March 12\n\n"
        "## 1. Q1 review\n- Revenue landed ~0.7, expansion weak.\n- Hiring 0.4: two offers declined.\n\n"
        "## 2. Q2 OKRs (agreed)\n\n"
        "1. **Close the gap to profitability** (owner: Chris)\n"
        "   - Monthly net burn under €400k by June (March: €610k)\n"
        "   - Gross margin from 61% to 66%\n"
        "2. **Make expansion revenue a habit**\n"
        "   - Net revenue retention 112% → 118%\n\n"
        "## 3. Hiring plan\n- Open: 2 AEs, 1 SRE.\n- Freeze everything else until the burn is on track.\n"
    )
    result = load(text, "notes.md", "markdown")
    assert [title for title, _krs in _outline(result)] == [
        "Close the gap to profitability",
        "Make expansion revenue a habit",
    ]
    assert result.document is not None and result.document.objectives[0].owner == "Chris"


def test_an_html_table_with_an_objective_spanning_rows_is_read() -> None:
    # A wiki page's team section: who leads it, then an HTML table whose objective cell
    # spans its key results' rows (entities and inline tags in the cells).
    text = (
        "# Q2 2026 OKRs by team\n\n"
        "## Checkout\n\n"
        "**Team lead:** Femi Adebayo\n\n"
        "<table>\n"
        "  <tr><th>Objective</th><th>Key results</th><th>Owner</th></tr>\n"
        '  <tr><td rowspan="2"><b>Checkout never loses a sale</b></td>\n'
        "      <td>Payment error rate below 0.3% (now 0.9%)</td><td>Femi</td></tr>\n"
        "  <tr><td>Checkout p95 latency &lt; 800&nbsp;ms</td><td>Jo</td></tr>\n"
        "  <tr><td>Make refunds boring</td><td>Refund tickets from 120 to 40 a week</td><td>Jo</td></tr>\n"
        "</table>\n"
    )
    result = load(text, "teams.md", "markdown")
    assert _outline(result) == [
        ("Checkout never loses a sale", ["Payment error rate below 0.3% (now 0.9%)", "Checkout p95 latency < 800 ms"]),
        ("Make refunds boring", ["Refund tickets from 120 to 40 a week"]),
    ]
    first = result.document.objectives[0]  # type: ignore[union-attr]
    assert first.span is not None and first.span.start.line == 9
    assert [kr.span.start.line for kr in first.key_results if kr.span] == [10, 11]


def test_an_org_mode_file_is_read_with_its_spans_and_shown_as_written() -> None:
    text = (
        "#+TITLE: OKRs 2026\n\n"
        "* Q1 2026                                    :q1:\n"
        "** Objective: Build a steady freelance pipeline [1/3]\n"
        "   :PROPERTIES:\n   :CONFIDENCE: 0.6\n   :END:\n"
        "*** DONE Land 3 retainer clients at €2k/month or more\n"
        "    CLOSED: [2026-02-11 Wed]\n"
        "*** TODO Newsletter leads from 2/month to 6/month\n"
        "** Tasks                                     :admin:\n"
        "*** TODO Renew professional liability insurance\n"
    )
    result = load(text, "okrs.org", "markdown")
    assert _outline(result) == [
        (
            "Build a steady freelance pipeline",
            ["Land 3 retainer clients at €2k/month or more", "Newsletter leads from 2/month to 6/month"],
        )
    ]
    assert result.source == text and result.document is not None and result.document.cycle == "2026-Q1"
    first = result.document.objectives[0].key_results[0]
    assert first.span is not None and (first.span.start.line, first.span.start.column) == (8, 10)


def test_plain_headings_that_state_targets_stay_beside_a_drafted_cycle_section() -> None:
    # Two unlabelled objectives with measured lists, then next quarter's draft under a cycle
    # heading: the draft does not turn the set above it into notes.
    text = (
        "# Payments team\n\n"
        "## Cut failed payments\n- Failed card payments from 4% to 2% by Sept 30\n"
        "- Chargebacks from 120 to 60 a month by Sept 30\n\n"
        "## Make payouts instant\n- Payouts settled in under 1 minute from 10% to 80%\n\n"
        "## Q4 2026 OKRs (draft)\n- Expand into Germany\n  - 20 German merchants live by Dec 31\n"
        "  - EUR payouts for 100% of German merchants by Dec 31\n"
    )
    titles = [title for title, _krs in _outline(load(text, "okrs.md", "markdown"))]
    assert titles == ["Cut failed payments", "Make payouts instant", "Expand into Germany"]


def test_review_findings_on_the_new_readers_stay_fixed() -> None:
    # Repeated owner notes do not recurse; a short first key result in a tab-separated draft
    # is no table header; "RC1:" in an English draft is a release candidate, not a key result;
    # a "Status update:" line ends the key results before it.
    many = "Objective: Grow\n- KR: Raise NPS from 30 to 45" + " (owner: a)" * 1500 + "\n"
    assert _outline(load(many, "x.txt", "text"))[0][1] == ["Raise NPS from 30 to 45"]
    tabbed = "Objective 1: Grow the UK\nKR1: 40 UK customers\tAna\t0.5\nKR2: Pipeline from £1M to £2M\tLi\n"
    assert _outline(load(tabbed, "x.txt", "text"))[0][1] == ["40 UK customers", "Pipeline from £1M to £2M"]
    release = "## Objective: Ship 2.0 safely\n\n- KR1: Crash-free sessions from 98% to 99.5%\n\nRC1: tag on Monday\n"
    assert _outline(load(release, "x.md", "markdown"))[0][1] == ["Crash-free sessions from 98% to 99.5%"]
    status = (
        "## Objective: Make support a reason to stay\n\n- KR1: CSAT from 78% to 90%\n\n"
        "Status update: on track\n\n- Hired two agents\n- New macros live\n"
    )
    assert _outline(load(status, "x.md", "markdown"))[0][1] == ["CSAT from 78% to 90%"]


def test_html_tables_read_a_spanning_key_result_once_and_past_a_blank_line() -> None:
    text = (
        "# Q2 2026 OKRs\n\n<table>\n<tr><th>Objective</th><th>Key results</th></tr>\n"
        '<tr><td rowspan="2">Checkout never loses a sale</td><td>\n   Payment errors from 0.9% to 0.3%\n</td></tr>\n\n'
        "<tr><td>Apple Pay live on web</td></tr>\n"
        '<tr><td>Keep payments flowing</td><td rowspan="2">Cut churn from 5% to 3%</td></tr>\n'
        "<tr><td>Grow more</td></tr>\n</table>\n"
    )
    result = load(text, "x.md", "markdown")
    outline = _outline(result)
    assert outline[0] == ("Checkout never loses a sale", ["Payment errors from 0.9% to 0.3%", "Apple Pay live on web"])
    assert [krs for title, krs in outline if title == "Keep payments flowing"] == [["Cut churn from 5% to 3%"]]
    kr = result.document.objectives[0].key_results[0]  # type: ignore[union-attr]
    assert kr.span is not None and (kr.span.start.line, kr.span.start.column) == (6, 4)
