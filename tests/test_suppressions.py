"""Inline suppressions stay honest: directives come from comments only, and one that suppresses
nothing, names no rule or gives a prefix is reported (E004) with a fix that removes it."""

from __future__ import annotations

import pytest

TASK = """\
cycle: 2026-Q2
objectives:
  - title: Delight customers
    key_results:
      - Launch the new app{comment}
      - Raise NPS from 30 to 45
"""


def _codes(cli, name: str, *args: str) -> list[str]:
    return cli("check", "--format", "json", *args, name).codes()


def test_markdown_comment_is_never_part_of_the_key_result(cli, write) -> None:
    write(
        "okrs.md",
        "# Q2 OKRs\n\n## Objective: Delight customers\n\n"
        "- KR1: Launch the app <!-- okrlint: disable=M204 -->\n"
        "- KR2: Raise NPS from 30 to 45 by June 30\n",
    )
    findings = cli("check", "--format", "json", "okrs.md").json()["findings"]
    task = next(f for f in findings if f["code"] == "O101")
    assert task["node"]["text"] == "Launch the app"
    assert "okrlint" not in (task["suggestion"] or "") and "<!--" not in task["message"]
    assert task["range"]["end"]["column"] == len("- KR1: Launch the app") + 1
    assert "M204" not in [f["code"] for f in findings]  # the directive still works


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "okrs.yaml",
            TASK.format(comment="").replace(
                "Launch the new app", "'Launch the new app, okrlint: disable-file'"
            ),
        ),
        (
            "okrs.yaml",
            TASK.format(comment="").replace(
                "Launch the new app", '"Launch # okrlint: disable-file"'
            ),
        ),
        (
            "okrs.md",
            (
                "## Objective: Delight customers\n"
                "\n"
                "- Launch the app okrlint: disable-file\n"
                "- Raise NPS from 30 to 45\n"
            ),
        ),
        (
            "okrs.md",
            (
                "## Objective: Delight customers\n"
                "\n"
                "- Launch the app # okrlint: disable-file\n"
                "- Raise NPS from 30 to 45\n"
            ),
        ),
        (
            "okrs.txt",
            (
                "Objective: Delight customers\n"
                "KR: Launch the app okrlint: disable-file\n"
                "KR: Raise NPS from 30 to 45\n"
            ),
        ),
    ],
    ids=["yaml-single-quoted", "yaml-double-quoted", "md-text", "md-hash", "text"],
)
def test_directive_words_in_okr_text_switch_nothing_off(cli, write, name: str, text: str) -> None:
    write(name, text)
    assert "O101" in _codes(cli, name)


def test_directives_in_comments_still_work(cli, write) -> None:
    write("okrs.yaml", "# okrlint: disable-file=O101\n" + TASK.format(comment=""))
    assert _codes(cli, "okrs.yaml") == []
    write(
        "okrs.txt",
        (
            "# okrlint: disable-file=O101\n"
            "Objective: Delight customers\n"
            "KR: Launch the app\n"
            "KR: Raise NPS from 30 to 45 by June 30\n"
        ),
    )
    assert "O101" not in _codes(cli, "okrs.txt")


@pytest.mark.parametrize(
    ("comment", "quoted"),
    [
        ("  # okrlint: disable=M203", "'M203' suppresses nothing here"),
        ("  # okrlint: disable=O1O1", "'O1O1' names no rule"),
        ("  # okrlint: disable=O1", "'O1' is a prefix"),
    ],
    ids=["unused", "unknown", "prefix"],
)
def test_stale_directives_are_reported_with_a_fix(cli, write, comment: str, quoted: str) -> None:
    path = write("okrs.yaml", TASK.format(comment=comment))
    findings = cli("check", "--format", "json", "okrs.yaml").json()["findings"]
    stale = [f for f in findings if f["code"] == "E004"]
    assert len(stale) == 1 and quoted in stale[0]["message"]
    assert stale[0]["fix"]["applicability"] == "safe"
    assert "O101" in [f["code"] for f in findings]  # a prefix or unknown code disables nothing
    cli("check", "--fix", "okrs.yaml")
    assert path.read_text() == TASK.format(comment="")
    assert "E004" not in _codes(cli, "okrs.yaml")


