"""reStructuredText and AsciiDoc files: read through the text and Markdown loaders after a
column-for-column rewrite, so findings point into the file as written."""

from __future__ import annotations

import json

from okrlint.loaders import format_for, load
from okrlint.loaders.asciidoc import markdown_text
from okrlint.loaders.restructured_text import plain_text
from okrlint.models import LoadResult

# A Sphinx handbook page: a title between "=" lines, field lists, a comment, a contents
# directive with options, sections underlined, auto-numbered items, an admonition, a grid
# table and a simple table.
RST = """\
=======================
Data team OKRs, Q3 2026
=======================

:Owner: Priya Raman
:Status: in progress

.. contents:: On this page
   :depth: 2

.. A comment: old key result, dropped
   Reduce toil by 20%

Objective 1: Make dashboards trustworthy
----------------------------------------

#. Data freshness SLO met on 99% of days (today 91%)
#. Broken-dashboard reports from 40 to 10 a month

.. note:: Freshness is measured by the nightly job.

Objective 2: Grow self-serve analytics
--------------------------------------

+-------------------------------------------+--------+
| Key result                                | Owner  |
+===========================================+========+
| Weekly dashboard users from 120 to 300    | Sam    |
+-------------------------------------------+--------+
| Launch the metrics catalogue              | Li     |
+-------------------------------------------+--------+

Objective 3: Spend less on the warehouse
----------------------------------------

=========================================  =======
Key result                                 Owner
=========================================  =======
Warehouse spend from $40k to $30k a month  Priya
Retire the legacy ETL cluster              Sam
=========================================  =======

Notes
~~~~~

Freshness numbers come from the nightly job.
"""

# An Antora page: attributes, a comment, a block title, nested and numbered lists, an
# admonition block, a comment block, a table with a header row and a listing block.
ADOC = """\
= Platform OKRs, Q1 2027
:toc: left
:icons: font

// internal draft

== Objective 1: Make deploys boring

.Key results
* Change failure rate from 18% to under 8%
** measured on the CI dashboard
* Median deploy time from 25 min to 10 min
* Migrate all services to the new pipeline

[NOTE]
====
The migration is tracked in the tracker.
====

== Objective 2: Cut on-call load

. Pages per week from 30 to 12
. Write runbooks for every alert

////
Old key result: Reduce toil by 20%
////

== Objective 3: Grow adoption

[options="header"]
|===
|Key result |Owner

|Teams on the platform from 12 to 30 |Ana
|Onboarding NPS from 10 to 40 |Raj
|===

----
* Not a key result: code
----
"""


def _outline(result: LoadResult) -> list[tuple[str, list[str]]]:
    assert result.document is not None
    return [(o.title, [kr.title for kr in o.key_results]) for o in result.document.objectives]


def test_the_extensions_are_read() -> None:
    assert [format_for(name) for name in ("a.rst", "b.adoc", "c.asciidoc")] == ["text", "markdown", "markdown"]


def test_a_restructured_text_page_is_read_with_its_tables() -> None:
    result = load(RST, "okrs.rst", "text")
    assert _outline(result) == [
        (
            "Make dashboards trustworthy",
            ["Data freshness SLO met on 99% of days (today 91%)", "Broken-dashboard reports from 40 to 10 a month"],
        ),
        ("Grow self-serve analytics", ["Weekly dashboard users from 120 to 300", "Launch the metrics catalogue"]),
        ("Spend less on the warehouse", ["Warehouse spend from $40k to $30k a month", "Retire the legacy ETL cluster"]),
    ]
    assert result.document is not None and result.document.cycle == "2026-Q3"
    assert result.source == RST  # shown as written, not as rewritten


def _spans_point_at_titles(result: LoadResult, text: str) -> None:
    """Every objective and key result starts where its words start in the file as written."""
    assert result.document is not None
    lines = text.split("\n")
    nodes = [n for o in result.document.objectives for n in (o, *o.key_results)]
    for node in nodes:
        assert node.span is not None
        start = node.span.start
        assert lines[start.line - 1][start.column - 1 :].startswith(node.title[:12]), node.title


def test_restructured_text_spans_point_into_the_file_as_written() -> None:
    _spans_point_at_titles(load(RST, "okrs.rst", "text"), RST)


def test_the_restructured_text_rewrite_keeps_lines_and_columns() -> None:
    plain = plain_text(RST)
    assert len(plain.split("\n")) == len(RST.split("\n"))
    for written, rewritten in zip(RST.split("\n"), plain.split("\n"), strict=True):
        assert len(rewritten) <= len(written) + 2  # at most a closing " |" on a table row
        for column, char in enumerate(rewritten[: len(written)]):
            assert char in (written[column], " ", "|", "-", ""), (written, rewritten)


