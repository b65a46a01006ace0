"""How many precision traps (benchmarks/traps.txt) still fire the rule they probe.

Prints each one that fires, then the count: `python benchmarks/traps.py [CODE-PREFIX ...]`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from okrlint.api import lint_text

TRAPS = Path(__file__).with_name("traps.txt")
SIBLING = "Raise NPS from 30 to 45"  # a second key result, so focus rules stay quiet


def main(prefixes: list[str]) -> None:
    cases = fired = 0
    for line in TRAPS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        watch, text = (part.strip() for part in line.split("|", 1))
        if watch.startswith("OBJ:"):
            codes = watch[4:].split(",")
            objective = {"title": text, "key_results": [SIBLING, "Cut churn from 3% to 2%"]}
        else:
            codes = watch.split(",")
            objective = {"title": "Delight customers", "key_results": [text, SIBLING]}
        document = json.dumps({"cycle": "2026-Q2", "objectives": [objective]})
        report = lint_text(document, path="trap.yaml")
        hits = [f for f in report.findings if f.code in codes and f.node.text != SIBLING]
        cases += 1
        if hits:
            fired += 1
            if not prefixes or hits[0].code.startswith(tuple(prefixes)):
                print(f"{hits[0].code} | {text} | {hits[0].message}")
    print(f"{fired} of {cases} traps fire")


if __name__ == "__main__":
    main(sys.argv[1:])