def test_only_the_stale_code_is_removed_from_a_list(cli, write) -> None:
    path = write("okrs.yaml", TASK.format(comment="  # okrlint: disable=O101, M203"))
    assert _codes(cli, "okrs.yaml") == ["E004"]
    cli("check", "--fix", "okrs.yaml")
    assert path.read_text() == TASK.format(comment="  # okrlint: disable=O101")
    assert _codes(cli, "okrs.yaml") == []


def test_a_directive_on_its_own_line_goes_with_its_line(cli, write) -> None:
    text = TASK.format(comment="").replace(
        "      - Raise NPS", "      # okrlint: disable=task-not-outcome\n      - Raise NPS"
    )
    path = write("okrs.yaml", text)
    assert "E004" in _codes(cli, "okrs.yaml")
    cli("check", "--fix", "okrs.yaml")
    assert path.read_text() == TASK.format(comment="")


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        (
            "okrs.yaml",
            TASK.format(comment="  # okrlint: disable=M203 -- agreed with Sam at planning"),
            TASK.format(comment="  # agreed with Sam at planning"),
        ),
        (
            "okrs.yaml",
            TASK.format(comment="  # see #12 okrlint: disable=M203"),
            TASK.format(comment="  # see #12"),
        ),
        (
            "okrs.md",
            "## Objective: Delight customers\n\n"
            "- Launch the app <!-- okrlint: disable=M203: legal asked -->\n"
            "- Raise NPS from 30 to 45\n",
            "## Objective: Delight customers\n\n"
            "- Launch the app <!-- legal asked -->\n"
            "- Raise NPS from 30 to 45\n",
        ),
    ],
    ids=["yaml-after", "yaml-before", "markdown"],
)
def test_the_fix_keeps_the_authors_note_beside_a_stale_directive(
    cli, write, name: str, before: str, after: str
) -> None:
    # Only the directive is stale; the words beside it are the author's, so they stay.
    path = write(name, before)
    assert "E004" in _codes(cli, name)
    cli("check", "--fix", name)
    assert path.read_text() == after
    assert "E004" not in _codes(cli, name)


def test_an_unused_directive_for_a_rule_not_selected_is_not_reported(cli, write) -> None:
    write("okrs.yaml", TASK.format(comment="  # okrlint: disable=M203"))
    assert _codes(cli, "okrs.yaml", "--select", "O1,E") == ["O101"]


def test_html_comment_closed_without_a_space_ends_the_code(cli, write) -> None:
    # "<!--okrlint: disable=O102-->": the "--" closes the comment, it is not part of the code.
    write(
        "okrs.md",
        "## Objective: Grow the blog audience\n\n"
        "- Publish 20 blog posts <!--okrlint: disable=O102-->\n"
        "- Raise NPS from 30 to 40\n",
    )
    assert "O102" not in _codes(cli, "okrs.md")
    assert "E004" not in _codes(cli, "okrs.md")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("okrs.yaml", TASK.format(comment="  # okrlint: disable=")),
        (
            "okrs.md",
            "## Objective: Delight customers\n\n- Launch the app <!-- okrlint: disable= -->\n"
            "- Raise NPS from 30 to 45\n",
        ),
    ],
    ids=["yaml", "markdown"],
)
def test_an_empty_code_list_disables_nothing_and_is_reported_without_a_fix(cli, write, name, text) -> None:
    path = write(name, text)
    findings = cli("check", "--format", "json", name).json()["findings"]
    codes = [f["code"] for f in findings]
    assert "O101" in codes and codes.count("E004") == 1
    assert next(f for f in findings if f["code"] == "E004")["fix"] is None
    cli("check", "--fix", name)
    assert path.read_text() == text  # what the author meant to disable is theirs to say


def test_a_bare_directive_never_hides_a_file_okrlint_cannot_read(cli, write) -> None:
    write("okrs.yaml", "cycle: 2026-Q2\nobjectives:\n  - title: x\n    key_results: [a, b  # okrlint: disable\n")
    assert _codes(cli, "okrs.yaml") == ["E001"]


def test_a_bare_directive_still_hides_an_invalid_field(cli, write) -> None:
    # Only a file okrlint cannot read is exempt from a bare directive (README), not E002.
    text = TASK.format(comment="").replace("      - Raise NPS", "      # okrlint: disable\n      - {title: Raise NPS from 30 to 45, confidence: high}\n      - Raise NPS")
    write("okrs.yaml", text)
    codes = _codes(cli, "okrs.yaml")
    assert "E002" not in codes and "E004" not in codes