def test_an_asciidoc_page_is_read_with_its_table() -> None:
    result = load(ADOC, "okrs.adoc", "markdown")
    assert _outline(result) == [
        (
            "Make deploys boring",
            [
                "Change failure rate from 18% to under 8%",
                "Median deploy time from 25 min to 10 min",
                "Migrate all services to the new pipeline",
            ],
        ),
        ("Cut on-call load", ["Pages per week from 30 to 12", "Write runbooks for every alert"]),
        ("Grow adoption", ["Teams on the platform from 12 to 30", "Onboarding NPS from 10 to 40"]),
    ]
    assert result.document is not None and result.document.cycle == "2027-Q1"
    assert result.source == ADOC


def test_asciidoc_spans_point_into_the_file_as_written() -> None:
    _spans_point_at_titles(load(ADOC, "okrs.adoc", "markdown"), ADOC)


def test_the_asciidoc_rewrite_keeps_lines_and_columns() -> None:
    markdown = markdown_text(ADOC)
    assert len(markdown.split("\n")) == len(ADOC.split("\n"))
    for written, rewritten in zip(ADOC.split("\n"), markdown.split("\n"), strict=True):
        if written.strip():
            assert len(rewritten) in (0, len(written)), (written, rewritten)


def test_check_quotes_the_lines_as_written_and_a_walk_finds_both(write, cli) -> None:
    write("okrs/data.rst", RST)
    write("okrs/platform.adoc", ADOC)
    write("docs/about.rst", "About\n=====\n\nWe write OKRs each quarter.\n")
    run = cli("check", "--format", "json", ".")
    findings = json.loads(run.stdout)["findings"]
    paths = {finding["path"] for finding in findings}
    assert paths == {"okrs/data.rst", "okrs/platform.adoc"}
    launch = [f for f in findings if f["path"] == "okrs/data.rst" and f["code"] == "O101"]
    assert [(f["range"]["start"]["line"], f["range"]["start"]["column"]) for f in launch] == [(30, 3), (40, 1)]
    text = cli("check", "okrs/platform.adoc").stdout
    assert "| * Migrate all services to the new pipeline" in text  # the line as written


def test_the_unknown_type_message_lists_the_new_extensions(write, cli) -> None:
    write("notes.pdf", "x")
    run = cli("check", "notes.pdf")
    assert run.exit_code == 2
    assert ".org, .adoc, .asciidoc, .rst, .txt" in run.stderr


def test_a_markdown_definition_list_is_terms_over_their_key_results() -> None:
    # pandoc / PHP Markdown Extra definition lists: a term (plain or bold) over ":" lines;
    # a ":" line inside code or after a list item is left as it is.
    text = (
        "# Growth OKRs Q2 2026\n\n"
        "Make onboarding delightful\n:   Activation from 30% to 45%\n:   Time to first value under 5 min\n\n"
        "**Keep customers longer**\n\n:   Monthly churn from 3% to 2%\n\n"
        "```\nTerm\n: code, not a definition\n```\n"
    )
    result = load(text, "growth.md", "markdown")
    assert _outline(result) == [
        ("Make onboarding delightful", ["Activation from 30% to 45%", "Time to first value under 5 min"]),
        ("Keep customers longer", ["Monthly churn from 3% to 2%"]),
    ]
    kr = result.document.objectives[1].key_results[0]  # type: ignore[union-attr]
    assert kr.span is not None and (kr.span.start.line, kr.span.start.column) == (9, 5)


def test_an_asciidoc_table_written_one_cell_per_line_is_read_row_by_row() -> None:
    text = (
        "= Library OKRs, Q2 2026\n\n== Objective B: Items reach people quickly\n\n"
        '[cols="1,5,2",options="header"]\n|===\n|ID\n|Key result\n|Lead\n\n'
        "|B1\n|Holds ready for pick-up within 4 days of the request\n|Circulation\n\n"
        "|B2\n|Interlibrary loans delivered within 10 working days\n|Circulation\n|===\n\n"
        "== Objective C: Close the digital skills gap\n\n* 300 residents finish the basics course\n"
    )
    result = load(text, "okrs.adoc", "markdown")
    assert _outline(result) == [
        (
            "Items reach people quickly",
            ["Holds ready for pick-up within 4 days of the request", "Interlibrary loans delivered within 10 working days"],
        ),
        ("Close the digital skills gap", ["300 residents finish the basics course"]),
    ]
    kr = result.document.objectives[0].key_results[0]  # type: ignore[union-attr]
    assert kr.span is not None and (kr.span.start.line, kr.span.start.column) == (12, 2)  # its own cell
