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
