"""Precision and recall of the rules on the labelled corpus: `python -m okrlint.eval`.

Each corpus item (corpora/labelled/*.jsonl) is linted as a one-objective document; a rule
"fires on the item" if it reports anything on it. Only the rules an item is labelled for
(its `labelled` prefixes) are scored on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from okrlint.api import default_rulebook, lint_results
from okrlint.config import Settings
from okrlint.loaders import load
from okrlint.resources import data_dir
from okrlint.samples import snippet


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def read_corpus(folder: Path | None = None, pattern: str = "*.jsonl") -> list[dict[str, Any]]:
    folder = folder or data_dir("corpora") / "labelled"
    items = []
    for path in sorted(folder.glob(pattern)):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                item = json.loads(line)
                item["_where"] = f"{path.name}:{number}"
                items.append(item)
    return items


def fired_codes(item: dict[str, Any]) -> set[str]:
    """The codes okrlint reports on one corpus item."""
    key_results = item["key_results"] if "key_results" in item else [item["kr"]]
    text = snippet(
        key_results,
        item.get("objective"),
        item.get("cycle"),
        item.get("scope"),
        item.get("scoring"),
    )
    report = lint_results([load(text, f"{item['id']}.yaml", "yaml")], Settings())
    return {finding.code for finding in report.findings}


def evaluate(items: list[dict[str, Any]]) -> dict[str, Score]:
    codes = [rule.code for rule in default_rulebook()]
    scores: dict[str, Score] = defaultdict(Score)
    for item in items:
        fired = fired_codes(item)
        expected = set(item["expect"])
        scored = [c for c in codes if any(c.startswith(p) for p in item["labelled"])]
        label = item["kr"] if "kr" in item else item.get("key_results")
        text = label["title"] if isinstance(label, dict) else json.dumps(label, ensure_ascii=False)
        shown = f"{item['id']}: {text}"
        for code in scored:
            score = scores[code]
            if code in fired and code in expected:
                score.tp += 1
            elif code in fired:
                score.fp += 1
                score.false_positives.append(shown)
            elif code in expected:
                score.fn += 1
                score.false_negatives.append(shown)
    return dict(sorted(scores.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m okrlint.eval", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--show", default="", help="codes whose false positives/negatives to list (or ALL)"
    )
    parser.add_argument(
        "--corpus", type=Path, default=None, help="folder of labelled *.jsonl files"
    )
    parser.add_argument(
        "--files", default="*.jsonl", help="which files of the corpus (a glob, e.g. 'holdout*')"
    )
    args = parser.parse_args(argv)
    pattern = args.files if args.files.endswith(".jsonl") else f"{args.files}.jsonl"
    items = read_corpus(args.corpus, pattern)
    scores = evaluate(items)
    print(f"{len(items)} labelled items")
    print(f"{'rule':<6} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7}")
    for code, s in scores.items():
        if s.tp + s.fp + s.fn:
            print(f"{code:<6} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>10.2f} {s.recall:>7.2f}")
    wanted = {c.strip().upper() for c in args.show.split(",") if c.strip()}
    for code, s in scores.items():
        if "ALL" in wanted or any(code.startswith(w) for w in wanted):
            for line in s.false_positives:
                print(f"  {code} false positive  {line}")
            for line in s.false_negatives:
                print(f"  {code} false negative  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
