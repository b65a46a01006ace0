"""Agreement between the two blind annotators of the real corpus, per rubric label.

    python benchmarks/corpus_agreement.py [--batch batch2] [--disagreements LABEL]

Reads corpora/real/[BATCH/]first-annotator.jsonl and second-annotator.jsonl (one object per key
result: id, labels, note) and prints, per label, how often both say yes, how often they agree
and Cohen's kappa. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "corpora" / "real"
LABELS = (
    "task_not_outcome",
    "input_metric",
    "not_measurable",
    "no_baseline",
    "development_goal",
    "compensation_link",
    "unambitious",
    "unrealistic",
)


def _read(name: str, folder: Path = ROOT) -> dict[str, dict]:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return {item["id"]: item for item in map(json.loads, filter(None, lines))}


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    """Cohen's kappa for two raters' yes/no labels."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first = sum(a for a, _ in pairs) / n
    second = sum(b for _, b in pairs) / n
    expected = first * second + (1 - first) * (1 - second)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--disagreements", default="", help="a label whose disagreements to list")
    parser.add_argument("--batch", default="", help="a later batch's folder under corpora/real")
    args = parser.parse_args()
    folder = ROOT / args.batch if args.batch else ROOT
    first = _read("first-annotator.jsonl", folder)
    second = _read("second-annotator.jsonl", folder)
    ids = sorted(set(first) & set(second))
    print(f"{len(ids)} key results labelled by both annotators")
    print(f"{'label':<20} {'yes (1st/2nd)':>14} {'agree':>7} {'kappa':>7}")
    for label in LABELS:
        pairs = [(bool(first[i]["labels"][label]), bool(second[i]["labels"][label])) for i in ids]
        yes = f"{sum(a for a, _ in pairs)}/{sum(b for _, b in pairs)}"
        agree = sum(a == b for a, b in pairs) / len(pairs)
        print(f"{label:<20} {yes:>14} {agree:>7.1%} {kappa(pairs):>7.2f}")
        if label == args.disagreements:
            for i, (a, b) in zip(ids, pairs, strict=True):
                if a != b:
                    print(f"   {i} first={a} second={b}: {first[i].get('note', '')} | {second[i].get('note', '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
