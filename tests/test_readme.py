"""The README stays true.

Its rule table is `okrlint rules --format markdown`, and its commands exist.
"""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from okrlint.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def test_rule_table_matches_okrlint_rules() -> None:
    text = README.read_text(encoding="utf-8")
    table = re.search(r"<!-- rules:start -->\n(.*?)\n<!-- rules:end -->", text, re.S)
    assert table, "README lacks the rules table markers"
    result = CliRunner().invoke(main, ["rules", "--format", "markdown"])
    assert result.exit_code == 0
    assert table.group(1).strip() == result.output.strip(), (
        "README rule table is stale: paste the output of `okrlint rules --format markdown`"
    )


def test_readme_carries_the_two_setup_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README.read_text(encoding="utf-8"), re.S)
    assert blocks == [
        "pip install . && okrlint check examples/",
        "pip install -e '.[test]' && python -m pytest",
    ]


def test_the_opening_example_is_what_okrlint_prints(tmp_path: Path, monkeypatch) -> None:
    # The file behind the README's first console block: its two key results are shown there.
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "2026-Q2.yaml").write_text(
        "cycle: 2026-Q2\nobjectives:\n  - title: Make onboarding something people finish\n"
        "    owner: growth\n    key_results:\n      - Launch the new onboarding flow\n"
        "      - Try to reach 40% week-one activation\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    shown = re.search(r"```console\n\$ okrlint check okrs/\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert shown, "README lacks its opening example"
    result = CliRunner().invoke(main, ["check", "okrs/"])
    assert result.output == shown.group(1)
