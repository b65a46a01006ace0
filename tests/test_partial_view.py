"""A run over some files of a repository (a pre-commit hook's view) judges the cross-file rules
against the whole repository when given `--context`, and reports only on the files named."""

from __future__ import annotations

COMPANY = (
    "cycle: 2026-Q2\nowner: company\nobjectives:\n  - id: CO-1\n    title: Win the mid-market\n"
    "    key_results: [Grow ARR from $2M to $3M by June 30, Lift NRR from 98% to 110% by June 30]\n"
)
TEAM = (
    "cycle: 2026-Q2\nowner: growth\nobjectives:\n  - title: Close deals faster\n"
    "    parent: {parent}\n    key_results: [Cut sales cycle from 60 to 45 days by June 30,"
    " Raise win rate from 20% to 25% by June 30]\n"
)


def test_unknown_parent_needs_the_whole_repository(cli, write) -> None:
    write("okrs/company.yaml", COMPANY)
    write("okrs/team.yaml", TEAM.format(parent="CO-1"))
    assert cli("check", "--format", "json", "okrs/team.yaml").codes() == ["C602"]  # partial view
    run = cli("check", "--format", "json", "--context", ".", "okrs/team.yaml")
    assert run.codes() == [] and run.json()["summary"]["files"] == 1
    write("okrs/team.yaml", TEAM.format(parent="CO-9"))
    assert cli("check", "--format", "json", "--context", ".", "okrs/team.yaml").codes() == ["C602"]


def test_objectives_per_owner_count_across_files(cli, write) -> None:
    one = "cycle: 2026-Q2\nowner: growth\nobjectives:\n" + "".join(
        f"  - title: Objective {i}\n    key_results: [Raise A from {i} to {i + 9} by June 30,"
        f" Raise B from {i} to {i + 8} by June 30]\n"
        for i in range(4)
    )
    write("okrs/a.yaml", one)
    write("okrs/b.yaml", one.replace("Objective", "Goal"))
    assert "F301" not in cli("check", "--format", "json", "okrs/b.yaml").codes()
    codes = cli("check", "--format", "json", "--context", ".", "okrs/b.yaml").codes()
    assert "F301" in codes  # eight objectives for growth in 2026-Q2, the sixth is in b.yaml


def test_skip_non_okr_skips_named_files_without_okrs(cli, write) -> None:
    write("okrs/README.md", "# How we use OKRs\n\nWe review them weekly.\n")
    assert cli("check", "okrs/README.md").exit_code == 1  # named: linted (E002)
    run = cli("check", "--skip-non-okr", "--format", "json", "okrs/README.md")
    assert run.exit_code == 0 and run.codes() == []
